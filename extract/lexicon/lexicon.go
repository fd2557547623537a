// Package lexicon holds newsgraph's curated word lists (armed groups, state
// forces, organisations, seats of government, roles, event triggers,
// weapons, given names) as data files embedded in the binary, and a phrase
// matcher that finds any of their spellings in a token stream in one pass.
package lexicon

import (
	"bufio"
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

//go:embed data/*.tsv data/*.txt
var files embed.FS

// Entry is a named thing from a curated list.
type Entry struct {
	Class    string // extraction class (ArmedGroup, StateForce, Organization, Government)
	Key      string // stable identity key, unique within the class
	Name     string // canonical name
	Country  string // ISO 3166-1 alpha-2 code of the home country, or ""
	Wikidata string
	Aliases  []string
	// Seat marks a seat of government (data/seats.tsv): its aliases are
	// the names of the seat ("Kremlin", "White House") that stand for
	// the body, Name is the body's and is not itself matched.
	Seat bool
	// DocOnly marks a seat's name that also names other things or the
	// seats of other countries ("State House"): it stands for this body
	// only in a document about Country.
	DocOnly bool
}

// Role is a title or function that news copy attaches to a person.
type Role struct {
	Name  string // canonical, lower case: "foreign minister"
	Body  string // what the role belongs to: government, ministry:foreign, force, region…
	Forms []string
}

// Trigger is a word or phrase that signals an event.
type Trigger struct {
	Type    string // event type: Attack, Condemn…
	Subtype string
	Cameo   string
	Verb    bool     // a verb form (else a noun)
	Near    []string // one of these word prefixes must follow closely
	Form    string
}

// Weapon is a means of attack with its spellings.
type Weapon struct {
	Name  string
	Forms []string
}

// Lexicon is the loaded set of curated lists.
type Lexicon struct {
	Entries    []*Entry
	Roles      []*Role
	Triggers   []*Trigger
	Weapons    []*Weapon
	GivenNames map[string]bool // normalised
	Stopwords  map[string]bool // normalised
}

var (
	once    sync.Once
	deflt   *Lexicon
	loadErr error
)

// Default returns the embedded lexicon, loaded once. It panics if the
// embedded files are malformed, which the package tests rule out.
func Default() *Lexicon {
	once.Do(func() { deflt, loadErr = load() })
	if loadErr != nil {
		panic(loadErr)
	}
	return deflt
}

func load() (*Lexicon, error) {
	lx := &Lexicon{GivenNames: map[string]bool{}, Stopwords: map[string]bool{}}
	for _, f := range []string{"groups.tsv", "forces.tsv", "organizations.tsv", "seats.tsv"} {
		err := eachRow(f, func(line int, cols []string) error {
			if len(cols) < 3 {
				return fmt.Errorf("want at least 3 columns, have %d", len(cols))
			}
			e := &Entry{Class: cols[0], Key: cols[1], Name: cols[2]}
			if len(cols) > 3 {
				e.Country = cols[3]
			}
			if len(cols) > 4 {
				if cols[4] != "" && !isQID(cols[4]) {
					return fmt.Errorf("column 5 is %q, want a Wikidata QID (Q123) or nothing", cols[4])
				}
				e.Wikidata = cols[4]
			}
			if len(cols) > 5 {
				e.Aliases = splitList(cols[5])
			}
			e.Aliases = append(e.Aliases, provinceShortForms(e)...)
			if f == "seats.tsv" {
				if err := seatColumns(e, cols); err != nil {
					return err
				}
			}
			lx.Entries = append(lx.Entries, e)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	err := eachRow("roles.tsv", func(line int, cols []string) error {
		if len(cols) != 3 {
			return fmt.Errorf("want 3 columns, have %d", len(cols))
		}
		lx.Roles = append(lx.Roles, &Role{Name: cols[0], Body: cols[1], Forms: splitList(cols[2])})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow("triggers.tsv", func(line int, cols []string) error {
		if len(cols) < 5 {
			return fmt.Errorf("want at least 5 columns, have %d", len(cols))
		}
		var near []string
		if len(cols) > 5 {
			near = splitList(strings.TrimPrefix(cols[5], "near="))
		}
		for _, form := range splitList(cols[4]) {
			lx.Triggers = append(lx.Triggers, &Trigger{Type: cols[0], Subtype: cols[1], Cameo: cols[2], Verb: cols[3] == "verb", Near: near, Form: form})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow("weapons.tsv", func(line int, cols []string) error {
		if len(cols) != 3 {
			return fmt.Errorf("want 3 columns (name, forms, reason), have %d", len(cols))
		}
		lx.Weapons = append(lx.Weapons, &Weapon{Name: cols[0], Forms: splitList(cols[1])})
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, f := range []struct {
		name string
		into map[string]bool
	}{{"given_names.txt", lx.GivenNames}, {"stopwords.txt", lx.Stopwords}} {
		b, err := files.ReadFile("data/" + f.name)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			for _, w := range strings.Fields(line) {
				f.into[strings.ToLower(w)] = true
			}
		}
	}
	return lx, nil
}

// seatColumns reads a seat row's scope and reason (columns 7 and 8):
// every seat needs its country, a name, and the fact it rests on.
func seatColumns(e *Entry, cols []string) error {
	if len(cols) != 8 || cols[7] == "" {
		return fmt.Errorf("a seat wants 8 columns ending with its reason, has %d", len(cols))
	}
	if e.Country == "" || len(e.Aliases) == 0 {
		return fmt.Errorf("a seat wants a country and the names of the seat")
	}
	switch cols[6] {
	case "":
	case "doc":
		e.DocOnly = true
	default:
		return fmt.Errorf("scope %q, want doc or nothing", cols[6])
	}
	e.Seat = true
	return nil
}

// provinceShortForms are the short forms that notes write for a province
// of the Islamic State named by the entry or one of its aliases ("Islamic
// State Sahel Province"): its place after the group's acronym and a
// hyphen ("IS-Sahel", "ISIS-Sahel", "ISIL-Sahel"), those the entry does
// not list already.
func provinceShortForms(e *Entry) []string {
	var out []string
	for _, name := range append([]string{e.Name}, e.Aliases...) {
		place, isIS := strings.CutPrefix(name, "Islamic State ")
		place, isProvince := strings.CutSuffix(place, " Province")
		if !isIS || !isProvince || place == "" {
			continue
		}
		for _, acronym := range []string{"IS-", "ISIS-", "ISIL-"} {
			if form := acronym + place; !slices.Contains(e.Aliases, form) && !slices.Contains(out, form) {
				out = append(out, form)
			}
		}
	}
	return out
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// eachRow calls fn for every non-comment, non-empty row of a TSV data file.
func eachRow(name string, fn func(line int, cols []string) error) error {
	f, err := files.Open("data/" + name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		for len(cols) > 0 && cols[len(cols)-1] == "" {
			cols = cols[:len(cols)-1]
		}
		if err := fn(n, cols); err != nil {
			return fmt.Errorf("lexicon: data/%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// isQID reports whether s is a Wikidata item identifier such as Q794.
func isQID(s string) bool {
	if len(s) < 2 || s[0] != 'Q' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
