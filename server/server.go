// Package server exposes a Cayley quad store over HTTP.
//
// It mounts Cayley's HTTP API v2 (github.com/cayleygraph/cayley/server/http)
// under /api/v2/ with the Gizmo and GraphQL query languages, adds a /healthz
// endpoint, and puts the API behind guards suitable for a service that may be
// reachable by untrusted clients:
//
//   - Read-only unless explicitly configured otherwise: the write endpoints
//     (/api/v2/write, /api/v2/delete, /api/v2/node/delete) are only mounted
//     when Options.ReadOnly is false and Options.Token is set, and then they
//     require "Authorization: Bearer <token>" (compared in constant time).
//     In read-only mode they answer 403.
//   - Every API request runs under a deadline (Options.QueryTimeout). Cayley's
//     Gizmo engine interrupts its JavaScript VM when the deadline passes, so
//     a runaway query such as `while(true){}` is cut off; the client gets
//     504 Gateway Timeout. A streaming response (/api/v2/read) that outlives
//     the deadline is aborted mid-stream so the client sees a truncated
//     transfer rather than a silently short one.
//   - Request bodies are capped (Options.MaxBodyBytes, 413 beyond it), the
//     number of API requests served at once is capped
//     (Options.MaxConcurrent, 503 with Retry-After beyond it) and Gizmo
//     results are capped (Options.MaxResults).
//   - Error responses are JSON objects {"error": "..."} whose message has
//     stack traces, file paths and source positions removed; panics are
//     answered with a generic 500.
//
// Known limitations, inherited from Cayley v0.7.7:
//
//   - Gizmo runs each query's JavaScript in a goroutine of its own, outside
//     any recover. A few Gizmo methods panic with a Go error on arguments of
//     the wrong type (for example a number as a tag name,
//     g.V().Out("<p>", 1)), and goja re-panics such errors, which terminates
//     the process. Serve Gizmo only to trusted clients, or supervise the
//     process so that it restarts.
//   - goja has no memory or call-depth limit: a query can allocate (or
//     recurse) freely until its deadline. Keep QueryTimeout short.
//   - GraphQL ignores MaxResults; only the deadline bounds it. GraphQL
//     errors are reported by Cayley with status 200 and an "errors" array.
//   - /api/v2/read reads the store in batches of 10000 quads without a
//     context, so the deadline is enforced between batches.
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

	"github.com/cayleygraph/cayley/graph"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	"github.com/julienschmidt/httprouter"

	// Query languages served by /api/v2/query.
	_ "github.com/cayleygraph/cayley/query/gizmo"
	_ "github.com/cayleygraph/cayley/query/graphql"
	// Quad writer implementations ("single").
	_ "github.com/cayleygraph/cayley/writer"
	// N-Quads for /api/v2/read and /api/v2/write.
	_ "github.com/cayleygraph/quad/nquads"
)

// Defaults applied by NewHandler and ListenAndServe to zero Options fields.
const (
	DefaultAddr         = "127.0.0.1:7474"
	DefaultQueryTimeout = 30 * time.Second
	DefaultMaxBodyBytes = 10 << 20
	DefaultMaxResults   = 10000
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
	// QueryTimeout bounds the time spent serving one API request
	// (default 30s).
	QueryTimeout time.Duration
	// MaxBodyBytes caps the size of a request body (default 10 MiB).
	MaxBodyBytes int64
	// MaxResults caps the number of results a Gizmo query returns
	// (default 10000).
	MaxResults int
	// MaxConcurrent caps the number of API requests served at once; extra
	// requests get 503 immediately (default 2*GOMAXPROCS).
	MaxConcurrent int
}

// DefaultOptions returns the defaults: loopback address, read-only, 30s
// query timeout, 10 MiB bodies, 10000 results, 2*GOMAXPROCS concurrent
// requests.
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
	if o.MaxConcurrent <= 0 {
		o.MaxConcurrent = 2 * runtime.GOMAXPROCS(0)
	}
	return o
}

// writable reports whether the write endpoints are enabled.
func (o Options) writable() bool { return !o.ReadOnly && o.Token != "" }

// writePaths are Cayley's mutating endpoints.
var writePaths = []string{"/api/v2/write", "/api/v2/delete", "/api/v2/node/delete"}

// NewHandler returns an http.Handler serving /healthz and Cayley's API v2
// over h, which must not be nil. h.QuadWriter may be nil; when writes are enabled a "single" writer
// is then created for h.QuadStore. See the package documentation for the
// guards applied to API requests.
func NewHandler(h *graph.Handle, opts Options) http.Handler {
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

	g := &guard{
		next:    r,
		timeout: opts.QueryTimeout,
		maxBody: opts.MaxBodyBytes,
		sem:     make(chan struct{}, opts.MaxConcurrent),
	}
	mux := http.NewServeMux()
	mux.Handle("/healthz", healthHandler(h.QuadStore))
	mux.Handle("/api/", g)
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, http.StatusNotFound, "not found")
	}))
	return recoverer(mux)
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

// ListenAndServe listens on opts.Addr and serves NewHandler(h, opts) until
// ctx is cancelled, then shuts down gracefully. It returns nil after a clean
// shutdown.
func ListenAndServe(ctx context.Context, h *graph.Handle, opts Options) error {
	opts = opts.withDefaults()
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	return Serve(ctx, ln, h, opts)
}

// Serve is ListenAndServe on an existing listener (opts.Addr is ignored).
// It closes ln.
//
// The http.Server has ReadHeaderTimeout 10s, ReadTimeout 60s, WriteTimeout
// QueryTimeout+30s, IdleTimeout 120s and MaxHeaderBytes 1 MiB. On shutdown,
// requests in flight get up to QueryTimeout+5s to finish before connections
// are closed.
func Serve(ctx context.Context, ln net.Listener, h *graph.Handle, opts Options) error {
	opts = opts.withDefaults()
	srv := &http.Server{
		Handler:           NewHandler(h, opts),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      opts.QueryTimeout + 30*time.Second,
		IdleTimeout:       120 * time.Second,
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
