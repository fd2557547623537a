// Package safegizmo runs Gizmo queries (Cayley v0.7.7's JavaScript query
// language) so that no query, however malformed, can end the process and
// none can use more than a memory budget.
//
// Cayley runs a Gizmo query's JavaScript in a goroutine of its own, outside
// any recover, and several of its path methods panic with a Go error on
// arguments of the wrong type (g.V().Out("<p>", 1), g.V().Both({}),
// g.V().Out(g)); goja re-panics such errors, which would end the process. A
// Session built here changes three things in Cayley's session before any
// user code runs:
//
//   - The query Cayley executes is a one-line runner that calls a Go
//     function of ours, which runs the user's program (compiled by us) inside
//     a recover: a Go panic anywhere below it (Cayley's methods, goja's own
//     built-ins) becomes a JavaScript error that ends the query with a
//     message, and the process goes on.
//   - The globals graph and g, and the value helpers (iri, str, lt, regex,
//     ...), are replaced by wrappers whose methods copy their arguments
//     before Cayley sees them: cyclic, deeper than MaxArgDepth or larger
//     than MaxArgValues values are refused with a TypeError, since goja would
//     otherwise recurse through them without end when Cayley exports them.
//     Path objects never reach user code unwrapped, not even as `this` in a
//     ForEach callback.
//   - goja's built-ins that loop over an array's length in Go, where no
//     interruption reaches them (the Array methods,
//     Function.prototype.apply, JSON.stringify), refuse arrays longer than
//     MaxArrayLength, and ArrayBuffer, which allocates the size it is given
//     at once, is removed. Wrapped calls nest at most 64 deep, which bounds
//     the Go stack of native recursion such as function f(){ [0].forEach(f) }.
//   - A Governor interrupts queries whose memory (Go heap and goroutine
//     stacks, sampled every 5 ms) grows past their budget: runaway string
//     growth, deep recursion and growing arrays end with ErrMemoryBudget
//     instead of ending the process.
//
// What no in-process guard can stop is a Go runtime fatal error: a single
// native call that allocates more than the machine has, or recursion in Go
// that runs no JavaScript in between. The built-ins of goja
// v0.0.0-20190105 that take a size from the query are the ones bounded
// above, and FuzzGizmoCalls (package server) found no other.
package safegizmo

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"unsafe"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/dop251/goja"
)

// runnerName is the global Go function that runs the user's program.
const runnerName = "__newsgraph_run"

// runner is the program Cayley compiles and runs in place of the user's.
const runner = runnerName + "()"

// Session is a Gizmo session whose query runs under the guards of the
// package documentation.
type Session struct {
	ses *gizmo.Session
	vm  *goja.Runtime
	gov *Governor
	sh  *shim
	prg *goja.Program
}

// NewSession returns a guarded Gizmo session on qs. gov may be nil: no
// memory budget then.
func NewSession(qs graph.QuadStore, gov *Governor) (*Session, error) {
	ses := gizmo.NewSession(qs)
	vm, err := runtimeOf(ses)
	if err != nil {
		return nil, err
	}
	budget := int64(DefaultMemoryBudget)
	if gov != nil {
		budget = gov.Budget()
	}
	s := &Session{ses: ses, vm: vm, gov: gov, sh: newShim(vm, budget)}
	if err := s.sh.install(); err != nil {
		return nil, err
	}
	vm.Set(runnerName, s.run)
	return s, nil
}

// runtimeOf reads the goja runtime of a Cayley Gizmo session (the
// unexported field vm of gizmo.Session in Cayley v0.7.7): the guards must
// be installed in it before user code runs, and Cayley offers no other way
// to reach it.
func runtimeOf(ses *gizmo.Session) (*goja.Runtime, error) {
	f := reflect.ValueOf(ses).Elem().FieldByName("vm")
	if !f.IsValid() || f.Type() != reflect.TypeOf((*goja.Runtime)(nil)) {
		return nil, errors.New("safegizmo: this Cayley version's gizmo.Session has no vm *goja.Runtime field")
	}
	vm := *(**goja.Runtime)(unsafe.Pointer(f.UnsafeAddr()))
	if vm == nil {
		return nil, errors.New("safegizmo: gizmo.Session has no runtime")
	}
	return vm, nil
}

// Execute compiles qu and starts it; see query.Session. Syntax errors are
// returned at once.
func (s *Session) Execute(ctx context.Context, qu string, opt query.Options) (query.Iterator, error) {
	if n := sourceNesting(qu); n > MaxSourceNesting {
		return nil, fmt.Errorf("the query is nested more than %d deep (brackets, operators or statements)", MaxSourceNesting)
	}
	prg, err := goja.Compile("", qu, false)
	if err != nil {
		return nil, err
	}
	s.prg = prg
	it, err := s.ses.Execute(ctx, runner, opt)
	if err != nil {
		return nil, err
	}
	leave := func() {}
	if s.gov != nil {
		leave = s.gov.enter(s.vm)
	}
	return &iterator{Iterator: it, leave: leave}, nil
}

// iterator leaves the Governor when closed.
type iterator struct {
	query.Iterator
	leave func()
	left  bool
}

func (it *iterator) Close() error {
	err := it.Iterator.Close()
	if !it.left {
		it.left = true
		it.leave()
	}
	return err
}

// run runs the user's program inside a recover. It is called by the runner
// program, in Cayley's goroutine.
func (s *Session) run(call goja.FunctionCall) (ret goja.Value) {
	if s.prg == nil {
		panic(s.vm.NewTypeError("no query"))
	}
	prg := s.prg
	s.prg = nil // the runner runs once
	v, err := s.sh.protect(func() (goja.Value, error) { return s.vm.RunProgram(prg) })
	if err != nil {
		s.sh.rethrow("query", err)
	}
	return v
}

// ErrMemoryBudget is the value a query is interrupted with when it exceeds
// its memory budget (see Governor).
var ErrMemoryBudget = errors.New("query exceeded its memory budget")

// Interrupted reports whether err ends a query interrupted by the Governor
// and, if so, gives a message for the client.
func Interrupted(err error) (string, bool) {
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		if e, ok := ie.Value().(budgetError); ok {
			return e.Error(), true
		}
	}
	return "", false
}

// budgetError is ErrMemoryBudget with the budget in bytes.
type budgetError struct{ budget int64 }

func (e budgetError) Error() string {
	return fmt.Sprintf("%v of %d bytes; narrow the query", ErrMemoryBudget, e.budget)
}

func (e budgetError) Unwrap() error { return ErrMemoryBudget }
