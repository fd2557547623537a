package export

import (
	"bufio"
	"context"
	"encoding/json"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// jsonldContext declares the usual prefixes. The exporter itself always
// writes full IRIs, so the context only helps readers that compact the
// document; it never changes the meaning of what is written (every IRI with
// one of these prefixes has already been expanded).
const jsonldContext = `{` +
	`"rdf":"http://www.w3.org/1999/02/22-rdf-syntax-ns#",` +
	`"rdfs":"http://www.w3.org/2000/01/rdf-schema#",` +
	`"xsd":"http://www.w3.org/2001/XMLSchema#",` +
	`"owl":"http://www.w3.org/2002/07/owl#",` +
	`"schema":"http://schema.org/"` +
	`}`

func appendJSONString(b []byte, s string) []byte {
	// json.Marshal of a string never fails; it replaces invalid UTF-8 with
	// U+FFFD and escapes control characters.
	data, _ := json.Marshal(s)
	return append(b, data...)
}

// appendJSONLDRef writes the @id string of an IRI or blank node.
func appendJSONLDRef(b []byte, t term) []byte {
	if t.Kind == kindBNode {
		return appendJSONString(b, "_:"+bnodeLabel(t.BNode))
	}
	return appendJSONString(b, t.IRI)
}

func appendJSONLDObject(b []byte, t term) ([]byte, error) {
	if t.Kind != kindLiteral {
		b = append(b, `{"@id":`...)
		b = appendJSONLDRef(b, t)
		return append(b, '}'), nil
	}
	b = append(b, `{"@value":`...)
	b = appendJSONString(b, t.Lit.Value)
	switch {
	case t.Lit.Lang != "":
		if !validLangTag(t.Lit.Lang) {
			return b, errInvalidLang
		}
		b = append(b, `,"@language":`...)
		b = appendJSONString(b, t.Lit.Lang)
	case t.Lit.Type != "":
		b = append(b, `,"@type":`...)
		b = appendJSONString(b, t.Lit.Type)
	}
	return append(b, '}'), nil
}

// appendJSONLDQuad writes q as a node object, or as a named-graph object
// holding one node object when q has a label.
func appendJSONLDQuad(b []byte, q quad.Quad) ([]byte, error) {
	fail := func(d quad.Direction, reason string) ([]byte, error) {
		return b, &TermError{Format: JSONLD, Quad: q, Direction: d, Reason: reason}
	}
	s, p, o := normalize(q.Subject), normalize(q.Predicate), normalize(q.Object)
	if s.Kind == kindLiteral {
		return fail(quad.Subject, "a literal cannot be a subject")
	}
	if p.Kind != kindIRI {
		return fail(quad.Predicate, "a predicate must be an IRI")
	}
	if strings.HasPrefix(p.IRI, "@") || p.IRI == "" {
		return fail(quad.Predicate, "predicate IRI collides with a JSON-LD keyword")
	}
	var l term
	if q.Label != nil {
		l = normalize(q.Label)
		if l.Kind == kindLiteral {
			return fail(quad.Label, "a graph name must be an IRI or a blank node")
		}
		b = append(b, `{"@id":`...)
		b = appendJSONLDRef(b, l)
		b = append(b, `,"@graph":[`...)
	}
	b = append(b, `{"@id":`...)
	b = appendJSONLDRef(b, s)
	b = append(b, ',')
	b = appendJSONString(b, p.IRI)
	b = append(b, ":["...)
	var err error
	if b, err = appendJSONLDObject(b, o); err != nil {
		return fail(quad.Object, err.Error())
	}
	b = append(b, "]}"...)
	if q.Label != nil {
		b = append(b, "]}"...)
	}
	return b, nil
}

func writeJSONLD(ctx context.Context, qs graph.QuadStore, w *bufio.Writer, o options) error {
	if _, err := w.WriteString("{\n\"@context\": " + jsonldContext + ",\n\"@graph\": ["); err != nil {
		return err
	}
	first := true
	var buf []byte
	err := eachExpanded(ctx, qs, o.expand, func(q quad.Quad) error {
		buf = buf[:0]
		if !first {
			buf = append(buf, ',')
		}
		buf = append(buf, '\n')
		var err error
		if buf, err = appendJSONLDQuad(buf, q); err != nil {
			return err
		}
		first = false
		_, err = w.Write(buf)
		return err
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("\n]\n}\n")
	return err
}
