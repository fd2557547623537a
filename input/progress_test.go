package input

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// TestProgressAddsUpToSize walks inputs of every shape and checks that the
// bytes OnProgress is given add up to Size, which counts the files as
// stored.
func TestProgressAddsUpToSize(t *testing.T) {
	big := strings.Repeat("The council met on Monday. ", 100)
	dir := writeFiles(t, map[string]string{
		"a.txt":          "The council met on Monday.\n",
		"b.html.gz":      gz(t, "<html><body><article><p>"+big+"</p></article></body></html>"),
		"c.jsonl":        `{"id": "r1", "text": "The council met."}` + "\n" + `{"id": "r2", "text": "` + big + `"}` + "\n",
		"sub/d.txt":      big,
		"sub/e.pdf":      "not read: unknown type",
		"sub/.hidden":    "skipped",
		"_meta.json":     `{"files": {}}`,
		"toolarge.txt":   big + big,
		"corrupt.txt.gz": "not gzip at all",
	})
	for _, tt := range []struct {
		name  string
		paths []string
	}{
		{"directory", []string{dir}},
		{"files", []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.html.gz"), filepath.Join(dir, "c.jsonl")}},
		{"missing and metadata", []string{filepath.Join(dir, "nope.txt"), filepath.Join(dir, "_meta.json")}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			size, ok := Size(tt.paths)
			if !ok {
				t.Fatal("Size: not known")
			}
			var got int64
			calls := 0
			r := Reader{MaxSize: int64(len(big) + 10), OnProgress: func(n int64) { got += n; calls++ }, OnError: func(error) {}}
			if err := r.Walk(context.Background(), tt.paths, func(extract.Document) error { return nil }); err != nil {
				t.Fatal(err)
			}
			if got != size {
				t.Errorf("progress gave %d bytes in %d calls, Size %d", got, calls, size)
			}
		})
	}
	if size, _ := Size([]string{dir}); size < int64(3*len(big)) {
		t.Errorf("Size(%s) = %d, too small", dir, size)
	}
	if _, ok := Size([]string{"-"}); ok {
		t.Error("Size of standard input is known")
	}
}
