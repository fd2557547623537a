package main

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// orderCorpus is the corpus of the order tests: the example articles and
// 300 generated ones (stories of one to five reports of an incident), as
// records in input order, and the JSON Lines file of the generated ones.
func orderCorpus(t *testing.T) (recs []*extract.Record, lines []string) {
	t.Helper()
	lines = genLines(t, orderSeed, 300)
	gen := writeLines(t, t.TempDir(), "gen.jsonl", lines)
	return extractRecords(t, filepath.Join("..", "..", "examples", "articles"), gen), lines
}

// putInto opens a bolt store at path and puts recs in order (without
// syncing each commit to disk: the test is about what is stored).
func putInto(t *testing.T, path string, recs []*extract.Record) []string {
	t.Helper()
	s, err := graph.Open(context.Background(), graph.Config{Backend: graph.BackendBolt, Path: path, Scratch: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs {
		if _, err := s.Put(context.Background(), rec); err != nil {
			t.Fatalf("put %s: %v", rec.Doc.ID, err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return openQuads(t, graph.Config{Backend: graph.BackendBolt, Path: path})
}

// TestIngestOrderIndependent puts the same corpus into bolt stores in
// several orders and compares their sorted N-Quads: the store holds the
// same graph, quad for quad, whatever order its documents came in (no
// country as a plain string in some documents and an IRI in others, every
// fused event the same reports under the same name).
func TestIngestOrderIndependent(t *testing.T) {
	recs, _ := orderCorpus(t)
	dir := t.TempDir()
	want := putInto(t, filepath.Join(dir, "forward.db"), recs)
	for _, l := range want {
		if strings.Contains(l, " <"+string(schema.CountryOf)+"> \"") {
			t.Errorf("a country stored as a string: %s", l)
		}
	}
	reversed := slices.Clone(recs)
	slices.Reverse(reversed)
	shuffled := slices.Clone(recs)
	rand.New(rand.NewPCG(25, 1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	for _, o := range []struct {
		name string
		recs []*extract.Record
	}{{"reversed", reversed}, {"shuffled", shuffled}} {
		got := putInto(t, filepath.Join(dir, o.name+".db"), o.recs)
		sameGraph(t, o.name, got, want)
	}
}

// TestConcurrentIngestOrderIndependent runs two `ingest` processes at once
// on one PostgreSQL store, one on the corpus in input order, the other in
// reverse: the store equals a one-shot ingest of the corpus in input
// order, however the processes' commits interleaved.
func TestConcurrentIngestOrderIndependent(t *testing.T) {
	dsn := postgresDSN(t)
	recs, lines := orderCorpus(t)
	gen := recs[len(recs)-len(lines):] // the generated ones
	dir := t.TempDir()
	reversed := slices.Clone(lines)
	slices.Reverse(reversed)
	inputs := []string{writeLines(t, dir, "forward.jsonl", lines), writeLines(t, dir, "reversed.jsonl", reversed)}
	results := ingestAtOnce(t, dsn, inputs)
	for i, r := range results {
		if r.code != 0 || summaryRe.FindStringSubmatch(r.stdout) == nil {
			t.Fatalf("ingest %s: %+v", inputs[i], r)
		}
	}
	order := commitOrder(t, dsn)
	back := 0
	for i := 1; i < len(order); i++ {
		if order[i] < order[i-1] {
			back++
		}
	}
	t.Logf("commit order went back %d times", back)
	got := openQuads(t, graph.Config{Backend: graph.BackendPostgres, Path: dsn})
	sameGraph(t, "two writers", got, cleanIngest(t, gen))
}

// orderSeed is the generator's seed of the order tests' corpus. In this
// corpus, as in most, a few reports fit two events that do not fit each
// other: fusion must not put them where the first stored event was.
var orderSeed uint64 = 3

// sameGraph compares the quads of two stores (sorted N-Quads lines) that
// hold the same documents put in different orders: they must be equal,
// every fused event holding the same reports under the same name. How many
// events and quads they hold is logged.
func sameGraph(t *testing.T, name string, got, want []string) {
	t.Helper()
	gq, wq := parseQuads(t, got), parseQuads(t, want)
	gEv, wEv := eventReports(gq), eventReports(wq)
	byReports := map[string]quad.Value{}
	for e, reps := range wEv {
		byReports[reps] = e
	}
	differ := 0
	for e, reps := range gEv {
		switch other, ok := byReports[reps]; {
		case !ok:
			differ++
		case other != e:
			t.Errorf("%s: the event of reports %s is named %v in one store, %v in the other", name, reps, e, other)
		}
	}
	if differ > 0 {
		t.Errorf("%s: %d of %d events hold other reports in the other store", name, differ, len(gEv))
	}
	g, w := slices.Clone(got), slices.Clone(want)
	slices.Sort(g)
	slices.Sort(w)
	if !slices.Equal(g, w) {
		t.Errorf("%s: the stores differ: %s", name, diffQuads(g, w))
	}
	t.Logf("%s: %d quads, %d events", name, len(gq), len(gEv))
}

// parseQuads reads N-Quads lines.
func parseQuads(t *testing.T, lines []string) []quad.Quad {
	t.Helper()
	qs, err := quad.ReadAll(nquads.NewReader(strings.NewReader(strings.Join(lines, "\n")), false))
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// eventReports maps each event to its reports (sorted, joined).
func eventReports(qs []quad.Quad) map[quad.Value]string {
	reps := map[quad.Value][]string{}
	for _, q := range qs {
		if q.Predicate == schema.ReportOf {
			reps[q.Object] = append(reps[q.Object], quad.StringOf(q.Subject))
		}
	}
	out := map[quad.Value]string{}
	for e, r := range reps {
		slices.Sort(r)
		out[e] = strings.Join(r, " ")
	}
	return out
}
