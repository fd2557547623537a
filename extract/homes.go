package extract

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// homeCountries returns data/homecountries.tsv: for a community, a party
// or movement, or an armed group or force of the lexicon (by its key), the
// countries it lives and fights in. It panics if the file is malformed,
// which TestHomeCountriesLoad rules out.
func homeCountries() map[string][]string {
	homesOnce.Do(func() {
		h, err := parseHomeCountries()
		if err != nil {
			panic("extract: embedded word lists: " + err.Error())
		}
		homes = h
	})
	return homes
}

var (
	homesOnce sync.Once
	homes     map[string][]string
)

func parseHomeCountries() (map[string][]string, error) {
	out := map[string][]string{}
	err := eachRow(wordFiles, "data/homecountries.tsv", 3, func(f []string) error {
		if _, ok := out[f[0]]; ok {
			return fmt.Errorf("%q listed twice", f[0])
		}
		var ccs []string
		for _, cc := range strings.Split(f[1], "|") {
			if len(cc) != 2 || cc != strings.ToUpper(cc) {
				return fmt.Errorf("country %q is not an ISO alpha-2 code", cc)
			}
			ccs = append(ccs, cc)
		}
		out[f[0]] = ccs
		return nil
	})
	return out, err
}

// homesOf returns the countries participant e lives and fights in, nil
// when none is known: a curated group's by its key (a group that fights
// across borders has several), else its home country from the lexicon;
// a community's militia or people by the community's name ("Pokot
// militia", "Tugen herders"); an organisation found by its name ("ODM
// members").
func homesOf(e *entity) []string {
	h := homeCountries()
	switch {
	case e.curated:
		_, key, _ := strings.Cut(e.key, "/")
		if ccs, ok := h[key]; ok {
			return ccs
		}
		if e.country != "" && (e.class == ClassArmedGroup || e.class == ClassStateForce) {
			return []string{e.country}
		}
		return nil
	case e.typ == "ethnic militia":
		return h[strings.ToLower(strings.TrimSuffix(e.name, " militia"))]
	case e.class == ClassOrganization:
		return h[strings.ToLower(e.name)]
	}
	var out []string
	for _, c := range e.communities {
		out = sharedHomes(out, h[strings.ToLower(c)], out == nil)
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
// share. A group that fights in several countries gives none by itself
// ("al Shabaab gunmen threw a grenade"); nor does a participant named as
// coming from a country ("raiders from Sudan"), nor a document that names
// another country by its name. Where no participant has a home, a short
// note's other groups, movements and communities stand in for them ("A
// bomb went off in a bus. Police blamed Mungiki."): a note tells of one
// incident.
func (d *docState) participantCountry(f *frame) string {
	parts := append(append(append([]*entity(nil), f.actors...), f.agents...), f.targets...)
	cc, known, ok := sharedHomesOf(parts)
	if ok && !known && len(d.sents) <= shortDoc {
		cc, _, ok = sharedHomesOf(d.namedSides())
	}
	if !ok || len(cc) != 1 || d.namesOtherCountry(cc[0]) {
		return ""
	}
	return cc[0]
}

// sharedHomesOf returns the countries that the homes of es (homesOf)
// have in common, whether any of es has a home (known), and false when
// one of es was given a country outside its homes ("Murle raiders from
// Ethiopia": a people of another land, come from elsewhere).
func sharedHomesOf(es []*entity) (cc []string, known, ok bool) {
	for _, e := range es {
		h := homesOf(e)
		if h == nil {
			continue
		}
		if !e.curated && e.country != "" && !slices.Contains(h, e.country) {
			return nil, known, false
		}
		cc = sharedHomes(cc, h, !known)
		known = true
	}
	return cc, known, true
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
