package input

import (
	"bytes"
	"encoding/json"
	"testing"
)

// fastRows are JSON Lines records of each shape, with whether decodeFast
// reads them itself (the others are left to encoding/json).
var fastRows = []struct {
	line string
	fast bool
}{
	{`{"id":"a1","text":"The bridge was closed on Monday."}`, true},
	{` { "id" : "a2" , "text" : "x" , "published" : "2021-03-04" } ` + "\r\n", true},
	{`{}`, true},
	{"{\t}\n", true},
	{`{"id":"a3","title":"T","url":"https://example.org/a","source":"Wire","html":"<p>Hi</p>"}`, true},
	{`{"id":"a4","text":"caf\u00e9 \"quoted\" back\\slash\/ \b\f\n\r\t end"}`, true},
	{`{"id":"a5","text":"Zürich — “quotes” and 中文"}`, true},
	{`{"id":"a6","text":"first","text":"second"}`, true},
	{`{"id":"  ","text":"blank id"}`, true},
	{`{"id":"a7","text":"nul \u0000 inside"}`, true},
	// left to encoding/json
	{`{"id":7,"text":"a number id"}`, false},
	{`{"id":"a8","text":null}`, false},
	{`{"ID":"a9","text":"key in capitals"}`, false},
	{`{"id":"a10","text":"x","lang":"en"}`, false},
	{`{"i\u0064":"a11","text":"escaped key"}`, false},
	{`{"id":"a12","text":"half a pair \ud83d"}`, false},
	{`{"id":"a13","text":"pair \ud83d\ude00"}`, false},
	{"{\"id\":\"a14\",\"text\":\"bad \xff byte\"}", false},
	{`{"id":"a15","text":"bad escape \x"}`, false},
	{`{"id":"a16","text":"short \u12"}`, false},
	{"{\"id\":\"a17\",\"text\":\"raw\ttab\"}", false},
	{`{"id":"a18","text":"x",}`, false},
	{`{"id":"a18b","text":"x"`, false},
	{`{"id":"a19" "text":"x"}`, false},
	{`{"id":"a20","text":"x"} trailing`, false},
	{`{"id":"a21","text":"x"}{}`, false},
	{`["id","a22"]`, false},
	{`{"id":"a23","text":"unterminated}`, false},
	{`{"id":"a24","text":"ends in a backslash\`, false},
	{`{,"id":"a25"}`, false},
	{`{"id":"a26",,"text":"x"}`, false},
	{`{"id":"a27","text":{"nested":1}}`, false},
	{``, false},
	{"\xef\xbb\xbf{}", false},
}

// TestDecodeFast checks that decodeFast reads the records of each shape it
// takes as encoding/json does, and leaves the others to it.
func TestDecodeFast(t *testing.T) {
	for _, tt := range fastRows {
		var rec jsonlRecord
		if got := rec.decodeFast([]byte(tt.line)); got != tt.fast {
			t.Errorf("decodeFast(%q) = %v, want %v", tt.line, got, tt.fast)
			continue
		}
		checkAgainstJSON(t, tt.line)
	}
}

// checkAgainstJSON fails when decodeFast takes line but encoding/json
// rejects it or reads other values.
func checkAgainstJSON(t *testing.T, line string) {
	t.Helper()
	var fast jsonlRecord
	if !fast.decodeFast([]byte(line)) {
		return
	}
	var want jsonlRecord
	if err := json.Unmarshal([]byte(line), &want); err != nil {
		t.Errorf("decodeFast took %q, which encoding/json rejects: %v", line, err)
		return
	}
	if !bytes.Equal(fast.ID, want.ID) || !sameText(fast.Text, want.Text) || !sameText(fast.HTML, want.HTML) ||
		fast.Title != want.Title || fast.URL != want.URL || fast.Published != want.Published || fast.Source != want.Source {
		t.Errorf("decodeFast(%q) = %+v, encoding/json %+v", line, fast, want)
	}
	if fast.idText != nil {
		var id string
		if err := json.Unmarshal(want.ID, &id); err != nil || id != *fast.idText {
			t.Errorf("decodeFast(%q): id %q, encoding/json %q (%v)", line, *fast.idText, id, err)
		}
	} else if fast.ID != nil {
		t.Errorf("decodeFast(%q): an id without its text", line)
	}
}

func sameText(a, b *string) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// FuzzDecodeFast: whatever decodeFast takes, encoding/json reads alike.
func FuzzDecodeFast(f *testing.F) {
	for _, tt := range fastRows {
		f.Add(tt.line)
	}
	f.Fuzz(checkAgainstJSON)
}
