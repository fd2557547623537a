package lexicon

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
)

func TestDefaultLoads(t *testing.T) {
	lx := Default()
	if len(lx.Entries) < 100 || len(lx.Roles) < 10 || len(lx.Triggers) < 50 || len(lx.Weapons) < 10 {
		t.Fatalf("lexicon too small: %d entries, %d roles, %d triggers, %d weapons", len(lx.Entries), len(lx.Roles), len(lx.Triggers), len(lx.Weapons))
	}
	keys := map[string]bool{}
	for _, e := range lx.Entries {
		k := e.Class + "/" + e.Key
		if keys[k] && !e.Seat {
			t.Errorf("duplicate key %s", k)
		}
		keys[k] = true
		switch e.Class {
		case "ArmedGroup", "StateForce", "Organization", "Government":
		default:
			t.Errorf("%s: unknown class %q", e.Key, e.Class)
		}
		if e.Wikidata != "" && !isQID(e.Wikidata) {
			t.Errorf("%s: Wikidata %q is not a QID", e.Key, e.Wikidata)
		}
		for _, a := range e.Aliases {
			if strings.Contains(a, "\t") || a == "" {
				t.Errorf("%s: bad alias %q", e.Key, a)
			}
		}
	}
}

func TestProvinceShortForms(t *testing.T) {
	tests := []struct {
		name  string
		entry Entry
		want  []string
	}{
		{"a province by its name", Entry{Name: "Islamic State Sahel Province"}, []string{"IS-Sahel", "ISIS-Sahel", "ISIL-Sahel"}},
		{"a province by an alias, a form listed", Entry{Name: "Allied Democratic Forces", Aliases: []string{"Islamic State Central Africa Province", "ISIS-Central Africa"}}, []string{"IS-Central Africa", "ISIL-Central Africa"}},
		{"no province", Entry{Name: "Islamic State", Aliases: []string{"Islamic State group"}}, nil},
		{"a province of another group", Entry{Name: "Sinai Province"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := provinceShortForms(&tt.entry); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIsQID(t *testing.T) {
	for s, want := range map[string]bool{"Q794": true, "Q1": true, "": false, "Q": false, "q794": false, "Q79a": false, "ISIS-K|ISKP": false} {
		if got := isQID(s); got != want {
			t.Errorf("isQID(%q) = %v, want %v", s, got, want)
		}
	}
}

// A row that leaves the Wikidata column out entirely still gets its aliases.
func TestAliasesOfRowsWithoutQID(t *testing.T) {
	lx := Default()
	for _, e := range lx.Entries {
		if e.Wikidata == "" && e.Key == "islamic-state-khorasan" {
			for _, a := range e.Aliases {
				if a == "ISKP" {
					return
				}
			}
			t.Fatalf("%s: aliases %q lack ISKP", e.Key, e.Aliases)
		}
	}
	t.Fatal("islamic-state-khorasan not found")
}

func TestMatcher(t *testing.T) {
	m := NewMatcher[string]()
	for _, e := range Default().Entries {
		m.Add(e.Name, e.Key)
		for _, a := range e.Aliases {
			m.Add(a, e.Key)
		}
	}
	tests := []struct {
		in   string
		want []string // matched keys in order
	}{
		{"Iran targeted Jaish al Adl, or the Army of Justice.", []string{"jaish-al-adl", "jaish-al-adl"}},
		{"the Jaish ul-Adl, a Sunni group", []string{"jaish-al-adl"}},
		{"the Balochistan Liberation Army (BLA) terror group", []string{"baloch-liberation-army", "baloch-liberation-army"}},
		{"bla bla said the IS militants", []string{"islamic-state"}},
		{"this is a test", nil},
		{"Revolutionary Guards attacked", []string{"irgc"}},
		{"US Central Command said", []string{"centcom"}},
	}
	for _, tt := range tests {
		var got []string
		for _, h := range m.Find(text.Tokenize(tt.in, 0)) {
			got = append(got, h.Values[0])
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: got %v, want %v", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q: got %v, want %v", tt.in, got, tt.want)
			}
		}
	}
}

// TestSpellingNamesOneEntry: a spelling (a name or an alias, compared as
// the matcher compares it: normalised, or in its exact case when written
// "=XYZ") belongs to one entry, so that it resolves to one node. Seats
// of government read only in their document's country (DocOnly, such as
// "State House") may share a name; TestSeats checks those. So may the
// bodies of two different countries ("SNA": the Somali National Army and
// the Syrian National Army), which extraction tells apart by the
// country the document is about; within one country, or without one, a
// spelling names one body.
func TestSpellingNamesOneEntry(t *testing.T) {
	owner := map[string]*Entry{}
	for _, e := range Default().Entries {
		if e.DocOnly {
			continue
		}
		id := e.Class + "/" + e.Key
		for _, s := range append([]string{e.Name}, e.Aliases...) {
			k := Key(s)
			if strings.HasPrefix(s, "=") {
				k = s
			}
			o, ok := owner[k]
			if ok && o.Class+"/"+o.Key != id && (o.Country == e.Country || o.Country == "" || e.Country == "") {
				t.Errorf("spelling %q names both %s/%s and %s", s, o.Class, o.Key, id)
			}
			owner[k] = e
		}
	}
}

// Every seat of government stands for a body of its own country, keyed as
// the bodies findBodies reads by pattern ("gov/ke-government"), with one
// name and country per key among all government bodies, and no seat name belongs to two seats unless
// each is scoped to its document's country.
func TestSeats(t *testing.T) {
	bodies := map[string]*Entry{}
	owners := map[string][]*Entry{}
	n := 0
	for _, e := range Default().Entries {
		if e.Class == "Government" {
			if b := bodies[e.Key]; b != nil && (b.Name != e.Name || b.Country != e.Country) {
				t.Errorf("%s: named %q and %q", e.Key, b.Name, e.Name)
			}
			bodies[e.Key] = e
		}
		if !e.Seat {
			continue
		}
		n++
		kind, ok := strings.CutPrefix(e.Key, strings.ToLower(e.Country)+"-")
		if !ok || e.Class != "Government" || !slices.Contains([]string{"government", "mfa", "defence", "parliament"}, kind) {
			t.Errorf("%s: a seat stands for a government body of %s", e.Key, e.Country)
		}
		for _, a := range e.Aliases {
			owners[Key(a)] = append(owners[Key(a)], e)
		}
	}
	if n < 40 {
		t.Fatalf("%d seats", n)
	}
	for a, es := range owners {
		for _, e := range es {
			if len(es) > 1 && e.Key != es[0].Key && !e.DocOnly {
				t.Errorf("%q names %s and %s and is not scoped to the document", a, es[0].Key, e.Key)
			}
		}
	}
}
