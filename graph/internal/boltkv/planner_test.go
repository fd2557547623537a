package boltkv_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/cayleygraph/cayley/query/graphql"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	ngraph "github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/internal/boltkv"
	"github.com/newsgraph/newsgraph/internal/corpus"
	"github.com/newsgraph/newsgraph/schema"
)

// planned is a bolt store as the graph package opens it: the store
// queries see, and Cayley's own kv quad store of the same file.
type planned struct {
	qs      graph.QuadStore // Cayley's kv quad store
	planned *boltkv.Store
}

// QuadStore returns the store queries see.
func (p *planned) QuadStore() graph.QuadStore { return p.planned }

// plannedBolt returns a bolt store holding the first n generated articles.
func plannedBolt(t *testing.T, n int) *planned {
	t.Helper()
	s, err := ngraph.Open(context.Background(), ngraph.Config{Backend: ngraph.BackendBolt, Path: filepath.Join(t.TempDir(), "planned.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, rec := range generated(t, n) {
		if _, err := s.Put(context.Background(), rec); err != nil {
			t.Fatal(err)
		}
	}
	qs, ok := s.QuadStore().(*boltkv.Store)
	if !ok {
		t.Fatalf("bolt store queried through %T, want *boltkv.Store", s.QuadStore())
	}
	return &planned{qs: qs.QuadStore, planned: qs}
}

// generated returns the records the default extractor makes of the first
// n generated articles (those it fails on are left out).
func generated(t *testing.T, n int) []*extract.Record {
	t.Helper()
	g, err := corpus.New(1)
	if err != nil {
		t.Fatal(err)
	}
	ex := extract.Default()
	var out []*extract.Record
	for i := 0; i < n; i++ {
		a := g.Next()
		rec, err := ex.Extract(context.Background(), extract.Document{ID: a.ID, Text: a.Text, Published: a.Published})
		if err != nil {
			continue
		}
		out = append(out, rec)
	}
	return out
}

// gizmoJSON runs a Gizmo query on qs and returns its results as JSON.
func gizmoJSON(t *testing.T, qs graph.QuadStore, q string) string {
	t.Helper()
	return sessionJSON(t, gizmo.NewSession(qs), q)
}

// graphqlJSON runs a GraphQL query on qs and returns its results as JSON.
func graphqlJSON(t *testing.T, qs graph.QuadStore, q string) string {
	t.Helper()
	return sessionJSON(t, graphql.NewSession(qs), q)
}

// sessionJSON runs query q in session s and returns its results as JSON.
func sessionJSON(t *testing.T, s query.Session, q string) string {
	t.Helper()
	ctx := context.Background()
	it, err := s.Execute(ctx, q, query.Options{Collation: query.JSON})
	if err != nil {
		t.Fatal(err)
	}
	defer it.Close()
	var out []interface{}
	for it.Next(ctx) {
		out = append(out, it.Result())
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	return canonicalJSON(t, out)
}

// canonicalJSON marshals v with every array sorted, so that results that
// differ only in order (a plan may list a node's links in another order)
// compare equal.
func canonicalJSON(t *testing.T, v interface{}) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var x interface{}
	if err := json.Unmarshal(data, &x); err != nil {
		t.Fatal(err)
	}
	var canon func(interface{}) interface{}
	canon = func(x interface{}) interface{} {
		switch x := x.(type) {
		case []interface{}:
			keyed := make([]string, len(x))
			for i, e := range x {
				b, _ := json.Marshal(canon(e))
				keyed[i] = string(b)
			}
			sort.Strings(keyed)
			out := make([]interface{}, len(keyed))
			for i, k := range keyed {
				out[i] = json.RawMessage(k)
			}
			return out
		case map[string]interface{}:
			for k, e := range x {
				x[k] = canon(e)
			}
		}
		return x
	}
	data, err = json.Marshal(canon(x))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// someActor returns the actor of some attack in s.
func someActor(t *testing.T, s *planned) quad.Value {
	t.Helper()
	ctx := context.Background()
	var actor quad.Value
	err := path.StartPath(s.qs, schema.Attack).In(schema.Type).Out(schema.Actor).Iterate(ctx).EachValue(s.qs, func(v quad.Value) {
		if actor == nil {
			actor = v
		}
	})
	if err != nil || actor == nil {
		t.Fatalf("no attack with an actor in the store: %v", err)
	}
	return actor
}

// TestPlannerSameAnswers checks that the sizes the planner is given change
// the plan, never the answer: every example query and a few traversal
// shapes give the same results through the planned store as through
// Cayley's kv store itself.
func TestPlannerSameAnswers(t *testing.T) {
	s := plannedBolt(t, 40)
	actor := someActor(t, s).String()
	queries := map[string]string{
		"in, has, out":       `g.V("` + actor + `").In("<https://newsgraph.org/ns#actor>").Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://newsgraph.org/ns#Attack>").Out("<https://newsgraph.org/ns#actor>").Out("<https://newsgraph.org/ns#name>").All()`,
		"out of a class":     `g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://newsgraph.org/ns#Attack>").Out("<https://newsgraph.org/ns#actor>").Unique().All()`,
		"predicate from all": `g.V().Out("<https://newsgraph.org/ns#killedMax>").All()`,
		"intersection":       `g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://newsgraph.org/ns#Event>").And(g.V().Has("<https://newsgraph.org/ns#actor>", "` + actor + `")).All()`,
		"count":              `g.Emit(g.V().In("<https://newsgraph.org/ns#mentionedIn>").Count())`,
		"tags through joins": `g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://newsgraph.org/ns#Attack>").Tag("event").Out("<https://newsgraph.org/ns#actor>").Tag("actor").Out("<https://newsgraph.org/ns#name>").All()`,
		"in after a set":     `g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://newsgraph.org/ns#Attack>").In("<https://newsgraph.org/ns#reportOf>").Out("<https://newsgraph.org/ns#killed>").All()`,
		"saved from a set":   `g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://newsgraph.org/ns#Attack>").Out("<https://newsgraph.org/ns#actor>").Save("<https://newsgraph.org/ns#name>", "name").All()`,
		"optional saves":     `g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://newsgraph.org/ns#Attack>").SaveOpt("<https://newsgraph.org/ns#killedMax>", "killed").SaveOpt("<https://newsgraph.org/ns#date>", "date").All()`,
		"saved reverse":      `g.V("` + actor + `").SaveR("<https://newsgraph.org/ns#actor>", "event").All()`,
		"joined and checked": `g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://newsgraph.org/ns#Attack>").Out("<https://newsgraph.org/ns#actor>").And(g.V("` + actor + `").Out("<https://newsgraph.org/ns#mentionedIn>").In("<https://newsgraph.org/ns#mentionedIn>")).Out("<https://newsgraph.org/ns#name>").Unique().All()`, // values, not path counts: see the note on joinNext
	}
	mustFind := map[string]bool{}
	for name := range queries {
		mustFind[name] = true
	}
	files, _ := filepath.Glob("../../../examples/queries/*.js")
	if len(files) == 0 {
		t.Fatal("no example queries")
	}
	for _, f := range files {
		q, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		queries[filepath.Base(f)] = string(q)
	}
	for name, q := range queries {
		t.Run(name, func(t *testing.T) {
			want := gizmoJSON(t, s.qs, q)
			if got := gizmoJSON(t, s.QuadStore(), q); got != want {
				t.Errorf("planned store answers\n%s\nCayley's kv store\n%s", got, want)
			}
			if mustFind[name] && (want == "null" || want == "[]") {
				t.Errorf("the query finds nothing on the generated store; it tests nothing")
			}
		})
	}
}

// TestPlannerSameAnswersGraphQL runs the GraphQL example, whose fields are
// saves checked node by node, on the planned store and on Cayley's own kv
// store.
func TestPlannerSameAnswersGraphQL(t *testing.T) {
	s := plannedBolt(t, 40)
	q, err := os.ReadFile("../../../examples/queries/who-struck-whom.graphql")
	if err != nil {
		t.Fatal(err)
	}
	cq := cayleyGraphQL(string(q))
	want := graphqlJSON(t, s.qs, cq)
	if got := graphqlJSON(t, s.QuadStore(), cq); got != want {
		t.Errorf("planned store answers\n%s\nCayley's kv store\n%s", got, want)
	}
	if !strings.Contains(want, "actor") {
		t.Errorf("the query finds no attack with an actor; it tests nothing: %s", want)
	}
}

// newsgraphPaging matches what the GraphQL example asks of newsgraph's
// pager rather than of Cayley: the `after` argument of the root field and
// the `cursor` field of its rows (graph/graphqlpage.go answers both).
var newsgraphPaging = regexp.MustCompile(`, after: "[^"]*"|(?m)^\s*cursor\n`)

// cayleyGraphQL returns GraphQL query q as Cayley's own GraphQL reads it:
// without newsgraph's paging argument and field, which Cayley would take
// for predicates no node has.
func cayleyGraphQL(q string) string {
	return newsgraphPaging.ReplaceAllString(q, "")
}

// TestPlannerSizes checks the sizes the planner gets: exact counts for
// lookups of every direction of some nodes (the kv store itself guesses
// half the store for all but full-key lookups).
func TestPlannerSizes(t *testing.T) {
	s := plannedBolt(t, 20)
	ctx := context.Background()
	qs := s.QuadStore()
	nodes := []quad.Value{schema.Attack, schema.Actor, schema.Type, someActor(t, s)}
	for _, n := range nodes {
		ref := qs.ValueOf(n)
		if ref == nil {
			t.Fatalf("%v not in the store", n)
		}
		for _, d := range []quad.Direction{quad.Subject, quad.Predicate, quad.Object} {
			it := qs.QuadIterator(d, ref)
			want := int64(0)
			for it.Next(ctx) {
				want++
			}
			it.Close()
			got, err := qs.QuadIteratorSize(ctx, d, ref)
			if err != nil {
				t.Fatal(err)
			}
			if want > 0 && want < boltkv.PrefixCountLimit && (got.Size != want || !got.Exact) {
				t.Errorf("%v as %v: size %+v, want exactly %d", n, d, got, want)
			}
		}
	}
	// A traversal step: the reports of an event.
	var ev quad.Value
	err := path.StartPath(qs, schema.Attack).In(schema.Type).Iterate(ctx).EachValue(qs, func(v quad.Value) {
		if ev == nil {
			ev = v
		}
	})
	if err != nil || ev == nil {
		t.Fatalf("no attack: %v", err)
	}
	step := path.StartPath(qs, ev).In(schema.ReportOf)
	n, err := step.Iterate(ctx).Count()
	if err != nil {
		t.Fatal(err)
	}
	it, _ := step.BuildIterator().Optimize()
	if sz, _ := it.Size(); sz != n {
		t.Errorf("reports of %v: planned size %d, want %d", ev, sz, n)
	}
}

// TestIndexJoin checks that a step from a set of nodes reads the index
// prefix of each node (an index join) instead of every quad of the
// nodes, and falls back to Cayley's intersection when the set is the
// larger side; and that Has on a set checks each node with one key
// lookup.
func TestIndexJoin(t *testing.T) {
	s := plannedBolt(t, 30)
	qs := s.QuadStore()
	ctx := context.Background()
	actor := someActor(t, s)
	plan := func(p *path.Path) string {
		sh, _ := shape.Optimize(p.Shape(), qs)
		it := shape.BuildIterator(qs, sh)
		defer it.Close()
		data, err := json.Marshal(graph.DescribeIterator(it))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	cases := []struct {
		name string
		path func(graph.QuadStore) *path.Path
		join bool // an index join is expected
		has  bool // a node lookup is expected (others may have one too)
	}{
		{"names of an actor's events' actors", func(qs graph.QuadStore) *path.Path {
			return path.StartPath(qs, actor).In(schema.Actor).Out(schema.Actor).Out(schema.Name)
		}, true, false},
		{"documents of an actor's events", func(qs graph.QuadStore) *path.Path {
			return path.StartPath(qs, actor).In(schema.Actor).In(schema.ReportOf).Out(schema.ReportedBy)
		}, true, false},
		{"an actor's attacks", func(qs graph.QuadStore) *path.Path {
			return path.StartPath(qs, actor).In(schema.Actor).Has(schema.Type, schema.Attack)
		}, false, true},
		{"names saved from a set", func(qs graph.QuadStore) *path.Path {
			return path.StartPath(qs, actor).In(schema.Actor).Out(schema.Actor).Save(schema.Name, "name")
		}, true, true}, // checked node by node against its own names
		{"optional dates of a class", func(qs graph.QuadStore) *path.Path {
			return path.StartPath(qs).Has(schema.Type, schema.Attack).SaveOptional(schema.Date, "date")
		}, false, true},
		{"names of every node", func(qs graph.QuadStore) *path.Path {
			return path.StartPath(qs).Out(schema.Name)
		}, false, true}, // the objects of the name quads, listed from the predicate-first index
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			desc := plan(c.path(qs))
			if got := strings.Contains(desc, "IndexJoin"); got != c.join {
				t.Errorf("index join used: %v, want %v; plan %s", got, c.join, desc)
			}
			if c.has && !strings.Contains(desc, "IndexNodes") {
				t.Errorf("no node lookup in the plan %s", desc)
			}
			// Same nodes as the kv store's own plan.
			want, err := c.path(s.qs).Iterate(ctx).AllValues(s.qs)
			if err != nil {
				t.Fatal(err)
			}
			got, err := c.path(qs).Iterate(ctx).AllValues(qs)
			if err != nil {
				t.Fatal(err)
			}
			if len(want) == 0 {
				t.Fatal("nothing found; the case tests nothing")
			}
			if g, w := sortedStrings(got), sortedStrings(want); strings.Join(g, "\n") != strings.Join(w, "\n") {
				t.Errorf("planned store finds %d values, kv store %d", len(g), len(w))
			}
		})
	}
}

func sortedStrings(vs []quad.Value) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	sort.Strings(out)
	return out
}

// TestNodeScanTags checks a node scan that tags, both ways: listing the
// nodes with their tags, and checking one node, whose other tags come
// through NextPath (an actor of many events is checked once and tags each
// event). Both must give the events Cayley's kv store finds.
func TestNodeScanTags(t *testing.T) {
	s := plannedBolt(t, 40)
	qs := s.planned
	ctx := context.Background()
	// The actor of most events.
	actors, err := path.StartPath(s.qs).Out(schema.Actor).Iterate(ctx).AllValues(s.qs)
	if err != nil {
		t.Fatal(err)
	}
	count := map[quad.Value]int{}
	var actor quad.Value
	for _, a := range actors {
		if count[a]++; actor == nil || count[a] > count[actor] {
			actor = a
		}
	}
	want, err := path.StartPath(s.qs, actor).In(schema.Actor).Iterate(ctx).AllValues(s.qs)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 2 {
		t.Fatalf("actor %v has %d events; the test needs several", actor, len(want))
	}
	qa := shape.QuadsAction{
		Result: quad.Object,
		Filter: map[quad.Direction]graph.Ref{quad.Predicate: qs.ValueOf(schema.Actor)},
		Save:   map[quad.Direction][]string{quad.Subject: {"event"}},
	}
	sh, ok := qs.OptimizeNodes(qa)
	if !ok {
		t.Fatal("no node scan for a tagging lookup")
	}
	it := graph.AsShape(sh.BuildIterator(qs))
	names := func(refs []graph.Ref) []string {
		var vs []quad.Value
		for _, r := range refs {
			vs = append(vs, qs.NameOf(r))
		}
		return sortedStrings(vs)
	}

	// Checking the actor: one Contains, the rest by NextPath.
	look := it.Lookup()
	defer look.Close()
	if !look.Contains(ctx, qs.ValueOf(actor)) {
		t.Fatalf("the node scan does not contain %v", actor)
	}
	var checked []graph.Ref
	for more := true; more; more = look.NextPath(ctx) {
		tags := map[string]graph.Ref{}
		look.TagResults(tags)
		checked = append(checked, tags["event"])
	}
	if g, w := names(checked), sortedStrings(want); strings.Join(g, "\n") != strings.Join(w, "\n") {
		t.Errorf("checked: tags %v, want %v", g, w)
	}

	// Listing: the actor's results carry the same events.
	next := it.Iterate()
	defer next.Close()
	var listed []graph.Ref
	for next.Next(ctx) {
		if qs.NameOf(next.Result()) != actor {
			continue
		}
		tags := map[string]graph.Ref{}
		next.TagResults(tags)
		listed = append(listed, tags["event"])
	}
	if err := next.Err(); err != nil {
		t.Fatal(err)
	}
	if g, w := names(listed), sortedStrings(want); strings.Join(g, "\n") != strings.Join(w, "\n") {
		t.Errorf("listed: tags %v, want %v", g, w)
	}
}

// TestCountPrefix checks the bounded counts of an index prefix, one row
// per step on one store: below the limit a count is exact, at the limit
// it is a lower bound, and what was counted (an exact count, a lower
// bound at least as high as the limit) is not read again until the cache
// is emptied.
func TestCountPrefix(t *testing.T) {
	s := plannedBolt(t, 30)
	qs := s.planned
	ctx := context.Background()
	ref, ok := qs.ValueOf(schema.Actor).(kv.Int64Value)
	if !ok {
		t.Fatal("no actor predicate in the store")
	}
	total := int64(0)
	it := qs.QuadIterator(quad.Predicate, ref)
	for it.Next(ctx) {
		total++
	}
	it.Close()
	if total < 10 {
		t.Fatalf("%d actor quads: too few to test bounds", total)
	}
	dirs, vals := []quad.Direction{quad.Predicate}, []uint64{uint64(ref)}
	for _, r := range []struct {
		name  string
		reset bool  // empty the cache first
		limit int64 // count up to
		n     int64
		exact bool
		read  int64 // index entries read
	}{
		{"under the size, counted to the limit", true, 3, 3, false, 3},
		{"under a known lower bound, not read", false, 2, 2, false, 0},
		{"beyond the lower bound, counted whole", false, total + 5, total, true, total},
		{"under a known size, not read", false, 3, 3, false, 0},
		{"the size known exactly, not read", false, total + 1, total, true, 0},
		{"the size itself is no count below it", true, total, total, false, total},
		{"a limit of nothing reads nothing", true, 0, 0, false, 0},
	} {
		if r.reset {
			qs.ResetCache()
		}
		before := qs.Counted()
		n, exact, err := qs.CountPrefix(ctx, dirs, vals, r.limit)
		if err != nil {
			t.Fatal(err)
		}
		if read := qs.Counted() - before; n != r.n || exact != r.exact || read != r.read {
			t.Errorf("%s: limit %d gives %d, exact %v, %d entries read; want %d, %v, %d", r.name, r.limit, n, exact, read, r.n, r.exact, r.read)
		}
	}
}

// TestIndexJoinCountsToItsBound checks that planning an index join from a
// few nodes counts the quads with the fixed values only as far as the
// choice between join and intersection needs, not the whole predicate
// (every actor link of the store).
func TestIndexJoinCountsToItsBound(t *testing.T) {
	s := plannedBolt(t, 60)
	qs := s.planned
	ctx := context.Background()
	actor := someActor(t, s)
	all, err := path.StartPath(qs).Out(schema.Actor).Iterate(ctx).Count()
	if err != nil {
		t.Fatal(err)
	}
	events, err := path.StartPath(qs, actor).In(schema.Actor).Iterate(ctx).Count()
	if err != nil {
		t.Fatal(err)
	}
	if all < 5*events {
		t.Fatalf("%d actor links, %d of them from %v: too few others to test", all, events, actor)
	}
	qs.ResetCache()
	before := qs.Counted()
	p := path.StartPath(qs, actor).In(schema.Actor).Out(schema.Actor)
	sh, _ := shape.Optimize(p.Shape(), qs)
	it := shape.BuildIterator(qs, sh)
	defer it.Close()
	desc, _ := json.Marshal(graph.DescribeIterator(it))
	if !strings.Contains(string(desc), "IndexJoin") {
		t.Fatalf("no index join in the plan %s", desc)
	}
	if read := qs.Counted() - before; read >= all/2 {
		t.Errorf("planning read %d index entries to size the join; the predicate has %d links, the set %d nodes", read, all, events)
	}
}
