package graph

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// Listing rows.
//
// Reading a fused event in full takes a few dozen reads (its quads, its
// reports and theirs, their documents, the support of the facts its
// documents disagree on). What a listing shows of it, but for its
// entities, is kept on the event as one literal, its row:
// <event> ng:row "{…}"^^ng:Row, labelled schema.FusedGraph. The row holds
// the event's type, subtype, CAMEO code, operation, retaliation, the
// IRIs of its actors, agents, targets, places and country, its target
// texts and weapons, its fused date and figures, its confidence and date
// text, and one entry per source document (what the document's claim
// shows: its citation, figures, date and evidence). A listing reads the
// row, then the entities it names (cached for the listing: they change
// with documents that do not report the event, so they are not in the
// row), and shows exactly what the full read shows: both build the event
// from an eventRow (show), one from the stored literal, the other from
// the event's facts (collect).
//
// The row is written where the event's fused facts are (fuseRecord and
// Delete, after fuser.refuse has recomputed them): every event a write
// touches gets its row read in full through the write's view, so a row is
// rewritten whenever a report joins or leaves its event, events merge or
// split, or a document is replaced or deleted (its citation changes only
// then), and when the event it retaliates for is renamed (its
// ng:retaliationFor moves to the new name: fuser.touchRetaliations). An event without a row (a store written before rows) is read in
// full; so is every event when Store.fullReads is set (tests).
//
// The layout is rowcodec.go's alone.

// eventRow is what a listing shows of a fused event, its entities by IRI.
type eventRow struct {
	Type        string
	Subtype     string
	Cameo       string
	Operation   string
	Retaliation string
	Actors      []string
	Agents      []string
	Targets     []string
	Places      []string
	Country     string
	TargetText  []string
	Weapons     []string
	Date        string
	DateText    *string
	Killed      *int
	KilledMax   *int
	Injured     *int
	InjuredMax  *int
	Confidence  float64
	Sources     []rowSource
}

// rowSource is what the claim of one source document shows.
type rowSource struct {
	Doc       string
	Title     string
	URL       string
	Source    string
	Published string
	Killed    *int
	Injured   *int
	Date      *string
	Evidence  []string // schema.EvidenceSpan texts
}

// relativeMark starts an IRI written relative to the store's base: an
// absolute IRI starts with its scheme.
const relativeMark = "~"

func relativeIRI(base, iri string) string {
	if rest, ok := strings.CutPrefix(iri, base); ok && base != "" {
		return relativeMark + rest
	}
	return iri
}

func relativeIRIs(base string, iris []string) []string {
	if len(iris) == 0 {
		return nil
	}
	out := make([]string, len(iris))
	for i, s := range iris {
		out[i] = relativeIRI(base, s)
	}
	return out
}

func absoluteIRI(base, s string) string {
	if rest, ok := strings.CutPrefix(s, relativeMark); ok {
		return base + rest
	}
	return s
}

// storedRow reads the row of event iri, if it has one.
func (r *reader) storedRow(iri quad.IRI) (*eventRow, bool, error) {
	if row, ok := r.rows[iri]; ok {
		return row, true, nil
	}
	if r.column != nil {
		lit, ok := r.column[iri]
		if !ok {
			return nil, false, nil
		}
		delete(r.column, iri)
		row, ok := rowOf(r.s.base, lit)
		return row, ok, nil
	}
	fused := schema.FusedGraph(r.s.base)
	var row *eventRow
	err := r.v.until(quad.Subject, iri, schema.RowOf, func(q quad.Quad) bool {
		if q.Label == fused {
			row, _ = rowOf(r.s.base, q.Object)
		}
		return row == nil
	})
	return row, row != nil, err
}

// readRows reads every event's row with one scan of the rows' index
// (readRowColumn), for a listing that reads most of them: it then reads
// no row by its event. Nothing is read where the store reads in batches
// (prefetch), has no index of a predicate, or where events are read in
// full.
func (r *reader) readRows() error {
	if r.v.pre != nil || r.full || r.s.fullReads || !r.v.scansPredicates() {
		return nil
	}
	column := map[quad.Value]quad.Value{}
	err := r.v.labelled(schema.RowOf, schema.FusedGraph(r.s.base), func(q quad.Quad) {
		// an event's first row that reads, as storedRow takes it
		if old, ok := column[q.Subject]; ok {
			if _, ok := rowOf(r.s.base, old); ok {
				return
			}
		}
		column[q.Subject] = q.Object
	})
	if err != nil {
		return err
	}
	r.column = column
	return nil
}

// collect reads event iri's row from its facts and reports; nil if it
// has no reports left.
func (r *reader) collect(iri quad.IRI) (*eventRow, error) {
	row := &eventRow{}
	fused := schema.FusedGraph(r.s.base)
	byPred := map[quad.IRI][]quad.Quad{}
	var order []quad.Quad // distinct facts, in the order first seen
	seen := map[quad.Quad]bool{}
	err := r.v.subject(iri, func(q quad.Quad) {
		p, ok := q.Predicate.(quad.IRI)
		if !ok {
			return
		}
		if q.Label == fused {
			row.fusedFact(p, q.Object)
			return
		}
		byPred[p] = append(byPred[p], q)
		if t := triple(q); !seen[t] {
			seen[t] = true
			order = append(order, q)
		}
	})
	if err != nil {
		return nil, err
	}
	all := func(p quad.IRI) []quad.Value {
		var out []quad.Value
		for _, q := range order {
			if q.Predicate == p {
				out = append(out, q.Object)
			}
		}
		return out
	}
	// the IRIs in order, so that the row does not depend on the order
	// the store lists them in (a listing orders entities by name)
	iris := func(p quad.IRI) []string {
		var out []string
		for _, v := range all(p) {
			if v, ok := v.(quad.IRI); ok {
				out = append(out, string(v))
			}
		}
		sort.Strings(out)
		return out
	}
	sortedTexts := func(p quad.IRI) []string {
		out := textsOf(all(p))
		sort.Strings(out)
		return out
	}
	for _, t := range iris(schema.Type) { // the least, should it have several
		if quad.IRI(t) != schema.Event {
			row.Type = schema.LocalName(quad.IRI(t))
			break
		}
	}
	row.Subtype = schema.TextOf(r.mode(byPred[schema.Subtype]))
	row.Cameo = schema.TextOf(r.mode(byPred[schema.Cameo]))
	row.Operation = schema.TextOf(r.mode(byPred[schema.Operation]))
	row.Retaliation = schema.TextOf(r.mode(byPred[schema.RetaliationFor]))
	row.Actors, row.Agents = iris(schema.Actor), iris(schema.Agent)
	row.Targets, row.Places = iris(schema.Target), iris(schema.PlaceOf)
	if c, ok := r.mode(byPred[schema.EventCountry]).(quad.IRI); ok {
		row.Country = string(c)
	}
	row.TargetText, row.Weapons = sortedTexts(schema.TargetText), sortedTexts(schema.Weapon)
	if row.KilledMax != nil && row.Killed != nil && *row.KilledMax == *row.Killed {
		row.KilledMax = nil
	}
	if row.InjuredMax != nil && row.Injured != nil && *row.InjuredMax == *row.Injured {
		row.InjuredMax = nil
	}
	if err := r.sources(iri, row); err != nil {
		return nil, err
	}
	if len(row.Sources) == 0 {
		return nil, nil
	}
	return row, r.err
}

// fusedFact keeps a fact of the fused graph: the fused date and figures.
func (row *eventRow) fusedFact(p quad.IRI, o quad.Value) {
	switch p {
	case schema.Date:
		row.Date = schema.TextOf(o)
	case schema.KilledMin:
		row.Killed = intOf(o)
	case schema.KilledMax:
		row.KilledMax = intOf(o)
	case schema.InjuredMin:
		row.Injured = intOf(o)
	case schema.InjuredMax:
		row.InjuredMax = intOf(o)
	}
}

// mode is the value of facts (quads of one subject and predicate) most
// documents state; ties go to the least value, so that the choice does
// not depend on the order the store lists them in.
func (r *reader) mode(facts []quad.Quad) quad.Value {
	vs, count := r.rank(facts)
	var best quad.Value
	for _, v := range vs {
		if best == nil || count[v] > count[best] || (count[v] == count[best] && v.String() < best.String()) {
			best = v
		}
	}
	return best
}

// show builds the event row describes, with its entities.
func (r *reader) show(iri quad.IRI, row *eventRow) (*fusedEvent, error) {
	fe := &fusedEvent{date: row.Date}
	ev := &fe.Event
	ev.ID = string(iri)
	ev.Type, ev.Subtype, ev.Cameo = row.Type, row.Subtype, row.Cameo
	ev.Operation, ev.RetaliationFor = row.Operation, row.Retaliation
	actors, agents, places := toIRIs(row.Actors), toIRIs(row.Agents), toIRIs(row.Places)
	ev.Actors = r.refs(actors)
	if len(agents) > 0 {
		ev.Agents = r.refs(agents)
	}
	ev.Targets = r.refs(toIRIs(row.Targets))
	ev.TargetText = append([]string{}, row.TargetText...)
	ev.Places = r.refs(places)
	fe.doers = append(actors, agents...)
	fe.placements = places
	if row.Country != "" {
		c := quad.IRI(row.Country)
		ref := r.entity(c).ref
		ev.Country = &ref
		fe.placements = append(fe.placements, c)
	}
	ev.Weapons = append([]string{}, row.Weapons...)
	if row.Date != "" {
		d := row.Date
		ev.Date = &d
	}
	ev.DateText = row.DateText
	ev.Killed, ev.KilledMax, ev.Injured, ev.InjuredMax = row.Killed, row.KilledMax, row.Injured, row.InjuredMax
	ev.Confidence = row.Confidence
	ev.Sources = make([]extract.SourceClaim, 0, len(row.Sources))
	for _, src := range row.Sources {
		sc, err := src.claim()
		if err != nil {
			return nil, fmt.Errorf("graph: event %s: %w", iri, err)
		}
		ev.Sources = append(ev.Sources, sc)
	}
	ev.Evidence = ev.Sources[0].Evidence
	return fe, r.err
}

func toIRIs(list []string) []quad.IRI {
	out := make([]quad.IRI, len(list))
	for i, s := range list {
		out[i] = quad.IRI(s)
	}
	return out
}

// claim is the source claim src shows.
func (src rowSource) claim() (extract.SourceClaim, error) {
	sc := extract.SourceClaim{Doc: src.Doc, Title: src.Title, URL: src.URL, Source: src.Source,
		Published: src.Published, Killed: src.Killed, Injured: src.Injured, Date: src.Date}
	if len(src.Evidence) > 0 {
		sc.Evidence = make([]extract.Span, 0, len(src.Evidence))
	}
	for _, e := range src.Evidence {
		s, b, end, text, ok := schema.EvidenceSpanText(e)
		if !ok {
			return sc, fmt.Errorf("bad evidence span %q in its row", e)
		}
		sc.Evidence = append(sc.Evidence, extract.Span{Sentence: s, Start: b, End: end, Text: text})
	}
	return sc, nil
}

// rowSourceOf is the row entry of a source claim.
func rowSourceOf(sc extract.SourceClaim) rowSource {
	src := rowSource{Doc: sc.Doc, Title: sc.Title, URL: sc.URL, Source: sc.Source,
		Published: sc.Published, Killed: sc.Killed, Injured: sc.Injured, Date: sc.Date}
	for _, sp := range sc.Evidence {
		src.Evidence = append(src.Evidence, string(schema.EvidenceSpan(sp.Sentence, sp.Start, sp.End, sp.Text).Value))
	}
	return src
}

// rowChanges returns the changes that give each of events its row as v
// (a write's view, its changes so far included) shows the event, and
// take the row of an event left without reports.
func (s *Store) rowChanges(v *view, events []quad.IRI) ([]graph.Delta, error) {
	r := &reader{ctx: v.ctx, s: s, entities: map[quad.IRI]*entityInfo{}, docs: map[quad.Value]*citation{},
		fuser: newFuser(v, s, ""), v: v, full: true, names: map[quad.IRI]string{}}
	fused := schema.FusedGraph(s.base)
	var out []graph.Delta
	seen := map[quad.IRI]bool{}
	for _, e := range events {
		if seen[e] {
			continue
		}
		seen[e] = true
		row, err := r.collect(e)
		if err != nil {
			return nil, err
		}
		want := quad.Quad{Subject: e, Predicate: schema.RowOf, Label: fused}
		if row != nil {
			want.Object = rowLiteral(s.base, row)
		}
		kept := false
		err = v.each(quad.Subject, e, schema.RowOf, func(q quad.Quad) {
			if row != nil && q == want {
				kept = true
				return
			}
			out = append(out, graph.Delta{Quad: q, Action: graph.Delete})
		})
		if err != nil {
			return nil, err
		}
		if row != nil && !kept {
			out = append(out, graph.Delta{Quad: want, Action: graph.Add})
		}
	}
	return out, nil
}
