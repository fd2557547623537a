package extract

import (
	"reflect"
	"slices"
	"testing"
)

// TestResolve checks that Resolve makes of a record's keys the IRIs the
// store gives the same nodes (schema.EntityIRI, schema.ReportIRI), one row
// per shape of id.
func TestResolve(t *testing.T) {
	const base = "http://example.org/g/"
	ref := func(id string) Ref { return Ref{ID: id} }
	tests := []struct {
		name string
		in   Record
		want Record
	}{
		{
			"entity key",
			Record{Entities: []Entity{{ID: "entity/country/ir", Within: &Ref{ID: "entity/region/x"}}}},
			Record{Entities: []Entity{{ID: base + "entity/country/ir", Within: &Ref{ID: base + "entity/region/x"}}}},
		},
		{
			"absolute IRI kept",
			Record{Entities: []Entity{{ID: "https://other.example/e/1"}}},
			Record{Entities: []Entity{{ID: "https://other.example/e/1"}}},
		},
		{
			"event refs",
			Record{Doc: DocInfo{ID: "d"}, Events: []Event{{ID: "0", Actors: []Ref{ref("entity/a")}, Agents: []Ref{ref("entity/g")},
				Targets: []Ref{ref("entity/b")}, Places: []Ref{ref("entity/p")}, Country: &Ref{ID: "entity/c"}}}},
			Record{Doc: DocInfo{ID: "d"}, Events: []Event{{ID: base + "report/d/0", Actors: []Ref{ref(base + "entity/a")}, Agents: []Ref{ref(base + "entity/g")},
				Targets: []Ref{ref(base + "entity/b")}, Places: []Ref{ref(base + "entity/p")}, Country: &Ref{ID: base + "entity/c"}}}},
		},
		{
			"report numbered by position, escaped doc id",
			Record{Doc: DocInfo{ID: "a b.txt"}, Events: []Event{{ID: "x"}, {ID: "y"}}},
			Record{Doc: DocInfo{ID: "a b.txt"}, Events: []Event{{ID: base + "report/a%20b.txt/0"}, {ID: base + "report/a%20b.txt/1"}}},
		},
		{
			"retaliation for an event of the record",
			Record{Doc: DocInfo{ID: "d"}, Events: []Event{{ID: "7"}, {ID: "3", RetaliationFor: "7"}}},
			Record{Doc: DocInfo{ID: "d"}, Events: []Event{{ID: base + "report/d/0"}, {ID: base + "report/d/1", RetaliationFor: base + "report/d/0"}}},
		},
		{
			"retaliation for an event described only",
			Record{Doc: DocInfo{ID: "d"}, Events: []Event{{ID: "0", RetaliationFor: "the raid of May"}}},
			Record{Doc: DocInfo{ID: "d"}, Events: []Event{{ID: base + "report/d/0", RetaliationFor: "the raid of May"}}},
		},
		{
			"relation",
			Record{Relations: []Relation{{Subject: ref("entity/s"), Object: Object{Ref: &Ref{ID: "entity/o"}}, Org: &Ref{ID: "entity/org"}}}},
			Record{Relations: []Relation{{Subject: ref(base + "entity/s"), Object: Object{Ref: &Ref{ID: base + "entity/o"}}, Org: &Ref{ID: base + "entity/org"}}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.in
			got.Resolve(base)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Resolve:\n got %+v\nwant %+v", got, tt.want)
			}
			got.Resolve(base)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Resolve twice:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestEntityArraysCapped checks that the entities of a record, whose
// mentions, aliases and coordinates share one array each, do not share
// what an append writes: growing one entity's slices leaves the next
// entity's as they were.
func TestEntityArraysCapped(t *testing.T) {
	rec := extractOne(t, "Gunmen attacked a checkpoint in Kandahar, Afghanistan, on Monday. Kandahar police said Afghanistan's army sent troops.", "2021-03-02")
	if len(rec.Entities) < 2 {
		t.Fatalf("want two entities or more, got %d", len(rec.Entities))
	}
	before := make([]Entity, len(rec.Entities))
	for i, e := range rec.Entities {
		before[i] = e
		before[i].Mentions = slices.Clone(e.Mentions)
		before[i].Aliases = slices.Clone(e.Aliases)
	}
	for i := range rec.Entities {
		e := &rec.Entities[i]
		if e.Aliases == nil || e.Mentions == nil {
			t.Errorf("%s: nil aliases or mentions (the record lists [])", e.Name)
		}
		e.Mentions = append(e.Mentions, Span{Text: "x"})
		e.Aliases = append(e.Aliases, "x")
	}
	for i, e := range rec.Entities {
		b := before[i]
		if !slices.Equal(e.Mentions[:len(e.Mentions)-1], b.Mentions) || !slices.Equal(e.Aliases[:len(e.Aliases)-1], b.Aliases) {
			t.Errorf("%s: an append to another entity changed its mentions or aliases", e.Name)
		}
	}
}
