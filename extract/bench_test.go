package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/extract/text"
	"github.com/newsgraph/newsgraph/internal/corpus"
)

// The benchmarks run on a generated corpus (package internal/corpus, seed
// 1): the example and regression articles recombined with other actors,
// places, dates and figures, as `newsgraph gen --seed 1` writes them.
// Throughput is reported per byte of article text (b.SetBytes), so MB/s
// figures compare directly with each other and with the whole-process
// figures in BENCHMARKS.md.

// benchCorpusSize is the amount of article text the benchmarks run on.
const benchCorpusSize = 4 << 20

var (
	benchOnce sync.Once
	benchDocs []Document
	benchSize int64
	benchErr  error
)

// benchCorpus returns about benchCorpusSize bytes of generated articles,
// the same on every call.
func benchCorpus(b *testing.B) ([]Document, int64) {
	b.Helper()
	benchOnce.Do(func() {
		g, err := corpus.New(1)
		if err != nil {
			benchErr = err
			return
		}
		for benchSize < benchCorpusSize {
			a := g.Next()
			benchDocs = append(benchDocs, Document{ID: a.ID, Text: a.Text, Published: a.Published})
			benchSize += int64(len(a.Text))
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDocs, benchSize
}

// BenchmarkSentences measures sentence splitting alone (no tokens).
func BenchmarkSentences(b *testing.B) {
	docs, size := benchCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			text.Bounds(d.Text, nil)
		}
	}
}

// BenchmarkTokenize measures tokenising (with normalised forms), one line
// at a time.
func BenchmarkTokenize(b *testing.B) {
	docs, size := benchCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			s := d.Text
			for len(s) > 0 {
				i := strings.IndexByte(s, '\n')
				if i < 0 {
					i = len(s)
				}
				text.Tokenize(s[:i], 0)
				s = s[min(i+1, len(s)):]
			}
		}
	}
}

// BenchmarkSplit measures sentence splitting and tokenising together, as
// the extractor runs them.
func BenchmarkSplit(b *testing.B) {
	docs, size := benchCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			text.Split(d.Text)
		}
	}
}

// BenchmarkEntities measures entity recognition: splitting and tokenising,
// the one-pass phrase matcher over lexicons and gazetteer with its choice
// among candidates, bodies, persons, unknown names and place links.
func BenchmarkEntities(b *testing.B) {
	r := loadResources()
	docs, size := benchCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			d := newDocState(r, doc)
			d.findNames()
			d.findBodies()
			d.findPersons()
			d.findUnknowns()
			d.findDescribed()
			d.linkPlaces()
		}
	}
}

// BenchmarkEvents measures event and relation extraction on documents
// whose entities are already recognised (recognition runs outside the
// timer). Relations are found with the output records in Extract; here
// the events alone are timed.
func BenchmarkEvents(b *testing.B) {
	r := loadResources()
	docs, size := benchCorpus(b)
	pubs := make([]time.Time, len(docs))
	for i, doc := range docs {
		t, err := ParseDay(doc.Published)
		if err != nil {
			b.Fatal(err)
		}
		pubs[i] = t
	}
	const batch = 200
	b.SetBytes(size)
	b.ReportAllocs()
	states := make([]*docState, 0, batch)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for lo := 0; lo < len(docs); lo += batch {
			b.StopTimer()
			states = states[:0]
			for _, doc := range docs[lo:min(lo+batch, len(docs))] {
				d := newDocState(r, doc)
				d.findNames()
				d.findBodies()
				d.findPersons()
				d.findUnknowns()
				d.findDescribed()
				d.linkPlaces()
				states = append(states, d)
			}
			b.StartTimer()
			for j, d := range states {
				d.findEvents(pubs[lo+j])
			}
		}
	}
}

// BenchmarkSyntax measures the syntactic layer alone: tagging, lemmas,
// chunks and clause roles (syntax.Parser.Parse) of every sentence of the
// corpus, tokenised outside the timer. Per byte of article text, its
// ns/op against BenchmarkExtract's is the layer's share of the whole
// extraction (the extractor parses each sentence at most once).
func BenchmarkSyntax(b *testing.B) {
	docs, size := benchCorpus(b)
	var sents []text.Sentence
	for _, d := range docs {
		sents = append(sents, text.Split(d.Text)...)
	}
	p := syntax.NewParser()
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			p.Parse(s.Tokens)
		}
	}
}

// BenchmarkExtract measures the whole extraction (entities, events,
// relations and the output record) per byte of article text, on one
// goroutine.
func BenchmarkExtract(b *testing.B) {
	ex := Default()
	docs, size := benchCorpus(b)
	ctx := context.Background()
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if _, err := ex.Extract(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkExtractParallel is BenchmarkExtract on GOMAXPROCS goroutines
// (set it with -cpu): the corpus is shared out among them, so MB/s here
// against BenchmarkExtract shows how extraction scales with cores.
func BenchmarkExtractParallel(b *testing.B) {
	ex := Default()
	docs, size := benchCorpus(b)
	ctx := context.Background()
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var next sync.Mutex
		k := 0
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				for {
					next.Lock()
					j := k
					k++
					next.Unlock()
					if j >= len(docs) {
						break
					}
					if _, err := ex.Extract(ctx, docs[j]); err != nil {
						b.Error(err)
						return
					}
				}
			}
		})
	}
}

// BenchmarkExamples measures the whole extraction on the example articles
// (denser in events than the average generated article).
func BenchmarkExamples(b *testing.B) {
	ex := Default()
	files, _ := filepath.Glob("../examples/articles/*.txt")
	if len(files) == 0 {
		b.Fatal("no example articles")
	}
	var docs []Document
	total := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, Document{ID: filepath.Base(f), Text: string(data), Published: "2024-01-18"})
		total += len(data)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if _, err := ex.Extract(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// longSentence returns about n bytes of one line of prose with no
// sentence end: clauses naming actors, places and attacks, joined by
// commas, the worst case for everything that works per sentence.
func longSentence(n int) string {
	const clause = "Russian forces shelled Kharkiv and Hamas fighters attacked Israeli troops near Gaza City while officials in Kyiv said 12 people were killed, "
	return strings.Repeat(clause, n/len(clause)+1)
}

// BenchmarkLongSentence measures the whole extraction of a 2 MB article
// that is one sentence (no full stop, no line break). Its MB/s must stay
// of the order of BenchmarkExtract's: work per sentence is bounded.
func BenchmarkLongSentence(b *testing.B) {
	ex := Default()
	doc := Document{ID: "long", Text: longSentence(2 << 20), Published: "2024-01-18"}
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ex.Extract(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildResources measures what every command that extracts pays
// once at start-up: loading the lexicon and the gazetteer and building
// the matchers over their names.
func BenchmarkBuildResources(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		buildResources()
	}
}
