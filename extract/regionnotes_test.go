package extract

import (
	"slices"
	"testing"
)

// regionNotes are one-line incident notes, in the style of conflict-event
// data sets, from countries whose administrative units the gazetteer
// rarely lists by name: the places of the note's event, most specific
// first, and the event's country. Each row reads one shape of unit word
// (data/placewords.tsv): after the name, before it ("Barangay X"), after
// "the … of", capitalised as part of the name, chained into the areas
// named after it.
var regionNotes = []struct {
	name, text string
	places     []string
	country    string
}{
	{"a barangay written first, its municipality and province",
		"On 3 May, gunmen killed two farmers in Barangay Talisoy, Marapang municipality, Bohol province.",
		[]string{"Talisoy", "Marapang", "Bohol"}, "Philippines"},
	{"a village, its raion, its oblast",
		"On 12 June, Russian forces shelled Velyka Solonka village, Kupiansk raion, Kharkiv Oblast.",
		[]string{"Velyka Solonka", "Kupiansk", "Kharkiv Oblast"}, "Ukraine"},
	{"an oblast named with its capitalised word",
		"On 4 April, a drone struck an energy facility in Zaporizhzhia Oblast, injuring three.",
		[]string{"Zaporizhzhia Oblast"}, "Ukraine"},
	{"a hromada in a lower-case oblast",
		"On 8 July, Russian artillery hit Novoshchyne hromada in Sumy oblast, killing one civilian.",
		[]string{"Novoshchyne", "Sumy Oblast"}, "Ukraine"},
	{"a village, its township, its region (Myanmar)",
		"On 2 March, the military carried out airstrikes on Nyaung Kone village, Pale township, Sagaing region.",
		[]string{"Nyaung Kone", "Pale", "Sagaing Region"}, "Myanmar"},
	{"a village in a township and region",
		"On 19 January, PDF fighters ambushed a junta convoy near Kyauk Taw village in Myinmu township, Sagaing region.",
		[]string{"Kyauk Taw", "Myinmu", "Sagaing Region"}, "Myanmar"},
	{"a vereda written first: a name of another country is not read so",
		"On 6 February, FARC dissidents killed a community leader in Vereda La Palmita, Tame municipality, Arauca department.",
		[]string{"La Palmita", "Tame", "Arauca department"}, "Colombia"},
	{"the municipality of a name",
		"On 23 August, ELN fighters clashed with the army in the municipality of San Lorencio, Norte de Santander.",
		[]string{"San Lorencio", "Norte de Santander department"}, "Colombia"},
	{"a colonia written first, its municipality and state",
		"On 11 October, armed men killed three people in Colonia Las Brisas, Celaya municipality, Guanajuato.",
		[]string{"Las Brisas", "Celaya", "Guanajuato"}, "Mexico"},
	{"the municipio of a name",
		"On 14 May, cartel gunmen attacked police in the municipio of Zitlapan, Michoacan.",
		[]string{"Zitlapan", "Michoacan"}, "Mexico"},
	{"a village, its LGA, its state (capitalised)",
		"On 30 April, bandits killed 12 villagers in Kadanye village, Maru LGA, Zamfara State.",
		[]string{"Kadanye", "Maru", "Zamfara State"}, "Nigeria"},
	{"a venue in a town of an LGA of a state in lower case",
		"On 2 September, ISWAP fighters attacked a military base in Gajiram, Nganzai LGA, Borno state.",
		[]string{"Gajiram military base", "Gajiram", "Nganzai", "Borno"}, "Nigeria"},
	{"a village, a hyphenated division, a region (Cameroon)",
		"On 21 November, separatists burned a school in Bakossi village, Kupe-Muanenguba division, Southwest region.",
		[]string{"Bakossi school", "Bakossi", "Kupe-Muanenguba", "Southwest Region"}, "Cameroon"},
	{"a village, its chiefdom, its territory",
		"On 5 December, ADF rebels killed 9 civilians in Mabuta village, Bapere chiefdom, Lubero territory.",
		[]string{"Mabuta", "Bapere", "Lubero"}, "Democratic Republic of the Congo"},
	{"a groupement, its territory, its province",
		"On 17 March, CODECO militiamen attacked Lodjo groupement, Djugu territory, Ituri province.",
		[]string{"Lodjo", "Djugu", "Ituri"}, "Democratic Republic of the Congo"},
	{"an area, its district, its governorate",
		"On 9 January, Houthi forces shelled Bayt Suwaid area, Hays district, Hodeidah governorate.",
		[]string{"Bayt Suwaid", "Hays", "Hodeidah"}, "Yemen"},
	{"a venue in a district of a governorate",
		"On 25 June, AQAP militants attacked a checkpoint in Mudiyah district, Abyan governorate.",
		[]string{"Mudiyah checkpoint", "Mudiyah", "Abyan Governorate"}, "Yemen"},
	{"a village in a nahiya of a governorate",
		"On 13 February, regime forces shelled Kafr Talim village in Suran nahiya, Hama governorate.",
		[]string{"Kafr Talim", "Suran", "Hama Governorate"}, "Syria"},
	{"a sub-district written with a hyphen, its qada, its governorate",
		"On 7 August, an IED exploded in Tal Ghazal sub-district, Hawija qada, Kirkuk governorate.",
		[]string{"Tal Ghazal", "Hawija", "Kirkuk Governorate"}, "Iraq"},
	{"a village, its mandal, its district",
		"On 28 October, Maoists killed a villager in Kondapalem village, Dummugudem mandal, Bhadradri Kothagudem district.",
		[]string{"Kondapalem", "Dummugudem", "Bhadradri Kothagudem"}, "India"},
	{"a tehsil, its district, its state",
		"On 15 April, a landmine wounded two soldiers in Bijkot tehsil, Rajouri district, Jammu and Kashmir.",
		[]string{"Bijkot", "Rajouri", "Jammu and Kashmir"}, "India"},
	{"a venue in a tehsil of a district of a province",
		"On 3 July, militants fired rockets at a police post in Naurang tehsil, Lakki Marwat district, Khyber Pakhtunkhwa.",
		[]string{"Naurang police post", "Naurang", "Lakki Marwat", "Khyber Pakhtunkhwa"}, "Pakistan"},
	{"a village, its union council (a unit of two words), its tehsil, its district",
		"On 14 March, gunmen shot dead a shopkeeper in Shakarpur village, Mirwali union council, Domel tehsil, Bannu district.",
		[]string{"Shakarpur", "Mirwali", "Domel", "Bannu"}, "Pakistan"},
	{"a village, its tehsil, its district",
		"On 22 May, unidentified gunmen killed two people in Shakarpur, Domel tehsil, Bannu district.",
		[]string{"Shakarpur", "Domel", "Bannu"}, "Pakistan"},
	{"a village in the cercle of a name, its region",
		"On 10 March, JNIM militants attacked Dialoube village in the cercle of Youwarou, Mopti region.",
		[]string{"Dialoube", "Youwarou", "Mopti Region"}, "Mali"},
	{"a commune, its province, its region (Burkina Faso)",
		"On 18 September, suspected jihadists killed five civilians in Kassoum commune, Sourou province, Boucle du Mouhoun region.",
		[]string{"Kassoum", "Sourou", "Boucle du Mouhoun Region"}, "Burkina Faso"},
	{"the village of a name, its province, its country",
		"On 26 January, gunmen abducted a chief in the village of Tangaye, Yatenga province, Burkina Faso.",
		[]string{"Tangaye", "Yatenga"}, "Burkina Faso"},
	{"the X region of a country",
		"On 1 November, the army clashed with militants in the Diffa region of Niger.",
		[]string{"Diffa Region"}, "Niger"},
	{"an upazila, its district, its country",
		"On 14 August, a mob attacked a health worker in Bagum upazila, Sylhet district, Bangladesh.",
		[]string{"Bagum", "Sylhet"}, "Bangladesh"},
	{"a woreda, a zone whose name starts with a compass word, a region",
		"On 20 February, police clashed with protesters in Kulubi woreda, West Arsi zone, Oromia region.",
		[]string{"Kulubi", "West Arsi", "Oromia Region"}, "Ethiopia"},
	{"a kebele, a woreda, a zone, a region",
		"On 9 June, Fano militiamen attacked Ginbot kebele, Lasta woreda, North Wollo zone, Amhara region.",
		[]string{"Ginbot", "Lasta", "North Wollo", "Amhara Region"}, "Ethiopia"},
	{"a kabupaten written first",
		"On 4 October, gunmen killed a trader in Kabupaten Puncak Baru, Papua.",
		[]string{"Puncak Baru", "Papua"}, "Indonesia"},
	{"a sitio and a barangay written first, chained",
		"On 29 July, NPA rebels ambushed soldiers in Sitio Malinao, Barangay Lumbo, Esperanza municipality, Sultan Kudarat.",
		[]string{"Malinao", "Lumbo", "Esperanza"}, "Philippines"},
	{"a taluk, its district, its state",
		"On 6 May, unknown assailants killed a farmer in Kebandarpur taluk, Raichur district, Karnataka.",
		[]string{"Kebandarpur", "Raichur", "Karnataka"}, "India"},
	{"a wilayat written first, its governorate, its country",
		"On 15 January, army troops clashed with militants in Wilayat Sinaw, Al Batinah governorate, Oman.",
		[]string{"Sinaw", "Al Batinah"}, "Oman"},
	{"a village, its sector, its territory",
		"On 2 June, ADF rebels killed four farmers in Mambingi village, Ruwenzori sector, Beni territory.",
		[]string{"Mambingi", "Ruwenzori", "Beni"}, "Democratic Republic of the Congo"},
	{"a subdivision, its division, its region",
		"On 14 September, Ambazonian separatists killed a gendarme in Mbengwi subdivision, Momo division, Northwest region.",
		[]string{"Mbengwi", "Momo", "Northwest Region"}, "Cameroon"},
	{"a village, its locality, its state (Sudan)",
		"On 20 October, RSF fighters looted shops in Umm Sidra village, Kutum locality, North Darfur state.",
		[]string{"Umm Sidra", "Kutum", "North Darfur"}, "Sudan"},
	{"a corregimiento written first, its municipality, its department",
		"On 8 April, armed men killed a councillor in Corregimiento El Limonar, Tierralta municipality, Cordoba department, Colombia.",
		[]string{"El Limonar", "Tierralta", "Cordoba Department"}, "Colombia"},
	{"a division written with a capitalised unit word its name lacks",
		"On 4 March, armed youths raided cattle camps in Upper Nile State, killing six herders.",
		[]string{"Upper Nile"}, "South Sudan"},
	{"a division whose name is an ordinary word, with its unit word",
		"On 9 March, soldiers clashed with a militia in Unity State, killing four.",
		[]string{"Unity"}, "South Sudan"},
	{"a division named with a lower-case link word",
		"On 14 May, an arsonist burned a warehouse in Usti nad Labem Region, wounding two guards.",
		[]string{"Usti nad Labem Region"}, "Czechia"},
	{"a division named with an apostrophe",
		"On 2 June, gunmen shot dead a border guard in Ha'il Region.",
		[]string{"Ha'il Region"}, "Saudi Arabia"},
	{"a voivodeship",
		"On 8 August, a bomb damaged a rail line in Lublin voivodeship, injuring one.",
		[]string{"Lublin Voivodeship"}, "Poland"},
	{"a division written with its unit word, not its seat",
		"On 19 April, militants ambushed a convoy in Tokat Province, killing a soldier.",
		[]string{"Tokat Province"}, "Türkiye"},
	{"a division whose source names it with a local unit word, in English",
		"On 30 June, a gunman wounded three people in Aqtobe Region.",
		[]string{"Aqtobe Region"}, "Kazakhstan"},
	{"a city estate that a small town abroad shares its name with, in a note about the city's country",
		"On 12 May, Kenyan police said robbers shot dead a guard in Lavington, Nairobi.",
		[]string{"Lavington"}, "Kenya"},
	{"a province that a small town abroad shares its name with, the country named",
		"On 7 July, NPA rebels ambushed an army patrol in Kalinga province, Philippines.",
		[]string{"Kalinga"}, "Philippines"},
	{"an area named by an adjective and a capitalised unit word",
		"On 6 May, rockets landed in the Red Zone of Mogadishu, wounding two guards.",
		[]string{"Red Zone", "Mogadishu"}, "Somalia"},
	{"a region named by a people's adjective and its unit word",
		"On 11 May, a drone struck a militia base in the Kurdish Region of Iraq.",
		[]string{"Kurdistan Region"}, "Iraq"},
	{"a parish named with 'St.' where the reference data write 'Saint'",
		"On 21 May, robbers shot dead a shopkeeper in St. Thomas Parish, Jamaica.",
		[]string{"St. Thomas"}, "Jamaica"},
	{"a division named with '&' where the reference data write 'and'",
		"On 16 June, gunmen killed two border guards in Chaharmahal & Bakhtiari Province.",
		[]string{"Chaharmahal and Bakhtiari Province"}, "Iran"},
	{"a division that a town abroad shares its name with, its country told by the capital named after it",
		"On 4 May, gunmen killed two farmers in Bono, 300 km from Accra.",
		[]string{"Bono"}, "Ghana"},
	{"a village in a region of a country",
		"On 1 July, al Shabaab fighters attacked Ceel Gaduud village in Bakool region, Somalia.",
		[]string{"Ceel Gaduud", "Bakool"}, "Somalia"},
}

func TestRegionNotes(t *testing.T) {
	for _, tt := range regionNotes {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractOne(t, tt.text, "2024-12-01")
			if len(rec.Events) == 0 {
				t.Fatalf("no event; entities: %s", entityList(rec))
			}
			ev := rec.Events[0]
			var got []string
			for _, p := range ev.Places {
				got = append(got, p.Name)
			}
			if !slices.Equal(got, tt.places) {
				t.Errorf("places %q, want %q", got, tt.places)
			}
			if ev.Country == nil || ev.Country.Name != tt.country {
				t.Errorf("country %v, want %s", ev.Country, tt.country)
			}
		})
	}
}
