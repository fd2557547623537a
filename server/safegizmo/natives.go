package safegizmo

import (
	"fmt"

	"github.com/dop251/goja"
)

// MaxArrayLength is the longest array (by its length property) that the
// wrapped Array methods, Function.prototype.apply and JSON.stringify
// accept. goja's built-ins loop over an array's length in Go, where an
// interruption (the deadline, the memory budget) cannot reach them:
// new Array(1e9).join("xxxxxxxx") would allocate gigabytes, and
// new Array(1e15).indexOf(1) would loop for days, in one native call.
const MaxArrayLength = 1 << 24

// arrayMethods are the methods of Array.prototype in goja
// v0.0.0-20190105 that loop over the length of their array.
var arrayMethods = []string{
	"pop", "push", "join", "toString", "toLocaleString", "concat", "reverse",
	"shift", "slice", "sort", "splice", "unshift", "indexOf", "lastIndexOf",
	"every", "some", "forEach", "map", "filter", "reduce", "reduceRight",
}

// guardNatives bounds goja's built-ins that a query could make run or
// allocate without end in one native call: the Array methods and
// Function.prototype.apply check the length of the array they work on,
// JSON.stringify the lengths of the arrays it would write, and
// ArrayBuffer, which allocates the size it is given at once, is removed.
// Each wrapped call counts as a nested call (see maxNesting), which also
// bounds the Go stack that native recursion such as
// function f(){ [0].forEach(f) } can take.
func (s *shim) guardNatives() error {
	proto, ok := s.vm.Get("Array").(*goja.Object)
	if !ok {
		return fmt.Errorf("safegizmo: no Array constructor")
	}
	ap, ok := proto.Get("prototype").(*goja.Object)
	if !ok {
		return fmt.Errorf("safegizmo: no Array.prototype")
	}
	for _, name := range arrayMethods {
		if err := s.replace(ap, name, func(call goja.FunctionCall) error { return s.checkLength(call.This) }); err != nil {
			return err
		}
	}
	fn, ok := s.vm.Get("Function").(*goja.Object)
	if !ok {
		return fmt.Errorf("safegizmo: no Function constructor")
	}
	fp, ok := fn.Get("prototype").(*goja.Object)
	if !ok {
		return fmt.Errorf("safegizmo: no Function.prototype")
	}
	if err := s.replace(fp, "apply", func(call goja.FunctionCall) error { return s.checkLength(call.Argument(1)) }); err != nil {
		return err
	}
	json, ok := s.vm.Get("JSON").(*goja.Object)
	if !ok {
		return fmt.Errorf("safegizmo: no JSON object")
	}
	if err := s.replace(json, "stringify", func(call goja.FunctionCall) error {
		return s.checkLengths(call.Argument(0), make(map[*goja.Object]bool), 0)
	}); err != nil {
		return err
	}
	s.vm.Set("ArrayBuffer", goja.Undefined())
	return nil
}

// replace replaces the method name of o by one that runs check first and
// then the original, as a nested call.
func (s *shim) replace(o *goja.Object, name string, check func(goja.FunctionCall) error) error {
	orig, ok := goja.AssertFunction(o.Get(name))
	if !ok {
		return fmt.Errorf("safegizmo: %s is not a function", name)
	}
	o.Set(name, func(call goja.FunctionCall) goja.Value {
		if err := check(call); err != nil {
			panic(s.vm.NewTypeError(fmt.Sprintf("%s: %v", name, err)))
		}
		res, err := s.call(func() (goja.Value, error) { return orig(call.This, call.Arguments...) })
		if err != nil {
			s.rethrow(name, err)
		}
		return res
	})
	return nil
}

// checkLength refuses an object whose length exceeds MaxArrayLength.
func (s *shim) checkLength(v goja.Value) error {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	if n := o.Get("length"); n != nil && !goja.IsUndefined(n) {
		if l, max := n.ToFloat(), s.maxLength(); l > float64(max) {
			return fmt.Errorf("array of length %.0f is longer than %d", l, max)
		}
	}
	return nil
}

// maxLength is the longest array the wrapped methods accept:
// MaxArrayLength, or fewer elements when their values (copied by slice,
// map, sort, apply ...) would exceed the query's memory budget.
func (s *shim) maxLength() int64 {
	if n := s.budget / valueBytes; n < MaxArrayLength {
		return n
	}
	return MaxArrayLength
}

// checkLengths applies checkLength to v and the objects it holds, to
// MaxArgDepth levels (deeper ones JSON.stringify writes too, but each
// level needs objects the query has built).
func (s *shim) checkLengths(v goja.Value, seen map[*goja.Object]bool, depth int) error {
	o, ok := v.(*goja.Object)
	if !ok || seen[o] || depth > MaxArgDepth {
		return nil
	}
	seen[o] = true
	if err := s.checkLength(o); err != nil {
		return err
	}
	for _, k := range o.Keys() {
		if err := s.checkLengths(o.Get(k), seen, depth+1); err != nil {
			return err
		}
	}
	return nil
}
