package extract

import (
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/text"
)

// A report often names the weapons of an attack in a sentence after the
// one that tells of it: "Militants raided an army camp, wounding six.
// The attackers used rocket-propelled grenades." The sentence has no
// event of its own, so its weapons reach no event through the frames.

// instrumentReach is how many sentences after the last that speaks of an
// attack may still state its weapons.
const instrumentReach = 2

// instrumentCues come shortly before a weapon a sentence states as what
// someone attacked with ("used", "with", "armed", "fired").
var instrumentCues = grammarList("instrumentCues")

// instrumentBackground mark a sentence about other times than the
// attack's ("since", "previously", "would").
var instrumentBackground = grammarList("instrumentBackground")

// cueReach is how many tokens before a weapon its cue may stand: "used
// rocket-propelled grenades", "came with axes and machetes".
const cueReach = 4

// weaponsToldAfter gives an attack the weapons that a sentence telling of
// no event states as an instrument ("The attackers used grenades", "They
// came with axes and machetes", "explosives had been used"), when the
// attack is the one told last before that sentence and the sentence
// lies among the attack's own sentences or at most instrumentReach after
// the last of them. A sentence of other times (its background marks)
// gives none. A sentence that opens with armed men described ("The
// gunmen used rifles") after a state force's reply tells of the armed
// men's attack before it.
func (d *docState) weaponsToldAfter(events []*docEvent) {
	teller := make([]*docEvent, len(d.sents)) // the event a sentence tells of, the latest of its frames'
	for _, e := range events {
		for _, f := range e.frames {
			if t := teller[f.s]; t == nil || t.f.typ != EventAttack || e.f.typ == EventAttack {
				teller[f.s] = e
			}
		}
	}
	var recent, armed *docEvent // the event told last; the last attack by others than a state's forces
	toldAt := 0
	for s, t := range teller {
		switch {
		case t != nil:
			recent, toldAt = t, s
			if t.f.typ == EventAttack && !stateDoers(&t.f) {
				armed = t
			}
		case recent != nil && recent.f.typ == EventAttack && (s < recent.last || s-toldAt <= instrumentReach) && !d.skip[s]:
			to := recent
			if armed != nil && stateDoers(&recent.f) && describedDoerOpens(d.sents[s].Tokens) {
				// "…five of them were shot dead by police. The
				// gunmen used rifles": the gunmen's attack, not the
				// police's reply
				to = armed
			}
			d.instrumentsOf(&to.f, s)
		}
	}
}

// stateDoers reports whether f's doers are all a state's forces or
// states.
func stateDoers(f *frame) bool {
	if len(f.actors) == 0 {
		return false
	}
	for _, a := range f.actors {
		if a.class != ClassStateForce && a.class != ClassCountry {
			return false
		}
	}
	return true
}

// describedDoerOpens reports whether the sentence of toks opens with armed
// doers described, not named ("The gunmen", "The attackers", "The
// bomber"): men no state fields.
func describedDoerOpens(toks []text.Token) bool {
	if len(toks) < 2 || toks[0].Norm != "the" {
		return false
	}
	h, ok := loadWordLists().heads[toks[1].Norm]
	return ok && h.class == ClassArmedGroup && h.kind != "needs-modifier"
}

// instrumentsOf adds to f the weapons sentence s states as an
// instrument (instrumentCue), unless s speaks of other times.
func (d *docState) instrumentsOf(f *frame, s int) {
	toks := d.sents[s].Tokens
	for i := range toks {
		if instrumentBackground.Has(toks[i].Norm) {
			return
		}
	}
	var buf [4]lexicon.Match[*lexicon.Weapon]
	added := false
	for _, m := range d.r.weapons.AppendCoded(buf[:0], d.coded[s]) {
		if instrumentCue(toks, m.Start) || instrumentPassive(toks, m.End) {
			f.weapons = appendStr(f.weapons, m.Values[0].Name)
			added = true
		}
	}
	if added && (f.subtype == "strike" || f.subtype == "armed assault" || f.subtype == "") {
		f.subtype, f.cameo = subtypeFromWeapons(f.weapons, f.subtype, f.cameo)
	}
}

// instrumentPassive reports whether the weapon ending before token end is
// the subject of a passive that says it was used: "explosives had been
// used", "the bomb was hidden in a cart".
func instrumentPassive(toks []text.Token, end int) bool {
	return passiveSubject(toks, end, instrumentParticiples)
}

// passiveSubject reports whether the phrase ending before token end is
// the subject of a passive whose participle is one of participles:
// auxiliaries ("had been", "was") and then the participle.
func passiveSubject(toks []text.Token, end int, participles wordSet) bool {
	k := end
	for k < len(toks) && k < end+cueReach && passiveAuxiliaries.Has(toks[k].Norm) {
		k++
	}
	return k > end && k < len(toks) && participles.Has(toks[k].Norm)
}

// passiveAuxiliaries come between a weapon and the participle of its
// passive ("had been", "was").
var passiveAuxiliaries = grammarList("passiveAuxiliaries")

// instrumentParticiples say, after a weapon and an auxiliary, that the
// weapon was used ("were used", "had been planted").
var instrumentParticiples = grammarList("instrumentParticiples")

// instrumentCue reports whether an instrument cue stands within cueReach
// tokens before token at, in the same clause: "used heavy machine
// guns", "with axes and machetes".
func instrumentCue(toks []text.Token, at int) bool {
	for k := at - 1; k >= 0 && k >= at-cueReach; k-- {
		if instrumentCues.Has(toks[k].Norm) {
			return true
		}
		if toks[k].Kind == text.Punct && toks[k].Norm != "-" {
			return false
		}
	}
	return false
}
