package extract

import (
	"math"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/internal/gaznames"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/text"
	"github.com/newsgraph/newsgraph/schema"
)

// cand is one thing a phrase may name: a curated lexicon entry or a
// gazetteer entry (country, region, place), or a demonym of a country.
type cand struct {
	class    string
	key      string
	name     string
	country  string // ISO alpha-2
	wikidata string
	gaz      *gazetteer.Entry
	lex      *lexicon.Entry
	demonym  bool
	common   bool // the name is also an ordinary word
	// logPop is math.Log10 of the population of gaz, made once (gazCand)
	// for score, which weighs each reading of a name by it in each of
	// findNames' passes; 0 where the population is none
	logPop float64
	// id is schema.EntityID(key), made once (setKey) for the candidates
	// kept across documents (the lexicon's and the gazetteer's); "" for
	// those made per document
	id string
}

// popLog returns math.Log10 of the population of c's gazetteer entry,
// which must be more than 0: the logarithm gazCand made, or made now for
// a candidate that gazCand did not make.
func (c *cand) popLog() float64 {
	if c.logPop != 0 {
		return c.logPop
	}
	return math.Log10(float64(c.gaz.Population))
}

// setKey sets the key of c and its entity id, the key a part of the id's
// bytes: for the candidates kept across documents, whose entities then
// make no id of their own.
func (c *cand) setKey(key string) {
	c.id = schema.EntityID(key)
	c.key = c.id[len(c.id)-len(key):]
}

// resources are the matchers built once from the lexicon and gazetteer.
type resources struct {
	lex   *lexicon.Lexicon
	gaz   *gazetteer.Gazetteer
	vocab *lexicon.Vocab // the words of names, roles, triggers and weapons
	names *lexicon.Matcher[*cand]
	// translit finds the curated names and the regions in spellings no
	// list holds, by their transliteration key (lexicon.TranslitKey).
	translit *lexicon.Translit[*cand]
	roles    *lexicon.Matcher[*lexicon.Role]
	triggers *lexicon.Matcher[*lexicon.Trigger]
	weapons  *lexicon.Matcher[*lexicon.Weapon]
	// capitals maps a country code to the gazetteer entry of its capital.
	capitals map[string]*gazetteer.Entry
	// capitalCodes holds the capitals of the codes countryIndex places,
	// as capitals does (capitalOf)
	capitalCodes [countryCodes]*gazetteer.Entry
	// nationalForces maps a country code to the curated entry of its
	// armed forces ("Israeli forces" is the Israel Defense Forces).
	nationalForces map[string]*cand
	// gazCands holds gazCand(e) (a *cand) for each *gazetteer.Entry,
	// made on first use: candidates are never modified. demonymCands
	// holds the candidates of countries' demonyms by their value in the
	// compiled names table (gaznames.Value).
	gazCands, demonymCands sync.Map
	// countries maps the country codes the data uses (as written and in
	// lower case) to what countryEntity needs: the entity key and the
	// candidate of the country, nil if the gazetteer has none.
	countries map[string]countryRef
	// demonyms holds the normalised demonyms of the gazetteer's countries
	// (gazetteer.Normalize): the names IsDemonym accepts.
	demonyms map[string]bool
	// stopwords and givenNames are lex.Stopwords and lex.GivenNames.
	stopwords, givenNames wordSet
}

// countryRef is the entity key of a country code, its candidate and its
// name (gazetteer.Country(code).Name, "" if there is no such country).
type countryRef struct {
	key  string
	cand *cand
	name string
}

var (
	resOnce sync.Once
	res     *resources
)

func loadResources() *resources {
	resOnce.Do(func() { res = buildResources() })
	return res
}

func buildResources() *resources {
	// Most of what is built here is kept: collecting while it grows
	// finds little garbage and costs a command's start-up a fifth of
	// its CPU time.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	// The gazetteer's names are a trie compiled by go generate
	// (extract/internal/gaznames) and read in place; its words are the
	// first of the one vocabulary of the four matchers, so that a
	// sentence's words are numbered once for all of them
	// (docState.coded).
	table, err := gaznames.Open()
	if err != nil {
		panic("extract: " + err.Error())
	}
	v := lexicon.NewVocabOn(table)
	r := &resources{
		lex:            lexicon.Default(),
		gaz:            gazetteer.Default(),
		vocab:          v,
		translit:       lexicon.NewTranslit[*cand](),
		roles:          lexicon.NewMatcherIn[*lexicon.Role](v),
		triggers:       lexicon.NewMatcherIn[*lexicon.Trigger](v),
		weapons:        lexicon.NewMatcherIn[*lexicon.Weapon](v),
		capitals:       map[string]*gazetteer.Entry{},
		nationalForces: map[string]*cand{},
		demonyms:       map[string]bool{},
		countries:      map[string]countryRef{},
	}
	// the curated names come first, then the gazetteer's, in the table
	r.names = lexicon.NewMatcherOn(v, table, r.tableCand)
	keys, err := gaznames.Translit(gaznames.TranslitData)
	if err != nil {
		panic("extract: " + err.Error())
	}
	r.translit.Grow(2 * len(r.lex.Entries))
	r.stopwords, r.givenNames = newWordSet(r.lex.Stopwords), newWordSet(r.lex.GivenNames)
	for _, e := range r.lex.Entries {
		c := &cand{class: e.Class, name: e.Name, country: e.Country, wikidata: e.Wikidata, lex: e}
		c.setKey(classPrefix(e.Class) + e.Key)
		if e.Class == ClassStateForce && e.Country != "" {
			for _, a := range e.Aliases {
				if strings.HasSuffix(a, " army") || strings.HasSuffix(a, " military") {
					r.nationalForces[e.Country] = c
				}
			}
		}
		if e.Seat {
			// a seat's names only, spelled as listed: the body's own name
			// ("Government of Kenya") is read by findBodies
			for _, a := range e.Aliases {
				r.names.Add(a, c)
			}
			continue
		}
		r.names.Add(e.Name, c)
		for _, a := range e.Aliases {
			r.names.Add(a, c)
		}
		r.addCreedMembers(c, e)
		r.addTranslit(c, e.Name, e.Aliases)
	}
	// the transliteration keys of the countries' and regions' names,
	// compiled as addTranslit computes them for the curated names
	for _, k := range keys {
		r.translit.AddLazy(k.Key, uint32(k.Entry), r.entryCand)
	}
	// countries come first
	r.gaz.Each(func(e *gazetteer.Entry) bool {
		if e.Kind != gazetteer.KindCountry {
			return false
		}
		for _, d := range e.Demonyms {
			if k := gazetteer.Normalize(d); k != "" {
				r.demonyms[k] = true
			}
		}
		return true
	})
	// capitals: compiled ahead by gaznames.BuildCapitals
	caps, err := gaznames.Capitals(gaznames.CapitalsData)
	if err != nil {
		panic("extract: " + err.Error())
	}
	for _, c := range caps {
		r.capitals[c.Country] = r.gaz.At(c.Entry)
		if i := countryIndex(c.Country); i >= 0 {
			r.capitalCodes[i] = r.capitals[c.Country]
		}
	}
	codes := func(cc string) {
		for _, cc := range []string{cc, strings.ToLower(cc)} {
			if _, ok := r.countries[cc]; ok || cc == "" {
				continue
			}
			ref := countryRef{key: "country/" + strings.ToLower(cc)}
			if g := r.gaz.Country(cc); g != nil {
				ref.cand, ref.name = r.gazCand(g), g.Name
			}
			r.countries[cc] = ref
		}
	}
	for _, cc := range r.gaz.CountryCodes() {
		codes(cc)
	}
	for _, e := range r.lex.Entries {
		codes(e.Country)
	}
	for _, ro := range r.lex.Roles {
		for _, f := range ro.Forms {
			r.roles.Add(f, ro)
		}
	}
	for _, t := range r.lex.Triggers {
		r.triggers.Add(t.Form, t)
	}
	for _, w := range r.lex.Weapons {
		for _, f := range w.Forms {
			r.weapons.Add(f, w)
		}
	}
	return r
}

// creedMemberHeads are the nouns a group's adjective form qualifies to
// name its members: "Maoist guerrillas", "Naxalite cadres".
var creedMemberHeads = grammarList("creedMemberHeads")

// addCreedMembers names an armed group by the adjective form of its
// members' plural name: an alias of one word in -ists or -ites
// ("Maoists", "Naxalites") is, less its s, also the adjective ("Maoist",
// "Naxalite"), read as the group before a member noun ("Maoist
// insurgents"). The adjective alone is no name ("Maoist ideology"), nor
// is a singular the group already lists ("Houthi").
func (r *resources) addCreedMembers(c *cand, e *lexicon.Entry) {
	if e.Class != ClassArmedGroup {
		return
	}
	for _, a := range e.Aliases {
		if strings.ContainsAny(a, " =") || !strings.HasSuffix(a, "ists") && !strings.HasSuffix(a, "ites") {
			continue
		}
		adj := a[:len(a)-1]
		if slices.Contains(e.Aliases, adj) {
			continue
		}
		heads := creedMemberHeads.Words()
		slices.Sort(heads)
		for _, h := range heads {
			if !slices.Contains(e.Aliases, adj+" "+h) {
				r.names.Add(adj+" "+h, c)
			}
		}
	}
}

// isDemonym reports whether the token is a demonym of a country, as
// r.gaz.IsDemonym(t.Text) does. A token of plain ASCII (no character that
// gazetteer.Normalize turns into a space) normalises in the gazetteer as
// in package text, to t.Norm, so its demonyms need no second
// normalisation.
func (r *resources) isDemonym(t *text.Token) bool {
	for i := 0; i < len(t.Text); i++ {
		switch c := t.Text[i]; {
		case c >= utf8.RuneSelf, c == ' ', c == '-', c == '\'', c == '"', c == '`', c >= '\t' && c <= '\r':
			_, ok := r.gaz.IsDemonym(t.Text)
			return ok
		}
	}
	return t.Text != "" && r.demonyms[t.Norm]
}

// gazCand returns the candidate of a gazetteer entry, made once.
func (r *resources) gazCand(e *gazetteer.Entry) *cand {
	if c, ok := r.gazCands.Load(e); ok {
		return c.(*cand)
	}
	c, _ := r.gazCands.LoadOrStore(e, gazCand(e))
	return c.(*cand)
}

// entryCand returns the candidate of the i-th gazetteer entry.
func (r *resources) entryCand(i uint32) *cand { return r.gazCand(r.gaz.At(int(i))) }

// tableCand returns the candidate of a value of the compiled names table:
// a gazetteer entry's, or one of a country's demonyms (one candidate per
// demonym, made once).
func (r *resources) tableCand(v uint32) *cand {
	i, d := gaznames.Split(v)
	c := r.gazCand(r.gaz.At(i))
	if d == 0 {
		return c
	}
	if dc, ok := r.demonymCands.Load(v); ok {
		return dc.(*cand)
	}
	dc := *c
	dc.demonym = true
	// the country's name may be an ordinary word ("china", "turkey",
	// "chad"); its demonym is another word, read like every demonym
	// ("Chinese troops" opening a sentence)
	dc.common = false
	got, _ := r.demonymCands.LoadOrStore(v, &dc)
	return got.(*cand)
}

func gazCand(e *gazetteer.Entry) *cand {
	c := &cand{name: e.Name, country: e.Country, wikidata: e.Wikidata, gaz: e, common: e.Common}
	if e.Population > 0 {
		c.logPop = math.Log10(float64(e.Population))
	}
	switch e.Kind {
	case gazetteer.KindCountry:
		c.class = ClassCountry
		c.setKey("country/" + strings.ToLower(e.Country))
	case gazetteer.KindRegion:
		c.class = ClassRegion
		c.setKey("region/" + strings.ToLower(e.ID))
	default:
		c.class = ClassPlace
		c.setKey("place/" + strings.ToLower(e.ID))
	}
	if e.Kind != gazetteer.KindCountry {
		c.name = asciiName(e)
	}
	return c
}

// asciiName returns the spelling English news uses for a place whose
// reference name carries diacritics ("Rafaḩ" → "Rafah"), when the
// reference data lists it.
func asciiName(e *gazetteer.Entry) string {
	for i := 0; i < len(e.Name); i++ {
		if e.Name[i] >= 0x80 {
			n := text.Normalize(e.Name)
			for _, a := range e.Aliases {
				if isASCII(a) && text.Normalize(a) == n {
					return a
				}
			}
			if s := text.StripMarks(e.Name); isASCII(s) {
				return s
			}
			return e.Name
		}
	}
	return e.Name
}

// isASCII reports whether s is all ASCII bytes. It reads eight bytes at a
// time (the loads of one word combine into one): the extractor asks it of
// every sentence, twice.
func isASCII(s string) bool {
	for len(s) >= 8 {
		if !ascii8(s) {
			return false
		}
		s = s[8:]
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// ascii8 reports whether the first eight bytes of s (len(s) >= 8) are
// ASCII, read as one word.
func ascii8(s string) bool {
	w := s[:8]
	x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
	return x&0x8080808080808080 == 0
}

func classPrefix(class string) string {
	switch class {
	case ClassArmedGroup:
		return "group/"
	case ClassStateForce:
		return "force/"
	case ClassGovernment:
		return "gov/"
	case ClassPerson:
		return "person/"
	case ClassCivilians:
		return "civilians/"
	}
	return "org/"
}

// slug turns a name into an IRI-safe key part.
func slug(s string) string {
	// in stack buffers, byte by byte: every byte of a rune beyond ASCII
	// is no letter or digit, and a run of those is one dash
	var nb, sb [64]byte
	n := text.AppendNormalize(nb[:0], s)
	b := sb[:0]
	dash := false
	for _, c := range n {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b = append(b, c)
			dash = false
		} else if !dash && len(b) > 0 {
			b = append(b, '-')
			dash = true
		}
	}
	if len(b) > 0 && b[len(b)-1] == '-' {
		b = b[:len(b)-1]
	}
	return string(b)
}

// addTranslit indexes a curated name or region by the transliteration keys
// of its names, persons excepted (their spellings are resolved by their
// own keys, persons.go). The gazetteer's countries and regions are
// indexed the same way from keys compiled ahead (gaznames.BuildTranslit);
// places are left out: a town's name is too often another town's
// elsewhere.
func (r *resources) addTranslit(c *cand, name string, aliases []string) {
	if c.class == ClassPerson {
		return
	}
	seen := map[string]bool{}
	for _, n := range append([]string{name}, aliases...) {
		if strings.HasPrefix(n, "=") {
			continue // an exact-case acronym
		}
		if k, ok := lexicon.TranslitKey(n); ok && !seen[k] {
			seen[k] = true
			r.translit.AddKey(k, c)
		}
	}
}
