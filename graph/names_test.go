package graph

import (
	"sort"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// TestOnePreferredName: an entity keeps one ng:name whatever spellings the
// documents give it; the other spellings are its aliases. One row per
// shape of the documents put.
func TestOnePreferredName(t *testing.T) {
	// withKoh is a record whose entity kohesabz (not among the fixture geography) is spelt so, as an
	// entity of the record or only as an event's place.
	withKoh := func(id, spelling string, asRef bool) *extract.Record {
		r := ref("kohesabz", spelling, extract.ClassPlace)
		rec := record(id, id+"-sha", "2024-01-17", nil)
		if asRef {
			rec.Events = []extract.Event{attack(iran, []extract.Ref{jaish}, []extract.Ref{r}, pakistan, "2024-01-16", nil, "Iran struck.")}
		} else {
			rec.Entities = append(rec.Entities, entity(r, "Pakistan", nil))
		}
		return rec
	}
	for _, tc := range []struct {
		name    string
		recs    []*extract.Record
		names   []string
		aliases []string
	}{
		{"one spelling", []*extract.Record{withKoh("a", "Koh-e-Sabz", false), withKoh("b", "Koh-e-Sabz", false)}, []string{"Koh-e-Sabz"}, nil},
		{"a second spelling is an alias", []*extract.Record{withKoh("a", "Koh-e-Sabz", false), withKoh("b", "Koh e Sabz", false)}, []string{"Koh-e-Sabz"}, []string{"Koh e Sabz"}},
		{"the first stored spelling is the name", []*extract.Record{withKoh("b", "Koh e Sabz", false), withKoh("a", "Koh-e-Sabz", false)}, []string{"Koh e Sabz"}, []string{"Koh-e-Sabz"}},
		{"a reference's spelling too", []*extract.Record{withKoh("a", "Koh-e-Sabz", false), withKoh("b", "Koh e Sabz", true)}, []string{"Koh-e-Sabz"}, []string{"Koh e Sabz"}},
		{"the same document again keeps its name", []*extract.Record{withKoh("a", "Koh-e-Sabz", false), withKoh("b", "Koh e Sabz", false), withKoh("a", "Koh-e-Sabz", false)}, []string{"Koh-e-Sabz"}, []string{"Koh e Sabz"}},
		{"a replaced document's spelling goes with it", []*extract.Record{withKoh("a", "Koh e Sabz", false), func() *extract.Record {
			r := withKoh("a", "Koh-e-Sabz", false)
			r.Doc.SHA256 = "a-sha-2"
			return r
		}()}, []string{"Koh-e-Sabz"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, b := range backends()[:2] {
				t.Run(b.name, func(t *testing.T) {
					s := b.open(t)
					for _, r := range tc.recs {
						mustPut(t, s, r)
					}
					iri := schema.EntityIRI(s.Base(), ent+"kohesabz")
					names, aliases := textsOfPred(t, s, iri, schema.Name), textsOfPred(t, s, iri, schema.Alias)
					if !equalStrings(names, tc.names) || !equalStrings(aliases, tc.aliases) {
						t.Errorf("names %q, aliases %q; want %q, %q", names, aliases, tc.names, tc.aliases)
					}
				})
			}
		})
	}
}

func textsOfPred(t *testing.T, s *Store, subj quad.IRI, pred quad.IRI) []string {
	t.Helper()
	var out []string
	seen := map[string]bool{}
	for _, q := range allQuads(t, s) {
		if q.Subject == subj && q.Predicate == pred {
			if v := schema.TextOf(q.Object); !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	sort.Strings(out)
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
