package syntax

import (
	_ "embed"

	"github.com/newsgraph/newsgraph/extract/internal/wordlist"
)

// clauses finds the roles of every verb group.
func (p *Parser) clauses() {
	s := &p.s
	p.markParticiples()
	for v := range s.Chunks {
		if s.Chunks[v].Kind != VG {
			continue
		}
		cl := Clause{Verb: v, Subj: -1, Obj: -1, Agent: -1}
		p.subject(&cl)
		p.complements(&cl)
		s.Clauses = append(s.Clauses, cl)
	}
	p.shareAgents()
	p.adjunctSubjects()
}

// objectRelativeBefore reports whether token k is a relative pronoun
// that opens a clause with a subject of its own: "which" ("the massacre,
// which soldiers committed"), or "that" or "whom" right after a noun
// phrase ("the checkpoint that the militants attacked on Monday"); a
// "that" after a verb opens a report ("said that soldiers killed in…").
func (s *Sentence) objectRelativeBefore(k int) bool {
	if s.Tags[k] != Sub {
		return false
	}
	switch s.Toks[k].Norm {
	case "which":
		return true
	case "that", "whom":
		return k > 0 && s.ChunkOf[k-1] >= 0 && s.Chunks[s.ChunkOf[k-1]].Kind == NP
	}
	return false
}

// coordinatedPassive reports whether verb group v is a bare past form
// coordinated with the passive group right before it: "was shot and
// wounded by police".
func (s *Sentence) coordinatedPassive(v int) bool {
	if v == 0 || s.Chunks[v-1].Kind != VG || !s.Chunks[v-1].Passive {
		return false
	}
	a, b := s.Chunks[v-1].B, s.Chunks[v].Head
	if b <= a || s.Tags[a] != Conj {
		return false
	}
	for k := a + 1; k < b; k++ {
		if s.Tags[k] != Adv {
			return false // "and later beheaded": adverbs may stand between
		}
	}
	return true
}

// gappedPassive reports whether bare past form v follows the subject of a
// second passive whose auxiliary the coordination left out: "two were
// killed and several others injured", "ten were killed and over 70
// wounded".
func (s *Sentence) gappedPassive(v int) bool {
	c := s.Chunks[v]
	if c.Head != c.A || v < 2 || s.Chunks[v-1].Kind != NP || s.Chunks[v-1].B != c.A {
		return false
	}
	if v+1 < len(s.Chunks) && s.Chunks[v+1].Kind == NP && s.Chunks[v+1].Prep < 0 && s.Chunks[v+1].A == c.B {
		return false // an object follows: an active verb
	}
	if !s.counted(v - 1) {
		return false // "and the army shot": a subject of its own
	}
	k := s.Chunks[v-1].A - 1
	for k >= 0 && (s.Tags[k] == Prep || s.Tags[k] == Adv) && s.ChunkOf[k] < 0 {
		k-- // "and over 70 wounded"
	}
	if k < 1 || s.Tags[k] != Conj || s.ChunkOf[k-1] < 0 {
		return false
	}
	prev := s.Chunks[s.ChunkOf[k-1]]
	return prev.Kind == VG && prev.Passive
}

// headlinePassive reports whether bare past form v, right after a counted
// noun phrase that no preposition governs, or the bare noun phrase that
// opens the sentence (bareOpening), and with no object after it, is a
// passive whose auxiliary a headline or a note left out: "Four security
// officers killed.", "5 rebels shot dead as they fled", "Several injured
// in grenade attack", "Police officer injured when a grenade exploded". Only verbs that need an object when active
// (data/patients.tsv) read so; one coordinated with an active verb after
// it shares that verb's object ("two gunmen shot and killed a farmer").
func (s *Sentence) headlinePassive(v int) bool {
	c := s.Chunks[v]
	if c.Head != c.A || v == 0 || s.Chunks[v-1].Kind != NP || s.Chunks[v-1].B != c.A || s.Chunks[v-1].Prep >= 0 {
		return false
	}
	if !patientVerbs[s.Lemmas[c.Head]] || !s.counted(v-1) && !s.bareOpening(v-1) || s.coordinatedActive(v) {
		return false
	}
	if c.B < len(s.Toks) {
		switch s.Toks[c.B].Norm {
		case "at", "into", "upon":
			return false // "two soldiers shot at the crowd": an act aimed
		}
	}
	next := v + 1
	if s.afterToDeath(v, v+2) {
		return false // "gunmen hacked to death two farmers": active, its object after "to death"
	}
	return next >= len(s.Chunks) || s.Chunks[next].Kind != NP || s.Chunks[next].Prep >= 0 || s.Chunks[next].A != c.B
}

// patientVerbs are the verbs of harm whose bare past after a count is a
// headline's passive (headlinePassive).
var patientVerbs = wordlist.MustParse("data/patients.tsv", patientData)

//go:embed data/patients.tsv
var patientData string

// bareOpening reports whether noun phrase np opens the sentence with no
// determiner and ends in a common noun: the clipped subject of a headline
// or a note ("Soldier killed in ambush", "Police officer injured when…"),
// which prose would open with an article. A name ("Tarvel attacked…")
// is left out: it may act with no object.
func (s *Sentence) bareOpening(np int) bool {
	c := s.Chunks[np]
	return c.A == 0 && s.Tags[c.A] != Det && s.Tags[c.Head] == Noun
}

// counted reports whether noun phrase np counts people rather than names
// them: a number or a quantifier opens it ("five", "several others", "many
// more").
func (s *Sentence) counted(np int) bool {
	c := s.Chunks[np]
	switch s.Toks[c.A].Norm {
	case "several", "many", "others", "dozens", "scores", "more", "some":
		return true
	}
	return s.Tags[c.A] == Num
}

// shareAgents gives a passive clause with no agent the agent of the
// passive clause coordinated with it: in "was shot and wounded by police"
// the police did both; and an active clause with no object the object of
// the active clause coordinated after it.
func (p *Parser) shareAgents() {
	s := &p.s
	for i := len(s.Clauses) - 2; i >= 0; i-- {
		cl, next := &s.Clauses[i], &s.Clauses[i+1]
		if cl.Agent < 0 && next.Agent >= 0 && next.Verb == cl.Verb+1 && s.coordinatedPassive(next.Verb) {
			cl.Agent = next.Agent
		}
		if cl.Obj < 0 && next.Obj >= 0 && next.Verb == cl.Verb+1 && s.coordinatedActive(cl.Verb) {
			// "abducted and ransomed a trader": both acts had one object
			cl.Obj = next.Obj
		}
	}
}

// coordinatedActive reports whether active verb group v is joined by "and"
// or "or" to the active group right after it, with nothing but adverbs
// between: "killed and mutilated".
func (s *Sentence) coordinatedActive(v int) bool {
	if v+1 >= len(s.Chunks) || s.Chunks[v+1].Kind != VG || s.Chunks[v].Passive || s.Chunks[v+1].Passive || s.Chunks[v].Kind != VG {
		return false
	}
	a, b := s.Chunks[v].B, s.Chunks[v+1].A
	if b <= a || s.Tags[a] != Conj {
		return false
	}
	for k := a + 1; k < b; k++ {
		if s.Tags[k] != Adv {
			return false
		}
	}
	return true
}

// markParticiples marks the verb groups that continue a clause (", killing
// two") or qualify the noun before them ("a bomb planted by rebels").
func (p *Parser) markParticiples() {
	for pass := 0; pass < 2; pass++ {
		p.markPass(pass)
	}
}

// markPass marks -ing participles (pass 0), then reduced relatives (pass
// 1), which look for a finite verb after them.
func (p *Parser) markPass(pass int) {
	s := &p.s
	for v := range s.Chunks {
		c := &s.Chunks[v]
		if pass == 1 && c.Kind == VG && s.Tags[c.Head] == VerbPast && (s.coordinatedPassive(v) || s.gappedPassive(v) || s.headlinePassive(v)) {
			// "was abducted and (later) killed", "two were killed and
			// five injured", "Four soldiers killed in ambush"
			c.Passive = true
			continue
		}
		if pass == 0 && c.Kind == VG && v > 0 && s.Chunks[v-1].Kind == VG && s.Chunks[v-1].Inf && s.Chunks[v-1].B == c.A {
			// "to continue fighting": the verb after an infinitive is
			// as little reported as it
			c.Inf = true
			continue
		}
		if c.Kind != VG || c.Head != c.A {
			continue // an auxiliary makes a finite group
		}
		switch s.Tags[c.Head] {
		case VerbIng:
			if pass == 1 {
				continue
			}
			if c.A == 0 || s.Toks[c.A-1].Norm == "," || s.Tags[c.A-1] == Conj {
				c.Participle = true
			} else if v > 0 && s.Chunks[v-1].Kind == NP && s.Chunks[v-1].B == c.A {
				c.Participle, c.Modifier = true, true
			}
		case VerbPast:
			if pass == 0 {
				continue
			}
			if s.appositivePassive(v) {
				c.Reduced, c.Passive = true, true
				continue
			}
			if v > 0 && s.Chunks[v-1].Kind == NP && s.Chunks[v-1].B == c.A && s.PrepOf(v-1) == "among" {
				// "among those killed", "among six people wounded":
				// the people a harm befell
				c.Reduced, c.Passive = true, true
				continue
			}
			if s.afterReducedAgent(v) {
				continue // "a bomb planted by rebels exploded on a bus"
			}
			if v > 0 && s.Chunks[v-1].Kind == NP && s.Chunks[v-1].A > 0 && s.objectRelativeBefore(s.Chunks[v-1].A-1) {
				continue // "the massacre, which soldiers committed in 2009": the relative's own verb
			}
			if v > 0 && s.Chunks[v-1].Kind == NP && s.Chunks[v-1].B == c.A && c.B < len(s.Toks) && !s.afterToDeath(v, v+2) {
				switch s.Toks[c.B].Norm {
				case "by", "to", "near", "at", "in", "on", "along", "outside", "inside", "with":
					if s.laterFinite(v) || s.Toks[c.B].Norm == "by" || s.objectParticiple(v) {
						c.Reduced, c.Passive = true, true
					}
				case "of", "for":
					// "men accused of bombing a church were
					// arrested": a charge and its gerund
					if c.B+1 < len(s.Toks) && s.Tags[c.B+1] == VerbIng && s.laterFinite(v) || chargeVerbs[c.Lemma] {
						c.Reduced, c.Passive = true, true
					}
				}
			}
		}
	}
}

// nameCompound reports whether past form v is the second half of a
// compound adjective whose first half is the noun phrase before a hyphen
// glued to both ("the U.S.-led coalition", "an Iran-backed militia"; a
// dash set off by spaces opens an aside), with the noun
// it qualifies right after it: a description of that noun, which a
// participle later in the sentence does not continue.
func (s *Sentence) nameCompound(v int) bool {
	c := &s.Chunks[v]
	if v < 1 || c.B-c.A != 1 || c.A < 2 || s.Toks[c.A-1].Text != "-" || s.Toks[c.A-1].SpaceBefore || s.Toks[c.A].SpaceBefore || v+1 >= len(s.Chunks) {
		return false
	}
	before, after := &s.Chunks[v-1], &s.Chunks[v+1]
	return before.Kind == NP && before.B == c.A-1 && after.Kind == NP && after.A == c.B && after.Prep < 0
}

// afterReducedAgent reports whether past form v follows the "by" phrase
// of a reduced participle right before it with no finite verb after it
// up to a comma: it is the finite verb whose subject the participle
// qualifies ("a bomb planted by rebels exploded on a bus, coded to…"),
// not a second participle qualifying the agent.
func (s *Sentence) afterReducedAgent(v int) bool {
	if v < 2 {
		return false
	}
	c, ag, red := &s.Chunks[v], &s.Chunks[v-1], &s.Chunks[v-2]
	if red.Kind != VG || !red.Reduced || ag.Kind != NP || ag.Prep < 0 || s.Toks[ag.Prep].Norm != "by" || ag.B != c.A {
		return false
	}
	for j := v + 1; j < len(s.Chunks); j++ {
		d := s.Chunks[j]
		if s.boundaryBetween(s.Chunks[j-1].B, d.A) || s.commaBetween(s.Chunks[j-1].B, d.A) {
			return true
		}
		if d.Kind == VG && !d.Participle && !d.Inf {
			return false
		}
	}
	return true
}

// commaBetween reports whether a comma lies in tokens [a, b).
func (s *Sentence) commaBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if s.Toks[k].Norm == "," {
			return true
		}
	}
	return false
}

// objectParticiple reports whether past form v, right after a noun
// phrase and before a prepositional phrase, qualifies that phrase as the
// object of the active verb right before it ("gunmen attacked soldiers
// stationed in the town"): no finite verb follows an object with no
// conjunction or relative word between them. A verb that takes a clause
// with no "that" (clausalVerbs: "said gunmen attacked in the north") may
// have that phrase as its clause's subject instead.
func (s *Sentence) objectParticiple(v int) bool {
	if v < 2 {
		return false
	}
	o, main := &s.Chunks[v-1], &s.Chunks[v-2]
	if o.Prep >= 0 || main.Kind != VG || main.B != o.A || main.Passive || main.Inf || clausalVerbs[main.Lemma] {
		return false
	}
	switch s.Tags[main.Head] {
	case Verb, VerbPast, VerbIng:
		return true
	}
	return false
}

// chargeVerbs name a charge or a suspicion: right after a noun phrase and
// before "of" or "for", their past form qualifies the noun ("a man
// suspected of theft was beaten", "beat to death a trader accused of
// fraud"), whether a finite verb follows or not.
var chargeVerbs = wordlist.MustParse("data/charges.tsv", chargesData)

//go:embed data/charges.tsv
var chargesData string

// clausalVerbs take a clause with no "that" after them.
var clausalVerbs = wordlist.MustParse("data/clausal.tsv", clausalData)

//go:embed data/clausal.tsv
var clausalData string

// appositivePassive reports whether past form v, set off from the noun
// phrase before it by a comma or a dash, takes a "by" phrase, after a
// result word where there is one: "Ahmed, shot dead by police, had…", "the
// envoy – killed by a sniper –". Its subject is that noun phrase, its
// voice passive: an active past verb takes no "by" phrase of its doer.
// The phrase must not be the object of a verb before it.
func (s *Sentence) appositivePassive(v int) bool {
	c := &s.Chunks[v]
	if v == 0 || c.A < 2 || s.Chunks[v-1].Kind != NP || s.Chunks[v-1].B != c.A-1 || !setOff(s.Toks[c.A-1].Norm) {
		return false
	}
	if v >= 2 && s.Chunks[v-2].Kind == VG && s.Chunks[v-2].B == s.Chunks[v-1].A {
		return false // the object of a verb before: "who shot two guards, fled by car"
	}
	k := c.B
	if k < len(s.Toks) && resultWords[s.Toks[k].Norm] {
		k++
	}
	return k < len(s.Toks) && s.Toks[k].Norm == "by"
}

// setOff reports whether punctuation w sets off an apposition.
func setOff(w string) bool {
	return w == "," || w == "–" || w == "—" || w == "-" || w == "("
}

// controlVerbs are the verbs of causing, asking and allowing whose object
// does the act of the infinitive after it.
var controlVerbs = wordlist.MustParse("data/control.tsv", controlData)

//go:embed data/control.tsv
var controlData string

// controlledBy reports whether infinitive verb group v follows the object
// of a verb of causing, asking or allowing ("pushed the army to attack"),
// that object right before it: the object is the infinitive's subject.
func (s *Sentence) controlledBy(v int) bool {
	if v < 2 {
		return false
	}
	obj, verb := &s.Chunks[v-1], &s.Chunks[v-2]
	return obj.Kind == NP && obj.Prep < 0 && obj.B == s.Chunks[v].A &&
		verb.Kind == VG && !verb.Passive && !verb.Inf && verb.B == obj.A && controlVerbs[s.Lemmas[verb.Head]]
}

// resultWords may stand between a past form and its "by" phrase: "shot
// dead by police".
var resultWords = wordlist.MustParse("data/results.tsv", resultData)

//go:embed data/results.tsv
var resultData string

// laterFinite reports whether a finite verb group follows chunk v in the
// same clause: "a bomb planted near the road killed two".
func (s *Sentence) laterFinite(v int) bool {
	for j := v + 1; j < len(s.Chunks); j++ {
		c := s.Chunks[j]
		if s.boundaryBetween(s.Chunks[j-1].B, c.A) {
			return false
		}
		if c.Kind == VG && c.Participle && !c.Modifier {
			return false // ", leaving him injured and the car damaged": its own clause
		}
		if c.Kind == VG && !c.Participle && !c.Inf && !s.afterObjectPronoun(j) && !s.adjunctGerund(j) {
			return true // "before detonating" is no finite verb
		}
	}
	return false
}

// afterObjectPronoun reports whether verb group v follows an object
// pronoun, as the complement of the verb before it ("leaving him
// injured"): an object pronoun is no subject, so the group is no finite
// verb.
func (s *Sentence) afterObjectPronoun(v int) bool {
	if v == 0 || s.Chunks[v-1].Kind != NP || s.Chunks[v-1].B != s.Chunks[v].A || s.Chunks[v-1].B-s.Chunks[v-1].A != 1 {
		return false
	}
	switch s.Toks[s.Chunks[v-1].A].Norm {
	case "him", "them", "me", "us":
		return true
	}
	return false
}

// chainedPlace reports whether noun phrase j, which no preposition
// governs, follows a comma right after a phrase a preposition governs:
// the next link of a place chain ("in Musakhel district, Balochistan"),
// or of a longer one ("in A village, B district, C province").
func (s *Sentence) chainedPlace(j int) bool {
	if j < 1 || s.Chunks[j].Kind != NP || s.Chunks[j].Prep >= 0 {
		return false
	}
	prev := &s.Chunks[j-1]
	if prev.Kind != NP || s.Chunks[j].A != prev.B+1 || s.Toks[prev.B].Norm != "," {
		return false
	}
	return prev.Prep >= 0 || s.chainedPlace(j-1) // "in A, B, C"
}

// joinedBy reports whether tokens [a, b) are a coordinator and no more,
// with a comma before it or not: ", and", "and".
func (s *Sentence) joinedBy(a, b int) bool {
	if a < b && s.Toks[a].Norm == "," {
		a++
	}
	return b == a+1 && s.Tags[a] == Conj
}

// subject finds the subject of clause cl: the nearest noun phrase before
// the verb that no preposition governs, the antecedent of a relative
// pronoun, or the subject of the clause it continues.
func (p *Parser) subject(cl *Clause) {
	s := &p.s
	vc := s.Chunks[cl.Verb]
	if vc.Reduced {
		cl.Subj = cl.Verb - 1
		if np := &s.Chunks[cl.Verb-1]; np.B-np.A == 1 && s.Tags[np.A] == Pron {
			if o := s.Among(cl.Verb - 1); o >= 0 {
				// "an officer was among those killed": the officer
				cl.Subj = o
			}
		}
		return
	}
	if s.nameCompound(cl.Verb) {
		// "the U.S.-led coalition": the name before the hyphen led
		cl.Subj = cl.Verb - 1
		return
	}
	if vc.Modifier {
		// "a bomber riding a motorcycle": the noun the participle
		// describes does what it says
		cl.Subj = cl.Verb - 1
		return
	}
	if vc.Inf && s.controlledBy(cl.Verb) {
		// "pushed the allies to invade the island": the one pushed acts
		cl.Subj = cl.Verb - 1
		return
	}
	if vc.Participle || vc.Inf || vc.Raised {
		p.inherit(cl)
		return
	}
	if s.adjunctGerund(cl.Verb) {
		// "approached the gate before detonating his vest": the one
		// who approached detonated
		p.inheritSubject(cl)
		return
	}
	pos := vc.A
	if pos > 0 && s.Tags[pos-1] == Sub && isRelative(s.Toks[pos-1].Norm) {
		// "militants who attacked the post": the antecedent
		for j := cl.Verb - 1; j >= 0; j-- {
			c := s.Chunks[j]
			if c.B <= pos-1 {
				if c.Kind == NP && (c.B == pos-1 || c.B == pos-2 && s.Toks[pos-2].Norm == ",") {
					cl.Subj = j
					if o := s.Contrasted(j); o >= 0 {
						cl.Subj = o // "it was X, not Y, that attacked": X
					}
					if j > 0 && c.B-c.A == 1 && s.Toks[c.A].Norm == "board" && s.PrepOf(j) == "on" && s.Chunks[j-1].Kind == NP {
						// "with nine sailors on board who had been held": the
						// people aboard
						cl.Subj = j - 1
					}
				}
				return
			}
		}
		return
	}
	if k := s.apposedNoun(pos - 1); k >= 0 && s.ChunkOf[k] >= 0 && s.Chunks[s.ChunkOf[k]].Kind == NP && s.Chunks[s.ChunkOf[k]].Prep < 0 {
		// "Assailants, believed to be pirates, abducted six
		// fishermen": the noun before the apposition acts
		cl.Subj = s.ChunkOf[k]
		return
	}
	for j := cl.Verb - 1; j >= 0; j-- {
		c := s.Chunks[j]
		if s.boundaryBetween(c.B, pos) {
			return
		}
		if c.Kind == VG {
			if s.prepGerund(j, cl.Verb) {
				// "two men were accused of bombing a church", "were
				// arrested for attacking a bus": the passive's
				// subject does the act of the gerund
				if o := s.ClauseOf(j); o != nil {
					cl.Subj = o.Subj
				}
				return
			}
			if c.Reduced || c.Modifier || c.Inf || c.Raised || s.governedGerund(j) {
				// "a bomber riding a motorcycle crashed", "an IED
				// intended to target soldiers exploded", "attackers
				// suspected to be linked to X threw": the participle
				// or infinitive and its object describe the subject
				pos = c.A
				continue
			}
			// "attacked and looted", or a gerund right after the verb
			// whose act it continues, starts or ends ("continued
			// shelling", "did not stop bombing"): the same subject
			if s.conjBetween(c.B, vc.A) || s.catenative(j, cl.Verb) {
				p.inherit(cl)
			}
			return
		}
		if o := s.Contrasted(j); o >= 0 {
			// "the Taliban, not Islamic State, attacked": the one set
			// aside is no subject, the one before it is
			cl.Subj = o
			return
		}
		if c.Prep >= 0 || s.bracketed(j) && s.Tags[c.A] == Num || p.timePhrase(j) {
			// "on Sunday", or a date or figure in brackets: "The navy
			// on Friday [3 March] renewed shelling" (a name in brackets
			// restates the one before it: "the Council (MRC) attacked"),
			// or a phrase of time: "the attack last night killed two"
			pos = c.A
			continue
		}
		if s.chainedPlace(j) && s.joinedBy(c.B, vc.A) {
			// "stopped buses in Zhob village, Musakhel district,
			// Balochistan, and shot dead": the links round off the
			// place phrase before them, no subject
			for s.chainedPlace(j) {
				j--
			}
			pos = s.Chunks[j].A
			continue
		}
		// the object of a participle that describes the noun before
		// it: "a bomber riding a motorcycle crashed into"
		if j > 0 && s.Chunks[j-1].Kind == VG && (s.Chunks[j-1].Modifier || s.Chunks[j-1].Inf || s.governedGerund(j-1)) && s.Chunks[j-1].B == c.A && !s.conjBetween(c.B, vc.A) {
			pos = c.A
			continue
		}
		// an object of a verb before: "attacked a post and killed two",
		// "wounded a baby and a woman, and killed livestock", "stormed
		// a farm, burned the barn and fled"
		if first := s.listStart(j); first > 0 && s.Chunks[first-1].Kind == VG && !s.Chunks[first-1].Passive && s.Chunks[first-1].B == s.Chunks[first].A && (s.conjBetween(c.B, vc.A) || s.chained(cl.Verb)) {
			p.inherit(cl)
			return
		}
		// the object of a relative clause: the subject is its antecedent
		// ("militants who attacked the post did not strike")
		if j > 0 && s.Chunks[j-1].Kind == VG && s.Chunks[j-1].B == c.A && s.Chunks[j-1].A > 0 && isRelative(s.Toks[s.Chunks[j-1].A-1].Norm) {
			if o := s.ClauseOf(j - 1); o != nil {
				cl.Subj = o.Subj
			}
			return
		}
		// a list: take its first item ("Kikuyu and Maasai clashed")
		for j > 0 && s.conjoined(j) && s.Chunks[j-1].Prep < 0 {
			j--
		}
		cl.Subj = j
		return
	}
}

// Contrasted returns, for noun phrase j set aside in a contrast ("the
// Taliban, not Islamic State, attacked": ", not" before it and a comma
// after it), the noun phrase before the contrast that the sentence means,
// -1 otherwise.
func (s *Sentence) Contrasted(j int) int {
	c := &s.Chunks[j]
	if c.Kind != NP || c.A < 3 || s.Toks[c.A-1].Norm != "not" || s.Toks[c.A-2].Norm != "," || c.B >= len(s.Toks) || s.Toks[c.B].Norm != "," {
		return -1
	}
	o := s.ChunkOf[c.A-3]
	if o < 0 || s.Chunks[o].Kind != NP || s.Chunks[o].B != c.A-2 {
		return -1
	}
	return o
}

// prepGerund reports whether verb group v is a gerund governed by a
// preposition right after passive verb group c ("were accused of
// bombing", "was jailed for attacking"): the subject of the passive does
// the gerund's act. A reduced participle ("men suspected of kidnapping")
// is read as the noun's description, its noun the subject.
func (s *Sentence) prepGerund(c, v int) bool {
	vc, pc := &s.Chunks[v], &s.Chunks[c]
	return pc.Passive && !pc.Reduced && vc.A == pc.B+1 && s.governedGerund(v)
}

// Among returns, for noun phrase np governed by "among" ("was among
// those killed", "was among six people wounded"), the subject of the
// clause it stands in, one of those np names; -1 where there is none.
func (s *Sentence) Among(np int) int {
	c := &s.Chunks[np]
	if s.PrepOf(np) != "among" {
		return -1
	}
	for i := len(s.Clauses) - 1; i >= 0; i-- {
		if cl := &s.Clauses[i]; s.Chunks[cl.Verb].B <= c.A {
			return cl.Subj
		}
	}
	return -1
}

// governedGerund reports whether verb group v is a gerund that "of" or
// "for" governs, the act of a charge or a reason ("of bombing a church",
// "for attacking the bus"): it and its object stand inside the clause of
// the verb before them. After "in" or "during" the -ing form names an
// event ("killed during fighting"), not an act of the subject.
func (s *Sentence) governedGerund(v int) bool {
	c := &s.Chunks[v]
	if c.Kind != VG || c.Head != c.A || s.Tags[c.Head] != VerbIng || c.A == 0 || s.Tags[c.A-1] != Prep {
		return false
	}
	p := s.Toks[c.A-1].Norm
	return p == "of" || p == "for"
}

// chained reports whether finite verb group v follows a comma and names
// the next act of a chain whose verbs share one subject: "stormed a farm,
// burned the barn and fled".
func (s *Sentence) chained(v int) bool {
	c := s.Chunks[v]
	return c.A > 0 && s.Toks[c.A-1].Norm == "," && (s.Tags[c.Head] == VerbPast || s.Tags[c.Head] == Verb)
}

// bracketed reports whether chunk c stands alone inside brackets: "[20
// August]", "(MRC)".
func (s *Sentence) bracketed(c int) bool {
	a, b := s.Chunks[c].A, s.Chunks[c].B
	if a == 0 || b >= len(s.Toks) {
		return false
	}
	open, end := s.Toks[a-1].Norm, s.Toks[b].Norm
	return open == "(" && end == ")" || open == "[" && end == "]"
}

// catenative reports whether verb group v is a gerund right after verb
// group c, its complement: "continued shelling", "stopped bombing".
func (s *Sentence) catenative(c, v int) bool {
	return s.Chunks[c].B == s.Chunks[v].A && !s.Chunks[c].Passive && s.Tags[s.Chunks[v].Head] == VerbIng
}

// listStart returns the first noun phrase of the list that noun phrase j
// ends ("a baby and a woman"), j itself when it ends none.
func (s *Sentence) listStart(j int) int {
	for j > 0 && s.conjoined(j) && s.Chunks[j-1].Prep < 0 {
		j--
	}
	return j
}

func isRelative(w string) bool { return w == "who" || w == "which" || w == "that" }

// conjBetween reports whether "and" or "or" lies in tokens [a, b).
func (s *Sentence) conjBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if s.Tags[k] == Conj {
			return true
		}
	}
	return false
}

// adjunctGerunds are the prepositions and subordinators that open an
// adverbial -ing clause whose subject is that of the clause it hangs on:
// "stormed the post after killing two guards", "fled before detonating
// the bomb", "was wounded while defusing a mine". "in" and "during" are
// left out: after them the -ing form names an event ("killed during
// fighting"), and "of" and "for" govern a charge (governedGerund).
var adjunctGerunds = wordlist.MustParse("data/adjuncts.tsv", adjunctData)

//go:embed data/adjuncts.tsv
var adjunctData string

// adjunctGerund reports whether verb group v is a bare -ing form right
// after a word of adjunctGerunds: an adverbial clause with no subject of
// its own.
func (s *Sentence) adjunctGerund(v int) bool {
	c := &s.Chunks[v]
	if c.Kind != VG || c.Head != c.A || s.Tags[c.Head] != VerbIng || c.A == 0 {
		return false
	}
	if t := s.Tags[c.A-1]; t != Prep && t != Sub {
		return false
	}
	return adjunctGerunds[s.Toks[c.A-1].Norm]
}

// During reports whether verb group v is a bare -ing form right after
// "while" or "when" (adjunctGerund): a clause of what its subject was
// doing as the clause it hangs on took place ("were shot while driving
// near the town"), so it took place where that clause did. "after",
// "before" and "since" leave it: the base left before an ambush is not
// where the ambush was.
func (s *Sentence) During(v int) bool {
	if !s.adjunctGerund(v) {
		return false
	}
	switch s.Toks[s.Chunks[v].A-1].Norm {
	case "while", "when":
		return true
	}
	return false
}

// inheritSubject gives adverbial clause cl the grammatical subject of the
// nearest clause before it that is no participle, reduced relative or
// infinitive: in "the convoy was ambushed after leaving the base" the
// convoy left, so a passive's agent is not taken, unlike inherit. An
// adjunct that opens the sentence ("After storming the post, rebels
// fled") takes the subject of the clause after it (adjunctSubjects).
func (p *Parser) inheritSubject(cl *Clause) {
	s := &p.s
	for i := len(s.Clauses) - 1; i >= 0; i-- {
		o := s.Clauses[i]
		if c := s.Chunks[o.Verb]; c.Reduced || c.Participle || c.Inf || c.Modifier || s.nameCompound(o.Verb) {
			continue
		}
		if o.Subj >= 0 && !s.copula(o.Verb) {
			cl.Subj, cl.Inherited = o.Subj, true
		}
		return
	}
}

// copula reports whether verb group v is a form of "be" standing alone:
// its subject is described ("their method is to…"), it does nothing an
// adjunct could continue.
func (s *Sentence) copula(v int) bool {
	c := &s.Chunks[v]
	return s.Tags[c.Head] == Be
}

// adjunctSubjects gives an adverbial -ing clause that found no clause
// before it (adjunctGerund) the subject of the first finite clause after
// it: "After storming the post, the rebels fled".
func (p *Parser) adjunctSubjects() {
	s := &p.s
	for i := range s.Clauses {
		cl := &s.Clauses[i]
		if cl.Subj >= 0 || !s.adjunctGerund(cl.Verb) {
			continue
		}
		for j := i + 1; j < len(s.Clauses); j++ {
			o := s.Clauses[j]
			if c := s.Chunks[o.Verb]; c.Reduced || c.Participle || c.Inf || c.Modifier || o.Inherited || s.adjunctGerund(o.Verb) {
				continue
			}
			if o.Subj >= 0 && s.Chunks[o.Subj].A > s.Chunks[cl.Verb].A {
				cl.Subj, cl.Inherited = o.Subj, true
			}
			break
		}
	}
}

// inherit gives cl the subject of the nearest clause before it that is
// not a participle or reduced relative.
func (p *Parser) inherit(cl *Clause) {
	s := &p.s
	for i := len(s.Clauses) - 1; i >= 0; i-- {
		o := s.Clauses[i]
		if s.nameCompound(o.Verb) || s.Chunks[o.Verb].Modifier {
			// "supplies for the U.S.-led coalition, wounding two",
			// "attacked soldiers guarding a post, killing two": a
			// description inside a noun phrase, no clause to continue
			continue
		}
		if s.Chunks[o.Verb].Reduced {
			if s.raisedBy(cl, &o) {
				cl.Subj, cl.Inherited = o.Subj, true
				return
			}
			continue
		}
		if o.Subj >= 0 {
			cl.Subj = o.Subj
			cl.Inherited = true
			// a participle continues an active clause: the same actor
			if s.Chunks[o.Verb].Passive && o.Agent >= 0 {
				cl.Subj = o.Agent
			}
		}
		return
	}
}

// raisedBy reports whether clause cl is an infinitive right after the
// reduced verb of clause o that has a subject: a verb of report or
// belief whose subject the infinitive's act is told of, as headlines
// write it ("police said to be targeting migrants", "gunmen believed to
// have killed two"): that subject is cl's.
func (s *Sentence) raisedBy(cl, o *Clause) bool {
	v := &s.Chunks[cl.Verb]
	return o.Subj >= 0 && (v.Inf || v.Raised) && s.Chunks[o.Verb].B == v.A && raisingVerbs[s.Chunks[o.Verb].Lemma]
}

// raisingVerbs are the verbs of report and belief whose reduced
// participle passes its subject on (raisedBy).
var raisingVerbs = wordlist.MustParse("data/raising.tsv", raisingData)

//go:embed data/raising.tsv
var raisingData string

// complements finds the object, the passive agent and the prepositional
// phrases that follow the verb group up to the next one.
func (p *Parser) complements(cl *Clause) {
	s := &p.s
	vc := s.Chunks[cl.Verb]
	start := len(s.preps)
	reduced := false // a reduced relative stands between: its "by" phrase is its own
	for j := cl.Verb + 1; j < len(s.Chunks); j++ {
		c := s.Chunks[j]
		if c.Kind == VG && !c.Reduced || s.boundaryBetween(s.Chunks[j-1].B, c.A) {
			break
		}
		if c.Kind == VG {
			reduced = true
			continue
		}
		switch {
		case reduced && c.Prep >= 0:
			// "found a bomb planted by rebels", "ambushed a convoy
			// escorted by troops near the border": the doer and the
			// phrases of the participle, not of cl (participleOwns)
		case c.Prep < 0 && cl.Obj < 0 && !vc.Passive && (j == cl.Verb+1 && c.A == vc.B && !p.timePhrase(j) || s.afterToDeath(cl.Verb, j)):
			cl.Obj = j
		case c.Prep < 0 && cl.Obj >= 0 && s.conjoined(j) && s.Chunks[j-1].Prep < 0:
			// "killed two soldiers and a civilian": more objects, reached
			// through Objects
		case c.Prep >= 0 && s.Toks[c.Prep].Norm == "by" && vc.Passive && cl.Agent < 0:
			cl.Agent = j
		case c.Prep >= 0:
			s.preps = append(s.preps, j)
		}
	}
	cl.Preps = s.preps[start:len(s.preps):len(s.preps)]
}

// afterToDeath reports whether noun phrase j, governed by no
// preposition, follows verb group v with only "to death" between them:
// the object of "beat to death a thief", "hacked to death two farmers",
// which the result phrase moves after it.
func (s *Sentence) afterToDeath(v, j int) bool {
	if j != v+2 || j >= len(s.Chunks) || s.Chunks[j].Kind != NP || s.Chunks[j].Prep >= 0 {
		return false
	}
	pp, vc := s.Chunks[v+1], s.Chunks[v]
	return pp.Kind == NP && pp.Prep == vc.B && pp.B == pp.Prep+2 && s.Chunks[j].A == pp.B &&
		s.Toks[pp.Prep].Norm == "to" && s.Toks[pp.Prep+1].Norm == "death"
}

// Objects returns the object of clause cl and the noun phrases coordinated
// with it.
func (s *Sentence) Objects(cl *Clause, out []int) []int {
	if cl.Obj < 0 {
		return out
	}
	out = append(out, cl.Obj)
	for j := cl.Obj + 1; j < len(s.Chunks) && s.Chunks[j].Kind == NP && s.Chunks[j].Prep < 0 && s.conjoined(j); j++ {
		out = append(out, j)
	}
	return out
}

// ClauseOf returns the clause whose verb is chunk v, or nil.
func (s *Sentence) ClauseOf(v int) *Clause {
	for i := range s.Clauses {
		if s.Clauses[i].Verb == v {
			return &s.Clauses[i]
		}
	}
	return nil
}

// apposedNoun returns the token of the noun that the apposition closed by
// the comma at k describes, or -1: "Assailants, believed to be pirates,
// abduct…", "Gunmen, who wore army uniforms, stormed…". The apposition
// opens with a comma right after that noun and with a past form of a
// verb of report or belief (raisingVerbs) or a relative pronoun, and
// holds no clause boundary; what follows the closing comma continues the
// clause the noun is the subject of.
func (s *Sentence) apposedNoun(k int) int {
	if k < 3 || s.Toks[k].Norm != "," {
		return -1
	}
	for j := k - 1; j > 0 && j >= k-14; j-- {
		if s.Toks[j].Norm != "," {
			if s.Tags[j] == But || s.Tags[j] == Punct && s.Toks[j].Norm != "-" {
				return -1
			}
			continue
		}
		if j+1 >= k || s.Tags[j-1] != Noun && s.Tags[j-1] != Proper {
			return -1
		}
		open := s.Toks[j+1].Norm
		if s.Tags[j+1] == VerbPast && raisingVerbs[s.Lemmas[j+1]] || isRelative(open) && open != "that" || s.reportedToBe(j+1) || s.partOfThem(j+1, k) {
			return j - 1
		}
		return -1
	}
	return -1
}

// partOfThem reports whether the apposition from token k to the comma at
// e picks some of the people the noun before it names and describes
// them: a count or a partitive determiner, then "of them" or "of whom",
// or a noun phrase right after a count ("Two bombers, one of them a
// woman, blew…", "three gunmen, both of them in uniform", "five men,
// one a teenager,"). The noun before it stays the subject.
func (s *Sentence) partOfThem(k, e int) bool {
	if k+2 >= e || s.Tags[k] != Num && !partitiveDets[s.Toks[k].Norm] {
		return false
	}
	if s.Toks[k+1].Norm == "of" {
		w := s.Toks[k+2].Norm
		return w == "them" || w == "whom"
	}
	return s.Tags[k] == Num && s.Tags[k+1] == Det
}

// reportedToBe reports whether the word at k is followed by "to be" or
// "to have", as a past form of report or belief is whatever tag it took
// ("thought to be members of X", "said to have fled").
func (s *Sentence) reportedToBe(k int) bool {
	if k+2 >= len(s.Toks) || s.Toks[k+1].Norm != "to" || s.Tags[k] == Punct {
		return false
	}
	switch s.Toks[k+2].Norm {
	case "be", "have":
		return true
	}
	return false
}
