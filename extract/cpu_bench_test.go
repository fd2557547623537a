package extract

import (
	"context"
	"syscall"
	"testing"
	"time"
)

// BenchmarkExtractCPU is BenchmarkExtract measured in the CPU time of the
// process (user and system, from getrusage: the extraction's goroutine,
// the collector's workers and the runtime's other threads) rather than
// the wall clock, which on a machine shared with other work also counts
// the time spent waiting for a core. It extracts the corpus once before
// the measure, so that the tables built on first use are not counted.
// It reports cpu-ns/op and MB/cpu-s, the rate one core would give alone.
func BenchmarkExtractCPU(b *testing.B) {
	ex := Default()
	docs, size := benchCorpus(b)
	extractCorpus(b, ex, docs)
	b.SetBytes(size)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		extractMeasured(b, ex, docs)
	}
	cpu := cpuTime() - start
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
}

// extractCorpus extracts every document of docs.
func extractCorpus(b *testing.B, ex Extractor, docs []Document) {
	ctx := context.Background()
	for _, d := range docs {
		if _, err := ex.Extract(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}

// extractMeasured is extractCorpus under another name, for the measured
// iterations only, so that an instruction count can start and stop there
// (valgrind --tool=callgrind --collect-atstart=no
// --toggle-collect='*extract.extractMeasured'), leaving out the warm-up
// pass and its tables built on first use.
//
//go:noinline
func extractMeasured(b *testing.B, ex Extractor, docs []Document) {
	extractCorpus(b, ex, docs)
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
