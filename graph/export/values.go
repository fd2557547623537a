package export

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc"

	// Register the well-known prefixes (rdf:, rdfs:, xsd:, schema:, owl:)
	// so that prefixed IRIs stored by Cayley can be expanded.
	_ "github.com/cayleygraph/quad/voc/owl"
	_ "github.com/cayleygraph/quad/voc/rdf"
	_ "github.com/cayleygraph/quad/voc/rdfs"
	_ "github.com/cayleygraph/quad/voc/schema"
	_ "github.com/cayleygraph/quad/voc/xsd"
)

// Full datatype IRIs used for native Cayley values.
const (
	xsdNS       = "http://www.w3.org/2001/XMLSchema#"
	xsdString   = xsdNS + "string"
	xsdInteger  = xsdNS + "integer"
	xsdDouble   = xsdNS + "double"
	xsdBoolean  = xsdNS + "boolean"
	xsdDateTime = xsdNS + "dateTime"
)

// fullIRI expands a prefixed IRI (xsd:integer, schema:name, …) whose prefix
// is registered in Cayley's vocabulary registry; other IRIs are unchanged.
// The result is escaped with escapeIRI.
func fullIRI(s string) string {
	if !strings.Contains(s, "://") {
		s = voc.FullIRI(s)
	}
	return escapeIRI(s)
}

// literal is a normalised RDF literal.
type literal struct {
	Value string
	Type  string // full datatype IRI, "" for a plain (xsd:string) literal
	Lang  string // language tag, "" if none
}

// term is a normalised RDF term; Kind tells which of IRI, BNode or Lit
// holds its value.
type term struct {
	Kind  termKind
	IRI   string
	BNode string
	Lit   literal
}

type termKind int

const (
	kindIRI termKind = iota
	kindBNode
	kindLiteral
)

// normalize turns any quad.Value into a standard RDF term: native values
// become typed literals with full xsd datatype IRIs, prefixed IRIs are
// expanded, booleans are lowercase.
func normalize(v quad.Value) term {
	switch v := v.(type) {
	case quad.IRI:
		return term{Kind: kindIRI, IRI: fullIRI(string(v))}
	case quad.BNode:
		return term{Kind: kindBNode, BNode: string(v)}
	case quad.String:
		return term{Kind: kindLiteral, Lit: literal{Value: string(v)}}
	case quad.LangString:
		return term{Kind: kindLiteral, Lit: literal{Value: string(v.Value), Lang: v.Lang}}
	case quad.TypedString:
		return typedLiteral(string(v.Value), string(v.Type))
	case quad.Int:
		return term{Kind: kindLiteral, Lit: literal{Value: strconv.FormatInt(int64(v), 10), Type: xsdInteger}}
	case quad.Float:
		return term{Kind: kindLiteral, Lit: literal{Value: formatDouble(float64(v)), Type: xsdDouble}}
	case quad.Bool:
		return term{Kind: kindLiteral, Lit: literal{Value: strconv.FormatBool(bool(v)), Type: xsdBoolean}}
	case quad.Time:
		return term{Kind: kindLiteral, Lit: literal{Value: time.Time(v).UTC().Format(time.RFC3339Nano), Type: xsdDateTime}}
	case quad.TypedStringer:
		ts := v.TypedString()
		return typedLiteral(string(ts.Value), string(ts.Type))
	case nil:
		return term{Kind: kindLiteral}
	default:
		return term{Kind: kindLiteral, Lit: literal{Value: fmt.Sprint(v.Native())}}
	}
}

func typedLiteral(value, typ string) term {
	typ = fullIRI(typ)
	switch typ {
	case "", xsdString:
		typ = ""
	case xsdBoolean:
		// Cayley writes "True"/"False"; xsd:boolean's lexical space is
		// true, false, 1, 0.
		if strings.EqualFold(value, "true") {
			value = "true"
		} else if strings.EqualFold(value, "false") {
			value = "false"
		}
	}
	return term{Kind: kindLiteral, Lit: literal{Value: value, Type: typ}}
}

// formatDouble writes f in the xsd:double lexical space.
func formatDouble(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	case math.IsNaN(f):
		return "NaN"
	}
	return strconv.FormatFloat(f, 'E', -1, 64)
}

// nodeID is a stable, XML- and DOT-safe identifier for a stored value. It
// hashes the value exactly as stored (before normalisation) so that two
// distinct store nodes never share an identifier.
func nodeID(v quad.Value) string {
	var h [sha1.Size]byte
	quad.HashTo(v, h[:])
	return "n" + hex.EncodeToString(h[:12])
}

// validBNodeLabel reports whether s can be written as an N-Quads blank node
// label as is (a conservative ASCII subset of BLANK_NODE_LABEL).
func validBNodeLabel(s string) bool {
	if s == "" || s[len(s)-1] == '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_':
		case (c == '-' || c == '.') && i > 0:
		default:
			return false
		}
	}
	return true
}

// bnodeLabel returns a label usable in N-Quads and JSON-LD; labels with
// other characters are replaced by a deterministic hash-based label.
func bnodeLabel(s string) string {
	if validBNodeLabel(s) {
		return s
	}
	h := sha1.Sum([]byte(s))
	return "b" + hex.EncodeToString(h[:16])
}

// validLangTag checks BCP47-ish syntax as the N-Quads LANGTAG production
// requires: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
func validLangTag(s string) bool {
	if s == "" {
		return false
	}
	for i, part := range strings.Split(s, "-") {
		if part == "" {
			return false
		}
		for j := 0; j < len(part); j++ {
			c := part[j]
			alpha := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			digit := c >= '0' && c <= '9'
			if !alpha && !(digit && i > 0) {
				return false
			}
		}
	}
	return true
}

// shortLabel is a human-readable label for a value: the last path or
// fragment segment of an IRI, _:label for a blank node, the text of a
// literal.
func shortLabel(t term) string {
	switch t.Kind {
	case kindIRI:
		s := strings.TrimRight(t.IRI, "/#")
		if i := strings.LastIndexAny(s, "/#"); i >= 0 && i+1 < len(s) {
			s = s[i+1:]
			if u, err := url.PathUnescape(s); err == nil && utf8.ValidString(u) {
				s = u
			}
			return s
		}
		if s == "" {
			return t.IRI
		}
		return s
	case kindBNode:
		return "_:" + t.BNode
	default:
		if t.Lit.Lang != "" {
			return t.Lit.Value + "@" + t.Lit.Lang
		}
		return t.Lit.Value
	}
}

// truncate shortens s to at most n runes, adding an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// fullText is the complete N-Quads form of a term, used as a node's
// "value" attribute in GraphML and as a tooltip in DOT.
func fullText(t term) string {
	b, err := appendNQTerm(nil, t)
	if err != nil { // invalid language tag: show it anyway
		b = append(b, '@')
		b = append(b, t.Lit.Lang...)
	}
	return string(b)
}
