package export

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/newsgraph/newsgraph/extract"
)

// The actor–event network: the fused events of a selection as a graph a
// Gephi, yEd or Graphviz user wants, rather than every quad. Actors,
// targets, places and events are nodes with attributes; edges run from
// each actor to the event, from the event to each target and to each
// place, and from an event to the one it retaliates for.

// Node kinds of the actor–event network.
const (
	NodeActor  = "actor"  // an entity that acts in some event
	NodeTarget = "target" // an entity only ever targeted
	NodePlace  = "place"  // a place or country where an event happened
	NodeEvent  = "event"
)

// netAttr is one attribute of the network's nodes: its name (a GraphML
// key, a DOT attribute) and GraphML type.
type netAttr struct{ name, typ string }

// netAttrs are the node attributes, in the order written.
var netAttrs = []netAttr{
	{"kind", "string"}, {"iri", "string"}, {"entity_class", "string"}, {"country", "string"},
	{"type", "string"}, {"subtype", "string"}, {"cameo", "string"}, {"date", "string"},
	{"killed_min", "int"}, {"killed_max", "int"}, {"injured_min", "int"}, {"injured_max", "int"},
	{"sources", "int"},
}

// netNode is one node: its id in the output, label and attributes (by
// netAttrs name; absent ones are not written).
type netNode struct {
	id, label string
	attrs     map[string]string
}

// netEdge is one edge; role is actor, target, place or retaliation_for.
type netEdge struct{ from, to, role string }

// network is the actor–event network of some events.
type network struct {
	entities []netNode // actors, targets and places, by IRI
	events   []netNode // in the events' order
	edges    []netEdge
	ref      map[string]extract.Ref // entity node id → the entity
}

// eventNetwork builds the network of events.
func eventNetwork(events []extract.Event) *network {
	n := &network{ref: map[string]extract.Ref{}}
	kinds := map[string]string{}
	refs := map[string]extract.Ref{}
	mark := func(r extract.Ref, kind string) {
		if r.ID == "" {
			return
		}
		refs[r.ID] = r
		if old, ok := kinds[r.ID]; !ok || kindRank(kind) < kindRank(old) {
			kinds[r.ID] = kind
		}
	}
	for _, e := range events {
		for _, r := range append(append([]extract.Ref{}, e.Actors...), e.Agents...) {
			mark(r, NodeActor)
		}
		for _, r := range e.Targets {
			mark(r, NodeTarget)
		}
		for _, r := range eventPlaces(e) {
			mark(r, NodePlace)
		}
	}
	ids := make([]string, 0, len(refs))
	for id := range refs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	entNode := map[string]string{}
	for i, id := range ids {
		r := refs[id]
		node := netNode{id: fmt.Sprintf("n%d", i), label: r.Name, attrs: map[string]string{
			"kind": kinds[id], "iri": id, "entity_class": r.Class, "country": r.Country}}
		entNode[id] = node.id
		n.ref[node.id] = r
		n.entities = append(n.entities, node)
	}
	eventNode := map[string]string{}
	for i, e := range events {
		eventNode[e.ID] = fmt.Sprintf("e%d", i)
	}
	for i, e := range events {
		id := eventNode[e.ID]
		n.events = append(n.events, netNode{id: id, label: eventLabel(e), attrs: eventAttrs(e)})
		for _, r := range append(append([]extract.Ref{}, e.Actors...), e.Agents...) {
			n.edges = append(n.edges, netEdge{entNode[r.ID], id, "actor"})
		}
		for _, r := range e.Targets {
			n.edges = append(n.edges, netEdge{id, entNode[r.ID], "target"})
		}
		for _, r := range eventPlaces(e) {
			n.edges = append(n.edges, netEdge{id, entNode[r.ID], "place"})
		}
		if to, ok := eventNode[e.RetaliationFor]; ok && e.RetaliationFor != "" {
			n.edges = append(n.edges, netEdge{fmt.Sprintf("e%d", i), to, "retaliation_for"})
		}
	}
	return n
}

// kindRank orders the kinds an entity may have: one that acts anywhere is
// an actor, one only targeted a target.
func kindRank(kind string) int {
	switch kind {
	case NodeActor:
		return 0
	case NodeTarget:
		return 1
	}
	return 2
}

// eventPlaces are an event's places, and its country unless among them.
func eventPlaces(e extract.Event) []extract.Ref {
	places := append([]extract.Ref{}, e.Places...)
	if e.Country == nil || e.Country.ID == "" {
		return places
	}
	for _, p := range places {
		if p.ID == e.Country.ID {
			return places
		}
	}
	return append(places, *e.Country)
}

// eventAttrs are an event node's attributes.
func eventAttrs(e extract.Event) map[string]string {
	a := map[string]string{"kind": NodeEvent, "iri": e.ID, "type": e.Type, "subtype": e.Subtype,
		"cameo": e.Cameo, "sources": strconv.Itoa(len(e.Sources))}
	if e.Date != nil {
		a["date"] = *e.Date
	}
	if e.Country != nil {
		a["country"] = e.Country.Name
	}
	setInt := func(key string, v *int) {
		if v != nil {
			a[key] = strconv.Itoa(*v)
		}
	}
	setInt("killed_min", e.Killed)
	setInt("killed_max", orLow(e.KilledMax, e.Killed))
	setInt("injured_min", e.Injured)
	setInt("injured_max", orLow(e.InjuredMax, e.Injured))
	return a
}

// orLow is hi, or lo when the sources agree (hi unset).
func orLow(hi, lo *int) *int {
	if hi != nil {
		return hi
	}
	return lo
}

// EventGraphML writes events (fused, as graph.Store.Events returns them)
// as the actor–event network in GraphML: a node per actor, target, place
// and event with the attributes kind, label, iri, entity_class, country, type,
// subtype, cameo, date, killed_min, killed_max, injured_min, injured_max
// and sources (where they apply), and directed edges with a role: actor
// (actor → event), target (event → target), place (event → place) and
// retaliation_for (event → event).
func EventGraphML(w io.Writer, events []extract.Event) error {
	n := eventNetwork(events)
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
`)
	for _, a := range netAttrs {
		fmt.Fprintf(&b, "  <key id=%q for=\"node\" attr.name=%q attr.type=%q/>\n", a.name, a.name, a.typ)
	}
	b.WriteString(`  <key id="role" for="edge" attr.name="role" attr.type="string"/>
  <graph id="events" edgedefault="directed">
`)
	for _, node := range append(append([]netNode{}, n.entities...), n.events...) {
		fmt.Fprintf(&b, "    <node id=%q>", node.id)
		xmlData(&b, "label", node.label)
		for _, a := range netAttrs {
			if v := node.attrs[a.name]; v != "" {
				xmlData(&b, a.name, v)
			}
		}
		b.WriteString("</node>\n")
	}
	for i, e := range n.edges {
		fmt.Fprintf(&b, "    <edge id=\"r%d\" source=%q target=%q>", i+1, e.from, e.to)
		xmlData(&b, "role", e.role)
		b.WriteString("</edge>\n")
	}
	b.WriteString("  </graph>\n</graphml>\n")
	_, err := w.Write(b.Bytes())
	return err
}
