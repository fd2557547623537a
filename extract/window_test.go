package extract

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract/text"
)

// seedArticles reads the example articles of the repository.
func seedArticles(t *testing.T) []Document {
	t.Helper()
	files, err := filepath.Glob("../examples/articles/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example articles: %v", err)
	}
	var docs []Document
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, Document{ID: filepath.Base(f), Text: string(data), Published: "2024-01-18"})
	}
	return docs
}

// TestWindowedSameAsWhole: an article of normal length goes through the
// windowed entry point unchanged, and read in windows of a few sentences
// its entity mentions (entity, offsets, sentence index) are those of the
// text read in one piece.
func TestWindowedSameAsWhole(t *testing.T) {
	ctx := context.Background()
	for _, doc := range seedArticles(t) {
		x := NewLexical(Options{})
		whole, err := x.extractWhole(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		rec, err := x.Extract(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(whole)
		b, _ := json.Marshal(rec)
		if string(a) != string(b) {
			t.Errorf("%s: Extract differs from extractWhole on a normal article", doc.ID)
		}

		x.window = window{size: 2000, overlap: 800}
		if n := len(x.windows(doc.Text)); n < 2 {
			t.Fatalf("%s: %d windows, want several", doc.ID, n)
		}
		rec, err = x.Extract(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		checkRecord(t, doc, rec)
		want, got := mentionSet(whole), mentionSet(rec)
		for m := range want {
			if !got[m] {
				t.Errorf("%s: windowed extraction misses mention %s", doc.ID, m)
			}
		}
		for m := range got {
			if !want[m] {
				t.Errorf("%s: windowed extraction adds mention %s", doc.ID, m)
			}
		}
	}
}

// FuzzWindows extracts fuzzed texts in small windows: the record keeps
// the invariants of a record read in one piece (checkRecord), with the
// whole text's offsets and sentence indices.
func FuzzWindows(f *testing.F) {
	for _, doc := range seedArticles(&testing.T{}) {
		f.Add(doc.Text, 300)
	}
	f.Add(strings.Repeat("x", 5000), 200)
	f.Add(strings.Repeat("Gunmen killed nine people. ", 100), 150)
	x := NewLexical(Options{})
	f.Fuzz(func(t *testing.T, s string, size int) {
		x := *x
		x.window = window{size: 100 + abs(size)%4000, overlap: 50 + abs(size)%1000}
		doc := Document{ID: "fuzz.txt", Text: s}
		rec, err := x.Extract(context.Background(), doc)
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		doc.Text = strings.ToValidUTF8(s, "\uFFFD")
		checkRecord(t, doc, rec)
	})
}

func abs(n int) int {
	if n < 0 {
		return -(n + 1)
	}
	return n
}

// mentionSet lists the entity mentions of a record.
func mentionSet(r *Record) map[string]bool {
	m := map[string]bool{}
	for _, e := range r.Entities {
		for _, s := range e.Mentions {
			m[fmt.Sprintf("%s@%d-%d#%d", e.ID, s.Start, s.End, s.Sentence)] = true
		}
	}
	return m
}

// windows lists the windows Extract reads doc in.
func (x *Lexical) windows(doc string) []span {
	var out []span
	for w := (span{}); w.to < len(doc); {
		w = x.window.next(doc, w)
		out = append(out, w)
	}
	return out
}

// TestWindowsPartitionSentences: the sentences the windows own, in order,
// are the sentences of the whole text, with their indices; every window
// is at most the window size and starts no later than what it owns.
func TestWindowsPartitionSentences(t *testing.T) {
	para := "Militants killed nine people in Quetta on Monday. Mr. Khan said the U.S. forces left. \"It is over,\" he said.\n"
	tests := []struct {
		name string
		text string
	}{
		{"paragraphs", strings.Repeat(para, 400)},
		{"one line of sentences", strings.Repeat(strings.TrimSuffix(para, "\n")+" ", 400)},
		{"one line, no sentence break", strings.Repeat("attack on the convoy near the border ", 3000)},
		{"one word, no space", strings.Repeat("x", 50000)},
		{"multi-byte runes, no space", strings.Repeat("ü", 30000)},
		{"blank lines", strings.Repeat(para+"\n\n\n", 300)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := &Lexical{window: window{size: 9000, overlap: 2500}}
			want := text.Bounds(tt.text, nil)
			var got []text.Range
			prevTo := 0
			for i, w := range x.windows(tt.text) {
				if w.own != prevTo || w.to <= w.own || w.from > w.own || w.to-w.from > x.window.size {
					t.Fatalf("window %d: from %d own %d to %d after %d", i, w.from, w.own, w.to, prevTo)
				}
				prevTo = w.to
				for k, r := range w.sentences {
					if w.from+r.Start < w.own {
						continue // context
					}
					if idx := w.base + k; idx != len(got) {
						t.Fatalf("window %d: sentence %d numbered %d", i, len(got), idx)
					}
					got = append(got, text.Range{Start: w.from + r.Start, End: w.from + r.End})
				}
			}
			if prevTo != len(tt.text) {
				t.Fatalf("windows end at %d of %d", prevTo, len(tt.text))
			}
			if len(got) != len(want) {
				t.Fatalf("%d sentences in windows, %d in the whole text", len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("sentence %d: %v in windows, %v in the whole text", i, got[i], want[i])
				}
			}
		})
	}
}

// maxExtractHeap is the bound, tested here, on the heap that extracting
// one document adds to what the process holds before: a constant for the
// window's analysis plus a few times the text's size for the record (its
// mentions and evidence point into the text; they do not copy it). The
// test holds the heap to it as the command line does, with a soft memory
// limit (debug.SetMemoryLimit): if the live data exceeded the bound, so
// would the heap.
func maxExtractHeap(textSize int) uint64 {
	return 96<<20 + 3*uint64(textSize)
}

// heapPeak samples the live heap every millisecond until stop is called,
// which returns the largest sample.
func heapPeak() (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak
	}
}

// TestLongDocumentMemory extracts a generated 30 MiB article and a 16 MiB
// one-line text without a sentence break: the heap stays within
// maxExtractHeap of what it was before, and the record's offsets are the
// whole text's.
func TestLongDocumentMemory(t *testing.T) {
	seeds := seedArticles(t)
	var b strings.Builder
	for i := 0; b.Len() < 30<<20; i++ {
		// vary the text so that it is not one article's facts over again
		fmt.Fprintf(&b, "Report %d.\n%s\n", i, strings.ReplaceAll(seeds[i%len(seeds)].Text, "nine", fmt.Sprint(i%97)))
	}
	oneLine := strings.Repeat("militants attacked a convoy near the border killing three soldiers and wounding four ", (16<<20)/86)
	tests := []struct {
		name string
		doc  Document
	}{
		{"30 MiB of articles", Document{ID: "long", Text: b.String(), Published: "2024-01-18"}},
		{"16 MiB on one line", Document{ID: "one-line", Text: oneLine}},
	}
	x := NewLexical(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			before := ms.HeapAlloc
			limit := maxExtractHeap(len(tt.doc.Text))
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(int64(before + limit)))
			stop := heapPeak()
			rec, err := x.Extract(context.Background(), tt.doc)
			peak := stop()
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d bytes, heap before %d MiB, peak %d MiB (+%d MiB, bound +%d MiB); %d entities, %d events",
				tt.name, len(tt.doc.Text), before>>20, peak>>20, (peak-min(peak, before))>>20, limit>>20, len(rec.Entities), len(rec.Events))
			if peak > before+limit {
				t.Errorf("peak heap %d MiB above %d MiB before + bound %d MiB", peak>>20, before>>20, limit>>20)
			}
			if len(rec.Events) == 0 {
				t.Errorf("no event extracted")
			}
			checkRecord(t, tt.doc, rec)
			last := -1
			for _, e := range rec.Events {
				if s := e.Evidence[0].Sentence; s < last {
					t.Fatalf("events out of order: sentence %d after %d", s, last)
				} else {
					last = s
				}
			}
		})
	}
}
