package gazetteer

import (
	"os"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/extract/gazetteer/internal/flat"
)

// TestBinaryUpToDate checks that the embedded binary is what the
// generator compiles from the committed text files, so that the two
// cannot drift apart: after editing data/*.tsv*, run go generate (or
// go run ./internal/gen -out data).
func TestBinaryUpToDate(t *testing.T) {
	want, err := flat.Build(os.DirFS("data"))
	if err != nil {
		t.Fatal(err)
	}
	if binData != string(want) {
		t.Fatalf("data/%s (%d bytes) is not what internal/gen compiles from data/ (%d bytes): run go generate ./extract/gazetteer", flat.BinFile, len(binData), len(want))
	}
}

// TestDecodeRecords checks that every entry read in place equals its
// record in the text files, field by field.
func TestDecodeRecords(t *testing.T) {
	recs, _, err := flat.Parse(os.DirFS("data"))
	if err != nil {
		t.Fatal(err)
	}
	g := Default()
	i := 0
	g.Each(func(e *Entry) bool {
		r := recs[i]
		want := Entry{ID: r.ID, Kind: Kind(r.Kind), Common: r.Common, Name: r.Name, Aliases: r.Aliases, Demonyms: r.Demonyms,
			Country: r.Country, Region: r.Region, Capital: r.Capital, Lat: r.Lat, Lon: r.Lon, Population: r.Population,
			Wikidata: r.Wikidata, Feature: r.Feature}
		if !reflect.DeepEqual(*e, want) {
			t.Fatalf("entry %d: decoded %+v, text files say %+v", i, *e, want)
		}
		i++
		return true
	})
	if i != len(recs) {
		t.Fatalf("%d entries, the text files have %d", i, len(recs))
	}
}

// TestOpenRejects checks that a binary of another version or a truncated
// one is refused rather than misread.
func TestOpenRejects(t *testing.T) {
	for name, data := range map[string]string{
		"empty":     "",
		"version":   binData[:len(flat.Magic)-1] + "\xff" + binData[len(flat.Magic):],
		"truncated": binData[:len(binData)-1],
	} {
		if _, err := open(data); err == nil {
			t.Errorf("%s: open accepted it", name)
		}
	}
}

// TestEntryIdentity checks that an entry decoded on demand is one *Entry
// for every lookup, also when goroutines reach it at once (run with
// -race).
func TestEntryIdentity(t *testing.T) {
	g, err := open(binData)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"Quetta", "Punjab", "Kabul", "Pakistani", "Red Sea"}
	got := make([][]*Entry, 4)
	done := make(chan bool)
	for w := range got {
		go func() {
			for _, n := range names {
				got[w] = append(got[w], g.Lookup(n)...)
			}
			done <- true
		}()
	}
	for range got {
		<-done
	}
	for w := range got {
		if !reflect.DeepEqual(got[w], got[0]) {
			t.Fatalf("goroutine %d saw other entries than goroutine 0", w)
		}
		for i, e := range got[w] {
			if e != got[0][i] || g.ByID(e.ID) != e {
				t.Fatalf("%s: a second *Entry", e.ID)
			}
		}
	}
}
