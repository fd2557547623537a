package syntax

import (
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
