package extract

import (
	"slices"
	"testing"
)

// communityPlaceTests are the shapes in which a people's name that is also
// a land's names the people (no place of the event) or the land.
var communityPlaceTests = []struct {
	name, text string
	places     []string // the first event's places
}{
	{"a list of peoples after between", "Fighting between Meru and Embu over grazing land left three dead.", nil},
	{"a list of peoples before their fighters", "Clashes between Meru and Embu herders left three dead.", nil},
	{"a people before its fighters", "Meru raiders attacked Embu farmers, killing two.", nil},
	{"peoples of another land", "Clashes between Amhara and Afar militias left five dead in Ethiopia.", []string{"Ethiopia"}},
	{"the people, then the land with its place word", "Meru youths attacked traders in Embu town.", []string{"Embu"}},
	{"lands after a place preposition", "Raiders struck Lokitela village in Meru and Embu.", []string{"Lokitela", "Meru", "Embu"}},
	{"a land after a place preposition", "Gunmen attacked a bus in Afar, killing two.", []string{"Afar Region"}},
}

func TestCommunityPlaces(t *testing.T) {
	for _, tt := range communityPlaceTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := firstEventPlaces(t, tt.text); !slices.Equal(got, tt.places) {
				t.Errorf("places %q, want %q", got, tt.places)
			}
		})
	}
}

// TestCommunityPlaceCountry checks that civilians named by a people whose
// name was read as a land's keep the people's country.
func TestCommunityPlaceCountry(t *testing.T) {
	rec := extractOne(t, "Unknown raiders shot one person in a village overnight. Meru herders fought back.", "2024-03-20")
	if len(rec.Events) == 0 || rec.Events[0].Country == nil || rec.Events[0].Country.Name != "Kenya" {
		t.Errorf("events %+v: want country Kenya", rec.Events)
	}
}
