package safegizmo

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// Bounds on the arguments a wrapped method copies for Cayley.
const (
	// MaxArgDepth is the deepest nesting of arrays and objects accepted.
	MaxArgDepth = 32
	// MaxArgValues is the largest number of values (array elements and
	// object properties, all levels together) accepted in one call.
	MaxArgValues = 100000
	// maxNesting bounds how deeply wrapped calls may nest (a ForEach
	// callback calling ForEach ...), as each level is a Go frame.
	maxNesting = 64
)

// envFuncs are the global value helpers of Cayley's Gizmo environment.
var envFuncs = []string{"iri", "bnode", "raw", "str", "lang", "typed", "lt", "lte", "gt", "gte", "regex", "like"}

// shim holds the wrappers of one session.
type shim struct {
	vm *goja.Runtime
	// raw maps a wrapper to the Cayley object it stands for.
	raw map[*goja.Object]*goja.Object
	// values are the results of the value helpers (IRIs, filters), passed
	// to Cayley as they are.
	values map[*goja.Object]bool
	// protos are the wrappers' prototypes by Cayley type.
	protos map[reflect.Type]*goja.Object
	// create is Object.create.
	create goja.Callable
	// nesting counts the wrapped calls in progress.
	nesting int
	// budget is the memory budget of the query in bytes, which no single
	// call of an amplifying built-in may exceed (see guardAmplifiers).
	budget int64
	// rangeErr, objToString and origJoin are the built-ins RangeError,
	// Object.prototype.toString and Array.prototype.join (its length
	// check only), as the session started.
	rangeErr, objToString, origJoin goja.Callable
}

func newShim(vm *goja.Runtime, budget int64) *shim {
	return &shim{vm: vm, budget: budget, raw: make(map[*goja.Object]*goja.Object), values: make(map[*goja.Object]bool),
		protos: make(map[reflect.Type]*goja.Object)}
}

// install replaces graph, g and the value helpers by wrappers.
func (s *shim) install() error {
	obj, ok := s.vm.Get("Object").(*goja.Object)
	if !ok {
		return errors.New("safegizmo: no Object constructor")
	}
	if s.create, ok = goja.AssertFunction(obj.Get("create")); !ok {
		return errors.New("safegizmo: no Object.create")
	}
	graphObj, ok := s.vm.Get("graph").(*goja.Object)
	if !ok {
		return errors.New("safegizmo: the Gizmo environment has no graph object")
	}
	w := s.wrap(graphObj)
	s.vm.Set("graph", w)
	s.vm.Set("g", w)
	for _, name := range envFuncs {
		orig, ok := goja.AssertFunction(s.vm.Get(name))
		if !ok {
			return fmt.Errorf("safegizmo: the Gizmo environment has no function %s", name)
		}
		s.vm.Set(name, s.helper(name, orig))
	}
	if err := s.guardNatives(); err != nil {
		return err
	}
	return s.guardAmplifiers()
}

// wrap returns a wrapper object for a Cayley graph or path object: an
// object whose prototype has a method for each of raw's (see proto).
func (s *shim) wrap(raw *goja.Object) *goja.Object {
	proto := s.proto(raw)
	w, err := s.create(goja.Undefined(), proto)
	if err != nil {
		panic(err)
	}
	o := w.(*goja.Object)
	s.raw[o] = raw
	return o
}

// proto returns the prototype of the wrappers of objects of raw's Go type,
// made on first use: for each method of that type, a method that calls the
// method of the Cayley object its `this` stands for (see method).
func (s *shim) proto(raw *goja.Object) *goja.Object {
	t := raw.ExportType()
	if p, ok := s.protos[t]; ok {
		return p
	}
	p := s.vm.NewObject()
	for _, name := range methodNames(raw.Export()) {
		p.Set(name, s.method(name))
	}
	s.protos[t] = p
	return p
}

// methodNames lists the JavaScript names of the methods of a Cayley value
// the way Cayley's field name mapper names them: "Capitalized" and "New"
// prefixes dropped, others with a lower-case first letter.
func methodNames(v interface{}) []string {
	t := reflect.TypeOf(v)
	if t == nil {
		return nil
	}
	seen := make(map[string]bool)
	var names []string
	for i := 0; i < t.NumMethod(); i++ {
		n := t.Method(i).Name
		switch {
		case strings.HasPrefix(n, "Capitalized"):
			n = strings.TrimPrefix(n, "Capitalized")
		case strings.HasPrefix(n, "New"):
			n = strings.TrimPrefix(n, "New")
		default:
			r, size := utf8.DecodeRuneInString(n)
			n = string(unicode.ToLower(r)) + n[size:]
		}
		if n != "" && !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// method wraps one method of the Cayley objects: called on a wrapper, its
// arguments are copied, the method of the wrapper's Cayley object runs
// inside a recover with the wrapper as `this` (a ForEach callback never
// sees the Cayley object), and a path it returns is wrapped in turn.
func (s *shim) method(name string) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		self, _ := call.This.(*goja.Object)
		raw, ok := s.raw[self]
		if !ok {
			panic(s.vm.NewTypeError(name + ": not called on a Gizmo path or graph"))
		}
		f, ok := goja.AssertFunction(raw.Get(name))
		if !ok {
			panic(s.vm.NewTypeError(name + ": not a method"))
		}
		args, err := s.copyArgs(call.Arguments)
		if err != nil {
			panic(s.vm.NewTypeError(fmt.Sprintf("%s: %v", name, err)))
		}
		res, err := s.call(func() (goja.Value, error) { return f(self, args...) })
		if err != nil {
			s.rethrow(name, err)
		}
		return s.wrapResult(res)
	}
}

// helper wraps a value helper (iri, lt, ...): its result is recorded as a
// value that may be passed to Cayley.
func (s *shim) helper(name string, f goja.Callable) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		args, err := s.copyArgs(call.Arguments)
		if err != nil {
			panic(s.vm.NewTypeError(fmt.Sprintf("%s: %v", name, err)))
		}
		res, err := s.call(func() (goja.Value, error) { return f(goja.Undefined(), args...) })
		if err != nil {
			s.rethrow(name, err)
		}
		if o, ok := res.(*goja.Object); ok {
			s.values[o] = true
		}
		return res
	}
}

// call runs f inside a recover, counting the nesting of wrapped calls.
func (s *shim) call(f func() (goja.Value, error)) (goja.Value, error) {
	if s.nesting >= maxNesting {
		return nil, fmt.Errorf("calls nested more than %d deep", maxNesting)
	}
	s.nesting++
	defer func() { s.nesting-- }()
	return s.protect(f)
}

// errPanic marks a Go panic turned into an error.
type errPanic struct{ msg string }

func (e errPanic) Error() string { return e.msg }

// protect runs f and turns a Go panic into an error; an interruption of
// the VM (deadline, memory budget) goes on up.
func (s *shim) protect(f func() (goja.Value, error)) (v goja.Value, err error) {
	defer func() {
		x := recover()
		if x == nil {
			return
		}
		switch x := x.(type) {
		case *goja.InterruptedError:
			panic(x)
		case *goja.Exception:
			v, err = nil, x
		case goja.Value:
			v, err = nil, &valueError{x}
		default:
			v, err = nil, errPanic{panicMessage(x)}
		}
	}()
	return f()
}

// valueError carries a thrown JavaScript value.
type valueError struct{ v goja.Value }

func (e *valueError) Error() string { return e.v.String() }

// panicMessage gives the message of a recovered Go panic without goja's
// "Panic at <pc>: " prefix.
func panicMessage(x interface{}) string {
	msg := fmt.Sprint(x)
	if strings.HasPrefix(msg, "Panic at ") {
		if i := strings.Index(msg, ": "); i >= 0 {
			msg = msg[i+2:]
		}
	}
	return msg
}

// rethrow raises err in JavaScript: an interruption as it is, a JavaScript
// exception as it is, and a Go panic as a TypeError naming the method.
func (s *shim) rethrow(name string, err error) {
	var ie *goja.InterruptedError
	var ex *goja.Exception
	var ve *valueError
	switch {
	case errors.As(err, &ie):
		panic(ie)
	case errors.As(err, &ex):
		panic(ex)
	case errors.As(err, &ve):
		panic(ve.v)
	}
	panic(s.vm.NewTypeError(fmt.Sprintf("%s: %v", name, err)))
}

// wrapResult wraps a Cayley path or graph object returned by a method.
func (s *shim) wrapResult(v goja.Value) goja.Value {
	o, ok := v.(*goja.Object)
	if !ok {
		return v
	}
	if _, ok := s.raw[o]; ok {
		return v
	}
	if isCayleyType(o.ExportType()) {
		return s.wrap(o)
	}
	return v
}

// isCayleyType reports whether t is the type of one of Cayley's Gizmo
// objects (*gizmo.pathObject, *gizmo.graphObject), which have methods.
func isCayleyType(t reflect.Type) bool {
	return t != nil && t.Kind() == reflect.Ptr && t.Elem().PkgPath() == "github.com/cayleygraph/cayley/query/gizmo"
}

var (
	timeType  = reflect.TypeOf(time.Time{})
	sliceType = reflect.TypeOf([]interface{}{})
)

// copyArgs copies a call's arguments for Cayley: primitives, functions,
// dates and helper values as they are, wrappers as the Cayley objects they
// stand for, and arrays and objects as Go values, refused when cyclic or
// beyond MaxArgDepth or MaxArgValues.
func (s *shim) copyArgs(args []goja.Value) ([]goja.Value, error) {
	out := make([]goja.Value, len(args))
	c := copier{s: s, seen: make(map[*goja.Object]bool)}
	for i, a := range args {
		o, ok := a.(*goja.Object)
		if !ok {
			out[i] = a
			continue
		}
		if v, ok := c.passed(o); ok {
			out[i] = v
			continue
		}
		g, err := c.native(o, 0)
		if err != nil {
			return nil, fmt.Errorf("argument %d: %v", i+1, err)
		}
		out[i] = s.vm.ToValue(g)
	}
	return out, nil
}

// copier copies one call's arguments.
type copier struct {
	s      *shim
	seen   map[*goja.Object]bool // objects on the path being copied
	values int
}

// passed returns the value to pass for an object that is not copied: a
// wrapper's Cayley object, a helper value, a function or a date.
func (c *copier) passed(o *goja.Object) (goja.Value, bool) {
	if raw, ok := c.s.raw[o]; ok {
		return raw, true
	}
	if c.s.values[o] {
		return o, true
	}
	if _, ok := goja.AssertFunction(o); ok {
		return o, true
	}
	if o.ExportType() == timeType {
		return o, true
	}
	return nil, false
}

// native copies a value into a Go value.
func (c *copier) native(v goja.Value, depth int) (interface{}, error) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil, nil
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return v.Export(), nil
	}
	if p, ok := c.passed(o); ok {
		return p.Export(), nil
	}
	if depth >= MaxArgDepth {
		return nil, fmt.Errorf("nested more than %d deep", MaxArgDepth)
	}
	if c.seen[o] {
		return nil, errors.New("cyclic value")
	}
	c.seen[o] = true
	defer delete(c.seen, o)
	if o.ExportType() == sliceType {
		return c.array(o, depth)
	}
	return c.object(o, depth)
}

func (c *copier) count(n int64) error {
	if n < 0 || n > MaxArgValues || int64(c.values)+n > MaxArgValues {
		return fmt.Errorf("more than %d values", MaxArgValues)
	}
	c.values += int(n)
	return nil
}

func (c *copier) array(o *goja.Object, depth int) (interface{}, error) {
	n := o.Get("length").ToInteger()
	if err := c.count(n); err != nil {
		return nil, err
	}
	out := make([]interface{}, n)
	for i := int64(0); i < n; i++ {
		e, err := c.native(o.Get(fmt.Sprint(i)), depth+1)
		if err != nil {
			return nil, err
		}
		out[i] = e
	}
	return out, nil
}

func (c *copier) object(o *goja.Object, depth int) (interface{}, error) {
	keys := o.Keys()
	if err := c.count(int64(len(keys))); err != nil {
		return nil, err
	}
	out := make(map[string]interface{}, len(keys))
	for _, k := range keys {
		e, err := c.native(o.Get(k), depth+1)
		if err != nil {
			return nil, err
		}
		out[k] = e
	}
	return out, nil
}
