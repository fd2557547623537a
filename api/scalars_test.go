package api

import (
	"maps"
	"slices"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// TestEnumsMatchVocabulary checks that the schema's EventType and
// EntityClass enums hold the vocabulary's event types (and the built-in
// extractor's Abduction) and entity classes, and Other.
func TestEnumsMatchVocabulary(t *testing.T) {
	doc, err := parser.ParseSchema(&ast.Source{Input: schemaText})
	if err != nil {
		t.Fatal(err)
	}
	if !eventTypeNames["Attack"] || !eventTypeNames["Abduction"] || !entityClassNames["ArmedGroup"] {
		t.Fatalf("names %v %v", eventTypeNames, entityClassNames)
	}
	for _, tt := range []struct {
		enum  string
		names map[string]bool
	}{{"EventType", eventTypeNames}, {"EntityClass", entityClassNames}} {
		def := doc.Definitions.ForName(tt.enum)
		if def == nil {
			t.Fatalf("no enum %s", tt.enum)
		}
		var got []string
		for _, v := range def.EnumValues {
			got = append(got, v.Name)
		}
		want := append(slices.Sorted(maps.Keys(tt.names)), otherValue)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("enum %s = %v, want %v", tt.enum, got, want)
		}
	}
}

// TestEnumValue checks that a type or class outside the vocabulary (an
// external extractor's) is answered as Other.
func TestEnumValue(t *testing.T) {
	tests := []struct {
		names map[string]bool
		in    string
		want  string
	}{
		{eventTypeNames, "Attack", "Attack"},
		{eventTypeNames, "Abduction", "Abduction"},
		{eventTypeNames, "Cyberattack", "Other"},
		{eventTypeNames, "", "Other"},
		{entityClassNames, "ArmedGroup", "ArmedGroup"},
		{entityClassNames, "Vessel", "Other"},
	}
	for _, tt := range tests {
		if got := enumValue(tt.names, tt.in); got != tt.want {
			t.Errorf("enumValue(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestParseDate checks the forms a Date argument takes.
func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{"2024-01-18", "2024-01-18", false},
		{"2024-01", "2024-01", false},
		{"2024", "2024", false},
		{"2024-01-18T23:30:00+01:00", "2024-01-18", false},
		{"2024-13", "", true},
		{"2024-02-30", "", true},
		{"18/01/2024", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err != nil) != tt.wantErr || string(got) != tt.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}
