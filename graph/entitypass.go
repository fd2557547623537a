package graph

import (
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Entities read in one pass.
//
// A listing reads each entity its events name once (reader.entity). One
// by one, an entity costs a few index seeks and a read of each of its
// values: its IRI, name, aliases and coordinates. A full listing names
// most of the store's entities, so where the store lists a predicate's
// quads from an index and does not read ahead in batches (bolt), a
// listing without a limit that has read entityPassAfter entities one by
// one reads the facts it shows of every entity with one scan of each of
// passPreds instead, and takes the facts of the entities it meets next
// from there. The type is read entity by entity still (by subject and
// predicate, the entity's IRI known from the pass): every node of the
// store has one. The facts are the same quads either way, and the
// entity is built from them by the same readEntity
// (TestEntityPassEqualsOneByOne).

// entityPassAfter is the number of entities a listing reads one by one
// before it reads the others' facts in one pass.
const entityPassAfter = 100

// passPreds are the predicates of entityPreds the pass reads whole: only
// entities have them.
var passPreds = []quad.IRI{schema.Name, schema.Alias, schema.CountryOf, schema.Lat, schema.Lon}

// entityPass holds the facts of passPreds, by entity and predicate.
type entityPass map[quad.IRI]map[quad.Value][]quad.Quad

// passFacts returns the facts of entity iri that events show from the
// pass, reading it first once the listing has read enough entities one
// by one; ok is false where the entity is to be read alone.
func (r *reader) passFacts(iri quad.IRI) (map[quad.Value][]quad.Quad, bool) {
	if r.pass == nil {
		if !r.bulk || r.v.pre != nil || r.v.p != nil || !r.v.scansPredicates() {
			return nil, false
		}
		after := entityPassAfter
		if r.s.entityPassAfter > 0 {
			after = r.s.entityPassAfter
		}
		if r.oneByOne++; r.oneByOne <= after {
			return nil, false
		}
		if err := r.readPass(); err != nil {
			if r.err == nil {
				r.err = err
			}
			r.bulk = false
			return nil, false
		}
	}
	out := make(map[quad.Value][]quad.Quad, len(entityPreds))
	for p, qs := range r.pass[iri] {
		out[p] = qs
	}
	err := r.v.each(quad.Subject, iri, schema.Type, func(q quad.Quad) {
		out[schema.Type] = append(out[schema.Type], q)
	})
	if err != nil && r.err == nil {
		r.err = err
	}
	return out, true
}

// readPass reads every quad of passPreds, by subject.
func (r *reader) readPass() error {
	pass := entityPass{}
	for _, p := range passPreds {
		err := r.v.labelled(p, nil, func(q quad.Quad) {
			iri, ok := q.Subject.(quad.IRI)
			if !ok {
				return
			}
			if pass[iri] == nil {
				pass[iri] = map[quad.Value][]quad.Quad{}
			}
			pass[iri][p] = append(pass[iri][p], q)
		})
		if err != nil {
			return err
		}
	}
	r.pass = pass
	return nil
}
