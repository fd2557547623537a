package extract

import "testing"

// probeArticlesRoles are a second set of wire-style articles written for
// this test (people, villages, tolls and quotes invented) from regions the
// first set does not cover (Haiti, the Caucasus, the Balkans, Mozambique,
// Ethiopia, Lebanon, Gaza) and from others in new shapes. Each article
// takes a shape real reporting uses for who did what to whom: the group
// named only in a later claim, the police blaming one, the victim named by
// role, "the attackers" or "the militants" or a pronoun referring back, a
// passive lead, a place given as a district of a city, a by-line above the
// dateline, an older attack recalled. Rows are read as probeArticles rows.
var probeArticlesRoles = []struct {
	name, published, text string
	want                  []probeWant
	bgKilled              int
}{
	{"a passive lead, the group named only in a later statement",
		"2024-02-15",
		`Two Colombian soldiers killed in bomb attack in Arauca

BOGOTA, Feb 15 (Reuters) - Two Colombian soldiers were killed when an explosive device went off beside their patrol in the Tame municipality of Arauca province on Thursday, the army said.
Four other soldiers were wounded and taken to hospital in the provincial capital.
The National Liberation Army said in a statement that its fighters had carried out the attack.
"The guerrillas keep attacking our troops while they talk of peace," said army commander General Luis Ospina.
The group has been in talks with the government since 2022.`,
		[]probeWant{{"Attack", "National Liberation Army (ELN)", "Colombia Armed Forces", "Tame", "Colombia", "2024-02-15", 2, ""}},
		0},
	{"a journalist named by role, police blame a cartel",
		"2024-03-21",
		`Journalist shot dead in southern Mexico

ACAPULCO, Mexico, March 21 (Reuters) - Gunmen shot dead a local journalist outside his home in the Mexican resort city of Acapulco on Wednesday night, state prosecutors said.
The journalist, who ran a news page on social media, had reported on fuel theft and extortion in the state of Guerrero.
Police blamed the killing on the Jalisco New Generation Cartel, which is fighting local gangs for control of the port.
"He knew he was in danger and asked for protection," said a colleague, Rosa Medina.
Mexico is one of the most dangerous countries in the world for reporters.`,
		[]probeWant{{"Attack", "Jalisco New Generation Cartel", "journalists", "Acapulco", "Mexico", "2024-03-20", 1, ""}},
		0},
	{"a gang attacks a district of a capital, police blame it by name",
		"2024-04-09",
		`Gang attack kills 11 in Haitian capital

PORT-AU-PRINCE, April 9 (Reuters) - Armed men attacked the Croix-des-Bouquets district of Port-au-Prince overnight, killing at least 11 people and setting fire to dozens of homes, residents and police said on Tuesday.
Police blamed the 400 Mawozo gang for the raid, which controls much of the area east of the capital.
"They went from house to house, shooting anyone they found," said resident Jean-Baptiste Clervil.
The gang kidnapped 17 missionaries in 2021.`,
		[]probeWant{{"Attack", "400 Mawozo", "civilians", "Croix-des-Bouquets", "Haiti", "2024-04-09", 11, ""}},
		0},
	{"a passive lead, a district of a city, investigators link the attackers to a group",
		"2024-06-24",
		`Four police officers killed in attack on post in Russia's Dagestan

MAKHACHKALA, Russia, June 24 (Reuters) - Four police officers were killed when gunmen opened fire on a traffic police post in the Sovetsky district of Makhachkala on Monday, investigators said.
The attackers fled in a car and were shot dead by security forces two hours later.
Investigators said the attackers were members of a cell loyal to Islamic State.
"Every one of them has been identified," a regional official told reporters.
In 2010, suicide bombers killed 40 people on the Moscow metro.`,
		[]probeWant{{"Attack", "Islamic State", "traffic police post", "Makhachkala", "Russia", "2024-06-24", 4, ""}},
		0}, // the recalled bombing's year alone ("In 2010,") dates nothing: a record's date is a day or a month
	{"a by-line above the dateline, the attackers referred back",
		"2023-09-24",
		`Kosovo police officer killed in attack near Serbian border

By Ana Petrovic

PRISTINA, Sept 24 (Reuters) - Armed men ambushed a Kosovo police patrol near the village of Banjska in northern Kosovo on Sunday, killing one police officer and wounding another, Kosovo's prime minister said.
The attackers then barricaded themselves inside a monastery, police said.
"This is organised crime, backed politically and financially by Belgrade," prime minister Albin Kurti said.
Serbia denied any role in the attack.`,
		[]probeWant{{"Attack", "", "Kosovo Police", "Banjska", "Kosovo", "2023-09-24", 1, ""}},
		0},
	{"a passive lead, the group's claim in a statement on a messaging channel",
		"2023-12-03",
		`Bomb kills four at Catholic Mass in southern Philippines

MARAWI, Philippines, Dec 3 (Reuters) - Four people were killed when a bomb exploded during a Catholic Mass in a university gymnasium in Marawi City on Sunday, police said.
The blast at Mindanao State University also wounded at least 50 people.
Islamic State said in a statement on Telegram that its fighters had detonated the bomb.
"We condemn in the strongest terms this senseless act," the university said.
In 2017, militants loyal to the group occupied Marawi for five months.`,
		[]probeWant{{"Attack", "Islamic State", "civilians", "Marawi", "Philippines", "2023-12-03", 4, ""}},
		0},
	{"the militants referred back, a district of a province",
		"2024-05-11",
		`Insurgents kill villagers in Mozambique's Cabo Delgado

MAPUTO, May 11 (Reuters) - Islamist insurgents raided a village in the Macomia district of Cabo Delgado province on Friday, killing seven civilians, a local administrator said.
The militants burned homes and a health post before withdrawing into the forest.
Islamic State Mozambique Province claimed the raid on Saturday.
"People have fled to the district town with nothing," administrator Tomas Badrú said.
The insurgency has killed more than 4,000 people since 2017.`,
		[]probeWant{{"Attack", "Islamic State Mozambique Province", "civilians", "Macomia", "Mozambique", "2024-05-10", 7, ""}},
		4000},
	{"a paramilitary attacks a village, an activist group blames it, an older attack recalled",
		"2024-06-06",
		`Paramilitary attack on Sudan village kills 100, activists say

CAIRO, June 6 (Reuters) - Fighters of the paramilitary Rapid Support Forces attacked the village of Wad al-Noura in Sudan's Gezira state on Wednesday, killing at least 100 people, a local activist group said.
The resistance committee said the fighters used heavy weapons and shelled the village after residents refused to leave.
"They surrounded the village from all sides," said resident Mohamed Abdelrahman.
The RSF said it had attacked army positions near the village.
In April, RSF fighters killed more than 150 people in an attack on a nearby town.`,
		[]probeWant{{"Attack", "Rapid Support Forces", "civilians", "Wad al-Noura", "Sudan", "2024-06-05", 100, ""}},
		150},
	{"two aid workers named by role, an aid group blames a militia",
		"2024-03-30",
		`Two aid workers killed in Ethiopia's Amhara region

ADDIS ABABA, March 30 (Reuters) - Two aid workers were shot dead in Ethiopia's Amhara region on Friday while driving to a clinic near the town of Debre Markos, their organisation said.
The aid group blamed Fano militiamen for the killing, saying its vehicle had been clearly marked.
"Our colleagues were there to treat children," the group's country director said.
Fano fighters have been fighting the federal army in Amhara since August 2023.`,
		[]probeWant{{"Attack", "Fano", "workers", "Debre Markos", "Ethiopia", "2024-03-29", 2, ""}},
		0},
	{"resistance fighters storm a police post in a township of a region",
		"2024-01-08",
		`Myanmar resistance fighters say they killed six police in Sagaing

BANGKOK, Jan 8 (Reuters) - Fighters of the People's Defence Force stormed a police station in the Kale township of Sagaing region on Sunday, killing six policemen, a spokesman for the group said.
He said his fighters had seized weapons and ammunition from the station.
A spokesman for the junta did not answer calls seeking comment.
The military has battled armed resistance across the country since it seized power in 2021.`,
		[]probeWant{{"Attack", "People's Defence Force", "police station", "Kale", "Myanmar", "2024-01-07", 6, ""}},
		0},
	{"a roadside bomb, police blame militants of a named group",
		"2024-02-27",
		`Roadside bomb kills two Iraqi soldiers north of Baghdad

BAGHDAD, Feb 27 (Reuters) - A roadside bomb killed two Iraqi soldiers and wounded three in the Tarmiyah district north of Baghdad on Tuesday, security sources said.
Police blamed Islamic State militants for the attack.
The bomb struck an army vehicle on a patrol through farmland, a police officer said.
"The militants plant these bombs at night," he said.`,
		[]probeWant{{"Attack", "Islamic State", "Iraq Armed Forces", "Tarmiyah", "Iraq", "2024-02-27", 2, ""}},
		0},
	{"gunmen kill labourers in a district of a province, a separatist group's claim, a second attack recalled",
		"2024-05-09",
		`Gunmen kill seven labourers in Pakistan's Balochistan

QUETTA, Pakistan, May 9 (Reuters) - Gunmen killed seven labourers from Punjab province as they slept at a rented house in the Gwadar district of Balochistan on Thursday, police said.
The Balochistan Liberation Army said in a statement that it had carried out the attack.
"The attackers came at night and opened fire on the sleeping men," police official Mohsin Baloch said.
Last month, gunmen killed nine bus passengers on a highway in the province.`,
		[]probeWant{{"Attack", "Balochistan Liberation Army", "workers", "Gwadar", "Pakistan", "2024-05-09", 7, ""}},
		9},
	{"an air strike on a house in an area of Gaza, health officials quoted",
		"2024-04-14",
		`Israeli strike on house in northern Gaza kills eight

CAIRO, April 14 (Reuters) - An Israeli air strike on a house in the Jabalia area of northern Gaza killed eight people, including three children, on Sunday, Palestinian health officials said.
The Israeli military said it had struck a Hamas militant and was reviewing reports of civilian casualties.
"We pulled the children out of the rubble with our hands," said neighbour Ahmed Shurrab.
The war began after Hamas-led gunmen attacked Israel on October 7, killing 1,200 people.`,
		[]probeWant{{"Attack", "Israel", "civilians", "Jabalia", "Palestine", "2024-04-14", 8, ""}},
		1200},
	{"a drone strike on a car kills a commander named by role",
		"2024-07-03",
		`Israeli drone strike kills Hezbollah commander in south Lebanon

BEIRUT, July 3 (Reuters) - An Israeli drone strike on a car in the town of Nabatieh in southern Lebanon killed a Hezbollah commander on Wednesday, security sources said.
Hezbollah said the commander had been "martyred" and fired dozens of rockets at northern Israel in response.
The Israeli military said it had killed a senior commander of the group's rocket unit.
Israel and Hezbollah have exchanged fire since October.`,
		[]probeWant{{"Attack", "Israel", "Hezbollah", "Nabatieh", "Lebanon", "2024-07-03", 1, ""}},
		0},
	{"a passive lead, a district of a city, a councillor named by role",
		"2024-05-26",
		`Russian glide bomb kills local councillor in Kharkiv

KYIV, May 26 (Reuters) - A local councillor and a shop worker were killed when a Russian glide bomb hit a hardware store in the Kyivskyi district of Kharkiv on Sunday, the regional governor said.
Rescuers searched the burning store for more people, Governor Oleh Synehubov said.
"The enemy struck a crowded place on a weekend," he said.
Russia denies targeting civilians.`,
		[]probeWant{{"Attack", "Russia", "officials", "Kharkiv", "Ukraine", "2024-05-26", 2, ""}},
		0},
}

func TestProbeArticlesRoles(t *testing.T) {
	for _, tt := range probeArticlesRoles {
		t.Run(tt.name, func(t *testing.T) {
			checkProbeArticle(t, tt.text, tt.published, tt.want, tt.bgKilled)
		})
	}
}
