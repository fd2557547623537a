package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
)

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

// TestAppendNormalized checks that a sentence's tokens and the white space
// between them spell its normalised text, and that boilerplate, which
// reads it so, judges sentences as isBoilerplate does.
func TestAppendNormalized(t *testing.T) {
	r := loadResources()
	docs := speedDocs(t, 300)
	docs = append(docs, "Ünïcode\u00a0spaces\u2003and\u3000more — “quotes” ‘x’ \xff\xfe\xc3 end", "Subscribe to the NÉWSLETTER\u00a0now", " \u2014 •Réad more: x",
		// the quick path: quotes and dashes only; a prefix after a long trim; letters from beyond ASCII
		"\u201cSign up\u201d for alerts.", "The \u2018Weekly NewsLetter\u2019 \u2014 free.", strings.Repeat("\u2014", 30)+" Read more: here.",
		strings.Repeat("-\u2013", 30)+"x", "Our news\u0301letter \u2014 weekly.", "\u212aeep reading \u2014 newslette\u0155.")
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

// TestIsListLine checks the list-line test, one row per shape: a bullet
// glued to its item, a citation mark among capitalised words, a prose
// sentence with a citation mark, a bullet with a space after it, too few
// words, and no mark at all.
func TestIsListLine(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"*2019-03-02 Sergeant Belo Tarrant, Ostrava Guard, Vellmark", true},
		{"Corporal Anri Dask[2], Ostrava Guard, Vellmark", true},
		{"Gunmen attacked the depot near the river.[3]", false},
		{"* Sergeant Belo Tarrant, Ostrava Guard, Vellmark", false},
		{"*Belo Tarrant", false},
		{"Sergeant Belo Tarrant, Ostrava Guard, Vellmark", false},
	} {
		s := text.Split(c.in)
		if len(s) == 0 {
			t.Fatalf("%q: no sentence", c.in)
		}
		if got := isListLine(&s[0]); got != c.want {
			t.Errorf("isListLine(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestPhraseFactsShared checks that the facts a phrase's candidates share
// (phraseFacts, found once for the first candidate that needs them, and
// its phraseText, kept for the next pass) give each candidate the score
// it gets with facts of its own: over the name matches of generated
// documents, every candidate of a match is scored, in two passes, with
// the match's shared facts and with fresh ones.
func TestPhraseFactsShared(t *testing.T) {
	r := loadResources()
	n := 0
	for _, doc := range speedDocs(t, 40) {
		d := newDocState(r, Document{Text: doc})
		for s := range d.sents {
			toks := d.sents[s].Tokens
			for _, m := range r.names.AppendCoded(nil, d.coded[s]) {
				var kept phraseText
				for range 2 {
					shared := phraseFacts{txt: &kept}
					for _, c := range m.Values {
						own := phraseFacts{txt: &phraseText{}}
						got := d.score(c, toks, m.Start, m.End, s, &shared)
						if want := d.score(c, toks, m.Start, m.End, s, &own); got != want {
							t.Fatalf("%q: %s scores %v with the phrase's facts, %v with its own", d.surface(s, m.Start, m.End), c.key, got, want)
						}
						n++
					}
				}
			}
		}
		d.release()
	}
	if n < 2000 {
		t.Fatalf("only %d candidates scored", n)
	}
}
