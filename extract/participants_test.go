package extract

import (
	"strings"
	"testing"
	"testing/fstest"
)

// mentionEntity returns the entity that has a mention whose text is span.
func mentionEntity(rec *Record, span string) *Entity {
	for i := range rec.Entities {
		for _, m := range rec.Entities[i].Mentions {
			if m.Text == span {
				return &rec.Entities[i]
			}
		}
	}
	return nil
}

// participantTest is one phrase shape: the mention text that must be
// found and what its entity must be.
type participantTest struct {
	name         string
	text         string
	span         string
	class        string
	entity       string // the entity's name ("" = not checked)
	country      string // the entity's country name ("" = not checked)
	count        int
	unidentified bool
}

var participantTests = []participantTest{
	{"unknown modifier", "On Monday unknown gunmen opened fire on a bus near Wajir, Kenya.", "unknown gunmen", ClassArmedGroup, "unidentified gunmen", "", 0, true},
	{"armed men", "Armed men abducted a trader in Mandera, Kenya on Friday.", "Armed men", ClassArmedGroup, "unidentified armed group", "", 0, true},
	{"singular attacker", "In Kenya, an unidentified attacker threw a grenade at a bus.", "an unidentified attacker", ClassArmedGroup, "", "", 1, true},
	{"group before head", "Al-Shabaab fighters raided a police post in Kenya on Tuesday.", "Al-Shabaab fighters", ClassArmedGroup, "Al-Shabaab", "", 0, false},
	{"suspected to be", "In Kenya, gunmen suspected to be Al-Shabaab militants stormed a bus.", "gunmen", ClassArmedGroup, "Al-Shabaab", "", 0, false},
	{"group-linked", "Nigerian officials said Boko Haram-linked attackers burned a school.", "Boko Haram-linked attackers", ClassArmedGroup, "Boko Haram", "", 0, false},
	{"community raiders", "Ngoloko raiders drove away cattle near the Ethiopian border.", "Ngoloko raiders", ClassArmedGroup, "Ngoloko militia", "", 0, false},
	{"community named like its land", "In Kenya, Turkana raiders drove off goats near Lodwar.", "Turkana raiders", ClassArmedGroup, "Turkana militia", "", 0, false},
	{"community, then the herd raided", "Ngoloko cattle raiders drove away goats near the Ethiopian border.", "Ngoloko cattle raiders", ClassArmedGroup, "Ngoloko militia", "", 0, false},
	{"a lexicon name opening with a hyphened prefix", "On Monday anti-Balaka fighters burned a market near Bangui.", "anti-Balaka fighters", ClassArmedGroup, "Anti-Balaka", "", 0, false},
	{"pro side", "In Venezuela, pro-government militia beat the marchers.", "pro-government militia", ClassArmedGroup, "", "", 0, true},
	{"rebel forces", "In Syria, rebel forces shelled a checkpoint overnight.", "rebel forces", ClassArmedGroup, "unidentified rebels", "", 0, true},
	{"opposition forces fight", "In Syria, opposition forces shelled a checkpoint overnight.", "opposition forces", ClassArmedGroup, "unidentified rebels", "", 0, true},
	{"opposition activists are civilians", "In Venezuela, unknown men beat two opposition activists.", "two opposition activists", ClassCivilians, "activists", "", 2, false},
	{"hired thugs", "In Kenya, thugs stormed a polling station in Kisumu.", "thugs", ClassArmedGroup, "unidentified thugs", "", 0, true},
	{"counted civilians", "In Kenya, the blast wounded seven civilians on Sunday.", "seven civilians", ClassCivilians, "civilians", "Kenya", 7, false},
	{"victim nationality", "Gunmen in Kenya killed two French tourists near the coast.", "two French tourists", ClassCivilians, "tourists", "France", 2, false},
	{"kind of workers", "Bandits in Nigeria kidnapped four NGO workers.", "four NGO workers", ClassCivilians, "workers", "Nigeria", 4, false},
	{"a singular civilian", "In Benin, gunmen killed a farmer near his field.", "a farmer", ClassCivilians, "farmers", "Benin", 1, false},
	{"counted men", "In Kenya, attackers shot two men at a bar.", "two men", ClassCivilians, "civilians", "Kenya", 2, false},
	{"a bare singular man in a clipped note", "In Kenya, bandits kidnap man near Tarbo", "man", ClassCivilians, "civilians", "Kenya", 0, false},
	{"robbers", "In Kenya, robbers raided a shop in Tarbo.", "robbers", ClassArmedGroup, "unidentified robbers", "", 0, true},
	{"unknown individuals", "In Benin, unknown individuals burned a school.", "unknown individuals", ClassArmedGroup, "unidentified armed group", "", 0, true},
	{"bare police", "Police in Kenya shot dead a robbery suspect.", "Police", ClassStateForce, "Kenya Police", "Kenya", 0, false},
	{"one officer", "In Kenya a bomb injured one police officer at dawn.", "one police officer", ClassStateForce, "Kenya Police", "Kenya", 1, false},
	{"security forces", "Security forces in Mali repelled an assault on Monday.", "Security forces", ClassStateForce, "Mali security forces", "Mali", 0, false},
	{"anaphoric group", "Jaish al-Adl claimed the ambush in Iran. The group said five guards died.", "The group", ClassArmedGroup, "Jaish al-Adl", "", 0, false},
	{"anaphoric gunmen", "Militants of Boko Haram attacked Mafa in Nigeria. The gunmen later fled.", "The gunmen", ClassArmedGroup, "Boko Haram", "", 0, false},
	{"townsfolk who attack", "On 3 May 2019, residents of Zogbo (Zogbo, Mono) raided a herders' camp in Benin.", "residents", ClassArmedGroup, "Zogbo communal militia", "Benin", 0, false},
	{"townsfolk from a place", "In Benin, people from Tagbo attacked two camps near Djougou.", "people", ClassArmedGroup, "Tagbo communal militia", "", 0, false},
	{"townsfolk of listed villages", "In Benin, residents from the villages of Gbassa and Tori-Bossito fought each other over farmland.", "residents", ClassArmedGroup, "Gbassa communal militia", "", 0, false},
	{"townsfolk of bare listed villages", "In Benin, people from villages Sori and Tanou raided a camp.", "people", ClassArmedGroup, "Sori communal militia", "", 0, false},
	{"townsfolk prompted to attack", "In Benin, the killing prompted people from Tagbo to attack a camp near Djougou.", "people", ClassArmedGroup, "Tagbo communal militia", "", 0, false},
	{"staff", "In Kenya, gunmen abducted four staff of a clinic near Mandera.", "four staff", ClassCivilians, "workers", "Kenya", 4, false},
	{"a count opening the sentence is no community", "Two gunmen attacked a bus near Moyale in Kenya.", "Two gunmen", ClassArmedGroup, "unidentified gunmen", "", 2, true},
	{"tribesmen of a community", "In Kenya, Turkana tribesmen raided a village near Lodwar.", "Turkana tribesmen", ClassArmedGroup, "Turkana militia", "", 0, false},
	{"a community in brackets after the head", "In Kenya, armed youths (Nandi) raided a farm near Eldoret.", "armed youths (Nandi", ClassArmedGroup, "Nandi militia", "", 0, false},
	{"townsfolk as victims", "In Kenya, residents of Bura were attacked by raiders.", "residents", ClassCivilians, "residents", "Kenya", 0, false},
	{"claimed attack", "A suicide bomber struck a market in Somalia. Al-Shabaab said it carried out the bombing.", "bomber", ClassArmedGroup, "Al-Shabaab", "", 0, false},
	{"rioters", "In Kenya, rioters torched a police station in Kisumu.", "rioters", ClassArmedGroup, "unidentified mob", "", 0, true},
	{"held hostages", "In Mali, rebels still hold hostages near Gao.", "hostages", ClassCivilians, "hostages", "Mali", 0, false},
	{"sect militias", "Police said Alawite militias fired on the village of Baniyas.", "Alawite militias", ClassArmedGroup, "Alawite militia", "", 0, false},
	{"sect groups", "Officials said Druze groups clashed with Bedouin fighters near Suwayda.", "Druze groups", ClassArmedGroup, "Druze militia", "", 0, false},
	{"sect opening the sentence", "Coptic worshippers were shot dead outside a church in Minya, Egypt.", "Coptic worshippers", ClassCivilians, "worshippers", "Egypt", 0, false},
	{"counted pilgrims", "Gunmen in Iraq killed nine pilgrims near Samarra.", "nine pilgrims", ClassCivilians, "pilgrims", "Iraq", 9, false},
	{"counted states act as one", "Officials said two nations bombed a port near Hodeidah.", "two nations", ClassStateForce, "coalition", "", 2, false},
	{"pro side of armed people", "In Ukraine, pro-Kremlin hackers attacked a ministry website.", "pro-Kremlin hackers", ClassArmedGroup, "unidentified pro-kremlin hackers", "", 0, true},
	{"hackers of a country", "Officials said Turkish hackers attacked the ministry's servers.", "Turkish hackers", ClassArmedGroup, "unidentified hackers", "Türkiye", 0, true},
}

// aliasTests are participants that must keep another name: a mob is also
// "rioters", as conflict coding calls it; a community's fighters keep the
// phrase that described them.
var aliasTests = []struct{ name, text, span, alias string }{
	{"kind alias", "In Kenya, a mob beat a goat thief in Kisumu.", "a mob", "rioters"},
	{"community's described fighters", "Officials said Druze groups shelled a village near Suwayda.", "Druze groups", "Druze groups"},
}

func TestParticipantAliases(t *testing.T) {
	for _, tt := range aliasTests {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractOne(t, tt.text, "2024-03-20")
			e := mentionEntity(rec, tt.span)
			if e == nil {
				t.Fatalf("no mention %q; entities: %s", tt.span, entityList(rec))
			}
			if !hasString(e.Aliases, tt.alias) {
				t.Errorf("aliases %q, want %s among them", e.Aliases, tt.alias)
			}
		})
	}
}

func TestParticipants(t *testing.T) {
	for _, tt := range participantTests {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractOne(t, tt.text, "2024-03-20")
			e := mentionEntity(rec, tt.span)
			if e == nil {
				t.Fatalf("no mention %q in %q; entities: %s", tt.span, tt.text, entityList(rec))
			}
			if e.Class != tt.class {
				t.Errorf("class %s, want %s", e.Class, tt.class)
			}
			if tt.entity != "" && e.Name != tt.entity {
				t.Errorf("entity %q, want %q", e.Name, tt.entity)
			}
			if tt.country != "" && e.Country != tt.country {
				t.Errorf("country %q, want %q", e.Country, tt.country)
			}
			got := 0
			if e.Count != nil {
				got = *e.Count
			}
			if got != tt.count {
				t.Errorf("count %d, want %d", got, tt.count)
			}
			if e.Unidentified != tt.unidentified {
				t.Errorf("unidentified %v, want %v", e.Unidentified, tt.unidentified)
			}
		})
	}
}

// noParticipantTests are phrases whose head word names no participant.
var noParticipantTests = []struct{ name, text, span string }{
	{"qualifies a noun", "Iran struck militant hideouts in Pakistan.", "militant"},
	{"adjectival head without a determiner", "Jets struck terrorist hide-outs in Pakistan.", "terrorist"},
	{"venue word after", "A bomb went off at a police station in Kenya.", "police"},
	{"bare generic plural", "Pakistan says it will fight terrorists wherever they hide.", "terrorists"},
	{"bare forces", "The two forces met at the border.", "forces"},
	{"a source", "A bomb exploded at a market in Kenya, police said.", "police"},
	{"uncounted countries", "In Mali, neighbouring countries condemned the raid.", "countries"},
	{"groups of no community", "In Yemen, aid groups said the convoy was hit.", "groups"},
}

func TestNoParticipant(t *testing.T) {
	for _, tt := range noParticipantTests {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractOne(t, tt.text, "2024-03-20")
			if e := mentionEntity(rec, tt.span); e != nil {
				t.Errorf("%q became %s %q", tt.span, e.Class, e.Name)
			}
		})
	}
}

// TestVictimTargets checks that described victims are an attack's targets
// when it names no other, and yield to a named one.
func TestVictimTargets(t *testing.T) {
	tests := []struct{ name, text, target, absent string }{
		{"civilians alone", "In Kenya, Al-Shabaab attacked a bus, killing seven civilians.", "civilians", ""},
		{"named target first", "Pakistan struck the Balochistan Liberation Army, killing two children.", "Balochistan Liberation Army", "children"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractOne(t, tt.text, "2024-03-20")
			var names []string
			for _, e := range rec.Events {
				if e.Type == EventAttack {
					names = append(names, refNames(e.Targets)...)
				}
			}
			if !contains(names, tt.target) {
				t.Errorf("targets %v, want %s", names, tt.target)
			}
			if tt.absent != "" && contains(names, tt.absent) {
				t.Errorf("targets %v hold %s", names, tt.absent)
			}
		})
	}
}

func TestPronounObject(t *testing.T) {
	rec := extractOne(t, "Kenyan police said gunmen seized businessman James Mwangi in Mandera. They later released him unharmed.", "2024-03-20")
	e := mentionEntity(rec, "him")
	if e == nil || e.Name != "James Mwangi" {
		t.Errorf("him = %v; entities: %s", e, entityList(rec))
	}
}

func entityList(rec *Record) string {
	var b strings.Builder
	for _, e := range rec.Entities {
		b.WriteString(e.Name + "[" + e.Class + "]{")
		for _, m := range e.Mentions {
			b.WriteString(m.Text + ";")
		}
		b.WriteString("} ")
	}
	return b.String()
}

func TestWordListsLoad(t *testing.T) {
	if _, err := parseWordLists(wordFiles); err != nil {
		t.Fatal(err)
	}
	good := "civilians\tCivilians\tcivilians\tpl\ta reason\n"
	mods := "unknown\tunidentified\ta reason\n"
	places := "road\tpart\ta reason\n"
	tests := []struct{ name, participants, modifiers, places, want string }{
		{"no reason", "civilians\tCivilians\tcivilians\tpl\t\n", mods, places, "data/participants.tsv:1: no reason given"},
		{"bad class", "civilians\tPeople\tcivilians\tpl\tr\n", mods, places, `data/participants.tsv:1: unknown class "People"`},
		{"fields", good + "x\ty\n", mods, places, "data/participants.tsv:2: 2 fields, want 5"},
		{"bad effect", good, "unknown\tvague\tr\n", places, `data/modifiers.tsv:1: unknown effect "vague"`},
		{"upper case", good, mods, "Road\tpart\tr\n", `data/placewords.tsv:1: word "Road" is not in lower case`},
		{"bad role", good, mods, "# comment\nroad\tpath\tr\n", `data/placewords.tsv:2: unknown role "path"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"data/participants.tsv": {Data: []byte(tt.participants)},
				"data/modifiers.tsv":    {Data: []byte(tt.modifiers)},
				"data/placewords.tsv":   {Data: []byte(tt.places)},
			}
			_, err := parseWordLists(fsys)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error %v, want %s", err, tt.want)
			}
		})
	}
}

// TestForceBesideVenue: the policemen or soldiers a toll counts are a
// target beside the venue hit, unless the venue is a force's own post,
// which stands for them. One row per shape; sentences written for this
// test.
func TestForceBesideVenue(t *testing.T) {
	for _, tt := range []struct {
		in, want, not string
	}{
		{"A bomb exploded at a market in Peshawar on Monday, killing four policemen.", "Pakistan Police", ""},
		{"Gunmen attacked a bus station in Kano on Friday, killing two police officers.", "Nigeria Police", ""},
		{"Gunmen stormed a Kano police station on Friday, killing two policemen.", "Kano police station", "Nigeria Police"},
		{"Militants attacked an army checkpoint near Gao on Sunday, killing three soldiers.", "army checkpoint", ""},
	} {
		rec := extractOne(t, tt.in, "2024-05-13")
		if len(rec.Events) == 0 {
			t.Errorf("%q: no event", tt.in)
			continue
		}
		ts := rec.Events[0].Targets
		if !hasRef(ts, tt.want) || tt.not != "" && hasRef(ts, tt.not) {
			t.Errorf("%q: targets %v, want %q and not %q", tt.in, refNames(ts), tt.want, tt.not)
		}
	}
}

// TestCiviliansEntity checks that the civilians of a country and a kind
// are one entity under their key however often asked, one row per pair:
// a country, the same again, another kind, no country, and a kind of two
// words.
func TestCiviliansEntity(t *testing.T) {
	d := newDocState(loadResources(), Document{Text: "Herders fled."})
	defer d.release()
	for _, c := range []struct{ cc, kind, key string }{
		{"KE", "herders", "civilians/ke-herders"},
		{"KE", "herders", "civilians/ke-herders"},
		{"KE", "farmers", "civilians/ke-farmers"},
		{"", "farmers", "civilians/x-farmers"},
		{"NG", "aid workers", "civilians/ng-aid-workers"},
	} {
		e := d.civiliansEntity(c.cc, c.kind)
		if e.key != c.key || d.ents[c.key] != e {
			t.Errorf("civiliansEntity(%q, %q): key %q, want %q, the entity of its key", c.cc, c.kind, e.key, c.key)
		}
	}
	if len(d.buf.civilians) != 4 {
		t.Errorf("%d pairs kept, want 4", len(d.buf.civilians))
	}
}
