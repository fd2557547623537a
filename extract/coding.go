package extract

import "github.com/newsgraph/newsgraph/extract/text"

// Incident notes carry the coder's remarks on the note's own figure: "toll
// uncertain, coded as the lowest figure given, 5" gives the toll the note
// leaves unclear, "9 dead, coded over 3 events" and "a toll of 30 coded
// for 5 days = 30" spread a toll over several coded events, one share
// each, and "shooting 2 dead, coded separately" says that a toll belongs
// to another coded event.

// codedTolls applies the coding remarks of a sentence to its figures cs:
// a figure coded separately is left out, one coded across several events
// or days is divided among them, and a figure the remark codes is added.
func codedTolls(toks []text.Token, cs []casualty) []casualty {
	out := cs[:0]
	for _, c := range cs {
		switch k := remarkAfter(toks, c.End); {
		case k < 0:
			out = append(out, c)
		case k+1 < len(toks) && codedApart.Has(toks[k+1].Norm):
			// another coded event's toll
		default:
			if n, _, ok := codedShare(toks, k); ok && n > 0 {
				c.N /= n
			}
			out = append(out, c)
		}
	}
	for k := range toks {
		if markCoding.has(&toks[k]) { // the token read in place, not copied
			if c, ok := codedToll(toks, k); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

// remarkAfter finds a coding verb right after a figure that ends at end,
// across an opening parenthesis and the toll's own words ("9 dead (coded
// over 3 events)"); -1 when none follows.
func remarkAfter(toks []text.Token, end int) int {
	for k := end; k < len(toks) && k < end+4; k++ {
		switch {
		case markCoding.has(&toks[k]):
			return k
		case toks[k].Norm != "(" && !markToll.has(&toks[k]):
			return -1
		}
	}
	return -1
}

// codedShare reads "over 3 events", "for 5 days" after the coding verb
// at k: the number of coded events that share a toll, and the index after
// the phrase.
func codedShare(toks []text.Token, k int) (int, int, bool) {
	if k+1 >= len(toks) || !shareLinks.Has(toks[k+1].Norm) {
		return 0, k, false
	}
	n, e, ok := numberAt(toks, k+2)
	if !ok || e >= len(toks) || !shareUnits.Has(toks[e].Norm) {
		return 0, k, false
	}
	return n, e + 1, true
}

// codedToll reads the toll that the coding remark at the coding verb k
// gives: "coded at a conservative estimate of 5", "coded as 2
// fatalities", or a total shared out ("coded for 5 days = 30": 6 each).
func codedToll(toks []text.Token, k int) (casualty, bool) {
	if n, e, ok := codedShare(toks, k); ok && n > 0 && e+1 < len(toks) && toks[e].Norm == "=" {
		if v, end, ok := numberAt(toks, e+1); ok {
			return casualty{At: k, End: end, Killed: true, N: v / n}, true
		}
	}
	if k+1 >= len(toks) || toks[k+1].Norm != "at" && toks[k+1].Norm != "as" {
		return casualty{}, false
	}
	j := k + 2
	for j < len(toks) && j < k+6 && estimateWords.Has(toks[j].Norm) {
		j++
	}
	v, end, ok := numberAt(toks, j)
	if !ok || end < len(toks) && hurtWords.Has(toks[end].Norm) {
		return casualty{}, false // "coded as 3 injured": no toll of deaths
	}
	return casualty{At: k, End: end, Killed: true, N: v}, true
}

// codingVerbs, codedApart, shareLinks, shareUnits and estimateWords are
// the words of coding remarks.
var (
	codingVerbs   = grammarList("codingVerbs")
	codedApart    = grammarList("codedApart")
	shareLinks    = grammarList("shareLinks")
	shareUnits    = grammarList("shareUnits")
	estimateWords = grammarList("estimateWords")
)
