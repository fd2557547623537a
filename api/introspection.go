package api

import (
	graphql "github.com/graph-gophers/graphql-go"
	gqlerrors "github.com/graph-gophers/graphql-go/errors"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// Introspection queries (every operation selecting only __schema, __type
// and __typename) are what GraphiQL, Apollo and graphql-codegen send
// first: graphql-js's getIntrospectionQuery() nests 13 fields deep
// (__schema.types.fields.args.type and seven ofType), past MaxDepth. They
// are served by a schema of their own, with a depth limit made for them
// (IntrospectionMaxDepth), and with the limit graphql-js itself puts on
// them (its MaxIntrospectionDepthRule): the fields that lead from a type
// back to types (fields, inputFields, interfaces, possibleTypes) nest at
// most twice, since each level multiplies the answer by the size of the
// schema. Ordinary queries keep MaxDepth.
const (
	// IntrospectionMaxDepth caps the nesting of an introspection query.
	IntrospectionMaxDepth = 32
	// maxIntrospectionLists caps the nesting of the fields that lead
	// from a type back to types, as graphql-js does.
	maxIntrospectionLists = 3
	// introspectionTokens caps the tokens of a query parsed to tell
	// whether it is an introspection query.
	introspectionTokens = 20000
)

// introspectionFields are the root fields of an introspection query.
var introspectionFields = map[string]bool{"__schema": true, "__type": true, "__typename": true}

// typeListFields are the fields of the introspection types that lead from
// a type back to a list of types.
var typeListFields = map[string]bool{"fields": true, "inputFields": true, "interfaces": true, "possibleTypes": true}

// probeSchema has no field of its own that a query could select: a query
// it validates selects nothing but introspection fields (graphql-go's
// own parser and validation decide it, with IntrospectionMaxDepth).
const probeSchema = `schema { query: Query }
"Validates introspection queries only."
type Query { _introspectionProbe: Boolean }`

// gate tells introspection queries from ordinary ones.
type gate struct {
	probe *graphql.Schema
}

func newGate() (*gate, error) {
	probe, err := graphql.ParseSchema(probeSchema, nil, graphql.MaxDepth(IntrospectionMaxDepth),
		graphql.UseStringDescriptions())
	if err != nil {
		return nil, err
	}
	return &gate{probe: probe}, nil
}

// introspection reports whether query is an introspection query: every
// operation of it selects only __schema, __type and __typename, and it is
// valid as such. An introspection query whose type lists nest too deep is
// refused with an error.
func (g *gate) introspection(query string, vars map[string]any) (bool, *gqlerrors.QueryError) {
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: query}, introspectionTokens)
	if err != nil || len(doc.Operations) == 0 {
		return false, nil
	}
	for _, op := range doc.Operations {
		if op.Operation != ast.Query || !onlyIntrospection(doc, op.SelectionSet, map[string]bool{}) {
			return false, nil
		}
	}
	if errs := g.probe.ValidateWithVariables(query, vars); len(errs) > 0 {
		return false, nil
	}
	for _, op := range doc.Operations {
		if listsTooDeep(doc, op.SelectionSet, map[spreadAt]bool{}, 0) {
			return true, gqlerrors.Errorf("Maximum introspection depth exceeded: fields, inputFields, interfaces and possibleTypes nest at most %d times", maxIntrospectionLists-1)
		}
	}
	return true, nil
}

// onlyIntrospection reports whether a root selection set selects only
// introspection fields, through fragments.
func onlyIntrospection(doc *ast.QueryDocument, set ast.SelectionSet, seen map[string]bool) bool {
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			if !introspectionFields[sel.Name] {
				return false
			}
		case *ast.InlineFragment:
			if !onlyIntrospection(doc, sel.SelectionSet, seen) {
				return false
			}
		case *ast.FragmentSpread:
			f := doc.Fragments.ForName(sel.Name)
			if f == nil {
				return false
			}
			if seen[sel.Name] {
				continue
			}
			seen[sel.Name] = true
			if !onlyIntrospection(doc, f.SelectionSet, seen) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// listsTooDeep reports whether the type-list fields nest
// maxIntrospectionLists times or more below set, depth of them above it,
// as graphql-js's MaxIntrospectionDepthRule counts them, through
// fragments. The probe's validation has refused fragment cycles; what a
// fragment spread at a depth finds is remembered (memo), so that chains
// of fragments spread many times are walked once per depth.
func listsTooDeep(doc *ast.QueryDocument, set ast.SelectionSet, memo map[spreadAt]bool, depth int) bool {
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			d := depth
			if typeListFields[sel.Name] {
				d++
				if d >= maxIntrospectionLists {
					return true
				}
			}
			if listsTooDeep(doc, sel.SelectionSet, memo, d) {
				return true
			}
		case *ast.InlineFragment:
			if listsTooDeep(doc, sel.SelectionSet, memo, depth) {
				return true
			}
		case *ast.FragmentSpread:
			if spreadTooDeep(doc, sel.Name, memo, depth) {
				return true
			}
		}
	}
	return false
}

// spreadAt is a fragment spread at a depth of type-list fields.
type spreadAt struct {
	name  string
	depth int
}

func spreadTooDeep(doc *ast.QueryDocument, name string, memo map[spreadAt]bool, depth int) bool {
	key := spreadAt{name, depth}
	if tooDeep, ok := memo[key]; ok {
		return tooDeep
	}
	memo[key] = false // a cycle, were there one, ends here
	f := doc.Fragments.ForName(name)
	tooDeep := f != nil && listsTooDeep(doc, f.SelectionSet, memo, depth)
	memo[key] = tooDeep
	return tooDeep
}
