package schema

import (
	"encoding/json"
	"strings"

	"github.com/cayleygraph/quad"
)

// A report's own details, in one literal.
//
// What a document says of an event beyond what the example queries and
// listings ask by predicate (its date text, its confidence and its
// evidence spans) is not stored as one quad each on the report but listed
// in one literal on it, labelled with the document:
//
//	<report> ng:details "[[\"d\",\"on Friday\"],[\"c\",\"0.9\"],[\"e\",\"0 0 24 Gunmen stormed a mill.\"]]"^^ng:Details <doc> .
//
// Each entry is a quad of the report. A detail of the usual kind (a plain
// date text, a confidence typed xsd:decimal, an evidence span typed
// ng:Evidence, the report's ng:statesFacts literal typed ng:FactKeys) is
// its code and text (detailCodes), the predicate and the datatype
// implied; any other is its predicate, text and datatype (none
// for a plain string), IRIs of the vocabulary written ":" and their local
// name, XSD's "xsd:" and theirs (shortIRI), as stores written before
// wrote every entry. DetailQuads gives the quads back, and `newsgraph
// export` writes them in its N-Quads and JSON-LD. The report's
// ng:reportOf, ng:reportedBy, ng:date, ng:killed, ng:injured and their
// bounds stay quads of their own. The keys of the facts the report states
// (ng:statesFacts) are the literal's first entry, ["k","k1 k2 …"], which
// StatedKeys reads without decoding the rest; stores written before hold
// them as a quad of their own.
const (
	// Details is the datatype of the literal of a report's details
	// (DetailsValue).
	Details quad.IRI = Vocab + "Details"
	// DetailsOf links a report to the literal (typed Details) of its
	// details.
	DetailsOf quad.IRI = Vocab + "details"
)

// Detailed tells whether a report's quad of predicate p goes into its
// details literal: its date text, confidence, evidence spans and the keys
// of the facts it states.
func Detailed(p quad.Value) bool {
	return p == DateText || p == Confidence || p == EvidenceOf || p == StatesFacts
}

// DetailsValue is the Details literal of quads (one report's, their
// predicates Detailed), in the order given; ok is false if an object is
// not a string or a typed string.
func DetailsValue(quads []quad.Quad) (v quad.Value, ok bool) {
	out := make([][]string, len(quads))
	for i, q := range quads {
		p, isIRI := q.Predicate.(quad.IRI)
		if !isIRI {
			return nil, false
		}
		if code, ok := detailCode(p, q.Object); ok {
			out[i] = code
			continue
		}
		switch o := q.Object.(type) {
		case quad.String:
			out[i] = []string{shortIRI("", p), string(o)}
		case quad.TypedString:
			out[i] = []string{shortIRI("", p), string(o.Value), shortIRI("", o.Type)}
		default:
			return nil, false
		}
	}
	return jsonLiteral(out, Details)
}

// DetailQuads returns the quads a details literal (q's object, q a
// DetailsOf quad) stands for, with q's subject and label; ok is false for
// any other quad, or a literal that does not read.
func DetailQuads(q quad.Quad) (out []quad.Quad, ok bool) {
	ts, isTyped := q.Object.(quad.TypedString)
	if q.Predicate != DetailsOf || !isTyped || ts.Type != Details {
		return nil, false
	}
	var in [][]string
	if err := json.Unmarshal([]byte(ts.Value), &in); err != nil {
		return nil, false
	}
	out = make([]quad.Quad, len(in))
	for i, e := range in {
		if c, ok := codedDetail(e); ok {
			out[i] = quad.Quad{Subject: q.Subject, Predicate: c.p, Object: c.value(e[1]), Label: q.Label}
			continue
		}
		var o quad.Value
		switch len(e) {
		case 2:
			o = quad.String(e[1])
		case 3:
			o = quad.TypedString{Value: quad.String(e[1]), Type: longIRI("", e[2])}
		default:
			return nil, false
		}
		out[i] = quad.Quad{Subject: q.Subject, Predicate: longIRI("", e[0]), Object: o, Label: q.Label}
	}
	return out, true
}

// detailKind is a kind of detail its literal writes as a code and a text:
// the quad's predicate, and the datatype of its object ("" for a plain
// string).
type detailKind struct {
	code string
	p    quad.IRI
	typ  quad.IRI
}

// detailCodes are the kinds of detail written as a code and a text, each a
// letter: what nearly every report's details hold, so that the literal
// spells neither the predicate nor the datatype, which are the same in
// every report. A code is no short IRI (those begin with "/", ":",
// "xsd:" or a scheme), so entries of either form read back.
var detailCodes = []detailKind{
	// the date as the document wrote it ("on Friday"): a plain string
	{"d", DateText, ""},
	// the extractor's confidence in the report: always xsd:decimal
	{"c", Confidence, XSDDecimal},
	// a span of the document's text: always an evidence literal
	{"e", EvidenceOf, Evidence},
	// the keys of the facts of its event the report states: always a
	// FactKeys literal (StatedKeys finds it)
	{"k", StatesFacts, FactKeys},
}

// detailCode is the entry of a detail of predicate p and object o as its
// code and text, if it is of a kind detailCodes lists.
func detailCode(p quad.IRI, o quad.Value) ([]string, bool) {
	var text string
	var typ quad.IRI
	switch o := o.(type) {
	case quad.String:
		text = string(o)
	case quad.TypedString:
		text, typ = string(o.Value), o.Type
	default:
		return nil, false
	}
	for _, k := range detailCodes {
		if k.p == p && k.typ == typ {
			return []string{k.code, text}, true
		}
	}
	return nil, false
}

// codedDetail is the kind of a coded entry (detailCode), if e is one.
func codedDetail(e []string) (detailKind, bool) {
	if len(e) == 2 {
		for _, k := range detailCodes {
			if k.code == e[0] {
				return k, true
			}
		}
	}
	return detailKind{}, false
}

// value is the object of a detail of kind k whose text is text.
func (k detailKind) value(text string) quad.Value {
	if k.typ == "" {
		return quad.String(text)
	}
	return quad.TypedString{Value: quad.String(text), Type: k.typ}
}

// statedEntry is how a details literal writes its entry of the keys of
// the facts its report states, up to their text: JSON escapes every
// quotation mark inside a string, so these characters only begin that
// entry, and the keys (hex digits and spaces) need no escape.
const statedEntry = `["k","`

// StatedKeys returns the keys (FactKey, separated by spaces) of the facts
// a report states, read from v: its ng:statesFacts literal (typed
// FactKeys, as stores written before hold it) or its details literal,
// whose entry of the keys it finds without decoding the rest; ok is false
// if v is neither or lists none.
func StatedKeys(v quad.Value) (keys string, ok bool) {
	ts, isTyped := v.(quad.TypedString)
	switch {
	case !isTyped:
		return "", false
	case ts.Type == FactKeys:
		return string(ts.Value), true
	case ts.Type != Details:
		return "", false
	}
	s := string(ts.Value)
	i := strings.Index(s, statedEntry)
	if i < 0 {
		return "", false
	}
	s = s[i+len(statedEntry):]
	end := strings.IndexByte(s, '"')
	if end < 0 {
		return "", false
	}
	return s[:end], true
}

// Expand returns the quads a literal of the store stands for in q's place:
// a document's relations (ExpandRelations) or a report's details
// (DetailQuads); ok is false for any other quad. It is what `export`
// applies to every quad.
func Expand(q quad.Quad) (out []quad.Quad, ok bool) {
	if out, ok = ExpandRelations(q); ok {
		return out, true
	}
	return DetailQuads(q)
}

// shortIRI is how the literals of this file write an IRI: after base (if
// not empty) as "/" and the rest, a term of the vocabulary as ":" and its
// local name, an XSD datatype as "xsd:" and its name, any other in full
// (an absolute IRI, which starts with its scheme).
func shortIRI(base string, iri quad.IRI) string {
	s := string(iri)
	switch {
	case base != "" && strings.HasPrefix(s, base):
		return "/" + s[len(base):]
	case strings.HasPrefix(s, Vocab):
		return ":" + s[len(Vocab):]
	case strings.HasPrefix(s, XSD):
		return "xsd:" + s[len(XSD):]
	}
	return s
}

// longIRI reads an IRI that shortIRI wrote under base.
func longIRI(base, s string) quad.IRI {
	switch {
	case strings.HasPrefix(s, "/"):
		return quad.IRI(base + s[1:])
	case strings.HasPrefix(s, ":"):
		return quad.IRI(Vocab + s[1:])
	case strings.HasPrefix(s, "xsd:"):
		return quad.IRI(XSD + s[len("xsd:"):])
	}
	return quad.IRI(s)
}

// jsonLiteral is the literal of datatype typ whose text is v in JSON,
// markup characters as they are (not escaped as \u003c and the like).
func jsonLiteral(v any, typ quad.IRI) (quad.Value, bool) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, false
	}
	return quad.TypedString{Value: quad.String(strings.TrimSuffix(b.String(), "\n")), Type: typ}, true
}
