package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// Ontology IRI and description of the vocabulary as a whole.
const (
	// OntologyIRI names the vocabulary itself (owl:Ontology).
	OntologyIRI     quad.IRI = "https://newsgraph.org/ns"
	ontologyLabel   string   = "newsgraph vocabulary"
	ontologyComment string   = "Classes and properties of newsgraph, a knowledge graph of entities, events and relations extracted from conflict news, with per-document provenance."
)

var (
	byIRI  = map[quad.IRI]Term{}
	byName = map[Role]map[string]Term{}
)

func init() {
	for _, t := range terms {
		if _, dup := byIRI[t.IRI]; dup {
			panic("schema: term defined twice: " + string(t.IRI))
		}
		byIRI[t.IRI] = t
		if byName[t.Role] == nil {
			byName[t.Role] = map[string]Term{}
		}
		byName[t.Role][strings.ToLower(t.Name())] = t
	}
}

// Terms returns the vocabulary's classes and properties, in print order.
func Terms() []Term {
	return append([]Term(nil), terms...)
}

// Lookup returns the term with the given IRI.
func Lookup(iri quad.IRI) (Term, bool) {
	t, ok := byIRI[iri]
	return t, ok
}

// LocalName is the part of an IRI after Vocab ("Attack" for ng:Attack), or
// after the last '#' or '/' for IRIs of other namespaces.
func LocalName(iri quad.IRI) string {
	s := string(iri)
	if strings.HasPrefix(s, Vocab) {
		return s[len(Vocab):]
	}
	if i := strings.LastIndexAny(s, "#/"); i >= 0 {
		return s[i+1:]
	}
	return s
}

var localNameRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// mint returns the term of the given role named name (case-insensitively),
// or an IRI under Vocab for a name the vocabulary does not define yet.
func mint(role Role, name string) (quad.IRI, bool, error) {
	if t, ok := byName[role][strings.ToLower(name)]; ok {
		return t.IRI, true, nil
	}
	if !localNameRE.MatchString(name) {
		return "", false, fmt.Errorf("schema: %q is not a valid term name", name)
	}
	return quad.IRI(Vocab + name), false, nil
}

// EntityClass returns the class of an extraction record's entity class name
// ("Country"). known is false for a name outside the vocabulary, whose IRI
// is then minted under Vocab; err is set for a name that cannot be an IRI
// local name.
func EntityClass(name string) (iri quad.IRI, known bool, err error) {
	return mint(RoleEntityClass, name)
}

// EventClass returns the class of an event type ("Attack"), minting one
// under Vocab for types the vocabulary does not define yet (the record
// contract allows new types), as EntityClass does.
func EventClass(name string) (iri quad.IRI, known bool, err error) {
	return mint(RoleEventType, name)
}

// RelationPredicate returns the predicate of a relation name
// ("holdsRole"). "within" is a synonym of locatedIn. Names outside the
// vocabulary are minted under Vocab, as EntityClass does.
func RelationPredicate(name string) (iri quad.IRI, known bool, err error) {
	if strings.EqualFold(name, "within") {
		return LocatedIn, true, nil
	}
	return mint(RoleRelation, name)
}

// EntityClasses lists the entity classes of the vocabulary.
func EntityClasses() []quad.IRI { return ofRole(RoleEntityClass) }

// EventClasses lists the event types of the vocabulary.
func EventClasses() []quad.IRI { return ofRole(RoleEventType) }

func ofRole(r Role) []quad.IRI {
	var out []quad.IRI
	for _, t := range terms {
		if t.Role == r {
			out = append(out, t.IRI)
		}
	}
	return out
}

// DirectEdge returns the one-hop edge written from the actors of an event
// of the given type (Struck for Attack), if the vocabulary has one.
func DirectEdge(eventType quad.IRI) (quad.IRI, bool) {
	t, ok := byIRI[eventType]
	if !ok || t.Edge == "" {
		return "", false
	}
	return t.Edge, true
}

// Node IRIs under a base (DefaultBase unless configured).

// DocumentIRI is the IRI of a document, and the quad label of every fact
// it yields: base + "doc/" + the path-escaped document id.
func DocumentIRI(base, docID string) quad.IRI {
	return quad.IRI(base + "doc/" + url.PathEscape(docID))
}

// ReportIRI is the IRI of the n-th event report of a document (the n-th
// event of its record, from 0): base + "report/" + escaped doc id + "/" +
// n. The store names reports with it, and so does the record printed for
// users (extract.Record.Resolve).
func ReportIRI(base, docID string, n int) quad.IRI {
	return quad.IRI(base + "report/" + url.PathEscape(docID) + "/" + strconv.Itoa(n))
}

// StatementIRI is the IRI of the reified n-th relation of a document:
// base + "statement/" + escaped doc id + "/" + n.
func StatementIRI(base, docID string, n int) quad.IRI {
	return quad.IRI(base + "statement/" + url.PathEscape(docID) + "/" + strconv.Itoa(n))
}

// EventIRI is the IRI of a fused event with the given key (the store
// derives it from the event's type and its smallest report's IRI).
func EventIRI(base, key string) quad.IRI {
	return quad.IRI(base + "event/" + key)
}

// FusedGraph is the quad label of the facts derived from several
// documents at once: a fused event's date and casualty ranges. The store
// recomputes them whenever one of the event's documents changes.
func FusedGraph(base string) quad.IRI {
	return quad.IRI(base + "graph/fused")
}

// FactIRI is the key of a shared fact (a triple that several documents
// may state, stored once): base + "fact/" + the first 16 bytes, in hex, of
// the SHA-256 of the subject, predicate and object written as in N-Quads
// and separated by spaces. The documents that state the fact are linked
// from it by SupportedBy.
func FactIRI(base string, s, p, o quad.Value) quad.IRI {
	sum := sha256.Sum256([]byte(quad.StringOf(s) + " " + quad.StringOf(p) + " " + quad.StringOf(o)))
	return quad.IRI(base + "fact/" + hex.EncodeToString(sum[:16]))
}

// FactSetIRI is the key of a set of facts (the facts one document states
// about one entity, their FactIRI keys): base + "factset/" + the entity's
// digest (as in FactSetsIRI) + "." + the first 16 bytes, in hex, of the
// SHA-256 of the keys, sorted, each followed by a newline. The documents
// that state all of them are linked from it by SupportedBy, and the
// entity's FactSetsIRI lists its facts (FactSetOf).
func FactSetIRI(base string, entity quad.IRI, facts []quad.IRI) quad.IRI {
	keys := make([]string, len(facts))
	for i, f := range facts {
		keys[i] = string(f)
	}
	sort.Strings(keys)
	h := sha256.New()
	for _, k := range keys {
		h.Write([]byte(k))
		h.Write([]byte{'\n'})
	}
	return quad.IRI(base + "factset/" + entityDigest(entity) + "." + hex.EncodeToString(h.Sum(nil)[:16]))
}

// FactSetsIRI is the node that lists the fact sets of entity (FactSetOf):
// base + "factsets/" + the first 8 bytes, in hex, of the SHA-256 of the
// entity's IRI.
func FactSetsIRI(base string, entity quad.IRI) quad.IRI {
	return quad.IRI(base + "factsets/" + entityDigest(entity))
}

func entityDigest(entity quad.IRI) string {
	sum := sha256.Sum256([]byte(entity))
	return hex.EncodeToString(sum[:8])
}

// FactSetsOfSet returns the FactSetsIRI node that lists fact set set (a
// FactSetIRI under base); false for a key of another form.
func FactSetsOfSet(base string, set quad.Value) (quad.IRI, bool) {
	s, ok := set.(quad.IRI)
	if !ok || !strings.HasPrefix(string(s), base+"factset/") {
		return "", false
	}
	id := strings.TrimPrefix(string(s), base+"factset/")
	dot := strings.IndexByte(id, '.')
	if dot < 0 {
		return "", false
	}
	return quad.IRI(base + "factsets/" + id[:dot]), true
}

// IsFactSet tells whether iri is a fact set key (FactSetIRI) under base.
func IsFactSet(base string, iri quad.Value) bool {
	s, ok := iri.(quad.IRI)
	return ok && strings.HasPrefix(string(s), base+"factset/")
}

// EntityID is the id an extractor gives the entity it keys so ("country/pk",
// "group/jaish-al-adl"): a relative reference, "entity/" + key, that
// EntityIRI resolves against the store's base. The key is the same in
// every document, so that the documents naming an entity name one node.
func EntityID(key string) string { return "entity/" + key }

// EntityIRI turns an entity id from a record into an IRI: ids that are
// already absolute IRIs are kept, others (such as EntityID's) are
// resolved against base. The store names entities with it, and so does
// the record printed for users (extract.Record.Resolve).
func EntityIRI(base, id string) quad.IRI {
	// an absolute IRI has a scheme, which ends at a colon: an id without
	// one (every EntityID key) is not parsed
	if strings.IndexByte(id, ':') >= 0 {
		if u, err := url.Parse(id); err == nil && u.IsAbs() {
			return quad.IRI(id)
		}
	}
	return quad.IRI(base + strings.TrimPrefix(id, "/"))
}

// WikidataIRI is the Wikidata item IRI for an id such as "Q843" (an IRI is
// returned unchanged).
func WikidataIRI(id string) quad.IRI {
	if strings.HasPrefix(id, "http://") || strings.HasPrefix(id, "https://") {
		return quad.IRI(id)
	}
	return quad.IRI(WikidataEntity + strings.TrimPrefix(id, "wd:"))
}

// Literals, always with the full datatype IRI.

// Integer is an xsd:integer literal.
func Integer(n int) quad.TypedString {
	return quad.TypedString{Value: quad.String(strconv.Itoa(n)), Type: XSDInteger}
}

// Decimal is an xsd:decimal literal.
func Decimal(f float64) quad.TypedString {
	return quad.TypedString{Value: quad.String(strconv.FormatFloat(f, 'f', -1, 64)), Type: XSDDecimal}
}

// Boolean is an xsd:boolean literal, "true" or "false".
func Boolean(b bool) quad.TypedString {
	return quad.TypedString{Value: quad.String(strconv.FormatBool(b)), Type: XSDBoolean}
}

// AnyURI is an xsd:anyURI literal.
func AnyURI(s string) quad.TypedString {
	return quad.TypedString{Value: quad.String(s), Type: XSDAnyURI}
}

// EvidenceSpan is the literal of an evidence span, typed ng:Evidence: the
// 0-based index of its sentence, the byte offsets where it starts and
// ends in the document's text, and its text, separated by single spaces
// ("3 412 498 Three people were killed."). One literal carries what would
// otherwise be a node and five quads.
func EvidenceSpan(sentence, start, end int, text string) quad.TypedString {
	v := strconv.Itoa(sentence) + " " + strconv.Itoa(start) + " " + strconv.Itoa(end) + " " + text
	return quad.TypedString{Value: quad.String(v), Type: Evidence}
}

// EvidenceSpanOf reads an evidence literal (EvidenceSpan) back; ok is
// false for any other value.
func EvidenceSpanOf(v quad.Value) (sentence, start, end int, text string, ok bool) {
	ts, isTyped := v.(quad.TypedString)
	if !isTyped || ts.Type != Evidence {
		return 0, 0, 0, "", false
	}
	return EvidenceSpanText(string(ts.Value))
}

// EvidenceSpanText reads the text of an evidence span literal (its
// value, as EvidenceSpan writes it) back.
func EvidenceSpanText(rest string) (sentence, start, end int, text string, ok bool) {
	var nums [3]int
	for i := range nums {
		field, after, found := strings.Cut(rest, " ")
		n, err := strconv.Atoi(field)
		if err != nil || (!found && i < 2) {
			return 0, 0, 0, "", false
		}
		nums[i], rest = n, after
	}
	return nums[0], nums[1], nums[2], rest, true
}

var (
	dayRE   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	monthRE = regexp.MustCompile(`^\d{4}-\d{2}$`)
	yearRE  = regexp.MustCompile(`^\d{4}$`)
)

// DateValue is the literal for an ISO date of the record: xsd:date for a
// day, xsd:gYearMonth for a month, xsd:gYear for a year, and a plain string
// for anything else.
func DateValue(s string) quad.Value {
	switch {
	case dayRE.MatchString(s):
		return quad.TypedString{Value: quad.String(s), Type: XSDDate}
	case monthRE.MatchString(s):
		return quad.TypedString{Value: quad.String(s), Type: XSDGYearMonth}
	case yearRE.MatchString(s):
		return quad.TypedString{Value: quad.String(s), Type: XSDGYear}
	}
	return quad.String(s)
}

// IntegerOf reads an integer literal back (xsd:integer, or any literal
// whose text is an integer).
func IntegerOf(v quad.Value) (int, bool) {
	var s string
	switch v := v.(type) {
	case quad.TypedString:
		s = string(v.Value)
	case quad.String:
		s = string(v)
	case quad.Int:
		return int(v), true
	default:
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// DecimalOf reads a decimal literal back.
func DecimalOf(v quad.Value) (float64, bool) {
	var s string
	switch v := v.(type) {
	case quad.TypedString:
		s = string(v.Value)
	case quad.String:
		s = string(v)
	case quad.Float:
		return float64(v), true
	default:
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// TextOf is the lexical form of a literal, or the IRI string of an IRI.
func TextOf(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case quad.IRI:
		return string(v)
	case quad.BNode:
		return string(v)
	}
	return fmt.Sprint(v.Native())
}

// Quads returns the vocabulary as RDF triples (quads without a label).
func Quads() []quad.Quad {
	en := func(s string) quad.Value { return quad.LangString{Value: quad.String(s), Lang: "en"} }
	out := []quad.Quad{
		quad.MakeIRI(string(OntologyIRI), string(Type), string(Ontology), ""),
		{Subject: OntologyIRI, Predicate: Label, Object: en(ontologyLabel)},
		{Subject: OntologyIRI, Predicate: Comment, Object: en(ontologyComment)},
	}
	for _, t := range terms {
		kind, parent := Class, SubClassOf
		if t.Kind == KindProperty {
			kind, parent = Property, SubPropertyOf
		}
		out = append(out,
			quad.Quad{Subject: t.IRI, Predicate: Type, Object: kind},
			quad.Quad{Subject: t.IRI, Predicate: Label, Object: en(t.Label)},
			quad.Quad{Subject: t.IRI, Predicate: Comment, Object: en(t.Comment)},
			quad.Quad{Subject: t.IRI, Predicate: IsDefinedBy, Object: OntologyIRI},
		)
		for _, p := range t.Parents {
			out = append(out, quad.Quad{Subject: t.IRI, Predicate: parent, Object: p})
		}
	}
	return out
}

// NQuads prints the vocabulary as N-Quads (here N-Triples, as no triple
// has a label).
func NQuads(w io.Writer) error {
	qw := nquads.NewWriter(w)
	if _, err := qw.WriteQuads(Quads()); err != nil {
		return err
	}
	return qw.Close()
}

// prefixes of the Turtle output, longest namespace first where they nest.
var prefixes = []struct{ prefix, ns string }{
	{"ng", Vocab},
	{"rdf", RDF},
	{"rdfs", RDFS},
	{"owl", OWL},
	{"xsd", XSD},
	{"schema", SchemaOrg},
}

// turtleTerm writes an IRI in prefixed form where its local name allows,
// else in full.
func turtleTerm(iri quad.IRI) string {
	s := string(iri)
	for _, p := range prefixes {
		if strings.HasPrefix(s, p.ns) && localNameRE.MatchString(s[len(p.ns):]) {
			return p.prefix + ":" + s[len(p.ns):]
		}
	}
	return "<" + s + ">"
}

func turtleValue(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return turtleTerm(v)
	case quad.TypedString:
		return v.Value.String() + "^^" + turtleTerm(v.Type)
	}
	return v.String() // quad.String and quad.LangString print as Turtle does
}

func turtlePredicate(v quad.Value) string {
	if v == Type {
		return "a"
	}
	return turtleValue(v)
}

// Turtle prints the vocabulary as Turtle, one block per term.
func Turtle(w io.Writer) error {
	var b strings.Builder
	for _, p := range prefixes {
		fmt.Fprintf(&b, "@prefix %s: <%s> .\n", p.prefix, p.ns)
	}
	var subject quad.Value
	for _, q := range Quads() {
		if q.Subject != subject {
			if subject != nil {
				b.WriteString(" .\n")
			}
			subject = q.Subject
			fmt.Fprintf(&b, "\n%s\n    %s %s", turtleValue(q.Subject), turtlePredicate(q.Predicate), turtleValue(q.Object))
			continue
		}
		fmt.Fprintf(&b, " ;\n    %s %s", turtlePredicate(q.Predicate), turtleValue(q.Object))
	}
	if subject != nil {
		b.WriteString(" .\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
