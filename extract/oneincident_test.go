package extract

import (
	"slices"
	"testing"
)

// TestFoldIncidents: in a short note, an attack and an abduction by the
// same doers at the same time and place are one incident, the attack
// where it killed or wounded, the abduction where the attack hit no one
// but the captives; acts of other doers or days, or an attack on others
// that hurt no one, stay apart. One row per shape.
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
		{"an attack on others that hurt no one stays apart",
			"Gunmen attacked a police post in Kalumbo and abducted two teachers.", []string{EventAttack, EventAbduction}},
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
