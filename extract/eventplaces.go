package extract

// placesFromContext gives an attack or abduction that names no place of
// its own the places its sentence names elsewhere ("…kidnapped two
// civilians who were traveling in the Kolbio area (Bura, Lamu)"), or,
// when its sentence names none, the places of the sentence before it
// ("…stopped a lorry at Kotile, near Lamu. The driver was kidnapped.").
// A place named as where someone came from ("from Kotile") is left out.
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

// withAreas returns places, most specific first, followed by the areas
// the first of them lies within (its district, its province; not its
// country) that places does not already hold: an attack in a village
// "(Kandi, Alibori)" is also an attack in Kandi and in Alibori, so that a
// query for every attack in a province finds it.
func withAreas(places []*entity) []*entity {
	if len(places) == 0 {
		return places
	}
	out := places
	for w, n := places[0].within, 0; w != nil && n < 8; w, n = w.within, n+1 {
		if w.class != ClassPlace && w.class != ClassRegion {
			break
		}
		if !containsEnt(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// eventCountry returns the country of an event: that of its most specific
// place that has one (a place's own, else that of the area it lies in),
// else the country the event names ("in Kenya"), else the one country the
// document is in. A country is never taken from where an attacker comes
// from ("militants from Somalia", "Ethiopian gunmen"): the document's
// country counts only countries named as places and the countries of
// places and regions. Places in different countries leave it empty.
func (d *docState) eventCountry(f *frame, places []*entity) *entity {
	cc := ""
	for _, p := range places {
		c := placeCountry(p)
		if c == "" {
			continue
		}
		if cc != "" && c != cc {
			return nil
		}
		cc = c
	}
	if cc != "" {
		return d.countryEntity(cc)
	}
	if f.country != nil {
		return f.country
	}
	if c := d.placeDocCountry(); c != "" && (f.typ == EventAttack || f.typ == EventAbduction) {
		if e := d.countryEntity(c); e != nil && !containsEnt(f.actors, e) {
			return e
		}
	}
	return nil
}

// placeCountry returns the country of a place or of the nearest area it
// lies within that has one.
func placeCountry(p *entity) string {
	for w, n := p, 0; w != nil && n < 8; w, n = w.within, n+1 {
		if w.country != "" {
			return w.country
		}
	}
	return ""
}

// placeDocCountry returns the one country the document places things in,
// or "": the countries it names (not through a demonym, except one before
// a word for territory: "the Kenyan border") and the countries of the
// places and regions it names. The countries of the groups it names (a
// militia's home country) do not count.
func (d *docState) placeDocCountry() string {
	if d.placeCCDone {
		return d.placeCC
	}
	d.placeCCDone = true
	cc := ""
	for s, ms := range d.ments {
		toks := d.sents[s].Tokens
		for _, m := range ms {
			c := ""
			switch m.ent.class {
			case ClassCountry:
				if m.demonym && (m.b >= len(toks) || !territoryWords.has(toks[m.b].Norm)) {
					continue
				}
				if m.a > 0 && toks[m.a-1].Norm == "from" {
					continue // where someone came from
				}
				c = m.ent.country
			case ClassPlace, ClassRegion:
				if m.a > 0 && toks[m.a-1].Norm == "from" {
					continue
				}
				c = placeCountry(m.ent)
			}
			if c == "" {
				continue
			}
			if cc != "" && c != cc {
				return ""
			}
			cc = c
		}
	}
	d.placeCC = cc
	return cc
}
