package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/text"
)

// forceNouns are the words that, after a country, name its forces.
var forceNouns = []struct {
	words []string
	kind  string // armed, police, security, intelligence
}{
	{[]string{"armed", "forces"}, "armed"}, {[]string{"air", "force"}, "armed"}, {[]string{"army"}, "armed"},
	{[]string{"military"}, "armed"}, {[]string{"navy"}, "armed"}, {[]string{"troops"}, "armed"},
	{[]string{"soldiers"}, "armed"}, {[]string{"forces"}, "armed"}, {[]string{"fighter", "jets"}, "armed"},
	{[]string{"warplanes"}, "armed"}, {[]string{"jets"}, "armed"}, {[]string{"military", "forces"}, "armed"},
	{[]string{"defence", "forces"}, "armed"}, {[]string{"defense", "forces"}, "armed"},
	{[]string{"security", "forces"}, "security"},
	{[]string{"police"}, "police"}, {[]string{"border", "guards"}, "security"}, {[]string{"border", "police"}, "police"},
	{[]string{"intelligence", "services"}, "intelligence"}, {[]string{"intelligence", "agency"}, "intelligence"},
	{[]string{"intelligence", "agencies"}, "intelligence"},
}

// govNouns are the words that, after a country, name a government body.
var govNouns = []struct {
	words []string
	kind  string
}{
	{[]string{"foreign", "ministry"}, "mfa"}, {[]string{"foreign", "office"}, "mfa"},
	{[]string{"ministry", "of", "foreign", "affairs"}, "mfa"}, {[]string{"foreign", "affairs", "ministry"}, "mfa"},
	{[]string{"interior", "ministry"}, "interior"}, {[]string{"ministry", "of", "interior"}, "interior"},
	{[]string{"defence", "ministry"}, "defence"}, {[]string{"defense", "ministry"}, "defence"},
	{[]string{"ministry", "of", "defence"}, "defence"}, {[]string{"ministry", "of", "defense"}, "defence"},
	{[]string{"government"}, "government"}, {[]string{"cabinet"}, "government"},
	{[]string{"parliament"}, "parliament"}, {[]string{"embassy"}, "embassy"},
}

// govFirst and forceFirst are the first words of the govNouns and
// forceNouns phrases: a token that starts neither kind of phrase (after
// the joiners matchWords skips) need not be tried against each.
var govFirst, forceFirst = func() (wordSet, wordSet) {
	gov, force := map[string]bool{}, map[string]bool{}
	for _, f := range govNouns {
		gov[f.words[0]] = true
	}
	for _, f := range forceNouns {
		force[f.words[0]] = true
	}
	return newWordSet(gov), newWordSet(force)
}()

const (
	bodyGov = 1 << iota
	bodyForce
)

// bodyKinds returns the kinds of body phrase (bodyGov, bodyForce) whose
// first word matchWords would find at token i.
func bodyKinds(toks []text.Token, i int) uint8 {
	for i < len(toks) && innerJoiner(&toks[i]) {
		i++
	}
	if i >= len(toks) {
		return 0
	}
	var k uint8
	if markGovFirst.has(&toks[i]) {
		k |= bodyGov
	}
	if markForceFirst.has(&toks[i]) {
		k |= bodyForce
	}
	return k
}

var forceNames = map[string]string{"armed": "Armed Forces", "security": "security forces", "police": "Police", "intelligence": "intelligence services"}
var govNames = map[string]string{"mfa": "Ministry of Foreign Affairs of ", "interior": "Ministry of Interior of ", "defence": "Ministry of Defence of ", "government": "Government of ", "parliament": "Parliament of ", "embassy": "Embassy of "}

// typeBody gives a government body the type its key names: a foreign
// ministry ("gov/fr-mfa", by pattern, by its seat, the Quai d'Orsay, or by
// its own name, the State Department).
func typeBody(e *entity) {
	if e.class == ClassGovernment && strings.HasSuffix(e.key, "-mfa") {
		e.typ = "ForeignMinistry"
	}
}

// innerJoiner is lexicon.Joiner(*t) && t.Norm != ".": a hyphen,
// apostrophe or double quote, the joiners a phrase's words are read past.
// Every joiner is one byte, so one length test rejects nearly every word.
func innerJoiner(t *text.Token) bool {
	n := t.Norm
	return len(n) == 1 && (n[0] == '-' || n[0] == '\'' || n[0] == '"')
}

// matchWords reports whether the normalised tokens from i on spell words,
// skipping joiners, and returns the index after the last one.
func matchWords(toks []text.Token, i int, words []string) (int, bool) {
	for _, w := range words {
		for i < len(toks) && innerJoiner(&toks[i]) {
			i++
		}
		if i >= len(toks) || toks[i].Norm != w {
			return 0, false
		}
		i++
	}
	return i, true
}

// countryAt returns the country mention that ends right before token i
// (allowing a possessive), or, for "the country's", the focus country.
func (d *docState) countryBefore(s, i int) (*entity, int) {
	toks := d.sents[s].Tokens
	j := i
	if j >= 2 && toks[j-1].Norm == "s" && toks[j-2].Norm == "'" {
		j -= 2
	}
	for _, m := range d.ments[s] {
		if m.b == j && m.ent.class == ClassCountry {
			return m.ent, m.a
		}
	}
	if j >= 2 && j < i && toks[j-1].Norm == "country" && toks[j-2].Norm == "the" {
		if c := d.focusCountry(s); c != nil {
			return c, j - 2
		}
	}
	return nil, 0
}

// findBodies finds forces and government bodies named after a country
// ("Pakistan's air force", "Iranian troops", "the foreign ministry").
func (d *docState) findBodies() {
	for si, s := range d.sents {
		if d.skip[si] {
			continue
		}
		toks := s.Tokens
		for i := 0; i < len(toks); i++ {
			if t := &toks[i]; !innerJoiner(t) && !markGovFirst.has(t) && !markForceFirst.has(t) {
				continue // bodyKinds' own answer, 0, with no call: most tokens
			}
			kinds := bodyKinds(toks, i)
			if kinds == 0 {
				continue
			}
			for _, f := range govNouns {
				if kinds&bodyGov == 0 {
					break
				}
				end, ok := matchWords(toks, i, f.words)
				if !ok {
					continue
				}
				if end < len(toks) && (toks[end].Norm == "official" || toks[end].Norm == "officials" || toks[end].Norm == "source" || toks[end].Norm == "sources") {
					continue
				}
				c, start := d.countryBefore(si, i)
				if c == nil {
					// "Foreign Ministry of Pakistan" / bare "the foreign ministry"
					if e2, ok := matchWords(toks, end, []string{"of"}); ok {
						for _, m := range d.ments[si] {
							if m.a == e2 && m.ent.class == ClassCountry {
								c, end = m.ent, m.b
							}
						}
					}
					start = i
					// "the foreign ministry in Pretoria"
					if c == nil && end+1 < len(toks) && toks[end].Norm == "in" {
						for _, m := range d.ments[si] {
							if m.a == end+1 && m.capital {
								c = d.countryEntity(m.ent.country)
							}
						}
					}
					if c == nil && f.kind != "embassy" && f.kind != "government" && f.kind != "parliament" {
						c = d.nearestCountryBefore(si, i)
					}
					if c == nil && f.kind != "embassy" && f.kind != "government" && f.kind != "parliament" {
						c = d.focusCountry(si)
					}
				}
				if c == nil {
					continue
				}
				key := "gov/" + strings.ToLower(c.country) + "-" + f.kind
				e := d.entityFor(&cand{class: ClassGovernment, key: key, name: govNames[f.kind] + c.name, country: c.country})
				typeBody(e)
				d.addMention(d.newMention(mention{s: si, a: start, b: end, ent: e}), d.surface(si, start, end))
				i = end - 1
				kinds = bodyKinds(toks, i)
				break
			}
			for _, f := range forceNouns {
				if kinds&bodyForce == 0 {
					break
				}
				end, ok := matchWords(toks, i, f.words)
				if !ok {
					continue
				}
				c, start := d.countryBefore(si, i)
				if c == nil {
					continue
				}
				if d.mentionAt(si, i) != nil {
					continue
				}
				key := "force/" + strings.ToLower(c.country) + "-" + f.kind
				name := c.name + " " + forceNames[f.kind]
				if f.kind == "security" {
					name = c.name + " security forces"
				}
				fc := &cand{class: ClassStateForce, key: key, name: name, country: c.country}
				if nf := d.r.nationalForces[c.country]; nf != nil && f.kind == "armed" {
					fc = nf // "Israeli forces": the Israel Defense Forces
				}
				e := d.entityFor(fc)
				d.addMention(d.newMention(mention{s: si, a: start, b: end, ent: e}), d.surface(si, start, end))
				i = end - 1
				break
			}
		}
	}
}

// mentionAt returns a mention starting at token i of sentence s.
func (d *docState) mentionAt(s, i int) *mention {
	for _, m := range d.ments[s] {
		if m.a <= i && i < m.b && m.ent.class != ClassCountry {
			return m
		}
	}
	return nil
}

// covered reports whether token i of sentence s is inside any mention.
func (d *docState) covered(s, i int) bool {
	for _, m := range d.ments[s] {
		if m.a <= i && i < m.b {
			return true
		}
	}
	return false
}

// focusCountry is the country a sentence is about when it does not say:
// the first country named in the sentence or the sentences before, else
// the document's most mentioned country.
func (d *docState) focusCountry(s int) *entity {
	for k := s; k >= 0 && k >= s-2; k-- {
		for _, m := range d.ments[k] {
			if m.ent.class == ClassCountry && !d.diplomatModifier(k, m) {
				return m.ent
			}
			if m.capital {
				if c := d.countryEntity(m.ent.country); c != nil {
					return c
				}
			}
		}
	}
	best, n := "", 0
	for cc, c := range d.countryCount.all {
		if c > n || c == n && cc < best {
			best, n = cc, c
		}
	}
	return d.countryEntity(best)
}

// nearestCountryBefore returns the country named closest before token i
// of sentence s, directly, by a demonym or by its capital ("in Tehran …
// the Foreign Ministry"), skipping the home country of a diplomat.
func (d *docState) nearestCountryBefore(s, i int) *entity {
	var best *entity
	for _, m := range d.ments[s] {
		if m.b > i || d.diplomatModifier(s, m) {
			continue
		}
		switch {
		case m.ent.class == ClassCountry:
			best = m.ent
		case m.capital:
			best = d.countryEntity(m.ent.country)
		}
	}
	return best
}

// diplomatModifier reports whether a country mention qualifies a diplomat
// ("Pakistan's charge d'affaires", "the Pakistani envoy"): the diplomat
// belongs to that country, but the sentence is about the host.
func (d *docState) diplomatModifier(s int, m *mention) bool {
	toks := d.sents[s].Tokens
	if !m.possessive && !m.demonym {
		return false
	}
	i := m.b
	if m.possessive {
		i += 2
	}
	for k := i; k < len(toks) && k < i+3; k++ {
		switch toks[k].Norm {
		case "ambassador", "envoy", "charge", "diplomat", "diplomats", "embassy", "consul":
			return true
		}
	}
	return false
}

// countryEntity returns the document entity of a country, creating it from
// the gazetteer if the document has not named it yet.
func (d *docState) countryEntity(cc string) *entity {
	if cc == "" {
		return nil
	}
	if ref, ok := d.r.countries[cc]; ok {
		if e, ok := d.ents[ref.key]; ok {
			return e
		}
		if ref.cand == nil {
			return nil
		}
		return d.entityFor(ref.cand)
	}
	if e, ok := d.ents["country/"+strings.ToLower(cc)]; ok {
		return e
	}
	g := d.r.gaz.Country(cc)
	if g == nil {
		return nil
	}
	return d.entityFor(gazCand(g))
}
