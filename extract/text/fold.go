package text

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// StripMarks removes diacritics but keeps case: "Rafaḩ" → "Rafah".
func StripMarks(s string) string {
	var out []rune
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			out = append(out, r)
		}
	}
	return string(out)
}

// decompose maps accented Latin letters to their lower-case base letters
// (é → e, Ş → s). It is filled once from Unicode's canonical decompositions.
var decompose = func() map[rune]string {
	m := make(map[rune]string, 700)
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			d := norm.NFD.String(string(r))
			var out []rune
			for _, c := range d {
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
	return m
}()
