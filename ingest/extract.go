package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/input"
)

// Result is one document and what the extractor made of it: a record, or
// an error.
type Result struct {
	Doc    extract.Document
	Record *extract.Record
	Err    error
	// Tag is what the Source gave with the document (nil for paths).
	Tag any
}

// A Source gives a pipeline its documents: it calls yield with each, in
// order, with a tag of its own that comes back in the document's Result
// (a queue's delivery, say), until it has no more (it returns nil) or
// fails. When yield returns an error, the pipeline has stopped: the
// source returns at once, with that error.
type Source func(ctx context.Context, yield func(doc extract.Document, tag any) error) error

// Warning is a problem that costs no document: a part of an input that
// was dropped, or a warning of the extractor. Its text starts "warning: ".
type Warning struct{ Err error }

// Error implements error.
func (w *Warning) Error() string { return "warning: " + w.Err.Error() }

// Unwrap returns the problem.
func (w *Warning) Unwrap() error { return w.Err }

// Pipeline reads documents with package input, extracts them on several
// goroutines and hands the results on in input order.
type Pipeline struct {
	// Extractor extracts each document; Walk does not need it.
	Extractor extract.Extractor
	// Workers is the number of documents extracted at once (at least 1).
	Workers int
	// Published, MaxSize and Stdin are input.Reader's.
	Published string
	MaxSize   int64
	Stdin     io.Reader
	// OnReport is given each problem with one input (a skipped file,
	// line or document, or a *Warning); it may be called from several
	// goroutines at once. Nil drops them.
	OnReport func(error)
	// OnProgress, if set, is given the bytes of input files read (see
	// input.Reader.OnProgress).
	OnProgress func(int64)
	// Prepare, if set, may adjust each document before extraction.
	Prepare func(*extract.Document)
	// OnFailed, if set, is given each document the extractor failed on,
	// after OnReport was given the error.
	OnFailed func(Result)
	// Interrupt, when done, stops Run between two documents: emit is not
	// called again, and Run returns its error. Nil: Run's context.
	Interrupt context.Context

	mu      sync.Mutex
	skipped int
}

// Skipped returns the number of inputs skipped: bad files or lines, and
// documents the extractor failed on.
func (p *Pipeline) Skipped() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.skipped
}

func (p *Pipeline) report(err error) {
	if p.OnReport != nil {
		p.OnReport(err)
	}
}

func (p *Pipeline) fail(err error) {
	p.mu.Lock()
	p.skipped++
	p.mu.Unlock()
	p.report(err)
}

// reader returns the reader of the inputs; it reports bad inputs, and
// counts them as skipped.
func (p *Pipeline) reader() *input.Reader {
	return &input.Reader{
		Published:  p.Published,
		OnError:    p.fail,
		OnWarning:  func(err error) { p.report(&Warning{err}) },
		Stdin:      p.Stdin,
		MaxSize:    p.MaxSize,
		OnProgress: p.OnProgress,
	}
}

// Walk reads the documents of paths, without extracting them, and calls
// fn with each; bad inputs are reported and counted as skipped.
func (p *Pipeline) Walk(ctx context.Context, paths []string, fn func(extract.Document) error) error {
	return p.reader().Walk(ctx, paths, fn)
}

// Run extracts every document of paths and calls emit with each record, in
// input order. Documents that cannot be read or extracted are reported and
// skipped. A failing emit stops the pipeline and its error is returned.
func (p *Pipeline) Run(ctx context.Context, paths []string, emit func(Result) error) error {
	return p.RunSource(ctx, p.paths(paths), emit)
}

// paths is the Source of the documents of paths.
func (p *Pipeline) paths(paths []string) Source {
	return func(ctx context.Context, yield func(extract.Document, any) error) error {
		return p.Walk(ctx, paths, func(doc extract.Document) error { return yield(doc, nil) })
	}
}

// RunSource is Run over the documents src gives: it extracts each and
// calls emit with each record, in src's order. A source that fails stops
// the pipeline (after what it gave before), and its error is returned.
func (p *Pipeline) RunSource(ctx context.Context, src Source, emit func(Result) error) error {
	if p.Extractor == nil {
		return errors.New("ingest: no extractor")
	}
	interrupt := p.Interrupt
	if interrupt == nil {
		interrupt = ctx
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		doc extract.Document
		tag any
		out chan Result
	}
	workers := max(p.Workers, 1)
	jobs := make(chan job)
	order := make(chan chan Result, 4*workers)
	var walkErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(order)
		defer close(jobs)
		walkErr = src(ctx, func(doc extract.Document, tag any) error {
			if p.Prepare != nil {
				p.Prepare(&doc)
			}
			out := make(chan Result, 1)
			select {
			case order <- out:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{doc, tag, out}:
			case <-ctx.Done():
				out <- Result{Doc: doc, Err: ctx.Err(), Tag: tag}
				return ctx.Err()
			}
			return nil
		})
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				res := Extract(ctx, p.Extractor, j.doc)
				res.Tag = j.tag
				j.out <- res
			}
		}()
	}

	var emitErr error
	for out := range order {
		res := <-out
		if ctx.Err() != nil || interrupt.Err() != nil {
			break
		}
		if res.Err != nil {
			p.fail(res.Err)
			if p.OnFailed != nil {
				p.OnFailed(res)
			}
			continue
		}
		for _, w := range res.Record.Warnings {
			p.report(&Warning{fmt.Errorf("%s: %s", res.Doc.ID, w)})
		}
		if err := emit(res); err != nil {
			emitErr = err
			break
		}
	}
	cancel()
	wg.Wait()
	switch {
	case emitErr != nil:
		return emitErr
	case interrupt.Err() != nil:
		return interrupt.Err()
	case walkErr != nil && !errors.Is(walkErr, context.Canceled):
		return walkErr
	}
	return nil
}

// Extract runs ex on one document, turning a panic into an error so that
// one bad document does not end a run.
func Extract(ctx context.Context, ex extract.Extractor, doc extract.Document) (res Result) {
	res.Doc = doc
	defer func() {
		if r := recover(); r != nil {
			res.Record, res.Err = nil, fmt.Errorf("extract: %s: extractor panicked: %v", doc.ID, r)
		}
	}()
	rec, err := ex.Extract(ctx, doc)
	switch {
	case err != nil:
		res.Err = fmt.Errorf("extract: %s: %w", doc.ID, err)
	case rec == nil:
		res.Err = fmt.Errorf("extract: %s: extractor returned no record", doc.ID)
	default:
		res.Record = rec
	}
	return res
}
