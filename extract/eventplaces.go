package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/text"
)

// placesFromContext gives an attack or abduction that names no place of
// its own the places its sentence names elsewhere ("…kidnapped two
// civilians who were traveling in the Kolbio area (Bura, Lamu)"), or,
// when its sentence names none, the places of the sentence before it
// ("…stopped a lorry at Kotile, near Lamu. The driver was kidnapped."),
// also where that sentence tells an event of its own: a note's next
// sentence goes on at the same place ("Police were attacked in Save.
// Security forces responded, killing two.").
// A place named as where someone came from ("from Kotile") or as a war's
// ("the war on Gaza") is left out.
func (d *docState) placesFromContext(events []*docEvent) {
	for _, e := range events {
		if e.f.typ != EventAttack && e.f.typ != EventAbduction || len(e.f.places) > 0 {
			continue
		}
		first := -1
		var named map[string]bool // the countries its sentences name
		for _, f := range e.frames {
			for _, p := range d.sentencePlaces(f.s) {
				e.f.places = appendEnt(e.f.places, p)
			}
			if first < 0 || f.s < first {
				first = f.s
			}
			for _, c := range d.countriesAt(f.s, e.f.actors) {
				if named == nil {
					named = map[string]bool{}
				}
				named[c] = true
			}
		}
		if len(e.f.places) == 0 && first > 0 && !d.skip[first-1] {
			e.f.places = append(e.f.places, inCountries(d.sentencePlaces(first-1), named)...)
		}
		if len(e.f.places) == 0 && first >= 0 && len(d.sents) <= shortDoc {
			e.f.places = inCountries(d.notePlaces(first), named)
		}
	}
}

// inCountries returns the places of ps that lie in one of the countries
// named, or whose country is not known; all of ps when named is empty.
// An event whose sentence names the country it is in ("Hezbollah fired
// rockets at northern Israel") is not placed by a town abroad that the
// sentence before names.
func inCountries(ps []*entity, named map[string]bool) []*entity {
	if len(named) == 0 {
		return ps
	}
	var out []*entity
	for _, p := range ps {
		if c := placeCountry(p); c == "" || named[c] {
			out = append(out, p)
		}
	}
	return out
}

// countriesAt returns the countries sentence s names as places: by their
// names, not as where someone came from ("from Somalia"), as one side of
// a border, or as one of the actors ("a United States drone strike").
func (d *docState) countriesAt(s int, actors []*entity) []string {
	var out []string
	toks := d.sents[s].Tokens
	for _, m := range d.ments[s] {
		if m.ent.class != ClassCountry || m.demonym || m.possessive || m.ent.country == "" || containsEnt(actors, m.ent) {
			continue
		}
		if m.a > 0 && toks[m.a-1].Norm == "from" || borderPair(toks, m) {
			continue
		}
		out = append(out, m.ent.country)
	}
	return out
}

// shortDoc is the most sentences of a note whose events all happen where
// one of its sentences says: an incident note, a brief.
const shortDoc = 12

// notePlaces returns the places of the first sentence other than s that
// names any ("Four officers were killed. … LOCATION: Tokar town in Wajir
// district"): in a short note every sentence tells of one incident, and
// the note says where first; a later sentence's places are those of its
// details (where a convoy was heading, where the police came from).
func (d *docState) notePlaces(s int) []*entity {
	for j := range d.sents {
		if j == s || d.skip[j] {
			continue
		}
		if ps := d.sentencePlaces(j); len(ps) > 0 {
			return ps
		}
	}
	return nil
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
		if e.f.typ != EventAttack && e.f.typ != EventAbduction || peopleHit(e.f.targets) {
			continue
		}
		if e.f.killed <= 0 && e.f.injured <= 0 {
			continue // the toll went to another event ("strikes over a bombing that killed 90")
		}
		// with a venue hit, the civilians in it ("patrons were killed
		// when gunmen attacked a bar"); a force's post is its own target
		venue := len(e.f.targets) > 0
		seen := map[int]bool{}
		bareIn := -1
		for _, f := range e.frames {
			if seen[f.s] {
				continue
			}
			seen[f.s] = true
			toks := d.sents[f.s].Tokens
			for _, c := range findCasualties(toks) {
				named := false
				for _, m := range d.ments[f.s] {
					if m.a < c.End && m.b > c.At && victimClass(m.ent.class) && !containsEnt(e.f.actors, m.ent) && (!venue || m.ent.class == ClassCivilians) {
						e.f.targets = appendEnt(e.f.targets, m.ent)
						named = true
					}
				}
				if !named && bareIn < 0 && bareFigure(toks, c) {
					bareIn = f.s
				}
			}
		}
		// "2 killed by raiders", "grenade attack kills five": people
		// counted with no word for who they were (in a clash, the
		// fighters of either side)
		if !peopleHit(e.f.targets) && bareIn >= 0 && e.f.subtype != "armed clash" {
			if p := d.participantEntity(participant{s: bareIn, class: ClassCivilians, kind: "civilians"}); p != nil && !containsEnt(e.f.actors, p) {
				e.f.targets = appendEnt(e.f.targets, p)
			}
		}
	}
}

// peopleHit reports whether targets name someone hit, not only a place
// or a venue ("a bar in Wajir": the people in it count from the toll).
func peopleHit(targets []*entity) bool {
	for _, t := range targets {
		if !hasPlaceClass(t) {
			return true
		}
	}
	return false
}

// withAreas returns places, most specific first, followed by the areas
// the first of them lies within (its district, its province; not its
// country) that the text names beside it and places does not already
// hold: an attack in a village "(Kandi, Alibori)" is also an attack in
// Kandi and in Alibori, so that a query for every attack in a province
// finds it. Areas known only from the gazetteer (Davos's canton) are left
// to the place's own within.
func withAreas(places []*entity) []*entity {
	if len(places) == 0 {
		return places
	}
	out := places
	for w, n := places[0].within, 0; w != nil && n < 8; w, n = w.within, n+1 {
		if w.class != ClassPlace && w.class != ClassRegion {
			break
		}
		if len(w.mentions) == 0 || containsEnt(out, w) || sameNamed(out, w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// sameNamed reports whether places holds a place of e's name (a town and
// the county named after it: one name for the reader).
func sameNamed(places []*entity, e *entity) bool {
	for _, p := range places {
		if text.Normalize(p.name) == text.Normalize(e.name) {
			return true
		}
	}
	return false
}

// eventCountry returns the country of an event: that of its most specific
// place that has one (a place's own, else that of the area it lies in),
// else the country the event names ("in Kenya"), else the one country the
// document is in, else that of the state forces it names (forceCountry),
// else the one country its participants live and fight in
// (participantCountry), else that of a place named after a town
// (namesakeCountry) or after a leader, party or people of one land
// (homeNamesakeCountry). A country is never taken from where an attacker
// comes from ("militants from Somalia", "Ethiopian gunmen"): the
// document's country counts only countries named as places and the
// countries of places and regions. Places in different countries leave it
// empty.
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
	if f.typ != EventAttack && f.typ != EventAbduction {
		return nil
	}
	if c := d.placeDocCountry(); c != "" {
		if e := d.countryEntity(c); e != nil && (!containsEnt(f.actors, e) || d.namedInside(e)) {
			return e
		}
	}
	if c := d.forceCountry(f); c != "" {
		return d.countryEntity(c)
	}
	if c := d.participantCountry(f); c != "" {
		return d.countryEntity(c)
	}
	if c := d.namesakeCountry(places); c != "" {
		return d.countryEntity(c)
	}
	if c := homeNamesakeCountry(places); c != "" {
		return d.countryEntity(c)
	}
	return nil
}

// namesakeParts end the name of a feature named after the town beside
// it: "Kakamega Forest", "Cherangani Hills".
var namesakeParts = grammarList("namesakeParts")

// namesakeCountry returns the country of the first of places that no
// country places and that bears the name of towns or areas of the
// gazetteer in one country, followed by a word of namesakeParts: a
// forest, range or road named after the town beside it lies in the
// town's country ("shells fell in Kakamega Forest"). It is the weakest
// evidence of an event's country, taken when nothing else gives one. ""
// when no such place, or when the name is a country's or its towns lie
// in several countries.
func (d *docState) namesakeCountry(places []*entity) string {
	for _, p := range places {
		head, part, ok := cutLastWord(p.name)
		if !ok || placeCountry(p) != "" || !namesakeParts.Has(strings.ToLower(part)) {
			continue
		}
		cc := ""
		for _, g := range d.r.gaz.Lookup(head) {
			if g.Kind == gazetteer.KindCountry || g.Country == "" || cc != "" && g.Country != cc {
				return ""
			}
			cc = g.Country
		}
		return cc
	}
	return ""
}

// cutLastWord splits name before its last word: "Kakamega Forest" is
// "Kakamega" and "Forest"; false for a name of one word.
func cutLastWord(name string) (head, last string, ok bool) {
	i := strings.LastIndexByte(name, ' ')
	if i <= 0 {
		return "", "", false
	}
	return name[:i], name[i+1:], true
}

// namedInside reports whether the document names country e as where
// things happen, after "in", "into", "inside" or "within" ("raiders
// crossed the border into Kenya, battled police"): a country named so is
// the place even where a clause also takes it as a side.
func (d *docState) namedInside(e *entity) bool {
	for _, m := range e.mentions {
		if m.a == 0 || m.s >= len(d.sents) {
			continue
		}
		switch d.sents[m.s].Tokens[m.a-1].Norm {
		case "in", "into", "inside", "within":
			return true
		}
	}
	return false
}

// borderPair reports whether mention m is one of the two countries of a
// border named by both ("near the Kenya-Somalia border"): such a place
// lies in one of them, which the pair does not tell. The country after
// "the border with" is the other side of the border from the place
// ("in Seytenga, near the border with Niger"): not the place's country
// either.
func borderPair(toks []text.Token, m *mention) bool {
	if borderWith(toks, m) {
		return true
	}
	dash := func(t text.Token) bool { return t.Norm == "-" || t.Norm == "–" || t.Norm == "/" }
	if m.b < len(toks) && dash(toks[m.b]) {
		for k := m.b + 1; k < len(toks) && k <= m.b+4; k++ {
			if toks[k].Norm == "border" {
				return true
			}
		}
	}
	return m.a > 0 && dash(toks[m.a-1]) && m.b < len(toks) && toks[m.b].Norm == "border"
}

// borderWords are the nouns of a border: "near the border with X".
var borderWords = grammarList("borderWords")

// borderWith reports whether mention m follows "the border with": the
// land on the other side of a border from where things happen.
func borderWith(toks []text.Token, m *mention) bool {
	return m.a >= 2 && toks[m.a-1].Norm == "with" && borderWords.Has(toks[m.a-2].Norm)
}

// namesOtherCountry reports whether the document names a country other
// than cc by its name (not a demonym).
func (d *docState) namesOtherCountry(cc string) bool {
	for _, ms := range d.ments {
		for _, m := range ms {
			if m.ent.class == ClassCountry && !m.demonym && m.ent.country != "" && m.ent.country != cc && !borderPair(d.sents[m.s].Tokens, m) && !captiveLand(d.sents[m.s].Tokens, m.a) {
				return true
			}
		}
	}
	return false
}

// forceCountry returns the one country of the state forces among an
// event's participants, or named in its sentence, whose country the text
// gives them, when no place and no country of the document gives one: a
// national body the lexicon knows ("FARDC soldiers clashed with rebels
// near Eringeti", "GSU officers were ambushed near Kolbio", "the Uganda
// People's Defence Force on Monday resumed shelling the hills": a
// country's own forces act at home), or a force named with its country
// ("Kenyan police clashed with gunmen…, Somali officials said"). A force
// given the country of its sentence only ("police battle raiders from
// Sudan") and an armed group's home country do not count. "" when the
// bodies belong to several countries, or the document names another
// country by its name ("Pakistan's Frontier Corps fired into Iran": a
// force abroad).
func (d *docState) forceCountry(f *frame) string {
	cc := ""
	parts := append(append(append([]*entity(nil), f.actors...), f.agents...), f.targets...)
	for _, e := range append(parts, d.sentenceForces(f.s)...) {
		if e.class != ClassStateForce || e.country == "" || !e.curated && !d.namedWithCountry(e) {
			continue
		}
		if cc != "" && cc != e.country {
			return ""
		}
		cc = e.country
	}
	if cc == "" || d.namesOtherCountry(cc) {
		return ""
	}
	return cc
}

// sentenceForces returns the state forces sentence s names, whether or
// not its frames took them as participants.
func (d *docState) sentenceForces(s int) []*entity {
	var out []*entity
	if s < 0 || s >= len(d.ments) {
		return nil
	}
	for _, m := range d.ments[s] {
		if m.ent.class == ClassStateForce {
			out = appendEnt(out, m.ent)
		}
	}
	return out
}

// namedWithCountry reports whether a mention of e has its country named
// inside it or right beside it: "Kenyan police", "the police of Kenya".
func (d *docState) namedWithCountry(e *entity) bool {
	for _, m := range e.mentions {
		toks := d.sents[m.s].Tokens
		for _, c := range d.ments[m.s] {
			if c.ent.class != ClassCountry || c.ent.country != e.country {
				continue
			}
			inside := c.a >= m.a && c.b <= m.b
			before := c.b == m.a
			of := c.a == m.b+1 && m.b < len(toks) && toks[m.b].Norm == "of"
			if inside || before || of {
				return true
			}
		}
	}
	return false
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
// or "": the countries it names, the countries of the places and regions
// it names, and the demonyms of a country's territory and of the state
// that acts on it ("the Kenyan border", "Kenyan officials", "Kenyan
// police"). The countries of the groups it names (a militia's home
// country) and a demonym of armed men or of victims ("Somali militants",
// "two French tourists") do not count: attackers and victims come from
// elsewhere.
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
				if m.demonym && !ownCountryWords.Has(demonymHead(toks, m.b)) {
					continue
				}
				if elsewhereLand(toks, m) {
					continue // where someone came from; "the Kenya-Somalia border"; "held in X"
				}
				c = m.ent.country
			case ClassPlace, ClassRegion:
				if m.a > 0 && toks[m.a-1].Norm == "from" && d.peopleBefore(s, m.a-1) {
					continue // "raiders from Turkana"; not "travelling from Masalani"
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

// peopleBefore reports whether token k of sentence s ("from") follows
// people it says the origin of: a participant's head ("militants from",
// "herders from") or a group's name ("al Shabaab from").
func (d *docState) peopleBefore(s, k int) bool {
	if k == 0 {
		return false
	}
	toks := d.sents[s].Tokens
	if _, ok := loadWordLists().heads[toks[k-1].Norm]; ok {
		return true
	}
	m := d.mentionEnding(s, k)
	return m != nil && (m.ent.class == ClassArmedGroup || m.ent.class == ClassStateForce || m.ent.class == ClassCivilians)
}

// adminCountries returns the countries of the first-level divisions named
// in the list of administrative areas that follows token b of sentence s
// ("Pede (Kandi, Alibori)", "Kandi, Alibori"), each name with the unit
// word a note writes after it ("Kani township, Sagaing region"): the place
// before the list lies in one of them, so a namesake abroad is not meant,
// however big. Nil when no such list follows or it names no known
// division.
func (d *docState) adminCountries(s, b int) map[string]bool {
	toks := d.sents[s].Tokens
	l := loadWordLists()
	b = skipUnitWords(l, toks, b)
	if b >= len(toks) || toks[b].Norm != "(" && toks[b].Norm != "," {
		return nil
	}
	var out map[string]bool
	for j, n := b+1, 0; j < len(toks) && n < 4; n++ {
		k := j
		for k < len(toks) && (isUpperWord(&toks[k]) || k > j && toks[k].Norm == "-") {
			k++
		}
		if k == j {
			break
		}
		for _, g := range d.r.gaz.Lookup(d.surface(s, j, k)) {
			if g.Kind == gazetteer.KindRegion && g.Country != "" {
				if out == nil {
					out = map[string]bool{}
				}
				out[g.Country] = true
			}
		}
		if k = skipUnitWords(l, toks, k); k >= len(toks) || toks[k].Norm != "," {
			break
		}
		j = k + 1
	}
	return out
}

// skipUnitWords returns the index after the lower-case administrative and
// settlement words that start at token k ("township", "sub-county",
// "local government area"), or k.
func skipUnitWords(l *wordLists, toks []text.Token, k int) int {
	for k < len(toks) && !isUpperWord(&toks[k]) && !markPlaceLead.surelyNot(&toks[k]) {
		_, role, n := unitAt(l, toks, k)
		if role&(placeAdmin|placeSettle) == 0 {
			break
		}
		k += n
	}
	return k
}

// regionCountry returns the country of a name whose candidates include a
// first-level division and all lie in one country ("Lamu": the county and
// its town), or "".
func regionCountry(cands []*cand) string {
	cc, region := "", false
	for _, c := range cands {
		if c.gaz == nil || c.country == "" || c.class != ClassRegion && c.class != ClassPlace {
			return ""
		}
		if cc != "" && c.country != cc {
			return ""
		}
		cc = c.country
		region = region || c.class == ClassRegion
	}
	if !region {
		return ""
	}
	return cc
}

// areaAt is a first-level division named at token at of a sentence, in
// country cc.
type areaAt struct {
	at int
	cc string
}

// areaReach is how many tokens after a place the division it lies in may
// be named: "Lobo area bordering Kiuni in Kilifi county".
const areaReach = 8

// smallPlace is the population below which a town abroad gives way to
// the divisions a sentence names.
const smallPlace = 100000

// foreignBesideArea reports whether candidate c is a small town (not a
// capital) of a country the document does not name, or a town named by
// another spelling of its name (tokens [a, b) of sentence s), in a
// sentence that names a first-level division of another country shortly
// after it (areaReach) and none of c's: "Lobo area bordering Kiuni in Kilifi county" is not a Lobo in
// another country.
func (d *docState) foreignBesideArea(c *cand, s, a, b int) bool {
	if c.gaz == nil || c.class != ClassPlace || c.country == "" || c.lex != nil || s >= len(d.areaCC) {
		return false
	}
	near := false
	for _, x := range d.areaCC[s] {
		if x.cc == c.country {
			return false
		}
		near = near || x.at >= b && x.at-b <= areaReach
	}
	if !near || d.countryCount.get(c.country) > 0 {
		return false
	}
	if d.r.capitalOf(c.country) == c.gaz {
		return false
	}
	return c.gaz.Population < smallPlace || text.Normalize(d.surface(s, a, b)) != text.Normalize(c.gaz.Name)
}

// ownCountryWords are the nouns after which a demonym names the country
// where things happen: its territory and the state that acts on it.
var ownCountryWords = grammarList("ownCountryWords")

// demonymHead returns the noun a demonym ending before token b qualifies,
// past the demonyms listed with it ("Kenyan and Somali officials"), or "".
func demonymHead(toks []text.Token, b int) string {
	for k := b; k < len(toks) && k < b+6; k++ {
		if t := toks[k]; t.Norm != "and" && t.Norm != "," && !isUpperWord(&t) {
			return t.Norm
		}
	}
	return ""
}

// maxAcronym is the length of the longest word read as an acronym.
const maxAcronym = 5

// acronymOfOther reports whether a one-word phrase written in capitals
// ("NGO", "APC", "IFO") matched a town or division whose names are not
// written so (Ngo in Nigeria, Apc in Hungary): a short word in capitals is
// an acronym, and an acronym names a town only where the reference data
// spells it so. Countries keep their capitals ("DRC", "UAE").
func acronymOfOther(toks []text.Token, c *cand) bool {
	if len(toks) != 1 || c.gaz == nil || c.class != ClassPlace && c.class != ClassRegion {
		return false
	}
	t := toks[0]
	if t.Kind != text.Word || !t.AllCaps() || len(t.Text) < 2 || len(t.Text) > maxAcronym {
		return false
	}
	if c.gaz.Name == t.Text {
		return false
	}
	for _, a := range c.gaz.Aliases {
		if a == t.Text {
			return false
		}
	}
	return true
}

// nearWords are the words between a village and the known town it is
// placed by: "Woroko, near Ketou", "Yola, coded to Kalale" (the town a
// conflict dataset codes a village to).
var nearWords = [][]string{{"near"}, {"close", "to"}, {"coded", "to"}}

// skipNearWords returns the index after the words of nearWords that start
// at token j, or j.
func skipNearWords(toks []text.Token, j int) int {
	for _, w := range nearWords {
		if j+len(w) > len(toks) {
			continue
		}
		ok := true
		for k, x := range w {
			if toks[j+k].Norm != x {
				ok = false
				break
			}
		}
		if ok {
			return j + len(w)
		}
	}
	return j
}

// strictDocCountry returns the one country the document names, as
// docCountry does, but leaves out demonyms other than those of a country's
// territory and state ("Ethiopian gunmen in Dukana" does not place Dukana
// in Ethiopia): the country a place found from context lies in.
func (d *docState) strictDocCountry() string {
	cc := ""
	for s, ms := range d.ments {
		toks := d.sents[s].Tokens
		for _, m := range ms {
			if m.ent.class != ClassCountry && m.ent.class != ClassRegion || m.ent.country == "" {
				continue
			}
			if m.ent.class == ClassRegion && m.ent.gaz == nil {
				continue
			}
			if m.demonym && !ownCountryWords.Has(demonymHead(toks, m.b)) {
				continue
			}
			if elsewhereLand(toks, m) {
				continue // where someone came from: "militia from Somalia"
			}
			if cc != "" && cc != m.ent.country {
				return ""
			}
			cc = m.ent.country
		}
	}
	return cc
}

// foreignAlias reports whether candidate c is a town of a country the
// document does not name, matched by another of its spellings than its
// name (tokens [a, b) of sentence s), and small (below smallPlace) or the
// spelling short (maxShortAlias): "Fino" for Fino Mornasco, "Soi" for
// Sori, "Likia" for Bayt Liqya, "Tur" for Tours. Such a match says more
// about the reference data's aliases than about the text. pf keeps the
// normalised spelling for the phrase's other candidates.
func (d *docState) foreignAlias(c *cand, s, a, b int, pf *phraseFacts) bool {
	if c.gaz == nil || c.class != ClassPlace || c.country == "" || c.lex != nil {
		return false
	}
	if d.countryCount.get(c.country) > 0 || d.r.capitalOf(c.country) == c.gaz {
		return false
	}
	surface := pf.normSurface(d, s, a, b)
	if equalNormalized(surface, c.gaz.Name) || extendsName(surface, c.gaz.Name) {
		return false
	}
	return c.gaz.Population < smallPlace || len(surface) <= maxShortAlias
}

// extendsName reports whether the normalised spelling n is the name
// followed by more words: the town's full name, of which the gazetteer's
// is the short form ("Lakki Marwat" for Lakki), not another spelling.
func extendsName(n []byte, name string) bool {
	if isASCII(name) {
		// its normal form is its lower case, byte for byte (equalNormalized)
		return len(n) > len(name)+1 && n[len(name)] == ' ' && equalNormalized(n[:len(name)], name)
	}
	var nb [64]byte // on the stack: no string is made
	k := text.AppendNormalize(nb[:0], name)
	return len(n) > len(k)+1 && bytes.Equal(n[:len(k)], k) && n[len(k)] == ' '
}

// equalNormalized reports whether n is text.Normalize(name). A name in
// ASCII (nearly every gazetteer name) normalises byte for byte to its
// lower case, so it is compared in place; any other is normalised first.
func equalNormalized(n []byte, name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= utf8.RuneSelf {
			var nb [64]byte // on the stack: no string is made
			return bytes.Equal(n, text.AppendNormalize(nb[:0], name))
		}
		// the ASCII bytes before i normalise to the first i bytes, this
		// one to the next: a difference here is one in the whole
		if i >= len(n) || n[i] != lowerByte(c) {
			return false
		}
	}
	return len(n) == len(name)
}

// maxShortAlias is the length of the longest spelling ("Tur" for Tours)
// too short to name a town abroad by another spelling whatever its size.
const maxShortAlias = 3

// peopleHeads are the nouns after which a name is the people's (an ethnic
// group, a clan, a militia), not a town's: "Abala herdsmen", "Garre
// militia".
var peopleHeads = grammarList("peopleHeads")

// peopleModifier reports whether candidate c, a small town of a country
// the document does not name, stands before a noun for a people or an
// armed group (tokens [a, b) of sentence s): "Abala herdsmen clashed
// with farmers" names a people, not Abala in Mexico. The noun after the
// phrase is asked once for its candidates (pf).
func (d *docState) peopleModifier(c *cand, s, b int, pf *phraseFacts) bool {
	if c.gaz == nil || c.class != ClassPlace || c.country == "" || c.lex != nil {
		return false
	}
	if d.countryCount.get(c.country) > 0 || c.gaz.Population >= smallPlace || d.r.capitalOf(c.country) == c.gaz {
		return false
	}
	return pf.peopleNext.known(func() bool { return peopleNounAt(d.sents[s].Tokens, b) })
}

// peopleNounAt reports whether token b is a noun for a people or an armed
// group ("herdsmen", "militia").
func peopleNounAt(toks []text.Token, b int) bool {
	if b >= len(toks) {
		return false
	}
	n := toks[b].Norm
	return peopleHeads.Has(n) || groupHeads.Has(n)
}

// civilianUses are the words that make a venue one that civilians use.
var civilianUses = grammarList("civilianUses")

// villageTargets gives an attack that names no one hit, only an unnamed
// village ("raiders attacked a village"), the civilians of the village
// as its target: the people who live there were attacked. People the
// note counts among the dead or hurt (victimsFromTolls) come first.
func (d *docState) villageTargets(events []*docEvent) {
	for _, e := range events {
		if v := e.f.villagers; v != nil && e.f.typ == EventAttack && !peopleHit(e.f.targets) && !containsEnt(e.f.actors, v) {
			e.f.targets = appendEnt(e.f.targets, v)
		}
	}
}

// civilianVenueTargets gives an attack that names no one hit, only a
// venue that civilians use ("a grenade attack on a church", "bandits
// attacked a polling station"), the civilians of the venue's country as a
// target beside it: incident coding counts such an attack as one on
// civilians. A venue of a force ("a police post", "an army base": a
// force word in its name) is the force's own and gets none.
func (d *docState) civilianVenueTargets(events []*docEvent) {
	for _, e := range events {
		if e.f.typ != EventAttack || peopleHit(e.f.targets) || len(e.frames) == 0 {
			continue
		}
		for _, t := range e.f.targets {
			if t.typ != "facility" || !civilianVenue(t.name) {
				continue
			}
			if p := d.countedCivilians(e.frames[0].s, t.country); p != nil && !containsEnt(e.f.actors, p) {
				e.f.targets = appendEnt(e.f.targets, p)
			}
			break
		}
		if len(e.f.targets) == 0 && dwellingsHit(e.f.targetText) {
			// "burned several houses", "torched homes in X village": the
			// people whose homes they were
			if p := d.countedCivilians(e.frames[0].s, ""); p != nil && !containsEnt(e.f.actors, p) {
				e.f.targets = appendEnt(e.f.targets, p)
				e.f.homesHit = true
			}
		}
	}
}

// dwellings are the words for homes and the property of households
// (data/grammar/eventplaces.tsv): an attack on them, naming no one hit,
// hit the civilians who live there.
var dwellings = grammarList("dwellings")

// dwellingsHit reports whether one of the phrases an event hit (its
// target text) is headed by a word of dwellings.
func dwellingsHit(texts []string) bool {
	for _, t := range texts {
		ws := strings.Fields(strings.ToLower(t))
		if len(ws) > 0 && dwellings.Has(strings.Trim(ws[len(ws)-1], ".,;")) {
			return true
		}
	}
	return false
}

// civilianVenue reports whether venue name names a place civilians use
// (civilianUses) and no force's (a state-force head or modifier of the
// participant lists: "police", "army", "military").
func civilianVenue(name string) bool {
	l := loadWordLists()
	civil := false
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if h, ok := l.heads[w]; ok && h.class == ClassStateForce {
			return false
		}
		if m, ok := l.mods[w]; ok && m.effect == modState {
			return false
		}
		civil = civil || civilianUses.Has(w)
	}
	return civil
}
