package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"strconv"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

const graphMLHeader = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="all" attr.name="label" attr.type="string"/>
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="value" for="node" attr.name="value" attr.type="string"/>
  <key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>
  <key id="graph" for="edge" attr.name="graph" attr.type="string"/>
  <graph id="G" edgedefault="directed">
`

const graphMLFooter = `  </graph>
</graphml>
`

// xmlText escapes s for use in XML character data or a quoted attribute;
// characters that XML 1.0 forbids are replaced by U+FFFD.
func xmlText(buf *bytes.Buffer, s string) {
	_ = xml.EscapeText(buf, []byte(s)) // writes to a bytes.Buffer never fail
}

func xmlData(buf *bytes.Buffer, key, value string) {
	buf.WriteString(`<data key="`)
	buf.WriteString(key)
	buf.WriteString(`">`)
	xmlText(buf, value)
	buf.WriteString(`</data>`)
}

func kindName(k termKind) string {
	switch k {
	case kindIRI:
		return "iri"
	case kindBNode:
		return "bnode"
	}
	return "literal"
}

func writeGraphML(ctx context.Context, qs graph.QuadStore, w *bufio.Writer, _ options) error {
	if _, err := w.WriteString(graphMLHeader); err != nil {
		return err
	}
	var buf bytes.Buffer
	nm := newNamer(qs)
	err := eachNode(ctx, qs, func(ref graph.Ref, v quad.Value) error {
		t := normalize(v)
		buf.Reset()
		buf.WriteString(`    <node id="`)
		buf.WriteString(nodeID(v))
		buf.WriteString(`">`)
		xmlData(&buf, "label", nm.label(ctx, ref, t))
		xmlData(&buf, "kind", kindName(t.Kind))
		xmlData(&buf, "value", fullText(t))
		buf.WriteString("</node>\n")
		_, err := w.Write(buf.Bytes())
		return err
	})
	if err != nil {
		return err
	}
	n := 0
	err = eachQuad(ctx, qs, func(q quad.Quad) error {
		n++
		p := normalize(q.Predicate)
		buf.Reset()
		buf.WriteString(`    <edge id="e`)
		buf.WriteString(strconv.Itoa(n))
		buf.WriteString(`" source="`)
		buf.WriteString(nodeID(q.Subject))
		buf.WriteString(`" target="`)
		buf.WriteString(nodeID(q.Object))
		buf.WriteString(`">`)
		xmlData(&buf, "label", shortLabel(p))
		xmlData(&buf, "predicate", fullText(p))
		if q.Label != nil {
			xmlData(&buf, "graph", fullText(normalize(q.Label)))
		}
		buf.WriteString("</edge>\n")
		_, err := w.Write(buf.Bytes())
		return err
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString(graphMLFooter)
	return err
}
