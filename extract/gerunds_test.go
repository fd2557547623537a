package extract

import (
	"slices"
	"testing"
)

// TestOccurrenceSubjects: an event noun that is the subject of a verb of
// occurrence reports the event, where the noun is a gerund that opens the
// sentence, the verb an irregular past with its particle, or the subject
// a run of such events ("a burst of"). One row per shape; the sentences
// are written for this test.
func TestOccurrenceSubjects(t *testing.T) {
	tests := []struct {
		name, in, place string
		events          int
	}{
		{"a gerund opening the sentence before a past verb", "Residents fled. Fighting erupted in Kessa on Monday.", "Kessa", 1},
		{"a gerund opening the sentence before an -s verb", "Residents fled. Shelling continues in Kessa.", "Kessa", 1},
		{"an irregular past with its particle", "Residents fled. Clashes broke out between herders and farmers in Kessa on Monday.", "Kessa", 1},
		{"a run of events that broke out is one outbreak", "Residents fled. A burst of shelling broke out in Kessa overnight.", "Kessa", 1},
		{"a run of events that hit over years is a habit", "Residents fled. A series of attacks has hit Kessa over the years.", "", 0},
		{"a gerund with its object opens an adjunct: no event of its own", "Speaking to reporters in Kessa, the governor praised the harvest.", "", 0},
	}
	ex := Default()
	for _, tt := range tests {
		n, places := eventNames(extractSentence(t, ex, tt.in), EventAttack, placesOf)
		if n != tt.events || tt.place != "" && !slices.Contains(places, tt.place) {
			t.Errorf("%s: %q: %d attacks, places %q, want %d in %q", tt.name, tt.in, n, places, tt.events, tt.place)
		}
	}
}
