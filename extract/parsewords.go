package extract

import (
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/extract/text"
)

// Sentences left unparsed. findDoers and findEvents read a sentence's
// parse for its chunks whose lemma names a row of the frame table
// (pickDef), an armed conflict (noteConflictRefs) or the object of a
// claim (claimObjects), and for the frames that the trigger lexicon or a
// casualty figure made in it. A sentence none of whose words may give a
// chunk such a lemma (syntax.Lemmas) gets no answer from its parse until
// it holds a frame, and is parsed only then. Whether a word may is asked
// once per word of the document's word cache and kept in its tokens'
// Marks (markParse).

// claimObjects are the objects that make a verb of claiming a claim of
// an attack: "the cell accepted responsibility", "took credit for".
var claimObjects = []string{"responsibility", "credit"}

// parseLemmas are the lemmas for which the parse of a sentence is read:
// the frame table's verbs (a phrasal verb's by its verb) and nouns, the
// armed conflict nouns and the claim objects.
var parseLemmas = sync.OnceValue(func() wordSet {
	m := map[string]bool{}
	for _, w := range frames.verbs.Words() {
		v, _, _ := strings.Cut(w, " ")
		m[v] = true
	}
	for _, lists := range [][]string{frames.nouns.Words(), armedConflictNouns.Words(), claimObjects} {
		for _, w := range lists {
			m[w] = true
		}
	}
	return newWordSet(m)
})

// parseStems are the lemmas of parseLemmas and those less a final "e"
// or "y": what a regular form keeps of its lemma before the suffix
// syntax.Lemmas strips ("shell|ed", "bomb|ing", "rais|ed", "militi|as").
var parseStems = sync.OnceValue(func() wordSet {
	m := map[string]bool{}
	set := parseLemmas()
	for _, w := range set.Words() {
		m[w] = true
		m[strings.TrimSuffix(w, "e")] = true
		m[strings.TrimSuffix(w, "y")] = true
	}
	return newWordSet(m)
})

// parseWord reports whether a token whose Norm is w may give its chunk a
// lemma of parseLemmas, in whatever sentence. Most words may not, and
// mayParseWord says so without making their lemmas.
func parseWord(w string) bool {
	if !mayParseWord(w) {
		return false
	}
	var buf [8]string
	set := parseLemmas()
	for _, l := range syntax.Lemmas(w, buf[:0]) {
		if set.Has(l) {
			return true
		}
	}
	return false
}

// mayParseWord is parseWord's first test, which holds for every word
// parseWord holds: w's lexicon lemmas among parseLemmas
// (syntax.LexLemmas), or w with its last four bytes or fewer cut off
// among parseStems, the stems guessed lemmas are made of.
func mayParseWord(w string) bool {
	stems := parseStems()
	for k := len(w); k >= 1 && k >= len(w)-4; k-- {
		if stems.Has(w[:k]) {
			return true
		}
	}
	set := parseLemmas()
	return syntax.LexLemmas(w, func(l string) bool { return set.Has(l) })
}

// parseRead reports whether t's word may give its chunk a lemma of
// parseLemmas: its mark, or for a token not marked, parseWord's answer.
func parseRead(t *text.Token) bool {
	if wordClass(t.Marks)&marked != 0 {
		return wordClass(t.Marks)&markParse != 0
	}
	return parseWord(t.Norm)
}

// readsParse reports whether the parse of a sentence of tokens toks may
// answer a reader of its chunks' lemmas: one of its words may give one
// of parseLemmas.
func readsParse(toks []text.Token) bool {
	for i := range toks {
		if parseRead(&toks[i]) {
			return true
		}
	}
	return false
}
