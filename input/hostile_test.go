package input

import (
	"bufio"
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Bad input beyond what TestWalkFormats covers: documents over the size
// limit, deeply nested HTML, UTF-16 JSON Lines; and fuzz targets for the
// date normaliser, the dateline reader, the text decoder, the HTML reader
// and the JSON Lines record parser.

func TestMaxSize(t *testing.T) {
	const limit = 100
	line := func(id string, n int) string { // a record of n bytes
		rec := `{"id": "` + id + `", "text": "`
		return rec + strings.Repeat("x", n-len(rec)-2) + `"}`
	}
	files := map[string]string{
		"a.txt":   strings.Repeat("a", limit),
		"b.txt":   strings.Repeat("b", limit+1),
		"c.html":  "<p>" + strings.Repeat("c", 2*limit) + "</p>",
		"d.jsonl": line("d1", limit) + "\n" + line("d2", limit+1) + "\r\n" + line("d3", 40) + "\n" + line("d4", 10*limit),
		"e.jsonl": line("e1", 50) + "\n" + strings.Repeat(" ", 3*limit) + "\n" + line("e2", 50),
	}
	tests := []struct {
		name     string
		max      int64
		want     []string
		wantErrs []string
	}{
		{"limit", limit, []string{"a.txt", "d1", "d3", "e1", "e2"}, []string{
			"b.txt: too large: 101 bytes, more than the limit of 100 bytes",
			"c.html: too large: 207 bytes, more than the limit of 100 bytes",
			"d.jsonl:2: too large: a line of 102 bytes, more than the limit of 100 bytes",
			"d.jsonl:4: too large: a line of 1000 bytes, more than the limit of 100 bytes",
			"e.jsonl:2: too large: a line of 300 bytes, more than the limit of 100 bytes",
		}},
		{"no limit", -1, []string{"a.txt", "b.txt", "c.html", "d1", "d2", "d3", "d4", "e1", "e2"}, nil},
		{"default limit", 0, []string{"a.txt", "b.txt", "c.html", "d1", "d2", "d3", "d4", "e1", "e2"}, nil},
	}
	dir := writeFiles(t, files)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := walk(t, Reader{MaxSize: tt.max}, dir)
			if got := ids(docs); !slices.Equal(got, tt.want) {
				t.Errorf("documents %q, want %q", got, tt.want)
			}
			if len(errs) != len(tt.wantErrs) {
				t.Fatalf("errors %v, want %q", errs, tt.wantErrs)
			}
			for i, want := range tt.wantErrs {
				if !strings.Contains(errs[i].Error(), filepath.Join(dir, want)) || !errors.Is(errs[i], ErrTooLarge) {
					t.Errorf("error %d = %q, want %q", i, errs[i], want)
				}
			}
		})
	}
	// The document after an over-long line is whole.
	docs, _ := walk(t, Reader{MaxSize: limit}, filepath.Join(dir, "d.jsonl"))
	if len(docs) != 2 || docs[1].Text != strings.Repeat("x", 40-len(`{"id": "d3", "text": "`)-2) {
		t.Errorf("documents %+v", docs)
	}
}

// endless is a standard input that never ends, counting what is read.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestMaxSizeStdin(t *testing.T) {
	in := &endless{}
	docs, errs := walk(t, Reader{Stdin: in, MaxSize: 1 << 20}, "-")
	if len(docs) != 0 || len(errs) != 1 || errs[0].Error() != "input: <stdin>: too large: more than the limit of 1 MiB" {
		t.Fatalf("documents %q, errors %v", ids(docs), errs)
	}
	if in.n > 1<<20+1 {
		t.Errorf("read %d bytes of standard input, want no more than the limit and one", in.n)
	}
}

// TestMaxSizeNotRead checks that a file over the limit is not read: a
// sparse file of 1 GiB is rejected at once.
func TestMaxSizeNotRead(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Skip("no sparse files:", err)
	}
	f.Close()
	start := time.Now()
	docs, errs := walk(t, Reader{}, p)
	if len(docs) != 0 || len(errs) != 1 || errs[0].Error() != "input: "+p+": too large: 1 GiB, more than the limit of 32 MiB" {
		t.Fatalf("documents %q, errors %v", ids(docs), errs)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v: the file was read", d)
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1023: "1023 bytes", 1024: "1 KiB", 1536: "1.5 KiB", 32 << 20: "32 MiB", 200 << 20: "200 MiB", 1<<30 + 1<<29: "1.5 GiB", 2047: "1.9 KiB", 200<<20 + 99: "200 MiB"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestReadLine(t *testing.T) {
	// a bufio.Reader of 16 bytes, the smallest, so that lines span
	// several of its buffers
	in := "short\n" + strings.Repeat("l", 40) + "\n\n" + strings.Repeat("m", 20) + "\r\nlast"
	tests := []struct {
		limit int64
		want  []string // "!N" for a line of N bytes over the limit
	}{
		{-1, []string{"short\n", strings.Repeat("l", 40) + "\n", "\n", strings.Repeat("m", 20) + "\r\n", "last"}},
		{20, []string{"short\n", "!40", "\n", "!21", "last"}},
		{21, []string{"short\n", "!40", "\n", strings.Repeat("m", 20) + "\r\n", "last"}},
		{0, []string{"!5", "!40", "\n", "!21", "!4"}},
	}
	for _, tt := range tests {
		r := bufio.NewReaderSize(strings.NewReader(in), 16)
		var got []string
		var buf []byte
		for {
			line, size, err := readLine(r, buf[:0], tt.limit)
			switch {
			case line == nil:
				got = append(got, "!"+strconv.FormatInt(size, 10))
			case len(line) > 0:
				got = append(got, string(line))
				buf = line
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("limit %d: lines %q, want %q", tt.limit, got, tt.want)
		}
	}
}

func TestUTF16JSONL(t *testing.T) {
	rec := `{"id": "u1", "text": "Tehran — “strikes” in Sīstān."}` + "\r\n" + `{"id": "u2", "text": "Second."}` + "\n"
	dir := t.TempDir()
	for _, name := range []string{"le.jsonl", "be.jsonl"} {
		if err := os.WriteFile(filepath.Join(dir, name), utf16Bytes(strings.ReplaceAll(rec, "u", name[:2]), name == "be.jsonl"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, errs := walk(t, Reader{}, dir)
	if got := ids(docs); !slices.Equal(got, []string{"be1", "be2", "le1", "le2"}) || len(errs) != 0 {
		t.Fatalf("documents %q, errors %v", got, errs)
	}
	if docs[0].Text != "Tehran — “strikes” in Sīstān." {
		t.Errorf("text %q", docs[0].Text)
	}
}

// nested returns a page whose paragraphs sit n elements deep, with text at
// several depths, closing its elements or not.
func nested(n int, closed bool) string {
	var b strings.Builder
	b.WriteString("<html><head><title>Deep</title></head><body>")
	for i := range n {
		b.WriteString("<div>")
		if i == 10 || i == n/2 || i == n-1 {
			b.WriteString("<p>At depth " + strconv.Itoa(i) + " Pakistan said the strikes on Iran killed nine people in the village.</p>")
		}
	}
	if closed {
		b.WriteString(strings.Repeat("</div>", n))
		b.WriteString("<p>After the divs, Iran said it would respond to the strikes in due course.</p></body></html>")
	}
	return b.String()
}

func TestReadHTMLDeepNesting(t *testing.T) {
	tests := []struct {
		depth  int
		closed bool
	}{{100, true}, {600, true}, {600, false}, {100000, true}, {100000, false}}
	for _, tt := range tests {
		page := nested(tt.depth, tt.closed)
		start := time.Now()
		p, err := ReadHTML([]byte(page), "")
		if err != nil {
			t.Errorf("depth %d, closed %v: %v", tt.depth, tt.closed, err)
			continue
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("depth %d: took %v", tt.depth, d)
		}
		for _, i := range []int{10, tt.depth / 2, tt.depth - 1} {
			if want := "At depth " + strconv.Itoa(i) + " Pakistan said"; !strings.Contains(p.Text, want) {
				t.Errorf("depth %d, closed %v: text lacks %q:\n%.300s", tt.depth, tt.closed, want, p.Text)
			}
		}
		if tt.closed && !strings.Contains(p.Text, "After the divs") {
			t.Errorf("depth %d: text lacks what follows the divs:\n%.300s", tt.depth, p.Text)
		}
	}
}

func TestFlatten(t *testing.T) {
	in := "<div><p>a<div><br><img src=x><div>b</div>c</div></p></div></span>d<script>if (a<b) x='<div>'</script><!-- e -->"
	tests := []struct {
		depth int
		want  string
		flat  bool
	}{
		{10, in, false},
		{2, "<div><p>a<br><img src=x>bc</p></div></span>d<script>if (a<b) x='<div>'</script><!-- e -->", true},
		{0, "a<br><img src=x>bc</span>d<!-- e -->", true},
	}
	for _, tt := range tests {
		if got, flat := flatten(in, tt.depth); got != tt.want || flat != tt.flat {
			t.Errorf("flatten(depth %d) = %q, %v; want %q, %v", tt.depth, got, flat, tt.want, tt.flat)
		}
	}
}

func FuzzNormalizeDate(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		d, err := NormalizeDate(s)
		if err != nil {
			if d != "" {
				t.Fatalf("NormalizeDate(%q) = %q and %v", s, d, err)
			}
			return
		}
		if d == "" {
			if strings.TrimSpace(s) != "" {
				t.Fatalf("NormalizeDate(%q) = \"\" without an error", s)
			}
			return
		}
		checkDate(t, s, d)
		if again, err := NormalizeDate(d); again != d || err != nil {
			t.Fatalf("NormalizeDate(%q) = %q, but NormalizeDate(%q) = %q, %v", s, d, d, again, err)
		}
	})
}

func FuzzDatelineDate(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		if d := DatelineDate(s); d != "" {
			checkDate(t, s, d)
		}
	})
}

var dayRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// checkDate checks that d, read from s, is a day that exists, of a year in
// range.
func checkDate(t *testing.T, s, d string) {
	t.Helper()
	day, err := time.Parse(time.DateOnly, d)
	if !dayRe.MatchString(d) || err != nil || day.Year() < minYear || day.Year() > maxYear {
		t.Fatalf("date %q read from %q: not a YYYY-MM-DD day from %d to %d (%v)", d, s, minYear, maxYear, err)
	}
}

func FuzzDecodeText(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := DecodeText(data)
		if err != nil {
			if s != "" || !errors.Is(err, ErrBinary) && !errors.Is(err, ErrEmpty) {
				t.Fatalf("DecodeText: %q, %v", s, err)
			}
			return
		}
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\r\x00") || blank(s) || strings.HasPrefix(s, "\uFEFF") {
			t.Fatalf("DecodeText(%q) = %q", data, s)
		}
	})
}

func FuzzReadHTML(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ReadHTML(data, "")
		if err != nil {
			if p != nil {
				t.Fatalf("a page and an error: %v", err)
			}
			return
		}
		if blank(p.Text) || !utf8.ValidString(p.Text) || !utf8.ValidString(p.Title) {
			t.Fatalf("page %+v", p)
		}
		for _, line := range strings.Split(p.Text, "\n") {
			if line == "" || line != strings.Join(strings.Fields(line), " ") {
				t.Fatalf("paragraph %q not tidied", line)
			}
		}
		if p.Published != "" {
			checkDate(t, string(data), p.Published)
		}
		if p.URL != "" {
			if u, err := url.Parse(p.URL); err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
				t.Fatalf("URL %q", p.URL)
			}
		}
	})
}

func FuzzParseJSONLine(f *testing.F) {
	f.Fuzz(func(t *testing.T, line []byte) {
		doc, _, err := parseJSONLine(line)
		if err != nil {
			return
		}
		if _, err := HTTPURL(doc.URL); err != nil {
			t.Fatalf("URL %q stored: %v", doc.URL, err)
		}
		if doc.ID == "" || blank(doc.Text) || !utf8.ValidString(doc.Text) || strings.ContainsAny(doc.Text, "\r\x00") || strings.HasPrefix(doc.Text, "\uFEFF") {
			t.Fatalf("document %+v", doc)
		}
		if doc.Published != "" {
			checkDate(t, string(line), doc.Published)
		}
	})
}

// TestWalkHostileTree walks a directory of bad inputs with the real
// Walk: every good document comes out, each bad input is reported once,
// naming it.
func TestWalkHostileTree(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"good.txt":     "Pakistan struck Iran.",
		"deep.html":    nested(2000, true),
		"empty.html":   "",
		"tags.html":    "<html><body><div><span></span></div></body></html>",
		"nul.html":     "<p>a\x00b</p>",
		"feed.jsonl":   "{\"id\": \"f1\", \"text\": \"One.\"}\n{\"id\": \"f2\", \"text\": \"Tw\n{\"id\": \"f3\", \"text\": \"Three.\", \"published\": \"2024-02-31\"}\n{\"id\": \"f4\", \"text\": \"Four.\", \"published\": \"20245-01-18\"}\n{\"id\": \"f5\", \"text\": \"Five.\"}\n",
		"broken.jsonl": "\x00\x01\x02",
	})
	docs, errs := walk(t, Reader{}, dir)
	if got, want := ids(docs), []string{"deep.html", "f1", "f5", "good.txt"}; !slices.Equal(got, want) {
		t.Errorf("documents %q, want %q", got, want)
	}
	wantErrs := []string{
		"broken.jsonl: binary file",
		"empty.html: empty file",
		"feed.jsonl:2: invalid JSON",
		`feed.jsonl:3: record "f3": published: invalid date "2024-02-31"`,
		`feed.jsonl:4: record "f4": published: invalid date "20245-01-18"`,
		"nul.html: binary file",
		"tags.html: no article text in the page",
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors %v, want %q", errs, wantErrs)
	}
	for i, want := range wantErrs {
		if !strings.Contains(errs[i].Error(), filepath.Join(dir, want)) {
			t.Errorf("error %d = %q, want %q", i, errs[i], want)
		}
	}
}
