package extract

import (
	"fmt"
	"io/fs"
	"sync"
)

// modalLists are the word lists of data/eventwords.tsv, loaded once.
type modalLists struct {
	// deny: verbs that declare untrue what their clause says; claim:
	// nouns a denial verb takes before "that"; toll: heads that count
	// casualties ("left six dead").
	deny, claim, toll wordSet
}

var (
	modalOnce sync.Once
	modal     *modalLists
)

// loadModalLists returns the embedded event word lists. It panics if
// the file is malformed, which TestEventWordsLoad rules out.
func loadModalLists() *modalLists {
	modalOnce.Do(func() {
		l, err := parseModalLists(wordFiles)
		if err != nil {
			panic("extract: embedded event word lists: " + err.Error())
		}
		modal = l
	})
	return modal
}

// parseModalLists reads data/eventwords.tsv from fsys.
func parseModalLists(fsys fs.FS) (*modalLists, error) {
	deny, claim, toll := map[string]bool{}, map[string]bool{}, map[string]bool{}
	err := eachRow(fsys, "data/eventwords.tsv", 3, func(f []string) error {
		switch f[1] {
		case "deny":
			deny[f[0]] = true
		case "claim":
			claim[f[0]] = true
		case "toll":
			toll[f[0]] = true
		default:
			return fmt.Errorf("unknown role %q", f[1])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &modalLists{deny: newWordSet(deny), claim: newWordSet(claim), toll: newWordSet(toll)}, nil
}
