package extract

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/extract/text"
)

// leadFirst moves the frames of a headline that opens the document
// (docState.headline) after those of the lead, the first sentence after
// it with frames of its own, and returns the lead's index (-1 where the
// document opens with no headline or tells nothing after it). A headline
// tells the lead's event in brief, with no date and often no doer named
// ("Militia raid kills 40"), so it is read as joining the event the lead
// makes, not as making one the lead would then fail to join.
func (d *docState) leadFirst(frames []*frame) int {
	if len(d.headline) == 0 || !d.headline[0] {
		return -1
	}
	n := 0
	for n < len(frames) && frames[n].s == 0 {
		n++
	}
	if n == 0 || n == len(frames) {
		return -1
	}
	lead := frames[n].s
	m := n
	for m < len(frames) && frames[m].s == lead {
		m++
	}
	slices.Reverse(frames[:n])
	slices.Reverse(frames[n:m])
	slices.Reverse(frames[:m])
	return lead
}

// placesNamedIn returns the places of ps that sentence s names too, or
// that no gazetteer entry stands for (a venue: "at X checkpoint"),
// reusing ps's array: a headline's place said in brief ("in southern X")
// counts where the lead names it as well, not as a town the brief name
// was read as.
func (d *docState) placesNamedIn(ps []*entity, s int) []*entity {
	kept := ps[:0]
	for _, p := range ps {
		if p.gaz == nil || slices.ContainsFunc(d.ments[s], func(m *mention) bool { return m.ent == p }) {
			kept = append(kept, p)
		}
	}
	return kept
}

// headlineEvent returns the event of the lead (sentence lead) that a
// frame of the opening headline tells: the first of its type made by the
// lead, where nothing contradicts it (compatible) and the two name no
// different doers; nil for a frame of another sentence.
func headlineEvent(events []*docEvent, f *frame, lead int) *docEvent {
	if lead < 0 || f.s != 0 {
		return nil
	}
	for _, e := range events {
		if e.f.typ != f.typ || e.frames[0].s != lead {
			continue
		}
		if !compatible(&e.f, f) {
			return nil
		}
		if len(f.actors) > 0 && len(e.f.actors) > 0 && !unknownDoers(f.actors) && !sameActors(e.f.actors, f.actors) {
			return nil
		}
		return e
	}
	return nil
}

// statedDayAgrees reports whether dated frame f may join event e, which
// its frames left undated, by the date e's first sentence states outside
// their phrases ("An air strike killed 17 in the north on Sunday": the
// day after the place): a later frame of the same doers dated otherwise
// ("The military seized power in February 2021") tells another time.
func (d *docState) statedDayAgrees(e *docEvent, f *frame, pub time.Time) bool {
	if e.f.date != nil || f.date == nil {
		return true
	}
	dates := findDates(d.sents[e.frames[0].s].Tokens, pub)
	if len(dates) == 0 {
		return true
	}
	return datesWithin(&frame{date: &dates[0]}, f, statedDayWindow)
}

// statedDayWindow is how far the day a sentence states may lie from a
// later frame's date for that frame to join an event of the sentence:
// the day may be another event's ("Pakistan struck on Thursday, after
// Iran attacked this week"), and a week holds what "this week" says.
const statedDayWindow = 7 * 24 * time.Hour

// dayOf parses a frame date; ok is false for none or a month.
func dayOf(f *frame) (time.Time, bool) {
	if f.date == nil || len(f.date.Value) != 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", f.date.Value)
	return t, err == nil
}

// compatible reports whether frame f can describe the same event as e:
// no contradicting date (more than a day apart), country or roles.
func compatible(e *frame, f *frame) bool {
	if e.typ != f.typ {
		return false
	}
	if !sameDate(e, f) {
		return false
	}
	if e.country != nil && f.country != nil && e.country != f.country {
		return false
	}
	for _, a := range e.actors {
		for _, t := range f.targets {
			if a == t {
				return false
			}
		}
		if f.country == a && e.typ == EventAttack && !containsEnt(f.actors, a) {
			return false // a country's act, and one on its soil by another
		}
	}
	for _, a := range f.actors {
		for _, t := range e.targets {
			if a == t {
				return false
			}
		}
		if e.country == a && e.typ == EventAttack && !containsEnt(e.actors, a) {
			return false // the same country acting on its own soil is one doer
		}
	}
	// described doers that differ, with no named one: two incidents
	// ("unknown gunmen… Later, a mob…")
	if len(e.actors) == 0 && len(f.actors) == 0 && len(e.actorText) > 0 && len(f.actorText) > 0 && !sharesText(e.actorText, f.actorText) {
		return false
	}
	// places on both sides of which neither holds the other: two incidents
	if len(e.places) > 0 && len(f.places) > 0 && !placesOverlap(e.places, f.places) {
		return false
	}
	// places in different countries (places with no country, such as
	// seas, contradict nothing)
	cc := map[string]bool{}
	for _, p := range e.places {
		if p.country != "" {
			cc[p.country] = true
		}
	}
	if len(cc) > 0 {
		some, ok := false, false
		for _, p := range f.places {
			if p.country == "" {
				continue
			}
			some = true
			if cc[p.country] {
				ok = true
			}
		}
		if some && !ok {
			return false
		}
	}
	return true
}

// backReference reports whether frame f mentions an event already
// known: a definite event noun ("the bombing", "Saturday's attack", "the
// June 9 murder plot") with no doer of its own that no
// clause of its sentence reports as taking place.
func backReference(f *frame) bool {
	return !f.verb && f.definite && !f.told && len(f.actors) == 0 && len(f.actorText) == 0
}

// vagueEventNouns name an undertaking that need not be an attack: "this
// operation", "the action" presuppose nothing violent.
var vagueEventNouns = grammarList("vagueEventNouns")

// hasType reports whether events hold one of type typ.
func hasType(events []*docEvent, typ string) bool {
	for _, e := range events {
		if e.f.typ == typ {
			return true
		}
	}
	return false
}

// sameDate reports whether the dates of e and f, where both have one, do
// not contradict (a day apart at most, or the same month).
func sameDate(e, f *frame) bool {
	return datesWithin(e, f, 24*time.Hour)
}

// datesWithin reports whether the dates of e and f, both days, lie
// within window of each other, or, where one is a month, fall in one
// month; true where either has none.
func datesWithin(e, f *frame, window time.Duration) bool {
	if e.date == nil || f.date == nil {
		return true
	}
	t1, ok1 := dayOf(e)
	t2, ok2 := dayOf(f)
	if ok1 && ok2 {
		diff := t1.Sub(t2)
		return diff <= window && diff >= -window
	}
	return e.date.Value[:7] == f.date.Value[:7]
}

// sharesText reports whether two lists of described actors share a
// word-for-word equal description, case aside.
func sharesText(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if strings.EqualFold(x, y) {
				return true
			}
		}
	}
	return false
}

// placesOverlap reports whether a place of a equals, holds or lies in a
// place of b.
func placesOverlap(a, b []*entity) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y || within(x, y) || within(y, x) {
				return true
			}
		}
	}
	return false
}

// replyClause reports whether sentence text ends a clause with "in
// response" or "in retaliation" and no object: "… in response.", "… in
// retaliation, …" (matched as strings.ToLower(text)). Every form holds
// "in re", which most sentences lack: one scan of the sentence answers
// for them, where each form scanned it again.
func replyClause(text string) bool {
	l := lowerOf(text)
	if !l.contains("in re") {
		return false
	}
	return l.contains("in response.") || l.contains("in response,") || l.hasSuffix("in response") || l.contains("in retaliation.") || l.contains("in retaliation,")
}

// within reports whether place x lies in place y, through the chain of
// containing places, or in y's region by country for a country y.
func within(x, y *entity) bool {
	for p := x.within; p != nil; p = p.within {
		if p == y {
			return true
		}
	}
	return y.class == ClassCountry && x.country != "" && y.country == x.country
}

func sameActors(a, b []*entity) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// describedVictims reports whether targets hold people described, not
// named ("eight people", "two aid workers").
func describedVictims(targets []*entity) bool {
	return slices.ContainsFunc(targets, func(t *entity) bool { return t.described && t.class == ClassCivilians })
}

// ownAccountAt reports whether the event word at token a is told by its
// doer's own account: "X said it had struck a militant", "X says it
// attacked army positions". Where the event has its victims already, the
// target such an account names stands beside them, not in their stead.
func ownAccountAt(toks []text.Token, a int) bool {
	k := a - 1
	if k >= 0 && (toks[k].Norm == "had" || toks[k].Norm == "has") {
		k--
	}
	return k >= 1 && toks[k].Norm == "it" && (toks[k-1].Norm == "said" || toks[k-1].Norm == "says")
}

// mergeFrame folds frame f into frame into.
func mergeFrame(into, f *frame) {
	for _, a := range f.actors {
		into.actors = appendEnt(into.actors, a)
	}
	for _, a := range f.agents {
		into.agents = appendEnt(into.agents, a)
	}
	for _, t := range f.targets {
		skip := false
		for _, a := range into.actors {
			if a == t {
				skip = true
			}
		}
		switch {
		case skip:
		case f.ownAccount && !t.described && describedVictims(into.targets):
			into.besideTargets = appendEnt(into.besideTargets, t)
		default:
			into.targets = appendEnt(into.targets, t)
		}
	}
	for _, t := range f.besideTargets {
		into.besideTargets = appendEnt(into.besideTargets, t)
	}
	for _, t := range f.targetText {
		into.targetText = appendStr(into.targetText, t)
	}
	for _, t := range f.aimedText {
		into.aimedText = appendStr(into.aimedText, t)
	}
	for _, p := range f.hitPlaces {
		into.hitPlaces = appendEnt(into.hitPlaces, p)
	}
	for _, p := range f.placesHit {
		into.placesHit = appendEnt(into.placesHit, p)
	}
	if into.villagers == nil {
		into.villagers = f.villagers
	}
	for _, t := range f.actorText {
		into.actorText = appendStr(into.actorText, t)
	}
	into.syn = into.syn || f.syn
	into.reported = into.reported || f.reported
	for _, p := range f.places {
		into.places = appendEnt(into.places, p)
	}
	if into.country == nil {
		into.country = f.country
	}
	if f.date != nil && (into.date == nil || len(into.date.Value) < len(f.date.Value) || into.date.inferred && !f.date.inferred) {
		into.date = f.date
	}
	for _, w := range f.weapons {
		into.weapons = appendStr(into.weapons, w)
	}
	into.killed = addToll(max(into.killed, f.killed), f.addKilled)
	into.injured = addToll(max(into.injured, f.injured), f.addInjured)
	if into.subtype == "" || into.subtype == "strike" || into.subtype == "armed assault" || into.subtype == "bombing" {
		if f.subtype != "" && f.subtype != "strike" && f.subtype != "armed assault" {
			into.subtype, into.cameo = f.subtype, f.cameo
		}
	}
	if into.operation == "" {
		into.operation = f.operation
	}
}

// joinTold joins to event e, which frame f has just started, the frames
// of harm told before it that joined no event (told): where f is a
// definite event noun ("the attack", "responsibility for the attacks"),
// it names the event those people were hit in. It returns the frames
// that stay unjoined.
func joinTold(e *docEvent, f *frame, told []*frame, join func(*docEvent, *frame)) []*frame {
	if f.verb || !f.definite || len(told) == 0 {
		return told
	}
	var rest []*frame
	for _, t := range told {
		if t.typ == f.typ && t.s < f.s && compatible(&e.f, t) {
			join(e, t)
			continue
		}
		rest = append(rest, t)
	}
	return rest
}

// tollToSalient gives the toll of a toll frame that joins no event (its
// victims include the doer of the event spoken of last: "Two soldiers and
// one militant were killed") to that event: the dead of both sides count
// in one incident's toll. It reports whether it gave the toll.
func tollToSalient(events []*docEvent, f *frame) bool {
	if !f.weak || f.killed < 0 && f.injured < 0 && f.addKilled <= 0 && f.addInjured <= 0 {
		return false
	}
	for i := len(events) - 1; i >= 0; i-- {
		if e := events[i]; e.f.typ == f.typ {
			e.f.killed = addToll(max(e.f.killed, f.killed), f.addKilled)
			e.f.injured = addToll(max(e.f.injured, f.injured), f.addInjured)
			return true
		}
	}
	return false
}

// mergeEvents turns the frames of a document into its events: a frame
// with an actor joins the event of the same type and actor that it does
// not contradict; a frame without one joins the most recent compatible
// event of its type (the salient one), or starts an event of its own when
// it says something new (an indefinite "an attack on a police station").
func (d *docState) mergeEvents(frames []*frame, pub time.Time) []*docEvent {
	var events []*docEvent
	join := func(e *docEvent, f *frame) {
		e.last = f.s
		e.frames = append(e.frames, f)
		mergeFrame(&e.f, f)
		f.ev = e
	}
	// the harm told before any event it could join ("Five police
	// officers were killed… Al-Shabaab claimed the attack")
	var told []*frame
	lead := d.leadFirst(frames)
	for _, f := range frames {
		f.ownAccount = ownAccountAt(d.sents[f.s].Tokens, f.a)
		if f.afterDay != nil && f.afterDay.date != nil && f.date == nil {
			if t, ok := dayOf(f.afterDay); ok {
				f.date = &dateExpr{Text: "a day after", Value: t.AddDate(0, 0, -1).Format("2006-01-02"), inferred: true}
			}
		}
		var target *docEvent
		if e := headlineEvent(events, f, lead); e != nil {
			if len(e.f.actors) > 0 && unknownDoers(f.actors) {
				f.actors = nil // "Gunmen kill five": the lead names them
			}
			f.places = d.placesNamedIn(f.places, lead)
			join(e, f)
			continue
		}
		if f.shiftedFrom != nil && len(f.actors) == 0 && f.passive && len(f.targetText) > 0 {
			// "…, after another vessel was attacked": an event of its own
			target = d.buf.events.new(docEvent{f: frame{typ: f.typ, subtype: f.subtype, cameo: f.cameo, s: f.s, killed: -1, injured: -1}})
			events = append(events, target)
			join(target, f)
			continue
		}
		if len(f.actors) > 0 {
			for i := len(events) - 1; i >= 0; i-- {
				e := events[i]
				if sameActors(e.f.actors, f.actors) && compatible(&e.f, f) && d.statedDayAgrees(e, f, pub) {
					target = e
					break
				}
			}
			// a doer described, not named, that hits the target of a named
			// doer's event of its country is that doer's arm: "Pakistan
			// struck BLA hideouts… Pakistani fighters returned after
			// targeting the BLA hideouts"
			if target == nil {
				if e := d.armOf(events, f); e != nil {
					f.actors = nil
					target = e
				}
			}
			// an event first seen without its actor, or with doers no one
			// knows: "A suicide bomber blew himself up… Al-Shabaab said
			// it carried out the bombing", "the mine was laid by unknown
			// people… police blamed the attack on X"
			if target == nil {
				for i := len(events) - 1; i >= 0; i-- {
					e := events[i]
					if (len(e.f.actors) == 0 || unknownDoers(e.f.actors) && !unknownDoers(f.actors)) && e.f.typ == f.typ && compatible(&e.f, f) && f.typ == EventAttack && (f.definite || e.f.date != nil && f.date != nil && (len(e.f.targets) > 0 || len(e.f.places) > 0)) {
						target = e
						break
					}
				}
			}
		} else {
			// the salient event: the compatible one spoken of last
			for i := len(events) - 1; i >= 0; i-- {
				e := events[i]
				if f.shiftedFrom != nil && f.shiftedFrom.ev == e {
					continue // "a day after the strike": not that strike
				}
				if e.f.typ == f.typ && compatible(&e.f, f) && (target == nil || e.last > target.last || e.last == target.last && len(target.f.actors) == 0 && len(e.f.actors) > 0) {
					target = e
				}
			}
			// a dated mention is of the event of its day rather than of
			// an undated one spoken of since ("this morning's action")
			if target != nil && target.f.date == nil {
				if e := sameDayEvent(events, f); e != nil {
					target = e
				}
			}
			// a government speaking of an act means its own country's
			if f.speakerCountry != nil && target != nil && !containsEnt(target.f.actors, f.speakerCountry) {
				for i := len(events) - 1; i >= 0; i-- {
					e := events[i]
					if e.f.typ == f.typ && containsEnt(e.f.actors, f.speakerCountry) && compatible(&e.f, f) {
						target = e
						break
					}
				}
			}
			// "the details of the June 9 murder plot": a
			// definite event noun that no clause of its own reports
			// refers back to the event of its type spoken of last,
			// wherever the sentence around it is placed
			if target == nil && backReference(f) {
				for i := len(events) - 1; i >= 0 && target == nil; i-- {
					if e := events[i]; e.f.typ == f.typ && e.frames[0].s < f.s && sameDate(&e.f, f) {
						target = e
					}
				}
				if target != nil && len(target.f.places) > 0 && !placesOverlap(target.f.places, f.places) {
					// the places of the sentence around it are not
					// the event's
					f.places, f.country = nil, nil
				}
			}
			// "an attack on a police station": an indefinite event noun
			// introduces an event of its own
			if target != nil && !f.definite && !f.verb && f.typ == EventAttack && len(f.targetText) > 0 {
				target = nil
			}
			if target == nil && backReference(f) && !f.weak && !hasType(events, f.typ) && !vagueEventNouns.Has(d.sents[f.s].Tokens[f.b-1].Norm) {
				// "the massacre shocked the nation", "in response to
				// the raid": a definite event noun presupposes its
				// event; where the document told of none before, the
				// noun introduces it
				f.reported = true
			}
			if target == nil && (!hasContent(f) || f.weak) {
				if !tollToSalient(events, f) && f.weak && len(f.targets) > 0 {
					told = append(told, f)
				}
				continue
			}
			if !f.definite && !hasContent(f) && len(f.places) == 0 && f.date == nil && len(f.weapons) == 0 && f.country == nil {
				continue // "both sides have targeted…": says nothing new
			}
		}
		if target == nil && f.joinOnly {
			continue // "blew out the candles": no event of its own
		}
		if target == nil {
			target = d.buf.events.new(docEvent{f: frame{typ: f.typ, subtype: f.subtype, cameo: f.cameo, s: f.s, killed: -1, injured: -1}})
			events = append(events, target)
			join(target, f)
			told = joinTold(target, f, told, join)
			continue
		}
		join(target, f)
	}
	for _, e := range events {
		for _, f := range e.frames {
			if f.retFor != nil && f.retFor.ev != nil && f.retFor.ev != e && !sameActors(e.f.actors, f.retFor.ev.f.actors) {
				e.retFor = f.retFor.ev
			}
		}
	}
	// operation names go to the document's main attack of that sentence
	// (the attack spoken of in that sentence, else the one spoken of last
	// before it)
	for _, op := range d.operations {
		var best *docEvent
		bestS := -1
		for _, e := range events {
			if e.f.typ != EventAttack || len(e.f.actors) == 0 {
				continue
			}
			for _, f := range e.frames {
				if f.s <= op.s && f.s > bestS {
					best, bestS = e, f.s
				}
			}
		}
		if best != nil && best.f.operation == "" {
			best.f.operation = op.name
		}
	}
	// a condemnation, demand or protest with no target named is aimed at
	// whoever carried out the attack the document last spoke of
	for _, e := range events {
		if e.f.typ == EventAttack || len(e.f.targets) > 0 || len(e.f.actors) == 0 {
			continue
		}
		switch e.f.typ {
		case EventCondemn, EventDemand, EventSummon, EventRecallAmbassador, EventThreaten:
		default:
			continue
		}
		first := e.frames[0]
		var last *docEvent
		for _, a := range events {
			if a.f.typ == EventAttack && len(a.f.actors) > 0 && a.frames[0].s <= first.s && !sameActors(a.f.actors, e.f.actors) {
				last = a
			}
		}
		if last != nil {
			for _, a := range last.f.actors {
				e.f.targets = appendEnt(e.f.targets, a)
			}
		}
	}
	// an offer to mediate "between the two neighbours" is aimed at the two
	// countries the document is about
	for _, e := range events {
		if (e.f.typ != EventOfferMediation && e.f.typ != EventAppeal) || len(e.f.targets) > 0 {
			continue
		}
		sent := d.sents[e.frames[0].s].Text // matched as strings.ToLower(sent)
		if !lowerContains(sent, "between") && !lowerContains(sent, "both sides") && !lowerContains(sent, "two sides") && !lowerContains(sent, "warring parties") && !lowerContains(sent, "the parties") {
			continue
		}
		// the sides are those who fought: the actors of the document's
		// attacks and condemnations, latest first, then its main countries
		for i := len(events) - 1; i >= 0 && len(e.f.targets) < 2; i-- {
			o := events[i]
			if o.f.typ != EventAttack && o.f.typ != EventCondemn {
				continue
			}
			for _, a := range o.f.actors {
				if len(e.f.targets) < 2 && !containsEnt(e.f.actors, a) {
					e.f.targets = appendEnt(e.f.targets, a)
				}
			}
		}
		for _, c := range d.topCountries(2, e.f.actors) {
			if len(e.f.targets) < 2 {
				e.f.targets = appendEnt(e.f.targets, c)
			}
		}
	}
	// an appeal by the actor that offers mediation in the same sentence is
	// part of the offer ("urged restraint and offered to mediate")
	var kept []*docEvent
	for _, e := range events {
		if e.f.typ == EventAppeal {
			sub := false
			for _, o := range events {
				if o.f.typ == EventOfferMediation && sameActors(o.f.actors, e.f.actors) && o.frames[0].s == e.frames[0].s {
					sub = true
				}
			}
			if sub {
				continue
			}
		}
		kept = append(kept, e)
	}
	events = kept
	// "… in response" / "in retaliation" with no object: a reply to the
	// last attack by someone else
	var replies []int8 // replyClause of each sentence once: 0 not asked, 1 no, 2 yes
	for i, e := range events {
		if e.f.typ != EventAttack || e.retFor != nil || len(e.f.actors) == 0 {
			continue
		}
		if replies == nil {
			replies = make([]int8, len(d.sents))
		}
		reply := false
		for _, f := range e.frames {
			if replies[f.s] == 0 {
				replies[f.s] = 1
				if replyClause(d.sents[f.s].Text) {
					replies[f.s] = 2
				}
			}
			if replies[f.s] == 2 {
				reply = true
				break
			}
		}
		if !reply {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			o := events[j]
			if o.f.typ == EventAttack && len(o.f.actors) > 0 && !sameActors(o.f.actors, e.f.actors) {
				e.retFor = o
				break
			}
		}
	}
	// drop events that say nothing: no actor and no target, place or figure
	var out []*docEvent
	for _, e := range events {
		if len(e.f.actors) == 0 && len(e.f.targets) == 0 && len(e.f.targetText) == 0 && len(e.f.places) == 0 && len(e.f.actorText) == 0 && !e.f.reported {
			continue
		}
		if e.f.typ != EventAttack && e.f.typ != EventAbduction && len(e.f.actors) == 0 {
			continue
		}
		out = append(out, e)
	}
	return out
}

// topCountries returns the n countries the document mentions most, except
// those in skip.
func (d *docState) topCountries(n int, skip []*entity) []*entity {
	type kv struct {
		cc string
		n  int
	}
	var all []kv
	for cc, c := range d.countryCount.all {
		all = append(all, kv{cc, c})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].n > all[j].n || all[i].n == all[j].n && all[i].cc < all[j].cc })
	var out []*entity
	for _, x := range all {
		e := d.countryEntity(x.cc)
		if e == nil || len(out) >= n {
			continue
		}
		dup := false
		for _, s := range skip {
			if s == e {
				dup = true
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	return out
}

// hasContent reports whether frame f says something an event can stand
// on: someone or something hit, a toll of dead or of wounded ("two
// soldiers were hurt in an ambush"), a described doer, a report that it
// took place.
func hasContent(f *frame) bool {
	return len(f.targets) > 0 || len(f.targetText) > 0 || len(f.placesHit) > 0 || f.killed >= 0 || f.injured >= 0 || f.addKilled > 0 || f.addInjured > 0 || len(f.actorText) > 0 || f.reported || f.syn && (f.verb || len(f.places) > 0 || f.country != nil)
}

// unknownDoers reports whether actors name no one: none at all, or only
// doers left unidentified ("unknown people", "unidentified gunmen").
func unknownDoers(actors []*entity) bool {
	for _, a := range actors {
		if !a.unidentified {
			return false
		}
	}
	return true
}

// armOf returns the event of events that frame f, whose doers are all
// described rather than named, continues: a compatible event of its type
// that shares a named target with f and whose named doer is of the
// described doers' country (or they have none).
func (d *docState) armOf(events []*docEvent, f *frame) *docEvent {
	for _, a := range f.actors {
		if !a.described && !a.unidentified {
			return nil
		}
	}
	for i := len(events) - 1; i >= 0; i-- {
		e := events[i]
		if e.f.typ != f.typ || len(e.f.actors) == 0 || !sharesNamed(e.f.targets, f.targets) || !compatible(&e.f, f) {
			continue
		}
		ok := true
		for _, a := range f.actors {
			if a.country == "" {
				continue
			}
			same := false
			for _, x := range e.f.actors {
				same = same || x.country == a.country
			}
			ok = ok && same
		}
		if ok {
			return e
		}
	}
	return nil
}

// sharesNamed reports whether lists a and b hold the same named (not
// described) entity.
func sharesNamed(a, b []*entity) bool {
	for _, x := range a {
		if x.described || x.unidentified {
			continue
		}
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// sameDayEvent returns the latest event of events of f's type dated the
// day f is dated and compatible with it, or nil.
func sameDayEvent(events []*docEvent, f *frame) *docEvent {
	t, ok := dayOf(f)
	if !ok {
		return nil
	}
	for i := len(events) - 1; i >= 0; i-- {
		e := events[i]
		if f.shiftedFrom != nil && f.shiftedFrom.ev == e {
			continue
		}
		if u, ok := dayOf(&e.f); ok && u.Equal(t) && e.f.typ == f.typ && compatible(&e.f, f) {
			return e
		}
	}
	return nil
}
