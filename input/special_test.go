package input

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
)

// walkGuarded is walk, failing the test instead of hanging when the walk
// does not return (a named pipe opened for reading waits for a writer).
func walkGuarded(t *testing.T, r Reader, paths ...string) ([]extract.Document, []error) {
	t.Helper()
	type result struct {
		docs []extract.Document
		errs []error
		err  error
	}
	done := make(chan result, 1)
	go func() {
		var res result
		r.OnError = func(err error) { res.errs = append(res.errs, err) }
		res.err = r.Walk(context.Background(), paths, func(d extract.Document) error {
			res.docs = append(res.docs, d)
			return nil
		})
		done <- res
	}()
	select {
	case res := <-done:
		if res.err != nil {
			t.Fatalf("Walk: %v", res.err)
		}
		return res.docs, res.errs
	case <-time.After(time.Minute):
		t.Fatalf("Walk(%q) did not return: it is blocked reading", paths)
		return nil, nil
	}
}

// special makes a file of another type than regular at p.
func special(t *testing.T, kind, p string) {
	t.Helper()
	switch kind {
	case "fifo":
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatalf("mkfifo: %v", err)
		}
	case "device":
		if err := os.Symlink("/dev/zero", p); err != nil {
			t.Fatal(err)
		}
	case "socket":
		l, err := net.Listen("unix", p)
		if err != nil {
			t.Fatalf("unix socket: %v", err)
		}
		t.Cleanup(func() { l.Close() })
	}
}

// TestNonRegularFilesRefused: named pipes, devices and sockets, named on
// the command line or met in a directory, are reported by name without
// being read.
func TestNonRegularFilesRefused(t *testing.T) {
	tests := []struct {
		kind, name string
		direct     bool
		want       string
	}{
		{"fifo", "pipe.txt", true, "not a regular file (named pipe)"},
		{"fifo", "pipe.jsonl", true, "not a regular file (named pipe)"},
		{"fifo", "pipe.html", false, "not a regular file (named pipe)"},
		{"device", "zero.txt", true, "not a regular file (character device)"},
		{"device", "zero.jsonl", false, "not a regular file (character device)"},
		{"socket", "sock.txt", true, "not a regular file (socket)"},
	}
	for _, tt := range tests {
		t.Run(tt.kind+" "+tt.name, func(t *testing.T) {
			// a short directory: a unix socket's path is limited to 108 bytes
			dir, err := os.MkdirTemp("", "ng")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.RemoveAll(dir) })
			if err := os.WriteFile(filepath.Join(dir, "good.txt"), []byte("Pakistan struck Iran."), 0o644); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, tt.name)
			special(t, tt.kind, p)
			paths := []string{dir}
			if tt.direct {
				paths = []string{p, filepath.Join(dir, "good.txt")}
			}
			docs, errs := walkGuarded(t, Reader{}, paths...)
			if len(docs) != 1 || docs[0].ID != "good.txt" {
				t.Errorf("documents %q, want the regular file only", ids(docs))
			}
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), p+": "+tt.want) || !errors.Is(errs[0], ErrNotRegular) {
				t.Errorf("errors %v, want %q naming %s", errs, tt.want, p)
			}
		})
	}
}

// TestOpenRegularPipe: a file that becomes a named pipe between the walk
// and its opening is refused once open, without waiting for a writer.
func TestOpenRegularPipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), "late.txt")
	special(t, "fifo", p)
	done := make(chan error, 1)
	go func() {
		f, _, err := openRegular(p)
		if f != nil {
			f.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("openRegular(fifo) = %v, want ErrNotRegular", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("openRegular blocked on a named pipe")
	}
}

// TestMetaFileLimits: _meta.json must be a regular file within the size
// limit, and is never read past it.
func TestMetaFileLimits(t *testing.T) {
	const meta = `{"default": {"source": "Dawn"}}`
	tests := []struct {
		name    string
		max     int64
		setup   func(t *testing.T, p string)
		want    string // error, or "" for a metadata file read
		wantSrc string
	}{
		{"regular", 0, func(t *testing.T, p string) { os.WriteFile(p, []byte(meta), 0o644) }, "", "Dawn"},
		{"symlink to /dev/zero", -1, func(t *testing.T, p string) { special(t, "device", p) }, "_meta.json: not a regular file (character device)", ""},
		{"named pipe", 0, func(t *testing.T, p string) { special(t, "fifo", p) }, "_meta.json: not a regular file (named pipe)", ""},
		{"larger than --max-size", 100, func(t *testing.T, p string) {
			os.WriteFile(p, []byte(`{"default": {"source": "`+strings.Repeat("x", 200)+`"}}`), 0o644)
		}, "_meta.json: too large: 227 bytes, more than the limit of 100 bytes", ""},
		{"larger than the cap, no --max-size", -1, func(t *testing.T, p string) {
			// sparse: its size is refused before a byte is read
			if err := os.WriteFile(p, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(p, 400<<20); err != nil {
				t.Fatal(err)
			}
		}, "_meta.json: too large: 400 MiB, more than the limit of 32 MiB", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"a.txt": "Pakistan struck Iran."})
			p := filepath.Join(dir, MetaFile)
			tt.setup(t, p)
			for _, paths := range [][]string{{dir}, {filepath.Join(dir, "a.txt")}} {
				docs, errs := walkGuarded(t, Reader{MaxSize: tt.max}, paths...)
				if len(docs) != 1 {
					t.Fatalf("%q: documents %q, want a.txt", paths, ids(docs))
				}
				if docs[0].Source != tt.wantSrc {
					t.Errorf("%q: source %q, want %q", paths, docs[0].Source, tt.wantSrc)
				}
				switch {
				case tt.want == "" && len(errs) > 0:
					t.Errorf("%q: errors %v", paths, errs)
				case tt.want != "" && (len(errs) != 1 || !strings.Contains(errs[0].Error(), filepath.Join(dir, tt.want))):
					t.Errorf("%q: errors %v, want %q", paths, errs, tt.want)
				}
			}
		})
	}
}

// TestURLSchemes: only http and https URLs are kept from JSON Lines
// records, metadata files and HTML pages; any other is dropped with a
// warning naming the file (and line).
func TestURLSchemes(t *testing.T) {
	tests := []struct {
		url, want, warning string
	}{
		{"https://example.org/a", "https://example.org/a", ""},
		{"http://example.org/a", "http://example.org/a", ""},
		{"  https://example.org/b ", "https://example.org/b", ""},
		{"javascript:alert(1)", "", `scheme "javascript" is not http or https`},
		{"JavaScript:alert(document.cookie)", "", `scheme "javascript" is not http or https`},
		{"data:text/html,<script>alert(1)</script>", "", `scheme "data" is not http or https`},
		{"file:///etc/passwd", "", `scheme "file" is not http or https`},
		{"mailto:editor@example.org", "", `scheme "mailto" is not http or https`},
		{"//example.org/relative", "", "not absolute"},
		{"/a/path", "", "not absolute"},
		{"https:///no-host", "", "no host"},
		{"", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			rec := `{"id": "r", "text": "Pakistan struck Iran.", "url": ` + quote(tt.url) + "}\n"
			meta := `{"files": {"m.txt": {"url": ` + quote(tt.url) + `}}}`
			page := `<html><head><link rel="canonical" href="` + tt.url + `"></head><body><p>Pakistan struck Iran.</p></body></html>`
			dir := writeFiles(t, map[string]string{"a.jsonl": rec, "m.txt": "Pakistan struck Iran.", MetaFile: meta, "p.html": page})
			var warnings []error
			docs, errs := walkGuarded(t, Reader{OnWarning: func(err error) { warnings = append(warnings, err) }}, dir)
			if len(errs) > 0 {
				t.Fatalf("errors %v", errs)
			}
			for _, d := range docs {
				if d.URL != tt.want {
					t.Errorf("%s: URL %q, want %q", d.ID, d.URL, tt.want)
				}
			}
			if tt.warning == "" {
				if len(warnings) > 0 {
					t.Errorf("warnings %v", warnings)
				}
				return
			}
			wantWarn := []string{filepath.Join(dir, MetaFile) + ": files: m.txt: url", filepath.Join(dir, "a.jsonl") + `:1: record "r": url`}
			if len(warnings) != len(wantWarn) {
				t.Fatalf("warnings %v, want %d", warnings, len(wantWarn))
			}
			for i, w := range wantWarn {
				if !strings.Contains(warnings[i].Error(), w) || !strings.Contains(warnings[i].Error(), tt.warning) {
					t.Errorf("warning %q, want %q … %q", warnings[i], w, tt.warning)
				}
			}
		})
	}
}

func quote(s string) string {
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
}

// TestJSONLinesTextUTF8: a record's text comes out valid UTF-8 whatever its
// line holds, one row per shape of bytes: valid text passes unchanged,
// a byte that is no UTF-8 and an escaped lone surrogate become U+FFFD.
func TestJSONLinesTextUTF8(t *testing.T) {
	tests := []struct {
		line string
		want string
	}{
		{`{"id":"a","text":"Gunmen struck a bus near Garissa."}`, "Gunmen struck a bus near Garissa."},
		{`{"id":"a","text":"Caf\u00e9 owners fled \u2014 police said."}`, "Café owners fled — police said."},
		{"{\"id\":\"a\",\"text\":\"One stray byte \xff here.\"}", "One stray byte \uFFFD here."},
		{`{"id":"a","text":"A lone surrogate \ud800 here."}`, "A lone surrogate \uFFFD here."},
		{"{\"id\":\"a\",\"text\":\"\\ufeffA mark first.\"}", "A mark first."},
		{`{"id":"a","text":"Two lines\r\nhere."}`, "Two lines\nhere."},
	}
	for _, tt := range tests {
		doc, _, err := parseJSONLine([]byte(tt.line))
		if err != nil {
			t.Fatalf("%q: %v", tt.line, err)
		}
		if doc.Text != tt.want {
			t.Errorf("%q: text %q, want %q", tt.line, doc.Text, tt.want)
		}
	}
}
