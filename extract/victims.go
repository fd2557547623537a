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
		return killWords.Has(w) || hurtWords.Has(w) || beForms.Has(w) || w == "and" || w == "in" || w == "when" || w == "after"
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
	return tag == syntax.Proper && isUpperWord(&ps.Toks[h]) && !ps.Toks[h].AllCaps()
}

// countedCivilians is the civilians entity of country cc (the sentence's
// country when cc is empty) for people counted by nationality or
// community.
func (d *docState) countedCivilians(s int, cc string) *entity {
	return d.participantEntity(participant{s: s, class: ClassCivilians, kind: "civilians", country: cc})
}

// moreOf returns the people that noun phrase np of sentence s counts as
// more of those named before it: a count with no noun of its own, marked
// by "more", "others" or "another" ("killed five soldiers and wounded 12
// more", "injuring dozens more", "hurt another 9"), is of the kind of the
// nearest people named before it in the sentence (civilians, a force or a
// group); nil for another phrase. The phrase joins that entity's
// mentions, so that its aliases hold it.
func (d *docState) moreOf(s int, ps *syntax.Sentence, np int) *entity {
	if !elidedCount(ps, np) {
		return nil
	}
	for j := np - 1; j >= 0; j-- {
		if ps.Chunks[j].Kind != syntax.NP {
			continue
		}
		for _, m := range d.npMentions(s, ps, j) {
			switch m.ent.class {
			case ClassCivilians, ClassStateForce, ClassArmedGroup:
				ch := &ps.Chunks[np]
				m.ent.mentions = append(m.ent.mentions, d.newMention(mention{s: s, a: ch.A, b: ch.B, ent: m.ent}))
				m.ent.addAlias(d.surface(s, ch.A, ch.B))
				return m.ent
			}
		}
	}
	return nil
}

// elidedCount reports whether noun phrase np is a count whose noun is
// left out for one named before: "another" or a count ("12", "dozens"),
// then "more" or "others" where "another" does not open it.
func elidedCount(ps *syntax.Sentence, np int) bool {
	ch := &ps.Chunks[np]
	k := ch.A
	another := ps.Toks[k].Norm == "another"
	if another {
		k++
	}
	n := k
	for k < ch.B && ps.Tags[k] == syntax.Num {
		k++
	}
	if k == n {
		return false
	}
	if k < ch.B && (ps.Toks[k].Norm == "more" || ps.Toks[k].Norm == "others") {
		k++
		another = true
	}
	return another && k == ch.B
}
