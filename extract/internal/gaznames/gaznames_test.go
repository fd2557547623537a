package gaznames

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
)

// TestUpToDate checks that names.bin is what the generator compiles from
// the embedded gazetteer: after the gazetteer's data changes, run go
// generate in this directory.
func TestUpToDate(t *testing.T) {
	want, err := Build(gazetteer.Default())
	if err != nil {
		t.Fatal(err)
	}
	if Data != string(want) {
		t.Fatalf("%s (%d bytes) is not what ./gen compiles from the gazetteer (%d bytes): run go generate ./extract/internal/gaznames", File, len(Data), len(want))
	}
	if _, err := Open(); err != nil {
		t.Fatal(err)
	}
	if got := BuildTranslit(gazetteer.Default()); TranslitData != string(got) {
		t.Fatalf("%s is not what ./gen compiles from the gazetteer: run go generate ./extract/internal/gaznames", TranslitFile)
	}
	if _, err := Translit(TranslitData); err != nil {
		t.Fatal(err)
	}
	if got := BuildCapitals(gazetteer.Default()); CapitalsData != string(got) {
		t.Fatalf("%s is not what ./gen compiles from the gazetteer: run go generate ./extract/internal/gaznames", CapitalsFile)
	}
	if _, err := Capitals(CapitalsData); err != nil {
		t.Fatal(err)
	}
}

func TestValue(t *testing.T) {
	for _, tc := range []struct{ entry, demonym int }{{0, 0}, {1, 0}, {138000, 0}, {250, 3}, {1<<24 - 1, 254}} {
		if e, d := Split(Value(tc.entry, tc.demonym)); e != tc.entry || d != tc.demonym {
			t.Errorf("Split(Value(%d, %d)) = %d, %d", tc.entry, tc.demonym, e, d)
		}
	}
}
