package graph

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

func TestFusion(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		for _, rec := range []*extract.Record{docA(), docB(), docC()} {
			mustPut(t, s, rec)
		}
		attacks := mustEvents(t, s, EventFilter{Type: "attack"})
		if len(attacks) != 3 {
			t.Fatalf("%d attacks, want 3 (Iran in Iraq/Syria, Iran in Pakistan, Pakistan in Iran): %+v", len(attacks), attacks)
		}
		strike := attacks[2] // ordered by date: 15, 16, 18 January
		if got := strike.Actors; len(got) != 1 || got[0].Name != "Pakistan" {
			t.Fatalf("last attack: actors %+v, want Pakistan", got)
		}
		if strike.Date == nil || *strike.Date != "2024-01-18" {
			t.Errorf("fused date %v, want 2024-01-18 (the earliest of two single reports)", deref2(strike.Date))
		}
		if deref(strike.Killed) != 7 || deref(strike.KilledMax) != 9 || deref(strike.Injured) != 3 {
			t.Errorf("killed %v–%v, injured %v; want 7–9 and 3", deref(strike.Killed), deref(strike.KilledMax), deref(strike.Injured))
		}
		wantSources := []extract.SourceClaim{
			{Doc: "a.txt", Killed: num(9), Date: str("2024-01-18")},
			{Doc: "b.txt", Killed: num(7), Injured: num(3), Date: str("2024-01-19")},
		}
		if len(strike.Sources) != 2 {
			t.Fatalf("sources %+v, want a.txt and b.txt", strike.Sources)
		}
		for i, want := range wantSources {
			got := strike.Sources[i]
			if got.Doc != want.Doc || deref(got.Killed) != deref(want.Killed) || deref(got.Injured) != deref(want.Injured) || deref2(got.Date) != deref2(want.Date) || len(got.Evidence) != 1 {
				t.Errorf("source %d: %+v, want %+v with one evidence span", i, got, want)
			}
		}
		if ev := strike.Sources[1].Evidence[0]; ev.Start != 0 || ev.End != len(ev.Text) || ev.Text == "" {
			t.Errorf("evidence span %+v lost its offsets", ev)
		}
		if names := refNames(strike.Targets); !reflect.DeepEqual(names, []string{"Baloch Liberation Front", "Balochistan Liberation Army"}) {
			t.Errorf("targets %v", names)
		}
		if names := refNames(strike.Places); !reflect.DeepEqual(names, []string{"Saravan", "Sistan and Baluchestan"}) {
			t.Errorf("places %v", names)
		}
		if !reflect.DeepEqual(strike.Weapons, []string{"drone", "missile"}) {
			t.Errorf("weapons %v, want the union", strike.Weapons)
		}
		if strike.Country == nil || strike.Country.Name != "Iran" || strike.Subtype != "airstrike" || strike.Cameo != "195" {
			t.Errorf("country %+v, subtype %q, cameo %q", strike.Country, strike.Subtype, strike.Cameo)
		}
		if attacks[0].Actors[0].Name != "Iran" || len(attacks[0].Sources) != 1 || attacks[0].Sources[0].Doc != "c.txt" {
			t.Errorf("first attack %+v, want Iran's strike in Iraq and Syria from c.txt", attacks[0])
		}

		// Re-putting, changed or not, in any order, never splits an event.
		ids := eventIDs(mustEvents(t, s, EventFilter{}))
		b2 := docB()
		b2.Doc.SHA256 = "sha-b-2"
		mustPut(t, s, b2)
		mustPut(t, s, docA())
		a2 := docA()
		a2.Doc.SHA256 = "sha-a-2"
		mustPut(t, s, a2)
		if again := eventIDs(mustEvents(t, s, EventFilter{})); !reflect.DeepEqual(again, ids) {
			t.Errorf("re-put changed the events:\n%v\n%v", ids, again)
		}
	})
}

func TestFusionIsOrderIndependentInShape(t *testing.T) {
	// Two stores fed the same documents in other orders hold the same
	// events (their IRIs depend on which report came first).
	shape := func(recs ...*extract.Record) []string {
		s := openTest(t, Config{Backend: BackendMemory})
		for _, r := range recs {
			mustPut(t, s, r)
		}
		var out []string
		for _, e := range mustEvents(t, s, EventFilter{}) {
			var docs []string
			for _, src := range e.Sources {
				docs = append(docs, src.Doc)
			}
			out = append(out, e.Type+" "+e.Actors[0].Name+" "+deref2(e.Date)+" "+join(docs))
		}
		sort.Strings(out)
		return out
	}
	abc := shape(docA(), docB(), docC())
	cba := shape(docC(), docB(), docA())
	if !reflect.DeepEqual(abc, cba) {
		t.Errorf("order changed the events:\n%v\n%v", abc, cba)
	}
	// The same input in the same order gives the same IRIs.
	ids := func() []string {
		s := openTest(t, Config{Backend: BackendMemory})
		for _, r := range []*extract.Record{docB(), docA()} {
			mustPut(t, s, r)
		}
		return eventIDs(mustEvents(t, s, EventFilter{}))
	}
	if a, b := ids(), ids(); !reflect.DeepEqual(a, b) {
		t.Errorf("event IRIs are not deterministic:\n%v\n%v", a, b)
	}
}

func TestFusionMatching(t *testing.T) {
	// Each case puts a.txt's strike by Pakistan and then one other report;
	// fused tells whether they must become one event.
	base := func() extract.Event {
		return attack(pakistan, []extract.Ref{bla}, []extract.Ref{sistan}, iran, "2024-01-18", num(9), "Pakistan struck.")
	}
	cases := []struct {
		name      string
		edit      func(*extract.Event)
		fused     bool
		published string // b.txt's, when not 2024-01-18
	}{
		{"same day, village within the province", func(e *extract.Event) { e.Places = []extract.Ref{saravan} }, true, ""},
		{"a day later", func(e *extract.Event) { e.Date = str("2024-01-19") }, true, ""},
		{"no date", func(e *extract.Event) { e.Date = nil }, true, ""},
		{"other target, same place", func(e *extract.Event) { e.Targets = []extract.Ref{jaish} }, true, ""},
		{"same target, no place", func(e *extract.Event) { e.Places, e.Country = nil, nil }, true, ""},
		{"two days later", func(e *extract.Event) { e.Date = str("2024-01-20") }, false, ""},
		{"no date stated, published two days later", func(e *extract.Event) {
			e.Date, e.DatePrecision = str("2024-01-20"), extract.DateInferred
		}, true, "2024-01-20"},
		{"other actor", func(e *extract.Event) { e.Actors = []extract.Ref{iraq} }, false, ""},
		{"other country", func(e *extract.Event) {
			e.Places, e.Country = []extract.Ref{kohESabz}, &pakistan
		}, false, ""},
		{"other type", func(e *extract.Event) { e.Type = extract.EventThreaten }, false, ""},
		{"nothing shared but the actor", func(e *extract.Event) { e.Places, e.Country, e.Targets = nil, nil, nil }, false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openTest(t, Config{Backend: BackendMemory})
			mustPut(t, s, record("a.txt", "1", "2024-01-18", []extract.Event{base()}))
			other := base()
			c.edit(&other)
			published := "2024-01-18"
			if c.published != "" {
				published = c.published
			}
			mustPut(t, s, record("b.txt", "1", published, []extract.Event{other}))
			n := len(mustEvents(t, s, EventFilter{}))
			if fused := n == 1; fused != c.fused {
				t.Errorf("%d events; fused = %v, want %v", n, fused, c.fused)
			}
		})
	}
}

func TestDiplomaticFusion(t *testing.T) {
	s := openTest(t, Config{Backend: BackendMemory})
	mustPut(t, s, docA()) // Iran condemns Pakistan
	mustPut(t, s, record("d.txt", "1", "2024-01-18", []extract.Event{
		diplomatic(extract.EventCondemn, iran, pakistan, "Tehran condemned Islamabad."),
		diplomatic(extract.EventCondemn, iran, iraq, "Iran condemned Iraq."),
	}))
	evs := mustEvents(t, s, EventFilter{Type: "Condemn"})
	if len(evs) != 2 {
		t.Fatalf("%d condemnations, want 2 (of Pakistan, by two documents; of Iraq)", len(evs))
	}
	for _, e := range evs {
		want := 1
		if e.Targets[0].Name == "Pakistan" {
			want = 2
		}
		if len(e.Sources) != want {
			t.Errorf("condemnation of %s: %d sources, want %d", e.Targets[0].Name, len(e.Sources), want)
		}
	}
}

func TestEventsFilter(t *testing.T) {
	s := openTest(t, Config{Backend: BackendMemory})
	for _, rec := range []*extract.Record{docA(), docB(), docC()} {
		mustPut(t, s, rec)
	}
	cases := []struct {
		name string
		f    EventFilter
		want []string // "Type Actor date"
	}{
		{"all", EventFilter{}, []string{"Attack Iran 2024-01-15", "Attack Iran 2024-01-16", "Attack Pakistan 2024-01-18", "Condemn Iran -"}},
		{"type", EventFilter{Type: "CONDEMN"}, []string{"Condemn Iran -"}},
		{"actor by name", EventFilter{Actor: "pakistan"}, []string{"Attack Pakistan 2024-01-18"}},
		{"actor by alias", EventFilter{Actor: "Islamabad"}, []string{"Attack Pakistan 2024-01-18"}},
		{"actor by IRI", EventFilter{Actor: pakistan.ID}, []string{"Attack Pakistan 2024-01-18"}},
		{"place by village", EventFilter{Place: "saravan"}, []string{"Attack Pakistan 2024-01-18"}},
		{"place by province alias", EventFilter{Place: "Sistan-Baluchestan"}, []string{"Attack Pakistan 2024-01-18"}},
		{"place by country contains province", EventFilter{Place: "Pakistan"}, []string{"Attack Iran 2024-01-16"}},
		{"place by country", EventFilter{Place: "syria"}, []string{"Attack Iran 2024-01-15"}},
		{"since", EventFilter{Since: "2024-01-16"}, []string{"Attack Iran 2024-01-16", "Attack Pakistan 2024-01-18"}},
		{"until", EventFilter{Until: "2024-01-15"}, []string{"Attack Iran 2024-01-15"}},
		{"month", EventFilter{Since: "2024-01", Until: "2024-01"}, []string{"Attack Iran 2024-01-15", "Attack Iran 2024-01-16", "Attack Pakistan 2024-01-18"}},
		{"combined", EventFilter{Type: "Attack", Actor: "Iranian", Place: "Iraq"}, []string{"Attack Iran 2024-01-15"}},
		{"limit", EventFilter{Limit: 2}, []string{"Attack Iran 2024-01-15", "Attack Iran 2024-01-16"}},
		{"no match", EventFilter{Actor: "Atlantis"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, e := range mustEvents(t, s, c.f) {
				got = append(got, e.Type+" "+e.Actors[0].Name+" "+deref2(e.Date))
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
	if _, err := s.Events(context.Background(), EventFilter{Since: "last week"}); err == nil {
		t.Error("a since that is no date was accepted")
	}
}

func TestStats(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		for _, rec := range []*extract.Record{docA(), docB(), docC()} {
			mustPut(t, s, rec)
		}
		st, err := s.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		want := Stats{
			Documents:  3,
			Entities:   map[string]int64{"Country": 4, "Region": 2, "Place": 2, "ArmedGroup": 3},
			Events:     map[string]int64{"Attack": 3, "Condemn": 1},
			Reports:    5,
			Statements: 2,
			Quads:      int64(len(allQuads(t, s))),
		}
		if !reflect.DeepEqual(st, want) {
			t.Errorf("stats\n got %+v\nwant %+v", st, want)
		}
	})
}

func TestBackendsAgree(t *testing.T) {
	// The same puts leave the same quads in every backend, none of them
	// with a missing part.
	var ref map[quad.Quad]bool
	forEachBackend(t, func(t *testing.T, s *Store) {
		a2 := docA()
		a2.Doc.SHA256 = "sha-a-2"
		a2.Events = a2.Events[1:]
		b2 := docB()
		b2.Doc.SHA256 = "sha-b-2"
		b2.Events[0].Killed = nil
		for _, rec := range []*extract.Record{docA(), docB(), docC(), a2, b2, docA()} {
			mustPut(t, s, rec)
		}
		checkSharing(t, s)
		got := map[quad.Quad]bool{}
		for _, q := range allQuads(t, s) {
			if q.Subject == nil || q.Predicate == nil || q.Object == nil || q.Label == nil {
				t.Errorf("incomplete quad %v", q)
			}
			got[q] = true
		}
		if ref == nil {
			ref = got
			return
		}
		for q := range ref {
			if !got[q] {
				t.Errorf("missing %v", q)
			}
		}
		for q := range got {
			if !ref[q] {
				t.Errorf("extra %v", q)
			}
		}
	})
}

func refNames(refs []extract.Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.Name)
	}
	return out
}

func eventIDs(evs []extract.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	sort.Strings(out)
	return out
}

func deref2(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

func join(s []string) string {
	out := ""
	for i, v := range s {
		if i > 0 {
			out += ","
		}
		out += v
	}
	return out
}

func TestConcurrentWriters(t *testing.T) {
	// Writers in parallel, through one store or (postgres) two, still fuse
	// each event once.
	stores := map[string]func(t *testing.T) (*Store, *Store){
		"one memory store": func(t *testing.T) (*Store, *Store) {
			s := openTest(t, Config{Backend: BackendMemory})
			return s, s
		},
		"two postgres stores": func(t *testing.T) (*Store, *Store) {
			dsn := postgresDSN(t)
			return openTest(t, Config{Backend: BackendPostgres, Path: dsn}), openTest(t, Config{Backend: BackendPostgres, Path: dsn})
		},
	}
	for name, open := range stores {
		t.Run(name, func(t *testing.T) {
			s1, s2 := open(t)
			for round := 0; round < 3; round++ {
				done := make(chan error, 2)
				for _, w := range []struct {
					s   *Store
					rec *extract.Record
				}{{s1, docA()}, {s2, docB()}} {
					w.rec.Doc.SHA256 += string(rune('a' + round))
					go func() {
						_, err := w.s.Put(context.Background(), w.rec)
						done <- err
					}()
				}
				for i := 0; i < 2; i++ {
					if err := <-done; err != nil {
						t.Fatal(err)
					}
				}
				evs := mustEvents(t, s1, EventFilter{Actor: "Pakistan"})
				if len(evs) != 1 || len(evs[0].Sources) != 2 {
					t.Fatalf("round %d: %d events from Pakistan, want 1 with 2 sources: %+v", round, len(evs), evs)
				}
				checkSharing(t, s1)
			}
		})
	}
}

// TestEventsCancelled checks that a listing cut off by its context is an
// error, never a partial list.
func TestEventsCancelled(t *testing.T) {
	s := openTest(t, Config{Backend: BackendMemory})
	mustPut(t, s, docA())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if evs, err := s.Events(ctx, EventFilter{}); err == nil {
		t.Fatalf("cancelled listing returned %d events and no error", len(evs))
	}
}

// TestEvidenceNodesOfOlderStores: a store written when each evidence span
// was a node (ng:text, ng:sentence, ng:start, ng:end), and reports' details
// and relations quads of their own (the literals expanded,
// schema.Expand), reads back the same events, and putting its documents
// again leaves literals only.
func TestEvidenceNodesOfOlderStores(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		recs := []*extract.Record{docA(), docB(), docC()}
		for _, r := range recs {
			mustPut(t, s, r)
		}
		want, err := s.Events(ctx, EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var old, expanded []quad.Quad
		for _, q := range allQuads(t, s) {
			if out, ok := schema.Expander(s.SpanLookup(ctx))(q); ok {
				expanded = append(expanded, out...)
			} else {
				expanded = append(expanded, q)
			}
		}
		n := 0
		for _, q := range expanded {
			sentence, start, end, text, ok := schema.EvidenceSpanOf(q.Object)
			if q.Predicate != schema.EvidenceOf || !ok {
				old = append(old, q)
				continue
			}
			node := quad.IRI(fmt.Sprintf("%s/evidence/%d", q.Subject, n))
			n++
			for _, f := range []struct {
				p quad.IRI
				o quad.Value
			}{{schema.Type, schema.Evidence}, {schema.Text, quad.String(text)}, {schema.Sentence, schema.Integer(sentence)},
				{schema.Start, schema.Integer(start)}, {schema.End, schema.Integer(end)}, {schema.ReportedBy, q.Label}} {
				old = append(old, quad.Quad{Subject: node, Predicate: f.p, Object: f.o, Label: q.Label})
			}
			old = append(old, quad.Quad{Subject: q.Subject, Predicate: q.Predicate, Object: node, Label: q.Label})
		}
		if n == 0 {
			t.Fatal("no evidence literal to turn into a node")
		}
		replaceAll(t, s, old)
		got, err := s.Events(ctx, EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("events of the older store:\n%+v\nwant\n%+v", got, want)
		}
		for _, r := range recs {
			r2 := *r
			r2.Doc.SHA256 += "-2"
			mustPut(t, s, &r2)
		}
		for _, q := range allQuads(t, s) {
			if q.Predicate == schema.Text || q.Object == schema.Evidence || q.Predicate == schema.Subject || q.Predicate == schema.Confidence {
				t.Errorf("evidence node, statement or report quad left after the documents were put again: %v", q)
			}
		}
	})
}
