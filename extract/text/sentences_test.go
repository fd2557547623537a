package text

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestAbbreviationsList checks data/abbreviations.tsv: its words keep a sentence open while a word left out ("!sheikh") ends it.
func TestAbbreviationsList(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"They met Gen. Smith in Kabul.", 1},
		{"It was Jan. 5 in Kabul.", 1},
		{"They met the sheikh. He left.", 2},
	} {
		if got := len(Split(c.text)); got != c.want {
			t.Errorf("%q: %d sentences, want %d", c.text, got, c.want)
		}
	}
}

// TestSplitter checks that a Splitter reused from text to text gives what
// Split gives, each text's sentences and tokens whole (a longer text
// after a shorter one, and back), and that Reset lets each text go.
func TestSplitter(t *testing.T) {
	texts := []struct{ name, in string }{
		{"one sentence, forms that are the text", "the army shelled the town"},
		{"sentences with folded forms", "Pakistan’s Army struck Türkiye. GUNMEN fled to Vessa.\nA second line"},
		{"long: arrays grow", strings.Repeat("Ahmed Kessaro left Lorvana. ", 60)},
		{"short after long", "Rebels Seize Town"},
		{"empty", ""},
		{"white space only", " \n\t "},
	}
	var sp Splitter
	for round := range 2 {
		for _, tt := range texts {
			got, toks := sp.Split(tt.in)
			want := Split(tt.in)
			if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Fatalf("round %d, %s: Splitter gives %+v, Split %+v", round, tt.name, got, want)
			}
			n := 0
			for _, s := range want {
				n += len(s.Tokens)
			}
			if len(toks) != n {
				t.Errorf("round %d, %s: %d tokens, the sentences hold %d", round, tt.name, len(toks), n)
			}
			sp.Reset()
		}
	}
	// each Reset cleared what its Split wrote: nothing of any text is left
	for _, tok := range sp.toks[:cap(sp.toks)] {
		if tok.Text != "" || tok.Norm != "" {
			t.Fatalf("Reset kept token %+v", tok)
		}
	}
	for _, s := range sp.sents[:cap(sp.sents)] {
		if s.Text != "" || s.Tokens != nil {
			t.Fatalf("Reset kept sentence %+v", s)
		}
	}
}

// TestTerminators checks the terminators' next against a scan of every
// byte, asked as splitLine asks it (at positions that only grow) over
// random lines of terminators, closers, white space and words, a line
// ending before the text does (at a newline) among them.
func TestTerminators(t *testing.T) {
	alphabet := []string{".", ".", "!", "?", " ", "\"", ")", "\u201d", "Word", "word", "Émile", "U.S.", "3", "\u00a0"}
	rng := rand.New(rand.NewPCG(7, 11))
	for range 100000 {
		s := randomString(rng, alphabet, 14)
		end := max(0, len(s)-rng.IntN(3))
		terms := newTerminators(end)
		for i := rng.IntN(3); i < end; i += 1 + rng.IntN(3) {
			want := i
			for want < end && !strings.ContainsRune(".!?", rune(s[want])) {
				want++
			}
			if got := terms.next(s, i); got != want {
				t.Fatalf("next(%q[:%d], %d) = %d, want %d", s, end, i, got, want)
			}
		}
	}
}
