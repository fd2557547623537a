package extract

import (
	"flag"
	"os"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
)

var updateSkeletons = flag.Bool("update-skeletons", false, "write data/place_skeletons.bin (go generate)")

// TestPlaceSkeletonTableUpToDate fails when data/place_skeletons.bin is
// not the table encodePlaceSkeletons makes of the default gazetteer (a
// gazetteer or skeleton rule changed without go generate); with
// -update-skeletons it writes the file.
func TestPlaceSkeletonTableUpToDate(t *testing.T) {
	want := encodePlaceSkeletons(gazetteer.Default())
	if *updateSkeletons {
		if err := os.WriteFile("data/place_skeletons.bin", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if placeSkeletonData != want {
		t.Fatalf("data/place_skeletons.bin (%d bytes) is not the table of the gazetteer (%d bytes): run go generate ./extract",
			len(placeSkeletonData), len(want))
	}
}

// TestSkeletonTableFind compares the table's answers with a map of every
// name's skeleton to its entries in the gazetteer's order, for every
// skeleton and for keys beside them that are none.
func TestSkeletonTableFind(t *testing.T) {
	gaz := gazetteer.Default()
	want := map[string][]int{}
	gaz.EachName(func(name string, i int) bool {
		if k := skeletonOfNorm(name); len(k) >= minPlaceSkeleton {
			want[k] = append(want[k], i)
		}
		return true
	})
	tab := openSkeletonTable(placeSkeletonData)
	if tab.n != len(want) {
		t.Fatalf("table holds %d skeletons, the gazetteer %d", tab.n, len(want))
	}
	for k, entries := range want {
		lo, hi := tab.find(k)
		var got []int
		for j := lo; j < hi; j++ {
			got = append(got, tab.entry(j))
		}
		if !slices.Equal(got, entries) {
			t.Errorf("find(%q) = %v, want %v", k, got, entries)
		}
		for _, none := range []string{k + "~", k[:len(k)-1] + "~", ""} {
			if _, ok := want[none]; ok {
				continue
			}
			if lo, hi := tab.find(none); lo != hi {
				t.Errorf("find(%q) = [%d, %d), want none", none, lo, hi)
			}
		}
	}
}
