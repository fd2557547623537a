// Package norm holds the name normalization shared by the gazetteer and
// its generator, so that keys computed at generation time and at load
// time agree.
package norm

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold maps non-ASCII letters to lower-case ASCII (é → e, Ş → s, ß → ss).
// It is filled once from Unicode's canonical decompositions of the Latin
// blocks, plus the letters that have no decomposition.
var fold = func() map[rune]string {
	m := make(map[rune]string, 900)
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			var out []rune
			for _, c := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, c) {
					out = append(out, unicode.ToLower(c))
				}
			}
			if len(out) > 0 && string(out) != string(r) {
				m[r] = string(out)
			}
		}
	}
	add(0xC0, 0x24F)
	add(0x1E00, 0x1EFF)
	for _, p := range []struct {
		rs string
		to string
	}{
		{"ßẞ", "ss"}, {"æÆǽǼǣǢ", "ae"}, {"œŒ", "oe"}, {"øØǿǾ", "o"},
		{"łŁ", "l"}, {"đĐðÐ", "d"}, {"þÞ", "th"}, {"ħĦ", "h"}, {"ıİ", "i"},
		{"ĸ", "k"}, {"ŀĿ", "l"}, {"ŉ", "n"}, {"ſ", "s"}, {"ŧŦ", "t"},
		{"ƒ", "f"}, {"əƏǝƎ", "e"}, {"ŋŊ", "ng"}, {"ĳĲ", "ij"},
	} {
		for _, r := range p.rs {
			m[r] = p.to
		}
	}
	return m
}()

// IsApostrophe reports whether r is an apostrophe, a quotation mark or a
// transliteration mark used like one (ʿ ʾ ʻ ʼ).
func IsApostrophe(r rune) bool {
	switch r {
	case '\'', '"', '`', '´', '‘', '’', '‚', '‛', '“', '”', '„', '‟', '′', '″',
		'ʹ', 'ʺ', 'ʻ', 'ʼ', 'ʽ', 'ʾ', 'ʿ', 'ˈ', '«', '»', '‹', '›', '＇', '＂':
		return true
	}
	return false
}

// IsDash reports whether r is a hyphen, a dash or a minus sign.
func IsDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−', '﹘', '﹣', '－', '⁃':
		return true
	}
	return false
}

// Normalize folds s for name matching: lower case, diacritics stripped,
// apostrophes, quotes, hyphens and dashes turned into spaces, runs of
// white space collapsed to one space, no leading or trailing space.
// Other characters (letters of other scripts, digits, '.', '&') are kept,
// lower-cased.
func Normalize(s string) string {
	// Fast path: already normalized ASCII needs no allocation.
	if isNormalASCII(s) {
		return s
	}
	return string(Append(make([]byte, 0, len(s)), s))
}

func isNormalASCII(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf, c >= 'A' && c <= 'Z', c == '-', c == '\'', c == '"', c == '`',
			c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			return false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		default:
			prevSpace = false
		}
	}
	return !prevSpace || len(s) == 0
}

// Append appends Normalize(s) to dst and returns the extended buffer.
func Append(dst []byte, s string) []byte {
	start := len(dst)
	space := true // pending separator suppressed at start
	emit := func(b []byte) {
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = append(dst, b...)
	}
	var one [1]byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'A' && c <= 'Z':
				one[0] = c + 'a' - 'A'
				emit(one[:])
			case c == ' ' || c == '-' || c == '\'' || c == '"' || c == '`' || (c >= '\t' && c <= '\r'):
				space = true
			default:
				one[0] = c
				emit(one[:])
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			// invalid byte: drop
		case IsApostrophe(r) || IsDash(r) || unicode.IsSpace(r):
			space = true
		case r == '\u00ad' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff':
			// soft hyphen and zero-width characters: drop
		case unicode.Is(unicode.Mn, r):
			// combining mark: drop
		default:
			if f, ok := fold[r]; ok {
				emit([]byte(f))
				continue
			}
			lr := unicode.ToLower(r)
			if f, ok := fold[lr]; ok {
				emit([]byte(f))
				continue
			}
			if lr < utf8.RuneSelf {
				one[0] = byte(lr)
				emit(one[:])
				continue
			}
			// A precomposed letter outside the folded blocks (Greek,
			// Cyrillic with accents): decompose and drop the marks.
			d := norm.NFD.String(string(lr))
			var buf []byte
			for _, c := range d {
				if !unicode.Is(unicode.Mn, c) {
					buf = utf8.AppendRune(buf, c)
				}
			}
			if len(buf) > 0 {
				emit(buf)
			}
		}
	}
	return dst
}
