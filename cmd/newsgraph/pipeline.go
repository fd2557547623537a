package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/input"
)

// defaultExtractor is the extractor used unless --extractor names another.
const defaultExtractor = "lexical"

// extractFlags are the flags shared by extract and ingest.
type extractFlags struct {
	published string
	extractor string
	workers   int
	maxSize   byteSize
}

func (f *extractFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.published, "published", "", "publication `DATE` (YYYY-MM-DD) of documents that carry none")
	fs.StringVar(&f.extractor, "extractor", defaultExtractor, "extractor `NAME`")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "extract `N` documents in parallel")
	f.maxSize = input.DefaultMaxSize
	fs.Var(&f.maxSize, "max-size", "skip documents (files, JSON Lines lines) larger than `SIZE` (bytes, or with K, M, G: KiB, MiB, GiB; 0: no limit)")
}

// byteSize is a flag value in bytes, written "1048576", "512K", "32M",
// "32MiB", "1G" or "1GB" (all powers of 1024).
type byteSize int64

// String implements pflag.Value.
func (b *byteSize) String() string {
	n := int64(*b)
	for _, u := range []struct {
		suffix string
		size   int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n != 0 && n%u.size == 0 {
			return strconv.FormatInt(n/u.size, 10) + u.suffix
		}
	}
	return strconv.FormatInt(n, 10)
}

// Set implements pflag.Value.
func (b *byteSize) Set(s string) error {
	num := strings.TrimSpace(s)
	unit := int64(1)
	upper := strings.ToUpper(num)
	for _, u := range []struct {
		suffix string
		size   int64
	}{{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}} {
		for _, suffix := range []string{u.suffix + "IB", u.suffix + "B", u.suffix} {
			if strings.HasSuffix(upper, suffix) {
				num, unit = strings.TrimSpace(num[:len(num)-len(suffix)]), u.size
				break
			}
		}
		if unit != 1 {
			break
		}
	}
	if unit == 1 {
		num = strings.TrimSpace(strings.TrimSuffix(upper, "B"))
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < 0 || n > math.MaxInt64/unit {
		return fmt.Errorf("invalid size %q (want bytes, or a whole number with K, M or G)", s)
	}
	*b = byteSize(n * unit)
	return nil
}

// Type implements pflag.Value.
func (b *byteSize) Type() string { return "size" }

// readerMaxSize is input.Reader.MaxSize for --max-size (0: no limit).
func (f *extractFlags) readerMaxSize() int64 {
	if f.maxSize == 0 {
		return -1
	}
	return int64(f.maxSize)
}

// check validates the flags and normalises --published.
func (f *extractFlags) check() error {
	d, err := input.NormalizeDate(f.published)
	if err != nil {
		return usagef("--published: %v", err)
	}
	f.published = d
	if f.workers < 1 {
		return usagef("--workers must be at least 1")
	}
	return nil
}

// streamMemoryLimit is the soft limit on the Go runtime's memory that
// extract and ingest set (unless $GOMEMLIMIT is set): when the heap nears
// it the garbage collector runs sooner, so that a long run over an
// archive stays within a fixed footprint instead of growing to twice its
// live data between collections. It is soft: a run that needs more gets
// it, at the cost of more collection.
const streamMemoryLimit = 384 << 20

// limitMemory sets streamMemoryLimit, unless $GOMEMLIMIT gives a limit.
func limitMemory(env *Env) {
	if env.getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(streamMemoryLimit)
}

// extracted is one document and what the extractor made of it.
type extracted struct {
	doc extract.Document
	rec *extract.Record
	err error
}

// pipeline reads documents with package input, extracts them on several
// workers and hands the records on in input order.
type pipeline struct {
	flags extractFlags
	base  string
	// report prints a problem with one input; it may be called from
	// several goroutines, never at the same time.
	report func(error)
	// progress, if set, is given the bytes of input files read (see
	// input.Reader.OnProgress).
	progress func(int64)
	// prepare, if set, may adjust each document before extraction.
	prepare func(*extract.Document)
	// interrupt, when done, stops the pipeline between two documents:
	// emit is not called again, and run returns its error.
	interrupt context.Context

	mu      sync.Mutex
	skipped int
}

// Skipped returns the number of inputs skipped: bad files or lines, and
// documents the extractor failed on.
func (p *pipeline) Skipped() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.skipped
}

func (p *pipeline) fail(err error) {
	p.mu.Lock()
	p.skipped++
	p.mu.Unlock()
	p.report(err)
}

// reader returns the reader of the inputs, as the flags set it up; it
// reports bad inputs, and counts them as skipped.
func (p *pipeline) reader(stdin io.Reader) *input.Reader {
	onError := func(err error) {
		if errors.Is(err, input.ErrTooLarge) {
			err = fmt.Errorf("%w (see --max-size)", err)
		}
		p.fail(err)
	}
	onWarning := func(err error) { p.report(fmt.Errorf("warning: %w", err)) }
	return &input.Reader{Published: p.flags.published, OnError: onError, OnWarning: onWarning, Stdin: stdin, MaxSize: p.flags.readerMaxSize(), OnProgress: p.progress}
}

// run extracts every document of paths and calls emit with each record, in
// input order. A failing emit stops the pipeline and its error is returned.
func (p *pipeline) run(ctx context.Context, stdin io.Reader, paths []string, emit func(extracted) error) error {
	ex, err := extract.New(p.flags.extractor, extract.Options{Base: p.base})
	if err != nil {
		return err
	}
	if p.interrupt == nil {
		p.interrupt = ctx
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		doc extract.Document
		out chan extracted
	}
	workers := max(p.flags.workers, 1)
	jobs := make(chan job)
	order := make(chan chan extracted, 4*workers)
	var walkErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(order)
		defer close(jobs)
		walkErr = p.reader(stdin).Walk(ctx, paths, func(doc extract.Document) error {
			if p.prepare != nil {
				p.prepare(&doc)
			}
			out := make(chan extracted, 1)
			select {
			case order <- out:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{doc, out}:
			case <-ctx.Done():
				out <- extracted{doc: doc, err: ctx.Err()}
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
				j.out <- extractOne(ctx, ex, j.doc)
			}
		}()
	}

	var emitErr error
	for out := range order {
		res := <-out
		if ctx.Err() != nil || p.interrupt.Err() != nil {
			break
		}
		if res.err != nil {
			p.fail(res.err)
			continue
		}
		for _, w := range res.rec.Warnings {
			p.report(fmt.Errorf("warning: %s: %s", res.doc.ID, w))
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
	case p.interrupt.Err() != nil:
		return p.interrupt.Err()
	case walkErr != nil && !errors.Is(walkErr, context.Canceled):
		return walkErr
	}
	return nil
}

// extractOne runs the extractor on one document, turning a panic into an
// error so that one bad document does not end the run.
func extractOne(ctx context.Context, ex extract.Extractor, doc extract.Document) (res extracted) {
	res.doc = doc
	defer func() {
		if r := recover(); r != nil {
			res.rec, res.err = nil, fmt.Errorf("extract: %s: extractor panicked: %v", doc.ID, r)
		}
	}()
	rec, err := ex.Extract(ctx, doc)
	switch {
	case err != nil:
		res.err = fmt.Errorf("extract: %s: %w", doc.ID, err)
	case rec == nil:
		res.err = fmt.Errorf("extract: %s: extractor returned no record", doc.ID)
	default:
		res.rec = rec
	}
	return res
}

// lockedWriter serialises writes from several goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}
