package graph

import (
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph/internal/storage"
	"github.com/newsgraph/newsgraph/schema"
)

// Reading a page of events in a few batches.
//
// Reading one event in full takes a few dozen reads: its quads, its
// reports and theirs, their documents, the entities it names and their
// names, and the support index where documents disagree. On a store whose
// reads are local (bolt, memory) each is an index lookup; on one where
// each is a round trip to a server (PostgreSQL) they add up to seconds a
// page. Where the store's reader is a storage.Batcher, a listing reads
// the quads its next events will need ahead, a few batches for the
// page (prefetch): the events, then their reports, entities and
// disputed facts, then the documents, countries and fact sets those
// name. The reader's view then answers from what was read ahead
// (prefetched), and reads anything else with a batch of one, which is
// one round trip where the store's own reads take several. Nothing is
// read ahead on a store without batches, and the answers are the same
// either way (TestBatchedPagesEqualRowByRow).

// prefetched holds quads read ahead: every quad of a subject, or those of
// a subject or object with one predicate. An entry, empty or not, is
// complete.
type prefetched struct {
	b    storage.Batcher
	subj map[quad.Value][]quad.Quad
	sp   map[[2]quad.Value][]quad.Quad // subject, predicate
	op   map[[2]quad.Value][]quad.Quad // object, predicate
}

func newPrefetched(b storage.Batcher) *prefetched {
	return &prefetched{b: b, subj: map[quad.Value][]quad.Quad{},
		sp: map[[2]quad.Value][]quad.Quad{}, op: map[[2]quad.Value][]quad.Quad{}}
}

// lookup returns the quads with val in direction dir and, if pred is
// not nil, predicate pred, reading them with a batch of one unless they
// were read ahead.
func (p *prefetched) lookup(dir quad.Direction, val, pred quad.Value) ([]quad.Quad, error) {
	if qs, ok := p.cached(dir, val, pred); ok {
		return qs, nil
	}
	sel := storage.Select{Dir: dir, Values: []quad.Value{val}}
	if pred != nil {
		sel.Preds = []quad.Value{pred}
	}
	if err := p.read(sel); err != nil {
		return nil, err
	}
	qs, _ := p.cached(dir, val, pred)
	return qs, nil
}

func (p *prefetched) cached(dir quad.Direction, val, pred quad.Value) ([]quad.Quad, bool) {
	if dir == quad.Object {
		qs, ok := p.op[[2]quad.Value{val, pred}]
		return qs, ok
	}
	if all, ok := p.subj[val]; ok {
		if pred == nil {
			return all, true
		}
		var out []quad.Quad
		for _, q := range all {
			if q.Predicate == pred {
				out = append(out, q)
			}
		}
		return out, true
	}
	qs, ok := p.sp[[2]quad.Value{val, pred}]
	return qs, ok && pred != nil
}

// read reads sels with one batch and files what they hold, each value
// (and predicate) of a selection with an entry even where it has no quad.
func (p *prefetched) read(sels ...storage.Select) error {
	kept := sels[:0:0]
	for _, s := range sels {
		if len(s.Values) > 0 {
			kept = append(kept, s)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	res, err := p.b.Batch(kept)
	if err != nil {
		return err
	}
	for i, s := range kept {
		switch {
		case s.Dir == quad.Subject && len(s.Preds) == 0:
			for _, v := range s.Values {
				p.subj[v] = []quad.Quad{}
			}
			for _, q := range res[i] {
				p.subj[q.Subject] = append(p.subj[q.Subject], q)
			}
		default:
			m := p.sp
			if s.Dir == quad.Object {
				m = p.op
			}
			for _, v := range s.Values {
				for _, pr := range s.Preds {
					m[[2]quad.Value{v, pr}] = []quad.Quad{}
				}
			}
			for _, q := range res[i] {
				k := [2]quad.Value{q.Get(s.Dir), q.Predicate}
				m[k] = append(m[k], q)
			}
		}
	}
	return nil
}

// entityPreds are the predicates an event listing reads of the entities
// it names (readEntity), in the order of an entityFactSet.
var entityPreds = entityPredArray[:]

var entityPredArray = [...]quad.Value{schema.Name, schema.Type, schema.CountryOf, schema.Lat, schema.Lon, schema.Alias}

// eventRanked are the predicates of an event whose values event ranks
// by support (mode).
var eventRanked = map[quad.Value]bool{schema.Subtype: true, schema.Cameo: true, schema.Operation: true,
	schema.RetaliationFor: true, schema.EventCountry: true}

// entityRanked are those of an entity readEntity ranks (values).
var entityRanked = map[quad.Value]bool{schema.Name: true, schema.Type: true, schema.CountryOf: true,
	schema.Lat: true, schema.Lon: true}

// supportPreds are those of a fact's support index entries
// (eachSupporter).
var supportPreds = []quad.Value{schema.SupportedBy, schema.InFactSet}

// namedPreds are the predicates of an event whose objects are entities
// read with it.
var namedPreds = map[quad.Value]bool{schema.Actor: true, schema.Agent: true, schema.Target: true,
	schema.PlaceOf: true, schema.EventCountry: true}

// prefetch reads ahead, where the store reads in batches, what reading
// events will read: their listing rows first, then what reading in full
// the events without one will read, and the entities either names.
func (r *reader) prefetch(events []quad.IRI) error {
	p := r.v.pre
	if p == nil || len(events) == 0 {
		return nil
	}
	rowed, err := r.prefetchRows(events)
	if err != nil {
		return err
	}
	var evs []quad.Value
	for _, e := range events {
		if _, ok := p.subj[e]; !ok && r.rows[e] == nil {
			evs = append(evs, e)
		}
	}
	// the events and their reports
	if err := p.read(storage.Select{Dir: quad.Subject, Values: evs},
		storage.Select{Dir: quad.Object, Values: evs, Preds: []quad.Value{schema.ReportOf}}); err != nil {
		return err
	}
	// the reports' quads, the entities named, the support of facts the
	// events' documents disagree on
	var reports, entities, keys []quad.Value
	seen := map[quad.Value]bool{}
	add := func(list *[]quad.Value, v quad.Value) {
		if !seen[v] {
			seen[v] = true
			*list = append(*list, v)
		}
	}
	for _, e := range rowed {
		for _, iri := range r.rows[e].entities() {
			if r.entities[iri] == nil {
				add(&entities, iri)
			}
		}
	}
	for _, e := range evs {
		for _, q := range p.op[[2]quad.Value{e, schema.ReportOf}] {
			add(&reports, q.Subject)
		}
		for _, q := range p.subj[e] {
			if iri, ok := q.Object.(quad.IRI); ok && namedPreds[q.Predicate] && r.entities[iri] == nil {
				add(&entities, iri)
			}
		}
		for _, k := range r.disputed(p.subj[e], eventRanked) {
			add(&keys, k)
		}
	}
	if err := p.read(storage.Select{Dir: quad.Subject, Values: reports},
		storage.Select{Dir: quad.Subject, Values: entities, Preds: entityPreds},
		storage.Select{Dir: quad.Subject, Values: keys, Preds: supportPreds}); err != nil {
		return err
	}
	// the documents, the countries of the entities, the support of their
	// disputed facts, the fact sets
	var docs, countries, keys2, setNodes, sets, disputed []quad.Value
	var facts2 []quad.Quad
	for _, rep := range reports {
		for _, q := range p.subj[rep] {
			if q.Predicate == schema.ReportedBy && r.docs[q.Object] == nil {
				add(&docs, q.Object)
			}
		}
	}
	for _, en := range entities {
		var facts []quad.Quad
		for _, pr := range entityPreds {
			qs := p.sp[[2]quad.Value{en, pr}]
			facts = append(facts, qs...)
			if pr == schema.CountryOf {
				for _, q := range qs {
					if c, ok := q.Object.(quad.IRI); ok {
						add(&countries, c)
					}
				}
			}
		}
		for _, q := range r.disputedFacts(facts, entityRanked) {
			add(&keys2, schema.FactIRI(r.s.base, q.Subject, q.Predicate, q.Object))
			add(&setNodes, schema.FactSetsIRI(r.s.base, en.(quad.IRI)))
			add(&disputed, en)
			facts2 = append(facts2, q)
		}
	}
	for _, k := range keys {
		for _, q := range p.sp[[2]quad.Value{k, schema.InFactSet}] {
			add(&sets, q.Object)
		}
	}
	if err := p.read(storage.Select{Dir: quad.Subject, Values: docs},
		storage.Select{Dir: quad.Subject, Values: countries, Preds: []quad.Value{schema.Name}},
		storage.Select{Dir: quad.Subject, Values: keys2, Preds: supportPreds},
		storage.Select{Dir: quad.Subject, Values: setNodes, Preds: []quad.Value{schema.FactSetOf}},
		storage.Select{Dir: quad.Subject, Values: sets, Preds: []quad.Value{schema.SupportedBy}},
		storage.Select{Dir: quad.Subject, Values: disputed, Preds: entityDocs}); err != nil {
		return err
	}
	// the fact sets of the entities' disputed facts, and the literals of
	// the documents that may list them
	var sets2, listers []quad.Value
	for _, en := range disputed {
		for _, pr := range entityDocs {
			for _, q := range p.sp[[2]quad.Value{en, pr}] {
				add(&listers, q.Object)
			}
		}
	}
	for _, t := range facts2 {
		held, err := factSets(r.v, r.s.base, t)
		if err != nil {
			return err
		}
		for _, set := range held {
			add(&sets2, set)
		}
	}
	return p.read(storage.Select{Dir: quad.Subject, Values: sets2, Preds: []quad.Value{schema.SupportedBy}},
		storage.Select{Dir: quad.Subject, Values: listers, Preds: []quad.Value{schema.Supports}})
}

// prefetchRows reads the listing rows of events not yet read, with one
// batch, and returns the events that have one.
func (r *reader) prefetchRows(events []quad.IRI) ([]quad.IRI, error) {
	p := r.v.pre
	if r.full || r.s.fullReads {
		return nil, nil
	}
	var want []quad.Value
	for _, e := range events {
		if _, ok := p.cached(quad.Subject, e, schema.RowOf); !ok {
			want = append(want, e)
		}
	}
	if err := p.read(storage.Select{Dir: quad.Subject, Values: want, Preds: []quad.Value{schema.RowOf}}); err != nil {
		return nil, err
	}
	var rowed []quad.IRI
	for _, e := range events {
		if r.rows[e] != nil {
			rowed = append(rowed, e)
			continue
		}
		row, ok, err := r.storedRow(e)
		if err != nil {
			return nil, err
		}
		if ok {
			r.rows[e] = row
			rowed = append(rowed, e)
		}
	}
	return rowed, nil
}

// entities lists the entities row names.
func (row *eventRow) entities() []quad.IRI {
	var out []quad.IRI
	for _, list := range [][]string{row.Actors, row.Agents, row.Targets, row.Places} {
		out = append(out, toIRIs(list)...)
	}
	if row.Country != "" {
		out = append(out, quad.IRI(row.Country))
	}
	return out
}

// disputed returns the support index keys rank reads for facts: those of
// each subject and predicate of ranked with more than one object (facts
// of the fused graph aside: they are the fused figures, not ranked).
func (r *reader) disputed(facts []quad.Quad, ranked map[quad.Value]bool) []quad.Value {
	var out []quad.Value
	for _, q := range r.disputedFacts(facts, ranked) {
		out = append(out, schema.FactIRI(r.s.base, q.Subject, q.Predicate, q.Object))
	}
	return out
}

// disputedFacts returns the facts among facts whose support rank reads:
// those of each subject and predicate of ranked with more than one
// object, but those of the fused graph.
func (r *reader) disputedFacts(facts []quad.Quad, ranked map[quad.Value]bool) []quad.Quad {
	fused := schema.FusedGraph(r.s.base)
	kept := facts[:0:0]
	for _, q := range facts {
		if ranked[q.Predicate] && q.Label != fused {
			kept = append(kept, q)
		}
	}
	facts = kept
	objects := map[[2]quad.Value]map[quad.Value]bool{}
	for _, q := range facts {
		k := [2]quad.Value{q.Subject, q.Predicate}
		if objects[k] == nil {
			objects[k] = map[quad.Value]bool{}
		}
		objects[k][q.Object] = true
	}
	var out []quad.Quad
	for _, q := range facts {
		if len(objects[[2]quad.Value{q.Subject, q.Predicate}]) > 1 {
			out = append(out, q)
		}
	}
	return out
}
