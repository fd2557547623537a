package graph

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph/internal/boltkv"
	"github.com/newsgraph/newsgraph/internal/corpus"
)

// Benchmarks of the store on generated corpora (package internal/corpus,
// seed 1). The number of documents is NEWSGRAPH_BENCH_DOCS (default 300;
// BENCHMARKS.md gives the runs at larger sizes). Run with
//
//	go test ./graph/ -run '^$' -bench . -benchmem -benchtime 1x

func benchDocs() int {
	if n, err := strconv.Atoi(os.Getenv("NEWSGRAPH_BENCH_DOCS")); err == nil && n > 0 {
		return n
	}
	return 300
}

var (
	recsMu    sync.Mutex
	recsCache = map[int][]*extract.Record{}
)

// generated returns the records the default extractor makes of the first
// n generated articles (those it fails on are left out).
func generated(b testing.TB, n int) []*extract.Record {
	b.Helper()
	recsMu.Lock()
	defer recsMu.Unlock()
	if r, ok := recsCache[n]; ok {
		return r
	}
	g, err := corpus.New(1)
	if err != nil {
		b.Fatal(err)
	}
	ex := extract.Default()
	var out []*extract.Record
	for i := 0; i < n; i++ {
		a := g.Next()
		rec, err := ex.Extract(context.Background(), extract.Document{ID: a.ID, Text: a.Text, Published: a.Published})
		if err != nil {
			continue
		}
		out = append(out, rec)
	}
	recsCache[n] = out
	return out
}

// putAll puts recs one by one and returns the quads written.
func putAll(b testing.TB, s *Store, recs []*extract.Record) int {
	b.Helper()
	ctx := context.Background()
	n := 0
	for _, r := range recs {
		res, err := s.Put(ctx, r)
		if err != nil {
			continue // invalid records are skipped, as ingest does
		}
		n += res.Quads
	}
	return n
}

func openBench(b *testing.B, backend string) *Store {
	b.Helper()
	cfg := Config{Backend: backend}
	switch backend {
	case BackendBolt:
		cfg.Path = filepath.Join(b.TempDir(), "bench.db")
	case BackendPostgres:
		cfg.Path = postgresDSN(b)
	}
	s, err := Open(context.Background(), cfg)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func reportRate(b *testing.B, quads, docs int, elapsed time.Duration) {
	b.ReportMetric(float64(quads)/elapsed.Seconds(), "quads/s")
	b.ReportMetric(float64(docs)/elapsed.Seconds(), "docs/s")
}

// putBatches puts recs in batches of size n (PutBatch) and returns the
// quads written.
func putBatches(b testing.TB, s *Store, recs []*extract.Record, n int) int {
	b.Helper()
	quads := 0
	for i := 0; i < len(recs); i += n {
		res, err := s.PutBatch(context.Background(), recs[i:min(i+n, len(recs))])
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res {
			quads += r.Quads
		}
	}
	return quads
}

// BenchmarkPut writes the generated records into a fresh store of each
// backend: document by document (Put, one transaction each), and in
// batches of 64 documents (PutBatch, one transaction each).
func BenchmarkPut(b *testing.B) {
	recs := generated(b, benchDocs())
	for _, backend := range []string{BackendMemory, BackendBolt, BackendPostgres} {
		for _, batch := range benchBatches {
			name := backend
			if batch > 1 {
				name += fmt.Sprintf("/batch=%d", batch)
			}
			b.Run(name, func(b *testing.B) {
				var quads int
				var elapsed time.Duration
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					s := openBench(b, backend)
					b.StartTimer()
					start := time.Now()
					if batch == 1 {
						quads += putAll(b, s, recs)
					} else {
						quads += putBatches(b, s, recs, batch)
					}
					elapsed += time.Since(start)
					b.StopTimer()
					s.Close()
					b.StartTimer()
				}
				reportRate(b, quads, b.N*len(recs), elapsed)
			})
		}
	}
}

// storeQuads returns every quad of the store, in a fixed order.
func storeQuads(b testing.TB, s *Store) []quad.Quad {
	ctx := context.Background()
	it := s.QuadStore().QuadsAllIterator()
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		out = append(out, s.QuadStore().Quad(it.Result()))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

// BenchmarkCayleyWriter is the baseline: the quads Put made of the
// records, written by Cayley's own writer (graph.NewQuadWriter over
// qs.ApplyDeltas, in batches of 10,000 as Cayley's loader does), against
// BenchmarkCopy for PostgreSQL and BenchmarkPut/BenchmarkLoad.
func BenchmarkCayleyWriter(b *testing.B) {
	src := openBench(b, BackendMemory)
	putAll(b, src, generated(b, benchDocs()))
	quads := storeQuads(b, src)
	src.Close()
	// "bolt" and "postgres" are Cayley's own writers (the raw quad store,
	// not the store queries see); "bolt/kvwriter" is newsgraph's writer of
	// Cayley's kv layout, fed the same batches through Cayley's writer API
	// (the query store's ApplyDeltas).
	cases := []struct {
		name, backend string
		qs            func(s *Store) cgraph.QuadStore
	}{
		{"bolt", BackendBolt, func(s *Store) cgraph.QuadStore { return s.qs.(*boltkv.Store).QuadStore }},
		{"bolt/kvwriter", BackendBolt, func(s *Store) cgraph.QuadStore { return s.QuadStore() }},
		{"postgres", BackendPostgres, func(s *Store) cgraph.QuadStore { return s.qs }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var elapsed time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s := openBench(b, c.backend)
				b.StartTimer()
				start := time.Now()
				w, err := writer.NewSingleReplication(c.qs(s), cgraph.Options{"ignore_duplicate": true})
				if err != nil {
					b.Fatal(err)
				}
				qw := cgraph.NewWriter(w)
				for j := 0; j < len(quads); j += 10000 {
					if _, err := qw.WriteQuads(quads[j:min(j+10000, len(quads))]); err != nil {
						b.Fatal(err)
					}
				}
				if err := qw.Close(); err != nil {
					b.Fatal(err)
				}
				elapsed += time.Since(start)
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(b.N*len(quads))/elapsed.Seconds(), "quads/s")
		})
	}
}

// BenchmarkCopy writes the same quads as BenchmarkCayleyWriter into
// PostgreSQL with CopyQuads (COPY into Cayley's tables).
func BenchmarkCopy(b *testing.B) {
	src := openBench(b, BackendMemory)
	putAll(b, src, generated(b, benchDocs()))
	quads := storeQuads(b, src)
	src.Close()
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := openBench(b, BackendPostgres)
		b.StartTimer()
		start := time.Now()
		if _, err := s.CopyQuads(context.Background(), quad.NewReader(quads)); err != nil {
			b.Fatal(err)
		}
		elapsed += time.Since(start)
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(b.N*len(quads))/elapsed.Seconds(), "quads/s")
}

// BenchmarkFusion measures building and fusing one document against a
// store that holds the others (reads, matching, aggregates; no write).
func BenchmarkFusion(b *testing.B) {
	recs := generated(b, benchDocs())
	s := openBench(b, BackendMemory)
	defer s.Close()
	putAll(b, s, recs[:len(recs)-50])
	tail := recs[len(recs)-50:]
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, rec := range tail {
			p := newPending()
			if _, err := s.fuseRecord(s.view(ctx, p), p, rec); err != nil {
				continue
			}
		}
	}
	b.ReportMetric(float64(b.N*len(tail))/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkQueries runs each example query (examples/queries/*.js) on a
// bolt store of the generated records.
func BenchmarkQueries(b *testing.B) {
	files, _ := filepath.Glob("../examples/queries/*.js")
	if len(files) == 0 {
		b.Fatal("no example queries")
	}
	s := openBench(b, BackendBolt)
	defer s.Close()
	putAll(b, s, generated(b, benchDocs()))
	for _, f := range files {
		q, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.Query(context.Background(), "gizmo", string(q), 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchBatches are the batch sizes BenchmarkPut tries (1: Put).
var benchBatches = []int{1, 16, 64, 256}
