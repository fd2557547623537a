package extract

import "github.com/newsgraph/newsgraph/extract/text"

// bareFigure reports whether casualty figure c counts people by a number
// alone ("2 killed", "kills five", "six are reported injured"), with no
// noun saying who they were.
func bareFigure(toks []text.Token, c casualty) bool {
	for k := c.At; k < c.End && k < len(toks); k++ {
		_, j, ok := numberAt(toks, k)
		if !ok {
			continue
		}
		if j >= len(toks) || toks[j].Kind != text.Word {
			return true
		}
		w := toks[j].Norm
		return killWords.has(w) || hurtWords.has(w) || beForms.has(w) || w == "and" || w == "in" || w == "when" || w == "after"
	}
	return false
}
