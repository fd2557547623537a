package pgsql

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/shape"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/quad"
)

// Queries is Cayley's PostgreSQL quad store for queries (Gizmo and
// GraphQL): it turns a path from many nodes into one SQL statement.
//
// Cayley v0.7.7's SQL optimizer builds SQL only from a path that starts
// at one node (graph/sql/optimizer.go: a Fixed shape of more than one
// value is left to Go iterators), so `g.V(a, b, c).Out(p)`, or a GraphQL
// filter naming several values, checks each quad of the nodes against
// an SQL iterator with a statement of its own: hundreds of round trips
// for the fields of a page of a hundred events. Queries hands Cayley's
// optimizer those nodes as a selection of the nodes table by hash
// (hash IN (...)), which it joins into the SQL of the quads like any
// other, so that such a step is one statement. The answers are the same:
// the nodes selected are the nodes named.
//
// The values of the nodes such a statement answers (and of its tags) are
// then read with one more statement, ahead of the NameOf of each, which
// Cayley's store answers with a statement of its own per value.
type Queries struct {
	*csql.QuadStore
	db    *sql.DB // reads values ahead
	names *names
}

// NewQueries returns Queries of qs, whose tables db reads too.
func NewQueries(qs *csql.QuadStore, db *sql.DB) Queries {
	return Queries{QuadStore: qs, db: db, names: &names{m: map[graph.ValueHash]quad.Value{}}}
}

// NameOf returns the value of a node: read ahead, or read by Cayley.
func (q Queries) NameOf(r graph.Ref) quad.Value {
	var h graph.ValueHash
	switch r := r.(type) {
	case csql.NodeHash:
		h = r.ValueHash
	case graph.ValueHash:
		h = r
	}
	if v, ok := q.names.get(h); ok {
		return v
	}
	return q.QuadStore.NameOf(r)
}

var _ shape.Optimizer = Queries{}

// OptimizeShape is Cayley's SQL optimizer, given the nodes of a Fixed
// shape of several values as a selection by hash where that lets it
// build SQL.
func (q Queries) OptimizeShape(s shape.Shape) (shape.Shape, bool) {
	in := bare(s)
	switch v := in.(type) {
	case shape.Quads:
		in = q.quadsIn(v)
	case shape.Intersect:
		in = q.intersectIn(v)
	case shape.Save:
		// tagged nodes, even one: Cayley builds SQL for tags on SQL only
		if sel, ok := nodesIn(v.From, 1); ok {
			v.From = sel
			in = v
		}
	}
	out, ok := q.QuadStore.OptimizeShape(in)
	if !ok {
		return s, false
	}
	return q.bound(out), true
}

// quadsIn returns s with each filter on several nodes as a selection of
// the nodes.
func (q Queries) quadsIn(s shape.Quads) shape.Quads {
	out := s
	for i, f := range s {
		sel, ok := nodesIn(f.Values, 2)
		if !ok {
			continue
		}
		if &out[0] == &s[0] {
			out = append(shape.Quads(nil), s...)
		}
		out[i].Values = sel
	}
	return out
}

// intersectIn returns s with each set of several nodes as a selection of
// the nodes, where another part is SQL already (else there is nothing to
// join them with).
func (q Queries) intersectIn(s shape.Intersect) shape.Intersect {
	sql := false
	for _, sub := range s {
		_, ok := sub.(csql.Select)
		sql = sql || ok
	}
	if !sql {
		return s
	}
	out := s
	for i, sub := range s {
		sel, ok := nodesIn(sub, 2)
		if !ok {
			continue
		}
		if &out[0] == &s[0] {
			out = append(shape.Intersect(nil), s...)
		}
		out[i] = sel
	}
	return out
}

// inAlias numbers the tables of the selections nodesIn makes, so that
// two in one statement have names of their own.
var inAlias atomic.Int64

// nodesIn returns the selection of the nodes of a Fixed shape of at least
// least values from table nodes, by hash (ok false for another shape, or
// one whose values are not Cayley's SQL hashes).
func nodesIn(s shape.Shape, least int) (csql.Select, bool) {
	fixed, ok := s.(shape.Fixed)
	if !ok || len(fixed) < least {
		return csql.Select{}, false
	}
	list := make([]string, len(fixed))
	for i, ref := range fixed {
		h, ok := ref.(csql.NodeHash)
		if !ok || !h.Valid() {
			return csql.Select{}, false
		}
		list[i] = "decode('" + hex.EncodeToString(h.ValueHash[:]) + "', 'hex')"
	}
	alias := fmt.Sprintf("ng_in_%d", inAlias.Add(1))
	// Cayley writes a Where without a table or value as its field and
	// operator: "alias.hash IN (...)", which PostgreSQL answers from the
	// nodes' primary key (the list is of hex digits only).
	return csql.Select{
		Fields: []csql.Field{{Table: alias, Name: "hash", Alias: "__node"}},
		From:   []csql.Source{csql.Table{Name: "nodes", Alias: alias}},
		Where:  []csql.Where{{Field: alias + ".hash", Op: csql.CmpOp("IN (" + strings.Join(list, ", ") + ")")}},
	}, true
}

// bare returns s with the SQL of its parts unbound (see bound), as
// Cayley's optimizer finds them to join them.
func bare(s shape.Shape) shape.Shape {
	switch v := s.(type) {
	case boundSelect:
		return v.Select
	case shape.Quads:
		out := append(shape.Quads(nil), v...)
		for i := range out {
			out[i].Values = bare(out[i].Values)
		}
		return out
	case shape.Intersect:
		out := make(shape.Intersect, len(v))
		for i, sub := range v {
			out[i] = bare(sub)
		}
		return out
	case shape.NodesFrom:
		return shape.NodesFrom{Dir: v.Dir, Quads: bare(v.Quads)}
	case shape.Save:
		return shape.Save{Tags: v.Tags, From: bare(v.From)}
	case shape.Page:
		return shape.Page{From: bare(v.From), Skip: v.Skip, Limit: v.Limit}
	case shape.Filter:
		return shape.Filter{From: bare(v.From), Filters: v.Filters}
	}
	return s
}

// bound returns s with its SQL (at the top, or a part of an intersection
// or filter the optimizer left as it was) bound to the quad store:
// Cayley's Select builds its iterator only on a *csql.QuadStore, not on
// Queries.
func (q Queries) bound(s shape.Shape) shape.Shape {
	switch v := s.(type) {
	case csql.Select:
		return boundSelect{Select: v, q: q}
	case shape.Intersect:
		out := make(shape.Intersect, len(v))
		for i, sub := range v {
			out[i] = q.bound(sub)
		}
		return out
	case shape.Filter:
		v.From = q.bound(v.From)
		return v
	}
	return s
}

// boundSelect is Cayley's SQL shape bound to its quad store.
type boundSelect struct {
	csql.Select
	q Queries
}

// BuildIterator runs the SQL on the quad store it is bound to, the values
// of the nodes it answers read ahead.
func (b boundSelect) BuildIterator(graph.QuadStore) graph.Iterator {
	return &namedIter{Iterator: b.Select.BuildIterator(b.q.QuadStore), q: b.q, sel: b.Select}
}

// namedIter is the iterator of a statement that reads the values of the
// nodes it answers before its first answer.
type namedIter struct {
	graph.Iterator
	q    Queries
	sel  csql.Select
	read bool
}

// Next reads the values of the first namesAhead rows' nodes at the first
// call, then is the statement's.
func (it *namedIter) Next(ctx context.Context) bool {
	if !it.read {
		it.read = true
		it.q.readNames(ctx, it.sel)
	}
	return it.Iterator.Next(ctx)
}

// namesAhead is the number of rows of a statement whose nodes' values are
// read ahead: a page's, not a whole listing's (a count or a limit reads no
// value).
const namesAhead = 1000

// readNames reads the values of the nodes of the first namesAhead rows of
// sel (its node and its tags), with one statement. It reads ahead only:
// an error leaves each value to NameOf, and the iteration reports it.
func (q Queries) readNames(ctx context.Context, sel csql.Select) {
	var cols, picks []string
	for i, c := range sel.Columns() {
		col := fmt.Sprintf("c%d", i)
		cols = append(cols, col)
		if c == "__node" || !strings.HasPrefix(c, "__") {
			picks = append(picks, "SELECT "+col+" FROM r")
		}
	}
	if len(picks) == 0 || q.db == nil {
		return // quads, whose values Cayley's Quad reads
	}
	args := sel.Args()
	vals := make([]any, len(args))
	for i, a := range args {
		vals[i] = a.SQLValue()
	}
	query := fmt.Sprintf(`WITH r AS (SELECT * FROM (%s) AS r0 (%s) LIMIT %d)
SELECT hash, value, value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time
FROM nodes WHERE hash = ANY(ARRAY(%s))`,
		sel.SQL(csql.NewBuilder(postgres.QueryDialect)), strings.Join(cols, ", "), namesAhead, strings.Join(picks, " UNION "))
	rows, err := q.db.QueryContext(ctx, query, vals...)
	if err != nil {
		return
	}
	defer rows.Close()
	for rows.Next() {
		var (
			h []byte
			n node
		)
		if rows.Scan(&h, &n.data, &n.str, &n.typ, &n.lang, &n.iri, &n.bnode, &n.vint, &n.vbool, &n.vfloat, &n.vtime) != nil {
			return
		}
		var vh graph.ValueHash
		if v, err := n.value(); err == nil && len(h) == len(vh) {
			copy(vh[:], h)
			q.names.put(vh, v)
		}
	}
}

// names holds the values of nodes read ahead, by hash (a hash names one
// value for good: they are never stale).
type names struct {
	mu sync.Mutex
	m  map[graph.ValueHash]quad.Value
}

// namesKept bounds the values held: past it, they are dropped.
const namesKept = 1 << 16

func (n *names) get(h graph.ValueHash) (quad.Value, bool) {
	if n == nil {
		return nil, false
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	v, ok := n.m[h]
	return v, ok
}

func (n *names) put(h graph.ValueHash, v quad.Value) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if len(n.m) >= namesKept {
		clear(n.m)
	}
	n.m[h] = v
}

// Optimize leaves the SQL as it is, as Cayley's Select does.
func (b boundSelect) Optimize(shape.Optimizer) (shape.Shape, bool) { return b, false }
