package graph

import (
	"sort"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/schema"
)

// Entity names.
//
// Documents may spell one entity differently ("Koh e Sabz", "Koh-e-Sabz").
// Each document that names an entity supports the fact iri ng:name
// "<its spelling>" in the support index, whatever the other documents say.
// Of all the spellings that some stored document supports, the best
// (betterName) is the entity's one ng:name, a shared fact labelled with
// its smallest supporter; each other spelling is an ng:alias labelled
// schema.FusedGraph, derived like a fused event's figures. So the stored
// names are a function of the set of documents the store holds, not of the
// order they came in: a document bringing a better spelling renames the
// entity (the old name becomes an alias), and replacing one recomputes the
// name from what remains.

// betterName tells whether spelling a is a better ng:name than b: a
// spelling already in the extractor's preferred form
// (lexicon.PreferredSpelling: "Koh-e-Sabz", not "Koh e Sabz") first, then
// the lexicographically least, so that any two spellings are ordered.
func betterName(a, b string) bool {
	pa, pb := lexicon.PreferredSpelling(a) == a, lexicon.PreferredSpelling(b) == b
	if pa != pb {
		return pa
	}
	return a < b
}

// named returns the entities whose names a put of doc may change: those
// the stored version of doc mentions or is the canonical namer of (old,
// its quads: a country it gives only by name is not mentioned) and those
// the record names (names), in IRI order.
func named(old []quad.Quad, doc quad.IRI, names map[quad.IRI][]string) []quad.IRI {
	set := map[quad.IRI]bool{}
	for _, q := range old {
		iri, ok := q.Subject.(quad.IRI)
		if ok && (q.Predicate == schema.MentionedIn && q.Object == doc || q.Predicate == schema.Name) {
			set[iri] = true
		}
	}
	for iri := range names {
		set[iri] = true
	}
	out := make([]quad.IRI, 0, len(set))
	for iri := range set {
		out = append(out, iri)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// spelling is what the store holds of one spelling of an entity.
type spelling struct {
	labels    []quad.IRI // of its stored ng:name copies
	alias     bool       // stored as a fused ng:alias
	stated    bool       // the record names the entity so
	supported bool       // some document supports it once the put is done
}

// settleNames brings the names of the entities a put touches to their
// final state and queues the changes in tx: the ng:name is the best
// spelling that the record (names) or another stored document supports,
// labelled with its smallest supporter, and every other supported spelling
// a fused ng:alias; what no document supports any more is deleted. A
// stored ng:name copy under a label the support index lacks (a store
// written before names were shared) counts as its label's support, added
// to the index. It returns how many name quads end up labelled with the
// document.
//
// Removals of the document's own facts must already be queued: the name
// quad it keeps is added again, which cancels a removal.
func (f *fuser) settleNames(tx *graph.Transaction, entities []quad.IRI, names map[quad.IRI][]string) (own int) {
	fused := schema.FusedGraph(f.s.base)
	for _, iri := range entities {
		sp := f.spellings(iri, names[iri], fused)
		best := ""
		for s, x := range sp {
			if x.supported && (best == "" || betterName(s, best)) {
				best = s
			}
		}
		keys := make([]string, 0, len(sp))
		for s := range sp {
			keys = append(keys, s)
		}
		sort.Strings(keys)
		for _, s := range keys {
			x := sp[s]
			t := quad.Quad{Subject: iri, Predicate: schema.Name, Object: quad.String(s)}
			canonical := quad.IRI("")
			if s == best {
				canonical = f.canonicalName(t, x)
				if canonical == f.doc {
					own++
				}
			}
			f.placeName(tx, t, x, canonical, fused)
			alias := quad.Quad{Subject: iri, Predicate: schema.Alias, Object: quad.String(s), Label: fused}
			switch {
			case x.alias && (s == best || !x.supported):
				tx.RemoveQuad(alias)
			case !x.alias && s != best && x.supported:
				tx.AddQuad(alias)
			}
		}
	}
	return own
}

// spellings reads the spellings the store holds for entity iri (its
// ng:name copies, its fused aliases) and those the record gives it
// (stated), and tells which of them a document supports once the put is
// done.
func (f *fuser) spellings(iri quad.IRI, stated []string, fused quad.IRI) map[string]*spelling {
	sp := map[string]*spelling{}
	get := func(s string) *spelling {
		x := sp[s]
		if x == nil {
			x = &spelling{}
			sp[s] = x
		}
		return x
	}
	f.fail(f.v.each(quad.Subject, iri, schema.Name, func(q quad.Quad) {
		s, ok := q.Object.(quad.String)
		l, isIRI := q.Label.(quad.IRI)
		if ok && isIRI && l != fused {
			x := get(string(s))
			x.labels = append(x.labels, l)
		}
	}))
	f.fail(f.v.each(quad.Subject, iri, schema.Alias, func(q quad.Quad) {
		if s, ok := q.Object.(quad.String); ok && q.Label == fused {
			get(string(s)).alias = true
		}
	}))
	for _, s := range stated {
		get(s).stated = true
	}
	for s, x := range sp {
		x.supported = x.stated
		for _, l := range x.labels {
			x.supported = x.supported || l != f.doc
		}
		if !x.supported {
			q := quad.Quad{Subject: iri, Predicate: schema.Name, Object: quad.String(s), Label: f.doc}
			x.supported = f.supportedByOthers(q)
		}
	}
	return sp
}

// canonicalName is the label of the ng:name t once the put is done: the
// smallest of its supporters. The label of a stored copy other than the
// document is the smallest supporter but the document, so the whole
// support index is read only when there is none (the spelling becomes the
// name, or the document was its canonical one).
func (f *fuser) canonicalName(t quad.Quad, x *spelling) quad.IRI {
	canonical := quad.IRI("")
	for _, l := range x.labels {
		if l != f.doc && (canonical == "" || l < canonical) {
			canonical = l
		}
	}
	if canonical == "" {
		for _, d := range f.support(t) {
			if d != f.doc && (canonical == "" || d < canonical) {
				canonical = d
			}
		}
	}
	if x.stated && (canonical == "" || f.doc < canonical) {
		canonical = f.doc
	}
	return canonical
}

// placeName queues the changes that leave spelling t with one ng:name
// copy labelled canonical, or none if canonical is "", and adds the index
// entries that legacy copies imply.
func (f *fuser) placeName(tx *graph.Transaction, t quad.Quad, x *spelling, canonical, fused quad.IRI) {
	kept, legacyOwn := false, false
	for _, l := range x.labels {
		switch {
		case l == f.doc:
			// Without its index entry the copy predates shared facts:
			// Put queued its removal with the document's own facts.
			legacyOwn = !f.supportedBy(t, f.doc)
		case !f.supportedBy(t, l):
			tx.AddQuad(supportQuad(f.s.base, t, l))
		}
		if l == canonical {
			kept = true
			continue
		}
		q := t
		q.Label = l
		tx.RemoveQuad(q)
	}
	if canonical != "" && (!kept || canonical == f.doc && legacyOwn) {
		q := t
		q.Label = canonical
		tx.AddQuad(q) // or cancels the queued removal
	}
}
