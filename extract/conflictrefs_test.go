package extract

import "testing"

// conflictRefTests hold one row per way a sentence may speak of an armed
// conflict: the number of sentences the document's attack event cites
// (0: no event at all). The texts are written for this test.
var conflictRefTests = []struct {
	name, in string
	cited    int
}{
	{"definite conflict with its place, after the attack", "Rebels attacked a base near Aden on Monday. The war in Yemen entered its ninth year.", 2},
	{"definite conflict before the attack", "The war in Yemen entered its ninth year. Rebels attacked a base near Aden on Monday.", 2},
	{"conflict qualified by a demonym", "Rebels attacked a base near Aden on Monday. The Yemeni conflict entered its ninth year.", 2},
	{"bare conflict noun with its place", "Rebels attacked a base near Aden on Monday. Many fled violence in Aden.", 2},
	{"a conflict elsewhere", "Rebels attacked a base near Aden on Monday. The war in Ukraine entered its third year.", 1},
	{"a side of the conflict acts in the attack", "Russian jets bombed a market in Aleppo. Russia's war has lasted years.", 2},
	{"the war, with no place or side", "Rebels attacked a base near Aden on Monday. The war entered its ninth year.", 1},
	{"war in general", "Rebels attacked a base near Aden on Monday. Endless war helps no one.", 1},
	{"a supposed war", "Rebels attacked a base near Aden on Monday. A war with Iran would be a disaster.", 1},
	{"a war no attack belongs to starts no event", "The war in Yemen entered its ninth year.", 0},
}

func TestConflictRefs(t *testing.T) {
	ex := Default()
	for _, tt := range conflictRefTests {
		rec := extractSentence(t, ex, tt.in)
		got := 0
		for _, e := range rec.Events {
			if e.Type == EventAttack {
				got = max(got, len(e.Evidence))
			}
		}
		if got != tt.cited {
			t.Errorf("%s: %q: the attack cites %d sentences, want %d", tt.name, tt.in, got, tt.cited)
		}
	}
}
