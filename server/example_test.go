package server_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/server"
)

func ExampleNewHandler() {
	qs := memstore.New(quad.Quad{
		Subject:   quad.IRI("https://newsgraph.org/id/actor/1"),
		Predicate: quad.IRI("https://newsgraph.org/ns#name"),
		Object:    quad.String("Armed Forces"),
	})
	// Zero Options: read-only, 30s query timeout, loopback defaults.
	srv := httptest.NewServer(server.NewHandler(&graph.Handle{QuadStore: qs}, server.Options{}))
	defer srv.Close()

	resp, err := http.Get(srv.URL + "/healthz")
	if err != nil {
		fmt.Println(err)
		return
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Print(string(body))

	resp, err = http.Post(srv.URL+"/api/v2/query?lang=gizmo", "application/javascript",
		strings.NewReader(`g.V("<https://newsgraph.org/id/actor/1>").Out("<https://newsgraph.org/ns#name>").All()`))
	if err != nil {
		fmt.Println(err)
		return
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Print(string(body))

	resp, err = http.Post(srv.URL+"/api/v2/write", "application/n-quads", strings.NewReader(""))
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	fmt.Println(resp.StatusCode)
	// Output:
	// {"status":"ok","quads":1}
	// {"result":[{"id":"Armed Forces"}]}
	// 403
}
