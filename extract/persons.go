package extract

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/text"
)

// nameRun returns the end of a run of capitalised name words starting at
// token i (hyphenated parts such as "Anwaar-ul-haq" and inner particles such
// as "bin" included), or i if there is none.
func (d *docState) nameRun(s, i int) int {
	toks := d.sents[s].Tokens
	j := i
	words := 0
	for j < len(toks) {
		t := &toks[j]
		switch {
		case isUpperWord(t) && !t.AllCaps() || (t.AllCaps() && len(t.Text) <= 3 && words > 0 && false):
			if d.covered(s, j) && !d.weakCover(s, j) {
				return j
			}
			if words == 0 && d.r.stopwords.Has(t.Norm) {
				return i
			}
			if isRoleWord(t.Norm) && !d.r.givenNames.Has(t.Norm) {
				return j
			}
			j++
			words++
		case t.Norm == "-" && !t.SpaceBefore && j+1 < len(toks) && !toks[j+1].SpaceBefore && toks[j+1].Kind == text.Word && words > 0 && (isUpperWord(&toks[j+1]) || particles.Has(toks[j+1].Norm) || particles.Has(toks[j-1].Norm)):
			j += 2
		case t.Kind == text.Word && words > 0 && (t.Norm == "bin" || t.Norm == "al" || t.Norm == "ul" || t.Norm == "ibn" || t.Norm == "e" || t.Norm == "o" || t.Norm == "i") && j+1 < len(toks) && isUpperWord(&toks[j+1]):
			j++
		default:
			return j
		}
		if words >= 5 {
			return j
		}
	}
	return j
}

// weakCover reports whether the token is covered only by a place mention,
// which a person's name may override (surnames such as "Baloch" or "Shah").
// A place whose name starts before the token is not weak there: a name
// does not begin inside a place's ("Ismail Khan" of "Dera Ismail Khan").
func (d *docState) weakCover(s, i int) bool {
	for _, m := range d.ments[s] {
		if m.a <= i && i < m.b {
			if m.a < i && m.ent.class == ClassPlace {
				return false
			}
			if m.ent.class == ClassPlace || m.ent.class == ClassRegion && m.b-m.a == 1 || m.demonym {
				continue
			}
			return false
		}
	}
	return true
}

func isRoleWord(w string) bool {
	switch w {
	case "minister", "president", "spokesman", "spokeswoman", "spokesperson", "governor", "ambassador",
		"commander", "general", "chief", "leader", "official", "deputy", "secretary", "prime", "foreign",
		"interior", "ministry", "said", "told", "added", "has", "had", "was", "is", "will", "the":
		return true
	}
	return false
}

// findPersons recognises people: after a role ("Interior Minister Ahmad
// Vahidi", "spokeswoman Mao Ning"), before or after an appositive role
// ("Alireza Rahmati, a deputy to the governor"), or starting with a known
// given name; then later mentions of their surnames.
func (d *docState) findPersons() {
	for si, s := range d.sents {
		if d.skip[si] || d.headline[si] && len(s.Tokens) < 12 {
			continue
		}
		toks := s.Tokens
		d.buf.roles = d.r.roles.AppendCoded(d.buf.roles[:0], d.coded[si])
		roleMatches := d.buf.roles
		// the names read after a role: a few, scanned
		var usedArr [8]int
		used := usedArr[:0]
		for _, rm := range roleMatches {
			ro := rm.Values[0]
			if ro.Name == "ambassador" || ro.Name == "official" {
				continue
			}
			// role + [of the X] + Name
			j := rm.End
			var of *entity
			if j+2 < len(toks) && toks[j].Norm == "of" && toks[j+1].Norm == "the" && markRegion.has(&toks[j+2]) {
				// "deputy governor of the province X": the region last named
				of = d.lastRegion(si)
			}
			if j < len(toks) && toks[j].Norm == "of" {
				k := j + 1
				for k < len(toks) && (toks[k].Norm == "the" || !isUpperWord(&toks[k]) && toks[k].Kind == text.Word && k < j+4) {
					k++
				}
				for _, m := range d.ments[si] {
					if m.a == k || m.a == j+1 {
						of = m.ent
						k = m.b
					}
				}
				if k < len(toks) && isUpperWord(&toks[k]) && k-j <= 4 {
					j = k
				}
			}
			end := d.nameRun(si, j)
			if end-j >= 2 || end-j == 1 && !d.r.givenNames.Has(toks[j].Norm) && end < len(toks) && (toks[end].Norm == "said" || toks[end].Norm == "told") {
				p := d.addPerson(si, j, end)
				used = append(used, j)
				d.attachRole(p, si, rm.Start, rm.End, ro, of)
				continue
			}
			// Name, a/the role (of X)
		}
		// Name , (a|the) role
		for i := 0; i+1 < len(toks); i++ {
			if !isUpperWord(&toks[i]) || slices.Contains(used, i) || d.covered(si, i) && !d.weakCover(si, i) {
				continue
			}
			end := d.nameRun(si, i)
			if end-i < 2 {
				continue
			}
			isPerson := false
			var role *lexicon.Match[*lexicon.Role]
			if end+2 < len(toks) && toks[end].Norm == "," {
				k := end + 1
				if toks[k].Norm == "a" || toks[k].Norm == "the" || toks[k].Norm == "an" {
					k++
				}
				for _, rm := range roleMatches {
					if rm.Start >= k && rm.Start <= k+3 && !clauseBetween(toks, k, rm.Start) {
						isPerson = true
						r := rm
						role = &r
						break
					}
				}
			}
			if !isPerson && d.r.givenNames.Has(toks[i].Norm) && !d.headline[si] {
				isPerson = true
			}
			if !isPerson && describedBefore(toks, i, end) {
				isPerson = true // "the alleged killer, Chérif Chekatt –"
			}
			if !isPerson && namedAsDoer(toks, i) {
				isPerson = true // "the gunman was identified as X"
			}
			if role == nil && i > 0 && toks[i-1].Norm == "," && end < len(toks) && toks[end].Norm == "," {
				// ", Alireza Rahmati, told": appositive after a role
				for _, rm := range roleMatches {
					if rm.End <= i && rm.End >= i-8 {
						isPerson = true
						r := rm
						role = &r
					}
				}
			}
			if !isPerson {
				continue
			}
			p := d.addPerson(si, i, end)
			if role != nil {
				// "the governor of Iran's Sistan-Baluchestan, Alireza Rahmati"
				var of *entity
				if role.End < len(toks) && toks[role.End].Norm == "of" {
					for _, m := range d.ments[si] {
						if m.a > role.End && m.b <= i && !m.possessive && m.ent.class != ClassPerson {
							of = m.ent
						}
					}
				}
				d.attachRole(p, si, role.Start, role.End, role.Values[0], of)
			}
			i = end
		}
	}
	d.findSurnames()
}

// clauseBetween reports whether tokens [a, b), between a name's comma and
// a role, open a phrase or a clause of their own ("Rue Victor Hugo, in
// what French President Macron called"): the role is then no apposition
// to the name.
func clauseBetween(toks []text.Token, a, b int) bool {
	for k := a; k < b; k++ {
		t := &toks[k]
		if prepositions.Has(t.Norm) || t.Norm == "what" || t.Norm == "which" || t.Norm == "who" || t.Norm == "where" || t.Norm == "when" {
			return true
		}
	}
	return false
}

// describedBefore reports whether the name at tokens [i, end) stands in
// apposition to a noun that describes one person ("the suspect, Omar
// Ali,", "the alleged killer, Chérif Chekatt –", "a gunman, John Doe
// (…)"): a singular participant head right before the comma, and a comma,
// a dash, a bracket or the sentence's end after the name.
func describedBefore(toks []text.Token, i, end int) bool {
	if i < 2 || toks[i-1].Norm != "," {
		return false
	}
	if end < len(toks) {
		switch toks[end].Text {
		case ",", "–", "—", "-", "(", ".":
		default:
			return false
		}
	}
	h, ok := loadWordLists().heads[toks[i-2].Norm]
	return ok && !h.plural && h.class != ""
}

// lastRegion returns the region most recently named up to sentence s.
// It prefers a region of the country the sentence is about.
func (d *docState) lastRegion(s int) *entity {
	focus := d.focusCountry(s)
	var any *entity
	for k := s; k >= 0; k-- {
		for i := len(d.ments[k]) - 1; i >= 0; i-- {
			e := d.ments[k][i].ent
			if e.class != ClassRegion {
				continue
			}
			if focus == nil || e.country == focus.country {
				return e
			}
			if any == nil {
				any = e
			}
		}
	}
	return any
}

// addPerson records a person named by tokens [a, b) of sentence s.
func (d *docState) addPerson(s, a, b int) *entity {
	name := d.surface(s, a, b)
	// a surname alone names the person already met: "Amir-Abdollahian"
	for _, p := range d.persons {
		parts := strings.Fields(p.name)
		if len(parts) >= 2 && parts[len(parts)-1] == name {
			d.addMention(d.newMention(mention{s: s, a: a, b: b, ent: p}), "")
			return p
		}
	}
	parts := strings.Fields(name)
	key := "person/" + slug(parts[len(parts)-1]) + "-" + nameSkeleton(name)
	pref := lexicon.PreferredSpelling(name)
	e := d.entityFor(&cand{class: ClassPerson, key: key, name: pref})
	if e.name != pref && len(pref) > len(e.name) {
		e.addAlias(e.name)
		e.name = pref
	}
	e.conf = 0.8
	// drop weaker mentions the name overlaps
	kept := d.ments[s][:0]
	for _, m := range d.ments[s] {
		if m.a < b && a < m.b {
			m.ent.mentions = removeMention(m.ent.mentions, m)
			continue
		}
		kept = append(kept, m)
	}
	d.ments[s] = kept
	d.addMention(d.newMention(mention{s: s, a: a, b: b, ent: e}), name)
	for _, p := range d.persons {
		if p == e {
			return e
		}
	}
	d.persons = append(d.persons, e)
	return e
}

func removeMention(ms []*mention, m *mention) []*mention {
	out := ms[:0]
	for _, x := range ms {
		if x != m {
			out = append(out, x)
		}
	}
	return out
}

// attachRole records that person p holds the role at tokens [a, b) of s,
// of the body or country named just before the role or after "of".
func (d *docState) attachRole(p *entity, s, a, b int, ro *lexicon.Role, of *entity) {
	if ro.Name == "official" {
		return // "a senior official" says who speaks, not an office
	}
	toks := d.sents[s].Tokens
	start := a
	// modifiers before the role: "caretaker", "deputy", "foreign ministry"
	for start > 0 && toks[start-1].Kind == text.Word && !isUpperWord(&toks[start-1]) && modifierWords.Has(toks[start-1].Norm) && !d.covered(s, start-1) {
		start--
	}
	role := d.surface(s, start, b)
	if of == nil {
		for _, m := range d.ments[s] {
			if m.b == start || m.possessive && m.b+2 == start || m.b == a {
				of = m.ent
			}
		}
	}
	if of == nil && (ro.Body == "government" || strings.HasPrefix(ro.Body, "ministry")) {
		// the nearest country named before the role in the sentence
		for _, m := range d.ments[s] {
			if m.b <= start && (m.ent.class == ClassCountry || m.capital) {
				of = m.ent
				if m.capital {
					of = d.countryEntity(m.ent.country)
				}
			}
		}
	}
	if of == nil && (ro.Body == "government" || strings.HasPrefix(ro.Body, "ministry")) {
		of = d.focusCountry(s)
	}
	if of != nil && strings.HasPrefix(ro.Body, "ministry") && of.class == ClassCountry {
		// "Iran's Foreign Minister": the role is in the country's government
	}
	d.roles = append(d.roles, roleMention{person: p, role: role, canon: ro, of: of, s: s})
	if p.country == "" && of != nil {
		p.country = of.country
	}
}

// modifierWords are the words that may stand before a role noun in a title:
// "interim president", "deputy foreign minister".
var modifierWords = grammarList("modifierWords")

// findSurnames marks later mentions of a person's surname alone.
func (d *docState) findSurnames() {
	if len(d.persons) == 0 {
		return
	}
	m := lexicon.NewMatcher[*entity]()
	// the first normalised word of each surname: a sentence with none of
	// them has no match (unless a surname matches by exact case only)
	var firsts []string
	exact := false
	for _, p := range d.persons {
		parts := strings.Fields(p.name)
		if len(parts) >= 2 {
			m.Add(parts[len(parts)-1], p)
			first, _, _ := strings.Cut(lexicon.Key(parts[len(parts)-1]), " ")
			firsts = append(firsts, first)
			exact = exact || strings.HasPrefix(parts[len(parts)-1], "=")
		}
	}
	if m.Len() == 0 {
		return
	}
	for si, s := range d.sents {
		if d.skip[si] || !exact && !hasNorm(s.Tokens, firsts) {
			continue
		}
		for _, h := range m.Find(s.Tokens) {
			if !isUpperWord(&s.Tokens[h.Start]) || d.covered(si, h.Start) || otherGivenName(s.Tokens, h.Start, h.Values[0]) {
				continue
			}
			d.addMention(d.newMention(mention{s: si, a: h.Start, b: h.End, ent: h.Values[0]}), "")
		}
	}
}

// otherGivenName reports whether the surname at token k follows a given
// name that is not person p's: a capitalised word that opens no sentence
// and is no title or honorific ("candidate Ada Obi (daughter of Ben
// Obi)": Ada Obi is another person of the family than Ben Obi).
func otherGivenName(toks []text.Token, k int, p *entity) bool {
	if k == 0 || opensSentence(toks, k-1) {
		return false
	}
	t := &toks[k-1]
	if t.Kind != text.Word || !isUpperWord(t) || t.AllCaps() || isRoleWord(t.Norm) || honorifics.Has(t.Norm) {
		return false
	}
	for _, w := range strings.Fields(p.name) {
		if text.Normalize(w) == t.Norm {
			return false
		}
	}
	return true
}

// hasNorm reports whether some token's normalised form is one of words.
func hasNorm(toks []text.Token, words []string) bool {
	for i := range toks {
		t := &toks[i]
		for _, w := range words {
			if t.Norm == w {
				return true
			}
		}
	}
	return false
}

// nameSkeleton reduces a person's name to its consonants, so that
// transliteration variants ("Anwaar-ul-Haq Kakar", "Anwar-ul-haq Kakar")
// share one identity.
func nameSkeleton(name string) string {
	n := text.Normalize(name)
	var b strings.Builder
	var last rune
	for _, r := range n {
		if r < 'a' || r > 'z' {
			continue
		}
		if strings.ContainsRune("aeiouy", r) {
			continue
		}
		if r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// placeBefore are the prepositions after which a name is a place.
var placeBefore = grammarList("placeBefore")

// unpersonPlaces undoes the persons that a given name alone made
// ("Abu", "Omar") when one of their mentions stands where only a place
// stands: after "in" or "near" ("residents in Abu Seif"), or before a
// settlement or administrative word ("Omar Hadi village"). Their mentions
// are dropped, so that the context places read them (findContextPlaces);
// it returns the spans dropped, for placeAgain.
func (d *docState) unpersonPlaces() []mention {
	var dropped []mention
	for _, p := range d.persons {
		if d.hasRole(p) || !d.placeContext(p) {
			continue
		}
		for _, m := range p.mentions {
			d.ments[m.s] = removeMention(d.ments[m.s], m)
			dropped = append(dropped, mention{s: m.s, a: m.a, b: m.b})
		}
		p.mentions = nil
	}
	return dropped
}

// hasRole reports whether the document gives person p a role.
func (d *docState) hasRole(p *entity) bool {
	for _, r := range d.roles {
		if r.person == p {
			return true
		}
	}
	return false
}

// placeContext reports whether a mention of p stands where only a place
// stands.
func (d *docState) placeContext(p *entity) bool {
	l := loadWordLists()
	for _, m := range p.mentions {
		toks := d.sents[m.s].Tokens
		if m.possessive {
			continue
		}
		if m.a > 0 && placeBefore.Has(toks[m.a-1].Norm) || struckOn(toks, m.a) {
			return true
		}
		if m.b < len(toks) && !isUpperWord(&toks[m.b]) && placeRole(l, &toks[m.b])&(placeAdmin|placeSettle) != 0 {
			return true
		}
	}
	return false
}

// placeAgain makes places of the spans unpersonPlaces dropped that no
// context place took: the place of the same name when there is one, else
// a place no gazetteer knows ("attacked Abu Seif" is the Abu Seif that
// "in Abu Seif" shows to be a place).
func (d *docState) placeAgain(dropped []mention) {
	for _, sp := range dropped {
		if d.covered(sp.s, sp.a) {
			continue
		}
		name := d.surface(sp.s, sp.a, sp.b)
		if e := d.placeNamed(name); e != nil {
			d.addMention(d.newMention(mention{s: sp.s, a: sp.a, b: sp.b, ent: e}), name)
			continue
		}
		d.addUnknownPlace(sp.s, sp.a, sp.b, name)
	}
}

// placeNamed returns the place of the document with that name, or nil.
func (d *docState) placeNamed(name string) *entity {
	for _, e := range d.order {
		if e.class == ClassPlace && len(e.mentions) > 0 && (e.name == name || slices.Contains(e.aliases, name)) {
			return e
		}
	}
	return nil
}
