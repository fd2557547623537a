package main

import (
	"bytes"
	"context"
	dsql "database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/corpus"
	"github.com/newsgraph/newsgraph/schema"
)

// genLines returns n generated articles (JSON Lines, one per element),
// deterministic by seed.
func genLines(t *testing.T, seed uint64, n int) []string {
	t.Helper()
	g, err := corpus.New(seed)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, _, err := g.Write(&buf, n, 0); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(buf.String(), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) != n {
		t.Fatalf("generated %d lines, want %d", len(lines), n)
	}
	return lines
}

// writeLines writes lines into dir/name and returns its path.
func writeLines(t *testing.T, dir, name string, lines []string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// extractRecords reads and extracts paths in-process, with the pipeline
// and the default extractor that ingest uses, and returns the records in
// input order.
func extractRecords(t *testing.T, paths ...string) []*extract.Record {
	t.Helper()
	f := extractFlags{extractor: defaultExtractor, workers: 2}
	p, err := f.pipeline(strings.NewReader(""), func(err error) { t.Errorf("extracting: %v", err) })
	if err != nil {
		t.Fatal(err)
	}
	var recs []*extract.Record
	err = p.Run(context.Background(), paths, func(res extracted) error {
		recs = append(recs, res.Record)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// reference is a memory store holding a clean ingest of records, put one
// after the other: what a store that received exactly these documents in
// this order must hold.
type reference struct {
	s    *graph.Store
	recs []*extract.Record
}

func newReference(t *testing.T) *reference {
	t.Helper()
	s, err := graph.Open(context.Background(), graph.Config{Backend: graph.BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return &reference{s: s}
}

// of returns the quads of a clean ingest of recs, reusing the reference
// when recs extends what it holds.
func (r *reference) of(t *testing.T, recs []*extract.Record) []string {
	t.Helper()
	if len(recs) < len(r.recs) || !slices.Equal(recs[:len(r.recs)], r.recs) {
		*r = *newReference(t)
	}
	r.put(t, recs[len(r.recs):]...)
	return storeQuads(t, r.s)
}

// put adds records to the reference.
func (r *reference) put(t *testing.T, recs ...*extract.Record) {
	t.Helper()
	for _, rec := range recs {
		if _, err := r.s.Put(context.Background(), rec); err != nil {
			t.Fatalf("reference: %v", err)
		}
		r.recs = append(r.recs, rec)
	}
}

// cleanIngest returns the quads of a fresh memory store into which recs
// were put in order.
func cleanIngest(t *testing.T, recs []*extract.Record) []string {
	t.Helper()
	r := newReference(t)
	r.put(t, recs...)
	return storeQuads(t, r.s)
}

// pinSubject is the subject of the bookkeeping quads graph.Store.apply
// writes on bolt for the duration of one write (see graph/put.go); a crash
// can leave them behind, and the next write removes them. They are not
// facts.
const pinSubject = "<urn:newsgraph:kv-pin>"

// storeQuads returns every quad of s as sorted N-Quads lines, without the
// pins.
func storeQuads(t *testing.T, s *graph.Store) []string {
	t.Helper()
	r := s.AllQuads(context.Background())
	defer r.Close()
	var out []string
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("reading the store: %v", err)
		}
		line := q.NQuad()
		if strings.HasPrefix(line, pinSubject+" ") {
			continue
		}
		out = append(out, line)
	}
	slices.Sort(out)
	return out
}

// openQuads opens a store read-only and returns its quads.
func openQuads(t *testing.T, cfg graph.Config) []string {
	t.Helper()
	cfg.ReadOnly = true
	s, err := graph.Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("opening the store: %v", err)
	}
	defer s.Close()
	return storeQuads(t, s)
}

// storedDocs returns the IDs of the documents recs whose document node
// (the subject of an ng:identifier) is in quads, in the order of recs.
func storedDocs(quads []string, recs []*extract.Record) []*extract.Record {
	have := map[string]bool{}
	suffix := " " + quad.IRI(schema.Identifier).String() + " "
	for _, l := range quads {
		if i := strings.Index(l, suffix); i > 0 {
			have[l[:i]] = true
		}
	}
	var out []*extract.Record
	for _, rec := range recs {
		if have[quad.IRI(schema.DocumentIRI(schema.DefaultBase, rec.Doc.ID)).String()] {
			out = append(out, rec)
		}
	}
	return out
}

// diffQuads describes how got differs from want, in a few lines.
func diffQuads(got, want []string) string {
	g, w := map[string]bool{}, map[string]bool{}
	for _, q := range got {
		g[q] = true
	}
	for _, q := range want {
		w[q] = true
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d quads, want %d", len(got), len(want))
	n := 0
	for _, q := range got {
		if !w[q] && n < 5 {
			fmt.Fprintf(&b, "\n  unexpected: %s", strings.TrimSpace(q))
			n++
		}
	}
	n = 0
	for _, q := range want {
		if !g[q] && n < 5 {
			fmt.Fprintf(&b, "\n  missing:    %s", strings.TrimSpace(q))
			n++
		}
	}
	return b.String()
}

// testSeed returns the seed of a randomised test: $NEWSGRAPH_TEST_SEED, or
// the clock. It is logged so that a failure can be replayed.
func testSeed(t *testing.T) uint64 {
	t.Helper()
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("NEWSGRAPH_TEST_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("NEWSGRAPH_TEST_SEED: %v", err)
		}
		seed = n
	}
	t.Logf("seed %d (NEWSGRAPH_TEST_SEED=%d replays it)", seed, seed)
	return seed
}

// crashStore is a store for the crash and concurrency tests: the flags
// that select it, its configuration for opening it in the test, and
// settle, which waits until no process that was killed is still writing
// to it.
type crashStore struct {
	flags  []string
	cfg    graph.Config
	settle func(t *testing.T)
	// progress returns a value that changes whenever a write is
	// committed.
	progress func(t *testing.T) string
}

// boltCrashStore is a fresh bolt file. A killed process holds no lock
// once it is reaped. Every commit rewrites a meta page of the file, so its
// modification time and size tell progress.
func boltCrashStore(t *testing.T) crashStore {
	db := filepath.Join(t.TempDir(), "graph.db")
	return crashStore{
		flags:  []string{"--db", "bolt", "--dbpath", db},
		cfg:    graph.Config{Backend: graph.BackendBolt, Path: db},
		settle: func(*testing.T) {},
		progress: func(*testing.T) string {
			fi, err := os.Stat(db)
			if err != nil {
				return ""
			}
			return fmt.Sprint(fi.ModTime().UnixNano(), fi.Size())
		},
	}
}

// postgresCrashStore is a fresh schema. The processes connect under an
// application name of their own, so that settle can wait until the server
// has ended their sessions (a killed client's transaction is rolled back,
// or committed if its COMMIT had been sent, when the server notices).
func postgresCrashStore(t *testing.T) crashStore {
	dsn := postgresDSN(t)
	app := fmt.Sprintf("newsgraph_crash_%d_%d", os.Getpid(), schemaSeq.Add(1))
	db, err := dsql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return crashStore{
		flags: []string{"--db", "postgres", "--dbpath", dsn + "&application_name=" + app},
		cfg:   graph.Config{Backend: graph.BackendPostgres, Path: dsn},
		progress: func(t *testing.T) string {
			var h dsql.NullInt64
			// Before the first ingest creates it, the table is missing.
			db.QueryRow(`SELECT max(horizon) FROM quads`).Scan(&h)
			return fmt.Sprint(h)
		},
		settle: func(t *testing.T) {
			t.Helper()
			for range 600 {
				var n int
				if err := db.QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE application_name = $1`, app).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n == 0 {
					return
				}
				time.Sleep(50 * time.Millisecond)
			}
			t.Fatalf("the sessions of the killed process are still open after 30s")
		},
	}
}

var summaryRe = regexp.MustCompile(`documents: (\d+) stored in .* \((\d+) added, (\d+) unchanged, (\d+) replaced\), (\d+) skipped`)

// TestIngestSIGKILL kills ingest with SIGKILL at random points, several
// times, on a bolt file and on PostgreSQL. After each kill the store opens
// and holds whole documents only: exactly what a clean ingest of the
// documents it holds (in input order) yields, quad for quad, so that no
// document lacks a fact and no fact comes from a document that is not
// there. A rerun of the same command then completes the job: every
// document once, and the store equal to a clean one-shot ingest.
//
// The check does not assume one transaction per document, only that
// documents are stored in input order.
func TestIngestSIGKILL(t *testing.T) {
	tests := []struct {
		name  string
		docs  int
		store func(t *testing.T) crashStore
		// A kill lands up to maxDelay after the run's first write; a
		// whole run takes several times maxDelay.
		maxDelay time.Duration
	}{
		{"bolt", 500, boltCrashStore, 2 * time.Second},
		{"postgres", 50, postgresCrashStore, 1500 * time.Millisecond},
	}
	const kills = 4
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rng := rand.New(rand.NewPCG(testSeed(t), 0))
			path := writeLines(t, t.TempDir(), "corpus.jsonl", genLines(t, 3, tc.docs))
			recs := extractRecords(t, path)
			st := tc.store(t)
			args := append([]string{"ingest"}, st.flags...)
			args = append(args, path)
			ref := newReference(t)

			midway := 0 // kills that left some but not all documents
			before := 0 // documents stored before the current run
			for i := 0; i < kills; i++ {
				delay := time.Duration(rng.Int64N(int64(tc.maxDelay)))
				mark := st.progress(t)
				cmd := exec.Command(binPath, args...)
				cmd.Env = testEnviron(nil)
				var out bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &out
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				exited := make(chan error, 1)
				go func() { exited <- cmd.Wait() }()
				// Wait for the run's first write, then for the delay.
				var fire <-chan time.Time
				tick := time.NewTicker(10 * time.Millisecond)
				finished := false
			wait:
				for {
					select {
					case err := <-exited:
						if err != nil {
							t.Fatalf("run %d: %v\n%s", i, err, out.String())
						}
						finished = true
						break wait
					case <-fire:
						break wait
					case <-tick.C:
						if fire == nil && st.progress(t) != mark {
							fire = time.After(delay)
						}
					}
				}
				tick.Stop()
				if finished {
					// The run finished before its kill: the job is done.
					t.Logf("run %d finished before its kill", i)
					break
				}
				cmd.Process.Kill()
				<-exited
				st.settle(t)

				got := openQuads(t, st.cfg)
				stored := storedDocs(got, recs)
				want := ref.of(t, stored)
				if !slices.Equal(got, want) {
					t.Fatalf("after kill %d (%v after the first write), with %d documents stored: the store is not a clean ingest of them: %s",
						i, delay, len(stored), diffQuads(got, want))
				}
				t.Logf("kill %d, %v after the first write: %d documents stored, whole", i, delay, len(stored))
				if len(stored) > before && len(stored) < len(recs) {
					midway++
				}
				before = len(stored)
			}

			r := runBinary(t, invocation{args: args})
			m := summaryRe.FindStringSubmatch(r.stdout)
			if r.code != 0 || m == nil || m[1] != strconv.Itoa(len(recs)) || m[4] != "0" || m[5] != "0" {
				t.Fatalf("rerun: %+v", r)
			}
			added, _ := strconv.Atoi(m[2])
			unchanged, _ := strconv.Atoi(m[3])
			if unchanged < before || added+unchanged != len(recs) {
				t.Errorf("rerun after %d stored documents: %s", before, m[0])
			}
			got := openQuads(t, st.cfg)
			if n := len(storedDocs(got, recs)); n != len(recs) {
				t.Errorf("%d documents stored, want %d", n, len(recs))
			}
			if want := cleanIngest(t, recs); !slices.Equal(got, want) {
				t.Errorf("after the rerun the store differs from a clean one-shot ingest: %s", diffQuads(got, want))
			}
			if midway == 0 {
				t.Errorf("no kill landed in the middle of the ingest (delays up to %v); the test proved nothing", tc.maxDelay)
			}
		})
	}
}
