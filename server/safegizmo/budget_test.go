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
