package extract

import "testing"

// probeArticlesArgs are a third set of wire-style articles written for
// this test (people, towns' incidents, tolls and quotes invented) from
// regions neither the development articles nor the earlier probes cover
// (Papua, Balochistan, Manipur, Rakhine, Thailand's deep south,
// Bangladesh, Peru, Turkey's southeast, Ecuador, Honduras, Tajikistan).
// Each takes a shape of who and where that full articles use: some or
// two "of" the attackers as the doers, a facility hit (a prison, a
// shrine, a pipeline, a stadium, a border post), a part of what was hit
// ("a section of a pipeline"), a doer's possessive before an event noun,
// a passive whose agent follows an event noun, a group named in the
// sentence after the attack. Rows are read as probeArticles rows; todo
// names the slots extraction still misses.
var probeArticlesArgs = []struct {
	name, published, text string
	want                  []probeWant
	bgKilled              int
}{
	{"partitive doers, a prison stormed, inmates freed",
		"2024-08-12",
		`Gunmen storm prison in Papua, free 40 inmates

JAYAPURA, Indonesia, Aug 12 (Reuters) - Some of the gunmen who attacked a prison in the town of Wamena in Indonesia's Papua region on Monday were members of a separatist militia, police said, after the raid freed 40 inmates and killed two guards.
Police later killed two of the attackers as they ran towards the hills, spokesman Ignatius Benny said.
"They came at night with rifles and axes," a guard told local television.
Papua has seen a low-level insurgency since the 1960s.`,
		[]probeWant{{"Attack", "", "prison", "Wamena", "Indonesia", "2024-08-12", 2, ""}},
		0},
	{"a shrine bombed, the group's claim names one of its fighters",
		"2024-03-18",
		`Bomb at Sufi shrine kills 11 in southwest Pakistan

QUETTA, Pakistan, March 18 (Reuters) - A bomb exploded at a Sufi shrine in the town of Jhal Magsi in Pakistan's Balochistan province on Monday, killing 11 worshippers, police said.
Islamic State said in a statement that one of its fighters had planted the device among the crowd.
The group has attacked shrines in the province before, calling their rituals heretical.
"We were praying when the roof came down on us," said Ghulam Rasool, who was wounded.`,
		[]probeWant{{"Attack", "Islamic State", "Sufi shrine", "Jhal Magsi", "Pakistan", "2024-03-18", 11, "actor"}},
		0}, // todo actor: the claim's event ("one of its fighters had planted the device") stays apart from the toll's
	{"an ambush on a convoy, soldiers counted, a group named by its demonym",
		"2024-05-21",
		`Rebels ambush army convoy in India's Manipur, killing four soldiers

IMPHAL, India, May 21 (Reuters) - Militants ambushed an army convoy near the town of Moreh in India's Manipur state on Tuesday, killing four soldiers and wounding six, the army said.
The attackers used improvised explosive devices and automatic rifles, an army spokesman said.
"Some of them wore uniforms like ours," a wounded soldier told reporters at the hospital in Imphal.
Ethnic violence in the state has killed more than 200 people since May last year.`,
		[]probeWant{{"Attack", "", "India Armed Forces", "Moreh", "India", "2024-05-21", 4, ""}},
		200},
	{"a possessive doer before an event noun, a rocket on a market",
		"2024-02-03",
		`Army shelling kills nine in market in Myanmar's Rakhine

YANGON, Feb 3 (Reuters) - The military's shelling of a market in the town of Pauktaw in Myanmar's Rakhine State killed nine civilians on Saturday, residents and a rebel group said.
The Arakan Army, which has seized several towns in the state since November, said the shells fell as traders were opening their stalls.
"There were no fighters in the market," a resident said by phone.
A junta spokesman did not answer calls seeking comment.`,
		[]probeWant{{"Attack", "Myanmar military", "civilians", "Pauktaw", "Myanmar", "2024-02-03", 9, ""}},
		0},
	{"a passive with its agent after an event noun, a district of a city",
		"2024-09-07",
		`Attack by gunmen on bus kills seven in southern Thailand

PATTANI, Thailand, Sept 7 (Reuters) - Seven passengers were killed in an attack by gunmen on a bus in the Nong Chik district of Pattani province on Saturday, police said.
The gunmen, who fired from a pickup truck, fled towards the Malaysian border, police colonel Somchai Rattanakul said.
The insurgency in the region has claimed more than 7,000 lives since 2004.`,
		[]probeWant{{"Attack", "", "passengers", "Nong Chik", "Thailand", "2024-09-07", 7, ""}},
		7000},
	{"an embassy attacked, protesters using petrol bombs",
		"2024-10-14",
		`Protesters attack embassy in Dhaka with petrol bombs

DHAKA, Oct 14 (Reuters) - Several hundred protesters attacked the embassy of Myanmar in Dhaka on Monday, hurling petrol bombs at the gate and wounding three police officers, Bangladesh police said.
Police fired tear gas to disperse the crowd.
"The officers were hit by stones and by the fire," a police spokesman said.
No one was killed.`,
		[]probeWant{{"Attack", "protesters", "Bangladesh Police", "Dhaka", "Bangladesh", "2024-10-14", 0, "target"}},
		0}, // todo target: the officers are taken for the police of the embassy's country
	{"a pipeline blown up, saboteurs blamed by the company",
		"2024-06-30",
		`Saboteurs blow up oil pipeline in northern Peru

LIMA, June 30 (Reuters) - Saboteurs blew up a section of an oil pipeline near the town of Urarinas in Peru's Loreto region on Sunday, spilling crude into a river, the state oil company said.
The company said armed men had used dynamite to cut the line, the second such attack this year.
No one was hurt, officials said.`,
		[]probeWant{{"Attack", "", "oil pipeline", "Urarinas", "Peru", "2024-06-30", 0, "place"}},
		0}, // todo place: the town after "near the town of" is lost beside the region named after it
	{"a car bomb in the southeast, a group named in the second sentence",
		"2024-04-22",
		`Car bomb kills five soldiers in southeast Turkey

DIYARBAKIR, Turkey, April 22 (Reuters) - A car bomb exploded beside a military vehicle in the town of Lice in Turkey's Diyarbakir province on Monday, killing five soldiers, the defence ministry said.
The ministry blamed the PKK militant group for the attack.
The group has waged an insurgency against the Turkish state since 1984.`,
		[]probeWant{{"Attack", "Kurdistan Workers' Party", "Turkish Armed Forces", "Lice", "Türkiye", "2024-04-22", 5, ""}},
		0},
	{"gang members shoot inside a prison, many of the inmates wounded",
		"2024-01-09",
		`Gang clash in Ecuador prison kills 16

GUAYAQUIL, Ecuador, Jan 9 (Reuters) - Inmates from rival gangs fought with guns and knives inside a prison in the city of Guayaquil on Tuesday, killing 16 prisoners, the prison authority said.
Many of the wounded were taken to hospital by police, officials said.
Ecuador's prisons have seen repeated massacres as gangs fight for control of drug routes.`,
		[]probeWant{{"Attack", "", "", "Guayaquil", "Ecuador", "2024-01-09", 16, ""}},
		0},
	{"a grenade at a stadium, two of the attackers arrested",
		"2024-11-17",
		`Grenade attack at football stadium wounds 12 in Honduras

TEGUCIGALPA, Nov 17 (Reuters) - Unknown attackers threw a grenade into a crowd of fans at a football stadium in the city of San Pedro Sula on Sunday, wounding 12 people, police said.
Two of the attackers were arrested near the stadium, police spokesman Edgardo Barahona said.
"It was an attack by the gangs on people watching the match," he said.`,
		[]probeWant{{"Attack", "", "football stadium", "San Pedro Sula", "Honduras", "2024-11-17", 0, ""}},
		0},
	{"a border post attacked from across a river, guards killed",
		"2024-07-15",
		`Gunmen kill three border guards in Tajikistan

DUSHANBE, July 15 (Reuters) - Gunmen crossing from Afghanistan attacked a border post in Tajikistan's Khatlon region on Monday, killing three border guards, the state security committee said.
Some of the attackers were killed when guards returned fire, the committee said in a statement.
It did not say which group the gunmen belonged to.`,
		[]probeWant{{"Attack", "", "border post", "Khatlon Province", "Tajikistan", "2024-07-15", 3, ""}},
		0},
}

func TestProbeArticlesArgs(t *testing.T) {
	for _, tt := range probeArticlesArgs {
		t.Run(tt.name, func(t *testing.T) {
			checkProbeArticle(t, tt.text, tt.published, tt.want, tt.bgKilled)
		})
	}
}
