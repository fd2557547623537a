package graph

import (
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// TestCountryIsAlwaysAnIRI puts a record whose entities and references
// name a country (ng:country), with and without the country among the
// record's entities and the store's, in both orders, and checks that the
// object of ng:country is the same country IRI whatever the store held
// before: never the name as a string, so that a query on the country's IRI
// finds every entity of the country.
func TestCountryIsAlwaysAnIRI(t *testing.T) {
	myanmar := ref("country/mm", "Myanmar", extract.ClassCountry)
	arsa := ref("group/arsa", "Arakan Rohingya Salvation Army", extract.ClassArmedGroup)
	gazMM := quad.IRI(ent + "country/mm")
	tests := []struct {
		name     string
		entities []extract.Entity // of the record under test, besides arsa
		country  string           // arsa's country
		earlier  []extract.Entity // of a record put before, if any
		want     quad.IRI
		wantName string // the name the store gives want
	}{
		{"country not in the record, store empty", nil, "Myanmar", nil, gazMM, "Myanmar"},
		{"country not in the record, stored before", nil, "Myanmar", []extract.Entity{entity(myanmar, "Myanmar", nil, "Burma")}, gazMM, "Myanmar"},
		{"country by alias, store empty", nil, "Burma", nil, gazMM, "Myanmar"},
		{"country by another case", nil, "myanmar", nil, gazMM, "Myanmar"},
		{"country in the record", []extract.Entity{entity(myanmar, "Myanmar", nil)}, "Myanmar", nil, gazMM, "Myanmar"},
		{"the record's own country IRI comes first", []extract.Entity{entity(iran, "Iran", nil)}, "Iran", nil, quad.IRI(iran.ID), "Iran"},
		{"a country no gazetteer knows", nil, "Ruritania", nil, quad.IRI(ent + "country/name/ruritania"), "Ruritania"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t, Config{Backend: BackendMemory})
			if tt.earlier != nil {
				r := record("earlier.txt", "sha-earlier", "2024-01-01", nil)
				r.Entities = tt.earlier
				mustPut(t, s, r)
			}
			r := record("b.txt", "sha-b", "2024-01-02", []extract.Event{
				diplomatic(extract.EventCondemn, extract.Ref{ID: arsa.ID, Name: arsa.Name, Class: arsa.Class, Country: tt.country}, pakistan, "ARSA condemned Pakistan."),
			})
			r.Entities = append(append([]extract.Entity{}, tt.entities...), entity(pakistan, "Pakistan", nil))
			if len(tt.entities) == 0 {
				// arsa is listed too, naming its country as an entity does.
				r.Entities = append(r.Entities, entity(arsa, tt.country, nil))
			}
			mustPut(t, s, r)
			var got []quad.Value
			names := map[quad.Value][]string{}
			isCountry := map[quad.Value]bool{}
			for _, q := range allQuads(t, s) {
				switch {
				case q.Subject == quad.IRI(arsa.ID) && q.Predicate == schema.CountryOf:
					got = append(got, q.Object)
				case q.Predicate == schema.Name:
					names[q.Subject] = append(names[q.Subject], schema.TextOf(q.Object))
				case q.Predicate == schema.Type && q.Object == schema.Country:
					isCountry[q.Subject] = true
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Fatalf("arsa ng:country %v, want only %v", got, tt.want)
			}
			if !isCountry[tt.want] || len(names[tt.want]) != 1 || names[tt.want][0] != tt.wantName {
				t.Errorf("%v: typed Country %v, names %q; want a Country named %q", tt.want, isCountry[tt.want], names[tt.want], tt.wantName)
			}
		})
	}
}
