// Package storage is what the graph store needs of a quad store beyond
// Cayley's graph.QuadStore: the reads a write makes before it writes,
// and the store's state for caches. Any Cayley quad store has them
// through Cayley's own API (For wraps it); a store with a faster way
// implements Store itself, and For finds it, as io.Copy finds an
// io.WriterTo.
package storage

import (
	"context"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Store is a quad store with the reads a write makes.
type Store interface {
	graph.QuadStore
	// Reader returns a reader of the stored quads.
	Reader(ctx context.Context) Reader
	// Version identifies the state of the store: it changes with every
	// write, by this process or another. ok is false where the store
	// has no such figure (nothing read from it may then be cached).
	Version() (v string, ok bool, err error)
	// WriteStats returns the write transactions committed since the
	// store was opened and the bytes of pages they wrote, and false
	// where the store does not count them.
	WriteStats() (transactions, pageBytes int64, ok bool)
}

// Reader reads stored quads (not the pending changes of a write). Its
// listings are read with Next until it returns false, then closed. A
// Reader is not safe for concurrent use.
type Reader interface {
	// Quads lists the quads with value val in direction dir (subject or
	// object) and, if pred is not nil, predicate pred.
	Quads(dir quad.Direction, val, pred quad.Value) Iterator
	// Except lists the quads with subject subj, except those whose
	// predicate is one of skip and whose object is not keep (which a
	// store with a predicate index does not read at all: a hub node has
	// thousands of them).
	Except(subj quad.Value, skip []quad.Value, keep quad.Value) Iterator
	// Only lists the quads with subject subj whose predicate is one of
	// preds (which a store with a subject–predicate index reads without
	// reading the values of the others: an entity has relations it need
	// not show).
	Only(subj quad.Value, preds []quad.Value) Iterator
	// Copies lists the quads that state triple t (its label ignored),
	// under any label.
	Copies(t quad.Quad) Iterator
	// Labelled lists the quads with predicate pred and label label (any
	// label when nil).
	Labelled(pred, label quad.Value) Iterator
	// ScansPredicates reports whether Labelled reads an index of the
	// predicate rather than every quad.
	ScansPredicates() bool
	// Quad returns the quad a quad reference of the store stands for.
	Quad(r graph.Ref) quad.Quad
	// Share makes the reads until Release share one read transaction,
	// where the store has transactions.
	Share()
	// Release ends the shared read transaction, if one is open; the
	// store must not be written while one is.
	Release() error
}

// Iterator is a listing of quads, in the style of bufio.Scanner, so that
// the caller's loop body stays on its own stack.
type Iterator interface {
	// Next moves to the next quad, false at the end or on an error.
	Next() bool
	// Quad returns the current quad.
	Quad() quad.Quad
	// Close ends the listing and returns its first error. It is called
	// once, and the iterator is not used after it (the reader may reuse
	// it).
	Close() error
}

// For returns qs as a Store: qs itself if it is one, otherwise qs
// read through Cayley's API.
func For(qs graph.QuadStore) Store {
	if s, ok := qs.(Store); ok {
		return s
	}
	return cayley{qs}
}

// cayley is a quad store read through Cayley's API.
type cayley struct {
	graph.QuadStore
}

func (c cayley) Reader(ctx context.Context) Reader { return &Generic{QS: c.QuadStore, Ctx: ctx} }

func (cayley) Version() (string, bool, error) { return "", false, nil }

func (cayley) WriteStats() (int64, int64, bool) { return 0, 0, false }

// Select names the quads of one batched read: those with one of Values
// in direction Dir (subject or object) and, if Preds is not empty, one of
// Preds as predicate.
type Select struct {
	Dir    quad.Direction
	Values []quad.Value
	Preds  []quad.Value
}

// Batcher is a Reader that reads the quads of many nodes at once, for a
// store where each read is a round trip to a server (PostgreSQL): a page
// of events is read with a few batches rather than thousands of reads.
// Callers find it by type assertion, as io.Copy finds an io.WriterTo; a
// store whose reads are local (bolt, memory) does not implement it.
type Batcher interface {
	Reader
	// Batch returns, for each of sels, the stored quads it selects.
	Batch(sels []Select) ([][]quad.Quad, error)
}
