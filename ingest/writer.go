package ingest

import "context"

// DefaultBatch is the default largest number of documents written in one
// transaction.
const DefaultBatch = 64

// commitBudget is the bytes of pages a bolt commit may write before the
// next batch is made smaller. Bolt holds every page a transaction changes
// as Go objects until it commits, so the pages a commit writes are also
// its peak memory; a batch of a given size changes more pages the larger
// the store (new quads land all over it), and without a bound the peak
// would grow with the store.
const commitBudget = 48 << 20

// nextBatch returns the largest number of records the next write may take,
// after a write of cur records whose commit wrote wrote bytes of pages:
// half as many if that was over commitBudget, twice as many (up to max)
// if it was under a quarter of it, else as many.
func nextBatch(cur, max int, wrote int64) int {
	switch {
	case wrote > commitBudget && cur > 1:
		return cur / 2
	case wrote < commitBudget/4 && cur < max:
		return min(2*cur, max)
	}
	return cur
}

// groupWriter hands records to write in groups: add queues a record, and a
// goroutine writes whatever has queued, up to a limit of records (at most
// max: see nextBatch), each time the previous write is done. write
// returns the bytes of pages its commit wrote (0 if unknown). It keeps
// input order. Once interrupt is done, the write in progress completes
// and what is queued is dropped.
type groupWriter struct {
	interrupt context.Context
	queue     chan Result
	done      chan struct{} // closed when the writer has stopped
	failed    chan struct{} // closed when a write has failed
	err       error         // the first write error; later records are dropped
}

func newGroupWriter(interrupt context.Context, max int, write func([]Result) (int64, error)) *groupWriter {
	w := &groupWriter{interrupt: interrupt, queue: make(chan Result, max), done: make(chan struct{}), failed: make(chan struct{})}
	go w.loop(max, write)
	return w
}

// loop writes what has queued, batch after batch, until close.
func (w *groupWriter) loop(max int, write func([]Result) (int64, error)) {
	defer close(w.done)
	batch := make([]Result, 0, max)
	limit := max
	for first := range w.queue {
		batch = w.gather(append(batch[:0], first), limit)
		if w.err != nil || w.interrupt.Err() != nil {
			continue
		}
		var wrote int64
		if wrote, w.err = write(batch); w.err != nil {
			close(w.failed)
		}
		if len(batch) == limit || wrote > commitBudget {
			limit = nextBatch(limit, max, wrote)
		}
	}
}

// gather adds to batch what has queued, up to limit records, without
// waiting for more.
func (w *groupWriter) gather(batch []Result, limit int) []Result {
	for len(batch) < limit {
		select {
		case res, ok := <-w.queue:
			if !ok {
				return batch
			}
			batch = append(batch, res)
		default:
			return batch
		}
	}
	return batch
}

// add queues res for writing; it blocks while max records are queued.
func (w *groupWriter) add(res Result) error {
	select {
	case <-w.failed:
		return w.err
	case <-w.interrupt.Done():
		return w.interrupt.Err()
	case w.queue <- res:
		return nil
	}
}

// close writes what is queued, stops the writer and returns the first
// write error.
func (w *groupWriter) close() error {
	close(w.queue)
	<-w.done
	return w.err
}
