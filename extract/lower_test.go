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
