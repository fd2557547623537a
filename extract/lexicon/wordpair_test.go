package lexicon

import (
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
)

// TestWordPair checks the pairs of a WordCache: words coded in turn
// whose hash falls on one pair are held both, and a third puts out the
// one used least lately, whichever slot it was in.
func TestWordPair(t *testing.T) {
	// three words of one pair, found by their hash
	byPair := map[uint64][]string{}
	var w []string
	for i := 0; w == nil; i++ {
		s := fmt.Sprintf("w%d", i)
		a, b := wordKey(s)
		p := wordPair(a, b, len(s))
		byPair[p] = append(byPair[p], s)
		if len(byPair[p]) == 3 {
			w = byPair[p]
		}
	}
	v := NewVocab()
	NewMatcherIn[int](v).Add(w[1], 1) // one word the vocabulary knows
	for _, tc := range []struct {
		name      string
		coded     []string // coded in this order
		held, out []string
	}{
		{"two words of one pair", []string{w[0], w[1]}, []string{w[0], w[1]}, nil},
		{"the second slot's word used again", []string{w[0], w[1], w[0], w[1]}, []string{w[0], w[1]}, nil},
		{"a third word after the first", []string{w[0], w[1], w[0], w[2]}, []string{w[0], w[2]}, []string{w[1]}},
		{"a third word after the second", []string{w[0], w[1], w[2]}, []string{w[1], w[2]}, []string{w[0]}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var c WordCache
			for _, s := range tc.coded {
				got := v.CodeCached(&c, text.Tokenize(s, 0), nil)
				if want := v.Code(text.Tokenize(s, 0), nil); got.Words[0] != want.Words[0] {
					t.Errorf("%s coded %v, want %v", s, got.Words[0], want.Words[0])
				}
			}
			for _, s := range tc.held {
				if c.lookup(s) == nil {
					t.Errorf("%s not held", s)
				}
			}
			for _, s := range tc.out {
				if c.lookup(s) != nil {
					t.Errorf("%s held, want it put out", s)
				}
			}
		})
	}
}
