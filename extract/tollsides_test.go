package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
)

// TestSumSides holds one row per shape of two or more death figures in one
// sentence: the figures sumSides gives (casualtyList form).
func TestSumSides(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"one dead each side, two clauses joined by while", "A ranger was killed while soldiers killed one of the attackers.", "killed 2"},
		{"passive then active, force then rebels", "A soldier was killed and troops killed three rebels near the river.", "killed 4"},
		{"both passive, force then gunmen", "Two police officers died and four of the gunmen were shot dead.", "killed 6"},
		{"armed side first", "Three militants were killed and a guard died later.", "killed 4"},
		{"one side only: the larger figure stands", "Two rangers died at dawn and troops lost three more in Sabo.", "killed 2"},
		{"a part of the other figure", "Ten people were killed, including two militants who were shot dead.", "killed 10 killed 2"},
		{"one figure", "Troops killed four rebels in Sabo.", "killed 4"},
		{"no side named for one figure", "Two soldiers died and five were hurt.", "killed 2 injured 5"},
		{"a list of three groups after killing", "Gunmen stormed a post, killing 3 soldiers, 2 police and 4 civilians.", "killed 9"},
		{"three clauses, three groups", "A soldier was killed, two policemen died and troops killed four militants in Sabo.", "killed 7"},
		{"three clauses after a semicolon", "Rebels attacked a base; three soldiers died, two civilians were killed and five attackers were shot dead.", "killed 10"},
		{"three figures, one group repeated", "Two soldiers died, three more soldiers were killed and four rebels were shot dead.", "killed 2 killed 3 killed 4"},
		{"a total before its breakdown", "Five people died: two soldiers were shot and three villagers were killed.", "killed 5 killed 2 killed 3"},
	}
	for _, tt := range tests {
		toks := text.Tokenize(tt.in, 0)
		if got := casualtyList(sumSides(toks, findCasualties(toks))); got != tt.want {
			t.Errorf("%s: sumSides(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}
