package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

// TestGrammarLists checks the embedded grammar lists: every file parses
// (each entry has a reason, no word is listed twice in a list, no list is
// split between files), and the lists in the files are exactly those the
// Go code asks for with grammarList, so that none is missing (a panic at
// start) or left unused.
func TestGrammarLists(t *testing.T) {
	lists, err := parseGrammar(wordFiles)
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`grammarList\("(\w+)"\)`)
	used := map[string]bool{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = true
		}
	}
	var missing, unused []string
	for name := range used {
		if lists[name] == nil {
			missing = append(missing, name)
		}
	}
	for name := range lists {
		if !used[name] {
			unused = append(unused, name)
		}
	}
	sort.Strings(missing)
	sort.Strings(unused)
	if len(missing) > 0 || len(unused) > 0 {
		t.Errorf("lists asked for but in no data/grammar file: %v; lists in a file but never asked for: %v", missing, unused)
	}
}

// TestParseGrammar checks that a malformed grammar file is refused, naming
// the file and line, and that "!word" leaves the word out of its list.
func TestParseGrammar(t *testing.T) {
	const head = "# a comment\n\n"
	for _, c := range []struct {
		name  string
		files map[string]string
		err   string // "" for no error
	}{
		{"well formed", map[string]string{"a.tsv": head + "verbs\tsaid\treports speech\nverbs\t!warned\tleft out: a threat\n"}, ""},
		{"no reason", map[string]string{"a.tsv": head + "verbs\tsaid\t \n"}, "a.tsv:3: no reason given"},
		{"two columns", map[string]string{"a.tsv": "verbs\tsaid\n"}, "a.tsv:1: 2 fields, want 3"},
		{"upper case", map[string]string{"a.tsv": "verbs\tSaid\treports speech\n"}, `a.tsv:1: word "Said" is not in lower case`},
		{"no list", map[string]string{"a.tsv": "\tsaid\treports speech\n"}, "a.tsv:1: no list name"},
		{"twice", map[string]string{"a.tsv": "verbs\tsaid\tx\nverbs\tsaid\ty\n"}, `a.tsv:2: "said" is listed twice in verbs`},
		{"in and left out", map[string]string{"a.tsv": "verbs\tsaid\tx\nverbs\t!said\ty\n"}, `a.tsv:2: "said" is listed twice in verbs`},
		{"split list", map[string]string{"a.tsv": "verbs\tsaid\tx\n", "b.tsv": "verbs\ttold\ty\n"}, "b.tsv:1: list verbs is also in data/grammar/a.tsv"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range c.files {
				fsys["data/grammar/"+name] = &fstest.MapFile{Data: []byte(data)}
			}
			lists, err := parseGrammar(fsys)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one containing %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			s := newWordSet(lists["verbs"])
			if !s.Has("said") || s.Has("warned") {
				t.Errorf("said in %v, warned in %v; want true, false", s.Has("said"), s.Has("warned"))
			}
		})
	}
}
