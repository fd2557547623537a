package graph

import (
	"context"
	"errors"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph/internal/storage"
)

// Reads during a write.
//
// PutBatch writes several documents in one transaction, so each document
// of a batch must be built and fused against the store as the earlier
// documents of the batch leave it, before anything is written. A view
// reads the store through the pending changes of the batch: every read of
// Put (a node's quads, the subjects linked to a node by some predicates)
// goes through it. The reads are the backend's (storage.Reader): index
// lookups by subject, by object and predicate, and by predicate, so that
// their cost depends on the node, not on the size of the store.

// pending holds the net changes of a batch not yet written: the last
// action on each quad (add or delete), with the added quads listed by
// subject, by subject and predicate (a triple's copies are read from its
// subject and predicate's list) and by object and predicate, as positions
// in one list (few allocations, little for the garbage collector to scan).
type pending struct {
	at     map[quad.Quad]int32 // position in quads
	quads  []pendingQuad       // in the order of their first change
	bySubj map[quad.Value][]int32
	bySP   map[[2]quad.Value][]int32 // subject, predicate
	byOP   map[[2]quad.Value][]int32 // object, predicate
	gen    uint64                    // merges that changed something
	// subjects are the subjects of the changed quads: a listing of
	// another subject's quads needs no look at the changes.
	subjects map[quad.Value]bool
	// keys, when not nil, is the store's set of the fusion keys it may
	// hold: the keys the batch adds join it.
	keys keySet
}

// pendingQuad is the net change of one quad.
type pendingQuad struct {
	q      quad.Quad
	action graph.Procedure // the last change
	stored bool            // the store holds it (first changed by a deletion)
	listed bool            // in the lists by subject…
}

func newPending() *pending { return sizedPending(pendingSizes{}) }

// pendingSizes are the sizes of a pending's lists and maps: a batch's
// pending changes are made at the sizes of the last batch's, so that its
// maps do not grow step by step, each step hashing every key again.
type pendingSizes struct{ quads, subjects, sp, op int }

// maxPendingRoom bounds the room made in advance for a write's pending
// changes: a write after a very large one need not take its memory.
const maxPendingRoom = 1 << 16

// capped returns sz with each size at most max.
func (sz pendingSizes) capped(max int) pendingSizes {
	return pendingSizes{quads: min(sz.quads, max), subjects: min(sz.subjects, max), sp: min(sz.sp, max), op: min(sz.op, max)}
}

// sizedPending returns empty pending changes with room for sz.
func sizedPending(sz pendingSizes) *pending {
	return &pending{at: make(map[quad.Quad]int32, sz.quads), quads: make([]pendingQuad, 0, sz.quads),
		bySubj: make(map[quad.Value][]int32, sz.subjects), subjects: make(map[quad.Value]bool, sz.subjects),
		bySP: make(map[[2]quad.Value][]int32, sz.sp), byOP: make(map[[2]quad.Value][]int32, sz.op)}
}

// sizes returns the sizes of p's lists and maps.
func (p *pending) sizes() pendingSizes {
	return pendingSizes{quads: len(p.quads), subjects: len(p.subjects), sp: len(p.bySP), op: len(p.byOP)}
}

// merge adds the deltas of one document to the batch. Put deletes only
// quads it read, and adds only quads it did not, so the first change of a
// quad in the batch tells whether the store holds it: a deletion means it
// does, an addition that it does not. The net change is exact: the
// backends count node references on it (Cayley's SQL backend gets them
// wrong on ignored duplicates or missing quads).
func (p *pending) merge(deltas []graph.Delta) {
	if len(deltas) > 0 {
		p.gen++ // what the view shows changes: its kept listings go
	}
	for _, d := range deltas {
		q := d.Quad
		i, ok := p.at[q]
		if !ok {
			i = int32(len(p.quads))
			p.at[q] = i
			p.quads = append(p.quads, pendingQuad{q: q, stored: d.Action == graph.Delete})
			p.subjects[q.Subject] = true
		}
		e := &p.quads[i]
		e.action = d.Action
		if d.Action == graph.Add && p.keys != nil {
			p.keys.note(q)
		}
		if d.Action == graph.Add && !e.listed {
			e.listed = true
			p.bySubj[q.Subject] = append(p.bySubj[q.Subject], i)
			sp, op := [2]quad.Value{q.Subject, q.Predicate}, [2]quad.Value{q.Object, q.Predicate}
			p.bySP[sp] = append(p.bySP[sp], i)
			p.byOP[op] = append(p.byOP[op], i)
		}
	}
}

// touches tells whether the batch changes some quad of subject s.
func (p *pending) touches(s quad.Value) bool {
	return len(p.quads) > 0 && p.subjects[s]
}

// changed tells whether the batch changes quad q.
func (p *pending) changed(q quad.Quad) bool {
	_, ok := p.at[q]
	return ok
}

// added calls fn for each quad listed at positions list that the batch
// adds, until fn returns false.
func (p *pending) added(list []int32, fn func(quad.Quad) bool) {
	for _, i := range list {
		if e := &p.quads[i]; e.action == graph.Add && !fn(e.q) {
			return
		}
	}
}

// deltas returns the net changes: deletions of stored quads first, then
// additions of new ones.
func (p *pending) deltas() []graph.Delta {
	out := make([]graph.Delta, 0, len(p.quads))
	for _, want := range []graph.Procedure{graph.Delete, graph.Add} {
		for _, e := range p.quads {
			if e.action == want && e.stored == (want == graph.Delete) {
				out = append(out, graph.Delta{Quad: e.q, Action: want})
			}
		}
	}
	return out
}

// view reads the store as the pending changes p (nil: none) leave it:
// the stored quads through the store's storage.Reader, then the pending
// ones.
type view struct {
	ctx context.Context
	r   storage.Reader
	p   *pending
	// pre, for a reader's view of a store that reads in batches, holds
	// the quads read ahead (prefetch.go); the view's reads by subject or
	// object go through it.
	pre *prefetched
	// reads keeps the listings read since the pending changes last
	// changed (memo.go).
	reads *readMemo
}

func (s *Store) view(ctx context.Context, p *pending) *view {
	return &view{ctx: ctx, r: s.st.Reader(ctx), p: p}
}

// share makes the view's reads share one read transaction, where the
// backend has them, until release: a batch reads the store thousands of
// times before it writes. The caller must release the view before it
// writes.
func (v *view) share() { v.r.Share() }

// release ends the shared read transaction, if one is open; the next
// read opens another.
func (v *view) release() error { return v.r.Release() }

// quad returns the quad a quad iterator's result refers to.
func (v *view) quad(r graph.Ref) quad.Quad { return v.r.Quad(r) }

// each calls fn for every quad with value val in direction dir (subject or
// object) and, if pred is not nil, predicate pred, as the pending changes
// leave the store.
func (v *view) each(dir quad.Direction, val quad.Value, pred quad.Value, fn func(quad.Quad)) error {
	return v.until(dir, val, pred, func(q quad.Quad) bool { fn(q); return true })
}

// until is each, stopping as soon as fn returns false.
func (v *view) until(dir quad.Direction, val quad.Value, pred quad.Value, fn func(quad.Quad) bool) error {
	if dir == quad.Object && pred == nil {
		// Put's reads by object always name a predicate; the pending
		// changes are not listed by object alone.
		return errors.New("graph: view: quads by object need a predicate")
	}
	if v.pre != nil && v.p == nil {
		qs, err := v.pre.lookup(dir, val, pred)
		for _, q := range qs {
			if !fn(q) {
				break
			}
		}
		return err
	}
	m := v.memo()
	key := readKey{dir: dir, val: val, pred: pred}
	if qs, ok := m.listing(key); ok {
		for _, q := range qs {
			if !fn(q) {
				break
			}
		}
		return nil
	}
	rec := m.record()
	stopped, err := v.read(dir, val, pred, &rec, fn)
	switch {
	case err == nil && !stopped:
		m.keep(key, &rec)
	case stopped:
		m.drop(&rec)
	}
	return err
}

// read is until from the store and the pending changes, each quad passed
// to rec as well as to fn; stopped tells that fn stopped it.
func (v *view) read(dir quad.Direction, val quad.Value, pred quad.Value, rec *recorder, fn func(quad.Quad) bool) (stopped bool, err error) {
	pending := v.p != nil && len(v.p.quads) > 0
	if pending && dir == quad.Subject {
		pending = v.p.touches(val)
	}
	it := v.r.Quads(dir, val, pred)
	for !stopped && it.Next() {
		if q := it.Quad(); !pending || !v.p.changed(q) {
			rec.add(q)
			stopped = !fn(q) // changed quads: deleted, or listed below
		}
	}
	if err := it.Close(); err != nil || stopped || !pending {
		return stopped, err
	}
	var list []int32
	switch {
	case dir == quad.Object:
		list = v.p.byOP[[2]quad.Value{val, pred}]
	case pred != nil:
		list = v.p.bySP[[2]quad.Value{val, pred}]
	default:
		list = v.p.bySubj[val]
	}
	v.p.added(list, func(q quad.Quad) bool {
		rec.add(q)
		stopped = !fn(q)
		return !stopped
	})
	return stopped, nil
}

// except calls fn for every quad whose subject is subj, except those
// whose predicate is one of skip and whose object is not keep, as the
// pending changes leave the store. A backend with a predicate index does
// not read the passed-over quads at all (an entity named in thousands of
// documents has thousands of mentionedIn quads).
func (v *view) except(subj quad.Value, skip []quad.Value, keep quad.Value, fn func(quad.Quad)) error {
	return v.ofSubject(v.r.Except(subj, skip, keep), subj, storage.Filter{Skip: skip, Keep: keep}, fn)
}

// only calls fn for every quad whose subject is subj and whose predicate
// is one of preds, as the pending changes leave the store: from what was
// read ahead where the view reads ahead (one predicate after another);
// otherwise a backend with a subject–predicate index reads nothing of
// the other predicates.
func (v *view) only(subj quad.Value, preds []quad.Value, fn func(quad.Quad)) error {
	if v.pre != nil && v.p == nil {
		for _, p := range preds {
			if err := v.each(quad.Subject, subj, p, fn); err != nil {
				return err
			}
		}
		return nil
	}
	return v.ofSubject(v.r.Only(subj, preds), subj, storage.Filter{Only: preds}, fn)
}

// ofSubject calls fn for every quad of it, a listing of subj's stored
// quads that wants selects, then for those the pending changes add.
func (v *view) ofSubject(it storage.Iterator, subj quad.Value, wants storage.Filter, fn func(quad.Quad)) error {
	for it.Next() {
		if q := it.Quad(); v.p == nil || !v.p.changed(q) {
			fn(q) // changed quads: deleted, or listed below
		}
	}
	if err := it.Close(); err != nil || v.p == nil {
		return err
	}
	v.p.added(v.p.bySubj[subj], func(q quad.Quad) bool {
		if wants.Wants(q) {
			fn(q)
		}
		return true
	})
	return nil
}

// subject calls fn for every quad whose subject is subj.
func (v *view) subject(subj quad.Value, fn func(quad.Quad)) error {
	return v.each(quad.Subject, subj, nil, fn)
}

// out returns the objects of subj's quads with one of preds, without
// repeats.
func (v *view) out(subj quad.Value, preds ...quad.IRI) ([]quad.Value, error) {
	return v.linked(quad.Subject, subj, preds)
}

// in returns the subjects of the quads with object obj and one of preds,
// without repeats.
func (v *view) in(obj quad.Value, preds ...quad.IRI) ([]quad.Value, error) {
	return v.linked(quad.Object, obj, preds)
}

func (v *view) linked(dir quad.Direction, val quad.Value, preds []quad.IRI) ([]quad.Value, error) {
	var out []quad.Value
	seen := map[quad.Value]bool{}
	other := quad.Object
	if dir == quad.Object {
		other = quad.Subject
	}
	for _, p := range preds {
		err := v.each(dir, val, p, func(q quad.Quad) {
			if o := q.Get(other); !seen[o] {
				seen[o] = true
				out = append(out, o)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// copies returns the quads that state triple t (its label ignored), under
// any label.
func (v *view) copies(t quad.Quad) ([]quad.Quad, error) {
	var out []quad.Quad
	if v.pre != nil && v.p == nil {
		err := v.until(quad.Subject, t.Subject, t.Predicate, func(q quad.Quad) bool {
			if q.Object == t.Object {
				out = append(out, q)
			}
			return true
		})
		return out, err
	}
	m := v.memo()
	t = quad.Quad{Subject: t.Subject, Predicate: t.Predicate, Object: t.Object}
	if qs, ok := m.copiesOf(t); ok {
		return qs, nil // callers only read it
	}
	pending := v.p != nil && v.p.touches(t.Subject)
	it := v.r.Copies(t)
	for it.Next() {
		if q := it.Quad(); !pending || !v.p.changed(q) {
			out = append(out, q) // changed quads: deleted, or listed below
		}
	}
	if err := it.Close(); err != nil {
		return nil, err
	}
	if pending {
		v.p.added(v.p.bySP[[2]quad.Value{t.Subject, t.Predicate}], func(q quad.Quad) bool {
			if q.Object == t.Object {
				out = append(out, q)
			}
			return true
		})
	}
	m.keepCopies(t, out)
	return out, nil
}

// lookingUp tells the view's reader, if it names the locks of its reads
// (keyReader), that fusion lists the events of fusion key key to keep
// those with one of seeds in role.
func (v *view) lookingUp(key quad.Value, role string, seeds []quad.IRI) {
	if kr, ok := v.r.(keyReader); ok {
		kr.lookingUp(key, role, seeds)
	}
}

// has tells whether the quad subj–pred–obj is present under any label.
func (v *view) has(subj quad.Value, pred quad.IRI, obj quad.Value) (bool, error) {
	copies, err := v.copies(quad.Quad{Subject: subj, Predicate: pred, Object: obj})
	return len(copies) > 0, err
}

// scansPredicates tells whether the store lists the quads of one
// predicate from an index (labelled then reads no other quads).
func (v *view) scansPredicates() bool { return v.r.ScansPredicates() }

// labelled calls fn for every stored quad with predicate pred and label
// label (any label when nil).
func (v *view) labelled(pred, label quad.Value, fn func(quad.Quad)) error {
	it := v.r.Labelled(pred, label)
	for it.Next() {
		fn(it.Quad())
	}
	return it.Close()
}

// newPending returns empty pending changes for a write of s: at the sizes
// of the last write's, and noting the fusion keys it adds in s's set.
func (s *Store) newPending() *pending {
	var sz pendingSizes
	if last := s.lastSizes.Load(); last != nil {
		sz = last.capped(maxPendingRoom)
	}
	p := sizedPending(sz)
	p.keys = s.fusionKeys
	return p
}

// keepSizes keeps the sizes of a write's pending changes p for the next
// write's.
func (s *Store) keepSizes(p *pending) {
	sz := p.sizes()
	s.lastSizes.Store(&sz)
}
