package lexicon_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/text"
)

// TestTableMatcher checks that a matcher on a compiled table finds what a
// matcher finds that had the same phrases added, the table's after its
// own: one row per shape of overlap between the two.
func TestTableMatcher(t *testing.T) {
	own := []string{"Islamic State", "Kabul", "=ISIS", "al-Shabaab", "Red Cross"}
	tabled := []string{"Kabul", "Kabul Province", "Islamic State of Iraq", "New York", "New York City", "Sana'a", "Red", "State"}
	rows := []struct{ name, in string }{
		{"table phrase only", "He flew to New York on Monday."},
		{"longest table phrase", "He flew to New York City on Monday."},
		{"same phrase in both: own values first", "A blast in Kabul killed two."},
		{"table extends own phrase", "A blast in Kabul Province killed two."},
		{"own extends table phrase", "The Red Cross said so."},
		{"table phrase extends own", "Islamic State of Iraq claimed it."},
		{"own phrase, table prefix left", "Islamic State claimed it."},
		{"exact-case own phrase", "ISIS and Isis."},
		{"joiners", "Sana'a and Sanaa and al Shabaab."},
		{"word only in the table", "The State said."},
		{"none", "Nothing here."},
		{"first word of a table phrase, the phrase not there", "New Delhi and Sana'a."},
		{"first word of an own phrase, the phrase not there", "Islamic law in Red ink."},
		{"phrases back to back after words that begin none", "Then Sana'a State Sana'a."},
	}
	// reference: everything added, own phrases first
	ref := lexicon.NewMatcher[string]()
	for _, p := range own {
		ref.Add(p, "own:"+p)
	}
	var ps []lexicon.TablePhrase
	for i, p := range tabled {
		ref.Add(p, "tab:"+p)
		ps = append(ps, lexicon.TablePhrase{Text: p, Value: uint32(i)})
	}
	b, err := lexicon.BuildTable(ps)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := lexicon.OpenTable(string(b))
	if err != nil {
		t.Fatal(err)
	}
	m := lexicon.NewMatcherOn(lexicon.NewVocabOn(tab), tab, func(v uint32) string { return "tab:" + tabled[v] })
	for _, p := range own {
		m.Add(p, "own:"+p)
	}
	if m.Len() != ref.Len() {
		t.Errorf("Len() = %d, the reference matcher %d", m.Len(), ref.Len())
	}
	for _, r := range rows {
		toks := text.Tokenize(r.in, 0)
		got, want := show(toks, m.Find(toks)), show(toks, ref.Find(toks))
		if got != want {
			t.Errorf("%s: %q: found %s, want %s", r.name, r.in, got, want)
		}
		c := m.Vocab().Code(toks, nil)
		if got := show(toks, m.FindCoded(c)); got != want {
			t.Errorf("%s: %q: FindCoded found %s, want %s", r.name, r.in, got, want)
		}
	}
}

func show(toks []text.Token, ms []lexicon.Match[string]) string {
	var b strings.Builder
	for _, m := range ms {
		var words []string
		for _, t := range toks[m.Start:m.End] {
			words = append(words, t.Text)
		}
		fmt.Fprintf(&b, "[%s %v]", strings.Join(words, " "), m.Values)
	}
	return b.String()
}

// TestBuildTable checks what a compiled table refuses and keeps.
func TestBuildTable(t *testing.T) {
	if _, err := lexicon.BuildTable([]lexicon.TablePhrase{{Text: "=ISIS"}}); err == nil {
		t.Error("an exact-case phrase was compiled")
	}
	b, err := lexicon.BuildTable([]lexicon.TablePhrase{{"New York", 1}, {"new-york", 2}, {"York", 3}, {"", 4}})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := lexicon.OpenTable(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if tab.Len() != 2 || tab.Words() != 2 {
		t.Errorf("Len() = %d, Words() = %d; want 2 phrases of 2 words", tab.Len(), tab.Words())
	}
	m := lexicon.NewMatcherOn(lexicon.NewVocabOn(tab), tab, func(v uint32) uint32 { return v })
	ms := m.Find(text.Tokenize("in New York", 0))
	if len(ms) != 1 || !slices.Equal(ms[0].Values, []uint32{1, 2}) {
		t.Errorf("New York: %v, want one match with values 1 and 2, in order", ms)
	}
	for name, data := range map[string]string{"empty": "", "version": string(b[:len(lexicon.TableMagic)-1]) + "\xff" + string(b[len(lexicon.TableMagic):]), "truncated": string(b[:len(b)-1])} {
		if _, err := lexicon.OpenTable(data); err == nil {
			t.Errorf("%s: OpenTable accepted it", name)
		}
	}
}

// TestNewMatcherOnOtherVocab checks that a matcher cannot number words
// with a vocabulary that is not made on its table.
func TestNewMatcherOnOtherVocab(t *testing.T) {
	b, _ := lexicon.BuildTable([]lexicon.TablePhrase{{"Kabul", 0}})
	tab, _ := lexicon.OpenTable(string(b))
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	lexicon.NewMatcherOn(lexicon.NewVocab(), tab, func(uint32) int { return 0 })
}

// TestTableConcurrent finds table phrases from several goroutines at
// once, each the first to reach some of them (run with -race): every
// goroutine sees the same values slice for a phrase.
func TestTableConcurrent(t *testing.T) {
	var ps []lexicon.TablePhrase
	var names []string
	for i := 0; i < 200; i++ {
		n := fmt.Sprintf("Town%d City", i)
		names = append(names, n)
		ps = append(ps, lexicon.TablePhrase{Text: n, Value: uint32(i)})
	}
	b, err := lexicon.BuildTable(ps)
	if err != nil {
		t.Fatal(err)
	}
	tab, _ := lexicon.OpenTable(string(b))
	m := lexicon.NewMatcherOn(lexicon.NewVocabOn(tab), tab, func(v uint32) string { return names[v] })
	toks := text.Tokenize(strings.Join(names, ", "), 0)
	const workers = 4
	got := make([][]lexicon.Match[string], workers)
	done := make(chan int)
	for w := 0; w < workers; w++ {
		go func(w int) {
			got[w] = m.Find(toks)
			done <- w
		}(w)
	}
	for range workers {
		<-done
	}
	for w := range got {
		if len(got[w]) != len(names) {
			t.Fatalf("goroutine %d: %d matches, want %d", w, len(got[w]), len(names))
		}
		for i, mt := range got[w] {
			if len(mt.Values) != 1 || mt.Values[0] != names[i] || &mt.Values[0] != &got[0][i].Values[0] {
				t.Fatalf("goroutine %d, match %d: %v, not the one slice of %q", w, i, mt.Values, names[i])
			}
		}
	}
}
