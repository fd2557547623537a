package wordlist

import (
	"fmt"
	"slices"
	"testing"
)

// TestSetAndMap checks that Set and Map answer as the maps they were made
// from (Map's Index and At as its Get): every word, words they lack of
// the same lengths and letters, and "" (held or not).
func TestSetAndMap(t *testing.T) {
	for _, tt := range []struct {
		name string
		m    map[string]int
	}{
		{"empty", map[string]int{}},
		{"inflected forms", map[string]int{"attack": 1, "attacks": 2, "attacked": 3, "attacking": 4, "a": 5, "at": 6}},
		{"with empty", map[string]int{"": 7, "the": 8}},
		{"same length and ends", map[string]int{"shot": 1, "shut": 2, "slit": 3, "spat": 4, "stet": 5}},
		{"same hash, many", sameShape(600)},
	} {
		set := map[string]bool{}
		for w := range tt.m {
			set[w] = true
		}
		set["left-out"] = false
		s, m := NewSet(set), NewMap(tt.m)
		probe := []string{"", "x", "zzzz", "left-out"}
		for w := range tt.m {
			if w != "" {
				probe = append(probe, w, w+"q", "q"+w, w[:len(w)-1])
			}
		}
		for _, w := range probe {
			want, wok := tt.m[w]
			if got := s.Has(w); got != set[w] {
				t.Errorf("%s: Set.Has(%q) = %v, want %v", tt.name, w, got, set[w])
			}
			if got, ok := m.Get(w); got != want || ok != wok {
				t.Errorf("%s: Map.Get(%q) = %v, %v; the map has %v, %v", tt.name, w, got, ok, want, wok)
			}
			if i := m.Index(w); (i >= 0) != wok || wok && m.At(i) != want {
				t.Errorf("%s: Map.Index(%q) = %d, the map has %v, %v", tt.name, w, i, want, wok)
			}
			if got := m.Has(w); got != wok {
				t.Errorf("%s: Map.Has(%q) = %v, want %v", tt.name, w, got, wok)
			}
		}
		var words []string
		for w, ok := range set {
			if ok {
				words = append(words, w)
			}
		}
		got := s.Words()
		slices.Sort(got)
		slices.Sort(words)
		if !slices.Equal(got, words) {
			t.Errorf("%s: Words() = %q, want %q", tt.name, got, words)
		}
	}
}

// sameShape returns n words of one length and the same first, middle and
// last bytes, which share their hash and so their first slot and tag.
func sameShape(n int) map[string]int {
	m := map[string]int{}
	for i := range n {
		m[fmt.Sprintf("k%03dq%03dz", i/1000, i%1000)] = i
	}
	return m
}
