package graph

import (
	"context"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// TestRelationsAndDetailsLiterals checks, on every backend, that a
// document's relations and its reports' details are stored as one literal
// each (no statement node, no date text, confidence or evidence quad),
// that they stand for the quads they replace (schema.Expand: the reified
// statements with their evidence, each report's details; a relation's
// span that a report's details list is written as its reference and read
// back from them, schema.Expander), that listings
// still read the reports' figures and evidence and stats counts the
// statements, and that deleting the document leaves none of them.
func TestRelationsAndDetailsLiterals(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		rec := docA()
		// a relation stated in the sentence that reports the first event
		rec.Relations = append(rec.Relations, extract.Relation{Subject: jaish, Predicate: "operatesIn",
			Object: extract.Object{Ref: &sistan}, Evidence: rec.Events[0].Evidence})
		mustPut(t, s, rec)
		doc := schema.DocumentIRI(s.base, rec.Doc.ID)
		literals := map[quad.IRI]int{}
		var expanded []quad.Quad
		for _, q := range allQuads(t, s) {
			switch q.Predicate {
			case schema.Subject, schema.Predicate, schema.Object, schema.EvidenceOf, schema.Confidence, schema.DateText:
				t.Errorf("stored as a quad of its own: %v", q)
			case schema.RelationsOf, schema.DetailsOf:
				literals[q.Predicate.(quad.IRI)]++
				if sts, ok := schema.RelationsIn(s.base, q.Object); ok && !hasSpanRef(sts) {
					t.Errorf("no span written as its reference in %v", q.Object)
				}
				out, ok := schema.Expander(s.SpanLookup(ctx))(q)
				if !ok {
					t.Fatalf("literal does not expand: %v", q)
				}
				expanded = append(expanded, out...)
			}
		}
		if literals[schema.RelationsOf] != 1 || literals[schema.DetailsOf] != len(rec.Events) {
			t.Errorf("literals %v, want 1 relations and %d details", literals, len(rec.Events))
		}
		has := map[quad.Quad]bool{}
		for _, q := range expanded {
			has[q] = true
		}
		for i, rel := range rec.Relations {
			st := schema.StatementIRI(s.base, rec.Doc.ID, i)
			sp := rel.Evidence[0]
			for _, want := range []quad.Quad{
				{Subject: st, Predicate: schema.ReportedBy, Object: doc, Label: doc},
				{Subject: st, Predicate: schema.EvidenceOf, Object: schema.EvidenceSpan(sp.Sentence, sp.Start, sp.End, sp.Text), Label: doc},
			} {
				if !has[want] {
					t.Errorf("relation %d: no %v among the expanded quads", i, want)
				}
			}
		}
		for n, ev := range rec.Events {
			rep, sp := schema.ReportIRI(s.base, rec.Doc.ID, n), ev.Evidence[0]
			for _, want := range []quad.Quad{
				{Subject: rep, Predicate: schema.Confidence, Object: schema.Decimal(ev.Confidence), Label: doc},
				{Subject: rep, Predicate: schema.EvidenceOf, Object: schema.EvidenceSpan(sp.Sentence, sp.Start, sp.End, sp.Text), Label: doc},
			} {
				if !has[want] {
					t.Errorf("report %d: no %v among the expanded quads", n, want)
				}
			}
		}

		evidence := map[string]bool{}
		for _, ev := range mustEvents(t, s, EventFilter{}) {
			if ev.Confidence == 0 {
				t.Errorf("%s: listed without its confidence", ev.ID)
			}
			for _, src := range ev.Sources {
				for _, sp := range src.Evidence {
					evidence[sp.Text] = true
				}
			}
		}
		for _, ev := range rec.Events {
			if !evidence[ev.Evidence[0].Text] {
				t.Errorf("listing lost the evidence %q", ev.Evidence[0].Text)
			}
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Statements != int64(len(rec.Relations)) {
			t.Errorf("stats: %d statements, want %d", st.Statements, len(rec.Relations))
		}

		if _, err := s.Delete(ctx, rec.Doc.ID); err != nil {
			t.Fatal(err)
		}
		for _, q := range allQuads(t, s) {
			if q.Predicate == schema.RelationsOf || q.Predicate == schema.DetailsOf {
				t.Errorf("left after deletion: %v", q)
			}
		}
	})
}

// hasSpanRef tells whether a statement of sts has a span written as its
// reference (schema.IsSpanRef).
func hasSpanRef(sts []schema.Reified) bool {
	for _, st := range sts {
		for _, e := range st.Evidence {
			if _, ok := schema.IsSpanRef(e); ok {
				return true
			}
		}
	}
	return false
}
