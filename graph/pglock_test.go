package graph

import (
	"context"
	dsql "database/sql"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// unrelated returns a record of an attack by one invented group on
// another, in an invented country, on date: it shares no entity, event
// or period of the calendar with a record of other names and another
// year.
func unrelated(id, group, victim, country, date string) *extract.Record {
	slug := func(name string) string { return strings.ToLower(strings.ReplaceAll(name, " ", "-")) }
	g := ref(slug(group), group, extract.ClassArmedGroup)
	v := ref(slug(victim), victim, extract.ClassArmedGroup)
	c := ref(slug(country), country, extract.ClassCountry)
	rec := record(id, "sha-"+id, date, []extract.Event{
		attack(g, []extract.Ref{v}, nil, c, date, num(3), group+" struck "+victim+"."),
	})
	rec.Entities = []extract.Entity{entity(g, "", nil), entity(v, "", nil), entity(c, "", nil)}
	return rec
}

// TestPostgresWritersHoldLocksTogether puts two unrelated documents at
// once through two stores (as two processes would) and stops each write
// when it holds its locks and is about to commit, until both are there:
// with one lock for all writers the second could never get there. It
// then checks in pg_locks that two backends hold the documents' locks.
func TestPostgresWritersHoldLocksTogether(t *testing.T) {
	holdLocksTogether(t, nil, []*extract.Record{
		unrelated("north.txt", "Red Hand", "Blue Shore Militia", "Norland", "2021-03-04"),
		unrelated("south.txt", "Grey Wolves Front", "Sun Valley Guard", "Sudmark", "2023-07-09"),
	})
}

// TestPostgresWritersOfOneDayHoldLocksTogether is
// TestPostgresWritersHoldLocksTogether for two unrelated attacks of a day
// the store has an attack of (its calendar lists the day, and the day's
// fusion key exists): their events share that key (type and day), and
// neither could fuse with the other, so neither waits for the other.
func TestPostgresWritersOfOneDayHoldLocksTogether(t *testing.T) {
	before := []*extract.Record{unrelated("east.txt", "Copper Lantern Band", "Marsh Road Watch", "Ostavia", "2022-05-06")}
	holdLocksTogether(t, before, []*extract.Record{
		unrelated("north.txt", "Red Hand", "Blue Shore Militia", "Norland", "2022-05-06"),
		unrelated("south.txt", "Grey Wolves Front", "Sun Valley Guard", "Sudmark", "2022-05-06"),
	})
}

// holdLocksTogether puts the documents before, then two documents of
// other actors at once through two stores of one fresh schema, as
// TestPostgresWritersHoldLocksTogether describes, and checks that each
// actor of the two has one event.
func holdLocksTogether(t *testing.T, before, recs []*extract.Record) {
	t.Helper()
	dsn := postgresDSN(t)
	s1 := openTest(t, Config{Backend: BackendPostgres, Path: dsn})
	s2 := openTest(t, Config{Backend: BackendPostgres, Path: dsn})
	arrived, proceed := pausedWriters(t, s1, before, len(recs))

	done := make(chan error, len(recs))
	for i, s := range []*Store{s1, s2} {
		go func() {
			_, err := s.Put(context.Background(), recs[i])
			done <- err
		}()
	}
	for range recs {
		select {
		case <-arrived:
		case err := <-done:
			close(proceed)
			t.Fatalf("a write ended before both held their locks: %v", err)
		case <-time.After(2 * time.Minute):
			close(proceed)
			t.Fatal("the writers of two unrelated documents did not hold their locks at the same time")
		}
	}
	holders := lockHolders(t, dsn, s1.lockSalt, recs)
	close(proceed)
	for range recs {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if holders != len(recs) {
		t.Errorf("%d backends hold the documents' locks, want %d", holders, len(recs))
	}
	for _, rec := range recs {
		name := rec.Events[0].Actors[0].Name
		if evs := mustEvents(t, s1, EventFilter{Actor: name}); len(evs) != 1 {
			t.Errorf("%d events by %s, want 1", len(evs), name)
		}
	}
}

// pausedWriters puts the documents before into s, then makes each write
// on PostgreSQL of the test that holds its locks signal on arrived (room
// for n) and wait until proceed is closed.
func pausedWriters(t *testing.T, s *Store, before []*extract.Record, n int) (<-chan struct{}, chan struct{}) {
	t.Helper()
	for _, rec := range before {
		if _, err := s.Put(context.Background(), rec); err != nil {
			t.Fatal(err)
		}
	}
	arrived := make(chan struct{}, n)
	proceed := make(chan struct{})
	lockedHook = func() {
		arrived <- struct{}{}
		<-proceed
	}
	t.Cleanup(func() { lockedHook = nil })
	return arrived, proceed
}

// TestPostgresWritersOfOneEventTakeTurns puts two reports of one attack
// (one actor, target and day) at once, after a document of another year
// that names the same entities and one of another attack that day (the
// calendar lists the day), so that what the two share is the event one of
// them finds the other's in. The first stops when it holds its
// locks; the second must then wait in pg_locks for a lock of the day's
// fusion key and one of the participants (the key the second looks up, or
// one of those it would write), and once both are written the store must
// hold what one after the other leaves: one event of both reports.
func TestPostgresWritersOfOneEventTakeTurns(t *testing.T) {
	dsn := postgresDSN(t)
	s1 := openTest(t, Config{Backend: BackendPostgres, Path: dsn})
	s2 := openTest(t, Config{Backend: BackendPostgres, Path: dsn})
	const day = "2022-05-06"
	earlier := []*extract.Record{
		unrelated("earlier.txt", "Red Hand", "Blue Shore Militia", "Norland", "2019-01-02"),
		unrelated("east.txt", "Copper Lantern Band", "Marsh Road Watch", "Ostavia", day),
	}
	recs := []*extract.Record{
		unrelated("first.txt", "Red Hand", "Blue Shore Militia", "Norland", day),
		unrelated("second.txt", "Red Hand", "Blue Shore Militia", "Norland", day),
	}
	arrived, proceed := pausedWriters(t, s1, earlier, len(recs))
	done := make(chan error, len(recs))
	put := func(s *Store, rec *extract.Record) {
		_, err := s.Put(context.Background(), rec)
		done <- err
	}
	go put(s1, recs[0])
	select {
	case <-arrived:
	case err := <-done:
		close(proceed)
		t.Fatalf("the first write ended before it held its locks: %v", err)
	}
	go put(s2, recs[1])
	ev := recs[0].Events[0]
	var keys []int64
	for role, ref := range map[string]extract.Ref{roleActor: ev.Actors[0], roleTarget: ev.Targets[0], rolePlace: *ev.Country} {
		iri := schema.EntityIRI(schema.DefaultBase, ref.ID)
		keys = append(keys, lockKey(s1.lockSalt, keyFusion, quad.String("Attack|d:"+day), quad.String(role), iri))
	}
	waited := waitsFor(t, dsn, keys, arrived)
	close(proceed)
	for range recs {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if !waited {
		t.Fatal("the second write did not wait for the fusion keys of its day and participants while the first held them")
	}

	want := openTest(t, Config{Backend: BackendMemory})
	for _, rec := range append(earlier, recs...) {
		if _, err := want.Put(context.Background(), rec); err != nil {
			t.Fatal(err)
		}
	}
	got, exp := mustEvents(t, s1, EventFilter{Actor: "Red Hand"}), mustEvents(t, want, EventFilter{Actor: "Red Hand"})
	if len(got) != len(exp) || len(got) != 2 {
		t.Fatalf("%d events by Red Hand, want %d (as one write after the other), and 2", len(got), len(exp))
	}
}

// waitsFor tells whether a backend waits for one of the advisory locks
// keys, as pg_locks shows it, before a write arrives at its locks (it then
// did not wait); it gives up after two minutes.
func waitsFor(t *testing.T, dsn string, keys []int64, arrived <-chan struct{}) bool {
	t.Helper()
	db, err := dsql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); {
		select {
		case <-arrived:
			return false
		case <-time.After(20 * time.Millisecond):
		}
		for _, key := range keys {
			k := uint64(key)
			var n int
			err := db.QueryRow(`SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
			AND classid = $1 AND objid = $2 AND objsubid = 1`, int64(k>>32), int64(k&0xffffffff)).Scan(&n)
			if err != nil {
				t.Fatal(err)
			}
			if n > 0 {
				return true
			}
		}
	}
	return false
}

// lockHolders counts the backends that hold a lock of the subject of
// some record's document, as pg_locks shows them (a bigint advisory key
// is shown as its high and low halves).
func lockHolders(t *testing.T, dsn, salt string, recs []*extract.Record) int {
	t.Helper()
	db, err := dsql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	pids := map[int]bool{}
	for _, rec := range recs {
		k := uint64(lockKey(salt, keySubject, schema.DocumentIRI(schema.DefaultBase, rec.Doc.ID), nil))
		rows, err := db.Query(`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
			AND classid = $1 AND objid = $2 AND objsubid = 1`, int64(k>>32), int64(k&0xffffffff))
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var pid int
			if err := rows.Scan(&pid); err != nil {
				t.Fatal(err)
			}
			pids[pid] = true
		}
		rows.Close()
	}
	return len(pids)
}

// TestPostgresStoreLockPerSchema holds the store-wide write lock of a
// store in one schema (as Delete and the bulk load do) and puts a
// document into the store of another schema of the same database, which
// must not wait for it, and into the locked store through a second
// handle, which must wait until the lock is released.
func TestPostgresStoreLockPerSchema(t *testing.T) {
	dsnA, dsnB := postgresDSN(t), postgresDSN(t)
	locker := openTest(t, Config{Backend: BackendPostgres, Path: dsnA})
	sameStore := openTest(t, Config{Backend: BackendPostgres, Path: dsnA})
	other := openTest(t, Config{Backend: BackendPostgres, Path: dsnB})
	if writeLockKey(locker.lockSalt) == writeLockKey(other.lockSalt) {
		t.Fatalf("schemas %s and %s have one write lock", locker.lockSalt, other.lockSalt)
	}
	release, err := locker.lockWriters(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer func() { release() }()

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := other.Put(ctx, unrelated("east.txt", "Copper Lantern Band", "Marsh Road Watch", "Ostavia", "2022-05-06")); err != nil {
		t.Fatalf("a write into another schema waited for the lock: %v", err)
	}

	done := make(chan error, 1)
	go func() {
		_, err := sameStore.Put(context.Background(), unrelated("west.txt", "Iron Heron Cell", "Pine Ridge Scouts", "Westmarch", "2020-11-12"))
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("a write into the locked store did not wait for the lock: %v", err)
	case <-time.After(500 * time.Millisecond):
	}
	release()
	release = func() {}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("a write into the store did not go through once its lock was released")
	}
}
