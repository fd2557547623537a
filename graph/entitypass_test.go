package graph

import (
	"context"
	"testing"

	"github.com/cayleygraph/quad"
)

// TestEntityPassEqualsOneByOne lists a store of generated articles and
// the fixtures with the entities read in one pass from the first (where
// the backend makes one: bolt) and one by one: the same events, byte for
// byte, for every listing without a limit, and after documents are
// replaced.
func TestEntityPassEqualsOneByOne(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, func(t *testing.T, s *Store) {
		putAll(t, s, generated(t, 30))
		putAll(t, s, fixtureDocs())
		compare := func(stage string) {
			t.Helper()
			for _, l := range rowListings {
				if l.f.Limit > 0 {
					continue
				}
				s.entityPassAfter = 1 << 30
				alone := listAll(t, s, l.f, 0)
				s.entityPassAfter = 1
				pass := listAll(t, s, l.f, 0)
				s.entityPassAfter = 0
				if pass != alone {
					t.Errorf("%s, %s: the pass and one by one differ:\npass %s\none by one %s", stage, l.name, pass, alone)
				}
			}
		}
		compare("put")
		putAll(t, s, strikeDocs())
		putAll(t, s, bridgeDocs())
		compare("replaced")

		// the pass is made where the backend scans predicates and does
		// not read ahead, and only for a listing without a limit
		s.entityPassAfter = 1
		defer func() { s.entityPassAfter = 0 }()
		for _, bulk := range []bool{true, false} {
			r := newReader(ctx, s)
			r.v.share()
			r.bulk = bulk
			r.entity(quad.IRI(iran.ID))
			r.entity(quad.IRI(iran.ID + "-not-stored"))
			want := bulk && r.v.pre == nil && r.v.scansPredicates()
			if (r.pass != nil) != want {
				t.Errorf("%s, bulk %v: pass made %v, want %v", s.backend, bulk, r.pass != nil, want)
			}
			if err := r.v.release(); err != nil || r.err != nil {
				t.Fatal(err, r.err)
			}
			if s.backend == BackendBolt && bulk && r.pass == nil {
				t.Error("bolt: no pass")
			}
		}
	})
}
