package extract

import "github.com/newsgraph/newsgraph/extract/syntax"

// A town, region or country that is itself the thing attacked is the
// attack's target, as RAMS, WikiEvents and CAMEO read it: "the air force will
// keep bombing it", "the legion invaded Tobruk", "a drone strike on
// Saraqib", "the Nagasaki blast". Such places are kept apart
// (frame.placesHit) and become targets only where the event names no
// other: the people or the venue hit there are what was attacked, the town
// only where. A town the event is named after ("the Nagasaki blast") is
// a target beside them. A place after "in", "at" or "near" is only where, and an
// armed clash's places are where its sides fought.

// placeHitPreps mark the complement of an attack that names what was hit
// ("an air strike on Raqqa", "the assault against Mosul", "the
// bombing of Dresden"), not where it happened ("in", "at", "near").
var placeHitPreps = grammarList("placeHitPreps")

// instrumentHitPreps mark, after a row whose object is the weapon
// (frameDef.instrument), the place the weapon was sent at: "fired
// rockets into Sderot", "lobbed shells at the town".
var instrumentHitPreps = grammarList("instrumentHitPreps")

// instrumentHit reports whether noun phrase np is the complement that
// instrumentHitPreps mark after the weapon of an instrument row: the
// place it names was hit, not only where the shooter stood.
func instrumentHit(def *frameDef, ps *syntax.Sentence, np int) bool {
	return def.instrument && instrumentHitPreps.Has(ps.PrepOf(np))
}

// demonstrativePlaces are the kinds of place that "this" or "that" before
// them refer back to the place last named ("this province").
var demonstrativePlaces = grammarList("demonstrativePlaces")

// placesHitBy records the places that the target phrases of a frame of
// row def name: the object or passive subject of its verb, or the
// complement an attack preposition marks (placeHitPreps).
func (d *docState) placesHitBy(f *frame, ps *syntax.Sentence, def *frameDef, targets []int) {
	if def.symmetric {
		return
	}
	for _, np := range targets {
		if ps.Chunks[np].Prep >= 0 && !placeHitPreps.Has(ps.PrepOf(np)) && !instrumentHit(def, ps, np) {
			continue
		}
		if m := d.demonstrativePlace(f, ps, np); m != nil {
			// "invaded this province": the place named before, not
			// the phrase, is what was hit
			f.placesHit = appendEnt(f.placesHit, m.ent)
			f.targetText = removeStr(f.targetText, ps.Text(np))
			continue
		}
		if of := namedPlaceOf(ps, np); of >= 0 {
			// "stormed the town of X": the town named after "of",
			// not the kind of place, is what was hit
			for _, m := range d.npMentions(f.s, ps, of) {
				if d.placeHit(f, m) {
					f.placesHit = appendEnt(f.placesHit, m.ent)
				}
			}
			continue
		}
		for _, m := range d.npMentions(f.s, ps, np) {
			if d.placeHit(f, m) && headsPhrase(ps, np, m.b) {
				f.placesHit = appendEnt(f.placesHit, m.ent)
			}
		}
	}
}

// demonstrativePlace returns the place that noun phrase np of f's
// sentence refers back to by "this" or "that" before a kind of place
// (demonstrativePlaces): the last place named before it within
// corefWindow sentences, none of f's doers; nil for another phrase.
func (d *docState) demonstrativePlace(f *frame, ps *syntax.Sentence, np int) *mention {
	ch := &ps.Chunks[np]
	if ch.Head != ch.A+1 || !demonstrativePlaces.Has(ps.Toks[ch.Head].Norm) {
		return nil
	}
	if w := ps.Toks[ch.A].Norm; w != "this" && w != "that" {
		return nil
	}
	return d.recentMentionOf(f.s, ch.A, func(m *mention) bool { return d.placeHit(f, m) && !m.capital })
}

// namedPlaceOf returns the noun phrase that names the place noun phrase
// np stands for when np is a kind of place named by "of" (namedByOf):
// "the town" of "the town of X" gives "X"; -1 for any other phrase.
func namedPlaceOf(ps *syntax.Sentence, np int) int {
	ch := &ps.Chunks[np]
	if ch.Head != ch.B-1 || !namedByOf.Has(ps.Toks[ch.Head].Norm) || np+1 >= len(ps.Chunks) {
		return -1
	}
	if next := &ps.Chunks[np+1]; next.Kind == syntax.NP && next.Prep == ch.B && ps.PrepOf(np+1) == "of" {
		return np + 1
	}
	return -1
}

// placeHit reports whether mention m names a place that frame f may have
// hit: a place named, not by a demonym ("Syrian"), none of f's doers.
func (d *docState) placeHit(f *frame, m *mention) bool {
	return hasPlaceClass(m.ent) && !m.demonym && !containsEnt(f.actors, m.ent) && !containsEnt(f.agents, m.ent)
}

// modifierPlaceHit records the town or region that event noun phrase ch
// names before its head, by a possessive or as a modifier right before it
// ("Aleppo's bombardment", "the Nagasaki blast"): the place the event
// struck (its place already, read from its sentence). The event is named
// after the town it struck, so the town is a target beside the people
// hit there (frame.hitPlaces), not only where no one else is named. A
// country there is as often the doer ("US strikes", "Pakistan's
// strikes") and is left alone.
func (d *docState) modifierPlaceHit(f *frame, ps *syntax.Sentence, ch *syntax.Chunk) {
	for _, m := range d.ments[f.s] {
		if m.a < ch.A || m.b > ch.Head || m.ent.class == ClassCountry || !d.placeHit(f, m) {
			continue
		}
		if m.possessive || m.b == ch.Head {
			f.hitPlaces = appendEnt(f.hitPlaces, m.ent)
		}
	}
}

// placeTargets returns the places f hit that are its targets: those of
// f.placesHit that are not its doers, where f names no other target (no
// one, no venue, no country hit, no target described).
func placeTargets(f *frame) []*entity {
	if len(f.targets) > 0 || len(f.hitPlaces) > 0 || len(f.targetText) > 0 || len(hitVenues(f)) > 0 {
		return nil
	}
	var out []*entity
	for _, p := range f.placesHit {
		if !containsEnt(f.actors, p) && !containsEnt(f.agents, p) {
			out = append(out, p)
		}
	}
	return out
}

// removeStr returns xs without s.
func removeStr(xs []string, s string) []string {
	out := xs[:0:0]
	for _, x := range xs {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}
