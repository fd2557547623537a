package syntax

import (
	_ "embed"
	"strings"

	"github.com/newsgraph/newsgraph/extract/internal/wordlist"
	"github.com/newsgraph/newsgraph/extract/text"
)

// chunk groups the tagged tokens into verb groups and noun phrases.
func (p *Parser) chunk() {
	s := &p.s
	for i := range s.ChunkOf {
		s.ChunkOf[i] = -1
	}
	i := 0
	for i < len(s.Tags) {
		if b, ok := p.verbGroup(i); ok {
			i = b
			continue
		}
		if b, ok := p.nounPhrase(i); ok {
			i = b
			continue
		}
		i++
	}
	p.governPrepositions()
}

func (p *Parser) add(c Chunk) {
	s := &p.s
	s.Chunks = append(s.Chunks, c)
	for k := c.A; k < c.B; k++ {
		s.ChunkOf[k] = len(s.Chunks) - 1
	}
}

// isParticle reports whether w may complete a phrasal verb: "carried
// out", "blew up", "gunned down", "went off", and the result of "shot
// dead".
func isParticle(w string) bool {
	return w == "out" || w == "up" || w == "down" || w == "off" || w == "dead" || w == "back"
}

func isVerbTag(t Tag) bool { return t == Verb || t == VerbPast || t == VerbIng }

// verbGroup reads a verb group at i: auxiliaries, adverbs and negation,
// then the main verb and a particle ("carried out", "blew up").
func (p *Parser) verbGroup(i int) (int, bool) {
	s := &p.s
	switch s.Tags[i] {
	case To, Modal, Do, Have, Be, Neg, Adv, Verb, VerbPast, VerbIng:
	default:
		return i, false // no group opens with another tag: the loop below would stop at i
	}
	c := Chunk{Kind: VG, A: i, Head: -1, Prep: -1, Possessor: -1}
	k := i
	if s.Tags[k] == To && k+1 < len(s.Tags) && isVerbTag(s.Tags[k+1]) {
		c.Inf = true
		k++
	} else if s.Tags[k] == To && k+2 < len(s.Tags) && (s.Tags[k+1] == Have || s.Tags[k+1] == Be) && isVerbTag(s.Tags[k+2]) {
		// "believed to have killed", "said to be targeting": the act
		// reported, not one intended
		c.Raised = true
		k++
	}
	lastAux := -1
	for ; k < len(s.Tags); k++ {
		switch s.Tags[k] {
		case Modal:
			c.Modal = true
			lastAux = k
			continue
		case Do, Have:
			lastAux = k
			continue
		case Be:
			if s.Toks[k].Norm == "s" {
				break
			}
			lastAux = k
			continue
		case Neg:
			c.Neg = true
			continue
		case Adv:
			if k > i || k+1 < len(s.Tags) && (isVerbTag(s.Tags[k+1]) || s.Tags[k+1] == Adv) {
				continue
			}
		}
		break
	}
	if k < len(s.Tags) && isVerbTag(s.Tags[k]) {
		c.Head = k
		c.Lemma = s.Lemmas[k]
		if s.Tags[k] == VerbPast && lastAux >= 0 && (s.Tags[lastAux] == Be || s.Lemmas[lastAux] == "get") {
			c.Passive = true
		}
		k++
		if k < len(s.Tags) && isParticle(s.Toks[k].Norm) && !(k+1 < len(s.Tags) && (s.Tags[k+1] == Det || s.Tags[k+1] == Poss) && s.Toks[k].Norm == "off") {
			c.Particle = s.Toks[k].Norm
			k++
		}
	} else if lastAux >= 0 {
		// a copula or an auxiliary standing alone
		c.Head = lastAux
		c.Lemma = s.Lemmas[lastAux]
		k = lastAux + 1
	} else {
		return i, false
	}
	c.B = k
	p.add(c)
	return k, true
}

// nounPhrase reads a noun phrase at i: determiners, numbers, adjectives,
// nouns and names, possessives ("Pakistan's air force") and glued hyphens
// ("al-Shabaab"); its head is its last noun, name, number or pronoun.
func (p *Parser) nounPhrase(i int) (int, bool) {
	s := &p.s
	if s.Tags[i] == Pron {
		p.add(Chunk{Kind: NP, A: i, B: i + 1, Head: i, Prep: -1, Possessor: -1, Lemma: s.Lemmas[i]})
		return i + 1, true
	}
	if p.toDeathBeforePhrase(i) {
		// "hacked to death two herders": the result phrase ends at
		// "death", and the object opens after it
		p.add(Chunk{Kind: NP, A: i, B: i + 1, Head: i, Prep: -1, Possessor: -1, Lemma: s.Lemmas[i]})
		return i + 1, true
	}
	if p.leadingYear(i) {
		// "In 1990 Iraq invaded Kuwait": the year is a phrase of its
		// own, the name after it the subject
		p.add(Chunk{Kind: NP, A: i, B: i + 1, Head: i, Prep: -1, Possessor: -1, Lemma: s.Lemmas[i]})
		return i + 1, true
	}
	if b := p.timePhraseEnd(i); b > 0 {
		// "Last night gunmen killed two": the time is a phrase of its own
		p.add(Chunk{Kind: NP, A: i, B: b, Head: b - 1, Prep: -1, Possessor: -1, Lemma: s.Lemmas[b-1]})
		return b, true
	}
	switch s.Tags[i] {
	case Det, Poss, Num, Adj, Noun, Proper:
	default:
		return i, false // no phrase opens with another tag: the loop below would stop at i
	}
	c := Chunk{Kind: NP, A: i, Head: -1, Prep: -1, Possessor: -1}
	k := i
	for ; k < len(s.Tags); k++ {
		t := s.Tags[k]
		if k > i && c.Head >= 0 && p.timeAdjunct(k) {
			break // "attacked the town last night": a phrase of its own
		}
		switch t {
		case Det, Poss:
			if k > i && s.Tags[k-1] != Det { // "all the" is one determiner
				break
			}
			continue
		case Num, Adj:
			if c.Head >= 0 && resultWords[s.Toks[k].Norm] {
				break // "set the houses ablaze", "shot two men dead": the state they were left in
			}
			continue
		case Noun, Proper:
			c.Head = k
			continue
		case PossS:
			if c.Head >= 0 {
				c.Possessor = k + 1
				continue
			}
		case Punct:
			if s.Toks[k].Norm == "-" && !s.Toks[k].SpaceBefore && k+1 < len(s.Tags) && !s.Toks[k+1].SpaceBefore && k > i {
				continue
			}
		}
		break
	}
	// trailing words that cannot end a phrase
	for k > i && (s.Tags[k-1] == PossS || s.Toks[k-1].Norm == "-") {
		k--
	}
	if c.Head < 0 || c.Head >= k {
		// a number alone heads its phrase ("killing two")
		for j := k - 1; j >= i; j-- {
			if s.Tags[j] == Num || s.Tags[j] == Adj {
				c.Head = j
				break
			}
		}
		if c.Head < 0 && k == i+1 && p.partitiveDet(i) {
			c.Head = i // "some of the gunmen": "some" is a phrase of its own
		}
		if c.Head < 0 {
			return i, false
		}
	}
	c.B = k
	c.Lemma = s.Lemmas[c.Head]
	p.add(c)
	return k, true
}

// leadingYear reports whether token i is a year after a preposition
// with a name, a determiner or a possessive right after it ("in 1990
// Iraq invaded", "in 2014 the group seized", "since 2019 its fighters
// have"): the year ends its phrase. "in 2014 elections" stays one.
func (p *Parser) leadingYear(i int) bool {
	s := &p.s
	if i == 0 || i+1 >= len(s.Toks) || s.Tags[i-1] != Prep || s.Tags[i] != Num || !isYear(s.Toks[i].Norm) {
		return false
	}
	switch s.Tags[i+1] {
	case Proper, Det, Poss:
		return s.Toks[i+1].SpaceBefore
	}
	return false
}

// isYear reports whether w is a year of four digits, 1000 to 2099.
func isYear(w string) bool {
	if len(w) != 4 || w[0] != '1' && w[0] != '2' || w[0] == '2' && w[1] != '0' {
		return false
	}
	for k := 0; k < 4; k++ {
		if w[k] < '0' || w[k] > '9' {
			return false
		}
	}
	return true
}

// partitiveDet reports whether token i is a determiner of partitives
// (data/partitives.tsv) right before "of": "some of the gunmen", "each
// of the attackers".
func (p *Parser) partitiveDet(i int) bool {
	s := &p.s
	return i+1 < len(s.Toks) && s.Toks[i+1].Norm == "of" && partitiveDets[s.Toks[i].Norm]
}

// PartitiveOf returns the "of" phrase right after noun phrase np when np
// is a quantity and nothing more, some of the people or things the "of"
// phrase names: "two of the attackers", "some of the gunmen", "several of
// the rebels", "one of the militants". -1 otherwise.
func (s *Sentence) PartitiveOf(np int) int {
	c := &s.Chunks[np]
	if c.Kind != NP || np+1 >= len(s.Chunks) || s.PrepOf(np+1) != "of" || s.Chunks[np+1].A != c.B+1 {
		return -1
	}
	for k := c.A; k < c.B; k++ {
		switch {
		case s.Tags[k] == Num, k == c.Head && partitiveDets[s.Toks[k].Norm]:
		case s.Tags[k] == Det && k < c.Head, s.Tags[k] == Adj && k < c.Head:
			// "the two of", "at least three of"
		default:
			return -1
		}
	}
	return np + 1
}

// toDeathBeforePhrase reports whether token i is the "death" of "to
// death" with a noun phrase opening right after it by a number, a
// determiner, a possessive or a name ("beat to death three men", "hacked
// to death his neighbour"): that phrase is the verb's object, not part of
// the result phrase. A noun after it ("to death threats") stays one phrase.
func (p *Parser) toDeathBeforePhrase(i int) bool {
	s := &p.s
	if i == 0 || i+1 >= len(s.Toks) || s.Toks[i].Norm != "death" || s.Toks[i-1].Norm != "to" {
		return false
	}
	switch s.Tags[i+1] {
	case Num, Det, Poss, Proper:
		return true
	}
	return false
}

// governPrepositions links each noun phrase to the preposition right
// before it, and the items of a list to the preposition of the first
// ("in Kinyach and Kapturo").
func (p *Parser) governPrepositions() {
	s := &p.s
	for j := range s.Chunks {
		c := &s.Chunks[j]
		if c.Kind != NP || c.A == 0 {
			continue
		}
		if t := s.Tags[c.A-1]; (t == Prep || t == To) && s.ChunkOf[c.A-1] < 0 {
			c.Prep = c.A - 1
			continue
		}
		if s.conjoined(j) && s.Chunks[j-1].Prep >= 0 {
			c.Prep = s.Chunks[j-1].Prep
		}
	}
}

// AuxiliaryStart returns the first auxiliary of the verb group whose main
// verb is token v, going back over auxiliaries, negation and adverbs:
// "is regularly attacked", "has often been targeted", "were reportedly
// shelled". An adverb counts only with an auxiliary before it; with none,
// v itself is returned.
func AuxiliaryStart(toks []text.Token, v int) int {
	lex := lexiconIndex()
	start := v
	for k := v - 1; k >= 0; k-- {
		w := toks[k].Norm
		e, known := lex.Get(w)
		switch {
		case known && (e.tag == Be && w != "s" || e.tag == Have || e.tag == Modal || e.tag == Do):
			start = k
			continue
		case adverb(lex, w):
			continue
		}
		break
	}
	return start
}

// SkipAdverbs returns the last token at or before k that is no adverb nor
// negation, -1 if none: from "reportedly" in "were reportedly shelled" it
// reaches "were".
func SkipAdverbs(toks []text.Token, k int) int {
	lex := lexiconIndex()
	for k >= 0 && adverb(lex, toks[k].Norm) {
		k--
	}
	return k
}

// adverb reports whether w is an adverb or a negation that may stand
// inside a verb group: one the lexicon holds, or an unknown word in -ly.
func adverb(lex *wordLexicon, w string) bool {
	e, known := lex.Get(w)
	if !known {
		return len(w) > 4 && strings.HasSuffix(w, "ly")
	}
	return e.tag == Neg || e.tag == Adv
}

// timeAdjunct reports whether token k opens a phrase of time that stands
// after a noun phrase as an adverb ("the town last night", "Aleppo this
// week", "the base on Monday" has its preposition): a word of
// timeOpeners before a noun of timeNouns. Such a phrase never continues
// the noun phrase before it, so that "shelled the town last night" keeps
// "the town" as the object and its head.
//
// The lists' words are marked in the lexicon (markWords), so that the
// parser reads the answers from the entries tag found for the tokens.
func (p *Parser) timeAdjunct(k int) bool {
	return p.ents[k].marks&markTimeOpener != 0 && k+1 < len(p.ents) && p.ents[k+1].marks&markTimeNoun != 0
}

// timePhrase reports whether chunk j is a phrase of time and nothing
// more: "last night", "this morning", not "last week's attack".
func (p *Parser) timePhrase(j int) bool {
	c := &p.s.Chunks[j]
	return c.Kind == NP && c.B == c.A+2 && p.timeAdjunct(c.A)
}

// timePhraseEnd returns the end of the phrase of time that opens at
// token i when a noun phrase follows it with nothing between ("Last night
// gunmen…", "this morning militants…"), else 0. A possessive after the
// noun of time makes it the possessor of the phrase ("last week's
// attack"), which stays one.
func (p *Parser) timePhraseEnd(i int) int {
	if !p.timeAdjunct(i) || i+2 >= len(p.s.Tags) {
		return 0
	}
	switch p.s.Tags[i+2] {
	case Noun, Proper, Det, Num, Adj, Poss:
		return i + 2
	}
	return 0
}

// timeOpeners open a phrase of time and timeNouns end it (timeAdjunct).
var (
	timeOpeners = wordlist.MustParse("data/timeopeners.tsv", timeOpenerData)
	timeNouns   = wordlist.MustParse("data/timenouns.tsv", timeNounData)
)

//go:embed data/timeopeners.tsv
var timeOpenerData string

//go:embed data/timenouns.tsv
var timeNounData string

// partitiveDets head a phrase of their own before "of" (partitiveDet).
var partitiveDets = wordlist.MustParse("data/partitives.tsv", partitiveData)

//go:embed data/partitives.tsv
var partitiveData string
