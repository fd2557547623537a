package safegizmo

import (
	"fmt"
	"reflect"
	"time"

	"github.com/dlclark/regexp2"
	"github.com/dop251/goja"
)

// Amplifying built-ins: a native call whose result can be far larger than
// what the query built within its budget (new Array(1<<24).join(s) with s
// a megabyte long is 16 TB), allocated in one step that neither the
// Governor nor the deadline can interrupt. Each is wrapped by a function
// that works out, before the original runs, an upper bound of what the
// call allocates, and throws a RangeError naming the memory budget when
// the bound exceeds it. The bounds use the costs below.
const (
	// unitBytes is what one character of a result costs: goja keeps a
	// string with any non-ASCII character as UTF-16.
	unitBytes = 2
	// valueBytes is the cost of one value in an array (an interface).
	valueBytes = 16
	// stringValueBytes is the cost of one new short string value in an
	// array (its header, its interface, a few characters).
	stringValueBytes = 48
	// bufferFactor covers a result built in a growing buffer and copied
	// out of it: up to twice its size while it grows, once more copied.
	bufferFactor = 3
	// caseFactor bounds the growth of a string by case mapping ("ß" is
	// "SS" in upper case; a few characters map to three).
	caseFactor = 3
	// uriFactor bounds the growth of encodeURI, encodeURIComponent and
	// escape: a UTF-16 unit becomes at most nine characters ("%E2%82%AC").
	uriFactor = 9
	// parseBytes bounds the memory JSON.parse allocates per character of
	// its text ("[[],[],...]": an array object for every three characters).
	parseBytes = 100
)

// MaxJSONDepth is the deepest nesting JSON.stringify writes and JSON.parse
// reads: goja recurses in Go for each level, within one native call.
const MaxJSONDepth = 1000

// RegexpTimeout is the longest a regular expression may run on one call
// of exec, test, match, replace, search or split. goja compiles the
// patterns Go's regexp package cannot run (backreferences, lookaround)
// with regexp2, which backtracks: /(?=a)(a+)+b/ on forty a's would run for
// hours in one native call. regexp2 gives up a match after this long, and
// the wrapped call then throws, instead of reading the give-up as "no
// match" as goja does.
const RegexpTimeout = time.Second

func init() {
	// regexp2 reads its default when a pattern is compiled: every pattern
	// goja compiles after this runs under the timeout. goja is the only
	// user of regexp2 in this program.
	regexp2.DefaultMatchTimeout = RegexpTimeout
}

// guardAmplifiers wraps the amplifying built-ins of goja v0.0.0-20190105
// (and those of later versions, when present: repeat, padStart, padEnd,
// fill) with their bounds.
func (s *shim) guardAmplifiers() error {
	rangeErr, ok := goja.AssertFunction(s.vm.Get("RangeError"))
	if !ok {
		return fmt.Errorf("safegizmo: no RangeError constructor")
	}
	s.rangeErr = rangeErr
	objToString, err := s.path("Object", "prototype", "toString")
	if err != nil {
		return err
	}
	if s.objToString, ok = goja.AssertFunction(objToString); !ok {
		return fmt.Errorf("safegizmo: Object.prototype.toString is not a function")
	}
	join, err := s.path("Array", "prototype", "join")
	if err != nil {
		return err
	}
	if s.origJoin, ok = goja.AssertFunction(join); !ok {
		return fmt.Errorf("safegizmo: Array.prototype.join is not a function")
	}
	for _, o := range []struct {
		path []string
		wrap func(orig goja.Callable) func(goja.FunctionCall) goja.Value
	}{
		{[]string{"Array", "prototype", "join"}, s.join},
		{[]string{"Array", "prototype", "toLocaleString"}, s.toLocaleString},
		{[]string{"Array", "prototype", "concat"}, s.bounded("concat", s.arrayConcatCost)},
		{[]string{"Array", "prototype", "fill"}, s.bounded("fill", s.fillCost)},
		{[]string{"String", "prototype", "concat"}, s.stringConcat},
		{[]string{"String", "prototype", "repeat"}, s.bounded("repeat", s.repeatCost)},
		{[]string{"String", "prototype", "padStart"}, s.bounded("padStart", s.padCost)},
		{[]string{"String", "prototype", "padEnd"}, s.bounded("padEnd", s.padCost)},
		{[]string{"String", "prototype", "toUpperCase"}, s.bounded("toUpperCase", s.caseCost)},
		{[]string{"String", "prototype", "toLowerCase"}, s.bounded("toLowerCase", s.caseCost)},
		{[]string{"String", "prototype", "toLocaleUpperCase"}, s.bounded("toLocaleUpperCase", s.caseCost)},
		{[]string{"String", "prototype", "toLocaleLowerCase"}, s.bounded("toLocaleLowerCase", s.caseCost)},
		{[]string{"String", "prototype", "replace"}, s.replaceBounded},
		{[]string{"String", "prototype", "split"}, s.timed("split", s.bounded("split", s.splitCost))},
		{[]string{"String", "prototype", "match"}, s.timed("match", s.bounded("match", s.matchCost))},
		{[]string{"String", "prototype", "search"}, s.timed("search", nil)},
		{[]string{"RegExp", "prototype", "exec"}, s.timed("exec", nil)},
		{[]string{"RegExp", "prototype", "test"}, s.timed("test", nil)},
		{[]string{"JSON", "stringify"}, s.stringify},
		{[]string{"JSON", "parse"}, s.bounded("JSON.parse", s.parseCost)},
		{[]string{"Object", "keys"}, s.bounded("Object.keys", s.keysCost)},
		{[]string{"Object", "getOwnPropertyNames"}, s.bounded("Object.getOwnPropertyNames", s.keysCost)},
		{[]string{"eval"}, s.shallow("eval")},
		{[]string{"encodeURI"}, s.bounded("encodeURI", s.uriCost)},
		{[]string{"encodeURIComponent"}, s.bounded("encodeURIComponent", s.uriCost)},
		{[]string{"escape"}, s.bounded("escape", s.uriCost)},
	} {
		holder := s.vm.GlobalObject()
		if len(o.path) > 1 {
			v, err := s.path(o.path[:len(o.path)-1]...)
			if err != nil {
				return err
			}
			holder = v.(*goja.Object)
		}
		name := o.path[len(o.path)-1]
		orig, ok := goja.AssertFunction(holder.Get(name))
		if !ok {
			continue // a built-in of a later goja: absent here
		}
		wrapped := o.wrap(orig)
		fn := s.vm.ToValue(func(call goja.FunctionCall) goja.Value {
			res, err := s.call(func() (goja.Value, error) { return wrapped(call), nil })
			if err != nil {
				s.rethrow(name, err)
			}
			return res
		}).(*goja.Object)
		if p := holder.Get(name).(*goja.Object).Get("prototype"); p != nil && !goja.IsUndefined(p) {
			fn.Set("prototype", p) // Function.prototype.call stays reachable
		}
		holder.Set(name, fn)
	}
	return s.guardFunction()
}

// functionGuard is the global through which the JavaScript wrapper of
// Function checks its arguments.
const functionGuard = "__newsgraph_source_check"

// guardFunction replaces Function (and Function.prototype.constructor,
// through which every function reaches it) by a JavaScript function that
// checks the nesting of its arguments and calls the original: being a
// JavaScript function, it can still be called with new.
func (s *shim) guardFunction() error {
	s.vm.Set(functionGuard, func(call goja.FunctionCall) goja.Value {
		args, _ := call.Argument(0).(*goja.Object)
		for i := int64(0); i < length(args); i++ {
			if str, ok := args.Get(fmt.Sprint(i)).Export().(string); ok {
				if n := sourceNesting(str); n > MaxSourceNesting {
					panic(s.vm.NewTypeError(fmt.Sprintf("Function: the source is nested more than %d deep", MaxSourceNesting)))
				}
			}
		}
		return goja.Undefined()
	})
	_, err := s.vm.RunString(`(function (orig, check) {
	var F = function Function() { check(arguments); return orig.apply(null, arguments) };
	F.prototype = orig.prototype;
	orig.prototype.constructor = F;
	Function = F;
})(Function, ` + functionGuard + `)`)
	return err
}

// path returns the object at a path of properties from the global object.
func (s *shim) path(names ...string) (goja.Value, error) {
	v := goja.Value(s.vm.GlobalObject())
	for _, n := range names {
		o, ok := v.(*goja.Object)
		if !ok {
			return nil, fmt.Errorf("safegizmo: no %v", names)
		}
		v = o.Get(n)
	}
	if v == nil || goja.IsUndefined(v) {
		return nil, fmt.Errorf("safegizmo: no %v", names)
	}
	return v, nil
}

// overBudget throws a RangeError when cost exceeds the query's budget.
func (s *shim) overBudget(name string, cost int64) {
	if cost >= 0 && cost <= s.budget {
		return
	}
	msg := fmt.Sprintf("%s: the result would take more than the memory budget of %d bytes; narrow the query", name, s.budget)
	e, err := s.rangeErr(goja.Undefined(), s.vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	panic(e)
}

// bounded returns a wrapper that throws when cost's bound exceeds the
// budget and calls the original otherwise.
func (s *shim) bounded(name string, cost func(goja.FunctionCall) int64) func(goja.Callable) func(goja.FunctionCall) goja.Value {
	return func(orig goja.Callable) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			s.overBudget(name, cost(call))
			return s.callOrig(name, orig, call.This, call.Arguments...)
		}
	}
}

// callOrig calls a built-in, raising its error in JavaScript.
func (s *shim) callOrig(name string, orig goja.Callable, this goja.Value, args ...goja.Value) goja.Value {
	res, err := orig(this, args...)
	if err != nil {
		s.rethrow(name, err)
	}
	return res
}

// sat adds and multiplies costs without overflow: past maxCost they stay
// at maxCost, which exceeds every budget.
const maxCost = int64(1) << 60

func mul(a, b int64) int64 {
	if a <= 0 || b <= 0 {
		return 0
	}
	if a > maxCost/b {
		return maxCost
	}
	return a * b
}

func add(a, b int64) int64 {
	if a+b > maxCost || a+b < 0 {
		return maxCost
	}
	return a + b
}

// strLen returns the length of a primitive value written as a string
// (UTF-8 bytes, at least its UTF-16 units).
func strLen(v goja.Value) int64 {
	if v == nil {
		return 0
	}
	return int64(len(v.String()))
}

// thisString returns the string a String.prototype method works on, as
// goja converts it.
func (s *shim) thisString(call goja.FunctionCall) goja.Value {
	if call.This == nil || goja.IsUndefined(call.This) || goja.IsNull(call.This) {
		panic(s.vm.NewTypeError("String.prototype method called on null or undefined"))
	}
	return call.This.ToString()
}

// length returns the length property of an object as a number (0 when
// absent), saturated at maxCost.
func length(v goja.Value) int64 {
	o, ok := v.(*goja.Object)
	if !ok {
		return 0
	}
	n := o.Get("length")
	if n == nil || goja.IsUndefined(n) {
		return 0
	}
	f := n.ToFloat()
	if f != f || f <= 0 {
		return 0
	}
	if f > float64(maxCost) {
		return maxCost
	}
	return int64(f)
}

// className returns the class of v as Object.prototype.toString gives it
// ("[object Array]").
func (s *shim) className(v goja.Value) string {
	res, err := s.objToString(v)
	if err != nil {
		return ""
	}
	return res.String()
}

// join converts the elements first, adding up their lengths, and joins
// the converted strings when their total is within the budget: an
// element's toString is called once, as the original does.
func (s *shim) join(orig goja.Callable) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		sep := goja.Value(s.vm.ToValue(","))
		if a := call.Argument(0); !goja.IsUndefined(a) {
			sep = a.ToString()
		}
		return s.joinStrings("join", orig, call.This, sep, func(e goja.Value) goja.Value { return e.ToString() })
	}
}

// toLocaleString converts each element with its toLocaleString and joins
// them with commas, as join does.
func (s *shim) toLocaleString(_ goja.Callable) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		return s.joinStrings("toLocaleString", s.origJoin, call.This, s.vm.ToValue(","), func(e goja.Value) goja.Value {
			o := e.ToObject(s.vm)
			f, ok := goja.AssertFunction(o.Get("toLocaleString"))
			if !ok {
				panic(s.vm.NewTypeError("toLocaleString is not a function"))
			}
			return s.callOrig("toLocaleString", f, o).ToString()
		})
	}
}

// joinStrings converts the elements of this with conv (undefined and null
// as ""), throws when the joined string would exceed the budget, and
// joins the converted strings with join.
func (s *shim) joinStrings(name string, join goja.Callable, this, sep goja.Value, conv func(goja.Value) goja.Value) goja.Value {
	o := this.ToObject(s.vm)
	if err := s.checkLength(o); err != nil {
		panic(s.vm.NewTypeError(fmt.Sprintf("%s: %v", name, err)))
	}
	n := length(o)
	sepLen := strLen(sep)
	total := mul(n, valueBytes)
	parts := make([]interface{}, n)
	for i := int64(0); i < n; i++ {
		e := o.Get(fmt.Sprint(i))
		if e == nil || goja.IsUndefined(e) || goja.IsNull(e) {
			parts[i] = ""
			total = add(total, mul(sepLen, unitBytes*bufferFactor))
			s.overBudget(name, total)
			continue
		}
		str := conv(e)
		parts[i] = str
		total = add(total, mul(add(strLen(str), sepLen), unitBytes*bufferFactor))
		s.overBudget(name, total)
	}
	return s.callOrig(name, join, s.vm.ToValue(parts), sep)
}

// arrayConcatCost is the cost of the values of the concatenated array.
func (s *shim) arrayConcatCost(call goja.FunctionCall) int64 {
	n := length(call.This)
	for _, a := range call.Arguments {
		if s.className(a) == "[object Array]" {
			n = add(n, length(a))
		} else {
			n = add(n, 1)
		}
	}
	return mul(n, valueBytes)
}

// fillCost is the cost of filling an array's length with values.
func (s *shim) fillCost(call goja.FunctionCall) int64 {
	return mul(length(call.This), valueBytes)
}

// stringConcat converts this and the arguments first, then concatenates
// the strings when their total is within the budget.
func (s *shim) stringConcat(orig goja.Callable) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		this := s.thisString(call)
		total := mul(strLen(this), unitBytes)
		args := make([]goja.Value, len(call.Arguments))
		for i, a := range call.Arguments {
			args[i] = a.ToString()
			total = add(total, mul(strLen(args[i]), unitBytes))
			s.overBudget("concat", total)
		}
		return s.callOrig("concat", orig, this, args...)
	}
}

// repeatCost is the length of this times the count.
func (s *shim) repeatCost(call goja.FunctionCall) int64 {
	return mul(mul(strLen(s.thisString(call)), call.Argument(0).ToInteger()), unitBytes)
}

// padCost is the target length.
func (s *shim) padCost(call goja.FunctionCall) int64 {
	return mul(call.Argument(0).ToInteger(), unitBytes)
}

// caseCost bounds a case mapping of this.
func (s *shim) caseCost(call goja.FunctionCall) int64 {
	return mul(strLen(s.thisString(call)), caseFactor*unitBytes)
}

// uriCost bounds an encoding of the argument.
func (s *shim) uriCost(call goja.FunctionCall) int64 {
	return mul(strLen(call.Argument(0).ToString()), uriFactor*bufferFactor)
}

// parseCost bounds the values JSON.parse makes of its text, and refuses
// texts nested deeper than MaxJSONDepth.
func (s *shim) parseCost(call goja.FunctionCall) int64 {
	text := call.Argument(0).String()
	if d := jsonDepth(text); d > MaxJSONDepth {
		panic(s.vm.NewTypeError(fmt.Sprintf("JSON.parse: nested more than %d deep", MaxJSONDepth)))
	}
	return mul(int64(len(text)), parseBytes)
}

// jsonDepth returns the deepest nesting of brackets and braces in a JSON
// text, outside strings.
func jsonDepth(text string) int {
	depth, max, inString, escaped := 0, 0, false, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth > max {
				max = depth
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return max
}

// keysCost bounds the names listed for an object: an array's indexes are
// made as new strings.
func (s *shim) keysCost(call goja.FunctionCall) int64 {
	return mul(length(call.Argument(0)), stringValueBytes)
}

// regexpInfo returns whether v is a RegExp, whether it is global, and the
// number of its groups (at most the number of its opening parentheses).
func (s *shim) regexpInfo(v goja.Value) (isRegexp, global bool, groups int64) {
	if s.className(v) != "[object RegExp]" {
		return false, false, 0
	}
	o := v.(*goja.Object)
	global = o.Get("global").ToBoolean()
	src := o.Get("source").String()
	for i := 0; i < len(src); i++ {
		if src[i] == '(' {
			groups++
		}
	}
	return true, global, groups
}

// matchBytes is the cost of one match of a pattern with groups groups:
// the index pairs goja keeps for it.
func matchBytes(groups int64) int64 { return 24 + 16*(groups+1) }

// splitCost bounds the pieces of a split: at most one per character and
// one more, or the limit.
func (s *shim) splitCost(call goja.FunctionCall) int64 {
	n := add(strLen(s.thisString(call)), 1)
	if l := call.Argument(1); !goja.IsUndefined(l) {
		if m := l.ToInteger(); m >= 0 && m < n {
			n = m
		}
	}
	per := int64(stringValueBytes)
	if ok, _, groups := s.regexpInfo(call.Argument(0)); ok {
		per += matchBytes(groups) + groups*stringValueBytes
	}
	return mul(n, per)
}

// matchCost bounds the matches of a global pattern: at most one per
// character and one more.
func (s *shim) matchCost(call goja.FunctionCall) int64 {
	ok, global, groups := s.regexpInfo(call.Argument(0))
	if !ok || !global {
		return 0
	}
	return mul(add(strLen(s.thisString(call)), 1), matchBytes(groups)+stringValueBytes)
}

// replaceBounded bounds the result of String.prototype.replace. With a string
// replacement, a result holds the string, the replacement once per match,
// and what its patterns insert: $& and $1..$99 insert parts of the
// matches (together at most the string once per pattern), $` and $' a
// prefix or suffix of the string per match. A function replacement is
// wrapped to add up the lengths of what it returns.
func (s *shim) replaceBounded(orig goja.Callable) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		this := s.thisString(call)
		l := strLen(this)
		pattern, repl := call.Argument(0), call.Argument(1)
		matches := int64(1)
		isRegexp, global, groups := s.regexpInfo(pattern)
		if isRegexp && global {
			matches = add(l, 1)
		}
		base := add(mul(l, unitBytes*bufferFactor), mul(matches, matchBytes(groups)))
		if f, ok := goja.AssertFunction(repl); ok {
			total := base
			var inCallback time.Duration
			wrapped := s.vm.ToValue(func(c goja.FunctionCall) goja.Value {
				start := time.Now()
				defer func() { inCallback += time.Since(start) }()
				res := s.callOrig("replace", f, c.This, c.Arguments...).ToString()
				total = add(total, mul(strLen(res), unitBytes*bufferFactor))
				s.overBudget("replace", total)
				return res
			})
			s.overBudget("replace", total)
			return s.timeRegexp("replace", func() goja.Value {
				return s.callOrig("replace", orig, this, pattern, wrapped)
			}, &inCallback)
		}
		r := repl.ToString()
		lit, whole, affix := replacementShape(r.String())
		cost := add(base, mul(add(mul(matches, lit), add(mul(whole, l), mul(mul(affix, matches), l))), unitBytes*bufferFactor))
		s.overBudget("replace", cost)
		return s.timeRegexp("replace", func() goja.Value { return s.callOrig("replace", orig, this, pattern, r) }, nil)
	}
}

// replacementShape reads a replacement string: its length, the number of
// its $& and $n patterns, and the number of its $` and $' patterns.
func replacementShape(r string) (lit, whole, affix int64) {
	lit = int64(len(r))
	for i := 0; i+1 < len(r); i++ {
		if r[i] != '$' {
			continue
		}
		switch c := r[i+1]; {
		case c == '$':
			i++
		case c == '&' || c >= '0' && c <= '9':
			whole++
		case c == '`' || c == '\'':
			affix++
		}
	}
	return lit, whole, affix
}

// timed wraps a built-in that runs a regular expression (with bound's
// wrapper when not nil) so that it throws when it ran RegexpTimeout or
// longer.
func (s *shim) timed(name string, bound func(goja.Callable) func(goja.FunctionCall) goja.Value) func(goja.Callable) func(goja.FunctionCall) goja.Value {
	return func(orig goja.Callable) func(goja.FunctionCall) goja.Value {
		f := func(call goja.FunctionCall) goja.Value { return s.callOrig(name, orig, call.This, call.Arguments...) }
		if bound != nil {
			f = bound(orig)
		}
		return func(call goja.FunctionCall) goja.Value {
			return s.timeRegexp(name, func() goja.Value { return f(call) }, nil)
		}
	}
}

// timeRegexp runs f and throws when it took RegexpTimeout or longer, not
// counting the time in callbacks (*excluded, when not nil): regexp2 then
// gave up a match, which goja reads as no match.
func (s *shim) timeRegexp(name string, f func() goja.Value, excluded *time.Duration) goja.Value {
	start := time.Now()
	res := f()
	took := time.Since(start)
	if excluded != nil {
		took -= *excluded
	}
	if took >= RegexpTimeout {
		panic(s.vm.NewTypeError(fmt.Sprintf("%s: the regular expression ran longer than %v; simplify it", name, RegexpTimeout)))
	}
	return res
}

// stringify runs JSON.stringify with a replacer function of its own, which
// sees every value written (after toJSON and the query's replacer) and
// adds up the length of the output as it goes: it throws when the output
// would exceed the budget or nest deeper than MaxJSONDepth. A replacer
// array is applied by that function too, so properties come in the
// object's order rather than the array's.
func (s *shim) stringify(orig goja.Callable) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		value, replacer, space := call.Argument(0), call.Argument(1), call.Argument(2)
		var userFn goja.Callable
		var keep map[string]bool
		if f, ok := goja.AssertFunction(replacer); ok {
			userFn = f
		} else if s.className(replacer) == "[object Array]" {
			n := length(replacer)
			s.overBudget("JSON.stringify", mul(n, stringValueBytes))
			keep = make(map[string]bool)
			ro := replacer.(*goja.Object)
			for i := int64(0); i < n; i++ {
				e := ro.Get(fmt.Sprint(i))
				if e == nil {
					continue
				}
				switch s.className(e) {
				case "[object String]", "[object Number]":
					keep[e.String()] = true
				}
			}
		}
		gap := int64(0)
		if !goja.IsUndefined(space) {
			gap = 10 // the most JSON.stringify indents by
		}
		depth := make(map[*goja.Object]int64)
		var total int64
		root := true
		acct := func(c goja.FunctionCall) goja.Value {
			holder, _ := c.This.(*goja.Object)
			key, v := c.Argument(0), c.Argument(1)
			first := root
			root = false
			if keep != nil && !first && s.className(holder) != "[object Array]" && !keep[key.String()] {
				return goja.Undefined()
			}
			if userFn != nil {
				v = s.callOrig("JSON.stringify", userFn, c.This, key, v)
			}
			d := depth[holder]
			if d >= MaxJSONDepth {
				panic(s.vm.NewTypeError(fmt.Sprintf("JSON.stringify: nested more than %d deep", MaxJSONDepth)))
			}
			total = add(total, add(strLen(key)+4, mul(gap, d+1)))
			switch o := v.(type) {
			case *goja.Object:
				switch s.className(o) {
				case "[object String]":
					total = add(total, jsonStringLen(o.String()))
				case "[object Number]", "[object Boolean]":
					total = add(total, 24)
				default:
					depth[o] = d + 1
					total = add(total, 2)
				}
			default:
				if v != nil && v.ExportType() != nil && v.ExportType().Kind() == reflect.String {
					total = add(total, jsonStringLen(v.String()))
				} else {
					total = add(total, 24)
				}
			}
			s.overBudget("JSON.stringify", mul(total, unitBytes*bufferFactor))
			return v
		}
		return s.callOrig("JSON.stringify", orig, goja.Undefined(), value, s.vm.ToValue(acct), space)
	}
}

// jsonStringLen is the length of a string written in JSON: quotes, and
// escapes for quotes, backslashes and control characters (six characters
// at most each).
func jsonStringLen(str string) int64 {
	n := int64(len(str)) + 2
	for i := 0; i < len(str); i++ {
		if c := str[i]; c < 0x20 || c == '"' || c == '\\' {
			n += 5
		}
	}
	return n
}

// shallow returns a wrapper that refuses string arguments nested more than
// MaxSourceNesting deep before the original compiles them (eval,
// Function). The wrapped eval is an indirect eval (it sees global
// variables, not the caller's).
func (s *shim) shallow(name string) func(goja.Callable) func(goja.FunctionCall) goja.Value {
	return func(orig goja.Callable) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			for _, a := range call.Arguments {
				if str, ok := a.Export().(string); ok {
					if n := sourceNesting(str); n > MaxSourceNesting {
						panic(s.vm.NewTypeError(fmt.Sprintf("%s: the source is nested more than %d deep", name, MaxSourceNesting)))
					}
				}
			}
			return s.callOrig(name, orig, goja.Undefined(), call.Arguments...)
		}
	}
}
