package boltkv

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"sync"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// A fresh store: the value and count buckets written once.
//
// Cayley's layout keeps, for every node, its id in a value bucket and its
// reference count in a count bucket, 65,536 of each, chosen by the hash
// of the node's value. A batch of documents makes nodes and names old ones
// all over the hash space, so each commit rewrites most of the root
// bucket's pages (where these small buckets live, inline): at 10,000
// articles, about a quarter of an ingest's time and half the bytes of
// pages it writes.
//
// A store that Open creates with Options.Fresh, for one writer that fills
// it from empty (an ingest into a new file), keeps them in memory instead:
// the id and count of every node, by hash, exact because its writer makes,
// counts and removes every node itself. Its commits write the log and the
// indexes only, unsynced (bolt's NoSync), and Close (or CompactClose)
// writes both kinds of bucket in one transaction, in key order, then
// syncs. Until then the meta bucket holds keyNodesPending: a process that
// dies before it closes the store leaves a file whose log is whole (every
// commit's), and the next Open rebuilds the two kinds of bucket from the
// log (rebuildNodes; a read-only Open opens the file for writing to do
// it), so that what Cayley reads is what the commits wrote.

// keyNodesPending, in the meta bucket, marks a fresh store whose value and
// count buckets are not written yet.
var keyNodesPending = []byte("newsgraph-nodes-pending")

// freshNode is what a fresh store keeps of a node.
type freshNode struct {
	id   uint64
	refs int64
}

// freshNodes are the nodes of a fresh store, by the hash of their value.
type freshNodes struct {
	mu    sync.RWMutex
	nodes map[graph.ValueHash]freshNode
}

// id returns the id of the node of hash h (0: none).
func (f *freshNodes) id(h graph.ValueHash) uint64 {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.nodes[h].id
}

// get returns the node of hash h.
func (f *freshNodes) get(h graph.ValueHash) freshNode {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.nodes[h]
}

// freshChange is a node's new state, which a write publishes once it has
// committed (a node whose count fell to zero has id 0: removed).
type freshChange struct {
	hash graph.ValueHash
	node freshNode
}

// apply publishes the changes of a committed write.
func (f *freshNodes) apply(changes []freshChange) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range changes {
		if c.node.id == 0 {
			delete(f.nodes, c.hash)
		} else {
			f.nodes[c.hash] = c.node
		}
	}
}

// writeFreshNode records what a write does to node n of a fresh store: its
// log entry if made, its log entry removed if no quad names it any more.
func (t *kvTx) writeFreshNode(n *nodeDelta) error {
	refs := int64(n.refs)
	if !n.made {
		refs += t.w.fresh.get(n.hash).refs
	}
	if refs > 0 {
		t.freshChanges = append(t.freshChanges, freshChange{n.hash, freshNode{id: n.id, refs: refs}})
		if !n.made {
			return nil
		}
		data, err := pquads.MarshalValue(n.val)
		if err != nil {
			return fmt.Errorf("graph: kv write: %w", err)
		}
		return t.putLog(&proto.Primitive{ID: n.id, Value: data})
	}
	t.freshChanges = append(t.freshChanges, freshChange{hash: n.hash})
	if lb := t.tx.Bucket(bucketLog); lb != nil {
		if err := lb.Delete(logKey(n.id)); err != nil {
			return err
		}
	}
	n.id = 0
	return nil
}

// hashedNode is a node to write into the value and count buckets.
type hashedNode struct {
	hash graph.ValueHash
	freshNode
}

// writeNodeBuckets writes the value and count buckets of nodes into tx:
// every count bucket, then every value bucket, each in key order (so that
// bolt appends to full pages), the buckets' pages filled as compaction
// fills them.
func writeNodeBuckets(tx *bolt.Tx, nodes []hashedNode) error {
	slices.SortFunc(nodes, func(a, b hashedNode) int { return bytes.Compare(a.hash[:], b.hash[:]) })
	if root := rootBucket(tx); root != nil {
		root.FillPercent = compactFill
	}
	var buf [binary.MaxVarintLen64]byte
	for _, prefix := range []byte{'n', 'v'} {
		var b *bolt.Bucket
		var name [3]byte
		for _, n := range nodes {
			if b == nil || name[1] != n.hash[0] || name[2] != n.hash[1] {
				name = [3]byte{prefix, n.hash[0], n.hash[1]}
				var err error
				if b, err = tx.CreateBucketIfNotExists(name[:]); err != nil {
					return err
				}
				b.FillPercent = compactFill
			}
			x := uint64(n.refs)
			if prefix == 'v' {
				x = n.id
			}
			// bolt keeps the key and value until the commit
			if err := b.Put(bytes.Clone(n.hash[:]), bytes.Clone(buf[:binary.PutUvarint(buf[:], x)])); err != nil {
				return err
			}
		}
	}
	return nil
}

// flushFresh writes the value and count buckets of a fresh store, clears
// its pending mark and syncs the file, unless sync is false (the file is
// about to be copied: CompactClose). The store is then an ordinary one.
func (s *Store) flushFresh(sync bool) error {
	f := s.w.fresh
	if f == nil {
		return nil
	}
	f.mu.Lock()
	nodes := make([]hashedNode, 0, len(f.nodes))
	for h, n := range f.nodes {
		nodes = append(nodes, hashedNode{h, n})
	}
	f.mu.Unlock()
	db := s.w.db
	err := db.Update(func(tx *bolt.Tx) error {
		if err := writeNodeBuckets(tx, nodes); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Delete(keyNodesPending)
	})
	if err == nil && sync {
		err = db.Sync()
	}
	if err != nil {
		return fmt.Errorf("graph: write value buckets: %w", err)
	}
	db.NoSync = s.noSync
	s.w.fresh = nil
	return nil
}

// nodesPending reports whether the file's meta bucket holds
// keyNodesPending.
func nodesPending(db *bolt.DB) (bool, error) {
	pending := false
	err := db.View(func(tx *bolt.Tx) error {
		if meta := tx.Bucket(bucketMeta); meta != nil {
			pending = meta.Get(keyNodesPending) != nil
		}
		return nil
	})
	return pending, err
}

// rebuildNodes writes the value and count buckets of a fresh store whose
// writer died before it closed it, from its log: each node's id from its
// entry, its count from the live quads that name it.
func rebuildNodes(db *bolt.DB) error {
	return db.Update(func(tx *bolt.Tx) error {
		refs := map[uint64]int64{}
		var nodes []hashedNode
		if lb := tx.Bucket(bucketLog); lb != nil {
			err := lb.ForEach(func(k, v []byte) error {
				if len(k) != 8 {
					return nil
				}
				p, err := decodePrimitive(binary.BigEndian.Uint64(k), v)
				if err != nil {
					return err
				}
				if p.Value != nil {
					val, err := pquads.UnmarshalValue(p.Value)
					if err != nil {
						return fmt.Errorf("graph: log entry %d: %w", p.ID, err)
					}
					nodes = append(nodes, hashedNode{graph.HashOf(val), freshNode{id: p.ID}})
					return nil
				}
				if !p.Deleted {
					for _, id := range []uint64{p.Subject, p.Predicate, p.Object, p.Label} {
						if id != 0 {
							refs[id]++
						}
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		for i := range nodes {
			nodes[i].refs = refs[nodes[i].id]
		}
		if err := writeNodeBuckets(tx, nodes); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Delete(keyNodesPending)
	})
}

// hashID returns the id of value v's node in a fresh store (0: none).
func (f *freshNodes) hashID(v quad.Value) uint64 {
	return f.id(graph.HashOf(v))
}
