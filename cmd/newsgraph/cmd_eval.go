package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/extract"
)

var cmdEval = &Command{
	Name:      "eval",
	UsageLine: "eval --gold FILE [--json] [--details] [--misses N] PATH...",
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

The gold file may also be in the format of the development set
(../shared/eval/dev: incidents.gold.jsonl, articles.gold.jsonl): JSON Lines,
one gold event per line with "doc", "type", "attackers", "targets",
"places", and "country", "date", "killed" (incident notes) or "sentence",
"sentence_bytes", "weapons" (article mentions). The format is detected from
the file. Eval then prints what the development set's scorer (score.py)
prints: detection recall overall and by source type, precision (emitted
events of the gold's types that match no gold event of their document),
accuracy per slot on the detected events (below the places and country
slots, a ceiling line that score.py does not print: how many of the wrong
answers fall on notes whose text names no gold place, for the country
neither a gold place nor the country, and the accuracy with every other
wrong answer mended: what reading the names the text writes can reach), the first N misses and wrong
slots with --misses N, and a last line
"summary: recall R, precision P, slot accuracy A, F1 x slots X".
Coded data of that shape (ACLED-style event rows with the note as the text)
can be measured the same way.

It is an error if the gold file annotates none of the documents given.
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
	misses  int
}

func (c *evalCmd) flags(fs *pflag.FlagSet, env *Env) {
	c.extractFlags.register(fs)
	fs.StringVar(&c.gold, "gold", "", "the annotation `FILE` (newsgraph-gold/1)")
	fs.BoolVar(&c.asJSON, "json", false, "print the report as JSON")
	fs.BoolVar(&c.details, "details", true, "list misses, spurious items and wrong arguments")
	fs.IntVar(&c.misses, "misses", 0, "list the first `N` misses and wrong slots (gold files of one event per line)")
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
	format, err := eval.DetectFormat(c.gold)
	if err != nil {
		return err
	}
	if format == eval.FormatEventLines {
		return c.runEventLines(ctx, env, args)
	}
	g, err := eval.LoadGold(c.gold)
	if err != nil {
		return err
	}
	published := map[string]string{}
	for _, d := range g.Documents {
		published[d.File] = d.Published
	}
	recs, err := c.extract(ctx, env, args, func(doc *extract.Document) {
		if doc.Published == "" {
			doc.Published = published[doc.ID]
		}
	})
	if err != nil {
		return err
	}
	if !annotatesAny(recs, func(id string) bool { _, ok := published[id]; return ok }) {
		return fmt.Errorf("%s: %w (%d given)", c.gold, eval.ErrNoGoldDocument, len(recs))
	}
	rep := eval.Score(g, recs)
	if c.asJSON {
		if err := writeJSON(env, rep); err != nil {
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

// runEventLines scores against a gold file of one event per line.
func (c *evalCmd) runEventLines(ctx context.Context, env *Env, args []string) error {
	gold, err := eval.LoadDevGold(c.gold)
	if err != nil {
		return err
	}
	docs := map[string]bool{}
	for _, g := range gold {
		docs[g.Doc] = true
	}
	var mu sync.Mutex
	texts := map[string]string{}
	recs, err := c.extract(ctx, env, args, func(doc *extract.Document) {
		mu.Lock()
		texts[doc.ID] = doc.Text
		mu.Unlock()
	})
	if err != nil {
		return err
	}
	if !annotatesAny(recs, func(id string) bool { return docs[id] }) {
		return fmt.Errorf("%s: %w (%d given)", c.gold, eval.ErrNoGoldDocument, len(recs))
	}
	rep := eval.ScoreDev(gold, recs)
	rep.FindCeilings(texts)
	if c.asJSON {
		return writeJSON(env, rep)
	}
	return rep.WriteText(env.Stdout, c.misses)
}

// extract runs the extraction pipeline over the paths and collects the
// records in input order.
func (c *evalCmd) extract(ctx context.Context, env *Env, args []string, prepare func(*extract.Document)) ([]*extract.Record, error) {
	stderr := &lockedWriter{w: env.Stderr}
	p, err := c.pipeline(env.Stdin, func(err error) { fmt.Fprintln(stderr, err) })
	if err != nil {
		return nil, err
	}
	p.Prepare = prepare
	var recs []*extract.Record
	err = p.Run(ctx, args, func(res extracted) error {
		recs = append(recs, res.Record)
		return nil
	})
	return recs, err
}

// annotatesAny reports whether a record's document (by its id, or the last
// part of a path id) is annotated.
func annotatesAny(recs []*extract.Record, annotated func(string) bool) bool {
	for _, r := range recs {
		id := r.Doc.ID
		if annotated(id) || annotated(id[strings.LastIndexByte(id, '/')+1:]) {
			return true
		}
	}
	return false
}

func writeJSON(env *Env, v any) error {
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
