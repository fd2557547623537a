package web_test

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/chromedp/chromedp"

	newsgraph "github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/server"
	"github.com/newsgraph/newsgraph/web"
)

// serveStore serves what `newsgraph serve` serves over store, on
// 127.0.0.1:0.
func serveStore(t *testing.T, store *graph.Store) string {
	t.Helper()
	typed, err := api.NewHandler(store, api.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := server.NewHandler(&cgraph.Handle{QuadStore: store.QuadStore()}, server.Options{Routes: web.Routes(typed), GraphQL: store.GraphQL})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// TestBrowserCitesSources: the event page cites each source by its
// headline, linked to its URL, its outlet and its publication date, and
// names a source without them by its document id.
func TestBrowserCitesSources(t *testing.T) {
	ctx := context.Background()
	g, err := newsgraph.Open(ctx, graph.Config{Backend: graph.BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	for _, d := range []extract.Document{
		{ID: "radio-1", Published: "2024-03-06", Title: "Base attacked in Mogadishu", URL: "https://radio.example/base", Source: "Example Radio",
			Text: "Al-Shabaab militants attacked a military base in Mogadishu on Tuesday, killing at least five soldiers, police said."},
		{ID: "note-2", Published: "2024-03-06",
			Text: "Seven soldiers were killed when Al-Shabaab fighters stormed an army base in Mogadishu on Tuesday, officials said."},
	} {
		if _, err := g.Ingest(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	events, err := g.Events(ctx, graph.EventFilter{Type: "Attack"})
	if err != nil || len(events) != 1 || len(events[0].Sources) != 2 {
		t.Fatalf("events %+v (%v): want one attack with two sources", events, err)
	}
	base := serveStore(t, g.Store())
	bctx, _ := browser(t)
	if err := step(bctx, 30*time.Second,
		chromedp.Navigate(base+"/#/event/"+url.PathEscape(events[0].ID)),
		chromedp.WaitVisible(chromedp.CSS(`#view-event li.source`)),
	); err != nil {
		failShot(t, bctx, "cite", "the event page shows no source: %v", err)
	}
	type source struct {
		Doc       string `json:"doc"`
		Title     string `json:"title"`
		Href      string `json:"href"`
		Outlet    string `json:"outlet"`
		Published string `json:"published"`
	}
	got, err := eval[[]source](bctx, `Array.from(document.querySelectorAll("#view-event li.source")).map(li => {
		const text = sel => { const e = li.querySelector(sel); return e ? e.textContent : ""; };
		const a = li.querySelector("a.source-title");
		return {doc: li.dataset.doc, title: text(".source-title"), href: a ? a.href : "",
			outlet: text(".source-outlet"), published: text(".source-published")};
	})`)
	if err != nil {
		failShot(t, bctx, "cite-read", "reading the sources: %v", err)
	}
	want := []source{
		{Doc: "note-2", Title: "note-2", Published: "2024-03-06"},
		{Doc: "radio-1", Title: "Base attacked in Mogadishu", Href: "https://radio.example/base", Outlet: "Example Radio", Published: "2024-03-06"},
	}
	if len(got) != len(want) {
		failShot(t, bctx, "cite-count", "sources %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			failShot(t, bctx, "cite-source", "source %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
