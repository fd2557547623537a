package extract

import (
	"slices"
	"strings"
	"testing"
)

// probeArticleRoles are a fourth set of wire-style articles written for
// this test (people, tolls, quotes and most places invented) from regions
// the earlier probes leave out (Colombia, Mexico, Haiti, Myanmar, the
// Philippines, Kashmir, the Caucasus, the Sahel, Mozambique, Iraq,
// Syria). Each puts the attack's roles in a shape full articles use: what
// was hit as the object of "raided", "ambushed", "opened fire on" or
// "targeted"; the people hit in "killing X and wounding Y"; what was hit
// after an event noun ("an attack on a convoy", "the bombing of a
// market", "a raid against a camp"); the doer as a passive's agent, in an
// apposition, after "claimed by", "blamed on" or "accused X of", as a
// pronoun or "the group" standing for a name before, or named only in a
// later sentence. A row wants one attack whose actors, targets, places
// and weapons hold the wanted words ("" takes any); todo names the slots
// extraction still misses.
var probeArticleRoles = []struct {
	name, published, text string
	want                  probeRoles
}{
	{"a patrol ambushed by guerrillas: a passive's agent, the dead counted first",
		"2024-02-14",
		`Guerrilla ambush kills three soldiers in eastern Colombia

BOGOTA, Feb 14 (Reuters) - An army patrol was ambushed by ELN guerrillas near the town of Saravena in Colombia's Arauca province on Wednesday, leaving three soldiers dead and five wounded, the army said.
The rebels detonated explosives beside the road before opening fire with rifles, an army commander said.
The National Liberation Army, as the ELN is formally known, has not commented.
Peace talks between the government and the group were suspended last year.`,
		probeRoles{"ELN", "soldiers", "Saravena", "explosives", ""}},
	{"an attack on a convoy, the blame on a cartel in the next sentence",
		"2024-03-21",
		`Drone attack on police convoy kills four in western Mexico

MEXICO CITY, March 21 (Reuters) - An attack on a police convoy near the town of Aguililla in the western state of Michoacan killed four officers on Thursday, state officials said.
Officials blamed the ambush on the Jalisco New Generation Cartel, saying its gunmen used drones loaded with explosives.
The cartel has fought rival gangs for control of the region's drug routes for years.
"They attacked our officers from the air," state security chief Jose Manuel Ramos said.`,
		probeRoles{"Jalisco New Generation Cartel", "police", "Aguililla", "drone", ""}},
	{"troops raid a village, killing villagers and burning homes",
		"2024-04-09",
		`Myanmar troops kill 14 in raid on Sagaing village, residents say

BANGKOK, April 9 (Reuters) - Myanmar soldiers raided the village of Kyun Taw in the Sagaing region on Tuesday, killing 14 villagers and setting fire to dozens of houses, residents and a local resistance group said.
The troops, who arrived by helicopter, shot people who tried to flee, a resident said by phone.
"They burned the whole village," he said.
A spokesman for the junta did not answer calls seeking comment.`,
		probeRoles{"Myanmar military", "villagers", "Kyun Taw", "", ""}},
	{"the bombing of a church, claimed by a group",
		"2024-05-05",
		`Bomb at Catholic Mass kills five in southern Philippines

COTABATO, Philippines, May 5 (Reuters) - The bombing of a Catholic church during Sunday Mass in the city of Cotabato on the southern island of Mindanao killed five worshippers and wounded 30, police said.
The attack was claimed by the Islamic State, which said in a statement that its fighters had planted the bomb near the altar.
The military said the bomb was made from a mortar round.
President Ferdinand Marcos condemned what he called a senseless act.`,
		probeRoles{"Islamic State", "church", "Cotabato", "bomb", ""}},
	{"gunmen open fire on a bus of pilgrims, a group named by the police later",
		"2024-06-10",
		`Militants fire on pilgrim bus in Indian Kashmir, nine killed

SRINAGAR, India, June 10 (Reuters) - Militants opened fire on a bus carrying Hindu pilgrims in the Reasi district of Indian-controlled Kashmir on Sunday, killing nine people and wounding 33, police said.
The bus plunged into a gorge after the driver was hit, a police officer said.
Police said the attackers belonged to Lashkar-e-Taiba, a Pakistan-based militant group, and were hiding in the forest.
Pakistan denies backing militants in Kashmir.`,
		probeRoles{"Lashkar-e-Taiba", "pilgrims", "Reasi", "", ""}},
	{"gunmen attack a church and a police post, named later as a cell",
		"2024-06-24",
		`Gunmen kill priest and police in attacks in Russia's Dagestan

MOSCOW, June 24 (Reuters) - Gunmen attacked an Orthodox church and a traffic police post in the city of Makhachkala in Russia's Dagestan region on Sunday, killing a priest and six police officers, officials said.
Investigators said the attackers were members of an Islamic State cell and that five of them were shot dead by security forces.
The gunmen used automatic rifles, the regional interior ministry said.
Dagestan, a mainly Muslim region in the North Caucasus, has seen sporadic Islamist violence.`,
		probeRoles{"Islamic State", "church", "Makhachkala", "firearm", ""}},
	{"a raid against a camp, a group's claim naming car bombs",
		"2024-07-19",
		`Twenty soldiers killed in raid on army camp in central Mali

BAMAKO, July 19 (Reuters) - At least 20 soldiers were killed in a raid against a military camp in the town of Boulkessi in central Mali on Friday, the army said.
The al Qaeda-linked group JNIM claimed responsibility, saying its fighters had used two car bombs to breach the camp's walls.
The army said it had killed dozens of the attackers in the fighting.
Mali's junta has struggled to contain an Islamist insurgency that began in 2012.`,
		probeRoles{"JNIM", "soldiers", "Boulkessi", "car bomb", "weapon"}}, // todo weapon: the claim's car bombs stay on an event of their own,
	{"a convoy ambushed, the ministry accuses a group of the attack",
		"2024-08-03",
		`Jihadists kill 12 Niger soldiers in ambush near Mali border

NIAMEY, Aug 3 (Reuters) - Suspected jihadists on motorbikes ambushed a convoy of soldiers near the village of Tassia in Niger's Tillaberi region on Saturday, killing 12 soldiers, the defence ministry said.
The ministry accused Islamic State Sahel Province of carrying out the attack.
The group has killed hundreds of soldiers and civilians in the border area in recent years.`,
		probeRoles{"Islamic State Sahel Province", "soldiers", "Tassia", "", ""}},
	{"insurgents storm a town, the group standing for a name before",
		"2024-05-13",
		`Islamist insurgents storm town in Mozambique's Cabo Delgado

MAPUTO, May 13 (Reuters) - Islamist insurgents stormed the town of Macomia in Mozambique's Cabo Delgado province on Friday, looting shops and killing at least ten civilians, residents said.
The militants, who are known locally as al-Shabaab, fought soldiers for several hours before withdrawing into the forest.
Islamic State later claimed the raid, saying the group's fighters had killed soldiers with machine guns.
The insurgency has displaced more than a million people since 2017.`,
		probeRoles{"", "civilians", "Macomia", "", ""}},
	{"gang members open fire on residents, the gang blamed in a passive",
		"2024-10-04",
		`Gang attack kills 70 in central Haiti town, UN says

PORT-AU-PRINCE, Oct 4 (Reuters) - Gang members opened fire on residents of the town of Pont-Sonde in Haiti's Artibonite region on Thursday, killing at least 70 people, including ten women and three babies, the United Nations said.
The Gran Grif gang was blamed for the massacre, which also forced thousands to flee.
Its leader said on social media that the gang had attacked the town because residents supported a vigilante group.
Gangs control most of the capital and have spread into the countryside.`,
		probeRoles{"Gran Grif", "residents", "Pont-Sonde", "", "actor"}}, // todo actor: the gang is named without its first word,
	{"a roadside bomb targets a convoy, a militia blamed",
		"2024-01-23",
		`Roadside bomb hits supply convoy in southern Iraq

BAGHDAD, Jan 23 (Reuters) - A roadside bomb targeted a convoy of trucks carrying supplies for the U.S.-led coalition in the southern province of Diwaniya on Tuesday, wounding two Iraqi drivers, security sources said.
No group claimed the attack, but security officials blamed Kataib Hezbollah, an Iran-backed militia that has attacked such convoys before.
The coalition said none of its personnel were hurt.`,
		probeRoles{"Kataib Hezbollah", "convoy", "Diwaniya", "IED", "target"}}, // todo target: the drivers wounded leave the convoy out,
	{"drones strike a car, killing fighters of a named force",
		"2024-09-02",
		`Turkish drone strike kills three SDF fighters in northeast Syria

BEIRUT, Sept 2 (Reuters) - A Turkish drone struck a car near the city of Qamishli in northeast Syria on Monday, killing three fighters of the Syrian Democratic Forces, the SDF said.
The SDF accused Turkey of targeting its members to undermine security in the region.
Ankara regards the main Kurdish militia in the SDF as a terrorist group.`,
		probeRoles{"Turk", "Syrian Democratic Forces", "Qamishli", "drone", ""}},
	{"gunmen shoot police at a roadblock, their gang named in a later sentence",
		"2024-11-16",
		`Two police officers shot dead at roadblock in northwest Colombia

MEDELLIN, Colombia, Nov 16 (Reuters) - Gunmen on a motorcycle shot dead two police officers at a roadblock outside the town of Caucasia in Colombia's Antioquia province on Saturday, police said.
Police said the gunmen belonged to the Gulf Clan, the country's largest drug trafficking gang, which has offered rewards for killing officers.
The officers were searching cars when the men fired pistols at them, a police colonel said.`,
		probeRoles{"Gulf Clan", "police", "Caucasia", "firearm", "weapon"}}, // todo weapon: the pistols' sentence joins the headline's event,
	{"forces shell a border village, a ministry accuses the neighbour",
		"2024-03-27",
		`Armenia says Azerbaijani fire wounds two soldiers on border

YEREVAN, March 27 (Reuters) - Azerbaijani forces shelled positions near the Armenian border village of Sotk on Wednesday, wounding two soldiers, Armenia's defence ministry said.
The ministry said the troops used mortars and large-calibre machine guns.
Baku accused Armenian troops of opening fire first.
The two countries fought a war over the Nagorno-Karabakh region in 2020.`,
		probeRoles{"Azerbaijan", "soldiers", "Sotk", "mortar", "weapon"}}, // todo weapon: "the troops used mortars" tells no event to join,
	{"fighters attack a base, the group named only in the third sentence",
		"2024-10-28",
		`Forty soldiers killed in attack on army base in Chad

N'DJAMENA, Oct 28 (Reuters) - The attack on an army base on the Barkaram peninsula in Chad's Lac province late on Sunday killed about 40 soldiers, the presidency said.
The assailants arrived in boats and fired rocket-propelled grenades at the base, a military source said.
The presidency blamed the attack on Boko Haram, which has long operated on the islands of Lake Chad.
President Mahamat Idriss Deby visited the base on Monday and ordered an offensive.`,
		probeRoles{"Boko Haram", "base", "Barkaram", "grenade", "place"}}, // todo place: a peninsula the gazetteer lacks,
}

// probeRoles are the words an attack's slots must hold: actors, targets,
// places and weapons, each "" taking any; todo lists the slots (comma
// separated) that extraction still misses.
type probeRoles struct {
	actor, target, place, weapon, todo string
}

// missed returns the slots of w that event e does not fill as w wants.
func (w probeRoles) missed(e Event) []string {
	var out []string
	if !anyOrPart(append(e.Actors, e.Agents...), e.ActorText, w.actor) {
		out = append(out, "actor")
	}
	if !anyOrPart(e.Targets, e.TargetText, w.target) {
		out = append(out, "target")
	}
	if !anyOrPart(e.Places, nil, w.place) {
		out = append(out, "place")
	}
	if !anyOrPart(nil, e.Weapons, w.weapon) {
		out = append(out, "weapon")
	}
	return out
}

func TestProbeArticleRoles(t *testing.T) {
	for _, tt := range probeArticleRoles {
		t.Run(tt.name, func(t *testing.T) {
			checkProbeRoles(t, tt.text, tt.published, tt.want)
		})
	}
}

// checkProbeRoles extracts text, published on published, and fails t
// where no attack holds the slots want asks for, bar those its todo
// names.
func checkProbeRoles(t *testing.T, text, published string, want probeRoles) {
	t.Helper()
	rec := extractOne(t, text, published)
	var best *Event
	var missed []string
	for i, e := range rec.Events {
		if m := want.missed(e); e.Type == EventAttack && (best == nil || len(m) < len(missed)) {
			best, missed = &rec.Events[i], m
		}
	}
	if best == nil {
		t.Fatalf("no attack; entities: %s", entityList(rec))
	}
	todo := strings.Split(want.todo, ",")
	for _, slot := range missed {
		if !slices.Contains(todo, slot) {
			t.Errorf("%s: %s weapons=%v", slot, eventRoles(*best), best.Weapons)
		}
	}
}
