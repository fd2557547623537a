package graph_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// ExampleOpen opens a bolt store, puts a record and lists the fused events.
func ExampleOpen() {
	dir, err := os.MkdirTemp("", "newsgraph")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Config{Path: filepath.Join(dir, "newsgraph.db")})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	const id = "https://newsgraph.org/id/entity/"
	pakistan := extract.Ref{ID: id + "pakistan", Name: "Pakistan", Class: extract.ClassCountry}
	iran := extract.Ref{ID: id + "iran", Name: "Iran", Class: extract.ClassCountry}
	date, killed := "2024-01-18", 9
	rec := &extract.Record{
		Doc: extract.DocInfo{ID: "000_d765e2c5818afb87.txt", Published: &date, SHA256: "d765e2c5"},
		Entities: []extract.Entity{
			{ID: pakistan.ID, Name: "Pakistan", Class: extract.ClassCountry, Aliases: []string{"Pakistani"}, Wikidata: "Q843"},
			{ID: iran.ID, Name: "Iran", Class: extract.ClassCountry, Aliases: []string{"Iranian"}, Wikidata: "Q794"},
		},
		Events: []extract.Event{{
			Type: extract.EventAttack, Cameo: "195", Actors: []extract.Ref{pakistan}, Country: &iran,
			Date: &date, Weapons: []string{"drone", "rocket"}, Killed: &killed, Confidence: 0.9,
			Evidence: []extract.Span{{Sentence: 0, Start: 0, End: 106, Text: "At least nine people have been killed after Pakistan said it used drones in a strike on Iranian territory."}},
		}},
	}
	res, err := s.Put(ctx, rec)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Doc, res.Status)

	events, err := s.Events(ctx, graph.EventFilter{Actor: "pakistani"})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range events {
		fmt.Println(e.Type, e.Actors[0].Name, "struck", e.Country.Name, "on", *e.Date, "killed:", *e.Killed, "sources:", len(e.Sources))
	}
	// Output:
	// 000_d765e2c5818afb87.txt added
	// Attack Pakistan struck Iran on 2024-01-18 killed: 9 sources: 1
}
