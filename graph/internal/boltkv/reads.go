package boltkv

import (
	"context"
	"slices"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph/internal/storage"
)

// Reads during a write.
//
// A write reads the store thousands of times before it writes (a node's
// quads, the subjects linked to a node by some predicates), each an index
// prefix: quads by subject (the index that leads with subject and
// predicate), by object and predicate (object–predicate–subject), by
// predicate (predicate–object–subject), so that its cost depends on the
// node, not on the size of the store. reader reads them with bolt's own
// API (scan.go), sharing one read transaction between Share and Release,
// and falls back to Cayley's API where the file lacks the index.

// reader is the storage.Reader of a Store.
type reader struct {
	s   *Store
	ctx context.Context
	gen storage.Generic // through Cayley's API, where no index serves
	// shared, when set, is one read transaction for all the reads
	// (see Share); otherwise each read has its own.
	shared *boltReader
	free   []*iter // closed listings, for the next ones
}

// Reader returns a reader of the stored quads.
func (s *Store) Reader(ctx context.Context) storage.Reader {
	return &reader{s: s, ctx: ctx, gen: storage.Generic{QS: s, Ctx: ctx}}
}

// Share makes the reads share one read transaction, opened on the first
// read, until Release: a transaction and cursor per read cost more than
// most of the reads. The caller must release the reader before it
// writes: bolt cannot grow its file while a read transaction is open.
func (r *reader) Share() {
	if r.shared == nil {
		r.shared = &boltReader{db: r.s.w.db}
	}
}

// Release ends the shared read transaction, if one is open; the next
// read opens another.
func (r *reader) Release() error {
	if r.shared == nil {
		return nil
	}
	return r.shared.close()
}

// LogReads returns the log entries the shared reads have read (for
// tests: the reads of a write must not grow with the store).
func (r *reader) LogReads() int {
	if r.shared == nil {
		return 0
	}
	return r.shared.reads
}

// bolt returns the bolt reader for one read and whether the read owns it
// (closes it when done).
func (r *reader) bolt() (*boltReader, bool) {
	if r.shared != nil {
		return r.shared, false
	}
	return &boltReader{db: r.s.w.db}, true
}

// id returns the node id of val, 0 if the store holds no such node.
func (r *reader) id(val quad.Value) uint64 {
	if r.shared != nil {
		return r.s.w.idIn(r.shared, val)
	}
	return r.s.w.id(val)
}

// Quad returns the quad a quad reference stands for, its values from the
// cache when it can (see quadOf).
func (r *reader) Quad(ref graph.Ref) quad.Quad {
	p, ok := ref.(*proto.Primitive)
	if !ok {
		return quad.Quad{}
	}
	return r.quadOf(p)
}

// quadOf returns the quad of the stored primitive p, its values from the
// cache when it can, all four looked up at once. An IRI read from the
// file is cached both ways: a listing that reads an event's IRI from the
// calendar looks the event's quads up by it next.
func (r *reader) quadOf(p *proto.Primitive) quad.Quad {
	ids := [4]kv.Int64Value{kv.Int64Value(p.Subject), kv.Int64Value(p.Predicate), kv.Int64Value(p.Object), kv.Int64Value(p.Label)}
	var vals [4]quad.Value
	c := r.s.cache
	if c.values4(&ids, &vals) {
		for j, id := range ids {
			if id != 0 && vals[j] == nil {
				vals[j] = r.read(id)
			}
		}
	}
	return quad.Quad{Subject: vals[0], Predicate: vals[1], Object: vals[2], Label: vals[3]}
}

// read reads the value of node id from the store and caches it.
func (r *reader) read(id kv.Int64Value) quad.Value {
	c := r.s.cache
	var val quad.Value
	if r.shared != nil {
		// the node is live where its quad is: its id is that of its
		// value too, unless a write published ids meanwhile (IRIs only:
		// literals are not looked up by value)
		gen := c.generation()
		val = r.shared.value(uint64(id))
		if iri, ok := val.(quad.IRI); ok {
			c.setIDAt(iri, uint64(id), gen)
		}
	} else {
		val = r.s.QuadStore.NameOf(id)
	}
	c.setValue(id, val)
	return val
}

// scan is one index prefix a listing reads: the prefix vals of index
// ind, passing over the entries whose next direction is one of skip.
type scan struct {
	ind   kv.QuadIndex
	vals  prefix
	skip  []uint64
	only  []uint64 // ascending; nil: every id
	keep  storage.Filter
	label uint64 // when not 0, quads of another label are passed over from their keys
}

// prefix is up to three node ids, the leading directions of an index.
type prefix struct {
	ids [3]uint64
	n   int
}

func prefixOf(ids ...uint64) prefix {
	var p prefix
	p.n = copy(p.ids[:], ids)
	return p
}

// iter lists the quads of its scans, one after the other, that their
// filters keep.
type iter struct {
	r      *reader
	scans  []scan
	buf    [3]scan // where scans are kept (a listing has one, Except one per skipped predicate more)
	cur    *prefixScan
	keep   *storage.Filter
	label  uint64
	q      quad.Quad
	ctxErr bool // the listing's end reports the context's error
	err    error
}

// list returns a listing of scans.
func (r *reader) list(scans ...scan) *iter {
	var i *iter
	if n := len(r.free); n > 0 {
		i, r.free = r.free[n-1], r.free[:n-1]
	} else {
		i = new(iter)
	}
	*i = iter{r: r}
	i.scans = append(i.buf[:0], scans...)
	return i
}

func (i *iter) Next() bool {
	for i.err == nil {
		if i.cur == nil {
			if len(i.scans) == 0 {
				return false
			}
			sc := &i.scans[0]
			i.scans = i.scans[1:]
			b, own := i.r.bolt()
			i.cur = newPrefixScan(b, own, sc.ind, sc.vals.ids[:sc.vals.n])
			i.cur.skip, i.cur.only = sc.skip, sc.only
			i.cur.reuse = true // each quad is made before the next is read
			i.keep, i.label = &sc.keep, sc.label
		}
		for i.cur.Next(i.r.ctx) {
			p := i.cur.result
			if i.label != 0 && p.Label != i.label {
				continue
			}
			if q := i.r.quadOf(p); i.keep.Wants(q) {
				i.q = q
				return true
			}
		}
		i.endScan()
	}
	return false
}

// endScan closes the current scan, keeping its error.
func (i *iter) endScan() {
	err := i.cur.Close()
	if err == nil {
		err = i.cur.Err()
	}
	if i.err == nil {
		i.err = err
	}
	i.cur = nil
}

func (i *iter) Quad() quad.Quad { return i.q }

// Close ends the listing; the iterator is reused by a later one.
func (i *iter) Close() error {
	if i.cur != nil {
		i.endScan()
	}
	err, r := i.err, i.r
	if err == nil && i.ctxErr {
		err = r.ctx.Err()
	}
	*i = iter{}
	r.free = append(r.free, i)
	return err
}

// Quads lists the quads with val in direction dir (and predicate pred)
// from the index that leads with them.
func (r *reader) Quads(dir quad.Direction, val, pred quad.Value) storage.Iterator {
	if pred == nil && dir != quad.Subject {
		return r.gen.Quads(dir, val, pred)
	}
	dirs := []quad.Direction{dir}
	if pred != nil {
		dirs = append(dirs, quad.Predicate)
	}
	ind, ok := r.s.w.leading(dirs...)
	if !ok {
		return r.gen.Quads(dir, val, pred)
	}
	// The predicate first: its id is nearly always cached, and a
	// predicate the store does not hold (the links of stores written
	// before) spares the lookup of val.
	var p uint64
	if pred != nil {
		if p = r.id(pred); p == 0 {
			return r.list()
		}
	}
	id := r.id(val)
	if id == 0 {
		return r.list()
	}
	vals := prefixOf(id)
	if pred != nil {
		vals = prefixOf(id, p)
	}
	return r.list(scan{ind: ind, vals: vals, keep: storage.Filter{Predicate: pred}})
}

// Except scans the subject's prefix of the subject–predicate index,
// seeking past the skipped predicates, then the copies of subj–p–keep
// for each skipped predicate p.
func (r *reader) Except(subj quad.Value, skip []quad.Value, keep quad.Value) storage.Iterator {
	ind, ok := r.s.w.leading(quad.Subject, quad.Predicate)
	if !ok {
		return r.gen.Except(subj, skip, keep)
	}
	id := r.id(subj)
	if id == 0 {
		return r.list()
	}
	var ids []uint64
	for _, p := range skip {
		if x := r.id(p); x != 0 {
			ids = append(ids, x)
		}
	}
	scans := []scan{{ind: ind, vals: prefixOf(id), skip: ids, keep: storage.Filter{Skip: skip}}}
	if keep == nil {
		return r.list(scans...)
	}
	ops, ok := r.s.w.leading(quad.Object, quad.Predicate, quad.Subject)
	if !ok {
		// No copies to read from an index: the skipped predicates'
		// quads are read and filtered.
		scans[0].skip, scans[0].keep.Keep = nil, keep
		return r.list(scans...)
	}
	k := r.id(keep)
	if k == 0 {
		return r.list(scans...) // keep is stored nowhere: no copies
	}
	for _, p := range skip {
		if x := r.id(p); x != 0 {
			scans = append(scans, scan{ind: ops, vals: prefixOf(k, x, id),
				keep: storage.Filter{Subject: subj, Predicate: p, Object: keep}})
		}
	}
	return r.list(scans...)
}

// Only scans the subject's prefix of the subject–predicate index,
// seeking from one of the predicates to the next: the quads of other
// predicates are passed over from their keys.
func (r *reader) Only(subj quad.Value, preds []quad.Value) storage.Iterator {
	ind, ok := r.s.w.leading(quad.Subject, quad.Predicate)
	if !ok {
		return r.gen.Only(subj, preds)
	}
	id := r.id(subj)
	if id == 0 {
		return r.list()
	}
	ids := make([]uint64, 0, len(preds))
	for _, p := range preds {
		if x := r.id(p); x != 0 {
			ids = append(ids, x)
		}
	}
	if len(ids) == 0 {
		return r.list()
	}
	slices.Sort(ids)
	return r.list(scan{ind: ind, vals: prefixOf(id), only: ids, keep: storage.Filter{Only: preds}})
}

// Copies reads the prefix object–predicate–subject of the index that
// leads with them, which holds exactly the copies.
func (r *reader) Copies(t quad.Quad) storage.Iterator {
	ind, ok := r.s.w.leading(quad.Object, quad.Predicate, quad.Subject)
	if !ok {
		return r.gen.Copies(t)
	}
	// The predicate first, as in Quads; each lookup only if the one
	// before found a node.
	p := r.id(t.Predicate)
	if p == 0 {
		return r.list()
	}
	o := r.id(t.Object)
	if o == 0 {
		return r.list()
	}
	s := r.id(t.Subject)
	if s == 0 {
		return r.list()
	}
	return r.list(scan{ind: ind, vals: prefixOf(o, p, s),
		keep: storage.Filter{Subject: t.Subject, Predicate: t.Predicate, Object: t.Object}})
}

// ScansPredicates reports whether an index leads with the predicate (the
// whole-quad predicate–object–subject–label).
func (r *reader) ScansPredicates() bool {
	_, ok := r.s.w.leading(quad.Predicate)
	return ok
}

// Labelled reads the predicate's prefix of the index that leads with it;
// a quad of another label is passed over from its key, without reading
// its values.
func (r *reader) Labelled(pred, label quad.Value) storage.Iterator {
	ind, ok := r.s.w.leading(quad.Predicate)
	if !ok {
		return r.gen.Labelled(pred, label)
	}
	p := r.id(pred)
	var l uint64
	if label != nil {
		l = r.id(label)
	}
	var out *iter
	if p == 0 || (label != nil && l == 0) {
		out = r.list()
	} else {
		out = r.list(scan{ind: ind, vals: prefixOf(p), keep: storage.Filter{Predicate: pred, Label: label}, label: l})
	}
	out.ctxErr = true
	return out
}
