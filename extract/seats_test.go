package extract

import (
	"context"
	"strings"
	"testing"
)

// seatTests hold one row per shape of a seat of government named for the
// body that sits there (data/seats.tsv), or of a body whose own name
// carries no country (data/organizations.tsv): the seat is that country's
// government body, never a town, and an event it speaks or acts in has
// the country as actor and the body as agent; named as where something
// happens, it is its building, a facility in its country. The sentences are written
// for this test.
var seatTests = []struct {
	name, in string
	seat     string // the seat's surface
	body     string // the body's key ("gov/us-government"), "" for no body
	actor    string // a country the document's events must have as actor, or ""
	building string // the key of the seat's building, a facility, or ""
}{
	{"a presidency's residence speaks", "The White House condemned the raid on the harbour of Port Selwyn on Tuesday.", "White House", "gov/us-government", "United States", ""},
	{"a presidency's fortress speaks", "The Kremlin condemned the arrest of the trawler crew on Monday.", "Kremlin", "gov/ru-government", "Russia", ""},
	{"a street of ministries is no town", "Whitehall officials declined to comment on the report.", "Whitehall", "gov/gb-government", "", ""},
	{"a prime minister's street", "Downing Street condemned the shooting in Carrow Vale.", "Downing Street", "gov/gb-government", "United Kingdom", ""},
	{"a ministry's building is the ministry", "The Pentagon condemned the seizure of the tanker Marisol Dawn.", "Pentagon", "gov/us-defence", "United States", ""},
	{"a foreign ministry's quay summons", "The Quai d'Orsay summoned the Italian ambassador on Friday.", "Quai d'Orsay", "gov/fr-mfa", "France", ""},
	{"a party compound speaks", "Zhongnanhai condemned the decision of the tribunal.", "Zhongnanhai", "gov/cn-government", "China", ""},
	{"a presidential villa speaks", "Aso Rock condemned the killing of the farmers on Sunday.", "Aso Rock", "gov/ng-government", "Nigeria", ""},
	{"a shared seat name in a document about its country", "State House condemned the attack on the police post, Kenya's interior minister said.", "State House", "gov/ke-government", "Kenya", ""},
	{"a shared seat name read by the country the document is about", "State House condemned the attack in Kabwe, Zambia's police said.", "State House", "gov/zm-government", "Zambia", ""},
	{"a shared seat name with no country is nothing", "State House condemned the attack on the police post.", "State House", "", "", ""},
	{"a short form in a document about its country", "Number 10 condemned the attack in Carrow Vale, Britain's police said.", "Number 10", "gov/gb-government", "United Kingdom", ""},
	{"a short form elsewhere is no office", "Number 10 on the list was a striker from Brazil.", "Number 10", "", "", ""},
	{"a palace spelled as a word, in a document about its country", "The Arg condemned the attack in Zaranj, Afghanistan's police said.", "Arg", "gov/af-government", "Afghanistan", ""},
	{"a seat where something happens is no body and no town", "Two bombs went off at the White House, the hoax message said.", "White House", "", "", "place/us-white-house"},
	{"a seat where people gather is no body", "Protesters gathered outside the Kremlin on Saturday.", "Kremlin", "", "", "place/ru-kremlin"},
	{"a body whose name carries no country speaks", "The State Department condemned the detention of the aid workers in Velmora.", "State Department", "gov/us-mfa", "United States", ""},
	{"a department's name after its country is no place", "The US Defense Department said two of its drones were lost over Kelso Bay.", "Defense Department", "gov/us-defence", "", ""},
	{"a seat speaks of what it did", "Zhongnanhai said on Monday it had recalled its ambassador from Lomavia.", "Zhongnanhai", "gov/cn-government", "China", ""},
	{"a statement from a seat is the body's", "A statement from the Elysee condemned the shelling of Tarvo.", "Elysee", "gov/fr-government", "France", ""},
}

func TestSeats(t *testing.T) {
	ex := Default()
	for _, tt := range seatTests {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := ex.Extract(context.Background(), Document{ID: "t", Text: tt.in, Published: "2024-03-04"})
			if err != nil {
				t.Fatal(err)
			}
			body, building := "", false
			for _, e := range rec.Entities {
				for _, m := range e.Mentions {
					if m.Text != tt.seat {
						continue
					}
					isBuilding := e.Class == ClassPlace && e.Type == "facility" && tt.building != "" && strings.HasSuffix(e.ID, "/"+tt.building)
					building = building || isBuilding
					if (e.Class == ClassPlace || e.Class == ClassRegion) && !isBuilding {
						t.Errorf("%q: %q is the place %s", tt.in, tt.seat, e.ID)
					}
					if e.Class == ClassGovernment {
						body = e.ID
					}
				}
			}
			if tt.building != "" && !building {
				t.Errorf("%q: %q is not the building %s", tt.in, tt.seat, tt.building)
			}
			if (body == "") != (tt.body == "") || tt.body != "" && !strings.HasSuffix(body, "/"+tt.body) {
				t.Errorf("%q: %q is %q, want %q", tt.in, tt.seat, body, tt.body)
			}
			if tt.actor == "" {
				return
			}
			var found []string
			for _, e := range rec.Events {
				found = append(found, eventRoles(e))
				if refWanted(e.Actors, tt.actor) {
					return
				}
			}
			t.Errorf("%q: want actor %q, got %s", tt.in, tt.actor, strings.Join(found, "; "))
		})
	}
}

// TestSeatIsItsBody checks that a seat and its body named by pattern are
// one node: "the Kremlin" and "the Russian government".
func TestSeatIsItsBody(t *testing.T) {
	rec, err := Default().Extract(context.Background(), Document{ID: "t", Text: "The Kremlin said on Monday the talks would go on. The Russian government denied the report.", Published: "2024-03-04"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range rec.Entities {
		if e.Class == ClassGovernment {
			got = append(got, e.ID)
			if len(e.Mentions) < 2 {
				t.Errorf("%s: mentions %v, want the seat's and the body's", e.ID, e.Mentions)
			}
		}
	}
	if len(got) != 1 || !strings.HasSuffix(got[0], "/gov/ru-government") {
		t.Errorf("government bodies %q, want the one of Russia", got)
	}
}
