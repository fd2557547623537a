package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	graphql "github.com/graph-gophers/graphql-go"
	gqlerrors "github.com/graph-gophers/graphql-go/errors"

	"github.com/newsgraph/newsgraph/graph"
)

// Defaults applied to zero Options fields.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBodyBytes = 1 << 20
	DefaultMaxDepth     = 12
)

// Options configures NewHandler.
type Options struct {
	// Timeout bounds one request (default 30s).
	Timeout time.Duration
	// MaxBodyBytes caps a POST body (default 1 MiB).
	MaxBodyBytes int64
	// MaxDepth caps the nesting of a query (default 12). Introspection
	// queries (only __schema, __type and __typename) have limits of
	// their own: see IntrospectionMaxDepth.
	MaxDepth int
}

// NewSchema parses the GraphQL schema over store, with the depth limit of
// ordinary queries (opts.MaxDepth).
func NewSchema(store *graph.Store, opts Options) (*graphql.Schema, error) {
	if opts.MaxDepth <= 0 {
		opts.MaxDepth = DefaultMaxDepth
	}
	return parseSchema(store, opts.MaxDepth)
}

func parseSchema(store *graph.Store, maxDepth int) (*graphql.Schema, error) {
	return graphql.ParseSchema(schemaText, &queryResolver{store: store},
		graphql.MaxDepth(maxDepth), graphql.UseStringDescriptions(),
		graphql.PanicHandler(panicHandler{}))
}

// panicHandler reports a panic in a resolver as a generic error: the
// panic's value (logged by graphql-go with its stack) is not for clients.
type panicHandler struct{}

func (panicHandler) MakePanicError(context.Context, any) *gqlerrors.QueryError {
	return gqlerrors.Errorf("internal server error")
}

// Handler serves the GraphQL API: POST with a JSON body {"query",
// "variables", "operationName"} (or an application/graphql body), and GET
// with ?query=&variables=&operationName=. Answers are JSON {"data",
// "errors"}, with status 200 once the request could be read, as GraphQL
// over HTTP has it.
type Handler struct {
	store  *graph.Store
	schema *graphql.Schema
	// introspection serves introspection queries, with their own depth
	// limit; gate tells them apart.
	introspection *graphql.Schema
	gate          *gate
	opts          Options
}

// NewHandler returns the GraphQL handler over store.
func NewHandler(store *graph.Store, opts Options) (*Handler, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	s, err := NewSchema(store, opts)
	if err != nil {
		return nil, fmt.Errorf("api: schema: %w", err)
	}
	is, err := parseSchema(store, IntrospectionMaxDepth)
	if err != nil {
		return nil, fmt.Errorf("api: schema: %w", err)
	}
	g, err := newGate()
	if err != nil {
		return nil, fmt.Errorf("api: introspection schema: %w", err)
	}
	return &Handler{store: store, schema: s, introspection: is, gate: g, opts: opts}, nil
}

type request struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req request
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		q := r.URL.Query()
		req.Query = q.Get("query")
		req.OperationName = q.Get("operationName")
		if v := q.Get("variables"); v != "" {
			if err := json.Unmarshal([]byte(v), &req.Variables); err != nil {
				writeError(w, http.StatusBadRequest, "variables: "+err.Error())
				return
			}
		}
	case http.MethodPost:
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.opts.MaxBodyBytes))
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body exceeds %d bytes", h.opts.MaxBodyBytes))
				return
			}
			writeError(w, http.StatusBadRequest, "reading the body: "+err.Error())
			return
		}
		ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if ct == "application/graphql" {
			req.Query = string(body)
		} else if err := json.Unmarshal(body, &req); err != nil {
			writeError(w, http.StatusBadRequest, "the body must be JSON {\"query\": …, \"variables\": …}: "+err.Error())
			return
		}
	default:
		w.Header().Set("Allow", "GET, POST")
		writeError(w, http.StatusMethodNotAllowed, "method not allowed")
		return
	}
	if strings.TrimSpace(req.Query) == "" {
		writeError(w, http.StatusBadRequest, "no query: send {\"query\": \"{ events { totalCount } }\"}")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.opts.Timeout)
	defer cancel()
	ctx = context.WithValue(ctx, ctxKey{}, newLoader(h.store))
	resp := h.exec(ctx, req)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(resp)
}

// exec runs a request: an introspection query on the introspection
// schema, any other on the schema with the ordinary limits.
func (h *Handler) exec(ctx context.Context, req request) *graphql.Response {
	schema := h.schema
	ok, qerr := h.gate.introspection(req.Query, req.Variables)
	switch {
	case qerr != nil:
		return &graphql.Response{Errors: []*gqlerrors.QueryError{qerr}}
	case ok:
		schema = h.introspection
	}
	return schema.Exec(ctx, req.Query, req.OperationName, req.Variables)
}

// writeError answers a request that could not be executed, in the
// GraphQL response shape.
func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]string{{"message": msg}}})
}
