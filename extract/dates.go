package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/extract/text"
)

// dateExpr is a date expression found in a sentence, resolved against the
// publication date: Value is YYYY-MM-DD, or YYYY-MM when only the month is
// known.
type dateExpr struct {
	a, b  int
	Text  string
	Value string
	// inferred marks a date reckoned from another event's ("a day
	// after"): a date the text states wins over it.
	inferred bool
}

// weekdayOf returns the weekday word w names. Every weekday ends in
// "day": the suffix spares most tokens the look-up.
func weekdayOf(w string) (time.Weekday, bool) {
	if !strings.HasSuffix(w, "day") {
		return 0, false
	}
	return weekdays.Get(w)
}

var weekdays = newWordMap(map[string]time.Weekday{"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday})

var months = newWordMap(map[string]time.Month{"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12})

// ParseDay parses an ISO date (YYYY-MM-DD), checking that the day exists.
func ParseDay(s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("invalid date %q: want YYYY-MM-DD", s)
	}
	return t, nil
}

// findDates returns the date expressions of a sentence, resolved against
// pub (the zero time when the publication date is unknown: relative
// expressions then stay unresolved and are dropped).
func findDates(toks []text.Token, pub time.Time) []dateExpr {
	return dropDateline(toks, findDatesRaw(toks, pub))
}

// capitalisedMonth returns the month a capitalised token names; the case
// first, the cheaper test, which most tokens fail. It is asked of every
// token: a pointer spares the copy of each.
func capitalisedMonth(t *text.Token) (time.Month, bool) {
	if !t.Upper() || !markMonth.has(t) {
		return 0, false
	}
	return months.Get(t.Norm)
}

// findDatesRaw returns every date expression of a sentence, a dateline's
// included.
func findDatesRaw(toks []text.Token, pub time.Time) []dateExpr {
	var out []dateExpr
	has := !pub.IsZero()
	day := dayString
	for i := 0; i < len(toks); i++ {
		n := toks[i].Norm
		nx := func(k int) string {
			if i+k < len(toks) {
				return toks[i+k].Norm
			}
			return ""
		}
		pv := func(k int) string {
			if i-k >= 0 {
				return toks[i-k].Norm
			}
			return ""
		}
		add := func(a, b int, v string) {
			out = append(out, dateExpr{a: a, b: b, Text: joinText(toks[a:b]), Value: v})
			i = b - 1
		}
		// 18 January 2024 / 7 May 2020 / 2nd July / 21st of June
		if toks[i].Kind == text.Number {
			mi := afterDayNumber(toks, i)
			if m, ok := months.Get(nx(mi - i)); ok {
				d, _ := strconv.Atoi(n)
				y := 0
				end := mi + 1
				if yy := yearOf(toks, mi+1); yy > 0 {
					y, end = yy, mi+2
				} else if mi+1 < len(toks) && yearLike(&toks[mi+1]) {
					end = mi + 2 // "18 January 20245": a year, but not one to trust
				} else if has {
					y = yearFor(pub, m)
				}
				if y > 0 && validDay(y, m, d) {
					add(i, end, day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)))
				} else {
					i = end - 1 // "31 February 2024" names no day
				}
				continue
			}
			// ISO 2024-01-18
			if len(n) == 4 && nx(1) == "-" && i+4 < len(toks) && toks[i+2].Kind == text.Number && nx(3) == "-" && toks[i+4].Kind == text.Number {
				if t, err := ParseDay(n + "-" + toks[i+2].Text + "-" + toks[i+4].Text); err == nil {
					add(i, i+5, day(t))
				}
				continue
			}
		}
		m, isMonth := time.Month(0), false
		if toks[i].Upper() { // most tokens are not: no call for them
			m, isMonth = capitalisedMonth(&toks[i])
		}
		if isMonth {
			// January 18, 2024 / January 18 / December 2023 / in December
			if i+1 < len(toks) && toks[i+1].Kind == text.Number {
				if y := yearOf(toks, i+1); y > 0 {
					add(i, i+2, fmt.Sprintf("%04d-%02d", y, m))
					continue
				}
				v, _ := strconv.Atoi(nx(1))
				if yearLike(&toks[i+1]) {
					i++ // "January 20245" names no month to resolve
					continue
				}
				if v >= 1 && v <= 31 {
					y := 0
					end := i + 2
					if ordinalSuffix(toks, i+2) {
						end++ // June 21st
					}
					if last, next, ok := dayRangeEnd(toks, end, v); ok {
						v, end = last, next // "September 11th and 12th": the last day
					}
					k := end
					if k < len(toks) && toks[k].Norm == "," {
						k++
					}
					untrusted := false
					if yy := yearOf(toks, k); yy > 0 {
						y, end = yy, k+1
					} else if k < len(toks) && yearLike(&toks[k]) {
						untrusted, end = true, k+1 // "January 18, 20245"
					}
					if y == 0 && has && !untrusted {
						y = yearFor(pub, m)
					}
					if y > 0 && validDay(y, m, v) {
						add(i, end, day(time.Date(y, m, v, 0, 0, 0, 0, time.UTC)))
					} else {
						i = end - 1
					}
					continue
				}
			}
			if n == "may" && pv(1) != "in" {
				continue
			}
			if has && (pv(1) == "in" || pv(1) == "since" || pv(1) == "until" || pv(1) == "during" || pv(1) == "early" || pv(1) == "late" || pv(1) == "mid") {
				y := yearFor(pub, m)
				add(i, i+1, fmt.Sprintf("%04d-%02d", y, m))
			}
			continue
		}
		if !has {
			continue
		}
		wd, isDay := time.Weekday(0), false
		if strings.HasSuffix(n, "day") { // weekdayOf's own test: most tokens fail it, with no call
			wd, isDay = weekdayOf(n)
		}
		if isDay {
			t := lastWeekday(pub, wd)
			a := i
			switch pv(1) {
			case "last":
				if t.Equal(pub) {
					t = t.AddDate(0, 0, -7)
				}
				a = i - 1
			case "next":
				t = t.AddDate(0, 0, 7)
				a = i - 1
			case "late", "early", "on":
				a = i - 1
				if pv(2) == "on" {
					a = i - 2
				}
			}
			if nx(1) == "'" && nx(2) == "s" {
				add(a, i+3, day(t))
				continue
			}
			add(a, i+1, day(t))
			continue
		}
		switch n {
		case "yesterday":
			add(i, i+1, day(pub.AddDate(0, 0, -1)))
		case "today", "tonight":
			add(i, i+1, day(pub))
		case "this":
			switch nx(1) {
			case "morning", "afternoon", "evening":
				add(i, i+2, day(pub))
			case "month":
				add(i, i+2, monthString(pub))
			}
		case "earlier":
			if nx(1) == "this" && nx(2) == "month" {
				add(i, i+3, monthString(pub))
			}
		case "last":
			switch nx(1) {
			case "night":
				add(i, i+2, day(pub.AddDate(0, 0, -1)))
			case "month":
				add(i, i+2, monthString(pub.AddDate(0, -1, 0)))
			case "week":
				// only the month is sure
				add(i, i+2, monthString(pub.AddDate(0, 0, -7)))
			}
		case "overnight":
			// a night reported in the morning began the day before
			add(i, i+1, day(pub.AddDate(0, 0, -1)))
		}
	}
	return dropNightOfStated(toks, out)
}

// dropNightOfStated removes "overnight" from the dates of a sentence that
// states another: "On 4 May, overnight gunmen abducted…" is the night of
// the day stated, not the night before publication.
func dropNightOfStated(toks []text.Token, dates []dateExpr) []dateExpr {
	if len(dates) < 2 {
		return dates
	}
	out := dates[:0]
	for _, dt := range dates {
		if dt.b-dt.a == 1 && toks[dt.a].Norm == "overnight" {
			continue
		}
		out = append(out, dt)
	}
	return out
}

// ordinalSuffix reports whether toks[i] is the suffix of an ordinal
// written in figures ("2nd", "21st", "3rd", "4th"), which the tokeniser
// splits from its number.
func ordinalSuffix(toks []text.Token, i int) bool {
	if i <= 0 || i >= len(toks) || toks[i].SpaceBefore || toks[i-1].Kind != text.Number {
		return false
	}
	switch toks[i].Norm {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// dayRangeEnd reads the second day of a range after a month and its first
// day at toks[k:] ("September 11th and 12th", "January 15-16", "May 3 to
// 5"): the range is dated by its last day, as a range written day first
// ("15-16 January", "11 and 12 September") is, whose last day alone stands
// before the month. It returns that day and the index after it; ok is
// false where no later day follows, or where the number counts something
// ("on May 5 and 6 people died").
func dayRangeEnd(toks []text.Token, k, first int) (last, next int, ok bool) {
	if k+1 >= len(toks) || toks[k+1].Kind != text.Number {
		return 0, 0, false
	}
	switch toks[k].Norm {
	case "and", "-", "to", "–":
	default:
		return 0, 0, false
	}
	d, err := strconv.Atoi(toks[k+1].Norm)
	if err != nil || d <= first || d > 31 {
		return 0, 0, false
	}
	next = k + 2
	if ordinalSuffix(toks, next) {
		return d, next + 1, true
	}
	if next < len(toks) && toks[next].Kind == text.Word && !prepositions.Has(toks[next].Norm) {
		return 0, 0, false
	}
	return d, next, true
}

// afterDayNumber is the index of the token that may name the month after
// the day number at toks[i]: past an ordinal suffix and an "of" ("the
// 21st of June").
func afterDayNumber(toks []text.Token, i int) int {
	j := i + 1
	if ordinalSuffix(toks, j) {
		j++
		if j < len(toks) && toks[j].Norm == "of" {
			j++
		}
	}
	return j
}

// dropDateline removes a dateline's date from a sentence's dates: a date
// that follows the place a report is filed from and its comma at the start
// of a sentence, and precedes the agency or the dash that opens the story
// ("KABUL, Jan 16 (Reuters) -", "ISLAMABAD, Tuesday:"). It dates the
// report, not the event, and a weekday in the story resolves against the
// publication date, not against it.
func dropDateline(toks []text.Token, dates []dateExpr) []dateExpr {
	if len(dates) == 0 || !isDateline(toks, dates[0]) {
		return dates
	}
	return dates[1:]
}

// isDateline reports whether a date expression is a dateline's.
func isDateline(toks []text.Token, dt dateExpr) bool {
	if dt.a < 2 || dt.a > 6 || toks[dt.a-1].Norm != "," {
		return false
	}
	for k := 0; k < dt.a-1; k++ {
		t := &toks[k]
		switch {
		case t.Kind == text.Word && t.Upper():
		case t.Norm == "-" || t.Norm == "." || t.Norm == ",":
		default:
			return false // a lower-case word or a figure: a sentence, not a place
		}
	}
	k := dt.b
	if k < len(toks) && toks[k].Norm == "," {
		k++
	}
	if yearOf(toks, k) > 0 {
		k++ // "16 January, 2024"
	}
	if k >= len(toks) {
		return false
	}
	switch toks[k].Text {
	case "(", "-", "\u2013", "\u2014", ":", "/":
		return true
	}
	return false
}

// datelineReach is the most tokens between a dateline's place and the
// bracket of its outlet: "KABUL, Afghanistan, March 3 (AP)".
const datelineReach = 8

// datelineHead reports whether the tokens from b on go on as the rest of
// a dateline after its place: capitalised words, figures and commas up
// to an outlet in brackets ("(Reuters)") that a dash or the sentence's
// end follows, or, with no outlet, up to a dash after a comma and the
// country. "KABUL (Reuters) -", "HERAT, March 3 (AP) -", "JUBA, South
// Sudan -".
func datelineHead(toks []text.Token, b int) bool {
	comma := false
	for k := b; k < len(toks) && k < b+datelineReach; k++ {
		t := &toks[k]
		switch {
		case t.Norm == "(":
			return k+2 < len(toks) && toks[k+1].Kind == text.Word && toks[k+2].Norm == ")" && (k+3 == len(toks) || datelineDash(toks[k+3].Text))
		case datelineDash(t.Text) && t.Norm != ":":
			return comma && toks[k-1].Kind == text.Word
		case t.Norm == ",":
			comma = true
		case t.Norm == "." || t.Kind == text.Number || t.Kind == text.Word && t.Upper():
		default:
			return false
		}
	}
	return false
}

// datelineDash reports whether s is a dash that ends a dateline.
func datelineDash(s string) bool {
	switch s {
	case "-", "\u2013", "\u2014", ":":
		return true
	}
	return false
}

// datelineDay is the day a dateline among the first sentences states in
// full ("KABUL, Jan 16, 2024 (Reuters) -"), or the zero time: the date
// relative expressions resolve against where the document gives no
// publication date.
func datelineDay(sents []text.Sentence) time.Time {
	for _, s := range sents[:min(2, len(sents))] {
		toks := s.Tokens
		for _, dt := range findDatesRaw(toks, time.Time{}) {
			if !isDateline(toks, dt) {
				continue
			}
			if t, err := ParseDay(dt.Value); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}

// yearOf returns the year that toks[i] names, four digits from 1901 to
// 2199, or 0.
func yearOf(toks []text.Token, i int) int {
	if i >= len(toks) || len(toks[i].Text) != 4 || !yearLike(&toks[i]) {
		return 0
	}
	y, _ := strconv.Atoi(toks[i].Text)
	if y <= 1900 || y >= 2200 {
		return 0
	}
	return y
}

// yearLike reports whether a token is a bare number of four digits or
// more, which after a day and month can only be meant as a year: when it is
// not a plausible one (20245, 1066, 02024) the date is not resolved against
// the publication date instead.
func yearLike(t *text.Token) bool {
	if t.Kind != text.Number || len(t.Text) < 4 {
		return false
	}
	for i := 0; i < len(t.Text); i++ {
		if t.Text[i] < '0' || t.Text[i] > '9' {
			return false
		}
	}
	return true
}

func validDay(y int, m time.Month, d int) bool {
	if d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// yearFor is the year of the most recent month m on or before pub.
func yearFor(pub time.Time, m time.Month) int {
	if m > pub.Month() {
		return pub.Year() - 1
	}
	return pub.Year()
}

// lastWeekday is the most recent day on or before pub that falls on wd.
func lastWeekday(pub time.Time, wd time.Weekday) time.Time {
	diff := (int(pub.Weekday()) - int(wd) + 7) % 7
	return pub.AddDate(0, 0, -diff)
}

func joinText(toks []text.Token) string {
	if len(toks) == 1 {
		return toks[0].Text
	}
	n := 0
	for i := range toks {
		t := &toks[i]
		if i > 0 && t.SpaceBefore {
			n++
		}
		n += len(t.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for i := range toks {
		t := &toks[i]
		if i > 0 && t.SpaceBefore {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// eventDates settles the dates of a document's events (settleDate),
// knowing which sentences each event cites.
type eventDates struct {
	d      *docState
	ref    time.Time
	refDay string // dayString(ref), the date of an event no text dates
	// cited counts the events that cite each sentence, by sentence.
	cited []int
}

func newEventDates(d *docState, events []*docEvent, ref time.Time) *eventDates {
	cited := resize(d.buf.cited, len(d.sents))
	clear(cited)
	d.buf.cited = cited
	ed := &eventDates{d: d, ref: ref, cited: cited}
	if !ref.IsZero() {
		ed.refDay = dayString(ref)
	}
	for _, ev := range events {
		for k, f := range ev.frames {
			if !citedBefore(ev.frames[:k], f.s) {
				ed.cited[f.s]++
			}
		}
	}
	return ed
}

// citedBefore reports whether one of frames, an event's frames before
// the one read, is in sentence s: an event counts once in each sentence
// it cites, however many of its frames stand there. An event has a few
// frames, which a scan reads sooner than a set is made.
func citedBefore(frames []*frame, s int) bool {
	for _, f := range frames {
		if f.s == s {
			return true
		}
	}
	return false
}

// dayString is t.Format(time.DateOnly), written without reading the
// layout: every date the extractor reads is written so. A year beyond
// four digits, or before year 0, is left to Format.
func dayString(t time.Time) string {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.Format(time.DateOnly)
	}
	b := [10]byte{'0' + byte(y/1000), '0' + byte(y/100%10), '0' + byte(y/10%10), '0' + byte(y%10), '-',
		'0' + byte(m/10), '0' + byte(m%10), '-', '0' + byte(d/10), '0' + byte(d%10)}
	return string(b[:])
}

// monthString is t.Format("2006-01"): dayString's first seven bytes.
func monthString(t time.Time) string {
	if y := t.Year(); y < 0 || y > 9999 {
		return t.Format("2006-01")
	}
	return dayString(t)[:7]
}

// settleDate fills the date of an event that its frames left undated and
// marks every date's precision. An undated event takes the first date its
// own sentences state where no other event shares them, then the nearest
// date of the sentences before its first one that report no event (the
// time carries forward within a paragraph until another event: "06 June.
// Five police were killed… Al Shabaab claims…"), or the date that opens
// the sentence of the event before it ("On 3 May, youths fired on a
// crowd. Police responded…": fronted), then the reference date (the
// publication date, or the dateline's), marked inferred. Only a document
// with no date at all leaves it empty.
func (ed *eventDates) settleDate(ev *docEvent, out *Event) {
	if out.Date == nil {
		if dt, ok := ed.textDate(ev); ok {
			v, t := dt.Value, dt.Text
			out.Date, out.DateText = &v, &t
		} else if !ed.ref.IsZero() {
			v := ed.refDay
			out.Date, out.DateText, out.DatePrecision = &v, nil, DateInferred
			return
		}
	}
	if out.Date != nil {
		out.DatePrecision = precisionOf(*out.Date)
	}
}

// textDate finds a date for an undated event in the sentences that only
// it reports, then in the eventless sentences just before its first one.
func (ed *eventDates) textDate(ev *docEvent) (dateExpr, bool) {
	first := -1
	for _, f := range ev.frames {
		if first < 0 || f.s < first {
			first = f.s
		}
		if ed.cited[f.s] > 1 {
			continue
		}
		if dates := findDates(ed.d.sents[f.s].Tokens, ed.ref); len(dates) > 0 {
			return dates[0], true
		}
	}
	for s := first - 1; s >= 0 && !ed.paragraphBreak(s); s-- {
		if ed.d.skip[s] {
			continue
		}
		toks := ed.d.sents[s].Tokens
		dates := findDates(toks, ed.ref)
		if ed.cited[s] > 0 {
			// a sentence of another event: only a date that opens it
			// goes on to the sentences after it
			if len(dates) > 0 && fronted(toks, dates[0]) {
				return dates[0], true
			}
			break
		}
		if len(dates) > 0 {
			return dates[len(dates)-1], true
		}
	}
	return dateExpr{}, false
}

// fronted reports whether a date opens its sentence, alone or after a
// preposition, and is set off by a comma: "On 3 May 2019, youths fired
// on a crowd… Police responded, killing five." A time put first frames
// the account that follows until another is given.
func fronted(toks []text.Token, dt dateExpr) bool {
	if dt.a > 1 || dt.a == 1 && !frontingWords.Has(toks[0].Norm) {
		return false
	}
	return dt.b < len(toks) && toks[dt.b].Norm == ","
}

// frontingWords are the words that may stand before a date that opens a
// sentence ("On 3 May 2019, …").
var frontingWords = grammarList("frontingWords")

// paragraphBreak reports whether a new paragraph starts after sentence s:
// a date does not carry across one.
func (ed *eventDates) paragraphBreak(s int) bool {
	if s+1 >= len(ed.d.sents) {
		return false
	}
	a, b := ed.d.sents[s].End, ed.d.sents[s+1].Start
	return a <= b && b <= len(ed.d.doc.Text) && strings.Contains(ed.d.doc.Text[a:b], "\n")
}

// precisionOf is the precision of an ISO date: a day or a month.
func precisionOf(v string) string {
	if len(v) == len("2006-01") {
		return DateMonth
	}
	return DateDay
}
