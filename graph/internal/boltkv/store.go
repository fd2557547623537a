// Package boltkv is the graph store's bolt backend: one BoltDB file laid
// out exactly as Cayley's kv quad store (v0.7.7) lays it out, so that
// Cayley's own tools read it, with a faster way through it than Cayley's
// generic kv layer.
//
// As in Cayley, where graph/kv owns the layout and graph/kv/bolt is a
// small adapter, Cayley's kv package reads the file; this package adds
// what newsgraph needs on top of it:
//
//   - a writer of the layout (write.go) that resolves node ids from a cache
//     kept exact across writes and writes each bucket in key order;
//   - scans of index prefixes with bolt's own API (scan.go), which take
//     their quads from the keys of the whole-quad ("live") indexes;
//   - a query planner (planner.go, planner_join.go) that gives Cayley's
//     optimizer real sizes, joins a set of nodes with an index, and checks
//     a node with one key lookup;
//   - the reads a write makes (reads.go), as storage.Reader.
//
// Store is a Cayley graph.QuadStore that also implements
// storage.Store; the graph package asserts that once, when it opens a
// store, and never names this package's types again.
package boltkv

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// Options says how to open a file.
type Options struct {
	// ReadOnly opens an existing file for reading only; a missing file
	// is an error rather than created.
	ReadOnly bool
	// Scratch does not sync commits to disk (bolt's NoSync): for a file
	// whose loss in a crash of the machine does not matter.
	Scratch bool
	// Fresh marks a file that one writer fills from empty, such as the
	// store an ingest creates: its value and count buckets are kept in
	// memory and written once, when the store is closed, and its commits
	// are synced only then (fresh.go). It has no effect on a file that
	// already holds quads.
	Fresh bool
}

// kvOptions turns off the kv backend's in-memory bloom filter of existing
// quads: it is filled by scanning the whole store at every open, which
// costs more than it saves for a store opened once per command.
var kvOptions = graph.Options{kv.OptNoBloom: true}

// quadIndexes are the quad indexes of a new store. They hold Cayley's
// two defaults (subject–predicate for forward traversals, object–
// predicate–subject for reverse ones and whole-quad lookups) and a third
// that starts with the predicate (without it, Cayley's kv backend answers
// "every quad with predicate P", an Out or In step from a computed set of
// nodes, by scanning the whole store), each extended to all four
// directions, so that an index key is a whole quad. Cayley reads any
// prefix of them as it reads its own. Whole-quad keys make the indexes
// live (write.go): a scan takes its quads from the keys, without
// reading the log, and a write appends no list that a hub node's
// thousands of quads share (an entity's mentionedIn list under the
// subject–predicate key): each quad has a key of its own.
var quadIndexes = []kv.QuadIndex{
	{Dirs: []quad.Direction{quad.Subject, quad.Predicate, quad.Object, quad.Label}},
	{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject, quad.Label}},
	{Dirs: []quad.Direction{quad.Predicate, quad.Object, quad.Subject, quad.Label}},
}

// setQuadIndexes records the indexes of a store just initialised (Cayley
// v0.7.7 reads them from its meta bucket on open, but offers no option to
// choose them at Init: its CAYLEY_KV_INDEXES variable is decoded into
// unexported fields and has no effect), and marks them live when every
// one holds whole quads (write.go).
func setQuadIndexes(db hkv.KV, list []kv.QuadIndex) error {
	data, err := json.Marshal(list)
	if err != nil {
		return err
	}
	ctx := context.Background()
	return hkv.Update(ctx, db, func(tx hkv.Tx) error {
		if err := tx.Put(metaIndexesKey, data); err != nil {
			return err
		}
		for _, ind := range list {
			if !wholeQuad(ind) {
				return nil
			}
		}
		var m []byte
		for _, k := range [][]byte{keyHorizon, keySize} {
			v, err := tx.Get(ctx, hkv.Key{bucketMeta, k})
			if err == hkv.ErrNotFound || (err == nil && len(v) != 8) {
				v, err = make([]byte, 8), nil
			}
			if err != nil {
				return err
			}
			m = append(m, v...)
		}
		return tx.Put(hkv.Key{bucketMeta, keyLive}, m)
	})
}

// readQuadIndexes returns the indexes recorded in a kv store's meta bucket
// (Cayley's defaults when none are recorded, as Cayley does).
func readQuadIndexes(db hkv.KV) ([]kv.QuadIndex, error) {
	var list []kv.QuadIndex
	err := hkv.View(db, func(tx hkv.Tx) error {
		data, err := tx.Get(context.Background(), metaIndexesKey)
		if errors.Is(err, hkv.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		return json.Unmarshal(data, &list)
	})
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		list = kv.DefaultQuadIndexes
	}
	return list, nil
}

// metaIndexesKey is where Cayley's kv backend records its indexes.
var metaIndexesKey = hkv.Key{[]byte("meta"), []byte("indexes")}

// mmapSize is the initial size of a file's memory mapping.
const mmapSize = 1 << 30

// Open opens hidalgo's bolt KV on the single file path, initialising it
// unless opts.ReadOnly is set, and wraps it with Cayley's kv quad store
// (Cayley's own bolt registration would want a directory holding
// indexes.bolt) and this package's writer, reads and planner.
func Open(path string, opts Options) (*Store, error) {
	if opts.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("graph: open read-only: %w", err)
		}
	}
	// A large initial mapping spares bolt remapping the file (and
	// copying its pages) again and again as a store grows; it reserves
	// address space, not memory.
	bopts := &bolt.Options{Timeout: 5 * time.Second, ReadOnly: opts.ReadOnly, InitialMmapSize: mmapSize}
	if !opts.ReadOnly {
		if err := createInitialized(path, bopts); err != nil {
			return nil, fmt.Errorf("graph: create bolt file %s: %w", path, err)
		}
	}
	db, err := openLocked(path, bopts)
	if err != nil {
		return nil, fmt.Errorf("graph: open bolt file %s: %w", path, err)
	}
	db.DB().NoSync = opts.Scratch
	if !opts.ReadOnly {
		err := kv.Init(db, kvOptions)
		if err == nil {
			err = setQuadIndexes(db, quadIndexes)
		}
		if err != nil && err != graph.ErrDatabaseExists {
			db.Close()
			return nil, fmt.Errorf("graph: init bolt file %s: %w", path, err)
		}
	}
	if db, err = finishNodes(path, db, bopts); err != nil {
		return nil, fmt.Errorf("graph: open bolt file %s: %w", path, err)
	}
	qs, err := kv.New(db, kvOptions)
	if err == nil {
		var s *Store
		if s, err = newStore(qs.(*kv.QuadStore), db); err == nil && !opts.ReadOnly {
			s.noSync = opts.Scratch
			if opts.Fresh {
				err = s.startFresh()
			}
			if err == nil {
				err = s.unpin()
			}
		}
		if err == nil {
			return s, nil
		}
	}
	db.Close()
	return nil, fmt.Errorf("graph: open bolt file %s: %w", path, err)
}

// createInitialized makes the store file at path, if there is none, so
// that it never exists uninitialised: Cayley's kv layout is written into
// a temporary file beside it, which is then linked into place. A process
// killed while creating leaves at most that temporary file, never a bolt
// file that a read-only open would find without its layout; a link, unlike
// a rename, fails where another process created the store first, whose
// file then stands.
func createInitialized(path string, opts *bolt.Options) error {
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		return nil // there is a file (or a problem that opening reports)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".new-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	tmp.Close()
	defer os.Remove(name)
	if err := os.Remove(name); err != nil { // bolt makes its own file
		return err
	}
	db, err := hbolt.Open(name, opts)
	if err != nil {
		return err
	}
	if createInterrupted != nil {
		if err := createInterrupted(); err != nil {
			db.Close()
			return err
		}
	}
	err = kv.Init(db, kvOptions)
	if err == nil {
		err = setQuadIndexes(db, quadIndexes)
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Link(name, path); err != nil && !errors.Is(err, os.ErrExist) {
		return err
	}
	return nil
}

// createInterrupted, when a test sets it, runs once bolt has made the new
// file and before the layout is written; an error it returns stops
// creation there, as a kill would.
var createInterrupted func() error

// openLocked opens the bolt file at path, once bolt holds its lock, and
// again if the file it locked is no longer the one at path: a compaction
// (CompactClose) renamed its copy over the file while this open waited
// for the lock, and writes into the old file would be lost.
func openLocked(path string, opts *bolt.Options) (*hbolt.DB, error) {
	for try := 0; ; try++ {
		before, statErr := os.Stat(path)
		db, err := hbolt.Open(path, opts)
		if err != nil || statErr != nil || try == 10 {
			return db, err
		}
		if now, err := os.Stat(path); err == nil && os.SameFile(before, now) {
			return db, nil
		}
		db.Close()
	}
}

// finishNodes rebuilds the value and count buckets of a fresh store whose
// writer died before it closed it (fresh.go), and returns db, or the file
// opened again as opts say: a read-only open (which cannot write) closes
// the file, opens it for writing to rebuild them, and opens it again.
// On error db is closed.
func finishNodes(path string, db *hbolt.DB, opts *bolt.Options) (*hbolt.DB, error) {
	pending, err := nodesPending(db.DB())
	if err != nil || !pending {
		if err != nil {
			db.Close()
		}
		return db, err
	}
	if !opts.ReadOnly {
		if err := rebuildNodes(db.DB()); err != nil {
			db.Close()
			return nil, err
		}
		return db, nil
	}
	db.Close()
	rw := *opts
	rw.ReadOnly = false
	w, err := openLocked(path, &rw)
	if err != nil {
		return nil, fmt.Errorf("finishing a store an ingest left unfinished: %w", err)
	}
	if pending, err = nodesPending(w.DB()); err == nil && pending {
		err = rebuildNodes(w.DB())
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("finishing a store an ingest left unfinished: %w", err)
	}
	return openLocked(path, opts)
}

// startFresh makes s a fresh store (fresh.go) if it holds nothing yet.
func (s *Store) startFresh() error {
	empty := false
	err := s.w.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil || binary.LittleEndian.Uint64(metaBytes(meta, keyHorizon)) != 0 {
			return nil
		}
		empty = true
		return meta.Put(keyNodesPending, []byte{1})
	})
	if err != nil || !empty {
		return err
	}
	s.w.fresh = &freshNodes{nodes: map[graph.ValueHash]freshNode{}}
	s.w.db.NoSync = true
	return nil
}

// Fresh tells whether the store started empty in this process and keeps
// its value and count buckets in memory until it is closed (fresh.go):
// every quad in it was then written by this process, through this Store.
func (s *Store) Fresh() bool { return s.w.fresh != nil }

// Close closes the store, writing first the value and count buckets of a
// fresh store.
func (s *Store) Close() error {
	err := s.flushFresh(true)
	if cerr := s.QuadStore.Close(); err == nil {
		err = cerr
	}
	return err
}

// newStore wraps Cayley's kv quad store qs on the file db.
func newStore(qs *kv.QuadStore, db *hbolt.DB) (*Store, error) {
	list, err := readQuadIndexes(db)
	if err != nil {
		return nil, err
	}
	cache := &refCache{}
	w := &kvWriter{db: db.DB(), indexes: list, ids: cache}
	return &Store{QuadStore: qs, db: db, indexes: list, cache: cache, w: w}, nil
}

// pinNode is the subject, predicate and label prefix of the pin quads
// that earlier versions wrote around Cayley's kv writer (which dropped a
// direction of an added quad whose node lost more references than it
// gained in a batch); a crash could leave some behind.
const pinNode = quad.IRI("urn:newsgraph:kv-pin")

// unpin deletes pin quads a crash left behind.
func (s *Store) unpin() error {
	var left []graph.Delta
	it := s.Reader(context.Background()).Quads(quad.Subject, pinNode, nil)
	for it.Next() {
		left = append(left, graph.Delta{Quad: it.Quad(), Action: graph.Delete})
	}
	if err := it.Close(); err != nil || len(left) == 0 {
		return err
	}
	return s.w.apply(left, graph.IgnoreOpts{IgnoreMissing: true})
}

// Version identifies the state of the store: its meta bucket's horizon
// (the last id given) and size (the number of live quads), which change
// with every write, through this package's writer or Cayley's.
func (s *Store) Version() (string, bool, error) {
	var out string
	err := s.w.db.View(func(tx *bolt.Tx) error {
		if meta := tx.Bucket(bucketMeta); meta != nil {
			out = string(metaBytes(meta, keyHorizon)) + string(metaBytes(meta, keySize))
		}
		return nil
	})
	return out, err == nil, err
}

// WriteStats returns the write transactions committed since Open and the
// bytes of pages they wrote: bolt writes every page a transaction
// changes in full, so the bytes per quad tell how well transactions
// share pages.
func (s *Store) WriteStats() (transactions, pageBytes int64, ok bool) {
	st := s.w.db.Stats()
	return s.w.commits.Load(), int64(st.TxStats.PageAlloc), true
}

// DB returns the bolt file, for tests and measurements.
func (s *Store) DB() *bolt.DB { return s.w.db }

// ResetCache forgets the cached node ids and values, so that the next
// reads read them from the file (for tests and measurements).
func (s *Store) ResetCache() { s.cache.reset() }

// refCache keeps the values of node ids (which never change: ids are not
// reused) and the ids of values (kept exact by kvWriter, through which
// every write goes: it publishes the ids each write makes and removes).
// Both are bounded: a full map is emptied.
type refCache struct {
	mu     sync.Mutex
	values map[kv.Int64Value]quad.Value
	ids    idMap                 // 0: not stored
	counts map[string]graph.Size // index prefix sizes, for the query planner
	gen    uint64                // writes that published ids
}

// idMap holds the ids of values, IRIs and strings (nearly all of them) in
// maps keyed by their text: hashing a string is cheaper than hashing an
// interface value, which goes through its type's hash function.
type idMap struct {
	iris  map[quad.IRI]kv.Int64Value
	strs  map[quad.String]kv.Int64Value
	other map[quad.Value]kv.Int64Value
	n     int // entries in the three maps
}

// get returns the id kept for v.
func (m *idMap) get(v quad.Value) (kv.Int64Value, bool) {
	var id kv.Int64Value
	var ok bool
	switch x := v.(type) {
	case quad.IRI:
		id, ok = m.iris[x]
	case quad.String:
		id, ok = m.strs[x]
	default:
		id, ok = m.other[v]
	}
	return id, ok
}

// set keeps id for v, emptying the maps first when they hold max entries.
func (m *idMap) set(v quad.Value, id kv.Int64Value, max int) {
	if m.n >= max || m.iris == nil {
		*m = idMap{iris: make(map[quad.IRI]kv.Int64Value, 1024), strs: make(map[quad.String]kv.Int64Value, 1024),
			other: map[quad.Value]kv.Int64Value{}}
	}
	switch x := v.(type) {
	case quad.IRI:
		m.n += putID(m.iris, x, id)
	case quad.String:
		m.n += putID(m.strs, x, id)
	default:
		m.n += putID(m.other, v, id)
	}
}

// putID sets ids[k] to id and returns the entries it added (0 or 1).
func putID[K comparable](ids map[K]kv.Int64Value, k K, id kv.Int64Value) int {
	n := len(ids)
	ids[k] = id
	return len(ids) - n
}

const refCacheSize = 1 << 18

// reset empties the cache.
func (c *refCache) reset() {
	c.mu.Lock()
	c.values, c.ids, c.counts = nil, idMap{}, nil
	c.gen++
	c.mu.Unlock()
}

// value returns the cached value of node id.
func (c *refCache) value(id kv.Int64Value) (quad.Value, bool) {
	c.mu.Lock()
	v, ok := c.values[id]
	c.mu.Unlock()
	return v, ok
}

// values4 sets vals to the cached values of ids (0: no node), with one
// lock, and tells whether any is missing.
func (c *refCache) values4(ids *[4]kv.Int64Value, vals *[4]quad.Value) bool {
	missing := false
	c.mu.Lock()
	for j, id := range ids {
		if id == 0 {
			continue
		}
		v, ok := c.values[id]
		vals[j] = v
		missing = missing || !ok
	}
	c.mu.Unlock()
	return missing
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
	id, ok := c.ids.get(v)
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
	c.ids.set(v, kv.Int64Value(id), refCacheSize)
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
