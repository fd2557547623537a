package graph

import (
	"sort"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Fusion keys.
//
// To fuse a report, Put looks for the stored events it may describe: same
// type, a shared participant, a compatible time. Listing every event of a
// participant (every attack by a state that is in the news every day) and
// checking each grows with the store; so each fused event carries index
// entries, one literal per participant, that name its type, the
// participant and its time:
//
//	<event> ng:fusionKey "<type>|a|<actor IRI>|d:2024-01-16" <fused> .
//
// with role a (actor), t (target) or l (place or country), and time
// d:DAY, m:MONTH or y:YEAR from its fused date; for an undated event
// u:DAY, the publication day of its earliest report; n where neither is
// known. A report then looks up the keys of its participants for the few
// times compatible with its own (candidateTimes), each an index lookup.
//
// An undated report is taken to speak of an event near its publication:
// it matches an event at most undatedWindow days from that day (see
// fuser.match); a dated report matches an undated event whose earliest
// report appeared within undatedWindow days of its date. Reports of a
// year only, and undated ones without a publication day, fall back to
// listing every event of their participants.

// undatedWindow is how many days an undated report's event may lie from
// its publication day.
const undatedWindow = 7

// Roles of a fusion key's participant.
const (
	roleActor  = "a"
	roleTarget = "t"
	rolePlace  = "l"
)

// fusionKeyText is the text of the literal indexing an event of type typ
// with participant iri in role at time tk.
func fusionKeyText(typ quad.IRI, role string, iri quad.IRI, tk string) string {
	return string(append(appendKeyPrefix(nil, typ, role, iri), tk...))
}

// appendKeyPrefix appends to b the text of a fusion key up to its time
// part: type, role and participant.
func appendKeyPrefix(b []byte, typ quad.IRI, role string, iri quad.IRI) []byte {
	b = append(b, schema.LocalName(typ)...)
	b = append(append(b, '|'), role...)
	b = append(append(b, '|'), iri...)
	return append(b, '|')
}

// keySet is a set of fusion keys by their text. The set of a store holds
// every key the store holds, and perhaps keys it held once: a report's
// lookup of a key not in it is answered without a read. A store that
// starts empty in this process, and is written by it alone, keeps one
// (Store.fusionKeys): nearly all the keys a report looks up (about twenty
// days and months for each participant) are absent.
type keySet map[string]struct{}

// note adds to ks the key that quad q states, if q is a fusion key's.
func (ks keySet) note(q quad.Quad) {
	if q.Predicate != schema.FusionKey {
		return
	}
	if k, ok := q.Object.(quad.String); ok {
		ks[string(k)] = struct{}{}
	}
}

// mayHold tells whether a store with key set ks (nil: unknown) may hold
// the key whose text is k.
func (ks keySet) mayHold(k []byte) bool {
	if ks == nil {
		return true
	}
	_, ok := ks[string(k)]
	return ok
}

// timeKey is the time part of an event's keys: its fused date (day, month
// or year), else u: and its anchor (the earliest publication day of its
// reports), else n.
func timeKey(date, anchor string) string {
	switch len(date) {
	case len("2006-01-02"):
		return "d:" + date
	case len("2006-01"):
		return "m:" + date
	case len("2006"):
		return "y:" + date
	}
	if anchor != "" {
		return "u:" + anchor
	}
	return "n"
}

// clusterKeys returns the fusion keys of cluster c with fused date date,
// sorted: each type and participant of the cluster at the cluster's time
// and at the time of each of its units (whose own date may lie further
// from a unit it matches than the cluster's), so that a lookup from any
// unit that matches one of them finds the cluster (fuser.component).
func clusterKeys(c *cluster, date string) []quad.Value {
	tks := map[string]bool{timeKey(date, c.p.anchor()): true}
	for _, u := range c.units {
		tks[timeKey(u.p.date(), u.p.anchor())] = true
	}
	var keys []string
	for typ := range c.p.types {
		for _, part := range []struct {
			role string
			set  map[quad.IRI]bool
		}{{roleActor, c.p.actors}, {roleTarget, c.p.targets}, {rolePlace, c.p.locs}} {
			for iri := range part.set {
				for tk := range tks {
					keys = append(keys, fusionKeyText(typ, part.role, iri, tk))
				}
			}
		}
	}
	sort.Strings(keys)
	out := make([]quad.Value, len(keys))
	for i, k := range keys {
		out[i] = quad.String(k)
	}
	return out
}

// day parses a YYYY-MM-DD date.
func day(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

// candidateTimes returns the time keys of the events that report r could
// match (see fuser.match): false when r's time does not narrow them (a
// year only, or no date and no publication day).
func candidateTimes(r *report) ([]string, bool) {
	var from, to time.Time // the days r's event may lie in
	var undatedFrom, undatedTo time.Time
	switch {
	case len(r.date) == len("2006-01-02") || len(r.date) == len("2006-01"):
		lo, hi, ok := dateSpan(r.date)
		if !ok {
			return nil, false
		}
		from, to = lo.AddDate(0, 0, -1), hi.AddDate(0, 0, 1)
		undatedFrom, undatedTo = lo.AddDate(0, 0, -undatedWindow), hi.AddDate(0, 0, undatedWindow)
	case r.date == "" && r.fig.anchor != "":
		a, ok := day(r.fig.anchor)
		if !ok {
			return nil, false
		}
		from, to = a.AddDate(0, 0, -undatedWindow), a.AddDate(0, 0, undatedWindow)
		undatedFrom, undatedTo = from, to
	default:
		return nil, false
	}
	seen := map[string]bool{}
	var out []string
	add := func(k string) {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		add("d:" + d.Format("2006-01-02"))
		add("m:" + d.Format("2006-01"))
		add("y:" + d.Format("2006"))
	}
	for d := undatedFrom; !d.After(undatedTo); d = d.AddDate(0, 0, 1) {
		add("u:" + d.Format("2006-01-02"))
	}
	add("n")
	return out, true
}

// keyedCandidates lists the events that could describe the same event as
// r by their fusion keys; false when r's time does not allow it (the
// caller then lists every event of r's participants).
func (f *fuser) keyedCandidates(r *report) ([]quad.IRI, bool) {
	if f.s.legacyFusion {
		return nil, false
	}
	times, ok := candidateTimes(r)
	if !ok {
		return nil, false
	}
	var seeds []quad.IRI
	var roles []string
	switch {
	case len(r.actors) > 0:
		seeds, roles = r.actors, []string{roleActor}
	case len(r.targets) > 0:
		seeds, roles = r.targets, []string{roleTarget}
	default:
		seeds, roles = r.locs(), []string{rolePlace}
	}
	seen := map[quad.IRI]bool{}
	var out []quad.IRI
	var key []byte
	for _, seed := range seeds {
		for _, role := range roles {
			key = appendKeyPrefix(key[:0], r.typ, role, seed)
			n := len(key)
			for _, tk := range times {
				if key = append(key[:n], tk...); !f.s.fusionKeys.mayHold(key) {
					continue
				}
				evs, err := f.v.in(quad.String(key), schema.FusionKey)
				f.fail(err)
				for _, v := range evs {
					if iri, ok := v.(quad.IRI); ok && !seen[iri] {
						seen[iri] = true
						out = append(out, iri)
					}
				}
			}
		}
	}
	return out, true
}
