package extract

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract/text"
)

func TestFindDates(t *testing.T) {
	pub := time.Date(2024, 1, 18, 0, 0, 0, 0, time.UTC) // a Thursday
	tests := []struct {
		in   string
		want string // first date's value, "" for none
	}{
		{"strikes on Thursday killed nine", "2024-01-18"},
		{"Iran's strikes on Tuesday on Pakistani soil", "2024-01-16"},
		{"air strikes late Monday in Iraq", "2024-01-15"},
		{"Iran claimed yesterday that", "2024-01-17"},
		{"an attack in December which killed 11", "2023-12"},
		{"a bombing earlier this month", "2024-01"},
		{"On 7 May 2020, the PMF shelled IS militants", "2020-05-07"},
		{"January 18, 2024", "2024-01-18"},
		{"on 31 February 2024 nothing happened", ""},
		{"on February 31, 2024 nothing happened", ""},
		{"on 31 February nothing happened", ""},
		{"on 18 January 20245 nothing happened", ""},
		{"on January 18, 20245 nothing happened", ""},
		{"on January 18 20245 nothing happened", ""},
		{"in January 20245 nothing happened", ""},
		{"on 18 January 1066 nothing happened", ""},
		{"on 18 January 2,000 people marched", "2024-01-18"},
		{"on Jan 1 02000", ""},
		{"in December 02023", ""},
		{"published 2024-01-16 at noon", "2024-01-16"},
		{"This morning Pakistan undertook strikes", "2024-01-18"},
		{"last Thursday", "2024-01-11"},
		{"they may strike", ""},
		{"in May", "2023-05"},
		{"On 2nd July, a vehicle was hit", "2023-07-02"},            // ordinal day
		{"on the 21st of June evening", "2023-06-21"},               // ordinal with "of"
		{"on June 21st, 2016, a mine exploded", "2016-06-21"},       // month first, ordinal
		{"KABUL, Jan 16 (Reuters) - on Monday", "2024-01-15"},       // a dateline's date is the report's
		{"ISLAMABAD, Tuesday: militants struck", ""},                // a dateline's weekday too
		{"KANDAHAR, Afghanistan, Jan 16 - on Monday", "2024-01-15"}, // place and country
		{"Kabul, 16 January, 2024 \u2014 strikes", ""},              // day first, em dash
		{"In Kabul, 16 January saw strikes", "2024-01-16"},          // "In" opens no dateline
		{"on March 3rd and 4th, raids hit Tembora", "2023-03-04"},   // a range, month first: its last day
		{"on March 3 and 4 in Tembora", "2023-03-04"},               // a range, a preposition after it
		{"raids of October 8-9, 2021 in Tembora", "2021-10-09"},     // a range with a year after it
		{"on March 3 to 5, raids hit Tembora", "2023-03-05"},        // a range with "to"
		{"on 8-9 October 2021, raids hit Tembora", "2021-10-09"},    // a range, day first
		{"on March 3 and 4 people died", "2023-03-03"},              // a count after "and", not a day
		{"between March 9 and 2 pm", "2023-03-09"},                  // a smaller number is no later day
	}
	for _, tt := range tests {
		got := findDates(text.Tokenize(tt.in, 0), pub)
		v := ""
		if len(got) > 0 {
			v = got[0].Value
		}
		if v != tt.want {
			t.Errorf("findDates(%q) = %q, want %q", tt.in, v, tt.want)
		}
	}
	if got := findDates(text.Tokenize("on Tuesday", 0), time.Time{}); len(got) != 0 {
		t.Errorf("a weekday resolved without a publication date: %v", got)
	}
}

func TestFindCasualties(t *testing.T) {
	tests := []struct {
		in           string
		killed, hurt int
	}{
		{"At least nine people have been killed after Pakistan said", 9, -1},
		{"“four children, three women and two men, who were foreign nationals, have been killed”", 9, -1},
		{"an attack that killed at least seven people", 7, -1},
		{"strikes that killed two children and wounded three others", 2, 3},
		{"killing two children and injuring three others", 2, 3},
		{"a suicide bombing that killed over 90 people", 90, -1},
		{"which killed 11 police officers", 11, -1},
		{"Pakistan hit seven locations", -1, -1},
		{"nine non-Iranian nationals, including two men, three women and four children, were killed", 9, -1},
		{"A number of terrorists were killed", -1, -1},
		{"Between 5 and 7 people were killed in Tembora", 5, -1}, // a range before its verb: the lowest figure
		{"raiders killed between 5 and 7 herders", 5, -1},        // a range after its verb
		{"Five to seven herders died during the raid", 5, -1},    // a range in words
		{"a blast that wounded 3-4 traders", -1, 3},              // a range with a dash
		{"killing five or six herders", 5, -1},                   // a range with "or"
		{"the toll rose from 5 to 7 people killed", 7, -1},       // a change, not a range: the later figure
		{"killed 2 and 3 injured", 2, 3},                         // "and" with no "between" joins two figures
	}
	for _, tt := range tests {
		k, h := -1, -1
		for _, c := range findCasualties(text.Tokenize(tt.in, 0)) {
			if c.Killed {
				k = max(k, c.N)
			} else {
				h = max(h, c.N)
			}
		}
		if k != tt.killed || h != tt.hurt {
			t.Errorf("%q: killed %d injured %d, want %d %d", tt.in, k, h, tt.killed, tt.hurt)
		}
	}
}

// TestEventDates checks the date an event gets: stated, carried from an
// earlier sentence, or inferred from the publication date or dateline.
func TestEventDates(t *testing.T) {
	for _, tc := range []struct {
		name, text, pub string
		date, precision string // "" date: null
	}{
		{"stated", "Taliban militants attacked a police checkpoint in Kandahar on Monday, killing three police officers.", "2024-01-17", "2024-01-15", DateDay},
		{"none stated: publication date", "Taliban militants attacked a police checkpoint in Kandahar, killing three police officers.", "2024-01-17", "2024-01-17", DateInferred},
		{"none stated, no publication date", "Taliban militants attacked a police checkpoint in Kandahar, killing three police officers.", "", "", ""},
		{"dateline and weekday, no publication date", "KABUL, Jan 16, 2024 (Reuters) - Taliban militants attacked a police checkpoint in Kandahar on Monday, killing three police officers.", "", "2024-01-15", DateDay},
		{"dateline only", "KABUL, Jan 16, 2024 (Reuters) - Taliban militants attacked a police checkpoint in Kandahar, killing three police officers.", "", "2024-01-16", DateInferred},
		{"weekday against publication, not the dateline's day", "KABUL, Tuesday (Reuters) - Taliban militants attacked a police checkpoint in Kandahar on Monday, killing three police officers.", "2024-01-18", "2024-01-15", DateDay},
		{"date before a word that moves time", "On 4 March 2020, a guard was hurt following a raid by Taliban fighters in Kandahar.", "2020-03-06", "2020-03-04", DateDay},
		{"date in an earlier sentence", "06 June. Four Kenyan police officers were killed when a roadside bomb laid by al Shabaab fighters hit their truck near Kotile.", "2018-06-08", "2018-06-06", DateDay},
		{"date in an earlier paragraph does not carry", "06 June.\n\nFour Kenyan police officers were killed when a roadside bomb laid by al Shabaab fighters hit their truck near Kotile.", "2018-06-08", "2018-06-08", DateInferred},
		{"month stated", "In December, Taliban militants attacked a police checkpoint in Kandahar.", "2024-01-17", "2023-12", DateMonth},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec, err := Default().Extract(context.Background(), Document{ID: "d", Text: tc.text, Published: tc.pub})
			if err != nil {
				t.Fatal(err)
			}
			if len(rec.Events) == 0 {
				t.Fatalf("no event in %q", tc.text)
			}
			e := rec.Events[0]
			got := ""
			if e.Date != nil {
				got = *e.Date
			}
			if got != tc.date || e.DatePrecision != tc.precision {
				t.Errorf("date %q (%s), want %q (%s)", got, e.DatePrecision, tc.date, tc.precision)
			}
			if tc.precision == DateInferred && e.DateText != nil {
				t.Errorf("an inferred date has date_text %q", *e.DateText)
			}
		})
	}
}

// TestEventDatesEach checks the dates of every event of a note: a date
// that opens the note frames the events of the sentences after it, a
// date between coordinated verbs dates both, "overnight" beside a stated
// date is that date's night, and a weekday before "after" is no "day
// after".
func TestEventDatesEach(t *testing.T) {
	for _, tc := range []struct {
		name, text, pub string
		dates           []string
	}{
		{"fronted date frames the next sentence", "On 9 June 2021, armed youths stormed a village market near Kandi. Soldiers responded and shot dead two of them.", "2021-06-11", []string{"2021-06-09", "2021-06-09"}},
		{"a date inside a sentence frames only it", "Armed youths stormed a village market near Kandi on 9 June 2021. Soldiers responded and shot dead two of them.", "2021-06-11", []string{"2021-06-09", "2021-06-11"}},
		{"overnight beside a stated date", "On 4 May 2022, overnight armed men abducted a herder in the village of Tobre.", "2022-05-06", []string{"2022-05-04"}},
		{"overnight alone", "Overnight armed men abducted a herder in the village of Tobre.", "2022-05-06", []string{"2022-05-05"}},
		{"date between coordinated verbs", "A councillor was kidnapped near Kitui on Wednesday and badly beaten.", "2017-08-11", []string{"2017-08-09", "2017-08-09"}},
		{"weekday before after", "A nurse died on Wednesday after her lorry struck a landmine near Wajir.", "2017-05-19", []string{"2017-05-17"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec, err := Default().Extract(context.Background(), Document{ID: "d", Text: tc.text, Published: tc.pub})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range rec.Events {
				if e.Type != EventAttack && e.Type != EventAbduction {
					continue
				}
				v := ""
				if e.Date != nil {
					v = *e.Date
				}
				got = append(got, v)
			}
			if strings.Join(got, " ") != strings.Join(tc.dates, " ") {
				t.Errorf("dates %q, want %q", got, tc.dates)
			}
		})
	}
}

// TestFindDatesMidSentence: every word that opens a date is read in the
// middle of a sentence of lower-case words, one row per word.
func TestFindDatesMidSentence(t *testing.T) {
	pub := time.Date(2024, 1, 18, 0, 0, 0, 0, time.UTC) // a Thursday
	tests := []struct {
		in   string
		want string // the date's text and value
	}{
		{"the rebels said yesterday that", "yesterday=2024-01-17"},
		{"the rebels struck today in the hills", "today=2024-01-18"},
		{"the rebels may strike tonight in the hills", "tonight=2024-01-18"},
		{"the rebels struck this afternoon near the dam", "this afternoon=2024-01-18"},
		{"the rebels struck twice this month near the dam", "this month=2024-01"},
		{"the rebels struck the dam earlier this month", "earlier this month=2024-01"},
		{"the rebels struck the dam last night", "last night=2024-01-17"},
		{"the rebels struck the dam last month", "last month=2023-12"},
		{"the rebels struck the dam last week", "last week=2024-01"},
		{"the rebels struck the dam overnight", "overnight=2024-01-17"},
		{"the rebels struck the dam on wednesday", "on wednesday=2024-01-17"},
		{"the rebels struck the dam on 16 january 2024", "16 january 2024=2024-01-16"},
		{"the rebels struck the dam in May", "May=2023-05"},
	}
	for _, tt := range tests {
		got := ""
		if ds := findDates(text.Tokenize(tt.in, 0), pub); len(ds) > 0 {
			got = ds[0].Text + "=" + ds[0].Value
		}
		if got != tt.want {
			t.Errorf("findDates(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
