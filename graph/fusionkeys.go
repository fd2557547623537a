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
// entries that name its type and its time:
//
//	<event> ng:fusionTime "<type>|d:2024-01-16" <fused> .
//
// with time d:DAY, m:MONTH or y:YEAR from its fused date; for an undated
// event u:DAY, the publication day of its earliest report; n where neither
// is known. A report then looks up the keys of its type for the few times
// compatible with its own (candidateTimes), each an index lookup, and
// keeps the events that share a participant with it in the role it looks
// up (an actor, else a target, else a place or country: fuser.shares).
// Keys without the participant are one for each type and time of an event
// instead of one for each participant too (3.3 fewer quads an event, and
// events of a type and day share one key's node).
//
// Stores written before hold ng:fusionKey entries, one literal per
// participant, "<type>|a|<actor IRI>|d:2024-01-16" (role a actor, t target,
// l place or country): fusion looks them up too while the store holds any
// (Store.participantKeys), and an event written again gets the new keys.
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

// fusionKey is the literal that indexed an event of type typ with
// participant iri in role at time tk in stores written before fusionTime.
func fusionKey(typ quad.IRI, role string, iri quad.IRI, tk string) quad.Value {
	return quad.String(schema.LocalName(typ) + "|" + role + "|" + string(iri) + "|" + tk)
}

// keySet is a set of fusion keys by their text. The set of a store holds
// every key the store holds, and perhaps keys it held once: a report's
// lookup of a key not in it is answered without a read. A store that
// starts empty in this process, and is written by it alone, keeps one
// (Store.fusionKeys): many of the times a report looks up (about twenty
// days and months) hold no event of its type.
type keySet map[string]struct{}

// note adds to ks the key that quad q states, if q is a fusion key's.
func (ks keySet) note(q quad.Quad) {
	if q.Predicate != schema.FusionTime && q.Predicate != schema.FusionKey {
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

// fusionTimeKey is the literal indexing an event of type typ at time tk.
func fusionTimeKey(typ quad.IRI, tk string) quad.Value {
	return quad.String(schema.LocalName(typ) + "|" + tk)
}

// clusterKeys returns the fusion keys of cluster c with fused date date,
// sorted: each type of the cluster at the cluster's time and at the time
// of each of its units (whose own date may lie further from a unit it
// matches than the cluster's), so that a lookup from any unit that matches
// one of them finds the cluster (fuser.component).
func clusterKeys(c *cluster, date string) []quad.Value {
	tks := map[string]bool{timeKey(date, c.p.anchor()): true}
	for _, u := range c.units {
		tks[timeKey(u.p.date(), u.p.anchor())] = true
	}
	var keys []string
	for typ := range c.p.types {
		for tk := range tks {
			keys = append(keys, schema.TextOf(fusionTimeKey(typ, tk)))
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
	seeds, role := seedsOf(r)
	checked := map[quad.IRI]bool{}
	found := map[quad.IRI]bool{}
	var out []quad.IRI
	key := append([]byte(schema.LocalName(r.typ)), '|')
	n := len(key)
	for _, tk := range times {
		if key = append(key[:n], tk...); !f.s.fusionKeys.mayHold(key) {
			continue // no event of the type at that time: nothing to read
		}
		k := quad.String(key)
		f.v.lookingUp(k, role, seeds)
		evs, err := f.v.in(k, schema.FusionTime)
		f.fail(err)
		for _, v := range evs {
			if iri, ok := v.(quad.IRI); ok && !checked[iri] {
				checked[iri] = true
				if f.shares(iri, role, seeds) {
					found[iri] = true
					out = append(out, iri)
				}
			}
		}
	}
	if f.s.participantKeys {
		out = append(out, f.participantCandidates(r, seeds, role, times, found)...)
	}
	return out, true
}

// seedsOf returns the participants of r that fusion looks up, and their
// role: its actors, else its targets, else its places and country.
func seedsOf(r *report) ([]quad.IRI, string) {
	switch {
	case len(r.actors) > 0:
		return r.actors, roleActor
	case len(r.targets) > 0:
		return r.targets, roleTarget
	}
	return r.locs(), rolePlace
}

// rolePreds are the predicates that link an event to its participants in
// each role.
var rolePreds = map[string][]quad.IRI{
	roleActor:  {schema.Actor},
	roleTarget: {schema.Target},
	rolePlace:  {schema.PlaceOf, schema.EventCountry},
}

// shares tells whether event e has one of seeds as a participant in role.
func (f *fuser) shares(e quad.IRI, role string, seeds []quad.IRI) bool {
	for _, seed := range seeds {
		for _, p := range rolePreds[role] {
			ok, err := f.v.has(e, p, seed)
			f.fail(err)
			if ok {
				return true
			}
		}
	}
	return false
}

// participantCandidates lists the events not in found whose fusion keys of
// a store written before (one per participant, ng:fusionKey) name one of
// seeds in role at one of times.
func (f *fuser) participantCandidates(r *report, seeds []quad.IRI, role string, times []string, found map[quad.IRI]bool) []quad.IRI {
	var out []quad.IRI
	for _, seed := range seeds {
		for _, tk := range times {
			evs, err := f.v.in(fusionKey(r.typ, role, seed, tk), schema.FusionKey)
			f.fail(err)
			for _, v := range evs {
				if iri, ok := v.(quad.IRI); ok && !found[iri] {
					found[iri] = true
					out = append(out, iri)
				}
			}
		}
	}
	return out
}
