package input

import (
	"bytes"
	"compress/gzip"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// gz compresses s.
func gz(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestGzipInput reads compressed inputs of each kind, by name and by magic
// bytes, and reports corrupt ones naming the file.
func TestGzipInput(t *testing.T) {
	text := "The council met on Monday in the northern town.\n"
	page := "<html><head><title>Council</title></head><body><article><p>" + strings.Repeat("The council met on Monday in the northern town. ", 3) + "</p></article></body></html>"
	lines := `{"id": "r1", "text": "The council met on Monday."}` + "\n" + `{"id": "r2", "text": "The council met again on Friday."}` + "\n"
	whole := gz(t, text)
	for _, tt := range []struct {
		name, file, content string
		wantIDs             []string
		wantErr             error
	}{
		{"text", "a.txt.gz", gz(t, text), []string{"a.txt"}, nil},
		{"html", "b.html.gz", gz(t, page), []string{"b.html"}, nil},
		{"jsonl", "c.jsonl.gz", gz(t, lines), []string{"r1", "r2"}, nil},
		{"upper-case suffix", "d.TXT.GZ", gz(t, text), []string{"d.TXT"}, nil},
		{"gzip by magic bytes", "e.txt", gz(t, text), []string{"e.txt"}, nil},
		{"uncompressed", "f.txt", text, []string{"f.txt"}, nil},
		{"not gzip", "g.txt.gz", text, nil, ErrCorruptGzip},
		{"truncated", "h.txt.gz", whole[:len(whole)-6], nil, ErrCorruptGzip},
		{"bad header", "i.txt.gz", "\x1f\x8b\x00garbage", nil, ErrCorruptGzip},
		{"truncated lines", "j.jsonl.gz", gz(t, lines)[:30], nil, ErrCorruptGzip},
		{"unknown inner type", "k.pdf.gz", gz(t, text), nil, ErrUnknownType},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{tt.file: tt.content})
			p := filepath.Join(dir, tt.file)
			docs, errs := walk(t, Reader{}, p)
			if got := ids(docs); strings.Join(got, ",") != strings.Join(tt.wantIDs, ",") {
				t.Errorf("ids %q, want %q", got, tt.wantIDs)
			}
			for _, d := range docs {
				if !strings.Contains(d.Text, "council met") {
					t.Errorf("%s: text %q", d.ID, d.Text)
				}
			}
			if tt.wantErr == nil {
				if len(errs) > 0 {
					t.Errorf("errors: %v", errs)
				}
				return
			}
			if len(errs) != 1 || !errors.Is(errs[0], tt.wantErr) || !strings.Contains(errs[0].Error(), p) {
				t.Errorf("errors %v, want one %v naming %s", errs, tt.wantErr, p)
			}
		})
	}
}
