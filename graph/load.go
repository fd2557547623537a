package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/jackc/pgx/v5"
)

// Bulk loading into PostgreSQL.
//
// CopyQuads writes quads straight into the tables of Cayley's SQL quad
// store (nodes and quads, as graph/sql/postgres creates them) with COPY,
// in one transaction: Cayley reads the result unchanged. Nodes are keyed
// by Cayley's value hash (csql.HashOf) and carry a reference count, the
// number of quad directions that use them; quads reference their nodes by
// hash. The quads are first copied into temporary tables, then merged:
// new nodes inserted, quads inserted unless present (duplicates are
// ignored), and the reference counts of their nodes raised by what the
// new quads use. Their ts column (the time Cayley's writer sets, which no
// reader of Cayley's or ours reads) is left NULL: a quad's row is then 8
// bytes shorter (120 bytes rather than 128, its header's null bitmap
// already there for label_hash).

// copyNodeColumns are the columns of Cayley's nodes table CopyQuads fills.
var copyNodeColumns = []string{"hash", "refs", "value", "value_string", "datatype", "language",
	"iri", "bnode", "value_int", "value_bool", "value_float", "value_time"}

// nodeRow returns the row of table nodes for value v (refs 0).
func nodeRow(h csql.NodeHash, v quad.Value) ([]any, error) {
	typ, vals, err := csql.NodeValues(h, v)
	if err != nil {
		return nil, err
	}
	row := make([]any, len(copyNodeColumns))
	row[0], row[1] = vals[0], 0
	for i, col := range typ.Columns() {
		for j, c := range copyNodeColumns {
			if c == col {
				row[j] = vals[i+1]
			}
		}
	}
	return row, nil
}

// quadRows streams the rows of the temporary tables from a quad reader,
// recording the nodes it has not sent yet.
type quadRows struct {
	r     quad.Reader
	n     int
	err   error
	row   []any
	nodes [][]any           // node rows to copy, in batches
	seen  map[[20]byte]bool // node hashes already sent (bounded, see next)
}

func (q *quadRows) Next() bool {
	if q.err != nil {
		return false
	}
	qd, err := q.r.ReadQuad()
	if err == io.EOF {
		return false
	}
	if err != nil {
		q.err = err
		return false
	}
	if !qd.IsValid() {
		q.err = fmt.Errorf("invalid quad %v", qd)
		return false
	}
	q.row = q.row[:0]
	for _, d := range quad.Directions {
		v := qd.Get(d)
		if v == nil {
			q.row = append(q.row, nil)
			continue
		}
		h := csql.HashOf(v)
		q.row = append(q.row, h.SQLValue())
		var key [20]byte
		copy(key[:], h.ValueHash[:])
		if !q.seen[key] {
			if len(q.seen) >= 1<<20 {
				q.seen = map[[20]byte]bool{} // bounded memory; the merge removes duplicates
			}
			q.seen[key] = true
			row, err := nodeRow(h, v)
			if err != nil {
				q.err = err
				return false
			}
			q.nodes = append(q.nodes, row)
		}
	}
	q.n++
	return true
}

func (q *quadRows) Values() ([]any, error) { return q.row, nil }
func (q *quadRows) Err() error             { return q.err }

// CopyStats reports what CopyQuads did.
type CopyStats struct {
	Read     int // quads read
	Inserted int // quads new to the store
	Elapsed  time.Duration
}

// CopyQuads bulk-loads the quads r yields into a PostgreSQL store, with
// COPY, in one transaction: all of them or, on error, none. Quads the
// store holds already are ignored. It bypasses Put: it is meant for
// stores written by newsgraph elsewhere (a staging store, an export) and
// copied whole into an empty database.
func (s *Store) CopyQuads(ctx context.Context, r quad.Reader) (CopyStats, error) {
	start := time.Now()
	var st CopyStats
	if s.backend != BackendPostgres || s.pgDSN == "" {
		return st, errors.New("graph: copy: only the postgres backend loads by COPY")
	}
	if s.readOnly {
		return st, ErrReadOnly
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	conn, err := pgx.Connect(ctx, s.pgDSN)
	if err != nil {
		return st, fmt.Errorf("graph: copy: %w", err)
	}
	defer conn.Close(context.Background())
	tx, err := conn.Begin(ctx)
	if err != nil {
		return st, fmt.Errorf("graph: copy: %w", err)
	}
	defer tx.Rollback(context.Background())
	exec := func(sql string, args ...any) (int64, error) {
		tag, err := tx.Exec(ctx, sql, args...)
		if err != nil {
			return 0, fmt.Errorf("graph: copy: %s: %w", firstLine(sql), err)
		}
		return tag.RowsAffected(), nil
	}
	for _, stmt := range []string{
		`SELECT pg_advisory_xact_lock(` + fmt.Sprint(writeLockKey(s.lockSalt)) + `)`,
		// Memory for this transaction's sorts, hashes and index builds
		// (the defaults, 4 and 64 MB, send a load of millions of quads
		// to temporary files).
		`SET LOCAL work_mem = '256MB'`,
		`SET LOCAL maintenance_work_mem = '512MB'`,
		`CREATE TEMP TABLE ng_nodes (LIKE nodes) ON COMMIT DROP`,
		`CREATE TEMP TABLE ng_quads (subject_hash BYTEA NOT NULL, predicate_hash BYTEA NOT NULL, object_hash BYTEA NOT NULL, label_hash BYTEA) ON COMMIT DROP`,
		`CREATE TEMP TABLE ng_new (subject_hash BYTEA, predicate_hash BYTEA, object_hash BYTEA, label_hash BYTEA) ON COMMIT DROP`,
	} {
		if _, err := exec(stmt); err != nil {
			return st, err
		}
	}

	// Quads and nodes go to the temporary tables in chunks: COPY of the
	// quads is interrupted every chunk to copy the nodes they brought.
	rows := &quadRows{r: r, seen: map[[20]byte]bool{}}
	const chunk = 50000
	for {
		lim := &limitRows{q: rows, left: chunk}
		n, err := tx.CopyFrom(ctx, pgx.Identifier{"ng_quads"},
			[]string{"subject_hash", "predicate_hash", "object_hash", "label_hash"}, lim)
		if err != nil {
			return st, fmt.Errorf("graph: copy quads: %w", err)
		}
		if rows.err != nil {
			return st, fmt.Errorf("graph: copy: read: %w", rows.err)
		}
		if len(rows.nodes) > 0 {
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{"ng_nodes"}, copyNodeColumns, pgx.CopyFromRows(rows.nodes)); err != nil {
				return st, fmt.Errorf("graph: copy nodes: %w", err)
			}
			rows.nodes = rows.nodes[:0]
		}
		if n < chunk {
			break
		}
	}
	st.Read = rows.n
	if os.Getenv("NEWSGRAPH_COPY_TRACE") != "" {
		fmt.Fprintf(os.Stderr, "copy: %d quads into temporary tables, %s\n", rows.n, time.Since(start))
	}

	trace := func(what string, n int64, t0 time.Time) {
		if os.Getenv("NEWSGRAPH_COPY_TRACE") != "" {
			fmt.Fprintf(os.Stderr, "copy: %s: %d rows, %s\n", what, n, time.Since(t0))
		}
	}
	var stored int64
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM quads LIMIT 1) AS q`).Scan(&stored); err != nil {
		return st, fmt.Errorf("graph: copy: %w", err)
	}
	merge := mergeQuads
	if stored == 0 {
		merge = loadEmpty
	}
	n, err := merge(ctx, tx, trace)
	if err != nil {
		return st, err
	}
	st.Inserted = int(n)
	if err := tx.Commit(ctx); err != nil {
		return st, fmt.Errorf("graph: copy: commit: %w", err)
	}
	st.Elapsed = time.Since(start)
	return st, nil
}

// nodeCols are the columns of Cayley's nodes table.
const nodeCols = "hash, refs, value, value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time"

// mergeQuads merges the temporary tables into a store that holds quads:
// new nodes, quads not stored yet, and the reference counts their
// directions add. It returns the number of quads inserted.
func mergeQuads(ctx context.Context, tx pgx.Tx, trace func(string, int64, time.Time)) (int64, error) {
	steps := []string{
		// New nodes first (quads reference them), with no references yet.
		`INSERT INTO nodes (` + nodeCols + `) SELECT DISTINCT ON (hash) ` + nodeCols + ` FROM ng_nodes ON CONFLICT (hash) DO NOTHING`,
		// Quads not stored yet; the new ones are kept for the counts.
		`WITH ins AS (INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash)
			SELECT DISTINCT subject_hash, predicate_hash, object_hash, label_hash FROM ng_quads ORDER BY 1, 2, 3, 4
			ON CONFLICT DO NOTHING RETURNING subject_hash, predicate_hash, object_hash, label_hash)
		 INSERT INTO ng_new SELECT * FROM ins`,
		`UPDATE nodes SET refs = nodes.refs + c.n FROM (
			SELECT h, count(*) AS n FROM ng_new,
				LATERAL (VALUES (subject_hash), (predicate_hash), (object_hash), (label_hash)) AS v(h)
			WHERE h IS NOT NULL GROUP BY h) AS c
		 WHERE nodes.hash = c.h`,
		// Nodes inserted above that no new quad uses.
		`DELETE FROM nodes WHERE refs = 0 AND hash IN (SELECT hash FROM ng_nodes)`,
	}
	var inserted int64
	for i, stmt := range steps {
		t0 := time.Now()
		tag, err := tx.Exec(ctx, stmt)
		if err != nil {
			return 0, fmt.Errorf("graph: copy: %s: %w", firstLine(stmt), err)
		}
		trace(firstLine(stmt), tag.RowsAffected(), t0)
		if i == 1 {
			inserted = tag.RowsAffected()
		}
	}
	return inserted, nil
}

// loadEmpty loads the temporary tables into a store without quads, as a
// database is bulk-loaded: the indexes, foreign keys and exclusion
// constraints of table quads are dropped, the nodes inserted with their
// final reference counts and the quads appended, then the indexes and
// constraints are created again from their own definitions (read from the
// catalogue), so that the tables are as they were made. Building an index
// once over sorted rows costs a fraction of maintaining it row by row; all
// of it happens in the caller's transaction, so a failure leaves the
// store as it was. It returns the number of quads inserted.
func loadEmpty(ctx context.Context, tx pgx.Tx, trace func(string, int64, time.Time)) (int64, error) {
	var indexes, constraints, drops []string
	// The secondary indexes but those of constraints, made again with
	// their constraints below (the primary key on horizon stays: rows are
	// appended in its order).
	rows, err := tx.Query(ctx, `SELECT c.relname, pg_get_indexdef(ix.indexrelid) FROM pg_index ix
		JOIN pg_class c ON c.oid = ix.indexrelid
		WHERE ix.indrelid = 'quads'::regclass AND NOT ix.indisprimary
			AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = ix.indexrelid)
		ORDER BY c.relname`)
	if err == nil {
		var defs [][2]string
		defs, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) ([2]string, error) {
			var d [2]string
			return d, r.Scan(&d[0], &d[1])
		})
		for _, d := range defs {
			drops = append(drops, `DROP INDEX `+pgx.Identifier{d[0]}.Sanitize())
			indexes = append(indexes, d[1])
		}
	}
	if err != nil {
		return 0, fmt.Errorf("graph: copy: reading the indexes of quads: %w", err)
	}
	// Foreign keys, and the exclusion constraint that keeps quads unique
	// in a store newsgraph creates (pgLeanIndexes).
	rows, err = tx.Query(ctx, `SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
		WHERE conrelid = 'quads'::regclass AND contype IN ('f', 'x') ORDER BY conname`)
	if err == nil {
		var cons [][2]string
		cons, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) ([2]string, error) {
			var c [2]string
			return c, r.Scan(&c[0], &c[1])
		})
		for _, c := range cons {
			name := pgx.Identifier{c[0]}.Sanitize()
			drops = append([]string{`ALTER TABLE quads DROP CONSTRAINT ` + name}, drops...)
			constraints = append(constraints, `ALTER TABLE quads ADD CONSTRAINT `+name+` `+c[1])
		}
	}
	if err != nil {
		return 0, fmt.Errorf("graph: copy: reading the constraints of quads: %w", err)
	}
	steps := append(drops,
		`INSERT INTO ng_new SELECT DISTINCT subject_hash, predicate_hash, object_hash, label_hash FROM ng_quads`,
		`INSERT INTO nodes (`+nodeCols+`) SELECT DISTINCT ON (n.hash) n.hash, c.refs, n.value, n.value_string, n.datatype, n.language,
			n.iri, n.bnode, n.value_int, n.value_bool, n.value_float, n.value_time
		 FROM ng_nodes n JOIN (
			SELECT h, count(*) AS refs FROM ng_new,
				LATERAL (VALUES (subject_hash), (predicate_hash), (object_hash), (label_hash)) AS v(h)
			WHERE h IS NOT NULL GROUP BY h) AS c ON c.h = n.hash
		 ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`,
		`INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash)
			SELECT subject_hash, predicate_hash, object_hash, label_hash FROM ng_new ORDER BY 1, 2, 3, 4`,
	)
	steps = append(steps, indexes...)
	steps = append(steps, constraints...)
	steps = append(steps, `ANALYZE quads`, `ANALYZE nodes`)
	var inserted int64
	for _, stmt := range steps {
		t0 := time.Now()
		tag, err := tx.Exec(ctx, stmt)
		if err != nil {
			return 0, fmt.Errorf("graph: copy: %s: %w", firstLine(stmt), err)
		}
		trace(firstLine(stmt), tag.RowsAffected(), t0)
		if strings.HasPrefix(stmt, "INSERT INTO quads") {
			inserted = tag.RowsAffected()
		}
	}
	return inserted, nil
}

// limitRows passes on at most left rows of q.
type limitRows struct {
	q    *quadRows
	left int
}

func (l *limitRows) Next() bool {
	if l.left <= 0 {
		return false
	}
	l.left--
	return l.q.Next()
}
func (l *limitRows) Values() ([]any, error) { return l.q.Values() }
func (l *limitRows) Err() error             { return l.q.Err() }

func firstLine(s string) string {
	for i, c := range s {
		if c == '\n' {
			return s[:i]
		}
	}
	return s
}

// Empty reports whether the store holds no quads.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	if it.Next(ctx) {
		return false, nil
	}
	return true, it.Err()
}

// AllQuads returns a reader of every quad of the store (for copying a
// staging store into another).
func (s *Store) AllQuads(ctx context.Context) quad.ReadCloser {
	return &allReader{ctx: ctx, v: s.view(ctx, nil), it: s.qs.QuadsAllIterator()}
}

// allReader reads every quad of a store, resolving node values through
// the store's reader (which may cache them: a quad's four values are
// otherwise four lookups).
type allReader struct {
	ctx context.Context
	v   *view
	it  cgraph.Iterator
}

func (a *allReader) ReadQuad() (quad.Quad, error) {
	if !a.it.Next(a.ctx) {
		if err := a.it.Err(); err != nil {
			return quad.Quad{}, err
		}
		return quad.Quad{}, io.EOF
	}
	return a.v.quad(a.it.Result()), nil
}

func (a *allReader) Close() error { return a.it.Close() }
