package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
)

var cmdIngest = &Command{
	Name:      "ingest",
	UsageLine: "ingest [--db BACKEND] [--dbpath P] [--base IRI] [--published DATE] [--extractor NAME] [--workers N] PATH...",
	Short:     "extract articles and store them in the graph",
	Long: `
Ingest reads articles as 'newsgraph extract' does (see 'newsgraph help
extract' for the inputs), extracts them in parallel and stores each
document's facts in the graph, one document per transaction. Events that
several documents report are fused.

A document already stored with the same content is left as it is
(unchanged); one whose content changed is replaced as a whole.

At the end ingest prints a summary: documents added, unchanged, replaced
and skipped; entities and events in the documents written; quads written;
the time taken. A progress indicator is shown on standard error when it is
a terminal. On interrupt (Ctrl-C, SIGTERM) ingest stops after the document
it is storing and prints the summary so far.

The exit status is 1 if any input was skipped.
`,
	New: func() runner { return &ingestCmd{} },
}

type ingestCmd struct {
	extractFlags
	store storeFlags
}

func (c *ingestCmd) flags(fs *pflag.FlagSet, env *Env) {
	c.store.register(fs, env)
	c.extractFlags.register(fs)
}

// ingestSummary counts what ingest did.
type ingestSummary struct {
	added, unchanged, replaced, skipped int
	entities, events, quads             int
	elapsed                             time.Duration
}

func (c *ingestCmd) run(ctx context.Context, env *Env, args []string) error {
	if err := c.check(); err != nil {
		return err
	}
	if len(args) == 0 {
		return usagef("no input: give files, directories or - for standard input")
	}
	start := time.Now()
	store, err := c.store.open(ctx, false)
	if err != nil {
		return err
	}
	defer store.Close()
	if c.store.backend == graph.BackendMemory {
		fmt.Fprintln(env.Stderr, "newsgraph ingest: note: --db memory keeps nothing once ingest exits")
	}

	// ui keeps the progress bar and the messages about bad inputs apart.
	var ui sync.Mutex
	var bar *progressbar.ProgressBar
	if env.Interactive {
		bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(env.Stderr),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionSpinnerType(14),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	report := func(err error) {
		ui.Lock()
		defer ui.Unlock()
		if bar != nil {
			bar.Clear()
		}
		fmt.Fprintln(env.Stderr, err)
	}

	var sum ingestSummary
	p := &pipeline{flags: c.extractFlags, base: c.store.base, report: report, interrupt: ctx}
	// The run goes on under a context that the interrupt does not
	// cancel, so that the document being stored is stored whole.
	putCtx := context.WithoutCancel(ctx)
	var putFailed int
	runErr := p.run(ctx, env.Stdin, args, func(res extracted) error {
		r, err := store.Put(putCtx, res.rec)
		if err != nil {
			putFailed++
			report(fmt.Errorf("ingest: %s: %w", res.doc.ID, err))
			return nil
		}
		switch r.Status {
		case graph.Added:
			sum.added++
		case graph.Replaced:
			sum.replaced++
		case graph.Unchanged:
			sum.unchanged++
		}
		if r.Status != graph.Unchanged {
			sum.entities += len(res.rec.Entities)
			sum.events += len(res.rec.Events)
			sum.quads += r.Quads
		}
		if bar != nil {
			ui.Lock()
			bar.Describe(fmt.Sprintf("ingesting: %d document(s) stored", sum.added+sum.unchanged+sum.replaced))
			bar.Add(1)
			ui.Unlock()
		}
		return nil
	})
	if bar != nil {
		ui.Lock()
		bar.Finish()
		ui.Unlock()
	}
	sum.skipped = p.Skipped() + putFailed
	sum.elapsed = time.Since(start)
	interrupted := runErr != nil && ctx.Err() != nil && errors.Is(runErr, ctx.Err())
	if runErr != nil && !interrupted {
		return runErr
	}
	sum.print(env, c.store.where())
	switch {
	case interrupted:
		return errors.New("interrupted; the documents above were stored, the rest was not")
	case sum.skipped > 0:
		fmt.Fprintf(env.Stderr, "newsgraph ingest: %d input(s) skipped\n", sum.skipped)
		return errReported
	}
	return nil
}

func (s *ingestSummary) print(env *Env, where string) {
	docs := s.added + s.unchanged + s.replaced
	fmt.Fprintf(env.Stdout, "documents: %d stored in %s (%d added, %d unchanged, %d replaced), %d skipped\n",
		docs, where, s.added, s.unchanged, s.replaced, s.skipped)
	fmt.Fprintf(env.Stdout, "entities:  %d\n", s.entities)
	fmt.Fprintf(env.Stdout, "events:    %d\n", s.events)
	fmt.Fprintf(env.Stdout, "quads:     %d written\n", s.quads)
	fmt.Fprintf(env.Stdout, "elapsed:   %s\n", s.elapsed.Round(time.Millisecond))
}
