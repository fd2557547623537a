package extract

import "math/bits"

// wordSet is a set of words for the lookups of tokens in hot loops: an
// open-addressing table hashed on a word's length and first and last
// bytes, which answers with a few comparisons where a map[string]bool
// hashes the whole string. It holds the words a map maps to true, and
// has(w) is exactly m[w].
type wordSet struct {
	slots []string // "" marks an empty slot
	shift uint8
	empty bool // the set holds ""
}

// newWordSet returns the set of the words m maps to true.
func newWordSet(m map[string]bool) wordSet {
	n := 0
	for _, ok := range m {
		if ok {
			n++
		}
	}
	b := bits.Len(uint(4*n)) + 1 // at most a quarter of the slots are used
	s := wordSet{slots: make([]string, 1<<b), shift: uint8(32 - b)}
	for w, ok := range m {
		switch {
		case !ok:
		case w == "":
			s.empty = true
		default:
			i := s.slot(w)
			for s.slots[i] != "" {
				i = (i + 1) & uint32(len(s.slots)-1)
			}
			s.slots[i] = w
		}
	}
	return s
}

func (s wordSet) slot(w string) uint32 {
	h := uint32(len(w))<<16 ^ uint32(w[0])<<8 ^ uint32(w[len(w)-1])
	return (h * 0x9E3779B1) >> s.shift
}

// has reports whether w is in the set.
func (s wordSet) has(w string) bool {
	if w == "" {
		return s.empty
	}
	mask := uint32(len(s.slots) - 1)
	for i := s.slot(w); ; i = (i + 1) & mask {
		switch s.slots[i] {
		case w:
			return true
		case "":
			return false
		}
	}
}
