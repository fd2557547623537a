package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

const (
	id    = "https://newsgraph.org/id/"
	vocab = "https://newsgraph.org/ns#"
)

func testQuads() []quad.Quad {
	q := func(s, p string, o quad.Value) quad.Quad {
		return quad.Quad{Subject: quad.IRI(id + s), Predicate: quad.IRI(vocab + p), Object: o, Label: quad.IRI(id + "doc/1")}
	}
	return []quad.Quad{
		q("event/1", "actor", quad.IRI(id+"actor/1")),
		q("event/1", "actor", quad.IRI(id+"actor/2")),
		q("event/1", "killed", quad.TypedString{Value: "12", Type: "http://www.w3.org/2001/XMLSchema#integer"}),
		q("actor/1", "name", quad.String("Armed Forces")),
		q("actor/2", "name", quad.String("Militia \"North\"")),
	}
}

// newHandle returns a handle over a fresh memstore with testQuads.
func newHandle(t *testing.T) *graph.Handle {
	t.Helper()
	qs := memstore.New(testQuads()...)
	qw, err := graph.NewQuadWriter("single", qs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &graph.Handle{QuadStore: qs, QuadWriter: qw}
}

// newServer serves NewHandler on a loopback httptest server.
func newServer(t *testing.T, h *graph.Handle, opts Options) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(NewHandler(h, opts))
	t.Cleanup(srv.Close)
	return srv
}

type response struct {
	status int
	header http.Header
	body   string
}

func do(t *testing.T, method, url, body string, header map[string]string) response {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	// Queries must show they are not cross-site (see showsIntent); a
	// test that checks the refusal passes an empty X-Requested-With.
	req.Header.Set("X-Requested-With", "newsgraph-test")
	for k, v := range header {
		req.Header.Set(k, v)
		if v == "" {
			req.Header.Del(k)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return response{resp.StatusCode, resp.Header, string(data)}
}

// assertCleanError checks an error body is {"error": "..."} without stack
// traces or file paths.
func assertCleanError(t *testing.T, r response) string {
	t.Helper()
	var v struct {
		Error string `json:"error"`
	}
	if err := json.Unmarshal([]byte(r.body), &v); err != nil || v.Error == "" {
		t.Fatalf("error body is not {\"error\": ...}: %q", r.body)
	}
	for _, bad := range []string{"<eval>", ".go:", "goroutine", "/root/", "/home/", "/tmp/", "github.com/", "\tat ", " at "} {
		if strings.Contains(v.Error, bad) {
			t.Errorf("error message leaks %q: %q", bad, v.Error)
		}
	}
	return v.Error
}

func TestHealthz(t *testing.T) {
	srv := newServer(t, newHandle(t), Options{})
	r := do(t, "GET", srv.URL+"/healthz", "", nil)
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	var v struct {
		Status string `json:"status"`
		Quads  int64  `json:"quads"`
	}
	if err := json.Unmarshal([]byte(r.body), &v); err != nil {
		t.Fatal(err)
	}
	if v.Status != "ok" || v.Quads != int64(len(testQuads())) {
		t.Errorf("healthz = %+v", v)
	}
	if r := do(t, "POST", srv.URL+"/healthz", "x", nil); r.status != http.StatusMethodNotAllowed {
		t.Errorf("POST /healthz: %d", r.status)
	}
	if r := do(t, "GET", srv.URL+"/nope", "", nil); r.status != http.StatusNotFound {
		t.Errorf("GET /nope: %d", r.status)
	} else {
		assertCleanError(t, r)
	}
}

func TestQueries(t *testing.T) {
	srv := newServer(t, newHandle(t), Options{})
	tests := []struct {
		name, method, lang, query string
		want                      []string // substrings of the result
	}{
		{"gizmo out", "POST", "gizmo",
			`g.V("<` + id + `event/1>").Out("<` + vocab + `actor>").Out("<` + vocab + `name>").All()`,
			[]string{`"id":"Armed Forces"`, `"id":"Militia \"North\""`}},
		{"gizmo GET", "GET", "gizmo",
			`g.V("<` + id + `actor/1>").Out("<` + vocab + `name>").All()`,
			[]string{`"id":"Armed Forces"`}},
		{"gizmo tags", "POST", "gizmo",
			`g.V().Has("<` + vocab + `name>", "Armed Forces").Tag("actor").In("<` + vocab + `actor>").All()`,
			[]string{`"actor":"<` + id + `actor/1>"`, `"id":"<` + id + `event/1>"`}},
		{"gizmo emit", "POST", "gizmo", `g.Emit(1+2)`, []string{`"result":[3]`}},
		{"graphql", "POST", "graphql",
			`{ events(id: <` + id + `event/1>) { id, actor: <` + vocab + `actor> { name: <` + vocab + `name> } } }`,
			[]string{`"data":`, `Armed Forces`, `Militia \"North\"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var r response
			if tc.method == "GET" {
				r = do(t, "GET", srv.URL+"/api/v2/query?lang="+tc.lang+"&qu="+urlQueryEscape(tc.query), "", nil)
			} else {
				r = do(t, "POST", srv.URL+"/api/v2/query?lang="+tc.lang, tc.query, nil)
			}
			if r.status != 200 {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
			if !json.Valid([]byte(r.body)) {
				t.Fatalf("invalid JSON: %s", r.body)
			}
			if strings.Contains(r.body, `"errors"`) || strings.Contains(r.body, `"error"`) {
				t.Fatalf("query failed: %s", r.body)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.body, w) {
					t.Errorf("response lacks %s:\n%s", w, r.body)
				}
			}
		})
	}
}

func TestQueryErrors(t *testing.T) {
	srv := newServer(t, newHandle(t), Options{})
	tests := []struct {
		name, lang, query string
		status            int
	}{
		{"syntax error", "gizmo", `g.V(`, 400},
		{"reference error", "gizmo", `nosuchthing.foo()`, 400},
		{"thrown error", "gizmo", `throw new Error("nope")`, 400},
		{"unknown language", "sexp", `(x)`, 400},
		{"no language", "", `g.V()`, 400},
		{"empty query", "gizmo", ``, 400},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, "POST", srv.URL+"/api/v2/query?lang="+tc.lang, tc.query, nil)
			if r.status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.status, tc.status, r.body)
			}
			msg := assertCleanError(t, r)
			t.Logf("%s: %s", tc.name, msg)
		})
	}
}

func urlQueryEscape(s string) string {
	return strings.NewReplacer("%", "%25", "&", "%26", "+", "%2B", "#", "%23", " ", "%20", `"`, "%22", "<", "%3C", ">", "%3E").Replace(s)
}

func TestRead(t *testing.T) {
	srv := newServer(t, newHandle(t), Options{})
	r := do(t, "GET", srv.URL+"/api/v2/read?format=nquads", "", nil)
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/n-quads" {
		t.Errorf("Content-Type %q", ct)
	}
	qr := nquads.NewReader(strings.NewReader(r.body), false)
	all, err := quad.ReadAll(qr)
	if err != nil {
		t.Fatalf("parse N-Quads: %v\n%s", err, r.body)
	}
	if len(all) != len(testQuads()) {
		t.Errorf("read %d quads, want %d:\n%s", len(all), len(testQuads()), r.body)
	}
	// Filtered read.
	r = do(t, "GET", srv.URL+"/api/v2/read?sub="+urlQueryEscape("<"+id+"event/1>"), "", nil)
	if n := strings.Count(r.body, "\n"); r.status != 200 || n != 3 {
		t.Errorf("filtered read: %d, %d lines:\n%s", r.status, n, r.body)
	}
}

const newQuad = `<` + id + `event/2> <` + vocab + `actor> <` + id + `actor/1> .` + "\n"

func TestWriteAuth(t *testing.T) {
	const token = "s3cret-token"
	tests := []struct {
		name   string
		opts   Options
		path   string
		auth   string
		status int
		delta  int // change in quad count
	}{
		{"read-only write", Options{ReadOnly: true, Token: token}, "/api/v2/write", "Bearer " + token, 403, 0},
		{"read-only delete", Options{ReadOnly: true, Token: token}, "/api/v2/delete", "Bearer " + token, 403, 0},
		{"read-only node delete", Options{ReadOnly: true, Token: token}, "/api/v2/node/delete", "Bearer " + token, 403, 0},
		{"zero options are read-only", Options{}, "/api/v2/write", "", 403, 0},
		{"writable without token configured", Options{ReadOnly: false}, "/api/v2/write", "Bearer ", 403, 0},
		{"no auth header", Options{Token: token}, "/api/v2/write", "", 401, 0},
		{"wrong token", Options{Token: token}, "/api/v2/write", "Bearer nope", 401, 0},
		{"token prefix", Options{Token: token}, "/api/v2/write", "Bearer s3cret", 401, 0},
		{"basic auth", Options{Token: token}, "/api/v2/write", "Basic " + token, 401, 0},
		{"delete without token", Options{Token: token}, "/api/v2/delete", "", 401, 0},
		{"write with token", Options{Token: token}, "/api/v2/write", "Bearer " + token, 200, 1},
		{"lowercase scheme", Options{Token: token}, "/api/v2/write", "bearer " + token, 200, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHandle(t)
			srv := newServer(t, h, tc.opts)
			hdr := map[string]string{"Content-Type": "application/n-quads"}
			if tc.auth != "" {
				hdr["Authorization"] = tc.auth
			}
			body := newQuad
			if tc.path == "/api/v2/node/delete" {
				body = "<" + id + "actor/1>"
			}
			r := do(t, "POST", srv.URL+tc.path, body, hdr)
			if r.status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.status, tc.status, r.body)
			}
			if r.status >= 400 {
				assertCleanError(t, r)
			}
			if r.status == 401 && r.header.Get("WWW-Authenticate") == "" {
				t.Errorf("401 without WWW-Authenticate")
			}
			st, _ := h.QuadStore.Stats(context.Background(), true)
			if got := int(st.Quads.Size) - len(testQuads()); got != tc.delta {
				t.Errorf("store changed by %d quads, want %d", got, tc.delta)
			}
		})
	}
}

func TestDeleteWithToken(t *testing.T) {
	h := newHandle(t)
	srv := newServer(t, h, Options{Token: "t"})
	line := `<` + id + `actor/1> <` + vocab + `name> "Armed Forces" <` + id + `doc/1> .` + "\n"
	r := do(t, "POST", srv.URL+"/api/v2/delete", line, map[string]string{"Authorization": "Bearer t", "Content-Type": "application/n-quads"})
	if r.status != 200 {
		t.Fatalf("delete: %d %s", r.status, r.body)
	}
	st, _ := h.QuadStore.Stats(context.Background(), true)
	if st.Quads.Size != int64(len(testQuads())-1) {
		t.Errorf("quads after delete: %d", st.Quads.Size)
	}
}

func TestRunawayQuery(t *testing.T) {
	t.Parallel()
	const timeout = 200 * time.Millisecond
	srv := newServer(t, newHandle(t), Options{QueryTimeout: timeout})
	tests := []struct{ name, lang, query string }{
		{"infinite loop", "gizmo", `while(true){}`},
		{"busy traversal loop", "gizmo", `for(;;){ g.V().Out().toArray(); }`},
		{"infinite emit", "gizmo", `var i = 0; while(true){ g.Emit(i++); }`},
		{"recursion", "gizmo", `function f(n){ return n + f(n+1) } f(0)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			done := make(chan response, 1)
			go func() { done <- do(t, "POST", srv.URL+"/api/v2/query?lang="+tc.lang, tc.query, nil) }()
			select {
			case r := <-done:
				if r.status < 400 {
					t.Fatalf("runaway query answered %d: %.200s", r.status, r.body)
				}
				msg := assertCleanError(t, r)
				t.Logf("%d after %v: %s", r.status, time.Since(start).Round(time.Millisecond), msg)
			case <-time.After(10 * time.Second):
				t.Fatal("runaway query was not cut off")
			}
		})
	}
	// The infinite loop must be reported as a timeout.
	r := do(t, "POST", srv.URL+"/api/v2/query?lang=gizmo", `while(true){}`, nil)
	if r.status != http.StatusGatewayTimeout {
		t.Errorf("while(true): status %d, want 504: %s", r.status, r.body)
	}
	// The server is still healthy afterwards.
	if r := do(t, "GET", srv.URL+"/api/v2/query?lang=gizmo&qu="+urlQueryEscape(`g.Emit(1)`), "", nil); r.status != 200 {
		t.Errorf("follow-up query: %d %s", r.status, r.body)
	}
}

// chunkedReader hides the length of a body so that net/http sends it
// chunked, exercising the MaxBytesReader path rather than Content-Length.
type chunkedReader struct{ io.Reader }

func TestBodyLimit(t *testing.T) {
	const limit = 1024
	srv := newServer(t, newHandle(t), Options{MaxBodyBytes: limit, Token: "t"})
	big := "g.Emit(1);" + strings.Repeat(" ", 4*limit)
	bigQuads := strings.Repeat(newQuad, 4*limit/len(newQuad)+1)
	tests := []struct {
		name    string
		path    string
		body    string
		chunked bool
		hdr     map[string]string
		status  int
	}{
		{"small query", "/api/v2/query?lang=gizmo", "g.Emit(1)", false, nil, 200},
		{"big query", "/api/v2/query?lang=gizmo", big, false, nil, 413},
		{"big query chunked", "/api/v2/query?lang=gizmo", big, true, nil, 413},
		{"big graphql chunked", "/api/v2/query?lang=graphql", "{ x " + strings.Repeat(" ", 4*limit) + "}", true, nil, 413},
		{"big write chunked", "/api/v2/write", bigQuads, true, map[string]string{"Authorization": "Bearer t"}, 413},
		{"big write", "/api/v2/write", bigQuads, false, map[string]string{"Authorization": "Bearer t"}, 413},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var body io.Reader = strings.NewReader(tc.body)
			if tc.chunked {
				body = chunkedReader{body}
			}
			req, _ := http.NewRequest("POST", srv.URL+tc.path, body)
			req.Header.Set("X-Requested-With", "newsgraph-test")
			for k, v := range tc.hdr {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			r := response{resp.StatusCode, resp.Header, string(data)}
			if r.status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.status, tc.status, r.body)
			}
			if r.status == 413 {
				assertCleanError(t, r)
			}
		})
	}
}

// signalStore signals on entered the first time all nodes are iterated.
type signalStore struct {
	graph.QuadStore
	once    sync.Once
	entered chan struct{}
}

func (s *signalStore) NodesAllIterator() graph.Iterator {
	s.once.Do(func() { close(s.entered) })
	return s.QuadStore.NodesAllIterator()
}

func TestConcurrencyLimit(t *testing.T) {
	t.Parallel()
	h := newHandle(t)
	st := &signalStore{QuadStore: h.QuadStore, entered: make(chan struct{})}
	srv := newServer(t, &graph.Handle{QuadStore: st}, Options{MaxConcurrent: 1, MaxQueued: -1, QueryTimeout: time.Second})
	slow := make(chan response, 1)
	go func() {
		// Holds the only slot: touches the store (signalling), then spins
		// until the deadline.
		slow <- do(t, "POST", srv.URL+"/api/v2/query?lang=gizmo", `g.V().toArray(); while(true){}`, nil)
	}()
	select {
	case <-st.entered:
	case r := <-slow:
		t.Fatalf("slow query finished early: %d %s", r.status, r.body)
	case <-time.After(10 * time.Second):
		t.Fatal("slow query never started")
	}
	r := do(t, "GET", srv.URL+"/api/v2/query?lang=gizmo&qu="+urlQueryEscape("g.Emit(1)"), "", nil)
	if r.status != http.StatusServiceUnavailable {
		t.Fatalf("second request while busy: %d %s", r.status, r.body)
	}
	assertCleanError(t, r)
	if r.header.Get("Retry-After") == "" {
		t.Errorf("503 without Retry-After")
	}
	// healthz is not subject to the limit.
	if r := do(t, "GET", srv.URL+"/healthz", "", nil); r.status != 200 {
		t.Errorf("healthz while busy: %d", r.status)
	}
	if r := <-slow; r.status != http.StatusGatewayTimeout {
		t.Errorf("slow query: %d %s", r.status, r.body)
	}
	// The slot is free again once the slow handler has returned: the 504
	// goes out at the deadline, and the handler keeps its slot until the
	// script's interrupt stops it, so a request made at once may still
	// meet 503 with Retry-After, as any client may.
	var after response
	for try := 0; try < 50; try++ {
		after = do(t, "GET", srv.URL+"/api/v2/query?lang=gizmo&qu="+urlQueryEscape("g.Emit(1)"), "", nil)
		if after.status != http.StatusServiceUnavailable {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if after.status != 200 {
		t.Errorf("after the slow query: %d %s", after.status, after.body)
	}
}

// slowStore delays every step of a full quad scan after the first fast ones.
type slowStore struct {
	graph.QuadStore
	fast  int
	delay time.Duration
}

func (s slowStore) QuadsAllIterator() graph.Iterator {
	return &slowIterator{Iterator: s.QuadStore.QuadsAllIterator(), fast: s.fast, delay: s.delay}
}

type slowIterator struct {
	graph.Iterator
	fast  int
	delay time.Duration
}

func (it *slowIterator) Next(ctx context.Context) bool {
	if it.fast > 0 {
		it.fast--
	} else {
		time.Sleep(it.delay)
	}
	return it.Iterator.Next(ctx)
}

// TestSlowReadCutOff checks /api/v2/read (which Cayley does not run under
// the request context) is still bounded by the query timeout.
func TestSlowReadCutOff(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		quads, fast int
		delay       time.Duration
		timeout     time.Duration
		wantAbort   bool // stream started before the deadline
	}{
		// Unbounded, the reads would take 5s and 20s.
		{"deadline before first byte", 50, 0, 100 * time.Millisecond, 250 * time.Millisecond, false},
		// Cayley reads quads in batches of 10000 before writing them; the
		// first batch streams out quickly (well within the deadline, even
		// on a loaded machine), the second is slow.
		{"deadline mid-stream", 11000, 10000, 20 * time.Millisecond, 2 * time.Second, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			qs := memstore.New()
			for i := 0; i < tc.quads; i++ {
				qs.AddQuad(quad.Quad{Subject: quad.IRI(fmt.Sprintf("%sevent/%d", id, i)), Predicate: quad.IRI(vocab + "summary"),
					Object: quad.String(strings.Repeat("text ", 20))})
			}
			srv := newServer(t, &graph.Handle{QuadStore: slowStore{qs, tc.fast, tc.delay}}, Options{QueryTimeout: tc.timeout})
			start := time.Now()
			resp, err := http.Get(srv.URL + "/api/v2/read")
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			data, err := io.ReadAll(resp.Body)
			elapsed := time.Since(start)
			if tc.wantAbort {
				if resp.StatusCode != 200 || err == nil {
					t.Fatalf("want a 200 stream broken off, got %d, err %v, %d bytes", resp.StatusCode, err, len(data))
				}
				t.Logf("stream aborted after %d bytes, %v: %v", len(data), elapsed.Round(time.Millisecond), err)
			} else {
				if resp.StatusCode != http.StatusGatewayTimeout {
					t.Fatalf("want 504, got %d: %s", resp.StatusCode, data)
				}
				assertCleanError(t, response{resp.StatusCode, resp.Header, string(data)})
			}
			if elapsed > tc.timeout+3*time.Second {
				t.Errorf("slow read took %v", elapsed)
			}
		})
	}
}

// panicStore panics when iterated.
type panicStore struct{ graph.QuadStore }

func (panicStore) QuadsAllIterator() graph.Iterator { panic("boom at /secret/path/file.go:42") }

func TestPanicHidden(t *testing.T) {
	h := newHandle(t)
	srv := newServer(t, &graph.Handle{QuadStore: panicStore{h.QuadStore}, QuadWriter: h.QuadWriter}, Options{})
	r := do(t, "GET", srv.URL+"/api/v2/read", "", nil)
	if r.status != 500 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	if msg := assertCleanError(t, r); strings.Contains(msg, "boom") || strings.Contains(msg, "secret") {
		t.Errorf("panic leaked: %s", msg)
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ReferenceError: x is not defined at <eval>:1:1(0)", "ReferenceError: x is not defined"},
		{"TypeError: bad at github.com/cayleygraph/cayley/query/gizmo.(*pathObject).Out (native)", "TypeError: bad"},
		{"open /var/lib/newsgraph/indexes.bolt: permission denied", "open [path]: permission denied"},
		{"not found: <https://newsgraph.org/id/x>", "not found: <https://newsgraph.org/id/x>"},
		{"panic: oops\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:10", ""},
		{"failed in quadstore.go:123: bad", "failed in : bad"},
		{"line one\n\tat frame", "line one"},
		{"plain message", "plain message"},
	}
	for _, tc := range tests {
		if got := sanitize(tc.in); got != tc.want {
			t.Errorf("sanitize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := sanitize(strings.Repeat("x", 2000)); len(got) > maxErrorMessage+4 {
		t.Errorf("long message not truncated: %d", len(got))
	}
}

func TestValidBearer(t *testing.T) {
	tests := []struct {
		header, token string
		ok            bool
	}{
		{"Bearer abc", "abc", true},
		{"bearer abc", "abc", true},
		{"BEARER  abc ", "abc", true},
		{"Bearer abcd", "abc", false},
		{"Bearer ab", "abc", false},
		{"Bearer ", "", false},
		{"Bearer x", "", false},
		{"abc", "abc", false},
		{"Token abc", "abc", false},
		{"", "abc", false},
	}
	for _, tc := range tests {
		if got := validBearer(tc.header, tc.token); got != tc.ok {
			t.Errorf("validBearer(%q, %q) = %v", tc.header, tc.token, got)
		}
	}
}

func TestServeGracefulShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- Serve(ctx, ln, newHandle(t), Options{QueryTimeout: 5 * time.Second}) }()
	url := fmt.Sprintf("http://%s", ln.Addr())
	if r := do(t, "GET", url+"/healthz", "", nil); r.status != 200 {
		t.Fatalf("healthz: %d", r.status)
	}
	// A request in flight when shutdown starts still completes.
	inflight := make(chan response, 1)
	go func() {
		inflight <- do(t, "POST", url+"/api/v2/query?lang=gizmo", `var t = Date.now(); while(Date.now() - t < 300){}; g.Emit("done")`, nil)
	}()
	time.Sleep(100 * time.Millisecond)
	cancel()
	select {
	case err := <-errc:
		if err != nil {
			t.Fatalf("Serve returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
	if r := <-inflight; r.status != 200 || !strings.Contains(r.body, "done") {
		t.Errorf("in-flight request: %d %s", r.status, r.body)
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("listener still open after shutdown")
	}
}

func TestListenAndServeValidation(t *testing.T) {
	if err := ListenAndServe(context.Background(), newHandle(t), Options{Addr: "256.0.0.1:1"}); err == nil {
		t.Errorf("bad address accepted")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := ListenAndServe(ctx, newHandle(t), Options{Addr: "127.0.0.1:0", ReadOnly: true}); err != nil {
		t.Errorf("cancelled ListenAndServe: %v", err)
	}
	if d := DefaultOptions(); !d.ReadOnly || d.Addr != DefaultAddr || d.QueryTimeout != DefaultQueryTimeout ||
		d.MaxBodyBytes != DefaultMaxBodyBytes || d.MaxResults != DefaultMaxResults || d.MaxConcurrent < 2 {
		t.Errorf("DefaultOptions() = %+v", d)
	}
}
