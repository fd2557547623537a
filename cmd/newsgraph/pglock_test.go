package main

import (
	"context"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// TestPostgresWritersOverlap has three writers (stores of their own, as
// three worker processes have) put overlapping shares of the example
// articles (five of which report the strike of 18 January) and of
// generated ones into one PostgreSQL store at the same time, each
// document by two of them. Writers lock only what their documents touch,
// so they commit at the same time where those do not meet; the store
// must still equal, quad for quad, a one-shot ingest of the documents in
// the order they were committed, with one event node for the strike.
func TestPostgresWritersOverlap(t *testing.T) {
	dsn := postgresDSN(t)
	dir := t.TempDir()
	seeds, err := filepath.Abs(filepath.Join("..", "..", "examples", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	recs := extractRecords(t, seeds, writeLines(t, dir, "gen.jsonl", genLines(t, 5, 25)))

	const writers = 3
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		s, err := graph.Open(context.Background(), graph.Config{Backend: graph.BackendPostgres, Path: dsn})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		wg.Go(func() {
			for i, rec := range recs {
				if i%writers == w {
					continue // the other two put it
				}
				if _, err := s.Put(context.Background(), rec); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	byIRI := map[string]*extract.Record{}
	for _, rec := range recs {
		byIRI[string(schema.DocumentIRI(schema.DefaultBase, rec.Doc.ID))] = rec
	}
	var ordered []*extract.Record
	for _, iri := range commitOrder(t, dsn) {
		ordered = append(ordered, byIRI[iri])
	}
	if len(ordered) != len(recs) {
		t.Fatalf("%d documents stored, want %d", len(ordered), len(recs))
	}
	got := openQuads(t, graph.Config{Backend: graph.BackendPostgres, Path: dsn})
	if want := cleanIngest(t, ordered); !slices.Equal(got, want) {
		t.Errorf("the store differs from a one-shot ingest in commit order: %s", diffQuads(got, want))
	}

	s, err := graph.Open(context.Background(), graph.Config{Backend: graph.BackendPostgres, Path: dsn, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	evs, err := s.Events(context.Background(), graph.EventFilter{Actor: "Pakistan", Type: extract.EventAttack})
	if err != nil {
		t.Fatal(err)
	}
	strikes := 0
	for _, ev := range evs {
		if ev.Date != nil && *ev.Date == "2024-01-18" {
			strikes++
			if len(ev.Sources) != 5 {
				t.Errorf("the strike of 18 January has %d sources, want the 5 seed articles: %v", len(ev.Sources), ev.Sources)
			}
		}
	}
	if strikes != 1 {
		t.Errorf("%d attacks by Pakistan on 18 January, want 1", strikes)
	}
}
