package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// The hostile corpus of issue 6: a directory of bad inputs among good
// articles, ingested by the real binary with the real extractor into a
// real bolt file. Each bad input is reported on standard error, naming the
// file (and line), the rest of the batch goes on, the exit status is 1,
// and the store holds every good document and nothing from the bad ones.

// badMarker is a word that only bad inputs hold, where they hold text:
// it must not reach the store.
const badMarker = "Zorblatt"

// pngImage returns a small PNG image.
func pngImage(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := range 8 {
		img.Set(i, i, color.RGBA{200, 30, 30, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// elfHeader returns the 64-byte header of an x86-64 ELF executable.
func elfHeader() []byte {
	h := make([]byte, 64)
	copy(h, "\x7fELF\x02\x01\x01")
	binary.LittleEndian.PutUint16(h[16:], 2)    // ET_EXEC
	binary.LittleEndian.PutUint16(h[18:], 0x3e) // x86-64
	binary.LittleEndian.PutUint32(h[20:], 1)
	binary.LittleEndian.PutUint64(h[24:], 0x401000)
	binary.LittleEndian.PutUint16(h[52:], 64)
	return h
}

// utf16Text encodes s as UTF-16, with a byte-order mark if bom.
func utf16Text(s string, bigEndian, bom bool) []byte {
	var out []byte
	if bom {
		out = append(out, 0xFF, 0xFE)
		if bigEndian {
			out = []byte{0xFE, 0xFF}
		}
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

// nestedHTML returns a page whose article sits n <div> elements deep.
func nestedHTML(n int, article string) string {
	return "<html><head><title>Deep page</title></head><body>" + strings.Repeat("<div>", n) +
		"<p>" + article + "</p>" + strings.Repeat("</div>", n) + "</body></html>"
}

// storedDocIDs returns the IDs of the documents (the subjects of
// ng:identifier) in quads, sorted.
func storedDocIDs(t *testing.T, quads []string) []string {
	t.Helper()
	prefix := quad.IRI(schema.DocumentIRI(schema.DefaultBase, "")).String()
	prefix = prefix[:len(prefix)-1] // without ">"
	suffix := " " + quad.IRI(schema.Identifier).String() + " "
	var ids []string
	for _, l := range quads {
		i := strings.Index(l, suffix)
		if i < 0 || !strings.HasPrefix(l, prefix) {
			continue
		}
		id, err := url.PathUnescape(l[len(prefix) : i-1])
		if err != nil {
			t.Fatalf("document IRI in %q: %v", l, err)
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// docQuads returns the quads whose subject is the document id.
func docQuads(quads []string, id string) []string {
	subject := quad.IRI(schema.DocumentIRI(schema.DefaultBase, id)).String() + " "
	var out []string
	for _, l := range quads {
		if strings.HasPrefix(l, subject) {
			out = append(out, l)
		}
	}
	return out
}

// mentions reports whether quads say that the entity named name is
// mentioned in the document id.
func mentions(quads []string, id, name string) bool {
	doc := " " + quad.IRI(schema.MentionedIn).String() + " " + quad.IRI(schema.DocumentIRI(schema.DefaultBase, id)).String() + " "
	named := " " + quad.IRI(schema.Name).String() + " " + quad.String(name).String() + " "
	entities := map[string]bool{}
	for _, l := range quads {
		if i := strings.Index(l, named); i > 0 {
			entities[l[:i]] = true
		}
	}
	for _, l := range quads {
		if i := strings.Index(l, doc); i > 0 && entities[l[:i]] {
			return true
		}
	}
	return false
}

func TestIngestHostileCorpus(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	symlink := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}

	// The good documents, each naming a place that the store must then
	// link to it.
	goodDocs := map[string]string{} // id → a place it names
	good := func(name, place string, data []byte) {
		write(name, data)
		goodDocs[name] = place
	}
	good("a.txt", "Saravan", []byte("Pakistan struck militant hideouts near Saravan in Iran on Thursday, killing nine people.\nIran condemned the strike.\n"))
	good("b.html", "Panjgur", []byte(`<html><head><title>Iran strikes Pakistan</title></head><body><nav>Home | Subscribe</nav>
<article><p>Iran struck what it called militant bases near Panjgur in Pakistan on Tuesday, killing two children.</p>
<p>Pakistan recalled its ambassador from Tehran in protest and said it reserved the right to respond.</p></article></body></html>`))
	good("crlf.txt", "Quetta", []byte("Protesters marched in Quetta on Friday.\r\nThe police said 300 people took part.\r\n"))
	good("utf16.txt", "Zahedan", utf16Text("Gunmen attacked a police station in Zahedan, killing eleven officers, Iranian media said.\r\n", false, true))
	good("utf16be.txt", "Chabahar", utf16Text("Iran’s navy held exercises off Chabahar on Monday.\n", true, true))
	good("stray-byte.txt", "Gwadar", []byte("Militants attacked a convoy near Gwadar on Sunday, the army said, and five soldiers were killed in the \xff ambush that followed.\n"))
	good("malformed.html", "Turbat", []byte(`<html><body><p>Security forces said <b>militants <i>attacked</b> a checkpoint</i> near Turbat on Wednesday, killing three soldiers.<p>The army said <unclosed the attackers fled</div></span><!-- unterminated comment`))
	good("deep.html", "Khuzdar", []byte(nestedHTML(100000, "A bomb exploded at a market in Khuzdar on Saturday, killing four people and wounding twelve, officials said.")))
	// A dateline naming a day that does not exist is no date: the
	// document gets --published. Dates in its text that do not exist,
	// or with a year like 20245, resolve to nothing.
	good("dates.txt", "Mastung", []byte("Published: 31 February 2024\nA suicide bomber attacked a rally in Mastung on 31 February 2024, killing 50 people.\nAnother attack struck Mastung on 18 January 20245, the police said.\n"))
	good("loop/inside.txt", "Sibi", []byte("Militants attacked a bus near Sibi on Monday, the police said.\n"))
	write("feed.jsonl", []byte(strings.Join([]string{
		`{"id": "feed-1", "text": "Pakistan's army said militants attacked a post near Panjgur on Tuesday.", "published": "2024-01-16"}`,
		`{"id": "feed-2", "text": "` + badMarker + ` broken`,
		`{"id": "feed-3", "text": "Iranian forces struck targets near Sib and Suran on Thursday.", "published": "18 Jan 2024"}`,
		`{"id": "feed-4", "text": "` + badMarker + ` bad day.", "published": "2024-02-31"}`,
		`{"id": "feed-5", "text": "` + badMarker + ` bad year.", "published": "20245-01-18"}`,
		`{"id": "feed-6", "html": "<p>Rescue workers reached Awaran after the strike on Friday.</p>", "published": "2024-01-19"}`,
	}, "\n")+"\n"))
	goodDocs["feed-1"], goodDocs["feed-3"], goodDocs["feed-6"] = "Panjgur", "Suran", "Awaran"

	// The bad inputs, each with the message that must name it.
	type bad struct{ name, msg string }
	var bads []bad
	badFile := func(name, msg string, data []byte) {
		write(name, data)
		bads = append(bads, bad{name, msg})
	}
	badFile("empty.txt", "empty file", nil)
	badFile("blank.txt", "empty file", []byte(" \r\n\t\n"))
	badFile("empty.html", "empty file", nil)
	badFile("empty.jsonl", "empty file", []byte("\n\n"))
	badFile("photo.png", "unknown file type (extension .png; want .txt, .html, .htm or .jsonl, each optionally .gz)", pngImage(t))
	badFile("photo.txt", "binary file: NUL byte at offset", pngImage(t))
	badFile("program", "unknown file type (extension none;", elfHeader())
	badFile("program.txt", "binary file: NUL byte at offset 7", elfHeader())
	badFile("program.html", "binary file: NUL byte at offset 7", elfHeader())
	badFile("program.jsonl", "binary file: NUL bytes in a JSON Lines file", elfHeader())
	latin1 := []byte(badMarker + ": caf\xe9 de la place, o\xf9 l'on parle de la gr\xe8ve.")
	badFile("latin1.txt", fmt.Sprintf("binary file: not UTF-8 text (3 of %d bytes invalid); convert it to UTF-8, e.g. with iconv", len(latin1)), latin1)
	badFile("utf16-nobom.txt", "binary file: NUL bytes (UTF-16 without a byte-order mark? convert it to UTF-8)", utf16Text(badMarker+" said nothing at all.", false, false))
	badFile("report.docx", "unknown file type (extension .docx;", []byte("PK\x03\x04"+badMarker))
	badFile("notes.md", "unknown file type (extension .md;", []byte("# "+badMarker+"\n"))
	badFile("tags.html", "no article text in the page", []byte("<html><head><title>"+badMarker+"</title></head><body><div><span></span><img src=x></div></body></html>"))
	badFile("nul.html", "binary file: NUL byte at offset", []byte("<p>"+badMarker+" \x00 text</p>"))
	bads = append(bads,
		bad{"feed.jsonl:2", "invalid JSON"},
		bad{"feed.jsonl:4", `record "feed-4": published: invalid date "2024-02-31"`},
		bad{"feed.jsonl:5", `record "feed-5": published: invalid date "20245-01-18"`},
	)
	// Symbolic links: a directory loop, a link to itself, a link to
	// nothing.
	symlink("..", "loop/up")
	bads = append(bads, bad{"loop/up", "symbolic link loop"})
	symlink("self.txt", "self.txt")
	bads = append(bads, bad{"self.txt", "too many levels of symbolic links"})
	symlink("nowhere.txt", "dangling.txt")
	bads = append(bads, bad{"dangling.txt", "no such file or directory"})
	// A named pipe: reading it would wait for a writer for ever.
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	bads = append(bads, bad{"fifo.txt", "not a regular file (named pipe)"})
	// An unreadable file. Tests run as root here, for whom no permission
	// bit makes a file unreadable (TestIngestPermissionDenied runs the
	// binary as another user for that); a link to /proc/self/mem is a
	// file that opens but whose read fails, as on a bad disk, for every
	// user: address 0 of the reading process is never mapped.
	if _, err := os.Stat("/proc/self/mem"); err == nil {
		symlink("/proc/self/mem", "unreadable.txt")
		bads = append(bads, bad{"unreadable.txt", "input/output error"})
	}

	db := filepath.Join(t.TempDir(), "graph.db")
	start := time.Now()
	r := runBinary(t, run("ingest", "--dbpath", db, "--published", "2024-01-20", dir))
	t.Logf("ingest took %v", time.Since(start))
	if r.code != 1 {
		t.Errorf("exit status %d, want 1 (inputs skipped)", r.code)
	}
	// Each bad input is reported once, by name.
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	for _, b := range bads {
		want := "input: " + filepath.Join(dir, filepath.FromSlash(b.name)) + ": " + b.msg
		n := 0
		for _, l := range lines {
			if strings.HasPrefix(l, want) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("stderr has %q %d times, want once", want, n)
		}
	}
	if want := fmt.Sprintf("newsgraph ingest: %d input(s) skipped", len(bads)); lines[len(lines)-1] != want {
		t.Errorf("last line of stderr %q, want %q", lines[len(lines)-1], want)
	}
	if len(lines) != len(bads)+1 {
		t.Errorf("stderr has %d lines, want %d (one per bad input, and the count):\n%s", len(lines), len(bads)+1, r.stderr)
	}
	if want := fmt.Sprintf("documents: %d stored in %s (%d added, 0 unchanged, 0 replaced), %d skipped", len(goodDocs), db, len(goodDocs), len(bads)); !strings.Contains(r.stdout, want) {
		t.Errorf("summary lacks %q:\n%s", want, r.stdout)
	}

	// The store holds every good document, whole, and nothing of the
	// bad ones.
	quads := openQuads(t, graph.Config{Backend: graph.BackendBolt, Path: db})
	var wantIDs []string
	for id := range goodDocs {
		wantIDs = append(wantIDs, id)
	}
	slices.Sort(wantIDs)
	if got := storedDocIDs(t, quads); !slices.Equal(got, wantIDs) {
		t.Errorf("stored documents %q, want %q", got, wantIDs)
	}
	for id, place := range goodDocs {
		if !mentions(quads, id, place) {
			t.Errorf("%s: the store does not link %s to it", id, place)
		}
	}
	for _, l := range quads {
		if strings.Contains(l, badMarker) || strings.Contains(l, `\r`) {
			t.Errorf("quad from a bad input, or with a carriage return: %s", l)
		}
	}
	published := " " + quad.IRI(schema.Published).String() + " "
	for id, want := range map[string]string{"dates.txt": "2024-01-20", "feed-3": "2024-01-18", "a.txt": "2024-01-20"} {
		q := docQuads(quads, id)
		if !slices.ContainsFunc(q, func(l string) bool { return strings.Contains(l, published+`"`+want+`"`) }) {
			t.Errorf("%s: not published %s: %q", id, want, q)
		}
	}
	// dates.txt names no day that exists: its reports have no date.
	report := quad.IRI(schema.ReportIRI(schema.DefaultBase, "dates.txt", 0)).String()
	report = report[:len(report)-2] // "…/report/dates.txt/"
	for _, l := range quads {
		if strings.HasPrefix(l, report) && (strings.Contains(l, " "+quad.IRI(schema.Date).String()+" ") || strings.Contains(l, " "+quad.IRI(schema.DateText).String()+" ")) {
			t.Errorf("a date from a day that does not exist: %s", l)
		}
	}
}

// TestIngestPermissionDenied ingests a directory holding a file that the
// user may not read: it is reported, the others are stored. As root, for
// whom permission bits do not stop reading, the binary runs as nobody.
func TestIngestPermissionDenied(t *testing.T) {
	var cred *syscall.Credential
	dir, dbDir := t.TempDir(), t.TempDir()
	if os.Geteuid() == 0 {
		uid, gid := uint32(65534), uint32(65534)
		if u, err := user.Lookup("nobody"); err == nil {
			n, _ := strconv.ParseUint(u.Uid, 10, 32)
			g, _ := strconv.ParseUint(u.Gid, 10, 32)
			uid, gid = uint32(n), uint32(g)
		}
		cred = &syscall.Credential{Uid: uid, Gid: gid}
		// nobody must reach the binary and the directories
		for _, d := range []string{filepath.Dir(binPath), dir, filepath.Dir(dir), dbDir, filepath.Dir(dbDir)} {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Chmod(dbDir, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Pakistan struck Iran on Thursday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(dir, "secret.txt")
	if err := os.WriteFile(secret, []byte(badMarker+" is secret.\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "z.txt"), []byte("Iran struck Pakistan on Tuesday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dbDir, "graph.db")
	cmd := exec.Command(binPath, "ingest", "--dbpath", db, dir)
	cmd.Env = testEnviron(nil)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("exit: %v, want status 1\nstdout %s\nstderr %s", err, stdout.String(), stderr.String())
	}
	if want := "input: " + secret + ": permission denied\nnewsgraph ingest: 1 input(s) skipped\n"; stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
	quads := openQuads(t, graph.Config{Backend: graph.BackendBolt, Path: db})
	if got := storedDocIDs(t, quads); !slices.Equal(got, []string{"a.txt", "z.txt"}) {
		t.Errorf("stored documents %q", got)
	}
}

// runMeasured runs the binary and returns its result and its peak
// resident memory, failing after timeout.
func runMeasured(t *testing.T, timeout time.Duration, args ...string) (result, int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, binPath, args...)
	cmd.Env = testEnviron(nil)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%v: still running after %v", args, timeout)
	}
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("running %v: %v", args, err)
		}
		code = ee.ExitCode()
	}
	rss := int64(0)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss << 10 // KiB on Linux
	}
	return result{stdout.String(), stderr.String(), code}, rss
}

// writeRepeated writes prefix, then unit repeated until at least size
// bytes are written, then suffix.
func writeRepeated(t *testing.T, p, prefix, unit, suffix string, size int) {
	t.Helper()
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(prefix)
	for n := len(prefix); n < size; n += len(unit) {
		w.WriteString(unit)
	}
	w.WriteString(suffix)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestIngestHugeInputs: a 200 MB single-line file and a JSON Lines line of
// 64 MiB are over the default --max-size (32 MiB) and skipped without
// being held in memory; a 10 MB sentence without a full stop is under it,
// and is ingested whole in seconds.
func TestIngestHugeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 270 MB of files")
	}
	dir := t.TempDir()
	small := filepath.Join(dir, "small.txt")
	if err := os.WriteFile(small, []byte("Pakistan struck militant hideouts near Saravan in Iran on Thursday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "huge.txt")
	writeRepeated(t, huge, "", "and the talks went on in "+badMarker+" without a break ", "\n", 200<<20)
	feed := filepath.Join(dir, "feed.jsonl")
	first := `{"id": "feed-1", "text": "Iran struck targets near Panjgur."}` + "\n"
	writeRepeated(t, feed, first+`{"id": "feed-2", "text": "`, badMarker+" ", `"}`+"\n"+`{"id": "feed-3", "text": "Pakistan recalled its envoy from Tehran."}`+"\n", len(first)+64<<20)

	t.Run("over the limit", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "graph.db")
		base, baseRSS := runMeasured(t, time.Minute, "ingest", "--dbpath", filepath.Join(t.TempDir(), "base.db"), small)
		if base.code != 0 {
			t.Fatalf("ingest of one small file: %+v", base)
		}
		r, rss := runMeasured(t, 2*time.Minute, "ingest", "--dbpath", db, huge, feed, small)
		if r.code != 1 {
			t.Errorf("exit status %d, want 1", r.code)
		}
		want := "input: " + huge + ": too large: 200 MiB, more than the limit of 32 MiB (see --max-size)\n" +
			"input: " + feed + ":2: too large: a line of 64 MiB, more than the limit of 32 MiB (see --max-size)\n" +
			"newsgraph ingest: 2 input(s) skipped\n"
		if r.stderr != want {
			t.Errorf("stderr\n%s\nwant\n%s", r.stderr, want)
		}
		// Memory: the 200 MB file is not read, the long line not kept
		// beyond the limit.
		t.Logf("peak memory %d MiB, %d MiB for one small file", rss>>20, baseRSS>>20)
		if rss > baseRSS+128<<20 {
			t.Errorf("peak memory %d MiB, %d MiB more than for one small file", rss>>20, (rss-baseRSS)>>20)
		}
		quads := openQuads(t, graph.Config{Backend: graph.BackendBolt, Path: db})
		if got := storedDocIDs(t, quads); !slices.Equal(got, []string{"feed-1", "feed-3", "small.txt"}) {
			t.Errorf("stored documents %q", got)
		}
		for _, l := range quads {
			if strings.Contains(l, badMarker) {
				t.Fatalf("quad from a skipped input: %.200s", l)
			}
		}
	})

	t.Run("raised limit", func(t *testing.T) {
		r, _ := runMeasured(t, time.Minute, "extract", "--extractor", testExtractorName, "--max-size", "65M", feed)
		if r.code != 0 || len(parseRecords(t, r.stdout)) != 3 {
			t.Errorf("--max-size 65M: exit status %d, stderr %q", r.code, r.stderr)
		}
	})

	t.Run("10 MB sentence", func(t *testing.T) {
		// One line of prose without a full stop, naming places all
		// along, and Gwadar only at its very end.
		runon := filepath.Join(t.TempDir(), "runon.txt")
		writeRepeated(t, runon, "Pakistan said on Thursday that ", "militants attacked a convoy near Turbat and the army struck back in Panjgur, ", "and the last strike hit Gwadar\n", 10<<20)
		db := filepath.Join(t.TempDir(), "graph.db")
		start := time.Now()
		r, _ := runMeasured(t, 3*time.Minute, "ingest", "--dbpath", db, runon)
		t.Logf("ingest of the 10 MB sentence took %v", time.Since(start))
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("exit status %d, stderr %q", r.code, r.stderr)
		}
		quads := openQuads(t, graph.Config{Backend: graph.BackendBolt, Path: db})
		if got := storedDocIDs(t, quads); !slices.Equal(got, []string{"runon.txt"}) {
			t.Fatalf("stored documents %q", got)
		}
		for _, place := range []string{"Turbat", "Panjgur", "Gwadar"} {
			if !mentions(quads, "runon.txt", place) {
				t.Errorf("the store does not link %s to the document", place)
			}
		}
	})
}

func TestMaxSizeFlag(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "two-kib.txt")
	if err := os.WriteFile(p, bytes.Repeat([]byte("Iran and Pakistan. "), 2048/19+1)[:2048], 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		size   string
		code   int
		stderr string // substring
	}{
		{"1K", 1, "input: " + p + ": too large: 2 KiB, more than the limit of 1 KiB (see --max-size)"},
		{"2047", 1, "too large: 2 KiB, more than the limit of 1.9 KiB"},
		{"1025", 1, "too large: 2 KiB, more than the limit of 1 KiB"},
		{"2048", 0, ""},
		{"2KiB", 0, ""},
		{"1m", 0, ""},
		{"0", 0, ""},
		{"2.5K", 2, `invalid size "2.5K"`},
		{"-1", 2, `invalid size "-1"`},
		{"lots", 2, `invalid size "lots"`},
	}
	forEachMode(t, func(t *testing.T, run func(invocation) result) {
		for _, tt := range tests {
			r := run(invocation{args: []string{"extract", "--extractor", testExtractorName, "--max-size", tt.size, p}})
			if r.code != tt.code || !strings.Contains(r.stderr, tt.stderr) || tt.stderr == "" && r.stderr != "" {
				t.Errorf("--max-size %s: exit status %d, stderr %q; want %d and %q", tt.size, r.code, r.stderr, tt.code, tt.stderr)
			}
		}
	})
}
