package extract

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/text"
)

// Places beyond the gazetteer. Incident notes name villages, wards, roads,
// markets and fronts no list of towns holds. findContextPlaces reads a
// capitalised name as a place from its context:
//
//   - before a place word (data/placewords.tsv): "Kambi Juu village",
//     "Ngamia Road", "Banissa ward", "Hullugho border town";
//   - after a locative preposition: "in Hola", "near Kolbio", "along
//     Kerio", and the names listed with it ("in Yumbisa and Welmar");
//
// and attaches it to the place or administrative area named right after
// it ("Kambi Juu (Lamu county)", "X village, Y district, Z province",
// "Bura in Garissa"), from which it takes its country: so every attack
// "in Garissa" finds the places inside it. An administrative name the
// gazetteer spells otherwise ("Ningarhar province" for Nangarhar) is
// matched by its consonant skeleton among the regions of the countries
// the document names. With no area named beside it, a place lies in the
// one town the note names before it or calls "nearby"; in a note that
// names nothing else to place it, a town spelt otherwise (by its
// consonant skeleton, or a long vowel written short or long: "Baar" for Bar), or
// known only by the divisions named after it ("Wajir North", "Wajir
// South"), is read so. findVenues reads facilities (a mosque, a market, a
// police station) as places of type "facility" inside the town named
// with them.

// findDescribed finds what the text describes rather than names: places
// from their context, venues, descriptive participants and references
// back to them.
func (d *docState) findDescribed() {
	dropped := d.unpersonPlaces()
	d.findContextPlaces()
	d.narrowWithin()
	d.placeAgain(dropped)
	d.findVenues()
	d.findParticipants()
	d.dropCommunityPlaces()
	d.resolvePronouns()
}

// locatives are the prepositions after which a capitalised name is a
// place.
var locatives = grammarList("locatives")

// placeSpan is a place name found from context, before it becomes an
// entity: tokens [a, b) of its sentence, the place word after it.
type placeSpan struct {
	a, b  int
	word  string // the place word after the name, "" if none
	after int    // where the words that say what it lies in start, if not b
}

// findContextPlaces finds the places of every sentence named by context.
func (d *docState) findContextPlaces() {
	l := loadWordLists()
	for si, s := range d.sents {
		if d.skip[si] || titleCase(s) {
			continue
		}
		var spans []placeSpan
		toks := s.Tokens
		listed := false // inside a list that a locative opened
		for i := 0; i < len(toks); i++ {
			t := &toks[i]
			if i+3 < len(toks) && toks[i+2].Norm == "-" {
				// uncoverParticleName's first test, written out: no
				// call for a token without a hyphen after the next
				d.uncoverParticleName(si, i)
			}
			if !isUpperWord(t) || d.covered(si, i) || t.AllCaps() {
				listed = listed && (t.Norm == "and" || t.Norm == "," || d.covered(si, i))
				if i > 0 && markLocative.has(&toks[i-1]) {
					// a known place after a locative opens a list ("between
					// Eldas and Lokitela"); a word, not
					listed = d.placeStarts(si, i)
				}
				continue
			}
			end := d.nameRun(si, i)
			if end == i {
				end = d.compassLed(l, si, i)
			}
			if end == i {
				continue
			}
			end = d.placeParticles(si, end)
			end = numberedName(l, toks, end)
			prev := ""
			if i > 0 {
				prev = toks[i-1].Norm
			}
			if sp, ok := d.contextPlace(l, si, i, end, prev, listed); ok {
				spans = append(spans, sp)
				listed = locatives.Has(prev) || listed
				i = sp.b - 1
				continue
			}
			i = end - 1
		}
		spans = d.listedBefore(spans, si)
		// right to left, so that each place finds the area after it
		for k := len(spans) - 1; k >= 0; k-- {
			d.addContextPlace(l, si, spans[k])
		}
	}
}

// uncoverParticleName drops the gazetteer's place of one word at token i
// of sentence s when the name goes on with a hyphened particle and a
// capitalised word ("the village of Wad al-Noura"): the gazetteer knew
// the first word alone (a "Wad" elsewhere), the name is the whole run,
// which the context rules then read.
func (d *docState) uncoverParticleName(s, i int) {
	toks := d.sents[s].Tokens
	// the hyphen first: findContextPlaces asks of every token, and few
	// have a hyphened word after the next, where the particle is looked up
	if i+3 >= len(toks) || !joinedHyphen(toks, i+2) || !placeParticles.Has(toks[i+1].Norm) || isUpperWord(&toks[i+1]) || !isUpperWord(&toks[i+3]) || d.covered(s, i+3) {
		return
	}
	m := d.mentionStarting(s, i)
	if m == nil || m.b != i+1 || m.ent.class != ClassPlace {
		return
	}
	m.ent.mentions = removeMention(m.ent.mentions, m)
	d.ments[s] = removeMention(d.ments[s], m)
}

// areaLeads are the words that start a division's name which the name
// rules take for common words ("Lower Shabelle region").
var areaLeads = grammarList("areaLeads")

// compassLed returns the end of the name of a division that starts with
// a word of areaLeads at token i of sentence s and ends before its unit
// word ("East Hararghe zone", "North Wollo Zone", "Lower Shabelle
// region"): the leading word is part of the division's name, though the
// name rules take it for a common word. It returns i when no unit word
// follows the name.
func (d *docState) compassLed(l *wordLists, s, i int) int {
	toks := d.sents[s].Tokens
	if !areaLeads.Has(toks[i].Norm) || i+1 >= len(toks) || !isUpperWord(&toks[i+1]) || d.covered(s, i+1) {
		return i
	}
	end := d.nameRun(s, i+1)
	switch {
	case end == i+1:
		return i
	case end < len(toks) && !isUpperWord(&toks[end]) && placeRole(l, &toks[end])&placeAdmin != 0,
		end-i >= 3 && placeRole(l, &toks[end-1])&placeAdmin != 0:
		return end
	}
	return i
}

// maxNameNumber is the largest number that numbers the parts of a place
// ("Block 3", "Camp 12").
const maxNameNumber = 99

// numberedName returns the end of the capitalised name that ends at token
// end, with the small number that numbers it ("Lokitela 2 (Eldas
// District)", "Kambi 3 village"): a camp, block or phase of a settlement
// is so named. A number followed by a noun counts something ("near
// Lokitela 2 soldiers died") and stays out.
func numberedName(l *wordLists, toks []text.Token, end int) int {
	if end >= len(toks) || toks[end].Kind != text.Number || !toks[end].SpaceBefore || !smallNumber(toks[end].Text) {
		return end
	}
	if end+1 == len(toks) {
		return end + 1
	}
	next := toks[end+1]
	switch {
	case next.Kind == text.Punct && next.Norm != "-" && next.Norm != "%" && next.Norm != "/" && next.Norm != ":",
		next.Norm == "and", placeRole(l, &next)&(placeAdmin|placeSettle) != 0:
		return end + 1
	}
	return end
}

// smallNumber reports whether digits is a number from 1 to maxNameNumber
// written in digits alone.
func smallNumber(digits string) bool {
	n := 0
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
		n = n*10 + int(c-'0')
	}
	return n >= 1 && n <= maxNameNumber && digits[0] != '0'
}

// placeStarts reports whether a mention of a place or region starts at
// token i of sentence s.
func (d *docState) placeStarts(s, i int) bool {
	m := d.mentionStarting(s, i)
	return m != nil && (m.ent.class == ClassPlace || m.ent.class == ClassRegion)
}

// titleCase reports whether a sentence is written in title case (a
// headline), where capitals say nothing about names: no word of four
// letters or more starts in lower case.
func titleCase(s text.Sentence) bool {
	for i := range s.Tokens {
		t := &s.Tokens[i]
		if t.Kind != text.Word || len(t.Text) < 4 {
			continue
		}
		if c := t.Text[0]; c >= 'a' && c <= 'z' || c >= utf8.RuneSelf && !t.Upper() {
			return false
		}
	}
	return true
}

// contextPlace reads the capitalised run [a, end) of sentence s as a place
// if its context says it is one.
func (d *docState) contextPlace(l *wordLists, s, a, end int, prev string, listed bool) (placeSpan, bool) {
	toks := d.sents[s].Tokens
	next, nextRole, _ := unitAt(l, toks, end)
	last, lastRole := toks[end-1].Norm, placeRole(l, &toks[end-1])
	if sp, ok := d.prefixedPlace(l, s, a, end); ok {
		return sp, true // "Barangay Talisay", "Kabupaten Nduga"
	}
	if faithQualifies(toks, a, end) {
		if nextRole&placeSettle != 0 {
			return placeSpan{a: a, b: end + 1}, true // "the Protestant areas": the area is named with its word
		}
		return placeSpan{}, false
	}
	if _, role, n := unitAt(l, toks, a); end-a == n && role&(placeAdmin|placeSettle) != 0 {
		// "Arrondissement of Goumori", "Village": the word for the kind
		// of place, capitalised; the name after "of" is the place
		return placeSpan{}, false
	}
	if u := subUnitStart(l, toks, a, end); u > a {
		// "Tal Sub-District": the name is the words before it
		return placeSpan{a: a, b: u, word: "sub-" + last}, true
	}
	if end-a == 2 && isUpperWord(&toks[end-1]) && lastRole&placeAdmin != 0 && adjectiveName(&toks[a]) {
		// "Green Zone", "Kurdish Region": an adjective names no place
		// alone, the capitalised word is part of the name
		return placeSpan{a: a, b: end}, true
	}
	if end-a >= 2 && lastRole&placeAdmin != 0 {
		// "Mandera County": the name is the words before the admin word
		return placeSpan{a: a, b: end - 1, word: last}, true
	}
	switch {
	case end-a >= 2 && lastRole&placePart != 0:
		return placeSpan{a: a, b: end}, true // "Ngamia Road", "Kakamega Forest"
	case nextRole&placeMod != 0 && (!isUpperWord(&toks[end]) || toks[end].AllCaps()) && end+1 < len(toks) && placeRole(l, &toks[end+1])&placeSettle != 0:
		return placeSpan{a: a, b: end, word: toks[end+1].Norm}, true // "Hullugho border town", "Kakuma refugee camp", "Lala IDP camp"
	case nextRole&(placeAdmin|placeSettle|placePart) != 0 && !isUpperWord(&toks[end]):
		if a == 0 && d.r.stopwords.Has(toks[a].Norm) || d.peopleSettlement(s, a, end) {
			return placeSpan{}, false
		}
		return placeSpan{a: a, b: end, word: next}, true
	case a >= 1 && placeRole(l, &toks[a-1])&(placePart|placeSettle) != 0 && !isUpperWord(&toks[a-1]) && !d.r.stopwords.Has(toks[a].Norm):
		return placeSpan{a: a, b: end}, true // "the central street Rue Lafontaine", "the village Kambi"
	case prev == "(" && (next == "," || next == ")"):
		return placeSpan{a: a, b: end}, true // "Kolgara (Kolgara, Atacora)"
	case prev == "of" && a >= 2 && placeRole(l, &toks[a-2])&placeSettle != 0 && !d.r.stopwords.Has(toks[a].Norm):
		return placeSpan{a: a, b: end}, true // "the hamlet of Tibouka"
	case prev == "of" && a >= 2 && placeRole(l, &toks[a-2])&placeAdmin != 0 && !d.r.stopwords.Has(toks[a].Norm):
		// "Arrondissement of Goumori", "the district of Dand": the
		// division the word names
		return placeSpan{a: a, b: end, word: toks[a-2].Norm}, true
	case otherPlacesAfter(l, toks, end) > 0:
		// "Kamara and other villages of Molo district": a place of the
		// list, inside the area after the place word
		return placeSpan{a: a, b: end, after: otherPlacesAfter(l, toks, end) + 1}, true
	case a >= 2 && (prev == "of" || prev == "from") && (townsfolkHeads.Has(toks[a-2].Norm) || placeFolkHeads.Has(toks[a-2].Norm)) && !d.r.stopwords.Has(toks[a].Norm) && !d.r.givenNames.Has(toks[a].Norm):
		return placeSpan{a: a, b: end}, true // "residents of Tokpa attacked", "people from Zogbo", "farmers of Agbede"
	case struckOn(toks, a) && !d.r.stopwords.Has(toks[a].Norm):
		return placeSpan{a: a, b: end}, true // "an air strike on Kafr Nabl"
	case a >= 2 && skipNearWords(toks, a-2) == a:
		return placeSpan{a: a, b: end}, true // "Tanda, coded to Segbana"
	case a > 0 && pastVerb(&toks[a-1]) && areaChainAfter(l, toks, end) && d.placeLike(s, a, end):
		return placeSpan{a: a, b: end}, true // "raided Pakam, Rumbek North county": the object of the verb lies in the area after it
	case a > 0 && (locatives.Has(prev) || listed && (prev == "and" || prev == ",")):
		if !d.placeLike(s, a, end) {
			return placeSpan{}, false
		}
		return placeSpan{a: a, b: end}, true
	}
	return placeSpan{}, false
}

// maxAreaWords is the longest name of an area that areaChainAfter reads
// before its unit word ("Rumbek North", "Bamingui-Bangoran").
const maxAreaWords = 4

// areaChainAfter reports whether an administrative area named with its
// unit word follows the name ending at token end, after a comma, and
// ends its own clause part: ", Rumbek North county," or ", Artibonite
// department." A unit word followed by a noun ("Lakes state police") names
// no area.
func areaChainAfter(l *wordLists, toks []text.Token, end int) bool {
	if end >= len(toks) || toks[end].Norm != "," {
		return false
	}
	j := end + 1
	for j < len(toks) && j <= end+maxAreaWords && (isUpperWord(&toks[j]) || gluedHyphen(toks, j)) {
		j++ // "Rumbek North", "Saint-Marc"
	}
	if j == end+1 {
		return false
	}
	_, role, n := unitAt(l, toks, j)
	if role&placeAdmin == 0 || isUpperWord(&toks[j]) {
		return false
	}
	k := j + n
	return k == len(toks) || toks[k].Norm == "," || toks[k].Norm == "." || toks[k].Norm == ")"
}

// gluedHyphen reports whether token j is a hyphen glued to capitalised
// words on both sides, inside a name: "Saint-Marc", "Haute-Kotto".
func gluedHyphen(toks []text.Token, j int) bool {
	return j > 0 && j+1 < len(toks) && toks[j].Norm == "-" && !toks[j].SpaceBefore && !toks[j+1].SpaceBefore && isUpperWord(&toks[j+1])
}

// prefixedPlace reads the run [a, end) of sentence s that starts with a
// capitalised unit word written before the name ("Barangay Talisay",
// "Wilayat Sinaw", "Vereda La Palma"): the place is the name after the
// word, the word its kind. A name ending in its own admin word as well
// ("Kabupaten Nduga Regency") keeps the name between them.
func (d *docState) prefixedPlace(l *wordLists, s, a, end int) (placeSpan, bool) {
	toks := d.sents[s].Tokens
	if end-a < 2 || placeRole(l, &toks[a])&placePrefix == 0 || d.r.stopwords.Has(toks[a+1].Norm) {
		return placeSpan{}, false
	}
	b := end
	if end-a >= 3 && placeRole(l, &toks[end-1])&placeAdmin != 0 {
		b = end - 1
	}
	return placeSpan{a: a + 1, b: b, word: toks[a].Norm}, true
}

// faithQualifies reports whether the one-word name [a, end) is a faith
// or a sect before a lower-case word: it qualifies that word, which names
// where its people live or who they are ("Christian villages", "in the
// Protestant areas", "in Sunni districts of X"), and is no place's name of
// its own; with a settlement word (contextPlace) the two name the area.
func faithQualifies(toks []text.Token, a, end int) bool {
	return end-a == 1 && sectWords.Has(toks[a].Norm) && end < len(toks) && toks[end].Kind == text.Word && !isUpperWord(&toks[end])
}

// nameAdjectives are the adjectives that, capitalised before a
// capitalised unit word, name an area with it: "the Green Zone", "a Red
// Zone".
var nameAdjectives = grammarList("nameAdjectives")

// adjectiveSuffixes end the adjectives of peoples and languages
// ("Kurdish", "Sudanese"), which name no place alone.
var adjectiveSuffixes = []string{"ish", "ese"}

// adjectiveName reports whether the capitalised word t is an adjective
// that names no place by itself: one of nameAdjectives, or a people's
// adjective by its ending ("Kurdish Region", "Pashtun" stays a name).
func adjectiveName(t *text.Token) bool {
	if nameAdjectives.Has(t.Norm) {
		return true
	}
	for _, suf := range adjectiveSuffixes {
		if len(t.Norm) > len(suf)+2 && strings.HasSuffix(t.Norm, suf) {
			return true
		}
	}
	return false
}

// remoteStrikeNouns are the nouns of a strike from afar, after which "on"
// and a capitalised name name the place struck: "an air strike on X".
var remoteStrikeNouns = grammarList("remoteStrikeNouns")

// struckOn reports whether the name that starts at token a follows "on"
// after a noun of remoteStrikeNouns: "a drone strike on Kafr Nabl".
func struckOn(toks []text.Token, a int) bool {
	return a >= 2 && toks[a-1].Norm == "on" && remoteStrikeNouns.Has(toks[a-2].Norm)
}

// placeFolkHeads are the heads of people named by their trade before "of"
// and their place: "farmers of Agbede".
var placeFolkHeads = grammarList("placeFolkHeads")

// peopleSettlements are the settlement words that, after a people's name,
// say where that people lives: "a Fulani camp".
var peopleSettlements = grammarList("peopleSettlements")

// peopleVerbs follow "the X" where X is a people spoken of as a whole:
// "the Fulani were accused".
var peopleVerbs = grammarList("peopleVerbs")

// peopleSettlement reports whether the one-word name [a, end) of sentence
// s before a settlement word of peopleSettlements is a people's name, not
// a place's ("residents attacked a Fulani settlement"): a demonym, or a
// word the document uses elsewhere for a people, before the head of a
// description of people ("Fulani herders", "Fulani militia") or as "the
// Fulani were…".
func (d *docState) peopleSettlement(s, a, end int) bool {
	toks := d.sents[s].Tokens
	if end-a != 1 || end >= len(toks) || !peopleSettlements.Has(toks[end].Norm) {
		return false
	}
	if d.r.isDemonym(&toks[a]) {
		return true
	}
	w := toks[a].Norm
	for k := range d.sents {
		ts := d.sents[k].Tokens
		for i := 0; i+1 < len(ts); i++ {
			if ts[i].Norm != w || !isUpperWord(&ts[i]) {
				continue
			}
			n := ts[i+1].Norm
			if peopleHeads.Has(n) || communityHeads.Has(n) || groupHeads.Has(n) || i > 0 && ts[i-1].Norm == "the" && peopleVerbs.Has(n) {
				return true
			}
		}
	}
	return false
}

// otherPlaceWords stand between "and" and the plural place word after the
// last name of a list of places: "and other villages", "and surrounding
// areas".
var otherPlaceWords = grammarList("otherPlaceWords")

// otherPlacesAfter returns the index of the place word in "(,) and other
// villages" right after token end, or 0 when the words there are not
// those.
func otherPlacesAfter(l *wordLists, toks []text.Token, end int) int {
	k := end
	if k < len(toks) && toks[k].Norm == "," {
		k++
	}
	if k+2 >= len(toks) || toks[k].Norm != "and" || !otherPlaceWords.Has(toks[k+1].Norm) {
		return 0
	}
	if placeRole(l, &toks[k+2])&(placeAdmin|placeSettle) == 0 {
		return 0
	}
	return k + 2
}

// placeLike reports whether the run [a, end) after a locative can be a
// place: not a person's name, not a modifier of a noun that follows ("in
// Kikuyu attacks", "at Juba police"), not a possessive.
func (d *docState) placeLike(s, a, end int) bool {
	toks := d.sents[s].Tokens
	if d.r.givenNames.Has(toks[a].Norm) || d.r.stopwords.Has(toks[a].Norm) {
		return false
	}
	if k := listEnd(toks, end); k < len(toks) && k > end && (peopleHeads.Has(toks[k].Norm) || groupHeads.Has(toks[k].Norm)) {
		return false // "between Dinka and Nuer clans": peoples listed
	}
	if end < len(toks) {
		n := toks[end]
		if n.Norm == "'" || n.Norm == "’" {
			return false
		}
		if n.Kind == text.Word && !isUpperWord(&n) && !prepositions.Has(n.Norm) && n.Norm != "and" && n.Norm != "or" && !locatives.Has(n.Norm) {
			// a lower-case word right after: a verb ("in Hola killed")
			// or a noun the name qualifies ("in Pokot attacks")
			l := loadWordLists()
			if l.headSet.Has(n.Norm) || groupHeads.Has(n.Norm) || peopleHeads.Has(n.Norm) || d.triggerAt(s, end) || placeRole(l, &n)&placeVenue != 0 {
				return false
			}
		}
	}
	return true
}

// listEnd returns the index of the first token after the list of
// capitalised names that continues at token end ("and Degodia", ", Kapedo
// and Lomelo"), or end when none continues there.
func listEnd(toks []text.Token, end int) int {
	k := end
	for k < len(toks) && (toks[k].Norm == "and" || toks[k].Norm == ",") {
		j := k + 1
		for j < len(toks) && isUpperWord(&toks[j]) {
			j++
		}
		if j == k+1 {
			return k
		}
		k = j
	}
	return k
}

// addContextPlace adds the place of span sp of sentence s: a region of
// the gazetteer spelt otherwise, or a new place inside the area named
// after it.
func (d *docState) addContextPlace(l *wordLists, s int, sp placeSpan) {
	name := d.surface(s, sp.a, sp.b)
	after := sp.b
	if sp.after > 0 {
		after = sp.after
	}
	if l.placeWords[sp.word]&placeAdmin != 0 {
		g := d.knownArea(name)
		if g == nil {
			// "Bui division": a name too short for the gazetteer to hold
			// alone, kept there with its unit word
			g = d.knownArea(name + " " + sp.word)
		}
		if g != nil && d.areaOfWord(sp.word, g) && d.agreesAfter(s, after, g) {
			e := d.entityFor(d.r.gazCand(g))
			d.addMention(d.newMention(mention{s: s, a: sp.a, b: sp.b, ent: e}), name)
			return
		}
	}
	if l.placeWords[sp.word]&placeAdmin != 0 || sp.word == "" {
		if g := d.regionBySkeleton(name); g != nil {
			e := d.entityFor(d.r.gazCand(g))
			d.addMention(d.newMention(mention{s: s, a: sp.a, b: sp.b, ent: e}), name)
			return
		}
	}
	if l.placeWords[sp.word]&placePart != 0 && d.addRoute(s, sp, name) {
		return
	}
	within := d.areaAfter(s, after)
	cc := ""
	if within != nil {
		cc = within.country
		if cc == "" {
			cc = d.pairCountry(name) // "the Parakou-Nikki axis in Kafo": the towns' country
		}
	} else {
		cc = d.pairCountry(name)
		if cc == "" {
			cc = d.contextCountry(s)
		}
		if l.placeWords[sp.word]&placeAdmin == 0 {
			within = d.townBefore(s, sp.a, cc)
			if within != nil && d.listedAfter(s, sp.a, within) {
				within = nil // "between Eldas and Lokitela": a town beside it, not around it
			}
			if within == nil {
				within = d.nearbyTown(cc)
			}
		}
	}
	if cc == "" && within == nil {
		g := d.placeBySkeleton(name)
		if g == nil {
			g = d.placeByVowelLength(name)
		}
		if g != nil {
			// "Mpekatoni" for Mpeketoni: a town of the gazetteer spelt
			// otherwise, in a note that names nothing else to place it
			e := d.entityFor(d.r.gazCand(g))
			d.addMention(d.newMention(mention{s: s, a: sp.a, b: sp.b, ent: e}), name)
			return
		}
		within, cc = d.townOfDivisions(name)
	}
	e := d.entityFor(&cand{class: ClassPlace, key: "place/" + keyCountry(cc) + "-" + slug(name), name: name, country: cc})
	e.conf = 0.6
	if e.within == nil && within != e {
		e.within = within
	}
	if e.typ == "" && l.placeWords[sp.word]&placeAdmin != 0 {
		e.typ = sp.word
	}
	d.addMention(d.newMention(mention{s: s, a: sp.a, b: sp.b, ent: e}), name)
}

// addRoute adds the road or front between the towns a hyphenated name
// joins, span sp of sentence s followed by its part word ("the
// Kaduna-Abuja highway", "the Kandi-Segbana axis"): a place named with its
// word, since the name alone is no town, in the towns' country and in the
// first-level division they share, if any. False when the name joins no
// known towns of one country and an area named after it does not place it.
func (d *docState) addRoute(s int, sp placeSpan, name string) bool {
	cc := d.pairCountry(name)
	if cc == "" || sp.b >= len(d.sents[s].Tokens) || d.areaAfter(s, sp.b) != nil {
		return false
	}
	full := name + " " + d.sents[s].Tokens[sp.b].Text
	e := d.entityFor(&cand{class: ClassPlace, key: "place/" + keyCountry(cc) + "-" + slug(full), name: full, country: cc})
	e.conf = 0.6
	if e.within == nil {
		if g := d.pairRegion(name, cc); g != nil {
			e.within = d.entityFor(d.r.gazCand(g))
		}
	}
	if e.typ == "" {
		e.typ = sp.word
	}
	d.addMention(d.newMention(mention{s: s, a: sp.a, b: sp.b + 1, ent: e}), full)
	return true
}

// pairRegion returns the first-level division that every town a
// hyphenated name joins lies in, each read as its biggest namesake in
// country cc, or nil when they lie in different ones.
func (d *docState) pairRegion(name, cc string) *gazetteer.Entry {
	var region *gazetteer.Entry
	for _, p := range strings.Split(name, "-") {
		var in *gazetteer.Entry
		for _, g := range d.r.gaz.Lookup(strings.TrimSpace(p)) {
			if g.Kind == gazetteer.KindPlace && g.Country == cc {
				in = d.r.gaz.Within(g)
				break
			}
		}
		if in == nil || in.Kind != gazetteer.KindRegion || region != nil && in != region {
			return nil
		}
		region = in
	}
	return region
}

// agreesAfter reports whether gazetteer entry g can be the place named
// before token b of sentence s: the area named right after it, if any,
// lies in g's country ("La Palma vereda, Tame, Arauca" is no La Palma of
// another country).
func (d *docState) agreesAfter(s, b int, g *gazetteer.Entry) bool {
	in := d.areaAfter(s, b)
	return in == nil || in.country == "" || in.country == g.Country
}

// wideUnits are the unit words that name a wide area, never the town of
// the same name: "the Kidal region" is the region, and where the
// gazetteer holds no region so named, no town of that name is meant.
var wideUnits = grammarList("wideUnits")

// areaOfWord reports whether gazetteer entry g can be what its name and
// unit word name: a division for a word of wideUnits, a division or its
// namesake town for the others ("Mandera County" is Mandera).
func (d *docState) areaOfWord(word string, g *gazetteer.Entry) bool {
	return !wideUnits.Has(word) || g.Kind == gazetteer.KindRegion
}

// listedAfter reports whether the name at token a of sentence s follows
// place p in a list: "Eldas and Lokitela", "Eldas, Lokitela".
func (d *docState) listedAfter(s, a int, p *entity) bool {
	toks := d.sents[s].Tokens
	if a < 2 || toks[a-1].Norm != "and" && toks[a-1].Norm != "," {
		return false
	}
	m := d.mentionEnding(s, a-1)
	return m != nil && m.ent == p
}

// pairCountry returns the one country of the towns a hyphenated name
// joins, the name of a road or front between them ("the Kandi-Segbana
// axis", "the Parakou-Nikki road"), or "" when a part names no known
// place or the parts share no country.
func (d *docState) pairCountry(name string) string {
	parts := strings.Split(name, "-")
	if len(parts) < 2 {
		return ""
	}
	var common map[string]bool
	for _, p := range parts {
		cs := map[string]bool{}
		for _, g := range d.r.gaz.Lookup(strings.TrimSpace(p)) {
			if g.Kind != gazetteer.KindCountry && g.Country != "" && (common == nil || common[g.Country]) {
				cs[g.Country] = true
			}
		}
		if len(cs) == 0 {
			return ""
		}
		common = cs
	}
	if len(common) != 1 {
		return ""
	}
	for cc := range common {
		return cc
	}
	return ""
}

// townBefore returns the one town of the gazetteer that the document
// names before token a of sentence s (its dateline, an earlier sentence),
// in country cc when cc is given: a neighbourhood, market or camp named
// with no area beside it lies in the town the report is about ("Police in
// Derry said… in the Bogside area"). Nil when it names none or several,
// or names a division or country of cc's outside any of them. A town
// named as where someone came from, or as what a place is near, does not
// count.
func (d *docState) townBefore(s, a int, cc string) *entity {
	var town *entity
	for k := 0; k <= s && k < len(d.ments); k++ {
		if d.skip[k] {
			continue
		}
		toks := d.sents[k].Tokens
		for _, m := range d.ments[k] {
			if k == s && m.b > a {
				continue
			}
			if m.ent.class != ClassPlace || m.ent.gaz == nil || m.ent.typ == "facility" {
				continue
			}
			if m.a > 0 && (toks[m.a-1].Norm == "from" || toks[m.a-1].Norm == "near" || toks[m.a-1].Norm == "to") {
				continue
			}
			if cc != "" && m.ent.country != cc {
				return nil
			}
			if town != nil && town != m.ent {
				return nil
			}
			town = m.ent
		}
	}
	return town
}

// nearbyTown returns the one town of the gazetteer, in country cc when cc
// is given, that a short note names as "nearby" ("…elders met traders in
// nearby Kitale"): the note says it lies near the place the note is
// about, so a village of the note that no area places is placed by it,
// as by "<village>, near <town>". Nil when the note names none or several, or
// is longer than a note (shortDoc).
func (d *docState) nearbyTown(cc string) *entity {
	if len(d.sents) > shortDoc {
		return nil
	}
	var town *entity
	for k, ms := range d.ments {
		if d.skip[k] {
			continue
		}
		toks := d.sents[k].Tokens
		for _, m := range ms {
			if m.a == 0 || toks[m.a-1].Norm != "nearby" || m.ent.class != ClassPlace || m.ent.gaz == nil || m.ent.typ == "facility" {
				continue
			}
			if cc != "" && m.ent.country != cc || town != nil && town != m.ent {
				return nil
			}
			town = m.ent
		}
	}
	return town
}

// contextCountry returns the country a place found from context in
// sentence s lies in when no area is named beside it: the one country of
// the known places its sentence names as places ("Gikomba market close to
// Nairobi"), else of those the document names ("Nairobi: … a blast at
// Gikomba market"), else the one country the document names
// (strictDocCountry). Known places are stronger evidence of where things
// happen than a state named by its demonym ("the British government had
// warned"). Places named as where someone came from do not count.
func (d *docState) contextCountry(s int) string {
	if cc, ok := d.namedPlaceCountry(s, s+1); ok {
		return cc
	}
	if cc, ok := d.namedPlaceCountry(0, len(d.sents)); ok {
		return cc
	}
	return d.strictDocCountry()
}

// namedPlaceCountry returns the one country of the gazetteer's places and
// regions, and the countries named as such (not as demonyms), of sentences
// [from, to); ok is false when they name none or several.
func (d *docState) namedPlaceCountry(from, to int) (string, bool) {
	cc := ""
	for s := from; s < to && s < len(d.ments); s++ {
		if d.skip[s] {
			continue
		}
		toks := d.sents[s].Tokens
		for _, m := range d.ments[s] {
			if m.demonym || m.ent.country == "" {
				continue
			}
			switch m.ent.class {
			case ClassPlace, ClassRegion:
				if m.ent.gaz == nil {
					continue // found from context itself
				}
			case ClassCountry:
			default:
				continue
			}
			if elsewhereLand(toks, m) {
				continue
			}
			if cc != "" && cc != m.ent.country {
				return "", false
			}
			cc = m.ent.country
		}
	}
	return cc, cc != ""
}

// areaAfter returns the place or region named right after token b of
// sentence s: after a place word, a comma, a bracket or "in" ("Kambi Juu
// (Lamu county)", "Bura, Garissa", "Hola in Lamu"), and after the words
// that give the nearest known town instead ("Woroko, near Ketou", "Yola,
// coded to Kalale").
func (d *docState) areaAfter(s, b int) *entity {
	toks := d.sents[s].Tokens
	l := loadWordLists()
	j := b
	for j < len(toks) {
		// "Lokitela front in Eldas", "Kamboro estate, Nairobi", "Tal
		// sub-district, Hawija": the word after the name
		_, role, n := unitAt(l, toks, j)
		if role&(placeAdmin|placeSettle|placeMod) == 0 && (role&placePart == 0 || isUpperWord(&toks[j])) {
			break
		}
		j += n
	}
	if j >= len(toks) {
		return nil
	}
	switch toks[j].Norm {
	case ",", "(", "in":
		j++
	case "of":
		if j == 0 || placeRole(l, &toks[j-1])&(placeAdmin|placeSettle) == 0 {
			return nil
		}
		j++ // "Kamara and other villages of Molo"
	default:
		return nil
	}
	j = skipNearWords(toks, j)
	for j < len(toks) && (toks[j].Norm == "the" || directions.Has(toks[j].Norm) || unitFirst(l, toks, j)) {
		j++ // "the", "northern", "Barangay" before the area's name
	}
	m := d.mentionStarting(s, j)
	if m == nil || m.ent.class != ClassPlace && m.ent.class != ClassRegion && m.ent.class != ClassCountry {
		return nil
	}
	if n := m.b - m.a; b >= n && strings.EqualFold(m.ent.name, d.surface(s, j, m.b)) && m.ent.name == d.surface(s, b-n, b) {
		// "Kolgara (Kolgara, Atacora)": the town's area has its name; the
		// area named after that one is what it lies in
		return d.areaAfter(s, m.b)
	}
	return m.ent
}

// unitAt returns the place word at token k, its roles (0 for a word that
// is none) and how many tokens it takes: one; two for a unit named with
// two words ("union council"); three for a unit below another written
// with a hyphen, which the tokenizer splits ("sub-district",
// "sub-prefecture", "sub-county"). Past the last token it returns "", 0
// and 0. A token whose mark says that no place word starts with its word
// (markPlaceLead) is looked up in no list.
func unitAt(l *wordLists, toks []text.Token, k int) (w string, role, n int) {
	if k >= len(toks) {
		return "", 0, 0
	}
	if t := &toks[k]; markPlaceLead.surelyNot(t) {
		return t.Norm, 0, 1
	}
	return leadUnitAt(l, toks, k)
}

// leadUnitAt is unitAt of a token k whose word may start a place word
// (or is not marked): the rest of unitAt, which is inlined.
func leadUnitAt(l *wordLists, toks []text.Token, k int) (w string, role, n int) {
	t := &toks[k]
	if t.Norm == "sub" && k+2 < len(toks) && joinedHyphen(toks, k+1) {
		if w, role := joinedPlaceWord(l, "sub", "-", toks[k+2].Norm); role != 0 {
			return w, role, 3
		}
	}
	if k+1 < len(toks) && toks[k+1].Kind == text.Word {
		if w, role := joinedPlaceWord(l, t.Norm, " ", toks[k+1].Norm); role != 0 {
			return w, role, 2
		}
	}
	return t.Norm, l.placeWords[t.Norm], 1
}

// joinedPlaceWord returns the place word a+sep+b and its roles, or "" and
// 0 when that is no place word; the words are joined on the stack, so that
// a pair that is none costs no allocation.
func joinedPlaceWord(l *wordLists, a, sep, b string) (string, int) {
	var buf [48]byte
	w := append(append(append(buf[:0], a...), sep...), b...)
	role := l.placeWords[string(w)]
	if role == 0 {
		return "", 0
	}
	return string(w), role
}

// placeRole returns the roles of token t's word as a place word of one
// token, 0 for a word that is none; a token whose mark says that no place
// word starts with its word (markPlaceLead) is not looked up.
func placeRole(l *wordLists, t *text.Token) int {
	if markPlaceLead.surelyNot(t) {
		return 0
	}
	return l.placeWords[t.Norm]
}

// subUnitStart returns where the capitalised "Sub-X" unit word that ends
// the run [a, end) starts ("Tal Sub-District", "Kolo Sub-Prefecture"),
// or a when the run ends otherwise or holds nothing before it.
func subUnitStart(l *wordLists, toks []text.Token, a, end int) int {
	u := end - 3
	if u <= a {
		return a
	}
	if _, role, n := unitAt(l, toks, u); n == 3 && role&placeAdmin != 0 {
		return u
	}
	return a
}

// unitFirst reports whether token j is a capitalised unit word written
// before a name ("Barangay Lumbo"): the area is the name after it.
func unitFirst(l *wordLists, toks []text.Token, j int) bool {
	return placeRole(l, &toks[j])&placePrefix != 0 && isUpperWord(&toks[j]) && j+1 < len(toks) && isUpperWord(&toks[j+1])
}

// knownArea returns the gazetteer's division or place of that name
// before an administrative word ("Mandera County", "Dadaab District"),
// which the name matcher leaves alone as part of a longer name: a region
// before a place, one of a country the document names before others, nil
// when that leaves more than one. A hamlet abroad (hamletAbroad) is no
// reading: "Seno province" in a note about the Sahel is not a village of
// forty people in Spain.
func (d *docState) knownArea(name string) *gazetteer.Entry {
	var best *gazetteer.Entry
	bestRank := 0
	tie := false
	for _, g := range d.r.gaz.Lookup(name) {
		if g.Kind == gazetteer.KindCountry || d.hamletAbroad(g) {
			continue
		}
		rank := 1
		if g.Kind == gazetteer.KindRegion {
			rank += 2
		}
		if d.countryCount.get(g.Country) > 0 {
			rank += 4
		}
		switch {
		case rank > bestRank:
			best, bestRank, tie = g, rank, false
		case rank == bestRank:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

// seatMin is the population below which a place cannot be the town a
// division is named after, in a country the document does not name.
const seatMin = 1000

// hamletAbroad reports whether gazetteer entry g is a populated place
// (GeoNames feature PPL…) of fewer than seatMin people, or of no known
// population, in a country the document does not name: a division named
// with its unit word is named after a town, and a namesake hamlet of
// another land is a coincidence of spelling, most often with a division
// the gazetteer does not list. A division the gazetteer lists as a place
// (feature ADM…: "Bohol") is none.
func (d *docState) hamletAbroad(g *gazetteer.Entry) bool {
	return g.Kind == gazetteer.KindPlace && strings.HasPrefix(g.Feature, "PPL") && g.Population < seatMin && d.countryCount.get(g.Country) == 0
}

// docCountry returns the one country the document is in, judged by the
// countries it names (not as where other people come from: othersOrigin)
// and the regions (first-level divisions) it names, or "" when it names
// none or several.
func (d *docState) docCountry() string {
	if d.docCountryDone {
		return d.docCC
	}
	d.docCountryDone = true
	cc := ""
	for _, ms := range d.ments {
		for _, m := range ms {
			if m.ent.class != ClassCountry && m.ent.class != ClassRegion || m.ent.country == "" {
				continue
			}
			if m.ent.class == ClassRegion && m.ent.gaz == nil || m.ent.class == ClassCountry && othersOrigin(d.sents[m.s].Tokens, m) {
				continue
			}
			if cc != "" && cc != m.ent.country {
				return ""
			}
			cc = m.ent.country
		}
	}
	d.docCC = cc
	return cc
}

// regionSkeletons maps the consonant skeleton of every first-level
// division's names to the divisions, built on first use.
var (
	skeletonOnce   sync.Once
	regionSkeleton map[string][]*gazetteer.Entry
)

func (d *docState) regionSkeletons() map[string][]*gazetteer.Entry {
	skeletonOnce.Do(func() {
		regionSkeleton = map[string][]*gazetteer.Entry{}
		d.r.gaz.Each(func(e *gazetteer.Entry) bool {
			if e.Kind == gazetteer.KindPlace {
				return false // places come last: none is decoded
			}
			if e.Kind != gazetteer.KindRegion {
				return true
			}
			seen := map[string]bool{}
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				k := skeleton(n)
				if len(k) >= 3 && !seen[k] {
					seen[k] = true
					regionSkeleton[k] = append(regionSkeleton[k], e)
				}
			}
			return true
		})
	})
	return regionSkeleton
}

// adminWords are the words a division's reference name may carry that
// news copy leaves out or adds: "Paktia Province".
var adminWords = grammarList("adminWords")

// skeleton is a spelling-independent key of a place name: its words other
// than administrative ones, folded to ASCII, with vowels (after the
// first letter), "y", "h" and "w" dropped and doubled letters collapsed.
// Paktia and Paktiya, Nangarhar and Ningarhar share one.
func skeleton(name string) string { return skeletonOfNorm(text.Normalize(name)) }

// skeletonOfNorm is skeleton for a name already normalized (the
// gazetteer's name index holds its names so).
func skeletonOfNorm(norm string) string {
	var buf [64]byte
	b := buf[:0]
	for rest := norm; ; {
		var w string
		if w, rest = nextField(rest); w == "" {
			break
		}
		if adminWords.Has(w) {
			continue
		}
		first := true
		var last byte
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c < 'a' || c > 'z' {
				continue
			}
			if !first && skeletonDropped(c) {
				continue
			}
			if c != last {
				b = append(b, c)
			}
			last, first = c, false
		}
	}
	return string(b)
}

// skeletonDropped reports whether skeleton drops letter c after a word's
// first: a vowel, "y", "h" or "w".
func skeletonDropped(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'h', 'w':
		return true
	}
	return false
}

// nextField returns the first field of s as strings.Fields splits it
// (ASCII and Unicode white space) and what follows it; "" when s has no
// more fields.
func nextField(s string) (field, rest string) {
	i := spaceEdge(s, 0, false)
	if i == len(s) {
		return "", ""
	}
	j := spaceEdge(s, i, true)
	return s[i:j], s[j:]
}

// spaceEdge returns the first byte from i on of a rune of s that is white
// space (space) or is not (!space), len(s) for none. An ASCII byte is
// tested in place, a rune beyond ASCII decoded: the gazetteer's names are
// most of them ASCII, and placeSkeletons reads them all.
func spaceEdge(s string, i int, space bool) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace(c) == space {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) == space {
			return i
		}
		i += n
	}
	return i
}

// asciiSpace reports whether ASCII byte c is white space as
// unicode.IsSpace has it.
func asciiSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return true
	}
	return false
}

// regionBySkeleton returns the one first-level division of a country the
// document names whose skeleton is that of name, or nil.
func (d *docState) regionBySkeleton(name string) *gazetteer.Entry {
	k := skeleton(name)
	if len(k) < 3 {
		return nil
	}
	var found *gazetteer.Entry
	for _, e := range d.regionSkeletons()[k] {
		if d.countryCount.get(e.Country) == 0 || !sameInitial(e.Name, name) {
			continue
		}
		if found != nil && found != e {
			return nil
		}
		found = e
	}
	return found
}

// minPlaceSkeleton is the shortest skeleton placeBySkeleton reads: with
// fewer consonants ("lwk" for El Wak and Elwak) too many names of the
// world share one.
const minPlaceSkeleton = 5

// placeBySkeleton returns the town or district of the gazetteer that a
// place name found from context spells otherwise ("Mpekatoni" for
// Mpeketoni, "Bulo Burte" for Bulo Burti): the entries sharing its
// consonant skeleton (of minPlaceSkeleton letters or more) and its
// initial, when they are places (not countries or first-level divisions,
// which regionBySkeleton reads) and all lie in one country, and, if the
// document names countries by their names, in one of those. Nil
// otherwise.
func (d *docState) placeBySkeleton(name string) *gazetteer.Entry {
	k := skeleton(name)
	if len(k) < minPlaceSkeleton {
		return nil
	}
	var found *gazetteer.Entry
	t := d.placeSkeletons()
	lo, hi := t.find(k)
	for j := lo; j < hi; j++ {
		g := d.r.gaz.At(t.entry(j))
		if g.Kind != gazetteer.KindPlace || g.Country == "" || !sameInitial(g.Name, name) {
			return nil
		}
		if found != nil && found.Country != g.Country {
			return nil
		}
		if found == nil || g.Population > found.Population {
			found = g
		}
	}
	if found != nil && !d.countryNamedOrNone(found.Country) {
		return nil
	}
	return found
}

// countryNamedOrNone reports whether the document names country cc by its
// name, or names no country by its name at all (demonyms and the home
// countries of armed groups do not count: "al Shabaab" says nothing of
// where a note's village lies).
func (d *docState) countryNamedOrNone(cc string) bool {
	named := false
	for _, ms := range d.ments {
		for _, m := range ms {
			if m.ent.class != ClassCountry || m.demonym || m.ent.country == "" {
				continue
			}
			if m.ent.country == cc {
				return true
			}
			named = true
		}
	}
	return !named
}

// spellings returns the ways of writing a place name that transliteration
// varies: as given, and with its words run together ("El Wak" and
// "Elwak", "Bulo Burte" and Buloburte).
func spellings(name string) []string {
	if joined := strings.ReplaceAll(name, " ", ""); joined != name {
		return []string{name, joined}
	}
	return []string{name}
}

// townOfDivisions returns the province and country of a town the
// gazetteer lacks but names divisions after ("Kisumu North", "Kisumu
// East": divisionPoints), when those divisions all lie in one province
// of one country that the document names by its name or names no country
// at all: "a police post in Elwak" lies in the province of Elwak North
// and Elwak South. Nil and "" otherwise.
func (d *docState) townOfDivisions(name string) (*entity, string) {
	region, cc := "", ""
	for _, n := range spellings(name) {
		for _, w := range divisionPoints.Words() {
			for _, g := range d.r.gaz.Lookup(n + " " + w) {
				if g.Kind != gazetteer.KindPlace || g.Country == "" || g.Region == "" || text.Normalize(g.Name) != text.Normalize(n+" "+w) {
					continue
				}
				if cc != "" && (g.Country != cc || g.Region != region) {
					return nil, ""
				}
				region, cc = g.Region, g.Country
			}
		}
	}
	if cc == "" || !d.countryNamedOrNone(cc) {
		return nil, ""
	}
	r := d.r.gaz.ByID(region)
	if r == nil {
		return nil, ""
	}
	return d.entityFor(d.r.gazCand(r)), cc
}

// divisionPoints are the compass words that name a division after the
// town it lies around.
var divisionPoints = grammarList("divisionPoints")

// placeByVowelLength returns the one town of the gazetteer whose name is
// the given name with a vowel written long or short ("Dif" and Diif,
// "Garisa" and Garissa is not: consonants stay), when it lies in a
// country the document names by its name or the document names none.
// Transliterations of Somali, Arabic and Swahili names write a long
// vowel with one letter or two.
func (d *docState) placeByVowelLength(name string) *gazetteer.Entry {
	var found *gazetteer.Entry
	for _, v := range vowelVariants(name) {
		for _, g := range d.r.gaz.Lookup(v) {
			if g.Kind != gazetteer.KindPlace || g.Country == "" {
				continue
			}
			if found != nil && found != g {
				return nil
			}
			found = g
		}
	}
	if found == nil || !d.countryNamedOrNone(found.Country) {
		return nil
	}
	return found
}

// vowelVariants returns name with each single vowel doubled and each
// doubled vowel made single, one change at a time.
func vowelVariants(name string) []string {
	var out []string
	isVowel := func(c byte) bool { return strings.IndexByte("aeiouAEIOU", c) >= 0 }
	for i := 0; i < len(name); i++ {
		if !isVowel(name[i]) {
			continue
		}
		if i+1 < len(name) && name[i+1] == name[i] {
			out = append(out, name[:i]+name[i+1:])
			i++
			continue
		}
		out = append(out, name[:i+1]+name[i:])
	}
	return out
}

func sameInitial(a, b string) bool {
	na, nb := text.Normalize(a), text.Normalize(b)
	return na != "" && nb != "" && na[0] == nb[0]
}

// venueModifiers are the nouns that stand before a venue word in its
// name: "police station", "military post", "bus station".
var venueModifiers = grammarList("venueModifiers")

// venueSynonyms maps a venue modifier to the one its key uses, so that
// one facility reported as "an army base" and "a military base" of the
// same town is one place: army → military (armed forces' sites), gas and
// fuel → petrol (filling stations), train → railway (stations).
var venueSynonyms = map[string]string{"army": "military", "gas": "petrol", "fuel": "petrol", "train": "railway"}

// venueKey is the key part of a venue phrase ("army base" → "military
// base").
func venueKey(phrase string) string {
	words := strings.Fields(phrase)
	for i, w := range words {
		if c, ok := venueSynonyms[w]; ok {
			words[i] = c
		}
	}
	return strings.Join(words, " ")
}

// findVenues finds facilities named with the town or district they lie
// in ("a police station in Bura", "Hola police station") and adds each
// as a place of type "facility" inside it.
func (d *docState) findVenues() {
	for si, s := range d.sents {
		if d.skip[si] {
			continue
		}
		toks := s.Tokens
		for v := 0; v < len(toks); v++ {
			if toks[v].Kind != text.Word || !markVenue.has(&toks[v]) || d.covered(si, v) {
				continue
			}
			d.venueAt(si, v)
		}
	}
}

// venueAt reads the venue whose word is token v of sentence s.
func (d *docState) venueAt(s, v int) {
	toks := d.sents[s].Tokens
	if isUpperWord(&toks[v]) && v+1 < len(toks) && isUpperWord(&toks[v+1]) {
		return // inside a longer name: "Marg Bar Sarmachar"
	}
	a := v
	for a > 0 && a > v-2 && venueModifiers.Has(toks[a-1].Norm) && !d.covered(s, a-1) {
		a--
	}
	var town *entity
	named := false
	if m := d.mentionEnding(s, a); m != nil && (m.ent.class == ClassPlace || m.ent.class == ClassRegion) && !d.venueQualifier(s, v, m) {
		town = m.ent // "Hola police station", "Garissa market"
	} else if a > 0 && isUpperWord(&toks[a-1]) && !d.covered(s, a-1) && a-1 > 0 && !d.r.stopwords.Has(toks[a-1].Norm) {
		named = true // "Juba Primary School" is a run of its own; "Rolando cafe"
		for a > 1 && isUpperWord(&toks[a-1]) && !d.covered(s, a-1) && !d.r.stopwords.Has(toks[a-1].Norm) {
			a--
		}
	}
	if town == nil {
		// "a police station in Bura", "the market of Garissa"
		if v+2 < len(toks) && (toks[v+1].Norm == "in" || toks[v+1].Norm == "of" || toks[v+1].Norm == "at") {
			if m := d.mentionStarting(s, v+2); m != nil && (m.ent.class == ClassPlace || m.ent.class == ClassRegion) {
				town = m.ent
			}
		}
	}
	if town == nil && !named {
		return
	}
	phrase := strings.ToLower(d.surface(s, a, v+1))
	name := d.surface(s, a, v+1)
	cc, key := "", name
	if town != nil {
		cc = town.country
		if !named {
			name = town.name + " " + phrase
			key = town.name + " " + venueKey(phrase)
		}
	}
	e := d.entityFor(&cand{class: ClassPlace, key: "place/" + keyCountry(cc) + "-" + slug(key), name: name, country: cc})
	e.typ, e.conf = "facility", 0.6
	if e.within == nil && town != nil {
		e.within = town
	}
	d.addMention(d.newMention(mention{s: s, a: a, b: v + 1, ent: e}), "")
}

// venueQualifier reports whether place mention m, right before the venue
// word at token v of sentence s, only qualifies the venue: the phrase
// places the venue "in" a town or area of another country ("the
// Christmas market in Strasbourg": not Christmas, Florida). A venue lies
// in one place; the mention is dropped, and the name before the venue
// word becomes part of the venue's own name.
func (d *docState) venueQualifier(s, v int, m *mention) bool {
	toks := d.sents[s].Tokens
	if v+2 >= len(toks) || toks[v+1].Norm != "in" || m.ent.country == "" {
		return false
	}
	in := d.mentionStarting(s, v+2)
	if in == nil || in.ent.class != ClassPlace && in.ent.class != ClassRegion && in.ent.class != ClassCountry || in.ent.country == "" || in.ent.country == m.ent.country {
		return false
	}
	m.ent.mentions = removeMention(m.ent.mentions, m)
	d.ments[s] = removeMention(d.ments[s], m)
	return true
}

// listedBefore adds to spans the names listed before a plural place word:
// "Yumbisa and Welmar villages" names two villages.
func (d *docState) listedBefore(spans []placeSpan, s int) []placeSpan {
	toks := d.sents[s].Tokens
	n := len(spans)
	for i := 0; i < n; i++ {
		sp := spans[i]
		if sp.word != "villages" && sp.word != "areas" {
			continue
		}
		j := sp.a - 1
		for j > 0 && (toks[j].Norm == "and" || toks[j].Norm == ",") {
			a := j
			for a > 0 && isUpperWord(&toks[a-1]) && !d.covered(s, a-1) && !toks[a-1].AllCaps() {
				a--
			}
			if a == j || d.r.stopwords.Has(toks[a].Norm) {
				break
			}
			spans = append(spans, placeSpan{a: a, b: j, word: sp.word, after: sp.b})
			j = a - 1
		}
	}
	sortLike(spans, func(x, y placeSpan) bool { return x.a < y.a })
	return spans
}

// placeParticles are the lower-case words inside place names: "Calle del
// Correo", "Rio de Janeiro", "Bois de la Cambre".
var placeParticles = grammarList("placeParticles")

// placeParticles extends a name run ending at end over particles followed
// by capitalised words.
func (d *docState) placeParticles(s, end int) int {
	toks := d.sents[s].Tokens
	for {
		k := end
		for k < len(toks) && k < end+2 && (placeParticles.Has(toks[k].Norm) && !isUpperWord(&toks[k]) || k > end && joinedHyphen(toks, k)) {
			k++ // "Calle de la Paz", "Badiyat al-Tawil"
		}
		if k == end || k >= len(toks) || !isUpperWord(&toks[k]) || d.covered(s, k) {
			return end
		}
		e := d.nameRun(s, k)
		if e == k {
			return end
		}
		end = e
	}
}

// joinedHyphen reports whether token k is a hyphen written without spaces
// between two words ("al-Tawil").
func joinedHyphen(toks []text.Token, k int) bool {
	return toks[k].Norm == "-" && !toks[k].SpaceBefore && k+1 < len(toks) && !toks[k+1].SpaceBefore
}

// liesIn reports whether place a lies in place b, through the chain of
// areas each lies within: a venue in its town, a village in its district.
func liesIn(a, b *entity) bool {
	for w, n := a.within, 0; w != nil && n < 8; w, n = w.within, n+1 {
		if w == b {
			return true
		}
	}
	return false
}
