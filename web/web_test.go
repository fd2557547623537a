package web_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"

	newsgraph "github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/server"
	"github.com/newsgraph/newsgraph/web"
)

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..")
}

var (
	storeOnce sync.Once
	testStore *graph.Store
	storeErr  error
)

// exampleStore is a memory store holding the example articles.
func exampleStore(t *testing.T) *graph.Store {
	t.Helper()
	storeOnce.Do(func() {
		ctx := context.Background()
		g, err := newsgraph.Open(ctx, graph.Config{Backend: graph.BackendMemory})
		if err != nil {
			storeErr = err
			return
		}
		if _, err := g.IngestPaths(ctx, []string{filepath.Join(repoRoot(), "examples", "articles")}, ""); err != nil {
			storeErr = err
			return
		}
		testStore = g.Store()
	})
	if storeErr != nil {
		t.Fatal(storeErr)
	}
	return testStore
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(b)
}

func TestHandler(t *testing.T) {
	srv := httptest.NewServer(web.Handler())
	defer srv.Close()
	resp, body := get(t, srv.URL+"/")
	if resp.StatusCode != 200 || !strings.Contains(body, "<title>newsgraph explorer</title>") || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("/: %d %q", resp.StatusCode, body)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("CSP %q", csp)
	}
	// Every script and style the page loads is served from here.
	for _, ref := range []string{"app.js", "style.css", "world.json", "LICENSE.world-atlas"} {
		resp, b := get(t, srv.URL+"/"+ref)
		if resp.StatusCode != 200 || len(b) < 100 {
			t.Errorf("%s: %d, %d bytes", ref, resp.StatusCode, len(b))
		}
	}
	if strings.Contains(body, "http://") || strings.Contains(body, "https://") {
		t.Errorf("index.html refers to another site")
	}
	resp, _ = get(t, srv.URL+"/nope.js")
	if resp.StatusCode != 404 {
		t.Errorf("unknown file: %d", resp.StatusCode)
	}
	resp, _ = get(t, srv.URL+"/examples/")
	if resp.StatusCode != 404 {
		t.Errorf("directory listing: %d", resp.StatusCode)
	}
	resp, err := http.Post(srv.URL+"/", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 405 {
		t.Errorf("POST /: %d", resp.StatusCode)
	}

	resp, body = get(t, srv.URL+"/examples.json")
	var exs []web.Example
	if err := json.Unmarshal([]byte(body), &exs); err != nil || resp.StatusCode != 200 {
		t.Fatalf("examples.json: %d %v %s", resp.StatusCode, err, body)
	}
	langs := map[string]int{}
	for _, e := range exs {
		langs[e.Lang]++
	}
	if langs["gizmo"] == 0 || langs["graphql"] == 0 {
		t.Errorf("examples: %v", langs)
	}
}

// TestFavicon checks that the icon browsers ask for is answered with an
// image that decodes (a PNG inside an ICO container).
func TestFavicon(t *testing.T) {
	srv := httptest.NewServer(web.Handler())
	defer srv.Close()
	resp, body := get(t, srv.URL+"/favicon.ico")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/x-icon" {
		t.Fatalf("/favicon.ico: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	b := []byte(body)
	if len(b) < 22 || !bytes.Equal(b[:4], []byte{0, 0, 1, 0}) {
		t.Fatalf("not an ICO file: % x", b[:min(len(b), 8)])
	}
	offset := binary.LittleEndian.Uint32(b[18:22])
	img, err := png.Decode(bytes.NewReader(b[offset:]))
	if err != nil || img.Bounds().Dx() != int(b[6]) {
		t.Errorf("icon image: %v, %v", err, img)
	}
}

// TestExamplesInSync checks that the embedded example queries are those of
// examples/queries (web/build.sh copies them).
func TestExamplesInSync(t *testing.T) {
	dir := filepath.Join(repoRoot(), "examples", "queries")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	exs, err := web.Examples()
	if err != nil {
		t.Fatal(err)
	}
	embedded := map[string]string{}
	for _, e := range exs {
		embedded[e.Name] = e.Query
	}
	n := 0
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); ext != ".js" && ext != ".graphql" {
			continue
		}
		n++
		want, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := embedded[e.Name()]; !ok || got != string(want) {
			t.Errorf("web/static/examples/%s differs from examples/queries (run sh web/build.sh)", e.Name())
		}
	}
	if n != len(exs) {
		t.Errorf("%d example queries embedded, %d in examples/queries (run sh web/build.sh)", len(exs), n)
	}
}

// TestRoutes checks the mount: the explorer, the typed API and Cayley's API
// on one server, as `newsgraph serve` has them.
func TestRoutes(t *testing.T) {
	store := exampleStore(t)
	typed, err := api.NewHandler(store, api.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.NewHandler(&cgraph.Handle{QuadStore: store.QuadStore()}, server.Options{Routes: web.Routes(typed)}))
	defer srv.Close()
	if resp, body := get(t, srv.URL+"/healthz"); resp.StatusCode != 200 || !strings.Contains(body, `"ok"`) {
		t.Errorf("healthz: %d %s", resp.StatusCode, body)
	}
	if resp, body := get(t, srv.URL+"/"); resp.StatusCode != 200 || !strings.Contains(body, "app.js") {
		t.Errorf("/: %d", resp.StatusCode)
	}
	q, _ := json.Marshal(map[string]string{"query": `{ events(type: Attack, first: 1) { totalCount nodes { type } } }`})
	resp, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(q))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"type":"Attack"`) {
		t.Errorf("/graphql: %d %s", resp.StatusCode, b)
	}
	resp, err = http.Post(srv.URL+"/api/v2/query?lang=gizmo", "application/javascript",
		strings.NewReader(`g.V("<https://newsgraph.org/id/entity/country/pk>").Out("<https://newsgraph.org/ns#name>").All()`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "Pakistan") {
		t.Errorf("/api/v2/query: %d %s", resp.StatusCode, b)
	}
	// Cayley's write endpoint stays read-only behind the mount.
	resp, err = http.Post(srv.URL+"/api/v2/write", "application/n-quads", strings.NewReader(""))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 403 {
		t.Errorf("write: %d", resp.StatusCode)
	}
}
