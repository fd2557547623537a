package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
)

var cmdExport = &Command{
	Name:      "export",
	UsageLine: "export [--db BACKEND] [--dbpath P] [--format nquads|jsonld|graphml|dot|svg] [--actor NAME] [--country NAME] [--type T] [--since DATE] [--until DATE] [-o FILE]",
	Short:     "write the whole graph in a standard format",
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

Pictures for reports: with --format svg, or --format dot and any of
--actor, --country, --type, --since, --until, export draws the event graph
of that selection instead of every quad: actors and targets as boxes, each
event labelled with its type, date, places and casualty figures (a range
when sources disagree) and its number of sources, dashed arrows for
"retaliation for". For example:

	newsgraph export --format svg --country Iran --since 2024-01-01 -o iran.svg
`,
	New: func() runner { return &exportCmd{} },
}

type exportCmd struct {
	store  storeFlags
	format string
	output string
	filter graph.EventFilter
	fs     *pflag.FlagSet
}

func (c *exportCmd) flags(fs *pflag.FlagSet, env *Env) {
	c.fs = fs
	c.store.register(fs, env)
	fs.StringVar(&c.format, "format", export.NQuads, "output `FORMAT`: "+strings.Join(export.Formats(), ", "))
	fs.StringVarP(&c.output, "output", "o", "", "write to `FILE` instead of standard output")
	fs.StringVar(&c.filter.Actor, "actor", "", "event graph: events with this actor `NAME`")
	fs.StringVar(&c.filter.Place, "country", "", "event graph: events in this country or place `NAME`")
	fs.StringVar(&c.filter.Type, "type", "", "event graph: events of this `TYPE`")
	fs.StringVar(&c.filter.Since, "since", "", "event graph: events on or after `DATE`")
	fs.StringVar(&c.filter.Until, "until", "", "event graph: events on or before `DATE`")
}

// selectionFlags are the flags that select events for the event graph.
var selectionFlags = []string{"actor", "country", "type", "since", "until"}

// checkSelection refuses selection flags with a format that writes every
// quad (they would be silently ignored), and checks the values of those
// given.
func (c *exportCmd) checkSelection(format string) error {
	var given []string
	for _, f := range selectionFlags {
		if c.fs.Changed(f) {
			given = append(given, "--"+f)
		}
	}
	if len(given) == 0 {
		return nil
	}
	if format != "svg" && format != export.DOT {
		return usagef("%s select(s) events for the event graph, which only --format dot and svg draw; --format %s writes every quad", strings.Join(given, ", "), format)
	}
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

// eventGraph reports whether the command draws the event graph of a
// selection rather than writing every quad.
func (c *exportCmd) eventGraph(format string) bool {
	if format == "svg" {
		return true
	}
	if format != export.DOT {
		return false
	}
	for _, f := range selectionFlags {
		if c.fs.Changed(f) {
			return true
		}
	}
	return false
}

// writeEventGraph draws the selected events as DOT or SVG.
func (c *exportCmd) writeEventGraph(ctx context.Context, env *Env, store *graph.Store, format string) error {
	events, err := store.Events(ctx, c.filter)
	if err != nil {
		return err
	}
	var dot bytes.Buffer
	if err := export.EventGraph(&dot, events); err != nil {
		return err
	}
	var out bytes.Buffer
	if format == "svg" {
		if err := export.RenderSVG(ctx, dot.Bytes(), &out); err != nil {
			return err
		}
	} else {
		out = dot
	}
	if c.output == "" || c.output == "-" {
		_, err := env.Stdout.Write(out.Bytes())
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.output), ".newsgraph-export-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(out.Bytes()); err != nil {
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
		return usagef("--format: unknown format %q (want %s, svg)", c.format, strings.Join(export.Formats(), ", "))
	}
	toFile := c.output != "" && c.output != "-"
	if toFile && !c.fs.Changed("format") {
		if f, ok := export.FormatFromPath(c.output); ok {
			format = f
		} else if strings.HasSuffix(strings.ToLower(c.output), ".svg") {
			format = "svg"
		} else {
			return usagef("-o %s: the file name's extension names no export format (.nq, .jsonld, .graphml, .dot, .svg, optionally .gz); give --format", c.output)
		}
	}
	if err := c.checkSelection(format); err != nil {
		return err
	}
	store, err := c.store.open(ctx, true)
	if err != nil {
		return err
	}
	defer store.Close()
	if c.eventGraph(format) {
		return c.writeEventGraph(ctx, env, store, format)
	}
	if toFile {
		return export.WriteFile(ctx, store.QuadStore(), c.output, format)
	}
	return export.Write(ctx, store.QuadStore(), env.Stdout, format)
}
