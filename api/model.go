// Package api is newsgraph's typed API: the graph as events, entities,
// documents and source claims, both as Go functions (Events, Entity,
// Entities, Documents) and as a GraphQL schema served over HTTP by
// NewHandler (mounted at /graphql by `newsgraph serve`).
//
// Events come from graph.Store.EachEvent (fused across documents, one
// SourceClaim per reporting document), the newest first, a page at a time:
// a page reads only its own events. Entities and documents are read with
// Cayley's path API over the store's quad store. Every resolver checks the
// request's context, so a request past its deadline stops working.
//
// The GraphQL schema (Schema returns its text) is introspectable, so
// ordinary GraphQL clients work: the handler answers their introspection
// query with limits of its own (see IntrospectionMaxDepth). Event types
// and entity classes are the enums EventType and EntityClass, dates the
// scalar Date:
//
//	{ events(type: Attack, country: "Iran", since: "2024-01", first: 10) {
//	    totalCount pageInfo { hasNextPage endCursor }
//	    nodes { id date actors { name } targets { name } killed killedMax
//	            sources { doc { id } killed injured } } } }
package api

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// Event is a fused event as graph.Store.Events reads it back.
type Event = extract.Event

// SourceClaim is what one document says of an event.
type SourceClaim = extract.SourceClaim

// Span is a piece of evidence: a sentence with its byte offsets.
type Span = extract.Span

// Ref is a reference to an entity from an event.
type Ref = extract.Ref

// EntityInfo is one real-world thing as the store holds it, merged across the
// documents that name it.
type EntityInfo struct {
	// ID is the entity's IRI.
	ID string `json:"id"`
	// Name is the name most documents give it.
	Name string `json:"name"`
	// Class is its entity class ("Country", "ArmedGroup", …).
	Class string `json:"class"`
	// Aliases are the other names documents use, sorted.
	Aliases []string `json:"aliases"`
	// Country is the name of the country it belongs to, CountryID its IRI.
	Country   string `json:"country,omitempty"`
	CountryID string `json:"country_id,omitempty"`
	// Wikidata is the Wikidata item id ("Q843").
	Wikidata string `json:"wikidata,omitempty"`
	// Lat and Lon locate a place.
	Lat *float64 `json:"lat,omitempty"`
	Lon *float64 `json:"lon,omitempty"`
	// LocatedIn lists the places that contain it (region, country).
	LocatedIn []Ref `json:"located_in,omitempty"`
	// Documents are the identifiers of the documents that mention it.
	Documents []string `json:"documents"`
}

// Ref returns the entity as a reference.
func (e *EntityInfo) Ref() Ref {
	return Ref{ID: e.ID, Name: e.Name, Class: e.Class, Country: e.Country, Lat: e.Lat, Lon: e.Lon}
}

// Document is one ingested article.
type Document struct {
	// ID is the document identifier ("000_d765e2c5818afb87.txt"), IRI its node.
	ID        string `json:"id"`
	IRI       string `json:"iri"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Source    string `json:"source,omitempty"`
}

// ErrNotFound is returned by Entity for an id the store does not hold.
var ErrNotFound = errors.New("api: not found")

// Filter selects events. Empty fields select everything; names match
// names and aliases case-insensitively, or IRIs exactly.
type Filter struct {
	// Type is an event type ("Attack").
	Type string
	// Actor matches an actor or agent.
	Actor string
	// Target matches a target.
	Target string
	// Place matches a place by containment (a village matches its
	// province and country).
	Place string
	// Country matches the country the event took place in (or the
	// country of one of its places).
	Country string
	// Since and Until bound the date (ISO, inclusive).
	Since, Until string
	// First caps the number of events returned (0: all); After is the
	// cursor of the event to start after (an edge's cursor or a page's
	// endCursor: graph.EventCursor; Cursor of an event id is accepted
	// too).
	First int
	After string
}

// Cursor is the opaque pagination cursor of a node (event or entity) id.
func Cursor(id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte("id:" + id))
}

func cursorID(c string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), "id:") {
		return "", fmt.Errorf("api: invalid cursor %q", c)
	}
	return strings.TrimPrefix(string(b), "id:"), nil
}

// page cuts items after the cursor and to first; it reports whether more
// follow.
func page[T any](items []T, id func(T) string, first int, after string) ([]T, bool, error) {
	if after != "" {
		aid, err := cursorID(after)
		if err != nil {
			return nil, false, err
		}
		i := 0
		for i < len(items) && id(items[i]) != aid {
			i++
		}
		if i == len(items) {
			return nil, false, fmt.Errorf("api: cursor %q names no item of this list", after)
		}
		items = items[i+1:]
	}
	if first < 0 {
		return nil, false, fmt.Errorf("api: first must not be negative, got %d", first)
	}
	if first > 0 && len(items) > first {
		return items[:first], true, nil
	}
	return items, false, nil
}

// Events returns the fused events f selects, the newest first (undated
// last), from the cursor f.After on and at most f.First of them. It reads
// only the events it returns and those the filter passes over before
// them.
func Events(ctx context.Context, store *graph.Store, f Filter) ([]Event, error) {
	out, _, err := newLoader(store).listEvents(ctx, f)
	return out, err
}

// Entity returns the entity with IRI id (or an id relative to the store's
// base such as "entity/country/pk" or "country/pk"); ErrNotFound if the
// store does not hold it.
func Entity(ctx context.Context, store *graph.Store, id string) (*EntityInfo, error) {
	return newLoader(store).entity(ctx, id)
}

// EntityFilter selects entities.
type EntityFilter struct {
	// Class is an entity class ("Country"), case-insensitive.
	Class string
	// Name matches part of the name or of an alias, case-insensitively.
	Name string
	// First and After paginate as in Filter.
	First int
	After string
}

// Entities lists the entities f selects, ordered by name.
func Entities(ctx context.Context, store *graph.Store, f EntityFilter) ([]EntityInfo, error) {
	all, err := newLoader(store).entities(ctx, f)
	if err != nil {
		return nil, err
	}
	out, _, err := page(all, func(e EntityInfo) string { return e.ID }, f.First, f.After)
	return out, err
}

// EntityEvents lists the events an entity takes part in (as actor, agent
// or target) or that took place in it (as place or country).
func EntityEvents(ctx context.Context, store *graph.Store, id string) ([]Event, error) {
	l := newLoader(store)
	e, err := l.entity(ctx, id)
	if err != nil {
		return nil, err
	}
	return l.eventsOf(ctx, e.ID)
}

// Documents lists the documents in the store, by id.
func Documents(ctx context.Context, store *graph.Store) ([]Document, error) {
	return newLoader(store).documents(ctx)
}

// loader reads the store for one request, caching what it read.
type loader struct {
	store   *graph.Store
	mu      sync.Mutex // guards the caches: GraphQL resolves fields in parallel
	byID    map[string]*Event
	ents    map[string]*EntityInfo
	docs    []Document
	docByID map[string]*Document
}

func newLoader(store *graph.Store) *loader {
	return &loader{store: store, byID: map[string]*Event{}, ents: map[string]*EntityInfo{}}
}

// event reads one event (nil if the store holds none with that IRI), once
// per request.
func (l *loader) event(ctx context.Context, id string) (*Event, error) {
	l.mu.Lock()
	e, ok := l.byID[id]
	l.mu.Unlock()
	if ok {
		return e, nil
	}
	e, err := l.store.Event(ctx, id)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	l.byID[id] = e
	l.mu.Unlock()
	return e, nil
}

// graphFilter is the part of f the store applies, the newest first.
func graphFilter(f Filter) graph.EventFilter {
	return graph.EventFilter{Type: f.Type, Actor: f.Actor, Place: f.Place, Since: f.Since, Until: f.Until,
		NewestFirst: true}
}

// listEvents reads the page f selects: at most f.First events (all
// without) after the cursor f.After, the newest first; it reports whether
// more follow. The store reads the events one by one and stops at the
// first past the page.
func (l *loader) listEvents(ctx context.Context, f Filter) ([]Event, bool, error) {
	if f.First < 0 {
		return nil, false, fmt.Errorf("api: first must not be negative, got %d", f.First)
	}
	gf := graphFilter(f)
	switch {
	case f.After == "":
	case graph.IsEventCursor(f.After):
		gf.Cursor = f.After
	default:
		// A cursor of an event's id alone (Cursor), as earlier
		// versions gave.
		id, err := cursorID(f.After)
		if err != nil {
			return nil, false, err
		}
		gf.After = id
	}
	if f.First > 0 && f.Target == "" && f.Country == "" {
		// Nothing is passed over here (selects): the store's listing
		// stops after the page and the one event that tells whether
		// more follow, and reads them together (on PostgreSQL, in a
		// few batches).
		gf.Limit = f.First + 1
	}
	out := []Event{}
	more := false
	err := l.store.EachEvent(ctx, gf, func(e Event) bool {
		if !l.selects(ctx, e, f) {
			return true
		}
		if f.First > 0 && len(out) == f.First {
			more = true
			return false
		}
		out = append(out, e)
		return true
	})
	if errors.Is(err, graph.ErrNotListed) {
		return nil, false, fmt.Errorf("api: cursor %q names no item of this list", f.After)
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, false, err
	}
	return out, more, nil
}

// countEvents counts the events f selects (its cursor and page size
// aside). Without a target or country to match, the store counts them
// without reading them in full.
func (l *loader) countEvents(ctx context.Context, f Filter) (int, error) {
	if f.Target == "" && f.Country == "" {
		return l.store.CountEvents(ctx, graphFilter(f))
	}
	n := 0
	err := l.store.EachEvent(ctx, graphFilter(f), func(e Event) bool {
		if l.selects(ctx, e, f) {
			n++
		}
		return true
	})
	if err == nil {
		err = ctx.Err()
	}
	return n, err
}

// selects applies the filters the store does not: target and country.
func (l *loader) selects(ctx context.Context, e Event, f Filter) bool {
	if f.Target != "" && !l.anyMatches(ctx, e.Targets, f.Target) {
		return false
	}
	return f.Country == "" || l.inCountry(ctx, e, f.Country)
}

// matches tells whether ref is called q (by name or alias) or is q.
func (l *loader) matches(ctx context.Context, ref Ref, q string) bool {
	q = strings.TrimSpace(q)
	if ref.ID == q || strings.EqualFold(ref.Name, q) {
		return true
	}
	if e, err := l.entity(ctx, ref.ID); err == nil {
		if e.ID == l.resolve(q) {
			return true
		}
		for _, a := range e.Aliases {
			if strings.EqualFold(a, q) {
				return true
			}
		}
	}
	return false
}

func (l *loader) anyMatches(ctx context.Context, refs []Ref, q string) bool {
	for _, r := range refs {
		if l.matches(ctx, r, q) {
			return true
		}
	}
	return false
}

// inCountry tells whether e took place in country q: its event country,
// or the country of one of its places.
func (l *loader) inCountry(ctx context.Context, e Event, q string) bool {
	if e.Country != nil {
		return l.matches(ctx, *e.Country, q)
	}
	for _, p := range e.Places {
		if p.Class == extract.ClassCountry && l.matches(ctx, p, q) {
			return true
		}
		if p.Country != "" {
			if strings.EqualFold(p.Country, q) {
				return true
			}
			if pe, err := l.entity(ctx, p.ID); err == nil && pe.CountryID != "" &&
				l.matches(ctx, Ref{ID: pe.CountryID, Name: pe.Country}, q) {
				return true
			}
		}
	}
	return false
}

// eventsOf lists the events entity id takes part in or took place in, the
// newest first: the store finds them from the entity's edges.
func (l *loader) eventsOf(ctx context.Context, id string) ([]Event, error) {
	evs, err := l.store.Events(ctx, graph.EventFilter{Involves: id, NewestFirst: true})
	if err != nil {
		return nil, err
	}
	if evs == nil {
		evs = []Event{}
	}
	return evs, nil
}

// resolve turns an entity id into an IRI.
func (l *loader) resolve(id string) string {
	id = strings.TrimSpace(id)
	id = strings.TrimSuffix(strings.TrimPrefix(id, "<"), ">")
	if strings.Contains(id, "://") {
		return id
	}
	id = strings.TrimPrefix(id, "/")
	if !strings.HasPrefix(id, "entity/") {
		id = "entity/" + id
	}
	return l.store.Base() + id
}

// values returns the distinct objects of subj's pred quads, those more
// quads state first, then in lexical order.
func values(ctx context.Context, store *graph.Store, subj quad.Value, pred quad.IRI) ([]quad.Value, error) {
	count := map[string]int{}
	byKey := map[string]quad.Value{}
	err := path.StartPath(store.QuadStore(), subj).Out(pred).Iterate(ctx).EachValue(store.QuadStore(), func(v quad.Value) {
		k := quad.StringOf(v)
		if _, ok := byKey[k]; !ok {
			byKey[k] = v
		}
		count[k]++
	})
	if err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if count[keys[i]] != count[keys[j]] {
			return count[keys[i]] > count[keys[j]]
		}
		return keys[i] < keys[j]
	})
	out := make([]quad.Value, len(keys))
	for i, k := range keys {
		out[i] = byKey[k]
	}
	return out, nil
}

func firstText(vs []quad.Value) string {
	if len(vs) == 0 {
		return ""
	}
	return schema.TextOf(vs[0])
}

// entity reads one entity.
func (l *loader) entity(ctx context.Context, id string) (*EntityInfo, error) {
	iri := l.resolve(id)
	l.mu.Lock()
	e, ok := l.ents[iri]
	l.mu.Unlock()
	if ok {
		if e == nil {
			return nil, ErrNotFound
		}
		return e, nil
	}
	e, err := l.readEntity(ctx, quad.IRI(iri))
	if err == nil {
		// Cayley's path iterators stop quietly when the context ends:
		// an entity read past it would be partial.
		err = live(ctx)
	}
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	l.ents[iri] = e
	l.mu.Unlock()
	if e == nil {
		return nil, ErrNotFound
	}
	return e, nil
}

func (l *loader) readEntity(ctx context.Context, iri quad.IRI) (*EntityInfo, error) {
	types, err := values(ctx, l.store, iri, schema.Type)
	if err != nil {
		return nil, err
	}
	e := &EntityInfo{ID: string(iri), Aliases: []string{}, Documents: []string{}}
	classes := map[quad.IRI]bool{}
	for _, c := range schema.EntityClasses() {
		classes[c] = true
	}
	for _, t := range types {
		if t, ok := t.(quad.IRI); ok && classes[t] {
			e.Class = schema.LocalName(t)
			break
		}
	}
	if e.Class == "" {
		return nil, nil
	}
	names, err := values(ctx, l.store, iri, schema.Name)
	if err != nil {
		return nil, err
	}
	e.Name = firstText(names)
	aliases, err := values(ctx, l.store, iri, schema.Alias)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{strings.ToLower(e.Name): true}
	for _, v := range append(names, aliases...) {
		a := schema.TextOf(v)
		if a != "" && !seen[strings.ToLower(a)] {
			seen[strings.ToLower(a)] = true
			e.Aliases = append(e.Aliases, a)
		}
	}
	sort.Strings(e.Aliases)
	if vs, err := values(ctx, l.store, iri, schema.CountryOf); err != nil {
		return nil, err
	} else if len(vs) > 0 {
		if c, ok := vs[0].(quad.IRI); ok {
			e.CountryID = string(c)
			cn, err := values(ctx, l.store, c, schema.Name)
			if err != nil {
				return nil, err
			}
			e.Country = firstText(cn)
		} else {
			e.Country = schema.TextOf(vs[0])
		}
	}
	same, err := values(ctx, l.store, iri, schema.SameAs)
	if err != nil {
		return nil, err
	}
	for _, v := range same {
		if s := schema.TextOf(v); strings.HasPrefix(s, schema.WikidataEntity) {
			e.Wikidata = strings.TrimPrefix(s, schema.WikidataEntity)
			break
		}
	}
	for _, p := range []struct {
		pred quad.IRI
		dst  **float64
	}{{schema.Lat, &e.Lat}, {schema.Lon, &e.Lon}} {
		vs, err := values(ctx, l.store, iri, p.pred)
		if err != nil {
			return nil, err
		}
		if len(vs) > 0 {
			if f, ok := schema.DecimalOf(vs[0]); ok {
				*p.dst = &f
			}
		}
	}
	within, err := values(ctx, l.store, iri, schema.LocatedIn)
	if err != nil {
		return nil, err
	}
	for _, v := range within {
		if c, ok := v.(quad.IRI); ok {
			ref := Ref{ID: string(c)}
			if ns, err := values(ctx, l.store, c, schema.Name); err == nil {
				ref.Name = firstText(ns)
			}
			if ts, err := values(ctx, l.store, c, schema.Type); err == nil {
				for _, t := range ts {
					if t, ok := t.(quad.IRI); ok && classes[t] {
						ref.Class = schema.LocalName(t)
						break
					}
				}
			}
			e.LocatedIn = append(e.LocatedIn, ref)
		}
	}
	docs, err := values(ctx, l.store, iri, schema.MentionedIn)
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		ids, err := values(ctx, l.store, d, schema.Identifier)
		if err != nil {
			return nil, err
		}
		id := firstText(ids)
		if id == "" {
			id = schema.TextOf(d)
		}
		e.Documents = append(e.Documents, id)
	}
	sort.Strings(e.Documents)
	return e, nil
}

// entities lists the entities of f's class (every class when empty) whose
// name or an alias contains f.Name.
func (l *loader) entities(ctx context.Context, f EntityFilter) ([]EntityInfo, error) {
	classes := schema.EntityClasses()
	if f.Class != "" {
		classes = nil
		for _, c := range schema.EntityClasses() {
			if strings.EqualFold(schema.LocalName(c), f.Class) {
				classes = append(classes, c)
			}
		}
		if classes == nil {
			return nil, fmt.Errorf("api: unknown entity class %q", f.Class)
		}
	}
	seen := map[quad.IRI]bool{}
	var iris []quad.IRI
	for _, c := range classes {
		err := path.StartPath(l.store.QuadStore(), c).In(schema.Type).Unique().Iterate(ctx).
			EachValue(l.store.QuadStore(), func(v quad.Value) {
				if iri, ok := v.(quad.IRI); ok && !seen[iri] {
					seen[iri] = true
					iris = append(iris, iri)
				}
			})
		if err != nil {
			return nil, err
		}
	}
	q := strings.ToLower(strings.TrimSpace(f.Name))
	out := []EntityInfo{}
	for _, iri := range iris {
		if err := live(ctx); err != nil {
			return nil, err
		}
		e, err := l.entity(ctx, string(iri))
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if f.Class != "" && !strings.EqualFold(e.Class, f.Class) {
			continue
		}
		if q != "" && !containsName(e, q) {
			continue
		}
		out = append(out, *e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := strings.ToLower(out[i].Name), strings.ToLower(out[j].Name)
		if a != b {
			return a < b
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

func containsName(e *EntityInfo, q string) bool {
	if strings.Contains(strings.ToLower(e.Name), q) {
		return true
	}
	for _, a := range e.Aliases {
		if strings.Contains(strings.ToLower(a), q) {
			return true
		}
	}
	return false
}

// documents reads every document once.
func (l *loader) documents(ctx context.Context) ([]Document, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.docs != nil {
		return l.docs, nil
	}
	var iris []quad.Value
	// The documents are the subjects of ng:identifier (no rdf:type quad).
	err := path.StartPath(l.store.QuadStore()).Has(schema.Identifier).Unique().Iterate(ctx).
		EachValue(l.store.QuadStore(), func(v quad.Value) { iris = append(iris, v) })
	if err != nil {
		return nil, err
	}
	docs := []Document{}
	for _, iri := range iris {
		if err := live(ctx); err != nil {
			return nil, err
		}
		d := Document{IRI: schema.TextOf(iri)}
		for _, p := range []struct {
			pred quad.IRI
			dst  *string
		}{{schema.Identifier, &d.ID}, {schema.Title, &d.Title}, {schema.URL, &d.URL},
			{schema.Published, &d.Published}, {schema.Source, &d.Source}} {
			vs, err := values(ctx, l.store, iri, p.pred)
			if err != nil {
				return nil, err
			}
			*p.dst = firstText(vs)
		}
		if d.ID == "" {
			d.ID = d.IRI
		}
		docs = append(docs, d)
	}
	if err := live(ctx); err != nil {
		return nil, err
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	l.docs = docs
	l.docByID = make(map[string]*Document, len(docs))
	for i := range docs {
		l.docByID[docs[i].ID] = &docs[i]
	}
	return docs, nil
}

func (l *loader) document(ctx context.Context, id string) (*Document, error) {
	if _, err := l.documents(ctx); err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.docByID[id], nil
}
