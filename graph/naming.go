package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Event names.
//
// A fused event is named after the smallest (by IRI) of its reports:
//
//	<base>event/<type>-<16 hex digits of the report IRI's sha256>
//
// Which reports an event holds is what fusion decides; its name then
// follows from them alone, whatever order the documents came in and
// whatever the store held when the event was made. A report that founds an
// event names it (fuser.mint); when a put adds a smaller report to an
// event, or takes its smallest report away, the event is renamed in the
// same transaction (nameEvents): every quad with the event as subject or
// object, and the support index entries of its shared facts, move to the
// new name. Documents stored in IRI order (as a directory is walked) add
// larger reports, so renames are rare there.

// eventName is the name of an event of type typ whose smallest report is
// rep.
func eventName(base string, typ, rep quad.IRI) quad.IRI {
	return schema.EventIRI(base, eventNameKey(typ, rep))
}

// provisionalName is the name a report's new event carries within a put
// while its own name is held by another event (see fuser.mint).
func provisionalName(base string, typ, rep quad.IRI) quad.IRI {
	return schema.EventIRI(base, eventNameKey(typ, rep)+"-new")
}

func eventNameKey(typ, rep quad.IRI) string {
	sum := sha256.Sum256([]byte(rep))
	return strings.ToLower(schema.LocalName(typ)) + "-" + hex.EncodeToString(sum[:8])
}

// nameEvents gives each of events (those a put touched) the name its
// reports call for, as v shows the store with the put's changes, and
// returns the changes that rename them: removals first, then additions. An
// event left without reports is left as it is (the put has removed its
// facts, or will with the document's other facts).
func (s *Store) nameEvents(v *view, events []quad.IRI) ([]graph.Delta, error) {
	renames := map[quad.IRI]quad.IRI{}
	seen := map[quad.IRI]bool{}
	for _, e := range events {
		if seen[e] {
			continue
		}
		seen[e] = true
		want, ok, err := s.wantedName(v, e)
		if err != nil {
			return nil, err
		}
		if ok && want != e {
			renames[e] = want
		}
	}
	if len(renames) == 0 {
		return nil, nil
	}
	moved, err := s.eventQuads(v, renames)
	if err != nil {
		return nil, err
	}
	rename := func(x quad.Value) quad.Value {
		if iri, ok := x.(quad.IRI); ok {
			if to, ok := renames[iri]; ok {
				return to
			}
		}
		return x
	}
	var del, add []quad.Quad
	for _, q := range moved {
		n := q
		n.Subject, n.Object = rename(q.Subject), rename(q.Object)
		del, add = append(del, q), append(add, n)
	}
	// The support index entries of the shared facts follow their fact.
	facts := map[quad.Quad]bool{}
	for _, q := range moved {
		t := triple(q)
		if facts[t] || q.Predicate == schema.ReportOf {
			continue
		}
		facts[t] = true
		n := t
		n.Subject, n.Object = rename(t.Subject), rename(t.Object)
		err := v.each(quad.Subject, schema.FactIRI(s.base, t.Subject, t.Predicate, t.Object), schema.SupportedBy, func(e quad.Quad) {
			if d, ok := e.Object.(quad.IRI); ok && e.Label == e.Object {
				del = append(del, e)
				add = append(add, supportQuad(s.base, n, d))
			}
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]graph.Delta, 0, len(del)+len(add))
	for _, q := range del {
		out = append(out, graph.Delta{Quad: q, Action: graph.Delete})
	}
	for _, q := range add {
		out = append(out, graph.Delta{Quad: q, Action: graph.Add})
	}
	return out, nil
}

// wantedName is the name event e's reports call for; ok is false for an
// event without reports.
func (s *Store) wantedName(v *view, e quad.IRI) (name quad.IRI, ok bool, err error) {
	reports, err := v.in(e, schema.ReportOf)
	if err != nil {
		return "", false, err
	}
	first := quad.IRI("")
	for _, r := range reports {
		if iri, isIRI := r.(quad.IRI); isIRI && (first == "" || iri < first) {
			first = iri
		}
	}
	if first == "" {
		return "", false, nil
	}
	types, err := v.out(e, schema.Type)
	if err != nil {
		return "", false, err
	}
	typ := quad.IRI("")
	for _, t := range types {
		if iri, isIRI := t.(quad.IRI); isIRI && iri != schema.Event && (typ == "" || iri < typ) {
			typ = iri
		}
	}
	if typ == "" {
		typ = schema.Event
	}
	return eventName(s.base, typ, first), true, nil
}

// eventQuads returns every quad with one of the events renamed as subject
// or object (an event is the object of ng:reportOf and
// ng:retaliationFor), once each, in a stable order.
func (s *Store) eventQuads(v *view, renamed map[quad.IRI]quad.IRI) ([]quad.Quad, error) {
	seen := map[quad.Quad]bool{}
	var out []quad.Quad
	add := func(q quad.Quad) {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	events := make([]quad.IRI, 0, len(renamed))
	for e := range renamed {
		events = append(events, e)
	}
	sort.Slice(events, func(i, j int) bool { return events[i] < events[j] })
	for _, e := range events {
		if err := v.subject(e, add); err != nil {
			return nil, err
		}
		for _, p := range []quad.IRI{schema.ReportOf, schema.RetaliationFor} {
			if err := v.each(quad.Object, e, p, add); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}
