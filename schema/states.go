package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// What a report states of its event: the shared facts of the fused event
// node that the report's document states (its types, subtype, CAMEO code,
// actors, agents, targets, places, country, weapons, operation), listed
// on the report as one literal of their keys instead of one support index
// entry each. A key names a predicate and an object, not the event, so
// the literal holds when fusion moves the report to another event node.
const (
	// FactKeys is the datatype of the literal of a report's fact keys:
	// FactKey of each fact, separated by spaces.
	FactKeys quad.IRI = Vocab + "FactKeys"
	// StatesFacts links a report to the literal (typed FactKeys) of the
	// facts of its event its document states.
	StatesFacts quad.IRI = Vocab + "statesFacts"
)

// FactKey is the key of the fact "the subject has predicate p and object
// o" among the facts of one subject (a FactKeys or FactSet literal): the
// first 8 bytes, in hex, of the SHA-256 of p and o as N-Quads terms,
// separated by a space.
func FactKey(p, o quad.Value) string {
	sum := sha256.Sum256([]byte(quad.StringOf(p) + " " + quad.StringOf(o)))
	return hex.EncodeToString(sum[:8])
}

// FactKeysValue is the FactKeys literal of keys (FactKey), in the
// order given.
func FactKeysValue(keys []string) quad.Value {
	return quad.TypedString{Value: quad.String(strings.Join(keys, " ")), Type: FactKeys}
}

// HasFactKey tells whether v, a FactKeys literal or a report's details
// literal that holds one (StatedKeys), lists key.
func HasFactKey(v quad.Value, key string) bool {
	keys, ok := StatedKeys(v)
	return ok && HasField(keys, key)
}

// An entity's fact sets.
//
// The facts of an entity's fact set (FactSetIRI) are listed on the
// entity's FactSetsIRI node, one literal a set, labelled with the fused
// graph:
//
//	<base>factsets/<entity digest> ng:factSet "<set id> k1 k2 …"^^ng:FactSet .
//
// (the set id: its IRI after base + "factset/"; the keys: FactKey of each
// fact, sorted), so the sets that hold a fact are read from the one node
// of its subject.
const (
	// FactSet is the datatype of the literal that lists one fact set's
	// facts (FactSetValue).
	FactSet quad.IRI = Vocab + "FactSet"
	// FactSetOf links an entity's FactSetsIRI node to the literal of each
	// of its fact sets.
	FactSetOf quad.IRI = Vocab + "factSet"
)

// FactSetValue is the FactSet literal of set (a FactSetIRI under base)
// whose facts have keys (FactKey), sorted.
func FactSetValue(base string, set quad.IRI, keys []string) quad.Value {
	sorted := append([]string{strings.TrimPrefix(string(set), base+"factset/")}, keys...)
	sort.Strings(sorted[1:])
	return quad.TypedString{Value: quad.String(strings.Join(sorted, " ")), Type: FactSet}
}

// FactSetMembers reads a FactSet literal: the set's IRI under base and the
// keys of its facts; false if v is not one.
func FactSetMembers(base string, v quad.Value) (quad.IRI, []string, bool) {
	ts, ok := v.(quad.TypedString)
	if !ok || ts.Type != FactSet {
		return "", nil, false
	}
	f := strings.Fields(string(ts.Value))
	if len(f) == 0 {
		return "", nil, false
	}
	return quad.IRI(base + "factset/" + f[0]), f[1:], true
}

// What a document supports, in one literal.
//
// A document supports the fact set of each entity it describes, and the
// other shared facts it states whose subject is such an entity (a direct
// edge such as ng:struck, a relation edge), through one literal on the
// document node, labelled with the document:
//
//	<doc> ng:supports "<id> <id> …"^^ng:Supported <doc> .
//
// (an id: a set's IRI after base + "factset/", "<entity digest>.<digest>",
// or a fact's key after base + "fact/", a digest without a dot; sorted)
// instead of one ng:supportedBy entry each. The documents that may list a
// set or fact of entity E are those E is ng:mentionedIn or, for an entity
// the document describes without naming it (a country given only as
// another entity's country), ng:describedIn: a set's or a fact's
// supporters are read from its entity's documents.
const (
	// Supported is the datatype of the literal of the fact sets and facts
	// a document supports (SupportedValue).
	Supported quad.IRI = Vocab + "Supported"
	// Supports links a document to the literal (typed Supported) of the
	// fact sets and facts it supports.
	Supports quad.IRI = Vocab + "supports"
	// DescribedIn links an entity to a document that states facts of it
	// (a fact set) without naming it (MentionedIn).
	DescribedIn quad.IRI = Vocab + "describedIn"
)

// SupportedValue is the Supported literal of keys (FactSetIRI or FactIRI
// under base), sorted.
func SupportedValue(base string, keys []quad.IRI) quad.Value {
	ids := make([]string, len(keys))
	for i, k := range keys {
		ids[i] = SupportedID(base, k)
	}
	sort.Strings(ids)
	return quad.TypedString{Value: quad.String(strings.Join(ids, " ")), Type: Supported}
}

// SupportedID is the id of key k (a FactSetIRI or FactIRI under base) in
// a Supported literal.
func SupportedID(base string, k quad.Value) string {
	s := quad.StringOf(k)
	if iri, ok := k.(quad.IRI); ok {
		s = string(iri)
	}
	if id := strings.TrimPrefix(s, base+"factset/"); len(id) < len(s) {
		return id
	}
	return strings.TrimPrefix(s, base+"fact/")
}

// SupportedKeys reads a Supported literal: the IRIs under base of the fact
// sets (FactSetIRI) and of the facts (FactIRI) it lists; none if v is not
// one.
func SupportedKeys(base string, v quad.Value) (sets, facts []quad.IRI) {
	ts, ok := v.(quad.TypedString)
	if !ok || ts.Type != Supported {
		return nil, nil
	}
	for _, id := range strings.Fields(string(ts.Value)) {
		if strings.IndexByte(id, '.') >= 0 {
			sets = append(sets, quad.IRI(base+"factset/"+id))
		} else {
			facts = append(facts, quad.IRI(base+"fact/"+id))
		}
	}
	return sets, facts
}

// ListsSupported tells whether v, a Supported literal, lists key (a
// FactSetIRI or FactIRI under base).
func ListsSupported(base string, v quad.Value, key quad.Value) bool {
	ts, ok := v.(quad.TypedString)
	k, isIRI := key.(quad.IRI)
	if !ok || !isIRI || ts.Type != Supported || !strings.HasPrefix(string(k), base) {
		return false
	}
	return HasField(string(ts.Value), SupportedID(base, k))
}

// FactSetHolds tells whether v is a FactSet literal whose keys (the fields
// after the set's id, as FactSetMembers reads them) hold key, and returns
// the set's IRI under base if so; it does not split the literal.
func FactSetHolds(base string, v quad.Value, key string) (quad.IRI, bool) {
	ts, ok := v.(quad.TypedString)
	if !ok || ts.Type != FactSet {
		return "", false
	}
	s := strings.TrimLeftFunc(string(ts.Value), unicode.IsSpace)
	end := strings.IndexFunc(s, unicode.IsSpace)
	if s == "" || end < 0 {
		return "", false
	}
	return quad.IRI(base + "factset/" + s[:end]), HasField(s[end:], key)
}

// HasField tells whether id is one of the fields of s, as strings.Fields
// splits it (runs of white space), without splitting s.
func HasField(s, id string) bool {
	if id == "" {
		return false
	}
	for off := 0; off < len(s); {
		i := strings.Index(s[off:], id)
		if i < 0 {
			return false
		}
		i += off
		end := i + len(id)
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (i == 0 || unicode.IsSpace(before)) && (end == len(s) || unicode.IsSpace(after)) {
			return true
		}
		off = i + 1
	}
	return false
}
