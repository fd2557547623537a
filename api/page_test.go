package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/corpus"
)

var (
	genMu     sync.Mutex
	genStores = map[int]*graph.Store{}
)

// generatedStore is a memory store holding the first n articles of the
// generated corpus (seed 1), as the default extractor reads them.
func generatedStore(t *testing.T, n int) *graph.Store {
	t.Helper()
	genMu.Lock()
	defer genMu.Unlock()
	if s, ok := genStores[n]; ok {
		return s
	}
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Config{Backend: graph.BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	g, err := corpus.New(1)
	if err != nil {
		t.Fatal(err)
	}
	ex := extract.Default()
	for i := 0; i < n; i++ {
		a := g.Next()
		rec, err := ex.Extract(ctx, extract.Document{ID: a.ID, Text: a.Text, Published: a.Published})
		if err != nil {
			continue
		}
		if _, err := s.Put(ctx, rec); err != nil {
			continue // as ingest does: a bad record is skipped
		}
	}
	genStores[n] = s
	return s
}

// exec runs a query on the schema over store.
func exec(t *testing.T, ctx context.Context, store *graph.Store, q string, vars map[string]any) (json.RawMessage, []string) {
	t.Helper()
	schema, err := api.NewSchema(store, api.Options{})
	if err != nil {
		t.Fatal(err)
	}
	resp := schema.Exec(ctx, q, "", vars)
	var errs []string
	for _, e := range resp.Errors {
		errs = append(errs, e.Message)
	}
	return resp.Data, errs
}

type idPage struct {
	Events struct {
		TotalCount int
		Nodes      []struct {
			ID   string
			Date *string
		}
		PageInfo struct {
			HasNextPage bool
			EndCursor   *string
		}
	}
}

func (p idPage) ids() []string {
	var out []string
	for _, n := range p.Events.Nodes {
		out = append(out, n.ID)
	}
	return out
}

func mustPage(t *testing.T, store *graph.Store, q string, vars map[string]any) idPage {
	t.Helper()
	data, errs := exec(t, context.Background(), store, q, vars)
	if len(errs) > 0 {
		t.Fatalf("%s: %v", q, errs)
	}
	var p idPage
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestEventPagesGraphQL pages the typed listing on stores of three sizes:
// a first page is the head of the full listing, the pages put together are
// the full listing, the newest first, and a first page reads its own
// events (and one more, to tell whether more follow) however large the
// store.
func TestEventPagesGraphQL(t *testing.T) {
	const pageQ = `query($first: Int, $after: String) { events(first: $first, after: $after) {
		nodes { id date } pageInfo { hasNextPage endCursor } } }`
	for _, c := range []struct {
		name  string
		store func(t *testing.T) *graph.Store
	}{
		{"examples", exampleStore},
		{"generated/40", func(t *testing.T) *graph.Store { return generatedStore(t, 40) }},
		{"generated/160", func(t *testing.T) *graph.Store { return generatedStore(t, 160) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := c.store(t)
			full := mustPage(t, s, `{ events { totalCount nodes { id date } } }`, nil)
			if full.Events.TotalCount != len(full.Events.Nodes) || len(full.Events.Nodes) < 4 {
				t.Fatalf("totalCount %d, %d nodes", full.Events.TotalCount, len(full.Events.Nodes))
			}
			for i := 1; i < len(full.Events.Nodes); i++ {
				a, b := full.Events.Nodes[i-1].Date, full.Events.Nodes[i].Date
				if (a == nil && b != nil) || (a != nil && b != nil && *a < *b) {
					t.Fatalf("not the newest first at %d: %v then %v", i, a, b)
				}
			}
			for _, first := range []int{1, 3} {
				before := s.EventReads()
				p := mustPage(t, s, pageQ, map[string]any{"first": first})
				if reads := s.EventReads() - before; reads != int64(first)+1 {
					t.Errorf("first page of %d read %d events, want %d", first, reads, first+1)
				}
				if want := full.ids()[:first]; !reflect.DeepEqual(p.ids(), want) || !p.Events.PageInfo.HasNextPage {
					t.Errorf("first page of %d: %v (more: %v), want %v", first, p.ids(), p.Events.PageInfo.HasNextPage, want)
				}
				var all []string
				for after := any(nil); ; {
					p := mustPage(t, s, pageQ, map[string]any{"first": first, "after": after})
					all = append(all, p.ids()...)
					if !p.Events.PageInfo.HasNextPage {
						break
					}
					after = *p.Events.PageInfo.EndCursor
				}
				if !reflect.DeepEqual(all, full.ids()) {
					t.Errorf("pages of %d: %d events, not the %d of the listing in its order", first, len(all), len(full.ids()))
				}
			}
		})
	}
}

// tripCtx is a context cancelled as soon as the store has read at events
// in full: the cancellation lands in the middle of a request at a point
// set by the work done, not by a clock.
type tripCtx struct {
	context.Context
	cancel func()
	store  *graph.Store
	at     int64
	once   sync.Once
}

func newTripCtx(s *graph.Store, after int64) *tripCtx {
	ctx, cancel := context.WithCancel(context.Background())
	return &tripCtx{Context: ctx, cancel: cancel, store: s, at: s.EventReads() + after}
}

func (c *tripCtx) Err() error {
	if c.store.EventReads() >= c.at {
		c.once.Do(c.cancel)
	}
	return c.Context.Err()
}

func (c *tripCtx) Done() <-chan struct{} {
	c.Err()
	return c.Context.Done()
}

// TestCancelledQueriesStop cancels queries that would read far more than
// they are allowed to, in the middle, and checks that they end with the
// context's error and read (nearly) nothing after it: at most one event
// per resolver then running (graphql-go runs up to 10 at once).
func TestCancelledQueriesStop(t *testing.T) {
	const parallel = 10
	s := generatedStore(t, 160)
	for _, c := range []struct {
		name, query string
	}{
		{"whole listing", `{ events { nodes { id sources { doc { id } } } } }`},
		{"count by reading", `{ events(country: "Atlantis", first: 1) { totalCount } }`},
		{"deep", `{ events(first: 5) { nodes { actors { events { actors { events { targets { events { id } } } } } } } } }`},
		{"entity events", `{ entities(class: Country, first: 20) { nodes { events { places { events { id } } } } } }`},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := newTripCtx(s, 12)
			_, errs := exec(t, ctx, s, c.query, nil)
			if !strings.Contains(strings.Join(errs, "\n"), context.Canceled.Error()) {
				t.Errorf("errors %v, want the context's", errs)
			}
			if after := s.EventReads() - ctx.at; after > parallel {
				t.Errorf("%d events read after the cancellation", after)
			}
		})
	}
	// The Go API stops as well.
	ctx := newTripCtx(s, 5)
	if _, err := api.Events(ctx, s, api.Filter{Country: "Atlantis"}); !errors.Is(err, context.Canceled) {
		t.Errorf("Events: %v, want the context's error", err)
	}
	if after := s.EventReads() - ctx.at; after > 0 {
		t.Errorf("Events: %d events read after the cancellation", after)
	}
}
