package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
)

// TestWordGoesOn checks when a name matched on the first tokens of a text
// is cut out of a longer word by an apostrophe.
func TestWordGoesOn(t *testing.T) {
	for _, tc := range []struct {
		text string
		end  int // the match's end token
		want bool
	}{
		{"Jama'at Nusrat", 1, true},      // an inner apostrophe: one word
		{"Jama\u2019at Nusrat", 1, true}, // a typographic one
		{"Kenya's police", 1, false},     // the possessive
		{"Kenya' s police", 1, false},    // a space after the apostrophe
		{"'Kabul' attack", 2, false},     // a closing quote
		{"Garissa town", 1, false},       // no apostrophe
		{"Garissa", 1, false},            // the end of the sentence
	} {
		toks := text.Tokenize(tc.text, 0)
		if got := wordGoesOn(toks, tc.end); got != tc.want {
			t.Errorf("wordGoesOn(%q, %d) = %v, want %v", tc.text, tc.end, got, tc.want)
		}
	}
}
