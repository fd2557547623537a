package wordlist

import "math/bits"

// Set is a set of words for the lookups of tokens in hot loops: an
// open-addressing table hashed on a word's length and first, middle and
// last bytes, which answers with a comparison or two where a
// map[string]bool hashes the whole string (the middle byte because
// inflected forms share their length and first and last letters). It
// holds the words a map maps to true, and Has(w) is exactly m[w].
type Set struct {
	slots []string // "" marks an empty slot
	shift uint8
	empty bool // the set holds ""
}

// NewSet returns the set of the words m maps to true.
func NewSet(m map[string]bool) Set {
	n := 0
	for _, ok := range m {
		if ok {
			n++
		}
	}
	b := bits.Len(uint(4*n)) + 1 // at most a quarter of the slots are used
	s := Set{slots: make([]string, 1<<b), shift: uint8(32 - b)}
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

func (s Set) slot(w string) uint32 {
	h := uint32(len(w))<<16 ^ uint32(w[0])<<8 ^ uint32(w[len(w)-1]) ^ uint32(w[len(w)/2])<<24
	return (h * 0x9E3779B1) >> s.shift
}

// Has reports whether w is in the set.
func (s Set) Has(w string) bool {
	if w == "" {
		return s.empty
	}
	// Index's loop, written again so that Has stays small enough to be
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

// Index returns the slot of w, or -1 when the set does not hold it; ""
// has slot len(s.slots).
func (s Set) Index(w string) int {
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

// Words returns the set's words, "" among them if the set holds it, in
// no particular order.
func (s Set) Words() []string {
	var out []string
	for _, w := range s.slots {
		if w != "" {
			out = append(out, w)
		}
	}
	if s.empty {
		out = append(out, "")
	}
	return out
}

// Map is a map from words to values for the lookups of tokens in hot
// loops, on Set's table: Get(w) is exactly m[w] (with its ok) for the map
// m it was made from, without hashing the whole word.
type Map[V any] struct {
	set  Set
	vals []V // vals[i] is the value of the word of slot i (Set.Index)
}

// NewMap returns the map of m's words to their values.
func NewMap[V any](m map[string]V) Map[V] {
	keys := make(map[string]bool, len(m))
	for w := range m {
		keys[w] = true
	}
	wm := Map[V]{set: NewSet(keys)}
	wm.vals = make([]V, len(wm.set.slots)+1)
	for w, v := range m {
		wm.vals[wm.set.Index(w)] = v
	}
	return wm
}

// Get returns the value of w and whether the map holds w.
func (m Map[V]) Get(w string) (v V, ok bool) {
	if i := m.set.Index(w); i >= 0 {
		return m.vals[i], true
	}
	return v, false
}

// Has reports whether the map holds w.
func (m Map[V]) Has(w string) bool { return m.set.Has(w) }
