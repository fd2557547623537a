package newsgraph_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// Two reports of one strike become one event with two sources, each
// keeping its own casualty figure.
func Example() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "newsgraph-example")
	defer os.RemoveAll(dir)

	g, err := newsgraph.Open(ctx, graph.Config{Backend: "bolt", Path: filepath.Join(dir, "news.db")})
	if err != nil {
		log.Fatal(err)
	}
	defer g.Close()

	docs := []extract.Document{
		{ID: "wire-1", Published: "2024-03-06", Text: "Al-Shabaab militants attacked a military base in Mogadishu on Tuesday, killing at least five soldiers, police said."},
		{ID: "wire-2", Published: "2024-03-06", Text: "Seven soldiers were killed when Al-Shabaab fighters stormed an army base in Mogadishu on Tuesday, officials said."},
	}
	for _, d := range docs {
		if _, err := g.Ingest(ctx, d); err != nil {
			log.Fatal(err)
		}
	}
	events, err := g.Events(ctx, graph.EventFilter{Type: "Attack"})
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
		fmt.Printf("%s: %s in %s, %d sources\n", *e.Date, strings.Join(actors, ", "), strings.Join(places, ", "), len(e.Sources))
		for _, s := range e.Sources {
			fmt.Printf("  %s says %d killed\n", s.Doc, *s.Killed)
		}
	}
	// Output:
	// 2024-03-05: Al-Shabaab in Mogadishu, Mogadishu army base, 2 sources
	//   wire-1 says 5 killed
	//   wire-2 says 7 killed
}

// Extraction alone, without a store: the record that `newsgraph extract`
// prints.
func ExampleGraph_Ingest() {
	ex := extract.Default()
	rec, err := ex.Extract(context.Background(), extract.Document{
		ID:        "note-1",
		Published: "2020-05-08",
		Text:      "On 7 May 2020, the PMF shelled IS militants using rockets near Tuz Khurmatu, killing two.",
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range rec.Events {
		fmt.Println(e.Type, e.Actors[0].Name, "→", e.Targets[0].Name, *e.Date, e.Weapons, *e.Killed)
	}
	// Output:
	// Attack Popular Mobilization Forces → Islamic State 2020-05-07 [rocket] 2
}

// A withdrawn report is retracted: the event keeps the other source's
// claim, and its casualty range is recomputed from it alone.
func ExampleGraph_Delete() {
	ctx := context.Background()
	g, err := newsgraph.Open(ctx, graph.Config{Backend: "memory"})
	if err != nil {
		log.Fatal(err)
	}
	defer g.Close()
	for _, d := range []extract.Document{
		{ID: "wire-1", Published: "2024-03-06", Source: "Example Wire", URL: "https://wire.example/1",
			Text: "Al-Shabaab militants attacked a military base in Mogadishu on Tuesday, killing at least five soldiers, police said."},
		{ID: "wire-2", Published: "2024-03-06", Source: "Example Daily",
			Text: "Seven soldiers were killed when Al-Shabaab fighters stormed an army base in Mogadishu on Tuesday, officials said."},
	} {
		if _, err := g.Ingest(ctx, d); err != nil {
			log.Fatal(err)
		}
	}
	show := func() {
		events, err := g.Events(ctx, graph.EventFilter{Type: "Attack"})
		if err != nil {
			log.Fatal(err)
		}
		for _, e := range events {
			high := *e.Killed
			if e.KilledMax != nil {
				high = *e.KilledMax
			}
			fmt.Printf("killed %d-%d, %d sources:", *e.Killed, high, len(e.Sources))
			for _, s := range e.Sources {
				fmt.Printf(" %s (%s)", s.Doc, s.Source)
			}
			fmt.Println()
		}
	}
	show()
	if _, err := g.Delete(ctx, "wire-2"); err != nil {
		log.Fatal(err)
	}
	show()
	_, err = g.Delete(ctx, "wire-3")
	fmt.Println(errors.Is(err, graph.ErrUnknownDocument))
	// Output:
	// killed 5-7, 2 sources: wire-1 (Example Wire) wire-2 (Example Daily)
	// killed 5-5, 1 sources: wire-1 (Example Wire)
	// true
}
