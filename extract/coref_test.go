package extract

import (
	"strings"
	"testing"
)

// pronounTests hold one row per subject pronoun of an attack or abduction
// clause that refers back to a doer named before: the type of the event
// the pronoun's clause gives, and its actor wanted. The sentences are
// written for this test.
var pronounTests = []struct {
	name, in, typ, actor string
}{
	{"'they' after a described armed group", "Armed bandits stormed a hotel in Kano on Monday. They kidnapped two guests.",
		EventAbduction, "unidentified bandits"},
	{"'he' after a person named", "Police named the suspect as Abdul Karim Musa. He shot two officers in Kano.",
		EventAttack, "Abdul Karim Musa"},
	{"'it' after a named group", "Al-Shabaab fighters ambushed a convoy near Gao. It later abducted two drivers.",
		EventAbduction, "Al-Shabaab"},
	{"'they' skips the people hit", "Gunmen ambushed soldiers near Gao. They abducted two drivers.",
		EventAbduction, "unidentified gunmen"},
}

func TestPronounDoers(t *testing.T) {
	ex := Default()
	for _, tt := range pronounTests {
		rec := extractSentence(t, ex, tt.in)
		var found []string
		ok := false
		for _, e := range rec.Events {
			found = append(found, eventRoles(e))
			for _, a := range e.Actors {
				if e.Type == tt.typ && a.Name == tt.actor {
					ok = true
				}
			}
		}
		if !ok {
			t.Errorf("%s: %q\nwant a %s by %q\ngot %s", tt.name, tt.in, tt.typ, tt.actor, strings.Join(found, "; "))
		}
	}
}
