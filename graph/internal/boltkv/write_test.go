package boltkv

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand"
	"path/filepath"
	"sort"
	"testing"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// kvFile is a bolt file initialised as Open initialises one.
type kvFile struct {
	db *hbolt.DB
	w  *kvWriter
}

func newKVFile(t *testing.T, indexes []kv.QuadIndex) *kvFile {
	t.Helper()
	db, err := hbolt.Open(filepath.Join(t.TempDir(), "kv.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := kv.Init(db, kvOptions); err != nil {
		t.Fatal(err)
	}
	if indexes != nil {
		if err := setQuadIndexes(db, indexes); err != nil {
			t.Fatal(err)
		}
	}
	list, err := readQuadIndexes(db)
	if err != nil {
		t.Fatal(err)
	}
	return &kvFile{db: db, w: &kvWriter{db: db.DB(), indexes: list, ids: &refCache{}}}
}

// kvState is what Cayley's own kv quad store reads from a file, and the
// reference counts of values.
type kvState struct {
	quads map[quad.Quad]bool
	size  int64
	refs  map[quad.Value]int
}

// readKV opens a fresh Cayley kv quad store on f (so that no cache of a
// writer is involved) and reads every quad, the store's size, and the
// reference count and id of each value of universe.
func readKV(t *testing.T, db *hbolt.DB, universe []quad.Value) kvState {
	t.Helper()
	qs, err := kv.New(db, kvOptions)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st := kvState{quads: map[quad.Quad]bool{}, refs: map[quad.Value]int{}}
	it := qs.QuadsAllIterator()
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		if st.quads[q] {
			t.Fatalf("quad %v listed twice", q)
		}
		st.quads[q] = true
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	it.Close()
	st.size = qs.(*kv.QuadStore).Size()
	err = db.DB().View(func(tx *bolt.Tx) error {
		for _, v := range universe {
			h := graph.HashOf(v)
			var n uint64
			if b := tx.Bucket(valueBucket('n', h)); b != nil {
				if data := b.Get(h[:]); data != nil {
					n, _ = binary.Uvarint(data)
				}
			}
			if n > 0 {
				st.refs[v] = int(n)
			}
			// The node Cayley resolves must hold the value.
			ref := qs.ValueOf(v)
			if (ref != nil && ref.(kv.Int64Value) != 0) != (n > 0) {
				return fmt.Errorf("value %v: reference count %d but id %v", v, n, ref)
			}
			if n > 0 && qs.NameOf(ref) != v {
				return fmt.Errorf("value %v: its node holds %v", v, qs.NameOf(ref))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// modelRefs counts, for each value, the quad directions naming it.
func modelRefs(quads map[quad.Quad]bool) map[quad.Value]int {
	out := map[quad.Value]int{}
	for q := range quads {
		for _, d := range quad.Directions {
			if v := q.Get(d); v != nil {
				out[v]++
			}
		}
	}
	return out
}

// quadUniverse is a small set of values, so that random changes re-add,
// delete and re-create the same nodes.
func quadUniverse() (subjects, preds, objects, labels []quad.Value, all []quad.Value) {
	for i := 0; i < 12; i++ {
		subjects = append(subjects, quad.IRI(fmt.Sprintf("https://example.org/s%d", i)))
	}
	for i := 0; i < 4; i++ {
		preds = append(preds, quad.IRI(fmt.Sprintf("https://example.org/p%d", i)))
	}
	objects = append(objects, subjects[:6]...)
	objects = append(objects, quad.String("Quetta"), quad.String("Zahedan"), schemaInt(3), schemaInt(17),
		quad.TypedString{Value: "2024-01-30", Type: "http://www.w3.org/2001/XMLSchema#date"}, quad.LangString{Value: "Kvetta", Lang: "ru"})
	labels = []quad.Value{nil, quad.IRI("https://example.org/doc/a"), quad.IRI("https://example.org/doc/b"), subjects[0]}
	seen := map[quad.Value]bool{}
	for _, list := range [][]quad.Value{subjects, preds, objects, labels} {
		for _, v := range list {
			if v != nil && !seen[v] {
				seen[v] = true
				all = append(all, v)
			}
		}
	}
	return
}

func schemaInt(n int) quad.Value {
	return quad.TypedString{Value: quad.String(fmt.Sprint(n)), Type: "http://www.w3.org/2001/XMLSchema#integer"}
}

// randomNetBatch returns changes such as Put makes: deletions of stored
// quads and additions of quads not stored, none of them twice. With
// forCayley, no added quad names a node whose count falls in the batch
// (Cayley's own writer drops such a direction).
func randomNetBatch(r *rand.Rand, stored map[quad.Quad]bool, forCayley bool) []graph.Delta {
	subjects, preds, objects, labels, _ := quadUniverse()
	var dels []graph.Delta
	var keys []quad.Quad
	for q := range stored {
		keys = append(keys, q)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	for _, q := range keys {
		if r.Intn(4) == 0 {
			dels = append(dels, graph.Delta{Quad: q, Action: graph.Delete})
		}
	}
	var adds []graph.Delta
	chosen := map[quad.Quad]bool{}
	for n := r.Intn(30); n > 0; n-- {
		q := quad.Quad{Subject: subjects[r.Intn(len(subjects))], Predicate: preds[r.Intn(len(preds))],
			Object: objects[r.Intn(len(objects))], Label: labels[r.Intn(len(labels))]}
		if stored[q] || chosen[q] {
			continue
		}
		chosen[q] = true
		adds = append(adds, graph.Delta{Quad: q, Action: graph.Add})
	}
	if forCayley {
		for changed := true; changed; {
			changed = false
			net := map[quad.Value]int{}
			for _, list := range [][]graph.Delta{dels, adds} {
				for _, d := range list {
					for _, dir := range quad.Directions {
						if v := d.Quad.Get(dir); v != nil {
							if d.Action == graph.Add {
								net[v]++
							} else {
								net[v]--
							}
						}
					}
				}
			}
			kept := adds[:0]
			for _, d := range adds {
				ok := true
				for _, dir := range quad.Directions {
					if v := d.Quad.Get(dir); v != nil && net[v] < 0 {
						ok = false
					}
				}
				if ok {
					kept = append(kept, d)
				} else {
					changed = true
				}
			}
			adds = kept
		}
	}
	return append(dels, adds...)
}

// TestKVWriterMatchesCayley applies the same random changes to one bolt
// file through kvWriter and to another through Cayley's own kv writer,
// and checks that Cayley reads the same quads, size and reference counts
// from both, and that these are the model's.
func TestKVWriterMatchesCayley(t *testing.T) {
	for _, indexes := range [][]kv.QuadIndex{nil, quadIndexes} {
		t.Run(fmt.Sprintf("%d indexes", max(len(indexes), 2)), func(t *testing.T) {
			_, _, _, _, universe := quadUniverse()
			ours := newKVFile(t, indexes)
			theirs := newKVFile(t, indexes)
			cay, err := kv.New(theirs.db, kvOptions)
			if err != nil {
				t.Fatal(err)
			}
			r := rand.New(rand.NewSource(7))
			model := map[quad.Quad]bool{}
			for batch := 0; batch < 60; batch++ {
				deltas := randomNetBatch(r, model, true)
				if err := ours.w.apply(deltas, graph.IgnoreOpts{}); err != nil {
					t.Fatalf("batch %d: kvWriter: %v", batch, err)
				}
				if err := cay.ApplyDeltas(deltas, graph.IgnoreOpts{}); err != nil {
					t.Fatalf("batch %d: Cayley: %v", batch, err)
				}
				for _, d := range deltas {
					model[d.Quad] = d.Action == graph.Add
					if !model[d.Quad] {
						delete(model, d.Quad)
					}
				}
				got, want := readKV(t, ours.db, universe), readKV(t, theirs.db, universe)
				compareKV(t, fmt.Sprintf("batch %d: kvWriter vs Cayley", batch), got, want)
				compareKV(t, fmt.Sprintf("batch %d: kvWriter vs model", batch), got,
					kvState{quads: model, size: int64(len(model)), refs: modelRefs(model)})
			}
		})
	}
}

func compareKV(t *testing.T, what string, got, want kvState) {
	t.Helper()
	if got.size != want.size {
		t.Fatalf("%s: size %d, want %d", what, got.size, want.size)
	}
	for q := range want.quads {
		if !got.quads[q] {
			t.Fatalf("%s: quad %v missing", what, q)
		}
	}
	for q := range got.quads {
		if !want.quads[q] {
			t.Fatalf("%s: extra quad %v", what, q)
		}
	}
	for v, n := range want.refs {
		if got.refs[v] != n {
			t.Fatalf("%s: value %v has %d references, want %d", what, v, got.refs[v], n)
		}
	}
	for v, n := range got.refs {
		if want.refs[v] != n {
			t.Fatalf("%s: value %v has %d references, want %d", what, v, n, want.refs[v])
		}
	}
}

// TestKVWriterIgnoreOpts checks duplicates and missing quads: skipped
// with the options, errors without them, and then nothing is written.
func TestKVWriterIgnoreOpts(t *testing.T) {
	_, _, _, _, universe := quadUniverse()
	f := newKVFile(t, quadIndexes)
	a := quad.MakeIRI("https://example.org/s0", "https://example.org/p0", "https://example.org/s1", "https://example.org/doc/a")
	b := quad.Make(quad.IRI("https://example.org/s1"), quad.IRI("https://example.org/p1"), quad.String("Quetta"), nil)
	c := quad.Make(quad.IRI("https://example.org/s2"), quad.IRI("https://example.org/p1"), quad.String("Zahedan"), nil)
	add := func(qs ...quad.Quad) []graph.Delta {
		var out []graph.Delta
		for _, q := range qs {
			out = append(out, graph.Delta{Quad: q, Action: graph.Add})
		}
		return out
	}
	del := func(qs ...quad.Quad) []graph.Delta {
		out := add(qs...)
		for i := range out {
			out[i].Action = graph.Delete
		}
		return out
	}
	if err := f.w.apply(add(a, b, a), graph.IgnoreOpts{}); err != nil {
		t.Fatalf("add with a repeat in the batch: %v", err)
	}
	want := map[quad.Quad]bool{a: true, b: true}
	check := func(what string) {
		t.Helper()
		compareKV(t, what, readKV(t, f.db, universe), kvState{quads: want, size: int64(len(want)), refs: modelRefs(want)})
	}
	check("after adding a, b")

	var de *graph.DeltaError
	if err := f.w.apply(add(c, a), graph.IgnoreOpts{}); !errors.As(err, &de) || !errors.Is(de.Err, graph.ErrQuadExists) {
		t.Fatalf("re-adding a stored quad: err %v, want ErrQuadExists", err)
	}
	check("after a failed add (nothing written)")
	if err := f.w.apply(add(c, a), graph.IgnoreOpts{IgnoreDup: true}); err != nil {
		t.Fatal(err)
	}
	want[c] = true
	check("after adding c with a duplicate ignored")

	missing := quad.Make(quad.IRI("https://example.org/s3"), quad.IRI("https://example.org/p1"), quad.String("Quetta"), nil)
	if err := f.w.apply(del(b, missing), graph.IgnoreOpts{}); !errors.As(err, &de) || !errors.Is(de.Err, graph.ErrQuadNotExist) {
		t.Fatalf("deleting a missing quad: err %v, want ErrQuadNotExist", err)
	}
	check("after a failed delete (nothing written)")
	if err := f.w.apply(del(b, missing, b), graph.IgnoreOpts{IgnoreMissing: true}); err != nil {
		t.Fatal(err)
	}
	delete(want, b)
	check("after deleting b with a missing quad ignored")

	// Added and deleted in one call: absent, as with Cayley.
	if err := f.w.apply(append(add(b), del(b)...), graph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	check("after adding and deleting b in one call")

	// A node removed and made again gets a new id; the writer's cache
	// follows.
	if err := f.w.apply(del(c), graph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	delete(want, c)
	check("after deleting c")
	if id := f.w.id(quad.String("Zahedan")); id != 0 {
		t.Fatalf("removed node still has id %d", id)
	}
	if err := f.w.apply(add(c), graph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	want[c] = true
	check("after adding c again")
	if got, cached := (&kvWriter{db: f.db.DB(), ids: &refCache{}}).id(quad.String("Zahedan")), f.w.id(quad.String("Zahedan")); got == 0 || got != cached {
		t.Fatalf("id of a re-made node: cached %d, in the file %d", cached, got)
	}
}

// TestKVWriterFillsPages writes batches of quads, each naming new nodes
// and old ones, as documents do, and checks that the pages of the log
// (appended to) and of the indexes are mostly used: bolt's default split
// leaves each about half empty.
func TestKVWriterFillsPages(t *testing.T) {
	f := newKVFile(t, quadIndexes)
	const batches, perBatch = 20, 500
	for b := 0; b < batches; b++ {
		var deltas []graph.Delta
		for i := 0; i < perBatch; i++ {
			n := b*perBatch + i
			q := quad.Make(quad.IRI(fmt.Sprintf("https://example.org/s%d", n)), quad.IRI(fmt.Sprintf("https://example.org/p%d", n%7)),
				quad.IRI(fmt.Sprintf("https://example.org/s%d", n/3)), quad.IRI(fmt.Sprintf("https://example.org/doc/%d", n/50)))
			deltas = append(deltas, graph.Delta{Quad: q, Action: graph.Add})
		}
		if err := f.w.apply(deltas, graph.IgnoreOpts{}); err != nil {
			t.Fatal(err)
		}
	}
	err := f.db.DB().View(func(tx *bolt.Tx) error {
		buckets := [][]byte{bucketLog}
		for _, ind := range quadIndexes {
			buckets = append(buckets, indexBucket(ind))
		}
		for _, name := range buckets {
			s := tx.Bucket(name).Stats()
			if used := float64(s.LeafInuse) / float64(s.LeafAlloc); used < 0.65 {
				t.Errorf("bucket %s: %.0f%% of its %d leaf bytes used, want at least 65%%", name, 100*used, s.LeafAlloc)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
