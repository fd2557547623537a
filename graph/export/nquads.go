package export

import (
	"bufio"
	"context"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

const hexDigits = "0123456789ABCDEF"

// iriForbidden lists the characters that the IRIREF production excludes
// besides #x00-#x20.
const iriForbidden = "<>\"{}|^`\\"

// appendIRIRef writes <iri>; iri must already be escaped with escapeIRI.
func appendIRIRef(b []byte, iri string) []byte {
	b = append(b, '<')
	b = append(b, iri...)
	return append(b, '>')
}

// escapeIRI percent-encodes the characters that may not appear in an IRI
// (controls, space, <>"{}|^`\ and DEL) and invalid UTF-8, so that the IRI is
// valid in N-Quads' IRIREF and in JSON-LD.
func escapeIRI(iri string) string {
	clean := true
	for i := 0; i < len(iri); i++ {
		if c := iri[i]; c <= 0x20 || c >= 0x7f || strings.IndexByte(iriForbidden, c) >= 0 {
			clean = false
			break
		}
	}
	if clean {
		return iri
	}
	var b []byte
	for i := 0; i < len(iri); {
		r, size := utf8.DecodeRuneInString(iri[i:])
		if (r == utf8.RuneError && size == 1) || r <= 0x20 || r == 0x7f || strings.ContainsRune(iriForbidden, r) {
			for j := 0; j < size; j++ {
				c := iri[i+j]
				b = append(b, '%', hexDigits[c>>4], hexDigits[c&0xf])
			}
		} else {
			b = append(b, iri[i:i+size]...)
		}
		i += size
	}
	return string(b)
}

// appendQuoted writes an N-Quads STRING_LITERAL_QUOTE: quotes, backslashes
// and line breaks use ECHAR escapes, other control characters use UCHAR
// (\u00XX) escapes, invalid UTF-8 becomes U+FFFD, and all other Unicode
// characters are written as UTF-8, which the grammar allows.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\uFFFD`...)
		case r == '"':
			b = append(b, '\\', '"')
		case r == '\\':
			b = append(b, '\\', '\\')
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r == '\t':
			b = append(b, '\\', 't')
		case r == '\b':
			b = append(b, '\\', 'b')
		case r == '\f':
			b = append(b, '\\', 'f')
		case r < 0x20 || r == 0x7f:
			b = append(b, '\\', 'u', '0', '0', hexDigits[r>>4], hexDigits[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

// appendNQTerm writes a normalised term in N-Quads syntax. It fails only for
// a literal with an invalid language tag.
func appendNQTerm(b []byte, t term) ([]byte, error) {
	switch t.Kind {
	case kindIRI:
		return appendIRIRef(b, t.IRI), nil
	case kindBNode:
		b = append(b, '_', ':')
		return append(b, bnodeLabel(t.BNode)...), nil
	}
	b = appendQuoted(b, t.Lit.Value)
	switch {
	case t.Lit.Lang != "":
		if !validLangTag(t.Lit.Lang) {
			return b, errInvalidLang
		}
		b = append(b, '@')
		b = append(b, t.Lit.Lang...)
	case t.Lit.Type != "":
		b = append(b, '^', '^')
		b = appendIRIRef(b, t.Lit.Type)
	}
	return b, nil
}

type reasonError string

func (e reasonError) Error() string { return string(e) }

const errInvalidLang = reasonError("invalid language tag")

// appendNQuad appends one N-Quads statement line for q.
func appendNQuad(b []byte, q quad.Quad) ([]byte, error) {
	fail := func(d quad.Direction, reason string) ([]byte, error) {
		return b, &TermError{Format: NQuads, Quad: q, Direction: d, Reason: reason}
	}
	s, p, o := normalize(q.Subject), normalize(q.Predicate), normalize(q.Object)
	if s.Kind == kindLiteral {
		return fail(quad.Subject, "a literal cannot be a subject")
	}
	if p.Kind != kindIRI {
		return fail(quad.Predicate, "a predicate must be an IRI")
	}
	var err error
	if b, err = appendNQTerm(b, s); err != nil {
		return fail(quad.Subject, err.Error())
	}
	b = append(b, ' ')
	b, _ = appendNQTerm(b, p)
	b = append(b, ' ')
	if b, err = appendNQTerm(b, o); err != nil {
		return fail(quad.Object, err.Error())
	}
	if q.Label != nil {
		l := normalize(q.Label)
		if l.Kind == kindLiteral {
			return fail(quad.Label, "a graph name must be an IRI or a blank node")
		}
		b = append(b, ' ')
		b, _ = appendNQTerm(b, l)
	}
	return append(b, ' ', '.', '\n'), nil
}

func writeNQuads(ctx context.Context, qs graph.QuadStore, w *bufio.Writer, o options) error {
	var line []byte
	return eachExpanded(ctx, qs, o.expand, func(q quad.Quad) error {
		var err error
		line, err = appendNQuad(line[:0], q)
		if err != nil {
			return err
		}
		_, err = w.Write(line)
		return err
	})
}
