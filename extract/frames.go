package extract

import (
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/extract/text"
)

// EventAbduction is a kidnapping, a hostage taking or a forced
// disappearance (CAMEO 181).
const EventAbduction = "Abduction"

// frameDef is one row of the event frame table: the lemmas that name an
// event of a type, as a verb or as a noun, and how its roles are read from
// the clause. One generic filler (syntaxFrame) reads every row; adding an
// event shape is a row here and a row in frames_test.go.
type frameDef struct {
	typ, subtype, cameo string
	// verbs and nouns are lemmas (syntax.Sentence.Lemmas).
	verbs, nouns []string
	// objects, when set, are the object head lemmas without which the
	// verb names no such event ("hurled a grenade", "took hostage").
	objects []string
	// instrument: the object is the weapon, the target follows a
	// preposition ("hurled a grenade at a bus").
	instrument bool
	// subjects, when set, are the subject head lemmas without which the
	// verb names no such event: the munition that hit ("two rockets
	// landed near the airport"), not "prices fell".
	subjects []string
	// toTarget: "to" marks the target ("set fire to a school").
	toTarget bool
	// needAgent: the verb names an attack only with a named doer (an
	// active subject or a passive "by" phrase): "gunmen killed…",
	// "…was killed by police", not "two died".
	needAgent bool
	// armedDoer: with needAgent, the doer must be named or be an armed
	// one (a force, a group, a weapon): "terrorists struck the
	// airport", not "the storm struck the coast".
	armedDoer bool
	// symmetric: both sides act and are acted upon (clashes).
	symmetric bool
	// attachedOnly: a noun that the row does not name reads only the
	// phrases attached to it, its doer ("by X") and what it hit ("on X"):
	// the clause around it may speak of something else.
	attachedOnly bool
	// lexiconOnly: the row reads the frames the trigger lexicon found
	// and starts none of its own (the lexicon tells the verb "targets"
	// from the noun in "Houthi targets in Sanaa").
	lexiconOnly bool
	// joinOnly: the verb tells what an event the document reports did,
	// not an event of its own ("the windows were blown out"): its frame
	// joins that event and starts none.
	joinOnly bool
	// fends: the subject (the passive's agent) fought off the doers the
	// object names ("guards beat back the raiders"): it is what the
	// event hit, a side of the fight, and the object names no one new.
	fends bool
	// peopleObject: the verb names the event only when what it takes
	// (its object, the subject of its passive) is people hit, civilians
	// or people counted ("seized two aid workers", "five passengers were
	// hijacked"; heldPeople); a trigger of another type that the lexicon
	// found on the verb takes the row's type.
	peopleObject bool
	// anyPeople: with peopleObject, any people or group pass as what
	// is taken, armed or not ("rebels hanged two soldiers", "militants
	// hanged the prisoners"), and a name where the verb's form is one
	// only people take ("hanged"; hangedPeople), not only civilians.
	anyPeople bool
	// placeObject: the verb names the event only when what it takes
	// (its object, the subject of its passive) is a place, a facility
	// or a post, or people ("rebels seized the town"; placeTaken): goods seized
	// ("soldiers seized three trucks of charcoal") name no attack.
	placeObject bool
	// after, when set, are the words without one of which after the
	// verb's object the verb names no such event ("set the market
	// ablaze", "set the houses on fire"; burntAfter).
	after []string
	// ofPeople: the row's nouns name the event only with an "of" phrase
	// right after them that names people, of any kind ("the poisoning
	// of two activists"; ofPeopleNoun): "food poisoning" is none.
	ofPeople bool
	// reason says where the row comes from.
	reason string
}

// frameRoles are the prepositions that mark a role, per event type.
type frameRoles struct {
	target, place, sides []string
}

// frameTable holds the event frames. Lemmas were seeded from the
// hyponyms of attack, bomb, shoot, shell, kidnap and clash in WordNet 3.1
// (verbs attack.v.01, assail.v.01, bombard.v.02, shoot.v.02, kidnap.v.01,
// clash.v.01; nouns attack.n.01, bombing.n.01, kidnapping.n.01,
// clash.n.03), narrowed to the senses news reporting uses, and from the
// ACLED codebook's sub-event types.
var frameTable = []frameDef{
	{typ: EventAttack, subtype: "armed assault", cameo: "190", verbs: []string{"attack", "assault", "raid", "storm", "invade", "overrun", "assail"}, nouns: []string{"attack", "assault", "raid", "incursion", "offensive", "onslaught", "invasion"},
		reason: "WordNet attack.v.01/assail.v.01 and attack.n.01; ACLED 'Attack'"},
	{typ: EventAttack, subtype: "ambush", cameo: "190", verbs: []string{"ambush", "waylay"}, nouns: []string{"ambush"},
		reason: "WordNet ambush.v.01; attacks from hiding on convoys and patrols"},
	{typ: EventAttack, subtype: "shooting", cameo: "190", verbs: []string{"shoot", "gun down", "shoot down"}, nouns: []string{"shooting", "gunfire", "gunshot"},
		reason: "WordNet shoot.v.02 (hit with a missile from a weapon)"},
	{typ: EventAttack, subtype: "shooting", cameo: "190", verbs: []string{"open"}, objects: []string{"fire"},
		reason: "'opened fire on': the phrasal form of shoot"},
	{typ: EventAttack, subtype: "poisoning", cameo: "180", verbs: []string{"poison"}, peopleObject: true, anyPeople: true,
		reason: "WordNet poison.v.01 (kill or harm with poison): people poisoned are an attack whoever did it ('three villagers were poisoned', 'militiamen poisoned two activists'); a river poisoned by waste is none. Before the killing row, which reads a poisoning of anything by a named doer (RAMS conflict.attack.biologicalchemicalpoisonattack)"},
	{typ: EventAttack, subtype: "killing", cameo: "180", verbs: []string{"kill", "execute", "hack", "strangle", "poison", "gas"}, needAgent: true,
		reason: "WordNet kill.v.01 hyponyms; violence against people counts as an attack where its doer is named"},
	{typ: EventAttack, subtype: "killing", cameo: "180", verbs: []string{"murder", "behead", "decapitate", "lynch", "massacre", "slaughter", "assassinate"},
		reason: "WordNet murder.v.01, behead.v.01, lynch.v.01, massacre.v.01, assassinate.v.01: killings that someone did, named or not ('a teacher was beheaded')"},
	{typ: EventAttack, subtype: "hanging", cameo: "180", verbs: []string{"hang"}, peopleObject: true, anyPeople: true,
		reason: "WordNet hang.v.04 (kill by hanging): an attack only when what is hanged is people, of any kind ('rebels hanged two soldiers', 'three villagers were hanged'); a picture or a flag hung is none (RAMS conflict.attack.hanging)"},
	{typ: EventAttack, subtype: "stabbing", cameo: "180", verbs: []string{"stab", "knife"}, nouns: []string{"stabbing", "knifing"},
		reason: "WordNet stab.v.01 and stab.n.01: a blade used on someone is an attack, whoever did it ('a man was stabbed')"},
	{typ: EventAttack, subtype: "strike", cameo: "195", verbs: []string{"strike", "hit"}, needAgent: true, armedDoer: true,
		reason: "WordNet strike.v.01, hit.v.02 in their sense of attack: only an armed doer strikes ('militants struck a checkpoint'); a storm or a recession does not"},
	{typ: EventAttack, subtype: "assault", cameo: "180", verbs: []string{"wound", "injure", "mutilate", "maim", "whip", "flog", "beat", "torture", "abuse", "rape", "assault"}, needAgent: true,
		reason: "WordNet injure.v.01 hyponyms, and beat.v.02, torture.v.01, rape.v.01: violence that hurts people without saying they died is an attack where its doer is named"},
	{typ: EventAttack, subtype: "killing", cameo: "180", nouns: []string{"assassination", "massacre", "lynching", "murder", "beheading", "slaying", "killing"},
		reason: "WordNet killing.n.02 hyponyms: a killing named as a noun"},
	{typ: EventAttack, subtype: "killing", cameo: "180", nouns: []string{"strangulation", "poisoning"}, ofPeople: true,
		reason: "WordNet strangulation.n.01 and poisoning.n.02 (killing by poison): a killing named as a noun where an 'of' phrase names the people killed ('the strangulation of a woman', 'the poisoning of two activists'); 'food poisoning' or 'died of strangulation' names no one done to"},
	{typ: EventAttack, subtype: "hanging", cameo: "180", nouns: []string{"hanging"}, ofPeople: true,
		reason: "WordNet hanging.n.01 (killing by hanging), as the verb row hang: 'the hanging of three men by militants'; 'the hanging of lanterns' names no people"},
	{typ: EventAttack, subtype: "killing", cameo: "202", nouns: []string{"slaughter", "carnage", "butchery", "extermination"},
		reason: "WordNet massacre.n.01 (slaughter, carnage, butchery: the savage killing of many people) and extermination.n.02 (the killing of a whole group); CAMEO 202 (mass killings): 'the slaughter of villagers by militiamen'"},
	{typ: EventAttack, subtype: "bombing", cameo: "183", verbs: []string{"bomb", "detonate", "explode", "blow up", "plant", "go off", "set off"}, nouns: []string{"explosion", "blast", "bombing", "detonation"}, objects: nil,
		reason: "WordNet bomb.v.01, explode.v.01 and explosion.n.01; ACLED 'Remote explosive/landmine/IED'"},
	{typ: EventAttack, subtype: "bombing", cameo: "183", verbs: []string{"blow out", "blow off", "blow in"}, joinOnly: true,
		reason: "blow out/off/in in their sense of a blast breaking something outward or away ('the windows were blown out', 'the roof was blown off'): the damage of a blast the document reports, which joins that blast; alone ('blew out the candles') no attack"},
	{typ: EventAttack, subtype: "armed assault", cameo: "190", verbs: []string{"repel", "repulse", "push back", "beat back", "drive back", "drive off", "fight off"}, joinOnly: true, fends: true,
		reason: "fighting off the doers of an attack the document reports ('troops drove back the raiders'): the side that fought them joins that attack as what it hit; alone, no attack"},
	{typ: EventAttack, subtype: "bombing", cameo: "183", verbs: []string{"set", "lay", "place", "bury", "leave"}, objects: []string{"landmine", "mine", "bomb", "ied", "explosive", "device"}, instrument: true,
		reason: "WordNet lay.v.01, set.v.01 (put into a certain place) and leave.v.02 (leave behind) with a device as object: planting a mine or a bomb ('set a landmine at the base', 'laid mines on the road', 'the mine had been left there by the army')"},
	{typ: EventAttack, subtype: "grenade attack", cameo: "183", verbs: []string{"hurl", "lob", "throw", "toss", "launch"}, objects: []string{"grenade", "bomb", "explosive", "device", "petrol", "molotov"}, instrument: true,
		reason: "WordNet throw.v.01 with a grenade or bomb as object; ACLED 'Grenade'"},
	{typ: EventAttack, subtype: "strike", cameo: "195", verbs: []string{"fire", "drop", "launch", "rain", "lob"}, objects: []string{"rocket", "missile", "mortar", "shell", "bomb", "projectile", "round", "artillery", "drone", "uav"}, instrument: true,
		reason: "WordNet fire.v.02 (fire a missile), drop.v (drop bombs): munitions sent at a target ('fired rockets into the town', 'dropped barrel bombs on'), a one-way attack drone among them ('launched drones at the city')"},
	{typ: EventAttack, subtype: "strike", cameo: "195", verbs: []string{"land", "fall", "slam", "crash", "rain", "hit", "strike", "smash", "pound"}, subjects: []string{"rocket", "missile", "mortar", "shell", "bomb", "projectile"},
		reason: "WordNet land.v.01, hit.v.01 with a munition as subject: 'two rockets landed near the embassy', 'a shell hit a school'"},
	{typ: EventAttack, subtype: "assault", cameo: "180", verbs: []string{"throw", "hurl"}, objects: []string{"stone", "rock", "brick", "acid"}, instrument: true,
		reason: "WordNet throw.v.01 with a missile of the street as object: stoning and acid attacks ('threw stones at police')"},
	{typ: EventAttack, subtype: "killing", cameo: "180", verbs: []string{"use", "deploy", "employ"}, objects: []string{"chemical", "sarin", "chlorine", "napalm"}, instrument: true,
		reason: "chemical attacks named by their weapon: 'used chemical weapons against civilians' (RAMS conflict.attack.biologicalchemicalpoisonattack)"},
	{typ: EventAbduction, subtype: "kidnapping", cameo: "181", verbs: []string{"seize", "hijack", "capture"}, peopleObject: true,
		reason: "WordNet seize.v.01, hijack.v.02 (take by force) and capture.v.01 with people as what is taken, or a ship, bus or plane with its people (peopleAboard): an abduction ('gunmen seized two aid workers', 'five passengers were hijacked', 'pirates captured a tanker with 19 crew on board'); a town or a truck seized is no abduction, and people a state force captures are arrested"},
	{typ: EventAttack, subtype: "hijacking", cameo: "180", verbs: []string{"hijack"}, objects: []string{"truck", "lorry", "bus", "plane", "aircraft", "airliner", "jet", "ship", "vessel", "tanker", "boat", "car", "vehicle", "convoy", "train"},
		reason: "WordNet hijack.v.01 (take by force a vehicle) with a vehicle as object and no people said to be aboard: an attack on the vehicle ('gunmen hijacked a fuel truck'; RAMS conflict.attack.stealrobhijack); with its people aboard the abduction row above reads it"},
	{typ: EventAttack, subtype: "strike", cameo: "195", verbs: []string{"target", "fire"}, armedDoer: true, lexiconOnly: true,
		reason: "WordNet target.v.01, fire.v.02: verbs that name an attack only when what acts is armed ('rebels targeted a convoy', 'gunmen fired on a bus'); 'the administration targeted officials' and 'the company fired its manager' are no attacks"},
	{typ: EventAttack, subtype: "strike", cameo: "195", verbs: []string{"seize"}, armedDoer: true, lexiconOnly: true, placeObject: true,
		reason: "WordNet seize.v.01 (take hold of by force): an attack only when what acts is armed and what it takes is a place ('rebels seized the town', 'militants seized an army base'); 'the court seized his assets' and 'police seized 200 kg of cannabis' are no attacks"},
	{typ: EventAttack, subtype: "killing", cameo: "180", verbs: []string{"slay", "exterminate", "annihilate", "mow down"}, needAgent: true,
		reason: "WordNet slay.v.01, exterminate.v.02, mow_down.v.01 (kill.v.01 hyponyms) and annihilate.v.01: killings whose doer is named ('militants slew ten villagers', 'gunmen mowed down worshippers')"},
	{typ: EventAttack, subtype: "strike", cameo: "195", verbs: []string{"sink", "torpedo"}, needAgent: true, armedDoer: true,
		reason: "WordNet sink.v.04 (cause to sink) and torpedo.v.01: a vessel sunk by an armed doer ('the navy sank two patrol boats'); a ship that sank, a storm that sank it, or prices that sank are none"},
	{typ: EventAttack, subtype: "strike", cameo: "195", verbs: []string{"strafe", "firebomb"},
		reason: "WordNet strafe.v.01 (attack with machine guns from low-flying aircraft) and firebomb.v.01: attacks whoever makes them"},
	{typ: EventAttack, subtype: "armed assault", cameo: "190", verbs: []string{"besiege", "raze"}, armedDoer: true,
		reason: "WordNet besiege.v.01 and raze.v.01: an attack only when what acts is armed ('rebels besieged the town', 'troops razed the village'), not 'reporters besieged the minister' or 'the council razed an old mall'"},
	{typ: EventAttack, subtype: "killing", cameo: "180", nouns: []string{"genocide", "bloodbath"},
		reason: "WordNet genocide.n.01 and bloodbath.n.01 (killing.n.02 hyponyms: mass killings)"},
	{typ: EventAttack, subtype: "armed assault", cameo: "190", nouns: []string{"siege"},
		reason: "WordNet siege.n.01 (the action of an armed force that surrounds a fortified place): 'the siege of Aleppo'"},
	{typ: EventAttack, subtype: "shelling", cameo: "194", verbs: []string{"pound"}, armedDoer: true,
		reason: "WordNet pound.v.01 in its sense of bombard: an attack only when an armed doer or a weapon pounds ('artillery pounded the town'), not 'heavy rain pounded the capital'"},
	{typ: EventAttack, subtype: "shelling", cameo: "194", verbs: []string{"shell", "bombard", "mortar"}, nouns: []string{"shelling", "bombardment", "barrage"},
		reason: "WordNet bombard.v.02 and shelling.n.01; ACLED 'Shelling/artillery/missile attack'"},
	{typ: EventAttack, subtype: "arson", cameo: "180", verbs: []string{"burn", "torch"}, nouns: []string{"arson"},
		reason: "WordNet burn.v.01 in its 'destroy by fire' sense: arson attacks on homes and villages"},
	{typ: EventAttack, subtype: "arson", cameo: "180", verbs: []string{"set"}, objects: []string{"fire"}, instrument: true, toTarget: true,
		reason: "'set fire to': the phrasal form of torch (WordNet set_fire.v.01)"},
	{typ: EventAttack, subtype: "arson", cameo: "180", verbs: []string{"set"}, after: []string{"ablaze", "alight", "aflame", "on fire"},
		reason: "'set X ablaze', 'set X alight', 'set X on fire': the phrasal forms of torch (WordNet set_fire.v.01, ablaze.s.01, alight.s.01), X what was burnt ('gunmen set a church ablaze')"},
	{typ: EventAttack, subtype: "looting", cameo: "180", verbs: []string{"loot", "pillage", "plunder", "ransack"}, nouns: []string{"looting"},
		reason: "WordNet loot.v.01: raids that strip a place"},
	{typ: EventAttack, subtype: "armed clash", cameo: "190", verbs: []string{"clash", "fight", "battle", "skirmish"}, nouns: []string{"clash", "fighting", "gunfight", "firefight", "battle", "skirmish", "shootout", "gunbattle"}, symmetric: true,
		reason: "WordNet clash.v.01, fight.v.02, battle.n.01; ACLED 'Armed clash' (both sides are actors)"},
	{typ: EventAttack, subtype: "armed clash", cameo: "190", verbs: []string{"exchange", "engage"}, objects: []string{"fire", "gunfire", "shot"}, symmetric: true,
		reason: "'exchanged fire with': the phrasal form of a clash"},
	{typ: EventAbduction, subtype: "kidnapping", cameo: "181", verbs: []string{"kidnap", "abduct", "snatch"}, nouns: []string{"kidnapping", "abduction", "disappearance"},
		reason: "WordNet kidnap.v.01 and kidnapping.n.01; CAMEO 181; ACLED 'Abduction/forced disappearance'"},
	{typ: EventAbduction, subtype: "hostage taking", cameo: "181", verbs: []string{"hold", "take", "keep"}, objects: []string{"hostage", "captive"},
		reason: "'held hostage', 'taken captive', 'took six crewmen as hostages': WordNet hostage.n.01"},
}

// roleTable gives the prepositions that mark targets, places and the
// other side, per event type.
var roleTable = map[string]frameRoles{
	EventAttack:    {target: []string{"on", "against", "at", "into", "upon", "targeting"}, place: []string{"in", "at", "near", "along", "outside", "inside", "towards", "toward", "around", "across", "within", "between"}, sides: []string{"with", "between", "against"}},
	EventAbduction: {place: []string{"in", "at", "near", "along", "outside", "inside", "from", "between", "around"}},
}

// frameIndex maps a lemma to the rows that name it, verbs and nouns apart,
// on wordMap's table: pickDef asks it of every chunk of every sentence
// with a trigger.
type frameIndex struct {
	verbs, nouns wordMap[[]*frameDef]
}

var frames = buildFrameIndex(frameTable)

func buildFrameIndex(t []frameDef) frameIndex {
	verbs, nouns := map[string][]*frameDef{}, map[string][]*frameDef{}
	for i := range t {
		r := &t[i]
		for _, v := range r.verbs {
			verbs[v] = append(verbs[v], r)
		}
		for _, n := range r.nouns {
			nouns[n] = append(nouns[n], r)
		}
	}
	return frameIndex{verbs: newWordMap(verbs), nouns: newWordMap(nouns)}
}

// verb returns the rows that name verb lemma w (nil for none).
func (ix frameIndex) verb(w string) []*frameDef {
	defs, _ := ix.verbs.Get(w)
	return defs
}

// noun returns the rows that name noun lemma w (nil for none).
func (ix frameIndex) noun(w string) []*frameDef {
	defs, _ := ix.nouns.Get(w)
	return defs
}

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// lightFrameVerbs are verbs whose object noun names the event and whose
// subject is its actor: "launched an attack", "carried out raids".
var lightFrameVerbs = grammarList("lightFrameVerbs")

// resultVerbs are verbs whose subject may be an event noun and whose
// object is what it hit: "the explosion targeted a bakery", "the blast
// killed two".
var resultVerbs = grammarList("resultVerbs")

// strikeLemmas are the lemmas for which the lexicon's subtype "strike"
// is the right one.
var strikeLemmas = grammarList("strikeLemmas")

// victimVerbs are the result verbs whose object is a casualty, a target
// only where nothing else is named.
var victimVerbs = grammarList("victimVerbs")

// noneTo gives a toll of zero to the attacks of sentence si, or to the
// last attack before it, where the sentence says no one died or was hurt
// ("No fatalities reported.").
func (d *docState) noneTo(si int, frames []*frame) {
	killed, hurt, _ := noCasualties(d.sents[si].Tokens)
	if !killed && !hurt {
		return
	}
	set := func(f *frame) {
		if killed && f.killed < 0 {
			f.killed = 0
		}
		if hurt && f.injured < 0 {
			f.injured = 0
		}
	}
	n := 0
	for _, f := range frames {
		if f.typ == EventAttack && !f.negated {
			set(f)
			n++
		}
	}
	if n == 0 {
		d.pendingNone = append(d.pendingNone, noneNote{s: si, killed: killed, hurt: hurt})
	}
}

// noneNote is a sentence with no attack of its own that says no one died
// or was hurt: it speaks of the attack before it.
type noneNote struct {
	s            int
	killed, hurt bool
}

// applyNone gives the zero tolls of noneNotes to the last attack event
// spoken of before each note.
func (d *docState) applyNone(events []*docEvent) {
	for _, n := range d.pendingNone {
		var last *docEvent
		for _, e := range events {
			if e.f.typ == EventAttack && e.frames[0].s < n.s {
				last = e
			}
		}
		if last == nil {
			continue
		}
		if n.killed && last.f.killed < 0 {
			last.f.killed = 0
		}
		if n.hurt && last.f.injured < 0 {
			last.f.injured = 0
		}
	}
}

// soleCountry gives an attack or abduction that names no place and no
// country the country of its document, where the document places things
// in exactly one (placeDocCountry: not the home country of a group it
// names).
func (d *docState) soleCountry(events []*docEvent) {
	cc := d.placeDocCountry()
	if cc == "" {
		return
	}
	c := d.countryEntity(cc)
	if c == nil {
		return
	}
	for _, e := range events {
		if (e.f.typ == EventAttack || e.f.typ == EventAbduction) && e.f.country == nil && len(e.f.places) == 0 && !containsEnt(e.f.actors, c) {
			e.f.country, e.f.countryOfDoc = c, !d.countryNamedAt(e, c)
		}
	}
}

// countryNamedAt reports whether a sentence of event e names country c as
// where things are ("over eastern Ukraine"), not only as where someone
// came from or went ("from Somalia", "crossed into Kenya"), nor as the
// possessor or demonym of something: then the country is the event's
// place as well as its country.
func (d *docState) countryNamedAt(e *docEvent, c *entity) bool {
	for _, f := range e.frames {
		toks := d.sents[f.s].Tokens
		for _, m := range d.ments[f.s] {
			if m.ent != c || m.demonym || m.possessive || borderPair(toks, m) {
				continue
			}
			if m.a == 0 || toks[m.a-1].Norm != "from" && toks[m.a-1].Norm != "into" {
				return true
			}
		}
	}
	return false
}

// parsers holds syntax parsers for reuse across documents.
var parsers = sync.Pool{New: func() any { return syntax.NewParser() }}

// keepParses readies d.parsed for the sentences findDoers parses, kept
// in d.buf.parses, so that findEvents reads them without parsing them
// again.
func (d *docState) keepParses() {
	d.buf.parses.Reset()
	d.buf.parsed = resize(d.buf.parsed, len(d.sents))
	clear(d.buf.parsed)
	d.parsed = d.buf.parsed
	d.buf.defs = resize(d.buf.defs, len(d.sents))
	clear(d.buf.defs)
	d.defs = d.buf.defs
	d.buf.defSlots = d.buf.defSlots[:0]
}

// keepParse keeps ps, sentence si's parse, in d.buf.parses for
// findEvents, with a memo of pickDef's answers for its chunks.
func (d *docState) keepParse(si int, ps *syntax.Sentence) *syntax.Sentence {
	ps = d.buf.parses.Keep(ps)
	d.parsed[si] = ps
	n := len(d.buf.defSlots)
	for range ps.Chunks {
		d.buf.defSlots = append(d.buf.defSlots, defUnasked)
	}
	// a memo made before the slots grew keeps the old array, which
	// nothing else writes
	d.defs[si] = d.buf.defSlots[n:len(d.buf.defSlots):len(d.buf.defSlots)]
	return ps
}

// defMemo holds pickDef's answers for the chunks of one parsed sentence
// (defUnasked where not asked yet): findDoers asks them of the clauses'
// verbs and of the noun phrases (attackDef), syntaxFrames of every chunk
// again. A nil memo keeps nothing: the parse is the parser's, which its
// next call overwrites.
type defMemo []*frameDef

// defUnasked marks a chunk whose row pickDef has not been asked for.
var defUnasked = new(frameDef)

// memoOf returns the memo of sentence si's parse when ps is the parse
// findDoers kept, else nil.
func (d *docState) memoOf(si int, ps *syntax.Sentence) defMemo {
	if si < len(d.parsed) && d.parsed[si] == ps {
		return d.defs[si]
	}
	return nil
}

// pick returns pickDef(ps, c), asked once per chunk of a kept parse; ps
// must be the parse the memo was made for.
func (m defMemo) pick(ps *syntax.Sentence, c int) *frameDef {
	if c >= len(m) {
		return pickDef(ps, c)
	}
	if def := m[c]; def != defUnasked {
		return def
	}
	def := pickDef(ps, c)
	m[c] = def
	return def
}

// syntaxFrames completes the frames the trigger lexicon found in sentence
// si with the roles the sentence's syntax gives them, and adds a frame for
// every verb group or noun phrase whose lemma the frame table holds and no
// frame covers.
func (d *docState) syntaxFrames(si int, ps *syntax.Sentence, found []*frame, sd *sentDates) []*frame {
	m := d.memoOf(si, ps)
	for i, f := range found {
		if f.relative && d.doerRelative(ps, f, found[:i]) {
			// "militants, who attacked a police post, fled": the
			// relative clause tells an event of its own, its doer the
			// antecedent the clause's subject is
			f.relative = false
		}
		if f.relative || f.copula {
			continue
		}
		d.reducedVictims(f, ps)
		d.passiveVictims(f, ps)
		def, h := frameAt(ps, m, f.a, f.b)
		if def == nil && f.typ == EventAttack {
			if d.agentNounFrame(f, ps) {
				continue
			}
			if lightWithoutEvent(ps, m, f, found) {
				// "police launched a search": a light verb whose object
				// names no event is no attack
				f.negated = true
				continue
			}
			if ld := lightEventDef(ps, m, f); ld != nil && !ld.symmetric {
				// "troops staged a siege": the siege's kind
				f.subtype, f.cameo = ld.subtype, ld.cameo
			}
			// a trigger the table does not hold ("struck", "air
			// strikes"): its clause roles as an attack's
			if def, h = genericAttack(ps, f); def != nil {
				d.fillFromSyntax(f, ps, def, h, false)
				if c := ps.ChunkOf[h]; ps.Chunks[c].Kind == syntax.NP && (!f.verb && happened(ps, c) || f.verb && performedAny(ps, c)) {
					// "the airstrikes killed nine", "since the
					// airstrikes", "it carried out airstrikes" (the
					// lexicon's verb trigger around the noun): its
					// clause reports it
					f.reported, f.told = true, true
				}
			}
			continue
		}
		if def != nil && def.peopleObject && f.typ == EventArrest && !d.groupDoer(f.s, ps, ps.ChunkOf[h]) {
			// "police captured two men": an arrest; "pirates captured
			// a ship with its crew" is an abduction
			continue
		}
		if def != nil && def.peopleObject {
			// "gunmen seized two aid workers": the lexicon's attack
			// verb takes people, an abduction
			f.typ, f.subtype, f.cameo = def.typ, def.subtype, def.cameo
		}
		if def == nil || def.typ != f.typ {
			// a lexicon noun no row holds ("strike") is reported by
			// its clause all the same: "a drone strike killed two"
			if c := nounChunkAt(ps, f.a, f.b); !f.verb && c >= 0 && happened(ps, c) {
				f.reported, f.told = true, true
			}
			continue
		}
		if c := ps.ChunkOf[h]; f.verb && ps.Chunks[c].Kind == syntax.NP {
			// the lexicon took a gerund for a verb: "the killing of the
			// envoy" names the event as a noun
			f.verb, f.weak, f.relative = false, false, false
			f.definite = f.definite || definiteNP(ps, c)
		} else if !f.verb && catenativeGerund(ps, c) {
			// the lexicon took a verb for a noun: "Russia continued
			// bombing the city" reports the act of its subject
			f.verb, f.reported = true, true
		}
		d.fillFromSyntax(f, ps, def, h, false)
		if !f.verb && happened(ps, ps.ChunkOf[h]) {
			f.reported, f.told = true, true
		}
	}
	d.contactTargets(ps, found)
	trimWindowTargets(ps, found)
	n := len(found)
	for c := range ps.Chunks {
		ch := &ps.Chunks[c]
		h := ch.Head
		if coveredBy(found[:n], h) || ch.Neg || ch.Modal || ch.Inf && !aspectInfinitive(ps, c) || ch.Modifier {
			continue
		}
		def := m.pick(ps, c)
		if def == nil || def.lexiconOnly {
			continue
		}
		f := d.buf.frames.new(frame{typ: def.typ, subtype: def.subtype, cameo: def.cameo, s: si, a: h, b: h + 1, verb: ch.Kind == syntax.VG, passive: ch.Passive, killed: -1, injured: -1, span0: ch.A, span1: ch.B, syn: true})
		f.definite = ch.Kind == syntax.NP && definiteNP(ps, c) || def.instrument && definiteDevice(ps, c, def)
		f.reported = f.verb && !ch.Participle
		f.weak, f.joinOnly = def.joinOnly, def.joinOnly
		if !d.fillFromSyntax(f, ps, def, h, true) {
			continue
		}
		if !f.verb && happened(ps, c) {
			f.reported, f.told = true, true
		}
		if d.habitVerb(si, ch.A, ch.B) || !f.verb && d.recordOf(si, h) {
			continue
		}
		if !f.verb && d.habitual(si, ch.A) {
			if !seriesBrokeOut(ps, c) {
				continue
			}
			f.reported, f.told = true, true
		}
		for dates, i := sd.get(), 0; i < len(dates); i++ {
			if f.date == nil && dates[i].a >= f.span0 && dates[i].a < f.span1 {
				f.date = &dates[i]
			}
		}
		if f.typ == EventAttack {
			var buf [4]lexicon.Match[*lexicon.Weapon]
			for _, m := range d.r.weapons.AppendCoded(buf[:0], d.coded[si].Slice(f.span0, f.span1)) {
				f.weapons = appendStr(f.weapons, m.Values[0].Name)
			}
			if f.subtype == "strike" {
				// "two rockets landed": the munition names the kind
				f.subtype, f.cameo = subtypeFromWeapons(f.weapons, f.subtype, f.cameo)
			}
		}
		found = append(found, f)
	}
	if len(found) > n {
		sortLike(found, func(a, b *frame) bool { return a.a < b.a })
	}
	d.pursuedTargets(ps, found)
	d.intendedTargets(ps, found)
	return found
}

// trimWindowTargets ends each target the trigger lexicon's token window
// described ("against the town lasted two weeks", "a ferry moored
// beside the") where the noun phrase it starts in ends: the window counts
// words, the parse knows the phrase.
func trimWindowTargets(ps *syntax.Sentence, found []*frame) {
	for _, f := range found {
		for i, t := range f.targetText {
			a, b := textSpan(ps.Toks, t)
			if a < 0 || a >= len(ps.ChunkOf) || ps.ChunkOf[a] < 0 {
				continue
			}
			if ch := &ps.Chunks[ps.ChunkOf[a]]; ch.Kind == syntax.NP && b > ch.B && ch.Head < ch.B && !gluedAt(ps.Toks, ch.B) {
				f.targetText[i] = joinText(ps.Toks[a:ch.B])
			}
		}
	}
}

// gluedAt reports whether token k is a hyphen with no space on either
// side: the phrase goes on through a compound the chunker cut
// ("American-owned vessel").
func gluedAt(toks []text.Token, k int) bool {
	return k+1 < len(toks) && toks[k].Norm == "-" && !toks[k].SpaceBefore && !toks[k+1].SpaceBefore
}

// textSpan returns the tokens [a, b) of toks whose text is t, or -1, -1.
func textSpan(toks []text.Token, t string) (int, int) {
	for a := range toks {
		if !strings.HasPrefix(t, toks[a].Text) {
			continue
		}
		for b := a + 1; b <= len(toks) && b-a <= 8; b++ {
			if joinText(toks[a:b]) == t {
				return a, b
			}
		}
	}
	return -1, -1
}

// pursuedTargets gives the attacks of a sentence that name no one hit the
// people the sentence says their side pursued: "mortar fire by troops
// tied to the pursuit of armed cattle thieves", "troops chasing bandits
// fired on the hills". Those pursued are the ones fired upon.
func (d *docState) pursuedTargets(ps *syntax.Sentence, found []*frame) {
	pursued := -1
	for c := range ps.Chunks {
		ch := &ps.Chunks[c]
		if h := &ps.Toks[ch.Head]; !markPursuit.has(h) && (ch.Lemma == h.Norm || !pursuitWords.Has(ch.Lemma)) {
			continue
		}
		if ch.Kind == syntax.NP && c+1 < len(ps.Chunks) && ps.PrepOf(c+1) == "of" && ps.Chunks[c+1].A == ch.B+1 {
			pursued = c + 1 // "the pursuit of raiders"
		} else if cl := ps.ClauseOf(c); ch.Kind == syntax.VG && cl != nil && !ch.Passive && cl.Obj >= 0 {
			pursued = cl.Obj // "troops chasing bandits"
		}
	}
	if pursued < 0 {
		return
	}
	for _, f := range found {
		if f.typ == EventAttack && !f.negated && !peopleHit(f.targets) && (f.a < ps.Chunks[pursued].A || f.a >= ps.Chunks[pursued].B) {
			d.targetNP(f, ps, pursued)
		}
	}
}

// intendedTargets gives the attacks of a sentence whose subject a reduced
// clause of intent qualifies ("a mine intended to target troops
// exploded", "a bomb meant to hit policemen went off") the object of
// that intent as their target, where they name no one hit.
func (d *docState) intendedTargets(ps *syntax.Sentence, found []*frame) {
	for i := range ps.Clauses {
		cl := &ps.Clauses[i]
		v := &ps.Chunks[cl.Verb]
		if !v.Reduced || cl.Subj < 0 || !intentVerbs.Has(v.Lemma) || cl.Verb+1 >= len(ps.Chunks) {
			continue
		}
		aim := ps.ClauseOf(cl.Verb + 1)
		if aim == nil || !ps.Chunks[aim.Verb].Inf || aim.Obj < 0 || !aimVerbs.Has(ps.Chunks[aim.Verb].Lemma) {
			continue
		}
		for _, f := range found {
			if f.typ != EventAttack || f.negated || peopleHit(f.targets) || f.a >= len(ps.ChunkOf) {
				continue
			}
			if fc := ps.ClauseOf(ps.ChunkOf[f.a]); fc != nil && fc.Subj == cl.Subj {
				d.targetNP(f, ps, aim.Obj)
			}
		}
	}
}

// possessed reports whether noun phrase c opens with a possessive pronoun
// ("his attack", "their assault"), which refers to its doer: the clause
// around it ("a militant was killed when forces repulsed his attack")
// is read by the rules for the doer and the toll, not as the side hit.
func possessed(ps *syntax.Sentence, c int) bool {
	switch ps.Toks[ps.Chunks[c].A].Norm {
	case "his", "her", "their", "its":
		return true
	}
	return false
}

// repelVerbs say that their subject fought off the attack their object
// names, the side it hit: "soldiers repelled the attack".
var repelVerbs = grammarList("repelVerbs")

// intentVerbs, in a reduced clause after a device, say what it was for:
// "a mine intended to target troops".
var intentVerbs = grammarList("intentVerbs")

// targetingVerbs name an attack by what it was aimed at (targetedObject).
var targetingVerbs = grammarList("targetingVerbs")

// targetedObject keeps the direct object np of a verb of targeting
// (chunk ch: "targeted a convoy", "ambushed a bus") that describes what
// was hit, and that names no entity targetNP reads, as what the attack aimed
// at: a described target stands in the record only where no one is named
// hit, so without it the people a participle after it names ("…, wounding
// two drivers") would be all the attack hit. A bare plural ("struck
// militant hideouts") names a kind of target, not the one hit; a post a
// force holds ("a police patrol") stands for the force, and a place noun
// ("the village") for the place the sentence names.
func (d *docState) targetedObject(f *frame, ps *syntax.Sentence, ch *syntax.Chunk, np int) {
	if ch.Passive || !targetingVerbs.Has(ch.Lemma) || barePlural(ps, &ps.Chunks[np]) || placeNouns.Has(ps.Toks[ps.Chunks[np].Head].Norm) || len(d.npMentions(f.s, ps, np)) > 0 || !d.describes(f.s, ps, np, false) {
		return
	}
	if d.venueTarget(f.s, ps, np) != nil || d.manningForce(f.s, ps, np) != nil || d.holdingGroup(f.s, ps, np) != nil || d.settlementPeople(f.s, ps, np) || unnamedVillage(ps, np) {
		return
	}
	f.aimedText = appendStr(f.aimedText, ps.Text(np))
}

// aimVerbs are the verbs of an intent whose object was the target: "meant
// to hit policemen".
var aimVerbs = grammarList("aimVerbs")

// pursuitWords name a pursuit of people by force: "in pursuit of
// raiders", "chasing bandits".
var pursuitWords = grammarList("pursuitWords")

// aspectInfinitive reports whether infinitive verb group c follows a
// verb of aspect or attempt that reports its act ("began to shell",
// "attempted to abduct"), not one intended ("plans to attack").
func aspectInfinitive(ps *syntax.Sentence, c int) bool {
	a := ps.Chunks[c].A
	return a >= 2 && ps.Toks[a].Norm == "to" && aspectVerbs.Has(ps.Toks[a-1].Norm)
}

// catenativeGerund reports whether verb group c is a gerund that
// continues, starts or ends the act of the verb right before it, whose
// subject it shares ("continued shelling", "will not stop bombing").
func catenativeGerund(ps *syntax.Sentence, c int) bool {
	ch := &ps.Chunks[c]
	if ch.Kind != syntax.VG || ps.Tags[ch.Head] != syntax.VerbIng || c == 0 {
		return false
	}
	cl := ps.ClauseOf(c)
	return cl != nil && cl.Inherited && cl.Subj >= 0 && ps.Chunks[c-1].Kind == syntax.VG && ps.Chunks[c-1].B == ch.A
}

// countryDoer reports whether country mention m, inside the phrase of an
// event noun of row def before its head, names the side that did it: a
// possessive or a demonym where the noun names what it hit in a phrase
// of its own ("Egypt's invasion of Libya", "the Egyptian assault on
// Tobruk"). Without one the country may be the victims' or the place
// ("the Armenian genocide", "Mosul's bombardment"); the sides of a clash
// are read apart.
func (d *docState) countryDoer(toks []text.Token, m *mention, def *frameDef, hit bool) bool {
	return hit && m.ent.class == ClassCountry && (m.possessive || d.asDemonym(toks, m) || countryInitials(toks, m)) && !def.symmetric
}

// asDemonym reports whether mention m is written as a demonym: read as
// one, or a country's name of one word that is also one of its demonyms
// ("Saudi", "Thai"), which the gazetteer reads as the name. Before an
// event noun it names the side that did it as any demonym does ("Saudi
// airstrikes", "a Thai raid").
func (d *docState) asDemonym(toks []text.Token, m *mention) bool {
	return m.demonym || m.ent.class == ClassCountry && m.b-m.a == 1 && d.r.isDemonym(&toks[m.a])
}

// leaderWords glue a name to an event noun as the side that led it: "the
// US-led strikes on Mosul", "a French-led offensive". The leader is its
// doer, whether or not the noun names what it hit.
var leaderWords = grammarList("leaderWords")

// backerWords glue a name to an event noun as a side that backed the
// doers: "the Iran-backed offensive", "a Turkish-funded raid". The backer
// did not do it.
var backerWords = grammarList("backerWords")

// gluedTo reports whether mention m is glued by a hyphen to one of words
// right after it: "US-led", "Iran-backed".
func gluedTo(toks []text.Token, m *mention, words wordSet) bool {
	return m.b+1 < len(toks) && toks[m.b].Norm == "-" && !toks[m.b].SpaceBefore && words.Has(toks[m.b+1].Norm)
}

// countryInitials reports whether country mention m is written with
// initials ("US", "U.S.", "UK", "UAE"): before an event noun they stand
// where a demonym would ("a US drone strike", "UK air strikes"), since
// news copy writes no demonym of them. Glued by a hyphen to what follows
// ("the US-controlled zone", "US-backed forces") they qualify it and do
// nothing.
func countryInitials(toks []text.Token, m *mention) bool {
	if m.b < len(toks) && toks[m.b].Norm == "-" {
		return false
	}
	for k := m.a; k < m.b; k++ {
		t := &toks[k]
		if t.Norm != "." && !t.AllCaps() {
			return false
		}
	}
	return true
}

// relativeDoers are the relative pronouns that open a clause whose subject
// is the phrase before them: "militants, who attacked a post", "the
// militia, which shelled the town".
var relativeDoers = grammarList("relativeDoers")

// doerRelative reports whether relative frame f opens a relative clause
// on a doer ("who", "which", "that") that continues no frame of its type before it in the
// sentence (before): the clause is then an event of its own.
func (d *docState) doerRelative(ps *syntax.Sentence, f *frame, before []*frame) bool {
	if f.a == 0 || !f.verb || !relativeDoers.Has(ps.Toks[f.a-1].Norm) {
		return false
	}
	for _, g := range before {
		if g.typ == f.typ {
			return false
		}
	}
	return true
}

// agentNounFrame fills an attack frame whose trigger is a noun for the
// one who attacks ("a suicide bomber"): the phrase is the actor, and where
// it is the subject of a clause that says what it did ("a suicide bomber
// blew himself up", "crashed into a patrol"), the clause's object and
// target phrases are what was hit and its place phrases where.
func (d *docState) agentNounFrame(f *frame, ps *syntax.Sentence) bool {
	c := -1
	for k := f.a; k < f.b && k < len(ps.ChunkOf); k++ {
		if x := ps.ChunkOf[k]; x >= 0 && ps.Chunks[x].Kind == syntax.NP && ps.Chunks[x].Head == k {
			c = x
		}
	}
	if c < 0 {
		return false
	}
	h, ok := loadWordLists().heads[ps.Toks[ps.Chunks[c].Head].Norm]
	if !ok || h.class != ClassArmedGroup {
		return false
	}
	if len(f.actors) == 0 {
		d.actorNP(f, ps, c, true)
	}
	rt := roleTable[EventAttack]
	for i := range ps.Clauses {
		cl := &ps.Clauses[i]
		v := &ps.Chunks[cl.Verb]
		if cl.Subj != c || v.Passive || v.Neg || v.Modal || v.Inf || v.Modifier || v.Reduced || loadArgWords().speech.Has(v.Lemma) {
			continue
		}
		f.reported = f.reported || !v.Participle
		var small [8]int // the chunks, on the stack
		for _, o := range ps.Objects(cl, small[:0]) {
			if !loadArgWords().reflexive.Has(ps.Toks[ps.Chunks[o].Head].Norm) && len(f.targets) == 0 && len(f.targetText) == 0 {
				d.targetNP(f, ps, o)
			}
		}
		for _, p := range cl.Preps {
			switch pr := ps.PrepOf(p); {
			case hasString(rt.target, pr) && len(f.targets) == 0 && len(f.targetText) == 0:
				d.targetNP(f, ps, p)
			case hasString(rt.place, pr):
				d.placeNP(f, ps, p)
			}
		}
	}
	return true
}

// contactDevice reports whether clause cl says its subject ran into a
// device ("an army vehicle struck an IED", "a herder stepped on a mine").
func contactDevice(ps *syntax.Sentence, cl *syntax.Clause) bool {
	w := loadArgWords()
	if cl.Subj < 0 || !w.contact.Has(ps.Chunks[cl.Verb].Lemma) {
		return false
	}
	if cl.Obj >= 0 && w.device.Has(ps.Toks[ps.Chunks[cl.Obj].Head].Norm) {
		return true
	}
	for _, p := range cl.Preps {
		if (ps.PrepOf(p) == "on" || ps.PrepOf(p) == "over") && w.device.Has(ps.Toks[ps.Chunks[p].Head].Norm) {
			return true
		}
	}
	return false
}

// contactTargets moves to the targets of the frames of a clause that says
// its subject ran into a device ("a police truck struck an IED") the
// doers the trigger lexicon took from that subject: the truck was hit,
// whoever set the device.
func (d *docState) contactTargets(ps *syntax.Sentence, found []*frame) {
	for i := range ps.Clauses {
		cl := &ps.Clauses[i]
		if !contactDevice(ps, cl) {
			continue
		}
		a, b := ps.Chunks[cl.Verb].A, ps.Chunks[cl.Verb].B
		for _, x := range append([]int{cl.Obj}, cl.Preps...) {
			if x >= 0 {
				b = max(b, ps.Chunks[x].B)
			}
		}
		for _, f := range found {
			if f.a < a || f.a >= b {
				continue
			}
			d.doersToTargets(f, ps, cl.Subj)
			if m := d.possessorMention(f.s, ps, cl.Subj); m != nil {
				// "three soldiers died when their truck hit a mine":
				// those whose vehicle ran into the device were hit
				d.mentionToTargets(f, m)
			}
			f.explicitActor = len(f.actors) > 0
		}
	}
}

// reducedVictims reads a past participle of violence right after a noun
// phrase that a preposition governs ("condolences to the families of the
// six soldiers killed", "help for those injured"): the phrase cannot be
// the subject of a verb, so the participle qualifies it, and the people
// it names were hurt, not the doers. Their entities move from the frame's
// actors to its targets, and the frame, a toll, joins the event it
// belongs to rather than starting one.
func (d *docState) reducedVictims(f *frame, ps *syntax.Sentence) {
	if !f.verb || f.typ != EventAttack || len(f.actors) == 0 || f.b-f.a != 1 || f.a >= len(ps.ChunkOf) {
		return
	}
	c := ps.ChunkOf[f.a]
	if c <= 0 || ps.Chunks[c].Kind != syntax.VG || ps.Chunks[c].A != f.a || ps.Tags[f.a] != syntax.VerbPast {
		return
	}
	np := &ps.Chunks[c-1]
	if np.Kind != syntax.NP || np.B != f.a || np.Prep < 0 {
		return
	}
	if clausePreps.Has(ps.Toks[np.Prep].Norm) {
		return // a clause may follow: "a day after the Guards attacked targets"
	}
	if cl := ps.ClauseOf(c); cl != nil && cl.Obj >= 0 {
		return // a participle that qualifies a noun takes no object
	}
	if d.doersToTargets(f, ps, c-1) {
		f.explicitActor = len(f.actors) > 0
		f.weak = true
	}
}

// passiveVictims reads a lexicon verb frame whose verb group the syntax
// reads as a passive with no auxiliary before it ("Four police officers
// killed.", "5 rebels shot dead as they fled", "two were killed and
// several others injured", "an officer was among those killed"): the
// lexicon, seeing no "was" or "were", took
// the subject for the doer; it names those who were hit, so its entities
// move from the frame's actors to its targets. The clause tells its harm
// as news, as the lexicon's reading did, so a weak verb ("killed") still
// reports an event where no other does.
func (d *docState) passiveVictims(f *frame, ps *syntax.Sentence) {
	if !f.verb || f.passive || len(f.actors) == 0 || f.a >= len(ps.ChunkOf) {
		return
	}
	c := ps.ChunkOf[f.a]
	if c < 0 || ps.Chunks[c].Kind != syntax.VG || !ps.Chunks[c].Passive || ps.Chunks[c].A != f.a {
		return
	}
	if ps.Chunks[c].Reduced && ps.PrepOf(c-1) != "among" {
		return // "among those killed": the one among them was hit
	}
	cl := ps.ClauseOf(c)
	if cl == nil || cl.Subj < 0 || cl.Agent >= 0 {
		return
	}
	moved := d.doersToTargets(f, ps, cl.Subj)
	if o := ps.Among(c - 1); o >= 0 && o != cl.Subj {
		moved = d.doersToTargets(f, ps, o) || moved // the one among them
	}
	if moved {
		f.explicitActor = len(f.actors) > 0
		f.passive, f.weak = true, false
	}
}

// clausePreps are the prepositions that may also open a clause.
var clausePreps = grammarList("clausePreps")

// doersToTargets moves to f's targets the entities named in chunk c of ps
// that f took as its doers (with their agents), and reports whether it
// moved any: the chunk names those who were hit.
func (d *docState) doersToTargets(f *frame, ps *syntax.Sentence, c int) bool {
	moved := false
	for _, m := range d.npMentions(f.s, ps, c) {
		moved = d.mentionToTargets(f, m) || moved
	}
	return moved
}

// mentionToTargets moves the entity of mention m from f's doers (with its
// agent) to its targets, and reports whether f had taken it as a doer.
func (d *docState) mentionToTargets(f *frame, m *mention) bool {
	actor, agent := d.actorOf(m, f.typ)
	if actor == nil || !containsEnt(f.actors, actor) {
		return false
	}
	f.actors = removeEnt(f.actors, actor)
	if agent != nil {
		f.agents = removeEnt(f.agents, agent)
	}
	f.targets = appendEnt(f.targets, m.ent)
	return true
}

// lightWithoutEvent reports whether verb frame f is a light verb
// ("launched", "carried out", "conducted") whose object is a noun phrase
// that names no event of its type: neither a row of the frame table nor
// a trigger of another frame of the sentence ("launched a search
// mission", "conducted a survey"; "carried out abductions" is an
// abduction, not an attack), where "launched an offensive" or "carried
// out air strikes" name one.
func lightWithoutEvent(ps *syntax.Sentence, m defMemo, f *frame, found []*frame) bool {
	var small [2]int // the chunks, on the stack
	objs, ok := lightObjects(ps, f, small[:0])
	if !ok {
		return false
	}
	for _, x := range objs {
		o := &ps.Chunks[x]
		if o.Head >= f.a && o.Head < f.b {
			return false
		}
		if def := m.pick(ps, x); def != nil && def.typ == f.typ {
			return false
		}
		for _, g := range found {
			if g != f && g.typ == f.typ && g.a <= o.Head && o.Head < g.b {
				return false
			}
		}
	}
	return true
}

// lightObjects appends to out the object of the light verb ("launch",
// "stage", "carry out") that heads frame f's trigger, and the phrase
// after it that it counts ("a series of attacks", "a wave of raids"); ok
// is false where no light verb with an object heads the trigger.
func lightObjects(ps *syntax.Sentence, f *frame, out []int) (objs []int, ok bool) {
	if !f.verb {
		return out, false
	}
	for k := f.b - 1; k >= f.a && k < len(ps.ChunkOf); k-- {
		c := ps.ChunkOf[k]
		if c < 0 || ps.Chunks[c].Head != k || ps.Chunks[c].Kind != syntax.VG {
			continue
		}
		if !lightFrameVerbs.Has(ps.Chunks[c].Lemma) {
			return out, false
		}
		cl := ps.ClauseOf(c)
		if cl == nil || cl.Obj < 0 {
			return out, false
		}
		out = append(out, cl.Obj)
		if x := cl.Obj + 1; x < len(ps.Chunks) && ps.PrepOf(x) == "of" {
			out = append(out, x)
		}
		return out, true
	}
	return out, false
}

// lightEventDef returns the row of the event noun that the light verb
// heading frame f's trigger governs, where the lexicon did not already
// join the noun to the trigger ("staged a siege", "mounted a
// bombardment"), nil otherwise: the noun says what kind of attack it was,
// not the light verb.
func lightEventDef(ps *syntax.Sentence, m defMemo, f *frame) *frameDef {
	var small [2]int // the chunks, on the stack
	objs, _ := lightObjects(ps, f, small[:0])
	for _, x := range objs {
		if h := ps.Chunks[x].Head; h >= f.a && h < f.b {
			return nil
		}
		if def := m.pick(ps, x); def != nil && def.typ == f.typ {
			return def
		}
	}
	return nil
}

// genericAttack returns, for an attack frame whose trigger the frame
// table does not hold ("struck", "fired", "air strikes"), a row that
// reads its clause as an attack's (its subject acts, its object and
// "on"/"against" phrases were hit) or its noun phrase as an attack
// noun's ("airstrikes by the coalition on two towns"), with the head of
// the trigger's chunk; nil when no chunk is headed by the trigger.
func genericAttack(ps *syntax.Sentence, f *frame) (*frameDef, int) {
	for k := f.b - 1; k >= f.a && k < len(ps.ChunkOf); k-- {
		c := ps.ChunkOf[k]
		if c < 0 || ps.Chunks[c].Head != k {
			continue
		}
		nominal := ps.Chunks[c].Kind == syntax.NP && ps.PrepOf(c) != "under"
		return &frameDef{typ: EventAttack, subtype: f.subtype, cameo: f.cameo, attachedOnly: nominal}, k
	}
	return nil, -1
}

// happened reports whether the clause around event noun c says it took
// place: its subject with a verb of occurrence ("clashes erupted", "an
// explosion occurred"), or the event in which people died or were hurt
// ("two killed in a grenade attack", "died amid clashes").
func happened(ps *syntax.Sentence, c int) bool {
	if inquiredInto(ps, c) || seriesBrokeOut(ps, c) || sequelOf(ps, c) {
		return true
	}
	for i := range ps.Clauses {
		cl := &ps.Clauses[i]
		v := &ps.Chunks[cl.Verb]
		if v.Neg || v.Modal {
			continue
		}
		if cl.Subj == c && !cl.Inherited && occurVerbs.Has(v.Lemma) {
			return true
		}
		if existential(ps, cl) && cl.Obj == c {
			return true // "there was an explosion near the market"
		}
		if performed(ps, cl, c) {
			return true // "it carried out an attack near the bridge"
		}
		if cl.Obj == c && !v.Passive && !v.Inf && !v.Modifier && witnessVerbs.Has(v.Lemma) {
			return true // "residents reported heavy shelling"
		}
		if cl.Subj == c && !cl.Inherited && !v.Passive && !v.Inf && !v.Modifier && resultVerbs.Has(v.Lemma) {
			return true // "an explosion ripped through a market", "the strike hit a school"
		}
		if victimVerbs.Has(v.Lemma) || v.Lemma == "die" {
			for _, p := range cl.Preps {
				if p == c && (ps.PrepOf(p) == "in" || ps.PrepOf(p) == "amid" || ps.PrepOf(p) == "amidst" || ps.PrepOf(p) == "during") {
					return true
				}
				if p == c && harmedAfter(v, ps.PrepOf(p)) {
					return true
				}
			}
		}
	}
	return false
}

// sequelOf reports whether noun phrase c, one event ("a", "an"), follows a
// sequel word ("after", "following", "since") in a sentence whose clauses
// report, none of them modal or negated: what they report came after the
// event, which so took place ("after an attack on the base, troops
// withdrew"; not "troops will withdraw after an attack"). "Since the
// attack" refers back to one told before, and "after gunfights" may be the
// clause's own fighting: neither starts an event here.
func sequelOf(ps *syntax.Sentence, c int) bool {
	a := ps.Chunks[c].A
	if a == 0 || !sequelPreps.Has(ps.Toks[a-1].Norm) || len(ps.Clauses) == 0 {
		return false
	}
	if w := ps.Toks[a].Norm; w != "a" && w != "an" {
		return false
	}
	for i := range ps.Clauses {
		if v := &ps.Chunks[ps.Clauses[i].Verb]; v.Modal || v.Neg {
			return false
		}
	}
	return true
}

// harmedAfter reports whether verb group v, a toll verb, and preposition
// prep tell people hurt by the event that follows: "six were injured
// following an explosion", "two died after a grenade attack". Only the
// verbs of the toll itself take the cause this way: "claimed
// responsibility after the attack" and "left after the raid" report
// nothing of it.
func harmedAfter(v *syntax.Chunk, prep string) bool {
	return causePreps.Has(prep) && tollLemmas.Has(v.Lemma)
}

// causePreps introduce the event that caused a toll; tollLemmas are the
// verbs of a toll that take one.
var causePreps, tollLemmas = grammarList("causePreps"), grammarList("tollLemmas")

// performed reports whether event noun c is what the finite clause cl
// says its doer performed: the object of a light verb ("the ministry
// carried out air strikes", "it launched an offensive") or the subject of
// its passive ("an attack was carried out near the bridge"). An
// infinitive ("plans to launch strikes") reports no act.
func performed(ps *syntax.Sentence, cl *syntax.Clause, c int) bool {
	v := &ps.Chunks[cl.Verb]
	if v.Neg || v.Modal || v.Inf && !aspectInfinitive(ps, cl.Verb) || v.Modifier || !lightFrameVerbs.Has(v.Lemma) && !attemptMade(ps, v, c) {
		return false
	}
	if vagueEventNouns.Has(ps.Toks[ps.Chunks[c].Head].Norm) {
		return false // "we begin this operation": announced, or no attack
	}
	if v.Passive {
		return cl.Subj == c && !cl.Inherited
	}
	return cl.Obj == c
}

// attemptMade reports whether verb group v makes the attempt that noun
// phrase c names by its head ("a murder attempt was made against
// the mayor", "gunmen made a kidnapping attempt"): the attempt is the act,
// as "attempted to kill" is (aspectVerbs). "Made" with any other noun
// ("made an announcement") performs no event.
func attemptMade(ps *syntax.Sentence, v *syntax.Chunk, c int) bool {
	return v.Lemma == "make" && attemptNouns.Has(ps.Chunks[c].Lemma)
}

// attemptNouns name an attempt at the act their modifier names.
var attemptNouns = grammarList("attemptNouns")

// performedAny reports whether a clause of ps says event noun c was
// performed (performed).
func performedAny(ps *syntax.Sentence, c int) bool {
	for i := range ps.Clauses {
		if performed(ps, &ps.Clauses[i], c) {
			return true
		}
	}
	return false
}

// inquiryNouns name an inquiry, which presupposes the event it looks into:
// "a probe into the bombing", "an investigation into the killing".
var inquiryNouns = grammarList("inquiryNouns")

// inquiredInto reports whether event noun c is what an inquiry before it
// looks into: "opened a probe into the bombing", "an inquiry over the
// shooting", "an inquiry has been opened for attempted murder" (the
// inquiry the subject of the passive verb right before the phrase).
func inquiredInto(ps *syntax.Sentence, c int) bool {
	if c == 0 || !inquiryPreps.Has(governingPrep(ps, c)) {
		return false
	}
	q := &ps.Chunks[c-1]
	if q.Kind == syntax.VG && q.Passive && c >= 2 {
		q = &ps.Chunks[c-2]
	}
	return q.Kind == syntax.NP && inquiryNouns.Has(q.Lemma)
}

// inquiryPreps link an inquiry to the event it looks into.
var inquiryPreps = grammarList("inquiryPreps")

// governingPrep returns the preposition of noun phrase c, or the one right
// before it over an article and quotation marks ("for an “attempted
// murder”", which the chunker leaves outside the phrase); "" where none.
func governingPrep(ps *syntax.Sentence, c int) string {
	if p := ps.PrepOf(c); p != "" {
		return p
	}
	for k := ps.Chunks[c].A - 1; k >= 0; k-- {
		switch w := ps.Toks[k].Norm; {
		case w == "a" || w == "an" || w == "the" || w == "\"" || w == "“" || w == "‘":
			continue
		case ps.Tags[k] == syntax.Prep:
			return w
		}
		break
	}
	return ""
}

// definiteNP reports whether noun phrase c refers to something known: a
// definite determiner or a possessor ("the slaying", "Saturday's attack").
func definiteNP(ps *syntax.Sentence, c int) bool {
	ch := &ps.Chunks[c]
	if ch.Possessor >= 0 {
		return true
	}
	// "the August 4 bombing": a date between the article and the phrase
	// (the tagger may take the month for a word of its own)
	dated := func(t *text.Token) bool { return dayWord(t) || t.Kind == text.Number }
	k := ch.A - 1
	for k >= 0 && k >= ch.A-3 && dated(&ps.Toks[k]) {
		k--
	}
	if k >= 0 && ps.Toks[k].Norm == "the" && (k < ch.A-1 || dated(&ps.Toks[ch.A])) {
		return true
	}
	switch ps.Toks[ch.A].Norm {
	case "the", "this", "that", "these", "those", "its", "their", "his", "her":
		return true
	}
	return false
}

// nounChunkAt returns the noun phrase whose head lies in tokens [a, b),
// or -1.
func nounChunkAt(ps *syntax.Sentence, a, b int) int {
	for k := a; k < b && k < len(ps.ChunkOf); k++ {
		if c := ps.ChunkOf[k]; c >= 0 && ps.Chunks[c].Head == k && ps.Chunks[c].Kind == syntax.NP {
			return c
		}
	}
	return -1
}

// existential reports whether clause cl says that something is there:
// "there was an explosion", "there were clashes".
func existential(ps *syntax.Sentence, cl *syntax.Clause) bool {
	if cl.Subj < 0 || cl.Inherited {
		return false
	}
	sj := &ps.Chunks[cl.Subj]
	return sj.B-sj.A == 1 && ps.Toks[sj.A].Norm == "there" && ps.Tags[ps.Chunks[cl.Verb].Head] == syntax.Be
}

// witnessVerbs tell of their object, an event, as a fact.
var witnessVerbs = grammarList("witnessVerbs")

// occurVerbs say that their subject, an event, took place.
var occurVerbs = grammarList("occurVerbs")

// sequelPreps put their event noun before what the clause reports: the
// event took place ("after an attack on the base, troops withdrew").
var sequelPreps = grammarList("sequelPreps")

// engageVerbs join two sides in the clash their "in" phrase names:
// "engaged police in a gun battle".
var engageVerbs = grammarList("engageVerbs")

// partakeVerbs say that their subject took part in the event their "in"
// phrase names.
var partakeVerbs = grammarList("partakeVerbs")

// partakes reports whether clause cl, a finite clause, says its subject
// took part in something: "participated", "took part", "were involved"
// (passive only: "the attack involved 30 fighters" names them as its
// object).
func partakes(ps *syntax.Sentence, cl *syntax.Clause) bool {
	v := &ps.Chunks[cl.Verb]
	if v.Neg || v.Inf || v.Modal || ps.Tags[v.A] == syntax.VerbIng || ps.Toks[v.A].Norm == "being" || !partakeVerbs.Has(v.Lemma) {
		return false // "suspected X of being involved": not reported
	}
	switch v.Lemma {
	case "take":
		return !v.Passive && cl.Obj >= 0 && ps.Chunks[cl.Obj].Lemma == "part"
	case "involve":
		return v.Passive
	}
	return !v.Passive
}

// habitual reports whether an event noun at token a is one of many ("a
// series of attacks", "dozens of raids"): a habit, not an event.
func (d *docState) habitual(si, a int) bool {
	toks := d.sents[si].Tokens
	if a >= 2 && toks[a-1].Norm == "of" {
		switch toks[a-2].Norm {
		case "hundreds", "dozens", "thousands", "scores", "number", "series", "wave", "spate", "string":
			return true
		}
	}
	return false
}

// habitVerb reports whether the event words at tokens [a, b) of sentence
// si tell a habit, not an event: a habit word next to them ("X
// frequently attacks", "X regularly raids villages") in a sentence of
// background, or a perfect bounded by a year it has gone on since
// (perfectSinceYear). A passive ("is regularly attacked by") is left an
// event.
func (d *docState) habitVerb(si, a, b int) bool {
	toks := d.sents[si].Tokens
	for k := max(a-3, 0); k < a; k++ {
		if markBe.has(&toks[k]) {
			return false // "a clinic is regularly attacked by gunmen": one told as an event
		}
	}
	for k := max(a-1, 0); k <= b && k < len(toks); k++ {
		if markHabit.has(&toks[k]) && d.background(si) {
			return true
		}
	}
	return perfectSinceYear(toks, a, b)
}

// perfectSinceYear reports whether the verb at tokens [a, b) is a
// perfect ("has killed", "have displaced") that a "since" with a year
// after it bounds ("the insurgency has killed 4,000 people since 2017",
// "have died since March 2021"): a tally of many events over years, not
// one event.
func perfectSinceYear(toks []text.Token, a, b int) bool {
	return tallyAt(toks, a, b)
}

// tallyAt reports whether the words at tokens [a, b) (a verb group, or
// a figure) lie in a perfect clause bounded by "since" and a year: a
// "has", "have" or "had" from a on or at most five words before it
// ("has killed more than 4,000"),
// then "since [month] year" after b with no clause break between.
//
// The first "since" (with a word after it) or clause break from b on
// decides, and most clauses hold no "since": the words before it are
// read for the perfect only once one is found.
func tallyAt(toks []text.Token, a, b int) bool {
	since := -1
	for k := b; k < len(toks) && since < 0; k++ {
		switch w := toks[k].Norm; {
		case w == "," || w == ";" || w == ".":
			return false
		case w == "since" && k+1 < len(toks):
			since = k
		}
	}
	if since < 0 {
		return false
	}
	// the perfect as it stands at the "since": a break before b ends
	// the one before it (no break lies between b and the "since")
	perfect := false
	for k := max(a-5, 0); k < since; k++ {
		switch w := toks[k].Norm; {
		case w == "has" || w == "have" || w == "had":
			perfect = true
		case w == "," || w == ";" || w == ".":
			perfect = false
		}
	}
	return perfect && yearsBackAt(toks, since+1)
}

// yearsBackAt reports whether the words from token i name a time a year
// or more back, as a tally's "since" gives it: a year ("since 2017"), a
// month with its year ("since March 2021", "since May last year"), or
// "last year". A day or a month alone ("since Monday", "since March")
// may be days back, and a tally of days may still be one incident's.
func yearsBackAt(toks []text.Token, i int) bool {
	if _, month := months.Get(toks[i].Norm); month {
		i++
	}
	return yearOf(toks, i) > 0 || i+1 < len(toks) && toks[i].Norm == "last" && toks[i+1].Norm == "year"
}

// recordOf reports whether the event noun at token a of sentence si is
// counted as many and held against someone ("X has been blamed for
// several attacks", "responsible for numerous deadly raids") or told as
// the setting ("the region has seen several attacks"): a record, not an
// event. Many events alone ("comments about previous attacks") are
// still events.
func (d *docState) recordOf(si, a int) bool {
	toks := d.sents[si].Tokens
	for k := a - 1; k >= 0 && k >= a-2; k-- {
		if !markMany.has(&toks[k]) {
			continue
		}
		if k > 0 && toks[k-1].Norm == "for" || d.setting(si) {
			return true
		}
	}
	return false
}

// seriesHeads count events by the run they form: "a wave of shootings",
// "an outbreak of fighting".
var seriesHeads = grammarList("seriesHeads")

// seriesBrokeOut reports whether the run that event noun c counts ("a
// wave of shootings") is the subject of a verb of occurrence: "a burst of
// shelling broke out overnight" tells one outbreak that happened, not a
// habit.
func seriesBrokeOut(ps *syntax.Sentence, c int) bool {
	if c < 1 || ps.PrepOf(c) != "of" || ps.Chunks[c].A != ps.Chunks[c-1].B+1 || !seriesHeads.Has(ps.Toks[ps.Chunks[c-1].Head].Norm) {
		return false
	}
	for i := range ps.Clauses {
		cl := &ps.Clauses[i]
		v := &ps.Chunks[cl.Verb]
		if cl.Subj == c-1 && !cl.Inherited && !v.Neg && !v.Modal && !v.Inf && occurVerbs.Has(v.Lemma) {
			return true
		}
	}
	return false
}

// coveredBy reports whether token h lies in the trigger of a frame.
func coveredBy(fs []*frame, h int) bool {
	for _, f := range fs {
		if f.a <= h && h < f.b {
			return true
		}
	}
	return false
}

// frameAt returns the table row that names the chunk whose head lies in
// tokens [a, b), with that head (m, ps's memo or nil, keeps the rows).
func frameAt(ps *syntax.Sentence, m defMemo, a, b int) (*frameDef, int) {
	for k := a; k < b && k < len(ps.ChunkOf); k++ {
		c := ps.ChunkOf[k]
		if c < 0 || ps.Chunks[c].Head != k {
			continue
		}
		if def := m.pick(ps, c); def != nil {
			return def, k
		}
	}
	return nil, -1
}

// peopleKilling returns def, the row that killing noun phrase c names,
// unless the "of" phrase right after it names animals: "the slaughter of
// cattle", "the killing of stray dogs" kill no person (nil).
func peopleKilling(ps *syntax.Sentence, c int, def *frameDef) *frameDef {
	if def.ofPeople {
		return ofPeopleNoun(ps, c, def)
	}
	if def.subtype != "killing" {
		return def
	}
	n := c + 1
	if n < len(ps.Chunks) && ps.Chunks[n].Kind == syntax.NP && ps.PrepOf(n) == "of" && ps.Chunks[n].A == ps.Chunks[c].B+1 && animalNouns.Has(ps.Chunks[n].Lemma) {
		return nil
	}
	return def
}

// ofPeopleNoun returns def, the row of an ofPeople noun that heads noun
// phrase c, where the "of" phrase right after it names people, of any
// kind or by name ("the hanging of two soldiers", "the poisoning of
// Omar Haidari"); nil otherwise ("the hanging of lanterns", "food
// poisoning").
func ofPeopleNoun(ps *syntax.Sentence, c int, def *frameDef) *frameDef {
	n := c + 1
	if n >= len(ps.Chunks) || ps.Chunks[n].Kind != syntax.NP || ps.PrepOf(n) != "of" || ps.Chunks[n].A != ps.Chunks[c].B+1 {
		return nil
	}
	if heldPeople(ps, n) || anyPeopleHead(ps, n) {
		return def
	}
	if _, tag := ps.Word(ps.Chunks[n].Head); tag == syntax.Proper {
		return def
	}
	return nil
}

// pickDef returns the row that names chunk c: a verb group's lemma among
// the row's verbs (with the object the row needs), or a noun phrase's head
// lemma among its nouns.
func pickDef(ps *syntax.Sentence, c int) *frameDef {
	ch := &ps.Chunks[c]
	if ch.Kind == syntax.NP {
		if _, t := ps.Word(ch.Head); t != syntax.Noun && !(t == syntax.Proper && namedEvent(ps, ch)) {
			return nil
		}
		// a gerund keeps its form as a noun ("bombing", "shelling"); a
		// lemma that is the word itself is not asked twice
		if defs := frames.noun(ps.Toks[ch.Head].Norm); len(defs) > 0 {
			return peopleKilling(ps, c, defs[0])
		}
		if ch.Lemma != ps.Toks[ch.Head].Norm {
			if defs := frames.noun(ch.Lemma); len(defs) > 0 {
				return peopleKilling(ps, c, defs[0])
			}
		}
		// "an assassination attempt", "a bombing attempt": an attack
		// that was made, whatever it achieved
		if k := ch.Head - 1; ch.Lemma == "attempt" && k >= ch.A {
			if defs := frames.noun(ps.Toks[k].Norm); len(defs) > 0 && defs[0].typ == EventAttack {
				return defs[0]
			}
		}
		return nil
	}
	defs := frames.verb(ch.Lemma)
	if p := particleOf(ps, c); p != "" {
		if pd := frames.verb(ch.Lemma + " " + p); len(pd) > 0 {
			defs = pd
		}
	}
	for _, def := range defs {
		if def.fends {
			if fendsDoers(ps, c) {
				return def
			}
			continue
		}
		if len(def.after) > 0 {
			if burntAfter(ps, c, def.after) {
				return def
			}
			continue
		}
		if len(def.objects) == 0 && len(def.subjects) == 0 && !def.peopleObject {
			return def
		}
		cl := ps.ClauseOf(c)
		if cl == nil {
			continue
		}
		if len(def.subjects) > 0 {
			// "two rockets landed": the munition is the subject
			// ("Mortars rained down": a capital the tagger took for a
			// name keeps its plural)
			if sj := cl.Subj; sj >= 0 && !ch.Passive && (hasString(def.subjects, ps.Chunks[sj].Lemma) || hasString(def.subjects, strings.TrimSuffix(ps.Chunks[sj].Lemma, "s"))) {
				return def
			}
			continue
		}
		// the object, the word after the verb ("was held hostage"), or
		// the subject of a passive ("a grenade was thrown")
		subj := -1
		if ch.Passive {
			subj = cl.Subj
		}
		// "took six crewmen as hostages"
		as := -1
		for j := c + 1; j < len(ps.Chunks) && j <= c+3; j++ {
			if ps.PrepOf(j) == "as" {
				as = j
			}
		}
		for _, o := range []int{cl.Obj, c + 1, subj, as} {
			if o < 0 || o >= len(ps.Chunks) || ps.Chunks[o].Kind != syntax.NP || o == c+1 && ps.Chunks[o].A != ch.B {
				continue
			}
			if def.peopleObject {
				if o != as && (heldPeople(ps, o) || peopleAboard(ps, o) >= 0 || def.anyPeople && hangedPeople(ps, c, o)) {
					return def
				}
				continue
			}
			for k := ps.Chunks[o].A; k < ps.Chunks[o].B; k++ {
				if hasString(def.objects, ps.Lemmas[k]) {
					return def
				}
			}
		}
	}
	return nil
}

// namedEvent reports whether the proper noun that heads chunk ch names an
// event after its place: a capital event noun before "of" ("the Battle of
// Adwa", "the Siege of Kalvar"), which the tagger reads as a name.
func namedEvent(ps *syntax.Sentence, ch *syntax.Chunk) bool {
	h := ch.Head
	return h == ch.B-1 && ch.B < len(ps.Toks) && ps.Toks[ch.B].Norm == "of" && len(frames.noun(ps.Toks[h].Norm)) > 0
}

// heldPeople reports whether noun phrase o names people that a seizure
// takes: a head of civilians in the participants lexicon ("two aid
// workers", "the crew") or people counted with no word of what they are
// ("three men"). A force, a suspect, a place or a vehicle is no such
// phrase.
func heldPeople(ps *syntax.Sentence, o int) bool {
	ch := &ps.Chunks[o]
	w := ps.Toks[ch.Head].Norm
	if h, ok := loadWordLists().heads[w]; ok && h.class == ClassCivilians {
		return true
	}
	if k := ch.Head - 1; k >= ch.A && (w == "members" || w == "member") {
		// "its eleven crew members", "two staff members": the people
		// the word before the head names
		if h, ok := loadWordLists().heads[ps.Toks[k].Norm]; ok && h.class == ClassCivilians {
			return true
		}
	}
	if !countedPeople.Has(w) || ch.B-ch.A < 2 {
		return false
	}
	_, end, ok := numberAt(ps.Toks, ch.A)
	return ok && end == ch.Head
}

// burntAfter reports whether one of words (a word or two: "ablaze", "on
// fire") follows verb group c within its clause, after its object ("set
// the market ablaze", "set three houses on fire"), or right after it where
// it is passive ("the church was set ablaze"). A comma or another verb
// ends the search ("set up a camp, and the camp was ablaze").
func burntAfter(ps *syntax.Sentence, c int, words []string) bool {
	b := ps.Chunks[c].B
	for k := b; k < len(ps.Toks) && k < b+10; k++ {
		for _, w := range words {
			if phraseAt(ps.Toks, k, w) {
				return k > b || ps.Chunks[c].Passive // an object comes first, unless its subject is the object ("was set ablaze")
			}
		}
		if t := ps.Tags[k]; t == syntax.Punct || t == syntax.Verb || t == syntax.VerbPast || t == syntax.VerbIng {
			return false
		}
	}
	return false
}

// phraseAt reports whether the words of phrase (split at spaces) are the
// tokens at k.
func phraseAt(toks []text.Token, k int, phrase string) bool {
	for _, w := range strings.Fields(phrase) {
		if k >= len(toks) || toks[k].Norm != w {
			return false
		}
		k++
	}
	return true
}

// hangedPeople reports whether noun phrase o, what verb group c takes,
// names people of any kind: a head of the participants lexicon that
// stands alone, armed or not ("two soldiers", "a journalist", "the
// prisoners"), or a name where the verb is written "hanged", the form
// only people take ("militants hanged Omar Haidari"; a portrait is
// "hung").
func hangedPeople(ps *syntax.Sentence, c, o int) bool {
	if anyPeopleHead(ps, o) {
		return true
	}
	_, tag := ps.Word(ps.Chunks[o].Head)
	return tag == syntax.Proper && ps.Toks[ps.Chunks[c].Head].Norm == "hanged"
}

// peopleObject reports whether clause cl has an object headed by a word
// that names people ("shot two police officers"): what a phrase after
// "at" then names is where they were hit, not what was.
func peopleObject(ps *syntax.Sentence, cl *syntax.Clause) bool {
	if cl == nil {
		return false
	}
	var small [8]int // the chunks, on the stack
	for _, o := range ps.Objects(cl, small[:0]) {
		if anyPeopleHead(ps, o) {
			return true
		}
	}
	return false
}

// anyPeopleHead reports whether noun phrase o is headed by a word of the
// participants lexicon that names people alone, armed or not ("two
// soldiers", "a journalist", "the prisoners"), not one that needs a
// modifier ("forces", "aircraft").
func anyPeopleHead(ps *syntax.Sentence, o int) bool {
	h, ok := loadWordLists().heads[ps.Toks[ps.Chunks[o].Head].Norm]
	return ok && h.kind != "needs-modifier"
}

// groupDoer reports whether the doer of verb group c (its active
// subject, its passive's agent) is an armed group that no state fields:
// what it takes by force ("pirates captured a ship with its crew") it
// abducts, where a state force arrests.
func (d *docState) groupDoer(s int, ps *syntax.Sentence, c int) bool {
	np := -1
	if cl := ps.ClauseOf(c); cl != nil && ps.Chunks[c].Passive {
		np = cl.Agent
	} else if cl != nil {
		np = cl.Subj
	}
	if np < 0 {
		return false
	}
	ms := d.npMentions(s, ps, np)
	if len(ms) == 0 {
		// a described doer not yet read: its head ("rebels", "pirates")
		return loadWordLists().heads[ps.Toks[ps.Chunks[np].Head].Norm].class == ClassArmedGroup
	}
	for _, m := range ms {
		if m.ent.class != ClassArmedGroup {
			return false
		}
	}
	return true
}

// conveyanceHeads are the words for a ship, boat, bus or plane whose
// seizure takes the people aboard it.
var conveyanceHeads = grammarList("conveyanceHeads")

// peopleAboard returns the noun phrase of the people aboard the ship,
// boat, bus or plane that noun phrase o names, or -1: a "with" phrase
// right after it ("a tanker with 19 crew on board") or a phrase conjoined
// to it ("a trawler and its eleven crew members"). Seizing such a
// conveyance takes its people: an abduction, the people its targets.
func peopleAboard(ps *syntax.Sentence, o int) int {
	if o+1 >= len(ps.Chunks) || !conveyanceHeads.Has(ps.Chunks[o].Lemma) && !conveyanceHeads.Has(ps.Toks[ps.Chunks[o].Head].Norm) {
		return -1
	}
	j := o + 1
	if ps.Chunks[j].Kind != syntax.NP || ps.Chunks[j].A > ps.Chunks[o].B+1 {
		return -1
	}
	if ps.PrepOf(j) == "with" || ps.Chunks[j].Prep < 0 && ps.Toks[ps.Chunks[o].B].Norm == "and" {
		if heldPeople(ps, j) {
			return j
		}
	}
	return -1
}

// definiteDevice reports whether the device that verb group c of an
// instrument row places or throws (its object, the subject of its
// passive) is definite: "the mine had been left there by the army" speaks
// of the mine of a blast the document told of.
func definiteDevice(ps *syntax.Sentence, c int, def *frameDef) bool {
	cl := ps.ClauseOf(c)
	if cl == nil || ps.Chunks[c].Kind != syntax.VG {
		return false
	}
	o := cl.Obj
	if ps.Chunks[c].Passive {
		o = cl.Subj
	}
	return o >= 0 && hasString(def.objects, ps.Chunks[o].Lemma) && definiteNP(ps, o)
}

// particleOf returns the adverbial particle of verb group c: its own
// ("blew up"), or one that follows a pronoun object ("blew himself up",
// "shot it down"); "" where it has none.
func particleOf(ps *syntax.Sentence, c int) string {
	ch := &ps.Chunks[c]
	if ch.Particle != "" {
		return ch.Particle
	}
	if c+1 >= len(ps.Chunks) {
		return ""
	}
	o := &ps.Chunks[c+1]
	if o.Kind != syntax.NP || o.A != ch.B || o.B-o.A != 1 || ps.Tags[o.A] != syntax.Pron || o.B >= len(ps.Toks) {
		return ""
	}
	switch w := ps.Toks[o.B].Norm; w {
	case "up", "down", "off", "out":
		return w
	}
	return ""
}

// nextVerb returns the verb group after chunk c, or -1.
func nextVerb(ps *syntax.Sentence, c int) int {
	for j := c + 1; j < len(ps.Chunks); j++ {
		if ps.Chunks[j].Kind == syntax.VG {
			return j
		}
	}
	return -1
}

// clausePlaces appends to places the phrases of clause cl whose
// preposition places a frame of role table rt.
func clausePlaces(ps *syntax.Sentence, cl *syntax.Clause, rt frameRoles, places []int) []int {
	for _, p := range cl.Preps {
		if hasString(rt.place, ps.PrepOf(p)) {
			places = append(places, p)
		}
	}
	return places
}

// duringPlaces appends to places the phrases of clause cl (a clause of
// what the frame's people were doing, syntax.During) that place a frame
// of role table rt, each with the "of" phrase that names it ("near the
// town of X").
func duringPlaces(ps *syntax.Sentence, cl *syntax.Clause, rt frameRoles, places []int) []int {
	last := -1
	for _, p := range cl.Preps {
		switch {
		case hasString(rt.place, ps.PrepOf(p)):
			places, last = append(places, p), p
		case last >= 0 && ps.PrepOf(p) == "of" && ps.Chunks[p].Prep == ps.Chunks[last].B:
			places, last = append(places, p), p
		default:
			last = -1
		}
	}
	return places
}

// synRoles are the chunks that fill each role of one frame.
type synRoles struct {
	actors, targets, places, sides []int
	// victims are the people a participle after the event says it hurt
	// (", injuring seven civilians"): its targets where nothing else is
	victims []int
	// during are the places of a clause of what the victims were doing
	// ("while driving near the town of X"): the event took place there,
	// besides any place its own clause names
	during []int
	// doers: the actors are the doers of a clause (subject, "by"
	// phrase), where a person acts in their own name
	doers bool
	// result: the event noun is the subject of a verb that says what
	// it did ("an airstrike hit a hospital"): its clause tells it
	result bool
	// fended: the targets that fought the event off ("soldiers
	// repelled the attack"), whom the trigger lexicon's window may
	// have taken for its doers
	fended []int
}

// fendedDoers name the doers of an attack the document reports, as the
// object of a verb of fighting them off: "repulsed the attackers".
var fendedDoers = grammarList("fendedDoers")

// fendsDoers reports whether the clause of verb group c, a verb of
// fighting off, has the doers of an attack for its object (the subject of
// its passive): "drove back the raiders", "the gunmen were repulsed".
func fendsDoers(ps *syntax.Sentence, c int) bool {
	cl := ps.ClauseOf(c)
	if cl == nil {
		return false
	}
	o := cl.Obj
	if ps.Chunks[c].Passive {
		o = cl.Subj
	}
	return o >= 0 && fendedDoers.Has(ps.Toks[ps.Chunks[o].Head].Norm)
}

// fender gives r, the roles of a frame that fends, its one target: the
// subject of clause cl, the agent where the clause is passive ("the
// raiders were beaten back by guards").
func fender(ps *syntax.Sentence, cl *syntax.Clause, passive bool, r *synRoles) {
	who := cl.Subj
	if passive {
		who = cl.Agent
	}
	if who >= 0 {
		r.targets = append(r.targets, who)
		r.fended = append(r.fended, who)
	}
}

// eventDone reports whether passive clause cl has a light verb whose
// subject is what was done, no person nor name: "strikes launched by the
// coalition", "raids carried out by militias" hit nothing themselves.
func eventDone(ps *syntax.Sentence, cl *syntax.Clause) bool {
	return lightFrameVerbs.Has(ps.Chunks[cl.Verb].Lemma) && !personHead(ps, cl.Subj) && !properHead(ps, cl.Subj)
}

// rolesOf reads the roles of the frame whose trigger heads chunk c.
func rolesOf(ps *syntax.Sentence, def *frameDef, c int) synRoles {
	var r synRoles
	rt := roleTable[def.typ]
	ch := &ps.Chunks[c]
	peopleHit := ch.Kind == syntax.VG && peopleObject(ps, ps.ClauseOf(c))
	prep := func(np int, nominal bool) {
		p := ps.PrepOf(np)
		switch {
		case p == "by" && nominal:
			r.actors = append(r.actors, np)
		case p == "of" && nominal && np == c+1 && !def.symmetric:
			// "the bombing of the federal building", "the killing of
			// seven demonstrators": the noun's object is what was hit
			r.targets = append(r.targets, np)
		case def.symmetric && hasString(rt.sides, p):
			r.sides = append(r.sides, np)
		case p == "to" && def.toTarget:
			r.targets = append(r.targets, np)
		case p == "of" && nominal && !def.symmetric && ps.Chunks[np].A == ch.B+1 && def.typ == EventAttack:
			// the patient of an event noun: "the killing of the envoy",
			// "the shelling of the town"
			r.targets = append(r.targets, np)
		case hasString(rt.target, p) && !(nominal && p == "at") && (def.instrument || nominal || p != "at" && p != "into" || (ch.Lemma == "fire" || ch.Lemma == "shoot") && !peopleHit):
			// "fired at the car", "fired rockets at the base", not
			// "shot two officers at a checkpoint": where the people
			// hit stood
			r.targets = append(r.targets, np)
		case hasString(rt.place, p):
			r.places = append(r.places, np)
		}
	}
	if ch.Kind == syntax.VG {
		cl := ps.ClauseOf(c)
		if cl == nil {
			return r
		}
		r.doers = true
		if def.fends {
			fender(ps, cl, ch.Passive, &r)
			return r
		}
		if ch.Passive {
			if cl.Agent >= 0 {
				// "attacked by bandits and deserters": every phrase
				// the "by" lists acts
				r.actors = append(r.actors, agentList(ps, cl.Agent)...)
			}
			if cl.Subj >= 0 && def.needAgent {
				r.victims = append(r.victims, cl.Subj) // "two were killed"
			} else if cl.Subj >= 0 && !eventDone(ps, cl) {
				r.targets = append(r.targets, cl.Subj)
				if j := peopleAboard(ps, cl.Subj); j >= 0 && def.peopleObject {
					r.targets = append(r.targets, j) // "a bus with 30 passengers was hijacked"
				}
			}
		} else if contactDevice(ps, cl) {
			// "an army vehicle struck an IED": the subject was hit by
			// the device, whoever set it
			r.targets = append(r.targets, cl.Subj)
		} else {
			if cl.Subj >= 0 {
				r.actors = append(r.actors, cl.Subj)
			}
			if def.peopleObject {
				// "pirates seized a tanker with 19 crew on board": the
				// people taken with it
				var small [8]int // the chunks, on the stack
				for _, o := range ps.Objects(cl, small[:0]) {
					if j := peopleAboard(ps, o); j >= 0 {
						r.targets = append(r.targets, j)
					}
				}
			}
			if o := relativeTarget(ps, cl); o >= 0 && !def.instrument {
				// "the checkpoint that the militants attacked": what
				// the relative word stands for was hit
				if def.needAgent {
					r.victims = append(r.victims, o)
				} else {
					r.targets = append(r.targets, o)
				}
			}
			if def.needAgent {
				r.victims = ps.Objects(cl, r.victims)
			} else if !def.instrument {
				// the object, unless it is the word the row needs
				// ("opened fire"): "took nine sailors as hostages"
				var small [8]int // the chunks, on the stack
				for _, o := range ps.Objects(cl, small[:0]) {
					if !hasString(def.objects, ps.Chunks[o].Lemma) || nounBeforeHead(ps, o) || inflectedHead(ps, o) {
						// "took several herders hostage": the chunker
						// joined the people to the row's word; "held
						// hostages": the word counts the people held
						r.targets = append(r.targets, o)
					}
				}
			}
		}
		for _, p := range cl.Preps {
			prep(p, false)
		}
		// ", wounding 13 people in Lyon": the participle that follows
		// gives the event its victims and place
		if next := ps.ClauseOf(nextVerb(ps, c)); next != nil && ps.Chunks[next.Verb].Participle && !ps.Chunks[next.Verb].Modifier && next.Inherited {
			if resultVerbs.Has(ps.Chunks[next.Verb].Lemma) {
				// the victims count where no one else was hit
				// (fillFromSyntax): "threw a grenade into a
				// church, injuring worshippers"
				r.victims = ps.Objects(next, r.victims)
			}
			r.places = clausePlaces(ps, next, rt, r.places)
		}
		// "were shot dead in the region while driving near the town of
		// X": the place of what the victims were doing is the event's
		if next := ps.ClauseOf(nextVerb(ps, c)); next != nil && next.Inherited && ps.During(next.Verb) {
			r.during = duringPlaces(ps, next, rt, r.during)
		}
		return r
	}
	// a noun: its modifiers and possessor, the phrases attached to it, and
	// the clause it stands in
	under := ch.Prep >= 0 && ps.Toks[ch.Prep].Norm == "under"
	var small [8]int // the chunks, on the stack
	attached := ps.Attached(c, small[:0])
	blamee := blamedFor(ps, c, attached)
	if blamee >= 0 {
		r.actors = append(r.actors, blamee)
		r.doers = true
	}
	for _, p := range attached {
		if under && ps.PrepOf(p) == "from" {
			r.actors = append(r.actors, p) // "came under attack from X"
			continue
		}
		if p == blamee {
			continue
		}
		prep(p, true)
	}
	if def.attachedOnly {
		r.places, r.victims = nil, nil
		// the clause whose subject the noun is speaks of it: "an
		// airstrike hit a hospital", "a drone strike killed two"
		// and the light verb that says it was done tells its doer:
		// "the ministry carried out airstrikes on the depot" (not "asked
		// to resume air strikes")
		for i := range ps.Clauses {
			cl := &ps.Clauses[i]
			_ = subjectResult(ps, cl, c, &r, nil) || performed(ps, cl, c) && lightDoer(ps, cl, c, &r, nil) || haltDoer(ps, cl, c, &r)
		}
		return r
	}
	if under {
		// "the convoy came under attack", "the base was under fire":
		// the subject of the clause is what was hit
		for i := range ps.Clauses {
			if cl := &ps.Clauses[i]; cl.Subj >= 0 && !cl.Inherited && inPreps(ps, cl, c, "under") {
				r.targets = append(r.targets, cl.Subj)
			}
		}
	}
	// "X claimed responsibility for the bombing": X did it
	if ch.Prep >= 0 && ps.Toks[ch.Prep].Norm == "for" && c > 0 && ps.Chunks[c-1].Kind == syntax.NP && ps.Chunks[c-1].Lemma == "responsibility" {
		for i := range ps.Clauses {
			if cl := &ps.Clauses[i]; cl.Obj == c-1 && cl.Subj >= 0 && !ps.Chunks[cl.Verb].Neg && !loadModalLists().deny.Has(ps.Toks[ps.Chunks[cl.Verb].Head].Norm) {
				r.actors = append(r.actors, cl.Subj)
				r.doers = true
			}
		}
	}
	for i := range ps.Clauses {
		cl := &ps.Clauses[i]
		v := &ps.Chunks[cl.Verb]
		switch {
		case lightDoer(ps, cl, c, &r, func(p int) { prep(p, false) }):
		case haltDoer(ps, cl, c, &r):
		case cl.Obj == c && !v.Passive && (v.Lemma == "survive" || repelVerbs.Has(v.Lemma) && !possessed(ps, c)) && cl.Subj >= 0:
			// "the president survived an assassination attempt",
			// "soldiers repelled the attack": the one who survived or
			// fought it off was its target
			r.targets = append(r.targets, cl.Subj)
			r.fended = append(r.fended, cl.Subj)
		case cl.Subj == c && v.Passive && repelVerbs.Has(v.Lemma) && cl.Agent >= 0 && !possessed(ps, c):
			// "the attack was repelled by the army": the army was hit
			r.targets = append(r.targets, cl.Agent)
			r.fended = append(r.fended, cl.Agent)
		case def.symmetric && !v.Passive && engageVerbs.Has(v.Lemma) && inPreps(ps, cl, c, "in"):
			// "hunters engaged police in a gun battle": the subject and
			// the object are the sides
			if cl.Subj >= 0 {
				r.sides = append(r.sides, cl.Subj)
			}
			r.sides = ps.Objects(cl, r.sides)
		case cl.Subj >= 0 && cl.Subj != c && partakes(ps, cl) && inPreps(ps, cl, c, "in"):
			// "twenty men were involved in the ambush",
			// "fighters took part in the raid": the subject is among
			// the doers, or a side of a clash
			if def.symmetric {
				r.sides = append(r.sides, cl.Subj)
			} else {
				r.actors = append(r.actors, cl.Subj)
				r.doers = true
			}
		case (cl.Subj == c || cl.Subj == c-1 && seriesBrokeOut(ps, c)) && !cl.Inherited && occurVerbs.Has(v.Lemma):
			// "clashes erupted between X and Y in Z", "a burst of
			// shelling broke out in Z"
			for _, p := range cl.Preps {
				prep(p, true)
			}
		case v.Passive && cl.Subj >= 0 && !cl.Inherited && resultVerbs.Has(v.Lemma) && (cl.Agent == c || inPreps(ps, cl, c, "in")):
			// "the building was shattered by an explosion", "two
			// houses were destroyed in the blast": the subject was hit
			if victimVerbs.Has(v.Lemma) {
				r.victims = append(r.victims, cl.Subj)
			} else {
				r.targets = append(r.targets, cl.Subj)
			}
		case subjectResult(ps, cl, c, &r, func(p int) { prep(p, false) }):
		}
	}
	return r
}

// haltDoer reads clause cl when its verb of ceasing takes event noun c
// as its subject's own acts (haltVerbs, ownActs: "the deal required
// that the general halt air strikes on the port", "the rebels must
// cease their raids"): the subject did them, whether or not it halts
// them. It reports whether cl is such a clause.
func haltDoer(ps *syntax.Sentence, cl *syntax.Clause, c int, r *synRoles) bool {
	v := &ps.Chunks[cl.Verb]
	if cl.Obj != c || v.Passive || cl.Subj < 0 || !haltVerbs.Has(v.Lemma) || !ownActs(ps, c) {
		return false
	}
	r.actors = append(r.actors, cl.Subj)
	r.doers = true
	return true
}

// ownActs reports whether noun phrase c names acts as its doer's own,
// so that the subject of a verb of ceasing that takes it did them
// (haltDoer): a bare plural or one opened by a possessive ("halt air
// strikes on the port", "cease its raids"), not acts that an article or
// a demonstrative picks out, which may be another's ("troops halted the
// attack on the base" fended it off).
func ownActs(ps *syntax.Sentence, c int) bool {
	ch := &ps.Chunks[c]
	if ch.A == ch.Head {
		return strings.HasSuffix(ps.Toks[ch.Head].Norm, "s")
	}
	return ps.Tags[ch.A] == syntax.Poss
}

// lightDoer reads clause cl when event noun c is what its light verb
// says was done ("X carried out the raid", "the shootings were carried
// out by gunmen"): the subject, or the passive's agent, is the doer; prep,
// when not nil, reads the clause's prepositional phrases ("launched
// strikes on the depot"). It reports whether cl is such a clause.
func lightDoer(ps *syntax.Sentence, cl *syntax.Clause, c int, r *synRoles, prep func(int)) bool {
	v := &ps.Chunks[cl.Verb]
	if !lightFrameVerbs.Has(v.Lemma) && !attemptMade(ps, v, c) {
		return false
	}
	switch {
	case cl.Obj == c && !v.Passive:
		if cl.Subj >= 0 {
			r.actors = append(r.actors, cl.Subj)
			r.doers = true
		}
		if prep != nil {
			for _, p := range cl.Preps {
				prep(p)
			}
		}
		return true
	case relativeOf(ps, cl, c):
		// "the bombing in the market, which the group claimed", "the
		// raid that the rebels carried out": the relative's subject
		r.actors = append(r.actors, cl.Subj)
		r.doers = true
		return true
	case cl.Subj == c && v.Passive && cl.Agent >= 0:
		r.actors = append(r.actors, cl.Agent)
		r.doers = true
		passiveLightPreps(cl, prep)
		return true
	case cl.Subj == c && v.Passive && !cl.Inherited:
		passiveLightPreps(cl, prep)
		return true
	}
	return false
}

// relativeTarget returns the noun phrase that object relative clause cl
// stands for when it names no event ("the checkpoint that the militants
// attacked", "the post which gunmen stormed"), -1 otherwise: an event
// noun there is the act itself ("the raid that rebels carried out").
func relativeTarget(ps *syntax.Sentence, cl *syntax.Clause) int {
	var buf [4]int
	rel := ps.RelativeObject(cl, buf[:0])
	if len(rel) == 0 || pickDef(ps, rel[0]) != nil {
		return -1
	}
	return rel[0]
}

// relativeOf reports whether clause cl is an object relative clause that
// stands for noun phrase c: "the attack, which X claimed", "the raid
// that X carried out".
func relativeOf(ps *syntax.Sentence, cl *syntax.Clause, c int) bool {
	if !lightRelative(ps, cl) {
		return false
	}
	var buf [4]int
	for _, x := range ps.RelativeObject(cl, buf[:0]) {
		if x == c {
			return true
		}
	}
	return false
}

// particleLightVerbs name an act only with their particle ("carried
// out", "stepped up").
var particleLightVerbs = grammarList("particleLightVerbs")

// lightRelative reports whether the verb of clause cl, a light verb, has
// the particle it needs to name an act: "the raid that rebels carried
// out", not "the attack, which relatives carried to the clinic".
func lightRelative(ps *syntax.Sentence, cl *syntax.Clause) bool {
	return !particleLightVerbs.Has(ps.Chunks[cl.Verb].Lemma) || particleOf(ps, cl.Verb) != ""
}

// passiveLightPreps reads, with prep where it is not nil, the
// prepositional phrases of the passive light verb of clause cl whose
// subject is the event noun: "an attempt was made against the mayor",
// "raids were carried out on two villages".
func passiveLightPreps(cl *syntax.Clause, prep func(int)) {
	if prep == nil {
		return
	}
	for _, p := range cl.Preps {
		prep(p)
	}
}

// subjectResult reads clause cl when event noun c is its subject and its
// verb tells what the event did ("the blast hit a bakery", "the strike
// killed two"): the verb's objects are its targets, or its victims for a
// verb of harm to people; prep, when not nil, reads the clause's
// prepositional phrases. It reports whether cl is such a clause.
func subjectResult(ps *syntax.Sentence, cl *syntax.Clause, c int, r *synRoles, prep func(int)) bool {
	v := &ps.Chunks[cl.Verb]
	if cl.Subj != c || cl.Inherited || v.Passive || !resultVerbs.Has(v.Lemma) {
		return false
	}
	r.result = true
	if victimVerbs.Has(v.Lemma) {
		r.victims = ps.Objects(cl, r.victims) // "the blast killed two"
	} else {
		r.targets = ps.Objects(cl, r.targets) // "the blast hit a bakery"
	}
	if prep != nil {
		for _, p := range cl.Preps {
			prep(p)
		}
	}
	return true
}

// inflectedHead reports whether the head of noun phrase np is a plural
// form: its word is not its lemma ("hostages", not "hostage").
func inflectedHead(ps *syntax.Sentence, np int) bool {
	return ps.Toks[ps.Chunks[np].Head].Norm != ps.Chunks[np].Lemma
}

// nounBeforeHead reports whether noun phrase np has a noun or name right
// before its head ("several herders hostage"), not only an adjective or a
// determiner ("heavy fire").
func nounBeforeHead(ps *syntax.Sentence, np int) bool {
	h := ps.Chunks[np].Head
	if h <= ps.Chunks[np].A {
		return false
	}
	t := ps.Tags[h-1]
	return t == syntax.Noun || t == syntax.Proper
}

// blamedFor returns the noun phrase that a clause of blame around event
// noun c holds responsible, or -1: "blamed the attack on the market on
// X" (the last "on" phrase after the noun), "blamed X for the attack"
// (the object), "X was blamed for the attack" (the subject), "an attack
// blamed on X" (its "on" phrase), "X was responsible for the attack" (the
// subject). attached are the phrases attached to c.
func blamedFor(ps *syntax.Sentence, c int, attached []int) int {
	for i := range ps.Clauses {
		cl := &ps.Clauses[i]
		v := &ps.Chunks[cl.Verb]
		if v.Neg || v.Modal {
			continue
		}
		if r := responsibleFor(ps, cl, c); r >= 0 {
			return r
		}
		if v.Lemma != "blame" {
			continue
		}
		switch {
		case !v.Passive && cl.Obj == c:
			last := -1
			for _, p := range attached {
				if ps.PrepOf(p) == "on" {
					last = p
				}
			}
			return last
		case !v.Passive && cl.Obj >= 0 && cl.Obj != c && ps.PrepOf(c) == "for" && inPreps(ps, cl, c, "for"):
			return cl.Obj
		case v.Passive && cl.Subj >= 0 && ps.PrepOf(c) == "for" && inPreps(ps, cl, c, "for"):
			return cl.Subj
		case cl.Subj == c && cl.Obj < 0 && !definiteNP(ps, c):
			// "Bomb attack blamed on rebels", "an attack
			// was blamed on X" (a definite "the attack was blamed on X"
			// speaks of an event told before: attributed gives it)
			for _, p := range cl.Preps {
				if ps.PrepOf(p) == "on" {
					return p
				}
			}
		}
	}
	return -1
}

// responsibleFor returns the subject of clause cl when it says the
// subject was responsible for event noun c ("the militia was responsible
// for the attack", "X is believed responsible for the bombing"), or -1.
func responsibleFor(ps *syntax.Sentence, cl *syntax.Clause, c int) int {
	if cl.Subj < 0 || ps.PrepOf(c) != "for" || !inPreps(ps, cl, c, "for") {
		return -1
	}
	switch ps.Toks[ps.Chunks[cl.Subj].A].Norm {
	case "no", "nobody", "none", "neither":
		return -1 // "no group was responsible for the attack"
	}
	v := &ps.Chunks[cl.Verb]
	for k := v.B; k < ps.Chunks[c].A; k++ {
		if ps.Toks[k].Norm == "responsible" {
			return cl.Subj
		}
	}
	return -1
}

// inPreps reports whether noun phrase c is one of clause cl's
// prepositional phrases, governed by preposition p.
func inPreps(ps *syntax.Sentence, cl *syntax.Clause, c int, p string) bool {
	for _, x := range cl.Preps {
		if x == c && ps.PrepOf(x) == p {
			return true
		}
	}
	return false
}

// conjoinedDoers adds to frame f, whose doer the trigger lexicon's window
// found, every phrase of the list of doers its clause names, which that
// window may have read as targets or left out: "the village was attacked
// by bandits and deserters". A phrase that is the subject of a clause of
// its own is none.
func (d *docState) conjoinedDoers(f *frame, ps *syntax.Sentence, actors []int, doers bool) {
	all := withConjoined(ps, actors)
	listed := false
	for _, np := range all {
		listed = listed || ps.Conjoined(np)
	}
	if !listed {
		return
	}
	for _, np := range all {
		if clauseSubject(ps, np) {
			continue
		}
		n := len(f.actors)
		d.actorNP(f, ps, np, doers)
		for _, a := range f.actors[n:] {
			f.targets = removeEnt(f.targets, a)
		}
	}
}

// agentList returns passive agent np and the phrases its "by" lists after
// it ("by bandits and deserters"), up to one that a verb group follows,
// which opens a clause of its own ("by gunmen and four guards were
// hurt").
func agentList(ps *syntax.Sentence, np int) []int {
	items := listItems(ps, np)
	for i, j := range items[1:] {
		if n := j + 1; n < len(ps.Chunks) && ps.Chunks[n].Kind == syntax.VG && !ps.Chunks[n].Participle && ps.Chunks[n].A == ps.Chunks[j].B {
			return items[:i+1]
		}
	}
	return items
}

// clauseSubject reports whether noun phrase np is the subject of a clause.
func clauseSubject(ps *syntax.Sentence, np int) bool {
	for i := range ps.Clauses {
		if ps.Clauses[i].Subj == np {
			return true
		}
	}
	return false
}

// fillFromSyntax fills frame f from the roles of its trigger at token h.
// A fresh frame (found by the table alone) takes every role; a frame of
// the trigger lexicon only those its rules left empty. It reports whether
// the frame names an event: a row that needs a named doer has one.
func (d *docState) fillFromSyntax(f *frame, ps *syntax.Sentence, def *frameDef, h int, fresh bool) bool {
	c := ps.ChunkOf[h]
	r := rolesOf(ps, def, c)
	ch := &ps.Chunks[c]
	if d.otherClauseDoer(f, ps, c) {
		// "five soldiers were among the dead after militants attacked
		// a base": the verb's own subject acts, not the subject of
		// another clause the trigger lexicon's window took
		f.actors, f.agents, f.actorMentions, f.explicitActor = nil, nil, nil, false
	}
	if d.lawSearch(f, ps, ch, r.actors) || d.verbalAttack(f, ps, def, c, r.targets) {
		f.negated = true
		return false
	}
	for _, np := range r.fended {
		if d.doersToTargets(f, ps, np) {
			f.explicitActor = len(f.actors) > 0
		}
	}
	hadActor := len(f.actors) > 0
	told := hadActor || hasContent(f)
	if ch.Kind == syntax.NP && !hadActor {
		// "the Taliban attack", "Pakistan's strikes": a name inside the
		// phrase before its head
		for _, m := range d.ments[f.s] {
			if m.a >= ch.A && m.b <= h && (!hasPlaceClass(m.ent) || d.countryDoer(ps.Toks, m, def, len(r.targets) > 0)) {
				if a, ag := d.actorOf(m, f.typ); a != nil {
					f.actors = appendEnt(f.actors, a)
					if ag != nil {
						f.agents = appendEnt(f.agents, ag)
					}
				}
			}
		}
	}
	if ch.Kind == syntax.NP && len(f.actors) == 0 && len(r.actors) == 0 {
		// "… died after their raids on Iraqi troops": the
		// possessive refers back to the sentence's subject
		if a := d.possessor(f.s, ps, c); a != nil {
			f.actors = appendEnt(f.actors, a)
		} else {
			d.possessorPhrase(f, ps, c)
		}
	}
	if ch.Kind == syntax.NP && (told || !barePlural(ps, ch)) && len(f.actors) == 0 && len(f.actorText) == 0 && len(r.actors) == 0 {
		// where the phrase names one event ("a rebel attack") or the
		// frame already tells one: "militant attacks" in general names
		// none
		d.modifierDoer(f, ps, ch)
		if len(f.actors) == 0 {
			d.campaignDoer(f, ps, ch)
		}
	}
	named := false
	if !hadActor && def.armedDoer && len(r.actors) > 0 {
		armed := false
		for _, np := range withConjoined(ps, r.actors) {
			armed = armed || d.armedPhrase(f.s, ps, np) || len(d.npMentions(f.s, ps, np)) > 0
		}
		if !armed {
			for _, np := range r.victims {
				if d.armedPhrase(f.s, ps, np) {
					// "the vehicle struck a landmine": the subject is
					// what the weapon hit
					r.targets, r.actors, r.victims, armed = r.actors, nil, nil, true
					break
				}
			}
		}
		if !armed {
			// "the storm struck the coast": no attack
			f.negated = true
			return false
		}
	}
	if def.placeObject && len(r.targets) > 0 && !d.placeTaken(f.s, ps, r.targets) {
		// "customs officers seized fake banknotes": goods taken, no
		// attack
		f.negated = true
		return false
	}
	if !hadActor {
		for _, np := range withConjoined(ps, r.actors) {
			named = d.actorNP(f, ps, np, r.doers) || named
		}
		for _, np := range r.actors {
			if ag := weaponAgent(ps, np); !named && ag >= 0 && d.armedPhrase(f.s, ps, np) {
				// "a drone operated by the militia struck a school":
				// who worked the weapon did it, with the weapon
				named = d.actorNP(f, ps, ag, true)
				d.weaponDoer(f, ps, []int{np})
			}
		}
	} else {
		named = true
		d.conjoinedDoers(f, ps, r.actors, r.doers)
	}
	for _, np := range r.sides {
		d.actorNP(f, ps, np, true)
	}
	if def.symmetric {
		d.clashSides(f, ps, append(append([]int(nil), r.sides...), r.actors...))
		if ch.Kind == syntax.NP {
			d.communalClash(f, ps, ch)
		}
	} else if !hadActor {
		// a doer the clause roles name is no target, whatever the
		// trigger lexicon's window took it for ("came under fire from
		// X")
		for _, a := range append(append([]*entity(nil), f.actors...), f.agents...) {
			f.targets = removeEnt(f.targets, a)
		}
	}
	if def.attachedOnly && !told && !(r.result && !f.verb) && len(f.actors) == 0 && len(f.actorText) == 0 {
		// a noun the table does not hold tells an event by its doer or
		// by what the lexicon read around it, not by an "against"
		// phrase alone ("took action against eight judges"); a noun
		// the lexicon names as one does by what it did ("an airstrike
		// hit a school"), not a verb the tagger took for a noun ("the
		// storm struck the coast")
		r.targets = nil
	}
	parsedPassiveSubject(f, ps, c)
	// the phrases the clause marks as hit ("air strikes on two
	// hospitals") join the targets the trigger lexicon took from its
	// window, which are often only the victims of a clause after it
	if fresh || len(f.targetText) == 0 {
		for _, np := range r.targets {
			d.targetNP(f, ps, np)
			if ch.Kind == syntax.VG && ps.Chunks[np].Prep < 0 {
				d.placeObject(f, ps, np)
			}
		}
	} else if len(f.targets) == 0 {
		// the trigger lexicon kept the phrase as text ("an army
		// position", "a Fulani camp", "the rebel held district"): the
		// force or the group holding it, or the people living there,
		// are still a target
		for _, np := range r.targets {
			if force := d.manningForce(f.s, ps, np); force != nil && !containsEnt(f.actors, force) {
				f.targets = appendEnt(f.targets, force)
			} else if g := d.holdingGroup(f.s, ps, np); g != nil && !containsEnt(f.actors, g) {
				f.targets = appendEnt(f.targets, g)
			} else if d.settlementPeople(f.s, ps, np) {
				f.targets = appendEnt(f.targets, d.countedCivilians(f.s, ""))
			}
		}
	}
	for _, np := range r.targets {
		if ch.Kind == syntax.VG && ps.Chunks[np].Prep < 0 {
			d.targetedObject(f, ps, ch, np)
		}
	}
	d.placesHitBy(f, ps, def, r.targets)
	// a weapon that stands for the doer names one as well ("a missile
	// struck a school in X")
	armedWith := def.needAgent && !named && d.weaponDoer(f, ps, r.actors)
	// the victims of a killing by a named doer, or of an event noun
	// ("the explosion injured two officers"), are its targets
	if (fresh || def.needAgent && (named || armedWith) || ch.Kind == syntax.NP && !def.symmetric || len(r.victims) > 0 && len(f.targets) > 0) && !peopleHit(f.targets) {
		for _, np := range r.victims {
			if !fresh && ch.Kind == syntax.NP && loadModalLists().toll.Has(ps.Toks[ps.Chunks[np].Head].Norm) {
				continue // "left six dead": a toll, not whom it hit
			}
			if len(f.targetText) == 0 || ps.PartitiveOf(np) >= 0 {
				// a described target (the bus of "on a bus") keeps the
				// victims out, but not some of the people an "of"
				// phrase names ("wounded some of the passengers on a
				// bus"), which a count would have read as hit
				d.targetNP(f, ps, np)
			}
		}
	}
	if ch.Kind == syntax.NP && len(r.targets) == 0 {
		d.modifierTarget(f, ps, ch)
		if !def.symmetric {
			d.modifierPlaceHit(f, ps, ch)
		}
	}
	if fresh || len(f.places) == 0 {
		for _, np := range r.places {
			d.placeNP(f, ps, np)
		}
	}
	for _, np := range r.during {
		d.placeNP(f, ps, np)
	}
	for _, np := range append(append(append(r.actors, r.targets...), r.places...), r.sides...) {
		f.span0 = min(f.span0, ps.Chunks[np].A)
		f.span1 = max(f.span1, ps.Chunks[np].B)
	}
	// the row names the kind of act where the lexicon only said "strike"
	// ("attacked", "ambushed") or where both sides fight
	if def.symmetric && f.subtype != def.subtype || f.subtype == "strike" && !strikeLemmas.Has(ch.Lemma) {
		f.subtype, f.cameo = def.subtype, def.cameo
	}
	if def.needAgent {
		if !named && !armedWith {
			return false
		}
		f.weak = false
	}
	return true
}

// parsedPassiveSubject lets the parse's subject of a passive trigger
// (chunk c) win over the text the token reader took before the verb
// (fillArgs) where the two differ: the reader walks back from the
// auxiliary to a determiner and so may take a word of a phrase that
// qualifies the subject ("the convoy of the governor was ambushed":
// "governor"). Where the clause has its subject and a text lies between
// the subject's start and the verb without holding the subject's head,
// the text is dropped, and the clause's subject is read as the target.
func parsedPassiveSubject(f *frame, ps *syntax.Sentence, c int) {
	ch := &ps.Chunks[c]
	if !f.passive || ch.Kind != syntax.VG || !ch.Passive || len(f.targets) > 0 {
		return
	}
	cl := ps.ClauseOf(c)
	if cl == nil || cl.Subj < 0 || cl.Inherited || cl.Subj > c {
		return
	}
	subj := &ps.Chunks[cl.Subj]
	kept := f.targetText[:0]
	for _, t := range f.targetText {
		a, b := textSpan(ps.Toks, t)
		if a >= subj.A && b <= ch.A && (subj.Head < a || subj.Head >= b) {
			continue // a word that qualifies the subject, not the subject
		}
		kept = append(kept, t)
	}
	f.targetText = kept
}

// searchLemmas are the event lemmas that, done by the police alone, name
// a search of premises rather than an attack.
var searchLemmas = grammarList("searchLemmas")

// lawSearch reports whether frame f, whose trigger heads chunk ch, is a
// search by the police ("police launched raids in east London", "officers
// raided homes in Leeds"): its doers (actors) are all police and its
// sentence tells of no other act of violence that would make it an
// attack ("police raided a hideout, killing two").
func (d *docState) lawSearch(f *frame, ps *syntax.Sentence, ch *syntax.Chunk, actors []int) bool {
	if f.typ != EventAttack || !searchLemmas.Has(ch.Lemma) || len(actors) == 0 {
		return false
	}
	heads := loadWordLists().heads
	for _, np := range withConjoined(ps, actors) {
		if heads[ps.Toks[ps.Chunks[np].Head].Norm].kind != "police" {
			return false
		}
	}
	var buf [8]lexicon.Match[*lexicon.Trigger]
	for _, m := range d.r.triggers.AppendCoded(buf[:0], d.coded[f.s]) {
		if m.Start >= f.b || m.End <= f.a {
			if t := pickTrigger(m.Values, ps.Toks, m.End); t != nil && t.Type == EventAttack {
				return false
			}
		}
	}
	return true
}

// verbalTargets are the lemmas of the things that only words can attack:
// an attack on one is criticism ("the senator attacked the budget plan",
// "lawmakers shot down the proposal").
var verbalTargets = grammarList("verbalTargets")

// verbalGrounds are the prepositions after which a phrase gives the
// grounds of criticism: "attacked the government over prices",
// "bombarded with questions".
var verbalGrounds = grammarList("verbalGrounds")

// verbalAttack reports whether the attack frame f, whose trigger heads
// chunk c, is criticism in words: a phrase it hits names a thing only
// words attack ("attacked the budget plan", "shot down the proposal")
// and none names anything else, or a phrase right after it gives such a
// thing as the grounds or the means ("launched an attack on the
// minister over prices", "was bombarded with questions"). A frame of a
// row that needs a doer (a killing, a wounding) or that counts people
// hurt is violence, whatever its grounds ("shot dead over a land deal").
func (d *docState) verbalAttack(f *frame, ps *syntax.Sentence, def *frameDef, c int, targets []int) bool {
	if f.typ != EventAttack || def.needAgent || f.killed > 0 || f.injured > 0 {
		return false // "shot dead over a land deal": people were hurt
	}
	verbal := false
	for _, np := range targets {
		switch {
		case verbalTargets.Has(ps.Chunks[np].Lemma):
			verbal = true
		case len(d.npMentions(f.s, ps, np)) > 0:
			return false // "attacked the plan and a base in Kabul"
		}
	}
	if verbal {
		return true // "on Monday" names nothing hit
	}
	for n := c + 1; n < len(ps.Chunks) && n <= c+3; n++ {
		if ch := &ps.Chunks[n]; ch.Kind == syntax.NP && verbalGrounds.Has(ps.PrepOf(n)) && verbalTargets.Has(ch.Lemma) {
			return true
		}
	}
	return false
}

// otherClauseDoer reports whether the doers the trigger lexicon gave
// frame f all lie in the subject of another clause that says what
// befell its subject (a passive, or a form of "be"), or, where verb group
// c shares the subject of a verb before it, in that verb's object, while
// c's own active clause has a subject that names a doer (a name, or
// people armed): that subject acts ("five soldiers were among the dead
// after militants attacked an army base", "raiders fought police and
// killed one").
func (d *docState) otherClauseDoer(f *frame, ps *syntax.Sentence, c int) bool {
	ch := &ps.Chunks[c]
	cl := ps.ClauseOf(c)
	if ch.Kind != syntax.VG || ch.Passive || cl == nil || cl.Subj < 0 || len(f.actorMentions) == 0 {
		return false
	}
	switch loadWordLists().heads[ps.Toks[ps.Chunks[cl.Subj].Head].Norm].class {
	case ClassStateForce, ClassArmedGroup:
	default:
		if len(d.npMentions(f.s, ps, cl.Subj)) == 0 {
			return false // a pronoun, a weapon, an event: no doer named
		}
	}
	for _, m := range f.actorMentions {
		if inContrast(ps, m) {
			continue // "the Taliban, not Islamic State, attacked"
		}
		if cl.Inherited && !inEarlierObject(ps, cl, m) || !cl.Inherited && !inOtherSubject(ps, cl, m) {
			return false
		}
	}
	return true
}

// inContrast reports whether mention m lies in a noun phrase that the
// sentence sets aside in a contrast: "Islamic State" in "the Taliban, not
// Islamic State, attacked".
func inContrast(ps *syntax.Sentence, m *mention) bool {
	j := ps.ChunkOf[m.a]
	return j >= 0 && ps.Contrasted(j) >= 0
}

// inEarlierObject reports whether mention m lies in an object of an
// active clause before cl, whose subject cl shares: in "raiders fought
// police and killed one" the police were fought, and the raiders killed.
func inEarlierObject(ps *syntax.Sentence, cl *syntax.Clause, m *mention) bool {
	for i := range ps.Clauses {
		o := &ps.Clauses[i]
		if o.Verb >= cl.Verb || o.Subj != cl.Subj || ps.Chunks[o.Verb].Passive {
			continue
		}
		var small [8]int // the chunks, on the stack
		for _, j := range ps.Objects(o, small[:0]) {
			if sj := &ps.Chunks[j]; m.a >= sj.A && m.b <= sj.B {
				return true
			}
		}
	}
	return false
}

// inOtherSubject reports whether mention m lies in the subject of a
// clause of ps other than cl that is passive (not a reduced clause the
// tagger may take for one: "Ukraine said on Sunday its forces…") or
// whose verb is "be".
func inOtherSubject(ps *syntax.Sentence, cl *syntax.Clause, m *mention) bool {
	for i := range ps.Clauses {
		o := &ps.Clauses[i]
		if o.Verb == cl.Verb || o.Subj < 0 || o.Inherited {
			continue
		}
		if v := &ps.Chunks[o.Verb]; v.Reduced || !v.Passive && !markBe.has(&ps.Toks[v.Head]) {
			continue
		}
		if sj := &ps.Chunks[o.Subj]; m.a >= sj.A && m.b <= sj.B {
			return true
		}
	}
	return false
}

// causeClauseDoer gives frame f, told by a passive that names no doer,
// the doer of the clause that says what caused it: the armed subject (a
// force or an armed group, by a name or its head noun) of the first
// active clause after it that "after" or "when" opens and that has
// an object ("a driver was wounded after a police officer slapped him",
// "two men were hurt when soldiers kicked them"), where its verb is no
// attack of its own (that frame tells the doer). A device, a vehicle
// or a pronoun there names no doer ("after their car hit a mine").
func (d *docState) causeClauseDoer(f *frame, ps *syntax.Sentence) bool {
	if f.typ != EventAttack && f.typ != EventAbduction || f.negated || f.relative || f.copula || len(f.actors) > 0 || len(f.actorText) > 0 || symmetric(f) || f.a >= len(ps.ChunkOf) {
		return false
	}
	c := ps.ChunkOf[f.a]
	if c >= 0 && ps.Chunks[c].Kind == syntax.NP {
		// a frame a casualty figure made: "a driver was wounded"
		c = subjectVerb(ps, c)
	}
	if c < 0 || ps.Chunks[c].Kind != syntax.VG || !ps.Chunks[c].Passive {
		return false
	}
	if cl := ps.ClauseOf(c); cl == nil || cl.Agent >= 0 {
		return false
	}
	for i := range ps.Clauses {
		cl := &ps.Clauses[i]
		if cl.Verb <= c || cl.Subj < 0 || cl.Inherited {
			continue
		}
		sj := &ps.Chunks[cl.Subj]
		if sj.A == 0 || !causeOpeners.Has(ps.Toks[sj.A-1].Norm) {
			continue
		}
		v := &ps.Chunks[cl.Verb]
		if v.Passive || v.Reduced || v.Neg || v.Modal || cl.Obj < 0 || !d.armedSubject(f.s, ps, cl.Subj) || attackDef(ps, d.memoOf(f.s, ps), cl.Verb) {
			return false // an attack verb there tells its own event
		}
		return d.actorNP(f, ps, cl.Subj, true)
	}
	return false
}

// subjectVerb returns the verb group of the clause whose subject is noun
// phrase np, or -1.
func subjectVerb(ps *syntax.Sentence, np int) int {
	for i := range ps.Clauses {
		if ps.Clauses[i].Subj == np {
			return ps.Clauses[i].Verb
		}
	}
	return -1
}

// causeOpeners open a clause that says what caused the harm before it.
var causeOpeners = grammarList("causeOpeners")

// armedSubject reports whether noun phrase np names a force or an armed
// group: by its head noun, or by a name of one in it.
func (d *docState) armedSubject(s int, ps *syntax.Sentence, np int) bool {
	if of := ps.PartitiveOf(np); of >= 0 {
		np = of // "many of the soldiers", "two of the rockets"
	}
	switch loadWordLists().heads[ps.Toks[ps.Chunks[np].Head].Norm].class {
	case ClassStateForce, ClassArmedGroup:
		return true
	}
	for _, m := range d.npMentions(s, ps, np) {
		if m.ent.class == ClassStateForce || m.ent.class == ClassArmedGroup {
			return true
		}
	}
	return false
}

// weaponAgent returns the "by" phrase of the past participle right after
// noun phrase np that qualifies it ("a drone operated by the militia", "a
// boat piloted by pirates"), -1 where there is none.
func weaponAgent(ps *syntax.Sentence, np int) int {
	for i := range ps.Clauses {
		cl := &ps.Clauses[i]
		if v := &ps.Chunks[cl.Verb]; v.Reduced && cl.Subj == np && v.A == ps.Chunks[np].B && cl.Agent >= 0 {
			return cl.Agent
		}
	}
	return -1
}

// weaponDoer reports whether one of the doer phrases of a row that needs
// a doer is a weapon ("two children were killed by explosive devices"):
// the weapon stands for a doer left unnamed, and its name joins the
// frame's weapons.
func (d *docState) weaponDoer(f *frame, ps *syntax.Sentence, doers []int) bool {
	found := false
	for _, np := range doers {
		ch := &ps.Chunks[np]
		var buf [4]lexicon.Match[*lexicon.Weapon]
		for _, m := range d.r.weapons.AppendCoded(buf[:0], d.coded[f.s].Slice(ch.A, ch.B)) {
			f.weapons = appendStr(f.weapons, m.Values[0].Name)
			found = true
		}
	}
	return found
}

// modifierDoer gives event noun phrase ch the doer a common noun before
// its head names ("a rebel attack", "a coalition air strike"): the armed
// group or the coalition the modifier describes.
func (d *docState) modifierDoer(f *frame, ps *syntax.Sentence, ch *syntax.Chunk) {
	for k := ch.A; k < ch.Head; k++ {
		if k+1 < ch.Head && venueWord(ps.Toks[k+1].Norm, false) {
			continue // it qualifies the venue: "a police station attack"
		}
		if doerModifiers.Has(ps.Toks[k].Norm) && !d.covered(f.s, k) {
			if m := d.modifierParticipant(f.s, k); m != nil {
				if a, ag := d.actorOf(m, f.typ); a != nil {
					f.actors = appendEnt(f.actors, a)
					if ag != nil {
						f.agents = appendEnt(f.agents, ag)
					}
					f.explicitActor = true
				}
			}
			return
		}
	}
}

// campaignNouns are event nouns of a campaign a force wages on someone:
// "a police operation against a gang", "a military offensive against
// the rebels".
var campaignNouns = grammarList("campaignNouns")

// campaignDoer gives event noun phrase ch the state force a force word
// before its head names, when the head is a campaign noun with
// "against" after it ("a police operation against X", "an army
// offensive against X"): the force waged it, X was hit. Without
// "against" the force word only says what kind of operation it was
// ("military operations resumed").
func (d *docState) campaignDoer(f *frame, ps *syntax.Sentence, ch *syntax.Chunk) {
	if !campaignNouns.Has(ps.Toks[ch.Head].Norm) || ch.B >= len(ps.Toks) || ps.Toks[ch.B].Norm != "against" {
		return
	}
	l := loadWordLists()
	for k := ch.A; k < ch.Head; k++ {
		if d.covered(f.s, k) {
			continue
		}
		kind := l.heads[ps.Toks[k].Norm].kind
		if l.heads[ps.Toks[k].Norm].class != ClassStateForce || kind == "needs-modifier" {
			if l.mods[ps.Toks[k].Norm].effect != modState {
				continue
			}
			kind = l.mods[ps.Toks[k].Norm].kind
		}
		if a := d.forceParticipant(participant{s: f.s, class: ClassStateForce, kind: kind}); a != nil {
			f.actors = appendEnt(f.actors, a)
			f.explicitActor = true
		}
		return
	}
}

// modifierTarget gives event noun phrase ch the venue a noun before its
// head names ("the hospital attacks", "a school shooting", "the Kabul
// mosque bombing"): the facility, in the place the phrase names, was hit,
// a target beside the people hit there (frame.hitPlaces).
func (d *docState) modifierTarget(f *frame, ps *syntax.Sentence, ch *syntax.Chunk) {
	for k := ch.Head - 1; k >= ch.A; k-- {
		if d.covered(f.s, k) || !loadWordLists().venueSet.Has(ps.Toks[k].Norm) {
			continue
		}
		var within *entity
		for _, m := range d.ments[f.s] {
			if m.a >= ch.A && m.b <= k && hasPlaceClass(m.ent) {
				within = m.ent
			}
		}
		a := k
		for a > ch.A && ps.Tags[a-1] == syntax.Noun && !d.covered(f.s, a-1) {
			a-- // "a police station attack": the venue's own modifiers
		}
		f.hitPlaces = appendEnt(f.hitPlaces, d.facility(f.s, a, k+1, within))
		return
	}
}

// modifierParticipant makes the doer modifier at token k of sentence s
// ("rebel" in "a rebel attack", "army" in "an army raid") a mention of
// the participant it describes, read as its head noun would be ("rebels",
// "army"; "government" as a state force by its modifier effect), and
// returns it; nil when the word describes no participant of a class.
func (d *docState) modifierParticipant(s, k int) *mention {
	l := loadWordLists()
	w := d.sents[s].Tokens[k].Norm
	p := participant{s: s, a: k, b: k + 1, head: k, plural: true}
	switch h, hs := l.heads[w], l.heads[w+"s"]; {
	case h.class != "" && h.kind != "needs-modifier":
		p.class, p.kind = h.class, h.kind
	case hs.class != "" && hs.kind != "needs-modifier":
		p.class, p.kind = hs.class, hs.kind
	case l.mods[w].effect == modState:
		p.class, p.kind = ClassStateForce, l.mods[w].kind
	case l.mods[w].effect == modArmed || l.mods[w].effect == modArmedSide:
		p.class, p.kind = ClassArmedGroup, armedKind(w)
	default:
		return nil
	}
	if p.class != ClassArmedGroup && p.kind != "coalition" {
		return nil
	}
	n := len(d.ments[s])
	d.addParticipant(p)
	if len(d.ments[s]) == n {
		return nil
	}
	m := d.ments[s][n]
	sortLike(d.ments[s], func(a, b *mention) bool {
		if a.a != b.a {
			return a.a < b.a
		}
		return a.b > b.b
	}) // in text order, as findEvents keeps them
	return m
}

// barePlural reports whether noun phrase ch is a plural with no
// determiner or number, which may speak of events in general ("over
// militant attacks").
func barePlural(ps *syntax.Sentence, ch *syntax.Chunk) bool {
	switch ps.Tags[ch.A] {
	case syntax.Det, syntax.Num, syntax.Poss:
		return false
	}
	return pluralHead(ps.Toks[ch.Head].Norm)
}

// doerModifiers are common nouns that, modifying an event noun, name who
// did it.
var doerModifiers = grammarList("doerModifiers")

// armedPhrase reports whether noun phrase np describes an armed doer: a
// force or an armed group by its head noun ("terrorists", "troops"), or
// a weapon ("warplanes").
func (d *docState) armedPhrase(s int, ps *syntax.Sentence, np int) bool {
	if of := ps.PartitiveOf(np); of >= 0 {
		np = of // "many of the soldiers", "two of the rockets"
	}
	switch loadWordLists().heads[ps.Toks[ps.Chunks[np].Head].Norm].class {
	case ClassStateForce, ClassArmedGroup:
		return true
	}
	ch := &ps.Chunks[np]
	return d.r.weapons.AnyCoded(d.coded[s].Slice(ch.A, ch.B))
}

// npMentions returns the outermost mentions inside noun phrase np.
func (d *docState) npMentions(s int, ps *syntax.Sentence, np int) []*mention {
	ch := &ps.Chunks[np]
	var out []*mention
	for _, m := range d.ments[s] {
		// inside the phrase, or a participant that ends with it and
		// spans its head where the chunker split a hyphenated modifier
		// ("Boko Haram-linked suspects")
		inside := m.a >= ch.A && m.b <= ch.B || m.a < ch.A && m.b == ch.B && ch.Head >= ch.A && ch.Head < m.b
		if inside && outer(d.ments[s], m) == m {
			out = append(out, m)
		}
	}
	return out
}

// describes reports whether noun phrase np describes someone by a common
// noun ("unknown gunmen", "Pokot raiders"), not a pronoun, a figure, an
// event or a weapon; with proper, also a name no lexicon holds ("Maasai").
func (d *docState) describes(s int, ps *syntax.Sentence, np int, proper bool) bool {
	ch := &ps.Chunks[np]
	lemma, tag := ps.Word(ch.Head)
	if tag != syntax.Noun && !(proper && tag == syntax.Proper) || len(frames.noun(lemma)) > 0 || resultNouns.Has(lemma) || proper && (territoryWords.Has(ps.Toks[ch.Head].Norm) || placeNouns.Has(ps.Toks[ch.Head].Norm)) {
		return false
	}
	return !d.r.weapons.AnyCoded(d.coded[s].Slice(ch.A, ch.B))
}

// resultNouns head phrases that are times, figures or outcomes, never an
// actor or target: "two days", "the incident".
var resultNouns = grammarList("resultNouns")

// actorNP adds the actors noun phrase np names; it reports whether it
// names a doer.
func (d *docState) actorNP(f *frame, ps *syntax.Sentence, np int, doer bool) bool {
	ms := d.npMentions(f.s, ps, np)
	if of := memberOf(ps, np); of >= 0 && len(ms) == 0 {
		ms = d.npMentions(f.s, ps, of) // "members of Boko Haram attacked"
	}
	named := false
	head := ps.Toks[ps.Chunks[np].Head].Norm
	for _, m := range ms {
		if hasPlaceClass(m.ent) && !m.demonym && !(doer && countryHead(ps, np, m)) {
			continue
		}
		// a demonym acts only through an agent noun: "Kenyan police",
		// not "Pakistani soil"
		if m.demonym && m.b <= ps.Chunks[np].Head && !agentHeads.Has(head) {
			continue
		}
		a, ag := d.actorOf(m, f.typ)
		if a == nil && doer && m.ent.class == ClassPerson {
			a = m.ent // "Salman Abedi carried out the bombing"
		}
		if g := d.countedDoer(f, ps, np, m, doer); g != nil {
			a = g // "were abducted by three men"
		}
		if a != nil {
			f.actors = appendEnt(f.actors, a)
			if ag != nil {
				f.agents = appendEnt(f.agents, ag)
			}
			f.explicitActor = true
			named = true
		}
	}
	if ch := &ps.Chunks[np]; !named && len(ms) == 0 && ch.B-ch.A == 1 && ps.Tags[ch.Head] == syntax.Pron {
		if sp := speakerOf(ps, np); doer && sp >= 0 && d.armedSubject(f.s, ps, sp) && d.actorNP(f, ps, sp, doer) {
			// "rebels said they shot down a helicopter": the armed
			// speaker tells of its own act
			return true
		}
		// "They killed three guards": the doer named before
		if m := d.pronounAntecedent(f.s, ch.Head, func(e *entity) bool { return containsEnt(f.targets, e) }); m != nil {
			a, ag := d.actorOf(m, f.typ)
			if a == nil && doer && m.ent.class == ClassPerson {
				a = m.ent
			}
			if a != nil {
				f.actors = appendEnt(f.actors, a)
				if ag != nil {
					f.agents = appendEnt(f.agents, ag)
				}
				f.explicitActor = true
				return true
			}
		}
	}
	if !named && !armedConflictNouns.Has(head) && d.describes(f.s, ps, np, true) {
		// a war is no doer: "the war has killed thousands" tells its
		// toll, not who killed
		f.actorText = appendStr(f.actorText, ps.Text(np))
		named = true
		// the people the phrase describes act as themselves: "farmers
		// killed two herders", "a band of Tuareg nomads raided"
		// one person of a kind acts in a named act ("a farmer took two
		// herders hostage"), not in the lexicon's bare "strike" verbs
		// ("a herder destroyed his field")
		if p := d.describedPeople(f.s, ps, np, f.subtype != "strike"); p != nil {
			f.actors = appendEnt(f.actors, p)
			f.explicitActor = true
		} else if g := d.genericDoer(f, ps, np, doer); g != nil {
			f.actors = appendEnt(f.actors, g)
			f.explicitActor = true
		}
	}
	if of := heldBy(ps, np); of >= 0 && collectiveHeads.Has(head) && len(ms) == 0 {
		// "a group of gunmen attacked", "a number of farmers and
		// herders clashed": the people of the "of" phrase act
		for _, j := range listItems(ps, of) {
			named = d.actorNP(f, ps, j, doer) || named
		}
	}
	if of := ps.PartitiveOf(np); of >= 0 && !named && len(ms) == 0 {
		// "some of the gunmen opened fire", "two of the attackers blew
		// themselves up": some of the people of the "of" phrase act
		for _, j := range listItems(ps, of) {
			named = d.actorNP(f, ps, j, doer) || named
		}
	}
	return named
}

// speakerOf returns the subject of the verb of saying whose report
// pronoun phrase np opens ("rebels said they…", "police said that they…"),
// -1 where there is none.
func speakerOf(ps *syntax.Sentence, np int) int {
	a := ps.Chunks[np].A
	if a > 0 && ps.Toks[a-1].Norm == "that" {
		a--
	}
	for i := range ps.Clauses {
		cl := &ps.Clauses[i]
		if v := &ps.Chunks[cl.Verb]; v.B == a && cl.Subj >= 0 && cl.Subj < cl.Verb && !v.Passive && loadArgWords().speech.Has(v.Lemma) {
			return cl.Subj
		}
	}
	return -1
}

// countedDoer returns the document's unidentified armed group for
// mention m of noun phrase np when the phrase counts people with no word
// of what they are ("two men", "three individuals": countedPeople, read
// as civilians) and does the attack or abduction f: "a trader was shot by
// two men", "three men abducted a driver". People hit are civilians; the
// ones who hit, unnamed, are an armed group. A lone "a man" stays a
// description (actorText). Nil for another mention.
func (d *docState) countedDoer(f *frame, ps *syntax.Sentence, np int, m *mention, doer bool) *entity {
	if !doer || m.ent.class != ClassCivilians || m.ent.typ != "civilians" || f.negated {
		return nil
	}
	if f.typ != EventAttack && f.typ != EventAbduction || f.subtype == "armed clash" {
		return nil
	}
	ch := &ps.Chunks[np]
	if h := ps.Toks[ch.Head].Norm; !countedPeople.Has(h) || !pluralHead(h) || !d.countedNP(ps, np) {
		return nil
	}
	return d.groupParticipant(participant{s: f.s, a: ch.A, b: ch.B, head: ch.Head, class: ClassArmedGroup, kind: "unidentified armed group", unidentified: true})
}

// genericDoer returns the armed group that noun phrase np, a bare plural
// of a kind ("militants", "insurgents": genericHeads) that names no group
// named before it, stands for as the doer of f: the subject of its
// clause or its "by" phrase ("Militants attacked the post", "attacks by
// insurgents"). Such a doer did one act, so the phrase speaks of someone,
// not of a kind ("Iran said it struck militants" stays a kind); it is the
// group that claimed the act where one did, or else the document's
// unidentified group of its kind. Nil for a negated frame or another
// phrase.
func (d *docState) genericDoer(f *frame, ps *syntax.Sentence, np int, doer bool) *entity {
	ch := &ps.Chunks[np]
	head := ps.Toks[ch.Head].Norm
	if f.negated || !(doer || ps.PrepOf(np) == "by") || !genericHeads.Has(head) || len(d.npMentions(f.s, ps, np)) > 0 {
		return nil
	}
	w := loadWordLists().heads[head]
	if w.class != ClassArmedGroup {
		return nil
	}
	return d.groupParticipant(participant{s: f.s, a: ch.A, b: ch.B, head: ch.Head, class: ClassArmedGroup, kind: w.kind, plural: true})
}

// countryHead reports whether mention m is a country that heads noun
// phrase np: the doer "Russia" of "Russia continued bombing", not the
// place of "the city of Aleppo, Syria".
func countryHead(ps *syntax.Sentence, np int, m *mention) bool {
	h := ps.Chunks[np].Head
	return m.ent.class == ClassCountry && m.a <= h && h < m.b
}

// describedPeople returns the people (a participant of class Civilians)
// that noun phrase np describes, reading through a collective head to its
// "of" phrase ("a group of farmers", "a band of herders"); nil when it
// describes none. With one, a singular phrase describes them too.
func (d *docState) describedPeople(s int, ps *syntax.Sentence, np int, one bool) *entity {
	plural := pluralPeople(ps.Toks[ps.Chunks[np].Head].Norm)
	for _, m := range d.npMentions(s, ps, np) {
		// with one, a person acts as one of their kind where the phrase
		// says which ("a farmer"), not as "a man"
		if m.ent.class == ClassCivilians && (plural || one && m.ent.typ != "civilians") {
			return m.ent
		}
	}
	if !collectiveHeads.Has(ps.Toks[ps.Chunks[np].Head].Norm) || np+1 >= len(ps.Chunks) || ps.PrepOf(np+1) != "of" {
		return nil
	}
	for _, m := range d.npMentions(s, ps, np+1) {
		if m.ent.class == ClassCivilians {
			return m.ent
		}
	}
	return nil
}

// pluralHead reports whether a head noun names more than one person: a
// lone "man" who throws a grenade is no community acting (one of a kind
// the phrase names, "a farmer", is).
func pluralHead(w string) bool {
	return strings.HasSuffix(w, "s") || w == "people" || w == "men" || w == "women" || w == "youth"
}

// pluralPeople reports whether a head noun names more than one person,
// by the number the participants lexicon gives a head of people
// ("herdsmen", "fishermen") or else by its form (pluralHead).
func pluralPeople(w string) bool {
	if h, ok := loadWordLists().heads[w]; ok && h.class == ClassCivilians && h.plural {
		return true
	}
	return pluralHead(w)
}

// collectiveHeads name a number of people by what they form.
var collectiveHeads = grammarList("collectiveHeads")

// targetNP adds the targets (or the places, for a place name) noun phrase
// np names.
func (d *docState) targetNP(f *frame, ps *syntax.Sentence, np int) {
	if of := titledMember(ps, np); of >= 0 {
		// "shot a Ministry of Health official": the person the title
		// after the body's name names was hit
		n := len(f.targets)
		d.targetNP(f, ps, of)
		if len(f.targets) > n {
			return
		}
	}
	if of := heldBy(ps, np); of >= 0 {
		// "the body of a child", "the vehicle of the mayor", "a group
		// of tourists": the people the "of" phrase names were hit
		n := len(f.targets)
		d.targetNP(f, ps, of)
		if len(f.targets) > n {
			return
		}
	}
	if of := ps.PartitiveOf(np); of >= 0 {
		// "killed two of the guards", "wounded some of the
		// passengers": some of the people the "of" phrase names
		n := len(f.targets)
		for _, j := range listItems(ps, of) {
			d.targetNP(f, ps, j)
		}
		if len(f.targets) > n {
			return
		}
	}
	ms := d.npMentions(f.s, ps, np)
	if len(ms) == 0 {
		if e := d.moreOf(f.s, ps, np); e != nil && !containsEnt(f.actors, e) {
			// "killed five soldiers and wounded 12 more": more of the
			// people named before
			f.targets = appendEnt(f.targets, e)
			return
		}
	}
	if of := memberOf(ps, np); of >= 0 && len(ms) == 0 {
		ms = d.npMentions(f.s, ps, of) // "six members of Boko Haram"
		if len(ms) == 0 && communityNouns.Has(ps.Toks[ps.Chunks[of].Head].Norm) && d.countedNP(ps, np) {
			// "five members of the Dinka community": people counted
			// by their community
			f.targets = appendEnt(f.targets, d.countedCivilians(f.s, ""))
			return
		}
	}
	if d.settlementPeople(f.s, ps, np) {
		// "attacked a Fulani settlement", "raided Fulani camps": the
		// people who live there were attacked
		f.targets = appendEnt(f.targets, d.countedCivilians(f.s, ""))
		return
	}
	if len(ms) == 0 && unnamedVillage(ps, np) {
		// "raiders attacked a village": its people were attacked,
		// where the note names no one else hit (villageTargets)
		f.villagers = d.countedCivilians(f.s, "")
		return
	}
	v := d.venueTarget(f.s, ps, np)
	if force := d.manningForce(f.s, ps, np); v == nil && force != nil && !containsEnt(f.actors, force) {
		// "attacked an army position": the force that holds a
		// position no venue names was attacked
		f.targets = appendEnt(f.targets, force)
	}
	if g := d.holdingGroup(f.s, ps, np); v == nil && g != nil && !containsEnt(f.actors, g) {
		// "bombed rebel-held areas": the group that holds them was
		// attacked
		f.targets = appendEnt(f.targets, g)
	}
	if v != nil {
		// "targeted a bakery", "the bombing of the federal building":
		// the facility hit is the target, whatever town it names
		f.targets = appendEnt(f.targets, v)
		return
	}
	hit := false
	for _, m := range ms {
		if containsEnt(f.actors, m.ent) || qualifiesPeople(ms, m, ps.Chunks[np].Head) {
			continue
		}
		if m.demonym && m.b == ps.Chunks[np].B && d.countedNP(ps, np) {
			// "abducted 16 Kenyans", "an American was kidnapped"
			f.targets = appendEnt(f.targets, d.countedCivilians(f.s, m.ent.country))
			hit = true
			continue
		}
		if m.demonym && m.b <= ps.Chunks[np].Head {
			// "shot down a Malaysian airliner": whose the thing hit
			// was, not where it was hit
			continue
		}
		if hasPlaceClass(m.ent) {
			d.addPlace(f, m.ent)
			hit = true
			if m.ent.typ == "facility" {
				// a venue hit is also what was attacked: "hurled a
				// grenade at a bus station", "targeted a bakery"
				f.targets = appendEnt(f.targets, m.ent)
			}
			continue
		}
		if d.unarmedCrowd(m) {
			// "beat up three youths": the young people hit are
			// civilians, whatever youths elsewhere did
			f.targets = appendEnt(f.targets, d.countedCivilians(f.s, ""))
			hit = true
			continue
		}
		f.targets = appendEnt(f.targets, m.ent)
		hit = true
	}
	if !hit && len(ms) == 0 && d.pronounTarget(f, ps, np) {
		return
	}
	if !hit && len(f.targets) == 0 && len(ms) == 0 && d.countedNP(ps, np) && (properHead(ps, np) || personHead(ps, np)) {
		// "killed two Fulani": people counted by their community;
		// "abducted two suspects": people counted by what they are
		// suspected of, civilians where they were hit
		f.targets = appendEnt(f.targets, d.countedCivilians(f.s, ""))
		return
	}
	if hit || len(f.targets) > 0 || !d.describes(f.s, ps, np, false) {
		return
	}
	// a lexicon frame takes a described target only where it names
	// someone or something hit, not a kind of target ("militant bases")
	if head := ps.Toks[ps.Chunks[np].Head].Norm; f.syn || !targetObjects.Has(head) && !placeNouns.Has(head) {
		f.targetText = appendStr(f.targetText, ps.Text(np))
	}
}

// settlementPeople reports whether noun phrase np of sentence s names
// where a people lives by the people's name: a settlement word of
// peopleSettlements ("camp", "settlement", "hamlet") right after a
// capitalised word that does not open the sentence ("a Fulani camp", "the
// Peul hamlets"), which no mention holds or only a guessed place after an
// indefinite article or a count (no place name takes one: "a Fulani
// camp", "two Peul hamlets"). A name the gazetteer knows ("Dadaab camp")
// is a place, and a capitalised settlement word ("Camp Bastion") part of
// a name.
func (d *docState) settlementPeople(s int, ps *syntax.Sentence, np int) bool {
	ch := &ps.Chunks[np]
	h := ch.Head
	if h <= ch.A || h >= len(ps.Toks) || !peopleSettlements.Has(ps.Toks[h].Norm) || isUpperWord(&ps.Toks[h]) {
		return false
	}
	k := h - 1
	t := &ps.Toks[k]
	if !isUpperWord(t) || t.AllCaps() || opensSentence(ps.Toks, k) || d.r.stopwords.Has(t.Norm) {
		return false
	}
	m := d.mentionEnding(s, h)
	if m == nil {
		return true
	}
	counted := k > ch.A && (ps.Toks[k-1].Norm == "a" || ps.Toks[k-1].Norm == "an" || countWord(ps.Toks[k-1].Norm))
	return counted && m.a == k && m.ent.class == ClassPlace && m.ent.gaz == nil
}

// unarmedCrowd reports whether mention m names people whom only their
// gathering makes a group that acts (crowdKinds: "youths"), unnamed and
// with no word that arms them ("armed youths") in the phrase: hit by an
// attack, they are civilians.
func (d *docState) unarmedCrowd(m *mention) bool {
	if m.ent.class != ClassArmedGroup || !m.ent.unidentified || !crowdKinds.Has(m.ent.typ) {
		return false
	}
	l := loadWordLists()
	for _, t := range d.sents[m.s].Tokens[m.a:m.b] {
		if e := l.mods[t.Norm].effect; e == modArmed || e == modArmedSide {
			return false
		}
	}
	return true
}

// crowdKinds are the kinds of descriptive participant that name people by
// age or gathering, armed only where the text says so.
var crowdKinds = grammarList("crowdKinds")

// unnamedVillage reports whether noun phrase np names a village by a
// word for one in lower case and no name ("a village", "two villages",
// "the village"; a plural only where counted), no "of" phrase naming it
// after: an attack on it hits the people who live there.
func unnamedVillage(ps *syntax.Sentence, np int) bool {
	ch := &ps.Chunks[np]
	w := ps.Toks[ch.Head].Norm
	if !villageHeads.Has(w) || isUpperWord(&ps.Toks[ch.Head]) || strings.HasSuffix(w, "s") && !countWord(ps.Toks[ch.A].Norm) {
		return false // "kept shelling villages": villages in general
	}
	for k := ch.A; k < ch.Head; k++ {
		if isUpperWord(&ps.Toks[k]) {
			return false
		}
	}
	return np+1 >= len(ps.Chunks) || ps.PrepOf(np+1) != "of"
}

// villageHeads are the words for a village that its people live in.
var villageHeads = grammarList("villageHeads")

// personHead reports whether the head of noun phrase np is a participant
// head of class Person ("suspects"), which names no one by itself.
func personHead(ps *syntax.Sentence, np int) bool {
	h, ok := loadWordLists().heads[ps.Toks[ps.Chunks[np].Head].Norm]
	return ok && h.class == ClassPerson
}

// qualifiesPeople reports whether mention m, among the mentions ms of a
// noun phrase whose head is token head, is a name before people it
// qualifies ("a UN aid worker", "an NGO worker"): the people were
// hit, not the body named.
func qualifiesPeople(ms []*mention, m *mention, head int) bool {
	if m.b > head || m.ent.class != ClassOrganization && m.ent.class != ClassArmedGroup {
		return false
	}
	for _, o := range ms {
		if o != m && o.a <= head && head < o.b && o.ent.class == ClassCivilians {
			return true
		}
	}
	return false
}

// manningForce returns the state force that noun phrase np of sentence s
// names by a force word before a position it holds that no venue names
// ("an army position", "police positions"), nil otherwise.
func (d *docState) manningForce(s int, ps *syntax.Sentence, np int) *entity {
	ch := &ps.Chunks[np]
	l := loadWordLists()
	head := ps.Toks[ch.Head].Norm
	if l.venueSet.Has(head) || !targetObjects.Has(head) {
		return nil // a venue ("a police station") is the target itself
	}
	for k := ch.A; k < ch.Head; k++ {
		if w := l.heads[ps.Toks[k].Norm]; w.class == ClassStateForce && w.kind != "needs-modifier" {
			return d.forceParticipant(participant{s: s, class: ClassStateForce, kind: w.kind})
		}
	}
	return nil
}

// holdingGroup returns the armed group that noun phrase np of sentence s
// names as holding the place after it: a doer modifier before "-held"
// ("rebel-held areas", "the rebel held district", where the chunker ends
// the phrase at the modifier), read as the participant it describes
// (modifierParticipant); nil otherwise. Only the explicit "held" says
// whose a place is: "militant hideouts" name a kind of site.
func (d *docState) holdingGroup(s int, ps *syntax.Sentence, np int) *entity {
	ch := &ps.Chunks[np]
	k := ch.Head
	if ch.B != k+1 || !heldAfter(ps.Toks, ch.B) {
		k = heldModifier(ps, ch) // the tagger joined "rebel-held" to the phrase
	}
	if k < 0 || !doerModifiers.Has(ps.Toks[k].Norm) || d.covered(s, k) {
		return nil
	}
	if m := d.modifierParticipant(s, k); m != nil && m.ent.class == ClassArmedGroup {
		return m.ent
	}
	return nil
}

// heldModifier returns the token of noun phrase ch that "-held" follows
// inside it, before its head ("rebel-held areas": rebel), or -1.
func heldModifier(ps *syntax.Sentence, ch *syntax.Chunk) int {
	for k := ch.A; k+2 < ch.Head; k++ {
		if ps.Toks[k+1].Text == "-" && heldAfter(ps.Toks, k+1) {
			return k
		}
	}
	return -1
}

// heldAfter reports whether the tokens from b read "-held" or "held" (as
// in "rebel-held", "rebel held").
func heldAfter(toks []text.Token, b int) bool {
	if b < len(toks) && (toks[b].Text == "-" || toks[b].Text == "–") {
		b++
	}
	return b < len(toks) && toks[b].Norm == "held"
}

// pronounTarget adds to f's targets the participant that noun phrase np,
// a lone pronoun, refers back to ("the group ... unless it is
// destroyed", "he was shot dead"), never one of f's doers; it reports
// whether it found one.
func (d *docState) pronounTarget(f *frame, ps *syntax.Sentence, np int) bool {
	ch := &ps.Chunks[np]
	if ch.B-ch.A != 1 || ps.Tags[ch.Head] != syntax.Pron {
		return false
	}
	m := d.pronounAntecedent(f.s, ch.Head, func(e *entity) bool { return containsEnt(f.actors, e) || containsEnt(f.agents, e) })
	if p := d.placeAntecedent(f, ch.Head); p != nil && (m == nil || later(p, m)) {
		// "the army, which kept bombing it":
		// the place named last was hit there
		f.places = appendEnt(f.places, p.ent)
		if p.ent.class == ClassCountry {
			f.hitPlaces = appendEnt(f.hitPlaces, p.ent)
		}
		if ch.Prep < 0 || placeHitPreps.Has(ps.PrepOf(np)) {
			f.placesHit = appendEnt(f.placesHit, p.ent) // "bombing it": the town was hit
		}
		return true
	}
	if m == nil {
		return false
	}
	f.targets = appendEnt(f.targets, m.ent)
	return true
}

// placeAntecedent returns the place that the object pronoun "it" at token
// k of f's sentence may refer back to: the last place named before it
// (not by a demonym) within corefWindow sentences, none of f's doers; nil
// for another pronoun.
func (d *docState) placeAntecedent(f *frame, k int) *mention {
	if d.sents[f.s].Tokens[k].Norm != "it" {
		return nil
	}
	return d.recentMentionOf(f.s, k, func(m *mention) bool {
		return hasPlaceClass(m.ent) && !m.demonym && !m.capital && !containsEnt(f.actors, m.ent) && !containsEnt(f.agents, m.ent)
	})
}

// later reports whether mention a comes after mention b in the document.
func later(a, b *mention) bool {
	return a.s > b.s || a.s == b.s && a.a > b.a
}

// placeObject records the countries that noun phrase np, the object (or
// passive subject) of f's verb, names: a country attacked or invaded
// was hit ("troops invaded Mali", "Russia struck Ukraine"), where a
// country after a preposition only says where it happened. They are
// targets of the event beside the people hit there (frame.hitPlaces),
// not in their stead. A town or region attacked stays the event's place,
// and is its target only where it names no other (placesHitBy).
func (d *docState) placeObject(f *frame, ps *syntax.Sentence, np int) {
	for _, m := range d.npMentions(f.s, ps, np) {
		if m.ent.class == ClassCountry && !m.demonym && !containsEnt(f.actors, m.ent) && headsPhrase(ps, np, m.b) {
			f.hitPlaces = appendEnt(f.hitPlaces, m.ent)
		}
	}
}

// headsPhrase reports whether a name that ends at token b heads noun
// phrase np: nothing follows it in the phrase but words for a kind of
// place ("Mandera town"); in "a Fulani camp" the name only qualifies.
func headsPhrase(ps *syntax.Sentence, np, b int) bool {
	for k := b; k < ps.Chunks[np].B; k++ {
		if !placeNouns.Has(ps.Toks[k].Norm) {
			return false
		}
	}
	return true
}

// venueTarget returns the facility that noun phrase np of sentence s
// names when its head is a venue word ("a bakery", "the Oklahoma City
// federal building", "two hospitals") that no mention covers, nil
// otherwise. The facility is a place of type "facility" named by the
// phrase's words from its first non-determiner on, inside the place the
// phrase names where it names one.
func (d *docState) venueTarget(s int, ps *syntax.Sentence, np int) *entity {
	ch := &ps.Chunks[np]
	head := ch.Head
	if head < ch.A || head >= ch.B || d.covered(s, head) {
		return nil
	}
	a := ch.A
	counted := false
	for a < head && (venueDeterminers.Has(ps.Toks[a].Norm) || countWord(ps.Toks[a].Norm)) {
		counted = counted || countWord(ps.Toks[a].Norm)
		a++
	}
	if np+1 < len(ps.Chunks) && ps.PrepOf(np+1) == "of" {
		counted = false // "two bases of the group": the group's, read through "of"
	}
	if !venueWord(ps.Toks[head].Norm, counted) {
		return d.namedVenue(s, ps, np)
	}
	var within *entity
	for _, m := range d.npMentions(s, ps, np) {
		if m.b > head {
			return nil // the head belongs to a longer name
		}
		if hasPlaceClass(m.ent) && within == nil {
			within = m.ent
		}
	}
	return d.facility(s, a, head+1, within)
}

// venueWord reports whether w is a word for a venue, or, where a number
// counts it (counted), the plural of one ("two hospitals"); an uncounted
// plural ("their posts in the town") names no one facility.
func venueWord(w string, counted bool) bool {
	vs := loadWordLists().venueSet
	return vs.Has(w) || counted && len(w) > 3 && strings.HasSuffix(w, "s") && vs.Has(w[:len(w)-1])
}

// countWord reports whether w is a figure, in digits or in words.
func countWord(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9' || numberWords[w] > 0
}

// namedVenue returns the facility that noun phrase np of sentence s names
// with a name that opens with a capitalised word for a venue or a
// settlement ("Camp Shorabak"), no mention covering any of it; nil
// otherwise.
func (d *docState) namedVenue(s int, ps *syntax.Sentence, np int) *entity {
	ch := &ps.Chunks[np]
	a := ch.A
	for a < ch.Head && ps.Tags[a] == syntax.Det {
		a++
	}
	toks := d.sents[s].Tokens
	if a >= ch.Head || !isUpperWord(&toks[a]) || opensSentence(toks, a) || placeRole(loadWordLists(), &toks[a])&(placeVenue|placeSettle) == 0 {
		return nil
	}
	for k := a; k <= ch.Head; k++ {
		if !isUpperWord(&toks[k]) || d.covered(s, k) {
			return nil
		}
	}
	return d.facility(s, a, ch.Head+1, nil)
}

// facility returns the place of type "facility" that tokens [a, b) of
// sentence s name, inside within where it is not nil, and records the
// phrase as its mention.
func (d *docState) facility(s, a, b int, within *entity) *entity {
	name := d.surface(s, a, b)
	cc, key := "", name
	if within != nil {
		cc = within.country
		key = within.name + " " + name
	} else {
		// An unnamed venue in no named town ("a bakery") is a thing of
		// this document only: another article's bakery is another one.
		key = d.doc.ID + " " + name
	}
	e := d.entityFor(&cand{class: ClassPlace, key: "place/" + keyCountry(cc) + "-" + slug(key), name: name, country: cc})
	if e.typ == "" {
		e.typ, e.conf = "facility", 0.5
	}
	if e.within == nil && within != nil && within != e {
		e.within = within
	}
	// the mention is the entity's evidence only: kept out of the
	// sentence's index, a facility no frame hit is not an event's place
	e.mentions = append(e.mentions, d.newMention(mention{s: s, a: a, b: b, ent: e}))
	return e
}

// venueDeterminers open a venue phrase without naming it: "a bakery",
// "the two hospitals", "its building".
var venueDeterminers = grammarList("venueDeterminers")

// memberOf returns the "of" phrase after noun phrase np when np names
// members of a body ("six members of Boko Haram", "fighters of the
// group"), -1 otherwise.
func memberOf(ps *syntax.Sentence, np int) int {
	if !bodyMemberHeads.Has(ps.Toks[ps.Chunks[np].Head].Norm) || np+1 >= len(ps.Chunks) || ps.PrepOf(np+1) != "of" || ps.Chunks[np+1].A != ps.Chunks[np].B+1 {
		return -1
	}
	return np + 1
}

// bodyMemberHeads name people by the body they belong to.
var bodyMemberHeads = grammarList("bodyMemberHeads")

// bodyNames head the name of a public body before a person's title: "a
// Ministry of Health official".
var bodyNames = grammarList("bodyNames")

// titledMember returns the "of" phrase right after noun phrase np when np
// is the capitalised head of a public body's name (bodyNames) and the
// phrase ends in a civilian's title in lower case, a participant head:
// "Ministry" and "Health official" of "a Ministry of Health official",
// which the chunker splits at "of". -1 otherwise.
func titledMember(ps *syntax.Sentence, np int) int {
	h := ps.Chunks[np].Head
	if !bodyNames.Has(ps.Toks[h].Norm) || !isUpperWord(&ps.Toks[h]) || np+1 >= len(ps.Chunks) || ps.PrepOf(np+1) != "of" || ps.Chunks[np+1].A != ps.Chunks[np].B+1 {
		return -1
	}
	t := ps.Toks[ps.Chunks[np+1].Head]
	if h, ok := loadWordLists().heads[t.Norm]; !ok || h.class != ClassCivilians || t.Text != t.Norm {
		return -1
	}
	return np + 1
}

// heldBy returns the "of" phrase right after noun phrase np when np names
// a thing someone has or a number of people ("the body of a child", "the
// vehicle of the mayor", "a group of tourists"), -1 otherwise.
func heldBy(ps *syntax.Sentence, np int) int {
	w := ps.Toks[ps.Chunks[np].Head].Norm
	if !ownedHeads.Has(w) && !collectiveHeads.Has(w) || np+1 >= len(ps.Chunks) || ps.PrepOf(np+1) != "of" || ps.Chunks[np+1].A != ps.Chunks[np].B+1 {
		return -1
	}
	return np + 1
}

// listItems returns noun phrase np and the phrases listed after it under
// the same preposition: "of farmers and herders".
func listItems(ps *syntax.Sentence, np int) []int {
	out := []int{np}
	for j := np + 1; j < len(ps.Chunks) && ps.Chunks[j].Kind == syntax.NP && ps.Chunks[j].Prep == ps.Chunks[np].Prep && ps.Conjoined(j); j++ {
		out = append(out, j)
	}
	return out
}

// ownedHeads name what belongs to the people an attack hit: "the body of",
// "the vehicle of".
var ownedHeads = grammarList("ownedHeads")

// placeNP adds the places noun phrase np names.
func (d *docState) placeNP(f *frame, ps *syntax.Sentence, np int) {
	for _, m := range d.npMentions(f.s, ps, np) {
		if hasPlaceClass(m.ent) {
			d.addPlace(f, m.ent)
		}
	}
}

func (d *docState) addPlace(f *frame, e *entity) {
	if e.class == ClassCountry {
		if f.country == nil {
			f.country = e
		}
		return
	}
	f.places = appendEnt(f.places, e)
}

// takenPlaceHeads are the heads of what an armed force takes as ground
// that the place words (data/placewords.tsv) do not hold: "seized the
// city", "seized control of the district".
var takenPlaceHeads = grammarList("takenPlaceHeads")

// placeTaken reports whether one of the noun phrases nps that a verb of
// seizing takes is a place or people, not goods: its head a word of
// settlement, division, facility or post, or of takenPlaceHeads; people
// held ("hundreds of hostages"; heldPeople); or a name in it (a place,
// a group, a person).
func (d *docState) placeTaken(s int, ps *syntax.Sentence, nps []int) bool {
	pw := loadWordLists().placeWords
	for _, np := range nps {
		if o := np + 1; o < len(ps.Chunks) && ps.Chunks[o].Kind == syntax.NP && ps.PrepOf(o) == "of" && ps.Chunks[o].A == ps.Chunks[np].B+1 && d.placeTaken(s, ps, []int{o}) {
			// "hundreds of hostages", "control of the district": what
			// the "of" phrase names is taken
			return true
		}
		ch := &ps.Chunks[np]
		for _, w := range [2]string{ch.Lemma, ps.Toks[ch.Head].Norm} {
			if pw[w]&(placeAdmin|placeSettle|placeVenue) != 0 || takenPlaceHeads.Has(w) {
				return true
			}
		}
		if heldPeople(ps, np) || len(d.npMentions(s, ps, np)) > 0 {
			return true
		}
	}
	return false
}

func hasPlaceClass(e *entity) bool {
	return e.class == ClassPlace || e.class == ClassRegion || e.class == ClassCountry
}
