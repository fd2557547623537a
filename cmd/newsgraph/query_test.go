package main

import (
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
