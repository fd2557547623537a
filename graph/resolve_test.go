package graph

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
)

// TestResolvedIDsAreStoreNodes checks that the ids of a record, resolved
// as `newsgraph extract` prints them (extract.Record.Resolve), are the
// nodes the store writes for the same record under the same base: one
// naming, made by package schema, for entities, refs and reports.
func TestResolvedIDsAreStoreNodes(t *testing.T) {
	lexical := func(t *testing.T) *extract.Record {
		rec, err := extract.Default().Extract(context.Background(), extract.Document{
			ID: "local keys.txt", Published: "2024-03-04",
			Text: "Pakistani jets struck a camp of the Balochistan Liberation Army in Saravan, Iran, on Sunday, killing six people. " +
				"Iran condemned the strike on Monday and summoned Pakistan's ambassador.",
		})
		if err != nil {
			t.Fatal(err)
		}
		return rec
	}
	tests := []struct {
		name string
		base string
		rec  func(t *testing.T) *extract.Record
	}{
		{"lexical record, default base", "", lexical},
		{"lexical record, other base", "http://example.org/news/", lexical},
		{"record with absolute ids", "", func(*testing.T) *extract.Record { return docA() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t, Config{Backend: BackendMemory, Base: tt.base})
			rec := tt.rec(t)
			if len(rec.Events) == 0 {
				t.Fatal("the record has no event")
			}
			mustPut(t, s, rec)
			subjects := map[string]bool{}
			for _, q := range allQuads(t, s) {
				if iri, ok := q.Subject.(quad.IRI); ok {
					subjects[string(iri)] = true
				}
			}
			var printed extract.Record // a copy, as the command prints it
			b, _ := json.Marshal(rec)
			if err := json.Unmarshal(b, &printed); err != nil {
				t.Fatal(err)
			}
			printed.Resolve(s.Base())
			check := func(what, id string) {
				if !subjects[id] {
					t.Errorf("%s %q is no node of the store", what, id)
				}
			}
			for _, e := range printed.Entities {
				check("entity", e.ID)
			}
			for _, ev := range printed.Events {
				check("event", ev.ID)
				for _, r := range append(append(append([]extract.Ref(nil), ev.Actors...), ev.Targets...), ev.Places...) {
					check("ref", r.ID)
				}
			}
			for _, r := range printed.Relations {
				check("relation subject", r.Subject.ID)
			}
		})
	}
}
