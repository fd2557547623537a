// Package testextractor is a tiny extractor for the tests of the newsgraph
// command, so that they do not depend on the real extractors. It is
// registered by the tests, and in binaries built with the tag
// newsgraph_cmdtest; a plain build does not link it.
package testextractor

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/extract"
)

// keywordExtractor knows two countries and one armed group by name, and
// reports one Attack event, by the first country on the other, in a
// document saying "strike"; "killing N" gives the death toll. A document containing
// FAIL_EXTRACT fails, one containing PANIC_EXTRACT panics, one containing
// SLOW_EXTRACT takes 100ms and then, if $NEWSGRAPH_TEST_DONE_DIR names a
// directory, writes a file named after the document there, so that a test
// can tell how far an ingest has got without guessing from time.
type keywordExtractor struct{}

// DoneDirEnv names the environment variable of the directory where slow
// documents are marked once extracted.
const DoneDirEnv = "NEWSGRAPH_TEST_DONE_DIR"

// Name is the name the extractor is registered under.
const Name = "cmdtest"

var once sync.Once

// Register registers the extractor as Name, once.
func Register() {
	once.Do(func() {
		extract.Register(Name, func(extract.Options) (extract.Extractor, error) {
			return &keywordExtractor{}, nil
		})
	})
}

var (
	testEntities = []extract.Entity{
		{ID: "country/pakistan", Name: "Pakistan", Class: extract.ClassCountry, Country: "Pakistan"},
		{ID: "country/iran", Name: "Iran", Class: extract.ClassCountry, Country: "Iran"},
		{ID: "group/jaish-al-adl", Name: "Jaish al-Adl", Class: extract.ClassArmedGroup},
	}
	killingRe = regexp.MustCompile(`killing (\d+)`)
)

// Extract implements extract.Extractor.
func (x *keywordExtractor) Extract(ctx context.Context, doc extract.Document) (*extract.Record, error) {
	switch {
	case strings.Contains(doc.Text, "FAIL_EXTRACT"):
		return nil, errors.New("cannot make sense of this document")
	case strings.Contains(doc.Text, "PANIC_EXTRACT"):
		panic("test panic")
	case strings.Contains(doc.Text, "SLOW_EXTRACT"):
		select {
		case <-time.After(100 * time.Millisecond):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if dir := os.Getenv(DoneDirEnv); dir != "" {
			if err := os.WriteFile(filepath.Join(dir, filepath.Base(doc.ID)), nil, 0o644); err != nil {
				return nil, err
			}
		}
	}
	sum := sha256.Sum256([]byte(doc.Text))
	opt := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	rec := &extract.Record{
		Doc: extract.DocInfo{ID: doc.ID, Title: opt(doc.Title), URL: opt(doc.URL),
			Published: opt(doc.Published), Source: opt(doc.Source), SHA256: hex.EncodeToString(sum[:])},
		Entities:  []extract.Entity{},
		Events:    []extract.Event{},
		Relations: []extract.Relation{},
	}
	var refs []extract.Ref
	for _, e := range testEntities {
		i := strings.Index(doc.Text, e.Name)
		if i < 0 {
			continue
		}
		e.Aliases = []string{}
		e.Confidence = 1
		e.Mentions = []extract.Span{{Start: i, End: i + len(e.Name), Text: e.Name}}
		rec.Entities = append(rec.Entities, e)
		refs = append(refs, extract.Ref{ID: e.ID, Name: e.Name, Class: e.Class, Country: e.Country})
	}
	if i := strings.Index(doc.Text, "strike"); i >= 0 && len(refs) >= 2 {
		ev := extract.Event{
			ID: "event/" + doc.ID, Type: extract.EventAttack, Cameo: "195",
			Actors: refs[:1], Targets: []extract.Ref{}, Places: []extract.Ref{}, Country: &refs[1],
			Date: opt(doc.Published), Weapons: []string{}, Confidence: 0.5,
			Evidence: []extract.Span{{Start: i, End: i + len("strike"), Text: "strike"}},
		}
		if m := killingRe.FindStringSubmatch(doc.Text); m != nil {
			n, _ := strconv.Atoi(m[1])
			ev.Killed = &n
		}
		rec.Events = append(rec.Events, ev)
	}
	return rec, nil
}
