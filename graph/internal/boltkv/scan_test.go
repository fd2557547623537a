package boltkv

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"sort"
	"testing"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
)

// threeDirIndexes are the indexes of the bolt stores newsgraph made
// before whole-quad keys (not live: scans read the log).
var threeDirIndexes = []kv.QuadIndex{
	{Dirs: []quad.Direction{quad.Subject, quad.Predicate}},
	{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}},
	{Dirs: []quad.Direction{quad.Predicate, quad.Object, quad.Subject}},
}

// TestPrefixScanMatchesCayley writes random batches of additions and
// deletions and checks, after each, that the prefix scan lists for every
// prefix of every index the same live quads, in the same order, as
// Cayley's own kv iterator, and the model's quads under that prefix,
// whether the scan has its own reader or shares one with other scans: on
// a store with whole-quad (live) indexes, where scans must read no log
// entry, and on one with the older three-direction indexes.
func TestPrefixScanMatchesCayley(t *testing.T) {
	for _, c := range []struct {
		name    string
		indexes []kv.QuadIndex
		live    bool
	}{
		{"live whole-quad indexes", quadIndexes, true},
		{"three-direction indexes", threeDirIndexes, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newKVFile(t, c.indexes)
			r := rand.New(rand.NewSource(11))
			model := map[quad.Quad]bool{}
			scanned := 0
			for batch := 0; batch < 25; batch++ {
				deltas := randomNetBatch(r, model, false)
				if err := f.w.apply(deltas, graph.IgnoreOpts{}); err != nil {
					t.Fatalf("batch %d: %v", batch, err)
				}
				applyModel(model, deltas)
				scanned += checkScans(t, fmt.Sprintf("batch %d", batch), f, model, c.live)
			}
			if scanned == 0 {
				t.Fatal("no quad scanned: the test tests nothing")
			}
		})
	}
}

// TestForeignWriterEndsLiveIndexes writes a live store with kvWriter,
// then once with Cayley's own writer (which leaves deleted quads in the
// index lists): scans must see the indexes as not live and read the log,
// and kvWriter's next write must remove the marker for good.
func TestForeignWriterEndsLiveIndexes(t *testing.T) {
	f := newKVFile(t, quadIndexes)
	r := rand.New(rand.NewSource(5))
	model := map[quad.Quad]bool{}
	for batch := 0; batch < 5; batch++ {
		deltas := randomNetBatch(r, model, true)
		if err := f.w.apply(deltas, graph.IgnoreOpts{}); err != nil {
			t.Fatal(err)
		}
		applyModel(model, deltas)
	}
	checkScans(t, "before Cayley's write", f, model, true)
	cay, err := kv.New(f.db, kvOptions)
	if err != nil {
		t.Fatal(err)
	}
	deltas := randomNetBatch(r, model, true)
	dels := 0
	for _, d := range deltas {
		if d.Action == graph.Delete {
			dels++
		}
	}
	if dels == 0 {
		t.Fatal("Cayley's batch deletes nothing: the test tests nothing")
	}
	if err := cay.ApplyDeltas(deltas, graph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	applyModel(model, deltas)
	checkScans(t, "after Cayley's write", f, model, false)
	// kvWriter's ids are stale after another writer: a fresh writer.
	f.w = &kvWriter{db: f.w.db, indexes: f.w.indexes, ids: &refCache{}}
	for batch := 0; batch < 3; batch++ {
		deltas := randomNetBatch(r, model, true)
		if err := f.w.apply(deltas, graph.IgnoreOpts{}); err != nil {
			t.Fatal(err)
		}
		applyModel(model, deltas)
		if err := f.w.db.View(func(tx *bolt.Tx) error {
			if _, marked := liveIndexes(tx.Bucket(bucketMeta)); marked {
				return errors.New("the live marker outlived another writer's write")
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		checkScans(t, fmt.Sprintf("our batch %d after Cayley's", batch), f, model, false)
	}
}

// applyModel applies deltas to the model of a store.
func applyModel(model map[quad.Quad]bool, deltas []graph.Delta) {
	for _, d := range deltas {
		if d.Action == graph.Add {
			model[d.Quad] = true
		} else {
			delete(model, d.Quad)
		}
	}
}

// checkScans compares, for every one- and two-direction prefix of every
// index of f, the prefix scan (with its own reader and with a shared
// one) with Cayley's kv iterator and with the model; live says whether
// the scans must take their quads from the keys (reading no log entry).
// With live indexes it also checks that the lists hold no deleted quad:
// each index lists every stored quad once. It returns the number of
// quads the model lists under the prefixes.
func checkScans(t *testing.T, what string, f *kvFile, model map[quad.Quad]bool, live bool) int {
	t.Helper()
	ctx := context.Background()
	_, _, _, _, universe := quadUniverse()
	qs, err := kv.New(f.db, kvOptions)
	if err != nil {
		t.Fatal(err)
	}
	cay := qs.(*kv.QuadStore)
	ids := func(q quad.Quad) (out [4]uint64) {
		for i, d := range quad.Directions {
			if v := q.Get(d); v != nil {
				out[i] = storedIDOf(t, f, v)
			}
		}
		return
	}
	scanned := 0
	shared := &boltReader{db: f.w.db}
	for _, ind := range f.w.indexes {
		for _, v := range universe {
			id := storedIDOf(t, f, v)
			if id == 0 {
				continue
			}
			for _, n := range []int{1, 2} {
				vals := []uint64{id}
				if n == 2 {
					// a second direction from some stored quad
					for q := range model {
						if ids(q)[ind.Dirs[0]-1] == id {
							vals = append(vals, ids(q)[ind.Dirs[1]-1])
							break
						}
					}
					if len(vals) < 2 {
						continue
					}
				}
				var want []string
				for q := range model {
					qi, ok := ids(q), true
					for i, x := range vals {
						ok = ok && qi[ind.Dirs[i]-1] == x
					}
					if ok {
						want = append(want, q.String())
					}
				}
				sort.Strings(want)
				what := fmt.Sprintf("%s, index %v, prefix %v", what, ind.Dirs, vals)
				theirs := listScan(t, ctx, cay, kv.NewQuadIterator(cay, ind, vals).AsShape().Iterate())
				for _, own := range []bool{true, false} {
					rd := shared
					if own {
						rd = &boltReader{db: f.w.db}
					}
					before := rd.reads
					sc := newPrefixScan(rd, own, ind, vals)
					ours := listScan(t, ctx, cay, sc)
					if fmt.Sprint(ours) != fmt.Sprint(theirs) {
						t.Fatalf("%s (own reader %v): prefix scan\n%v\nCayley's iterator\n%v", what, own, ours, theirs)
					}
					if sc.keyed != live && len(ours) > 0 {
						t.Fatalf("%s: scan made quads from keys: %v, want %v", what, sc.keyed, live)
					}
					if live && rd.reads != before {
						t.Fatalf("%s: live scan read %d log entries", what, rd.reads-before)
					}
				}
				if n == 1 && len(want) > 0 {
					checkSkip(t, what, cay, f, ind, vals)
					checkOnly(t, what, cay, f, ind, vals)
				}
				got := append([]string(nil), theirs...)
				sort.Strings(got)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("%s: scans list\n%v\nthe model\n%v", what, got, want)
				}
				scanned += len(want)
			}
		}
	}
	if err := shared.close(); err != nil {
		t.Fatal(err)
	}
	if live {
		err := f.w.db.View(func(tx *bolt.Tx) error {
			for _, ind := range f.w.indexes {
				n := 0
				if b := tx.Bucket(indexBucket(ind)); b != nil {
					err := b.ForEach(func(k, v []byte) error {
						for len(v) > 0 {
							_, m := binary.Uvarint(v)
							v = v[m:]
							n++
						}
						return nil
					})
					if err != nil {
						return err
					}
				}
				if n != len(model) {
					return fmt.Errorf("index %v lists %d quads, the store holds %d", ind.Dirs, n, len(model))
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	return scanned
}

// checkSkip scans prefix vals of ind skipping the entries whose next
// direction is the id that direction has in the prefix's first quad,
// and compares with Cayley's iterator's quads without them.
func checkSkip(t *testing.T, what string, cay *kv.QuadStore, f *kvFile, ind kv.QuadIndex, vals []uint64) {
	t.Helper()
	ctx := context.Background()
	next := ind.Dirs[len(vals)]
	var want []string
	var skip uint64
	it := kv.NewQuadIterator(cay, ind, vals).AsShape().Iterate()
	for it.Next(ctx) {
		p := it.Result().(*proto.Primitive)
		if skip == 0 {
			skip = p.GetDirection(next)
		}
		if p.GetDirection(next) != skip {
			want = append(want, cay.Quad(p).String())
		}
	}
	it.Close()
	sc := newPrefixScan(&boltReader{db: f.w.db}, true, ind, vals)
	sc.skip = []uint64{skip}
	got := listScan(t, ctx, cay, sc)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("%s, skipping %v %d: prefix scan\n%v\nwant\n%v", what, next, skip, got, want)
	}
}

// checkOnly scans prefix vals of ind for only some ids of the next
// direction (every other id the prefix holds, and one it does not),
// and compares with Cayley's iterator's quads of those ids.
func checkOnly(t *testing.T, what string, cay *kv.QuadStore, f *kvFile, ind kv.QuadIndex, vals []uint64) {
	t.Helper()
	ctx := context.Background()
	next := ind.Dirs[len(vals)]
	var all []*proto.Primitive
	var ids []uint64
	it := kv.NewQuadIterator(cay, ind, vals).AsShape().Iterate()
	for it.Next(ctx) {
		p := it.Result().(*proto.Primitive)
		all = append(all, p)
		if id := p.GetDirection(next); len(ids) == 0 || ids[len(ids)-1] != id {
			ids = append(ids, id)
		}
	}
	it.Close()
	only := []uint64{1 << 62} // stored nowhere
	for i := len(ids) - 1; i >= 0; i -= 2 {
		only = append(only, ids[i])
	}
	slices.Sort(only)
	var want []string
	for _, p := range all {
		if slices.Contains(only, p.GetDirection(next)) {
			want = append(want, cay.Quad(p).String())
		}
	}
	sc := newPrefixScan(&boltReader{db: f.w.db}, true, ind, vals)
	sc.only = only
	got := listScan(t, ctx, cay, sc)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("%s, only %v %v: prefix scan\n%v\nwant\n%v", what, next, only, got, want)
	}
}

// storedIDOf returns the node id of v in f's store (0 if not stored),
// read from the file rather than from the writer's cache.
func storedIDOf(t *testing.T, f *kvFile, v quad.Value) uint64 {
	t.Helper()
	var id uint64
	if err := f.w.db.View(func(tx *bolt.Tx) error {
		id = storedID(tx, v)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return id
}

// listScan returns the quads a scanner lists, in its order, as strings.
func listScan(t *testing.T, ctx context.Context, qs *kv.QuadStore, sc graph.Scanner) []string {
	t.Helper()
	defer sc.Close()
	var out []string
	for sc.Next(ctx) {
		p, ok := sc.Result().(*proto.Primitive)
		if !ok || p.Deleted {
			t.Fatalf("scan result %#v is not a live quad", sc.Result())
		}
		out = append(out, qs.Quad(p).String())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
