package extract

import (
	"slices"
	"strings"
)

// A people's name is often a land's too: Meru is a county and its
// people, Afar a region and a people of Ethiopia. Where the text speaks
// of the people ("Meru raiders", "fighting between Meru and Embu") the
// gazetteer's namesake is no place of the event.
// dropCommunityPlaces removes such place mentions; one that stands where a
// place stands ("in Meru", "Embu town") is kept.

// peopleJoins join the names of a list of peoples: "Meru and Embu",
// "Amhara, Afar and Oromo".
var peopleJoins = grammarList("peopleJoins")

// dropCommunityPlaces removes the place mentions that name a community
// (data/homecountries.tsv) where the sentence speaks of the people
// (communityStand).
func (d *docState) dropCommunityPlaces() {
	for s := range d.ments {
		var drop []*mention
		for _, m := range d.ments[s] {
			if (m.ent.class == ClassPlace || m.ent.class == ClassRegion) && d.communityMention(s, m) && d.communityStand(s, m) {
				drop = append(drop, m)
			}
		}
		for _, m := range drop {
			d.ments[s] = removeMention(d.ments[s], m)
			m.ent.mentions = removeMention(m.ent.mentions, m)
			d.joinCommunity(s, m)
		}
	}
}

// joinCommunity gives the civilians whose mention holds the community name
// of mention m ("Meru herders") that community, which the participant
// rules read as a place's people while m was a place: where they live
// then says where they were.
func (d *docState) joinCommunity(s int, m *mention) {
	name := d.surface(s, m.a, m.b)
	for _, x := range d.ments[s] {
		if x.ent.class == ClassCivilians && x.a <= m.a && m.b <= x.b && !slices.Contains(x.ent.communities, name) {
			x.ent.communities = append(x.ent.communities, name)
		}
	}
}

// isCommunity reports whether name (lower case) is one of a community,
// party or movement whose home data/homecountries.tsv gives.
func isCommunity(name string) bool {
	_, ok := homeCountries()[name]
	return ok
}

// communityMention reports whether mention m of sentence s is written as
// a community's name.
func (d *docState) communityMention(s int, m *mention) bool {
	return !m.demonym && isCommunity(strings.ToLower(d.surface(s, m.a, m.b)))
}

// communityStand reports whether the community name of mention m stands
// where a people stands: before a word for its fighters or kin ("Meru
// raiders", "Afar clan"), or in a list of such names ("between Meru and
// Embu", "Amhara and Afar clashed") that no place preposition opens and
// no place word ends ("in Meru and Embu", "Meru and Embu counties" are
// lands).
func (d *docState) communityStand(s int, m *mention) bool {
	toks := d.sents[s].Tokens
	a, b, n := m.a, m.b, 1
	for a >= 2 && peopleJoins.Has(toks[a-1].Norm) {
		x := d.communityEnding(s, a-1)
		if x < 0 {
			break
		}
		a, n = x, n+1
	}
	for b+1 < len(toks) && peopleJoins.Has(toks[b].Norm) {
		y := d.communityStarting(s, b+1)
		if y < 0 {
			break
		}
		b, n = y, n+1
	}
	if b < len(toks) && (peopleHeads.Has(toks[b].Norm) || communityHeads.Has(toks[b].Norm)) {
		return true
	}
	if n < 2 || b < len(toks) && loadWordLists().placeSet.Has(toks[b].Norm) {
		return false
	}
	if a == 0 {
		return true
	}
	prev := toks[a-1].Norm
	return prev == "between" || !locatives.Has(prev) && !placeBefore.Has(prev)
}

// communityEnding returns where the community name that ends at token b
// of sentence s starts, -1 when none does.
func (d *docState) communityEnding(s, b int) int {
	for _, m := range d.ments[s] {
		if m.b == b && d.communityMention(s, m) {
			return m.a
		}
	}
	if t := &d.sents[s].Tokens[b-1]; isUpperWord(t) && isCommunity(t.Norm) {
		return b - 1
	}
	return -1
}

// communityStarting returns where the community name that starts at
// token a of sentence s ends, -1 when none does.
func (d *docState) communityStarting(s, a int) int {
	for _, m := range d.ments[s] {
		if m.a == a && d.communityMention(s, m) {
			return m.b
		}
	}
	if t := &d.sents[s].Tokens[a]; isUpperWord(t) && isCommunity(t.Norm) {
		return a + 1
	}
	return -1
}
