package wordlist

import (
	"strings"
	"testing"
)

// TestParse checks that a malformed list is refused, naming the file and
// line, and that "!word" maps to false.
func TestParse(t *testing.T) {
	for _, c := range []struct {
		name, data string
		want       map[string]bool
		err        string
	}{
		{"well formed", "# comment\n\nmr\ttitle\n!sheikh\tleft out: a full word\n", map[string]bool{"mr": true, "sheikh": false}, ""},
		{"no reason", "mr\t \n", nil, "a.tsv:1: no reason given"},
		{"one column", "# c\nmr\n", nil, "a.tsv:2: 1 fields, want 2"},
		{"upper case", "Mr\ttitle\n", nil, `a.tsv:1: word "Mr" is not in lower case`},
		{"twice", "mr\ttitle\n!mr\tnot\n", nil, `a.tsv:2: "mr" is listed twice`},
		{"empty word", "!\tnothing\n", nil, `a.tsv:1: word "" is not in lower case`},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := Parse("a.tsv", c.data)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one containing %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(m) != len(c.want) {
				t.Fatalf("got %v, want %v", m, c.want)
			}
			for w, in := range c.want {
				if got, ok := m[w]; !ok || got != in {
					t.Errorf("%q: got %v (listed %v), want %v", w, got, ok, in)
				}
			}
		})
	}
}
