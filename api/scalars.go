package api

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// Date is the GraphQL scalar Date: an ISO 8601 calendar date as precise as
// the sources are, "2024-01-18", "2024-01" (a month) or "2024" (a year).
// As an argument it also takes an RFC 3339 time, whose day it keeps.
type Date string

// ImplementsGraphQLType tells graphql-go that Date is the schema's Date.
func (Date) ImplementsGraphQLType(name string) bool { return name == "Date" }

// UnmarshalGraphQL reads a Date argument: a string in one of the forms of
// Date, checked to be a real day, month or year.
func (d *Date) UnmarshalGraphQL(input any) error {
	s, ok := input.(string)
	if !ok {
		return fmt.Errorf("a Date is a string such as \"2024-01-31\", \"2024-01\" or \"2024\", got %v", input)
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalJSON writes a Date as a JSON string.
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(string(d)) }

var (
	isoDateRE = regexp.MustCompile(`^\d{4}(?:-\d{2}(?:-\d{2})?)?$`)
	// dateLayouts are the layouts of the ISO forms, by length.
	dateLayouts = map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}
)

// ParseDate checks s as a Date: YYYY-MM-DD, YYYY-MM or YYYY (a real day,
// month or year), or an RFC 3339 time, of which it keeps the day.
func ParseDate(s string) (Date, error) {
	if isoDateRE.MatchString(s) {
		if _, err := time.Parse(dateLayouts[len(s)], s); err == nil {
			return Date(s), nil
		}
	} else if t, err := time.Parse(time.RFC3339, s); err == nil {
		return Date(t.Format("2006-01-02")), nil
	}
	return "", fmt.Errorf("%q is not a Date: give a calendar date such as \"2024-01-31\", \"2024-01\" or \"2024\"", s)
}

// datePtr turns an optional ISO date of the model into an optional Date.
func datePtr(s *string) *Date {
	if s == nil || *s == "" {
		return nil
	}
	d := Date(*s)
	return &d
}

// dateArg is the string of an optional Date argument ("" when absent).
func dateArg(d *Date) string {
	if d == nil {
		return ""
	}
	return string(*d)
}

// otherValue is the value of the enums EventType and EntityClass for a
// type or class outside newsgraph's vocabulary.
const otherValue = "Other"

var (
	// eventTypeNames are the values of the enum EventType (Other aside):
	// the vocabulary's event types and those the built-in extractor
	// names outside it.
	eventTypeNames = union(localNames(schema.EventClasses()), extract.EventAbduction, extract.EventExpelDiplomat)
	// entityClassNames are the values of the enum EntityClass.
	entityClassNames = localNames(schema.EntityClasses())
)

func localNames(iris []quad.IRI) map[string]bool {
	out := make(map[string]bool, len(iris))
	for _, iri := range iris {
		out[schema.LocalName(iri)] = true
	}
	return out
}

func union(names map[string]bool, more ...string) map[string]bool {
	for _, n := range more {
		names[n] = true
	}
	return names
}

func sortedNames(names map[string]bool) []string {
	return slices.Sorted(maps.Keys(names))
}

// withEnumValues adds values to the enums of an SDL text, before the
// value Other that closes each of them.
func withEnumValues(sdl string, values map[string][]string) string {
	for enum, names := range values {
		start := strings.Index(sdl, "enum "+enum+" {")
		end := -1
		if start >= 0 {
			end = strings.Index(sdl[start:], "  "+otherValue+"\n}")
		}
		if end < 0 {
			panic("api: schema.graphql has no enum " + enum + " closed by " + otherValue)
		}
		end += start
		sdl = sdl[:end] + "  " + strings.Join(names, "\n  ") + "\n" + sdl[end:]
	}
	return sdl
}

// enumValue is name when the vocabulary (names) has it, else Other.
func enumValue(names map[string]bool, name string) string {
	if names[name] {
		return name
	}
	return otherValue
}
