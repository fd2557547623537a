package boltkv

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync/atomic"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// Writing a bolt store.
//
// A bolt store is laid out as Cayley's kv quad store (v0.7.7) lays it out,
// so that Cayley reads it unchanged:
//
//	meta               version, indexes (JSON), size (quads), horizon (last id): little-endian int64s
//	log                id (8 bytes, big-endian) → proto.Primitive: a node (its value) or a quad (its node ids)
//	                   (without the Timestamp Cayley's writer sets and no reader reads: 10 of a log
//	                   entry's 60 bytes)
//	v<h0><h1>          sha1 of a value → its node id (uvarint); h0, h1 are the hash's first bytes
//	n<h0><h1>          sha1 of a value → the number of quad directions that name it (uvarint)
//	<dirs> e.g. "spol" node ids of the index's directions (8 bytes each) → quad ids (uvarints, ascending)
//
// Nodes and quads take their ids from one sequence (the horizon). A node
// whose reference count falls to zero is removed (its log entry and both
// hash entries); a deleted quad stays in the log, marked Deleted, as
// Cayley leaves it, but kvWriter also takes its id out of the index lists
// (Cayley's writer leaves it there, and its readers skip it by reading
// the log).
//
// Live indexes. The stores Open makes index all four directions of a
// quad (store.go: quadIndexes), so that an index key is a whole quad, and their meta
// bucket holds keyLive: the horizon and size after the last write, which
// kvWriter updates at each of its writes. While they match the store's,
// no other writer (Cayley's own, or an older newsgraph) has written since,
// so every id in an index list is a live quad whose node ids are those of
// its key: readers then take quads from the index keys alone, without
// reading the log (scan.go), and kvWriter adds a quad without reading
// its keys. A write by another writer leaves keyLive stale; kvWriter's
// next write removes it for good, and the store is read as Cayley reads
// it.
//
// Cayley's own writer (kv.QuadStore.ApplyDeltas) checks every added quad
// against the indexes, keeps its index lists in maps of strings, and
// resolves only the nodes whose count grows in a batch. kvWriter does the
// same work with what it knows: the ids of values it has seen (kept across
// writes, as it makes and removes every node itself), added quads and
// index keys that cannot exist yet (they name a node made by this write)
// and so need no read, and every write of a bucket in key order.

// kvWriter applies deltas to a bolt file in Cayley's kv layout.
type kvWriter struct {
	db      *bolt.DB
	indexes []kv.QuadIndex
	ids     *refCache    // node ids of values, kept exact by the writer
	commits atomic.Int64 // write transactions committed
	// fresh, for a fresh store (fresh.go), holds every node's id and
	// count in place of the value and count buckets.
	fresh *freshNodes
}

// leading returns the writer's index whose directions start with dirs,
// in that order.
func (w *kvWriter) leading(dirs ...quad.Direction) (kv.QuadIndex, bool) {
	for _, ind := range w.indexes {
		if len(ind.Dirs) >= len(dirs) && slices.Equal(ind.Dirs[:len(dirs)], dirs) {
			return ind, true
		}
	}
	return kv.QuadIndex{}, false
}

// Buckets and keys of Cayley's kv layout.
var (
	bucketMeta = []byte("meta")
	bucketLog  = []byte("log")
	keySize    = []byte("size")
	keyHorizon = []byte("horizon")
	// keyLive marks live indexes: horizon and size (8 bytes each,
	// little-endian) as kvWriter's last write left them.
	keyLive = []byte("newsgraph-live-index")
)

// liveIndexes reports whether the indexes of the store whose meta bucket
// is meta are live (see above), and whether it holds a keyLive marker at
// all.
func liveIndexes(meta *bolt.Bucket) (live, marked bool) {
	if meta == nil {
		return false, false
	}
	m := meta.Get(keyLive)
	if m == nil {
		return false, false
	}
	return len(m) == 16 && bytes.Equal(m[:8], metaBytes(meta, keyHorizon)) && bytes.Equal(m[8:], metaBytes(meta, keySize)), true
}

// metaBytes returns meta counter key as 8 bytes (zero when unset).
func metaBytes(meta *bolt.Bucket, key []byte) []byte {
	if v := meta.Get(key); len(v) == 8 {
		return v
	}
	return make([]byte, 8)
}

// markLive writes keyLive for the horizon and size meta now holds.
func markLive(meta *bolt.Bucket) error {
	m := append(append(make([]byte, 0, 16), metaBytes(meta, keyHorizon)...), metaBytes(meta, keySize)...)
	return meta.Put(keyLive, m)
}

// wholeQuad reports whether the keys of ind hold all four directions.
func wholeQuad(ind kv.QuadIndex) bool {
	return len(ind.Dirs) == len(quad.Directions)
}

// nodeDelta is what a write does to one node.
type nodeDelta struct {
	val  quad.Value
	hash graph.ValueHash
	id   uint64 // 0: not stored (yet)
	refs int    // net change of its reference count
	made bool   // made by this write
}

// quadIDs is a quad as node ids, by direction (quad.Subject … quad.Label,
// indexed from 0).
type quadIDs [4]uint64

func (q quadIDs) get(d quad.Direction) uint64 { return q[d-quad.Subject] }

// apply writes deltas in one bolt transaction: deletions of stored quads,
// additions of quads not stored. With opts.IgnoreDup an added quad the
// store holds is skipped (otherwise it fails the write with
// graph.ErrQuadExists); with opts.IgnoreMissing a deleted quad it does
// not hold is skipped (otherwise graph.ErrQuadNotExist). A quad both added
// and deleted by one call ends up absent. On error nothing is written.
func (w *kvWriter) apply(deltas []graph.Delta, opts graph.IgnoreOpts) error {
	t := &kvTx{w: w, nodes: make(map[quad.Value]*nodeDelta, len(deltas))}
	err := w.db.Update(func(tx *bolt.Tx) error {
		t.tx = tx
		return t.run(deltas, opts)
	})
	if err != nil {
		return err
	}
	w.commits.Add(1)
	if w.fresh != nil {
		w.fresh.apply(t.freshChanges)
	}
	t.publish()
	return nil
}

// kvTx is one write.
type kvTx struct {
	w     *kvWriter
	tx    *bolt.Tx
	nodes map[quad.Value]*nodeDelta
	order []*nodeDelta // nodes in the order first named
	slab  []nodeDelta  // where the nodes are allocated
	// the last value and count buckets opened (nodes are visited in
	// hash order, so neighbours share them)
	vb, nb   *bolt.Bucket
	vbn, nbn [3]byte
	mem      arena
	// made is the range of ids of the nodes this write makes.
	madeLo, madeHi uint64
	// live: the indexes are live (and the indexes whole quads, so that
	// a quad's keys exist exactly while it is stored); marked: the store
	// holds keyLive, live or stale.
	live, marked bool
	// freshChanges: in a fresh store, the nodes' new states, published
	// once the write commits.
	freshChanges []freshChange
}

func (t *kvTx) run(deltas []graph.Delta, opts graph.IgnoreOpts) error {
	t.fillBuckets()
	meta := t.tx.Bucket(bucketMeta)
	t.live, t.marked = liveIndexes(meta)
	for _, ind := range t.w.indexes {
		t.live = t.live && wholeQuad(ind)
	}
	var adds, dels []quad.Quad
	// seen holds, for each quad, whether the call adds and deletes it.
	const addBit, delBit = 1, 2
	seen := make(map[quad.Quad]uint8, len(deltas))
	for _, d := range deltas {
		bit := uint8(addBit)
		switch d.Action {
		case graph.Add:
		case graph.Delete:
			bit = delBit
		default:
			return fmt.Errorf("graph: kv write: unknown action %v", d.Action)
		}
		f := seen[d.Quad]
		if f&bit != 0 {
			continue
		}
		seen[d.Quad] = f | bit
		if bit == addBit {
			adds = append(adds, d.Quad)
		} else {
			dels = append(dels, d.Quad)
		}
		for _, dir := range quad.Directions {
			if v := d.Quad.Get(dir); v != nil {
				t.node(v)
			}
		}
	}
	added := func(q quad.Quad) bool { return seen[q]&addBit != 0 }
	deleted := func(q quad.Quad) bool { return seen[q]&delBit != 0 }
	if err := t.resolve(); err != nil {
		return err
	}

	// Deletions: find each quad's primitive, mark it deleted.
	var ndel int64
	for _, q := range dels {
		ids, ok := t.idsOf(q)
		var p *proto.Primitive
		if ok {
			var err error
			if p, err = t.find(ids, true); err != nil {
				return err
			}
		}
		if p == nil {
			// A quad added by this call is not missing: it is added,
			// then deleted.
			if !opts.IgnoreMissing && !added(q) {
				return &graph.DeltaError{Delta: graph.Delta{Quad: q, Action: graph.Delete}, Err: graph.ErrQuadNotExist}
			}
			continue
		}
		p.Deleted = true
		if err := t.putLog(p); err != nil {
			return err
		}
		if err := t.unindex(p); err != nil {
			return err
		}
		t.count(q, -1)
		ndel++
	}

	// Additions: skip the stored ones and those also deleted.
	var fresh []quad.Quad
	for _, q := range adds {
		if deleted(q) {
			// Cayley adds, then deletes: the quad ends up absent.
			continue
		}
		if ids, known := t.idsOf(q); known {
			p, err := t.find(ids, false)
			if err != nil {
				return err
			}
			if p != nil {
				if !opts.IgnoreDup {
					return &graph.DeltaError{Delta: graph.Delta{Quad: q, Action: graph.Add}, Err: graph.ErrQuadExists}
				}
				continue
			}
		}
		t.count(q, +1)
		fresh = append(fresh, q)
	}

	// New nodes get their ids first, then the new quads (Cayley's order).
	var made []*nodeDelta
	for _, n := range t.order {
		if n.id == 0 && n.refs > 0 {
			made = append(made, n)
		}
	}
	first, err := t.genIDs(len(made) + len(fresh))
	if err != nil {
		return err
	}
	for i, n := range made {
		n.id, n.made = first+uint64(i), true
	}
	t.madeLo, t.madeHi = first, first+uint64(len(made))
	links := make([]proto.Primitive, len(fresh))
	for i, q := range fresh {
		ids, _ := t.idsOf(q)
		links[i] = proto.Primitive{ID: first + uint64(len(made)+i), Subject: ids[0], Predicate: ids[1],
			Object: ids[2], Label: ids[3]}
	}
	if err := t.writeNodes(); err != nil {
		return err
	}
	if err := t.writeLinks(links); err != nil {
		return err
	}
	if err := t.incMeta(keySize, int64(len(links))-ndel); err != nil {
		return err
	}
	switch {
	case t.live:
		return markLive(meta)
	case t.marked:
		// Another writer wrote since the marker: the lists may hold
		// deleted quads, so the marker goes for good.
		return meta.Delete(keyLive)
	}
	return nil
}

// Fill of the pages bolt splits. Bolt splits a full page at half its
// size by default, which leaves a bucket written in key order half empty
// (the log and the indexes of a 1,000-article store used 49-53% of their
// pages). The log's keys are ids taken from an ascending sequence, so it
// only grows at its end: its pages are filled whole (97% used). The
// index keys are node ids: much of a write lands at the end of each
// index, but a quad of old nodes lands between keys, where a page split
// full would leave the next insertion nothing but a new nearly empty page
// (filled whole, the indexes used 40% of their pages); split at 80%, they
// use 73%.
const (
	logFill   = 1.0
	indexFill = 0.8
)

// fillBuckets sets, for this transaction, the fill of the pages split in
// the log and index buckets (bolt keeps one *Bucket per name in a
// transaction, so the setting holds for every later use of it).
func (t *kvTx) fillBuckets() {
	if b := t.tx.Bucket(bucketLog); b != nil {
		b.FillPercent = logFill
	}
	for _, ind := range t.w.indexes {
		if b := t.tx.Bucket(indexBucket(ind)); b != nil {
			b.FillPercent = indexFill
		}
	}
}

// node returns the delta of value v, adding it on first use.
func (t *kvTx) node(v quad.Value) *nodeDelta {
	n := t.nodes[v]
	if n == nil {
		if len(t.slab) == cap(t.slab) {
			t.slab = make([]nodeDelta, 0, 1024)
		}
		t.slab = append(t.slab, nodeDelta{val: v})
		n = &t.slab[len(t.slab)-1]
		t.nodes[v] = n
		t.order = append(t.order, n)
	}
	return n
}

// resolve finds the ids of the nodes the write names: from the cache, or
// by their hashes in the value buckets (read in hash order).
func (t *kvTx) resolve() error {
	var look []*nodeDelta
	for _, n := range t.order {
		n.hash = graph.HashOf(n.val)
		if t.w.fresh != nil {
			n.id = t.w.fresh.id(n.hash)
			continue
		}
		if id, ok := t.w.ids.cachedID(n.val); ok {
			n.id = id
			continue
		}
		look = append(look, n)
	}
	sort.Slice(look, func(i, j int) bool { return bytes.Compare(look[i].hash[:], look[j].hash[:]) < 0 })
	for _, n := range look {
		b, err := t.bucket('v', n.hash, false)
		if err != nil {
			return err
		}
		if b != nil {
			if v := b.Get(n.hash[:]); len(v) > 0 {
				n.id, _ = binary.Uvarint(v)
			}
		}
	}
	return nil
}

// bucket returns the value ('v') or count ('n') bucket of hash h, made
// if create is set (nil if it does not exist and create is not set).
func (t *kvTx) bucket(prefix byte, h graph.ValueHash, create bool) (*bolt.Bucket, error) {
	name := [3]byte{prefix, h[0], h[1]}
	last, lastName := &t.vb, &t.vbn
	if prefix == 'n' {
		last, lastName = &t.nb, &t.nbn
	}
	if *last != nil && *lastName == name {
		return *last, nil
	}
	b := t.tx.Bucket(name[:])
	if b == nil {
		if !create {
			return nil, nil
		}
		var err error
		if b, err = t.tx.CreateBucket(name[:]); err != nil {
			return nil, err
		}
	}
	*last, *lastName = b, name
	return b, nil
}

// idsOf returns q as node ids; ok is false if a node of q is not stored
// (so neither is q).
func (t *kvTx) idsOf(q quad.Quad) (ids quadIDs, ok bool) {
	ok = true
	for i, dir := range quad.Directions {
		v := q.Get(dir)
		if v == nil {
			continue
		}
		n := t.nodes[v]
		if n.id == 0 || n.made {
			ok = false
		}
		ids[i] = n.id
	}
	return ids, ok
}

// count adds d to the reference count of every node of q.
func (t *kvTx) count(q quad.Quad, d int) {
	for _, dir := range quad.Directions {
		if v := q.Get(dir); v != nil {
			t.nodes[v].refs += d
		}
	}
}

// find returns the stored, not deleted, primitive of the quad ids, or nil.
// It reads the list of the longest index (the fewest candidates) and the
// candidates' log entries, newest first. With live indexes the list holds
// the quad alone, and unless full is set the primitive is made from ids
// without reading the log (it lacks the timestamp).
func (t *kvTx) find(ids quadIDs, full bool) (*proto.Primitive, error) {
	ind := t.w.indexes[0]
	for _, in := range t.w.indexes[1:] {
		if len(in.Dirs) > len(ind.Dirs) {
			ind = in
		}
	}
	b := t.tx.Bucket(indexBucket(ind))
	if b == nil {
		return nil, nil
	}
	list := b.Get(indexKey(ind, ids, nil))
	var cand []uint64
	for len(list) > 0 {
		x, n := binary.Uvarint(list)
		if n <= 0 {
			return nil, fmt.Errorf("graph: kv write: corrupt index %s entry", ind.Dirs)
		}
		cand = append(cand, x)
		list = list[n:]
	}
	if t.live && len(cand) > 0 && !full {
		return &proto.Primitive{ID: cand[len(cand)-1], Subject: ids[0], Predicate: ids[1], Object: ids[2], Label: ids[3]}, nil
	}
	lb := t.tx.Bucket(bucketLog)
	for i := len(cand) - 1; i >= 0 && lb != nil; i-- {
		p, err := logPrimitive(lb, cand[i])
		if err != nil {
			return nil, fmt.Errorf("graph: kv write: %w", err)
		}
		if p != nil && !p.Deleted && p.Subject == ids[0] && p.Predicate == ids[1] && p.Object == ids[2] && p.Label == ids[3] {
			return p, nil
		}
	}
	return nil, nil
}

// unindex takes the id of quad p out of its list in every index, and
// removes a key whose list it empties.
func (t *kvTx) unindex(p *proto.Primitive) error {
	ids := quadIDs{p.Subject, p.Predicate, p.Object, p.Label}
	var kbuf [32]byte
	for _, ind := range t.w.indexes {
		b := t.tx.Bucket(indexBucket(ind))
		if b == nil {
			continue
		}
		key := indexKey(ind, ids, kbuf[:0])
		list := b.Get(key)
		rest := t.mem.alloc(len(list))[:0]
		for len(list) > 0 {
			x, n := binary.Uvarint(list)
			if n <= 0 {
				return fmt.Errorf("graph: kv write: corrupt index %s entry", ind.Dirs)
			}
			if x != p.ID {
				rest = append(rest, list[:n]...)
			}
			list = list[n:]
		}
		var err error
		if len(rest) == 0 {
			err = b.Delete(key)
		} else {
			err = b.Put(key, rest) // bolt copies the key
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// putLog writes primitive p into the log.
func (t *kvTx) putLog(p *proto.Primitive) error {
	b, err := t.tx.CreateBucketIfNotExists(bucketLog)
	if err != nil {
		return err
	}
	b.FillPercent = logFill
	buf := t.mem.alloc(p.ProtoSize())
	n, err := p.MarshalTo(buf)
	if err != nil {
		return err
	}
	return b.Put(logKey(p.ID), buf[:n])
}

// genIDs reserves n ids and returns the first.
func (t *kvTx) genIDs(n int) (uint64, error) {
	h, err := t.metaInt(keyHorizon)
	if err != nil {
		return 0, err
	}
	if n > 0 {
		if err := t.setMetaInt(keyHorizon, h+int64(n)); err != nil {
			return 0, err
		}
	}
	return uint64(h) + 1, nil
}

// incMeta adds d to the meta counter key.
func (t *kvTx) incMeta(key []byte, d int64) error {
	if d == 0 {
		return nil
	}
	v, err := t.metaInt(key)
	if err != nil {
		return err
	}
	return t.setMetaInt(key, v+d)
}

func (t *kvTx) metaInt(key []byte) (int64, error) {
	b := t.tx.Bucket(bucketMeta)
	if b == nil {
		return 0, errors.New("graph: kv write: no meta bucket (store not initialised)")
	}
	v := b.Get(key)
	switch len(v) {
	case 0:
		return 0, nil
	case 8:
		return int64(binary.LittleEndian.Uint64(v)), nil
	}
	return 0, fmt.Errorf("graph: kv write: meta %s: %d bytes, want 8", key, len(v))
}

func (t *kvTx) setMetaInt(key []byte, v int64) error {
	buf := t.mem.alloc(8)
	binary.LittleEndian.PutUint64(buf, uint64(v))
	return t.tx.Bucket(bucketMeta).Put(key, buf)
}

// writeNodes writes the nodes whose count changes, in hash order: new
// nodes into the log and both hash buckets, counts of the others, and
// removes the nodes no quad names any more.
func (t *kvTx) writeNodes() error {
	list := make([]*nodeDelta, 0, len(t.order))
	for _, n := range t.order {
		if n.refs != 0 && n.id != 0 {
			list = append(list, n)
		}
	}
	if t.w.fresh != nil {
		for _, n := range list {
			if err := t.writeFreshNode(n); err != nil {
				return err
			}
		}
		return nil
	}
	sort.Slice(list, func(i, j int) bool { return bytes.Compare(list[i].hash[:], list[j].hash[:]) < 0 })
	for _, n := range list {
		vb, err := t.bucket('v', n.hash, true)
		if err != nil {
			return err
		}
		nb, err := t.bucket('n', n.hash, true)
		if err != nil {
			return err
		}
		if n.made {
			if err := vb.Put(n.hash[:], t.uvarint(n.id)); err != nil {
				return err
			}
			if err := nb.Put(n.hash[:], t.uvarint(uint64(n.refs))); err != nil {
				return err
			}
			data, err := pquads.MarshalValue(n.val)
			if err != nil {
				return fmt.Errorf("graph: kv write: %w", err)
			}
			if err := t.putLog(&proto.Primitive{ID: n.id, Value: data}); err != nil {
				return err
			}
			continue
		}
		var refs int64
		if v := nb.Get(n.hash[:]); len(v) > 0 {
			x, _ := binary.Uvarint(v)
			refs = int64(x)
		}
		refs += int64(n.refs)
		if refs > 0 {
			if err := nb.Put(n.hash[:], t.uvarint(uint64(refs))); err != nil {
				return err
			}
			continue
		}
		if err := nb.Delete(n.hash[:]); err != nil {
			return err
		}
		if err := vb.Delete(n.hash[:]); err != nil {
			return err
		}
		if lb := t.tx.Bucket(bucketLog); lb != nil {
			if err := lb.Delete(logKey(n.id)); err != nil {
				return err
			}
		}
		n.id = 0
	}
	return nil
}

// writeLinks writes new quads into the log and appends their ids to the
// index lists, each index's keys in order. A key that holds a node made
// by this write is new, so it is written without reading it first; so is
// every key of a live index (a quad not stored has no key there).
func (t *kvTx) writeLinks(links []proto.Primitive) error {
	for i := range links {
		if err := t.putLog(&links[i]); err != nil {
			return err
		}
	}
	entries := make([]indexEntry, len(links))
	for _, ind := range t.w.indexes {
		for i := range links {
			e := &entries[i]
			e.key = quadIDs{}
			for j, d := range ind.Dirs {
				e.key[j] = links[i].GetDirection(d)
			}
			e.id = links[i].ID
		}
		// Sorted by key, then id (ids ascend within a list).
		sort.Slice(entries, func(i, j int) bool { return entries[i].less(&entries[j]) })
		b, err := t.tx.CreateBucketIfNotExists(indexBucket(ind))
		if err != nil {
			return err
		}
		b.FillPercent = indexFill
		var kbuf [32]byte
		for i := 0; i < len(entries); {
			k := entries[i].key
			end := i + 1
			for end < len(entries) && entries[end].key == k {
				end++
			}
			key := kbuf[:0]
			fresh := t.live
			for j := range ind.Dirs {
				key = binary.BigEndian.AppendUint64(key, k[j])
				fresh = fresh || (k[j] >= t.madeLo && k[j] < t.madeHi)
			}
			var old []byte
			if !fresh {
				old = b.Get(key)
			}
			val := t.mem.alloc(len(old) + binary.MaxVarintLen64*(end-i))[:0]
			val = append(val, old...)
			for ; i < end; i++ {
				val = binary.AppendUvarint(val, entries[i].id)
			}
			if err := b.Put(key, val); err != nil {
				return err
			}
		}
	}
	return nil
}

// indexEntry is a quad id under its key in one index.
type indexEntry struct {
	key quadIDs // node ids in the index's order of directions
	id  uint64
}

func (e *indexEntry) less(o *indexEntry) bool {
	for x := range e.key {
		if e.key[x] != o.key[x] {
			return e.key[x] < o.key[x]
		}
	}
	return e.id < o.id
}

// publish records, once the write is committed, the ids of the nodes it
// named: made, found, or removed (0).
func (t *kvTx) publish() {
	vals := make([]quad.Value, len(t.order))
	ids := make([]uint64, len(t.order))
	for i, n := range t.order {
		vals[i], ids[i] = n.val, n.id
	}
	t.w.ids.publish(vals, ids)
}

func (t *kvTx) uvarint(x uint64) []byte {
	buf := t.mem.alloc(binary.MaxVarintLen64)
	return buf[:binary.PutUvarint(buf, x)]
}

// valueBucket names the bucket of hash h: prefix 'v' (node ids) or 'n'
// (reference counts), then the hash's first two bytes.
func valueBucket(prefix byte, h graph.ValueHash) []byte {
	return []byte{prefix, h[0], h[1]}
}

// indexBucket names the bucket of a quad index: its directions' prefixes.
func indexBucket(ind kv.QuadIndex) []byte {
	b := make([]byte, len(ind.Dirs))
	for i, d := range ind.Dirs {
		b[i] = d.Prefix()
	}
	return b
}

// indexKey appends to buf the key of quad ids in index ind.
func indexKey(ind kv.QuadIndex, ids quadIDs, buf []byte) []byte {
	for _, d := range ind.Dirs {
		buf = binary.BigEndian.AppendUint64(buf, ids.get(d))
	}
	return buf
}

// logKey is the log key of id.
func logKey(id uint64) []byte {
	return binary.BigEndian.AppendUint64(make([]byte, 0, 8), id)
}

// arena hands out byte slices that stay valid until the transaction
// commits (bolt keeps the values it is given until then) from a few large
// blocks, instead of one allocation per value.
type arena struct {
	block []byte
}

const arenaBlock = 256 << 10

func (a *arena) alloc(n int) []byte {
	if cap(a.block)-len(a.block) < n {
		size := arenaBlock
		if n > size {
			size = n
		}
		a.block = make([]byte, 0, size)
	}
	start := len(a.block)
	a.block = a.block[:start+n]
	return a.block[start : start+n : start+n]
}

// id returns the node id of value v, or 0 if the store holds no such node:
// from the cache, or from v's value bucket.
func (w *kvWriter) id(v quad.Value) uint64 {
	if v == nil {
		return 0
	}
	if id, ok := w.ids.cachedID(v); ok {
		return id
	}
	gen := w.ids.generation()
	var id uint64
	err := w.db.View(func(tx *bolt.Tx) error {
		id = w.lookupID(tx, v)
		return nil
	})
	if err != nil {
		return 0
	}
	w.ids.setIDAt(v, id, gen)
	return id
}

// idIn is id, reading through r's transaction; the value of the id it
// finds is cached too (the quads read by it name it).
func (w *kvWriter) idIn(r *boltReader, v quad.Value) uint64 {
	if v == nil {
		return 0
	}
	if id, ok := w.ids.cachedID(v); ok {
		return id
	}
	gen := w.ids.generation()
	if err := r.begin(); err != nil {
		return 0
	}
	id := w.lookupID(r.tx, v)
	w.ids.setIDAt(v, id, gen)
	if id != 0 {
		w.ids.setValue(kv.Int64Value(id), v) // ids are not reused
	}
	return id
}

// lookupID returns the node id of value v in tx's value buckets (in a
// fresh store, in its nodes), 0 if there is none.
func (w *kvWriter) lookupID(tx *bolt.Tx, v quad.Value) uint64 {
	if w.fresh != nil {
		return w.fresh.hashID(v)
	}
	return storedID(tx, v)
}

// storedID returns the node id of value v in tx's value buckets, 0 if
// there is none.
func storedID(tx *bolt.Tx, v quad.Value) uint64 {
	h := graph.HashOf(v)
	b := tx.Bucket(valueBucket('v', h))
	if b == nil {
		return 0
	}
	data := b.Get(h[:])
	if len(data) == 0 {
		return 0
	}
	id, _ := binary.Uvarint(data)
	return id
}
