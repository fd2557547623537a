package boltkv

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/boltdb/bolt"
)

// withoutEmptyBuckets drops from a dumpBolt listing the buckets that hold
// no key: an ordinary store keeps the value and count buckets of the
// nodes it removed, empty; a fresh one never makes them.
func withoutEmptyBuckets(dump string) string {
	lines := strings.SplitAfter(dump, "\n")
	var out strings.Builder
	for i, l := range lines {
		if strings.HasPrefix(l, "bucket ") && (i+1 == len(lines) || strings.HasPrefix(lines[i+1], "bucket ") || lines[i+1] == "") {
			continue
		}
		out.WriteString(l)
	}
	return out.String()
}

// TestFreshStore writes the same batches into an ordinary store and into
// fresh ones (fresh.go) that end in each way a run can end: closed,
// compacted, or left by a process that died (its next open, read-only
// here, rebuilds the value and count buckets from the log). Each
// file must hold what the ordinary one holds, key for key, pass bolt's
// consistency check, and be read by Cayley's kv store as the same quads.
func TestFreshStore(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.db")
	writeStore(t, plain, 12, 3)
	want := withoutEmptyBuckets(dumpBolt(t, plain))
	wantQuads := cayleyQuads(t, plain)

	for _, end := range []string{"close", "compact", "die"} {
		t.Run(end, func(t *testing.T) {
			path := filepath.Join(dir, end+".db")
			s, err := Open(path, Options{Fresh: true})
			if err != nil {
				t.Fatal(err)
			}
			if s.w.fresh == nil {
				t.Fatal("a new file opened with Fresh is not fresh")
			}
			applyBatches(t, s, 12, 3)
			switch end {
			case "close":
				err = s.Close()
			case "compact":
				_, err = s.CompactClose()
			case "die":
				err = s.QuadStore.Close() // no flush: the marker stays
				if err == nil {
					// a read-only open finishes it too (cayleyQuads below)
					var s2 *Store
					if s2, err = Open(path, Options{ReadOnly: true}); err == nil {
						err = s2.Close()
					}
				}
			}
			if err != nil {
				t.Fatal(err)
			}
			got := withoutEmptyBuckets(dumpBolt(t, path))
			if got != want {
				t.Errorf("fresh store (%s) differs from the ordinary one:\n%s", end, firstDiff(got, want))
			}
			if q := cayleyQuads(t, path); q != wantQuads {
				t.Errorf("Cayley reads other quads from the fresh store (%s)", end)
			}
			checkBolt(t, path)
		})
	}

	// A file that already holds quads is not made fresh.
	s, err := Open(plain, Options{Fresh: true})
	if err != nil {
		t.Fatal(err)
	}
	if s.w.fresh != nil {
		t.Error("a file holding quads was opened fresh")
	}
	s.Close()
}

// firstDiff shows the first differing line of two dumps.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return "got  " + g[i] + "\nwant " + w[i]
		}
	}
	return "lengths differ"
}

// cayleyQuads lists the quads Cayley's kv store reads from the file at
// path, resolving each node through the value buckets, sorted.
func cayleyQuads(t *testing.T, path string) string {
	t.Helper()
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	var lines []string
	it := s.QuadStore.QuadsAllIterator()
	for it.Next(ctx) {
		q := s.QuadStore.Quad(it.Result())
		// every node must resolve through Cayley's own value buckets
		if s.QuadStore.ValueOf(q.Subject) == nil || s.QuadStore.ValueOf(q.Object) == nil || s.QuadStore.ValueOf(q.Predicate) == nil {
			t.Fatalf("quad %v: a node does not resolve", q)
		}
		lines = append(lines, q.String())
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	it.Close()
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// checkBolt runs bolt's consistency check on the file at path.
func checkBolt(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
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
		t.Fatal(err)
	}
}
