package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/extract"
)

var cmdEval = &Command{
	Name:      "eval",
	UsageLine: "eval --gold FILE [--json] [--details] PATH...",
	Short:     "measure extraction against a hand annotation",
	Long: `
Eval extracts the articles at PATH (as extract does) and compares the result
with a hand annotation in the newsgraph-gold/1 format (for example
examples/gold/seeds.gold.json). It prints entity precision, recall and F1 per
document and entity, entity class accuracy, event precision, recall and F1
by type, per-argument accuracy (actors, targets, places, date, killed,
weapons) and relation precision and recall, then, with --details, every
miss, every spurious item and every wrong argument.

Documents are matched to the annotation by their id (the file name). Names
match case-insensitively through the annotation's aliases; items marked
optional are neither required nor penalised. The publication date of a
document that carries none is taken from the annotation.

The exit status is 1 if the annotation lists something under "negatives"
that the extraction produced.
`,
	New: func() runner { return &evalCmd{} },
}

type evalCmd struct {
	extractFlags
	gold    string
	asJSON  bool
	details bool
}

func (c *evalCmd) flags(fs *pflag.FlagSet, env *Env) {
	c.extractFlags.register(fs)
	fs.StringVar(&c.gold, "gold", "", "the annotation `FILE` (newsgraph-gold/1)")
	fs.BoolVar(&c.asJSON, "json", false, "print the report as JSON")
	fs.BoolVar(&c.details, "details", true, "list misses, spurious items and wrong arguments")
}

func (c *evalCmd) run(ctx context.Context, env *Env, args []string) error {
	if err := c.check(); err != nil {
		return err
	}
	if c.gold == "" {
		return usagef("--gold is required")
	}
	if len(args) == 0 {
		return usagef("no input: give the annotated articles")
	}
	g, err := eval.LoadGold(c.gold)
	if err != nil {
		return err
	}
	published := map[string]string{}
	for _, d := range g.Documents {
		published[d.File] = d.Published
	}
	stderr := &lockedWriter{w: env.Stderr}
	p := &pipeline{
		flags:  c.extractFlags,
		report: func(err error) { fmt.Fprintln(stderr, err) },
		prepare: func(doc *extract.Document) {
			if doc.Published == "" {
				doc.Published = published[doc.ID]
			}
		},
	}
	var recs []*extract.Record
	err = p.run(ctx, env.Stdin, args, func(res extracted) error {
		recs = append(recs, res.rec)
		return nil
	})
	if err != nil {
		return err
	}
	rep := eval.Score(g, recs)
	if c.asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else if err := rep.WriteText(env.Stdout, c.details); err != nil {
		return err
	}
	if len(rep.Negatives) > 0 {
		return errReported
	}
	return nil
}
