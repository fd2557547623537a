package graph

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// TestBatchedPagesEqualRowByRow reads the same PostgreSQL store with the
// page's quads read ahead in batches and one node at a time: every
// listing (whole, paged by cursor, filtered) and every event are the
// same.
func TestBatchedPagesEqualRowByRow(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, Config{Backend: BackendPostgres, Path: postgresDSN(t)})
	putAll(t, s, generated(t, 12))
	for _, docs := range [][]*extract.Record{fixtureDocs(), strikeDocs(), bridgeDocs(), countryByNameDocs()} {
		putAll(t, s, docs)
	}
	if newReader(ctx, s).v.pre == nil {
		t.Fatal("a reader of PostgreSQL does not read ahead")
	}
	read := func(rowByRow bool, f EventFilter) string {
		s.rowByRow = rowByRow
		defer func() { s.rowByRow = false }()
		if rowByRow && newReader(ctx, s).v.pre != nil {
			t.Fatal("rowByRow reads ahead")
		}
		return listAll(t, s, f, -1)
	}
	for _, tc := range []struct {
		name string
		f    EventFilter
	}{
		{"all newest first", EventFilter{NewestFirst: true}},
		{"all oldest first", EventFilter{}},
		{"pages of 7", EventFilter{NewestFirst: true, Limit: 7}},
		{"pages of 1", EventFilter{Limit: 1}},
		{"attacks", EventFilter{NewestFirst: true, Type: "Attack", Limit: 5}},
		{"by actor", EventFilter{NewestFirst: true, Actor: "Pakistan", Limit: 3}},
		{"in a place", EventFilter{NewestFirst: true, Place: "Iran"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			batched, rows := read(false, tc.f), read(true, tc.f)
			if batched != rows {
				t.Errorf("batched and row by row differ:\nbatched %s\nrows %s", batched, rows)
			}
			if len(batched) < 100 {
				t.Errorf("listing %s lists nothing: %s", tc.name, batched)
			}
		})
	}
}
