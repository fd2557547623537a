package extract

import "testing"

func TestCountryKey(t *testing.T) {
	tests := []struct {
		name          string
		key, official string
		ok            bool
	}{
		{"Myanmar", "country/mm", "Myanmar", true},
		{"Burma", "country/mm", "Myanmar", true},        // an alias
		{"  pakistan ", "country/pk", "Pakistan", true}, // case and spaces
		{"Pakistani", "", "", false},                    // a demonym names no country
		{"Lahore", "", "", false},                       // a place, not a country
		{"Ruritania", "", "", false},                    // unknown
		{"", "", "", false},
	}
	for _, tt := range tests {
		key, official, ok := CountryKey(tt.name)
		if key != tt.key || official != tt.official || ok != tt.ok {
			t.Errorf("CountryKey(%q) = %q, %q, %v; want %q, %q, %v", tt.name, key, official, ok, tt.key, tt.official, tt.ok)
		}
	}
}
