package extract

import (
	"slices"
	"testing"
)

// TestPersonSlots: a surname that a small town abroad shares stands for
// the person where only a person's name stands, and so wherever else the
// document names it outside a place's context; "in X" keeps the town. One
// row per shape; the sentences are written for this test.
func TestPersonSlots(t *testing.T) {
	tests := []struct {
		name, in string
		place    string // the place the attack must have, if any
		notPlace string // the name no attack may take as its place
	}{
		{"a name before a term in office", "Gunmen shot two guards, and critics blamed the Merkel administration.", "", "Merkel"},
		{"the object of a verb of bodily harm", "A bomb went off beside the palace and injured Merkel.", "", "Merkel"},
		{"a name before a verb of liking", "As Truman liked to say, the army shelled the old fort in 1990.", "", "Truman"},
		{"a name before a verb of saying", "Gunmen raided a bank on Monday, Truman said.", "", "Truman"},
		{"a person's slot elsewhere makes the person throughout", "Truman condemned the raid. Truman said gunmen raided a bank and shot a guard.", "", "Truman"},
		{"a name after an honorific", "Gunmen shot a guard outside the home of Lord Harding on Monday.", "", "Harding"},
		{"a name after an honorific written with its stop", "Gunmen shot a guard outside the home of Mr. Merkel on Monday.", "", "Merkel"},
		{"a town a preposition leads before a verb of saying is still the place attacked later", "Police in Merkel said the town was calm. Traders reopened their shops at noon. Gunmen attacked Merkel on Monday.", "Merkel", ""},
		{"a place's context keeps the town", "Gunmen shot a guard in Merkel on Monday. Merkel said the gunmen fled.", "Merkel", ""},
		{"no person's slot: the town stands", "Gunmen raided a bank in Merkel, Texas, on Monday.", "Merkel", ""},
	}
	ex := Default()
	for _, tt := range tests {
		n, places := eventNames(extractSentence(t, ex, tt.in), EventAttack, placesOf)
		if n == 0 || tt.place != "" && !slices.Contains(places, tt.place) || tt.notPlace != "" && slices.Contains(places, tt.notPlace) {
			t.Errorf("%s: %q: %d attacks, places %q, want %q and not %q", tt.name, tt.in, n, places, tt.place, tt.notPlace)
		}
	}
}

// eventNames returns how many events of type typ rec holds and the names
// of the participants that role gives of each, in order.
func eventNames(rec *Record, typ string, role func(*Event) []Ref) (int, []string) {
	var names []string
	n := 0
	for i := range rec.Events {
		if rec.Events[i].Type != typ {
			continue
		}
		n++
		for _, r := range role(&rec.Events[i]) {
			names = append(names, r.Name)
		}
	}
	return n, names
}

func placesOf(e *Event) []Ref  { return e.Places }
func targetsOf(e *Event) []Ref { return e.Targets }
