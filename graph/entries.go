package graph

import (
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Entries of disputed entities.
//
// The reader ranks the values of an entity's fact (rankedPreds) by the
// documents that state each, where there are several (a person given two
// countries). A document states an entity's facts through the fact set
// its supports literal lists, so counting them means reading the literal
// of every document that names the entity (listing): the cost of a page
// grows with the archive. While an entity's ranked facts are disputed
// (two values of one of them), every document that lists one of its fact
// sets or facts also has an entry of its own in the support index,
// labelled with it,
//
//	<factset/…> ng:supportedBy <doc> <doc> .
//
// (the form stores written before fact sets used for every set), so that
// the entity's supporters are read from the entries of the sets and facts
// being ranked, as eachSupporter reads every entry, and no literal is
// read. The entity's fact sets node says so,
//
//	<factsets/…> ng:entriesKept <entity> <fused> .
//
// (schema.EntriesKept). What the store holds depends on the documents it
// holds, not on the order they came in: the put that disputes a fact
// (gives it a value the store does not hold while it holds another) adds
// the quad and the entries of the documents stored before (enter); a put
// or delete that leaves the facts undisputed takes them out again
// (leave); in between, each put of a document describing the entity adds
// its entries with its own facts (builder.entries). A store written
// before has no such quad, and its entities are ranked from the documents
// as before.
//
// Each entry is a quad of its own document on a node of many documents
// (fanIn): writers of documents naming one disputed entity add distinct
// quads and do not wait for each other (pglock.go), unlike a count kept
// beside the set, which every such put would read and rewrite. Only the
// puts that dispute an entity or settle its dispute read its documents.

// rankedPreds are the predicates of an entity whose values the reader
// ranks by their supporters (readEntity).
var rankedPreds = []quad.Value{schema.Name, schema.Type, schema.CountryOf, schema.Lat, schema.Lon}

// keptQuad is the EntriesKept quad of entity e.
func keptQuad(base string, e quad.IRI) quad.Quad {
	return quad.Quad{Subject: schema.FactSetsIRI(base, e), Predicate: schema.EntriesKept, Object: e,
		Label: schema.FusedGraph(base)}
}

// entriesKept tells whether entity e's documents have entries of their
// own (its EntriesKept quad is stored).
func entriesKept(v *view, base string, e quad.IRI) (bool, error) {
	kept := false
	err := v.until(quad.Subject, schema.FactSetsIRI(base, e), schema.EntriesKept, func(q quad.Quad) bool {
		kept = q.Object == e
		return !kept
	})
	return kept, err
}

// entry is the support index entry of document d for id (a fact set or a
// fact key).
func entry(id, d quad.IRI) quad.Quad {
	return quad.Quad{Subject: id, Predicate: schema.SupportedBy, Object: d, Label: d}
}

// entries adds the document's entries for the sets and facts it lists of
// each entity whose entries are kept (listedOf); the others are left to
// fuser.enter.
func (b *builder) entries() {
	for _, e := range b.listedOrder {
		kept, err := entriesKept(b.f.v, b.s.base, e)
		b.f.fail(err)
		if !kept {
			continue
		}
		b.entered[e] = true
		for _, id := range b.listedOf[e] {
			b.add(id, schema.SupportedBy, b.doc)
		}
	}
}

// enter gives each entity the document describes whose ranked facts it
// disputes (a value the store does not hold, while the changes queued in
// tx leave another) its entries and its EntriesKept quad.
func (f *fuser) enter(tx *graph.Transaction, b *builder) {
	for _, e := range b.listedOrder {
		if !b.entered[e] && f.newValue(b, e) && f.disputed(tx, e) {
			f.eachEntry(e, func(q quad.Quad) {
				if !f.listed(q) {
					tx.AddQuad(q)
				}
			})
			for _, id := range b.listedOf[e] {
				tx.AddQuad(entry(id, f.doc))
			}
			tx.AddQuad(keptQuad(f.s.base, e))
		}
	}
}

// leave takes out the entries of each entity the stored version of the
// document described (old) whose ranked facts the changes queued in tx
// leave undisputed, and its EntriesKept quad. It returns those of the
// document's own entries that its new version (listedOf) must not add.
func (f *fuser) leave(tx *graph.Transaction, old []quad.Quad, listedOf map[quad.IRI][]quad.IRI) map[quad.Quad]bool {
	skip := map[quad.Quad]bool{}
	seen := map[quad.IRI]bool{}
	for _, q := range old {
		e, ok := q.Subject.(quad.IRI)
		if !ok || seen[e] || q.Object != f.doc || q.Predicate != schema.MentionedIn && q.Predicate != schema.DescribedIn {
			continue
		}
		seen[e] = true
		kept, err := entriesKept(f.v, f.s.base, e)
		f.fail(err)
		if !kept || f.disputed(tx, e) {
			continue
		}
		f.eachEntry(e, func(q quad.Quad) {
			if f.listed(q) {
				tx.RemoveQuad(q)
			}
		})
		tx.RemoveQuad(keptQuad(f.s.base, e))
		for _, id := range listedOf[e] {
			skip[entry(id, f.doc)] = true
		}
	}
	return skip
}

// newValue tells whether the document gives a ranked fact of entity e a
// value the store does not hold: only such a put can dispute it.
func (f *fuser) newValue(b *builder, e quad.IRI) bool {
	var stated []quad.Quad
	for _, t := range b.shared {
		if t.Subject == e && t.Object != schema.Entity && (t.Predicate == schema.Type ||
			t.Predicate == schema.CountryOf || t.Predicate == schema.Lat || t.Predicate == schema.Lon) {
			stated = append(stated, t)
		}
	}
	for _, n := range b.names[e] {
		stated = append(stated, quad.Quad{Subject: e, Predicate: schema.Name, Object: quad.String(n)})
	}
	for _, t := range stated {
		copies, err := f.v.copies(t)
		f.fail(err)
		if len(copies) == 0 {
			return true
		}
	}
	return false
}

// disputed tells whether a ranked fact of entity e has two values once
// the changes queued in tx are made.
func (f *fuser) disputed(tx *graph.Transaction, e quad.IRI) bool {
	for _, p := range rankedPreds {
		removed := map[quad.Quad]bool{}
		values := map[quad.Value]bool{}
		for _, d := range tx.Deltas {
			if d.Quad.Subject == e && d.Quad.Predicate == p {
				if d.Action == graph.Delete {
					removed[d.Quad] = true
				} else {
					values[d.Quad.Object] = true
				}
			}
		}
		f.fail(f.v.each(quad.Subject, e, p, func(q quad.Quad) {
			if !removed[q] {
				values[q.Object] = true
			}
		}))
		delete(values, schema.Entity)
		if len(values) > 1 {
			return true
		}
	}
	return false
}

// eachEntry calls fn with the entry of every document of entity e
// (entityDocs) but the one being put, for each set or fact of e its
// supports literal lists.
func (f *fuser) eachEntry(e quad.IRI, fn func(quad.Quad)) {
	base := f.s.base
	node := schema.FactSetsIRI(base, e)
	sets := base + "factset/" + strings.TrimPrefix(string(node), base+"factsets/") + "."
	facts := map[quad.IRI]bool{} // the keys of e's stored facts
	f.fail(f.v.except(e, fanIn, nil, func(q quad.Quad) {
		facts[schema.FactIRI(base, q.Subject, q.Predicate, q.Object)] = true
	}))
	docs, err := entityDocsOf(f.v, e)
	f.fail(err)
	for _, d := range docs {
		if d == f.doc {
			continue
		}
		f.fail(f.v.each(quad.Subject, d, schema.Supports, func(q quad.Quad) {
			if q.Label != d {
				return
			}
			s, k := schema.SupportedKeys(base, q.Object)
			for _, set := range s {
				if strings.HasPrefix(string(set), sets) {
					fn(entry(set, d))
				}
			}
			for _, key := range k {
				if facts[key] {
					fn(entry(key, d))
				}
			}
		}))
	}
}
