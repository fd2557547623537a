package extract

import (
	"strings"
	"testing"
)

// TestEventPlaceAndCountry: an attack's places (most specific first, then
// the areas the text names it in) and its country, one row per shape of
// incident note. The sentences are written for this test.
func TestEventPlaceAndCountry(t *testing.T) {
	tests := []struct {
		name, in    string
		places      string // the event's places, joined by ","
		country     string
		placesExact bool // places must equal; else the first must
	}{
		{"village in a parenthetical of its district and department",
			"On 2 May 2021, gunmen killed a herder in Tibouka (Kandi, Alibori).", "Tibouka,Kandi,Alibori Department", "Benin", true},
		{"village placed by the town it is coded to",
			"On 9 July 2022, bandits seized a herder in Tanda, coded to Segbana (Segbana, Alibori).", "Tanda,Segbana,Alibori Department", "Benin", true},
		{"village near a known town",
			"On 2 May 2021, gunmen abducted a trader in Gbessa, near Kalale (Kalale, Borgou).", "Gbessa,Kalale,Borgou Department", "Benin", true},
		{"a namesake abroad gives way to the division beside it",
			"On 2 May 2021, gunmen killed a guard in Kandi (Kandi, Alibori).", "Kandi", "Benin", false},
		{"a namesake abroad gives way to the country named after the town",
			"Raiders burned a granary in Kandi, Benin, wounding a guard.", "Kandi", "Benin", false},
		{"a namesake abroad gives way to the country a later sentence names",
			"Raiders burned a granary in Kandi, wounding a guard. Officials in Benin said the raiders fled.", "Kandi", "Benin", false},
		{"a namesake abroad gives way to a department named with its word",
			"On 9 June 2020, gunmen shot a trader in Tokonou village in Collines department.", "Tokonou,Collines Department", "Benin", true},
		{"a namesake abroad gives way to the county named after it",
			"Raiders hacked two farmers to death at Dila area near Witu in Lamu county.", "Dila", "Kenya", false},
		{"a ship's flag is no place: the country named after it is",
			"Pirates seized a Malta-registered tanker with 19 crew on board off the coast of Nicaragua.", "", "Nicaragua", true},
		{"an acronym is not a town",
			"A roadside bomb killed a policeman escorting NGO workers.", "", "", true},
		{"an armoured vehicle is not a town",
			"A roadside bomb hit an APC, killing two soldiers.", "", "", true},
		{"a small town abroad by another spelling is not meant",
			"Gunmen killed two herders in a clash over Soi grazing land.", "", "", true},
		{"a people's name is not a small town abroad",
			"Abala herdsmen attacked farmers, killing three.", "", "", true},
		{"country not from the militants' home country",
			"Gunmen suspected to be linked to Al Shabaab threw a grenade into a church, injuring civilians.", "", "", true},
		{"country not from a demonym of the attackers",
			"Police clashed with an Ethiopian armed group in Kerendile.", "Kerendile", "", true},
		{"country from a national body the lexicon knows",
			"GSU officers were ambushed by gunmen near Kambi Ndogo on Tuesday.", "Kambi Ndogo", "Kenya", true},
		{"country from a national body's acronym among the attackers",
			"FARDC soldiers clashed with militiamen near Mubango on Tuesday.", "Mubango", "Democratic Republic of the Congo", true},
		{"country from a force named with its country, beside another state's officials",
			"Kenyan police clashed with gunmen in Kambi Ndogo on Monday, Somali officials said.", "Kambi Ndogo", "Kenya", true},
		{"no country from a national body when another country is named",
			"Iran and Afghanistan traded blame after Frontier Corps soldiers were ambushed near Zardkan.", "Zardkan", "", true},
		{"a border named by its two countries leaves the state's officer to tell",
			"A Kenyan official died when his car struck a mine in Kulaley area near the Kenya-Ethiopia border.", "Kulaley", "Kenya", true},
		{"country from the state's own officers",
			"Kenyan officials said gunmen shot a trader dead in Kerendile.", "Kerendile", "Kenya", true},
		{"a second-level division GeoNames names in French gives its country",
			"On 4 March 2023, gunmen killed 3 herders in Yagha province.", "Yagha", "Burkina Faso", true},
		{"a big namesake abroad gives way to the region named after the place's unit word",
			"On 3 March 2023, soldiers torched houses in Kani township, Sagaing region.", "Kani,Sagaing Region", "Myanmar", true},
		{"a road between two towns is a place named with its word, in the towns' country",
			"On 5 March 2023, gunmen killed 2 traders on the Kaduna-Abuja road.", "Kaduna-Abuja road", "Nigeria", true},
		{"a town's full name, the gazetteer's short one and more words",
			"On 6 March 2023, gunmen killed 2 farmers in Lakki Marwat district.", "Lakki Marwat", "Pakistan", true},
		{"a division too short a name to be held without its unit word",
			"On 6 March 2023, separatists killed 2 farmers in Bui division.", "Bui Division", "Cameroon", true},
		{"a town of the gazetteer lies in the district of the gazetteer named after it",
			"On 7 March 2023, militants shot 2 Indian soldiers in Sopore, Baramulla district, Jammu and Kashmir.", "Sopur,Baramulla,Jammu and Kashmir", "India", true},
		{"a ward of the gazetteer gives its country",
			"Raiders shot a herder dead in Kaplamai on Monday.", "Kaplamai", "Kenya", true},
		{"a village beside a sub-county takes the sub-county's country",
			"Two boys were killed near Lomurut village, Lurambi when a grenade they found exploded.", "Lomurut,Lurambi", "Kenya", true},
		{"country from a national force the attack's sentence names outside its participants",
			"Troops of the Kenya Defence Forces were seen before gunmen shelled Gorai Forest, which herders have used as pasture.", "Gorai Forest", "Kenya", true},
		{"a country named as where the raiders went is the place even when a clause takes it as a side",
			"Ethiopian gunmen cross the border into Kenya, fight police, kill three, abduct one other.", "", "Kenya", true},
		{"the one country a note is in is the event's country, not its place",
			"Armed raiders shot two herders near the river. Officials in Benin said the raiders fled.", "", "Benin", true},
		{"the one country a headline note is in is the event's country, not its place",
			"Armed raiders torch a granary, kill two. Benin police say the raiders fled.", "", "Benin", true},
		{"a country the raid was in, named with nothing finer, is its place",
			"Armed raiders killed two herders in Benin.", "Benin", "Benin", true},
		{"a country only named as the attacker is not the place",
			"Pakistan launched strikes on militant hideouts, killing nine.", "", "", true},
		{"a demonym after non- names no country",
			"Gunmen targeting non-Ugandans threw a grenade into a camp, killing two.", "", "", true},
		{"country from the one land of a people whose raiders struck",
			"Tugen youths stole forty goats from a homestead, killing a herder.", "", "Kenya", true},
		{"two peoples that clash share the country of their border land",
			"Pokot and Tugen herders clashed over water, leaving two dead.", "", "Kenya", true},
		{"a people of two countries, neither holding most of it, alone gives none",
			"Maasai raiders shot a boy and drove off cattle.", "", "", true},
		{"a people most of whom live in one of its countries gives that one",
			"Luhya youths shot a boy and drove off cattle.", "", "Kenya", true},
		{"a people said to come from one of its countries gives none",
			"Luhya youths from Uganda shot a boy and drove off cattle.", "", "", true},
		{"country from a party of one country a short note names outside any entity",
			"Armed youths attacked a polling clerk during the CCM primaries.", "", "Tanzania", true},
		{"country from a national leader a short note names outside any entity",
			"Police shot dead a supporter of the opposition, and Museveni blamed rioters.", "", "Uganda", true},
		{"country from a national leader beyond Africa, by a family name",
			"Soldiers shot two protesters dead, and Lukashenko blamed foreign agents.", "", "Belarus", true},
		{"country from a national leader beyond Africa, by the full name a common family name needs",
			"Gunmen burned a bus, and Daniel Ortega blamed the opposition.", "", "Nicaragua", true},
		{"a national leader speaking of a town abroad gives way to the town",
			"Kagame said gunmen killed five traders in Bukavu.", "Bukavu", "Democratic Republic of the Congo", true},
		{"a national leader's common family name is no leader: the full name is listed",
			"Gunmen shot Ahmed, a trader, and fled with his goods.", "", "", true},
		{"country from a national leader a place beyond the gazetteer is named after",
			"A grenade exploded outside Museveni Stadium, wounding two guards.", "Museveni Stadium", "Uganda", true},
		{"no country from a people of two lands a place is named after",
			"Gunmen shot two traders dead at Kuria Market on Monday.", "Kuria Market", "", true},
		{"the land captives are held in is not where they were seized: a group of two lands struck in the other",
			"Al Shabaab gunmen seized a bus driver on a rural road. He is being held in Somalia.", "", "Kenya", true},
		{"the land captives are taken into is not where they were seized",
			"Gunmen abducted a trader and took him over the frontier into Ethiopia.", "", "", true},
		{"the land whose refugees were struck is not where a group of two lands struck",
			"Al Shabaab gunmen threw a grenade into a shop run by Somali refugees.", "", "Kenya", true},
		{"people of a land at home do not say they are abroad",
			"Al Shabaab gunmen threw a grenade into a shop run by Somali traders.", "", "", true},
		{"country from the currency of a short note's money",
			"Bandits robbed a trader of 40,000 naira and shot him.", "", "Nigeria", true},
		{"country from a currency of several lands and a people of one of them",
			"Luhya youths robbed a trader of 2 million shillings and shot him.", "", "Kenya", true},
		{"a currency's word that counts no money gives no country",
			"Bandits robbed a trader named Naira and shot him.", "", "", true},
		{"the land an attack took place in is where it happened",
			"The attack took place in Somalia, where gunmen shot two guards.", "Somalia", "Somalia", false},
		{"the land the wounded are flown to is not where they were hit",
			"A roadside bomb wounded three soldiers, who were airlifted to Kenya for treatment.", "", "", true},
		{"a capital opening a sentence does not make a party's name",
			"Jubilee celebrations ended when gunmen shot two guests dead.", "", "", true},
		{"a party's name read whole, not as the shorter name of another land's party",
			"ZANU PF youths beat an opposition agent at a polling station.", "", "Zimbabwe", true},
		{"country from a company of one country whose property was struck",
			"Militants blew up a Hormuud mast with explosives.", "", "Somalia", true},
		{"a company of one country narrows a group that fights in two",
			"Al Shabaab fighters blew up a KPLC pylon with explosives.", "", "Kenya", true},
		{"country from the town a forest is named after",
			"Shells fell in Kakamega Forest, killing two herders.", "Kakamega Forest", "Kenya", true},
		{"no country from the town a river is named after",
			"Gunmen shot two fishermen dead on the Kakamega River.", "Kakamega River", "", true},
		{"raiders of a people said to come from another country give none",
			"Police repulsed Murle raiders from Ethiopia, killing one.", "", "", true},
		{"country from a movement of one country that struck",
			"Suspected Mungiki members hacked a matatu driver to death.", "", "Kenya", true},
		{"country from a movement a short note blames",
			"Three died when a bomb exploded on a minibus. Detectives suspect Mungiki.", "", "Kenya", true},
		{"country from a party of one country whose supporters struck",
			"NRM supporters beat an opposition agent at a tallying centre.", "", "Uganda", true},
		{"country from an armed group of the lexicon that fights at home",
			"Fano militiamen ambushed a bus, killing five.", "", "Ethiopia", true},
		{"clashes reported in a town happened there",
			"Armed clashes were reported in Lodwar between rival clans, leaving six dead.", "Lodwar", "Kenya", true},
	}
	ex := Default()
	for _, tt := range tests {
		rec := extractSentence(t, ex, tt.in)
		var ev *Event
		for i, e := range rec.Events {
			if e.Type == EventAttack || e.Type == EventAbduction {
				ev = &rec.Events[i]
				break
			}
		}
		if ev == nil {
			t.Errorf("%s: %q: no attack or abduction", tt.name, tt.in)
			continue
		}
		var got []string
		for _, p := range ev.Places {
			got = append(got, p.Name)
		}
		places := strings.Join(got, ",")
		if tt.placesExact && places != tt.places || !tt.placesExact && (len(got) == 0 || got[0] != tt.places) {
			t.Errorf("%s: %q: places %q, want %q", tt.name, tt.in, places, tt.places)
		}
		country := ""
		if ev.Country != nil {
			country = ev.Country.Name
		}
		if country != tt.country {
			t.Errorf("%s: %q: country %q, want %q", tt.name, tt.in, country, tt.country)
		}
	}
}
