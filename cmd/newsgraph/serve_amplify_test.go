package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// amplifyBudget is the --query-memory of TestAmplifyingBuiltins.
const amplifyBudget = 64 << 20

// amplifyPeak bounds the peak resident memory of serve across the rows of
// TestAmplifyingBuiltins: the idle process, one budget's worth of input
// per row, and room for the collector. Without the bounds on amplifying
// built-ins the first rows take gigabytes.
const amplifyPeak = 6 * amplifyBudget

// mb is a query prelude: s, a string of 2^20 characters built by doubling.
const mb = `var s = "x"; while (s.length < 1 << 20) { s = s + s }; `

// TestAmplifyingBuiltins sends to a real `serve` (with --query-memory 64M)
// Gizmo queries whose one call of a JavaScript built-in would allocate
// far beyond the budget from inputs within it: each gets a 400 naming the
// budget (or, for a built-in this goja lacks, saying so) within seconds,
// serve answers /healthz after each, and its peak resident memory stays
// within amplifyPeak. Without the bounds of safegizmo.guardAmplifiers the
// join rows alone make serve allocate gigabytes and run past the deadline.
func TestAmplifyingBuiltins(t *testing.T) {
	addr, proc := startServeProcess(t, "--db", "memory", "--query-memory", "64M", "--query-timeout", "30s")
	budget := "memory budget of " + strconv.Itoa(amplifyBudget) + " bytes"
	for _, tc := range []struct{ name, query, want string }{
		{"Array.join huge sparse", mb + `new Array(1 << 21).join(s)`, budget},
		{"Array.join shared string", mb + `var a = []; for (var i = 0; i < 20000; i++) a.push(s); a.join()`, budget},
		{"Array.join via toString", mb + `var a = []; for (var i = 0; i < 20000; i++) a.push(s); "" + a`, budget},
		{"Array.join element toString", mb + `var o = {toString: function () { return s }}; var a = []; for (var i = 0; i < 20000; i++) a.push(o); a.join("")`, budget},
		{"Array.toLocaleString", mb + `var a = []; for (var i = 0; i < 20000; i++) a.push(s); a.toLocaleString()`, budget},
		{"Array.concat", `var a = new Array(1 << 22); var args = []; for (var i = 0; i < 64; i++) args.push(a); a.concat.apply(a, args).length`, budget},
		{"Array.fill", `new Array(1 << 30).fill(0)`, "no member 'fill'"},
		{"Array.slice", `new Array(1 << 30).slice(0)`, "longer than"},
		{"Function.apply", `Math.max.apply(null, new Array(1 << 30))`, "longer than"},
		{"String.concat", mb + `var a = []; for (var i = 0; i < 20000; i++) a.push(s); s.concat.apply(s, a)`, budget},
		{"String.repeat", `"x".repeat(1e12)`, "no member 'repeat'"},
		{"String.padStart", `"x".padStart(1e12)`, "no member 'padStart'"},
		{"String.padEnd", `"x".padEnd(1e12)`, "no member 'padEnd'"},
		{"String.toUpperCase", `var s = "x"; while (s.length < 1 << 24) { s = s + s }; s.toUpperCase()`, budget},
		{"String.toLowerCase", `var s = "X"; while (s.length < 1 << 24) { s = s + s }; s.toLowerCase()`, budget},
		{"String.replace string", mb + `s.replace(/x/g, s)`, budget},
		{"String.replace $'", mb + "s.replace(/x/g, \"$'\")", budget},
		{"String.replace function", mb + `s.replace(/x/g, function () { return s })`, budget},
		{"String.split", `var s = "x"; while (s.length < 1 << 23) { s = s + s }; s.split("").length`, budget},
		{"String.match", `var s = "x"; while (s.length < 1 << 23) { s = s + s }; s.match(/x/g).length`, budget},
		{"JSON.stringify shared string", mb + `var a = []; for (var i = 0; i < 20000; i++) a.push(s); JSON.stringify(a)`, budget},
		{"JSON.stringify doubling", `var x = [1]; for (var i = 0; i < 40; i++) x = [x, x]; JSON.stringify(x)`, budget},
		{"JSON.stringify toJSON", mb + `var o = {toJSON: function () { return s }}; var a = []; for (var i = 0; i < 20000; i++) a.push(o); JSON.stringify(a)`, budget},
		{"JSON.stringify deep", `var a = []; for (var i = 0; i < 100000; i++) a = [a]; JSON.stringify(a)`, "nested more than"},
		{"JSON.stringify replacer array", `JSON.stringify({}, new Array(1 << 30))`, budget},
		{"JSON.parse deep", `var n = 1 << 20; JSON.parse(new Array(n).join("[") + new Array(n).join("]"))`, "nested more than"},
		{"Object.keys", `var a = []; a.length = 1 << 30; Object.keys(a)`, budget},
		{"encodeURIComponent", `var s = "\u20ac"; while (s.length < 1 << 23) { s = s + s }; encodeURIComponent(s)`, budget},
	} {
		ok := t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			req, _ := http.NewRequest("POST", addr+"/api/v2/query?lang=gizmo", strings.NewReader(tc.query))
			req.Header.Set("Content-Type", "application/javascript")
			client := &http.Client{Timeout: 40 * time.Second}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatalf("%v (serve has died or hangs)", err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			var v struct{ Error string }
			if err := json.Unmarshal(body, &v); err != nil || resp.StatusCode != 400 {
				t.Fatalf("%d %.300s (%v), want 400 with an error", resp.StatusCode, body, err)
			}
			if !strings.Contains(v.Error, tc.want) {
				t.Errorf("error %q, want one containing %q", v.Error, tc.want)
			}
			if d := time.Since(start); d > 15*time.Second {
				t.Errorf("answered in %v: the call ran long before it was refused", d)
			}
			healthy(t, addr)
		})
		if !ok {
			// A call that went on allocating would take the machine's
			// memory while serve shuts down gracefully.
			proc.Kill()
			t.FailNow()
		}
	}
	if peak := peakRSS(t, proc); peak > amplifyPeak {
		t.Errorf("serve's peak resident memory %d MiB, want at most %d MiB", peak>>20, amplifyPeak>>20)
	} else {
		t.Logf("serve's peak resident memory %d MiB", peak>>20)
	}
}

// healthy fails unless addr answers /healthz with 200 and status ok.
func healthy(t *testing.T, addr string) {
	t.Helper()
	resp, err := http.Get(addr + "/healthz")
	if err != nil {
		t.Fatalf("healthz: %v (serve has died)", err)
	}
	defer resp.Body.Close()
	var v struct{ Status string }
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil || resp.StatusCode != 200 || v.Status != "ok" {
		t.Fatalf("healthz: %d %+v (%v), want 200 ok", resp.StatusCode, v, err)
	}
}

// peakRSS reads the peak resident memory of a process (VmHWM) from
// /proc: Linux only, which the test names when it cannot read it.
func peakRSS(t *testing.T, p *os.Process) int64 {
	t.Helper()
	data, err := os.ReadFile("/proc/" + strconv.Itoa(p.Pid) + "/status")
	if err != nil {
		t.Fatalf("peak memory needs /proc (Linux): %v", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == "VmHWM:" && f[2] == "kB" {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatalf("no VmHWM in /proc/%d/status", p.Pid)
	return 0
}

// TestDeepSourceRefused sends to a real `serve` Gizmo queries whose source
// (or the source they give eval or Function) nests a million levels deep,
// and a Cayley GraphQL query as deep: the recursion of goja's parser, or
// of Cayley's GraphQL parser, would pass Go's 1 GB stack limit, a fatal
// error that ends the process (a 2 MB Gizmo body of nested brackets did,
// and a 7 MB GraphQL query of nested selections). Each gets a
// 400 naming the nesting limit, and serve answers /healthz after each.
func TestDeepSourceRefused(t *testing.T) {
	addr, proc := startServeProcess(t, "--db", "memory")
	const n = 1 << 20
	for _, tc := range []struct{ name, query string }{
		{"Cayley GraphQL", "graphql:{" + strings.Repeat("nodes{", n) + "id" + strings.Repeat("}", n+1)},
		{"brackets", strings.Repeat("[", n) + strings.Repeat("]", n)},
		{"parentheses", strings.Repeat("(", n) + "1" + strings.Repeat(")", n)},
		{"logical not", strings.Repeat("!", 4*n) + "1"},
		{"assignments", strings.Repeat("a=", 2*n) + "1"},
		{"if chain", strings.Repeat("if(1)", n) + "x;"},
		{"eval", `eval(new Array(` + strconv.Itoa(n) + `).join("["))`},
		{"Function", `Function(new Array(` + strconv.Itoa(n) + `).join("("))`},
		{"constructor", `(function () {}).constructor(new Array(` + strconv.Itoa(n) + `).join("["))`},
	} {
		ok := t.Run(tc.name, func(t *testing.T) {
			lang, query := "gizmo", tc.query
			if q, ok := strings.CutPrefix(query, "graphql:"); ok {
				lang, query = "graphql", q
			}
			req, _ := http.NewRequest("POST", addr+"/api/v2/query?lang="+lang, strings.NewReader(query))
			req.Header.Set("Content-Type", "application/javascript")
			resp, err := (&http.Client{Timeout: 40 * time.Second}).Do(req)
			if err != nil {
				t.Fatalf("%v (serve has died or hangs)", err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			var v struct{ Error string }
			if err := json.Unmarshal(body, &v); err != nil || resp.StatusCode != 400 || !strings.Contains(v.Error, "nested more than 1000 deep") {
				t.Fatalf("%d %.300s (%v), want 400 naming the nesting limit", resp.StatusCode, body, err)
			}
			healthy(t, addr)
		})
		if !ok {
			proc.Kill()
			t.FailNow()
		}
	}
}
