package syntax

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/extract/internal/wordlist"
)

//go:embed data/words.tsv
var wordsData string

//go:embed data/verbs.tsv
var verbsData string

// word is what the lexicon knows of one normalised word form.
type word struct {
	tag   Tag
	form  Form // for verbs
	known bool // the lexicon holds the word: else only its marks are set
	// marks are the word lists of the parser's that hold the word
	// (markTimeOpener, markTimeNoun), so that the one lookup of a token
	// answers them too
	marks uint8
	lemma string
}

// The bits of word.marks.
const (
	markTimeOpener = 1 << iota // timeOpeners
	markTimeNoun               // timeNouns
)

// wordLexicon is the word lexicon as the tagger reads it, once for every
// token: a wordlist.Map, which answers with a comparison or two where a
// map[string]word hashes the whole word. It also holds, unknown to the
// lexicon, the words of the lists whose marks it keeps.
//
// words holds the map's entries by index (the map's At), for the tagger,
// which keeps a pointer to each token's entry rather than a copy.
type wordLexicon struct {
	m     wordlist.Map[word]
	words []word
}

// noWord is the entry of a word the lexicon knows nothing of, as ref
// gives it: never written.
var noWord word

// newWordLexicon returns the lexicon of the entries m.
func newWordLexicon(m map[string]word) *wordLexicon {
	l := &wordLexicon{m: wordlist.NewMap(m)}
	for w := range m {
		i := l.m.Index(w)
		if i >= len(l.words) {
			l.words = append(l.words, make([]word, i+1-len(l.words))...)
		}
		l.words[i] = l.m.At(i)
	}
	return l
}

// ref returns the entry of index e, a LexEntry's answer, as at does, by
// its address (&noWord for 0).
func (l *wordLexicon) ref(e uint32) *word {
	if e == 0 {
		return &noWord
	}
	return &l.words[e-1]
}

// refOf returns the entry of w, its marks included, as entry does, by its
// address (&noWord where the lexicon knows nothing of w).
func (l *wordLexicon) refOf(w string) *word {
	return l.ref(uint32(l.m.Index(w) + 1))
}

// Get returns the entry of w and whether the lexicon holds w.
func (l *wordLexicon) Get(w string) (word, bool) {
	e, _ := l.m.Get(w)
	return e, e.known
}

// entry returns what the lexicon knows of w, its marks included: its
// entry where it holds w (known set), else the marks alone.
func (l *wordLexicon) entry(w string) word {
	e, _ := l.m.Get(w)
	return e
}

// LexEntry returns the word lexicon's index of w, for a caller that keeps
// it with the word and gives it back to [Parser.ParseKnown], so that the
// parser does not look the word up again: 0 where the lexicon knows
// nothing of w. It is the same for a word throughout a run.
func LexEntry(w string) uint32 {
	return uint32(lexiconIndex().m.Index(w) + 1)
}

// at returns the entry of index e, a LexEntry's answer.
func (l *wordLexicon) at(e uint32) word {
	if e == 0 {
		return word{}
	}
	return l.m.At(int(e - 1))
}

// of returns the entry of w, the zero word if the lexicon has none.
func (l *wordLexicon) of(w string) word { return l.entry(w).known0() }

// known0 returns e where the lexicon holds its word, else the zero word.
func (e word) known0() word {
	if !e.known {
		return word{}
	}
	return e
}

var (
	lexOnce sync.Once
	lex     *wordLexicon
	lexErr  error
)

// lexiconIndex returns the word lexicon built from the embedded data files.
func lexiconIndex() *wordLexicon {
	lexOnce.Do(func() {
		m := map[string]word{}
		if err := loadWords(m, "data/words.tsv", wordsData); err != nil {
			lexErr = err
			return
		}
		lexErr = loadVerbs(m, "data/verbs.tsv", verbsData)
		markWords(m, timeOpeners, markTimeOpener)
		markWords(m, timeNouns, markTimeNoun)
		lex = newWordLexicon(m)
	})
	if lexErr != nil {
		panic(lexErr) // embedded data: a build-time fault
	}
	return lex
}

// markWords gives the words of list the mark bit, adding an entry that
// the lexicon does not know for a word it lacks.
func markWords(m map[string]word, list map[string]bool, bit uint8) {
	for w, ok := range list {
		if ok {
			e := m[w]
			e.marks |= bit
			m[w] = e
		}
	}
}

var tagNames = map[string]Tag{"det": Det, "poss": Poss, "pron": Pron, "prep": Prep, "conj": Conj, "but": But, "sub": Sub, "be": Be, "have": Have, "do": Do, "modal": Modal, "neg": Neg, "adv": Adv, "num": Num, "to": To, "adj": Adj, "noun": Noun}

// loadWords reads the closed-class word list: tag, words, reason.
func loadWords(m map[string]word, name, data string) error {
	for i, line := range strings.Split(data, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 || cols[2] == "" {
			return fmt.Errorf("%s:%d: want 3 tab-separated columns (tag, words, reason)", name, i+1)
		}
		t, ok := tagNames[cols[0]]
		if !ok {
			return fmt.Errorf("%s:%d: unknown tag %q", name, i+1, cols[0])
		}
		for _, w := range strings.Fields(cols[1]) {
			if _, dup := m[w]; !dup {
				m[w] = word{tag: t, lemma: w, known: true}
			}
		}
	}
	return nil
}

// loadVerbs reads the verb lexicon: lemma, irregular past|participle,
// reason; it adds every inflected form of each verb.
func loadVerbs(m map[string]word, name, data string) error {
	for i, line := range strings.Split(data, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 || cols[0] == "" || cols[2] == "" {
			return fmt.Errorf("%s:%d: want 3 tab-separated columns (lemma, irregular forms, reason)", name, i+1)
		}
		l := cols[0]
		past, part := regularPast(l), regularPast(l)
		if cols[1] != "" {
			f := strings.Split(cols[1], "|")
			if len(f) != 2 {
				return fmt.Errorf("%s:%d: irregular forms must be past|participle", name, i+1)
			}
			past, part = f[0], f[1]
		}
		add := func(w string, f Form) {
			if old, ok := m[w]; ok && old.tag != Noun && old.tag != Adj && !(old.tag == Verb && f == Past) {
				return // a function word keeps its tag ("'s", "being")
			}
			t := Verb
			switch f {
			case Past, Participle:
				t = VerbPast
			case Gerund:
				t = VerbIng
			}
			m[w] = word{tag: t, lemma: l, form: f, known: true}
		}
		add(l, Base)
		add(thirdPerson(l), Third)
		add(past, Past)
		if part != past {
			add(part, Participle)
		}
		add(gerund(l), Gerund)
	}
	return nil
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// doubles reports whether a verb doubles its last consonant before -ed and
// -ing: a short stem ending consonant, vowel, consonant (stab, lob, rob).
func doubles(l string) bool {
	n := len(l)
	if n < 3 || n > 4 {
		return false
	}
	c := l[n-1]
	return !isVowel(c) && c != 'w' && c != 'x' && c != 'y' && isVowel(l[n-2]) && !isVowel(l[n-3])
}

func regularPast(l string) string {
	n := len(l)
	switch {
	case strings.HasSuffix(l, "e"):
		return l + "d"
	case n > 1 && l[n-1] == 'y' && !isVowel(l[n-2]):
		return l[:n-1] + "ied"
	case doubles(l):
		return l + l[n-1:] + "ed"
	}
	return l + "ed"
}

func thirdPerson(l string) string {
	n := len(l)
	switch {
	case strings.HasSuffix(l, "s") || strings.HasSuffix(l, "x") || strings.HasSuffix(l, "z") || strings.HasSuffix(l, "ch") || strings.HasSuffix(l, "sh"):
		return l + "es"
	case n > 1 && l[n-1] == 'y' && !isVowel(l[n-2]):
		return l[:n-1] + "ies"
	}
	return l + "s"
}

func gerund(l string) string {
	n := len(l)
	switch {
	case strings.HasSuffix(l, "ie"):
		return l[:n-2] + "ying"
	case strings.HasSuffix(l, "e") && !strings.HasSuffix(l, "ee"):
		return l[:n-1] + "ing"
	case doubles(l):
		return l + l[n-1:] + "ing"
	}
	return l + "ing"
}

// restoreE gives back the silent e that "-ed" and "-ing" took from a
// stem whose spelling needs it: "executed" (execute), "strangled",
// "tortured", "raged", "ensued", "radicalized", "pierced", "knifed".
// A stem that doubled its consonant never reaches here ("planned").
func restoreE(st string) string {
	n := len(st)
	if n < 2 {
		return st
	}
	last, prev := st[n-1], st[n-2]
	switch {
	case last == 'u' || last == 'c' || last == 'v': // ensu, pierc, remov
	case last == 'l' && !isVowel(prev) && prev != 'l' && prev != 'r' && prev != 'w': // strangl, handl
	case (last == 't' || last == 'r') && prev == 'a' || prev == 'u': // execut, tortur, decapitat
		if n >= 3 && isVowel(st[n-3]) {
			return st // treat, pour, shout
		}
	case last == 'z' && prev == 'i' || last == 'g' && prev == 'a' && n > 3: // radicaliz, pillag
	case last == 'g' && (prev == 'r' || prev == 'd'): // charg, merg, urg, judg, dodg: no English stem ends so
	case last == 's' && sStemTakesE(st): // ceas, releas, rais, clos, laps
	case n >= 3 && n <= 4 && oneVowel(st) && isVowel(prev) && !isVowel(last) && last != 'w' && last != 'x' && last != 'y' && !isVowel(st[n-3]):
		// a short stem consonant, vowel, consonant that did not double:
		// rap(e)d, rag(e)d, knif(e)d
	default:
		return st
	}
	return st + "e"
}

// sStemTakesE reports whether stem st, ending in s, lost a silent e to
// "-ed" or "-ing": after a consonant ("laps", "rins", "endors"), "o"
// ("clos", "expos") or "i" ("rais", "advis"), and after "a" but not
// "ia" ("ceas", "releas", "chas"; "bias", "alias" keep theirs). A stem in
// "us" is read by restoreE's rule of stems after "u", before this one.
func sStemTakesE(st string) bool {
	n := len(st)
	switch prev := st[n-2]; {
	case prev == 's' || prev == 'e':
		return false // "pass"; an "-es" stem doubles its s ("addressed")
	case prev == 'a':
		return n >= 3 && st[n-3] != 'i'
	}
	return true
}

// VerbLemma returns the lemma of w read as a verb form: the lexicon's
// where it holds w as a verb, else w with its regular suffix stripped
// ("ceased": cease, "stopping": stop, "halts": halt).
func VerbLemma(w string) string {
	if e, ok := lexiconIndex().Get(w); ok && (e.tag == Verb || e.tag == VerbPast || e.tag == VerbIng) {
		return e.lemma
	}
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ed"):
		return guessLemma(w, VerbPast)
	case n > 5 && strings.HasSuffix(w, "ing"):
		return guessLemma(w, VerbIng)
	case n > 3 && strings.HasSuffix(w, "s"):
		return guessLemma(w, Noun) // a third person strips as a plural does
	}
	return w
}

// oneVowel reports whether st holds a single vowel letter.
func oneVowel(st string) bool {
	k := 0
	for i := 0; i < len(st); i++ {
		if isVowel(st[i]) {
			k++
		}
	}
	return k == 1
}

// Lemmas appends to out every lemma the parser may give a token whose
// Norm is w, whatever its tag and its neighbours: w itself, the lexicon's
// lemma of w, what guessLemma makes of it as a past form, an -ing form
// and a plural, the auxiliary of a contracted "not" ("didn": do) and
// "not". A caller that reads a sentence's parse only for a few lemmas
// skips the parse of a sentence none of whose words may give one. Each
// guess is made where the tagger could make it: where w is long enough
// for the suffix it strips.
func Lemmas(w string, out []string) []string {
	out = append(out, w)
	if n := len(w); n >= 2 {
		out = append(out, guessLemma(w, VerbPast))
		if n >= 3 {
			out = append(out, guessLemma(w, VerbIng))
		}
	}
	out = append(out, guessLemma(w, Noun))
	LexLemmas(w, func(l string) bool {
		out = append(out, l)
		return false
	})
	return out
}

// LexLemmas calls yes with each lemma of Lemmas(w) that the lexicon
// gives rather than a suffix ("fought": fight, "didn": do, and "not"),
// until yes returns true; it reports whether one did.
func LexLemmas(w string, yes func(string) bool) bool {
	lex := lexiconIndex()
	if e, ok := lex.Get(w); ok && yes(e.lemma) {
		return true
	}
	aux := strings.TrimSuffix(w, "n") // contractedAux's forms
	if w == "won" {
		aux = "will"
	}
	if e, ok := lex.Get(aux); ok && yes(e.lemma) {
		return true
	}
	return yes("not")
}

// guessLemma strips a regular suffix from a form the lexicon does not
// hold: "-ed", "-ing" and "-s" of verbs, the plural of nouns.
func guessLemma(w string, t Tag) string {
	n := len(w)
	switch t {
	case VerbPast:
		if strings.HasSuffix(w, "ied") {
			return w[:n-3] + "y"
		}
		if n > 4 && w[n-3] == w[n-4] && !isVowel(w[n-3]) && w[n-3] != 'l' && w[n-3] != 's' {
			return w[:n-3] // "planned"
		}
		return restoreE(w[:n-2])
	case VerbIng:
		if n > 5 && w[n-4] == w[n-5] && !isVowel(w[n-4]) && w[n-4] != 'l' && w[n-4] != 's' {
			return w[:n-4]
		}
		return restoreE(w[:n-3])
	case Noun:
		switch {
		case strings.HasSuffix(w, "ies") && n > 4:
			return w[:n-3] + "y"
		case strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes"):
			return w[:n-2]
		case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && n > 3:
			return w[:n-1]
		}
	}
	return w
}
