package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrCorruptGzip: a compressed input is not gzip data, or does not
// decompress to its end.
var ErrCorruptGzip = errors.New("corrupt gzip data")

// gzipMagic begins every gzip stream (RFC 1952).
var gzipMagic = []byte{0x1f, 0x8b}

// gzipSuffix marks a compressed input: a.txt.gz, b.jsonl.gz, c.html.gz.
const gzipSuffix = ".gz"

// hasGzipName reports whether p's name ends in .gz (in any case).
func hasGzipName(p string) bool {
	return strings.HasSuffix(strings.ToLower(p), gzipSuffix)
}

// trimGzip removes the .gz suffix: a document's kind and id are those of
// the file it decompresses to.
func trimGzip(p string) string {
	if hasGzipName(p) {
		return p[:len(p)-len(gzipSuffix)]
	}
	return p
}

// openInput opens the regular file p for reading, decompressed when it is
// gzip: by its first two bytes, or by its name (a .gz file that is not
// gzip is an ErrCorruptGzip). size is what the reader will give, -1 when
// not known in advance (any compressed file). pr counts the bytes read
// from the file.
func openInput(p string, pr *progress) (r io.ReadCloser, size int64, err error) {
	f, fi, err := openRegular(p)
	if err != nil {
		return nil, 0, err
	}
	br := bufio.NewReader(pr.reader(f))
	head, _ := br.Peek(len(gzipMagic))
	if !bytes.Equal(head, gzipMagic) {
		if hasGzipName(p) {
			f.Close()
			return nil, 0, fmt.Errorf("%w: no gzip header", ErrCorruptGzip)
		}
		size = -1
		if fi.Size() > 0 {
			size = fi.Size()
		}
		return readCloser{br, f}, size, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("%w: %v", ErrCorruptGzip, err)
	}
	return readCloser{gzipErrors{zr}, f}, -1, nil
}

// decompressed is r decompressed when it begins with gzip's magic bytes
// (standard input, which has no name to go by), r itself otherwise.
// It reads no more of r than the two bytes it looks at before the reader
// returned reads on.
func decompressed(r io.Reader) (io.Reader, error) {
	head := make([]byte, len(gzipMagic))
	n, err := io.ReadFull(r, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	rest := io.MultiReader(bytes.NewReader(head[:n]), r)
	if !bytes.Equal(head[:n], gzipMagic) {
		return rest, nil
	}
	zr, err := gzip.NewReader(rest)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorruptGzip, err)
	}
	return gzipErrors{zr}, nil
}

// readCloser reads from one reader and closes another (the file below).
type readCloser struct {
	io.Reader
	io.Closer
}

// gzipErrors marks the errors of a gzip stream as ErrCorruptGzip.
type gzipErrors struct{ r io.Reader }

func (g gzipErrors) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("%w: %v", ErrCorruptGzip, err)
	}
	return n, err
}
