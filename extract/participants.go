package extract

import (
	"hash/fnv"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/text"
)

// A descriptive participant is a phrase that describes who acted or
// suffered without naming them: "unknown gunmen", "Pokot raiders",
// "gunmen suspected to be al Shabaab", "seven civilians", "a police
// officer". findParticipants reads each around its head noun
// (data/participants.tsv): the modifiers before it (data/modifiers.tsv), a
// number or determiner, a demonym or a country, an ethnic or community
// name, and an affiliation before or after it. The phrase becomes a
// mention of an entity with a stable identity where the text gives one:
//
//   - an armed group the phrase is affiliated with ("Al Shabaab gunmen",
//     "gunmen suspected to be al Shabaab", "al Shabaab-linked attackers")
//     is the entity itself;
//   - a state force takes its country from a demonym, "of X" or the
//     sentence's focus country, and is the force findBodies names
//     ("police" in a note about Kenya is the Kenya Police);
//   - "Pokot raiders", "Fulani militia", "Alawite militias", "Druze
//     groups": the community's or sect's militia, which keeps the phrase;
//   - "all three countries", "two nations": counted states acting
//     together, the document's coalition;
//   - civilians of a kind are one entity per kind and country, with the
//     count the phrase gives ("seven civilians": 7) and the nationality
//     its demonym gives ("two French tourists" are French, whoever
//     attacked them);
//   - anything else armed and unnamed is the document's unidentified
//     group of that kind, flagged unidentified.
type participant struct {
	s, a, b      int // tokens [a, b) of sentence s
	head         int // the head noun's token
	class, kind  string
	plural       bool
	count        int // 0 when the phrase gives none
	definite     bool
	unidentified bool
	country      string  // ISO code from a demonym, "of X" or "from X"
	affiliation  *entity // an armed group the participant belongs to
	community    string  // "Pokot" in "Pokot raiders"
	modifiers    []string
	refOnly      bool // "the group", "the suspect": only a reference back
}

// findParticipants finds the descriptive participants of every sentence
// and adds them as mentions.
func (d *docState) findParticipants() {
	l := loadWordLists()
	for si, s := range d.sents {
		if d.skip[si] {
			continue
		}
		toks := s.Tokens
		for i := 0; i < len(toks); i++ {
			if toks[i].Kind != text.Word || !markHead.has(&toks[i]) || d.covered(si, i) {
				continue
			}
			if p, ok := d.readParticipant(l, si, i); ok {
				d.addParticipant(p)
				i = p.b - 1
			}
		}
	}
}

// readParticipant reads the participant whose head noun is token h of
// sentence s.
func (d *docState) readParticipant(l *wordLists, s, h int) (participant, bool) {
	toks := d.sents[s].Tokens
	head := l.heads[toks[h].Norm]
	p := participant{s: s, a: h, b: h + 1, head: h, class: head.class, kind: head.kind, plural: head.plural}
	if isUpperWord(&toks[h]) && h > 0 && !d.headline[s] && !toks[h].AllCaps() && !titleEnds(toks, h, head) {
		return p, false // part of a name: "Kenya Police Service"
	}
	if h+1 < len(toks) && (l.headSet.Has(toks[h+1].Norm) && l.modSet.Has(toks[h].Norm) || l.placeSet.Has(toks[h+1].Norm) || qualifiedNouns.Has(toks[h+1].Norm)) {
		return p, false // a modifier of the next noun: "police officers", "police station", "militant group"
	}
	if h+1 < len(toks) && (sayVerbs.Has(toks[h+1].Norm) || toks[h+1].Norm == "say") && !saidToAct(toks, h+1) && toks[h].Norm != "group" && head.class != ClassPerson {
		return p, false // "police said": a source, not a participant
	}
	if h+1 < len(toks) && (!head.plural || massHeads.Has(toks[h].Norm)) && d.nounTriggerAt(s, h+1) {
		return p, false // "militant attack", "military strikes"; not "police fired"
	}
	if !d.readBefore(l, &p) || adjectivalHeads.Has(toks[h].Norm) && !determined(toks, p.a) {
		return p, false
	}
	// an event trigger inside the phrase keeps its words ("a suicide
	// bomber" is also the trigger "suicide bomber")
	a0 := p.a
	var buf [4]lexicon.Match[*lexicon.Trigger]
	for _, m := range d.r.triggers.AppendCoded(buf[:0], d.coded[s].Slice(a0, p.b)) {
		if a0+m.Start < p.head {
			p.a = max(p.a, a0+m.Start+1)
		}
	}
	d.readAfter(&p)
	return p, d.settleClass(l, &p)
}

// titleEnds reports whether the capitalised head at token h, a civilian's
// title, ends its run of capitalised words with no name after it: the
// title of the person hit, written as a title is ("the vehicle of the
// town's Deputy Mayor", "the Area Chief was attacked"), not a name's part
// ("Chief Kariuki", "Mayor Street").
func titleEnds(toks []text.Token, h int, head participantHead) bool {
	if head.class != ClassCivilians || head.kind != "officials" || head.plural {
		return false
	}
	return h+1 == len(toks) || !isUpperWord(&toks[h+1]) && toks[h+1].Kind == text.Word || toks[h+1].Kind == text.Punct
}

// saidToAct reports whether the verb of saying at token k is followed by
// a progressive or perfect infinitive ("police said to be targeting
// migrants", "said to have shot"): what the phrase before it did is
// reported, it is no source ("said to reporters" is one).
func saidToAct(toks []text.Token, k int) bool {
	return k+2 < len(toks) && toks[k+1].Norm == "to" && (toks[k+2].Norm == "be" || toks[k+2].Norm == "have")
}

// adjectivalHeads are singular heads that are also adjectives ("a
// terrorist", "terrorist hide-outs"): they head a participant only after
// a determiner or a number (determined).
var adjectivalHeads = grammarList("adjectivalHeads")

// determined reports whether the phrase that starts at token a opens with
// a determiner or a number: "a Palestinian terrorist", "the extremist".
func determined(toks []text.Token, a int) bool {
	switch toks[a].Norm {
	case "a", "an", "the", "one", "this", "that", "another":
		return true
	}
	return countWord(toks[a].Norm)
}

// readBefore reads the words before the head, right to left: modifiers,
// a demonym or country, an affiliated group, a community name, a number
// and a determiner. It reports false when the head only qualifies a body
// already found ("Kenyan police officer").
func (d *docState) readBefore(l *wordLists, p *participant) bool {
	toks := d.sents[p.s].Tokens
	for k := p.head - 1; k >= 0; k-- {
		t := &toks[k]
		if k >= 2 && toks[k-1].Norm == "-" && !toks[k-1].SpaceBefore && toks[k-2].Norm == "pro" {
			// "pro-government militia": a side taken, not a body
			p.modifiers = append(p.modifiers, "pro-"+t.Norm)
			p.a = k - 2
			k -= 2
			continue
		}
		if m := d.mentionEnding(p.s, k+1); m != nil {
			switch {
			case m.demonym || m.ent.class == ClassCountry:
				p.country = m.ent.country
			case m.ent.class == ClassArmedGroup:
				p.affiliation = m.ent
			case m.ent.class == ClassStateForce || m.ent.class == ClassGovernment:
				return k+1 != p.head
			case (m.ent.class == ClassPlace || m.ent.class == ClassRegion) && p.class == ClassCivilians:
				p.country = m.ent.country // "Garissa residents"
			case (m.ent.class == ClassPlace || m.ent.class == ClassRegion) && p.class == ClassArmedGroup && communityHeads.Has(toks[p.head].Norm) && m.b-m.a == 1 && k+1 == p.head && p.community == "" && len(p.modifiers) == 0:
				// "Samburu raiders", "Turkana herders": a one-word place
				// name before raiders is the people of that land, whose
				// militia the raiders are; a people of homecountries.tsv
				// lives where that says, not where a land of its name lies
				// ("Nuer youth": the Nuer Zone is in Ethiopia, most Nuer
				// in South Sudan)
				p.community = toks[m.a].Text
				if _, ok := homeCountries()[strings.ToLower(p.community)]; !ok {
					p.country = m.ent.country
				}
			default:
				return true
			}
			p.a = m.a
			k = m.a
			continue
		}
		switch {
		case k+1 == p.head && herdNouns.Has(t.Norm) && communityHeads.Has(toks[p.head].Norm):
			// "Karamojong cattle raiders": the herd is part of the head,
			// the people's name may still come before it
			p.a = k
			continue
		case l.modSet.Has(t.Norm):
			p.modifiers = append(p.modifiers, t.Norm)
			p.a = k
			continue
		case affixes.Has(t.Norm) && k >= 2 && toks[k-1].Norm == "-" && !toks[k-1].SpaceBefore:
			// "al Shabaab-linked gunmen", "Iran-backed militia"
			m := d.mentionEnding(p.s, k-1)
			if m == nil {
				return true
			}
			if m.ent.class == ClassArmedGroup {
				p.affiliation = m.ent
			} else if m.demonym || m.ent.class == ClassCountry {
				p.country = m.ent.country
			}
			p.a = m.a
			k = m.a
			continue
		case isUpperWord(t) && !t.AllCaps() && p.community == "" && len(p.modifiers) == 0 && (communityHeads.Has(toks[p.head].Norm) || (p.class == ClassCivilians || countedPeople.Has(toks[p.head].Norm)) && (!opensSentence(toks, k) || sectWords.Has(t.Norm))) && !ideologyWord(t.Norm) && !d.r.stopwords.Has(t.Norm) && !countWord(t.Norm) && !d.covered(p.s, k):
			// "Pokot raiders"; "a Fulani man", "two Maasai herders": the
			// community of people hurt (not "Two gunmen" opening a
			// sentence: a count)
			p.community = t.Text
			p.a = k
			continue
		}
		d.readDeterminer(p, k)
		return true
	}
	return true
}

// opensSentence reports whether token k opens its sentence or clause,
// where a capital says nothing of a name.
func opensSentence(toks []text.Token, k int) bool {
	return k == 0 || toks[k-1].Kind == text.Punct && toks[k-1].Norm != ","
}

// ideologyWord reports whether a capitalised word before a head is a
// creed rather than a people ("Islamist rebels", "Maoist insurgents"):
// no community.
func ideologyWord(w string) bool {
	return strings.HasSuffix(w, "ist") && !sectWords.Has(w)
}

// qualifiedNouns are nouns a head word qualifies when it stands right
// before them, as an adjective: "militant group", "terrorist camps",
// "military operation", "rebel commander", "police sources".
var qualifiedNouns = grammarList("qualifiedNouns")

// countedPeople are the needs-modifier heads that, counted and with no
// modifier, are people hit: "two men", "a man", "three individuals".
var countedPeople = grammarList("countedPeople")

// massHeads are heads that are also adjectives: "military strikes".
var massHeads = grammarList("massHeads")

// genericHeads, bare (no determiner, number, modifier or affiliation),
// speak of a kind rather than of someone: "Iran said it struck
// terrorists". They refer back to a group named just before, or to
// nothing.
var genericHeads = grammarList("genericHeads")

// affixes join a group's name to a participant: "al Shabaab-linked
// gunmen", "Iran-backed militia".
var affixes = grammarList("affixes")

// herdNouns name the herds that raiders or herders go after or keep,
// between a people's name and the head: "Karamojong cattle raiders".
var herdNouns = grammarList("herdNouns")

// communityHeads are the heads an ethnic or community name may qualify:
// "Pokot raiders", "Fulani militia", "Marakwet youths".
var communityHeads = grammarList("communityHeads")

// peopleHomes are the heads a people's name may qualify to speak of the
// people living together there: "a Yanomami community", "Wayuu
// settlements".
var peopleHomes = grammarList("peopleHomes")

// originOf reports whether the phrase that starts at token a follows
// "from" or "of": it says where the people named before it come from
// ("two families from the X community"), they are the participant.
func originOf(toks []text.Token, a int) bool {
	return a > 0 && (toks[a-1].Norm == "from" || toks[a-1].Norm == "of")
}

// countedStates are heads that, counted, are states acting together as
// one coalition: "all three countries struck the rebels".
var countedStates = grammarList("countedStates")

// sectWords are religions and sects, which qualify people as a community
// name does, also where they open the sentence: "Alawite militias",
// "Coptic worshippers were killed".
var sectWords = grammarList("sectWords")

// notCounts are number words that give no count: "dozens of", "hundreds".
var notCounts = grammarList("notCounts")

// readDeterminer reads a number or determiner at token k, the word before
// the phrase read so far.
func (d *docState) readDeterminer(p *participant, k int) {
	toks := d.sents[p.s].Tokens
	switch w := toks[k].Norm; {
	case w == "the" || w == "these" || w == "those":
		p.definite, p.a = true, k
	case w == "a" || w == "an" || w == "another":
		if !p.plural {
			p.count = 1
		}
		p.a = k
	case w == "some" || w == "several" || w == "many" || w == "other" || w == "more":
		p.a = k
	default:
		if notCounts.Has(w) {
			return
		}
		if v, end, ok := numberAt(toks, k); ok && end == k+1 {
			p.count, p.a = v, k
		} else if k >= 2 && toks[k].Norm != "-" {
			// "twenty-five civilians": a number of several tokens ending at k
			if v, end, ok := numberAt(toks, k-2); ok && end == k+1 {
				p.count, p.a = v, k-2
			}
		}
	}
}

// affiliationCues open the affiliation after a head: "gunmen suspected to
// be al Shabaab", "attackers linked to ISWAP", "fighters loyal to X".
var affiliationCues = grammarList("affiliationCues")

// readAfter reads an affiliation or a country after the head: "of X",
// "from X", "suspected to be X".
func (d *docState) readAfter(p *participant) {
	toks := d.sents[p.s].Tokens
	k := p.head + 1
	if k < len(toks) && (toks[k].Norm == "of" || toks[k].Norm == "from") {
		if m := d.mentionStarting(p.s, settlementOf(toks, k+1)); m != nil && d.townsfolkOf(p, m) {
			return
		}
		if m := d.mentionStarting(p.s, k+1); m != nil {
			d.takeAffiliation(p, m)
		}
		return
	}
	if d.bracketCommunity(p, k) {
		return
	}
	if k+1 < len(toks) && toks[k].Norm == "," && affiliationCues.Has(toks[k+1].Norm) {
		k++ // set off by commas: "assailants, believed to be X, abducted…"
	}
	if k < len(toks) && !affiliationCues.Has(toks[k].Norm) {
		k = bracketAfter(toks, k) // "men armed with clubs (believed to be partisans of X)"
	}
	if k >= len(toks) || !affiliationCues.Has(toks[k].Norm) {
		return
	}
	for j := k + 1; j < len(toks) && j <= k+7; j++ {
		if toks[j].Kind == text.Punct {
			return
		}
		if m := d.mentionStarting(p.s, j); m != nil {
			if sideOf(m.ent) {
				p.affiliation = m.ent
				return
			}
			if !memberWord(toks, m) {
				return
			}
		}
	}
}

// bracketCommunity reads a community name that brackets alone right
// after the head, token k opening the bracket: "armed youths (Pokot)" are
// Pokot youths. It reports whether it read one.
func (d *docState) bracketCommunity(p *participant, k int) bool {
	toks := d.sents[p.s].Tokens
	if k+2 >= len(toks) || toks[k].Norm != "(" || toks[k+2].Norm != ")" || p.community != "" || !communityHeads.Has(toks[p.head].Norm) {
		return false
	}
	t := toks[k+1]
	if !isUpperWord(&t) || t.AllCaps() || d.r.stopwords.Has(t.Norm) {
		return false
	}
	if d.covered(p.s, k+1) {
		// a community named like its land: "youths (Turkana)"
		m := d.mentionStarting(p.s, k+1)
		if m == nil || m.b != k+2 || m.ent.class != ClassPlace && m.ent.class != ClassRegion {
			return false
		}
		p.country = m.ent.country
	}
	p.community, p.b = t.Text, k+2
	return true
}

// bracketAfter returns the first token inside a bracket that opens within
// a few words after token k, before any other punctuation ("armed with
// machetes (believed…"), or len(toks) when none does.
func bracketAfter(toks []text.Token, k int) int {
	for j := k; j < len(toks) && j <= k+5; j++ {
		if toks[j].Norm == "(" {
			return j + 1
		}
		if toks[j].Kind == text.Punct {
			break
		}
	}
	return len(toks)
}

// sideOf reports whether e is a side a participant may belong to: an
// armed group, or an organisation found by shape whose people act.
func sideOf(e *entity) bool {
	return e.class == ClassArmedGroup || e.class == ClassOrganization && e.side
}

// memberWord reports whether mention m is a described participant that a
// word for a group's people made ("partisans"), which the group's name
// may follow: "believed to be partisans of X".
func memberWord(toks []text.Token, m *mention) bool {
	return m.b-m.a == 1 && (memberHeads.Has(toks[m.a].Norm) || sideHeads.Has(toks[m.a].Norm))
}

// townsfolkHeads are the heads that, before "of" or "from" and a place,
// are the people of that place: "residents of Tokpa".
var townsfolkHeads = grammarList("townsfolkHeads")

// townsfolkActs are the verbs, besides the lexicon's triggers, after which
// the people of a place act as a side: "fought", "clashed", "lynched".
var townsfolkActs = grammarList("townsfolkActs")

// townsfolkOf reads "residents of Tokpa", "people from Zogbo" (m the place
// after "of" or "from") when the phrase opens an attack: the people of a
// place who attack or fight ("residents of Tokpa (Tokpa, Zou) raided a
// camp") act as its communal militia, named after the place as conflict
// coding names such sides. As victims ("residents of Tokpa were attacked")
// they stay civilians. It reports whether it read the phrase so.
func (d *docState) townsfolkOf(p *participant, m *mention) bool {
	toks := d.sents[p.s].Tokens
	if !townsfolkHeads.Has(toks[p.head].Norm) || len(p.modifiers) > 0 || p.community != "" || p.affiliation != nil {
		return false
	}
	if m.ent.class != ClassPlace && m.ent.class != ClassRegion || m.ent.typ == "facility" || !d.opensAttack(p.s, m.b) {
		return false
	}
	p.community, p.country = d.surface(p.s, m.a, m.b), m.ent.country
	p.class, p.kind = ClassArmedGroup, "communal militia"
	return true
}

// settlementOf returns the token after "the village of", "the villages
// of" or a bare "villages" before a name, starting at token j ("residents
// from the hamlets of Sori and Tanou fought", "people from villages
// Sori and Tanou raided"), or j when the words there are not those.
func settlementOf(toks []text.Token, j int) int {
	settle := func(k int) bool { return placeRole(loadWordLists(), &toks[k])&placeSettle != 0 }
	if j+2 < len(toks) && toks[j].Norm == "the" && settle(j+1) && toks[j+2].Norm == "of" {
		return j + 3
	}
	if j+1 < len(toks) && settle(j) && !isUpperWord(&toks[j]) && isUpperWord(&toks[j+1]) {
		return j + 1
	}
	return j
}

// opensAttack reports whether the words from token j of sentence s, past
// a bracketed aside ("(Tokpa, Zou)"), are the verb of an attack, or its
// infinitive ("to attack"): the phrase before j is its subject.
func (d *docState) opensAttack(s, j int) bool {
	toks := d.sents[s].Tokens
	if j < len(toks) && toks[j].Norm == "(" {
		for j < len(toks) && toks[j].Norm != ")" {
			j++
		}
		j++
	}
	for j < len(toks) && (toks[j].Norm == "and" || toks[j].Norm == "," || toks[j].Norm == "-" || isUpperWord(&toks[j])) {
		j++ // the other places listed: "of Sori and Tanou fought"
	}
	if j+1 < len(toks) && toks[j].Norm == "to" {
		j++ // "prompting people from Belle to attack the camp"
	}
	return j < len(toks) && toks[j].Kind == text.Word && !isUpperWord(&toks[j]) && (townsfolkActs.Has(toks[j].Norm) || d.triggerAt(s, j))
}

// takeAffiliation reads mention m after "of" or "from" as the
// participant's group or country.
func (d *docState) takeAffiliation(p *participant, m *mention) {
	switch {
	case sideOf(m.ent) && p.class != ClassCivilians:
		p.affiliation = m.ent
	case m.ent.class == ClassCountry:
		p.country = m.ent.country
	}
}

// bareSingular reports whether participant p is a singular head alone,
// with no determiner, number or modifier: the clipped style of headlines
// and incident notes ("gunmen shoot man in the market"), which drops the
// article of "a man".
func bareSingular(p *participant) bool {
	return p.a == p.head && p.b == p.head+1 && !p.plural && len(p.modifiers) == 0 && p.affiliation == nil && p.community == ""
}

// settleClass decides the participant's class and kind from its head,
// modifiers and affiliation, and reports whether the phrase names a
// participant at all (a bare "forces" or "men" does not).
func (d *docState) settleClass(l *wordLists, p *participant) bool {
	needs := p.kind == "needs-modifier"
	for _, w := range p.modifiers {
		if strings.HasPrefix(w, "pro-") {
			// a side taken makes its people a militia, unless the head
			// already names armed people ("pro-Kremlin hackers")
			if p.class != ClassArmedGroup || needs {
				p.class, p.kind, needs = ClassArmedGroup, "militia", false
			}
			continue
		}
		m := l.mods[w]
		switch m.effect {
		case modUnidentified:
			p.unidentified = true
			if needs || p.class == ClassCivilians {
				// "an unidentified person threw a grenade": someone
				// unknown acting, not a victim
				p.class, p.kind, needs = ClassArmedGroup, "unidentified armed group", false
			}
		case modArmed:
			if needs || p.class == ClassCivilians {
				p.class, p.kind, needs = ClassArmedGroup, armedKind(w), false
			}
		case modArmedSide:
			// "opposition forces" fight; "opposition activists" and
			// "opposition politicians" are the political side, civilians,
			// as is a civilian head that needs a modifier ("an
			// opposition leader")
			if needs && p.class == ClassCivilians {
				p.kind, needs = "officials", false
			} else if needs {
				p.class, p.kind, needs = ClassArmedGroup, armedKind(w), false
			}
		case modState:
			if p.class == ClassStateForce && p.kind == "police" && !needs {
				// "military police", "state police", "security police": a
				// police force, whatever service it answers to
				continue
			}
			if p.class == ClassStateForce || needs {
				p.class, p.kind, needs = ClassStateForce, m.kind, false
			} else if p.class == ClassCivilians {
				return false // "a police chief", "army doctors": of a force, no civilians
			}
		case modOffice:
			if needs && p.class == ClassCivilians {
				p.kind, needs = "officials", false // "a council member", "a ward leader"
			}
		case modCivil:
			if needs {
				p.class, p.kind, needs = ClassCivilians, "civilians", false
			} else if p.class == ClassStateForce {
				// "electoral officers", "a presiding officer": officials
				// of a civil body, not police
				p.class, p.kind = ClassCivilians, "officials"
			}
		}
	}
	if p.affiliation != nil && (p.class == ClassArmedGroup || p.class == ClassPerson || needs) {
		// "Al Shabaab-linked suspects": members of the group
		p.class, needs = ClassArmedGroup, false
	}
	if needs && (p.count > 0 || bareSingular(p)) && countedPeople.Has(phraseTokens(d, p)[p.head].Norm) {
		p.class, p.kind, needs = ClassCivilians, "civilians", false // "two men were shot", "a man", a note's "kidnap man who…"
	}
	if needs && p.count > 1 && countedStates.Has(phraseTokens(d, p)[p.head].Norm) {
		p.class, p.kind, needs = ClassStateForce, "coalition", false // "all three countries struck"
	}
	if needs && p.community != "" && communityHeads.Has(phraseTokens(d, p)[p.head].Norm) {
		p.class, p.kind, needs = ClassArmedGroup, "militia", false // "Druze groups": the community's fighters
	}
	if needs && p.community != "" && peopleHomes.Has(phraseTokens(d, p)[p.head].Norm) && !originOf(phraseTokens(d, p), p.a) {
		p.class, p.kind, needs = ClassCivilians, "civilians", false // "a Yanomami community": the people living there
	}
	if needs && p.definite && phraseTokens(d, p)[p.head].Norm == "group" {
		p.class, p.refOnly, needs = ClassArmedGroup, true, false // "the group said"
	}
	if needs {
		return false
	}
	if p.class == ClassPerson {
		p.refOnly = true // "the suspect": only as a reference back
		return p.definite
	}
	if p.class == ClassArmedGroup && genericHeads.Has(phraseTokens(d, p)[p.head].Norm) && p.a == p.head && p.affiliation == nil && p.country == "" {
		p.refOnly, p.definite = true, true
	}
	return true
}

// phraseTokens returns the tokens of the sentence that holds p.
func phraseTokens(d *docState, p *participant) []text.Token { return d.sents[p.s].Tokens }

// armedKind names the kind of group a modifier makes: "rebel forces" are
// rebels, "armed men" an armed group.
func armedKind(w string) string {
	switch w {
	case "rebel", "insurgent", "opposition":
		return "rebels"
	case "suicide":
		return "bomber"
	case "militia":
		return "militia"
	}
	return "unidentified armed group"
}

// addParticipant adds the mention of participant p to its entity.
func (d *docState) addParticipant(p participant) {
	e := d.antecedentFor(p)
	if e == nil && !p.refOnly {
		e = d.participantEntity(p)
	}
	if e == nil {
		return
	}
	if e.class == ClassCivilians && p.community != "" && !slices.Contains(e.communities, p.community) {
		e.communities = append(e.communities, p.community) // "Tugen herders"
	}
	if e.class == p.class && (p.class == ClassCivilians || e.unidentified || p.class == ClassStateForce && !e.curated) {
		e.described = true
		if p.count > 0 && e.count == 0 {
			e.count = p.count
		}
	}
	surface := ""
	if e.described || e.unidentified || p.community != "" && e.class == ClassArmedGroup {
		// a described entity keeps the phrases that described it
		// ("Armed herders" for the unidentified armed group), and so
		// does a community's militia ("Druze groups")
		surface = d.surface(p.s, p.a, p.b)
	}
	d.addMention(d.newMention(mention{s: p.s, a: p.a, b: p.b, ent: e}), surface)
}

// participantEntity returns the entity participant p stands for, creating
// it with a stable key.
func (d *docState) participantEntity(p participant) *entity {
	switch p.class {
	case ClassArmedGroup:
		return d.groupParticipant(p)
	case ClassStateForce:
		if p.affiliation != nil {
			return p.affiliation // "KIA troops", "RSF soldiers": an armed group's own
		}
		return d.forceParticipant(p)
	case ClassCivilians:
		cc := p.country
		if cc == "" {
			cc = d.sentenceCountry(p.s)
		}
		e := d.civiliansEntity(cc, p.kind)
		e.typ, e.conf = p.kind, 0.7
		for _, a := range loadWordLists().kindAliases[p.kind] {
			e.addAlias(a) // "herders" are also "pastoralists"
		}
		return e
	}
	return nil
}

// civiliansAt is the civilians' entity of a country and a kind.
type civiliansAt struct {
	cc, kind string
	e        *entity
}

// civiliansEntity returns the civilians of kind in country cc, the
// entity of key "civilians/<cc>-<slug of kind>". A document names few,
// many times each: the key is made, and the entity looked up, only for
// a pair not met before in the document (docBuffers.civilians; the
// entities are never replaced under their keys).
func (d *docState) civiliansEntity(cc, kind string) *entity {
	for _, c := range d.buf.civilians {
		if c.cc == cc && c.kind == kind {
			return c.e
		}
	}
	key := "civilians/" + keyCountry(cc) + "-" + slug(kind)
	e := d.entityFor(&cand{class: ClassCivilians, key: key, name: kind, country: cc})
	d.buf.civilians = append(d.buf.civilians, civiliansAt{cc, kind, e})
	return e
}

// groupParticipant is the armed group an armed participant belongs to,
// its community's militia, or the document's unidentified group of its
// kind.
func (d *docState) groupParticipant(p participant) *entity {
	if p.affiliation != nil {
		return p.affiliation
	}
	if c := d.claimant(); c != nil && p.community == "" && p.country == "" {
		return c // "A suicide bomber blew himself up… Al-Shabaab said it carried out the bombing"
	}
	if p.community != "" {
		name, typ := p.community+" militia", "ethnic militia"
		if p.kind == "communal militia" {
			name, typ = p.community+" communal militia", p.kind // "residents of Tokpa attacked"
		}
		e := d.entityFor(&cand{class: ClassArmedGroup, key: "group/" + slug(name), name: name, country: p.country})
		e.typ, e.conf = typ, 0.7
		return e
	}
	kind := p.kind
	for _, w := range p.modifiers {
		if strings.HasPrefix(w, "pro-") {
			kind = w + " " + p.kind
		}
	}
	key := "group/unidentified-" + d.docKey() + "-" + slug(kind)
	name := "unidentified " + kind
	if strings.HasPrefix(kind, "unidentified") {
		name = kind
	}
	e := d.entityFor(&cand{class: ClassArmedGroup, key: key, name: name, country: p.country})
	e.typ, e.conf, e.unidentified = kind, 0.6, true
	for _, a := range loadWordLists().kindAliases[p.kind] {
		e.addAlias(a) // a "mob" is also "rioters"
	}
	return e
}

// forceParticipant is the state force of the participant's country: the
// same entity findBodies makes of "Kenyan police".
func (d *docState) forceParticipant(p participant) *entity {
	if p.kind == "coalition" {
		// a multinational force acts for no one country, whoever leads it
		e := d.entityFor(&cand{class: ClassStateForce, key: "force/coalition-" + d.docKey(), name: "coalition"})
		e.typ, e.conf = "coalition", 0.6
		return e
	}
	cc := p.country
	if cc == "" {
		cc = d.sentenceCountry(p.s)
	}
	kind := "armed"
	switch p.kind {
	case "police":
		kind = "police"
	case "security":
		kind = "security"
	}
	c := d.countryEntity(cc)
	if c == nil {
		// a force of a country the text does not give: this document's
		e := d.entityFor(&cand{class: ClassStateForce, key: "force/x-" + kind + "-" + d.docKey(), name: forceNames[kind]})
		e.typ, e.conf = p.kind, 0.6
		return e
	}
	if nf := d.r.nationalForces[c.country]; nf != nil && kind == "armed" {
		return d.entityFor(nf)
	}
	name := c.name + " " + forceNames[kind]
	if kind == "security" {
		name = c.name + " security forces"
	}
	return d.entityFor(&cand{class: ClassStateForce, key: "force/" + strings.ToLower(c.country) + "-" + kind, name: name, country: c.country})
}

// keyCountry is a country code as a key part, "x" when unknown.
func keyCountry(cc string) string {
	if cc == "" {
		return "x"
	}
	return strings.ToLower(cc)
}

// docKey is docHash of the document, made once.
func (d *docState) docKey() string {
	if d.docHash == "" {
		d.docHash = docHash(d.doc)
	}
	return d.docHash
}

// docHash is a short, stable key part for things known only within one
// document (an unidentified group). It hashes the document's identifier
// alone, so that every window of a long document (see window.go) names
// the same group alike.
func docHash(doc Document) string {
	h := fnv.New64a()
	h.Write([]byte(doc.ID))
	return strconv.FormatUint(h.Sum64(), 36)
}

// mentionEnding returns the longest mention of sentence s that ends at
// token b.
func (d *docState) mentionEnding(s, b int) *mention {
	var best *mention
	for _, m := range d.ments[s] {
		if m.b == b && (best == nil || m.a < best.a) {
			best = m
		}
	}
	return best
}

// mentionStarting returns the longest mention of sentence s that starts at
// token a.
func (d *docState) mentionStarting(s, a int) *mention {
	var best *mention
	for _, m := range d.ments[s] {
		if m.a == a && (best == nil || m.b > best.b) {
			best = m
		}
	}
	return best
}

// victimClass reports whether an entity of this class can be what an
// attack hits when the sentence names it as such: an armed group, a
// state force, a person or civilians.
func victimClass(class string) bool {
	switch class {
	case ClassArmedGroup, ClassStateForce, ClassPerson, ClassCivilians:
		return true
	}
	return false
}

// preferNamed returns an event's targets without the described ones
// ("civilians", "unidentified gunmen") when it also has a named target:
// in "the strikes on Jaish al-Adl hideouts killed two children" the
// group is what was struck, the children its victims. A venue hit keeps
// the civilians described: "two patrons were killed when gunmen attacked
// a bar"; and the force described, unless the venue is a force's post
// (the post stands for it): "a bomb at a market killed four policemen",
// not "gunmen attacked a police station, killing two policemen".
func preferNamed(ts []*entity) []*entity {
	named, venue, post := false, false, false
	for _, t := range ts {
		if !t.described {
			named = named || !hasPlaceClass(t)
			venue = venue || hasPlaceClass(t)
			post = post || hasPlaceClass(t) && forcePost(t.name)
		}
	}
	if !named && !venue {
		return ts
	}
	out := make([]*entity, 0, len(ts))
	for _, t := range ts {
		// a venue hit names no one: the civilians described in it
		// stay ("a bar in Wajir" and its patrons)
		if !t.described || !named && (t.class == ClassCivilians || t.class == ClassStateForce && !post) {
			out = append(out, t)
		}
	}
	return out
}

// forcePostWords are the words of a venue's name that make it a post of
// state forces ("police station", "army checkpoint").
var forcePostWords = grammarList("forcePostWords")

// forcePost reports whether venue name holds a word of a force's post.
func forcePost(name string) bool {
	for w := range strings.FieldsSeq(strings.ToLower(name)) {
		if forcePostWords.Has(w) {
			return true
		}
	}
	return false
}

// claimVerbs open a claim of responsibility: "X claimed responsibility",
// "X said it carried out the attack".
var claimVerbs = grammarList("claimVerbs")

// claimant returns the armed group that claims the document's attack ("X
// claimed responsibility", "X said it carried out the bombing"), whose
// members the unnamed attackers are; nil when none does, or when more
// than one group claims.
func (d *docState) claimant() *entity {
	if d.claimDone {
		return d.claimBy
	}
	d.claimDone = true
	for si, s := range d.sents {
		if d.skip[si] {
			continue
		}
		toks := s.Tokens
		for _, m := range d.ments[si] {
			if m.ent.class != ClassArmedGroup || m.ent.unidentified {
				continue
			}
			if claimsFor(toks, m.a, m.b) {
				if d.claimBy != nil && d.claimBy != m.ent {
					d.claimBy = nil
					return nil
				}
				d.claimBy = m.ent
			}
		}
	}
	return d.claimBy
}

// maxApposition bounds the words of an apposition between a name and its
// verb: "X, a faction of the Pakistani Taliban, claimed".
const maxApposition = 8

// claimsFor reports whether the name at tokens [a, b) claims an attack
// (claimsAfter), also across an apposition after it ("X, a faction of Y,
// claimed responsibility"); the name inside such an apposition (Y) does
// not.
func claimsFor(toks []text.Token, a, b int) bool {
	if appositionOf(toks, a) {
		return false
	}
	if claimsAfter(toks, b) {
		return true
	}
	if b >= len(toks) || toks[b].Norm != "," {
		return false
	}
	for k := b + 1; k < len(toks) && k <= b+maxApposition; k++ {
		if toks[k].Norm == "," {
			return k > b+1 && isArticle(toks[b+1].Norm) && claimsAfter(toks, k+1)
		}
	}
	return false
}

// appositionOf reports whether the name starting at token a ends the
// noun phrase of an apposition that describes a name before it: ", a
// faction of Y", ", the armed wing of Y".
func appositionOf(toks []text.Token, a int) bool {
	if a > 0 && toks[a-1].Norm == "the" {
		a-- // "of the Pakistani Taliban"
	}
	if a < 3 || toks[a-1].Norm != "of" {
		return false
	}
	for k := a - 2; k >= 0 && k >= a-5; k-- {
		if toks[k].Norm == "," {
			return k+1 < a-1 && isArticle(toks[k+1].Norm)
		}
	}
	return false
}

// isArticle reports whether w is an article, which opens an apposition's
// noun phrase.
func isArticle(w string) bool {
	return w == "a" || w == "an" || w == "the"
}

// claimsAfter reports whether the words from token b on claim an attack:
// "claimed responsibility", "said it carried out", "says it was behind".
func claimsAfter(toks []text.Token, b int) bool {
	for k := b; k < len(toks) && k < b+4; k++ {
		w := toks[k].Norm
		if claimVerbs.Has(w) && k+1 < len(toks) && (toks[k+1].Norm == "responsibility" || toks[k+1].Norm == "credit") {
			return true
		}
		if (w == "said" || w == "says") && saidItDid(toks, k+1) {
			return true
		}
	}
	return false
}

// maxStatementWords bounds the words of the channel a claim names between
// "said" and what it says: "said in a statement on its news agency that".
const maxStatementWords = 10

// saidItDid reports whether the words from token j on, after "said", say
// that the speaker did the attack: "it carried out", "it was behind",
// also through the channel or day it said so and "that" ("said in a
// statement that it had", "said on Friday that it"), and through its own men ("that its fighters had
// detonated the bomb").
func saidItDid(toks []text.Token, j int) bool {
	if j < len(toks) && (toks[j].Norm == "in" || toks[j].Norm == "on") {
		end := j + maxStatementWords
		for j < len(toks) && j < end && toks[j].Norm != "that" && toks[j].Norm != "," {
			j++
		}
	}
	if j < len(toks) && toks[j].Norm == "that" {
		j++
	}
	if j+1 >= len(toks) {
		return false
	}
	switch toks[j].Norm {
	case "it":
		return claimDeeds.Has(toks[j+1].Norm)
	case "its":
		// "its fighters had", "its militants detonated"
		return memberWords.Has(toks[j+1].Norm) && j+2 < len(toks) && claimDeeds.Has(toks[j+2].Norm)
	}
	return false
}

// claimDeeds are the words after a speaker's "it" that say it did the
// attack: "said it carried out", "said it was behind".
var claimDeeds = grammarList("claimDeeds")

// nounTriggerAt reports whether an event noun starts at token i of
// sentence s: a trigger with no verb reading ("airstrike"), or one with
// both ("attack") followed by what follows a noun ("on", "in", a comma,
// the end).
func (d *docState) nounTriggerAt(s, i int) bool {
	toks := d.sents[s].Tokens
	noun, verb := false, false
	var buf [1]lexicon.Match[*lexicon.Trigger]
	for _, m := range d.r.triggers.AppendCoded(buf[:0], d.coded[s].Slice(i, i+1)) {
		for _, t := range m.Values {
			if t.Verb {
				verb = true
			} else {
				noun = true
			}
		}
	}
	if !noun {
		return false
	}
	if !verb {
		return true
	}
	if i+1 >= len(toks) {
		return true
	}
	switch toks[i+1].Norm {
	case "on", "in", "against", ",", ".", "at", "near", "that", "which", "was", "were", "killed", "left", "targeted", "hit":
		return true
	}
	return false
}

// sentenceCountry is the country a participant of sentence s belongs to
// when its phrase does not say: a country named in the sentence or the
// two before it (not through a group's home country, the nationality or
// origin of other people, or a small place the gazetteer may have
// mistaken), else the one country the document is in.
func (d *docState) sentenceCountry(s int) string {
	for k := s; k >= 0 && k >= s-2; k-- {
		for _, m := range d.ments[k] {
			if m.ent.class == ClassCountry && !d.diplomatModifier(k, m) && !othersOrigin(d.sents[k].Tokens, m) {
				return m.ent.country
			}
		}
	}
	if cc := d.docCountry(); cc != "" {
		return cc
	}
	// a city large enough not to be a namesake: "police in Istanbul"
	for k := s; k >= 0 && k >= s-2; k-- {
		for _, m := range d.ments[k] {
			if m.ent.class == ClassPlace && m.ent.gaz != nil && m.ent.gaz.Population >= 100000 {
				return m.ent.country
			}
		}
	}
	return d.chainCountry(s)
}

// sameArea reports whether area encloses town, or both lie in the same
// first-level division of the gazetteer (a province the gazetteer keeps as
// a place, beside its towns).
func (d *docState) sameArea(area, town *entity) bool {
	if d.encloses(area, town) {
		return true
	}
	a, t := d.r.gaz.Within(area.gaz), d.r.gaz.Within(town.gaz)
	return a != nil && t != nil && a.Kind == gazetteer.KindRegion && a.ID == t.ID
}

// chainCountry returns the country of a town of the gazetteer that the
// sentence s, or one of the two before it, names with the area it lies in
// right after it ("Las Navas, Northern Samar"): the area confirms the town
// is no namesake of another land. "" when none is named so.
func (d *docState) chainCountry(s int) string {
	for k := s; k >= 0 && k >= s-2; k-- {
		toks, ms := d.sents[k].Tokens, d.ments[k]
		for _, m := range ms {
			if m.ent.class != ClassPlace || m.ent.gaz == nil || m.b >= len(toks) || toks[m.b].Norm != "," {
				continue
			}
			for _, n := range ms {
				if n.a == m.b+1 && n.ent != m.ent && n.ent.gaz != nil && n.ent.country == m.ent.country && d.sameArea(n.ent, m.ent) {
					return m.ent.country
				}
			}
		}
	}
	return ""
}

// othersOrigin reports whether country mention m says where other people
// than a state come from: a demonym of victims or attackers ("Somali
// residents", "two French tourists", "Ethiopian tribesmen"), or "from X"
// ("raiders from Sudan"), or where people were held or taken
// (captiveLand: "he is being held in X"), or the land across a border
// (borderWith: "near the border with X"). Police in the same sentence are
// not that country's: "police battle raiders from Sudan".
func othersOrigin(toks []text.Token, m *mention) bool {
	if m.a > 0 && toks[m.a-1].Norm == "from" || captiveLand(toks, m.a) || borderWith(toks, m) {
		return true
	}
	return m.demonym && !ownCountryWords.Has(demonymHead(toks, m.b))
}

// unitNouns name a unit or the members of a named body.
var unitNouns = grammarList("unitNouns")

// unitModifiers may stand between a body's name and its unit noun.
var unitModifiers = grammarList("unitModifiers")

// unitAliases keeps as an alias of a named state force or armed group the
// phrase that names one of its units or its members with it ("three UN
// service members", "the IRA's Derry brigade", "a joint UN-army foot
// patrol"): the name the text gives those who acted or were hit, as a
// described force keeps "Russian soldiers".
func (d *docState) unitAliases() {
	for si, ms := range d.ments {
		for _, m := range ms {
			if m.ent.class != ClassStateForce && m.ent.class != ClassArmedGroup || m.ent.unidentified {
				continue
			}
			if k := d.unitAfter(si, m.b); k > 0 {
				m.ent.addAlias(d.surface(si, m.a, k+1))
			}
		}
	}
}

// unitAfter returns the token of the unit noun that ends the phrase going
// on at token b of sentence s after a body's name, across a possessive, a
// hyphen, the names of places and the words of unitModifiers; 0 when none
// does.
func (d *docState) unitAfter(s, b int) int {
	toks := d.sents[s].Tokens
	for k := b; k < len(toks) && k < b+4; k++ {
		t := &toks[k]
		switch {
		case unitNouns.Has(t.Norm):
			return k
		case t.Norm == "'" || t.Norm == "s" && k > 0 && toks[k-1].Norm == "'" || t.Norm == "-" && !t.SpaceBefore:
		case unitModifiers.Has(t.Norm) || isUpperWord(t) && d.covered(s, k):
		default:
			return 0
		}
	}
	return 0
}
