package text

import (
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two sentences", "Iran struck. Pakistan replied.", []string{"Iran struck.", "Pakistan replied."}},
		{"abbreviation", "The U.S. military said Gen. Smith left. He returned.", []string{"The U.S. military said Gen. Smith left.", "He returned."}},
		{"initial", "J. Smith said so. Then left.", []string{"J. Smith said so.", "Then left."}},
		{"decimal time", "At 11.59pm local time strikes began.", []string{"At 11.59pm local time strikes began."}},
		{"quote close", "“It was a strike.” The ministry said.", []string{"“It was a strike.”", "The ministry said."}},
		{"lines", "Headline here\nBody text. More text.", []string{"Headline here", "Body text.", "More text."}},
		{"glued", "for consultations.Pakistan has said", []string{"for consultations.", "Pakistan has said"}},
		{"lowercase after period", "the town of St. Louis is big.", []string{"the town of St. Louis is big."}},
		{"empty lines", "\n\n  \nA.\n", []string{"A."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.in)
			var texts []string
			for i, s := range got {
				texts = append(texts, s.Text)
				if tt.in[s.Start:s.End] != s.Text {
					t.Errorf("sentence %d offsets [%d,%d) give %q, text %q", i, s.Start, s.End, tt.in[s.Start:s.End], s.Text)
				}
				if s.Index != i {
					t.Errorf("sentence %d has index %d", i, s.Index)
				}
			}
			if strings.Join(texts, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, texts, tt.want)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens' Norm joined by " "
	}{
		{"Pakistan’s air force", "pakistan ' s air force"},
		{"Sistan-o-Baluchistan", "sistan - o - baluchistan"},
		{"the U.S. said", "the u.s. said"},
		{"1,200 people at 4:30am", "1,200 people at 4:30 am"},
		{"Türkiye and Côte d'Ivoire", "turkiye and cote d ' ivoire"},
		{"“killer” drones", "\" killer \" drones"},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in, 10)
		var norms []string
		for _, tk := range toks {
			norms = append(norms, tk.Norm)
			if tt.in[tk.Start-10:tk.End-10] != tk.Text {
				t.Errorf("%q: token %q has offsets [%d,%d)", tt.in, tk.Text, tk.Start, tk.End)
			}
		}
		if got := strings.Join(norms, " "); got != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"Türkiye": "turkiye", "Pakistan’s": "pakistan's", "ASCII": "ascii", "plain": "plain", "São Tomé": "sao tome"} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"Iran struck. Pakistan replied.", "U.S. forces\nHit", "“A.” B", "\xff\xfe", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sent := range Split(s) {
			if sent.Start < prev || sent.End > len(s) || sent.Start > sent.End {
				t.Fatalf("bad sentence offsets [%d,%d) after %d in %q", sent.Start, sent.End, prev, s)
			}
			prev = sent.End
			for _, tk := range sent.Tokens {
				if tk.Start < sent.Start || tk.End > sent.End || s[tk.Start:tk.End] != tk.Text {
					t.Fatalf("bad token %q [%d,%d)", tk.Text, tk.Start, tk.End)
				}
			}
		}
	})
}
