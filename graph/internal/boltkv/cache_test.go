package boltkv

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// TestValuesCachedBothWays checks that an IRI a shared read takes from
// the file is cached with its id, which is the id the file holds for it
// (the next read by that IRI looks nothing up), that a literal is not,
// and that an id found by value caches the value.
func TestValuesCachedBothWays(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "c.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, b, c := quad.IRI("http://ex.org/a"), quad.IRI("http://ex.org/b"), quad.IRI("http://ex.org/c")
	p, lit := quad.IRI("http://ex.org/p"), quad.String("a literal")
	add := func(qs ...quad.Quad) {
		t.Helper()
		var ds []graph.Delta
		for _, q := range qs {
			ds = append(ds, graph.Delta{Quad: q, Action: graph.Add})
		}
		if err := s.ApplyDeltas(ds, graph.IgnoreOpts{}); err != nil {
			t.Fatal(err)
		}
	}
	add(quad.Quad{Subject: a, Predicate: p, Object: b}, quad.Quad{Subject: a, Predicate: p, Object: lit})
	s.ResetCache()

	r := s.Reader(ctx)
	r.Share()
	defer r.Release()
	it := r.Quads(quad.Subject, a, p)
	n := 0
	for it.Next() {
		n++
	}
	if err := it.Close(); err != nil || n != 2 {
		t.Fatalf("listed %d quads: %v", n, err)
	}
	idB, ok := s.cache.cachedID(b)
	if want := s.w.id(b); !ok || idB != want || want == 0 {
		t.Errorf("id of %s: cached %v %d, stored %d", b, ok, idB, want)
	}
	if _, ok := s.cache.cachedID(lit); ok {
		t.Errorf("literal %s cached by value", lit)
	}
	if v, ok := s.cache.value(kv.Int64Value(idB)); !ok || v != b {
		t.Errorf("value of id %d: %v %v", idB, v, ok)
	}

	// by value first: the value of the id found is cached
	add(quad.Quad{Subject: c, Predicate: p, Object: a})
	s.ResetCache()
	r2 := s.Reader(ctx)
	r2.Share()
	defer r2.Release()
	if it := r2.Quads(quad.Subject, c, nil); it.Close() != nil {
		t.Fatal("listing failed")
	}
	idC, _ := s.cache.cachedID(c)
	if v, ok := s.cache.value(kv.Int64Value(idC)); idC == 0 || !ok || v != c {
		t.Errorf("value of %s's id %d: %v %v", c, idC, v, ok)
	}
}
