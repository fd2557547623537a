package boltkv

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
)

// Index joins.
//
// A traversal step from a set of nodes, such as Out(name) after
// Out(actor), is a lookup of the quads whose subject is in the set and
// whose predicate is name. Cayley builds it as an intersection of two
// scans: every quad of each node in the set (an entity mentioned in ten
// thousand documents has ten thousand mentionedIn quads), and every quad
// with the predicate. Whichever drives, one side is read whole. An index
// join reads neither: for each node of the set it scans the index prefix
// (node, predicate), the quads wanted and no others.

// optimizeJoin turns quads filtered by one set of nodes and fixed values
// on other directions into an index join, when an index leads with
// exactly those directions.
func (qs *Store) optimizeJoin(q shape.Quads) (shape.Shape, bool) {
	if len(q) < 2 {
		return q, false
	}
	join := indexJoin{qs: qs, fixed: make(map[quad.Direction]uint64, len(q)-1), quads: q}
	dirs := make([]quad.Direction, 0, len(q))
	for _, f := range q {
		if hasDirection(dirs, f.Dir) || f.Dir == quad.Any {
			return q, false // two filters on one direction: Cayley's intersection
		}
		dirs = append(dirs, f.Dir)
		if v, ok := shape.One(f.Values); ok {
			id, ok := v.(kv.Int64Value)
			if !ok {
				return q, false
			}
			join.fixed[f.Dir] = uint64(id)
			continue
		}
		if join.from != nil {
			return q, false // two sets: Cayley's intersection
		}
		join.dir, join.from = f.Dir, f.Values
	}
	if join.from == nil {
		return q, false
	}
	ind, ok := qs.bestIndex(dirs)
	if !ok || !leadsWith(ind, dirs) {
		return q, false
	}
	join.index = ind
	return join, true
}

// leadsWith reports whether the first len(dirs) directions of ind are
// dirs, in any order.
func leadsWith(ind kv.QuadIndex, dirs []quad.Direction) bool {
	if len(ind.Dirs) < len(dirs) {
		return false
	}
	for _, d := range ind.Dirs[:len(dirs)] {
		if !hasDirection(dirs, d) {
			return false
		}
	}
	return true
}

// indexJoin is the shape of an index join: the quads whose direction dir
// is a node of from and whose other directions have the fixed ids, read
// from index one prefix per node.
type indexJoin struct {
	qs    *Store
	index kv.QuadIndex
	dir   quad.Direction
	from  shape.Shape
	fixed map[quad.Direction]uint64
	quads shape.Quads // the same quads as Cayley would read them
}

// joinSeekCost is the cost of starting an index join's scan of one node's
// prefix (a cursor seek), in the units of Cayley's iterator costs.
const joinSeekCost = 4

// BuildIterator builds the join, or Cayley's intersection when scanning
// the quads with the fixed values and checking each against the set costs
// less than a prefix scan per node of the set. A check can cost far more
// than a seek: checking a node against a traversal's result reads every
// quad naming the node.
func (s indexJoin) BuildIterator(qs graph.QuadStore) graph.Iterator {
	if qs != graph.QuadStore(s.qs) {
		return iterator.NewError(errors.New("graph: index join built on another quad store"))
	}
	ctx := context.Background()
	from := graph.AsShape(s.from.BuildIterator(qs))
	st, err := from.Stats(ctx)
	if err != nil {
		return iterator.NewError(err)
	}
	// Intersection when fixed*(1+ContainsCost) < bound: the quads with
	// the fixed values need only be counted up to the first number that
	// makes it false, however many there are.
	bound := st.Size.Size * (st.NextCost + joinSeekCost)
	if fixed, ok := s.fixedBelow(ctx, (bound+st.ContainsCost)/(1+st.ContainsCost)); ok && fixed*(1+st.ContainsCost) < bound {
		return s.quads.BuildIterator(qs)
	}
	return graph.NewLegacy(&joinIterator{qs: s.qs, index: s.index, dir: s.dir, fixed: s.fixed, from: from}, nil)
}

// fixedBelow returns the number of quads with the fixed values when an
// index leads with their directions and there are fewer than limit (at
// most prefixCountLimit) of them, counting no further.
func (s indexJoin) fixedBelow(ctx context.Context, limit int64) (int64, bool) {
	dirs := make([]quad.Direction, 0, len(s.fixed))
	for d := range s.fixed {
		dirs = append(dirs, d)
	}
	ind, ok := s.qs.bestIndex(dirs)
	if !ok || !leadsWith(ind, dirs) {
		return 0, false
	}
	vals := make([]uint64, len(dirs))
	for i, d := range ind.Dirs[:len(dirs)] {
		vals[i] = s.fixed[d]
	}
	n, exact, err := s.qs.countPrefix(ctx, ind, vals, min(limit, prefixCountLimit))
	return n, err == nil && exact
}

// Optimize optimizes the set the join starts from.
func (s indexJoin) Optimize(r shape.Optimizer) (shape.Shape, bool) {
	from, ok := s.from.Optimize(r)
	if from == nil {
		return nil, true
	}
	if ok {
		s.from = from
		quads := make(shape.Quads, len(s.quads))
		copy(quads, s.quads)
		for i := range quads {
			if quads[i].Dir == s.dir {
				quads[i].Values = from
			}
		}
		s.quads = quads
	}
	return s, ok
}

// joinIterator iterates an index join.
type joinIterator struct {
	qs    *Store
	index kv.QuadIndex
	dir   quad.Direction
	fixed map[quad.Direction]uint64
	from  graph.IteratorShape
}

// Iterate starts scanning: each node of the set, then its prefix.
func (it *joinIterator) Iterate() graph.Scanner {
	return &joinNext{joinIterator: it, from: it.from.Iterate(), reader: boltReader{db: it.qs.w.db}}
}

// Lookup checks a quad's fixed directions, then its node against the set.
func (it *joinIterator) Lookup() graph.Index {
	return &joinContains{joinIterator: it, from: it.from.Lookup()}
}

// Stats estimates a quad or two per node of the set; a lookup costs a
// quad read and a lookup in the set.
func (it *joinIterator) Stats(ctx context.Context) (graph.IteratorCosts, error) {
	st, err := it.from.Stats(ctx)
	return graph.IteratorCosts{
		NextCost:     st.NextCost + 2,
		ContainsCost: st.ContainsCost + 1,
		Size:         graph.Size{Size: 2 * st.Size.Size, Exact: false},
	}, err
}

// Optimize optimizes the set.
func (it *joinIterator) Optimize(ctx context.Context) (graph.IteratorShape, bool) {
	from, ok := it.from.Optimize(ctx)
	if !ok {
		return it, false
	}
	cp := *it
	cp.from = from
	return &cp, true
}

// SubIterators returns the set.
func (it *joinIterator) SubIterators() []graph.IteratorShape {
	return []graph.IteratorShape{it.from}
}

// String describes the join.
func (it *joinIterator) String() string {
	return fmt.Sprintf("IndexJoin(%v, %v)", it.index, it.dir)
}

// values returns the prefix of the index for node id.
func (it *joinIterator) values(id uint64) []uint64 {
	vals := make([]uint64, 0, 1+len(it.fixed))
	for _, d := range it.index.Dirs[:1+len(it.fixed)] {
		if d == it.dir {
			vals = append(vals, id)
		} else {
			vals = append(vals, it.fixed[d])
		}
	}
	return vals
}

// joinNext scans an index join.
//
// Known difference from Cayley's intersection: when the set yields one
// node several times from Next and also has further paths to it (an And
// whose other side reaches the node through several documents), the join
// gives the node's quads once per Next and per path, where Cayley gives
// them once per path; the values are the same, only the number of
// repeated rows of a query without Unique differs.
type joinNext struct {
	*joinIterator
	from   graph.Scanner
	reader boltReader  // one read transaction for the scans of all nodes
	quads  *prefixScan // the prefix of the current node
	result graph.Ref
	err    error
}

// Next returns the next quad of the current node's prefix, moving on to
// the next node of the set when it runs out.
func (it *joinNext) Next(ctx context.Context) bool {
	it.result = nil
	for {
		if it.quads != nil {
			if it.quads.Next(ctx) {
				it.result = it.quads.Result()
				return true
			}
			it.err = it.quads.Err()
			it.quads.Close()
			it.quads = nil
			if it.err != nil {
				return false
			}
		}
		if !it.from.Next(ctx) {
			it.err = it.from.Err()
			if err := it.reader.close(); it.err == nil {
				it.err = err
			}
			return false
		}
		id, ok := it.from.Result().(kv.Int64Value)
		if !ok {
			continue // not a stored node: no quads
		}
		it.quads = newPrefixScan(&it.reader, false, it.index, it.values(uint64(id)))
	}
}

// NextPath moves to the set's next path to the current node.
func (it *joinNext) NextPath(ctx context.Context) bool { return it.from.NextPath(ctx) }

// TagResults passes on the set's tags.
func (it *joinNext) TagResults(dst map[string]graph.Ref) { it.from.TagResults(dst) }

// Result returns the current quad.
func (it *joinNext) Result() graph.Ref { return it.result }

// Err returns the first error met.
func (it *joinNext) Err() error { return it.err }

// String describes the scan.
func (it *joinNext) String() string { return "IndexJoinNext" }

// Close closes the scans.
func (it *joinNext) Close() error {
	err := it.from.Close()
	if it.quads != nil {
		if e := it.quads.Close(); err == nil {
			err = e
		}
	}
	if e := it.reader.close(); err == nil {
		err = e
	}
	if it.err == nil {
		it.err = err
	}
	return err
}

// joinContains checks quads against an index join.
type joinContains struct {
	*joinIterator
	from   graph.Index
	result graph.Ref
}

// Contains reports whether quad q has the fixed values and a node of the
// set in the join's direction.
func (it *joinContains) Contains(ctx context.Context, q graph.Ref) bool {
	it.result = nil
	for d, id := range it.fixed {
		v, ok := it.qs.QuadDirection(q, d).(kv.Int64Value)
		if !ok || uint64(v) != id {
			return false
		}
	}
	if !it.from.Contains(ctx, it.qs.QuadDirection(q, it.dir)) {
		return false
	}
	it.result = q
	return true
}

// NextPath moves to the set's next path to the node.
func (it *joinContains) NextPath(ctx context.Context) bool { return it.from.NextPath(ctx) }

// TagResults passes on the set's tags.
func (it *joinContains) TagResults(dst map[string]graph.Ref) { it.from.TagResults(dst) }

// Result returns the quad last found.
func (it *joinContains) Result() graph.Ref { return it.result }

// Err returns the set's error.
func (it *joinContains) Err() error { return it.from.Err() }

// String describes the lookup.
func (it *joinContains) String() string { return "IndexJoinContains" }

// Close closes the set.
func (it *joinContains) Close() error { return it.from.Close() }

// Node lookups.
//
// Has(type, Attack) after a traversal checks, for each node reached,
// whether the quad (node, type, Attack) exists; Save(name, "name") on a set
// checks whether each node has a name quad, and tags its object. Cayley
// checks both by reading every quad of the node (an entity mentioned in
// thousands of documents has thousands) and testing each. With an index
// that leads with the fixed directions and the node's, the check reads
// only the quads wanted: one key for Has, the node's names for Save.

// optimizeNodes turns the nodes in direction qa.Result of the quads with
// fixed values (tagging some of their directions) into a node scan, when
// one index leads with the fixed directions (to list the nodes) and one
// with the fixed directions and the result's (to check a node).
func (qs *Store) optimizeNodes(qa shape.QuadsAction) (shape.Shape, bool) {
	if len(qa.Filter) == 0 || qa.Result == quad.Any || qa.Result == quad.Label {
		return nil, false
	}
	if _, ok := qa.Filter[qa.Result]; ok {
		return nil, false
	}
	if _, ok := qa.Save[quad.Label]; ok {
		return nil, false // a quad without a label has no node to tag
	}
	scan := nodeScan{qs: qs, result: qa.Result, fixed: make(map[quad.Direction]uint64, len(qa.Filter)), save: qa.Save}
	dirs := make([]quad.Direction, 0, len(qa.Filter)+1)
	for d, v := range qa.Filter {
		id, ok := v.(kv.Int64Value)
		if !ok {
			return nil, false
		}
		scan.fixed[d] = uint64(id)
		dirs = append(dirs, d)
	}
	var ok bool
	if scan.index, ok = qs.bestIndex(dirs); !ok || !leadsWith(scan.index, dirs) {
		return nil, false
	}
	for _, d := range scan.index.Dirs[:len(dirs)] {
		scan.values = append(scan.values, scan.fixed[d])
	}
	dirs = append(dirs, qa.Result)
	if scan.lookup, ok = qs.bestIndex(dirs); !ok || !leadsWith(scan.lookup, dirs) {
		return nil, false
	}
	return scan, true
}

// nodeScan is the shape of the nodes in direction result of the quads with
// the fixed node ids, listed from index (whose prefix is values) and
// checked through lookup; save names the directions to tag.
type nodeScan struct {
	qs     *Store
	index  kv.QuadIndex
	values []uint64
	result quad.Direction
	fixed  map[quad.Direction]uint64
	save   map[quad.Direction][]string
	lookup kv.QuadIndex
}

// BuildIterator builds the scan.
func (s nodeScan) BuildIterator(qs graph.QuadStore) graph.Iterator {
	if qs != graph.QuadStore(s.qs) {
		return iterator.NewError(errors.New("graph: node scan built on another quad store"))
	}
	return graph.NewLegacy(&nodeIterator{nodeScan: s, quads: graph.AsShape(s.qs.scan(s.index, s.values))}, nil)
}

// Optimize leaves the scan as it is.
func (s nodeScan) Optimize(shape.Optimizer) (shape.Shape, bool) { return s, false }

// tag adds the tags of quad p to dst.
func (s nodeScan) tag(p graph.Ref, dst map[string]graph.Ref) {
	for d, tags := range s.save {
		v := s.qs.QuadDirection(p, d)
		for _, t := range tags {
			dst[t] = v
		}
	}
}

// nodeIterator iterates a node scan.
type nodeIterator struct {
	nodeScan
	quads graph.IteratorShape
}

// Iterate lists the nodes of the quads under the prefix.
func (it *nodeIterator) Iterate() graph.Scanner {
	return &nodeNext{it: it, quads: it.quads.Iterate()}
}

// Lookup checks nodes by scanning the lookup index's prefix for each.
func (it *nodeIterator) Lookup() graph.Index { return &nodeContains{it: it} }

// Stats gives the prefix's size; a check is a key lookup, or a short scan
// when it tags.
func (it *nodeIterator) Stats(ctx context.Context) (graph.IteratorCosts, error) {
	st, err := it.quads.Stats(ctx)
	check := int64(2)
	if len(it.save) != 0 {
		check = 3
	}
	return graph.IteratorCosts{NextCost: st.NextCost + 1, ContainsCost: check, Size: st.Size}, err
}

// Optimize leaves the iterator as it is.
func (it *nodeIterator) Optimize(context.Context) (graph.IteratorShape, bool) { return it, false }

// SubIterators returns nothing: the scan is a leaf.
func (it *nodeIterator) SubIterators() []graph.IteratorShape { return nil }

// String describes the scan.
func (it *nodeIterator) String() string {
	return fmt.Sprintf("IndexNodes(%v, %v)", it.index, it.result)
}

// nodeNext lists the nodes of a node scan, one per quad.
type nodeNext struct {
	it     *nodeIterator
	quads  graph.Scanner
	quad   graph.Ref
	result graph.Ref
}

// Next moves to the node of the next quad.
func (n *nodeNext) Next(ctx context.Context) bool {
	n.result, n.quad = nil, nil
	if !n.quads.Next(ctx) {
		return false
	}
	n.quad = n.quads.Result()
	n.result = n.it.qs.QuadDirection(n.quad, n.it.result)
	return true
}

// NextPath reports no other path: each quad is a result of its own.
func (n *nodeNext) NextPath(context.Context) bool { return false }

// TagResults adds the current quad's tagged directions.
func (n *nodeNext) TagResults(dst map[string]graph.Ref) {
	if n.quad != nil {
		n.it.tag(n.quad, dst)
	}
}

// Result returns the current node.
func (n *nodeNext) Result() graph.Ref { return n.result }

// Err returns the scan's error.
func (n *nodeNext) Err() error { return n.quads.Err() }

// String describes the scan.
func (n *nodeNext) String() string { return "IndexNodesNext" }

// Close closes the scan.
func (n *nodeNext) Close() error { return n.quads.Close() }

// nodeContains checks nodes against a node scan.
type nodeContains struct {
	it     *nodeIterator
	reader boltReader  // one read transaction for all the checks, until Close
	quads  *prefixScan // the checked node's quads, while more may be tagged
	result graph.Ref
	err    error
}

// Contains reports whether a live quad with the fixed ids has node v in
// the result's direction. When the scan tags, the quads of v stay open
// for NextPath.
func (c *nodeContains) Contains(ctx context.Context, v graph.Ref) bool {
	c.result = nil
	c.closeQuads()
	id, ok := v.(kv.Int64Value)
	if !ok {
		return false
	}
	vals := make([]uint64, 0, len(c.it.fixed)+1)
	for _, d := range c.it.lookup.Dirs[:len(c.it.fixed)+1] {
		if d == c.it.result {
			vals = append(vals, uint64(id))
		} else {
			vals = append(vals, c.it.fixed[d])
		}
	}
	c.reader.db = c.it.qs.w.db
	quads := newPrefixScan(&c.reader, false, c.it.lookup, vals)
	if !quads.Next(ctx) {
		if err := quads.Close(); err != nil && c.err == nil {
			c.err = err
		}
		return false
	}
	if len(c.it.save) == 0 {
		if err := quads.Close(); err != nil && c.err == nil {
			c.err = err
		}
	} else {
		c.quads = quads
	}
	c.result = v
	return true
}

// NextPath moves to the checked node's next quad, for its tags.
func (c *nodeContains) NextPath(ctx context.Context) bool {
	if c.quads == nil {
		return false
	}
	if c.quads.Next(ctx) {
		return true
	}
	c.closeQuads()
	return false
}

// TagResults adds the tagged directions of the checked node's current
// quad.
func (c *nodeContains) TagResults(dst map[string]graph.Ref) {
	if c.quads != nil && c.quads.result != nil {
		c.it.tag(c.quads.result, dst)
	}
}

// closeQuads ends the scan of the checked node's quads.
func (c *nodeContains) closeQuads() {
	if c.quads == nil {
		return
	}
	if err := c.quads.Close(); err != nil && c.err == nil {
		c.err = err
	}
	c.quads = nil
}

// Result returns the node last found.
func (c *nodeContains) Result() graph.Ref { return c.result }

// Err returns the first error met.
func (c *nodeContains) Err() error { return c.err }

// String describes the lookup.
func (c *nodeContains) String() string { return "IndexNodesContains" }

// Close ends the scan of the checked node's quads and the read
// transaction.
func (c *nodeContains) Close() error {
	c.closeQuads()
	if err := c.reader.close(); err != nil && c.err == nil {
		c.err = err
	}
	return c.err
}
