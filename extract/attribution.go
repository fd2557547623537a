package extract

import (
	"time"

	"github.com/newsgraph/newsgraph/extract/text"
)

// attributed gives the armed group the document holds responsible for its
// attack to the attacks and abductions that name no doer: "Al Shabaab is
// suspected", "blamed on Al Shabaab", "the source attributes the attack to
// X", "a mine probably laid by JNIM fighters", "X claimed
// responsibility". Where the document blames more than one group, the
// first one blamed is taken only when it names no other. An attack the
// report recalls from long before its publication date pub ("In October
// 2017, a truck bomb…") is not the one blamed (recalled), unless every
// attack of the document is that old: a note or an archive story that
// tells only that attack is about it, whenever it was published.
func (d *docState) attributed(events []*docEvent, pub time.Time) {
	var blamed *entity
	for _, e := range events {
		if e.f.typ == EventAttack || e.f.typ == EventAbduction {
			blamed = d.blamed()
			break
		}
	}
	if blamed == nil {
		return
	}
	only := d.onlyBlamed(blamed)
	if allRecalled(events, pub) {
		pub = time.Time{} // no attack of the report's own to tell it from
	}
	for _, e := range events {
		if e.f.typ != EventAttack && e.f.typ != EventAbduction || recalled(&e.f, pub) {
			continue
		}
		if only && containsEnt(e.f.targets, blamed) {
			// named only where it is blamed ("an IED planted by X"): it
			// is no target but the doer, and whoever the sentence made
			// the doer ("a patrol truck hit a mine") was hit
			e.f.targets = removeEnt(e.f.targets, blamed)
			if len(e.f.actors) > 0 {
				hit := e.f.agents
				if len(hit) == 0 {
					hit = e.f.actors
				}
				for _, x := range hit {
					e.f.targets = appendEnt(e.f.targets, x)
				}
				e.f.actors, e.f.agents = nil, nil
			}
		}
		if unidentifiedDoers(&e.f) {
			// "gunmen attacked a trader. The attackers are believed to
			// be X": the unknown doers are the group blamed
			e.f.actors = []*entity{blamed}
			continue
		}
		if len(e.f.actors) > 0 || len(e.f.actorText) > 0 && d.claimant() != blamed {
			// a described doer ("the driver blew it up") is the
			// claiming group's man, not one the blame leaves aside
			continue
		}
		e.f.actors = appendEnt(e.f.actors, blamed)
	}
}

// recallAge is how long before the publication date an attack's stated
// period must have ended for the attack to be a recalled one.
const recallAge = 60 * 24 * time.Hour

// recalled reports whether event f is dated, by a date its text states,
// to a period that ended more than recallAge before the publication date
// pub: an earlier attack the report recalls as background ("In January
// 2021, a missile attack on the airport killed 26"), which the group
// blamed for the report's own attack did not thereby do.
func recalled(f *frame, pub time.Time) bool {
	if pub.IsZero() || f.date == nil || f.date.inferred {
		return false
	}
	end, ok := periodEnd(f.date.Value)
	return ok && end.Add(recallAge).Before(pub)
}

// allRecalled reports whether every attack and abduction of events is
// recalled (dated long before pub), so that none is the report's own.
func allRecalled(events []*docEvent, pub time.Time) bool {
	for _, e := range events {
		if (e.f.typ == EventAttack || e.f.typ == EventAbduction) && !recalled(&e.f, pub) {
			return false
		}
	}
	return true
}

// periodEnd returns the last day of the period a date value names
// ("2017", "2017-10", "2017-10-04").
func periodEnd(v string) (time.Time, bool) {
	for _, l := range [...]struct {
		layout              string
		years, months, days int // from the period's first day to its last
	}{{"2006-01-02", 0, 0, 0}, {"2006-01", 0, 1, -1}, {"2006", 1, 0, -1}} {
		if t, err := time.Parse(l.layout, v); err == nil {
			return t.AddDate(l.years, l.months, l.days), true
		}
	}
	return time.Time{}, false
}

// unidentifiedDoers reports whether the doers of event f are all
// unidentified armed men ("unknown gunmen", "armed men"), with no force
// or named group among them.
func unidentifiedDoers(f *frame) bool {
	if len(f.actors) == 0 || len(f.agents) > 0 {
		return false
	}
	for _, a := range f.actors {
		if a.class != ClassArmedGroup || !a.unidentified {
			return false
		}
	}
	return true
}

// onlyBlamed reports whether every mention of group g blames it.
func (d *docState) onlyBlamed(g *entity) bool {
	for _, m := range g.mentions {
		if d.background(m.s) {
			return false // named in the setting, not only where blamed
		}
		toks := d.sents[m.s].Tokens
		if !blamedBefore(toks, m.a) && !blamedAfter(toks, m.b) && !claimsFor(toks, m.a, m.b) {
			return false
		}
	}
	return true
}

// removeEnt returns list without e.
func removeEnt(list []*entity, e *entity) []*entity {
	out := list[:0:0]
	for _, x := range list {
		if x != e {
			out = append(out, x)
		}
	}
	return out
}

// blamed returns the one named armed group, force or state the document
// blames, or nil.
func (d *docState) blamed() *entity {
	var out *entity
	for si, s := range d.sents {
		if d.skip[si] || d.background(si) {
			continue
		}
		for _, m := range d.ments[si] {
			if !blameable(m.ent) || outer(d.ments[si], m) != m || m.demonym && m.ent.class == ClassCountry {
				// "Russian warplanes": the force, not the state inside
				// its name; "believed to be Russian": a nationality
				continue
			}
			if describesNext(d.ments[si], m) {
				// "the al Qaeda-linked group JNIM claimed it": the name
				// that runs into the next one describes it
				continue
			}
			if !blamedBefore(s.Tokens, m.a) && (m.ent.class != ClassArmedGroup || !blamedAfter(s.Tokens, m.b) && !claimsFor(s.Tokens, m.a, m.b)) {
				// a force or a state is blamed only as the object of
				// blame ("blaming the army"): before "blamed" it is
				// who blames ("the police blamed X")
				continue
			}
			if out != nil && out != m.ent {
				return nil
			}
			out = m.ent
		}
	}
	return out
}

// describesNext reports whether mention m runs straight into another
// name of its sentence's mentions ms, which it then describes: "the al
// Qaeda-linked group JNIM", "the Iran-backed militia Kataib Hezbollah".
func describesNext(ms []*mention, m *mention) bool {
	for _, n := range ms {
		if n != m && n.a == m.b && n.ent != m.ent {
			return true
		}
	}
	return false
}

// blameable reports whether entity e can be held responsible for an
// attack: a named armed group, a state's force or a state ("blaming the
// army", "blamed on Russian warplanes"), not unidentified men.
func blameable(e *entity) bool {
	switch e.class {
	case ClassArmedGroup, ClassStateForce, ClassCountry:
		return !e.unidentified
	}
	return false
}

// blameLeads are the words that put the blame on the name after them
// ("blamed on X", "attributed to X", "planted by X", "suspected X",
// "presumed X"), with the words that may stand between ("to the", "by
// suspected").
var blameLeads = grammarList("blameLeads")

// blamedBefore reports whether the words before token a blame the name
// that starts there.
func blamedBefore(toks []text.Token, a int) bool {
	k := a - 1
	for k >= 0 && (isArticle(toks[k].Norm) || blameLeads.Has(toks[k].Norm) && k < a-1) {
		k--
	}
	if a > 0 && blameLeads.Has(toks[a-1].Norm) {
		return true // "suspected al Shabaab", "presumed JNIM"
	}
	if believedToBe(toks, k) || menMembersOf(toks, k) {
		return true
	}
	if k >= 0 && blameVerbs.Has(toks[k].Norm) {
		return true // "blaming the army", "blamed X for the attack"
	}
	if k < 1 {
		return false
	}
	switch toks[k].Norm {
	case "on": // "blamed on X", "blaming the attack on X"
		return blameVerbBefore(toks, k)
	case "to": // "attributed to X", "attributes the attack to X", "linked to X"
		if loyalMen(toks, k-1) || k >= 2 && belongVerbs.Has(toks[k-1].Norm) && loyalHeads.Has(toks[k-2].Norm) {
			return true
		}
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			switch toks[j].Norm {
			case "attributed", "attributes", "attribute", "attributing", "linked", "blamed":
				return true
			}
		}
	case "by": // "planted by X", "laid by X"
		switch toks[k-1].Norm {
		case "planted", "placed", "laid", "buried", "thrown", "hurled", "detonated", "carried", "claimed":
			return true
		}
	}
	return false
}

// loyalHeads are the nouns of men or units that "loyal to X" makes X's:
// "gunmen loyal to X", "a cell loyal to X".
var loyalHeads = grammarList("loyalHeads")

// loyalMen reports whether token k is "loyal" after men or a unit ("the
// attackers belonged to a cell loyal to X"): X's men did it. A group
// loyal to another ("X, which is loyal to Y") is not.
func loyalMen(toks []text.Token, k int) bool {
	return k >= 1 && toks[k].Norm == "loyal" && loyalHeads.Has(toks[k-1].Norm)
}

// belongVerbs, after men or a unit, make the group after their "to" the
// men's own: "the gunmen belonged to X".
var belongVerbs = grammarList("belongVerbs")

// copulas join men or a unit to "members of X": "the attackers were
// members of X".
var copulas = grammarList("copulas")

// menMembersOf reports whether the words that end at token k make men
// or a unit members of the name after them: "the attackers were members
// of", "the bomber was a member of", with the article after "of" already
// passed over.
func menMembersOf(toks []text.Token, k int) bool {
	if k < 3 || toks[k].Norm != "of" || !memberWords.Has(toks[k-1].Norm) {
		return false
	}
	j := k - 2
	if isArticle(toks[j].Norm) {
		j--
	}
	return j >= 1 && copulas.Has(toks[j].Norm) && loyalHeads.Has(toks[j-1].Norm)
}

// blameVerbs are the forms of "blame", whose object is who is held
// responsible ("blaming the army") and whose "on" names them too ("blamed
// the attack on X").
var blameVerbs = grammarList("blameVerbs")

// blameVerbBefore reports whether a form of "blame" stands within four
// words before the "on" at token k, with no "for" between: "blamed on X",
// "blaming the attack on X", not "blamed Y for the attack on X".
func blameVerbBefore(toks []text.Token, k int) bool {
	lim := k - 4
	for j := k - 1; j >= 0 && j >= lim; j-- {
		switch {
		case blameVerbs.Has(toks[j].Norm):
			return true
		case toks[j].Norm == ",":
			o := relativeOpening(toks, j)
			if o < 0 {
				return false
			}
			// "blamed the attack, which killed four guards, on X": the
			// relative clause stands between the verb and its "on"
			lim -= j - o + 1
			j = o
		case toks[j].Norm == "for":
			return false
		}
	}
	return false
}

// relativeOpening returns the comma that opens the relative clause that
// the comma at token j closes (", which killed four guards,", ", who
// were on patrol,"): the comma right before "which" or "who" with no
// other comma between, -1 where there is none.
func relativeOpening(toks []text.Token, j int) int {
	for o := j - 1; o > 0 && o >= j-30; o-- {
		if toks[o].Norm != "," {
			continue
		}
		if o+1 < j && (toks[o+1].Norm == "which" || toks[o+1].Norm == "who") {
			return o
		}
		return -1
	}
	return -1
}

// beliefVerbs put the blame on the name after "to be": "the attackers
// are believed to be X".
var beliefVerbs = grammarList("beliefVerbs")

// memberWords stand between "to be" and the name: "believed to be
// members of X".
var memberWords = grammarList("memberWords")

// believedToBe reports whether the words that end at token k say that
// the name after them is who did it: "believed to be", "thought to be
// members of", with "the" already passed over.
func believedToBe(toks []text.Token, k int) bool {
	if k >= 2 && toks[k].Norm == "of" && memberWords.Has(toks[k-1].Norm) {
		k -= 2 // "members of"
	}
	return k >= 2 && toks[k].Norm == "be" && toks[k-1].Norm == "to" && beliefVerbs.Has(toks[k-2].Norm)
}

// blamedAfter reports whether the words from token b on blame the name
// before them: "X is suspected", "X suspected as perpetrators", "X
// involvement suspected", "X are blamed".
func blamedAfter(toks []text.Token, b int) bool {
	for k := b; k < len(toks) && k < b+3; k++ {
		switch toks[k].Norm {
		case "suspected", "blamed":
			return true
		case "is", "are", "was", "were", "involvement", "strongly", "also", "being":
			continue
		}
		return false
	}
	return false
}

// backgroundPerfects, habitWords, manyWords and recordNouns are the words
// of a sentence of background (background).
var (
	backgroundPerfects = grammarList("backgroundPerfects")
	habitWords         = grammarList("habitWords")
	manyWords          = grammarList("manyWords")
	recordNouns        = grammarList("recordNouns")
)

// background reports whether sentence si tells the setting of the news
// rather than an event of it: what a region or group has lived through or
// done ("the region has seen a surge of violence by X", "the area has
// been plagued by X"), a habit ("X frequently raids", "X is known for",
// "X, which operates in"), or a record of many events ("X has been
// blamed for several attacks"). A group named there is blamed for no one
// attack of the document.
func (d *docState) background(si int) bool {
	if d.setting(si) {
		return true
	}
	toks := d.sents[si].Tokens
	for k := range toks {
		t := &toks[k]
		if !markMany.has(t) {
			continue
		}
		for j := k + 1; j < len(toks) && j <= k+3; j++ {
			if recordNouns.Has(toks[j].Norm) {
				return true
			}
		}
	}
	return false
}

// setting reports whether sentence si tells a habit or a long state by
// its words: a habit word ("frequently", "known", "operates") or a
// perfect of living through ("has seen", "has long been plagued by").
func (d *docState) setting(si int) bool {
	toks := d.sents[si].Tokens
	for k := range toks {
		t := &toks[k]
		if markHabit.has(t) {
			return true
		}
		if t.Norm != "has" && t.Norm != "have" && t.Norm != "had" {
			continue
		}
		j := k + 1
		if j < len(toks) && (toks[j].Norm == "long" || toks[j].Norm == "also") {
			j++
		}
		if j < len(toks) && toks[j].Norm == "been" {
			j++
		}
		if j < len(toks) && backgroundPerfects.Has(toks[j].Norm) {
			return true
		}
	}
	return false
}
