package main

import (
	"context"
	"fmt"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
)

var cmdDelete = &Command{
	Name:      "delete",
	UsageLine: "delete [--db BACKEND] [--dbpath P] [--base IRI] DOCID...",
	Short:     "retract documents from the graph",
	Long: `
Delete retracts withdrawn or corrected articles: it takes the documents
DOCID... (their ids as ingest stored them: a file name relative to the
directory ingested, a JSON Lines record's "id"; 'newsgraph events --json'
and the GraphQL documents query list them) out of the graph, as if they
had never been ingested.

Every fact a document alone states goes, and so do the events only it
reported. An event other documents also report loses the document's claim:
its date and casualty ranges (killed and injured, lowest and highest) are
recomputed from the claims left, and it is renamed if it was named after
the document's report. Entity names and aliases are chosen again from the
spellings the other documents give. All the documents are deleted in one
transaction.

An id the graph does not hold is an error naming it: nothing is deleted
and the exit status is 1. To replace a corrected article, ingest its new
text under the same id instead: ingest replaces a document whose content
changed.

It prints one line per document deleted.
`,
	New: func() runner { return &deleteCmd{} },
}

type deleteCmd struct {
	store storeFlags
}

func (c *deleteCmd) flags(fs *pflag.FlagSet, env *Env) {
	c.store.register(fs, env)
}

func (c *deleteCmd) run(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		return usagef("no document id given")
	}
	for _, id := range args {
		if id == "" {
			return usagef("empty document id")
		}
	}
	if c.store.backend == graph.BackendBolt {
		// A bolt file that is not there holds no document.
		if err := c.store.boltExists(); err != nil {
			return err
		}
	}
	store, err := c.store.open(ctx, false)
	if err != nil {
		return err
	}
	defer store.Close()
	results, err := store.Delete(ctx, args...)
	if err != nil {
		return err
	}
	for _, r := range results {
		fmt.Fprintf(env.Stdout, "deleted %s (%d quads, %d events reported)\n", r.Doc, r.Quads, r.Events)
	}
	return nil
}
