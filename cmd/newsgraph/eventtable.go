package main

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// eventColumns is the header of the CSV and TSV event tables: one row per
// fused event, in the habits of ACLED and GDELT exports. Cells that hold
// several values separate them with "; ".
var eventColumns = []string{
	"event_id", "date", "date_precision", "type", "subtype", "cameo",
	"actors", "actor_countries", "targets", "target_countries",
	"country", "country_iso", "admin1", "location",
	"killed_min", "killed_max", "injured_min", "injured_max",
	"sources", "source_docs", "evidence",
}

// eventRow is one event's cells, in the order of eventColumns.
func eventRow(ev extract.Event) []string {
	date := ""
	if ev.Date != nil {
		date = *ev.Date
	}
	targets := refList(ev.Targets)
	targets = append(targets, ev.TargetText...)
	var country, iso string
	if ev.Country != nil {
		country, iso = ev.Country.Name, isoOf(ev.Country.ID)
	}
	admin1, location := placeColumns(ev.Places)
	var docs []string
	for _, s := range ev.Sources {
		docs = append(docs, s.Doc)
	}
	evidence := ""
	if len(ev.Evidence) > 0 {
		evidence = ev.Evidence[0].Text
	}
	return []string{
		ev.ID, date, datePrecision(date), ev.Type, ev.Subtype, ev.Cameo,
		joinCell(refList(ev.Actors)), joinCell(refCountries(ev.Actors)),
		joinCell(targets), joinCell(refCountries(ev.Targets)),
		country, iso, admin1, location,
		intCell(ev.Killed), intCell(orLow(ev.KilledMax, ev.Killed)),
		intCell(ev.Injured), intCell(orLow(ev.InjuredMax, ev.Injured)),
		strconv.Itoa(len(ev.Sources)), joinCell(docs), evidence,
	}
}

// writeEventCSV writes events as RFC 4180 CSV (sep ',') or as TSV (sep
// '\t', where tabs and line breaks inside a cell become spaces), with a
// header row.
func writeEventCSV(w io.Writer, events []extract.Event, sep rune) error {
	cw := csv.NewWriter(w)
	cw.Comma = sep
	clean := func(row []string) []string { return row }
	if sep == '\t' {
		clean = func(row []string) []string {
			for i, c := range row {
				row[i] = strings.Join(strings.Fields(c), " ")
			}
			return row
		}
	}
	if err := cw.Write(eventColumns); err != nil {
		return err
	}
	for _, ev := range events {
		if err := cw.Write(clean(eventRow(ev))); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
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
func placeColumns(places []extract.Ref) (admin1, location string) {
	for _, p := range places {
		switch p.Class {
		case "Region":
			if admin1 == "" {
				admin1 = p.Name
			}
		case "Country":
		default:
			if location == "" {
				location = p.Name
			}
		}
	}
	return admin1, location
}

// isoOf is the ISO 3166 code that ends a country's IRI (…/country/ir).
func isoOf(iri string) string {
	i := strings.LastIndex(iri, "/country/")
	if i < 0 {
		return ""
	}
	return strings.ToUpper(iri[i+len("/country/"):])
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
	seen := map[string]bool{}
	for _, r := range refs {
		c := r.Country
		if r.Class == "Country" {
			c = r.Name
		}
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

func joinCell(vs []string) string { return strings.Join(vs, "; ") }

func intCell(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// orLow is hi, or lo when the sources agree (hi unset).
func orLow(hi, lo *int) *int {
	if hi != nil {
		return hi
	}
	return lo
}
