package export

import (
	"bytes"
	"encoding/xml"
	"os/exec"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/internal/testtool"
)

// networkEvents are two events: a strike with a range of figures, a place
// inside a country and an agent, and the strike it answers.
func networkEvents() []extract.Event {
	day, k7, k9 := "2024-01-18", 7, 9
	pk := extract.Ref{ID: "pk", Name: "Pakistan", Class: extract.ClassCountry}
	ir := extract.Ref{ID: "ir", Name: "Iran", Class: extract.ClassCountry}
	bla := extract.Ref{ID: "bla", Name: "Border Front", Class: extract.ClassArmedGroup, Country: "Iran"}
	return []extract.Event{
		{ID: "e1", Type: "Attack", Subtype: "airstrike", Cameo: "195", Actors: []extract.Ref{pk},
			Agents:  []extract.Ref{{ID: "paf", Name: "Air Force & Co <PAF>", Class: extract.ClassStateForce}},
			Targets: []extract.Ref{bla}, Places: []extract.Ref{{ID: "town", Name: "Hill Town", Class: "City"}}, Country: &ir,
			Date: &day, Killed: &k7, KilledMax: &k9, RetaliationFor: "e2", Sources: make([]extract.SourceClaim, 5)},
		{ID: "e2", Type: "Attack", Actors: []extract.Ref{ir}, Targets: []extract.Ref{pk}, Country: &pk},
	}
}

type netGraphML struct {
	Keys []struct {
		ID  string `xml:"id,attr"`
		For string `xml:"for,attr"`
	} `xml:"key"`
	Nodes []struct {
		ID   string        `xml:"id,attr"`
		Data []graphMLData `xml:"data"`
	} `xml:"graph>node"`
	Edges []struct {
		Source string        `xml:"source,attr"`
		Target string        `xml:"target,attr"`
		Data   []graphMLData `xml:"data"`
	} `xml:"graph>edge"`
}

// TestEventGraphML parses the network back with encoding/xml and checks
// its nodes, attributes and edges.
func TestEventGraphML(t *testing.T) {
	var b bytes.Buffer
	if err := EventGraphML(&b, networkEvents()); err != nil {
		t.Fatal(err)
	}
	var doc netGraphML
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("invalid GraphML: %v\n%s", err, b.String())
	}
	byIRI := map[string]map[string]string{}
	idOf := map[string]string{}
	for _, n := range doc.Nodes {
		attrs := map[string]string{}
		for _, d := range n.Data {
			attrs[d.Key] = d.Value
		}
		byIRI[attrs["iri"]] = attrs
		idOf[attrs["iri"]] = n.ID
	}
	for iri, want := range map[string]map[string]string{
		"pk":   {"kind": NodeActor, "label": "Pakistan", "entity_class": "Country"},
		"paf":  {"kind": NodeActor, "label": "Air Force & Co <PAF>"},
		"bla":  {"kind": NodeTarget, "country": "Iran", "entity_class": "ArmedGroup"},
		"town": {"kind": NodePlace, "label": "Hill Town"},
		"ir":   {"kind": NodeActor},
		"e1": {"kind": NodeEvent, "type": "Attack", "subtype": "airstrike", "cameo": "195", "date": "2024-01-18",
			"killed_min": "7", "killed_max": "9", "sources": "5", "country": "Iran"},
	} {
		for k, v := range want {
			if got := byIRI[iri][k]; got != v {
				t.Errorf("node %s: %s = %q, want %q", iri, k, got, v)
			}
		}
	}
	if len(doc.Nodes) != 7 {
		t.Errorf("%d nodes, want 7 (5 entities and places, 2 events)", len(doc.Nodes))
	}
	edges := map[string]bool{}
	for _, e := range doc.Edges {
		edges[e.Source+" "+dataOf(e.Data, "role")+" "+e.Target] = true
	}
	for _, want := range [][3]string{
		{"pk", "actor", "e1"}, {"paf", "actor", "e1"}, {"e1", "target", "bla"}, {"e1", "place", "town"},
		{"e1", "place", "ir"}, {"e1", "retaliation_for", "e2"}, {"e2", "target", "pk"}, {"e2", "place", "pk"},
	} {
		if !edges[idOf[want[0]]+" "+want[1]+" "+idOf[want[2]]] {
			t.Errorf("no %s edge %s → %s in %v", want[1], want[0], want[2], edges)
		}
	}
	declared := map[string]bool{}
	for _, k := range doc.Keys {
		declared[k.ID] = true
	}
	for _, n := range doc.Nodes {
		for _, d := range n.Data {
			if !declared[d.Key] {
				t.Errorf("undeclared key %q", d.Key)
			}
		}
	}
}

// TestEventGraphDOT checks the network's DOT with Graphviz: it must parse
// without a warning, and keep the nodes' attributes.
func TestEventGraphDOT(t *testing.T) {
	var b bytes.Buffer
	if err := EventGraph(&b, networkEvents()); err != nil {
		t.Fatal(err)
	}
	dot := testtool.Require(t, "dot", "graphviz")
	cmd := exec.Command(dot, "-Tcanon")
	cmd.Stdin = bytes.NewReader(b.Bytes())
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("dot: %v %s\n%s", err, stderr.String(), b.String())
	}
	for _, want := range []string{`kind=place`, `role=retaliation_for`, `killed_max=9`, `"Air Force & Co <PAF>"`, `label="Hill Town"`} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("dot -Tcanon lacks %s:\n%s", want, out.String())
		}
	}
}
