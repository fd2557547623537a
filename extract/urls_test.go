package extract

import (
	"context"
	"strings"
	"testing"
)

// TestExtractDropsNonHTTPURL: a document that reaches the extractor with
// a URL of another scheme than http(s) (from a program, not package
// input) gets a record without it, and a warning; an http(s) URL is kept,
// in one piece or in windows.
func TestExtractDropsNonHTTPURL(t *testing.T) {
	tests := []struct {
		url, want, warning string
	}{
		{"https://example.org/a", "https://example.org/a", ""},
		{"http://example.org/a", "http://example.org/a", ""},
		{"javascript:alert(1)", "", `scheme "javascript" is not http or https`},
		{"vbscript:msgbox(1)", "", `scheme "vbscript" is not http or https`},
		{"data:text/html;base64,PHNjcmlwdD4=", "", `scheme "data" is not http or https`},
		{"example.org/a", "", "not absolute"},
		{"http://", "", "no host"},
		{"http://[::1", "", "not a URL"},
	}
	text := "Militants attacked a convoy in Quetta, killing nine soldiers."
	for _, windowed := range []bool{false, true} {
		x := NewLexical(Options{})
		doc := Document{ID: "u", Text: text}
		if windowed {
			x.window = window{size: 40, overlap: 10}
			doc.Text = strings.Repeat(text+"\n", 5)
		}
		for _, tt := range tests {
			doc.URL = tt.url
			rec, err := x.Extract(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if rec.Doc.URL != nil {
				got = *rec.Doc.URL
			}
			if got != tt.want {
				t.Errorf("windowed %v: URL %q stored as %q, want %q", windowed, tt.url, got, tt.want)
			}
			var msgs []string
			for _, w := range rec.Warnings {
				msgs = append(msgs, w.String())
			}
			if tt.warning == "" && len(msgs) > 0 || tt.warning != "" && (len(msgs) != 1 || !strings.Contains(msgs[0], tt.warning)) {
				t.Errorf("windowed %v: URL %q: warnings %q, want %q", windowed, tt.url, msgs, tt.warning)
			}
		}
	}
}
