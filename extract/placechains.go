package extract

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
)

// A note names a place with the chain of areas it lies in, most specific
// first: "Karezmir village, Zorbak district, Samangan", "Karezmir area of
// Zorbak district", "Karezmir (Tani Wazir) district, Samangan". Each
// place lies in the area named right after it, when that area lies in the
// one the place was given: narrowWithin re-links what the name rules,
// which read each name on its own, attached to the widest area the
// sentence names.

// narrowWithin links each place no gazetteer holds to the area named
// right after it (areaAfter), after a closing bracket too ("Karezmir
// (Tani Wazir) district"), or to the area of the place listed next
// ("Lokitela and Murumbe in Eldas"), where that area is narrower than the
// one the place lies in and of the place's country, if it has one. A town
// of the gazetteer is linked so to a division below the first level
// (divisionOf) named right after it, or to any area after it when its
// unit word is written before it (unitWritten).
func (d *docState) narrowWithin() {
	for s := range d.ments {
		// right to left, so that the last of a list is linked before the
		// names listed before it
		ms := slices.Clone(d.ments[s])
		slices.SortStableFunc(ms, func(x, y *mention) int { return y.a - x.a })
		for _, m := range ms {
			e := m.ent
			if e.class != ClassPlace || e.typ == "facility" {
				continue
			}
			in := d.areaAfter(s, d.bracketEnd(s, m.b))
			if in == nil && e.gaz == nil {
				in = d.listAreaAfter(s, m.b)
			}
			if in == nil || in == e || in.country != e.country && e.country != "" || d.encloses(e, in) || !d.narrower(in, e.within) {
				continue
			}
			if e.gaz != nil && !d.divisionOf(in, e) && !d.unitWritten(s, m.a) {
				continue
			}
			e.within = in
			if e.country == "" {
				e.country = in.country
			}
		}
	}
}

// unitWritten reports whether the name at token a of sentence s is
// written after its unit word ("Barangay Malabog, Davao City"): a unit
// named so lies in the area after it, even a town of the gazetteer.
func (d *docState) unitWritten(s, a int) bool {
	return a >= 1 && unitFirst(loadWordLists(), d.sents[s].Tokens, a-1)
}

// divisionOf reports whether area in is a division below the first level
// that gazetteer town e can lie in: one of the gazetteer in e's region
// ("Sopore, Baramulla district, Jammu and Kashmir"), or one no gazetteer
// holds named with its unit word, in e's country. A town named after
// another town ("Garissa, Dadaab") is no area of it.
func (d *docState) divisionOf(in, e *entity) bool {
	if in.gaz == nil {
		return in.country == e.country && loadWordLists().placeWords[in.typ]&placeAdmin != 0
	}
	return in.gaz.Kind == gazetteer.KindPlace && strings.HasPrefix(in.gaz.Feature, "ADM") &&
		in.gaz.Region != "" && in.gaz.Region == e.gaz.Region
}

// listAreaAfter returns the area that the place named next in the list
// after token b of sentence s lies in: "Lokitela and Murumbe in Eldas"
// both lie in Eldas. Nil when no such place follows.
func (d *docState) listAreaAfter(s, b int) *entity {
	toks := d.sents[s].Tokens
	if b+1 >= len(toks) || toks[b].Norm != "and" && toks[b].Norm != "," {
		return nil
	}
	m := d.mentionStarting(s, b+1)
	if m == nil || m.ent.class != ClassPlace || m.ent.gaz != nil || m.ent.typ == "facility" {
		return nil
	}
	return m.ent.within
}

// bracketEnd returns the token after the closing bracket at b of sentence
// s when a place word follows it ("Tani Wazir) district, Samangan": the area the
// bracket names is one of that word), else b.
func (d *docState) bracketEnd(s, b int) int {
	toks := d.sents[s].Tokens
	if b+1 < len(toks) && toks[b].Norm == ")" && placeRole(loadWordLists(), &toks[b+1])&placeAdmin != 0 {
		return b + 1
	}
	return b
}

// narrower reports whether area in lies inside area was, or was is nil.
func (d *docState) narrower(in, was *entity) bool {
	return was == nil || in != was && d.encloses(was, in)
}

// encloses reports whether inner lies inside outer: through the places'
// links, then through the gazetteer's parents of the first entry on the
// way.
func (d *docState) encloses(outer, inner *entity) bool {
	w := inner
	for n := 0; w != nil && n < 8; n++ {
		if w.within == nil && w.gaz != nil {
			for g := d.r.gaz.Within(w.gaz); g != nil; g = d.r.gaz.Within(g) {
				if g == outer.gaz {
					return true
				}
			}
			return false
		}
		w = w.within
		if w == outer {
			return true
		}
	}
	return false
}
