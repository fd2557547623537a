package eval

import "strings"

// ceilingSlots are the slots whose reading ceiling FindCeilings measures:
// those a note can only get right by naming the place.
var ceilingSlots = []string{"places", "country"}

// Ceiling is how much of a slot's wrong answers reading the text can
// mend: Wrong answers in all, Unnamed of them on documents whose text
// names none of the gold places (for the country slot, nor the country:
// its name, or a word that starts with it, as "Kenyan" does "Kenya").
// Reachable is the accuracy with every other wrong answer mended: what
// reading the names the text writes can reach (a note that names no
// place may still be placed by who took part in it, so for the country
// slot it is a guide, not a bound).
type Ceiling struct {
	Wrong     int     `json:"wrong"`
	Unnamed   int     `json:"unnamed"`
	Reachable float64 `json:"reachable"`
}

// FindCeilings measures, for the places and country slots, how many wrong
// answers fall on documents whose text (texts, by document id; a record
// id's last path part counts) names no gold place, and keeps them in
// rep.Ceilings, which WriteText then prints below the slot lines. A
// document whose text is not given counts as naming its places.
func (rep *DevReport) FindCeilings(texts map[string]string) {
	words := map[string]string{}
	for id, t := range texts {
		words[id[strings.LastIndexByte(id, '/')+1:]] = " " + wordText(t) + " "
	}
	rep.Ceilings = map[string]*Ceiling{}
	for _, k := range ceilingSlots {
		rep.Ceilings[k] = &Ceiling{}
	}
	for _, m := range rep.Misses {
		if m.Event == nil {
			continue
		}
		for _, k := range m.Wrong {
			c := rep.Ceilings[k]
			if c == nil {
				continue
			}
			c.Wrong++
			if t, ok := words[m.Gold.Doc]; ok && !namesGoldPlace(t, &m.Gold, k == "country") {
				c.Unnamed++
			}
		}
	}
	for k, c := range rep.Ceilings {
		if a := rep.Slots[k]; a != nil && a.Checked > 0 {
			c.Reachable = float64(a.Checked-c.Unnamed) / float64(a.Checked)
		}
	}
}

// namesGoldPlace reports whether text t (wordText, with a space at each
// end) names one of g's places, or with country its country: as whole
// words, the country also as the start of a word.
func namesGoldPlace(t string, g *DevGold, country bool) bool {
	for _, p := range g.Places.Names {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			if w := wordText(n); w != "" && strings.Contains(t, " "+w+" ") {
				return true
			}
		}
	}
	if country && g.Country != nil {
		if w := wordText(*g.Country); w != "" && strings.Contains(t, " "+w) {
			return true
		}
	}
	return false
}

// wordText folds s to lower-case ASCII words (asciiFold) separated by one
// space.
func wordText(s string) string {
	s = asciiFold(s)
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}), " ")
}

// writeCeiling prints the ceiling line of slot k, if FindCeilings
// measured it.
func (rep *DevReport) writeCeiling(p func(string, ...any), k string) {
	c := rep.Ceilings[k]
	if c == nil {
		return
	}
	a := rep.Slots[k]
	what := "no gold place"
	if k == "country" {
		what = "neither a gold place nor the country"
	}
	p("    ceiling: %d of the %d wrong are on texts naming %s; mending the other %d gives %d/%d = %.3f\n",
		c.Unnamed, c.Wrong, what, c.Wrong-c.Unnamed, a.Checked-c.Unnamed, a.Checked, c.Reachable)
}
