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
// after the cache's arena fills and it starts again; and that
// CodeCachedMarked (on a cache of its own) numbers them alike and marks
// every token with the mark function's answers for its word (its marks,
// and the second in the aux slice), which the cache remembers for the
// words it holds.
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
	var c, cm lexicon.WordCache
	calls := 0
	mark := func(w string) (uint32, uint32) {
		calls++
		return uint32(len(w))<<8 | uint32(w[0]), uint32(w[len(w)-1])<<4 | 1 // any answers that are the word's
	}
	same := func(what, s string) {
		t.Helper()
		toks := text.Tokenize(s, 0)
		want := v.Code(toks, nil)
		for pass := range 2 {
			got := v.CodeCached(&c, toks, nil)
			if !slices.Equal(got.Words, want.Words) || len(m.FindCoded(got)) != len(m.FindCoded(want)) {
				t.Errorf("%s, pass %d: CodeCached %v, Code %v", what, pass, got.Words, want.Words)
			}
			toks := text.Tokenize(s, 0) // unmarked
			aux := make([]uint32, len(toks))
			if got := v.CodeCachedMarked(&cm, toks, nil, mark, aux); !slices.Equal(got.Words, want.Words) {
				t.Errorf("%s, pass %d: CodeCachedMarked %v, Code %v", what, pass, got.Words, want.Words)
			}
			for i, tok := range toks {
				if want := uint32(len(tok.Norm))<<8 | uint32(tok.Norm[0]); tok.Marks != want {
					t.Errorf("%s, pass %d: %q marked %x, want %x", what, pass, tok.Norm, tok.Marks, want)
				}
				if want := uint32(tok.Norm[len(tok.Norm)-1])<<4 | 1; aux[i] != want {
					t.Errorf("%s, pass %d: %q aux %x, want %x", what, pass, tok.Norm, aux[i], want)
				}
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
	calls = 0
	v.CodeCachedMarked(&cm, text.Tokenize("A raid on Port Elmwood and Varenna.", 0), nil, mark, nil)
	if calls != 0 {
		t.Errorf("words the cache holds: %d calls of the mark function, want 0", calls)
	}
}
