package lexicon_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/text"
)

// TestCodeCached checks that CodeCached numbers every token as Code does:
// words of the table, of the vocabulary's own map and of neither, the
// first time and from the cache, after the vocabulary gains a word, and
// after the cache's arena fills and it starts again.
func TestCodeCached(t *testing.T) {
	b, err := lexicon.BuildTable([]lexicon.TablePhrase{{"Port Elmwood", 1}, {"Varenna", 2}})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := lexicon.OpenTable(string(b))
	if err != nil {
		t.Fatal(err)
	}
	v := lexicon.NewVocabOn(tab)
	m := lexicon.NewMatcherIn[int](v)
	m.Add("raid on", 1)
	m.Add("=KLF", 2)
	var c lexicon.WordCache
	same := func(what, s string) {
		t.Helper()
		toks := text.Tokenize(s, 0)
		want := v.Code(toks, nil)
		for pass := range 2 {
			got := v.CodeCached(&c, toks, nil)
			if !slices.Equal(got.Words, want.Words) || len(m.FindCoded(got)) != len(m.FindCoded(want)) {
				t.Errorf("%s, pass %d: CodeCached %v, Code %v", what, pass, got.Words, want.Words)
			}
		}
	}
	same("table, map, exact and unknown words", "A raid on Port Elmwood and Varenna by the KLF, Klf and klf at dawn.")
	m.Add("tenfold counterinsurgency by raiders", 4)
	same("words that differ from the vocabulary's in one byte, of 2 to 17 bytes",
		"raid rain by bz tenfold tenfole raiders raiderz counterinsurgency counterinsurgencz counterinsurgen counterinsurgex")
	m.Add("dawn raid", 3) // "dawn" is new: the cache's 0 for it is stale
	same("a word added since", "A dawn raid on Varenna at dawn.")
	var long strings.Builder
	for i := range 30000 {
		fmt.Fprintf(&long, "word%05d raid ", i) // more bytes than the arena holds
	}
	same("more words than the arena", long.String())
	same("after the arena started again", "A raid on Port Elmwood and Varenna by the KLF, Klf and klf.")
}
