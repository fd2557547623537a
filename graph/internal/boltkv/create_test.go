package boltkv_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/graph/internal/boltkv"
)

// TestCreateLeavesNoHalfStore checks that a new store file appears only
// with Cayley's layout in it: opening a new path leaves the store and no
// temporary file beside it, and the store then opens read-only (a file
// without the layout fails a read-only open with "not initialized").
func TestCreateLeavesNoHalfStore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "graph.db")
	s, err := boltkv.Open(path, boltkv.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "graph.db" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("files after creating a store: %v, want only graph.db", names)
	}
	r, err := boltkv.Open(path, boltkv.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open of a new store: %v", err)
	}
	r.Close()
}
