package graph

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// TestEntityAndDocFacts reads back what the events table shows beyond an
// event: an entity's Wikidata item, country code and coordinates (one by
// one and all at once), and a document's URL, outlet, title and date.
func TestEntityAndDocFacts(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		ir := extract.Ref{ID: ent + "country/ir", Name: "Iran", Class: extract.ClassCountry}
		town := extract.Ref{ID: ent + "hill-town", Name: "Hill Town", Class: extract.ClassPlace}
		rec := record("d.txt", "sha-d-1", "2024-01-20", []extract.Event{attack(pakistan, nil, []extract.Ref{town}, ir, "2024-01-20", num(1), "A strike hit Hill Town.")})
		lat, lon := 27.5, 62.25
		rec.Entities = append(rec.Entities,
			extract.Entity{ID: ir.ID, Name: ir.Name, Class: ir.Class, Wikidata: "Q794", Aliases: []string{}, Mentions: []extract.Span{span("Iran", 0, 0)}},
			extract.Entity{ID: town.ID, Name: town.Name, Class: town.Class, Country: "ir", Lat: &lat, Lon: &lon, Aliases: []string{}, Mentions: []extract.Span{span("Hill Town", 0, 14)}})
		rec.Doc.Source = str("Wire")
		mustPut(t, s, rec)

		for _, tt := range []struct {
			iri  string
			want EntityFacts
		}{
			{ir.ID, EntityFacts{Wikidata: "Q794", ISO: "IR"}},
			{town.ID, EntityFacts{Lat: &lat, Lon: &lon}},
			{ent + "nowhere", EntityFacts{}},
		} {
			f, err := s.EntityFacts(ctx, tt.iri)
			if err != nil {
				t.Fatal(err)
			}
			if f.Wikidata != tt.want.Wikidata || f.ISO != tt.want.ISO || !sameFloat(f.Lat, tt.want.Lat) || !sameFloat(f.Lon, tt.want.Lon) {
				t.Errorf("%s: %+v, want %+v", tt.iri, f, tt.want)
			}
		}
		// all at once, as a table looks them up: the same facts
		iris := []string{ir.ID, town.ID, ent + "nowhere", pakistan.ID}
		all, err := s.EntitiesFacts(ctx, iris)
		if err != nil || len(all) != len(iris) {
			t.Fatalf("EntitiesFacts: %v, %v", all, err)
		}
		for _, iri := range iris {
			one, err := s.EntityFacts(ctx, iri)
			if err != nil {
				t.Fatal(err)
			}
			if f := all[iri]; f.Wikidata != one.Wikidata || f.ISO != one.ISO || !sameFloat(f.Lat, one.Lat) || !sameFloat(f.Lon, one.Lon) {
				t.Errorf("%s at once: %+v, alone %+v", iri, f, one)
			}
		}
		d, err := s.DocFacts(ctx, "d.txt")
		if err != nil {
			t.Fatal(err)
		}
		if d != (DocFacts{URL: "https://news.example/d.txt", Source: "Wire", Title: "Title of d.txt", Published: "2024-01-20"}) {
			t.Errorf("doc facts %+v", d)
		}
	})
}

func sameFloat(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
