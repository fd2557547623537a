package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
)

// unitAtPlain is unitAt as a reading of the place word map alone: the
// hyphenated unit, the pair, the word, each asked of the map.
func unitAtPlain(l *wordLists, toks []text.Token, k int) (string, int, int) {
	if k >= len(toks) {
		return "", 0, 0
	}
	if toks[k].Norm == "sub" && k+2 < len(toks) && joinedHyphen(toks, k+1) {
		if w := "sub-" + toks[k+2].Norm; l.placeWords[w] != 0 {
			return w, l.placeWords[w], 3
		}
	}
	if k+1 < len(toks) && toks[k+1].Kind == text.Word {
		if w := toks[k].Norm + " " + toks[k+1].Norm; l.placeWords[w] != 0 {
			return w, l.placeWords[w], 2
		}
	}
	return toks[k].Norm, l.placeWords[toks[k].Norm], 1
}

// TestUnitAtMarks checks that unitAt and placeRole, which look up only
// the tokens whose mark says a place word starts with their word
// (markPlaceLead), read every token as the place word map does: each
// place word of placewords.tsv in a sentence of its own, and sentences
// of the shapes unitAt reads (a unit of two words, a hyphenated unit
// below another, a word that starts a pair but is none alone), the
// tokens marked and not.
func TestUnitAtMarks(t *testing.T) {
	l := loadWordLists()
	sentences := []string{
		"Gunmen raided Tamba sub-district, Kolo region, on Monday.",
		"The clash was in Ranu union council of Bogra.",
		"A union leader and a council member spoke in the sub-committee.",
		"Sub-County officials in Oyam Sub - County said three died.",
		"The local government area of Gwoza, Borno, was shelled.",
		"Herders moved from the sub",
	}
	for w := range l.placeWords {
		sentences = append(sentences, "Fighting near Kambo "+w+", Lira "+w+" ended.")
	}
	if len(sentences) < 100 {
		t.Fatalf("only %d sentences: the place words did not load", len(sentences))
	}
	n := 0
	for _, s := range sentences {
		plain := text.Tokenize(s, 0)
		marked := text.Tokenize(s, 0)
		markTokens(marked)
		for _, toks := range [][]text.Token{plain, marked} {
			for k := 0; k <= len(toks); k++ {
				ww, wrole, wn := unitAtPlain(l, toks, k)
				if w, role, n := unitAt(l, toks, k); w != ww || role != wrole || n != wn {
					t.Errorf("%q token %d: unitAt = %q %d %d, the map says %q %d %d", s, k, w, role, n, ww, wrole, wn)
				}
				if k < len(toks) {
					if got, want := placeRole(l, &toks[k]), l.placeWords[toks[k].Norm]; got != want {
						t.Errorf("%q token %d (%q): placeRole = %d, the map says %d", s, k, toks[k].Norm, got, want)
					}
				}
			}
		}
		n++
	}
	t.Logf("%d sentences", n)
}
