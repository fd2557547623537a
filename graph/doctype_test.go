package graph

import (
	"context"
	"errors"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// TestDocumentsWithoutType: a store holds no rdf:type ng:Document quad, and
// stats, delete and putting documents again find the documents by their
// ng:identifier, in a store written so and in one written before, whose
// documents carry the type quad: putting them again takes the quads away,
// and deleting one takes its type quad with it.
func TestDocumentsWithoutType(t *testing.T) {
	forEachBackendPair(t, func(t *testing.T, s, fresh *Store) {
		ctx := context.Background()
		recs, want := putStrikeDocsButA(t, s, fresh)
		old := append([]quad.Quad(nil), want...)
		for _, q := range want {
			if q.Predicate == schema.Type && q.Object == schema.Document {
				t.Errorf("stored: %v", q)
			}
			if q.Predicate == schema.Identifier {
				old = append(old, quad.Quad{Subject: q.Subject, Predicate: schema.Type, Object: schema.Document, Label: q.Label})
			}
		}
		documents := func() int64 {
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return st.Documents
		}
		if n := documents(); n != int64(len(recs)) {
			t.Errorf("stats: %d documents, want %d", n, len(recs))
		}
		replaceAll(t, s, old)
		if n := documents(); n != int64(len(recs)) {
			t.Errorf("stats of the older store: %d documents, want %d", n, len(recs))
		}
		putAgain(t, s, recs, want, checkSharing)

		replaceAll(t, s, old)
		if _, err := s.Delete(ctx, "a"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Delete(ctx, "a"); !errors.Is(err, ErrUnknownDocument) {
			t.Errorf("deleting a deleted document: %v, want ErrUnknownDocument", err)
		}
		var kept []quad.Quad
		for _, q := range allQuads(t, s) {
			if q.Predicate == schema.Type && q.Object == schema.Document {
				if q.Subject == schema.DocumentIRI(s.Base(), "a") {
					t.Errorf("left by delete: %v", q)
				}
				continue // the older store's, of the documents kept
			}
			kept = append(kept, q)
		}
		if got := allQuads(t, fresh); !sameQuads(kept, got) {
			t.Errorf("after delete, the older store differs from one never given a: %v", diffQuads(got, kept))
		}
	})
}
