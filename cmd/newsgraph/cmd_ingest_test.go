package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestIngestBar checks ingest's progress bar: with the inputs' size known,
// a percentage of the bytes, their total and the time left ([elapsed:left]);
// otherwise a spinner.
func TestIngestBar(t *testing.T) {
	for _, tt := range []struct {
		name  string
		total int64
		sized bool
		want  *regexp.Regexp
	}{
		{"files", 10000, true, regexp.MustCompile(`ingesting +50% \|█+ +\| \(5\.0/10 kB, [^)]*\) \[\d+s:\d+s\]`)},
		{"standard input", 0, false, regexp.MustCompile(`^[^%]*$`)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			bar := newIngestBar(&b, tt.total, tt.sized, 0)
			bar.Add64(5000)
			if !tt.want.MatchString(b.String()) {
				t.Errorf("bar %q, want %s", b.String(), tt.want)
			}
		})
	}
}

// TestIngestShowsTotal ingests the example articles on a "terminal" and
// checks that the bar had a total: a percentage is drawn.
func TestIngestShowsTotal(t *testing.T) {
	var stdout, stderr bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }, Interactive: true}
	db := filepath.Join(t.TempDir(), "graph.db")
	if code := Main(context.Background(), []string{"ingest", "--dbpath", db, "../../examples/articles"}, env); code != 0 {
		t.Fatalf("ingest: %d %s", code, stderr.String())
	}
	if !regexp.MustCompile(`ingesting +\d+% \|`).MatchString(stderr.String()) {
		t.Errorf("no bar with a total on stderr: %q", stderr.String())
	}
}
