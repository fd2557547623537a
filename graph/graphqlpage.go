package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/query/graphql"
	"github.com/cayleygraph/quad"
	"github.com/dennwc/graphql/language/ast"
	"github.com/dennwc/graphql/language/parser"

	"github.com/newsgraph/newsgraph/schema"
)

// Pages of Cayley's GraphQL.
//
// Cayley's GraphQL (v0.7.7) cuts a root field's `first` and `offset` in
// the order its iterators meet the nodes: the store's, which is not the
// same on bolt and on PostgreSQL, and no order a reader asks for.
// newsgraph pages the root fields that ask for a page (`first`, `offset`,
// or `after`, a cursor) itself: it orders the nodes the field selects
// the newest first by their fused date (undated and dateless nodes last;
// ties by IRI), cuts the page, and has Cayley read the fields of the
// page's nodes only (`id: [...]` in place of the field's arguments). The
// field `cursor` of such a root, which newsgraph fills, is a row's place
// in that order: `after: "<cursor>"` starts the next page just after it
// (a cursor of the typed API, graph.EventCursor, too). The lists within
// a row (a field's several values or nested rows) are put in the order
// of their JSON text, so that a page is the same on every backend.
// Unpaged root fields are Cayley's, as they were.
//
// A listing of events (a root field that selects by rdf:type event
// classes) reads its order from the calendar: the periods the newest
// first, and in each the events the field's own arguments select with
// the period as one more (ng:dated), until the page is full. Other roots
// (and a store without a calendar, a root with id or @label arguments,
// or one that selects at most fewNodes events) are read whole and
// sorted, their dates read as a listing reads them.

// Paging arguments and fields of a root field (Cayley's own names for
// the first two).
const (
	firstArg    = "first"
	offsetArg   = "offset"
	afterArg    = "after"
	cursorField = "cursor"
	// pageIDAlias is the alias under which a page's rows carry their id
	// when the query does not ask for it (removed from the answer).
	pageIDAlias = "ngPageID"
)

// fewNodes is the number of events up to which a paged listing of events
// is read whole and sorted rather than walked from the calendar (a
// variable, so that tests walk the calendars of small stores too).
var fewNodes = smallListing

// pagedField is a root field of a GraphQL query that asks for a page.
type pagedField struct {
	alias      string
	name       string    // the field's name (nodes, ...)
	first      int       // rows of the page, -1: all
	offset     int       // rows passed over
	after      *position // where the page starts (nil: the start)
	args       []string  // the source of its other arguments
	directives string    // the source of its directives
	// selects holds the source of its flat fields that select (those
	// that are not optional: a node without one is no row).
	selects []string
	fields  []string // the source of its fields but cursor
	idKey   string   // the key of a row's id in Cayley's answer
	addID   bool     // idKey is pageIDAlias, added to the fields
	cursor  string   // the alias of its cursor field ("": none)
	// calendar tells whether its order may be read from the calendar: it
	// lists events, with neither id nor @label arguments.
	calendar bool
}

// pagedQuery is a GraphQL query whose paged root fields newsgraph cuts.
type pagedQuery struct {
	src    string
	fields []*ast.Field
	paged  map[*ast.Field]*pagedField
}

// GraphQL runs a query in Cayley's GraphQL and returns its answer (the
// "data" of Cayley's HTTP answer), the pages of its paged root fields
// cut by newsgraph (see above). It is what Query runs for "graphql".
func (s *Store) GraphQL(ctx context.Context, src string) (map[string]interface{}, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.graphQL(ctx, src)
}

// graphQL is GraphQL under the caller's lock.
func (s *Store) graphQL(ctx context.Context, src string) (map[string]interface{}, error) {
	pq, err := parsePaged(src)
	if err != nil {
		return nil, err
	}
	if len(pq.paged) == 0 {
		return runGraphQL(ctx, s, src) // Cayley's answer, or its error
	}
	r := newReader(ctx, s)
	r.v.share()
	defer r.v.release()
	pages := map[*ast.Field][]eventKey{}
	for f, pf := range pq.paged {
		rows, err := r.graphQLPage(pf)
		if err != nil {
			return nil, err
		}
		pages[f] = rows
	}
	parts := make([]string, 0, len(pq.fields))
	for _, f := range pq.fields {
		switch pf := pq.paged[f]; {
		case pf == nil:
			parts = append(parts, pq.text(f.Loc))
		case len(pages[f]) > 0:
			parts = append(parts, pf.pageSource(pages[f]))
		}
	}
	out := map[string]interface{}{}
	if len(parts) > 0 {
		if out, err = runGraphQL(ctx, s, "{\n"+strings.Join(parts, "\n")+"\n}"); err != nil {
			return nil, err
		}
	}
	for f, pf := range pq.paged {
		out[pf.alias] = pf.ordered(out[pf.alias], pages[f])
	}
	return out, nil
}

// runGraphQL runs src with Cayley's GraphQL.
func runGraphQL(ctx context.Context, s *Store, src string) (map[string]interface{}, error) {
	q, err := graphql.Parse(strings.NewReader(src))
	if err != nil {
		return nil, err
	}
	return q.Execute(ctx, s.qs)
}

// parsePaged parses a query and notes its root fields that ask for a
// page; the error is that of a paging argument. A query that does not
// parse, or of a shape Cayley refuses, is left to Cayley (no paged
// field), whose error the caller then reports.
func parsePaged(src string) (*pagedQuery, error) {
	pq := &pagedQuery{src: src, paged: map[*ast.Field]*pagedField{}}
	doc, err := parser.Parse(parser.ParseParams{Source: src})
	if err != nil || len(doc.Definitions) != 1 {
		return pq, nil
	}
	def, ok := doc.Definitions[0].(*ast.OperationDefinition)
	if !ok || def.Operation != "query" || def.SelectionSet == nil {
		return pq, nil
	}
	for _, sel := range def.SelectionSet.Selections {
		f, ok := sel.(*ast.Field)
		if !ok {
			return &pagedQuery{}, nil
		}
		pq.fields = append(pq.fields, f)
		pf, err := pq.pagedField(f)
		if err != nil {
			return nil, err
		}
		if pf != nil {
			pq.paged[f] = pf
		}
	}
	return pq, nil
}

// text is the source of a node of the query.
func (pq *pagedQuery) text(loc *ast.Location) string {
	return pq.src[loc.Start:loc.End]
}

// pagedField reads root field f: nil when it asks for no page.
func (pq *pagedQuery) pagedField(f *ast.Field) (*pagedField, error) {
	pf := &pagedField{alias: f.Name.Value, name: f.Name.Value, first: -1}
	if f.Alias != nil && f.Alias.Value != "" {
		pf.alias = f.Alias.Value
	}
	paged, events, selective := false, false, false
	for _, a := range f.Arguments {
		ok, err := pf.pageArgument(a)
		if err != nil {
			return nil, err
		}
		if ok {
			paged = true
			continue
		}
		pf.args = append(pf.args, pq.text(a.Loc))
		switch via := strings.Trim(a.Name.Value, "<>"); {
		case via == graphql.ValueKey:
			selective = true
		case via == string(schema.Type):
			events = eventClasses(a.Value)
		}
	}
	if !paged {
		return nil, nil
	}
	labelled := false
	for _, d := range f.Directives {
		pf.directives += " " + pq.text(d.Loc)
		labelled = labelled || (d.Name != nil && d.Name.Value == "label")
	}
	pf.calendar = events && !selective && !labelled
	if f.SelectionSet != nil {
		for _, sel := range f.SelectionSet.Selections {
			if g, ok := sel.(*ast.Field); ok {
				pq.rowField(pf, g)
			}
		}
	}
	if pf.idKey == "" {
		pf.idKey, pf.addID = pageIDAlias, true
	}
	return pf, nil
}

// pageArgument reads a, if it is a paging argument of a root field.
func (pf *pagedField) pageArgument(a *ast.Argument) (bool, error) {
	switch a.Name.Value {
	case firstArg, offsetArg:
		v, ok := a.Value.(*ast.IntValue)
		n := 0
		if ok {
			_, err := fmt.Sscan(v.Value, &n)
			ok = err == nil
		}
		if !ok {
			return true, fmt.Errorf("%s: want a whole number", a.Name.Value)
		}
		if a.Name.Value == firstArg {
			pf.first = max(n, 0)
		} else {
			pf.offset = max(n, 0)
		}
		return true, nil
	case afterArg:
		v, ok := a.Value.(*ast.StringValue)
		if !ok {
			return true, fmt.Errorf("after: want a cursor (a string)")
		}
		if v.Value != "" {
			pos, err := parseCursor(v.Value)
			if err != nil {
				return true, fmt.Errorf("after: invalid cursor %q", v.Value)
			}
			pf.after = pos
		}
		return true, nil
	}
	return false, nil
}

// rowField notes a field of a paged root's rows: its id, its cursor, the
// flat fields that select.
func (pq *pagedQuery) rowField(pf *pagedField, g *ast.Field) {
	alias := g.Name.Value
	if g.Alias != nil && g.Alias.Value != "" {
		alias = g.Alias.Value
	}
	flat, optional := len(g.Arguments) == 0 && g.SelectionSet == nil, false
	for _, d := range g.Directives {
		flat = flat && len(d.Arguments) == 0
		optional = optional || (d.Name != nil && (d.Name.Value == "opt" || d.Name.Value == "optional"))
	}
	switch {
	case flat && g.Name.Value == cursorField:
		pf.cursor = alias
		return
	case flat && g.Name.Value == graphql.ValueKey && pf.idKey == "":
		pf.idKey = alias
	case g.Name.Value == graphql.AnyKey:
		pf.idKey = graphql.ValueKey // Cayley names every node's id so
	case flat && !optional && g.Name.Value != graphql.ValueKey:
		pf.selects = append(pf.selects, pq.text(g.Loc))
	}
	pf.fields = append(pf.fields, pq.text(g.Loc))
}

// eventClasses tells whether a type argument's value names event
// classes only (the vocabulary's, or ng:Event).
func eventClasses(v ast.Value) bool {
	var values []ast.Value
	if l, ok := v.(*ast.ListValue); ok {
		values = l.Values
	} else {
		values = []ast.Value{v}
	}
	known := map[quad.IRI]bool{schema.Event: true}
	for _, c := range schema.EventClasses() {
		known[c] = true
	}
	for _, v := range values {
		e, ok := v.(*ast.EnumValue)
		if !ok || !known[quad.IRI(strings.Trim(e.Value, "<>"))] {
			return false
		}
	}
	return len(values) > 0
}

// selection is the source of a query of the nodes pf selects with one
// more argument, extra ("" for none): their ids and the fields that
// select.
func (pf *pagedField) selection(extra string) string {
	args := pf.args
	if extra != "" {
		args = append(args[:len(args):len(args)], extra)
	}
	return "{ page: " + pf.name + "(" + strings.Join(args, ", ") + ")" + pf.directives +
		" { " + pageIDAlias + ": id " + strings.Join(pf.selects, " ") + " } }"
}

// pageSource is the source of pf reading the fields of the page's rows.
func (pf *pagedField) pageSource(rows []eventKey) string {
	ids := make([]string, len(rows))
	for i, k := range rows {
		b, _ := json.Marshal("<" + string(k.iri) + ">")
		ids[i] = string(b)
	}
	fields := pf.fields
	if pf.addID {
		fields = append(fields[:len(fields):len(fields)], pageIDAlias+": id")
	}
	return pf.alias + ": " + pf.name + "(id: [" + strings.Join(ids, ", ") + "])" + pf.directives +
		" {\n" + strings.Join(fields, "\n") + "\n}"
}

// ordered puts Cayley's answer to a page (nil, a row, or a list of rows)
// in the page's order, with each row's cursor; it keeps Cayley's shape
// (nil for no row, the row itself for one).
func (pf *pagedField) ordered(answer interface{}, rows []eventKey) interface{} {
	byID := map[quad.IRI]map[string]interface{}{}
	for _, row := range answerRows(answer) {
		if iri, ok := row[pf.idKey].(quad.IRI); ok {
			byID[iri] = row
		}
	}
	out := make([]map[string]interface{}, 0, len(rows))
	for _, k := range rows {
		row, ok := byID[k.iri]
		if !ok {
			continue
		}
		if pf.cursor != "" {
			row[pf.cursor] = cursorAt(k.date, k.iri)
		}
		if pf.addID {
			delete(row, pageIDAlias)
		}
		sortLists(row)
		out = append(out, row)
	}
	switch len(out) {
	case 0:
		return nil
	case 1:
		return out[0]
	}
	return out
}

// sortLists puts the lists in a row of Cayley's answer (the values of a
// field with several, nested rows included) in the order of their JSON
// text: Cayley gives them in the store's order, which differs between
// backends.
func sortLists(row map[string]interface{}) {
	for k, v := range row {
		switch v := v.(type) {
		case map[string]interface{}:
			sortLists(v)
		case []map[string]interface{}:
			for _, r := range v {
				sortLists(r)
			}
			row[k] = sortedJSON(v)
		case []quad.Value:
			row[k] = sortedJSON(v)
		}
	}
}

// sortedJSON returns list in the order of its elements' JSON text.
func sortedJSON[T any](list []T) []T {
	keys := make([]string, len(list))
	order := make([]int, len(list))
	for i, v := range list {
		b, _ := json.Marshal(v)
		keys[i], order[i] = string(b), i
	}
	sort.SliceStable(order, func(i, j int) bool { return keys[order[i]] < keys[order[j]] })
	out := make([]T, len(list))
	for i, j := range order {
		out[i] = list[j]
	}
	return out
}

// answerRows returns the rows of Cayley's answer to a root field.
func answerRows(answer interface{}) []map[string]interface{} {
	switch a := answer.(type) {
	case map[string]interface{}:
		return []map[string]interface{}{a}
	case []map[string]interface{}:
		return a
	}
	return nil
}

// selected returns the ids of the nodes pf selects with one more
// argument, extra ("" for none), in Cayley's order.
func (r *reader) selected(pf *pagedField, extra string) ([]quad.IRI, error) {
	out, err := runGraphQL(r.ctx, r.s, pf.selection(extra))
	if err != nil {
		return nil, err
	}
	rows := answerRows(out["page"])
	iris := make([]quad.IRI, 0, len(rows))
	for _, row := range rows {
		if iri, ok := row[pageIDAlias].(quad.IRI); ok {
			iris = append(iris, iri)
		}
	}
	return iris, nil
}

// graphQLPage returns the rows of pf's page, in order, with their dates.
func (r *reader) graphQLPage(pf *pagedField) ([]eventKey, error) {
	want := -1 // rows to find, the offset's included
	if pf.first >= 0 {
		want = pf.offset + pf.first
	}
	var rows []eventKey
	var err error
	switch {
	case want == 0:
	case pf.calendar && r.s.calendar:
		rows, err = r.calendarPage(pf, want)
	default:
		var iris []quad.IRI
		if iris, err = r.selected(pf, ""); err == nil {
			rows, err = r.sortedPage(pf, iris, want)
		}
	}
	if err != nil || len(rows) <= pf.offset {
		return nil, err
	}
	return rows[pf.offset:], nil
}

// sortedPage returns the first want rows (-1: all) after pf.after of
// iris, the nodes pf selects, sorted.
func (r *reader) sortedPage(pf *pagedField, iris []quad.IRI, want int) ([]eventKey, error) {
	keys, err := r.keyed(iris)
	if err != nil {
		return nil, err
	}
	for i := range keys {
		keys[i].date = calendarDate(keys[i].date)
	}
	sortKeys(keys, true)
	rows := keys[:0]
	for _, k := range keys {
		if follows(k.date, k.iri, pf.after, true) {
			rows = append(rows, k)
		}
		if len(rows) == want {
			break
		}
	}
	return rows, nil
}

// calendarPage returns the first want rows (-1: all) after pf.after of
// the events pf selects, from the calendar: the periods' events in
// listing order, selected by pf's arguments with ng:dated naming the
// periods (pagePeriods). A field that selects at most fewNodes events
// is read whole and sorted instead: the walk would pass over periods
// that hold none of them.
func (r *reader) calendarPage(pf *pagedField, want int) ([]eventKey, error) {
	few, err := r.selected(pf, fmt.Sprintf("%s: %d", firstArg, fewNodes+1))
	if err != nil {
		return nil, err
	}
	if len(few) <= fewNodes {
		return r.sortedPage(pf, few, want)
	}
	p := &pagePeriods{r: r, pf: pf, want: want}
	p.w = &calendarWalk{r: r, v: r.v, newest: true, take: p.take}
	if err := p.w.period("", pf.after); err != nil {
		return nil, err
	}
	if err := p.flush(); err != nil {
		return nil, err
	}
	if err := r.ctx.Err(); err != nil {
		return nil, fmt.Errorf("graph: query: %w", err)
	}
	return p.rows, nil
}

// pagePeriods gathers a page from the calendar's periods: it holds the
// events of the periods walked until they may fill the page, then asks
// which of them pf selects with one query for those periods.
type pagePeriods struct {
	r       *reader
	pf      *pagedField
	w       *calendarWalk
	want    int        // rows to find (-1: all)
	rows    []eventKey // found
	pending []eventKey // events of the periods walked, not yet asked
	periods []string   // the periods of pending, as GraphQL values
}

// take holds the events of period d (in order), and asks about the
// events held once they are as many as the rows still wanted (or
// batchSize for a listing of all).
func (p *pagePeriods) take(d string, iris []quad.IRI) error {
	if len(iris) == 0 {
		return nil
	}
	for _, iri := range iris {
		p.pending = append(p.pending, eventKey{iri, d})
	}
	p.periods = append(p.periods, "<"+string(schema.PeriodIRI(p.r.s.base, d))+">")
	need := batchSize
	if p.want >= 0 {
		need = p.want - len(p.rows)
	}
	if len(p.pending) < need {
		return nil
	}
	return p.flush()
}

// flush asks which of the events held pf selects, and adds them to the
// rows in order, up to want.
func (p *pagePeriods) flush() error {
	if len(p.pending) == 0 {
		return nil
	}
	// (the space before "]": Cayley's lexer reads "]" into an IRI's name)
	dated, err := p.r.selected(p.pf, "<"+string(schema.Dated)+">: ["+strings.Join(p.periods, " ")+" ]")
	if err != nil {
		return err
	}
	in := make(map[quad.IRI]bool, len(dated))
	for _, iri := range dated {
		in[iri] = true
	}
	for _, k := range p.pending {
		if len(p.rows) == p.want {
			break
		}
		if in[k.iri] {
			p.rows = append(p.rows, k)
		}
	}
	p.pending, p.periods = p.pending[:0], p.periods[:0]
	p.w.stop = len(p.rows) == p.want
	return nil
}
