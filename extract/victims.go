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
		return markToll.has(&toks[j]) || markBe.has(&toks[j]) || w == "and" || w == "in" || w == "when" || w == "after"
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

// vagueVictimsTo gives the people a sentence says were hurt or killed
// with no figure ("Many bystanders were wounded", "several traders were
// hurt when a bomb went off", "Passengers were injured"), or were its
// target ("a local chief was presumed the main target"), to the attack the
// sentence tells of, or, where it tells of none, to a frame of their own
// that joins the attack spoken of last and starts none (weak): they are
// its victims, though the toll stays unknown. People a figure counts are
// left to the casualty reader (casualtiesTo, victimsFromTolls).
func (d *docState) vagueVictimsTo(si int, frames []*frame) []*frame {
	toks := d.sents[si].Tokens
	var counted []casualty
	read := false
	for _, m := range d.ments[si] {
		if !victimClass(m.ent.class) || !hurtAfter(toks, m.b) && !targetAfter(toks, m.b) || deniedPeople(toks, m.a) {
			continue
		}
		if !read {
			counted, read = findCasualties(toks), true
		}
		if figureCovers(counted, m) {
			continue
		}
		if best := tollFrame(frames, m.a); best != nil {
			if !containsEnt(best.actors, m.ent) {
				best.targets = appendEnt(best.targets, m.ent)
			}
			continue
		}
		f := d.buf.frames.new(frame{typ: EventAttack, s: si, a: m.a, b: m.b, killed: -1, injured: -1, definite: true, weak: true, span0: 0, span1: len(toks)})
		d.fillArgs(f, nil)
		f.places, f.targetText = nil, nil
		f.targets = []*entity{m.ent}
		if containsEnt(f.actors, m.ent) {
			continue
		}
		frames = append(frames, f)
	}
	return frames
}

// hurtAfter reports whether the words from k say that the people named
// before them were hurt or killed: a form of "be" (or "have been"), at
// most two words more ("seriously", "also reportedly"), then a word of
// injury or death ("were wounded", "have been critically injured").
func hurtAfter(toks []text.Token, k int) bool {
	if k >= len(toks) || !beForms.Has(toks[k].Norm) && toks[k].Norm != "have" && toks[k].Norm != "has" && toks[k].Norm != "had" {
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+3; j++ {
		if markToll.has(&toks[j]) {
			return true
		}
		if w := toks[j].Norm; toks[j].Kind != text.Word || w == "not" || w == "no" || w == "never" {
			return false
		}
	}
	return false
}

// targetAfter reports whether the words from k say that the people named
// before them were the attack's target: a form of "be" (left out in a
// note's clipped style), a word of belief or report and "to be" or "to
// have been" at will, then "the", at most one qualifier, and "target"
// ("A local chief was the target", "a councillor was believed to be the
// intended target", "Judge presumed to have been the target").
func targetAfter(toks []text.Token, k int) bool {
	be := k < len(toks) && beForms.Has(toks[k].Norm)
	if be {
		k++
	}
	// a hedge with no "be" before it needs "to" after it: "Police said
	// the target was…" names no target
	if k < len(toks) && targetHedges.Has(toks[k].Norm) && (be || k+1 < len(toks) && toks[k+1].Norm == "to") {
		k++
		for _, w := range [...]string{"to", "have", "been", "be"} {
			if k < len(toks) && toks[k].Norm == w {
				k++
			}
		}
	}
	if k >= len(toks) || toks[k].Norm != "the" {
		return false
	}
	k++
	if k < len(toks) && targetQualifiers.Has(toks[k].Norm) {
		k++
	}
	return k < len(toks) && (toks[k].Norm == "target" || toks[k].Norm == "targets")
}

// targetHedges are the words of belief or report between a victim and "to
// be the target"; targetQualifiers the words that may qualify "target".
var (
	targetHedges     = grammarList("targetHedges")
	targetQualifiers = grammarList("targetQualifiers")
)

// deniedPeople reports whether the phrase of people that opens at token a
// is denied: "no" or "none" opens it or stands up to three words before
// it, within its clause ("No civilians were hurt", "none of the residents
// were injured").
func deniedPeople(toks []text.Token, a int) bool {
	for k := a; k >= 0 && k >= a-3 && k < len(toks); k-- {
		switch w := toks[k].Norm; {
		case w == "no" || w == "none" || w == "neither" || w == "nor":
			return true
		case k < a && toks[k].Kind == text.Punct:
			return false
		}
	}
	return false
}

// figureCovers reports whether a casualty figure of cs spans mention m:
// people counted ("three bystanders were wounded").
func figureCovers(cs []casualty, m *mention) bool {
	for _, c := range cs {
		if m.a < c.End && m.b > c.At {
			return true
		}
	}
	return false
}

// tollFrame returns the attack frame of frames that a toll at token at
// belongs to: the last one before it, else the first after it; nil where
// the sentence tells of no attack.
func tollFrame(frames []*frame, at int) *frame {
	var best *frame
	for _, f := range frames {
		if f.typ != EventAttack || f.negated {
			continue
		}
		if f.a <= at || best == nil {
			best = f
		}
	}
	return best
}
