package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/text"
)

// groupHeads are the head nouns of an unnamed armed group's description: "a
// Baloch separatist group", "Sunni militants".
var groupHeads = grammarList("groupHeads")

// findUnknowns finds names that no list knows from the shape of the text:
// "the X group", "X militants", "the X area", "the town of X", "X village",
// and definitions of acronyms "Full Name (ACR)".
func (d *docState) findUnknowns() {
	for si, s := range d.sents {
		if d.skip[si] || d.headline[si] {
			continue
		}
		toks := s.Tokens
		for i := 0; i < len(toks); i++ {
			if !isUpperWord(&toks[i]) || d.covered(si, i) || i == 0 && d.r.stopwords.Has(toks[i].Norm) {
				continue
			}
			if toks[i].AllCaps() {
				switch {
				case d.acronymSide(si, i):
					a := d.acronymStart(si, i)
					d.addUnknownSide(si, a, i+1, d.surface(si, a, i+1), d.memberHeadAround(si, a, i+1))
				case d.expandedSide(si, i) > 0:
					k := d.expandedSide(si, i)
					e := d.addUnknownSide(si, i+2, k, d.surface(si, i+2, k), "")
					e.addAlias(toks[i].Text)
					d.addMention(d.newMention(mention{s: si, a: i, b: i + 1, ent: e}), toks[i].Text)
					i = k
				case d.sideNamed(toks[i].Text) != nil:
					// a later bare use of an organisation found by shape
					d.addMention(d.newMention(mention{s: si, a: i, b: i + 1, ent: d.sideNamed(toks[i].Text)}), toks[i].Text)
				}
				continue
			}
			end := d.nameRun(si, i)
			if end == i {
				continue
			}
			if d.r.stopwords.Has(toks[i].Norm) && end-i == 1 {
				continue
			}
			next := ""
			if end < len(toks) {
				next = toks[end].Norm
			}
			prev, prev2 := "", ""
			if i > 0 {
				prev = toks[i-1].Norm
			}
			if i > 1 {
				prev2 = toks[i-2].Norm
			}
			name := d.surface(si, i, end)
			switch {
			case next == "area" || next == "district" || next == "village" || next == "valley" || next == "camp" && !d.peopleSettlement(si, i, end) || next == "neighbourhood" || next == "neighborhood" || prev == "of" && (prev2 == "town" || prev2 == "city" || prev2 == "village" || prev2 == "district"):
				d.addUnknownPlace(si, i, end, name)
			case groupHeads.Has(next) && !d.headline[si] && !d.descriptorsOnly(si, i, end) && !countsOnly(toks, i, end) && !openingModifier(toks, i, end):
				e := d.entityFor(&cand{class: ClassArmedGroup, key: "group/" + slug(name), name: name})
				e.conf = 0.6
				d.addMention(d.newMention(mention{s: si, a: i, b: end, ent: e}), name)
			case d.numberedUnit(si, i, end) >= 0:
				a := d.numberedUnit(si, i, end)
				name = d.surface(si, a, end)
				e := d.entityFor(&cand{class: ClassStateForce, key: "force/" + slug(name), name: name})
				e.conf = 0.6
				d.addMention(d.newMention(mention{s: si, a: a, b: end, ent: e}), name)
			case d.namedSide(si, i, end):
				a := d.sideStart(si, i)
				d.addUnknownSide(si, a, end, d.surface(si, a, end), d.memberHeadAround(si, a, end))
			case next == "near" || next == "in" && end+1 < len(toks) && d.mentionAt(si, end+1) != nil && d.mentionAt(si, end+1).ent.gaz != nil:
				if i > 0 && (prev == "targeted" || prev == "hit" || prev == "struck" || prev == "in" || prev == "at") && strings.Contains(name, "-") {
					d.addUnknownPlace(si, i, end, name)
				}
			}
			i = end - 1
		}
	}
	d.findDefinitions()
}

// openingModifier reports whether the name run [a, b) is one word that
// opens its sentence and that the participant reader knows as a modifier
// of a description ("Rival militias clashed", "Unknown militants
// attacked", "Suspected rebels"): its capital is the sentence's, and it
// names no group.
func openingModifier(toks []text.Token, a, b int) bool {
	return b-a == 1 && opensSentence(toks, a) && loadWordLists().modSet.Has(toks[a].Norm)
}

// sideHeads are the words for the people of an organisation: "X
// supporters", "members of the X"; armedMemberHeads bear arms.
var (
	sideHeads        = grammarList("sideHeads")
	armedMemberHeads = grammarList("armedMemberHeads")
)

// orgNameHeads end an organisation's name ("the X Party"); armedNameWords
// in it make it an armed group ("the X Liberation Army").
var (
	orgNameHeads   = grammarList("orgNameHeads")
	armedNameWords = grammarList("armedNameWords")
)

// namedSide reports whether the capitalised name at tokens [a, b) of
// sentence s, which no list knows, names an organisation: it ends with an
// organisation's head word ("the National Renewal Party", "the Popular
// Liberation Front") and no preposition of place stands before it.
func (d *docState) namedSide(s, a, b int) bool {
	toks := d.sents[s].Tokens
	if b-a < 2 || !orgNameHeads.Has(toks[b-1].Norm) || d.descriptorsOnly(s, a, b-1) {
		return false
	}
	return a == 0 || !locatives.Has(toks[a-1].Norm)
}

// numberedUnitNouns end the name of an armed force's unit that a number
// opens: "the 444 Brigade", "the 5th Battalion".
var numberedUnitNouns = grammarList("numberedUnitNouns")

// numberedUnit returns where the name of an armed force's unit starts
// whose capitalised words are tokens [a, b) of sentence s, after "the"
// and a number or ordinal ("the 444 Brigade", "the 5th Battalion", "the
// 3rd Infantry Division"): the number is the name's first word, no
// count, and a unit noun ends it. It returns -1 for any other name.
func (d *docState) numberedUnit(s, a, b int) int {
	toks := d.sents[s].Tokens
	k := a - 1
	for k > 0 && !toks[k].SpaceBefore {
		k-- // "5th" written as a number and its suffix
	}
	if k < 1 || toks[k-1].Norm != "the" || toks[k].Text == "" || toks[k].Text[0] < '0' || toks[k].Text[0] > '9' || !numberedUnitNouns.Has(toks[b-1].Norm) {
		return -1
	}
	for j := k; j < a; j++ {
		if d.covered(s, j) {
			return -1
		}
	}
	return k
}

// sideStart returns where the name of an organisation that a name run
// starting at token i ends starts: capitalised words the run left out as
// common words ("National" in "the National Renewal Party") belong to it.
func (d *docState) sideStart(s, i int) int {
	toks := d.sents[s].Tokens
	a := i
	for a > 0 && isUpperWord(&toks[a-1]) && !toks[a-1].AllCaps() && toks[a-1].Norm != "the" && !d.covered(s, a-1) && !opensSentence(toks, a-1) {
		a--
	}
	return a
}

// acronymSide reports whether the all-capitals word at token i of sentence
// s, which no list knows, is an organisation's acronym that its people
// stand beside: "KPU supporters", "members of KPU", "partisans of the KPU".
func (d *docState) acronymSide(s, i int) bool {
	t := d.sents[s].Tokens[i]
	if len(t.Text) < 2 || len(t.Text) > 6 || d.headline[s] || !lettersOnly(t.Text) {
		return false
	}
	return d.memberHeadAround(s, i, i+1) != ""
}

// expandedSide returns the end of the expansion in brackets that follows
// the acronym at token i of sentence s, or 0 when none does, an organisation's name ("KPU
// (Kivu People's Union)", "the NLDF (Nyika Land Defence Force)"): the
// name ends with an organisation's head word and its initials spell the
// acronym. The expansion is then read as a name of its own (namedSide),
// whose alias the acronym becomes (findDefinitions does it the other way
// round).
func (d *docState) expandedSide(s, i int) int {
	toks := d.sents[s].Tokens
	if i+3 >= len(toks) || toks[i+1].Norm != "(" || len(toks[i].Text) < 2 || !lettersOnly(toks[i].Text) {
		return 0
	}
	k := i + 2
	for k < len(toks) && k < i+10 && toks[k].Kind == text.Word && (isUpperWord(&toks[k]) || toks[k].Norm == "of" || toks[k].Norm == "for" || toks[k].Norm == "the" || toks[k].Norm == "and") {
		k++
	}
	if k >= len(toks) || toks[k].Norm != ")" || k-(i+2) < 2 || !orgNameHeads.Has(toks[k-1].Norm) || !acronymOf(toks[i].Text, d.surface(s, i+2, k)) {
		return 0
	}
	for j := i + 2; j < k; j++ {
		if d.covered(s, j) {
			return 0
		}
	}
	return k
}

// sideNamed returns the organisation found by shape that the document
// names or abbreviates acr, or nil.
func (d *docState) sideNamed(acr string) *entity {
	for _, e := range d.order {
		if e.side && len(e.mentions) > 0 && (e.name == acr || slices.Contains(e.aliases, acr) || len(acr) >= 3 && acronymOf(acr, e.name)) {
			return e
		}
	}
	return nil
}

// acronymStart returns where the hyphenated acronym that ends with token
// i starts: "ZANU-PF" is one name, not "PF".
func (d *docState) acronymStart(s, i int) int {
	toks := d.sents[s].Tokens
	a := i
	for a >= 2 && toks[a-1].Norm == "-" && !toks[a-1].SpaceBefore && !toks[a].SpaceBefore && toks[a-2].AllCaps() && !d.covered(s, a-2) {
		a -= 2
	}
	return a
}

// memberHeadAround returns the word for an organisation's people written
// right after the name at tokens [a, b) ("X supporters") or before it with
// "of" ("members of the X"), or "".
func (d *docState) memberHeadAround(s, a, b int) string {
	toks := d.sents[s].Tokens
	if b < len(toks) && sideHeads.Has(toks[b].Norm) {
		return toks[b].Norm
	}
	k := a - 1
	if k >= 0 && toks[k].Norm == "the" {
		k--
	}
	if k >= 1 && toks[k].Norm == "of" && sideHeads.Has(toks[k-1].Norm) {
		return toks[k-1].Norm
	}
	return ""
}

// lettersOnly reports whether w is made of ASCII letters only: an acronym,
// not a code such as "G7" or "M-16".
func lettersOnly(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'A' || c > 'Z') && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}

// addUnknownSide records the organisation no list knows that tokens [a,
// b) of sentence s name: an armed group when its name or the word for its
// people says it bears arms ("the X Liberation Army", "X fighters"), else
// an organisation that takes a side (a party, a movement), whose people
// acting are its side. An acronym joins an organisation of the document
// whose name it abbreviates. It returns the organisation.
func (d *docState) addUnknownSide(s, a, b int, name, people string) *entity {
	class := ClassOrganization
	if armedMemberHeads.Has(people) || d.armedName(s, a, b) {
		class = ClassArmedGroup
	}
	e := d.sideByAcronym(s, a, b, name)
	if e == nil {
		key := "org/side-" + slug(name)
		if class == ClassArmedGroup {
			key = "group/" + slug(name)
		}
		e = d.entityFor(&cand{class: class, key: key, name: name})
		e.conf, e.side = 0.6, true
	}
	d.addMention(d.newMention(mention{s: s, a: a, b: b, ent: e}), name)
	return e
}

// armedName reports whether a word of the name at tokens [a, b) says the
// organisation bears arms.
func (d *docState) armedName(s, a, b int) bool {
	for _, t := range d.sents[s].Tokens[a:b] {
		if armedNameWords.Has(t.Norm) {
			return true
		}
	}
	return false
}

// sideByAcronym returns the organisation found by shape earlier in the
// document whose name the acronym at tokens [a, b) abbreviates, or nil.
func (d *docState) sideByAcronym(s, a, b int, acr string) *entity {
	if b-a != 1 || !d.sents[s].Tokens[a].AllCaps() || len(acr) < 3 {
		return nil
	}
	for _, e := range d.order {
		if e.side && e.name != acr && acronymOf(acr, e.name) {
			return e
		}
	}
	return nil
}

// descriptors are words that describe a group (faith, ethnicity, creed)
// without naming it: "the Sunni Baloch militant group".
var descriptors = grammarList("descriptors")

// descriptorsOnly reports whether tokens [a, b) are all descriptors or
// demonyms.
func (d *docState) descriptorsOnly(s, a, b int) bool {
	toks := d.sents[s].Tokens
	for k := a; k < b; k++ {
		t := &toks[k]
		if t.Kind != text.Word {
			continue
		}
		if descriptors.Has(t.Norm) {
			continue
		}
		if d.r.isDemonym(t) {
			continue
		}
		return false
	}
	return true
}

// acronymOf reports whether acr can abbreviate one of the names: its first
// letter starts the name and its letters follow the name's word initials
// in order ("BLA" for "Balochistan Liberation Army", not "AP" for
// "Colombia").
func acronymOf(acr string, names ...string) bool {
	for _, n := range names {
		var initials []rune
		for _, w := range strings.FieldsFunc(n, func(r rune) bool { return r == ' ' || r == '-' }) {
			for _, r := range w {
				initials = append(initials, unicode.ToUpper(r))
				break
			}
		}
		a := []rune(strings.ToUpper(acr))
		if len(initials) == 0 || len(a) == 0 || a[0] != initials[0] {
			continue
		}
		j := 0
		for _, r := range initials {
			if j < len(a) && r == a[j] {
				j++
			}
		}
		if j == len(a) {
			return true
		}
	}
	return false
}

// addUnknownPlace records a place no gazetteer knows, inside the nearest
// known place or region that the sentence names after it.
func (d *docState) addUnknownPlace(s, a, b int, name string) {
	var within *entity
	for _, m := range d.ments[s] {
		if m.a >= b && m.ent.gaz != nil && m.ent.class != ClassCountry {
			within = m.ent
			if m.ent.class == ClassRegion {
				break
			}
		}
	}
	cc := ""
	if within != nil {
		cc = within.country
		if within.class == ClassPlace && within.within != nil {
			within = within.within
		}
	} else {
		// none named after it: the country of the places named beside
		// it, and the one town the report names before it
		cc = d.contextCountry(s)
		within = d.townBefore(s, a, cc)
	}
	key := "place/" + strings.ToLower(cc)
	if cc == "" {
		key = "place/x"
	}
	key += "-" + slug(name)
	e := d.entityFor(&cand{class: ClassPlace, key: key, name: lexicon.PreferredSpelling(name), country: cc})
	e.conf = 0.6
	if e.within == nil {
		e.within = within
	}
	d.addMention(d.newMention(mention{s: s, a: a, b: b, ent: e}), name)
}

// findDefinitions reads definitions the text gives: "Full Name (ACR)" adds
// the acronym as an alias and marks its later uses; "X, or the Y," makes Y
// an alias of X.
func (d *docState) findDefinitions() {
	for si := range d.sents {
		toks := d.sents[si].Tokens
		for _, m := range append([]*mention(nil), d.ments[si]...) {
			b := m.b
			if b+2 < len(toks) && toks[b].Norm == "(" && toks[b+2].Norm == ")" && toks[b+1].AllCaps() && acronymOf(toks[b+1].Text, d.surface(si, m.a, m.b), m.ent.name) {
				acr := toks[b+1].Text
				m.ent.addAlias(acr)
				if d.mentionAt(si, b+1) == nil {
					d.addMention(d.newMention(mention{s: si, a: b + 1, b: b + 2, ent: m.ent}), acr)
				}
			}
		}
	}
	_ = text.Word
}

// countsOnly reports whether tokens [a, b) are a number, not a name: "One
// militant was killed" opens with a count.
func countsOnly(toks []text.Token, a, b int) bool {
	_, end, ok := numberAt(toks, a)
	return ok && end >= b
}
