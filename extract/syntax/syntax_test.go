package syntax

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
)

// clauseTests hold one row per sentence shape: the clause lines that
// Sentence.ClauseString prints for it (verb lemma, voice, roles).
var clauseTests = []struct {
	name, in string
	want     []string
}{
	{"active transitive", "Gunmen shot a trader in the market.",
		[]string{"shoot active subj=Gunmen obj=a trader in:the market"}},
	{"a count led by 'over' is the verb's object, not a phrase of its own", "Rebels seized over 40 hostages near the dam.",
		[]string{"seize active subj=Rebels obj=over 40 hostages near:the dam"}},
	{"a count led by 'at least' is the verb's object", "Bandits took at least 12 traders from the bus.",
		[]string{"take active subj=Bandits obj=at least 12 traders from:the bus"}},
	{"a count of time led by 'over' stays a phrase", "Militias fought over 3 days in the valley.",
		[]string{"fight active subj=Militias over:3 days in:the valley"}},
	{"the links of a place chain before ', and' are no subject", "Raiders blocked a road in Tumbo village, Ruri district, Lowa province, and shot four drivers.",
		[]string{"block active subj=Raiders obj=a road in:Tumbo village", "shoot active subj=Raiders obj=four drivers"}},
	{"a determiner of partitives before 'of' is a phrase of its own", "Some of the gunmen opened fire on the crowd.",
		[]string{"open active subj=Some obj=fire on:the crowd"}},
	{"a year after the opening preposition ends its phrase before a name", "In 1990 Iraq invaded Kuwait.",
		[]string{"invade active subj=Iraq obj=Kuwait"}},
	{"a year before a plain noun stays in its phrase", "In 2014 elections were held.",
		[]string{"hold passive"}},
	{"the one set aside in a contrast is no subject", "Police said the Taliban, not Islamic State, attacked the post.",
		[]string{"say active subj=Police obj=the Taliban", "attack active subj=the Taliban obj=the post"}},
	{"a cleft's contrast: the relative's antecedent is the one stressed", "It was the Taliban, not Islamic State, that attacked the post.",
		[]string{"was active subj=It obj=the Taliban", "attack active subj=the Taliban obj=the post"}},
	{"a past form after 'that' and a subject is the relative's own verb, not a reduced one", "The checkpoint that the militants attacked on Monday is near Jalalabad.",
		[]string{"attack active subj=the militants on:Monday", "is active near:Jalalabad"}},
	{"a phrase of time right after the verb is no object", "Bandits raided last week and fled.",
		[]string{"raid active subj=Bandits", "flee active subj=Bandits"}},
	{"headline in Title Case: its capitals mark no names", "Rebels Seize Town In Northern Mali",
		[]string{"seize active subj=Rebels obj=Town in:Northern Mali"}},
	{"base form before a third-person verb heads the subject", "Car Bomb Kills Seven In Kabul",
		[]string{"kill active subj=Car Bomb obj=Seven in:Kabul"}},
	{"third-person form after a determiner's compound, before a count", "A drone strike kills five fighters.",
		[]string{"kill active subj=A drone strike obj=five fighters"}},
	{"base form before a past form with its preposition heads the subject", "Grenade attack blamed on militants in Garissa",
		[]string{"blame active subj=Grenade attack on:militants in:Garissa"}},
	{"-s form before a comma closes a compound", "Troops, backed by rebel air strikes, took the town.",
		[]string{"back reduced subj=Troops agent=rebel air strikes", "take active subj=Troops obj=the town"}},
	{"plural subject before a verb form that is also a noun", "Herders attack farmers near the river",
		[]string{"attack active subj=Herders obj=farmers near:the river"}},
	{"a comma series of bare verbs shares the subject of the first", "Pokot raiders enter the village, battle guards, kill two",
		[]string{"enter active subj=Pokot raiders obj=the village", "battle active subj=Pokot raiders obj=guards", "kill active subj=Pokot raiders obj=two"}},
	{"name subject before a bare verb", "Suspected Boko Haram detonate a device at a bus station.",
		[]string{"detonate active subj=Suspected Boko Haram obj=a device at:a bus station"}},
	{"a headline's passive: bare past of harm after a count, no object", "Five soldiers wounded in an ambush near Gao.",
		[]string{"wound passive subj=Five soldiers in:an ambush near:Gao"}},
	{"a bare past of harm before its object stays active", "Three gunmen killed two traders.",
		[]string{"kill active subj=Three gunmen obj=two traders"}},
	{"a headline's passive: bare past of harm after the bare noun phrase opening it", "Soldier killed when gunmen ambushed a patrol",
		[]string{"kill passive subj=Soldier", "ambush active subj=gunmen obj=a patrol"}},
	{"a headline's passive after a bare compound", "Police officer injured in grenade blast near Tarvel",
		[]string{"injure passive subj=Police officer in:grenade blast near:Tarvel"}},
	{"a bare plural opening a sentence before its object stays active", "Gunmen killed a farmer near Tarvel",
		[]string{"kill active subj=Gunmen obj=a farmer near:Tarvel"}},
	{"a determiner's subject with no object is no headline's", "The gunmen killed in cold blood.",
		[]string{"kill active subj=The gunmen in:cold blood"}},
	{"a name opening a headline may act with no object", "Tarvel attacked near the border",
		[]string{"attack active subj=Tarvel near:the border"}},
	{"'reported' after be with no verb after it is the verb", "Clashes were reported between herders and farmers.",
		[]string{"report passive subj=Clashes between:herders between:farmers"}},
	{"'reported' between a subject and its object is the verb", "Villagers reported heavy shelling near the river.",
		[]string{"report active subj=Villagers obj=heavy shelling near:the river"}},
	{"a gerund of a passive charge takes the charged subject", "Two herders were accused of raiding a farm.",
		[]string{"accuse passive subj=Two herders", "raid active subj=Two herders obj=a farm"}},
	{"a charge participle after a noun describes it; the noun acts and is the later verb's subject", "Men suspected of burning a school were arrested.",
		[]string{"suspect reduced subj=Men", "burn active subj=Men obj=a school", "arrest passive subj=Men"}},
	{"an -ing form after 'during' names an event, not the subject's act", "Four guards were killed during fighting near the dam.",
		[]string{"kill passive subj=Four guards", "fight active near:the dam"}},
	{"a past form after 'among those' is the harm of the one among them", "A guard was among those wounded in the raid.",
		[]string{"was active subj=A guard among:those", "wound reduced subj=A guard in:the raid"}},
	{"a past form after a counted 'among' phrase is the harm of that phrase", "A guard was among four men wounded at the gate.",
		[]string{"was active subj=A guard among:four men", "wound reduced subj=four men at:the gate"}},
	{"-s form before a past verb and its object heads the subject", "Rocket attacks wounded four guards in Tarvel.",
		[]string{"wound active subj=Rocket attacks obj=four guards in:Tarvel"}},
	{"-s form before a past verb and a name heads the subject", "Drone strikes hit Tarvel on Sunday.",
		[]string{"hit active subj=Drone strikes obj=Tarvel on:Sunday"}},
	{"a past form after a relative pronoun set off by a comma is its clause's verb", "The brigade, which bombarded Haifa in May, was disbanded.",
		[]string{"bombard active subj=The brigade obj=Haifa in:May", "disband passive subj=The brigade"}},
	{"a past form after a relative pronoun is its clause's verb", "Troops met hunters that engaged police in a gun battle.",
		[]string{"meet active subj=Troops obj=hunters", "engage active subj=hunters obj=police in:a gun battle"}},
	{"a past form after an -ing form that awaits its object qualifies the noun; the subject before the -ing phrase acts", "Rebels backing exiled leader Tom Varo seized the port.",
		[]string{"back active participle subj=Rebels obj=exiled leader Tom Varo", "seize active subj=Rebels obj=the port"}},
	{"a past form after a perfect that awaits its object qualifies the noun", "The army had shelled displaced families near Dorun.",
		[]string{"shell active subj=The army obj=displaced families near:Dorun"}},
	{"a past form after a headline's -s verb qualifies the noun", "Mob lynches suspected thieves in Dorun",
		[]string{"lynch active subj=Mob obj=suspected thieves in:Dorun"}},
	{"an irregular past of blast damage is the verb", "A blast tore through a bakery in Kessa on Monday.",
		[]string{"tear active subj=A blast through:a bakery in:Kessa on:Monday"}},
	{"the same word before a noun after a verb is a noun", "Police fired tear gas at the crowd.",
		[]string{"fire active subj=Police obj=tear gas at:the crowd"}},
	{"a gerund that opens the sentence before a past verb is its subject", "Fighting erupted in Kessa on Monday.",
		[]string{"erupt active subj=Fighting in:Kessa on:Monday"}},
	{"a gerund that opens the sentence before an -s verb is its subject", "Fighting continues in Kessa.",
		[]string{"continue active subj=Fighting in:Kessa"}},
	{"a gerund after a subordinator before a past verb is its subject", "Residents returned after shelling stopped.",
		[]string{"return active subj=Residents", "stop active subj=shelling"}},
	{"an -ing form that opens an adjunct with its object stays a verb", "Firing rockets, militants hit the base.",
		[]string{"fire active participle obj=rockets", "hit active subj=militants obj=the base"}},
	{"an -ing noun of no known verb heads a compound", "Morning attacks hit the base.",
		[]string{"hit active subj=Morning attacks obj=the base"}},
	{"an irregular past of occurrence with its particle", "Clashes broke out between herders and farmers.",
		[]string{"break active subj=Clashes between:herders between:farmers"}},
	{"a date in brackets is no subject", "The army on Monday [12 May] shelled the hills.",
		[]string{"shell active subj=The army obj=the hills"}},
	{"passive with adverb and agent", "Three checkpoints were reportedly shelled by rebel fighters in Idlib.",
		[]string{"shell passive subj=Three checkpoints agent=rebel fighters in:Idlib"}},
	{"an adverb of frequency without -ly between a perfect auxiliary and a passive", "The clinic has often been targeted by gunmen.",
		[]string{"target passive subj=The clinic agent=gunmen"}},
	{"an -ly adverb between be and a passive", "The depot is regularly shelled by rebels.",
		[]string{"shell passive subj=The depot agent=rebels"}},
	{"a reduced relative after an event noun keeps its 'by' phrase from the main clause", "The village is calm after a string of raids carried out by bandits.",
		[]string{"is active subj=The village obj=calm after:a string of:raids", "carry reduced subj=raids agent=bandits"}},
	{"a reduced relative after an object keeps its 'by' phrase and the phrases after it from the main clause", "Police found a mine planted by rebels near the bridge.",
		[]string{"find active subj=Police obj=a mine", "plant reduced subj=a mine agent=rebels near:the bridge"}},
	{"a reduced participle after an object keeps the phrase after it", "Gunmen attacked soldiers stationed in Tarvel.",
		[]string{"attack active subj=Gunmen obj=soldiers", "station reduced subj=soldiers in:Tarvel"}},
	{"a past form glued by a hyphen qualifies the noun after it", "A home-made bomb exploded in a rebel-held town.",
		[]string{"explode active subj=A home-made bomb in:a rebel-held town"}},
	{"a past form after a reduced participle's agent is the finite verb", "A bomb planted by rebels exploded on a bus in Tarvel, wounding two.",
		[]string{"plant reduced subj=A bomb agent=rebels", "explode active subj=A bomb on:a bus in:Tarvel", "wound active participle subj=A bomb obj=two"}},
	{"a past form after the noun phrase of a verb of saying is its clause's verb", "Police said gunmen struck in Tarvel.",
		[]string{"say active subj=Police obj=gunmen", "strike active subj=gunmen in:Tarvel"}},
	{"a reduced participle with its agent keeps the phrases after the agent", "Rebels ambushed a convoy escorted by troops near Tarvel.",
		[]string{"ambush active subj=Rebels obj=a convoy", "escort reduced subj=a convoy agent=troops near:Tarvel"}},
	{"gerund complement shares the subject", "The army kept shelling the village.",
		[]string{"keep active subj=The army", "shell active subj=The army obj=the village"}},
	{"negated auxiliary", "The army did not bomb the village.",
		[]string{"bomb active neg subj=The army obj=the village"}},
	{"the object of a verb of causing does the infinitive's act", "The governor ordered the police to raid the camp.",
		[]string{"order active subj=The governor obj=the police", "raid active inf subj=the police obj=the camp"}},
	{"modal", "The militia could attack the camp.",
		[]string{"attack active modal subj=The militia obj=the camp"}},
	{"participle continues the clause", "A gunman opened fire on a bus, wounding four passengers.",
		[]string{"open active subj=A gunman obj=fire on:a bus", "wound active participle subj=A gunman obj=four passengers"}},
	{"reduced relative before the main verb", "A mine laid by insurgents killed a farmer.",
		[]string{"lay reduced subj=A mine agent=insurgents", "kill active subj=A mine obj=a farmer"}},
	{"relative clause subject", "Bandits who raided the farm did not harm the owner.",
		[]string{"raid active subj=Bandits obj=the farm", "harm active neg subj=Bandits obj=the owner"}},
	{"coordinated verbs share the subject", "Rebels seized a lorry and kidnapped the driver.",
		[]string{"seize active subj=Rebels obj=a lorry", "kidnap active subj=Rebels obj=the driver"}},
	{"a chain of verbs after a comma shares the subject", "Bandits stormed a farm, burned the barn and seized two cows.",
		[]string{"storm active subj=Bandits obj=a farm", "burn active subj=Bandits obj=the barn", "seize active subj=Bandits obj=two cows"}},
	{"a third-person form joined to another before its object is a verb", "The militia shoots and wounds a guard.",
		[]string{"shoot active subj=The militia obj=a guard", "wound active subj=The militia obj=a guard"}},
	{"an -ing form between a name and a noun qualifies the noun", "Gunmen shot a Fatah supporting teacher.",
		[]string{"shoot active subj=Gunmen obj=a Fatah supporting teacher"}},
	{"a plural in -men before a verb form is its subject", "Armed tribesmen raid a village near Moyale.",
		[]string{"raid active subj=Armed tribesmen obj=a village near:Moyale"}},
	{"a plural of a compound in -man opens a headline before a bare verb", "Gunmen shoot a guard at a checkpoint in Varo",
		[]string{"shoot active subj=Gunmen obj=a guard at:a checkpoint in:Varo"}},
	{"a plural in -emen after its adjective before a bare verb and a count", "Armed policemen arrest two smugglers near Dorun",
		[]string{"arrest active subj=Armed policemen obj=two smugglers near:Dorun"}},
	{"a plural in -ermen after its adjective opens a comma series of bare verbs", "Angry fishermen storm the depot, burn two boats",
		[]string{"storm active subj=Angry fishermen obj=the depot", "burn active subj=Angry fishermen obj=two boats"}},
	{"'back' completes a phrasal verb", "Soldiers pushed back the raiders.",
		[]string{"push active subj=Soldiers obj=the raiders"}},
	{"particle and event noun object", "The navy carried out strikes on pirate boats.",
		[]string{"carry active subj=The navy obj=strikes on:pirate boats"}},
	{"possessive subject", "Chad's army repelled an assault along the border.",
		[]string{"repel active subj=Chad's army obj=an assault along:the border"}},
	{"subordinate clause after a preposition-like word", "Two people died after unknown men hurled a grenade.",
		[]string{"die active subj=Two people", "hurl active subj=unknown men obj=a grenade"}},
	{"passive kidnapping with place and agent", "A priest was abducted outside his church by armed men.",
		[]string{"abduct passive subj=A priest agent=armed men outside:his church"}},
	{"coordinated passive participles share the agent", "A herder was beaten and robbed by bandits near the well.",
		[]string{"beat passive subj=A herder agent=bandits", "rob passive subj=A herder agent=bandits near:the well"}},
	{"coordinated active verbs share the object after the second", "Soldiers shelled and burned the market.",
		[]string{"shell active subj=Soldiers obj=the market", "burn active subj=Soldiers obj=the market"}},
	{"past form set off by commas with its agent is a reduced passive", "The driver, shot dead by bandits on Monday, was buried.",
		[]string{"shoot reduced subj=The driver agent=bandits on:Monday", "bury passive subj=The driver"}},
	{"past form set off by dashes with its agent", "Omar Ali – killed by a sniper – led the unit.",
		[]string{"kill reduced subj=Omar Ali agent=a sniper", "lead active subj=Omar Ali obj=the unit"}},
	{"a name's hyphened past form describes the noun after it: a later participle continues the main clause", "A bomb hit a convoy carrying fuel for the U.N.-led mission in Gao, wounding two drivers.",
		[]string{"hit active subj=A bomb obj=a convoy carrying fuel for:the U.N.", "lead active subj=the U.N. obj=mission in:Gao", "wound active participle subj=A bomb obj=two drivers"}},
	{"a participle describing the object is no clause a later participle continues", "Rebels attacked soldiers guarding a bridge near Beni, killing four.",
		[]string{"attack active subj=Rebels obj=soldiers", "guard active participle subj=soldiers obj=a bridge near:Beni", "kill active participle subj=Rebels obj=four"}},
	{"a name's hyphened past form before the subject's head", "A Turkey-backed militia shelled the village, killing three.",
		[]string{"back active subj=A Turkey obj=militia", "shell active subj=militia obj=the village", "kill active participle subj=militia obj=three"}},
	{"coordinated passive after an adverb", "A guard was abducted and later killed by rebels.",
		[]string{"abduct passive subj=A guard agent=rebels", "kill passive subj=A guard agent=rebels"}},
	{"suspicion before a name after a comma", "On Friday, suspected ISWAP kidnapped two aid workers.",
		[]string{"kidnap active subj=suspected ISWAP obj=two aid workers"}},
	{"an acronym that spells a word is a name", "Fighters of IS Sahel raided a camp.",
		[]string{"raid active subj=Fighters obj=a camp"}},
	{"coordinated active verbs share the object", "Bandits abducted and ransomed a cattle trader near the well.",
		[]string{"abduct active subj=Bandits obj=a cattle trader", "ransom active subj=Bandits obj=a cattle trader near:the well"}},
	{"a perfect infinitive reports the act of the subject before", "Rebels are believed to have looted the clinic.",
		[]string{"believe passive subj=Rebels", "loot active subj=Rebels obj=the clinic"}},
	{"a purpose infinitive takes the subject before", "Troops entered the forest to attack the rebels.",
		[]string{"enter active subj=Troops obj=the forest", "attack active inf subj=Troops obj=the rebels"}},
	{"an infinitive and its object between subject and verb", "A mine intended to hit soldiers exploded near the well.",
		[]string{"intend reduced subj=A mine", "hit active inf obj=soldiers", "explode active subj=A mine near:the well"}},
	{"a verb after an infinitive is no report", "The rebels vowed to continue fighting.",
		[]string{"vow active subj=The rebels", "continue active inf subj=The rebels", "fight active inf subj=The rebels"}},
	{"an -ing verb right after a verb continues it", "Gunmen started shooting the guards.",
		[]string{"start active subj=Gunmen", "shoot active subj=Gunmen obj=the guards"}},
	{"a verb after an object pronoun is no finite verb", "Gunmen shot at the car of a chief, leaving him wounded.",
		[]string{"shoot active subj=Gunmen at:the car of:a chief", "leave active participle subj=Gunmen obj=him", "wound active subj=him"}},
	{"'shot dead': the result closes the verb group", "Police shot dead a trader near the market.",
		[]string{"shoot active subj=Police obj=a trader near:the market"}},
	{"'to death' before the object: the verb stays active, the phrase after is its object", "A mob beat to death a trader near the market.",
		[]string{"beat active subj=A mob obj=a trader to:death near:the market"}},
	{"'to death' before the object after a bare plural: no headline passive", "Raiders hacked to death a herder at the well.",
		[]string{"hack active subj=Raiders obj=a herder to:death at:the well"}},
	{"a burning word after the object ends it: the state it was left in", "Bandits set two shops ablaze near the market.",
		[]string{"set active subj=Bandits obj=two shops near:the market"}},
	{"a burning word between a passive and its agent", "The church was set ablaze by gunmen.",
		[]string{"set passive subj=The church agent=gunmen"}},
	{"a second passive whose auxiliary the coordination left out", "Two guards were killed and several others injured in the raid.",
		[]string{"kill passive subj=Two guards", "injure passive subj=several others in:the raid"}},
	{"verbs after a participle belong to its clause", "Gunmen shot at the car of a chief, leaving him wounded and the car damaged.",
		[]string{"shoot active subj=Gunmen at:the car of:a chief", "leave active participle subj=Gunmen obj=him", "wound active subj=him", "damage active subj=the car"}},
	{"a raised passive infinitive between subject and verb", "Attackers suspected to be linked to the group threw a grenade into a church.",
		[]string{"suspect reduced subj=Attackers", "link passive subj=Attackers to:the group", "throw active subj=Attackers obj=a grenade into:a church"}},
	{"a verb after an apposition of belief set off by commas takes the noun before it", "Assailants, believed to be pirates, abduct six fishermen near the pier.",
		[]string{"believe active subj=Assailants", "be active obj=pirates", "abduct active subj=Assailants obj=six fishermen near:the pier"}},
	{"a verb after a relative clause set off by commas takes its antecedent", "Gunmen, who arrived on motorcycles, kidnapped a mayor.",
		[]string{"arrive active subj=Gunmen on:motorcycles", "kidnap active subj=Gunmen obj=a mayor"}},
	{"a verb after an apposition picking some of them takes the noun before it", "Two bombers, one of them a teenager, blew up a bus.",
		[]string{"blow active subj=Two bombers obj=a bus"}},
	{"a verb after a count and its description takes the noun before it", "Three gunmen, one a deserter, robbed a bank.",
		[]string{"rob active subj=Three gunmen obj=a bank"}},
	{"an irregular past participle opens a reduced clause with its agent", "A drone flown by militants struck a depot.",
		[]string{"fly reduced subj=A drone agent=militants", "strike active subj=A drone obj=a depot"}},
	{"a name glued to a past form of flag or ownership qualifies the noun: no doer", "Pirates seized a Panama-flagged tanker with 19 crew on board.",
		[]string{"seize active subj=Pirates obj=a Panama-flagged tanker with:19 crew on:board"}},
	{"a relative after 'on board' takes the people aboard", "Pirates boarded the ship, with nine sailors on board who had been held captive.",
		[]string{"board active subj=Pirates obj=the ship with:nine sailors on:board", "hold passive subj=nine sailors"}},
	{"a reduced verb of report passes its subject to the infinitive after it", "Police said to be targeting migrants in the port.",
		[]string{"say reduced subj=Police", "target active subj=Police obj=migrants in:the port"}},
	{"a reduced verb of intent does not", "A mine intended to hit soldiers exploded near the well.",
		[]string{"intend reduced subj=A mine", "hit active inf obj=soldiers", "explode active subj=A mine near:the well"}},
	{"the month May is no modal", "On 3 May, gunmen killed a guard.",
		[]string{"kill active subj=gunmen obj=a guard"}},
	{"'further' before a noun that is also a verb qualifies it", "Officers launched further raids on Friday in Leicester.",
		[]string{"launch active subj=Officers obj=further raids on:Friday in:Leicester"}},
	{"a past form after a preposition qualifies a noun that is also a verb", "The guard was charged with attempted murder in Accra.",
		[]string{"charge passive subj=The guard with:attempted murder in:Accra"}},
	{"a past form after a quotation mark qualifies a gerund: no clause of its own", "Police opened a case of “attempted kidnapping” in Kumasi.",
		[]string{"open active subj=Police obj=a case in:Kumasi"}},
	{"an -ing clause after 'before' takes the subject of the clause it hangs on", "The bomber approached the gate before detonating his vest.",
		[]string{"approach active subj=The bomber obj=the gate", "detonate active subj=The bomber obj=his vest"}},
	{"an -ing clause after a passive takes its subject, not its agent", "The convoy was ambushed by rebels after leaving the base.",
		[]string{"ambush passive subj=The convoy agent=rebels", "leave active subj=The convoy obj=the base"}},
	{"an -ing clause that opens the sentence takes the subject after it", "After storming the post, the rebels fled.",
		[]string{"storm active subj=the rebels obj=the post", "flee active subj=the rebels"}},
	{"an -ing clause of means", "The attacker killed ten people by detonating a car bomb.",
		[]string{"kill active subj=The attacker obj=ten people", "detonate active subj=The attacker obj=a car bomb"}},
	{"after 'during' the -ing form names an event: no subject", "Two soldiers were killed during fighting near the town.",
		[]string{"kill passive subj=Two soldiers", "fight active near:the town"}},
	{"a phrase of time after the object is no part of it", "Troops shelled the town last night.",
		[]string{"shell active subj=Troops obj=the town"}},
	{"a phrase of time between subject and verb is no subject", "The attack last night killed two.",
		[]string{"kill active subj=The attack obj=two"}},
	{"a phrase of time that opens the sentence before its subject", "Last night gunmen killed two.",
		[]string{"kill active subj=gunmen obj=two"}},
	{"a phrase of time as a possessor stays in its phrase", "Last week's attack on the base killed two.",
		[]string{"kill active subj=Last week's attack obj=two"}},
	{"a past form after 'the' with no noun after it names the people it befell", "Volunteers rushed to help the injured.",
		[]string{"rush active subj=Volunteers to:help"}},
	{"the people a past form names may be a subject", "The wounded were taken to a clinic.",
		[]string{"take passive subj=The wounded to:a clinic"}},
	{"a contracted negation the tokenizer split negates its verb group", "The army didn't shell the camp.",
		[]string{"shell active neg subj=The army obj=the camp"}},
	{"a contracted negation split and joined back with spaces", "The army did n't shell the camp .",
		[]string{"shell active neg subj=The army obj=the camp"}},
	{"a contracted negation of a modal", "Rebels won’t attack the base.",
		[]string{"attack active neg modal subj=Rebels obj=the base"}},
	{"a past form after 'which' and a subject is the relative's own verb, not a reduced one", "The raid on the camp, which rebels staged in May, left nine dead.",
		[]string{"stage active subj=rebels in:May", "leave active obj=nine dead"}},
	{"an object counted by a number after 'to death' is the verb's object", "Bandits hacked to death two herders near the river.",
		[]string{"hack active subj=Bandits obj=two herders to:death near:the river"}},
	{"an object with a determiner after 'to death'", "Militants shot to death the village chief.",
		[]string{"shoot active subj=Militants obj=the village chief to:death"}},
	{"a noun after 'death' stays in its phrase", "Police received death threats.",
		[]string{"receive active subj=Police obj=death threats"}},
	{"a charge participle after the subject is a reduced relative", "A man suspected of cattle theft was beaten by villagers.",
		[]string{"suspect reduced subj=A man of:cattle theft", "beat passive subj=A man agent=villagers"}},
	{"a charge participle before an active verb leaves the subject to it", "A man wanted for murder shot two police officers.",
		[]string{"want reduced subj=A man for:murder", "shoot active subj=A man obj=two police officers"}},
	{"a charge participle after the object, last in its sentence", "Herders stoned to death a trader accused of fraud.",
		[]string{"stone active subj=Herders obj=a trader to:death", "accuse reduced subj=a trader of:fraud"}},
}

// relativeObjectTests hold one row per shape of object relative clause:
// the noun phrases the clause of the verb lemma may stand for, nearest
// first.
var relativeObjectTests = []struct {
	name, in, verb string
	want           []string
}{
	{"after a comma, through the prepositional chain", "The bombing in the market, which the group claimed, killed two.", "claim",
		[]string{"the market", "The bombing"}},
	{"'that' right after the phrase", "The raid that the rebels carried out killed two.", "carry",
		[]string{"The raid"}},
	{"any verb without an object of its own: the phrase before the relative word", "The town, which the rebels left in May, was shelled.", "leave",
		[]string{"The town"}},
	{"'that' with a subject and a phrase after the verb", "The post that the rebels attacked on Monday is empty.", "attack",
		[]string{"The post"}},
	{"a subject relative stands for no object", "The rebels, who attacked the town, fled.", "attack",
		nil},
	{"a main clause", "The group claimed the bombing.", "claim",
		nil},
}

func TestRelativeObject(t *testing.T) {
	p := NewParser()
	for _, tt := range relativeObjectTests {
		if got := relativeObjectTexts(p, tt.in, tt.verb); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: %q: got %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// relativeObjectTexts returns the texts of the noun phrases that the
// clauses of verb lemma verb in sentence in stand for as object relatives.
func relativeObjectTexts(p *Parser, in, verb string) (out []string) {
	s := p.Parse(text.Tokenize(in, 0))
	for _, cl := range s.Clauses {
		if s.Chunks[cl.Verb].Lemma == verb {
			for _, c := range s.RelativeObject(&cl, nil) {
				out = append(out, s.Text(c))
			}
		}
	}
	return out
}

func TestClauses(t *testing.T) {
	p := NewParser()
	for _, tt := range clauseTests {
		s := p.Parse(text.Tokenize(tt.in, 0))
		var got []string
		for i := range s.Clauses {
			got = append(got, s.ClauseString(&s.Clauses[i]))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: %q\ngot:\n%s\nwant:\n%s\ntags: %s", tt.name, tt.in, strings.Join(got, "\n"), strings.Join(tt.want, "\n"), s.TagString())
		}
	}
}

// lemmaTests hold one row per inflection rule.
var lemmaTests = []struct{ word, lemma string }{
	{"killed", "kill"}, {"kills", "kill"}, {"killing", "kill"},
	{"abducted", "abduct"}, {"hurled", "hurl"}, {"detonated", "detonate"}, {"detonates", "detonate"},
	{"kidnapped", "kidnap"}, {"lobbed", "lob"}, {"struck", "strike"}, {"shot", "shoot"},
	{"clashes", "clash"}, {"ambushed", "ambush"}, {"carried", "carry"}, {"stabbing", "stab"},
	{"torched", "torch"}, {"looted", "loot"}, {"planned", "plan"}, {"dropped", "drop"},
	// a verb the lexicon does not hold gets back the e that -ed took
	{"executed", "execute"}, {"strangled", "strangle"}, {"tortured", "torture"}, {"raged", "rage"},
	{"ensued", "ensue"}, {"knifed", "knife"}, {"pillaging", "pillage"}, {"radicalized", "radicalize"},
	{"treated", "treat"}, {"poured", "pour"}, {"visited", "visit"}, {"hunted", "hunt"},
	// a stem in -rg or -dg gets its e back: no English verb ends so
	{"charged", "charge"}, {"merging", "merge"}, {"urged", "urge"}, {"judged", "judge"}, {"dodging", "dodge"},
	// a stem in -s gets its e back after a consonant, "o", "i" or "a"
	// (not "ia"); an "-ss" stem keeps none
	{"collapsed", "collapse"}, {"rinsing", "rinse"}, {"dispersed", "disperse"}, {"disposed", "dispose"},
	{"chased", "chase"}, {"biased", "bias"}, {"amassed", "amass"},
}

func TestLemmas(t *testing.T) {
	p := NewParser()
	for _, tt := range lemmaTests {
		s := p.Parse(text.Tokenize("they "+tt.word, 0))
		if got, _ := s.Word(1); got != tt.lemma {
			t.Errorf("lemma of %q = %q, want %q", tt.word, got, tt.lemma)
		}
	}
}

// TestPlural holds one row per shape of noun that plural reads: the
// plurals of compounds in -man, and the singular nouns that end in -men.
func TestPlural(t *testing.T) {
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"gunmen", true}, {"policemen", true}, {"fishermen", true}, {"militiamen", true},
		{"tribesmen", true}, {"men", true}, {"raiders", true},
		{"specimen", false}, {"regimen", false}, {"abdomen", false}, {"acumen", false}, {"omen", false},
	} {
		if got := plural(tt.word); got != tt.want {
			t.Errorf("plural(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func TestBadData(t *testing.T) {
	for _, tt := range []struct{ name, data, want string }{
		{"w.tsv", "det\tthe", "w.tsv:1: want 3 tab-separated columns"},
		{"w.tsv", "xx\tthe\treason", `w.tsv:1: unknown tag "xx"`},
	} {
		err := loadWords(map[string]word{}, tt.name, tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("loadWords(%q) = %v, want %q", tt.data, err, tt.want)
		}
	}
	if err := loadVerbs(map[string]word{}, "v.tsv", "go\twent\tmotion"); err == nil || !strings.Contains(err.Error(), "v.tsv:1: irregular forms must be past|participle") {
		t.Errorf("loadVerbs: %v", err)
	}
}

var benchText = strings.Repeat("Suspected militants hurled a hand grenade at a police post in the northern town on Monday, injuring three officers, the police said. ", 20)

func BenchmarkParse(b *testing.B) {
	p := NewParser()
	sents := text.Split(benchText)
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			p.Parse(s.Tokens)
		}
	}
}

// TestStoreKeeps checks that a kept sentence reads as a fresh parse of it
// after the parser has parsed others, and again once the store is reset
// and refilled.
func TestStoreKeeps(t *testing.T) {
	p := NewParser()
	var st Store
	clauses := func(s *Sentence) string {
		var out []string
		for i := range s.Clauses {
			out = append(out, s.ClauseString(&s.Clauses[i]))
		}
		return strings.Join(out, " | ")
	}
	for round := 0; round < 2; round++ {
		st.Reset()
		var kept []*Sentence
		for _, tt := range clauseTests {
			kept = append(kept, st.Keep(p.Parse(text.Tokenize(tt.in, 0))))
		}
		for i, tt := range clauseTests {
			want := clauses(NewParser().Parse(text.Tokenize(tt.in, 0)))
			if got := clauses(kept[i]); got != want {
				t.Errorf("round %d, %s: kept %q, fresh parse %q", round, tt.name, got, want)
			}
		}
	}
}

// TestParseKnown checks that a parse given the lexicon's indexes of its
// words (LexEntry, as the extractor's word cache keeps them) is the parse
// that looks the words up itself: the tags, lemmas, chunks and clauses
// of every sentence of the clause and tagger tests, in plain and in
// title case (whose words the tagger reads otherwise).
func TestParseKnown(t *testing.T) {
	var ins []string
	for _, tt := range clauseTests {
		ins = append(ins, tt.in)
	}
	for _, g := range tagGold {
		var ws []string
		for _, f := range strings.Fields(g) {
			ws = append(ws, f[:strings.LastIndexByte(f, '/')])
		}
		ins = append(ins, strings.Join(ws, " "))
	}
	for _, in := range slices.Clone(ins) {
		ws := strings.Fields(in)
		for i, w := range ws {
			ws[i] = strings.ToUpper(w[:1]) + w[1:]
		}
		ins = append(ins, strings.Join(ws, " "))
	}
	show := func(s *Sentence) string {
		var b strings.Builder
		for i := range s.Toks {
			fmt.Fprintf(&b, "%s/%v/%s ", s.Toks[i].Text, s.Tags[i], s.Lemmas[i])
		}
		for _, c := range s.Chunks {
			fmt.Fprintf(&b, "%+v ", c)
		}
		for i := range s.Clauses {
			b.WriteString(s.ClauseString(&s.Clauses[i]) + " | ")
		}
		return b.String()
	}
	p, q := NewParser(), NewParser()
	for _, in := range ins {
		toks := text.Tokenize(in, 0)
		known := make([]uint32, len(toks))
		for i, tok := range toks {
			known[i] = LexEntry(tok.Norm)
		}
		want := show(p.Parse(toks))
		if got := show(q.ParseKnown(toks, known)); got != want {
			t.Errorf("%q:\nParseKnown %s\nParse      %s", in, got, want)
		}
	}
}

// TestLexEntry checks that the index LexEntry gives a word is its entry
// (at, and by its address ref and refOf), for every word the lexicon
// holds or marks, and 0 (the zero word) for a word it lacks.
func TestLexEntry(t *testing.T) {
	lx := lexiconIndex()
	for _, w := range append(lx.m.Words(), "qzxv", "") {
		e := LexEntry(w)
		if got, want := lx.at(e), lx.entry(w); got != want {
			t.Errorf("%q: at(LexEntry) = %+v, entry %+v", w, got, want)
		}
		if got, want := *lx.ref(e), lx.at(e); got != want {
			t.Errorf("%q: ref(LexEntry) = %+v, at %+v", w, got, want)
		}
		if got, want := *lx.refOf(w), lx.entry(w); got != want {
			t.Errorf("%q: refOf = %+v, entry %+v", w, got, want)
		}
		if _, held := lx.m.Get(w); held != (e != 0) {
			t.Errorf("%q: LexEntry %d, held %v", w, e, held)
		}
	}
}

// TestLowerKnown checks tag's fast path: every token lowerKnown lets
// through takes from tagOf the lexicon's tag and lemma, in sentences of
// each shape where tagOf reads a word's neighbours (a contraction split
// off, a possessive, an acronym, a capitalised word after the start, a
// Title Case headline), and for every word the lexicon holds, between
// two others. It fails when lowerKnown lets a capitalised word through.
func TestLowerKnown(t *testing.T) {
	ins := []string{
		"the army's base was shelled on Monday",           // possessive "s"
		"they didn't attack the convoy",                   // contracted "not"
		"rebels of IS attack the town",                    // acronym among lower-case words
		"the Attack on the base was repelled",             // a capitalised lexicon noun inside
		"Gunmen Storm Hotel In Capital City Overnight",    // Title Case headline
		"ARMED MEN KILL FOUR IN NIGHT RAID",               // all capitals
		"police said the attack killed two and wounded 5", // plain lower case
		"it was n't clear who fired",                      // a split "n't"
	}
	lx := lexiconIndex()
	for _, w := range lx.m.Words() {
		ins = append(ins, "they "+w+" it")
	}
	p := NewParser()
	n := 0
	for _, in := range ins {
		s := p.Parse(text.Tokenize(in, 0))
		for i := range s.Toks {
			e := p.ents[i]
			if !lowerKnown(&s.Toks[i], e) {
				continue
			}
			n++
			if tag, lemma := p.tagOf(i, &s.Toks[i], *e); tag != e.tag || lemma != e.lemma {
				t.Errorf("%q: token %d %q: tagOf %v/%s, lexicon %v/%s", in, i, s.Toks[i].Text, tag, lemma, e.tag, e.lemma)
			}
		}
	}
	if n == 0 {
		t.Fatal("no token took the fast path")
	}
}

// TestVerbLemma holds one row per shape of verb form that VerbLemma reads:
// forms the lexicon holds, regular forms it strips, and words it leaves.
func TestVerbLemma(t *testing.T) {
	for w, want := range map[string]string{
		"ceased": "cease", "ceasing": "cease", "stopped": "stop", "halts": "halt",
		"released": "release", "bombed": "bomb", "went": "go", "end": "end", "stoppage": "stoppage",
	} {
		if got := VerbLemma(w); got != want {
			t.Errorf("VerbLemma(%q) = %q, want %q", w, got, want)
		}
	}
}
