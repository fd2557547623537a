package syntax

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/extract/internal/wordlist"
)

//go:generate go run ./internal/gen -out data/common.txt

// commonData is the list of common nouns and verbs (and their inflected
// forms) of English that are never names, generated from wamerican and
// WordNet by internal/gen.
//
//go:embed data/common.txt
var commonData string

var (
	commonOnce sync.Once
	commonSet  wordlist.Set
)

// commonWords returns the set of common words, built on first use: only
// a capitalised word that opens a sentence and that the lexicon lacks
// asks for it.
func commonWords() *wordlist.Set {
	commonOnce.Do(func() {
		m := map[string]bool{}
		for _, w := range strings.Split(commonData, "\n") {
			if w != "" && w[0] != '#' {
				m[w] = true
			}
		}
		commonSet = wordlist.NewSet(m)
	})
	return &commonSet
}

// commonWord reports whether the normalised word w, capitalised at the
// start of a sentence, is a common word rather than a name: the common
// word list holds it ("gunfire", "protesters"), or it is a compound of a
// common word and a form of a lexicon verb of four letters or more
// ("airstrikes": air + strikes, "gunbattle").
func commonWord(w string) bool {
	if commonWords().Has(w) {
		return true
	}
	return commonCompound(w)
}

// commonCompound reports whether w splits into a common word of three
// letters or more and a verb form of the lexicon of four or more: the
// closed compounds of news ("airstrikes", "gunbattles", "carbomb").
func commonCompound(w string) bool {
	lx := lexiconIndex()
	for k := 3; k+4 <= len(w); k++ {
		if e, ok := lx.Get(w[k:]); ok && e.tag >= Verb && e.tag <= VerbIng && commonWords().Has(w[:k]) {
			return true
		}
	}
	return false
}
