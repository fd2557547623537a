package extract

import (
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/extract/text"
)

// frame is one trigger of an event in one sentence with the arguments the
// sentence gives it.
type frame struct {
	typ, subtype, cameo string
	s, a, b             int // trigger tokens [a, b) of sentence s
	span0, span1        int // tokens that belong to this frame
	verb, passive       bool
	definite            bool // "the strikes": refers back
	actors, agents      []*entity
	explicitActor       bool
	actorMentions       []*mention
	weak                bool    // "killed", "destroyed": joins an event, starts none
	joinOnly            bool    // "the windows were blown out": joins an event, even with a doer
	relative            bool    // "…, which targeted": continues the frame before
	copula              bool    // "the targets were X": X are targets
	speakerCountry      *entity // the country whose officials speak in the sentence
	shiftedFrom         *frame  // "…, after X was attacked": another event than this frame
	targets             []*entity
	targetText          []string
	// aimedText are the described things a verb of targeting aimed at
	// (targetedObject): the record holds them beside the entity targets,
	// where it leaves out targetText
	aimedText []string
	// ownAccount: the frame is the doer's own account ("X said it had
	// struck a militant"); besideTargets are the targets such accounts
	// name where the event has its victims already: beside them, never in
	// their stead (ownAccountTargets)
	ownAccount    bool
	besideTargets []*entity
	// homesHit: the targets are the people whose homes the target text
	// names (dwellingsHit), and the text stays beside them
	homesHit        bool
	hitPlaces       []*entity // towns, countries and venues hit: targets beside the people hit there
	placesHit       []*entity // towns, regions and countries struck: targets where it names no other (placetargets.go)
	villagers       *entity   // the people of an unnamed village hit: a target where no one else is named (villageTargets)
	actorText       []string  // actors described, not named: "unknown gunmen"
	syn             bool      // found by the frame table (frames.go)
	reported        bool      // a finite verb reports it as happened
	told            bool      // its own clause says it took place ("the blast killed two")
	places          []*entity
	country         *entity
	countryOfDoc    bool // country is only the one its document is in (soleCountry), named in none of its sentences as where things are
	date            *dateExpr
	weapons         []string
	killed, injured int
	// addKilled and addInjured are figures told as more of the toll
	// ("two more died", "two bandits were also killed"): they add to it
	// rather than restate it (addedFigure).
	addKilled, addInjured int
	negated               bool
	retFor                *frame
	afterDay              *frame // "a day after" that frame
	operation             string
	ev                    *docEvent
}

// docEvent is one event of a document, built from one or more frames.
type docEvent struct {
	frames []*frame
	f      frame // the merged view
	id     string
	retFor *docEvent
	last   int // the sentence that last spoke of it
	// cites are the sentences that speak of the conflict it belongs to
	// without naming it (conflictrefs.go): evidence, not frames.
	cites []int
}

// prepositions are the words after which a name is the object of a
// preposition, not the subject of a verb.
var prepositions = grammarList("prepositions")

// speechVerbs are the verbs of saying and believing: their subject is a
// source, not an actor, and with "that" they open a reported clause.
var speechVerbs = grammarList("speechVerbs")

// verbContext are words after which "target(s)" is a verb: "it targets",
// "to target", "will target".
var verbContext = grammarList("verbContext")

// sayVerbs always report speech; other speech verbs ("confirmed",
// "claimed") open a reported clause only with "that".
var sayVerbs = grammarList("sayVerbs")

// opensClause reports whether the verb at k introduces reported speech,
// after which a new clause (with its own subject) begins.
func opensClause(toks []text.Token, k int) bool {
	if markSay.has(&toks[k]) {
		return true
	}
	if !markSpeech.has(&toks[k]) {
		return false
	}
	// "claimed that", "claimed yesterday that"
	for j := k + 1; j < len(toks) && j <= k+3; j++ {
		if toks[j].Norm == "that" {
			return true
		}
	}
	return false
}

// nounModifiers may stand inside the noun phrase of an event: "the latest
// deadly cross-border missile strike".
var nounModifiers = grammarList("nounModifiers")

// lightVerbs are the verbs whose object noun names the event: "launched an
// attack", "carried out raids".
var lightVerbs = grammarList("lightVerbs")

// beForms are the forms of "be", and "got", after which a past participle is
// passive: "was attacked", "got killed".
var beForms = grammarList("beForms")

// negators deny or suspend the event after them: "no attack", "denied
// carrying out", "would strike".
var negators = grammarList("negators")

// targetObjects are the nouns of places and bodies that a strike hits:
// "struck militant hideouts", "targeted positions of X".
var targetObjects = grammarList("targetObjects")

// multinationalForces are the curated state forces (lexicon keys) that
// several states field together: one acts as itself, not as the state it
// lists (its lead state or the one it serves in).
var multinationalForces = grammarList("multinationalForces")

// actorOf maps a mention to the actor it stands for in an event: a capital
// or a government body stands for its country (the body is kept as the
// agent), a multinational force for itself; media are sources, not actors.
func (d *docState) actorOf(m *mention, typ string) (actor, agent *entity) {
	e := m.ent
	switch {
	case m.capital:
		return d.countryEntity(e.country), nil
	case e.class == ClassCountry:
		return e, nil
	case e.class == ClassStateForce && multinationalForces.Has(strings.TrimPrefix(e.key, "force/")):
		return e, nil
	case e.class == ClassGovernment || e.class == ClassStateForce:
		if c := d.countryEntity(e.country); c != nil {
			return c, e
		}
		return e, nil
	case e.class == ClassArmedGroup:
		return e, nil
	case e.class == ClassPerson:
		if typ == EventAttack {
			return nil, nil
		}
		if typ != EventMeet && typ != EventCancelVisit && e.country != "" && d.holdsOffice(e) {
			if c := d.countryEntity(e.country); c != nil {
				return c, e
			}
		}
		return e, nil
	case e.class == ClassOrganization && e.side:
		return e, nil // "KPU supporters beat up voters": the party's side
	case e.class == ClassOrganization:
		if e.key == "org/un" || e.key == "org/unsc" || e.key == "org/eu" || e.key == "org/au" || strings.HasPrefix(e.key, "org/") && isInternational(e) {
			return e, nil
		}
	}
	return nil, nil
}

// holdsOffice reports whether a person holds a government office in the
// document (president, minister, ambassador…), so that their acts are
// their country's.
func (d *docState) holdsOffice(p *entity) bool {
	for _, r := range d.roles {
		if r.person == p && r.canon != nil && (r.canon.Body == "government" || strings.HasPrefix(r.canon.Body, "ministry") || r.canon.Body == "diplomat") {
			return true
		}
	}
	return false
}

// isInternational reports whether a curated organisation belongs to no
// country (the UN, the African Union), so that it acts in its own name.
func isInternational(e *entity) bool {
	return e.country == "" && e.curated
}

// findEvents detects event triggers sentence by sentence, fills their
// arguments, then merges the frames that report the same event.
func (d *docState) findEvents(pub time.Time) []*docEvent {
	var all []*frame
	prevSubject := (*mention)(nil)
	var scratch []*frame   // the frames of a sentence, its array reused by the next
	var reads []unrealRead // the frames markUnreal left real, its array reused likewise
	parser := parsers.Get().(*syntax.Parser)
	defer parsers.Put(parser)
	for si, s := range d.sents {
		if d.skip[si] || isListLine(&d.sents[si]) {
			continue
		}
		toks := s.Tokens
		dates := sentDates{toks: toks, pub: pub}
		frames := d.sentenceFrames(si, scratch[:0])
		sortLike(d.ments[si], func(a, b *mention) bool {
			if a.a != b.a {
				return a.a < b.a
			}
			return a.b > b.b
		})
		subj := d.sentenceSubject(si)
		for fi, f := range frames {
			d.fillActor(f, frames, fi, prevSubject, subj)
			if !f.verb {
				// an event noun owns the names that qualify it: "Deadly
				// Balochistan Strike", "Iran's deadly strike"
				k := f.a - 1
				for k >= 0 && (d.covered(si, k) || nounModifiers.Has(toks[k].Norm) || lexicon.Joiner(toks[k]) || toks[k].Norm == "s") {
					k--
				}
				f.span0 = min(f.span0, k+1)
			}
		}
		for fi, f := range frames {
			f.span1 = len(toks)
			if fi+1 < len(frames) {
				f.span1 = frames[fi+1].span0
			}
			f.span1 = d.argsEnd(f.s, f.b, f.span1)
			if f.span1 < f.b {
				f.span1 = f.b
			}
			if f.span0 > f.a {
				f.span0 = f.a
			}
			if fi > 0 {
				f.span0 = min(f.span0, max(frames[fi-1].b, f.span0))
			} else if !f.explicitActor {
				f.span0 = clauseStart(toks, f.a)
			}
			d.fillArgs(f, dates.get())
		}
		// a sentence with no frame yet whose words give no lemma the
		// parse is read for is parsed only if it gets one
		var ps *syntax.Sentence
		if len(frames) > 0 || readsParse(d.sents[si].Tokens) {
			ps = d.parse(parser, si)
			d.noteConflictRefs(si, ps)
		}
		reads = markUnreal(toks, frames, reads[:0])
		if ps != nil {
			frames = d.syntaxFrames(si, ps, frames, &dates)
		}
		reads = markUnreal(toks, frames, reads) // the frames the syntax added or changed
		for fi := 1; fi < len(frames); fi++ {
			if timeShiftBetween(toks, frames[fi-1].b, frames[fi].a) {
				frames[fi].shiftedFrom = frames[fi-1]
			}
		}
		if len(frames) > 0 { // with no frame, the dates go to none
			datesBefore(toks, frames, dates.get())
			shareBetween(toks, frames, dates.get())
		}
		for _, f := range frames {
			if specificNoun(toks, f) || d.placedNoun(f) {
				f.reported = true
			}
		}
		if !outletAccount(toks) || !anyToll(all) {
			frames = d.casualtiesTo(si, frames)
		}
		frames = d.vagueVictimsTo(si, frames)
		if ps == nil && len(frames) > 0 {
			ps = d.parse(parser, si)
		}
		for _, f := range frames {
			d.causeClauseDoer(f, ps)
		}
		d.noneTo(si, frames)
		if sc := d.speakerCountry(si, prevSubject); sc != nil {
			for _, f := range frames {
				f.speakerCountry = sc
			}
		}
		d.links(si, frames)
		d.noteDoers(frames)
		all = append(all, d.mergeInSentence(frames)...)
		scratch = frames[:0]
		if subj != nil {
			prevSubject = subj
		}
	}
	events := d.foldIncidents(d.mergeEvents(all, pub))
	d.attributed(events, pub)
	d.identifiedDoers(events, pub)
	d.precedingDoer(events)
	d.placesFromContext(events)
	d.victimsFromTolls(events)
	d.villageTargets(events)
	d.civilianVenueTargets(events)
	d.plantedBy(events)
	d.weaponsToldAfter(events)
	d.applyNone(events)
	d.soleCountry(events)
	d.homeGovernment(events)
	return d.citeConflicts(events)
}

// headIn reports whether one of toks is the head noun of a participant
// ("troops", "gunmen").
func headIn(toks []text.Token) bool {
	heads := loadWordLists().heads
	for i := range toks {
		t := &toks[i]
		if _, ok := heads[t.Norm]; ok {
			return true
		}
	}
	return false
}

// clippedToll reports whether the verb ending at token end closes a
// sentence that opens with a count, with no "be" between: the clipped
// passive of incident notes ("2 soldiers killed.", "6 VDP and 12
// militants killed."), whose counted people were hit, not the doers. It
// is read so after the note's first sentence, the toll of the event
// that sentence told.
func clippedToll(toks []text.Token, end int) bool {
	if end == 0 || !strings.HasSuffix(toks[end-1].Norm, "ed") || end < len(toks) && (toks[end].Norm != "." || end+1 < len(toks)) {
		return false
	}
	first := 0
	if len(toks) > 2 && toks[0].Norm == "at" && (toks[1].Norm == "least" || toks[1].Norm == "most") {
		first = 2
	}
	return first < end-1 && (toks[first].Kind == text.Number || countWord(toks[first].Norm))
}

// sentDates are the dates of a sentence (findDates), read when a frame
// first asks for them: a sentence with no frame needs none.
type sentDates struct {
	toks []text.Token
	pub  time.Time
	read bool
	v    []dateExpr
}

// get returns the dates of the sentence, the same slice at every call
// (frames point into it).
func (s *sentDates) get() []dateExpr {
	if !s.read {
		s.v, s.read = findDates(s.toks, s.pub), true
	}
	return s.v
}

// parse returns the syntax of sentence si: the one findDoers kept, else
// parser's.
func (d *docState) parse(parser *syntax.Parser, si int) *syntax.Sentence {
	if si < len(d.parsed) && d.parsed[si] != nil {
		return d.parsed[si]
	}
	return parser.ParseKnown(d.sents[si].Tokens, d.known[si])
}

// datesBefore gives a date that opens a sentence ("On 7 May 2020, the PMF
// shelled…") to the frames after it that have none, up to a word that
// moves the time ("after", "before", "following"). A date that a frame
// already holds goes on only to the verbs coordinated with it ("abducted
// a man on Monday and beat him"), not across a clause of its own time
// (dateShareBreaks).
func datesBefore(toks []text.Token, frames []*frame, dates []dateExpr) {
	for i := range dates {
		dt := &dates[i]
		claimed := false
		for _, f := range frames {
			if f.date == dt {
				claimed = true
			}
		}
		for _, f := range frames {
			if f.a < dt.b {
				continue
			}
			if timeMoves(toks, dt.b, f.a) || claimed && !coordinatedAfter(toks, dt.b, f.a) {
				break
			}
			if f.date == nil {
				f.date = dt
			}
		}
	}
}

// shareBetween gives a date stated between two coordinated verbs to both
// ("was abducted by gunmen on Monday and beaten"): the date follows the
// first verb's arguments and the "and" joins the second to it.
func shareBetween(toks []text.Token, frames []*frame, dates []dateExpr) {
	for i := 1; i < len(frames); i++ {
		a, b := frames[i-1], frames[i]
		for k := range dates {
			dt := &dates[k]
			if dt.a < a.b || dt.b > b.a || timeMoves(toks, a.b, dt.a) || !coordinatedAfter(toks, dt.b, b.a) {
				continue
			}
			if a.date == nil {
				a.date = dt
			}
			if b.date == nil {
				b.date = dt
			}
		}
	}
}

// timeMoves reports whether tokens [a, b) hold a word that moves the time
// away from a date before them.
func timeMoves(toks []text.Token, a, b int) bool {
	for k := a; k < b; k++ {
		switch toks[k].Norm {
		case "after", "before", "following", "since", "ago", "until":
			return true
		}
	}
	return false
}

// coordinatedAfter reports whether tokens [a, b), between a date and the
// next verb, join that verb to the one the date belongs to: an "and" and
// at most an adverb or an auxiliary ("on Monday and reportedly beaten"),
// with no clause of another time (dateShareBreaks).
func coordinatedAfter(toks []text.Token, a, b int) bool {
	if b-a > maxCoordination {
		return false
	}
	and := false
	for k := a; k < b; k++ {
		if dateShareBreaks.Has(toks[k].Norm) {
			return false
		}
		and = and || toks[k].Norm == "and"
	}
	return and
}

// maxCoordination is the most tokens between a date and the verb
// coordinated after it: "and", an adverb, an auxiliary.
const maxCoordination = 3

// dateShareBreaks are the words after a date that stop it dating the verb
// coordinated after it.
var dateShareBreaks = grammarList("dateShareBreaks")

// mergeInSentence folds the frames of one sentence that describe one
// event: a relative clause ("…, which targeted X") continues the frame
// before it; a verb with no subject of its own shares the subject of the
// verb before it when both are acts of the same kind ("Iran condemned…
// and summoned…"); a frame with no actor joins the nearest frame of its
// type in the sentence that it does not contradict.
func (d *docState) mergeInSentence(frames []*frame) []*frame {
	var live []*frame
	for _, f := range frames {
		if !f.negated {
			live = append(live, f)
		}
	}
	for i, f := range live {
		if i == 0 || len(f.actors) > 0 || !f.verb {
			continue
		}
		// the nearest verb before it of the same kind (acts of force or
		// of diplomacy), skipping a participle of the other kind
		var p *frame
		for j := i - 1; j >= 0 && p == nil; j-- {
			if (live[j].typ == EventAttack) == (f.typ == EventAttack) && live[j].verb && len(live[j].actors) > 0 {
				p = live[j]
			}
		}
		if p == nil {
			continue
		}
		if f.passive || (f.typ == EventAttack || p.typ == EventAttack) && timeShiftBetween(d.sents[f.s].Tokens, p.b, f.a) {
			continue
		}
		if !f.relative {
			f.actors = append(f.actors, p.actors...)
			f.agents = append(f.agents, p.agents...)
			f.explicitActor = true
		}
	}
	merged := make([]bool, len(live))
	for i, f := range live {
		if f.relative && i > 0 && !merged[i-1] && live[i-1].typ == f.typ {
			mergeFrame(live[i-1], f)
			merged[i] = true
			continue
		}
		if f.explicitActor {
			continue
		}
		// nearest same-type frame with an actor, before then after
		var into *frame
		for j := i - 1; j >= 0 && into == nil; j-- {
			if f.shiftedFrom != nil && j < i {
				break
			}
			if !merged[j] && live[j].typ == f.typ && !(live[j].weak && !f.weak) && compatible(live[j], f) {
				into = live[j]
			}
		}
		for j := i + 1; j < len(live) && into == nil; j++ {
			if live[j].typ == f.typ && live[j].explicitActor && compatible(live[j], f) {
				into = live[j]
			}
		}
		if into != nil {
			mergeFrame(into, f)
			merged[i] = true
		}
	}
	var out []*frame
	for i, f := range live {
		if !merged[i] {
			out = append(out, f)
		}
	}
	return out
}

// servedFor reports whether the name at token a follows "for" (through
// an article): "supplies for the coalition", "a school for the
// children of soldiers".
func servedFor(toks []text.Token, a int) bool {
	k := a - 1
	if k >= 0 && isArticle(toks[k].Norm) {
		k--
	}
	return k >= 0 && toks[k].Norm == "for"
}

// governingWord returns the word that governs mention m, looking back
// over the list it may be part of: in "in Iraq and Syria" both are
// governed by "in".
func governingWord(toks []text.Token, ms []*mention, m *mention) string {
	k := m.a - 1
	for k >= 0 {
		w := toks[k].Norm
		if w == "and" || w == "," || w == "or" {
			// step over the previous list item
			j := k - 1
			found := false
			for _, x := range ms {
				if x.b == j+1 && x.a <= j {
					j = x.a - 1
					found = true
					break
				}
			}
			if !found {
				return w
			}
			k = j
			continue
		}
		if directions.Has(w) {
			k--
			continue
		}
		return w
	}
	return ""
}

// directions are adjectives that may stand between a preposition and the
// place it governs: "at northern Israel".
var directions = grammarList("directions")

// timeShiftBetween reports whether tokens [a, b) hold a word that moves to
// another time, and so to another event: "after", "before", "following".
func timeShiftBetween(toks []text.Token, a, b int) bool {
	for k := a; k < b && k < len(toks); k++ {
		switch toks[k].Norm {
		case "after", "before", "following", "since":
			return true
		}
	}
	return false
}

// argsEnd returns where the arguments of a trigger ending at token b stop:
// at the next frame (end) or at a comma that opens a new clause rather than
// continuing a list of names.
func (d *docState) argsEnd(s, b, end int) int {
	toks := d.sents[s].Tokens
	for k := b; k < end; k++ {
		if toks[k].Norm != "," && toks[k].Norm != ";" {
			continue
		}
		if k+1 < end && (toks[k+1].Norm == "and" || toks[k+1].Norm == "or" || d.mentionStarts(s, k+1) && !d.sourceAt(s, k+1)) {
			continue
		}
		// a date or a figure right after the comma still belongs here
		if k+1 < end && (toks[k+1].Norm == "on" || toks[k+1].Norm == "killing" || toks[k+1].Norm == "wounding" || toks[k+1].Norm == "injuring" || toks[k+1].Norm == "which" || toks[k+1].Norm == "in") {
			continue
		}
		return k
	}
	return end
}

// sourceAt reports whether the mentions that start at token i of
// sentence s, one after another ("mayor" and then his name), are the
// subject of a verb of saying right after them: ", mayor X said" closes
// the clause before it with its source, no further name of a list.
func (d *docState) sourceAt(s, i int) bool {
	toks := d.sents[s].Tokens
	j := i
	for {
		b := j
		for _, m := range d.ments[s] {
			if m.a == j && m.b > b {
				b = m.b
			}
		}
		if b == j {
			break
		}
		j = b
	}
	return j > i && j < len(toks) && sayVerbs.Has(toks[j].Norm)
}

// isDemonymAt reports whether token i of sentence s is a demonym.
func (d *docState) isDemonymAt(s, i int) bool {
	for _, m := range d.ments[s] {
		if m.a == i && m.demonym {
			return true
		}
	}
	return false
}

// triggerAt reports whether an event trigger starts at token i of s.
func (d *docState) triggerAt(s, i int) bool {
	return d.r.triggers.AnyCoded(d.coded[s].Slice(i, i+1))
}

func (d *docState) mentionEndsAt(s, i int) bool {
	for _, m := range d.ments[s] {
		if m.b == i {
			return true
		}
	}
	return false
}

func (d *docState) mentionStarts(s, i int) bool {
	for _, m := range d.ments[s] {
		if m.a == i {
			return true
		}
	}
	return false
}

// sentenceSubject is the first actor-capable mention of a sentence that no
// preposition governs.
func (d *docState) sentenceSubject(si int) *mention {
	toks := d.sents[si].Tokens
	for _, m := range d.ments[si] {
		if m.a > 0 && prepositions.Has(toks[m.a-1].Norm) || hyphenModifier(toks, m) {
			continue
		}
		if a, _ := d.actorOf(m, ""); a != nil && !d.diplomatModifier(si, m) {
			return m
		}
	}
	return nil
}

// sentenceFrames finds the triggers of sentence si. A light verb followed
// by an event noun ("launched air strikes") makes one frame. The frames
// are appended to frames (an empty slice whose array is reused).
func (d *docState) sentenceFrames(si int, frames []*frame) []*frame {
	toks := d.sents[si].Tokens
	d.buf.triggers = d.r.triggers.AppendCoded(d.buf.triggers[:0], d.coded[si])
	for _, m := range d.buf.triggers {
		t := pickTrigger(m.Values, toks, m.End)
		if t == nil {
			continue
		}
		if d.covered(si, m.Start) && d.mentionAt(si, m.Start) != nil {
			continue
		}
		if w := toks[m.Start].Norm; w == "targets" && m.Start > 0 && d.mentionEndsAt(si, m.Start) && m.End < len(toks) && prepositions.Has(toks[m.End].Norm) {
			continue // "Houthi targets in Sanaa": a noun
		}
		if w := toks[m.Start].Norm; (w == "target" || w == "targets") && m.Start > 0 {
			p := toks[m.Start-1]
			adjective := p.Kind == text.Word && !p.Upper() && !verbContext.Has(p.Norm)
			switch {
			case adjective:
				// a noun: "X was the target of Iranian strikes"
				if m.End < len(toks) && toks[m.End].Norm == "of" {
					d.targetOf = append(d.targetOf, targetOfNote{s: si, at: m.Start})
				}
				// "the targets were X and Y": the current attack's targets
				if m.End < len(toks) && markBe.has(&toks[m.End]) {
					frames = append(frames, d.buf.frames.new(frame{typ: EventAttack, subtype: "strike", cameo: "195", s: si, a: m.Start, b: m.End, killed: -1, injured: -1, span0: m.Start, definite: true, copula: true}))
				}
				continue
			}
		}
		if !t.Verb && peacefulOperation(toks, m.Start, m.End) {
			continue
		}
		if d.habitVerb(si, m.Start, m.End) || !t.Verb && d.recordOf(si, m.Start) {
			continue // "X frequently attacks convoys", "blamed for several attacks"
		}
		f := d.buf.frames.new(frame{typ: t.Type, subtype: t.Subtype, cameo: t.Cameo, s: si, a: m.Start, b: m.End, verb: t.Verb, killed: -1, injured: -1, span0: m.Start})
		switch toks[m.Start].Norm {
		case "killed", "kill", "kills", "killing", "destroyed", "destroy", "intercepted", "downed":
			f.weak = true
		}
		// a light verb names an event only with its noun ("carried out the
		// bombing"); alone ("has carried out hundreds of…") it joins one
		if f.verb && markLightVerb.has(&toks[m.End-1]) {
			f.weak = true
		}
		if m.Start > 0 && (toks[m.Start-1].Norm == "which" || toks[m.Start-1].Norm == "that" || toks[m.Start-1].Norm == "who") {
			f.relative = true
		}
		// ", killing two": a participle that continues the clause before
		if len(frames) > 0 && frames[len(frames)-1].typ == f.typ && f.verb && strings.HasSuffix(toks[m.Start].Norm, "ing") && m.Start > 0 && toks[m.Start-1].Norm == "," {
			f.relative = true
		}
		// verbs used as nouns and vice versa: "the attack", "attacked"
		if f.verb && m.Start > 0 {
			p := toks[m.Start-1].Norm
			if p == "the" || p == "a" || p == "an" || p == "their" || p == "its" || p == "this" || p == "'s" || p == "s" {
				if nounAlt := nounTrigger(d.r, d.coded[si].Slice(m.Start, m.End)); nounAlt != nil {
					f.verb = false
					f.subtype, f.cameo = nounAlt.Subtype, nounAlt.Cameo
				}
			}
		}
		if f.verb {
			k := syntax.SkipAdverbs(toks, m.Start-1) // "is regularly attacked", "were not shelled"
			if k >= 0 && markBe.has(&toks[k]) && strings.HasSuffix(toks[m.End-1].Norm, "ed") || k >= 0 && markBe.has(&toks[k]) && toks[m.End-1].Norm == "hit" || si > 0 && clippedToll(toks, m.End) {
				f.passive = true
			}
		}
		if !f.verb && m.Start > 0 {
			for k := m.Start - 1; k >= 0 && k >= m.Start-4; k-- {
				w := toks[k].Norm
				// a possessor makes the noun definite too: "Saturday's
				// attack", "the group's bombing"
				if w == "the" || w == "these" || w == "those" || w == "this" || w == "that" || w == "their" || w == "its" || w == "'s" || w == "s" && k > 0 && toks[k-1].Norm == "'" {
					f.definite = true
					break
				}
				if w == "a" || w == "an" || w == "another" || prepositions.Has(w) || w == "," {
					break
				}
			}
		}
		// "able to launch attacks", "plans to strike": not (yet) an event
		for k := m.Start - 1; k >= 1 && k >= m.Start-4; k-- {
			if toks[k].Norm == "to" {
				switch toks[k-1].Norm {
				case "able", "plan", "plans", "planned", "planning", "threatened", "threatens", "threaten", "want", "wants", "wanted", "vowed", "vows", "seek", "seeks", "sought", "intend", "intends", "intended", "ready", "prepared", "likely", "try", "tried", "trying", "attempt", "attempted", "unable", "failed", "allowed":
					f.negated = true
				}
				break
			}
		}
		// negation and hypotheticals close before the trigger or "would"
		// after, but for a negated verb of ceasing ("will not stop
		// bombing"): the act goes on
		goes := goesOn(toks, m.Start) // asked once, not at every word before
		for k := m.Start - 1; !goes && k >= 0 && k >= m.Start-4; k-- {
			// (a denial verb is read by denied: "denied responsibility
			// for the bombing" denies no bombing)
			if markNegator.has(&toks[k]) && toks[k].Norm != "without" && !markDeny.has(&toks[k]) || syntax.ContractedNot(toks, k) {
				f.negated = true // "did not attack", "didn't attack"
			}
			if toks[k].Norm == "," {
				break
			}
		}
		for k := m.End; k < len(toks) && k < m.End+8; k++ {
			w := toks[k].Norm
			if w == "," || w == ";" || w == "that" || w == "which" || markSpeech.has(&toks[k]) {
				break
			}
			if w == "would" || w == "could" || w == "might" {
				f.negated = true
			}
		}
		// "hundreds of attacks", "a series of attacks": a habit, not an event
		if !f.verb && m.Start >= 2 && toks[m.Start-1].Norm == "of" {
			switch toks[m.Start-2].Norm {
			case "hundreds", "dozens", "thousands", "scores", "number", "series", "wave", "spate", "string":
				continue
			}
		}
		// "Israeli air strikes on X killed Y": the verb's subject is the
		// event noun before it
		if f.weak && !markLightVerb.has(&toks[m.End-1]) && len(frames) > 0 && !frames[len(frames)-1].verb && frames[len(frames)-1].typ == f.typ && !speechBetween(toks, frames[len(frames)-1].b, m.Start) {
			f.relative = true
		}
		// "suspended peace talks with": the talks are what was cancelled
		if f.typ == EventMeet && len(frames) > 0 && frames[len(frames)-1].typ == EventCancelVisit && f.a-frames[len(frames)-1].b <= 3 {
			continue
		}
		// a light verb and the event noun it governs are one frame
		if n := len(frames); n > 0 {
			p := frames[n-1]
			if p.typ == f.typ && p.verb && !f.verb && f.a-p.b <= 4 && markLightVerb.has(&toks[p.b-1]) && !d.mentionBetween(si, p.b, f.a) {
				// "to launch cross-border attacks": a purpose, no event
				if p.a > 0 && toks[p.a-1].Norm == "to" && strings.HasSuffix(toks[f.b-1].Norm, "s") && !f.definite {
					p.negated = true
				}
				p.b = f.b
				p.subtype, p.cameo = f.subtype, f.cameo
				p.definite = p.definite || f.definite
				p.weak = false
				continue
			}
			if p.typ == f.typ && !p.verb && !f.verb && f.a == p.b {
				p.b = f.b
				continue
			}
		}
		frames = append(frames, f)
	}
	return frames
}

// operationNouns name what a body does, an attack only where nothing
// says it is another kind of work: "an operation", "operations".
var operationNouns = grammarList("operationNouns")

// peacefulKinds say, before an operation noun, that the operation is no
// attack: "search operations", "a rescue operation".
var peacefulKinds = grammarList("peacefulKinds")

// peacefulOperation reports whether the noun trigger at tokens [a, b) is
// an operation noun after a word that names a kind of work other than
// fighting ("search operations", "a rescue operation"): no attack.
func peacefulOperation(toks []text.Token, a, b int) bool {
	return b-a == 1 && a > 0 && operationNouns.Has(toks[a].Norm) && peacefulKinds.Has(toks[a-1].Norm)
}

// pickTrigger chooses the trigger whose requirements the text meets: one
// of its Near words must start one of the 12 tokens after end (in the
// window of their normalised forms joined by spaces).
func pickTrigger(ts []*lexicon.Trigger, toks []text.Token, end int) *lexicon.Trigger {
	window := toks[min(end, len(toks)):min(end+12, len(toks))]
	for _, t := range ts {
		if len(t.Near) == 0 {
			return t
		}
		for _, n := range t.Near {
			if nearIn(window, n) {
				return t
			}
		}
	}
	return nil
}

// nearIn reports whether " "+n occurs in the normalised forms of window
// joined by spaces, each after a space: strings.Contains(w, " "+n) for
// w = " " + window[0].Norm + " " + window[1].Norm…, without building w.
// A normalised form holds no space, so the space that starts a match is
// the one before some token k, from which n must spell the window on.
func nearIn(window []text.Token, n string) bool {
	for k := range window {
		if spellsFrom(window, k, n) {
			return true
		}
	}
	return false
}

// spellsFrom reports whether n is a prefix of the normalised forms of
// window[k:] joined by spaces.
func spellsFrom(window []text.Token, k int, n string) bool {
	for ; k < len(window); k++ {
		w := window[k].Norm
		if len(n) <= len(w) {
			return w[:len(n)] == n
		}
		if n[:len(w)] != w {
			return false
		}
		n = n[len(w):]
		if n[0] != ' ' || k+1 >= len(window) {
			return false
		}
		if n = n[1:]; n == "" {
			return true
		}
	}
	return false
}

func nounTrigger(r *resources, toks lexicon.Coded) *lexicon.Trigger {
	var buf [4]lexicon.Match[*lexicon.Trigger]
	for _, m := range r.triggers.AppendCoded(buf[:0], toks) {
		for _, t := range m.Values {
			if !t.Verb {
				return t
			}
		}
	}
	return nil
}

func (d *docState) mentionBetween(si, a, b int) bool {
	for _, m := range d.ments[si] {
		if m.a >= a && m.b <= b {
			return true
		}
	}
	return false
}

// conjoinedDemonyms sets, with set, the demonyms coordinated before
// mention ms[i], a demonym before an event noun that set took as its doer:
// "American and British airstrikes", "Saudi, Emirati and Egyptian raids",
// "US and British strikes" (initials stand as a demonym would) were done
// by each side the list names.
func (d *docState) conjoinedDemonyms(toks []text.Token, ms []*mention, i int, set func(*mention) bool) {
	next := ms[i]
	for j := i - 1; j >= 0; j-- {
		m := ms[j]
		if m.b != next.a-1 || toks[m.b].Norm != "and" && toks[m.b].Norm != "," || !d.asDemonym(toks, m) && !(m.ent.class == ClassCountry && countryInitials(toks, m)) {
			return
		}
		set(m)
		next = m
	}
}

// fillActor finds who acts in frame f: a possessive or modifier before an
// event noun ("Iran's strikes", "Pakistani strikes", "Daesh-claimed
// bombing"), "by X" after it, "missiles from X", or the subject of the
// verb or light verb; pronouns take the speaker or the last subject.
func (d *docState) fillActor(f *frame, frames []*frame, fi int, prevSubject, subj *mention) {
	toks := d.sents[f.s].Tokens
	ms := d.ments[f.s]
	set := func(m *mention) bool {
		a, ag := d.actorOf(m, f.typ)
		if a == nil {
			return false
		}
		f.actors = append(f.actors, a)
		if ag != nil {
			f.agents = append(f.agents, ag)
		}
		f.explicitActor = true
		f.actorMentions = append(f.actorMentions, m)
		if m.a < f.span0 {
			f.span0 = m.a
		}
		return true
	}
	if f.relative {
		return
	}
	// "by X" after the trigger
	for k := f.b; k < len(toks) && k < f.b+3; k++ {
		if toks[k].Norm == "by" {
			for _, m := range ms {
				if m.a > k && m.a <= k+4 && set(m) {
					return
				}
			}
		}
	}
	if !f.verb || f.passive {
		// modifier right before the noun
		for i := len(ms) - 1; i >= 0 && !f.verb; i-- {
			m := ms[i]
			if m.b > f.a || m.b < f.a-5 {
				continue
			}
			gap := toks[m.b:f.a]
			ok := true
			for _, t := range gap {
				if t.Kind == text.Punct && t.Norm != "-" && t.Norm != "'" || prepositions.Has(t.Norm) && t.Norm != "and" || t.Norm == "the" {
					ok = false
				}
			}
			// a country written with initials stands as a demonym would
			// before the event noun and its weapon ("a US drone strike");
			// before people ("U.S. troops assault"), the people act
			demonym := d.asDemonym(toks, m) || m.ent.class == ClassCountry && countryInitials(toks, m) && !headIn(gap)
			if gluedTo(toks, m, backerWords) {
				continue // "the Iran-backed offensive": it backed the doers
			}
			// "the Saudi-led strikes": whoever led it did it
			led := gluedTo(toks, m, leaderWords) && !headIn(gap)
			if ok && (led || m.possessive || demonym || m.ent.class == ClassArmedGroup || m.ent.class == ClassStateForce || strings.HasPrefix(joinText(gap), "-claimed")) {
				if m.a > 0 && prepositions.Has(toks[m.a-1].Norm) && !m.possessive && !demonym && m.ent.class != ClassArmedGroup {
					continue
				}
				if set(m) {
					if demonym {
						d.conjoinedDemonyms(toks, ms, i, set)
					}
					return
				}
			}
		}
		// missiles from X
		for k := f.a - 3; k < f.b+6 && k+1 < len(toks); k++ {
			if k >= 0 && toks[k].Norm == "from" {
				for _, m := range ms {
					if m.a == k+1 && (m.ent.class == ClassCountry || m.capital) && set(m) {
						return
					}
				}
			}
		}
		if f.passive {
			return
		}
		// a light verb before the noun: its subject acts
		light := false
		for k := f.a - 1; k >= 0 && k >= f.a-10; k-- {
			if toks[k].Norm == "," || toks[k].Norm == ";" {
				break
			}
			if markLightVerb.has(&toks[k]) {
				light = true
				break
			}
		}
		if !light {
			return
		}
	}
	// subject: nearest actor-capable mention to the left, in the clause
	start := 0
	for k := f.a - 1; k >= 0; k-- {
		if opensClause(toks, k) && k < f.a-1 {
			start = k + 1
			break
		}
	}
	// a verb before this one has its own subject; an event noun before it
	// may be its object ("Tehran confirmed the attack, lodged a protest")
	if fi > 0 && frames[fi-1].verb && frames[fi-1].b > start {
		start = frames[fi-1].b
	}
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.b > f.a || m.a < start {
			continue
		}
		if m.a > 0 && prepositions.Has(toks[m.a-1].Norm) && !(toks[m.a-1].Norm == "after" || toks[m.a-1].Norm == "following") && !(toks[m.a-1].Norm == "of" && m.a > 1 && memberHeads.Has(toks[m.a-2].Norm)) {
			continue
		}
		if d.diplomatModifier(f.s, m) || hyphenModifier(toks, m) || parenthetical(toks, m.a, f.a) || m.demonym && m.b < len(toks) && (nonActorHeads.Has(toks[m.b].Norm) || toks[m.b].Kind == text.Word && !isUpperWord(&toks[m.b]) && !agentHeads.Has(toks[m.b].Norm) && m.b < f.a) {
			continue
		}
		// skip a country inside a longer body mention ("Pakistan's Foreign Ministry")
		if i+1 < len(ms) && ms[i+1].a <= m.a && ms[i+1].b > m.b && ms[i+1].b <= f.a {
			continue
		}
		if inner := outer(ms, m); inner != nil && inner != m {
			continue
		}
		if set(m) {
			// "US and British warplanes": every conjunct acts
			for j := i - 1; j >= 0; j-- {
				c := ms[j]
				if c.b+1 == m.a && toks[c.b].Norm == "and" && c.a >= start {
					set(c)
					m = c
				}
			}
			return
		}
	}
	// "authorities had demanded…": the authorities of the speaker's country
	for k := f.a - 1; k >= start && k >= f.a-6 && (f.typ != EventAttack || toks[k].Norm == "troops" || toks[k].Norm == "soldiers" || toks[k].Norm == "police"); k-- {
		w := toks[k].Norm
		if w == "authorities" || w == "officials" || w == "government" || w == "police" || w == "policemen" || w == "troops" || w == "soldiers" {
			var c *entity
			if sp := d.speaker(f.s, f.a); sp != nil && sp.ent.country != "" {
				c = d.countryEntity(sp.ent.country)
			}
			for _, m := range ms {
				if c == nil && m.b <= k && m.ent.class == ClassOrganization && m.ent.country != "" {
					c = d.countryEntity(m.ent.country)
				}
			}
			if c == nil {
				// "Police arrested… across Istanbul": where it happened
				for _, m := range ms {
					if c == nil && (m.ent.class == ClassPlace || m.ent.class == ClassRegion) && m.ent.gaz != nil && m.ent.country != "" {
						c = d.countryEntity(m.ent.country)
					}
				}
			}
			if c == nil {
				c = d.focusCountry(f.s)
			}
			if c != nil {
				f.actors = append(f.actors, c)
				f.explicitActor = true
				return
			}
		}
	}
	// pronoun subject: the speaker of the sentence ("Pakistan said it
	// used…"), else its subject, else the last sentence's subject
	for k := f.a - 1; k >= start && k >= f.a-12; k-- {
		w := toks[k].Norm
		possessiveAgent := (w == "its" || w == "their") && k+1 < len(toks) && agentHeads.Has(toks[k+1].Norm)
		if w == "it" || w == "they" || w == "he" || w == "she" || possessiveAgent {
			if sp := d.speaker(f.s, k); sp != nil && set(sp) {
				return
			}
			if subj != nil && subj.a < k && !(subj.a < f.a && subj.b > f.a) {
				set(subj)
				return
			}
			if prevSubject != nil {
				a, ag := d.actorOf(prevSubject, f.typ)
				if a != nil {
					f.actors = append(f.actors, a)
					if ag != nil {
						f.agents = append(f.agents, ag)
					}
					f.explicitActor = true
				}
			}
			return
		}
	}
}

// speakerCountry returns the country whose government speaks in sentence
// s ("the ministry said", "It said" after a ministry's statement), whose
// officials talk of their own country's acts.
func (d *docState) speakerCountry(s int, prev *mention) *entity {
	toks := d.sents[s].Tokens
	for k := 0; k < len(toks); k++ {
		if !markSay.has(&toks[k]) {
			continue
		}
		if sp := d.speaker(s, k+1); sp != nil {
			if a, _ := d.actorOf(sp, EventCondemn); a != nil && a.class == ClassCountry {
				return a
			}
			return nil
		}
		if k > 0 && (toks[k-1].Norm == "it" || toks[k-1].Norm == "ministry") && prev != nil {
			if a, _ := d.actorOf(prev, EventCondemn); a != nil && a.class == ClassCountry {
				return a
			}
		}
	}
	return nil
}

// speaker returns the mention that speaks before token k: "X said",
// "X told", "X's foreign ministry said".
func (d *docState) speaker(s, k int) *mention {
	toks := d.sents[s].Tokens
	var best *mention
	for _, m := range d.ments[s] {
		if m.b >= k {
			continue
		}
		j := m.b
		for j < k && (toks[j].Norm == "has" || toks[j].Norm == "had" || toks[j].Norm == "also" || toks[j].Norm == "have") {
			j++
		}
		if j < len(toks) && speechVerbs.Has(toks[j].Norm) {
			if o := outer(d.ments[s], m); o == m {
				best = m
			}
		}
	}
	return best
}

// parenthetical reports whether token i lies in a parenthetical clause
// that closes before token end: "The Taliban, which controls Afghanistan,
// called…" (Afghanistan is not the subject).
func parenthetical(toks []text.Token, i, end int) bool {
	open := -1
	for k := i - 1; k >= 0; k-- {
		w := toks[k].Norm
		if w == "," || w == "(" || w == "-" && toks[k].SpaceBefore {
			if k+1 < len(toks) && (toks[k+1].Norm == "which" || toks[k+1].Norm == "who" || toks[k+1].Norm == "that" || toks[k+1].Norm == "an" || toks[k+1].Norm == "a" || toks[k+1].Norm == "whose") || w == "(" {
				open = k
			}
			break
		}
	}
	if open < 0 {
		return false
	}
	for k := i + 1; k < end; k++ {
		w := toks[k].Norm
		if w == "," || w == ")" || w == "-" && toks[k].SpaceBefore {
			return true
		}
	}
	return false
}

// inBrackets reports whether token i is inside brackets that do not hold
// token trig: "(which seeks greater freedom for Balochistan in Pakistan)".
func inBrackets(toks []text.Token, i, trig int) bool {
	open := -1
	for k := i - 1; k >= 0; k-- {
		if toks[k].Norm == ")" {
			return false
		}
		if toks[k].Norm == "(" {
			open = k
			break
		}
	}
	if open < 0 {
		return false
	}
	for k := i + 1; k < len(toks); k++ {
		if toks[k].Norm == ")" {
			return !(open < trig && trig < k)
		}
	}
	return false
}

// hyphenModifier reports whether a mention only qualifies a noun:
// "a Pakistan-based group", "Iran-backed militias".
func hyphenModifier(toks []text.Token, m *mention) bool {
	if m.b+1 < len(toks) && toks[m.b].Norm == "-" && !toks[m.b].SpaceBefore {
		switch toks[m.b+1].Norm {
		case "based", "backed", "led", "owned", "run", "controlled", "born", "allied", "aligned", "made", "supplied", "funded", "origin", "linked", "affiliated", "inspired", "sponsored", "held":
			return true
		}
	}
	return false
}

// outer returns the longest mention that contains m.
func outer(ms []*mention, m *mention) *mention {
	best := m
	for _, o := range ms {
		if o.a <= m.a && o.b >= m.b && o.b-o.a > best.b-best.a {
			best = o
		}
	}
	return best
}

// clauseStart returns the first token of the clause that holds token i.
func clauseStart(toks []text.Token, i int) int {
	for k := i - 1; k >= 0; k-- {
		switch toks[k].Norm {
		case ",", ";", ":", "-", "but", "while", "whereas", "because", "although", "though", "as":
			if toks[k].Norm == "-" && !toks[k].SpaceBefore {
				continue
			}
			return k + 1
		}
		if opensClause(toks, k) {
			return k + 1
		}
	}
	return 0
}

// nonActorHeads are nouns after which a demonym does not name an actor:
// "Iranian airspace", "Iranian media", "Pakistani nationals".
var nonActorHeads = grammarList("nonActorHeads")

// agentHeads are nouns after which a demonym names an actor: "Israeli
// forces", "Iranian officials".
var agentHeads = grammarList("agentHeads")

// memberHeads are nouns of "militants of X": X acts through them.
var memberHeads = grammarList("memberHeads")

// locative are the words that put a place before an event: "in X",
// "near X".
var locative = grammarList("locative")

// territoryWords are the nouns of a country's ground, sea and air:
// "Pakistani territory", "Iranian airspace".
var territoryWords = grammarList("territoryWords")

// fillArgs fills targets, places, country, date and weapons from the
// frame's span.
func (d *docState) fillArgs(f *frame, dates []dateExpr) {
	toks := d.sents[f.s].Tokens
	ms := d.ments[f.s]
	isActor := func(e *entity) bool {
		for _, a := range f.actors {
			if a == e {
				return true
			}
		}
		for _, a := range f.agents {
			if a == e {
				return true
			}
		}
		return false
	}
	for _, m := range ms {
		if m.a < f.span0 || m.a >= f.span1 || isActor(m.ent) || f.isActorMention(m) || inBrackets(toks, m.a, f.a) {
			continue
		}
		if outer(ms, m) != m {
			continue
		}
		if f.typ == EventAttack && ofConflict(toks, m.a) {
			continue // "unsettled by Israel's war on Gaza": that war's place
		}
		prev := governingWord(toks, ms, m)
		after := m.a >= f.b
		if after && speechBetween(toks, f.b, m.a) {
			continue // "…, said US Central Command": a source
		}
		if !after && f.passive && m.a < clauseStart(toks, f.a) {
			continue
		}
		e := m.ent
		switch {
		case m.capital && f.typ != EventAttack && (prev == "in" || prev == "at"):
			f.places = appendEnt(f.places, e)
		case m.capital && f.typ != EventAttack:
			if c := d.countryEntity(e.country); c != nil && !isActor(c) && after && f.typ != EventMeet && f.typ != EventCancelVisit {
				f.targets = appendEnt(f.targets, c)
			}
		case e.class == ClassRegion || e.class == ClassPlace:
			if f.typ == EventAttack || f.typ == EventSummon || f.typ == EventMeet || f.typ == EventCancelVisit {
				if prev == "from" && f.typ == EventAttack {
					continue
				}
				// before the trigger a place needs its preposition: "in
				// Balochistan, Pakistan launched…", not "Tehran confirmed
				// the attack"
				if !after && !f.passive && !locative.Has(prev) {
					continue
				}
				f.places = appendEnt(f.places, e)
			}
		case e.class == ClassCountry:
			if f.typ == EventAttack {
				nxt := ""
				if m.b < len(toks) {
					nxt = toks[m.b].Norm
				}
				if m.demonym && territoryWords.Has(nxt) || prev == "in" || prev == "inside" || prev == "within" || prev == "into" || prev == "on" || prev == "across" || prev == "against" || prev == "at" {
					if m.demonym && !territoryWords.Has(nxt) {
						continue
					}
					if prev == "in" || prev == "inside" || prev == "within" {
						f.places = appendEnt(f.places, e)
					}
					if f.country == nil || prev != "in" {
						f.country = e
					}
				}
			} else if after && !d.diplomatModifier(f.s, m) || after && (f.typ == EventSummon || f.typ == EventExpelDiplomat) || f.typ == EventRecallAmbassador && after {
				if f.typ == EventRecallAmbassador && d.diplomatModifier(f.s, m) {
					continue
				}
				if f.typ == EventExpelDiplomat && !d.diplomatModifier(f.s, m) {
					continue // "expelled the French ambassador": France
				}
				if m.possessive && f.typ != EventSummon && f.typ != EventExpelDiplomat && !d.diplomatModifier(f.s, m) {
					continue
				}
				f.targets = appendEnt(f.targets, e)
			}
		case victimClass(e.class) && f.typ == EventAttack && after && servedFor(toks, m.a):
			// "a convoy carrying supplies for the coalition": whom the
			// thing hit served, not what was hit
		case victimClass(e.class):
			if f.typ == EventAttack && (after && (f.verb || f.copula || targetPrep(toks, m, f)) || f.passive && !after) {
				f.targets = appendEnt(f.targets, e)
			} else if f.typ != EventAttack && after && e.class != ClassPerson {
				f.targets = appendEnt(f.targets, e)
			}
		case e.class == ClassGovernment:
			if f.typ != EventAttack && after {
				if c := d.countryEntity(e.country); c != nil && !isActor(c) {
					f.targets = appendEnt(f.targets, c)
				}
			}
		}
	}
	for _, n := range d.targetOf {
		if n.s != f.s || f.typ != EventAttack || n.at > f.a || f.a-n.at > 5 {
			continue
		}
		for _, m := range ms {
			if m.b <= n.at && m.a >= clauseStart(toks, n.at) && victimClass(m.ent.class) {
				f.targets = appendEnt(f.targets, m.ent)
			}
		}
	}
	switch f.typ {
	case EventMeet:
		// "during their meeting": the people the sentence names meet
		if f.a > 0 && toks[f.a-1].Norm == "their" {
			for _, m := range ms {
				if m.ent.class == ClassPerson {
					f.actors = appendEnt(f.actors, m.ent)
				}
			}
		}
		// "met his Iraqi counterpart Fuad Hussein", "met with X": both meet
		for _, m := range ms {
			if m.a >= f.b && m.a <= f.b+5 && m.a < f.span1 && m.ent.class == ClassPerson {
				f.actors = appendEnt(f.actors, m.ent)
			}
		}
		f.targets = nil
	case EventCancelVisit:
		f.targets = nil
	case EventOfferMediation, EventAppeal:
		if len(f.targets) == 0 {
			for k := 0; k < len(toks); k++ {
				if toks[k].Norm != "between" {
					continue
				}
				for _, m := range ms {
					if m.a > k && m.a < k+6 && m.ent.class == ClassCountry && !isActor(m.ent) {
						f.targets = appendEnt(f.targets, m.ent)
					}
				}
			}
		}
	}
	if f.typ == EventAttack && len(f.targets) == 0 && f.passive {
		// "another American-owned vessel was attacked": the subject
		k := syntax.AuxiliaryStart(toks, f.a) - 1 // "is regularly attacked", "has often been shelled"
		for k >= 0 && (markBe.has(&toks[k]) || toks[k].Norm == "also" || toks[k].Norm == "reportedly") {
			k--
		}
		e := k + 1
		for k >= 0 && toks[k].Kind != text.Punct || k >= 0 && toks[k].Norm == "-" && !toks[k].SpaceBefore {
			w := toks[k].Norm
			glued := k+1 < len(toks) && toks[k+1].Norm == "-" && !toks[k+1].SpaceBefore
			if w == "a" || w == "an" || w == "the" || w == "another" || w == "several" || w == "some" || prepositions.Has(w) || speechVerbs.Has(w) || w == "that" || w == "which" || toks[k].Kind == text.Number || numberWords[w] > 0 || d.covered(f.s, k) && !glued {
				break
			}
			k--
		}
		if e-(k+1) >= 1 && e-(k+1) <= 4 && d.objectText(f.s, k+1, e) && !d.triggerAt(f.s, e-1) {
			// not an event word: "strikes launched by the coalition"
			// are the event itself
			if loadWordLists().venueSet.Has(toks[e-1].Norm) {
				// "the clinic was attacked": the facility is the target
				f.targets = appendEnt(f.targets, d.facility(f.s, k+1, e, nil))
			} else {
				f.targetText = append(f.targetText, joinText(toks[k+1:e]))
			}
		}
	}
	if f.typ == EventAttack && len(f.targets) == 0 && !f.passive {
		// "an attack on a police station", "shelled a camp"
		for k := f.b; k+1 < len(toks) && k < f.b+3; k++ {
			if toks[k].Norm == "on" || toks[k].Norm == "against" || k == f.b && f.verb && !f.passive && !f.weak {
				if k == f.b && f.verb && toks[k].Norm != "on" && toks[k].Norm != "against" {
					k-- // the direct object starts right after the verb
				}
				j := k + 1
				if toks[j].Norm != "a" && toks[j].Norm != "an" && toks[j].Norm != "the" && toks[j].Norm != "its" && toks[j].Norm != "their" {
					break
				}
				j++
				e := j
				for e < len(toks) && e < j+4 && toks[e].Kind == text.Word && !prepositions.Has(toks[e].Norm) && (!isUpperWord(&toks[e]) || d.isDemonymAt(f.s, e)) && toks[e].Norm != "that" && toks[e].Norm != "which" && !markBe.has(&toks[e]) && !d.triggerAt(f.s, e) {
					e++
				}
				if e > j && (!d.covered(f.s, j) || d.isDemonymAt(f.s, j)) && d.objectText(f.s, j, e) && !(e < len(toks) && (isUpperWord(&toks[e]) || d.covered(f.s, e))) && !(e+1 < len(toks) && toks[e].Norm == "of" && d.covered(f.s, e+1)) {
					if loadWordLists().venueSet.Has(toks[e-1].Norm) {
						// "attacked a church": the facility is the target
						f.targets = appendEnt(f.targets, d.facility(f.s, j, e, nil))
					} else {
						f.targetText = append(f.targetText, joinText(toks[j:e]))
					}
				}
				break
			}
		}
	}
	for i := range dates {
		if dates[i].a >= f.span0 && dates[i].a < f.span1 {
			if f.date == nil {
				f.date = &dates[i]
			}
		}
	}
	if f.typ == EventAttack {
		var buf [4]lexicon.Match[*lexicon.Weapon]
		for _, m := range d.r.weapons.AppendCoded(buf[:0], d.coded[f.s].Slice(f.span0, f.span1)) {
			f.weapons = appendStr(f.weapons, m.Values[0].Name)
		}
		if f.subtype == "strike" || f.subtype == "armed assault" || f.subtype == "" {
			f.subtype, f.cameo = subtypeFromWeapons(f.weapons, f.subtype, f.cameo)
		}
	}
	// "a day after X" / "a day before X"
	for k := f.span0; k+2 < f.a && k < len(toks); k++ {
		if toks[k].Norm == "day" && (toks[k+1].Norm == "after") {
			f.afterDay = &frame{}
		}
	}
}

// isActorMention reports whether m is (inside) a mention that names the
// frame's actor.
func (f *frame) isActorMention(m *mention) bool {
	for _, a := range f.actorMentions {
		if a.a <= m.a && m.b <= a.b && a.s == m.s {
			return true
		}
	}
	return false
}

// placeNouns head phrases that say where, not what, was hit.
var placeNouns = grammarList("placeNouns")

// objectText reports whether tokens [a, b) of sentence s can name what an
// attack hit: not a place ("a border village"), a weapon ("several
// missiles") or a victim count.
func (d *docState) objectText(s, a, b int) bool {
	if b <= a {
		return false
	}
	head := d.sents[s].Tokens[b-1].Norm
	if placeNouns.Has(head) || victimNouns.Has(head) || b-a == 1 && referringPronouns.Has(head) {
		return false
	}
	return !d.r.weapons.AnyCoded(d.coded[s].Slice(a, b))
}

// referringPronouns refer back to a participant named before.
var referringPronouns = grammarList("referringPronouns")

// speechBetween reports whether a speech verb lies in tokens [a, b),
// not in the passive: "clashes were reported in Molo" tells where the
// clashes were, not who spoke.
func speechBetween(toks []text.Token, a, b int) bool {
	for k := a; k < b; k++ {
		if markSpeech.has(&toks[k]) && toks[k].Norm != "according" && !(k > a && markBe.has(&toks[k-1])) {
			return true
		}
	}
	return false
}

// targetPrep reports whether mention m after an event noun is its object:
// "strikes on X", "attack against X", "targeting X", "hideouts of X",
// "X's headquarters".
func targetPrep(toks []text.Token, m *mention, f *frame) bool {
	for k := m.a - 1; k >= f.b && k >= m.a-4; k-- {
		switch toks[k].Norm {
		case "on", "against", "targeting", "targeted", "hitting", "at":
			return true
		case "of":
			if k > 0 && targetObjects.Has(toks[k-1].Norm) {
				return true
			}
			if k > 1 && targetObjects.Has(toks[k-2].Norm) {
				return true
			}
		}
	}
	if m.possessive && m.b+2 < len(toks) && targetObjects.Has(toks[m.b+2].Norm) {
		return true
	}
	if m.b < len(toks) && targetObjects.Has(toks[m.b].Norm) {
		return true
	}
	return false
}

func subtypeFromWeapons(ws []string, sub, cameo string) (string, string) {
	has := map[string]bool{}
	for _, w := range ws {
		has[w] = true
	}
	switch {
	case has["missile"] && has["drone"]:
		return "missile and drone strike", "195"
	case has["drone"]:
		return "drone strike", "195"
	case has["missile"] || has["rocket"]:
		return "missile strike", "195"
	case has["aircraft"]:
		return "airstrike", "195"
	case has["mortar"] || has["artillery"]:
		return "shelling", "194"
	case has["car bomb"]:
		return "car bombing", "1832"
	case has["IED"]:
		return "roadside bombing", "1833"
	case has["suicide vest"]:
		return "suicide bombing", "1831"
	case has["firearm"]:
		return "armed assault", "190"
	}
	return sub, cameo
}

func appendEnt(list []*entity, e *entity) []*entity {
	for _, x := range list {
		if x == e {
			return list
		}
	}
	if list == nil {
		list = make([]*entity, 0, 4)
	}
	return append(list, e)
}

func appendStr(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// casualtiesTo gives each figure of the sentence to the nearest attack
// frame before it (or after it when none is before).
func (d *docState) casualtiesTo(si int, frames []*frame) []*frame {
	toks := d.sents[si].Tokens
	cs := findCasualtiesWith(toks, func(t *text.Token) bool {
		return strings.HasSuffix(t.Norm, "s") && d.r.isDemonym(t)
	})
	if len(cs) == 0 || alternativeAccount(toks) || si > 0 && claimedToll(toks) {
		// another source's figure, or a party's claim after the
		// document's own account: incident coding keeps its own
		return frames
	}
	for _, c := range sumSides(toks, cs) {
		if tallyAt(toks, c.At, c.At+1) {
			continue // "the insurgency has killed 4,000 people since 2017"
		}
		var best *frame
		for _, f := range frames {
			if f.typ != EventAttack || f.negated || anchorOnly(toks, frames, f) {
				continue
			}
			if f.a <= c.At || best == nil {
				best = f
			}
		}
		// "Three soldiers were killed when militants ambushed a convoy":
		// the figure belongs to the attack, not to the verb "killed"
		if best != nil && best.weak {
			var before, after *frame
			for _, f := range frames {
				if f.typ != EventAttack || f.negated || f.weak {
					continue
				}
				if f.a <= c.At {
					before = f
				} else if after == nil {
					after = f
				}
			}
			if before != nil && !best.relative {
				best = before
			} else if after != nil && before == nil {
				best = after
			}
		}
		if best == nil {
			// no trigger: the figure belongs to the document's current
			// attack; record it on a bare frame merged later
			f := d.buf.frames.new(frame{typ: EventAttack, s: si, a: c.At, b: c.At + 1, killed: -1, injured: -1, definite: true, span0: 0, span1: len(toks)})
			d.fillArgs(f, nil)
			f.places = nil
			f.targets = nil
			f.targetText = nil
			frames = append(frames, f)
			best = f
		}
		switch added := addedFigure(toks, c); {
		case c.Killed && added:
			best.addKilled += c.N
		case c.Killed:
			best.killed = max(best.killed, c.N)
		case added:
			best.addInjured += c.N
		default:
			best.injured = max(best.injured, c.N)
		}
	}
	return frames
}

// addedFigure reports whether casualty figure c counts more of a toll told
// before it rather than restating it: "another two died", "two more died
// in hospital", "two others later died of their wounds", "two bandits were
// also killed", "a child also died", "also wounding two guards".
func addedFigure(toks []text.Token, c casualty) bool {
	if c.At > 0 && toks[c.At-1].Norm == "another" {
		return true
	}
	if c.At > 1 && toks[c.At-2].Norm == "also" && toks[c.At-1].Kind == text.Word {
		return true
	}
	for k := c.At; k < c.End && k < len(toks); k++ {
		if _, e, ok := numberAt(toks, k); ok {
			if e < len(toks) && (toks[e].Norm == "more" || toks[e].Norm == "others") {
				return true
			}
			break
		}
	}
	for k := c.End; k < len(toks) && k < c.End+4; k++ {
		w := toks[k].Norm
		if w == "also" {
			return true
		}
		if toks[k].Kind == text.Punct || markToll.has(&toks[k]) {
			break
		}
	}
	return false
}

// addToll adds to toll n (-1 for none told) the figure add told as more of
// it.
func addToll(n, add int) int {
	if add <= 0 {
		return n
	}
	return addSaturating(max(n, 0), add)
}

// anchorOnly reports whether f is an earlier event named only to date
// another ("…Day After Deadly Balochistan Strike; 7 Killed") while the
// sentence holds another attack frame that the figures of the sentence
// belong to.
func anchorOnly(toks []text.Token, frames []*frame, f *frame) bool {
	if f.afterDay == nil && !dayAfter(toks, frames, f) {
		return false
	}
	for _, o := range frames {
		if o != f && o.typ == EventAttack && !o.negated && o.afterDay == nil && !dayAfter(toks, frames, o) {
			return true
		}
	}
	return false
}

// dayAfter reports whether "day after" stands between the attack frame
// before f and f, as links reads it.
func dayAfter(toks []text.Token, frames []*frame, f *frame) bool {
	for i := 1; i < len(frames); i++ {
		if frames[i] == f && frames[i-1].typ == EventAttack && frames[i-1].b <= f.a {
			return wordsBetween(toks, frames[i-1].b, f.a, dayAfterWords)
		}
	}
	return false
}

// dayAfterWords and dayBeforeWords date one attack by another a day
// apart ("…, a day after gunmen attacked…"); read as words, so that a
// weekday ("on Wednesday after a bus hit a mine") is not "day after".
var (
	dayAfterWords  = []string{"day", "after"}
	dayBeforeWords = []string{"day", "before"}
)

// wordsBetween reports whether the normalised tokens of [a, b) hold words
// in sequence.
func wordsBetween(toks []text.Token, a, b int, words []string) bool {
	for k := a; k+len(words) <= b && k+len(words) <= len(toks); k++ {
		if end, ok := matchWords(toks, k, words); ok && end <= b {
			return true
		}
	}
	return false
}

// links reads retaliation, responsibility claims, operation names and
// relative days between the frames of one sentence.
func (d *docState) links(si int, frames []*frame) {
	toks := d.sents[si].Tokens
	for i := 0; i+1 < len(frames); i++ {
		a, b := frames[i], frames[i+1]
		if a.typ != EventAttack || b.typ != EventAttack || a.b > b.a {
			continue // (a toll's bare frame comes last, out of order)
		}
		between := lowerOf(joinText(toks[a.b:b.a])) // matched as strings.ToLower(between)
		if between.contains("retaliation for") || between.contains("in response to") || between.contains("revenge for") || between.contains("follow") || lowerTrimSpaceHasSuffix(between.s, "over a") || between.contains("after") && d.mentionsRetaliation() {
			a.retFor = b
		}
		if wordsBetween(toks, a.b, b.a, dayAfterWords) {
			b.afterDay = a
		}
		if wordsBetween(toks, a.b, b.a, dayBeforeWords) {
			a.afterDay = b
		}
	}
	// one pass over the words for the two phrases below
	for k := range toks {
		switch toks[k].Norm {
		case "responsibility":
			d.claimedResponsibility(si, frames, k)
		case "codenamed", "dubbed", "code-named":
			d.noteOperation(si, k)
		}
	}
}

// claimedResponsibility reads "X took / claimed responsibility", token k
// of sentence si the word "responsibility": the last armed group named
// before the verb is the actor of the last attack before it that has none.
func (d *docState) claimedResponsibility(si int, frames []*frame, k int) {
	toks := d.sents[si].Tokens
	if k == 0 {
		return
	}
	switch toks[k-1].Norm {
	case "took", "claimed", "claims", "claiming":
	default:
		return
	}
	k-- // the verb
	var claimer *entity
	for _, m := range d.ments[si] {
		if m.b <= k && m.ent.class == ClassArmedGroup {
			claimer = m.ent
		}
	}
	if claimer == nil {
		return
	}
	for i := len(frames) - 1; i >= 0; i-- {
		if frames[i].a < k && frames[i].typ == EventAttack && len(frames[i].actors) == 0 {
			frames[i].actors = []*entity{claimer}
			frames[i].explicitActor = true
			break
		}
	}
}

// noteOperation notes the name of an operation after token k of sentence
// si, "codenamed", "dubbed" or "code-named": "codenamed X".
func (d *docState) noteOperation(si, k int) {
	toks := d.sents[si].Tokens
	e := k + 1
	for e < len(toks) && (isUpperWord(&toks[e]) || toks[e].Norm == "-") {
		e++
	}
	if e > k+1 {
		op := joinText(toks[k+1 : e])
		d.operations = append(d.operations, opMention{s: si, name: op})
	}
}

func (d *docState) mentionsRetaliation() bool {
	if d.retaliation == 0 {
		d.retaliation = 1
		if lowerContains(d.doc.Text, "retaliat") {
			d.retaliation = 2
		}
	}
	return d.retaliation == 2
}

// targetOfNote marks "X was the target of …" at token at of sentence s.
type targetOfNote struct {
	s, at int
}

type opMention struct {
	s    int
	name string
}
