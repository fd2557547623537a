package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
)

// TestHomeCountriesLoad: data/homecountries.tsv parses, every country it
// names is one of the gazetteer's, and a group that fights across a
// border has more than one.
func TestHomeCountriesLoad(t *testing.T) {
	h := loadHomesFile(t, "data/homecountries.tsv")
	if got := h["al-shabaab"].ccs; len(got) < 2 {
		t.Errorf("al-shabaab: %v, want the countries it fights in", got)
	}
	if got := h["al-shabaab"].main; got != "" {
		t.Errorf("al-shabaab: main home %q, want none", got)
	}
	if got := h["luhya"]; got.main != "KE" || len(got.ccs) != 2 {
		t.Errorf("luhya: %+v, want Kenya, main, and Uganda", got)
	}
}

// TestJoinHomes: the main home several participants' homes share.
func TestJoinHomes(t *testing.T) {
	ke := home{ccs: []string{"KE"}, main: "KE"}
	keUG := home{ccs: []string{"KE", "UG"}, main: "KE"}
	keTZ := home{ccs: []string{"KE", "TZ"}}
	ugKE := home{ccs: []string{"UG", "KE"}, main: "UG"}
	tests := []struct {
		name  string
		homes []home
		want  string
	}{
		{"a people most of whom live in one land", []home{keUG}, "KE"},
		{"a people of two lands none of which holds most", []home{keTZ}, ""},
		{"a people of one land beside one mostly there", []home{ke, keUG}, "KE"},
		{"peoples mostly in two different lands", []home{keUG, ugKE}, ""},
		{"a people mostly in one land beside one of no main home", []home{keUG, keTZ}, ""},
	}
	for _, tt := range tests {
		got, _ := sharedOf(tt.homes)
		if got.main != tt.want {
			t.Errorf("%s: main %q, want %q", tt.name, got.main, tt.want)
		}
	}
}

// TestSharedHomes: the countries several participants' homes share.
func TestSharedHomes(t *testing.T) {
	tests := []struct {
		name  string
		homes [][]string
		want  []string
	}{
		{"one people of one land", [][]string{{"KE"}}, []string{"KE"}},
		{"a people of a border land and one of its side", [][]string{{"KE", "UG"}, {"KE"}}, []string{"KE"}},
		{"peoples of two lands share none", [][]string{{"SS"}, {"KE"}}, []string{}},
	}
	for _, tt := range tests {
		var got []string
		for i, h := range tt.homes {
			got = sharedHomes(got, h, i == 0)
		}
		if len(got) != len(tt.want) || len(got) > 0 && got[0] != tt.want[0] {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestRegionWordAlias: a division named with its word in lower case
// ("Collines department") keeps the bare name as written as its alias, the
// way a reader calls it.
func TestRegionWordAlias(t *testing.T) {
	rec := extractOne(t, "Gunmen abducted a teacher near a school in Collines department.", "2024-03-20")
	e := entityByName(rec, "Collines Department")
	if e == nil {
		t.Fatalf("no Collines Department; entities: %s", entityList(rec))
	}
	if !hasString(e.Aliases, "Collines") || hasString(e.Aliases, "Collines department") {
		t.Errorf("aliases %q, want Collines and not the phrase with its word", e.Aliases)
	}
}

// TestCurrenciesLoad: data/currencies.tsv parses and every country it
// names is one of the gazetteer.
func TestCurrenciesLoad(t *testing.T) {
	loadHomesFile(t, "data/currencies.tsv")
}

// loadHomesFile parses a file laid out as data/homecountries.tsv and
// checks that every country it names is one of the gazetteer.
func loadHomesFile(t *testing.T, path string) map[string]home {
	t.Helper()
	h, err := parseHomes(path)
	if err != nil {
		t.Fatal(err)
	}
	g := gazetteer.Default()
	for name, hm := range h {
		for _, cc := range hm.ccs {
			if g.Country(cc) == nil {
				t.Errorf("%s: %s is no country of the gazetteer", name, cc)
			}
		}
	}
	return h
}
