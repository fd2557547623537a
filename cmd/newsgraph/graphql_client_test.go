package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/testtool"
)

// ingestExamples ingests the example articles into a fresh bolt store.
func ingestExamples(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "newsgraph.db")
	if r := runBinary(t, run("ingest", "--dbpath", db, "../../examples/articles")); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	return db
}

// TestGraphQLClientIntrospection runs a standard GraphQL client's round
// trip against `newsgraph serve` with graphql-js itself (npm graphql, in
// internal/testtool/js): getIntrospectionQuery() (with the default
// options, and with specifiedByUrl and inputValueDeprecation), buildClientSchema
// on the answer, validation of a typed query against the client schema,
// then that query with enum and Date variables. Under CI=true a missing
// node or npm package fails the test.
func TestGraphQLClientIntrospection(t *testing.T) {
	node := testtool.RequireNodeModule(t, "graphql")
	base := startServe(t, "--dbpath", ingestExamples(t))
	const typed = `query Strikes($type: EventType, $since: Date) {
  events(type: $type, since: $since, first: 5) {
    totalCount
    nodes { type date actors { name class } places { name class lat lon } sources { date } }
  }
}`
	cmd := exec.Command(node, filepath.Join(testtool.JSDir(), "introspect.cjs"), base+"/graphql", typed,
		`{"type": "Attack", "since": "2024-01-18"}`)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var got struct {
		GraphqlVersion   string
		Introspection    map[string]struct{ Types, SdlBytes int }
		Enums            map[string][]string
		DateIsScalar     bool
		FieldTypes       map[string]string
		ValidationErrors []string
		Typed            struct {
			Events struct {
				TotalCount int
				Nodes      []struct {
					Type   string
					Date   string
					Actors []struct{ Name, Class string }
					Places []struct {
						Name, Class string
						Lat, Lon    *float64
					}
				}
			}
		}
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	t.Logf("graphql-js %s: %+v", got.GraphqlVersion, got.Introspection)
	for _, opts := range []string{"defaults", "extended"} {
		if got.Introspection[opts].Types < 20 {
			t.Errorf("introspection with %s options: %d types", opts, got.Introspection[opts].Types)
		}
	}
	if !slices.Contains(got.Enums["EventType"], "Attack") || !slices.Contains(got.Enums["EntityClass"], "ArmedGroup") {
		t.Errorf("enums %v", got.Enums)
	}
	if !got.DateIsScalar {
		t.Error("Date is not a scalar in the client schema")
	}
	wantTypes := map[string]string{"Event.type": "EventType!", "Event.date": "Date", "Entity.class": "EntityClass!",
		"Entity.lat": "Float", "events.type": "EventType", "events.since": "Date"}
	for k, v := range wantTypes {
		if got.FieldTypes[k] != v {
			t.Errorf("%s has type %q in the client schema, want %q", k, got.FieldTypes[k], v)
		}
	}
	if len(got.ValidationErrors) > 0 {
		t.Errorf("the typed query does not validate against the client schema: %v", got.ValidationErrors)
	}
	ev := got.Typed.Events
	if ev.TotalCount == 0 || len(ev.Nodes) == 0 {
		t.Fatalf("typed query: %+v", ev)
	}
	located := false
	for _, n := range ev.Nodes {
		// A month or year overlaps the day it is compared with.
		if n.Type != "Attack" || n.Date == "" || n.Date < "2024-01-18"[:len(n.Date)] {
			t.Errorf("event %+v outside the filter", n)
		}
		for _, p := range n.Places {
			located = located || (p.Lat != nil && p.Lon != nil)
		}
	}
	if !located {
		t.Errorf("no place of the attacks has coordinates: %+v", ev.Nodes)
	}
}

// TestServeCORS checks that `serve --cors` (a comma list and a repeated
// flag) approves the preflights of the origins given and only theirs, and
// that the typed GraphQL API then answers their JSON queries readably.
func TestServeCORS(t *testing.T) {
	base := startServe(t, "--dbpath", ingestExamples(t), "--cors", "http://localhost:8888,http://127.0.0.1:3000", "--cors", "https://notebook.example.org")
	client := &http.Client{Timeout: 10 * time.Second}
	send := func(method, origin, body string) *http.Response {
		t.Helper()
		req, _ := http.NewRequest(method, base+"/graphql", strings.NewReader(body))
		req.Header.Set("Origin", origin)
		if method == http.MethodOptions {
			req.Header.Set("Access-Control-Request-Method", "POST")
			req.Header.Set("Access-Control-Request-Headers", "content-type")
		} else {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	tests := []struct {
		method, origin string
		wantStatus     int
		wantAllowed    bool
	}{
		{http.MethodOptions, "http://localhost:8888", 204, true},
		{http.MethodOptions, "http://127.0.0.1:3000", 204, true},
		{http.MethodOptions, "https://notebook.example.org", 204, true},
		{http.MethodOptions, "http://evil.example", 403, false},
		{http.MethodPost, "http://localhost:8888", 200, true},
		{http.MethodPost, "http://evil.example", 200, false},
	}
	for _, tt := range tests {
		resp := send(tt.method, tt.origin, `{"query":"{ stats { documents } }"}`)
		allowed := resp.Header.Get("Access-Control-Allow-Origin") == tt.origin
		if resp.StatusCode != tt.wantStatus || allowed != tt.wantAllowed {
			t.Errorf("%s from %s: status %d, Access-Control-Allow-Origin %q; want %d, allowed %v",
				tt.method, tt.origin, resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"), tt.wantStatus, tt.wantAllowed)
		}
	}
	if r := runBinary(t, run("serve", "--cors", "localhost:8888")); r.code != 2 || !strings.Contains(r.stderr, "--cors") {
		t.Errorf("serve --cors localhost:8888: %+v", r)
	}
}

// TestEventsJSONCoordinates checks that `events --json` gives the places
// of an event their coordinates from the store (the gazetteer's), and
// leaves them out for a reference that has none.
func TestEventsJSONCoordinates(t *testing.T) {
	db := ingestExamples(t)
	r := runBinary(t, run("events", "--dbpath", db, "--json", "--type", "Attack"))
	if r.code != 0 {
		t.Fatalf("events: %+v", r)
	}
	located, unlocated := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var ev struct {
			Places []map[string]any
		}
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		for _, p := range ev.Places {
			lat, hasLat := p["lat"].(float64)
			lon, hasLon := p["lon"].(float64)
			switch {
			case hasLat && hasLon:
				located++
				if lat < -90 || lat > 90 || lon < -180 || lon > 180 {
					t.Errorf("place %v: coordinates out of range", p)
				}
			case hasLat || hasLon || p["lat"] != nil || p["lon"] != nil:
				t.Errorf("place %v: one coordinate without the other, or null", p)
			default:
				unlocated++
			}
		}
	}
	if located == 0 {
		t.Errorf("no place of an attack has coordinates (%d without):\n%s", unlocated, r.stdout)
	}
}
