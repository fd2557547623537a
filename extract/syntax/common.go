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
// lines (commonTable), made on first use, since only a capitalised word
// that opens a sentence and that the lexicon lacks asks. The search is
// over the lines that begin with w's first two bytes (commonTable.span).
func commonHas(w string) bool {
	c := commonIndex()
	lo, hi := c.span(w) // line i is commonData[lines[i] : lines[i+1]-1]
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		switch line := commonData[c.lines[mid] : c.lines[mid+1]-1]; {
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

// commonTable is where commonData's lines are, with, for each first two
// bytes of lower-case letters a word may have, the lines that begin with
// them: a word's search is over a few dozen lines rather than the whole
// list.
type commonTable struct {
	// lines are the offsets of the words of commonData, after its
	// comment lines, and one more: the end of the last word plus one
	// (past its newline)
	lines []uint32
	// ranges[prefixKey(w)] are the lines [lo, hi) whose first two bytes
	// are w's
	ranges [26 * 27]struct{ lo, hi uint32 }
}

// prefixKey returns the key of w's first two bytes in
// commonTable.ranges, where both are lower-case ASCII letters (or w has
// one byte, a letter), and false where not: w has no such key.
func prefixKey(w string) (int, bool) {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return 0, false
	}
	k := int(w[0]-'a') * 27
	if len(w) == 1 {
		return k, true
	}
	if w[1] < 'a' || w[1] > 'z' {
		return 0, false
	}
	return k + 1 + int(w[1]-'a'), true
}

// span returns the lines [lo, hi) where w may be: those of its first
// two bytes, or all lines for a word with no prefixKey.
func (c *commonTable) span(w string) (int, int) {
	if k, ok := prefixKey(w); ok {
		r := c.ranges[k]
		return int(r.lo), int(r.hi)
	}
	return 0, len(c.lines) - 1
}

// commonIndex returns commonData's table, made on first use.
var commonIndex = sync.OnceValue(func() *commonTable {
	c := new(commonTable)
	k := commonStart()
	c.lines = make([]uint32, 0, strings.Count(commonData[k:], "\n")+2)
	for k < len(commonData) {
		c.lines = append(c.lines, uint32(k))
		n := strings.IndexByte(commonData[k:], '\n')
		if n < 0 {
			n = len(commonData) - k
		}
		k += n + 1
	}
	c.lines = append(c.lines, uint32(k))
	for i := 0; i+1 < len(c.lines); i++ {
		// the list is sorted, so a key's lines are consecutive
		if key, ok := prefixKey(commonData[c.lines[i] : c.lines[i+1]-1]); ok {
			r := &c.ranges[key]
			if r.hi == 0 {
				r.lo = uint32(i)
			}
			r.hi = uint32(i + 1)
		}
	}
	return c
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
