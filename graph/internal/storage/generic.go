package storage

import (
	"context"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
)

// Generic is a Reader of any quad store through Cayley's API: node
// lookups, quad iterators and their intersections.
type Generic struct {
	QS  graph.QuadStore
	Ctx context.Context
}

// Quads lists the quads with val in direction dir and, if pred is not
// nil, predicate pred: the node's quads, or their intersection with the
// predicate's.
func (g *Generic) Quads(dir quad.Direction, val, pred quad.Value, fn func(quad.Quad) bool) error {
	ref := g.QS.ValueOf(val)
	if ref == nil {
		return nil
	}
	var it graph.Iterator
	if pred != nil {
		pref := g.QS.ValueOf(pred)
		if pref == nil {
			return nil
		}
		it = shape.BuildIterator(g.QS, shape.Quads{
			{Dir: dir, Values: shape.Fixed{ref}},
			{Dir: quad.Predicate, Values: shape.Fixed{pref}},
		})
	} else {
		it = g.QS.QuadIterator(dir, ref)
	}
	defer it.Close()
	for it.Next(g.Ctx) {
		q := g.QS.Quad(it.Result())
		if pred != nil && q.Predicate != pred {
			continue
		}
		if !fn(q) {
			break
		}
	}
	return it.Err()
}

// Except reads every quad of subj and passes over the skipped ones.
func (g *Generic) Except(subj quad.Value, skip []quad.Value, keep quad.Value, fn func(quad.Quad) bool) error {
	return g.Quads(quad.Subject, subj, nil, func(q quad.Quad) bool {
		if q.Object != keep && Has(skip, q.Predicate) {
			return true
		}
		return fn(q)
	})
}

// Has reports whether list holds v.
func Has(list []quad.Value, v quad.Value) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// Copies reads the quads of t's subject and predicate, and keeps those
// with t's object.
func (g *Generic) Copies(t quad.Quad, fn func(quad.Quad) bool) error {
	return g.Quads(quad.Subject, t.Subject, t.Predicate, func(q quad.Quad) bool {
		if q.Object != t.Object {
			return true
		}
		return fn(q)
	})
}

// Labelled reads every quad of pred and keeps those of label.
func (g *Generic) Labelled(pred, label quad.Value, fn func(quad.Quad) bool) error {
	pref := g.QS.ValueOf(pred)
	if pref == nil || (label != nil && g.QS.ValueOf(label) == nil) {
		return nil
	}
	it := g.QS.QuadIterator(quad.Predicate, pref)
	defer it.Close()
	for it.Next(g.Ctx) {
		if q := g.QS.Quad(it.Result()); (label == nil || q.Label == label) && q.Predicate == pred {
			if !fn(q) {
				break
			}
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return g.Ctx.Err()
}

// ScansPredicates reports true: Cayley's backends index the predicate
// (memory) or query by it (SQL).
func (g *Generic) ScansPredicates() bool { return true }

// Quad returns the quad r refers to.
func (g *Generic) Quad(r graph.Ref) quad.Quad { return g.QS.Quad(r) }

// Share does nothing: each read is its own.
func (g *Generic) Share() {}

// Release does nothing.
func (g *Generic) Release() error { return nil }
