package schema

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

// TestRelationsLiteral checks that a document's relations literal gives
// back the statement nodes it was written from, one row per shape of
// statement: an entity object under the base, an object outside it, a
// plain string, a typed date, no evidence, several spans with quotes and
// markup; and a document id that escapes to "%2F".
func TestRelationsLiteral(t *testing.T) {
	const base = "http://example.org/"
	ev := func(text string) quad.Value { return EvidenceSpan(2, 10, 10+len(text), text) }
	tests := []struct {
		name  string
		docID string
		st    Reified
	}{
		{"entity object", "zz-1",
			Reified{N: 0, Subject: base + "entity/person/ada-quill", Predicate: HoldsRole, Object: quad.IRI(base + "entity/org/tin-guild"),
				Evidence: []quad.Value{ev("Ada Quill chairs the Tin Guild.")}}},
		{"object outside the base", "zz-2",
			Reified{N: 3, Subject: base + "entity/group/ferns", Predicate: OperatesIn, Object: quad.IRI("http://other.example/place/x"),
				Evidence: []quad.Value{ev("The Ferns roam <there> & \"here\".")}}},
		{"plain string", "zz-3",
			Reified{N: 1, Subject: base + "entity/group/ferns", Predicate: Alias, Object: quad.String("the \"Green\" ones")}},
		{"typed date, two spans", "a/b c",
			Reified{N: 7, Subject: base + "entity/group/ferns", Predicate: FoundedIn, Object: DateValue("1999-04"),
				Evidence: []quad.Value{ev("Founded in April 1999."), ev("A second line,\nwith a break.")}}},
	}
	for _, tc := range tests {
		doc := DocumentIRI(base, tc.docID)
		v, ok := RelationsValue(base, []Reified{tc.st}, nil)
		if !ok {
			t.Fatalf("%s: RelationsValue refused %+v", tc.name, tc.st)
		}
		got, ok := ExpandRelations(quad.Quad{Subject: doc, Predicate: RelationsOf, Object: v, Label: doc})
		if !ok {
			t.Fatalf("%s: ExpandRelations did not read %v", tc.name, v)
		}
		st := StatementIRI(base, tc.docID, tc.st.N)
		want := []quad.Quad{
			{Subject: st, Predicate: Subject, Object: tc.st.Subject, Label: doc},
			{Subject: st, Predicate: Predicate, Object: tc.st.Predicate, Label: doc},
			{Subject: st, Predicate: Object, Object: tc.st.Object, Label: doc},
			{Subject: st, Predicate: ReportedBy, Object: doc, Label: doc},
		}
		for _, e := range tc.st.Evidence {
			want = append(want, quad.Quad{Subject: st, Predicate: EvidenceOf, Object: e, Label: doc})
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: expanded to\n%v\nwant\n%v", tc.name, got, want)
		}
	}
	for _, q := range []quad.Quad{
		{Subject: DocumentIRI(base, "zz"), Predicate: RelationsOf, Object: quad.String("[]")},
		{Subject: DocumentIRI(base, "zz"), Predicate: RelationsOf, Object: quad.TypedString{Value: "{", Type: Relations}},
		{Subject: quad.IRI(base + "report/zz/0"), Predicate: RelationsOf, Object: quad.TypedString{Value: "[]", Type: Relations}},
		{Subject: DocumentIRI(base, "zz"), Predicate: Alias, Object: quad.TypedString{Value: "[]", Type: Relations}},
	} {
		if out, ok := ExpandRelations(q); ok {
			t.Errorf("ExpandRelations(%v) = %v, want no expansion", q, out)
		}
	}
	if _, ok := RelationsValue(base, []Reified{{Subject: base + "entity/x", Predicate: Alias, Object: quad.Int(3)}}, nil); ok {
		t.Error("RelationsValue took an object it cannot carry")
	}
}

// TestRelationsSpanRefs checks that a span a report's details list is
// written in the relations literal as its reference and read back by
// Expander from the document's spans, one row per case: a span listed, one
// not, one with an empty text, and a reference the document's spans do not
// hold, which leaves the literal unexpanded; ExpandRelations, which has no
// spans, reads no reference.
func TestRelationsSpanRefs(t *testing.T) {
	const base = "http://example.org/"
	doc := DocumentIRI(base, "zz-7")
	listedSpan := EvidenceSpan(1, 40, 70, "The Ferns crossed the weir.")
	emptySpan := EvidenceSpan(3, 99, 99, "")
	details := quad.Quad{Subject: quad.IRI(base + "report/zz-7/0"), Predicate: DetailsOf, Label: doc}
	details.Object, _ = DetailsValue([]quad.Quad{
		{Subject: details.Subject, Predicate: EvidenceOf, Object: listedSpan, Label: doc},
		{Subject: details.Subject, Predicate: EvidenceOf, Object: emptySpan, Label: doc},
	})
	lookup := func(d quad.IRI) (map[string]quad.Value, bool) {
		spans := map[string]quad.Value{}
		if d == doc {
			DetailSpans(details, spans)
		}
		return spans, true
	}
	rows := []struct {
		name   string
		span   quad.Value
		listed bool
		entry  string // the span as the literal writes it
		reads  bool   // whether Expander reads it back
	}{
		{"listed", listedSpan, true, "1 40 70", true},
		{"not listed", EvidenceSpan(2, 80, 95, "Nobody was hurt."), false, "2 80 95 Nobody was hurt.", true},
		{"listed, empty text", emptySpan, true, "3 99 99", true},
		{"listed by the writer, not in the details", EvidenceSpan(5, 1, 9, "Rain fell."), true, "5 1 9", false},
	}
	for _, r := range rows {
		st := Reified{N: 2, Subject: base + "entity/group/ferns", Predicate: OperatesIn, Object: quad.IRI(base + "entity/place/weir"),
			Evidence: []quad.Value{r.span}}
		v, ok := RelationsValue(base, []Reified{st}, func(quad.Value) bool { return r.listed })
		if !ok {
			t.Fatalf("%s: RelationsValue refused %+v", r.name, st)
		}
		if got, _ := RelationsIn(base, v); len(got) != 1 || got[0].Evidence[0] != (quad.TypedString{Value: quad.String(r.entry), Type: Evidence}) {
			t.Errorf("%s: literal %v, want the span written %q", r.name, v, r.entry)
		}
		q := quad.Quad{Subject: doc, Predicate: RelationsOf, Object: v, Label: doc}
		got, ok := Expander(lookup)(q)
		if ok != r.reads {
			t.Errorf("%s: Expander read it: %v, want %v", r.name, ok, r.reads)
		}
		if want := (quad.Quad{Subject: StatementIRI(base, "zz-7", 2), Predicate: EvidenceOf, Object: r.span, Label: doc}); ok && got[len(got)-1] != want {
			t.Errorf("%s: expanded evidence %v, want %v", r.name, got[len(got)-1], want)
		}
		if _, ok := ExpandRelations(q); ok == r.listed {
			t.Errorf("%s: ExpandRelations read it: %v", r.name, ok)
		}
	}
}

// TestDetailsLiteral checks that a report's details literal gives back its
// quads, in order, one row per kind of detail; how each detail is written
// (the usual kinds as a code and a text, a detail of another datatype in
// full), and that an entry in the full form, as stores written before
// wrote them all, reads back the same quad; and that Expand reads both
// literals and nothing else.
func TestDetailsLiteral(t *testing.T) {
	const base = "http://example.org/"
	rep, doc := quad.IRI(base+"report/zz-9/0"), DocumentIRI(base, "zz-9")
	rows := []struct {
		name  string
		p     quad.IRI
		o     quad.Value
		entry string // as DetailsValue writes it
		older string // as stores written before wrote it, if it differs
	}{
		{"date text", DateText, quad.String("on the \"third\" day"), `["d","on the \"third\" day"]`, `[":dateText","on the \"third\" day"]`},
		{"confidence", Confidence, Decimal(0.85), `["c","0.85"]`, `[":confidence","0.85","xsd:decimal"]`},
		{"evidence", EvidenceOf, EvidenceSpan(0, 0, 24, "Gunmen stormed <a> mill."), `["e","0 0 24 Gunmen stormed <a> mill."]`, `[":evidence","0 0 24 Gunmen stormed <a> mill.",":Evidence"]`},
		{"second evidence", EvidenceOf, EvidenceSpan(4, 300, 330, "The mill burned overnight."), `["e","4 300 330 The mill burned overnight."]`, ""},
		{"date text of a datatype", DateText, quad.TypedString{Value: "Tuesday", Type: XSDDate}, `[":dateText","Tuesday","xsd:date"]`, ""},
		{"confidence as a string", Confidence, quad.String("high"), `[":confidence","high"]`, ""},
		{"keys of the facts stated", StatesFacts, FactKeysValue([]string{"0a1b2c3d4e5f6071", "8293a4b5c6d7e8f9"}), `["k","0a1b2c3d4e5f6071 8293a4b5c6d7e8f9"]`, `[":statesFacts","0a1b2c3d4e5f6071 8293a4b5c6d7e8f9",":FactKeys"]`},
	}
	var quads []quad.Quad
	for _, r := range rows {
		if !Detailed(r.p) {
			t.Errorf("%s: %v is not a detail", r.name, r.p)
		}
		q := quad.Quad{Subject: rep, Predicate: r.p, Object: r.o, Label: doc}
		quads = append(quads, q)
		checkDetailForms(t, r.name, q, r.entry, r.older)
	}
	v, ok := DetailsValue(quads)
	if !ok {
		t.Fatalf("DetailsValue refused %v", quads)
	}
	got, ok := Expand(quad.Quad{Subject: rep, Predicate: DetailsOf, Object: v, Label: doc})
	if !ok || !reflect.DeepEqual(got, quads) {
		t.Errorf("Expand(details) = %v, %v; want %v", got, ok, quads)
	}
	for _, p := range []quad.IRI{Killed, Date, ReportOf, ReportedBy} {
		if Detailed(p) {
			t.Errorf("%v is a detail; the queries ask for it by predicate", p)
		}
	}
	if _, ok := Expand(quad.Quad{Subject: rep, Predicate: Killed, Object: Integer(3), Label: doc}); ok {
		t.Error("Expand expanded a plain quad")
	}
}

// checkDetailForms checks that q's details literal is entry, and that
// entry and older (if not empty) read back q.
func checkDetailForms(t *testing.T, name string, q quad.Quad, entry, older string) {
	t.Helper()
	v, ok := DetailsValue([]quad.Quad{q})
	if !ok {
		t.Errorf("%s: DetailsValue refused %v", name, q)
		return
	}
	if got, want := string(v.(quad.TypedString).Value), "["+entry+"]"; got != want {
		t.Errorf("%s: literal %s, want %s", name, got, want)
	}
	for _, lit := range []string{entry, older} {
		if lit == "" {
			continue
		}
		l := quad.TypedString{Value: quad.String("[" + lit + "]"), Type: Details}
		got, ok := DetailQuads(quad.Quad{Subject: q.Subject, Predicate: DetailsOf, Object: l, Label: q.Label})
		if !ok || !reflect.DeepEqual(got, []quad.Quad{q}) {
			t.Errorf("%s: DetailQuads(%s) = %v, %v; want %v", name, lit, got, ok, q)
		}
	}
}

// TestShortIRI checks that the short forms of IRIs read back, whatever
// namespace they are in.
func TestShortIRI(t *testing.T) {
	const base = "http://example.org/"
	iris := []quad.IRI{base + "entity/x", Alias, XSDDate, "urn:other:thing", "http://example.org"}
	var shorts []string
	for _, iri := range iris {
		s := shortIRI(base, iri)
		shorts = append(shorts, s)
		if back := longIRI(base, s); back != iri {
			t.Errorf("longIRI(shortIRI(%v)) = %v", iri, back)
		}
	}
	sort.Strings(shorts)
	if want := []string{"/entity/x", ":alias", "http://example.org", "urn:other:thing", "xsd:date"}; !reflect.DeepEqual(shorts, want) {
		t.Errorf("short forms %q, want %q", shorts, want)
	}
}

// TestStatedKeys checks that the keys of the facts a report states are
// read from its statesFacts literal (stores written before) and from the
// entry of its details literal, wherever the entry stands, and from
// nothing else: not from a details literal without one, even when a text
// it holds spells the entry's opening, nor from a literal of another type.
func TestStatedKeys(t *testing.T) {
	const keys = "0a1b2c3d4e5f6071 8293a4b5c6d7e8f9"
	rep, doc := quad.IRI("http://example.org/report/zz-9/0"), DocumentIRI("http://example.org/", "zz-9")
	details := func(qs ...quad.Quad) quad.Value {
		v, ok := DetailsValue(qs)
		if !ok {
			t.Fatalf("DetailsValue refused %v", qs)
		}
		return v
	}
	detail := func(p quad.IRI, o quad.Value) quad.Quad {
		return quad.Quad{Subject: rep, Predicate: p, Object: o, Label: doc}
	}
	stated := detail(StatesFacts, FactKeysValue(strings.Fields(keys)))
	span := detail(EvidenceOf, EvidenceSpan(0, 0, 31, `The sign read ["k","ab"] twice.`))
	rows := []struct {
		name string
		v    quad.Value
		want string
		ok   bool
	}{
		{"statesFacts literal", FactKeysValue(strings.Fields(keys)), keys, true},
		{"details, keys first", details(stated, span), keys, true},
		{"details, keys after a span", details(span, detail(Confidence, Decimal(0.5)), stated), keys, true},
		{"details without keys, a text spelling the entry", details(span), "", false},
		{"a fact set literal", quad.TypedString{Value: quad.String("x.y " + keys), Type: FactSet}, "", false},
		{"a plain string", quad.String(keys), "", false},
	}
	for _, r := range rows {
		got, ok := StatedKeys(r.v)
		if got != r.want || ok != r.ok {
			t.Errorf("%s: StatedKeys = %q, %v; want %q, %v", r.name, got, ok, r.want, r.ok)
		}
		if HasFactKey(r.v, "8293a4b5c6d7e8f9") != r.ok || HasFactKey(r.v, "8293a4b5") {
			t.Errorf("%s: HasFactKey of a listed key / a key's prefix wrong", r.name)
		}
	}
}

// TestDocumentTypeQuads checks that export writes a document's type beside
// its identifier and leaves out a stored type quad (stores written before
// hold one), one row per shape of quad; other quads are not its own.
func TestDocumentTypeQuads(t *testing.T) {
	doc := DocumentIRI("http://example.org/", "wire-17.txt")
	id := quad.Quad{Subject: doc, Predicate: Identifier, Object: quad.String("wire-17.txt"), Label: doc}
	typed := quad.Quad{Subject: doc, Predicate: Type, Object: Document, Label: doc}
	tests := []struct {
		name string
		in   quad.Quad
		want []quad.Quad
		ok   bool
	}{
		{"identifier", id, []quad.Quad{id, typed}, true},
		{"stored type of an older store", typed, nil, true},
		{"another class", quad.Quad{Subject: doc, Predicate: Type, Object: Event, Label: doc}, nil, false},
		{"another property of the document", quad.Quad{Subject: doc, Predicate: SHA256, Object: quad.String("ab12"), Label: doc}, nil, false},
	}
	for _, tt := range tests {
		got, ok := DocumentTypeQuads(tt.in)
		if ok != tt.ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: DocumentTypeQuads(%v) = %v, %v; want %v, %v", tt.name, tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
