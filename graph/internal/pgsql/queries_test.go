package pgsql

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
)

// TestQueriesAsCayley runs paths from several nodes on Queries and on
// Cayley's quad store: the same answers (tags included), and one SQL
// statement where Queries should make one, whose values it reads ahead.
func TestQueriesAsCayley(t *testing.T) {
	qs, db := testStore(t)
	q := NewQueries(qs, db)
	iri := func(s string) quad.IRI { return quad.IRI("http://ex.org/" + s) }
	typ, hit, name, Strike := iri("type"), iri("hit"), iri("name"), iri("Strike")
	var deltas []graph.Delta
	add := func(s, p quad.IRI, o quad.Value) {
		deltas = append(deltas, graph.Delta{Quad: quad.Make(s, p, o, nil), Action: graph.Add})
	}
	for i := 0; i < 6; i++ {
		ev, target := iri(fmt.Sprintf("e%d", i)), iri(fmt.Sprintf("t%d", i%3))
		add(ev, hit, target)
		if i%2 == 0 {
			add(ev, typ, Strike)
		}
		add(target, name, quad.String(fmt.Sprintf("target %d", i%3)))
	}
	if err := qs.ApplyDeltas(deltas, graph.IgnoreOpts{IgnoreDup: true}); err != nil {
		t.Fatal(err)
	}
	evs := []quad.Value{iri("e0"), iri("e1"), iri("e2"), iri("e3"), iri("absent")}
	for _, tc := range []struct {
		name string
		path func(graph.QuadStore) *path.Path
		one  bool // Queries builds one statement
	}{
		{"out from several", func(s graph.QuadStore) *path.Path { return path.StartPath(s, evs...).Out(hit) }, true},
		{"out twice, tagged", func(s graph.QuadStore) *path.Path {
			return path.StartPath(s, evs...).Tag("event").Out(hit).Out(name)
		}, true},
		{"in to several", func(s graph.QuadStore) *path.Path {
			return path.StartPath(s, iri("t0"), iri("t1")).In(hit)
		}, true},
		{"has a type", func(s graph.QuadStore) *path.Path { return path.StartPath(s, evs...).Has(typ, Strike) }, true},
		{"has one of several targets", func(s graph.QuadStore) *path.Path {
			return path.StartPath(s).Has(hit, iri("t0"), iri("t2")).Out(hit)
		}, true},
		{"out from one", func(s graph.QuadStore) *path.Path { return path.StartPath(s, evs[0]).Out(hit) }, true},
		{"out from one, tagged", func(s graph.QuadStore) *path.Path {
			return path.StartPath(s, evs[0]).Tag("event").Out(hit)
		}, true},
		{"several nodes alone", func(s graph.QuadStore) *path.Path { return path.StartPath(s, evs...) }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := answers(t, qs, tc.path(qs))
			clear(q.names.m)
			got := answers(t, q, tc.path(q))
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("Queries answers\n%v\nCayley answers\n%v", got, want)
			}
			if tc.one && len(want) > 0 && len(q.names.m) == 0 {
				t.Error("no value read ahead")
			}
			s, _ := shape.Optimize(tc.path(q).Shape(), q)
			if _, one := s.(boundSelect); one != tc.one {
				t.Errorf("one statement: %v, want %v (%#v)", one, tc.one, s)
			}
		})
	}
}

// answers returns the results of p with their tags, sorted.
func answers(t *testing.T, qs graph.QuadStore, p *path.Path) []string {
	t.Helper()
	var out []string
	err := p.Iterate(context.Background()).TagEach(func(m map[string]graph.Ref) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		row := ""
		for _, k := range keys {
			row += k + "=" + quad.StringOf(qs.NameOf(m[k])) + " "
		}
		out = append(out, row)
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}
