// Package corpus generates synthetic conflict-news corpora for benchmarks:
// realistic articles made by recombining newsgraph's example and regression
// articles (embedded in templates/), with the countries, regions, places,
// armed groups, forces and organisations they name, their dates and their
// figures replaced by others drawn from the lexicon and the gazetteer.
//
// Generation is deterministic: the same seed and options give the same
// bytes. Articles come in stories: one incident reported by one to five
// outlets (the same substitutions, different wording: sentences dropped,
// figures that differ a little), so that fusion across documents is
// exercised as in real reporting.
package corpus

import (
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/lexicon"
)

//go:embed templates/*.txt
var templateFS embed.FS

// Article is one generated document, written as a JSON Lines record.
type Article struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Published string `json:"published"`
}

// theatres are the countries most conflict reporting is about.
var theatres = strings.Fields(`UA RU IL PS LB SY IQ IR YE SD SO NG ML BF NE PK AF IN MM CO CD ET LY MZ CM TR SA US`)

// kinds of substitutable mentions.
const (
	kCountry = iota
	kDemonym
	kRegion
	kPlace
	kLexicon
)

// slot is one mention in a template that the generator replaces.
type slot struct {
	start, end int
	kind       int
	country    string // ISO code of the original (countries, demonyms, regions, places, lexicon entries)
	class      string // lexicon class
	orig       string // original entity key (ID or lexicon key): equal keys get equal replacements
}

type template struct {
	name  string
	text  string
	slots []slot
}

// Generator makes articles; build one with New.
type Generator struct {
	rng       *rand.Rand
	seed      uint64
	templates []*template
	countries []*gazetteer.Entry            // with a demonym, in a seeded order (skewed draws concentrate on the first)
	regions   map[string][]*gazetteer.Entry // by country
	places    map[string][]*gazetteer.Entry // by country
	lexicon   map[string][]*lexicon.Entry   // by class
	lexByCC   map[string][]*lexicon.Entry   // by class + "/" + country
	n         int                           // articles made
	story     []Article                     // pending articles of the current story
	start     time.Time
}

var (
	monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	dateRe   = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December) ([0-9]{1,2})\b(, [0-9]{4})?`)
	yearRe   = regexp.MustCompile(`\b(19[5-9][0-9]|20[0-3][0-9])\b`)
	numberRe = regexp.MustCompile(`\b[0-9]{1,4}\b`)
	wordRe   = regexp.MustCompile(`[\p{L}\p{N}]+(?:[’'][\p{L}]+)?`)
	skipWord = map[string]bool{}
)

func init() {
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday
		january february march april may june july august september october november december
		the a an in on at of and but it its he she they we i this that there his her their
		president minister army police prime foreign interior ministry state`) {
		skipWord[w] = true
	}
}

// New returns a generator seeded with seed.
func New(seed uint64) (*Generator, error) {
	g := &Generator{rng: rand.New(rand.NewPCG(seed, seed^0x6e657773)), seed: seed,
		regions: map[string][]*gazetteer.Entry{}, places: map[string][]*gazetteer.Entry{},
		lexicon: map[string][]*lexicon.Entry{}, lexByCC: map[string][]*lexicon.Entry{},
		start: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)}
	gz := gazetteer.Default()
	lx := lexicon.Default()

	gz.Each(func(e *gazetteer.Entry) bool {
		switch {
		case e.Kind == gazetteer.KindCountry && len(e.Demonyms) > 0 && e.Population > 0:
			g.countries = append(g.countries, e)
		case e.Kind == gazetteer.KindRegion && !e.Common && e.Country != "":
			g.regions[e.Country] = append(g.regions[e.Country], e)
		case e.Kind == gazetteer.KindPlace && !e.Common && e.Country != "" && e.Population >= 20000:
			g.places[e.Country] = append(g.places[e.Country], e)
		}
		return true
	})
	sort.Slice(g.countries, func(i, j int) bool { return g.countries[i].ID < g.countries[j].ID })
	// Conflict theatres first, in a seeded order, then the rest by
	// population: draws are skewed towards the first countries, so that a
	// few theatres dominate, as in real reporting.
	rank := map[string]int{}
	for i, cc := range theatres {
		rank[cc] = len(theatres) - i
	}
	sort.SliceStable(g.countries, func(i, j int) bool {
		a, b := g.countries[i], g.countries[j]
		if rank[a.ID] != rank[b.ID] {
			return rank[a.ID] > rank[b.ID]
		}
		return a.Population > b.Population
	})
	g.rng.Shuffle(len(theatres), func(i, j int) { g.countries[i], g.countries[j] = g.countries[j], g.countries[i] })
	for _, m := range []map[string][]*gazetteer.Entry{g.regions, g.places} {
		for _, l := range m {
			sort.Slice(l, func(i, j int) bool {
				if l[i].Population != l[j].Population {
					return l[i].Population > l[j].Population
				}
				return l[i].ID < l[j].ID
			})
		}
	}
	names := map[string]*lexicon.Entry{}
	for _, e := range lx.Entries {
		g.lexicon[e.Class] = append(g.lexicon[e.Class], e)
		if e.Country != "" {
			k := e.Class + "/" + e.Country
			g.lexByCC[k] = append(g.lexByCC[k], e)
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if strings.HasPrefix(n, "=") || len(n) < 4 {
				continue // acronyms stay as they are
			}
			if k := gazetteer.Normalize(n); names[k] == nil {
				names[k] = e
			}
		}
	}

	entries, err := templateFS.ReadDir("templates")
	if err != nil {
		return nil, err
	}
	for _, de := range entries {
		data, err := templateFS.ReadFile("templates/" + de.Name())
		if err != nil {
			return nil, err
		}
		t := &template{name: de.Name(), text: string(data)}
		t.slots = findSlots(t.text, gz, names)
		g.templates = append(g.templates, t)
	}
	if len(g.templates) == 0 || len(g.countries) == 0 {
		return nil, fmt.Errorf("corpus: no templates or no countries")
	}
	return g, nil
}

// findSlots finds the mentions of countries, demonyms, regions, places and
// lexicon entries in text, longest first, without overlaps.
func findSlots(text string, gz *gazetteer.Gazetteer, names map[string]*lexicon.Entry) []slot {
	words := wordRe.FindAllStringIndex(text, -1)
	var out []slot
	for i := 0; i < len(words); {
		w := text[words[i][0]:words[i][1]]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || skipWord[strings.ToLower(w)] {
			i++
			continue
		}
		found := false
		for n := min(6, len(words)-i); n >= 1 && !found; n-- {
			// the words must be separated by a space or a hyphen
			ok := true
			for j := i; j < i+n-1; j++ {
				gap := text[words[j][1]:words[j+1][0]]
				if gap != " " && gap != "-" {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			start, end := words[i][0], words[i+n-1][1]
			phrase := text[start:end]
			// a possessive is kept outside the mention
			for _, suf := range []string{"’s", "'s"} {
				if strings.HasSuffix(phrase, suf) {
					end -= len(suf)
					phrase = phrase[:len(phrase)-len(suf)]
				}
			}
			if r, _ := utf8.DecodeLastRuneInString(phrase); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				continue
			}
			key := gazetteer.Normalize(phrase)
			if e := names[key]; e != nil {
				out = append(out, slot{start: start, end: end, kind: kLexicon, class: e.Class, country: e.Country, orig: "lex/" + e.Key})
				found = true
				i += n
				break
			}
			if gz.IsCommonWord(phrase) {
				continue
			}
			for _, e := range gz.Lookup(phrase) {
				s := slot{start: start, end: end, country: e.Country, orig: e.ID}
				switch {
				case e.Kind == gazetteer.KindCountry:
					s.kind = kCountry
					for _, d := range e.Demonyms {
						if gazetteer.Normalize(d) == key {
							s.kind = kDemonym
						}
					}
				case e.Kind == gazetteer.KindRegion:
					s.kind = kRegion
				case e.Population >= 20000 || n > 1:
					s.kind = kPlace
				default:
					continue
				}
				out = append(out, s)
				found = true
				i += n
				break
			}
		}
		if !found {
			i++
		}
	}
	return out
}

// Next returns the next article.
func (g *Generator) Next() Article {
	if len(g.story) == 0 {
		g.newStory()
	}
	a := g.story[0]
	g.story = g.story[1:]
	g.n++
	a.ID = fmt.Sprintf("gen-%d-%07d", g.seed, g.n)
	return a
}

// country draws a country, skewed towards the first of the seeded order.
func (g *Generator) country() *gazetteer.Entry {
	u := g.rng.Float64()
	return g.countries[int(u*u*u*u*float64(len(g.countries)))]
}

func (g *Generator) pick(n int) int {
	u := g.rng.Float64()
	return int(u * u * float64(n))
}

// newStory makes the one to five articles that report one incident.
func (g *Generator) newStory() {
	t := g.templates[g.rng.IntN(len(g.templates))]
	pub := g.start.AddDate(0, 0, g.rng.IntN(6*365))
	shift := pub.Year() - 2024

	// Substitutions, consistent within the story.
	ccMap := map[string]*gazetteer.Entry{}
	repl := map[string]string{}
	mapCountry := func(cc string) *gazetteer.Entry {
		if cc == "" {
			return nil
		}
		if c, ok := ccMap[cc]; ok {
			return c
		}
		used := map[string]bool{}
		for _, c := range ccMap {
			used[c.ID] = true
		}
		c := g.country()
		for i := 0; used[c.ID] && i < 20; i++ {
			c = g.country()
		}
		ccMap[cc] = c
		return c
	}
	for _, s := range t.slots {
		if _, done := repl[s.orig+"/"+strconv.Itoa(s.kind)]; done {
			continue
		}
		var r string
		nc := mapCountry(s.country)
		switch s.kind {
		case kCountry:
			r = nc.Name
		case kDemonym:
			r = nc.Demonyms[0]
		case kRegion, kPlace:
			pool := g.regions
			if s.kind == kPlace {
				pool = g.places
			}
			if nc != nil && len(pool[nc.ID]) > 0 {
				l := pool[nc.ID]
				r = l[g.pick(len(l))].Name
			} else {
				r = t.text[s.start:s.end]
			}
		case kLexicon:
			var l []*lexicon.Entry
			if nc != nil {
				l = g.lexByCC[s.class+"/"+nc.ID]
			}
			if len(l) == 0 {
				l = g.lexicon[s.class]
			}
			r = l[g.rng.IntN(len(l))].Name
		}
		repl[s.orig+"/"+strconv.Itoa(s.kind)] = r
	}
	var b strings.Builder
	last := 0
	for _, s := range t.slots {
		b.WriteString(t.text[last:s.start])
		b.WriteString(repl[s.orig+"/"+strconv.Itoa(s.kind)])
		last = s.end
	}
	b.WriteString(t.text[last:])
	text := b.String()

	// Dates within the week before publication, years shifted with it.
	// (kept as placeholders while figures are replaced).
	var dates []string
	text = dateRe.ReplaceAllStringFunc(text, func(string) string {
		d := pub.AddDate(0, 0, -g.rng.IntN(8))
		dates = append(dates, monthNames[d.Month()-1]+" "+strconv.Itoa(d.Day()))
		return "\x00" + letters(len(dates)-1) + "\x00"
	})
	text = yearRe.ReplaceAllStringFunc(text, func(y string) string {
		n, _ := strconv.Atoi(y)
		return strconv.Itoa(n + shift)
	})
	base := text
	numbers := map[string]string{}

	outlets := 1 + g.pick(5)
	g.story = g.story[:0]
	for k := 0; k < outlets; k++ {
		txt := numberRe.ReplaceAllStringFunc(base, func(s string) string {
			n, _ := strconv.Atoi(s)
			if n >= 1900 && n <= 2100 {
				return s // a year
			}
			if k == 0 || g.rng.IntN(3) != 0 {
				if v, ok := numbers[s]; ok {
					return v
				}
			}
			v := strconv.Itoa(1 + g.rng.IntN(2*n+5))
			if k == 0 {
				numbers[s] = v
			}
			return v
		})
		for i, d := range dates {
			txt = strings.Replace(txt, "\x00"+letters(i)+"\x00", d, 1)
		}
		if k > 0 {
			txt = dropLines(g.rng, txt)
		}
		g.story = append(g.story, Article{Text: txt, Published: pub.AddDate(0, 0, k/3).Format("2006-01-02")})
	}
}

// letters writes i in base 26 with the letters a to z.
func letters(i int) string {
	s := string(rune('a' + i%26))
	for i /= 26; i > 0; i /= 26 {
		s = string(rune('a'+i%26)) + s
	}
	return s
}

// dropLines drops some paragraphs after the first, as a shorter write-up
// of the same story would.
func dropLines(rng *rand.Rand, s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:1:1]
	for _, l := range lines[1:] {
		if rng.IntN(5) != 0 {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// Write writes articles as JSON Lines to w until at least size bytes (if
// size > 0) or n articles (if n > 0) are written, and returns the number
// of articles and bytes written.
func (g *Generator) Write(w io.Writer, n int, size int64) (articles int, written int64, err error) {
	for (n <= 0 || articles < n) && (size <= 0 || written < size) {
		if n <= 0 && size <= 0 {
			break
		}
		line, err := json.Marshal(g.Next())
		if err != nil {
			return articles, written, err
		}
		line = append(line, '\n')
		m, err := w.Write(line)
		written += int64(m)
		if err != nil {
			return articles, written, err
		}
		articles++
	}
	return articles, written, nil
}

// ParseSize parses a size such as 10MB, 512KB, 1GB or 1000 (bytes).
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suf string
		m   int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suf) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suf)), u.m
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < 0 {
		return 0, fmt.Errorf("bad size %q (want e.g. 10MB)", s)
	}
	return int64(f * float64(mult)), nil
}
