package extract

import (
	"strings"
	"testing"
)

// argTests hold one row per sentence shape that gives an attack its
// attacker or target through the clause roles: a noun's "of" object, a
// passive whose agent is the event, a noun for the one who attacks, a
// participle that describes the subject. Each row gives the actor and
// target wanted (a name, or the phrase a described entity keeps as an
// alias). The sentences are written for this test.
var argTests = []struct {
	name, in, actor, target string
}{
	{"a noun's 'of' object is what was hit", "Police arrested two men after the bombing of a mosque in Kano.",
		"", "mosque"},
	{"a passive whose agent is the event", "Three shops were destroyed by an explosion in Kano.",
		"", "Three shops"},
	{"a passive whose 'in' phrase is the event", "Three shops were destroyed in the blast in Kano.",
		"", "Three shops"},
	{"the one who attacks, named by the trigger", "A suicide bomber blew himself up outside a bank in Kunduz, killing two guards.",
		"bomber", "guards"},
	{"the one who attacks crashes into the target", "A suicide bomber crashed into a police convoy near Kandahar.",
		"bomber", "police"},
	{"a trigger verb the frame table does not hold", "Russian warplanes struck a hospital in Idlib on Tuesday.",
		"Russia", "hospital"},
	{"a vehicle that struck a device was hit", "A police truck struck an IED near Gao on Monday.",
		"", "police"},
	{"a vehicle that struck a roadside bomb was hit", "A police truck struck a roadside bomb near Gao on Monday.",
		"", "police"},
	{"a noun after 'under': the subject was hit, 'from' names the doer", "A police post in Garissa came under fire from suspected al-Shabaab militants on Monday.",
		"Al-Shabaab", "police post"},
	{"'under attack from'", "Two lorries came under attack from Pokot raiders near Lodwar.",
		"Pokot", "lorries"},
	{"a named venue no list knows, as object", "Gunmen attacked Camp Tarlow in Kunduz on Monday.",
		"gunmen", "Camp Tarlow"},
	{"'blamed the attack on X': the last 'on' phrase", "Police blamed the attack on the market in Jos on Boko Haram.",
		"Boko Haram", "market"},
	{"'blamed X for the attack'", "Officials blamed Boko Haram for the attack on the market in Jos.",
		"Boko Haram", "market"},
	{"'X was blamed for the attack'", "Boko Haram was blamed for the attack on the market in Jos.",
		"Boko Haram", "market"},
	{"a participle that describes the subject", "A suicide bomber driving a truck crashed into a police convoy near Kandahar.",
		"bomber", "police"},
	{"the body of someone: the person was hit", "Gunmen mutilated the body of a herder near Kandi (Kandi, Alibori).",
		"gunmen", "herders"},
	{"the car of someone: the person was hit", "Gunmen shot at the car of a village chief near Nikki (Nikki, Borgou), leaving him wounded.",
		"gunmen", "officials"},
	{"a group of people hit", "A man hurled a grenade into a group of Dutch tourists in Malindi.",
		"A man", "tourists"},
	{"members of a community, counted", "Soldiers shot dead three members of the Peul community near Kalale (Kalale, Borgou).",
		"Benin", "civilians"},
	{"'took X hostage' where the chunker joins X to 'hostage'", "A farmer took four herders hostage near Ouake (Ouake, Donga).",
		"farmers", "herders"},
	{"a perfect infinitive after 'are believed'", "Militants are believed to have ambushed a police convoy near Lamu.",
		"Militants", "Police"},
	{"a body's name before people qualifies them", "Police shot dead a Red Crescent volunteer in Kakamega.",
		"Kenya", "volunteers"},
	{"officers of an election are officials, not police", "Electoral officers were beaten by party supporters in Kisii.",
		"party supporters", "officials"},
	{"an official is a civilian hit", "Gunmen shot a county official in Wajir.",
		"gunmen", "officials"},
	{"a post or position a force holds: the force was attacked", "JNIM fighters raided an army position near Tanguieta (Tanguieta, Atacora).",
		"JNIM", "Armed Forces"},
	{"an agentless passive after a sentence whose subject is an armed group", "Bandits stopped a bus near Baragoi. Two passengers were shot dead.",
		"bandits", "passengers"},
	{"the victims of the participle after a venue hit", "Militants threw a grenade into a church in Garissa, injuring five worshippers.",
		"Militants", "worshippers"},
	{"people killed at a venue hit stay its targets", "Three customers were killed when gunmen attacked a bar in Garissa.",
		"gunmen", "patrons"},
	{"an event noun no row holds, subject of 'hit': its object was hit", "An airstrike hit a school in Marib on Friday.",
		"", "school"},
	{"an event noun no row holds, subject of 'killed': its victims were hit", "A drone strike killed four fishermen off Hodeidah on Sunday.",
		"", "fishermen"},
	{"a post a force held is its target, not the force counted in the toll", "Bandits raided a police station in Katsina on Monday. Three policemen were among the dead.",
		"bandits", "police station"},
	{"the victims of a clause of 'be' before the attack's own doer", "Four soldiers were among the dead after insurgents attacked an army base in Yobe.",
		"insurgents", "army base"},
	{"the group holding a quarter the trigger lexicon kept as text, unhyphenated 'held'", "Rescuers searched a ruined mosque after an air raid on a rebel held al - Bab quarter of Idlib on Monday.",
		"", "rebels"},
	{"a town an event noun is named after is a target beside the people it killed", "About 40,000 died in the Hiroshima blast.",
		"", "Hiroshima"},
	{"a town's possessive before an event noun, beside the victims", "Aleppo's bombardment killed 30 civilians.",
		"", "Aleppo"},
	{"a named beach no list knows, object of an assault verb", "Marines stormed Red Beach near Incheon at dawn.",
		"Marines", "Red Beach"},
	{"a count with 'more' and no noun is more of the people named before", "Bandits shot dead four herders and wounded six more near Kano.",
		"Bandits", "six more"},
	{"'another' and a count, no noun: more of the people named before", "Raiders killed three villagers in Katsina and injured another 7.",
		"Raiders", "another 7"},
	{"an agentless passive, its doer the armed subject of an 'after' clause", "A taxi driver was wounded in Kitui after a police officer reportedly slapped him twice.",
		"Kenya", "drivers"},
	{"an agentless passive, its doer the armed subject of a 'when' clause", "A shopkeeper was hurt in Kisumu when two policemen kicked him.",
		"Kenya", "traders"},
	{"a national army by its French acronym", "The FAB raided a hideout near Segbana (Segbana, Alibori) on Sunday.",
		"Benin Armed Forces", "hideout"},
	{"search operations are no attack: the patrol conducting them was hit", "A gendarmerie patrol conducting search operations near Kidal was ambushed on Monday. One gendarme died.",
		"", "Mali"},
	{"rescue operations are no attack: the troops carrying them out were hit", "Troops carrying out rescue operations in Kidal came under fire on Monday.",
		"", "Mali"},
	{"people counted among the dead after a village raided", "Bandits raided a village in Katsina on Monday. Three farmers were among the dead.",
		"bandits", "farmers"},
	{"men counted, with no word of what they are, who do the act: an armed group", "Four herders were abducted by two men near Sabo on Monday.",
		"unidentified armed group", "herders"},
	{"men counted as the active subject of an attack", "Three men shot a shopkeeper outside his kiosk in Sabo.",
		"unidentified armed group", "traders"},
	{"a victim named by an office: a civilian official", "Gunmen abducted a polling clerk near Sabo on Monday.",
		"gunmen", "officials"},
	{"a title after a public body's name, split at its 'of'", "Robbers shoot Ministry of Water official near Sabo",
		"robbers", "officials"},
	{"victims named by an occupation", "Bandits kidnapped a lawyer and a salesman in Sabo.",
		"bandits", "lawyers"},
	{"a victim named by a cause taken up", "Unknown assailants stabbed an activist in Sabo.",
		"assailants", "activists"},
}

func TestArgumentShapes(t *testing.T) {
	ex := Default()
	for _, tt := range argTests {
		rec := extractSentence(t, ex, tt.in)
		var found []string
		ok := false
		for _, e := range rec.Events {
			found = append(found, eventRoles(e))
			if (e.Type == EventAttack || e.Type == EventAbduction) && hasPart(append(e.Actors, e.Agents...), e.ActorText, tt.actor) && hasPart(e.Targets, e.TargetText, tt.target) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: %q\nwant actor=%q target=%q\ngot %s", tt.name, tt.in, tt.actor, tt.target, strings.Join(found, "; "))
		}
	}
}

// hasPart reports whether want is a name or alias of one of refs, or one
// of texts, or inside one of them ("" wants none).
func hasPart(refs []Ref, texts []string, want string) bool {
	if want == "" {
		return len(refs) == 0 && len(texts) == 0
	}
	in := func(s string) bool { return strings.Contains(strings.ToLower(s), strings.ToLower(want)) }
	for _, r := range refs {
		if in(r.Name) {
			return true
		}
		for _, a := range r.Aliases {
			if in(a) {
				return true
			}
		}
	}
	for _, x := range texts {
		if in(x) {
			return true
		}
	}
	return false
}

// sideTests hold one row per shape that gives a clash its sides: each
// wanted side is a name or alias of one of the clash's actors or targets;
// armed, where given, names a side of people of a kind that must be an
// armed group (their militia, which keeps the word as an alias), and hit
// people a phrase says were hit, who stay civilians.
var sideTests = []struct {
	name, in   string
	want       []string
	armed, hit string
}{
	{"'a number of X and Y clashed': both listed act", "A number of farmers and herders clashed near Nikki (Nikki, Borgou).",
		[]string{"farmers", "herders"}, "farmers", ""},
	{"'X engaged Y in a battle'", "Hunters engaged gendarmes in a gun battle near Bante (Bante, Collines).",
		[]string{"hunters", "Benin"}, "", ""},
	{"'X and Y including Z clashed': the included people fight too", "Gendarmes and protesters including hunters clashed near Ouesse (Ouesse, Collines).",
		[]string{"hunters", "Benin"}, "", ""},
	{"'clashes between X and Y': kinds of people are their militias", "Two men died near Kalale (Kalale, Borgou) in fighting between herders and farmers.",
		[]string{"herders", "farmers"}, "herders", ""},
	{"'a clan clash' names no side: the clans' militia fought", "A clan clash near Habaswein left two dead on Monday.",
		[]string{"clan militia"}, "clan", ""},
	{"'tribal fighting' after its victims: the tribes' militia fought", "Two herders died in tribal fighting near Lokichar.",
		[]string{"tribal militia"}, "tribal", "herders"},
	{"'a clash with X' after the victims: the victims stay civilians", "Three herdsmen died near Nikki (Nikki, Borgou) when a clash erupted with villagers.",
		[]string{"villagers"}, "villagers", "herders"},
}

func TestClashSideShapes(t *testing.T) {
	ex := Default()
	for _, tt := range sideTests {
		rec := extractSentence(t, ex, tt.in)
		var found []string
		ok := false
		for _, e := range rec.Events {
			found = append(found, eventRoles(e))
			if e.Type != EventAttack || e.Subtype != "armed clash" {
				continue
			}
			sides := append(append([]Ref(nil), e.Actors...), e.Targets...)
			ok = (tt.armed == "" || hasClass(sides, tt.armed, ClassArmedGroup)) && (tt.hit == "" || hasClass(sides, tt.hit, ClassCivilians))
			for _, w := range tt.want {
				ok = ok && hasPart(sides, nil, w)
			}
			if ok {
				break
			}
		}
		if !ok {
			t.Errorf("%s: %q\nwant sides %q (armed %q, hit %q)\ngot %s", tt.name, tt.in, tt.want, tt.armed, tt.hit, strings.Join(found, "; "))
		}
	}
}

// hasClass reports whether one of refs of class class has want for a
// name or alias.
func hasClass(refs []Ref, want, class string) bool {
	for _, r := range refs {
		if r.Class == class && hasPart([]Ref{r}, nil, want) {
			return true
		}
	}
	return false
}

// TestOthersOrigin: a state force that its phrase gives no country does not
// take the nationality or origin of other people in its sentence.
func TestOthersOrigin(t *testing.T) {
	ex := Default()
	for _, tt := range []struct{ name, in, notCountry string }{
		{"'from X' after raiders", "Police battled Toposa raiders from South Sudan near Lokichoggio.", "South Sudan"},
		{"a demonym of victims", "Police are said to be harassing Somali traders in Eastleigh.", "Somalia"},
	} {
		rec := extractSentence(t, ex, tt.in)
		police := false
		for _, e := range rec.Entities {
			if e.Class != ClassStateForce {
				continue
			}
			police = true
			if e.Country == tt.notCountry || strings.Contains(e.Name, tt.notCountry) {
				t.Errorf("%s: %q: the force is %q (%s)", tt.name, tt.in, e.Name, e.Country)
			}
		}
		if !police {
			t.Errorf("%s: %q: no state force", tt.name, tt.in)
		}
	}
}

// TestCountIsNoName: a count that opens a sentence before a group's head
// noun ("One militant was killed") names no group.
func TestCountIsNoName(t *testing.T) {
	rec := extractSentence(t, Default(), "Militants attacked a post in Porga (Materi, Atacora). One militant was killed.")
	for _, e := range rec.Entities {
		if e.Name == "One" {
			t.Errorf("a count became the %s %q", e.Class, e.Name)
		}
	}
}

// TestTravelledFromCountry: a place after "from" that says where someone
// travelled from, not where people come from, places the document.
func TestTravelledFromCountry(t *testing.T) {
	rec := extractSentence(t, Default(), "Gunmen held 30 passengers hostage in Dulkabo town. The gunmen stopped the bus while it was travelling from Masalani.")
	got := "no event"
	for _, e := range rec.Events {
		if e.Type == EventAbduction {
			got = ""
			if e.Country != nil {
				got = e.Country.Name
			}
		}
	}
	if got != "Kenya" {
		t.Errorf("country %q, want Kenya", got)
	}
}
