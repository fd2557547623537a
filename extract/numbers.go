package extract

import (
	_ "embed"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/text"
)

//go:embed numbers.tsv
var numbersTSV string

// unitWords and scaleWords are the number words of numbers.tsv, with
// their values; numberWords holds every word of the file, vague ones too,
// with a positive value: a test for words of quantity at a phrase's edge,
// not a figure (numberAt reads figures).
var unitWords, scaleWords, numberWords = numberWordMaps(parseNumberWords(numbersTSV))

// numberWordMaps makes the unit and scale words wordMaps, for the lookups
// of every token.
func numberWordMaps(units, scales, all map[string]int) (wordMap[int], wordMap[int], map[string]int) {
	return newWordMap(units), newWordMap(scales), all
}

// scaleWordValue is the value of scale word t, 0 if t is none.
func scaleWordValue(t *text.Token) int {
	if !markScale.has(t) {
		return 0
	}
	v, _ := scaleWords.Get(t.Norm)
	return v
}

// parseNumberWords reads numbers.tsv. It panics on a malformed line: the
// file is embedded, and the package tests load it.
func parseNumberWords(data string) (units, scales, all map[string]int) {
	units, scales, all = map[string]int{}, map[string]int{}, map[string]int{}
	for n, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			panic(fmt.Sprintf("extract: numbers.tsv:%d: want word, value, kind", n+1))
		}
		v, err := strconv.Atoi(f[1])
		if err != nil {
			panic(fmt.Sprintf("extract: numbers.tsv:%d: %v", n+1, err))
		}
		switch f[2] {
		case "unit":
			units[f[0]] = v
		case "scale":
			scales[f[0]] = v
		case "vague":
		default:
			panic(fmt.Sprintf("extract: numbers.tsv:%d: kind %q, want unit, scale or vague", n+1, f[2]))
		}
		all[f[0]] = max(v, 1)
	}
	return units, scales, all
}

// numberAt reads a number at token i ("9", "1,200", "1.5 million",
// "nine", "twenty-five", "one hundred and twenty", "a dozen") and returns
// it with the index after it. Vague quantities ("dozens", "several",
// "hundreds") are not numbers. A figure too large for an int reads as
// math.MaxInt, for the plausibility bound to catch.
func numberAt(toks []text.Token, i int) (int, int, bool) {
	if i >= len(toks) {
		return 0, i, false
	}
	t := &toks[i]
	switch {
	case t.Kind == text.Number:
		return digitsAt(toks, i)
	case t.Norm == "a" || t.Norm == "an":
		return articleNumberAt(toks, i)
	}
	return wordsAt(toks, i)
}

// digitsAt reads a figure written in digits, with thousands separators
// ("1,200") and an optional scale word ("1.5 million", "3 thousand"). A
// decimal without a scale word ("1.5") or a time ("4:30") is no count.
func digitsAt(toks []text.Token, i int) (int, int, bool) {
	t := toks[i].Text
	if strings.Contains(t, ":") || !validSeparators(t) {
		return 0, i, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, i, false
	}
	if i+1 < len(toks) {
		if m, ok := scaleWords.Get(toks[i+1].Norm); ok && m >= 1000 {
			return saturate(f * float64(m)), i + 2, true
		}
	}
	if strings.Contains(t, ".") {
		return 0, i, false
	}
	return saturate(f), i + 1, true
}

// validSeparators tells whether the commas of a figure group its digits
// by three ("1,200", "12,000,000") rather than list numbers ("1,2").
func validSeparators(t string) bool {
	if !strings.Contains(t, ",") {
		return true
	}
	intPart, _, _ := strings.Cut(t, ".")
	groups := strings.Split(intPart, ",")
	for k, g := range groups {
		if k > 0 && len(g) != 3 || k == 0 && (len(g) == 0 || len(g) > 3) {
			return false
		}
	}
	return true
}

// saturate converts a non-negative figure to an int, as math.MaxInt when
// it is too large for one.
func saturate(f float64) int {
	if f >= math.MaxInt || math.IsInf(f, 1) {
		return math.MaxInt
	}
	return int(f)
}

// articleNumberAt reads "a dozen", "a hundred", "a thousand" (one of the
// unit), and "a" or "an" before a singular victim noun ("a Hezbollah
// commander": one person).
func articleNumberAt(toks []text.Token, i int) (int, int, bool) {
	if i+1 < len(toks) {
		if m, ok := scaleWords.Get(toks[i+1].Norm); ok {
			return wordsFrom(toks, i+1, 1, m)
		}
	}
	if i+2 < len(toks) && (markSingularVictim.has(&toks[i+1]) || markSingularVictim.has(&toks[i+2])) {
		return 1, i + 1, true
	}
	return 0, i, false
}

// wordsAt reads a number in words: "nine", "twenty-five", "forty two",
// "one hundred and twenty", "two dozen", "three million".
func wordsAt(toks []text.Token, i int) (int, int, bool) {
	if !markUnit.has(&toks[i]) {
		return 0, i, false
	}
	v, ok := unitWords.Get(toks[i].Norm)
	if !ok {
		return 0, i, false
	}
	j := i + 1
	if v >= 20 {
		j, v = tensUnitAt(toks, j, v)
	}
	if j < len(toks) {
		if m, ok := scaleWords.Get(toks[j].Norm); ok {
			return wordsFrom(toks, j, v, m)
		}
	}
	return v, j, true
}

// tensUnitAt adds the unit that may follow a tens word: "twenty-five",
// "forty two".
func tensUnitAt(toks []text.Token, j, tens int) (int, int) {
	k := j
	if k < len(toks) && toks[k].Norm == "-" && !toks[k].SpaceBefore {
		k++
	}
	if k < len(toks) {
		if u, ok := unitWords.Get(toks[k].Norm); ok && u > 0 && u < 10 {
			return k + 1, tens + u
		}
	}
	return j, tens
}

// wordsFrom goes on reading a number in words at the scale word at j,
// which multiplies n: "hundred and twenty", "hundred thousand", "thousand
// five hundred". Nothing adds to a dozen ("two dozen").
func wordsFrom(toks []text.Token, j, n, scale int) (int, int, bool) {
	v := mulSaturating(n, scale)
	j++
	for scale > 12 && j < len(toks) {
		if m, ok := scaleWords.Get(toks[j].Norm); ok && m > scale {
			v, scale, j = mulSaturating(v, m), m, j+1 // "one hundred thousand"
			continue
		}
		part, k, ok := partBelow(toks, j, scale)
		if !ok {
			break
		}
		v, j = addSaturating(v, part), k
	}
	return v, j, true
}

// partBelow reads, at j, a part of a number smaller than scale that
// follows a scale word: "and twenty", "five hundred" (after "thousand").
func partBelow(toks []text.Token, j, scale int) (int, int, bool) {
	k := j
	if k < len(toks) && toks[k].Norm == "and" {
		k++
	}
	if k >= len(toks) {
		return 0, j, false
	}
	v, ok := unitWords.Get(toks[k].Norm)
	if !ok || v == 0 {
		return 0, j, false
	}
	k++
	if v >= 20 {
		k, v = tensUnitAt(toks, k, v)
	}
	if k < len(toks) {
		switch m, ok := scaleWords.Get(toks[k].Norm); {
		case ok && m >= scale:
			return 0, j, false // "one hundred two hundred": two numbers
		case ok && m > 12:
			v = mulSaturating(v, m)
			k++
		}
	}
	if v >= scale {
		return 0, j, false // "one hundred two hundred": two numbers
	}
	return v, k, true
}

// victimNouns are the nouns of people a casualty figure counts: "nine
// people", "two soldiers".
var victimNouns = grammarList("victimNouns")

// kindHead reports whether w heads a descriptive participant that
// is someone of a kind (data/participants.tsv: "two herders", "three
// customers"), which a casualty figure counts too.
func kindHead(w string) bool {
	h, ok := loadWordLists().heads[w]
	return ok && h.kind != "needs-modifier"
}

// singularVictims are nouns for one person that casualty lists count:
// "a Hezbollah commander and two civilians".
var singularVictims = grammarList("singularVictims")

// killWords are the words of death that a casualty figure goes with: "killed
// nine", "nine dead", "the deaths of two".
var killWords = grammarList("killWords")

// hurtWords are the words of injury that a casualty figure goes with:
// "wounded three", "two injured".
var hurtWords = grammarList("hurtWords")

// tollKinds maps the words of killWords to tollKill and those of hurtWords
// to tollHurt (both, for a word of both): oneVictim asks both lists of
// every token, with one lookup.
var tollKinds = func() wordMap[uint8] {
	m := map[string]uint8{}
	for _, l := range []struct {
		set  wordSet
		kind uint8
	}{{killWords, tollKill}, {hurtWords, tollHurt}} {
		for _, w := range l.set.Words() {
			m[w] |= l.kind
		}
	}
	return newWordMap(m)
}()

// The kinds of tollKinds.
const (
	tollKill uint8 = 1 << iota
	tollHurt
)

// tollWord reports whether t's word is in killWords and whether it is in
// hurtWords.
func tollWord(t *text.Token) (kill, hurt bool) {
	if !markToll.has(t) {
		return false, false
	}
	k, _ := tollKinds.Get(t.Norm)
	return k&tollKill != 0, k&tollHurt != 0
}

// casualty is a figure the sentence gives: Killed or injured, at token At
// (up to token End).
type casualty struct {
	At, End int
	Killed  bool
	N       int
}

// MaxCasualties is the largest casualty figure taken as a number: above
// the toll of any single event on record (the 1976 Tangshan earthquake,
// the 2004 Indian Ocean tsunami and the Rwandan genocide each stay below a
// million; the deadliest wars of recent decades, reported as one figure,
// below ten million). A larger figure ("killing 1000000000000 people") is
// a typing error, a joke or a hoax: the event gets no number, the claim
// stays in the text its evidence points at, and the record carries a
// warning.
const MaxCasualties = 10_000_000

// zeroWords are the nouns that "no" turns into a zero figure: "no
// fatalities" (none killed), "no injuries" (none hurt); "no casualties"
// says both.
var zeroWords = map[string][]bool{
	"fatalities": {true}, "deaths": {true}, "dead": {true},
	"injuries": {false}, "wounded": {false}, "injured": {false},
	"casualties": {true, false},
}

// zeroCasualties reads the zero figures of a sentence: "no fatalities",
// "no casualties", "no one was killed". findCasualties leaves them out:
// given to the nearest attack as other figures are, "another explosion …
// which had no casualties" would say that the main attack injured no one.
// They are for an event rule that can tell which event a zero belongs to.
func zeroCasualties(toks []text.Token) []casualty {
	var out []casualty
	for i := range toks {
		out = append(out, zeroAt(toks, i)...)
	}
	return out
}

// zeroAt reads a zero figure at token i: "no fatalities", "no one was
// killed", "nobody was hurt".
func zeroAt(toks []text.Token, i int) []casualty {
	t := toks[i].Norm
	switch {
	case t == "no" && i+1 < len(toks) && zeroWords[toks[i+1].Norm] != nil:
		var out []casualty
		for _, killed := range zeroWords[toks[i+1].Norm] {
			out = append(out, casualty{At: i, End: i + 2, Killed: killed})
		}
		return out
	case t == "nobody" || t == "no" && i+1 < len(toks) && toks[i+1].Norm == "one":
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			switch w := toks[k].Norm; {
			case killWords.Has(w):
				return []casualty{{At: i, End: k + 1, Killed: true}}
			case hurtWords.Has(w):
				return []casualty{{At: i, End: k + 1}}
			}
		}
	}
	return nil
}

// findCasualties reads killed and injured figures: "killed at least nine
// people", "nine people have been killed", "four children, three women and
// two men … have been killed" (summed), "wounded three others".
// vagueCounts are quantities that give no number: "dozens killed" leaves
// the toll unknown.
var vagueCounts = grammarList("vagueCounts")

// noneWords are the nouns of "no fatalities", "no casualties reported":
// a toll of zero (Killed) or no injury.
var noneWords = map[string]int{"fatalities": 1, "fatality": 1, "deaths": 1, "death": 1, "casualties": 1, "casualty": 1, "dead": 1, "injuries": 2, "injury": 2, "injured": 2}

// noneFillers may stand between "no" and the toll it denies: "no
// reported human casualties", "no immediate reports of casualties".
var noneFillers = grammarList("noneFillers")

// noCasualties reports whether a sentence says that no one died ("no
// fatalities reported", "no reported casualties", "no one was killed")
// and whether it says no one was hurt, with the token where it says so.
func noCasualties(toks []text.Token) (killed, hurt bool, at int) {
	if escapedDeath(toks) {
		return true, false, 0
	}
	for i := range toks {
		t := &toks[i]
		if t.Norm != "no" && t.Norm != "nobody" {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			w := toks[k].Norm
			if t.Norm == "nobody" || w == "one" && k == i+1 {
				// "no one was killed", "nobody was hurt"
				for j := k; j < len(toks) && j <= k+3; j++ {
					if markKill.has(&toks[j]) {
						return true, false, i
					}
					if hurtWords.Has(toks[j].Norm) {
						return false, true, i
					}
				}
				break
			}
			switch noneWords[w] {
			case 1:
				return true, false, i
			case 2:
				return false, true, i
			}
			if !noneFillers.Has(w) {
				break
			}
		}
	}
	return false, false, -1
}

// escapedDeath reports whether the sentence says that people escaped
// death ("two officials escaped death"), a toll of zero.
func escapedDeath(toks []text.Token) bool {
	for i := 1; i < len(toks); i++ {
		if markKill.has(&toks[i]) && deathEscapes.Has(toks[i-1].Norm) {
			return true
		}
	}
	return false
}

// alternativeAccount reports whether the sentence gives another source's
// account of the toll ("conflicting reports give nine dead", "some
// reports state that three were killed", "in an earlier report"): incident
// coding keeps the note's own figure, so its figures are left out.
func alternativeAccount(toks []text.Token) bool {
	for i := range toks {
		t := &toks[i]
		if !markAccount.has(t) {
			continue
		}
		for k := i - 1; k >= 0 && k >= i-2; k-- {
			if accountHedges.Has(toks[k].Norm) {
				return true
			}
		}
	}
	return false
}

// claimedToll reports whether the sentence gives a party's claim of a
// toll ("the rebels claim 30 fatalities", "claimed that it killed 20"),
// not a claim of responsibility ("claimed responsibility", "claimed the
// attack, which killed 20") nor a toll taken ("claimed the lives of
// four").
func claimedToll(toks []text.Token) bool {
	for i := range toks {
		t := &toks[i]
		if !markTollClaim.has(t) || i+1 >= len(toks) {
			continue
		}
		if _, _, ok := numberAt(toks, i+1); ok {
			return true // "claims 30 fatalities"
		}
		if !claimLinks.Has(toks[i+1].Norm) {
			continue // "claimed responsibility", "claimed the attack"
		}
		for k := i + 2; k < len(toks) && k <= i+6; k++ {
			if _, _, ok := numberAt(toks, k); ok || markKill.has(&toks[k]) {
				return true // "claimed that it killed 20"
			}
		}
	}
	return false
}

// outletAccount reports whether the sentence gives a named outlet's
// account ("The Daily Courier reports 7 people died"): it opens with
// capitalised words and an outlet's verb of report. After the note's own
// toll, that is another source's figure, which incident coding leaves
// out.
func outletAccount(toks []text.Token) bool {
	k := 0
	if k < len(toks) && toks[k].Norm == "the" {
		k++
	}
	a := k
	for k < len(toks) && k < a+4 && toks[k].Kind == text.Word && isUpperWord(&toks[k]) {
		k++
	}
	return k > a && k < len(toks) && outletVerbs.Has(toks[k].Norm)
}

// outletVerbs are the verbs with which a note cites an outlet's account.
var outletVerbs = grammarList("outletVerbs")

// anyToll reports whether one of frames has a death toll.
func anyToll(frames []*frame) bool {
	for _, f := range frames {
		if f.killed >= 0 {
			return true
		}
	}
	return false
}

// claimLinks open the content of a claim: "claimed that", "claimed it".
var claimLinks = grammarList("claimLinks")

// tollClaims are the verbs of a party's claim.
var tollClaims = grammarList("tollClaims")

// accountNouns name a source's account; accountHedges before one make it
// another account than the note's.
var accountNouns, accountHedges = grammarList("accountNouns"), grammarList("accountHedges")

func findCasualties(toks []text.Token) []casualty {
	return findCasualtiesWith(toks, nil)
}

// findCasualtiesWith is findCasualties with an extra test for words that
// name people ("Palestinians", "Iranians": demonyms). Figures above
// MaxCasualties are left out (see implausibleCasualties).
func findCasualtiesWith(toks []text.Token, people func(*text.Token) bool) []casualty {
	all := readCasualties(toks, people)
	out := all[:0]
	for _, c := range all {
		if c.N <= MaxCasualties {
			out = append(out, c)
		}
	}
	return codedTolls(toks, out)
}

// implausibleCasualties returns the casualty figures of a sentence that
// findCasualtiesWith leaves out, being above MaxCasualties.
func implausibleCasualties(toks []text.Token, people func(*text.Token) bool) []casualty {
	var out []casualty
	for _, c := range readCasualties(toks, people) {
		if c.N > MaxCasualties {
			out = append(out, c)
		}
	}
	return out
}

// namedCount reports whether the figure ending at token e counts people
// by a name of their own, one capitalised word ("6 VDP", "5 Maoists"),
// as one of a list of counted dead whose other items name their people by
// a word of the lists: a note's tally of both sides of a clash ("6 VDP
// and 12 militants killed", "22 soldiers and 5 Maoists killed"). The
// name must be followed by "and" and a counted item (isVictim), or, after
// an item (listed), end the list before its toll verb.
func namedCount(toks []text.Token, e int, listed bool, isVictim func(*text.Token) bool) bool {
	if e+1 >= len(toks) || !toks[e].UpperWord() || toks[e].AllCaps() && len(toks[e].Norm) < 2 {
		return false
	}
	next := toks[e+1].Norm
	if listed && (killWords.Has(next) || tollAuxiliaries.Has(next)) {
		return true
	}
	if next != "and" || e+3 >= len(toks) || toks[e+2].Kind != text.Number {
		return false
	}
	for k := e + 3; k < len(toks) && k < e+6; k++ {
		if isVictim(&toks[k]) {
			return true
		}
		if toks[k].Kind != text.Word {
			return false
		}
	}
	return false
}

// readCasualties reads every casualty figure of a sentence, however large.
func readCasualties(toks []text.Token, people func(*text.Token) bool) []casualty {
	isVictim := func(t *text.Token) bool {
		return markVictim.has(t) || kindHead(t.Norm) || people != nil && people(t)
	}
	var out []casualty
	// the figures read as items of a list: a few, scanned
	var usedArr [8]int
	used := usedArr[:0]
	inside := 0 // tokens before this are part of a number read
	for i := 0; i < len(toks); i++ {
		if i < inside {
			continue // "five" of "twenty-five"
		}
		// numberAt's own first tests, written out: no call for a token
		// that is no figure, article or unit word (most tokens)
		if t := &toks[i]; t.Kind != text.Number && !markUnit.has(t) && t.Norm != "a" && t.Norm != "an" {
			continue
		}
		n, j, ok := numberAt(toks, i)
		if !ok || slices.Contains(used, i) {
			continue
		}
		inside = j
		if i > 0 && (toks[i-1].Norm == "of" && i > 1 && toks[i-2].Norm == "one") {
			continue
		}
		if rangeOpens(toks, i, j, n) {
			continue // "5 to 7 people": read at its upper bound
		}
		low, lowAt, ranged := rangeBelow(toks, i, n)
		// a list of counted victims: four children, three women and two men
		total := 0
		k := i
		listEnd := i
		for {
			v, e, ok := numberAt(toks, k)
			if !ok && k > i && toks[k-1].Norm == "and" && singularAfter(toks, k) {
				v, e, ok = 1, k+1, true // "four farmers and a herder"
			}
			if !ok {
				break
			}
			e2 := e
			for e2 < len(toks) && e2 < e+3 && !isVictim(&toks[e2]) && (toks[e2].Kind == text.Word || joinedHyphen(toks, e2)) && !markToll.has(&toks[e2]) {
				// "3 SPLA-IO fighters": a hyphened name is one word
				e2++
			}
			if e2 >= len(toks) || !isVictim(&toks[e2]) {
				if !namedCount(toks, e, k > i, isVictim) {
					break
				}
				e2 = e // "6 VDP and 12 militants", "… and 5 Maoists killed"
			}
			for e2+1 < len(toks) && isVictim(&toks[e2+1]) {
				e2++ // "a police officer": the phrase ends at its last noun
			}
			total = addSaturating(total, v)
			used = append(used, k)
			listEnd = e2 + 1
			k = e2 + 1
			if k < len(toks) && (toks[k].Norm == "," || toks[k].Norm == "and") {
				k++
				if k < len(toks) && toks[k].Norm == "and" {
					k++
				}
				continue
			}
			break
		}
		start := i
		if ranged {
			// "between 5 and 7 people were killed": the lowest figure
			// given, as incident coding takes it
			if total >= n {
				total -= n - low
			}
			n, start = low, lowAt
		}
		if n, a := singularLeads(toks, i); n > 0 && total > 0 {
			total, start = addSaturating(total, n), a // "a trader and five herders", "a chief, his wife and three children"
		}
		bare := false
		if total == 0 {
			total = n
			listEnd = j
			counted := false // the word after the number is what it counts
			if j < len(toks) && toks[j].Kind == text.Word && !isVictim(&toks[j]) && !markToll.has(&toks[j]) {
				// a number not counting people ("seven locations"),
				// unless a toll follows ("one guard is killed")
				counted = j+1 < len(toks) && (isVictim(&toks[j+1]) || tollAfterWords(toks, j+1)) || tollBefore(toks, i)
				if !counted {
					continue
				}
			}
			if tollAfter(toks, j) && writtenYear(toks, i) {
				continue // "in 2019 killed": a year, not a toll
			}
			// bare: nothing after the number says it counts people; a
			// toll right after it does ("eight killed", "one dead")
			bare = j >= len(toks) || !isVictim(&toks[j]) && !counted && !tollAfter(toks, j)
		}
		if toks[i].Norm == "one" && i+1 < len(toks) && toks[i+1].Norm == "of" && !tollBefore(toks, i) {
			continue // "one of the dead was a child"; but "killed one of the attackers"
		}
		// verb before: "killing at least nine", "wounded three others"
		kind := tollBeforeKind(toks, start)
		// verb after: "… were killed", "… have been killed", "… dead"
		for k := listEnd; kind == 0 && !bare && k < len(toks) && k < listEnd+12; k++ {
			w := toks[k].Norm
			if markToll.has(&toks[k]) && ownSubject(toks, k, listEnd, isVictim) {
				break // "shot 12 civilians, burnt huts and cattle killed"
			}
			if k > j && (activeTolls.Has(w) || shotDead(toks, k)) && !tollAuxiliaries.Has(toks[k-1].Norm) && objectFollows(toks, k+1) {
				break // "three men armed with machetes killed a farmer", "two gunmen shot dead a guard": the doers
			}
			if killWords.Has(w) {
				if k > 0 && deathEscapes.Has(toks[k-1].Norm) {
					total = 0 // "two officials escaped death": none killed
				}
				kind = 1
				break
			}
			if hurtWords.Has(w) {
				kind = 2
				break
			}
			if w == "." || w == ";" || w == "that" || w == "who" && k > listEnd+8 {
				break
			}
		}
		if kind == 0 {
			continue
		}
		if i > 0 && (toks[i-1].Norm == "no" || toks[i-1].Norm == "none") {
			continue
		}
		if vagueCounts.Has(toks[i].Norm) && total == n {
			continue // "dozens were killed": a number the text does not give
		}
		out = append(out, casualty{At: start, End: max(listEnd, j), Killed: kind == 1, N: total})
	}
	read := out
	return append(out, oneVictim(toks, func(k int) bool {
		for _, c := range read {
			if k >= c.At && k < c.End {
				return true
			}
		}
		return false
	})...)
}

// rangeLink reports whether token k joins the bounds of a range of
// figures: "5 to 7", "five or six", "5-7" ("and" joins them only after
// "between": rangeBelow, rangeOpens).
func rangeLink(toks []text.Token, k int) bool {
	switch toks[k].Norm {
	case "to", "or", "-", "\u2013":
		return true
	}
	return false
}

// rangeOpens reports whether the number at [i, j) with value n is the
// lower bound of a range whose upper bound follows ("5 to 7 people",
// "between 5 and 7"): the range is read once, at its upper bound
// (rangeBelow).
func rangeOpens(toks []text.Token, i, j, n int) bool {
	if j+1 >= len(toks) {
		return false
	}
	if i > 0 && toks[i-1].Norm == "from" {
		return false // "rose from 5 to 7": a change, the later figure stands
	}
	if !rangeLink(toks, j) && !(toks[j].Norm == "and" && i > 0 && toks[i-1].Norm == "between") {
		return false
	}
	m, _, ok := numberAt(toks, j+1)
	return ok && m > n
}

// rangeBelow reads the lower bound of a range that ends with the number at
// i, of value n: "5 to 7", "five or six", "5-7", "between 5 and 7". It
// returns the lower figure and the index the range starts at ("between"
// included); ok is false where no smaller figure and link stand before,
// or where "from" opens them (a change: "rose from 5 to 7").
func rangeBelow(toks []text.Token, i, n int) (low, at int, ok bool) {
	if i < 2 {
		return 0, 0, false
	}
	k := i - 1
	between := toks[k].Norm == "and"
	if !rangeLink(toks, k) && !between {
		return 0, 0, false
	}
	for a := k - 1; a >= 0 && a >= k-3; a-- {
		v, end, ok := numberAt(toks, a)
		if !ok || end != k || v >= n {
			continue
		}
		if a > 0 && toks[a-1].Norm == "from" {
			return 0, 0, false
		}
		if between {
			if a == 0 || toks[a-1].Norm != "between" {
				return 0, 0, false
			}
			return v, a - 1, true
		}
		return v, a, true
	}
	return 0, 0, false
}

// singularLeads counts the singular person phrases coordinated before
// the counted phrase at i ("a cattle trader and five herders", "killing
// a farmer and two herders", "a chief, his wife and three children"):
// "and" right before i, and before it, back over commas and "and", each
// a phrase opened by "a", "an" or a person's possessive ("his wife")
// whose last word names one person. It returns how many and the first
// phrase's first token.
func singularLeads(toks []text.Token, i int) (int, int) {
	n, start := 0, i
	if i < 1 || toks[i-1].Norm != "and" {
		return 0, i
	}
	for k := i - 1; k >= 2 && (toks[k].Norm == "and" || toks[k].Norm == ","); {
		a := singularPhraseBefore(toks, k)
		if a < 0 {
			break
		}
		n, start, k = n+1, a, a-1
	}
	return n, start
}

// singularPhraseBefore returns the first token of the phrase naming one
// person that ends right before token k ("a farmer", "his wife"), or -1.
func singularPhraseBefore(toks []text.Token, k int) int {
	if !singularNoun(toks[k-1].Norm) {
		return -1
	}
	for a := k - 2; a >= 0 && a >= k-6; a-- {
		w := toks[a].Norm
		if toks[a].Kind != text.Word {
			return -1
		}
		if personPossessives.Has(w) {
			return a
		}
		if w == "a" || w == "an" {
			if singularAfter(toks, a) {
				return a
			}
			return -1
		}
	}
	return -1
}

// singularNoun reports whether w names one person: "guard", "farmer".
func singularNoun(w string) bool {
	return singularVictims.Has(w) || singularKind(w)
}

// objectFollows reports whether an object starts at k, after an active
// toll verb: a determiner or a figure ("killed a farmer", "killed two").
func objectFollows(toks []text.Token, k int) bool {
	for k < len(toks) && approxWords.Has(toks[k].Norm) {
		k++
	}
	if k >= len(toks) {
		return false
	}
	if objectDeterminers.Has(toks[k].Norm) {
		return true
	}
	_, _, ok := numberAt(toks, k)
	return ok
}

// objectDeterminers open the object of an active toll verb.
var objectDeterminers = grammarList("objectDeterminers")

// deathEscapes are the verbs that deny the death word after them.
var deathEscapes = grammarList("deathEscapes")

// ownSubject reports whether the toll word at k has a subject of its own
// between it and the figure read before listEnd: a word that counts no
// person, right after "and" or a comma ("… burnt huts and cattle
// killed").
func ownSubject(toks []text.Token, k, listEnd int, isVictim func(*text.Token) bool) bool {
	if k-2 < listEnd {
		return false
	}
	s, j := &toks[k-1], toks[k-2].Norm
	return s.Kind == text.Word && !isVictim(s) && !tollAuxiliaries.Has(s.Norm) && (j == "and" || j == ",")
}

// tollBeforeKind reads the toll verb before the number at token i,
// across "at least", "more than", "about": 1 for killing, 2 for wounding,
// 0 for none.
func tollBeforeKind(toks []text.Token, i int) int {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		w := toks[k].Norm
		switch {
		case killWords.Has(w):
			return 1
		case hurtWords.Has(w):
			return 2
		case w == "of" && k > 0:
			return tollNounKind(toks[k-1].Norm) // "the killing of 14"
		case k > 1 && toks[k-1].Norm == "and" && secondVerb(&toks[k]):
			k -= 1 // "killed and mutilated a guard": the first verb's toll
		case !approxWords.Has(w):
			return 0
		}
	}
	return 0
}

// tollNounKind is the kind of toll that the word w before "of" gives the
// figure after it: 1 for a death ("the killing of 14", "the deaths of
// two", "the lives of four"), 0 otherwise; a figure after a word of
// injury ("the injuries of two") is rarely a count of people.
func tollNounKind(w string) int {
	if killWords.Has(w) {
		return 1
	}
	return 0
}

// secondVerb reports whether t is a past verb coordinated after a toll
// verb, which shares its object ("killed and beheaded", "killed and
// mutilated"): a word in -ed that is no wound, whose toll the first verb
// gives, and no verb that takes the living ("killed and arrested five":
// the five were arrested).
func secondVerb(t *text.Token) bool {
	return pastVerb(t) && !hurtWords.Has(t.Norm)
}

// livingVerbs are the verbs whose object is alive: a toll verb before one
// does not share it.
var livingVerbs = grammarList("livingVerbs")

// tollBefore reports whether a toll verb comes right before the number at
// token i, so that the number counts people whatever noun follows
// ("killed 4 bandits").
func tollBefore(toks []text.Token, i int) bool { return tollBeforeKind(toks, i) != 0 }

// approxWords may stand between a toll verb and its number.
var approxWords = grammarList("approxWords")

// tollAfter reports whether a toll starts at token k: a word of killing
// or wounding ("eight killed", "one dead"), or one after a form of "be"
// ("one guard is killed", "two were wounded", "has been killed").
func tollAfter(toks []text.Token, k int) bool {
	for k < len(toks) && tollAuxiliaries.Has(toks[k].Norm) {
		k++
	}
	if k+1 < len(toks) && toks[k].Norm == "shot" && toks[k+1].Norm == "dead" {
		return true
	}
	return k < len(toks) && markToll.has(&toks[k])
}

// tollAfterWords is tollAfter across up to two more words of the phrase
// the number counts ("three Kenyan traders were killed"), but not across a
// conjunction or a preposition ("three vehicles and killed two").
func tollAfterWords(toks []text.Token, k int) bool {
	for e := k; e < len(toks) && e < k+3; e++ {
		if tollAfter(toks, e) {
			return true
		}
		if toks[e].Kind != text.Word || prepositions.Has(toks[e].Norm) || toks[e].Norm == "and" || toks[e].Norm == "or" || toks[e].Norm == "but" {
			return false
		}
	}
	return false
}

// tollAuxiliaries are the forms of "be" and "have" a passive toll takes:
// "was killed", "have been wounded", "is reported dead".
var tollAuxiliaries = grammarList("tollAuxiliaries")

// writtenYear reports whether the number at token i is written as a year
// (four digits between 1800 and 2100, no thousands separator).
func writtenYear(toks []text.Token, i int) bool {
	t := &toks[i]
	if t.Kind != text.Number || len(t.Text) != 4 {
		return false
	}
	n := 0
	for _, c := range t.Text {
		if c < '0' || c > '9' {
			return false
		}
		n = n*10 + int(c-'0')
	}
	return n >= 1800 && n <= 2100
}

// oneVictim reads the tolls of one person that no number gives: a
// singular phrase before a passive toll ("a UN aid worker was shot
// dead", "the man holding it was killed") and a singular object after an
// active one ("police killed a Fulani national", "killing a civilian").
// taken holds the tokens the figures already read.
//
// The one pass over the tokens also finds the first "body" and "bodies",
// where bodyFound and bodiesFound start: most sentences hold neither, and
// are not read again for them.
func oneVictim(toks []text.Token, taken func(int) bool) []casualty {
	var out []casualty
	body, bodies := len(toks), len(toks)
	for k := range toks {
		t := &toks[k]
		switch len(t.Norm) { // the length first: few words have four or six letters
		case 4:
			if t.Norm == "body" {
				body = min(body, k)
			}
		case 6:
			if t.Norm == "bodies" {
				bodies = min(bodies, k)
			}
		}
		if !markToll.has(t) {
			continue // tollWord's first test
		}
		kill, hurt := tollWord(t)
		if !kill && !hurt || taken(k) {
			continue
		}
		if a, ok := singularBefore(toks, k); ok && !taken(a) {
			out = append(out, casualty{At: a, End: k + 1, Killed: kill, N: 1})
			continue
		}
		if a, ok := pronounVictim(toks, k); ok && !taken(a) {
			out = append(out, casualty{At: a, End: k + 1, Killed: kill, N: 1})
			continue
		}
		if n, a := objectToDeath(toks, k); n > 0 && !taken(a) {
			out = append(out, casualty{At: a, End: k + 1, Killed: true, N: n})
			continue
		}
		if !activeTolls.Has(t.Norm) && !shotDead(toks, k) {
			continue
		}
		o := objectAfter(toks, k+1)
		if n, end := singularObjects(toks, o, kill); n > 0 && !taken(o) {
			out = append(out, casualty{At: k, End: end, Killed: kill, N: n})
		}
	}
	out = append(out, bodyFound(toks, body, taken)...)
	return append(out, bodiesFound(toks, bodies, taken)...)
}

// bodiesFound reads the toll that bodies found give: "seven bodies were
// recovered", "the bodies of five herders were found": as many dead as
// the figure counts, where a verb of finding follows in the clause and no
// figure of the sentence already holds the phrase. The tokens before
// from hold no "bodies".
func bodiesFound(toks []text.Token, from int, taken func(int) bool) []casualty {
	for k := from; k < len(toks); k++ {
		if toks[k].Norm != "bodies" || taken(k) {
			continue
		}
		n, at := bodiesCount(toks, k)
		if n <= 0 {
			continue
		}
		for e := k + 1; e < len(toks) && e <= k+10; e++ {
			if bodyFinds.Has(toks[e].Norm) {
				return []casualty{{At: at, End: e + 1, Killed: true, N: n}}
			}
			if toks[e].Norm == "." || toks[e].Norm == ";" {
				break
			}
		}
	}
	return nil
}

// bodiesCount is the figure that counts the bodies at token k, right
// before it ("seven bodies") or after "of" ("the bodies of five
// herders"), and the token it starts at; 0 for none.
func bodiesCount(toks []text.Token, k int) (int, int) {
	for a := max(0, k-3); a < k; a++ {
		if n, j, ok := numberAt(toks, a); ok && j == k {
			return n, a
		}
	}
	if k+2 < len(toks) && toks[k+1].Norm == "of" {
		if n, _, ok := numberAt(toks, k+2); ok {
			return n, k
		}
	}
	return 0, 0
}

// shotDead reports whether the toll word at k is the "dead" of an active
// "shot dead", or the "death" of an active "beat to death" (toDeath),
// which take their victim as object like "killed" ("police shot dead a
// suspect", "a mob beat to death a thief").
func shotDead(toks []text.Token, k int) bool {
	return toks[k].Norm == "dead" && k > 0 && toks[k-1].Norm == "shot" && (k < 2 || !tollAuxiliaries.Has(toks[k-2].Norm)) || toDeath(toks, k)
}

// objectToDeath reads the singular victims between a verb of deathBlows
// and the "to death" whose "death" is token k ("beat a trader to death",
// "hacked a farmer and his son to death"): their count and where they
// start; 0 when no such object stands there.
func objectToDeath(toks []text.Token, k int) (int, int) {
	if toks[k].Norm != "death" || k < 3 || toks[k-1].Norm != "to" {
		return 0, 0
	}
	for v := k - 3; v >= 0 && v >= k-10; v-- {
		if !deathBlows.Has(toks[v].Norm) {
			continue
		}
		if v > 0 && tollAuxiliaries.Has(toks[v-1].Norm) {
			return 0, 0 // a passive: its victim stands before the verb
		}
		if n, end := singularObjects(toks, v+1, true); n > 0 && end == k-1 {
			return n, v + 1
		}
		return 0, 0
	}
	return 0, 0
}

// deathBlows are the verbs of violence that "to death" after them makes a
// killing: "beat to death", "hacked to death".
var deathBlows = grammarList("deathBlows")

// toDeath reports whether the toll word at k is the "death" of an active
// "beat to death", "hacked to death": a verb of deathBlows right before
// "to", and no auxiliary before the verb (a passive's victim comes first).
func toDeath(toks []text.Token, k int) bool {
	return toks[k].Norm == "death" && k >= 2 && toks[k-1].Norm == "to" && deathBlows.Has(toks[k-2].Norm) && (k < 3 || !tollAuxiliaries.Has(toks[k-3].Norm))
}

// objectAfter is where the object of the toll verb ending at k-1 starts:
// at k, or after a second verb coordinated with it ("killed and beheaded
// a farmer", "killed and mutilated a guard").
func objectAfter(toks []text.Token, k int) int {
	if k+2 < len(toks) && toks[k].Norm == "and" && secondVerb(&toks[k+1]) {
		return k + 2
	}
	return k
}

// singularObjects counts the singular person phrases coordinated at k
// ("a police officer and a civilian": 2) and returns the count with the
// index after the last; 0 when no singular phrase starts at k. A count
// of others closing the list adds to it ("the mayor and 19 others": 20).
// killed says that the phrases are the object of a verb of killing, which
// takes people: any phrase of "a" or "an" counts one ("killing a
// peacekeeper", "lynched a suspected thief"), listed noun or not.
func singularObjects(toks []text.Token, k int, killed bool) (int, int) {
	n, end := 0, k
	for singularAfter(toks, k) || killed && articlePhraseAt(toks, k) {
		n++
		e := k + 1
		for e < len(toks) && toks[e].Kind == text.Word && toks[e].Norm != "and" && !prepositions.Has(toks[e].Norm) {
			e++
		}
		end = e
		if e+1 < len(toks) && toks[e].Norm == "and" {
			if m, after := othersAt(toks, e+1); m > 0 {
				return n + m, after
			}
			k = e + 1
			continue
		}
		break
	}
	return n, end
}

// othersAt reads a count of others at k that closes a list of victims:
// "19 others", "two more". It returns the count and the index after it,
// 0 when none stands there.
func othersAt(toks []text.Token, k int) (int, int) {
	m, after, ok := numberAt(toks, k)
	if !ok || after >= len(toks) || !othersWords.Has(toks[after].Norm) {
		return 0, k
	}
	return m, after + 1
}

// othersWords close a list of victims with a count of others: "the mayor
// and 19 others".
var othersWords = grammarList("othersWords")

// articlePhraseAt reports whether a short phrase of "a" or "an" starts at
// k and ends its clause's object: one to four words before punctuation,
// "and", a preposition or the end, none a word of quantity ("a number of",
// "an unknown number") and no "of" after it ("a convoy of").
func articlePhraseAt(toks []text.Token, k int) bool {
	if k+1 >= len(toks) || toks[k].Norm != "a" && toks[k].Norm != "an" {
		return false
	}
	e := k + 1
	for e < len(toks) && toks[e].Kind == text.Word && toks[e].Norm != "and" && !prepositions.Has(toks[e].Norm) {
		if quantityNouns.Has(toks[e].Norm) {
			return false
		}
		e++
	}
	if e == k+1 || e > k+5 {
		return false
	}
	return e == len(toks) || toks[e].Norm != "of" && toks[e].Kind != text.Number
}

// bodyFound reads the toll that a found body gives: "the body of a trader
// was found", "his body was later recovered": one dead, unless a figure
// of the sentence already holds the phrase. The tokens before from hold
// no "body".
func bodyFound(toks []text.Token, from int, taken func(int) bool) []casualty {
	for k := from; k < len(toks); k++ {
		if toks[k].Norm != "body" || taken(k) || k > 0 && toks[k-1].Norm == "no" {
			continue
		}
		if bodyObject(toks, k) {
			return []casualty{{At: k - 2, End: k + 2, Killed: true, N: 1}}
		}
		for e := k + 1; e < len(toks) && e <= k+10; e++ {
			if bodyFinds.Has(toks[e].Norm) {
				return []casualty{{At: k, End: e + 1, Killed: true, N: 1}}
			}
			if toks[e].Norm == "." || toks[e].Norm == ";" {
				break
			}
		}
	}
	return nil
}

// bodyObject reports whether the "body" at k is the object of a past verb
// and the body of one person ("burned the body of a guard", "dumped the
// body of a trader"): one dead, whatever the verb did to it.
func bodyObject(toks []text.Token, k int) bool {
	return k >= 2 && toks[k-1].Norm == "the" && pastVerb(&toks[k-2]) && k+2 < len(toks) && toks[k+1].Norm == "of" && onePersonAt(toks, k+2)
}

// onePersonAt reports whether a phrase for one person starts at k: a
// singular phrase ("a young farmer") or one the number reader counts as
// one ("a herder boy", "one guard").
func onePersonAt(toks []text.Token, k int) bool {
	n, _, ok := numberAt(toks, k)
	return ok && n == 1 || singularAfter(toks, k)
}

// pastVerb reports whether t reads as a past verb: a word ending in "ed"
// that does not leave its object alive.
func pastVerb(t *text.Token) bool {
	return t.Kind == text.Word && strings.HasSuffix(t.Norm, "ed") && !livingVerbs.Has(t.Norm)
}

// bodyFinds are the verbs that report a body found.
var bodyFinds = grammarList("bodyFinds")

// activeTolls are the verb forms that take their victim as object.
var activeTolls = grammarList("activeTolls")

// singularBefore finds the singular subject of the passive toll at k:
// "was" or "is" (or "has been", "was shot") before it, and before that a
// phrase of words opening with "a", "an", "one" or "the" at the start of
// a clause. It returns the phrase's first token.
func singularBefore(toks []text.Token, k int) (int, bool) {
	j := k - 1
	if j >= 0 && toks[j].Norm == "shot" {
		j-- // "was shot dead"
	} else if j >= 1 && toks[j].Norm == "to" && deathBlows.Has(toks[j-1].Norm) {
		j -= 2 // "was beaten to death"
	}
	for j >= 0 && (toks[j].Norm == "reportedly" || toks[j].Norm == "later") {
		j--
	}
	switch {
	case j >= 1 && toks[j].Norm == "been" && toks[j-1].Norm == "has":
		j -= 2
	case j >= 0 && (toks[j].Norm == "was" || toks[j].Norm == "is"):
		j--
	default:
		return 0, false
	}
	stop := j - 7
	for a := j; a >= 0 && a >= stop; a-- {
		w := toks[a].Norm
		if w == "," && a == j {
			// an apposition before the verb: "a herder, a boy of 16,
			// was killed"
			if o := appositionOpen(toks, a); o > 0 {
				stop -= a - o
				a = o
				continue
			}
		}
		if toks[a].Kind == text.Punct && w != "-" || markToll.has(&toks[a]) {
			return 0, false
		}
		if w != "a" && w != "an" && w != "one" && w != "the" || a == j || roleAs(toks, a) {
			continue
		}
		if a == 0 || clauseOpeners.Has(toks[a-1].Norm) || toks[a-1].Kind == text.Punct {
			return a, true
		}
	}
	return 0, false
}

// roleAs reports whether the phrase at token a follows "as" after a
// participle of roleVerbs: the role someone was put in ("a guard taken as
// a hostage", "a driver kept as a captive"), not the subject of a clause
// "as" opens ("troops withdrew as a soldier was killed").
func roleAs(toks []text.Token, a int) bool {
	return a >= 2 && toks[a-1].Norm == "as" && roleVerbs.Has(toks[a-2].Norm)
}

// roleVerbs are the participles that put someone in a role named after
// "as": "taken as a hostage", "kept as a captive".
var roleVerbs = grammarList("roleVerbs")

// appositionOpen returns the comma that opens the apposition closed by
// the comma at c ("a herder, 20-year-old John Doe, was killed"), or -1:
// up to ten tokens between them, none of death or injury.
func appositionOpen(toks []text.Token, c int) int {
	for o := c - 1; o >= 0 && o >= c-11; o-- {
		w := toks[o].Norm
		switch {
		case w == ",":
			if o < c-1 {
				return o
			}
			return -1
		case markToll.has(&toks[o]) || toks[o].Kind == text.Punct && w != "-":
			return -1
		}
	}
	return -1
}

// pronounVictim finds a personal pronoun as the subject of the toll at k
// ("He later died in hospital", "she was shot dead"): one person. It
// returns the pronoun's index.
func pronounVictim(toks []text.Token, k int) (int, bool) {
	j := k - 1
	if j >= 0 && toks[j].Norm == "shot" {
		j--
	}
	for j >= 0 && tollAuxiliaries.Has(toks[j].Norm) {
		j--
	}
	if j < 0 || !personPronouns.Has(toks[j].Norm) {
		return 0, false
	}
	if j == 0 || clauseOpeners.Has(toks[j-1].Norm) || toks[j-1].Kind == text.Punct {
		return j, true
	}
	return 0, false
}

// personPronouns are the pronouns that stand for one person.
var personPronouns = grammarList("personPronouns")

// clauseOpeners are the words after which a new subject may start.
var clauseOpeners = grammarList("clauseOpeners")

// singularAfter reports whether a singular person phrase starts at k:
// "a" or "an" and a word that is no quantity ("a dozen", "a number of").
func singularAfter(toks []text.Token, k int) bool {
	if kinAfter(toks, k) || bareSingularAfter(toks, k) || definiteSingularAfter(toks, k) {
		return true
	}
	if k+1 >= len(toks) || toks[k].Norm != "a" && toks[k].Norm != "an" {
		return false
	}
	if _, _, ok := numberAt(toks, k); ok || quantityNouns.Has(toks[k+1].Norm) {
		return false
	}
	for e := k + 1; e < len(toks) && e <= k+5; e++ {
		if quantityNouns.Has(toks[e].Norm) {
			return false // "an unknown number of fighters": a quantity
		}
		if markVictim.has(&toks[e]) || markSingularVictim.has(&toks[e]) || singularKind(toks[e].Norm) {
			return true
		}
		if toks[e].Kind != text.Word && toks[e].Norm != "-" {
			break
		}
	}
	return toks[k+1].Kind == text.Word && k+2 < len(toks) && toks[k+2].Kind == text.Word && toks[k+1].Text != "" && toks[k+1].Text[0] >= 'A' && toks[k+1].Text[0] <= 'Z'
}

// singularKind reports whether w heads a descriptive participant that is
// one person of a kind (data/participants.tsv: "a farmer", "a herdsman",
// "a trader").
func singularKind(w string) bool {
	h, ok := loadWordLists().heads[w]
	return ok && !h.plural && h.kind != "needs-modifier"
}

// kinAfter reports whether one person named by a possessive starts at k:
// "his" or "her" and a singular noun that ends its phrase ("killed his
// mother, a police officer", "killed her husband in his sleep").
func kinAfter(toks []text.Token, k int) bool {
	if k+1 >= len(toks) || !personPossessives.Has(toks[k].Norm) {
		return false
	}
	n := toks[k+1]
	if n.Kind != text.Word || strings.HasSuffix(n.Norm, "s") || n.Text != n.Norm || animalNouns.Has(n.Norm) {
		return false
	}
	return k+2 == len(toks) || toks[k+2].Kind == text.Punct || prepositions.Has(toks[k+2].Norm)
}

// bareSingularAfter reports whether a singular person phrase without an
// article starts at k and ends its clause, as headlines write it
// ("bomb attack kills soldier in border town"): up to three lower
// case words, the last a noun for one person.
func bareSingularAfter(toks []text.Token, k int) bool {
	for e := k; e < len(toks) && e < k+3; e++ {
		t := toks[e]
		if t.Kind != text.Word || t.Text != t.Norm || objectDeterminers.Has(t.Norm) || prepositions.Has(t.Norm) || t.Norm == "and" {
			return false
		}
		if markSingularVictim.has(&t) || singularKind(t.Norm) {
			return e+1 == len(toks) || toks[e+1].Kind == text.Punct || prepositions.Has(toks[e+1].Norm) || toks[e+1].Norm == "and"
		}
	}
	return false
}

// definiteSingularAfter reports whether a definite phrase for one person
// starts at k: "the" and up to three lower case words, the last a noun
// for one person, that end the phrase ("killed the village chief of
// Tessit", "shot dead the imam of a mosque"); a plural ("the guards") or
// a word that qualifies another ("the chief's house") counts no one.
func definiteSingularAfter(toks []text.Token, k int) bool {
	if k+1 >= len(toks) || toks[k].Norm != "the" {
		return false
	}
	return bareSingularAfter(toks, k+1)
}

// personPossessives are the possessives of one person; animalNouns after
// one count no person ("killed his cattle").
var personPossessives, animalNouns = grammarList("personPossessives"), grammarList("animalNouns")

// quantityNouns after "a" make a quantity, not one person.
var quantityNouns = grammarList("quantityNouns")

// addSaturating adds two figures, as math.MaxInt when the sum overflows.
func addSaturating(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

// mulSaturating multiplies two non-negative figures, as math.MaxInt when
// the product overflows.
func mulSaturating(a, b int) int {
	if b != 0 && a > math.MaxInt/b {
		return math.MaxInt
	}
	return a * b
}

// figureWarnings returns a warning for each casualty figure of the
// document above MaxCasualties, which findCasualtiesWith leaves out. Only
// sentences holding a long figure or a scale word are read again.
func (d *docState) figureWarnings() []Warning {
	var out []Warning
	people := func(t *text.Token) bool { return strings.HasSuffix(t.Norm, "s") && d.r.isDemonym(t) }
	for si, s := range d.sents {
		if !mayBeHuge(s.Tokens) {
			continue
		}
		for _, c := range implausibleCasualties(s.Tokens, people) {
			a, b := s.Tokens[c.At], s.Tokens[min(c.End, len(s.Tokens))-1]
			claim := d.doc.Text[a.Start:b.End]
			what := "injured"
			if c.Killed {
				what = "killed"
			}
			out = append(out, Warning{
				Message:  fmt.Sprintf("implausible casualty figure (%s) in %q: above %d, the largest single-event toll taken as a number; kept as text, not as a figure", what, claim, MaxCasualties),
				Evidence: &Span{Sentence: si, Start: a.Start, End: b.End, Text: claim},
			})
		}
	}
	return out
}

// mayBeHuge tells whether a sentence holds a figure that could exceed
// MaxCasualties: eight digits or more, or a scale word.
func mayBeHuge(toks []text.Token) bool {
	for i := range toks {
		t := &toks[i]
		if t.Kind == text.Number && len(t.Text) >= 8 || t.Kind == text.Word && markScale.has(t) && scaleWordValue(t) >= 1000 {
			return true
		}
	}
	return false
}
