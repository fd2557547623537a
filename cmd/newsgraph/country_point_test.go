package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
)

// TestCountryPoint: an event that only a country locates has that
// country's representative point from the reference data (the gazetteer's
// countries, compiled from world-countries' latlng) in the CSV table
// (geo_precision "country"), in events --json and in GraphQL.
func TestCountryPoint(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(in, []byte("The United States attacked Houthi positions in Yemen on Monday, officials said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "graph.db")
	if r := runBinary(t, run("ingest", "--dbpath", db, "--published", "2024-01-17", in)); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	yemen := gazetteer.Default().Country("YE")
	if yemen == nil {
		t.Fatal("no Yemen in the gazetteer")
	}

	// The CSV table.
	rows := csvTable(t, db)
	if len(rows) != 1 {
		t.Fatalf("%d rows, want 1: %v", len(rows), rows)
	}
	row := rows[0]
	if row["country"] != "Yemen" || row["location"] != "" || row["admin1"] != "" || row["geo_precision"] != "country" {
		t.Errorf("row %v, want an event in Yemen located by the country alone", row)
	}
	for col, want := range map[string]float64{"latitude": yemen.Lat, "longitude": yemen.Lon} {
		if got, err := strconv.ParseFloat(row[col], 64); err != nil || got != want {
			t.Errorf("%s = %q, want %v", col, row[col], want)
		}
	}

	// events --json: the event's country and its place.
	r := runBinary(t, run("events", "--dbpath", db, "--json"))
	var ev struct {
		Country struct{ Lat, Lon *float64 }
		Places  []struct {
			Name     string
			Lat, Lon *float64
		}
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(r.stdout)), &ev); err != nil {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	if c := ev.Country; c.Lat == nil || c.Lon == nil || *c.Lat != yemen.Lat || *c.Lon != yemen.Lon {
		t.Errorf("events --json: country %+v", c)
	}
	if len(ev.Places) != 1 || ev.Places[0].Lat == nil || *ev.Places[0].Lat != yemen.Lat {
		t.Errorf("events --json: places %s", r.stdout)
	}

	// GraphQL.
	rec := graphQLOn(t, db, `{ events { nodes { country { name lat lon } places { name lat lon } } } }`)
	type point struct {
		Name     string
		Lat, Lon *float64
	}
	var resp struct {
		Data struct {
			Events struct {
				Nodes []struct {
					Country point
					Places  []point
				}
			}
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || len(resp.Data.Events.Nodes) != 1 {
		t.Fatalf("GraphQL: %v %s", err, rec.Body)
	}
	n := resp.Data.Events.Nodes[0]
	for _, p := range append([]point{n.Country}, n.Places...) {
		if p.Name != "Yemen" || p.Lat == nil || p.Lon == nil || *p.Lat != yemen.Lat || *p.Lon != yemen.Lon {
			t.Errorf("GraphQL: %s", rec.Body)
		}
	}
}
