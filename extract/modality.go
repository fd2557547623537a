package extract

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/extract/text"
)

// An event mention may speak of an event that did not (or not yet) take
// place: a question ("could it have been an air strike?"), a modal or
// future ("militants could strike", "we must fight"), an intent or a
// purpose ("forcing police to fire"), a prevention ("a halt to shelling",
// "foiled an attack"), a risk ("the chances of being robbed") or a
// conflict that goes on ("has fought militants for years"). unreal reads
// each of these shapes with one small rule; a frame it marks reports no
// event.

// modalWords are the modal auxiliaries: what follows is possible, needed
// or future, not reported as done.
var modalWords = grammarList("modalWords")

// doubtWords open a clause that guesses rather than reports ("Perhaps
// the fire was set by…").
var doubtWords = grammarList("doubtWords")

// clauseBreaks end the backward search for a modal: punctuation that
// closes a clause, subordinators and relative words that open another.
var clauseBreaks = grammarList("clauseBreaks")

// modalBridge are the words that may stand between a modal and the event
// noun it governs ("could it have been an air strike", "there will be
// clashes"): pronouns, be and have.
var modalBridge = grammarList("modalBridge")

// aspectVerbs may govern an infinitive that reports the act ("began to
// shell", "went on to attack"); any other verb or noun before "to"
// makes it an intent, a plan, an order or a purpose.
var aspectVerbs = grammarList("aspectVerbs")

// preventWords name what stops, threatens or plans an event: the event
// noun they govern (directly or through "to", "of", "for", "against",
// "on") did not happen.
var preventWords = grammarList("preventWords")

// govPreps link a prevention word to the event noun it governs.
var govPreps = grammarList("govPreps")

// unreal reports why frame f, in tokens toks, speaks of no event that
// took place, or "" when it may report one.
func unreal(toks []text.Token, f *frame) string {
	switch {
	case goesOn(toks, f.a):
		return ""
	case question(toks):
		return "question"
	case doubted(toks, f.a):
		return "doubt"
	case denied(toks, f.a):
		return "denied"
	case disarmed(toks, f.a, f.b):
		return "disarmed"
	case f.verb && modalVerb(toks, f.a):
		return "modal"
	case !f.verb && modalNoun(toks, f.a):
		return "modal"
	case f.verb && !f.definite && infinitive(toks, f.a, f.b):
		return "intent"
	case f.verb && possibility(toks, f.a):
		return "possibility"
	case f.verb && f.date == nil && symmetric(f) && perfect(toks, f.a):
		return "ongoing"
	case (!f.verb || strings.HasSuffix(toks[f.a].Norm, "ing") || compoundHead(toks, f.a)) && prevented(toks, f.a):
		return "prevented"
	case !f.verb && characterized(toks, f.a):
		return "named"
	case figurative(toks, f):
		return "figurative"
	}
	return ""
}

// namingVerbs are the forms of the verbs that give their object a name
// or a kind: "called the vote a coup", "branded the ruling an assault on
// the press", "described the budget as a massacre of jobs".
var namingVerbs = grammarList("namingVerbs")

// namedActs are the words whose phrase, named by a naming verb, is an
// act the sentence reports: "police called the blast a suicide attack",
// "officials described it as a massacre" give a real act its kind.
var namedActs = grammarList("namedActs")

// namesAnAct reports whether the object of a naming verb, tokens obj,
// holds a word of namedActs: the name it gets is the kind of a real act.
func namesAnAct(obj []text.Token) bool {
	for i := range obj {
		if namedActs.Has(obj[i].Norm) {
			return true
		}
	}
	return false
}

// namingParticles, right after a naming verb, make it a verb of another
// sense: "called in an air strike", "called for an attack", "called off
// the raid".
var namingParticles = grammarList("namingParticles")

// characterized reports whether the event noun at a is the name that a
// naming verb gives its object ("the minister called the vote a coup",
// "critics described the cuts as an assault on the poor"): what the
// sentence reports is a speaker's word for something else, not an act.
// The noun follows "a" or "an", with at most two words (and quote marks)
// before it, and "as" or the object, which opens with no particle
// ("called in an air strike" calls one in), stands between the article
// and the verb.
func characterized(toks []text.Token, a int) bool {
	j := a - 1
	for ; j >= 0 && j >= a-3 && toks[j].Norm != "a" && toks[j].Norm != "an"; j-- {
		if clauseBreaks.Has(toks[j].Norm) {
			return false
		}
	}
	if j < 2 || toks[j].Norm != "a" && toks[j].Norm != "an" {
		return false
	}
	for k := j - 1; k >= 0 && k >= j-7; k-- {
		w := toks[k].Norm
		if namingVerbs.Has(w) {
			return k < j-1 && !namingParticles.Has(toks[k+1].Norm) && !namesAnAct(toks[k+1:j])
		}
		if clauseBreaks.Has(w) && w != "as" {
			return false
		}
	}
	return false
}

// disarmVerbs take arms out of use or out of hiding: seizing, finding,
// recovering or defusing them. ACLED codes such an act a strategic
// development ("disrupted weapons use"), not an attack.
var disarmVerbs = grammarList("disarmVerbs")

// armsNouns name arms as things held: weapons, charges, munitions and the
// stores of them.
var armsNouns = grammarList("armsNouns")

// armsSpan is how many words after a verb of disarming its object's arms
// noun may stand ("seized two loaded assault rifles").
const armsSpan = 5

// disarmed reports whether the trigger at [a, b) names arms taken out of
// use rather than an attack: a verb of seizing whose object is arms
// ("police seized grenades", "troops seized a cache of explosives"), or
// a charge that a verb of disarming takes as its object or as the
// subject of its passive ("defused a roadside bomb", "a car bomb was
// found"), or that names the trade of those who make charges safe
// ("bomb disposal experts"). A charge planted to attack is read by its
// own verb ("a bomb planted at the gate was defused" keeps the planting).
func disarmed(toks []text.Token, a, b int) bool {
	switch {
	case disarmVerbs.Has(toks[a].Norm):
		return armsObject(toks, a+1)
	case armsNouns.Has(toks[b-1].Norm):
		return disarmBefore(toks, a) || passiveSubject(toks, b, disarmVerbs) || b < len(toks) && disarmers.Has(toks[b].Norm)
	}
	return false
}

// disarmers are the nouns that a charge noun qualifies to name the people
// or means that make charges safe ("bomb disposal experts", "the bomb
// squad"): the charge is their trade, not a weapon used.
var disarmers = grammarList("disarmers")

// armsObject reports whether the object that begins at k names arms:
// an arms noun within armsSpan words, before any clause break or
// preposition that would end the phrase ("seized the town with
// rifles" takes the town).
func armsObject(toks []text.Token, k int) bool {
	for j := k; j < len(toks) && j < k+armsSpan; j++ {
		w := toks[j].Norm
		switch {
		case armsNouns.Has(w):
			return true
		case clauseBreaks.Has(w) || armsPhraseEnds.Has(w):
			return false
		}
	}
	return false
}

// armsPhraseEnds are the words that end the object of a verb of
// disarming before its arms noun: prepositions and coordinators.
var armsPhraseEnds = grammarList("armsPhraseEnds")

// disarmBefore reports whether a verb of disarming stands right before
// the charge at a, over determiners, numbers and one modifier ("defused
// two crude bombs").
func disarmBefore(toks []text.Token, a int) bool {
	other := 0
	for k := a - 1; k >= 0; k-- {
		t := &toks[k]
		switch {
		case nounPremodifier(t) || t.Kind == text.Number:
		case other == 0 && t.Kind == text.Word && !clauseBreaks.Has(t.Norm) && !disarmVerbs.Has(t.Norm):
			other++
		default:
			return disarmVerbs.Has(t.Norm)
		}
	}
	return false
}

// ceaseVerbs end an act that was going on: after a negation ("will not
// stop bombing", "has never ceased shelling") the act goes on.
var ceaseVerbs = grammarList("ceaseVerbs")

// goesOn reports whether the gerund at a follows a negated verb of
// ceasing ("Russia will not stop bombing the city", "they have not
// stopped shelling"): a double negation that says the act goes on, though
// a negation and a modal stand before it.
func goesOn(toks []text.Token, a int) bool {
	if a < 2 || !strings.HasSuffix(toks[a].Norm, "ing") || !ceaseVerbs.Has(toks[a-1].Norm) {
		return false
	}
	for k := a - 2; k >= 0 && k >= a-4; k-- {
		if ceaseNegations.Has(toks[k].Norm) || syntax.ContractedNot(toks, k) {
			return true // "will not stop bombing", "won't stop bombing"
		}
	}
	return false
}

// ceaseNegations are the plain negations that, before a verb of ceasing,
// say the act goes on (goesOn).
var ceaseNegations = grammarList("ceaseNegations")

// symmetric reports whether the frame table gives f's subtype two sides
// that both act (a clash).
func symmetric(f *frame) bool {
	for _, k := range symmetricKinds {
		if k[0] == f.typ && k[1] == f.subtype {
			return true
		}
	}
	return false
}

// symmetricKinds are the types and subtypes of the symmetric rows of the
// frame table, each once, so that symmetric reads those rows only (it is asked of
// every frame).
var symmetricKinds = func() [][2]string {
	var out [][2]string
	for i := range frameTable {
		if r := &frameTable[i]; r.symmetric && !slices.Contains(out, [2]string{r.typ, r.subtype}) {
			out = append(out, [2]string{r.typ, r.subtype})
		}
	}
	return out
}()

// perfect: the verb is in a perfect tense ("has fought", "have long been
// fighting"). An undated clash in the perfect is a conflict that goes
// on ("Iran has fought militants in border areas"), not one incident.
func perfect(toks []text.Token, a int) bool {
	k := a - 1
	for k >= 0 && (toks[k].Norm == "been" || toks[k].Norm == "long" || toks[k].Norm == "also" || strings.HasSuffix(toks[k].Norm, "ly")) {
		k--
	}
	if k < 0 {
		return false
	}
	switch toks[k].Norm {
	case "has", "have", "had", "'ve":
		return true
	}
	return false
}

// markUnreal negates the attack and abduction frames that report no
// event. A verb that took such a frame as its subject ("an attack
// killed…") is read on its own again: "police thwarted an attack and
// killed a militant". It returns read with what it read of each frame it
// left real appended: given back for the same sentence, a frame read
// there with the same fields is not read again (unreal would answer the
// same).
func markUnreal(toks []text.Token, frames []*frame, read []unrealRead) []unrealRead {
	for i, f := range frames {
		if f.negated || f.typ != EventAttack && f.typ != EventAbduction {
			continue
		}
		r := unrealReadOf(f)
		if slices.Contains(read, r) {
			continue
		}
		if unreal(toks, f) == "" {
			read = append(read, r)
			continue
		}
		f.negated = true
		if i+1 < len(frames) {
			if n := frames[i+1]; n.relative && n.weak && n.verb && n.typ == f.typ {
				n.relative = false
			}
		}
	}
	return read
}

// unrealRead is a frame and the fields of it that unreal reads (beside
// the tokens of its sentence): where none of them changed, unreal gives
// the same answer.
type unrealRead struct {
	f                     *frame
	typ, subtype          string
	a, b                  int
	verb, definite, dated bool
}

// unrealReadOf returns what unreal reads of f.
func unrealReadOf(f *frame) unrealRead {
	return unrealRead{f: f, typ: f.typ, subtype: f.subtype, a: f.a, b: f.b, verb: f.verb, definite: f.definite, dated: f.date != nil}
}

// question: a sentence that asks ("Was it an air strike?").
func question(toks []text.Token) bool {
	for k := len(toks) - 1; k >= 0; k-- {
		switch toks[k].Text {
		case "\"", "'", "”", "’", ")":
			continue
		}
		return toks[k].Text == "?"
	}
	return false
}

// doubted: a clause opened by "perhaps" or "maybe" before the trigger,
// or the word set off by commas right before its phrase ("prompting,
// perhaps, an attack").
func doubted(toks []text.Token, a int) bool {
	for k := a - 1; k >= 0 && k >= a-8; k-- {
		if markDoubt.has(&toks[k]) {
			return true
		}
		if toks[k].Norm == "," && k >= 2 && markDoubt.has(&toks[k-1]) && toks[k-2].Norm == "," {
			return true // a doubt between commas: "leading, maybe, to clashes"
		}
		if markClauseBreak.has(&toks[k]) {
			return false
		}
	}
	return false
}

// denied: the mention stands in the clause of a denial ("denied that
// its troops shot anyone", "rejected claims that it bombed the clinic")
// or is the gerund a denial verb governs ("denied attacking the convoy").
// "Denied responsibility for the attack" denies no attack: only a "that"
// clause or a gerund right after the verb is read.
func denied(toks []text.Token, a int) bool {
	ml := loadModalLists()
	for k := a - 1; k >= 0 && k >= a-12; k-- {
		switch toks[k].Norm {
		case ";", ":", "but", "when", "after", "before", "because", "while", "although", "though":
			return false
		}
		if !markDeny.has(&toks[k]) {
			continue
		}
		j := k + 1
		if j < a && toks[j].Norm == "the" {
			j++
		}
		if j < a && ml.claim.Has(toks[j].Norm) {
			j++
		}
		if j < a && toks[j].Norm == "that" {
			return true
		}
		// a gerund right after the verb: "denied (ever) attacking"
		for j < a && (toks[j].Norm == "ever" || toks[j].Norm == "having") {
			j++
		}
		return j == a && strings.HasSuffix(toks[a].Norm, "ing") && toks[k].Norm != "rejected" && toks[k].Norm != "dismissed"
	}
	return false
}

// modalVerb: a modal in the verb's clause before it ("must fight",
// "should be jailed or shot", "will not attack").
func modalVerb(toks []text.Token, a int) bool {
	for k := a - 1; k >= 0 && k >= a-6; k-- {
		if markModal.has(&toks[k]) && !monthAt(toks, k) {
			return true
		}
		if markClauseBreak.has(&toks[k]) {
			return false
		}
	}
	return false
}

// monthAt reports whether the modal-looking word at k is the month May of
// a date, capitalised beside a number: "on 12 May", "[12 May]", "May 3".
func monthAt(toks []text.Token, k int) bool {
	if !toks[k].Upper() || !months.Has(toks[k].Norm) {
		return false
	}
	return k > 0 && toks[k-1].Kind == text.Number || k+1 < len(toks) && toks[k+1].Kind == text.Number
}

// modalNoun: an event noun that a modal governs through be or have
// ("could it have been an air strike", "there will be clashes").
func modalNoun(toks []text.Token, a int) bool {
	k := a - 1
	for k >= 0 && k >= a-6 && modalBridge.Has(toks[k].Norm) {
		k--
	}
	// (a modal right before the trigger makes it a verb: "must attack")
	return k >= 0 && modalWords.Has(toks[k].Norm) && !monthAt(toks, k)
}

// infinitive: "to" and the base form of the verb ("threatened to attack",
// "forcing police to fire", "an attempt to strike"), but for the verbs of
// aspect that report the act ("began to shell").
func infinitive(toks []text.Token, a, b int) bool {
	w := toks[b-1].Norm
	if strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") {
		return false
	}
	k := a - 1
	for k >= 0 && (toks[k].Norm == "not" || strings.HasSuffix(toks[k].Norm, "ly")) {
		k--
	}
	if k < 0 || toks[k].Norm != "to" {
		return false
	}
	return k == 0 || !aspectVerbs.Has(toks[k-1].Norm)
}

// possibility: a passive after "of being" or "from being" ("the chances
// of being robbed or assaulted"): a risk, not an incident.
func possibility(toks []text.Token, a int) bool {
	for k := a - 1; k >= 1 && k >= a-8; k-- {
		if toks[k].Norm == "being" {
			p := toks[k-1].Norm
			return p == "of" || p == "from" || p == "about" || p == "against"
		}
		// a list of participles: "of being raped, robbed, or assaulted"
		if markClauseBreak.has(&toks[k]) && toks[k].Norm != "," {
			return false
		}
	}
	return false
}

// prevented: an event noun governed by a word of prevention, threat or
// plan ("a halt to shelling", "the threat of attacks", "foiled a
// bombing"), over its determiners and modifiers.
func prevented(toks []text.Token, a int) bool {
	k := a - 1
	// over determiners and an event noun that qualifies the head: "foiled
	// an assassination attempt"
	for k >= 0 && k >= a-4 && (nounPremodifier(&toks[k]) || len(frames.noun(toks[k].Norm)) > 0) {
		k--
	}
	// the second of two nouns the word governs: "a halt to shelling and
	// shooting"
	if k >= 1 && (toks[k].Norm == "and" || toks[k].Norm == "or") && strings.HasSuffix(toks[k-1].Norm, "ing") {
		return prevented(toks, k-1)
	}
	if k >= 1 && govPreps.Has(toks[k].Norm) && preventWords.Has(toks[k-1].Norm) {
		// "the end of the battle" took place; "an end to the fighting" asks
		return toks[k-1].Norm != "end" || toks[k].Norm == "to"
	}
	if k >= 0 && haltedAct(toks, k, a) {
		return false
	}
	if k >= 0 && haltForm(toks[k].Norm) != "" && k > 0 && !nounPremodifier(&toks[k-1]) {
		// any form of a verb of ceasing before an act still to come:
		// "police stopped an attack", "troops halted any raids"
		return true
	}
	return k >= 0 && preventWords.Has(toks[k].Norm) && !govPreps.Has(toks[k].Norm)
}

// haltForm returns the verb of ceasing (haltVerbs) that w is a form of,
// its base or an inflection ("stopped", "halts", "ending", "ceased"), or
// "": the lemma the parser reads w as a verb by (syntax.VerbLemma).
func haltForm(w string) string {
	if l := syntax.VerbLemma(w); haltVerbs.Has(l) {
		return l
	}
	return ""
}

// haltVerbs are the verbs of ceasing that presuppose the act they take
// as object: it was going on ("must halt air strikes on the port").
var haltVerbs = grammarList("haltVerbs")

// newActs stand between a verb of ceasing and its act and say the act
// is yet to come ("stop further attacks", "stopped an attack").
var newActs = grammarList("newActs")

// haltedAct reports whether the word at k is a verb of ceasing that takes
// the act at a as its object, and so says that the act was going on
// though the ceasing is only asked or planned ("the deal required that
// the army halt air strikes on the port", "to stop the shelling"): a
// verb, not the noun of "a halt" or "the end" nor the first half of
// "cease-fire", with no word of newActs between ("stop further attacks"
// speaks of none).
func haltedAct(toks []text.Token, k, a int) bool {
	if haltForm(toks[k].Norm) == "" || k > 0 && nounPremodifier(&toks[k-1]) || toks[k+1].Norm == "-" || k+1 == a && openCompound(toks, a) {
		return false // "a halt", "the end"; "cease-fire", "cease fire" are nouns
	}
	for j := k + 1; j < a; j++ {
		if newActs.Has(toks[j].Norm) {
			return false
		}
	}
	return true
}

// compoundHead reports whether the trigger at a is the second half of a
// hyphenated compound ("cease-fire", "cease - fire"): a noun, whatever
// the lexicon took it for.
func compoundHead(toks []text.Token, a int) bool {
	return a >= 2 && toks[a-1].Norm == "-" && toks[a-2].Kind == text.Word || openCompound(toks, a)
}

// openCompound reports whether the trigger at a is a bare verb right
// after a verb of ceasing ("agreed to cease fire", "they ceased fire"):
// such a verb takes a gerund or a noun, never a bare verb, so the two
// words are the open compound of "cease-fire", a noun.
func openCompound(toks []text.Token, a int) bool {
	if a < 1 || haltForm(toks[a-1].Norm) == "" {
		return false
	}
	w := toks[a].Norm
	return !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "s")
}

// nounPremodifier: a word that may stand inside the noun phrase before
// its head (determiners, lower-case modifiers, hyphens), not a verb of
// the clause.
func nounPremodifier(t *text.Token) bool {
	switch t.Norm {
	case "the", "a", "an", "any", "further", "more", "new", "all", "such", "these", "those", "this", "its", "their", "-":
		return true
	}
	return false
}

// conflictNouns name a war or a standing conflict, not one incident: the
// place they govern ("Israel's war on Gaza", "the conflict in Yemen") is
// theirs, not that of an attack reported in the same sentence.
var conflictNouns = grammarList("conflictNouns")

// ofConflict reports whether the name at token a is governed by a
// conflict noun through a preposition ("war on Gaza").
func ofConflict(toks []text.Token, a int) bool {
	k := a - 1
	if k >= 0 && toks[k].Norm == "the" {
		k--
	}
	if k < 1 {
		return false
	}
	switch toks[k].Norm {
	case "on", "in", "against", "with", "over":
		return conflictNouns.Has(toks[k-1].Norm)
	}
	return false
}

// specificNoun reports whether f is an event noun that names one dated
// incident ("Saturday's attack", "the March 3 bombing", "the attack on
// Tuesday", "carried out the March 3 bombing"): a definite noun with a day or month of its own speaks of an
// event that took place, though no verb reports it. The date may not
// resolve (no publication date): its words are enough.
func specificNoun(toks []text.Token, f *frame) bool {
	if f.negated || !f.definite {
		return false
	}
	if f.verb {
		// a light verb and its noun: "carried out the March 3 bombing"
		for k := f.a + 1; k < f.b; k++ {
			if dayWord(&toks[k]) {
				return true
			}
		}
		return false
	}
	for k := f.a - 1; k >= 0 && k >= f.a-5; k-- {
		if dayWord(&toks[k]) {
			return true
		}
		if toks[k].Norm == "the" || toks[k].Norm == "," {
			break
		}
	}
	return f.b+1 < len(toks) && toks[f.b].Norm == "on" && dayWord(&toks[f.b+1])
}

// roleWordAt reports whether a role of the lexicon (an office, a rank:
// "ambassador", "governor") starts at token j of sentence s.
func (d *docState) roleWordAt(s, j int) bool {
	return d.r.roles.AnyCoded(d.coded[s].Slice(j, j+1))
}

// dayWord: a weekday or a month name, capitalised as a name.
func dayWord(t *text.Token) bool {
	if !t.Upper() {
		return false
	}
	wd := weekdays.Has(t.Norm)
	mo := months.Has(t.Norm)
	return wd || mo && len(t.Norm) > 3 || mo && t.Norm == "may"
}

// placedNoun reports whether f is a definite event noun with a place of
// its own, inside its phrase or right after it ("the Manchester
// bombing", "the stabbing in the harbour district"), or with
// its patient named or counted ("the bombing of the Alfred Murrah
// building", "the slaying of seven protesters"): one incident, which
// took place.
func (d *docState) placedNoun(f *frame) bool {
	if f.verb || f.negated || !f.definite {
		return false
	}
	toks := d.sents[f.s].Tokens
	place := func(k int) bool {
		m := d.mentionAt(f.s, k)
		return m != nil && (m.ent.class == ClassPlace || m.ent.class == ClassRegion) && !m.demonym
	}
	for k := f.a - 1; k >= 0 && k >= f.a-5; k-- {
		if toks[k].Norm == "the" || toks[k].Norm == "," {
			break
		}
		if place(k) {
			return true
		}
	}
	k := f.b
	if k+1 < len(toks) && toks[k].Norm == "of" {
		// its patient: "the bombing of the federal building in X", "the
		// slaying of seven demonstrators"
		wl := loadWordLists()
		for j := k + 1; j < len(toks) && j <= k+4; j++ {
			w := toks[j].Norm
			// a name, a figure ("seven demonstrators"), or a head of a
			// kind of people or venue ("the ambassador", "the hospital")
			if d.covered(f.s, j) || toks[j].Kind == text.Number || numberWords[w] > 0 || wl.headSet.Has(w) || wl.venueSet.Has(w) || d.roleWordAt(f.s, j) {
				return true
			}
			if toks[j].Kind == text.Punct || prepositions.Has(w) {
				break
			}
		}
		return false
	}
	if k < len(toks) && (toks[k].Norm == "in" || toks[k].Norm == "at" || toks[k].Norm == "near") {
		k++
		if k < len(toks) && toks[k].Norm == "the" {
			k++
		}
		return k < len(toks) && place(k)
	}
	return false
}
