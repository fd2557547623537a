package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The patterns the extractor tests with lowerContains and its kin.
var lowerPatterns = []string{
	"retaliat", "retaliation for", "in response to", "revenge for", "follow", "over a", "after", "day after", "day before",
	"between", "both sides", "two sides", "warring parties", "the parties",
	"in response.", "in response,", "in response", "in retaliation.", "in retaliation,", ", or ",
	"newsletter", "(@", "i", "k", "a", "",
}

func TestLowerHelpers(t *testing.T) {
	for _, p := range append(lowerPatterns, boilerplatePrefixes...) {
		for i := 0; i < len(p); i++ {
			if p[i] >= utf8.RuneSelf || p[i] >= 'A' && p[i] <= 'Z' {
				t.Fatalf("pattern %q is not lower-case ASCII", p)
			}
		}
	}
	check := func(s string) {
		low := strings.ToLower(s)
		for _, p := range lowerPatterns {
			if got, want := lowerContains(s, p), strings.Contains(low, p); got != want {
				t.Fatalf("lowerContains(%q, %q) = %v, want %v", s, p, got, want)
			}
			if got, want := lowerOf(s).contains(p), strings.Contains(low, p); got != want {
				t.Fatalf("lowerOf(%q).contains(%q) = %v, want %v", s, p, got, want)
			}
			if got, want := lowerOf(s).hasSuffix(p), strings.HasSuffix(low, p); got != want {
				t.Fatalf("lowerOf(%q).hasSuffix(%q) = %v, want %v", s, p, got, want)
			}
			if got, want := lowerHasPrefix(s, p), strings.HasPrefix(low, p); got != want {
				t.Fatalf("lowerHasPrefix(%q, %q) = %v, want %v", s, p, got, want)
			}
			if got, want := lowerHasSuffix(s, p), strings.HasSuffix(low, p); got != want {
				t.Fatalf("lowerHasSuffix(%q, %q) = %v, want %v", s, p, got, want)
			}
			if got, want := lowerTrimSpaceHasSuffix(s, p), strings.HasSuffix(strings.TrimSpace(low), p); got != want {
				t.Fatalf("lowerTrimSpaceHasSuffix(%q, %q) = %v, want %v", s, p, got, want)
			}
		}
	}
	for _, s := range speedSentences(t, 200) {
		check(s.Text)
	}
	for _, s := range trickyText {
		check(s)
	}
	rng := rand.New(rand.NewPCG(1, 1))
	for range 20000 {
		check(randomText(rng))
	}
}

// TestNonASCIILowerToASCII checks nonASCIILowerToASCII against the
// Unicode tables: every rune above ASCII that unicode.ToLower maps to
// ASCII is listed.
func TestNonASCIILowerToASCII(t *testing.T) {
	var got []string
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if unicode.ToLower(r) < utf8.RuneSelf {
			got = append(got, string(r))
		}
	}
	if !slices.Equal(got, nonASCIILowerToASCII) {
		t.Fatalf("runes lower-casing to ASCII: %q, want %q", got, nonASCIILowerToASCII)
	}
}

// TestIndexFold checks indexFold, which looks for the rarest byte of
// the pattern, against strings.Index of the lower-cased text: one row per
// shape of match.
func TestIndexFold(t *testing.T) {
	for _, c := range []struct{ s, pat string }{
		{"Sign up for our Newsletter today", "newsletter"},    // the rare byte inside the word, mixed case
		{"NEWSLETTER", "newsletter"},                          // the whole text, capitals
		{"news letter, newsletters", "newsletter"},            // a near miss before the match
		{"nnnewsletter", "newsletter"},                        // the pattern's first byte repeated before it
		{"wwwww", "newsletter"},                               // the pattern longer than the text
		{"the town was quiet", "newsletter"},                  // no match
		{"in response, the army", "in response,"},             // the rare byte is punctuation
		{"retaliation for the raid", "retaliation for"},       // a space in the pattern
		{"They followed and Followed", "follow"},              // two matches: the first
		{"zzz", "z"},                                          // a one-byte pattern
		{"after the flood, after the rain", "after the rain"}, // a later run of the pattern's start
		{"revenge FOR", "revenge for"},                        // the match at the end
		{"wx", "w"},                                           // the match at the start
	} {
		want := strings.Index(strings.ToLower(c.s), c.pat)
		if got := indexFold(c.s, c.pat); got != want {
			t.Errorf("indexFold(%q, %q) = %d, want %d", c.s, c.pat, got, want)
		}
	}
}
