package extract

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/text"
)

// home is where one name of data/homecountries.tsv lives and fights: its
// countries, and its main home, the one country of them where most of a
// people lives ("" when none holds most, or the name is no people of
// one land).
type home struct {
	ccs  []string
	main string
}

// homeCountries returns data/homecountries.tsv: for a community, a party
// or movement, a national company or institution, or an armed group or
// force of the lexicon (by its key), where it lives and fights. It panics
// if the file is malformed, which TestHomeCountriesLoad rules out.
func homeCountries() map[string]home {
	homesOnce.Do(func() {
		h, err := parseHomeCountries()
		if err != nil {
			panic("extract: embedded word lists: " + err.Error())
		}
		homes = h
		homeStarts = newWordSet(startWords(h))
	})
	return homes
}

var (
	homesOnce sync.Once
	homes     map[string]home
	// homeStarts are the words a name of homes can start with, as a
	// token's normalised form is (startWords)
	homeStarts wordSet
)

// homeNameStarts reports whether a name of data/homecountries.tsv can
// start with word, a token's normalised form: the one test homeNameAt
// asks of most capitalised words of a text, before it makes the
// spellings of the runs of words from it.
func homeNameStarts(word string) bool {
	homeCountries()
	return homeStarts.Has(word)
}

// startWords returns the words the names of h can start with: the first
// word of each, whole and up to each character other than a letter or
// digit in it ("zanu" and "zanu-pf" of "zanu-pf"), whichever a
// tokeniser makes of it.
func startWords(h map[string]home) map[string]bool {
	out := map[string]bool{}
	for name := range h {
		first, _, _ := strings.Cut(name, " ")
		out[first] = true
		for i, r := range first {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && i > 0 {
				out[first[:i]] = true
			}
		}
	}
	return out
}

// parseHomeCountries reads data/homecountries.tsv. A country column of
// one country is that name's main home; "KE>UG" writes a main home (KE)
// before ">" and the other lands after it, "KE|UG" lands of which none
// holds most.
func parseHomeCountries() (map[string]home, error) {
	return parseHomes("data/homecountries.tsv")
}

// parseHomes reads a file of names and their homes laid out as
// data/homecountries.tsv.
func parseHomes(path string) (map[string]home, error) {
	out := map[string]home{}
	err := eachRow(wordFiles, path, 3, func(f []string) error {
		if _, ok := out[f[0]]; ok {
			return fmt.Errorf("%q listed twice", f[0])
		}
		main, rest, marked := strings.Cut(f[1], ">")
		if !marked {
			main, rest = "", f[1]
		}
		var h home
		for _, cc := range append(strings.Split(main, "|"), strings.Split(rest, "|")...) {
			if cc == "" && !marked {
				continue
			}
			if len(cc) != 2 || cc != strings.ToUpper(cc) {
				return fmt.Errorf("%s: country %q is not an ISO alpha-2 code", f[0], cc)
			}
			h.ccs = append(h.ccs, cc)
		}
		h.main = main
		if len(h.ccs) == 1 {
			h.main = h.ccs[0]
		}
		if strings.Contains(main, "|") {
			return fmt.Errorf("%s: one main home before %q", f[0], ">")
		}
		out[f[0]] = h
		return nil
	})
	return out, err
}

// homesOf returns where participant e lives and fights, no countries when
// none is known: a curated group's by its key (a group that fights
// across borders has several), else its home country from the lexicon;
// a community's militia or people by the community's name ("Pokot
// militia", "Tugen herders"); an organisation or armed group found by
// its shape, by its name ("NRM members", "Mai-Mai rebels").
func homesOf(e *entity) home {
	h := homeCountries()
	switch {
	case e.curated:
		_, key, _ := strings.Cut(e.key, "/")
		if hm, ok := h[key]; ok {
			return hm
		}
		if e.country != "" && (e.class == ClassArmedGroup || e.class == ClassStateForce) {
			return home{ccs: []string{e.country}, main: e.country}
		}
		return home{}
	case e.typ == "ethnic militia":
		return h[strings.ToLower(strings.TrimSuffix(e.name, " militia"))]
	case e.class == ClassOrganization, e.side:
		return h[strings.ToLower(e.name)]
	}
	var out home
	for i, c := range e.communities {
		out = joinHomes(out, h[strings.ToLower(c)], i == 0)
	}
	return out
}

// joinHomes returns the homes that a and b share (sharedHomes) with the
// main home both have, "" when they differ; b when first.
func joinHomes(a, b home, first bool) home {
	if first {
		return b
	}
	out := home{ccs: sharedHomes(a.ccs, b.ccs, false)}
	if a.main == b.main {
		out.main = a.main
	}
	return out
}

// sharedHomes returns the countries of a that b also holds, or b when
// first.
func sharedHomes(a, b []string, first bool) []string {
	if first {
		return b
	}
	var out []string
	for _, c := range a {
		for _, x := range b {
			if c == x {
				out = append(out, c)
			}
		}
	}
	if out == nil {
		return []string{} // none shared: no country, not unknown
	}
	return out
}

// participantCountry returns the one country that the homes of an
// event's participants (homesOf) have in common, when no place, no
// country named and no state force gives one: raiders of a people that
// lives in one country raid there ("Samburu raiders attacked herders"),
// and two peoples of a border land that clash do so in the country they
// share. Where the homes share several countries, a people most of whom
// live in one of them is read there ("Luhya youths": most Luhya live in
// Kenya), unless a participant is said to come from a land. A group that
// fights in several countries gives none by itself ("al Shabaab gunmen
// threw a grenade"); nor does a participant named as coming from a
// country outside its homes ("raiders from Sudan"), nor a document that
// names another country by its name. Where no participant has a home, a
// short note's other groups, movements and communities stand in for
// them ("A bomb went off in a bus. Police blamed Mungiki."); and the
// names of a land it writes that no entity holds (writtenHomes: "the X
// Party primaries", "a mast of Y Telecom") place it, or narrow the lands
// of participants who live and fight in several: a note tells of one
// incident. A land the note names as where captives were held or taken,
// or whose nationals or refugees it names, is not where the participants
// struck (outsideLands); the currency a short note counts money in
// narrows them too, or places it alone (narrowByCurrency).
func (d *docState) participantCountry(f *frame) string {
	parts := append(append(append([]*entity(nil), f.actors...), f.agents...), f.targets...)
	hm, known, ok := sharedHomesOf(parts)
	if ok && !known && len(d.sents) <= shortDoc {
		hm, known, ok = sharedHomesOf(d.namedSides())
	}
	if ok && (!known || len(hm.ccs) > 1) && len(d.sents) <= shortDoc {
		if w, any := sharedOf(d.writtenHomes()); any {
			hm = joinHomes(hm, w, !known)
		}
	}
	if ok && len(d.sents) <= shortDoc {
		hm = narrowByCurrency(hm, d.currencyHomes())
	}
	hm = outsideLands(hm, append(d.captiveLands(), d.foreignerLands()...))
	cc := hm.ccs
	if len(cc) > 1 && hm.main != "" && slices.Contains(cc, hm.main) {
		cc = []string{hm.main}
	}
	if !ok || len(cc) != 1 || d.namesOtherCountry(cc[0]) {
		return ""
	}
	return cc[0]
}

// sharedHomesOf returns the homes of es (homesOf) joined (joinHomes),
// whether any of es has a home (known), and false when one of es was
// given a country outside its homes ("Murle raiders from Ethiopia": a
// people of another land, come from elsewhere). A participant given a
// country inside its homes ("Luhya youths from Uganda") leaves no main
// home: it came from one of its lands, into another.
func sharedHomesOf(es []*entity) (hm home, known, ok bool) {
	hs := make([]home, 0, len(es))
	for _, e := range es {
		h := homesOf(e)
		if h.ccs == nil {
			continue
		}
		if !e.curated && e.country != "" {
			if !slices.Contains(h.ccs, e.country) {
				return home{}, true, false
			}
			h.main = ""
		}
		hs = append(hs, h)
	}
	hm, known = sharedOf(hs)
	return hm, known, true
}

// sharedOf joins hs (joinHomes) and reports whether there were any.
func sharedOf(hs []home) (home, bool) {
	var out home
	for i, h := range hs {
		out = joinHomes(out, h, i == 0)
	}
	return out, len(hs) > 0
}

// namedSides returns the armed groups, organisations and civilians the
// document names: those homesOf may know.
func (d *docState) namedSides() []*entity {
	var out []*entity
	for _, e := range d.order {
		switch e.class {
		case ClassArmedGroup, ClassOrganization, ClassCivilians:
			if len(e.mentions) > 0 {
				out = append(out, e)
			}
		}
	}
	return out
}

// maxHomeWords is the length in words of the longest name writtenHomes
// looks up.
const maxHomeWords = 4

// writtenHomes returns the homes of the names of data/homecountries.tsv
// that the document writes outside any entity: a party, company or
// people a reader places ("rival groups fought in the CCM primaries").
// A name counts written in capitals, or capitalised away from the start
// of its sentence, where a capital says nothing.
func (d *docState) writtenHomes() []home {
	return d.appendWrittenHomes(nil, true)
}

// appendWrittenHomes appends to out the homes of the names of
// data/homecountries.tsv the document writes (writtenHomes), only those
// outside any entity when outside.
func (d *docState) appendWrittenHomes(out []home, outside bool) []home {
	h := homeCountries()
	for si, s := range d.sents {
		for i := 0; i < len(s.Tokens); i++ {
			if t := &s.Tokens[i]; !t.UpperWord() || !homeNameFirst(t, i) {
				continue // most words are lower case, tested here without a call
			}
			if hm, b := d.homeNameAt(h, si, i, outside); b > i {
				out = append(out, hm)
				i = b - 1 // "ZANU-PF" is one name, not "PF" again
			}
		}
	}
	return out
}

// homeNameFirst reports whether token t, the i-th of its sentence, can
// be the first word of a name writtenHomes counts: capitalised away from
// the sentence's start, in capitals at it, and a word a name of
// data/homecountries.tsv starts with (homeNameStarts; homeCountries has
// loaded them).
func homeNameFirst(t *text.Token, i int) bool {
	return isUpperWord(t) && (i > 0 || t.AllCaps()) && homeStarts.Has(t.Norm)
}

// homeNameAt returns the home of the longest name of h that starts at
// token i of sentence s, outside any entity but a person's own name when
// outside, and where it ends; i when none does. Token i is one a name
// can start with (homeNameFirst).
func (d *docState) homeNameAt(h map[string]home, s, i int, outside bool) (home, int) {
	toks := d.sents[s].Tokens
	for b := min(len(toks), i+maxHomeWords); b > i; b-- {
		if outside && d.coveredAny(s, i, b) && !d.personSpan(s, i, b) {
			continue
		}
		if hm, ok := h[strings.ToLower(d.surface(s, i, b))]; ok {
			return hm, b
		}
	}
	return home{}, i
}

// personSpan reports whether a person's mention spans exactly tokens
// [a, b) of sentence s: a leader listed by the full name, which the
// given-name list reads as a person ("Daniel Ortega").
func (d *docState) personSpan(s, a, b int) bool {
	for _, m := range d.ments[s] {
		if m.a == a && m.b == b && m.ent.class == ClassPerson {
			return true
		}
	}
	return false
}

// coveredAny reports whether an entity covers any of tokens [a, b) of
// sentence s.
func (d *docState) coveredAny(s, a, b int) bool {
	for k := a; k < b; k++ {
		if d.covered(s, k) {
			return true
		}
	}
	return false
}

// homeNamesakeCountry returns the country of the first of places that no
// country places and whose name holds a name of data/homecountries.tsv
// with one country: a place beyond the gazetteer named after a leader,
// party or people of one land lies in it ("a blast at the Museveni
// Stadium", "the Kagame Road checkpoint"). Like namesakeCountry it is the
// weakest evidence of an event's country. "" when no such place, or when
// the name's home spans several countries.
func homeNamesakeCountry(places []*entity) string {
	for _, p := range places {
		if placeCountry(p) != "" {
			continue
		}
		if cc := homeNameIn(p.name); cc != "" {
			return cc
		}
	}
	return ""
}

// homeNameIn returns the one country of the longest name of
// data/homecountries.tsv that name holds word for word, "" when it holds
// none or that name's home spans several countries.
func homeNameIn(name string) string {
	h := homeCountries()
	w := strings.Fields(strings.ToLower(name))
	for i := range w {
		for b := min(len(w), i+maxHomeWords); b > i; b-- {
			if hm, ok := h[strings.Join(w[i:b], " ")]; ok {
				if len(hm.ccs) == 1 {
					return hm.ccs[0]
				}
				return ""
			}
		}
	}
	return ""
}
