package export

import (
	"context"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"

	ngschema "github.com/newsgraph/newsgraph/schema"
)

// NamePredicates are the predicates whose object, when a node has one, is
// used as the node's label in GraphML and DOT output (in this order of
// preference only loosely: the first match found by the store wins). Nodes
// without a name are labelled with the last segment of their IRI.
var NamePredicates = []quad.IRI{
	"http://www.w3.org/2000/01/rdf-schema#label",
	"http://schema.org/name",
	"http://www.w3.org/2004/02/skos/core#prefLabel",
	"http://xmlns.com/foaf/0.1/name",
	quad.IRI(ngschema.Vocab + "name"),
	quad.IRI(ngschema.Vocab + "label"),
}

// namer finds display names of nodes with one indexed lookup per node.
type namer struct {
	qs    graph.QuadStore
	preds []interface{}
}

func newNamer(qs graph.QuadStore) *namer {
	n := &namer{qs: qs}
	seen := make(map[quad.IRI]bool)
	for _, p := range NamePredicates {
		for _, v := range []quad.IRI{p, p.Short()} {
			if seen[v] {
				continue
			}
			seen[v] = true
			if qs.ValueOf(v) != nil {
				n.preds = append(n.preds, v)
			}
		}
	}
	return n
}

// label returns a readable label for the node ref holding value v.
func (n *namer) label(ctx context.Context, ref graph.Ref, t term) string {
	if t.Kind != kindLiteral && len(n.preds) != 0 {
		name, err := path.StartPathNodes(n.qs, ref).Out(n.preds...).Iterate(ctx).FirstValue(n.qs)
		if err == nil && name != nil {
			nt := normalize(name)
			s := nt.Lit.Value
			if nt.Kind != kindLiteral {
				s = shortLabel(nt)
			}
			if s != "" {
				return s
			}
		}
	}
	return shortLabel(t)
}
