package extract

import (
	"context"
	"strings"
	"testing"
)

// actorTests hold one row per sentence shape whose attacker or target is
// described rather than named, or read through syntax the event rules do
// not see. A want is an entity's name or alias, or "<Class>" for any
// entity of that class; "" is not checked. The sentences are written for this test.
var actorTests = []struct {
	name, in      string
	actor, target string
	noPlace       string // a name that must not be among the places
}{
	{"a kind of person is a civilian victim", "Gunmen abducted a cattle seller near Kandi on Monday.", "", "<Civilians>", ""},
	{"a child hurt", "A young boy was killed when a mine exploded near Mandera.", "", "<Civilians>", ""},
	{"a community's man is a civilian", "Unknown gunmen kidnapped a Fulani man in Kalale on Tuesday.", "<ArmedGroup>", "<Civilians>", ""},
	{"lower-case Arabic article", "Fighters of al Shabaab attacked a bus near Lamu.", "Al-Shabaab", "", ""},
	{"suspected group after a comma", "On 8 August 2021, suspected JNIM or IS Sahel abducted a herder near Banikoara.", "Jama'at Nasr al-Islam wal Muslimin", "<Civilians>", ""},
	{"an acronym that spells a word", "On 8 August 2021, suspected IS Sahel abducted a herder near Banikoara.", "Islamic State Sahel Province", "<Civilians>", ""},
	{"coordinated passive shares its agent", "In Garissa, a trader was shot and wounded by a police officer.", "<StateForce>", "<Civilians>", ""},
	{"members of a group", "Police shot dead two members of Boko Haram near Maiduguri.", "", "Boko Haram", ""},
	{"toll in another clause", "Three people were injured after a grenade was hurled at a shop in Mandera town.", "", "<Civilians>", ""},
	{"toll by a number alone", "In Wajir, 2 killed by raiders on Sunday.", "<ArmedGroup>", "<Civilians>", ""},
	{"clash between two communities", "Clashes between Rendille and Gabra over pasture near Marsabit.", "Rendille militia", "", ""},
	{"clash of two named clans", "A clash between the Abakuria and Abagusii clans left one dead in Migori.", "Abagusii militia", "", ""},
	{"coordinated clash subject", "Garre and Ajuran ethnic militias clash near Mandera.", "Garre militia", "", ""},
	{"a town's namesake as a side", "Clashes between Kikuyu and Kalenjin over land in Nakuru.", "Kikuyu militia", "", "Kikuyu"},
	{"suspects linked to a group", "Boko Haram-linked suspects threw a grenade at a bus in Maiduguri.", "Boko Haram", "", ""},
	{"a community's gang", "A trader was killed by a Chinkororo gang near Kisii.", "Chinkororo militia", "<Civilians>", ""},
	{"herders are also pastoralists", "Herders attacked a farm near Kandi on Friday.", "pastoralists", "", ""},
	{"a local official as victim", "Gunmen kidnapped the mayor of Banikoara on Sunday.", "<ArmedGroup>", "<Civilians>", ""},
	{"people counted by nationality", "Ethiopian militiamen abducted 12 Kenyans near Moyale.", "", "<Civilians>", ""},
	{"people counted by community", "Soldiers beat two Fulani in Guene on Friday.", "", "<Civilians>", ""},
	{"a device planted by a named group", "On 2 May 2021, a police officer was killed when his car hit a Boko Haram-planted IED near Dikwa.", "Boko Haram", "", ""},
	{"coordinated passive after an adverb", "A driver was abducted and later killed by Boko Haram fighters near Dikwa.", "Boko Haram", "<Civilians>", ""},
	{"a possessive refers back to the subject", "Seven Boko Haram fighters were killed following their attacks on army posts near Dikwa.", "Boko Haram", "", ""},
	{"coordinated subjects both act", "On 3 May, Borana and Gabra raiders exchanged gunfire near Moyale.", "<ArmedGroup>", "", ""},
	{"a bare venue as the object of a target verb", "The blast targeted a bakery on a busy street of Lyon.", "", "bakery", ""},
	{"a bare venue as the object of an attack verb", "Gunmen attacked a church on Sunday morning.", "<ArmedGroup>", "church", ""},
	{"the subject of 'took part in' an attack is its doer", "Boko Haram fighters took part in the raid on a police post near Dikwa.", "Boko Haram", "", ""},
	{"the subject of 'were involved in' an attack is its doer", "Investigators said Ansaru fighters were involved in the bombing of a church in Kaduna.", "<ArmedGroup>", "", ""},
	{"a demonym opening a sentence, of a country whose name is an ordinary word", "Chinese troops shelled a village in Vietnam on Monday.", "China", "", ""},
	{"a people's plural name is kept as its country's alias", "Witnesses said Russians shelled the village in 2022.", "Russians", "", ""},
	{"a named force's unit keeps its phrase as the force's alias", "A roadside bomb hit an AMISOM foot patrol near Afgoye on Monday.", "", "AMISOM foot patrol", ""},
	{"a named group's unit across a possessive", "Police said the LRA's Gulu brigade attacked two villages near Kitgum.", "LRA's Gulu brigade", "", ""},
	{"the venue where a bomb went off was hit", "A bomb exploded at the Ritz cafe in Mombasa on Friday, killing four people.", "", "Ritz cafe", ""},
	{"an unidentified person acts", "An unidentified person threw a grenade at a bus in Mombasa.", "<ArmedGroup>", "", ""},
	{"an unknown party's supporters act as its side", "KPU supporters beat up two traders during the Ruiru by-election.", "KPU", "<Civilians>", ""},
	{"an unknown party's members hold a captive", "A councillor was held captive by KPU members at a tallying centre in Ruiru.", "KPU", "", ""},
	{"an unknown group's members are hit", "Seven NLDF members were shot dead by police near Kitale.", "<StateForce>", "NLDF", ""},
	{"members of an unknown party named in full", "Members of the National Renewal Party attacked a candidate in Kalpa on Monday.", "National Renewal Party", "", ""},
	{"a hyphenated acronym is one name", "ZDU-NF supporters stabbed a voter in Harare on Monday.", "ZDU-NF", "", ""},
	{"an affiliation in a bracket after the participant", "Men armed with clubs (believed to be partisans of the National Renewal Party) attacked a candidate in Kalpa.", "National Renewal Party", "", ""},
	{"a party bloc spelled Block in a bracketed affiliation", "Men armed with clubs (believed to be partisans of the Civic Renewal Block) attacked a candidate in Kalpa.", "Civic Renewal Block", "", ""},
	{"a known group in a spelling no list holds, after 'thought to be'", "Two traders were seized from a shop in Dolo by gunmen thought to be Hisb ul-Islaamiyya.", "Hizbul Islam", "", ""},
	{"an acronym with its expansion in brackets", "Police said the NLF (Nyika Liberation Front) attacked a village near Kitale on Monday.", "NLF", "", ""},
	{"a later bare use of an acronym found by shape", "KPU supporters marched in Ruiru on Monday. Police later said KPU attacked a police post.", "<Organization>", "police post", ""},
}

func TestActorsAndTargets(t *testing.T) {
	ex := Default()
	for _, tt := range actorTests {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := ex.Extract(context.Background(), Document{ID: "t", Text: tt.in, Published: "2021-06-08"})
			if err != nil {
				t.Fatal(err)
			}
			var found []string
			for _, e := range rec.Events {
				found = append(found, eventRoles(e))
				if refWanted(append(e.Actors, e.Agents...), tt.actor) && refWanted(e.Targets, tt.target) && (tt.noPlace == "" || !refWanted(e.Places, tt.noPlace)) {
					return
				}
			}
			t.Errorf("%q: want actor %q target %q (no place %q)\ngot %s", tt.in, tt.actor, tt.target, tt.noPlace, strings.Join(found, "; "))
		})
	}
}

// refWanted reports whether refs hold want: a name, or "<Class>" for any
// entity of that class; "" is always held.
func refWanted(refs []Ref, want string) bool {
	if want == "" {
		return true
	}
	for _, r := range refs {
		if r.Name == want || "<"+r.Class+">" == want {
			return true
		}
		for _, a := range r.Aliases {
			if a == want {
				return true
			}
		}
	}
	return false
}

// TestUnnamedVenueIsLocal checks that a venue named by its kind alone and
// in no named town ("a bakery") is an entity of its document: two
// articles' bakeries are two things, one article's two mentions one.
func TestUnnamedVenueIsLocal(t *testing.T) {
	const text = "Gunmen attacked a bakery on Monday, witnesses said. The blast targeted a bakery, police said."
	id := func(doc string) []string {
		rec, err := Default().Extract(context.Background(), Document{ID: doc, Text: text, Published: "2024-03-04"})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, e := range rec.Entities {
			if e.Type == "facility" && strings.EqualFold(e.Name, "bakery") {
				ids = append(ids, e.ID)
			}
		}
		return ids
	}
	a, b := id("a.txt"), id("b.txt")
	if len(a) != 1 || len(b) != 1 {
		t.Fatalf("bakery entities: %q in a.txt, %q in b.txt; want one each", a, b)
	}
	if a[0] == b[0] {
		t.Errorf("two documents' unnamed bakeries share the entity %s", a[0])
	}
}

// homeForceTests hold one row per shape of a state force's act: at home
// the force is the actor, abroad its country is (the force its agent).
var homeForceTests = []struct {
	name, in, actor string
}{
	{"police at home act in their own name", "Ugandan police shot dead three robbers in Jinja on Monday.", "Uganda Police"},
	{"a force with no place named acts at home", "Ghanaian soldiers shot two smugglers on Friday.", "Ghana Armed Forces"},
	{"a force abroad acts for its country", "Ugandan troops shelled rebel camps in Ituri on Monday.", "Uganda"},
	{"a government at home acts in its own name", "The Malian government bombed villages near Gao on Monday.", "Government of Mali"},
	{"'the government' that attacks is that of the country attacked", "Fighting spread across Chad. The government shelled villages near Abeche, starving people until they fled.", "Government of Chad"},
}

func TestHomeForces(t *testing.T) {
	ex := Default()
rows:
	for _, tt := range homeForceTests {
		rec := extractSentence(t, ex, tt.in)
		var found []string
		for _, e := range rec.Events {
			found = append(found, eventRoles(e))
			if e.Type == EventAttack && refWanted(e.Actors, tt.actor) {
				continue rows
			}
		}
		t.Errorf("%s: %q: want actor %q\ngot %s", tt.name, tt.in, tt.actor, strings.Join(found, "; "))
	}
}

// TestNoCommunityFromPeopleWord: a word for people written with a capital
// (a caption in title case, a sentence's first word) is no community's
// name, so no "Protesters militia" is a side of the clash.
func TestNoCommunityFromPeopleWord(t *testing.T) {
	ex := Default()
	for _, in := range []string{
		"Slide 3 of 20 Open Gallery × Protesters clash with Zimbabwean police Next Slide Dozens were detained.",
		"Fans skirmish with riot police before the match in Lille on Friday.",
	} {
		rec := extractSentence(t, ex, in)
		for _, e := range rec.Events {
			for _, a := range e.Actors {
				if strings.HasSuffix(a.Name, " militia") {
					t.Errorf("%q: side %q, want none of a community", in, a.Name)
				}
			}
		}
	}
}

// placeNotPersonTests are names a given name would make persons that the
// document shows to be places: they must stay places, never act or be hit
// as persons. The sentences are written for this test.
var placeNotPersonTests = []struct{ name, in, place string }{
	{"after in, elsewhere in the text", "Militants attacked Abu Seif on Monday, killing five. Residents in Abu Seif said the attackers came from the desert.", "Abu Seif"},
	{"before a settlement word", "Omar Hadi village was attacked by gunmen on Monday.", "Omar Hadi"},
}

func TestPlaceNotPerson(t *testing.T) {
	for _, tt := range placeNotPersonTests {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractOne(t, tt.in, "2021-06-08")
			for _, e := range rec.Entities {
				if e.Name == tt.place && e.Class != ClassPlace {
					t.Errorf("%q is a %s, want a place", e.Name, e.Class)
				}
			}
			for _, ev := range rec.Events {
				if refWanted(append(ev.Actors, ev.Targets...), "<Person>") {
					t.Errorf("a person acts or is hit: %s", eventRoles(ev))
				}
			}
		})
	}
}
