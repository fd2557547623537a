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
	// index's loop, written again so that has stays small enough to be
	// inlined in the loops that call it
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

// index returns the slot of w, or -1 when the set does not hold it; ""
// has slot len(s.slots).
func (s wordSet) index(w string) int {
	if w == "" {
		if s.empty {
			return len(s.slots)
		}
		return -1
	}
	mask := uint32(len(s.slots) - 1)
	for i := s.slot(w); ; i = (i + 1) & mask {
		switch s.slots[i] {
		case w:
			return int(i)
		case "":
			return -1
		}
	}
}

// wordMap is a map from words to values for the lookups of tokens in hot
// loops, on wordSet's table: get(w) is exactly m[w] (with its ok) for the
// map m it was made from, without hashing the whole word.
type wordMap[V any] struct {
	set  wordSet
	vals []V // vals[i] is the value of the word of slot i (wordSet.index)
}

// newWordMap returns the map of m's words to their values.
func newWordMap[V any](m map[string]V) wordMap[V] {
	keys := make(map[string]bool, len(m))
	for w := range m {
		keys[w] = true
	}
	wm := wordMap[V]{set: newWordSet(keys)}
	wm.vals = make([]V, len(wm.set.slots)+1)
	for w, v := range m {
		wm.vals[wm.set.index(w)] = v
	}
	return wm
}

// get returns the value of w and whether the map holds w.
func (m wordMap[V]) get(w string) (v V, ok bool) {
	if i := m.set.index(w); i >= 0 {
		return m.vals[i], true
	}
	return v, false
}

// has reports whether the map holds w.
func (m wordMap[V]) has(w string) bool { return m.set.has(w) }
