package lexicon_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/text"
	"github.com/newsgraph/newsgraph/internal/corpus"
)

// refMatcher is the matcher as it was first written: phrases and their
// prefixes as strings in maps, the phrase so far built as a string at
// each token. The trie matcher must find exactly what it finds.
type refMatcher struct {
	phrases  map[string][]string
	prefixes map[string]struct{}
	maxLen   int
}

func newRef() *refMatcher {
	return &refMatcher{phrases: map[string][]string{}, prefixes: map[string]struct{}{}}
}

func (m *refMatcher) Add(phrase string, v string) {
	exact := strings.HasPrefix(phrase, "=")
	phrase = strings.TrimPrefix(phrase, "=")
	k := lexicon.Key(phrase)
	if k == "" {
		return
	}
	if exact {
		var parts []string
		for _, t := range text.Tokenize(phrase, 0) {
			if !lexicon.Joiner(t) {
				parts = append(parts, t.Text)
			}
		}
		k = "=" + strings.Join(parts, " ")
	}
	m.phrases[k] = append(m.phrases[k], v)
	if words := strings.Count(k, " ") + 1; words > m.maxLen {
		m.maxLen = words
	}
	for i := 0; i < len(k); i++ {
		if k[i] == ' ' {
			m.prefixes[k[:i]] = struct{}{}
		}
	}
}

func (m *refMatcher) Find(toks []text.Token) []lexicon.Match[string] {
	var out []lexicon.Match[string]
	var buf, ebuf []byte
	for i := 0; i < len(toks); {
		if lexicon.Joiner(toks[i]) {
			i++
			continue
		}
		buf = buf[:0]
		ebuf = append(ebuf[:0], '=')
		bestEnd := -1
		var best []string
		words := 0
		for j := i; j < len(toks) && words < m.maxLen; j++ {
			if lexicon.Joiner(toks[j]) {
				if j == i || toks[j].SpaceBefore || j+1 >= len(toks) || toks[j+1].SpaceBefore && toks[j].Norm != "." {
					break
				}
				continue
			}
			if words > 0 {
				buf = append(buf, ' ')
				ebuf = append(ebuf, ' ')
			}
			buf = append(buf, toks[j].Norm...)
			ebuf = append(ebuf, toks[j].Text...)
			words++
			if v, ok := m.phrases[string(buf)]; ok {
				bestEnd, best = j+1, v
			}
			if v, ok := m.phrases[string(ebuf)]; ok {
				bestEnd, best = j+1, v
			}
			if _, ok := m.prefixes[string(buf)]; !ok {
				if _, ok := m.prefixes[string(ebuf)]; !ok {
					break
				}
			}
		}
		if bestEnd < 0 {
			i++
			continue
		}
		out = append(out, lexicon.Match[string]{Start: i, End: bestEnd, Values: best})
		i = bestEnd
	}
	return out
}

// pair is a trie matcher and the reference matcher with the same phrases.
type pair struct {
	name string
	m    *lexicon.Matcher[string]
	ref  *refMatcher
}

func (p *pair) add(phrase, v string) {
	p.m.Add(phrase, v)
	p.ref.Add(phrase, v)
}

// matchers builds, on one shared vocabulary, matchers with the phrases the
// extractor uses: names (lexicon entries, gazetteer names, aliases and
// demonyms), roles, triggers and weapons, each with its reference.
func matchers(v *lexicon.Vocab) []*pair {
	lx := lexicon.Default()
	mk := func(name string) *pair {
		return &pair{name: name, m: lexicon.NewMatcherIn[string](v), ref: newRef()}
	}
	names, roles, triggers, weapons := mk("names"), mk("roles"), mk("triggers"), mk("weapons")
	for _, e := range lx.Entries {
		names.add(e.Name, e.Key)
		for _, a := range e.Aliases {
			names.add(a, e.Key)
		}
	}
	gazetteer.Default().Each(func(e *gazetteer.Entry) bool {
		names.add(e.Name, e.ID)
		for _, a := range e.Aliases {
			names.add(a, e.ID)
		}
		for _, d := range e.Demonyms {
			names.add(d, e.ID+"/demonym")
		}
		return true
	})
	for _, ro := range lx.Roles {
		for _, f := range ro.Forms {
			roles.add(f, ro.Name)
		}
	}
	for _, t := range lx.Triggers {
		triggers.add(t.Form, t.Type+"/"+t.Form)
	}
	for _, w := range lx.Weapons {
		for _, f := range w.Forms {
			weapons.add(f, w.Name)
		}
	}
	return []*pair{names, roles, triggers, weapons}
}

func sameMatches(a, b []lexicon.Match[string]) bool {
	return slices.EqualFunc(a, b, func(x, y lexicon.Match[string]) bool {
		return x.Start == y.Start && x.End == y.End && slices.Equal(x.Values, y.Values)
	})
}

// TestMatcherAsReference checks that the trie matcher finds what the
// string matcher found, match for match and value for value, with its own
// coding (Find) and with tokens coded once for all matchers (FindCoded),
// on whole sentences and on every short slice of them, over generated
// articles and text made to trip it: joiners, exact-case words, "=".
func TestMatcherAsReference(t *testing.T) {
	v := lexicon.NewVocab()
	ps := matchers(v)
	// a few phrases of the awkward kinds
	extra := &pair{name: "extra", m: lexicon.NewMatcher[string](), ref: newRef()}
	for _, ph := range []string{"=IRGC", "=ISI", "Jaish ul-Adl", "U.S. Central Command", "= sign", "==X", "=A B C", "a b c d", "a b", "'s", "-", "St. John's", "Côte d'Ivoire", "=Côte", "al-Qaeda in the Arabian Peninsula"} {
		extra.add(ph, ph)
	}
	// names after an abbreviation's period: "St. Louis" as "St Louis"
	for _, ph := range []string{"St. Louis", "Mt Elgon"} {
		extra.add(ph, ph)
	}
	ps = append(ps, extra)
	// more matchers on the shared vocabulary than it has bits for the
	// words that begin their phrases: the last ones share a bit
	for i, phs := range [][]string{{"the", "said the"}, {"in", "=In"}, {"of the", "of"}, {"on", "=On the"}, {"a", "a b"}, {"s", "'s"}} {
		p := &pair{name: fmt.Sprint("small ", i), m: lexicon.NewMatcherIn[string](v), ref: newRef()}
		for _, ph := range phs {
			p.add(ph, ph)
		}
		ps = append(ps, p)
	}
	g, err := corpus.New(3)
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	for range 300 {
		docs = append(docs, g.Next().Text)
	}
	docs = append(docs,
		"The IRGC and the Irgc and irgc; ISI. Jaish ul-Adl, Jaish ul - Adl, Jaish-ul-Adl and JAISH UL ADL.",
		"= sign == X ==X =A B C = A B C a b c d a b c a - b a b- c 's 's - - 'A B'.",
		"U.S. Central Command, US Central Command, U.S Central Command. Côte d’Ivoire, COTE D'IVOIRE, Côte.",
		"al-Qaeda in the Arabian Peninsula (AQAP) and Al Qaeda in the Arabian Peninsula.",
		"From St. Louis to St Louis, St.Louis and Mt. Elgon, Mt . Elgon, Mt Elgon.",
	)
	rng := rand.New(rand.NewPCG(1, 2))
	checked := 0
	for _, doc := range docs {
		for _, s := range text.Split(doc) {
			toks := s.Tokens
			c := v.Code(toks, nil)
			for _, p := range ps {
				want := p.ref.Find(toks)
				if got := p.m.Find(toks); !sameMatches(got, want) {
					t.Fatalf("%s: Find(%q) = %v, want %v", p.name, s.Text, got, want)
				}
				if got := p.m.FindCoded(c); !sameMatches(got, want) {
					t.Fatalf("%s: FindCoded(%q) = %v, want %v", p.name, s.Text, got, want)
				}
				if got := p.m.AnyCoded(c); got != (len(want) > 0) {
					t.Fatalf("%s: AnyCoded(%q) = %v, want %v", p.name, s.Text, got, len(want) > 0)
				}
				// slices, as the extractor matches spans and single tokens
				for range 3 {
					if len(toks) == 0 {
						break
					}
					a := rng.IntN(len(toks))
					b := a + 1 + rng.IntN(min(6, len(toks)-a))
					want := p.ref.Find(toks[a:b])
					if got := p.m.FindCoded(c.Slice(a, b)); !sameMatches(got, want) {
						t.Fatalf("%s: FindCoded(%q [%d:%d]) = %v, want %v", p.name, s.Text, a, b, got, want)
					}
					if got := p.m.AnyCoded(c.Slice(a, b)); got != (len(want) > 0) {
						t.Fatalf("%s: AnyCoded(%q [%d:%d]) = %v, want %v", p.name, s.Text, a, b, got, len(want) > 0)
					}
				}
				checked++
			}
		}
	}
	for _, p := range ps {
		if p.m.Len() != len(p.ref.phrases) {
			t.Errorf("%s: Len() = %d, want %d", p.name, p.m.Len(), len(p.ref.phrases))
		}
	}
	t.Logf("%d sentence checks", checked)
}

// TestCodedStale checks that tokens coded before the vocabulary gained
// words or a word began a phrase of a matcher, or coded by another
// vocabulary, are coded again rather than matched with stale ids.
func TestCodedStale(t *testing.T) {
	v := lexicon.NewVocab()
	m := lexicon.NewMatcherIn[string](v)
	m.Add("Nowhere Town", "a")
	toks := text.Tokenize("in Somewhere City near Nowhere Town", 0)
	c := v.Code(toks, nil)
	m.Add("Somewhere City", "b") // new words: c is stale
	got := m.FindCoded(c)
	if fmt.Sprint(got) != "[{1 3 [b]} {4 6 [a]}]" {
		t.Errorf("stale codes: got %v", got)
	}
	c = v.Code(toks, nil)
	m2 := lexicon.NewMatcherIn[string](v)
	m2.Add("Town", "e") // no new word, but "town" now begins a phrase: c is stale
	if got := m2.FindCoded(c); fmt.Sprint(got) != "[{5 6 [e]}]" {
		t.Errorf("stale codes of a word that begins a phrase of another matcher: got %v", got)
	}
	other := lexicon.NewMatcher[string]()
	other.Add("near", "c")
	if got := other.FindCoded(c); fmt.Sprint(got) != "[{3 4 [c]}]" {
		t.Errorf("codes of another vocabulary: got %v", got)
	}
}

// TestVocabWithoutTable checks that a vocabulary without a table, which
// passes words by their length and first byte, finds its words and only
// them: words that share both with one of its words, or one of them,
// are looked up and not taken for it.
func TestVocabWithoutTable(t *testing.T) {
	m := lexicon.NewMatcher[string]()
	m.Add("Quellan", "q")
	m.Add("Tarrow Vollo", "t")
	for _, row := range []struct{ in, want string }{
		{"Quellan spoke", "[{0 1 [q]}]"},
		{"Quillan and Quellen spoke", "[]"},    // length and first byte of "quellan"
		{"Tarrow said, then Vollo left", "[]"}, // the words apart
		{"QUELLAN met Tarrow Vollo", "[{0 1 [q]} {2 4 [t]}]"},
		{"Tarrox Vollo and Tarrow Volla", "[]"}, // a phrase's words with one changed
		{"nothing here begins a phrase", "[]"},  // no length and first byte of its words
	} {
		toks := text.Tokenize(row.in, 0)
		if got := fmt.Sprint(m.Find(toks)); got != row.want {
			t.Errorf("Find(%q) = %s, want %s", row.in, got, row.want)
		}
		if got := fmt.Sprint(m.FindCoded(m.Vocab().Code(toks, nil))); got != row.want {
			t.Errorf("FindCoded(%q) = %s, want %s", row.in, got, row.want)
		}
	}
}
