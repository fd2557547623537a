// Package export streams the contents of a Cayley quad store to standard
// graph interchange formats: W3C N-Quads, JSON-LD, GraphML and Graphviz DOT.
//
// # Streaming
//
// Every exporter reads the store through its iterators
// (graph.QuadStore.QuadsAllIterator and NodesAllIterator) and writes each
// quad or node as soon as it is read; no exporter keeps a map of the graph in
// memory, so memory use does not grow with the size of the store.
//
//   - "nquads" and "jsonld" make a single pass over all quads.
//   - "graphml" and "dot" make two passes: first over the store's nodes
//     (NodesAllIterator, keeping only values that are the subject or the
//     object of at least one quad) to declare every node once with a
//     readable label, then over the quads to write one edge per quad.
//     Node identifiers are derived from a hash of the stored value, so the
//     two passes agree without remembering anything. If the store is
//     modified between the two passes the output may reference a node that
//     was not declared; export a store that is not being written to.
//
// # Value normalisation
//
// Cayley can hold native values (quad.Int, quad.Float, quad.Bool, quad.Time)
// and typed strings whose datatype is a prefixed IRI such as <xsd:integer>.
// All exporters normalise them to standard RDF: the datatype becomes a full
// IRI (http://www.w3.org/2001/XMLSchema#integer), booleans are written as
// lowercase "true"/"false", floats as xsd:double and times as RFC 3339
// xsd:dateTime in UTC. IRIs that start with a prefix registered in Cayley's
// vocabulary registry (rdf:, rdfs:, xsd:, schema:, owl:, …) are expanded to
// full IRIs as well.
//
// RDF formats (N-Quads, JSON-LD) cannot represent a literal subject, a
// non-IRI predicate or a literal graph name; meeting one makes Write fail
// with an error matching ErrUnrepresentable rather than silently dropping or
// altering data. GraphML and DOT accept any value in any position.
package export

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Names of the supported export formats, as accepted by Write and WriteFile.
const (
	// NQuads is W3C RDF 1.1 N-Quads (one statement per line, graph name as
	// the optional fourth term).
	NQuads = "nquads"
	// JSONLD is a JSON-LD 1.1 document whose top-level @graph holds one node
	// object per quad; quads in a named graph are wrapped in a named-graph
	// object ({"@id": graph, "@graph": [...]}).
	JSONLD = "jsonld"
	// GraphML is a GraphML document with one node per distinct subject or
	// object and one directed edge per quad.
	GraphML = "graphml"
	// DOT is a Graphviz digraph with one node per distinct subject or object
	// and one edge per quad.
	DOT = "dot"
)

// ErrUnknownFormat is returned (wrapped) by Write and WriteFile for a format
// name that is not one of Formats().
var ErrUnknownFormat = errors.New("export: unknown format")

// ErrUnrepresentable is returned (wrapped in a *TermError) when a quad
// cannot be expressed in the requested RDF format, for example a literal in
// subject position or an invalid language tag.
var ErrUnrepresentable = errors.New("export: value cannot be represented in this format")

// TermError describes a quad that could not be written.
type TermError struct {
	Format    string    // format being written
	Quad      quad.Quad // offending quad
	Direction quad.Direction
	Reason    string
}

// Error implements error.
func (e *TermError) Error() string {
	return fmt.Sprintf("export %s: %s of quad %v: %s", e.Format, e.Direction, e.Quad, e.Reason)
}

// Unwrap lets errors.Is(err, ErrUnrepresentable) match.
func (e *TermError) Unwrap() error { return ErrUnrepresentable }

type writerFunc func(ctx context.Context, qs graph.QuadStore, w *bufio.Writer, o options) error

// Expander rewrites a quad of the store as the quads that a reader of the
// export should see in its place (a literal that stands for several
// quads); ok false keeps the quad as it is.
type Expander func(q quad.Quad) (out []quad.Quad, ok bool)

// Option configures Write and WriteFile.
type Option func(*options)

type options struct {
	expand Expander
}

// WithExpander applies e to every quad the RDF formats (N-Quads, JSON-LD)
// write. GraphML and DOT draw the store's own quads, nodes and edges as
// they are.
func WithExpander(e Expander) Option {
	return func(o *options) { o.expand = e }
}

var writers = map[string]writerFunc{
	NQuads:  writeNQuads,
	JSONLD:  writeJSONLD,
	GraphML: writeGraphML,
	DOT:     writeDOT,
}

// Formats returns the names of the supported formats in a stable order.
func Formats() []string {
	return []string{NQuads, JSONLD, GraphML, DOT}
}

// FormatFromPath guesses the export format from a file name's extension
// (ignoring a trailing .gz): .nq/.nquads, .jsonld/.json, .graphml/.xml,
// .dot/.gv. It reports false when the extension is not recognised.
func FormatFromPath(path string) (string, bool) {
	p := strings.ToLower(path)
	p = strings.TrimSuffix(p, ".gz")
	switch filepath.Ext(p) {
	case ".nq", ".nquads":
		return NQuads, true
	case ".jsonld", ".json":
		return JSONLD, true
	case ".graphml", ".xml":
		return GraphML, true
	case ".dot", ".gv":
		return DOT, true
	}
	return "", false
}

func lookupFormat(format string) (writerFunc, error) {
	fn, ok := writers[strings.ToLower(format)]
	if !ok {
		return nil, fmt.Errorf("%w %q (supported: %s)", ErrUnknownFormat, format, strings.Join(Formats(), ", "))
	}
	return fn, nil
}

// Write streams every quad of qs to w in the given format (one of Formats()).
//
// It stops early, returning ctx.Err(), when ctx is cancelled. Output is
// buffered internally and flushed before Write returns successfully; after an
// error, w may hold a partial document.
func Write(ctx context.Context, qs graph.QuadStore, w io.Writer, format string, opts ...Option) error {
	fn, err := lookupFormat(format)
	if err != nil {
		return err
	}
	if qs == nil {
		return errors.New("export: nil quad store")
	}
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := fn(ctx, qs, bw, o); err != nil {
		return err
	}
	return bw.Flush()
}

// WriteFile exports qs to the file at path in the given format. An empty
// format is inferred from the file name with FormatFromPath. When path ends
// in ".gz" the output is gzip-compressed.
//
// The data is written to a temporary file in the same directory, synced and
// renamed over path only when the export succeeded, so a failed or cancelled
// export never leaves a partial file (nor the temporary one) behind. The
// final file has mode 0644.
func WriteFile(ctx context.Context, qs graph.QuadStore, path string, format string, opts ...Option) (err error) {
	if format == "" {
		f, ok := FormatFromPath(path)
		if !ok {
			return fmt.Errorf("%w: cannot infer format from file name %q", ErrUnknownFormat, filepath.Base(path))
		}
		format = f
	}
	if _, err := lookupFormat(format); err != nil {
		return err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("export: create temporary file: %w", err)
	}
	tmp := f.Name()
	closed := false
	defer func() {
		if err != nil {
			if !closed {
				f.Close()
			}
			os.Remove(tmp)
		}
	}()

	var out io.Writer = f
	var zw *gzip.Writer
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		zw = gzip.NewWriter(f)
		zw.Name = strings.TrimSuffix(base, filepath.Ext(base))
		out = zw
	}
	if err = Write(ctx, qs, out, format, opts...); err != nil {
		return err
	}
	if zw != nil {
		if err = zw.Close(); err != nil {
			return fmt.Errorf("export: finish gzip stream: %w", err)
		}
	}
	if err = f.Chmod(0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("export: sync: %w", err)
	}
	closed = true
	if err = f.Close(); err != nil {
		return fmt.Errorf("export: close: %w", err)
	}
	if err = ctx.Err(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// eachExpanded calls fn for every quad of qs, in store order, each
// expanded by expand (if not nil).
func eachExpanded(ctx context.Context, qs graph.QuadStore, expand Expander, fn func(quad.Quad) error) error {
	if expand == nil {
		return eachQuad(ctx, qs, fn)
	}
	return eachQuad(ctx, qs, func(q quad.Quad) error {
		out, ok := expand(q)
		if !ok {
			return fn(q)
		}
		for _, e := range out {
			if err := fn(e); err != nil {
				return err
			}
		}
		return nil
	})
}

// eachQuad calls fn for every quad of qs, in store order.
func eachQuad(ctx context.Context, qs graph.QuadStore, fn func(quad.Quad) error) error {
	it := qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		if err := ctx.Err(); err != nil {
			return err
		}
		q := qs.Quad(it.Result())
		if q.Subject == nil || q.Predicate == nil || q.Object == nil {
			return fmt.Errorf("export: store returned an incomplete quad %v", q)
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("export: iterate quads: %w", err)
	}
	return ctx.Err()
}

// eachNode calls fn for every value of qs that is the subject or the object
// of at least one quad. Values used only as predicates or graph names are
// skipped. No state is kept between nodes.
func eachNode(ctx context.Context, qs graph.QuadStore, fn func(graph.Ref, quad.Value) error) error {
	it := qs.NodesAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		if err := ctx.Err(); err != nil {
			return err
		}
		ref := it.Result()
		used, err := usedAs(ctx, qs, ref, quad.Subject)
		if err == nil && !used {
			used, err = usedAs(ctx, qs, ref, quad.Object)
		}
		if err != nil {
			return err
		}
		if !used {
			continue
		}
		v := qs.NameOf(ref)
		if v == nil {
			continue
		}
		if err := fn(ref, v); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("export: iterate nodes: %w", err)
	}
	return ctx.Err()
}

func usedAs(ctx context.Context, qs graph.QuadStore, ref graph.Ref, d quad.Direction) (bool, error) {
	it := qs.QuadIterator(d, ref)
	defer it.Close()
	ok := it.Next(ctx)
	if err := it.Err(); err != nil {
		return false, fmt.Errorf("export: index lookup: %w", err)
	}
	return ok, nil
}
