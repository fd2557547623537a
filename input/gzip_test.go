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

// TestGzipStdin reads standard input ("-") decompressed when it is gzip,
// as it is (without .gz's name to go by), and reports a corrupt stream.
func TestGzipStdin(t *testing.T) {
	text := "The council met on Monday in the northern town.\n"
	whole := gz(t, text)
	for _, tt := range []struct {
		name, stdin string
		wantErr     error
	}{
		{"gzip", whole, nil},
		{"two gzip members", gz(t, "The council met ") + gz(t, "on Monday in the northern town.\n"), nil},
		{"plain", text, nil},
		{"truncated", whole[:len(whole)-6], ErrCorruptGzip},
		{"bad header", "\x1f\x8b\x00garbage", ErrCorruptGzip},
	} {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := walk(t, Reader{Stdin: strings.NewReader(tt.stdin)}, "-")
			if tt.wantErr != nil {
				if len(docs) != 0 || len(errs) != 1 || !errors.Is(errs[0], tt.wantErr) || !strings.Contains(errs[0].Error(), "<stdin>") {
					t.Errorf("docs %d, errors %v, want one %v naming <stdin>", len(docs), errs, tt.wantErr)
				}
				return
			}
			if len(errs) > 0 || len(docs) != 1 || docs[0].ID != StdinID || docs[0].Text != strings.TrimSpace(text) && docs[0].Text != text {
				t.Errorf("docs %+v, errors %v", docs, errs)
			}
		})
	}
}
