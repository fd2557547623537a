package server

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// send is do for goroutines other than the test's: a failure comes back
// as status 0 with the error as the body.
func send(method, url, body string) response {
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		return response{body: err.Error()}
	}
	req.Header.Set("X-Requested-With", "newsgraph-test")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return response{body: err.Error()}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return response{body: err.Error()}
	}
	return response{resp.StatusCode, resp.Header, string(data)}
}

func query(t *testing.T, url, lang, q string) response {
	t.Helper()
	return do(t, "POST", url+"/api/v2/query?lang="+lang, q, nil)
}

// results decodes a Gizmo answer {"result": [...]}.
func results(t *testing.T, r response) []json.RawMessage {
	t.Helper()
	var v struct {
		Result []json.RawMessage `json:"result"`
	}
	if r.status != 200 {
		t.Fatalf("status %d: %.300s", r.status, r.body)
	}
	if err := json.Unmarshal([]byte(r.body), &v); err != nil {
		t.Fatalf("bad answer %v: %.300s", err, r.body)
	}
	return v.Result
}

// routeServer serves NewHandler with extra routes on a loopback server.
func routeServer(t *testing.T, opts Options, routes ...Route) string {
	t.Helper()
	opts.Routes = routes
	return newServer(t, newHandle(t), opts).URL
}

// TestResponseSizeLimit checks MaxResponseBytes: query answers beyond it
// (Gizmo, Cayley's GraphQL, which has no result cap of its own, and query
// routes) are replaced by a clean 400, while streams (/api/v2/read, static
// routes) are not cut.
func TestResponseSizeLimit(t *testing.T) {
	t.Parallel()
	const limit = 32 << 10
	var quads []quad.Quad
	for i := 0; i < 3000; i++ {
		quads = append(quads, quad.Quad{Subject: quad.IRI(fmt.Sprintf("%sevent/%d", id, i)), Predicate: quad.IRI(vocab + "summary"),
			Object: quad.String(fmt.Sprintf("summary of event %d", i))})
	}
	h := &graph.Handle{QuadStore: memstore.New(quads...)}
	big := strings.Repeat("x", 2*limit)
	bigHandler := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"data":{"text":%q}}`, big)
	})
	opts := Options{MaxResponseBytes: limit, Routes: []Route{
		{Pattern: "/graphql", Handler: bigHandler, GraphQL: true},
		{Pattern: "/big", Handler: bigHandler},
		{Pattern: "/file", Handler: bigHandler, Static: true},
	}}
	srv := newServer(t, h, opts)
	unlimited := newServer(t, h, Options{})

	tooBig := []struct{ name, lang, query string }{
		{"gizmo", "gizmo", `g.V().All()`},
		{"gizmo emit", "gizmo", `var s = ""; for (var i = 0; i < 1000; i++) { s += "0123456789" }; for (var i = 0; i < 10; i++) { g.Emit(s) }`},
		{"cayley graphql", "graphql", `{ all { id summary: <` + vocab + `summary> } }`},
	}
	for _, tc := range tooBig {
		t.Run(tc.name, func(t *testing.T) {
			if r := query(t, unlimited.URL, tc.lang, tc.query); r.status != 200 || len(r.body) <= limit {
				t.Fatalf("unlimited: %d, %d bytes", r.status, len(r.body))
			}
			r := query(t, srv.URL, tc.lang, tc.query)
			if r.status != http.StatusBadRequest {
				t.Fatalf("status %d, %d bytes, want 400", r.status, len(r.body))
			}
			if msg := assertCleanError(t, r); !strings.Contains(msg, "exceeds the limit of 32768 bytes") {
				t.Errorf("message %q", msg)
			}
		})
	}
	// Small answers pass.
	if n := len(results(t, query(t, srv.URL, "gizmo", `g.V().Limit(5).All()`))); n != 5 {
		t.Errorf("small query: %d results", n)
	}
	if r := query(t, srv.URL, "graphql", `{ all(first: 5) { id } }`); r.status != 200 || strings.Count(r.body, `"id"`) != 5 {
		t.Errorf("small GraphQL query: %d %s", r.status, r.body)
	}
	// Query routes are capped, in their error shape.
	r := do(t, "GET", srv.URL+"/big", "", nil)
	if msg := assertCleanError(t, r); r.status != 400 || !strings.Contains(msg, "exceeds the limit") {
		t.Errorf("/big: %d %s", r.status, msg)
	}
	r = do(t, "GET", srv.URL+"/graphql", "", nil)
	if msg := graphQLError(t, r); r.status != 400 || !strings.Contains(msg, "exceeds the limit") {
		t.Errorf("/graphql: %d %s", r.status, msg)
	}
	// Streams are not.
	if r := do(t, "GET", srv.URL+"/file", "", nil); r.status != 200 || !strings.Contains(r.body, big) {
		t.Errorf("static route: %d, %d bytes", r.status, len(r.body))
	}
	r = do(t, "GET", srv.URL+"/api/v2/read", "", nil)
	all, err := quad.ReadAll(nquads.NewReader(strings.NewReader(r.body), false))
	if r.status != 200 || err != nil || len(all) != len(quads) {
		t.Errorf("/api/v2/read: %d, %d bytes, %d quads, %v", r.status, len(r.body), len(all), err)
	}
}

// graphQLError checks an error body is {"errors": [{"message": "..."}]}
// without stack traces or file paths, and returns the message.
func graphQLError(t *testing.T, r response) string {
	t.Helper()
	var v struct {
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal([]byte(r.body), &v); err != nil || len(v.Errors) == 0 || v.Errors[0].Message == "" {
		t.Fatalf("error body is not {\"errors\": [{\"message\": ...}]}: %q", r.body)
	}
	b, _ := json.Marshal(map[string]string{"error": v.Errors[0].Message})
	assertCleanError(t, response{r.status, r.header, string(b)})
	return v.Errors[0].Message
}

// TestRouteGuards checks that routes given in Options.Routes (the typed
// GraphQL API and the explorer in newsgraph serve) get the same guards as
// Cayley's API: body limit, deadline (even for a handler that ignores its
// context), shared concurrency limit, clean errors and panics.
func TestRouteGuards(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	var releaseOnce sync.Once
	unblock := func() { releaseOnce.Do(func() { close(release) }) }
	defer unblock()
	entered := make(chan struct{}, 1)
	var mu sync.Mutex
	returned := false
	stuck := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		entered <- struct{}{}
		<-release // ignores the request's context
		mu.Lock()
		returned = true
		mu.Unlock()
		fmt.Fprintln(w, `{"data":{}}`)
	})
	echo := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		fmt.Fprintf(w, `{"n":%d}`, len(b))
	})
	leak := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "open /var/lib/newsgraph/newsgraph.db: permission denied\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:10", 500)
	})
	leak200 := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		fmt.Fprintln(w, `{"data":null,"errors":[{"message":"read /srv/newsgraph/newsgraph.db: input/output error (store.go:12)\n\tat x","path":["events"]}]}`)
	})
	boom := http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom at /secret/path/file.go:42") })
	const timeout = 300 * time.Millisecond
	url := routeServer(t, Options{QueryTimeout: timeout, MaxBodyBytes: 1024, MaxConcurrent: 1, MaxQueued: -1},
		Route{Pattern: "/stuck", Handler: stuck, GraphQL: true},
		Route{Pattern: "/echo", Handler: echo},
		Route{Pattern: "/leak", Handler: leak},
		Route{Pattern: "/graphql", Handler: leak200, GraphQL: true},
		Route{Pattern: "/panic", Handler: boom},
		Route{Pattern: "/gqlpanic", Handler: boom, GraphQL: true},
		Route{Pattern: "/", Handler: echo, Static: true},
	)

	t.Run("body limit", func(t *testing.T) {
		for _, path := range []string{"/echo", "/"} {
			for _, chunked := range []bool{false, true} {
				var body io.Reader = strings.NewReader(strings.Repeat("x", 4096))
				if chunked {
					body = chunkedReader{body}
				}
				resp, err := http.Post(url+path, "application/json", body)
				if err != nil {
					t.Fatal(err)
				}
				data, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 413 {
					t.Errorf("%s (chunked %v): %d %s", path, chunked, resp.StatusCode, data)
				} else {
					assertCleanError(t, response{resp.StatusCode, resp.Header, string(data)})
				}
			}
		}
		if r := do(t, "POST", url+"/echo", "small", nil); r.status != 200 || r.body != `{"n":5}` {
			t.Errorf("small body: %d %s", r.status, r.body)
		}
	})

	t.Run("clean errors", func(t *testing.T) {
		r := do(t, "GET", url+"/leak", "", nil)
		if msg := assertCleanError(t, r); r.status != 500 || msg != "open [path]: permission denied" {
			t.Errorf("/leak: %d %q", r.status, msg)
		}
		r = do(t, "GET", url+"/graphql", "", nil)
		if msg := graphQLError(t, r); r.status != 200 || strings.Contains(msg, "/srv") || !strings.Contains(msg, "input/output error") {
			t.Errorf("/graphql: %d %q", r.status, msg)
		}
		if !strings.Contains(r.body, `"path":["events"]`) || !strings.Contains(r.body, `"data":null`) {
			t.Errorf("/graphql: the rest of the answer changed: %s", r.body)
		}
		for _, p := range []string{"/panic", "/gqlpanic"} {
			r := do(t, "GET", url+p, "", nil)
			var msg string
			if p == "/gqlpanic" {
				msg = graphQLError(t, r)
			} else {
				msg = assertCleanError(t, r)
			}
			if r.status != 500 || msg != "internal server error" {
				t.Errorf("%s: %d %q", p, r.status, msg)
			}
		}
	})

	t.Run("deadline and shared slots", func(t *testing.T) {
		start := time.Now()
		done := make(chan response, 1)
		go func() { done <- send("GET", url+"/stuck", "") }()
		select {
		case <-entered:
		case <-time.After(5 * time.Second):
			t.Fatal("the stuck handler never started")
		}
		// The stuck handler holds the only query slot: Cayley's API and
		// the other query routes are refused, static routes are not.
		r := query(t, url, "gizmo", `g.Emit(1)`)
		if r.status != 503 || r.header.Get("Retry-After") == "" {
			t.Errorf("gizmo while the slot is taken: %d %s", r.status, r.body)
		}
		if r := do(t, "POST", url+"/graphql", "{}", nil); r.status != 503 {
			t.Errorf("/graphql while the slot is taken: %d %s", r.status, r.body)
		} else {
			graphQLError(t, r)
		}
		if r := do(t, "GET", url+"/", "", nil); r.status != 200 {
			t.Errorf("static route while the slot is taken: %d %s", r.status, r.body)
		}
		if r := do(t, "GET", url+"/healthz", "", nil); r.status != 200 {
			t.Errorf("healthz while the slot is taken: %d", r.status)
		}
		select {
		case r = <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("no answer from a handler that ignores its context, 5s after the deadline")
		}
		elapsed := time.Since(start)
		if r.status != 504 || elapsed > timeout+2*time.Second {
			t.Fatalf("stuck handler: %d after %v: %s", r.status, elapsed, r.body)
		}
		graphQLError(t, r)
		// The handler has not returned: its slot stays taken.
		if r := query(t, url, "gizmo", `g.Emit(1)`); r.status != 503 {
			t.Errorf("gizmo after the 504, handler still running: %d %s", r.status, r.body)
		}
		unblock()
		deadline := time.Now().Add(5 * time.Second)
		for {
			r := query(t, url, "gizmo", `g.Emit(1)`)
			if r.status == 200 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("slot not released after the handler returned: %d %s", r.status, r.body)
			}
			time.Sleep(10 * time.Millisecond)
		}
		mu.Lock()
		defer mu.Unlock()
		if !returned {
			t.Error("slot released before the handler returned")
		}
	})
}

// TestQueue checks that queries beyond MaxConcurrent wait for a slot, up
// to MaxQueued of them, and that the rest are refused at once.
func TestQueue(t *testing.T) {
	t.Parallel()
	// hold returns a handler that takes its slot until release is closed.
	hold := func(entered chan<- struct{}, release <-chan struct{}) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			entered <- struct{}{}
			<-release
			fmt.Fprint(w, `{"ok":true}`)
		})
	}
	wait := func(t *testing.T, ch <-chan struct{}) {
		t.Helper()
		select {
		case <-ch:
		case <-time.After(5 * time.Second):
			t.Fatal("the holding handler never started")
		}
	}

	t.Run("waiting", func(t *testing.T) {
		t.Parallel()
		entered, release := make(chan struct{}, 1), make(chan struct{})
		var once sync.Once
		unblock := func() { once.Do(func() { close(release) }) }
		defer unblock()
		url := routeServer(t, Options{MaxConcurrent: 1, MaxQueued: 1, QueryTimeout: 10 * time.Second},
			Route{Pattern: "/hold", Handler: hold(entered, release)})
		first := make(chan response, 1)
		go func() { first <- send("GET", url+"/hold", "") }()
		wait(t, entered)
		// Two more: one waits, the other is refused at once.
		others := make(chan response, 2)
		for i := 0; i < 2; i++ {
			go func() { others <- send("POST", url+"/api/v2/query?lang=gizmo", `g.Emit("queued")`) }()
		}
		var refused response
		select {
		case refused = <-others:
		case <-time.After(5 * time.Second):
			t.Fatal("no request was refused while the queue was full")
		}
		if refused.status != 503 {
			t.Fatalf("want 503 for the request beyond the queue, got %d %s", refused.status, refused.body)
		}
		assertCleanError(t, refused)
		select {
		case r := <-others:
			t.Fatalf("the queued request was answered while the slot was taken: %d %s", r.status, r.body)
		case <-time.After(200 * time.Millisecond):
		}
		unblock()
		for _, ch := range []chan response{first, others} {
			select {
			case r := <-ch:
				if r.status != 200 {
					t.Errorf("after the slot was freed: %d %s", r.status, r.body)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("no answer after the slot was freed")
			}
		}
	})

	t.Run("deadline while waiting", func(t *testing.T) {
		t.Parallel()
		entered, release := make(chan struct{}, 1), make(chan struct{})
		defer close(release)
		url := routeServer(t, Options{MaxConcurrent: 1, QueryTimeout: 300 * time.Millisecond},
			Route{Pattern: "/hold", Handler: hold(entered, release)})
		go send("GET", url+"/hold", "")
		wait(t, entered)
		start := time.Now()
		r := query(t, url, "gizmo", `g.Emit(1)`)
		// Queued until its deadline: 504, like a query that runs past it
		// (503 is for a full queue, answered at once).
		if r.status != 504 || time.Since(start) > 2*time.Second {
			t.Errorf("waiting request: %d after %v: %s", r.status, time.Since(start), r.body)
		}
	})
}

// serveOn runs Serve on a loopback listener until the test ends and
// returns its address.
func serveOn(t *testing.T, h *graph.Handle, opts Options) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- Serve(ctx, ln, h, opts) }()
	t.Cleanup(func() {
		cancel()
		if err := <-errc; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return ln.Addr().String()
}

// closedWithin reports whether the server closes conn (a read returns an
// error) within d; it reads and discards whatever the server sends.
func closedWithin(conn net.Conn, d time.Duration) bool {
	conn.SetReadDeadline(time.Now().Add(d))
	_, err := io.Copy(io.Discard, conn)
	var ne net.Error
	return !(errors.As(err, &ne) && ne.Timeout())
}

// TestConnectionTimeouts checks the timeouts of Serve: slow headers
// (slowloris), slow bodies, idle keep-alive connections and slow readers
// are cut off.
func TestConnectionTimeouts(t *testing.T) {
	t.Parallel()
	const short = 200 * time.Millisecond
	slowloris := func(t *testing.T, conn net.Conn, head string, stop <-chan struct{}) {
		conn.Write([]byte(head))
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			if _, err := conn.Write([]byte{"abcdefgh"[i%8]}); err != nil {
				return
			}
		}
	}

	t.Run("slow headers", func(t *testing.T) {
		t.Parallel()
		addr := serveOn(t, newHandle(t), Options{ReadHeaderTimeout: short, ReadTimeout: 10 * time.Second})
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		stop := make(chan struct{})
		defer close(stop)
		go slowloris(t, conn, "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ", stop)
		start := time.Now()
		if !closedWithin(conn, 3*time.Second) {
			t.Fatal("a client sending its headers byte by byte is still connected after 3s")
		}
		t.Logf("slow headers cut off after %v", time.Since(start).Round(time.Millisecond))
	})

	t.Run("slow body", func(t *testing.T) {
		t.Parallel()
		addr := serveOn(t, newHandle(t), Options{ReadTimeout: short, QueryTimeout: 10 * time.Second})
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		stop := make(chan struct{})
		defer close(stop)
		go slowloris(t, conn, "POST /api/v2/query?lang=gizmo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\ng.Emit(", stop)
		start := time.Now()
		if !closedWithin(conn, 3*time.Second) {
			t.Fatal("a client sending its body byte by byte is still connected after 3s")
		}
		t.Logf("slow body cut off after %v", time.Since(start).Round(time.Millisecond))
	})

	t.Run("idle connection", func(t *testing.T) {
		t.Parallel()
		addr := serveOn(t, newHandle(t), Options{IdleTimeout: short})
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		conn.Write([]byte("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"))
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Close {
			t.Fatalf("healthz: %d, close %v", resp.StatusCode, resp.Close)
		}
		start := time.Now()
		if !closedWithin(conn, 3*time.Second) {
			t.Fatal("an idle keep-alive connection is still open after 3s")
		}
		t.Logf("idle connection closed after %v", time.Since(start).Round(time.Millisecond))
	})

	t.Run("slow reader", func(t *testing.T) {
		t.Parallel()
		const size = 64 << 20
		chunk := make([]byte, 64<<10)
		file := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Length", strconv.Itoa(size))
			for n := 0; n < size; n += len(chunk) {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		})
		opts := Options{WriteTimeout: short, QueryTimeout: 30 * time.Second, Routes: []Route{{Pattern: "/file", Handler: file, Static: true}}}
		addr := serveOn(t, newHandle(t), opts)
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		conn.(*net.TCPConn).SetReadBuffer(16 << 10)
		conn.Write([]byte("GET /file HTTP/1.1\r\nHost: localhost\r\n\r\n"))
		time.Sleep(2 * short) // not reading
		start := time.Now()
		conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		n, err := io.Copy(io.Discard, conn)
		if n >= size {
			t.Fatalf("a client that stopped reading got the whole %d bytes", size)
		}
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			t.Fatalf("the connection of a client that stopped reading is still open (%d bytes read)", n)
		}
		t.Logf("slow reader: connection closed after %d bytes (%v)", n, time.Since(start).Round(time.Millisecond))
	})
}

// TestDefaultAddrLoopback checks that the server binds 127.0.0.1 unless
// told otherwise: the default address is loopback, and ListenAndServe with
// zero Options listens on its host and is reachable there and not on the
// machine's other addresses. The listen function is replaced so that the
// server binds the host it was asked for on a free port: the test does
// not need port 7474 to be free.
func TestDefaultAddrLoopback(t *testing.T) {
	host, _, err := net.SplitHostPort(DefaultAddr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() || ip.To4() == nil {
		t.Fatalf("DefaultAddr %q is not an IPv4 loopback address", DefaultAddr)
	}
	if d := DefaultOptions(); d.Addr != DefaultAddr {
		t.Fatalf("DefaultOptions().Addr = %q", d.Addr)
	}
	asked := make(chan string, 1)
	bound := make(chan net.Addr, 1)
	listen = func(network, addr string) (net.Listener, error) {
		asked <- addr
		h, _, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		ln, err := net.Listen(network, net.JoinHostPort(h, "0"))
		if err == nil {
			bound <- ln.Addr()
		}
		return ln, err
	}
	defer func() { listen = net.Listen }()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- ListenAndServe(ctx, newHandle(t), Options{}) }()
	if a := <-asked; a != DefaultAddr {
		t.Fatalf("ListenAndServe with zero Options listens on %q, want %q", a, DefaultAddr)
	}
	var addr net.Addr
	select {
	case addr = <-bound:
	case err := <-errc:
		t.Fatalf("ListenAndServe: %v", err)
	}
	_, port, _ := net.SplitHostPort(addr.String())
	getHealthz(t, "http://127.0.0.1:"+port)
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		ipn, ok := a.(*net.IPNet)
		if !ok || ipn.IP.IsLoopback() || ipn.IP.IsLinkLocalUnicast() {
			continue
		}
		if c, err := net.DialTimeout("tcp", net.JoinHostPort(ipn.IP.String(), port), time.Second); err == nil {
			c.Close()
			t.Errorf("the default server is reachable on %s", ipn.IP)
		} else {
			t.Logf("not reachable on %s: %v", ipn.IP, err)
		}
	}
	cancel()
	if err := <-errc; err != nil {
		t.Errorf("ListenAndServe: %v", err)
	}
}

// failingStore is a real store whose full scans fail with an error naming
// its file, as an I/O error of the disk would.
type failingStore struct {
	graph.QuadStore
	err error
}

func (s failingStore) NodesAllIterator() graph.Iterator { return iterator.NewError(s.err) }
func (s failingStore) QuadsAllIterator() graph.Iterator { return iterator.NewError(s.err) }

// TestStoreErrorsClean checks that store errors whose message holds the
// path of the database file reach clients without it, in every language.
func TestStoreErrorsClean(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "db")
	if err := graph.InitQuadStore("bolt", dir, nil); err != nil {
		t.Fatal(err)
	}
	qs, err := graph.NewQuadStore("bolt", dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer qs.Close()
	qw, err := graph.NewQuadWriter("single", qs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := qw.AddQuadSet(testQuads()); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "indexes.bolt")
	ioErr := &os.PathError{Op: "read", Path: file, Err: syscall.EIO}
	srv := newServer(t, &graph.Handle{QuadStore: failingStore{qs, ioErr}}, Options{})
	tests := []struct {
		name, method, path, body string
		status                   int
	}{
		{"gizmo", "POST", "/api/v2/query?lang=gizmo", `g.V().All()`, 400},
		{"gizmo ForEach", "POST", "/api/v2/query?lang=gizmo", `g.V().ForEach(function(d){ g.Emit(d) })`, 400},
		{"cayley graphql", "POST", "/api/v2/query?lang=graphql", `{ all { id } }`, 200},
		{"read", "GET", "/api/v2/read", "", 500},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, tc.method, srv.URL+tc.path, tc.body, nil)
			if r.status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.status, tc.status, r.body)
			}
			if strings.Contains(r.body, dir) || strings.Contains(r.body, "indexes.bolt") {
				t.Fatalf("the answer names the database file: %s", r.body)
			}
			var msg string
			if tc.status == 200 {
				msg = graphQLError(t, r)
			} else {
				msg = assertCleanError(t, r)
			}
			if !strings.Contains(msg, "input/output error") {
				t.Errorf("message %q lost the error", msg)
			}
			t.Logf("%s", r.body)
		})
	}
	// The store itself is fine.
	srv = newServer(t, &graph.Handle{QuadStore: qs}, Options{})
	if n := len(results(t, query(t, srv.URL, "gizmo", `g.V().All()`))); n == 0 {
		t.Error("no results from the bolt store")
	}
}
