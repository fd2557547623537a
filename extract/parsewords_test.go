package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/extract/text"
)

// TestReadsParse checks that readsParse holds for every sentence whose
// parse answers a reader: a chunk the frame table names (pickDef), an
// armed conflict noun or a claim object; that it leaves out sentences of
// none; and that a marked token and an unmarked one get one answer. One
// row per shape.
func TestReadsParse(t *testing.T) {
	p := syntax.NewParser()
	for _, tc := range []struct {
		shape, in string
		want      bool
	}{
		{"attack verb, irregular past", "Bandits shot a herder near Orvale on Sunday.", true},
		{"attack noun, plural", "Two ambushes hit convoys outside Kessra.", true},
		{"phrasal verb", "A roadside bomb went off beside a market in Dalgo.", true},
		{"verb with its object", "Pirates held six sailors hostage for a month.", true},
		{"gerund as a noun", "The kidnapping of a nurse shocked Terrin.", true},
		{"armed conflict noun", "The insurgency in the north has no end in sight.", true},
		{"claim of an attack", "A little-known group accepted responsibility on Tuesday.", true},
		{"unknown -ed verb", "Militiamen ambushed a patrol near Fenmoor.", true},
		{"title-case headline", "Gunmen Abduct Two Teachers In Varo", true},
		{"no event", "The mayor visited a school in Harbury on Monday.", false},
		{"prices", "Prices of bread were stable this week.", false},
	} {
		toks := text.Tokenize(tc.in, 0)
		ps := p.Parse(toks)
		answers := false
		for c := range ps.Chunks {
			l := ps.Chunks[c].Lemma
			if pickDef(ps, c) != nil || armedConflictNouns.Has(l) || hasString(claimObjects, l) {
				answers = true
			}
		}
		if answers != tc.want {
			t.Errorf("%s: parse answers %v, want %v (the row is wrong)", tc.shape, answers, tc.want)
		}
		if answers && !readsParse(toks) {
			t.Errorf("%s: the parse answers, readsParse(unmarked) = false", tc.shape)
		}
		markTokens(toks)
		if got := readsParse(toks); got != readsParse(text.Tokenize(tc.in, 0)) || answers && !got {
			t.Errorf("%s: readsParse(marked) = %v", tc.shape, got)
		}
		if !tc.want && readsParse(toks) {
			t.Errorf("%s: readsParse holds for a sentence with no word it reads", tc.shape)
		}
	}
}

// TestMayParseWord checks that parseWord's first test lets through every
// word whose lemmas (syntax.Lemmas) hold one of parseLemmas: each lemma
// of the set in its regular and irregular forms, and the marked lists'
// words beside them.
func TestMayParseWord(t *testing.T) {
	set := parseLemmas()
	var words []string
	for _, l := range set.Words() {
		words = append(words, l, l+"s", l+"es", l+"ed", l+"d", l+"ing", l+l[len(l)-1:]+"ed", l+l[len(l)-1:]+"ing")
		if n := len(l); n > 1 {
			words = append(words, l[:n-1]+"ing", l[:n-1]+"ies", l[:n-1]+"ied")
		}
	}
	words = append(words, "fought", "shot", "went", "took", "held", "kept", "blew", "drove", "beaten", "didn", "won")
	for _, l := range markedLists() {
		words = append(words, l.Words()...)
	}
	for _, w := range words {
		exact := false
		for _, l := range syntax.Lemmas(w, nil) {
			exact = exact || set.Has(l)
		}
		if exact && !mayParseWord(w) {
			t.Errorf("%q: a lemma of parseLemmas, but mayParseWord is false", w)
		}
		if parseWord(w) != exact {
			t.Errorf("%q: parseWord = %v, its lemmas say %v", w, !exact, exact)
		}
	}
}
