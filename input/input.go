// Package input reads news articles — plain text, HTML pages, JSON Lines,
// whole directories of them, or standard input — and hands each one on as an
// extract.Document.
//
// Every problem with one file (or one line of a JSON Lines file) is an
// *Error naming the file and line; it is passed to Reader.OnError and the
// walk goes on with the next input.
package input

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/newsgraph/newsgraph/extract"
)

// MetaFile is the name of the per-directory metadata file. It is read, never
// treated as an article.
const MetaFile = "_meta.json"

// StdinID is the document ID of an article read from standard input ("-").
const StdinID = "stdin"

// Sentinel errors, wrapped by *Error, for errors.Is.
var (
	// ErrEmpty: the file holds no text.
	ErrEmpty = errors.New("empty file")
	// ErrBinary: the file is not text (NUL bytes, or too many bytes that
	// are not UTF-8).
	ErrBinary = errors.New("binary file")
	// ErrUnknownType: the file name has an extension Walk does not read.
	ErrUnknownType = errors.New("unknown file type")
	// ErrSymlinkLoop: a symbolic link leads back to a directory being walked.
	ErrSymlinkLoop = errors.New("symbolic link loop")
	// ErrNoText: an HTML page or a JSON Lines record has no article text.
	ErrNoText = errors.New("no article text")
	// ErrTooLarge: a document is larger than Reader.MaxSize.
	ErrTooLarge = errors.New("too large")
)

// DefaultMaxSize is the size limit of a document when Reader.MaxSize is 0:
// far beyond any article, small enough to keep memory in check.
const DefaultMaxSize = 32 << 20

// Error is a problem with one input: a file, or one line (Line > 0) of a
// JSON Lines file.
type Error struct {
	Path string // the file, as walked (joined onto the path given)
	Line int    // 1-based line number in a JSON Lines file, or 0
	Err  error
}

// Error formats the error as "input: PATH[:LINE]: problem".
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("input: %s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("input: %s: %v", e.Path, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Reader reads articles from files, directories and standard input.
// The zero value is ready to use.
type Reader struct {
	// Published is the publication date (YYYY-MM-DD) of documents that
	// carry none, neither in themselves nor in a metadata file.
	Published string
	// OnError is called for each bad file or line; the walk goes on. When
	// nil, Walk collects these errors and returns them, joined, at the end.
	OnError func(error)
	// OnWarning is called for each part of an input that was dropped
	// while the rest was read (a URL that is not http or https). When
	// nil, warnings are dropped.
	OnWarning func(error)
	// Stdin is read for the path "-" (default os.Stdin).
	Stdin io.Reader
	// MaxSize is the size in bytes of the largest document Walk reads: a
	// .txt or .html file, one line of a JSON Lines file, standard input.
	// A larger one is reported (ErrTooLarge) and skipped without being
	// held in memory: no more than MaxSize+1 bytes of it are read, or, for
	// a JSON Lines line, kept. 0 means DefaultMaxSize; a negative value,
	// no limit.
	MaxSize int64
	// OnProgress, if set, is called with the number of bytes of input
	// files (as stored: compressed for .gz) read so far since the last
	// call, from the goroutine that runs Walk; a file skipped or read in
	// part counts whole once done with, so that over a walk the bytes add
	// up to Size of its paths.
	OnProgress func(n int64)
}

// maxSize returns the size limit in force, or -1 for none.
func (r *Reader) maxSize() int64 {
	switch {
	case r.MaxSize == 0:
		return DefaultMaxSize
	case r.MaxSize < 0:
		return -1
	}
	return r.MaxSize
}

// tooLarge is the ErrTooLarge of a document of size bytes (-1 if unknown:
// more than limit).
func tooLarge(what string, size, limit int64) error {
	if size < 0 {
		return fmt.Errorf("%w: %smore than the limit of %s", ErrTooLarge, what, FormatSize(limit))
	}
	s, l := FormatSize(size), FormatSize(limit)
	if s == l { // 2049 bytes and 2048 are both "2 KiB"
		s, l = strconv.FormatInt(size, 10)+" bytes", strconv.FormatInt(limit, 10)+" bytes"
	}
	return fmt.Errorf("%w: %s%s, more than the limit of %s", ErrTooLarge, what, s, l)
}

// FormatSize writes a size in bytes for people: "512 bytes", "1.5 KiB",
// "32 MiB", "2 GiB", rounded down to a tenth of the unit.
func FormatSize(n int64) string {
	unit, div := "bytes", int64(1)
	switch {
	case n >= 1<<30:
		unit, div = "GiB", 1<<30
	case n >= 1<<20:
		unit, div = "MiB", 1<<20
	case n >= 1<<10:
		unit, div = "KiB", 1<<10
	}
	if div == 1 {
		return strconv.FormatInt(n, 10) + " " + unit
	}
	tenths := n * 10 / div // no overflow below 2^59 bytes
	if n >= 1<<59 {
		tenths = n / div * 10
	}
	v := strconv.FormatInt(tenths/10, 10)
	if d := tenths % 10; d != 0 {
		v += "." + strconv.FormatInt(d, 10)
	}
	return v + " " + unit
}

// readAll reads r, failing with ErrTooLarge, having read limit+1 bytes,
// if it holds more than limit bytes (no limit if negative). size, if not
// negative, is how much r is expected to hold.
func readAll(r io.Reader, size, limit int64) ([]byte, error) {
	if limit >= 0 {
		if size > limit {
			return nil, tooLarge("", size, limit)
		}
		r = io.LimitReader(r, limit+1)
	}
	var b bytes.Buffer
	if size >= 0 {
		b.Grow(int(size) + bytes.MinRead)
	}
	if _, err := b.ReadFrom(r); err != nil {
		return nil, pathErr(err)
	}
	if limit >= 0 && int64(b.Len()) > limit {
		return nil, tooLarge("", -1, limit) // it grew since its size was taken
	}
	return b.Bytes(), nil
}

// readFile reads the regular file p as readAll does: a file larger than
// the limit is not read at all.
// A gzip-compressed file is read decompressed, the limit applying to what
// it decompresses to.
func (w *walker) readFile(p string) ([]byte, error) {
	f, size, err := openInput(p, &w.progress)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAll(f, size, w.r.maxSize())
}

// readRegular reads the regular file p through limit (see readAll).
func readRegular(p string, limit int64) ([]byte, error) {
	f, fi, err := openRegular(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := int64(-1)
	if fi.Size() > 0 {
		size = fi.Size()
	}
	return readAll(f, size, limit)
}

// ErrNotRegular: the input is a named pipe, a device or a socket, which
// Walk does not read (reading one may never end).
var ErrNotRegular = errors.New("not a regular file")

// openRegular opens p for reading if it is a regular file, and fails with
// ErrNotRegular otherwise, before reading anything: a named pipe is opened
// without waiting for a writer, and checked once open, so that a file
// swapped for a pipe after it was walked does not hang the walk either.
func openRegular(p string) (*os.File, os.FileInfo, error) {
	if fi, err := os.Stat(p); err != nil {
		return nil, nil, pathErr(err)
	} else if !fi.Mode().IsRegular() {
		return nil, nil, notRegular(fi)
	}
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, pathErr(err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, pathErr(err)
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, nil, notRegular(fi)
	}
	return f, fi, nil
}

// notRegular is the error for a file of another type than regular.
func notRegular(fi os.FileInfo) error {
	if fi.IsDir() {
		return fmt.Errorf("%w (a directory)", ErrNotRegular)
	}
	return fmt.Errorf("%w (%s)", ErrNotRegular, fileKind(fi.Mode()))
}

// Walk reads each path in turn and calls fn with every document, in order:
//
//   - a directory is walked recursively in lexical order, skipping hidden
//     files and directories and the metadata file _meta.json; document IDs
//     are file names relative to the directory (with "/" separators);
//   - a .txt file is plain text, a .html or .htm file a web page whose
//     article body is extracted, a .jsonl (or .ndjson) file holds one
//     article per line; a file given directly has its base name as ID;
//   - a file whose name ends in .gz (a.txt.gz, b.jsonl.gz, c.html.gz), or
//     that begins with gzip's magic bytes, is read decompressed, as the
//     file it names without .gz (its ID too); a corrupt one is reported
//     (ErrCorruptGzip), naming the file;
//   - "-" is plain text read from standard input, with ID "stdin",
//     decompressed when it begins with gzip's magic bytes (a corrupt
//     stream is an ErrCorruptGzip);
//
// The publication date of a document is taken, in this order, from the
// document itself (a JSON Lines record's "published", an HTML page's
// metadata), from a _meta.json file, from a dateline among its first lines,
// or from r.Published.
//
// Walk stops and returns the error if fn fails or ctx is done. Bad inputs
// do not stop it: see Reader.OnError.
func (r *Reader) Walk(ctx context.Context, paths []string, fn func(extract.Document) error) error {
	w := &walker{ctx: ctx, r: r, fn: fn, progress: progress{fn: r.OnProgress}}
	if r.Published != "" {
		d, err := NormalizeDate(r.Published)
		if err != nil {
			return fmt.Errorf("input: default publication date: %w", err)
		}
		w.published = d
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := w.walkPath(p); err != nil {
			return err
		}
	}
	if r.OnError == nil && len(w.errs) > 0 {
		return errors.Join(w.errs...)
	}
	return nil
}

type walker struct {
	ctx       context.Context
	r         *Reader
	fn        func(extract.Document) error
	published string
	errs      []error
	progress  progress
	// ids remembers each document ID handed on and where it came from,
	// to catch two inputs with the same ID (which a store would conflate).
	ids idSet
}

// warn passes a warning on.
func (w *walker) warn(err error) {
	if w.r.OnWarning != nil {
		w.r.OnWarning(err)
	}
}

// report passes a bad-input error on.
func (w *walker) report(err error) {
	if w.r.OnError != nil {
		w.r.OnError(err)
		return
	}
	w.errs = append(w.errs, err)
}

func (w *walker) reportf(p string, line int, format string, args ...any) {
	w.report(&Error{Path: p, Line: line, Err: fmt.Errorf(format, args...)})
}

// where formats an input position for messages.
func where(p string, line int) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d", p, line)
	}
	return p
}

// emit completes a document's publication date and hands it to fn. The
// document comes from file p (line, for JSON Lines); a document whose ID
// was seen before is reported and skipped.
func (w *walker) emit(doc extract.Document, p string, line int) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	if first, dup := w.ids.seen(doc.ID); dup {
		w.reportf(p, line, "duplicate document id %q (first from %s)", doc.ID, first)
		return nil
	}
	w.ids.add(doc.ID, p, line)
	if doc.Published == "" {
		doc.Published = DatelineDate(doc.Text)
	}
	if doc.Published == "" {
		doc.Published = w.published
	}
	return w.fn(doc)
}

// pathErr strips the *fs.PathError wrapper (whose message repeats the path).
func pathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (w *walker) walkPath(p string) error {
	if p == "-" {
		return w.stdin()
	}
	fi, err := os.Stat(p)
	if err != nil {
		w.report(&Error{Path: p, Err: pathErr(err)})
		return nil
	}
	if fi.IsDir() {
		return w.walkDir(p, "", []os.FileInfo{fi}, nil)
	}
	if !fi.Mode().IsRegular() {
		w.report(&Error{Path: p, Err: notRegular(fi)})
		return nil
	}
	if filepath.Base(p) == MetaFile {
		w.reportf(p, 0, "metadata file, not an article")
		return nil
	}
	// A file given directly still gets the metadata of its directory.
	var metas []metaScope
	if m, err := w.loadMeta(filepath.Dir(p)); err != nil {
		w.report(err)
	} else if m != nil {
		metas = []metaScope{{meta: m}}
	}
	return w.file(p, filepath.Base(p), metas)
}

func (w *walker) stdin() error {
	in := w.r.Stdin
	if in == nil {
		in = os.Stdin
	}
	r, err := decompressed(in)
	if err != nil {
		w.report(&Error{Path: "<stdin>", Err: err})
		return nil
	}
	data, err := readAll(r, -1, w.r.maxSize())
	if err != nil {
		w.report(&Error{Path: "<stdin>", Err: err})
		return nil
	}
	text, err := DecodeText(data)
	if err != nil {
		w.report(&Error{Path: "<stdin>", Err: err})
		return nil
	}
	return w.emit(extract.Document{ID: StdinID, Text: text}, "<stdin>", 0)
}

// walkDir walks dir, whose documents have IDs under rel. ancestors are the
// directories being walked, to detect symbolic link loops; metas the
// metadata files in scope, nearest last.
func (w *walker) walkDir(dir, rel string, ancestors []os.FileInfo, metas []metaScope) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.report(&Error{Path: dir, Err: pathErr(err)})
		return nil
	}
	if m, err := w.loadMeta(dir); err != nil {
		w.report(err)
	} else if m != nil {
		metas = append(metas[:len(metas):len(metas)], metaScope{prefix: rel, meta: m})
	}
	for _, e := range entries {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") || name == MetaFile {
			continue
		}
		full := filepath.Join(dir, name)
		id := path.Join(rel, name)
		fi, err := os.Stat(full) // follows symbolic links
		if err != nil {
			w.report(&Error{Path: full, Err: pathErr(err)})
			continue
		}
		switch {
		case fi.IsDir():
			if looped(ancestors, fi) {
				w.report(&Error{Path: full, Err: ErrSymlinkLoop})
				continue
			}
			if err := w.walkDir(full, id, append(ancestors[:len(ancestors):len(ancestors)], fi), metas); err != nil {
				return err
			}
		case fi.Mode().IsRegular():
			if err := w.file(full, id, metas); err != nil {
				return err
			}
		default:
			w.report(&Error{Path: full, Err: notRegular(fi)})
		}
	}
	return nil
}

// fileKind names the type of a file that is neither a directory nor a
// regular file.
func fileKind(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "named pipe"
	case m&os.ModeSocket != 0:
		return "socket"
	case m&os.ModeCharDevice != 0:
		return "character device"
	case m&os.ModeDevice != 0:
		return "device"
	case m&os.ModeIrregular != 0:
		return "irregular file"
	}
	return m.Type().String()
}

func looped(ancestors []os.FileInfo, fi os.FileInfo) bool {
	for _, a := range ancestors {
		if os.SameFile(a, fi) {
			return true
		}
	}
	return false
}

// file reads one file by its extension; a file whose name ends in .gz is
// read decompressed, as the file it names without .gz (its id too).
func (w *walker) file(p, id string, metas []metaScope) error {
	defer w.progress.done(p)
	id = trimGzip(id)
	switch ext := strings.ToLower(filepath.Ext(trimGzip(p))); ext {
	case ".txt":
		return w.textFile(p, id, metas)
	case ".html", ".htm":
		return w.htmlFile(p, id, metas)
	case ".jsonl", ".ndjson":
		return w.jsonlFile(p, id, metas)
	default:
		if ext == "" {
			ext = "none"
		}
		w.report(&Error{Path: p, Err: fmt.Errorf("%w (extension %s; want .txt, .html, .htm or .jsonl, each optionally .gz)", ErrUnknownType, ext)})
		return nil
	}
}

func (w *walker) textFile(p, id string, metas []metaScope) error {
	data, err := w.readFile(p)
	if err != nil {
		w.report(&Error{Path: p, Err: err})
		return nil
	}
	text, err := DecodeText(data)
	if err != nil {
		w.report(&Error{Path: p, Err: err})
		return nil
	}
	doc := extract.Document{ID: id, Text: text}
	lookupMeta(metas, id).apply(&doc)
	return w.emit(doc, p, 0)
}

func (w *walker) htmlFile(p, id string, metas []metaScope) error {
	data, err := w.readFile(p)
	if err != nil {
		w.report(&Error{Path: p, Err: err})
		return nil
	}
	page, err := ReadHTML(data, "")
	if err != nil {
		w.report(&Error{Path: p, Err: err})
		return nil
	}
	doc := extract.Document{ID: id, Title: page.Title, URL: page.URL, Source: page.Source, Published: page.Published, Text: page.Text}
	// What the user wrote in _meta.json wins over what was guessed from
	// the page, except the page's own publication date.
	m := lookupMeta(metas, id)
	if m.Title != "" {
		doc.Title = m.Title
	}
	if m.URL != "" {
		doc.URL = m.URL
	}
	if m.Source != "" {
		doc.Source = m.Source
	}
	m.apply(&doc)
	return w.emit(doc, p, 0)
}
