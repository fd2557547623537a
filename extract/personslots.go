package extract

import (
	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/text"
)

// personAfter are the words after which a name stands for a person, not a
// town: a term in office ("the X administration") or a verb of saying,
// liking or wanting that no town does ("as X liked to say").
var personAfter = grammarList("personAfter")

// personBefore are the verbs whose object is a person and never a town:
// "the blast injured X".
var personBefore = grammarList("personBefore")

// honorifics are the titles of address that only a person's name follows,
// with or without a stop: "Lord X", "Mr. X".
var honorifics = grammarList("honorifics")

// personSlotNames returns the names that stand, at least once in the
// document, where only a person's name stands (personSlot), and so name
// that person wherever else they stand outside a place's context: a
// surname shared with a small town abroad ("the X administration…, X
// said") is the person throughout. It is nil where there is none.
func (d *docState) personSlotNames(hits []nameHit) map[string]bool {
	var names map[string]bool
	for _, h := range hits {
		if !d.smallPlaceOnly(h) || !personSlot(d.sents[h.s].Tokens, h.m.Start, h.m.End) {
			continue
		}
		if names == nil {
			names = map[string]bool{}
		}
		names[text.Normalize(d.surface(h.s, h.m.Start, h.m.End))] = true
	}
	return names
}

// smallPlaceOnly reports whether every candidate of hit h is a town or
// village of fewer than smallPlace people that is no capital: the names a
// surname may share (a known group, a country, a region or a city keeps
// its reading).
func (d *docState) smallPlaceOnly(h nameHit) bool {
	for _, c := range h.cands {
		if c.lex != nil || c.class != ClassPlace || c.gaz == nil || c.gaz.Kind != gazetteer.KindPlace ||
			c.gaz.Population >= smallPlace || d.r.capitalOf(c.country) == c.gaz {
			return false
		}
	}
	return len(h.cands) > 0
}

// personSlot reports whether the name at tokens [a, b) stands where only a
// person's name stands: before a word of personAfter, after a verb of
// personBefore, or after an honorific.
func personSlot(toks []text.Token, a, b int) bool {
	return b < len(toks) && personAfter.Has(toks[b].Norm) || a > 0 && personBefore.Has(toks[a-1].Norm) || titled(toks, a)
}

// titled reports whether an honorific stands right before token a, with
// or without its stop ("Lord X", "Mr. X").
func titled(toks []text.Token, a int) bool {
	k := a - 1
	if k > 0 && toks[k].Norm == "." {
		k--
	}
	return k >= 0 && honorifics.Has(toks[k].Norm)
}

// personNamed reports whether the small-town reading of the name at
// tokens [a, b) of sentence s gives way to the person personSlotNames
// found: the name is one of them and no place's context stands around
// this mention ("in X", "X village").
func (d *docState) personNamed(names map[string]bool, h nameHit) bool {
	if names == nil || !d.smallPlaceOnly(h) {
		return false
	}
	toks := d.sents[h.s].Tokens
	a, b := h.m.Start, h.m.End
	if a > 0 && placeBefore.Has(toks[a-1].Norm) || b < len(toks) && placeWords.Has(toks[b].Norm) {
		return false
	}
	return names[text.Normalize(d.surface(h.s, a, b))]
}
