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
			d.armedPeopleSide(f, ps, j)
			// "soldiers and protesters including hunters clashed": the
			// people the side includes fight too
			if k := j + 1; k < len(ps.Chunks) && ps.PrepOf(k) == "including" && ps.Chunks[k].A == ps.Chunks[j].B+1 {
				d.actorNP(f, ps, k, true)
				d.armedPeopleSide(f, ps, k)
			}
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
		t := &ps.Toks[k]
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

// militiaPeople are the kinds of civilians (an entity's name) who, as a
// side of a clash, fight as their community's militia: "clashes between
// farmers and herders", "villagers clashed with raiders".
var militiaPeople = grammarList("militiaPeople")

// armedPeopleSide makes the people of a kind (militiaPeople) that noun
// phrase np names as a side of clash frame f the militia they form: a
// clash has armed sides, so "farmers" who clash are the farmers' militia,
// an armed group, not civilians hit. The people it killed stay
// civilians where another phrase names them ("the clash killed two
// herders").
func (d *docState) armedPeopleSide(f *frame, ps *syntax.Sentence, np int) {
	if of := heldBy(ps, np); of >= 0 && collectiveHeads.Has(ps.Toks[ps.Chunks[np].Head].Norm) {
		// "a band of herders and fishermen fought": its people are the side
		for _, j := range listItems(ps, of) {
			d.armedPeopleSide(f, ps, j)
		}
	}
	for _, m := range d.npMentions(f.s, ps, np) {
		if m.ent.class != ClassCivilians || !militiaPeople.Has(m.ent.name) {
			continue
		}
		g := d.peopleMilitia(m.ent)
		in := false
		for _, list := range [][]*entity{f.actors, f.targets} {
			for i, e := range list {
				if e == m.ent {
					list[i], in = g, true
				}
			}
		}
		if !in {
			f.actors = appendEnt(f.actors, g)
			f.explicitActor = true
		}
	}
}

// peopleMilitia returns the militia (an armed group) that the people of
// entity p form: "farmers militia", which keeps p's names as aliases and
// the communities p belongs to.
func (d *docState) peopleMilitia(p *entity) *entity {
	name := p.name + " militia"
	g := d.entityFor(&cand{class: ClassArmedGroup, key: "group/" + slug(name), name: name})
	if g.typ == "" {
		g.typ, g.conf = "communal militia", 0.6
		g.addAlias(p.name)
		for _, a := range p.aliases {
			g.addAlias(a)
		}
		// "Pokot and Tugen herders": the communities they belong to
		// give their homes (homesOf)
		g.communities = append(g.communities[:0:0], p.communities...)
	}
	return g
}

// communalClashWords qualify a clash noun by the kind of communities that
// fight it: "a clan clash", "ethnic clashes", "intercommunal fighting".
var communalClashWords = grammarList("communalClashWords")

// communalClash gives clash frame f, told by event noun phrase ch that
// names no side, the sides a word before its noun says fought it: the
// militias of the clans, tribes or communities ("a clan clash left one
// dead": an armed group, "clan militia", whose identity is not known).
func (d *docState) communalClash(f *frame, ps *syntax.Sentence, ch *syntax.Chunk) {
	if len(f.actors) > 0 || len(f.targets) > 0 {
		return
	}
	for k := ch.A; k < ch.Head; k++ {
		w := ps.Toks[k].Norm
		if !communalClashWords.Has(w) || d.covered(f.s, k) {
			continue
		}
		name := w + " militia"
		e := d.entityFor(&cand{class: ClassArmedGroup, key: "group/" + slug(name) + "-" + d.docKey(), name: name})
		if e.typ == "" {
			e.typ, e.conf, e.unidentified = "communal militia", 0.6, true
		}
		f.actors = appendEnt(f.actors, e)
		f.explicitActor = true
		return
	}
}
