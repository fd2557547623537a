package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/input"
	"github.com/newsgraph/newsgraph/queue"
)

var cmdIngest = &Command{
	Name:      "ingest",
	UsageLine: "ingest [--db BACKEND] [--dbpath P] [--base IRI] [--published DATE] [--extractor NAME] [--workers N] [--max-size SIZE] [--batch N] [--bulk] [--queue URL [--stream NAME]] PATH...",
	Short:     "extract articles and store them in the graph",
	Long: `
Ingest reads articles as 'newsgraph extract' does (see 'newsgraph help
extract' for the inputs), extracts them in parallel and stores each
document's facts in the graph. Events that several documents report are
fused.

Documents are written in groups (group commit): while one group is being
written, the documents extracted in the meantime queue up, and the next
write takes all of them, up to --batch, in one transaction. Into bolt, a
commit that writes more than 48 MiB of pages halves the next group, and
one that writes under a quarter of that doubles it again, up to --batch:
bolt keeps the pages a transaction changes in memory until it commits,
and the same number of documents changes more pages the larger the
store. A document is
written whole or not at all, and in input order; when the input comes
slowly (standard input, say), each document is written as soon as it is
extracted.

A document already stored with the same content is left as it is
(unchanged); one whose content changed is replaced as a whole.

At the end ingest prints a summary: documents added, unchanged, replaced
and skipped; entities and events in the documents written; quads written;
into bolt (and --bulk's staging file), the write transactions and the
bytes of pages they wrote (bolt rewrites each page a transaction changes
whole: fewer bytes a quad means larger batches share more pages); the
time taken. A progress bar is shown on standard error when it is a
terminal: the bytes of the input files read of their total (compressed
for .gz), with the rate and the time left; a spinner when reading
standard input. On interrupt (Ctrl-C, SIGTERM) ingest stops reading, writes
the documents already extracted and prints the summary so far.

A bolt file that ingest creates is compacted when it has been written: a
fresh copy with the same contents, every bucket written in key order into
full pages, takes its place (about a third smaller than the file that the
run of write transactions left, with its free pages and pages split part
full). The summary gives the file's size before and after. A later ingest
into the file does not compact it again: 'newsgraph compact' does. Into a
file it creates, ingest also keeps the node ids and reference counts of
Cayley's layout (a value bucket and a count bucket entry per node) in
memory, writes them once, in key order, when it closes the file, and
syncs the file then rather than at every commit. A run killed before that
leaves the documents it committed in the file, and the next command that
opens it (a query too) first rebuilds those entries from Cayley's log.

With --bulk and --db postgres, an empty database is loaded in bulk: the
documents are put, with the same fusion, into a temporary bolt file
beside the working directory ($TMPDIR), which is then copied into
PostgreSQL with COPY in one transaction. Either every document lands or
none does; a rerun after a crash starts again. On a database that
already holds quads --bulk falls back to one transaction per document.

Memory does not grow with the input: documents are streamed, and into
bolt or PostgreSQL the Go heap is kept under a soft limit of 384 MiB
($GOMEMLIMIT, as for any Go program, sets another). The limit costs
garbage collection: with memory to spare, GOGC=400 GOMEMLIMIT=2GiB makes
a long ingest much faster (BENCHMARKS.md: 1.44x on 100,000 articles, for
1.8 GB of memory).

With --queue, ingest extracts and stores nothing: it publishes the
documents it reads, one message each, to a NATS JetStream work queue
(the stream --stream, created unless it exists), for 'newsgraph worker'
processes on any number of machines to extract and store. Each message
carries the document's id and, as its message id, the sha256 of the
document: the server drops a document published again within an hour,
and a worker's store finds one published later unchanged. It then prints
the documents published, those the queue already held, and those
skipped. --db, --dbpath, --extractor, --workers and --batch are the
workers' business there.

The exit status is 1 if any input was skipped.
`,
	New: func() runner { return &ingestCmd{} },
}

type ingestCmd struct {
	extractFlags
	store storeFlags
	bulk  bool
	batch int
	queue queue.Config
}

func (c *ingestCmd) flags(fs *pflag.FlagSet, env *Env) {
	c.store.register(fs, env)
	c.extractFlags.register(fs)
	fs.BoolVar(&c.bulk, "bulk", false, "postgres: load an empty database through a staging file and COPY")
	fs.IntVar(&c.batch, "batch", ingest.DefaultBatch, "write at most `N` documents per transaction")
	fs.StringVar(&c.queue.URL, "queue", "", "publish the documents to the NATS work queue at `URL` (nats://HOST:4222) for workers, instead of storing them")
	fs.StringVar(&c.queue.Stream, "stream", queue.DefaultStream, "with --queue: JetStream stream `NAME`")
}

// ingestSummary counts what ingest did.
type ingestSummary struct {
	added, unchanged, replaced, skipped int
	entities, events, quads             int
	elapsed                             time.Duration
	writes                              *graph.WriteStats // bolt (or --bulk's staging file) only
	compacted                           *graph.CompactStats
}

func (c *ingestCmd) run(ctx context.Context, env *Env, args []string) error {
	if err := c.checkArgs(args); err != nil {
		return err
	}
	if c.queue.URL != "" {
		return c.publish(ctx, env, args)
	}
	start := time.Now()
	t, err := c.openTarget(ctx, env)
	if err != nil {
		return err
	}
	var sum ingestSummary
	defer func() { t.close(sum.added + sum.unchanged + sum.replaced) }()
	ex, err := c.newExtractor()
	if err != nil {
		return err
	}
	ui := newIngestUI(env, args)
	res, runErr := ingest.Run(ctx, ingest.Options{
		Store: t.target, Extractor: ex, Workers: c.workers, Batch: c.batch,
		MaxSize: c.readerMaxSize(), Published: c.published, Stdin: env.Stdin,
		OnReport: ui.report, OnProgress: ui.onProgress(),
	}, args)
	ui.finish()
	sum = summaryOf(res)
	return c.finish(ctx, env, t, &sum, runErr, start)
}

// checkArgs validates the flags and arguments.
func (c *ingestCmd) checkArgs(args []string) error {
	if err := c.check(); err != nil {
		return err
	}
	switch {
	case c.batch < 1:
		return usagef("--batch must be at least 1")
	case len(args) == 0:
		return usagef("no input: give files, directories or - for standard input")
	case c.queue.URL != "" && c.bulk:
		return usagef("--bulk and --queue do not go together")
	}
	return nil
}

// ingestTarget is where ingest writes: the store the flags name, or
// --bulk's staging file in front of it.
type ingestTarget struct {
	store   *graph.Store
	target  *graph.Store // store, or staging's
	staging *bulkStaging // nil without --bulk into an empty database
	created string       // the bolt file this run creates, if it does
	closed  bool         // store is closed (compacted)
}

// openTarget opens the store the flags name and, with --bulk into an empty
// PostgreSQL database, the staging file in front of it.
func (c *ingestCmd) openTarget(ctx context.Context, env *Env) (*ingestTarget, error) {
	t := &ingestTarget{}
	if c.store.backend == graph.BackendBolt && !pathExists(c.store.path) {
		t.created = c.store.path
		c.store.fresh = true
	}
	store, err := c.store.open(ctx, false)
	if err != nil {
		if t.created != "" {
			os.Remove(t.created)
		}
		return nil, err
	}
	if c.store.backend == graph.BackendMemory {
		fmt.Fprintln(env.Stderr, "newsgraph ingest: note: --db memory keeps nothing once ingest exits")
	} else {
		limitMemory(env) // the graph is on disk: the heap holds a few batches
	}
	t.store = store
	if t.target, t.staging, err = c.bulkTarget(ctx, env, store); err != nil {
		t.close(0)
		return nil, err
	}
	return t, nil
}

// close closes the stores. A bolt file that this run created and in which
// it stored nothing (every input missing or unreadable) is removed again:
// a failed first ingest leaves no empty store behind for the next command
// to open.
func (t *ingestTarget) close(stored int) {
	if t.staging != nil {
		t.staging.close()
	}
	if !t.closed {
		t.store.Close()
	}
	if t.created != "" && stored == 0 {
		os.Remove(t.created)
	}
}

// compact compacts the bolt file this run created, once it stored
// documents in it (graph.Store.CloseCompacted): a store written in a run of
// transactions holds free pages and pages split part full, about a third
// of its file, that a fresh copy written in key order does not.
func (t *ingestTarget) compact(sum *ingestSummary) error {
	if t.created == "" || t.staging != nil || sum.added+sum.unchanged+sum.replaced == 0 {
		return nil
	}
	t.closed = true
	st, ok, err := t.store.CloseCompacted()
	if ok {
		sum.compacted = &st
	}
	return err
}

// finish copies --bulk's staging file in, prints the summary and returns
// the command's result.
func (c *ingestCmd) finish(ctx context.Context, env *Env, t *ingestTarget, sum *ingestSummary, runErr error, start time.Time) error {
	if t.staging != nil && runErr == nil {
		if err := t.staging.copyInto(ctx, env, t.store); err != nil {
			return err
		}
	}
	if ws, ok := t.target.WriteStats(); ok {
		sum.writes = &ws
	}
	interrupted := runErr != nil && ctx.Err() != nil && errors.Is(runErr, ctx.Err())
	if runErr != nil && !interrupted {
		return runErr
	}
	if !interrupted {
		if err := t.compact(sum); err != nil {
			return err
		}
	}
	sum.elapsed = time.Since(start)
	sum.print(env, c.store.where())
	if t.created != "" && sum.added+sum.unchanged+sum.replaced == 0 {
		// close removes the file: say so, rather than let the summary's
		// "stored in" suggest a store to open.
		fmt.Fprintf(env.Stderr, "newsgraph ingest: nothing stored: no store created at %s\n", t.created)
	}
	switch {
	case interrupted && t.staging != nil:
		return errors.New("interrupted; nothing was stored (--bulk)")
	case interrupted:
		return errors.New("interrupted; the documents above were stored, the rest was not")
	case sum.skipped > 0:
		fmt.Fprintf(env.Stderr, "newsgraph ingest: %d input(s) skipped\n", sum.skipped)
		return errReported
	}
	return nil
}

// newIngestBar is ingest's progress bar on w: with the inputs' total size
// known (files, not standard input), a bar of the bytes read with a
// percentage, a rate and the time left; otherwise a spinner with the
// documents stored. It draws at most once per throttle.
func newIngestBar(w io.Writer, total int64, sized bool, throttle time.Duration) *progressbar.ProgressBar {
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionThrottle(throttle),
		progressbar.OptionClearOnFinish(),
	}
	if !sized || total <= 0 {
		return progressbar.NewOptions64(-1, append(opts, progressbar.OptionSpinnerType(14))...)
	}
	return progressbar.NewOptions64(total, append(opts,
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetWidth(20),
	)...)
}

// pathExists reports whether anything exists at path.
func pathExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// summaryOf is the summary of a run of package ingest.
func summaryOf(s ingest.Summary) ingestSummary {
	return ingestSummary{added: s.Added, unchanged: s.Unchanged, replaced: s.Replaced, skipped: s.Skipped,
		entities: s.Entities, events: s.Events, quads: s.Quads}
}

func (s *ingestSummary) print(env *Env, where string) {
	docs := s.added + s.unchanged + s.replaced
	fmt.Fprintf(env.Stdout, "documents: %d stored in %s (%d added, %d unchanged, %d replaced), %d skipped\n",
		docs, where, s.added, s.unchanged, s.replaced, s.skipped)
	fmt.Fprintf(env.Stdout, "entities:  %d (found per document, summed; 'newsgraph stats' counts distinct ones)\n", s.entities)
	fmt.Fprintf(env.Stdout, "events:    %d (reports per document, summed; fused events are counted by 'newsgraph stats')\n", s.events)
	fmt.Fprintf(env.Stdout, "quads:     %d written\n", s.quads)
	if w := s.writes; w != nil && w.Transactions > 0 {
		perQuad := ""
		if s.quads > 0 {
			perQuad = fmt.Sprintf(", %d bytes a quad", w.PageBytes/int64(s.quads))
		}
		fmt.Fprintf(env.Stdout, "writes:    %d transactions, %s of bolt pages%s\n", w.Transactions, decimalBytes(w.PageBytes), perQuad)
	}
	if c := s.compacted; c != nil {
		fmt.Fprintf(env.Stdout, "compacted: %s of bolt file to %s in %s\n", decimalBytes(c.Before), decimalBytes(c.After), c.Elapsed.Round(time.Millisecond))
	}
	fmt.Fprintf(env.Stdout, "elapsed:   %s\n", s.elapsed.Round(time.Millisecond))
}

// decimalBytes formats n bytes with a decimal unit: 812 B, 5.5 MB, 128.6 GB.
func decimalBytes(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	x, i := float64(n)/unit, 0
	for x >= unit && i < 3 {
		x /= unit
		i++
	}
	return fmt.Sprintf("%.1f %cB", x, "kMGT"[i])
}

// ingestUI is what ingest shows on standard error as it goes: the
// problems with inputs and, on a terminal, a progress bar; mu keeps them
// apart.
type ingestUI struct {
	mu     sync.Mutex
	stderr io.Writer
	bar    *progressbar.ProgressBar // nil: not a terminal
	sized  bool                     // the bar counts bytes of a known total
}

func newIngestUI(env *Env, args []string) *ingestUI {
	ui := &ingestUI{stderr: env.Stderr}
	total, sized := input.Size(args)
	if env.Interactive {
		ui.bar, ui.sized = newIngestBar(env.Stderr, total, sized, 100*time.Millisecond), sized
	}
	return ui
}

// report prints a problem with one input above the bar.
func (ui *ingestUI) report(err error) {
	ui.mu.Lock()
	defer ui.mu.Unlock()
	if ui.bar != nil {
		ui.bar.Clear()
	}
	fmt.Fprintln(ui.stderr, hintMaxSize(err))
}

// onProgress returns the callback that moves the bar, nil without one.
func (ui *ingestUI) onProgress() func(ingest.Progress) {
	if ui.bar == nil {
		return nil
	}
	return ui.progress
}

// progress moves the bar on a step of the run: bytes read (of a sized
// input), or a batch of documents written.
func (ui *ingestUI) progress(p ingest.Progress) {
	ui.mu.Lock()
	defer ui.mu.Unlock()
	if p.Read > 0 {
		if ui.sized {
			ui.bar.Add64(p.Read)
		}
		return
	}
	ui.bar.Describe(fmt.Sprintf("ingesting: %d document(s) stored", p.Stored))
	if !ui.sized {
		ui.bar.Add(p.Written)
	}
}

// finish clears the bar.
func (ui *ingestUI) finish() {
	if ui.bar == nil {
		return
	}
	ui.mu.Lock()
	defer ui.mu.Unlock()
	ui.bar.Finish()
}

// bulkStaging is --bulk's staging bolt file, copied into PostgreSQL at
// the end.
type bulkStaging struct {
	*graph.Store
	dir string
}

// bulkTarget returns the store the documents go into: with --bulk into an
// empty PostgreSQL database, a staging bolt file (also returned, to be
// copied in at the end and closed); otherwise store itself.
func (c *ingestCmd) bulkTarget(ctx context.Context, env *Env, store *graph.Store) (*graph.Store, *bulkStaging, error) {
	if !c.bulk || c.store.backend != graph.BackendPostgres {
		return store, nil, nil
	}
	empty, err := store.Empty(ctx)
	if err != nil {
		return nil, nil, err
	}
	if !empty {
		fmt.Fprintln(env.Stderr, "newsgraph ingest: --bulk: the database is not empty; writing one document per transaction")
		return store, nil, nil
	}
	dir, err := os.MkdirTemp("", "newsgraph-bulk-")
	if err != nil {
		return nil, nil, err
	}
	s, err := graph.Open(ctx, graph.Config{Backend: graph.BackendBolt, Path: filepath.Join(dir, "staging.db"), Base: c.store.base, Scratch: true, Fresh: true})
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	return s, &bulkStaging{Store: s, dir: dir}, nil
}

// copyInto copies the staged quads into store in one transaction, whole
// even after an interrupt.
func (b *bulkStaging) copyInto(ctx context.Context, env *Env, store *graph.Store) error {
	ctx = context.WithoutCancel(ctx)
	qr := b.AllQuads(ctx)
	cs, err := store.CopyQuads(ctx, qr)
	qr.Close()
	if err != nil {
		return fmt.Errorf("bulk load: %w (nothing was stored)", err)
	}
	fmt.Fprintf(env.Stderr, "newsgraph ingest: bulk: %d quads copied into postgres in %s\n", cs.Inserted, cs.Elapsed.Round(time.Millisecond))
	return nil
}

// close closes and removes the staging file.
func (b *bulkStaging) close() {
	b.Close()
	os.RemoveAll(b.dir)
}

// publish implements ingest --queue: it reads the inputs and publishes
// each document to the work queue.
func (c *ingestCmd) publish(ctx context.Context, env *Env, args []string) error {
	start := time.Now()
	q, err := queue.Open(ctx, c.queue)
	if err != nil {
		return err
	}
	defer q.Close()
	var ui sync.Mutex
	p := c.reader(env.Stdin, func(err error) {
		ui.Lock()
		defer ui.Unlock()
		fmt.Fprintln(env.Stderr, err)
	})
	walkErr := p.Walk(ctx, args, func(doc extract.Document) error {
		return q.Publish(ctx, doc)
	})
	// What was sent is confirmed even after an interrupt.
	st, err := q.Flush(context.WithoutCancel(ctx))
	interrupted := walkErr != nil && ctx.Err() != nil && errors.Is(walkErr, ctx.Err())
	switch {
	case err != nil:
		return err
	case walkErr != nil && !interrupted:
		return walkErr
	}
	skipped := p.Skipped()
	fmt.Fprintf(env.Stdout, "documents: %d published to stream %s (%d new, %d duplicates), %d skipped\n",
		st.Published+st.Duplicates, c.queue.Stream, st.Published, st.Duplicates, skipped)
	fmt.Fprintf(env.Stdout, "elapsed:   %s\n", time.Since(start).Round(time.Millisecond))
	switch {
	case interrupted:
		return errors.New("interrupted; the documents above were published, the rest was not")
	case skipped > 0:
		fmt.Fprintf(env.Stderr, "newsgraph ingest: %d input(s) skipped\n", skipped)
		return errReported
	}
	return nil
}
