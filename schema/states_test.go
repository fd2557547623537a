package schema

import (
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

// TestHasField checks HasField against strings.Fields, one row per shape
// of literal.
func TestHasField(t *testing.T) {
	for _, c := range []struct {
		name, s, id string
	}{
		{"only field", "abc", "abc"},
		{"first of several", "abc def ghi", "abc"},
		{"middle", "abc def ghi", "def"},
		{"last", "abc def ghi", "ghi"},
		{"absent", "abc def ghi", "xyz"},
		{"prefix of a field", "abcd def", "abc"},
		{"suffix of a field", "xabc def", "abc"},
		{"inside a field, then whole", "xabcx abc", "abc"},
		{"runs of white space", "  abc\t\tdef \n", "def"},
		{"dotted set id", "e1.f2 e3.f4", "e3.f4"},
		{"part of a dotted id", "e1.f2 e3.f4", "f2"},
		{"empty id", "abc  def", ""},
		{"empty literal", "", "abc"},
		{"non-breaking space separates", "abc\u00a0def", "def"},
	} {
		want := false
		for _, f := range strings.Fields(c.s) {
			want = want || f == c.id
		}
		if got := HasField(c.s, c.id); got != want {
			t.Errorf("%s: HasField(%q, %q) = %v, want %v", c.name, c.s, c.id, got, want)
		}
	}
}

// TestFactSetHolds checks FactSetHolds against FactSetMembers, one row per
// shape of value.
func TestFactSetHolds(t *testing.T) {
	const base = "http://example.org/"
	for _, c := range []struct {
		name string
		v    quad.Value
		key  string
	}{
		{"listed key", quad.TypedString{Value: "e1.s1 k1 k2", Type: FactSet}, "k2"},
		{"unlisted key", quad.TypedString{Value: "e1.s1 k1 k2", Type: FactSet}, "k3"},
		{"the set's own id is no key", quad.TypedString{Value: "e1.s1 k1", Type: FactSet}, "e1.s1"},
		{"a set without keys", quad.TypedString{Value: "e1.s1", Type: FactSet}, "e1.s1"},
		{"leading white space", quad.TypedString{Value: " e1.s1  k1", Type: FactSet}, "k1"},
		{"empty literal", quad.TypedString{Value: "", Type: FactSet}, "k1"},
		{"another type", quad.TypedString{Value: "e1.s1 k1", Type: Supported}, "k1"},
		{"a plain string", quad.String("e1.s1 k1"), "k1"},
	} {
		set, keys, ok := FactSetMembers(base, c.v)
		want := false
		for _, k := range keys {
			want = want || ok && k == c.key
		}
		got, holds := FactSetHolds(base, c.v, c.key)
		if holds != want || holds && got != set {
			t.Errorf("%s: FactSetHolds = %v, %v; want %v, %v", c.name, got, holds, set, want)
		}
	}
}
