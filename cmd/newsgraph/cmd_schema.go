package main

import (
	"bufio"
	"context"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/schema"
)

var cmdSchema = &Command{
	Name:      "schema",
	UsageLine: "schema [--format turtle|nquads]",
	Short:     "print the graph's vocabulary",
	Long: `
Schema prints newsgraph's vocabulary — the classes of entities and events
and the predicates that link them, with labels and comments — as Turtle
(default) or N-Quads, to load beside an export into an RDF tool.
`,
	New: func() runner { return &schemaCmd{} },
}

type schemaCmd struct {
	format string
}

func (c *schemaCmd) flags(fs *pflag.FlagSet, env *Env) {
	fs.StringVar(&c.format, "format", "turtle", "output `FORMAT`: turtle or nquads")
}

func (c *schemaCmd) run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected arguments %q", args)
	}
	out := bufio.NewWriter(env.Stdout)
	var err error
	switch c.format {
	case "turtle", "ttl":
		err = schema.Turtle(out)
	case "nquads", "nq":
		err = schema.NQuads(out)
	default:
		return usagef("--format: unknown format %q (want turtle or nquads)", c.format)
	}
	if err != nil {
		return err
	}
	return out.Flush()
}
