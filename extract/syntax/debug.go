package syntax

import (
	"fmt"
	"strings"
)

// String renders the analysis in a compact bracketed form for tests and
// debugging: [NP an unidentified attacker] [VG hurled] …, then one line
// per clause: verb lemma, voice and roles.
func (s *Sentence) String() string {
	var b strings.Builder
	for k := 0; k < len(s.Toks); {
		if c := s.ChunkOf[k]; c >= 0 {
			ch := s.Chunks[c]
			kind := "NP"
			if ch.Kind == VG {
				kind = "VG"
			}
			fmt.Fprintf(&b, "[%s %s] ", kind, s.Text(c))
			k = ch.B
			continue
		}
		b.WriteString(s.Toks[k].Text + " ")
		k++
	}
	for _, cl := range s.Clauses {
		b.WriteString("\n" + s.ClauseString(&cl))
	}
	return b.String()
}

// ClauseString renders one clause: "hurl active subj=an unidentified
// attacker obj=a hand grenade along:Ngamia Road area".
func (s *Sentence) ClauseString(cl *Clause) string {
	v := s.Chunks[cl.Verb]
	var b strings.Builder
	b.WriteString(v.Lemma)
	switch {
	case v.Reduced:
		b.WriteString(" reduced")
	case v.Passive:
		b.WriteString(" passive")
	default:
		b.WriteString(" active")
	}
	if v.Neg {
		b.WriteString(" neg")
	}
	if v.Modal {
		b.WriteString(" modal")
	}
	if v.Participle {
		b.WriteString(" participle")
	}
	if v.Inf {
		b.WriteString(" inf")
	}
	role := func(name string, c int) {
		if c >= 0 {
			fmt.Fprintf(&b, " %s=%s", name, s.Text(c))
		}
	}
	role("subj", cl.Subj)
	role("obj", cl.Obj)
	role("agent", cl.Agent)
	for _, c := range cl.Preps {
		fmt.Fprintf(&b, " %s:%s", s.PrepOf(c), s.Text(c))
	}
	return b.String()
}

// TagString renders the tokens with their tags and lemmas: "hurled/VBD:hurl".
func (s *Sentence) TagString() string {
	var b strings.Builder
	for i, t := range s.Toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s/%s", t.Text, s.Tags[i])
		if s.Lemmas[i] != t.Norm {
			b.WriteString(":" + s.Lemmas[i])
		}
	}
	return b.String()
}
