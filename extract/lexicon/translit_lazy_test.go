package lexicon

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
)

// TestTranslitLazy checks that values added by AddLazy are found as
// those added by Add, after them, and are made only when found.
func TestTranslitLazy(t *testing.T) {
	x := NewTranslit[string]()
	x.Add("Sistan and Baluchestan", "own")
	made := map[uint32]int{}
	resolve := func(id uint32) string {
		made[id]++
		return []string{"lazy0", "lazy1", "lazy2"}[id]
	}
	for id, name := range []string{"Sistan and Baluchestan", "Sistan Baluchistan", "Khyber Pakhtunkhwa"} {
		k, ok := TranslitKey(name)
		if !ok {
			t.Fatalf("%q: no key", name)
		}
		x.AddLazy(k, uint32(id), resolve)
	}
	if len(made) != 0 {
		t.Fatalf("values made before any was found: %v", made)
	}
	for _, r := range []struct {
		in   string
		want []string
	}{
		{"Clashes in Seestan Baloochistan left two dead.", []string{"own", "lazy0", "lazy1"}},
		{"Clashes in Sistan-o-Baluchestan left two dead.", []string{"own", "lazy0", "lazy1"}},
		{"Troops in Khaibar Pakhtoonkhwa.", []string{"lazy2"}},
		{"Nothing of the kind.", nil},
	} {
		ms := x.AppendMissing(nil, text.Tokenize(r.in, 0), nil)
		var got []string
		if len(ms) > 0 {
			got = ms[0].Values
		}
		if !slices.Equal(got, r.want) {
			t.Errorf("%q: %v, want %v", r.in, got, r.want)
		}
	}
	for id, n := range made {
		if n != 1 {
			t.Errorf("value %d made %d times", id, n)
		}
	}
}
