package graph

import "github.com/cayleygraph/quad"

// Reads asked again.
//
// Between two changes of a write's pending changes (a document's own
// facts, its fused events, its rows: pending.merge), the view shows one
// state of the store, and the put asks the same listings many times: a
// fact's support entries and its entity's fact-set literals once for each
// label of each fact, an event's reports once for each of its facts, a
// document's supports literal once for each fact it may list. A write's
// view therefore keeps every listing it has read to its end (by until,
// or copies) until the pending changes change, and answers the same
// listing again from memory, in the same order. A listing its caller
// stopped early is not kept (it may be long, and the rest was not read).

// readKey names one listing of until: the quads with val in direction
// dir and predicate pred (nil: any).
type readKey struct {
	dir       quad.Direction
	val, pred quad.Value
}

// memoSpan is where a kept listing lies in readMemo.quads.
type memoSpan struct{ from, to int32 }

// readMemo holds the listings a write's view read since the pending
// changes last changed (generation gen of them).
type readMemo struct {
	gen    uint64
	lists  map[readKey]memoSpan
	copies map[quad.Quad]memoSpan // by triple (label nil)
	quads  []quad.Quad            // the listings' quads, one after another
}

// memo returns the view's kept listings, emptied if the pending changes
// changed since they were read; nil for a view without pending changes
// (a reader's, whose store may change under it).
func (v *view) memo() *readMemo {
	if v.p == nil {
		return nil
	}
	m := v.reads
	if m == nil {
		m = &readMemo{gen: v.p.gen, lists: map[readKey]memoSpan{}, copies: map[quad.Quad]memoSpan{}}
		v.reads = m
	}
	if m.gen != v.p.gen {
		clear(m.lists)
		clear(m.copies)
		clear(m.quads) // drop the values for the collector
		m.quads, m.gen = m.quads[:0], v.p.gen
	}
	return m
}

// kept returns a kept listing's quads (a slice that appends copy; nil
// for an empty listing, as a read returns it).
func (m *readMemo) kept(s memoSpan) []quad.Quad {
	if s.from == s.to {
		return nil
	}
	return m.quads[s.from:s.to:s.to]
}

// listing returns the kept listing of key, if there is one.
func (m *readMemo) listing(key readKey) ([]quad.Quad, bool) {
	if m == nil {
		return nil, false
	}
	return keptIn(m, m.lists, key)
}

// keptIn returns the quads kept under k in spans, if there are.
func keptIn[K comparable](m *readMemo, spans map[K]memoSpan, k K) ([]quad.Quad, bool) {
	s, ok := spans[k]
	if !ok {
		return nil, false
	}
	return m.kept(s), true
}

// keep keeps the listing of key that rec recorded, if it lies whole.
func (m *readMemo) keep(key readKey, rec *recorder) {
	if s, ok := rec.done(); ok {
		m.lists[key] = s
	}
}

// drop forgets what rec recorded of a listing its caller stopped, if
// nothing was recorded after it.
func (m *readMemo) drop(rec *recorder) {
	if _, ok := rec.done(); ok {
		m.quads = m.quads[:rec.from]
	}
}

// copiesOf returns the kept copies of triple t, if they are kept.
func (m *readMemo) copiesOf(t quad.Quad) ([]quad.Quad, bool) {
	if m == nil {
		return nil, false
	}
	return keptIn(m, m.copies, t)
}

// keepCopies keeps the copies of triple t.
func (m *readMemo) keepCopies(t quad.Quad, qs []quad.Quad) {
	if m == nil {
		return
	}
	from := len(m.quads)
	m.quads = append(m.quads, qs...)
	m.copies[t] = memoSpan{int32(from), int32(len(m.quads))}
}

// recorder appends the quads of one listing to the memo as they are
// read. A nested read (by the caller's function) that appends a listing
// of its own meanwhile breaks the run: the listing is then not kept.
type recorder struct {
	m         *readMemo
	from, end int
}

// record starts the record of a listing (none with a nil memo).
func (m *readMemo) record() recorder {
	if m == nil {
		return recorder{end: -1}
	}
	n := len(m.quads)
	return recorder{m: m, from: n, end: n}
}

// add appends q, unless the run is broken.
func (r *recorder) add(q quad.Quad) {
	if r.end < 0 {
		return
	}
	if len(r.m.quads) != r.end {
		r.end = -1
		return
	}
	r.m.quads = append(r.m.quads, q)
	r.end++
}

// done ends the record of a listing read to its end: where it lies, and
// whether it lies whole in one run.
func (r *recorder) done() (memoSpan, bool) {
	if r.end < 0 || len(r.m.quads) != r.end {
		return memoSpan{}, false
	}
	return memoSpan{int32(r.from), int32(r.end)}, true
}
