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
// grows with the archive. For an entity whose facts are disputed, every
// document that lists one of its fact sets or facts also has an entry of
// its own in the support index, labelled with it,
//
//	<factset/…> ng:supportedBy <doc> <doc> .
//
// (the form stores written before fact sets used for every set), so that
// the entity's supporters are read from the entries of the sets and facts
// being ranked, as eachSupporter reads every entry, and no literal is
// read. The entity's fact sets node says since when every document has
// them,
//
//	<factsets/…> ng:entriesSince <doc> <doc> .
//
// (schema.EntriesSince), written by the put of the first document that
// gives one of the entity's ranked facts a second value (it adds the
// entries of the documents stored before: backfill), labelled with it and
// deleted with it; while it is stored, every put of a document describing
// the entity adds its entries with its own facts (builder.entries), and
// eachSupporter reads no literal for the entity. Without it (a store
// written before, an entity never disputed since, or the first document
// deleted) the supporters are read from the documents as before.
//
// Each entry is a quad of its own document on a node of many documents
// (fanIn): writers of documents naming one disputed entity add distinct
// quads and do not wait for each other (pglock.go), unlike a count kept
// beside the set, which every such put would read and rewrite. Only the
// put that adds the marker reads the entity's documents, once.

// rankedPreds are the predicates of an entity whose values the reader
// ranks by their supporters (readEntity).
var rankedPreds = map[quad.Value]bool{schema.Name: true, schema.Type: true, schema.CountryOf: true,
	schema.Lat: true, schema.Lon: true}

// entriesSince returns the document of entity e's EntriesSince quad; ""
// if it has none.
func entriesSince(v *view, base string, e quad.IRI) (quad.IRI, error) {
	var by quad.IRI
	err := v.until(quad.Subject, schema.FactSetsIRI(base, e), schema.EntriesSince, func(q quad.Quad) bool {
		if d, ok := q.Object.(quad.IRI); ok && q.Label == q.Object {
			by = d
		}
		return by == ""
	})
	return by, err
}

// entry is the support index entry of document d for id (a fact set or a
// fact key).
func entry(id, d quad.IRI) quad.Quad {
	return quad.Quad{Subject: id, Predicate: schema.SupportedBy, Object: d, Label: d}
}

// entries adds the document's entries for the sets and facts it lists of
// each entity with an EntriesSince quad (listedOf), and that quad again
// where the document wrote it; the entities without one are left to
// fuser.enter.
func (b *builder) entries() {
	for _, e := range b.listedOrder {
		by, err := entriesSince(b.f.v, b.s.base, e)
		b.f.fail(err)
		if by == "" {
			continue
		}
		b.entered[e] = true
		for _, id := range b.listedOf[e] {
			b.add(id, schema.SupportedBy, b.doc)
		}
		if by == b.doc {
			b.add(schema.FactSetsIRI(b.s.base, e), schema.EntriesSince, b.doc)
		}
	}
}

// enter gives each entity without an EntriesSince quad whose ranked facts
// the document disputes its entries and that quad (backfill).
func (f *fuser) enter(tx *graph.Transaction, b *builder) {
	for _, e := range b.listedOrder {
		if !b.entered[e] && f.disputes(b, e) {
			f.backfill(tx, b, e)
		}
	}
}

// disputes tells whether the document gives a ranked fact of entity e a
// value the store does not hold while it holds another: the put then
// makes the fact disputed. A value the store already holds leaves it as
// it was (a fact disputed in a store written before stays unentered).
func (f *fuser) disputes(b *builder, e quad.IRI) bool {
	var stated []quad.Quad
	for _, t := range b.shared {
		if t.Subject == e && rankedPreds[t.Predicate] && t.Object != schema.Entity {
			stated = append(stated, t)
		}
	}
	for _, n := range b.names[e] {
		stated = append(stated, quad.Quad{Subject: e, Predicate: schema.Name, Object: quad.String(n)})
	}
	for _, t := range stated {
		copies, err := f.v.copies(t)
		f.fail(err)
		if len(copies) > 0 {
			continue
		}
		other := false
		f.fail(f.v.until(quad.Subject, e, t.Predicate, func(q quad.Quad) bool {
			other = q.Object != t.Object && q.Object != schema.Entity
			return !other
		}))
		if other {
			return true
		}
	}
	return false
}

// backfill queues the entries of entity e for every document of e
// (entityDocs) that lists its sets or facts, as their supports literals
// list them, for the document being put, and e's EntriesSince quad.
func (f *fuser) backfill(tx *graph.Transaction, b *builder, e quad.IRI) {
	base := f.s.base
	node := schema.FactSetsIRI(base, e)
	sets := base + "factset/" + strings.TrimPrefix(string(node), base+"factsets/") + "."
	facts := map[quad.IRI]bool{} // the keys of e's stored facts
	f.fail(f.v.except(e, fanIn, nil, func(q quad.Quad) {
		facts[schema.FactIRI(base, q.Subject, q.Predicate, q.Object)] = true
	}))
	docs, err := entityDocsOf(f.v, e)
	f.fail(err)
	add := func(id, d quad.IRI) {
		if q := entry(id, d); !f.listed(q) {
			tx.AddQuad(q)
		}
	}
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
					add(set, d)
				}
			}
			for _, key := range k {
				if facts[key] {
					add(key, d)
				}
			}
		}))
	}
	for _, id := range b.listedOf[e] {
		tx.AddQuad(entry(id, f.doc))
	}
	tx.AddQuad(quad.Quad{Subject: node, Predicate: schema.EntriesSince, Object: f.doc, Label: f.doc})
}
