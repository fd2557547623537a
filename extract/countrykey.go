package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
)

// CountryKey returns the entity key the lexical extractor gives the country
// named name ("country/mm" for "Myanmar"), and the country's name as the
// extractor writes it: the country of the gazetteer whose name or alias
// equals name (after gazetteer.Normalize). ok is false
// when no country of the gazetteer is known by that name. A store resolves
// the country names of entity references with it, so that a country is the
// same node whatever else the document or the store holds.
func CountryKey(name string) (key, canonical string, ok bool) {
	for _, e := range gazetteer.Default().Lookup(name) {
		if e.Kind == gazetteer.KindCountry && e.Country != "" && !isDemonymOf(e, name) {
			return "country/" + strings.ToLower(e.Country), e.Name, true
		}
	}
	return "", "", false
}

// isDemonymOf reports whether name is one of the demonyms of country e
// rather than its name or an alias: "Pakistani" names no country.
func isDemonymOf(e *gazetteer.Entry, name string) bool {
	k := gazetteer.Normalize(name)
	if gazetteer.Normalize(e.Name) == k {
		return false
	}
	for _, a := range e.Aliases {
		if gazetteer.Normalize(a) == k {
			return false
		}
	}
	return true
}
