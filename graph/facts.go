package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph/internal/storage"
	"github.com/newsgraph/newsgraph/schema"
)

// EntityFacts is what a table of events shows of an entity beyond its
// extract.Ref: its Wikidata item, the ISO 3166 code of its country (its
// own, for a country) and its coordinates, where the store holds them.
type EntityFacts struct {
	// Wikidata is the item id ("Q794"), "" when unknown.
	Wikidata string
	// ISO is the upper-case ISO 3166-1 alpha-2 code ("IR").
	ISO string
	// Lat and Lon are decimal degrees; nil when unknown.
	Lat, Lon *float64
}

// DocFacts is what the store holds of a document for citing it; fields the
// input did not give are "".
type DocFacts struct {
	URL, Source, Title, Published string
}

// EntityFacts reads the Wikidata item, country code and coordinates of
// the entity with IRI iri.
func (s *Store) EntityFacts(ctx context.Context, iri string) (EntityFacts, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	f := entityFacts(s.view(ctx, nil), iri)
	if err := ctx.Err(); err != nil {
		return EntityFacts{}, fmt.Errorf("graph: entity facts: %w", err)
	}
	return f, nil
}

// entityFactsBatch is the number of entities EntitiesFacts reads ahead
// with one batch, where the store reads in batches.
const entityFactsBatch = 1000

// EntitiesFacts reads what EntityFacts reads of each entity of iris, by
// IRI: a table of events looks its entities up at once. Where the store
// reads in batches (prefetch.go), it reads a thousand entities' facts
// with one.
func (s *Store) EntitiesFacts(ctx context.Context, iris []string) (map[string]EntityFacts, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v := newReader(ctx, s).v
	v.share()
	defer v.release()
	out := make(map[string]EntityFacts, len(iris))
	for len(iris) > 0 {
		chunk := iris[:min(len(iris), entityFactsBatch)]
		iris = iris[len(chunk):]
		if v.pre != nil {
			vals := make([]quad.Value, len(chunk))
			for i, iri := range chunk {
				vals[i] = quad.IRI(iri)
			}
			err := v.pre.read(storage.Select{Dir: quad.Subject, Values: vals, Preds: entityFactPreds})
			if err != nil {
				return nil, fmt.Errorf("graph: entity facts: %w", err)
			}
		}
		for _, iri := range chunk {
			out[iri] = entityFacts(v, iri)
		}
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("graph: entity facts: %w", err)
		}
	}
	return out, nil
}

// entityFactPreds are the predicates entityFacts reads.
var entityFactPreds = []quad.Value{schema.CountryOf, schema.SameAs, schema.Lat, schema.Lon}

// entityFacts reads the facts of entity iri through v.
func entityFacts(v *view, iri string) EntityFacts {
	var f EntityFacts
	if code, ok := countryCode(iri); ok {
		f.ISO = code
	}
	// in lexical order, so that the first is the same however the
	// store lists them
	byPred := make([][]quad.Value, len(entityFactPreds)) // in entityFactPreds' order
	err := v.only(quad.IRI(iri), entityFactPreds, func(q quad.Quad) {
		if i := slices.Index(entityFactPreds, q.Predicate); i >= 0 {
			byPred[i] = append(byPred[i], q.Object)
		}
	})
	if err != nil {
		return f
	}
	objects := func(p quad.IRI) []quad.Value {
		vs := byPred[slices.Index(entityFactPreds, quad.Value(p))]
		if len(vs) > 1 {
			slices.SortFunc(vs, func(a, b quad.Value) int { return strings.Compare(a.String(), b.String()) })
		}
		return vs
	}
	for _, c := range objects(schema.CountryOf) {
		if code, ok := countryCode(schema.TextOf(c)); ok && f.ISO == "" {
			f.ISO = code
		}
	}
	for _, w := range objects(schema.SameAs) {
		if id, ok := strings.CutPrefix(schema.TextOf(w), schema.WikidataEntity); ok && f.Wikidata == "" {
			f.Wikidata = id
		}
	}
	f.Lat, f.Lon = firstDecimal(objects(schema.Lat)), firstDecimal(objects(schema.Lon))
	if f.Lat == nil || f.Lon == nil {
		f.Lat, f.Lon = nil, nil
	}
	return f
}

// DocFacts reads the URL, outlet, title and publication date of the
// document with identifier id.
func (s *Store) DocFacts(ctx context.Context, id string) (DocFacts, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v := s.view(ctx, nil)
	doc := schema.DocumentIRI(s.base, id)
	first := func(p quad.IRI) string {
		vs, err := v.out(doc, p)
		if err != nil || len(vs) == 0 {
			return ""
		}
		return schema.TextOf(vs[0])
	}
	f := DocFacts{URL: first(schema.URL), Source: first(schema.Source), Title: first(schema.Title), Published: first(schema.Published)}
	if err := ctx.Err(); err != nil {
		return DocFacts{}, fmt.Errorf("graph: document facts: %w", err)
	}
	return f, nil
}

// countryCode is the ISO 3166 code that ends a country's IRI
// (…/country/ir: "IR").
func countryCode(iri string) (string, bool) {
	i := strings.LastIndex(iri, "/country/")
	if i < 0 {
		return "", false
	}
	code := iri[i+len("/country/"):]
	if len(code) != 2 {
		return "", false
	}
	return strings.ToUpper(code), true
}

func firstDecimal(vs []quad.Value) *float64 {
	for _, v := range vs {
		if f, ok := schema.DecimalOf(v); ok {
			return &f
		}
	}
	return nil
}
