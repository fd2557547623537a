package boltkv

import "github.com/cayleygraph/cayley/graph/shape"

// Exported for the tests of package boltkv_test (planner_test.go), which
// fill a store through the graph package.

// PrefixCountLimit is prefixCountLimit.
const PrefixCountLimit = prefixCountLimit

// OptimizeNodes is optimizeNodes.
func (s *Store) OptimizeNodes(qa shape.QuadsAction) (shape.Shape, bool) { return s.optimizeNodes(qa) }
