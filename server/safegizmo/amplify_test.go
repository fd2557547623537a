package safegizmo

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// TestAmplifiersKeepResults checks that the wrapped built-ins give what
// goja's own give on ordinary inputs: each expression's value, as JSON,
// is the same in a guarded session and in a bare goja runtime.
func TestAmplifiersKeepResults(t *testing.T) {
	for _, tc := range []struct{ name, expr string }{
		{"join default", `[1, "a", null, undefined, [2, 3]].join()`},
		{"join separator", `[1, 2, 3].join(" - ")`},
		{"join unicode", `["é", "€", "x"].join("·")`},
		{"join sparse", `var a = [1]; a[4] = 5; a.join("/")`},
		{"join array-like", `Array.prototype.join.call({length: 3, 0: "a", 2: "c"}, "+")`},
		{"join element toString", `[{toString: function () { return "o" }}, 2].join()`},
		{"toString nested", `String([1, [2, [3, 4]], "x"])`},
		{"toLocaleString", `[1, "b", null].toLocaleString()`},
		{"array concat", `[1, 2].concat(3, [4, [5]], "x")`},
		{"string concat", `"a".concat(1, null, {toString: function () { return "o" }}, "é")`},
		{"replace string", `"a-b-c".replace("-", "+")`},
		{"replace global", `"a-b-c".replace(/-/g, "+")`},
		{"replace patterns", "\"abcb\".replace(/(b)/g, \"[$&|$1|$`|$'|$$]\")"},
		{"replace function", `"a1b22".replace(/\d+/g, function (m, i) { return "<" + m + "@" + i + ">" })`},
		{"split", `"a,b,,c".split(",")`},
		{"split limit", `"a,b,c".split(",", 2)`},
		{"split regexp", `"a1b22c".split(/(\d+)/)`},
		{"split empty", `"abc".split("")`},
		{"match global", `"a1b22c333".match(/\d+/g)`},
		{"match groups", `"key=value".match(/(\w+)=(\w+)/)`},
		{"search", `"abcdef".search(/d/)`},
		{"exec", `/(\d+)-(\d+)/.exec("x 12-34 y")`},
		{"test", `/^a.c$/.test("abc")`},
		{"upper", `"Straße é".toUpperCase()`},
		{"lower", `"ÉCOLE Abc".toLowerCase()`},
		{"stringify", `JSON.stringify({a: [1, "x\n\"", {b: null, c: true}], d: "é"})`},
		{"stringify space", `JSON.stringify({a: [1, {b: 2}]}, null, 2)`},
		{"stringify tab", `JSON.stringify([1, [2]], null, "\t")`},
		{"stringify replacer", `JSON.stringify({a: 1, b: "x", c: [1, 2]}, function (k, v) { return typeof v === "number" ? v * 10 : v })`},
		{"stringify replacer array", `JSON.stringify({a: 1, b: {a: 2, c: 3}, c: 4}, ["a", "b"])`},
		{"stringify toJSON", `JSON.stringify({d: {toJSON: function (k) { return "at " + k }}})`},
		{"stringify wrappers", `JSON.stringify([new String("s"), new Number(1), new Boolean(false)])`},
		{"stringify undefined", `[JSON.stringify(undefined), JSON.stringify(function () {}), JSON.stringify({f: function () {}, u: undefined})]`},
		{"stringify primitive", `JSON.stringify("a\u0001b")`},
		{"parse", `JSON.parse('{"a": [1, 2, {"b": "c"}], "d": null}')`},
		{"keys", `Object.keys({b: 1, a: 2})`},
		{"keys array", `Object.keys([5, 6, 7])`},
		{"own names", `Object.getOwnPropertyNames([5])`},
		{"encodeURIComponent", `encodeURIComponent("a b/é€")`},
		{"encodeURI", `encodeURI("http://x/a b?c=é")`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bare := goja.New()
			want, err := bare.RunString(`JSON.stringify((function () { return ` + strings.TrimSpace(asExpr(tc.expr)) + ` })())`)
			if err != nil {
				t.Fatalf("bare goja: %v", err)
			}
			out, err := runQuery(t, nil, `g.Emit(`+asExpr(tc.expr)+`)`)
			if err != nil {
				t.Fatalf("guarded: %v", err)
			}
			if len(out) != 1 {
				t.Fatalf("results %v, want one", out)
			}
			got, err := json.Marshal(out[0])
			if err != nil {
				t.Fatal(err)
			}
			var w interface{}
			if err := json.Unmarshal([]byte(want.String()), &w); err != nil {
				t.Fatalf("bare goja's JSON %q: %v", want, err)
			}
			wantJSON, _ := json.Marshal(w)
			if string(got) != string(wantJSON) {
				t.Errorf("guarded %s, goja %s", got, wantJSON)
			}
		})
	}
}

// asExpr turns "stmts; expr" into one expression: an immediately called
// function returning the last statement's value.
func asExpr(src string) string {
	i := strings.LastIndex(src, "; ")
	if i < 0 {
		return "(" + src + ")"
	}
	return "(function () { " + src[:i+1] + " return " + src[i+2:] + " })()"
}

// TestRegexpTimeout runs regular expressions that backtrack
// catastrophically under regexp2 (goja's engine for lookaround and
// backreferences): each call ends with an error naming the time limit
// within a few seconds, where it would run for hours and report nothing.
func TestRegexpTimeout(t *testing.T) {
	const subject = `var s = new Array(40).join("a"); `
	for _, tc := range []struct{ name, query string }{
		{"test", subject + `/(?=a)(a+)+b/.test(s)`},
		{"exec", subject + `/(a+)+(?!a)b/.exec(s)`},
		{"match", subject + `s.match(/(?=a)(a+)+b/g)`},
		{"replace", subject + `s.replace(/(?=a)(a+)+b/, "x")`},
		{"replace function", subject + `s.replace(/(?=a)(a+)+b/g, function (m) { return m })`},
		{"search", subject + `s.search(/(a+)+\1b/)`},
		{"split", subject + `s.split(/(?=a)(a+)+b/)`},
		{"in a callback", `g.V().ForEach(function () { ` + subject + `/(?=a)(a+)+b/.test(s) })`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := runQueryWithin(t, nil, tc.query, RegexpTimeout+10*time.Second)
			if d := time.Since(start); d > RegexpTimeout+5*time.Second {
				t.Errorf("took %v", d)
			}
			if err == nil || !strings.Contains(err.Error(), "regular expression ran longer than") {
				t.Fatalf("error %v, want the regular expression's time limit", err)
			}
		})
	}
}
