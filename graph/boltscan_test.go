package graph

import (
	"context"
	"fmt"
	"math/rand"
	"sort"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
)

// TestPrefixScanMatchesCayley writes random batches of additions and
// deletions (deleted quads stay in the index lists, marked deleted) and
// checks, after each, that the prefix scan lists for every prefix of
// every index the same live quads, in the same order, as Cayley's own kv
// iterator, and the model's quads under that prefix, whether the scan
// has its own reader or shares one with other scans.
func TestPrefixScanMatchesCayley(t *testing.T) {
	ctx := context.Background()
	_, _, _, _, universe := quadUniverse()
	f := newKVFile(t, quadIndexes)
	qs, err := kv.New(f.db, kvOptions)
	if err != nil {
		t.Fatal(err)
	}
	cay := qs.(*kv.QuadStore)
	r := rand.New(rand.NewSource(11))
	model := map[quad.Quad]bool{}
	ids := func(q quad.Quad) (out [4]uint64) {
		for i, d := range quad.Directions {
			if v := q.Get(d); v != nil {
				out[i] = f.w.id(v)
			}
		}
		return
	}
	scanned := 0
	for batch := 0; batch < 25; batch++ {
		deltas := randomNetBatch(r, model, false)
		if err := f.w.apply(deltas, graph.IgnoreOpts{}); err != nil {
			t.Fatalf("batch %d: %v", batch, err)
		}
		for _, d := range deltas {
			if d.Action == graph.Add {
				model[d.Quad] = true
			} else {
				delete(model, d.Quad)
			}
		}
		shared := &boltReader{db: f.w.db}
		for _, ind := range quadIndexes {
			for _, v := range universe {
				id := f.w.id(v)
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
					what := fmt.Sprintf("batch %d, index %v, prefix %v", batch, ind.Dirs, vals)
					theirs := listScan(t, ctx, cay, kv.NewQuadIterator(cay, ind, vals).AsShape().Iterate())
					for _, own := range []bool{true, false} {
						rd := shared
						if own {
							rd = &boltReader{db: f.w.db}
						}
						ours := listScan(t, ctx, cay, newPrefixScan(rd, own, ind, vals))
						if fmt.Sprint(ours) != fmt.Sprint(theirs) {
							t.Fatalf("%s (own reader %v): prefix scan\n%v\nCayley's iterator\n%v", what, own, ours, theirs)
						}
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
	}
	if scanned == 0 {
		t.Fatal("no quad scanned: the test tests nothing")
	}
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
