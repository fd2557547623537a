package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/internal/testtool"
	"github.com/newsgraph/newsgraph/schema"
)

func TestQuery(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		for _, rec := range []*extract.Record{docA(), docB()} {
			mustPut(t, s, rec)
		}
		iri := func(v quad.IRI) string { return "<" + string(v) + ">" }
		cases := []struct {
			name, lang, query string
			limit             int
			want              []string // sorted, distinct values of the results' "id"
		}{
			{"whom Pakistan struck", "gizmo",
				`g.V("<` + pakistan.ID + `>").Out("` + iri(schema.Struck) + `").Unique().All()`, 0,
				[]string{"<" + blf.ID + ">", "<" + bla.ID + ">", "<" + iran.ID + ">"}},
			{"names of the places Pakistan struck in", "gizmo",
				`g.V("<` + pakistan.ID + `>").Out("` + iri(schema.StruckIn) + `").Out("` + iri(schema.Name) + `").Unique().All()`, 0,
				[]string{"Saravan", "Sistan and Baluchestan"}},
			{"tolls reported (typed integers)", "gizmo",
				`g.V().In("` + iri(schema.ReportOf) + `").Out("` + iri(schema.Killed) + `").All()`, 0,
				[]string{"2", "7", "9"}},
			{"limit", "gizmo",
				`g.V("<` + pakistan.ID + `>").Out("` + iri(schema.Struck) + `").Unique().All()`, 2,
				nil}, // checked by count below
			{"whom Pakistan struck, by GraphQL", "graphql",
				`{ nodes(id: "<` + pakistan.ID + `>") { struck: ` + iri(schema.Struck) + ` { id } } }`, 0,
				[]string{blf.ID, bla.ID, iran.ID}},
		}
		for _, c := range cases {
			res, err := s.Query(context.Background(), c.lang, c.query, c.limit)
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
				continue
			}
			if _, err := json.Marshal(res); err != nil {
				t.Errorf("%s: results are not JSON-ready: %v", c.name, err)
			}
			if c.limit > 0 {
				if len(res) != c.limit {
					t.Errorf("%s: %d results, want %d", c.name, len(res), c.limit)
				}
				continue
			}
			if got := ids(res); !reflect.DeepEqual(got, c.want) {
				t.Errorf("%s: got %v, want %v", c.name, got, c.want)
			}
		}
		for _, bad := range []struct{ lang, query string }{
			{"sparql", "SELECT * WHERE { ?s ?p ?o }"},
			{"gizmo", "g.V(("},
			{"graphql", "{ nodes("},
		} {
			if _, err := s.Query(context.Background(), bad.lang, bad.query, 0); err == nil {
				t.Errorf("%s query %q: no error", bad.lang, bad.query)
			}
		}
	})
}

// ids collects the "id" values found anywhere in query results, distinct
// and sorted, as strings.
func ids(res []interface{}) []string {
	set := map[string]bool{}
	var walk func(v interface{})
	walk = func(v interface{}) {
		switch v := v.(type) {
		case map[string]interface{}:
			for k, x := range v {
				if k == "id" {
					b, _ := json.Marshal(x)
					set[strings.Trim(string(b), `"`)] = true
					continue
				}
				walk(x)
			}
		case []interface{}:
			for _, x := range v {
				walk(x)
			}
		case []map[string]interface{}:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, r := range res {
		walk(r)
	}
	var out []string
	for k := range set {
		out = append(out, strings.NewReplacer(`\u003c`, "<", `\u003e`, ">").Replace(k))
	}
	sort.Strings(out)
	return out
}

func TestNQuadsOutput(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		for _, rec := range []*extract.Record{docA(), docB(), docC()} {
			mustPut(t, s, rec)
		}
		quads := allQuads(t, s)
		var buf bytes.Buffer
		w := nquads.NewWriter(&buf)
		if _, err := w.WriteQuads(quads); err != nil {
			t.Fatal(err)
		}
		w.Close()
		out := buf.String()
		for _, bad := range []string{"<xsd:", `"True"`, `"False"`, "^^<int>", "^^<bool>"} {
			if strings.Contains(out, bad) {
				t.Errorf("N-Quads output contains %s", bad)
			}
		}
		for _, want := range []string{
			`"9"^^<http://www.w3.org/2001/XMLSchema#integer>`,
			`"2024-01-18"^^<http://www.w3.org/2001/XMLSchema#date>`,
			`<` + ent + `pakistan> <` + string(schema.Struck) + `> <` + ent + `iran> <` + string(schema.DocumentIRI(schema.DefaultBase, "a.txt")) + `> .`,
		} {
			if !strings.Contains(out, want) {
				t.Errorf("N-Quads output lacks %s", want)
			}
		}
		// Cayley reads its own output back, quad for quad.
		back, err := quad.ReadAll(nquads.NewReader(strings.NewReader(out), false))
		if err != nil {
			t.Fatalf("reading the output back: %v", err)
		}
		if len(back) != len(quads) {
			t.Errorf("read back %d quads, wrote %d", len(back), len(quads))
		}
		// rapper, an independent parser, agrees it is valid N-Quads.
		cmd := exec.Command(testtool.Require(t, "rapper", "raptor2-utils"), "-q", "-i", "nquads", "-o", "nquads", "-", "urn:x")
		cmd.Stdin = strings.NewReader(out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("rapper rejects the output: %v\n%.500s", err, msg)
		}
	})
}
