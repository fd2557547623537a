package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// csvTable runs events --format csv and parses it back with encoding/csv
// into rows of column name → cell.
func csvTable(t *testing.T, db string) []map[string]string {
	t.Helper()
	r := runBinary(t, run("events", "--dbpath", db, "--format", "csv"))
	if r.code != 0 {
		t.Fatalf("events --format csv: %+v", r)
	}
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v\n%s", err, r.stdout)
	}
	var out []map[string]string
	for _, row := range rows[1:] {
		m := map[string]string{}
		for i, c := range rows[0] {
			m[c] = row[i]
		}
		out = append(out, m)
	}
	return out
}

// TestEventsCSVSeedColumns ingests the bundled example articles with the
// lexical extractor and checks the columns that come from the store
// rather than the event: country codes, Wikidata ids, coordinates.
func TestEventsCSVSeedColumns(t *testing.T) {
	db := filepath.Join(t.TempDir(), "graph.db")
	if r := runBinary(t, run("ingest", "--dbpath", db, "../../examples/articles")); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	var strike map[string]string
	for _, row := range csvTable(t, db) {
		if row["type"] == "Attack" && row["date"] == "2024-01-16" && row["actors"] == "Iran" {
			strike = row
		}
	}
	if strike == nil {
		t.Fatal("no row for Iran's strike in Pakistan on 2024-01-16")
	}
	for col, want := range map[string]string{
		"date_precision": "day", "actor_iso": "IR", "actor_wikidata": "Q794",
		"country": "Pakistan", "country_iso": "PK", "admin1": "Balochistan",
	} {
		if strike[col] != want {
			t.Errorf("%s = %q, want %q", col, strike[col], want)
		}
	}
	if !strings.Contains(strike["target_iso"], "PK") {
		t.Errorf("target_iso = %q, want PK among them", strike["target_iso"])
	}
	lat, errLat := strconv.ParseFloat(strike["latitude"], 64)
	lon, errLon := strconv.ParseFloat(strike["longitude"], 64)
	if errLat != nil || errLon != nil || lat < 23 || lat > 37 || lon < 60 || lon > 78 || strike["geo_precision"] == "" {
		t.Errorf("coordinates %q, %q (%s) are not in Pakistan", strike["latitude"], strike["longitude"], strike["geo_precision"])
	}
	if n, _ := strconv.Atoi(strike["sources"]); n < 2 || len(strings.Split(strike["source_docs"], "; ")) != n {
		t.Errorf("sources %q, source_docs %q", strike["sources"], strike["source_docs"])
	}
	if strike["evidence"] == "" {
		t.Error("no evidence sentence")
	}
}

// TestEventsCSVSources checks that the URLs and outlets a JSON Lines input
// gives reach the table, each once.
func TestEventsCSVSources(t *testing.T) {
	dir := t.TempDir()
	lines := `{"id": "w1", "text": "Pakistan launched a strike on Iran on Thursday, killing 9 people.", "published": "2024-01-18", "url": "https://wire.example/a", "source": "Wire"}
{"id": "w2", "text": "Pakistan launched a strike on Iran on Thursday, killing 7 people.", "published": "2024-01-18", "url": "https://daily.example/b", "source": "Daily"}
`
	if err := os.WriteFile(filepath.Join(dir, "in.jsonl"), []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "graph.db")
	if r := runBinary(t, run("ingest", "--dbpath", db, "--extractor", testExtractorName, filepath.Join(dir, "in.jsonl"))); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	rows := csvTable(t, db)
	found := false
	for _, row := range rows {
		if row["sources"] != "2" {
			continue
		}
		found = true
		if row["source_urls"] != "https://wire.example/a; https://daily.example/b" || row["source_outlets"] != "Wire; Daily" {
			t.Errorf("source_urls %q, source_outlets %q", row["source_urls"], row["source_outlets"])
		}
		if row["killed_min"] != "7" || row["killed_max"] != "9" {
			t.Errorf("killed %s–%s, want 7–9", row["killed_min"], row["killed_max"])
		}
	}
	if !found {
		t.Fatalf("no event with both sources in %v", rows)
	}
}

// TestEventColumnsDocumented checks that `help events` names every column
// of the table.
func TestEventColumnsDocumented(t *testing.T) {
	for _, c := range eventColumns {
		if !strings.Contains(cmdEvents.Long, c) {
			t.Errorf("help events does not name column %s", c)
		}
	}
}
