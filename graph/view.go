package graph

import (
	"context"
	"errors"
	"sync"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
)

// Reads during a write.
//
// PutBatch writes several documents in one transaction, so each document
// of a batch must be built and fused against the store as the earlier
// documents of the batch leave it, before anything is written. A view
// reads the store through the pending changes of the batch: every read of
// Put (a node's quads, the subjects linked to a node by some predicates)
// goes through it. The reads are index lookups: quads by subject (the kv
// index that leads with subject and predicate), and by object and
// predicate (the one that leads with object, predicate and subject), so
// that their cost depends on the node, not on the size of the store.

// pending holds the net changes of a batch not yet written: the last
// action on each quad (add or delete), with the added quads listed by
// subject, by subject and predicate, by object and predicate, and by
// triple, as positions in one list (few allocations, little for the
// garbage collector to scan).
type pending struct {
	at     map[quad.Quad]int32 // position in quads
	quads  []pendingQuad       // in the order of their first change
	bySubj map[quad.Value][]int32
	bySP   map[[2]quad.Value][]int32 // subject, predicate
	byOP   map[[2]quad.Value][]int32 // object, predicate
	byTrip map[quad.Quad][]int32     // triple (label nil)
}

// pendingQuad is the net change of one quad.
type pendingQuad struct {
	q      quad.Quad
	action graph.Procedure // the last change
	stored bool            // the store holds it (first changed by a deletion)
	listed bool            // in the lists by subject…
}

func newPending() *pending {
	return &pending{at: map[quad.Quad]int32{}, bySubj: map[quad.Value][]int32{},
		bySP: map[[2]quad.Value][]int32{}, byOP: map[[2]quad.Value][]int32{}, byTrip: map[quad.Quad][]int32{}}
}

// merge adds the deltas of one document to the batch. Put deletes only
// quads it read, and adds only quads it did not, so the first change of a
// quad in the batch tells whether the store holds it: a deletion means it
// does, an addition that it does not. The net change is exact: the
// backends count node references on it (Cayley's SQL backend gets them
// wrong on ignored duplicates or missing quads).
func (p *pending) merge(deltas []graph.Delta) {
	for _, d := range deltas {
		q := d.Quad
		i, ok := p.at[q]
		if !ok {
			i = int32(len(p.quads))
			p.at[q] = i
			p.quads = append(p.quads, pendingQuad{q: q, stored: d.Action == graph.Delete})
		}
		e := &p.quads[i]
		e.action = d.Action
		if d.Action == graph.Add && !e.listed {
			e.listed = true
			p.bySubj[q.Subject] = append(p.bySubj[q.Subject], i)
			sp, op := [2]quad.Value{q.Subject, q.Predicate}, [2]quad.Value{q.Object, q.Predicate}
			p.bySP[sp] = append(p.bySP[sp], i)
			p.byOP[op] = append(p.byOP[op], i)
			t := quad.Quad{Subject: q.Subject, Predicate: q.Predicate, Object: q.Object}
			p.byTrip[t] = append(p.byTrip[t], i)
		}
	}
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

// view reads the store as the pending changes p (nil: none) leave it.
type view struct {
	ctx   context.Context
	qs    graph.QuadStore
	kv    *kv.QuadStore // the kv backend (bolt), whose quads' node ids are read directly
	p     *pending
	cache *refCache
	w     *kvWriter // kv: resolves node ids; its file's index prefixes are scanned directly
	// shared, when set, is one read transaction for all the view's reads
	// (see share); otherwise each read has its own.
	shared *boltReader
}

func (s *Store) view(ctx context.Context, p *pending) *view {
	v := &view{ctx: ctx, qs: s.qs, p: p, cache: &s.refs, w: s.kvw}
	v.kv, _ = s.qs.(*kv.QuadStore)
	return v
}

// share makes the view's reads of a bolt store share one read
// transaction, opened on the first read, until release: a batch reads
// the store thousands of times before it writes, and a transaction and
// cursor per read cost more than most of the reads. The caller must
// release the view before it writes: bolt cannot grow its file while a
// read transaction is open.
func (v *view) share() {
	if v.w != nil && v.shared == nil {
		v.shared = &boltReader{db: v.w.db}
	}
}

// release ends the shared read transaction, if one is open; the next
// read opens another.
func (v *view) release() error {
	if v.shared == nil {
		return nil
	}
	return v.shared.close()
}

// reader returns the reader for one read of a bolt store and whether the
// read owns it (closes it when done).
func (v *view) reader() (*boltReader, bool) {
	if v.shared != nil {
		return v.shared, false
	}
	return &boltReader{db: v.w.db}, true
}

// refCache keeps, for the kv backend, the values of node ids (which never
// change: ids are not reused) and the ids of values (kept exact by
// kvWriter, through which every write goes: it publishes the ids each
// write makes and removes). Both are bounded: a full map is emptied.
type refCache struct {
	mu     sync.Mutex
	values map[kv.Int64Value]quad.Value
	ids    map[quad.Value]kv.Int64Value // 0: not stored
	counts map[string]graph.Size        // index prefix sizes, for the query planner
	gen    uint64                       // writes that published ids
}

const refCacheSize = 1 << 18

// value returns the cached value of node id.
func (c *refCache) value(id kv.Int64Value) (quad.Value, bool) {
	c.mu.Lock()
	v, ok := c.values[id]
	c.mu.Unlock()
	return v, ok
}

// setValue caches the value of node id.
func (c *refCache) setValue(id kv.Int64Value, v quad.Value) {
	c.mu.Lock()
	if c.values == nil || len(c.values) >= refCacheSize {
		c.values = map[kv.Int64Value]quad.Value{}
	}
	c.values[id] = v
	c.mu.Unlock()
}

// cachedID returns the cached id of value v (0: not stored).
func (c *refCache) cachedID(v quad.Value) (uint64, bool) {
	c.mu.Lock()
	id, ok := c.ids[v]
	c.mu.Unlock()
	return uint64(id), ok
}

// generation counts the writes that published ids; a reader that looked
// an id up while one was published must not cache what it read.
func (c *refCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// setIDAt caches the id of v read when the cache was at generation gen,
// unless a write has published ids since.
func (c *refCache) setIDAt(v quad.Value, id uint64, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen == gen {
		c.setIDLocked(v, id)
	}
}

// publish caches the ids a committed write made, found or removed, and
// forgets the index prefix sizes it may have changed.
func (c *refCache) publish(vals []quad.Value, ids []uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.counts = nil
	for i, v := range vals {
		c.setIDLocked(v, ids[i])
	}
}

func (c *refCache) setIDLocked(v quad.Value, id uint64) {
	if c.ids == nil || len(c.ids) >= refCacheSize {
		c.ids = make(map[quad.Value]kv.Int64Value, 1024)
	}
	c.ids[v] = kv.Int64Value(id)
}

// count returns the cached size of an index prefix.
func (c *refCache) count(key string) (graph.Size, bool) {
	c.mu.Lock()
	sz, ok := c.counts[key]
	c.mu.Unlock()
	return sz, ok
}

// setCount caches the size of an index prefix (until the next write).
func (c *refCache) setCount(key string, sz graph.Size) {
	c.mu.Lock()
	if c.counts == nil || len(c.counts) >= refCacheSize {
		c.counts = map[string]graph.Size{}
	}
	c.counts[key] = sz
	c.mu.Unlock()
}

// ref returns the store's reference to val, or nil if it holds no such
// node.
func (v *view) ref(val quad.Value) graph.Ref {
	if v.w == nil {
		return v.qs.ValueOf(val)
	}
	var id uint64
	if v.shared != nil {
		id = v.w.idIn(v.shared, val)
	} else {
		id = v.w.id(val)
	}
	if id != 0 {
		return kv.Int64Value(id)
	}
	return nil
}

// quad returns the quad a quad iterator's result refers to.
func (v *view) quad(r graph.Ref) quad.Quad {
	if v.kv == nil {
		return v.qs.Quad(r)
	}
	var q quad.Quad
	c := v.cache
	for _, d := range quad.Directions {
		id, ok := v.kv.QuadDirection(r, d).(kv.Int64Value)
		if !ok || id == 0 {
			continue
		}
		val, ok := c.value(id)
		if !ok {
			if v.shared != nil {
				val = v.shared.value(uint64(id))
			} else {
				val = v.kv.NameOf(id)
			}
			c.setValue(id, val)
		}
		q.Set(d, val)
	}
	return q
}

// stored calls fn for each stored quad with value val in direction dir
// (subject or object) and, if pred is not nil, predicate pred, until fn
// returns false.
func (v *view) stored(dir quad.Direction, val quad.Value, pred quad.Value, fn func(quad.Quad) bool) error {
	ref := v.ref(val)
	if ref == nil {
		return nil
	}
	var pref graph.Ref
	if pred != nil {
		if pref = v.ref(pred); pref == nil {
			return nil
		}
	}
	var it graph.Scanner
	if v.w != nil && (pred != nil || dir == quad.Subject) {
		// bolt: the index prefix, read with bolt's own API (boltscan.go)
		dirs, vals := []quad.Direction{dir}, []uint64{uint64(ref.(kv.Int64Value))}
		if pred != nil {
			dirs, vals = append(dirs, quad.Predicate), append(vals, uint64(pref.(kv.Int64Value)))
		}
		if ind, ok := v.w.leading(dirs...); ok {
			r, own := v.reader()
			it = newPrefixScan(r, own, ind, vals)
		}
	}
	switch {
	case it != nil:
	case pred != nil:
		it = shape.BuildIterator(v.qs, shape.Quads{
			{Dir: dir, Values: shape.Fixed{ref}},
			{Dir: quad.Predicate, Values: shape.Fixed{pref}},
		})
	default:
		it = v.qs.QuadIterator(dir, ref)
	}
	defer it.Close()
	for it.Next(v.ctx) {
		q := v.quad(it.Result())
		if pred != nil && q.Predicate != pred {
			continue
		}
		if !fn(q) {
			break
		}
	}
	return it.Err()
}

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
	if v.p == nil || len(v.p.quads) == 0 {
		return v.stored(dir, val, pred, fn)
	}
	stopped := false
	err := v.stored(dir, val, pred, func(q quad.Quad) bool {
		if !v.p.changed(q) {
			stopped = !fn(q) // changed quads: deleted, or listed below
		}
		return !stopped
	})
	if err != nil || stopped {
		return err
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
	v.p.added(list, fn)
	return nil
}

// subjectExcept calls fn for every quad whose subject is subj and whose
// predicate is none of skip, as the pending changes leave a bolt store
// (only bolt: v.w must be set). The quads with a skipped predicate are not
// read at all (an entity named in thousands of documents has thousands of
// mentionedIn quads).
func (v *view) subjectExcept(subj quad.Value, skip []quad.IRI, fn func(quad.Quad)) error {
	skipped := func(q quad.Quad) bool {
		for _, p := range skip {
			if q.Predicate == p {
				return true
			}
		}
		return false
	}
	ind, ok := v.w.leading(quad.Subject, quad.Predicate)
	if !ok {
		return v.subject(subj, func(q quad.Quad) {
			if !skipped(q) {
				fn(q)
			}
		})
	}
	if ref := v.ref(subj); ref != nil {
		var ids []uint64
		for _, p := range skip {
			if r := v.ref(p); r != nil {
				ids = append(ids, uint64(r.(kv.Int64Value)))
			}
		}
		r, own := v.reader()
		it := newPrefixScan(r, own, ind, []uint64{uint64(ref.(kv.Int64Value))})
		it.skip = ids
		for it.Next(v.ctx) {
			q := v.quad(it.Result())
			if skipped(q) || (v.p != nil && v.p.changed(q)) {
				continue // changed quads: deleted, or listed below
			}
			fn(q)
		}
		err := it.Close()
		if err == nil {
			err = it.Err()
		}
		if err != nil {
			return err
		}
	}
	if v.p != nil {
		v.p.added(v.p.bySubj[subj], func(q quad.Quad) bool {
			if !skipped(q) {
				fn(q)
			}
			return true
		})
	}
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
	add := func(q quad.Quad) {
		if q.Subject == t.Subject && q.Predicate == t.Predicate && q.Object == t.Object {
			out = append(out, q)
		}
	}
	var ind kv.QuadIndex
	ok := false
	if v.w != nil {
		ind, ok = v.w.leading(quad.Object, quad.Predicate, quad.Subject)
	}
	if !ok {
		return out, v.each(quad.Subject, t.Subject, t.Predicate, add)
	}
	// The kv index object–predicate–subject(–label) holds exactly the
	// copies.
	s, p, o := v.ref(t.Subject), v.ref(t.Predicate), v.ref(t.Object)
	if s != nil && p != nil && o != nil {
		vals := []uint64{uint64(o.(kv.Int64Value)), uint64(p.(kv.Int64Value)), uint64(s.(kv.Int64Value))}
		r, own := v.reader()
		it := newPrefixScan(r, own, ind, vals)
		for it.Next(v.ctx) {
			q := v.quad(it.Result())
			if v.p == nil {
				add(q)
			} else if !v.p.changed(q) {
				add(q)
			}
		}
		err := it.Close()
		if err == nil {
			err = it.Err()
		}
		if err != nil {
			return nil, err
		}
	}
	if v.p != nil {
		v.p.added(v.p.byTrip[quad.Quad{Subject: t.Subject, Predicate: t.Predicate, Object: t.Object}], func(q quad.Quad) bool {
			add(q)
			return true
		})
	}
	return out, nil
}

// has tells whether the quad subj–pred–obj is present under any label.
func (v *view) has(subj quad.Value, pred quad.IRI, obj quad.Value) (bool, error) {
	copies, err := v.copies(quad.Quad{Subject: subj, Predicate: pred, Object: obj})
	return len(copies) > 0, err
}

// scansPredicates tells whether the store can list the quads of one
// predicate from an index: bolt with an index led by the predicate (the
// whole-quad posl), or another backend (memory, SQL), whose own iterator
// does.
func (v *view) scansPredicates() bool {
	if v.w == nil {
		return true
	}
	_, ok := v.w.leading(quad.Predicate)
	return ok
}

// labelled calls fn for every stored quad with predicate pred and label
// label (any label when nil). On bolt, a quad of another label is passed
// over from its key, without reading its values.
func (v *view) labelled(pred, label quad.Value, fn func(quad.Quad)) error {
	pref := v.ref(pred)
	var lref graph.Ref
	if label != nil {
		lref = v.ref(label)
	}
	if pref == nil || (label != nil && lref == nil) {
		return nil
	}
	var it graph.Scanner
	if v.w != nil {
		if ind, ok := v.w.leading(quad.Predicate); ok {
			r, own := v.reader()
			it = newPrefixScan(r, own, ind, []uint64{uint64(pref.(kv.Int64Value))})
		}
	}
	if it == nil {
		it = v.qs.QuadIterator(quad.Predicate, pref)
	}
	defer it.Close()
	for it.Next(v.ctx) {
		res := it.Result()
		if lref != nil && v.kv != nil && v.kv.QuadDirection(res, quad.Label) != lref {
			continue
		}
		if q := v.quad(res); (label == nil || q.Label == label) && q.Predicate == pred {
			fn(q)
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return v.ctx.Err()
}
