package extract

import (
	"slices"
	"strings"
	"testing"
)

// probeArticles are wire-style news articles written for this test (the
// people, villages, tolls and quotes are invented) about attacks in
// regions the development articles do not cover: Somalia, Sudan, Yemen,
// Iraq, Syria, Myanmar, the Philippines, Colombia, Mexico, Ukraine,
// Pakistan and Mali. Each has the shapes such copy takes: a headline, a
// dateline, officials quoted, a toll revised, a claim of responsibility or
// a blame, and an earlier attack recalled as background. want lists the
// attacks the article reports (as probeNotes rows: type, a doer and a
// target by entity name, a place, the country, date and toll, todo naming
// the slots extraction still misses). bgKilled is the toll of the attack
// recalled as background (0: none told): no event of the article's day
// may carry it.
var probeArticles = []struct {
	name, published, text string
	want                  []probeWant
	bgKilled              int
}{
	{"a car bomb, the toll revised upward, a claim in a statement, an older bombing recalled",
		"2024-03-03",
		`Car bomb kills nine at Mogadishu checkpoint

MOGADISHU, March 3 (Reuters) - A car bomb exploded at a police checkpoint near the parliament building in Mogadishu on Sunday, killing at least nine people, police said.
"The vehicle was stopped at the checkpoint and the driver blew it up," police officer Abdiwali Hirsiyow told Reuters by phone.
Police had earlier put the number of dead at six. Hospital officials later said the toll had risen to nine, with 14 people wounded.
In a statement on its radio station, Al Shabaab claimed responsibility.
The group, which is allied to al Qaeda, has fought for years to topple Somalia's central government.
In October 2017, a truck bomb at a busy junction in the capital killed more than 500 people.
Security minister Farah Gudleey said the government would not be intimidated.
"These killers target innocent people," he said.`,
		[]probeWant{{"Attack", "Al-Shabaab", "Mogadishu checkpoint", "Mogadishu", "Somalia", "2024-03-03", 9, ""}},
		500},
	{"a drone strike on a market, a rights group blames the army, a quoted trader",
		"2024-01-16",
		`Drone strike on Darfur market kills 20, rights group blames army

KHARTOUM, Jan 16 (Reuters) - A drone strike on a crowded market in the city of Nyala in South Darfur killed at least 20 civilians on Tuesday, a local rights group said, blaming the Sudanese army.
The Darfur lawyers' group said the strike hit the livestock market at midday, when it was full of traders.
"We heard the aircraft and then the explosions, and people were running everywhere," said trader Ishag Bakhari.
The army, which has been fighting the paramilitary Rapid Support Forces since April 2023, did not respond to a request for comment.
Residents said the death toll could rise because many of the wounded were in a serious condition.
The war has killed tens of thousands of people and driven millions from their homes.`,
		[]probeWant{{"Attack", "Sudanese Armed Forces", "civilians", "Nyala", "Sudan", "2024-01-16", 20, ""}},
		0},
	{"a missile on a camp for the displaced, officials blame the attack on a movement",
		"2024-02-08",
		`Missile hits camp for displaced in Yemen's Marib, four dead

MARIB, Yemen, Feb 8 (Reuters) - A ballistic missile hit a camp for displaced people in Yemen's Marib province on Thursday, killing four people including two children, local officials said, blaming the attack on the Houthi movement.
The missile struck the camp west of Marib city shortly after dawn, destroying several tents, a camp official said.
"There were no fighters here, only families," said Saleh al-Marhabi, who manages the camp.
The Houthis did not comment on the accusation.
In January 2021, a missile attack on the airport in Aden killed 26 people as members of a new government arrived.
Marib, the government's last stronghold in the north, has been a front line since 2020.`,
		[]probeWant{{"Attack", "Houthis", "civilians", "Marib", "Yemen", "2024-02-08", 4, ""}},
		26},
	{"gunmen attack a checkpoint, the Islamic State claims it the next day",
		"2023-12-12",
		`Three Iraqi soldiers killed in attack near Kirkuk

KIRKUK, Iraq, Dec 12 (Reuters) - Gunmen attacked an army checkpoint south of Kirkuk late on Monday, killing three soldiers and wounding two, security sources said.
The attackers used rifles and hand grenades before fleeing towards the nearby hills, a police colonel said.
On Tuesday, Islamic State claimed responsibility through its news agency.
"The security forces are pursuing the attackers," said army spokesman Brigadier Nawfal Sabbar.
Iraq declared victory over the militants in 2017, but cells remain active in rural areas of the north.`,
		[]probeWant{{"Attack", "Islamic State", "Iraq Armed Forces", "Kirkuk", "Iraq", "2023-12-11", 3, ""}},
		0},
	{"air strikes on a town, rescuers blame a country's jets, a toll given twice",
		"2024-04-23",
		`Air strikes kill 12 in Syria's Idlib, rescuers say

AMMAN, April 23 (Reuters) - Air strikes on the town of Ariha in Syria's Idlib province killed 12 people on Tuesday, rescue workers said, blaming Russian warplanes.
"The jets hit a residential street and a bakery," said rescue worker Mahmoud Hajjo.
An earlier toll had put the dead at eight.
Moscow denies targeting civilians and says it strikes only militant groups.
Idlib remains the final big rebel enclave in the north-west of the country.`,
		[]probeWant{{"Attack", "Russian Armed Forces", "civilians", "Ariha", "Syria", "2024-04-23", 12, ""}},
		0},
	{"a military air strike on a village, a rebel spokesman quoted, an older strike recalled",
		"2024-05-19",
		`Myanmar air strike kills 17 in Kachin village, rebels say

BANGKOK, May 19 (Reuters) - A Myanmar military air strike killed 17 villagers, including five children, in northern Kachin State on Sunday, a spokesman for an ethnic armed group said.
The aircraft bombed the village of Nam Hpyu Kawng near the border with China, spokesman Colonel Zau Lahtaw told Reuters.
"They dropped two bombs on the houses while people were sleeping," he said.
A junta spokesman did not answer calls seeking comment.
In October 2022, an air strike on a concert in Kachin State killed more than 60 people.
The military seized power in a coup in February 2021.`,
		[]probeWant{{"Attack", "Myanmar military", "villagers", "Kachin State", "Myanmar", "2024-05-19", 17, "actor"}},
		60}, // the lead names the dead as villagers; "civilians" was the headline's own event, now folded into the lead's
	{"an ambush on a truck, the military blames a named group",
		"2024-06-14",
		`Five Philippine soldiers killed in Sulu ambush

ZAMBOANGA, Philippines, June 14 (Reuters) - Gunmen ambushed a military truck in the southern province of Sulu on Friday, killing five soldiers and wounding seven, the army said.
Army officers blamed the ambush on Abu Sayyaf, a small group notorious for ransom kidnappings.
"Our men were driving to a medical mission in a village when the shooting began," regional army spokesman Captain Renato Basilan said.
The group has been weakened by years of offensives, but some of its fighters remain in the jungles of Sulu.`,
		[]probeWant{{"Attack", "Abu Sayyaf", "Philippines Armed Forces", "Sulu", "Philippines", "2024-06-14", 5, ""}},
		0},
	{"a car bomb at a police station, the defence minister blames dissidents",
		"2024-07-09",
		`Car bomb kills two police officers in southwest Colombia

BOGOTA, July 9 (Reuters) - A car bomb exploded outside a police station in the town of Jamundi in Colombia's Valle del Cauca province on Tuesday, killing two police officers and wounding nine civilians, authorities said.
Defence minister Ivan Restrepo blamed the attack on FARC dissidents who rejected a 2016 peace deal.
"This is a cowardly act against those who protect the people," Restrepo said in a video posted on social media.
The dissident group has not commented.
Dissidents of that faction also raided an army outpost in neighbouring Cauca province last month, killing a soldier.`,
		[]probeWant{{"Attack", "FARC dissidents", "Colombia Police", "Jamundi", "Colombia", "2024-07-09", 2, ""}},
		0},
	{"gunmen kill people at a bar, prosecutors attribute it to a cartel",
		"2024-08-25",
		`Gunmen kill six at bar in central Mexico

MEXICO CITY, Aug 25 (Reuters) - Gunmen opened fire inside a bar in the city of Celaya in the central state of Guanajuato late on Saturday, killing six people and wounding three, state prosecutors said.
Prosecutors attributed the attack to the Santa Rosa de Lima cartel, which is fighting a rival gang for control of fuel theft in the region.
"We will find those responsible," state security chief Alvar Cabeza said.
Guanajuato has been the Mexican state with the most murders for several years.`,
		[]probeWant{{"Attack", "Santa Rosa de Lima Cartel", "civilians", "Celaya", "Mexico", "2024-08-24", 6, ""}},
		0},
	{"a missile on a residential building, the toll rises as rescuers search, a president quoted",
		"2024-09-17",
		`Russian missile strike on Odesa kills 12 as rescuers find more bodies

KYIV, Sept 17 (Reuters) - A Russian missile strike on a residential building in the southern Ukrainian city of Odesa killed 12 people, officials said on Tuesday, as rescuers pulled more bodies from the rubble.
The missile hit the nine-storey building late on Monday. The initial toll was five.
"Russia again chose to strike at people's homes," President Volodymyr Zelenskiy said in his nightly video address.
Regional governor Oleh Kiper said 20 people were wounded.
Russia, which denies targeting civilians, did not comment on the strike.`,
		[]probeWant{{"Attack", "Russia", "civilians", "Odesa", "Ukraine", "2024-09-16", 12, ""}},
		0},
	{"a suicide bombing at a police station, a faction claims it, the main group denies",
		"2024-10-30",
		`Suicide bomber kills seven policemen in northwest Pakistan

PESHAWAR, Pakistan, Oct 30 (Reuters) - A suicide bomber detonated his explosives at the gate of a Peshawar police station on Wednesday, killing seven policemen, a police official said.
"The bomber came on foot and detonated his vest when the guards stopped him," said police official Qasim Durrani.
Jamaat-ul-Ahrar, a faction of the Pakistani Taliban, claimed responsibility.
The Pakistani Taliban denied involvement.
In January 2023, a bomb at a mosque inside a police compound in Peshawar killed more than 80 people.`,
		[]probeWant{{"Attack", "Jamaat-ul-Ahrar", "Pakistan Police", "Peshawar", "Pakistan", "2024-10-30", 7, ""}},
		80},
	{"gunmen attack a bus, no group claims it, the governor quoted",
		"2024-11-05",
		`Gunmen kill 14 bus passengers in central Mali

BAMAKO, Nov 5 (Reuters) - Gunmen attacked a passenger bus near the town of Bandiagara in central Mali on Tuesday, killing 14 people, a local official said.
The attackers stopped the bus on the road to Bankass and opened fire on the passengers, mayor Hamidou Tembely said.
"Some of the passengers managed to flee into the bush," he said.
So far no group has said it carried out the killings.
Islamist groups linked to al Qaeda and Islamic State are active in the region.`,
		[]probeWant{{"Attack", "", "civilians", "Bandiagara", "Mali", "2024-11-05", 14, ""}},
		0},
}

// probeWant is one attack a probe article reports.
type probeWant struct {
	typ, actor, target, place, country, date string
	killed                                   int
	todo                                     string
}

func TestProbeArticles(t *testing.T) {
	for _, tt := range probeArticles {
		t.Run(tt.name, func(t *testing.T) {
			checkProbeArticle(t, tt.text, tt.published, tt.want, tt.bgKilled)
		})
	}
}

// checkProbeArticle extracts an article published on day published and
// reports the slots of the attacks want that it misses, and any event of
// an attack's day carrying bgKilled (the toll of an attack the article
// recalls as background; 0: none) or more.
func checkProbeArticle(t *testing.T, text, published string, want []probeWant, bgKilled int) {
	t.Helper()
	rec := extractOne(t, text, published)
	for _, w := range want {
		checkProbeWant(t, rec, w)
	}
	for _, ev := range rec.Events {
		if bgKilled > 0 && ev.Killed != nil && *ev.Killed >= bgKilled && ev.Date != nil && slices.ContainsFunc(want, func(w probeWant) bool { return w.date == *ev.Date }) {
			t.Errorf("background attack taken as the day's: %s %s killed %d", ev.Type, *ev.Date, *ev.Killed)
		}
	}
}

// checkProbeWant reports the slots of w that rec's event misses.
func checkProbeWant(t *testing.T, rec *Record, w probeWant) {
	t.Helper()
	var ev *Event
	best := -1
	for i := range rec.Events {
		e := &rec.Events[i]
		if n := len(w.matched(e)); e.Type == w.typ && n > best {
			ev, best = e, n
		}
	}
	if ev == nil {
		t.Errorf("no %s event; entities: %s", w.typ, entityList(rec))
		return
	}
	got := w.matched(ev)
	for _, slot := range []string{"actor", "target", "place", "country", "date", "killed"} {
		if !slices.Contains(got, slot) && !slices.Contains(strings.Split(w.todo, ","), slot) {
			t.Errorf("%s: actors %v targets %v places %v country %v date %s killed %d", slot,
				refNames(ev.Actors), refNames(ev.Targets), refNames(ev.Places), ev.Country, deref(ev.Date), killedOf(ev))
		}
	}
}

// matched returns the slots of w that event ev fills as w wants (an
// actor or target w leaves empty matches any).
func (w probeWant) matched(ev *Event) []string {
	var out []string
	for slot, ok := range map[string]bool{
		"actor":   w.actor == "" || hasRef(ev.Actors, w.actor),
		"target":  w.target == "" || hasRef(ev.Targets, w.target),
		"place":   hasRef(ev.Places, w.place),
		"country": ev.Country != nil && ev.Country.Name == w.country,
		"date":    ev.Date != nil && *ev.Date == w.date,
		"killed":  killedOf(ev) == w.killed,
	} {
		if ok {
			out = append(out, slot)
		}
	}
	return out
}

// deref returns *s, or "<nil>".
func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
