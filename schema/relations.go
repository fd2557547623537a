package schema

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
)

// A document's reified relations, in one literal.
//
// Each relation a document states is a direct edge (<subject> <predicate>
// <object>) and a reified statement that carries its evidence. The
// statements are not stored as nodes of their own (an rdf:subject,
// rdf:predicate, rdf:object, ng:reportedBy and ng:evidence quad each) but
// listed on the document, labelled with it:
//
//	<doc> ng:relations "[{\"n\":0,\"s\":\"/entity/…\",\"p\":\":locatedIn\",\"o\":…,\"e\":[…]}]"^^ng:Relations <doc> .
//
// The statements a literal lists are the reified nodes a reader of the
// graph's RDF expects (StatementQuads gives them, under StatementIRI):
// `newsgraph export` writes them in its N-Quads and JSON-LD.
//
// A relation is mostly stated in the sentence that reports an event, whose
// span the report's details literal already holds: such a span is written
// in the relations literal as its reference (SpanRef: sentence, start and
// end, without the text), which Expander reads back from the details of
// the document's reports.
const (
	// Relations is the datatype of the literal of a document's reified
	// relations (RelationsValue).
	Relations quad.IRI = Vocab + "Relations"
	// RelationsOf links a document to the literal (typed Relations) of the
	// relations it states.
	RelationsOf quad.IRI = Vocab + "relations"
)

// Reified is one reified relation of a document: its number N in the
// document (StatementIRI's n), its subject, predicate and object, and its
// evidence literals (EvidenceSpan), in order. In the literal, IRIs are
// written short (shortIRI): those under the store's base as "/" and the
// rest, the vocabulary's as ":" and their local name.
type Reified struct {
	N         int
	Subject   quad.IRI
	Predicate quad.IRI
	Object    quad.Value
	Evidence  []quad.Value
}

// statementJSON is a Reified in a Relations literal: an object is an IRI
// (O), or a string (V) with its datatype (T) if it has one; evidence spans
// are their texts (their datatype is Evidence).
type statementJSON struct {
	N int      `json:"n"`
	S string   `json:"s"`
	P string   `json:"p"`
	O string   `json:"o,omitempty"`
	V *string  `json:"v,omitempty"`
	T string   `json:"t,omitempty"`
	E []string `json:"e,omitempty"`
}

// RelationsValue is the Relations literal of sts, in the order given, a
// span for which listed (if not nil) is true written as its reference
// (SpanRef); ok is false if a statement holds a value the literal cannot
// carry (an object other than an IRI, a string or a typed string, or
// evidence that is not an evidence literal).
func RelationsValue(base string, sts []Reified, listed func(span quad.Value) bool) (v quad.Value, ok bool) {
	out := make([]statementJSON, len(sts))
	for i, st := range sts {
		j := statementJSON{N: st.N, S: shortIRI(base, st.Subject), P: shortIRI(base, st.Predicate)}
		switch o := st.Object.(type) {
		case quad.IRI:
			j.O = shortIRI(base, o)
		case quad.String:
			s := string(o)
			j.V = &s
		case quad.TypedString:
			s := string(o.Value)
			j.V, j.T = &s, shortIRI(base, o.Type)
		default:
			return nil, false
		}
		for _, e := range st.Evidence {
			ts, isSpan := e.(quad.TypedString)
			if !isSpan || ts.Type != Evidence {
				return nil, false
			}
			if ref, isRef := SpanRef(ts); isRef && listed != nil && listed(ts) {
				j.E = append(j.E, ref)
				continue
			}
			j.E = append(j.E, string(ts.Value))
		}
		out[i] = j
	}
	return jsonLiteral(out, Relations)
}

// RelationsIn reads a Relations literal (RelationsValue under base) back;
// ok is false for any other value. A span written as its reference is
// read as that reference, typed Evidence (IsSpanRef; Expander reads its
// text).
func RelationsIn(base string, v quad.Value) (sts []Reified, ok bool) {
	ts, isTyped := v.(quad.TypedString)
	if !isTyped || ts.Type != Relations {
		return nil, false
	}
	var in []statementJSON
	if err := json.Unmarshal([]byte(ts.Value), &in); err != nil {
		return nil, false
	}
	sts = make([]Reified, len(in))
	for i, j := range in {
		st := Reified{N: j.N, Subject: longIRI(base, j.S), Predicate: longIRI(base, j.P)}
		switch {
		case j.V == nil:
			st.Object = longIRI(base, j.O)
		case j.T == "":
			st.Object = quad.String(*j.V)
		default:
			st.Object = quad.TypedString{Value: quad.String(*j.V), Type: longIRI(base, j.T)}
		}
		for _, e := range j.E {
			st.Evidence = append(st.Evidence, quad.TypedString{Value: quad.String(e), Type: Evidence})
		}
		sts[i] = st
	}
	return sts, true
}

// StatementQuads returns the quads of the reified statement st of document
// doc (a DocumentIRI), labelled doc: rdf:subject, rdf:predicate,
// rdf:object, ng:reportedBy and one ng:evidence a span, with the
// statement's IRI (StatementIRI) as their subject. ok is false if doc is
// not a document IRI.
func StatementQuads(doc quad.IRI, st Reified) (qs []quad.Quad, ok bool) {
	iri, ok := statementOf(doc, st.N)
	if !ok {
		return nil, false
	}
	qs = []quad.Quad{
		{Subject: iri, Predicate: Subject, Object: st.Subject, Label: doc},
		{Subject: iri, Predicate: Predicate, Object: st.Predicate, Label: doc},
		{Subject: iri, Predicate: Object, Object: st.Object, Label: doc},
		{Subject: iri, Predicate: ReportedBy, Object: doc, Label: doc},
	}
	for _, e := range st.Evidence {
		qs = append(qs, quad.Quad{Subject: iri, Predicate: EvidenceOf, Object: e, Label: doc})
	}
	return qs, true
}

// statementOf is StatementIRI of the n-th relation of document doc, read
// from the document's IRI.
func statementOf(doc quad.IRI, n int) (quad.IRI, bool) {
	base, id, ok := docParts(doc)
	if !ok {
		return "", false
	}
	return quad.IRI(base + "statement/" + id + "/" + strconv.Itoa(n)), true
}

// docParts splits a DocumentIRI into its base and escaped id (which holds
// no slash).
func docParts(doc quad.IRI) (base, id string, ok bool) {
	s := string(doc)
	i := strings.LastIndexByte(s, '/')
	if i < 0 || !strings.HasSuffix(s[:i+1], "doc/") {
		return "", "", false
	}
	return s[:i+1-len("doc/")], s[i+1:], true
}

// ExpandRelations returns the quads of the reified statements a relations
// literal stands for (StatementQuads of each), in its place; ok is false
// for any other quad, a literal that does not read, or one that holds a
// span's reference (which only Expander reads).
func ExpandRelations(q quad.Quad) (out []quad.Quad, ok bool) {
	return expandRelations(q, nil)
}

// expandRelations is ExpandRelations, the spans written as references read
// from spans (if not nil).
func expandRelations(q quad.Quad, spans SpanLookup) (out []quad.Quad, ok bool) {
	doc, isIRI := q.Subject.(quad.IRI)
	if q.Predicate != RelationsOf || !isIRI {
		return nil, false
	}
	base, _, ok := docParts(doc)
	if !ok {
		return nil, false
	}
	sts, ok := RelationsIn(base, q.Object)
	if !ok {
		return nil, false
	}
	var listed map[string]quad.Value // the document's spans by reference, read once
	for _, st := range sts {
		for i, e := range st.Evidence {
			ref, isRef := IsSpanRef(e)
			if !isRef {
				continue
			}
			if listed == nil && spans != nil {
				if listed, ok = spans(doc); !ok {
					return nil, false
				}
			}
			if st.Evidence[i], ok = listed[ref]; !ok {
				return nil, false
			}
		}
		qs, ok := StatementQuads(doc, st)
		if !ok {
			return nil, false
		}
		for i := range qs {
			qs[i].Label = q.Label
		}
		out = append(out, qs...)
	}
	return out, true
}

// SpanRef is the reference a relations literal writes for an evidence
// span (EvidenceSpan) that a report of its document lists: the span's
// sentence, start and end, without its text. In one document those name
// one text. ok is false for any other value.
func SpanRef(v quad.Value) (ref string, ok bool) {
	sentence, start, end, _, ok := EvidenceSpanOf(v)
	if !ok {
		return "", false
	}
	return strconv.Itoa(sentence) + " " + strconv.Itoa(start) + " " + strconv.Itoa(end), true
}

// IsSpanRef tells whether e, an evidence literal RelationsIn read, is a
// span's reference (SpanRef) rather than the span: three numbers, where a
// span has a fourth field, its text (EvidenceSpan writes a space before
// it even when it is empty).
func IsSpanRef(e quad.Value) (ref string, ok bool) {
	ts, isTyped := e.(quad.TypedString)
	if !isTyped || ts.Type != Evidence || strings.Count(string(ts.Value), " ") != 2 {
		return "", false
	}
	for _, f := range strings.Split(string(ts.Value), " ") {
		if _, err := strconv.Atoi(f); err != nil {
			return "", false
		}
	}
	return string(ts.Value), true
}

// SpanLookup returns the evidence spans the reports of document doc list
// in their details literals, by reference (SpanRef); ok is false if they
// cannot be read.
type SpanLookup func(doc quad.IRI) (spans map[string]quad.Value, ok bool)

// DetailSpans adds to spans, by reference (SpanRef), the evidence spans of
// a report's details literal (q a DetailsOf quad).
func DetailSpans(q quad.Quad, spans map[string]quad.Value) {
	details, _ := DetailQuads(q)
	for _, d := range details {
		if ref, ok := SpanRef(d.Object); ok && d.Predicate == EvidenceOf {
			spans[ref] = d.Object
		}
	}
}

// Expander is Expand, the spans a relations literal writes as references
// read by spans from the details of its document's reports, and each
// document's rdf:type ng:Document written beside its ng:identifier
// (DocumentTypeQuads).
func Expander(spans SpanLookup) func(q quad.Quad) ([]quad.Quad, bool) {
	return func(q quad.Quad) ([]quad.Quad, bool) {
		if out, ok := expandRelations(q, spans); ok {
			return out, true
		}
		if out, ok := DocumentTypeQuads(q); ok {
			return out, true
		}
		return DetailQuads(q)
	}
}

// DocumentTypeQuads writes out the type a document's identifier implies:
// stores hold no rdf:type ng:Document quad (a document is the subject of
// its ng:identifier, as a report is of its ng:reportOf), and an export
// gives the identifier quad q followed by the type, labelled alike. A type
// quad of a store written before is left out (ok, no quads), since its
// document's identifier writes it. Any other quad: not ok.
func DocumentTypeQuads(q quad.Quad) (out []quad.Quad, ok bool) {
	switch {
	case q.Predicate == Identifier:
		return []quad.Quad{q, {Subject: q.Subject, Predicate: Type, Object: Document, Label: q.Label}}, true
	case q.Predicate == Type && q.Object == Document:
		return nil, true
	}
	return nil, false
}
