package extract

import (
	"slices"
	"testing"
)

// TestIdentifiedDoer: a person named later as the attack's described doer
// ("the gunman, identified as X", "police named the bomber as X", "the
// suspected attacker, X,") is its doer; a person named as a victim, a
// doer named with no verb of identifying, and "a gunman" of another
// story are not. One row per shape.
func TestIdentifiedDoer(t *testing.T) {
	const lead = "A gunman opened fire at a bus station in Tembora on Monday, killing three people, police said. "
	for _, tc := range []struct {
		name, text string
		want       string // the attack's doer
	}{
		{"apposition with identified as", lead + "The gunman, identified as Pieter Kaldor, 34, was arrested at the scene.", "Pieter Kaldor"},
		{"a passive of identifying", lead + "The gunman was identified as Pieter Kaldor, a 34-year-old mechanic.", "Pieter Kaldor"},
		{"an active verb of identifying with the doer as its object", lead + "Police identified the gunman as Pieter Kaldor, 34.", "Pieter Kaldor"},
		{"named by the police as", lead + "The attacker, named by police as Pieter Kaldor, was arrested.", "Pieter Kaldor"},
		{"the suspect named as", lead + "Prosecutors named the suspect as Pieter Kaldor, 34.", "Pieter Kaldor"},
		{"a bare apposition to the suspected doer", lead + "The suspected gunman, Pieter Kaldor, 34, was arrested.", "Pieter Kaldor"},
		{"a victim identified stays a victim", lead + "One of the dead was identified as Pieter Kaldor, 34.", "unidentified gunmen"},
		{"a doer described, not named", lead + "The gunman was described as a loner by neighbours.", "unidentified gunmen"},
	} {
		rec := extractOne(t, tc.text, "2024-05-13")
		var got []string
		for _, e := range rec.Events {
			if e.Type == EventAttack {
				for _, a := range e.Actors {
					got = append(got, a.Name)
				}
			}
		}
		if !slices.Contains(got, tc.want) {
			t.Errorf("%s: %q: doers %v, want %s", tc.name, tc.text, got, tc.want)
		}
	}
}
