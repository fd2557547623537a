package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Substring tests on strings.ToLower(s) against lower-case ASCII patterns,
// made on s itself, without building the lower-case copy.
//
// strings.ToLower maps s rune by rune through unicode.ToLower (an invalid
// byte becomes U+FFFD). A lower-case ASCII pattern can therefore only
// match a run of whole runes of s whose lower case is that ASCII
// character: ASCII letters of either case and the other characters
// themselves, and the few non-ASCII runes that lower-case to ASCII (the
// Kelvin sign, the dotted capital I). asciiLower says which character a
// rune lower-cases to.

// nonASCIILowerToASCII are the runes above ASCII that unicode.ToLower
// maps to ASCII (TestNonASCIILowerToASCII checks the list against the
// Unicode tables): a string with none of them lower-cases its ASCII
// bytes, and nothing else, to ASCII.
var nonASCIILowerToASCII = []string{"\u0130", "\u212A"}

// plainLower reports whether only the ASCII bytes of s lower-case to
// ASCII: then a lower-case ASCII pattern matches strings.ToLower(s) where
// it matches a run of ASCII bytes of s, ignoring case.
func plainLower(s string) bool {
	for _, r := range nonASCIILowerToASCII {
		if strings.Contains(s, r) {
			return false
		}
	}
	return true
}

// asciiLower returns the ASCII character unicode.ToLower(r) is, or 0xFF
// (no ASCII pattern character) when it is not ASCII.
func asciiLower(r rune) byte {
	if r < utf8.RuneSelf {
		return lowerByte(byte(r))
	}
	if l := unicode.ToLower(r); l < utf8.RuneSelf {
		return byte(l)
	}
	return 0xFF
}

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// lowerMatch reports whether strings.ToLower(s) starts with pat (lower-case
// ASCII), and how many bytes of s the match takes.
func lowerMatch(s, pat string) (bool, int) {
	j := 0
	for k := 0; k < len(pat); k++ {
		if j >= len(s) {
			return false, 0
		}
		if c := s[j]; c < utf8.RuneSelf {
			if lowerByte(c) != pat[k] {
				return false, 0
			}
			j++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		if r == utf8.RuneError && w == 1 || asciiLower(r) != pat[k] {
			return false, 0
		}
		j += w
	}
	return true, j
}

// lowerContains is strings.Contains(strings.ToLower(s), pat) for a
// lower-case ASCII pat.
func lowerContains(s, pat string) bool {
	if pat == "" {
		return true
	}
	if plainLower(s) {
		return indexFold(s, pat) >= 0
	}
	p0 := pat[0]
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if lowerByte(c) == p0 {
				if ok, _ := lowerMatch(s[i:], pat); ok {
					return true
				}
			}
			i++
			continue
		}
		if ok, _ := lowerMatch(s[i:], pat); ok {
			return true
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return false
}

// lowered is a string that several lower-case ASCII patterns are matched
// against, as strings.ToLower(s): whether s is plain (plainLower) is found
// once for all of them, where each lowerContains call scans s for it.
type lowered struct {
	s     string
	plain bool
}

// lowerOf returns s, to be matched as strings.ToLower(s).
func lowerOf(s string) lowered {
	return lowered{s: s, plain: plainLower(s)}
}

// contains is lowerContains(l.s, pat).
func (l lowered) contains(pat string) bool {
	if l.plain && pat != "" {
		return indexFold(l.s, pat) >= 0
	}
	return lowerContains(l.s, pat)
}

// hasSuffix is lowerHasSuffix(l.s, pat).
func (l lowered) hasSuffix(pat string) bool {
	if l.plain {
		return len(l.s) >= len(pat) && equalFold(l.s[len(l.s)-len(pat):], pat)
	}
	return lowerHasSuffix(l.s, pat)
}

// lowerHasPrefix is strings.HasPrefix(strings.ToLower(s), pat) for a
// lower-case ASCII pat.
func lowerHasPrefix(s, pat string) bool {
	if len(s) >= len(pat) && equalFold(s[:len(pat)], pat) {
		return true // pat is ASCII: these bytes are pat's runes
	}
	ok, _ := lowerMatch(s, pat)
	return ok
}

// lowerHasSuffix is strings.HasSuffix(strings.ToLower(s), pat) for a
// lower-case ASCII pat.
func lowerHasSuffix(s, pat string) bool {
	if pat == "" {
		return true
	}
	if plainLower(s) {
		return len(s) >= len(pat) && equalFold(s[len(s)-len(pat):], pat)
	}
	for i := 0; i < len(s); {
		w := 1
		if s[i] >= utf8.RuneSelf {
			_, w = utf8.DecodeRuneInString(s[i:])
		}
		if ok, n := lowerMatch(s[i:], pat); ok && i+n == len(s) {
			return true
		}
		i += w
	}
	return false
}

// lowerTrimSpaceHasSuffix is
// strings.HasSuffix(strings.TrimSpace(strings.ToLower(s)), pat): white
// space has no case, and no other rune lower-cases to white space, so
// trimming before lowering trims the same runes.
func lowerTrimSpaceHasSuffix(s, pat string) bool {
	return lowerHasSuffix(strings.TrimSpace(s), pat)
}

// indexFold returns the index of the first run of bytes of s that
// lower-cases (as ASCII) to pat, a non-empty lower-case ASCII string, or
// -1. Bytes above ASCII match no byte of pat.
//
// It looks for the rarest byte of pat (foldRarity; "w" of "newsletter",
// not its "n") in either case, and compares pat around each one found, in
// the order of s, so the first match found is the first of s.
func indexFold(s, pat string) int {
	if len(pat) > len(s) {
		return -1
	}
	k := rarestByte(pat)
	c := pat[k]
	upper := c
	if c >= 'a' && c <= 'z' {
		upper = c - 'a' + 'A'
	}
	end := len(s) - len(pat) + k + 1 // c of a match lies in s[k:end]
	// the next indexes of c and of upper at or after j (or end for
	// none), each searched again only once passed
	nextOf := func(b byte, j int) int {
		if x := strings.IndexByte(s[j:end], b); x >= 0 {
			return j + x
		}
		return end
	}
	nc, nu := nextOf(c, k), end
	if upper != c {
		nu = nextOf(upper, k)
	}
	for {
		j := min(nc, nu)
		if j >= end {
			return -1
		}
		if equalFold(s[j-k:j-k+len(pat)], pat) {
			return j - k
		}
		if j == nc {
			nc = nextOf(c, j+1)
		}
		if j == nu {
			nu = nextOf(upper, j+1)
		}
	}
}

// foldRarity ranks bytes by how often English text holds them, as either
// case: 0 for the space, then the letters from "e" (1) to "z" (26), and
// 20 (between "y" and "p") for the other bytes.
var foldRarity = func() (r [256]uint8) {
	for b := range r {
		r[b] = 20
	}
	r[' '] = 0
	for i, b := range []byte("etaoinshrdlcumwfgypbvkjxqz") {
		r[b] = uint8(i + 1)
	}
	return r
}()

// rarestByte returns the index of the first of pat's rarest bytes
// (foldRarity).
func rarestByte(pat string) int {
	k := 0
	for i := 1; i < len(pat); i++ {
		if foldRarity[pat[i]] > foldRarity[pat[k]] {
			k = i
		}
	}
	return k
}

// equalFold reports whether the bytes of s lower-case (as ASCII) to pat.
func equalFold(s, pat string) bool {
	if len(s) != len(pat) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lowerByte(s[i]) != pat[i] {
			return false
		}
	}
	return true
}
