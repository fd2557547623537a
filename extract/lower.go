package extract

import "strings"

// lowered is strings.ToLower(s) for substring tests against lower-case
// ASCII patterns, made without allocating when s is ASCII: then s is kept
// as it is and compared ignoring ASCII case, which is what lower-casing
// an ASCII string does. Any other string is lowered with strings.ToLower.
type lowered struct {
	s     string
	ascii bool // s is the ASCII original, to compare ignoring case
}

// lower returns the lowered form of s.
func lower(s string) lowered {
	if isASCII(s) {
		return lowered{s, true}
	}
	return lowered{strings.ToLower(s), false}
}

// contains is strings.Contains(strings.ToLower(s), pat) for a lower-case
// ASCII pat.
func (l lowered) contains(pat string) bool {
	if !l.ascii {
		return strings.Contains(l.s, pat)
	}
	return indexFold(l.s, pat) >= 0
}

// hasSuffix is strings.HasSuffix(strings.ToLower(s), pat) for a
// lower-case ASCII pat.
func (l lowered) hasSuffix(pat string) bool {
	if !l.ascii {
		return strings.HasSuffix(l.s, pat)
	}
	return len(l.s) >= len(pat) && equalFold(l.s[len(l.s)-len(pat):], pat)
}

// hasPrefix is strings.HasPrefix(strings.ToLower(s), pat) for a
// lower-case ASCII pat.
func (l lowered) hasPrefix(pat string) bool {
	if !l.ascii {
		return strings.HasPrefix(l.s, pat)
	}
	return len(l.s) >= len(pat) && equalFold(l.s[:len(pat)], pat)
}

// trimSpace is the lowered form of strings.TrimSpace(s) (lower-casing
// changes no white space).
func (l lowered) trimSpace() lowered {
	return lowered{strings.TrimSpace(l.s), l.ascii}
}

// indexFold returns the index of the first instance of pat (lower-case
// ASCII) in the ASCII string s, ignoring case, or -1.
func indexFold(s, pat string) int {
	if pat == "" {
		return 0
	}
	c0 := pat[0]
	for i := 0; i+len(pat) <= len(s); i++ {
		if lowerByte(s[i]) == c0 && equalFold(s[i:i+len(pat)], pat) {
			return i
		}
	}
	return -1
}

// equalFold reports whether the ASCII string s lower-cases to pat.
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

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
