package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestLatencySummary(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		out := make([]time.Duration, len(ns))
		for i, n := range ns {
			out[i] = time.Duration(n) * time.Millisecond
		}
		return out
	}
	tests := []struct {
		times []time.Duration
		want  string
	}{
		{ms(5), "1 runs, 3 results: min 5ms, p50 5ms, p95 5ms, max 5ms"},
		{ms(9, 1, 5), "3 runs, 3 results: min 1ms, p50 5ms, p95 9ms, max 9ms"},
		// 20 runs: the median is the 10th, the 95th percentile the 19th.
		{ms(20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1), "20 runs, 3 results: min 1ms, p50 10ms, p95 19ms, max 20ms"},
	}
	for _, tc := range tests {
		if got := latencySummary(tc.times, 3); got != tc.want {
			t.Errorf("latencySummary(%v) = %q, want %q", tc.times, got, tc.want)
		}
	}
}

// TestQueryRepeat runs a query several times: the results are printed once
// and the latencies summed up on stderr.
func TestQueryRepeat(t *testing.T) {
	dir := writeArticles(t, articles)
	db := filepath.Join(t.TempDir(), "graph.db")
	if r := runInProcess(t, run("ingest", "--dbpath", db, "--extractor", testExtractorName, "--published", "2024-01-18", dir)); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	once := runInProcess(t, run("query", "--dbpath", db, "g.Emit(g.V().Has(\"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>\").Count())"))
	r := runInProcess(t, run("query", "--dbpath", db, "--repeat", "7", "g.Emit(g.V().Has(\"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>\").Count())"))
	if r.code != 0 || r.stdout != once.stdout {
		t.Fatalf("repeat: %+v, once: %+v", r, once)
	}
	if !regexp.MustCompile(`^7 runs, 1 results: min \S+, p50 \S+, p95 \S+, max \S+\n$`).MatchString(r.stderr) {
		t.Errorf("stderr %q", r.stderr)
	}
	if r := runInProcess(t, run("query", "--dbpath", db, "--repeat", "0", "g.V().All()")); r.code != 2 || !strings.Contains(r.stderr, "--repeat") {
		t.Errorf("--repeat 0: %+v", r)
	}
}

// TestQueryLanguageOfFile checks that a query file's extension chooses its
// language unless --lang says otherwise.
func TestQueryLanguageOfFile(t *testing.T) {
	dir := writeArticles(t, articles)
	db := filepath.Join(t.TempDir(), "graph.db")
	if r := runInProcess(t, run("ingest", "--dbpath", db, "--extractor", testExtractorName, "--published", "2024-01-18", dir)); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	const graphQL = `{ attacks: nodes(<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>: <https://newsgraph.org/ns#Attack>) { id } }`
	const gizmo = `g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://newsgraph.org/ns#Attack>").All()`
	want := runInProcess(t, run("query", "--dbpath", db, "--lang", "graphql", graphQL))
	if want.code != 0 || !strings.Contains(want.stdout, "attacks") {
		t.Fatalf("--lang graphql: %+v", want)
	}
	files := t.TempDir()
	for _, tc := range []struct {
		name, text string
		lang       []string // --lang flag, if any
		code       int
		stdout     string // "" : not compared
		stderr     string
	}{
		{name: "q.graphql", text: graphQL, code: 0, stdout: want.stdout},
		{name: "Q.GQL", text: graphQL, code: 0, stdout: want.stdout},
		{name: "q.js", text: gizmo, code: 0},
		{name: "q.txt", text: gizmo, code: 0},
		{name: "q2.graphql", text: graphQL, lang: []string{"--lang", "gizmo"}, code: 1, stderr: "q2.graphql"},
		{name: "q3.js", text: graphQL, lang: []string{"--lang", "graphql"}, code: 0, stdout: want.stdout},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(files, tc.name)
			if err := os.WriteFile(path, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			args := append([]string{"query", "--dbpath", db, "-f", path}, tc.lang...)
			r := runInProcess(t, run(args...))
			if r.code != tc.code {
				t.Fatalf("exit %d, want %d: %+v", r.code, tc.code, r)
			}
			if tc.stdout != "" && r.stdout != tc.stdout {
				t.Errorf("stdout %q, want %q", r.stdout, tc.stdout)
			}
			if tc.code == 0 && !strings.Contains(r.stdout, "attack-") {
				t.Errorf("no attack in %q", r.stdout)
			}
			if !strings.Contains(r.stderr, tc.stderr) {
				t.Errorf("stderr %q does not name %q", r.stderr, tc.stderr)
			}
		})
	}
}
