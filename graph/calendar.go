package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Writing the calendar (see package schema): each fused event is dated
// in the period of its fused date, and the periods are linked up to the
// calendar while some event is dated within them. derive, which
// recomputes every fused fact of the events a write touches, dates them
// again through a calendarEdit, which then links the new periods and
// unlinks those left empty, so that a store is the same however its
// documents came and went.
//
// A store that held events before it had a calendar (written by an
// earlier version) gets none: half a calendar would list half the
// events. Store.IndexDates builds it.

// hasCalendar tells whether the store's events are dated in its
// calendar: it holds a calendar (a year, or an undated event), or no
// event at all. It reads through the store's reader (a SQL backend's
// ValueOf names any value, stored or not).
func (s *Store) hasCalendar(ctx context.Context) (bool, error) {
	v := s.view(ctx, nil)
	root := schema.CalendarIRI(s.base)
	for _, probe := range []struct {
		val  quad.Value
		pred quad.IRI
	}{{root, schema.Within}, {root, schema.Dated}, {schema.Event, schema.Type}} {
		found := false
		err := v.until(quad.Object, probe.val, probe.pred, func(quad.Quad) bool { found = true; return false })
		if err != nil {
			return false, fmt.Errorf("graph: open: %w", err)
		}
		if found {
			return probe.val == root, nil
		}
	}
	return true, nil
}

// calendarEdit collects what one step (fuser.derive) changes in the
// calendar.
type calendarEdit struct {
	f     *fuser
	ch    *changes
	fused quad.IRI
	left  map[string]bool // periods events were dated in before the step
	dated map[string]bool // periods events are dated in after it
	added map[quad.Value]bool
}

// newCalendarEdit returns the calendar edit of one step, nil for a store
// without a calendar (its methods then do nothing).
func (f *fuser) newCalendarEdit(ch *changes) *calendarEdit {
	if !f.s.calendar {
		return nil
	}
	return &calendarEdit{f: f, ch: ch, fused: schema.FusedGraph(f.s.base),
		left: map[string]bool{}, dated: map[string]bool{}}
}

// removed notes a fused quad the step removes: a Dated link leaves its
// period, which may then be empty.
func (c *calendarEdit) removed(q quad.Quad) {
	if c == nil || q.Predicate != schema.Dated {
		return
	}
	if d, ok := schema.PeriodDate(c.f.s.base, q.Object); ok {
		c.left[d] = true
	}
}

// date dates event e in the period of its fused date d ("": undated, in
// the calendar itself; a date that is no ISO year, month or day is
// filed there too).
func (c *calendarEdit) date(e quad.IRI, d string) {
	if c == nil {
		return
	}
	if _, ok := schema.ParentPeriod(d); !ok {
		d = ""
	}
	c.dated[d] = true
	c.ch.put(quad.Quad{Subject: e, Predicate: schema.Dated, Object: schema.PeriodIRI(c.f.s.base, d), Label: c.fused})
}

// settle links each period an event is now dated in up to the calendar,
// then unlinks each period left without events or periods within it,
// and the ones above it that this leaves empty.
func (c *calendarEdit) settle() {
	if c == nil {
		return
	}
	for _, d := range sortedKeys(c.dated) {
		c.link(d)
	}
	for _, d := range sortedKeys(c.left) {
		if !c.dated[d] {
			c.prune(d)
		}
	}
}

// within is the quad that links period d to the one containing it; ok
// is false for the calendar itself.
func (c *calendarEdit) within(d string) (quad.Quad, string, bool) {
	parent, ok := schema.ParentPeriod(d)
	if !ok {
		return quad.Quad{}, "", false
	}
	base := c.f.s.base
	return quad.Quad{Subject: schema.PeriodIRI(base, d), Predicate: schema.Within,
		Object: schema.PeriodIRI(base, parent), Label: c.fused}, parent, true
}

// link links period d and those above it, up to the first already
// linked.
func (c *calendarEdit) link(d string) {
	for {
		q, parent, ok := c.within(d)
		if !ok || c.holds(q) {
			return
		}
		c.ch.put(q)
		c.added = nil // the periods added to changed
		d = parent
	}
}

// prune unlinks period d if nothing is left within it, and then the
// periods above it that this empties.
func (c *calendarEdit) prune(d string) {
	for {
		q, parent, ok := c.within(d)
		if !ok || !c.empty(schema.PeriodIRI(c.f.s.base, d)) {
			return
		}
		if c.stored(q) {
			c.ch.remove(q)
		}
		d = parent
	}
}

// holds tells whether the store holds q after the step: stored and not
// removed, or added.
func (c *calendarEdit) holds(q quad.Quad) bool {
	return c.ch.addSet[q] || (c.stored(q) && !c.ch.delSet[q])
}

// stored tells whether the view (the store and the earlier steps of the
// batch) holds q, with its label.
func (c *calendarEdit) stored(q quad.Quad) bool {
	copies, err := c.f.v.copies(q)
	c.f.fail(err)
	for _, cp := range copies {
		if cp.Label == q.Label {
			return true
		}
	}
	return false
}

// empty tells whether no event and no period is in period p after the
// step.
func (c *calendarEdit) empty(p quad.IRI) bool {
	if c.added == nil {
		c.added = map[quad.Value]bool{}
		for _, q := range c.ch.add {
			if (q.Predicate == schema.Dated || q.Predicate == schema.Within) && !c.ch.delSet[q] {
				c.added[q.Object] = true
			}
		}
	}
	if c.added[p] {
		return false
	}
	found := false
	for _, pred := range []quad.IRI{schema.Dated, schema.Within} {
		c.f.fail(c.f.v.until(quad.Object, p, pred, func(q quad.Quad) bool {
			found = !c.ch.delSet[q]
			return !found
		}))
		if found {
			return false
		}
	}
	return true
}

// sortedKeys returns the keys of set in order.
func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
