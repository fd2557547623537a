package extract

import (
	"fmt"
	"sync"
)

// argWords are the lists of data/argwords.tsv, read by the argument rules
// of frames.go and doers.go.
type argWords struct {
	contact, device, reflexive, speech, claim wordSet
}

var (
	argWordsOnce sync.Once
	argWordLists *argWords
)

// loadArgWords returns the lists of data/argwords.tsv. It panics if the
// file is malformed, which TestArgWordsLoad rules out.
func loadArgWords() *argWords {
	argWordsOnce.Do(func() {
		l, err := parseArgWords()
		if err != nil {
			panic("extract: embedded word lists: " + err.Error())
		}
		argWordLists = l
	})
	return argWordLists
}

func parseArgWords() (*argWords, error) {
	m := map[string]map[string]bool{"contact": {}, "device": {}, "reflexive": {}, "speech": {}, "claim": {}}
	err := eachRow(wordFiles, "data/argwords.tsv", 3, func(f []string) error {
		set, ok := m[f[1]]
		if !ok {
			return fmt.Errorf("unknown list %q", f[1])
		}
		set[f[0]] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &argWords{contact: newWordSet(m["contact"]), device: newWordSet(m["device"]), reflexive: newWordSet(m["reflexive"]), speech: newWordSet(m["speech"]), claim: newWordSet(m["claim"])}, nil
}

// doerUnits returns data/doerunits.tsv: the last words of a name that
// make a doer a state force rather than an armed group.
func doerUnits() map[string]string {
	unitsOnce.Do(func() {
		units = map[string]string{}
		err := eachRow(wordFiles, "data/doerunits.tsv", 3, func(f []string) error {
			switch f[1] {
			case ClassStateForce, ClassArmedGroup:
			default:
				return fmt.Errorf("unknown class %q", f[1])
			}
			units[f[0]] = f[1]
			return nil
		})
		if err != nil {
			panic("extract: embedded word lists: " + err.Error())
		}
	})
	return units
}

var (
	unitsOnce sync.Once
	units     map[string]string
)
