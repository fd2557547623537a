package graph

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt" // Cayley's own bolt backend
	"github.com/cayleygraph/quad"
)

// TestCayleyOpensStore checks the README's recipe for opening a newsgraph
// bolt file with Cayley's own tools: Cayley's bolt backend wants a
// directory holding indexes.bolt, so a directory with a link of that name
// to the file is enough, and Cayley then reads every quad that newsgraph
// wrote, and finds every node by its value. The store is written as an
// ordinary one, and as a fresh one (Config.Fresh, as ingest creates it),
// closed or compacted.
func TestCayleyOpensStore(t *testing.T) {
	for _, tc := range []struct {
		name           string
		fresh, compact bool
	}{{"ordinary", false, false}, {"fresh", true, false}, {"fresh, compacted", true, true}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "newsgraph.db")
			s := openTest(t, Config{Path: path, Fresh: tc.fresh})
			mustPut(t, s, docA())
			mustPut(t, s, docB())
			want := nquadStrings(allQuads(t, s))
			var err error
			if tc.compact {
				_, _, err = s.CloseCompacted()
			} else {
				err = s.Close()
			}
			if err != nil {
				t.Fatal(err)
			}

			cay := filepath.Join(dir, "cayley")
			if err := os.Mkdir(cay, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(path, filepath.Join(cay, "indexes.bolt")); err != nil {
				t.Fatal(err)
			}
			qs, err := cgraph.NewQuadStore("bolt", cay, cgraph.Options{"nosync": true})
			if err != nil {
				t.Fatalf("Cayley's bolt backend does not open the store: %v", err)
			}
			defer qs.Close()
			ctx := context.Background()
			it := qs.QuadsAllIterator()
			defer it.Close()
			var got []quad.Quad
			for it.Next(ctx) {
				q := qs.Quad(it.Result())
				for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
					if v != nil && qs.ValueOf(v) == nil {
						t.Fatalf("Cayley does not find the node of %v", v)
					}
				}
				got = append(got, q)
			}
			if err := it.Err(); err != nil {
				t.Fatal(err)
			}
			if g := nquadStrings(got); !slices.Equal(g, want) {
				t.Errorf("Cayley reads %d quads, newsgraph %d; they differ", len(g), len(want))
			}
		})
	}
}

// nquadStrings renders quads as sorted N-Quads lines.
func nquadStrings(qs []quad.Quad) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.NQuad()
	}
	slices.Sort(out)
	return out
}
