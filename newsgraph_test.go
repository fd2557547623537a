package newsgraph_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// The example articles, ingested into a real bolt file: each of the two
// strikes of January 2024 is one event reported by all five articles,
// and a second ingest adds nothing.
func TestExampleArticlesFuse(t *testing.T) {
	ctx := context.Background()
	g, err := newsgraph.Open(ctx, graph.Config{Backend: "bolt", Path: filepath.Join(t.TempDir(), "x.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	sum, err := g.IngestPaths(ctx, []string{"examples/articles"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 5 || sum.Quads == 0 {
		t.Fatalf("ingest summary %+v", sum)
	}
	events, err := g.Events(ctx, graph.EventFilter{Type: "Attack"})
	if err != nil {
		t.Fatal(err)
	}
	find := func(actor, country, date string) []extract.Event {
		var out []extract.Event
		for _, e := range events {
			if e.Date == nil || *e.Date != date || e.Country == nil || e.Country.Name != country {
				continue
			}
			for _, a := range e.Actors {
				if a.Name == actor {
					out = append(out, e)
				}
			}
		}
		return out
	}
	for _, c := range []struct{ actor, country, date, region string }{
		{"Pakistan", "Iran", "2024-01-18", "Sistan and Baluchestan"},
		{"Iran", "Pakistan", "2024-01-16", "Balochistan"},
	} {
		got := find(c.actor, c.country, c.date)
		if len(got) != 1 {
			t.Errorf("%s striking %s on %s: %d event nodes, want 1", c.actor, c.country, c.date, len(got))
			continue
		}
		if n := len(got[0].Sources); n != 5 {
			t.Errorf("%s striking %s on %s: %d sources, want 5", c.actor, c.country, c.date, n)
		}
		inRegion := false
		for _, p := range got[0].Places {
			if p.Name == c.region {
				inRegion = true
			}
		}
		if !inRegion {
			t.Errorf("%s striking %s: places %+v lack %s", c.actor, c.country, got[0].Places, c.region)
		}
	}
	// each source keeps its own figure: 9 killed per two outlets, 7 per three
	if ev := find("Pakistan", "Iran", "2024-01-18"); len(ev) == 1 {
		counts := map[int]int{}
		for _, s := range ev[0].Sources {
			if s.Killed != nil {
				counts[*s.Killed]++
			}
		}
		if counts[9] != 2 || counts[7] != 3 {
			t.Errorf("per-source killed figures %v, want 9 twice and 7 three times", counts)
		}
	}
	again, err := g.IngestPaths(ctx, []string{"examples/articles"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if again.Unchanged != 5 || again.Quads != 0 {
		t.Errorf("second ingest %+v, want 5 unchanged and 0 quads", again)
	}
}
