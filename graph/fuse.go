package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// figures are what one report says about its event's date and toll.
type figures struct {
	date                string
	anchor              string // the publication day of the report's document, if known
	killed, killedMax   *int
	injured, injuredMax *int
}

// report is one event of the record being put, on its way to the store.
type report struct {
	n   int
	ev  *extract.Event
	iri quad.IRI
	typ quad.IRI

	actors, agents, targets, places []quad.IRI
	country                         quad.IRI
	date                            string
	fig                             figures

	event quad.IRI // the fused event node it was assigned to
}

// locs are the places the report locates its event in.
func (r *report) locs() []quad.IRI {
	out := append([]quad.IRI(nil), r.places...)
	if r.country != "" {
		out = append(out, r.country)
	}
	return out
}

// eventState is what the store (minus the document being put) and the
// record's earlier reports say about one fused event node.
type eventState struct {
	iri                     quad.IRI
	types                   map[quad.IRI]bool
	actors, targets, locs   map[quad.IRI]bool
	others                  []figures // reports from other documents
	fromRecord              []figures // reports from the record being put
	fusedOld                []quad.Quad
	hasOthers, usedByRecord bool
}

// anchor is the earliest publication day among the event's reports.
func (e *eventState) anchor() string {
	out := ""
	for _, f := range append(append([]figures(nil), e.others...), e.fromRecord...) {
		if f.anchor != "" && (out == "" || f.anchor < out) {
			out = f.anchor
		}
	}
	return out
}

func (e *eventState) dates() []string {
	var out []string
	for _, f := range append(append([]figures(nil), e.others...), e.fromRecord...) {
		if f.date != "" {
			out = append(out, f.date)
		}
	}
	return out
}

// fuser matches the reports of one record to fused event nodes and
// computes the facts derived from all reports of an event.
type fuser struct {
	v   *view
	s   *Store
	doc quad.IRI // the document being put; its stored facts are ignored

	events  map[quad.IRI]*eventState
	prior   map[quad.IRI]bool       // events the stored version of the document reports
	up      map[quad.IRI][]quad.IRI // containment links the record states
	anc     map[quad.IRI]map[quad.IRI]bool
	byName  map[string]quad.IRI
	created []quad.IRI
	err     error

	supp      map[quad.Quad][]quad.IRI   // supporters of shared facts (support.go)
	bySubject map[quad.Value][]quad.Quad // stored quads by subject
	pubs      map[quad.Value]string      // publication days by document
}

func newFuser(v *view, s *Store, doc quad.IRI) *fuser {
	return &fuser{v: v, s: s, doc: doc, events: map[quad.IRI]*eventState{}, prior: map[quad.IRI]bool{},
		up: map[quad.IRI][]quad.IRI{}, anc: map[quad.IRI]map[quad.IRI]bool{}, byName: map[string]quad.IRI{},
		supp: map[quad.Quad][]quad.IRI{}, bySubject: map[quad.Value][]quad.Quad{}, pubs: map[quad.Value]string{}}
}

func (f *fuser) fail(err error) {
	if err != nil && f.err == nil {
		f.err = err
	}
}

// addLocalUp records that the record places x in y (within, country,
// locatedIn), for containment tests before the facts are stored.
func (f *fuser) addLocalUp(x, y quad.IRI) {
	for _, v := range f.up[x] {
		if v == y {
			return
		}
	}
	f.up[x] = append(f.up[x], y)
	f.anc = map[quad.IRI]map[quad.IRI]bool{} // links changed
}

// ancestors returns x and every place that contains it, following
// locatedIn and country links of the store and of the record.
func (f *fuser) ancestors(x quad.IRI) map[quad.IRI]bool {
	if a, ok := f.anc[x]; ok {
		return a
	}
	out := map[quad.IRI]bool{x: true}
	queue := []quad.IRI{x}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		next := append([]quad.IRI(nil), f.up[n]...)
		ups, err := f.v.out(n, schema.LocatedIn, schema.CountryOf)
		f.fail(err)
		for _, v := range ups {
			if iri, ok := v.(quad.IRI); ok {
				next = append(next, iri)
			}
		}
		for _, m := range next {
			if !out[m] {
				out[m] = true
				queue = append(queue, m)
			}
		}
	}
	f.anc[x] = out
	return out
}

// countryByName finds a stored country by exact name or alias.
func (f *fuser) countryByName(name string) (quad.IRI, bool) {
	if iri, ok := f.byName[name]; ok {
		return iri, iri != ""
	}
	var found quad.IRI
	named, err := f.v.in(quad.String(name), schema.Name, schema.Alias)
	f.fail(err)
	for _, v := range named {
		if iri, ok := v.(quad.IRI); ok && (found == "" || iri < found) {
			country, err := f.v.has(iri, schema.Type, schema.Country)
			f.fail(err)
			if country {
				found = iri
			}
		}
	}
	f.byName[name] = found
	return found, found != ""
}

// load reads what the store says about event node e, ignoring the facts
// only the document being put states.
func (f *fuser) load(e quad.IRI) *eventState {
	if st, ok := f.events[e]; ok {
		return st
	}
	st := &eventState{iri: e, types: map[quad.IRI]bool{}, actors: map[quad.IRI]bool{},
		targets: map[quad.IRI]bool{}, locs: map[quad.IRI]bool{}}
	f.events[e] = st
	fused := schema.FusedGraph(f.s.base)
	for _, q := range f.subjectQuads(e) {
		if q.Label == fused {
			st.fusedOld = append(st.fusedOld, q)
			continue
		}
		o, ok := q.Object.(quad.IRI)
		if !ok {
			continue
		}
		var set map[quad.IRI]bool
		switch q.Predicate {
		case schema.Type:
			if o != schema.Event {
				set = st.types
			}
		case schema.Actor:
			set = st.actors
		case schema.Target:
			set = st.targets
		case schema.PlaceOf, schema.EventCountry:
			set = st.locs
		}
		if set != nil && f.supportedByOthers(q) {
			set[o] = true
		}
	}
	reports, err := f.v.in(e, schema.ReportOf)
	f.fail(err)
	for _, r := range reports {
		var fig figures
		other := false
		f.fail(f.v.subject(r, func(q quad.Quad) {
			if q.Label == f.doc || q.Label == fused {
				return
			}
			switch q.Predicate {
			case schema.ReportOf:
				other = other || q.Object == e
			case schema.Date:
				fig.date = schema.TextOf(q.Object)
			case schema.Killed:
				fig.killed = intOf(q.Object)
			case schema.KilledMax:
				fig.killedMax = intOf(q.Object)
			case schema.Injured:
				fig.injured = intOf(q.Object)
			case schema.InjuredMax:
				fig.injuredMax = intOf(q.Object)
			}
		}))
		if other {
			fig.anchor = f.published(r)
			st.others = append(st.others, fig)
		}
	}
	st.hasOthers = len(st.others) > 0
	return st
}

// published returns the publication day of the document that stored
// report node r belongs to (its label), cached by document.
func (f *fuser) published(r quad.Value) string {
	var doc quad.Value
	f.fail(f.v.until(quad.Subject, r, schema.ReportOf, func(q quad.Quad) bool {
		doc = q.Label
		return false
	}))
	if doc == nil {
		return ""
	}
	if d, ok := f.pubs[doc]; ok {
		return d
	}
	d := ""
	vals, err := f.v.out(doc, schema.Published)
	f.fail(err)
	for _, v := range vals {
		d = publicationDay(schema.TextOf(v))
	}
	f.pubs[doc] = d
	return d
}

// publicationDay is the YYYY-MM-DD day of a publication date, or "".
func publicationDay(s string) string {
	if len(s) >= 10 {
		if _, ok := day(s[:10]); ok {
			return s[:10]
		}
	}
	return ""
}

func intOf(v quad.Value) *int {
	if n, ok := schema.IntegerOf(v); ok {
		return &n
	}
	return nil
}

// candidates lists the event nodes that could describe the same event as
// r: those sharing an actor (or, for reports without actors, a target or a
// place), from the store and from the record's earlier reports.
func (f *fuser) candidates(r *report) []quad.IRI {
	if keyed, ok := f.keyedCandidates(r); ok {
		return f.withCreated(keyed)
	}
	var seeds []quad.IRI
	var via []quad.IRI
	switch {
	case len(r.actors) > 0:
		seeds, via = r.actors, []quad.IRI{schema.Actor}
	case len(r.targets) > 0:
		seeds, via = r.targets, []quad.IRI{schema.Target}
	default:
		seeds, via = r.locs(), []quad.IRI{schema.PlaceOf, schema.EventCountry}
	}
	seen := map[quad.IRI]bool{}
	var out []quad.IRI
	for _, seed := range seeds {
		evs, err := f.v.in(seed, via...)
		f.fail(err)
		for _, v := range evs {
			iri, ok := v.(quad.IRI)
			if !ok || seen[iri] {
				continue
			}
			seen[iri] = true
			if f.dateRulesOut(r, iri) {
				continue
			}
			typed, err := f.v.has(iri, schema.Type, r.typ)
			f.fail(err)
			if typed {
				out = append(out, iri)
			}
		}
	}
	for _, iri := range f.created {
		if !seen[iri] {
			seen[iri] = true
			out = append(out, iri)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// withCreated adds to keyed candidates the events created for the record's
// earlier reports and those its stored version reports (whose keys may
// rest on that version), sorted.
func (f *fuser) withCreated(keyed []quad.IRI) []quad.IRI {
	seen := map[quad.IRI]bool{}
	out := keyed[:0:0]
	add := func(iri quad.IRI) {
		if !seen[iri] {
			seen[iri] = true
			out = append(out, iri)
		}
	}
	for _, iri := range keyed {
		add(iri)
	}
	for _, iri := range f.created {
		add(iri)
	}
	for iri := range f.prior {
		add(iri)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// dateRulesOut tells, from its stored date alone, that event e is more than
// a day away from report r, sparing the full load of e. The stored date of
// an event the document's stored version reports may change with this put,
// so those are always loaded.
func (f *fuser) dateRulesOut(r *report, e quad.IRI) bool {
	if r.date == "" || f.prior[e] {
		return false
	}
	if _, loaded := f.events[e]; loaded {
		return false
	}
	stored := ""
	dates, err := f.v.out(e, schema.Date)
	f.fail(err)
	for _, v := range dates {
		stored = schema.TextOf(v)
	}
	d, known := dateDistance(r.date, stored)
	return known && d > 1
}

// match tells whether report r and event e describe the same event, and
// how well (lower is better): same type; a shared actor (or, without
// actors on either side, a shared target); places compatible by
// containment where both give one; dates within a day where both give
// one; for attacks also a shared target or a compatible place, for other
// acts a shared target where both name targets.
func (f *fuser) match(r *report, e *eventState) (ok bool, score int) {
	if !e.hasOthers && !e.usedByRecord {
		return false, 0
	}
	if !e.types[r.typ] {
		return false, 0
	}
	sharedTargets := overlap(r.targets, e.targets)
	if len(r.actors) > 0 || len(e.actors) > 0 {
		if overlap(r.actors, e.actors) == 0 {
			return false, 0
		}
	} else if sharedTargets == 0 {
		return false, 0
	}
	dist := 0
	evDate := fusedDate(e.dates())
	if d, known := dateDistance(r.date, evDate); known {
		if d > 1 {
			return false, 0
		}
		dist = d
	}
	// An undated report speaks of an event near its publication day, and
	// an undated event happened near its earliest report's (fusionkeys.go).
	if r.date == "" || evDate == "" {
		rt, et := r.date, evDate
		if rt == "" {
			rt = r.fig.anchor
		}
		if et == "" {
			et = e.anchor()
		}
		if d, known := dateDistance(rt, et); known && d > undatedWindow {
			return false, 0
		}
	}
	locs := r.locs()
	placed := len(locs) > 0 && len(e.locs) > 0
	if placed && !f.compatible(locs, e.locs) {
		return false, 0
	}
	if r.typ == schema.Attack {
		if sharedTargets == 0 && !placed {
			return false, 0
		}
	} else if len(r.targets) > 0 && len(e.targets) > 0 && sharedTargets == 0 {
		return false, 0
	}
	// Prefer the closest date, then the most shared participants.
	return true, dist*100 - overlap(r.actors, e.actors) - sharedTargets
}

func overlap(a []quad.IRI, b map[quad.IRI]bool) int {
	n := 0
	for _, v := range a {
		if b[v] {
			n++
		}
	}
	return n
}

// compatible tells whether some place of a lies within some place of b or
// the other way round (a village matches its province and its country).
func (f *fuser) compatible(a []quad.IRI, b map[quad.IRI]bool) bool {
	for _, x := range a {
		ax := f.ancestors(x)
		for y := range b {
			if ax[y] || f.ancestors(y)[x] {
				return true
			}
		}
	}
	return false
}

// assign links report r to a fused event node: the best matching one, or
// a new one whose IRI is derived from the report.
func (f *fuser) assign(r *report) {
	best, bestScore := quad.IRI(""), 0
	for _, c := range f.candidates(r) {
		if ok, score := f.match(r, f.load(c)); ok && (best == "" || score < bestScore) {
			best, bestScore = c, score
		}
	}
	if best == "" {
		best = f.mint(r)
	}
	st := f.load(best)
	if !st.hasOthers && !st.usedByRecord {
		f.created = append(f.created, best)
	}
	st.usedByRecord = true
	st.types[r.typ] = true
	for _, a := range r.actors {
		st.actors[a] = true
	}
	for _, t := range r.targets {
		st.targets[t] = true
	}
	for _, l := range r.locs() {
		st.locs[l] = true
	}
	st.fromRecord = append(st.fromRecord, r.fig)
	r.event = best
}

// mint derives a new event node's IRI from the report's type, sorted
// actors, country, date and sorted targets (and places, for events without
// actors), so that the same input always yields the same node. An IRI
// already taken by an event the report did not match gets a suffix.
func (f *fuser) mint(r *report) quad.IRI {
	parts := []string{string(r.typ), joinSorted(r.actors), string(r.country), r.date, joinSorted(r.targets)}
	if len(r.actors) == 0 {
		parts = append(parts, joinSorted(r.places))
	}
	sum := sha256.Sum256([]byte(strings.Join(parts, "\n")))
	key := strings.ToLower(schema.LocalName(r.typ)) + "-" + hex.EncodeToString(sum[:8])
	slot := func(n int) quad.IRI {
		if n == 1 {
			return schema.EventIRI(f.s.base, key)
		}
		return schema.EventIRI(f.s.base, key+"-"+strconv.Itoa(n))
	}
	// Events that share a key take the slots key, key-2, key-3… in turn,
	// so a free slot is found by doubling, then halving: a few lookups
	// however many events share the key (a slot freed by a replaced
	// document may be left, which costs nothing but a number).
	if !f.taken(slot(1)) {
		return slot(1)
	}
	lo, hi := 1, 2
	for f.taken(slot(hi)) {
		lo, hi = hi, 2*hi
	}
	for hi-lo > 1 {
		if mid := (lo + hi) / 2; f.taken(slot(mid)) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return slot(hi)
}

// taken tells whether event node e is in use: reported by another
// document, or by another report of this record.
func (f *fuser) taken(e quad.IRI) bool {
	if st, ok := f.events[e]; ok {
		return st.hasOthers || st.usedByRecord
	}
	fused := schema.FusedGraph(f.s.base)
	used := false
	f.fail(f.v.until(quad.Object, e, schema.ReportOf, func(q quad.Quad) bool {
		used = q.Label != f.doc && q.Label != fused
		return !used
	}))
	return used
}

func joinSorted(iris []quad.IRI) string {
	s := make([]string, len(iris))
	for i, v := range iris {
		s[i] = string(v)
	}
	sort.Strings(s)
	return strings.Join(s, " ")
}

// aggregates recomputes the derived facts (date, casualty ranges) of every
// event the document touched before or touches now: the quads to delete
// and the quads to write, labelled schema.FusedGraph.
func (f *fuser) aggregates(before []quad.IRI, reports []*report) (del, add []quad.Quad, err error) {
	touched := map[quad.IRI]bool{}
	var order []quad.IRI
	for _, e := range before {
		if !touched[e] {
			touched[e] = true
			order = append(order, e)
		}
	}
	for _, r := range reports {
		if !touched[r.event] {
			touched[r.event] = true
			order = append(order, r.event)
		}
	}
	label := schema.FusedGraph(f.s.base)
	for _, e := range order {
		st := f.load(e)
		del = append(del, st.fusedOld...)
		figs := append(append([]figures(nil), st.others...), st.fromRecord...)
		if len(figs) == 0 {
			continue
		}
		put := func(p quad.IRI, v quad.Value) {
			add = append(add, quad.Quad{Subject: e, Predicate: p, Object: v, Label: label})
		}
		var dates []string
		for _, fg := range figs {
			if fg.date != "" {
				dates = append(dates, fg.date)
			}
		}
		d := fusedDate(dates)
		if d != "" {
			put(schema.Date, schema.DateValue(d))
		}
		for _, k := range eventKeys(st, d, st.anchor()) {
			put(schema.FusionKey, k)
		}
		if lo, hi, ok := tollRange(figs, func(fg figures) (*int, *int) { return fg.killed, fg.killedMax }); ok {
			put(schema.KilledMin, schema.Integer(lo))
			put(schema.KilledMax, schema.Integer(hi))
		}
		if lo, hi, ok := tollRange(figs, func(fg figures) (*int, *int) { return fg.injured, fg.injuredMax }); ok {
			put(schema.InjuredMin, schema.Integer(lo))
			put(schema.InjuredMax, schema.Integer(hi))
		}
	}
	return del, add, f.err
}

// tollRange is the lowest and highest figure the reports give.
func tollRange(figs []figures, get func(figures) (*int, *int)) (lo, hi int, ok bool) {
	for _, fg := range figs {
		n, max := get(fg)
		if n == nil {
			continue
		}
		top := *n
		if max != nil && *max > top {
			top = *max
		}
		if !ok || *n < lo {
			lo = *n
		}
		if !ok || top > hi {
			hi = top
		}
		ok = true
	}
	return lo, hi, ok
}

// fusedDate picks an event's date from its reports' dates: the most
// precise (a day before a month), then the most frequent, then the
// earliest.
func fusedDate(dates []string) string {
	count := map[string]int{}
	for _, d := range dates {
		if _, _, ok := dateSpan(d); ok {
			count[d]++
		}
	}
	best := ""
	for d, n := range count {
		if best == "" {
			best = d
			continue
		}
		switch {
		case len(d) != len(best):
			if len(d) > len(best) {
				best = d
			}
		case n != count[best]:
			if n > count[best] {
				best = d
			}
		case d < best:
			best = d
		}
	}
	return best
}

// dateSpan parses an ISO day, month or year into the first and last day it
// covers.
func dateSpan(s string) (from, to time.Time, ok bool) {
	for _, l := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }},
	} {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t, l.next(t), true
		}
	}
	return time.Time{}, time.Time{}, false
}

// dateDistance is the number of days between two dates (0 where their
// spans overlap); known is false if either is missing or unparsable.
func dateDistance(a, b string) (days int, known bool) {
	af, at, ok1 := dateSpan(a)
	bf, bt, ok2 := dateSpan(b)
	if !ok1 || !ok2 {
		return 0, false
	}
	switch {
	case at.Before(bf):
		return int(bf.Sub(at).Hours() / 24), true
	case bt.Before(af):
		return int(af.Sub(bt).Hours() / 24), true
	}
	return 0, true
}
