package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph/internal/storage"
	"github.com/newsgraph/newsgraph/schema"
)

// EventFilter selects fused events. Empty fields select everything.
type EventFilter struct {
	// Type is an event type ("Attack"), matched case-insensitively.
	Type string
	// Actor matches an actor or agent by name or alias, case-insensitively
	// (or by IRI).
	Actor string
	// Place matches by containment: an event placed in a village matches
	// the village's province and country, by name or alias,
	// case-insensitively (or by IRI).
	Place string
	// Since and Until bound the event's date (ISO, inclusive). Events
	// without a date are left out when either is set.
	Since, Until string
	// Limit caps the number of events returned (0: no cap).
	Limit int
	// NewestFirst orders the events the newest first (undated ones
	// still last); the default is the oldest first.
	NewestFirst bool
	// After is the IRI of an event of the listing: the listing starts
	// just after it (ErrNotListed if it is not in the listing).
	After string
	// Cursor is the place of an event in a listing, from EventCursor:
	// the listing starts just after it, whether or not the event is
	// still stored (ErrBadCursor for a string EventCursor did not
	// make). It takes precedence over After.
	Cursor string
	// Involves is an entity IRI: only the events it takes part in (as
	// actor, agent or target) or that took place in it (as place or
	// country) are selected.
	Involves string
}

// Events returns the fused events that match f, ordered by date (the
// oldest or, with f.NewestFirst, the newest first; undated last; ties by
// IRI), each with one SourceClaim per document that reports it. Killed and
// Injured are the lowest figures any report gives, KilledMax and
// InjuredMax the highest where they differ; Evidence is that of the first
// source. With f.Limit it reads only the events it returns and those the
// filter rejects before them (see EachEvent).
func (s *Store) Events(ctx context.Context, f EventFilter) ([]extract.Event, error) {
	var events []extract.Event
	err := s.EachEvent(ctx, f, func(e extract.Event) bool {
		events = append(events, e)
		return true
	})
	if err != nil {
		return nil, err
	}
	return events, nil
}

func validDate(s string) bool {
	_, _, ok := dateSpan(s)
	return ok
}

// fusedEvent is an event as read back, with what filters need.
type fusedEvent struct {
	extract.Event
	date       string
	doers      []quad.IRI // actors and agents
	placements []quad.IRI // places and country
}

// entityInfo is what Events shows of an entity.
type entityInfo struct {
	ref   extract.Ref
	names []string // name and aliases, lower case
}

// reader reads fused events, caching entities and documents.
type reader struct {
	ctx      context.Context
	s        *Store
	entities map[quad.IRI]*entityInfo
	docs     map[quad.Value]*citation
	fuser    *fuser // for containment
	v        *view  // every read, through what was read ahead (prefetch)
	err      error
	// version is that of the store when a listing read it, where the
	// backend has versions (see listingCache): entities are then shared with later readers of the
	// same version.
	version string
	// full reads every event in full, not from its row (rows.go).
	full bool
	// rows holds the rows read ahead (prefetch), by event.
	rows map[quad.IRI]*eventRow
	// column, where not nil, holds the row literal of every event not
	// yet read (readRows); an event missing from it has no row.
	column map[quad.Value]quad.Value
	// names holds the names of the countries entities belong to.
	names map[quad.IRI]string
}

func newReader(ctx context.Context, s *Store) *reader {
	v := s.view(ctx, nil)
	if b, ok := v.r.(storage.Batcher); ok && !s.rowByRow {
		v.pre = newPrefetched(b)
	}
	return &reader{ctx: ctx, s: s, entities: map[quad.IRI]*entityInfo{}, docs: map[quad.Value]*citation{},
		fuser: newFuser(v, s, ""), v: v, rows: map[quad.IRI]*eventRow{}, names: map[quad.IRI]string{}}
}

// instances lists the distinct nodes of a class.
func (r *reader) instances(class quad.IRI) ([]quad.IRI, error) {
	var out []quad.IRI
	err := path.StartPath(r.s.qs, class).In(schema.Type).Unique().Iterate(r.ctx).
		EachValue(r.s.qs, func(v quad.Value) {
			if iri, ok := v.(quad.IRI); ok {
				out = append(out, iri)
			}
		})
	return out, err
}

// values returns the distinct objects of subj's pred facts, those more
// documents state first, then in lexical order.
func (r *reader) values(subj quad.Value, pred quad.IRI) []quad.Value {
	var facts []quad.Quad
	// by subject and predicate: an entity named in thousands of
	// documents has thousands of other (mentionedIn) quads
	err := r.v.each(quad.Subject, subj, pred, func(q quad.Quad) {
		facts = append(facts, q)
	})
	if err != nil && r.err == nil {
		r.err = err
	}
	return r.ranked(facts)
}

// ranked returns the distinct objects of facts (quads of one subject and
// predicate), those more documents state first, then in lexical order.
func (r *reader) ranked(facts []quad.Quad) []quad.Value {
	out, count := r.rank(facts)
	if len(out) < 2 {
		return out // one fact, or none: nothing to order
	}
	slices.SortStableFunc(out, func(a, b quad.Value) int {
		if count[a] != count[b] {
			return cmp.Compare(count[b], count[a])
		}
		return strings.Compare(a.String(), b.String())
	})
	return out
}

// rank returns the distinct objects of facts (quads of one subject and
// predicate) in the order first seen, and, where there are several, how
// many documents state each: its labels and its supporters in the
// support index.
func (r *reader) rank(facts []quad.Quad) ([]quad.Value, map[quad.Value]int) {
	if one(facts) {
		return []quad.Value{facts[0].Object}, nil // nothing to count
	}
	docs := map[quad.Value]map[quad.Value]bool{}
	var out []quad.Value
	for _, q := range facts {
		if docs[q.Object] == nil {
			docs[q.Object] = map[quad.Value]bool{}
			out = append(out, q.Object)
		}
		if q.Label != nil {
			docs[q.Object][q.Label] = true
		}
	}
	count := make(map[quad.Value]int, len(out))
	if len(out) < 2 {
		return out, count
	}
	for _, q := range facts {
		for _, d := range r.fuser.support(q) {
			docs[q.Object][d] = true
		}
	}
	if r.fuser.err != nil && r.err == nil {
		r.err = r.fuser.err
	}
	for v, set := range docs {
		count[v] = len(set)
	}
	return out, count
}

// one tells whether facts hold one object, however many times (most
// facts: one name, one class).
func one(facts []quad.Quad) bool {
	if len(facts) == 0 {
		return false
	}
	for _, q := range facts[1:] {
		if q.Object != facts[0].Object {
			return false
		}
	}
	return true
}

func (r *reader) text(subj quad.Value, pred quad.IRI) string {
	if vs := r.values(subj, pred); len(vs) > 0 {
		return schema.TextOf(vs[0])
	}
	return ""
}

func (r *reader) entity(iri quad.IRI) *entityInfo {
	if e, ok := r.entities[iri]; ok {
		return e
	}
	if r.version != "" {
		if e, ok := r.s.listings.entity(r.version, iri); ok {
			r.entities[iri] = e
			return e
		}
	}
	e := r.readEntity(iri)
	r.entities[iri] = e
	if r.version != "" && r.err == nil && r.ctx.Err() == nil {
		r.s.listings.putEntity(r.version, iri, e)
	}
	return e
}

// readEntity reads what events show of entity iri.
func (r *reader) readEntity(iri quad.IRI) *entityInfo {
	var facts entityFactSet
	r.entityFacts(iri, &facts)
	e := &entityInfo{ref: extract.Ref{ID: string(iri)}}
	e.ref.Name = firstText(r.ranked(facts[factName]))
	// every entity is an ng:Entity, which the class passes over: ranked
	// without it, an entity of one class has nothing to count (the
	// others' order does not depend on it)
	for _, c := range r.ranked(without(facts[factType], schema.Entity)) {
		if c, ok := c.(quad.IRI); ok {
			e.ref.Class = schema.LocalName(c)
			break
		}
	}
	if vs := r.ranked(facts[factCountry]); len(vs) > 0 {
		if c, ok := vs[0].(quad.IRI); ok {
			e.ref.Country = r.name(c)
		} else {
			e.ref.Country = schema.TextOf(vs[0])
		}
	}
	e.ref.Lat, e.ref.Lon = decimalOf(r.ranked(facts[factLat])), decimalOf(r.ranked(facts[factLon]))
	// the aliases are a set (matchesName): not ranked by support
	aliases := map[quad.Value]bool{}
	names := []string{e.ref.Name}
	for _, q := range facts[factAlias] {
		if !aliases[q.Object] {
			aliases[q.Object] = true
			names = append(names, schema.TextOf(q.Object))
		}
	}
	for _, n := range names {
		if n != "" {
			e.names = append(e.names, strings.ToLower(n))
		}
	}
	return e
}

// entityFactSet holds the facts of an entity readEntity reads, by
// predicate: entityPreds' order (factName, ...).
type entityFactSet [len(entityPredArray)][]quad.Quad

// The places of entityPreds in an entityFactSet.
const (
	factName = iota
	factType
	factCountry
	factLat
	factLon
	factAlias
)

// entityFact is the place of predicate p in an entityFactSet, -1 for
// another predicate.
func entityFact(p quad.Value) int {
	for i, q := range entityPreds {
		if p == q {
			return i
		}
	}
	return -1
}

// entityFacts reads the facts of entity iri that events show into out,
// by predicate (entityPreds): where the reader reads ahead, each
// predicate from what was read; otherwise with one scan of the entity's
// quads of those predicates (view.only: the others, its relations and
// the documents that name it, passed over unread).
func (r *reader) entityFacts(iri quad.IRI, out *entityFactSet) {
	keep := func(q quad.Quad) {
		if i := entityFact(q.Predicate); i >= 0 {
			out[i] = append(out[i], q)
		}
	}
	if err := r.v.only(iri, entityPreds, keep); err != nil && r.err == nil {
		r.err = err
	}
}

// without returns facts but those whose object is obj, in their order.
func without(facts []quad.Quad, obj quad.Value) []quad.Quad {
	out := make([]quad.Quad, 0, len(facts))
	for _, q := range facts {
		if q.Object != obj {
			out = append(out, q)
		}
	}
	return out
}

// name is the name of entity iri (reader.text), cached.
func (r *reader) name(iri quad.IRI) string {
	if n, ok := r.names[iri]; ok {
		return n
	}
	n := r.text(iri, schema.Name)
	r.names[iri] = n
	return n
}

func firstText(vs []quad.Value) string {
	if len(vs) > 0 {
		return schema.TextOf(vs[0])
	}
	return ""
}

// decimalOf is the first of vs that is a number (a coordinate); nil
// when none is.
func decimalOf(vs []quad.Value) *float64 {
	for _, v := range vs {
		if f, ok := schema.DecimalOf(v); ok {
			return &f
		}
	}
	return nil
}

func textsOf(vs []quad.Value) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = schema.TextOf(v)
	}
	return out
}

// matchesName tells whether entity iri is called name (or is name).
func (r *reader) matchesName(iri quad.IRI, name string) bool {
	if string(iri) == name {
		return true
	}
	name = strings.ToLower(strings.TrimSpace(name))
	for _, n := range r.entity(iri).names {
		if n == name {
			return true
		}
	}
	return false
}

func (r *reader) refs(iris []quad.IRI) []extract.Ref {
	out := make([]extract.Ref, 0, len(iris))
	for _, iri := range iris {
		out = append(out, r.entity(iri).ref)
	}
	if len(out) < 2 {
		return out
	}
	slices.SortStableFunc(out, func(a, b extract.Ref) int {
		if a.Name != b.Name {
			return strings.Compare(a.Name, b.Name)
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// citation is what a source claim shows of its document: its identifier,
// and the title, URL, outlet and publication date the input gave it.
type citation struct {
	id, title, url, source, published string
}

// cite reads what a source claim shows of a document node, one read of
// its facts, cached.
func (r *reader) cite(doc quad.Value) *citation {
	if c, ok := r.docs[doc]; ok {
		return c
	}
	c := &citation{}
	if err := r.v.subject(doc, func(q quad.Quad) { c.set(q) }); err != nil && r.err == nil {
		r.err = err
	}
	if c.id == "" {
		c.id = schema.TextOf(doc)
	}
	r.docs[doc] = c
	return c
}

// set keeps the object of a document fact the citation shows (the first
// of each).
func (c *citation) set(q quad.Quad) {
	var dst *string
	switch q.Predicate {
	case schema.Identifier:
		dst = &c.id
	case schema.Title:
		dst = &c.title
	case schema.URL:
		dst = &c.url
	case schema.Source:
		dst = &c.source
	case schema.Published:
		dst = &c.published
	default:
		return
	}
	if *dst == "" {
		*dst = schema.TextOf(q.Object)
	}
}

// claim fills the citation fields of a source claim.
func (c *citation) claim(sc *extract.SourceClaim) {
	sc.Doc, sc.Title, sc.URL, sc.Source, sc.Published = c.id, c.title, c.url, c.source, c.published
}

// event reads one fused event node; nil if it has no reports left: from
// its listing row where it has one (rows.go), else in full.
func (r *reader) event(iri quad.IRI) (*fusedEvent, error) {
	return r.eventOf(iri, "")
}

// eventOf is event, nil also where class is not "" and the event is not
// of class.
func (r *reader) eventOf(iri quad.IRI, class quad.IRI) (*fusedEvent, error) {
	if !r.full && !r.s.fullReads {
		row, ok, err := r.storedRow(iri)
		if err != nil {
			return nil, err
		}
		delete(r.rows, iri)
		if ok {
			if class != "" && row.Type != schema.LocalName(class) {
				return nil, nil
			}
			r.s.eventReads.Add(1)
			return r.show(iri, row)
		}
	}
	if class != "" {
		if ok, err := r.v.has(iri, schema.Type, class); err != nil || !ok {
			return nil, err
		}
	}
	r.s.eventReads.Add(1)
	row, err := r.collect(iri)
	if err != nil || row == nil {
		return nil, err
	}
	return r.show(iri, row)
}

// sources reads the reports of an event into its row: one source per
// document.
func (r *reader) sources(iri quad.IRI, row *eventRow) error {
	reports, err := r.v.in(iri, schema.ReportOf)
	if err != nil {
		return err
	}
	type claim struct {
		extract.SourceClaim
		dateText   string
		confidence float64
		report     string
	}
	byDoc := map[string]*claim{}
	for _, rep := range reports {
		c := &claim{report: schema.TextOf(rep)}
		var evidence []quad.Value
		var take func(q quad.Quad)
		take = func(q quad.Quad) {
			switch q.Predicate {
			case schema.ReportedBy:
				r.cite(q.Object).claim(&c.SourceClaim)
			case schema.Killed:
				c.Killed = intOf(q.Object)
			case schema.Injured:
				c.Injured = intOf(q.Object)
			case schema.Date:
				d := schema.TextOf(q.Object)
				c.Date = &d
			case schema.DateText:
				c.dateText = schema.TextOf(q.Object)
			case schema.Confidence:
				c.confidence, _ = schema.DecimalOf(q.Object)
			case schema.EvidenceOf:
				evidence = append(evidence, q.Object)
			case schema.DetailsOf:
				details, _ := schema.DetailQuads(q)
				for _, d := range details {
					take(d)
				}
			}
		}
		err := r.v.subject(rep, take)
		if err != nil {
			return err
		}
		if c.Doc == "" {
			continue
		}
		for _, e := range evidence {
			sp, err := r.span(e)
			if err != nil {
				return err
			}
			c.Evidence = append(c.Evidence, sp)
		}
		sortSpans(c.Evidence)
		prev, ok := byDoc[c.Doc]
		if !ok {
			byDoc[c.Doc] = c
			continue
		}
		// Two reports of one document fused into one event: one claim,
		// the earlier report first.
		first, second := prev, c
		if c.report < prev.report {
			first, second = c, prev
		}
		if first.Killed == nil {
			first.Killed = second.Killed
		}
		if first.Injured == nil {
			first.Injured = second.Injured
		}
		if first.Date == nil {
			first.Date = second.Date
		}
		if first.dateText == "" {
			first.dateText = second.dateText
		}
		if second.confidence > first.confidence {
			first.confidence = second.confidence
		}
		first.Evidence = append(first.Evidence, second.Evidence...)
		byDoc[c.Doc] = first
	}
	docs := make([]string, 0, len(byDoc))
	for d := range byDoc {
		docs = append(docs, d)
	}
	sort.Strings(docs)
	for _, d := range docs {
		c := byDoc[d]
		row.Sources = append(row.Sources, rowSourceOf(c.SourceClaim))
		if c.confidence > row.Confidence {
			row.Confidence = c.confidence
		}
		if row.DateText == nil && c.dateText != "" && c.Date != nil && row.Date != "" && *c.Date == row.Date {
			t := c.dateText
			row.DateText = &t
		}
	}
	return nil
}

// sortSpans orders the evidence spans of a report by where they start,
// then end, sentence and text: the same order however the store lists
// them.
func sortSpans(spans []extract.Span) {
	sort.Slice(spans, func(i, j int) bool {
		a, b := spans[i], spans[j]
		switch {
		case a.Start != b.Start:
			return a.Start < b.Start
		case a.End != b.End:
			return a.End < b.End
		case a.Sentence != b.Sentence:
			return a.Sentence < b.Sentence
		}
		return a.Text < b.Text
	})
}

// span reads an evidence span: a literal (schema.EvidenceSpan), or the
// node of a store written before evidence was a literal (ng:text,
// ng:sentence, ng:start, ng:end).
func (r *reader) span(e quad.Value) (extract.Span, error) {
	var sp extract.Span
	if s, b, end, text, ok := schema.EvidenceSpanOf(e); ok {
		sp.Sentence, sp.Start, sp.End, sp.Text = s, b, end, text
		return sp, nil
	}
	err := r.v.subject(e, func(q quad.Quad) {
		switch q.Predicate {
		case schema.Text:
			sp.Text = schema.TextOf(q.Object)
		case schema.Sentence:
			sp.Sentence, _ = schema.IntegerOf(q.Object)
		case schema.Start:
			sp.Start, _ = schema.IntegerOf(q.Object)
		case schema.End:
			sp.End, _ = schema.IntegerOf(q.Object)
		}
	})
	return sp, err
}

// keep applies the filter's actor, place and date tests.
func (r *reader) keep(e *fusedEvent, f EventFilter) bool {
	if f.Actor != "" && !r.anyNamed(e.doers, f.Actor, false) {
		return false
	}
	if f.Place != "" && !r.anyNamed(e.placements, f.Place, true) {
		return false
	}
	if !withinDates(e.date, f) {
		return false
	}
	if f.Involves != "" && !e.involves(f.Involves) {
		return false
	}
	return true
}

// anyNamed tells whether one of iris (or, with containment, a place that
// contains one of them) is called name.
func (r *reader) anyNamed(iris []quad.IRI, name string, containment bool) bool {
	for _, iri := range iris {
		if !containment {
			if r.matchesName(iri, name) {
				return true
			}
			continue
		}
		for a := range r.fuser.ancestors(iri) {
			if r.matchesName(a, name) {
				return true
			}
		}
	}
	return false
}

// Stats counts what the store holds.
type Stats struct {
	// Documents is the number of documents.
	Documents int64 `json:"documents"`
	// Entities counts entities by class ("Country": 12); an entity typed
	// differently by two documents counts in both classes.
	Entities map[string]int64 `json:"entities"`
	// Events counts fused events by type ("Attack": 5).
	Events map[string]int64 `json:"events"`
	// Reports is the number of per-document event reports.
	Reports int64 `json:"reports"`
	// Statements is the number of reified relations.
	Statements int64 `json:"statements"`
	// Quads is the number of quads in the store.
	Quads int64 `json:"quads"`
}

// SpanLookup reads the evidence spans the reports of a document list in
// their details literals, by reference, for schema.Expander: what a
// document's relations literal writes as references. ok is false if the
// store cannot be read.
func (s *Store) SpanLookup(ctx context.Context) schema.SpanLookup {
	return func(doc quad.IRI) (map[string]quad.Value, bool) {
		s.mu.RLock()
		defer s.mu.RUnlock()
		v := s.view(ctx, nil)
		reports, err := v.in(doc, schema.ReportedBy)
		if err != nil {
			return nil, false
		}
		spans := map[string]quad.Value{}
		for _, rep := range reports {
			err := v.each(quad.Subject, rep, schema.DetailsOf, func(q quad.Quad) {
				if q.Label == doc {
					schema.DetailSpans(q, spans)
				}
			})
			if err != nil {
				return nil, false
			}
		}
		return spans, true
	}
}

// listedStatements counts the reified relations listed in documents'
// relations literals (schema.RelationsValue), one literal a quad.
func (s *Store) listedStatements(ctx context.Context) (int64, error) {
	ref := s.qs.ValueOf(schema.RelationsOf)
	if ref == nil {
		return 0, nil
	}
	it := s.qs.QuadIterator(quad.Predicate, ref)
	defer it.Close()
	var n int64
	for it.Next(ctx) {
		if sts, ok := schema.RelationsIn(s.base, s.qs.Quad(it.Result()).Object); ok {
			n += int64(len(sts))
		}
	}
	return n, it.Err()
}

// Stats counts documents, entities by class, fused events by type, reports,
// relations and quads, by walking Cayley's indexes (nothing is loaded
// whole).
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	st := Stats{Entities: map[string]int64{}, Events: map[string]int64{}}
	count := func(class quad.IRI) (int64, error) {
		return path.StartPath(s.qs, class).In(schema.Type).Unique().Iterate(ctx).Count()
	}
	var err error
	// Documents, reports and statements have no rdf:type quad: they are
	// the subjects of ng:identifier, ng:reportOf and rdf:subject.
	subjects := func(pred quad.IRI) (int64, error) {
		return path.StartPath(s.qs).Has(pred).Unique().Iterate(ctx).Count()
	}
	if st.Documents, err = subjects(schema.Identifier); err != nil {
		return st, err
	}
	if st.Reports, err = subjects(schema.ReportOf); err != nil {
		return st, err
	}
	if st.Statements, err = subjects(schema.Subject); err != nil {
		return st, err
	}
	listed, err := s.listedStatements(ctx)
	if err != nil {
		return st, err
	}
	st.Statements += listed
	for _, c := range schema.EntityClasses() {
		n, err := count(c)
		if err != nil {
			return st, err
		}
		if n > 0 {
			st.Entities[schema.LocalName(c)] = n
		}
	}
	// Event types are open (records may add new ones): read them from
	// the event nodes, whose number is modest.
	r := newReader(ctx, s)
	events, err := r.instances(schema.Event)
	if err != nil {
		return st, err
	}
	for _, e := range events {
		if err := ctx.Err(); err != nil {
			return st, fmt.Errorf("graph: stats: %w", err)
		}
		for _, t := range r.values(e, schema.Type) {
			if t, ok := t.(quad.IRI); ok && t != schema.Event {
				st.Events[schema.LocalName(t)]++
			}
		}
	}
	if r.err != nil {
		return st, r.err
	}
	gs, err := s.qs.Stats(ctx, true)
	if err != nil {
		return st, err
	}
	st.Quads = gs.Quads.Size
	return st, nil
}

// Query runs a query in Cayley's Gizmo ("gizmo") or GraphQL ("graphql")
// language and returns its results as JSON-ready values (maps, slices,
// strings, numbers): up to limit of them, or all with limit <= 0 (a
// GraphQL query has one result, its answer, whose root fields that ask
// for a page are paged as GraphQL says). IRIs are
// written in full between angle brackets, as in
// g.V("<https://newsgraph.org/id/...>").Out("<https://newsgraph.org/ns#struck>").All().
func (s *Store) Query(ctx context.Context, lang, q string, limit int) ([]interface{}, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var sess query.Session
	switch strings.ToLower(lang) {
	case "gizmo":
		sess = gizmo.NewSession(s.qs)
	case "graphql":
		return s.queryGraphQL(ctx, q)
	default:
		return nil, fmt.Errorf("graph: query: unknown language %q (want gizmo or graphql)", lang)
	}
	if limit < 0 {
		limit = 0
	}
	it, err := sess.Execute(ctx, q, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("graph: query: %w", err)
	}
	defer it.Close()
	out := []interface{}{}
	for it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, r)
			if limit > 0 && len(out) >= limit {
				break
			}
		}
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("graph: query: %w", err)
	}
	return out, nil
}

// queryGraphQL runs a GraphQL query for Query: its answer, as the one
// result, unless it is empty (as Cayley's session gives it).
func (s *Store) queryGraphQL(ctx context.Context, q string) ([]interface{}, error) {
	out, err := s.graphQL(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("graph: query: %w", err)
	}
	if len(out) == 0 {
		return []interface{}{}, nil
	}
	return []interface{}{out}, nil
}
