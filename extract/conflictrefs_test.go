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
	{"a war told by its place, no attack reported: an event of its own", "The war in Yemen entered its ninth year.", 1},
	{"a war that is the topic of talk starts no event", "Tensions rose over the war in Yemen.", 0},
	{"a trade war is no armed conflict", "Rebels attacked a base near Aden on Monday. The trade war with Oman hurt exports.", 1},
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

// conflictEventTests hold one row per way a war named by its sides makes
// an event of its own in a document that reports no attack: the event's
// actors, targets and places (nil: no event). The texts are written for
// this test.
var conflictEventTests = []struct {
	name, in                string
	actors, targets, places []string
	none                    bool
}{
	{name: "sides after between", in: "The war between Ethiopia and Eritrea lasted two years.", actors: []string{"Ethiopia", "Eritrea"}},
	{name: "a side waged on, its waging subject", in: "Bolivia declared war on Brazil and Argentina in June.", actors: []string{"Bolivia"}, targets: []string{"Brazil", "Argentina"}},
	{name: "possessive side with the side waged on", in: "Russia's war on Ukraine entered its third year.", actors: []string{"Russia"}, targets: []string{"Ukraine"}},
	{name: "armed group before the noun", in: "The Taliban insurgency has dragged on for twenty years.", actors: []string{"Taliban"}},
	{name: "possessive place with its sides", in: "Libya's civil war between the army and Haftar's forces went on.", places: []string{"Libya"}},
	{name: "a war named by its place alone, told", in: "Many families fled the conflict in Darfur last year.", places: []string{"Darfur"}},
	{name: "a war by its place, the topic of talk", in: "Diplomats argued over the conflict in Darfur on Monday.", none: true},
	{name: "a war by its place, the object of a modal verb", in: "The new president will escalate the war in Chad.", none: true},
	{name: "a trade war names no armed conflict", in: "The trade war between Brazil and Chile hurt farmers.", none: true},
	{name: "a price war names no armed conflict", in: "A price war with Kenya Airways hurt the airline.", none: true},
	{name: "a supposed war", in: "A war with Iran would be a disaster.", none: true},
	{name: "violence against a group is no war", in: "Violence against Hamas supporters grew.", none: true},
	{name: "a way of fighting is no war", in: "Russian drone warfare worries Ukraine.", none: true},
	{name: "a war no waging verb takes", in: "The talks went well, though a war between Chad and Sudan was feared.", none: true},
	{name: "a war a waging verb takes", in: "Uganda launched a war against Sudan in 2005.", actors: []string{"Uganda"}, targets: []string{"Sudan"}},
	{name: "the document reports an attack", in: "Rebels attacked a convoy in Goma on Monday. The war between Rwanda and Congo went on.", none: true},
}

func TestConflictEvents(t *testing.T) {
	ex := Default()
	for _, tt := range conflictEventTests {
		rec := extractSentence(t, ex, tt.in)
		var ev *Event
		for i, e := range rec.Events {
			if e.Subtype == "armed conflict" {
				ev = &rec.Events[i]
			}
		}
		if tt.none {
			if ev != nil {
				t.Errorf("%s: %q: an armed conflict event, want none", tt.name, tt.in)
			}
			continue
		}
		if ev == nil {
			t.Errorf("%s: %q: no armed conflict event", tt.name, tt.in)
			continue
		}
		if ev.Type != EventAttack || ev.Cameo != "190" {
			t.Errorf("%s: %q: type %s CAMEO %s, want Attack 190", tt.name, tt.in, ev.Type, ev.Cameo)
		}
		for _, c := range []struct {
			role string
			got  []Ref
			want []string
		}{{"actors", ev.Actors, tt.actors}, {"targets", ev.Targets, tt.targets}, {"places", ev.Places, tt.places}} {
			for _, w := range c.want {
				if !hasRefNamed(c.got, w) {
					t.Errorf("%s: %q: %s %v lack %s", tt.name, tt.in, c.role, c.got, w)
				}
			}
		}
	}
}

// hasRefNamed reports whether refs hold one named name.
func hasRefNamed(refs []Ref, name string) bool {
	for _, r := range refs {
		if r.Name == name {
			return true
		}
	}
	return false
}

// conflictBackTests hold one row per way a later phrase may refer back to
// a war made an event of its own: the sentences its event cites. The
// texts are written for this test.
var conflictBackTests = []struct {
	name, in string
	evident  int
}{
	{"the war after the war named", "The war between Chad and Sudan began in 2005. The war displaced thousands of families.", 2},
	{"this conflict after the war named", "The war between Chad and Sudan began in 2005. This conflict displaced thousands of families.", 2},
	{"the war before any war named", "The war was long. The war between Chad and Sudan began in 2005.", 1},
	{"a phrase after the noun says which war", "The war between Chad and Sudan began in 2005. The war on drugs is another matter.", 1},
}

func TestConflictBackRefs(t *testing.T) {
	ex := Default()
	for _, tt := range conflictBackTests {
		rec := extractSentence(t, ex, tt.in)
		got := -1
		for _, e := range rec.Events {
			if e.Subtype == "armed conflict" {
				got = len(e.Evidence)
			}
		}
		if got != tt.evident {
			t.Errorf("%s: %q: the armed conflict cites %d sentences, want %d (-1: no event)", tt.name, tt.in, got, tt.evident)
		}
	}
}
