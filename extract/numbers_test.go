package extract

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
)

// TestNumberAt reads numbers in digits and in words, one row per shape;
// rest is the text of the first token after the number.
func TestNumberAt(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
		rest string
	}{
		{"9 people", 9, true, "people"},
		{"1,200 people", 1200, true, "people"},
		{"12,000,000 people", 12000000, true, "people"},
		{"1,2 and 3", 0, false, ""},
		{"1.5 people", 0, false, ""},
		{"1.5 million people", 1500000, true, "people"},
		{"3 million people", 3000000, true, "people"},
		{"2 thousand people", 2000, true, "people"},
		{"4:30 pm", 0, false, ""},
		{"1000000000000 people", 1000000000000, true, "people"},
		{"99999999999999999999999 people", math.MaxInt, true, "people"},
		{"nine people", 9, true, "people"},
		{"zero casualties", 0, true, "casualties"},
		{"nineteen people", 19, true, "people"},
		{"twenty people", 20, true, "people"},
		{"twenty-five people", 25, true, "people"},
		{"forty-two people", 42, true, "people"},
		{"ninety-nine people", 99, true, "people"},
		{"forty two people", 42, true, "people"},
		{"twenty - five people", 20, true, "-"},
		{"a dozen soldiers", 12, true, "soldiers"},
		{"two dozen soldiers", 24, true, "soldiers"},
		{"dozens of people", 0, false, ""},
		{"hundreds of people", 0, false, ""},
		{"thousands of people", 0, false, ""},
		{"several people", 0, false, ""},
		{"many people", 0, false, ""},
		{"one hundred and twenty people", 120, true, "people"},
		{"one hundred twenty-one people", 121, true, "people"},
		{"two hundred people", 200, true, "people"},
		{"a hundred people", 100, true, "people"},
		{"three thousand five hundred people", 3500, true, "people"},
		{"one hundred thousand people", 100000, true, "people"},
		{"a million people", 1000000, true, "people"},
		{"one hundred two hundred", 100, true, "two"},
		{"a Hezbollah commander", 1, true, "Hezbollah"},
		{"an attack", 0, false, ""},
		{"the people", 0, false, ""},
	}
	for _, tt := range tests {
		toks := text.Tokenize(tt.in, 0)
		n, j, ok := numberAt(toks, 0)
		if ok != tt.ok || ok && n != tt.want {
			t.Errorf("numberAt(%q) = %d, %v; want %d, %v", tt.in, n, ok, tt.want, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		rest := ""
		if j < len(toks) {
			rest = toks[j].Text
		}
		if rest != tt.rest {
			t.Errorf("numberAt(%q) stops before %q, want %q", tt.in, rest, tt.rest)
		}
	}
}

// TestCasualtyFigures reads killed and injured figures from sentences;
// want lists "killed N" and "injured N" in order, implausible the figures
// left out as above MaxCasualties, zero the zero figures ("no
// fatalities"), which findCasualties leaves out.
func TestCasualtyFigures(t *testing.T) {
	tests := []struct {
		in          string
		want        string
		implausible string
		zero        string
	}{
		{"Militants attacked the convoy, killing twenty-five people.", "killed 25", "", ""},
		{"The blast killed forty-two soldiers.", "killed 42", "", ""},
		{"Gunmen killed a dozen soldiers.", "killed 12", "", ""},
		{"The bomb wounded 1,200 people.", "injured 1200", "", ""},
		{"One hundred and twenty people were killed in the raid.", "killed 120", "", ""},
		{"Gunmen killed dozens of people.", "", "", ""},
		{"Gunmen killed several people.", "", "", ""},
		{"The strike caused no fatalities.", "", "", "killed 0"},
		{"There were no casualties.", "", "", "killed 0 injured 0"},
		{"No one was hurt in the blast.", "", "", "injured 0"},
		{"Nobody was killed.", "", "", "killed 0"},
		{"It had no casualties, but the first blast killed nine people.", "killed 9", "", "killed 0 injured 0"},
		{"The famine killed 1.5 million people.", "killed 1500000", "", ""},
		{"The strike was reported as killing 1000000000000 people.", "", "killed 1000000000000", ""},
		{"The raid killed a billion people.", "", "killed 1000000000", ""},
		{"Four children, three women and two men have been killed.", "killed 9", "", ""},
		// a bare number right before the toll word, as in headlines
		{"Feud between two clans; five killed, more feared missing.", "killed 5", "", ""},
		{"3 dead and 12 hurt after a blast at the depot.", "killed 3 injured 12", "", ""},
		// a number counting a noun no list knows, then a passive toll
		{"At least one trader was killed when raiders struck the market.", "killed 1", "", ""},
		// a year before a comma is no count of the people after it
		{"On 9 May 2019, soldiers killed 4 bandits.", "killed 4", "", ""},
		// one person named by a singular phrase, passive or object
		{"A local chief was shot dead outside his home.", "killed 1", "", ""},
		{"Troops killed a Tuareg herder near the well.", "killed 1", "", ""},
		{"A ten-year-old girl was wounded while three others were killed.", "killed 3 injured 1", "", ""},
		{"The convoy was attacked.", "", "", ""},
		// the counted phrase runs over more than one word
		{"Two Sudanese refugees were killed and four others hurt.", "killed 2 injured 4", "", ""},
		{"Raiders burned three grain stores and killed two.", "killed 2", "", ""},
		{"One man dies in a clash between two villages.", "killed 1", "", ""},
		// a singular object of a kind, after a second coordinated verb
		{"Gunmen killed a young farmer near his field.", "killed 1", "", ""},
		{"Raiders killed and beheaded a herdsman at the well.", "killed 1", "", ""},
		{"Unknown men killed an individual on the road.", "killed 1", "", ""},
		// the object of a verb of killing is a person, its noun listed or not
		{"Rebels ambushed the convoy, killing a peacekeeper.", "killed 1", "", ""},
		{"A crowd lynched a suspected pickpocket at the bus park.", "killed 1", "", ""},
		{"Jets struck the camp, killing an unknown number of fighters.", "", "", ""},
		// a count of others closes the list of victims
		{"Gunmen stormed the town hall, killing the mayor and 12 others.", "killed 13", "", ""},
		{"Insurgents raided the hamlet, beheading 3 men.", "killed 3", "", ""},
		// a hyphened name between a figure and its noun
		{"Troops and rebels clashed. 4 soldiers and 6 FRPI-D fighters killed.", "killed 10", "", ""},
		// an active "shot dead" takes its singular object like "killed"
		{"Rangers shot dead a herder near the lodge.", "killed 1", "", ""},
		{"A poacher was shot dead near the lodge.", "killed 1", "", ""},
		// "as" opening a clause before a singular victim
		{"Troops retreated as a soldier was killed near the post.", "killed 1", "", ""},
		// "to death" after a verb of violence is a killing whose object is the victim
		{"A mob beat to death a trader at the market.", "killed 1", "", ""},
		{"Attackers hacked to death two farmers near the river.", "killed 2", "", ""},
		{"A mob beat a trader to death at the market.", "killed 1", "", ""},
		{"Raiders hacked a herder and a farmer to death near the river.", "killed 2", "", ""},
		{"A trader was beaten to death at the market.", "killed 1", "", ""},
		{"A court sentenced to death a trader from the market.", "", "", ""},
		// a clipped toll counts both sides, one of them by its name or a modified head
		{"6 VDP and 12 militants killed.", "killed 18", "", ""},
		{"22 security personnel and 5 Maoists killed.", "killed 27", "", ""},
		{"Residents lynched two suspected thieves.", "killed 2", "", ""},
		// coordinated singular victims are counted
		{"The bomb killed a police officer and a civilian.", "killed 2", "", ""},
		// a figure before an active toll verb with an object counts the doers
		{"A band of four herders armed with spears killed a trader.", "killed 1", "", ""},
		{"Three gunmen killed two guards at the gate.", "killed 2", "", ""},
		{"Two bandits shot dead a trader at the depot.", "killed 1", "", ""},
		// bodies found give a toll of as many as the figure counts
		{"Seven bodies were recovered from the river after the raid.", "killed 7", "", ""},
		{"The bodies of five herders were found near the well.", "killed 5", "", ""},
		{"Two bodies of water border the camp.", "", "", ""},
		{"Four raiders shot dead three herders near the well.", "killed 3", "", ""},
		// the noun of incident coding
		{"There was 1 fatality and 6 people were arrested.", "killed 1", "", ""},
		{"The clash left 3 fatalities.", "killed 3", "", ""},
		// escaping death is a toll of none
		{"Two officials escaped death when the mine missed their car.", "killed 0", "", ""},
		// a toll word with a subject of its own is not the figure's
		{"Troops shot some 12 civilians, burnt huts and cattle killed.", "", "", ""},
		// an apposition between the victim and the verb
		{"A herder, a boy of 16, was killed at the well.", "killed 1", "", ""},
		// a pronoun as the victim; a body found; a possessive object
		{"He later died in hospital.", "killed 1", "", ""},
		{"The body of a trader was found near the river.", "killed 1", "", ""},
		// the body of one person as the object of a past verb
		{"Raiders killed and burned the body of a herder near the well.", "killed 1", "", ""},
		{"Unknown men dumped the body of a young farmer by the road.", "killed 1", "", ""},
		{"Unknown men murdered and disfigured the body of a herder.", "killed 1", "", ""},
		{"Bandits burned the body of a farmer child behind the hut.", "killed 1", "", ""},
		{"Villagers carried the body of water to the field.", "", "", ""},
		{"A soldier killed his brother, a police officer, at home.", "killed 1", "", ""},
		{"A farmer killed his cattle.", "", "", ""},
		{"A police inspector was gunned down outside the station.", "killed 1", "", ""},
		// one of a group, as the object of the toll verb
		{"Police shot dead one of the attackers.", "killed 1", "", ""},
		{"One of the dead was a child.", "", "", ""},
		// a headline's object without an article
		{"Bomb attack kills soldier in border town", "killed 1", "", ""},
		// a headline's third-person verb of injury before a bare count
		{"Bomb blast at a bus stop in Isiolo wounds six", "injured 6", "", ""},
		{"Explosion near a Kilifi church injures three", "injured 3", "", ""},
		{"Bandits killed livestock and fled.", "", "", ""},
		// a second coordinated verb of harm before the singular object
		{"Raiders killed and mutilated a night guard near the gate.", "killed 1", "", ""},
		{"Troops killed and arrested 6 smugglers at the border.", "", "", ""},
		{"Troops killed and detained a smuggler at the border.", "", "", ""},
		// the nominal toll: "the killing of" a counted phrase
		{"The rebels admitted the killing of 14 loggers near the dam.", "killed 14", "", ""},
		{"Relatives mourned the deaths of three fishermen.", "killed 3", "", ""},
		// a singular phrase coordinated before a counted one
		{"A cattle trader and five herdsmen died in the fighting.", "killed 6", "", ""},
		{"Four farmers and a herder were killed near the river.", "killed 5", "", ""},
		{"Raiders killed a chief, his wife and three children in the village.", "killed 5", "", ""},
		{"Raiders killed a trader, a driver and two herders at the well.", "killed 4", "", ""},
		{"An agriculturalist and two herders died in the dispute.", "killed 3", "", ""},
		{"3 traders, a mother and her son, were killed at the market.", "killed 3", "", ""},
		// incident coding remarks on the note's own figure
		{"Shots rang out overnight; the toll is disputed (coded as a conservative estimate of 4).", "killed 4", "", ""},
		{"The land feud left 8 dead (coded over four events), with 9 hurt.", "killed 2 injured 9", "", ""},
		{"Youths burned homes until troops arrived, shooting 3 dead (coded separately).", "", "", ""},
		{"Toll for the whole raid coded for 3 days = 12", "killed 4", "", ""},
	}
	for _, tt := range tests {
		toks := text.Tokenize(tt.in, 0)
		if got := casualtyList(findCasualties(toks)); got != tt.want {
			t.Errorf("findCasualties(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := casualtyList(implausibleCasualties(toks, nil)); got != tt.implausible {
			t.Errorf("implausibleCasualties(%q) = %q, want %q", tt.in, got, tt.implausible)
		}
		if got := casualtyList(zeroCasualties(toks)); got != tt.zero {
			t.Errorf("zeroCasualties(%q) = %q, want %q", tt.in, got, tt.zero)
		}
	}
}

func casualtyList(cs []casualty) string {
	var out []string
	for _, c := range cs {
		what := "injured"
		if c.Killed {
			what = "killed"
		}
		out = append(out, what+" "+itoa(c.N))
	}
	return strings.Join(out, " ")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// TestImplausibleFigureWarned: an implausible toll gives the event no
// figure and the record a warning that quotes the claim.
func TestImplausibleFigureWarned(t *testing.T) {
	doc := Document{ID: "hoax", Text: "Militants attacked a market in Quetta on Monday, killing 1000000000000 people, police said."}
	rec, err := Default().Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range rec.Events {
		if e.Killed != nil {
			t.Errorf("event %s has killed = %d", e.Type, *e.Killed)
		}
	}
	for _, e := range rec.Entities {
		if e.Count != nil && *e.Count > MaxCasualties {
			t.Errorf("entity %s (%s) has count = %d, above MaxCasualties", e.Name, e.Class, *e.Count)
		}
	}
	if len(rec.Warnings) != 1 {
		t.Fatalf("warnings %v, want one", rec.Warnings)
	}
	w := rec.Warnings[0]
	if !strings.Contains(w.Message, "1000000000000 people") || w.Evidence == nil || doc.Text[w.Evidence.Start:w.Evidence.End] != w.Evidence.Text {
		t.Errorf("warning %s", w)
	}
}

// TestNumberWordsFile: every line of numbers.tsv is read, and the
// kinds are those numberAt relies on.
func TestNumberWordsFile(t *testing.T) {
	twenty, _ := unitWords.Get("twenty")
	million, _ := scaleWords.Get("million")
	if twenty != 20 || million != 1000000 || numberWords["dozens"] == 0 {
		t.Errorf("numbers.tsv: twenty %d, million %d, dozens %d", twenty, million, numberWords["dozens"])
	}
	for _, bad := range []string{"one\t1", "one\tx\tunit", "one\t1\tfraction"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("parseNumberWords(%q) did not panic", bad)
				}
			}()
			parseNumberWords(bad)
		}()
	}
}

// TestEventToll reads the killed figure of a note's event, one row per
// shape of toll statement across sentences; -1 is no figure.
func TestEventToll(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		// another source's figure, or a party's claim, after the note's own
		{"On 3 May 2021, four civilians were killed when gunmen attacked a bus near Garissa. Conflicting reports have seven deaths.", 4},
		{"On 3 May 2021, soldiers killed 4 militants in a shootout near Garissa. Other reports claim that five herders were killed.", 4},
		{"On 3 May 2021, militants attacked a police post near Garissa. 2 killed. (3 others feared dead in an earlier report, not confirmed)", 2},
		{"On 3 May 2021, an IED struck a police truck near Garissa, killing 6 officers. The group claims 11 fatalities.", 6},
		{"On 3 May 2021, three traders were shot dead by bandits near Garissa. The Daily Courier reports 5 people were killed.", 3},
		{"On 3 May 2021, bandits attacked traders near Garissa. The Daily Courier reports 5 people were killed.", 5},
		// a toll whose victims include the doer's own men counts all of them
		{"On 3 May 2021, JNIM militants attacked an army post in Porga. Two soldiers and one militant were killed. JNIM claimed responsibility.", 3},
		// the dead of both sides in two clauses, one side by a head that needs its modifier
		{"On 3 May 2021, two security personnel died and troops killed four militants near Garissa.", 6},
		// a role after "as" is no second victim: both sides' dead add
		{"On 3 May 2021, a guard taken as a hostage was killed while the troops killed one of the raiders near Garissa.", 2},
		// the injured victim who later died
		{"On 3 May 2021, a civilian was shot and wounded by a police officer in Garissa. He later died in hospital.", 1},
		// a found body
		{"On 3 May 2021, gunmen attacked a village near Garissa. The body of a trader was found the next day.", 1},
		// arrests and running totals are no toll of the event
		{"On 3 May 2021, gunmen attacked a village near Garissa, killing 5. Police arrested 4 suspects.", 5},
		{"On 3 May 2021, raiders attacked a village near Garissa, leaving 6 dead.", 6},
		{"On 3 May 2021, gunmen attacked a village near Garissa. No fatalities were reported.", 0},
		// one person named by a definite title after an active toll
		{"On 3 May 2021, gunmen killed the village chief of Tessit.", 1},
		{"On 3 May 2021, gunmen shot dead the imam of a mosque in Kitui.", 1},
		{"On 3 May 2021, gunmen killed the driver and injured two passengers near Kitui.", 1},
		// the two sides' dead are one toll
		{"On 3 May 2021, 3 militants and 2 soldiers were killed in a clash near Garissa.", 5},
		// more of the toll told after it adds to it
		{"On 3 May 2021, bandits raided Tembora village, killing three herders. Two more died in hospital.", 5},
		{"On 3 May 2021, bandits raided Tembora village. Three people died in the raid and two others later died of their wounds.", 5},
		{"On 3 May 2021, bandits raided Tembora village, killing three herders. Another two died the next day.", 5},
		{"On 3 May 2021, bandits raided Tembora village, killing three herders. A child also died.", 4},
		{"On 3 May 2021, two soldiers were killed in an ambush near Tembora; a civilian also died.", 3},
		// a range is read at its lowest figure
		{"On 3 May 2021, between 5 and 7 people were killed when bandits raided Tembora village.", 5},
	} {
		rec := extractOne(t, tt.in, "2021-05-05")
		got := -1
		for _, e := range rec.Events {
			if e.Type == EventAttack && e.Killed != nil {
				got = max(got, *e.Killed)
			}
		}
		if got != tt.want {
			t.Errorf("toll of %q = %d, want %d", tt.in, got, tt.want)
		}
	}
}
