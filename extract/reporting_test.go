package extract

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// wantEvent is one event a regression article must yield: its type, an
// actor (or "" for an unnamed attacker), and optionally a target, a place,
// a date and the killed figure (0: not checked).
type wantEvent struct {
	typ, actor, target, place, date string
	killed                          int
}

func TestReporting(t *testing.T) {
	tests := []struct {
		file   string
		events []wantEvent
	}{
		{"houthis-gulf-of-aden.txt", []wantEvent{
			{typ: EventAttack, actor: "Houthis", place: "Gulf of Aden", date: "2024-03-18"},
			{typ: EventAttack, actor: "United States", target: "Houthis", place: "Sanaa", date: "2024-03-18"},
		}},
		{"rsf-el-fasher.txt", []wantEvent{
			{typ: EventAttack, actor: "Rapid Support Forces", place: "El Fasher", date: "2024-03-17", killed: 15},
			{typ: EventCondemn, actor: "United Nations", target: "Rapid Support Forces"},
		}},
		{"kharkiv-drones.txt", []wantEvent{
			{typ: EventAttack, actor: "Russia", place: "Kharkiv Oblast", date: "2024-03-19"},
			{typ: EventSummon, actor: "Ukraine", target: "Hungary"},
		}},
		{"jnim-djibo.txt", []wantEvent{
			{typ: EventAttack, actor: "Jama'at Nasr al-Islam wal Muslimin", place: "Djibo", date: "2024-03-14", killed: 12},
		}},
		{"nabatieh-strike.txt", []wantEvent{
			{typ: EventAttack, actor: "Israel", target: "Hezbollah", date: "2024-03-20", killed: 3},
			{typ: EventAttack, actor: "Hezbollah", place: "Israel"},
			{typ: EventOfferMediation, actor: "France", target: "Lebanon"},
		}},
		{"kp-incident-notes.txt", []wantEvent{
			{typ: EventAttack, actor: "unidentified gunmen", place: "Bannu", date: "2023-03-12", killed: 4},
			{typ: EventAttack, actor: "Pakistan security forces", target: "Tehreek-e-Taliban Pakistan", date: "2023-03-14", killed: 3},
		}},
		{"mogadishu-bombing.txt", []wantEvent{
			{typ: EventAttack, actor: "Al-Shabaab", place: "Mogadishu", date: "2024-03-16", killed: 9},
			{typ: EventCondemn, actor: "Somalia", target: "Al-Shabaab"},
		}},
		{"myanmar-sagaing.txt", []wantEvent{
			{typ: EventAttack, actor: "Myanmar military", place: "Sagaing Region", date: "2024-02-03", killed: 12},
			{typ: EventAttack, actor: "Arakan Army", place: "Rakhine State", date: "2024-02-05"},
		}},
		{"rafah-raid.txt", []wantEvent{
			{typ: EventAttack, actor: "Israel", place: "Rafah", date: "2024-02-12", killed: 67},
			{typ: EventOfferMediation, actor: "Qatar", target: "Hamas"},
		}},
		{"crimea-belgorod.txt", []wantEvent{
			{typ: EventAttack, actor: "Ukraine", place: "Crimea"},
			{typ: EventAttack, actor: "Ukraine", place: "Belgorod", date: "2023-12-30", killed: 25},
		}},
		{"poonch-ambush.txt", []wantEvent{
			{typ: EventAttack, actor: "unidentified militants", place: "Jammu and Kashmir", date: "2024-02-08", killed: 3},
			{typ: EventSummon, actor: "India", target: "Pakistan"},
		}},
		{"arauca-eln.txt", []wantEvent{
			{typ: EventAttack, actor: "National Liberation Army (ELN)", place: "Arauca department", date: "2024-02-13", killed: 2},
		}},
		{"ankara-baghdad.txt", []wantEvent{
			{typ: EventMeet, actor: "Fuad Hussein", place: "Ankara", date: "2024-02-13"},
			{typ: EventCondemn, actor: "Iraq", target: "Türkiye"},
			{typ: EventSummon, actor: "Iraq", target: "Türkiye"},
			{typ: EventAttack, actor: "Türkiye", killed: 3},
		}},
		{"pretoria-recall.txt", []wantEvent{
			{typ: EventRecallAmbassador, actor: "South Africa", target: "Israel", date: "2024-02-12"},
			{typ: EventSummon, actor: "Israel", target: "South Africa"},
			{typ: EventAppeal, actor: "African Union"},
		}},
		{"istanbul-arrests.txt", []wantEvent{
			{typ: EventArrest, actor: "Türkiye", target: "Islamic State"},
			{typ: EventAttack, actor: "", date: "2024-01", killed: 1},
		}},
		{"bamako-expulsion.txt", []wantEvent{
			{typ: EventExpelDiplomat, actor: "Mali", target: "France"},
			{typ: EventOfferMediation, actor: "Algeria", target: "Mali"},
		}},
		{"boko-haram-mafa.txt", []wantEvent{
			{typ: EventAttack, actor: "Boko Haram", place: "Mafa", date: "2024-03-19", killed: 37},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata/reporting", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			published := "2024-03-20"
			if pub, ok := publishedOn[tt.file]; ok {
				published = pub
			}
			rec := extractOne(t, string(data), published)
			attacks := 0
			for _, e := range rec.Events {
				if e.Type == EventAttack {
					attacks++
				}
				for _, a := range e.Actors {
					for _, x := range e.Targets {
						if a.ID == x.ID {
							t.Errorf("event %s has %s as actor and target", e.Type, a.Name)
						}
					}
				}
			}
			wantAttacks := 0
			for _, w := range tt.events {
				if w.typ == EventAttack {
					wantAttacks++
				}
				if !hasEvent(rec, w) {
					t.Errorf("no %+v in\n%s", w, describe(rec))
				}
			}
			if attacks > wantAttacks+1 {
				t.Errorf("%d attacks, want about %d:\n%s", attacks, wantAttacks, describe(rec))
			}
		})
	}
}

// publishedOn gives the articles read with another date than 2024-03-20.
var publishedOn = map[string]string{
	"myanmar-sagaing.txt": "2024-02-13", "rafah-raid.txt": "2024-02-13", "crimea-belgorod.txt": "2024-02-13",
	"poonch-ambush.txt": "2024-02-13", "arauca-eln.txt": "2024-02-13",
	"ankara-baghdad.txt": "2024-02-13", "pretoria-recall.txt": "2024-02-13", "istanbul-arrests.txt": "2024-02-13",
	"bamako-expulsion.txt": "2024-02-13",
}

func hasEvent(rec *Record, w wantEvent) bool {
	for _, e := range rec.Events {
		if e.Type != w.typ {
			continue
		}
		if w.actor == "" && len(e.Actors) != 0 || w.actor != "" && !contains(refNames(e.Actors), w.actor) {
			continue
		}
		if w.target != "" && !contains(refNames(e.Targets), w.target) {
			continue
		}
		if w.place != "" && !contains(refNames(e.Places), w.place) {
			continue
		}
		if w.date != "" && (e.Date == nil || *e.Date != w.date) {
			continue
		}
		if w.killed != 0 && (e.Killed == nil || *e.Killed != w.killed) {
			continue
		}
		return true
	}
	return false
}

func describe(rec *Record) string {
	var b strings.Builder
	for _, e := range rec.Events {
		date, killed := "?", "?"
		if e.Date != nil {
			date = *e.Date
		}
		if e.Killed != nil {
			killed = strconv.Itoa(*e.Killed)
		}
		b.WriteString("  " + e.Type + " " + strings.Join(refNames(e.Actors), ",") + " -> " + strings.Join(refNames(e.Targets), ",") + " at " + strings.Join(refNames(e.Places), ",") + " on " + date + " killed " + killed + "\n")
	}
	return b.String()
}
