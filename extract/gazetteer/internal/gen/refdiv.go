package main

import (
	"encoding/json"
	"fmt"
	"log"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/gazetteer/internal/norm"
)

// Divisions from national reference packages.
//
// GeoNames' second-level table (loadTowns) leaves gaps where a country's
// divisions were redrawn after it was compiled or where it files them at
// another level: India's districts split since 2011, Nigeria's local
// government areas (LGAs) named differently, the Philippines'
// municipalities (its third level, which the table lacks). Each package
// below lists the current divisions with the first-level division they
// belong to; every division the gazetteer does not know yet becomes an
// entry of population 0 in that region, under the guards of the other
// added entries (addable) and two more: a name made of words of the word
// list only ("General Santos", "President Roxas") is a person's name or
// phrase as much as a place, and a name that another country's added
// entry holds stays that entry's (refDivisions).

// Pinned reference packages; SOURCES.md names the same ones.
const (
	pkgNigeriaLGAs    = "nigerian-states-and-lgas-1.0.8" // ISC
	pkgPhilippines    = "philippines-1.0.0"              // MIT
	pkgIndiaDistricts = "india-state-district-1.0.5"     // MIT (package.json), Apache-2.0 (LICENSE)
)

// refDiv is one division of a reference package: its name, country,
// region ID and feature code.
type refDiv struct {
	name, country, region, feature string
}

// refParen is a parenthesized remark in a package's name ("Pinamungajan
// (Capital)"): not part of the name a text writes.
var refParen = regexp.MustCompile(`\s*\([^)]*\)`)

// refDivisions returns the entries to add for the divisions of the
// reference packages that the gazetteer lacks. A name that an added entry
// of another country already holds (in taken: normalized name → its
// countries) is left to it: the earlier sources' entries have
// coordinates, these have none.
func (g *gen) refDivisions(known map[string]bool, taken map[string]map[string]bool) []cand {
	var divs []refDiv
	divs = append(divs, g.nigeriaLGAs()...)
	divs = append(divs, g.indiaDistricts()...)
	divs = append(divs, g.philippineMunicipalities()...)
	var out []cand
	seen := map[string]bool{}
	for _, d := range divs {
		name := g.refName(d.name)
		k := norm.Normalize(name)
		if seen[d.country+"\t"+k] || !g.addableIn(name, d.country, known) || g.allListed(name) || personLike(name) || g.givenNameFirst(name, known) {
			continue
		}
		if other := taken[k]; len(other) > 0 && !other[d.country] {
			continue
		}
		seen[d.country+"\t"+k] = true
		r := &rec{ID: fmt.Sprintf("r%s-%s", strings.ToLower(d.country), slug(name)), Name: name,
			Country: d.country, Region: d.region, Feature: d.feature}
		out = append(out, cand{r, []string{k}})
	}
	return out
}

// refName returns the name a text writes for a package's division name:
// without a parenthesized remark or an administrative word ("Bende Local
// Government Area" → "Bende").
func (g *gen) refName(name string) string {
	name = strings.TrimSpace(refParen.ReplaceAllString(cleanField(name), ""))
	for _, suf := range admin2Suffix {
		if n := len(name) - len(suf); n > 0 && strings.EqualFold(name[n:], suf) {
			name = name[:n] // "Shahdara district" too
		}
	}
	return name
}

// personTitles are the words that open a person's name and, in the
// Philippines and Mindanao above all, the names of municipalities named
// after one ("President Roxas", "Datu Piang", "Sultan Kudarat"): the same
// words in a text name the person as often as the place, so such a
// division is left out (a big one, a town of GeoNames, is kept there).
var personTitles = map[string]bool{
	"president": true, "senator": true, "governor": true, "general": true, "mayor": true, "don": true,
	"doña": true, "datu": true, "sultan": true, "hadji": true, "shariff": true, "rajah": true, "sheikh": true,
}

// givenNameFirst reports whether a name of several words opens with a
// capitalized word of the word list that names no place of the gazetteer
// ("Salvador Benedicto", "Alfonso Lista": a given name and a surname),
// unlike a place and a qualifier ("Kanpur Nagar").
func (g *gen) givenNameFirst(name string, known map[string]bool) bool {
	ws := strings.Fields(norm.Normalize(name))
	return len(ws) > 1 && g.proper[ws[0]] && !known[ws[0]]
}

// personLike reports whether a division name reads as a person's name:
// opened by a title (personTitles), or holding an initial or a
// generational suffix ("Leon B. Postigo", "Sergio Osmeña Sr."), or
// a word run together from two (a lower-case letter before a capital:
// "SathyaYSR", a package's typing slip).
func personLike(name string) bool {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return false
	}
	if personTitles[strings.ToLower(ws[0])] {
		return true
	}
	for _, w := range ws[1:] {
		if w == "Sr." || w == "Jr." || (utf8.RuneCountInString(w) == 2 && strings.HasSuffix(w, ".")) {
			return true
		}
	}
	for _, w := range ws {
		prev := ' '
		for _, r := range w {
			if unicode.IsLower(prev) && unicode.IsUpper(r) {
				return true
			}
			prev = r
		}
	}
	return false
}

// allListed reports whether a name of several words is made of words of
// the word list only, ordinary or capitalized ("General Santos", "Jose
// Panganiban"): such a name is as likely a person's as a place's.
func (g *gen) allListed(name string) bool {
	ws := strings.Fields(norm.Normalize(name))
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		if !g.common[w] && !g.proper[w] {
			return false
		}
	}
	return true
}

// regionsByName maps the normalized names of a country's regions (the
// regions' names and aliases, and their names with "/" or "-" read as a
// space: "Elgeyo/Marakwet", "Elgeyo-Marakwet") to their region IDs.
func (g *gen) regionsByName(cc string) map[string]string {
	out := map[string]string{}
	for id, r := range g.regions {
		if r.Country != cc {
			continue
		}
		for _, n := range append([]string{r.Name}, r.Aliases...) {
			out[norm.Normalize(n)] = id
			out[norm.Normalize(strings.NewReplacer("/", " ", "-", " ").Replace(n))] = id
		}
	}
	return out
}

// regionOf returns the region ID of a package's parent division, found by
// name or by ISO code, and stops the generator when there is none (a new
// package version that renames a state must be looked at).
func (g *gen) regionOf(pkg, cc, parent string, byName map[string]string) string {
	if id, ok := byName[norm.Normalize(parent)]; ok {
		return id
	}
	if g.regions[parent] != nil {
		return parent
	}
	log.Fatalf("%s: unknown region %q of %s", pkg, parent, cc)
	return ""
}

// nglStateFix are the package's misspellings of state names.
var nglStateFix = map[string]string{"Kastina": "Katsina"}

// nglState and nglLGA are the lines of the package's src/states.ts that
// open a state (`state: "Abia",`) and name one of its LGAs (`"Bende",`).
var (
	nglState = regexp.MustCompile(`^\s*state:\s*"([^"]+)"`)
	nglLGA   = regexp.MustCompile(`^\s*"([^"]+)",?\s*$`)
)

// nigeriaLGAs returns Nigeria's 774 local government areas (second
// level) with their states, from nigerian-states-and-lgas.
func (g *gen) nigeriaLGAs() []refDiv {
	src := readTgz(pkgNigeriaLGAs, "package/src/states.ts")["package/src/states.ts"]
	byName := g.regionsByName("NG")
	var out []refDiv
	region := ""
	for _, line := range strings.Split(string(src), "\n") {
		if m := nglState.FindStringSubmatch(line); m != nil {
			state := m[1]
			if fix, ok := nglStateFix[state]; ok {
				state = fix
			}
			region = g.regionOf(pkgNigeriaLGAs, "NG", state, byName)
			continue
		}
		if m := nglLGA.FindStringSubmatch(line); m != nil && region != "" {
			out = append(out, refDiv{m[1], "NG", region, "ADM2"})
		}
	}
	return out
}

// isdStateFix are the package's state codes that differ from ISO 3166-2
// (Telangana is IN-TS).
var isdStateFix = map[string]string{"TG": "TS"}

// indiaDistricts returns India's districts (second level) with their
// states and union territories, from india-state-district
// (dist/data/data.json: state code → district names).
func (g *gen) indiaDistricts() []refDiv {
	src := readTgz(pkgIndiaDistricts, "package/dist/data/data.json")["package/dist/data/data.json"]
	var data map[string][]string
	if err := json.Unmarshal(src, &data); err != nil {
		log.Fatalf("%s: %v", pkgIndiaDistricts, err)
	}
	codes := make([]string, 0, len(data))
	for code := range data {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	byName := g.regionsByName("IN")
	var out []refDiv
	for _, code := range codes {
		iso := code
		if fix, ok := isdStateFix[code]; ok {
			iso = fix
		}
		region := g.regionOf(pkgIndiaDistricts, "IN", "IN-"+iso, byName)
		for _, d := range data[code] {
			out = append(out, refDiv{d, "IN", region, "ADM2"})
		}
	}
	return out
}

// phRegionISO gives the ISO 3166-2 code of the Philippine regions that
// the package keys by name rather than by number.
var phRegionISO = map[string]string{"NCR": "PH-00", "ARMM": "PH-14", "CAR": "PH-15", "IV-A": "PH-40", "IV-B": "PH-41"}

// romanValue is the value of the Roman numerals of region keys (I–XIII).
var romanValue = map[byte]int{'I': 1, 'V': 5, 'X': 10}

// phRegion returns the ISO code of a region key of the package: its own
// code, or "PH-" and the two digits of its Roman number ("XII" → PH-12).
func phRegion(key string) string {
	if iso, ok := phRegionISO[key]; ok {
		return iso
	}
	n := 0
	for i := 0; i < len(key); i++ {
		v := romanValue[key[i]]
		if v == 0 {
			return ""
		}
		if i+1 < len(key) && romanValue[key[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	return fmt.Sprintf("PH-%02d", n)
}

// philippineMunicipalities returns the Philippines' provinces (second
// level) and cities and municipalities (third), each in its region, from
// philippines (provinces.json, cities.json).
func (g *gen) philippineMunicipalities() []refDiv {
	files := readTgz(pkgPhilippines, "package/provinces.json", "package/cities.json")
	var provinces []struct{ Name, Region, Key string }
	var cities []struct{ Name, Province string }
	if err := json.Unmarshal(files["package/provinces.json"], &provinces); err != nil {
		log.Fatalf("%s: %v", pkgPhilippines, err)
	}
	if err := json.Unmarshal(files["package/cities.json"], &cities); err != nil {
		log.Fatalf("%s: %v", pkgPhilippines, err)
	}
	byName := g.regionsByName("PH")
	regionOfProv := map[string]string{}
	var out []refDiv
	for _, p := range provinces {
		region := g.regionOf(pkgPhilippines, "PH", phRegion(p.Region), byName)
		regionOfProv[p.Key] = region
		out = append(out, refDiv{p.Name, "PH", region, "ADM2"})
	}
	for _, c := range cities {
		region, ok := regionOfProv[c.Province]
		if !ok {
			log.Fatalf("%s: %q: unknown province %q", pkgPhilippines, c.Name, c.Province)
		}
		out = append(out, refDiv{c.Name, "PH", region, "ADM3"})
	}
	return out
}
