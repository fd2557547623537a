package storage

import (
	"context"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
)

// Filter keeps the quads a listing wants of those its index gives: the
// quads with the values set (nil: any), none with a predicate of Skip
// unless its object is Keep, and, where Only is set, only those with a
// predicate of Only.
type Filter struct {
	Subject, Predicate, Object, Label quad.Value
	Skip                              []quad.Value
	Keep                              quad.Value
	Only                              []quad.Value
}

// Wants reports whether the filter keeps q.
func (f *Filter) Wants(q quad.Quad) bool {
	switch {
	case f.Subject != nil && q.Subject != f.Subject,
		f.Predicate != nil && q.Predicate != f.Predicate,
		f.Object != nil && q.Object != f.Object,
		f.Label != nil && q.Label != f.Label:
		return false
	case len(f.Skip) != 0 && (f.Keep == nil || q.Object != f.Keep):
		for _, p := range f.Skip {
			if q.Predicate == p {
				return false
			}
		}
	}
	return f.Only == nil || oneOf(q.Predicate, f.Only)
}

func oneOf(v quad.Value, list []quad.Value) bool {
	for _, x := range list {
		if v == x {
			return true
		}
	}
	return false
}

// Generic is a Reader of any quad store through Cayley's API: node
// lookups, quad iterators and their intersections. Like every Reader, it
// is not safe for concurrent use.
type Generic struct {
	QS  graph.QuadStore
	Ctx context.Context
	// free holds closed listings, for the next ones (a write makes
	// thousands).
	free []*iter
}

// iter lists the quads of a Cayley iterator that a filter keeps.
type iter struct {
	g    *Generic
	it   graph.Iterator // nil: nothing to list
	keep Filter
	q    quad.Quad
	// ctxErr makes the listing's end report the context's error.
	ctxErr bool
}

func (i *iter) Next() bool {
	if i.it == nil {
		return false
	}
	for i.it.Next(i.g.Ctx) {
		if q := i.g.QS.Quad(i.it.Result()); i.keep.Wants(q) {
			i.q = q
			return true
		}
	}
	return false
}

func (i *iter) Quad() quad.Quad { return i.q }

// Close ends the listing; the iterator is reused by a later one.
func (i *iter) Close() error {
	var err error
	if i.it != nil {
		err = i.it.Err()
		i.it.Close()
	}
	if err == nil && i.ctxErr {
		err = i.g.Ctx.Err()
	}
	g := i.g
	*i = iter{}
	g.free = append(g.free, i)
	return err
}

// list returns a listing of it (nil: nothing) with filter keep.
func (g *Generic) list(it graph.Iterator, keep Filter) *iter {
	var i *iter
	if n := len(g.free); n > 0 {
		i, g.free = g.free[n-1], g.free[:n-1]
	} else {
		i = new(iter)
	}
	*i = iter{g: g, it: it, keep: keep}
	return i
}

// Quads lists the quads with val in direction dir and, if pred is not
// nil, predicate pred: the node's quads, or their intersection with the
// predicate's.
func (g *Generic) Quads(dir quad.Direction, val, pred quad.Value) Iterator {
	return g.quads(dir, val, pred, Filter{Predicate: pred})
}

func (g *Generic) quads(dir quad.Direction, val, pred quad.Value, keep Filter) Iterator {
	out := g.list(nil, keep)
	ref := g.QS.ValueOf(val)
	if ref == nil {
		return out
	}
	if pred != nil {
		pref := g.QS.ValueOf(pred)
		if pref == nil {
			return out
		}
		out.it = shape.BuildIterator(g.QS, shape.Quads{
			{Dir: dir, Values: shape.Fixed{ref}},
			{Dir: quad.Predicate, Values: shape.Fixed{pref}},
		})
	} else {
		out.it = g.QS.QuadIterator(dir, ref)
	}
	return out
}

// Except reads every quad of subj and passes over the skipped ones.
func (g *Generic) Except(subj quad.Value, skip []quad.Value, keep quad.Value) Iterator {
	return g.quads(quad.Subject, subj, nil, Filter{Skip: skip, Keep: keep})
}

// Only lists the quads with subject subj whose predicate is one of
// preds, from every quad of the subject.
func (g *Generic) Only(subj quad.Value, preds []quad.Value) Iterator {
	return g.quads(quad.Subject, subj, nil, Filter{Only: preds})
}

// Copies reads the quads of t's subject and predicate, and keeps those
// with t's object.
func (g *Generic) Copies(t quad.Quad) Iterator {
	return g.quads(quad.Subject, t.Subject, t.Predicate, Filter{Predicate: t.Predicate, Object: t.Object})
}

// Labelled reads every quad of pred and keeps those of label.
func (g *Generic) Labelled(pred, label quad.Value) Iterator {
	out := g.list(nil, Filter{Predicate: pred, Label: label})
	out.ctxErr = true
	pref := g.QS.ValueOf(pred)
	if pref == nil || (label != nil && g.QS.ValueOf(label) == nil) {
		return out
	}
	out.it = g.QS.QuadIterator(quad.Predicate, pref)
	return out
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
