package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// EventGraph writes events (fused, as graph.Store.Events returns them) as
// a Graphviz drawing meant to be read at a glance: actors and targets as
// boxes, each event as an ellipse labelled with its type, date, places and
// casualty figures (a range when sources disagree, with the number of
// sources), arrows from actors to events to targets, and dashed arrows
// for "in retaliation for".
func EventGraph(w io.Writer, events []extract.Event) error {
	var b bytes.Buffer
	b.WriteString("digraph events {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=11];\n  edge [color=\"#555555\"];\n")
	entities := map[string]extract.Ref{}
	var ids []string
	eventNode := map[string]string{}
	for i, e := range events {
		eventNode[e.ID] = fmt.Sprintf("e%d", i)
		for _, r := range append(append([]extract.Ref{}, e.Actors...), e.Targets...) {
			if _, ok := entities[r.ID]; !ok {
				entities[r.ID] = r
				ids = append(ids, r.ID)
			}
		}
	}
	sort.Strings(ids)
	entNode := map[string]string{}
	for i, id := range ids {
		r := entities[id]
		entNode[id] = fmt.Sprintf("n%d", i)
		color := "#dbe9f6"
		switch r.Class {
		case extract.ClassArmedGroup:
			color = "#f6dbdb"
		case extract.ClassStateForce, extract.ClassGovernment:
			color = "#e4e4f7"
		case extract.ClassPerson:
			color = "#f3f0d8"
		}
		fmt.Fprintf(&b, "  n%d [shape=box, style=\"rounded,filled\", fillcolor=%q, label=%q];\n", i, color, r.Name)
	}
	for i, e := range events {
		fmt.Fprintf(&b, "  e%d [shape=ellipse, style=filled, fillcolor=%q, label=%q];\n", i, eventColor(e.Type), eventLabel(e))
		for _, a := range e.Actors {
			fmt.Fprintf(&b, "  %s -> e%d;\n", entNode[a.ID], i)
		}
		for _, t := range e.Targets {
			fmt.Fprintf(&b, "  e%d -> %s;\n", i, entNode[t.ID])
		}
	}
	for i, e := range events {
		if n, ok := eventNode[e.RetaliationFor]; ok && e.RetaliationFor != "" {
			fmt.Fprintf(&b, "  e%d -> %s [style=dashed, label=\"retaliation for\", fontsize=9];\n", i, n)
		}
	}
	b.WriteString("}\n")
	_, err := w.Write(b.Bytes())
	return err
}

func eventColor(typ string) string {
	if typ == extract.EventAttack {
		return "#f4b6b0"
	}
	return "#cfe8d5"
}

// eventLabel is "Attack (airstrike)\n2024-01-18 · Saravan, Sistan and
// Baluchestan\n7–9 killed · 5 sources".
func eventLabel(e extract.Event) string {
	head := e.Type
	if e.Subtype != "" {
		head += " (" + e.Subtype + ")"
	}
	var second []string
	if e.Date != nil {
		second = append(second, *e.Date)
	}
	var places []string
	for _, p := range e.Places {
		places = append(places, p.Name)
	}
	if len(places) > 0 {
		second = append(second, strings.Join(places, ", "))
	}
	var third []string
	if e.Killed != nil {
		k := fmt.Sprint(*e.Killed)
		if e.KilledMax != nil && *e.KilledMax != *e.Killed {
			k += "–" + fmt.Sprint(*e.KilledMax)
		}
		third = append(third, k+" killed")
	}
	if e.Injured != nil {
		third = append(third, fmt.Sprint(*e.Injured)+" injured")
	}
	if n := len(e.Sources); n > 0 {
		s := "sources"
		if n == 1 {
			s = "source"
		}
		third = append(third, fmt.Sprintf("%d %s", n, s))
	}
	label := head
	if len(second) > 0 {
		label += "\n" + strings.Join(second, " · ")
	}
	if len(third) > 0 {
		label += "\n" + strings.Join(third, " · ")
	}
	return label
}

// ErrNoGraphviz means Graphviz's dot program is not installed.
var ErrNoGraphviz = errors.New("rendering SVG needs Graphviz's dot program (Debian: apt-get install graphviz)")

// RenderSVG turns a DOT drawing into SVG with Graphviz's dot.
func RenderSVG(ctx context.Context, dot []byte, w io.Writer) error {
	path, err := exec.LookPath("dot")
	if err != nil {
		return ErrNoGraphviz
	}
	cmd := exec.CommandContext(ctx, path, "-Tsvg")
	cmd.Stdin = bytes.NewReader(dot)
	cmd.Stdout = w
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("dot -Tsvg: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return nil
}
