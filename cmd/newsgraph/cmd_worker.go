package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/queue"
)

var cmdWorker = &Command{
	Name:      "worker",
	UsageLine: "worker --queue nats://HOST:4222 [--stream NAME] [--db BACKEND] [--dbpath P] [--base IRI] [--extractor NAME] [--workers N] [--batch N] [--ack-wait D] [--drain] [-v]",
	Short:     "take documents from a NATS work queue, extract and store them",
	Long: `
Worker takes the documents that 'newsgraph ingest --queue' published to a
NATS JetStream work queue, extracts them and stores them in the graph, as
ingest does. Run as many workers as you like, on as many machines, with
the same --queue, --stream and store: each document goes to one of them.

A worker takes up to --batch documents at a time, extracts them on
--workers goroutines, writes them in one transaction, and acknowledges
each document only once that transaction has committed. A document that
cannot be read or extracted is reported and dropped from the queue. While
it works on a batch, the worker tells the server so; a worker that dies
(killed, its machine lost) stops doing so, and the documents it held go
to another worker once --ack-wait has passed. Nothing is lost, and
nothing is stored twice: a document that was stored but not acknowledged
before the worker died comes back with the same content, and the store
finds it unchanged (the same sha256) and writes nothing.

Workers store documents in no set order: the store is the same whatever
the order (as for ingest), except that of two versions of one document
id published close together, the one stored last is kept.

With --db postgres, workers on several machines share one database;
their writes take turns behind an advisory lock (fusing an event needs
every other report of it), while extraction runs on all of them at once.
Into PostgreSQL the writes take most of the time, so more workers add
extraction, not writing (BENCHMARKS.md). A bolt file takes one worker.

Without --drain a worker waits for documents until it is interrupted
(Ctrl-C, SIGTERM): it then stores and acknowledges the documents it holds
and exits. With --drain it exits once the queue is empty: every document
published acknowledged, none held by another worker.

At the end the worker prints a summary, as ingest does, and the number of
documents it took from the queue, and of those delivered again after
another worker had held them. With -v it prints a line a batch on
standard error.
`,
	New: func() runner { return &workerCmd{} },
}

type workerCmd struct {
	store     storeFlags
	ex        extractFlags
	queue     queue.Config
	batch     int
	drain     bool
	verbose   bool
	idleCheck time.Duration
}

func (c *workerCmd) flags(fs *pflag.FlagSet, env *Env) {
	fs.StringVar(&c.queue.URL, "queue", "", "NATS server `URL` (nats://HOST:4222)")
	fs.StringVar(&c.queue.Stream, "stream", queue.DefaultStream, "JetStream stream `NAME`")
	c.store.register(fs, env)
	fs.StringVar(&c.ex.extractor, "extractor", defaultExtractor, "extractor `NAME`")
	fs.IntVar(&c.ex.workers, "workers", runtime.GOMAXPROCS(0), "extract `N` documents in parallel")
	fs.IntVar(&c.batch, "batch", 16, "take and write at most `N` documents at a time")
	fs.DurationVar(&c.queue.AckWait, "ack-wait", queue.DefaultAckWait, "give a dead worker's documents to another after `D`")
	fs.BoolVar(&c.drain, "drain", false, "exit once the queue is empty")
	fs.BoolVarP(&c.verbose, "verbose", "v", false, "print a line a batch on standard error")
	c.idleCheck = time.Second
}

// workerSummary counts what a worker did.
type workerSummary struct {
	ingestSummary
	taken, redelivered int
}

func (c *workerCmd) run(ctx context.Context, env *Env, args []string) error {
	switch {
	case len(args) > 0:
		return usagef("worker takes no arguments; documents come from the queue")
	case c.queue.URL == "":
		return usagef("--queue is required")
	case c.batch < 1:
		return usagef("--batch must be at least 1")
	case c.ex.workers < 1:
		return usagef("--workers must be at least 1")
	case c.queue.AckWait < time.Second:
		return usagef("--ack-wait must be at least 1s")
	}
	start := time.Now()
	ex, err := c.ex.newExtractor()
	if err != nil {
		return err
	}
	q, err := queue.Open(ctx, c.queue)
	if err != nil {
		return err
	}
	defer q.Close()
	store, err := c.store.open(ctx, false)
	if err != nil {
		return err
	}
	defer store.Close()
	if c.store.backend == graph.BackendMemory {
		fmt.Fprintln(env.Stderr, "newsgraph worker: note: --db memory keeps nothing once the worker exits")
	} else {
		limitMemory(env)
	}

	w := &worker{cmd: c, env: env, ex: ex, store: store}
	runErr := w.loop(ctx, q)
	w.sum.elapsed = time.Since(start)
	interrupted := runErr != nil && ctx.Err() != nil && errors.Is(runErr, ctx.Err())
	if runErr != nil && !interrupted {
		return runErr
	}
	w.sum.print(env, c.store.where())
	fmt.Fprintf(env.Stdout, "queue:     %d taken from stream %s, %d of them delivered again\n", w.sum.taken, c.queue.Stream, w.sum.redelivered)
	if w.sum.skipped > 0 {
		fmt.Fprintf(env.Stderr, "newsgraph worker: %d document(s) skipped\n", w.sum.skipped)
		return errReported
	}
	return nil
}

// worker is the state of one worker process.
type worker struct {
	cmd   *workerCmd
	env   *Env
	ex    extract.Extractor
	store *graph.Store
	sum   workerSummary
}

// loop takes batches from q and processes them until the interrupt, or,
// with --drain, until the queue is empty.
func (w *worker) loop(ctx context.Context, q queue.Queue) error {
	// The documents in hand are stored whole even after an interrupt.
	work := context.WithoutCancel(ctx)
	for ctx.Err() == nil {
		jobs, err := q.Take(ctx, w.cmd.batch, w.cmd.idleCheck)
		if err != nil {
			if ctx.Err() != nil && len(jobs) == 0 {
				break
			}
			if len(jobs) == 0 {
				return err
			}
			w.reportf("%v", err)
		}
		if len(jobs) == 0 {
			if w.cmd.drain {
				if drained, err := q.Drained(ctx); err != nil || drained {
					return err
				}
			}
			continue
		}
		if err := w.process(work, jobs); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// process extracts, stores and acknowledges one batch of jobs. A write
// that fails gives the batch back to the queue and ends the worker.
func (w *worker) process(ctx context.Context, jobs []*queue.Job) error {
	if w.cmd.verbose {
		w.reportf("worker: took %d document(s)", len(jobs))
	}
	stop := w.keepAlive(jobs)
	defer stop()
	w.sum.taken += len(jobs)
	for _, j := range jobs {
		if j.Delivery > 1 {
			w.sum.redelivered++
		}
	}
	results := extractAll(ctx, w.ex, jobs, w.cmd.ex.workers)
	var held []*queue.Job
	var recs []*extract.Record
	var done []extracted
	for i, res := range results {
		if res.Err != nil {
			w.reject(jobs[i], res.Err)
			continue
		}
		for _, warn := range res.Record.Warnings {
			w.reportf("warning: %s: %s", res.Doc.ID, warn)
		}
		held, recs, done = append(held, jobs[i]), append(recs, res.Record), append(done, res)
	}
	if len(recs) == 0 {
		return nil
	}
	put, err := w.store.PutBatch(ctx, recs)
	if err != nil {
		for _, j := range held {
			j.Release()
		}
		return fmt.Errorf("writing %d document(s) from %s: %w (they go back to the queue)", len(recs), recs[0].Doc.ID, err)
	}
	before := w.sum.ingestSummary
	for i, r := range put {
		if r.Err != nil {
			w.reject(held[i], r.Err)
			continue
		}
		w.count(done[i], r)
		if err := held[i].Ack(ctx); err != nil {
			// Stored: a second delivery will find it unchanged.
			w.reportf("worker: %s stored, but its acknowledgement failed: %v", r.Doc, err)
		}
	}
	if w.cmd.verbose {
		s := w.sum.ingestSummary
		w.reportf("worker: stored %d document(s) (%d added, %d unchanged, %d replaced) and acknowledged them",
			len(recs), s.added-before.added, s.unchanged-before.unchanged, s.replaced-before.replaced)
	}
	return nil
}

// keepAlive tells the server, while jobs are being worked on, that they
// are, and returns the function that stops it.
func (w *worker) keepAlive(jobs []*queue.Job) func() {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(w.cmd.queue.AckWait / 3)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				for _, j := range jobs {
					j.Extend()
				}
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
	}
}

// count adds a stored document to the summary.
func (w *worker) count(res extracted, r graph.PutResult) {
	s := &w.sum.ingestSummary
	switch r.Status {
	case graph.Added:
		s.added++
	case graph.Replaced:
		s.replaced++
	case graph.Unchanged:
		s.unchanged++
	}
	if r.Status != graph.Unchanged {
		s.entities += len(res.Record.Entities)
		s.events += len(res.Record.Events)
		s.quads += r.Quads
	}
}

// reject reports a document that cannot be stored and drops it from the
// queue.
func (w *worker) reject(j *queue.Job, err error) {
	w.sum.skipped++
	w.reportf("%v", err)
	if rerr := j.Reject(); rerr != nil {
		w.reportf("worker: %s: %v", j.Doc.ID, rerr)
	}
}

func (w *worker) reportf(format string, args ...any) {
	fmt.Fprintf(w.env.Stderr, format+"\n", args...)
}

// extractAll extracts the documents of jobs on n goroutines and returns
// the results in the order of jobs.
func extractAll(ctx context.Context, ex extract.Extractor, jobs []*queue.Job, n int) []extracted {
	out := make([]extracted, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = ingest.Extract(ctx, ex, jobs[i].Doc)
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
