package extract

import "github.com/newsgraph/newsgraph/extract/text"

// A country and a place inside it may share a name: the capital named
// after the country (Djibouti, Singapore, Panama City, Kuwait City,
// Mexico City, Guatemala City), a province or state of the same name
// (Panamá, México). Written bare ("in Djibouti", "Kuwait said"), the
// name is the country's own; the place is meant only where the phrase
// marks a settlement ("Djibouti city", "the port of Djibouti", "the
// capital Djibouti"). Where the name is only an alias of the place
// (Kuwait for Kuwait City), no mark makes it the place: the text writes
// the place's own name when it means it.

// countryNamesakePenalty is what a place's reading loses when its phrase
// spells its country's own name (countryNamesake): more than a capital's
// bonus and its country's count together, so that the country's reading
// leads.
const countryNamesakePenalty = 3.0

// settlementLeads are the nouns right before a name that make it a
// settlement's: "the capital Djibouti", "the port city Djibouti".
var settlementLeads = grammarList("settlementLeads")

// settlementsByOf are the nouns of "the port of X" that make X a
// settlement's name, not a country's ("the capital of X" names the
// country).
var settlementsByOf = grammarList("settlementsByOf")

// countryNamesake reports whether candidate c, a place or division, is
// read from a phrase (tokens [a, b) of sentence s) that spells the own
// name of c's country, so that the country is what the phrase names:
// always where the phrase is only an alias of c, and where it is c's own
// name too unless the phrase marks a settlement (settlementMarked).
func (d *docState) countryNamesake(c *cand, s, a, b int, pf *phraseFacts) bool {
	if c.gaz == nil || c.lex != nil || c.class != ClassPlace && c.class != ClassRegion || c.country == "" {
		return false
	}
	country := d.r.gaz.Country(c.country)
	if country == nil {
		return false
	}
	surface := pf.normSurface(d, s, a, b)
	if !equalNormalized(surface, country.Name) {
		return false
	}
	if !equalNormalized(surface, c.gaz.Name) {
		return true // "Kuwait": an alias of Kuwait City, the own name of the country
	}
	return !settlementMarked(d.sents[s].Tokens, a, b)
}

// settlementMarked reports whether the phrase at tokens [a, b) is marked
// as a settlement's name: a place word after it ("Djibouti city"), a
// settlement's noun before it ("the capital Djibouti") or before "of" ("the
// port of Djibouti").
func settlementMarked(toks []text.Token, a, b int) bool {
	if b < len(toks) && placeWords.Has(toks[b].Norm) {
		return true
	}
	if a >= 1 && settlementLeads.Has(toks[a-1].Norm) {
		return true
	}
	return a >= 2 && toks[a-1].Norm == "of" && settlementsByOf.Has(toks[a-2].Norm)
}
