package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/cmd/newsgraph/internal/testextractor"
	"github.com/newsgraph/newsgraph/extract"
)

// binPath is the newsgraph binary built by TestMain, with the test
// extractor compiled in (tag newsgraph_cmdtest).
var binPath string

func init() { testextractor.Register() }

const testExtractorName = testextractor.Name

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "newsgraph-cmd-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binPath = filepath.Join(dir, "newsgraph")
	build := exec.Command("go", "build", "-tags", "newsgraph_cmdtest", "-o", binPath, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building newsgraph:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of the command printed and returned.
type result struct {
	stdout, stderr string
	code           int
}

// invocation describes one run.
type invocation struct {
	args  []string
	stdin string
	env   map[string]string
}

// runner runs newsgraph in-process or as the built binary.
type runMode struct {
	name string
	run  func(t *testing.T, inv invocation) result
}

var modes = []runMode{
	{"in-process", runInProcess},
	{"binary", runBinary},
}

func runInProcess(t *testing.T, inv invocation) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	env := &Env{
		Stdin:  strings.NewReader(inv.stdin),
		Stdout: &stdout,
		Stderr: &stderr,
		Getenv: func(k string) string { return inv.env[k] },
	}
	code := Main(context.Background(), inv.args, env)
	return result{stdout.String(), stderr.String(), code}
}

func runBinary(t *testing.T, inv invocation) result {
	t.Helper()
	cmd := exec.Command(binPath, inv.args...)
	cmd.Stdin = strings.NewReader(inv.stdin)
	cmd.Env = testEnviron(inv.env)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("running %v: %v", inv.args, err)
		}
		code = ee.ExitCode()
	}
	return result{stdout.String(), stderr.String(), code}
}

// testEnviron is the process environment without NEWSGRAPH_ variables,
// plus env.
func testEnviron(env map[string]string) []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NEWSGRAPH_") {
			out = append(out, kv)
		}
	}
	for k, v := range env {
		out = append(out, k+"="+v)
	}
	return out
}

func run(args ...string) invocation { return invocation{args: args} }

// forEachMode runs f once in-process and once with the binary.
func forEachMode(t *testing.T, f func(t *testing.T, run func(invocation) result)) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			f(t, func(inv invocation) result { return m.run(t, inv) })
		})
	}
}

// writeArticles writes files (name → content) under a new directory.
func writeArticles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var articles = map[string]string{
	"_meta.json": `{"files": {"a.txt": {"published": "2024-01-18", "title": "Strike"}}}`,
	"a.txt":      "Pakistan launched a strike on Iran on Thursday, killing 9 people.\nIran protested.\n",
	"b.txt":      "Published: January 18, 2024\nIran said the strike by Pakistan hit a village, killing 7.\n",
	"c.html": `<html><head><title>Iran summons envoy</title></head><body><nav><a href="/">Home</a> <a href="/x">Subscribe</a></nav>
<article><p>Iran summoned the envoy of Pakistan after the strike on its territory, which it said killed 9 people.</p>
<p>The foreign ministry called the attack unacceptable and demanded an explanation from the government.</p></article>
<footer>Copyright News Corp</footer></body></html>`,
	"d.jsonl": `{"id": "wire-1", "text": "Jaish al-Adl said nothing.", "published": "2024-01-17", "source": "Wire"}
{"id": "wire-2", "html": "<p>Pakistan and Iran talked.</p>", "title": "Talks", "published": "18 Jan 2024"}
`,
}

// parseRecords reads JSON Lines of records.
func parseRecords(t *testing.T, out string) []extract.Record {
	t.Helper()
	var recs []extract.Record
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r extract.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("invalid JSON line %q: %v", sc.Text(), err)
		}
		recs = append(recs, r)
	}
	return recs
}

func docIDs(recs []extract.Record) []string {
	var ids []string
	for _, r := range recs {
		ids = append(ids, r.Doc.ID)
	}
	return ids
}

func TestHelp(t *testing.T) {
	forEachMode(t, func(t *testing.T, run func(invocation) result) {
		r := run(invocation{args: []string{"help"}})
		if r.code != 0 || !strings.Contains(r.stdout, "Usage:") || !strings.Contains(r.stdout, `"newsgraph --version"`) {
			t.Fatalf("help: %+v", r)
		}
		for _, c := range commands {
			if !strings.Contains(r.stdout, "\t"+c.Name+" ") {
				t.Errorf("help does not list %s", c.Name)
			}
			for _, args := range [][]string{{"help", c.Name}, {c.Name, "-h"}, {c.Name, "--help"}} {
				r := run(invocation{args: args})
				if r.code != 0 || !strings.HasPrefix(r.stdout, "usage: newsgraph "+c.Name) || r.stderr != "" {
					t.Errorf("%v: code %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
				}
				if c.Name != "schema" && c.Name != "version" && !strings.Contains(r.stdout, "Flags:") {
					t.Errorf("%v: no flags listed:\n%s", args, r.stdout)
				}
			}
		}
	})
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string // in stderr
	}{
		{nil, "Usage:"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"help", "frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"extract", "--frob"}, "unknown flag: --frob"},
		{[]string{"extract"}, "no input"},
		{[]string{"extract", "--published", "2024-02-31", "x"}, `--published: invalid date "2024-02-31"`},
		{[]string{"extract", "--workers", "0", "x"}, "--workers"},
		{[]string{"ingest", "--db", "mysql", "x"}, `unknown backend "mysql"`},
		{[]string{"events", "--since", "last week"}, "--since"},
		{[]string{"events", "extra"}, "unexpected arguments"},
		{[]string{"events", "--format", "xlsx"}, `unknown format "xlsx"`},
		{[]string{"events", "--type", "Atack"}, `unknown event type "Atack" (want one of Attack, Condemn`},
		{[]string{"events", "--since", "yesterday"}, `--since: "yesterday" is not a date`},
		{[]string{"export", "--type", "Atack", "--format", "dot"}, `unknown event type "Atack"`},
		{[]string{"export", "-o", "x.csv"}, "names no export format (.nq, .jsonld, .graphml, .dot, .svg, optionally .gz); give --format; a table of events is written by 'newsgraph events --format csv > x.csv'"},
		{[]string{"export", "-o", "out/x.TSV.gz"}, "'newsgraph events --format tsv | gzip > out/x.TSV.gz'"},
		{[]string{"export", "-o", "x.ndjson"}, "'newsgraph events --format jsonl > x.ndjson'"},
		{[]string{"export", "-o", "x.xlsx"}, "names no export format (.nq, .jsonld, .graphml, .dot, .svg, optionally .gz); give --format\n"},
		{[]string{"export", "--format", "nquads", "--country", "Iran"}, "--format nquads cannot write"},
		{[]string{"export", "--country", "Iran", "-o", "x.nq.gz"}, "--format nquads cannot write"},
		{[]string{"export", "--format", "jsonld", "--since", "2024-01"}, "--format jsonld cannot write"},
		{[]string{"export", "--format", "jsonld", "--graph", "events"}, "--graph events is written as graphml, dot, svg"},
		{[]string{"export", "--graph", "rdf", "--actor", "Iran"}, "--graph rdf writes every quad"},
		{[]string{"export", "--graph", "people"}, `unknown graph "people"`},
		{[]string{"export", "--graph", "events", "-o", "x.nq"}, "--format nquads writes every quad"},
		{[]string{"version", "extra"}, "unexpected arguments"},
		{[]string{"query"}, "no query"},
		{[]string{"query", "--lang", "sparql", "g.V()"}, "unknown language"},
		{[]string{"query", "-f", "q.js", "g.V()"}, "not both"},
		{[]string{"export", "--format", "csv"}, "unknown format \"csv\" (want nquads, jsonld, graphml, dot, svg); a table of events is written by 'newsgraph events --format csv > events.csv'"},
		{[]string{"serve", "--read-only=false"}, "needs --token-file"},
		{[]string{"schema", "--format", "xml"}, "unknown format"},
		{[]string{"stats", "--limit", "3"}, "unknown flag: --limit"},
	}
	forEachMode(t, func(t *testing.T, run func(invocation) result) {
		for _, tt := range tests {
			r := run(invocation{args: tt.args})
			if r.code != 2 || !strings.Contains(r.stderr, tt.want) || r.stdout != "" {
				t.Errorf("%v: code %d, stderr %q, stdout %q; want 2 and %q", tt.args, r.code, r.stderr, r.stdout, tt.want)
			}
			if len(tt.args) > 0 && lookup(tt.args[0]) != nil && !strings.Contains(r.stderr, "usage: newsgraph "+tt.args[0]) {
				t.Errorf("%v: no usage line in %q", tt.args, r.stderr)
			}
		}
	})
}

func TestExtract(t *testing.T) {
	dir := writeArticles(t, articles)
	forEachMode(t, func(t *testing.T, run func(invocation) result) {
		r := run(invocation{args: []string{"extract", "--extractor", testExtractorName, "--published", "2024-01-20", dir}})
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("code %d, stderr %q", r.code, r.stderr)
		}
		recs := parseRecords(t, r.stdout)
		if got, want := docIDs(recs), []string{"a.txt", "b.txt", "c.html", "wire-1", "wire-2"}; !slices.Equal(got, want) {
			t.Fatalf("documents %q, want %q", got, want)
		}
		published := map[string]string{"a.txt": "2024-01-18", "b.txt": "2024-01-18", "c.html": "2024-01-20", "wire-1": "2024-01-17", "wire-2": "2024-01-18"}
		for _, rec := range recs {
			if rec.Doc.Published == nil || *rec.Doc.Published != published[rec.Doc.ID] {
				t.Errorf("%s: published %v, want %s", rec.Doc.ID, rec.Doc.Published, published[rec.Doc.ID])
			}
		}
		if recs[0].Doc.Title == nil || *recs[0].Doc.Title != "Strike" {
			t.Errorf("a.txt title from _meta.json: %v", recs[0].Doc.Title)
		}
		if recs[2].Doc.Title == nil || *recs[2].Doc.Title != "Iran summons envoy" {
			t.Errorf("c.html title: %v", recs[2].Doc.Title)
		}
		if len(recs[0].Events) != 1 || recs[0].Events[0].Killed == nil || *recs[0].Events[0].Killed != 9 {
			t.Errorf("a.txt events: %+v", recs[0].Events)
		}
		// The contract's keys are there, nulls included.
		first := strings.SplitN(r.stdout, "\n", 2)[0]
		for _, key := range []string{`"doc":`, `"url":null`, `"entities":`, `"events":`, `"relations":`, `"sha256":`} {
			if !strings.Contains(first, key) {
				t.Errorf("first record lacks %s: %s", key, first)
			}
		}
	})
}

func TestExtractStdinAndFiles(t *testing.T) {
	dir := writeArticles(t, articles)
	forEachMode(t, func(t *testing.T, run func(invocation) result) {
		r := run(invocation{
			args:  []string{"extract", "--extractor", testExtractorName, "--published", "2024-01-19", filepath.Join(dir, "b.txt"), "-", filepath.Join(dir, "a.txt")},
			stdin: "Pakistan and Iran: a strike.\r\n",
		})
		if r.code != 0 {
			t.Fatalf("code %d, stderr %q", r.code, r.stderr)
		}
		recs := parseRecords(t, r.stdout)
		if got, want := docIDs(recs), []string{"b.txt", "stdin", "a.txt"}; !slices.Equal(got, want) {
			t.Fatalf("documents %q, want %q", got, want)
		}
		if p := recs[1].Doc.Published; p == nil || *p != "2024-01-19" {
			t.Errorf("stdin published %v", p)
		}
		if p := recs[2].Doc.Published; p == nil || *p != "2024-01-18" {
			t.Errorf("a.txt given directly: published %v, want the date from its directory's _meta.json", p)
		}
	})
}

func TestExtractBadInputs(t *testing.T) {
	dir := writeArticles(t, map[string]string{
		"1.txt":     "Pakistan and Iran.",
		"2.bin.txt": "\x7fELF\x00\x00\x01",
		"3.jsonl":   "{\"id\": \"j1\", \"text\": \"One.\"}\n{\"id\": \"j2\", \"text\": \n{\"id\": \"j3\", \"text\": \"Three.\"}\n",
		"4.txt":     "This one has FAIL_EXTRACT in it.",
		"5.txt":     "This one has PANIC_EXTRACT in it.",
		"6.doc":     "unknown",
		"7.txt":     "",
		"8.txt":     "Last.",
	})
	missing := filepath.Join(dir, "missing.txt")
	forEachMode(t, func(t *testing.T, run func(invocation) result) {
		r := run(invocation{args: []string{"extract", "--extractor", testExtractorName, dir, missing}})
		if r.code != 1 {
			t.Errorf("exit code %d, want 1", r.code)
		}
		if got, want := docIDs(parseRecords(t, r.stdout)), []string{"1.txt", "j1", "j3", "8.txt"}; !slices.Equal(got, want) {
			t.Errorf("documents %q, want %q", got, want)
		}
		for _, want := range []string{
			"input: " + filepath.Join(dir, "2.bin.txt") + ": binary file",
			"input: " + filepath.Join(dir, "3.jsonl") + ":2: invalid JSON",
			"extract: 4.txt: cannot make sense of this document",
			"extract: 5.txt: extractor panicked",
			"input: " + filepath.Join(dir, "6.doc") + ": unknown file type",
			"input: " + filepath.Join(dir, "7.txt") + ": empty file",
			"input: " + missing + ": no such file or directory",
			"newsgraph extract: 7 input(s) skipped, 4 document(s) extracted",
		} {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
			}
		}
	})
}

func TestExtractKeepsOrder(t *testing.T) {
	files := map[string]string{}
	var want []string
	for i := range 60 {
		name := fmt.Sprintf("%03d.txt", i)
		text := "Pakistan and Iran."
		if i%7 == 0 {
			text = "SLOW_EXTRACT " + text
		}
		files[name] = text
		want = append(want, name)
	}
	dir := writeArticles(t, files)
	r := runInProcess(t, run("extract", "--extractor", testExtractorName, "--workers", "8", dir))
	if r.code != 0 {
		t.Fatalf("code %d: %s", r.code, r.stderr)
	}
	if got := docIDs(parseRecords(t, r.stdout)); !slices.Equal(got, want) {
		t.Errorf("order %q", got)
	}
}

func TestExtractUnknownExtractor(t *testing.T) {
	dir := writeArticles(t, map[string]string{"a.txt": "x"})
	r := runInProcess(t, run("extract", "--extractor", "no-such-extractor", dir))
	if r.code != 1 || !strings.Contains(r.stderr, `unknown extractor "no-such-extractor"`) {
		t.Errorf("%+v", r)
	}
}

// TestExtractLexical runs the default extractor on the example articles.
// An unregistered default extractor fails it (it skipped once, before the
// extractor existed, which would hide its loss).
func TestExtractLexical(t *testing.T) {
	if !slices.Contains(extract.Names(), defaultExtractor) {
		t.Fatalf("extractor %q is not registered (registered: %v)", defaultExtractor, extract.Names())
	}
	r := runBinary(t, run("extract", filepath.Join("..", "..", "examples", "articles")))
	if r.code != 0 {
		t.Fatalf("code %d: %s", r.code, r.stderr)
	}
	recs := parseRecords(t, r.stdout)
	if len(recs) != 5 || recs[0].Doc.ID != "000_d765e2c5818afb87.txt" {
		t.Fatalf("documents %q", docIDs(recs))
	}
	for _, rec := range recs {
		if rec.Doc.Published == nil || *rec.Doc.Published != "2024-01-18" {
			t.Errorf("%s: published %v", rec.Doc.ID, rec.Doc.Published)
		}
	}
}

func TestStoreCommands(t *testing.T) {
	dir := writeArticles(t, articles)
	forEachMode(t, func(t *testing.T, run func(invocation) result) {
		db := filepath.Join(t.TempDir(), "graph.db")
		// The store's place comes from the environment here.
		env := map[string]string{"NEWSGRAPH_DB": "bolt", "NEWSGRAPH_DBPATH": db}
		r := run(invocation{args: []string{"ingest", "--extractor", testExtractorName, "--published", "2024-01-18", dir}, env: env})
		if r.code != 0 {
			t.Fatalf("ingest: code %d, stderr %q", r.code, r.stderr)
		}
		for _, want := range []string{"documents: 5 stored in " + db + " (5 added, 0 unchanged, 0 replaced), 0 skipped", "entities:", "events:    3 (reports per document, summed", "quads:", "elapsed:"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("ingest summary lacks %q:\n%s", want, r.stdout)
			}
		}
		if !regexp.MustCompile(`(?m)^writes: +[1-9][0-9]* transactions, [0-9.]+ [kMGT]?B of bolt pages, [1-9][0-9]* bytes a quad$`).MatchString(r.stdout) {
			t.Errorf("ingest summary lacks the bolt writes line:\n%s", r.stdout)
		}
		if _, err := os.Stat(db); err != nil {
			t.Fatalf("no bolt file: %v", err)
		}

		// Again: nothing changed; one more bad input.
		r = run(invocation{args: []string{"ingest", "--dbpath", db, "--extractor", testExtractorName, "--published", "2024-01-18", dir, filepath.Join(dir, "nope.txt")}})
		if r.code != 1 || !strings.Contains(r.stdout, "(0 added, 5 unchanged, 0 replaced), 1 skipped") || !strings.Contains(r.stderr, "nope.txt: no such file") {
			t.Errorf("re-ingest: %+v", r)
		}

		// events: the attack that a.txt, b.txt and c.html report, fused.
		r = run(invocation{args: []string{"events", "--dbpath", db}})
		if r.code != 0 {
			t.Fatalf("events: %+v", r)
		}
		lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
		if !regexp.MustCompile(`^DATE\s+TYPE\s+ACTORS → TARGETS\s+PLACE\s+KILLED\s+SOURCES$`).MatchString(lines[0]) ||
			!regexp.MustCompile(`2024-01-18\s+Attack\s+Pakistan\s+Iran\s+7–9\s+3`).MatchString(r.stdout) ||
			lines[len(lines)-1] != "1 event(s)" {
			t.Errorf("events table:\n%s", r.stdout)
		}
		r = run(invocation{args: []string{"events", "--dbpath", db, "--json", "--type", "Attack", "--place", "Iran", "--since", "2024-01-01", "--until", "January 31, 2024"}})
		if r.code != 0 {
			t.Fatalf("events --json: %+v", r)
		}
		var ev extract.Event
		if err := json.Unmarshal([]byte(strings.TrimSpace(r.stdout)), &ev); err != nil {
			t.Fatalf("events --json: %v\n%s", err, r.stdout)
		}
		if ev.Type != "Attack" || len(ev.Sources) != 3 || ev.Killed == nil || *ev.Killed != 7 || ev.KilledMax == nil || *ev.KilledMax != 9 {
			t.Errorf("event %+v", ev)
		}
		r = run(invocation{args: []string{"events", "--dbpath", db, "--json", "--actor", "Iran"}})
		if r.code != 0 || r.stdout != "" {
			t.Errorf("events --actor Iran: %+v", r)
		}

		// query, as an argument and from a file.
		q := `g.V().Has("<https://newsgraph.org/ns#name>", "Pakistan").Out("<https://newsgraph.org/ns#struck>").Out("<https://newsgraph.org/ns#name>").Unique().All()`
		r = run(invocation{args: []string{"query", "--dbpath", db, q}})
		var got []map[string]any
		if r.code != 0 || json.Unmarshal([]byte(r.stdout), &got) != nil || len(got) != 1 || got[0]["id"] != "Iran" || !strings.Contains(r.stdout, "\n  ") {
			t.Errorf("query: %+v", r)
		}
		qf := filepath.Join(t.TempDir(), "q.js")
		os.WriteFile(qf, []byte(`g.V().Has("<https://newsgraph.org/ns#identifier>").All()`), 0o644)
		r = run(invocation{args: []string{"query", "--dbpath", db, "--limit", "2", "-f", qf}})
		if r.code != 0 || json.Unmarshal([]byte(r.stdout), &got) != nil || len(got) != 2 {
			t.Errorf("query -f: %+v", r)
		}
		os.WriteFile(qf, []byte(`g.V(.All(`), 0o644)
		r = run(invocation{args: []string{"query", "--dbpath", db, "-f", qf}})
		if r.code != 1 || !strings.Contains(r.stderr, qf) {
			t.Errorf("bad query file: %+v", r)
		}
		r = run(invocation{args: []string{"query", "--dbpath", db, "--lang", "graphql", `{ nodes(<https://newsgraph.org/ns#name>: "Iran") { id } }`}})
		if r.code != 0 || !strings.Contains(r.stdout, "country/iran") {
			t.Errorf("graphql: %+v", r)
		}

		// export, to stdout and to files.
		r = run(invocation{args: []string{"export", "--dbpath", db}})
		if r.code != 0 || !strings.Contains(r.stdout, "<https://newsgraph.org/ns#Document>") || strings.Count(r.stdout, " .\n") < 50 {
			t.Errorf("export: code %d, stderr %q, %d bytes", r.code, r.stderr, len(r.stdout))
		}
		out := t.TempDir()
		for format, check := range map[string]string{"graph.graphml": "<graphml", "graph.dot": "digraph", "graph.jsonld": "@graph", "graph.nq": "<https://newsgraph.org/id/doc/a.txt>"} {
			p := filepath.Join(out, format)
			r = run(invocation{args: []string{"export", "--dbpath", db, "-o", p}})
			data, _ := os.ReadFile(p)
			if r.code != 0 || r.stdout != "" || !bytes.Contains(data, []byte(check)) {
				t.Errorf("export -o %s: %+v, file has %d bytes", format, r, len(data))
			}
		}
		r = run(invocation{args: []string{"export", "--dbpath", db, "--format", "dot"}})
		if r.code != 0 || !strings.HasPrefix(r.stdout, "digraph") {
			t.Errorf("export --format dot: %+v", r)
		}

		// stats
		r = run(invocation{args: []string{"stats", "--dbpath", db}})
		if r.code != 0 || !regexp.MustCompile(`documents:\s+5\n`).MatchString(r.stdout) || !regexp.MustCompile(`events:\s+1\n\s+Attack\s+1\n`).MatchString(r.stdout) {
			t.Errorf("stats:\n%s%s", r.stdout, r.stderr)
		}
		r = run(invocation{args: []string{"stats", "--dbpath", db, "--json"}})
		var st struct {
			Documents int            `json:"documents"`
			Entities  map[string]int `json:"entities"`
			Quads     int            `json:"quads"`
		}
		if r.code != 0 || json.Unmarshal([]byte(r.stdout), &st) != nil || st.Documents != 5 || st.Entities["Country"] != 2 || st.Quads == 0 {
			t.Errorf("stats --json: %+v", r)
		}

		// schema
		r = run(invocation{args: []string{"schema"}})
		if r.code != 0 || !strings.Contains(r.stdout, "@prefix ng: <https://newsgraph.org/ns#>") {
			t.Errorf("schema: code %d, %.200s", r.code, r.stdout)
		}
		r = run(invocation{args: []string{"schema", "--format", "nquads"}})
		if r.code != 0 || !strings.Contains(r.stdout, "<https://newsgraph.org/ns#Document> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>") {
			t.Errorf("schema --format nquads: code %d, %.200s", r.code, r.stdout)
		}
	})
}

func TestReadCommandsWithoutStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	forEachMode(t, func(t *testing.T, run func(invocation) result) {
		for _, args := range [][]string{{"events"}, {"stats"}, {"export"}, {"query", "g.V().All()"}} {
			r := run(invocation{args: append(args, "--dbpath", db)})
			if r.code != 1 || !strings.Contains(r.stderr, db+": no such database") {
				t.Errorf("%v: %+v", args, r)
			}
			if _, err := os.Stat(db); err == nil {
				t.Fatalf("%v created %s", args, db)
			}
		}
	})
}

func TestIngestMemory(t *testing.T) {
	dir := writeArticles(t, articles)
	r := runInProcess(t, run("ingest", "--db", "memory", "--extractor", testExtractorName, dir))
	if r.code != 0 || !strings.Contains(r.stdout, "5 added") || !strings.Contains(r.stderr, "keeps nothing") {
		t.Errorf("%+v", r)
	}
}

// TestIngestInterrupt interrupts an ingest of slow documents: it stops
// after the current document, prints the summary so far and exits 1, and
// the store holds exactly the documents it reported.
func TestIngestInterrupt(t *testing.T) {
	files := map[string]string{}
	for i := range 40 {
		files[fmt.Sprintf("%02d.txt", i)] = "SLOW_EXTRACT Pakistan and Iran."
	}
	dir := writeArticles(t, files)
	db := filepath.Join(t.TempDir(), "graph.db")
	done := t.TempDir()
	cmd := exec.Command(binPath, "ingest", "--dbpath", db, "--extractor", testExtractorName, "--workers", "1", dir)
	cmd.Env = testEnviron(map[string]string{testextractor.DoneDirEnv: done})
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// Interrupt once two documents are extracted (the extractor marks
	// them in done), however slow the machine.
	for marked := 0; marked < 2; {
		select {
		case err := <-exited:
			t.Fatalf("ingest ended (%v) before two documents were extracted: %s", err, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
		marks, err := os.ReadDir(done)
		if err != nil {
			t.Fatal(err)
		}
		marked = len(marks)
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := <-exited
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("exit: %v; stdout %q stderr %q", err, stdout.String(), stderr.String())
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("stderr %q", stderr.String())
	}
	m := regexp.MustCompile(`documents: (\d+) stored`).FindStringSubmatch(stdout.String())
	if m == nil || m[1] == "0" || m[1] == "40" {
		t.Fatalf("summary %q", stdout.String())
	}
	r := runBinary(t, run("stats", "--dbpath", db, "--json"))
	if !strings.Contains(r.stdout, `"documents": `+m[1]+",") {
		t.Errorf("summary says %s documents, stats: %s", m[1], r.stdout)
	}
}

func TestServe(t *testing.T) {
	dir := writeArticles(t, articles)
	db := filepath.Join(t.TempDir(), "graph.db")
	if r := runBinary(t, run("ingest", "--dbpath", db, "--extractor", testExtractorName, dir)); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	tokenFile := filepath.Join(t.TempDir(), "token")
	os.WriteFile(tokenFile, []byte("  \n"), 0o600)
	if r := runBinary(t, run("serve", "--dbpath", db, "--read-only=false", "--token-file", tokenFile)); r.code != 1 || !strings.Contains(r.stderr, tokenFile+": the token file is empty") {
		t.Errorf("empty token file: %+v", r)
	}

	cmd := exec.Command(binPath, "serve", "--dbpath", db, "--addr", "127.0.0.1:0")
	cmd.Env = testEnviron(nil)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewReader(stderr)
	first, err := lines.ReadString('\n')
	if err != nil {
		t.Fatalf("reading the serve banner: %v", err)
	}
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(first)
	if addr == "" || !strings.Contains(first, "read-only") {
		t.Fatalf("banner %q", first)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"status":"ok"`) {
		t.Errorf("healthz: %d %s", resp.StatusCode, body)
	}
	resp, err = client.Post(addr+"/api/v2/query?lang=gizmo", "application/javascript",
		strings.NewReader(`g.V().Has("<https://newsgraph.org/ns#name>", "Pakistan").Out("<https://newsgraph.org/ns#name>").Unique().All()`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Pakistan") {
		t.Errorf("query: %d %s", resp.StatusCode, body)
	}
	cmd.Process.Signal(syscall.SIGINT)
	rest, _ := io.ReadAll(lines)
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve exited with %v; stderr %s", err, rest)
	}
	if !strings.Contains(string(rest), "stopped") {
		t.Errorf("stderr after the banner: %q", rest)
	}
}

// TestVersion checks that "version" and "--version" name the binary, its
// commit as the build recorded it, and the Go version.
func TestVersion(t *testing.T) {
	forEachMode(t, func(t *testing.T, run func(invocation) result) {
		for _, args := range [][]string{{"version"}, {"--version"}} {
			r := run(invocation{args: args})
			if r.code != 0 || !strings.HasPrefix(r.stdout, "newsgraph ") || !strings.Contains(r.stdout, " go1.") || r.stderr != "" {
				t.Errorf("%v: code %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
			}
		}
	})
}

// TestPrintVersion checks the line for a build with version control
// information, and one without.
func TestPrintVersion(t *testing.T) {
	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"no build info", nil, "newsgraph (devel) " + runtime.Version() + "\n"},
		{"module version", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.3.0"}}, "newsgraph v0.3.0 go1.26.8\n"},
		{"commit", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "d6f98fe0123456789abcdef"}, {Key: "vcs.time", Value: "2026-12-05T10:00:00Z"}, {Key: "vcs.modified", Value: "true"},
		}}, "newsgraph (devel) (commit d6f98fe01234+dirty, 2026-12-05T10:00:00Z) go1.26.8\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		printVersion(&b, tt.info)
		if b.String() != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, b.String(), tt.want)
		}
	}
}

// TestIngestNothingLeavesNoStore checks that a first ingest that stores
// nothing (its only input is missing) exits 1 and leaves no bolt file
// behind, while an existing store is kept.
func TestIngestNothingLeavesNoStore(t *testing.T) {
	forEachMode(t, func(t *testing.T, run func(invocation) result) {
		dir := t.TempDir()
		db := filepath.Join(dir, "new.db")
		r := run(invocation{args: []string{"ingest", "--dbpath", db, filepath.Join(dir, "missing.txt")}})
		if r.code != 1 || !strings.Contains(r.stderr, "missing.txt: no such file") {
			t.Errorf("ingest of a missing file: %+v", r)
		}
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Errorf("ingest that stored nothing left %s behind (stat: %v)", db, err)
		}
		// A store that existed before stays, even when nothing is added.
		if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(articles["a.txt"]), 0o644); err != nil {
			t.Fatal(err)
		}
		if r := run(invocation{args: []string{"ingest", "--dbpath", db, "--extractor", testExtractorName, filepath.Join(dir, "a.txt")}}); r.code != 0 {
			t.Fatalf("ingest: %+v", r)
		}
		run(invocation{args: []string{"ingest", "--dbpath", db, filepath.Join(dir, "missing.txt")}})
		if _, err := os.Stat(db); err != nil {
			t.Errorf("an existing store was removed: %v", err)
		}
	})
}

// TestEventsCSV checks that the CSV and TSV tables parse back with
// encoding/csv, have the header and one row per event of the JSON Lines
// listing, in its order, with the same ids, dates, types and figures.
func TestEventsCSV(t *testing.T) {
	dir := writeArticles(t, articles)
	db := filepath.Join(t.TempDir(), "graph.db")
	if r := runBinary(t, invocation{args: []string{"ingest", "--dbpath", db, "--extractor", testExtractorName, "--published", "2024-01-18", dir}}); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	r := runBinary(t, invocation{args: []string{"events", "--dbpath", db, "--format", "jsonl"}})
	if r.code != 0 {
		t.Fatalf("events --format jsonl: %+v", r)
	}
	var events []extract.Event
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var ev extract.Event
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("events --format jsonl: %v: %s", err, line)
		}
		events = append(events, ev)
	}
	if len(events) == 0 {
		t.Fatal("no events to compare")
	}
	for _, tt := range []struct {
		format string
		sep    rune
	}{{"csv", ','}, {"tsv", '\t'}} {
		r := runBinary(t, invocation{args: []string{"events", "--dbpath", db, "--format", tt.format}})
		if r.code != 0 {
			t.Fatalf("events --format %s: %+v", tt.format, r)
		}
		cr := csv.NewReader(strings.NewReader(r.stdout))
		cr.Comma = tt.sep
		rows, err := cr.ReadAll()
		if err != nil {
			t.Fatalf("%s does not parse: %v\n%s", tt.format, err, r.stdout)
		}
		if !slices.Equal(rows[0], eventColumns) || len(rows) != len(events)+1 {
			t.Fatalf("%s: header %q and %d rows, want %d events", tt.format, rows[0], len(rows)-1, len(events))
		}
		col := map[string]int{}
		for i, c := range rows[0] {
			col[c] = i
		}
		for i, ev := range events {
			row := rows[i+1]
			want := map[string]string{"event_id": ev.ID, "type": ev.Type, "killed_min": intCell(ev.Killed), "sources": strconv.Itoa(len(ev.Sources))}
			if ev.Date != nil {
				want["date"] = *ev.Date
			}
			for c, w := range want {
				if row[col[c]] != w {
					t.Errorf("%s row %d: %s = %q, want %q", tt.format, i+1, c, row[col[c]], w)
				}
			}
		}
	}
}
