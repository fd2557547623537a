package graph

import (
	"sort"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Fusion across documents.
//
// Which events the store holds is a function of the set of reports it
// holds, not of the order they came in. Put fuses in two steps:
//
//  1. Within the record: its reports are grouped into units, greedily in
//     record order against each other only (fuser.assign), never against
//     the store. A unit is what one document says about one event.
//  2. Across documents (fuser.refuse): two units match when they could
//     describe the same event (profile.matches); the units linked to the
//     record's units by chains of matches (a connected component) are
//     clustered again from scratch, in the order of their smallest report
//     IRI: each unit joins the best cluster it matches that holds another
//     unit it matches and no unit of its document, else founds one.
//
// A component is a function of the set of units, and so is its
// clustering: a report that fits two events that do not fit each other
// ends where the canonical order puts it, whichever was stored first.
// Every unit then moves to its cluster's name (eventName of its smallest
// report): its reports' ng:reportOf, its entries in the support index and
// the shared facts they support follow, in the same transaction, and the
// derived facts of every event touched are recomputed.
//
// The store tells a unit apart by its document: the reports of one event
// labelled with one document, and the shared facts of the event that
// document supports. A cluster never holds two units of one document, so
// that the units read back are the units that were clustered.

// profile is what a unit or a cluster says about its event.
type profile struct {
	types, actors, targets, locs map[quad.IRI]bool
	figs                         []figures
	memo                         *profileMemo // nil until read, and after add
}

// profileMemo is what matches reads of a profile, computed once per
// profile: fusion weighs every pair of units of a component, and at tens
// of thousands of articles fusing dates and walking sets again for each
// pair was most of the cost of an ingest. A profile is read only once it
// is complete; add drops the memo.
type profileMemo struct {
	types, actors, targets, locs []quad.IRI // sorted
	date, anchor                 string
	dateDays, anchorDays         daySpanOf
	attack                       bool
}

// memoised returns p's memo, computing it on first use.
func (p *profile) memoised() *profileMemo {
	if p.memo == nil {
		date, anchor := p.fuseDate(), p.earliestAnchor()
		p.memo = &profileMemo{types: sortedIRIs(p.types), actors: sortedIRIs(p.actors),
			targets: sortedIRIs(p.targets), locs: sortedIRIs(p.locs),
			date: date, anchor: anchor, dateDays: spanOf(date), anchorDays: spanOf(anchor),
			attack: p.types[schema.Attack]}
	}
	return p.memo
}

func newProfile() *profile {
	return &profile{types: map[quad.IRI]bool{}, actors: map[quad.IRI]bool{},
		targets: map[quad.IRI]bool{}, locs: map[quad.IRI]bool{}}
}

// add adds what q says to p.
func (p *profile) add(q *profile) {
	for _, pair := range [][2]map[quad.IRI]bool{{p.types, q.types}, {p.actors, q.actors}, {p.targets, q.targets}, {p.locs, q.locs}} {
		for k := range pair[1] {
			pair[0][k] = true
		}
	}
	p.figs = append(p.figs, q.figs...)
	p.memo = nil
}

// date is the fused date of p's reports (fusedDate).
func (p *profile) date() string { return p.memoised().date }

// anchor is the earliest publication day of p's reports.
func (p *profile) anchor() string { return p.memoised().anchor }

func (p *profile) fuseDate() string {
	var dates []string
	for _, f := range p.figs {
		if f.date != "" {
			dates = append(dates, f.date)
		}
	}
	return fusedDate(dates)
}

func (p *profile) earliestAnchor() string {
	out := ""
	for _, f := range p.figs {
		if f.anchor != "" && (out == "" || f.anchor < out) {
			out = f.anchor
		}
	}
	return out
}

// typ is p's smallest type.
func (p *profile) typ() quad.IRI {
	return smallest(p.types)
}

func smallest(set map[quad.IRI]bool) quad.IRI {
	out := quad.IRI("")
	for k := range set {
		if out == "" || k < out {
			out = k
		}
	}
	return out
}

func sortedIRIs(set map[quad.IRI]bool) []quad.IRI {
	out := make([]quad.IRI, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// matches tells whether a and b may describe the same event, and how well
// (lower is better): a shared type; a shared actor (or, without actors on
// either side, a shared target); dates within a day where both give one,
// else an undated side within undatedWindow days of the other's date or
// publication day; places compatible by containment where both give one;
// for attacks also a shared target or a place, for other acts a shared
// target where both name targets. The test is symmetric.
func (f *fuser) matches(a, b *profile) (ok bool, score int) {
	ma, mb := a.memoised(), b.memoised()
	if overlap(ma.types, mb.types) == 0 {
		return false, 0
	}
	sharedActors, sharedTargets := overlap(ma.actors, mb.actors), overlap(ma.targets, mb.targets)
	if len(ma.actors) > 0 || len(mb.actors) > 0 {
		if sharedActors == 0 {
			return false, 0
		}
	} else if sharedTargets == 0 {
		return false, 0
	}
	dist := 0
	if d, known := ma.dateDays.distance(mb.dateDays); known {
		if d > 1 {
			return false, 0
		}
		dist = d
	}
	// An undated report speaks of an event near its publication day
	// (fusionkeys.go).
	if ma.date == "" || mb.date == "" {
		at, bt := ma.dateDays, mb.dateDays
		if ma.date == "" {
			at = ma.anchorDays
		}
		if mb.date == "" {
			bt = mb.anchorDays
		}
		if d, known := at.distance(bt); known && d > undatedWindow {
			return false, 0
		}
	}
	placed := len(ma.locs) > 0 && len(mb.locs) > 0
	if placed && !f.compatible(ma.locs, mb.locs) {
		return false, 0
	}
	if ma.attack || mb.attack {
		if sharedTargets == 0 && !placed {
			return false, 0
		}
	} else if len(ma.targets) > 0 && len(mb.targets) > 0 && sharedTargets == 0 {
		return false, 0
	}
	// Prefer the closest date, then the most shared participants.
	return true, dist*100 - sharedActors - sharedTargets
}

// overlap is the number of IRIs two sorted lists share.
func overlap(a, b []quad.IRI) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case b[j] < a[i]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// unit is what one document says about one event node: its reports of
// it, and the shared facts of the node it supports.
type unit struct {
	doc     quad.IRI
	event   quad.IRI   // the node it is stored under
	reports []quad.IRI // sorted
	p       *profile
	facts   []quad.Quad // triples about the node (or pointing to it) the document supports
}

// key is the unit's smallest report: the order of clustering.
func (u *unit) key() quad.IRI { return u.reports[0] }

// units reads the units of event node e as the view shows it, cached.
func (f *fuser) units(e quad.IRI) []*unit {
	if us, ok := f.unitsOf[e]; ok {
		return us
	}
	fused := schema.FusedGraph(f.s.base)
	byDoc := map[quad.IRI]*unit{}
	var out []*unit
	f.fail(f.v.each(quad.Object, e, schema.ReportOf, func(q quad.Quad) {
		doc, ok := q.Label.(quad.IRI)
		rep, isIRI := q.Subject.(quad.IRI)
		if !ok || !isIRI || doc == fused {
			return
		}
		u := byDoc[doc]
		if u == nil {
			u = &unit{doc: doc, event: e, p: newProfile()}
			byDoc[doc] = u
			out = append(out, u)
		}
		u.reports = append(u.reports, rep)
	}))
	for _, u := range out {
		sort.Slice(u.reports, func(i, j int) bool { return u.reports[i] < u.reports[j] })
		anchor := f.docDay(u.doc)
		for _, r := range u.reports {
			fig := figures{anchor: anchor}
			f.fail(f.v.subject(r, func(q quad.Quad) {
				if q.Label == u.doc {
					fig.read(q)
				}
			}))
			u.p.figs = append(u.p.figs, fig)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key() < out[j].key() })
	// The shared facts of the node, and those pointing to it, each given
	// to the units of the documents that support it.
	var triples []quad.Quad
	seen := map[quad.Quad]bool{}
	addTriple := func(q quad.Quad) {
		if q.Label == fused {
			return
		}
		if t := triple(q); !seen[t] {
			seen[t] = true
			triples = append(triples, t)
		}
	}
	for _, q := range f.subjectQuads(e) {
		addTriple(q)
	}
	f.fail(f.v.each(quad.Object, e, schema.RetaliationFor, addTriple))
	for _, t := range triples {
		for _, d := range f.supportersOf(t) {
			u := byDoc[d]
			if u == nil {
				continue
			}
			u.facts = append(u.facts, t)
			o, ok := t.Object.(quad.IRI)
			if !ok || t.Subject != e {
				continue
			}
			switch t.Predicate {
			case schema.Type:
				if o != schema.Event {
					u.p.types[o] = true
				}
			case schema.Actor:
				u.p.actors[o] = true
			case schema.Target:
				u.p.targets[o] = true
			case schema.PlaceOf, schema.EventCountry:
				u.p.locs[o] = true
			}
		}
	}
	f.unitsOf[e] = out
	return out
}

// supportersOf returns the documents that state fact t: those of the
// support index and the labels of its stored copies (stores written before
// facts were shared), sorted, cached.
func (f *fuser) supportersOf(t quad.Quad) []quad.IRI {
	t = triple(t)
	if v, ok := f.allSupp[t]; ok {
		return v
	}
	fused := schema.FusedGraph(f.s.base)
	set := map[quad.IRI]bool{}
	for _, d := range f.support(t) {
		set[d] = true
	}
	copies, err := f.v.copies(t)
	f.fail(err)
	for _, q := range copies {
		if l, ok := q.Label.(quad.IRI); ok && l != fused {
			set[l] = true
		}
	}
	out := sortedIRIs(set)
	f.allSupp[t] = out
	return out
}

// docDay is the publication day of document doc, cached.
func (f *fuser) docDay(doc quad.IRI) string {
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

// component returns the units of the events seeds and of every event
// linked to them by a chain of matching units, sorted by key. The stored
// events of one component are linked by ng:fusedWith (derive), so only the
// units of the document being put are looked up by their fusion keys.
func (f *fuser) component(seeds []quad.IRI) []*unit {
	taken := map[quad.IRI]bool{}
	var out []*unit
	var queue []quad.IRI
	take := func(e quad.IRI) {
		if !taken[e] {
			taken[e] = true
			out = append(out, f.units(e)...)
			queue = append(queue, e)
		}
	}
	for _, e := range seeds {
		take(e)
	}
	for len(queue) > 0 {
		e := queue[0]
		queue = queue[1:]
		for _, l := range f.links(e) {
			take(l)
		}
		for _, u := range f.units(e) {
			if u.doc != f.doc {
				continue
			}
			for _, c := range f.storeCandidates(u.probe()) {
				if !taken[c] && f.matchesOne(u, f.units(c)) {
					take(c)
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key() < out[j].key() })
	return out
}

// links returns the events event e is fusedWith, either way.
func (f *fuser) links(e quad.IRI) []quad.IRI {
	var out []quad.IRI
	add := func(v quad.Value) {
		if iri, ok := v.(quad.IRI); ok && iri != e {
			out = append(out, iri)
		}
	}
	f.fail(f.v.each(quad.Subject, e, schema.FusedWith, func(q quad.Quad) { add(q.Object) }))
	f.fail(f.v.each(quad.Object, e, schema.FusedWith, func(q quad.Quad) { add(q.Subject) }))
	return out
}

// linked returns the pairs of clusters (by index, the smaller first) that
// hold a unit each that match each other.
func (f *fuser) linked(clusters []*cluster) [][2]int {
	var out [][2]int
	for i := range clusters {
		for j := i + 1; j < len(clusters); j++ {
			if f.clustersMatch(clusters[i], clusters[j]) {
				out = append(out, [2]int{i, j})
			}
		}
	}
	return out
}

func (f *fuser) clustersMatch(a, b *cluster) bool {
	for _, u := range a.units {
		if f.matchesOne(u, b.units) {
			return true
		}
	}
	return false
}

// probe is a report standing for unit u in candidate lookups: its type,
// participants, fused date and publication day.
func (u *unit) probe() *report {
	return &report{typ: u.p.typ(), actors: sortedIRIs(u.p.actors), targets: sortedIRIs(u.p.targets),
		places: sortedIRIs(u.p.locs), date: u.p.date(), fig: figures{anchor: u.p.anchor()}}
}

// cluster is a group of units that become one event node.
type cluster struct {
	units []*unit
	p     *profile
	docs  map[quad.IRI]bool
}

// name is the node the cluster is stored under: eventName of its
// smallest report (its first unit's, units joining in key order).
func (c *cluster) name(base string) quad.IRI {
	return eventName(base, c.p.typ(), c.units[0].key())
}

// clusterUnits groups units (sorted by key) into events: each joins the
// best matching cluster that holds a unit it matches and none of its
// document, the earliest founded on a tie, else founds one.
func (f *fuser) clusterUnits(units []*unit) []*cluster {
	var out []*cluster
	for _, u := range units {
		var best *cluster
		bestScore := 0
		for _, c := range out {
			if c.docs[u.doc] {
				continue
			}
			ok, score := f.matches(u.p, c.p)
			if !ok || (best != nil && score >= bestScore) || !f.matchesOne(u, c.units) {
				continue
			}
			best, bestScore = c, score
		}
		if best == nil {
			best = &cluster{p: newProfile(), docs: map[quad.IRI]bool{}}
			out = append(out, best)
		}
		best.units = append(best.units, u)
		best.p.add(u.p)
		best.docs[u.doc] = true
	}
	return out
}

// matchesOne tells whether u matches one of units.
func (f *fuser) matchesOne(u *unit, units []*unit) bool {
	for _, w := range units {
		if ok, _ := f.matches(u.p, w.p); ok {
			return true
		}
	}
	return false
}

// changes collects the quads a step deletes (each read from the view) and
// adds; a quad both deleted and added is left as it is.
type changes struct {
	del, add []quad.Quad
	delSet   map[quad.Quad]bool
	addSet   map[quad.Quad]bool
}

func newChanges() *changes {
	return &changes{delSet: map[quad.Quad]bool{}, addSet: map[quad.Quad]bool{}}
}

func (c *changes) remove(q quad.Quad) {
	if !c.delSet[q] {
		c.delSet[q] = true
		c.del = append(c.del, q)
	}
}

func (c *changes) put(q quad.Quad) {
	if !c.addSet[q] {
		c.addSet[q] = true
		c.add = append(c.add, q)
	}
}

// deltas returns the net changes, removals first.
func (c *changes) deltas() []graph.Delta {
	var out []graph.Delta
	for _, q := range c.del {
		if !c.addSet[q] {
			out = append(out, graph.Delta{Quad: q, Action: graph.Delete})
		}
	}
	for _, q := range c.add {
		if !c.delSet[q] {
			out = append(out, graph.Delta{Quad: q, Action: graph.Add})
		}
	}
	return out
}

// refuse clusters again the component of the events seeds (the record's
// new events and those its stored version reported, as the view shows the
// store after the record's own changes) and returns the changes that move
// every unit to its cluster's node and recompute the derived facts of
// every event touched; own is the change in the number of shared facts
// labelled with the document being put.
func (f *fuser) refuse(seeds []quad.IRI) (deltas []graph.Delta, own int, err error) {
	units := f.component(seeds)
	clusters := f.clusterUnits(units)
	// A cluster's name held by a node outside the component (a store
	// whose names predate this scheme) brings that node's units in.
	for again := true; again; {
		again = false
		in := map[quad.IRI]bool{}
		for _, u := range units {
			in[u.event] = true
		}
		var extra []quad.IRI
		for _, c := range clusters {
			if n := c.name(f.s.base); !in[n] && len(f.units(n)) > 0 {
				extra = append(extra, n)
			}
		}
		if len(extra) > 0 {
			units = f.component(append(append([]quad.IRI(nil), seeds...), append(extra, eventsOf(units)...)...))
			clusters = f.clusterUnits(units)
			again = true
		}
	}
	if f.err != nil {
		return nil, 0, f.err
	}
	target := map[[2]quad.IRI]quad.IRI{} // document, node → new node
	for _, c := range clusters {
		n := c.name(f.s.base)
		for _, u := range c.units {
			target[[2]quad.IRI{u.doc, u.event}] = n
		}
	}
	ch := newChanges()
	f.moveReports(ch, units, target)
	own = f.moveFacts(ch, units, target)
	touched := append(append([]quad.IRI(nil), seeds...), eventsOf(units)...)
	for _, c := range clusters {
		touched = append(touched, c.name(f.s.base))
	}
	f.derive(ch, touched, clusters)
	f.touchRetaliations(ch)
	return ch.deltas(), own, f.err
}

// touchRetaliations notes in f.touched, for their rows to be written
// again, the events whose ng:retaliationFor ch moves: an event that
// answers a renamed one is not in the component, but its row names the
// answered event.
func (f *fuser) touchRetaliations(ch *changes) {
	for _, list := range [][]quad.Quad{ch.del, ch.add} {
		for _, q := range list {
			if e, ok := q.Subject.(quad.IRI); ok && q.Predicate == schema.RetaliationFor {
				f.touched = append(f.touched, e)
			}
		}
	}
}

func eventsOf(units []*unit) []quad.IRI {
	out := make([]quad.IRI, 0, len(units))
	for _, u := range units {
		out = append(out, u.event)
	}
	return out
}

// moveReports points the reports of each moving unit to its new node.
func (f *fuser) moveReports(ch *changes, units []*unit, target map[[2]quad.IRI]quad.IRI) {
	for _, u := range units {
		to := target[[2]quad.IRI{u.doc, u.event}]
		if to == u.event {
			continue
		}
		for _, r := range u.reports {
			ch.remove(quad.Quad{Subject: r, Predicate: schema.ReportOf, Object: u.event, Label: u.doc})
			ch.put(quad.Quad{Subject: r, Predicate: schema.ReportOf, Object: to, Label: u.doc})
		}
	}
}

// moveFacts moves the support of each unit's facts to its new node (and
// a ng:retaliationFor to the new node of the event it names), and settles
// every fact whose supporters change: one copy labelled with its smallest
// supporter, none without supporters. It returns the change in the number
// of facts labelled with the document being put.
func (f *fuser) moveFacts(ch *changes, units []*unit, target map[[2]quad.IRI]quad.IRI) (own int) {
	moved := func(doc quad.IRI, v quad.Value) quad.Value {
		if iri, ok := v.(quad.IRI); ok {
			if to, ok := target[[2]quad.IRI{doc, iri}]; ok {
				return to
			}
		}
		return v
	}
	gone := map[quad.Quad]map[quad.IRI]bool{}
	came := map[quad.Quad]map[quad.IRI]bool{}
	var order []quad.Quad
	note := func(m map[quad.Quad]map[quad.IRI]bool, t quad.Quad, d quad.IRI) {
		if gone[t] == nil && came[t] == nil {
			order = append(order, t)
		}
		if m[t] == nil {
			m[t] = map[quad.IRI]bool{}
		}
		m[t][d] = true
	}
	done := map[[2]quad.Quad]bool{}
	for _, u := range units {
		for _, t := range u.facts {
			key := [2]quad.Quad{t, {Subject: u.doc}}
			if done[key] {
				continue
			}
			done[key] = true
			n := t
			n.Subject, n.Object = moved(u.doc, t.Subject), moved(u.doc, t.Object)
			if n == t {
				continue
			}
			f.moveSupport(ch, t, n, u.doc)
			note(gone, t, u.doc)
			note(came, n, u.doc)
		}
	}
	fused := schema.FusedGraph(f.s.base)
	for _, t := range order {
		set := map[quad.IRI]bool{}
		for _, d := range f.supportersOf(t) {
			set[d] = true
		}
		for d := range gone[t] {
			delete(set, d)
		}
		for d := range came[t] {
			set[d] = true
		}
		label := smallest(set)
		copies, err := f.v.copies(t)
		f.fail(err)
		kept := false
		for _, q := range copies {
			if q.Label == fused {
				continue
			}
			if label != "" && q.Label == label {
				kept = true
				continue
			}
			if q.Label == f.doc {
				own--
			}
			ch.remove(q)
		}
		if label != "" && !kept {
			q := t
			q.Label = label
			ch.put(q)
			if label == f.doc {
				own++
			}
		}
	}
	return own
}

// moveSupport moves doc's support of fact t to fact n. A fact of an event
// its reports list (statesFacts) needs nothing: the reports, which
// moveReports moves, list n as they listed t.
func (f *fuser) moveSupport(ch *changes, t, n quad.Quad, doc quad.IRI) {
	entry := supportQuad(f.s.base, t, doc)
	listed := f.listed(entry)
	if !listed && t.Predicate == n.Predicate && t.Object == n.Object && f.s.stated(t) && f.s.stated(n) && f.supportedBy(t, doc) {
		return
	}
	if listed || f.supportedBy(t, doc) {
		ch.remove(entry)
	}
	ch.put(supportQuad(f.s.base, n, doc))
}

// derive recomputes the derived facts (labelled schema.FusedGraph) of the
// events touched: those of each cluster from all its units, none for a
// node left without reports. It notes the events in f.touched, whose
// listing rows are then written again (rows.go), as touchRetaliations
// notes the events that answer them.
func (f *fuser) derive(ch *changes, touched []quad.IRI, clusters []*cluster) {
	fused := schema.FusedGraph(f.s.base)
	cal := f.newCalendarEdit(ch)
	seen := map[quad.IRI]bool{}
	for _, e := range touched {
		if seen[e] {
			continue
		}
		seen[e] = true
		f.touched = append(f.touched, e)
		f.fail(f.v.subject(e, func(q quad.Quad) {
			if q.Label == fused {
				ch.remove(q)
				cal.removed(q)
			}
		}))
	}
	for _, l := range f.linked(clusters) {
		a, b := clusters[l[0]].name(f.s.base), clusters[l[1]].name(f.s.base)
		if b < a {
			a, b = b, a
		}
		ch.put(quad.Quad{Subject: a, Predicate: schema.FusedWith, Object: b, Label: fused})
	}
	for _, c := range clusters {
		e := c.name(f.s.base)
		put := func(p quad.IRI, v quad.Value) {
			ch.put(quad.Quad{Subject: e, Predicate: p, Object: v, Label: fused})
		}
		d := c.p.date()
		if d != "" {
			put(schema.Date, schema.DateValue(d))
		}
		cal.date(e, d)
		for _, k := range clusterKeys(c, d) {
			put(schema.FusionTime, k)
		}
		figs := c.p.figs
		if lo, hi, ok := tollRange(figs, func(fg figures) (*int, *int) { return fg.killed, fg.killedMax }); ok {
			put(schema.KilledMin, schema.Integer(lo))
			put(schema.KilledMax, schema.Integer(hi))
		}
		if lo, hi, ok := tollRange(figs, func(fg figures) (*int, *int) { return fg.injured, fg.injuredMax }); ok {
			put(schema.InjuredMin, schema.Integer(lo))
			put(schema.InjuredMax, schema.Integer(hi))
		}
	}
	cal.settle()
}
