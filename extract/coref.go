package extract

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
	for k := s; k >= 0 && k >= s-corefWindow; k-- {
		var best *mention
		for _, m := range d.ments[k] {
			if k == s && m.b > a || !ok(m.ent) {
				continue
			}
			if best == nil || m.a > best.a {
				best = m
			}
		}
		if best != nil {
			return best.ent
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
		for i, t := range toks {
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
