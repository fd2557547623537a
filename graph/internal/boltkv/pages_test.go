package boltkv

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/boltdb/bolt"
)

// TestWritePages copies, page by page, bolt files of every shape a bucket
// takes (pages.go) and checks that bolt reads the same keys, values,
// nested buckets and sequences from the copy, that the copy passes bolt's
// consistency check, and that bolt then writes into it.
func TestWritePages(t *testing.T) {
	big := bytes.Repeat([]byte("x"), 20_000)
	tests := []struct {
		name string
		fill func(tx *bolt.Tx) error
	}{
		{"no bucket", func(*bolt.Tx) error { return nil }},
		{"an empty bucket", func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("e")); return err }},
		{"a small bucket (inline)", func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket([]byte("s"))
			if err == nil {
				err = b.Put([]byte("k"), []byte("v"))
			}
			return err
		}},
		{"many keys (branch pages, two levels)", func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket([]byte("m"))
			for i := 0; err == nil && i < 60_000; i++ {
				err = b.Put([]byte(fmt.Sprintf("key %08d", i)), []byte(fmt.Sprintf("value %d", i*7)))
			}
			return err
		}},
		{"values larger than a page (overflow pages), an empty value", func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket([]byte("o"))
			for i := 0; err == nil && i < 5; i++ {
				err = b.Put([]byte{byte(i)}, big[:3000*(i+1)])
			}
			if err == nil {
				err = b.Put([]byte{9}, []byte{})
			}
			return err
		}},
		{"nested buckets, sequences, many inline buckets", func(tx *bolt.Tx) error {
			for i := 0; i < 3000; i++ {
				b, err := tx.CreateBucket([]byte(fmt.Sprintf("b%05d", i)))
				if err != nil {
					return err
				}
				if err := b.SetSequence(uint64(i)); err != nil {
					return err
				}
				if err := b.Put([]byte("x"), []byte{byte(i)}); err != nil {
					return err
				}
				if i%500 == 0 {
					n, err := b.CreateBucket([]byte("nested"))
					if err == nil {
						err = n.Put([]byte("deep"), big[:i+1])
					}
					if err != nil {
						return err
					}
				}
			}
			return nil
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src, dst := filepath.Join(dir, "src.db"), filepath.Join(dir, "dst.db")
			db, err := bolt.Open(src, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.Update(tc.fill); err != nil {
				t.Fatal(err)
			}
			err = db.View(func(tx *bolt.Tx) error {
				_, err := writePages(tx, dst, 0o600)
				return err
			})
			db.Close()
			if err != nil {
				t.Fatal(err)
			}
			if got, want := dumpBolt(t, dst), dumpBolt(t, src); got != want {
				t.Fatalf("the copy differs:\n%s", firstDiff(got, want))
			}
			checkBolt(t, dst)
			for _, p := range []string{src, dst} {
				db, err := bolt.Open(p, 0o600, nil)
				if err != nil {
					t.Fatal(err)
				}
				err = db.Update(func(tx *bolt.Tx) error {
					b, err := tx.CreateBucketIfNotExists([]byte("m"))
					for i := 0; err == nil && i < 2000; i++ {
						err = b.Put([]byte(fmt.Sprintf("key %08d", i*31)), []byte("later"))
					}
					return err
				})
				db.Close()
				if err != nil {
					t.Fatal(err)
				}
			}
			if got, want := dumpBolt(t, dst), dumpBolt(t, src); got != want {
				t.Fatalf("after a write the copy differs:\n%s", firstDiff(got, want))
			}
			checkBolt(t, dst)
		})
	}
}
