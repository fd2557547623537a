package extract

import (
	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/extract/text"
)

// Doers no list knows. A name that the clause roles show to be the doer
// of an attack is an actor even where no lexicon holds it: the subject of
// an attack verb ("the Black Watch shot nine marchers"), the
// agent of a passive one ("was bombed by the Red Brigades"), the one
// who claims an attack ("the Red Brigades admitted responsibility for
// the explosions", "the attack was claimed by X"), the subject of a light
// verb with an event noun ("X carried out the bombing"), and the
// possessor of an event noun or of its doer ("the IRA's bombing", "the
// IRA's Derry brigade detonated…"). findDoers makes each such name an
// armed group (a state force where its last word names a unit of one,
// data/doerunits.tsv) and marks its other uses in the document, the
// acronym that ends it included ("the Provisional IRA" … "the IRA").

// findDoers finds the doers no list knows and adds their mentions.
func (d *docState) findDoers() {
	parser := parsers.Get().(*syntax.Parser)
	defer parsers.Put(parser)
	type span struct{ s, a, b int }
	var found []span
	d.keepParses()
	for si, s := range d.sents {
		if d.skip[si] || d.headline[si] {
			continue
		}
		if !readsParse(d.sents[si].Tokens) {
			continue // no attack, no claim: nothing doerPhrases would find
		}
		ps := d.keepParse(si, parser.ParseKnown(s.Tokens, d.known[si]))
		for _, np := range doerPhrases(ps, d.defs[si], nil) {
			if a, b, ok := d.doerName(si, ps, np); ok {
				found = append(found, span{si, a, b})
			}
		}
	}
	for _, sp := range found {
		if d.covered(sp.s, sp.a) {
			continue // found twice
		}
		toks := d.sents[sp.s].Tokens
		name := d.surface(sp.s, sp.a, sp.b)
		class := ClassArmedGroup
		if c, ok := doerUnits()[toks[sp.b-1].Norm]; ok {
			class = c
		}
		e := d.entityFor(&cand{class: class, key: "group/" + slug(name), name: name})
		if e.class != class {
			continue // a key another kind of entity holds
		}
		if e.conf > 0.5 && len(e.mentions) == 0 {
			e.conf = 0.5
		}
		words := make([]string, 0, sp.b-sp.a)
		for k := sp.a; k < sp.b; k++ {
			t := &toks[k]
			words = append(words, t.Norm)
		}
		d.markName(e, words)
		if last := toks[sp.b-1]; sp.b-sp.a > 1 && last.AllCaps() && len(last.Text) >= 2 {
			e.addAlias(last.Text)
			d.markName(e, words[len(words)-1:])
		}
	}
}

// markName adds a mention of e for every use of the word sequence words
// (normalised forms) that no mention covers.
func (d *docState) markName(e *entity, words []string) {
	for si, s := range d.sents {
		if d.skip[si] {
			continue
		}
		toks := s.Tokens
	next:
		for i := 0; i+len(words) <= len(toks); i++ {
			for k, w := range words {
				if toks[i+k].Norm != w || !isUpperWord(&toks[i+k]) && !toks[i+k].AllCaps() || d.covered(si, i+k) {
					continue next
				}
			}
			// a longer name that holds this one is another name
			if i+len(words) < len(toks) && isUpperWord(&toks[i+len(words)]) && !d.covered(si, i+len(words)) {
				continue
			}
			d.addMention(d.newMention(mention{s: si, a: i, b: i + len(words), ent: e}), d.surface(si, i, i+len(words)))
			i += len(words) - 1
		}
	}
}

// doerPhrases returns the noun phrases of ps that the clause roles make
// the doer of an attack or an abduction: the active subject or passive
// agent of an attack verb, the subject of a claim of responsibility or of
// a light verb with an event noun, the agent of a passive claim, and the
// possessor phrase or "by" phrase of an event noun, and the one blamed
// for it.
func doerPhrases(ps *syntax.Sentence, m defMemo, out []int) []int {
	for i := range ps.Clauses {
		cl := &ps.Clauses[i]
		v := &ps.Chunks[cl.Verb]
		if v.Neg || v.Modal || v.Modifier {
			continue
		}
		switch {
		case attackDef(ps, m, cl.Verb):
			if v.Passive && cl.Agent >= 0 {
				out = append(out, cl.Agent)
			} else if !v.Passive && !v.Reduced && cl.Subj >= 0 && !cl.Inherited && !(deviceSubject(v) && cl.Obj < 0) {
				out = append(out, cl.Subj)
			}
		case !v.Passive && cl.Subj >= 0 && cl.Obj >= 0 && loadArgWords().claim.Has(v.Lemma) && hasString(claimObjects, ps.Chunks[cl.Obj].Lemma):
			out = append(out, cl.Subj) // "X accepted responsibility for the bombings"
		case !v.Passive && cl.Subj >= 0 && cl.Obj >= 0 && lightFrameVerbs.Has(v.Lemma) && attackDef(ps, m, cl.Obj):
			out = append(out, cl.Subj) // "X carried out the bombing"
		case v.Passive && v.Lemma == "claim" && cl.Agent >= 0 && cl.Subj >= 0 && attackDef(ps, m, cl.Subj):
			out = append(out, cl.Agent) // "the attack was claimed by X"
		case !v.Passive && lightFrameVerbs.Has(v.Lemma) && lightRelative(ps, cl) && relativeAttack(ps, m, cl):
			out = append(out, cl.Subj) // "the bombing, which X claimed"
		}
	}
	for c := range ps.Chunks {
		ch := &ps.Chunks[c]
		if ch.Kind != syntax.NP || !attackDef(ps, m, c) {
			continue
		}
		if ch.Possessor >= 0 {
			out = append(out, c) // "the IRA's bombing": doerName reads the possessor
		}
		var small [8]int // the chunks, on the stack
		if b := blamedFor(ps, c, ps.Attached(c, small[:0])); b >= 0 {
			out = append(out, b) // "X was blamed for the bombing"
		}
		if c+1 < len(ps.Chunks) && ps.PrepOf(c+1) == "by" && ps.Chunks[c+1].A == ch.B+1 {
			out = append(out, c+1) // "the bombing by X"
		}
	}
	return out
}

// relativeAttack reports whether clause cl is an object relative clause
// that stands for an attack or an abduction: "the bombing, which X
// claimed".
func relativeAttack(ps *syntax.Sentence, m defMemo, cl *syntax.Clause) bool {
	var buf [4]int
	for _, x := range ps.RelativeObject(cl, buf[:0]) {
		if attackDef(ps, m, x) {
			return true
		}
	}
	return false
}

// deviceSubject reports whether verb group v, used without an object,
// has the device for its subject: "an RCIED detonated", "the bomb went
// off", "a car exploded".
func deviceSubject(v *syntax.Chunk) bool {
	switch v.Lemma {
	case "explode", "detonate", "blow", "go", "set":
		return true
	}
	return false
}

// attackDef reports whether chunk c names an attack or an abduction in the
// frame table (m, ps's memo or nil, keeps the row).
func attackDef(ps *syntax.Sentence, m defMemo, c int) bool {
	def := m.pick(ps, c)
	return def != nil && (def.typ == EventAttack || def.typ == EventAbduction)
}

// doerName returns the tokens [a, b) of the name no mention covers that
// noun phrase np of sentence s gives for a doer: the run of proper nouns
// that ends its possessor ("the IRA's Derry brigade": IRA), or else the
// run that ends at its head ("the Black Watch").
func (d *docState) doerName(s int, ps *syntax.Sentence, np int) (int, int, bool) {
	ch := &ps.Chunks[np]
	end := ch.Head + 1
	possessor := ch.Possessor >= 0
	if possessor {
		end = ch.Possessor
		for end > ch.A && ps.Tags[end-1] == syntax.PossS {
			end--
		}
	}
	toks := d.sents[s].Tokens
	a := end
	for a > ch.A && ps.Tags[a-1] != syntax.Det && ps.Tags[a-1] != syntax.Poss && toks[a-1].Kind == text.Word && (isUpperWord(&toks[a-1]) || toks[a-1].AllCaps()) {
		a--
	}
	if a == end {
		return 0, 0, false
	}
	for k := a; k < end; k++ {
		t := &toks[k]
		if d.covered(s, k) || t.Kind != text.Word || !isUpperWord(t) && !t.AllCaps() {
			return 0, 0, false
		}
		if weekdays.Has(t.Norm) {
			return 0, 0, false // "Saturday's attack"
		}
		if months.Has(t.Norm) {
			return 0, 0, false
		}
		if loadWordLists().headSet.Has(t.Norm) || d.r.isDemonym(t) {
			return 0, 0, false // "Gunmen attacked", "Afghan forces"
		}
	}
	if d.r.stopwords.Has(toks[a].Norm) && end-a == 1 || d.r.givenNames.Has(toks[a].Norm) {
		return 0, 0, false // a word that opens a sentence; a person's name
	}
	if end-a == 1 && !toks[a].AllCaps() && (opensSentence(toks, a) || possessor) {
		// one capitalised word that opens a sentence ("Similar attacks…")
		// or owns an event ("Assad's offensive": a person's as often as
		// a group's)
		return 0, 0, false
	}
	if d.r.weapons.AnyCoded(d.coded[s].Slice(a, end)) || d.r.triggers.AnyCoded(d.coded[s].Slice(a, end)) {
		return 0, 0, false // "IED detonated", "Grenade attack": a weapon or an event, no doer
	}
	return a, end, true
}
