package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
)

// corpus returns the example articles repeated to about n bytes.
func corpus(b *testing.B, n int) string {
	b.Helper()
	files, _ := filepath.Glob("../examples/articles/*.txt")
	more, _ := filepath.Glob("testdata/reporting/*.txt")
	files = append(files, more...)
	if len(files) == 0 {
		b.Fatal("no example articles")
	}
	var sb strings.Builder
	for sb.Len() < n {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(data)
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

// BenchmarkEntities measures recognition alone: sentence splitting,
// tokenising and the one-pass phrase matcher over lexicons and gazetteer,
// on a 10 MB corpus (the example and regression articles, repeated).
func BenchmarkEntities(b *testing.B) {
	r := loadResources()
	txt := corpus(b, 10<<20)
	b.SetBytes(int64(len(txt)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := newDocState(r, Document{Text: txt})
		d.findNames()
	}
}

// BenchmarkSplit measures sentence splitting and tokenising.
func BenchmarkSplit(b *testing.B) {
	txt := corpus(b, 1<<20)
	b.SetBytes(int64(len(txt)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		text.Split(txt)
	}
}

// BenchmarkExtract measures the whole extraction (entities, events,
// relations) per article.
func BenchmarkExtract(b *testing.B) {
	ex := Default()
	files, _ := filepath.Glob("../examples/articles/*.txt")
	var docs []Document
	total := 0
	for _, f := range files {
		data, _ := os.ReadFile(f)
		docs = append(docs, Document{ID: filepath.Base(f), Text: string(data), Published: "2024-01-18"})
		total += len(data)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if _, err := ex.Extract(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
