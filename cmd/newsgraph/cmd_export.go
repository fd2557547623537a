package main

import (
	"context"
	"strings"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph/export"
)

var cmdExport = &Command{
	Name:      "export",
	UsageLine: "export [--db BACKEND] [--dbpath P] [--format nquads|jsonld|graphml|dot] [-o FILE]",
	Short:     "write the whole graph in a standard format",
	Long: `
Export writes every quad of the graph to standard output, or to FILE with
-o, in one of these formats:

	nquads   W3C N-Quads, each fact labelled with its document (default)
	jsonld   JSON-LD, one named graph per document
	graphml  GraphML, for Gephi, yEd, Cytoscape, NetworkX
	dot      Graphviz DOT

With -o and no --format, the format follows the file name's extension
(.nq, .jsonld, .graphml, .dot; a trailing .gz compresses the output). A
file is written whole or not at all.
`,
	New: func() runner { return &exportCmd{} },
}

type exportCmd struct {
	store  storeFlags
	format string
	output string
	fs     *pflag.FlagSet
}

func (c *exportCmd) flags(fs *pflag.FlagSet, env *Env) {
	c.fs = fs
	c.store.register(fs, env)
	fs.StringVar(&c.format, "format", export.NQuads, "output `FORMAT`: "+strings.Join(export.Formats(), ", "))
	fs.StringVarP(&c.output, "output", "o", "", "write to `FILE` instead of standard output")
}

func (c *exportCmd) run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected arguments %q", args)
	}
	format := strings.ToLower(c.format)
	known := false
	for _, f := range export.Formats() {
		known = known || f == format
	}
	if !known {
		return usagef("--format: unknown format %q (want %s)", c.format, strings.Join(export.Formats(), ", "))
	}
	toFile := c.output != "" && c.output != "-"
	if toFile && !c.fs.Changed("format") {
		if f, ok := export.FormatFromPath(c.output); ok {
			format = f
		}
	}
	store, err := c.store.open(ctx, true)
	if err != nil {
		return err
	}
	defer store.Close()
	if toFile {
		return export.WriteFile(ctx, store.QuadStore(), c.output, format)
	}
	return export.Write(ctx, store.QuadStore(), env.Stdout, format)
}
