package lexicon

import (
	"strings"
	"testing"
)

// TestIsTranslitParticle checks the allocation-free test against the
// map lookups it replaces, on every particle in several cases and on other
// words, ASCII or not.
func TestIsTranslitParticle(t *testing.T) {
	words := []string{"", "a", "Al", "AL", "al-", "Hussein", "ABDULLAHI", "Ibn", "İbn", "Ǳ", "K", "bin", "verylongwordindeedlonger"}
	for w := range translitParticleMap {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+"x")
	}
	for _, w := range words {
		want := translitParticleMap[w] || translitParticleMap[strings.ToLower(w)]
		if got := isTranslitParticle(w); got != want {
			t.Errorf("isTranslitParticle(%q) = %v, want %v", w, got, want)
		}
	}
}
