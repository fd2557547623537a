package main

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
)

// JSON Lines of events, written without reflection.
//
// A full listing prints every event of the store, and encoding/json
// reflects over each. eventJSON appends the bytes json.Encoder
// (SetEscapeHTML(false)) writes for an extract.Event, field by field in
// the struct's order with its tags' names and omitempty, into one buffer
// reused from event to event. A string it cannot copy as it is (one that
// needs an escape, is not valid UTF-8 or holds U+2028 or U+2029) is left
// to encoding/json, and so is an event with a number that is not finite
// (an error). TestEventJSONEqualsEncoder compares the two on random
// events that fill every field, so a field added to the structs fails it
// until it is written here.

// eventJSON appends the JSON object of e, without a line break.
func eventJSON(b []byte, e *extract.Event) []byte {
	b = append(b, `{"id":`...)
	b = jsonString(b, e.ID)
	b = append(b, `,"type":`...)
	b = jsonString(b, e.Type)
	b = optString(b, `,"subtype":`, e.Subtype)
	b = optString(b, `,"cameo":`, e.Cameo)
	b = refsJSON(append(b, `,"actors":`...), e.Actors)
	if len(e.Agents) > 0 {
		b = refsJSON(append(b, `,"agents":`...), e.Agents)
	}
	b = refsJSON(append(b, `,"targets":`...), e.Targets)
	if len(e.TargetText) > 0 {
		b = stringsJSON(append(b, `,"target_text":`...), e.TargetText)
	}
	if len(e.ActorText) > 0 {
		b = stringsJSON(append(b, `,"actor_text":`...), e.ActorText)
	}
	b = refsJSON(append(b, `,"places":`...), e.Places)
	b = append(b, `,"country":`...)
	if e.Country == nil {
		b = append(b, "null"...)
	} else {
		b = refJSON(b, e.Country)
	}
	b = stringPtr(append(b, `,"date":`...), e.Date)
	b = stringPtr(append(b, `,"date_text":`...), e.DateText)
	b = optString(b, `,"date_precision":`, e.DatePrecision)
	b = stringsJSON(append(b, `,"weapons":`...), e.Weapons)
	b = intPtr(append(b, `,"killed":`...), e.Killed)
	b = intPtr(append(b, `,"injured":`...), e.Injured)
	if e.KilledMax != nil {
		b = intPtr(append(b, `,"killed_max":`...), e.KilledMax)
	}
	if e.InjuredMax != nil {
		b = intPtr(append(b, `,"injured_max":`...), e.InjuredMax)
	}
	b = optString(b, `,"operation":`, e.Operation)
	b = optString(b, `,"retaliation_for":`, e.RetaliationFor)
	b = jsonFloat(append(b, `,"confidence":`...), e.Confidence)
	b = append(b, `,"evidence":`...)
	start := len(b)
	b = spansJSON(b, e.Evidence)
	evidence := b[start:len(b):len(b)] // its bytes, for a source that shares its spans
	if len(e.Sources) > 0 {
		b = append(b, `,"sources":[`...)
		for i := range e.Sources {
			if i > 0 {
				b = append(b, ',')
			}
			var written []byte
			if sameSpans(e.Sources[i].Evidence, e.Evidence) {
				written = evidence
			}
			b = claimJSON(b, &e.Sources[i], written)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// sameSpans tells whether a and b are one slice of spans, not empty: the
// event's evidence is its first source's (graph's listings), written once
// and copied.
func sameSpans(a, b []extract.Span) bool {
	return len(a) > 0 && len(a) == len(b) && &a[0] == &b[0]
}

// claimJSON appends the JSON object of a source claim; evidence, where
// not nil, is the JSON of its evidence spans, already written.
func claimJSON(b []byte, c *extract.SourceClaim, evidence []byte) []byte {
	b = jsonString(append(b, `{"doc":`...), c.Doc)
	b = optString(b, `,"title":`, c.Title)
	b = optString(b, `,"url":`, c.URL)
	b = optString(b, `,"source":`, c.Source)
	b = optString(b, `,"published":`, c.Published)
	b = intPtr(append(b, `,"killed":`...), c.Killed)
	b = intPtr(append(b, `,"injured":`...), c.Injured)
	b = stringPtr(append(b, `,"date":`...), c.Date)
	switch {
	case evidence != nil:
		b = append(append(b, `,"evidence":`...), evidence...)
	case len(c.Evidence) > 0:
		b = spansJSON(append(b, `,"evidence":`...), c.Evidence)
	}
	return append(b, '}')
}

// refJSON appends the JSON object of an entity reference.
func refJSON(b []byte, r *extract.Ref) []byte {
	b = jsonString(append(b, `{"id":`...), r.ID)
	b = jsonString(append(b, `,"name":`...), r.Name)
	b = jsonString(append(b, `,"class":`...), r.Class)
	b = optString(b, `,"country":`, r.Country)
	if len(r.Aliases) > 0 {
		b = stringsJSON(append(b, `,"aliases":`...), r.Aliases)
	}
	if r.Lat != nil {
		b = jsonFloat(append(b, `,"lat":`...), *r.Lat)
	}
	if r.Lon != nil {
		b = jsonFloat(append(b, `,"lon":`...), *r.Lon)
	}
	return append(b, '}')
}

// arrayJSON appends the array of the objects of list, each written by
// elem (null for a nil slice, as encoding/json writes it).
func arrayJSON[T any](b []byte, list []T, elem func([]byte, *T) []byte) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = elem(b, &list[i])
	}
	return append(b, ']')
}

// refsJSON appends an array of references (null for a nil slice, as
// encoding/json writes it).
func refsJSON(b []byte, refs []extract.Ref) []byte {
	return arrayJSON(b, refs, refJSON)
}

// spansJSON appends an array of evidence spans (null for a nil slice).
func spansJSON(b []byte, spans []extract.Span) []byte {
	return arrayJSON(b, spans, spanJSON)
}

// spanJSON appends the JSON object of an evidence span.
func spanJSON(b []byte, s *extract.Span) []byte {
	b = strconv.AppendInt(append(b, `{"sentence":`...), int64(s.Sentence), 10)
	b = strconv.AppendInt(append(b, `,"start":`...), int64(s.Start), 10)
	b = strconv.AppendInt(append(b, `,"end":`...), int64(s.End), 10)
	b = jsonString(append(b, `,"text":`...), s.Text)
	return append(b, '}')
}

// stringsJSON appends an array of strings (null for a nil slice).
func stringsJSON(b []byte, list []string) []byte {
	return arrayJSON(b, list, stringJSON)
}

// stringJSON is jsonString of *s, for arrayJSON.
func stringJSON(b []byte, s *string) []byte { return jsonString(b, *s) }

// optString appends key and s unless s is empty (omitempty).
func optString(b []byte, key, s string) []byte {
	if s == "" {
		return b
	}
	return jsonString(append(b, key...), s)
}

func stringPtr(b []byte, s *string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return jsonString(b, *s)
}

func intPtr(b []byte, n *int) []byte {
	if n == nil {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, int64(*n), 10)
}

// jsonString appends s quoted: as it is where nothing in it needs an
// escape, else as encoding/json writes it.
func jsonString(b []byte, s string) []byte {
	if !plainJSON(s) {
		return encoded(b, s)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// plainJSON tells whether s is written as it is between quotes: valid
// UTF-8 with no quote, backslash, control character, U+2028 or U+2029.
// Its bytes are passed eight at a time where they are plain ASCII
// (plainASCII), again after each byte or character that is not: most of
// a record's bytes are its spans' texts, a few letters or dashes in them
// beyond ASCII.
func plainJSON(s string) bool {
	for i := 0; i < len(s); {
		if n := plainASCII(s[i:]); n > 0 {
			if i += n; i == len(s) {
				break
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += size
	}
	return true
}

// plainASCII returns the length of a prefix of s that is printable ASCII
// with no quote or backslash, found eight bytes at a time: a multiple of
// eight, or all of s where its last eight bytes are plain too.
func plainASCII(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if !plainWord(load64(s[i:])) {
			return i
		}
	}
	if i < len(s) && i >= 8 && plainWord(load64(s[len(s)-8:])) {
		return len(s)
	}
	return i
}

// load64 returns the first eight bytes of s (at least eight) as one
// integer, little endian.
func load64(s string) uint64 {
	s = s[:8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// plainWord tells whether the eight bytes of x are ASCII, none of them a
// control character, a quote or a backslash: bit twiddling's tests of a
// byte below n and of a zero byte, on the eight at once.
func plainWord(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	below := (x - ones*0x20) &^ x // a byte under 0x20 (of those under 0x80)
	quote := x ^ ones*'"'
	slash := x ^ ones*'\\'
	return (x|below|(quote-ones)&^quote|(slash-ones)&^slash)&highs == 0
}

// jsonFloat appends f, finite, as encoding/json writes a float64: the
// shortest decimal, in exponent form below 1e-6 and from 1e21 on.
func jsonFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-07 as e-7, as encoding/json does
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// encoded appends string s as encoding/json writes it without HTML
// escapes.
func encoded(b []byte, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}

// finiteJSON tells whether every number of e is finite: encoding/json
// fails on the others, and so must a listing that meets one.
func finiteJSON(e *extract.Event) bool {
	finite := func(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
	refFinite := func(r *extract.Ref) bool {
		return (r.Lat == nil || finite(*r.Lat)) && (r.Lon == nil || finite(*r.Lon))
	}
	for _, refs := range [][]extract.Ref{e.Actors, e.Agents, e.Targets, e.Places} {
		for i := range refs {
			if !refFinite(&refs[i]) {
				return false
			}
		}
	}
	return finite(e.Confidence) && (e.Country == nil || refFinite(e.Country))
}
