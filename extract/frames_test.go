package extract

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/extract/text"
)

// frameTests hold one row per sentence shape the frame table reads: the
// event type and subtype, and the actor, target and place the sentence
// gives (a name, or the described phrase where no name is known; "" for
// none). A described entity matches through the phrase it keeps as an
// alias; a venue hit is a target and a place (named with its town); a
// state force acts for its country (actor) through the force (agent).
// The sentences are written for this test.
var frameTests = []struct {
	name, in                           string
	typ, subtype, actor, target, place string
}{
	{"active attack by a described doer", "Armed herders attacked farmers near Maiduguri on Monday.",
		EventAttack, "armed assault", "Armed herders", "farmers", "Maiduguri"},
	{"an -ing clause after 'before' takes the subject of its clause", "The bomber walked up to the gate of the barracks in Maradi before detonating his vest.",
		EventAttack, "bombing", "unidentified bomber", "his vest", "Maradi"},
	{"an -ing clause that opens the sentence takes the subject after it", "After storming the market in Maradi, the gunmen fled.",
		EventAttack, "armed assault", "unidentified gunmen", "Maradi market", "Maradi"},
	{"a phrase of time after the town attacked leaves the town the object", "Rebels attacked Maradi last week.",
		EventAttack, "armed assault", "unidentified rebels", "Maradi", "Maradi"},
	{"the town a weapon is fired into was hit", "Militants fired rockets into Maradi on Sunday.",
		EventAttack, "missile strike", "unidentified militants", "Maradi", "Maradi"},
	{"'their' before an event noun refers to the armed phrase before it", "Militants who hoarded rifles for their attack on the village were arrested.",
		EventAttack, "armed assault", "unidentified militants", "civilians", ""}, // an unnamed village hit is its people (villageTargets),
	{"people of a kind act as themselves", "Farmers killed two herders near Kano.",
		EventAttack, "killing", "farmers", "herders", "Kano"},
	{"people counted plural by the lexicon act as themselves", "In Benin, Peul herdsmen killed three farmers near Parakou.",
		EventAttack, "killing", "Peul herdsmen", "farmers", "Parakou"},
	{"a beating is an assault, not a killing", "Gunmen beat three traders near Kano on Friday.",
		EventAttack, "assault", "Gunmen", "traders", "Kano"},
	{"counted states act together", "Officials said all three countries shelled a depot near Idlib.",
		EventAttack, "shelling", "three countries", "depot", "Idlib"},
	{"a sect's militias act", "Alawite militias shelled a village near Baniyas.",
		EventAttack, "shelling", "Alawite militias", "civilians", "Baniyas"},
	{"a community's groups are hit; the government's jets are its forces", "Government jets bombed Druze groups near Hama.",
		EventAttack, "airstrike", "Syrian Arab Army", "Druze groups", "Hama"},
	{"mercenaries of a country act", "Chadian mercenaries abducted two traders near Parakou.",
		EventAbduction, "kidnapping", "Chadian mercenaries", "traders", "Parakou"},
	{"people seized: an abduction", "Gunmen seized two aid workers near Parakou on Monday.",
		EventAbduction, "kidnapping", "Gunmen", "two aid workers", "Parakou"},
	{"people hijacked, in the passive: an abduction", "Six passengers were hijacked by bandits near Kano.",
		EventAbduction, "kidnapping", "bandits", "Six passengers", "Kano"},
	{"a town seized stays an attack", "Rebels seized the town of Kidal on Monday.",
		EventAttack, "strike", "unidentified rebels", "Kidal", "Kidal"},
	{"a collective head read through its 'of' phrase", "A group of herders attacked a farm in Kano.",
		EventAttack, "armed assault", "herders", "farm", "Kano"},
	{"a plural collective head read through its 'of' phrase", "Bands of herders attacked a farm in Kano.",
		EventAttack, "armed assault", "herders", "farm", "Kano"},
	{"a plural collective head of armed men", "Groups of gunmen raided a clinic in Kano.",
		EventAttack, "armed assault", "unidentified gunmen", "clinic", "Kano"},
	{"a reduced relative after an event noun: its 'by' phrase is the doer, the main subject no target", "Traders in Kessa are nervous after a wave of raids carried out by bandits.",
		EventAttack, "strike", "unidentified bandits", "", "Kessa"},
	{"the event noun a light verb's reduced passive says was done is no target", "Farmers near Kessa fled after strikes launched by the coalition.",
		EventAttack, "strike", "coalition", "", "Kessa"},
	{"an -ly adverb between be and the passive: the subject is the target", "A clinic is regularly attacked by gunmen near Kessa.",
		EventAttack, "armed assault", "unidentified gunmen", "clinic", "Kessa"},
	{"an adverb between a perfect's auxiliaries and the passive", "A clinic has been repeatedly targeted by gunmen near Kessa.",
		EventAttack, "strike", "unidentified gunmen", "clinic", "Kessa"},
	{"a frequency adverb without -ly in a perfect passive", "A convoy has often been ambushed by bandits near Kessa.",
		EventAttack, "ambush", "unidentified bandits", "convoy", "Kessa"},
	{"bare verb after a plural subject", "Bandits attack travellers in Kaduna",
		EventAttack, "armed assault", "Bandits", "travellers", "Kaduna"},
	{"grenade hurled at a target", "Unknown men hurled a grenade at a bus station in Mombasa.",
		EventAttack, "grenade attack", "Unknown men", "Mombasa bus station", "Mombasa"},
	{"grenade thrown, passive", "A hand grenade was thrown at a police vehicle in Mombasa.",
		EventAttack, "grenade attack", "", "a police vehicle", "Mombasa"},
	{"named group detonates a device", "Boko Haram detonated an explosive device at a market in Maiduguri.",
		EventAttack, "bombing", "Boko Haram", "Maiduguri market", "Maiduguri"},
	{"device went off, no doer", "A roadside bomb went off in Mosul, wounding four soldiers.",
		EventAttack, "roadside bombing", "", "four soldiers", "Mosul"},
	{"passive kidnapping with agent", "A priest was kidnapped by gunmen in Kaduna on Sunday.",
		EventAbduction, "kidnapping", "gunmen", "A priest", "Kaduna"},
	{"active abduction by a named group", "Al-Shabaab militants abducted two teachers in Mandera.",
		EventAbduction, "kidnapping", "Al-Shabaab", "two teachers", "Mandera"},
	{"hostage taking", "Twelve workers were held hostage by pirates near Lamu.",
		EventAbduction, "hostage taking", "pirates", "Twelve workers", "Lamu"},
	{"clash between two sides", "Clashes between Taliban fighters and Afghan forces in Kunduz left six dead.",
		EventAttack, "armed clash", "Taliban", "", "Kunduz"},
	{"two sides clash, verb", "Two rival militias clashed in Mosul on Friday.",
		EventAttack, "armed clash", "Two rival militias", "", "Mosul"},
	{"a light verb's object is the event its subject did", "The Pentagon carried out airstrikes near Mosul on Friday.",
		EventAttack, "airstrike", "United States", "", "Mosul"}, // the Pentagon is the US defence ministry (data/seats.tsv)
	{"a light verb reports its object's event, whoever did it", "The ministry said it had carried out drone strikes near Mosul.",
		EventAttack, "drone strike", "", "", "Mosul"},
	{"a light verb's passive subject is the event", "An attack was carried out near a checkpoint in Mosul.",
		EventAttack, "armed assault", "", "Mosul checkpoint", "Mosul"},
	{"an -s noun before a past verb heads the subject", "Air strikes killed six traders in Mosul.",
		EventAttack, "airstrike", "", "traders", "Mosul"},
	{"a plural blast noun opening the sentence is the event", "Blasts hit a market in Mosul, killing six traders.",
		EventAttack, "bombing", "", "traders", "Mosul"},
	{"a verb of witness reports its object's event", "Villagers reported heavy shelling near Idlib on Monday.",
		EventAttack, "shelling", "", "", "Idlib"},
	{"the charged subject of a passive did the gerund's act", "Two herders were accused of attacking a farm near Kano.",
		EventAttack, "armed assault", "herders", "farm", "Kano"},
	{"a charge participle: the noun it describes did the act", "Gunmen suspected of kidnapping a pastor near Kano were arrested on Friday.",
		EventAbduction, "kidnapping", "unidentified gunmen", "clergy", "Kano"},
	{"the one responsible for an attack did it", "Police said the militia was responsible for the attack on a market in Kano.",
		EventAttack, "armed assault", "unidentified militia", "Kano market", "Kano"},
	{"the one among those killed was hit, not the doer", "A police officer was among those killed in the ambush near Gao.",
		EventAttack, "killing", "", "Mali Police", "Gao Region"},
	{"a described target ends with its noun phrase", "The bombing campaign against the town lasted two weeks.",
		EventAttack, "bombing", "", "town", ""},
	{"a described object ends with its noun phrase, not the window", "Raiders attacked a ferry moored beside the jetty of Kasota.",
		EventAttack, "armed assault", "unidentified raiders", "ferry", ""},
	{"a described target keeps a compound the chunker cuts", "Another Panama-flagged tanker was attacked near Aden.",
		EventAttack, "armed assault", "", "Panama-flagged tanker", "Aden"},
	{"no one responsible names no doer", "No group was responsible for the attack on a market in Kano.",
		EventAttack, "armed assault", "", "Kano market", "Kano"},
	{"shooting with a passive agent", "A trader was shot dead by police in Kisumu.",
		EventAttack, "shooting", "police", "A trader", "Kisumu"},
	{"a country's possessive before an event noun that names what it hit is the doer", "Kenya's invasion of Somalia began in 2011.",
		EventAttack, "armed assault", "Kenya", "Somalia", "Somalia"},
	{"a demonym before an event noun that names what it hit is the doer", "The Ugandan invasion of Sudan was condemned.",
		EventAttack, "armed assault", "Uganda", "Sudan", "Sudan"},
	{"an attack verb in a relative clause on its doer, set off by commas", "The militia, which shelled Misrata on Monday, withdrew.",
		EventAttack, "shelling", "unidentified militia", "Misratah", "Misratah"},
	{"a town the only thing a weapon is said to have hit", "Warplanes bombed Mosul.",
		EventAttack, "airstrike", "", "Mosul", "Mosul"},
	{"ambush", "Insurgents ambushed a military convoy near Gao.",
		EventAttack, "ambush", "unidentified insurgents", "Mali Armed Forces", "Gao Region"},
	{"arson", "A mob torched houses in Kano after the match.",
		EventAttack, "arson", "A mob", "houses", "Kano"},
	{"killing with a named doer", "Gunmen killed three villagers in Zamfara.",
		EventAttack, "killing", "Gunmen", "three villagers", "Zamfara State"},
	{"possessive nominal with light verb", "The Taliban launched an attack on a checkpoint in Kunduz.",
		EventAttack, "armed assault", "Taliban", "Kunduz checkpoint", "Kunduz"},
	// the people its toll counts are the target of an attack that names
	// none (as conflict data codes them: the side that suffered it)
	{"people hurt in an event noun", "Two people were injured in a grenade attack in Mombasa.",
		EventAttack, "bombing", "", "civilians", "Mombasa"},
	{"event noun with a verb of occurrence", "Clashes erupted between herders and farmers in Kano.",
		EventAttack, "armed clash", "herders", "", "Kano"},
	{"hostages taken with 'as'", "Pirates took nine sailors as hostages near Lagos.",
		EventAbduction, "hostage taking", "Pirates", "nine sailors", "Lagos"},
	{"wounding by a described doer", "Herders wounded three farmers near Kano.",
		EventAttack, "assault", "Herders", "three farmers", "Kano"},
	{"responsibility claimed for an event noun", "Boko Haram claimed responsibility for the bombing of a church in Kano.",
		EventAttack, "bombing", "Boko Haram", "Kano church", "Kano"},
	{"a side glued by -led to the event noun led it", "US-led airstrikes on Mosul killed 20 people.",
		EventAttack, "airstrike", "United States", "civilians", "Mosul"},
	{"a country glued by -led to the event noun led it", "The Kenya-led assault on Kismayo began at dawn.",
		EventAttack, "armed assault", "Kenya", "Kismayo", "Kismayo"},
	{"a side glued by -backed backed the doers and did not act", "The Ugandan-backed offensive on Goma began in January.",
		EventAttack, "armed assault", "", "", "Goma"},
	{"a vessel sunk by the force a relative clause continues", "The Navy, which sank two ships near Aden, denied the report.",
		EventAttack, "strike", "Navy", "two ships", "Aden"},
	{"a naval vessel is an armed doer", "A submarine torpedoed a cargo ship near Aden.",
		EventAttack, "strike", "A submarine", "a cargo ship", "Aden"},
	{"a country's name that is also its demonym, before an event noun", "Saudi airstrikes killed twelve people near Saada on Monday.",
		EventAttack, "airstrike", "Saudi Arabia", "civilians", "Saada"},
	{"such a name before a raid on a named place", "A Saudi raid on Saada left three dead.",
		EventAttack, "armed assault", "Saudi Arabia", "civilians", "Saada"},
	{"set ablaze: the object was burnt", "Gunmen set a church ablaze in Kaduna.",
		EventAttack, "arson", "unidentified gunmen", "church", "Kaduna"},
	{"set alight, the burning word after the object", "Militants set a market alight in Maiduguri.",
		EventAttack, "arson", "unidentified militants", "market", "Maiduguri"},
	{"set on fire", "Attackers set the houses on fire near Kano.",
		EventAttack, "arson", "unidentified attackers", "the houses", "Kano"},
	{"set ablaze in the passive", "The church was set ablaze by gunmen in Kaduna.",
		EventAttack, "arson", "unidentified gunmen", "church", "Kaduna"},
	{"a strangulation of people named by an 'of' phrase", "The strangulation of a woman in Nairobi shocked the town.",
		EventAttack, "killing", "", "women", "Nairobi"},
	{"a poisoning of people", "The poisoning of two activists in Moscow drew protests.",
		EventAttack, "killing", "", "activists", "Moscow"},
	{"a hanging of people with its doer", "The hanging of two soldiers by rebels near Gao drew protests.",
		EventAttack, "hanging", "unidentified rebels", "Mali Armed Forces", "Gao Region"},
	{"people hanged by a named doer", "Three villagers were hanged by militants near Gao.",
		EventAttack, "hanging", "unidentified militants", "villagers", "Gao Region"},
	{"soldiers hanged: any people hanged, armed or not", "Rebels hanged two soldiers near Gao.",
		EventAttack, "hanging", "unidentified rebels", "Mali Armed Forces", "Gao Region"},
	{"prisoners hanged", "Insurgents hanged the prisoners near Kandahar.",
		EventAttack, "hanging", "unidentified insurgents", "prisoners", "Kandahar"},
	{"a person named hanged ('hanged', the form people take)", "Militants hanged Omar Haidari in Raqqa.",
		EventAttack, "hanging", "unidentified militants", "Omar Haidari", "Ar Raqqah"},
	{"stabbing with no doer named", "A shopkeeper was stabbed outside a mosque in Leeds.",
		EventAttack, "stabbing", "", "traders", "Leeds"},
	{"killing that names its kind, no doer", "A teacher was beheaded near a school in Paris.",
		EventAttack, "killing", "", "teachers", "Paris"},
	{"munition as the subject of an impact verb", "Two rockets landed near the airport in Kandahar.",
		EventAttack, "missile strike", "", "", "Kandahar"},
	{"a bomb left at a target", "Rebels left a bomb outside a bank in Goma.",
		EventAttack, "bombing", "unidentified rebels", "", "Goma"},
	{"munitions fired at a target", "Rebels fired mortars at a market in Goma.",
		EventAttack, "shelling", "unidentified rebels", "Goma market", "Goma"},
	{"bombs dropped on a target", "Helicopters dropped barrel bombs on a hospital in Aleppo.",
		EventAttack, "airstrike", "", "Aleppo hospital", "Aleppo"},
	{"stones thrown at a target", "Youths threw stones at a police station in Kisumu.",
		EventAttack, "assault", "Youths", "Kisumu police station", "Kisumu"},
	{"fire set to a target", "Militants set fire to a school in Maiduguri.",
		EventAttack, "arson", "unidentified militants", "Maiduguri school", "Maiduguri"},
	{"chemical weapons used against people", "The army used chemical weapons against civilians in Homs.",
		EventAttack, "killing", "Syrian Arab Army", "civilians", "Homs"},
	{"gerund noun with its patient after 'of'", "The killing of the ambassador in Ankara shocked the nation.",
		EventAttack, "killing", "", "the ambassador", "Ankara"},
	{"event noun's counted patient", "Students mourned the slaying of seven protesters in Khartoum.",
		EventAttack, "killing", "", "protesters", "Khartoum"},
	{"a passive's 'by' phrase that lists two doers: the second is no target", "The depot was attacked by bandits and soldiers near Kessa.",
		EventAttack, "armed assault", "unidentified bandits", "The depot", "Kessa"},
	{"a passive's 'by' phrase that lists two doers: the first acts too", "The convoy was ambushed by militants and soldiers near Kessa.",
		EventAttack, "ambush", "unidentified militants", "convoy", "Kessa"},
	{"a mass-killing noun with its patient after 'of' and its doer after 'by'", "The slaughter of thirty herders by militiamen near Kessa drew protests.",
		EventAttack, "killing", "unidentified militia", "herders", "Kessa"},
	{"a mass-killing noun after a light verb takes the light verb's subject", "Rebels carried out the butchery of twelve fishermen near Kessa.",
		EventAttack, "killing", "unidentified rebels", "fishermen", "Kessa"},
	{"event noun's venue patient", "The shelling of the hospital in Idlib drew condemnation.",
		EventAttack, "shelling", "", "Idlib hospital", "Idlib"},
	{"strike by an armed doer", "Terrorists struck a hotel in Bamako on Friday.",
		EventAttack, "strike", "unidentified terrorists", "Bamako hotel", "Bamako"},
	{"a vehicle that struck a weapon is its target", "A police vehicle struck a landmine near Mandera.",
		EventAttack, "roadside bombing", "", "A police vehicle", "Mandera"},
	{"verb the lexicon does not hold, lemmatised", "ISIS militants executed 20 men in Palmyra.",
		EventAttack, "killing", "Islamic State", "civilians", "Palmyra"},
	{"clash noun of one word", "Two soldiers were wounded in a shootout with bandits in Kaduna.",
		EventAttack, "armed clash", "bandits", "Nigerian Army", "Kaduna"},
	{"attempt named by its event noun, survived by its target", "The president survived an assassination attempt in Caracas on Saturday.",
		EventAttack, "killing", "", "The president", "Caracas"},
	{"bare verb of a clash the tagger must know", "Youths skirmish with police near the port in Mombasa.",
		EventAttack, "armed clash", "Youths", "", "Mombasa"},
	{"irregular past of an impact verb", "Two shells fell on a market in Kobane.",
		EventAttack, "shelling", "", "Kobane market", "Kobane"},
	{"gerund after a negated verb of ceasing: the act goes on", "Russia will not stop bombing the city of Aleppo.",
		EventAttack, "bombing", "Russia", "Aleppo", "Aleppo"},
	{"gerund that continues the act of the verb's subject", "Rebels kept shelling villages near Idlib.",
		EventAttack, "shelling", "unidentified rebels", "villages", "Idlib"},
	{"event noun an inquiry looks into took place", "Police opened a probe into the bombing.",
		EventAttack, "bombing", "", "", ""},
	{"charge an inquiry opened in the passive looks into took place", "An inquiry has been opened for attempted murder.",
		EventAttack, "killing", "", "", ""},
	{"irregular past of a killing verb with its doer", "Militants slew ten villagers near Maiduguri.",
		EventAttack, "killing", "unidentified militants", "villagers", "Maiduguri"},
	{"siege by an armed doer", "Rebels besieged the town of Kidal.",
		EventAttack, "armed assault", "unidentified rebels", "the town", "Kidal"},
	{"a light verb's event noun gives the kind: a siege staged", "Militiamen staged a siege of the town of Bunia on Friday.",
		EventAttack, "armed assault", "unidentified militia", "the town", "Bunia"},
	{"particle after a pronoun object", "A suicide bomber blew himself up at a checkpoint in Mogadishu.",
		EventAttack, "suicide bombing", "bomber", "Mogadishu checkpoint", "Mogadishu"},
	{"event noun the table does not hold, doer in its 'by' phrase", "The airstrikes by the coalition killed ten civilians in Mosul.",
		EventAttack, "airstrike", "the coalition", "civilians", "Mosul"},
	{"doer named by a common noun modifying the event noun", "A rebel air strike on Kidal killed two soldiers.",
		EventAttack, "airstrike", "rebel", "Mali Armed Forces", "Kidal Region"},
	{"relative clause on a doer set off by commas is its own event", "Militants, who attacked a police post in Mandera, fled to Somalia.",
		EventAttack, "armed assault", "unidentified militants", "Mandera police post", "Mandera"},
	{"a coalition acts as itself, not for a country", "Coalition forces bombed a bridge near Mosul.",
		EventAttack, "strike", "coalition", "bridge", "Mosul"},
	{"light verb 'wage' with its event noun", "Two states are waging fierce assaults on insurgent groups in Yemen.",
		EventAttack, "armed assault", "Two states", "insurgent groups", "Yemen"},
	{"coordinated verbs share the object after the second", "Rebels seized the town, shelling and starving residents.",
		EventAttack, "shelling", "unidentified rebels", "residents", ""},
	{"pronoun subject of a passive attack refers back to the group", "Al-Shabaab held the town for a year. It was attacked by Kenyan troops near Kismayo.",
		EventAttack, "armed assault", "Kenya", "Al-Shabaab", "Kismayo"},
	{"apposition: a past form and its agent set off after the one it hit", "The suspect, Omar Ali – shot dead by police – had joined a gang.",
		EventAttack, "shooting", "Police", "Omar Ali", ""},
	{"possessive before an event noun refers to the nearest armed participant", "Soldiers shot dead two gunmen as they fled after their raid on a village near Gao.",
		EventAttack, "armed assault", "unidentified gunmen", "civilians", "Gao Region"},
	{"venue named by a noun modifying the event noun", "A police station attack in Garissa wounded four officers.",
		EventAttack, "armed assault", "", "police station", "Garissa"},
	{"country invaded is a target beside its place", "French troops invaded Mali in 2013.",
		EventAttack, "armed assault", "France", "Mali", "Mali"},
	{"bare generic doer of one act is the document's unidentified group", "Insurgents who stormed the post killed three soldiers.",
		EventAttack, "killing", "unidentified insurgents", "post", ""},
	{"passive light verb: its agent did what its subject names", "Two shootings in Texas were carried out by terrorists.",
		EventAttack, "shooting", "unidentified terrorists", "", "Texas"},
	{"a sniper named by a passive agent", "He was shot dead by a sniper in Aleppo.",
		EventAttack, "shooting", "unidentified sniper", "", "Aleppo"},
	{"apposition of a name to a described person", "The alleged killer, Jean Dufresne – shot dead by police – had fled.",
		EventAttack, "shooting", "Police", "Jean Dufresne", ""},
	{"an area held by a group named by its modifier: the group was hit", "Warplanes bombed rebel-held areas of Homs.",
		EventAttack, "airstrike", "", "unidentified rebels", "Homs"},
	{"a demonym qualifying the thing hit is no place", "Rebels shot down a Malaysian airliner over eastern Ukraine.",
		EventAttack, "shooting", "unidentified rebels", "a Malaysian airliner", "Ukraine"},
	{"one attacker described by a singular armed head", "A Palestinian terrorist stabbed two Israelis in Jerusalem.",
		EventAttack, "stabbing", "unidentified terrorists", "civilians", "Jerusalem"},
	{"a definite event noun the document told of no event before introduces it", "The massacre in the village of Ogossagou shocked the nation.",
		EventAttack, "killing", "", "", "Ogossagou"},
	{"a definite event noun in a prepositional opener introduces it", "In response to the raid on Kismayo, the group vowed revenge.",
		EventAttack, "armed assault", "", "Kismayo", "Kismayo"},
	{"munition subject at the start of a sentence, taken for a name, in its plural", "Mortars rained down on the old town of Kobane.",
		EventAttack, "shelling", "", "the old town", "Kobane"},
	{"headline in Title Case read through its lexicon tags", "Militants Behead Aid Worker In Northern Syria",
		EventAttack, "killing", "unidentified militants", "workers", "Syria"},
	{"infinitive after a verb of attempt reports the attempt made", "Bandits attempted to abduct two traders near Kaduna.",
		EventAbduction, "kidnapping", "Bandits", "two traders", "Kaduna"},
	{"a headline's event noun the clause blames on someone took place, by them", "Grenade attack blamed on militants in Garissa",
		EventAttack, "bombing", "unidentified militants", "", "Garissa"},
	{"a headline's passive with no auxiliary: the counted subject was hit", "Four police officers killed in an ambush near Garissa.",
		EventAttack, "killing", "", "Kenya Police", "Garissa"},
	{"a people's camp attacked: its people were hit", "Armed herders attacked a Peul camp near Kandi.",
		EventAttack, "armed assault", "Armed herders", "civilians", "Kandi"},
	{"the people pursued are the ones fired upon", "Shelling by the army linked to the pursuit of armed Turkana raiders near Lodwar.",
		EventAttack, "shelling", "Kenya Armed Forces", "Turkana militia", "Lodwar"},
	{"a clash reported in the passive, with its sides", "Armed clashes were reported between the Orma and Wardei groups near Hola.",
		EventAttack, "armed clash", "Orma militia", "", "Hola"},
	{"hostages held are the people taken", "Rebels continue to hold hostages in Gao.",
		EventAbduction, "hostage taking", "unidentified rebels", "hostages", "Gao Region"},
	{"a date in brackets is no subject, nor its May a modal", "The Kenya Defence Forces on Monday [12 May] resumed bombing a forest near Lamu.",
		EventAttack, "bombing", "Kenya Defence Forces", "a forest", "Lamu"},
	{"the sides of a clash are the communities their people come from", "Two families from the Dendi community clashed with machetes in Kandi.",
		EventAttack, "armed clash", "Dendi militia", "", "Kandi"},
	{"'he' for one civilian described before it", "A newspaper journalist in Eldoret said he was kidnapped by armed men.",
		EventAbduction, "kidnapping", "armed men", "journalists", "Eldoret"},
	{"harm told before the definite attack noun that names its event", "Two soldiers were killed near Gao. JNIM claimed responsibility for the attack.",
		EventAttack, "killing", "JNIM", "Mali Armed Forces", "Gao Region"},
	{"what a device was meant to hit is its target", "A bomb intended to hit Malian soldiers exploded near Gao.",
		EventAttack, "bombing", "", "Mali Armed Forces", "Gao Region"},
	{"an irregular verb of intent after a device", "A bomb meant to kill Nigerien soldiers exploded near Tahoua.",
		EventAttack, "bombing", "", "Niger Armed Forces", "Tahoua Region"},
	{"suspects counted are people hit", "Gunmen abducted two suspects near Garissa.",
		EventAbduction, "kidnapping", "Gunmen", "civilians", "Garissa"},
	{"the side that repelled the attack was what it hit", "Gunmen attacked a prison near Gao. The attack was repelled by the army.",
		EventAttack, "armed assault", "Gunmen", "Mali Armed Forces", "Gao Region"},
	{"the side that repelled the attack, as subject", "Gunmen attacked a convoy near Gao. Soldiers repelled the attack.",
		EventAttack, "armed assault", "Gunmen", "Mali Armed Forces", "Gao Region"},
	{"a device set is a bomb planted", "Rebels set a landmine at an army base near Gao.",
		EventAttack, "bombing", "unidentified rebels", "army base", "Gao Region"},
	{"a weapon in the 'by' phrase stands for an unnamed doer", "A farmer was killed by a landmine near Gao.",
		EventAttack, "roadside bombing", "", "farmers", "Gao Region"},
	{"an object pronoun refers back to the place named after the group", "The Nusra Front holds parts of Idlib. Homs is vital to Russia, which has kept bombing it.",
		EventAttack, "bombing", "Russia", "Homs", "Homs"},
	// a town or region that is itself what was attacked is the target
	// where nothing else is named hit, and stays the place
	{"a town as the object of an attack verb is its target", "Government troops invaded Tessalit in 2013.",
		EventAttack, "armed assault", "Armed Forces", "Tessalit", "Tessalit"},
	{"a town as a passive subject is the target", "Homs was shelled by government forces on Friday.",
		EventAttack, "shelling", "Syrian Arab Army", "Homs", "Homs"},
	{"a town a possessive puts before the event noun is the target", "Mosul's bombardment lasted a month.",
		EventAttack, "shelling", "", "Mosul", "Mosul"},
	{"a town modifying the event noun is the target", "The Kandahar blast was heard across the valley.",
		EventAttack, "bombing", "", "Kandahar", "Kandahar"},
	{"'this' before a kind of place refers back to the place named", "The convoy reached Kandahar at dawn, and Soviets invaded this province in 1980.",
		EventAttack, "armed assault", "Soviets", "Kandahar", "Kandahar"},
	{"a town after 'in' is only where", "Militants launched an attack in Bouake on Sunday.",
		EventAttack, "armed assault", "unidentified militants", "", "Bouake"},
	{"a town beside the people hit there is no target", "Soldiers stormed Tessalit, killing two traders.",
		EventAttack, "armed assault", "Armed Forces", "two traders", "Tessalit"},
	{"a reduced verb of report passes its subject to the infinitive after it", "Police said to be targeting Ogoni traders in Lokoja.",
		EventAttack, "strike", "Police", "traders", "Lokoja"},
	{"a misspelt progressive of target is read as target", "Soldiers were said to be targetting Ogoni traders in Lokoja.",
		EventAttack, "strike", "Armed Forces", "traders", "Lokoja"},
	{"people hurt following an explosion: the explosion took place", "Eight were injured following an explosion near a school in Kitui.",
		EventAttack, "bombing", "", "civilians", "Kitui"},
	{"people hurt after an attack: the attack took place", "Two traders died after a grenade attack on a bus in Kitui.",
		EventAttack, "bombing", "", "traders", "Kitui"},
	{"youths beaten are civilians", "Soldiers beat up four youths in Lokoja.",
		EventAttack, "assault", "Armed Forces", "civilians", "Lokoja"},
	{"an unnamed village attacked: its people were hit", "Raiders attacked a village near Lokoja.",
		EventAttack, "armed assault", "unidentified raiders", "civilians", "Lokoja"},
	{"'he' after a relative of someone named stands for the relative", "A cousin of governor Ada Obi is recovering in Lokoja after he was shot on Sunday.",
		EventAttack, "shooting", "", "families", "Lokoja"},
	{"an attempt made against someone is the attack its modifier names", "A murder attempt was made against a judge in Lokoja.",
		EventAttack, "killing", "", "officials", "Lokoja"},
	{"the 'on' phrase of a passive light verb without agent is what was hit", "Raids were carried out on two villages near Lokoja.",
		EventAttack, "armed assault", "", "civilians", "Lokoja"},
	{"a surname after another given name is another person of the family", "Gunmen shot candidate Ada Obi (daughter of former governor Ben Obi) near Lokoja.",
		EventAttack, "shooting", "unidentified gunmen", "officials", "Lokoja"},
	{"a governor killed is an official", "Militants killed the district governor of Gizab.",
		EventAttack, "killing", "unidentified militants", "officials", "Gizab"},
	{"counted venues on a nominal strike beside the toll's victims", "The army carried out airstrikes on two hospitals in Aleppo, killing patients.",
		EventAttack, "airstrike", "Syrian Arab Army", "hospitals", "Aleppo"},
	{"a passive subject a participle clause qualifies: the parsed subject, not the clause's last word", "Troops returning from patrol were ambushed by gunmen near Kordavi.",
		EventAttack, "ambush", "gunmen", "Armed Forces", "Kordavi"},
	{"the doer before an apposition of belief acts in the headline present", "Assailants, believed to be pirates, abduct six fishermen near Tumaco.",
		EventAbduction, "kidnapping", "Assailants", "six fishermen", "Tumaco"},
	{"an apposition that names the doer's group", "Armed men, thought to be members of the Tondo Brigade, attack a bus near Cotabato.",
		EventAttack, "armed assault", "Tondo Brigade", "a bus", "Cotabato"},
	{"a ship seized with its crew aboard: the crew abducted", "Pirates seized a Panama-flagged tanker with 19 crew on board near Zamboanga.",
		EventAbduction, "kidnapping", "Pirates", "19 crew", "Zamboanga"},
	{"a boat hijacked and its crew conjoined", "Pirates hijacked a fishing trawler and its eleven crew members near Tumaco.",
		EventAbduction, "kidnapping", "unidentified pirates", "crew", "Tumaco"},
	{"a bus with its passengers hijacked, in the passive", "A bus with 30 passengers was hijacked by bandits near Culiacan.",
		EventAbduction, "kidnapping", "bandits", "30 passengers", "Culiacan"},
	{"people an armed group captures are abducted", "Rebels captured two aid workers near Cotabato.",
		EventAbduction, "kidnapping", "unidentified rebels", "workers", "Cotabato"},
	{"a passive subject whose participle clause holds a prepositional phrase", "Villagers fetching water from the river were attacked by raiders near Kordavi.",
		EventAttack, "armed assault", "raiders", "villagers", "Kordavi"},
	// text a tokenizer split and joined back with spaces writes a
	// compound's hyphen between spaces: the compound reads as written whole
	{"a spaced hyphen after a compound's prefix: the side taken", "Pro - government gunmen attacked students in Tessaoua on Monday.",
		EventAttack, "armed assault", "unidentified pro-government gunmen", "students", "Tessaoua"},
	{"a spaced hyphen before a compound's suffix: the group the doers are linked to", "Islamic State - linked gunmen attacked a church in Tessaoua.",
		EventAttack, "armed assault", "Islamic State", "Tessaoua church", "Tessaoua"},
	{"those whose vehicle ran into a device were hit, not its doers", "Three Nigerien soldiers died when their truck hit a landmine near Tahoua.",
		EventAttack, "roadside bombing", "", "Niger Armed Forces", "Tahoua Region"},
	{"an object relative of a light verb after the event noun's phrase names the doer", "Nine people died in the bombing of a bus in Tahoua, which the Black Hand claimed.",
		EventAttack, "bombing", "Black Hand", "civilians", "Tahoua Region"},
	{"an object relative whose past form is the relative's own verb, not a reduced one", "The massacre in Tahoua, which soldiers committed in 2009, left forty herders dead.",
		EventAttack, "killing", "Niger Armed Forces", "herders", "Tahoua Region"},
	{"a light verb that needs its particle names no act in a relative without it", "Ambulances rushed the victims of the attack, which relatives carried to the clinic in Tahoua.",
		EventAttack, "armed assault", "", "", "Tahoua Region"},
	{"a modifier's capital that opens the sentence names no group", "Unknown militants attacked a school near Tahoua on Sunday.",
		EventAttack, "armed assault", "unidentified militants", "school", "Tahoua Region"},
}

// TestFrameVerbsTagged: every verb lemma of the frame table is a verb to
// the syntactic layer in its base form, or no clause reads it ("rival
// gangs skirmish" took the word for an adjective by its ending).
func TestFrameVerbsTagged(t *testing.T) {
	// nouns first in news, whose verb forms the suffix rules read
	// ("gassed", "knifed", "landed"): as verbs they would take
	// "Palestinian land" for a clause
	nouns := map[string]bool{"gas": true, "knife": true, "rain": true, "land": true, "mortar": true}
	p := syntax.NewParser()
	for _, r := range frameTable {
		for _, v := range r.verbs {
			v = strings.Fields(v)[0]
			if nouns[v] {
				continue
			}
			ps := p.Parse(text.Tokenize("They "+v+" the town.", 0))
			if tag := ps.Tags[1]; tag != syntax.Verb && tag != syntax.VerbPast || ps.Lemmas[1] != v {
				t.Errorf("%q: tagged %s, lemma %q; want a verb %q (extract/syntax/data/verbs.tsv)", v, tag, ps.Lemmas[1], v)
			}
		}
	}
}

// noneTests hold one row per way of saying that no one died or was hurt.
var noneTests = []struct {
	in           string
	killed, hurt bool
}{
	{"No fatalities were reported.", true, false},
	{"There were no reported casualties.", true, false},
	{"No one was killed in the blast.", true, false},
	{"Nobody was hurt.", false, true},
	{"The grenade caused no injuries.", false, true},
	{"No breakdown of the death toll was given.", false, false},
	{"Police gave no details.", false, false},
}

func TestNoCasualties(t *testing.T) {
	for _, tt := range noneTests {
		k, h, _ := noCasualties(text.Tokenize(tt.in, 0))
		if k != tt.killed || h != tt.hurt {
			t.Errorf("noCasualties(%q) = %v, %v; want %v, %v", tt.in, k, h, tt.killed, tt.hurt)
		}
	}
}

// vagueTests: a vague quantity gives no toll, a number does.
func TestVagueToll(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"Dozens of people were killed.", -1},
		{"Several people were killed.", -1},
		{"Twelve people were killed.", 12},
	} {
		got := -1
		for _, c := range findCasualties(text.Tokenize(tt.in, 0)) {
			if c.Killed {
				got = c.N
			}
		}
		if got != tt.want {
			t.Errorf("toll of %q = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestFrameTable(t *testing.T) {
	ex := Default()
	for _, tt := range frameTests {
		rec := extractSentence(t, ex, tt.in)
		var found []string
		ok := false
		for _, e := range rec.Events {
			got := eventRoles(e)
			found = append(found, got)
			if e.Type == tt.typ && e.Subtype == tt.subtype && has(append(e.Actors, e.Agents...), e.ActorText, tt.actor) && has(e.Targets, e.TargetText, tt.target) && has(e.Places, nil, tt.place) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: %q\nwant %s/%s actor=%q target=%q place=%q\ngot %s", tt.name, tt.in, tt.typ, tt.subtype, tt.actor, tt.target, tt.place, strings.Join(found, "; "))
		}
	}
}

// has reports whether want names one of refs or texts ("" wants none).
func has(refs []Ref, texts []string, want string) bool {
	if want == "" {
		return len(refs) == 0 && len(texts) == 0
	}
	for _, r := range refs {
		if r.Name == want {
			return true
		}
		for _, a := range r.Aliases {
			if a == want {
				return true // a described entity keeps the phrase that described it
			}
		}
	}
	for _, x := range texts {
		if x == want {
			return true
		}
	}
	return false
}

func eventRoles(e Event) string {
	names := func(rs []Ref, texts []string) string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Name)
		}
		return strings.Join(append(out, texts...), ",")
	}
	return e.Type + "/" + e.Subtype + " actor=" + names(e.Actors, e.ActorText) + " target=" + names(e.Targets, e.TargetText) + " place=" + names(e.Places, nil)
}

// TestMultinationalActor: a multinational force acts as itself, not as
// the state its lexicon row lists; a state's own force acts for its state.
func TestMultinationalActor(t *testing.T) {
	ex := Default()
	for _, tt := range []struct{ name, in, want string }{
		{"a coalition a state leads", "Jets of the US-led coalition bombed a depot near Kessa.", "US-led coalition"},
		{"a coalition a state leads, spaced hyphen of pre-tokenised text", "Jets of the Saudi - led coalition bombed a depot near Kessa.", "Saudi-led coalition"},
		{"an alliance", "NATO jets bombed a depot near Kessa.", "NATO"},
		{"a state's own force acts for its state", "Israeli troops raided a depot near Jenin.", "Israel"},
	} {
		rec := extractSentence(t, ex, tt.in)
		var got []string
		for _, e := range rec.Events {
			if e.Type == EventAttack {
				for _, a := range e.Actors {
					got = append(got, a.Name)
				}
			}
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("%s: %q: actors %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// TestConjoinedDemonyms: demonyms coordinated before an event noun make
// one event, each side the list names its doer. The sentences are written
// for this test.
func TestConjoinedDemonyms(t *testing.T) {
	ex := Default()
	for _, tt := range []struct{ name, in, want string }{
		{"two demonyms", "American and British airstrikes hit Sanaa on Monday.", "United Kingdom,United States"},
		{"a name that is also a demonym first", "Saudi and Emirati airstrikes hit Sanaa on Monday.", "United Arab Emirates,Saudi Arabia"},
		{"three in a comma list", "Saudi, Emirati and Egyptian raids hit Sanaa on Monday.", "Egypt,United Arab Emirates,Saudi Arabia"},
		{"initials stand as a demonym", "US and British airstrikes hit Sanaa on Monday.", "United Kingdom,United States"},
	} {
		rec := extractSentence(t, ex, tt.in)
		var got []string
		for _, e := range rec.Events {
			var names []string
			for _, a := range e.Actors {
				names = append(names, a.Name)
			}
			got = append(got, strings.Join(names, ","))
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s: %q: events with actors %q, want one with %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// TestListedAgents: every phrase that a passive's "by" lists is a doer,
// none a target; a phrase after it that a finite verb follows is the
// subject of a clause of its own.
func TestListedAgents(t *testing.T) {
	ex := Default()
	for _, tt := range []struct{ name, in, actors, targets string }{
		{"two doers listed", "The depot was attacked by bandits and soldiers near Kessa.", "unidentified bandits,Armed Forces", ""},
		{"two doers listed after a light verb", "The raid was carried out by rebels and soldiers near Kessa.", "unidentified rebels,Armed Forces", ""},
		{"the phrase after 'and' opens a clause", "The depot at Kessa was attacked by gunmen and four soldiers were hurt.", "unidentified gunmen", "Armed Forces"},
	} {
		rec := extractSentence(t, ex, tt.in)
		var actors, targets []string
		n := 0
		for _, e := range rec.Events {
			if e.Type != EventAttack {
				continue
			}
			n++
			for _, a := range e.Actors {
				actors = append(actors, a.Name)
			}
			for _, a := range e.Targets {
				targets = append(targets, a.Name)
			}
		}
		if n != 1 || strings.Join(actors, ",") != tt.actors || strings.Join(targets, ",") != tt.targets {
			t.Errorf("%s: %q: %d attacks, actors %q, targets %q; want one, actors %q, targets %q", tt.name, tt.in, n, actors, targets, tt.actors, tt.targets)
		}
	}
}

// TestSoleCountry: an attack that names no place takes the one country its
// document names; with two countries named it takes none.
func TestSoleCountry(t *testing.T) {
	ex := Default()
	for _, tt := range []struct{ in, want string }{
		{"Kenyan officials said gunmen attacked a bus on Monday.", "Kenya"},
		{"Kenyan and Somali officials said gunmen attacked a bus on Monday.", ""},
	} {
		rec := extractSentence(t, ex, tt.in)
		got := "no event"
		for _, e := range rec.Events {
			if e.Type == EventAttack {
				got = ""
				if e.Country != nil {
					got = e.Country.Name
				}
			}
		}
		if got != tt.want {
			t.Errorf("country of the attack in %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSeparateIncidents: a roundup of incidents in different places, by
// different doers, gives one event each, each with its own place.
func TestSeparateIncidents(t *testing.T) {
	ex := Default()
	in := "Unknown gunmen attacked a bus in Mombasa on Monday. A mob attacked a shop in Garissa. Police said a grenade was thrown at a bar in Mandera."
	rec, err := ex.Extract(context.Background(), Document{ID: "t", Text: in, Published: "2024-03-06"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range rec.Events {
		if e.Type == EventAttack {
			var ps []string
			for _, p := range e.Places {
				ps = append(ps, p.Name)
			}
			got = append(got, strings.Join(ps, ","))
		}
	}
	if strings.Join(got, " | ") != "Mombasa | Garissa | Mandera bar,Mandera" {
		t.Errorf("attacks by place: %q, want one each in Mombasa, Garissa, Mandera", strings.Join(got, " | "))
	}
}

// TestEventWordsLoad: the embedded event word list parses, and a
// malformed row is refused with its line.
func TestEventWordsLoad(t *testing.T) {
	l := loadModalLists()
	if !l.deny.Has("denied") || !l.claim.Has("claims") || !l.toll.Has("dead") {
		t.Fatal("eventwords.tsv: a role's words are missing")
	}
	bad := fstest.MapFS{"data/eventwords.tsv": {Data: []byte("denied\tnegate\twhy\n")}}
	if _, err := parseModalLists(bad); err == nil || !strings.Contains(err.Error(), ":1:") {
		t.Errorf("unknown role: got %v, want an error on line 1", err)
	}
}

// extractSentence extracts the test text in from a document dated
// 2024-03-04, failing the test on an error.
func extractSentence(t *testing.T, ex Extractor, in string) *Record {
	t.Helper()
	rec, err := ex.Extract(context.Background(), Document{ID: "t", Text: in, Published: "2024-03-04"})
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// TestTargetDemonymNoPlace: a demonym that qualifies what was hit says
// whose it was, never where the event took place.
func TestTargetDemonymNoPlace(t *testing.T) {
	ex := Default()
	for _, in := range []string{
		"Rebels shot down a Malaysian airliner over eastern Ukraine.",
		"Gunmen attacked a Chinese convoy near Gwadar.",
	} {
		rec := extractSentence(t, ex, in)
		for _, e := range rec.Events {
			for _, p := range e.Places {
				if p.Class == ClassCountry && (p.Name == "Malaysia" || p.Name == "China") {
					t.Errorf("%q: place %s from the demonym of the thing hit", in, p.Name)
				}
			}
		}
	}
}

// joinOnlyTests hold one row per shape of a verb that tells what an event
// the document reports did: the attack events and the most sentences one
// of them cites. The texts are written for this test.
var joinOnlyTests = []struct {
	name, in        string
	events, evident int
}{
	{"blast damage in the passive joins the blast", "A bomb exploded outside a bakery in Ghent on Friday. The shop windows were blown out, a witness said.", 1, 2},
	{"blast damage with its doer named joins the blast", "A bomb exploded outside a bakery in Ghent on Friday. The blast blew out the windows of the bank.", 1, 2},
	{"alone, with a doer, no attack", "The mayor blew out the candles in Ghent.", 0, 0},
	{"alone, in the passive, no attack", "The roof of the barn in Ghent was blown off by the storm.", 0, 0},
	{"the side that drove back the doers joins their attack", "Raiders attacked a village near Isiolo. Officers drove back the attackers.", 1, 2},
	{"the doers driven back, in the passive, join their attack", "Bandits raided a farm near Kano. The bandits were repulsed by soldiers.", 1, 2},
	{"driving back doers alone is no attack", "Officers drove back the attackers near Isiolo.", 0, 0},
	{"the definite device a doer left joins the blast it caused", "A mine exploded under a lorry near Gulu. The mine had been left there by rebels.", 1, 2},
	{"the side fought is no doer of the next act of the chain", "Clansmen crossed the river, fought police and killed two.", 1, 1},
	{"a named doer joins the event of doers no one knows", "A lorry struck a landmine near Mandera, killing a driver. The mine had been buried by unknown men. Officials blamed the attack on Al-Shabaab.", 1, 3},
}

func TestJoinOnlyFrames(t *testing.T) {
	ex := Default()
	for _, tt := range joinOnlyTests {
		rec := extractSentence(t, ex, tt.in)
		events, evident := 0, 0
		for _, e := range rec.Events {
			if e.Type == EventAttack {
				events++
				evident = max(evident, len(e.Evidence))
			}
		}
		if events != tt.events || evident != tt.evident {
			t.Errorf("%s: %q: %d attacks citing up to %d sentences, want %d citing %d", tt.name, tt.in, events, evident, tt.events, tt.evident)
		}
	}
}

// TestCaptureByState: people a state force captures are arrested, not
// abducted; an armed group that captures them abducts them (frameTests).
// The sentences are written for this test.
func TestCaptureByState(t *testing.T) {
	for _, in := range []string{
		"Police captured two men near Culiacan.",
		"Soldiers captured three fishermen near Tumaco.",
	} {
		rec, err := Default().Extract(context.Background(), Document{ID: "t", Text: in, Published: "2024-03-04"})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range rec.Events {
			if e.Type == EventAbduction {
				t.Errorf("%q gave an abduction, want an arrest", in)
			}
		}
	}
}

// TestDefMemo checks that a kept parse's memo gives pickDef's row for
// every chunk, asked once and then read, and that a nil memo (a parse
// that is not kept) asks pickDef each time. One sentence per shape: an
// attack verb with its object, a passive attack with its agent, an event
// noun with a "by" phrase, a phrasal verb, no frame at all.
func TestDefMemo(t *testing.T) {
	p := syntax.NewParser()
	for _, tt := range []struct {
		in   string
		rows bool // some chunk has a row
	}{
		{"Velmorian rebels shelled a grain depot near Quellin on Sunday.", true},
		{"The ferry crew was abducted by gunmen of the Zorath Front.", true},
		{"The bombing of a grain depot by the Zorath Front was condemned.", true},
		{"Gunmen blew up a bridge outside Quellin.", true},
		{"The ferry crew ate lunch near Quellin.", false},
	} {
		in, rows := tt.in, false
		d := &docState{sents: []text.Sentence{{Tokens: text.Tokenize(in, 0)}}, buf: new(docBuffers)}
		d.keepParses()
		ps := d.keepParse(0, p.Parse(d.sents[0].Tokens))
		m := d.memoOf(0, ps)
		if len(m) != len(ps.Chunks) {
			t.Fatalf("%q: memo of %d slots for %d chunks", in, len(m), len(ps.Chunks))
		}
		for c := range ps.Chunks {
			want := pickDef(ps, c)
			rows = rows || want != nil
			if got := m.pick(ps, c); got != want {
				t.Errorf("%q chunk %d: memo gives %v, pickDef %v", in, c, got, want)
			}
			if m[c] != want {
				t.Errorf("%q chunk %d: memo kept %v, want %v", in, c, m[c], want)
			}
			if got := m.pick(ps, c); got != want {
				t.Errorf("%q chunk %d: memo read again gives %v, want %v", in, c, got, want)
			}
			if got := defMemo(nil).pick(ps, c); got != want {
				t.Errorf("%q chunk %d: no memo gives %v, want %v", in, c, got, want)
			}
		}
		if rows != tt.rows {
			t.Errorf("%q: rows found %v, want %v", in, rows, tt.rows)
		}
		// a parse that is not the kept one has no memo
		if m := d.memoOf(0, p.Parse(d.sents[0].Tokens)); m != nil {
			t.Errorf("%q: the parser's own parse has a memo", in)
		}
	}
}

// TestGatedAttackVerbs: "hang" names an attack only with people as what
// is hanged, "sink" only with an armed doer, "hanging" and "poisoning"
// only with people in their "of" phrase, "set" only with a burning word
// after its object; a picture hung, a ship that sank, lead poisoning or a
// date set is none. The sentences are written for this test.
func TestGatedAttackVerbs(t *testing.T) {
	ex := Default()
	for _, in := range []string{
		"The curator hung three portraits in Oslo.",
		"The painting was hanged in the gallery.",
		"Workers hung flags on the bridge in Gao.",
		"The museum hung a Picasso in Oslo.",
		"The hanging of lanterns in Hanoi drew tourists.",
		"Lead poisoning hit a village near Kano.",
		"The government set a new date for the vote in Abuja.",
		"Officials set up a camp near Kano, and the camp was ablaze by noon.",
		"The ferry sank off Lampedusa.",
		"A storm sank three fishing boats near Chittagong.",
		"Share prices sank in Tokyo on Monday.",
	} {
		for _, e := range extractSentence(t, ex, in).Events {
			if e.Type == EventAttack {
				t.Errorf("%q: an attack (%s), want none", in, e.Subtype)
			}
		}
	}
}
