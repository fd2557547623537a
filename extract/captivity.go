package extract

import (
	"slices"

	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/extract/text"
)

var (
	captiveVerbs   = grammarList("captiveVerbs")
	captivePreps   = grammarList("captivePreps")
	foreignerNouns = grammarList("foreignerNouns")
)

// maxCaptiveGap is how many tokens may stand between a captiveVerb and
// the preposition before the country: "took them across the border into
// X".
const maxCaptiveGap = 4

// captiveLand reports whether the country named at token a is where
// people were held or taken ("abducted two teachers and took them …
// taken across the border into X", "he is being held in X"): a
// captiveVerb, then within maxCaptiveGap tokens a captivePrep just before
// the name. Such a country is where captives or the wounded went, not
// where the event happened.
func captiveLand(toks []text.Token, a int) bool {
	if a == 0 || !captivePreps.Has(toks[a-1].Norm) {
		return false
	}
	for k := a - 2; k >= 0 && k >= a-2-maxCaptiveGap; k-- {
		if captiveVerbs.Has(toks[k].Norm) {
			return toks[k+1].Norm != "place" // "the attack took place in X"
		}
	}
	return false
}

// captiveLands returns the countries the document names as where people
// were held or taken (captiveLand).
func (d *docState) captiveLands() []string {
	var out []string
	for s, ms := range d.ments {
		for _, m := range ms {
			if m.ent.class == ClassCountry && !m.demonym && m.ent.country != "" && captiveLand(d.sents[s].Tokens, m.a) && !slices.Contains(out, m.ent.country) {
				out = append(out, m.ent.country)
			}
		}
	}
	return out
}

// foreignerLands returns the countries whose demonym the document puts
// before a foreignerNoun ("Somali refugees", "a Congolese national"):
// people named so live away from that land, so its events happen in
// another.
func (d *docState) foreignerLands() []string {
	var out []string
	for s, ms := range d.ments {
		toks := d.sents[s].Tokens
		for _, m := range ms {
			if m.ent.class == ClassCountry && m.demonym && m.ent.country != "" && foreignerNouns.Has(demonymHead(toks, m.b)) && !slices.Contains(out, m.ent.country) {
				out = append(out, m.ent.country)
			}
		}
	}
	return out
}

// outsideLands returns hm without the countries of lands: participants
// who live and fight in two countries and took their captives into one,
// or struck where that one's nationals live abroad, struck in the other
// ("al Shabaab gunmen abducted a driver… he is held in X", "al Shabaab
// threw a grenade at X refugees"). hm unchanged when that would leave
// none.
func outsideLands(hm home, lands []string) home {
	if len(lands) == 0 || len(hm.ccs) < 2 {
		return hm
	}
	out := home{main: hm.main}
	for _, c := range hm.ccs {
		if !slices.Contains(lands, c) {
			out.ccs = append(out.ccs, c)
		}
	}
	if len(out.ccs) == 0 {
		return hm
	}
	if slices.Contains(lands, out.main) {
		out.main = ""
	}
	return out
}

// elsewhereLand reports whether the country or place named by m is said
// as where people came from ("militia from X"), as one side of a border
// ("the X-Y border"), or as where people were held or taken
// (captiveLand): not where the document's events happen.
func elsewhereLand(toks []text.Token, m *mention) bool {
	return m.a > 0 && toks[m.a-1].Norm == "from" || borderPair(toks, m) || captiveLand(toks, m.a)
}

// flagLand reports whether land mention m is glued by a hyphen to a past
// form of flag or registry: "a Panama-flagged tanker", "a
// Malta-registered ship" name the ship's flag, not where it was, as a
// demonym does ("a Panamanian tanker").
func flagLand(toks []text.Token, m *mention) bool {
	return m.b+1 < len(toks) && toks[m.b].Norm == "-" && !toks[m.b].SpaceBefore && !toks[m.b+1].SpaceBefore && syntax.AttributeForm(toks[m.b+1].Norm)
}
