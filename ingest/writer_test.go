package ingest

import (
	"context"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

func TestNextBatch(t *testing.T) {
	for _, c := range []struct {
		cur, max int
		wrote    int64
		want     int
	}{
		{64, 64, 10 << 20, 64},           // under a quarter, already at max
		{64, 64, 30 << 20, 64},           // within the budget
		{64, 64, commitBudget + 1, 32},   // over: halve
		{1, 64, 1 << 30, 1},              // never below one
		{16, 64, commitBudget/4 - 1, 32}, // well under: double
		{48, 64, 1 << 20, 64},            // doubling stops at max
		{32, 64, commitBudget / 2, 32},   // between a quarter and the budget: keep
		{8, 64, 0, 16},                   // a backend that does not count: grow back to max
		{64, 64, commitBudget, 64},       // exactly the budget: keep
		{3, 64, commitBudget + 1<<20, 1}, // odd sizes halve down
	} {
		if got := nextBatch(c.cur, c.max, c.wrote); got != c.want {
			t.Errorf("nextBatch(%d, %d, %d) = %d, want %d", c.cur, c.max, c.wrote, got, c.want)
		}
	}
}

// TestGroupWriterShrinksBatches checks that the writer halves its batches
// while commits write more than the budget and grows them back when they
// write little, keeping every record once and in order.
func TestGroupWriterShrinksBatches(t *testing.T) {
	const max, total = 16, 200
	var sizes []int
	var got []string
	var added atomic.Bool // every record queued
	var w *groupWriter
	w = newGroupWriter(context.Background(), max, func(batch []Result) (int64, error) {
		sizes = append(sizes, len(batch))
		for _, r := range batch {
			got = append(got, r.Doc.ID)
		}
		// The next batch is taken from a full queue, so that its size
		// is the writer's limit, not the producer's pace.
		for len(w.queue) < cap(w.queue) && !added.Load() {
			runtime.Gosched()
		}
		if len(sizes) <= 5 {
			return 2 * commitBudget, nil // big commits: shrink
		}
		return 1 << 10, nil // small ones: grow back
	})
	defer added.Store(true)
	for i := 0; i < total; i++ {
		if err := w.add(Result{Doc: extract.Document{ID: fmt.Sprint(i)}}); err != nil {
			t.Fatal(err)
		}
	}
	added.Store(true)
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
	if len(got) != total {
		t.Fatalf("%d records written, want %d", len(got), total)
	}
	for i, id := range got {
		if id != fmt.Sprint(i) {
			t.Fatalf("record %d written as %s: out of order", i, id)
		}
	}
	// The first batch is whatever had queued when the writer started;
	// then 8, 4, 2, 1 (each after a big commit), 1, and back up: 2, 4, 8,
	// 16, 16.
	want := []int{8, 4, 2, 1, 1, 2, 4, 8, 16, 16}
	if len(sizes) < 1+len(want) {
		t.Fatalf("batch sizes %v: too few batches", sizes)
	}
	for i, n := range want {
		if sizes[1+i] != n {
			t.Fatalf("batch sizes %v, want %v after the first", sizes, want)
		}
	}
}
