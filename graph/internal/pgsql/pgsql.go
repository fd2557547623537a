// Package pgsql reads the tables of Cayley's SQL quad store in
// PostgreSQL (graph/sql/postgres) directly: nodes, keyed by Cayley's value
// hash, and quads, which reference their nodes by hash. Cayley's own
// iterators read a quad's hashes with one query and then each of its four
// values with another (an LRU of a thousand values aside), so that
// reading the hundred events of a page takes thousands of round trips.
// Here a read of many nodes' quads, values included, is one query.
//
// This package owns that layout for reading; writes stay Cayley's (and
// graph's bulk loader). Store wraps Cayley's quad store as a
// storage.Store whose reader also implements storage.Batcher.
package pgsql

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/lib/pq"

	"github.com/newsgraph/newsgraph/graph/internal/storage"
)

// Select names the quads of one read: those with one of Values in
// direction Dir (subject or object) and, if Preds is not empty, one of
// Preds as predicate.
type Select = storage.Select

// Reader reads quads from Cayley's tables through db.
type Reader struct {
	DB *sql.DB
}

// Read lists the quads each of sels selects, with one statement: out[i]
// holds those of sels[i], in the order of the index of their direction
// (by subject or object hash, then predicate, the other end and label),
// the order in which Cayley's reads return them where PostgreSQL scans
// that index (its plan decides; readers must not depend on more).
func (r Reader) Read(ctx context.Context, sels []Select) ([][]quad.Quad, error) {
	out := make([][]quad.Quad, len(sels))
	var (
		parts []string
		args  []any
	)
	// The IRIs and blank nodes a selection names are known: only the
	// nodes of the other ends of its quads, and their labels, are read
	// (n1, n2, n3), and those of its own end (n4) if it names a literal
	// (two literals may share a hash, "5"^^xsd:integer and 5, and the
	// stored one is read as stored).
	known := map[string]quad.Value{}
	for i, s := range sels {
		if len(s.Values) == 0 {
			continue
		}
		col, others := "subject_hash", "object_hash, label_hash"
		if s.Dir == quad.Object {
			col, others = "object_hash", "subject_hash, label_hash"
		} else if s.Dir != quad.Subject {
			return nil, fmt.Errorf("pgsql: reads by %v are not supported", s.Dir)
		}
		own := "NULL::bytea"
		if !nodesOnly(s.Values) {
			own = col
		}
		args = append(args, hashes(s.Values, known))
		where := fmt.Sprintf("%s = ANY($%d)", col, len(args))
		pred := "predicate_hash"
		if len(s.Preds) > 0 {
			args = append(args, hashes(s.Preds, known))
			where += fmt.Sprintf(" AND predicate_hash = ANY($%d)", len(args))
			pred = "NULL::bytea"
		}
		parts = append(parts, fmt.Sprintf(
			"SELECT %d AS sel, subject_hash AS s, predicate_hash AS p, object_hash AS o, label_hash AS l, %s, %s, %s FROM quads WHERE %s",
			i, pred, others, own, where))
	}
	if len(parts) == 0 {
		return out, nil
	}
	query := `WITH q (sel, s, p, o, l, n1, n2, n3, n4) AS (` + strings.Join(parts, " UNION ALL ") + `)
SELECT sel, s, p, o, l, NULL::bytea, NULL, NULL, NULL, NULL, NULL, NULL::bigint, NULL::boolean, NULL::double precision, NULL::timestamptz FROM q
UNION ALL
SELECT -1, hash, NULL, NULL, NULL, value, value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time
FROM nodes WHERE hash = ANY(ARRAY(SELECT n1 FROM q WHERE n1 IS NOT NULL UNION SELECT n2 FROM q UNION SELECT n3 FROM q WHERE n3 IS NOT NULL UNION SELECT n4 FROM q WHERE n4 IS NOT NULL))`
	rows, err := r.DB.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("pgsql: %w", err)
	}
	defer rows.Close()
	type row struct {
		sel        int
		s, p, o, l []byte
	}
	var (
		quads []row
		nodes = known
	)
	for rows.Next() {
		var (
			q row
			n node
		)
		if err := rows.Scan(&q.sel, &q.s, &q.p, &q.o, &q.l, &n.data, &n.str, &n.typ, &n.lang, &n.iri, &n.bnode,
			&n.vint, &n.vbool, &n.vfloat, &n.vtime); err != nil {
			return nil, fmt.Errorf("pgsql: %w", err)
		}
		if q.sel >= 0 {
			quads = append(quads, q)
			continue
		}
		v, err := n.value()
		if err != nil {
			return nil, err
		}
		nodes[string(q.s)] = v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pgsql: %w", err)
	}
	sort.SliceStable(quads, func(i, j int) bool {
		a, b := &quads[i], &quads[j]
		if a.sel != b.sel {
			return a.sel < b.sel
		}
		x, y := [4][]byte{a.s, a.p, a.o, a.l}, [4][]byte{b.s, b.p, b.o, b.l}
		if sels[a.sel].Dir == quad.Object {
			x[0], x[2], y[0], y[2] = x[2], x[0], y[2], y[0]
		}
		for k := range x {
			if c := bytes.Compare(x[k], y[k]); c != 0 {
				return c < 0
			}
		}
		return false
	})
	for _, q := range quads {
		qd := quad.Quad{Subject: nodes[string(q.s)], Predicate: nodes[string(q.p)], Object: nodes[string(q.o)]}
		if q.l != nil {
			qd.Label = nodes[string(q.l)]
		}
		out[q.sel] = append(out[q.sel], qd)
	}
	return out, nil
}

// hashes returns Cayley's value hashes of vs, as a PostgreSQL array,
// and files the values by hash in known.
func hashes(vs []quad.Value, known map[string]quad.Value) any {
	out := make(pq.ByteaArray, len(vs))
	for i, v := range vs {
		h := csql.HashOf(v)
		out[i] = h.ValueHash[:]
		if nodesOnly(vs[i : i+1]) {
			known[string(out[i])] = v
		}
	}
	return out
}

// nodesOnly tells whether vs are all IRIs or blank nodes.
func nodesOnly(vs []quad.Value) bool {
	for _, v := range vs {
		switch v.(type) {
		case quad.IRI, quad.BNode:
		default:
			return false
		}
	}
	return true
}

// node is a row of table nodes.
type node struct {
	data   []byte
	str    sql.NullString
	typ    sql.NullString
	lang   sql.NullString
	iri    sql.NullBool
	bnode  sql.NullBool
	vint   sql.NullInt64
	vbool  sql.NullBool
	vfloat sql.NullFloat64
	vtime  sql.NullTime
}

// value decodes a node as Cayley's QuadStore.NameOf does.
func (n *node) value() (quad.Value, error) {
	switch {
	case n.str.Valid && n.iri.Bool:
		return quad.IRI(n.str.String), nil
	case n.str.Valid && n.bnode.Bool:
		return quad.BNode(n.str.String), nil
	case n.str.Valid && n.lang.Valid:
		return quad.LangString{Value: quad.String(unescapeNull(n.str.String)), Lang: n.lang.String}, nil
	case n.str.Valid && n.typ.Valid:
		return quad.TypedString{Value: quad.String(unescapeNull(n.str.String)), Type: quad.IRI(n.typ.String)}, nil
	case n.str.Valid:
		return quad.String(unescapeNull(n.str.String)), nil
	case n.vint.Valid:
		return quad.Int(n.vint.Int64), nil
	case n.vbool.Valid:
		return quad.Bool(n.vbool.Bool), nil
	case n.vfloat.Valid:
		return quad.Float(n.vfloat.Float64), nil
	case n.vtime.Valid:
		return quad.Time(n.vtime.Time), nil
	}
	v, err := pquads.UnmarshalValue(n.data)
	if err != nil {
		return nil, fmt.Errorf("pgsql: node value: %w", err)
	}
	return v, nil
}

// unescapeNull undoes Cayley's escape of NUL bytes in stored strings.
func unescapeNull(s string) string { return strings.ReplaceAll(s, `\x00`, "\u0000") }

// Store is Cayley's PostgreSQL quad store, read through Reader where that
// is faster.
type Store struct {
	graph.QuadStore
	DB *sql.DB
}

// Reader returns a reader that reads as Cayley's does, and reads many
// nodes' quads at once (storage.Batcher).
func (s Store) Reader(ctx context.Context) storage.Reader {
	return &batcher{Generic: storage.Generic{QS: s.QuadStore, Ctx: ctx}, r: Reader{DB: s.DB}}
}

// Version returns false: the tables carry no version.
func (Store) Version() (string, bool, error) { return "", false, nil }

// WriteStats returns false: PostgreSQL's writes are not counted.
func (Store) WriteStats() (int64, int64, bool) { return 0, 0, false }

// batcher is storage.Generic with Batch.
type batcher struct {
	storage.Generic
	r Reader
}

// Batch reads the quads each of sels selects, with one query.
func (b *batcher) Batch(sels []Select) ([][]quad.Quad, error) { return b.r.Read(b.Ctx, sels) }
