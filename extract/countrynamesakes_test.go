package extract

import "testing"

// countryNamesakeRows hold one row per way a text writes a name that is
// both a country's and a place's inside it (its capital, a province):
// the class the name's entity must take. The sentences are written for
// this test.
var countryNamesakeRows = []struct {
	name, in, entity, class string
}{
	{"a country whose capital shares its own name, bare", "Djibouti has hosted foreign naval bases for two decades, officials said.", "Djibouti", ClassCountry},
	{"the same name after in", "Gunmen attacked a border post in Djibouti on Monday, killing two soldiers.", "Djibouti", ClassCountry},
	{"the capital marked by a place word after it", "A bomb exploded in a cafe in Djibouti city on Monday, killing two people.", "Djibouti", ClassPlace},
	{"the capital marked by the port of", "A ship was attacked near the port of Djibouti on Monday.", "Djibouti", ClassPlace},
	{"the capital of the country names the country", "Protesters marched through the capital of Djibouti on Monday.", "Djibouti", ClassCountry},
	{"a city-state", "Singapore said on Monday it would send a medical team.", "Singapore", ClassCountry},
	{"a country whose capital takes its name as an alias", "Kuwait condemned the attack on Monday, its foreign ministry said.", "Kuwait", ClassCountry},
	{"a country whose capital and province take its name", "Panama said on Monday it had seized a ship carrying weapons.", "Panama", ClassCountry},
	{"a country whose capital takes its name, Central America", "Guatemala said on Monday it had closed its border.", "Guatemala", ClassCountry},
	{"a country whose capital and state take its name", "Mexico sent troops to the border on Monday, officials said.", "Mexico", ClassCountry},
	{"the capital by its own full name", "A bomb exploded in Kuwait City on Sunday, killing three people.", "Kuwait City", ClassPlace},
}

func TestCountryNamesakes(t *testing.T) {
	for _, tt := range countryNamesakeRows {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractOne(t, tt.in, "2024-03-04")
			e := entityByName(rec, tt.entity)
			if e == nil {
				t.Fatalf("%q: no entity %q; entities %v", tt.in, tt.entity, entityList(rec))
			}
			if e.Class != tt.class {
				t.Errorf("%q: %s is a %s, want %s", tt.in, tt.entity, e.Class, tt.class)
			}
		})
	}
}

// divisionOfRows hold one row per shape "X <unit> of Y", where Y is the
// division the unit lies in and decides the country of the event placed
// there: the country wanted. The sentences are written for this test.
var divisionOfRows = []struct {
	name, in, country string
}{
	{"a district of a region whose name a town abroad shares", "Gunmen killed three traders in Garbaharey district of Gedo on Monday.", "Somalia"},
	{"a district of a region whose name is a common word", "Gunmen killed three traders in Dinsoor district of Bay on Monday.", "Somalia"},
	{"a people's adjective before the unit: the district itself", "Gunmen killed three traders in the Somali district of Luuq on Monday.", "Somalia"},
	{"a district of a region, the region's unit written", "Gunmen killed three traders in Garbaharey district of Gedo region on Monday.", "Somalia"},
}

func TestDivisionOf(t *testing.T) {
	for _, tt := range divisionOfRows {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractOne(t, tt.in, "2024-03-04")
			for _, e := range rec.Events {
				if e.Type == EventAttack && e.Country != nil && e.Country.Name == tt.country {
					return
				}
			}
			for _, e := range rec.Events {
				t.Logf("%s country %v places %v", e.Type, e.Country, refNames(e.Places))
			}
			t.Errorf("%q: no attack in %s", tt.in, tt.country)
		})
	}
}
