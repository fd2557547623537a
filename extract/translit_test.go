package extract

import (
	"context"
	"strings"
	"testing"
)

// TestTransliterationVariants: a spelling no list holds resolves to the
// curated group or region by its transliteration key, and a different
// name stays different. One row per shape of spelling.
func TestTransliterationVariants(t *testing.T) {
	for _, tc := range []struct {
		text string
		key  string // entity key suffix that must be found
		not  string // entity key suffix that must not be found
	}{
		{"Fighters of Jama'at Nusrat al-Islam wal-Muslimin attacked a police post in Mali.", "group/jnim", ""}, // apostrophe, Nusrat, wal-
		{"Fighters of Jamaat Nasr al-Islam wal Muslimin attacked a police post in Mali.", "group/jnim", ""},    // list spelling, spaced
		{"Fighters of Jamaat Nusrat al Islam wal Muslimeen attacked a police post in Mali.", "group/jnim", ""}, // ee for i, no hyphens
		{"Gunmen of Jaish el-Adl attacked a border post in Iran.", "group/jaish-al-adl", ""},                   // el for al
		{"The attack took place in Sistan o Balouchestan province of Iran.", "region/ir-11", ""},               // o, ou
		{"The attack took place in Sistan-o-Baloochistan province of Iran.", "region/ir-11", ""},               // double o
		{"The attack took place near Quetta, the capital of Balochistan, in Pakistan.", "", "region/ir-11"},    // Pakistan's region stays apart
		{"Fighters of Hisb ul-Islaamiyya raided a market in southern Somalia.", "group/hizbul-islam", ""},      // z written s, ul joined by a hyphen, -iyya
		{"Kata'ib Hisbullah fighters fired rockets at a base in Iraq.", "group/kataib-hezbollah", ""},          // z written s
		{"Members of Hizb ut-Tahrir marched in the capital.", "", "group/hizbul-islam"},                        // another name
		{"The Islamic Jihad group fired rockets at Israel.", "", "group/islamic-state"},                        // another name
	} {
		rec, err := Default().Extract(context.Background(), Document{ID: "d", Text: tc.text, Published: "2024-01-17"})
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		found := func(suffix string) bool {
			for _, e := range rec.Entities {
				if strings.HasSuffix(e.ID, "/"+suffix) {
					return true
				}
			}
			return false
		}
		for _, e := range rec.Entities {
			keys = append(keys, e.ID[strings.LastIndex(e.ID, "entity/")+len("entity/"):]+" "+e.Name)
		}
		if tc.key != "" && !found(tc.key) {
			t.Errorf("%q: no %s among %q", tc.text, tc.key, keys)
		}
		if tc.not != "" && found(tc.not) {
			t.Errorf("%q: %s found among %q", tc.text, tc.not, keys)
		}
	}
}

// TestUnknownPlaceSpelling: a place no list holds is named in its
// hyphenated spelling, the written one kept as an alias, so that two
// documents spelling it differently name it alike.
func TestUnknownPlaceSpelling(t *testing.T) {
	for _, tc := range []struct{ text, name, alias string }{
		{"Headquarters were destroyed in the Koh e Sabz area of Balochistan.", "Koh-e-Sabz", "Koh e Sabz"},
		{"Headquarters were destroyed in the Koh-e-Sabz area of Balochistan.", "Koh-e-Sabz", ""},
	} {
		rec, err := Default().Extract(context.Background(), Document{ID: "d", Text: tc.text, Published: "2024-01-17"})
		if err != nil {
			t.Fatal(err)
		}
		ok := false
		for _, e := range rec.Entities {
			if strings.HasSuffix(e.ID, "-koh-e-sabz") {
				ok = e.Name == tc.name && (tc.alias == "" || len(e.Aliases) == 1 && e.Aliases[0] == tc.alias)
				if !ok {
					t.Errorf("%q: name %q, aliases %q; want %q, %q", tc.text, e.Name, e.Aliases, tc.name, tc.alias)
				}
				ok = true
			}
		}
		if !ok {
			t.Errorf("%q: no Koh-e-Sabz entity", tc.text)
		}
	}
}

// TestPersonSpelling: a person's name is given its preferred spelling, the
// written one kept as an alias.
func TestPersonSpelling(t *testing.T) {
	rec, err := Default().Extract(context.Background(), Document{ID: "d", Text: "Pakistan's caretaker Prime Minister Anwaar-ul-haq Kakar will cut short a visit to Davos.", Published: "2024-01-17"})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range rec.Entities {
		if e.Class == ClassPerson {
			if e.Name != "Anwaar-ul-Haq Kakar" || len(e.Aliases) != 1 || e.Aliases[0] != "Anwaar-ul-haq Kakar" {
				t.Errorf("person %q, aliases %q; want Anwaar-ul-Haq Kakar, [Anwaar-ul-haq Kakar]", e.Name, e.Aliases)
			}
			return
		}
	}
	t.Errorf("no person in %+v", rec.Entities)
}
