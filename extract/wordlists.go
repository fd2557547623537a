package extract

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"
)

//go:embed data/*.tsv data/grammar/*.tsv
var wordFiles embed.FS

// participantHead is one row of data/participants.tsv: a head noun of a
// descriptive participant.
type participantHead struct {
	class  string // StateForce, ArmedGroup, Civilians, Person
	kind   string // the entity's type; "needs-modifier" heads need one
	plural bool
}

// modifier effects, from data/modifiers.tsv.
const (
	modPlain = iota
	modUnidentified
	modArmed
	modCivil
	modArmedSide // armed for a head that needs a modifier; a civilian head stays civilian
	modState     // state force; the kind is in participantMod.kind
	modOffice    // a body of government: its members are officials
)

// participantMod is one row of data/modifiers.tsv.
type participantMod struct {
	effect int
	kind   string // for modState: police, military, security
}

// place word roles, from data/placewords.tsv (a word may have several).
const (
	placeAdmin  = 1 << iota // "Lamu county": the name before it
	placePart               // "Ngamia Road": part of the name
	placeSettle             // "Bura town", "Kambi Juu village"
	placeVenue              // "a police station": a facility
	placeMod                // "Hagadera refugee camp": between a name and its settlement word
	placePrefix             // "Barangay Talisay": a unit word written before the name
)

// wordLists are the embedded word lists of descriptive participants and
// places, loaded once.
type wordLists struct {
	heads map[string]participantHead
	mods  map[string]participantMod
	// kindAliases are the other names of a kind ("herders" are also
	// "pastoralists"), from "a|b" in the kind column
	kindAliases map[string][]string
	placeWords  map[string]int
	// headSet, modSet, placeSet and venueSet answer membership in hot
	// loops.
	headSet, modSet, placeSet, venueSet wordSet
	// placeLeads are the words a place word starts with (placeLeads),
	// which token marks answer (markPlaceLead).
	placeLeads wordSet
}

var (
	listsOnce sync.Once
	lists     *wordLists
)

// loadWordLists returns the embedded word lists. It panics if a file is
// malformed, which TestWordListsLoad rules out.
func loadWordLists() *wordLists {
	listsOnce.Do(func() {
		l, err := parseWordLists(wordFiles)
		if err != nil {
			panic("extract: embedded word lists: " + err.Error())
		}
		lists = l
	})
	return lists
}

// parseWordLists reads participants.tsv, modifiers.tsv and placewords.tsv
// from fsys; an error names the file, the line and the problem.
func parseWordLists(fsys fs.FS) (*wordLists, error) {
	l := &wordLists{heads: map[string]participantHead{}, mods: map[string]participantMod{}, placeWords: map[string]int{}, kindAliases: map[string][]string{}}
	err := eachRow(fsys, "data/participants.tsv", 5, func(f []string) error {
		switch f[1] {
		case ClassStateForce, ClassArmedGroup, ClassCivilians, ClassPerson:
		default:
			return fmt.Errorf("unknown class %q", f[1])
		}
		if f[3] != "sg" && f[3] != "pl" {
			return fmt.Errorf("number %q is neither sg nor pl", f[3])
		}
		kind, aka, _ := strings.Cut(f[2], "|")
		if aka != "" {
			l.kindAliases[kind] = strings.Split(aka, "|")
		}
		l.heads[f[0]] = participantHead{class: f[1], kind: kind, plural: f[3] == "pl"}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(fsys, "data/modifiers.tsv", 3, func(f []string) error {
		m := participantMod{}
		switch e := f[1]; {
		case e == "plain":
		case e == "unidentified":
			m.effect = modUnidentified
		case e == "armed":
			m.effect = modArmed
		case e == "civil":
			m.effect = modCivil
		case e == "armed-side":
			m.effect = modArmedSide
		case e == "office":
			m.effect = modOffice
		case strings.HasPrefix(e, "state:") && len(e) > len("state:"):
			m.effect, m.kind = modState, e[len("state:"):]
		default:
			return fmt.Errorf("unknown effect %q", e)
		}
		l.mods[f[0]] = m
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(fsys, "data/placewords.tsv", 3, func(f []string) error {
		var role int
		switch f[1] {
		case "admin":
			role = placeAdmin
		case "part":
			role = placePart
		case "settle":
			role = placeSettle
		case "venue":
			role = placeVenue
		case "mod":
			role = placeMod
		case "prefix":
			role = placePrefix
		default:
			return fmt.Errorf("unknown role %q", f[1])
		}
		l.placeWords[f[0]] |= role
		return nil
	})
	if err != nil {
		return nil, err
	}
	l.headSet, l.modSet, l.placeSet = setOf(l.heads), setOf(l.mods), setOf(l.placeWords)
	venues := map[string]bool{}
	for w, role := range l.placeWords {
		venues[w] = role&placeVenue != 0
	}
	l.venueSet = newWordSet(venues)
	l.placeLeads = placeLeads(l.placeWords)
	return l, nil
}

// placeLeads returns the set of the words that the place words of m
// start with: each word itself, the first word of a phrase ("union" of
// "union council"), and the part before the hyphen of a word the
// tokenizer splits there ("sub" of "sub-county"). A token whose word is
// not in it starts no place word, so that unitAt and placeRole need not
// look it up.
func placeLeads(m map[string]int) wordSet {
	s := map[string]bool{}
	for w := range m {
		s[w] = true
		if first, _, ok := strings.Cut(w, " "); ok {
			s[first] = true
		}
		if first, _, ok := strings.Cut(w, "-"); ok {
			s[first] = true
		}
	}
	return newWordSet(s)
}

func setOf[V any](m map[string]V) wordSet {
	s := map[string]bool{}
	for k := range m {
		s[k] = true
	}
	return newWordSet(s)
}

// eachRow calls row with the tab-separated fields of every line of a file
// that is neither blank nor a comment; each line must have n fields, the
// last (the reason) not empty.
func eachRow(fsys fs.FS, name string, n int, row func([]string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		t := sc.Text()
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			continue
		}
		fields := strings.Split(t, "\t")
		if len(fields) != n {
			return fmt.Errorf("%s:%d: %d fields, want %d", name, line, len(fields), n)
		}
		if strings.TrimSpace(fields[n-1]) == "" {
			return fmt.Errorf("%s:%d: no reason given", name, line)
		}
		if fields[0] == "" || fields[0] != strings.ToLower(fields[0]) {
			return fmt.Errorf("%s:%d: word %q is not in lower case", name, line, fields[0])
		}
		if err := row(fields); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	return sc.Err()
}

// grammarList returns the set of the words of one list in
// data/grammar/*.tsv. It panics if no file holds the list or a file is
// malformed, which TestGrammarLists rules out.
func grammarList(name string) wordSet {
	grammarOnce.Do(func() {
		grammar, grammarErr = parseGrammar(wordFiles)
	})
	if grammarErr != nil {
		panic("extract: embedded grammar lists: " + grammarErr.Error())
	}
	words, ok := grammar[name]
	if !ok {
		panic("extract: no grammar list " + name)
	}
	return newWordSet(words)
}

var (
	grammarOnce sync.Once
	grammar     map[string]map[string]bool
	grammarErr  error
)

// parseGrammar reads the grammar word lists of data/grammar/*.tsv in fsys.
// A row is a list's name, a word and the reason it is there. A word
// written "!word" is left out of its list on purpose (a near miss that
// would do harm, the reason says which); it maps to false, which
// newWordSet skips. An error names the file, the line and the problem: a
// missing reason, a word not in lower case, a word listed twice in one
// list, or a list split between two files.
func parseGrammar(fsys fs.FS) (map[string]map[string]bool, error) {
	names, err := fs.Glob(fsys, "data/grammar/*.tsv")
	if err != nil {
		return nil, err
	}
	lists := map[string]map[string]bool{}
	fileOf := map[string]string{} // the file that holds each list
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		for i, t := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
				continue
			}
			f := strings.Split(t, "\t")
			if len(f) != 3 {
				return nil, fmt.Errorf("%s:%d: %d fields, want 3 (list, word, reason)", name, i+1, len(f))
			}
			list, w, reason := f[0], f[1], f[2]
			in := !strings.HasPrefix(w, "!")
			w = strings.TrimPrefix(w, "!")
			switch {
			case list == "":
				return nil, fmt.Errorf("%s:%d: no list name", name, i+1)
			case strings.TrimSpace(reason) == "":
				return nil, fmt.Errorf("%s:%d: no reason given", name, i+1)
			case w == "" || w != strings.ToLower(w):
				return nil, fmt.Errorf("%s:%d: word %q is not in lower case", name, i+1, w)
			}
			if f, ok := fileOf[list]; ok && f != name {
				return nil, fmt.Errorf("%s:%d: list %s is also in %s", name, i+1, list, f)
			}
			fileOf[list] = name
			if lists[list] == nil {
				lists[list] = map[string]bool{}
			}
			if _, dup := lists[list][w]; dup {
				return nil, fmt.Errorf("%s:%d: %q is listed twice in %s", name, i+1, w, list)
			}
			lists[list][w] = in
		}
	}
	return lists, nil
}
