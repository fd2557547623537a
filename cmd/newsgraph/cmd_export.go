package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/schema"
)

var cmdExport = &Command{
	Name:      "export",
	UsageLine: "export [--db BACKEND] [--dbpath P] [--format nquads|jsonld|graphml|dot|svg] [--graph rdf|events] [--actor NAME] [--country NAME] [--type T] [--since DATE] [--until DATE] [-o FILE]",
	Short:     "write the graph, or its actor–event network, in a standard format",
	Long: `
Export writes every quad of the graph to standard output, or to FILE with
-o, in one of these formats:

	nquads   W3C N-Quads, each fact labelled with its document (default)
	jsonld   JSON-LD, one named graph per document
	graphml  GraphML, for Gephi, yEd, Cytoscape, NetworkX
	dot      Graphviz DOT

	svg      the event graph drawn by Graphviz (needs its dot program)

With -o and no --format, the format follows the file name's extension
(.nq, .jsonld, .graphml, .dot, .svg; a trailing .gz compresses the
output). A file is written whole or not at all.

The actor–event network: with --graph events (implied by --format svg and
by any of --actor, --country, --type, --since, --until), export writes the
fused events of that selection, not every quad, as GraphML (for Gephi,
yEd, NetworkX; the default without --format or -o), DOT or an SVG
picture. Actors, targets, places and events are nodes with attributes
(kind, iri, entity_class, country, type, subtype, cameo, date, killed_min,
killed_max, injured_min, injured_max, sources); edges run actor → event →
target, event → place, and event → event for "retaliation for", each with
its role. Drawn, actors and targets are boxes, places notes, each event
labelled with its type, date, places and casualty figures (a range when
sources disagree) and its number of sources. N-Quads and JSON-LD always
write every quad: they refuse the selection flags and --graph events.
For example:

	newsgraph export --format svg --country Iran --since 2024-01-01 -o iran.svg
	newsgraph export --graph events --type Attack -o attacks.graphml
`,
	New: func() runner { return &exportCmd{} },
}

type exportCmd struct {
	store  storeFlags
	format string
	output string
	graph  string
	filter graph.EventFilter
	fs     *pflag.FlagSet
}

func (c *exportCmd) flags(fs *pflag.FlagSet, env *Env) {
	c.fs = fs
	c.store.register(fs, env)
	fs.StringVar(&c.format, "format", export.NQuads, "output `FORMAT`: "+strings.Join(export.Formats(), ", "))
	fs.StringVarP(&c.output, "output", "o", "", "write to `FILE` instead of standard output")
	fs.StringVar(&c.graph, "graph", "", "`GRAPH` to write: rdf (every quad; the default) or events (the actor–event network, as graphml, dot or svg)")
	fs.StringVar(&c.filter.Actor, "actor", "", "event graph: events with this actor `NAME`")
	fs.StringVar(&c.filter.Place, "country", "", "event graph: events in this country or place `NAME`")
	fs.StringVar(&c.filter.Type, "type", "", "event graph: events of this `TYPE`")
	fs.StringVar(&c.filter.Since, "since", "", "event graph: events on or after `DATE`")
	fs.StringVar(&c.filter.Until, "until", "", "event graph: events on or before `DATE`")
}

// selectionFlags are the flags that select events for the event graph.
var selectionFlags = []string{"actor", "country", "type", "since", "until"}

// Graphs export writes (--graph).
const (
	graphRDF    = "rdf"    // every quad
	graphEvents = "events" // the actor–event network of a selection
)

// eventGraphFormats are the formats that write the actor–event network.
var eventGraphFormats = []string{export.GraphML, export.DOT, "svg"}

// givenSelection lists the selection flags given, as "--actor".
func (c *exportCmd) givenSelection() []string {
	var given []string
	for _, f := range selectionFlags {
		if c.fs.Changed(f) {
			given = append(given, "--"+f)
		}
	}
	return given
}

// graphOf decides which graph the command writes in format: --graph when
// given, else the event network for svg or when events are selected, else
// every quad; and refuses what that format cannot write.
func (c *exportCmd) graphOf(format string) (string, error) {
	g := strings.ToLower(c.graph)
	given := c.givenSelection()
	networks := slices.Contains(eventGraphFormats, format)
	switch {
	case g != "" && g != graphRDF && g != graphEvents:
		return "", usagef("--graph: unknown graph %q (want %s or %s)", c.graph, graphRDF, graphEvents)
	case g == graphRDF && format == "svg":
		return "", usagef("--format svg draws the event graph only; give --graph events or another format")
	case g == graphRDF && len(given) > 0:
		return "", usagef("%s select(s) events for --graph events; --graph rdf writes every quad", strings.Join(given, ", "))
	case g == graphEvents && !networks:
		return "", usagef("--graph events is written as %s; --format %s writes every quad", strings.Join(eventGraphFormats, ", "), format)
	case len(given) > 0 && !networks:
		return "", usagef("%s select(s) events for the event graph, which --format %s cannot write (it writes every quad); give --format graphml, dot or svg", strings.Join(given, ", "), format)
	case g == "" && (format == "svg" || len(given) > 0):
		g = graphEvents
	case g == "":
		g = graphRDF
	}
	return g, nil
}

// checkSelection checks the values of the selection flags.
func (c *exportCmd) checkSelection() error {
	var err error
	if c.filter.Type, err = checkEventType("type", c.filter.Type); err != nil {
		return err
	}
	if c.filter.Since, err = filterDate("since", c.filter.Since); err != nil {
		return err
	}
	c.filter.Until, err = filterDate("until", c.filter.Until)
	return err
}

// drawEventGraph writes events as the actor–event network in format
// (graphml, dot or svg).
func drawEventGraph(ctx context.Context, events []extract.Event, format string) ([]byte, error) {
	var b bytes.Buffer
	if format == export.GraphML {
		err := export.EventGraphML(&b, events)
		return b.Bytes(), err
	}
	if err := export.EventGraph(&b, events); err != nil || format == export.DOT {
		return b.Bytes(), err
	}
	var svg bytes.Buffer
	err := export.RenderSVG(ctx, b.Bytes(), &svg)
	return svg.Bytes(), err
}

// gzipBytes compresses b.
func gzipBytes(b []byte) ([]byte, error) {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	err := zw.Close()
	return out.Bytes(), err
}

// writeEventGraph writes the selected events as the actor–event network
// in GraphML, DOT or SVG.
func (c *exportCmd) writeEventGraph(ctx context.Context, env *Env, store *graph.Store, format string) error {
	events, err := store.Events(ctx, c.filter)
	if err != nil {
		return err
	}
	out, err := drawEventGraph(ctx, events, format)
	if err != nil {
		return err
	}
	if c.output == "" || c.output == "-" {
		_, err := env.Stdout.Write(out)
		return err
	}
	if strings.HasSuffix(strings.ToLower(c.output), ".gz") {
		if out, err = gzipBytes(out); err != nil {
			return err
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.output), ".newsgraph-export-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(out); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	os.Chmod(tmp.Name(), 0o644)
	return os.Rename(tmp.Name(), c.output)
}

// tableHint points a table format that export does not write (CSV, TSV,
// JSON Lines), named by a --format or a file name's extension, to the
// events command that writes it into file out; "" for any other name.
func tableHint(name, out string) string {
	name = strings.ToLower(name)
	pipe := ""
	if strings.HasSuffix(name, ".gz") {
		name, pipe = strings.TrimSuffix(name, ".gz"), " | gzip"
	}
	format := name[strings.LastIndex(name, ".")+1:]
	switch format {
	case "ndjson":
		format = "jsonl"
	case "csv", "tsv", "jsonl":
	default:
		return ""
	}
	return fmt.Sprintf("; a table of events is written by 'newsgraph events --format %s%s > %s'", format, pipe, out)
}

func (c *exportCmd) run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected arguments %q", args)
	}
	format := strings.ToLower(c.format)
	known := format == "svg"
	for _, f := range export.Formats() {
		known = known || f == format
	}
	if !known {
		return usagef("--format: unknown format %q (want %s, svg)%s", c.format, strings.Join(export.Formats(), ", "), tableHint(c.format, "events."+c.format))
	}
	toFile := c.output != "" && c.output != "-"
	if toFile && !c.fs.Changed("format") {
		if f, ok := export.FormatFromPath(c.output); ok {
			format = f
		} else if strings.HasSuffix(strings.ToLower(c.output), ".svg") {
			format = "svg"
		} else {
			return usagef("-o %s: the file name's extension names no export format (.nq, .jsonld, .graphml, .dot, .svg, optionally .gz); give --format%s", c.output, tableHint(c.output, c.output))
		}
	}
	if !toFile && !c.fs.Changed("format") && !strings.EqualFold(c.graph, graphRDF) && (strings.EqualFold(c.graph, graphEvents) || len(c.givenSelection()) > 0) {
		format = export.GraphML // the network's default
	}
	g, err := c.graphOf(format)
	if err != nil {
		return err
	}
	if err := c.checkSelection(); err != nil {
		return err
	}
	store, err := c.store.open(ctx, true)
	if err != nil {
		return err
	}
	defer store.Close()
	if g == graphEvents {
		return c.writeEventGraph(ctx, env, store, format)
	}
	// A document's relations literal and a report's details literal are
	// written as the quads they stand for (schema.Expander).
	expand := export.WithExpander(schema.Expander(store.SpanLookup(ctx)))
	if toFile {
		return export.WriteFile(ctx, store.QuadStore(), c.output, format, expand)
	}
	return export.Write(ctx, store.QuadStore(), env.Stdout, format, expand)
}
