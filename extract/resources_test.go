package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/text"
)

// TestResourceCaches checks the tables buildResources makes once against
// what they stand for: candidates of gazetteer entries, country codes,
// demonyms.
func TestResourceCaches(t *testing.T) {
	r := loadResources()
	n := 0
	r.gaz.Each(func(e *gazetteer.Entry) bool {
		got, want := r.gazCand(e), gazCand(e)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("gazCand(%s) = %+v, want %+v", e.ID, got, want)
		}
		if r.gazCand(e) != got {
			t.Fatalf("gazCand(%s): a second candidate", e.ID)
		}
		n++
		return true
	})
	if c, rg, p := r.gaz.Len(); n != c+rg+p {
		t.Errorf("Each gave %d entries, Len %d", n, c+rg+p)
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
	for i := range toks {
		tok := &toks[i]
		_, want := r.gaz.IsDemonym(tok.Text)
		if got := r.isDemonym(tok); got != want {
			t.Fatalf("isDemonym(%q) = %v, want %v", tok.Text, got, want)
		}
	}
}

// TestSlug: one row per shape of name the keys are made of.
func TestSlug(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Vardo Hills Front", "vardo-hills-front"},
		{"São Tomé", "sao-tome"},
		{"Korr–Bel (North)", "korr-bel-north"},
		{"  trailing dots...", "trailing-dots"},
		{"Brigade 17", "brigade-17"},
		{"ΑΒΓ Movement", "movement"},
		{"a very long name of an invented movement for the liberation of the eastern hill valleys", "a-very-long-name-of-an-invented-movement-for-the-liberation-of-the-eastern-hill-valleys"},
	} {
		if got := slug(c.in); got != c.want {
			t.Errorf("slug(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestIsASCII checks the word-at-a-time isASCII against a byte loop, with
// the byte above ASCII at every place of texts around eight bytes long.
func TestIsASCII(t *testing.T) {
	for n := 0; n <= 19; n++ {
		plain := strings.Repeat("a", n)
		if !isASCII(plain) {
			t.Errorf("isASCII(%q) = false", plain)
		}
		for k := 0; k < n; k++ {
			for _, c := range []byte{0x80, 0xC3, 0xFF} {
				b := []byte(plain)
				b[k] = c
				if isASCII(string(b)) {
					t.Errorf("isASCII(%q) = true", b)
				}
			}
		}
	}
}

// TestPhraseFactsKnown checks that a fact of a phrase is found once and
// kept, false as well as true.
func TestPhraseFactsKnown(t *testing.T) {
	for _, want := range []bool{false, true} {
		var f tristate
		calls := 0
		find := func() bool { calls++; return want }
		for range 3 {
			if got := f.known(find); got != want {
				t.Errorf("known = %v, want %v", got, want)
			}
		}
		if calls != 1 {
			t.Errorf("fact %v found %d times, want once", want, calls)
		}
	}
}
