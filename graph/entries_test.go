package graph

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// claimsCountry returns a record of an attack by Red Hand on another
// invented group, in country, on date, whose entity gives Red Hand that
// country: documents that disagree dispute its ng:country.
func claimsCountry(id, country, date string) *extract.Record {
	rec := unrelated(id, "Red Hand", "Blue Shore Militia", country, date)
	rec.Entities[0] = entity(ref("red-hand", "Red Hand", extract.ClassArmedGroup), country, nil)
	rec.Doc.SHA256 += "-" + country // a document replaced by one giving another country is changed
	return rec
}

// TestEntriesOfDisputedEntity puts and deletes documents that give one
// group one country or another, one step a row, and checks after each
// step the country its events show (the one more documents give, the
// first in IRI order on a tie), whether the group's entries are kept
// (while two countries are stored), that each document giving the group
// a country then has an entry of its own for the group's fact set, and
// that the supporters read (from the entries where they are kept) are
// those the documents' supports literals list.
func TestEntriesOfDisputedEntity(t *testing.T) {
	redHand := quad.IRI(ent + "red-hand")
	steps := []struct {
		name    string
		put     []*extract.Record
		del     []string
		country string
		kept    bool
	}{
		{"one value", []*extract.Record{claimsCountry("n1.txt", "Norland", "2020-01-01"),
			claimsCountry("n2.txt", "Norland", "2020-02-01")}, nil, "Norland", false},
		{"a second value", []*extract.Record{claimsCountry("s1.txt", "Sudmark", "2020-03-01")}, nil, "Norland", true},
		{"the second value wins", []*extract.Record{claimsCountry("s2.txt", "Sudmark", "2020-04-01"),
			claimsCountry("s3.txt", "Sudmark", "2020-05-01")}, nil, "Sudmark", true},
		{"a document replaced", []*extract.Record{claimsCountry("s2.txt", "Norland", "2020-04-02")}, nil, "Norland", true},
		{"a document of the second value deleted", nil, []string{"s1.txt"}, "Norland", true},
		{"the last of the second value deleted", nil, []string{"s3.txt"}, "Norland", false},
		{"the second value again", []*extract.Record{claimsCountry("s4.txt", "Sudmark", "2020-06-01")}, nil, "Norland", true},
		{"replaced by the first value", []*extract.Record{claimsCountry("s4.txt", "Norland", "2020-06-02")}, nil, "Norland", false},
	}
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		for _, step := range steps {
			for _, rec := range step.put {
				mustPut(t, s, rec)
			}
			if len(step.del) > 0 {
				if _, err := s.Delete(ctx, step.del...); err != nil {
					t.Fatal(err)
				}
			}
			evs := mustEvents(t, s, EventFilter{Actor: "Red Hand"})
			if len(evs) == 0 {
				t.Fatalf("%s: no events by Red Hand", step.name)
			}
			for _, ev := range evs {
				if got := ev.Actors[0].Country; got != step.country {
					t.Errorf("%s: Red Hand's country %q, want %q", step.name, got, step.country)
				}
			}
			v := s.view(ctx, nil)
			kept, err := entriesKept(v, s.base, redHand)
			if err != nil {
				t.Fatal(err)
			}
			if kept != step.kept {
				t.Errorf("%s: entries kept %v, want %v", step.name, kept, step.kept)
			}
			checkEntered(t, s, v, redHand, step.name, kept)
		}
	})
}

// checkEntered checks, for each of entity e's countries, that the
// supporters read from its entries (when entered) are those its
// documents' supports literals list, and that each has an entry for a set
// of e.
func checkEntered(t *testing.T, s *Store, v *view, e quad.IRI, step string, entered bool) {
	t.Helper()
	var countries []quad.Quad
	if err := v.each(quad.Subject, e, schema.CountryOf, func(q quad.Quad) { countries = append(countries, q) }); err != nil {
		t.Fatal(err)
	}
	for _, c := range countries {
		got, err := s.supporters(v, c, map[quad.IRI]*listers{})
		if err != nil {
			t.Fatal(err)
		}
		sets, err := factSets(v, s.base, c)
		if err != nil {
			t.Fatal(err)
		}
		var want []quad.IRI
		err = eachLister(v, s.base, e, append(sets, schema.FactIRI(s.base, c.Subject, c.Predicate, c.Object)), func(d quad.IRI) bool {
			want = append(want, d)
			return true
		})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(slices.Sorted(slices.Values(want))) != fmt.Sprint(got) {
			t.Errorf("%s: supporters of %v: %v, want %v", step, c.Object, got, slices.Sorted(slices.Values(want)))
		}
		for _, d := range want {
			found := false
			for _, set := range sets {
				found = found || len(quadsOf(t, s, set, schema.SupportedBy, d)) == 1
			}
			if found != entered {
				t.Errorf("%s: %v gives %v, has an entry for its set: %v, want %v", step, d, c.Object, found, entered)
			}
		}
	}
}

// TestPostgresWritersOfADisputedEntityHoldLocksTogether is
// TestPostgresWritersHoldLocksTogether for two unrelated documents that
// also describe a group whose country the store holds disputed, each
// giving it one of its countries: each adds an entry of its own for the
// group's fact set (entries.go), and neither waits for the other.
func TestPostgresWritersOfADisputedEntityHoldLocksTogether(t *testing.T) {
	describing := func(rec *extract.Record, country string) *extract.Record {
		rec.Entities = append(rec.Entities, entity(ref("red-hand", "Red Hand", extract.ClassArmedGroup), country, nil))
		return rec
	}
	before := []*extract.Record{claimsCountry("n1.txt", "Norland", "2020-01-01"),
		claimsCountry("s1.txt", "Sudmark", "2020-03-01")}
	holdLocksTogether(t, before, []*extract.Record{
		describing(unrelated("u-north.txt", "Grey Wolves Front", "Sun Valley Guard", "Sudmark", "2021-03-04"), "Sudmark"),
		describing(unrelated("v-south.txt", "Copper Lantern Band", "Marsh Road Watch", "Norland", "2023-07-09"), "Norland"),
	})
}
