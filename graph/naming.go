package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Event names.
//
// A fused event is named after the smallest (by IRI) of its reports:
//
//	<base>event/<type>-<16 hex digits of the report IRI's sha256>
//
// Which reports an event holds is what fusion decides, from the set of
// reports alone (recluster.go); its name then follows from them alone,
// whatever order the documents came in and whatever the store held when
// the event was made. A record's reports first found events of their own
// within the put (fuser.mint); fusion with the other documents then moves
// every unit of reports to its cluster's name, in the same transaction
// (fuser.refuse): its reports' ng:reportOf, its support index entries and
// the shared facts they support.

// eventName is the name of an event of type typ whose smallest report is
// rep.
func eventName(base string, typ, rep quad.IRI) quad.IRI {
	return schema.EventIRI(base, eventNameKey(typ, rep))
}

// provisionalName is the name a report's new event carries within a put
// while its own name is held by another event (see fuser.mint).
func provisionalName(base string, typ, rep quad.IRI) quad.IRI {
	return schema.EventIRI(base, eventNameKey(typ, rep)+"-new")
}

func eventNameKey(typ, rep quad.IRI) string {
	sum := sha256.Sum256([]byte(rep))
	return strings.ToLower(schema.LocalName(typ)) + "-" + hex.EncodeToString(sum[:8])
}
