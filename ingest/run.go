package ingest

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// Options configure Run.
type Options struct {
	// Store receives the documents.
	Store *graph.Store
	// Extractor extracts each document; nil: the lexical extractor.
	Extractor extract.Extractor
	// Workers is the number of documents extracted at once; 0:
	// runtime.GOMAXPROCS(0).
	Workers int
	// Batch is the largest number of documents written in one
	// transaction; 0: DefaultBatch.
	Batch int
	// MaxSize is the size in bytes of the largest document read: 0,
	// input.DefaultMaxSize; negative, no limit (see input.Reader).
	MaxSize int64
	// Published is the date (YYYY-MM-DD) of documents that carry none.
	Published string
	// Stdin is read for the path "-".
	Stdin io.Reader
	// OnReport, if set, is given each problem with one input: a file,
	// line or document skipped, a document the store refused, or a
	// *Warning.
	OnReport func(error)
	// OnProgress, if set, is told of input read and documents written.
	OnProgress func(Progress)
	// OnStored, if set, is told of each document stored (added,
	// replaced or found unchanged), once the transaction that wrote it
	// has committed: a work queue acknowledges it then.
	OnStored func(Result, graph.PutResult)
	// OnRefused, if set, is told of each document read but not to be
	// stored: the extractor failed on it, or the store refused its
	// record. (OnReport is given the error too.) A document neither
	// stored nor refused was not written because the run stopped first:
	// at an interrupt, or after a failed write.
	OnRefused func(Result, error)
}

// Progress is a step of a run: Read bytes of input files read, or a
// batch of Written documents written, Stored in all so far.
type Progress struct {
	Read    int64
	Written int
	Stored  int
}

// Summary counts what a run did. Entities, Events and Quads count the
// documents written (added or replaced), not those found unchanged.
type Summary struct {
	Added, Unchanged, Replaced, Skipped int
	Entities, Events, Quads             int
}

// Stored returns the number of documents stored: added, unchanged or
// replaced.
func (s Summary) Stored() int { return s.Added + s.Unchanged + s.Replaced }

// Run reads the documents of paths (files, directories, "-" for
// opts.Stdin: see package input), extracts them in parallel and writes
// them into opts.Store in input order, in group-committed batches: while
// one batch is being written, the documents extracted in the meantime
// queue up, and the next write takes all of them, up to opts.Batch. Into
// bolt a commit that writes many pages halves the next batch, and one
// that writes few doubles it again, so that the memory of a commit stays
// bounded as the store grows.
//
// A document is written whole or not at all. Inputs that cannot be read
// or extracted, and documents the store refuses, are reported to
// opts.OnReport, counted as skipped, and the run goes on. When ctx is
// done, Run stops reading, completes the write in progress and returns
// ctx's error with the summary so far. A failing write stops the run; its
// error is returned.
//
// The callbacks are never called at the same time.
func Run(ctx context.Context, opts Options, paths []string) (Summary, error) {
	r := &run{opts: opts}
	return r.run(ctx, func(p *Pipeline) Source { return p.paths(paths) })
}

// RunSource is Run over the documents src gives (a work queue, say)
// instead of files: the same extraction, batches, order, interruption and
// reporting. It ends when src returns.
func RunSource(ctx context.Context, opts Options, src Source) (Summary, error) {
	r := &run{opts: opts}
	return r.run(ctx, func(*Pipeline) Source { return src })
}

// run is the state of one Run.
type run struct {
	opts    Options
	cb      sync.Mutex // serialises the callbacks
	sum     Summary
	refused int
}

func (r *run) report(err error) {
	if r.opts.OnReport == nil {
		return
	}
	r.cb.Lock()
	defer r.cb.Unlock()
	r.opts.OnReport(err)
}

func (r *run) refuse(res Result, err error) {
	r.cb.Lock()
	defer r.cb.Unlock()
	r.opts.OnRefused(res, err)
}

func (r *run) stored(res Result, put graph.PutResult) {
	r.cb.Lock()
	defer r.cb.Unlock()
	r.opts.OnStored(res, put)
}

func (r *run) progress(p Progress) {
	r.cb.Lock()
	defer r.cb.Unlock()
	r.opts.OnProgress(p)
}

// pipeline returns the reading and extraction half of the run.
func (r *run) pipeline() (*Pipeline, error) {
	ex := r.opts.Extractor
	if ex == nil {
		var err error
		if ex, err = extract.New("lexical", extract.Options{}); err != nil {
			return nil, err
		}
	}
	workers := r.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	p := &Pipeline{Extractor: ex, Workers: workers, Published: r.opts.Published, MaxSize: r.opts.MaxSize, Stdin: r.opts.Stdin, OnReport: r.report}
	if r.opts.OnRefused != nil {
		p.OnFailed = func(res Result) { r.refuse(res, res.Err) }
	}
	if r.opts.OnProgress != nil {
		p.OnProgress = func(n int64) { r.progress(Progress{Read: n}) }
	}
	return p, nil
}

func (r *run) run(ctx context.Context, source func(*Pipeline) Source) (Summary, error) {
	p, err := r.pipeline()
	if err != nil {
		return Summary{}, err
	}
	batch := r.opts.Batch
	if batch <= 0 {
		batch = DefaultBatch
	}
	// The writes go on under a context that ctx's end does not cancel,
	// so that the documents being stored are stored whole.
	putCtx := context.WithoutCancel(ctx)
	w := newGroupWriter(ctx, batch, func(b []Result) (int64, error) { return r.write(putCtx, b) })
	runErr := p.RunSource(ctx, source(p), w.add)
	if err := w.close(); err != nil && runErr == nil {
		runErr = err
	}
	r.sum.Skipped = p.Skipped() + r.refused
	return r.sum, runErr
}

// write puts one batch into the store and counts it; it returns the bytes
// of pages the commit wrote (0 if the backend does not count them).
func (r *run) write(ctx context.Context, batch []Result) (int64, error) {
	s := r.opts.Store
	recs := make([]*extract.Record, len(batch))
	for i, res := range batch {
		recs[i] = res.Record
	}
	before, _ := s.WriteStats()
	results, err := s.PutBatch(ctx, recs)
	if err != nil {
		// Nothing of the batch was written: the store is as it was.
		return 0, fmt.Errorf("ingest: writing %d document(s) from %s: %w", len(batch), batch[0].Doc.ID, err)
	}
	after, _ := s.WriteStats()
	for i, res := range results {
		r.count(batch[i], res)
	}
	if r.opts.OnProgress != nil {
		r.progress(Progress{Written: len(batch), Stored: r.sum.Stored()})
	}
	return after.PageBytes - before.PageBytes, nil
}

// count adds one document's put to the summary.
func (r *run) count(res Result, put graph.PutResult) {
	if put.Err != nil {
		r.refused++
		r.report(fmt.Errorf("ingest: %s: %w", res.Doc.ID, put.Err))
		if r.opts.OnRefused != nil {
			r.refuse(res, put.Err)
		}
		return
	}
	if r.opts.OnStored != nil {
		r.stored(res, put)
	}
	switch put.Status {
	case graph.Added:
		r.sum.Added++
	case graph.Replaced:
		r.sum.Replaced++
	case graph.Unchanged:
		r.sum.Unchanged++
	}
	if put.Status != graph.Unchanged {
		r.sum.Entities += len(res.Record.Entities)
		r.sum.Events += len(res.Record.Events)
		r.sum.Quads += put.Quads
	}
}
