package graph

import (
	"context"
	"sort"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Shared facts and their support.
//
// A shared fact is a triple that several documents may state (an entity's
// name, an event's actor, a direct edge, a relation edge). The store holds
// one quad for it, labelled with its canonical document: the smallest IRI
// among the documents that support it. Which documents support it is kept
// in the support index: for each of them, the quad
//
//	<base>fact/<digest of the triple> ng:supportedBy <doc> <doc> .
//
// (schema.FactIRI). Being labelled with their document, these quads are
// replaced with the document like its other own facts, and Put settles the
// shared facts they point to in the same transaction.

// triple returns q without its label: the key of a shared fact.
func triple(q quad.Quad) quad.Quad {
	q.Label = nil
	return q
}

// supporters returns the documents the support index lists for fact t
// (its label is ignored), in IRI order.
func (s *Store) supporters(v *view, t quad.Quad) ([]quad.IRI, error) {
	var out []quad.IRI
	err := v.each(quad.Subject, schema.FactIRI(s.base, t.Subject, t.Predicate, t.Object), schema.SupportedBy, func(q quad.Quad) {
		if d, ok := q.Object.(quad.IRI); ok && q.Label == q.Object {
			out = append(out, d)
		}
	})
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, err
}

// Supporters returns the IRIs of the documents that state the fact
// subject–predicate–object, in IRI order; the stored quad of a shared
// fact is labelled with the first. Facts that only one document can state
// (a report's figures, a document's title) have no supporters listed:
// their label is their document.
func (s *Store) Supporters(ctx context.Context, subject, predicate, object quad.Value) ([]quad.IRI, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.supporters(s.view(ctx, nil), quad.Quad{Subject: subject, Predicate: predicate, Object: object})
}

// support is the supporters of fact t, cached for the fuser's lifetime.
func (f *fuser) support(t quad.Quad) []quad.IRI {
	t = triple(t)
	if v, ok := f.supp[t]; ok {
		return v
	}
	v, err := f.s.supporters(f.v, t)
	f.fail(err)
	f.supp[t] = v
	return v
}

// supportedByOthers tells whether a stored quad q of a shared fact is
// stated by a document other than the one being put: its label, or a
// document of the support index. It reads the index only up to the first
// other document.
func (f *fuser) supportedByOthers(q quad.Quad) bool {
	if q.Label != f.doc {
		return true
	}
	other := false
	f.fail(f.v.until(quad.Subject, schema.FactIRI(f.s.base, q.Subject, q.Predicate, q.Object), schema.SupportedBy, func(e quad.Quad) bool {
		if d, ok := e.Object.(quad.IRI); ok && e.Label == e.Object && d != f.doc {
			other = true
		}
		return !other
	}))
	return other
}

// supportedBy tells whether the support index lists d for fact t: one
// lookup of a whole quad, whatever the number of supporters.
func (f *fuser) supportedBy(t quad.Quad, d quad.IRI) bool {
	entries, err := f.v.copies(supportQuad(f.s.base, t, d))
	f.fail(err)
	for _, e := range entries {
		if e.Label == d {
			return true
		}
	}
	return false
}

// subjectQuads returns every stored quad with subject subj, cached for the
// fuser's lifetime.
func (f *fuser) subjectQuads(subj quad.Value) []quad.Quad {
	if qs, ok := f.bySubject[subj]; ok {
		return qs
	}
	var out []quad.Quad
	f.fail(f.v.subject(subj, func(q quad.Quad) { out = append(out, q) }))
	f.bySubject[subj] = out
	return out
}

// settle brings the shared facts a put touches to their final state and
// queues the changes in tx: the facts the record states (shared, in the
// order the builder found them) and those the stored version of the
// document was the canonical document of (oldCanon). A fact keeps one quad,
// labelled with the smallest document that supports it once the put is
// done (the other supporters, plus the document if the record states it);
// a fact nobody supports any more is deleted. Stored copies under other
// labels (from stores written before facts were shared) count as support:
// their documents are added to the index, and the copies deleted. It
// returns how many facts end up labelled with the document.
//
// The label of a fact's stored copy is its smallest supporter, so the
// smallest supporter other than the document is known without reading the
// support index, unless the document was the canonical one and no longer
// states the fact: only then is the whole index of the fact read. A
// popular fact (a country's name, stated by every article that names the
// country) thus costs a few lookups per put, not one per supporter.
//
// Removals must be queued before additions: tx cancels an addition
// followed by a removal of the same quad.
func (f *fuser) settle(tx *graph.Transaction, shared, oldCanon []quad.Quad) (own int) {
	doc := f.doc
	fused := schema.FusedGraph(f.s.base)
	stated := make(map[quad.Quad]bool, len(shared))
	for _, t := range shared {
		stated[t] = true
	}
	done := map[quad.Quad]bool{}
	for _, t := range append(append([]quad.Quad(nil), shared...), oldCanon...) {
		t = triple(t)
		if done[t] {
			continue
		}
		done[t] = true

		var labels []quad.IRI // of the stored copies
		copies, err := f.v.copies(t)
		f.fail(err)
		for _, q := range copies {
			if l, ok := q.Label.(quad.IRI); ok && l != fused {
				labels = append(labels, l)
			}
		}
		// A copy labelled doc without doc in the index predates shared
		// facts: Put queued its removal with the document's own facts.
		legacyOwn := false
		canonical := quad.IRI("") // the smallest supporter but doc
		wasCanonical := false
		for _, l := range labels {
			if l == doc {
				legacyOwn = !f.supportedBy(t, doc)
				wasCanonical = true
				continue
			}
			if !f.supportedBy(t, l) {
				tx.AddQuad(supportQuad(f.s.base, t, l))
			}
			if canonical == "" || l < canonical {
				canonical = l
			}
		}
		if wasCanonical && canonical == "" && !stated[t] {
			// The document was the smallest supporter and leaves: the
			// next one takes over.
			for _, d := range f.support(t) {
				if d != doc && (canonical == "" || d < canonical) {
					canonical = d
				}
			}
		}
		if stated[t] && (canonical == "" || doc < canonical) {
			canonical = doc
		}
		kept := false
		for _, l := range labels {
			if l == canonical {
				kept = true
				continue
			}
			q := t
			q.Label = l
			tx.RemoveQuad(q)
		}
		if canonical == "" {
			continue
		}
		if !kept || (canonical == doc && legacyOwn) {
			q := t
			q.Label = canonical
			tx.AddQuad(q) // or cancels the queued removal
		}
		if canonical == doc {
			own++
		}
	}
	return own
}

// supportQuad is the support index entry saying that doc states fact t.
func supportQuad(base string, t quad.Quad, doc quad.IRI) quad.Quad {
	return quad.Quad{Subject: schema.FactIRI(base, t.Subject, t.Predicate, t.Object),
		Predicate: schema.SupportedBy, Object: doc, Label: doc}
}
