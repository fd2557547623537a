package main

import (
	"encoding/json"
	"encoding/xml"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// eventGraphML is what TestExportEventNetwork reads of GraphML.
type eventGraphML struct {
	Nodes []struct {
		Data []struct {
			Key   string `xml:"key,attr"`
			Value string `xml:",chardata"`
		} `xml:"data"`
	} `xml:"graph>node"`
}

var dotEventIRI = regexp.MustCompile(`kind="event"[^\]]*iri="([^"]+)"`)

// TestExportEventNetwork checks that GraphML and DOT honour the selection
// flags: the network's event nodes are the events `events` lists for the
// same selection, and a selection that selects nothing leaves no event.
func TestExportEventNetwork(t *testing.T) {
	db := filepath.Join(t.TempDir(), "graph.db")
	if r := runBinary(t, run("ingest", "--dbpath", db, "../../examples/articles")); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	for _, sel := range [][]string{
		{"--country", "Pakistan", "--type", "Attack"},
		{"--actor", "Iran"},
		{"--since", "2024-01-17", "--until", "2024-01-17"},
		{"--country", "Atlantis"},
	} {
		listing := []string{"events", "--dbpath", db, "--format", "jsonl"}
		for _, a := range sel {
			if a == "--country" {
				a = "--place" // export's --country is events' --place
			}
			listing = append(listing, a)
		}
		r := runBinary(t, run(listing...))
		if r.code != 0 {
			t.Fatalf("%v: %+v", listing, r)
		}
		var want []string
		for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
			var ev struct{ ID string }
			if line != "" && json.Unmarshal([]byte(line), &ev) == nil {
				want = append(want, ev.ID)
			}
		}
		if len(want) == 0 && sel[1] != "Atlantis" {
			t.Fatalf("%v selects no event to compare", sel)
		}
		for _, format := range []string{"graphml", "dot"} {
			r := runBinary(t, run(append([]string{"export", "--dbpath", db, "--format", format}, sel...)...))
			if r.code != 0 {
				t.Fatalf("export --format %s %v: %+v", format, sel, r)
			}
			got := exportedEvents(t, format, r.stdout)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("export --format %s %v: events %q, want %q", format, sel, got, want)
			}
		}
	}
}

// exportedEvents lists the IRIs of the event nodes of a network.
func exportedEvents(t *testing.T, format, out string) []string {
	t.Helper()
	var iris []string
	if format == "dot" {
		for _, m := range dotEventIRI.FindAllStringSubmatch(out, -1) {
			iris = append(iris, m[1])
		}
		return iris
	}
	var doc eventGraphML
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("GraphML: %v\n%s", err, out)
	}
	for _, n := range doc.Nodes {
		attrs := map[string]string{}
		for _, d := range n.Data {
			attrs[d.Key] = d.Value
		}
		if attrs["kind"] == "event" {
			iris = append(iris, attrs["iri"])
		}
	}
	return iris
}
