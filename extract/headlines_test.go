package extract

import "testing"

// headlineLead is the lead of the invented articles below: the event, its
// doer, place and day in full.
const headlineLead = "\n\nNAIROBI, May 10 (Reuters) - Fighters of the Zanu Liberation Front raided the village of Kobo in Kenya's Marsabit county on Thursday, killing at least 40 people, residents said.\nThe fighters burned houses and drove off cattle, a county official said."

// TestSentenceCaseHeadline: the first line of an article is a headline by
// its form alone, capitals aside: no final full stop, short, an event told
// in the present tense. One row per shape; the lines are written for this
// test.
func TestSentenceCaseHeadline(t *testing.T) {
	tests := []struct {
		name, first string
		want        bool
	}{
		{"sentence case with the sources after a comma", "Militia raid on remote farming village kills 40, residents say", true},
		{"sentence case, a plural doer and a bare verb", "Armed herders attack three farming villages near the river and burn the granaries", true},
		{"a first line ending in a full stop is prose", "Militia fighters raided a farming village and killed 40 people there.", false},
		{"no act told in the present tense", "Residents of farming villages near the river were left without water for weeks", false},
		{"too long for a headline", "Militia raid on farming village in the north of the county kills 40 people and leaves hundreds homeless, residents and officials say", false},
	}
	r := loadResources()
	for _, tt := range tests {
		d := newDocState(r, Document{Text: tt.first + headlineLead})
		if got := d.headline[0]; got != tt.want {
			t.Errorf("%s: %q: headline %v, want %v", tt.name, tt.first, got, tt.want)
		}
		d.release()
	}
}

// TestHeadlineJoinsLead: a headline tells the lead's event in brief, so
// its frames join the event the lead makes (its day, its named doer)
// instead of making a second event dated by the publication day. One row
// per shape; the articles are written for this test.
func TestHeadlineJoinsLead(t *testing.T) {
	tests := []struct {
		name, first string
	}{
		{"sentence case, a described doer", "Militia raid on farming village kills 40, residents say"},
		{"title case", "Militia Raid On Farming Village Kills 40"},
		{"a place in brief that the lead does not name", "Militia raid kills 40 in northern Kenya"},
	}
	for _, tt := range tests {
		rec := extractOne(t, tt.first+headlineLead, "2024-05-10")
		n, actors := eventNames(rec, EventAttack, func(e *Event) []Ref { return e.Actors })
		if n != 1 {
			t.Errorf("%s: %d attacks, want 1 (the lead's)", tt.name, n)
			continue
		}
		ev := rec.Events[0]
		if deref(ev.Date) != "2024-05-09" || len(actors) != 1 || actors[0] != "Zanu Liberation Front" || !hasRef(ev.Places, "Kobo") {
			t.Errorf("%s: date %s actors %v places %v, want the lead's", tt.name, deref(ev.Date), actors, refNames(ev.Places))
		}
	}
}

// TestStatedDayKeepsBackground: an event whose frames carry no date, while
// its sentence states its day after the place ("… in the north on
// Sunday"), is not joined by a later sentence of the same doers dated
// years before. The article is written for this test.
func TestStatedDayKeepsBackground(t *testing.T) {
	in := "A Kenyan military air strike killed 12 herders, including three boys, in northern Marsabit county on Sunday, a spokesman for a herders' group said.\nThe military seized the county capital in an assault in February 2019."
	rec := extractOne(t, in, "2024-05-13")
	for _, ev := range rec.Events {
		if killedOf(&ev) == 12 && deref(ev.Date) != "2024-05-12" {
			t.Errorf("the shelling dated %s, want 2024-05-12", deref(ev.Date))
		}
	}
}

// TestStatedDayOfAnotherEvent: a sentence that states the day of its
// first event ("on Thursday") and tells of an earlier one of the same
// week ("this week") does not keep that earlier event from the later
// sentence that dates it: one event of the second doer, dated by that
// sentence. The article is written for this test.
func TestStatedDayOfAnotherEvent(t *testing.T) {
	in := "Chad struck rebel camps in Niger on Thursday, a retaliatory strike after Niger attacked a militia in Chad this week.\nNiger shelled the militia near the town of Bol on Tuesday, officials said."
	rec := extractOne(t, in, "2024-01-19")
	var dates []string
	for _, ev := range rec.Events {
		for _, a := range ev.Actors {
			if a.Name == "Niger" {
				dates = append(dates, deref(ev.Date))
			}
		}
	}
	if len(dates) != 1 || dates[0] != "2024-01-16" {
		t.Errorf("Niger's attack as events dated %v, want one dated 2024-01-16", dates)
	}
}
