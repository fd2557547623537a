package main

import (
	"context"
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

A worker takes up to --batch documents at a time and passes them down the
pipeline of ingest: it extracts them on --workers goroutines, writes them
in group-committed transactions of up to --batch documents, and
acknowledges each document only once the transaction that wrote it has
committed. A document that cannot be read or extracted, or that the
store refuses, is reported and dropped from the queue; a write that fails
gives the documents not yet stored back to the queue and ends the worker. While
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
(Ctrl-C, SIGTERM): it then takes no more, stores and acknowledges the
documents it holds, and exits. With --drain it exits once the queue is empty: every document
published acknowledged, none held by another worker.

At the end the worker prints a summary, as ingest does, and the number of
documents it took from the queue, and of those delivered again after
another worker had held them. With -v it prints a line for each batch
taken and each transaction committed on standard error.
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

	w := &worker{cmd: c, env: env, held: map[*queue.Job]bool{}}
	stop := w.keepAlive()
	// An interrupt ends the source (no more is taken); what was taken is
	// extracted, stored and acknowledged whole.
	res, runErr := ingest.RunSource(context.WithoutCancel(ctx), ingest.Options{
		Store: store, Extractor: ex, Workers: c.ex.workers, Batch: c.batch,
		OnReport: w.report, OnProgress: w.progress, OnStored: w.stored, OnRefused: w.refused,
	}, w.source(ctx, q))
	stop()
	if n := w.releaseHeld(); runErr != nil {
		return fmt.Errorf("%w (%d document(s) taken and not stored go back to the queue)", runErr, n)
	}
	sum := summaryOf(res)
	sum.elapsed = time.Since(start)
	sum.print(env, c.store.where())
	fmt.Fprintf(env.Stdout, "queue:     %d taken from stream %s, %d of them delivered again\n", w.taken, c.queue.Stream, w.redelivered)
	if sum.skipped > 0 {
		fmt.Fprintf(env.Stderr, "newsgraph worker: %d document(s) skipped\n", sum.skipped)
		return errReported
	}
	return nil
}

// worker is the state of one worker process: the jobs it holds (taken
// from the queue, not yet acknowledged or rejected) and its counts.
type worker struct {
	cmd *workerCmd
	env *Env

	mu                 sync.Mutex // guards held and the counts; serialises reports
	held               map[*queue.Job]bool
	taken, redelivered int
	batch              [3]int // added, unchanged, replaced since the last -v line
}

// source is the Source of the documents of q: it takes up to --batch at a
// time, until ctx is done (an interrupt) or, with --drain, the queue is
// empty. Each job is the tag of its document.
func (w *worker) source(ctx context.Context, q queue.Queue) ingest.Source {
	return func(pctx context.Context, yield func(extract.Document, any) error) error {
		// Stop taking at the interrupt, or when the pipeline stops.
		tctx, cancel := context.WithCancel(pctx)
		defer cancel()
		defer context.AfterFunc(ctx, cancel)()
		for tctx.Err() == nil {
			jobs, err := q.Take(tctx, w.cmd.batch, w.cmd.idleCheck)
			if err != nil {
				if tctx.Err() != nil && len(jobs) == 0 {
					break
				}
				if len(jobs) == 0 {
					return err
				}
				w.reportf("%v", err)
			}
			if len(jobs) == 0 {
				if w.cmd.drain {
					if drained, err := q.Drained(tctx); err != nil || drained {
						return err
					}
				}
				continue
			}
			w.hold(jobs)
			for _, j := range jobs {
				if err := yield(j.Doc, j); err != nil {
					return err
				}
			}
		}
		return pctx.Err() // nil at an interrupt: the run ends normally
	}
}

// hold counts jobs taken and keeps them alive until settled.
func (w *worker) hold(jobs []*queue.Job) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.taken += len(jobs)
	for _, j := range jobs {
		w.held[j] = true
		if j.Delivery > 1 {
			w.redelivered++
		}
	}
	if w.cmd.verbose {
		fmt.Fprintf(w.env.Stderr, "worker: took %d document(s)\n", len(jobs))
	}
}

// settle forgets a job acknowledged or rejected.
func (w *worker) settle(j *queue.Job) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.held, j)
}

// stored acknowledges a document once the transaction that stored it has
// committed.
func (w *worker) stored(res ingest.Result, put graph.PutResult) {
	j := res.Tag.(*queue.Job)
	w.settle(j)
	if err := j.Ack(context.Background()); err != nil {
		// Stored: a second delivery will find it unchanged.
		w.reportf("worker: %s stored, but its acknowledgement failed: %v", put.Doc, err)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	switch put.Status {
	case graph.Added:
		w.batch[0]++
	case graph.Unchanged:
		w.batch[1]++
	case graph.Replaced:
		w.batch[2]++
	}
}

// refused drops from the queue a document that cannot be stored (the
// error is reported already).
func (w *worker) refused(res ingest.Result, _ error) {
	j := res.Tag.(*queue.Job)
	w.settle(j)
	if err := j.Reject(); err != nil {
		w.reportf("worker: %s: %v", j.Doc.ID, err)
	}
}

// progress prints, with -v, a line for each transaction committed.
func (w *worker) progress(p ingest.Progress) {
	if p.Written == 0 || !w.cmd.verbose {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	b := w.batch
	w.batch = [3]int{}
	fmt.Fprintf(w.env.Stderr, "worker: stored %d document(s) (%d added, %d unchanged, %d replaced) and acknowledged them\n",
		p.Written, b[0], b[1], b[2])
}

// releaseHeld gives the jobs still held back to the queue (a write that
// failed left them unstored), and returns how many there were.
func (w *worker) releaseHeld() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	for j := range w.held {
		j.Release()
	}
	n := len(w.held)
	clear(w.held)
	return n
}

// keepAlive tells the server, every third of --ack-wait, that the jobs
// held are being worked on, and returns the function that stops it.
func (w *worker) keepAlive() func() {
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
				w.mu.Lock()
				for j := range w.held {
					j.Extend()
				}
				w.mu.Unlock()
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
	}
}

// report prints a problem with one document.
func (w *worker) report(err error) { w.reportf("%v", err) }

func (w *worker) reportf(format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	fmt.Fprintf(w.env.Stderr, format+"\n", args...)
}
