package export_test

import (
	"context"
	"fmt"
	"os"

	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph/export"
)

func ExampleWrite() {
	qs := memstore.New(
		quad.Quad{
			Subject:   quad.IRI("https://newsgraph.org/id/event/1"),
			Predicate: quad.IRI("https://newsgraph.org/ns#killed"),
			Object:    quad.Int(12), // native values become standard typed literals
			Label:     quad.IRI("https://newsgraph.org/id/doc/1"),
		},
		quad.Quad{
			Subject:   quad.IRI("https://newsgraph.org/id/event/1"),
			Predicate: quad.IRI("https://newsgraph.org/ns#confirmed"),
			Object:    quad.Bool(true),
		},
	)
	if err := export.Write(context.Background(), qs, os.Stdout, "nquads"); err != nil {
		fmt.Println("error:", err)
	}
	// Output:
	// <https://newsgraph.org/id/event/1> <https://newsgraph.org/ns#killed> "12"^^<http://www.w3.org/2001/XMLSchema#integer> <https://newsgraph.org/id/doc/1> .
	// <https://newsgraph.org/id/event/1> <https://newsgraph.org/ns#confirmed> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .
}
