package main

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// eventColumns is the header of the CSV and TSV event tables: one row per
// fused event, in the habits of ACLED and GDELT exports. Cells that hold
// several values separate them with "; ".
var eventColumns = []string{
	"event_id", "date", "date_precision", "type", "subtype", "cameo",
	"actors", "actor_countries", "actor_iso", "actor_wikidata",
	"targets", "target_countries", "target_iso", "target_wikidata",
	"country", "country_iso", "admin1", "location",
	"latitude", "longitude", "geo_precision",
	"killed_min", "killed_max", "injured_min", "injured_max",
	"sources", "source_urls", "source_outlets", "source_docs", "evidence",
}

// tableFacts looks up what a row shows of its entities beyond the fused
// event itself, all at once (*graph.Store does). What it shows of a
// document (its URL and outlet) is in the event's source claims.
type tableFacts interface {
	EntitiesFacts(ctx context.Context, iris []string) (map[string]graph.EntityFacts, error)
}

// eventTable writes events as rows, looking up each entity's facts once.
type eventTable struct {
	ctx   context.Context
	facts tableFacts // nil: no look-ups, those cells stay empty
	ents  map[string]graph.EntityFacts
}

func newEventTable(ctx context.Context, facts tableFacts) *eventTable {
	return &eventTable{ctx: ctx, facts: facts, ents: map[string]graph.EntityFacts{}}
}

// writeEventCSV writes events as RFC 4180 CSV (sep ',') or as TSV (sep
// '\t', where tabs and line breaks inside a cell become spaces), UTF-8,
// with a header row.
func writeEventCSV(ctx context.Context, w io.Writer, events []extract.Event, facts tableFacts, sep rune) error {
	cw, err := newEventCSV(ctx, w, facts, sep)
	if err != nil {
		return err
	}
	for _, ev := range events {
		if err := cw.add(ev); err != nil {
			return err
		}
	}
	return cw.close()
}

// csvBatch is how many events an eventCSV holds before it looks up their
// entities' facts, with one call, and writes their rows: a listing of
// any length holds no more than this many events at once.
const csvBatch = 2048

// eventCSV writes event rows as events come, a batch at a time.
type eventCSV struct {
	t     *eventTable
	cw    *csv.Writer
	tsv   bool
	batch []extract.Event
}

// newEventCSV writes the header row of a CSV (sep ',') or TSV (sep '\t')
// event table to w.
func newEventCSV(ctx context.Context, w io.Writer, facts tableFacts, sep rune) (*eventCSV, error) {
	cw := csv.NewWriter(w)
	cw.Comma = sep
	if err := cw.Write(eventColumns); err != nil {
		return nil, err
	}
	return &eventCSV{t: newEventTable(ctx, facts), cw: cw, tsv: sep == '\t'}, nil
}

// add takes one event, writing the batch's rows when it is full.
func (c *eventCSV) add(ev extract.Event) error {
	c.batch = append(c.batch, ev)
	if len(c.batch) < csvBatch {
		return nil
	}
	return c.write()
}

// write writes the rows of the events held and forgets them.
func (c *eventCSV) write() error {
	if err := c.t.lookUp(c.batch); err != nil {
		return err
	}
	for _, ev := range c.batch {
		row := c.t.row(ev)
		if c.tsv {
			row = flattenCells(row)
		}
		if err := c.cw.Write(row); err != nil {
			return err
		}
	}
	clear(c.batch)
	c.batch = c.batch[:0]
	return c.cw.Error()
}

// close writes the rows of the events still held and flushes.
func (c *eventCSV) close() error {
	if err := c.write(); err != nil {
		return err
	}
	c.cw.Flush()
	return c.cw.Error()
}

// flattenCells turns runs of white space (tabs, line breaks) inside cells
// into single spaces, as TSV readers expect.
func flattenCells(row []string) []string {
	for i, c := range row {
		row[i] = strings.Join(strings.Fields(c), " ")
	}
	return row
}

// row is one event's cells, in the order of eventColumns.
func (t *eventTable) row(ev extract.Event) []string {
	date := ""
	if ev.Date != nil {
		date = *ev.Date
	}
	precision := ev.DatePrecision
	if precision == "" {
		precision = datePrecision(date)
	}
	targets := append(refList(ev.Targets), ev.TargetText...)
	var country, iso string
	if ev.Country != nil {
		country, iso = ev.Country.Name, t.entity(ev.Country.ID).ISO
	}
	admin1, location := placeColumns(ev.Places)
	lat, lon, geo := t.coordinates(ev, admin1, location)
	urls, outlets, docs := sourceColumns(ev.Sources)
	evidence := ""
	if len(ev.Evidence) > 0 {
		evidence = ev.Evidence[0].Text
	}
	return []string{
		ev.ID, date, precision, ev.Type, ev.Subtype, ev.Cameo,
		joinCell(refList(ev.Actors)), joinCell(refCountries(ev.Actors)),
		joinCell(t.isoCodes(ev.Actors)), joinCell(t.wikidata(ev.Actors)),
		joinCell(targets), joinCell(refCountries(ev.Targets)),
		joinCell(t.isoCodes(ev.Targets)), joinCell(t.wikidata(ev.Targets)),
		country, iso, admin1.Name, location.Name,
		lat, lon, geo,
		intCell(ev.Killed), intCell(orLow(ev.KilledMax, ev.Killed)),
		intCell(ev.Injured), intCell(orLow(ev.InjuredMax, ev.Injured)),
		strconv.Itoa(len(ev.Sources)), joinCell(urls), joinCell(outlets), joinCell(docs), evidence,
	}
}

// lookUp reads the facts of every entity events name, with one call.
func (t *eventTable) lookUp(events []extract.Event) error {
	if t.facts == nil {
		return nil
	}
	var iris []string
	add := func(r extract.Ref) {
		if _, ok := t.ents[r.ID]; !ok && r.ID != "" {
			t.ents[r.ID] = graph.EntityFacts{}
			iris = append(iris, r.ID)
		}
	}
	for _, ev := range events {
		for _, refs := range [][]extract.Ref{ev.Actors, ev.Targets, ev.Places} {
			for _, r := range refs {
				add(r)
			}
		}
		if ev.Country != nil {
			add(*ev.Country)
		}
	}
	facts, err := t.facts.EntitiesFacts(t.ctx, iris)
	for iri, f := range facts {
		t.ents[iri] = f
	}
	return err
}

// entity is the facts of entity iri (none without a look-up).
func (t *eventTable) entity(iri string) graph.EntityFacts {
	return t.ents[iri]
}

// isoCodes lists the ISO 3166 codes of refs' countries, each once.
func (t *eventTable) isoCodes(refs []extract.Ref) []string {
	var out []string
	for _, r := range refs {
		out = appendOnce(out, t.entity(r.ID).ISO)
	}
	return out
}

// wikidata lists the Wikidata items of those refs that have one.
func (t *eventTable) wikidata(refs []extract.Ref) []string {
	var out []string
	for _, r := range refs {
		out = appendOnce(out, t.entity(r.ID).Wikidata)
	}
	return out
}

// coordinates are those of the most specific place that has them: the
// location, then the first-level division, then the country; geo names
// which one.
func (t *eventTable) coordinates(ev extract.Event, admin1, location extract.Ref) (lat, lon, geo string) {
	candidates := []struct {
		ref  *extract.Ref
		name string
	}{{&location, "location"}, {&admin1, "admin1"}, {ev.Country, "country"}}
	for _, c := range candidates {
		if c.ref == nil || c.ref.ID == "" {
			continue
		}
		if f := t.entity(c.ref.ID); f.Lat != nil {
			return floatCell(*f.Lat), floatCell(*f.Lon), c.name
		}
	}
	return "", "", ""
}

// sourceColumns lists the sources' URLs and outlets (each once, where the
// input gave them) and their document ids.
func sourceColumns(sources []extract.SourceClaim) (urls, outlets, docs []string) {
	for _, s := range sources {
		urls = appendOnce(urls, s.URL)
		outlets = appendOnce(outlets, s.Source)
		docs = append(docs, s.Doc)
	}
	return urls, outlets, docs
}

// datePrecision names the precision of an ISO date prefix.
func datePrecision(date string) string {
	switch len(date) {
	case 10:
		return "day"
	case 7:
		return "month"
	case 4:
		return "year"
	}
	return ""
}

// placeColumns picks the first-level division (a Region) and the most
// specific other place among an event's places.
func placeColumns(places []extract.Ref) (admin1, location extract.Ref) {
	for _, p := range places {
		switch p.Class {
		case "Region":
			if admin1.ID == "" {
				admin1 = p
			}
		case "Country":
		default:
			if location.ID == "" {
				location = p
			}
		}
	}
	return admin1, location
}

func refList(refs []extract.Ref) []string {
	var names []string
	for _, r := range refs {
		names = append(names, r.Name)
	}
	return names
}

// refCountries lists the countries of refs: a country itself, or the
// country an entity belongs to; each once.
func refCountries(refs []extract.Ref) []string {
	var out []string
	for _, r := range refs {
		c := r.Country
		if r.Class == "Country" {
			c = r.Name
		}
		out = appendOnce(out, c)
	}
	return out
}

// appendOnce appends v to vs unless it is empty or already there.
func appendOnce(vs []string, v string) []string {
	if v == "" {
		return vs
	}
	for _, x := range vs {
		if x == v {
			return vs
		}
	}
	return append(vs, v)
}

func joinCell(vs []string) string { return strings.Join(vs, "; ") }

func intCell(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func floatCell(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// orLow is hi, or lo when the sources agree (hi unset).
func orLow(hi, lo *int) *int {
	if hi != nil {
		return hi
	}
	return lo
}
