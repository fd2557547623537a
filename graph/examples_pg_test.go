package graph

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestExamplesSameOnPostgres runs each example query (examples/queries/*.js)
// on a bolt and a PostgreSQL store of the same generated records, and the
// paged ones by pages of three rows, the second from the cursor of the
// first page's last row (on PostgreSQL with perAttack set and not):
// both stores must print the same rows. The GraphQL example is run by
// pages too (checkGraphQLExamplePages). (On PostgreSQL Cayley turns a path
// into SQL only when it starts from one node and has no Unique, which the
// examples' perAttack is for; the answers must not depend on it.)
func TestExamplesSameOnPostgres(t *testing.T) {
	files, _ := filepath.Glob("../examples/queries/*.js")
	if len(files) == 0 {
		t.Fatal("no example queries")
	}
	recs := generated(t, 40)
	bolt := openTest(t, Config{Backend: BackendBolt, Path: filepath.Join(t.TempDir(), "test.db")})
	pg := openTest(t, Config{Backend: BackendPostgres, Path: postgresDSN(t)})
	putAll(t, bolt, recs)
	putAll(t, pg, recs)
	// attacks-on-country.js asks about a country the records name.
	country := answerJSON(t, bolt, `g.Emit(g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://newsgraph.org/ns#Attack>").Out("<https://newsgraph.org/ns#eventCountry>").Out("<https://newsgraph.org/ns#name>").ToArray().sort()[0])`)
	if len(country) != 1 {
		t.Fatalf("no attack with a country in the generated records: %v", country)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			q := strings.Replace(string(src), "var first = 100;", "var first = 3;", 1)
			q = strings.Replace(q, `var country = "Pakistan";`, "var country = "+country[0]+";", 1)
			paged := strings.Contains(q, `var after = "";`)
			rows := sameAnswer(t, bolt, pg, q, paged)
			if len(rows) == 0 {
				t.Fatal("no rows on the generated store: the query tests nothing")
			}
			if !paged {
				return
			}
			var last struct{ Cursor string }
			if err := json.Unmarshal(rows[len(rows)-1], &last); err != nil || last.Cursor == "" {
				t.Fatalf("last row %s has no cursor (%v)", rows[len(rows)-1], err)
			}
			after, _ := json.Marshal(last.Cursor)
			q = strings.Replace(q, `var after = "";`, "var after = "+string(after)+";", 1)
			sameAnswer(t, bolt, pg, q, true)
		})
	}
	t.Run("who-struck-whom.graphql", func(t *testing.T) { checkGraphQLExamplePages(t, bolt, pg) })
}

// sameAnswer runs the Gizmo query q on both stores, fails the test unless
// they answer the same rows (in the same order if ordered: a query that is
// not paged lists its rows in the store's order), and returns bolt's rows
// as JSON.
func sameAnswer(t *testing.T, bolt, pg *Store, q string, ordered bool) []json.RawMessage {
	t.Helper()
	want := answerJSON(t, bolt, q)
	if !ordered {
		sort.Strings(want)
	}
	// both ways of reading the fields: from each attack, and from all
	// the page's attacks at once (one statement a field, pgsql.Queries)
	for _, perAttack := range []string{"true", "false"} {
		got := answerJSON(t, pg, strings.Replace(q, "var perAttack = false;", "var perAttack = "+perAttack+";", 1))
		if !ordered {
			sort.Strings(got)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("PostgreSQL (perAttack %s) answers\n%s\nbolt answers\n%s", perAttack, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	out := make([]json.RawMessage, len(want))
	for i, r := range want {
		out[i] = json.RawMessage(r)
	}
	return out
}

// answerJSON runs the Gizmo query q on s and returns its rows as JSON.
func answerJSON(t *testing.T, s *Store, q string) []string {
	t.Helper()
	res, err := s.Query(context.Background(), "gizmo", q, 0)
	if err != nil {
		t.Fatal(err)
	}
	rows := make([]string, len(res))
	for i, r := range res {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		rows[i] = string(b)
	}
	return rows
}
