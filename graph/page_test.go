package graph

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// Paged listings on stores of generated articles: two sizes on each local
// backend, so that the events a first page reads can be compared across
// sizes, and the larger beyond smallListing, so that the fused dates and
// the counts come from predicate scans there and from per-event reads in
// the smaller.

type pageStore struct {
	name string
	docs int
	open func(t *testing.T) *Store
}

var pageStores = []pageStore{
	{"memory/40", 40, func(t *testing.T) *Store { return openTest(t, Config{Backend: BackendMemory}) }},
	{"memory/220", 220, func(t *testing.T) *Store { return openTest(t, Config{Backend: BackendMemory}) }},
	{"bolt/40", 40, func(t *testing.T) *Store {
		return openTest(t, Config{Backend: BackendBolt, Path: filepath.Join(t.TempDir(), "p.db")})
	}},
	{"bolt/220", 220, func(t *testing.T) *Store {
		return openTest(t, Config{Backend: BackendBolt, Path: filepath.Join(t.TempDir(), "p.db")})
	}},
}

// filled opens ps's store and puts its generated articles.
func (ps pageStore) filled(t *testing.T) *Store {
	t.Helper()
	s := ps.open(t)
	putAll(t, s, generated(t, ps.docs))
	return s
}

func eventIDList(evs []extract.Event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.ID
	}
	return out
}

func TestEventPages(t *testing.T) {
	ctx := context.Background()
	firstPageReads := map[int]map[string]int64{} // page size -> store -> events read
	for _, ps := range pageStores {
		t.Run(ps.name, func(t *testing.T) {
			s := ps.filled(t)
			full := mustEvents(t, s, EventFilter{NewestFirst: true})
			if len(full) < 20 {
				t.Fatalf("%d events: too few to page", len(full))
			}
			checkNewestFirst(t, full)
			for _, first := range []int{1, 5, 7} {
				before := s.EventReads()
				page := mustEvents(t, s, EventFilter{NewestFirst: true, Limit: first})
				if firstPageReads[first] == nil {
					firstPageReads[first] = map[string]int64{}
				}
				firstPageReads[first][ps.name] = s.EventReads() - before
				if !reflect.DeepEqual(page, full[:first]) {
					t.Errorf("first page of %d: %v, want %v", first, eventIDList(page), eventIDList(full[:first]))
				}
				var all []extract.Event
				for after := ""; ; {
					p := mustEvents(t, s, EventFilter{NewestFirst: true, Limit: first, After: after})
					if len(p) == 0 {
						break
					}
					all = append(all, p...)
					after = p[len(p)-1].ID
				}
				if !reflect.DeepEqual(eventIDList(all), eventIDList(full)) {
					t.Errorf("pages of %d concatenated: %d events, not the %d of the full listing in its order", first, len(all), len(full))
				}
			}
			if _, err := s.Events(ctx, EventFilter{After: "https://example.org/no-such-event"}); !errors.Is(err, ErrNotListed) {
				t.Errorf("unknown After: %v, want ErrNotListed", err)
			}
			checkCounts(t, s, full)
			checkInvolves(t, s, full)
			checkEvent(t, s, full)
		})
	}
	// A first page reads its own events, whatever the size of the store.
	for first, byStore := range firstPageReads {
		for name, n := range byStore {
			if n != int64(first) {
				t.Errorf("first page of %d on %s read %d events", first, name, n)
			}
		}
	}
}

// checkNewestFirst checks a listing's order: dates not increasing, undated
// last, ties by IRI.
func checkNewestFirst(t *testing.T, evs []extract.Event) {
	t.Helper()
	date := func(e extract.Event) string {
		if e.Date == nil {
			return ""
		}
		return *e.Date
	}
	for i := 1; i < len(evs); i++ {
		a, b := date(evs[i-1]), date(evs[i])
		switch {
		case a == "" && b != "":
			t.Fatalf("undated %s before dated %s", evs[i-1].ID, evs[i].ID)
		case a != "" && b != "" && a < b:
			t.Fatalf("%s (%s) before the newer %s (%s)", evs[i-1].ID, a, evs[i].ID, b)
		case a == b && evs[i-1].ID > evs[i].ID:
			t.Fatalf("same date, %s before %s", evs[i-1].ID, evs[i].ID)
		}
	}
}

// checkCounts compares CountEvents with the length of the listing, for
// filters the count answers from the indexes and one it lists for.
func checkCounts(t *testing.T, s *Store, full []extract.Event) {
	t.Helper()
	actor := ""
	for _, e := range full {
		if len(e.Actors) > 0 {
			actor = e.Actors[0].Name
			break
		}
	}
	for _, f := range []EventFilter{
		{},
		{Type: "Attack"},
		{Since: "2024-01-01"},
		{Type: "Attack", Until: "2023-06-30"},
		{Actor: actor},
	} {
		n, err := s.CountEvents(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		if want := len(mustEvents(t, s, f)); n != want {
			t.Errorf("CountEvents(%+v) = %d, the listing has %d", f, n, want)
		}
	}
}

// checkInvolves compares the events of an entity with the full listing
// filtered by hand.
func checkInvolves(t *testing.T, s *Store, full []extract.Event) {
	t.Helper()
	for _, pick := range []func(e extract.Event) []extract.Ref{
		func(e extract.Event) []extract.Ref { return e.Actors },
		func(e extract.Event) []extract.Ref { return e.Places },
		func(e extract.Event) []extract.Ref { return e.Targets },
	} {
		id := ""
		for _, e := range full {
			if refs := pick(e); len(refs) > 0 {
				id = refs[0].ID
				break
			}
		}
		if id == "" {
			continue
		}
		var want []string
		for _, e := range full {
			fe := fusedEvent{Event: e}
			if fe.involves(id) {
				want = append(want, e.ID)
			}
		}
		got := eventIDList(mustEvents(t, s, EventFilter{Involves: id, NewestFirst: true}))
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("events involving %s: %v, want %v", id, got, want)
		}
	}
}

// checkEvent reads single events by IRI.
func checkEvent(t *testing.T, s *Store, full []extract.Event) {
	t.Helper()
	ctx := context.Background()
	for _, want := range []extract.Event{full[0], full[len(full)-1]} {
		got, err := s.Event(ctx, want.ID)
		if err != nil || got == nil || !reflect.DeepEqual(*got, want) {
			t.Errorf("Event(%s) = %+v, %v; want %+v", want.ID, got, err, want)
		}
	}
	if len(full[0].Actors) > 0 {
		if got, err := s.Event(ctx, full[0].Actors[0].ID); got != nil || err != nil {
			t.Errorf("Event(an entity) = %+v, %v; want nil", got, err)
		}
	}
}

// tripCtx is a context cancelled as soon as the store has read at events
// in full: the cancellation lands in the middle of a listing at a point
// set by the work done, not by a clock.
type tripCtx struct {
	context.Context
	cancel func()
	store  *Store
	at     int64
	once   sync.Once
}

func newTripCtx(s *Store, after int64) *tripCtx {
	ctx, cancel := context.WithCancel(context.Background())
	return &tripCtx{Context: ctx, cancel: cancel, store: s, at: s.EventReads() + after}
}

func (c *tripCtx) Err() error {
	if c.store.EventReads() >= c.at {
		c.once.Do(c.cancel)
	}
	return c.Context.Err()
}

func (c *tripCtx) Done() <-chan struct{} {
	c.Err()
	return c.Context.Done()
}

func TestListingsStopWhenCancelled(t *testing.T) {
	s := pageStores[3].filled(t)
	for _, c := range []struct {
		name string
		run  func(ctx context.Context) error
	}{
		{"full listing", func(ctx context.Context) error {
			_, err := s.Events(ctx, EventFilter{})
			return err
		}},
		{"newest first", func(ctx context.Context) error {
			_, err := s.Events(ctx, EventFilter{NewestFirst: true})
			return err
		}},
		{"filtered on what only a full read shows", func(ctx context.Context) error {
			_, err := s.Events(ctx, EventFilter{Actor: "nobody at all"})
			return err
		}},
		{"count by reading", func(ctx context.Context) error {
			_, err := s.CountEvents(ctx, EventFilter{Actor: "nobody at all"})
			return err
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := newTripCtx(s, 3)
			err := c.run(ctx)
			if !errors.Is(err, context.Canceled) {
				t.Errorf("error %v, want the context's", err)
			}
			if after := s.EventReads() - ctx.at; after > 0 {
				t.Errorf("%d events read after the cancellation", after)
			}
		})
	}
}

// TestListingFollowsWrites checks that a bolt store's cached listing order
// follows every write: a Put through the store, and a deletion through
// Cayley's own writer (as `serve --read-only=false` does).
func TestListingFollowsWrites(t *testing.T) {
	ctx := context.Background()
	recs := generated(t, 40)
	s := pageStores[2].open(t)
	putAll(t, s, recs[:30])
	before := mustEvents(t, s, EventFilter{NewestFirst: true})
	putAll(t, s, recs[30:])
	after := mustEvents(t, s, EventFilter{NewestFirst: true})
	fresh := pageStores[0].open(t)
	putAll(t, fresh, recs)
	if want := mustEvents(t, fresh, EventFilter{NewestFirst: true}); len(after) <= len(before) ||
		!reflect.DeepEqual(eventIDList(after), eventIDList(want)) {
		t.Fatalf("after a Put: %d events (%d before), want the %d of a store written at once", len(after), len(before), len(want))
	}
	// Cayley's writer removes the newest event's fused date and dates it
	// in the calendar itself, as the store would (a writer of its own
	// must keep the calendar, as it must keep the fusion keys), and
	// drops its listing row (rows.go): it is listed with the undated
	// ones, last.
	newest := after[0]
	fused := schema.FusedGraph(s.Base())
	var del []quad.Quad
	err := s.view(ctx, nil).each(quad.Subject, quad.IRI(newest.ID), nil, func(q quad.Quad) {
		if q.Label == fused && (q.Predicate == schema.Date || q.Predicate == schema.Dated || q.Predicate == schema.RowOf) {
			del = append(del, q)
		}
	})
	if err != nil || len(del) != 3 {
		t.Fatalf("fused date and calendar link of %s: %v, %v", newest.ID, del, err)
	}
	qw, err := cgraph.NewQuadWriter("single", s.QuadStore(), cgraph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range del {
		if err := qw.RemoveQuad(q); err != nil {
			t.Fatal(err)
		}
	}
	undated := quad.Quad{Subject: quad.IRI(newest.ID), Predicate: schema.Dated, Object: schema.CalendarIRI(s.Base()), Label: fused}
	if err := qw.AddQuad(undated); err != nil {
		t.Fatal(err)
	}
	again := mustEvents(t, s, EventFilter{NewestFirst: true})
	if len(again) != len(after) || again[0].ID == newest.ID || again[len(again)-1].Date != nil {
		t.Fatalf("after Cayley removed the date of %s: listed first %s, last dated %v", newest.ID, again[0].ID, again[len(again)-1].Date)
	}
	for i, e := range again {
		if e.ID == newest.ID && (e.Date != nil || (i+1 < len(again) && again[i+1].Date != nil)) {
			t.Fatalf("%s, undated now, listed at %d among the dated", e.ID, i)
		}
	}
	// Cayley's writer removes the names of the first actor of the newest
	// event that has one: the next listing shows it without a name.
	first := -1
	for i, e := range again {
		if len(e.Actors) > 0 {
			first = i
			break
		}
	}
	if first < 0 {
		t.Fatal("no listed event has an actor")
	}
	actor := again[first].Actors[0]
	var names []quad.Quad
	if err := s.view(ctx, nil).each(quad.Subject, quad.IRI(actor.ID), schema.Name, func(q quad.Quad) { names = append(names, q) }); err != nil || len(names) == 0 {
		t.Fatalf("names of %s: %v, %v", actor.ID, names, err)
	}
	for _, q := range names {
		if err := qw.RemoveQuad(q); err != nil {
			t.Fatal(err)
		}
	}
	renamed := mustEvents(t, s, EventFilter{NewestFirst: true, Limit: first + 1})
	for _, a := range renamed[first].Actors {
		if a.ID == actor.ID && a.Name != "" {
			t.Errorf("actor %s still named %q after its names were removed", a.ID, a.Name)
		}
	}
}
