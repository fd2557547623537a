package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
)

var cmdCompact = &Command{
	Name:      "compact",
	UsageLine: "compact [--db bolt] [--dbpath FILE]",
	Short:     "compact a bolt store in place",
	Long: `
Compact rewrites a bolt store in place: a fresh copy with the same
contents, every bucket written in key order into full pages, takes the
file's place. Ingest compacts a bolt file that it creates, but later
writes (delete, an ingest that replaces or adds documents) leave free
pages behind again, which the file keeps; compact gives them back.

The store is held under its lock while the copy is made, as any writer
holds it, and the copy is renamed over the file: a crash leaves either
file whole. What the store holds and answers is unchanged.

It prints the file's size and its free pages before and after. Only the
bolt backend has a file to compact: another backend, or a file that is
missing or not a bolt database, is an error naming it (exit status 1).
`,
	New: func() runner { return &compactCmd{} },
}

type compactCmd struct {
	store storeFlags
}

func (c *compactCmd) flags(fs *pflag.FlagSet, env *Env) {
	c.store.register(fs, env)
}

func (c *compactCmd) run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected arguments %q", args)
	}
	if c.store.backend != graph.BackendBolt {
		return fmt.Errorf("--db %s: only a bolt file can be compacted", c.store.backend)
	}
	if err := c.store.boltExists(); err != nil {
		return err
	}
	if fi, err := os.Stat(c.store.path); err == nil && fi.Size() == 0 {
		// bolt would make an empty file a new store
		return fmt.Errorf("%s: not a bolt database (an empty file)", c.store.path)
	}
	store, err := c.store.open(ctx, false)
	if err != nil {
		return err
	}
	st, _, err := store.CloseCompacted()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "compacted %s in %s\n", c.store.path, st.Elapsed.Round(time.Millisecond))
	fmt.Fprintf(env.Stdout, "before:    %s, %d free pages\n", decimalBytes(st.Before), st.FreeBefore)
	fmt.Fprintf(env.Stdout, "after:     %s, %d free pages\n", decimalBytes(st.After), st.FreeAfter)
	return nil
}
