package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/extract/text"
)

// Attack words have senses in which no one is armed: an illness ("a heart
// attack", "the virus attacks cells"), a contest of words or law ("a legal
// battle", "a personal attack"), a fight against a thing rather than
// people ("her battle with cancer", "an attack on press freedom"), a game
// ("a 5-0 massacre") and a trend of acts told in general ("attacks on
// journalists are rising"). figurative reads each shape with one small
// rule; unreal marks a frame it reads as reporting no attack.

// bloodlessModifiers, right before an attack noun, say that what attacks is
// an illness or an animal: "a heart attack", "a shark attack".
var bloodlessModifiers = grammarList("bloodlessModifiers")

// contestNouns are the attack nouns (and the verb forms of attack, fight,
// battle and combat) that a contest modifier
// (figurativeWarModifiers: "legal", "verbal", "political") turns into a
// contest of words, law or votes; a killing noun keeps its sense ("a
// political assassination" is one).
var contestNouns = grammarList("contestNouns")

// bloodlessObjects are heads that an attack or a fight may take without
// anyone armed: illnesses, hardships and abstractions ("battled cancer",
// "the fight against corruption", "an assault on free speech").
var bloodlessObjects = grammarList("bloodlessObjects")

// objectPreps link an attack or fight word to what it is waged on.
var objectPreps = grammarList("objectPreps")

// phraseEnds are the words that follow a noun phrase rather than
// continue it: auxiliaries, modals, coordinators and time words.
var phraseEnds = grammarList("phraseEnds")

// ailments are the illnesses and germs that, as the subject of an attack
// verb, make it a sickness: "the virus attacks the liver".
var ailments = grammarList("ailments")

// playWords belong to games only: a sentence with one tells a match.
var playWords = grammarList("playWords")

// pickedOut are the words that pick out particular acts before an attack
// noun: an article, a demonstrative or a possessive.
var pickedOut = grammarList("pickedOut")

// trendVerbs tell a count that grows or shrinks: a bare plural attack
// noun as their subject is a kind of act counted, not one attack.
var trendVerbs = grammarList("trendVerbs")

// figurative reports whether frame f, in tokens toks, uses its attack word
// in a sense in which no one is armed.
func figurative(toks []text.Token, f *frame) bool {
	switch {
	case !f.verb && f.a > 0 && bloodlessModifiers.Has(toks[f.a-1].Norm):
		return true // "a heart attack", "a shark attack"
	case !f.verb && contestNoun(toks, f) && f.a > 0 && figurativeWarModifiers.Has(toks[f.a-1].Norm):
		return true // "a legal battle", "a personal attack"
	case contestNoun(toks, f) && bloodlessObject(toks, f):
		return true // "her battle with cancer", "an attack on the budget"
	case ailmentSubject(toks, f.a):
		return true // "the virus attacks the liver", "locust attacks"
	case !f.verb && scoreLine(toks, f.a):
		return true // "a 6-0 massacre"
	case playSentence(toks):
		return true // "the striker attacked down the left before the goalkeeper saved"
	case !f.verb && trend(toks, f):
		return true // "attacks on journalists are rising"
	}
	return false
}

// contestNoun reports whether the trigger of f ends in a contest word: an
// attack, a battle, a fight, a war.
func contestNoun(toks []text.Token, f *frame) bool {
	w := toks[f.b-1].Norm
	return contestNouns.Has(w) || contestNouns.Has(strings.TrimSuffix(w, "s"))
}

// bloodlessObject reports whether what the trigger of f is waged on (a
// word of its object phrase, or of the phrase after its preposition, that
// ends the phrase) is a thing no one fights with arms: "fought
// corruption", "the war on poverty", "her battle with cancer last year";
// in "an attack on rights activists" the word qualifies the people
// attacked.
func bloodlessObject(toks []text.Token, f *frame) bool {
	k := f.b
	if k < len(toks) && objectPreps.Has(toks[k].Norm) {
		k++
	} else if !f.verb {
		return false // a noun takes its object with a preposition
	}
	for end := min(len(toks), k+5); k < end && !phraseEnd(toks, k); k++ {
		w := toks[k].Norm
		if (bloodlessObjects.Has(w) || bloodlessObjects.Has(strings.TrimSuffix(w, "s"))) && (k+1 == len(toks) || phraseEnd(toks, k+1)) {
			return true
		}
	}
	return false
}

// phraseEnd reports whether token k ends a noun phrase before it: a
// punctuation mark, a preposition, a clause break or a word of
// phraseEnds.
func phraseEnd(toks []text.Token, k int) bool {
	t := &toks[k]
	return t.Kind == text.Punct && t.Norm != "-" && t.Norm != "'" && t.Norm != "’" || prepositions.Has(t.Norm) || clauseBreaks.Has(t.Norm) || phraseEnds.Has(t.Norm)
}

// ailmentSubject reports whether the word before the trigger at a (past
// adverbs) is an illness or a germ: "the virus quickly attacks", or, with
// the verb taken for a noun, "the virus attacks".
func ailmentSubject(toks []text.Token, a int) bool {
	k := syntax.SkipAdverbs(toks, a-1)
	return k >= 0 && (ailments.Has(toks[k].Norm) || ailments.Has(strings.TrimSuffix(toks[k].Norm, "s")))
}

// scoreLine reports whether a match score stands right before the noun at
// a: "a 6-0 massacre", "their 3 - 1 rout".
func scoreLine(toks []text.Token, a int) bool {
	k := a - 1
	if k >= 0 && toks[k].Kind == text.Word && !toks[k].Upper() && k > 0 && toks[k-1].Kind == text.Number {
		k-- // an adjective between: "a 5-0 home massacre"
	}
	return k >= 2 && toks[k].Kind == text.Number && toks[k-1].Norm == "-" && toks[k-2].Kind == text.Number
}

// playSentence reports whether a word of games only stands in toks.
func playSentence(toks []text.Token) bool {
	for i := range toks {
		if playWords.Has(toks[i].Norm) {
			return true
		}
	}
	return false
}

// trend reports whether the noun trigger of f is a bare plural (no
// article, number or possessor before it in its clause) whose clause goes
// on to a verb of growth or decline: a kind of act counted over time.
func trend(toks []text.Token, f *frame) bool {
	if f.definite || !strings.HasSuffix(toks[f.b-1].Norm, "s") {
		return false
	}
	for k := f.a - 1; k >= 0; k-- {
		t := &toks[k]
		if countWord(t.Norm) || pickedOut.Has(t.Norm) {
			return false
		}
		if t.Kind == text.Punct || clauseBreaks.Has(t.Norm) || prepositions.Has(t.Norm) {
			break
		}
	}
	for k := f.b; k < len(toks) && k < f.b+10; k++ {
		if clauseBreaks.Has(toks[k].Norm) {
			return false
		}
		if trendVerbs.Has(toks[k].Norm) {
			return true
		}
	}
	return false
}
