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
// (docState.countryCount): m holds every count, for the passes that
// range over them, and codes the same counts of the keys countryIndex
// places, for the lookups.
type countryCounts struct {
	m     map[string]int
	codes [countryCodes]int
}

// get returns the count of country cc.
func (cs *countryCounts) get(cc string) int {
	if i := countryIndex(cc); i >= 0 {
		return cs.codes[i]
	}
	return cs.m[cc]
}

// add adds n to the count of country cc.
func (cs *countryCounts) add(cc string, n int) {
	if cs.m == nil {
		cs.m = map[string]int{}
	}
	cs.m[cc] += n
	if i := countryIndex(cc); i >= 0 {
		cs.codes[i] += n
	}
}

// reset forgets every count, for the next document.
func (cs *countryCounts) reset() {
	for cc := range cs.m {
		if i := countryIndex(cc); i >= 0 {
			cs.codes[i] = 0
		}
	}
	clear(cs.m)
}

// capitalOf returns the gazetteer entry of the capital of country cc, or
// nil.
func (r *resources) capitalOf(cc string) *gazetteer.Entry {
	if i := countryIndex(cc); i >= 0 {
		return r.capitalCodes[i]
	}
	return r.capitals[cc]
}
