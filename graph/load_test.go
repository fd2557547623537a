package graph

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// TestCopyQuads bulk-loads with COPY what Put wrote into a staging store,
// then opens the result through Cayley's SQL quad store and checks it
// against a store written by Put directly: the same quads, the same node
// reference counts, the same events, and a Gizmo query that answers.
func TestCopyQuads(t *testing.T) {
	ctx := context.Background()
	recs := []*extract.Record{docA(), docB()}
	staging := openTest(t, Config{Backend: BackendMemory})
	for _, r := range recs {
		mustPut(t, staging, r)
	}
	direct := openTest(t, Config{Backend: BackendPostgres, Path: postgresDSN(t)})
	for _, r := range recs {
		mustPut(t, direct, r)
	}

	dsn := postgresDSN(t)
	bulk := openTest(t, Config{Backend: BackendPostgres, Path: dsn})
	r := staging.AllQuads(ctx)
	st, err := bulk.CopyQuads(ctx, r)
	r.Close()
	if err != nil {
		t.Fatal(err)
	}
	want := allQuads(t, staging)
	if st.Read != len(want) || st.Inserted != len(want) {
		t.Errorf("read %d, inserted %d; want %d", st.Read, st.Inserted, len(want))
	}
	// Copying again inserts nothing.
	r = staging.AllQuads(ctx)
	st, err = bulk.CopyQuads(ctx, r)
	r.Close()
	if err != nil || st.Inserted != 0 {
		t.Fatalf("second copy: inserted %d, %v", st.Inserted, err)
	}
	bulk.Close()

	// A fresh open: Cayley reads the tables as they are.
	s := openTest(t, Config{Backend: BackendPostgres, Path: dsn, ReadOnly: true})
	sortQuads := func(qs []quad.Quad) []string {
		out := make([]string, len(qs))
		for i, q := range qs {
			out[i] = q.String()
		}
		sort.Strings(out)
		return out
	}
	if got, exp := sortQuads(allQuads(t, s)), sortQuads(allQuads(t, direct)); !reflect.DeepEqual(got, exp) {
		t.Fatalf("bulk-loaded store has %d quads, Put wrote %d", len(got), len(exp))
	}
	if got, exp := mustEvents(t, s, EventFilter{}), mustEvents(t, direct, EventFilter{}); !reflect.DeepEqual(got, exp) {
		t.Errorf("events differ:\n got %+v\nwant %+v", got, exp)
	}
	res, err := s.Query(ctx, "gizmo", `g.V("<`+pakistan.ID+`>").Out("<`+string(schema.Struck)+`>").Unique().All()`, 0)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range res {
		ids = append(ids, r.(map[string]interface{})["id"].(string))
	}
	sort.Strings(ids)
	if w := []string{"<" + blf.ID + ">", "<" + bla.ID + ">", "<" + iran.ID + ">"}; !reflect.DeepEqual(ids, w) {
		t.Errorf("Gizmo: %v, want %v", ids, w)
	}

	// Reference counts as Cayley's writer keeps them.
	refs := func(store *Store) string {
		var b strings.Builder
		rows, err := store.pg.QueryContext(ctx, `SELECT encode(hash, 'hex'), refs FROM nodes ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var h string
			var n sql.NullInt64
			if err := rows.Scan(&h, &n); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %d\n", h, n.Int64)
		}
		return b.String()
	}
	if got, exp := refs(s), refs(direct); got != exp {
		t.Errorf("node reference counts differ from Cayley's writer")
	}

	// The bulk load of the empty store dropped the indexes and foreign
	// keys of table quads and made them again: as Cayley creates them.
	layout := func(store *Store) string {
		var b strings.Builder
		rows, err := store.pg.QueryContext(ctx, `SELECT c.relname, regexp_replace(pg_get_indexdef(ix.indexrelid), ' ON \S+\.quads', ' ON quads')
			FROM pg_index ix JOIN pg_class c ON c.oid = ix.indexrelid WHERE ix.indrelid = 'quads'::regclass
			UNION ALL SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'quads'::regclass
			ORDER BY 1, 2`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var name, def string
			if err := rows.Scan(&name, &def); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s: %s\n", name, def)
		}
		return b.String()
	}
	if got, exp := layout(s), layout(direct); got != exp || !strings.Contains(exp, "FOREIGN KEY") {
		t.Errorf("indexes and constraints of quads after the bulk load:\n%s\nCayley's:\n%s", got, exp)
	}

	// Put keeps working on the bulk-loaded store: re-putting a document
	// leaves it unchanged.
	w := openTest(t, Config{Backend: BackendPostgres, Path: dsn})
	if res := mustPut(t, w, docA()); res.Status != Unchanged {
		t.Errorf("re-put after bulk load: %v, want unchanged", res.Status)
	}
}

// TestPostgresIndexFill: the B-tree indexes of a PostgreSQL store Open
// creates are built to fill their pages (pgIndexFill), not half (Cayley's
// 50), so that the index builds of a bulk load take half the pages; the
// hash index of quads_unique fills its buckets (pgLeanIndexes).
func TestPostgresIndexFill(t *testing.T) {
	s := openTest(t, Config{Backend: BackendPostgres, Path: postgresDSN(t)})
	for _, c := range []struct {
		index string
		fill  int
	}{
		{"quads_subject", pgIndexFill},
		{"quads_object", pgIndexFill},
		{"quads_predicate", pgIndexFill},
		{"quads_unique", 100},
	} {
		var opts []byte
		err := s.pg.QueryRow(`SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = to_regclass($1)`, c.index).Scan(&opts)
		if err != nil {
			t.Fatalf("%s: %v", c.index, err)
		}
		if want := fmt.Sprintf("fillfactor=%d", c.fill); string(opts) != want {
			t.Errorf("%s: options %q, want %q", c.index, opts, want)
		}
	}
}

// TestPostgresLeanIndexes: a PostgreSQL store Open creates has one
// single-column index for each direction a read gives, and an exclusion
// constraint that keeps quads unique, with a label and without; Cayley's
// indexes of three hashes and its unique indexes are gone.
func TestPostgresLeanIndexes(t *testing.T) {
	s := openTest(t, Config{Backend: BackendPostgres, Path: postgresDSN(t)})
	for _, index := range []string{"spo_index", "osp_index", "ops_index", "pos_index", "spo_unique", "spol_unique"} {
		var exists bool
		if err := s.pg.QueryRow(`SELECT to_regclass($1) IS NOT NULL`, index).Scan(&exists); err != nil || exists {
			t.Errorf("%s exists (%v, %v)", index, exists, err)
		}
	}
	var kind string
	if err := s.pg.QueryRow(`SELECT contype FROM pg_constraint WHERE conname = 'quads_unique'
		AND conrelid = 'quads'::regclass`).Scan(&kind); err != nil || kind != "x" {
		t.Errorf("quads_unique: constraint type %q (%v), want an exclusion constraint", kind, err)
	}
	ctx := context.Background()
	conn, err := s.pg.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SET enable_seqscan = off`); err != nil {
		t.Fatal(err)
	}
	// each read finds its rows through the index of the direction it
	// gives first (the plan of an empty table; on a loaded one the
	// planner may combine two)
	for _, c := range []struct{ where, index string }{
		{`subject_hash = '\x00'`, "quads_subject"},
		{`object_hash = '\x00'`, "quads_object"},
		{`predicate_hash = '\x01'`, "quads_predicate"},
	} {
		var plan strings.Builder
		rows, err := conn.QueryContext(ctx, `EXPLAIN SELECT label_hash FROM quads WHERE `+c.where)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				t.Fatal(err)
			}
			plan.WriteString(line + "\n")
		}
		rows.Close()
		if !strings.Contains(plan.String(), c.index) {
			t.Errorf("a read by %s does not use %s:\n%s", c.where, c.index, plan.String())
		}
	}
	// a quad stored twice is refused, with its label and without; with
	// ON CONFLICT DO NOTHING (Cayley's writer, the bulk load) it is left
	for _, label := range []string{`'\x04'`, "NULL"} {
		for _, h := range []string{`'\x01'`, `'\x02'`, `'\x03'`, `'\x04'`} {
			if _, err := conn.ExecContext(ctx, `INSERT INTO nodes (hash, refs) VALUES (`+h+`, 1) ON CONFLICT DO NOTHING`); err != nil {
				t.Fatal(err)
			}
		}
		insert := `INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash) VALUES ('\x01', '\x02', '\x03', ` + label + `)`
		if _, err := conn.ExecContext(ctx, insert); err != nil {
			t.Fatal(err)
		}
		if _, err := conn.ExecContext(ctx, insert); err == nil {
			t.Errorf("label %s: a quad stored twice", label)
		}
		res, err := conn.ExecContext(ctx, insert+` ON CONFLICT DO NOTHING`)
		if err != nil {
			t.Fatalf("label %s: %v", label, err)
		}
		if n, _ := res.RowsAffected(); n != 0 {
			t.Errorf("label %s: ON CONFLICT DO NOTHING stored the quad again", label)
		}
	}
}
