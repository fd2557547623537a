package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/syntax"
)

// The sides of a clash are often communities named by a word no lexicon
// holds: "clashes between Kikuyu and Kalenjin", "Dinka and Nuer ethnic
// militias clash", "a clash between the Murle and Anyuak clans". Each
// such side is the community's militia (an armed group), as the
// participant reader makes of "Pokot raiders".

// communityNouns head a phrase that names a community's side by the name
// before them: "the Kapkeny clans", "the Ogiek community".
var communityNouns = grammarList("communityNouns")

// clashSides adds as actors of symmetric frame f the communities that the
// noun phrases nps (and the phrases coordinated with them) name.
func (d *docState) clashSides(f *frame, ps *syntax.Sentence, nps []int) {
	for _, np := range nps {
		for j := np; j < len(ps.Chunks); j++ {
			if j > np && (ps.Chunks[j].Kind != syntax.NP || ps.Chunks[j].Prep >= 0 || !ps.Conjoined(j)) {
				break
			}
			d.addCommunitySide(f, ps, j)
			// "pastoralists from the Lagdera and Uchana communities",
			// "three families from the Dendi community": the people
			// fight for the communities they come from
			if from := ofCommunity(ps, j); from >= 0 {
				for _, k := range listItems(ps, from) {
					d.addCommunitySide(f, ps, k)
				}
			}
		}
	}
}

// addCommunitySide adds as an actor of f the militia of the community
// that noun phrase np names, if it names one.
func (d *docState) addCommunitySide(f *frame, ps *syntax.Sentence, np int) {
	e := d.communitySide(f.s, ps, np)
	if e == nil || containsEnt(f.actors, e) {
		return
	}
	f.actors = appendEnt(f.actors, e)
	f.explicitActor = true
	// a town's namesake that names a side is no place of it
	for _, m := range d.npMentions(f.s, ps, np) {
		f.places = removeEnt(f.places, m.ent)
	}
}

// ofCommunity returns the "from" or "of" phrase right after noun phrase np
// when its list ends in a community noun ("from Lagdera and Uchana
// communities", "of the Haoussa community"), or -1.
func ofCommunity(ps *syntax.Sentence, np int) int {
	j := np + 1
	if j >= len(ps.Chunks) || ps.Chunks[j].A != ps.Chunks[np].B+1 || ps.PrepOf(j) != "from" && ps.PrepOf(j) != "of" {
		return -1
	}
	items := listItems(ps, j)
	last := items[len(items)-1]
	if !communityNouns.Has(ps.Toks[ps.Chunks[last].Head].Norm) {
		return -1
	}
	return j
}

// communitySide returns the militia of the community noun phrase np names,
// or nil: a phrase with no name of a group, force or person in it, whose
// head is a name ("Maasai") or a community noun after a name ("Kapkeny
// clans").
func (d *docState) communitySide(s int, ps *syntax.Sentence, np int) *entity {
	ch := &ps.Chunks[np]
	for _, m := range d.npMentions(s, ps, np) {
		if m.ent.class != ClassPlace && !m.demonym {
			return nil // a named side the actor rules read
		}
		if m.demonym {
			return nil // "Ethiopian tribesmen" act for their country's people
		}
	}
	_, tag := ps.Word(ch.Head)
	name := ""
	switch {
	case tag == syntax.Proper && ch.Head == ch.B-1:
		name = properRun(ps, ch.A, ch.B)
	case communityNouns.Has(ps.Toks[ch.Head].Norm):
		name = properRun(ps, ch.A, ch.Head)
	}
	if name == "" || d.r.stopwords.Has(strings.ToLower(name)) || loadWordLists().headSet.Has(strings.ToLower(name)) {
		return nil // "Protesters clash with police": a word for people, capitalised where a sentence starts
	}
	name += " militia"
	e := d.entityFor(&cand{class: ClassArmedGroup, key: "group/" + slug(name), name: name})
	if e.typ == "" {
		e.typ, e.conf = "ethnic militia", 0.6
	}
	return e
}

// properRun returns the capitalised words of tokens [a, b) of ps, joined,
// where they are all its words but determiners and a few modifiers
// ("the Murle", "armed Fulani"); "" otherwise.
func properRun(ps *syntax.Sentence, a, b int) string {
	var words []string
	for k := a; k < b; k++ {
		t := ps.Toks[k]
		_, tag := ps.Word(k)
		switch {
		case tag == syntax.Proper && isUpperWord(t) && !t.AllCaps():
			words = append(words, t.Text)
		case len(words) == 0 && (tag == syntax.Det || sideModifiers.Has(t.Norm)):
		case len(words) > 0 && sideModifiers.Has(t.Norm):
		default:
			return ""
		}
	}
	return strings.Join(words, " ")
}

// sideModifiers may stand in a community's phrase: "armed Fulani", "the
// rival Dinka and Nuer ethnic militias".
var sideModifiers = grammarList("sideModifiers")

// withConjoined returns noun phrases nps with the phrases coordinated
// after each ("Turkana and Samburu raiders", "police and soldiers").
func withConjoined(ps *syntax.Sentence, nps []int) []int {
	out := nps
	for _, np := range nps {
		for j := np + 1; j < len(ps.Chunks) && ps.Chunks[j].Kind == syntax.NP && ps.Chunks[j].Prep < 0 && ps.Conjoined(j); j++ {
			if len(out) == len(nps) {
				out = append([]int(nil), nps...)
			}
			out = append(out, j)
		}
	}
	return out
}
