package main

import (
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
	"github.com/newsgraph/newsgraph/ingest"
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
type extracted = ingest.Result

// reader returns the pipeline that reads the inputs as the flags set it
// up, without an extractor (for Walk); it reports bad inputs to report,
// and counts them as skipped.
func (f *extractFlags) reader(stdin io.Reader, report func(error)) *ingest.Pipeline {
	return &ingest.Pipeline{
		Workers:   f.workers,
		Published: f.published,
		MaxSize:   f.readerMaxSize(),
		Stdin:     stdin,
		OnReport:  func(err error) { report(hintMaxSize(err)) },
	}
}

// pipeline returns the pipeline that reads and extracts the inputs as the
// flags set it up, with the extractor --extractor names.
func (f *extractFlags) pipeline(stdin io.Reader, report func(error)) (*ingest.Pipeline, error) {
	ex, err := f.newExtractor()
	if err != nil {
		return nil, err
	}
	p := f.reader(stdin, report)
	p.Extractor = ex
	return p, nil
}

// newExtractor returns the extractor --extractor names.
func (f *extractFlags) newExtractor() (extract.Extractor, error) {
	return extract.New(f.extractor, extract.Options{})
}

// hintMaxSize points a document skipped for its size to --max-size.
func hintMaxSize(err error) error {
	var w *ingest.Warning
	if errors.Is(err, input.ErrTooLarge) && !errors.As(err, &w) {
		return fmt.Errorf("%w (see --max-size)", err)
	}
	return err
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
