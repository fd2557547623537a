package extract

import (
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
