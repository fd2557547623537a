package graph

import (
	"context"
	"reflect"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// TestViewReadsAgain checks that a write's view, which keeps the listings
// it read until the pending changes change (memo.go), answers every read
// as a view that keeps nothing does: one row per shape of read and change.
func TestViewReadsAgain(t *testing.T) {
	var (
		ember  = quad.IRI("urn:test:ember-ridge")
		flint  = quad.IRI("urn:test:flint-hollow")
		near   = quad.IRI("urn:test:near")
		docOne = quad.IRI("urn:test:doc-one")
		docTwo = quad.IRI("urn:test:doc-two")
	)
	stored := []quad.Quad{
		{Subject: ember, Predicate: near, Object: flint, Label: docOne},
		{Subject: ember, Predicate: near, Object: quad.String("a well"), Label: docOne},
		{Subject: ember, Predicate: near, Object: quad.String("a mill"), Label: docOne},
		{Subject: flint, Predicate: near, Object: ember, Label: docOne},
	}
	added := quad.Quad{Subject: ember, Predicate: near, Object: quad.String("a ford"), Label: docTwo}
	copied := quad.Quad{Subject: ember, Predicate: near, Object: flint, Label: docTwo}
	all := func(v *view, dir quad.Direction, val quad.Value) []quad.Quad {
		var out []quad.Quad
		if err := v.each(dir, val, near, func(q quad.Quad) { out = append(out, q) }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	first := func(v *view) []quad.Quad {
		var out []quad.Quad
		if err := v.until(quad.Subject, ember, near, func(q quad.Quad) bool { out = append(out, q); return false }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	copies := func(v *view) []quad.Quad {
		out, err := v.copies(quad.Quad{Subject: ember, Predicate: near, Object: flint})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	// nested reads flint's quads inside each quad of ember's listing.
	nested := func(v *view) []quad.Quad {
		var out []quad.Quad
		if err := v.each(quad.Subject, ember, near, func(q quad.Quad) {
			out = append(out, q)
			out = append(out, all(v, quad.Subject, flint)...)
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	rows := []struct {
		name   string
		change []cgraph.Delta // merged before the second read
		read   func(*view) []quad.Quad
	}{
		{"by subject, no change", nil, func(v *view) []quad.Quad { return all(v, quad.Subject, ember) }},
		{"by subject, a quad added", []cgraph.Delta{{Quad: added, Action: cgraph.Add}},
			func(v *view) []quad.Quad { return all(v, quad.Subject, ember) }},
		{"by subject, a stored quad deleted", []cgraph.Delta{{Quad: stored[1], Action: cgraph.Delete}},
			func(v *view) []quad.Quad { return all(v, quad.Subject, ember) }},
		{"by object, a quad added", []cgraph.Delta{{Quad: quad.Quad{Subject: docTwo, Predicate: near, Object: flint, Label: docTwo}, Action: cgraph.Add}},
			func(v *view) []quad.Quad { return all(v, quad.Object, flint) }},
		{"stopped after the first quad, then read whole", nil, func(v *view) []quad.Quad {
			return append(first(v), all(v, quad.Subject, ember)...)
		}},
		{"a read inside a read", nil, nested},
		{"a read inside a read, a quad added", []cgraph.Delta{{Quad: added, Action: cgraph.Add}}, nested},
		{"copies, a copy added", []cgraph.Delta{{Quad: copied, Action: cgraph.Add}}, copies},
		{"copies, the stored copy deleted", []cgraph.Delta{{Quad: stored[0], Action: cgraph.Delete}}, copies},
	}
	for _, b := range backends()[:2] {
		t.Run(b.name, func(t *testing.T) {
			s := b.open(t)
			ctx := context.Background()
			var deltas []cgraph.Delta
			for _, q := range stored {
				deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
			}
			if err := s.apply(ctx, deltas, cgraph.IgnoreOpts{}); err != nil {
				t.Fatal(err)
			}
			for _, row := range rows {
				p := newPending()
				v := s.view(ctx, p)
				// a fresh view of the same changes keeps nothing yet
				want := func() []quad.Quad { return row.read(s.view(ctx, p)) }
				for round := 0; round < 2; round++ {
					if got, w := row.read(v), want(); !reflect.DeepEqual(got, w) {
						t.Errorf("%s: read %d before the change: got %v, want %v", row.name, round+1, got, w)
					}
				}
				if row.change == nil {
					continue
				}
				p.merge(row.change)
				for round := 0; round < 2; round++ {
					if got, w := row.read(v), want(); !reflect.DeepEqual(got, w) {
						t.Errorf("%s: read %d after the change: got %v, want %v", row.name, round+1, got, w)
					}
				}
				if reflect.DeepEqual(row.read(v), row.read(s.view(ctx, newPending()))) {
					t.Errorf("%s: the change does not show in the view", row.name)
				}
			}
		})
	}
}

// TestSetsHolding checks that the fuser's index of an entity's fact sets
// gives, for every stored fact, the sets factSetsOf reads, in its order.
func TestSetsHolding(t *testing.T) {
	s := openTest(t, Config{Backend: BackendMemory})
	for _, rec := range []*extract.Record{docA(), docB(), docC()} {
		mustPut(t, s, rec)
	}
	ctx := context.Background()
	v := s.view(ctx, newPending())
	f := newFuser(v, s, "")
	withSets := 0
	for _, q := range allQuads(t, s) {
		fact := schema.FactIRI(s.base, q.Subject, q.Predicate, q.Object)
		want, err := factSetsOf(v, s.base, q, fact)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.factSets(q, fact); !reflect.DeepEqual(got, want) {
			t.Errorf("%v: the index gives sets %v, the literals %v", q, got, want)
		}
		if len(want) > 0 {
			withSets++
		}
	}
	if withSets == 0 {
		t.Error("no stored fact is in a fact set: the test checks nothing")
	}
}

// TestPendingSizedAsLast checks that a write's pending changes are made
// empty, with room for as many quads as the last write's held, up to
// maxPendingRoom.
func TestPendingSizedAsLast(t *testing.T) {
	s := openTest(t, Config{Backend: BackendMemory})
	if p := s.newPending(); cap(p.quads) != 0 {
		t.Fatalf("first write: room for %d quads, want none", cap(p.quads))
	}
	if _, err := s.PutBatch(context.Background(), []*extract.Record{docA(), docB()}); err != nil {
		t.Fatal(err)
	}
	last := s.lastSizes.Load()
	if last == nil || last.quads == 0 || last.subjects == 0 || last.sp == 0 || last.op == 0 {
		t.Fatalf("sizes of the last write: %+v", last)
	}
	p := s.newPending()
	if len(p.quads) != 0 || len(p.at) != 0 || cap(p.quads) < last.quads {
		t.Errorf("next write's pending: %d quads, room for %d; want 0, at least %d", len(p.quads), cap(p.quads), last.quads)
	}
	s.lastSizes.Store(&pendingSizes{quads: 2 * maxPendingRoom})
	if p := s.newPending(); cap(p.quads) > maxPendingRoom {
		t.Errorf("room for %d quads after a huge write, want at most %d", cap(p.quads), maxPendingRoom)
	}
}
