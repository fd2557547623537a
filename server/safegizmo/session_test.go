package safegizmo

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/quad"
)

func testStore() *memstore.QuadStore {
	return memstore.New(
		quad.MakeIRI("a", "p", "b", ""),
		quad.MakeIRI("b", "p", "c", ""),
		quad.Quad{Subject: quad.IRI("a"), Predicate: quad.IRI("name"), Object: quad.String("Alice")},
	)
}

// runQuery runs qu in a guarded session and returns its JSON results and
// error.
func runQuery(t *testing.T, gov *Governor, qu string) ([]interface{}, error) {
	t.Helper()
	// A generous deadline: the tests assert the error, not the time.
	return runQueryWithin(t, gov, qu, 2*time.Minute)
}

// runQueryWithin is runQuery with a deadline of d.
func runQueryWithin(t *testing.T, gov *Governor, qu string, d time.Duration) ([]interface{}, error) {
	t.Helper()
	ses, err := NewSession(testStore(), gov)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	it, err := ses.Execute(ctx, qu, query.Options{Collation: query.JSON, Limit: 100})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out []interface{}
	for it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, r)
		}
	}
	return out, it.Err()
}

// TestPanickingQueries runs queries that make Cayley v0.7.7 panic in its
// own goroutine (which ends the process without this package): each must
// end with an error naming the problem.
func TestPanickingQueries(t *testing.T) {
	for _, tc := range []struct {
		name, query, want string
	}{
		{"number as tag", `g.V().Out("<p>", 1).All()`, "expected string"},
		{"object as predicate", `g.V().Both({}).All()`, "unsupported type"},
		{"function as predicate", `g.V().Out(function(){}).All()`, "unsupported type"},
		{"graph as predicate", `g.V().Out(g).All()`, "unsupported type"},
		{"object as iri", `g.V(iri({})).All()`, "expected string"},
		{"object as tag", `g.V().Out(undefined, {}).All()`, "expected string"},
		{"raw this in ForEach", `g.V().ForEach(function(d){ this.out("<p>", 1).all() })`, "expected string"},
		{"cyclic emit", `var a = {}; a.a = a; g.Emit(a)`, "cyclic"},
		{"cyclic out", `var a = []; a.push(a); g.V().Out(a).All()`, "cyclic"},
		{"huge sparse array", `var a = []; a[1e9] = "<p>"; g.V().Out(a).All()`, "more than"},
		{"deep nesting", `var a = "<p>"; for (var i = 0; i < 100; i++) a = [a]; g.V().Out(a).All()`, "nested"},
		{"native recursion", `function f() { [0].forEach(f) } f()`, "nested more than 64 deep"},
		{"huge join", `new Array(1e9).join("xxxxxxxx")`, "longer than"},
		{"huge indexOf", `new Array(4e9).indexOf(1)`, "longer than"},
		{"huge toString", `"" + new Array(1e9)`, "longer than"},
		{"huge apply", `Math.max.apply(null, {length: 1e9})`, "longer than"},
		{"huge stringify", `JSON.stringify({a: [new Array(1e9)]})`, "longer than"},
		{"array buffer", `new ArrayBuffer(1e12)`, "not an object"},
		{"caught and rethrown", `try { g.V().Out("<p>", 1).All() } catch (e) { throw e }`, "expected string"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := runQuery(t, nil, tc.query)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestQueriesStillWork checks that the wrappers keep Gizmo's behaviour on
// valid queries.
func TestQueriesStillWork(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		want        int
	}{
		{"out", `g.V("<a>").Out("<p>").All()`, 1},
		{"out array", `g.V("<a>", "<b>").Out(["<p>"]).All()`, 2},
		{"out path", `g.V("<a>").Out(g.V("<p>")).All()`, 1},
		{"follow", `var m = g.M().Out("<p>"); g.V("<a>").Follow(m).Follow(m).All()`, 1},
		{"tag and back", `g.V("<a>").Tag("x").Out("<p>").Back("x").All()`, 1},
		{"iri helper", `g.V(iri("a")).Out(iri("p")).All()`, 1},
		{"filter", `g.V().Filter(regex("Ali")).All()`, 1},
		{"foreach", `g.V("<a>").Out("<p>").ForEach(function(d){ g.Emit(d.id) })`, 1},
		{"toArray", `g.Emit(g.V("<a>").Out("<p>").ToArray().length)`, 1},
		{"count", `g.Emit(g.V().Count())`, 1},
		{"emit object", `g.Emit({a: [1, 2, {b: "c"}]})`, 1},
		{"user catches", `try { g.V().Out("<p>", 1) } catch (e) { g.Emit("caught") }`, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := runQuery(t, nil, tc.query)
			if err != nil {
				t.Fatal(err)
			}
			if len(out) != tc.want {
				t.Fatalf("%d results %v, want %d", len(out), out, tc.want)
			}
		})
	}
}

// TestMemoryBudget runs queries that grow memory without bound: each must
// end with ErrMemoryBudget rather than run the process out of memory.
func TestMemoryBudget(t *testing.T) {
	const budget = 64 << 20
	for _, tc := range []struct{ name, query string }{
		{"string doubling", `var s = "xxxxxxxx"; while (true) { s = s + s }`},
		{"array growth", `var a = []; while (true) { a.push({x: a.length}) }`},
		{"deep recursion", `function f(n) { return f(n + 1) + 1 } f(0)`},
		{"growth in a callback", `g.V().ForEach(function (d) { var s = "xxxxxxxx"; while (true) { s = s + s } })`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gov := NewGovernor(budget)
			_, err := runQuery(t, gov, tc.query)
			msg, ok := Interrupted(err)
			if !ok {
				t.Fatalf("error %v, want an interruption by the memory budget", err)
			}
			if !strings.Contains(msg, "memory budget") {
				t.Errorf("message %q", msg)
			}
		})
	}
}
