package graph

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// rowListings are the listings TestRowsEqualFullReads compares.
var rowListings = []struct {
	name string
	f    EventFilter
}{
	{"all newest first", EventFilter{NewestFirst: true}},
	{"all oldest first", EventFilter{}},
	{"pages of 7", EventFilter{NewestFirst: true, Limit: 7}},
	{"pages of 3", EventFilter{Limit: 3}},
	{"attacks", EventFilter{NewestFirst: true, Type: "Attack", Limit: 5}},
	{"arrests", EventFilter{Type: "Arrest"}},
	{"by actor", EventFilter{NewestFirst: true, Actor: "Pakistan", Limit: 3}},
	{"in a place", EventFilter{NewestFirst: true, Place: "Iran"}},
	{"dated", EventFilter{NewestFirst: true, Since: "2020-01", Until: "2024-01-18"}},
	{"involving", EventFilter{Involves: iran.ID}},
}

// listAll lists f page by page through cursors, then reads the first
// alone events of it alone (all for -1), as JSON.
func listAll(t *testing.T, s *Store, f EventFilter, alone int) string {
	t.Helper()
	var out []extract.Event
	for {
		page := mustEvents(t, s, f)
		out = append(out, page...)
		if f.Limit == 0 || len(page) < f.Limit {
			break
		}
		f.Cursor = EventCursor(page[len(page)-1])
	}
	if alone < 0 || alone > len(out) {
		alone = len(out)
	}
	for _, e := range out[:alone] {
		one, err := s.Event(context.Background(), e.ID)
		if err != nil || one == nil {
			t.Fatalf("Event(%s): %v, %v", e.ID, one, err)
		}
		out = append(out, *one)
	}
	b, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// compareRows lists s from the rows and in full: every listing the same.
func compareRows(t *testing.T, s *Store, stage string) {
	t.Helper()
	for _, l := range rowListings {
		rows := listAll(t, s, l.f, 12)
		s.fullReads = true
		full := listAll(t, s, l.f, 12)
		s.fullReads = false
		if rows != full {
			t.Errorf("%s, %s: rows and full reads differ:\nrows %s\nfull %s", stage, l.name, rows, full)
		}
		if l.f.Type == "" && l.f.Since == "" && len(rows) < 100 {
			t.Errorf("%s, %s lists nothing: %s", stage, l.name, rows)
		}
	}
}

// rowCount counts the events with a row and the fused events.
func rowCount(t *testing.T, s *Store) (rows, events int) {
	t.Helper()
	fused := schema.FusedGraph(s.base)
	for _, q := range allQuads(t, s) {
		switch {
		case q.Predicate == schema.RowOf && q.Label == fused:
			rows++
		case q.Predicate == schema.Type && q.Object == schema.Event:
			events++
		}
	}
	return rows, events
}

// TestRowsEqualFullReads lists a store of generated articles and the
// fixtures on every backend from the listing rows and by reading every
// event in full: the same events, byte for byte, whole, by pages through
// cursors, filtered, and read alone; again after documents are replaced
// and deleted; and with the rows taken out (a store written before them).
func TestRowsEqualFullReads(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, func(t *testing.T, s *Store) {
		putAll(t, s, generated(t, 30))
		putAll(t, s, fixtureDocs())
		compareRows(t, s, "put")
		if rows, events := rowCount(t, s); rows != events || rows == 0 {
			t.Errorf("%d rows for %d events", rows, events)
		}
		// documents replaced: the same ids, other events and figures
		for _, docs := range [][]*extract.Record{strikeDocs(), bridgeDocs(), countryByNameDocs()} {
			putAll(t, s, docs)
		}
		b := docB()
		b.Doc.SHA256 = "sha-b-2"
		b.Doc.Title = str("Another title")
		b.Events[0].Killed = num(11)
		mustPut(t, s, b)
		compareRows(t, s, "replaced")
		// documents deleted
		gen := generated(t, 30)
		if _, err := s.Delete(ctx, "a.txt", gen[3].Doc.ID, gen[7].Doc.ID); err != nil {
			t.Fatal(err)
		}
		compareRows(t, s, "deleted")
		if rows, events := rowCount(t, s); rows != events {
			t.Errorf("after delete: %d rows for %d events", rows, events)
		}
		// a store written before rows: every event read in full
		var deltas []cgraph.Delta
		for _, q := range allQuads(t, s) {
			if q.Predicate == schema.RowOf {
				deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			}
		}
		if err := s.apply(ctx, deltas, cgraph.IgnoreOpts{}); err != nil {
			t.Fatal(err)
		}
		if rows, _ := rowCount(t, s); rows != 0 {
			t.Fatalf("%d rows left", rows)
		}
		compareRows(t, s, "without rows")
	})
}

// TestRowModeTies: two documents give one strike two subtypes; the
// event shows the least, whichever came first, read from its row or in
// full.
func TestRowModeTies(t *testing.T) {
	strike := func(id, subtype string) *extract.Record {
		ev := attack(pakistan, []extract.Ref{bla}, []extract.Ref{saravan}, iran, "2024-01-18", num(3), "A strike near Saravan.")
		ev.Subtype = subtype
		return record(id, "sha-"+id, "2024-01-18", []extract.Event{ev})
	}
	for _, order := range [][]string{{"x", "y"}, {"y", "x"}} {
		s := openTest(t, Config{Backend: BackendMemory})
		subtypes := map[string]string{"x": "shelling", "y": "airstrike"}
		for _, id := range order {
			mustPut(t, s, strike(id, subtypes[id]))
		}
		for _, full := range []bool{false, true} {
			s.fullReads = full
			evs := mustEvents(t, s, EventFilter{})
			if len(evs) != 1 || evs[0].Subtype != "airstrike" {
				t.Errorf("order %v, full %v: %+v", order, full, evs)
			}
		}
	}
}

// TestRowLiteral: a row's literal reads back as it was written (tabs,
// line breaks and backslashes in its texts, empty and unknown values),
// its entities relative to the store's base.
func TestRowLiteral(t *testing.T) {
	base := schema.DefaultBase
	row := &eventRow{Type: "Attack", Actors: []string{pakistan.ID, "https://other.example/x"}, Country: iran.ID,
		Date: "2024-01", Killed: num(0), Confidence: 0.85,
		TargetText: []string{"", "a\tb"}, DateText: str("late\nMonday"),
		Sources: []rowSource{{Doc: "a.txt", Published: "2024-01-18", Date: str(""),
			Evidence: []string{"3 412 498 Three people were killed.", "4 500 520 a \\ b\tc"}}, {Doc: "b.txt", Killed: num(4)}}}
	lit := rowLiteral(base, row)
	if want := "\n2\t~entity/pakistan\thttps://other.example/x\n"; !strings.Contains(string(lit.Value), want) {
		t.Errorf("literal %s lacks %s", lit.Value, want)
	}
	back, ok := rowOf(base, lit)
	if !ok {
		t.Fatalf("rowOf(%s) failed", lit.Value)
	}
	a, _ := json.Marshal(row)
	b, _ := json.Marshal(back)
	if string(a) != string(b) {
		t.Errorf("read back %s, want %s", b, a)
	}
	if _, ok := rowOf(base, quad.String(lit.Value)); ok {
		t.Error("an untyped string reads as a row")
	}
}

// retaliationDocs: r1 reports Iran's strike in Balochistan (key "0") and
// Pakistan's strike near Saravan two days later, in retaliation for it;
// r0 reports Iran's strike alone. The strike's smallest report is r0's
// while r0 reports it, r1's otherwise.
func retaliationDocs() (r0, r1 *extract.Record) {
	first := func() extract.Event {
		ev := attack(iran, []extract.Ref{jaish}, []extract.Ref{balochistan}, pakistan, "2024-01-16", num(2),
			"Iranian drones hit a camp in Balochistan on Tuesday.")
		ev.ID = "0"
		return ev
	}
	answer := attack(pakistan, []extract.Ref{bla}, []extract.Ref{saravan}, iran, "2024-01-18", num(9),
		"Pakistan struck a village near Saravan in answer.")
	answer.ID, answer.RetaliationFor = "1", "0"
	r1 = record("r1", "sha-r1", "2024-01-18", []extract.Event{first(), answer})
	r0 = record("r0", "sha-r0", "2024-01-17", []extract.Event{first()})
	return r0, r1
}

// TestRowRetaliationFollowsRename: an event retaliating for another keeps
// the other's name in its row when a put, a replacement or a delete
// renames the other (its smallest report changes), though no document of
// the retaliating event changed: the row names the event listed, and
// equals a full read.
func TestRowRetaliationFollowsRename(t *testing.T) {
	ctx := context.Background()
	r0, r1 := retaliationDocs()
	r0Moved := record("r0", "sha-r0-2", "2024-01-17", []extract.Event{
		diplomatic(extract.EventCondemn, iran, pakistan, "Iran condemned the raid.")})
	tests := []struct {
		name  string
		first []*extract.Record // put first
		write func(t *testing.T, s *Store)
	}{
		{"put renames", []*extract.Record{r1}, func(t *testing.T, s *Store) { mustPut(t, s, r0) }},
		{"replace renames", []*extract.Record{r0, r1}, func(t *testing.T, s *Store) { mustPut(t, s, r0Moved) }},
		{"delete renames", []*extract.Record{r0, r1}, func(t *testing.T, s *Store) {
			if _, err := s.Delete(ctx, "r0"); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			forEachBackend(t, func(t *testing.T, s *Store) {
				for _, rec := range tc.first {
					mustPut(t, s, rec)
				}
				before := retaliation(t, s)
				tc.write(t, s)
				after := retaliation(t, s)
				if before == after {
					t.Fatalf("the strike answered kept its name %s: the test renames nothing", before)
				}
				s.fullReads = true
				full := listAll(t, s, EventFilter{}, -1)
				s.fullReads = false
				if rows := listAll(t, s, EventFilter{}, -1); rows != full {
					t.Errorf("rows and full reads differ:\nrows %s\nfull %s", rows, full)
				}
			})
		})
	}
}

// retaliation returns the event the retaliating event of s names, as its
// listing row shows it, failing unless an event of that name is listed.
func retaliation(t *testing.T, s *Store) string {
	t.Helper()
	evs := mustEvents(t, s, EventFilter{})
	var names []string
	named := ""
	for _, e := range evs {
		names = append(names, e.ID)
		if e.RetaliationFor != "" {
			named = e.RetaliationFor
		}
	}
	if named == "" || !slices.Contains(names, named) {
		t.Fatalf("the retaliation names %q, not one of the events listed: %q", named, names)
	}
	return named
}
