package extract

// placesFromContext gives an attack or abduction that names no place of
// its own the places its sentence names elsewhere ("…kidnapped two
// civilians who were traveling in the Kolbio area (Bura, Lamu)"), or,
// when its sentence names none, the places of the sentence before it
// ("…stopped a lorry at Kotile, near Lamu. The driver was kidnapped.").
// A place named as where someone came from ("from Kotile") or as a war's
// ("the war on Gaza") is left out.
func (d *docState) placesFromContext(events []*docEvent) {
	for _, e := range events {
		if e.f.typ != EventAttack && e.f.typ != EventAbduction || len(e.f.places) > 0 {
			continue
		}
		first := -1
		for _, f := range e.frames {
			for _, p := range d.sentencePlaces(f.s) {
				e.f.places = appendEnt(e.f.places, p)
			}
			if first < 0 || f.s < first {
				first = f.s
			}
		}
		if len(e.f.places) == 0 && first > 0 && !d.skip[first-1] && !d.eventIn(events, first-1) {
			e.f.places = append(e.f.places, d.sentencePlaces(first-1)...)
		}
	}
}

// eventIn reports whether an event of events was read in sentence s: its
// places are that event's, not the next one's.
func (d *docState) eventIn(events []*docEvent, s int) bool {
	for _, e := range events {
		for _, f := range e.frames {
			if f.s == s {
				return true
			}
		}
	}
	return false
}

// sentencePlaces returns the places and regions (not countries) named in
// sentence s, except those named as an origin ("from X").
func (d *docState) sentencePlaces(s int) []*entity {
	var out []*entity
	toks := d.sents[s].Tokens
	for _, m := range d.ments[s] {
		if m.ent.class != ClassPlace && m.ent.class != ClassRegion {
			continue
		}
		if m.a > 0 && toks[m.a-1].Norm == "from" {
			continue
		}
		if ofConflict(toks, m.a) {
			continue // "Israel's war on Gaza": the war's place
		}
		out = appendEnt(out, m.ent)
	}
	return out
}

// victimsFromTolls gives an attack or abduction that names no target the
// people its sentences count among the dead or hurt: "…injuring seven
// civilians", "two children were killed", "at least three people were
// wounded in a grenade attack". The people are the participants the
// casualty figure spans (or, for a singular victim, its phrase).
func (d *docState) victimsFromTolls(events []*docEvent) {
	for _, e := range events {
		if e.f.typ != EventAttack && e.f.typ != EventAbduction || len(e.f.targets) > 0 || len(e.f.targetText) > 0 {
			continue
		}
		if e.f.killed <= 0 && e.f.injured <= 0 {
			continue // the toll went to another event ("strikes over a bombing that killed 90")
		}
		seen := map[int]bool{}
		for _, f := range e.frames {
			if seen[f.s] {
				continue
			}
			seen[f.s] = true
			toks := d.sents[f.s].Tokens
			for _, c := range findCasualties(toks) {
				for _, m := range d.ments[f.s] {
					if m.a < c.End && m.b > c.At && victimClass(m.ent.class) && !containsEnt(e.f.actors, m.ent) {
						e.f.targets = appendEnt(e.f.targets, m.ent)
					}
				}
			}
		}
	}
}
