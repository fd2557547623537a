package graph

import (
	"context"
	dsql "database/sql"
	"strings"
	"testing"
	"time"

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
	dsn := postgresDSN(t)
	s1 := openTest(t, Config{Backend: BackendPostgres, Path: dsn})
	s2 := openTest(t, Config{Backend: BackendPostgres, Path: dsn})
	recs := []*extract.Record{
		unrelated("north.txt", "Red Hand", "Blue Shore Militia", "Norland", "2021-03-04"),
		unrelated("south.txt", "Grey Wolves Front", "Sun Valley Guard", "Sudmark", "2023-07-09"),
	}

	arrived := make(chan struct{}, len(recs))
	proceed := make(chan struct{})
	lockedHook = func() {
		arrived <- struct{}{}
		<-proceed
	}
	t.Cleanup(func() { lockedHook = nil })

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
	for _, name := range []string{"Red Hand", "Grey Wolves Front"} {
		if evs := mustEvents(t, s1, EventFilter{Actor: name}); len(evs) != 1 {
			t.Errorf("%d events by %s, want 1", len(evs), name)
		}
	}
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
