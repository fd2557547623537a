package lexicon

import (
	"strings"
	"testing"
)

// TestWordKey checks that a word cache's key is its word among the words
// of one length: for every length it keeps (1 to 3 bytes: first, middle
// and last bytes; 4 to 7: first and last four; 8 to 16: first and last
// eight), two words that differ in any one byte have different keys.
func TestWordKey(t *testing.T) {
	for n := 1; n <= maxCachedWord; n++ {
		w := strings.Repeat("a", n)
		a0, b0 := wordKey(w)
		for p := range n {
			v := w[:p] + "b" + w[p+1:]
			if a, b := wordKey(v); a == a0 && b == b0 {
				t.Errorf("wordKey(%q) = wordKey(%q)", v, w)
			}
		}
	}
}
