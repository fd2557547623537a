package extract

import (
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract/text"
)

func TestFindDates(t *testing.T) {
	pub := time.Date(2024, 1, 18, 0, 0, 0, 0, time.UTC) // a Thursday
	tests := []struct {
		in   string
		want string // first date's value, "" for none
	}{
		{"strikes on Thursday killed nine", "2024-01-18"},
		{"Iran's strikes on Tuesday on Pakistani soil", "2024-01-16"},
		{"air strikes late Monday in Iraq", "2024-01-15"},
		{"Iran claimed yesterday that", "2024-01-17"},
		{"an attack in December which killed 11", "2023-12"},
		{"a bombing earlier this month", "2024-01"},
		{"On 7 May 2020, the PMF shelled IS militants", "2020-05-07"},
		{"January 18, 2024", "2024-01-18"},
		{"on 31 February 2024 nothing happened", ""},
		{"on February 31, 2024 nothing happened", ""},
		{"on 31 February nothing happened", ""},
		{"on 18 January 20245 nothing happened", ""},
		{"on January 18, 20245 nothing happened", ""},
		{"on January 18 20245 nothing happened", ""},
		{"in January 20245 nothing happened", ""},
		{"on 18 January 1066 nothing happened", ""},
		{"on 18 January 2,000 people marched", "2024-01-18"},
		{"on Jan 1 02000", ""},
		{"in December 02023", ""},
		{"published 2024-01-16 at noon", "2024-01-16"},
		{"This morning Pakistan undertook strikes", "2024-01-18"},
		{"last Thursday", "2024-01-11"},
		{"they may strike", ""},
		{"in May", "2023-05"},
	}
	for _, tt := range tests {
		got := findDates(text.Tokenize(tt.in, 0), pub)
		v := ""
		if len(got) > 0 {
			v = got[0].Value
		}
		if v != tt.want {
			t.Errorf("findDates(%q) = %q, want %q", tt.in, v, tt.want)
		}
	}
	if got := findDates(text.Tokenize("on Tuesday", 0), time.Time{}); len(got) != 0 {
		t.Errorf("a weekday resolved without a publication date: %v", got)
	}
}

func TestFindCasualties(t *testing.T) {
	tests := []struct {
		in           string
		killed, hurt int
	}{
		{"At least nine people have been killed after Pakistan said", 9, -1},
		{"“four children, three women and two men, who were foreign nationals, have been killed”", 9, -1},
		{"an attack that killed at least seven people", 7, -1},
		{"strikes that killed two children and wounded three others", 2, 3},
		{"killing two children and injuring three others", 2, 3},
		{"a suicide bombing that killed over 90 people", 90, -1},
		{"which killed 11 police officers", 11, -1},
		{"Pakistan hit seven locations", -1, -1},
		{"nine non-Iranian nationals, including two men, three women and four children, were killed", 9, -1},
		{"A number of terrorists were killed", -1, -1},
	}
	for _, tt := range tests {
		k, h := -1, -1
		for _, c := range findCasualties(text.Tokenize(tt.in, 0)) {
			if c.Killed {
				k = max(k, c.N)
			} else {
				h = max(h, c.N)
			}
		}
		if k != tt.killed || h != tt.hurt {
			t.Errorf("%q: killed %d injured %d, want %d %d", tt.in, k, h, tt.killed, tt.hurt)
		}
	}
}
