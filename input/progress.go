package input

import (
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Size is the number of bytes of the files Walk reads for paths (as stored:
// a .gz file counts compressed), for a progress bar's total. It is false
// when one of the paths is standard input, whose size is not known.
// Files that cannot be read count nothing.
func Size(paths []string) (int64, bool) {
	var total int64
	for _, p := range paths {
		if p == "-" {
			return 0, false
		}
		fi, err := os.Stat(p)
		switch {
		case err != nil:
		case fi.IsDir():
			total += dirSize(p, []os.FileInfo{fi})
		case fi.Mode().IsRegular() && filepath.Base(p) != MetaFile:
			total += fi.Size()
		}
	}
	return total, true
}

// dirSize sums the files of dir that Walk reads (not hidden, not the
// metadata file), through subdirectories not among ancestors.
func dirSize(dir string, ancestors []os.FileInfo) int64 {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	var total int64
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || name == MetaFile {
			continue
		}
		full := filepath.Join(dir, name)
		fi, err := os.Stat(full)
		switch {
		case err != nil:
		case fi.IsDir() && !looped(ancestors, fi):
			total += dirSize(full, append(ancestors[:len(ancestors):len(ancestors)], fi))
		case fi.Mode().IsRegular():
			total += fi.Size()
		}
	}
	return total
}

// progress counts the bytes of the file being read for Reader.OnProgress.
type progress struct {
	fn   func(int64) // nil: no one is counting
	read int64       // bytes of the current file given to fn
}

// reader counts what is read through r.
func (pr *progress) reader(r io.Reader) io.Reader {
	if pr.fn == nil {
		return r
	}
	return countingReader{r, pr}
}

// done gives fn the rest of file p, unread or read in part (a file
// skipped, a line too long), so that the bytes given add up to Size.
func (pr *progress) done(p string) {
	if pr.fn == nil {
		return
	}
	if fi, err := os.Stat(p); err == nil && fi.Size() > pr.read {
		pr.fn(fi.Size() - pr.read)
	}
	pr.read = 0
}

type countingReader struct {
	r  io.Reader
	pr *progress
}

func (c countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	if n > 0 {
		c.pr.read += int64(n)
		c.pr.fn(int64(n))
	}
	return n, err
}
