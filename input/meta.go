package input

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// Meta is what a metadata file says about one article, or about all of them
// (its "default"). Empty fields are unknown.
type Meta struct {
	Published string `json:"published,omitempty"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
}

// MetaDoc is the content of a _meta.json file: defaults for every article
// under its directory, and metadata by file name (relative to the
// directory, "/"-separated). An entry for a .jsonl file applies to each of
// its records.
//
//	{"default": {"published": "2024-01-18"},
//	 "files": {"000_x.txt": {"published": "2024-01-17", "title": "…", "url": "…", "source": "…"}}}
type MetaDoc struct {
	Default Meta            `json:"default"`
	Files   map[string]Meta `json:"files"`
}

// metaScope is a metadata file and the document-ID prefix of its directory.
type metaScope struct {
	prefix string
	meta   *MetaDoc
}

// MaxMetaSize bounds a metadata file when Reader.MaxSize sets no limit.
const MaxMetaSize = DefaultMaxSize

// loadMeta reads dir/_meta.json, or returns nil if there is none. It must
// be a regular file no larger than the document size limit (MaxMetaSize
// when there is none); it is read through that limit. Dates are
// normalised; an invalid one is an error naming the file and entry. A URL
// that is not http or https is dropped with a warning.
func (w *walker) loadMeta(dir string) (*MetaDoc, error) {
	p := filepath.Join(dir, MetaFile)
	limit := w.r.maxSize()
	if limit < 0 {
		limit = MaxMetaSize
	}
	data, err := readRegular(p, limit)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &Error{Path: p, Err: err}
	}
	var m MetaDoc
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, utf8BOM)))
	if err := dec.Decode(&m); err != nil {
		return nil, &Error{Path: p, Err: fmt.Errorf("invalid JSON: %v", err)}
	}
	if m.Default.Published, err = NormalizeDate(m.Default.Published); err != nil {
		return nil, &Error{Path: p, Err: fmt.Errorf("default: published: %w", err)}
	}
	if m.Default.URL, err = HTTPURL(m.Default.URL); err != nil {
		w.warn(&Error{Path: p, Err: fmt.Errorf("default: %w", err)})
	}
	names := make([]string, 0, len(m.Files))
	for name := range m.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	files := make(map[string]Meta, len(m.Files))
	for _, name := range names {
		fm := m.Files[name]
		if fm.Published, err = NormalizeDate(fm.Published); err != nil {
			return nil, &Error{Path: p, Err: fmt.Errorf("files: %s: published: %w", name, err)}
		}
		if fm.URL, err = HTTPURL(fm.URL); err != nil {
			w.warn(&Error{Path: p, Err: fmt.Errorf("files: %s: %w", name, err)})
		}
		files[path.Clean(filepath.ToSlash(name))] = fm
	}
	m.Files = files
	return &m, nil
}

// lookupMeta merges what the metadata files in scope say about the document
// id: file entries first, nearest directory first, then defaults, nearest
// first.
func lookupMeta(metas []metaScope, id string) Meta {
	var out Meta
	fill := func(m Meta) {
		if out.Published == "" {
			out.Published = m.Published
		}
		if out.Title == "" {
			out.Title = m.Title
		}
		if out.URL == "" {
			out.URL = m.URL
		}
		if out.Source == "" {
			out.Source = m.Source
		}
	}
	for i := len(metas) - 1; i >= 0; i-- {
		name := id
		if p := metas[i].prefix; p != "" {
			name = strings.TrimPrefix(id, p+"/")
		}
		if m, ok := metas[i].meta.Files[name]; ok {
			fill(m)
		}
	}
	for i := len(metas) - 1; i >= 0; i-- {
		fill(metas[i].meta.Default)
	}
	return out
}

// apply fills the fields of doc that are still empty.
func (m Meta) apply(doc *extract.Document) {
	if doc.Published == "" {
		doc.Published = m.Published
	}
	if doc.Title == "" {
		doc.Title = m.Title
	}
	if doc.URL == "" {
		doc.URL = m.URL
	}
	if doc.Source == "" {
		doc.Source = m.Source
	}
}

// HTTPURL checks a URL from an input: see extract.CheckURL.
func HTTPURL(s string) (string, error) { return extract.CheckURL(s) }
