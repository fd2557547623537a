package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/extract/text"
)

// plantedBy gives an attack that names no doer the armed group its
// sentence says planted or made the device: "hit a Taliban-planted IED",
// "an al Shabaab planted land mine", "a bomb Boko Haram-made".
func (d *docState) plantedBy(events []*docEvent) {
	for _, e := range events {
		if e.f.typ != EventAttack || containsArmedGroup(e.f.actors) {
			continue
		}
		for _, f := range e.frames {
			if g := d.planter(f.s); g != nil {
				// "hit a Taliban-planted IED": the group set the device,
				// it was not what the device hit; the force the sentence
				// took for a doer ("soldiers were killed when…") was hit
				e.f.targets = removeEnt(e.f.targets, g)
				hit := e.f.agents // a force, not its country
				if len(hit) == 0 {
					hit = e.f.actors
				}
				for _, a := range hit {
					e.f.targets = appendEnt(e.f.targets, a)
				}
				e.f.actors, e.f.agents = []*entity{g}, nil
				e.f.explicitActor = true
				break
			}
		}
	}
}

// plantVerbs say who set a device: "Taliban-planted", "al Shabaab planted".
var plantVerbs = grammarList("plantVerbs")

// planter returns the one armed group of sentence s written right before
// a word of planting that qualifies a noun ("Taliban-planted IED"), or nil.
func (d *docState) planter(s int) *entity {
	toks := d.sents[s].Tokens
	var found *entity
	for _, m := range d.ments[s] {
		if m.ent.class != ClassArmedGroup || m.ent.unidentified {
			continue
		}
		k := m.b
		if k < len(toks) && toks[k].Norm == "-" && !toks[k].SpaceBefore {
			k++
		}
		if k+1 >= len(toks) || !plantVerbs.Has(toks[k].Norm) || toks[k+1].Kind != text.Word || beforeVerbObject(toks[k+1].Norm) {
			continue
		}
		if found != nil && found != m.ent {
			return nil
		}
		found = m.ent
	}
	return found
}

// beforeVerbObject reports whether word w, after "planted", shows the
// verb has its own object or complement ("planted a bomb", "planted
// them"): then the group before it is a subject the frames read.
func beforeVerbObject(w string) bool {
	switch w {
	case "a", "an", "the", "by", "them", "it", "explosives", "in", "on", "at", "near":
		return true
	}
	return false
}

// containsArmedGroup reports whether list holds an armed group.
func containsArmedGroup(list []*entity) bool {
	for _, e := range list {
		if e.class == ClassArmedGroup {
			return true
		}
	}
	return false
}

// possessor returns the armed group or force that a plural possessive
// before event noun c ("their attacks", "its raid") refers to: the
// nearest one named before it in its sentence, else the sentence's
// subject, when it is one; nil otherwise.
func (d *docState) possessor(s int, ps *syntax.Sentence, c int) *entity {
	if m := d.possessorMention(s, ps, c); m != nil {
		return armedActor(d.actorOf(m, ""))
	}
	return nil
}

// possessorMention returns the mention that "their" or "its" opening noun
// phrase c of sentence s refers back to: the nearest armed participant
// named before it ("police held militants who planned their attack"), or
// else the sentence's subject; nil where c opens with no such word or
// nothing fits.
func (d *docState) possessorMention(s int, ps *syntax.Sentence, c int) *mention {
	ch := &ps.Chunks[c]
	if w := ps.Toks[ch.A].Norm; w != "their" && w != "its" {
		return nil
	}
	var best *mention
	for _, m := range d.ments[s] {
		if m.b <= ch.A && (best == nil || m.a > best.a) && armedActor(d.actorOf(m, "")) != nil {
			best = m
		}
	}
	if best != nil {
		return best
	}
	if m := d.sentenceSubject(s); m != nil && m.b <= ch.A && armedActor(d.actorOf(m, "")) != nil {
		return m
	}
	return nil
}

// possessorPhrase gives event noun phrase c of frame f, opened by "their"
// or "its" and with no doer yet, the armed participant that the nearest
// noun phrase before it describes by a common noun, with no preposition
// ("militants who stockpiled rifles for their attack", "police arrested
// the gunmen before their raid"): what possessor reads from the names,
// read from the phrases. It reports whether it found one.
func (d *docState) possessorPhrase(f *frame, ps *syntax.Sentence, c int) bool {
	if w := ps.Toks[ps.Chunks[c].A].Norm; w != "their" && w != "its" || fendedObject(ps, c) {
		return false
	}
	for j := c - 1; j >= 0; j-- {
		if ch := &ps.Chunks[j]; ch.Kind != syntax.NP || ch.Prep >= 0 || !d.armedPhrase(f.s, ps, j) || d.r.weapons.AnyCoded(d.coded[f.s].Slice(ch.A, ch.B)) {
			continue
		}
		return d.actorNP(f, ps, j, true)
	}
	return false
}

// fendedObject reports whether noun phrase c is the object of a verb
// whose subject fought off or lived through it ("soldiers repelled their
// attack", "the guards survived its assault"): the possessive then names
// the other side, never the subject.
func fendedObject(ps *syntax.Sentence, c int) bool {
	for i := range ps.Clauses {
		if cl := &ps.Clauses[i]; cl.Obj == c {
			v := ps.Chunks[cl.Verb].Lemma
			return v == "survive" || repelVerbs.Has(v)
		}
	}
	return false
}

// armedActor returns actor a when it is an armed group, a state force or
// a country, the ones that attack; nil otherwise.
func armedActor(a, _ *entity) *entity {
	if a == nil || a.class != ClassArmedGroup && a.class != ClassStateForce && a.class != ClassCountry {
		return nil
	}
	return a
}

// precedingDoer gives an attack or abduction told by an agentless passive
// ("a nurse and her driver were abducted") the armed group that is
// the subject of the sentence before, where that sentence tells of no
// attack of its own: "Rebels seized a minibus outside Goma.
// Its driver was abducted."
func (d *docState) precedingDoer(events []*docEvent) {
	attackIn := map[int]bool{}
	for _, e := range events {
		for _, f := range e.frames {
			if f.typ == EventAttack || f.typ == EventAbduction {
				attackIn[f.s] = true
			}
		}
	}
	for _, e := range events {
		if e.f.typ != EventAttack && e.f.typ != EventAbduction || len(e.f.actors) > 0 || len(e.f.actorText) > 0 {
			continue
		}
		f := e.frames[0]
		if !f.verb || !f.passive || f.s == 0 || attackIn[f.s-1] || d.skip[f.s-1] {
			continue
		}
		if m := d.sentenceSubject(f.s - 1); m != nil && m.ent.class == ClassArmedGroup && !containsEnt(e.f.targets, m.ent) {
			e.f.actors = appendEnt(e.f.actors, m.ent)
		}
	}
}

// homeGovernmentWords name a state's government without naming the state.
var homeGovernmentWords = grammarList("homeGovernmentWords")

// homeGovernment gives an attack that names no doer, only describes it as
// "the government" or "the regime", the government of the one country it
// lies in: a government does violence at home ("the government has
// retaken areas, bombarding people" in a report on Aleppo). The
// government acts in its own name there, as a state force at home does
// (homeForces).
func (d *docState) homeGovernment(events []*docEvent) {
	for _, e := range events {
		if e.f.typ != EventAttack || len(e.f.actors) > 0 || len(e.f.agents) > 0 {
			continue
		}
		s, a, ok := d.governmentDoer(e)
		if !ok {
			continue
		}
		c := d.eventCountry(&e.f, e.f.places)
		if c == nil || c.country == "" {
			continue
		}
		g := d.entityFor(&cand{class: ClassGovernment, key: "gov/" + strings.ToLower(c.country) + "-government", name: govNames["government"] + c.name, country: c.country})
		d.addMention(d.newMention(mention{s: s, a: a, b: a + 1, ent: g}), "")
		e.f.actors = []*entity{g}
		e.f.explicitActor = true
	}
}

// governmentDoer finds, among the frames of e, a doer described as "the
// government" (or "the regime"): its sentence and token.
func (d *docState) governmentDoer(e *docEvent) (s, a int, ok bool) {
	for _, f := range e.frames {
		for _, t := range f.actorText {
			w := strings.Fields(strings.ToLower(t))
			if len(w) != 2 || w[0] != "the" || !homeGovernmentWords.Has(w[1]) {
				continue
			}
			toks := d.sents[f.s].Tokens
			for k := f.span0; k < f.span1 && k < len(toks); k++ {
				if toks[k].Norm == w[1] && k > 0 && toks[k-1].Norm == "the" && !d.covered(f.s, k) {
					return f.s, k, true
				}
			}
		}
	}
	return 0, 0, false
}
