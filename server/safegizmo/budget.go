package safegizmo

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// DefaultMemoryBudget is the memory budget of a query when none is given:
// 256 MiB.
const DefaultMemoryBudget = 256 << 20

// sampleEvery is how often a Governor samples memory while queries run.
const sampleEvery = 5 * time.Millisecond

// Governor bounds the memory of the Gizmo queries running in the process.
// While queries run it samples the Go heap and goroutine stacks (goja's
// native recursion grows the stack of the query's goroutine) every 5 ms;
// when they exceed the idle base (what is live while no query runs) by
// more than Budget times the number of running queries, it collects
// garbage and measures again, and if the excess remains it interrupts
// every running query with ErrMemoryBudget (they share the excess, and
// the process cannot tell which one allocated it). A query's memory thus
// stays within about its budget plus what is allocated between two
// samples.
//
// The idle base is measured after a collection of the Governor's own,
// never read from an earlier one, whose live heap may hold the memory of
// a query that has ended since (its session not yet dropped): NewGovernor
// collects once, and when the last running query ends the Governor
// collects again after a short pause (at most once per idleEvery), unless
// a query has started meanwhile.
type Governor struct {
	budget int64

	mu      sync.Mutex
	running map[*goja.Runtime]bool // true once interrupted
	base    uint64                 // memory live while no query ran
	stop    chan struct{}
	// entered counts the queries that have entered, so that an idle
	// measurement can tell that a query ran while it collected.
	entered uint64
	// measuring is set while an idle measurement is pending.
	measuring bool
	// lastIdle is when the last idle measurement started.
	lastIdle time.Time
	// interrupts counts the queries interrupted, for tests.
	interrupts int
}

// NewGovernor returns a Governor giving each query budget bytes
// (DefaultMemoryBudget when budget <= 0).
func NewGovernor(budget int64) *Governor {
	if budget <= 0 {
		budget = DefaultMemoryBudget
	}
	runtime.GC()
	return &Governor{budget: budget, running: make(map[*goja.Runtime]bool), base: liveMemory()}
}

// Budget returns the budget of one query in bytes.
func (g *Governor) Budget() int64 { return g.budget }

// Interrupts returns the number of queries interrupted so far.
func (g *Governor) Interrupts() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.interrupts
}

// enter registers a running query and returns the function that
// unregisters it.
func (g *Governor) enter(vm *goja.Runtime) (leave func()) {
	g.mu.Lock()
	g.entered++
	if len(g.running) == 0 {
		g.stop = make(chan struct{})
		go g.watch(g.stop)
	}
	g.running[vm] = false
	g.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			g.mu.Lock()
			delete(g.running, vm)
			if len(g.running) == 0 {
				close(g.stop)
				g.measureIdle()
			}
			g.mu.Unlock()
		})
	}
}

// Idle measurements of the base: how long after the last query ends
// (time for its caller to drop the session), and how often at most.
const (
	idleSettle = 50 * time.Millisecond
	idleEvery  = time.Second
)

// measureIdle starts a measurement of the idle base, unless one is
// pending or the last started within idleEvery. It is called with g.mu
// held, when the last running query has ended.
func (g *Governor) measureIdle() {
	if g.measuring || time.Since(g.lastIdle) < idleEvery {
		return
	}
	g.measuring = true
	g.lastIdle = time.Now()
	entered := g.entered
	go func() {
		time.Sleep(idleSettle)
		if g.idleSince(entered) {
			runtime.GC()
		}
		g.mu.Lock()
		defer g.mu.Unlock()
		g.measuring = false
		// A query that entered meanwhile may have allocated during the
		// collection: the measurement is dropped and the old base stands.
		if g.entered == entered && len(g.running) == 0 {
			g.base = liveMemory()
			return
		}
		// The queries that entered meanwhile have all ended too: their
		// own leave found this measurement pending and started none, so
		// one is started for them now (still at most one per idleEvery).
		if len(g.running) == 0 {
			g.measureIdle()
		}
	}()
}

// idleSince reports whether no query has entered since the count entered.
func (g *Governor) idleSince(entered uint64) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.entered == entered && len(g.running) == 0
}

// watch samples memory until stop is closed.
func (g *Governor) watch(stop chan struct{}) {
	t := time.NewTicker(sampleEvery)
	defer t.Stop()
	var lastGC time.Time // when check last forced a collection
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			// select picks at random among ready cases: a tick that
			// came with the stop must not measure a new set of queries
			// against the old one's watch.
			select {
			case <-stop:
				return
			default:
			}
			g.check(&lastGC)
		}
	}
}

// check interrupts the running queries when memory exceeds their budget.
// Heap objects include garbage, so an excess is confirmed after a
// collection (forced at most every minGCInterval) before anything is
// interrupted.
func (g *Governor) check(lastGC *time.Time) {
	g.mu.Lock()
	measured := make([]*goja.Runtime, 0, len(g.running))
	for vm := range g.running {
		measured = append(measured, vm)
	}
	limit := g.base + uint64(g.budget)*uint64(len(measured))
	g.mu.Unlock()
	if len(measured) == 0 {
		return // no query runs: nothing to measure against
	}
	if memoryInUse() <= limit {
		return
	}
	// The excess is confirmed by a collection of its own: the live heap
	// of an earlier collection may hold memory that has since become
	// garbage (another query's, ended meanwhile), and trusting it would
	// interrupt queries that use nothing.
	if time.Since(*lastGC) < minGCInterval {
		return
	}
	*lastGC = time.Now()
	runtime.GC()
	if memoryInUse() <= limit {
		return
	}
	// Only the queries that ran when memory was measured share the
	// excess: one that started since is not charged with it.
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, vm := range measured {
		if done, ok := g.running[vm]; ok && !done {
			g.running[vm] = true
			vm.Interrupt(budgetError{g.budget})
			g.interrupts++
		}
	}
}

// minGCInterval is the least time between two collections forced by check.
const minGCInterval = 50 * time.Millisecond

// memoryInUse returns the bytes of heap objects (garbage included) and
// goroutine stacks.
func memoryInUse() uint64 {
	return readMetrics("/memory/classes/heap/objects:bytes", "/memory/classes/heap/stacks:bytes")
}

// liveMemory returns the bytes of the heap found live by the last
// collection and of goroutine stacks.
func liveMemory() uint64 {
	return readMetrics("/gc/heap/live:bytes", "/memory/classes/heap/stacks:bytes")
}

// readMetrics adds up runtime metrics.
func readMetrics(names ...string) uint64 {
	s := make([]metrics.Sample, len(names))
	for i, name := range names {
		s[i].Name = name
	}
	metrics.Read(s)
	var total uint64
	for _, m := range s {
		if m.Value.Kind() == metrics.KindUint64 {
			total += m.Value.Uint64()
		}
	}
	return total
}
