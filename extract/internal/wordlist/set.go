package wordlist

import "math/bits"

// Set is a set of words for the lookups of tokens in hot loops: an
// open-addressing table hashed on a word's length and first, middle and
// last bytes, which answers with a comparison or two where a
// map[string]bool hashes the whole string (the middle byte because
// inflected forms share their length and first and last letters). It
// holds the words a map maps to true, and Has(w) is exactly m[w].
//
// Beside each slot's word, a byte array holds a tag of it: 0 for an empty
// slot, else eight more bits of the word's hash. Most words a set is asked
// for are not in it, and the tags answer for them without reading the
// words: one byte a slot, where the words are a string header (16 bytes)
// each and the bytes they point to, so that the tags of the extractor's
// hundred and fifty sets stay in the cache where their words do not.
// Its methods take a pointer, so that a call passes one word for the set
// rather than its seven.
type Set struct {
	tags  []uint8  // tags[i] is 0 if slot i is empty, else its word's tag
	slots []string // the words, where tags[i] != 0
	shift uint8
	empty bool // the set holds ""
}

// maxSetBits is the most bits of a slot number: the tag takes the eight
// bits of the hash below them.
const maxSetBits = 24

// NewSet returns the set of the words m maps to true.
func NewSet(m map[string]bool) Set {
	n := 0
	for _, ok := range m {
		if ok {
			n++
		}
	}
	b := bits.Len(uint(4*n)) + 1 // at most a quarter of the slots are used
	if b > maxSetBits {
		panic("wordlist: too many words for a Set")
	}
	s := Set{tags: make([]uint8, 1<<b), slots: make([]string, 1<<b), shift: uint8(32 - b)}
	for w, ok := range m {
		switch {
		case !ok:
		case w == "":
			s.empty = true
		default:
			h := hash(w)
			i := s.slot(h)
			for s.tags[i] != 0 {
				i = (i + 1) & uint32(len(s.slots)-1)
			}
			s.tags[i], s.slots[i] = tag(h), w
		}
	}
	return s
}

// hash returns the hash of w, a word not empty: its length and its
// first, middle and last bytes, in one integer that slot and tag mix.
func hash(w string) uint32 {
	return uint32(len(w))<<16 ^ uint32(w[0])<<8 ^ uint32(w[len(w)-1]) ^ uint32(w[len(w)/2])<<24
}

// slot returns the first slot to probe for a word whose hash is h: the
// high bits of h times a constant (the shift is masked only so that the
// compiler leaves out its check of shifts of 32 bits or more).
func (s *Set) slot(h uint32) uint32 { return h * 0x9E3779B1 >> (s.shift & 31) }

// tag returns the tag of a word whose hash is h: never 0. It is the high
// byte of h times another constant, a shift by a constant, where eight
// bits below the slot's would take a shift by the set's size.
func tag(h uint32) uint8 { return uint8(h*0x85EBCA6B>>24) | 1 }

// Has reports whether w is in the set.
func (s *Set) Has(w string) bool { return s.Index(w) >= 0 }

// Index returns the slot of w, or -1 when the set does not hold it; ""
// has slot len(s.slots).
func (s *Set) Index(w string) int {
	n := len(w)
	if n == 0 {
		if s.empty {
			return len(s.slots)
		}
		return -1
	}
	h := uint32(n)<<16 ^ uint32(w[0])<<8 ^ uint32(w[n-1]) ^ uint32(w[n>>1])<<24
	tags := s.tags
	t, mask := tag(h), uint32(len(tags)-1)
	// the probe compares tags only, and the words where a tag is the
	// word's, after it: a comparison of words is a call, which would
	// have the whole probe keep its values on the stack
	i := s.slot(h)
	for {
		switch tags[i] {
		case 0:
			return -1
		case t:
			if len(s.slots[i]) == n {
				if s.slots[i] == w {
					return int(i)
				}
				return s.indexFrom(w, (i+1)&mask, t)
			}
		}
		i = (i + 1) & mask
	}
}

// indexFrom is Index(w) from slot i on, where w's tag is t.
func (s *Set) indexFrom(w string, i uint32, t uint8) int {
	mask := uint32(len(s.tags) - 1)
	for ; s.tags[i] != 0; i = (i + 1) & mask {
		if s.tags[i] == t && s.slots[i] == w {
			return int(i)
		}
	}
	return -1
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
func (m *Map[V]) Get(w string) (v V, ok bool) {
	if i := m.set.Index(w); i >= 0 {
		return m.vals[i], true
	}
	return v, false
}

// Index returns the index of w's value for At, -1 if the map does not
// hold w: a caller that remembers it for a word need not look the word
// up again.
func (m *Map[V]) Index(w string) int { return m.set.Index(w) }

// At returns the value at index i, an Index of the map's (not -1).
func (m *Map[V]) At(i int) V { return m.vals[i] }

// Has reports whether the map holds w.
func (m *Map[V]) Has(w string) bool { return m.set.Has(w) }

// Words returns the map's words, in no particular order.
func (m *Map[V]) Words() []string { return m.set.Words() }
