package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

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
}

// jsonlFile reads one article per line. A bad line is reported with its
// line number and skipped; the others go on.
func (w *walker) jsonlFile(p, name string, metas []metaScope) error {
	f, err := os.Open(p)
	if err != nil {
		w.report(&Error{Path: p, Err: pathErr(err)})
		return nil
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(8 << 10)
	var in io.Reader = br
	switch {
	case bytes.HasPrefix(head, utf16LEBOM), bytes.HasPrefix(head, utf16BEBOM):
		// Rare enough to decode whole.
		data, err := io.ReadAll(br)
		if err != nil {
			w.report(&Error{Path: p, Err: pathErr(err)})
			return nil
		}
		if data, err = decodeBOM(data); err != nil {
			w.report(&Error{Path: p, Err: err})
			return nil
		}
		in = bytes.NewReader(data)
	case bytes.HasPrefix(head, utf8BOM):
		br.Discard(len(utf8BOM))
	case bytes.IndexByte(head, 0) >= 0:
		w.report(&Error{Path: p, Err: fmt.Errorf("%w: NUL bytes in a JSON Lines file", ErrBinary)})
		return nil
	}
	fileMeta := lookupMeta(metas, name)
	lines := bufio.NewReaderSize(in, 64<<10)
	records := 0
	for n := 1; ; n++ {
		line, err := lines.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			records++
			doc, lerr := parseJSONLine(line)
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

// parseJSONLine turns one JSON Lines record into a document.
func parseJSONLine(line []byte) (extract.Document, error) {
	var doc extract.Document
	var rec jsonlRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return doc, fmt.Errorf("invalid JSON: %v", err)
	}
	id, err := recordID(rec.ID)
	if err != nil {
		return doc, err
	}
	doc = extract.Document{ID: id, Title: strings.TrimSpace(rec.Title), URL: strings.TrimSpace(rec.URL), Source: strings.TrimSpace(rec.Source)}
	if doc.Published, err = NormalizeDate(rec.Published); err != nil {
		return doc, fmt.Errorf("record %q: published: %w", id, err)
	}
	switch {
	case rec.Text != nil && strings.TrimSpace(*rec.Text) != "":
		if i := strings.IndexByte(*rec.Text, 0); i >= 0 {
			return doc, fmt.Errorf("record %q: %w: NUL character in text", id, ErrBinary)
		}
		doc.Text = normalizeNewlines(strings.TrimPrefix(strings.ToValidUTF8(*rec.Text, "\uFFFD"), "\uFEFF"))
	case rec.HTML != nil && strings.TrimSpace(*rec.HTML) != "":
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
		if doc.Published == "" {
			doc.Published = page.Published
		}
	default:
		return doc, fmt.Errorf("record %q: %w (want a non-empty \"text\" or \"html\")", id, ErrNoText)
	}
	return doc, nil
}

// recordID reads the "id" of a record: a non-empty string, or a number.
func recordID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", errors.New(`missing "id"`)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		if s = strings.TrimSpace(s); s == "" {
			return "", errors.New(`empty "id"`)
		}
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		if _, err := strconv.ParseFloat(n.String(), 64); err == nil {
			return n.String(), nil
		}
	}
	return "", fmt.Errorf(`"id" must be a string or a number, not %s`, raw)
}
