// Package wordlist reads the small word lists of the extractor's packages:
// text files with one word and the reason it is listed per line, as bleve
// keeps its stop words.
package wordlist

import (
	"fmt"
	"strings"
)

// Parse reads a list: lines of a word (lower case), a tab and the reason
// it is listed; blank lines and lines that start with '#' are comments. A
// word written "!word" is left out of the list on purpose (its reason
// says what including it would break); it maps to false. An error names
// the file (name), the line and the problem: no reason, a word not in
// lower case, or a word listed twice.
func Parse(name, data string) (map[string]bool, error) {
	m := map[string]bool{}
	for i, t := range strings.Split(data, "\n") {
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 2 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 2 (word, reason)", name, i+1, len(f))
		}
		w, reason := strings.TrimPrefix(f[0], "!"), f[1]
		switch {
		case strings.TrimSpace(reason) == "":
			return nil, fmt.Errorf("%s:%d: no reason given", name, i+1)
		case w == "" || w != strings.ToLower(w):
			return nil, fmt.Errorf("%s:%d: word %q is not in lower case", name, i+1, w)
		}
		if _, dup := m[w]; dup {
			return nil, fmt.Errorf("%s:%d: %q is listed twice", name, i+1, w)
		}
		m[w] = !strings.HasPrefix(f[0], "!")
	}
	return m, nil
}

// MustParse is Parse for a list embedded in the program: it panics on an
// error, which the package's test of the list rules out.
func MustParse(name, data string) map[string]bool {
	m, err := Parse(name, data)
	if err != nil {
		panic("wordlist: " + err.Error())
	}
	return m
}
