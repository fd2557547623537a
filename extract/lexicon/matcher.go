package lexicon

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/text"
)

// Matcher finds phrases in a token stream in a single left-to-right pass:
// at each token it extends the current phrase while the phrase is a prefix
// of some known phrase, and keeps the longest complete match. Phrases are
// compared on normalised tokens, ignoring hyphens, apostrophes and periods
// between words, so "Jaish ul-Adl" and "Jaish ul Adl" are one phrase.
type Matcher[V any] struct {
	phrases  map[string][]V
	exact    map[string]bool // phrases that match only with their exact case
	prefixes map[string]struct{}
	maxLen   int
}

// NewMatcher returns an empty matcher.
func NewMatcher[V any]() *Matcher[V] {
	return &Matcher[V]{phrases: map[string][]V{}, exact: map[string]bool{}, prefixes: map[string]struct{}{}}
}

// Key returns the matching key of a phrase: its normalised tokens joined by
// single spaces, skipping joiners.
func Key(phrase string) string {
	toks := text.Tokenize(phrase, 0)
	var b strings.Builder
	for _, t := range toks {
		if Joiner(t) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Norm)
	}
	return b.String()
}

// Joiner reports whether a token only joins words (hyphen, apostrophe,
// period) and is skipped when matching.
func Joiner(t text.Token) bool {
	switch t.Norm {
	case "-", "'", ".", "\"":
		return true
	}
	return false
}

// Add registers phrase with value v. A phrase starting with "=" matches only
// with exactly the case written after the "=".
func (m *Matcher[V]) Add(phrase string, v V) {
	exact := strings.HasPrefix(phrase, "=")
	phrase = strings.TrimPrefix(phrase, "=")
	k := Key(phrase)
	if k == "" {
		return
	}
	if exact {
		k = "=" + exactKey(phrase)
		m.exact[k] = true
	}
	m.phrases[k] = append(m.phrases[k], v)
	words := strings.Count(k, " ") + 1
	if words > m.maxLen {
		m.maxLen = words
	}
	for i := 0; i < len(k); i++ {
		if k[i] == ' ' {
			m.prefixes[k[:i]] = struct{}{}
		}
	}
}

func exactKey(phrase string) string {
	var parts []string
	for _, t := range text.Tokenize(phrase, 0) {
		if !Joiner(t) {
			parts = append(parts, t.Text)
		}
	}
	return strings.Join(parts, " ")
}

// Len reports the number of distinct phrases.
func (m *Matcher[V]) Len() int { return len(m.phrases) }

// Match is a phrase found in a token slice: tokens [Start, End) of the
// slice, with the values registered for it.
type Match[V any] struct {
	Start, End int
	Values     []V
}

// Find returns the longest non-overlapping matches in toks, left to right.
func (m *Matcher[V]) Find(toks []text.Token) []Match[V] {
	var out []Match[V]
	var buf, ebuf []byte
	for i := 0; i < len(toks); {
		if Joiner(toks[i]) {
			i++
			continue
		}
		buf = buf[:0]
		ebuf = append(ebuf[:0], '=')
		bestEnd := -1
		var best []V
		words := 0
		for j := i; j < len(toks) && words < m.maxLen; j++ {
			if Joiner(toks[j]) {
				if j == i || toks[j].SpaceBefore || j+1 >= len(toks) || toks[j+1].SpaceBefore {
					break
				}
				continue
			}
			if words > 0 {
				buf = append(buf, ' ')
				ebuf = append(ebuf, ' ')
			}
			buf = append(buf, toks[j].Norm...)
			ebuf = append(ebuf, toks[j].Text...)
			words++
			if v, ok := m.phrases[string(buf)]; ok {
				bestEnd, best = j+1, v
			}
			if v, ok := m.phrases[string(ebuf)]; ok {
				bestEnd, best = j+1, v
			}
			if _, ok := m.prefixes[string(buf)]; !ok {
				if _, ok := m.prefixes[string(ebuf)]; !ok {
					break
				}
			}
		}
		if bestEnd < 0 {
			i++
			continue
		}
		out = append(out, Match[V]{Start: i, End: bestEnd, Values: best})
		i = bestEnd
	}
	return out
}
