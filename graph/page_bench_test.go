package graph

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
)

// BenchmarkFirstPage measures the first page of 100 events, the newest
// first, and a full listing, on a bolt and a memory store of benchDocs()
// generated articles (NEWSGRAPH_BENCH_DOCS): read from the calendar, and
// as a store without one is listed (every event's date read and sorted
// first, without the listing cache a bolt store keeps between writes:
// the cost of a command, or of the first request after a write). Run
// with
//
//	NEWSGRAPH_BENCH_DOCS=2000 go test ./graph -run '^$' -bench FirstPage -benchtime 20x
//
// With NEWSGRAPH_BENCH_STORE=FILE it reads that bolt file instead (a store
// ingest wrote with a calendar, such as bench/whole.sh's), read-only.
func BenchmarkFirstPage(b *testing.B) {
	if path := os.Getenv("NEWSGRAPH_BENCH_STORE"); path != "" {
		s, err := Open(context.Background(), Config{Path: path, ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		benchPages(b, "bolt", s)
		return
	}
	recs := generated(b, benchDocs())
	for _, backend := range []string{BackendBolt, BackendMemory} {
		s := openBench(b, backend)
		putAll(b, s, recs)
		benchPages(b, backend, s)
		s.Close()
	}
}

// benchPages runs the first page and the full listing of s, from the
// calendar and as a store without one.
func benchPages(b *testing.B, backend string, s *Store) {
	{
		for _, calendar := range []bool{true, false} {
			name := backend + "/calendar"
			if !calendar {
				name = backend + "/scan"
			}
			b.Run(name+"/first100", func(b *testing.B) {
				s.calendar = calendar
				benchTimes(b, func() { benchList(b, s, 100) })
			})
			if calendar {
				b.Run(name+"/second100", func(b *testing.B) {
					s.calendar = calendar
					cursor := benchCursor(b, s, 100)
					benchTimes(b, func() { benchPage(b, s, EventFilter{NewestFirst: true, Limit: 100, Cursor: cursor}) })
				})
			}
			b.Run(name+"/all", func(b *testing.B) {
				s.calendar = calendar
				n := 0
				cpu := cpuTime()
				for i := 0; i < b.N; i++ {
					n = benchList(b, s, 0)
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
				b.ReportMetric(float64(n)*float64(b.N)/(cpuTime()-cpu).Seconds(), "rows/cpu-s")
			})
		}
	}
}

// cpuTime is the CPU time (user and system) the process has used: on a
// shared machine, what a listing costs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchList lists up to n events (0: all), the newest first, and returns
// how many.
func benchList(b *testing.B, s *Store, n int) int {
	return benchPage(b, s, EventFilter{NewestFirst: true, Limit: n})
}

// benchPage lists the events f selects, without the listing cache, and
// returns how many.
func benchPage(b *testing.B, s *Store, f EventFilter) int {
	s.listings = listingCache{}
	got := 0
	err := s.EachEvent(context.Background(), f, func(extract.Event) bool {
		got++
		return true
	})
	if err != nil {
		b.Fatal(err)
	}
	return got
}

// benchCursor returns the cursor after the first n events of s, the
// newest first: where the second page starts.
func benchCursor(b *testing.B, s *Store, n int) string {
	s.listings = listingCache{}
	cursor, got := "", 0
	err := s.EachEvent(context.Background(), EventFilter{NewestFirst: true, Limit: n}, func(e extract.Event) bool {
		cursor = EventCursor(e)
		got++
		return true
	})
	if err != nil {
		b.Fatal(err)
	}
	if got < n {
		b.Skipf("the store lists %d events, fewer than %d", got, n)
	}
	return cursor
}

// benchTimes runs page b.N times and reports, besides the mean, the
// median (p50-ms) and 95th percentile (p95-ms) of its wall times and the
// CPU time (user and system) of the process a run (cpu-ms/op): on a
// shared machine, the wall times are those of the machine's load.
func benchTimes(b *testing.B, page func()) {
	times := make([]time.Duration, 0, b.N)
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		page()
		times = append(times, time.Since(start))
	}
	used := cpuTime() - cpu
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[(len(times)-1)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[min(len(times)-1, len(times)*95/100)].Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(used.Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkFirstPagePostgres reads the first page of a PostgreSQL store
// (NEWSGRAPH_BENCH_PG: its connection string, with the schema's
// search_path) in process, read ahead in batches (prefetch.go), and
// reports the median and 95th percentile of the pages' times besides the
// mean. Skipped without the variable: the tests of the batched reads are
// TestBatchedPagesEqualRowByRow and pgsql.TestReadsAsCayley.
func BenchmarkFirstPagePostgres(b *testing.B) {
	dsn := os.Getenv("NEWSGRAPH_BENCH_PG")
	if dsn == "" {
		b.Skip("NEWSGRAPH_BENCH_PG names no store")
	}
	s, err := Open(context.Background(), Config{Backend: BackendPostgres, Path: dsn, ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for _, n := range []int{100, 101} { // the CLI's page, GraphQL's (one more tells hasNextPage)
		b.Run(fmt.Sprintf("first%d", n), func(b *testing.B) {
			benchTimes(b, func() {
				if got := benchList(b, s, n); got != n {
					b.Fatalf("listed %d events, want %d", got, n)
				}
			})
		})
	}
}

// BenchmarkExamplePages runs the first page of each paged example query
// (examples/queries: who-struck-whom, sources-casualties,
// attacks-on-country in Gizmo, who-struck-whom.graphql) on the bolt store
// NEWSGRAPH_BENCH_STORE (read-only) or the PostgreSQL store
// NEWSGRAPH_BENCH_PG (with perAttack set), and reports the median and
// 95th percentile of the pages' times and the CPU a page: "open", the
// store opened once (a server's reader); "fresh", the store opened for
// each page (a command's, without the process's start-up). Run with
//
//	NEWSGRAPH_BENCH_STORE=10k.db go test ./graph -run '^$' -bench ExamplePages -benchtime 21x
func BenchmarkExamplePages(b *testing.B) {
	cfg := Config{Path: os.Getenv("NEWSGRAPH_BENCH_STORE"), ReadOnly: true}
	if dsn := os.Getenv("NEWSGRAPH_BENCH_PG"); dsn != "" {
		cfg = Config{Backend: BackendPostgres, Path: dsn, ReadOnly: true}
	}
	if cfg.Path == "" {
		b.Skip("neither NEWSGRAPH_BENCH_STORE nor NEWSGRAPH_BENCH_PG names a store")
	}
	ctx := context.Background()
	for _, name := range []string{"who-struck-whom.js", "sources-casualties.js", "attacks-on-country.js", "who-struck-whom.graphql"} {
		src, err := os.ReadFile("../examples/queries/" + name)
		if err != nil {
			b.Fatal(err)
		}
		q, lang := string(src), "gizmo"
		if strings.HasSuffix(name, ".graphql") {
			lang = "graphql"
		}
		if cfg.Backend == BackendPostgres {
			q = strings.Replace(q, "var perAttack = false;", "var perAttack = true;", 1)
		}
		run := func(b *testing.B, s *Store) {
			if _, err := s.Query(ctx, lang, q, 0); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(name+"/open", func(b *testing.B) {
			s, err := Open(ctx, cfg)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			benchTimes(b, func() { run(b, s) })
		})
		b.Run(name+"/fresh", func(b *testing.B) {
			benchTimes(b, func() {
				s, err := Open(ctx, cfg)
				if err != nil {
					b.Fatal(err)
				}
				run(b, s)
				s.Close()
			})
		})
	}
}
