package graph

import (
	"context"
	dsql "database/sql"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/graph/sql/postgres"

	"github.com/newsgraph/newsgraph/graph/internal/boltkv"
	"github.com/newsgraph/newsgraph/graph/internal/pgsql"
	"github.com/newsgraph/newsgraph/graph/internal/storage"
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
	// Fresh marks a new bolt file that this process fills from empty and
	// closes when done, such as the store an ingest creates: the value
	// and count buckets of Cayley's layout (a node's id and reference
	// count by the hash of its value) are kept in memory and written
	// once, in key order, by Close or CloseCompacted, and commits are
	// synced only then. A process that dies before it closes the store
	// leaves its committed documents in the file, and the next Open
	// (read-only too) rebuilds those buckets from Cayley's log. Fresh has
	// no effect on a store that holds quads.
	Fresh bool
}

// ErrReadOnly is returned by Put on a store opened with Config.ReadOnly.
var ErrReadOnly = errors.New("graph: store is read-only")

// Store is a newsgraph knowledge graph on top of a Cayley quad store. It is
// safe for concurrent use; writes are serialised, but on PostgreSQL only
// where they touch the same nodes (pglock.go).
type Store struct {
	qs       graph.QuadStore // for queries, and all writes
	st       storage.Store   // qs with the reads Put makes
	base     string
	backend  string
	readOnly bool
	pg       *dsql.DB // postgres: for the advisory locks of writers (pglock.go)
	lockSalt string   // postgres: the schema, which lock keys are hashed within
	maxLocks int      // postgres: the most locks one write takes (lockBudget)
	pgDSN    string   // postgres: the connection string, for CopyQuads

	eventReads atomic.Int64 // event nodes read in full (EventReads)
	listings   listingCache // the ordered events of each class, where the backend has versions

	// legacyFusion is set for a store written before fused events had
	// fusion keys: Put then finds candidate events by listing every
	// event of a participant, as those versions did.
	legacyFusion bool
	// participantKeys is set for a store that holds fusion keys of one
	// participant each (ng:fusionKey), written before ng:fusionTime:
	// Put looks them up too.
	participantKeys bool
	// fusionKeys, when not nil, holds every fusion key the store may
	// hold (fusionkeys.go): set for a fresh bolt store, which this
	// process alone has written since it was empty.
	fusionKeys keySet
	// lastSizes are the sizes of the last write's pending changes, at
	// which the next write's are made (pendingSizes).
	lastSizes atomic.Pointer[pendingSizes]
	// calendar is set for a store whose fused events are dated in its
	// calendar (calendar.go): one that holds a calendar, or no event
	// yet. Put then keeps the calendar, and listings read it.
	calendar bool
	// rowByRow makes readers read one node at a time even where the
	// backend reads in batches (prefetch.go), for tests that compare
	// the two.
	rowByRow bool
	// fullReads makes readers read every event in full, not from its
	// listing row (rows.go), for tests that compare the two.
	fullReads bool

	// mu serialises Put (which reads, fuses and writes as one step) and
	// keeps readers off the memory backend while it changes; on
	// PostgreSQL, Put only shares it, and locks in the database what it
	// touches (pglock.go).
	mu sync.RWMutex
}

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
		path := cfg.Path
		if path == "" {
			path = DefaultPath
		}
		var f *boltkv.Store
		if f, err = boltkv.Open(path, boltkv.Options{ReadOnly: cfg.ReadOnly, Scratch: cfg.Scratch, Fresh: cfg.Fresh && !cfg.ReadOnly}); err == nil {
			s.qs = f
			if f.Fresh() {
				s.fusionKeys = keySet{}
			}
		}
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
	if s.pg != nil {
		s.st = pgsql.Store{QuadStore: s.qs, DB: s.pg}
		err := s.pg.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&s.lockSalt)
		if err == nil {
			s.maxLocks, err = lockBudget(ctx, s.pg)
		}
		if err == nil && !cfg.ReadOnly {
			err = createWriteSeq(ctx, s.pg)
		}
		if err != nil {
			s.qs.Close()
			s.pg.Close()
			return nil, fmt.Errorf("graph: postgres: %w", err)
		}
	} else {
		s.st = storage.For(s.qs)
	}
	s.participantKeys = s.qs.ValueOf(schema.FusionKey) != nil
	s.legacyFusion = !s.participantKeys && s.qs.ValueOf(schema.FusionTime) == nil && s.qs.ValueOf(schema.Event) != nil
	if s.calendar, err = s.hasCalendar(ctx); err != nil {
		s.qs.Close()
		if s.pg != nil {
			s.pg.Close()
		}
		return nil, err
	}
	return s, nil
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
			err := csql.Init(postgres.Type, cfg.Path, graph.Options{"db_fill_factor": pgIndexFill})
			if err == nil {
				_, err = db.ExecContext(ctx, pgLeanIndexes)
			}
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
	sqs, ok := qs.(*csql.QuadStore)
	if !ok {
		qs.Close()
		db.Close()
		return nil, nil, fmt.Errorf("graph: open postgres: unexpected quad store %T", qs)
	}
	// paths from many nodes are one statement (pgsql.Queries)
	return pgsql.NewQueries(sqs, db), db, nil
}

// pgIndexFill is the fill factor of the B-tree indexes of table quads in
// a store newsgraph creates (by subject, by object, by predicate). Cayley
// makes its indexes with 50, which leaves every page an index build
// writes half empty (a bulk load builds them once, over all its rows): 90
// is PostgreSQL's own default. Keys are value hashes, so later
// insertions land all over an index, and split pages half and half
// whatever the factor.
const pgIndexFill = 90

// pgLeanIndexes leaves table quads, just made by Cayley, with the indexes
// its readers and writers need, each as small as PostgreSQL stores it.
// Cayley's layout holds every quad four times more besides its primary
// key on a row number: a unique index on the whole quad and three indexes
// of three value hashes each (20 bytes a hash), each about as large as
// the table.
//
//   - One B-tree on a single column for each direction a read gives:
//     quads_subject, quads_object and quads_predicate. Many quads share
//     a subject, an object or a predicate, and PostgreSQL keeps a key
//     once with the list of its rows (deduplication, PostgreSQL 13 and
//     later), which it cannot do for keys of three hashes, all distinct:
//     at 1k generated articles the three take 3.2 MB where Cayley's
//     ops_index, pos_index and spo_index took 7.1 MB each. A read of two
//     directions (object and predicate, subject and predicate) scans the
//     index of the first and checks the other in the row, or combines
//     two indexes' bitmaps; Cayley's SQL, newsgraph's own reads
//     (internal/pgsql) and the examples give a subject or an object, and
//     the predicate, rarely a predicate alone.
//   - quads_unique keeps every quad once, its label included (a quad
//     without a label is one too: the composite quad_key compares NULLs
//     as equal), as Cayley's spo_unique and spol_unique did: an exclusion
//     constraint over a hash index, which holds a 4-byte hash a row rather
//     than the four hashes. Cayley's writer and the bulk load insert with
//     ON CONFLICT DO NOTHING, which an exclusion constraint serves as a
//     unique index does. Its fill factor is 100: a hash index has a power
//     of two of buckets, and at 75 (the default) a bulk-built one was
//     twice as large (4.2 against 2.1 MB at 1k); later rows split buckets
//     one at a time.
//   - Column horizon and its primary key stay (8 bytes a row and an
//     index as large as a single-column one): no reader asks for a row
//     by its number, but it tells the order rows were written in, which
//     tests of concurrent writers read.
//
// The bulk load rebuilds the indexes and constraints it finds.
var pgLeanIndexes = fmt.Sprintf(`DROP INDEX spo_index, osp_index, ops_index, pos_index, spo_unique, spol_unique;
CREATE TYPE quad_key AS (subject_hash BYTEA, predicate_hash BYTEA, object_hash BYTEA, label_hash BYTEA);
CREATE INDEX quads_subject ON quads (subject_hash) WITH (FILLFACTOR = %[1]d);
CREATE INDEX quads_object ON quads (object_hash) WITH (FILLFACTOR = %[1]d);
CREATE INDEX quads_predicate ON quads (predicate_hash) WITH (FILLFACTOR = %[1]d);
ALTER TABLE quads ADD CONSTRAINT quads_unique EXCLUDE USING hash
	((ROW(subject_hash, predicate_hash, object_hash, label_hash)::quad_key) WITH =) WITH (FILLFACTOR = 100);`, pgIndexFill)

// writeLockKey returns the PostgreSQL advisory lock of the whole store
// in schema salt (its lockSalt): Put shares it (and locks what it
// touches, pglock.go), Delete and the bulk load take it exclusively.
// Stores in other schemas of the database have other keys, and do not
// wait for each other.
func writeLockKey(salt string) int64 { return lockKey(salt, keyStoreWide) }

// lockWriters takes the cross-process write lock exclusively where the
// backend needs one (postgres; a file is locked by its single writer,
// memory is private), and returns its release.
func (s *Store) lockWriters(ctx context.Context) (func(), error) {
	if s.pg == nil {
		return func() {}, nil
	}
	conn, err := s.pg.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, writeLockKey(s.lockSalt)); err != nil {
		conn.Close()
		return nil, err
	}
	return func() {
		conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, writeLockKey(s.lockSalt))
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

// CompactStats tells what CloseCompacted did: the bytes of the file
// before and after, and the time it took.
type CompactStats = boltkv.CompactStats

// CloseCompacted closes the store and, for a bolt store that is not
// read-only, leaves in place of its file a compact copy: the same buckets,
// keys and values, written in key order into pages filled whole and
// without free pages (ok reports whether it did). What the store holds
// and answers is unchanged; the file a run of write transactions leaves
// (an ingest) shrinks by about a third.
func (s *Store) CloseCompacted() (st CompactStats, ok bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, compactable := s.qs.(interface {
		CompactClose() (boltkv.CompactStats, error)
	})
	if !compactable || s.readOnly {
		err := s.qs.Close()
		if s.pg != nil {
			s.pg.Close()
		}
		return st, false, err
	}
	st, err = c.CompactClose()
	return st, err == nil, err
}

// WriteStats counts what writing a store has cost since it was opened,
// where the backend counts it (a single file, which writes every page a
// transaction changes in full, so that the bytes written per quad tell
// how well transactions share pages).
type WriteStats struct {
	Transactions int64 // write transactions committed
	PageBytes    int64 // bytes of pages written by them
}

// WriteStats returns the write costs of the store since Open, and false
// for a backend that does not count them (memory, postgres).
func (s *Store) WriteStats() (WriteStats, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	tx, pages, ok := s.st.WriteStats()
	return WriteStats{Transactions: tx, PageBytes: pages}, ok
}

// QuadStore returns Cayley's quad store, for queries, export and serving.
// Writes must go through Put, which keeps documents and fused events
// consistent.
func (s *Store) QuadStore() graph.QuadStore { return s.qs }

// Base returns the IRI prefix of the nodes the store mints.
func (s *Store) Base() string { return s.base }
