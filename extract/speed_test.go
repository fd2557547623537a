package extract

// Tests of the invariants the extractor's shortcuts rely on: each cache,
// table or no-allocation path must answer exactly what the plain
// computation it replaces answers. They run over generated articles
// (package internal/corpus) and over text made to trip them.

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/text"
	"github.com/newsgraph/newsgraph/internal/corpus"
)

// trickyText holds what the shortcuts must not get wrong: non-ASCII
// letters that lower-case to ASCII (the Kelvin sign, the dotted capital
// I), invalid UTF-8, typographic quotes and dashes, demonyms in other
// cases and spellings, abbreviations, joiners.
var trickyText = []string{
	"In RETALİATION, the \u212Aurdish fighters attacked; Retaliation for the strike, IN RESPONSE.",
	"The PAKISTANI, Pakistanis, pakistani and PAKİSTANİ troops; Iranian-backed, Afghan’s, Côte d’Ivoire’s Ivorian police.",
	"“Subscribe” to our NEWSLETTER — Read More: \xff\xfe broken \xc3 bytes, or the «group», or, OR the Front.",
	"  — • *Related: Iran’s Foreign Ministry said U.S. forces, the armed forces of Iran, the Defence Ministry…",
	"between both SIDES, the two sides and the warring parties; the parties met in response",
	"Killed 12 people, wounded twenty-five others, a dozen civilians; Syrians, IRAQIS and Yemenis died.",
	"",
}

func speedDocs(t *testing.T, n int) []string {
	t.Helper()
	g, err := corpus.New(5)
	if err != nil {
		t.Fatal(err)
	}
	docs := append([]string(nil), trickyText...)
	for range n {
		docs = append(docs, g.Next().Text)
	}
	return docs
}

func speedSentences(t *testing.T, n int) []text.Sentence {
	t.Helper()
	var out []text.Sentence
	for _, d := range speedDocs(t, n) {
		out = append(out, text.Split(d)...)
	}
	return out
}

// randomText returns a string of runes and bytes the lower-case helpers
// must treat as strings.ToLower does.
func randomText(rng *rand.Rand) string {
	pieces := []string{"a", "A", "i", "I", "k", "K", "\u212A", "\u0130", "\u0131", "ß", "é", "É", " ", "\u00a0", ",", ".", "\xff", "\xc3", "\xe2\x82", "in", "IN", "or", "OR", "response", "RESPONSE", "retaliat", "over a", "OVER A", "\t", "\u2028"}
	var b strings.Builder
	for range rng.IntN(24) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// The patterns the extractor tests with lowerContains and its kin.
var lowerPatterns = []string{
	"retaliat", "retaliation for", "in response to", "revenge for", "follow", "over a", "after", "day after", "day before",
	"between", "both sides", "two sides", "warring parties", "the parties",
	"in response.", "in response,", "in response", "in retaliation.", "in retaliation,", ", or ",
	"newsletter", "(@", "i", "k", "a", "",
}

func TestLowerHelpers(t *testing.T) {
	for _, p := range append(lowerPatterns, boilerplatePrefixes...) {
		for i := 0; i < len(p); i++ {
			if p[i] >= utf8.RuneSelf || p[i] >= 'A' && p[i] <= 'Z' {
				t.Fatalf("pattern %q is not lower-case ASCII", p)
			}
		}
	}
	check := func(s string) {
		low := strings.ToLower(s)
		for _, p := range lowerPatterns {
			if got, want := lowerContains(s, p), strings.Contains(low, p); got != want {
				t.Fatalf("lowerContains(%q, %q) = %v, want %v", s, p, got, want)
			}
			if got, want := lowerHasPrefix(s, p), strings.HasPrefix(low, p); got != want {
				t.Fatalf("lowerHasPrefix(%q, %q) = %v, want %v", s, p, got, want)
			}
			if got, want := lowerHasSuffix(s, p), strings.HasSuffix(low, p); got != want {
				t.Fatalf("lowerHasSuffix(%q, %q) = %v, want %v", s, p, got, want)
			}
			if got, want := lowerTrimSpaceHasSuffix(s, p), strings.HasSuffix(strings.TrimSpace(low), p); got != want {
				t.Fatalf("lowerTrimSpaceHasSuffix(%q, %q) = %v, want %v", s, p, got, want)
			}
		}
	}
	for _, s := range speedSentences(t, 200) {
		check(s.Text)
	}
	for _, s := range trickyText {
		check(s)
	}
	rng := rand.New(rand.NewPCG(1, 1))
	for range 20000 {
		check(randomText(rng))
	}
}

// isBoilerplateRef is isBoilerplate as first written.
func isBoilerplateRef(s string) bool {
	n := strings.TrimLeft(text.Normalize(s), " \"'-—–•*")
	for _, p := range boilerplatePrefixes {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return strings.Contains(n, "newsletter") || strings.HasPrefix(n, "(@")
}

func TestIsBoilerplateAsReference(t *testing.T) {
	var in []string
	for _, s := range speedSentences(t, 200) {
		in = append(in, s.Text)
	}
	in = append(in, trickyText...)
	for _, p := range boilerplatePrefixes {
		in = append(in, p, strings.ToUpper(p)+" x", " - *"+p, "«"+p, "x "+p, "Our NEWSLETTER", "(@x")
	}
	rng := rand.New(rand.NewPCG(2, 2))
	for range 5000 {
		in = append(in, randomText(rng))
	}
	for _, s := range in {
		if got, want := isBoilerplate(s), isBoilerplateRef(s); got != want {
			t.Fatalf("isBoilerplate(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestWordSet(t *testing.T) {
	sets := map[string]map[string]bool{
		"particles":  {"al": true, "abu": false, "'": true, "": false},
		"empty":      {},
		"with empty": {"": true, "x": true},
	}
	lx := lexicon.Default()
	sets["stopwords"], sets["given names"] = lx.Stopwords, lx.GivenNames
	var words []string
	for _, s := range speedSentences(t, 100) {
		for _, tok := range s.Tokens {
			words = append(words, tok.Norm, tok.Text)
		}
	}
	for name, m := range sets {
		ws := newWordSet(m)
		for w := range m {
			words = append(words, w)
		}
		for _, w := range append(words, "", "zz", "al-", "the") {
			if got, want := ws.has(w), m[w]; got != want {
				t.Fatalf("%s: has(%q) = %v, want %v", name, w, got, want)
			}
		}
	}
}

// TestResourceCaches checks the tables buildResources makes once against
// what they stand for: candidates of gazetteer entries, country codes,
// demonyms.
func TestResourceCaches(t *testing.T) {
	r := loadResources()
	n := 0
	r.gaz.Each(func(e *gazetteer.Entry) bool {
		if got, want := r.gazCand(e), gazCand(e); !reflect.DeepEqual(got, want) {
			t.Fatalf("gazCand(%s) = %+v, want %+v", e.ID, got, want)
		}
		n++
		return true
	})
	if len(r.gazCands) != n {
		t.Errorf("%d cached candidates for %d entries", len(r.gazCands), n)
	}
	for cc, ref := range r.countries {
		if ref.key != "country/"+strings.ToLower(cc) {
			t.Errorf("%q: key %q", cc, ref.key)
		}
		g := r.gaz.Country(cc)
		switch {
		case g == nil && (ref.cand != nil || ref.name != ""):
			t.Errorf("%q: no such country, but %+v", cc, ref)
		case g != nil && (!reflect.DeepEqual(ref.cand, gazCand(g)) || ref.name != g.Name):
			t.Errorf("%q: %+v, want the candidate and name of %s", cc, ref, g.ID)
		}
	}
	var toks []text.Token
	for _, s := range speedSentences(t, 300) {
		toks = append(toks, s.Tokens...)
	}
	r.gaz.Each(func(e *gazetteer.Entry) bool {
		for _, d := range e.Demonyms {
			for _, v := range []string{d, strings.ToUpper(d), strings.ToLower(d), d + "s", "non-" + d} {
				toks = append(toks, text.Tokenize(v, 0)...)
				toks = append(toks, text.Token{Text: v, Norm: text.Normalize(v)})
			}
		}
		return true
	})
	for _, tok := range toks {
		_, want := r.gaz.IsDemonym(tok.Text)
		if got := r.isDemonym(tok); got != want {
			t.Fatalf("isDemonym(%q) = %v, want %v", tok.Text, got, want)
		}
	}
}

// TestBodyKinds checks that findBodies skips only tokens where no phrase
// of govNouns or forceNouns can match.
func TestBodyKinds(t *testing.T) {
	sents := speedSentences(t, 300)
	sents = append(sents, text.Split("the - foreign ministry; the ' armed forces, the .army, Iran's - - police, ministry of foreign affairs")...)
	for _, s := range sents {
		for i := range s.Tokens {
			kinds := bodyKinds(s.Tokens, i)
			for _, f := range govNouns {
				if _, ok := matchWords(s.Tokens, i, f.words); ok && kinds&bodyGov == 0 {
					t.Fatalf("%q at %d: %v matches, kinds %b", s.Text, i, f.words, kinds)
				}
			}
			for _, f := range forceNouns {
				if _, ok := matchWords(s.Tokens, i, f.words); ok && kinds&bodyForce == 0 {
					t.Fatalf("%q at %d: %v matches, kinds %b", s.Text, i, f.words, kinds)
				}
			}
		}
	}
}

// TestNearIn checks pickTrigger's window test against the window string
// it replaces.
func TestNearIn(t *testing.T) {
	var near []string
	for _, tr := range lexicon.Default().Triggers {
		near = append(near, tr.Near...)
	}
	near = append(near, "", "a", "at least", "at  least", "the ", "x y z")
	for _, s := range speedSentences(t, 200) {
		toks := s.Tokens
		for end := 0; end <= len(toks); end++ {
			var w strings.Builder
			for k := end; k < len(toks) && k < end+12; k++ {
				w.WriteByte(' ')
				w.WriteString(toks[k].Norm)
			}
			window := toks[min(end, len(toks)):min(end+12, len(toks))]
			for _, n := range near {
				if got, want := nearIn(window, n), strings.Contains(w.String(), " "+n); got != want {
					t.Fatalf("nearIn(%q, %q) = %v, want %v", w.String(), n, got, want)
				}
			}
		}
	}
}

// TestSortLike checks that sortLike leaves elements, equal ones included,
// where sort.Slice leaves them.
func TestSortLike(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	for range 2000 {
		n := rng.IntN(80)
		a := make([]*mention, n)
		for i := range a {
			a[i] = &mention{s: rng.IntN(4), a: rng.IntN(5), b: rng.IntN(5)}
		}
		b := slices.Clone(a)
		less := func(x, y *mention) bool { return x.s < y.s || x.s == y.s && x.a < y.a }
		sort.Slice(a, func(i, j int) bool { return less(a[i], a[j]) })
		sortLike(b, less)
		if !slices.Equal(a, b) {
			t.Fatalf("sortLike differs from sort.Slice on %d elements", n)
		}
	}
}

// TestCodedSentences checks that a document's coded sentences are its
// tokens as the resources' vocabulary codes them now.
func TestCodedSentences(t *testing.T) {
	r := loadResources()
	for _, doc := range speedDocs(t, 50) {
		d := newDocState(r, Document{Text: doc})
		for i, s := range d.sents {
			c := d.coded[i]
			if len(c.Tokens) != len(s.Tokens) || len(c.Tokens) > 0 && &c.Tokens[0] != &s.Tokens[0] {
				t.Fatalf("sentence %d: coded tokens are not the sentence's", i)
			}
			if want := r.vocab.Code(s.Tokens, nil); !slices.Equal(c.Words, want.Words) {
				t.Fatalf("sentence %d: words %v, want %v", i, c.Words, want.Words)
			}
		}
	}
}

// TestNonASCIILowerToASCII checks nonASCIILowerToASCII against the
// Unicode tables: every rune above ASCII that unicode.ToLower maps to
// ASCII is listed.
func TestNonASCIILowerToASCII(t *testing.T) {
	var got []string
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if unicode.ToLower(r) < utf8.RuneSelf {
			got = append(got, string(r))
		}
	}
	if !slices.Equal(got, nonASCIILowerToASCII) {
		t.Fatalf("runes lower-casing to ASCII: %q, want %q", got, nonASCIILowerToASCII)
	}
}

// TestAppendNormalized checks that a sentence's tokens and the white space
// between them spell its normalised text, and that boilerplate, which
// reads it so, judges sentences as isBoilerplate does.
func TestAppendNormalized(t *testing.T) {
	r := loadResources()
	docs := speedDocs(t, 300)
	docs = append(docs, "Ünïcode\u00a0spaces\u2003and\u3000more — “quotes” ‘x’ \xff\xfe\xc3 end", "Subscribe to the NÉWSLETTER\u00a0now", " \u2014 •Réad more: x")
	for _, doc := range docs {
		d := newDocState(r, Document{Text: doc})
		for _, s := range d.sents {
			if got, want := string(appendNormalized(nil, doc, s)), text.Normalize(s.Text); got != want {
				t.Fatalf("appendNormalized(%q) = %q, want %q", s.Text, got, want)
			}
			if got, want := d.boilerplate(s), isBoilerplateRef(s.Text); got != want {
				t.Fatalf("boilerplate(%q) = %v, want %v", s.Text, got, want)
			}
		}
	}
}
