package main

import (
	"strings"
	"testing"
)

// TestEvalGoldFormats runs eval with a gold file of each format, and with
// gold files that cannot be used: one row per shape.
func TestEvalGoldFormats(t *testing.T) {
	dir := writeArticles(t, map[string]string{
		"notes.jsonl":      `{"id": "note-1", "text": "On 4 March 2020, Taliban fighters raided a police post in Kandahar, killing three policemen.", "published": "2020-03-06"}` + "\n",
		"lines.gold.jsonl": `{"doc": "note-1", "type": "Attack", "symmetric": false, "attackers": [{"name": "Taliban", "aliases": []}], "targets": [{"name": "police", "aliases": []}], "places": ["Kandahar"], "country": "Afghanistan", "date": "2020-03-04", "killed": 3}` + "\n",
		"other.gold.jsonl": `{"doc": "note-9", "type": "Attack", "attackers": [], "targets": [], "places": [], "country": "Kenya", "date": null, "killed": null}` + "\n",
		"other.gold.json":  `{"format": "newsgraph-gold/1", "documents": [{"file": "elsewhere.txt", "published": "2024-01-18"}]}`,
		"unknown.json":     `{"name": "not a gold file"}`,
		"bad.gold.jsonl":   `{"doc": "note-1", "type": "Attack"}` + "\n" + `{"doc": "note-1", "type": "Attack", "killed": "three"}` + "\n",
	})
	p := func(name string) string { return dir + "/" + name }
	unplaced := writeArticles(t, map[string]string{
		"notes.jsonl": `{"id": "note-2", "text": "On 5 March 2020, gunmen raided a police post, killing two policemen.", "published": "2020-03-07"}` + "\n",
		"gold.jsonl":  `{"doc": "note-2", "type": "Attack", "symmetric": false, "attackers": [], "targets": [{"name": "police", "aliases": []}], "places": ["Spin Boldak", "Kandahar"], "country": "Afghanistan", "date": "2020-03-05", "killed": 2}` + "\n",
	})
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr string
	}{
		{"event lines", []string{"eval", "--gold", p("lines.gold.jsonl"), p("notes.jsonl")}, 0,
			[]string{"1 documents, 1 gold events", "slot accuracy on detected events:", "summary: recall "}, ""},
		{"event lines, the ceiling of a note that names no place", []string{"eval", "--gold", unplaced + "/gold.jsonl", unplaced + "/notes.jsonl"}, 0,
			[]string{"  places: 0/1 = 0.000\n    ceiling: 1 of the 1 wrong are on texts naming no gold place; mending the other 0 gives 0/1 = 0.000\n",
				"  country: 0/1 = 0.000\n    ceiling: 1 of the 1 wrong are on texts naming neither a gold place nor the country"}, ""},
		{"event lines, the ceiling of a note that names its place", []string{"eval", "--gold", p("lines.gold.jsonl"), p("notes.jsonl")}, 0,
			[]string{"  places: 1/1 = 1.000\n    ceiling: 0 of the 0 wrong"}, ""},
		{"event lines with misses", []string{"eval", "--gold", p("lines.gold.jsonl"), "--misses", "5", p("notes.jsonl")}, 0,
			[]string{"summary: recall "}, ""},
		{"event lines, no document annotated", []string{"eval", "--gold", p("other.gold.jsonl"), p("notes.jsonl")}, 1,
			nil, "other.gold.jsonl: the gold file annotates none of the documents given (1 given)"},
		{"newsgraph-gold/1, no document annotated", []string{"eval", "--gold", p("other.gold.json"), p("notes.jsonl")}, 1,
			nil, "other.gold.json: the gold file annotates none of the documents given"},
		{"unknown format", []string{"eval", "--gold", p("unknown.json"), p("notes.jsonl")}, 1,
			nil, "unknown.json: unknown gold format"},
		{"bad line", []string{"eval", "--gold", p("bad.gold.jsonl"), p("notes.jsonl")}, 1,
			nil, "bad.gold.jsonl:2:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runInProcess(t, invocation{args: tc.args})
			if r.code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tc.code, r.stdout, r.stderr)
			}
			for _, s := range tc.stdout {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, r.stdout)
				}
			}
			if !strings.Contains(r.stderr, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, r.stderr)
			}
		})
	}
}
