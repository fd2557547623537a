package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/schema"
)

// writeArticles writes n short invented articles, one JSON Lines file,
// each a strike in one of a few towns on one of a few days, so that
// several of them report the same event.
func writeArticles(t *testing.T, n int) string {
	t.Helper()
	towns := []string{"Kandahar", "Herat", "Jalalabad"}
	var b strings.Builder
	for i := range n {
		town := towns[i%len(towns)]
		fmt.Fprintf(&b, `{"id":"art-%03d","published":"2024-05-%02d","text":"Gunmen attacked a police post in %s, Afghanistan, on Monday, killing %d officers, officials said."}`+"\n",
			i, 10+i%4, town, 2+i%5)
	}
	path := filepath.Join(t.TempDir(), "articles.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func openBolt(t *testing.T, path string) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), graph.Config{Backend: graph.BackendBolt, Path: path})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sortedQuads returns the store's quads as sorted N-Quads lines.
func sortedQuads(t *testing.T, s *graph.Store) []string {
	t.Helper()
	qr := s.AllQuads(context.Background())
	defer qr.Close()
	var out []string
	for {
		q, err := qr.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.NQuad())
	}
	slices.Sort(out)
	return out
}

// documents counts the document nodes among quads (the subjects of
// ng:identifier: a document has no rdf:type quad).
func documents(quads []string) int {
	n := 0
	suffix := " " + quad.IRI(schema.Identifier).String() + " "
	for _, l := range quads {
		if strings.Contains(l, suffix) {
			n++
		}
	}
	return n
}

// TestCancelStopsWhole cancels a run into a bolt file after its first
// batches are written: Run returns the context's error and a summary of
// some but not all documents, the file holds exactly those documents, and
// ingesting the rest afterwards gives the same graph as one run of all:
// no document was left half written.
func TestCancelStopsWhole(t *testing.T) {
	const total = 60
	in := writeArticles(t, total)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := openBolt(t, filepath.Join(dir, "cut.db"))
	var reported []error
	sum, err := ingest.Run(ctx, ingest.Options{
		Store: s, Workers: 2, Batch: 4,
		OnReport: func(err error) { reported = append(reported, err) },
		OnProgress: func(p ingest.Progress) {
			if p.Stored >= 5 {
				cancel()
			}
		},
	}, []string{in})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run: error %v, want context.Canceled", err)
	}
	if sum.Stored() < 5 || sum.Stored() >= total || sum.Skipped != 0 || len(reported) != 0 {
		t.Fatalf("cancelled run: summary %+v, reports %v; want 5 to %d stored, none skipped", sum, reported, total-1)
	}
	if n := documents(sortedQuads(t, s)); n != sum.Stored() {
		t.Errorf("cancelled run: %d documents in the store, the summary says %d", n, sum.Stored())
	}

	rest, err := ingest.Run(context.Background(), ingest.Options{Store: s, Workers: 2}, []string{in})
	if err != nil {
		t.Fatal(err)
	}
	if rest.Unchanged != sum.Stored() || rest.Added != total-sum.Stored() {
		t.Errorf("second run %+v after %d stored, want them unchanged and the rest added", rest, sum.Stored())
	}
	got := sortedQuads(t, s)
	s.Close()

	clean := openBolt(t, filepath.Join(dir, "clean.db"))
	defer clean.Close()
	if _, err := ingest.Run(context.Background(), ingest.Options{Store: clean}, []string{in}); err != nil {
		t.Fatal(err)
	}
	if want := sortedQuads(t, clean); !slices.Equal(got, want) {
		t.Errorf("interrupted then completed: %d quads, one run: %d; the graphs differ", len(got), len(want))
	}
}

// failing is the lexical extractor, except that it fails on a text that
// starts "FAIL", and gives an entity without an id, which no store
// takes, for one that starts "NOID".
type failing struct{ extract.Extractor }

func (f failing) Extract(ctx context.Context, doc extract.Document) (*extract.Record, error) {
	switch {
	case strings.HasPrefix(doc.Text, "FAIL"):
		return nil, errors.New("cannot read this")
	case strings.HasPrefix(doc.Text, "NOID"):
		rec, err := f.Extractor.Extract(ctx, doc)
		if err == nil {
			rec.Entities = append(rec.Entities, extract.Entity{Name: "Nobody", Class: extract.ClassPerson})
		}
		return rec, err
	}
	return f.Extractor.Extract(ctx, doc)
}

// TestRunSourceSettlesEachDocument runs a Source whose documents carry
// tags (as a work queue's deliveries do) and checks that each document is
// settled once, with its own tag: OnStored only once its transaction has
// committed (the store holds the document then), OnRefused for one the
// extractor fails on or the store refuses. One row per document of the
// run, in order.
func TestRunSourceSettlesEachDocument(t *testing.T) {
	const attack = "Gunmen attacked a police post in Kandahar, Afghanistan, on Monday, killing 3 officers."
	docs := []struct {
		name, id, text string
		want           string // "added", "unchanged", "refused"
	}{
		{"an article", "a", attack, "added"},
		{"the same article again", "a", attack, "unchanged"},
		{"a document the extractor fails on", "b", "FAIL this one", "refused"},
		{"a record the store refuses", "c", "NOID in Herat", "refused"},
		{"another article", "d", "A roadside bomb killed two soldiers in Herat, Afghanistan, on Sunday.", "added"},
	}
	s := openBolt(t, filepath.Join(t.TempDir(), "g.db"))
	defer s.Close()
	ctx := context.Background()
	got := make([]string, len(docs))
	settle := func(res ingest.Result, outcome string) {
		i := res.Tag.(int)
		if got[i] != "" {
			t.Errorf("%s: settled twice (%s, then %s)", docs[i].name, got[i], outcome)
		}
		got[i] = outcome
	}
	sum, err := ingest.RunSource(ctx, ingest.Options{
		Store: s, Extractor: failing{extract.Default()}, Workers: 2, Batch: 2,
		OnStored: func(res ingest.Result, put graph.PutResult) {
			if f, err := s.DocFacts(ctx, res.Doc.ID); err != nil || f.Published != "2024-05-13" {
				t.Errorf("%s: told stored, but the store holds %+v (%v)", res.Doc.ID, f, err)
			}
			settle(res, put.Status.String())
		},
		OnRefused: func(res ingest.Result, err error) { settle(res, "refused") },
	}, func(ctx context.Context, yield func(extract.Document, any) error) error {
		for i, d := range docs {
			if err := yield(extract.Document{ID: d.id, Text: d.text, Published: "2024-05-13"}, i); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		if got[i] != d.want {
			t.Errorf("%s: %q, want %q", d.name, got[i], d.want)
		}
	}
	if sum.Added != 2 || sum.Unchanged != 1 || sum.Skipped != 2 {
		t.Errorf("summary %+v, want 2 added, 1 unchanged, 2 skipped", sum)
	}
}
