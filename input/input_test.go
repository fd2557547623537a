package input

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/newsgraph/newsgraph/extract"
)

// writeFiles creates files (name → content; a name ending in "/" is a
// directory) under a new temporary directory and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// walk runs a Reader over paths and returns the documents and the reported
// errors.
func walk(t *testing.T, r Reader, paths ...string) ([]extract.Document, []error) {
	t.Helper()
	var docs []extract.Document
	var errs []error
	r.OnError = func(err error) { errs = append(errs, err) }
	err := r.Walk(context.Background(), paths, func(d extract.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return docs, errs
}

func ids(docs []extract.Document) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.ID)
	}
	return out
}

func utf16Bytes(s string, bigEndian bool) []byte {
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

const boilerplateHTML = `<!DOCTYPE html>
<html><head>
<title>Pakistan strikes militant hideouts in Iran | World News Daily</title>
<link rel="canonical" href="https://news.example.com/world/pakistan-iran">
<meta property="article:published_time" content="2024-01-18T09:30:00+05:00">
</head><body>
<header class="site-header"><nav class="menu"><ul>
<li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/subscribe">Subscribe now for unlimited access</a></li></ul></nav></header>
<div class="ad advertisement sponsored">BUY CHEAP FLIGHTS TODAY — advertisement</div>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Celebrity chef opens restaurant</a></li><li><a href="/b">Ten tips for gardening</a></li></ul></aside>
<main><article>
<h1>Pakistan strikes militant hideouts in Iran</h1>
<p>Pakistan carried out air strikes on what it called terrorist hideouts inside Iran on Thursday, killing at least nine people, according to Iranian officials who spoke to reporters in the provincial capital.</p>
<p>The strikes came two days after Iran launched missile and drone attacks on targets in Pakistan's Balochistan province, an escalation that alarmed governments across the region and beyond.</p>
<p>Pakistan's foreign ministry said the operation was a series of highly coordinated and specifically targeted precision military strikes against militant groups operating from Iranian territory.</p>
<p>Iran's foreign ministry summoned Pakistan's charge d'affaires in Tehran to demand an explanation, state media reported on Thursday afternoon.</p>
</article></main>
<div class="share social">Share on Facebook Share on Twitter</div>
<footer class="site-footer"><p>Copyright 2024 World News Daily. All rights reserved.</p><a href="/privacy">Privacy policy</a> <a href="/cookies">Cookie settings</a></footer>
</body></html>`

func TestWalkFormats(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		raw   map[string][]byte // files with exact bytes
		// path to walk, relative to the directory ("" = the directory)
		path      string
		published string
		want      []extract.Document
		wantErrs  []string // substrings, one per reported error
	}{
		{
			name:  "plain text file given directly",
			files: map[string]string{"a.txt": "Iran condemned the strikes.\nPakistan said it acted in self-defence.\n"},
			path:  "a.txt", published: "2024-01-19",
			want: []extract.Document{{ID: "a.txt", Published: "2024-01-19", Text: "Iran condemned the strikes.\nPakistan said it acted in self-defence.\n"}},
		},
		{
			name: "directory: lexical order, recursion, hidden files skipped, unknown extension reported",
			files: map[string]string{
				"b.txt": "Second.", "a.txt": "First.", "sub/c.txt": "Third.", ".hidden.txt": "no",
				".git/x.txt": "no", "notes.md": "unknown", "z.htm": boilerplateHTML,
			},
			want: []extract.Document{
				{ID: "a.txt", Text: "First."}, {ID: "b.txt", Text: "Second."},
				{ID: "sub/c.txt", Text: "Third."},
				{ID: "z.htm", Title: "Pakistan strikes militant hideouts in Iran", URL: "https://news.example.com/world/pakistan-iran", Published: "2024-01-18"},
			},
			wantErrs: []string{"notes.md: unknown file type (extension .md"},
		},
		{
			name:  "CRLF and UTF-8 BOM",
			raw:   map[string][]byte{"crlf.txt": []byte("\xEF\xBB\xBFLine one.\r\nLine two.\r\nOld Mac line.\rEnd.")},
			path:  "crlf.txt",
			want:  []extract.Document{{ID: "crlf.txt", Text: "Line one.\nLine two.\nOld Mac line.\nEnd."}},
			files: nil,
		},
		{
			name: "UTF-16 with BOM, both byte orders",
			raw: map[string][]byte{
				"le.txt": utf16Bytes("Tehran — “strikes” in Sīstān.\r\nSecond line.", false),
				"be.txt": utf16Bytes("Islamabad said: ‘no’.", true),
			},
			want: []extract.Document{
				{ID: "be.txt", Text: "Islamabad said: ‘no’."},
				{ID: "le.txt", Text: "Tehran — “strikes” in Sīstān.\nSecond line."},
			},
		},
		{
			name: "binary, non-UTF-8 and empty files are reported and skipped",
			raw: map[string][]byte{
				"bin.txt":     {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3},
				"latin1.txt":  []byte("Caf\xe9 na\xefve \xe0 la cr\xe8me"),
				"empty.txt":   {},
				"blank.txt":   []byte(" \n\t\n"),
				"ok.txt":      []byte("Fine text, with one stray byte \xff among many many many many many many many many many many many many many many many many many many many many many many many many many many many many many words."),
				"nohtml.html": []byte("<html><body></body></html>"),
			},
			want: []extract.Document{{ID: "ok.txt", Text: "Fine text, with one stray byte \uFFFD among many many many many many many many many many many many many many many many many many many many many many many many many many many many many many words."}},
			wantErrs: []string{
				"bin.txt: binary file: NUL byte at offset 4",
				"blank.txt: empty file",
				"empty.txt: empty file",
				"latin1.txt: binary file: not UTF-8 text",
				"nohtml.html: ",
			},
		},
		{
			name:     "missing path",
			path:     "nope.txt",
			wantErrs: []string{"nope.txt: no such file or directory"},
		},
		{
			name: "jsonl with a broken line in the middle",
			files: map[string]string{"feed.jsonl": `{"id": "a1", "text": "First article.", "title": "One", "url": "https://x.example/1", "published": "January 17, 2024", "source": "Wire"}
{"id": "a2", "text": "broken
{"id": 3, "text": "Third article.\r\nSecond line."}

{"text": "no id"}
{"id": "a5", "text": "Bad date.", "published": "2024-02-31"}
{"id": "a6", "text": "Bad year.", "published": "20245-01-01"}
{"id": "a7"}
{"id": "a1", "text": "duplicate"}
{"id": "a9", "html": "<html><head><title>Nine</title></head><body><article><p>Ninth article, from HTML.</p></article></body></html>"}
`},
			published: "2024-01-20",
			want: []extract.Document{
				{ID: "a1", Title: "One", URL: "https://x.example/1", Source: "Wire", Published: "2024-01-17", Text: "First article."},
				{ID: "3", Published: "2024-01-20", Text: "Third article.\nSecond line."},
				{ID: "a9", Title: "Nine", Published: "2024-01-20", Text: "Ninth article, from HTML."},
			},
			wantErrs: []string{
				"feed.jsonl:2: invalid JSON",
				`feed.jsonl:5: missing "id"`,
				`feed.jsonl:6: record "a5": published: invalid date "2024-02-31"`,
				`feed.jsonl:7: record "a6": published: invalid date "20245-01-01"`,
				`feed.jsonl:8: record "a7": no article text`,
				`feed.jsonl:9: duplicate document id "a1" (first from `,
			},
		},
		{
			name: "metadata file: defaults, per-file entries, nested directories, jsonl",
			files: map[string]string{
				"_meta.json": `{"default": {"published": "18 Jan 2024", "source": "Agency"},
				  "files": {"a.txt": {"published": "2024-01-16", "title": "A", "url": "https://a.example/"},
				            "sub/b.txt": {"title": "B from top"},
				            "feed.jsonl": {"source": "Feed"}}}`,
				"a.txt":          "Alpha.",
				"c.txt":          "Published: January 15, 2024\nGamma.",
				"sub/_meta.json": `{"files": {"b.txt": {"published": "2024-01-17"}}}`,
				"sub/b.txt":      "Beta.",
				"feed.jsonl":     `{"id": "f1", "text": "Feed one.", "published": "2024-01-10"}` + "\n" + `{"id": "f2", "text": "Feed two.", "source": "Own"}`,
				"page.html":      boilerplateHTML,
			},
			want: []extract.Document{
				{ID: "a.txt", Title: "A", URL: "https://a.example/", Source: "Agency", Published: "2024-01-16", Text: "Alpha."},
				{ID: "c.txt", Source: "Agency", Published: "2024-01-18", Text: "Published: January 15, 2024\nGamma."},
				{ID: "f1", Source: "Feed", Published: "2024-01-10", Text: "Feed one."},
				{ID: "f2", Source: "Own", Published: "2024-01-18", Text: "Feed two."},
				{ID: "page.html", Title: "Pakistan strikes militant hideouts in Iran", URL: "https://news.example.com/world/pakistan-iran", Source: "Agency", Published: "2024-01-18"},
				{ID: "sub/b.txt", Title: "B from top", Source: "Agency", Published: "2024-01-17", Text: "Beta."},
			},
		},
		{
			name:  "metadata of the directory applies to a file given directly",
			files: map[string]string{"_meta.json": `{"files": {"a.txt": {"published": "2024-01-16"}}}`, "a.txt": "Alpha."},
			path:  "a.txt", published: "2024-01-01",
			want: []extract.Document{{ID: "a.txt", Published: "2024-01-16", Text: "Alpha."}},
		},
		{
			name:     "invalid metadata file is reported, its articles still read",
			files:    map[string]string{"_meta.json": `{"files": {"a.txt": {"published": "2024-02-30"}}}`, "a.txt": "Alpha."},
			want:     []extract.Document{{ID: "a.txt", Text: "Alpha."}},
			wantErrs: []string{`_meta.json: files: a.txt: published: invalid date "2024-02-30"`},
		},
		{
			name:      "dateline in the text, then the default",
			files:     map[string]string{"a.txt": " date 2024-01-18 Pakistan Hits Hideouts\n\nText.", "b.txt": "Iran said on January 18, 2024 that…", "c.txt": "Thursday, 18 January 2024 10:31 GMT\nText."},
			published: "2024-02-01",
			want: []extract.Document{
				{ID: "a.txt", Published: "2024-01-18", Text: " date 2024-01-18 Pakistan Hits Hideouts\n\nText."},
				{ID: "b.txt", Published: "2024-02-01", Text: "Iran said on January 18, 2024 that…"},
				{ID: "c.txt", Published: "2024-01-18", Text: "Thursday, 18 January 2024 10:31 GMT\nText."},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, tt.files)
			for name, data := range tt.raw {
				if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			p := dir
			if tt.path != "" {
				p = filepath.Join(dir, tt.path)
			}
			docs, errs := walk(t, Reader{Published: tt.published}, p)
			if len(docs) != len(tt.want) {
				t.Fatalf("got documents %q, want %q (errors %v)", ids(docs), ids(tt.want), errs)
			}
			for i, want := range tt.want {
				got := docs[i]
				if want.Text == "" { // HTML: checked elsewhere
					got.Text = ""
				}
				if got != want {
					t.Errorf("document %d:\n got %+v\nwant %+v", i, got, want)
				}
			}
			if len(errs) != len(tt.wantErrs) {
				t.Fatalf("got errors %v, want %d: %q", errs, len(tt.wantErrs), tt.wantErrs)
			}
			for i, want := range tt.wantErrs {
				msg := errs[i].Error()
				if !strings.HasPrefix(msg, "input: ") || !strings.Contains(msg, want) || !strings.Contains(msg, dir) {
					t.Errorf("error %d = %q, want it to start with input: and name %s and %q", i, msg, dir, want)
				}
			}
		})
	}
}

func TestHTMLBoilerplateDropped(t *testing.T) {
	dir := writeFiles(t, map[string]string{"page.html": boilerplateHTML})
	docs, errs := walk(t, Reader{}, filepath.Join(dir, "page.html"))
	if len(docs) != 1 || len(errs) != 0 {
		t.Fatalf("docs %v, errs %v", ids(docs), errs)
	}
	text := docs[0].Text
	for _, keep := range []string{
		"Pakistan carried out air strikes on what it called terrorist hideouts inside Iran on Thursday",
		"Iran's foreign ministry summoned Pakistan's charge d'affaires in Tehran",
	} {
		if !strings.Contains(text, keep) {
			t.Errorf("article text lost %q:\n%s", keep, text)
		}
	}
	for _, drop := range []string{"Subscribe now", "BUY CHEAP FLIGHTS", "Celebrity chef", "Share on Facebook", "Copyright 2024", "Privacy policy", "Cookie settings"} {
		if strings.Contains(text, drop) {
			t.Errorf("boilerplate %q kept:\n%s", drop, text)
		}
	}
	// One paragraph per line, no blank lines.
	if lines := strings.Split(text, "\n"); len(lines) < 4 {
		t.Errorf("want the 4 paragraphs on their own lines, got %d lines:\n%s", len(lines), text)
	}
	if strings.Contains(text, "\n\n") {
		t.Errorf("blank lines kept:\n%q", text)
	}
}

func TestHTMLCharset(t *testing.T) {
	page := "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title></head><body><article><p>Le caf\xe9 de la place, o\xf9 l'on parle de politique tous les matins.</p></article></body></html>"
	p, err := ReadHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text, "Le café de la place, où") {
		t.Errorf("text %q", p.Text)
	}
}

func TestSymlinkLoop(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "Alpha.", "sub/b.txt": "Beta."})
	if err := os.Symlink("..", filepath.Join(dir, "sub", "up")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if err := os.Symlink("self.txt", filepath.Join(dir, "self.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("sub", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var docs []extract.Document
	var errs []error
	go func() {
		defer close(done)
		docs, errs = walk(t, Reader{}, dir)
	}()
	<-done
	if got, want := strings.Join(ids(docs), " "), "a.txt link/b.txt sub/b.txt"; got != want {
		t.Errorf("documents %q, want %q", got, want)
	}
	var loops int
	for _, err := range errs {
		if errors.Is(err, ErrSymlinkLoop) || strings.Contains(err.Error(), "too many levels of symbolic links") {
			loops++
		}
	}
	if loops != 3 { // link/up, self.txt, sub/up
		t.Errorf("want 3 loop errors, got %v", errs)
	}
}

func TestStdin(t *testing.T) {
	docs, errs := walk(t, Reader{Stdin: strings.NewReader("\xEF\xBB\xBFFrom a pipe.\r\n"), Published: "2024-01-18"}, "-")
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatalf("docs %v errs %v", docs, errs)
	}
	if want := (extract.Document{ID: "stdin", Published: "2024-01-18", Text: "From a pipe.\n"}); docs[0] != want {
		t.Errorf("got %+v, want %+v", docs[0], want)
	}
}

func TestWalkStops(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "A.", "b.txt": "B.", "c.txt": "C."})
	stop := errors.New("stop")
	var n int
	err := (&Reader{}).Walk(context.Background(), []string{dir}, func(extract.Document) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 2 {
		t.Errorf("err %v after %d documents", err, n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = (&Reader{}).Walk(ctx, []string{dir}, func(extract.Document) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("err %v after %d documents", err, n)
	}
}

func TestWalkNilOnError(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "A.", "b.bin": "x", "c.txt": ""})
	var n int
	err := (&Reader{}).Walk(context.Background(), []string{dir}, func(extract.Document) error { n++; return nil })
	if n != 1 || err == nil || !strings.Contains(err.Error(), "b.bin") || !errors.Is(err, ErrEmpty) {
		t.Errorf("n=%d err=%v", n, err)
	}
	if err := (&Reader{Published: "2024-13-01"}).Walk(context.Background(), nil, nil); err == nil {
		t.Error("bad default date accepted")
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"", "", ""},
		{"2024-01-18", "2024-01-18", ""},
		{" January 18, 2024 ", "2024-01-18", ""},
		{"18 January 2024", "2024-01-18", ""},
		{"Jan. 18, 2024", "2024-01-18", ""},
		{"Thursday, January 18, 2024", "2024-01-18", ""},
		{"2024/01/18", "2024-01-18", ""},
		{"2024-01-18T23:30:00-05:00", "2024-01-18", ""},
		{"Thu, 18 Jan 2024 10:00:00 GMT", "2024-01-18", ""},
		{"18/01/2024", "2024-01-18", ""},
		{"01/18/2024", "2024-01-18", ""},
		{"18.01.2024", "2024-01-18", ""},
		{"02/02/2024", "2024-02-02", ""},
		{"2024-02-31", "", "invalid date"},
		{"2024-13-01", "", "invalid date"},
		{"20245-01-18", "", "invalid date"},
		{"0024-01-18", "", "out of range"},
		{"01/02/2024", "", "ambiguous"},
		{"31/02/2024", "", "does not exist"},
		{"2024-01", "", "incomplete"},
		{"2024", "", "incomplete"},
		{"yesterday", "", "invalid date"},
	}
	for _, tt := range tests {
		got, err := NormalizeDate(tt.in)
		if got != tt.want || (err == nil) != (tt.err == "") || (err != nil && !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q, error containing %q", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestDatelineDate(t *testing.T) {
	tests := []struct{ text, want string }{
		{" date 2024-01-18 Pakistan Hits ‘Terrorist Hideouts’ In Iran\n\nText.", "2024-01-18"},
		{"Source link date 2024-01-18\nText.", "2024-01-18"},
		{"Headline\nJanuary 18, 2024\nText.", "2024-01-18"},
		{"Headline\nBy A Reporter\nPublished: 18 Jan 2024, 10:31 IST\nText.", "2024-01-18"},
		{"Updated on Jan 18th, 2024\nText.", "2024-01-18"},
		{"Thu 18 January 2024 09.00 GMT\nText.", "2024-01-18"},
		{"2024-01-18\nText.", "2024-01-18"},
		// Not datelines: dates inside sentences, too late, impossible.
		{"Iran said on January 18, 2024 that it would respond.", ""},
		{"The group, founded on 2012-05-01, operates in Iran.", ""},
		{"a\nb\nc\nd\ne\nJanuary 18, 2024\n", ""},
		{"February 30, 2024\nText.", ""},
		{"Published: 2024-13-01\n", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := DatelineDate(tt.text); got != tt.want {
			t.Errorf("DatelineDate(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestExampleArticles(t *testing.T) {
	docs, errs := walk(t, Reader{}, filepath.Join("..", "examples", "articles"))
	if len(errs) != 0 || len(docs) != 5 {
		t.Fatalf("docs %v errs %v", ids(docs), errs)
	}
	for _, d := range docs {
		if d.Published != "2024-01-18" || d.Title != "" || d.URL != "" || d.Source != "" {
			t.Errorf("%s: %+v", d.ID, extract.Document{ID: d.ID, Title: d.Title, URL: d.URL, Source: d.Source, Published: d.Published})
		}
	}
	if docs[0].ID != "000_d765e2c5818afb87.txt" {
		t.Errorf("first ID %q", docs[0].ID)
	}
}

func TestDuplicateIDs(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a/x.txt": "One.", "b/x.txt": "Two.", "c.jsonl": `{"id": "x.txt", "text": "Three."}`})
	docs, errs := walk(t, Reader{}, filepath.Join(dir, "a", "x.txt"), filepath.Join(dir, "b", "x.txt"), filepath.Join(dir, "c.jsonl"))
	if len(docs) != 1 || docs[0].Text != "One." {
		t.Errorf("docs %+v", docs)
	}
	if len(errs) != 2 ||
		!strings.Contains(errs[0].Error(), filepath.Join(dir, "b", "x.txt")+`: duplicate document id "x.txt" (first from `+filepath.Join(dir, "a", "x.txt")+")") ||
		!strings.Contains(errs[1].Error(), filepath.Join(dir, "c.jsonl")+`:1: duplicate document id "x.txt"`) {
		t.Errorf("errors %v", errs)
	}
}
