package boltkv

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// Reading index prefixes straight from bolt.
//
// Cayley's kv iterator reads an index prefix through hidalgo's generic kv
// layer: a transaction per scan, the bucket path resolved again for every
// key, and the quads of each index entry fetched from the log in a batch
// of new keys. An index join scans one prefix per node of a set, so that
// overhead is paid per node. boltReader reads the same layout (see
// write.go) with bolt's own API: one read transaction for all the scans
// of a join, the index and log buckets opened once, a cursor seek per
// prefix, and one log lookup per quad id. It yields the references
// Cayley's kv store uses for quads (*proto.Primitive) and skips quads
// marked deleted, as Cayley's iterator does. Where the indexes are live
// (write.go), every listed quad is stored and its key names its nodes,
// so a scan makes the quad's primitive from the key and reads no log.

// boltReader is a read transaction on a bolt file in Cayley's kv layout,
// opened on first use.
type boltReader struct {
	db    *bolt.DB
	tx    *bolt.Tx
	log   *bolt.Bucket
	logs  *bolt.Cursor    // on log, reused by every lookup (Bucket.Get makes a cursor per call)
	index *bolt.Bucket    // the bucket of indexOf, once looked up
	of    string          // the index whose bucket index is
	live  bool            // the store's indexes are live (write.go)
	reads int             // log entries looked up, over all transactions
	node  proto.Primitive // the entry value decodes, its value bytes reused
}

// begin opens the read transaction if it is not open.
func (r *boltReader) begin() error {
	if r.tx != nil {
		return nil
	}
	tx, err := r.db.Begin(false)
	if err != nil {
		return err
	}
	r.tx, r.log, r.index, r.of = tx, tx.Bucket(bucketLog), nil, ""
	if r.log == nil {
		r.close()
		return errors.New("graph: bolt store has no log bucket")
	}
	r.logs = r.log.Cursor()
	r.live, _ = liveIndexes(tx.Bucket(bucketMeta))
	return nil
}

// close ends the read transaction, if open.
func (r *boltReader) close() error {
	if r.tx == nil {
		return nil
	}
	err := r.tx.Rollback()
	r.tx, r.log, r.logs, r.index, r.of, r.live = nil, nil, nil, nil, "", false
	return err
}

// bucket returns the bucket of ind, or nil if the store has none (no quad
// was ever written to it). The scans sharing a reader read one index.
func (r *boltReader) bucket(ind kv.QuadIndex) *bolt.Bucket {
	name := indexBucket(ind)
	if r.of != string(name) {
		r.index, r.of = r.tx.Bucket(name), string(name)
	}
	return r.index
}

// primitive returns the log entry of id, nil if there is none.
func (r *boltReader) primitive(id uint64) (*proto.Primitive, error) {
	r.reads++
	var key [8]byte
	binary.BigEndian.PutUint64(key[:], id)
	k, data := r.logs.Seek(key[:])
	if !bytes.Equal(k, key[:]) || data == nil {
		return nil, nil
	}
	return decodePrimitive(id, data)
}

// value returns the value of node id, nil if the store holds no such node
// (or cannot read it: as Cayley's NameOf, which logs the error).
func (r *boltReader) value(id uint64) quad.Value {
	if err := r.begin(); err != nil {
		return nil
	}
	r.reads++
	var key [8]byte
	binary.BigEndian.PutUint64(key[:], id)
	k, data := r.logs.Seek(key[:])
	if !bytes.Equal(k, key[:]) || data == nil {
		return nil
	}
	// decoded into the reader's entry, whose value bytes are reused: the
	// value read from them holds copies
	r.node = proto.Primitive{Value: r.node.Value[:0]}
	if err := r.node.Unmarshal(data); err != nil || !r.node.IsNode() {
		return nil
	}
	v, err := pquads.UnmarshalValue(r.node.Value)
	if err != nil {
		return nil
	}
	return v
}

// logPrimitive returns the entry of id in the log bucket lb, nil if there
// is none.
func logPrimitive(lb *bolt.Bucket, id uint64) (*proto.Primitive, error) {
	var key [8]byte
	binary.BigEndian.PutUint64(key[:], id)
	data := lb.Get(key[:])
	if data == nil {
		return nil, nil
	}
	return decodePrimitive(id, data)
}

// decodePrimitive decodes the log entry data of id.
func decodePrimitive(id uint64, data []byte) (*proto.Primitive, error) {
	p := new(proto.Primitive)
	if err := p.Unmarshal(data); err != nil {
		return nil, fmt.Errorf("graph: log entry %d: %w", id, err)
	}
	return p, nil
}

// prefixScan lists the live quads stored under one index prefix, in the
// index's order, reading through a boltReader it may share with other
// scans.
type prefixScan struct {
	r      *boltReader
	own    bool // the scan's own reader, closed with the scan
	index  kv.QuadIndex
	prefix []byte
	// skip lists node ids whose entries are passed over unread (a seek
	// past them): the entries whose key has one of them at byte offset
	// len(prefix) (in the subject–predicate index after a subject, a
	// predicate).
	skip []uint64
	// only, when not nil, lists the ids (ascending) of the only entries
	// the scan reads at that offset: it seeks from one to the next.
	only   []uint64
	seek   []byte // the key sought past passed-over entries
	cur    *bolt.Cursor
	ids    []byte  // the rest of the current entry's quad ids (uvarints)
	keyed  bool    // quads are made from their keys (live whole-quad index)
	key    quadIDs // the current entry's key, by direction, when keyed
	done   bool
	result *proto.Primitive
	// reuse makes the quads of a keyed scan in one primitive, prim,
	// overwritten by Next: for a reader that is done with each quad
	// before it asks for the next (reader's listings), not for Cayley's
	// iterators, which may keep results.
	reuse bool
	prim  proto.Primitive
	err   error
}

// newPrefixScan scans the prefix vals of index ind with reader r; own
// says whether the scan closes r when it is done.
func newPrefixScan(r *boltReader, own bool, ind kv.QuadIndex, vals []uint64) *prefixScan {
	prefix := make([]byte, 0, 8*len(vals))
	for _, v := range vals {
		prefix = binary.BigEndian.AppendUint64(prefix, v)
	}
	return &prefixScan{r: r, own: own, index: ind, prefix: prefix}
}

// Next moves to the next live quad under the prefix.
func (s *prefixScan) Next(ctx context.Context) bool {
	s.result = nil
	if s.done || s.err != nil {
		return false
	}
	for {
		for len(s.ids) > 0 {
			id, n := binary.Uvarint(s.ids)
			if n <= 0 {
				return s.fail(errors.New("graph: corrupt index entry"))
			}
			s.ids = s.ids[n:]
			if s.keyed {
				if s.reuse {
					s.prim = proto.Primitive{ID: id, Subject: s.key[0], Predicate: s.key[1], Object: s.key[2], Label: s.key[3]}
					s.result = &s.prim
				} else {
					s.result = &proto.Primitive{ID: id, Subject: s.key[0], Predicate: s.key[1], Object: s.key[2], Label: s.key[3]}
				}
				return true
			}
			p, err := s.r.primitive(id)
			if err != nil {
				return s.fail(err)
			}
			if p == nil || p.Deleted {
				continue
			}
			s.result = p
			return true
		}
		if err := ctx.Err(); err != nil {
			return s.fail(err)
		}
		var k, v []byte
		if s.cur == nil {
			if err := s.r.begin(); err != nil {
				return s.fail(err)
			}
			b := s.r.bucket(s.index)
			if b == nil {
				return s.finish()
			}
			s.cur = b.Cursor()
			s.keyed = s.r.live && wholeQuad(s.index)
			k, v = s.cur.Seek(s.prefix)
		} else {
			k, v = s.cur.Next()
		}
		for k != nil && bytes.HasPrefix(k, s.prefix) {
			// Past every key with a passed-over id (in a whole-quad
			// index, one key per quad: thousands for a hub node).
			next, ok := s.passed(k)
			if !ok {
				break
			}
			if next == 0 {
				k = nil // no wanted id follows
				break
			}
			k, v = s.cur.Seek(binary.BigEndian.AppendUint64(append(s.seek[:0], s.prefix...), next))
		}
		if k == nil || !bytes.HasPrefix(k, s.prefix) {
			return s.finish()
		}
		if s.keyed {
			if len(k) != 8*len(s.index.Dirs) {
				return s.fail(errors.New("graph: corrupt index key"))
			}
			for j, d := range s.index.Dirs {
				s.key[d-quad.Subject] = binary.BigEndian.Uint64(k[8*j:])
			}
		}
		s.ids = v
	}
}

// passed reports whether the entry of key k is one the scan passes over
// (its id after the prefix is one of skip, or not one of only), and the
// id after the prefix to seek to next (0: none).
func (s *prefixScan) passed(k []byte) (next uint64, ok bool) {
	if (len(s.skip) == 0 && s.only == nil) || len(k) < len(s.prefix)+8 {
		return 0, false
	}
	id := binary.BigEndian.Uint64(k[len(s.prefix):])
	for _, x := range s.skip {
		if x == id {
			return id + 1, true
		}
	}
	if s.only == nil {
		return 0, false
	}
	for _, x := range s.only { // ascending
		switch {
		case x == id:
			return 0, false
		case x > id:
			return x, true
		}
	}
	return 0, true
}

// fail records err and ends the scan.
func (s *prefixScan) fail(err error) bool {
	s.err = err
	s.finish()
	return false
}

// finish ends the scan, closing its own reader.
func (s *prefixScan) finish() bool {
	s.done, s.cur, s.ids = true, nil, nil
	if s.own {
		if err := s.r.close(); err != nil && s.err == nil {
			s.err = err
		}
	}
	return false
}

// NextPath reports no other path: a scan has no tags.
func (s *prefixScan) NextPath(context.Context) bool { return false }

// TagResults adds nothing.
func (s *prefixScan) TagResults(map[string]graph.Ref) {}

// Result returns the current quad.
func (s *prefixScan) Result() graph.Ref {
	if s.result == nil {
		return nil
	}
	return s.result
}

// Err returns the first error met.
func (s *prefixScan) Err() error { return s.err }

// String describes the scan.
func (s *prefixScan) String() string { return "BoltPrefixScan" }

// Close ends the scan.
func (s *prefixScan) Close() error {
	if !s.done {
		s.finish()
	}
	return s.err
}
