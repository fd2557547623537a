package server

import (
	"encoding/json"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
)

// The tests of this file use a large store. Its file name sorts after the
// others, so that they run last, while the store is built in the
// background.

// bigEvents events of two quads each make the large store.
const bigEvents = 100000

var (
	bigQS   graph.QuadStore
	bigDone = make(chan struct{})
)

// TestMain builds the large store in the background: it takes a couple of
// seconds, which the tests that do not need it hide.
func TestMain(m *testing.M) {
	go func() {
		qs := make([]quad.Quad, 0, 2*bigEvents)
		for i := 0; i < bigEvents; i++ {
			ev := quad.IRI(id + "event/" + strconv.Itoa(i))
			qs = append(qs,
				quad.Quad{Subject: ev, Predicate: quad.IRI(vocab + "actor"), Object: quad.IRI(id + "actor/" + strconv.Itoa(i%1000))},
				quad.Quad{Subject: ev, Predicate: quad.IRI(vocab + "category"), Object: quad.IRI(id + "category/" + strconv.Itoa(i%100))})
		}
		bigQS = memstore.New(qs...)
		close(bigDone)
	}()
	os.Exit(m.Run())
}

// bigStore returns a memory store of 200,000 quads (100,000 events, 1,100
// other nodes: objects are shared, which makes the store quicker to build).
func bigStore(t *testing.T) graph.QuadStore {
	t.Helper()
	select {
	case <-bigDone:
	case <-time.After(60 * time.Second):
		t.Fatal("building the large store took over a minute")
	}
	return bigQS
}

// waitNoQueryGoroutines fails unless every goroutine running Gizmo or its
// JavaScript VM ends within a few seconds.
func waitNoQueryGoroutines(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for {
		buf := make([]byte, 1<<20)
		stacks := string(buf[:runtime.Stack(buf, true)])
		if !strings.Contains(stacks, "cayley/query/gizmo.") && !strings.Contains(stacks, "dop251/goja.") {
			return
		}
		if time.Now().After(deadline) {
			i := strings.Index(stacks, "dop251/goja.")
			if i < 0 {
				i = strings.Index(stacks, "cayley/query/gizmo.")
			}
			t.Fatalf("a Gizmo query goroutine still runs after its request was cut off:\n%.2000s", stacks[max(0, i-1000):])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestRunawayLargeStore checks that long and endless Gizmo queries over a
// large store are cut off at the deadline with a clean 504, that other
// requests are served meanwhile and afterwards, and that the query's
// goroutine stops (goja's VM is interrupted, the iteration cancelled)
// instead of burning CPU after the answer.
func TestRunawayLargeStore(t *testing.T) {
	qs := bigStore(t)
	const timeout = 150 * time.Millisecond
	srv := newServer(t, &graph.Handle{QuadStore: qs}, Options{QueryTimeout: timeout})
	var hv struct{ Quads int }
	if r := do(t, "GET", srv.URL+"/healthz", "", nil); json.Unmarshal([]byte(r.body), &hv) != nil || hv.Quads != 2*bigEvents {
		t.Fatalf("healthz: %d %s", r.status, r.body)
	}
	small := `g.V("<` + id + `event/1007>").Out("<` + vocab + `actor>").All()`
	tests := []struct{ name, query string }{
		{"ForEach over every node", `var n = 0; g.V().ForEach(function(d){ n += g.V(d.id).Out().ToArray().length }); g.Emit(n)`},
		{"endless loop in a ForEach callback", `g.V().ForEach(function(d){ while(true){} })`},
		{"ForEach in an endless loop", `while(true){ g.V().ForEach(function(d){}) }`},
		{"nested ForEach", `g.V().ForEach(function(d){ g.V().ForEach(function(e){ g.Emit(e.id) }) })`},
		{"traversal of everything", `g.V().Out().In().Out().In().Count()`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			done := make(chan response, 1)
			go func() { done <- send("POST", srv.URL+"/api/v2/query?lang=gizmo", tc.query) }()
			// Others are served while it runs.
			if r := do(t, "GET", srv.URL+"/healthz", "", nil); r.status != 200 {
				t.Errorf("healthz during the runaway query: %d %s", r.status, r.body)
			}
			if r := query(t, srv.URL, "gizmo", small); r.status != 200 || !strings.Contains(r.body, "actor/7>") {
				t.Errorf("query during the runaway one: %d %s", r.status, r.body)
			}
			var r response
			select {
			case r = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("runaway query was not cut off")
			}
			elapsed := time.Since(start)
			if r.status != http.StatusGatewayTimeout {
				t.Fatalf("status %d after %v, want 504: %.200s", r.status, elapsed, r.body)
			}
			msg := assertCleanError(t, r)
			if elapsed > timeout+2*time.Second {
				t.Errorf("cut off after %v, deadline %v", elapsed, timeout)
			}
			t.Logf("504 after %v: %s", elapsed.Round(time.Millisecond), msg)
			waitNoQueryGoroutines(t)
			// And afterwards.
			if r := query(t, srv.URL, "gizmo", small); r.status != 200 || !strings.Contains(r.body, "actor/7>") {
				t.Errorf("query after the runaway one: %d %s", r.status, r.body)
			}
		})
	}
	// Nothing burns CPU once the queries are cut off.
	runtime.GC()
	if cpu0, ok := cpuTime(); ok {
		time.Sleep(300 * time.Millisecond)
		cpu1, _ := cpuTime()
		if used := cpu1 - cpu0; used > 100*time.Millisecond {
			t.Errorf("the process used %v of CPU in the 300ms after the runaway queries", used)
		}
	}
}

// TestMaxResults checks Gizmo's result cap, by default and as configured.
func TestMaxResults(t *testing.T) {
	qs := bigStore(t)
	def := newServer(t, &graph.Handle{QuadStore: qs}, Options{})
	if n := len(results(t, query(t, def.URL, "gizmo", `g.V().All()`))); n != DefaultMaxResults {
		t.Errorf("g.V().All() over %d nodes gave %d results with the default options, want %d", bigEvents+1100, n, DefaultMaxResults)
	}
	srv := newServer(t, &graph.Handle{QuadStore: qs}, Options{MaxResults: 7})
	for _, q := range []string{
		`g.V().All()`,
		`g.V().Has("<` + vocab + `actor>", "<` + id + `actor/3>").All()`,
		`for (var i = 0; i < 100; i++) { g.Emit(i) }`,
		`g.V().Limit(50).ForEach(function(d){ g.Emit(d.id) })`,
	} {
		if n := len(results(t, query(t, srv.URL, "gizmo", q))); n != 7 {
			t.Errorf("%s: %d results, want 7", q, n)
		}
	}
}
