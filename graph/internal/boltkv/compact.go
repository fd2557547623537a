package boltkv

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"time"
	"unsafe"

	"github.com/boltdb/bolt"
)

// Compacting a bolt file.
//
// A store written by many transactions leaves three kinds of waste in its
// file: free pages (pages a transaction replaced, kept for later writes:
// about a fifth of a freshly ingested file), pages split part full (the
// index buckets at 80%, and the root bucket, which holds the small value
// and count buckets inline, at bolt's default of half a page, with its
// keys arriving in hash order), and the room bolt allocates ahead of the
// high-water mark (up to its AllocSize, 16 MiB). Compact writes the same
// buckets, keys and values into a fresh file in key order with every page
// filled whole, and puts it in place of the old one: the layout, and so
// what Cayley and this package read, is unchanged.

// compactFill is the fill of the pages a compaction writes: as full as
// bolt allows, less a little, because bolt splits a node at the first key
// past the threshold (pageSize × fill) and gives a node of exactly a
// page's size two pages (node.go, spill: size/pageSize + 1). At a fill of
// 1, the index buckets, whose entries are all of one size (51 bytes: an
// element, a 32-byte key and a one-id list), fill 80 entries to exactly
// 4,096 bytes, and every page of them came out double.
const compactFill = 0.99

// CompactStats tells what Compact did.
type CompactStats struct {
	Before, After         int64 // bytes of file
	FreeBefore, FreeAfter int   // free pages (free and pending) in the file
	Elapsed               time.Duration
}

// CompactClose closes the store, leaving in place of its file a compact
// copy: the same buckets, keys and values, written in key order into pages
// filled whole, with no free pages. The copy is made while the store still
// holds the file's lock, and renamed over it (a crash leaves either file
// whole, and at worst the temporary path+".compact" beside it); a process
// that waited for the lock on the old file opens the new one (Open).
func (s *Store) CompactClose() (CompactStats, error) {
	start := time.Now()
	path := s.w.db.Path()
	// the copy is synced: a fresh store's buckets need not be
	err := s.flushFresh(false)
	var st CompactStats
	if err == nil {
		st, err = compactFile(s.w.db, path)
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return st, fmt.Errorf("graph: compact %s: %w", path, err)
	}
	st.Elapsed = time.Since(start)
	return st, nil
}

// compactFile writes a compact copy of db, whose file is path, and
// renames it over path.
func compactFile(db *bolt.DB, path string) (CompactStats, error) {
	st := CompactStats{}
	fi, err := os.Stat(path)
	if err != nil {
		return st, err
	}
	st.Before = fi.Size()
	st.FreeBefore = freePages(db)
	tmp := path + ".compact"
	os.Remove(tmp)
	size, free, err := copyCompact(db, tmp, fi.Mode().Perm())
	if err == nil {
		// bolt grows a file ahead of its pages; the copy needs none of that
		err = os.Truncate(tmp, size)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return st, err
	}
	syncDir(filepath.Dir(path))
	st.After, st.FreeAfter = size, free
	return st, nil
}

// freePages counts the pages on db's freelist, free or pending release
// (0 for a read-only open, which does not load the freelist). bolt counts
// them in its Stats when a write transaction closes: an empty one is
// begun and rolled back.
func freePages(db *bolt.DB) int {
	tx, err := db.Begin(true)
	if err != nil {
		return 0
	}
	tx.Rollback()
	s := db.Stats()
	return s.FreePageN + s.PendingPageN
}

// syncDir flushes a directory's entries (a rename in it) to disk, where
// the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// copyCompact copies the bolt file of db into a new file dst, page by
// page (pages.go), and returns dst's size (its high-water mark: every page
// written, none free) and its free pages.
func copyCompact(from *bolt.DB, dst string, perm os.FileMode) (size int64, free int, err error) {
	err = from.View(func(tx *bolt.Tx) error {
		size, err = writePages(tx, dst, perm)
		return err
	})
	return size, 0, err
}

// rootBucket returns the root bucket of tx, whose FillPercent bolt does
// not expose (tx.root, a Bucket held by value), or nil if this version of
// bolt holds it otherwise. The root bucket holds the top-level buckets:
// in Cayley's layout, some 130,000 small value and count buckets stored
// inline in it, which at bolt's default fill take half again the pages
// they need.
func rootBucket(tx *bolt.Tx) *bolt.Bucket {
	f := reflect.ValueOf(tx).Elem().FieldByName("root")
	if !f.IsValid() || f.Type() != reflect.TypeOf(bolt.Bucket{}) {
		return nil
	}
	return (*bolt.Bucket)(unsafe.Pointer(f.UnsafeAddr()))
}
