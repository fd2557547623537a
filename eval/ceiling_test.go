package eval

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// TestFindCeilings counts a wrong place or country as out of reading's
// reach only where the note names no gold place (nor, for the country,
// the country), one row per shape of note.
func TestFindCeilings(t *testing.T) {
	country := "Kenya"
	gold := func(places ...string) DevGold {
		g := DevGold{Doc: "n", Type: "Attack", Country: &country, Places: DevPlaces{Plain: true}}
		for _, p := range places {
			g.Places.Names = append(g.Places.Names, DevName{Name: p})
		}
		return g
	}
	for _, tc := range []struct {
		name, text  string
		places      []string
		wrong       []string
		unnamedSlot []string // the slots counted as unnamed
	}{
		{"names a gold place", "Raiders torched huts in Kotola village.", []string{"Kotola", "Upper Dale"}, []string{"places", "country"}, nil},
		{"names the admin area", "Gunmen shot a trader in Upper Dale county.", []string{"Kotola", "Upper Dale"}, []string{"places"}, nil},
		{"names no place", "Raiders torched huts and fled.", []string{"Kotola"}, []string{"places", "country"}, []string{"places", "country"}},
		{"names the country only", "Kenyan police shot two suspects.", []string{"Kotola"}, []string{"places", "country"}, []string{"places"}},
		{"a place inside a longer word", "The Kotolan herders fled.", []string{"Kotola"}, []string{"places"}, []string{"places"}},
		{"accents and case", "Gunmen struck in KÓTOLA at dawn.", []string{"Kotola"}, []string{"places"}, nil},
		{"other slots are not counted", "Raiders fled.", []string{"Kotola"}, []string{"date", "killed"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := &DevReport{Slots: map[string]*Acc{"places": {Checked: 4, Correct: 2}, "country": {Checked: 4, Correct: 3}}}
			rep.Misses = []DevMiss{{Gold: gold(tc.places...), Event: &extract.Event{}, Wrong: tc.wrong}}
			rep.FindCeilings(map[string]string{"dir/n": tc.text})
			for _, k := range ceilingSlots {
				if got, want := rep.Ceilings[k].Unnamed, btoi(slices.Contains(tc.unnamedSlot, k)); got != want {
					t.Errorf("%s: unnamed %d, want %d", k, got, want)
				}
				if got, wrong := rep.Ceilings[k].Wrong, btoi(slices.Contains(tc.wrong, k)); got != wrong {
					t.Errorf("%s: wrong %d, want %d", k, got, wrong)
				}
				if want := float64(4-rep.Ceilings[k].Unnamed) / 4; rep.Ceilings[k].Reachable != want {
					t.Errorf("%s: reachable %.3f, want %.3f", k, rep.Ceilings[k].Reachable, want)
				}
			}
		})
	}
}

// TestWriteTextCeiling prints the ceiling lines below their slots only
// once measured, so that an unmeasured report prints what score.py does.
func TestWriteTextCeiling(t *testing.T) {
	rep := &DevReport{Slots: map[string]*Acc{}}
	for _, k := range DevSlots {
		rep.Slots[k] = &Acc{}
	}
	rep.Slots["places"] = &Acc{Checked: 4, Correct: 2, Accuracy: 0.5}
	var before bytes.Buffer
	if err := rep.WriteText(&before, 0); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(before.String(), "ceiling") {
		t.Errorf("ceiling printed before FindCeilings:\n%s", before.String())
	}
	rep.FindCeilings(nil)
	var after bytes.Buffer
	if err := rep.WriteText(&after, 0); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(after.String(), "  places: 2/4 = 0.500\n    ceiling: 0 of the 0 wrong") {
		t.Errorf("no ceiling line below the places slot:\n%s", after.String())
	}
}
