package extract

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
)

// TestPlacesFromContext: an attack or abduction whose own phrases name no
// place takes the places its sentence names elsewhere, or the sentence
// before it; never a place named as an origin. One row per shape; the
// sentences are written for this test.
func TestPlacesFromContext(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"place in a relative clause", "Gunmen kidnapped three traders who were driving in Mombasa on Monday.", "Mombasa"},
		{"place in the sentence before", "Raiders stole cattle in Garissa on Monday. Two herders were later kidnapped.", "Garissa"},
		{"place of the event in the sentence before", "Gunmen shot a trader dead in Garissa on Monday. They later kidnapped his two sons.", "Garissa"},
		{"a short note's place named after its event", "Two herders were kidnapped on Monday. Police said the raiders fled. The incident happened in Garissa.", "Garissa"},
		{"not a town abroad when the event's sentence names its country", "Gunmen shot a trader dead in Garissa on Monday. Two herders were later kidnapped in Somalia.", ""},
		{"origin left out", "Two herders travelling from Garissa were kidnapped.", ""},
	}
	ex := Default()
	for _, tt := range tests {
		n, got := eventNames(extractSentence(t, ex, tt.in), EventAbduction, placesOf)
		if n == 0 || strings.Join(got, ",") != tt.want {
			t.Errorf("%s: %q: %d abductions, places %q, want %q", tt.name, tt.in, n, strings.Join(got, ","), tt.want)
		}
	}
}

// TestDuringPlaces: an attack whose victims were doing something as it
// happened ("while driving near the town of X") took place where they
// were doing it, besides the wider place its own clause names; an
// adjunct of an earlier time ("after leaving") places nothing. One row
// per shape; the sentences are written for this test.
func TestDuringPlaces(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"while, a town named by an of-phrase", "Two nurses were shot dead in Marsabit county on Monday while driving near the town of Moyale.", "Moyale,Marsabit"},
		{"when, a town named directly", "A trader was shot dead in Isiolo county when travelling near Garbatulla.", "Garbatulla,Isiolo"},
		{"after: the place left before the attack is not its place", "A trader was shot dead in Isiolo county after leaving Garbatulla.", "Isiolo"},
	}
	ex := Default()
	for _, tt := range tests {
		n, got := eventNames(extractSentence(t, ex, tt.in), EventAttack, placesOf)
		if n == 0 || strings.Join(got, ",") != tt.want {
			t.Errorf("%s: %q: %d attacks, places %q, want %q", tt.name, tt.in, n, strings.Join(got, ","), tt.want)
		}
	}
}

// TestVictimsFromTolls: an attack that names no target takes the people
// its toll counts. One row per shape; the sentences are written for this
// test.
func TestVictimsFromTolls(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"participle toll after the act", "A man hurled a grenade into a crowd in Garissa, injuring five civilians.", "civilians"},
		{"passive toll before the event noun", "Three villagers were killed in a bomb blast in Mandera.", "villagers"},
		{"no toll", "A bomb exploded in Mandera.", ""},
	}
	ex := Default()
	for _, tt := range tests {
		n, got := eventNames(extractSentence(t, ex, tt.in), EventAttack, targetsOf)
		if n == 0 || strings.Join(got, ",") != tt.want {
			t.Errorf("%s: %q: %d attacks, targets %q, want %q", tt.name, tt.in, n, strings.Join(got, ","), tt.want)
		}
	}
}

// TestCivilianVenueTargets: an attack on a venue civilians use, naming no
// one hit, hits civilians; a force's venue does not. One row per shape;
// the sentences are written for this test.
func TestCivilianVenueTargets(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"a place of worship as the noun's target", "Grenade attack on a chapel school in Tarbo blamed on militants", true},
		{"a venue named by its use", "Armed bandits stormed a polling station near Tarbo.", true},
		{"a force's venue", "Rebels stormed a police post near Tarbo.", false},
		{"people named beside the venue", "Gunmen stormed a market near Tarbo and shot two soldiers.", false},
	}
	ex := Default()
	for _, tt := range tests {
		rec := extractSentence(t, ex, tt.in)
		got, n := false, 0
		var all []string
		for _, e := range rec.Events {
			if e.Type != EventAttack {
				continue
			}
			n++
			all = append(all, eventRoles(e))
			for _, p := range e.Targets {
				got = got || p.Name == "civilians"
			}
		}
		if n == 0 || got != tt.want {
			t.Errorf("%s: %q: civilians hit %v, want %v; got %s", tt.name, tt.in, got, tt.want, strings.Join(all, "; "))
		}
	}
}

// TestNotePlacesLead checks that an event of a short note whose sentences
// name no place takes the places the note names first, not those of a
// nearer sentence's details.
func TestNotePlacesLead(t *testing.T) {
	rec := extractOne(t, "Two bombs exploded near a water point in Lokitela (Eldas District) in the morning. The first blast hit the escort of a convoy to Habaswein and Modogashe. No one was hurt by the blasts. Police later fired at a crowd, killing one man.", "2024-03-20")
	if len(rec.Events) < 2 {
		t.Fatalf("want two events, got %d", len(rec.Events))
	}
	var got []string
	for _, p := range rec.Events[len(rec.Events)-1].Places {
		got = append(got, p.Name)
	}
	if len(got) == 0 || got[0] != "Lokitela" {
		t.Errorf("places of the last event %q, want Lokitela first", got)
	}
}

// TestEqualNormalized checks equalNormalized against text.Normalize, one
// row per shape: equal ASCII, capitals, a difference, a shorter and a
// longer form, a name beyond ASCII that folds to the form, and one whose
// difference comes after a rune beyond ASCII.
func TestEqualNormalized(t *testing.T) {
	for _, c := range []struct{ n, name string }{
		{"velmora", "velmora"},
		{"velmora", "Velmora"},
		{"velmora", "Velmara"},
		{"velmor", "Velmora"},
		{"velmoraa", "Velmora"},
		{"", ""},
		{"", "V"},
		{"zelen", "Zélen"},
		{"zelen", "Zélem"},
		{"zélen", "Zélen"},
		{"san jorvi", "San Jorvi"},
	} {
		want := text.Normalize(c.name) == c.n
		if got := equalNormalized([]byte(c.n), c.name); got != want {
			t.Errorf("equalNormalized(%q, %q) = %v, want %v", c.n, c.name, got, want)
		}
	}
}
