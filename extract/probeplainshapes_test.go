package extract

import (
	"slices"
	"testing"
)

// probePlainShapes hold one row per plain sentence shape that made a
// false event or took the wrong doer, target or place, with rows beside
// them that must stay as they are: attacks is the number of attack events
// the document gives; actor a doer one of them names ("-": none; "": not
// asked), target a target one of them names ("": not asked) and place a
// place one of them lies in ("": not asked). The texts are written for
// this test.
var probePlainShapes = []plainShape{
	// a verb of ceasing, in any form, before an act still to come
	// prevents it (prevented, haltForm)
	{"an attack stopped in the past tense never came",
		"Police stopped an attack on the mosque in Kano on Friday.", 0, "", "", ""},
	{"raids halted before any came",
		"Soldiers halted any raids on the villages near Kidal.", 0, "", "", ""},
	{"the attack that was stopped took place, by someone else",
		"Police stopped the attack on the mosque in Kano on Friday.", 1, "-", "", ""},
	{"the attack troops halted took place, by someone else",
		"Troops halted the attack on the base near Kidal on Monday.", 1, "-", "", ""},
	// a verb of ceasing before a bare verb is the open compound "cease
	// fire" (openCompound)
	{"a cease fire without a hyphen agreed to: no fire",
		"The rebels and the army agreed to cease fire in Goma on Monday.", 0, "", "", ""},
	{"fire ceased without a hyphen: no fire",
		"The two militias ceased fire near Kidal on Monday.", 0, "", "", ""},
	{"fire opened on a crowd stays an attack",
		"Troops opened fire on protesters in Goma on Monday.", 1, "", "", ""},
	// some of the people an "of" phrase names are hit, though a thing
	// hit is described after them (PartitiveOf in the victims)
	{"some of the passengers on a bus wounded",
		"Gunmen wounded some of the passengers on a bus near Jos on Tuesday.", 1, "unidentified gunmen", "passengers", ""},
	{"each of the herders at a camp shot",
		"Bandits shot each of the herders at a camp near Jos on Tuesday.", 1, "", "herders", ""},
	{"two of the passengers on a bus wounded, as before",
		"Gunmen wounded two of the passengers on a bus near Jos on Tuesday.", 1, "unidentified gunmen", "passengers", ""},
	// a country's whole name is the country, not a capital that has it as
	// an alias (countryNamesake)
	{"a country named by its whole name",
		"A bomb exploded in Kuwait on Sunday, killing three people.", 1, "", "", "Kuwait"},
	{"its capital named by its own name stays the capital",
		"A bomb exploded in Kuwait City on Sunday, killing three people.", 1, "", "", "Kuwait City"},
	// an apposition that picks some of the subject's people leaves the
	// subject the doer (partOfThem)
	{"one of them a woman between commas",
		"Two suicide bombers, one of them a woman, blew themselves up at a mosque in Maiduguri on Friday.", 1, "unidentified bomber", "", ""},
	{"one a teenager between commas",
		"Three gunmen, one a teenager, attacked a bus near Jos on Monday.", 1, "unidentified gunmen", "", ""},
	{"one of them a woman among the victims",
		"A suicide bomber killed four people, one of them a woman, at a market in Maiduguri on Monday.", 1, "unidentified bomber", "", ""},
	// an irregular past participle opens a reduced clause whose "by"
	// phrase names the doer (verbs.tsv)
	{"a drone flown by a group",
		"A drone flown by the rebels struck a school in Gao on Monday.", 1, "unidentified rebels", "", ""},
	{"a drone operated by a group, as before",
		"A drone operated by the rebels struck a school in Gao on Monday.", 1, "unidentified rebels", "", ""},
	// a light verb and its event noun make one event, also where the
	// place is the doer's own country (compatible)
	{"a massacre staged in the army's own country",
		"The army staged a massacre in Mali on Monday.", 1, "Mali Armed Forces", "", ""},
	{"a siege staged in the army's own country",
		"The army staged a siege in Niger on Monday.", 1, "Niger Armed Forces", "", ""},
	{"a massacre staged in a town, as before",
		"The army staged a massacre in Niamey on Monday.", 1, "Niger Armed Forces", "", ""},
	{"a country's strike and another's attack on its soil stay two",
		"Mali struck a camp in Mali on Monday. Rebels attacked a base in Mali on Monday.", 2, "", "", ""},
}

// attackRoles returns the number of attack events of rec and the names of
// their doers, targets and places.
func attackRoles(rec *Record) (n int, actors, targets, places []string) {
	for _, e := range rec.Events {
		if e.Type != EventAttack {
			continue
		}
		n++
		actors = append(actors, refNames(e.Actors)...)
		targets = append(targets, refNames(e.Targets)...)
		places = append(places, refNames(e.Places)...)
	}
	return n, actors, targets, places
}

// plainShape is one row of a probe of sentence shapes: the number of
// attack events the text gives, a doer one of them names ("-": none; "":
// not asked), a target one of them names and a place one of them lies in
// ("": not asked).
type plainShape struct {
	name, text           string
	attacks              int
	actor, target, place string
}

func TestProbePlainShapes(t *testing.T) { checkPlainShapes(t, probePlainShapes) }

// checkPlainShapes extracts the text of each row and checks its attack
// events against the row.
func checkPlainShapes(t *testing.T, rows []plainShape) {
	ex := Default()
	for _, tt := range rows {
		t.Run(tt.name, func(t *testing.T) {
			n, actors, targets, places := attackRoles(extractSentence(t, ex, tt.text))
			if n != tt.attacks {
				t.Errorf("%q: %d attacks, want %d", tt.text, n, tt.attacks)
			}
			if tt.actor == "-" && len(actors) > 0 || tt.actor != "" && tt.actor != "-" && !slices.Contains(actors, tt.actor) {
				t.Errorf("%q: attack doers %v, want %q", tt.text, actors, tt.actor)
			}
			if tt.target != "" && !slices.Contains(targets, tt.target) {
				t.Errorf("%q: attack targets %v, want %q", tt.text, targets, tt.target)
			}
			if tt.place != "" && !slices.Contains(places, tt.place) {
				t.Errorf("%q: attack places %v, want %q", tt.text, places, tt.place)
			}
		})
	}
}

// TestHaltForm: the forms of a verb of ceasing that haltForm knows, and
// words that only look like one.
func TestHaltForm(t *testing.T) {
	for w, want := range map[string]string{
		"stop": "stop", "stopped": "stop", "stops": "stop", "stopping": "stop",
		"halted": "halt", "ceased": "cease", "ceasing": "cease", "ended": "end",
		"attacked": "", "send": "", "ends": "end", "stoppage": "",
	} {
		if got := haltForm(w); got != want {
			t.Errorf("haltForm(%q) = %q, want %q", w, got, want)
		}
	}
}
