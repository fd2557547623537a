package web_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/server"
	"github.com/newsgraph/newsgraph/web"
)

// chromiumPath finds Debian's chromium. Without it the browser tests fail
// when CI=true and are skipped otherwise.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("NEWSGRAPH_CHROMIUM"), "/usr/bin/chromium"} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed (apt-get install -y chromium); the browser tests need it in CI")
	}
	t.Skip("chromium is not installed (apt-get install -y chromium); skipping the browser tests")
	return ""
}

// serveExplorer serves what `newsgraph serve` serves, over a store of the
// example articles, on 127.0.0.1:0.
func serveExplorer(t *testing.T) string {
	t.Helper()
	store := exampleStore(t)
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

// browser starts a headless chromium with a fresh profile. The first
// action runs on the returned context, without a timeout (a timeout on the
// first call would stop the browser); steps derive their own.
func browser(t *testing.T) (context.Context, *jsErrors) {
	t.Helper()
	exe := chromiumPath(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
	}
	errs := &jsErrors{}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx, chromedp.WithListener(func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			if d := ev.ExceptionDetails; d != nil {
				msg := d.Text
				if d.Exception != nil {
					msg += " " + d.Exception.Description
				}
				errs.add(msg)
			}
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range ev.Args {
					if a != nil {
						parts = append(parts, string(a.Value)+a.Description)
					}
				}
				errs.add("console.error: " + strings.Join(parts, " "))
			}
		}
	}))
	t.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	return ctx, errs
}

// jsErrors collects the page's uncaught exceptions and console errors.
type jsErrors struct {
	mu   sync.Mutex
	list []string
}

func (j *jsErrors) add(s string) {
	j.mu.Lock()
	j.list = append(j.list, s)
	j.mu.Unlock()
}

func (j *jsErrors) get() []string {
	j.mu.Lock()
	defer j.mu.Unlock()
	return append([]string(nil), j.list...)
}

// shoot writes a screenshot of the page to dir/name.png and returns its
// path.
func shoot(ctx context.Context, dir, name string) (string, error) {
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		return "", err
	}
	p := filepath.Join(dir, name+".png")
	return p, os.WriteFile(p, png, 0o644)
}

// failShot fails the test with a screenshot of the page, written to a
// temporary directory that is kept.
func failShot(t *testing.T, ctx context.Context, name string, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	dir, err := os.MkdirTemp("", "newsgraph-browser-test-")
	if err == nil {
		sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		var p string
		if p, err = shoot(sctx, dir, name); err == nil {
			t.Fatalf("%s\nscreenshot: %s", msg, p)
		}
	}
	t.Fatalf("%s\n(no screenshot: %v)", msg, err)
}

// keepShot writes a screenshot to $NEWSGRAPH_SCREENSHOTS, when set, to
// look at the pages.
func keepShot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("NEWSGRAPH_SCREENSHOTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p, err := shoot(ctx, dir, name)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", p)
}

// step runs actions with a time limit.
func step(ctx context.Context, d time.Duration, actions ...chromedp.Action[chromedp.Void]) error {
	sctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	return chromedp.Do(sctx, actions...)
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](ctx context.Context, expr string) (T, error) {
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	return chromedp.Run(sctx, chromedp.Evaluate[T](expr))
}

// The 2024-01-18 Pakistani airstrike on Iran: five sources, 7 to 9 killed.
const pakistanStrike = `.event-row[data-date="2024-01-18"][data-type="Attack"][data-actors*="Pakistan"]`

func TestBrowserTimeline(t *testing.T) {
	base := serveExplorer(t)
	ctx, errs := browser(t)

	if err := step(ctx, 30*time.Second,
		chromedp.Navigate(base+"/#/timeline"),
		chromedp.WaitVisible(chromedp.CSS(pakistanStrike)),
	); err != nil {
		failShot(t, ctx, "timeline", "the timeline shows no 2024-01-18 Pakistani strike: %v", err)
	}
	if err := step(ctx, 20*time.Second,
		chromedp.Click(chromedp.CSS(pakistanStrike+" .badge")), // the row, away from its entity links
		chromedp.WaitVisible(chromedp.CSS(`#event-detail .event-detail`)),
	); err != nil {
		failShot(t, ctx, "timeline-click", "clicking the strike shows no detail: %v", err)
	}
	type detail struct {
		Sources []string `json:"sources"`
		Killed  string   `json:"killed"`
		Heading string   `json:"heading"`
		Claims  []string `json:"claims"`
		Marks   int      `json:"marks"`
		Date    string   `json:"date"`
	}
	d, err := eval[detail](ctx, `(() => {
		const box = document.getElementById("event-detail");
		const all = sel => Array.from(box.querySelectorAll(sel));
		return {
			sources: all("li.source").map(s => s.dataset.doc),
			killed: box.querySelector(".killed").textContent,
			heading: box.querySelector("h3").textContent,
			claims: all(".claim-killed").map(s => s.textContent),
			marks: all("blockquote.evidence mark").length,
			date: box.querySelector("h2").textContent,
		};
	})()`)
	if err != nil {
		failShot(t, ctx, "detail", "reading the detail: %v", err)
	}
	if len(d.Sources) != 5 || !strings.HasPrefix(d.Heading, "5 sources") {
		failShot(t, ctx, "detail-sources", "%d sources shown (heading %q), want 5: %v", len(d.Sources), d.Heading, d.Sources)
	}
	if d.Killed != "7–9" {
		failShot(t, ctx, "detail-killed", "killed %q, want 7–9", d.Killed)
	}
	has := map[string]bool{}
	for _, c := range d.Claims {
		has[c] = true
	}
	if !has["killed 9"] || !has["killed 7"] {
		failShot(t, ctx, "detail-claims", "the sources' figures are %q, want 9 and 7 among them", d.Claims)
	}
	if !strings.Contains(d.Date, "2024-01-18") || d.Marks == 0 {
		failShot(t, ctx, "detail-evidence", "heading %q, %d highlighted names in the evidence", d.Date, d.Marks)
	}
	keepShot(t, ctx, "timeline")

	// Filtering by country keeps the strike on Iran and drops Iran's strike
	// on Pakistan the same day.
	if err := step(ctx, 20*time.Second,
		chromedp.SetValue(chromedp.ID("f-country"), "Iran"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("f-country").dispatchEvent(new Event("change"))`),
		chromedp.WaitNotPresent(chromedp.CSS(`.event-row[data-date="2024-01-18"][data-actors="Iran"]`)),
		chromedp.WaitVisible(chromedp.CSS(pakistanStrike)),
	); err != nil {
		failShot(t, ctx, "filter", "filtering by country: %v", err)
	}
	if e := errs.get(); len(e) > 0 {
		failShot(t, ctx, "errors", "JavaScript errors: %q", e)
	}
}

func TestBrowserViews(t *testing.T) {
	base := serveExplorer(t)
	ctx, errs := browser(t)

	// Graph: actors and events, with the retaliation link.
	if err := step(ctx, 30*time.Second,
		chromedp.Navigate(base+"/#/graph"),
		chromedp.WaitVisible(chromedp.CSS(`#graph .gentity`)),
	); err != nil {
		failShot(t, ctx, "graph", "graph view: %v", err)
	}
	nodes, err1 := eval[int](ctx, `document.querySelectorAll("#graph .gnode").length`)
	retaliation, err2 := eval[int](ctx, `document.querySelectorAll("#graph .link-retaliation").length`)
	if err1 != nil || err2 != nil || nodes < 10 || retaliation == 0 {
		failShot(t, ctx, "graph-nodes", "graph: %d nodes, %d retaliation links (%v, %v)", nodes, retaliation, err1, err2)
	}
	keepShot(t, ctx, "graph")

	// Map: outlines and event markers.
	openMap(t, ctx, base, "map")
	countries, err1 := eval[int](ctx, `document.querySelectorAll("#map .country").length`)
	points, err2 := eval[int](ctx, `document.querySelectorAll("#map .map-event").length`)
	if err1 != nil || err2 != nil || countries < 100 || points < 5 {
		failShot(t, ctx, "map-points", "map: %d countries, %d points (%v, %v)", countries, points, err1, err2)
	}
	keepShot(t, ctx, "map")

	// Entity page: aliases, events, evidence with the names highlighted.
	if err := step(ctx, 30*time.Second,
		chromedp.Navigate(base+"/#/entity/https%3A%2F%2Fnewsgraph.org%2Fid%2Fentity%2Fregion%2Fir-11"),
		chromedp.WaitVisible(chromedp.CSS(`#view-entity .entity-name`)),
	); err != nil {
		failShot(t, ctx, "entity", "entity page: %v", err)
	}
	type entityPage struct {
		Name  string `json:"name"`
		Rows  int    `json:"rows"`
		Marks string `json:"marks"`
	}
	e, err := eval[entityPage](ctx, `({
		name: document.querySelector("#view-entity .entity-name").textContent,
		rows: document.querySelectorAll("#view-entity table tbody tr").length,
		marks: Array.from(document.querySelectorAll("#view-entity .entity-sources mark")).map(m => m.textContent).join("|"),
	})`)
	if err != nil || !strings.Contains(e.Name, "Sistan and Baluchestan") || e.Rows == 0 || !strings.Contains(strings.ToLower(e.Marks), "sistan") {
		failShot(t, ctx, "entity-content", "entity page: %+v (%v)", e, err)
	}
	keepShot(t, ctx, "entity")

	// Query box: the example queries one click away, results as a table.
	for _, ex := range []string{"who-struck-whom.js", "who-struck-whom.graphql", "sources-casualties.js", "typed: attacks with sources"} {
		sel := fmt.Sprintf(`#examples button[data-name=%q]`, ex)
		if err := step(ctx, 30*time.Second,
			chromedp.Navigate(base+"/#/query"),
			chromedp.WaitVisible(chromedp.CSS(sel)),
			chromedp.Evaluate[chromedp.Void](`document.getElementById("q-result").textContent = ""`),
			chromedp.Click(chromedp.CSS(sel)),
			chromedp.WaitVisible(chromedp.CSS(`#q-result table.results tbody tr`)),
		); err != nil {
			failShot(t, ctx, "query", "example %s: %v", ex, err)
		}
		cells, err := eval[int](ctx, `document.querySelectorAll("#q-result table.results tbody td").length`)
		if err != nil || cells < 4 {
			failShot(t, ctx, "query-cells", "example %s: %d cells (%v)", ex, cells, err)
		}
		if ex == "who-struck-whom.js" {
			keepShot(t, ctx, "query")
		}
	}
	if e := errs.get(); len(e) > 0 {
		failShot(t, ctx, "errors", "JavaScript errors: %q", e)
	}
}
