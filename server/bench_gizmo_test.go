package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
)

// BenchmarkGizmoQuery measures one small Gizmo query through the whole
// handler (guard, session with its wrappers, JSON answer).
func BenchmarkGizmoQuery(b *testing.B) {
	h := NewHandler(&graph.Handle{QuadStore: memstore.New(testQuads()...)}, Options{})
	q := `g.V("<https://newsgraph.org/id/event/1>").Out("<https://newsgraph.org/ns#actor>").Out("<https://newsgraph.org/ns#name>").All()`
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest("POST", "http://127.0.0.1/api/v2/query?lang=gizmo", strings.NewReader(q))
		req.Header.Set("Content-Type", "application/javascript")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("%d %s", w.Code, w.Body)
		}
	}
}
