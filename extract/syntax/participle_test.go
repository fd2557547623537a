package syntax

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
)

// modifierTests hold one row per shape of a participle that describes the
// noun before it ("a bomber riding a motorcycle"): the noun is the
// participle's subject, and the participle with its object is skipped when
// the finite verb after it looks for its subject.
var modifierTests = []struct {
	name, in string
	want     []string
}{
	{"participle with an object before the main verb", "A gunman wielding a machete attacked a school.",
		[]string{"wield active participle subj=A gunman obj=a machete", "attack active subj=A gunman obj=a school"}},
	{"participle with a prepositional phrase", "Militants firing on a convoy killed two soldiers.",
		[]string{"fire active participle subj=Militants on:a convoy", "kill active subj=Militants obj=two soldiers"}},
}

func TestModifierParticiples(t *testing.T) {
	p := NewParser()
	for _, tt := range modifierTests {
		s := p.Parse(text.Tokenize(tt.in, 0))
		var got []string
		for i := range s.Clauses {
			got = append(got, s.ClauseString(&s.Clauses[i]))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: %q\ngot:\n%s\nwant:\n%s\ntags: %s", tt.name, tt.in, strings.Join(got, "\n"), strings.Join(tt.want, "\n"), s.TagString())
		}
	}
}

// duringTests hold one row per shape of an adverbial -ing clause after
// the clause it hangs on: only "while" and "when" tell what its subject
// was doing as that clause took place, and so where.
var duringTests = []struct {
	name, in, verb string
	want           bool
}{
	{"while and a bare -ing form", "Two guards were shot while patrolling near the dam.", "patrolling", true},
	{"when and a bare -ing form", "A trader was kidnapped when travelling through the pass.", "travelling", true},
	{"after: the clause is earlier, elsewhere", "The convoy was ambushed after leaving the base at Kora.", "leaving", false},
	{"while with a subject of its own: a contrast", "Rebels attacked the town while soldiers were fighting in the hills.", "fighting", false},
}

func TestDuring(t *testing.T) {
	p := NewParser()
	for _, tt := range duringTests {
		s := p.Parse(text.Tokenize(tt.in, 0))
		got := false
		for v, c := range s.Chunks {
			if c.Kind == VG && s.Toks[c.Head].Text == tt.verb {
				got = s.During(v)
			}
		}
		if got != tt.want {
			t.Errorf("%s: %q: During(%s) = %v, want %v\n%s", tt.name, tt.in, tt.verb, got, tt.want, s.String())
		}
	}
}
