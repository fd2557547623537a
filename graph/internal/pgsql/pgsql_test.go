package pgsql

import (
	"context"
	dsql "database/sql"
	"fmt"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph/internal/storage"
)

// testDSN returns a connection string to a fresh schema of the test
// database, dropped when the test ends; without a server the test fails
// under CI=true and is skipped otherwise.
func testDSN(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("NEWSGRAPH_TEST_POSTGRES")
	if dsn == "" {
		dsn = "postgres://root@127.0.0.1:5432/test?sslmode=disable"
	}
	db, err := dsql.Open("postgres", dsn)
	if err == nil {
		err = db.Ping()
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL unreachable: %v", err)
		}
		t.Skipf("PostgreSQL unreachable: %v", err)
	}
	name := fmt.Sprintf("pgsql_test_%d", os.Getpid())
	for _, stmt := range []string{"DROP SCHEMA IF EXISTS " + name + " CASCADE", "CREATE SCHEMA " + name} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	t.Cleanup(func() {
		defer db.Close()
		if _, err := db.Exec("DROP SCHEMA IF EXISTS " + name + " CASCADE"); err != nil {
			t.Errorf("drop schema: %v", err)
		}
	})
	return dsn + "&search_path=" + name
}

// values are one of each kind of value Cayley's SQL backend stores in
// its own columns, and some it stores marshalled.
var values = []quad.Value{
	quad.IRI("http://ex.org/a"),
	quad.IRI("http://ex.org/b"),
	quad.BNode("n1"),
	quad.String("plain"),
	quad.String("with\x00nul"),
	quad.TypedString{Value: "3 412 498 Three people were killed.", Type: "http://ex.org/Evidence"},
	quad.TypedString{Value: "2024-01-18", Type: "http://www.w3.org/2001/XMLSchema#date"},
	quad.LangString{Value: "Peshawar", Lang: "ur"},
	quad.Int(-42),
	quad.Bool(true),
	quad.Float(33.5),
	quad.Time(time.Date(2024, 1, 18, 10, 30, 0, 0, time.UTC)),
}

// testStore returns Cayley's quad store in a fresh schema (testDSN), and
// a connection pool to it; both are closed when the test ends.
func testStore(t *testing.T) (*csql.QuadStore, *dsql.DB) {
	t.Helper()
	dsn := testDSN(t)
	if err := csql.Init(postgres.Type, dsn, nil); err != nil {
		t.Fatal(err)
	}
	qs, err := csql.New(postgres.Type, dsn, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { qs.Close() })
	db, err := dsql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return qs.(*csql.QuadStore), db
}

func TestReadsAsCayley(t *testing.T) {
	qs, db := testStore(t)
	preds := []quad.Value{quad.IRI("http://ex.org/p"), quad.IRI("http://ex.org/q")}
	labels := []quad.Value{nil, quad.IRI("http://ex.org/doc1"), quad.IRI("http://ex.org/doc2")}
	var deltas []graph.Delta
	for i, s := range values[:3] {
		for j, o := range values {
			q := quad.Quad{Subject: s, Predicate: preds[(i+j)%2], Object: o, Label: labels[(i*j)%3]}
			deltas = append(deltas, graph.Delta{Quad: q, Action: graph.Add})
		}
	}
	// a quad whose object is a subject's, and one deleted
	deltas = append(deltas,
		graph.Delta{Quad: quad.Make(values[1], preds[0], values[0], nil), Action: graph.Add},
		graph.Delta{Quad: quad.Make(values[2], preds[1], values[9], nil), Action: graph.Add})
	if err := qs.ApplyDeltas(deltas, graph.IgnoreOpts{IgnoreDup: true}); err != nil {
		t.Fatal(err)
	}
	if err := qs.ApplyDeltas([]graph.Delta{{Quad: quad.Make(values[2], preds[1], values[9], nil), Action: graph.Delete}},
		graph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cayley := &storage.Generic{QS: qs, Ctx: ctx}
	r := Reader{DB: db}

	// one selection per value, direction and predicate (none, one, two),
	// read in one batch and each by Cayley
	var sels []Select
	for _, v := range append(values, quad.IRI("http://ex.org/absent")) {
		for _, dir := range []quad.Direction{quad.Subject, quad.Object} {
			sels = append(sels, Select{Dir: dir, Values: []quad.Value{v}},
				Select{Dir: dir, Values: []quad.Value{v}, Preds: preds[:1]},
				Select{Dir: dir, Values: []quad.Value{v}, Preds: preds})
		}
	}
	// and one of several values
	sels = append(sels, Select{Dir: quad.Subject, Values: values[:3], Preds: preds[1:]})
	got, err := r.Read(ctx, sels)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for i, s := range sels {
		var want []quad.Quad
		for _, v := range s.Values {
			ps := []quad.Value{nil}
			if len(s.Preds) > 0 {
				ps = s.Preds
			}
			for _, p := range ps {
				it := cayley.Quads(s.Dir, v, p)
				for it.Next() {
					want = append(want, it.Quad())
				}
				if err := it.Close(); err != nil {
					t.Fatal(err)
				}
			}
		}
		if g, w := sorted(got[i]), sorted(want); fmt.Sprint(g) != fmt.Sprint(w) {
			t.Errorf("selection %d %v %v %v:\n got %v\nwant %v", i, s.Dir, s.Values, s.Preds, g, w)
		}
		total += len(want)
	}
	if total < len(deltas) {
		t.Fatalf("only %d quads compared: the fixture reads nothing", total)
	}
}

func sorted(qs []quad.Quad) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		// StringOf tells the kinds apart ("a", <a>, _:a, "1"^^<xsd:integer>)
		out[i] = fmt.Sprintf("%s|%s|%s|%s", quad.StringOf(q.Subject), quad.StringOf(q.Predicate),
			quad.StringOf(q.Object), quad.StringOf(q.Label))
	}
	sort.Strings(out)
	return out
}
