package boltkv

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// Query planning.
//
// Cayley's query planner orders the parts of an intersection by their
// estimated sizes. Its kv backend knows the size of an index lookup only
// when every direction of the index is fixed; for a prefix scan (the quads
// of node N with predicate P, in the index object–predicate–subject) it
// guesses half the store. Every step of a traversal is such a scan, so the
// planner cannot tell a node's three "target" links from the store's
// hundred thousand "actor" links, and a query such as
//
//	g.V(group).In(target).Has(type, Attack).Out(actor)
//
// ends up scanning every actor link and checking each against the rest.
// Store wraps the kv quad store for queries and gives the planner
// real sizes: it counts the entries of a prefix scan (up to
// prefixCountLimit) the first time the planner asks. Where the planner
// only compares a prefix with a bound (an index join against an
// intersection, planner_join.go), it counts up to the bound: a page's
// traversal from a hundred nodes reads a few hundred entries to be
// planned, not every link of its predicate in the store.

// prefixCountLimit bounds the entries counted for one size estimate;
// beyond it the kv store's own guess is used.
const prefixCountLimit = 1 << 17

// Store is Cayley's kv quad store with exact sizes for index prefix
// scans, index joins and node lookups for its query planner, writes
// through kvWriter, and the reads and figures of storage.Store.
// Everything else is the kv store's own.
type Store struct {
	*kv.QuadStore
	db      hkv.KV
	indexes []kv.QuadIndex
	cache   *refCache // node ids and values, shared with the writer and the reads
	w       *kvWriter
	noSync  bool         // Options.Scratch: the file's commits are not synced
	counted atomic.Int64 // index entries read to size prefixes (countPrefix), for tests
}

// ValueOf returns the node id of v, or nil if the store holds no such
// node. It resolves v through newsgraph's writer, whose cache of ids is
// exact, rather than through the kv store's own cache of recent IRIs,
// which does not see the writer's changes.
func (qs *Store) ValueOf(v quad.Value) graph.Ref {
	if id := qs.w.id(v); id != 0 {
		return kv.Int64Value(id)
	}
	return nil
}

// RefsOf returns the node ids of values (0 where the store holds none),
// as the kv store's RefsOf does.
func (qs *Store) RefsOf(ctx context.Context, vals []quad.Value) ([]graph.Ref, error) {
	out := make([]graph.Ref, len(vals))
	for i, v := range vals {
		out[i] = kv.Int64Value(qs.w.id(v))
	}
	return out, nil
}

// ApplyDeltas writes deltas through newsgraph's writer (Cayley's layout),
// so that writers of Cayley's API (the HTTP write endpoints) and Put
// share one view of the node ids.
func (qs *Store) ApplyDeltas(deltas []graph.Delta, opts graph.IgnoreOpts) error {
	return qs.w.apply(deltas, opts)
}

// NameOf returns the value of a node, from the cache when it can: node
// ids are never reused, so a cached value stays right.
func (qs *Store) NameOf(r graph.Ref) quad.Value {
	id, ok := r.(kv.Int64Value)
	if !ok || id == 0 {
		return qs.QuadStore.NameOf(r)
	}
	if v, ok := qs.cache.value(id); ok {
		return v
	}
	v := qs.QuadStore.NameOf(r)
	if v != nil {
		qs.cache.setValue(id, v)
	}
	return v
}

// ValuesOf returns the values of nodes, from the cache when it can.
func (qs *Store) ValuesOf(ctx context.Context, refs []graph.Ref) ([]quad.Value, error) {
	out := make([]quad.Value, len(refs))
	var missing []graph.Ref
	var at []int
	for i, r := range refs {
		if id, ok := r.(kv.Int64Value); ok {
			if v, ok := qs.cache.value(id); ok {
				out[i] = v
				continue
			}
		}
		missing = append(missing, r)
		at = append(at, i)
	}
	if len(missing) == 0 {
		return out, nil
	}
	vals, err := qs.QuadStore.ValuesOf(ctx, missing)
	if err != nil {
		return nil, err
	}
	for j, v := range vals {
		out[at[j]] = v
		if id, ok := missing[j].(kv.Int64Value); ok && v != nil {
			qs.cache.setValue(id, v)
		}
	}
	return out, nil
}

// Quad returns the quad a quad reference stands for, its values from the
// cache when it can.
func (qs *Store) Quad(r graph.Ref) quad.Quad {
	var q quad.Quad
	for _, d := range quad.Directions {
		if ref := qs.QuadDirection(r, d); ref != nil {
			q.Set(d, qs.NameOf(ref))
		}
	}
	return q
}

// bestIndex returns the index whose leading directions are exactly dirs
// (in any order), else the one that leads with most of them, as Cayley's
// kv backend chooses.
func (qs *Store) bestIndex(dirs []quad.Direction) (kv.QuadIndex, bool) {
	var best kv.QuadIndex
	most := 0
	for _, ind := range qs.indexes {
		if len(ind.Dirs) < len(dirs) {
			continue
		}
		match := 0
		for i, d := range ind.Dirs {
			if i >= len(dirs) || !hasDirection(dirs, d) {
				break
			}
			match++
		}
		if match == len(dirs) {
			return ind, true
		}
		if match > most {
			best, most = ind, match
		}
	}
	return best, most > 0
}

func hasDirection(dirs []quad.Direction, d quad.Direction) bool {
	for _, x := range dirs {
		if x == d {
			return true
		}
	}
	return false
}

// QuadIterator returns the quads with v in direction d, as the kv store
// does, sized exactly.
func (qs *Store) QuadIterator(d quad.Direction, v graph.Ref) graph.Iterator {
	id, ok := v.(kv.Int64Value)
	if !ok || v == nil {
		return qs.QuadStore.QuadIterator(d, v)
	}
	ind, ok := qs.bestIndex([]quad.Direction{d})
	if !ok || ind.Dirs[0] != d {
		return qs.QuadStore.QuadIterator(d, v)
	}
	return qs.scan(ind, []uint64{uint64(id)})
}

// QuadIteratorSize returns the number of quads with v in direction d.
func (qs *Store) QuadIteratorSize(ctx context.Context, d quad.Direction, v graph.Ref) (graph.Size, error) {
	it := qs.QuadIterator(d, v)
	defer it.Close()
	st, err := graph.AsShape(it).Stats(ctx)
	return st.Size, err
}

// OptimizeShape turns a lookup of quads with fixed directions into a scan
// of the best index, as the kv store does, sized exactly.
func (qs *Store) OptimizeShape(s shape.Shape) (shape.Shape, bool) {
	if q, ok := s.(shape.Quads); ok {
		return qs.optimizeJoin(q)
	}
	qa, ok := s.(shape.QuadsAction)
	if !ok || len(qa.Filter) == 0 {
		return qs.QuadStore.OptimizeShape(s)
	}
	if nodes, ok := qs.optimizeNodes(qa); ok {
		return nodes, true
	}
	dirs := make([]quad.Direction, 0, len(qa.Filter))
	for d := range qa.Filter {
		dirs = append(dirs, d)
	}
	ind, ok := qs.bestIndex(dirs)
	if !ok {
		return s, false
	}
	scan := indexScan{qs: qs, index: ind}
	for _, d := range ind.Dirs {
		v, ok := qa.Filter[d].(kv.Int64Value)
		if !ok {
			break
		}
		scan.values = append(scan.values, uint64(v))
	}
	if len(scan.values) != len(dirs) {
		return s, false
	}
	return qa.SimplifyFrom(scan), true
}

// scan returns an iterator over the quads of index ind whose leading
// directions have the ids vals.
func (qs *Store) scan(ind kv.QuadIndex, vals []uint64) graph.Iterator {
	inner := kv.NewQuadIterator(qs.QuadStore, ind, vals).AsShape()
	return graph.NewLegacy(&sizedScan{IteratorShape: inner, qs: qs, index: ind, values: vals}, nil)
}

// indexScan is the shape of an index scan on a Store.
type indexScan struct {
	qs     *Store
	index  kv.QuadIndex
	values []uint64
}

// BuildIterator builds the scan.
func (s indexScan) BuildIterator(qs graph.QuadStore) graph.Iterator {
	if qs != graph.QuadStore(s.qs) {
		return iterator.NewError(errors.New("graph: index scan built on another quad store"))
	}
	return s.qs.scan(s.index, s.values)
}

// Optimize leaves the scan as it is.
func (s indexScan) Optimize(shape.Optimizer) (shape.Shape, bool) { return s, false }

// sizedScan is the kv store's index scan with its size counted.
type sizedScan struct {
	graph.IteratorShape
	qs     *Store
	index  kv.QuadIndex
	values []uint64

	once sync.Once
	size graph.Size
	err  error
}

// Stats returns the scan's costs, with its size counted on first use.
func (it *sizedScan) Stats(ctx context.Context) (graph.IteratorCosts, error) {
	if len(it.values) == len(it.index.Dirs) {
		// The kv store knows the size of a full key exactly, and
		// reports a missing key, an empty scan, as an error.
		st, err := it.IteratorShape.Stats(ctx)
		if errors.Is(err, hkv.ErrNotFound) {
			return graph.IteratorCosts{ContainsCost: 1, NextCost: 2, Size: graph.Size{Size: 0, Exact: true}}, nil
		}
		return st, err
	}
	it.once.Do(func() {
		n, exact, err := it.qs.countPrefix(ctx, it.index, it.values, prefixCountLimit)
		if err != nil || exact {
			it.size, it.err = graph.Size{Size: n, Exact: true}, err
			return
		}
		// Too many to count: the kv store's own guess (half the store) is
		// the safer one, keeping a scan this large from being chosen to
		// drive an intersection.
		guess, err := it.IteratorShape.Stats(ctx)
		it.size, it.err = graph.Size{Size: max(n, guess.Size.Size)}, err
	})
	return graph.IteratorCosts{ContainsCost: 1, NextCost: 2, Size: it.size}, it.err
}

// countPrefix counts the entries of index ind under the prefix of the ids
// vals, reading no more than limit of them (each entry holds the quads of
// one full key, nearly always one): n and true when there are n < limit,
// limit and false when there are at least limit. The counts are cached
// until the next write, the lower bounds too: a planner that only needs
// to know whether a prefix is larger than a bound reads no further than
// the bound, whatever the size of the store.
func (qs *Store) countPrefix(ctx context.Context, ind kv.QuadIndex, vals []uint64, limit int64) (int64, bool, error) {
	if limit <= 0 {
		return 0, false, nil
	}
	k := ind.Key(vals)
	key := string(k[0]) + "\x00" + string(k[1])
	if sz, ok := qs.cache.count(key); ok {
		if sz.Size < limit {
			return sz.Size, true, nil
		}
		return limit, false, nil
	}
	if sz, ok := qs.cache.count(atLeastKey + key); ok && sz.Size >= limit {
		return limit, false, nil
	}
	n := int64(0)
	err := hkv.View(qs.db, func(tx hkv.Tx) error {
		sc := tx.Scan(k)
		defer sc.Close()
		for n < limit && sc.Next(ctx) {
			n++
		}
		return sc.Err()
	})
	qs.counted.Add(n)
	switch {
	case err != nil:
		return n, false, err
	case n < limit:
		qs.cache.setCount(key, graph.Size{Size: n, Exact: true})
		return n, true, nil
	}
	qs.cache.setCount(atLeastKey+key, graph.Size{Size: n})
	return n, false, nil
}

// atLeastKey marks the cached lower bounds of prefix sizes (countPrefix).
const atLeastKey = "\x01"

// Iterate scans the prefix with bolt's own API (scan.go) rather than
// through the kv layer.
func (it *sizedScan) Iterate() graph.Scanner {
	return newPrefixScan(&boltReader{db: it.qs.w.db}, true, it.index, it.values)
}

// AsLegacy returns the scan as a legacy iterator (the kv store's own
// would drop the size).
func (it *sizedScan) AsLegacy() graph.Iterator { return graph.NewLegacy(it, nil) }

// Optimize leaves the scan as it is (the kv store's would drop the size).
func (it *sizedScan) Optimize(context.Context) (graph.IteratorShape, bool) { return it, false }
