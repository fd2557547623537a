package extract

import "github.com/newsgraph/newsgraph/extract/internal/wordlist"

// wordSet is the set of words the rules ask of every token
// (wordlist.Set: an open-addressing table, has(w) exactly m[w]).
type wordSet = wordlist.Set

// wordMap is a map from words to values on wordSet's table.
type wordMap[V any] = wordlist.Map[V]

// newWordSet returns the set of the words m maps to true.
func newWordSet(m map[string]bool) wordSet { return wordlist.NewSet(m) }

// newWordMap returns the map of m's words to their values.
func newWordMap[V any](m map[string]V) wordMap[V] { return wordlist.NewMap(m) }
