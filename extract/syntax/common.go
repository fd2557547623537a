package syntax

import (
	_ "embed"
	"strings"
	"sync"
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
// answers without building a set of its words: only the offsets of its
// lines (commonLines), made on first use, since only a capitalised word
// that opens a sentence and that the lexicon lacks asks.
func commonHas(w string) bool {
	lines := commonLines()
	lo, hi := 0, len(lines)-1 // line i is commonData[lines[i] : lines[i+1]-1]
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		switch line := commonData[lines[mid] : lines[mid+1]-1]; {
		case line == w:
			return true
		case line < w:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return false
}

// commonLines returns the offsets of the words of commonData, after its
// comment lines, and one more: the end of the last word plus one (past
// its newline).
var commonLines = sync.OnceValue(func() []uint32 {
	k := commonStart()
	at := make([]uint32, 0, strings.Count(commonData[k:], "\n")+2)
	for k < len(commonData) {
		at = append(at, uint32(k))
		n := strings.IndexByte(commonData[k:], '\n')
		if n < 0 {
			n = len(commonData) - k
		}
		k += n + 1
	}
	return append(at, uint32(k))
})

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
