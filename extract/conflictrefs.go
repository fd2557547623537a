package extract

import (
	"slices"

	"github.com/newsgraph/newsgraph/extract/syntax"
)

// A sentence may speak of the armed conflict that a document's attacks
// belong to without naming one attack: "the war in Yemen dragged on",
// "the bloodiest year of the conflict in Northern Ireland". Such a
// sentence starts no event (a war is no incident) and gives no roles,
// but it is evidence of the attack that the document reports nearest to
// it: the event cites it.

// armedConflictNouns are the lemmas of the nouns that name an armed
// conflict as a whole.
var armedConflictNouns = grammarList("armedConflictNouns")

// conflictAnchors are the prepositions after which a phrase names the
// place or the sides of a conflict: "the war in Syria", "the war on
// Ukraine", "the conflict between the two".
var conflictAnchors = grammarList("conflictAnchors")

// conflictRef is a sentence that speaks of a particular armed conflict,
// with the places and sides it names it by.
type conflictRef struct {
	s    int
	ents []*entity
}

// noteConflictRefs records sentence si where one of its noun phrases
// names a particular armed conflict, by its place or a side, that the
// sentence reports as real.
func (d *docState) noteConflictRefs(si int, ps *syntax.Sentence) {
	for c := range ps.Chunks {
		ch := &ps.Chunks[c]
		if ch.Kind != syntax.NP || !armedConflictNouns.Has(ch.Lemma) {
			continue
		}
		ents := d.conflictNames(si, ps, c)
		if len(ents) == 0 {
			continue
		}
		f := &frame{s: si, a: ch.Head, b: ch.Head + 1, definite: definiteNP(ps, c)}
		if unreal(ps.Toks, f) != "" || supposed(ps, c) {
			continue
		}
		d.conflictRefs = append(d.conflictRefs, conflictRef{s: si, ents: ents})
		return
	}
}

// conflictNames returns the places and sides that name conflict noun
// phrase c as one conflict rather than war in general ("endless war", "a
// war"): a name inside the phrase ("the Syrian conflict", "Northern
// Ireland's conflict") or in the phrase right after it that gives its
// place or sides ("the war in Yemen", "the war on Ukraine").
func (d *docState) conflictNames(si int, ps *syntax.Sentence, c int) []*entity {
	ch := &ps.Chunks[c]
	a, b := ch.A, ch.Head
	if n := c + 1; n < len(ps.Chunks) && ps.Chunks[n].Kind == syntax.NP && conflictAnchors.Has(ps.PrepOf(n)) && ps.Chunks[n].A == ch.B+1 {
		b = ps.Chunks[n].B
	}
	var out []*entity
	for _, m := range d.ments[si] {
		if m.a >= a && m.b <= b && m.ent != nil && (m.a < ch.Head || m.a >= ch.B) {
			out = appendEnt(out, m.ent)
		}
	}
	return out
}

// supposed reports whether noun phrase c is the subject of a negated or
// modal verb: "a war with Iran would be a disaster" speaks of none.
func supposed(ps *syntax.Sentence, c int) bool {
	for i := range ps.Clauses {
		cl := &ps.Clauses[i]
		if v := &ps.Chunks[cl.Verb]; cl.Subj == c && (v.Neg || v.Modal) {
			return true
		}
	}
	return false
}

// citeConflicts makes the attack event nearest to each conflictRef that
// lies in the conflict (a place of the event within a place the conflict
// names, or a side of it acting or hit) cite the ref's sentence; the
// earlier of two equally near.
func (d *docState) citeConflicts(events []*docEvent) {
	for _, r := range d.conflictRefs {
		var best *docEvent
		bestDist := -1
		for _, e := range events {
			if e.f.typ != EventAttack || !inConflict(&e.f, r.ents) {
				continue
			}
			for _, f := range e.frames {
				dist := f.s - r.s
				if dist < 0 {
					dist = -dist
				}
				if bestDist < 0 || dist < bestDist {
					best, bestDist = e, dist
				}
			}
		}
		if best != nil && bestDist > 0 {
			best.cites = append(best.cites, r.s)
		}
	}
}

// inConflict reports whether event frame f lies in the conflict that ents
// name: one of its places or its country lies in one of them, or one of
// them acts or is hit in it.
func inConflict(f *frame, ents []*entity) bool {
	for _, x := range ents {
		if containsEnt(f.actors, x) || containsEnt(f.targets, x) || f.country == x {
			return true
		}
		for _, p := range f.places {
			if p == x || within(p, x) {
				return true
			}
		}
	}
	return false
}

// evidenceSentences returns the sentences event ev is read from and those
// that cite it, in text order, each once.
func (ev *docEvent) evidenceSentences() []int {
	out := make([]int, 0, len(ev.frames)+len(ev.cites))
	add := func(s int) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, f := range ev.frames {
		add(f.s)
	}
	for _, s := range ev.cites {
		add(s)
	}
	slices.Sort(out)
	return out
}
