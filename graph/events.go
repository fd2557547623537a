package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// Listing fused events a page at a time.
//
// A listing is ordered by the events' fused dates (ng:date labelled
// schema.FusedGraph, one per dated event): the oldest or the newest first,
// undated events last, ties by IRI. That order is known from the event
// nodes and their fused dates alone, read with index scans (the instances
// of the class, and the fused dates, one scan of the date predicate), so a
// listing reads in full (reports, evidence, entities) only the events it
// yields and the ones its filter rejects on the way: a first page of N
// reads N events however large the store.

// ErrNotListed is returned for an EventFilter.After that names no event of
// the listing.
var ErrNotListed = errors.New("graph: events: the event to start after is not in this listing")

// smallListing is the number of events up to which a listing reads each
// event's fused date on its own rather than scanning every fused date.
const smallListing = 256

// eventKey is an event's place in a listing.
type eventKey struct {
	iri  quad.IRI
	date string // fused, "" when undated
}

// EachEvent calls fn with each fused event f selects, in f's order, until fn
// returns false or f.Limit events were given; it reads only those events
// and the ones the filter rejects before them. fn must not write to s. It
// stops with the context's error (wrapped) as soon as the context ends.
func (s *Store) EachEvent(ctx context.Context, f EventFilter, fn func(extract.Event) bool) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := newReader(ctx, s)
	// one read transaction for the listing, where the backend has them:
	// a listing reads one row, or one event, after another
	r.v.share()
	defer r.v.release()
	if s.calendar && f.Involves == "" {
		return r.eachDated(f, fn)
	}
	if f.Cursor != "" {
		pos, err := parseCursor(f.Cursor)
		if err != nil {
			return err
		}
		f.After = string(pos.iri)
	}
	keys, err := r.listing(f)
	if err != nil {
		return err
	}
	given := 0
	for _, k := range keys {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("graph: events: %w", err)
		}
		ev, err := r.event(k.iri)
		if err != nil {
			return err
		}
		// Cayley's iterators stop quietly when the context ends: an
		// event read past it would be partial.
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("graph: events: %w", err)
		}
		if ev == nil || !r.keep(ev, f) {
			continue
		}
		if !fn(ev.Event) {
			return nil
		}
		if given++; f.Limit > 0 && given >= f.Limit {
			return nil
		}
	}
	return r.err
}

// CountEvents counts the events f selects (f.After and f.Limit aside).
// Without an actor, place or entity to match, it reads no event in full:
// an event is counted when one of its reports names its document, as
// EachEvent lists it.
func (s *Store) CountEvents(ctx context.Context, f EventFilter) (int, error) {
	f.After, f.Cursor, f.Limit = "", "", 0
	if f.Actor != "" || f.Place != "" || f.Involves != "" {
		n := 0
		err := s.EachEvent(ctx, f, func(extract.Event) bool { n++; return true })
		return n, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := newReader(ctx, s)
	keys, err := r.listing(f)
	if err != nil {
		return 0, err
	}
	listed, err := r.reported(keys)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, k := range keys {
		if listed(k.iri) {
			n++
		}
	}
	return n, nil
}

// reported returns whether each event of keys has a report that names its
// document (EachEvent lists only those): a few events are looked up one by
// one; for many, the reports and their documents are read with one scan
// of each predicate.
func (r *reader) reported(keys []eventKey) (func(quad.IRI) bool, error) {
	v := r.s.view(r.ctx, nil)
	if len(keys) <= smallListing || !v.scansPredicates() {
		set := map[quad.IRI]bool{}
		for _, k := range keys {
			if err := r.ctx.Err(); err != nil {
				return nil, fmt.Errorf("graph: events: %w", err)
			}
			ok, err := reported(v, k.iri)
			if err != nil {
				return nil, err
			}
			set[k.iri] = ok
		}
		return func(e quad.IRI) bool { return set[e] }, nil
	}
	byDoc := map[quad.Value]bool{}
	if err := v.labelled(schema.ReportedBy, nil, func(q quad.Quad) { byDoc[q.Subject] = true }); err != nil {
		return nil, err
	}
	set := map[quad.IRI]bool{}
	err := v.labelled(schema.ReportOf, nil, func(q quad.Quad) {
		if e, ok := q.Object.(quad.IRI); ok && byDoc[q.Subject] {
			set[e] = true
		}
	})
	if err == nil {
		err = r.ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("graph: events: %w", err)
	}
	return func(e quad.IRI) bool { return set[e] }, nil
}

// reported tells whether one of event e's reports names its document.
func reported(v *view, e quad.IRI) (bool, error) {
	reports, err := v.in(e, schema.ReportOf)
	if err != nil {
		return false, err
	}
	for _, rep := range reports {
		docs, err := v.out(rep, schema.ReportedBy)
		if err != nil || len(docs) > 0 {
			return err == nil, err
		}
	}
	return false, nil
}

// Event reads the fused event with IRI iri; nil if the store holds no such
// event (or none of its reports is left).
func (s *Store) Event(ctx context.Context, iri string) (*extract.Event, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := newReader(ctx, s)
	ok, err := s.view(ctx, nil).has(quad.IRI(iri), schema.Type, schema.Event)
	if err != nil || !ok {
		return nil, err
	}
	ev, err := r.event(quad.IRI(iri))
	if err == nil {
		err = r.err
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("graph: event: %w", err)
	}
	if ev == nil {
		return nil, nil
	}
	return &ev.Event, nil
}

// EventReads is the number of event nodes read in full since the store was
// opened: what a listing costs, for tests and measurements.
func (s *Store) EventReads() int64 { return s.eventReads.Load() }

// listing returns the events f may select, in f's order, after f.After:
// the instances of f's type (of schema.Event without one), those involving
// f.Involves, with a date within f.Since and f.Until.
func (r *reader) listing(f EventFilter) ([]eventKey, error) {
	if (f.Since != "" && !validDate(f.Since)) || (f.Until != "" && !validDate(f.Until)) {
		return nil, fmt.Errorf("graph: events: since/until must be ISO dates, got %q, %q", f.Since, f.Until)
	}
	class := schema.Event
	if f.Type != "" {
		typ, _, err := schema.EventClass(f.Type)
		if err != nil {
			return nil, fmt.Errorf("graph: events: %w", err)
		}
		class = typ
	}
	var keys []eventKey
	var err error
	if f.Involves == "" {
		keys, err = r.ordered(class, f.NewestFirst)
	} else {
		keys, err = r.involving(class, f.Involves, f.NewestFirst)
	}
	if err != nil {
		return nil, err
	}
	if f.Since != "" || f.Until != "" {
		within := make([]eventKey, 0, len(keys))
		for _, k := range keys {
			if withinDates(k.date, f) {
				within = append(within, k)
			}
		}
		keys = within
	}
	if f.After == "" {
		return keys, nil
	}
	for i, k := range keys {
		if string(k.iri) == f.After {
			return keys[i+1:], nil
		}
	}
	return nil, fmt.Errorf("%w: %s", ErrNotListed, f.After)
}

// involving lists the events of class that name entity as actor, agent,
// target, place or country, in listing order.
func (r *reader) involving(class quad.IRI, entity string, newest bool) ([]eventKey, error) {
	v := r.s.view(r.ctx, nil)
	subjects, err := v.in(quad.IRI(entity), schema.Actor, schema.Agent, schema.Target, schema.PlaceOf, schema.EventCountry)
	if err != nil {
		return nil, err
	}
	var iris []quad.IRI
	for _, s := range subjects {
		iri, ok := s.(quad.IRI)
		if !ok {
			continue
		}
		if err := r.ctx.Err(); err != nil {
			return nil, fmt.Errorf("graph: events: %w", err)
		}
		if ok, err := v.has(iri, schema.Type, class); err != nil {
			return nil, err
		} else if ok {
			iris = append(iris, iri)
		}
	}
	keys, err := r.keyed(iris)
	if err != nil {
		return nil, err
	}
	sortKeys(keys, newest)
	return keys, nil
}

// datesOf returns the fused dates of events: each event's own for a few,
// one scan of every fused date for many.
func (r *reader) datesOf(events []quad.IRI) (map[quad.IRI]string, error) {
	fused := schema.FusedGraph(r.s.base)
	v := r.s.view(r.ctx, nil)
	out := make(map[quad.IRI]string, len(events))
	keep := func(q quad.Quad) {
		if iri, ok := q.Subject.(quad.IRI); ok && q.Label == fused {
			out[iri] = schema.TextOf(q.Object)
		}
	}
	if len(events) > smallListing && v.scansPredicates() {
		return out, v.labelled(schema.Date, fused, keep)
	}
	for _, e := range events {
		if err := r.ctx.Err(); err != nil {
			return nil, fmt.Errorf("graph: events: %w", err)
		}
		if err := v.each(quad.Subject, e, schema.Date, keep); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// sortKeys orders a listing: by date (the newest or the oldest first),
// undated last, ties by IRI.
func sortKeys(keys []eventKey, newest bool) {
	sort.Slice(keys, func(i, j int) bool {
		di, dj := keys[i].date, keys[j].date
		if (di == "") != (dj == "") {
			return di != ""
		}
		if di != dj {
			return (di < dj) != newest
		}
		return keys[i].iri < keys[j].iri
	})
}

// withinDates applies f's since and until to an event's fused date.
func withinDates(date string, f EventFilter) bool {
	if f.Since == "" && f.Until == "" {
		return true
	}
	from, to, ok := dateSpan(date)
	if !ok {
		return false
	}
	if f.Since != "" {
		if sf, _, _ := dateSpan(f.Since); to.Before(sf) {
			return false
		}
	}
	if f.Until != "" {
		if _, ut, _ := dateSpan(f.Until); from.After(ut) {
			return false
		}
	}
	return true
}

// involves tells whether entity iri is one of e's actors, agents, targets
// or places, or its country.
func (e *fusedEvent) involves(iri string) bool {
	for _, refs := range [][]extract.Ref{e.Actors, e.Agents, e.Targets, e.Places} {
		for _, ref := range refs {
			if ref.ID == iri {
				return true
			}
		}
	}
	return e.Country != nil && e.Country.ID == iri
}

// listingCache keeps the ordered events of each class while the store is
// unchanged: a backend with versions (storage.Store.Version; the single
// file's change with every write, through newsgraph's writer or Cayley's)
// lets a listing whose version still matches read neither the instances
// nor the dates again. The other backends can be written by other
// processes without a version to read; they scan at every listing.
type listingCache struct {
	mu       sync.Mutex
	version  string
	lists    map[listingKey][]eventKey
	entities map[quad.IRI]*entityInfo // as events show them (reader.entity)
}

// maxCachedEntities bounds the entities kept: a full cache is emptied.
const maxCachedEntities = 1 << 16

type listingKey struct {
	class  quad.IRI
	newest bool
}

// get returns the cached listing of k at version, if there is one.
func (c *listingCache) get(version string, k listingKey) ([]eventKey, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version {
		return nil, false
	}
	keys, ok := c.lists[k]
	return keys, ok
}

// put keeps keys as the listing of k at version (a listing read when the
// version was read, or later); listings of another version are dropped.
func (c *listingCache) put(version string, k listingKey, keys []eventKey) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.renew(version)
	c.lists[k] = keys
}

// renew empties the cache if it holds another version than version.
func (c *listingCache) renew(version string) {
	if c.version != version || c.lists == nil {
		c.version, c.lists, c.entities = version, map[listingKey][]eventKey{}, map[quad.IRI]*entityInfo{}
	}
}

// entity returns the cached entity iri at version, if there is one.
func (c *listingCache) entity(version string, iri quad.IRI) (*entityInfo, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version {
		return nil, false
	}
	e, ok := c.entities[iri]
	return e, ok
}

// putEntity keeps e, read at version or later; it must not change after.
func (c *listingCache) putEntity(version string, iri quad.IRI, e *entityInfo) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.renew(version)
	if len(c.entities) >= maxCachedEntities {
		c.entities = map[quad.IRI]*entityInfo{}
	}
	c.entities[iri] = e
}

// ordered returns the events of class in listing order, from the cache
// when the store is unchanged since it was filled. The slice is shared:
// callers must not change it.
func (r *reader) ordered(class quad.IRI, newest bool) ([]eventKey, error) {
	k := listingKey{class, newest}
	version, versioned, err := r.s.st.Version()
	if err != nil {
		return nil, fmt.Errorf("graph: events: %w", err)
	}
	if versioned {
		r.version = version
		if keys, ok := r.s.listings.get(version, k); ok {
			return keys, nil
		}
	}
	iris, err := r.instances(class)
	if err != nil {
		return nil, err
	}
	keys, err := r.keyed(iris)
	if err != nil {
		return nil, err
	}
	sortKeys(keys, newest)
	if err := r.ctx.Err(); err != nil {
		return nil, fmt.Errorf("graph: events: %w", err)
	}
	if versioned {
		r.s.listings.put(version, k, keys)
	}
	return keys, nil
}

// keyed returns the listing keys of events, in their order.
func (r *reader) keyed(iris []quad.IRI) ([]eventKey, error) {
	dates, err := r.datesOf(iris)
	if err != nil {
		return nil, err
	}
	keys := make([]eventKey, len(iris))
	for i, iri := range iris {
		keys[i] = eventKey{iri, dates[iri]}
	}
	return keys, nil
}
