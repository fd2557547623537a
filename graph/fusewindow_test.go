package graph

import (
	"context"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// TestMatchDateWindow checks the date rules of fuser.match, which judges
// the reports of one document against each other and against the events of
// the document's stored version: dated reports match within a day of the
// event's date (0 where a month and a day overlap), undated ones within
// undatedWindow days of the publication days. Each row is one shape of
// dates; a window widened or narrowed by a day fails a row.
func TestMatchDateWindow(t *testing.T) {
	s := openTest(t, Config{Backend: BackendMemory})
	f := newFuser(s.view(context.Background(), nil), s, schema.DocumentIRI(s.Base(), "x.txt"))
	actor, target := quad.IRI(pakistan.ID), quad.IRI(blf.ID)
	tests := []struct {
		name            string
		report, anchor  string // the report's date and publication day
		event, evAnchor string // the event's date and earliest publication day
		want            bool
		wantDist        int
	}{
		{"same day", "2024-01-18", "", "2024-01-18", "", true, 0},
		{"a day later", "2024-01-19", "", "2024-01-18", "", true, 1},
		{"a day earlier", "2024-01-17", "", "2024-01-18", "", true, 1},
		{"two days later", "2024-01-20", "", "2024-01-18", "", false, 0},
		{"two days earlier", "2024-01-16", "", "2024-01-18", "", false, 0},
		{"a day across a month's end", "2024-02-01", "", "2024-01-31", "", true, 1},
		{"two days across a month's end", "2024-02-02", "", "2024-01-31", "", false, 0},
		{"a month holding the day", "2024-01", "", "2024-01-18", "", true, 0},
		{"a month and the next month's first day", "2024-01", "", "2024-02-01", "", true, 1},
		{"a month and the next month's second day", "2024-01", "", "2024-02-02", "", false, 0},
		{"undated report published a week after", "", "2024-01-25", "2024-01-18", "", true, 0},
		{"undated report published eight days after", "", "2024-01-26", "2024-01-18", "", false, 0},
		{"undated report published a week before", "", "2024-01-11", "2024-01-18", "", true, 0},
		{"undated report published eight days before", "", "2024-01-10", "2024-01-18", "", false, 0},
		{"undated event first reported a week after", "2024-01-18", "", "", "2024-01-25", true, 0},
		{"undated event first reported eight days after", "2024-01-18", "", "", "2024-01-26", false, 0},
		{"both undated, a week apart", "", "2024-01-18", "", "2024-01-25", true, 0},
		{"both undated, eight days apart", "", "2024-01-18", "", "2024-01-26", false, 0},
		{"both undated, no publication days", "", "", "", "", true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &report{typ: schema.Attack, actors: []quad.IRI{actor}, targets: []quad.IRI{target},
				date: tt.report, fig: figures{date: tt.report, anchor: tt.anchor}}
			e := &eventState{types: map[quad.IRI]bool{schema.Attack: true},
				actors: map[quad.IRI]bool{actor: true}, targets: map[quad.IRI]bool{target: true}, locs: map[quad.IRI]bool{},
				others: []figures{{date: tt.event, anchor: tt.evAnchor}}, hasOthers: true}
			ok, score := f.match(r, e)
			if ok != tt.want {
				t.Fatalf("match: %v, want %v", ok, tt.want)
			}
			// score is the day distance × 100 less the shared actor and target.
			if dist := (score + 2) / 100; ok && dist != tt.wantDist {
				t.Errorf("match: score %d (distance %d), want distance %d", score, dist, tt.wantDist)
			}
		})
	}
}

// TestDateRulesOut checks fuser.dateRulesOut, which drops a stored
// event from a unit's candidates by the time parts of its fusion keys
// alone: more than a day from every dated key rules it out; a report
// without a day never is.
func TestDateRulesOut(t *testing.T) {
	s := openTest(t, Config{Backend: BackendMemory})
	mustPut(t, s, docA()) // Pakistan's strike in Iran, 2024-01-18
	var ev quad.IRI
	for _, q := range allQuads(t, s) {
		if q.Predicate == schema.Date && q.Label == schema.FusedGraph(s.Base()) && schema.TextOf(q.Object) == "2024-01-18" {
			ev = q.Subject.(quad.IRI)
		}
	}
	if ev == "" {
		t.Fatal("no event dated 2024-01-18 in the store")
	}
	tests := []struct {
		name string
		date string
		want bool
	}{
		{"same day", "2024-01-18", false},
		{"a day later", "2024-01-19", false},
		{"a day earlier", "2024-01-17", false},
		{"two days later", "2024-01-20", true},
		{"two days earlier", "2024-01-16", true},
		{"the month holding the day", "2024-01", false},
		{"the next month", "2024-02", true},
		{"the previous month", "2023-12", true},
		{"the year", "2024", false},
		{"undated", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFuser(s.view(context.Background(), nil), s, schema.DocumentIRI(s.Base(), "x.txt"))
			if got := f.dateRulesOut(&report{typ: schema.Attack, date: tt.date}, ev); got != tt.want {
				t.Errorf("dateRulesOut(%q): %v, want %v", tt.date, got, tt.want)
			}
			if f.err != nil {
				t.Fatal(f.err)
			}
		})
	}
}

// TestFusionWithinDocument puts one document reporting two strikes of the
// same actor on the same target, some days apart: within a day they are
// one event (the document tells it twice), further apart two.
func TestFusionWithinDocument(t *testing.T) {
	tests := []struct {
		name         string
		first, other string
		want         int // events stored
	}{
		{"same day", "2024-01-18", "2024-01-18", 1},
		{"a day apart", "2024-01-18", "2024-01-19", 1},
		{"two days apart", "2024-01-18", "2024-01-20", 2},
		{"a day apart, the later first", "2024-01-19", "2024-01-18", 1},
		{"two days apart, the later first", "2024-01-20", "2024-01-18", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t, Config{Backend: BackendMemory})
			mustPut(t, s, record("w.txt", "sha-w", "2024-01-21", []extract.Event{
				attack(pakistan, []extract.Ref{blf}, []extract.Ref{sistan}, iran, tt.first, num(9), "Pakistan struck the BLF in Sistan."),
				attack(pakistan, []extract.Ref{blf}, []extract.Ref{sistan}, iran, tt.other, num(7), "Pakistan's strike on the BLF killed seven."),
			}))
			if got := len(mustEvents(t, s, EventFilter{})); got != tt.want {
				t.Errorf("%d events, want %d", got, tt.want)
			}
		})
	}
}
