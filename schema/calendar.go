package schema

import (
	"strings"

	"github.com/cayleygraph/quad"
)

// The calendar: an index of the fused events by date, which the store
// writes with each event's fused date so that a listing, newest or
// oldest first, reads only the dates and events of the page it serves.
//
// Its nodes are periods: the calendar itself (CalendarIRI), years, months
// and days (PeriodIRI). A period other than the calendar is linked to the
// period that contains it by Within (a day to its month, a month to its
// year, a year to the calendar); a fused event is linked by Dated to the
// period its fused date names (a day, or a month or year where only that
// is known; the calendar itself when it has no date). The links are
// labelled FusedGraph and follow the events: a period no event or
// shorter period is dated in is unlinked.
//
// A period's IRI ends with its date, so that the periods within one are
// ordered by their IRIs: a listing reads the years, then the months of
// the newest year, then its days, and stops when its page is full.

// Dated and Within link events to the calendar (see above).
const (
	// Dated links a fused event to the calendar period its date names.
	Dated quad.IRI = Vocab + "dated"
	// Within links a calendar period to the one that contains it.
	Within quad.IRI = Vocab + "within"
)

// CalendarIRI is the root of the store's calendar.
func CalendarIRI(base string) quad.IRI {
	return quad.IRI(base + "calendar")
}

// PeriodIRI is the calendar node of date, an ISO year, month or day
// ("2024", "2024-03", "2024-03-05"); the calendar itself for "".
func PeriodIRI(base, date string) quad.IRI {
	if date == "" {
		return CalendarIRI(base)
	}
	return quad.IRI(base + "calendar/" + date)
}

// PeriodDate is the date a calendar node stands for ("" for the calendar
// itself), and false for a node that is no period of base's calendar.
func PeriodDate(base string, node quad.Value) (string, bool) {
	iri, ok := node.(quad.IRI)
	if !ok {
		return "", false
	}
	if iri == CalendarIRI(base) {
		return "", true
	}
	d, ok := strings.CutPrefix(string(iri), base+"calendar/")
	return d, ok && d != ""
}

// ParentPeriod is the date of the period that contains date: the month
// of a day, the year of a month, "" (the calendar) for a year. ok is
// false for the calendar itself and for what is no ISO year, month or
// day.
func ParentPeriod(date string) (parent string, ok bool) {
	switch {
	case isPeriod(date, 10):
		return date[:7], true
	case isPeriod(date, 7):
		return date[:4], true
	case isPeriod(date, 4):
		return "", true
	}
	return "", false
}

// isPeriod tells whether s is an ISO date of n bytes: "YYYY" (4),
// "YYYY-MM" (7) or "YYYY-MM-DD" (10), digits where the layout has them.
func isPeriod(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < n; i++ {
		dash := i == 4 || i == 7
		if dash != (s[i] == '-') || (!dash && (s[i] < '0' || s[i] > '9')) {
			return false
		}
	}
	return true
}
