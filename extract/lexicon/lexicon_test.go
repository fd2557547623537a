package lexicon

import (
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
		if keys[k] {
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
// "=XYZ") belongs to one entry, so that it resolves to one node.
func TestSpellingNamesOneEntry(t *testing.T) {
	owner := map[string]string{}
	for _, e := range Default().Entries {
		id := e.Class + "/" + e.Key
		for _, s := range append([]string{e.Name}, e.Aliases...) {
			k := Key(s)
			if strings.HasPrefix(s, "=") {
				k = s
			}
			if o, ok := owner[k]; ok && o != id {
				t.Errorf("spelling %q names both %s and %s", s, o, id)
			}
			owner[k] = id
		}
	}
}
