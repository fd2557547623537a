package extract

import (
	"strings"
	"testing"
)

// articleArgTests hold one row per sentence shape of full articles that
// names an attack's doer or what it hit: a quantity "of" the people ("some
// of the gunmen", "two of the attackers", "killed two of the guards"), a
// facility hit by its kind ("a prison", "a shrine", "a pipeline"), a part
// of what was hit ("a section of the pipeline"), the agent of the
// participle after a weapon ("a drone operated by X"), several forces of
// one state at home, a year opening the sentence before the subject, a
// contrast ("X, not Y,"), a blame whose "on" follows a relative clause, an
// object relative ("the checkpoint that militants attacked"), an armed
// speaker's pronoun ("rebels said they attacked"), a later sentence that
// names the group of the unknown doers ("the attackers belonged to X",
// "were members of X", "accused X of carrying out the attack"), people
// shot "at" a place, whom a thing hit served ("a convoy carrying food for
// the army"), the object of a verb of targeting beside the people a
// participle after it says were hurt ("targeted a convoy, wounding two
// drivers"). The rows with a slot in not, or with noAttack, are shapes
// that must not fill it: people of whom some did something else, an arrest
// near a venue, a weapon's operator with no harm done. The sentences are
// written for this test.
var articleArgTests = []struct {
	name, in, actor, target string
	// actor and target are wanted as in argTests, "" taking any.
	// not is an actor or a target that no attack of the sentence may
	// have; with noAttack the sentence reports no attack at all.
	not      string
	noAttack bool
}{
	{"'some of' the doers, a determiner alone before 'of'", "Some of the gunmen opened fire on worshippers at a mosque in Kano.",
		"gunmen", "worshippers", "", false},
	{"a number 'of' the doers", "Two of the attackers blew themselves up at the gate of the base in Bosaso.",
		"attackers", "", "", false},
	{"a vague quantity 'of' the doers", "Several of the rebels attacked a police post near the town of Bria.",
		"rebels", "police post", "", false},
	{"a quantity 'of' an armed doer makes a verb that needs one an attack", "Many of the soldiers fired on the protesters in the city of Mandalay.",
		"Myanmar military", "protesters", "", false},
	{"'each of' the doers", "Each of the bombers detonated a vest outside the court in Kandahar.",
		"bomber", "", "", false},
	{"a number 'of' the people hit", "Militants killed two of the guards at the gate of the camp in Mandera.",
		"militants", "security forces", "", false},
	{"a prison stormed is what was hit", "Bandits stormed a prison in the town of Kabale on Sunday, freeing 300 inmates.",
		"bandits", "prison", "", false},
	{"a shrine struck is what was hit, beside the people killed", "A suicide bomber struck a shrine in the city of Kirkuk, killing six pilgrims.",
		"bomber", "shrine", "", false},
	{"a section of a pipeline: the pipeline was hit", "Saboteurs blew up a section of the gas pipeline near the town of Arish.",
		"", "gas pipeline", "", false},
	{"people of whom some fled are no doers of the attack", "Some of the residents fled when gunmen attacked the village of Tanda.",
		"gunmen", "", "residents", false},
	{"an arrest near a venue is no attack on it", "Two of the attackers were arrested near the stadium in Tegucigalpa on Monday.",
		"", "", "", true},
	{"a quantity 'of' soldiers doing no harm is no attack", "Some of the soldiers took part in a parade in the town of Yola.",
		"", "", "", true},
	{"the agent of the participle after a weapon did it", "A drone operated by the militia struck a fuel depot near the city of Erbil.",
		"militia", "fuel depot", "", false},
	{"a weapon's operator with no harm done is no attack", "A drone operated by the agency filmed the village near Erbil.",
		"", "", "", true},
	{"two forces of one state at home act in their own names: the army", "Soldiers and police opened fire on protesters in the city of Sylhet.",
		"Bangladesh Armed Forces", "protesters", "", false},
	{"two forces of one state at home act in their own names: the police", "Police and soldiers opened fire on protesters in the city of Sylhet.",
		"Bangladesh Police", "protesters", "", false},
	{"troopers are a state force", "A roadside bomb killed six paramilitary troopers in the Bijapur district.",
		"", "security forces", "", false},
	{"a year after the opening preposition ends its phrase: the name after it acts", "In 1990 Iraq invaded Kuwait.",
		"Iraq", "", "", false},
	{"the one set aside in a contrast does not act", "Police said the Taliban, not Islamic State, attacked the checkpoint near Jalalabad.",
		"Taliban", "checkpoint", "Islamic State", false},
	{"a cleft with a contrast: the one it stresses acts", "It was the Taliban, not Islamic State, that attacked the checkpoint near Jalalabad.",
		"Taliban", "checkpoint", "Islamic State", false},
	{"an object relative: what 'that' stands for was hit", "The checkpoint that the militants attacked on Monday is near the city of Jalalabad.",
		"militants", "checkpoint", "", false},
	{"an object relative with 'which'", "The police station which gunmen stormed on Sunday had been attacked twice before.",
		"gunmen", "police station", "", false},
	{"a 'that' after a verb of saying opens a report: its speaker is not hit", "The army said that militants attacked on Monday near Gao.",
		"militants", "", "Armed Forces", false},
	{"an armed speaker's pronoun tells of its own act", "Rebels said they attacked an army post near the town of Sagaing.",
		"rebels", "army post", "", false},
	{"an unarmed speaker's pronoun is no doer", "Residents said they fled when gunmen attacked the village of Tanda.",
		"gunmen", "", "residents", false},
	{"an accusation names the doer of the attack told before", "Gunmen ambushed a patrol near the town of Menaka, killing five soldiers. The army accused the Islamic State Sahel Province of carrying out the attack.",
		"Islamic State Sahel Province", "Armed Forces", "", false},
	{"the unknown doers belonged to a group named after", "Gunmen attacked a bus near the town of Poonch, killing six pilgrims. Police said the attackers belonged to Jaish-e-Mohammed.",
		"Jaish-e-Mohammed", "pilgrims", "unidentified", false},
	{"the unknown doers were members of a group", "Gunmen stormed a church in the city of Nalchik, killing a priest. Investigators said the attackers were members of an Islamic State cell.",
		"Islamic State", "church", "unidentified", false},
	{"a name joined to the claimant by a hyphened word does not claim", "At least nine soldiers were killed in a raid against an army post near Djibo. The al Qaeda-linked group JNIM claimed responsibility.",
		"Jama'at Nasr al-Islam wal Muslimin", "army post", "Al-Qaeda", false},
	{"people shot 'at' a place: the people were hit, the place is where", "Gunmen shot two police officers at a roadblock outside Tumaco on Sunday.",
		"gunmen", "Police", "roadblock", false},
	{"whom the thing hit served is not hit", "A roadside bomb hit a convoy carrying food for the army near Kidal.",
		"", "convoy", "Armed Forces", false},
	{"the object of 'targeted' stays a target beside the people wounded after it", "A roadside bomb targeted a convoy of fuel trucks near the town of Gardez, wounding two drivers.",
		"", "convoy", "", false},
	{"the same object: the people wounded are targets as well", "A roadside bomb targeted a convoy of fuel trucks near the town of Gardez, wounding two drivers.",
		"", "drivers", "", false},
	{"the object of 'targeted' with no one hurt", "A roadside bomb targeted a convoy of fuel trucks near the town of Gardez.",
		"", "convoy", "", false},
	{"the object of 'ambushed' beside the people killed", "Rebels ambushed a convoy near the town of Beni, killing two people.",
		"rebels", "convoy", "", false},
	{"the object of 'attacked' beside the passengers killed", "Gunmen attacked a bus on the road to Garissa, killing six passengers.",
		"gunmen", "bus", "", false},
	{"the same bus: the passengers killed are targets as well", "Gunmen attacked a bus on the road to Garissa, killing six passengers.",
		"gunmen", "passengers", "", false},
	{"a patrol of a force stands for the force, beside the people killed", "Gunmen attacked a police patrol near the town of Wajir, killing three officers.",
		"gunmen", "Police", "", false},
	{"a checkpoint struck stands for the force that mans it", "Militants struck a checkpoint outside the city of Mosul, wounding four soldiers.",
		"militants", "Armed Forces", "", false},
	{"a market targeted is a venue hit beside the people killed", "A car bomb targeted a crowded market in the town of Baidoa, killing 12 people.",
		"", "market", "", false},
	{"a blame whose 'on' follows a relative clause on the attack", "Police blamed the attack, which killed four guards at a checkpoint near Jalalabad, on the Taliban.",
		"Taliban", "security forces", "", false},
}

func TestArticleArgumentShapes(t *testing.T) {
	ex := Default()
	for _, tt := range articleArgTests {
		rec := extractSentence(t, ex, tt.in)
		var found []string
		ok := false
		for _, e := range rec.Events {
			if e.Type != EventAttack {
				continue
			}
			found = append(found, eventRoles(e))
			if tt.not != "" && (hasPart(e.Actors, e.ActorText, tt.not) || hasPart(e.Targets, nil, tt.not)) {
				t.Errorf("%s: %q\nno attack may have %q, got %s", tt.name, tt.in, tt.not, eventRoles(e))
			}
			if anyOrPart(append(e.Actors, e.Agents...), e.ActorText, tt.actor) && anyOrPart(e.Targets, e.TargetText, tt.target) {
				ok = true
			}
		}
		if tt.noAttack {
			ok = len(found) == 0
		}
		if !ok {
			t.Errorf("%s: %q\nwant actor=%q target=%q no attack=%v\ngot %s", tt.name, tt.in, tt.actor, tt.target, tt.noAttack, strings.Join(found, "; "))
		}
	}
}

// anyOrPart is hasPart with "" taking anything.
func anyOrPart(refs []Ref, texts []string, want string) bool {
	return want == "" || hasPart(refs, texts, want)
}
