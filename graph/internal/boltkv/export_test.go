package boltkv

import (
	"context"

	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
)

// Exported for the tests of package boltkv_test (planner_test.go), which
// fill a store through the graph package.

// PrefixCountLimit is prefixCountLimit.
const PrefixCountLimit = prefixCountLimit

// OptimizeNodes is optimizeNodes.
func (s *Store) OptimizeNodes(qa shape.QuadsAction) (shape.Shape, bool) { return s.optimizeNodes(qa) }

// CountPrefix is countPrefix on the index that leads with dirs.
func (s *Store) CountPrefix(ctx context.Context, dirs []quad.Direction, vals []uint64, limit int64) (int64, bool, error) {
	ind, _ := s.bestIndex(dirs)
	return s.countPrefix(ctx, ind, vals, limit)
}

// InterruptCreate makes the next creations of a store stop with err
// after bolt has made its file and before Cayley's layout is in it, and
// returns the function that undoes it.
func InterruptCreate(err error) (undo func()) {
	createInterrupted = func() error { return err }
	return func() { createInterrupted = nil }
}

// Counted returns the index entries read to size prefixes so far.
func (s *Store) Counted() int64 { return s.counted.Load() }
