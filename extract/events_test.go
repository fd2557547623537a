package extract

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/lexicon"
)

// TestNearIn checks pickTrigger's window test against the window string
// it replaces.
func TestNearIn(t *testing.T) {
	var near []string
	for _, tr := range lexicon.Default().Triggers {
		near = append(near, tr.Near...)
	}
	near = append(near, "", "a", "at least", "at  least", "the ", "x y z")
	for _, s := range speedSentences(t, 200) {
		toks := s.Tokens
		for end := 0; end <= len(toks); end++ {
			var w strings.Builder
			for k := end; k < len(toks) && k < end+12; k++ {
				w.WriteByte(' ')
				w.WriteString(toks[k].Norm)
			}
			window := toks[min(end, len(toks)):min(end+12, len(toks))]
			for _, n := range near {
				if got, want := nearIn(window, n), strings.Contains(w.String(), " "+n); got != want {
					t.Fatalf("nearIn(%q, %q) = %v, want %v", w.String(), n, got, want)
				}
			}
		}
	}
}
