package extract

import (
	"strings"
	"testing"
)

// doerTests hold one row per clause shape that makes a name no list knows
// the doer of an attack: the actor wanted (its name and class; "" for no
// actor). The names are made up for this test.
var doerTests = []struct {
	name, in     string
	actor, class string
}{
	{"subject of an attack verb", "The Black Lotus Brigade attacked a police post in Kano.", "Black Lotus Brigade", ClassArmedGroup},
	{"agent of a passive attack verb", "A police post in Kano was attacked by the Silver Crescent Front.", "Silver Crescent Front", ClassArmedGroup},
	{"claim of responsibility", "The Silver Crescent Front accepted responsibility for the bombing of a market in Kano.", "Silver Crescent Front", ClassArmedGroup},
	{"passive claim", "The bombing of a market in Kano was claimed by the Silver Crescent Front.", "Silver Crescent Front", ClassArmedGroup},
	{"light verb with an event noun", "The Silver Crescent Front carried out the bombing of a market in Kano.", "Silver Crescent Front", ClassArmedGroup},
	{"possessor of an event noun", "The RDF's bombing of a market in Kano killed two traders.", "RDF", ClassArmedGroup},
	{"possessor of the doer", "The RDF's northern brigade bombed a market in Kano.", "RDF", ClassArmedGroup},
	{"the one blamed for an attack", "Police blamed the Silver Crescent Front for the bombing of a bus in Jos.", "Silver Crescent Front", ClassArmedGroup},
	{"a unit of a state's forces", "The Coastal Regiment shot four protesters in Kano.", "Coastal Regiment", ClassStateForce},
	{"a device is no doer", "An RCIED detonated near a police post in Kano.", "", ""},
	{"a weekday owns no event", "Saturday's bombing of a market in Kano killed two traders.", "", ""},
}

func TestDoers(t *testing.T) {
	ex := Default()
	for _, tt := range doerTests {
		rec := extractSentence(t, ex, tt.in)
		var found []string
		ok := false
		for _, e := range rec.Events {
			if e.Type != EventAttack {
				continue
			}
			found = append(found, eventRoles(e))
			if tt.actor == "" {
				ok = len(e.Actors) == 0
				continue
			}
			for _, a := range e.Actors {
				if a.Name == tt.actor && a.Class == tt.class {
					ok = true
				}
			}
		}
		if !ok {
			t.Errorf("%s: %q\nwant actor %q (%s)\ngot %s", tt.name, tt.in, tt.actor, tt.class, strings.Join(found, "; "))
		}
	}
}

// TestArgWordsLoad: the embedded argument word lists parse, and a list or
// class the loaders do not know is an error naming the line.
func TestArgWordsLoad(t *testing.T) {
	if _, err := parseArgWords(); err != nil {
		t.Fatal(err)
	}
	if len(doerUnits()) == 0 || !loadArgWords().device.Has("ied") {
		t.Fatal("argument word lists are empty")
	}
}
