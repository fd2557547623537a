package graph

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// Pages read from the calendar, on every backend.

// pagesOf lists f's events a page of size n at a time, each page
// starting after the last one's cursor; between calls to between (after
// the first page) the store may change.
func pagesOf(t *testing.T, s *Store, f EventFilter, n int, between func()) []extract.Event {
	t.Helper()
	var all []extract.Event
	f.Limit = n
	for page := 0; ; page++ {
		p := mustEvents(t, s, f)
		if len(p) > n {
			t.Fatalf("page %d: %d events, more than %d", page, len(p), n)
		}
		if len(p) == 0 {
			return all
		}
		all = append(all, p...)
		f.Cursor = EventCursor(p[len(p)-1])
		if page == 0 && between != nil {
			between()
		}
	}
}

// byListing sorts a copy of evs in the order of a listing (sortKeys):
// the newest or oldest first, undated last, ties by IRI.
func byListing(evs []extract.Event, newest bool) []string {
	keys := make([]eventKey, len(evs))
	for i, e := range evs {
		keys[i] = eventKey{iri: quad.IRI(e.ID)}
		if e.Date != nil {
			keys[i].date = *e.Date
		}
	}
	sortKeys(keys, newest)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = string(k.iri)
	}
	return out
}

func TestCalendarPages(t *testing.T) {
	recs := generated(t, 40)
	forEachBackend(t, func(t *testing.T, s *Store) {
		putAll(t, s, recs)
		for _, c := range []struct {
			f     EventFilter
			sizes []int
		}{
			{EventFilter{NewestFirst: true}, []int{1, 7, 100}},
			{EventFilter{}, []int{7}},
			{EventFilter{NewestFirst: true, Type: "Attack"}, []int{7}},
			{EventFilter{NewestFirst: true, Since: "2020-06", Until: "2023-06-15"}, []int{3}},
		} {
			f := c.f
			full := mustEvents(t, s, f)
			if len(full) < 10 {
				t.Fatalf("%+v: %d events, too few to page", f, len(full))
			}
			if got, want := eventIDList(full), byListing(full, f.NewestFirst); !reflect.DeepEqual(got, want) {
				t.Errorf("%+v: listing not in date order:\n got %v\nwant %v", f, got, want)
			}
			for _, n := range c.sizes {
				if got := eventIDList(pagesOf(t, s, f, n, nil)); !reflect.DeepEqual(got, eventIDList(full)) {
					t.Errorf("%+v, pages of %d: %d events, not the %d of the listing in its order", f, n, len(got), len(full))
				}
			}
		}
		if _, err := s.Events(context.Background(), EventFilter{Cursor: "not-a-cursor"}); !errors.Is(err, ErrBadCursor) {
			t.Errorf("bad cursor: %v, want ErrBadCursor", err)
		}
	})
}

// TestCalendarPagesWhileWriting pages through a store while documents
// are put: every event of the final store after the first page's
// cursor is listed once, in order, and none of the first page again.
func TestCalendarPagesWhileWriting(t *testing.T) {
	recs := generated(t, 40)
	forEachBackend(t, func(t *testing.T, s *Store) {
		putAll(t, s, recs[:20])
		f := EventFilter{NewestFirst: true}
		before := map[string]bool{}
		for _, e := range mustEvents(t, s, f) {
			before[e.ID] = true
		}
		first := mustEvents(t, s, EventFilter{NewestFirst: true, Limit: 5})
		got := pagesOf(t, s, f, 5, func() { putAll(t, s, recs[20:]) })
		if !reflect.DeepEqual(eventIDList(got[:5]), eventIDList(first)) {
			t.Fatalf("first page %v, want %v", eventIDList(got[:5]), eventIDList(first))
		}
		final := mustEvents(t, s, f)
		cur := EventCursor(first[4])
		after := mustEvents(t, s, EventFilter{NewestFirst: true, Cursor: cur})
		if want := eventIDList(after); !reflect.DeepEqual(eventIDList(got[5:]), want) {
			t.Errorf("pages after the writes: %d events, want the %d the final store lists after %s", len(got)-5, len(want), first[4].ID)
		}
		seen := map[string]bool{}
		for _, e := range got {
			if seen[e.ID] {
				t.Errorf("%s listed twice", e.ID)
			}
			seen[e.ID] = true
		}
		// Every event of the final store is listed, unless it comes
		// before the first page's end.
		pos, _ := parseCursor(cur)
		w := &calendarWalk{newest: true}
		for _, e := range final {
			d := ""
			if e.Date != nil {
				d = calendarDate(*e.Date)
			}
			if !seen[e.ID] && w.follows(d, quad.IRI(e.ID), pos) {
				t.Errorf("%s (%v), written between pages after the cursor, never listed", e.ID, d)
			}
		}
		written := 0
		for _, e := range got[5:] {
			if !before[e.ID] {
				written++
			}
		}
		if written == 0 {
			t.Errorf("no event written between pages was listed: the test tests nothing")
		}
	})
}

// TestCalendarFollowsDeletes checks that the calendar holds no period
// once every document is deleted, and the periods of the documents left
// after some are.
func TestCalendarFollowsDeletes(t *testing.T) {
	recs := generated(t, 30)
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		putAll(t, s, recs)
		var ids []string
		for _, r := range recs {
			ids = append(ids, r.Doc.ID)
		}
		if _, err := s.Delete(ctx, ids[:20]...); err != nil {
			t.Fatal(err)
		}
		checkCalendar(t, s)
		if _, err := s.Delete(ctx, ids[20:]...); err != nil {
			t.Fatal(err)
		}
		for _, q := range allQuads(t, s) {
			if q.Predicate == schema.Dated || q.Predicate == schema.Within {
				t.Errorf("left after every document was deleted: %v", q)
			}
		}
	})
}

// checkCalendar checks that every event is dated once, in the period of
// its date, and that a period is linked exactly when something is dated
// within it.
func checkCalendar(t *testing.T, s *Store) {
	t.Helper()
	base := s.Base()
	dated := map[quad.Value]int{}
	linked := map[quad.Value]bool{}
	inside := map[quad.Value]bool{}
	events := map[string]string{}
	for _, q := range allQuads(t, s) {
		switch q.Predicate {
		case schema.Dated:
			dated[q.Subject]++
			inside[q.Object] = true
			d, _ := schema.PeriodDate(base, q.Object)
			events[string(q.Subject.(quad.IRI))] = d
		case schema.Within:
			linked[q.Subject] = true
			inside[q.Object] = true
		}
	}
	for p := range linked {
		if !inside[p] {
			t.Errorf("period %v linked with nothing within it", p)
		}
	}
	for p := range inside {
		if d, _ := schema.PeriodDate(base, p); d != "" && !linked[p] {
			t.Errorf("period %v holds events or periods but is not linked", p)
		}
	}
	// The events the old listing finds (from their types and dates).
	r := newReader(context.Background(), s)
	keys, err := r.listing(EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		ev, err := r.event(k.iri)
		if err != nil {
			t.Fatal(err)
		}
		if ev == nil {
			continue
		}
		if dated[k.iri] != 1 || events[string(k.iri)] != calendarDate(k.date) {
			t.Errorf("event %s, date %q: dated %d times, in %q", k.iri, k.date, dated[k.iri], events[string(k.iri)])
		}
	}
}
