package input

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/araddon/dateparse"
)

// Publication dates outside these years are taken for typing errors.
const (
	minYear = 1800
	maxYear = 2199
)

var (
	yearOnlyRe = regexp.MustCompile(`^\d{4}(?:[-/.]\d{1,2})?$`)
	numericRe  = regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$`)
	weekdayRe  = regexp.MustCompile(`(?i)^(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+`)
)

// NormalizeDate turns a date in any common format ("2024-01-18",
// "January 18, 2024", "18 Jan 2024", "2024-01-18T10:00:00Z", an RFC 1123
// date, …) into YYYY-MM-DD, the date as written (no time-zone conversion).
// An empty string stays empty. An invalid date (2024-02-31), an incomplete
// one (2024-01), an ambiguous one (01/02/2024) or a year out of range is an
// error, never a guess.
func NormalizeDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if yearOnlyRe.MatchString(s) {
		return "", fmt.Errorf("incomplete date %q (want year, month and day)", s)
	}
	var t time.Time
	var err error
	if m := numericRe.FindStringSubmatch(s); m != nil {
		t, err = dayMonth(s, m)
	} else {
		t, err = dateparse.ParseStrict(weekdayRe.ReplaceAllString(s, ""))
	}
	if err != nil {
		return "", fmt.Errorf("invalid date %q: %v", s, err)
	}
	if y := t.Year(); y < minYear || y > maxYear {
		return "", fmt.Errorf("invalid date %q: year %d out of range", s, y)
	}
	return t.Format(time.DateOnly), nil
}

// dayMonth reads d/m/yyyy or m/d/yyyy where the order is unambiguous.
func dayMonth(s string, m []string) (time.Time, error) {
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	var day, month int
	switch {
	case a == b:
		day, month = a, b
	case a > 12 && b <= 12:
		day, month = a, b
	case b > 12 && a <= 12:
		day, month = b, a
	case a > 12 && b > 12:
		return time.Time{}, fmt.Errorf("no month")
	default:
		return time.Time{}, fmt.Errorf("ambiguous day and month order")
	}
	return makeDate(y, month, day)
}

// makeDate builds a date, failing for one that does not exist.
func makeDate(y, m, d int) (time.Time, error) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, fmt.Errorf("%04d-%02d-%02d does not exist", y, m, d)
	}
	return t, nil
}

// Dateline detection. Only the first few non-empty lines are looked at, and
// only two shapes count: a date right after a label ("date 2024-01-18 …",
// "Published: January 18, 2024", "Updated on 18 Jan 2024 10:30 GMT"), or a
// line holding nothing but a date, perhaps with a weekday and a time.
const (
	datelineLines   = 5
	datelineMaxLine = 300
)

const (
	monthPat = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	datePat  = `(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?` +
		`(?:(\d{4})-(\d{2})-(\d{2})` + // 2024-01-18
		`|` + monthPat + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})` + // January 18, 2024
		`|(\d{1,2})(?:st|nd|rd|th)?\s+` + monthPat + `,?\s+(\d{4}))` // 18 January 2024
	labelPat = `(?:source\s+link\s+)?(?:date[d]?|published(?:\s+on)?|first\s+published(?:\s+on)?|posted(?:\s+on)?|(?:last\s+)?updated(?:\s+on)?)\s*[:|–—-]?\s*`
	timePat  = `(?:\s*(?:[,|·•–—-]|at)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?)?`
)

var (
	labelledDateRe = regexp.MustCompile(`(?i)^[\s\W]*` + labelPat + datePat + `\b`)
	bareDateRe     = regexp.MustCompile(`(?i)^[\s\W]*` + datePat + timePat + `[\s.|·•–—-]*$`)
)

var months = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// DatelineDate returns the publication date (YYYY-MM-DD) stated by a
// dateline among the first lines of text, or "" when there is no obvious
// one. It is conservative: a date inside a sentence does not count.
func DatelineDate(text string) string {
	seen := 0
	for len(text) > 0 && seen < datelineLines {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		seen++
		if len(line) > datelineMaxLine {
			line = line[:datelineMaxLine]
		}
		m := labelledDateRe.FindStringSubmatch(line)
		if m == nil {
			m = bareDateRe.FindStringSubmatch(line)
		}
		if m == nil {
			continue
		}
		if d := matchedDate(m); d != "" {
			return d
		}
	}
	return ""
}

// matchedDate reads the groups of datePat in m.
func matchedDate(m []string) string {
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	var y, mo, d int
	switch {
	case m[1] != "":
		y, mo, d = atoi(m[1]), atoi(m[2]), atoi(m[3])
	case m[4] != "":
		mo, d, y = months[strings.ToLower(m[4][:3])], atoi(m[5]), atoi(m[6])
	case m[7] != "":
		d, mo, y = atoi(m[7]), months[strings.ToLower(m[8][:3])], atoi(m[9])
	default:
		return ""
	}
	if y < minYear || y > maxYear {
		return ""
	}
	t, err := makeDate(y, mo, d)
	if err != nil {
		return ""
	}
	return t.Format(time.DateOnly)
}
