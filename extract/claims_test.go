package extract

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
)

func TestClaimsAfter(t *testing.T) {
	for _, tt := range []struct {
		in   string // the words after the group's name
		want bool
	}{
		{"claimed responsibility for the blast.", true},
		{"said it carried out the attack.", true},
		{"said it was behind the bombing.", true},
		{"said in a statement that it had attacked the convoy.", true},
		{"said in a statement on its news agency that its fighters had planted the mine.", true},
		{"said on Friday that its militants detonated the device.", true},
		{"said its fighters ambushed the patrol.", true},
		{"said in a statement that the army had attacked its camp.", false},
		{"said its leaders would meet the mediators.", false},
		{"said it condemned the killing.", false},
		{"said in a statement that it", false},
	} {
		if got := claimsAfter(text.Tokenize(tt.in, 0), 0); got != tt.want {
			t.Errorf("claimsAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestTallyAt(t *testing.T) {
	for _, tt := range []struct {
		in, at string // the sentence, the word tallyAt is asked about
		want   bool
	}{
		{"The insurgency has killed more than 4,000 people since 2017.", "4,000", true},
		{"The rebels have displaced 30,000 villagers since March 2021.", "30,000", true},
		{"More than 900 people have been killed since 2019.", "900", true},
		{"The militants have killed 12 soldiers since Monday.", "12", false},
		{"Clashes in the district have killed more than 300 people since May last year.", "300", true},
		{"The fighting has killed 75 people since last year.", "75", true},
		{"The fighting has killed 75 people since March.", "75", false},
		{"Gunmen killed four people on Friday, the deadliest attack since 2019.", "four", false},
		{"Gunmen have killed four people in the town, the deadliest attack since 2019.", "four", false},
		{"The army said it has killed 40 militants in the valley.", "40", false},
		{"They have fled, killing 5 people since 2019.", "5", false},                // a break after the perfect, before the figure
		{"Bandits killed 20 herders who have grazed there since 2015.", "20", true}, // the perfect between the figure and "since"
		{"The group has killed 12 people ever since", "12", false},                  // "since" with no word after it
		{"The group has killed 12 people, officials say, since 2015.", "12", false}, // a break between the figure and "since"
	} {
		toks := text.Tokenize(tt.in, 0)
		at := slices.IndexFunc(toks, func(x text.Token) bool { return x.Text == tt.at })
		if got := tallyAt(toks, at, at+1); got != tt.want {
			t.Errorf("tallyAt(%q, %q) = %v, want %v", tt.in, tt.at, got, tt.want)
		}
	}
}

// TestOwnAccountBeside: what the doer says it struck stands beside the
// victims the report tells, never in their stead. One row per shape; sentences written for this test.
func TestOwnAccountBeside(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"A drone strike on a car near Kidal killed four people on Monday, residents said. The army said it had struck JNIM fighters.",
			[]string{"civilians", "Jama'at Nasr al-Islam wal Muslimin"}},
		{"Fighters of Al-Shabaab attacked a village near Afgoye in Somalia on Monday, killing nine civilians. Al-Shabaab says it attacked army positions near the village.",
			[]string{"civilians", "Somali National Army"}},
	} {
		rec := extractOne(t, tt.in, "2024-05-14")
		if len(rec.Events) == 0 {
			t.Errorf("%q: no event", tt.in)
			continue
		}
		ts := rec.Events[0].Targets
		for _, w := range tt.want {
			if !hasRef(ts, w) {
				t.Errorf("%q: targets %v, want %q among them", tt.in, refNames(ts), w)
			}
		}
	}
}

func TestOwnAccountAt(t *testing.T) {
	for _, tt := range []struct {
		in, at string
		want   bool
	}{
		{"The army said it had struck a militant.", "struck", true},
		{"The group says it attacked army positions.", "attacked", true},
		{"The group says it has shelled the base.", "shelled", true},
		{"Residents said gunmen attacked the village.", "attacked", false},
		{"The army said the strike hit a militant.", "hit", false},
	} {
		toks := text.Tokenize(tt.in, 0)
		at := slices.IndexFunc(toks, func(x text.Token) bool { return x.Text == tt.at })
		if got := ownAccountAt(toks, at); got != tt.want {
			t.Errorf("ownAccountAt(%q, %q) = %v, want %v", tt.in, tt.at, got, tt.want)
		}
	}
}
