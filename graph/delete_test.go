package graph

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
)

// TestDeleteAsIfNeverPut: putting every record and then deleting some
// documents leaves the store, quad for quad and label for label, as putting
// the other records alone does, on every backend. One row per shape of
// what the deleted document shares with the others.
func TestDeleteAsIfNeverPut(t *testing.T) {
	for _, tc := range []struct {
		name   string
		recs   func() []*extract.Record
		delete []string
	}{
		// a.txt and b.txt report one strike (9 and 7 killed); a.txt
		// alone two more events; c.txt another strike.
		{"a shared event loses a claim and its range", fixtureDocs, []string{"b.txt"}},
		{"a shared event loses its smallest report and is renamed", fixtureDocs, []string{"a.txt"}},
		{"an event only the document reports goes", fixtureDocs, []string{"c.txt"}},
		{"two documents at once", fixtureDocs, []string{"a.txt", "c.txt"}},
		{"every document", fixtureDocs, []string{"c.txt", "b.txt", "a.txt"}},
		// a, b, c report one strike (5, 7, 9 killed) and one
		// condemnation and state one relation: a is the canonical
		// document of every shared fact.
		{"the canonical document of shared facts", strikeDocs, []string{"a"}},
		{"the highest toll", strikeDocs, []string{"c"}},
		// Three spellings of one place: a gives the name, b and c aliases.
		{"the document giving the name", kohDocs, []string{"a"}},
		{"a document giving an alias", kohDocs, []string{"b"}},
		// b and c place a group in a country they give by name alone
		// (not among their entities): b is its canonical namer.
		{"the document naming a country it does not list", countryByNameDocs, []string{"b"}},
		{"every document naming a country it does not list", countryByNameDocs, []string{"b", "c"}},
		// b's strike names both a's actor and c's: it alone ties them.
		{"the report tying two others together", bridgeDocs, []string{"b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			forEachBackendPair(t, func(t *testing.T, s, fresh *Store) {
				for _, r := range tc.recs() {
					mustPut(t, s, r)
				}
				res, err := s.Delete(context.Background(), tc.delete...)
				if err != nil {
					t.Fatalf("Delete(%q): %v", tc.delete, err)
				}
				for i, r := range res {
					if r.Doc != tc.delete[i] || r.Quads == 0 {
						t.Errorf("result %d = %+v, want document %s with its quads", i, r, tc.delete[i])
					}
				}
				deleted := map[string]bool{}
				for _, id := range tc.delete {
					deleted[id] = true
				}
				var kept []*extract.Record
				for _, r := range tc.recs() {
					if !deleted[r.Doc.ID] {
						kept = append(kept, r)
					}
				}
				want := sortedNQuads(t, fresh, kept)
				if got := sortedNQuads(t, s, nil); got != want {
					t.Errorf("after deleting %q the store differs from the others put alone:\n%s", tc.delete, lineDiff(want, got))
				}
			})
		})
	}
}

// forEachBackendPair runs fn on every backend with two empty stores.
func forEachBackendPair(t *testing.T, fn func(t *testing.T, s, fresh *Store)) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) { fn(t, b.open(t), b.open(t)) })
	}
}

func fixtureDocs() []*extract.Record { return []*extract.Record{docA(), docB(), docC()} }

func strikeDocs() []*extract.Record {
	return []*extract.Record{strikeDoc("a", 5), strikeDoc("b", 7), strikeDoc("c", 9)}
}

// putStrikeDocsButA puts strikeDocs into s, and all but document "a" into
// fresh, and returns them and the quads of s.
func putStrikeDocsButA(t *testing.T, s, fresh *Store) ([]*extract.Record, []quad.Quad) {
	t.Helper()
	recs := strikeDocs()
	for _, r := range recs {
		mustPut(t, s, r)
		if r.Doc.ID != "a" {
			mustPut(t, fresh, r)
		}
	}
	return recs, allQuads(t, s)
}

// bridgeDocs report one strike: a by Pakistan, b by Pakistan and Jaish
// al-Adl, c by Jaish al-Adl.
func bridgeDocs() []*extract.Record {
	strike := func(id string, actors ...extract.Ref) *extract.Record {
		ev := attack(actors[0], []extract.Ref{bla}, []extract.Ref{saravan}, iran, "2024-01-18", num(3), "A strike near Saravan.")
		ev.Actors = actors
		return record(id, "sha-"+id, "2024-01-18", []extract.Event{ev})
	}
	return []*extract.Record{strike("a", pakistan), strike("b", pakistan, jaish), strike("c", jaish)}
}

// countryByNameDocs: b and c say the Balochistan Liberation Army is in
// Portugal, a country neither lists (so neither mentions it).
func countryByNameDocs() []*extract.Record {
	inPortugal := func(id string) *extract.Record {
		rec := record(id, "sha-"+id, "2024-01-18", nil)
		for i := range rec.Entities {
			if rec.Entities[i].ID == bla.ID {
				rec.Entities[i].Country = "Portugal"
			}
		}
		return rec
	}
	return []*extract.Record{record("a", "sha-a", "2024-01-18", nil), inPortugal("b"), inPortugal("c")}
}

func kohDocs() []*extract.Record {
	return []*extract.Record{withKoh("a", "Koh-e-Sabz", false), withKoh("b", "Koh e Sabz", false), withKoh("c", "Koh-i-Sabz", true)}
}

// TestDeleteRecomputesSharedEvent: the strike a.txt (9 killed) and b.txt
// (7 killed, 3 injured) report keeps a.txt's claim alone once b.txt is
// deleted: its range is a.txt's figure, its injured count goes.
func TestDeleteRecomputesSharedEvent(t *testing.T) {
	s := openTest(t, Config{Backend: BackendMemory})
	for _, r := range fixtureDocs() {
		mustPut(t, s, r)
	}
	strike := func() extract.Event {
		t.Helper()
		for _, e := range mustEvents(t, s, EventFilter{Type: "Attack", Actor: "Pakistan"}) {
			return e
		}
		t.Fatal("no strike by Pakistan")
		return extract.Event{}
	}
	if e := strike(); len(e.Sources) != 2 || deref(e.KilledMax) != 9 {
		t.Fatalf("before: %d sources, killed %v-%v; want 2 sources, 7-9", len(e.Sources), deref(e.Killed), deref(e.KilledMax))
	}
	if _, err := s.Delete(context.Background(), "b.txt"); err != nil {
		t.Fatal(err)
	}
	e := strike()
	if len(e.Sources) != 1 || e.Sources[0].Doc != "a.txt" {
		t.Errorf("sources = %+v, want a.txt alone", e.Sources)
	}
	if deref(e.Killed) != 9 || e.KilledMax != nil || e.Injured != nil {
		t.Errorf("killed %v-%v, injured %v; want 9, none, none", deref(e.Killed), deref(e.KilledMax), deref(e.Injured))
	}
	if n := len(mustEvents(t, s, EventFilter{})); n != 4 {
		t.Errorf("%d events, want 4 (a.txt's three and c.txt's)", n)
	}
}

// TestDeleteUnknown: a document id the store lacks, alone or beside one it
// holds, is an error naming it, and the store is left as it was.
func TestDeleteUnknown(t *testing.T) {
	for _, tc := range []struct {
		name string
		ids  []string
	}{
		{"unknown alone", []string{"z.txt"}},
		{"unknown after a known one", []string{"a.txt", "z.txt"}},
		{"no id", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			forEachBackend(t, func(t *testing.T, s *Store) {
				for _, r := range fixtureDocs() {
					mustPut(t, s, r)
				}
				before := sortedNQuads(t, s, nil)
				_, err := s.Delete(context.Background(), tc.ids...)
				if err == nil {
					t.Fatalf("Delete(%q) succeeded", tc.ids)
				}
				if len(tc.ids) > 0 && (!errors.Is(err, ErrUnknownDocument) || !strings.Contains(err.Error(), `"z.txt"`)) {
					t.Errorf("error %q: want ErrUnknownDocument naming \"z.txt\"", err)
				}
				if after := sortedNQuads(t, s, nil); after != before {
					t.Errorf("the store changed:\n%s", lineDiff(before, after))
				}
			})
		})
	}
}

// TestDeleteReadOnly: a read-only store refuses to delete.
func TestDeleteReadOnly(t *testing.T) {
	s := openTest(t, Config{Backend: BackendMemory, ReadOnly: true})
	if _, err := s.Delete(context.Background(), "a.txt"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Delete on a read-only store: %v, want ErrReadOnly", err)
	}
}

// TestReplaceForgetsCountryByName: a new version of a document that no
// longer gives a country by name alone leaves the store as that version
// put alone does: the country's type and name, which the old version was
// the only one to state, go (Put and Delete find them alike, docQuads).
func TestReplaceForgetsCountryByName(t *testing.T) {
	forEachBackendPair(t, func(t *testing.T, s, fresh *Store) {
		docs := countryByNameDocs()
		b2 := record("b", "sha-b-2", "2024-01-18", nil)
		want := sortedNQuads(t, fresh, []*extract.Record{docs[0], b2})
		if got := sortedNQuads(t, s, []*extract.Record{docs[0], docs[1], b2}); got != want {
			t.Errorf("the store differs from the new version put alone:\n%s", lineDiff(want, got))
		}
	})
}
