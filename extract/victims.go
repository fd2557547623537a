package extract

import (
	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/extract/text"
)

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

// countedNP reports whether noun phrase np counts what its last word
// names: a number or "a"/"an" opens it ("two Fulani", "16 Kenyans", "an
// American").
func (d *docState) countedNP(ps *syntax.Sentence, np int) bool {
	ch := &ps.Chunks[np]
	if ch.Head != ch.B-1 || ch.B-ch.A < 2 {
		return false
	}
	w := ps.Toks[ch.A].Norm
	if w == "a" || w == "an" {
		return true
	}
	_, end, ok := numberAt(ps.Toks, ch.A)
	return ok && end == ch.Head
}

// properHead reports whether noun phrase np ends in a capitalised name
// that no lexicon holds ("two Fulani").
func properHead(ps *syntax.Sentence, np int) bool {
	h := ps.Chunks[np].Head
	_, tag := ps.Word(h)
	return tag == syntax.Proper && isUpperWord(ps.Toks[h]) && !ps.Toks[h].AllCaps()
}

// countedCivilians is the civilians entity of country cc (the sentence's
// country when cc is empty) for people counted by nationality or
// community.
func (d *docState) countedCivilians(s int, cc string) *entity {
	return d.participantEntity(participant{s: s, class: ClassCivilians, kind: "civilians", country: cc})
}
