package main

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"testing/quick"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
)

// TestEventJSONEqualsEncoder checks that eventJSON writes the bytes
// json.Encoder (SetEscapeHTML(false)) writes: for random events, which
// fill every field of the structs (a field eventJSON does not know
// fails), the same with nil slices and pointers, numbers and strings at
// the edges of the encoder's forms, and the zero event.
func TestEventJSONEqualsEncoder(t *testing.T) {
	events := []extract.Event{{}, {Actors: []extract.Ref{}, Sources: []extract.SourceClaim{{}}}}
	events = append(events, randomValues(t, 500, edges)...)
	for i := range events {
		// as graph lists them: the event's evidence is its first
		// source's, which eventJSON writes once
		if i%3 == 0 && len(events[i].Sources) > 0 {
			events[i].Evidence = events[i].Sources[0].Evidence
		}
	}
	for i := range events {
		e := &events[i]
		want := encoderJSON(t, e)
		if !finiteJSON(e) {
			t.Fatalf("event %d: finiteJSON false for finite numbers", i)
		}
		got := append(eventJSON(nil, e), '\n')
		if !bytes.Equal(got, want) {
			t.Fatalf("event %d:\n got %s\nwant %s", i, got, want)
		}
	}
}

// randomValues returns n random values of T (testing/quick's, from a
// fixed seed), each followed by edges' copy of it.
func randomValues[T any](t *testing.T, n int, edges func(*rand.Rand, T) T) []T {
	t.Helper()
	rnd := rand.New(rand.NewSource(1))
	var out []T
	for range n {
		v, ok := quick.Value(reflect.TypeFor[T](), rnd)
		if !ok {
			t.Fatalf("quick.Value: no %v", reflect.TypeFor[T]())
		}
		x := v.Interface().(T)
		out = append(out, x, edges(rnd, x))
	}
	return out
}

// encoderJSON returns the bytes json.Encoder (SetEscapeHTML(false))
// writes for v.
func encoderJSON(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatalf("encoding/json: %v", err)
	}
	return buf.Bytes()
}

// edges is a copy of e with some slices and pointers nil or empty, and
// strings and numbers the encoder writes in its other forms.
func edges(rnd *rand.Rand, e extract.Event) extract.Event {
	texts := []string{"", "plain", `say "no"`, `back\slash`, "line\nbreak\ttab\r", "bell\x07\b\f",
		"<b>&amp;</b>", "para\u2028graph\u2029", "bad \xff byte", "Ğüñ 北京", "\x00"}
	floats := []float64{0, 0.5, -3.25, 1e-6, 9.99e-7, 1e-7, 1.5e-300, 123456789, 1e20, 1e21, -2.5e22, math.MaxFloat64}
	text := func() string { return texts[rnd.Intn(len(texts))] }
	num := func() float64 { return floats[rnd.Intn(len(floats))] }
	e.ID, e.Type, e.Subtype, e.Operation = text(), text(), text(), text()
	e.Confidence = num()
	if rnd.Intn(2) == 0 {
		e.Actors, e.Weapons, e.Evidence, e.Date, e.Killed = nil, nil, nil, nil, nil
	}
	if rnd.Intn(2) == 0 {
		e.Targets, e.Places, e.Country, e.DateText, e.Injured = []extract.Ref{}, nil, nil, nil, nil
		e.Evidence, e.Weapons, e.Agents, e.TargetText = []extract.Span{}, []string{}, []extract.Ref{}, []string{}
	}
	refs := append([]extract.Ref{}, e.Actors...)
	for i := range refs {
		refs[i].Name, refs[i].Country = text(), text()
		lat, lon := num(), num()
		refs[i].Lat, refs[i].Lon = &lat, &lon
		if rnd.Intn(2) == 0 {
			refs[i].Lat, refs[i].Aliases = nil, []string{}
		}
	}
	if e.Actors != nil {
		e.Actors = refs
	}
	src := append([]extract.SourceClaim{}, e.Sources...)
	for i := range src {
		src[i].Title, src[i].URL = text(), text()
		if rnd.Intn(2) == 0 {
			src[i].Evidence, src[i].Date = nil, nil
		}
	}
	e.Sources = src
	return e
}

// TestFiniteJSON checks that an event with a number encoding/json cannot
// write is told apart, so that the listing fails on it as the encoder
// does.
func TestFiniteJSON(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(-1)
	for _, e := range []extract.Event{
		{Confidence: nan},
		{Places: []extract.Ref{{Lat: &inf}}},
		{Country: &extract.Ref{Lon: &nan}},
	} {
		if finiteJSON(&e) {
			t.Errorf("finiteJSON(%+v) = true", e)
		}
	}
}

// TestPlainJSON checks plainJSON, which passes eight bytes at a time,
// against a test of each rune, over random strings of printable ASCII
// with, here and there, each byte or rune that needs an escape, at every
// offset of a word.
func TestPlainJSON(t *testing.T) {
	plainRunes := func(s string) bool {
		for i, r := range s {
			if r < 0x20 || r == '"' || r == '\\' || r == '\u2028' || r == '\u2029' ||
				r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
				return false
			}
		}
		return true
	}
	odd := []string{`"`, `\`, "\x00", "\x1f", "\n", " ", "\x7f", "~", "!", "#", "[", "]", "é", "北", "\u2028", "\u2029", "\uFFFD", "\xff", "\xe2\x80", "🙂"}
	rnd := rand.New(rand.NewSource(5))
	for range 20000 {
		var b strings.Builder
		for n := rnd.Intn(40); n > 0; n-- {
			if rnd.Intn(12) == 0 {
				b.WriteString(odd[rnd.Intn(len(odd))])
			} else {
				b.WriteByte(byte(0x20 + rnd.Intn(0x5f)))
			}
		}
		s := b.String()
		if got, want := plainJSON(s), plainRunes(s); got != want {
			t.Fatalf("plainJSON(%q) = %v, want %v", s, got, want)
		}
	}
}
