package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

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

// HasFactKey tells whether v, a FactKeys literal, lists key.
func HasFactKey(v quad.Value, key string) bool {
	ts, ok := v.(quad.TypedString)
	if !ok || ts.Type != FactKeys {
		return false
	}
	for _, k := range strings.Fields(string(ts.Value)) {
		if k == key {
			return true
		}
	}
	return false
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
