package main

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestGzipSameTable ingests the example articles gzip-compressed
// (with their _meta.json as it is) and checks that the events table is the
// one of the plain files: same documents, ids and dates.
func TestIngestGzipSameTable(t *testing.T) {
	src := "../../examples/articles"
	dir := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(e.Name(), ".txt") {
			os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644)
			continue
		}
		f, err := os.Create(filepath.Join(dir, e.Name()+".gz"))
		if err != nil {
			t.Fatal(err)
		}
		zw := gzip.NewWriter(f)
		zw.Write(data)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	tables := map[string]string{}
	for name, in := range map[string]string{"plain": src, "gzip": dir} {
		db := filepath.Join(t.TempDir(), "graph.db")
		if r := runBinary(t, run("ingest", "--dbpath", db, in)); r.code != 0 || !strings.Contains(r.stdout, "5 added") {
			t.Fatalf("ingest %s: %+v", name, r)
		}
		r := runBinary(t, run("events", "--dbpath", db, "--format", "csv"))
		if r.code != 0 {
			t.Fatalf("events: %+v", r)
		}
		tables[name] = r.stdout
	}
	if tables["plain"] != tables["gzip"] {
		t.Errorf("the tables differ:\n%s\n---\n%s", tables["plain"], tables["gzip"])
	}
}
