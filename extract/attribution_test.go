package extract

import (
	"testing"
)

// TestAttributed: an attack whose sentence names no doer takes the one
// armed group the document blames, one row per shape of blame; a
// document blaming no one, or two groups, leaves the doer empty. The
// sentences are written for this test.
func TestAttributed(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"group suspected after the fact", "A bomb exploded at a bus stop in Mandera, wounding four people. Al-Shabaab is suspected.", "Al-Shabaab"},
		{"blamed on a group", "A grenade was thrown at a church in Garissa. The attack was blamed on Al-Shabaab.", "Al-Shabaab"},
		{"source attributes it to a group", "A roadside bomb went off near Wajir, wounding two soldiers. The source attributes the attack to Al-Shabaab.", "Al-Shabaab"},
		{"device planted by a group", "A truck hit a mine likely planted by Boko Haram militants near Maiduguri, wounding three people.", "Boko Haram"},
		{"the vehicle that struck the device is no doer", "A Nigerian army truck struck an IED likely planted by Boko Haram militants near Maiduguri.", "Boko Haram"},
		{"unknown doers believed to be a group", "Gunmen shot a herder near Tarbo on Monday. The attackers are believed to be Boko Haram members.", "Boko Haram"},
		{"unknown doers thought to be members of a group", "Armed men raided a clinic in Tarbo. They are thought to be members of Al-Shabaab.", "Al-Shabaab"},
		{"unknown doers, a group suspected after the fact", "Gunmen stormed a shop in Tarbo and shot the owner. Al-Shabaab militants are suspected.", "Al-Shabaab"},
		{"unknown doers members of a cell loyal to a group", "Gunmen shot two guards at a depot in Tarbo. Police said the attackers belonged to a cell loyal to Al-Shabaab.", "Al-Shabaab"},
		{"a group's statement that its fighters set off the bomb", "A bomb exploded at a market in Tarbo, killing three traders. Al-Shabaab said in a statement that its fighters had set off the bomb.", "Al-Shabaab"},
		{"a group loyal to another is no doer by it", "Gunmen shot two guards at a depot in Tarbo. Al-Shabaab, which is loyal to al Qaeda, denied any role.", "unidentified gunmen"},
		{"no blame", "A bomb exploded at a bus stop in Mandera, wounding four people.", ""},
		{"two groups blamed", "A bomb exploded in Mandera, wounding four people. Al-Shabaab is suspected. Boko Haram is also suspected.", ""},
	}
	ex := Default()
	for _, tt := range tests {
		got, n := attackActor(t, ex, tt.in)
		if n == 0 || got != tt.want {
			t.Errorf("%s: %q: %d attacks, actor %q, want %q", tt.name, tt.in, n, got, tt.want)
		}
	}
}

// TestBackgroundBlame: a group named only in a sentence of background
// (what a region has seen, a group's habit, its record of many attacks,
// where it operates) is no doer of the document's one attack, whose own
// sentence names its unidentified attackers; such a sentence tells no
// event of its own. A group the text says the attackers are believed to
// be, or that claimed the attack, still is the doer. One row per shape,
// from several regions; the sentences are written for this test.
func TestBackgroundBlame(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"Sahel: the region has seen violence by fighters linked to a group",
			"Gunmen on motorbikes opened fire on a market in Dourkani, northern Burkina Faso, on Saturday, killing 11 traders. The region has seen a surge of violence by fighters linked to al-Qaeda.",
			"unidentified gunmen"},
		{"South Asia: a group blamed for several attacks",
			"Unknown assailants shot dead two policemen in Pashtogar, Khyber Pakhtunkhwa, on Monday. Tehrik-i-Taliban Pakistan has been blamed for several attacks in the district.",
			"unidentified attackers"},
		{"Latin America: a group which operates in the area, known for kidnappings",
			"Armed men killed four farmers near Cardalejo, Cauca, on Friday. The ELN, which operates in the area and is linked to kidnappings, is known for extortion.",
			"unidentified armed group"},
		{"Middle East: a group that frequently attacks",
			"Attackers fired on a checkpoint near Deir Hamrun in eastern Syria on Tuesday, killing three guards. Islamic State cells frequently attack security forces in the desert.",
			"unidentified attackers"},
		{"West Africa: a group long active in the area, the area plagued by it",
			"Gunmen stormed a church in Kumbarawa, Borno state, on Sunday, killing five worshippers. The area has long been plagued by attacks blamed on ISWAP.",
			"unidentified gunmen"},
		{"the attackers believed to be a group",
			"Gunmen attacked a police post near Dourkani on Sunday, killing two officers. The attackers are believed to be JNIM fighters.",
			"Jama'at Nasr al-Islam wal Muslimin"},
	}
	ex := Default()
	for _, tt := range tests {
		got, n := attackActor(t, ex, tt.in)
		if n != 1 || got != tt.want {
			t.Errorf("%s: %q: %d attacks, actor %q, want 1, %q", tt.name, tt.in, n, got, tt.want)
		}
	}
}

// attackActor returns the last actor of the attacks extracted from in,
// with the number of attacks.
func attackActor(t *testing.T, ex Extractor, in string) (string, int) {
	t.Helper()
	rec := extractSentence(t, ex, in)
	got, n := "", 0
	for _, e := range rec.Events {
		if e.Type != EventAttack {
			continue
		}
		n++
		for _, a := range e.Actors {
			got = a.Name
		}
	}
	return got, n
}

// TestCommunityOpensSentence: a community name opening a sentence names
// the described group that attacks ("Tuareg rebels ambushed…" is the
// Tuareg militia, not unidentified rebels), while an adjective opening it
// ("Hostile tribesmen", "Renegade fighters") or a creed ("Islamist
// rebels") names no group. One row per shape, from several regions; the
// sentences are written for this test.
func TestCommunityOpensSentence(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"Sahel: a people opening the sentence, rebels", "Tuareg rebels ambushed an army convoy near Telakoro on Sunday, killing four soldiers.", "Tuareg militia"},
		{"Middle East: a sect opening the sentence, fighters", "Druze fighters attacked a checkpoint near Tell Mazrun on Friday.", "Druze militia"},
		{"Latin America: a people opening the sentence, fighters", "Mapuche fighters burned two logging trucks near Collipeuco on Monday.", "Mapuche militia"},
		{"South Asia: an adjective opening the sentence", "Hostile tribesmen ambushed a convoy near Zarkhel on Tuesday.", "unidentified militia"},
		{"Central Africa: an adjective opening the sentence", "Renegade fighters attacked a checkpoint near Villa Corrales on Friday.", "unidentified fighters"},
		{"a creed, not a people", "On Friday, Islamist rebels attacked a checkpoint near Tell Mazrun.", "unidentified rebels"},
	}
	ex := Default()
	for _, tt := range tests {
		got, n := attackActor(t, ex, tt.in)
		if n != 1 || got != tt.want {
			t.Errorf("%s: %q: %d attacks, actor %q, want 1, %q", tt.name, tt.in, n, got, tt.want)
		}
	}
}

// TestAttributedOnlyAttack: a document whose every attack is dated long
// before its publication (a note read from an archive) is about that
// attack, which the group claiming it did; one row per shape of claim.
// The sentences are written for this test.
func TestAttributedOnlyAttack(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"a claim in a sentence of its own", "On 4 May 2019, a bomb exploded at a bus stop in Mandera, wounding four people. Al-Shabaab claimed responsibility.", "Al-Shabaab"},
		{"a group suspected", "On 9 June 2020, gunmen shot a herder near Tarbo. Boko Haram is suspected.", "Boko Haram"},
	}
	for _, tt := range tests {
		rec := extractOne(t, tt.in, "2024-12-01")
		ev := probeEvent(rec, EventAttack, tt.want, "")
		if ev == nil || !hasRef(ev.Actors, tt.want) {
			t.Errorf("%s: %q: actors of %v, want %s", tt.name, tt.in, ev, tt.want)
		}
	}
}
