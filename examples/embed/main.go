// Command embed shows newsgraph used as a library: it ingests the example
// articles into a bolt file, lists the attacks fused across sources with
// each source's casualty figures, and asks the graph who Pakistan struck.
//
//	go run ./examples/embed [-db FILE] [ARTICLES_DIR]
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph"
)

func main() {
	db := flag.String("db", "embed-example.db", "bolt `file` to write")
	flag.Parse()
	dir := "examples/articles"
	if flag.NArg() > 0 {
		dir = flag.Arg(0)
	}
	ctx := context.Background()
	g, err := newsgraph.Open(ctx, graph.Config{Backend: "bolt", Path: *db})
	if err != nil {
		log.Fatal(err)
	}
	defer g.Close()

	sum, err := g.IngestPaths(ctx, []string{dir}, "")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	fmt.Printf("ingested %d new, %d unchanged, %d replaced documents (%d quads)\n\n", sum.Added, sum.Unchanged, sum.Replaced, sum.Quads)

	events, err := g.Events(ctx, graph.EventFilter{Type: "Attack", Since: "2024-01-01"})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range events {
		var actors, places []string
		for _, a := range e.Actors {
			actors = append(actors, a.Name)
		}
		for _, p := range e.Places {
			places = append(places, p.Name)
		}
		date := "?"
		if e.Date != nil {
			date = *e.Date
		}
		fmt.Printf("%s  %s struck in %s (%d sources)\n", date, strings.Join(actors, ", "), strings.Join(places, ", "), len(e.Sources))
		for _, s := range e.Sources {
			if s.Killed != nil {
				fmt.Printf("      %s: %d killed\n", s.Doc, *s.Killed)
			}
		}
	}

	// The graph answers one-hop questions directly: whom did Pakistan strike?
	res, err := g.Query(ctx, "gizmo", `g.V("<https://newsgraph.org/id/entity/country/pk>").Out("<https://newsgraph.org/ns#struck>").Out("<https://newsgraph.org/ns#name>").Unique().All()`, 0)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\nPakistan struck: %v\n", res)
}
