package api

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"sort"
	"sync"

	graphql "github.com/graph-gophers/graphql-go"

	"github.com/newsgraph/newsgraph/graph"
)

//go:embed schema.graphql
var schemaSource string

// schemaText is the schema with the values of its enums filled in.
var schemaText = withEnumValues(schemaSource, map[string][]string{
	"EventType":   sortedNames(eventTypeNames),
	"EntityClass": sortedNames(entityClassNames),
})

// Schema returns the GraphQL schema, in SDL.
func Schema() string { return schemaText }

type ctxKey struct{}

// loaderFrom returns the request's loader (a fresh one outside a request).
func loaderFrom(ctx context.Context, store *graph.Store) *loader {
	if l, ok := ctx.Value(ctxKey{}).(*loader); ok {
		return l
	}
	return newLoader(store)
}

// queryResolver is the root of the schema.
type queryResolver struct {
	store *graph.Store
}

func (q *queryResolver) l(ctx context.Context) *loader { return loaderFrom(ctx, q.store) }

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func num(p *int32) int {
	if p == nil {
		return 0
	}
	return int(*p)
}

func opt(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func int32p(p *int) *int32 {
	if p == nil {
		return nil
	}
	v := int32(*p)
	return &v
}

type eventsArgs struct {
	Type, Actor, Target, Place, Country *string
	Since, Until                        *Date
	First                               *int32
	After                               *string
}

func (q *queryResolver) Events(ctx context.Context, a eventsArgs) (*eventConnection, error) {
	l := q.l(ctx)
	f := Filter{Type: str(a.Type), Actor: str(a.Actor), Target: str(a.Target), Place: str(a.Place),
		Country: str(a.Country), Since: dateArg(a.Since), Until: dateArg(a.Until), First: num(a.First), After: str(a.After)}
	items, more, err := l.listEvents(ctx, f)
	if err != nil {
		return nil, err
	}
	c := &eventConnection{l: l, filter: f, more: more}
	for i := range items {
		c.nodes = append(c.nodes, &eventResolver{l: l, e: &items[i]})
	}
	return c, nil
}

func (q *queryResolver) Event(ctx context.Context, a struct{ ID graphql.ID }) (*eventResolver, error) {
	l := q.l(ctx)
	e, err := l.event(ctx, string(a.ID))
	if err != nil || e == nil {
		return nil, err
	}
	return &eventResolver{l: l, e: e}, nil
}

func (q *queryResolver) Entity(ctx context.Context, a struct{ ID graphql.ID }) (*entityResolver, error) {
	l := q.l(ctx)
	e, err := l.entity(ctx, string(a.ID))
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &entityResolver{l: l, ref: e.Ref(), full: e}, nil
}

func (q *queryResolver) Entities(ctx context.Context, a struct {
	Class, Name *string
	First       *int32
	After       *string
}) (*entityConnection, error) {
	l := q.l(ctx)
	all, err := l.entities(ctx, EntityFilter{Class: str(a.Class), Name: str(a.Name)})
	if err != nil {
		return nil, err
	}
	items, more, err := page(all, func(e EntityInfo) string { return e.ID }, num(a.First), str(a.After))
	if err != nil {
		return nil, err
	}
	c := &entityConnection{total: len(all), more: more}
	for i := range items {
		c.nodes = append(c.nodes, &entityResolver{l: l, ref: items[i].Ref(), full: &items[i]})
	}
	return c, nil
}

func (q *queryResolver) Documents(ctx context.Context) ([]*documentResolver, error) {
	docs, err := q.l(ctx).documents(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*documentResolver, len(docs))
	for i := range docs {
		out[i] = &documentResolver{d: &docs[i]}
	}
	return out, nil
}

func (q *queryResolver) Document(ctx context.Context, a struct{ ID graphql.ID }) (*documentResolver, error) {
	d, err := q.l(ctx).document(ctx, string(a.ID))
	if err != nil || d == nil {
		return nil, err
	}
	return &documentResolver{d: d}, nil
}

func (q *queryResolver) Stats(ctx context.Context) (*statsResolver, error) {
	st, err := q.store.Stats(ctx)
	if err != nil {
		return nil, err
	}
	return &statsResolver{st: st}, nil
}

// Connections.

type pageInfo struct {
	more bool
	end  string
}

func (p pageInfo) HasNextPage() bool { return p.more }
func (p pageInfo) EndCursor() *string {
	return opt(p.end)
}

// eventConnection is a page of events; its total is counted only when
// asked for.
type eventConnection struct {
	l      *loader
	filter Filter
	more   bool
	nodes  []*eventResolver
}

func (c *eventConnection) TotalCount(ctx context.Context) (int32, error) {
	n, err := c.l.countEvents(ctx, c.filter)
	return int32(n), err
}
func (c *eventConnection) Nodes(ctx context.Context) ([]*eventResolver, error) {
	return nonNil(c.nodes), live(ctx)
}
func (c *eventConnection) Edges(ctx context.Context) ([]*eventEdge, error) {
	return edges(c.nodes, eventCursor, newEventEdge), live(ctx)
}
func (c *eventConnection) PageInfo() pageInfo {
	return info(c.nodes, c.more, eventCursor)
}

// eventCursor is the cursor of an event in the listing: its date and id
// (graph.EventCursor), from which the next page starts without reading
// the events before it.
func eventCursor(e *eventResolver) string { return graph.EventCursor(*e.e) }

// entityCursor is the cursor of an entity in its list.
func entityCursor(e *entityResolver) string              { return Cursor(e.ref.ID) }
func newEventEdge(c string, n *eventResolver) *eventEdge { return &eventEdge{c, n} }

type eventEdge struct {
	cursor string
	node   *eventResolver
}

func (e *eventEdge) Cursor() string       { return e.cursor }
func (e *eventEdge) Node() *eventResolver { return e.node }

type entityConnection struct {
	total int
	more  bool
	nodes []*entityResolver
}

func (c *entityConnection) TotalCount() int32 { return int32(c.total) }
func (c *entityConnection) Nodes(ctx context.Context) ([]*entityResolver, error) {
	return nonNil(c.nodes), live(ctx)
}
func (c *entityConnection) Edges(ctx context.Context) ([]*entityEdge, error) {
	return edges(c.nodes, entityCursor, newEntityEdge), live(ctx)
}
func (c *entityConnection) PageInfo() pageInfo {
	return info(c.nodes, c.more, entityCursor)
}
func newEntityEdge(c string, n *entityResolver) *entityEdge { return &entityEdge{c, n} }

type entityEdge struct {
	cursor string
	node   *entityResolver
}

func (e *entityEdge) Cursor() string        { return e.cursor }
func (e *entityEdge) Node() *entityResolver { return e.node }

// live is the context's error once it has ended: every resolver of a
// list checks it, so a request past its deadline or cancelled stops
// growing its answer at once rather than resolving the rest of it.
func live(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("api: %w", err)
	}
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func edges[N, E any](nodes []N, cursor func(N) string, mk func(string, N) E) []E {
	out := make([]E, len(nodes))
	for i, n := range nodes {
		out[i] = mk(cursor(n), n)
	}
	return out
}

func info[N any](nodes []N, more bool, cursor func(N) string) pageInfo {
	p := pageInfo{more: more}
	if len(nodes) > 0 {
		p.end = cursor(nodes[len(nodes)-1])
	}
	return p
}

// Event.

type eventResolver struct {
	l *loader
	e *Event
}

func (r *eventResolver) ID() graphql.ID     { return graphql.ID(r.e.ID) }
func (r *eventResolver) Type() string       { return enumValue(eventTypeNames, r.e.Type) }
func (r *eventResolver) Subtype() *string   { return opt(r.e.Subtype) }
func (r *eventResolver) Cameo() *string     { return opt(r.e.Cameo) }
func (r *eventResolver) Date() *Date        { return datePtr(r.e.Date) }
func (r *eventResolver) DateText() *string  { return r.e.DateText }
func (r *eventResolver) Operation() *string { return opt(r.e.Operation) }
func (r *eventResolver) Killed() *int32     { return int32p(r.e.Killed) }
func (r *eventResolver) KilledMax() *int32 {
	if r.e.KilledMax == nil {
		return int32p(r.e.Killed)
	}
	return int32p(r.e.KilledMax)
}
func (r *eventResolver) Injured() *int32 { return int32p(r.e.Injured) }
func (r *eventResolver) InjuredMax() *int32 {
	if r.e.InjuredMax == nil {
		return int32p(r.e.Injured)
	}
	return int32p(r.e.InjuredMax)
}
func (r *eventResolver) Confidence() float64  { return r.e.Confidence }
func (r *eventResolver) Weapons() []string    { return nonNil(r.e.Weapons) }
func (r *eventResolver) TargetText() []string { return nonNil(r.e.TargetText) }
func (r *eventResolver) Actors(ctx context.Context) ([]*entityResolver, error) {
	return r.refs(r.e.Actors), live(ctx)
}
func (r *eventResolver) Agents(ctx context.Context) ([]*entityResolver, error) {
	return r.refs(r.e.Agents), live(ctx)
}
func (r *eventResolver) Targets(ctx context.Context) ([]*entityResolver, error) {
	return r.refs(r.e.Targets), live(ctx)
}
func (r *eventResolver) Places(ctx context.Context) ([]*entityResolver, error) {
	return r.refs(r.e.Places), live(ctx)
}
func (r *eventResolver) Country() *entityResolver {
	if r.e.Country == nil {
		return nil
	}
	return &entityResolver{l: r.l, ref: *r.e.Country}
}

func (r *eventResolver) refs(refs []Ref) []*entityResolver {
	out := make([]*entityResolver, len(refs))
	for i, ref := range refs {
		out[i] = &entityResolver{l: r.l, ref: ref}
	}
	return out
}

func (r *eventResolver) RetaliationFor(ctx context.Context) (*eventResolver, error) {
	if r.e.RetaliationFor == "" {
		return nil, nil
	}
	e, err := r.l.event(ctx, r.e.RetaliationFor)
	if err != nil || e == nil {
		return nil, err
	}
	return &eventResolver{l: r.l, e: e}, nil
}

func (r *eventResolver) Sources(ctx context.Context) ([]*sourceResolver, error) {
	if err := live(ctx); err != nil {
		return nil, err
	}
	out := make([]*sourceResolver, len(r.e.Sources))
	for i := range r.e.Sources {
		out[i] = &sourceResolver{l: r.l, c: &r.e.Sources[i]}
	}
	return out, nil
}

func (r *eventResolver) Evidence(ctx context.Context) ([]*evidenceResolver, error) {
	return evidence(r.e.Evidence), live(ctx)
}

func evidence(spans []Span) []*evidenceResolver {
	out := make([]*evidenceResolver, len(spans))
	for i := range spans {
		out[i] = &evidenceResolver{s: spans[i]}
	}
	return out
}

type sourceResolver struct {
	l *loader
	c *SourceClaim
}

func (r *sourceResolver) Doc(ctx context.Context) (*documentResolver, error) {
	d, err := r.l.document(ctx, r.c.Doc)
	if err != nil {
		return nil, err
	}
	if d == nil {
		d = &Document{ID: r.c.Doc}
	}
	return &documentResolver{d: d}, nil
}
func (r *sourceResolver) Title() *string   { return opt(r.c.Title) }
func (r *sourceResolver) URL() *string     { return opt(r.c.URL) }
func (r *sourceResolver) Source() *string  { return opt(r.c.Source) }
func (r *sourceResolver) Published() *Date { return datePtr(&r.c.Published) }
func (r *sourceResolver) Killed() *int32   { return int32p(r.c.Killed) }
func (r *sourceResolver) Injured() *int32  { return int32p(r.c.Injured) }
func (r *sourceResolver) Date() *Date      { return datePtr(r.c.Date) }
func (r *sourceResolver) Evidence(ctx context.Context) ([]*evidenceResolver, error) {
	return evidence(r.c.Evidence), live(ctx)
}

type evidenceResolver struct{ s Span }

func (r *evidenceResolver) Sentence() int32 { return int32(r.s.Sentence) }
func (r *evidenceResolver) Start() int32    { return int32(r.s.Start) }
func (r *evidenceResolver) End() int32      { return int32(r.s.End) }
func (r *evidenceResolver) Text() string    { return r.s.Text }

// Entity: the reference an event gives is enough for id, name and class;
// the rest is read on demand.

type entityResolver struct {
	l    *loader
	ref  Ref
	mu   sync.Mutex
	full *EntityInfo
}

func (r *entityResolver) load(ctx context.Context) (*EntityInfo, error) {
	if err := live(ctx); err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.full != nil {
		return r.full, nil
	}
	e, err := r.l.entity(ctx, r.ref.ID)
	if errors.Is(err, ErrNotFound) {
		e = &EntityInfo{ID: r.ref.ID, Name: r.ref.Name, Class: r.ref.Class, Country: r.ref.Country,
			Aliases: []string{}, Documents: []string{}}
		err = nil
	}
	if err != nil {
		return nil, err
	}
	r.full = e
	return e, nil
}

func (r *entityResolver) ID() graphql.ID { return graphql.ID(r.ref.ID) }

func (r *entityResolver) Name(ctx context.Context) (string, error) {
	if r.ref.Name != "" {
		return r.ref.Name, nil
	}
	e, err := r.load(ctx)
	if err != nil {
		return "", err
	}
	return e.Name, nil
}

func (r *entityResolver) Class(ctx context.Context) (string, error) {
	if r.ref.Class != "" {
		return enumValue(entityClassNames, r.ref.Class), nil
	}
	e, err := r.load(ctx)
	if err != nil {
		return "", err
	}
	return enumValue(entityClassNames, e.Class), nil
}

func (r *entityResolver) Aliases(ctx context.Context) ([]string, error) {
	e, err := r.load(ctx)
	if err != nil {
		return nil, err
	}
	return nonNil(e.Aliases), nil
}

func (r *entityResolver) Country(ctx context.Context) (*string, error) {
	e, err := r.load(ctx)
	if err != nil {
		return nil, err
	}
	return opt(e.Country), nil
}

func (r *entityResolver) Wikidata(ctx context.Context) (*string, error) {
	e, err := r.load(ctx)
	if err != nil {
		return nil, err
	}
	return opt(e.Wikidata), nil
}

func (r *entityResolver) Lat(ctx context.Context) (*float64, error) {
	if r.ref.Lat != nil {
		return r.ref.Lat, nil
	}
	e, err := r.load(ctx)
	if err != nil {
		return nil, err
	}
	return e.Lat, nil
}

func (r *entityResolver) Lon(ctx context.Context) (*float64, error) {
	if r.ref.Lon != nil {
		return r.ref.Lon, nil
	}
	e, err := r.load(ctx)
	if err != nil {
		return nil, err
	}
	return e.Lon, nil
}

func (r *entityResolver) LocatedIn(ctx context.Context) ([]*entityResolver, error) {
	e, err := r.load(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*entityResolver, len(e.LocatedIn))
	for i, ref := range e.LocatedIn {
		out[i] = &entityResolver{l: r.l, ref: ref}
	}
	return out, nil
}

func (r *entityResolver) Events(ctx context.Context) ([]*eventResolver, error) {
	evs, err := r.l.eventsOf(ctx, r.ref.ID)
	if err != nil {
		return nil, err
	}
	out := make([]*eventResolver, len(evs))
	for i := range evs {
		out[i] = &eventResolver{l: r.l, e: &evs[i]}
	}
	return out, nil
}

func (r *entityResolver) Documents(ctx context.Context) ([]*documentResolver, error) {
	e, err := r.load(ctx)
	if err != nil {
		return nil, err
	}
	out := []*documentResolver{}
	for _, id := range e.Documents {
		if err := live(ctx); err != nil {
			return nil, err
		}
		d, err := r.l.document(ctx, id)
		if err != nil {
			return nil, err
		}
		if d == nil {
			d = &Document{ID: id}
		}
		out = append(out, &documentResolver{d: d})
	}
	return out, nil
}

type documentResolver struct{ d *Document }

func (r *documentResolver) ID() graphql.ID   { return graphql.ID(r.d.ID) }
func (r *documentResolver) IRI() string      { return r.d.IRI }
func (r *documentResolver) Title() *string   { return opt(r.d.Title) }
func (r *documentResolver) URL() *string     { return opt(r.d.URL) }
func (r *documentResolver) Published() *Date { return datePtr(&r.d.Published) }
func (r *documentResolver) Source() *string  { return opt(r.d.Source) }

type statsResolver struct{ st graph.Stats }

type countResolver struct {
	name  string
	count int64
}

func (c countResolver) Name() string { return c.name }
func (c countResolver) Count() int32 { return int32(c.count) }

func (s *statsResolver) Documents() int32          { return int32(s.st.Documents) }
func (s *statsResolver) Reports() int32            { return int32(s.st.Reports) }
func (s *statsResolver) Statements() int32         { return int32(s.st.Statements) }
func (s *statsResolver) Quads() int32              { return int32(s.st.Quads) }
func (s *statsResolver) Entities() []countResolver { return counts(s.st.Entities) }
func (s *statsResolver) Events() []countResolver   { return counts(s.st.Events) }

func counts(m map[string]int64) []countResolver {
	out := make([]countResolver, 0, len(m))
	for k, v := range m {
		out = append(out, countResolver{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}
