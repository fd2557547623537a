package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/boltdb/bolt"
)

// TestCompact ingests the examples, deletes two documents (which leaves
// free pages in the file) and compacts the store: the file is no larger,
// passes bolt's consistency check, and the events read the same.
func TestCompact(t *testing.T) {
	forEachMode(t, func(t *testing.T, run func(invocation) result) {
		db := filepath.Join(t.TempDir(), "graph.db")
		steps := [][]string{
			{"ingest", "--dbpath", db, "../../examples/articles"},
			{"delete", "--dbpath", db, "000_d765e2c5818afb87.txt", "002_b2a058ac03e6db85.txt"},
		}
		for _, args := range steps {
			if r := run(invocation{args: args}); r.code != 0 {
				t.Fatalf("%v: %+v", args, r)
			}
		}
		events := func() string {
			t.Helper()
			r := run(invocation{args: []string{"events", "--json", "--dbpath", db}})
			if r.code != 0 || r.stdout == "" {
				t.Fatalf("events: %+v", r)
			}
			return r.stdout
		}
		before, size := events(), fileSize(t, db)
		r := run(invocation{args: []string{"compact", "--dbpath", db}})
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("compact: %+v", r)
		}
		for _, want := range []string{"compacted " + db, "before:", "after:", "free pages"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("compact printed %q, want %q in it", r.stdout, want)
			}
		}
		if after := fileSize(t, db); after > size {
			t.Errorf("file grew from %d to %d bytes", size, after)
		}
		if events() != before {
			t.Errorf("events --json changed by compact")
		}
		checkBolt(t, db)
	})
}

// TestCompactErrors runs compact on what it cannot compact: one row per
// kind of store, each an error naming it, with exit status 1.
func TestCompactErrors(t *testing.T) {
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "corrupt.db")
	if err := os.WriteFile(corrupt, []byte(strings.Repeat("not a bolt page ", 512)), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.db")
	tests := []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"--dbpath", missing}, missing + ": no such database"},
		{[]string{"--dbpath", corrupt}, "open bolt file " + corrupt + ": invalid database"},
		{[]string{"--dbpath", empty}, empty + ": not a bolt database"},
		{[]string{"--db", "memory"}, "--db memory: only a bolt file can be compacted"},
		{[]string{"--db", "postgres", "--dbpath", "host=nowhere"}, "--db postgres: only a bolt file can be compacted"},
	}
	forEachMode(t, func(t *testing.T, run func(invocation) result) {
		for _, tt := range tests {
			r := run(invocation{args: append([]string{"compact"}, tt.args...)})
			if r.code != 1 || !strings.Contains(r.stderr, tt.want) || r.stdout != "" {
				t.Errorf("%v: code %d, stderr %q, stdout %q; want 1 and %q", tt.args, r.code, r.stderr, r.stdout, tt.want)
			}
		}
		if _, err := os.Stat(missing); !os.IsNotExist(err) {
			t.Errorf("compact of a missing file created it: %v", err)
		}
		if fi, err := os.Stat(empty); err != nil || fi.Size() != 0 {
			t.Errorf("compact of an empty file changed it: %v", err)
		}
	})
}

// fileSize returns the bytes of the file at path.
func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// checkBolt runs bolt's consistency check on the file at path.
func checkBolt(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			return err
		}
		return nil
	})
	if err != nil {
		t.Errorf("bolt check of %s: %v", path, err)
	}
}
