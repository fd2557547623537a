// Package server exposes a Cayley quad store over HTTP.
//
// It mounts Cayley's HTTP API v2 (github.com/cayleygraph/cayley/server/http)
// under /api/v2/ with the Gizmo and GraphQL query languages, adds a /healthz
// endpoint and any extra routes given in Options.Routes (newsgraph serve
// mounts its typed GraphQL API at /graphql and the explorer at / that way),
// and puts all of them, /healthz excepted, behind guards suitable for a
// service that may be reachable by untrusted clients:
//
//   - No query ends the process. Gizmo queries (/api/v2/query?lang=gizmo)
//     are served by this package with the sessions of package safegizmo
//     rather than by Cayley's handler: the user's JavaScript runs inside a
//     recover, so the Go panics of Cayley's path methods on arguments of
//     the wrong type (g.V().Out("<p>", 1), g.V().Both({}), g.V().Out(g))
//     and any other panic below it end the query with a 400 error, and
//     arguments are copied before Cayley sees them (cyclic, too deep or too
//     large ones are refused), since goja would recurse through them
//     without end. FuzzGizmoCalls checks it with generated calls of every
//     path method with arguments of every JavaScript type.
//   - Each Gizmo query has a memory budget (Options.QueryMemory, 256 MiB
//     by default): a query whose heap and stack growth exceeds it, such as
//     `var s="x"; while(true){s=s+s}` or unbounded recursion, is
//     interrupted with a 400 error naming the budget. Queries running at
//     the same time share their budgets: an excess interrupts all of them.
//   - Cross-site requests are refused: a query request (every POST, and a
//     GET of /api/v2/query) must carry a Content-Type that a web form or a
//     simple fetch cannot send (application/json, application/javascript,
//     ...; not text/plain, form types or none) or an X-Requested-With or
//     Authorization header; otherwise it gets 403. A web page on another
//     site can thus not make a user's browser run queries here without a
//     CORS preflight, which this server approves only for the origins
//     given in Options.CORSOrigins (none by default): their pages may
//     then send such queries and read the answers.
//   - The Host header must be an IP address, localhost, the host of
//     Options.Addr or one of Options.AllowedHosts; other names get 403, so
//     that a page on a domain re-pointed at 127.0.0.1 (DNS rebinding)
//     cannot read the answers.
//   - Read-only unless explicitly configured otherwise: the write endpoints
//     (/api/v2/write, /api/v2/delete, /api/v2/node/delete) are only mounted
//     when Options.ReadOnly is false and Options.Token is set, and then they
//     require "Authorization: Bearer <token>" (compared in constant time).
//     In read-only mode they answer 403.
//   - Every request runs under a deadline (Options.QueryTimeout) that the
//     server enforces itself: when it passes, the client gets 504 Gateway
//     Timeout at once, whether or not the handler has noticed, and the
//     handler's context is cancelled. The Gizmo engine then interrupts
//     its JavaScript VM, so a runaway query such as `while(true){}` or a
//     g.V().ForEach(...) over a large store stops burning CPU. A streaming
//     response (/api/v2/read, files) that outlives the deadline is aborted
//     mid-stream so the client sees a truncated transfer rather than a
//     silently short one.
//   - Request bodies are capped (Options.MaxBodyBytes, 413 beyond it,
//     whether the body has a length or is chunked).
//   - Queries (Cayley's API and the routes not marked Static) are served at
//     most Options.MaxConcurrent at once; up to Options.MaxQueued more wait
//     for a slot within their deadline (504 when it passes first), and the
//     rest get 503 with Retry-After at once. A request keeps its slot until
//     its handler has really returned, even after a 504. Static routes have
//     a pool of their own, four times as large, so that the explorer's page
//     loads while queries run.
//   - Results are capped: Gizmo returns at most Options.MaxResults results,
//     and a query answer (/api/v2/query in either language, and the routes
//     not marked Static) larger than Options.MaxResponseBytes is replaced by
//     a 400 error telling the client to narrow the query.
//   - Error responses are JSON, {"error": "..."} (or {"errors": [{"message":
//     "..."}]} on GraphQL routes), and their messages have stack traces, Go
//     source positions and file paths removed; so have the messages of the
//     "errors" array of a GraphQL answer with status 200. Panics in
//     handlers are answered with a generic 500.
//
// Serve adds connection timeouts (Options.ReadHeaderTimeout, ReadTimeout,
// WriteTimeout, IdleTimeout): a client that sends its headers or body
// byte by byte, reads its answer too slowly or keeps an idle connection
// open is disconnected.
//
// Known limitations:
//
//   - What no in-process guard can stop is a Go runtime fatal error: a
//     single native allocation larger than the machine's memory, or Go
//     stack exhaustion by native recursion that runs no JavaScript in
//     between (the budget is checked every 5 ms, and goja checks for
//     interruption only between JavaScript instructions). The goja version
//     Cayley v0.7.7 uses has no built-in that takes a size from the query
//     (no String.prototype.repeat), and the argument copies bound what
//     Cayley exports; FuzzGizmoCalls found no such case.
//   - Cayley's GraphQL ignores MaxResults and builds its whole answer in
//     memory before writing it: MaxResponseBytes bounds what the client
//     receives, the deadline bounds the work. GraphQL errors are reported by
//     Cayley with status 200 and an "errors" array.
//   - /api/v2/read reads the store in batches of 10000 quads without a
//     context, so it stops at the first write after the deadline. It is a
//     stream (an export of the store) and is not subject to
//     MaxResponseBytes.
package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/clog"
	"github.com/cayleygraph/cayley/graph"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	"github.com/julienschmidt/httprouter"

	"github.com/newsgraph/newsgraph/server/safegizmo"

	// Query languages served by /api/v2/query.
	_ "github.com/cayleygraph/cayley/query/gizmo"
	_ "github.com/cayleygraph/cayley/query/graphql"
	// Quad writer implementations ("single").
	_ "github.com/cayleygraph/cayley/writer"
	// N-Quads for /api/v2/read and /api/v2/write.
	_ "github.com/cayleygraph/quad/nquads"
)

// Defaults applied by NewHandler, ListenAndServe and Serve to zero Options
// fields.
const (
	DefaultAddr              = "127.0.0.1:7474"
	DefaultQueryTimeout      = 30 * time.Second
	DefaultMaxBodyBytes      = 10 << 20
	DefaultMaxResults        = 10000
	DefaultMaxResponseBytes  = 16 << 20
	DefaultReadHeaderTimeout = 10 * time.Second
	DefaultReadTimeout       = 60 * time.Second
	DefaultIdleTimeout       = 120 * time.Second
	DefaultQueryMemory       = safegizmo.DefaultMemoryBudget
)

// Languages lists the query languages accepted by /api/v2/query?lang=.
var Languages = []string{"gizmo", "graphql"}

// Options configures the HTTP server. The zero value is a valid, read-only
// configuration: see ReadOnly.
type Options struct {
	// Addr is the TCP address ListenAndServe listens on
	// (default 127.0.0.1:7474, loopback only).
	Addr string
	// ReadOnly disables the write endpoints. Writes are enabled only when
	// ReadOnly is false AND Token is non-empty: ReadOnly=false without a
	// Token is served read-only, so the zero Options (like DefaultOptions)
	// are read-only, as a Go bool cannot default to true.
	ReadOnly bool
	// Token is the bearer token required by write requests
	// ("Authorization: Bearer <token>") when writes are enabled.
	Token string
	// QueryTimeout bounds the time spent serving one request, waiting for
	// a slot included (default 30s).
	QueryTimeout time.Duration
	// MaxBodyBytes caps the size of a request body (default 10 MiB).
	MaxBodyBytes int64
	// MaxResults caps the number of results a Gizmo query returns
	// (default 10000).
	MaxResults int
	// MaxResponseBytes caps the size of a query answer: /api/v2/query and
	// the routes not marked Static (default 16 MiB).
	MaxResponseBytes int64
	// MaxConcurrent caps the number of queries served at once
	// (default 2*GOMAXPROCS).
	MaxConcurrent int
	// MaxQueued is the number of queries that may wait for a slot beyond
	// MaxConcurrent; further ones get 503 at once (default
	// 4*MaxConcurrent, at least 64; negative: none wait).
	MaxQueued int
	// ReadHeaderTimeout bounds the time a client may take to send a
	// request's headers (default 10s).
	ReadHeaderTimeout time.Duration
	// ReadTimeout bounds the time a client may take to send a whole
	// request, body included (default 60s).
	ReadTimeout time.Duration
	// WriteTimeout bounds the time from the end of a request's headers to
	// the end of its answer, so it should exceed QueryTimeout (default
	// QueryTimeout+30s).
	WriteTimeout time.Duration
	// IdleTimeout bounds the time a keep-alive connection may wait for its
	// next request (default 120s).
	IdleTimeout time.Duration
	// QueryMemory is the memory budget of one Gizmo query in bytes
	// (default DefaultQueryMemory): a query whose heap and stack growth
	// exceeds it is interrupted with a 400 error (see package safegizmo).
	QueryMemory int64
	// AllowedHosts are the host names accepted in the Host header besides
	// IP addresses, localhost and the host of Addr ("*": any). Other names
	// get 403, so that a DNS-rebinding page cannot reach the server.
	AllowedHosts []string
	// CORSOrigins are the origins ("http://localhost:8888"; "*": any)
	// whose web pages may read the answers: their requests get
	// Access-Control-Allow-Origin and their CORS preflights are approved
	// (GET and POST, with Content-Type, X-Requested-With and
	// Authorization); a preflight from another origin gets 403. None by
	// default: no CORS header is sent. See NormalizeOrigin for the form.
	CORSOrigins []string
	// Routes are further handlers to serve next to Cayley's API, under the
	// same guards.
	Routes []Route
	// GraphQL, where set, answers the queries in Cayley's GraphQL
	// (/api/v2/query?lang=graphql) in place of Cayley's session, in the
	// shape of Cayley's answers: newsgraph serve gives it
	// graph.Store.GraphQL, which pages root fields the newest first.
	GraphQL GraphQLFunc
}

// Route is a handler NewHandler mounts next to Cayley's API.
type Route struct {
	// Pattern is an http.ServeMux pattern such as "/graphql", or "/" for
	// every path no other pattern matches (by default such paths get 404).
	// /api/ and /healthz are taken: NewHandler panics on them.
	Pattern string
	// Handler serves the route.
	Handler http.Handler
	// Static marks a route that serves files rather than queries: it has a
	// concurrency pool of its own and its answers are streamed, without
	// the MaxResponseBytes cap.
	Static bool
	// GraphQL marks a GraphQL endpoint: the guards' error answers take the
	// GraphQL shape {"errors": [{"message": "..."}]}.
	GraphQL bool
}

// DefaultOptions returns the defaults: loopback address, read-only, 30s
// query timeout, 10 MiB bodies, 10000 results, 16 MiB answers,
// 2*GOMAXPROCS concurrent queries and 4*MaxConcurrent (at least 64)
// waiting, and the connection timeouts of Serve.
func DefaultOptions() Options {
	return Options{ReadOnly: true}.withDefaults()
}

func (o Options) withDefaults() Options {
	if o.Addr == "" {
		o.Addr = DefaultAddr
	}
	if o.QueryTimeout <= 0 {
		o.QueryTimeout = DefaultQueryTimeout
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.MaxResults <= 0 {
		o.MaxResults = DefaultMaxResults
	}
	if o.MaxResponseBytes <= 0 {
		o.MaxResponseBytes = DefaultMaxResponseBytes
	}
	if o.MaxConcurrent <= 0 {
		o.MaxConcurrent = 2 * runtime.GOMAXPROCS(0)
	}
	if o.MaxQueued == 0 {
		o.MaxQueued = max(64, 4*o.MaxConcurrent)
	}
	if o.ReadHeaderTimeout <= 0 {
		o.ReadHeaderTimeout = DefaultReadHeaderTimeout
	}
	if o.ReadTimeout <= 0 {
		o.ReadTimeout = DefaultReadTimeout
	}
	if o.WriteTimeout <= 0 {
		o.WriteTimeout = o.QueryTimeout + 30*time.Second
	}
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = DefaultIdleTimeout
	}
	if o.QueryMemory <= 0 {
		o.QueryMemory = DefaultQueryMemory
	}
	return o
}

// writable reports whether the write endpoints are enabled.
func (o Options) writable() bool { return !o.ReadOnly && o.Token != "" }

// writePaths are Cayley's mutating endpoints.
var writePaths = []string{"/api/v2/write", "/api/v2/delete", "/api/v2/node/delete"}

// NewHandler returns an http.Handler serving /healthz, Cayley's API v2
// over h, which must not be nil, and opts.Routes. It panics on a taken
// route pattern or an invalid CORS origin. h.QuadWriter may be nil;
// when writes are enabled a "single" writer is then created for
// h.QuadStore. See the package documentation for the guards applied.
//
// It also has Cayley's log (package clog) print the errors of clients that
// went away early (context canceled, broken pipe, connection reset) as a
// plain "server: client gone" line rather than an ERROR.
func NewHandler(h *graph.Handle, opts Options) http.Handler {
	installLogger.Do(func() { clog.SetLogger(&gentleLogger{}) })
	opts = opts.withDefaults()
	writable := opts.writable()
	if writable && h.QuadWriter == nil {
		qw, err := graph.NewQuadWriter("single", h.QuadStore, graph.Options{
			"ignore_duplicate": true, "ignore_missing": true,
		})
		if err != nil {
			log.Printf("server: cannot create quad writer, serving read-only: %v", err)
			writable = false
		} else {
			h = &graph.Handle{QuadStore: h.QuadStore, QuadWriter: qw}
		}
	}

	api := cayleyhttp.NewAPIv2(h)
	api.SetReadOnly(!writable)
	api.SetQueryTimeout(opts.QueryTimeout)
	api.SetQueryLimit(opts.MaxResults)

	// NewAPIv2 registers its routes before SetReadOnly can take effect, so
	// mount the API on our own router, where the write routes are
	// registered only when writable.
	r := httprouter.New()
	r.NotFound = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, http.StatusNotFound, "not found")
	})
	r.MethodNotAllowed = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, http.StatusMethodNotAllowed, "method not allowed")
	})
	r.PanicHandler = panicHandler
	api.RegisterOn(r, requireToken(opts.Token))
	if !writable {
		for _, p := range writePaths {
			r.POST(p, func(w http.ResponseWriter, _ *http.Request, _ httprouter.Params) {
				writeError(w, http.StatusForbidden, "database is read-only")
			})
		}
	}

	queries := newLimiter(opts.MaxConcurrent, opts.MaxQueued)
	files := newLimiter(4*opts.MaxConcurrent, 4*opts.MaxConcurrent)
	newGuard := func(next http.Handler, rt Route) *guard {
		g := &guard{
			next:     next,
			intent:   !rt.Static,
			limit:    queries,
			timeout:  opts.QueryTimeout,
			maxBody:  opts.MaxBodyBytes,
			maxReply: opts.MaxResponseBytes,
			graphQL:  rt.GraphQL,
			buffered: func(*http.Request) bool { return true },
		}
		if rt.Static {
			g.limit = files
			g.buffered = func(*http.Request) bool { return false }
		}
		return g
	}
	// Gizmo queries run in safegizmo's sessions, the rest in Cayley's API.
	// Cayley's GraphQL queries are refused when nested too deep for its
	// parser's recursion.
	gz := &gizmoHandler{qs: h.QuadStore, gov: safegizmo.NewGovernor(opts.QueryMemory), limit: opts.MaxResults}
	var gql http.Handler = r
	if opts.GraphQL != nil {
		gql = graphqlHandler{run: opts.GraphQL}
	}
	gql = shallowGraphQL(gql)
	apiv2 := http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path == "/api/v2/query" {
			switch req.URL.Query().Get("lang") {
			case "gizmo":
				gz.ServeHTTP(w, req)
				return
			case "graphql":
				gql.ServeHTTP(w, req)
				return
			}
		}
		r.ServeHTTP(w, req)
	})
	cayley := newGuard(apiv2, Route{})
	// Query answers are buffered (and capped); reads of the store stream.
	cayley.buffered = func(r *http.Request) bool { return r.URL.Path == "/api/v2/query" }
	cayley.checkLang = true

	mux := http.NewServeMux()
	mux.Handle("/healthz", healthHandler(h.QuadStore))
	mux.Handle("/api/", cayley)
	root := false
	for _, rt := range opts.Routes {
		if rt.Pattern == "/api/" || rt.Pattern == "/healthz" {
			panic("server: route pattern " + rt.Pattern + " is taken")
		}
		root = root || rt.Pattern == "/"
		mux.Handle(rt.Pattern, newGuard(rt.Handler, rt))
	}
	if !root {
		mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			writeError(w, http.StatusNotFound, "not found")
		}))
	}
	return recoverer(newCORS(newHostCheck(mux, opts.Addr, opts.AllowedHosts), opts.CORSOrigins))
}

// requireToken wraps every Cayley route; on the write routes it demands the
// bearer token. httprouter only dispatches exact paths (others are
// redirected), so comparing the path is reliable.
func requireToken(token string) cayleyhttp.HandlerWrapper {
	return func(next httprouter.Handle) httprouter.Handle {
		return func(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
			if isWritePath(r.URL.Path) && !validBearer(r.Header.Get("Authorization"), token) {
				w.Header().Set("WWW-Authenticate", `Bearer realm="newsgraph"`)
				writeError(w, http.StatusUnauthorized, "a valid bearer token is required for writes")
				return
			}
			next(w, r, p)
		}
	}
}

func isWritePath(p string) bool {
	for _, wp := range writePaths {
		if p == wp {
			return true
		}
	}
	return false
}

// validBearer checks an Authorization header against token in constant
// time (hashing both sides so that the length is not leaked either).
func validBearer(header, token string) bool {
	const prefix = "bearer "
	if token == "" || len(header) <= len(prefix) || !strings.EqualFold(header[:len(prefix)], prefix) {
		return false
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(header[len(prefix):])))
	want := sha256.Sum256([]byte(token))
	return subtle.ConstantTimeCompare(got[:], want[:]) == 1
}

// healthHandler answers {"status":"ok","quads":N}.
func healthHandler(qs graph.QuadStore) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, "method not allowed")
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		st, err := qs.Stats(ctx, false)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		if err != nil {
			log.Printf("server: healthz: %v", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			json.NewEncoder(w).Encode(map[string]string{"status": "error"})
			return
		}
		json.NewEncoder(w).Encode(struct {
			Status string `json:"status"`
			Quads  int64  `json:"quads"`
		}{"ok", st.Quads.Size})
	})
}

// listen is net.Listen, replaced by a test that must not need a fixed port.
var listen = net.Listen

// ListenAndServe listens on opts.Addr and serves NewHandler(h, opts) until
// ctx is cancelled, then shuts down gracefully. It returns nil after a clean
// shutdown.
func ListenAndServe(ctx context.Context, h *graph.Handle, opts Options) error {
	opts = opts.withDefaults()
	ln, err := listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	return Serve(ctx, ln, h, opts)
}

// Serve is ListenAndServe on an existing listener (opts.Addr is ignored).
// It closes ln.
//
// The http.Server has the ReadHeaderTimeout, ReadTimeout, WriteTimeout and
// IdleTimeout of opts (10s, 60s, QueryTimeout+30s and 120s by default) and
// MaxHeaderBytes 1 MiB. On shutdown, requests in flight get up to
// QueryTimeout+5s to finish before connections are closed.
func Serve(ctx context.Context, ln net.Listener, h *graph.Handle, opts Options) error {
	opts = opts.withDefaults()
	srv := &http.Server{
		Handler:           NewHandler(h, opts),
		ReadHeaderTimeout: opts.ReadHeaderTimeout,
		ReadTimeout:       opts.ReadTimeout,
		WriteTimeout:      opts.WriteTimeout,
		IdleTimeout:       opts.IdleTimeout,
		MaxHeaderBytes:    1 << 20,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), opts.QueryTimeout+5*time.Second)
	defer cancel()
	err := srv.Shutdown(sctx)
	if err != nil {
		srv.Close()
	}
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}
