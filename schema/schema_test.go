package schema

import (
	"bytes"
	"fmt"
	"net/url"
	"os/exec"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/internal/testtool"
)

func TestTermsAreDocumented(t *testing.T) {
	names := map[string]bool{}
	for _, term := range Terms() {
		if !strings.HasPrefix(string(term.IRI), Vocab) {
			t.Errorf("%s is not under Vocab", term.IRI)
		}
		if term.Label == "" || term.Comment == "" {
			t.Errorf("%s lacks a label or comment", term.IRI)
		}
		if names[term.Name()] {
			t.Errorf("local name %s used twice", term.Name())
		}
		names[term.Name()] = true
		if term.Role == RoleEventType {
			if _, ok := DirectEdge(term.IRI); !ok {
				t.Errorf("event type %s has no direct edge", term.Name())
			}
		}
	}
	// Every class and type of the extraction record contract is defined.
	for _, c := range []string{"Country", "Region", "Place", "ArmedGroup", "StateForce", "Government", "Organization", "Person", "Civilians"} {
		if _, known, _ := EntityClass(c); !known {
			t.Errorf("entity class %s is not in the vocabulary", c)
		}
	}
	for _, e := range []string{"Attack", "Condemn", "Summon", "Demand", "RecallAmbassador", "OfferMediation", "Appeal", "Meet", "CancelVisit", "Threaten", "Arrest", "Protest"} {
		if _, known, _ := EventClass(e); !known {
			t.Errorf("event type %s is not in the vocabulary", e)
		}
	}
	for _, r := range []string{"holdsRole", "memberOf", "alias", "locatedIn", "operatesIn", "seeksIndependenceFor", "foundedIn", "controls", "retaliationFor"} {
		if _, known, _ := RelationPredicate(r); !known {
			t.Errorf("relation %s is not in the vocabulary", r)
		}
	}
}

func TestLookup(t *testing.T) {
	cases := []struct {
		name    string
		lookup  func(string) (quad.IRI, bool, error)
		in      string
		want    quad.IRI
		known   bool
		wantErr bool
	}{
		{"class", EntityClass, "Country", Country, true, false},
		{"class, other case", EntityClass, "armedgroup", ArmedGroup, true, false},
		{"class not defined yet", EntityClass, "Vessel", Vocab + "Vessel", false, false},
		{"class that is no name", EntityClass, "Armed Group", "", false, true},
		{"event type", EventClass, "RecallAmbassador", RecallAmbassador, true, false},
		{"event type not defined yet", EventClass, "Blockade", Vocab + "Blockade", false, false},
		{"an event type is no entity class", EntityClass, "Attack", Vocab + "Attack", false, false},
		{"relation", RelationPredicate, "holdsRole", HoldsRole, true, false},
		{"within means locatedIn", RelationPredicate, "within", LocatedIn, true, false},
		{"relation not defined yet", RelationPredicate, "allyOf", Vocab + "allyOf", false, false},
	}
	for _, c := range cases {
		got, known, err := c.lookup(c.in)
		if (err != nil) != c.wantErr || got != c.want || known != c.known {
			t.Errorf("%s: (%q) = %v, %v, %v; want %v, %v, error %v", c.name, c.in, got, known, err, c.want, c.known, c.wantErr)
		}
	}
	if e, _ := DirectEdge(Attack); e != Struck {
		t.Errorf("DirectEdge(Attack) = %v", e)
	}
	if _, ok := DirectEdge(Country); ok {
		t.Error("a country has a direct edge")
	}
}

func TestLiterals(t *testing.T) {
	cases := []struct {
		v    quad.Value
		want string
	}{
		{Integer(9), `"9"^^<http://www.w3.org/2001/XMLSchema#integer>`},
		{Boolean(true), `"true"^^<http://www.w3.org/2001/XMLSchema#boolean>`},
		{Boolean(false), `"false"^^<http://www.w3.org/2001/XMLSchema#boolean>`},
		{Decimal(0.9), `"0.9"^^<http://www.w3.org/2001/XMLSchema#decimal>`},
		{DateValue("2024-01-16"), `"2024-01-16"^^<http://www.w3.org/2001/XMLSchema#date>`},
		{DateValue("2023-12"), `"2023-12"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>`},
		{DateValue("2012"), `"2012"^^<http://www.w3.org/2001/XMLSchema#gYear>`},
		{DateValue("early 2012"), `"early 2012"`},
		{DocumentIRI(DefaultBase, "a b/c.txt"), `<https://newsgraph.org/id/doc/a%20b%2Fc.txt>`},
		{ReportIRI(DefaultBase, "a.txt", 2), `<https://newsgraph.org/id/report/a.txt/2>`},
		{WikidataIRI("Q843"), `<http://www.wikidata.org/entity/Q843>`},
		{EntityIRI(DefaultBase, "entity/iran"), `<https://newsgraph.org/id/entity/iran>`},
		{EntityIRI(DefaultBase, "http://example.org/iran"), `<http://example.org/iran>`},
	}
	for _, c := range cases {
		if got := c.v.String(); got != c.want {
			t.Errorf("got %s, want %s", got, c.want)
		}
	}
	if n, ok := IntegerOf(Integer(42)); !ok || n != 42 {
		t.Errorf("IntegerOf(Integer(42)) = %v, %v", n, ok)
	}
}

// TestEntityIRIWithoutColon checks that EntityIRI, which parses only
// the ids with a colon, gives what parsing every id gives: for keys,
// IRIs, ids that do not parse, and colons in and out of a scheme.
func TestEntityIRIWithoutColon(t *testing.T) {
	parsed := func(id string) quad.IRI {
		if u, err := url.Parse(id); err == nil && u.IsAbs() {
			return quad.IRI(id)
		}
		return quad.IRI(DefaultBase + strings.TrimPrefix(id, "/"))
	}
	for _, id := range []string{
		"entity/iran", "/entity/place/north-kivu", "", "/", "entity/a b", "entity/%zz",
		"http://example.org/iran", "https://example.org/a?b#c", "urn:isbn:123", "wd:Q843",
		"entity/a:b", ":x", "1a:b", "a+b.c-d:e", "entity/x?y:z", "entity/x#y:z", "%41:b", "a b:c",
	} {
		if got, want := EntityIRI(DefaultBase, id), parsed(id); got != want {
			t.Errorf("EntityIRI(%q) = %s, want %s", id, got, want)
		}
	}
}

// TestEvidenceSpan checks that an evidence literal reads back as written,
// whatever its text (empty, with spaces, quotes or digits first), and that
// other values are not read as one.
func TestEvidenceSpan(t *testing.T) {
	spans := []struct {
		sentence, start, end int
		text                 string
	}{
		{0, 0, 31, "Three people were killed."},
		{12, 1040, 1040, ""},
		{3, 7, 19, "12 dead in  \"raid\" "},
	}
	for _, sp := range spans {
		v := EvidenceSpan(sp.sentence, sp.start, sp.end, sp.text)
		s, b, e, text, ok := EvidenceSpanOf(v)
		if !ok || s != sp.sentence || b != sp.start || e != sp.end || text != sp.text {
			t.Errorf("EvidenceSpanOf(%v) = %d %d %d %q %v, want %+v", v, s, b, e, text, ok, sp)
		}
		if s, b, e, text, ok := EvidenceSpanText(string(v.Value)); !ok || s != sp.sentence || b != sp.start || e != sp.end || text != sp.text {
			t.Errorf("EvidenceSpanText(%q) = %d %d %d %q %v, want %+v", v.Value, s, b, e, text, ok, sp)
		}
	}
	wantEvidence := `"3 7 19 dead"^^<https://newsgraph.org/ns#Evidence>`
	if got := EvidenceSpan(3, 7, 19, "dead").String(); got != wantEvidence {
		t.Errorf("EvidenceSpan: %s, want %s", got, wantEvidence)
	}
	for _, v := range []quad.Value{quad.String("3 7 19 dead"), Integer(3),
		quad.TypedString{Value: "3 x 19 dead", Type: Evidence}, quad.TypedString{Value: "3 7", Type: Evidence}} {
		if _, _, _, _, ok := EvidenceSpanOf(v); ok {
			t.Errorf("EvidenceSpanOf(%v) read a span", v)
		}
	}
	for _, s := range []string{"3 x 19 dead", "3 7", ""} {
		if _, _, _, _, ok := EvidenceSpanText(s); ok {
			t.Errorf("EvidenceSpanText(%q) read a span", s)
		}
	}
	if n, ok := IntegerOf(Integer(42)); !ok || n != 42 {
		t.Errorf("IntegerOf(Integer(42)) = %v, %v", n, ok)
	}
}

func TestVocabularyIsValidRDF(t *testing.T) {
	var nq, ttl bytes.Buffer
	if err := NQuads(&nq); err != nil {
		t.Fatal(err)
	}
	if err := Turtle(&ttl); err != nil {
		t.Fatal(err)
	}
	back, err := quad.ReadAll(nquads.NewReader(bytes.NewReader(nq.Bytes()), false))
	if err != nil {
		t.Fatalf("N-Quads do not read back: %v", err)
	}
	if len(back) != len(Quads()) {
		t.Errorf("read back %d quads, wrote %d", len(back), len(Quads()))
	}
	for _, want := range []string{
		"ng:struck\n    a rdf:Property",
		"rdfs:subPropertyOf schema:name",
		"ng:Person\n    a rdfs:Class",
		"rdfs:subClassOf schema:Person",
	} {
		if !strings.Contains(ttl.String(), want) {
			t.Errorf("Turtle lacks %q", want)
		}
	}
	rapper := testtool.Require(t, "rapper", "raptor2-utils")
	for _, c := range []struct {
		syntax string
		data   []byte
	}{{"turtle", ttl.Bytes()}, {"nquads", nq.Bytes()}} {
		cmd := exec.Command(rapper, "-q", "-c", "-i", c.syntax, "-", "https://newsgraph.org/ns")
		cmd.Stdin = bytes.NewReader(c.data)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("rapper rejects the %s: %v\n%s", c.syntax, err, out)
		}
	}
}

func TestSupportedLiteral(t *testing.T) {
	const base = "http://example.org/"
	e := quad.IRI(base + "entity/country/xx")
	set := FactSetIRI(base, e, []quad.IRI{FactIRI(base, e, Type, Country)})
	edge := FactIRI(base, e, Struck, quad.IRI(base+"entity/group/yy"))
	other := FactIRI(base, e, Struck, quad.IRI(base+"entity/group/zz"))
	rows := []struct {
		name        string
		keys        []quad.IRI
		sets, facts []quad.IRI
	}{
		{"a fact set alone", []quad.IRI{set}, []quad.IRI{set}, nil},
		{"a fact alone", []quad.IRI{edge}, nil, []quad.IRI{edge}},
		{"sets and facts, given out of order", []quad.IRI{edge, set}, []quad.IRI{set}, []quad.IRI{edge}},
	}
	for _, r := range rows {
		v := SupportedValue(base, r.keys)
		sets, facts := SupportedKeys(base, v)
		if fmt.Sprint(sets) != fmt.Sprint(r.sets) || fmt.Sprint(facts) != fmt.Sprint(r.facts) {
			t.Errorf("%s: SupportedKeys(%v) = %v %v, want %v %v", r.name, v, sets, facts, r.sets, r.facts)
		}
		for _, k := range r.keys {
			if !ListsSupported(base, v, k) {
				t.Errorf("%s: %v does not list %v", r.name, v, k)
			}
		}
		if ListsSupported(base, v, other) {
			t.Errorf("%s: %v lists %v", r.name, v, other)
		}
		if strings.Contains(string(v.(quad.TypedString).Value), base) {
			t.Errorf("%s: %v repeats the base", r.name, v)
		}
	}
	for _, v := range []quad.Value{quad.String("ab.cd"), FactKeysValue([]string{"ab"})} {
		if s, f := SupportedKeys(base, v); len(s)+len(f) > 0 || ListsSupported(base, v, set) {
			t.Errorf("SupportedKeys(%v) read keys %v %v", v, s, f)
		}
	}
}
