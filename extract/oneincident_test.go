package extract

import (
	"slices"
	"testing"
)

// TestFoldIncidents: in a short note, an attack and an abduction by the
// same doers at the same time and place are one incident, the attack
// where it killed or wounded, the abduction where the attack hit no one
// but the captives; acts of other doers or days, or an attack on others
// that hurt no one, stay apart. An attack told with no doer and again
// with an unknown one is one. One row per shape.
func TestFoldIncidents(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string // the types of the attacks and abductions, in order
	}{
		{"an attack on the captives' vehicle is the means of the abduction",
			"Gunmen attacked a bus near Kalumbo and abducted four passengers.", []string{EventAbduction}},
		{"shots fired, then the abduction told in the next sentence",
			"Gunmen fired shots at a lorry in Tembora. The gunmen then abducted the driver.", []string{EventAbduction}},
		{"property burned beside the abduction",
			"Gunmen abducted a farmer in Tembora and burned his motorcycle.", []string{EventAbduction}},
		{"an attack that killed takes in the abduction",
			"Bandits stormed Tembora village on Friday, killed two herders and abducted three women.", []string{EventAttack}},
		{"other doers on another day stay apart",
			"Bandits abducted two traders in Tembora on 3 May. On 20 May, police attacked a bandit camp near Kalumbo.", []string{EventAbduction, EventAttack}},
		{"a raid on a village named after \"of\", an abduction and looting are one incident",
			"On 4 June, an armed gang attacked the village of Tembora in Kalumbo county. The gang abducted a shopkeeper. They also looted sheep from the area.", []string{EventAbduction}},
		{"an attack on others that hurt no one stays apart",
			"Gunmen attacked a police post in Kalumbo and abducted two teachers.", []string{EventAttack, EventAbduction}},
		{"an attack with no doer and its unknown doer told next are one",
			"A bomb exploded at a market in Tembora, killing two traders. A suicide bomber was suspected.", []string{EventAttack}},
		{"a named doer's act after a blast stays apart",
			"A bomb exploded at a market in Tembora. Police then beat traders at the market.", []string{EventAttack, EventAttack}},
		{"an unknown doer's act elsewhere stays apart",
			"A bomb exploded at a market in Tembora. Unknown gunmen shot a farmer in Kalumbo.", []string{EventAttack, EventAttack}},
	} {
		rec := extractOne(t, tc.text, "2024-05-12")
		var got []string
		for _, e := range rec.Events {
			if e.Type == EventAttack || e.Type == EventAbduction {
				got = append(got, e.Type)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q: events %v, want %v", tc.name, tc.text, got, tc.want)
		}
	}
}

// TestWoundedOnly: an attack whose only news is a count of wounded (no
// dead, no victim named by a verb of attack) is an event with that toll.
func TestWoundedOnly(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Two soldiers were hurt in an ambush near Kalumbo.", 2},
		{"A grenade attack in Tembora hurt five people.", 5},
	} {
		rec := extractOne(t, tc.text, "2024-05-12")
		var got []int
		for _, e := range rec.Events {
			if e.Type == EventAttack && e.Injured != nil {
				got = append(got, *e.Injured)
			}
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%q: injured %v, want one attack with %d", tc.text, got, tc.want)
		}
	}
}
