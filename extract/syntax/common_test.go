package syntax

import (
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
)

// TestCommonInitial holds one row per shape of a capitalised word that
// opens a sentence and that the lexicon lacks: the tag it takes.
func TestCommonInitial(t *testing.T) {
	tests := []struct{ name, in, word, want string }{
		{"plural of a lexicon verb opening a headline", "Clashes leave five dead in Tarvel", "Clashes", "NN"},
		{"lexicon verb opening a headline before a third-person verb", "Ambush kills four soldiers", "Ambush", "NN"},
		{"mass noun of the common list", "Gunfire erupted near the palace.", "Gunfire", "NN"},
		{"plural noun of the common list", "Kidnappers seized two nurses.", "Kidnappers", "NN"},
		{"closed compound of a common word and a lexicon verb", "Airstrikes destroyed a bridge.", "Airstrikes", "NN"},
		{"-ing word of no known verb heads a noun phrase", "Grieving relatives gathered outside.", "Grieving", "NN"},
		{"a capitalised word after it continues a name", "Mortar Hill residents fled.", "Mortar", "NNP"},
		{"after an opening bracket: a place", "in Vessa (Mend, Lorvana) on Monday", "Mend", "NNP"},
		{"unknown to the common list: a name", "Kessaro residents fled.", "Kessaro", "NNP"},
		{"one letter: an initial", "N. Kessaro said so.", "N", "NNP"},
	}
	p := NewParser()
	for _, tt := range tests {
		s := p.Parse(text.Tokenize(tt.in, 0))
		got := ""
		for i, tk := range s.Toks {
			if tk.Text == tt.word {
				got = s.Tags[i].String()
				break
			}
		}
		if got != tt.want {
			t.Errorf("%s: %q: %s tagged %s, want %s", tt.name, tt.in, tt.word, got, tt.want)
		}
	}
}

// TestCommonData checks the generated list's form: sorted plain
// lower-case words, ten thousand or more.
func TestCommonData(t *testing.T) {
	var words []string
	for _, w := range strings.Split(commonData, "\n") {
		if w == "" || w[0] == '#' {
			continue
		}
		if strings.ToLower(w) != w || strings.ContainsAny(w, " \t'") {
			t.Errorf("%q: not a plain lower-case word", w)
		}
		words = append(words, w)
	}
	if !sort.StringsAreSorted(words) || len(words) < 10000 {
		t.Errorf("common.txt: %d words, sorted %v", len(words), sort.StringsAreSorted(words))
	}
}

// TestCommonHas checks the binary search over the embedded list against
// every word of it and a few words around them.
func TestCommonHas(t *testing.T) {
	n := 0
	for _, w := range strings.Split(commonData, "\n") {
		if w == "" || w[0] == '#' {
			continue
		}
		n++
		if !commonHas(w) {
			t.Fatalf("commonHas(%q) = false for a listed word", w)
		}
	}
	for _, w := range []string{"", "zzzzz", "gunfirex", "kenya", "#", "aaaa", "Gunfire", "-a", "a-", "é", "zz"} {
		if commonHas(w) {
			t.Errorf("commonHas(%q) = true for a word not listed", w)
		}
	}
	// the words next to the listed ones, which a search over the wrong
	// lines of a first two bytes would miss or find: each word with a
	// letter more, a letter less and its first or second letter changed
	listed := map[string]bool{}
	for _, w := range strings.Split(commonData, "\n") {
		listed[w] = w != "" && w[0] != '#'
	}
	for w, ok := range listed {
		if !ok {
			continue
		}
		near := []string{w + "a", w + "z", w[:len(w)-1], "z" + w[1:], "a" + w[1:]}
		if len(w) > 1 {
			near = append(near, w[:1]+"a"+w[2:], w[:1]+"z"+w[2:], w[:1]+"-"+w[2:])
		}
		for _, x := range near {
			if commonHas(x) != listed[x] {
				t.Fatalf("commonHas(%q) = %v, listed %v", x, commonHas(x), listed[x])
			}
		}
	}
	if n == 0 {
		t.Fatal("empty list")
	}
}
