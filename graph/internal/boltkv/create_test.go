package boltkv_test

import (
	"errors"
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

// TestInterruptedCreateLeavesNoStore stops the creation of a store after
// bolt has made its file and before Cayley's layout is written, as a kill
// at that moment would: no file may stand at the store's path (a later
// read-only open would find it without the layout and fail with "not
// initialized"), nor a temporary file beside it, and the next open
// creates the store whole.
func TestInterruptedCreateLeavesNoStore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "graph.db")
	killed := errors.New("killed while creating")
	undo := boltkv.InterruptCreate(killed)
	_, err := boltkv.Open(path, boltkv.Options{})
	undo()
	if !errors.Is(err, killed) {
		t.Fatalf("open with creation interrupted: %v, want %v", err, killed)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("after an interrupted creation %s exists (stat: %v)", path, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("after an interrupted creation %d files are left, want none", len(entries))
	}
	s, err := boltkv.Open(path, boltkv.Options{})
	if err != nil {
		t.Fatalf("open after an interrupted creation: %v", err)
	}
	s.Close()
	r, err := boltkv.Open(path, boltkv.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open after an interrupted creation: %v", err)
	}
	r.Close()
}
