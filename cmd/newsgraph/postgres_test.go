package main

import (
	dsql "database/sql"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"
)

// schemaSeq numbers the schemas postgresDSN creates, so that each call
// (and each parallel test) gets a schema of its own.
var schemaSeq atomic.Int64

// postgresDSN returns a connection string to a fresh schema of the test
// database, dropped when the test ends. Without a reachable server the
// test fails under CI=true and is skipped otherwise.
func postgresDSN(t *testing.T) string {
	t.Helper()
	candidates := []string{
		"postgres://root@127.0.0.1:5432/test?sslmode=disable",
		"postgres://postgres@127.0.0.1:5432/test?sslmode=disable",
	}
	if dsn := os.Getenv("NEWSGRAPH_TEST_POSTGRES"); dsn != "" {
		candidates = []string{dsn}
	}
	var db *dsql.DB
	var dsn string
	var lastErr error
	for _, c := range candidates {
		d, err := dsql.Open("postgres", c)
		if err == nil {
			err = d.Ping()
		}
		if err == nil {
			db, dsn = d, c
			break
		}
		if d != nil {
			d.Close()
		}
		lastErr = err
	}
	if db == nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL unreachable: %v", lastErr)
		}
		t.Skipf("PostgreSQL unreachable: %v", lastErr)
	}
	name := fmt.Sprintf("newsgraph_cmd_test_%d_%d", os.Getpid(), schemaSeq.Add(1))
	for _, stmt := range []string{"DROP SCHEMA IF EXISTS " + name + " CASCADE", "CREATE SCHEMA " + name} {
		if _, err := db.Exec(stmt); err != nil {
			db.Close()
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	t.Cleanup(func() {
		defer db.Close()
		if _, err := db.Exec("DROP SCHEMA IF EXISTS " + name + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", name, err)
		}
	})
	return dsn + "&search_path=" + name
}

// TestPostgres runs ingest, events and stats on PostgreSQL through the
// environment variables.
func TestPostgres(t *testing.T) {
	dsn := postgresDSN(t)
	dir := writeArticles(t, articles)
	env := map[string]string{"NEWSGRAPH_DB": "postgres", "NEWSGRAPH_DBPATH": dsn}
	r := runBinary(t, invocation{args: []string{"ingest", "--extractor", testExtractorName, dir}, env: env})
	if r.code != 0 || !strings.Contains(r.stdout, "documents: 5 stored in postgres (5 added") {
		t.Fatalf("ingest: %+v", r)
	}
	r = runBinary(t, invocation{args: []string{"events", "--json"}, env: env})
	if r.code != 0 || strings.Count(r.stdout, "\n") != 1 || !strings.Contains(r.stdout, `"type":"Attack"`) {
		t.Errorf("events: %+v", r)
	}
	r = runBinary(t, invocation{args: []string{"stats", "--json"}, env: env})
	if r.code != 0 || !strings.Contains(r.stdout, `"documents": 5,`) {
		t.Errorf("stats: %+v", r)
	}
}

// TestPostgresBulk loads an empty database with --bulk (staging file, then
// COPY) and checks that the result reads like a document-by-document
// ingest, and that a second --bulk run falls back to Put and changes
// nothing.
func TestPostgresBulk(t *testing.T) {
	dir := writeArticles(t, articles)
	bulk := map[string]string{"NEWSGRAPH_DB": "postgres", "NEWSGRAPH_DBPATH": postgresDSN(t)}
	plain := map[string]string{"NEWSGRAPH_DB": "postgres", "NEWSGRAPH_DBPATH": postgresDSN(t)}
	r := runBinary(t, invocation{args: []string{"ingest", "--bulk", "--extractor", testExtractorName, dir}, env: bulk})
	if r.code != 0 || !strings.Contains(r.stdout, "(5 added") || !strings.Contains(r.stderr, "copied into postgres") {
		t.Fatalf("ingest --bulk: %+v", r)
	}
	if r := runBinary(t, invocation{args: []string{"ingest", "--extractor", testExtractorName, dir}, env: plain}); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	for _, args := range [][]string{{"events", "--json"}, {"stats", "--json"}} {
		a := runBinary(t, invocation{args: args, env: bulk})
		b := runBinary(t, invocation{args: args, env: plain})
		if a.code != 0 || a.stdout != b.stdout {
			t.Errorf("%v after --bulk:\n%s\nafter ingest:\n%s", args, a.stdout, b.stdout)
		}
	}
	r = runBinary(t, invocation{args: []string{"ingest", "--bulk", "--extractor", testExtractorName, dir}, env: bulk})
	if r.code != 0 || !strings.Contains(r.stdout, "(0 added, 5 unchanged") || !strings.Contains(r.stderr, "not empty") {
		t.Errorf("second ingest --bulk: %+v", r)
	}
}
