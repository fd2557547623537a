package extract

import "testing"

// probePlaceRows hold one row per way an article names several places
// beside the one an attack happened at: a reference point ("about 30 km
// from Y"), the region or province the place lies in, the dateline's
// city, the capital where officials spoke, a victim's hometown, the place
// of an earlier attack. The texts are written for this test (people,
// tolls and dates invented); want is a place the attack must have, not
// one it must not.
var probePlaceRows = []struct {
	name, in, want, not string
}{
	{"a village about some km from a town", "Gunmen killed eight farmers in the village of Kukawa, about 30 km from Monguno, on Sunday, officials said.", "Kukawa", "Monguno"},
	{"near the town of X in the Y region", "Militants ambushed an army convoy near the town of Ansongo in the Gao region of Mali on Tuesday, killing six soldiers.", "Ansongo", ""},
	{"X, a town in Y province", "A car bomb exploded at a market in Spin Boldak, a town in Kandahar province, on Friday, killing nine people.", "Spin Boldak", ""},
	{"a dateline city and the attack's place", "KABUL (Reuters) - A suicide bomber killed 12 worshippers at a mosque in Herat on Friday, officials said.", "Herat", "Kabul"},
	{"a dateline city, the attack's place unsaid", "KABUL (Reuters) - A bomb exploded at a wedding hall on Friday evening, killing 20 guests, police said.", "Kabul", ""},
	{"a dateline city with its country, the attack's place unsaid", "HERAT, Afghanistan (AP) - Gunmen shot dead four guards at a bank on Monday, police said.", "Herat", ""},
	{"at a checkpoint outside X", "Militants attacked an army checkpoint outside Arish on Monday, killing five soldiers, security sources said.", "Arish", ""},
	{"the capital where the president spoke", "Gunmen killed 10 villagers in Bakura on Sunday. In Abuja, the president condemned the killings and ordered more troops to the area.", "Bakura", "Abuja"},
	{"a victim's hometown", "A bomb killed five people at a market in Konduga on Monday. One of the dead was a trader from Maiduguri, his brother said.", "Konduga", "Maiduguri"},
	{"an earlier attack's place", "Gunmen attacked a church in Owo on Sunday, killing 22 worshippers. The attack came a week after 30 people were killed in a raid on Dapchi.", "Owo", "Dapchi"},
	{"a district of a region", "Al Shabaab fighters stormed an army camp in the Afgoye district of Lower Shabelle on Saturday, killing seven soldiers.", "Afgoye", ""},
	{"on the outskirts of X", "A roadside bomb killed four police officers on the outskirts of Mogadishu on Wednesday, police said.", "Mogadishu", ""},
	{"X, some km east of Y", "Boko Haram fighters raided Ngala, 120 km east of Maiduguri, on Thursday, killing 15 people.", "Ngala", "Maiduguri"},
	{"a region named by the defence ministry in the capital", "NIAMEY (Reuters) - Suspected jihadists killed 17 soldiers in an ambush near Ouallam in the Tillaberi region on Tuesday, the defence ministry said in a statement read on television in Niamey.", "Ouallam", "Niamey"},
	{"the northern town of X", "Gunmen stormed a hotel in the northern town of Kidal on Monday, killing three guards, witnesses said.", "Kidal", ""},
	{"X, Y province, by a comma", "A suicide bomber struck a rally in Jalalabad, Nangarhar province, on Sunday, killing 14 people.", "Jalalabad", ""},
	{"a town where the wounded were taken", "Gunmen opened fire on a bus near Mandera on Friday, killing six passengers. The wounded were taken to a hospital in Nairobi.", "Mandera", "Nairobi"},
}

func TestProbePlaces(t *testing.T) {
	ex := Default()
	for _, tt := range probePlaceRows {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractSentence(t, ex, tt.in)
			var places []string
			found := false
			for _, e := range rec.Events {
				if e.Type != EventAttack {
					continue
				}
				places = append(places, refNames(e.Places)...)
				if hasRef(e.Places, tt.want) && (tt.not == "" || !hasRef(e.Places, tt.not)) {
					found = true
				}
			}
			if !found {
				t.Errorf("%q\nwant place %q (not %q), got %v", tt.in, tt.want, tt.not, places)
			}
		})
	}
}

// datelinePlaceRows hold one row per shape of a dateline ("CITY, Country
// (Outlet) -", "CITY, Country -", "City (Outlet) -") with the attack's
// place said or unsaid in the body: an attack whose body names no place
// is at the dateline's city, in its country; one whose body names a
// place is there. The texts are written for this test (places, tolls and
// outlets invented); not, when set, is a place the attack must not have.
var datelinePlaceRows = []struct {
	name, in, place, country, not string
}{
	{"city in capitals, country, outlet; no place in the body", "KANDAHAR, Afghanistan (AP) — Gunmen attacked a police checkpoint on Tuesday, killing four officers, a provincial spokesman said.", "Kandahar", "Afghanistan", ""},
	{"city in capitals, country, no outlet; no place in the body", "BAIDOA, Somalia — A bomber set off his explosives inside a crowded restaurant on Friday, killing 12 diners.", "Baidoa", "Somalia", ""},
	{"city in title case, outlet; no place in the body", "Kano (Reuters) - Gunmen killed nine worshippers at a mosque on Sunday, police said.", "Kano", "Nigeria", ""},
	{"a short city in capitals, a country of two words, no outlet", "JUBA, South Sudan — Gunmen ambushed a convoy of aid trucks on Thursday, killing two drivers.", "Juba", "South Sudan", ""},
	{"a short city in capitals, a country, no outlet", "SANAA, Yemen — A drone struck a wedding party on Monday, killing seven guests, medics said.", "Sanaa", "Yemen", ""},
	{"city, country, date and outlet; no place in the body", "GOMA, Congo, Jan 12 (AFP) - Rebels killed 14 villagers overnight, local officials said.", "Goma", "Democratic Republic of the Congo", ""},
	{"a headline line above the dateline", "Gunmen storm hotel\n\nMOGADISHU, Somalia (AP) — Gunmen stormed a hotel on Saturday, killing at least nine people, police said.", "Mogadishu", "Somalia", ""},
	{"the body names the place in the attack's sentence", "ISLAMABAD (AP) — A roadside bomb killed three soldiers in North Waziristan on Wednesday, the military said.", "North Waziristan", "Pakistan", "Islamabad"},
	{"the body names the place after the dateline, no outlet", "BAIDOA, Somalia — A bomber set off his explosives inside a restaurant in Kismayo on Friday, killing 12 diners.", "Kismayo", "Somalia", "Baidoa"},
	{"the body names the place in a later sentence", "NAIROBI, Kenya (AP) — Suspected militants attacked a bus on Tuesday, killing six passengers. The attack took place in Lamu county, near the Somali border.", "Lamu", "Kenya", "Nairobi"},
	{"the body names a town of the title-case dateline's country", "Kano (Reuters) - Gunmen killed nine worshippers at a mosque in the town of Zaria on Sunday, police said.", "Zaria", "Nigeria", "Kano"},
}

func TestDatelinePlace(t *testing.T) {
	ex := Default()
	for _, tt := range datelinePlaceRows {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractSentence(t, ex, tt.in)
			var got []string
			for _, e := range rec.Events {
				if e.Type != EventAttack {
					continue
				}
				got = append(got, refNames(e.Places)...)
				if e.Country != nil {
					got = append(got, "country "+e.Country.Name)
				}
				if hasRef(e.Places, tt.place) && e.Country != nil && e.Country.Name == tt.country && (tt.not == "" || !hasRef(e.Places, tt.not)) {
					return
				}
			}
			t.Errorf("%q\nwant an attack in %s, %s (not %q); got %v", tt.in, tt.place, tt.country, tt.not, got)
		})
	}
}
