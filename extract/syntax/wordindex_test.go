package syntax

import "testing"

// TestWordIndex checks that the tagger's index answers as the map it was
// made from: every word of the lexicon, words it lacks of the same
// lengths and letters, and "".
func TestWordIndex(t *testing.T) {
	m := map[string]word{}
	if err := loadWords(m, "data/words.tsv", wordsData); err != nil {
		t.Fatal(err)
	}
	if err := loadVerbs(m, "data/verbs.tsv", verbsData); err != nil {
		t.Fatal(err)
	}
	x := newWordIndex(m)
	probe := []string{"", "x", "zzzz", "blorped", "attackz"}
	for w := range m {
		probe = append(probe, w, w+"q", "q"+w, w[:len(w)-1])
	}
	for _, w := range probe {
		want, wok := m[w]
		if got, ok := x.get(w); got != want || ok != wok {
			t.Errorf("get(%q) = %v, %v; the map has %v, %v", w, got, ok, want, wok)
		}
		if got := x.of(w); got != want {
			t.Errorf("of(%q) = %v; the map has %v", w, got, want)
		}
	}
	e := newWordIndex(map[string]word{"": {tag: Noun, lemma: ""}, "the": {tag: Det, lemma: "the"}})
	if got, ok := e.get(""); !ok || got.tag != Noun {
		t.Errorf(`get("") = %v, %v on an index with ""`, got, ok)
	}
}
