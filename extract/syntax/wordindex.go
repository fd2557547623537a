package syntax

import "math/bits"

// wordIndex is the word lexicon as the tagger reads it, once or more for
// every token: an open-addressing table hashed on a word's length and
// first, middle and last bytes, which answers with a comparison or two
// where a map[string]word hashes the whole string (extract's wordSet,
// with the middle byte too: the lexicon's inflected forms share their
// first and last letters and lengths). get(w) is exactly m[w], with its ok, for the map m it was made
// from.
type wordIndex struct {
	keys  []string // "" marks an empty slot
	vals  []word   // vals[i] is the entry of keys[i]
	shift uint8
	empty word // the entry of "", if the map has one
	hasE  bool
}

// newWordIndex returns the index of m.
func newWordIndex(m map[string]word) *wordIndex {
	b := bits.Len(uint(2*len(m))) + 1 // at most a quarter of the slots are used
	x := &wordIndex{keys: make([]string, 1<<b), vals: make([]word, 1<<b), shift: uint8(32 - b)}
	for w, e := range m {
		if w == "" {
			x.empty, x.hasE = e, true
			continue
		}
		i := x.slot(w)
		for x.keys[i] != "" {
			i = (i + 1) & uint32(len(x.keys)-1)
		}
		x.keys[i], x.vals[i] = w, e
	}
	return x
}

func (x *wordIndex) slot(w string) uint32 {
	h := uint32(len(w))<<16 ^ uint32(w[0])<<8 ^ uint32(w[len(w)-1]) ^ uint32(w[len(w)/2])<<24
	return (h * 0x9E3779B1) >> x.shift
}

// get returns the entry of w and whether the lexicon has one.
func (x *wordIndex) get(w string) (word, bool) {
	if w == "" {
		return x.empty, x.hasE
	}
	mask := uint32(len(x.keys) - 1)
	for i := x.slot(w); ; i = (i + 1) & mask {
		switch x.keys[i] {
		case w:
			return x.vals[i], true
		case "":
			return word{}, false
		}
	}
}

// of returns the entry of w, the zero word if the lexicon has none.
func (x *wordIndex) of(w string) word {
	e, _ := x.get(w)
	return e
}
