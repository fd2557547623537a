// Package gaznames is the compiled trie of the gazetteer's names (names,
// aliases, and demonyms of countries) that the extractor's names matcher
// reads in place (names.bin, a [lexicon.Table]), instead of adding the
// 318k names to a matcher at every start, the transliteration keys of
// the countries' and regions' names (translit.txt) and the entries of
// the countries' capitals (capitals.txt), instead of computing them at
// every start.
//
// Both are compiled from the embedded gazetteer by ./gen (go generate);
// TestUpToDate checks that they are what the generator makes from the
// committed gazetteer, so that they cannot drift apart.
package gaznames

//go:generate go run ./gen

import (
	_ "embed" // the compiled table
	"fmt"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/lexicon"
)

// File is the name of the compiled table, in this package's directory.
const File = "names.bin"

// TranslitFile is the name of the transliteration keys, in this
// package's directory: one line per key, the entry's index in
// [gazetteer.Gazetteer.Each] order, a tab, the key.
const TranslitFile = "translit.txt"

// Data is names.bin.
//
//go:embed names.bin
var Data string

// CapitalsFile is the name of the countries' capitals, in this package's
// directory: one line per country that has one, its code, a tab, the
// index of the capital's entry.
const CapitalsFile = "capitals.txt"

// CapitalsData is capitals.txt.
//
//go:embed capitals.txt
var CapitalsData string

// Capital is the entry of a country's capital.
type Capital struct {
	Country string
	Entry   int
}

// BuildCapitals writes the capital of each country of g: the first
// place [gazetteer.Gazetteer.Lookup] gives for the country's Capital that
// lies in the country, if any.
func BuildCapitals(g *gazetteer.Gazetteer) []byte {
	index := map[*gazetteer.Entry]int{}
	i := 0
	g.Each(func(e *gazetteer.Entry) bool {
		index[e] = i
		i++
		return true
	})
	var b []byte
	g.Each(func(e *gazetteer.Entry) bool {
		if e.Kind != gazetteer.KindCountry {
			return false
		}
		if e.Capital != "" {
			for _, p := range g.Lookup(e.Capital) {
				if p.Kind == gazetteer.KindPlace && p.Country == e.Country {
					b = fmt.Appendf(b, "%s\t%d\n", e.Country, index[p])
					break
				}
			}
		}
		return true
	})
	return b
}

// Capitals returns the lines of b, a file written by [BuildCapitals].
func Capitals(b string) ([]Capital, error) {
	var out []Capital
	for ln := 1; b != ""; ln++ {
		var line string
		line, b, _ = strings.Cut(b, "\n")
		cc, i, ok := strings.Cut(line, "\t")
		n, err := strconv.Atoi(i)
		if !ok || err != nil {
			return nil, fmt.Errorf("gaznames: %s:%d: not a country code, a tab and an entry index", CapitalsFile, ln)
		}
		out = append(out, Capital{Country: cc, Entry: n})
	}
	return out, nil
}

// TranslitData is translit.txt.
//
//go:embed translit.txt
var TranslitData string

// Translit returns the lines of b, a file written by [BuildTranslit]:
// each entry index with one of its keys, in file order.
func Translit(b string) ([]TranslitKey, error) {
	var out []TranslitKey
	for ln := 1; b != ""; ln++ {
		var line string
		line, b, _ = strings.Cut(b, "\n")
		i, k, ok := strings.Cut(line, "\t")
		n, err := strconv.Atoi(i)
		if !ok || err != nil || !strings.Contains(k, " ") {
			return nil, fmt.Errorf("gaznames: %s:%d: not an entry index, a tab and a key", TranslitFile, ln)
		}
		out = append(out, TranslitKey{Entry: n, Key: k})
	}
	return out, nil
}

// TranslitKey is a transliteration key (lexicon.TranslitKey) of a name
// of a gazetteer entry.
type TranslitKey struct {
	Entry int
	Key   string
}

// BuildTranslit writes the transliteration keys of g's countries and
// regions (places have none: a town's name is too often another town's
// elsewhere), in the order the extractor indexes them: entries in Each
// order, each entry's name then its aliases, each distinct key of the
// entry once, exact-case names ("=…") skipped.
func BuildTranslit(g *gazetteer.Gazetteer) []byte {
	var b []byte
	i := 0
	g.Each(func(e *gazetteer.Entry) bool {
		if e.Kind == gazetteer.KindPlace {
			return false
		}
		seen := map[string]bool{}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if strings.HasPrefix(n, "=") {
				continue
			}
			if k, ok := lexicon.TranslitKey(n); ok && !seen[k] {
				seen[k] = true
				b = strconv.AppendInt(b, int64(i), 10)
				b = append(b, '\t')
				b = append(b, k...)
				b = append(b, '\n')
			}
		}
		i++
		return true
	})
	return b
}

// Value is the table value of a name of gazetteer entry i (in
// [gazetteer.Gazetteer.Each] order): demonym 0 for its name or an
// alias, d+1 for its d-th demonym.
func Value(entry, demonym int) uint32 { return uint32(entry)<<8 | uint32(demonym) }

// Split returns the entry and demonym of a value made by [Value].
func Split(v uint32) (entry, demonym int) { return int(v >> 8), int(v & 0xff) }

// Phrases returns the names of g's entries with their values, in the
// order the extractor's matcher gives them: entries in Each order, each
// entry's name, then its aliases, then, for countries, its demonyms.
func Phrases(g *gazetteer.Gazetteer) ([]lexicon.TablePhrase, error) {
	var out []lexicon.TablePhrase
	i := 0
	var err error
	g.Each(func(e *gazetteer.Entry) bool {
		out = append(out, lexicon.TablePhrase{Text: e.Name, Value: Value(i, 0)})
		for _, a := range e.Aliases {
			out = append(out, lexicon.TablePhrase{Text: a, Value: Value(i, 0)})
		}
		if e.Kind == gazetteer.KindCountry {
			if len(e.Demonyms) >= 0xff {
				err = errTooMany(e.ID)
				return false
			}
			for d, n := range e.Demonyms {
				out = append(out, lexicon.TablePhrase{Text: n, Value: Value(i, d+1)})
			}
		}
		i++
		return true
	})
	if i >= 1<<24 {
		return nil, errTooMany("the gazetteer")
	}
	return out, err
}

type errTooMany string

func (e errTooMany) Error() string {
	return "gaznames: too many entries or demonyms for a value: " + string(e)
}

// Build compiles the table of g's names.
func Build(g *gazetteer.Gazetteer) ([]byte, error) {
	ps, err := Phrases(g)
	if err != nil {
		return nil, err
	}
	return lexicon.BuildTable(ps)
}

// Open reads the embedded table in place.
func Open() (*lexicon.Table, error) { return lexicon.OpenTable(Data) }
