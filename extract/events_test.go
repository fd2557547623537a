package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/lexicon"
)

// TestNearIn checks pickTrigger's window test against the window string
// it replaces.
func TestNearIn(t *testing.T) {
	var near []string
	for _, tr := range lexicon.Default().Triggers {
		near = append(near, tr.Near...)
	}
	near = append(near, "", "a", "at least", "at  least", "the ", "x y z")
	for _, s := range speedSentences(t, 200) {
		toks := s.Tokens
		for end := 0; end <= len(toks); end++ {
			var w strings.Builder
			for k := end; k < len(toks) && k < end+12; k++ {
				w.WriteByte(' ')
				w.WriteString(toks[k].Norm)
			}
			window := toks[min(end, len(toks)):min(end+12, len(toks))]
			for _, n := range near {
				if got, want := nearIn(window, n), strings.Contains(w.String(), " "+n); got != want {
					t.Fatalf("nearIn(%q, %q) = %v, want %v", w.String(), n, got, want)
				}
			}
		}
	}
}

// TestResponsibilityAndOperation: the phrases that links reads in one pass
// over a sentence's words, each in a sentence of its own shape: the group
// that took or claimed responsibility is the actor, the name after
// "codenamed" or "dubbed" the operation.
func TestResponsibilityAndOperation(t *testing.T) {
	tests := []struct {
		in        string
		actor     string // an actor's name the attack has, "" for none wanted
		operation string
	}{
		{"A bomb exploded at a market in Kismayo on Monday. Al-Shabaab claimed responsibility.", "al-Shabaab", ""},
		{"A bomb exploded at a market in Kismayo on Monday, and al-Shabaab took responsibility for it.", "al-Shabaab", ""},
		{"Troops attacked rebel camps in Kivu in an offensive codenamed Sokola Two.", "", "Sokola Two"},
		{"Troops attacked rebel camps in Kivu in an offensive dubbed Iron Wall.", "", "Iron Wall"},
	}
	for _, tt := range tests {
		rec, err := Default().Extract(context.Background(), Document{ID: "t", Text: tt.in, Published: "2024-03-04"})
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]string{}
		for _, e := range rec.Entities {
			names[e.ID] = e.Name
		}
		found := false
		for _, e := range rec.Events {
			if e.Type != EventAttack {
				continue
			}
			actor := tt.actor == ""
			for _, a := range e.Actors {
				actor = actor || strings.EqualFold(names[a.ID], tt.actor)
			}
			found = found || actor && e.Operation == tt.operation
		}
		if !found {
			t.Errorf("%q: no attack with actor %q and operation %q: %+v", tt.in, tt.actor, tt.operation, rec.Events)
		}
	}
}
