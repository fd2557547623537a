package graph

import (
	"context"
	dsql "database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"

	"github.com/newsgraph/newsgraph/schema"
)

// Backends Open knows.
const (
	// BackendBolt keeps the graph in one BoltDB file (the default).
	BackendBolt = "bolt"
	// BackendMemory keeps the graph in memory, for tests and one-off runs.
	BackendMemory = "memory"
	// BackendPostgres keeps the graph in PostgreSQL, through Cayley's SQL
	// backend (tables nodes and quads in the connection's search_path).
	BackendPostgres = "postgres"
)

// DefaultPath is the bolt file Open uses when Config.Path is empty.
const DefaultPath = "newsgraph.db"

// Config says which store to open.
type Config struct {
	// Backend is "bolt" (default), "memory" or "postgres".
	Backend string
	// Path is, for bolt, the database file (default DefaultPath); for
	// postgres, the connection string, e.g.
	// "postgres://root@127.0.0.1:5432/test?sslmode=disable" (a search_path
	// parameter selects the schema).
	Path string
	// Base is the IRI prefix of the nodes the store mints, through
	// package schema (documents, entities, reports, events); default
	// schema.DefaultBase.
	Base string
	// ReadOnly opens an existing store for reading only: Put fails, and a
	// missing bolt file is an error rather than created.
	ReadOnly bool
	// Scratch marks a bolt store whose loss in a crash of the machine
	// does not matter, such as ingest --bulk's staging file: its commits
	// are not synced to disk (bolt's NoSync), so that they do not wait
	// for the disk. A store that must survive a crash of the machine
	// (power loss, kernel panic) must not set it; a crash of the process
	// alone loses nothing committed either way.
	Scratch bool
}

// ErrReadOnly is returned by Put on a store opened with Config.ReadOnly.
var ErrReadOnly = errors.New("graph: store is read-only")

// Store is a newsgraph knowledge graph on top of a Cayley quad store. It is
// safe for concurrent use; writes are serialised.
type Store struct {
	qs       graph.QuadStore
	query    graph.QuadStore // qs as queries see it (bolt: with real sizes for the planner)
	kvdb     hkv.KV          // bolt: the key-value store under qs
	kvw      *kvWriter       // bolt: writes and resolves node ids (Cayley's kv layout)
	base     string
	backend  string
	readOnly bool
	pg       *dsql.DB // postgres: for the advisory lock that serialises writers
	pgDSN    string   // postgres: the connection string, for CopyQuads

	refs refCache // kv: node ids and values, for Put's reads

	eventReads atomic.Int64 // event nodes read in full (EventReads)
	listings   listingCache // bolt: the ordered events of each class

	// legacyFusion is set for a store written before fused events had
	// fusion keys: Put then finds candidate events by listing every
	// event of a participant, as those versions did.
	legacyFusion bool

	// mu serialises Put (which reads, fuses and writes as one step) and
	// keeps readers off the memory backend while it changes.
	mu sync.RWMutex
}

// kvOptions turns off the kv backend's in-memory bloom filter of existing
// quads: it is filled by scanning the whole store at every open, which
// costs more than it saves for a store opened once per command.
var kvOptions = graph.Options{kv.OptNoBloom: true}

// Open opens the store cfg describes, creating (initialising) it on first
// use unless cfg.ReadOnly is set.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	s := &Store{base: cfg.Base, backend: cfg.Backend, readOnly: cfg.ReadOnly}
	if s.base == "" {
		s.base = schema.DefaultBase
	}
	if s.backend == "" {
		s.backend = BackendBolt
	}
	var err error
	switch s.backend {
	case BackendBolt:
		s.qs, s.kvdb, err = openBolt(cfg)
	case BackendMemory:
		s.qs = memstore.New()
	case BackendPostgres:
		s.qs, s.pg, err = openPostgres(ctx, cfg)
		s.pgDSN = cfg.Path
	default:
		err = fmt.Errorf("graph: unknown backend %q (want %s, %s or %s)", s.backend, BackendBolt, BackendMemory, BackendPostgres)
	}
	if err != nil {
		return nil, err
	}
	s.query = s.qs
	s.legacyFusion = s.qs.ValueOf(schema.FusionKey) == nil && s.qs.ValueOf(schema.Event) != nil
	if k, ok := s.qs.(*kv.QuadStore); ok && s.kvdb != nil {
		list, err := readQuadIndexes(s.kvdb)
		if err != nil {
			s.qs.Close()
			return nil, fmt.Errorf("graph: open %s: %w", cfg.Path, err)
		}
		s.kvw = &kvWriter{db: s.kvdb.(*hbolt.DB).DB(), indexes: list, ids: &s.refs}
		s.query = newPlannedStore(k, s.kvdb, list, s.kvw)
	}
	return s, nil
}

// quadIndexes are the quad indexes of a new bolt store. They hold Cayley's
// two defaults (subject–predicate for forward traversals, object–
// predicate–subject for reverse ones and whole-quad lookups) and a third
// that starts with the predicate (without it, Cayley's kv backend answers
// "every quad with predicate P", an Out or In step from a computed set of
// nodes, by scanning the whole store), each extended to all four
// directions, so that an index key is a whole quad. Cayley reads any
// prefix of them as it reads its own. Whole-quad keys make the indexes
// live (kvwrite.go): a scan takes its quads from the keys, without
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
// one holds whole quads (kvwrite.go).
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

// boltMmapSize is the initial size of a bolt file's memory mapping.
const boltMmapSize = 1 << 30

// openBolt opens hidalgo's bolt KV on the single file cfg.Path and wraps it
// with Cayley's kv quad store (Cayley's own bolt registration would want a
// directory holding indexes.bolt).
func openBolt(cfg Config) (graph.QuadStore, hkv.KV, error) {
	path := cfg.Path
	if path == "" {
		path = DefaultPath
	}
	if cfg.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, nil, fmt.Errorf("graph: open read-only: %w", err)
		}
	}
	// A large initial mapping spares bolt remapping the file (and
	// copying its pages) again and again as a store grows; it reserves
	// address space, not memory.
	db, err := hbolt.Open(path, &bolt.Options{Timeout: 5 * time.Second, ReadOnly: cfg.ReadOnly, InitialMmapSize: boltMmapSize})
	if err != nil {
		return nil, nil, fmt.Errorf("graph: open bolt file %s: %w", path, err)
	}
	db.DB().NoSync = cfg.Scratch
	if !cfg.ReadOnly {
		err := kv.Init(db, kvOptions)
		if err == nil {
			err = setQuadIndexes(db, quadIndexes)
		}
		if err != nil && err != graph.ErrDatabaseExists {
			db.Close()
			return nil, nil, fmt.Errorf("graph: init bolt file %s: %w", path, err)
		}
	}
	qs, err := kv.New(db, kvOptions)
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("graph: open bolt file %s: %w", path, err)
	}
	return qs, db, nil
}

// openPostgres creates Cayley's tables unless they exist, then opens
// Cayley's SQL quad store, and a connection pool of its own for locking.
func openPostgres(ctx context.Context, cfg Config) (graph.QuadStore, *dsql.DB, error) {
	if cfg.Path == "" {
		return nil, nil, errors.New("graph: postgres needs a connection string in Config.Path")
	}
	db, err := dsql.Open("postgres", cfg.Path)
	if err == nil {
		err = db.PingContext(ctx)
	}
	if err != nil {
		if db != nil {
			db.Close()
		}
		return nil, nil, fmt.Errorf("graph: postgres: %w", err)
	}
	if !cfg.ReadOnly {
		var exists bool
		// Checked first so that Cayley does not log a failed CREATE TABLE
		// at every open.
		if err := db.QueryRowContext(ctx, `SELECT to_regclass('quads') IS NOT NULL`).Scan(&exists); err != nil {
			db.Close()
			return nil, nil, fmt.Errorf("graph: postgres: %w", err)
		}
		if !exists {
			err := csql.Init(postgres.Type, cfg.Path, nil)
			if err != nil && err != graph.ErrDatabaseExists {
				db.Close()
				return nil, nil, fmt.Errorf("graph: init postgres: %w", err)
			}
		}
	}
	qs, err := csql.New(postgres.Type, cfg.Path, nil)
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("graph: open postgres: %w", err)
	}
	return qs, db, nil
}

// writeLockKey is the PostgreSQL advisory lock Put holds, so that
// processes writing to one database fuse events one at a time.
const writeLockKey = 0x6e6577736772 // "newsgr"

// lockWriters takes the cross-process write lock where the backend needs
// one (postgres; a bolt file is locked by its single writer, memory is
// private), and returns its release.
func (s *Store) lockWriters(ctx context.Context) (func(), error) {
	if s.pg == nil {
		return func() {}, nil
	}
	conn, err := s.pg.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, writeLockKey); err != nil {
		conn.Close()
		return nil, err
	}
	return func() {
		conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, writeLockKey)
		conn.Close()
	}, nil
}

// Close closes the underlying quad store.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.qs.Close()
	if s.pg != nil {
		s.pg.Close()
	}
	return err
}

// WriteStats counts what writing a bolt store has cost since it was
// opened: bolt writes every page a transaction changes in full, so the
// bytes written per quad tell how well transactions share pages.
type WriteStats struct {
	Transactions int64 // write transactions committed
	PageBytes    int64 // bytes of pages written by them
}

// WriteStats returns the write costs of a bolt store since Open, and
// false for the other backends.
func (s *Store) WriteStats() (WriteStats, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.kvw == nil {
		return WriteStats{}, false
	}
	st := s.kvw.db.Stats()
	return WriteStats{Transactions: s.kvw.commits, PageBytes: int64(st.TxStats.PageAlloc)}, true
}

// QuadStore returns Cayley's quad store, for queries, export and serving.
// Writes must go through Put, which keeps documents and fused events
// consistent.
func (s *Store) QuadStore() graph.QuadStore { return s.query }

// Base returns the IRI prefix of the nodes the store mints.
func (s *Store) Base() string { return s.base }
