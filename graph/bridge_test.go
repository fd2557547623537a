package graph

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// TestFusionBridgeOrderIndependent puts three documents A, B and C whose
// reports are such that B's fits A's and C's, and A's does not fit C's,
// in all six orders, on the memory and bolt backends: every store must
// hold the same quads. A greedy fusion fails it: B joins whichever event
// came first, and C then fits the event B joined, or not, by what B
// brought to it. Each row is one shape of bridge.
func TestFusionBridgeOrderIndependent(t *testing.T) {
	tests := []struct {
		name    string
		a, b, c extract.Event
	}{
		{
			name: "dates a day apart on either side",
			a:    attack(pakistan, []extract.Ref{bla}, []extract.Ref{saravan}, iran, "2024-01-17", num(4), "Pakistan struck the BLA near Saravan."),
			b:    attack(pakistan, []extract.Ref{bla}, []extract.Ref{saravan}, iran, "2024-01-18", num(6), "A Pakistani strike hit the BLA in Saravan."),
			c:    attack(pakistan, []extract.Ref{bla}, []extract.Ref{saravan}, iran, "2024-01-19", num(9), "Pakistan's strike on Saravan killed nine."),
		},
		{
			name: "a report without a place between towns of two countries",
			a:    attack(pakistan, []extract.Ref{bla}, []extract.Ref{saravan}, iran, "2024-01-18", num(4), "Pakistan struck the BLA near Saravan."),
			b: func() extract.Event {
				ev := attack(pakistan, []extract.Ref{bla}, nil, iran, "2024-01-18", num(6), "Pakistan struck the BLA.")
				ev.Places, ev.Country = []extract.Ref{}, nil
				return ev
			}(),
			c: attack(pakistan, []extract.Ref{bla}, []extract.Ref{kohESabz}, pakistan, "2024-01-18", num(9), "Pakistan struck the BLA at Koh-e-Sabz."),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := []*extract.Record{
				record("a.txt", "sha-a", "2024-01-19", []extract.Event{tt.a}),
				record("b.txt", "sha-b", "2024-01-19", []extract.Event{tt.b}),
				record("c.txt", "sha-c", "2024-01-19", []extract.Event{tt.c}),
			}
			for _, backend := range []string{"memory", "bolt"} {
				var want []string
				for i, order := range [][]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}} {
					cfg := Config{Backend: BackendMemory}
					if backend == "bolt" {
						cfg = Config{Backend: BackendBolt, Path: filepath.Join(t.TempDir(), "bridge.db")}
					}
					s := openTest(t, cfg)
					for _, n := range order {
						mustPut(t, s, docs[n])
					}
					var got []string
					for _, q := range allQuads(t, s) {
						got = append(got, q.NQuad())
					}
					slices.Sort(got)
					if i == 0 {
						want = got
						continue
					}
					if !slices.Equal(got, want) {
						t.Errorf("%s: order %v stores other quads than order [0 1 2] (-: only there, +: only here):\n%s", backend, order, strings.Join(diffLines(want, got), "\n"))
					}
				}
			}
		})
	}
}
