package graph

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// TestFusionBridgeOrderIndependent puts documents whose reports form a
// chain (A's fits B's, B's fits C's, A's does not fit C's) in every order,
// on the memory and bolt backends: every store must hold the same quads. A
// greedy fusion fails it: B joins whichever event came first, and C then
// fits the event B joined, or not, by what B brought to it. Each row is
// one shape of chain; with four documents, the last one's report reaches
// the chain through an event that fusion keeps apart (ng:fusedWith).
func TestFusionBridgeOrderIndependent(t *testing.T) {
	tests := []struct {
		name   string
		events []extract.Event
	}{
		{
			name: "dates a day apart on either side",
			events: []extract.Event{
				attack(pakistan, []extract.Ref{bla}, []extract.Ref{saravan}, iran, "2024-01-17", num(4), "Pakistan struck the BLA near Saravan."),
				attack(pakistan, []extract.Ref{bla}, []extract.Ref{saravan}, iran, "2024-01-18", num(6), "A Pakistani strike hit the BLA in Saravan."),
				attack(pakistan, []extract.Ref{bla}, []extract.Ref{saravan}, iran, "2024-01-19", num(9), "Pakistan's strike on Saravan killed nine."),
			},
		},
		{
			name: "four days in a row",
			events: []extract.Event{
				attack(pakistan, []extract.Ref{bla}, []extract.Ref{saravan}, iran, "2024-01-17", num(4), "Pakistan struck the BLA near Saravan."),
				attack(pakistan, []extract.Ref{bla}, []extract.Ref{saravan}, iran, "2024-01-18", num(6), "A Pakistani strike hit the BLA in Saravan."),
				attack(pakistan, []extract.Ref{bla}, []extract.Ref{saravan}, iran, "2024-01-19", num(9), "Pakistan's strike on Saravan killed nine."),
				attack(pakistan, []extract.Ref{bla}, []extract.Ref{saravan}, iran, "2024-01-20", num(2), "Pakistan struck Saravan again."),
			},
		},
		{
			name: "a report without a place between towns of two countries",
			events: []extract.Event{
				attack(pakistan, []extract.Ref{bla}, []extract.Ref{saravan}, iran, "2024-01-18", num(4), "Pakistan struck the BLA near Saravan."),
				func() extract.Event {
					ev := attack(pakistan, []extract.Ref{bla}, nil, iran, "2024-01-18", num(6), "Pakistan struck the BLA.")
					ev.Places, ev.Country = []extract.Ref{}, nil
					return ev
				}(),
				attack(pakistan, []extract.Ref{bla}, []extract.Ref{kohESabz}, pakistan, "2024-01-18", num(9), "Pakistan struck the BLA at Koh-e-Sabz."),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []*extract.Record
			for i, ev := range tt.events {
				id := string(rune('a'+i)) + ".txt"
				docs = append(docs, record(id, "sha-"+id, "2024-01-21", []extract.Event{ev}))
			}
			for _, backend := range []string{"memory", "bolt"} {
				var want []string
				for i, order := range permutations(len(docs)) {
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
						t.Errorf("%s: order %v stores other quads than the first order (-: only there, +: only here):\n%s", backend, order, strings.Join(diffLines(want, got), "\n"))
					}
				}
			}
		})
	}
}
