package extract

import (
	"testing"
	"time"
)

// TestDayString checks dayString and monthString against time's Format,
// one row per shape of year: padded, four digits, the edges of the
// four-digit range and beyond them, and a zone other than UTC.
func TestDayString(t *testing.T) {
	east := time.FixedZone("east", 11*3600)
	for _, tc := range []struct {
		name string
		t    time.Time
	}{
		{"a year of one digit", time.Date(7, time.March, 9, 0, 0, 0, 0, time.UTC)},
		{"a year of three digits", time.Date(812, time.October, 31, 0, 0, 0, 0, time.UTC)},
		{"a leap day", time.Date(2024, time.February, 29, 0, 0, 0, 0, time.UTC)},
		{"the last four-digit day", time.Date(9999, time.December, 31, 0, 0, 0, 0, time.UTC)},
		{"year 0", time.Date(0, time.January, 1, 0, 0, 0, 0, time.UTC)},
		{"a year of five digits", time.Date(10000, time.January, 1, 0, 0, 0, 0, time.UTC)},
		{"a year before 0", time.Date(-44, time.March, 15, 0, 0, 0, 0, time.UTC)},
		{"a day in another zone", time.Date(2023, time.December, 31, 20, 0, 0, 0, time.UTC).In(east)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := dayString(tc.t), tc.t.Format(time.DateOnly); got != want {
				t.Errorf("dayString = %q, Format gives %q", got, want)
			}
			if got, want := monthString(tc.t), tc.t.Format("2006-01"); got != want {
				t.Errorf("monthString = %q, Format gives %q", got, want)
			}
		})
	}
}
