package export

import (
	"bufio"
	"context"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// maxDOTLabel bounds the length of node and edge labels in DOT output; the
// full value is kept in the tooltip.
const maxDOTLabel = 60

// appendDOTString writes s as a DOT double-quoted string. Backslashes are
// doubled (so that \N, \G… are not interpreted as escString macros), quotes
// escaped, newlines written as \n and other control characters replaced by
// spaces. A string ending in a backslash gets a trailing space.
func appendDOTString(b []byte, s string) []byte {
	b = append(b, '"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"':
			b = append(b, '\\', '"')
		case r == '\\':
			b = append(b, '\\', '\\')
		case r == '\n':
			b = append(b, '\\', 'n')
		case r < 0x20 || r == 0x7f:
			b = append(b, ' ')
		default:
			b = append(b, string(r)...)
		}
	}
	if strings.HasSuffix(s, "\\") {
		// Graphviz's lexer would read the final \\ followed by the closing
		// quote as an escaped quote; a trailing space keeps it closed.
		b = append(b, ' ')
	}
	return append(b, '"')
}

func writeDOT(ctx context.Context, qs graph.QuadStore, w *bufio.Writer, _ options) error {
	const header = "digraph newsgraph {\n" +
		"  graph [rankdir=LR, charset=\"UTF-8\"];\n" +
		"  node [shape=ellipse, fontsize=10];\n" +
		"  edge [fontsize=9];\n"
	if _, err := w.WriteString(header); err != nil {
		return err
	}
	var b []byte
	nm := newNamer(qs)
	err := eachNode(ctx, qs, func(ref graph.Ref, v quad.Value) error {
		t := normalize(v)
		b = append(b[:0], "  "...)
		b = append(b, nodeID(v)...)
		b = append(b, " [label="...)
		b = appendDOTString(b, truncate(nm.label(ctx, ref, t), maxDOTLabel))
		b = append(b, ", tooltip="...)
		b = appendDOTString(b, fullText(t))
		switch t.Kind {
		case kindLiteral:
			b = append(b, ", shape=box"...)
		case kindBNode:
			b = append(b, ", style=dashed"...)
		}
		b = append(b, "];\n"...)
		_, err := w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	err = eachQuad(ctx, qs, func(q quad.Quad) error {
		p := normalize(q.Predicate)
		tooltip := fullText(p)
		if q.Label != nil {
			tooltip += " in " + fullText(normalize(q.Label))
		}
		b = append(b[:0], "  "...)
		b = append(b, nodeID(q.Subject)...)
		b = append(b, " -> "...)
		b = append(b, nodeID(q.Object)...)
		b = append(b, " [label="...)
		b = appendDOTString(b, truncate(shortLabel(p), maxDOTLabel))
		b = append(b, ", tooltip="...)
		b = appendDOTString(b, tooltip)
		b = append(b, "];\n"...)
		_, err := w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("}\n")
	return err
}
