package extract

import (
	"testing"

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
