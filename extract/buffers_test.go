package extract

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
)

// TestBuffersReused checks that the buffers documents share through
// docBufferPool leave nothing behind: each record is the same whether its
// document is extracted alone, after others on the same goroutine, or
// among others on several goroutines at once.
func TestBuffersReused(t *testing.T) {
	docs := speedDocs(t, 60)
	ctx := context.Background()
	record := func(i int) string {
		rec, err := Default().Extract(ctx, Document{ID: "d", Text: docs[i], Published: "2024-01-18"})
		if err != nil {
			t.Error(err)
			return ""
		}
		b, err := json.Marshal(rec)
		if err != nil {
			t.Error(err)
		}
		return string(b)
	}
	want := make([]string, len(docs))
	for i := range docs {
		want[i] = record(i)
	}
	for i := len(docs) - 1; i >= 0; i-- {
		if got := record(i); got != want[i] {
			t.Errorf("doc %d: extracted again after others, the record differs", i)
		}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < len(docs); i += 4 {
				if got := record(i); got != want[i] {
					t.Errorf("doc %d: extracted among others on 4 goroutines, the record differs", i)
				}
			}
		}()
	}
	wg.Wait()
}
