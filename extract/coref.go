package extract

import "github.com/newsgraph/newsgraph/extract/text"

// Coreference for arguments: a definite description ("the gunmen", "the
// group", "the suspect") or an object pronoun ("him") that refers back to
// a participant named before fills the role with that participant. The
// resolver is simple and explainable: the most recent earlier mention of a
// compatible class (and number, for a person) within corefWindow
// sentences.

// corefWindow is how many sentences back a reference may reach.
const corefWindow = 3

// antecedentFor returns the entity a definite participant refers back to,
// or nil when it is not a reference (it says whose it is, or how many) or
// nothing compatible was named before it.
func (d *docState) antecedentFor(p participant) *entity {
	if !p.definite || p.affiliation != nil || p.community != "" || p.country != "" || p.count > 0 {
		return nil
	}
	switch p.class {
	case ClassArmedGroup:
		return d.recentMention(p.s, p.a, func(e *entity) bool { return e.class == ClassArmedGroup })
	case ClassPerson:
		if p.plural {
			return nil
		}
		return d.recentMention(p.s, p.a, func(e *entity) bool { return e.class == ClassPerson })
	}
	return nil
}

// recentMention returns the entity of the last mention before token a of
// sentence s, within corefWindow sentences, whose entity ok accepts.
func (d *docState) recentMention(s, a int, ok func(*entity) bool) *entity {
	if m := d.recentMentionOf(s, a, func(m *mention) bool { return ok(m.ent) }); m != nil {
		return m.ent
	}
	return nil
}

// recentMentionOf returns the last mention before token a of sentence s,
// within corefWindow sentences, that ok accepts.
func (d *docState) recentMentionOf(s, a int, ok func(*mention) bool) *mention {
	for k := s; k >= 0 && k >= s-corefWindow; k-- {
		var best *mention
		for _, m := range d.ments[k] {
			if k == s && m.b > a || !ok(m) {
				continue
			}
			if best == nil || m.a > best.a {
				best = m
			}
		}
		if best != nil {
			return best
		}
	}
	return nil
}

// relativeOf returns the mention of one person that holds mention m as
// the one it is kin of ("a brother of the minister Tom Brady", "the son
// to Senator Ruth Okafor"): a singular people phrase right before "of" or
// "to" and up to four words of title before m, none of them punctuation.
// The pronoun after it stands for the relative, whom the sentence speaks
// of ("… is recovering after he was shot"), not for the name that tells
// who they are; nil where no such phrase holds m.
func (d *docState) relativeOf(s int, m *mention, ok func(*mention) bool, skip func(*entity) bool) *mention {
	toks := d.sents[s].Tokens
	for _, o := range d.ments[s] {
		if o.b >= m.a || o.b+6 < m.a || !ok(o) || skip(o.ent) || !d.singularPeople(o) {
			continue
		}
		if w := toks[o.b].Norm; w != "of" && w != "to" {
			continue
		}
		words := true
		for k := o.b + 1; k < m.a; k++ {
			words = words && toks[k].Kind == text.Word
		}
		if words {
			return o
		}
	}
	return nil
}

// resolvePronouns adds a mention for each object pronoun "him" that
// refers back to a person named within corefWindow sentences. Subject
// pronouns are left to the event filler, which reads them with the
// speaker and the previous sentence's subject.
func (d *docState) resolvePronouns() {
	for si, s := range d.sents {
		if d.skip[si] {
			continue
		}
		toks := s.Tokens
		for i := range toks {
			t := &toks[i]
			if t.Norm != "him" || d.covered(si, i) {
				continue
			}
			e := d.recentMention(si, i, func(e *entity) bool { return e.class == ClassPerson })
			if e == nil {
				continue
			}
			d.addMention(d.newMention(mention{s: si, a: i, b: i + 1, ent: e}), "")
		}
	}
}

// pronounAntecedent returns the mention a subject pronoun at token k of
// sentence s refers back to: "they" the last armed group or state force,
// "he" and "she" the last person, unnamed armed participant or one
// civilian described ("a farmer"), "it" the
// last armed group; the doer of an attack spoken of last first, else the
// last such mention; nil for another word or when nothing compatible was
// named within corefWindow sentences. skip rejects entities the caller
// already gave another role (an attack's own target).
func (d *docState) pronounAntecedent(s, k int, skip func(*entity) bool) *mention {
	var ok func(*mention) bool
	switch d.sents[s].Tokens[k].Norm {
	case "they":
		ok = func(m *mention) bool { return m.ent.class == ClassArmedGroup || m.ent.class == ClassStateForce }
	case "he", "she":
		// a person, an unnamed attacker, or one civilian described ("a
		// journalist said he was kidnapped")
		ok = func(m *mention) bool {
			e := m.ent
			return e.class == ClassPerson || e.class == ClassArmedGroup && e.unidentified || e.class == ClassCivilians && d.singularPeople(m)
		}
	case "it":
		ok = func(m *mention) bool { return m.ent.class == ClassArmedGroup && !m.ent.unidentified }
	default:
		return nil
	}
	// the doer spoken of last is the most salient antecedent
	for i := len(d.doers) - 1; i >= 0 && d.doers[i].s >= s-corefWindow; i-- {
		if x := d.doers[i]; ok(x.m) && !skip(x.m.ent) {
			return x.m
		}
	}
	for j := s; j >= 0 && j >= s-corefWindow; j-- {
		var best *mention
		for _, m := range d.ments[j] {
			if j == s && m.b > k || !ok(m) || skip(m.ent) || d.diplomatModifier(j, m) {
				continue
			}
			if best == nil || m.a > best.a {
				best = m
			}
		}
		if best != nil {
			if o := d.relativeOf(j, best, ok, skip); o != nil {
				return o
			}
			return best
		}
	}
	return nil
}

// singularPeople reports whether mention m describes one person by a
// singular head noun of people ("a newspaper journalist", "a farmer").
func (d *docState) singularPeople(m *mention) bool {
	h, ok := loadWordLists().heads[d.sents[m.s].Tokens[m.b-1].Norm]
	return ok && h.class == ClassCivilians && !h.plural
}

// doerAt is the mention of an attack's or abduction's doer in sentence s.
type doerAt struct {
	s int
	m *mention
}

// noteDoers records the doers of the attack and abduction frames of one
// sentence, for pronounAntecedent: the mention of each actor, or of its
// agent for a force acting for its country, in the frame's sentence.
func (d *docState) noteDoers(frames []*frame) {
	for _, f := range frames {
		if f.typ != EventAttack && f.typ != EventAbduction || f.negated {
			continue
		}
		d.noteDoersOf(f.s, f.agents)
		d.noteDoersOf(f.s, f.actors)
	}
}

// noteDoersOf records, for noteDoers, the first mention in sentence s of
// each of ents.
func (d *docState) noteDoersOf(s int, ents []*entity) {
	for _, e := range ents {
		for _, m := range d.ments[s] {
			if m.ent == e {
				d.doers = append(d.doers, doerAt{s: s, m: m})
				break
			}
		}
	}
}
