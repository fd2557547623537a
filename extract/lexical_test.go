package extract

import (
	"context"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
)

// These regression cases are written for newsgraph from the genre's usual
// shapes (wire copy, incident notes); none comes from the example articles.

func extractOne(t *testing.T, text, published string) *Record {
	t.Helper()
	rec, err := Default().Extract(context.Background(), Document{ID: "t.txt", Text: text, Published: published})
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

func entityByName(rec *Record, name string) *Entity {
	for i := range rec.Entities {
		e := &rec.Entities[i]
		if strings.EqualFold(e.Name, name) {
			return e
		}
		for _, a := range e.Aliases {
			if strings.EqualFold(a, name) {
				return e
			}
		}
	}
	return nil
}

func refNames(refs []Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.Name)
	}
	return out
}

func TestEntities(t *testing.T) {
	rec := extractOne(t, "Houthi rebels fired missiles at ships in the Red Sea on Sunday, the US Central Command said. "+
		"Yemen's Houthis, also known as Ansar Allah, control the capital Sanaa. "+
		"Overnight, Israeli forces raided the city of Jenin in the occupied West Bank, the Palestinian health ministry said.", "2024-02-12")
	tests := []struct{ name, class string }{
		{"Houthis", ClassArmedGroup},
		{"United States Central Command", ClassStateForce},
		{"Yemen", ClassCountry},
		{"Jenin", ClassPlace},
	}
	for _, tt := range tests {
		e := entityByName(rec, tt.name)
		if e == nil {
			t.Errorf("entity %q not found; have %v", tt.name, entityNames(rec))
			continue
		}
		if e.Class != tt.class {
			t.Errorf("%q: class %s, want %s", tt.name, e.Class, tt.class)
		}
		for _, m := range e.Mentions {
			if m.Text == "" || m.End <= m.Start {
				t.Errorf("%q: bad mention %+v", tt.name, m)
			}
		}
	}
	if e := entityByName(rec, "Overnight"); e != nil {
		t.Errorf("sentence-initial adverb extracted as %s", e.Class)
	}
	if e := entityByName(rec, "Houthis"); e != nil && !contains(e.Aliases, "Ansar Allah") && !contains(e.Aliases, "Houthi") {
		t.Errorf("Houthis aliases %v lack the spellings used", e.Aliases)
	}
}

func entityNames(rec *Record) []string {
	var out []string
	for _, e := range rec.Entities {
		out = append(out, e.Name+"/"+e.Class)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestAttackEvents(t *testing.T) {
	tests := []struct {
		name            string
		text, published string
		actor, target   string
		place, date     string
		killed          int
	}{
		{
			name:  "incident note",
			text:  "On 7 May 2020, the PMF shelled IS militants using rockets in the vicinity of Bara Bara village, killing two.",
			actor: "Popular Mobilization Forces", target: "Islamic State", date: "2020-05-07", killed: 2,
		},
		{
			name:      "wire copy, active",
			text:      "Al-Shabaab militants attacked a military base in Mogadishu on Tuesday, killing at least five soldiers, police said.",
			published: "2024-03-07", actor: "Al-Shabaab", place: "Mogadishu", date: "2024-03-05", killed: 5,
		},
		{
			name:      "nominal with possessive",
			text:      "Israel's strikes on Rafah overnight killed 12 people, the health ministry said.",
			published: "2024-02-12", actor: "Israel", place: "Rafah", killed: 12,
		},
		{
			name:      "passive with agent",
			text:      "Three soldiers were killed when their convoy was attacked by TTP militants in North Waziristan on Friday.",
			published: "2024-03-18", actor: "Tehreek-e-Taliban Pakistan", date: "2024-03-15", killed: 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractOne(t, tt.text, tt.published)
			var ev *Event
			for i := range rec.Events {
				if rec.Events[i].Type == EventAttack {
					ev = &rec.Events[i]
					break
				}
			}
			if ev == nil {
				t.Fatalf("no attack in %q; entities %v", tt.text, entityNames(rec))
			}
			if tt.actor != "" && !contains(refNames(ev.Actors), tt.actor) {
				t.Errorf("actors %v, want %s", refNames(ev.Actors), tt.actor)
			}
			if tt.target != "" && !contains(refNames(ev.Targets), tt.target) {
				t.Errorf("targets %v, want %s", refNames(ev.Targets), tt.target)
			}
			if tt.place != "" && !contains(refNames(ev.Places), tt.place) {
				t.Errorf("places %v, want %s", refNames(ev.Places), tt.place)
			}
			if tt.date != "" && (ev.Date == nil || *ev.Date != tt.date) {
				t.Errorf("date %v, want %s", ev.Date, tt.date)
			}
			if tt.killed > 0 && (ev.Killed == nil || *ev.Killed != tt.killed) {
				t.Errorf("killed %v, want %d", ev.Killed, tt.killed)
			}
			if len(ev.Evidence) == 0 || !strings.Contains(tt.text, ev.Evidence[0].Text) {
				t.Errorf("evidence %+v not in the text", ev.Evidence)
			}
		})
	}
}

func TestNoEvent(t *testing.T) {
	for _, text := range []string{
		"Officials denied that any strike had taken place.",
		"A missile attack on the capital would be unprecedented.",
		"The army did not attack the village.",
	} {
		rec := extractOne(t, text, "2024-01-18")
		for _, e := range rec.Events {
			if e.Type == EventAttack {
				t.Errorf("%q: attack extracted: %+v", text, e)
			}
		}
	}
}

func TestDiplomaticEvents(t *testing.T) {
	tests := []struct {
		text, typ, actor, target string
	}{
		{"Egypt condemned Israel's strikes on Rafah.", EventCondemn, "Egypt", ""},
		{"Algeria recalled its ambassador from France on Tuesday.", EventRecallAmbassador, "Algeria", "France"},
		{"The United Nations called on Sudan's warring parties to agree a ceasefire.", EventAppeal, "United Nations", ""},
		{"Qatar offered to mediate between Israel and Hamas.", EventOfferMediation, "Qatar", "Israel"},
		{"Moscow summoned the French ambassador on Monday.", EventSummon, "Russia", "France"},
	}
	for _, tt := range tests {
		rec := extractOne(t, tt.text, "2024-02-13")
		found := false
		for _, e := range rec.Events {
			if e.Type == tt.typ && contains(refNames(e.Actors), tt.actor) && (tt.target == "" || contains(refNames(e.Targets), tt.target)) {
				found = true
			}
		}
		if !found {
			var got []string
			for _, e := range rec.Events {
				got = append(got, e.Type+":"+strings.Join(refNames(e.Actors), ",")+"->"+strings.Join(refNames(e.Targets), ","))
			}
			t.Errorf("%q: no %s by %s on %s; got %v", tt.text, tt.typ, tt.actor, tt.target, got)
		}
	}
}

func TestPersonsAndRoles(t *testing.T) {
	rec := extractOne(t, "Interior Minister Mohsin Naqvi said the attackers had crossed from Afghanistan. "+
		"Naqvi added that the border would be sealed. "+
		"\"We will respond,\" army spokesman Ahmed Sharif Chaudhry told reporters.", "2024-03-20")
	p := entityByName(rec, "Mohsin Naqvi")
	if p == nil || p.Class != ClassPerson {
		t.Fatalf("person Mohsin Naqvi not found: %v", entityNames(rec))
	}
	if len(p.Mentions) < 2 {
		t.Errorf("surname mention not linked: %d mentions", len(p.Mentions))
	}
	if e := entityByName(rec, "Ahmed Sharif Chaudhry"); e == nil || e.Class != ClassPerson {
		t.Errorf("Ahmed Sharif Chaudhry not found: %v", entityNames(rec))
	}
	role := false
	for _, r := range rec.Relations {
		if r.Predicate == "holdsRole" && r.Subject.Name == "Mohsin Naqvi" && strings.Contains(strings.ToLower(r.Object.Value), "interior minister") {
			role = true
		}
	}
	if !role {
		t.Errorf("no holdsRole for Naqvi: %+v", rec.Relations)
	}
}

// TestAppositionShapes: one row per shape of a name beside a comma, with
// the class the name takes (or "" for no person).
func TestAppositionShapes(t *testing.T) {
	for _, tt := range []struct{ text, name, class string }{
		{"The alleged killer, Jean Dufresne – shot dead by police – had fled.", "Jean Dufresne", ClassPerson},
		{"A gunman, Kovalo Dramesh, opened fire in the square.", "Kovalo Dramesh", ClassPerson},
		{"A bomb hit a bakery on the street Rue Victor Hugo, in what French President Emmanuel Macron called an attack.", "Rue Victor Hugo", ClassPlace},
	} {
		rec := extractOne(t, tt.text, "2024-03-20")
		e := entityByName(rec, tt.name)
		if e == nil || e.Class != tt.class {
			t.Errorf("%q: %s want class %s; entities %v", tt.text, tt.name, tt.class, entityNames(rec))
		}
	}
}

func TestMemberOf(t *testing.T) {
	rec := extractOne(t, "Israeli strikes killed Hezbollah commander Wissam Tawil on Monday. "+
		"Abu Obaida, a spokesman of the Qassam Brigades, said the group would respond.", "2024-01-10")
	want := map[string]string{"Wissam Tawil": "Hezbollah", "Abu Obaida": "Hamas"}
	for _, r := range rec.Relations {
		if r.Predicate == "memberOf" && r.Object.Ref != nil && want[r.Subject.Name] == r.Object.Ref.Name {
			delete(want, r.Subject.Name)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing memberOf for %v in %+v", want, rec.Relations)
	}
}

// TestSortLike checks that sortLike leaves elements, equal ones included,
// where sort.Slice leaves them.
func TestSortLike(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	for range 2000 {
		n := rng.IntN(80)
		a := make([]*mention, n)
		for i := range a {
			a[i] = &mention{s: rng.IntN(4), a: rng.IntN(5), b: rng.IntN(5)}
		}
		b := slices.Clone(a)
		less := func(x, y *mention) bool { return x.s < y.s || x.s == y.s && x.a < y.a }
		sort.Slice(a, func(i, j int) bool { return less(a[i], a[j]) })
		sortLike(b, less)
		if !slices.Equal(a, b) {
			t.Fatalf("sortLike differs from sort.Slice on %d elements", n)
		}
	}
}
