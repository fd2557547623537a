package syntax

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/text"
)

// TestLexiconWordsAreWords checks what tag relies on when it looks up
// word tokens only: no punctuation or number token has a form that the
// lexicon holds or marks. A punctuation token is one character, a number
// opens with a digit: every key opens with a letter, or is longer than
// one character and opens with no digit ("'s").
func TestLexiconWordsAreWords(t *testing.T) {
	for _, w := range lexiconIndex().m.Words() {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) {
			continue
		}
		if unicode.IsDigit(r) || utf8.RuneCountInString(w) < 2 {
			t.Errorf("lexicon word %q may be the form of a punctuation or number token", w)
		}
	}
	// and the tokeniser agrees for the keys of one character and a digit
	for _, in := range []string{",", "7", "'"} {
		if k := text.Tokenize(in, 0)[0].Kind; k == text.Word {
			t.Errorf("%q is a word token", in)
		}
	}
}

// TestLexiconMarks checks that the marks the lexicon keeps are exactly
// the lists' words, that a word only marked is unknown to Get and of,
// and that a known word keeps its entry.
func TestLexiconMarks(t *testing.T) {
	lx := lexiconIndex()
	lists := []struct {
		name string
		list map[string]bool
		bit  uint8
	}{
		{"timeOpeners", timeOpeners, markTimeOpener},
		{"timeNouns", timeNouns, markTimeNoun},
	}
	for _, l := range lists {
		n := 0
		for _, w := range lx.m.Words() {
			if lx.entry(w).marks&l.bit != 0 {
				n++
				if !l.list[w] {
					t.Errorf("%s: %q marked, not in the list", l.name, w)
				}
			}
		}
		for w, ok := range l.list {
			if ok && lx.entry(w).marks&l.bit == 0 {
				t.Errorf("%s: %q not marked", l.name, w)
			}
		}
		if n == 0 {
			t.Errorf("%s: no word marked", l.name)
		}
	}
	tests := []struct {
		name, word string
		known      bool
		tag        Tag
	}{
		{"a list's word the lexicon lacks", "weekend", false, Other},
		{"a list's word the lexicon holds", "this", true, Det},
		{"a lexicon word of no list", "attacked", true, VerbPast},
		{"a word of neither", "kessaro", false, Other},
	}
	for _, tt := range tests {
		e, ok := lx.Get(tt.word)
		if ok != tt.known || ok && e.tag != tt.tag {
			t.Errorf("%s: Get(%q) = %v %v, want %v %v", tt.name, tt.word, e.tag, ok, tt.tag, tt.known)
		}
		if of := lx.of(tt.word); !tt.known && of != (word{}) || tt.known && of.tag != tt.tag {
			t.Errorf("%s: of(%q) = %+v", tt.name, tt.word, of)
		}
	}
}

// TestSuffixSet checks suffixSet.has against a loop over the endings, on
// every word of the common list and the lexicon and on rows of each
// shape: too short for an ending, the ending with two bytes before it
// and with three, no ending.
func TestSuffixSet(t *testing.T) {
	hasAny := func(w string, sfx ...string) bool {
		for _, x := range sfx {
			if len(w) > len(x)+2 && strings.HasSuffix(w, x) {
				return true
			}
		}
		return false
	}
	adj := []string{"ous", "ful", "ive", "ic", "ese", "ish", "able", "ible", "ary", "less", "ern"}
	noun := []string{"tion", "sion", "ment", "ence", "ance", "ity", "ness"}
	words := append(strings.Split(commonData, "\n"), lexiconIndex().m.Words()...)
	words = append(words, "", "s", "ic", "bic", "tonic", "civic", "zous", "ambous", "less", "hopeless", "ation", "nation", "unity", "dity", "kindness", "é", "caféic")
	for _, w := range words {
		if got, want := adjSuffixes.has(w), hasAny(w, adj...); got != want {
			t.Errorf("adjSuffixes.has(%q) = %v, want %v", w, got, want)
		}
		if got, want := nounSuffixes.has(w), hasAny(w, noun...); got != want {
			t.Errorf("nounSuffixes.has(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestLemmasHoldTheParsersLemmas checks Lemmas' promise: the lemma the
// parser gives each token of a sentence is among Lemmas of its Norm,
// whatever the shape that tagged it (one row per shape).
func TestLemmasHoldTheParsersLemmas(t *testing.T) {
	p := NewParser()
	for _, tc := range []struct{ shape, in string }{
		{"irregular past", "Rebels fought soldiers and shot two guards near Tarvale."},
		{"regular past and participle", "The depot was shelled and later looted by raiders."},
		{"doubled consonant", "Gunmen robbed a shop and stabbed the owner."},
		{"gerund and -ing noun", "The kidnapping of a pilot followed heavy shelling overnight."},
		{"plural nouns", "Abductions and ambushes rose while militias raided villages."},
		{"unknown -ed and -ing words", "Looters zorbled the market, blorping its stalls."},
		{"contracted not", "Police didn't confirm the attack and won't comment."},
		{"possessive and reported verb", "Residents reported the army's raid on Kelmora's outskirts."},
		{"title-case headline", "Gunmen Storm Hotel In Port Varen, Kill Three Guards"},
		{"capitalised opening common word", "Explosions shook the town as Mortars rained down."},
		{"auxiliary before an unknown word", "They did not flarn the convoy."},
	} {
		ps := p.Parse(text.Tokenize(tc.in, 0))
		for i, tok := range ps.Toks {
			if l := ps.Lemmas[i]; !slices.Contains(Lemmas(tok.Norm, nil), l) {
				t.Errorf("%s: lemma %q of %q is not among Lemmas %q", tc.shape, l, tok.Norm, Lemmas(tok.Norm, nil))
			}
		}
	}
}
