package graph

import (
	"context"
	"fmt"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// countryDoc is a record that gives Jaish al-Adl the country country.
func countryDoc(id, country string) *extract.Record {
	rec := record(id, "", "2024-01-18", nil)
	for i, e := range rec.Entities {
		if e.ID == jaish.ID {
			rec.Entities[i].Country = country
		}
	}
	return rec
}

// checkCounted checks that the documents stating each of Jaish al-Adl's
// countries are counted from its sets' counts (reader.counted) and that
// the counts are those its documents give (fuser.support).
func checkCounted(t *testing.T, s *Store, step string, want map[string]int) {
	t.Helper()
	r := newReader(context.Background(), s)
	facts := r.entityFacts(quad.IRI(jaish.ID))[schema.CountryOf]
	var values []quad.Value
	for _, q := range facts {
		values = append(values, q.Object)
	}
	count := map[quad.Value]int{}
	if !r.counted(facts[0], values, count) {
		t.Fatalf("%s: countries not counted from the sets (%d facts)", step, len(facts))
	}
	got := map[string]int{}
	for _, q := range facts {
		got[r.name(q.Object.(quad.IRI))] = count[q.Object]
		if n := len(r.fuser.support(q)); n != count[q.Object] {
			t.Errorf("%s: %v counted %d, its documents %d", step, q.Object, count[q.Object], n)
		}
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s: counts %v, want %v", step, got, want)
	}
}

// putCountries puts three documents, two giving Jaish al-Adl Iran, one
// Pakistan.
func putCountries(t *testing.T, s *Store) {
	for _, rec := range []*extract.Record{countryDoc("c1", "Iran"), countryDoc("c2", "Iran"), countryDoc("c3", "Pakistan")} {
		mustPut(t, s, rec)
	}
}

func TestSetCountsFollowPutsAndDeletes(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		putCountries(t, s)
		checkCounted(t, s, "put", map[string]int{"Iran": 2, "Pakistan": 1})
		if _, err := s.PutBatch(ctx, []*extract.Record{countryDoc("c4", "Pakistan"), countryDoc("c5", "Iraq")}); err != nil {
			t.Fatal(err)
		}
		checkCounted(t, s, "batch", map[string]int{"Iran": 2, "Iraq": 1, "Pakistan": 2})
		if _, err := s.Put(ctx, countryDoc("c1", "Pakistan")); err != nil {
			t.Fatal(err)
		}
		checkCounted(t, s, "replace", map[string]int{"Iran": 1, "Iraq": 1, "Pakistan": 3})
		if _, err := s.Delete(ctx, "c2", "c5"); err != nil {
			t.Fatal(err)
		}
		checkCounted(t, s, "delete", map[string]int{"Pakistan": 3})
	})
}

// TestSetCountsOfOlderStores: in a store written before sets were
// counted, disputed facts are ranked from the entity's documents, and a
// set a put starts listing is counted from them.
func TestSetCountsOfOlderStores(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		putCountries(t, s)
		var older []quad.Quad
		for _, q := range allQuads(t, s) {
			if q.Predicate != schema.Listers {
				older = append(older, q)
			}
		}
		replaceAll(t, s, older)
		r := newReader(ctx, s)
		facts := r.entityFacts(quad.IRI(jaish.ID))[schema.CountryOf]
		if r.counted(facts[0], []quad.Value{facts[0].Object, facts[1].Object}, map[quad.Value]int{}) {
			t.Fatal("counted without counts")
		}
		vs, count := r.rank(facts)
		got := map[string]int{}
		for _, v := range vs {
			got[r.name(v.(quad.IRI))] = count[v]
		}
		if want := map[string]int{"Iran": 2, "Pakistan": 1}; fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("ranked from the documents: %v, want %v", got, want)
		}
		if _, err := s.PutBatch(ctx, []*extract.Record{countryDoc("c4", "Iran"), countryDoc("c5", "Pakistan")}); err != nil {
			t.Fatal(err)
		}
		checkCounted(t, s, "put into an older store", map[string]int{"Iran": 3, "Pakistan": 2})
	})
}
