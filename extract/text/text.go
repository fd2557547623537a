// Package text splits article text into sentences and tokens, keeping byte
// offsets into the original text so that every extracted fact can point at
// its evidence.
//
// The pipeline follows bleve's analysis design in miniature: the text is
// split into sentences, each sentence into tokens, and each token carries a
// normalised form (case folded, diacritics and typographic quotes removed)
// that lexicons are matched against.
package text

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters, possibly with digits or inner apostrophes
	Number             // digits, possibly with separators: 1,200 11.59 4:30
	Punct              // any other single character
)

// Token is one token of a sentence. Start and End are byte offsets into the
// document text; Norm is the normalised form used for matching.
type Token struct {
	Start, End int
	Text       string
	Norm       string
	Kind       Kind
	// SpaceBefore reports whether white space separates this token from
	// the previous one.
	SpaceBefore bool
	// upper holds Upper's and AllCaps' answers as the tokeniser found
	// them (caseKnown with caseUpper, caseAllCaps), or 0 for a token made
	// otherwise, whose text they read
	upper uint8
	// Marks are bits a caller keeps on the token (the extractor marks
	// the word lists its norm belongs to); the tokeniser leaves them 0.
	// They and upper fit in the struct's padding, so a token is no
	// larger.
	Marks uint32
}

// The bits of Token.upper.
const (
	caseKnown   = 1 // the tokeniser set the other bits
	caseUpper   = 2 // Upper
	caseAllCaps = 4 // AllCaps
)

// Upper reports whether the token starts with an upper-case letter. The
// rules ask it of most tokens, several times: the tokeniser answers it
// once, and this test of its answer is small enough to be inlined.
func (t Token) Upper() bool {
	if t.upper != 0 {
		return t.upper&caseUpper != 0
	}
	return startsUpper(t.Text)
}

// UpperWord reports whether the token is a word that starts with an
// upper-case letter (Kind Word and Upper), as the extractor asks of
// millions of tokens a pass. The tokeniser gives upper-case answers to
// words only (a letter always opens a word), so its answer needs no
// test of Kind; a token made otherwise is read by upperWord. Small
// enough to be inlined.
func (t *Token) UpperWord() bool {
	if t.upper != 0 {
		return t.upper&caseUpper != 0
	}
	return upperWord(t)
}

// upperWord is UpperWord of a token the tokeniser did not make: kept
// out of line, or UpperWord would be too large to inline.
//
//go:noinline
func upperWord(t *Token) bool {
	return t.Kind == Word && startsUpper(t.Text)
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		c := s[0]
		return 'A' <= c && c <= 'Z' // unicode.IsUpper of an ASCII rune
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// caseOf is the value of Token.upper for a token whose text s starts
// with rune r and whose bytes hold seen (wordEnd): one with an ASCII
// lower-case letter is not all capitals.
func caseOf(s string, r rune, seen uint8) uint8 {
	c := uint8(caseKnown)
	if 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r) {
		c |= caseUpper
	}
	if seen&seenLower == 0 && !('a' <= r && r <= 'z') && allCaps(s) {
		c |= caseAllCaps
	}
	return c
}

// Lower reports whether the tokeniser found that the token starts with
// no upper-case letter and is not all capitals: Upper and AllCaps are
// both false. It is false for a token made otherwise, whose case was not
// read, which a caller then asks Upper and AllCaps of. Small enough to be
// inlined, for the fast path of most of the words of a text.
func (t *Token) Lower() bool { return t.upper == caseKnown }

// AllCaps reports whether every letter of the token is upper case and it has
// at least two letters. The tokeniser answers it once, like Upper.
func (t Token) AllCaps() bool {
	if t.upper != 0 {
		return t.upper&caseAllCaps != 0
	}
	return allCaps(t.Text)
}

// allCaps reports whether every letter of s is upper case and it has at
// least two letters.
func allCaps(s string) bool {
	n := 0
	for i := 0; i < len(s); {
		// ASCII bytes without the unicode tables: their letters are
		// a-z and A-Z
		if c := s[i]; c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z':
				return false
			case 'A' <= c && c <= 'Z':
				n++
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
		i += w
	}
	return n >= 2
}

// Sentence is one sentence of a document with its tokens.
type Sentence struct {
	Index      int
	Start, End int
	Text       string
	Tokens     []Token
}

// Tokenize splits s into tokens; offsets are relative to s plus base.
func Tokenize(s string, base int) []Token {
	return appendTokens(make([]Token, 0, len(s)/5+1), s, base)
}

// appendTokens appends the tokens of s to toks, as Tokenize finds them.
// ASCII bytes are classed by asciiClass rather than decoded and asked of
// the unicode tables: they are nearly all of news text, and the answers
// are the same.
func appendTokens(toks []Token, s string, base int) []Token {
	// the forms start in arrays on the stack
	var bytes0 [256]byte
	var at0 [16]foldAt
	toks, folded, at := scanTokens(toks, s, base, bytes0[:0], at0[:0])
	settleFolds(toks, folded, at)
	return toks
}

// scanTokens appends the tokens of s to toks, as Tokenize finds them, and
// the normalised forms that are not their text to folded, with where they
// are to at, for settleFolds.
func scanTokens(toks []Token, s string, base int, folded []byte, at []foldAt) ([]Token, []byte, []foldAt) {
	i := 0
	space := true
	for i < len(s) {
		r, w := rune(s[i]), 1
		var cls uint8
		if r < utf8.RuneSelf {
			cls = asciiClass[r]
		} else {
			r, w = utf8.DecodeRuneInString(s[i:])
			cls = runeClass(r)
		}
		if cls == clsSpace {
			i += w
			space = true
			continue
		}
		start := i
		kind := Punct
		// what the word's bytes hold (seenUpper, seenLower, seenWide);
		// seenUnread for other tokens, whose bytes are read again
		seen := uint8(seenUnread)
		switch cls {
		case clsLetter:
			kind = Word
			seen = seenWide
			if r < utf8.RuneSelf {
				seen = wordByte[r]
			}
			// wordEnd, with its loop over ASCII bytes written in place
			// (a call per word costs the loop's registers): nearly all
			// words are ASCII and do not go on with a period
			if j := i + w; j < len(s) && s[j] == '.' {
				var rest uint8
				i, rest = wordEnd(s, j)
				seen |= rest
			} else {
				for i = j; i < len(s); i++ {
					c := s[i]
					if c >= utf8.RuneSelf {
						var rest uint8
						i, rest = wordRest(s, i)
						seen |= rest
						break
					}
					f := wordByte[c]
					if f == 0 {
						break
					}
					seen |= f
				}
			}
		case clsDigit:
			kind = Number
			i = numberEnd(s, i+w)
		default:
			i += w
		}
		t := Token{Start: base + start, End: base + i, Text: s[start:i], Kind: kind, SpaceBefore: space, upper: tokenCase(s[start:i], r, seen)}
		if plainSeen(t.Text, seen) {
			t.Norm = t.Text
		} else {
			a := len(folded)
			folded = appendFold(folded, t.Text)
			at = append(at, foldAt{len(toks), a, len(folded)})
		}
		toks = append(toks, t)
		// one space after a token, as between most words, is passed
		// here rather than by another turn of the loop
		space = i < len(s) && s[i] == ' '
		if space {
			i++
		}
	}
	return toks, folded, at
}

// The classes of a token's first rune: white space, a letter or mark
// (which opens a word), a digit (which opens a number), or any other.
const (
	clsOther uint8 = iota
	clsSpace
	clsLetter
	clsDigit
)

// asciiClass is runeClass of each ASCII byte.
var asciiClass = func() (c [utf8.RuneSelf]uint8) {
	for r := range c {
		c[r] = runeClass(rune(r))
	}
	return c
}()

// runeClass returns the class of r as the tokeniser reads it: U+00A0 is
// white space; a letter or a mark opens a word.
func runeClass(r rune) uint8 {
	switch {
	case unicode.IsSpace(r) || r == 0xA0:
		return clsSpace
	case unicode.IsLetter(r) || isMark(r):
		return clsLetter
	case unicode.IsDigit(r):
		return clsDigit
	}
	return clsOther
}

// What a word's bytes hold, as wordEnd reports it: an ASCII capital, an
// ASCII lower-case letter, a byte beyond ASCII, an ASCII digit;
// seenUnread marks a token whose bytes were not read so.
const (
	seenUpper = 1 << iota
	seenLower
	seenWide
	seenUnread
	seenDigit
)

// tokenCase is caseOf(s, r) for a token whose bytes hold seen: an ASCII
// word with a lower-case letter (most words) is not all capitals, and
// starts upper-case if its first letter r is at most 'Z', with no more
// reading. Small enough to be inlined.
func tokenCase(s string, r rune, seen uint8) uint8 {
	if seen&(seenLower|seenWide|seenUnread) != seenLower {
		return caseOf(s, r, seen)
	}
	if r <= 'Z' {
		return caseKnown | caseUpper
	}
	return caseKnown
}

// plainSeen is plainNorm(s) for a token whose bytes hold seen: read
// from seen for a word, from s for a token wordEnd did not read.
func plainSeen(s string, seen uint8) bool {
	if seen == seenUnread {
		return plainNorm(s)
	}
	return seen&(seenUpper|seenWide) == 0
}

// wordByte is the seen bit of each ASCII byte that goes on a word:
// seenUpper for A-Z, seenLower for a-z, seenDigit for 0-9, 0 for the
// others.
var wordByte = func() (a [utf8.RuneSelf]uint8) {
	for c := 'A'; c <= 'Z'; c++ {
		a[c], a[c+'a'-'A'] = seenUpper, seenLower
	}
	for c := '0'; c <= '9'; c++ {
		a[c] = seenDigit
	}
	return a
}()

// wordEnd returns the end of the word whose first rune ends at i (its
// letters, digits and marks, with the inner and final periods of a
// dotted abbreviation: U.S., a.m.) and what the bytes from i to there
// hold (seenUpper, seenLower, seenWide).
func wordEnd(s string, i int) (int, uint8) {
	// While the word has the shape of a dotted abbreviation (single
	// runes separated by periods: U.S, a.m), a period followed by a
	// letter goes on it, with that letter.
	seen := uint8(0)
	dotted := false
	for i+1 < len(s) && s[i] == '.' {
		r3, w3 := utf8.DecodeRuneInString(s[i+1:])
		if !unicode.IsLetter(r3) {
			break
		}
		dotted = true
		if f := wordByte[s[i+1]&0x7f]; r3 < utf8.RuneSelf {
			seen |= f
		} else {
			seen |= seenWide
		}
		i += 1 + w3
	}
	// Past that shape (or never in it), the word goes on over letters,
	// digits and marks only.
	i, rest := wordRest(s, i)
	seen |= rest
	// keep the final period of a dotted abbreviation (U.S.)
	if dotted && i < len(s) && s[i] == '.' {
		i++
	}
	return i, seen
}

// wordRest returns the end of the letters, digits and marks of a word
// from i on and what they hold (seenUpper, seenLower, seenWide): ASCII
// bytes by wordByte, nearly all of them.
func wordRest(s string, i int) (int, uint8) {
	seen := uint8(0)
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			f := wordByte[c]
			if f == 0 {
				break
			}
			seen |= f
			i++
			continue
		}
		r2, w2 := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && !isMark(r2) {
			break
		}
		i += w2
		seen |= seenWide
	}
	return i, seen
}

// numberEnd returns the end of the number whose first digit ends at i:
// its digits, with the separators (, . :) that stand between digits.
func numberEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if '0' <= c && c <= '9' {
				i++
				continue
			}
			if (c == ',' || c == '.' || c == ':') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
				i++
				continue
			}
			break
		}
		r2, w2 := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsDigit(r2) {
			break
		}
		i += w2
	}
	return i
}

// isMark is unicode.IsMark without its search of the mark table for the
// runes of Latin-1, which holds no marks: the tokeniser asks it of every
// rune that ends a word or starts a token other than a word.
func isMark(r rune) bool {
	return r > unicode.MaxLatin1 && unicode.IsMark(r)
}

// foldAt says where the normalised form of token tok lies among the
// folded bytes of scanTokens, so that the forms that differ from their
// tokens' text are made as one string rather than one each: one for the
// sentence in appendTokens, one for the text in a Splitter.
type foldAt struct{ tok, a, b int }

// settleFolds gives the tokens of toks the forms at says are in folded.
func settleFolds(toks []Token, folded []byte, at []foldAt) {
	if len(at) == 0 {
		return
	}
	all := string(folded)
	for _, f := range at {
		toks[f.tok].Norm = all[f.a:f.b]
	}
}

// Normalize folds case, removes diacritics and unifies typographic
// apostrophes, quotes and dashes, so that "Türkiye" and "Turkiye", or
// "Pakistan’s" and "Pakistan's", compare equal.
func Normalize(s string) string {
	if plainNorm(s) {
		return s
	}
	var buf [64]byte // on the stack: the string is the one allocation
	return string(appendFold(buf[:0], s))
}

// AppendNormalize appends Normalize(s) to dst: for comparing normalised
// forms in buffers of the caller's, without making strings of them.
func AppendNormalize(dst []byte, s string) []byte {
	if plainNorm(s) {
		return append(dst, s...)
	}
	return appendFold(dst, s)
}

// plainNorm reports whether s is its own normalised form: ASCII without
// capitals.
func plainNorm(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || (c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// appendFold appends the normalised form of s to dst.
func appendFold(dst []byte, s string) []byte {
	dst = slices.Grow(dst, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		dst = append(dst, foldRune(r)...)
		i += w
	}
	return dst
}

// FoldsToNonLetters reports whether the normalised spelling of r is not
// empty and holds no ASCII letter: quotes and dashes, for instance, but
// not "é" (to "e") nor a combining mark (to nothing). Where each rune of
// a text beyond ASCII does, the letters of its normalised form are the
// text's own ASCII letters, lower-cased, in the same runs.
func FoldsToNonLetters(r rune) bool {
	f := foldRune(r)
	for i := 0; i < len(f); i++ {
		if c := f[i] | 0x20; c >= 'a' && c <= 'z' {
			return false
		}
	}
	return f != ""
}

// foldRune maps a rune to its normalised spelling.
func foldRune(r rune) string {
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			return string(r + 32)
		}
		return string(r)
	}
	switch r {
	case '\u2018', '\u2019', '\u02bc', '\u02bb', '\u0060', '\u00b4', '\u2032':
		return "'"
	case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb':
		return "\""
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return "-"
	case 'ß':
		return "ss"
	case 'ø', 'Ø':
		return "o"
	case 'æ', 'Æ':
		return "ae"
	case 'ı':
		return "i"
	case 'ł', 'Ł':
		return "l"
	case 'đ', 'Đ':
		return "d"
	}
	if d, ok := decompose[r]; ok {
		return d
	}
	return string(unicode.ToLower(r))
}
