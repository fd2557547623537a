package safegizmo

import (
	"runtime"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// TestBudgetIgnoresGarbage checks that memory found live by an earlier
// collection and freed since is not charged to the queries running now:
// CI saw an idle while(true) query interrupted for the memory of a query
// that had already ended in another test.
func TestBudgetIgnoresGarbage(t *testing.T) {
	const budget = 32 << 20
	g := NewGovernor(budget)
	vm := goja.New()
	g.mu.Lock()
	g.running[vm] = false
	runtime.GC()
	g.base = liveMemory()
	g.mu.Unlock()

	// Memory some other work held at the last collection, garbage now.
	held := make([][]byte, 0, 8)
	for i := 0; i < 8; i++ {
		held = append(held, make([]byte, budget))
	}
	runtime.GC()
	runtime.KeepAlive(held)
	held = nil
	_ = held

	var lastGC time.Time
	g.check(&lastGC)
	if n := g.Interrupts(); n != 0 {
		t.Fatalf("a query using no memory was interrupted %d times for garbage", n)
	}

	// Memory that stays live past the budget is still charged.
	live := make([][]byte, 0, 8)
	for i := 0; i < 8; i++ {
		live = append(live, make([]byte, budget))
	}
	lastGC = time.Time{}
	g.check(&lastGC)
	runtime.KeepAlive(live)
	if n := g.Interrupts(); n != 1 {
		t.Fatalf("interrupts with 8 budgets of live memory: %d, want 1", n)
	}
}

// TestBaseExcludesEndedQueries checks that the idle base is measured, not
// read from a collection that saw memory since freed: CI saw each query
// of TestMemoryBudget start with the last one's memory (up to 5 GB) as
// its base, so that a runaway query ran to its deadline uninterrupted.
func TestBaseExcludesEndedQueries(t *testing.T) {
	const held = 256 << 20
	ended := make([]byte, held) // what an ended query left behind
	runtime.GC()                // its live heap now counts those bytes
	runtime.KeepAlive(ended)
	ended = nil
	_ = ended
	if liveMemory() < held {
		t.Fatalf("live memory %d after holding %d bytes: the test's premise fails", liveMemory(), held)
	}

	g := NewGovernor(32 << 20)
	leave := g.enter(goja.New())
	g.mu.Lock()
	base := g.base
	g.mu.Unlock()
	leave()
	if base >= held {
		t.Fatalf("base %d bytes counts the %d freed bytes of an ended query", base, held)
	}

	// When the last query ends, the base is measured again once the
	// process is idle.
	again := make([]byte, held)
	runtime.GC()
	runtime.KeepAlive(again)
	again = nil
	_ = again
	g.mu.Lock()
	g.base = liveMemory() // as if measured while that memory was held
	g.lastIdle = time.Time{}
	g.mu.Unlock()
	leave = g.enter(goja.New())
	leave()
	if !baseSettles(g, func(base uint64) bool { return base < held }) {
		t.Fatalf("the base was not measured again after the last query ended")
	}
}

// baseSettles waits up to 2 s for the Governor to have no measurement
// pending and a base that ok accepts, and reports whether it came.
func baseSettles(g *Governor, ok func(base uint64) bool) bool {
	for i := 0; i < 100; i++ {
		time.Sleep(20 * time.Millisecond)
		g.mu.Lock()
		base, measuring := g.base, g.measuring
		g.mu.Unlock()
		if !measuring && ok(base) {
			return true
		}
	}
	return false
}

// TestBaseMeasuredAfterPendingDropped: a query that enters and ends while
// an idle measurement is pending makes that measurement void (it may
// have allocated during it); the base is still measured again for it
// once it has ended, not left stale until some later query ends. CI saw
// TestBaseExcludesEndedQueries fail this way when its second query came
// within the first measurement's settling time.
func TestBaseMeasuredAfterPendingDropped(t *testing.T) {
	g := NewGovernor(32 << 20)
	leave := g.enter(goja.New())
	leave() // starts a measurement that settles for idleSettle
	g.mu.Lock()
	if !g.measuring {
		g.mu.Unlock()
		t.Fatal("no idle measurement pending after the last query ended")
	}
	const stale = uint64(1) << 40
	g.base = stale // what the dropped measurement must not leave behind
	g.lastIdle = time.Time{}
	g.mu.Unlock()
	leave = g.enter(goja.New()) // enters while the measurement is pending
	leave()
	if !baseSettles(g, func(base uint64) bool { return base != stale }) {
		t.Fatal("the base was left stale: no measurement after the query that voided the pending one")
	}
}
