package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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
		{"a wire dateline is a sentence of its own", "VESSANO, Korlandia, Jan 4 (Reuters) - Gunmen raided a depot.", []string{"VESSANO, Korlandia, Jan 4 (Reuters) -", "Gunmen raided a depot."}},
		{"a dateline with an agency in capitals and a long dash", "TORVIK (AFP) — Rebels shelled the port.", []string{"TORVIK (AFP) —", "Rebels shelled the port."}},
		{"brackets in a sentence are no dateline", "Police (local units) - not the army - fired.", []string{"Police (local units) - not the army - fired."}},
		{"a capitalised aside in brackets before a lower-case dash clause", "Vessano (Reuters) - and the rest fled.", []string{"Vessano (Reuters) - and the rest fled."}},
		{"an aside after lower-case words", "Troops entered Vessano (Reuters) - Gunmen fled.", []string{"Troops entered Vessano (Reuters) - Gunmen fled."}},
		{"an agency's dash with nothing after it", "Vessano (Reuters) -", []string{"Vessano (Reuters) -"}},
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

// TestTokenSpaceBefore checks SpaceBefore where the white space after a
// token is one space (which the tokeniser passes at once), more than
// one, another kind, or none. The first token has it, as if the text
// began after a space.
func TestTokenSpaceBefore(t *testing.T) {
	tests := []struct {
		in   string
		want string // each token's SpaceBefore, 1 or 0
	}{
		{"rebels fled", "11"},
		{"rebels  fled", "11"},
		{"rebels\tfled", "11"},
		{"rebels \u00a0fled", "11"},
		{" rebels fled ", "11"},
		{"rebels, fled", "101"},
		{"rebels ,fled", "110"},
		{"rebels - fled.", "1110"},
		{"7 fled", "11"},
		{"U.S. troops", "11"},
		{"Côte d'Ivoire", "1100"},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in, 0)
		got := make([]byte, len(toks))
		for i, tk := range toks {
			got[i] = '0'
			if tk.SpaceBefore {
				got[i] = '1'
			}
		}
		if string(got) != tt.want {
			t.Errorf("Tokenize(%q): SpaceBefore %s, want %s", tt.in, got, tt.want)
		}
		checkTokens(t, tt.in, toks, 0, len(tt.in))
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"Türkiye": "turkiye", "Pakistan’s": "pakistan's", "ASCII": "ascii", "plain": "plain", "São Tomé": "sao tome"} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
		if got := string(AppendNormalize([]byte("x:"), in)); got != "x:"+want {
			t.Errorf("AppendNormalize(%q, %q) = %q, want %q", "x:", in, got, "x:"+want)
		}
	}
}

// TestFoldsToNonLetters checks the runes whose normalised spelling holds
// no letter, one row per kind: a curly quote, a dash, a bullet, a no-break
// space, an accented letter, a letter folded to two, a lone combining
// mark (kept), a capital beyond ASCII, and the Kelvin sign (to ASCII
// "k").
func TestFoldsToNonLetters(t *testing.T) {
	for _, c := range []struct {
		r    rune
		want bool
	}{
		{'\u2019', true},
		{'\u2014', true},
		{'\u2022', true},
		{'\u00a0', true},
		{'é', false},
		{'ß', false},
		{'\u0301', true},
		{'Ж', true},
		{'\u212a', false},
	} {
		f := Normalize(string(c.r))
		if got := FoldsToNonLetters(c.r); got != c.want {
			t.Errorf("FoldsToNonLetters(%q) = %v, want %v (folds to %q)", c.r, got, c.want, f)
		}
	}
}

// TestSplitLong checks that over-long sentences are cut in pieces of at
// most MaxSentence bytes, at clause breaks or white space when there are
// some, never inside a UTF-8 sequence, losing no text.
func TestSplitLong(t *testing.T) {
	clause := "Pakistan struck targets in Iran, "
	tests := []struct {
		name string
		in   string
		// ends is what every piece but the last must end with ("" for
		// anything); minLen is the least length of those pieces.
		ends   string
		minLen int
	}{
		{"run-on clauses", strings.Repeat(clause, 2<<20/len(clause)), ",", MaxSentence / 2},
		{"run-on words", strings.Repeat("and then they went on ", 1<<20/22), "", MaxSentence - 30},
		{"one long word", strings.Repeat("x", 3*MaxSentence+7), "x", MaxSentence},
		{"one long word of two-byte runes", strings.Repeat("é", 3*MaxSentence), "é", MaxSentence - 1},
		{"invalid UTF-8", strings.Repeat("\x80", 3*MaxSentence), "", MaxSentence - 3},
		{"not long", strings.Repeat("a ", MaxSentence/2-1) + ".", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := Split(tt.in)
			if want := (len(strings.TrimSpace(tt.in)) + MaxSentence - 1) / MaxSentence; len(sents) < want {
				t.Fatalf("%d sentences, want at least %d", len(sents), want)
			}
			var all strings.Builder
			for i, s := range sents {
				if len(s.Text) > MaxSentence {
					t.Fatalf("sentence %d has %d bytes", i, len(s.Text))
				}
				if i < len(sents)-1 && (!strings.HasSuffix(s.Text, tt.ends) || len(s.Text) < tt.minLen) {
					t.Fatalf("sentence %d (%d bytes) ends with %q, want %q and at least %d bytes", i, len(s.Text), s.Text[max(0, len(s.Text)-10):], tt.ends, tt.minLen)
				}
				if utf8.ValidString(tt.in) && !utf8.ValidString(s.Text) {
					t.Fatalf("sentence %d cut inside a rune", i)
				}
				all.WriteString(s.Text)
			}
			if got, want := all.String(), strings.Join(strings.Fields(tt.in), ""); strings.Join(strings.Fields(got), "") != want {
				t.Errorf("the sentences lose text: %d bytes of %d", len(got), len(want))
			}
		})
	}
}

// TestSplitLinear splits and tokenises texts that an unbounded look-back
// would make quadratic: hours for these sizes, so a regression ends in
// the test binary's -timeout rather than in a clock read here, while the
// linear code takes seconds. Tokenize runs on the whole text too, beyond
// the sentence cap.
func TestSplitLinear(t *testing.T) {
	for name, in := range map[string]string{
		"letters and periods": strings.Repeat("a.", 1<<20),
		"dotted abbreviation": strings.Repeat("U.", 1<<20) + "S.",
		"digits and periods":  strings.Repeat("1.", 1<<20),
		"no full stop":        strings.Repeat("word ", 2<<20),
	} {
		t.Run(name, func(t *testing.T) {
			n := 0
			for _, s := range Split(in) {
				n += len(s.Tokens)
			}
			if n == 0 || len(Tokenize(in, 0)) == 0 {
				t.Error("no tokens")
			}
		})
	}
}

// checkSentences checks the invariants of Split's sentences of s: in
// order, inside s, not overlapping, not empty, without white space at
// either end, at most MaxSentence bytes, indexed, with their tokens.
func checkSentences(t *testing.T, s string, sents []Sentence) {
	t.Helper()
	prev := 0
	for i, sent := range sents {
		if sent.Start < prev || sent.End > len(s) || sent.Start >= sent.End {
			t.Fatalf("sentence %d: bad offsets [%d,%d) after %d in %q", i, sent.Start, sent.End, prev, s)
		}
		prev = sent.End
		if sent.Index != i || sent.Text != s[sent.Start:sent.End] {
			t.Fatalf("sentence %d: index %d, text %q for [%d,%d)", i, sent.Index, sent.Text, sent.Start, sent.End)
		}
		if sent.End-sent.Start > MaxSentence {
			t.Fatalf("sentence %d has %d bytes", i, sent.End-sent.Start)
		}
		if strings.TrimSpace(sent.Text) != sent.Text || strings.Contains(sent.Text, "\n") {
			t.Fatalf("sentence %d %q has white space at an end, or a line break", i, sent.Text)
		}
		if len(sent.Tokens) == 0 {
			t.Fatalf("sentence %d %q has no tokens", i, sent.Text)
		}
		checkTokens(t, s, sent.Tokens, sent.Start, sent.End)
	}
}

// checkTokens checks tokens of s that must lie in [lo, hi): in order, not
// empty, not overlapping, their Text the bytes they cover, white space
// between them as SpaceBefore says and none inside.
func checkTokens(t *testing.T, s string, toks []Token, lo, hi int) {
	t.Helper()
	prev := lo
	for i, tk := range toks {
		if tk.Start < prev || tk.End > hi || tk.Start >= tk.End || s[tk.Start:tk.End] != tk.Text {
			t.Fatalf("token %d %q: bad offsets [%d,%d) after %d, in [%d,%d)", i, tk.Text, tk.Start, tk.End, prev, lo, hi)
		}
		gap := s[prev:tk.Start]
		if strings.TrimFunc(gap, func(r rune) bool { return unicode.IsSpace(r) || r == 0xA0 }) != "" {
			t.Fatalf("token %d %q: text %q skipped before it", i, tk.Text, gap)
		}
		if i > 0 && tk.SpaceBefore != (gap != "") {
			t.Fatalf("token %d %q: SpaceBefore %v with %q before it", i, tk.Text, tk.SpaceBefore, gap)
		}
		if strings.ContainsFunc(tk.Text, unicode.IsSpace) {
			t.Fatalf("token %d %q holds white space", i, tk.Text)
		}
		if tk.Kind > Punct || tk.Kind == Punct && utf8.RuneCountInString(tk.Text) != 1 {
			t.Fatalf("token %d %q: kind %d", i, tk.Text, tk.Kind)
		}
		if tk.Norm != Normalize(tk.Text) {
			t.Fatalf("token %d %q: norm %q", i, tk.Text, tk.Norm)
		}
		prev = tk.End
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"Iran struck. Pakistan replied.", "U.S. forces\nHit", "“A.” B", "\xff\xfe", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sents := Split(s)
		checkSentences(t, s, sents)
		// every character that is not white space is in a sentence
		covered := 0
		for _, sent := range sents {
			covered += len(strings.Join(strings.Fields(sent.Text), ""))
		}
		if want := len(strings.Join(strings.Fields(s), "")); covered != want {
			t.Fatalf("the sentences cover %d bytes that are not white space, the text %d", covered, want)
		}
		// Bounds agrees with Split
		b := Bounds(s, nil)
		if len(b) != len(sents) {
			t.Fatalf("Bounds: %d ranges, Split %d sentences", len(b), len(sents))
		}
		for i, r := range b {
			if r.Start != sents[i].Start || r.End != sents[i].End {
				t.Fatalf("Bounds %d: %v, Split [%d,%d)", i, r, sents[i].Start, sents[i].End)
			}
		}
	})
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Pakistan’s air force", "the U.S. said at 4:30 a.m.", "1,200 people", "Türkiye and Côte d'Ivoire", "\u00a0x\u0301y", "a.b.c.d.", "\xff1.2.3"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, base int) {
		base = max(0, min(base, 1<<20))
		toks := Tokenize(s, base)
		shifted := make([]Token, len(toks))
		for i, tk := range toks {
			tk.Start -= base
			tk.End -= base
			shifted[i] = tk
		}
		checkTokens(t, s, shifted, 0, len(s))
		// every character that is not white space is in a token
		n := 0
		for _, tk := range toks {
			n += len(tk.Text)
		}
		if want := len(strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == 0xA0 }), "")); n != want {
			t.Fatalf("tokens cover %d bytes, the text has %d that are not white space", n, want)
		}
	})
}

// TestFoldsOfLongSentences checks that the normalised forms appendTokens
// gathers per sentence are those of Normalize, past the arrays they start
// in (16 forms, 256 bytes) and with non-ASCII letters.
func TestFoldsOfLongSentences(t *testing.T) {
	for _, tt := range []struct{ name, in string }{
		{"none", "the army shelled the town"},
		{"few", "Pakistan’s Army struck Türkiye"},
		{"many forms", strings.Repeat("Ahmed ", 40)},
		{"many bytes", strings.Repeat("ÆSTHETIC ßTRASSE Łódź Đà ", 30)},
	} {
		for _, tok := range Tokenize(tt.in, 0) {
			if want := Normalize(tok.Text); tok.Norm != want {
				t.Errorf("%s: %q: Norm %q, want %q", tt.name, tok.Text, tok.Norm, want)
			}
		}
	}
}

// TestCaseOfTokens checks Upper and AllCaps, whose ASCII bytes skip the
// unicode tables, against the rune-by-rune definitions.
func TestCaseOfTokens(t *testing.T) {
	upper := func(s string) bool {
		r, _ := utf8.DecodeRuneInString(s)
		return unicode.IsUpper(r)
	}
	allCaps := func(s string) bool {
		n := 0
		for _, r := range s {
			if unicode.IsLetter(r) {
				if !unicode.IsUpper(r) {
					return false
				}
				n++
			}
		}
		return n >= 2
	}
	for _, s := range []string{"", "a", "A", "AB", "Ab", "aB", "U.S.", "IS", "I", "NATO's", "NATO", "ÉTAT", "État", "éTAT", "ÆB", "A1B", "12", "\xff", "A\xffB", "ΑΘΗΝΑ", "Αθήνα", "Ünal", "ÜN"} {
		tok := Token{Text: s}
		if got, want := tok.Upper(), upper(s); got != want {
			t.Errorf("Upper(%q) = %v, want %v", s, got, want)
		}
		if got, want := tok.AllCaps(), allCaps(s); got != want {
			t.Errorf("AllCaps(%q) = %v, want %v", s, got, want)
		}
		// the tokeniser's own answer, kept in the token
		for _, tt := range Tokenize(s+" Ünal ÉTAT word", 0) {
			if got, want := tt.Upper(), upper(tt.Text); got != want || tt.upper == 0 {
				t.Errorf("Upper of token %q of %q = %v (kept %d), want %v", tt.Text, s, got, tt.upper, want)
			}
			if got, want := tt.AllCaps(), allCaps(tt.Text); got != want {
				t.Errorf("AllCaps of token %q of %q = %v (kept %d), want %v", tt.Text, s, got, tt.upper, want)
			}
			if got, want := tt.UpperWord(), tt.Kind == Word && upper(tt.Text); got != want {
				t.Errorf("UpperWord of token %q of %q = %v, want %v", tt.Text, s, got, want)
			}
		}
		// a token made by hand: UpperWord reads its kind and text
		for _, k := range []Kind{Word, Number, Punct} {
			tok := Token{Text: s, Kind: k}
			if got, want := tok.UpperWord(), k == Word && upper(s); got != want {
				t.Errorf("UpperWord(%q, kind %d) = %v, want %v", s, k, got, want)
			}
		}
	}
}

// TestUpperWordOfEveryRune checks what UpperWord leaves to the
// tokeniser's case bits: of every rune's tokens, only a word is upper
// case, so the bits answer UpperWord without a test of the kind.
func TestUpperWordOfEveryRune(t *testing.T) {
	var toks []Token
	for r := rune(0); r <= unicode.MaxRune; r++ {
		toks = appendTokens(toks[:0], "x"+string(r)+" "+string(r), 0)
		for _, tok := range toks {
			if got, want := tok.UpperWord(), tok.Kind == Word && tok.Upper(); got != want {
				t.Fatalf("UpperWord of token %q of rune %U = %v, want %v", tok.Text, r, got, want)
			}
		}
	}
}

// TestIsMark checks isMark against unicode.IsMark on every rune.
func TestIsMark(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isMark(r) != unicode.IsMark(r) {
			t.Fatalf("isMark(%U) = %v, unicode.IsMark says %v", r, isMark(r), unicode.IsMark(r))
		}
	}
}

// TestTokenShapes checks the tokeniser's reading of each shape of token,
// ASCII and beyond: words with digits, marks and dotted abbreviations,
// numbers with separators and in other scripts, white space that is not
// ASCII, and bytes that are no UTF-8.
func TestTokenShapes(t *testing.T) {
	kinds := map[Kind]string{Word: "w", Number: "n", Punct: "p"}
	tests := []struct {
		in   string
		want string // each token's text and kind, "text/kind", joined by " "
	}{
		{"A1B b2", "A1B/w b2/w"},
		{"e.g. a.m. U.S.A.", "e.g./w a.m./w U.S.A./w"},
		{"Mr. Orwin.", "Mr/w ./p Orwin/w ./p"},
		{"ab.cd", "ab/w ./p cd/w"},
		{"1,200.5 3:4 5,x", "1,200.5/n 3:4/n 5/n ,/p x/w"},
		{"٣٤ km", "٣٤/n km/w"},
		{"cafe\u0301 x", "cafe\u0301/w x/w"},
		{"\u0301a", "\u0301a/w"},
		{"a\u00a0b\u0085c\u2003d", "a/w b/w c/w d/w"},
		{"a\xffb", "a/w \xff/p b/w"},
		{"Ünal-ÉTAT", "Ünal/w -/p ÉTAT/w"},
		{"x.\u00e9", "x.\u00e9/w"},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range Tokenize(tt.in, 0) {
			got = append(got, tk.Text+"/"+kinds[tk.Kind])
			if want := Normalize(tk.Text); tk.Norm != want {
				t.Errorf("%q: token %q has Norm %q, want %q", tt.in, tk.Text, tk.Norm, want)
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

// TestASCIIClass checks the tokeniser's table of ASCII bytes against the
// unicode tables it stands for.
func TestASCIIClass(t *testing.T) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		want := clsOther
		switch {
		case unicode.IsSpace(r):
			want = clsSpace
		case unicode.IsLetter(r) || unicode.IsMark(r):
			want = clsLetter
		case unicode.IsDigit(r):
			want = clsDigit
		}
		if asciiClass[r] != want {
			t.Errorf("asciiClass[%q] = %d, want %d", r, asciiClass[r], want)
		}
		var seen uint8
		switch {
		case unicode.IsUpper(r):
			seen = seenUpper
		case unicode.IsLower(r):
			seen = seenLower
		case unicode.IsDigit(r):
			seen = seenDigit
		}
		if wordByte[r] != seen {
			t.Errorf("wordByte[%q] = %d, want %d", r, wordByte[r], seen)
		}
	}
}

// wordEndRef is the tokeniser's word scan as it was written before
// wordEnd split it in two (the state of the abbreviation's shape kept at
// every byte), the reference TestWordEnd compares wordEnd with.
//
// It returns the end of the word whose first rune ends at i (its
// letters, digits and marks, with the inner and final periods of a
// dotted abbreviation: U.S., a.m.) and what the bytes from i to there
// hold (seenUpper, seenLower, seenWide).
func wordEndRef(s string, i int) (int, uint8) {
	// The word so far has the shape of a dotted abbreviation (single
	// letters separated by periods: U.S, a.m) while short holds; seg
	// counts the runes since the last period.
	short, dotted, seg := true, false, 1
	seen := uint8(0)
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if f := wordByte[c]; f != 0 { // a letter or a digit
				seen |= f
				i++
				if seg++; seg > 1 {
					short = false
				}
				continue
			}
			// an inner period of an abbreviation (U.S., a.m.)
			if c == '.' && short && i+1 < len(s) {
				r3, _ := utf8.DecodeRuneInString(s[i+1:])
				if unicode.IsLetter(r3) {
					i++
					dotted, seg = true, 0
					continue
				}
			}
			break
		}
		r2, w2 := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && !isMark(r2) {
			break
		}
		i += w2
		seen |= seenWide
		if seg++; seg > 1 {
			short = false
		}
	}
	// keep the final period of a dotted abbreviation (U.S.)
	if dotted && i < len(s) && s[i] == '.' {
		i++
	}
	return i, seen
}

// TestWordEnd checks wordEnd against wordEndRef on every word start of
// random strings over the runes that matter to it: ASCII letters and
// digits, periods, a letter and a mark and a digit beyond ASCII, white
// space, an apostrophe, an invalid byte.
// TestTokenWordEnds checks that the words scanTokens reads (its own
// loop over ASCII bytes, wordEnd after a period, wordRest past a byte
// beyond ASCII) end where wordEndRef says, with the case its bytes give.
func TestTokenWordEnds(t *testing.T) {
	alphabet := []string{"U", "s", "x", "7", ".", ".", "é", "Ж", "\u0301", "٣", " ", "'", "\xff", "-"}
	rng := rand.New(rand.NewPCG(7, 11))
	for range 100000 {
		s := randomString(rng, alphabet, 10)
		for _, tk := range Tokenize(s, 0) {
			if tk.Kind != Word {
				continue
			}
			r, w := utf8.DecodeRuneInString(tk.Text)
			end, seen := wordEndRef(s, tk.Start+w)
			if r < utf8.RuneSelf {
				seen |= wordByte[r]
			} else {
				seen |= seenWide
			}
			if tk.End != end || tk.upper != tokenCase(tk.Text, r, seen) {
				t.Fatalf("Tokenize(%q): word %q ends at %d, case %b; want %d, %b", s, tk.Text, tk.End, tk.upper, end, tokenCase(tk.Text, r, seen))
			}
		}
	}
}

func TestWordEnd(t *testing.T) {
	alphabet := []string{"U", "s", "x", "7", ".", ".", "é", "Ж", "\u0301", "٣", " ", "'", "\xff", "-"}
	rng := rand.New(rand.NewPCG(3, 5))
	for range 200000 {
		s := randomString(rng, alphabet, 10)
		for i, r := range s {
			if !unicode.IsLetter(r) && !isMark(r) {
				continue
			}
			_, w := utf8.DecodeRuneInString(s[i:])
			gotEnd, gotSeen := wordEnd(s, i+w)
			wantEnd, wantSeen := wordEndRef(s, i+w)
			if gotEnd != wantEnd || gotSeen != wantSeen {
				t.Fatalf("wordEnd(%q, %d) = %d, %b, want %d, %b", s, i+w, gotEnd, gotSeen, wantEnd, wantSeen)
			}
		}
	}
}

// randomString returns a string of one to most pieces of alphabet, drawn
// by rng.
func randomString(rng *rand.Rand, alphabet []string, most int) string {
	var b strings.Builder
	for n := 1 + rng.IntN(most); n > 0; n-- {
		b.WriteString(alphabet[rng.IntN(len(alphabet))])
	}
	return b.String()
}
