package main

import (
	"context"
	"errors"
	"fmt"
	"os"

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
	return graph.Config{Backend: f.backend, Path: f.path, Base: f.base, ReadOnly: readOnly}, nil
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
	s, err := graph.Open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return s, nil
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
