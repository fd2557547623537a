package main

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// eventTypeNames lists the event types of the vocabulary by their local
// names ("Attack", "Condemn", ...), in the vocabulary's order.
func eventTypeNames() []string {
	var names []string
	for _, iri := range schema.EventClasses() {
		names = append(names, schema.LocalName(iri))
	}
	return names
}

// checkEventType returns the vocabulary's spelling of the event type that
// flag --NAME gave (matched case-insensitively), or a usage error that
// lists the valid types: a misspelt type must not silently select nothing.
func checkEventType(flag, s string) (string, error) {
	if s == "" {
		return "", nil
	}
	names := eventTypeNames()
	for _, n := range names {
		if strings.EqualFold(n, s) {
			return n, nil
		}
	}
	return "", usagef("--%s: unknown event type %q (want one of %s)", flag, s, strings.Join(names, ", "))
}
