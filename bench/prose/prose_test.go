// Package prose compares newsgraph's extraction speed with the named-entity
// recogniser of github.com/jdkato/prose/v2 on the same generated articles.
// It is a module of its own, so that prose (and its models) stay out of
// newsgraph's dependencies: run it from this directory,
//
//	cd bench/prose && go test -run '^$' -bench . -benchmem
//
// Both benchmarks report MB/s of article text on one goroutine.
package prose

import (
	"context"
	"sync"
	"testing"

	prose "github.com/jdkato/prose/v2"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/internal/corpus"
)

// corpusSize is the amount of article text each benchmark runs on.
const corpusSize = 128 << 10

var (
	once  sync.Once
	docs  []extract.Document
	bytes int64
)

// articles returns about corpusSize bytes of generated articles (seed 1),
// the same for both benchmarks.
func articles(b *testing.B) ([]extract.Document, int64) {
	b.Helper()
	once.Do(func() {
		g, err := corpus.New(1)
		if err != nil {
			b.Fatal(err)
		}
		for bytes < corpusSize {
			a := g.Next()
			docs = append(docs, extract.Document{ID: a.ID, Text: a.Text, Published: a.Published})
			bytes += int64(len(a.Text))
		}
	})
	return docs, bytes
}

// BenchmarkProseNER runs prose's pipeline with entity extraction
// (tokenising, tagging, chunking named entities) over the articles.
func BenchmarkProseNER(b *testing.B) {
	docs, size := articles(b)
	b.SetBytes(size)
	b.ReportAllocs()
	entities := 0
	for b.Loop() {
		for _, d := range docs {
			doc, err := prose.NewDocument(d.Text, prose.WithSegmentation(false))
			if err != nil {
				b.Fatal(err)
			}
			entities += len(doc.Entities())
		}
	}
	b.ReportMetric(float64(entities)/float64(b.N), "entities/op")
}

// BenchmarkNewsgraph runs newsgraph's default extractor (entities, events
// and relations) over the same articles.
func BenchmarkNewsgraph(b *testing.B) {
	docs, size := articles(b)
	ex := extract.Default()
	b.SetBytes(size)
	b.ReportAllocs()
	entities := 0
	for b.Loop() {
		for _, d := range docs {
			rec, err := ex.Extract(context.Background(), d)
			if err != nil {
				b.Fatal(err)
			}
			entities += len(rec.Entities)
		}
	}
	b.ReportMetric(float64(entities)/float64(b.N), "entities/op")
}
