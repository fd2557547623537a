package extract

import "testing"

// TestCountryIndex checks the slots of country codes: one per pair of
// capital letters, none for any other key.
func TestCountryIndex(t *testing.T) {
	for _, tt := range []struct {
		cc   string
		want int
	}{
		{"AA", 0},
		{"AZ", 25},
		{"BA", 26},
		{"ZZ", countryCodes - 1},
		{"KE", 10*26 + 4},
		{"", -1},
		{"K", -1},
		{"KEN", -1},
		{"ke", -1},       // lower case: another key
		{"Ke", -1},       // mixed case
		{"@A", -1},       // the byte before A
		{"A[", -1},       // the byte after Z
		{"\xc3\x89", -1}, // two bytes of one rune
	} {
		if got := countryIndex(tt.cc); got != tt.want {
			t.Errorf("countryIndex(%q) = %d, want %d", tt.cc, got, tt.want)
		}
	}
}

// TestCountryCounts checks the counts against a map of the same adds,
// over codes and other keys, and that reset forgets them all.
func TestCountryCounts(t *testing.T) {
	keys := []string{"KE", "ZZ", "AA", "", "ke", "KEN", "X"}
	var cs countryCounts
	for round := 0; round < 2; round++ {
		want := map[string]int{}
		for i := 0; i < 50; i++ {
			cc, n := keys[(i*7+round)%len(keys)], 1+i%2
			cs.add(cc, n)
			want[cc] += n
		}
		for _, cc := range append(keys, "QQ", "qq") {
			if got := cs.get(cc); got != want[cc] {
				t.Errorf("round %d: get(%q) = %d, want %d", round, cc, got, want[cc])
			}
		}
		n := 0
		for cc, k := range cs.all {
			if k != want[cc] {
				t.Errorf("round %d: all gives %q %d, want %d", round, cc, k, want[cc])
			}
			n++
		}
		if n != len(want) {
			t.Errorf("round %d: %d keys counted, want %d", round, n, len(want))
		}
		cs.reset()
		for _, cc := range keys {
			if got := cs.get(cc); got != 0 {
				t.Errorf("round %d: get(%q) = %d after reset", round, cc, got)
			}
		}
	}
}

// TestCapitalOf checks capitalOf against the capitals' map, for every
// country it holds and for keys it does not.
func TestCapitalOf(t *testing.T) {
	r := loadResources()
	if len(r.capitals) == 0 {
		t.Fatal("no capitals")
	}
	for cc, e := range r.capitals {
		if got := r.capitalOf(cc); got != e {
			t.Errorf("capitalOf(%q) = %v, want %v", cc, got, e)
		}
	}
	for _, cc := range []string{"", "QQ", "ke", "KEN"} {
		if got := r.capitalOf(cc); got != r.capitals[cc] {
			t.Errorf("capitalOf(%q) = %v, want %v", cc, got, r.capitals[cc])
		}
	}
}
