package eval

import (
	"strings"
	"testing"
)

// The expected values below are what the reference scorer's norm and
// difflib.SequenceMatcher(None, a, b).ratio() give.

func TestDevNorm(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Pakistan's air force", "pakistanairforce"},    // possessive dropped
		{"The Province of Kunar", "kunar"},              // filler words dropped
		{"Al-Shabaab", "shabaab"},                       // Arabic article dropped
		{"Côte d\u2019Ivoire", "cotedivoire"},           // accent and curly apostrophe
		{"Jiji (Zazi Aryub) district", "jijizaziaryub"}, // punctuation and level
		{"it'sé", "itse"},                               // 's before a letter is no possessive
		{"Sistan and Baluchestan", "sistanbaluchestan"}, // "and" dropped
		{"el-Fasher town", "fasher"},                    // el and town dropped
		{"", ""},
	} {
		if got := devNorm(tc.in); got != tc.want {
			t.Errorf("devNorm(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMatchRatio(t *testing.T) {
	for _, tc := range []struct {
		a, b    string
		ratio   float64
		similar bool
	}{
		{"taliban", "talibans", 0.9333333333333333, true},                // one inside the other
		{"jaishadl", "jaishuladl", 0.8888888888888888, true},             // inserted vowels
		{"nangarhar", "ningarhar", 0.8888888888888888, true},             // one vowel changed
		{"kunar", "konar", 0.8, false},                                   // below the threshold
		{"abc", "xyz", 0, false},                                         // nothing shared
		{"paktia", "paktiya", 0.9230769230769231, true},                  // inserted letter
		{strings.Repeat("ab", 120), strings.Repeat("ba", 120), 0, false}, // 200+ bytes: common bytes start no block
	} {
		if got := matchRatio(tc.a, tc.b); got != tc.ratio {
			t.Errorf("matchRatio(%.10q, %.10q) = %v, want %v", tc.a, tc.b, got, tc.ratio)
		}
		if got := similar(tc.a, tc.b); got != tc.similar {
			t.Errorf("similar(%.10q, %.10q) = %v, want %v", tc.a, tc.b, got, tc.similar)
		}
	}
}
