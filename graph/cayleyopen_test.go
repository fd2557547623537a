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
// wrote.
func TestCayleyOpensStore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "newsgraph.db")
	s := openTest(t, Config{Path: path})
	mustPut(t, s, docA())
	mustPut(t, s, docB())
	want := nquadStrings(allQuads(t, s))
	if err := s.Close(); err != nil {
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
		got = append(got, qs.Quad(it.Result()))
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	if g := nquadStrings(got); !slices.Equal(g, want) {
		t.Errorf("Cayley reads %d quads, newsgraph %d; they differ", len(g), len(want))
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
