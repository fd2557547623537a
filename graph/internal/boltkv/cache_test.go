package boltkv

import (
	"context"
	"path/filepath"
	"slices"
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

// TestSharedReadsDecodeEachValue checks that the values one shared read
// transaction reads one after the other (a long literal, then shorter
// ones, then values of other kinds) are each their own, whatever was
// decoded before them, and that an id of no node has no value.
func TestSharedReadsDecodeEachValue(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "v.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	subj, p := quad.IRI("http://ex.org/s"), quad.IRI("http://ex.org/p")
	objects := []quad.Value{
		quad.String("a long literal that fills the buffer the next values are decoded into"),
		quad.String("short"),
		quad.IRI("http://ex.org/o"),
		quad.TypedString{Value: "12", Type: "http://www.w3.org/2001/XMLSchema#integer"},
		quad.LangString{Value: "nom", Lang: "fr"},
		quad.String("x"),
	}
	var ds []graph.Delta
	for _, o := range objects {
		ds = append(ds, graph.Delta{Quad: quad.Quad{Subject: subj, Predicate: p, Object: o}, Action: graph.Add})
	}
	if err := s.ApplyDeltas(ds, graph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	ids := make([]uint64, len(objects))
	for i, o := range objects {
		if ids[i] = s.w.id(o); ids[i] == 0 {
			t.Fatalf("no id for %v", o)
		}
	}
	r := &boltReader{db: s.w.db}
	defer r.close()
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}, {0, 5, 0, 1}} {
		for _, i := range order {
			if v := r.value(ids[i]); v != objects[i] {
				t.Errorf("value of id %d: %#v, want %#v", ids[i], v, objects[i])
			}
		}
	}
	// every id of the log in turn: a quad's entry (no value) read after a
	// node's is no node
	nodes := map[uint64]quad.Value{s.w.id(subj): subj, s.w.id(p): p}
	for i, o := range objects {
		nodes[ids[i]] = o
	}
	quads := 0
	for id := uint64(1); id <= slices.Max(ids)+uint64(len(objects))+2; id++ {
		r.value(ids[0]) // the long literal first
		v := r.value(id)
		want, ok := nodes[id]
		if ok && v != want || !ok && v != nil {
			t.Errorf("value of id %d: %#v, want %#v", id, v, want)
		}
		if !ok {
			quads++
		}
	}
	if quads < len(objects) {
		t.Errorf("%d ids of no node read, want at least the %d quads'", quads, len(objects))
	}
}

// TestIDMap checks the cache's ids of values kept by kind: values of the
// same text and different kinds (IRI, string, blank node, typed and
// language strings) keep ids of their own, a value set again keeps its
// last id and counts once, and a map that holds its bound is emptied
// before it takes the next value.
func TestIDMap(t *testing.T) {
	vals := []quad.Value{quad.IRI("x"), quad.String("x"), quad.BNode("x"),
		quad.TypedString{Value: "x", Type: "http://ex.org/t"}, quad.LangString{Value: "x", Lang: "en"}}
	var m idMap
	for i, v := range vals {
		m.set(v, kv.Int64Value(i+1), 100)
	}
	m.set(quad.IRI("x"), 7, 100)
	if m.n != len(vals) {
		t.Errorf("%d entries counted, want %d", m.n, len(vals))
	}
	for i, v := range vals {
		want := kv.Int64Value(i + 1)
		if i == 0 {
			want = 7
		}
		if id, ok := m.get(v); !ok || id != want {
			t.Errorf("get(%#v) = %d, %v; want %d", v, id, ok, want)
		}
	}
	if _, ok := m.get(quad.IRI("y")); ok {
		t.Error("get of a value never set finds an id")
	}
	m.set(quad.IRI("y"), 9, len(vals))
	if _, ok := m.get(quad.String("x")); ok || m.n != 1 {
		t.Errorf("a full map is not emptied: %d entries", m.n)
	}
	if id, ok := m.get(quad.IRI("y")); !ok || id != 9 {
		t.Errorf("get(y) after emptying = %d, %v; want 9", id, ok)
	}
}
