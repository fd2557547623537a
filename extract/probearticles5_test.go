package extract

import "testing"

// probeArticleArgs are a fifth set of wire-style articles written for
// this test (people, tolls, quotes and most places invented), each
// putting one argument of its attack in a shape the earlier probes leave
// out: the bomber, gunman or attacker of the lead tied to a group in a
// later sentence ("the bomber was a member of X", "police said the
// gunman belonged to X"); the town attacked as "the town of X" after a
// verb of taking by force ("stormed", "overran", "invaded"); and a means
// of attack that no gun, blade or charge names (chemical agents, cluster
// munitions, incendiary weapons). A row wants one attack whose actors,
// targets, places and weapons hold the wanted words ("" takes any); todo
// names the slots extraction still misses.
var probeArticleArgs = []struct {
	name, published, text string
	want                  probeRoles
}{
	{"a suicide bomber at a mosque, a member of a group by a later sentence",
		"2024-03-08",
		`Suicide bomber kills 30 at mosque in northwest Pakistan

PESHAWAR, Pakistan, March 8 (AP) - A suicide attacker detonated his explosives vest inside a crowded mosque in the city of Peshawar during Friday prayers, killing 30 worshippers and wounding dozens, police said.
The bomber was a member of the Pakistani Taliban, provincial police chief Asif Durrani told reporters.
Rescue workers pulled survivors from the rubble of the collapsed prayer hall.
"We will hunt down those behind this," he said.`,
		probeRoles{"Tehreek-e-Taliban Pakistan", "worshippers", "Peshawar", "", ""}},
	{"a gunman at a market, who belonged to a group by the police",
		"2024-07-19",
		`Gunman kills four at market in southern Philippines

COTABATO, Philippines, July 19 (AFP) - A gunman opened fire at a crowded market in the town of Datu Piang on Thursday, killing four vendors before fleeing on a motorcycle, the military said.
Police said the gunman belonged to the Abu Sayyaf, a militant group blamed for kidnappings in the region.
The army has sent troops to search the surrounding marshland.`,
		probeRoles{"Abu Sayyaf", "vendors", "Datu Piang", "", ""}},
	{"rebels storm the town of X: the town is the target",
		"2024-02-11",
		`Rebels storm town west of Goma, officials say

GOMA, Congo, Feb 11 (Reuters) - M23 rebels stormed the town of Sake, about 25 km west of Goma, on Sunday after days of heavy fighting, local officials said.
Thousands of residents fled towards Goma along the main road, a U.N. official said.
Aid agencies said food was running short in the camps around the city.`,
		probeRoles{"M23", "Sake", "Sake", "", ""}},
	{"helicopters drop chlorine gas on a town",
		"2024-09-14",
		`Rights group says government helicopters dropped chlorine on rebel town

BEIRUT, Sept 14 (Reuters) - Government helicopters dropped barrels filled with chlorine gas on the town of Saraqib in Idlib province on Friday, a rights group said, wounding about 20 people who were treated for breathing problems.
Doctors at a field hospital said patients arrived coughing and struggling to breathe.
The government denies using chemical weapons.`,
		probeRoles{"", "", "Saraqib", "chemical weapon", ""}},
	{"cluster munitions fired at a market",
		"2024-10-02",
		`Cluster munitions hit market in eastern Ukraine, killing 11

KYIV, Oct 2 (Reuters) - Russian forces fired cluster munitions at a market in the town of Kostiantynivka on Wednesday, killing 11 people, regional governor Vadym Filashkin said.
Photographs showed burned stalls and cars in the square.
Russia denies targeting civilians.`,
		probeRoles{"Russia", "market", "Kostiantynivka", "cluster munition", ""}},
}

func TestProbeArticleArgs(t *testing.T) {
	for _, tt := range probeArticleArgs {
		t.Run(tt.name, func(t *testing.T) {
			checkProbeRoles(t, tt.text, tt.published, tt.want)
		})
	}
}
