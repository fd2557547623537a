package input

import (
	"fmt"
	"hash/maphash"
	"runtime"
	"testing"
)

func TestIDSet(t *testing.T) {
	var s idSet
	if _, ok := s.seen("a"); ok {
		t.Fatal("empty set has seen a")
	}
	adds := []struct {
		id, path string
		line     int
	}{
		{"a", "feed.jsonl", 1},
		{"b", "feed.jsonl", 2},
		{"x.txt", "dir/x.txt", 0},
		{"", "empty.jsonl", 3},
	}
	for _, a := range adds {
		s.add(a.id, a.path, a.line)
	}
	// An ID whose hash is taken by another is kept apart, and found.
	s.byHash[maphash.String(s.seed, "clash")] = s.byHash[maphash.String(s.seed, "a")]
	s.add("clash", "other.jsonl", 7)
	tests := []struct {
		id, where string
		seen      bool
	}{
		{"a", "feed.jsonl:1", true},
		{"b", "feed.jsonl:2", true},
		{"x.txt", "dir/x.txt", true},
		{"", "empty.jsonl:3", true},
		{"clash", "other.jsonl:7", true},
		{"c", "", false},
		{"x.tx", "", false},
	}
	for _, tc := range tests {
		w, ok := s.seen(tc.id)
		if ok != tc.seen || w != tc.where {
			t.Errorf("seen(%q) = %q, %v; want %q, %v", tc.id, w, ok, tc.where, tc.seen)
		}
	}
}

// BenchmarkIDSet reports the memory the set keeps per document ID, for a
// million IDs from one file.
func BenchmarkIDSet(b *testing.B) {
	const n = 1 << 20
	for i := 0; i < b.N; i++ {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		var s idSet
		for j := 0; j < n; j++ {
			s.add(fmt.Sprintf("gen-1-%07d", j), "corpus.jsonl", j+1)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "B/id")
		runtime.KeepAlive(&s)
	}
}
