package graph

import (
	"context"
	"slices"
	"sort"
	"strings"

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
// (schema.FactIRI), or, for a fact whose subject is an entity the document
// describes (a direct or relation edge), the fact's key in the document's
// ng:supports literal (below, with fact sets). Being labelled with their
// document, these quads are replaced with the document like its other own
// facts, and Put settles the shared facts they point to in the same
// transaction.

// Fact sets.
//
// What a document states about one entity (its type, names, subtype,
// country, place, coordinates, Wikidata item) is supported as a whole, as
// the set of those facts,
//
//	<base>factset/<entity digest>.<digest of the fact keys>
//
// (schema.FactSetIRI). The document lists the sets it supports, of every
// entity it describes, in one literal of its own,
//
//	<doc> ng:supports "<set id> <set id> …"^^ng:Supported <doc> .
//
// and the documents that may list a set of entity E are E's
// ng:mentionedIn documents and, for a document that describes E without
// naming it, its ng:describedIn ones: a set's supporters are read from
// its entity (eachLister). Stores written before linked each set to each
// of its documents, <set> ng:supportedBy <doc> <doc>: those entries are
// read and deleted alike. The set's facts are listed once, for all the
// documents that state exactly that set, on the entity's fact sets node:
//
//	<base>factsets/<entity digest> ng:factSet "<set id> k1 k2 …"^^ng:FactSet <fused> .
//
// (schema.FactSetValue). Documents that name an entity alike (every
// article naming a country gives the gazetteer's type, name, coordinates
// and Wikidata item) share its set, so an entity costs each of them one
// quad instead of one per fact. A fact's supporters are those of its own
// entries and those of the sets that hold it. A set's literal is written
// with its first supporter and deleted with its last (linkFactSets,
// dropFactSets). Stores written before kept a set's facts as one
// ng:inFactSet link each, from the fact's key to the set: those are read
// and deleted alike.

// factSets returns the fact sets that hold fact t: those its subject's fact
// sets node lists it in, and those its key links to.
func factSets(v *view, base string, t quad.Quad) ([]quad.Value, error) {
	return factSetsOf(v, base, t, schema.FactIRI(base, t.Subject, t.Predicate, t.Object))
}

// factSetsOf is factSets of fact t whose key (schema.FactIRI) is fact.
func factSetsOf(v *view, base string, t quad.Quad, fact quad.IRI) ([]quad.Value, error) {
	var sets []quad.Value
	err := v.each(quad.Subject, fact, schema.InFactSet,
		func(q quad.Quad) { sets = append(sets, q.Object) })
	e, ok := t.Subject.(quad.IRI)
	if err != nil || !ok {
		return sets, err
	}
	key := schema.FactKey(t.Predicate, t.Object)
	err = v.each(quad.Subject, schema.FactSetsIRI(base, e), schema.FactSetOf, func(q quad.Quad) {
		if set, ok := schema.FactSetHolds(base, q.Object, key); ok {
			sets = append(sets, set)
		}
	})
	return sets, err
}

// eachSetOf calls fn with the literal quad that lists the facts of fact
// set set, and its keys (none for a set of a store written before, whose
// facts link to it).
func eachSetOf(v *view, base string, set quad.Value, fn func(quad.Quad, []string)) error {
	node, ok := schema.FactSetsOfSet(base, set)
	if !ok {
		return nil
	}
	return v.each(quad.Subject, node, schema.FactSetOf, func(q quad.Quad) {
		if s, keys, ok := schema.FactSetMembers(base, q.Object); ok && s == set {
			fn(q, keys)
		}
	})
}

// inSet tells whether fact q is listed in sets (the keys of the fact sets
// a document supports, by the fact sets node of their entity).
func (s *Store) inSet(sets map[quad.Value]map[string]bool, q quad.Quad) bool {
	e, ok := q.Subject.(quad.IRI)
	return ok && len(sets) > 0 && sets[schema.FactSetsIRI(s.base, e)][schema.FactKey(q.Predicate, q.Object)]
}

// eachSupporter calls fn with every document the support index lists for
// fact t (its label is ignored), directly, through a fact set or, for a
// fact of an event node, through the statesFacts of the event's reports,
// until fn returns false (a document may come more than once).
func (s *Store) eachSupporter(v *view, t quad.Quad, cache map[quad.IRI]*listers, fn func(quad.IRI) bool) error {
	k := schema.FactIRI(s.base, t.Subject, t.Predicate, t.Object)
	more := true
	entry := func(q quad.Quad) bool {
		if d, ok := q.Object.(quad.IRI); ok && q.Label == q.Object {
			more = fn(d)
		}
		return more
	}
	if err := v.until(quad.Subject, k, schema.SupportedBy, entry); err != nil || !more {
		return err
	}
	if s.stated(t) {
		return eachStater(v, t, fn)
	}
	e, isEntity := t.Subject.(quad.IRI)
	var ls *listers
	var sets []quad.Value
	var err error
	if isEntity && cache != nil {
		if ls, err = listersOf(v, s.base, e, cache); err == nil {
			sets, err = linkedSets(v, k, ls.holding[schema.FactKey(t.Predicate, t.Object)])
		}
	} else {
		sets, err = factSetsOf(v, s.base, t, k)
	}
	if err != nil {
		return err
	}
	for _, set := range sets {
		if err := v.until(quad.Subject, set, schema.SupportedBy, entry); err != nil || !more {
			return err
		}
	}
	if !isEntity {
		return nil
	}
	if cache == nil {
		if kept, err := entriesKept(v, s.base, e); err != nil || kept {
			return err // the entries read above are all (entries.go)
		}
		return eachLister(v, s.base, e, append(sets, k), fn)
	}
	if ls.entered {
		return nil // the entries read above are all (entries.go)
	}
	ids := make([]string, 0, 1+len(sets))
	for _, key := range append(sets, k) {
		ids = append(ids, schema.SupportedID(s.base, key))
	}
	ls.each(ids, fn)
	return nil
}

// listers are the documents of an entity (entityDocs) and, for each id
// their supports literals list, the documents that list it, for reading
// the supporters of several of the entity's facts (ranking them) with one
// lookup a document: a document lists the sets of every entity it
// describes, and a fact needs two or three of them.
type listers struct {
	docs []quad.IRI
	by   map[string][]int32 // id: positions in docs, ascending
	// entered: the entity's entries are kept, its supporters
	// are its entries (entries.go), docs and by are empty
	entered bool
	// holding: the entity's fact sets by the keys of the facts they
	// hold (setsByKey)
	holding map[string][]quad.Value
}

// listersOf returns the listers of entity e, cached in cache: its fact
// sets by key, and, unless its supporters are its entries (entries.go),
// its documents and what each lists (listing).
func listersOf(v *view, base string, e quad.IRI, cache map[quad.IRI]*listers) (*listers, error) {
	if ls, ok := cache[e]; ok {
		return ls, nil
	}
	kept, err := entriesKept(v, base, e)
	if err != nil {
		return nil, err
	}
	ls := &listers{entered: kept}
	if !ls.entered {
		if ls, err = listing(v, e); err != nil {
			return nil, err
		}
	}
	if ls.holding, err = setsByKey(v, base, e); err != nil {
		return nil, err
	}
	cache[e] = ls
	return ls, nil
}

// linkedSets returns the fact sets fact links to (ng:inFactSet, stores
// written before), then held: those of its entity that hold it.
func linkedSets(v *view, fact quad.IRI, held []quad.Value) ([]quad.Value, error) {
	var sets []quad.Value
	err := v.each(quad.Subject, fact, schema.InFactSet, func(q quad.Quad) { sets = append(sets, q.Object) })
	return append(sets, held...), err
}

// setsByKey returns the fact sets of entity e by the keys of the facts
// they hold, each in the order of their literals on e's fact sets node,
// as factSetsOf finds them.
func setsByKey(v *view, base string, e quad.IRI) (map[string][]quad.Value, error) {
	idx := map[string][]quad.Value{}
	err := v.each(quad.Subject, schema.FactSetsIRI(base, e), schema.FactSetOf, func(q quad.Quad) {
		set, keys, ok := schema.FactSetMembers(base, q.Object)
		if !ok {
			return
		}
		for i, k := range keys {
			if !slices.Contains(keys[:i], k) { // a literal holds a key once
				idx[k] = append(idx[k], set)
			}
		}
	})
	return idx, err
}

// listing returns the documents of entity e and what each supports.
func listing(v *view, e quad.IRI) (*listers, error) {
	docs, err := entityDocsOf(v, e)
	if err != nil {
		return nil, err
	}
	ls := &listers{docs: docs, by: map[string][]int32{}}
	for i, d := range docs {
		err := v.each(quad.Subject, d, schema.Supports, func(q quad.Quad) {
			if ts, ok := q.Object.(quad.TypedString); ok && q.Label == d && ts.Type == schema.Supported {
				for _, id := range strings.Fields(string(ts.Value)) { // schema.SupportedKeys' ids
					if at := ls.by[id]; len(at) == 0 || at[len(at)-1] != int32(i) {
						ls.by[id] = append(at, int32(i))
					}
				}
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return ls, nil
}

// each calls fn with every document that lists one of ids, in the order
// of the entity's documents, until fn returns false.
func (ls *listers) each(ids []string, fn func(quad.IRI) bool) {
	var at []int32
	for _, id := range ids {
		at = append(at, ls.by[id]...)
	}
	slices.Sort(at)
	for i, p := range at {
		if i > 0 && p == at[i-1] {
			continue
		}
		if !fn(ls.docs[p]) {
			return
		}
	}
}

// entityDocs are the predicates that link an entity to the documents that
// may list its fact sets in their supports literal.
var entityDocs = []quad.Value{schema.MentionedIn, schema.DescribedIn}

// eachLister calls fn with every document of entity e (entityDocs) whose
// supports literal lists one of keys (fact sets of e, facts whose subject
// is e), until fn returns false.
func eachLister(v *view, base string, e quad.IRI, keys []quad.Value, fn func(quad.IRI) bool) error {
	docs, err := entityDocsOf(v, e)
	if err != nil {
		return err
	}
	for _, d := range docs {
		lists, err := listsSet(v, base, d, keys)
		if err != nil {
			return err
		}
		if lists && !fn(d) {
			return nil
		}
	}
	return nil
}

// entityDocsOf returns the documents of entity e (entityDocs).
func entityDocsOf(v *view, e quad.IRI) ([]quad.IRI, error) {
	var docs []quad.IRI
	seen := map[quad.IRI]bool{}
	for _, p := range entityDocs {
		err := v.each(quad.Subject, e, p, func(q quad.Quad) {
			if d, ok := q.Object.(quad.IRI); ok && q.Label == q.Object && !seen[d] {
				seen[d] = true
				docs = append(docs, d)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return docs, nil
}

// listsSet tells whether document d's supports literal lists one of
// keys (fact sets or facts).
func listsSet(v *view, base string, d quad.IRI, keys []quad.Value) (bool, error) {
	ids := make([]string, 0, len(keys)) // as the literal writes them
	for _, k := range keys {
		if iri, ok := k.(quad.IRI); ok && strings.HasPrefix(string(iri), base) {
			ids = append(ids, schema.SupportedID(base, k))
		}
	}
	found := false
	err := v.until(quad.Subject, d, schema.Supports, func(q quad.Quad) bool {
		ts, ok := q.Object.(quad.TypedString)
		if q.Label != d || !ok || ts.Type != schema.Supported {
			return true
		}
		for _, id := range ids {
			if schema.HasField(string(ts.Value), id) {
				found = true
				break
			}
		}
		return !found
	})
	return found, err
}

// supported returns the fact sets and the facts document doc supports,
// as its own quads old list them: in its supports literal, and by entries
// in the support index (only those of sets: entries are read one by one).
func supported(base string, old []quad.Quad, doc quad.IRI) (sets, facts []quad.Value) {
	seen := map[quad.Value]bool{} // a set listed and entered (entries.go) comes once
	for _, q := range old {
		switch {
		case q.Predicate == schema.SupportedBy && q.Object == doc && schema.IsFactSet(base, q.Subject):
			if !seen[q.Subject] {
				seen[q.Subject] = true
				sets = append(sets, q.Subject)
			}
		case q.Predicate == schema.Supports && q.Subject == doc:
			s, f := schema.SupportedKeys(base, q.Object)
			for _, set := range s {
				if !seen[set] {
					seen[set] = true
					sets = append(sets, set)
				}
			}
			for _, k := range f {
				facts = append(facts, k)
			}
		}
	}
	return sets, facts
}

// Facts of event nodes.
//
// The shared facts of a fused event node that its reports describe (its
// types, subtype, CAMEO code, actors, agents, targets, places, country,
// weapons, operation: statedPreds) have no entry in the support index:
// each report lists the keys of those its document states, in its
// details literal, whose export is the quad
//
//	<report> ng:statesFacts "k1 k2 …"^^ng:FactKeys <doc> .
//
// (schema.FactKey: a digest of the predicate and object; stores written
// before hold that quad itself, still read), and a fact's supporters are
// the documents of the reports of its event whose keys list it
// (schema.StatedKeys). A key does not name the event, so when fusion moves a
// document's reports to another node (recluster.go) the literal moves
// with them and the facts it lists are the moved ones. A
// ng:retaliationFor keeps its entries: the event it names may move.

// statedPreds are the predicates of the event facts reports list.
var statedPreds = map[quad.Value]bool{schema.Type: true, schema.Subtype: true, schema.Cameo: true,
	schema.Actor: true, schema.Agent: true, schema.Target: true, schema.TargetText: true,
	schema.PlaceOf: true, schema.EventCountry: true, schema.Weapon: true, schema.Operation: true}

// stated tells whether fact t is one of an event node that reports list
// (statedPreds).
func (s *Store) stated(t quad.Quad) bool {
	e, ok := t.Subject.(quad.IRI)
	return ok && statedPreds[t.Predicate] && strings.HasPrefix(string(e), s.base+"event/")
}

// eachStater calls fn with the document of every report of the event of
// fact t whose keys list t, until fn returns false.
func eachStater(v *view, t quad.Quad, fn func(quad.IRI) bool) error {
	var reports []quad.Value
	if err := v.each(quad.Object, t.Subject, schema.ReportOf, func(q quad.Quad) { reports = append(reports, q.Subject) }); err != nil {
		return err
	}
	key := schema.FactKey(t.Predicate, t.Object)
	more := true
	for _, r := range reports {
		if err := statedBy(v, r, key, func(d quad.IRI) { more = fn(d) }); err != nil || !more {
			return err
		}
	}
	return nil
}

// statedBy calls fn with the document of report r if r's keys list key:
// those its details literal holds, else (a report written before the
// keys were a detail) those of its statesFacts quad.
func statedBy(v *view, r quad.Value, key string, fn func(quad.IRI)) error {
	found := false
	check := func(q quad.Quad) bool {
		// A report has one such literal; reading on (not stopping)
		// keeps the read in the view's memo.
		if keys, ok := schema.StatedKeys(q.Object); ok && !found {
			found = true
			if d, isIRI := q.Label.(quad.IRI); isIRI && schema.HasField(keys, key) {
				fn(d)
			}
		}
		return true
	}
	if err := v.until(quad.Subject, r, schema.DetailsOf, check); err != nil || found {
		return err
	}
	return v.until(quad.Subject, r, schema.StatesFacts, check)
}

// listedFacts returns the literals of the reports among quads (one
// document's) that list the keys of the facts they state (their
// statesFacts or details: schema.StatedKeys), by the event each report
// describes.
func listedFacts(quads []quad.Quad) map[quad.Value][]quad.Value {
	events := map[quad.Value]quad.Value{}
	for _, q := range quads {
		if q.Predicate == schema.ReportOf {
			events[q.Subject] = q.Object
		}
	}
	out := map[quad.Value][]quad.Value{}
	for _, q := range quads {
		if e, ok := events[q.Subject]; ok && (q.Predicate == schema.StatesFacts || q.Predicate == schema.DetailsOf) {
			out[e] = append(out[e], q.Object)
		}
	}
	return out
}

// listsFact tells whether one of the literals listedFacts returns lists
// fact t.
func listsFact(literals []quad.Value, t quad.Quad) bool {
	key := schema.FactKey(t.Predicate, t.Object)
	for _, l := range literals {
		if schema.HasFactKey(l, key) {
			return true
		}
	}
	return false
}

// linkFactSets queues the literal of each set the document supports
// (sets: the literal's quad) that the store does not hold yet: that of a
// set the document is the first to support.
func (f *fuser) linkFactSets(tx *graph.Transaction, sets map[quad.IRI]quad.Quad) {
	for _, q := range sets {
		held, err := f.v.has(q.Subject, schema.FactSetOf, q.Object)
		f.fail(err)
		if !held {
			tx.AddQuad(q)
		}
	}
}

// dropFactSets queues the deletion of the literals (and links) of the fact
// sets the stored version of the document supported (its own quads, old)
// and the new one does not (keep), once no other document supports them.
// A set's other supporters are its entries in the support index and the
// documents of its entity (eachLister), which old names: a set whose
// entity old does not name (a store written before describedIn) is kept.
func (f *fuser) dropFactSets(tx *graph.Transaction, old []quad.Quad, keep map[quad.IRI]quad.Quad) {
	entities := map[quad.IRI]quad.IRI{} // an entity's FactSetsIRI: the entity
	for _, q := range old {
		if e, ok := q.Subject.(quad.IRI); ok && q.Object == f.doc &&
			(q.Predicate == schema.MentionedIn || q.Predicate == schema.DescribedIn) {
			entities[schema.FactSetsIRI(f.s.base, e)] = e
		}
	}
	sets, _ := supported(f.s.base, old, f.doc)
	for _, set := range sets {
		if _, kept := keep[set.(quad.IRI)]; kept {
			continue
		}
		other := false
		f.fail(f.v.until(quad.Subject, set, schema.SupportedBy, func(e quad.Quad) bool {
			other = e.Label == e.Object && e.Object != f.doc
			return !other
		}))
		node, _ := schema.FactSetsOfSet(f.s.base, set)
		e, known := entities[node]
		if !other && !known {
			other = true
		}
		if !other {
			f.fail(eachLister(f.v, f.s.base, e, []quad.Value{set}, func(d quad.IRI) bool {
				other = d != f.doc
				return !other
			}))
		}
		if other {
			continue
		}
		f.fail(eachSetOf(f.v, f.s.base, set, func(m quad.Quad, _ []string) { tx.RemoveQuad(m) }))
		f.fail(f.v.each(quad.Object, set, schema.InFactSet, func(m quad.Quad) { tx.RemoveQuad(m) }))
	}
}

// triple returns q without its label: the key of a shared fact.
func triple(q quad.Quad) quad.Quad {
	q.Label = nil
	return q
}

// supporters returns the documents the support index lists for fact t
// (its label is ignored), in IRI order.
func (s *Store) supporters(v *view, t quad.Quad, cache map[quad.IRI]*listers) ([]quad.IRI, error) {
	var out []quad.IRI
	seen := map[quad.IRI]bool{}
	err := s.eachSupporter(v, t, cache, func(d quad.IRI) bool {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
		return true
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
	return s.supporters(s.view(ctx, nil), quad.Quad{Subject: subject, Predicate: predicate, Object: object}, nil)
}

// support is the supporters of fact t, cached for the fuser's lifetime.
func (f *fuser) support(t quad.Quad) []quad.IRI {
	t = triple(t)
	if v, ok := f.supp[t]; ok {
		return v
	}
	v, err := f.s.supporters(f.v, t, f.listers)
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
	f.fail(f.s.eachSupporter(f.v, q, nil, func(d quad.IRI) bool {
		other = d != f.doc
		return !other
	}))
	return other
}

// supportedBy tells whether the support index lists d for fact t,
// directly, through a fact set or through the statesFacts of a report of
// d: one lookup of a whole quad per entry that may list it, whatever the
// number of supporters (a fact of an event: one per report of the event).
func (f *fuser) supportedBy(t quad.Quad, d quad.IRI) bool {
	entry := supportQuad(f.s.base, t, d)
	if f.listed(entry) {
		return true
	}
	if f.s.stated(t) {
		found := false
		f.fail(eachStater(f.v, t, func(x quad.IRI) bool {
			found = x == d
			return !found
		}))
		return found
	}
	fact := entry.Subject.(quad.IRI)
	sets := f.factSets(t, fact)
	for _, set := range sets {
		entry.Subject = set
		if f.listed(entry) {
			return true
		}
	}
	if _, ok := t.Subject.(quad.IRI); !ok {
		return false
	}
	lists, err := listsSet(f.v, f.s.base, d, append(sets, fact))
	f.fail(err)
	return lists
}

// factSets is factSetsOf for the fuser: the sets of t's entity are read
// from the entity's index (setsHolding).
func (f *fuser) factSets(t quad.Quad, fact quad.IRI) []quad.Value {
	var held []quad.Value
	if e, ok := t.Subject.(quad.IRI); ok {
		held = f.setsHolding(e, schema.FactKey(t.Predicate, t.Object))
	}
	sets, err := linkedSets(f.v, fact, held)
	f.fail(err)
	return sets
}

// setsHolding returns the fact sets of entity e that hold the fact of key
// key, in the order of their literals on e's fact sets node, as
// factSetsOf finds them. The literals are read and split once per fuser
// into an index by key (setsByKey: the view does not change during a
// fuser's life), rather than searched again for each fact of e and each
// document asked about it.
func (f *fuser) setsHolding(e quad.IRI, key string) []quad.Value {
	idx, ok := f.entitySets[e]
	if !ok {
		var err error
		idx, err = setsByKey(f.v, f.s.base, e)
		f.fail(err)
		f.entitySets[e] = idx
	}
	sets := idx[key]
	return sets[:len(sets):len(sets)] // callers append to it
}

// listed tells whether the store holds the support index entry e.
func (f *fuser) listed(e quad.Quad) bool {
	entries, err := f.v.copies(e)
	f.fail(err)
	for _, x := range entries {
		if x.Label == e.Label {
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
