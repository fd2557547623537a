package extract

import (
	"slices"
	"testing"
)

// probeConflictNouns hold one row per shape in which news prose names an
// attack or a war by a conflict noun or a verb of ceasing, without a
// report of the act itself: cites are the sentences that the document's
// attack events cite (nil: no attack event), and actor a doer one of them
// names ("-": none names a doer; "": not asked). Positive rows speak of acts
// that took place or went on; negative rows of acts still to come,
// prevented, or of war in general or in a figurative sense. The texts are
// written for this test.
var probeConflictNouns = []struct {
	name, text string
	cites      []int
	actor      string
}{
	// a verb of ceasing presupposes the act it takes (haltedAct)
	{"halting strikes on a town is required: the strikes went on",
		"The truce required that the air force halt its strikes on Marib. Talks resumed in Muscat on Friday.", []int{0}, ""},
	{"a militia obliged to stop shelling villages: the shelling went on",
		"The accord obliges the militia to stop shelling the villages near Kidal.", []int{0}, ""},
	{"a group required to halt attacks made them",
		"The accord required that Al-Shabaab halt attacks on the bases near Kismayo.", []int{0}, "Al-Shabaab"},
	{"a group told to cease its own raids made them",
		"The truce demanded that the Houthis cease their raids on the villages near Marib.", []int{0}, "Houthis"},
	{"troops who halted the attack fended it off: they did not make it",
		"Troops halted the attack on the base near Kidal.", []int{0}, "-"},
	{"a halt asked for as a noun: no act reported",
		"The envoy called for a halt to the shelling of Taiz.", nil, ""},
	{"a cease-fire agreed to: no fire reported",
		"The two militias agreed to cease-fire near Kidal on Monday.", nil, ""},
	{"raids still to come are stopped: none took place",
		"The accord aims to stop further raids on Kidal.", nil, ""},
	{"one attack stopped before it came: none took place",
		"The new unit exists to stop an attack on the dam near Mosul.", nil, ""},
	// "the war" refers back to the war named before it (citeBack)
	{"the war after the war named, an attack lying in it",
		"Militants shelled an outpost near Marib on Tuesday. The war in Yemen is now in its tenth year. The war has emptied whole towns.", []int{0, 1, 2}, ""},
	{"the war with no war named before it says nothing of which war",
		"Militants shelled an outpost near Marib on Tuesday. The war has emptied whole towns.", []int{0}, ""},
	{"the war after a war elsewhere is that war, not the attack's",
		"Militants shelled an outpost near Marib on Tuesday. The war in Sudan is in its third year. The war has emptied whole towns.", []int{0}, ""},
	{"a war in a figurative sense after the war named",
		"Militants shelled an outpost near Marib on Tuesday. The war in Yemen is now in its tenth year. The war on drugs is another matter.", []int{0, 1}, ""},
	// what is plotted or doubted is not reported as done
	{"attacks plotted, the plotters arrested",
		"The men were arrested on Monday for plotting attacks on churches in Kano.", nil, ""},
	{"an attack plotted",
		"Officers plotted an attack on the palace in Niamey.", nil, ""},
	{"an attack doubted between commas",
		"Unrest will grow, prompting, perhaps, an armed attack on the capital.", nil, ""},
	{"clashes doubted between commas",
		"Sanctions will bite, leading, perhaps, to clashes in Bamako.", nil, ""},
	// war and fighting in general, hypothetical or figurative
	{"a price war", "A price war hurt the airlines.", nil, ""},
	{"a strike that may come", "The army could strike at any time.", nil, ""},
	{"a fight against a social ill", "We must fight against poverty in the north.", nil, ""},
}

func TestProbeConflictNouns(t *testing.T) {
	ex := Default()
	for _, tt := range probeConflictNouns {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractSentence(t, ex, tt.text)
			var got []int
			for _, e := range rec.Events {
				if e.Type != EventAttack {
					continue
				}
				for _, ev := range e.Evidence {
					if !slices.Contains(got, ev.Sentence) {
						got = append(got, ev.Sentence)
					}
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.cites) {
				t.Errorf("%q: attacks cite sentences %v, want %v", tt.text, got, tt.cites)
			}
			var actors []string
			for _, e := range rec.Events {
				if e.Type == EventAttack {
					actors = append(actors, refNames(e.Actors)...)
				}
			}
			if tt.actor == "-" && len(actors) > 0 || tt.actor != "" && tt.actor != "-" && !slices.Contains(actors, tt.actor) {
				t.Errorf("%q: attack doers %v, want %q", tt.text, actors, tt.actor)
			}
		})
	}
}
