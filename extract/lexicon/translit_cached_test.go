package lexicon

import (
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
)

// TestAppendMissingCached checks that AppendMissingCached finds what
// AppendMissing finds, one row per shape: a name whose first word the
// cache holds (cold, then warm), a name spelt otherwise, a capitalised
// word that begins no name, a first word longer than the cache keeps,
// after the index gains a first word the cache had answered no for, and
// with a second index sharing the cache.
func TestAppendMissingCached(t *testing.T) {
	x := NewTranslit[string]()
	for _, n := range []string{"Harakat Tahrir al-Wadi", "Korrim Vastey Front", "Quelbrinovskaya Tarnowa Brigade"} {
		x.Add(n, n)
	}
	y := NewTranslit[string]() // as many first words as x has at the end
	for _, n := range []string{"Vastey Korrim Union", "Tahrir Korrim Front", "Monday Ostrava League", "Brigade Korrim Tarnowa"} {
		y.Add(n, "y: "+n)
	}
	v := NewVocab()
	var c WordCache
	rows := []struct {
		name, in string
		tx       *Translit[string]
	}{
		{"a first word the cache holds", "Fighters of Harakat Tahrir al-Wadi said so.", x},
		{"the same, warm", "Fighters of Harakat Tahrir al-Wadi said so.", x},
		{"another spelling", "Harakah Tahreer el Waadi and Korim Vastey Front met.", x},
		{"no name", "Monday Tahrir Vastey Ostrava Korrim Union.", x},
		{"a first word longer than the cache keeps", "Quelbrinovskaya Tarnowa Brigade and Quelbrinovskaja Tarnova Brigade.", x},
		{"a first word added since", "Ostrava Vastey Gate and Vastey Korrim Union.", x},
		{"a second index sharing the cache", "Monday Ostrava League, Vastey Korrim Union and Harakat Tahrir al-Wadi.", y},
	}
	for i, r := range rows {
		if i == 5 {
			x.Add("Ostrava Vastey Gate", "late") // "Ostrava" was answered no
		}
		toks := text.Tokenize(r.in, 0)
		v.CodeCached(&c, toks, nil)
		want := fmt.Sprint(r.tx.AppendMissing(nil, toks, nil))
		if got := fmt.Sprint(r.tx.AppendMissingCached(&c, nil, toks, nil)); got != want {
			t.Errorf("%s: AppendMissingCached = %s, AppendMissing %s", r.name, got, want)
		}
	}
	if x.gen != y.gen {
		t.Errorf("the indexes' generations %d and %d differ: the last row tests nothing", x.gen, y.gen)
	}
}
