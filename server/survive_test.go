package server

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// getHealthz checks that /healthz answers 200 with the test store's quad
// count: the process is alive and serving.
func getHealthz(t testing.TB, base string) {
	t.Helper()
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatalf("healthz: %v (the server has died)", err)
	}
	defer resp.Body.Close()
	var v struct {
		Status string `json:"status"`
		Quads  int    `json:"quads"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		t.Fatalf("healthz: %d, body not JSON: %v", resp.StatusCode, err)
	}
	if resp.StatusCode != 200 || v.Status != "ok" || v.Quads != len(testQuads()) {
		t.Fatalf("healthz: %d %+v, want 200 ok with %d quads", resp.StatusCode, v, len(testQuads()))
	}
}

// TestGizmoPanicsDoNotEndTheProcess sends, over real HTTP, Gizmo queries
// that make Cayley v0.7.7 panic in a goroutine nothing recovers (without
// package safegizmo the test binary dies): each gets a clean 400 naming
// the problem, and the server answers /healthz afterwards.
func TestGizmoPanicsDoNotEndTheProcess(t *testing.T) {
	t.Parallel()
	base := "http://" + serveOn(t, newHandle(t), Options{QueryTimeout: 10 * time.Second})
	for _, tc := range []struct{ name, query, want string }{
		{"number as tag", `g.V().Out("<p>", 1).All()`, "expected string"},
		{"object as predicate", `g.V().Both({}).All()`, "unsupported type"},
		{"function as predicate", `g.V().Out(function(){}).All()`, "unsupported type"},
		{"graph as predicate", `g.V().Out(g).All()`, "unsupported type"},
		{"object as iri", `g.V(iri({})).All()`, "expected string"},
		{"in a ForEach callback", `g.V().ForEach(function(d){ g.V().In("<p>", {}).All() })`, "expected string"},
		{"cyclic emit", `var a = {}; a.a = a; g.Emit(a)`, "cyclic"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, "POST", base+"/api/v2/query?lang=gizmo", tc.query, nil)
			if r.status != 400 {
				t.Errorf("%d %s, want 400", r.status, r.body)
			} else if msg := assertCleanError(t, r); !strings.Contains(msg, tc.want) {
				t.Errorf("error %q, want one containing %q", msg, tc.want)
			}
			getHealthz(t, base)
		})
	}
}

// TestQueryMemoryBudget runs queries that grow memory without end under a
// small Options.QueryMemory: each is interrupted with a 400 naming the
// budget (without it, the first ends the process out of memory or runs
// to its deadline), and the server answers /healthz afterwards.
//
// It does not run in parallel: the process cannot tell which query holds
// the memory it measures, so the live memory of these queries would be
// charged to the queries of tests running beside them (documented in
// safegizmo.Governor).
func TestQueryMemoryBudget(t *testing.T) {
	const budget = 48 << 20
	base := "http://" + serveOn(t, newHandle(t), Options{QueryMemory: budget, QueryTimeout: 60 * time.Second})
	for _, tc := range []struct{ name, query string }{
		{"string doubling", `var s = "xxxxxxxx"; while (true) { s = s + s }`},
		{"deep recursion", `function f(n) { return f(n + 1) + 1 } f(0)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, "POST", base+"/api/v2/query?lang=gizmo", tc.query, nil)
			if r.status != 400 {
				t.Fatalf("%d %s, want 400", r.status, r.body)
			}
			if msg := assertCleanError(t, r); !strings.Contains(msg, "memory budget of 50331648 bytes") {
				t.Errorf("error %q, want the memory budget", msg)
			}
			getHealthz(t, base)
		})
	}
}

// TestCrossSiteQueries checks that a query request a web page on another
// site could send without a CORS preflight (a form post, a text/plain
// fetch, a GET from an <img>) is refused, and that requests showing
// intent (a non-form Content-Type or X-Requested-With) are served.
func TestCrossSiteQueries(t *testing.T) {
	t.Parallel()
	ok := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte(`{"data":{}}`)) })
	url := routeServer(t, Options{}, Route{Pattern: "/graphql", Handler: ok, GraphQL: true})
	gizmo := "/api/v2/query?lang=gizmo"
	for _, tc := range []struct {
		name, method, path, ctype, xrw string
		status                         int
	}{
		{"text/plain post", "POST", gizmo, "text/plain", "", 403},
		{"text/plain with charset", "POST", gizmo, "text/plain; charset=utf-8", "", 403},
		{"form post", "POST", gizmo, "application/x-www-form-urlencoded", "", 403},
		{"multipart post", "POST", gizmo, "multipart/form-data; boundary=x", "", 403},
		{"no content type", "POST", gizmo, "", "", 403},
		{"malformed content type", "POST", gizmo, "text/plain;;;", "", 403},
		{"get without header", "GET", gizmo + "&qu=g.Emit(1)", "", "", 403},
		{"graphql text/plain", "POST", "/graphql", "text/plain", "", 403},
		{"cayley graphql form", "POST", "/api/v2/query?lang=graphql", "application/x-www-form-urlencoded", "", 403},
		{"json post", "POST", gizmo, "application/json", "", 200},
		{"javascript post", "POST", gizmo, "application/javascript", "", 200},
		{"text/plain with header", "POST", gizmo, "text/plain", "XMLHttpRequest", 200},
		{"get with header", "GET", gizmo + "&qu=g.Emit(1)", "", "newsgraph", 200},
		{"graphql json", "POST", "/graphql", "application/json", "", 200},
		{"healthz", "GET", "/healthz", "", "", 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := ""
			if tc.method == "POST" {
				body = "g.Emit(1)"
			}
			r := do(t, tc.method, url+tc.path, body, map[string]string{"Content-Type": tc.ctype, "X-Requested-With": tc.xrw})
			if r.status != tc.status {
				t.Fatalf("%d %s, want %d", r.status, r.body, tc.status)
			}
			if tc.status == 403 && !strings.Contains(r.body, "X-Requested-With") {
				t.Errorf("the refusal does not say what to send: %s", r.body)
			}
		})
	}
}

// TestHostCheck checks the Host header against DNS rebinding: a loopback
// server answers IP addresses, localhost, the host of its address and the
// allowed hosts, and refuses other names.
func TestHostCheck(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, addr string
		allowed    []string
		host       string
		status     int
	}{
		{"ipv4 loopback", "", nil, "127.0.0.1:7474", 200},
		{"ipv6 loopback", "", nil, "[::1]:7474", 200},
		{"localhost", "", nil, "localhost:7474", 200},
		{"localhost upper case", "", nil, "LOCALHOST", 200},
		{"other ip", "", nil, "10.1.2.3", 200},
		{"rebinding name", "", nil, "attacker.example:7474", 403},
		{"rebinding name without port", "", nil, "attacker.example", 403},
		{"localhost subdomain", "", nil, "localhost.attacker.example", 403},
		{"host of addr", "news.internal:7474", nil, "news.internal:7474", 200},
		{"allowed host", "", []string{"news.example.org"}, "news.example.org", 200},
		{"allowed host with port", "", []string{"news.example.org:443"}, "news.example.org", 200},
		{"other than allowed", "", []string{"news.example.org"}, "attacker.example", 403},
		{"any host", "", []string{"*"}, "attacker.example", 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, newHandle(t), Options{Addr: tc.addr, AllowedHosts: tc.allowed})
			for _, path := range []string{"/healthz", "/api/v2/query?lang=gizmo&qu=g.Emit(1)"} {
				req, _ := http.NewRequest("GET", srv.URL+path, nil)
				req.Host = tc.host
				req.Header.Set("X-Requested-With", "newsgraph-test")
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != tc.status {
					t.Errorf("%s with Host %q: %d, want %d", path, tc.host, resp.StatusCode, tc.status)
				}
			}
		})
	}
}

// TestGizmoBodyLimitBeyondCayleys checks that a Gizmo query body is capped
// by MaxBodyBytes alone, with 413 beyond it, chunked or not. Cayley's
// handler read at most 1 MiB of a body: a longer query was cut there (a
// 400 syntax error, or a shortened query run as if whole), and a chunked
// body beyond MaxBodyBytes never reached the limit that answers 413.
func TestGizmoBodyLimitBeyondCayleys(t *testing.T) {
	t.Parallel()
	const limit = 2 << 20
	srv := newServer(t, newHandle(t), Options{MaxBodyBytes: limit})
	for _, tc := range []struct {
		name    string
		size    int
		chunked bool
		status  int
	}{
		{"1.5 MiB", 3 << 19, false, 200},
		{"1.5 MiB chunked", 3 << 19, true, 200},
		{"3 MiB chunked", 3 << 20, true, 413},
		{"3 MiB", 3 << 20, false, 413},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := "g.Emit(1);" + strings.Repeat(" ", tc.size)
			var body io.Reader = strings.NewReader(q)
			if tc.chunked {
				body = chunkedReader{body}
			}
			req, _ := http.NewRequest("POST", srv.URL+"/api/v2/query?lang=gizmo", body)
			req.Header.Set("Content-Type", "application/javascript")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			var v map[string]interface{}
			json.NewDecoder(resp.Body).Decode(&v)
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Fatalf("%d %v, want %d", resp.StatusCode, v, tc.status)
			}
		})
	}
}
