package extract

import (
	_ "embed" // the skeleton table
	"encoding/binary"
	"sort"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
)

//go:generate go test . -run ^TestPlaceSkeletonTableUpToDate$ -update-skeletons

// placeSkeletonData is data/place_skeletons.bin: encodePlaceSkeletons of
// the default gazetteer, written by go generate (the test
// TestPlaceSkeletonTableUpToDate with -update-skeletons) and checked by
// the same test without the flag. Building the table costs about 0.6 G
// instructions (a skeleton and a map entry for each of the gazetteer's
// names), which every process that reads a place from context paid.
//
//go:embed data/place_skeletons.bin
var placeSkeletonData string

// skeletonTable maps the consonant skeletons (skeletonOfNorm) of the
// gazetteer's names, of minPlaceSkeleton letters or more, to the entries
// known by them (indexes for Gazetteer.At), read in place from its
// encoding (encodePlaceSkeletons):
//
//	magic "ngskel1\n"
//	stamp: 4 uint32, the gazetteer's counts (Len) and names (Names)
//	n: uint32, the number of skeletons
//	keyEnd: n uint32, the end of each skeleton in keys
//	idxEnd: n uint32, the end of each skeleton's entries in idx
//	keys: the skeletons, sorted, end to end
//	idx: uint32 entry indexes, in the order of the gazetteer's names
//
// All integers are little-endian.
type skeletonTable struct {
	data         string
	n            int
	keyEnd, idxE int // offsets of the keyEnd and idxEnd arrays
	keys, idx    int // offsets of keys and idx
}

const skeletonMagic = "ngskel1\n"

var (
	placeSkeletonOnce sync.Once
	placeSkeleton     skeletonTable
)

// placeSkeletons returns the table of the gazetteer's skeletons: the
// embedded one when it was made from gaz, else one built now.
func (d *docState) placeSkeletons() *skeletonTable {
	placeSkeletonOnce.Do(func() {
		data := placeSkeletonData
		if !strings.HasPrefix(data, skeletonMagic+skeletonStamp(d.r.gaz)) {
			data = encodePlaceSkeletons(d.r.gaz)
		}
		placeSkeleton = openSkeletonTable(data)
	})
	return &placeSkeleton
}

// skeletonStamp is what a table records of the gazetteer it was made
// from: its counts of entries and of names.
func skeletonStamp(gaz *gazetteer.Gazetteer) string {
	c, r, p := gaz.Len()
	b := make([]byte, 0, 16)
	for _, v := range []int{c, r, p, gaz.Names()} {
		b = binary.LittleEndian.AppendUint32(b, uint32(v))
	}
	return string(b)
}

// encodePlaceSkeletons builds the skeleton table of gaz (the layout is
// skeletonTable's).
func encodePlaceSkeletons(gaz *gazetteer.Gazetteer) string {
	byKey := map[string][]uint32{}
	gaz.EachName(func(name string, i int) bool {
		if k := skeletonOfNorm(name); len(k) >= minPlaceSkeleton {
			byKey[k] = append(byKey[k], uint32(i))
		}
		return true
	})
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b := []byte(skeletonMagic + skeletonStamp(gaz))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(keys)))
	end := 0
	for _, k := range keys {
		end += len(k)
		b = binary.LittleEndian.AppendUint32(b, uint32(end))
	}
	end = 0
	for _, k := range keys {
		end += len(byKey[k])
		b = binary.LittleEndian.AppendUint32(b, uint32(end))
	}
	for _, k := range keys {
		b = append(b, k...)
	}
	for _, k := range keys {
		for _, i := range byKey[k] {
			b = binary.LittleEndian.AppendUint32(b, i)
		}
	}
	return string(b)
}

// openSkeletonTable reads the layout of an encoded table.
func openSkeletonTable(data string) skeletonTable {
	h := len(skeletonMagic) + 16
	t := skeletonTable{data: data, n: le32(data, h)}
	t.keyEnd = h + 4
	t.idxE = t.keyEnd + 4*t.n
	t.keys = t.idxE + 4*t.n
	t.idx = t.keys
	if t.n > 0 {
		t.idx += t.end(t.keyEnd, t.n-1)
	}
	return t
}

// le32 is the little-endian uint32 at s[o:].
func le32(s string, o int) int {
	return int(uint32(s[o]) | uint32(s[o+1])<<8 | uint32(s[o+2])<<16 | uint32(s[o+3])<<24)
}

// end returns the i-th value of the array at offset arr; 0 for i -1.
func (t *skeletonTable) end(arr, i int) int {
	if i < 0 {
		return 0
	}
	return le32(t.data, arr+4*i)
}

// key returns the i-th skeleton.
func (t *skeletonTable) key(i int) string {
	return t.data[t.keys+t.end(t.keyEnd, i-1) : t.keys+t.end(t.keyEnd, i)]
}

// find returns the positions [lo, hi) in idx of the entries known by a
// name of skeleton k; lo == hi for none.
func (t *skeletonTable) find(k string) (lo, hi int) {
	i := sort.Search(t.n, func(i int) bool { return t.key(i) >= k })
	if i == t.n || t.key(i) != k {
		return 0, 0
	}
	return t.end(t.idxE, i-1), t.end(t.idxE, i)
}

// entry returns the entry index at position j of idx.
func (t *skeletonTable) entry(j int) int { return le32(t.data, t.idx+4*j) }
