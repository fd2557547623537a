package main

import (
	"bytes"
	"math"
	"math/rand"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// TestRecordJSONEqualsEncoder checks that recordJSON writes the bytes
// json.Encoder (SetEscapeHTML(false)) writes: for random records, which
// fill every field of the structs (a field recordJSON does not know
// fails), the same with nil slices and pointers and with strings that
// need escapes (HTML ones in a relation's object, which its MarshalJSON
// writes with json.Marshal), and the zero record.
func TestRecordJSONEqualsEncoder(t *testing.T) {
	records := []extract.Record{{}, {Entities: []extract.Entity{}, Warnings: []extract.Warning{{}}}}
	records = append(records, randomValues(t, 300, recordEdges)...)
	for i := range records {
		r := &records[i]
		want := encoderJSON(t, r)
		if !finiteRecord(r) {
			t.Fatalf("record %d: finiteRecord false for finite numbers", i)
		}
		got := append(recordJSON(nil, r), '\n')
		if !bytes.Equal(got, want) {
			t.Fatalf("record %d differs from encoding/json at byte %d:\n got %q\nwant %q", i, firstDiff(got, want), got, want)
		}
	}
}

// recordEdges is a copy of r with some slices and pointers nil or empty,
// and strings the encoders escape.
func recordEdges(rnd *rand.Rand, r extract.Record) extract.Record {
	texts := []string{"", "plain", `say "no"`, `back\slash`, "line\nbreak\ttab", "<b>&amp;</b>",
		"a > b", "para\u2028graph", "bad \xff byte", "Ğüñ 北京", "\x00"}
	text := func() string { return texts[rnd.Intn(len(texts))] }
	r.Doc.ID = text()
	if rnd.Intn(2) == 0 {
		r.Doc.Title, r.Doc.Source, r.Warnings = nil, nil, nil
	}
	if rnd.Intn(3) == 0 {
		r.Entities, r.Events, r.Relations = nil, []extract.Event{}, []extract.Relation{}
	}
	ents := append([]extract.Entity{}, r.Entities...)
	for i := range ents {
		ents[i].Name, ents[i].Type = text(), text()
		if rnd.Intn(2) == 0 {
			ents[i].Within, ents[i].Count, ents[i].Lat, ents[i].Aliases, ents[i].Mentions = nil, nil, nil, nil, []extract.Span{}
		}
	}
	if r.Entities != nil {
		r.Entities = ents
	}
	rels := append([]extract.Relation{}, r.Relations...)
	for i := range rels {
		rel := &rels[i]
		rel.Predicate, rel.Role = text(), text()
		switch rnd.Intn(3) {
		case 0:
			rel.Object = extract.Object{Value: text()}
		case 1:
			rel.Object = extract.Object{Ref: &extract.Ref{ID: text(), Name: text(), Class: text(), Country: text(), Aliases: []string{text(), text()}}}
		}
		if rnd.Intn(2) == 0 {
			rel.Org, rel.Evidence = nil, nil
		}
	}
	if r.Relations != nil {
		r.Relations = rels
	}
	warns := append([]extract.Warning{}, r.Warnings...)
	for i := range warns {
		warns[i].Message = text()
		if rnd.Intn(2) == 0 {
			warns[i].Evidence = nil
		}
	}
	if r.Warnings != nil {
		r.Warnings = warns
	}
	return r
}

// TestFiniteRecord checks that a record with a number encoding/json
// cannot write is told apart, so that the command fails on it as the
// encoder does.
func TestFiniteRecord(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, r := range []extract.Record{
		{Entities: []extract.Entity{{Confidence: nan}}},
		{Entities: []extract.Entity{{Lon: &inf}}},
		{Entities: []extract.Entity{{Within: &extract.Ref{Lat: &nan}}}},
		{Events: []extract.Event{{Confidence: inf}}},
		{Relations: []extract.Relation{{Object: extract.Object{Ref: &extract.Ref{Lat: &nan}}}}},
		{Relations: []extract.Relation{{Org: &extract.Ref{Lon: &inf}}}},
		{Relations: []extract.Relation{{Subject: extract.Ref{Lat: &inf}}}},
	} {
		if finiteRecord(&r) {
			t.Errorf("finiteRecord(%+v) = true", r)
		}
	}
}

// firstDiff returns the first index where a and b differ.
func firstDiff(a, b []byte) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
