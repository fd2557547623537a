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
		{"a name before a term in office", "Gunmen shot two guards, and critics blamed the Obama administration.", "", "Obama"},
		{"the object of a verb of bodily harm", "A bomb exploded at the gate of the palace and injured Obama.", "", "Obama"},
		{"a name before a verb of liking", "As Clinton liked to say, the army shelled the old fort in 1990.", "", "Clinton"},
		{"a name before a verb of saying", "Gunmen raided a bank on Monday, Clinton said.", "", "Clinton"},
		{"a person's slot elsewhere makes the person throughout", "Clinton condemned the raid. Clinton said gunmen raided a bank and shot a guard.", "", "Clinton"},
		{"a place's context keeps the town", "Gunmen shot a guard in Obama on Monday. Obama said the gunmen fled.", "Obama", ""},
		{"no person's slot: the town stands", "Gunmen raided a bank in Obama, Japan, on Monday.", "Obama", ""},
	}
	ex := Default()
	for _, tt := range tests {
		rec := extractSentence(t, ex, tt.in)
		var places []string
		n := 0
		for _, e := range rec.Events {
			if e.Type != EventAttack {
				continue
			}
			n++
			for _, p := range e.Places {
				places = append(places, p.Name)
			}
		}
		if n == 0 || tt.place != "" && !slices.Contains(places, tt.place) || tt.notPlace != "" && slices.Contains(places, tt.notPlace) {
			t.Errorf("%s: %q: %d attacks, places %q, want %q and not %q", tt.name, tt.in, n, places, tt.place, tt.notPlace)
		}
	}
}
