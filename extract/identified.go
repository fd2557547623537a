package extract

import (
	"time"

	"github.com/newsgraph/newsgraph/extract/text"
)

// A lone attacker is often named only after the attack is told: "A
// gunman opened fire outside a synagogue… The gunman, identified as X,
// was arrested", "Police named the bomber as X", "The suspected attacker,
// X, 27,". The attack's doer is then that person, not the unnamed gunman
// of the lead.

// identifyVerbs name a person as who a described doer is: "identified
// as X", "named the bomber as X".
var identifyVerbs = grammarList("identifyVerbs")

// doerNoun reports whether w is the noun of one doer no name gives: a
// singular participant head of an armed attacker ("gunman", "bomber",
// "assailant") or of a person suspected ("suspect", "killer").
func doerNoun(w string) bool {
	h, ok := loadWordLists().heads[w]
	return ok && !h.plural && (h.class == ClassArmedGroup && h.kind != "needs-modifier" || h.class == ClassPerson)
}

// namedAsDoer reports whether the name that starts at token i is named
// "as" a described doer: "the gunman, identified as X", "the attacker was
// identified as X", "police identified the shooter as X", "the bomber,
// named by police as X".
func namedAsDoer(toks []text.Token, i int) bool {
	return doerNamedAs(toks, i) >= 0
}

// doerNamedAs returns the token of the doer's noun that the name at
// token i is named "as" (namedAsDoer), -1 where there is none. The
// noun, after "the" ("the gunman", "the suspected gunman": the doer told
// before, not "a gunman" of another story), and a verb of identifying
// (identifyVerbs) stand within eight words before "as", in one clause.
func doerNamedAs(toks []text.Token, i int) int {
	if i < 3 || toks[i-1].Norm != "as" {
		return -1
	}
	verb, noun := false, -1
	for k := i - 2; k >= 1 && k >= i-8; k-- {
		switch w := toks[k].Norm; {
		case identifyVerbs.Has(w):
			verb = true
		case doerNoun(w) && (isArticle(toks[k-1].Norm) || k > 1 && blameLeads.Has(toks[k-1].Norm) && isArticle(toks[k-2].Norm)):
			noun = k
		case w == "." || w == ";":
			return -1
		}
	}
	if !verb {
		return -1
	}
	return noun
}

// doerOfName returns the token of the doer's noun that the name at tokens
// [a, b) stands for, by apposition ("the suspected gunman, X,":
// describedBefore) or named "as" it (doerNamedAs); -1 where there is none.
func doerOfName(toks []text.Token, a, b int) int {
	if describedBefore(toks, a, b) && doerNoun(toks[a-2].Norm) {
		return a - 2
	}
	return doerNamedAs(toks, a)
}

// identifiedDoer returns the one person the document names as its
// attack's described doer (doerOfName), with the doer's noun as an alias;
// nil where it names none, or more than one.
func (d *docState) identifiedDoer() *entity {
	var out *entity
	for _, p := range d.persons {
		for _, m := range p.mentions {
			toks := d.sents[m.s].Tokens
			k := doerOfName(toks, m.a, m.b)
			if k < 0 {
				continue
			}
			if out != nil && out != p {
				return nil
			}
			out = p
			// the doer's noun names the person too: "the gunman"
			p.addAlias(d.surface(m.s, k-1, k+1))
		}
	}
	return out
}

// identifiedDoers gives the person the document names as its attack's
// doer (identifiedDoer) to the attacks that have no doer but unnamed
// ones or none at all, told before or where the person is named; an
// attack the report recalls from long before (recalled) is another's.
func (d *docState) identifiedDoers(events []*docEvent, pub time.Time) {
	p := d.identifiedDoer()
	if p == nil {
		return
	}
	first := p.mentions[0].s
	for _, e := range events {
		if e.f.typ != EventAttack || recalled(&e.f, pub) || e.frames[0].s > first {
			continue
		}
		if len(e.f.actors) == 0 && len(e.f.agents) == 0 || unidentifiedDoers(&e.f) {
			e.f.actors = []*entity{p}
		}
	}
}
