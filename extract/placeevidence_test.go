package extract

import "testing"

// TestNamesakeByEvidence: a place name that is a town in several
// countries takes the one the rest of the note supports (countryEvidence),
// one row per signal. The sentences are written for this test; the
// names are real namesakes (a suburb of Nairobi and a town of England, a
// ward of Nairobi and a town of Tanzania).
func TestNamesakeByEvidence(t *testing.T) {
	tests := []struct {
		name, in, place, country string
	}{
		{"no evidence: the gazetteer's bigger namesake",
			"Gunmen stormed a police post in Pangani, killing two officers.", "Pangani", "Tanzania"},
		{"a people of two lands that raided there",
			"Pokot raiders attacked a homestead in Eastleigh, killing two.", "Eastleigh", "Kenya"},
		{"an armed group that fights in two lands",
			"Al Shabaab fighters stormed a police post in Pangani, killing two officers.", "Pangani", "Kenya"},
		{"a town of one country a later sentence names",
			"Gunmen stormed a police post in Pangani, killing two officers. Detectives in Mombasa arrested three.", "Pangani", "Kenya"},
		{"a people spread over four lands, none of them the namesake's",
			"Gunmen shot dead a Somali trader in Eastleigh.", "Eastleigh", "Kenya"},
		{"a party of one country the note writes",
			"Gunmen shot dead a trader in Eastleigh. The ODM condemned the killing.", "Eastleigh", "Kenya"},
		{"a country the note names outweighs a people's lands",
			"Pokot raiders stormed a police post in Pangani, killing two officers, Tanzanian police said.", "Pangani", "Tanzania"},
		{"a people of both namesakes' lands leaves the choice to the name",
			"Maasai raiders stormed a police post in Pangani, killing two officers.", "Pangani", "Tanzania"},
	}
	ex := Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractSentence(t, ex, tt.in)
			var ev *Event
			for i, e := range rec.Events {
				if e.Type == EventAttack {
					ev = &rec.Events[i]
					break
				}
			}
			if ev == nil {
				t.Fatalf("%q: no attack", tt.in)
			}
			got := ""
			for _, p := range ev.Places {
				if p.Name == tt.place {
					got = p.Country
				}
			}
			if got != tt.country {
				t.Errorf("%q: %s in %q, want %q (places %+v)", tt.in, tt.place, got, tt.country, ev.Places)
			}
			if ev.Country == nil || ev.Country.Name != tt.country {
				t.Errorf("%q: event country %+v, want %q", tt.in, ev.Country, tt.country)
			}
		})
	}
}

// TestEvidenceGivesWayToNamedCountry: a name whose readings include a
// country the document names is read by that, not by the lands the
// name's own people live in (namesAnyCountry). The sentences are written
// for this test.
func TestEvidenceGivesWayToNamedCountry(t *testing.T) {
	tests := []struct {
		name, in, notEntity string
	}{
		{"a demonym before a division's word names the country, not the namesake region of another land",
			"Militants have fought the Somali state for years; they killed four soldiers near a market.", "Somali Region"},
	}
	ex := Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractSentence(t, ex, tt.in)
			for _, e := range rec.Entities {
				if e.Name == tt.notEntity {
					t.Errorf("%q: %s read as %s %q", tt.in, tt.notEntity, e.Class, e.Country)
				}
			}
		})
	}
}

// TestEvidenceOfWrittenNames: the names of data/homecountries.tsv a
// document writes count as evidence for their lands, counted on first
// need (hasEvidence), as countryEvidence reads them: capitalised away
// from a sentence's start, in capitals or before a people's noun at it.
// The sentences are written for this test.
func TestEvidenceOfWrittenNames(t *testing.T) {
	tests := []struct {
		name, in, cc string
		want         bool
	}{
		{"a party the text writes", "Gunmen shot a trader in Eastleigh. The ODM condemned the killing.", "KE", true},
		{"no name, no evidence", "Gunmen shot a trader in Eastleigh.", "KE", false},
		{"a party in capitals opening a sentence", "ODM officials said gunmen shot a trader in Eastleigh.", "KE", true},
		{"a people opening a sentence before its raiders", "Pokot raiders shot a trader in Eastleigh.", "UG", true},
		{"a name in lower case is no name", "Gunmen shot a trader of the odm in Eastleigh.", "KE", false},
		{"a place of one country the text names", "Gunmen shot a trader in Eastleigh. Police in Mombasa held two.", "KE", true},
		{"a land the written name does not live in", "Gunmen shot a trader in Eastleigh. The ODM condemned the killing.", "TZ", false},
	}
	r := loadResources()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDocState(r, Document{Text: tt.in})
			if d.hasEvidence(tt.cc) {
				t.Fatalf("%q: evidence for %s before findNames", tt.in, tt.cc)
			}
			d.findNames()
			if got := d.hasEvidence(tt.cc); got != tt.want {
				t.Errorf("%q: evidence for %s %v, want %v", tt.in, tt.cc, got, tt.want)
			}
		})
	}
}
