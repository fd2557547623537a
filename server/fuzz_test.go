package server

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
)

// Gizmo's callable surface (Cayley v0.7.7), for the fuzzer: every path
// method (lower-case and capitalised names share one implementation, so
// one spelling each), the graph object's methods and the value helpers.
var (
	fuzzPathMethods = []string{
		"is", "in", "out", "both", "follow", "followR", "followRecursive",
		"and", "intersect", "union", "or", "back", "tag", "as", "has", "hasR",
		"save", "saveR", "saveOpt", "saveOptR", "except", "unique",
		"difference", "labels", "inPredicates", "outPredicates",
		"saveInPredicates", "saveOutPredicates", "labelContext", "filter",
		"limit", "skip", "order", "count", "all", "getLimit", "toArray",
		"tagArray", "toValue", "tagValue", "map", "forEach",
		"Out", "ForEach", "All", "ToArray",
	}
	fuzzGraphMethods = []string{"V", "Vertex", "M", "Morphism", "Emit", "IRI", "Uri", "AddNamespace", "AddDefaultNamespaces", "LoadNamespaces"}
	fuzzHelpers      = []string{"iri", "bnode", "raw", "str", "lang", "typed", "lt", "lte", "gt", "gte", "regex", "like"}
	// fuzzArgs are arguments of every JavaScript type: strings, numbers,
	// booleans, objects, functions, arrays, null, undefined, g, paths,
	// helper values, dates, cyclic and nested values.
	fuzzArgs = []string{
		`"<https://newsgraph.org/ns#actor>"`, `""`, `"x"`, `"*"`,
		`0`, `1`, `-1`, `1.5`, `1e9`, `NaN`, `Infinity`, `true`, `false`,
		`{}`, `{a: 1}`, `{id: "<p>", out: g}`,
		`function(){}`, `function(d){ return d }`, `function(d){ g.Emit(d) }`,
		`[]`, `["<p>"]`, `[1, {}]`, `[[g.V()]]`, `[null, undefined]`,
		`null`, `undefined`, `g`, `graph`,
		`g.V()`, `g.M().Out("<p>")`, `g.V().Tag("t")`, `g.V().ToArray()`,
		`iri("p")`, `lt(1)`, `regex("a")`, `like("a%")`, `str("s")`,
		`new Date(0)`, `cyc`, `deep`, `sparse`, `arguments`,
	}
)

// fuzzQuery turns fuzz bytes into a Gizmo query: a chain of method calls
// on g or a helper, each with up to three arguments, ended by a final
// method. Every byte choice is taken modulo the length of its list, so
// every input is a query.
func fuzzQuery(data []byte) string {
	i := 0
	next := func() int {
		if i >= len(data) {
			return 0
		}
		i++
		return int(data[i-1])
	}
	args := func() string {
		n := next() % 4
		var a []string
		for k := 0; k < n; k++ {
			a = append(a, fuzzArgs[next()%len(fuzzArgs)])
		}
		return "(" + strings.Join(a, ", ") + ")"
	}
	var b strings.Builder
	b.WriteString("var cyc = {}; cyc.self = cyc; var deep = \"<p>\"; for (var i = 0; i < 50; i++) deep = [deep]; var sparse = []; sparse[1e8] = 1;\n")
	switch next() % 3 {
	case 0:
		b.WriteString("g." + fuzzGraphMethods[next()%len(fuzzGraphMethods)] + args())
	case 1:
		b.WriteString(fuzzHelpers[next()%len(fuzzHelpers)] + args() + ";\ng.V()")
	default:
		b.WriteString("g.V()")
	}
	for i < len(data) {
		b.WriteString("." + fuzzPathMethods[next()%len(fuzzPathMethods)] + args())
	}
	return b.String()
}

// fuzzClient bounds a fuzz request's time well beyond the server's query
// timeout, so that a hang is reported with its query.
var fuzzClient = &http.Client{Timeout: time.Minute}

// fuzzServer is the server of FuzzGizmoCalls, one per fuzzing process.
var fuzzServer struct {
	once sync.Once
	base string
	err  error
}

// FuzzGizmoCalls sends generated calls of every Gizmo path method, graph
// method and value helper, with arguments of every JavaScript type, to a
// real server on loopback, and checks that the server still answers
// /healthz afterwards and never answers 500 (a panic that reached the
// HTTP layer). Before package safegizmo, the seeds under
// testdata/fuzz/FuzzGizmoCalls ended the process.
func FuzzGizmoCalls(f *testing.F) {
	for _, seed := range [][]byte{
		{2, 2, 2, 0, 4},  // g.V().out("<p>", 0)-like: a number as a tag
		{2, 3, 1, 13},    // g.V().both({})
		{2, 2, 1, 16},    // g.V().out(function(){})
		{2, 2, 1, 27},    // g.V().out(g)
		{1, 0, 1, 13, 2}, // iri({})
	} {
		f.Add(seed)
	}
	fuzzServer.once.Do(func() {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			fuzzServer.err = err
			return
		}
		qs := memstore.New(testQuads()...)
		h := &graph.Handle{QuadStore: qs}
		go Serve(context.Background(), ln, h, Options{QueryTimeout: 5 * time.Second, MaxConcurrent: 4})
		fuzzServer.base = "http://" + ln.Addr().String()
	})
	if fuzzServer.err != nil {
		f.Fatal(fuzzServer.err)
	}
	base := fuzzServer.base
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64 {
			data = data[:64]
		}
		q := fuzzQuery(data)
		req, _ := http.NewRequest("POST", base+"/api/v2/query?lang=gizmo", strings.NewReader(q))
		req.Header.Set("Content-Type", "application/javascript")
		resp, err := fuzzClient.Do(req)
		if err != nil {
			t.Fatalf("query %s: %v (the server has died or hangs)", q, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		switch resp.StatusCode {
		case 200, 400, 504:
		default:
			t.Fatalf("query %s: %d %s", q, resp.StatusCode, body)
		}
		getHealthz(t, base)
	})
}
