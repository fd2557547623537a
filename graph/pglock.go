package graph

import (
	"context"
	dsql "database/sql"
	"errors"
	"hash/fnv"
	"slices"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"

	"github.com/newsgraph/newsgraph/graph/internal/storage"
	"github.com/newsgraph/newsgraph/schema"
)

// Writers of one PostgreSQL database.
//
// Processes (and goroutines) writing one PostgreSQL store do not take
// turns: each write locks what it reads and what it writes, no more, and
// writes that share nothing commit at the same time. What a write reads
// and writes is known from its reads: every read of Put goes through its
// view's storage.Reader, which names a node, a direction and a predicate
// (keyReader records each), and its writes are its deltas. Each becomes
// a transaction-scoped advisory lock on a hash of what it names
// (lockKey), shared or exclusive (lockModes):
//
//   - a read of a subject's quads of one predicate, or of the copies of
//     one triple, shares the lock of (subject, predicate); a write of a
//     quad takes it exclusively;
//   - a read of all of a subject's quads takes (subject, any predicate)
//     exclusively; every write on the subject shares it;
//   - the quads one document adds to a node of many documents (an
//     entity's ng:mentionedIn, a fact's ng:supportedBy: fanIn) are
//     distinct for each document, so writers share (subject, predicate)
//     and take (subject, predicate, object) exclusively, and a read of
//     all of them takes (subject, predicate) exclusively;
//   - a read by object of one predicate takes (object, predicate)
//     exclusively and writers share it (the events of a day of the
//     calendar, of an actor: writers add distinct quads), except for the
//     older participant keys (ng:fusionKey) and ng:reportOf (lookupPreds),
//     where lookups share and writers take it exclusively, as fusion looks
//     them up for every report and writes them only for the events it
//     changes;
//   - the fusion keys (ng:fusionTime) name a type and a time, which the
//     events of that type and day share, but fusion keeps only the events
//     that share a participant with the report (fuser.shares): their
//     locks name the participant too (keyFusion: key, role, participant),
//     as the keys stored before did. A lookup shares the keys of the
//     report's participants in the role it looks up (view.lookingUp); a
//     write that adds or removes an event's key takes the keys of each of
//     the event's participants, before and after, in each role
//     (fusionWrites). Whether a listed event has the participant is read
//     from the event's edges, under their own locks. So two writes of
//     events of one type and day wait for each other only where one could
//     find the other's event, as with keys by participant.
//
// So two writes conflict exactly when one writes what the other reads or
// writes, and the locks make them one after the other (two-phase locking:
// every lock is taken before the write reads, and held until its changes
// are committed). Which nodes a write reads depends on what it reads
// (fusion follows events from event to event), so a write first runs
// holding writeLockKey alone, shared, to learn its keys, then takes
// them; if no other write committed in between (writeSeq, which every
// write advances before it releases its locks, did not move), what it
// read is what it would read under them, and its changes are written.
// Otherwise it runs again under them; if that run needs a key it does
// not hold, it starts again with the union, and after maxLockRounds
// rounds it takes the store-wide lock (writeLockKey)
// exclusively. A write whose reads cannot be named by keys (a scan by
// predicate) takes it too, and so does a write that needs more locks
// than a quarter of PostgreSQL's lock table (lockBudget: 1,600 with the
// default max_locks_per_transaction of 64 and 100 connections; a
// document takes 500 to 2,500), or finds it full. Every write shares
// writeLockKey, which Delete and the bulk load take exclusively. Like
// every key, it is hashed within the store's schema: writers of stores in
// other schemas of the database never wait for each other.
//
// Locks are taken in the order of their keys, so writers never wait for
// each other in a cycle; Cayley's own transaction, which counts node
// references row by row, may still deadlock with another, and PostgreSQL
// then aborts one (SQLSTATE 40P01): it runs again (retryable).

// maxLockRounds is how many times a write runs under fine locks before it
// takes the store-wide lock.
const maxLockRounds = 4

// fanIn's predicates are written once per document on nodes that many
// documents share; lookupPreds are the predicates read by object whose
// writers lock exclusively (see above).
var lookupPreds = map[quad.Value]bool{schema.FusionKey: true, schema.ReportOf: true}

// Kinds of lock keys.
const (
	keySubject   = 'S' // (subject, predicate); predicate nil: all
	keyFanEntry  = 'F' // (subject, predicate, object) of a fanIn predicate
	keyObject    = 'O' // (object, predicate)
	keyFusion    = 'K' // (ng:fusionTime key, role, participant)
	keyStoreWide = 'G' // the whole store: writeLockKey
)

// lockKeys maps lock keys to their modes: true for exclusive.
type lockKeys map[int64]bool

// add asks for key k, exclusively if excl.
func (ks lockKeys) add(k int64, excl bool) { ks[k] = ks[k] || excl }

// covers tells whether ks holds every key of need in its mode.
func (ks lockKeys) covers(need lockKeys) bool {
	for k, excl := range need {
		held, ok := ks[k]
		if !ok || excl && !held {
			return false
		}
	}
	return true
}

// merge adds the keys of other.
func (ks lockKeys) merge(other lockKeys) {
	for k, excl := range other {
		ks.add(k, excl)
	}
}

// lockKey hashes a key of kind kind on values vs (nil for any) within the
// store's schema (salt), so that stores in other schemas of the database
// do not contend.
func lockKey(salt string, kind byte, vs ...quad.Value) int64 {
	h := fnv.New64a()
	h.Write([]byte(salt))
	h.Write([]byte{0, kind})
	for _, v := range vs {
		h.Write([]byte{0})
		if v != nil {
			h.Write([]byte(v.String()))
		}
	}
	return int64(h.Sum64())
}

// keyer names the lock keys of reads and writes in one store.
type keyer struct {
	salt string
	keys lockKeys
}

func (k *keyer) key(kind byte, excl bool, vs ...quad.Value) {
	k.keys.add(lockKey(k.salt, kind, vs...), excl)
}

// storeWide asks for the store-wide lock, exclusively.
func (k *keyer) storeWide() { k.key(keyStoreWide, true) }

// isFan tells whether pred is one of fanIn.
func isFan(pred quad.Value) bool {
	return slices.Contains(fanIn, pred)
}

// read asks for the keys of a read of the quads with val in direction
// dir and predicate pred (nil: any).
func (k *keyer) read(dir quad.Direction, val, pred quad.Value) {
	switch {
	case dir == quad.Subject && pred == nil:
		k.key(keySubject, true, val, nil)
	case dir == quad.Subject:
		k.key(keySubject, isFan(pred), val, pred)
	case dir == quad.Object && pred == schema.FusionTime:
		// The fuser names the keys of its participants (lookingUp).
	case dir == quad.Object && pred != nil:
		k.key(keyObject, !lookupPreds[pred], val, pred)
	default:
		k.storeWide()
	}
}

// copies asks for the keys of a read of the copies of triple t.
func (k *keyer) copies(t quad.Quad) {
	if isFan(t.Predicate) {
		k.key(keyFanEntry, false, t.Subject, t.Predicate, t.Object)
		return
	}
	k.key(keySubject, false, t.Subject, t.Predicate)
}

// write asks for the keys of adding or removing quad q.
func (k *keyer) write(q quad.Quad) {
	k.key(keySubject, false, q.Subject, nil)
	if isFan(q.Predicate) {
		k.key(keySubject, false, q.Subject, q.Predicate)
		k.key(keyFanEntry, true, q.Subject, q.Predicate, q.Object)
	} else {
		k.key(keySubject, true, q.Subject, q.Predicate)
	}
	if q.Predicate != schema.FusionTime { // fusionWrites
		k.key(keyObject, lookupPreds[q.Predicate], q.Object, q.Predicate)
	}
}

// fusion asks for the key of the fusion key key (an ng:fusionTime
// literal) and participant iri in role, exclusively if excl.
func (k *keyer) fusion(key quad.Value, role string, iri quad.Value, excl bool) {
	k.key(keyFusion, excl, key, quad.String(role), iri)
}

// fusionWrites asks, for each event whose fusion keys deltas add or
// remove, for the keys of each of those keys with each participant the
// event has in r (the store before the write) or gains or loses in
// deltas, exclusively: the participants it has before and after the
// write. It reads the participants through r, which names their locks.
func (k *keyer) fusionWrites(r storage.Reader, deltas []graph.Delta) error {
	keys := map[quad.Value][]quad.Value{}
	parts := map[quad.Value][]rolePart{}
	for _, d := range deltas {
		q := d.Quad
		if q.Predicate == schema.FusionTime {
			keys[q.Subject] = append(keys[q.Subject], q.Object)
		} else if role, ok := roleOf[q.Predicate]; ok {
			parts[q.Subject] = append(parts[q.Subject], rolePart{role, q.Object})
		}
	}
	for e, ks := range keys {
		ps, err := storedParts(r, e)
		if err != nil {
			return err
		}
		ps = append(ps, parts[e]...)
		for _, key := range ks {
			for _, p := range ps {
				k.fusion(key, p.role, p.iri, true)
			}
		}
	}
	return nil
}

// rolePart is a participant of an event in a role of its fusion keys.
type rolePart struct {
	role string
	iri  quad.Value
}

// roleOf maps the predicates of rolePreds to their roles.
var roleOf = map[quad.Value]string{schema.Actor: roleActor, schema.Target: roleTarget,
	schema.PlaceOf: rolePlace, schema.EventCountry: rolePlace}

// storedParts reads the participants of event e in r.
func storedParts(r storage.Reader, e quad.Value) ([]rolePart, error) {
	var out []rolePart
	for pred, role := range roleOf {
		it := r.Quads(quad.Subject, e, pred)
		for it.Next() {
			out = append(out, rolePart{role, it.Quad().Object})
		}
		if err := it.Close(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// keyReader is a storage.Reader that names the lock keys of its reads.
type keyReader struct {
	storage.Reader
	k *keyer
}

func (r keyReader) Quads(dir quad.Direction, val, pred quad.Value) storage.Iterator {
	r.k.read(dir, val, pred)
	return r.Reader.Quads(dir, val, pred)
}

func (r keyReader) Except(subj quad.Value, skip []quad.Value, keep quad.Value) storage.Iterator {
	r.k.read(quad.Subject, subj, nil)
	return r.Reader.Except(subj, skip, keep)
}

func (r keyReader) Copies(t quad.Quad) storage.Iterator {
	r.k.copies(t)
	return r.Reader.Copies(t)
}

// lookingUp names the keys of a lookup of fusion key key for the events
// with one of seeds in role, shared.
func (r keyReader) lookingUp(key quad.Value, role string, seeds []quad.IRI) {
	for _, seed := range seeds {
		r.k.fusion(key, role, seed, false)
	}
}

func (r keyReader) Labelled(pred, label quad.Value) storage.Iterator {
	r.k.storeWide()
	return r.Reader.Labelled(pred, label)
}

// lockTx is a transaction that holds advisory locks until it ends.
type lockTx struct {
	tx   *dsql.Tx
	salt string
	held lockKeys // besides writeLockKey
}

// lockAll begins a transaction on db and takes writeLockKey,
// exclusively if keys holds the store-wide key, else shared, and then
// the locks keys names, in their order.
func lockAll(ctx context.Context, db *dsql.DB, salt string, keys lockKeys) (*lockTx, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	wide := writeLockKey(salt)
	global := `SELECT pg_advisory_xact_lock_shared($1)`
	if keys[wide] {
		global = `SELECT pg_advisory_xact_lock($1)`
	}
	l := &lockTx{tx: tx, salt: salt, held: lockKeys{}}
	if _, err := tx.ExecContext(ctx, global, wide); err != nil {
		tx.Rollback()
		return nil, err
	}
	if err := l.add(ctx, keys); err != nil {
		tx.Rollback()
		return nil, err
	}
	return l, nil
}

// add takes the locks keys names, in their order. Taken after others
// they could wait in a cycle: add is called on a transaction that holds
// none but writeLockKey.
func (l *lockTx) add(ctx context.Context, keys lockKeys) error {
	ids := make([]int64, 0, len(keys))
	for k := range keys {
		if k != writeLockKey(l.salt) {
			ids = append(ids, k)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	excl := make([]bool, len(ids))
	for i, k := range ids {
		excl[i] = keys[k]
	}
	_, err := l.tx.ExecContext(ctx, `SELECT count(CASE WHEN x THEN pg_advisory_xact_lock(k)::text ELSE pg_advisory_xact_lock_shared(k)::text END)
FROM (SELECT k, x FROM unnest($1::bigint[], $2::boolean[]) WITH ORDINALITY AS t(k, x, i) ORDER BY i) AS s`,
		pq.Array(ids), pq.Array(excl))
	if err == nil {
		l.held.merge(keys)
	}
	return err
}

// writeSeq is the sequence every write on PostgreSQL advances once it
// has committed, before it releases its locks, so that a write that read
// the store before it held its locks can tell whether another committed
// in between (putLocked).
const writeSeq = "newsgraph_writes"

// createWriteSeq creates writeSeq unless it exists.
func createWriteSeq(ctx context.Context, db *dsql.DB) error {
	_, err := db.ExecContext(ctx, `CREATE SEQUENCE IF NOT EXISTS `+writeSeq)
	if err != nil {
		// Two processes creating it at once: one of them fails.
		var exists bool
		if db.QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL`, writeSeq).Scan(&exists) == nil && exists {
			return nil
		}
	}
	return err
}

// writes returns the position of writeSeq.
func (l *lockTx) writes(ctx context.Context) (int64, error) {
	var n int64
	var called bool
	err := l.tx.QueryRowContext(ctx, `SELECT last_value, is_called FROM `+writeSeq).Scan(&n, &called)
	if called {
		n++
	}
	return n, err
}

// wrote advances writeSeq: a write committed.
func (l *lockTx) wrote(ctx context.Context) error {
	_, err := l.tx.ExecContext(ctx, `SELECT nextval('`+writeSeq+`')`)
	return err
}

// release ends the transaction, releasing its locks.
func (l *lockTx) release() {
	if l != nil {
		l.tx.Rollback()
	}
}

// outOfLocks tells whether err is PostgreSQL's lock table being full
// (SQLSTATE 53200): the write then takes the store-wide lock instead.
func outOfLocks(err error) bool {
	var pe *pq.Error
	return errors.As(err, &pe) && pe.Code == "53200"
}

// lockBudget returns how many locks one write may take: a quarter of
// PostgreSQL's lock table, which holds max_locks_per_transaction locks
// per connection the server allows, and which every session's locks
// share.
func lockBudget(ctx context.Context, db *dsql.DB) (int, error) {
	var n int
	err := db.QueryRowContext(ctx, `SELECT current_setting('max_locks_per_transaction')::int *
	(current_setting('max_connections')::int + current_setting('max_prepared_transactions')::int) / 4`).Scan(&n)
	return n, err
}

// retryable tells whether err is PostgreSQL aborting a transaction that
// would deadlock or could not be serialised, so that it may run again.
func retryable(err error) bool {
	var pe *pq.Error
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

// writeKeys asks for the keys of deltas.
func (k *keyer) writes(deltas []graph.Delta) {
	for _, d := range deltas {
		k.write(d.Quad)
	}
}
