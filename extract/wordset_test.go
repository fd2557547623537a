package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/text"
)

func TestWordSet(t *testing.T) {
	sets := map[string]map[string]bool{
		"particles":  {"al": true, "abu": false, "'": true, "": false},
		"empty":      {},
		"with empty": {"": true, "x": true},
	}
	lx := lexicon.Default()
	sets["stopwords"], sets["given names"] = lx.Stopwords, lx.GivenNames
	var words []string
	for _, s := range speedSentences(t, 100) {
		for _, tok := range s.Tokens {
			words = append(words, tok.Norm, tok.Text)
		}
	}
	for name, m := range sets {
		ws := newWordSet(m)
		for w := range m {
			words = append(words, w)
		}
		for _, w := range append(words, "", "zz", "al-", "the") {
			if got, want := ws.Has(w), m[w]; got != want {
				t.Fatalf("%s: has(%q) = %v, want %v", name, w, got, want)
			}
		}
	}
}

// TestWordMap checks that get answers as the map it was made from.
func TestWordMap(t *testing.T) {
	maps := map[string]map[string]int{
		"units":      {"one": 1, "two": 2, "twenty": 20, "zero": 0},
		"empty":      {},
		"with empty": {"": 7, "x": 1},
	}
	for name, m := range maps {
		wm := newWordMap(m)
		for _, w := range []string{"", "one", "two", "twenty", "zero", "x", "three", "on", "twentyone"} {
			v, ok := wm.Get(w)
			wv, wok := m[w]
			if v != wv || ok != wok || wm.Has(w) != wok {
				t.Errorf("%s: get(%q) = %d, %v, want %d, %v", name, w, v, ok, wv, wok)
			}
		}
	}
}

// TestTollWord checks tollWord against the two lists it merges.
func TestTollWord(t *testing.T) {
	words := []string{"", "and", "the", "killed", "wounded", "injured", "dead"}
	for _, s := range []wordSet{killWords, hurtWords} {
		words = append(words, s.Words()...)
	}
	for _, w := range words {
		toks := []text.Token{{Norm: w}, {Norm: w}}
		markTokens(toks[1:]) // one token marked, one not
		for _, tok := range toks {
			kill, hurt := tollWord(&tok)
			if kill != killWords.Has(w) || hurt != hurtWords.Has(w) {
				t.Errorf("tollWord(%q, marks %x) = %v, %v; the lists say %v, %v", w, tok.Marks, kill, hurt, killWords.Has(w), hurtWords.Has(w))
			}
		}
	}
}

// TestTollMark checks that the toll mark, which the casualty rules ask in
// place of killWords and hurtWords, answers as either list: a word of
// death or injury, marked or not, and no other word.
func TestTollMark(t *testing.T) {
	words := []string{"", "and", "the", "were", "people", "killed", "wounded", "dead", "injuries"}
	for _, s := range []wordSet{killWords, hurtWords, beForms} {
		words = append(words, s.Words()...)
	}
	for _, w := range words {
		toks := []text.Token{{Norm: w}, {Norm: w}}
		markTokens(toks[1:]) // one token marked, one not
		want := killWords.Has(w) || hurtWords.Has(w)
		for i := range toks {
			if got := markToll.has(&toks[i]); got != want {
				t.Errorf("markToll.has(%q, marks %x) = %v; killWords or hurtWords say %v", w, toks[i].Marks, got, want)
			}
		}
	}
}
