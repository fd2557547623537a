package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// citedFeed is an invented JSON Lines feed of three reports of one strike:
// one with the JSON Lines fields, one an HTML page with its metadata, one
// with neither.
var citedFeed = []string{
	`{"id": "wire-a", "text": "Pakistan carried out a strike on Iran, killing 9 people.", "source": "Example Wire", "url": "https://wire.example/a", "title": "Strike kills nine", "published": "2024-01-18"}`,
	`{"id": "daily-b", "html": "<html><head><title>Strike on Iran | Daily Example</title><meta property=\"og:title\" content=\"Pakistan strike on Iran\"><meta property=\"og:site_name\" content=\"Daily Example\"><link rel=\"canonical\" href=\"https://daily.example/world/strike\"><meta property=\"article:published_time\" content=\"2024-01-18T08:00:00Z\"></head><body><article><p>Pakistan said its strike on Iran hit militant hideouts near the border, killing 7 people, the foreign ministry said on Thursday.</p></article></body></html>"}`,
	`{"id": "plain-c", "text": "A strike by Pakistan on Iran, killing 8, was reported."}`,
}

// citations are the sources' citation fields as events --json and GraphQL
// give them, by document.
var citations = map[string]extract.SourceClaim{
	"wire-a":  {Doc: "wire-a", Source: "Example Wire", URL: "https://wire.example/a", Title: "Strike kills nine", Published: "2024-01-18"},
	"daily-b": {Doc: "daily-b", Source: "Daily Example", URL: "https://daily.example/world/strike", Title: "Pakistan strike on Iran", Published: "2024-01-18"},
	"plain-c": {Doc: "plain-c", Published: "2024-01-18"},
}

// TestSourcesCitedAndDeleted ingests the invented feed, checks that
// events --json and the typed GraphQL API cite every source with its
// outlet, URL, headline and date, then deletes one document: the event
// keeps the other two claims and its range is theirs, the store is what
// ingesting the other two alone makes, and an unknown id fails, naming
// it, with the store untouched.
func TestSourcesCitedAndDeleted(t *testing.T) {
	dir := writeArticles(t, map[string]string{"feed.jsonl": strings.Join(citedFeed, "\n") + "\n"})
	rest := writeArticles(t, map[string]string{"feed.jsonl": citedFeed[0] + "\n" + citedFeed[2] + "\n"})
	forEachMode(t, func(t *testing.T, run func(invocation) result) {
		db := filepath.Join(t.TempDir(), "graph.db")
		ingest := func(db, dir string) {
			t.Helper()
			if r := run(invocation{args: []string{"ingest", "--dbpath", db, "--extractor", testExtractorName, "--published", "2024-01-18", dir}}); r.code != 0 {
				t.Fatalf("ingest: %+v", r)
			}
		}
		ingest(db, dir)
		ev := onlyEvent(t, run, db)
		checkCitations(t, "events --json", ev.Sources, []string{"daily-b", "plain-c", "wire-a"})
		if t.Name() == "TestSourcesCitedAndDeleted/in-process" {
			checkGraphQLCitations(t, db, []string{"daily-b", "plain-c", "wire-a"})
		}

		export := func(db string) string {
			t.Helper()
			r := run(invocation{args: []string{"export", "--dbpath", db}})
			if r.code != 0 {
				t.Fatalf("export: %+v", r)
			}
			lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
			sort.Strings(lines)
			return strings.Join(lines, "\n")
		}
		before := export(db)
		r := run(invocation{args: []string{"delete", "--dbpath", db, "nope", "wire-a"}})
		if r.code != 1 || !strings.Contains(r.stderr, `no such document: "nope"`) || strings.Contains(r.stderr, `"wire-a"`) {
			t.Errorf("delete of an unknown id: %+v", r)
		}
		if export(db) != before {
			t.Errorf("a failed delete changed the store")
		}
		if r := run(invocation{args: []string{"delete", "--dbpath", db}}); r.code != 2 {
			t.Errorf("delete without ids: %+v", r)
		}

		r = run(invocation{args: []string{"delete", "--dbpath", db, "daily-b"}})
		if r.code != 0 || !strings.HasPrefix(r.stdout, "deleted daily-b (") {
			t.Fatalf("delete daily-b: %+v", r)
		}
		ev = onlyEvent(t, run, db)
		checkCitations(t, "events --json after delete", ev.Sources, []string{"plain-c", "wire-a"})
		if ev.Killed == nil || *ev.Killed != 8 || ev.KilledMax == nil || *ev.KilledMax != 9 {
			t.Errorf("killed %v–%v after delete, want 8–9", ev.Killed, ev.KilledMax)
		}
		fresh := filepath.Join(t.TempDir(), "fresh.db")
		ingest(fresh, rest)
		if got, want := export(db), export(fresh); got != want {
			t.Errorf("after delete the store differs from the other documents ingested alone:\n%s", lineDiffText(want, got))
		}
	})
}

// onlyEvent runs events --json and returns its one event.
func onlyEvent(t *testing.T, run func(invocation) result, db string) extract.Event {
	t.Helper()
	r := run(invocation{args: []string{"events", "--dbpath", db, "--json"}})
	var ev extract.Event
	if r.code != 0 || strings.Count(strings.TrimSpace(r.stdout), "\n") != 0 || json.Unmarshal([]byte(r.stdout), &ev) != nil {
		t.Fatalf("events --json: want one event: %+v", r)
	}
	return ev
}

// checkCitations compares the citation fields of sources with citations.
func checkCitations(t *testing.T, where string, sources []extract.SourceClaim, docs []string) {
	t.Helper()
	if len(sources) != len(docs) {
		t.Fatalf("%s: %d sources, want %v", where, len(sources), docs)
	}
	for i, s := range sources {
		want := citations[docs[i]]
		got := extract.SourceClaim{Doc: s.Doc, Title: s.Title, URL: s.URL, Source: s.Source, Published: s.Published}
		if !equalClaims(got, want) {
			t.Errorf("%s: source %d = %+v, want %+v", where, i, got, want)
		}
	}
}

func equalClaims(a, b extract.SourceClaim) bool {
	return a.Doc == b.Doc && a.Title == b.Title && a.URL == b.URL && a.Source == b.Source && a.Published == b.Published
}

// checkGraphQLCitations asks the typed GraphQL API of the store db for the
// sources of its events.
func checkGraphQLCitations(t *testing.T, db string, docs []string) {
	t.Helper()
	rec := graphQLOn(t, db, `{ events { nodes { sources { doc { id } title url source published } } } }`)
	var resp struct {
		Data struct {
			Events struct {
				Nodes []struct {
					Sources []struct {
						Doc                           struct{ ID string }
						Title, URL, Source, Published *string
					}
				}
			}
		}
		Errors []any
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || len(resp.Errors) > 0 || len(resp.Data.Events.Nodes) != 1 {
		t.Fatalf("GraphQL: %d %s", rec.Code, rec.Body)
	}
	val := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	var claims []extract.SourceClaim
	for _, s := range resp.Data.Events.Nodes[0].Sources {
		claims = append(claims, extract.SourceClaim{Doc: s.Doc.ID, Title: val(s.Title), URL: val(s.URL), Source: val(s.Source), Published: val(s.Published)})
	}
	checkCitations(t, "GraphQL", claims, docs)
}

// lineDiffText lists the lines only one of two texts has.
func lineDiffText(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var out []string
	for l := range w {
		if !g[l] {
			out = append(out, "- "+l)
		}
	}
	for l := range g {
		if !w[l] {
			out = append(out, "+ "+l)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// TestPostgresDelete: newsgraph delete on PostgreSQL leaves what ingesting
// the other documents alone does, and refuses an unknown id.
func TestPostgresDelete(t *testing.T) {
	dir := writeArticles(t, map[string]string{"feed.jsonl": strings.Join(citedFeed, "\n") + "\n"})
	rest := writeArticles(t, map[string]string{"feed.jsonl": citedFeed[0] + "\n" + citedFeed[2] + "\n"})
	all := map[string]string{"NEWSGRAPH_DB": "postgres", "NEWSGRAPH_DBPATH": postgresDSN(t)}
	fresh := map[string]string{"NEWSGRAPH_DB": "postgres", "NEWSGRAPH_DBPATH": postgresDSN(t)}
	runOK := func(env map[string]string, args ...string) string {
		t.Helper()
		r := runBinary(t, invocation{args: args, env: env})
		if r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
		return r.stdout
	}
	sorted := func(s string) string {
		lines := strings.Split(strings.TrimSpace(s), "\n")
		sort.Strings(lines)
		return strings.Join(lines, "\n")
	}
	runOK(all, "ingest", "--extractor", testExtractorName, "--published", "2024-01-18", dir)
	runOK(fresh, "ingest", "--extractor", testExtractorName, "--published", "2024-01-18", rest)
	before := runOK(all, "export")
	if r := runBinary(t, invocation{args: []string{"delete", "wire-a", "nope"}, env: all}); r.code != 1 || !strings.Contains(r.stderr, `no such document: "nope"`) {
		t.Errorf("delete of an unknown id: %+v", r)
	}
	if runOK(all, "export") != before {
		t.Errorf("a failed delete changed the store")
	}
	runOK(all, "delete", "daily-b")
	if got, want := sorted(runOK(all, "export")), sorted(runOK(fresh, "export")); got != want {
		t.Errorf("after delete the store differs from the other documents ingested alone:\n%s", lineDiffText(want, got))
	}
}

// graphQLOn answers one typed GraphQL query against the bolt store at db,
// opened read-only, through the API's own handler.
func graphQLOn(t *testing.T, db, query string) *httptest.ResponseRecorder {
	t.Helper()
	s, err := graph.Open(context.Background(), graph.Config{Backend: graph.BackendBolt, Path: db, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h, err := api.NewHandler(s, api.Options{})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(map[string]string{"query": query})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body)))
	return rec
}
