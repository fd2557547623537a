package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// EventGraph writes events (fused, as graph.Store.Events returns them) as
// the actor–event network in Graphviz DOT, drawn to be read at a glance:
// actors and targets as boxes, places as notes, each event as an ellipse
// labelled with its type, date, places and casualty figures (a range when
// sources disagree, with the number of sources), arrows from actors to
// events to targets, dotted lines from events to their places, and dashed
// arrows for "in retaliation for". Every node also carries the attributes
// EventGraphML writes (kind, iri, entity_class, type, date, killed_min, ...), for
// programs that read DOT.
func EventGraph(w io.Writer, events []extract.Event) error {
	n := eventNetwork(events)
	var b bytes.Buffer
	b.WriteString("digraph events {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=11];\n  edge [color=\"#555555\"];\n")
	for _, node := range n.entities {
		shape, style := "box", "rounded,filled"
		if node.attrs["kind"] == NodePlace {
			shape, style = "note", "filled"
		}
		fmt.Fprintf(&b, "  %s [shape=%s, style=%q, fillcolor=%q, label=%s%s];\n", node.id, shape, style, entityColor(n.ref[node.id], node.attrs["kind"]), dotQuote(node.label), dotAttrs(node.attrs))
	}
	for i, node := range n.events {
		fmt.Fprintf(&b, "  %s [shape=ellipse, style=filled, fillcolor=%q, label=%s%s];\n", node.id, eventColor(events[i].Type), dotQuote(node.label), dotAttrs(node.attrs))
	}
	for _, e := range n.edges {
		fmt.Fprintf(&b, "  %s -> %s [role=%q%s];\n", e.from, e.to, e.role, edgeStyle(e.role))
	}
	b.WriteString("}\n")
	_, err := w.Write(b.Bytes())
	return err
}

// entityColor is the fill colour of an entity node, by its class.
func entityColor(r extract.Ref, kind string) string {
	if kind == NodePlace {
		return "#e6f2e6"
	}
	switch r.Class {
	case extract.ClassArmedGroup:
		return "#f6dbdb"
	case extract.ClassStateForce, extract.ClassGovernment:
		return "#e4e4f7"
	case extract.ClassPerson:
		return "#f3f0d8"
	}
	return "#dbe9f6"
}

// edgeStyle is how an edge of a role is drawn.
func edgeStyle(role string) string {
	switch role {
	case "place":
		return ", style=dotted, arrowhead=none"
	case "retaliation_for":
		return ", style=dashed, label=\"retaliation for\", fontsize=9"
	}
	return ""
}

// dotQuote is s as a DOT quoted string.
func dotQuote(s string) string { return string(appendDOTString(nil, s)) }

// dotAttrs writes a node's attributes, in netAttrs order, as ", key=value"
// (Graphviz keeps attributes it does not know for other readers; none of
// these names is one of its own).
func dotAttrs(attrs map[string]string) string {
	var b []byte
	for _, a := range netAttrs {
		if v := attrs[a.name]; v != "" {
			b = append(b, ", "...)
			b = append(b, a.name+"="...)
			b = appendDOTString(b, v)
		}
	}
	return string(b)
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
