package web_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/server"
	"github.com/newsgraph/newsgraph/web"
)

// serve mounts the explorer and the typed API over store next to Cayley's
// API, as `newsgraph serve` does (the typed API with the same timeout), on
// a loopback server.
func serve(t *testing.T, store *graph.Store, opts server.Options) string {
	t.Helper()
	typed, err := api.NewHandler(store, api.Options{Timeout: opts.QueryTimeout})
	if err != nil {
		t.Fatal(err)
	}
	opts.Routes = web.Routes(typed)
	opts.GraphQL = store.GraphQL
	srv := httptest.NewServer(server.NewHandler(&cgraph.Handle{QuadStore: store.QuadStore()}, opts))
	t.Cleanup(srv.Close)
	return srv.URL
}

type answer struct {
	status int
	header http.Header
	body   string
}

func send(method, url, contentType, body string) answer {
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		return answer{body: err.Error()}
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return answer{body: err.Error()}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return answer{body: err.Error()}
	}
	return answer{resp.StatusCode, resp.Header, string(b)}
}

func graphql(url, query string) answer {
	b, _ := json.Marshal(map[string]string{"query": query})
	return send("POST", url+"/graphql", "application/json", string(b))
}

// cleanMessage checks that an error answer is JSON in the GraphQL shape
// (graphQL) or {"error": ...}, without stack traces or file paths, and
// returns its message.
func cleanMessage(t *testing.T, a answer, graphQL bool) string {
	t.Helper()
	var v struct {
		Error  string `json:"error"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal([]byte(a.body), &v); err != nil {
		t.Fatalf("error answer is not JSON: %d %q", a.status, a.body)
	}
	msg := v.Error
	if graphQL {
		if len(v.Errors) == 0 {
			t.Fatalf("error answer is not {\"errors\": [...]}: %d %q", a.status, a.body)
		}
		msg = v.Errors[0].Message
	}
	if msg == "" {
		t.Fatalf("error answer without a message: %d %q", a.status, a.body)
	}
	for _, bad := range []string{".go:", "goroutine", "/root/", "/home/", "/tmp/", "github.com/", " at "} {
		if strings.Contains(msg, bad) {
			t.Errorf("error message leaks %q: %q", bad, msg)
		}
	}
	return msg
}

// manyEvents is a memory store holding n attacks, one report each.
func manyEvents(t *testing.T, n int) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), graph.Config{Backend: graph.BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	ms := st.QuadStore().(*memstore.QuadStore)
	doc := quad.IRI(schema.DefaultBase + "doc/generated")
	add := func(s quad.IRI, p quad.IRI, o quad.Value) {
		ms.AddQuad(quad.Quad{Subject: s, Predicate: p, Object: o, Label: doc})
	}
	for i := 0; i < n; i++ {
		ev := quad.IRI(schema.DefaultBase + "event/attack-" + strconv.Itoa(i))
		rep := quad.IRI(schema.DefaultBase + "report/" + strconv.Itoa(i))
		add(ev, schema.Type, schema.Event)
		add(ev, schema.Type, schema.Attack)
		add(ev, schema.Actor, quad.IRI(schema.DefaultBase+"entity/country/pk"))
		add(rep, schema.ReportOf, ev)
		add(rep, schema.ReportedBy, doc)
	}
	return st
}

// TestServeGuards checks that the typed GraphQL API and the explorer, as
// mounted by Routes, go through the server's limits: deadline, body size,
// answer size, the concurrency limit shared with Cayley's API, and clean
// errors.
func TestServeGuards(t *testing.T) {
	store := exampleStore(t)

	t.Run("deadline", func(t *testing.T) {
		// The typed API reads every event of a large store; past the
		// deadline the store gives back part of them without an error,
		// which must not be answered as if it were all.
		const n = 6000
		big := manyEvents(t, n)
		q := `{ events { totalCount } }`
		ok := graphql(serve(t, big, server.Options{}), q)
		if ok.status != 200 || !strings.Contains(ok.body, `"totalCount":`+strconv.Itoa(n)) {
			t.Fatalf("without a tight deadline: %d %s", ok.status, ok.body)
		}
		// A deadline that has passed when the handler starts (the guard
		// gives a free slot at once, so the handler does run): whatever
		// the store gives back, the answer must be 504, never a 200 built
		// from part of the events.
		const timeout = time.Nanosecond
		url := serve(t, big, server.Options{QueryTimeout: timeout})
		start := time.Now()
		a := graphql(url, q)
		elapsed := time.Since(start)
		if a.status != 504 {
			t.Fatalf("past the deadline: %d after %v: %s", a.status, elapsed, a.body)
		}
		cleanMessage(t, a, true)
		if elapsed > 2*time.Second {
			t.Errorf("504 after %v", elapsed)
		}
	})

	t.Run("body size", func(t *testing.T) {
		url := serve(t, store, server.Options{MaxBodyBytes: 1024})
		q := `{ events { totalCount } }` + strings.Repeat(" ", 4096)
		a := graphql(url, q)
		if a.status != 413 {
			t.Fatalf("big /graphql body: %d %s", a.status, a.body)
		}
		cleanMessage(t, a, true)
		if a := send("POST", url+"/", "text/plain", strings.Repeat("x", 4096)); a.status != 413 {
			t.Errorf("big explorer body: %d %s", a.status, a.body)
		} else {
			cleanMessage(t, a, false)
		}
		if a := graphql(url, `{ events { totalCount } }`); a.status != 200 {
			t.Errorf("small /graphql body: %d %s", a.status, a.body)
		}
	})

	t.Run("answer size", func(t *testing.T) {
		url := serve(t, store, server.Options{MaxResponseBytes: 2048})
		a := graphql(url, `{ events { nodes { id type date actors { id name } targets { id name } places { id name } sources { doc { id } killed } } } }`)
		if a.status != 400 {
			t.Fatalf("big answer: %d, %d bytes", a.status, len(a.body))
		}
		if msg := cleanMessage(t, a, true); !strings.Contains(msg, "exceeds the limit of 2048 bytes") {
			t.Errorf("message %q", msg)
		}
		if a := graphql(url, `{ events(first: 1) { totalCount } }`); a.status != 200 {
			t.Errorf("small answer: %d %s", a.status, a.body)
		}
		// The explorer's files are not query answers.
		if a := send("GET", url+"/world.json", "", ""); a.status != 200 || len(a.body) < 100000 {
			t.Errorf("world.json: %d, %d bytes", a.status, len(a.body))
		}
	})

	t.Run("concurrency", func(t *testing.T) {
		url := serve(t, store, server.Options{MaxConcurrent: 1, MaxQueued: -1, QueryTimeout: 500 * time.Millisecond})
		// A Gizmo loop holds the only query slot (on a loaded machine the
		// /graphql request may come first or last: try again).
		var slow chan answer
		var busy answer
		for attempt := 0; ; attempt++ {
			slow = make(chan answer, 1)
			go func() {
				slow <- send("POST", url+"/api/v2/query?lang=gizmo", "application/javascript", `while(true){}`)
			}()
			time.Sleep(50 * time.Millisecond)
			busy = graphql(url, `{ events { totalCount } }`)
			if busy.status == 503 {
				break
			}
			if a := <-slow; attempt == 10 {
				t.Fatalf("/graphql while a Gizmo query holds the only slot: %d %s (Gizmo: %d %s)", busy.status, busy.body, a.status, a.body)
			}
		}
		cleanMessage(t, busy, true)
		if busy.header.Get("Retry-After") == "" {
			t.Error("503 without Retry-After")
		}
		for _, p := range []string{"/", "/app.js", "/examples.json", "/healthz"} {
			if a := send("GET", url+p, "", ""); a.status != 200 {
				t.Errorf("%s while queries are busy: %d", p, a.status)
			}
		}
		if a := <-slow; a.status != 504 {
			t.Errorf("Gizmo loop: %d %s", a.status, a.body)
		}
		// The slot is free once the interrupted loop has ended, which may
		// be just after its 504 was sent: a 503 until then is right.
		a := graphql(url, `{ events { totalCount } }`)
		for i := 0; a.status == 503 && i < 100; i++ {
			time.Sleep(20 * time.Millisecond)
			a = graphql(url, `{ events { totalCount } }`)
		}
		if a.status != 200 || !strings.Contains(a.body, `"totalCount"`) {
			t.Errorf("/graphql once the slot is free: %d %s", a.status, a.body)
		}
	})

	t.Run("clean errors", func(t *testing.T) {
		url := serve(t, store, server.Options{})
		for _, c := range []struct {
			method, path string
			status       int
		}{
			{"GET", "/nope.js", 404},
			{"GET", "/examples/", 404},
			{"POST", "/", 405},
			{"DELETE", "/graphql", 405},
		} {
			a := send(c.method, url+c.path, "application/json", "x")
			if a.status != c.status {
				t.Errorf("%s %s: %d, want %d: %s", c.method, c.path, a.status, c.status, a.body)
				continue
			}
			cleanMessage(t, a, c.path == "/graphql")
			if c.status == 405 && a.header.Get("Allow") == "" {
				t.Errorf("%s %s: 405 without Allow", c.method, c.path)
			}
		}
		a := send("POST", url+"/graphql", "application/json", `not json`)
		if a.status != 400 {
			t.Errorf("bad JSON: %d %s", a.status, a.body)
		} else {
			cleanMessage(t, a, true)
		}
	})
}
