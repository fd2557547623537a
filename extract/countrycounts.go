package extract

import "github.com/newsgraph/newsgraph/extract/gazetteer"

// countryIndex returns the slot of country code cc in a table by code
// (countryCounts, resources.capitalOf): two capital letters, as every
// ISO alpha-2 code is written, or -1 for any other key. Scoring a
// name's candidates asks a country's count and capital of each
// candidate (some 1.4 M asks a pass of the development set); an array
// read costs a fraction of a string map's hash and compare.
func countryIndex(cc string) int {
	if len(cc) != 2 || cc[0]-'A' >= 26 || cc[1]-'A' >= 26 {
		return -1
	}
	return int(cc[0]-'A')*26 + int(cc[1]-'A')
}

// countryCodes is the number of slots countryIndex gives.
const countryCodes = 26 * 26

// countryCounts counts a document's country mentions by country code
// (docState.countryCount): codes holds the counts of the keys
// countryIndex places, other those of any other key, and keys every key
// counted, in the order first counted, for the passes that range over
// them. A document counts a few countries many times: a count is an
// array's slot, and no map is hashed, grown and emptied for each
// document.
type countryCounts struct {
	codes [countryCodes]int
	other map[string]int
	keys  []string
}

// get returns the count of country cc.
func (cs *countryCounts) get(cc string) int {
	if i := countryIndex(cc); i >= 0 {
		return cs.codes[i]
	}
	return cs.other[cc]
}

// add adds n (more than 0) to the count of country cc.
func (cs *countryCounts) add(cc string, n int) {
	if i := countryIndex(cc); i >= 0 {
		if cs.codes[i] == 0 {
			cs.keys = append(cs.keys, cc)
		}
		cs.codes[i] += n
		return
	}
	if cs.other == nil {
		cs.other = map[string]int{}
	}
	if _, ok := cs.other[cc]; !ok {
		cs.keys = append(cs.keys, cc)
	}
	cs.other[cc] += n
}

// all yields each country counted and its count, in the order first
// counted.
func (cs *countryCounts) all(yield func(cc string, n int) bool) {
	for _, cc := range cs.keys {
		if !yield(cc, cs.get(cc)) {
			return
		}
	}
}

// reset forgets every count, for the next document.
func (cs *countryCounts) reset() {
	for _, cc := range cs.keys {
		if i := countryIndex(cc); i >= 0 {
			cs.codes[i] = 0
		}
	}
	clear(cs.other)
	cs.keys = cs.keys[:0]
}

// capitalOf returns the gazetteer entry of the capital of country cc, or
// nil.
func (r *resources) capitalOf(cc string) *gazetteer.Entry {
	if i := countryIndex(cc); i >= 0 {
		return r.capitalCodes[i]
	}
	return r.capitals[cc]
}
