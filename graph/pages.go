package graph

import (
	"encoding/base64"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph/internal/storage"
	"github.com/newsgraph/newsgraph/schema"
)

// Listing events from the calendar.
//
// A store with a calendar (calendar.go) lists its events by walking it:
// the years, the newest (or oldest) first, then the months of each, then
// their days, and the events dated in each period in the order of their
// IRIs, the undated last. A listing reads only the periods and events it
// passes on its way to the end of its page, however large the store, and
// a cursor (EventCursor: an event's date and IRI) lets the next page
// start where the last ended: periods wholly before it are passed over
// unread. A cursor stays valid while the store changes: the next page
// holds the events after its place, including those written since, and
// none twice.

// ErrBadCursor is returned for an EventFilter.Cursor that EventCursor
// did not make.
var ErrBadCursor = errors.New("graph: events: invalid cursor")

// cursorPrefix starts every cursor, so that one of another kind is told
// apart.
const cursorPrefix = "ev1|"

// EventCursor returns the place of e in listings by date, for
// EventFilter.Cursor: the next listing starts just after it. It is
// opaque (URL-safe base64).
func EventCursor(e extract.Event) string {
	d := ""
	if e.Date != nil {
		d = *e.Date
	}
	return cursorAt(d, quad.IRI(e.ID))
}

// cursorAt is the cursor of the node iri dated d (a fused date, "" for
// none) in listings by date.
func cursorAt(d string, iri quad.IRI) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + calendarDate(d) + "|" + string(iri)))
}

// IsEventCursor tells whether c is a cursor EventCursor made.
func IsEventCursor(c string) bool {
	_, err := parseCursor(c)
	return err == nil
}

// position is a place in a listing: a date ("" undated) and an IRI.
type position struct {
	date string
	iri  quad.IRI
}

func parseCursor(c string) (*position, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	rest, ok := strings.CutPrefix(string(b), cursorPrefix)
	if err != nil || !ok {
		return nil, fmt.Errorf("%w %q", ErrBadCursor, c)
	}
	d, iri, ok := strings.Cut(rest, "|")
	if !ok || iri == "" || calendarDate(d) != d {
		return nil, fmt.Errorf("%w %q", ErrBadCursor, c)
	}
	return &position{date: d, iri: quad.IRI(iri)}, nil
}

// calendarDate is the calendar period of a fused date: d itself, or ""
// for what is no ISO year, month or day (the calendar files it with the
// undated events).
func calendarDate(d string) string {
	if _, ok := schema.ParentPeriod(d); !ok {
		return ""
	}
	return d
}

// calendarWalk is one listing read from the calendar.
type calendarWalk struct {
	r      *reader
	v      *view
	f      EventFilter
	class  quad.IRI // "": any event
	fn     func(extract.Event) bool
	given  int
	stop   bool
	newest bool
	// queue holds the events passed on the way, read in full together
	// (flush) where the store reads ahead in batches (prefetch.go).
	queue []quad.IRI
	// take is given the events dated in each period the walk passes
	// (after its start, in order): giveAll for a listing of events,
	// another for a page of a GraphQL query (graphqlpage.go).
	take func(d string, iris []quad.IRI) error
}

// batchSize is the number of events a listing without a limit reads
// ahead at a time.
const batchSize = 100

// eachDated lists the events f selects from the calendar, as EachEvent.
func (r *reader) eachDated(f EventFilter, fn func(extract.Event) bool) error {
	class, err := listingClass(f)
	if err != nil {
		return err
	}
	// Where the store has versions, the entities the events name are
	// shared with the later listings of the same version.
	version, versioned, err := r.s.st.Version()
	if err != nil {
		return fmt.Errorf("graph: events: %w", err)
	}
	if versioned {
		r.version = version
	}
	w := &calendarWalk{r: r, v: r.v, f: f, fn: fn, newest: f.NewestFirst}
	w.take = w.giveAll
	if class != schema.Event {
		w.class = class
	}
	start, err := w.start()
	if err != nil {
		return err
	}
	if f.Limit == 0 && f.Since == "" && f.Until == "" {
		// a full listing: every row is read
		if err := r.readRows(); err != nil {
			return err
		}
	}
	if err := w.period("", start); err != nil {
		return err
	}
	if err := w.flush(); err != nil {
		return err
	}
	if err := r.ctx.Err(); err != nil {
		return fmt.Errorf("graph: events: %w", err)
	}
	return r.err
}

// listingClass checks f's dates and returns the class of the events it
// selects.
func listingClass(f EventFilter) (quad.IRI, error) {
	if (f.Since != "" && !validDate(f.Since)) || (f.Until != "" && !validDate(f.Until)) {
		return "", fmt.Errorf("graph: events: since/until must be ISO dates, got %q, %q", f.Since, f.Until)
	}
	if f.Type == "" {
		return schema.Event, nil
	}
	typ, _, err := schema.EventClass(f.Type)
	if err != nil {
		return "", fmt.Errorf("graph: events: %w", err)
	}
	return typ, nil
}

// start is the place the listing starts after: f.Cursor's, or that of
// the event f.After names (nil: the start).
func (w *calendarWalk) start() (*position, error) {
	if w.f.Cursor != "" {
		return parseCursor(w.f.Cursor)
	}
	if w.f.After == "" {
		return nil, nil
	}
	periods, err := w.v.out(quad.IRI(w.f.After), schema.Dated)
	if err != nil {
		return nil, err
	}
	for _, p := range periods {
		if d, ok := schema.PeriodDate(w.r.s.base, p); ok {
			return &position{date: d, iri: quad.IRI(w.f.After)}, nil
		}
	}
	return nil, fmt.Errorf("%w: %s", ErrNotListed, w.f.After)
}

// follows tells whether the event iri dated d comes after pos in the
// listing.
func (w *calendarWalk) follows(d string, iri quad.IRI, pos *position) bool {
	return follows(d, iri, pos, w.newest)
}

// follows tells whether the node iri dated d ("": undated) comes after
// pos in a listing by date, the newest or the oldest first.
func follows(d string, iri quad.IRI, pos *position, newest bool) bool {
	switch {
	case pos == nil:
		return true
	case d != pos.date && (d == "") != (pos.date == ""):
		return d == "" // undated last
	case d != pos.date:
		return (d < pos.date) == newest
	}
	return iri > pos.iri
}

// enter tells whether some event dated within period d may come after
// pos, and the place to start after within it (nil: its start).
func (w *calendarWalk) enter(d string, pos *position) (bool, *position) {
	switch {
	case pos == nil:
		return true, nil
	case pos.date == "":
		return false, nil // every dated event comes before an undated one
	case strings.HasPrefix(pos.date, d):
		return true, pos
	case w.newest:
		return d < pos.date, nil
	}
	return d > pos.date, nil
}

// period lists the events dated within period d ("": the calendar),
// after pos: the periods within it and the events dated in it, the
// latter first in the oldest-first order of a year or month (a month
// "2024-03" sorts before its days), last otherwise (the undated close
// the calendar).
func (w *calendarWalk) period(d string, pos *position) error {
	ownFirst := !w.newest && d != ""
	if ownFirst {
		if err := w.dated(d, pos); err != nil || w.stop {
			return err
		}
	}
	subs, err := w.within(d)
	if err != nil {
		return err
	}
	for i, sub := range subs {
		if ok, inner := w.enter(sub, pos); ok {
			if err := w.ahead(subs[i:]); err != nil {
				return err
			}
			if err := w.period(sub, inner); err != nil || w.stop {
				return err
			}
		}
	}
	if !ownFirst {
		return w.dated(d, pos)
	}
	return nil
}

// within returns the periods within period d that f's dates overlap, in
// listing order.
func (w *calendarWalk) within(d string) ([]string, error) {
	nodes, err := w.v.in(schema.PeriodIRI(w.r.s.base, d), schema.Within)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(nodes))
	for _, n := range nodes {
		if sub, ok := schema.PeriodDate(w.r.s.base, n); ok && sub != "" && withinDates(sub, w.f) {
			out = append(out, sub)
		}
	}
	sort.Strings(out)
	if w.newest {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out, nil
}

// periodsAhead is the number of periods whose contents a listing reads
// ahead at a time, where the store reads in batches: a week's days, a
// few months.
const periodsAhead = 7

// ahead reads the periods within and the events dated in the first
// periods of subs ahead, with one batch, unless they were: the walk
// then reads them from what was read ahead.
func (w *calendarWalk) ahead(subs []string) error {
	p := w.v.pre
	if p == nil {
		return nil
	}
	first := schema.PeriodIRI(w.r.s.base, subs[0])
	if _, ok := p.cached(quad.Object, first, schema.Dated); ok {
		return nil
	}
	subs = subs[:min(len(subs), periodsAhead)]
	periods := make([]quad.Value, len(subs))
	for i, d := range subs {
		periods[i] = schema.PeriodIRI(w.r.s.base, d)
	}
	return p.read(storage.Select{Dir: quad.Object, Values: periods, Preds: []quad.Value{schema.Within, schema.Dated}})
}

// dated lists the events dated in period d itself, after pos.
func (w *calendarWalk) dated(d string, pos *position) error {
	if !withinDates(d, w.f) {
		return nil // the undated, or a period outside since and until
	}
	nodes, err := w.v.in(schema.PeriodIRI(w.r.s.base, d), schema.Dated)
	if err != nil {
		return err
	}
	iris := make([]quad.IRI, 0, len(nodes))
	for _, n := range nodes {
		if iri, ok := n.(quad.IRI); ok && w.follows(d, iri, pos) {
			iris = append(iris, iri)
		}
	}
	sort.Slice(iris, func(i, j int) bool { return iris[i] < iris[j] })
	return w.take(d, iris)
}

// giveAll gives the events dated in one period, in order, until the
// listing stops.
func (w *calendarWalk) giveAll(_ string, iris []quad.IRI) error {
	for _, iri := range iris {
		if err := w.give(iri); err != nil || w.stop {
			return err
		}
	}
	return nil
}

// give queues event iri, and reads the queue once it holds as many
// events as the listing may still give (one at a time where the store
// does not read in batches).
func (w *calendarWalk) give(iri quad.IRI) error {
	w.queue = append(w.queue, iri)
	want := 1
	if w.v.pre != nil {
		want = batchSize
		if w.f.Limit > 0 {
			want = w.f.Limit - w.given
		}
	}
	if len(w.queue) < want {
		return nil
	}
	return w.flush()
}

// flush reads the queued events, ahead where the store reads in batches,
// and gives each f selects to fn.
func (w *calendarWalk) flush() error {
	queue := w.queue
	w.queue = w.queue[:0]
	if len(queue) == 0 || w.stop {
		return nil
	}
	if err := w.r.prefetch(queue); err != nil {
		return err
	}
	for _, iri := range queue {
		if err := w.read(iri); err != nil || w.stop {
			return err
		}
	}
	return nil
}

// read reads event iri and passes it to fn if f selects it.
func (w *calendarWalk) read(iri quad.IRI) error {
	if err := w.r.ctx.Err(); err != nil {
		return fmt.Errorf("graph: events: %w", err)
	}
	ev, err := w.r.eventOf(iri, w.class)
	if err != nil {
		return err
	}
	// Cayley's iterators stop quietly when the context ends: an event
	// read past it would be partial.
	if err := w.r.ctx.Err(); err != nil {
		return fmt.Errorf("graph: events: %w", err)
	}
	if ev == nil || !w.r.keep(ev, w.f) {
		return nil
	}
	if !w.fn(ev.Event) {
		w.stop = true
		return nil
	}
	w.given++
	w.stop = w.f.Limit > 0 && w.given >= w.f.Limit
	return nil
}
