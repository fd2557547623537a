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
