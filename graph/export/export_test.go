package export

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt"
	"github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/piprate/json-gold/ld"

	"github.com/newsgraph/newsgraph/internal/testtool"
)

const (
	ns    = "https://newsgraph.org/id/"
	vocab = "https://newsgraph.org/ns#"
	xsd   = "http://www.w3.org/2001/XMLSchema#"
)

func iri(s string) quad.IRI { return quad.IRI(s) }

// testQuads covers every kind of value the exporters must handle.
func testQuads() []quad.Quad {
	ev, doc := iri(ns+"event/1"), iri(ns+"doc/1")
	when := time.Date(2024, 3, 1, 14, 30, 0, 0, time.FixedZone("EET", 2*3600))
	return []quad.Quad{
		{Subject: ev, Predicate: iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), Object: iri(vocab + "Attack"), Label: doc},
		{Subject: ev, Predicate: iri(vocab + "killed"), Object: quad.TypedString{Value: "12", Type: xsd + "integer"}, Label: doc},
		{Subject: ev, Predicate: iri(vocab + "injured"), Object: quad.Int(7), Label: doc},
		{Subject: ev, Predicate: iri(vocab + "date"), Object: quad.TypedString{Value: "2024-03-01T12:30:00Z", Type: xsd + "dateTime"}},
		{Subject: ev, Predicate: iri(vocab + "reported"), Object: quad.Time(when)},
		{Subject: ev, Predicate: iri(vocab + "confirmed"), Object: quad.Bool(true)},
		{Subject: ev, Predicate: iri(vocab + "disputed"), Object: quad.TypedString{Value: "False", Type: "xsd:boolean"}},
		{Subject: ev, Predicate: iri(vocab + "confidence"), Object: quad.Float(0.75)},
		{Subject: ev, Predicate: iri(vocab + "count"), Object: quad.TypedString{Value: "3", Type: "xsd:integer"}},
		{Subject: ev, Predicate: iri(vocab + "summary"), Object: quad.String("He said \"stop\"\nthen left \\ back\ttab\r — Київ 🚀")},
		{Subject: ev, Predicate: iri("schema:name"), Object: quad.LangString{Value: "Attaque à Kyiv", Lang: "fr"}},
		{Subject: ev, Predicate: iri(vocab + "actor"), Object: iri(ns + "actor/1"), Label: iri(ns + "doc/2")},
		{Subject: iri(ns + "actor/1"), Predicate: iri("http://schema.org/name"), Object: quad.String("Armed Forces")},
		{Subject: ev, Predicate: iri(vocab + "location"), Object: quad.BNode("loc1")},
		{Subject: quad.BNode("loc1"), Predicate: iri(vocab + "place"), Object: quad.String("Mariupol"), Label: quad.BNode("g1")},
		{Subject: quad.BNode("odd label!"), Predicate: iri(vocab + "note"), Object: quad.String("ends with a backslash\\")},
		{Subject: ev, Predicate: iri("http://example.org/with space"), Object: quad.String("bell\x07 and \x1f")},
		{Subject: ev, Predicate: iri(vocab + "source"), Object: iri("https://example.org/news?id=1&lang=en#top")},
	}
}

// openStores returns a memstore and a real bolt store holding quads.
func openStores(t *testing.T, quads []quad.Quad) map[string]graph.QuadStore {
	t.Helper()
	stores := map[string]graph.QuadStore{"memstore": memstore.New(quads...)}
	if raceEnabled {
		t.Log("race detector on: bolt store skipped (boltdb/bolt fails checkptr)")
		return stores
	}
	dir := filepath.Join(t.TempDir(), "bolt")
	if err := graph.InitQuadStore("bolt", dir, nil); err != nil {
		t.Fatalf("init bolt: %v", err)
	}
	bqs, err := graph.NewQuadStore("bolt", dir, nil)
	if err != nil {
		t.Fatalf("open bolt: %v", err)
	}
	t.Cleanup(func() { bqs.Close() })
	qw, err := graph.NewQuadWriter("single", bqs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := qw.AddQuadSet(quads); err != nil {
		t.Fatalf("write bolt: %v", err)
	}
	stores["bolt"] = bqs
	return stores
}

func export(t *testing.T, qs graph.QuadStore, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), qs, &buf, format); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.Bytes()
}

func TestNQuadLine(t *testing.T) {
	s, p := iri("http://ex.org/s"), iri("http://ex.org/p")
	when := time.Date(2024, 3, 1, 14, 30, 0, 500, time.FixedZone("X", 3600))
	tests := []struct {
		name string
		q    quad.Quad
		want string
	}{
		{"iri", quad.Quad{Subject: s, Predicate: p, Object: iri("http://ex.org/o")},
			`<http://ex.org/s> <http://ex.org/p> <http://ex.org/o> .`},
		{"graph name", quad.Quad{Subject: s, Predicate: p, Object: iri("http://ex.org/o"), Label: iri("http://ex.org/g")},
			`<http://ex.org/s> <http://ex.org/p> <http://ex.org/o> <http://ex.org/g> .`},
		{"blank graph name", quad.Quad{Subject: quad.BNode("a"), Predicate: p, Object: quad.BNode("b"), Label: quad.BNode("g")},
			`_:a <http://ex.org/p> _:b _:g .`},
		{"plain string escapes", quad.Quad{Subject: s, Predicate: p, Object: quad.String("a\"b\\c\nd\re\tf\x01g\x7f")},
			`<http://ex.org/s> <http://ex.org/p> "a\"b\\c\nd\re\tf\u0001g\u007F" .`},
		{"unicode kept", quad.Quad{Subject: s, Predicate: p, Object: quad.String("Київ 🚀 é")},
			`<http://ex.org/s> <http://ex.org/p> "Київ 🚀 é" .`},
		{"invalid utf8", quad.Quad{Subject: s, Predicate: p, Object: quad.String("a\xffb")},
			`<http://ex.org/s> <http://ex.org/p> "a\uFFFDb" .`},
		{"lang", quad.Quad{Subject: s, Predicate: p, Object: quad.LangString{Value: "chat", Lang: "fr-CA"}},
			`<http://ex.org/s> <http://ex.org/p> "chat"@fr-CA .`},
		{"quad.Int", quad.Quad{Subject: s, Predicate: p, Object: quad.Int(-42)},
			`<http://ex.org/s> <http://ex.org/p> "-42"^^<http://www.w3.org/2001/XMLSchema#integer> .`},
		{"quad.Float", quad.Quad{Subject: s, Predicate: p, Object: quad.Float(1.5)},
			`<http://ex.org/s> <http://ex.org/p> "1.5E+00"^^<http://www.w3.org/2001/XMLSchema#double> .`},
		{"quad.Bool true", quad.Quad{Subject: s, Predicate: p, Object: quad.Bool(true)},
			`<http://ex.org/s> <http://ex.org/p> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .`},
		{"quad.Bool false", quad.Quad{Subject: s, Predicate: p, Object: quad.Bool(false)},
			`<http://ex.org/s> <http://ex.org/p> "false"^^<http://www.w3.org/2001/XMLSchema#boolean> .`},
		{"quad.Time", quad.Quad{Subject: s, Predicate: p, Object: quad.Time(when)},
			`<http://ex.org/s> <http://ex.org/p> "2024-03-01T13:30:00.0000005Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .`},
		{"short typed int", quad.Quad{Subject: s, Predicate: p, Object: quad.TypedString{Value: "5", Type: "xsd:integer"}},
			`<http://ex.org/s> <http://ex.org/p> "5"^^<http://www.w3.org/2001/XMLSchema#integer> .`},
		{"short typed bool", quad.Quad{Subject: s, Predicate: p, Object: quad.TypedString{Value: "True", Type: "xsd:boolean"}},
			`<http://ex.org/s> <http://ex.org/p> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .`},
		{"schema typed", quad.Quad{Subject: s, Predicate: p, Object: quad.TypedString{Value: "2024-01-01", Type: "schema:Date"}},
			`<http://ex.org/s> <http://ex.org/p> "2024-01-01"^^<http://schema.org/Date> .`},
		{"xsd:string is plain", quad.Quad{Subject: s, Predicate: p, Object: quad.TypedString{Value: "x", Type: xsd + "string"}},
			`<http://ex.org/s> <http://ex.org/p> "x" .`},
		{"prefixed predicate", quad.Quad{Subject: s, Predicate: iri("rdf:type"), Object: iri("schema:Event")},
			`<http://ex.org/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Event> .`},
		{"iri escaping", quad.Quad{Subject: iri("http://ex.org/a b<c>"), Predicate: p, Object: iri("http://ex.org/é?q=\"x\"")},
			`<http://ex.org/a%20b%3Cc%3E> <http://ex.org/p> <http://ex.org/é?q=%22x%22> .`},
		{"bnode label sanitised", quad.Quad{Subject: quad.BNode("not ok!"), Predicate: p, Object: quad.BNode("ok-1.2")},
			`_:b` + bnodeLabel("not ok!")[1:] + ` <http://ex.org/p> _:ok-1.2 .`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := appendNQuad(nil, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want+"\n" {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			// Every line must be readable back by Cayley's own parser.
			if _, err := nquads.NewReader(bytes.NewReader(got), false).ReadQuad(); err != nil {
				t.Errorf("cayley cannot parse %q: %v", got, err)
			}
		})
	}
}

func TestUnrepresentable(t *testing.T) {
	s, p := iri("http://ex.org/s"), iri("http://ex.org/p")
	tests := []struct {
		name string
		q    quad.Quad
	}{
		{"literal subject", quad.Quad{Subject: quad.String("x"), Predicate: p, Object: s}},
		{"bnode predicate", quad.Quad{Subject: s, Predicate: quad.BNode("p"), Object: s}},
		{"literal label", quad.Quad{Subject: s, Predicate: p, Object: s, Label: quad.String("g")}},
		{"bad lang", quad.Quad{Subject: s, Predicate: p, Object: quad.LangString{Value: "x", Lang: "en us"}}},
	}
	for _, tc := range tests {
		for _, format := range []string{NQuads, JSONLD} {
			t.Run(tc.name+"/"+format, func(t *testing.T) {
				err := Write(context.Background(), memstore.New(tc.q), io.Discard, format)
				if !errors.Is(err, ErrUnrepresentable) {
					t.Fatalf("want ErrUnrepresentable, got %v", err)
				}
				var te *TermError
				if !errors.As(err, &te) || te.Format != format {
					t.Fatalf("want *TermError for %s, got %#v", format, err)
				}
			})
			// Graph formats accept anything.
			for _, f := range []string{GraphML, DOT} {
				if err := Write(context.Background(), memstore.New(tc.q), io.Discard, f); err != nil {
					t.Errorf("%s: %v", f, err)
				}
			}
		}
	}
}

func TestFormats(t *testing.T) {
	if got := strings.Join(Formats(), ","); got != "nquads,jsonld,graphml,dot" {
		t.Fatalf("Formats() = %s", got)
	}
	err := Write(context.Background(), memstore.New(), io.Discard, "turtle")
	if !errors.Is(err, ErrUnknownFormat) {
		t.Fatalf("unknown format: %v", err)
	}
	tests := []struct {
		path, want string
		ok         bool
	}{
		{"a.nq", NQuads, true}, {"a.nq.gz", NQuads, true}, {"A.NQUADS", NQuads, true},
		{"a.jsonld", JSONLD, true}, {"a.json.gz", JSONLD, true},
		{"a.graphml", GraphML, true}, {"a.xml", GraphML, true},
		{"a.dot", DOT, true}, {"a.gv.gz", DOT, true},
		{"a.ttl", "", false}, {"a.gz", "", false},
	}
	for _, tc := range tests {
		got, ok := FormatFromPath(tc.path)
		if got != tc.want || ok != tc.ok {
			t.Errorf("FormatFromPath(%q) = %q, %v", tc.path, got, ok)
		}
	}
}

var rapperCount = regexp.MustCompile(`returned (\d+) (?:triples?|statements?)`)

// TestNQuadsRapper validates the N-Quads output with raptor's independent
// parser and checks it reads back every statement.
func TestNQuadsRapper(t *testing.T) {
	rapper := testtool.Require(t, "rapper", "raptor2-utils")
	quads := testQuads()
	for name, qs := range openStores(t, quads) {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "out.nq")
			if err := WriteFile(context.Background(), qs, file, NQuads); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(rapper, "-i", "nquads", "-c", file)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("rapper failed: %v\n%s", err, stderr.String())
			}
			if strings.Contains(stderr.String(), "Error") || strings.Contains(stderr.String(), "Warning") {
				t.Errorf("rapper complained:\n%s", stderr.String())
			}
			m := rapperCount.FindStringSubmatch(stderr.String())
			if m == nil {
				t.Fatalf("unexpected rapper output:\n%s", stderr.String())
			}
			if n, _ := strconv.Atoi(m[1]); n != len(quads) {
				t.Errorf("rapper counted %d statements, want %d\n%s", n, len(quads), stderr.String())
			}
			t.Logf("rapper: %s", strings.TrimSpace(stderr.String()))

			// Round trip: rapper's own re-serialisation holds the same
			// statements as ours (blank node labels aside).
			out, err := exec.Command(rapper, "-q", "-i", "nquads", "-o", "nquads", file).Output()
			if err != nil {
				t.Fatalf("rapper -o nquads: %v", err)
			}
			ours, _ := os.ReadFile(file)
			got, want := canonicalQuads(t, string(out)), canonicalQuads(t, string(ours))
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("rapper read different statements:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestNQuadsContent checks the exported statements, independent of store.
func TestNQuadsContent(t *testing.T) {
	for name, qs := range openStores(t, testQuads()) {
		t.Run(name, func(t *testing.T) {
			out := string(export(t, qs, NQuads))
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) != len(testQuads()) {
				t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(testQuads()), out)
			}
			for _, want := range []string{
				`<https://newsgraph.org/id/event/1> <https://newsgraph.org/ns#killed> "12"^^<http://www.w3.org/2001/XMLSchema#integer> <https://newsgraph.org/id/doc/1> .`,
				`<https://newsgraph.org/id/event/1> <https://newsgraph.org/ns#injured> "7"^^<http://www.w3.org/2001/XMLSchema#integer> <https://newsgraph.org/id/doc/1> .`,
				`<https://newsgraph.org/id/event/1> <https://newsgraph.org/ns#confirmed> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .`,
				`<https://newsgraph.org/id/event/1> <https://newsgraph.org/ns#disputed> "false"^^<http://www.w3.org/2001/XMLSchema#boolean> .`,
				`<https://newsgraph.org/id/event/1> <https://newsgraph.org/ns#reported> "2024-03-01T12:30:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .`,
				`<https://newsgraph.org/id/event/1> <https://newsgraph.org/ns#summary> "He said \"stop\"\nthen left \\ back\ttab\r — Київ 🚀" .`,
				`<https://newsgraph.org/id/event/1> <http://schema.org/name> "Attaque à Kyiv"@fr .`,
				`_:loc1 <https://newsgraph.org/ns#place> "Mariupol" _:g1 .`,
				`<https://newsgraph.org/id/event/1> <http://example.org/with%20space> "bell\u0007 and \u001F" .`,
			} {
				if !strings.Contains(out, want+"\n") {
					t.Errorf("missing line %s\nin:\n%s", want, out)
				}
			}
			if strings.Contains(out, "xsd:") || strings.Contains(out, "True") {
				t.Errorf("output still has short datatype IRIs or capitalised booleans:\n%s", out)
			}
		})
	}
}

// TestJSONLD checks the document is JSON, then runs it through a JSON-LD
// processor (json-gold) and compares the resulting RDF with the N-Quads
// export.
func TestJSONLD(t *testing.T) {
	quads := testQuads()
	for name, qs := range openStores(t, quads) {
		t.Run(name, func(t *testing.T) {
			data := export(t, qs, JSONLD)
			var doc map[string]interface{}
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, data)
			}
			if _, ok := doc["@context"].(map[string]interface{}); !ok {
				t.Fatalf("no @context object")
			}
			opts := ld.NewJsonLdOptions("")
			opts.Format = "application/n-quads"
			rdf, err := ld.NewJsonLdProcessor().ToRDF(doc, opts)
			if err != nil {
				t.Fatalf("JSON-LD to RDF: %v", err)
			}
			got := canonicalQuads(t, rdf.(string))
			want := canonicalQuads(t, string(export(t, qs, NQuads)))
			if len(got) != len(quads) {
				t.Errorf("JSON-LD yields %d quads, want %d:\n%s", len(got), len(quads), rdf)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("JSON-LD RDF differs from N-Quads export\njsonld:\n%s\nnquads:\n%s",
					strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// canonicalQuads parses N-Quads with Cayley's parser and returns sorted
// statements with blank node labels erased (processors rename them).
func canonicalQuads(t *testing.T, s string) []string {
	t.Helper()
	r := nquads.NewReader(strings.NewReader(s), false)
	var out []string
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("parse %v\n%s", err, s)
		}
		var parts []string
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			switch v := v.(type) {
			case nil:
				parts = append(parts, "")
			case quad.BNode:
				parts = append(parts, "_:")
			case quad.TypedString:
				// json-gold writes xsd:double in its canonical form.
				if v.Type == xsd+"double" {
					f, _ := strconv.ParseFloat(string(v.Value), 64)
					parts = append(parts, strconv.FormatFloat(f, 'g', -1, 64))
					continue
				}
				parts = append(parts, v.String())
			default:
				parts = append(parts, v.String())
			}
		}
		out = append(out, strings.Join(parts, " "))
	}
	sort.Strings(out)
	return out
}

type graphMLDoc struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string        `xml:"id,attr"`
			Data []graphMLData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string        `xml:"id,attr"`
			Source string        `xml:"source,attr"`
			Target string        `xml:"target,attr"`
			Data   []graphMLData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type graphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func dataOf(d []graphMLData, key string) string {
	for _, x := range d {
		if x.Key == key {
			return x.Value
		}
	}
	return ""
}

func TestGraphML(t *testing.T) {
	quads := testQuads()
	for name, qs := range openStores(t, quads) {
		t.Run(name, func(t *testing.T) {
			data := export(t, qs, GraphML)
			var doc graphMLDoc
			if err := xml.Unmarshal(data, &doc); err != nil {
				t.Fatalf("invalid XML: %v\n%s", err, data)
			}
			// Strict token-level pass as well (catches e.g. bad characters).
			dec := xml.NewDecoder(bytes.NewReader(data))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("XML token error: %v", err)
				}
			}
			if doc.Graph.EdgeDefault != "directed" {
				t.Errorf("edgedefault = %q", doc.Graph.EdgeDefault)
			}
			if len(doc.Graph.Edges) != len(quads) {
				t.Errorf("%d edges, want %d", len(doc.Graph.Edges), len(quads))
			}
			labels := make(map[string]string)
			for _, n := range doc.Graph.Nodes {
				if _, dup := labels[n.ID]; dup {
					t.Errorf("duplicate node id %s", n.ID)
				}
				labels[n.ID] = dataOf(n.Data, "label")
			}
			// distinct subjects and objects of testQuads
			distinct := make(map[string]bool)
			for _, q := range quads {
				distinct[q.Subject.String()] = true
				distinct[q.Object.String()] = true
			}
			if len(labels) != len(distinct) {
				t.Errorf("%d nodes, want %d", len(labels), len(distinct))
			}
			edgeLabels := make(map[string]bool)
			for _, e := range doc.Graph.Edges {
				if _, ok := labels[e.Source]; !ok {
					t.Errorf("edge %s: undeclared source %s", e.ID, e.Source)
				}
				if _, ok := labels[e.Target]; !ok {
					t.Errorf("edge %s: undeclared target %s", e.ID, e.Target)
				}
				edgeLabels[dataOf(e.Data, "label")] = true
			}
			for _, want := range []string{"type", "killed", "actor", "name", "with space"} {
				if !edgeLabels[want] {
					t.Errorf("no edge labelled %q in %v", want, edgeLabels)
				}
			}
			// Readable node labels: names when known, else last IRI segment.
			byLabel := make(map[string]bool)
			for _, l := range labels {
				byLabel[l] = true
			}
			for _, want := range []string{"Attaque à Kyiv", "Armed Forces", "Attack", "7", "true", "He said \"stop\"\nthen left \\ back\ttab\r — Київ 🚀"} {
				if !byLabel[want] {
					t.Errorf("no node labelled %q in %q", want, labels)
				}
			}
		})
	}
}

func TestDOT(t *testing.T) {
	quads := testQuads()
	for name, qs := range openStores(t, quads) {
		t.Run(name, func(t *testing.T) {
			data := export(t, qs, DOT)
			s := string(data)
			if !strings.HasPrefix(s, "digraph newsgraph {\n") || !strings.HasSuffix(s, "}\n") {
				t.Fatalf("not a digraph:\n%s", s)
			}
			if n := strings.Count(s, " -> "); n != len(quads) {
				t.Errorf("%d edges, want %d", n, len(quads))
			}
			for _, want := range []string{`label="Armed Forces"`, `label="Attaque à Kyiv"`, `label="killed"`,
				`label="ends with a backslash\\ "`, `label="He said \"stop\"\nthen left \\ back tab  — Київ 🚀"`} {
				if !strings.Contains(s, want) {
					t.Errorf("missing %s in\n%s", want, s)
				}
			}
			dot := testtool.Require(t, "dot", "graphviz")
			cmd := exec.Command(dot, "-Tsvg")
			cmd.Stdin = bytes.NewReader(data)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil || stderr.Len() != 0 {
				t.Fatalf("dot -Tsvg: %v\n%s", err, stderr.String())
			}
			if !bytes.Contains(stdout.Bytes(), []byte("Armed Forces")) {
				t.Errorf("svg lacks node label")
			}
		})
	}
}

func TestDOTString(t *testing.T) {
	tests := []struct{ in, want string }{
		{`plain`, `"plain"`},
		{`a"b`, `"a\"b"`},
		{`a\b`, `"a\\b"`},
		{`end\`, `"end\\ "`},
		{"two\nlines", `"two\nlines"`},
		{"tab\there", `"tab here"`},
		{`\N`, `"\\N"`},
	}
	for _, tc := range tests {
		if got := string(appendDOTString(nil, tc.in)); got != tc.want {
			t.Errorf("appendDOTString(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestWriteFileGzip(t *testing.T) {
	qs := memstore.New(testQuads()...)
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "graph."+format+".gz")
			if err := WriteFile(context.Background(), qs, path, format); err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			zr, err := gzip.NewReader(f)
			if err != nil {
				t.Fatalf("not gzip: %v", err)
			}
			got, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			if want := export(t, qs, format); !bytes.Equal(got, want) {
				t.Errorf("gunzipped file differs from Write output")
			}
			if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
				t.Errorf("mode = %v", st.Mode())
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("leftover files: %v", entries)
			}
		})
	}
	// Format inferred from the file name, no compression.
	path := filepath.Join(t.TempDir(), "g.nq")
	if err := WriteFile(context.Background(), qs, path, ""); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !bytes.Equal(data, export(t, qs, NQuads)) {
		t.Errorf("plain file differs from Write output")
	}
}

var errBoom = errors.New("boom")

// failingStore wraps a store so that iterating quads fails after n quads.
type failingStore struct {
	graph.QuadStore
	n int
}

func (s failingStore) QuadsAllIterator() graph.Iterator {
	return &failingIterator{Iterator: s.QuadStore.QuadsAllIterator(), left: s.n}
}

type failingIterator struct {
	graph.Iterator
	left int
	err  error
}

func (it *failingIterator) Next(ctx context.Context) bool {
	if it.left == 0 {
		it.err = errBoom
		return false
	}
	it.left--
	return it.Iterator.Next(ctx)
}

func (it *failingIterator) Err() error { return it.err }

type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errBoom
	}
	return len(p), nil
}

func TestWriteFileFailureLeavesNothing(t *testing.T) {
	mem := memstore.New(testQuads()...)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name   string
		ctx    context.Context
		qs     graph.QuadStore
		format string
		want   error
	}{
		{"store error", context.Background(), failingStore{mem, 3}, NQuads, errBoom},
		{"store error gz", context.Background(), failingStore{mem, 3}, JSONLD, errBoom},
		{"store error graphml", context.Background(), failingStore{mem, 1}, GraphML, errBoom},
		{"cancelled", cancelled, mem, DOT, context.Canceled},
		{"unrepresentable", context.Background(), memstore.New(quad.Quad{Subject: quad.String("lit"), Predicate: iri("http://p"), Object: quad.Int(1)}), NQuads, ErrUnrepresentable},
		{"unknown format", context.Background(), mem, "rdfxml", ErrUnknownFormat},
	}
	for _, tc := range tests {
		for _, ext := range []string{".out", ".out.gz"} {
			t.Run(tc.name+ext, func(t *testing.T) {
				dir := t.TempDir()
				fresh := filepath.Join(dir, "fresh"+ext)
				err := WriteFile(tc.ctx, tc.qs, fresh, tc.format)
				if !errors.Is(err, tc.want) {
					t.Fatalf("err = %v, want %v", err, tc.want)
				}
				// An existing file is left untouched.
				existing := filepath.Join(dir, "existing"+ext)
				os.WriteFile(existing, []byte("previous export"), 0o644)
				if err := WriteFile(tc.ctx, tc.qs, existing, tc.format); !errors.Is(err, tc.want) {
					t.Fatalf("err = %v, want %v", err, tc.want)
				}
				entries, _ := os.ReadDir(dir)
				if len(entries) != 1 || entries[0].Name() != "existing"+ext {
					var names []string
					for _, e := range entries {
						names = append(names, e.Name())
					}
					t.Errorf("directory holds %v, want only the pre-existing file", names)
				}
				if data, _ := os.ReadFile(existing); string(data) != "previous export" {
					t.Errorf("existing file changed to %q", data)
				}
			})
		}
	}
}

func TestWriteFailingWriter(t *testing.T) {
	qs := memstore.New(testQuads()...)
	for _, format := range Formats() {
		// Larger than the internal buffer so that the error surfaces
		// mid-stream as well as on the final flush.
		for _, n := range []int{0, 100} {
			err := Write(context.Background(), qs, &failingWriter{n: n}, format)
			if !errors.Is(err, errBoom) {
				t.Errorf("%s/%d: err = %v, want errBoom", format, n, err)
			}
		}
	}
}

// TestStreaming checks that the exporters do not read the whole store up
// front: cancelling after the first quad stops the export.
func TestStreaming(t *testing.T) {
	var quads []quad.Quad
	for i := 0; i < 5000; i++ {
		quads = append(quads, quad.Quad{Subject: iri(ns + "e/" + strconv.Itoa(i)), Predicate: iri(vocab + "n"), Object: quad.Int(i)})
	}
	qs := memstore.New(quads...)
	for _, format := range Formats() {
		ctx, cancel := context.WithCancel(context.Background())
		st := &cancelAfter{QuadStore: qs, n: 1, cancel: cancel}
		err := Write(ctx, st, io.Discard, format)
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: err = %v", format, err)
		}
		if st.seen > 2 {
			t.Errorf("%s: read %d quads after cancel", format, st.seen)
		}
	}
}

// cancelAfter cancels the context once n quads were fetched.
type cancelAfter struct {
	graph.QuadStore
	n, seen int
	cancel  func()
}

func (s *cancelAfter) Quad(r graph.Ref) quad.Quad {
	s.seen++
	if s.seen >= s.n {
		s.cancel()
	}
	return s.QuadStore.Quad(r)
}

// TestExpander checks that an Expander's quads replace the quad it
// expands in N-Quads and JSON-LD, that quads it declines are written as
// they are, and that GraphML and DOT draw the store's own quads.
func TestExpander(t *testing.T) {
	s, doc := iri("http://ex.org/s"), iri("http://ex.org/doc")
	packed := quad.Quad{Subject: s, Predicate: iri("http://ex.org/packed"), Object: quad.String("a b"), Label: doc}
	plain := quad.Quad{Subject: s, Predicate: iri("http://ex.org/plain"), Object: quad.String("kept"), Label: doc}
	expand := func(q quad.Quad) ([]quad.Quad, bool) {
		if q.Predicate != packed.Predicate {
			return nil, false
		}
		var out []quad.Quad
		for _, w := range strings.Fields(string(q.Object.(quad.String))) {
			out = append(out, quad.Quad{Subject: s, Predicate: iri("http://ex.org/part"), Object: quad.String(w), Label: q.Label})
		}
		return out, true
	}
	qs := memstore.New(packed, plain)
	write := func(format string) string {
		var buf bytes.Buffer
		if err := Write(context.Background(), qs, &buf, format, WithExpander(expand)); err != nil {
			t.Fatalf("Write(%s): %v", format, err)
		}
		return buf.String()
	}
	nq := write(NQuads)
	for _, want := range []string{`<http://ex.org/part> "a"`, `<http://ex.org/part> "b"`, `<http://ex.org/plain> "kept"`} {
		if !strings.Contains(nq, want) {
			t.Errorf("N-Quads without %s:\n%s", want, nq)
		}
	}
	if strings.Contains(nq, "packed") || strings.Count(nq, "\n") != 3 {
		t.Errorf("N-Quads, want the packed quad's two parts and the plain one:\n%s", nq)
	}
	if ld := write(JSONLD); strings.Contains(ld, "packed") || strings.Count(ld, "http://ex.org/part") != 2 {
		t.Errorf("JSON-LD, want the packed quad's two parts:\n%s", ld)
	}
	for _, f := range []string{GraphML, DOT} {
		if out := write(f); !strings.Contains(out, "packed") || strings.Contains(out, "http://ex.org/part") {
			t.Errorf("%s, want the store's own quads:\n%s", f, out)
		}
	}
}
