package text

import "testing"

// TestAbbreviationsList checks data/abbreviations.tsv: its words keep a sentence open while a word left out ("!sheikh") ends it.
func TestAbbreviationsList(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"They met Gen. Smith in Kabul.", 1},
		{"It was Jan. 5 in Kabul.", 1},
		{"They met the sheikh. He left.", 2},
	} {
		if got := len(Split(c.text)); got != c.want {
			t.Errorf("%q: %d sentences, want %d", c.text, got, c.want)
		}
	}
}
