package extract

import (
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/extract/text"
)

// currencies returns data/currencies.tsv: a currency's lower-case word
// and the countries that pay in it. It panics if the file is malformed,
// which TestCurrenciesLoad rules out.
var currencies = sync.OnceValue(func() map[string]home {
	h, err := parseHomes("data/currencies.tsv")
	if err != nil {
		panic("extract: embedded word lists: " + err.Error())
	}
	return h
})

// currencyHomes returns the homes of the currencies the document counts
// money in ("stole 50,000 naira", "a ransom of 2 million shillings"): the
// word of data/currencies.tsv after a number, or "CFA" before "francs".
// A currency word that no number or "CFA" leads is no money (a "rand" of
// land, "Kwanza" a river). It reads the text once per document.
func (d *docState) currencyHomes() []home {
	if !d.currenciesDone {
		d.currencies, d.currenciesDone = d.readCurrencyHomes(), true
	}
	return d.currencies
}

// readCurrencyHomes is currencyHomes, read from the text.
func (d *docState) readCurrencyHomes() []home {
	c := currencies()
	var out []home
	for _, s := range d.sents {
		toks := s.Tokens
		for i := range toks {
			t := &toks[i]
			w := strings.ToLower(t.Text)
			hm, ok := c[w]
			if !ok || !moneyWord(toks, i, w) {
				continue
			}
			out = append(out, hm)
		}
	}
	return out
}

// moneyWord reports whether the currency word w at token i counts money:
// "CFA francs", or a number just before it ("50,000 naira", "2 million
// shillings") or, for an abbreviation, just after it ("Ksh 500").
func moneyWord(toks []text.Token, i int, w string) bool {
	if w == "cfa" {
		return i+1 < len(toks) && strings.HasPrefix(toks[i+1].Norm, "franc")
	}
	for j := max(0, i-4); j < i; j++ {
		if _, end, ok := numberAt(toks, j); ok && end == i {
			return true
		}
	}
	_, _, ok := numberAt(toks, i+1)
	return ok
}

// narrowByCurrency returns hm narrowed to the lands that pay in the
// currencies of cs: those of cs alone where hm knows no land, hm's lands
// that use them otherwise, keeping hm's main home if it is one of them
// ("Luhya youths robbed a trader of 2 million shillings": Kenya).
// hm unchanged when cs is empty or shares no land with it.
func narrowByCurrency(hm home, cs []home) home {
	c, any := sharedOf(cs)
	if !any || len(c.ccs) == 0 {
		return hm
	}
	if hm.ccs == nil {
		return c // no home known; an empty list is homes that share none
	}
	shared := sharedHomes(hm.ccs, c.ccs, false)
	if len(shared) == 0 {
		return hm
	}
	out := home{ccs: shared}
	if slices.Contains(shared, hm.main) {
		out.main = hm.main
	}
	return out
}
