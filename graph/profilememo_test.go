package graph

import (
	"testing"

	"github.com/cayleygraph/quad"
)

// TestOverlap checks overlap, the count of IRIs two sorted lists share,
// which matches uses for shared types, actors and targets. Each row is one
// shape of lists.
func TestOverlap(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b []quad.IRI
		want int
	}{
		{"both empty", nil, nil, 0},
		{"one empty", []quad.IRI{"a"}, nil, 0},
		{"disjoint", []quad.IRI{"a", "c"}, []quad.IRI{"b", "d"}, 0},
		{"equal", []quad.IRI{"a", "b"}, []quad.IRI{"a", "b"}, 2},
		{"interleaved", []quad.IRI{"a", "c", "e"}, []quad.IRI{"b", "c", "d", "e"}, 2},
		{"prefix", []quad.IRI{"a"}, []quad.IRI{"a", "b", "c"}, 1},
	} {
		if got := overlap(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: overlap = %d, want %d", tc.name, got, tc.want)
		}
		if got := overlap(tc.b, tc.a); got != tc.want {
			t.Errorf("%s: overlap reversed = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestProfileMemoFollowsAdd checks that a cluster's profile, read before a
// unit joins it, gives the joined date, publication day and sets after:
// add drops the memo matches reads.
func TestProfileMemoFollowsAdd(t *testing.T) {
	c := newProfile()
	c.actors["x"] = true
	c.figs = []figures{{date: "2024-05", anchor: "2024-06-02"}}
	if c.date() != "2024-05" || c.anchor() != "2024-06-02" {
		t.Fatalf("before add: date %q anchor %q", c.date(), c.anchor())
	}
	u := newProfile()
	u.actors["y"] = true
	u.figs = []figures{{date: "2024-05-07", anchor: "2024-05-08"}}
	c.add(u)
	if c.date() != "2024-05-07" || c.anchor() != "2024-05-08" {
		t.Errorf("after add: date %q anchor %q, want the joined unit's day", c.date(), c.anchor())
	}
	if got := c.memoised().actors; len(got) != 2 || got[0] != "x" || got[1] != "y" {
		t.Errorf("after add: actors %v, want [x y]", got)
	}
}
