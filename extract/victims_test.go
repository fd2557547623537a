package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestVagueVictims: people said to be hurt or killed with no figure, or
// said to be the target, are the victims of the attack the note tells of,
// in its sentence or the next; people denied, or hurt where no attack is
// told, are no one's victims. One row per shape.
func TestVagueVictims(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       string // a civilian target of the attack; "" for none
	}{
		{"a vague count in the next sentence",
			"A bomb exploded near a bus stop in Tembora. Many bystanders were injured.", "bystanders"},
		{"no count at all in the next sentence",
			"A bomb exploded near a bus stop in Tembora. Passengers were injured.", "passengers"},
		{"a vague count before the attack's clause",
			"Several traders were hurt when a bomb exploded at a market in Tembora.", "traders"},
		{"an adverb between the verb and the injury",
			"Gunmen fired on a bus near Kalumbo. Some passengers were seriously wounded.", "passengers"},
		{"a figure, read as before",
			"A bomb exploded near a bus stop in Tembora. Three bystanders were wounded.", "bystanders"},
		{"people believed to be the target",
			"An IED exploded near a clinic in Tembora. Aid workers were believed to be the target.", "workers"},
		{"people the target in a note's clipped style",
			"A bomb exploded near a bus stop in Tembora. Passengers presumed to have been the target.", "passengers"},
		{"a speaker before the target is no target",
			"A bomb exploded at a market in Tembora. Police said the target was a bank.", ""},
		{"people denied",
			"Gunmen attacked a police post in Tembora. No civilians were injured.", ""},
		{"people denied with none of",
			"Gunmen attacked a police post in Tembora. None of the residents were hurt.", ""},
		{"hurt with no attack told",
			"Several students were injured in a stampede at a school in Tembora.", ""},
	} {
		rec := extractOne(t, tc.text, "2024-05-12")
		var got []string
		for _, e := range rec.Events {
			if e.Type != EventAttack {
				continue
			}
			for _, r := range e.Targets {
				if r.Class == ClassCivilians {
					got = append(got, strings.ToLower(r.Name))
				}
			}
		}
		switch {
		case tc.want == "" && len(got) > 0:
			t.Errorf("%s: %q: civilian targets %v, want none", tc.name, tc.text, got)
		case tc.want != "" && !slices.Contains(got, tc.want):
			t.Errorf("%s: %q: targets %v, want %s among them", tc.name, tc.text, got, tc.want)
		}
	}
}
