package eval

import (
	_ "embed"
	"regexp"
	"strings"
	"unicode"

	unorm "golang.org/x/text/unicode/norm"
)

// This file holds the name matching of the development set's format: the
// same comparisons as its reference scorer (../shared/eval/dev/score.py),
// so that both print the same figures on the same records.

//go:embed data/headnouns.txt
var headNounData string

// headNouns maps an entity class to the gold head nouns it matches.
var headNouns = parseHeadNouns(headNounData)

func parseHeadNouns(data string) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, line := range strings.Split(data, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			continue
		}
		if out[f[0]] == nil {
			out[f[0]] = map[string]bool{}
		}
		out[f[0]][f[1]] = true
	}
	return out
}

// fillerWords are dropped from a name before comparison: articles,
// administrative levels and the Arabic article, which spellings of one
// name keep or leave out.
var fillerWords = regexp.MustCompile(`\b(the|province|provinces|district|county|city|town|village|of|al|el|and)\b`)

// devNorm is the comparison form of a name: curly apostrophes straight,
// a possessive 's dropped, accents removed, lower case, filler words
// dropped, then only letters and digits.
func devNorm(s string) string {
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'").Replace(s)
	s = dropPossessive(s)
	s = asciiFold(s)
	s = fillerWords.ReplaceAllString(s, " ")
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b = append(b, c)
		}
	}
	return string(b)
}

// dropPossessive removes "'s" where a word ends after it.
func dropPossessive(s string) string {
	if !strings.Contains(s, "'s") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "'s") && wordEndsAt(s, i+2) {
			i += 2
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// wordEndsAt reports whether no word character (letter, number or
// underscore, in Unicode) starts at byte i.
func wordEndsAt(s string, i int) bool {
	for _, r := range s[i:] {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	}
	return true
}

// asciiFold decomposes s (NFKD), keeps its ASCII characters and lowers
// their case.
func asciiFold(s string) string {
	s = unorm.NFKD.String(s)
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b)
}

// similar reports whether two normalised names match: equal, one inside
// the other (both at least four letters), or spelt closely (a matching
// ratio of at least 0.85).
func similar(a, b string) bool {
	switch {
	case a == "" || b == "":
		return false
	case a == b:
		return true
	case min(len(a), len(b)) >= 4 && (strings.Contains(b, a) || strings.Contains(a, b)):
		return true
	}
	return matchRatio(a, b) >= 0.85
}

// stem drops a plural s.
func stem(w string) string { return strings.TrimSuffix(w, "s") }
