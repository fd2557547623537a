package boltkv

import (
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// dumpBolt returns every key and value of the bolt file at path, bucket
// by bucket (nested buckets by their path), in key order.
func dumpBolt(t *testing.T, path string) string {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out bytes.Buffer
	var walk func(prefix string, b *bolt.Bucket) error
	walk = func(prefix string, b *bolt.Bucket) error {
		fmt.Fprintf(&out, "bucket %q sequence %d\n", prefix, b.Sequence())
		return b.ForEach(func(k, v []byte) error {
			if v == nil && b.Bucket(k) != nil {
				return walk(prefix+"/"+string(k), b.Bucket(k))
			}
			fmt.Fprintf(&out, "%q=%x\n", k, v)
			return nil
		})
	}
	err = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error { return walk(string(name), b) })
	})
	if err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// writeStore writes batches of quads into a new store at path, as
// ingest does: each batch new nodes and old ones, then deletions.
func writeStore(t *testing.T, path string, batches int, seed int64) {
	t.Helper()
	s, err := Open(path, Options{Scratch: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	applyBatches(t, s, batches, seed)
}

// applyBatches writes writeStore's batches into s.
func applyBatches(t *testing.T, s *Store, batches int, seed int64) {
	t.Helper()
	r := rand.New(rand.NewSource(seed))
	var stored []quad.Quad
	for b := 0; b < batches; b++ {
		var deltas []graph.Delta
		for i := 0; i < 300; i++ {
			n := b*300 + i
			q := quad.Make(quad.IRI(fmt.Sprintf("https://example.org/s%d", n)), quad.IRI(fmt.Sprintf("https://example.org/p%d", n%7)),
				quad.String(fmt.Sprintf("value %d", r.Intn(n+1))), quad.IRI(fmt.Sprintf("https://example.org/doc/%d", n/50)))
			deltas = append(deltas, graph.Delta{Quad: q, Action: graph.Add})
			stored = append(stored, q)
		}
		for i := 0; i < 40 && len(stored) > 0; i++ {
			j := r.Intn(len(stored))
			deltas = append(deltas, graph.Delta{Quad: stored[j], Action: graph.Delete})
			stored = append(stored[:j], stored[j+1:]...)
		}
		if err := s.w.apply(deltas, graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
			t.Fatal(err)
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestCompact compacts a store written in many transactions and checks
// that the file holds the same buckets, keys and values in fewer bytes,
// with pages filled (the root bucket's too), passes bolt's consistency
// check, reads the same quads through Cayley, and takes a later write as
// the file before compaction does.
func TestCompact(t *testing.T) {
	dir := t.TempDir()
	path, orig := filepath.Join(dir, "a.db"), filepath.Join(dir, "orig.db")
	writeStore(t, path, 40, 1)
	copyFile(t, path, orig)
	before := dumpBolt(t, path)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.CompactClose()
	if err != nil {
		t.Fatal(err)
	}
	if after := dumpBolt(t, path); after != before {
		t.Fatalf("compaction changed the contents")
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != st.After || st.After >= st.Before {
		t.Fatalf("stats %+v, file %v (%v): want the file's size after, smaller than before", st, fi.Size(), err)
	}
	if st.FreeBefore == 0 || st.FreeAfter > 2 {
		t.Errorf("stats %+v: want free pages before, at most 2 after", st)
	}
	if _, err := os.Stat(path + ".compact"); !os.IsNotExist(err) {
		t.Errorf("temporary file left behind: %v", err)
	}
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			return err
		}
		if tx.Size() != st.After {
			return fmt.Errorf("high-water mark %d, file %d", tx.Size(), st.After)
		}
		for name, s := range map[string]bolt.BucketStats{"log": tx.Bucket(bucketLog).Stats(), "spoc": tx.Bucket([]byte("spoc")).Stats(), "root": rootBucket(tx).Stats()} {
			if used := float64(s.LeafInuse) / float64(s.LeafAlloc); used < 0.9 {
				t.Errorf("bucket %s: %.0f%% of its %d leaf bytes used, want at least 90%%", name, 100*used, s.LeafAlloc)
			}
		}
		free := 0
		for id := 0; int64(id)*int64(db.Info().PageSize) < tx.Size(); id++ {
			if p, err := tx.Page(id); err == nil && p != nil && p.Type == "free" {
				free++
			}
		}
		if free > 2 {
			t.Errorf("%d free pages after compaction", free)
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{orig, path} {
		h, err := hbolt.Open(p, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := readKV(t, h, nil); len(got.quads) == 0 || got.size != int64(len(got.quads)) {
			t.Errorf("%s: Cayley reads %d quads, size %d", p, len(got.quads), got.size)
		}
		h.Close()
		writeStore(t, p, 3, 2)
	}
	if dumpBolt(t, path) != dumpBolt(t, orig) {
		t.Errorf("a write after compaction leaves other contents than the same write without")
	}
}

// TestCompactWhileWaiting opens a store for writing while another process
// (here, another open) holds it and compacts it: the open waits for the
// lock and then writes into the compacted file, not the file it replaced.
func TestCompactWhileWaiting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	writeStore(t, path, 5, 1)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() {
		w, err := Open(path, Options{Scratch: true})
		if err != nil {
			done <- err
			return
		}
		q := quad.Make(quad.IRI("https://example.org/late"), quad.IRI("https://example.org/p"), quad.String("written after"), nil)
		err = w.w.apply([]graph.Delta{{Quad: q, Action: graph.Add}}, graph.IgnoreOpts{})
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		done <- err
	}()
	time.Sleep(300 * time.Millisecond) // the open above waits for the lock
	if _, err := s.CompactClose(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	h, err := hbolt.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	late := 0
	for q := range readKV(t, h, nil).quads {
		if q.Subject == quad.IRI("https://example.org/late") {
			late++
		}
	}
	if late != 1 {
		t.Errorf("the quad written after waiting for the lock: %d in the file, want 1", late)
	}
}
