package boltkv

import (
	"bufio"
	"encoding/binary"
	"hash/fnv"
	"os"

	"github.com/boltdb/bolt"
)

// Writing a bolt file page by page.
//
// A compaction copies every key of a file, in key order, into a new one.
// Through bolt's API that is a Put per key, each a search from the root,
// and a commit that turns the nodes into pages again: at 10,000 articles
// 28 s for a 524 MB file. pageWriter writes the new file's pages itself
// instead, in one pass: each bucket's keys fill leaf pages whole as they
// come, then branch pages over them, and a bucket small enough goes
// inline in its parent's leaf as bolt puts it. The format is bolt v1.3.1's
// (page.go, node.go, bucket.go, db.go there), native byte order (little
// endian on the machines Go supports here): a file bolt (and so Cayley)
// opens, reads and writes as one it wrote.

// Bolt's page layout.
const (
	pageHeaderSize   = 16 // id u64, flags u16, count u16, overflow u32
	pageElementSize  = 16 // leaf: flags, pos, ksize, vsize (u32); branch: pos, ksize (u32), pgid (u64)
	bucketHeaderSize = 16 // root pgid u64, sequence u64
	branchPageFlag   = 0x01
	leafPageFlag     = 0x02
	metaPageFlag     = 0x04
	freelistPageFlag = 0x10
	bucketLeafFlag   = 0x01
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	firstDataPage    = 3 // pages 0 and 1: meta; 2: the (empty) freelist
)

// pageWriter writes the pages of a new bolt file in order.
type pageWriter struct {
	f        *os.File
	w        *bufio.Writer
	pageSize int
	next     uint64 // id of the next page
	img      []byte // the page being assembled
}

// pageRef is a written page and its first key.
type pageRef struct {
	key []byte
	id  uint64
}

// leafBuilder fills the leaf pages of one bucket.
type leafBuilder struct {
	pw     *pageWriter
	keys   [][]byte
	vals   [][]byte
	flags  []uint32
	size   int // of the page so far: header, elements, keys and values
	pages  []pageRef
	nested bool // holds a bucket
}

// add appends a key (in order) and its value; flags is bucketLeafFlag for
// a nested bucket. The slices must stay valid until the bucket is done.
func (l *leafBuilder) add(k, v []byte, flags uint32) error {
	es := pageElementSize + len(k) + len(v)
	if len(l.keys) > 0 && l.size+es > l.pw.pageSize {
		if err := l.flush(); err != nil {
			return err
		}
	}
	if len(l.keys) == 0 {
		l.size = pageHeaderSize
	}
	l.keys, l.vals, l.flags = append(l.keys, k), append(l.vals, v), append(l.flags, flags)
	l.size += es
	l.nested = l.nested || flags&bucketLeafFlag != 0
	return nil
}

// image lays the elements out as a leaf page of id (0 inline) into buf,
// which must hold size bytes.
func (l *leafBuilder) image(buf []byte, id uint64, overflow int) {
	clear(buf[:pageHeaderSize+pageElementSize*len(l.keys)])
	binary.LittleEndian.PutUint64(buf[0:], id)
	binary.LittleEndian.PutUint16(buf[8:], leafPageFlag)
	binary.LittleEndian.PutUint16(buf[10:], uint16(len(l.keys)))
	binary.LittleEndian.PutUint32(buf[12:], uint32(overflow))
	data := pageHeaderSize + pageElementSize*len(l.keys)
	for i, k := range l.keys {
		e := buf[pageHeaderSize+pageElementSize*i:]
		binary.LittleEndian.PutUint32(e[0:], l.flags[i])
		binary.LittleEndian.PutUint32(e[4:], uint32(data-(pageHeaderSize+pageElementSize*i)))
		binary.LittleEndian.PutUint32(e[8:], uint32(len(k)))
		binary.LittleEndian.PutUint32(e[12:], uint32(len(l.vals[i])))
		data += copy(buf[data:], k)
		data += copy(buf[data:], l.vals[i])
	}
}

// flush writes the elements so far as a leaf page (with overflow pages if
// they need more than one).
func (l *leafBuilder) flush() error {
	if len(l.keys) == 0 {
		l.size = pageHeaderSize
	}
	n := (l.size + l.pw.pageSize - 1) / l.pw.pageSize
	buf := l.pw.page(n)
	id := l.pw.next
	l.image(buf, id, n-1)
	if len(l.keys) > 0 {
		l.pages = append(l.pages, pageRef{l.keys[0], id})
	} else {
		l.pages = append(l.pages, pageRef{nil, id})
	}
	l.keys, l.vals, l.flags = l.keys[:0], l.vals[:0], l.flags[:0]
	return l.pw.write(buf, n)
}

// finish ends the bucket and returns the value its parent holds for it:
// the bucket header, and the page inline if inline is allowed and the
// bucket is small enough for bolt to inline it (no nested bucket, at most
// a quarter of a page); root returns the id of its root page.
func (l *leafBuilder) finish(inline bool, seq uint64) (value []byte, root uint64, err error) {
	if inline && len(l.pages) == 0 && !l.nested && (len(l.keys) == 0 || l.size <= l.pw.pageSize/4) {
		size := pageHeaderSize
		if len(l.keys) > 0 {
			size = l.size
		}
		value = make([]byte, bucketHeaderSize+size)
		binary.LittleEndian.PutUint64(value[8:], seq)
		l.image(value[bucketHeaderSize:], 0, 0)
		return value, 0, nil
	}
	if len(l.keys) > 0 || len(l.pages) == 0 {
		if err := l.flush(); err != nil {
			return nil, 0, err
		}
	}
	if root, err = l.pw.branches(l.pages); err != nil {
		return nil, 0, err
	}
	value = make([]byte, bucketHeaderSize)
	binary.LittleEndian.PutUint64(value[0:], root)
	binary.LittleEndian.PutUint64(value[8:], seq)
	return value, root, nil
}

// page returns a zeroed buffer of n pages.
func (pw *pageWriter) page(n int) []byte {
	size := n * pw.pageSize
	if cap(pw.img) < size {
		pw.img = make([]byte, size)
	}
	buf := pw.img[:size]
	clear(buf)
	return buf
}

// write writes buf, n pages, as the next pages.
func (pw *pageWriter) write(buf []byte, n int) error {
	pw.next += uint64(n)
	_, err := pw.w.Write(buf)
	return err
}

// branches writes the branch pages over pages, level by level, and
// returns the id of the top one.
func (pw *pageWriter) branches(pages []pageRef) (uint64, error) {
	for len(pages) > 1 {
		var up []pageRef
		for i := 0; i < len(pages); {
			size, end := pageHeaderSize, i
			for end < len(pages) && (end == i || size+pageElementSize+len(pages[end].key) <= pw.pageSize) {
				size += pageElementSize + len(pages[end].key)
				end++
			}
			n := (size + pw.pageSize - 1) / pw.pageSize
			buf := pw.page(n)
			id := pw.next
			binary.LittleEndian.PutUint64(buf[0:], id)
			binary.LittleEndian.PutUint16(buf[8:], branchPageFlag)
			binary.LittleEndian.PutUint16(buf[10:], uint16(end-i))
			binary.LittleEndian.PutUint32(buf[12:], uint32(n-1))
			data := pageHeaderSize + pageElementSize*(end-i)
			for j, p := range pages[i:end] {
				e := buf[pageHeaderSize+pageElementSize*j:]
				binary.LittleEndian.PutUint32(e[0:], uint32(data-(pageHeaderSize+pageElementSize*j)))
				binary.LittleEndian.PutUint32(e[4:], uint32(len(p.key)))
				binary.LittleEndian.PutUint64(e[8:], p.id)
				data += copy(buf[data:], p.key)
			}
			up = append(up, pageRef{pages[i].key, id})
			if err := pw.write(buf, n); err != nil {
				return 0, err
			}
			i = end
		}
		pages = up
	}
	return pages[0].id, nil
}

// copyBucket copies the keys of the bucket that c walks (nested buckets
// found by nested) into a new leafBuilder and returns its value.
func (pw *pageWriter) copyBucket(c *bolt.Cursor, nested func(k []byte) *bolt.Bucket, inline bool, seq uint64) ([]byte, uint64, error) {
	l := &leafBuilder{pw: pw}
	for k, v := c.First(); k != nil; k, v = c.Next() {
		var flags uint32
		if v == nil {
			if b := nested(k); b != nil {
				var err error
				if v, _, err = pw.copyBucket(b.Cursor(), b.Bucket, true, b.Sequence()); err != nil {
					return nil, 0, err
				}
				flags = bucketLeafFlag
			}
		}
		if err := l.add(k, v, flags); err != nil {
			return nil, 0, err
		}
	}
	return l.finish(inline, seq)
}

// writePages writes a copy of the file of tx into a new file at dst and
// returns its size (every page written; none free).
func writePages(tx *bolt.Tx, dst string, perm os.FileMode) (int64, error) {
	f, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, perm)
	if err != nil {
		return 0, err
	}
	pw := &pageWriter{f: f, w: bufio.NewWriterSize(f, 1<<20), pageSize: os.Getpagesize(), next: firstDataPage}
	err = pw.run(tx)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return int64(pw.next) * int64(pw.pageSize), err
}

func (pw *pageWriter) run(tx *bolt.Tx) error {
	if _, err := pw.w.Write(make([]byte, firstDataPage*pw.pageSize)); err != nil {
		return err
	}
	_, root, err := pw.copyBucket(tx.Cursor(), tx.Bucket, false, 0)
	if err == nil {
		err = pw.w.Flush()
	}
	if err != nil {
		return err
	}
	head := make([]byte, firstDataPage*pw.pageSize)
	for id := range 2 {
		p := head[id*pw.pageSize:]
		binary.LittleEndian.PutUint64(p[0:], uint64(id))
		binary.LittleEndian.PutUint16(p[8:], metaPageFlag)
		m := p[pageHeaderSize:]
		binary.LittleEndian.PutUint32(m[0:], boltMagic)
		binary.LittleEndian.PutUint32(m[4:], boltVersion)
		binary.LittleEndian.PutUint32(m[8:], uint32(pw.pageSize))
		binary.LittleEndian.PutUint64(m[16:], root)
		binary.LittleEndian.PutUint64(m[32:], 2) // the freelist's page
		binary.LittleEndian.PutUint64(m[40:], pw.next)
		binary.LittleEndian.PutUint64(m[48:], uint64(id)) // txid
		h := fnv.New64a()
		h.Write(m[:56])
		binary.LittleEndian.PutUint64(m[56:], h.Sum64())
	}
	fl := head[2*pw.pageSize:]
	binary.LittleEndian.PutUint64(fl[0:], 2)
	binary.LittleEndian.PutUint16(fl[8:], freelistPageFlag)
	if _, err := pw.f.WriteAt(head, 0); err != nil {
		return err
	}
	return pw.f.Sync()
}
