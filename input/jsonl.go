package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/newsgraph/newsgraph/extract"
)

// jsonlRecord is one line of a JSON Lines input.
type jsonlRecord struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"`
	Title     string          `json:"title"`
	URL       string          `json:"url"`
	Published string          `json:"published"`
	Source    string          `json:"source"`

	idText *string // the ID's value when decodeFast read it (a string)
}

// jsonlFile reads one article per line. A bad line is reported with its
// line number and skipped; the others go on. A line longer than the size
// limit is read through without being kept.
func (w *walker) jsonlFile(p, name string, metas []metaScope) error {
	f, _, err := openInput(p, &w.progress)
	if err != nil {
		w.report(&Error{Path: p, Err: err})
		return nil
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(8 << 10)
	var in io.Reader = br
	switch {
	case bytes.HasPrefix(head, utf16LEBOM):
		in = transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	case bytes.HasPrefix(head, utf16BEBOM):
		in = transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	case bytes.HasPrefix(head, utf8BOM):
		br.Discard(len(utf8BOM))
	case bytes.IndexByte(head, 0) >= 0:
		w.report(&Error{Path: p, Err: fmt.Errorf("%w: NUL bytes in a JSON Lines file", ErrBinary)})
		return nil
	}
	fileMeta := lookupMeta(metas, name)
	lines := bufio.NewReaderSize(in, 64<<10)
	limit := w.r.maxSize()
	records := 0
	var buf []byte
	for n := 1; ; n++ {
		line, size, err := readLine(lines, buf[:0], limit)
		switch {
		case line == nil && size > 0:
			records++
			w.report(&Error{Path: p, Line: n, Err: tooLarge("a line of ", size, limit)})
		case err != nil && !errors.Is(err, io.EOF):
			// a line cut short by a read error is not parsed
		case len(bytes.TrimSpace(line)) > 0:
			records++
			doc, warning, lerr := parseJSONLine(line)
			if warning != nil {
				w.warn(&Error{Path: p, Line: n, Err: warning})
			}
			switch {
			case lerr != nil:
				w.report(&Error{Path: p, Line: n, Err: lerr})
			default:
				fileMeta.apply(&doc)
				if err := w.emit(doc, p, n); err != nil {
					return err
				}
			}
		}
		if line != nil {
			buf = line
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			w.report(&Error{Path: p, Line: n, Err: pathErr(err)})
			return nil
		}
		if err := w.ctx.Err(); err != nil {
			return err
		}
	}
	if records == 0 {
		w.report(&Error{Path: p, Err: ErrEmpty})
	}
	return nil
}

// readLine reads the next line from r, appending it to buf, and returns it
// with its size in bytes (without the line break). A line longer than
// limit bytes (no limit if negative) is read through but not kept: line is
// then nil. err is io.EOF after the last line.
func readLine(r *bufio.Reader, buf []byte, limit int64) (line []byte, size int64, err error) {
	over := false
	for {
		chunk, err := r.ReadSlice('\n')
		size += int64(len(chunk))
		if err == nil {
			size-- // the line break
		}
		if !over && limit >= 0 && size > limit {
			over, buf = true, nil
		}
		if !over {
			if len(buf)+len(chunk) > cap(buf) {
				// double: append's gentler growth for large slices
				// leaves more garbage behind on a long line
				grown := make([]byte, len(buf), max(2*cap(buf), len(buf)+len(chunk)))
				copy(grown, buf)
				buf = grown
			}
			buf = append(buf, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if over {
			return nil, size, err
		}
		if buf == nil {
			buf = []byte{}
		}
		return buf, size, err
	}
}

// parseJSONLine turns one JSON Lines record into a document. warning, if
// not nil, says what was dropped from a record otherwise read (a URL that
// is not http or https).
func parseJSONLine(line []byte) (doc extract.Document, warning, err error) {
	doc, err = parseJSONRecord(line, &warning)
	return doc, warning, err
}

// parseJSONRecord is parseJSONLine, setting *warning.
func parseJSONRecord(line []byte, warning *error) (extract.Document, error) {
	var doc extract.Document
	var rec jsonlRecord
	if !rec.decodeFast(line) {
		rec = jsonlRecord{}
		if err := json.Unmarshal(line, &rec); err != nil {
			return doc, fmt.Errorf("invalid JSON: %v", err)
		}
	}
	var id string
	var err error
	if rec.idText != nil {
		id, err = stringID(*rec.idText)
	} else {
		id, err = recordID(rec.ID)
	}
	if err != nil {
		return doc, err
	}
	doc = extract.Document{ID: id, Title: strings.TrimSpace(rec.Title), Source: strings.TrimSpace(rec.Source)}
	if doc.URL, err = HTTPURL(rec.URL); err != nil {
		*warning = fmt.Errorf("record %q: %w", id, err)
	}
	if doc.Published, err = NormalizeDate(rec.Published); err != nil {
		return doc, fmt.Errorf("record %q: published: %w", id, err)
	}
	switch {
	case rec.Text != nil && !blank(*rec.Text):
		if i := strings.IndexByte(*rec.Text, 0); i >= 0 {
			return doc, fmt.Errorf("record %q: %w: NUL character in text", id, ErrBinary)
		}
		t := *rec.Text
		if !utf8.ValidString(t) { // (a test eight bytes at a time where ToValidUTF8 decodes each rune)
			t = strings.ToValidUTF8(t, "\uFFFD")
		}
		doc.Text = normalizeNewlines(strings.TrimLeft(t, "\uFEFF"))
	case rec.HTML != nil && !blank(*rec.HTML):
		page, err := ReadHTML([]byte(*rec.HTML), doc.URL)
		if err != nil {
			return doc, fmt.Errorf("record %q: html: %w", id, err)
		}
		doc.Text = page.Text
		if doc.Title == "" {
			doc.Title = page.Title
		}
		if doc.URL == "" {
			doc.URL = page.URL
		}
		if doc.Source == "" {
			doc.Source = page.Source
		}
		if doc.Published == "" {
			doc.Published = page.Published
		}
	default:
		return doc, fmt.Errorf("record %q: %w (want a non-empty \"text\" or \"html\")", id, ErrNoText)
	}
	return doc, nil
}

// stringID is the ID of a record whose "id" is the string s.
func stringID(s string) (string, error) {
	if s = strings.TrimSpace(s); s == "" {
		return "", errors.New(`empty "id"`)
	}
	return s, nil
}

// recordID reads the "id" of a record: a non-empty string, or a number.
func recordID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", errors.New(`missing "id"`)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return stringID(s)
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		if _, err := strconv.ParseFloat(n.String(), 64); err == nil {
			return n.String(), nil
		}
	}
	return "", fmt.Errorf(`"id" must be a string or a number, not %s`, raw)
}
