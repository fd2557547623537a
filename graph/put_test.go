package graph

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

func TestPutIdempotent(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		first := mustPut(t, s, docA())
		if first.Status != Added || first.Quads == 0 {
			t.Fatalf("first put: %+v, want Added with quads", first)
		}
		if got := len(labelled(t, s, "a.txt")); got != first.Quads {
			t.Errorf("store holds %d quads labelled a.txt, Put reported %d", got, first.Quads)
		}
		before := len(allQuads(t, s))
		again := mustPut(t, s, docA())
		if again.Status != Unchanged || again.Quads != 0 {
			t.Errorf("second put: %+v, want Unchanged with 0 quads", again)
		}
		if after := len(allQuads(t, s)); after != before {
			t.Errorf("re-put changed the store: %d quads, then %d", before, after)
		}
	})
}

func TestPutWithoutSHAComparesFacts(t *testing.T) {
	s := openTest(t, Config{Backend: BackendMemory})
	rec := docB()
	rec.Doc.SHA256 = ""
	mustPut(t, s, rec)
	if res := mustPut(t, s, rec); res.Status != Unchanged {
		t.Errorf("same facts without sha256: %v, want unchanged", res.Status)
	}
	rec.Events[0].Killed = num(8)
	if res := mustPut(t, s, rec); res.Status != Replaced {
		t.Errorf("changed facts without sha256: %v, want replaced", res.Status)
	}
}

func TestPutReplacesChangedDocument(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		mustPut(t, s, docA())
		mustPut(t, s, docB())
		v1 := labelled(t, s, "a.txt")

		// Version 2 of a.txt: the toll is revised, Iran's strike and the
		// relations are gone.
		v2rec := docA()
		v2rec.Doc.SHA256 = "sha-a-2"
		v2rec.Events = v2rec.Events[:1]
		v2rec.Events[0].Killed = num(10)
		v2rec.Relations = nil
		res := mustPut(t, s, v2rec)
		if res.Status != Replaced {
			t.Fatalf("status %v, want replaced", res.Status)
		}
		v2 := labelled(t, s, "a.txt")
		if len(v2) != res.Quads {
			t.Errorf("store holds %d quads labelled a.txt, Put reported %d", len(v2), res.Quads)
		}
		for q := range v2 {
			if q.Predicate == schema.SHA256 && schema.TextOf(q.Object) != "sha-a-2" {
				t.Errorf("old sha256 left: %v", q)
			}
			if q.Predicate == schema.Killed && schema.TextOf(q.Object) == "9" {
				t.Errorf("old toll left: %v", q)
			}
		}
		if len(v2) >= len(v1) {
			t.Errorf("v2 has %d quads, v1 %d: the removed event and relations should be gone", len(v2), len(v1))
		}

		evs := mustEvents(t, s, EventFilter{})
		if len(evs) != 1 {
			t.Fatalf("%d events after replacement, want 1 (Pakistan's strike): %+v", len(evs), evs)
		}
		ev := evs[0]
		if len(ev.Sources) != 2 || *ev.Killed != 7 || ev.KilledMax == nil || *ev.KilledMax != 10 {
			t.Errorf("fused strike after replacement: killed %v–%v, %d sources; want 7–10 from 2", deref(ev.Killed), deref(ev.KilledMax), len(ev.Sources))
		}
		st, err := s.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if st.Statements != 0 {
			t.Errorf("%d statements left, want 0", st.Statements)
		}
	})
}

func deref(n *int) interface{} {
	if n == nil {
		return nil
	}
	return *n
}

func TestPutIsAtomic(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		mustPut(t, s, docA())
		before := allQuads(t, s)
		eventsBefore := mustEvents(t, s, EventFilter{})

		v2 := docA()
		v2.Doc.SHA256 = "sha-a-2"
		v2.Events[0].Killed = num(12)

		cases := []struct {
			name string
			rec  *extract.Record
			hook func([]graph.Delta, *graph.IgnoreOpts) []graph.Delta
		}{
			{
				// The last relation cannot be stored: found while building,
				// before anything is written.
				name: "invalid record",
				rec: func() *extract.Record {
					r := docB()
					r.Relations = append(r.Relations, extract.Relation{Subject: jaish, Predicate: "holdsRole",
						Object: extract.Object{Value: "bad \xff byte"}})
					return r
				}(),
			},
			{
				// The backend fails after writing part of the transaction
				// (the deletion of a quad that does not exist comes last).
				name: "backend failure on a new document",
				rec:  docB(),
				hook: failLast,
			},
			{
				name: "backend failure on a replacement",
				rec:  v2,
				hook: failLast,
			},
		}
		for _, c := range cases {
			applyHook = c.hook
			_, err := s.Put(ctx, c.rec)
			applyHook = nil
			if err == nil {
				t.Fatalf("%s: Put succeeded, want an error", c.name)
			}
			after := allQuads(t, s)
			if !sameQuads(before, after) {
				t.Errorf("%s: store changed after a failed Put (%d quads before, %d after)", c.name, len(before), len(after))
			}
		}
		if got := mustEvents(t, s, EventFilter{}); len(got) != len(eventsBefore) || *got[1].Killed != 9 {
			t.Errorf("events changed after failed puts: %+v", got)
		}
		// The same versions go in once the backend works.
		if res := mustPut(t, s, v2); res.Status != Replaced {
			t.Errorf("v2 after failures: %v, want replaced", res.Status)
		}
	})
}

// failLast appends the deletion of a quad that does not exist, and has the
// backend refuse it: every backend then fails at the end of the
// transaction, after the other deltas went in.
func failLast(d []graph.Delta, opts *graph.IgnoreOpts) []graph.Delta {
	opts.IgnoreMissing = false
	missing := quad.Make(quad.IRI("urn:test:missing"), quad.IRI("urn:test:p"), quad.String("x"), nil)
	return append(d, graph.Delta{Quad: missing, Action: graph.Delete})
}

func TestPutRejects(t *testing.T) {
	s := openTest(t, Config{Backend: BackendMemory})
	ro := openTest(t, Config{Backend: BackendMemory, ReadOnly: true})
	noID := docA()
	noID.Events[0].Actors[0].ID = ""
	badClass := docA()
	badClass.Entities[0].Class = "Armed Group"
	cases := []struct {
		name string
		s    *Store
		rec  *extract.Record
	}{
		{"nil record", s, nil},
		{"no document id", s, &extract.Record{}},
		{"reference without id", s, noID},
		{"class that is no IRI name", s, badClass},
		{"read-only store", ro, docA()},
	}
	for _, c := range cases {
		if _, err := c.s.Put(context.Background(), c.rec); err == nil {
			t.Errorf("%s: Put succeeded, want an error", c.name)
		}
	}
	if _, err := ro.Put(context.Background(), docA()); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only put: %v, want ErrReadOnly", err)
	}
	if n := len(allQuads(t, s)); n != 0 {
		t.Errorf("%d quads written by rejected puts", n)
	}
}

func TestBoltIsOneFile(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/graph.db"
	s := openTest(t, Config{Path: path})
	mustPut(t, s, docA())
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	ro := openTest(t, Config{Path: path, ReadOnly: true})
	if evs := mustEvents(t, ro, EventFilter{}); len(evs) != 3 {
		t.Errorf("read-only reopen: %d events, want 3", len(evs))
	}
	if _, err := ro.Put(context.Background(), docB()); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only put: %v", err)
	}
	if _, err := Open(context.Background(), Config{Path: dir + "/missing.db", ReadOnly: true}); err == nil {
		t.Error("read-only open of a missing file succeeded")
	}
}

// TestDocQuadsReadsWhatTheDocumentLabels checks that finding a
// document's quads (to replace it) returns exactly the quads labelled with
// it, and that on bolt the log entries it reads do not grow with the
// number of other documents naming the same entities and supporting the
// same facts (each of which adds a mentionedIn and supportedBy quad to
// them); nor do those that putting an unchanged version reads.
func TestDocQuadsReadsWhatTheDocumentLabels(t *testing.T) {
	ctx := context.Background()
	reads, unchanged := map[int]int{}, map[int]int{}
	for _, others := range []int{2, 40} {
		s := openTest(t, Config{Backend: BackendBolt, Path: filepath.Join(t.TempDir(), "test.db")})
		mustPut(t, s, docA())
		for i := 0; i < others; i++ {
			r := docA()
			r.Doc.ID, r.Doc.SHA256 = fmt.Sprintf("copy-%d.txt", i), fmt.Sprintf("sha-copy-%d", i)
			mustPut(t, s, r)
		}
		doc := schema.DocumentIRI(s.Base(), "a.txt")
		v := s.view(ctx, nil)
		v.share()
		got, err := s.docQuads(v, doc)
		reads[others] = logReads(v)
		if err := v.release(); err != nil {
			t.Fatal(err)
		}
		if err != nil {
			t.Fatal(err)
		}
		// Putting the same version again reads the stored sha256, not
		// the document's quads.
		v = s.view(ctx, newPending())
		v.share()
		res, deltas, _, err := s.putOne(v, docA())
		unchanged[others] = logReads(v)
		v.release()
		if err != nil || res.Status != Unchanged || len(deltas) != 0 {
			t.Errorf("%d other documents: putting a.txt again: %+v, %d changes, %v; want unchanged", others, res, len(deltas), err)
		}
		want := labelled(t, s, "a.txt")
		gotSet := map[quad.Quad]bool{}
		for _, q := range got {
			gotSet[q] = true
		}
		if len(gotSet) != len(want) || len(got) != len(want) {
			t.Errorf("%d other documents: docQuads found %d quads (%d distinct), the store labels %d with a.txt", others, len(got), len(gotSet), len(want))
		}
		for q := range want {
			if !gotSet[q] {
				t.Errorf("%d other documents: docQuads missed %v", others, q)
			}
		}
	}
	if reads[40] != reads[2] {
		t.Errorf("docQuads read %d log entries with 2 other documents, %d with 40: it reads the other documents' quads", reads[2], reads[40])
	}
	if unchanged[40] != unchanged[2] || unchanged[2] > 2 {
		t.Errorf("putting an unchanged document read %d log entries with 2 other documents, %d with 40, want one or two", unchanged[2], unchanged[40])
	}
}
