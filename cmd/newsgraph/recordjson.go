package main

import (
	"encoding/json"
	"math"

	"github.com/newsgraph/newsgraph/extract"
)

// Extraction records as JSON Lines, written without reflection.
//
// `newsgraph extract` prints one record a document, some ten times the
// size of its text, and encoding/json reflects over every field of every
// entity, event and span of it. recordJSON appends the bytes json.Encoder
// (SetEscapeHTML(false)) writes for an extract.Record, as eventJSON does
// for an event, whose writers it shares. A relation's object is written by
// its MarshalJSON method, which calls json.Marshal: its strings have the
// HTML escapes (\u003c, \u003e, \u0026) the encoder keeps, and objectJSON
// writes them so. A record with a number that is not finite is left to
// encoding/json, which fails on it (finiteRecord).
// TestRecordJSONEqualsEncoder compares the two on random records that
// fill every field.

// recordJSON appends the JSON object of r, without a line break.
func recordJSON(b []byte, r *extract.Record) []byte {
	b = docJSON(append(b, `{"doc":`...), &r.Doc)
	b = arrayJSON(append(b, `,"entities":`...), r.Entities, entityJSON)
	b = arrayJSON(append(b, `,"events":`...), r.Events, eventJSON)
	b = arrayJSON(append(b, `,"relations":`...), r.Relations, relationJSON)
	if len(r.Warnings) > 0 {
		b = arrayJSON(append(b, `,"warnings":`...), r.Warnings, warningJSON)
	}
	return append(b, '}')
}

// docJSON appends the JSON object of a record's document.
func docJSON(b []byte, d *extract.DocInfo) []byte {
	b = jsonString(append(b, `{"id":`...), d.ID)
	b = stringPtr(append(b, `,"title":`...), d.Title)
	b = stringPtr(append(b, `,"url":`...), d.URL)
	b = stringPtr(append(b, `,"published":`...), d.Published)
	if d.Source != nil {
		b = jsonString(append(b, `,"source":`...), *d.Source)
	}
	b = jsonString(append(b, `,"sha256":`...), d.SHA256)
	return append(b, '}')
}

// entityJSON appends the JSON object of an entity.
func entityJSON(b []byte, e *extract.Entity) []byte {
	b = jsonString(append(b, `{"id":`...), e.ID)
	b = jsonString(append(b, `,"name":`...), e.Name)
	b = jsonString(append(b, `,"class":`...), e.Class)
	b = optString(b, `,"type":`, e.Type)
	b = stringsJSON(append(b, `,"aliases":`...), e.Aliases)
	b = optString(b, `,"country":`, e.Country)
	b = optString(b, `,"wikidata":`, e.Wikidata)
	if e.Within != nil {
		b = refJSON(append(b, `,"within":`...), e.Within)
	}
	if e.Count != nil {
		b = intPtr(append(b, `,"count":`...), e.Count)
	}
	if e.Unidentified {
		b = append(b, `,"unidentified":true`...)
	}
	if e.Lat != nil {
		b = jsonFloat(append(b, `,"lat":`...), *e.Lat)
	}
	if e.Lon != nil {
		b = jsonFloat(append(b, `,"lon":`...), *e.Lon)
	}
	b = jsonFloat(append(b, `,"confidence":`...), e.Confidence)
	b = spansJSON(append(b, `,"mentions":`...), e.Mentions)
	return append(b, '}')
}

// relationJSON appends the JSON object of a relation.
func relationJSON(b []byte, r *extract.Relation) []byte {
	b = refJSON(append(b, `{"subject":`...), &r.Subject)
	b = jsonString(append(b, `,"predicate":`...), r.Predicate)
	b = objectJSON(append(b, `,"object":`...), &r.Object)
	b = optString(b, `,"role":`, r.Role)
	if r.Org != nil {
		b = refJSON(append(b, `,"org":`...), r.Org)
	}
	b = spansJSON(append(b, `,"evidence":`...), r.Evidence)
	return append(b, '}')
}

// warningJSON appends the JSON object of a warning.
func warningJSON(b []byte, w *extract.Warning) []byte {
	b = jsonString(append(b, `{"message":`...), w.Message)
	if w.Evidence != nil {
		b = spanJSON(append(b, `,"evidence":`...), w.Evidence)
	}
	return append(b, '}')
}

// objectJSON appends a relation's object as its MarshalJSON writes it:
// a reference, or {"value":…}, with json.Marshal's HTML escapes.
func objectJSON(b []byte, o *extract.Object) []byte {
	if o.Ref == nil {
		return append(htmlString(append(b, `{"value":`...), o.Value), '}')
	}
	r := o.Ref
	b = htmlString(append(b, `{"id":`...), r.ID)
	b = htmlString(append(b, `,"name":`...), r.Name)
	b = htmlString(append(b, `,"class":`...), r.Class)
	if r.Country != "" {
		b = htmlString(append(b, `,"country":`...), r.Country)
	}
	if len(r.Aliases) > 0 {
		b = append(b, `,"aliases":[`...)
		for i, s := range r.Aliases {
			if i > 0 {
				b = append(b, ',')
			}
			b = htmlString(b, s)
		}
		b = append(b, ']')
	}
	if r.Lat != nil {
		b = jsonFloat(append(b, `,"lat":`...), *r.Lat)
	}
	if r.Lon != nil {
		b = jsonFloat(append(b, `,"lon":`...), *r.Lon)
	}
	return append(b, '}')
}

// htmlString appends s quoted as json.Marshal writes it, with the HTML
// escapes: as it is where nothing in it needs an escape.
func htmlString(b []byte, s string) []byte {
	if !plainJSON(s) || hasHTML(s) {
		q, _ := json.Marshal(s) // a string always encodes
		return append(b, q...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// hasHTML tells whether s holds a byte json.Marshal escapes for HTML.
func hasHTML(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<', '>', '&':
			return true
		}
	}
	return false
}

// finiteRecord tells whether every number of r is finite: encoding/json
// fails on the others, and so must the command that meets one.
func finiteRecord(r *extract.Record) bool {
	finite := func(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
	ptr := func(f *float64) bool { return f == nil || finite(*f) }
	ref := func(r *extract.Ref) bool { return r == nil || ptr(r.Lat) && ptr(r.Lon) }
	for i := range r.Entities {
		e := &r.Entities[i]
		if !finite(e.Confidence) || !ptr(e.Lat) || !ptr(e.Lon) || !ref(e.Within) {
			return false
		}
	}
	for i := range r.Events {
		if !finiteJSON(&r.Events[i]) {
			return false
		}
	}
	for i := range r.Relations {
		rel := &r.Relations[i]
		if !ref(&rel.Subject) || !ref(rel.Object.Ref) || !ref(rel.Org) {
			return false
		}
	}
	return true
}
