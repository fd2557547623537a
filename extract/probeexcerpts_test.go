package extract

import "testing"

// probeExcerpts hold one row per shape in which a short excerpt of news
// commentary mentions an attack, with rows beside them of the figurative
// senses of the same words that must stay no event: attacks is the number
// of attack events the document gives, actor a doer one of them names
// and target a target one of them names ("": not asked; plainShape). The
// texts are written for this test.
var probeExcerpts = []plainShape{
	// nominal triggers with their "of", "on" and "by" phrases
	{"the invasion by a demonym's troops",
		"The invasion of Georgia by Russian troops in 2008 left hundreds dead.", 1, "Russia", "", ""},
	{"the bombardment after which people fled",
		"Families fled after the bombardment of Kobani by government jets last week.", 1, "", "", ""},
	{"the shelling of a city went on",
		"The shelling of Kherson went on overnight, the governor said.", 1, "", "Kherson", ""},
	{"airstrikes on camps that killed",
		"Iranian airstrikes on Kurdish camps in northern Iraq killed four fighters on Sunday.", 1, "Iran", "", ""},
	{"the fighting in a region",
		"The fighting in Darfur has displaced more than a million people.", 1, "", "", ""},
	// a war named by its place, told (startsWar), or only talked about
	{"the war in a country that emptied towns",
		"The war in Sudan has emptied whole towns, aid workers say.", 1, "", "", ""},
	{"a conflict people fled",
		"Farmers fled the conflict in Cabo Delgado last year.", 1, "", "", ""},
	{"a war that is the topic of tensions",
		"Tensions rose over the war in Sudan at the summit.", 0, "", "", ""},
	{"a war a modal verb takes",
		"The new president will escalate the war in Chad.", 0, "", "", ""},
	// earlier attacks referred to
	{"months after the attack on a building",
		"Nine months after the attack on the parliament in Kampala, no one has been charged.", 1, "", "", ""},
	{"since the massacre at a market",
		"Since the massacre at the market in Beni, the town has been quiet.", 1, "", "", ""},
	// verbs of attack
	{"invaded a country",
		"Iraqi forces invaded Kuwait in August 1990.", 1, "Iraq", "Kuwait", ""},
	{"bombarded a town",
		"Army jets bombarded the rebel-held town of Kafr Zita on Tuesday.", 1, "", "", ""},
	{"stormed a building",
		"Protesters stormed the parliament building in Colombo on Saturday.", 1, "protesters", "", ""},
	{"fired on a crowd",
		"Police fired on demonstrators in Mombasa on Wednesday, witnesses said.", 1, "Kenya Police", "protesters", ""},
	{"torched homes",
		"A mob torched dozens of homes in the village of Ogbe on Monday.", 1, "unidentified mob", "", ""},
	// an attack inside an accusation
	{"accused an army of bombing",
		"The opposition accused the army of bombing a clinic in Idlib.", 1, "", "", ""},
	// figurative senses: criticism, dismissal, rivalry, a speaker's word
	{"rocketed: prices rose",
		"Share prices rocketed to a record high on Monday.", 0, "", "", ""},
	{"attacked a plan",
		"The senator attacked the budget plan on Monday.", 0, "", "", ""},
	{"an attack on a government over prices",
		"The party launched a fresh attack on the government over prices.", 0, "", "", ""},
	{"shot down a proposal",
		"Lawmakers shot down the proposal in a vote on Thursday.", 0, "", "", ""},
	{"bombarded with questions",
		"The spokesman was bombarded with questions about the delay.", 0, "", "", ""},
	{"fired a manager",
		"The club fired its manager after a string of losses.", 0, "", "", ""},
	{"a war of words",
		"The debate turned into a war of words between the two parties.", 0, "", "", ""},
	{"a trade war with a country",
		"The trade war with Brazil hurt farmers in Ohio.", 0, "", "", ""},
	{"a vote called a coup",
		"The minister called the vote a coup against democracy.", 0, "", "", ""},
	{"a tax rise described as an assault",
		"Critics described the tax rise as an assault on the poor.", 0, "", "", ""},
	{"a blast called an attack stays the blast",
		"Police called the blast a suicide attack on Monday.", 1, "", "", ""},
}

func TestProbeExcerpts(t *testing.T) { checkPlainShapes(t, probeExcerpts) }
