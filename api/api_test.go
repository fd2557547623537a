package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	newsgraph "github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/graph"
)

var (
	storeOnce sync.Once
	testStore *graph.Store
	storeErr  error
)

// exampleStore is a memory store holding the example articles.
func exampleStore(t *testing.T) *graph.Store {
	t.Helper()
	storeOnce.Do(func() {
		_, file, _, _ := runtime.Caller(0)
		articles := filepath.Join(filepath.Dir(file), "..", "examples", "articles")
		ctx := context.Background()
		g, err := newsgraph.Open(ctx, graph.Config{Backend: graph.BackendMemory})
		if err != nil {
			storeErr = err
			return
		}
		sum, err := g.IngestPaths(ctx, []string{articles}, "")
		if err != nil {
			storeErr = err
			return
		}
		if sum.Added != 5 {
			storeErr = errors.New("expected 5 documents added")
			return
		}
		testStore = g.Store()
	})
	if storeErr != nil {
		t.Fatal(storeErr)
	}
	return testStore
}

func server(t *testing.T) *httptest.Server {
	t.Helper()
	h, err := api.NewHandler(exampleStore(t), api.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/graphql", h)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		t.Fatalf("not on loopback: %s", srv.URL)
	}
	return srv
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

func post(t *testing.T, srv *httptest.Server, query string, vars map[string]any) json.RawMessage {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return decode(t, resp)
}

func decode(t *testing.T, resp *http.Response) json.RawMessage {
	t.Helper()
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, b)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("content type %q", ct)
	}
	var r gqlResponse
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	if len(r.Errors) > 0 {
		t.Fatalf("errors: %s", b)
	}
	return r.Data
}

func TestIntrospection(t *testing.T) {
	srv := server(t)
	// What GraphiQL-style clients send first.
	data := post(t, srv, `query IntrospectionQuery { __schema { queryType { name } types { name kind fields { name } } } }`, nil)
	var v struct {
		Schema struct {
			QueryType struct{ Name string }
			Types     []struct {
				Name   string
				Fields []struct{ Name string }
			}
		} `json:"__schema"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	if v.Schema.QueryType.Name != "Query" {
		t.Errorf("query type %q", v.Schema.QueryType.Name)
	}
	fields := map[string]map[string]bool{}
	for _, ty := range v.Schema.Types {
		fields[ty.Name] = map[string]bool{}
		for _, f := range ty.Fields {
			fields[ty.Name][f.Name] = true
		}
	}
	want := map[string][]string{
		"Query":       {"events", "entity", "entities", "documents"},
		"Event":       {"id", "type", "subtype", "cameo", "date", "actors", "targets", "places", "country", "weapons", "killed", "killedMax", "injured", "sources", "evidence"},
		"Entity":      {"id", "name", "class", "aliases", "country", "wikidata", "lat", "lon", "events"},
		"Document":    {"id", "title", "url", "published"},
		"SourceClaim": {"doc", "killed", "injured", "date", "evidence"},
	}
	for ty, fs := range want {
		if fields[ty] == nil {
			t.Errorf("no type %s", ty)
			continue
		}
		for _, f := range fs {
			if !fields[ty][f] {
				t.Errorf("%s has no field %s", ty, f)
			}
		}
	}
}

const strikeQuery = `query($country: String, $since: Date) {
  events(type: Attack, country: $country, since: $since, until: "2024-01-18") {
    totalCount
    nodes {
      id type subtype cameo date killed killedMax injured weapons
      actors { name class }
      targets { name class }
      places { name lat lon }
      country { id name wikidata }
      sources { doc { id published } killed injured date evidence { sentence start end text } }
      evidence { text }
    }
  }
}`

type event struct {
	ID        string
	Type      string
	Date      *string
	Killed    *int
	KilledMax *int
	Actors    []struct{ Name, Class string }
	Targets   []struct{ Name, Class string }
	Places    []struct {
		Name     string
		Lat, Lon *float64
	}
	Country *struct{ ID, Name, Wikidata string }
	Sources []struct {
		Doc     struct{ ID, Published string }
		Killed  *int
		Injured *int
		Date    *string
	}
}

func TestEventsPakistanStrike(t *testing.T) {
	srv := server(t)
	data := post(t, srv, strikeQuery, map[string]any{"country": "Iran", "since": "2024-01-18"})
	var v struct {
		Events struct {
			TotalCount int
			Nodes      []event
		}
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	var strike *event
	for i, e := range v.Events.Nodes {
		for _, a := range e.Actors {
			if a.Name == "Pakistan" {
				strike = &v.Events.Nodes[i]
			}
		}
	}
	if strike == nil {
		t.Fatalf("no Pakistani strike on Iran on 2024-01-18: %s", data)
	}
	if strike.Date == nil || *strike.Date != "2024-01-18" {
		t.Errorf("date %v", strike.Date)
	}
	if strike.Killed == nil || *strike.Killed != 7 || strike.KilledMax == nil || *strike.KilledMax != 9 {
		t.Errorf("killed %v–%v, want 7–9", strike.Killed, strike.KilledMax)
	}
	if len(strike.Sources) != 5 {
		t.Errorf("%d sources, want 5", len(strike.Sources))
	}
	if strike.Country == nil || strike.Country.Name != "Iran" || strike.Country.Wikidata == "" {
		t.Errorf("country %+v", strike.Country)
	}
	located := false
	for _, p := range strike.Places {
		if p.Lat != nil && p.Lon != nil {
			located = true
		}
	}
	if !located {
		t.Errorf("no place with lat/lon: %+v", strike.Places)
	}
}

func TestEventsPagination(t *testing.T) {
	srv := server(t)
	const q = `query($after: String) { events(first: 4, after: $after) {
		totalCount edges { cursor node { id } } nodes { id } pageInfo { hasNextPage endCursor } } }`
	var all []string
	var after any
	total := -1
	for pages := 0; ; pages++ {
		if pages > 50 {
			t.Fatal("pagination does not end")
		}
		data := post(t, srv, q, map[string]any{"after": after})
		var v struct {
			Events struct {
				TotalCount int
				Edges      []struct {
					Cursor string
					Node   struct{ ID string }
				}
				Nodes    []struct{ ID string }
				PageInfo struct {
					HasNextPage bool
					EndCursor   *string
				}
			}
		}
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatal(err)
		}
		c := v.Events
		if total < 0 {
			total = c.TotalCount
		} else if total != c.TotalCount {
			t.Fatalf("totalCount changed: %d, %d", total, c.TotalCount)
		}
		if len(c.Nodes) > 4 || len(c.Edges) != len(c.Nodes) {
			t.Fatalf("page of %d nodes, %d edges", len(c.Nodes), len(c.Edges))
		}
		for i, n := range c.Nodes {
			if c.Edges[i].Node.ID != n.ID {
				t.Fatalf("edge %d is %s, node %s", i, c.Edges[i].Node.ID, n.ID)
			}
			all = append(all, n.ID)
		}
		if !c.PageInfo.HasNextPage {
			break
		}
		if c.PageInfo.EndCursor == nil || *c.PageInfo.EndCursor != c.Edges[len(c.Edges)-1].Cursor {
			t.Fatalf("endCursor %v", c.PageInfo.EndCursor)
		}
		after = *c.PageInfo.EndCursor
	}
	if total < 10 || len(all) != total {
		t.Fatalf("read %d events over the pages, totalCount %d", len(all), total)
	}
	seen := map[string]bool{}
	for _, id := range all {
		if seen[id] {
			t.Fatalf("%s twice", id)
		}
		seen[id] = true
	}
	// The same order as the Go API.
	evs, err := api.Events(context.Background(), exampleStore(t), api.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range evs {
		if evs[i].ID != all[i] {
			t.Fatalf("event %d: Go %s, GraphQL %s", i, evs[i].ID, all[i])
		}
	}
	// A bad cursor is a GraphQL error.
	body, _ := json.Marshal(map[string]any{"query": `{ events(after: "nonsense") { totalCount } }`})
	resp, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), "invalid cursor") {
		t.Errorf("bad cursor: %s", b)
	}
}

func TestEntityAndEntities(t *testing.T) {
	srv := server(t)
	// GET, as a browser link would.
	q := `{ entity(id: "country/pk") { id name class aliases wikidata events { type date } documents { id } }
	        entities(class: Region, first: 2) { totalCount nodes { name lat lon country } pageInfo { hasNextPage } }
	        documents { id published } }`
	resp, err := http.Get(srv.URL + "/graphql?query=" + url.QueryEscape(q))
	if err != nil {
		t.Fatal(err)
	}
	data := decode(t, resp)
	var v struct {
		Entity *struct {
			ID, Name, Class, Wikidata string
			Aliases                   []string
			Events                    []struct{ Type string }
			Documents                 []struct{ ID string }
		}
		Entities struct {
			TotalCount int
			Nodes      []struct {
				Name     string
				Lat, Lon *float64
				Country  *string
			}
			PageInfo struct{ HasNextPage bool }
		}
		Documents []struct{ ID, Published string }
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	e := v.Entity
	if e == nil || e.Name != "Pakistan" || e.Class != "Country" || e.Wikidata != "Q843" || e.ID != "https://newsgraph.org/id/entity/country/pk" {
		t.Fatalf("entity: %s", data)
	}
	if len(e.Events) < 5 || len(e.Documents) != 5 {
		t.Errorf("Pakistan: %d events, %d documents", len(e.Events), len(e.Documents))
	}
	if len(v.Entities.Nodes) != 2 || !v.Entities.PageInfo.HasNextPage || v.Entities.TotalCount < 3 {
		t.Errorf("entities: %+v", v.Entities)
	}
	for _, n := range v.Entities.Nodes {
		if n.Country == nil {
			t.Errorf("region without a country: %+v", n)
		}
	}
	if len(v.Documents) != 5 || v.Documents[0].Published != "2024-01-18" {
		t.Errorf("documents: %+v", v.Documents)
	}
	// Unknown entity: null, no error.
	data = post(t, srv, `{ entity(id: "country/zz") { name } }`, nil)
	if string(data) != `{"entity":null}` {
		t.Errorf("unknown entity: %s", data)
	}
}

func TestGoAPI(t *testing.T) {
	ctx := context.Background()
	store := exampleStore(t)
	evs, err := api.Events(ctx, store, api.Filter{Type: "Attack", Actor: "Pakistan", Target: "Jaish al-Adl"})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 0 {
		t.Errorf("Pakistan struck Baloch groups, not Jaish al-Adl: %d events", len(evs))
	}
	evs, err = api.Events(ctx, store, api.Filter{Type: "Attack", Actor: "Iran", Target: "Jaish al-Adl"})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Date == nil || *evs[0].Date != "2024-01-16" || len(evs[0].Sources) != 5 {
		t.Fatalf("Iran on Jaish al-Adl: %+v", evs)
	}
	first, err := api.Events(ctx, store, api.Filter{First: 2})
	if err != nil || len(first) != 2 {
		t.Fatal(len(first), err)
	}
	next, err := api.Events(ctx, store, api.Filter{First: 2, After: api.Cursor(first[1].ID)})
	if err != nil || len(next) != 2 || next[0].ID == first[1].ID {
		t.Fatal(next, err)
	}
	e, err := api.Entity(ctx, store, "https://newsgraph.org/id/entity/region/ir-11")
	if err != nil {
		t.Fatal(err)
	}
	if e.Name != "Sistan and Baluchestan" || e.Country != "Iran" || e.Lat == nil || len(e.Aliases) == 0 {
		t.Errorf("region: %+v", e)
	}
	if _, err := api.Entity(ctx, store, "country/zz"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("unknown entity: %v", err)
	}
	groups, err := api.Entities(ctx, store, api.EntityFilter{Class: "ArmedGroup", Name: "baloch"})
	if err != nil || len(groups) < 2 {
		t.Fatalf("groups: %v %v", groups, err)
	}
	docs, err := api.Documents(ctx, store)
	if err != nil || len(docs) != 5 {
		t.Fatal(docs, err)
	}
	if _, err := api.Entities(ctx, store, api.EntityFilter{Class: "Spaceship"}); err == nil {
		t.Error("unknown class accepted")
	}
}

func TestBadRequests(t *testing.T) {
	srv := server(t)
	for _, c := range []struct {
		method, body string
		status       int
	}{
		{"POST", `not json`, 400},
		{"POST", `{"query": ""}`, 400},
		{"PUT", `{}`, 405},
	} {
		req, _ := http.NewRequest(c.method, srv.URL+"/graphql", strings.NewReader(c.body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || !strings.Contains(string(b), `"errors"`) {
			t.Errorf("%s %q: %d %s", c.method, c.body, resp.StatusCode, b)
		}
	}
	// A query error is a GraphQL error with status 200.
	resp, err := http.Post(srv.URL+"/graphql", "application/graphql", strings.NewReader(`{ nosuchfield }`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "nosuchfield") {
		t.Errorf("bad field: %d %s", resp.StatusCode, b)
	}
}

// TestPanicHidden checks that a panic in a resolver (here a nil store) is
// answered with a generic message, not the panic's value.
func TestPanicHidden(t *testing.T) {
	h, err := api.NewHandler(nil, api.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := http.Post(srv.URL, "application/graphql", strings.NewReader(`{ events { totalCount } }`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var v gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil || len(v.Errors) == 0 {
		t.Fatalf("%d: %v %+v", resp.StatusCode, err, v)
	}
	if msg := v.Errors[0].Message; msg != "internal server error" {
		t.Errorf("panic reported as %q", msg)
	}
}
