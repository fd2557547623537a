package main

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
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

// TestIngestNothingCreatesNoStore: an ingest into a new bolt path that
// stores nothing (its only input missing) says "no store created" and
// leaves no file; into an existing store it keeps the store.
func TestIngestNothingCreatesNoStore(t *testing.T) {
	forEachMode(t, func(t *testing.T, run func(invocation) result) {
		dir := t.TempDir()
		db := filepath.Join(dir, "new.db")
		missing := filepath.Join(dir, "nonexistent")
		r := run(invocation{args: []string{"ingest", "--dbpath", db, "--extractor", testExtractorName, missing}})
		if r.code != 1 || !strings.Contains(r.stderr, "no store created at "+db) || !strings.Contains(r.stderr, "no such file") {
			t.Errorf("new store: %+v", r)
		}
		if _, err := os.Stat(db); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s left behind (%v)", db, err)
		}

		arts := writeArticles(t, articles)
		if r := run(invocation{args: []string{"ingest", "--dbpath", db, "--extractor", testExtractorName, arts}}); r.code != 0 {
			t.Fatalf("ingest: %+v", r)
		}
		r = run(invocation{args: []string{"ingest", "--dbpath", db, "--extractor", testExtractorName, missing}})
		if r.code != 1 || strings.Contains(r.stderr, "no store created") {
			t.Errorf("existing store: %+v", r)
		}
		if _, err := os.Stat(db); err != nil {
			t.Errorf("existing store: %v", err)
		}
	})
}
