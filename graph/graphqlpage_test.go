package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// pageRow is what the page tests read of a row of a GraphQL page.
type pageRow struct {
	ID     string `json:"id"`
	Cursor string `json:"cursor"`
}

// bothPaths runs fn with the paged listings of events read from the
// calendar and read whole and sorted (fewNodes, which a small store
// would otherwise never pass).
func bothPaths(t *testing.T, fn func(t *testing.T)) {
	for _, few := range []int{0, smallListing} {
		t.Run(fmt.Sprintf("fewNodes=%d", few), func(t *testing.T) {
			defer func(old int) { fewNodes = old }(fewNodes)
			fewNodes = few
			fn(t)
		})
	}
}

// checkGraphQLExamplePages runs the GraphQL example
// (examples/queries/who-struck-whom.graphql) by pages of five on a bolt
// and a PostgreSQL store of the same records (TestExamplesSameOnPostgres):
// each page must be the same on both, list the attacks as the typed
// listing does (the newest first, with the same cursors), and the
// second, from the first's last cursor, follow it without gap or
// overlap.
func checkGraphQLExamplePages(t *testing.T, bolt, pg *Store) {
	src, err := os.ReadFile("../examples/queries/who-struck-whom.graphql")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "first: 100") || !strings.Contains(string(src), `after: ""`) {
		t.Fatal(`the example no longer pages with first: 100 and after: ""`)
	}
	q := strings.ReplaceAll(string(src), "first: 100", "first: 5")
	want, err := bolt.Events(context.Background(), EventFilter{Type: "Attack", NewestFirst: true, Limit: 10})
	if err != nil || len(want) < 10 {
		t.Fatalf("typed listing: %d events, %v", len(want), err)
	}
	bothPaths(t, func(t *testing.T) {
		after := ""
		for page := 0; page < 2; page++ {
			cursor, _ := json.Marshal(after)
			pq := strings.ReplaceAll(q, `after: ""`, "after: "+string(cursor))
			rows := samePage(t, bolt, pg, pq)
			if got, want := rows, pageOf(want[5*page:5*page+5]); !reflect.DeepEqual(got, want) {
				t.Fatalf("page %d:\n%v\nwant (the typed listing's)\n%v", page+1, got, want)
			}
			after = rows[len(rows)-1].Cursor
		}
	})
}

// pageOf is the rows a page of events lists.
func pageOf(events []extract.Event) []pageRow {
	out := make([]pageRow, len(events))
	for i, e := range events {
		out[i] = pageRow{e.ID, EventCursor(e)}
	}
	return out
}

// samePage runs GraphQL query q (one root field, "attacks") on both
// stores, fails the test unless they answer the same, and returns the
// rows.
func samePage(t *testing.T, bolt, pg *Store, q string) []pageRow {
	t.Helper()
	answer := func(s *Store) string {
		res, err := s.Query(context.Background(), "graphql", q, 0)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	want, got := answer(bolt), answer(pg)
	if got != want {
		t.Fatalf("PostgreSQL answers\n%s\nbolt answers\n%s", got, want)
	}
	var res []struct{ Attacks []pageRow }
	if err := json.Unmarshal([]byte(want), &res); err != nil || len(res) != 1 {
		t.Fatalf("answer %s: %v", want, err)
	}
	return res[0].Attacks
}

// TestGraphQLPages checks the paging of Cayley's GraphQL root fields,
// one row per shape of query, on memory and bolt stores of generated
// records, with the listing of events from the calendar and read whole.
func TestGraphQLPages(t *testing.T) {
	recs := generated(t, 40)
	ctx := context.Background()
	for _, b := range backends()[:2] {
		t.Run(b.name, func(t *testing.T) {
			s := b.open(t)
			putAll(t, s, recs)
			events, err := s.Events(ctx, EventFilter{Type: "Attack", NewestFirst: true})
			if err != nil || len(events) < 4 {
				t.Fatalf("typed listing: %d events, %v", len(events), err)
			}
			listing := pageOf(events)
			persons := instancesOf(t, s, schema.Person)
			bothPaths(t, func(t *testing.T) { checkPages(t, s, listing, persons) })
		})
	}
}

// instancesOf returns the IRIs of the instances of class in s, sorted.
func instancesOf(t *testing.T, s *Store, class fmt.Stringer) []string {
	t.Helper()
	var out []string
	res, err := s.Query(context.Background(), "gizmo", `g.V("`+class.String()+`").In("<`+string(schema.Type)+`>").All()`, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		out = append(out, strings.Trim(fmt.Sprint(r.(map[string]interface{})["id"]), "<>"))
	}
	sort.Strings(out)
	if len(out) < 3 {
		t.Fatalf("%d instances of %v", len(out), class)
	}
	return out
}

// checkPages runs the shapes of paged queries on s, whose attacks the
// typed listing lists as listing and whose persons are persons (IRIs,
// sorted).
func checkPages(t *testing.T, s *Store, listing []pageRow, persons []string) {
	attacks := `<` + string(schema.Type) + `>: <` + string(schema.Attack) + `>`
	last := len(listing) - 1
	strip := func(rows []pageRow) []pageRow { // the rows of a query that asks no cursor
		out := make([]pageRow, len(rows))
		for i, r := range rows {
			out[i] = pageRow{ID: r.ID}
		}
		return out
	}
	quoted := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	cases := []struct {
		name, query string
		want        interface{} // []pageRow, a pageRow (one row), nil (none)
	}{
		{"first page", `{ a: nodes(` + attacks + `, first: 3) { id cursor } }`, listing[:3]},
		{"offset", `{ a: nodes(` + attacks + `, first: 2, offset: 1) { id cursor } }`, listing[1:3]},
		{"after a cursor", `{ a: nodes(` + attacks + `, first: 2, after: ` + quoted(listing[0].Cursor) + `) { id cursor } }`, listing[1:3]},
		{"empty cursor: the start", `{ a: nodes(` + attacks + `, first: 2, after: "") { id cursor } }`, listing[:2]},
		{"after without first: the rest", `{ a: nodes(` + attacks + `, after: ` + quoted(listing[last-2].Cursor) + `) { id cursor } }`, listing[last-1:]},
		{"no cursor asked", `{ a: nodes(` + attacks + `, first: 2) { id } }`, strip(listing[:2])},
		{"one row is the row", `{ a: nodes(` + attacks + `, first: 1) { id cursor } }`, listing[0]},
		{"no row", `{ a: nodes(` + attacks + `, first: 0) { id cursor } }`, nil},
		{"past the end", `{ a: nodes(` + attacks + `, first: 2, offset: ` + fmt.Sprint(last+1) + `) { id } }`, nil},
		{"not events: by IRI", `{ a: nodes(<` + string(schema.Type) + `>: <` + string(schema.Person) + `>, first: 3) { id } }`,
			[]pageRow{{ID: persons[0]}, {ID: persons[1]}, {ID: persons[2]}}},
		{"id arguments", `{ a: nodes(id: [` + quoted("<"+listing[2].ID+">") + `, ` + quoted("<"+listing[1].ID+">") + `], first: 5) { id cursor } }`, listing[1:3]},
	}
	for _, c := range cases {
		res, err := s.Query(context.Background(), "graphql", c.query, 0)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		b, _ := json.Marshal(res)
		var got []struct{ A json.RawMessage }
		if err := json.Unmarshal(b, &got); err != nil || len(got) != 1 {
			t.Errorf("%s: answer %s (%v)", c.name, b, err)
			continue
		}
		want, _ := json.Marshal(c.want)
		if norm(t, got[0].A) != norm(t, want) {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got[0].A, want)
		}
	}
	for _, bad := range []string{
		`{ a: nodes(` + attacks + `, first: 2, after: "nonsense") { id } }`,
		`{ a: nodes(` + attacks + `, first: "two") { id } }`,
		`{ a: nodes(` + attacks + `, first: 2, after: 3) { id } }`,
	} {
		if _, err := s.Query(context.Background(), "graphql", bad, 0); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

// norm is JSON text in a canonical form (an empty cursor left out), for
// comparing.
func norm(t *testing.T, raw []byte) string {
	t.Helper()
	var v interface{}
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("%s: %v", raw, err)
	}
	var drop func(interface{})
	drop = func(v interface{}) {
		switch v := v.(type) {
		case map[string]interface{}:
			if v["cursor"] == "" {
				delete(v, "cursor")
			}
		case []interface{}:
			for _, e := range v {
				drop(e)
			}
		}
	}
	drop(v)
	b, _ := json.Marshal(v)
	return string(b)
}
