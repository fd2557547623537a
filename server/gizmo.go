package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"

	"github.com/cayleygraph/cayley/graph"
	cquery "github.com/cayleygraph/cayley/query"

	"github.com/newsgraph/newsgraph/server/safegizmo"
)

// gizmoHandler serves /api/v2/query?lang=gizmo in place of Cayley's
// handler, with the sessions of package safegizmo: no query can end the
// process, and each has a memory budget. Its answers have the shape of
// Cayley's: {"result": [...]} or {"error": "..."} with status 400.
type gizmoHandler struct {
	qs    graph.QuadStore
	gov   *safegizmo.Governor
	limit int // results per query
}

func (h *gizmoHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var qu string
	switch r.Method {
	case http.MethodGet:
		qu = r.URL.Query().Get("qu")
	case http.MethodPost:
		// The guard caps the body (413 beyond MaxBodyBytes).
		data, err := io.ReadAll(r.Body)
		if err != nil {
			writeError(w, http.StatusBadRequest, "reading the query: "+err.Error())
			return
		}
		qu = string(data)
	default:
		w.Header().Set("Allow", "GET, POST")
		writeError(w, http.StatusMethodNotAllowed, "method not allowed")
		return
	}
	if qu == "" {
		writeError(w, http.StatusBadRequest, "query is empty")
		return
	}
	ses, err := safegizmo.NewSession(h.qs, h.gov)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	opt := cquery.Options{Collation: collation(r), Limit: h.limit}
	ctx := r.Context()
	it, err := ses.Execute(ctx, qu, opt)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	defer it.Close()
	var out []interface{}
	for it.Next(ctx) {
		out = append(out, it.Result())
	}
	if err := it.Err(); err != nil {
		if msg, ok := safegizmo.Interrupted(err); ok {
			writeError(w, http.StatusBadRequest, msg)
			return
		}
		if errors.Is(err, ctx.Err()) {
			writeError(w, http.StatusGatewayTimeout, err.Error())
			return
		}
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	ct := "application/json"
	if opt.Collation == cquery.JSONLD {
		ct = "application/ld+json"
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(map[string]interface{}{"result": out}); err != nil {
		writeError(w, http.StatusBadRequest, "the results cannot be written as JSON: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Write(buf.Bytes())
}

// collation picks JSON-LD when the client asks for it first, JSON
// otherwise, as Cayley does.
func collation(r *http.Request) cquery.Collation {
	if a := r.Header.Get("Accept"); a != "" {
		if mt, _, err := mime.ParseMediaType(firstMediaRange(a)); err == nil && mt == "application/ld+json" {
			return cquery.JSONLD
		}
	}
	return cquery.JSON
}

// firstMediaRange returns the first entry of an Accept header.
func firstMediaRange(a string) string {
	for i := 0; i < len(a); i++ {
		if a[i] == ',' {
			return a[:i]
		}
	}
	return a
}
