package api_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/api"
)

// ask posts a query and returns its answer, errors included.
func ask(t *testing.T, url, query string, vars map[string]any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatal(err)
	}
	return r
}

func errorText(r gqlResponse) string {
	var msgs []string
	for _, e := range r.Errors {
		msgs = append(msgs, e.Message)
	}
	return strings.Join(msgs, "; ")
}

// ofTypes nests n ofType fields around name.
func ofTypes(n int) string {
	return strings.Repeat("ofType { ", n) + "name" + strings.Repeat(" }", n)
}

// TestIntrospectionLimits checks that introspection queries (only
// __schema, __type and __typename) pass the depth limit of ordinary
// queries, as the query of standard clients needs (13 deep), while
// ordinary and mixed queries keep it, and introspection queries have
// limits of their own: type lists (fields, inputFields, interfaces,
// possibleTypes) nest at most twice, and the depth is capped at 32.
func TestIntrospectionLimits(t *testing.T) {
	srv := server(t)
	typeRef13 := "{ __schema { types { fields { args { type { " + ofTypes(7) + " } } } } } }"
	tests := []struct {
		name    string
		query   string
		wantErr string // "" for none
	}{
		{"introspection 13 deep, as clients send it", typeRef13, ""},
		{"introspection in a named operation with fragments",
			`query IntrospectionQuery { __schema { queryType { name } types { ...FullType } } }
			 fragment FullType on __Type { kind name fields(includeDeprecated: true) { name args { ...InputValue } type { ...TypeRef } } inputFields { ...InputValue } }
			 fragment InputValue on __InputValue { name type { ...TypeRef } defaultValue }
			 fragment TypeRef on __Type { kind name ` + ofTypes(8) + ` }`, ""},
		{"introspection through a root fragment", `query { ...Root } fragment Root on Query { __schema { types { fields { type { ` + ofTypes(9) + ` } } } } }`, ""},
		{"__type with __typename", `{ __typename __type(name: "Event") { name fields { name type { ` + ofTypes(10) + ` } } } }`, ""},
		{"ordinary query 13 deep", `{ events { nodes { retaliationFor { retaliationFor { retaliationFor { retaliationFor { retaliationFor { retaliationFor { retaliationFor { retaliationFor { retaliationFor { retaliationFor { id } } } } } } } } } } } } }`,
			"exceeds max depth 12"},
		{"ordinary field beside a deep introspection", `{ stats { documents } __schema { types { fields { args { type { ` + ofTypes(7) + ` } } } } } }`,
			"exceeds max depth 12"},
		{"type lists nested three times", `{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`,
			"Maximum introspection depth exceeded"},
		{"type lists nested three times through fragments",
			`{ __schema { types { ...A } } } fragment A on __Type { fields { type { ...B } } } fragment B on __Type { interfaces { ...C } } fragment C on __Type { name possibleTypes { name } }`,
			"Maximum introspection depth exceeded"},
		{"introspection past 32 deep, refused as an ordinary query", `{ __type(name: "Event") { ` + ofTypes(31) + ` } }`, "exceeds max depth"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ask(t, srv.URL, tt.query, nil)
			got := errorText(r)
			if tt.wantErr == "" && got != "" {
				t.Fatalf("errors: %s", got)
			}
			if tt.wantErr != "" && !strings.Contains(got, tt.wantErr) {
				t.Fatalf("errors %q, want %q", got, tt.wantErr)
			}
			if tt.wantErr == "" && len(r.Data) < 10 {
				t.Fatalf("data %s", r.Data)
			}
		})
	}
}

// TestEnumsAndDates checks the EventType and EntityClass enums and the
// Date scalar, as arguments and in answers: literals and variables,
// months and RFC 3339 times, and the refusal of a misspelt type or an
// impossible date.
func TestEnumsAndDates(t *testing.T) {
	srv := server(t)
	const byType = `query($type: EventType, $since: Date) { events(type: $type, since: $since) { totalCount nodes { type date sources { date } } } }`
	tests := []struct {
		name    string
		query   string
		vars    map[string]any
		wantErr string
		check   func(t *testing.T, data json.RawMessage)
	}{
		{"enum literal and Date literal", `{ events(type: Attack, since: "2024-01-18", until: "2024-01-18") { nodes { type date } } }`, nil, "", eventsOf("Attack", "2024-01")},
		{"enum and Date variables", byType, map[string]any{"type": "Attack", "since": "2024-01"}, "", eventsOf("Attack", "2024-01")},
		{"Date as an RFC 3339 time", byType, map[string]any{"type": "Attack", "since": "2024-01-18T06:30:00Z"}, "", eventsOf("Attack", "2024-01")},
		{"Date as a year", byType, map[string]any{"type": "Attack", "since": "2024"}, "", eventsOf("Attack", "2024")},
		{"misspelt type literal", `{ events(type: Atack) { totalCount } }`, nil, "EventType", nil},
		{"misspelt type variable", byType, map[string]any{"type": "Atack"}, "Atack", nil},
		{"string literal for an enum", `{ events(type: "Attack") { totalCount } }`, nil, "EventType", nil},
		{"impossible day", byType, map[string]any{"since": "2024-02-30"}, "not a Date", nil},
		{"not a date", `{ events(since: "yesterday") { totalCount } }`, nil, "not a Date", nil},
		{"String variable for a Date", `query($s: String) { events(since: $s) { totalCount } }`, map[string]any{"s": "2024"}, "Date", nil},
		{"entity class enum", `{ entities(class: Region, first: 3) { nodes { class } } }`, nil, "", func(t *testing.T, data json.RawMessage) {
			var v struct {
				Entities struct{ Nodes []struct{ Class string } }
			}
			json.Unmarshal(data, &v)
			if len(v.Entities.Nodes) == 0 {
				t.Fatalf("no region: %s", data)
			}
			for _, n := range v.Entities.Nodes {
				if n.Class != "Region" {
					t.Errorf("class %q", n.Class)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ask(t, srv.URL, tt.query, tt.vars)
			got := errorText(r)
			if tt.wantErr == "" && got != "" {
				t.Fatalf("errors: %s", got)
			}
			if tt.wantErr != "" {
				if !strings.Contains(got, tt.wantErr) {
					t.Fatalf("errors %q, want %q", got, tt.wantErr)
				}
				return
			}
			tt.check(t, r.Data)
		})
	}
}

// eventsOf checks that an answer lists events, all of type typ and dated
// on or after since (a month or year overlaps the days in it).
func eventsOf(typ, since string) func(t *testing.T, data json.RawMessage) {
	return func(t *testing.T, data json.RawMessage) {
		t.Helper()
		var v struct {
			Events struct{ Nodes []struct{ Type, Date string } }
		}
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatal(err)
		}
		if len(v.Events.Nodes) == 0 {
			t.Fatalf("no events: %s", data)
		}
		for _, n := range v.Events.Nodes {
			p := min(len(n.Date), len(since))
			if n.Type != typ || n.Date == "" || n.Date[:p] < since[:p] {
				t.Errorf("event %+v, want type %s since %s", n, typ, since)
			}
		}
	}
}

// TestDateFieldsAreDate: every field and argument that holds a date (an
// event's or a claim's date, a document's publication date, the since and
// until bounds) is of the Date scalar, not String, so that a client's
// generated types know it; dateText, the words of the source, stays text.
func TestDateFieldsAreDate(t *testing.T) {
	srv := server(t)
	r := ask(t, srv.URL, `{ __schema { types { name fields { name type { ...T } args { name type { ...T } } } } } }
	  fragment T on __Type { name kind ofType { name kind ofType { name kind } } }`, nil)
	if e := errorText(r); e != "" {
		t.Fatal(e)
	}
	type typeRef struct {
		Name   string
		OfType *typeRef
	}
	named := func(tr typeRef) string {
		for tr.Name == "" && tr.OfType != nil {
			tr = *tr.OfType
		}
		return tr.Name
	}
	var v struct {
		Schema struct {
			Types []struct {
				Name   string
				Fields []struct {
					Name string
					Type typeRef
					Args []struct {
						Name string
						Type typeRef
					}
				}
			}
		} `json:"__schema"`
	}
	if err := json.Unmarshal(r.Data, &v); err != nil {
		t.Fatal(err)
	}
	isDate := func(name string) bool {
		switch name {
		case "date", "published", "since", "until":
			return true
		}
		return false
	}
	seen := 0
	for _, ty := range v.Schema.Types {
		if strings.HasPrefix(ty.Name, "__") {
			continue
		}
		for _, f := range ty.Fields {
			if isDate(f.Name) {
				seen++
				if got := named(f.Type); got != "Date" {
					t.Errorf("%s.%s is %s, want Date", ty.Name, f.Name, got)
				}
			}
			for _, a := range f.Args {
				if isDate(a.Name) {
					seen++
					if got := named(a.Type); got != "Date" {
						t.Errorf("%s.%s(%s) is %s, want Date", ty.Name, f.Name, a.Name, got)
					}
				}
			}
		}
	}
	// Event.date, SourceClaim.date and .published, Document.published,
	// events(since, until).
	if seen < 6 {
		t.Errorf("%d date fields and arguments, want at least 6", seen)
	}
	// A Date field answers the ISO date.
	r = ask(t, srv.URL, `{ events(type: Attack, first: 1) { nodes { sources { published doc { published } } } } }`, nil)
	var w struct {
		Events struct {
			Nodes []struct {
				Sources []struct {
					Published string
					Doc       struct{ Published string }
				}
			}
		}
	}
	if err := json.Unmarshal(r.Data, &w); err != nil || len(w.Events.Nodes) == 0 || len(w.Events.Nodes[0].Sources) == 0 {
		t.Fatalf("%v: %s %s", err, r.Data, errorText(r))
	}
	s := w.Events.Nodes[0].Sources[0]
	if _, err := api.ParseDate(s.Published); err != nil || s.Published != s.Doc.Published {
		t.Errorf("published %q, doc.published %q", s.Published, s.Doc.Published)
	}
}
