// Package web is newsgraph's explorer: a single page, served from assets
// embedded in the binary, that shows the graph as a timeline of events, a
// graph of who struck whom, a map of event places, entity pages with the
// evidence of every source, and a query box for Gizmo and GraphQL.
//
// The page talks to the typed GraphQL API (package api) at /graphql and to
// Cayley's HTTP API at /api/v2/query; `newsgraph serve` mounts all three
// on one server (package server, with Routes), behind the same limits. Everything it loads comes from the binary: the scripts
// and styles are plain JavaScript and CSS in static/, and the map's country
// outlines (static/world.json) are converted from the npm package
// world-atlas by build.sh, which also copies the example queries of
// examples/queries into static/examples. The built files are committed, so
// `go build` needs no npm.
package web

import (
	"embed"
	"encoding/json"
	"io/fs"
	"net/http"
	"path"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/server"
)

//go:generate sh build.sh examples

//go:embed static
var static embed.FS

// Assets returns the embedded files (index.html, app.js, style.css,
// world.json, favicon.ico, examples/…).
func Assets() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err)
	}
	return sub
}

// Example is one ready-made query the page offers.
type Example struct {
	// Name is the file name ("who-struck-whom.js").
	Name string `json:"name"`
	// Lang is "gizmo" or "graphql" (Cayley's GraphQL).
	Lang string `json:"lang"`
	// Query is the file's text.
	Query string `json:"query"`
}

// Examples returns the example queries embedded from examples/queries.
func Examples() ([]Example, error) {
	assets := Assets()
	entries, err := fs.ReadDir(assets, "examples")
	if err != nil {
		return nil, err
	}
	out := []Example{}
	for _, e := range entries {
		lang := ""
		switch path.Ext(e.Name()) {
		case ".js":
			lang = "gizmo"
		case ".graphql":
			lang = "graphql"
		default:
			continue
		}
		b, err := fs.ReadFile(assets, "examples/"+e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, Example{Name: e.Name(), Lang: lang, Query: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Handler serves the explorer: the page at /, its assets, its icon at
// /favicon.ico and /examples.json (the example queries). Unknown paths
// get 404.
func Handler() http.Handler {
	files := http.FileServerFS(Assets())
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		// Everything is served from here: no scripts, styles, images or
		// connections elsewhere.
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
		h.Set("Referrer-Policy", "no-referrer")
		switch {
		case r.URL.Path == "/examples.json":
			ex, err := Examples()
			if err != nil {
				http.Error(w, "examples: "+err.Error(), http.StatusInternalServerError)
				return
			}
			h.Set("Content-Type", "application/json; charset=utf-8")
			json.NewEncoder(w).Encode(ex)
			return
		case r.URL.Path == "/favicon.ico":
			// the icon browsers ask for on their own (a 32×32 PNG in an
			// ICO container); Go's table of types lacks .ico
			h.Set("Content-Type", "image/x-icon")
			h.Set("Cache-Control", "max-age=86400")
			http.ServeFileFS(w, r, Assets(), "favicon.ico")
			return
		case r.URL.Path == "/" || r.URL.Path == "/index.html":
			h.Set("Cache-Control", "no-cache")
			http.ServeFileFS(w, r, Assets(), "index.html")
			return
		case strings.HasSuffix(r.URL.Path, "/"):
			http.NotFound(w, r)
			return
		}
		h.Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}

// Routes are the routes `newsgraph serve` mounts next to Cayley's API
// (server.Options.Routes): typed (package api's handler) at /graphql, under
// the server's query limits, and the explorer (Handler) at / for every
// other path, as static files.
func Routes(typed http.Handler) []server.Route {
	return []server.Route{
		{Pattern: "/graphql", Handler: typed, GraphQL: true},
		{Pattern: "/", Handler: Handler(), Static: true},
	}
}
