package extract

import (
	"math/bits"
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
)

// TestWordMarks checks that a marked token's bits say what each marked
// list says of its word, and that an unmarked token asks the list: for
// every word of every marked list, and for words of none.
func TestWordMarks(t *testing.T) {
	words := []string{"", "the", "gunmen", "stormed", "a", "clinic", "in", "varo", "town", ",", "."}
	for _, l := range markedLists() {
		words = append(words, l.Words()...)
	}
	for _, w := range words {
		marked := []text.Token{{Norm: w}}
		markTokens(marked)
		for i, l := range markedLists() {
			c := wordClass(1) << i
			want := l.Has(w)
			if got := c.has(&marked[0]); got != want {
				t.Errorf("list %d, marked %q: has = %v, the list says %v", i, w, got, want)
			}
			if got := c.has(&text.Token{Norm: w}); got != want {
				t.Errorf("list %d, unmarked %q: has = %v, the list says %v", i, w, got, want)
			}
			if got := c.surelyNot(&marked[0]); got != !want {
				t.Errorf("list %d, marked %q: surelyNot = %v, the list says %v", i, w, got, want)
			}
			if c.surelyNot(&text.Token{Norm: w}) {
				t.Errorf("list %d, unmarked %q: surelyNot, where only the list can tell", i, w)
			}
		}
	}
	if n := len(markedLists()); n != bits.TrailingZeros32(uint32(markLists)) || n > 31 {
		t.Errorf("%d marked lists for %d bits", n, bits.TrailingZeros32(uint32(markLists)))
	}
}
