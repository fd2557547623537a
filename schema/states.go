package schema

import (
	"crypto/sha256"
	"encoding/hex"
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
	// EventFactKey of each fact, separated by spaces.
	FactKeys quad.IRI = Vocab + "FactKeys"
	// StatesFacts links a report to the literal (typed FactKeys) of the
	// facts of its event its document states.
	StatesFacts quad.IRI = Vocab + "statesFacts"
)

// EventFactKey is the key of the fact "the event has predicate p and
// object o" in a FactKeys literal: the first 8 bytes, in hex, of the
// SHA-256 of p and o as N-Quads terms, separated by a space.
func EventFactKey(p, o quad.Value) string {
	sum := sha256.Sum256([]byte(quad.StringOf(p) + " " + quad.StringOf(o)))
	return hex.EncodeToString(sum[:8])
}

// FactKeysValue is the FactKeys literal of keys (EventFactKey), in the
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
