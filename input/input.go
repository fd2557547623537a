// Package input reads news articles — plain text, HTML pages, JSON Lines,
// whole directories of them, or standard input — and hands each one on as an
// extract.Document.
//
// Every problem with one file (or one line of a JSON Lines file) is an
// *Error naming the file and line; it is passed to Reader.OnError and the
// walk goes on with the next input.
package input

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

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
)

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
	// Stdin is read for the path "-" (default os.Stdin).
	Stdin io.Reader
}

// Walk reads each path in turn and calls fn with every document, in order:
//
//   - a directory is walked recursively in lexical order, skipping hidden
//     files and directories and the metadata file _meta.json; document IDs
//     are file names relative to the directory (with "/" separators);
//   - a .txt file is plain text, a .html or .htm file a web page whose
//     article body is extracted, a .jsonl (or .ndjson) file holds one
//     article per line; a file given directly has its base name as ID;
//   - "-" is plain text read from standard input, with ID "stdin".
//
// The publication date of a document is taken, in this order, from the
// document itself (a JSON Lines record's "published", an HTML page's
// metadata), from a _meta.json file, from a dateline among its first lines,
// or from r.Published.
//
// Walk stops and returns the error if fn fails or ctx is done. Bad inputs
// do not stop it: see Reader.OnError.
func (r *Reader) Walk(ctx context.Context, paths []string, fn func(extract.Document) error) error {
	w := &walker{ctx: ctx, r: r, fn: fn}
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
	// ids maps each document ID handed on to where it came from, to
	// catch two inputs with the same ID (which a store would conflate).
	ids map[string]string
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
	if first, dup := w.ids[doc.ID]; dup {
		w.reportf(p, line, "duplicate document id %q (first from %s)", doc.ID, first)
		return nil
	}
	if w.ids == nil {
		w.ids = map[string]string{}
	}
	w.ids[doc.ID] = where(p, line)
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
	if filepath.Base(p) == MetaFile {
		w.reportf(p, 0, "metadata file, not an article")
		return nil
	}
	// A file given directly still gets the metadata of its directory.
	var metas []metaScope
	if m, err := loadMeta(filepath.Dir(p)); err != nil {
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
	data, err := io.ReadAll(in)
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
	if m, err := loadMeta(dir); err != nil {
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
			w.reportf(full, 0, "not a regular file (%v)", fi.Mode().Type())
		}
	}
	return nil
}

func looped(ancestors []os.FileInfo, fi os.FileInfo) bool {
	for _, a := range ancestors {
		if os.SameFile(a, fi) {
			return true
		}
	}
	return false
}

// file reads one file by its extension.
func (w *walker) file(p, id string, metas []metaScope) error {
	switch ext := strings.ToLower(filepath.Ext(p)); ext {
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
		w.report(&Error{Path: p, Err: fmt.Errorf("%w (extension %s; want .txt, .html, .htm or .jsonl)", ErrUnknownType, ext)})
		return nil
	}
}

func (w *walker) textFile(p, id string, metas []metaScope) error {
	data, err := os.ReadFile(p)
	if err != nil {
		w.report(&Error{Path: p, Err: pathErr(err)})
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
	data, err := os.ReadFile(p)
	if err != nil {
		w.report(&Error{Path: p, Err: pathErr(err)})
		return nil
	}
	page, err := ReadHTML(data, "")
	if err != nil {
		w.report(&Error{Path: p, Err: err})
		return nil
	}
	doc := extract.Document{ID: id, Title: page.Title, URL: page.URL, Published: page.Published, Text: page.Text}
	// What the user wrote in _meta.json wins over what was guessed from
	// the page, except the page's own publication date.
	m := lookupMeta(metas, id)
	if m.Title != "" {
		doc.Title = m.Title
	}
	if m.URL != "" {
		doc.URL = m.URL
	}
	m.apply(&doc)
	return w.emit(doc, p, 0)
}
