package extract

import (
	"slices"
	"testing"
)

// probeDetect holds one row per shape in which news prose does or does
// not tell an attack by its trigger word: subtype is the kind of the
// attack the document's events must hold ("": no attack event). Positive
// rows tell hijackings, poisonings, named battles and attacks told after
// "after", real acts of force; negative rows use an attack word in a sense
// in which no one is armed (an illness, an animal, a contest of words or
// law, a fight against a thing, a game, a kind of act counted over time).
// The texts are written for this test.
var probeDetect = []struct {
	name, text, subtype string
}{
	// acts of force named by words the frames did not read
	{"a vehicle hijacked, no people said aboard", "Armed men hijacked a truck carrying food aid near Gao.", "hijacking"},
	{"one attack after 'after', the sentence's opening", "After a knife attack in Lorvac, police raised the alert.", "armed assault"},
	{"one attack after 'after', the sentence's end", "Police raised the alert after a bombing in Lorvac.", "bombing"},
	{"people poisoned, no doer named", "Three villagers were poisoned at a wedding in Tessit.", "poisoning"},
	{"a well poisoned, no people", "The well was poisoned last week.", ""},
	{"a named battle the tagger reads as a name", "The Battle of Mbarra in 1902 ended the revolt.", "armed clash"},
	{"a named siege", "The Siege of Kalvar lasted four months.", "armed assault"},
	// illnesses and animals
	{"a heart attack", "The mayor suffered a heart attack at home on Sunday.", ""},
	{"a panic attack", "The singer had a panic attack before the show.", ""},
	{"a shark attack", "A shark attack closed the beach near Durban.", ""},
	{"a germ as the subject", "The virus attacks the immune system of older patients.", ""},
	// contests of words, law or votes
	{"a legal battle", "The company faces a long legal battle with regulators in Brussels.", ""},
	{"a personal attack", "The senator called the remarks a personal attack and walked out.", ""},
	{"a charm offensive", "The minister began a charm offensive in Paris.", ""},
	// fights against things, not people
	{"a battle with an illness", "She lost her battle with cancer last year.", ""},
	{"a fight against a hardship", "The fight against corruption continues in the capital.", ""},
	{"an attack on an abstraction", "The bill is an attack on workers' rights, the union said.", ""},
	{"a verb with a bloodless object", "Firefighters battled the blaze for six hours.", ""},
	{"an attack on people a bloodless word qualifies", "Gunmen carried out an attack on rights activists in Goma on Monday.", "armed assault"},
	// games
	{"a score before the noun", "The team suffered a 6-0 massacre at home against Lyon.", ""},
	{"a word of games in the sentence", "The visitors attacked down the left until the goalkeeper saved.", ""},
	// a kind of act counted over time
	{"attacks in general, rising", "Attacks on journalists are rising across the region.", ""},
	{"attacks picked out, not a trend", "The attacks on the two villages killed nine people.", "armed assault"},
}

func TestProbeDetect(t *testing.T) {
	ex := Default()
	for _, tt := range probeDetect {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractSentence(t, ex, tt.text)
			var got []string
			for _, e := range rec.Events {
				if e.Type == EventAttack {
					got = append(got, e.Subtype)
				}
			}
			switch {
			case tt.subtype == "" && len(got) > 0:
				t.Errorf("%q: attacks %v, want none", tt.text, got)
			case tt.subtype != "" && !slices.Contains(got, tt.subtype):
				t.Errorf("%q: attacks %v, want one of kind %q", tt.text, got, tt.subtype)
			}
		})
	}
}
