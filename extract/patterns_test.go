package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/text"
)

// TestBodyKinds checks that findBodies skips only tokens where no phrase
// of govNouns or forceNouns can match.
func TestBodyKinds(t *testing.T) {
	sents := speedSentences(t, 300)
	sents = append(sents, text.Split("the - foreign ministry; the ' armed forces, the .army, Iran's - - police, ministry of foreign affairs")...)
	for _, s := range sents {
		for i := range s.Tokens {
			kinds := bodyKinds(s.Tokens, i)
			for _, f := range govNouns {
				if _, ok := matchWords(s.Tokens, i, f.words); ok && kinds&bodyGov == 0 {
					t.Fatalf("%q at %d: %v matches, kinds %b", s.Text, i, f.words, kinds)
				}
			}
			for _, f := range forceNouns {
				if _, ok := matchWords(s.Tokens, i, f.words); ok && kinds&bodyForce == 0 {
					t.Fatalf("%q at %d: %v matches, kinds %b", s.Text, i, f.words, kinds)
				}
			}
		}
	}
}

// TestInnerJoiner checks innerJoiner against the test it stands for,
// lexicon.Joiner and not a full stop, one row per kind of token.
func TestInnerJoiner(t *testing.T) {
	for _, s := range []string{"Zorvath's well-armed men said \"no\". Then - a quote '", "-- .. '' x . — –"} {
		for _, tok := range text.Tokenize(s, 0) {
			want := lexicon.Joiner(tok) && tok.Norm != "."
			if got := innerJoiner(&tok); got != want {
				t.Errorf("%q: innerJoiner %v, want %v", tok.Norm, got, want)
			}
		}
	}
}
