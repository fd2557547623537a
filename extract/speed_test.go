package extract

// The inputs of the tests of the invariants the extractor's shortcuts
// rely on: each cache, table or no-allocation path must answer exactly
// what the plain computation it replaces answers. The tests live next to
// the code they check (lower_test.go, wordset_test.go, resources_test.go,
// analyze_test.go…) and run over generated articles (package
// internal/corpus) and over text made to trip them, both made here.

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
	"github.com/newsgraph/newsgraph/internal/corpus"
)

// trickyText holds what the shortcuts must not get wrong: non-ASCII
// letters that lower-case to ASCII (the Kelvin sign, the dotted capital
// I), invalid UTF-8, typographic quotes and dashes, demonyms in other
// cases and spellings, abbreviations, joiners.
var trickyText = []string{
	"In RETALİATION, the \u212Aurdish fighters attacked; Retaliation for the strike, IN RESPONSE.",
	"The PAKISTANI, Pakistanis, pakistani and PAKİSTANİ troops; Iranian-backed, Afghan’s, Côte d’Ivoire’s Ivorian police.",
	"“Subscribe” to our NEWSLETTER — Read More: \xff\xfe broken \xc3 bytes, or the «group», or, OR the Front.",
	"  — • *Related: Iran’s Foreign Ministry said U.S. forces, the armed forces of Iran, the Defence Ministry…",
	"between both SIDES, the two sides and the warring parties; the parties met in response",
	"Killed 12 people, wounded twenty-five others, a dozen civilians; Syrians, IRAQIS and Yemenis died.",
	"",
}

func speedDocs(t *testing.T, n int) []string {
	t.Helper()
	g, err := corpus.New(5)
	if err != nil {
		t.Fatal(err)
	}
	docs := append([]string(nil), trickyText...)
	for range n {
		docs = append(docs, g.Next().Text)
	}
	return docs
}

func speedSentences(t *testing.T, n int) []text.Sentence {
	t.Helper()
	var out []text.Sentence
	for _, d := range speedDocs(t, n) {
		out = append(out, text.Split(d)...)
	}
	return out
}

// randomText returns a string of runes and bytes the lower-case helpers
// must treat as strings.ToLower does.
func randomText(rng *rand.Rand) string {
	pieces := []string{"a", "A", "i", "I", "k", "K", "\u212A", "\u0130", "\u0131", "ß", "é", "É", " ", "\u00a0", ",", ".", "\xff", "\xc3", "\xe2\x82", "in", "IN", "or", "OR", "response", "RESPONSE", "retaliat", "over a", "OVER A", "\t", "\u2028"}
	var b strings.Builder
	for range rng.IntN(24) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}
