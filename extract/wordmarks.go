package extract

import (
	"math/bits"
	"sync"

	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/extract/text"
)

// Word marks. A few word lists are asked of nearly every token, by rules
// that scan a sentence for a rare word (a coding remark, a verb of saying,
// a locative, a number word): each ask hashed the token's word again, some
// ten times a token in all. newDocState looks each token's word up once,
// in one map from the words of those lists to the lists that hold them,
// and keeps the answer in the token's Marks; wordClass.has then answers
// with a bit test. A token that no document marked (one a test or another
// caller tokenised) is looked up in the list itself, so has(t) is always
// exactly the list's Has(t.Norm).

// wordClass is one of the marked word lists, as its bit in text.Token's
// Marks.
type wordClass uint32

// The marked lists, one bit each; marked is set on every token
// markTokens saw.
const (
	markCoding         wordClass = 1 << iota // codingVerbs
	markUnit                                 // unitWords
	markScale                                // scaleWords
	markToll                                 // tollKinds: killWords or hurtWords
	markKill                                 // killWords
	markGovFirst                             // govFirst
	markForceFirst                           // forceFirst
	markLocative                             // locatives
	markSay                                  // sayVerbs
	markSpeech                               // speechVerbs
	markHead                                 // loadWordLists().headSet
	markVenue                                // loadWordLists().venueSet
	markDeny                                 // loadModalLists().deny
	markDoubt                                // doubtWords
	markClauseBreak                          // clauseBreaks
	markMonth                                // months
	markAccount                              // accountNouns
	markParticle                             // particles
	markNegator                              // negators
	markModal                                // modalWords
	markPursuit                              // pursuitWords
	markRegion                               // regionWords
	markTollClaim                            // tollClaims
	markVictim                               // victimNouns
	markLightVerb                            // lightVerbs
	markBe                                   // beForms
	markSingularVictim                       // singularVictims
	markHabit                                // habitWords
	markMany                                 // manyWords
	markPlaceLead                            // loadWordLists().placeLeads
	markLists                                // the number of lists, as a bit

	// markParse is no list's: a word that may give its chunk a lemma
	// whose sentence's parse is read (parseWord)
	markParse wordClass = 1 << 30
	marked    wordClass = 1 << 31
)

// wordList is what the marks need of a list: wordSet and wordMap have it.
type wordList interface {
	Has(string) bool
	Words() []string
}

// markedLists returns the marked lists in the order of their bits.
var markedLists = sync.OnceValue(func() []wordList {
	l, ml := loadWordLists(), loadModalLists()
	lists := []wordList{&codingVerbs, &unitWords, &scaleWords, &tollKinds, &killWords, &govFirst, &forceFirst, &locatives,
		&sayVerbs, &speechVerbs, &l.headSet, &l.venueSet, &ml.deny, &doubtWords, &clauseBreaks, &months,
		&accountNouns, &particles, &negators, &modalWords,
		&pursuitWords, &regionWords, &tollClaims, &victimNouns, &lightVerbs, &beForms, &singularVictims,
		&habitWords, &manyWords, &l.placeLeads}
	if len(lists) != bits.TrailingZeros32(uint32(markLists)) {
		panic("extract: a marked word list without its bit")
	}
	if markLists > markParse {
		panic("extract: the marked word lists take markParse's bit")
	}
	return lists
})

// wordMarks maps each word of the marked lists to the bits of the lists
// that hold it.
var wordMarks = sync.OnceValue(func() wordMap[wordClass] {
	m := map[string]wordClass{}
	for i, l := range markedLists() {
		for _, w := range l.Words() {
			m[w] |= 1 << i
		}
	}
	return newWordMap(m)
})

// markTokens sets the Marks of toks: the lists their words are in.
func markTokens(toks []text.Token) {
	for i := range toks {
		toks[i].Marks = marksOf(toks[i].Norm)
	}
}

// marksOf returns the Marks of a token whose word is w: the lists w is
// in, markParse where parseWord holds it, and marked. newDocState has the word cache of the document's
// coding remember it (lexicon's CodeCachedMarked), so that a word the
// cache holds is not looked up again.
func marksOf(w string) uint32 {
	wm := wordMarks()
	c, _ := wm.Get(w)
	if parseWord(w) {
		c |= markParse
	}
	return uint32(c | marked)
}

// wordFacts returns what the coding of a document remembers of a word w
// in its word cache (lexicon's CodeCachedMarked): its Marks (marksOf) and
// its syntax lexicon index (syntax.LexEntry), which the parser then need
// not look up (docState.known).
func wordFacts(w string) (marks, lex uint32) {
	return marksOf(w), syntax.LexEntry(w)
}

// has reports whether t's word is in list c: its mark, or for a token
// not marked, the list's answer. It takes the token by its address: a
// token passed by value is copied (56 bytes) at every call, inlined or
// not, to read four of them.
func (c wordClass) has(t *text.Token) bool {
	if wordClass(t.Marks)&marked != 0 {
		return wordClass(t.Marks)&c != 0
	}
	return c.lookUp(t.Norm)
}

// surelyNot reports whether t's mark says that its word is not in list c:
// false for a token not marked, which has would look up. It is has's
// fast answer, for the callers that look a word up in another table
// anyway when it may be in c (placeRole, unitAt), small enough to be
// inlined with that lookup.
func (c wordClass) surelyNot(t *text.Token) bool {
	return wordClass(t.Marks)&(marked|c) == marked
}

// lookUp asks list c for w itself.
func (c wordClass) lookUp(w string) bool {
	return markedLists()[bits.TrailingZeros32(uint32(c))].Has(w)
}
