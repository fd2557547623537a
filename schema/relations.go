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

// RelationsValue is the Relations literal of sts, in the order given; ok
// is false if a statement holds a value the literal cannot carry (an
// object other than an IRI, a string or a typed string, or evidence that
// is not an evidence literal).
func RelationsValue(base string, sts []Reified) (v quad.Value, ok bool) {
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
			j.E = append(j.E, string(ts.Value))
		}
		out[i] = j
	}
	return jsonLiteral(out, Relations)
}

// RelationsIn reads a Relations literal (RelationsValue under base) back;
// ok is false for any other value.
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
// for any other quad, or a literal that does not read.
func ExpandRelations(q quad.Quad) (out []quad.Quad, ok bool) {
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
	for _, st := range sts {
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
