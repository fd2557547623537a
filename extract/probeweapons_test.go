package extract

import (
	"slices"
	"testing"
)

// probeWeaponRows hold one row per shape in which a report states the
// instrument of an attack: a "with" or "using" phrase, "armed with", a
// vehicle packed with a charge, a weapon as the subject of the attack's
// verb, the manner in a gerund ("by stabbing"), a fire set with a fuel,
// a weapon named in the sentence after the attack's; and the arms that
// stay out (of past attacks, found or defused after it). The sentences
// are written for this test (places, people and numbers invented); want
// is the canonical weapon name wanted among the attack's weapons (or its
// subtype); not, when set, a name that must stay out of them.
var probeWeaponRows = []struct {
	name, in, want, not string
}{
	{"with and a plural blade", "Attackers with machetes killed six villagers in Kabarole district on Sunday, police said.", "knife", ""},
	{"using and a vehicle bomb", "Militants using a car bomb attacked an army base in Tillaberi on Friday, killing nine soldiers.", "car bomb", ""},
	{"armed with and a named rifle", "Gunmen armed with AK-47 rifles stormed a market in Zamfara state on Tuesday, killing 14 traders.", "firearm", ""},
	{"a vehicle packed with a charge: explosives, not a bomb", "A suicide bomber rammed a truck loaded with explosives into a police post near Kandahar, killing three officers.", "explosives", "bomb"},
	{"rocket-propelled grenades spelled in full", "Rebels attacked a patrol with rocket-propelled grenades near Goma on Wednesday, killing two soldiers.", "grenade", ""},
	{"mortar rounds in the subject", "Mortar rounds hit a camp for displaced people in Kismayo on Thursday, killing four civilians.", "mortar", ""},
	{"mortar rounds after fired", "Insurgents fired mortar rounds at a government compound in Mogadishu on Saturday, wounding three guards.", "mortar", ""},
	{"a roadside bomb as the subject", "A roadside bomb killed two policemen in Helmand province on Sunday, officials said.", "IED", ""},
	{"an explosive-laden drone", "An explosive-laden drone struck a fuel depot in Belgorod on Tuesday, wounding two workers.", "drone", ""},
	{"a drone laden with explosives", "Rebels attacked an airport in Abha with a drone laden with explosives on Monday, wounding eight people.", "drone", ""},
	{"a suicide vest detonated", "A bomber detonated a suicide vest at a wedding in Kunduz on Friday, killing 11 guests.", "suicide vest", ""},
	{"a man who blew himself up with an explosive belt", "A man blew himself up with an explosive belt at a mosque in Peshawar on Friday, killing 20 worshippers.", "suicide vest", ""},
	{"by stabbing", "A man killed two women by stabbing them outside a church in Lyon on Sunday, prosecutors said.", "knife", ""},
	{"stabbed with a knife", "An attacker stabbed three passers-by with a kitchen knife in Hamburg on Saturday, police said.", "knife", ""},
	{"set fire with petrol", "Attackers set fire to a school with petrol in Kasese on Monday night, killing four pupils.", "arson", ""},
	{"doused with petrol and set alight", "A mob doused a bus with petrol and set it alight in Bamenda on Friday, killing three passengers.", "arson", ""},
	{"fired Grad rockets", "Separatists fired Grad rockets at a residential district of Mariupol on Saturday, killing 12 civilians.", "rocket", ""},
	{"a car bomb as the subject", "A car bomb killed seven people near a checkpoint in Baidoa on Tuesday, police said.", "car bomb", ""},
	{"a weapon named in the next sentence", "Gunmen attacked a police post in Kidal on Thursday, killing four officers. The attackers used rocket-propelled grenades and heavy machine guns, a security source said.", "grenade", ""},
	{"the charge named in the next sentence", "A blast tore through a bus station in Quetta on Monday, killing nine people. Police said the bomb had been hidden in a motorcycle.", "bomb", ""},
	{"the charge in a passive of use in a later sentence", "A blast tore through a market in Jos on Saturday, killing 14 traders. Investigators believe some 50 kg of ammonium nitrate was used.", "explosives", ""},
	{"the attackers came with axes", "Herders attacked farmers in the village of Dogo in Plateau state on Sunday, killing 18 people. The attackers came with axes and machetes, a survivor said.", "knife", ""},
	{"hand grenades thrown", "Unknown assailants threw hand grenades into a bar in Bujumbura on Saturday, wounding 15 people.", "grenade", ""},
	{"weapons of the group's past attacks stay out", "Gunmen attacked a police post in Menaka on Thursday, killing four officers. The group has often used car bombs against the army since 2019.", "armed assault", "car bomb"},
	{"arms found after the attack stay out", "Gunmen attacked a bus near Garissa on Monday, killing six passengers. Police later found grenades at a farm outside the town.", "", "grenade"},
	{"a charge defused after the attack stays out", "Raiders stormed a police camp in Lamu on Monday, killing four officers. Bomb disposal experts defused a device at the scene.", "", "bomb"},
	{"shelled with artillery", "Government forces shelled the town of Idlib with artillery on Monday, killing five civilians.", "artillery", ""},
}

func TestProbeWeapons(t *testing.T) {
	ex := Default()
	for _, tt := range probeWeaponRows {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractSentence(t, ex, tt.in)
			var found []string
			for _, e := range rec.Events {
				if e.Type == EventAttack {
					found = append(found, e.Weapons...)
					found = append(found, e.Subtype)
				}
			}
			if tt.want != "" && !slices.Contains(found, tt.want) {
				t.Errorf("%q\nwant weapon %q, got %v", tt.in, tt.want, found)
			}
			if tt.not != "" && slices.Contains(found, tt.not) {
				t.Errorf("%q\nweapon %q should stay out, got %v", tt.in, tt.not, found)
			}
		})
	}
}
