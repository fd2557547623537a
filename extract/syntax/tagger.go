package syntax

import (
	_ "embed"
	"strings"

	"github.com/newsgraph/newsgraph/extract/internal/wordlist"
	"github.com/newsgraph/newsgraph/extract/text"
)

// tag gives every token its lexicon tag, or one from its shape.
// It looks every word up in the lexicon once, or reads its index from
// known (LexEntry's answers, where not nil), keeping the entry in p.ents
// for the rules that read it again (of).
//
// A word the lexicon holds that the tokeniser found in lower case (most
// words of a text) takes its lexicon tag and lemma here, as tagOf would
// give them, without the call, and so does a punctuation mark: only "s"
// and "t", which a contraction may have split off, words in capitals,
// words the lexicon lacks and numbers ask tagOf.
func (p *Parser) tag(known []uint32) {
	s := &p.s
	p.headline = headlineUnread
	for i := range s.Toks {
		t := &s.Toks[i]
		e := &noWord
		if t.Kind == text.Word {
			// no other token's form is a word of the lexicon or of
			// the lists it marks (TestLexiconWordsAreWords)
			if known != nil {
				e = p.lex.ref(known[i])
			} else {
				e = p.lex.refOf(t.Norm)
			}
		}
		p.ents[i] = e
		switch {
		case lowerKnown(t, e):
			s.Tags[i], s.Lemmas[i] = e.tag, e.lemma
		case t.Kind == text.Punct:
			s.Tags[i], s.Lemmas[i] = Punct, t.Norm // as tagOf tags it
		default:
			s.Tags[i], s.Lemmas[i] = p.tagOf(i, t, *e)
		}
	}
}

// lowerKnown reports whether token t, whose lexicon entry is e, is a word
// the lexicon holds that the tokeniser found in lower case, of two bytes
// or more: tagOf gives it e's tag and lemma, whatever its neighbours.
func lowerKnown(t *text.Token, e *word) bool {
	return e.known && t.Lower() && len(t.Norm) > 1
}

// What Parser.headline knows of the sentence being tagged: titleCase is
// asked only of a sentence with a capitalised word the lexicon holds
// after its start, the one case its answer decides (isHeadline).
const (
	headlineUnread uint8 = iota
	headlineNo
	headlineYes
)

// isHeadline returns titleCase's answer for the sentence being tagged,
// read on first use.
func (p *Parser) isHeadline() bool {
	if p.headline == headlineUnread {
		p.headline = headlineNo
		if p.titleCase() {
			p.headline = headlineYes
		}
	}
	return p.headline == headlineYes
}

// ContractedNot reports whether token i of toks is the "t" of a
// contracted "not" that the tokenizer split from its auxiliary: "didn't",
// "won’t" ("didn", "'", "t"), or, in text split by another tokenizer
// and joined back with spaces, "did n't" ("n", "'", "t").
func ContractedNot(toks []text.Token, i int) bool {
	if i < 2 || toks[i].Norm != "t" || toks[i].SpaceBefore || toks[i-1].Norm != "'" || toks[i-1].SpaceBefore {
		return false
	}
	return strings.HasSuffix(toks[i-2].Norm, "n") && toks[i-2].Kind == text.Word
}

// contractedAux tags token k, the auxiliary that a contracted "not"
// follows: "didn" is "did", "won" is "will", "can" stays "can"; the "n"
// that stands alone ("did n't") is the negation's.
func (p *Parser) contractedAux(k int) {
	w := p.s.Toks[k].Norm
	switch w {
	case "n":
		p.s.Tags[k], p.s.Lemmas[k] = Neg, "not"
		return
	case "won":
		w = "will"
	case "can":
	default:
		w = strings.TrimSuffix(w, "n")
	}
	if e, ok := p.lex.Get(w); ok && (e.tag == Do || e.tag == Be || e.tag == Have || e.tag == Modal) {
		p.s.Tags[k], p.s.Lemmas[k] = e.tag, e.lemma
	}
}

// of returns the lexicon's entry of token i's word, the zero word if it
// has none: p.lex.of(p.s.Toks[i].Norm), as tag found it.
func (p *Parser) of(i int) word { return p.ents[i].known0() }

// tagOf tags one token out of context; e is what the lexicon knows of it.
func (p *Parser) tagOf(i int, t *text.Token, e word) (Tag, string) {
	switch t.Kind {
	case text.Punct:
		return Punct, t.Norm
	case text.Number:
		return Num, t.Norm
	}
	w := t.Norm
	if w == "s" && i > 0 && p.s.Toks[i-1].Norm == "'" && !t.SpaceBefore {
		p.s.Tags[i-1] = PossS
		return PossS, w
	}
	if w == "t" && ContractedNot(p.s.Toks, i) {
		p.contractedAux(i - 2)
		p.s.Tags[i-1], p.s.Lemmas[i-1] = Neg, "not"
		return Neg, "not"
	}
	initial := i == 0 || p.s.Toks[i-1].Kind == text.Punct && p.s.Toks[i-1].Norm != ","
	if t.AllCaps() && p.acronym(i) {
		return Proper, w // "IS", "AP": an acronym among lower-case words is a name
	}
	if e.known && !(t.Upper() && !initial && (e.tag >= Noun && !p.isHeadline() || e.tag == Modal)) {
		// a capitalised modal inside a sentence is a name: "on 3 May"
		return e.tag, e.lemma
	}
	if t.Upper() && (!initial || t.AllCaps()) {
		return Proper, w
	}
	if t.Upper() && p.commonInitial(i) {
		return commonTag(w) // "Gunfire erupted…", "Protesters marched…"
	}
	if initial && nounSuffix(w) {
		return Noun, guessLemma(w, Noun) // "Explosion injures…": a headline's first noun
	}
	return bySuffix(w, t.Upper())
}

// commonInitial reports whether the capitalised word at i, which opens a
// sentence and which the lexicon lacks, is a common word rather than a
// name: the common word list knows it (commonWord), it has three letters
// or more, no capitalised word follows it (which would continue a name:
// "Rift Valley", "Prime Minister"), and no bracket opens before it (a
// bracket often opens on a place: "(Save, Collines)").
func (p *Parser) commonInitial(i int) bool {
	toks := p.s.Toks
	if len(toks[i].Norm) < 3 || i > 0 && (toks[i-1].Norm == "(" || toks[i-1].Norm == "[") {
		return false
	}
	if i+1 < len(toks) && toks[i+1].Kind == text.Word && toks[i+1].Upper() {
		return false
	}
	return commonWord(toks[i].Norm)
}

// commonTag tags a common word that opens a sentence and that the lexicon
// lacks from its ending, as bySuffix does, except that an -ing form of no
// known verb is a noun that heads or opens the subject ("Morning attacks
// hit…", "Weeping children fled…"), not a participle clause.
func commonTag(w string) (Tag, string) {
	t, l := bySuffix(w, false)
	if t == VerbIng {
		return Noun, w
	}
	return t, l
}

// titleCase reports whether the sentence is a headline written in Title
// Case ("Gunmen Storm Hotel In Mogadishu"): at least three words of four
// letters or more, and four in five of them capitalised. Its capitals
// mark no names, so its words take their lexicon tags.
func (p *Parser) titleCase() bool {
	long, upper := 0, 0
	for i := range p.s.Toks {
		t := &p.s.Toks[i]
		if t.Kind != text.Word || len(t.Norm) < 4 {
			continue
		}
		long++
		if t.Upper() {
			upper++
		}
	}
	return long >= 3 && upper*5 >= long*4
}

func isComma(t text.Token) bool { return t.Norm == "," }

// acronym reports whether token i is written in capitals among words that
// are not ("rebels of IS Congo or ADF"): a name, whatever word it spells.
// In a headline written all in capitals it is not.
func (p *Parser) acronym(i int) bool {
	toks := p.s.Toks
	if !toks[i].AllCaps() {
		return false
	}
	for _, k := range []int{i - 1, i + 1} {
		if k >= 0 && k < len(toks) && toks[k].Kind == text.Word && toks[k].AllCaps() {
			return false
		}
	}
	return true
}

// bySuffix tags a word the lexicon does not hold from its ending.
func bySuffix(w string, upper bool) (Tag, string) {
	n := len(w)
	switch {
	case upper:
		return Proper, w
	case n > 4 && strings.HasSuffix(w, "ly"):
		return Adv, w
	case n > 3 && strings.HasSuffix(w, "ed"):
		return VerbPast, guessLemma(w, VerbPast)
	case n > 5 && strings.HasSuffix(w, "ing"):
		return VerbIng, guessLemma(w, VerbIng)
	case adjSuffixes.has(w):
		return Adj, w
	case n > 3 && strings.HasSuffix(w, "ian") || n > 4 && strings.HasSuffix(w, "al") && !strings.HasSuffix(w, "ial"):
		return Adj, w
	}
	return Noun, guessLemma(w, Noun)
}

// adjSuffixes and nounSuffixes are the endings of adjectives and of
// common nouns (bySuffix, nounSuffix).
var (
	adjSuffixes  = newSuffixSet("ous", "ful", "ive", "ic", "ese", "ish", "able", "ible", "ary", "less", "ern")
	nounSuffixes = newSuffixSet("tion", "sion", "ment", "ence", "ance", "ity", "ness")
)

// nounSuffix reports whether w ends like a common noun: -tion, -sion,
// -ment, -ence, -ance, -ity, -ness, and their plurals.
func nounSuffix(w string) bool {
	return nounSuffixes.has(strings.TrimSuffix(w, "s"))
}

// suffixSet holds word endings by their last byte, so that a word is
// compared with the few that end as it does: the tagger asks one of
// every word the lexicon lacks.
type suffixSet [256][]string

// newSuffixSet returns the set of the endings sfx, none empty.
func newSuffixSet(sfx ...string) *suffixSet {
	var s suffixSet
	for _, x := range sfx {
		s[x[len(x)-1]] = append(s[x[len(x)-1]], x)
	}
	return &s
}

// has reports whether w ends with one of the set's endings and has more
// than two bytes before it.
func (s *suffixSet) has(w string) bool {
	if w == "" {
		return false
	}
	for _, x := range s[w[len(w)-1]] {
		if len(w) > len(x)+2 && w[len(w)-len(x):] == x {
			return true
		}
	}
	return false
}

// disambiguate decides, left to right, the words that may be a verb or
// something else from their neighbours: a verb form after a determiner is
// a noun ("the attack", "the shelling"), a past participle before a noun
// at the start of a phrase is an adjective ("suspected militants").
func (p *Parser) disambiguate() {
	s := &p.s
	for i := range s.Tags {
		switch s.Tags[i] {
		case Verb:
			s.Tags[i] = p.baseVerb(i)
			if s.Tags[i] == Noun && p.of(i).form == Third {
				s.Lemmas[i] = p.of(i).lemma // "attacks": attack
			}
		case VerbPast:
			s.Tags[i] = p.pastVerb(i)
			if p.hyphenCompound(i) {
				s.Tags[i] = Adj // "a home-made bomb", "a rebel-held town"
			}
		case Noun:
			// an unknown word after an auxiliary is a verb: "did not harm"
			k := i - 1
			for k >= 0 && (s.Tags[k] == Neg || s.Tags[k] == Adv) {
				k--
			}
			if k >= 0 && (s.Tags[k] == Do || s.Tags[k] == Modal) {
				s.Tags[i], s.Lemmas[i] = Verb, s.Toks[i].Norm
			}
		case VerbIng:
			s.Tags[i] = p.ingVerb(i)
		case To:
			if !p.infinitive(i) {
				s.Tags[i] = Prep
			}
		case Sub:
			s.Tags[i] = p.subordinator(i)
		case Prep:
			switch s.Toks[i].Norm {
			case "after", "before", "since", "until":
				s.Tags[i] = p.subordinator(i)
			case "over", "about", "around":
				if p.countLead(i, i+1) {
					s.Tags[i] = Adj // "abducted over 100 students"
				}
			case "at":
				if i+1 < len(s.Toks) && s.Toks[i+1].Norm == "least" && p.countLead(i, i+2) {
					s.Tags[i], s.Tags[i+1] = Adj, Adj // "seized at least 20 villagers"
				}
			}
		case Adv:
			if p.reportedVerb(i) {
				s.Tags[i], s.Lemmas[i] = VerbPast, guessLemma(s.Toks[i].Norm, VerbPast)
			}
		case Be:
			if s.Toks[i].Norm == "s" { // a contraction "'s" that is not possessive
				s.Tags[i] = PossS
			}
		case Det:
			if p.standsAlone(i) {
				s.Tags[i] = Pron // "among those killed", "those who fled"
			}
		}
	}
}

// countLead reports whether the preposition at i, right after a verb,
// qualifies the number at j that counts the things or people after it
// ("abducted over 100 students", "torched around 40 houses", "seized at
// least 20 villagers"): the words are part of the verb's object, which a
// preposition would make a phrase of its own. A count of time ("fought
// over 3 days") stays a phrase of the preposition.
func (p *Parser) countLead(i, j int) bool {
	s := &p.s
	if i == 0 || j+1 >= len(s.Tags) || s.Tags[j] != Num || s.Tags[j+1] != Noun {
		return false
	}
	switch s.Tags[i-1] {
	case Verb, VerbPast, VerbIng:
	default:
		return false
	}
	return !timeNouns[s.Lemmas[j+1]] && !timeNouns[s.Toks[j+1].Norm]
}

// hyphenCompound reports whether the past form at i closes a compound
// adjective, glued by a hyphen to a common word before it ("home-made",
// "rebel-held", "hand-written"), with a noun or an adjective after it:
// the compound qualifies that noun, no verb acts. After a name the past
// form stays a verb whose doer the name is ("Shabaab-planted",
// "Saudi-led"), which the event frames read as such, unless it is one of
// attributeForms ("a Panama-flagged tanker").
func (p *Parser) hyphenCompound(i int) bool {
	toks := p.s.Toks
	if i < 2 || toks[i-1].Norm != "-" || toks[i-1].SpaceBefore || toks[i].SpaceBefore || toks[i-2].Kind != text.Word || toks[i-2].Upper() && !attributeForms[toks[i].Norm] {
		return false
	}
	switch p.nextTag(i) {
	case Noun, Proper, Adj, Verb:
		return true // a base form after it is a noun: "a home-made bomb"
	}
	return false
}

// attributeForms are the past forms that, after a name and a hyphen, tell
// what the noun after them is ("a Panama-flagged tanker", "a
// Malta-registered ship"), not what the name did.
var attributeForms = wordlist.MustParse("data/attributes.tsv", attributesData)

//go:embed data/attributes.tsv
var attributesData string

// standsAlone reports whether the demonstrative at i ("those", "these")
// is a noun phrase of its own: a past form, a relative pronoun, a
// preposition or a stop follows it, not a noun ("those killed in the
// raid", "those who fled", "those in the car").
func (p *Parser) standsAlone(i int) bool {
	switch p.s.Toks[i].Norm {
	case "those", "these":
	default:
		return false
	}
	switch p.nextTag(i) {
	case VerbPast, Sub, Prep, Punct:
		return true
	}
	return false
}

// reportedVerb reports whether the adverb at i is a past form of a verb:
// "reported" stands inside a verb group before the verb it hedges ("two
// were reported killed", "were reported to have fled"), but after "be"
// with no verb form after it, it is the verb itself ("armed clashes were
// reported between X and Y"), and so it is between a subject and an
// object ("residents reported heavy shelling").
func (p *Parser) reportedVerb(i int) bool {
	s := &p.s
	if !strings.HasSuffix(s.Toks[i].Norm, "ed") {
		return false
	}
	prev, _ := p.prevTag(i)
	switch prev {
	case Noun, Proper, Pron:
		// "residents reported heavy shelling", "police reported two
		// attacks": after its subject and before its object
		switch p.nextTag(i) {
		case Det, Num, Adj, Noun, Poss, Proper:
			return true
		}
		return false
	case Be:
	default:
		return false
	}
	switch p.nextTag(i) {
	case Verb, VerbPast, VerbIng, To, Adv, Be, Have:
		return false
	}
	return true
}

// infinitive reports whether "to" at i marks an infinitive: a base verb
// follows ("to attack", "to hit"), or "have" or "be" before a verb form
// ("to have struck", "to be targeting").
func (p *Parser) infinitive(i int) bool {
	s := &p.s
	if i+1 >= len(s.Tags) {
		return false
	}
	if (s.Tags[i+1] == Have || s.Tags[i+1] == Be) && i+2 < len(s.Tags) && isVerbTag(s.Tags[i+2]) {
		return true
	}
	next := p.of(i + 1)
	return s.Tags[i+1] == Verb || next.form == Base || next.tag == VerbPast && next.lemma == s.Toks[i+1].Norm
}

// prevTag returns the tag before token i, skipping adverbs, or Punct at
// the start.
func (p *Parser) prevTag(i int) (Tag, int) {
	for k := i - 1; k >= 0; k-- {
		if p.s.Tags[k] != Adv {
			return p.s.Tags[k], k
		}
	}
	return Punct, -1
}

func (p *Parser) nextTag(i int) Tag {
	if i+1 < len(p.s.Tags) {
		return p.s.Tags[i+1]
	}
	return Punct
}

// baseVerb decides a base or -s form: "they attack" (verb), "the attack",
// "a grenade attack" (noun), "raiders attack" (verb).
func (p *Parser) baseVerb(i int) Tag {
	s := &p.s
	prev, k := p.prevTag(i)
	if prev == Verb && p.compoundSubject(i, k) {
		// "Drone Strike Kills Militants": no base verb takes a
		// third-person verb after it, so the first was a noun
		s.Tags[k] = Noun
		return Verb
	}
	switch prev {
	case Det, Poss, PossS, Adj, Num, Prep, VerbPast, VerbIng, Verb, Be, Have:
		if prev == Have && s.Toks[i].Norm == "been" {
			return Be
		}
		return Noun
	case Pron, Modal, Do, To, Neg, Adv:
		return Verb
	case Noun, Proper:
		return p.afterNoun(i, k)
	case Conj:
		if before, _ := p.prevTag(k); before == Verb || before == VerbPast {
			return Verb
		}
		return Noun
	}
	if prev == Punct && k >= 0 && isComma(s.Toks[k]) && p.verbSeries(i, k) {
		return Verb // "raiders cross the river, attack police, kill one"
	}
	if prev == Punct && k >= 0 && s.apposedNoun(k) >= 0 {
		switch p.nextTag(i) {
		case Det, Num, Noun, Proper, Pron, Poss, Adj:
			return Verb // "Assailants, believed to be pirates, abduct six fishermen"
		}
	}
	// at the start of a sentence or clause: a noun ("Attacks on…",
	// "Clashes between…") unless a determiner or pronoun follows it
	switch p.nextTag(i) {
	case Det, Poss, Pron:
		return Verb
	}
	return Noun
}

// verbSeries reports whether the base or -s form at i, after the comma at
// k, continues a series of verbs that share the subject of the verb
// before it, in the headline present of incident notes ("raiders enter
// the village, battle guards, kill two"): a verb of the same form stands
// earlier in the sentence with only its complements between it and the
// comma, and an object follows the form at i.
func (p *Parser) verbSeries(i, k int) bool {
	s := &p.s
	switch p.nextTag(i) {
	case Det, Num, Noun, Proper, Pron, Poss, Adj:
	default:
		return false
	}
	form := p.of(i).form
	for j := k - 1; j >= 0; j-- {
		switch s.Tags[j] {
		case Verb:
			return p.of(j).form == form && j > 0
		case Conj, Sub, Be, Have, Do, Modal, VerbPast, VerbIng, To:
			return false
		}
	}
	return false
}

// compoundSubject reports whether the base verb form at k right before
// the third-person form at i is the head of the noun phrase that is its
// subject ("a Drone Strike Kills Five", "Car Bomb Attack Kills 20"): the
// form at i is a verb of the third person, the one at k took no "to",
// modal or "do" and follows a noun or begins the sentence.
func (p *Parser) compoundSubject(i, k int) bool {
	if p.of(i).form != Third || p.of(k).form == Third {
		return false
	}
	switch next := p.nextTag(i); next {
	case Noun, Proper, Num, Det, Adj, Pron:
	default:
		return false
	}
	if k == 0 {
		return true
	}
	before, _ := p.prevTag(k)
	return before == Noun || before == Proper || before == Adj
}

// afterNoun decides a verb form right after a noun: a verb where the noun
// before it is a plural or a name with no determiner ("raiders attack",
// "Al Shabaab attack"), a noun where it is a compound head ("a grenade
// attack", "the Taliban attack").
func (p *Parser) afterNoun(i, k int) Tag {
	s := &p.s
	// the phrase the noun belongs to: a determiner before it makes the
	// verb form a compound head, unless the noun is plural
	prevPlural := s.Tags[k] == Noun && plural(s.Toks[k].Norm)
	third := p.of(i).form == Third
	j := k
	for j >= 0 && (s.Tags[j] == Noun || s.Tags[j] == Proper || s.Tags[j] == Adj || s.Tags[j] == PossS || s.Toks[j].Norm == "-") {
		j--
	}
	det := j >= 0 && (s.Tags[j] == Det || s.Tags[j] == Poss || s.Tags[j] == Num)
	switch {
	case prevPlural && !third:
		return Verb
	case !third && i+1 < len(s.Toks) && p.of(i+1).tag == VerbPast && p.nextTag(i+1) == Prep:
		// "Grenade attack blamed on militants", "bus attack claimed by
		// the group": a past form with its preposition after the
		// base form is the verb; the base form heads the subject
		return Noun
	case det && third && (p.nextTag(i) == Num || p.nextTag(i) == Det):
		return Verb // "a drone strike kills five", "the blast injures the driver"
	case det && third && p.coordinatedThird(i):
		return Verb // "the militia shoots and kills a guard"
	case det:
		return Noun
	case third && p.pastVerbNext(i):
		return Noun // "Air strikes killed ten", "Taliban attacks hit two posts"
	case third && k == 0 && p.of(k).form == Gerund:
		return Verb // "Fighting continues": the gerund of a known verb that opens the sentence is its subject (finiteNext)
	case s.Tags[k] == Proper:
		return Verb
	case third && p.nextTag(i) != Prep && p.nextTag(i) != Punct:
		// "the militia attacks herders"; before a comma or a stop the
		// -s form closes a compound: "helped by Turkish drone strikes,"
		return Verb
	}
	return Noun
}

// pastVerbNext reports whether the -s form at i is followed by the finite
// verb of its clause: a past form that a determiner, number, pronoun,
// name, preposition or stop follows ("strikes killed ten", "attacks hit
// the town", "raids resumed on Monday"). Two finite verbs do not follow
// each other, so the -s form heads the subject. A past form before a
// noun may be an adjective ("the militia attacks armed convoys"): no.
func (p *Parser) pastVerbNext(i int) bool {
	s := &p.s
	if i+1 >= len(s.Toks) || s.Tags[i+1] != VerbPast {
		return false
	}
	switch p.nextTag(i + 1) {
	case Det, Num, Pron, Poss, Proper, Prep, Punct, To:
		return true
	}
	return false
}

// coordinatedThird reports whether the third-person form at i is joined
// by "and" to another third-person form that takes an object: "the
// militia shoots and kills a guard" (where "the militia raids and attacks
// in the north" are nouns).
func (p *Parser) coordinatedThird(i int) bool {
	s := &p.s
	if i+3 >= len(s.Toks) || s.Tags[i+1] != Conj || p.of(i+2).form != Third {
		return false
	}
	switch s.Tags[i+3] {
	case Det, Num, Pron, Poss:
		return true
	}
	return false
}

// plural reports whether a noun is plural in form: "raiders", "police",
// "people".
func plural(w string) bool {
	switch w {
	case "police", "people", "men", "women", "children", "militia", "military", "security":
		return true
	}
	n := len(w)
	if pluralMen(w) {
		return true
	}
	return n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i'
}

// pluralMen reports whether w is the plural of a compound in -man:
// "gunmen", "policemen", "tribesmen", "fishermen", "militiamen". The
// singular nouns that end in -men have a vowel other than a or e before
// it ("specimen", "regimen", "acumen", "abdomen", "omen", "hymen"), and
// "men" alone is no compound.
func pluralMen(w string) bool {
	n := len(w)
	if n < 6 || !strings.HasSuffix(w, "men") {
		return false
	}
	switch w[n-4] {
	case 'i', 'o', 'u', 'y':
		return false
	}
	return true
}

// pastVerb decides a past form: a past-tense or participle verb, or an
// adjective ("suspected militants", "the injured officer").
func (p *Parser) pastVerb(i int) Tag {
	s := &p.s
	prev, _ := p.prevTag(i)
	next := p.nextTag(i)
	nounNext := next == Noun || next == Proper || next == Adj || next == Num && false
	if prev == Sub && p.relativeAfterNoun(i) && !suspicionWords[s.Toks[i].Norm] {
		return VerbPast // "hunters that engaged police in a gun battle"
	}
	if nounNext && p.objectAwaited(i) {
		return Adj // "backing exiled leader X", "had shelled displaced families"
	}
	switch prev {
	case Be, Have, Pron, Noun, Proper, Modal, Do, Neg, Conj, To:
		if prev == Conj && nounNext {
			if before, _ := p.prevTag(i - 1); before == Adj {
				return Adj // "armed and masked men"
			}
		}
		return VerbPast
	case Det, Poss, PossS, Adj, Num, Prep, Punct, Sub:
		// "suspected militants", "when suspected raiders attacked"; after
		// a comma or a dash only a word of suspicion before a name (",
		// suspected JNIM kidnapped"), not a participle (", killed two",
		// "– shot dead by police –")
		if nounNext && (!(prev == Punct && i > 0 && setOff(s.Toks[i-1].Norm) && s.Toks[i-1].Norm != "(") || next == Proper && suspicionWords[s.Toks[i].Norm]) {
			return Adj
		}
		if verbalNounNext(next) && qualifierSlot(p.prevOverQuotes(i)) {
			return Adj // "the attempted murder", "for an “attempted kidnapping"
		}
		if p.nominalPast(i) {
			return Noun // "rushed to help the injured"
		}
	}
	return VerbPast
}

// nominalPast reports whether the past form at i, right after "the" and
// with no noun after it, names the people it befell: "help the injured",
// "the wounded were taken to hospital", "mourned the dead". No verb
// group opens with an article.
func (p *Parser) nominalPast(i int) bool {
	if i == 0 || p.s.Toks[i-1].Norm != "the" {
		return false
	}
	switch p.nextTag(i) {
	case Punct, Prep, Sub, Conj, To, Be, Have, Modal, VerbPast, Verb:
		return true
	}
	return i+1 >= len(p.s.Toks)
}

// objectAwaited reports whether the past form at i stands where the verb
// before it still awaits its object, and so qualifies the noun after it
// (pastVerb has checked that one follows): right after an -ing or base
// form ("militias backing exiled leaders", "to help displaced families"),
// or after a past form that a form of "have" or "be" leads ("had shelled
// displaced families"), since no verb takes a bare past participle there.
// A past form after a bare past form stays a verb: "the men arrested
// killed a guard" has a reduced relative before its verb.
func (p *Parser) objectAwaited(i int) bool {
	prev, k := p.prevTag(i)
	switch prev {
	case VerbIng, Verb:
		return true
	case VerbPast:
		aux, _ := p.prevTag(k)
		return aux == Have || aux == Be
	}
	return false
}

// verbalNounNext reports whether the tag after a past form that follows a
// determiner or a preposition is a base or -ing verb form: no verb takes
// one right after it there, so the next word is a noun the past form
// qualifies ("for attempted murder", "the attempted kidnapping").
func verbalNounNext(next Tag) bool {
	return next == Verb || next == VerbIng
}

// qualifierSlot reports whether a word after tag t stands inside a noun
// phrase, before its head: after a determiner, a possessor, an adjective,
// a number or a preposition.
func qualifierSlot(t Tag) bool {
	switch t {
	case Det, Poss, PossS, Adj, Num, Prep:
		return true
	}
	return false
}

// prevOverQuotes returns the tag before token i over adverbs and opening
// quotation marks: "an “attempted murder" quotes a noun phrase.
func (p *Parser) prevOverQuotes(i int) Tag {
	for k := i - 1; k >= 0; k-- {
		switch p.s.Toks[k].Norm {
		case "\"", "“", "‘", "'":
			continue
		}
		if p.s.Tags[k] != Adv {
			return p.s.Tags[k]
		}
	}
	return Punct
}

// relativeAfterNoun reports whether the word before the past form at i
// is a relative pronoun right after a noun ("villages that engaged
// police", "men who attacked"): the form is its clause's verb.
func (p *Parser) relativeAfterNoun(i int) bool {
	s := &p.s
	_, k := p.prevTag(i)
	if k < 1 || !isRelative(s.Toks[k].Norm) {
		return false
	}
	if s.Toks[k-1].Norm == "," && k >= 2 {
		k-- // "the militia, which shelled the town": a clause set off
	}
	t := s.Tags[k-1]
	return t == Noun || t == Proper
}

// suspicionWords qualify a doer named after them: "suspected al Shabaab",
// "presumed JNIM".
var suspicionWords = wordlist.MustParse("data/suspicion.tsv", suspicionData)

//go:embed data/suspicion.tsv
var suspicionData string

// ingVerb decides an -ing form: a gerund noun after a determiner or an
// adjective ("the shelling", "heavy shelling"), else a verb.
func (p *Parser) ingVerb(i int) Tag {
	s := &p.s
	prev, k := p.prevTag(i)
	if (k < 0 || prev == Prep || prev == Sub) && p.of(i).form == Gerund && p.finiteNext(i) {
		return Noun // "Fighting erupted in the north", "after shelling resumed"
	}
	switch prev {
	case Det, Poss, PossS, Adj:
		return Noun
	case Noun, Proper:
		// "a police building": the head of a phrase with a determiner;
		// "a Hamas supporting cleric": a name's compound modifier
		if !plural(s.Toks[k].Norm) {
			j := k
			for j >= 0 && (s.Tags[j] == Noun || s.Tags[j] == Adj || s.Tags[j] == Proper) {
				j--
			}
			if j >= 0 && s.Tags[j] == Det {
				switch p.nextTag(i) {
				case Det, Poss, Pron, Num:
				default:
					return Noun
				}
			}
		}
	}
	return VerbIng
}

// finiteNext reports whether the word after the -ing form at i is a
// finite verb or an auxiliary. The -ing form of a known verb that opens
// the sentence, or follows a preposition or a subordinator, is then a
// gerund that heads the subject ("Fighting erupted", "the threat of
// shelling has passed", "after shelling resumed"); one that opens an
// adjunct takes an object or a phrase first ("Firing rockets,
// militants…").
func (p *Parser) finiteNext(i int) bool {
	switch p.nextTag(i) {
	case VerbPast, Be, Have, Modal:
		return true
	case Verb:
		return p.of(i+1).form == Third // "Fighting continues"
	}
	return false
}

// subordinator decides "that", "as", "before" and "once", which are also
// determiners or prepositions: "that" before a noun is a determiner;
// "before"/"as" before a noun phrase with no verb is a preposition.
func (p *Parser) subordinator(i int) Tag {
	s := &p.s
	w := s.Toks[i].Norm
	next := p.nextTag(i)
	switch w {
	case "that":
		prev, _ := p.prevTag(i)
		if next == Noun && prev != Noun && prev != Proper && prev != Verb && prev != VerbPast {
			return Det
		}
	case "before", "as", "once", "after", "since", "until":
		// a verb must follow within a few words for a clause
		for k := i + 1; k < len(s.Tags) && k < i+6; k++ {
			switch s.Tags[k] {
			case Verb, VerbPast, Be, Have, Modal, Do:
				return Sub
			case Punct, Prep:
				return Prep
			}
		}
		return Prep
	}
	return Sub
}

// AttributeForm reports whether w is a past form that, glued by a hyphen
// to a name before it, tells what the noun after it is ("a Panama-flagged
// tanker": the ship's flag, not where anything happened).
func AttributeForm(w string) bool { return attributeForms[w] }
