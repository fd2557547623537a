package graph

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// TestSourcesCite: each source claim of an event cites its document with
// the title, URL, outlet and publication date it was stored with, and
// with none of them where the document had none.
func TestSourcesCite(t *testing.T) {
	a := docA()
	a.Doc.Source = str("Example Wire")
	b := docB()
	b.Doc.Title, b.Doc.URL, b.Doc.Published = nil, nil, nil
	forEachBackend(t, func(t *testing.T, s *Store) {
		mustPut(t, s, a)
		mustPut(t, s, b)
		evs := mustEvents(t, s, EventFilter{Type: "Attack", Actor: "Pakistan"})
		if len(evs) != 1 || len(evs[0].Sources) != 2 {
			t.Fatalf("events %+v: want one with two sources", evs)
		}
		got := evs[0].Sources
		for i, want := range []extract.SourceClaim{
			{Doc: "a.txt", Title: "Title of a.txt", URL: "https://news.example/a.txt", Source: "Example Wire", Published: "2024-01-18"},
			{Doc: "b.txt"},
		} {
			g := got[i]
			if g.Doc != want.Doc || g.Title != want.Title || g.URL != want.URL || g.Source != want.Source || g.Published != want.Published {
				t.Errorf("source %d = %+v, want %+v", i, g, want)
			}
		}
	})
}
