package graph

import (
	"testing"
	"time"
)

// TestDateSpanAsTimeParse checks dateSpan against time.Parse with the three
// ISO layouts it stands for, one row per shape of input: days, months and
// years, the ends of months and leap years, and what the layouts refuse.
func TestDateSpanAsTimeParse(t *testing.T) {
	for _, s := range []string{
		"2024-03-05", "2024-02-29", "2023-02-29", "2023-02-28", "2024-12-31", "2024-04-31",
		"0000-01-01", "9999-12-31", "2024-00-10", "2024-13-01", "2024-01-00", "2024-01-32",
		"2024-03", "2024-02", "2024-12", "2024-00", "2024-13", "2024",
		"0000", "", "24", "202", "20245", "2024-3-05", "2024-03-5", "2024/03/05",
		"2024-03-05T10:00", "+024-03-05", "-024", "2O24", "2024-0a", "2024-03-0x",
		"2024-03-05 ", " 2024", "2024-", "2024-03-",
	} {
		from, to, ok := dateSpan(s)
		wantFrom, wantTo, wantOK := parseSpan(s)
		if ok != wantOK || !from.Equal(wantFrom) || !to.Equal(wantTo) || from.Location() != wantFrom.Location() {
			t.Errorf("dateSpan(%q) = %v, %v, %v; time.Parse gives %v, %v, %v", s, from, to, ok, wantFrom, wantTo, wantOK)
		}
	}
}

// TestDateSpanEveryDay checks every day, month and year from 1899 to 2101
// against time.Parse.
func TestDateSpanEveryDay(t *testing.T) {
	for d := time.Date(1899, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2102; d = d.AddDate(0, 0, 1) {
		for _, s := range []string{d.Format("2006-01-02"), d.Format("2006-01"), d.Format("2006")} {
			from, to, ok := dateSpan(s)
			wantFrom, wantTo, wantOK := parseSpan(s)
			if ok != wantOK || !from.Equal(wantFrom) || !to.Equal(wantTo) {
				t.Fatalf("dateSpan(%q) = %v, %v, %v; time.Parse gives %v, %v, %v", s, from, to, ok, wantFrom, wantTo, wantOK)
			}
		}
	}
}

// parseSpan is dateSpan as it was written with time.Parse.
func parseSpan(s string) (from, to time.Time, ok bool) {
	for _, l := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }},
	} {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t, l.next(t), true
		}
	}
	return time.Time{}, time.Time{}, false
}

// BenchmarkDateDistance measures the date comparison fusion makes for each
// pair of reports it weighs.
func BenchmarkDateDistance(b *testing.B) {
	for i := 0; i < b.N; i++ {
		dateDistance("2024-03-05", "2024-03")
	}
}

// TestDateDistanceAsTimes checks dateDistance, which counts in day
// numbers, against the distance of the spans' times for every pair of a
// set of days, months and years: near and far, across leap days, and far
// enough apart for time.Duration's limit.
func TestDateDistanceAsTimes(t *testing.T) {
	dates := []string{"", "2024", "2024-13", "2023-02-29", "0000", "0000-02", "0000-03-01", "0001-01-01",
		"1600-02-29", "1700-02", "1899-12-31", "1970-01-01", "1969-12-31", "2000-02-29", "2024-02",
		"2024-02-28", "2024-03-01", "2024-12", "2025", "2025-01-01", "2100-02-28", "2292-01-01", "9999-12-31"}
	for d := time.Date(2023, 11, 20, 0, 0, 0, 0, time.UTC); d.Year() < 2025; d = d.AddDate(0, 0, 17) {
		dates = append(dates, d.Format("2006-01-02"), d.Format("2006-01"))
	}
	for _, a := range dates {
		for _, b := range dates {
			days, known := dateDistance(a, b)
			wantDays, wantKnown := timeDistance(a, b)
			if days != wantDays || known != wantKnown {
				t.Errorf("dateDistance(%q, %q) = %d, %v; by times %d, %v", a, b, days, known, wantDays, wantKnown)
			}
		}
	}
}

// timeDistance is dateDistance as it was written with times.
func timeDistance(a, b string) (days int, known bool) {
	af, at, ok1 := parseSpan(a)
	bf, bt, ok2 := parseSpan(b)
	if !ok1 || !ok2 {
		return 0, false
	}
	switch {
	case at.Before(bf):
		return int(bf.Sub(at).Hours() / 24), true
	case bt.Before(af):
		return int(af.Sub(bt).Hours() / 24), true
	}
	return 0, true
}
