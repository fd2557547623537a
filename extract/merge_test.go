package extract

import (
	"strings"
	"testing"
)

// TestReplyClause checks replyClause against the forms it stands for,
// read on strings.ToLower of the sentence, one row per shape.
func TestReplyClause(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"The army shelled the hills in response.", true},
		{"In retaliation, gunmen burned the market in Varo.", true},
		{"Police fired back IN RESPONSE, witnesses said.", true},
		{"The militia struck the convoy in response", true},
		{"The militia struck the convoy in retaliation for the raid.", false},
		{"The army shelled the hills in response to the ambush.", false},
		{"Gunmen stormed a clinic in Varo town.", false},
		{"Residents were in real danger.", false},
		{"", false},
		{"Soldiers replied İN RESPONSE, officials said.", strings.Contains(strings.ToLower("Soldiers replied İN RESPONSE, officials said."), "in response,")},
	} {
		l := strings.ToLower(tc.text)
		old := strings.Contains(l, "in response.") || strings.Contains(l, "in response,") || strings.HasSuffix(l, "in response") || strings.Contains(l, "in retaliation.") || strings.Contains(l, "in retaliation,")
		if old != tc.want {
			t.Fatalf("row %q: want %v, the forms say %v", tc.text, tc.want, old)
		}
		if got := replyClause(tc.text); got != tc.want {
			t.Errorf("replyClause(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
