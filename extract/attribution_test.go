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
		{"no blame", "A bomb exploded at a bus stop in Mandera, wounding four people.", ""},
		{"two groups blamed", "A bomb exploded in Mandera, wounding four people. Al-Shabaab is suspected. Boko Haram is also suspected.", ""},
	}
	ex := Default()
	for _, tt := range tests {
		rec := extractSentence(t, ex, tt.in)
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
		if n == 0 || got != tt.want {
			t.Errorf("%s: %q: %d attacks, actor %q, want %q", tt.name, tt.in, n, got, tt.want)
		}
	}
}
