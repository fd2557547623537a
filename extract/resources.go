package extract

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/text"
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
	// nationalForces maps a country code to the curated entry of its
	// armed forces ("Israeli forces" is the Israel Defense Forces).
	nationalForces map[string]*cand
	// gazCands holds gazCand(e) for every gazetteer entry, made once:
	// candidates are never modified.
	gazCands map[*gazetteer.Entry]*cand
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
	// one vocabulary for the four matchers, so that a sentence's words
	// are numbered once for all of them (docState.coded)
	v := lexicon.NewVocab()
	r := &resources{
		lex:            lexicon.Default(),
		gaz:            gazetteer.Default(),
		vocab:          v,
		names:          lexicon.NewMatcherIn[*cand](v),
		translit:       lexicon.NewTranslit[*cand](),
		roles:          lexicon.NewMatcherIn[*lexicon.Role](v),
		triggers:       lexicon.NewMatcherIn[*lexicon.Trigger](v),
		weapons:        lexicon.NewMatcherIn[*lexicon.Weapon](v),
		capitals:       map[string]*gazetteer.Entry{},
		nationalForces: map[string]*cand{},
		gazCands:       map[*gazetteer.Entry]*cand{},
		demonyms:       map[string]bool{},
		countries:      map[string]countryRef{},
	}
	r.stopwords, r.givenNames = newWordSet(r.lex.Stopwords), newWordSet(r.lex.GivenNames)
	for _, e := range r.lex.Entries {
		c := &cand{class: e.Class, key: classPrefix(e.Class) + e.Key, name: e.Name, country: e.Country, wikidata: e.Wikidata, lex: e}
		if e.Class == ClassStateForce && e.Country != "" {
			for _, a := range e.Aliases {
				if strings.HasSuffix(a, " army") || strings.HasSuffix(a, " military") {
					r.nationalForces[e.Country] = c
				}
			}
		}
		r.names.Add(e.Name, c)
		for _, a := range e.Aliases {
			r.names.Add(a, c)
		}
		r.addTranslit(c, e.Name, e.Aliases)
	}
	r.gaz.Each(func(e *gazetteer.Entry) bool {
		c := gazCand(e)
		r.gazCands[e] = c
		r.names.Add(e.Name, c)
		for _, a := range e.Aliases {
			r.names.Add(a, c)
		}
		if e.Kind != gazetteer.KindPlace {
			r.addTranslit(c, e.Name, e.Aliases)
		}
		if e.Kind == gazetteer.KindCountry {
			for _, d := range e.Demonyms {
				if k := gazetteer.Normalize(d); k != "" {
					r.demonyms[k] = true
				}
				dc := *c
				dc.demonym = true
				r.names.Add(d, &dc)
			}
		}
		return true
	})
	r.gaz.Each(func(e *gazetteer.Entry) bool {
		if e.Kind == gazetteer.KindCountry && e.Capital != "" {
			for _, p := range r.gaz.Lookup(e.Capital) {
				if p.Kind == gazetteer.KindPlace && p.Country == e.Country {
					r.capitals[e.Country] = p
					break
				}
			}
		}
		return true
	})
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
	r.gaz.Each(func(e *gazetteer.Entry) bool {
		codes(e.Country)
		if e.Kind == gazetteer.KindCountry {
			codes(e.ID)
		}
		return true
	})
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

// isDemonym reports whether the token is a demonym of a country, as
// r.gaz.IsDemonym(t.Text) does. A token of plain ASCII (no character that
// gazetteer.Normalize turns into a space) normalises in the gazetteer as
// in package text, to t.Norm, so its demonyms need no second
// normalisation.
func (r *resources) isDemonym(t text.Token) bool {
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
	if c, ok := r.gazCands[e]; ok {
		return c
	}
	return gazCand(e)
}

func gazCand(e *gazetteer.Entry) *cand {
	c := &cand{name: e.Name, country: e.Country, wikidata: e.Wikidata, gaz: e, common: e.Common}
	switch e.Kind {
	case gazetteer.KindCountry:
		c.class, c.key = ClassCountry, "country/"+strings.ToLower(e.Country)
	case gazetteer.KindRegion:
		c.class, c.key = ClassRegion, "region/"+strings.ToLower(e.ID)
	default:
		c.class, c.key = ClassPlace, "place/"+strings.ToLower(e.ID)
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
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
	n := text.Normalize(s)
	var b strings.Builder
	dash := false
	for _, r := range n {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// addTranslit indexes a curated name or region by the transliteration keys
// of its names, persons excepted (their spellings are resolved by their
// own keys, persons.go). Places are left out: a town's name is too often
// another town's elsewhere.
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
			r.translit.Add(n, c)
		}
	}
}
