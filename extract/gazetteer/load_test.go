package gazetteer

import (
	"runtime"
	"testing"
	"time"
)

// BenchmarkLoad measures loading the embedded data: time per load and
// the heap the loaded gazetteer keeps (heap-MB).
func BenchmarkLoad(b *testing.B) {
	var keep *Gazetteer
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := 0; i < b.N; i++ {
		g, err := load()
		if err != nil {
			b.Fatal(err)
		}
		keep = g
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20), "heap-MB")
	runtime.KeepAlive(keep)
}

func TestLoadTime(t *testing.T) {
	start := time.Now()
	g, err := load()
	if err != nil {
		t.Fatal(err)
	}
	c, r, p := g.Len()
	t.Logf("loaded %d countries, %d regions, %d places, %d names in %v", c, r, p, g.npost, time.Since(start))
}
