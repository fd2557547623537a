package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// mapEvent is an event as the map test reads it from /graphql.
type mapEvent struct {
	ID     string `json:"id"`
	Type   string `json:"type"`
	Places []struct {
		Name  string   `json:"name"`
		Class string   `json:"class"`
		Lat   *float64 `json:"lat"`
	} `json:"places"`
	Country *struct {
		Name string `json:"name"`
	} `json:"country"`
}

// locatedEvents asks base's /graphql for the events between since and
// until ("" for no bound) and returns the ids of those the map can place:
// with a place that has coordinates, or a country whose outline the map
// draws.
func locatedEvents(t *testing.T, base, since, until string) []string {
	t.Helper()
	vars := map[string]string{}
	if since != "" {
		vars["since"] = since
	}
	if until != "" {
		vars["until"] = until
	}
	_, located := selectedEvents(t, base, vars)
	return located
}

// selectedEvents asks base's /graphql for the events that the filters
// vars (type, country, since, until) select, and returns the ids of them
// all and of those the map can place (as locatedEvents).
func selectedEvents(t *testing.T, base string, vars map[string]string) (all, located []string) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{
		"query": `query($type: EventType, $country: String, $since: Date, $until: Date) {
		  events(type: $type, country: $country, since: $since, until: $until) { nodes { id type places { name class lat } country { name } } } }`,
		"variables": vars,
	})
	resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		Data struct {
			Events struct {
				Nodes []mapEvent `json:"nodes"`
			} `json:"events"`
		} `json:"data"`
		Errors []any `json:"errors"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil || len(r.Errors) > 0 {
		t.Fatalf("graphql: %v %v", err, r.Errors)
	}
	outlines := worldCountries(t)
	for _, e := range r.Data.Events.Nodes {
		all = append(all, e.ID)
		ok := e.Country != nil && outlines[e.Country.Name]
		for _, p := range e.Places {
			ok = ok || p.Lat != nil || (p.Class == "Country" && outlines[p.Name])
		}
		if ok {
			located = append(located, e.ID)
		}
	}
	slices.Sort(all)
	slices.Sort(located)
	return all, located
}

// worldCountries are the names of the country outlines the map draws.
func worldCountries(t *testing.T) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(), "web", "static", "world.json"))
	if err != nil {
		t.Fatal(err)
	}
	var w struct {
		Countries []struct {
			Name string `json:"name"`
		} `json:"countries"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, c := range w.Countries {
		names[c.Name] = true
	}
	return names
}

// mapState is what the map shows: its event markers and its visible
// labels with their boxes in the map's coordinates.
type mapState struct {
	Markers []struct {
		ID   string `json:"id"`
		Type string `json:"type"`
	} `json:"markers"`
	Labels []struct {
		Text string  `json:"text"`
		X    float64 `json:"x"`
		Y    float64 `json:"y"`
		W    float64 `json:"w"`
		H    float64 `json:"h"`
	} `json:"labels"`
}

const readMap = `(() => {
	const visible = e => { const s = getComputedStyle(e); return s.display !== "none" && s.visibility !== "hidden" && e.textContent.trim() !== ""; };
	return {
		markers: Array.from(document.querySelectorAll("#map .map-event")).map(m => ({id: m.dataset.id, type: m.dataset.type || ""})),
		labels: Array.from(document.querySelectorAll("#map text")).filter(visible).map(t => {
			const b = t.getBBox();
			return {text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height};
		}),
	};
})()`

// checkMap fails the test unless the map's markers are exactly the events
// want, each with its type, and no two visible labels overlap.
func checkMap(t *testing.T, ctx context.Context, name string, want []string) mapState {
	t.Helper()
	m, err := eval[mapState](ctx, readMap)
	if err != nil {
		failShot(t, ctx, name, "reading the map: %v", err)
	}
	var ids []string
	for _, mk := range m.Markers {
		if mk.Type == "" {
			failShot(t, ctx, name+"-type", "marker %s has no data-type", mk.ID)
		}
		ids = append(ids, mk.ID)
	}
	slices.Sort(ids)
	if !slices.Equal(ids, want) {
		failShot(t, ctx, name+"-markers", "%d markers %q, want one per located event: %d %q", len(ids), ids, len(want), want)
	}
	for i, a := range m.Labels {
		for _, b := range m.Labels[i+1:] {
			if a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H {
				failShot(t, ctx, name+"-overlap", "labels %q %+v and %q %+v overlap", a.Text, a, b.Text, b)
			}
		}
	}
	return m
}

// openMap shows the explorer's map and waits for its first event marker;
// a failure is reported with a screenshot named shot.
func openMap(t *testing.T, ctx context.Context, base, shot string) {
	t.Helper()
	if err := step(ctx, 30*time.Second,
		chromedp.Navigate(base+"/#/map"),
		chromedp.WaitVisible(chromedp.CSS(`#map .map-event`)),
	); err != nil {
		failShot(t, ctx, shot, "map view: %v", err)
	}
}

// TestBrowserMap: the map shows one marker per located event the filters
// select, its labels never cover one another, and narrowing the dates
// leaves fewer markers.
func TestBrowserMap(t *testing.T) {
	base := serveExplorer(t)
	ctx, errs := browser(t)
	openMap(t, ctx, base, "map")
	all := locatedEvents(t, base, "", "")
	m := checkMap(t, ctx, "map-all", all)
	var texts []string
	for _, l := range m.Labels {
		texts = append(texts, l.Text)
	}
	if len(texts) < 4 || !slices.Contains(texts, "Saravan") || !slices.Contains(texts, "Panjgur") {
		failShot(t, ctx, "map-labels", "visible labels %q, want Saravan, Panjgur and at least four in all", texts)
	}
	keepShot(t, ctx, "map-events")

	// One day: the strikes of 2024-01-18 only.
	day := locatedEvents(t, base, "2024-01-18", "2024-01-18")
	if len(day) == 0 || len(day) >= len(all) {
		t.Fatalf("%d located events on 2024-01-18 of %d: the examples changed", len(day), len(all))
	}
	if err := step(ctx, 20*time.Second,
		chromedp.SetValue(chromedp.ID("f-since"), "2024-01-18"),
		chromedp.SetValue(chromedp.ID("f-until"), "2024-01-18"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("f-until").dispatchEvent(new Event("change"))`),
		chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.querySelectorAll("#map .map-event").length === %d`, len(day)), chromedp.WithPollingInterval(50*time.Millisecond)),
	); err != nil {
		failShot(t, ctx, "map-dates", "narrowing the dates to 2024-01-18: %v", err)
	}
	checkMap(t, ctx, "map-day", day)
	keepShot(t, ctx, "map-day")
	if e := errs.get(); len(e) > 0 {
		failShot(t, ctx, "errors", "JavaScript errors: %q", e)
	}
}

// TestBrowserMapFunctions runs the map's pure functions in the explorer's
// page: layoutLabels and spreadMarkers.
func TestBrowserMapFunctions(t *testing.T) {
	base := serveExplorer(t)
	ctx, errs := browser(t)
	if err := step(ctx, 30*time.Second,
		chromedp.Navigate(base+"/#/timeline"),
		chromedp.Poll[chromedp.Void](`window.newsgraphMap !== undefined`, chromedp.WithPollingInterval(50*time.Millisecond)),
	); err != nil {
		failShot(t, ctx, "functions", "loading the explorer: %v", err)
	}
	t.Run("layoutLabels", func(t *testing.T) { checkLayoutLabels(t, ctx) })
	t.Run("spreadMarkers", func(t *testing.T) { checkSpreadMarkers(t, ctx) })
	if e := errs.get(); len(e) > 0 {
		t.Errorf("JavaScript errors: %q", e)
	}
}

// checkLayoutLabels runs layoutLabels, one row per shape of crowding.
func checkLayoutLabels(t *testing.T, ctx context.Context) {
	type label struct {
		ID       string  `json:"id"`
		X        float64 `json:"x"`
		Y        float64 `json:"y"`
		R        float64 `json:"r"`
		W        float64 `json:"w"`
		H        float64 `json:"h"`
		Priority int     `json:"priority"`
	}
	type box struct {
		X float64 `json:"x"`
		Y float64 `json:"y"`
		W float64 `json:"w"`
		H float64 `json:"h"`
	}
	bounds := box{0, 0, 400, 200}
	for _, tc := range []struct {
		name      string
		labels    []label
		obstacles []box
		want      []string // each label's side, "" when dropped
	}{
		{"alone: right of its point", []label{{"a", 100, 100, 5, 60, 14, 1}}, nil, []string{"right"}},
		{"near the right edge: left", []label{{"a", 380, 100, 5, 60, 14, 1}}, nil, []string{"left"}},
		{"two on one point: the lesser goes left",
			[]label{{"low", 100, 100, 5, 60, 14, 1}, {"high", 100, 100, 5, 60, 14, 2}}, nil, []string{"left", "right"}},
		{"a neighbour just right: above",
			[]label{{"big", 100, 100, 5, 60, 14, 3}, {"small", 130, 100, 5, 40, 14, 1}, {"mid", 70, 100, 5, 60, 14, 2}}, nil,
			[]string{"right", "above", "left"}},
		{"all four sides taken: dropped",
			[]label{{"w", 200, 100, 5, 40, 14, 1},
				{"r", 200, 100, 5, 80, 14, 5}, {"l", 200, 100, 5, 80, 14, 4}, {"a", 200, 100, 5, 120, 30, 3}, {"b", 200, 100, 5, 120, 30, 2}},
			nil, []string{"", "right", "left", "above", "below"}},
		{"a marker on the right: left", []label{{"a", 100, 100, 5, 60, 14, 1}}, []box{{120, 95, 10, 10}}, []string{"left"}},
		{"markers all round: still shown right", []label{{"a", 100, 100, 5, 20, 14, 1}}, []box{{0, 0, 400, 200}}, []string{"right"}},
	} {
		in, _ := json.Marshal(tc.labels)
		obs, _ := json.Marshal(tc.obstacles)
		bnd, _ := json.Marshal(bounds)
		got, err := eval[[]struct {
			Side    string `json:"side"`
			Visible bool   `json:"visible"`
		}](ctx, fmt.Sprintf(`window.newsgraphMap.layoutLabels(%s, %s, %s)`, in, bnd, obs))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var sides []string
		for _, g := range got {
			if g.Visible != (g.Side != "") {
				t.Errorf("%s: visible %v with side %q", tc.name, g.Visible, g.Side)
			}
			sides = append(sides, g.Side)
		}
		if !slices.Equal(sides, tc.want) {
			t.Errorf("%s: sides %q, want %q", tc.name, sides, tc.want)
		}
	}
}

// checkSpreadMarkers: spreadMarkers spreads the events of one place
// around it, no marker's centre inside another's, one row per group shape.
func checkSpreadMarkers(t *testing.T, ctx context.Context) {
	type marker struct {
		ID string  `json:"id"`
		DX float64 `json:"dx"`
		DY float64 `json:"dy"`
		R  float64 `json:"r"`
	}
	for _, tc := range []struct {
		name   string
		killed []int // one event per entry, -1 for no figure
	}{
		{"one event sits on its place", []int{5}},
		{"two without figures", []int{-1, -1}},
		{"a large and two small", []int{90, 0, 1}},
		{"twenty at one town", []int{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 3, 3, 3, 3, 3, 40, 40, 40, 40, 40}},
	} {
		evs := "["
		for i, k := range tc.killed {
			fig := "null"
			if k >= 0 {
				fig = fmt.Sprint(k)
			}
			evs += fmt.Sprintf(`{id: "e%02d", killed: %s, killedMax: %s},`, i, fig, fig)
		}
		evs += "]"
		got, err := eval[struct {
			Markers []marker `json:"markers"`
			Extent  float64  `json:"extent"`
		}](ctx, `(() => { const s = window.newsgraphMap.spreadMarkers(`+evs+`);
			return {markers: s.markers.map(m => ({id: m.e.id, dx: m.dx, dy: m.dy, r: m.r})), extent: s.extent}; })()`)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(got.Markers) != len(tc.killed) {
			t.Fatalf("%s: %d markers for %d events", tc.name, len(got.Markers), len(tc.killed))
		}
		if len(tc.killed) == 1 && (got.Markers[0].DX != 0 || got.Markers[0].DY != 0) {
			t.Errorf("%s: the marker is %+v off its place", tc.name, got.Markers[0])
		}
		for i, a := range got.Markers {
			if d := math.Hypot(a.DX, a.DY) + a.R; d > got.Extent+1e-9 {
				t.Errorf("%s: marker %+v reaches %.1f, beyond the extent %.1f", tc.name, a, d, got.Extent)
			}
			for _, b := range got.Markers[i+1:] {
				if d := math.Hypot(a.DX-b.DX, a.DY-b.DY); d < math.Max(a.R, b.R) {
					t.Errorf("%s: markers %+v and %+v are %.1f apart", tc.name, a, b, d)
				}
			}
		}
	}
}

// markerStyle is how the map draws its event markers and what its legend
// says of the types' colours.
type markerStyle struct {
	Legend  map[string]string `json:"legend"`
	Markers []struct {
		ID     string  `json:"id"`
		Type   string  `json:"type"`
		Killed float64 `json:"killed"`
		Fill   string  `json:"fill"`
		Approx bool    `json:"approx"`
		Px     float64 `json:"px"`
	} `json:"markers"`
}

const readMarkerStyle = `(() => {
	const legend = {};
	document.querySelectorAll("#map-legend .legend-item[data-type] .sw").forEach(sw => {
		legend[sw.parentElement.dataset.type] = getComputedStyle(sw).backgroundColor;
	});
	return {
		legend,
		markers: Array.from(document.querySelectorAll("#map .map-event")).map(a => {
			const s = a.querySelector("circle, rect"), b = s.getBoundingClientRect(), rect = s.tagName === "rect";
			return {id: a.dataset.id, type: a.dataset.type, killed: +a.dataset.killed, fill: getComputedStyle(s).fill,
				approx: rect, px: rect ? b.width / 1.7 : b.width / 2};
		}),
	};
})()`

// TestBrowserMapMarkersAndDownload: the map's event markers are coloured
// by type (one colour a type, the legend's) and sized by casualties (more
// killed, never smaller; some larger), and the explorer's CSV download
// link follows the active filters (type, country, date range): its query
// names exactly the filters set, and the map then shows exactly the
// located events that GraphQL selects with them.
func TestBrowserMapMarkersAndDownload(t *testing.T) {
	base := serveExplorer(t)
	ctx, errs := browser(t)
	openMap(t, ctx, base, "markers")
	st, err := eval[markerStyle](ctx, readMarkerStyle)
	if err != nil {
		failShot(t, ctx, "markers", "reading the markers: %v", err)
	}

	// Colour by type.
	colourOf := map[string]string{}
	for _, m := range st.Markers {
		if m.Fill == "" || m.Fill == "none" {
			t.Errorf("marker %s (%s) has no fill", m.ID, m.Type)
		}
		if c, ok := colourOf[m.Type]; ok && c != m.Fill {
			t.Errorf("%s markers in two colours: %s and %s", m.Type, c, m.Fill)
		}
		colourOf[m.Type] = m.Fill
		if st.Legend[m.Type] != m.Fill {
			t.Errorf("marker %s: %s in %s, the legend says %q", m.ID, m.Type, m.Fill, st.Legend[m.Type])
		}
	}
	if len(colourOf) < 2 {
		t.Fatalf("%d event types on the map, want several to tell apart: %v", len(colourOf), colourOf)
	}
	typeOf := map[string]string{}
	for ty, c := range colourOf {
		if other, ok := typeOf[c]; ok {
			t.Errorf("%s and %s share the colour %s", ty, other, c)
		}
		typeOf[c] = ty
	}

	// Size by casualties: within one shape, more killed is never smaller,
	// equal figures are equal sizes, and the sizes differ somewhere.
	grows := false
	for i, a := range st.Markers {
		for _, b := range st.Markers[i+1:] {
			if a.Approx != b.Approx {
				continue
			}
			if a.Killed > b.Killed {
				a, b = b, a
			}
			switch {
			case a.Killed == b.Killed && math.Abs(a.Px-b.Px) > 0.5:
				t.Errorf("markers %s and %s: %v killed each, radii %.1f and %.1f px", a.ID, b.ID, a.Killed, a.Px, b.Px)
			case a.Killed < b.Killed && a.Px > b.Px+0.5:
				t.Errorf("marker %s (%v killed, %.1f px) larger than %s (%v killed, %.1f px)", a.ID, a.Killed, a.Px, b.ID, b.Killed, b.Px)
			case a.Killed < b.Killed && a.Px+1 < b.Px:
				grows = true
			}
		}
	}
	if !grows {
		failShot(t, ctx, "marker-sizes", "no marker is larger for more killed: %+v", st.Markers)
	}
	keepShot(t, ctx, "map-markers")

	// The download link follows the filters.
	href := func() string {
		h, err := eval[string](ctx, `document.getElementById("f-csv").href`)
		if err != nil {
			failShot(t, ctx, "csv-link", "reading the download link: %v", err)
		}
		return h
	}
	u, err := url.Parse(href())
	if err != nil || u.Path != "/events.csv" || u.RawQuery != "" {
		failShot(t, ctx, "csv-link", "unfiltered download link %q, want /events.csv", u)
	}
	filters := map[string]string{"type": "Attack", "country": "Iran", "since": "2023-12-01", "until": "2024-01-17"}
	all, _ := selectedEvents(t, base, nil)
	sel, located := selectedEvents(t, base, filters)
	if len(located) == 0 || len(sel) >= len(all) {
		t.Fatalf("filters %v select %d events (%d located) of %d: the examples changed", filters, len(sel), len(located), len(all))
	}
	if err := step(ctx, 20*time.Second,
		chromedp.SetValue(chromedp.ID("f-type"), filters["type"]),
		chromedp.SetValue(chromedp.ID("f-country"), filters["country"]),
		chromedp.SetValue(chromedp.ID("f-since"), filters["since"]),
		chromedp.SetValue(chromedp.ID("f-until"), filters["until"]),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("f-until").dispatchEvent(new Event("change"))`),
		chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.querySelectorAll("#map .map-event").length === %d`, len(located)), chromedp.WithPollingInterval(50*time.Millisecond)),
	); err != nil {
		failShot(t, ctx, "csv-filters", "setting the filters %v: %v", filters, err)
	}
	u, err = url.Parse(href())
	if err != nil || u.Path != "/events.csv" {
		failShot(t, ctx, "csv-link", "download link %q", u)
	}
	got := map[string]string{}
	for k, vs := range u.Query() {
		got[k] = strings.Join(vs, ",")
	}
	if !maps.Equal(got, filters) {
		failShot(t, ctx, "csv-link", "download link %q names the filters %v, want %v", u, got, filters)
	}
	checkMap(t, ctx, "csv-filters", located)
	keepShot(t, ctx, "map-filtered")

	// Clearing the filters clears the link.
	if err := step(ctx, 20*time.Second,
		chromedp.Click(chromedp.ID("f-clear")),
		chromedp.Poll[chromedp.Void](`!document.getElementById("f-csv").href.includes("?")`, chromedp.WithPollingInterval(50*time.Millisecond)),
	); err != nil {
		failShot(t, ctx, "csv-clear", "clearing the filters: download link %q: %v", href(), err)
	}
	if e := errs.get(); len(e) > 0 {
		failShot(t, ctx, "errors", "JavaScript errors: %q", e)
	}
}
