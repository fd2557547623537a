package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"

	"github.com/boltdb/bolt"
	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// Environment variables giving the defaults of --db and --dbpath.
const (
	envDB     = "NEWSGRAPH_DB"
	envDBPath = "NEWSGRAPH_DBPATH"
)

// storeFlags are the flags of every command that opens the store.
type storeFlags struct {
	backend string
	path    string
	base    string
	fresh   bool // the bolt file is new, for this command to fill (graph.Config.Fresh)
}

func (f *storeFlags) register(fs *pflag.FlagSet, env *Env) {
	backend := env.getenv(envDB)
	if backend == "" {
		backend = graph.BackendBolt
	}
	path := env.getenv(envDBPath)
	if path == "" {
		path = graph.DefaultPath
	}
	fs.StringVar(&f.backend, "db", backend, "store `BACKEND`: bolt, memory or postgres ($"+envDB+" sets the default)")
	fs.StringVar(&f.path, "dbpath", path, "bolt database `FILE`, or postgres connection string ($"+envDBPath+" sets the default)")
	fs.StringVar(&f.base, "base", schema.DefaultBase, "`IRI` prefix of the nodes newsgraph mints")
}

// config checks the flags and returns the store configuration.
func (f *storeFlags) config(readOnly bool) (graph.Config, error) {
	switch f.backend {
	case graph.BackendBolt, graph.BackendMemory, graph.BackendPostgres:
	default:
		return graph.Config{}, usagef("--db: unknown backend %q (want bolt, memory or postgres)", f.backend)
	}
	if f.path == "" && f.backend != graph.BackendMemory {
		return graph.Config{}, usagef("--dbpath is empty")
	}
	if f.base == "" {
		return graph.Config{}, usagef("--base is empty")
	}
	return graph.Config{Backend: f.backend, Path: f.path, Base: f.base, ReadOnly: readOnly, Fresh: f.fresh && !readOnly}, nil
}

// open opens the store the flags describe. A read-only bolt store must
// exist already.
func (f *storeFlags) open(ctx context.Context, readOnly bool) (*graph.Store, error) {
	cfg, err := f.config(readOnly)
	if err != nil {
		return nil, err
	}
	if readOnly && cfg.Backend == graph.BackendBolt {
		if _, err := os.Stat(cfg.Path); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such database (run 'newsgraph ingest' first, or give --dbpath)", cfg.Path)
		}
	}
	if cfg.Backend == graph.BackendPostgres && !readOnly {
		// graph.Open creates Cayley's tables in an empty database; two
		// processes doing so at once would collide.
		release, err := lockPostgresInit(ctx, cfg.Path)
		if err != nil {
			return nil, err
		}
		defer release()
	}
	s, err := graph.Open(ctx, cfg)
	if err != nil {
		if cfg.Backend == graph.BackendBolt && errors.Is(err, bolt.ErrTimeout) {
			return nil, lockedError(cfg.Path, readOnly)
		}
		return nil, err
	}
	return s, nil
}

// boltExists returns an error naming the bolt file of the flags if it is
// not there: a command that writes an existing store would otherwise
// create an empty one by opening it.
func (f *storeFlags) boltExists() error {
	if _, err := os.Stat(f.path); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s: no such database (give --dbpath)", f.path)
	}
	return nil
}

// initLockKey is the PostgreSQL advisory lock held while a writer opens
// (and perhaps initialises) the store.
const initLockKey = 0x6e6577736769 // "newsgi"

// lockPostgresInit takes the advisory lock that serialises the opening of
// the store by writers, so that concurrent first runs of ingest on an
// empty database do not both create the tables. It returns the release.
func lockPostgresInit(ctx context.Context, dsn string) (func(), error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, fmt.Errorf("graph: postgres: %w", err)
	}
	conn, err := db.Conn(ctx)
	if err == nil {
		if _, err = conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, initLockKey); err != nil {
			conn.Close()
		}
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("graph: postgres: %w", err)
	}
	return func() {
		conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, initLockKey)
		conn.Close()
		db.Close()
	}, nil
}

// lockedError explains a bolt file that another process holds. BoltDB
// locks its file: one process writing it (ingest) excludes every other,
// while any number of processes may read it at once (serve, query,
// events, stats, export). graph.Open waits a few seconds for the lock
// before giving up.
func lockedError(path string, readOnly bool) error {
	if readOnly {
		return fmt.Errorf("%s is locked by another process that is writing it (ingest?): a bolt file has one writer or any number of readers at a time; wait for the writer to finish, or use --db postgres to read while ingesting", path)
	}
	return fmt.Errorf("%s is in use by another process (ingest, or serve, query… reading it): a bolt file has one writer or any number of readers at a time; wait for them to finish, or use --db postgres to write while serving", path)
}

// where names the store for messages.
func (f *storeFlags) where() string {
	switch f.backend {
	case graph.BackendMemory:
		return "memory"
	case graph.BackendPostgres:
		return "postgres"
	}
	return f.path
}
