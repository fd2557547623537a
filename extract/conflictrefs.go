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

// warNouns are the lemmas of the conflict nouns that name a war, with
// its sides or place, as an event of its own where the document reports
// no attack (conflictEvents): "the war in Yemen", "the conflict between
// the two states", "the Taliban insurgency"; not "violence against
// journalists" or "drone warfare", which name a kind of act.
var warNouns = grammarList("warNouns")

// conflictAnchors are the prepositions after which a phrase names the
// place or the sides of a conflict: "the war in Syria", "the war on
// Ukraine", "the conflict between the two".
var conflictAnchors = grammarList("conflictAnchors")

// conflictRef is a sentence that speaks of a particular armed conflict,
// with the places and sides it names it by: the conflict noun is tokens
// [a, b) of sentence s, and its names read as the conflict's sides (its
// doers and those it is waged on) and places (conflictSides).
type conflictRef struct {
	s, a, b int
	ents    []*entity
	sides   conflictSides
	war     bool // the noun is one of warNouns
	// indefinite: "a war with Sudan" may be any war, feared or supposed
	indefinite bool
	// back: the phrase names no conflict of its own and refers back to
	// the war named before it ("the war", "this conflict")
	back bool
	// aside: the phrase is what a sentence is about ("tensions over the
	// Syrian conflict") or what a modal or negated verb takes ("will
	// escalate the war in Yemen"): it tells no fighting of its own
	aside bool
}

// conflictSides are the roles of the names a conflict is named by:
// actors ("the war between Ethiopia and Eritrea", "the Taliban's
// insurgency"), targets ("the war on the Houthis") and places ("Libya's
// civil war", "the conflict in Darfur").
type conflictSides struct {
	actors, targets, places []*entity
	// waged: a waging verb takes the phrase as its object ("launched a
	// war against the rebels"), which says the war is real
	waged bool
}

// noteConflictRefs records sentence si where one of its noun phrases
// names a particular armed conflict, by its place or a side, that the
// sentence reports as real.
func (d *docState) noteConflictRefs(si int, ps *syntax.Sentence) {
	for c := range ps.Chunks {
		ch := &ps.Chunks[c]
		if ch.Kind != syntax.NP || !armedConflictNouns.Has(ch.Lemma) || figurativeWar(ps, c) {
			continue
		}
		ents := d.conflictNames(si, ps, c)
		back := len(ents) == 0 && warNouns.Has(ch.Lemma) && refersBack(ps, c)
		if len(ents) == 0 && !back {
			continue
		}
		f := &frame{s: si, a: ch.Head, b: ch.Head + 1, definite: definiteNP(ps, c)}
		if unreal(ps.Toks, f) != "" || supposed(ps, c) {
			continue
		}
		d.conflictRefs = append(d.conflictRefs, conflictRef{s: si, a: ch.Head, b: ch.Head + 1, ents: ents, sides: d.readConflictSides(si, ps, c), war: warNouns.Has(ch.Lemma), back: back, indefinite: indefiniteNP(ps, c), aside: aside(ps, c)})
		return
	}
}

// figurativeWarModifiers are the modifiers that make a conflict noun a
// contest fought without arms ("a trade war", "a price war").
var figurativeWarModifiers = grammarList("figurativeWarModifiers")

// figurativeWar reports whether conflict noun phrase c has a modifier
// that makes it a contest fought without arms: "the trade war with China"
// names a side, but no one is attacked in it.
func figurativeWar(ps *syntax.Sentence, c int) bool {
	ch := &ps.Chunks[c]
	for k := ch.A; k < ch.Head; k++ {
		if figurativeWarModifiers.Has(ps.Toks[k].Norm) {
			return true
		}
	}
	return false
}

// indefiniteNP reports whether noun phrase c opens with "a" or "an":
// "a war with Sudan was feared" speaks of no war that took place.
func indefiniteNP(ps *syntax.Sentence, c int) bool {
	w := ps.Toks[ps.Chunks[c].A].Norm
	return w == "a" || w == "an"
}

// backDeterminers open a conflict phrase that refers back to the war last
// named: "the war", "this conflict".
var backDeterminers = grammarList("backDeterminers")

// refersBack reports whether conflict noun phrase c is a determiner and
// its noun alone, with no phrase after it that would say which war it is
// ("the war on drugs", "the war of words"): "the war dragged on", "since
// this conflict began".
func refersBack(ps *syntax.Sentence, c int) bool {
	ch := &ps.Chunks[c]
	if ch.Head != ch.A+1 || !backDeterminers.Has(ps.Toks[ch.A].Norm) {
		return false
	}
	return ch.B >= len(ps.Toks) || ps.Tags[ch.B] != syntax.Prep
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

// wagingVerbs are the verbs whose subject wages the conflict that their
// object names ("Peru declared war on Chile").
var wagingVerbs = grammarList("wagingVerbs")

// readConflictSides reads the roles of the names of conflict noun phrase
// c: the phrases attached to it by an anchor ("in Darfur", "on the
// Houthis", "between Ethiopia and Eritrea", the coordinated phrases after
// one taking its preposition), the names inside it ("Libya's civil war",
// "the Taliban insurgency") and the subject of a verb that wages it.
func (d *docState) readConflictSides(si int, ps *syntax.Sentence, c int) conflictSides {
	var sd conflictSides
	ch := &ps.Chunks[c]
	prep := ""
	for _, j := range ps.Attached(c, nil) {
		p := ps.PrepOf(j)
		if p == "" && prep != "" && ps.Chunks[j].A > 0 && ps.Toks[ps.Chunks[j].A-1].Norm == "and" {
			p = prep // "between Ethiopia and Eritrea" in two phrases
		}
		if !conflictAnchors.Has(p) {
			break
		}
		prep = p
		for _, e := range d.entsIn(si, ps.Chunks[j].A, ps.Chunks[j].B) {
			sd.addAnchored(p, e)
		}
	}
	other := len(sd.targets) > 0 || prep == "with"
	for _, e := range d.entsIn(si, ch.A, ch.Head) {
		switch {
		case other && (e.class == ClassCountry || armedSide(e)):
			sd.actors = appendEnt(sd.actors, e) // "Russia's war on Ukraine"
		case hasPlaceClass(e):
			sd.places = appendEnt(sd.places, e)
		case armedSide(e):
			sd.actors = appendEnt(sd.actors, e)
		}
	}
	for i := range ps.Clauses {
		cl := &ps.Clauses[i]
		if cl.Obj == c && cl.Subj >= 0 && wagingVerbs.Has(ps.Chunks[cl.Verb].Lemma) {
			sd.waged = true
			for _, e := range d.entsIn(si, ps.Chunks[cl.Subj].A, ps.Chunks[cl.Subj].B) {
				if e.class == ClassCountry || armedSide(e) {
					sd.actors = appendEnt(sd.actors, e)
				}
			}
		}
	}
	return sd
}

// addAnchored gives name e the role its anchor p marks: the place after
// "in", the side waged on after "on" and "against", a side after
// "between" and "with".
func (sd *conflictSides) addAnchored(p string, e *entity) {
	switch p {
	case "in":
		if hasPlaceClass(e) {
			sd.places = appendEnt(sd.places, e)
		}
	case "on", "against":
		sd.targets = appendEnt(sd.targets, e)
	default:
		sd.actors = appendEnt(sd.actors, e)
	}
}

// armedSide reports whether e can wage a conflict: an armed group, a
// state force or a government.
func armedSide(e *entity) bool {
	return e.class == ClassArmedGroup || e.class == ClassStateForce || e.class == ClassGovernment
}

// entsIn returns the entities named within tokens [a, b) of sentence si,
// each once, in text order.
func (d *docState) entsIn(si, a, b int) []*entity {
	var out []*entity
	for _, m := range d.ments[si] {
		if m.a >= a && m.b <= b && m.ent != nil {
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
// earlier of two equally near. A conflict that no attack of the
// document lies in is an event of its own (conflictEvents), which it
// returns after events.
func (d *docState) citeConflicts(events []*docEvent) []*docEvent {
	var lone []*conflictRef
	var last *docEvent // the attack the last conflict named lies in
	for i := range d.conflictRefs {
		r := &d.conflictRefs[i]
		if r.back {
			citeBack(last, r)
			if last == nil {
				lone = append(lone, r) // a war made of its own may be what it refers to
			}
			continue
		}
		best, bestDist := nearestInConflict(events, r)
		last = best
		if best == nil {
			lone = append(lone, r)
		} else if bestDist > 0 {
			best.cites = append(best.cites, r.s)
		}
	}
	return d.conflictEvents(events, lone)
}

// citeBack makes attack event e, the one that the conflict named last
// before back ref r lies in, cite r's sentence: "the war" after "the war
// in Yemen" is that war ("Rebels shelled Aden. The war in Yemen is in its
// ninth year. The war has displaced millions."). With no conflict named
// before it (e nil), "the war" says nothing of which war, and cites none.
func citeBack(e *docEvent, r *conflictRef) {
	if e != nil && !slices.Contains(e.evidenceSentences(), r.s) {
		e.cites = append(e.cites, r.s)
	}
}

// nearestInConflict returns the attack event of events nearest to
// conflictRef r that lies in its conflict, and its distance in
// sentences; nil if none does.
func nearestInConflict(events []*docEvent, r *conflictRef) (*docEvent, int) {
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
	return best, bestDist
}

// conflictEvents makes each war that lone refs name by a side an event
// of its own, where the document reports no attack (an attack it reports
// is what it is about; the war is its background): an armed conflict
// (CAMEO 190, conventional military force) with the sides and places its
// names give ("Libya's civil war between the army and the militias", "the
// war between Ethiopia and Eritrea", "Peru declared war on Chile"), or
// its place alone where the sentence tells of the war ("they fled the
// war in Yemen"), not where the war is only what it talks about
// ("tensions over the Syrian conflict"); "a war" that no waging verb
// takes ("a war with Sudan was feared") starts none. A
// later ref that shares a name with a war already made is its evidence,
// and so is one that refers back ("the war", refersBack) to the war last
// made.
func (d *docState) conflictEvents(events []*docEvent, lone []*conflictRef) []*docEvent {
	if reportsAttack(events) {
		return events
	}
	var made []*docEvent
	for _, r := range lone {
		switch e := sameConflict(made, r); {
		case r.back && len(made) > 0:
			e = made[len(made)-1] // "the war" after one named
			e.cites = append(e.cites, r.s)
		case r.back || !startsWar(r):
		case e != nil:
			e.cites = append(e.cites, r.s)
		default:
			made = append(made, d.conflictEvent(r))
		}
	}
	return append(events, made...)
}

// startsWar reports whether conflictRef r names a war by a side, or by
// its place where the sentence tells of the war itself ("the war in
// Yemen has killed thousands", "he fled during the Gulf War"), as real:
// not as "a war" that no waging verb takes, nor as the topic of what the
// sentence tells (aside).
func startsWar(r *conflictRef) bool {
	if !r.war || r.indefinite && !r.sides.waged {
		return false
	}
	return len(r.sides.actors)+len(r.sides.targets) > 0 || len(r.sides.places) > 0 && !r.aside
}

// topicPreps mark the phrase a sentence is about rather than one it
// reports: "tensions over the Syrian conflict", "a book about the war".
var topicPreps = grammarList("topicPreps")

// aside reports whether conflict noun phrase c is the topic of what its
// sentence tells (after a topic preposition) or the object of a modal or
// negated verb ("the new president will escalate the war in Chad"): the war
// may be real, but the sentence reports no fighting in it.
func aside(ps *syntax.Sentence, c int) bool {
	if topicPreps.Has(governingPrep(ps, c)) {
		return true
	}
	for i := range ps.Clauses {
		cl := &ps.Clauses[i]
		if v := &ps.Chunks[cl.Verb]; cl.Obj == c && (v.Neg || v.Modal) {
			return true
		}
	}
	return false
}

// conflictEvent makes conflictRef r an armed conflict event with the
// sides and places its names give.
func (d *docState) conflictEvent(r *conflictRef) *docEvent {
	f := d.buf.frames.new(frame{typ: EventAttack, subtype: "armed conflict", cameo: "190", s: r.s, a: r.a, b: r.b, span0: r.a, span1: r.b, killed: -1, injured: -1, reported: true, definite: true,
		actors: r.sides.actors, targets: r.sides.targets, places: r.sides.places})
	e := d.buf.events.new(docEvent{f: frame{typ: f.typ, subtype: f.subtype, cameo: f.cameo, s: f.s, killed: -1, injured: -1}, frames: []*frame{f}, last: r.s})
	mergeFrame(&e.f, f)
	f.ev = e
	return e
}

// reportsAttack reports whether one of events is an attack.
func reportsAttack(events []*docEvent) bool {
	for _, e := range events {
		if e.f.typ == EventAttack {
			return true
		}
	}
	return false
}

// sameConflict returns the conflict event of made that ref r names by
// one of its names, or nil.
func sameConflict(made []*docEvent, r *conflictRef) *docEvent {
	for _, e := range made {
		for _, x := range r.ents {
			if containsEnt(e.f.actors, x) || containsEnt(e.f.targets, x) || containsEnt(e.f.places, x) {
				return e
			}
		}
	}
	return nil
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
