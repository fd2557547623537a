package syntax

import (
	_ "embed"
	"strings"
)

//go:generate go run ./internal/gen -out data/common.txt

// commonData is the list of common nouns and verbs (and their inflected
// forms) of English that are never names, generated from wamerican and
// WordNet by internal/gen.
//
//go:embed data/common.txt
var commonData string

// commonHas reports whether the common word list holds w. The list is
// sorted, one word a line, so a binary search over the embedded text
// answers without building anything at start-up: only a capitalised word
// that opens a sentence and that the lexicon lacks asks.
func commonHas(w string) bool {
	lo, hi := commonStart(), len(commonData)
	for lo < hi {
		mid := lo + (hi-lo)/2
		a := strings.LastIndexByte(commonData[lo:mid], '\n') + 1 + lo // start of the line holding mid
		b := strings.IndexByte(commonData[a:], '\n')
		if b < 0 {
			b = len(commonData) - a
		}
		line := commonData[a : a+b]
		switch {
		case line == w:
			return true
		case line < w:
			lo = a + b + 1
		default:
			hi = a
		}
	}
	return false
}

// commonStart returns the offset of the first word of commonData, after
// its comment lines.
func commonStart() int {
	k := 0
	for k < len(commonData) && commonData[k] == '#' {
		n := strings.IndexByte(commonData[k:], '\n')
		if n < 0 {
			return len(commonData)
		}
		k += n + 1
	}
	return k
}

// commonWord reports whether the normalised word w, capitalised at the
// start of a sentence, is a common word rather than a name: the common
// word list holds it ("gunfire", "protesters"), or it is a compound of a
// common word and a form of a lexicon verb of four letters or more
// ("airstrikes": air + strikes, "gunbattle").
func commonWord(w string) bool {
	if commonHas(w) {
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
		if e, ok := lx.Get(w[k:]); ok && e.tag >= Verb && e.tag <= VerbIng && commonHas(w[:k]) {
			return true
		}
	}
	return false
}
