package main

import (
	"bufio"
	"bytes"
	dsql "database/sql"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// startServe starts `newsgraph serve` with args on a free loopback port
// and returns its base URL once it listens. The process is stopped when
// the test ends.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	addr, _ := startServeProcess(t, args...)
	return addr
}

// startServeProcess is startServe, returning the process too.
func startServeProcess(t *testing.T, args ...string) (string, *os.Process) {
	t.Helper()
	cmd := exec.Command(binPath, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = testEnviron(nil)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	var rest bytes.Buffer
	lines := bufio.NewReader(stderr)
	first, err := lines.ReadString('\n')
	go func() {
		io.Copy(&rest, lines)
		cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
	})
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(first)
	if err != nil || addr == "" {
		cmd.Process.Kill()
		<-exited
		t.Fatalf("serve did not start: %q %s (%v)", first, rest.String(), err)
	}
	return addr, cmd.Process
}

// heldIngest is an `ingest ... -` process kept running: it has stored its
// files and waits for the end of its standard input.
type heldIngest struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	out    bytes.Buffer
	exited chan error
}

// startHeldIngest starts `newsgraph ingest ARGS -`: after the inputs in
// args, it reads one more document from standard input, and so keeps
// running (with its store open) until release.
func startHeldIngest(t *testing.T, args ...string) *heldIngest {
	t.Helper()
	h := &heldIngest{exited: make(chan error, 1)}
	h.cmd = exec.Command(binPath, append(append([]string{"ingest", "--published", "2024-01-01"}, args...), "-")...)
	h.cmd.Env = testEnviron(nil)
	h.cmd.Stdout, h.cmd.Stderr = &h.out, &h.out
	var err error
	if h.stdin, err = h.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := h.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { h.exited <- h.cmd.Wait() }()
	t.Cleanup(func() {
		if h.cmd.ProcessState == nil {
			h.cmd.Process.Kill()
		}
	})
	return h
}

// release ends standard input and waits for the process.
func (h *heldIngest) release(t *testing.T) string {
	t.Helper()
	io.WriteString(h.stdin, "A quiet day in the capital, officials said.\n")
	h.stdin.Close()
	select {
	case err := <-h.exited:
		if err != nil {
			t.Fatalf("ingest: %v\n%s", err, h.out.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatalf("ingest did not finish\n%s", h.out.String())
	}
	return h.out.String()
}

// running reports whether the process has not exited.
func (h *heldIngest) running() bool {
	select {
	case err := <-h.exited:
		h.exited <- err
		return false
	default:
		return true
	}
}

// lockedExclusively reports whether another process holds the exclusive
// lock of the bolt file path (as a writer does).
func lockedExclusively(t *testing.T, path string) bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB)
	if err == nil {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		return false
	}
	if !errors.Is(err, syscall.EWOULDBLOCK) {
		t.Fatalf("flock %s: %v", path, err)
	}
	return true
}

// TestBoltLock runs real processes on one bolt file. While ingest writes
// it, readers (query, stats, events, serve) give up after the lock wait
// with a message naming the file and the cause, rather than hanging; while
// serve reads it, other readers work and ingest is refused the same way.
func TestBoltLock(t *testing.T) {
	dir := writeArticles(t, articles)
	db := filepath.Join(t.TempDir(), "graph.db")
	if r := runBinary(t, run("ingest", "--dbpath", db, "--extractor", testExtractorName, dir)); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	query := `g.Emit(g.V().Has("<` + string(schema.Identifier) + `>").Count())` // the documents
	type cmdWant struct {
		args []string
		ok   bool   // exits 0
		msg  string // else: in stderr
	}
	runAll := func(t *testing.T, db string, cmds []cmdWant) {
		t.Helper()
		var wg sync.WaitGroup
		for _, c := range cmds {
			wg.Go(func() {
				done := make(chan result, 1)
				go func() { done <- runBinary(t, run(c.args...)) }()
				select {
				case r := <-done:
					if c.ok && r.code != 0 {
						t.Errorf("%v: %+v", c.args, r)
					}
					if !c.ok && (r.code != 1 || !strings.Contains(r.stderr, db+" "+c.msg)) {
						t.Errorf("%v: want exit 1 and %q, got %+v", c.args, c.msg, r)
					}
				case <-time.After(60 * time.Second):
					t.Errorf("%v hangs", c.args)
				}
			})
		}
		wg.Wait()
	}

	t.Run("ingest writing", func(t *testing.T) {
		t.Parallel()
		db := filepath.Join(t.TempDir(), "graph.db")
		h := startHeldIngest(t, "--dbpath", db, "--extractor", testExtractorName, dir)
		for !lockedExclusively(t, db) {
			if !h.running() {
				t.Fatalf("ingest exited: %s", h.out.String())
			}
			time.Sleep(10 * time.Millisecond)
		}
		const locked = "is locked by another process that is writing it (ingest?)"
		runAll(t, db, []cmdWant{
			{args: []string{"query", "--dbpath", db, query}, msg: locked},
			{args: []string{"stats", "--dbpath", db}, msg: locked},
			{args: []string{"events", "--dbpath", db}, msg: locked},
			{args: []string{"serve", "--dbpath", db, "--addr", "127.0.0.1:0"}, msg: locked},
			{args: []string{"ingest", "--dbpath", db, "--extractor", testExtractorName, dir}, msg: "is in use by another process"},
		})
		if !h.running() {
			t.Fatal("the held ingest exited early")
		}
		if out := h.release(t); !strings.Contains(out, "documents: 6 stored") {
			t.Errorf("ingest: %s", out)
		}
		runAll(t, db, []cmdWant{{args: []string{"query", "--dbpath", db, query}, ok: true}})
	})

	t.Run("serve reading", func(t *testing.T) {
		t.Parallel()
		url := startServe(t, "--dbpath", db)
		runAll(t, db, []cmdWant{
			{args: []string{"query", "--dbpath", db, query}, ok: true},
			{args: []string{"stats", "--dbpath", db}, ok: true},
			{args: []string{"ingest", "--dbpath", db, "--extractor", testExtractorName, dir}, msg: "is in use by another process"},
		})
		if n := httpCount(t, url, query); n != 5 {
			t.Errorf("serve counts %d documents, want 5", n)
		}
	})
}

// httpCount runs a Gizmo query that emits one number through serve.
func httpCount(t *testing.T, url, query string) int {
	t.Helper()
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Post(url+"/api/v2/query?lang=gizmo", "application/javascript", strings.NewReader(query))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var v struct {
		Result []int `json:"result"`
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || json.Unmarshal(body, &v) != nil || len(v.Result) != 1 {
		t.Fatalf("query through serve: %d %s", resp.StatusCode, body)
	}
	return v.Result[0]
}

// cliCount runs the same query with `newsgraph query`.
func cliCount(t *testing.T, env map[string]string, query string) int {
	t.Helper()
	r := runBinary(t, invocation{args: []string{"query", query}, env: env})
	var v []int
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &v) != nil || len(v) != 1 {
		t.Fatalf("query: %+v", r)
	}
	return v[0]
}

// TestReadersDuringIngest runs `query` and `serve` against a PostgreSQL
// store while `ingest` writes to it (real processes). Every read succeeds
// and sees whole documents: between what was stored before and what the
// ingest adds, never going back.
func TestReadersDuringIngest(t *testing.T) {
	dsn := postgresDSN(t)
	env := map[string]string{"NEWSGRAPH_DB": "postgres", "NEWSGRAPH_DBPATH": dsn}
	lines := genLines(t, 5, 30)
	dir := t.TempDir()
	first := writeLines(t, dir, "first.jsonl", lines[:10])
	rest := writeLines(t, dir, "rest.jsonl", lines[10:])
	if r := runBinary(t, invocation{args: []string{"ingest", first}, env: env}); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	url := startServe(t, "--db", "postgres", "--dbpath", dsn)
	query := `g.Emit(g.V().Has("<` + string(schema.Identifier) + `>").Count())` // the documents

	// The ingest stores rest.jsonl, then waits for its standard input:
	// every read below happens while it runs.
	h := startHeldIngest(t, "--db", "postgres", "--dbpath", dsn, rest)
	readers := []struct {
		name  string
		count func() int
	}{
		{"query", func() int { return cliCount(t, env, query) }},
		{"serve", func() int { return httpCount(t, url, query) }},
	}
	var wg sync.WaitGroup
	for _, rd := range readers {
		wg.Go(func() {
			last, reads, between := 10, 0, 0
			deadline := time.Now().Add(2 * time.Minute)
			for last < 30 && time.Now().Before(deadline) && !t.Failed() {
				n := rd.count()
				reads++
				if n < last || n > 30 {
					t.Errorf("%s: %d documents after %d (want 10 to 30, never fewer)", rd.name, n, last)
				}
				if n > 10 && n < 30 {
					between++
				}
				last = n
				time.Sleep(20 * time.Millisecond)
			}
			if last != 30 {
				t.Errorf("%s: %d documents at the end, want 30", rd.name, last)
			}
			t.Logf("%s: %d reads during the ingest, %d of them in the middle of it", rd.name, reads, between)
		})
	}
	wg.Wait()
	if !h.running() {
		t.Fatalf("ingest exited before the readers were done: %s", h.out.String())
	}
	if out := h.release(t); !strings.Contains(out, "documents: 21 stored in postgres (21 added") {
		t.Errorf("ingest: %s", out)
	}
	if n := httpCount(t, url, query); n != 31 {
		t.Errorf("serve counts %d documents after the ingest, want 31", n)
	}
}

// commitOrder returns the documents of a PostgreSQL store in the order
// their first facts were written (Cayley's quads table numbers rows in a
// sequence, and writers are serialised).
func commitOrder(t *testing.T, dsn string) []string {
	t.Helper()
	db, err := dsql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT s.value_string FROM quads q
		JOIN nodes s ON s.hash = q.subject_hash
		JOIN nodes p ON p.hash = q.predicate_hash
		JOIN nodes o ON o.hash = q.object_hash
		WHERE p.value_string = $1 AND p.iri
		GROUP BY s.value_string ORDER BY min(q.horizon)`, string(schema.Identifier))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestConcurrentIngestProcesses runs two `ingest` processes at once on
// one PostgreSQL store, on overlapping inputs. Each document is stored
// once (the overlap is found unchanged by whichever process comes second),
// and the store equals, quad for quad, a one-shot ingest of the union in
// the order the documents were committed: no entity, event or fact is
// duplicated or lost. (Fusion depends on the order in which documents
// arrive, so the order of the one-shot ingest is that of the commits.)
func TestConcurrentIngestProcesses(t *testing.T) {
	dsn := postgresDSN(t)
	lines := genLines(t, 11, 60)
	dir := t.TempDir()
	inputs := []string{
		writeLines(t, dir, "a.jsonl", lines[:40]),
		writeLines(t, dir, "b.jsonl", lines[20:]),
	}
	recs := extractRecords(t, writeLines(t, dir, "union.jsonl", lines))

	results := ingestAtOnce(t, dsn, inputs)
	added, unchanged := 0, 0
	for i, r := range results {
		m := summaryRe.FindStringSubmatch(r.stdout)
		if r.code != 0 || m == nil || m[1] != "40" {
			t.Fatalf("ingest %s: %+v", inputs[i], r)
		}
		a, _ := strconv.Atoi(m[2])
		u, _ := strconv.Atoi(m[3])
		added += a
		unchanged += u
		t.Logf("%s: %s", filepath.Base(inputs[i]), m[0])
	}
	if added != 60 || unchanged != 20 {
		t.Errorf("%d added and %d unchanged in all, want 60 and 20", added, unchanged)
	}

	order := commitOrder(t, dsn)
	byIRI := map[string]*extract.Record{}
	for _, rec := range recs {
		byIRI[string(schema.DocumentIRI(schema.DefaultBase, rec.Doc.ID))] = rec
	}
	var ordered []*extract.Record
	for _, iri := range order {
		rec := byIRI[iri]
		if rec == nil {
			t.Fatalf("unknown document %s in the store", iri)
		}
		ordered = append(ordered, rec)
	}
	if len(ordered) != len(recs) {
		t.Fatalf("%d documents stored, want %d", len(ordered), len(recs))
	}
	got := openQuads(t, graph.Config{Backend: graph.BackendPostgres, Path: dsn})
	if want := cleanIngest(t, ordered); !slices.Equal(got, want) {
		t.Errorf("the store differs from a one-shot ingest of the union in commit order: %s", diffQuads(got, want))
	}
	interleaved := 0
	for i := 1; i < len(ordered); i++ {
		if ordered[i].Doc.ID < ordered[i-1].Doc.ID {
			interleaved++
		}
	}
	t.Logf("commit order went back %d times (the processes interleaved)", interleaved)
}

// ingestAtOnce runs one ingest process per input into the PostgreSQL
// store dsn, all at the same time, and returns what each printed.
func ingestAtOnce(t *testing.T, dsn string, inputs []string) []result {
	t.Helper()
	var wg sync.WaitGroup
	results := make([]result, len(inputs))
	for i, in := range inputs {
		wg.Go(func() {
			results[i] = runBinary(t, invocation{args: []string{"ingest", "--db", "postgres", "--dbpath", dsn, in}})
		})
	}
	wg.Wait()
	return results
}
