package graph

import (
	"math"
	"sort"
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

// read sets the figure that quad q of a report states, if any.
func (fig *figures) read(q quad.Quad) {
	switch q.Predicate {
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
	keys  []string // of the facts of its event it states (statesFacts)
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

// fuser matches the reports of one record to fused event nodes and
// computes the facts derived from all reports of an event.
type fuser struct {
	v   *view
	s   *Store
	doc quad.IRI // the document being put; its stored facts are ignored

	events  map[quad.IRI]*eventState
	up      map[quad.IRI][]quad.IRI // containment links the record states
	anc     map[quad.IRI]map[quad.IRI]bool
	created []quad.IRI
	err     error

	supp      map[quad.Quad][]quad.IRI   // supporters of shared facts (support.go)
	listers   map[quad.IRI]*listers      // an entity's documents and what they support (support.go)
	bySubject map[quad.Value][]quad.Quad // stored quads by subject
	pubs      map[quad.Value]string      // publication days by document

	unitsOf map[quad.IRI][]*unit     // units by event node (recluster.go)
	allSupp map[quad.Quad][]quad.IRI // supporters of facts, copies' labels included

	entitySets map[quad.IRI]map[string][]quad.Value // an entity's fact sets by fact key (support.go)

	touched []quad.IRI // the events whose rows are written again: derive's, touchRetaliations'
}

func newFuser(v *view, s *Store, doc quad.IRI) *fuser {
	return &fuser{v: v, s: s, doc: doc, events: map[quad.IRI]*eventState{},
		up: map[quad.IRI][]quad.IRI{}, anc: map[quad.IRI]map[quad.IRI]bool{},
		supp: map[quad.Quad][]quad.IRI{}, listers: map[quad.IRI]*listers{}, bySubject: map[quad.Value][]quad.Quad{}, pubs: map[quad.Value]string{},
		unitsOf: map[quad.IRI][]*unit{}, allSupp: map[quad.Quad][]quad.IRI{}, entitySets: map[quad.IRI]map[string][]quad.Value{}}
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
			if q.Predicate == schema.ReportOf {
				other = other || q.Object == e
			}
			fig.read(q)
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
	iri, ok := doc.(quad.IRI)
	if !ok {
		return ""
	}
	return f.docDay(iri)
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

// candidates lists the event nodes report r may join within its record:
// those created for the record's earlier reports, sorted. Reports are
// fused with other documents' afterwards, by unit (refuse).
func (f *fuser) candidates(r *report) []quad.IRI {
	out := append([]quad.IRI(nil), f.created...)
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// storeCandidates lists the stored event nodes that may hold a unit
// matching probe r (a unit's type, participants and time): by their fusion
// keys, or else every event sharing an actor (or, for reports without
// actors, a target or a place) whose time keys do not rule it out.
func (f *fuser) storeCandidates(r *report) []quad.IRI {
	if keyed, ok := f.keyedCandidates(r); ok {
		sort.Slice(keyed, func(i, j int) bool { return keyed[i] < keyed[j] })
		return keyed
	}
	seeds, role := seedsOf(r)
	via := rolePreds[role]
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
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// dateRulesOut tells, from the time parts of its fusion keys alone (the
// times of the event and of each of its units), that no unit of event e
// can match report r by date, sparing the read of its units. An event
// without keys is never ruled out.
func (f *fuser) dateRulesOut(r *report, e quad.IRI) bool {
	if r.date == "" {
		return false
	}
	times := map[string]bool{}
	for _, p := range []quad.IRI{schema.FusionTime, schema.FusionKey} {
		f.fail(f.v.each(quad.Subject, e, p, func(q quad.Quad) {
			k := schema.TextOf(q.Object)
			if i := strings.LastIndexByte(k, '|'); i >= 0 {
				times[k[i+1:]] = true
			}
		}))
	}
	if len(times) == 0 {
		return false
	}
	for tk := range times {
		if !timeRulesOut(r.date, tk) {
			return false
		}
	}
	return true
}

// timeRulesOut tells whether a unit of time key tk cannot match a report
// dated date: a dated unit more than a day away, an undated one published
// more than undatedWindow days away.
func timeRulesOut(date, tk string) bool {
	kind, t, _ := strings.Cut(tk, ":")
	switch kind {
	case "d", "m", "y":
		d, known := dateDistance(date, t)
		return known && d > 1
	case "u":
		d, known := dateDistance(date, t)
		return known && d > undatedWindow
	}
	return false
}

// match tells whether report r and event e (of the record's earlier
// reports) describe the same event, and how well (lower is better), by
// the rules of fuser.matches.
func (f *fuser) match(r *report, e *eventState) (ok bool, score int) {
	if !e.hasOthers && !e.usedByRecord {
		return false, 0
	}
	return f.matches(r.profile(), e.profile())
}

// profile is what report r says about its event.
func (r *report) profile() *profile {
	p := newProfile()
	p.types[r.typ] = true
	for _, set := range []struct {
		to   map[quad.IRI]bool
		from []quad.IRI
	}{{p.actors, r.actors}, {p.targets, r.targets}, {p.locs, r.locs()}} {
		for _, x := range set.from {
			set.to[x] = true
		}
	}
	fig := r.fig
	fig.date = r.date
	p.figs = []figures{fig}
	return p
}

// profile is what the reports of e say about it.
func (e *eventState) profile() *profile {
	p := &profile{types: e.types, actors: e.actors, targets: e.targets, locs: e.locs}
	p.figs = append(append([]figures(nil), e.others...), e.fromRecord...)
	return p
}

// compatible tells whether some place of a lies within some place of b or
// the other way round (a village matches its province and its country).
func (f *fuser) compatible(a, b []quad.IRI) bool {
	for _, x := range a {
		ax := f.ancestors(x)
		for _, y := range b {
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

// mint names a new event node after the report that founds it
// (eventName), so that an event's name depends on its reports only, not on
// what the store held when it was made. The name may still be held by an
// event of the document's stored version that keeps reports of other
// documents: the new node then gets a provisional name, and Put gives
// every unit its final name before it writes (fuser.refuse).
func (f *fuser) mint(r *report) quad.IRI {
	if iri := eventName(f.s.base, r.typ, r.iri); !f.taken(iri) {
		return iri
	}
	return provisionalName(f.s.base, r.typ, r.iri)
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

// dateSpan parses an ISO day, month or year ("2024-03-05", "2024-03",
// "2024") into the first and last day it covers, as time.Parse with the
// layouts "2006-01-02", "2006-01" and "2006" would, without its error
// values: fusion compares the dates of every pair of reports it weighs,
// and at tens of thousands of articles time.Parse's failed layouts were
// the largest cost of an ingest.
func dateSpan(s string) (from, to time.Time, ok bool) {
	year, ok := isoDigits(s, 0, 4)
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	switch len(s) {
	case 4:
		from = time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
		return from, from.AddDate(1, 0, -1), true
	case 7, 10:
		month, ok := isoDigits(s, 5, 2)
		if !ok || s[4] != '-' || month < 1 || month > 12 {
			return time.Time{}, time.Time{}, false
		}
		from = time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
		if len(s) == 7 {
			return from, from.AddDate(0, 1, -1), true
		}
		day, ok := isoDigits(s, 8, 2)
		if !ok || s[7] != '-' || day < 1 || day > from.AddDate(0, 1, -1).Day() {
			return time.Time{}, time.Time{}, false
		}
		from = from.AddDate(0, 0, day-1)
		return from, from, true
	}
	return time.Time{}, time.Time{}, false
}

// isoDigits reads the n decimal digits of s at i as a number; ok is false
// where s is shorter or holds anything else there.
func isoDigits(s string, i, n int) (v int, ok bool) {
	if len(s) < i+n {
		return 0, false
	}
	for _, c := range []byte(s[i : i+n]) {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// dateDistance is the number of days between two dates (0 where their
// spans overlap); known is false if either is missing or unparsable. It
// counts in day numbers, not time.Time values (fusion asks it for every
// pair of reports it weighs), and gives what subtracting the spans' times
// gives, up to time.Duration's limit of 106,751 days.
func dateDistance(a, b string) (days int, known bool) {
	return spanOf(a).distance(spanOf(b))
}

// daySpanOf is a date parsed into day numbers (daySpan); ok is false for a
// missing or unparsable date.
type daySpanOf struct {
	from, to int
	ok       bool
}

func spanOf(s string) daySpanOf {
	from, to, ok := daySpan(s)
	return daySpanOf{from, to, ok}
}

// distance is dateDistance of the dates a and b were parsed from.
func (a daySpanOf) distance(b daySpanOf) (days int, known bool) {
	if !a.ok || !b.ok {
		return 0, false
	}
	switch {
	case a.to < b.from:
		days = b.from - a.to
	case b.to < a.from:
		days = a.from - b.to
	}
	return min(days, maxDurationDays), true
}

// maxDurationDays is the most whole days a time.Duration holds.
const maxDurationDays = int(math.MaxInt64 / int64(24*time.Hour))

// daySpan is dateSpan in day numbers (days since 1970-01-01).
func daySpan(s string) (from, to int, ok bool) {
	year, ok := isoDigits(s, 0, 4)
	if !ok {
		return 0, 0, false
	}
	switch len(s) {
	case 4:
		return dayNumber(year, 1, 1), dayNumber(year, 12, 31), true
	case 7, 10:
		month, ok := isoDigits(s, 5, 2)
		if !ok || s[4] != '-' || month < 1 || month > 12 {
			return 0, 0, false
		}
		last := daysInMonth(year, month)
		if len(s) == 7 {
			return dayNumber(year, month, 1), dayNumber(year, month, last), true
		}
		day, ok := isoDigits(s, 8, 2)
		if !ok || s[7] != '-' || day < 1 || day > last {
			return 0, 0, false
		}
		n := dayNumber(year, month, day)
		return n, n, true
	}
	return 0, 0, false
}

// dayNumber is the number of days from 1970-01-01 to the given day of the
// proleptic Gregorian calendar (negative before it).
func dayNumber(year, month, day int) int {
	if month <= 2 {
		year--
	}
	era := year / 400
	if year < 0 {
		era = (year - 399) / 400
	}
	yoe := year - era*400
	mp := (month + 9) % 12
	doy := (153*mp+2)/5 + day - 1
	return era*146097 + yoe*365 + yoe/4 - yoe/100 + doy - 719468
}

// daysInMonth is the number of days of the month in the year.
func daysInMonth(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
