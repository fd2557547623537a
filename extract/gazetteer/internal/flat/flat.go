// Package flat compiles the gazetteer's text data files (data/*.tsv,
// data/*.tsv.gz, data/common_names.txt) into the one flat binary the
// gazetteer package embeds and reads in place (data/gazetteer.bin), and
// says how that binary is laid out.
//
// Layout (all integers little endian):
//
//	header   Magic (8 bytes), then numSections uint32 offsets of the
//	         sections below, in this order, then their end (the file size)
//	counts   countries, regions, places, postings, common words, codes (uint32 each)
//	recOff   uint32 per entry plus one: where each entry's record starts in recs
//	recs     the records, countries first, then regions, then places (see Encode)
//	byID     uint32 per entry: entry indices sorted by ID
//	post     per name posting: key offset, key length, entry index (uint32 each),
//	         sorted by key, then entry index
//	keys     the normalized names the postings point into
//	common   uint32 offsets (count plus one) into the sorted common words, then the words
//	codes    uint32 offsets (count plus one) into the sorted distinct country codes
//	         entries use (Entry.Country of any entry, and every country's ID), then the codes
//
// A record is: kind (1 byte), flags (1 byte: 1 Common, 2 has coordinates),
// the strings ID, Name, Country, Region, Capital, Wikidata, Feature (each a
// uvarint length and its bytes), the aliases and the demonyms (each a
// uvarint count, then the strings), the coordinates when flagged (two
// float64 bits, 8 bytes each), the population (varint).
package flat

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/gazetteer/internal/norm"
)

// Magic opens the binary; its last byte is the format version, raised at
// every change of the layout.
const Magic = "NGGAZ\x00\x00\x01"

// Sections of the binary, in file order.
const (
	SecCounts = iota
	SecRecOff
	SecRecs
	SecByID
	SecPost
	SecKeys
	SecCommon
	SecCodes
	NumSections
)

// HeaderSize is the size of the header: the magic and NumSections+1 offsets.
const HeaderSize = len(Magic) + 4*(NumSections+1)

// Record flags.
const (
	FlagCommon = 1
	FlagCoords = 2
)

// Kinds, as the gazetteer numbers them.
const (
	KindCountry = 1
	KindRegion  = 2
	KindPlace   = 3
)

// Record is one gazetteer entry as the text files give it.
type Record struct {
	ID, Name                                    string
	Kind                                        uint8
	Common, HasCoords                           bool
	Aliases, Demonyms                           []string
	Country, Region, Capital, Wikidata, Feature string
	Lat, Lon                                    float64
	Population                                  int
}

// Files are the text files Parse reads, in entry order, with their kind.
var Files = []struct {
	Name string
	Kind uint8
}{{"countries.tsv", KindCountry}, {"regions.tsv.gz", KindRegion}, {"places.tsv.gz", KindPlace}}

// BinFile is the name of the binary in the data directory.
const BinFile = "gazetteer.bin"

// CommonFile lists the normalized names that are also English words.
const CommonFile = "common_names.txt"

// Columns of the text files.
const (
	colID = iota
	colName
	colAliases
	colDemonyms
	colCountry
	colRegion
	colCapital
	colLat
	colLon
	colPopulation
	colWikidata
	colFeature
	numCols
)

// Build reads the text files from fsys (a data directory) and returns
// the binary.
func Build(fsys fs.FS) ([]byte, error) {
	recs, common, err := Parse(fsys)
	if err != nil {
		return nil, err
	}
	return Encode(recs, common)
}

func readText(fsys fs.FS, name string) (string, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return "", err
	}
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		out, err := io.ReadAll(zr)
		if err != nil {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		return string(out), nil
	}
	return string(b), nil
}

// Parse reads the entries and the common words from the text files.
func Parse(fsys fs.FS) ([]Record, []string, error) {
	var recs []Record
	for _, f := range Files {
		text, err := readText(fsys, f.Name)
		if err != nil {
			return nil, nil, err
		}
		for ln := 1; text != ""; ln++ {
			var line string
			line, text, _ = strings.Cut(text, "\n")
			if line == "" || line[0] == '#' {
				continue
			}
			var col [numCols]string
			rest := line
			for c := 0; c < numCols; c++ {
				var ok bool
				col[c], rest, ok = strings.Cut(rest, "\t")
				if !ok && c != numCols-1 {
					return nil, nil, fmt.Errorf("%s:%d: %d fields, want %d", f.Name, ln, c+1, numCols)
				}
			}
			r := Record{
				ID: col[colID], Kind: f.Kind, Name: col[colName], Country: col[colCountry],
				Region: col[colRegion], Capital: col[colCapital], Wikidata: col[colWikidata], Feature: col[colFeature],
				Aliases: split(col[colAliases]), Demonyms: split(col[colDemonyms]),
			}
			if col[colLat] != "" {
				r.HasCoords = true
				if r.Lat, err = strconv.ParseFloat(col[colLat], 64); err != nil {
					return nil, nil, fmt.Errorf("%s:%d: %w", f.Name, ln, err)
				}
				if r.Lon, err = strconv.ParseFloat(col[colLon], 64); err != nil {
					return nil, nil, fmt.Errorf("%s:%d: %w", f.Name, ln, err)
				}
			}
			if col[colPopulation] != "" {
				if r.Population, err = strconv.Atoi(col[colPopulation]); err != nil {
					return nil, nil, fmt.Errorf("%s:%d: %w", f.Name, ln, err)
				}
			}
			recs = append(recs, r)
		}
	}
	text, err := readText(fsys, CommonFile)
	if err != nil {
		return nil, nil, err
	}
	set := map[string]bool{}
	for _, w := range strings.Split(text, "\n") {
		if w != "" && w[0] != '#' {
			set[w] = true
		}
	}
	common := make([]string, 0, len(set))
	for w := range set {
		common = append(common, w)
	}
	slices.Sort(common)
	for i := range recs {
		recs[i].Common = set[norm.Normalize(recs[i].Name)]
	}
	return recs, common, nil
}

// split returns the '|'-separated names of s, nil if there is none.
func split(s string) []string {
	var out []string
	for s != "" {
		var n string
		n, s, _ = strings.Cut(s, "|")
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

type posting struct {
	key string
	idx uint32
}

// Encode lays out recs (countries, then regions, then places) and the
// sorted common words as the binary.
func Encode(recs []Record, common []string) ([]byte, error) {
	var counts [3]int
	for _, r := range recs {
		counts[r.Kind-1]++
	}
	var recOff []uint32
	var recData []byte
	var post []posting
	codeSet := map[string]bool{}
	for i, r := range recs {
		recOff = append(recOff, uint32(len(recData)))
		flags := byte(0)
		if r.Common {
			flags |= FlagCommon
		}
		if r.HasCoords {
			flags |= FlagCoords
		}
		recData = append(recData, r.Kind, flags)
		for _, s := range []string{r.ID, r.Name, r.Country, r.Region, r.Capital, r.Wikidata, r.Feature} {
			recData = appendString(recData, s)
		}
		for _, l := range [][]string{r.Aliases, r.Demonyms} {
			recData = binary.AppendUvarint(recData, uint64(len(l)))
			for _, s := range l {
				recData = appendString(recData, s)
			}
		}
		if r.HasCoords {
			recData = binary.LittleEndian.AppendUint64(recData, math.Float64bits(r.Lat))
			recData = binary.LittleEndian.AppendUint64(recData, math.Float64bits(r.Lon))
		}
		recData = binary.AppendVarint(recData, int64(r.Population))
		for _, n := range append(append([]string{r.Name}, r.Aliases...), r.Demonyms...) {
			if k := norm.Normalize(n); k != "" {
				post = append(post, posting{k, uint32(i)})
			}
		}
		if r.Country != "" {
			codeSet[r.Country] = true
		}
		if r.Kind == KindCountry && r.ID != "" {
			codeSet[r.ID] = true
		}
	}
	recOff = append(recOff, uint32(len(recData)))

	byID := make([]uint32, len(recs))
	for i := range byID {
		byID[i] = uint32(i)
	}
	slices.SortStableFunc(byID, func(a, b uint32) int { return strings.Compare(recs[a].ID, recs[b].ID) })
	for i := 1; i < len(byID); i++ {
		if recs[byID[i]].ID == recs[byID[i-1]].ID {
			return nil, fmt.Errorf("duplicate ID %q", recs[byID[i]].ID)
		}
	}

	slices.SortStableFunc(post, func(a, b posting) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return int(a.idx) - int(b.idx)
	})
	post = slices.Compact(post)
	var keys []byte
	var postData []byte
	for i, p := range post {
		off := len(keys)
		if i > 0 && post[i-1].key == p.key {
			off = int(binary.LittleEndian.Uint32(postData[len(postData)-12:]))
		} else {
			keys = append(keys, p.key...)
		}
		postData = binary.LittleEndian.AppendUint32(postData, uint32(off))
		postData = binary.LittleEndian.AppendUint32(postData, uint32(len(p.key)))
		postData = binary.LittleEndian.AppendUint32(postData, p.idx)
	}
	codes := make([]string, 0, len(codeSet))
	for c := range codeSet {
		codes = append(codes, c)
	}
	slices.Sort(codes)

	var sec [NumSections][]byte
	sec[SecCounts] = u32s(nil, uint32(counts[0]), uint32(counts[1]), uint32(counts[2]), uint32(len(post)), uint32(len(common)), uint32(len(codes)))
	sec[SecRecOff] = u32s(nil, recOff...)
	sec[SecRecs] = recData
	sec[SecByID] = u32s(nil, byID...)
	sec[SecPost] = postData
	sec[SecKeys] = keys
	sec[SecCommon] = stringTable(common)
	sec[SecCodes] = stringTable(codes)

	out := []byte(Magic)
	off := uint32(HeaderSize)
	for _, s := range sec {
		out = binary.LittleEndian.AppendUint32(out, off)
		off += uint32(len(s))
	}
	out = binary.LittleEndian.AppendUint32(out, off)
	for _, s := range sec {
		out = append(out, s...)
	}
	return out, nil
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func u32s(b []byte, l ...uint32) []byte {
	for _, v := range l {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b
}

// stringTable lays out l as len(l)+1 offsets, relative to the end of the
// offsets, then the strings.
func stringTable(l []string) []byte {
	var b []byte
	off := 0
	for _, s := range l {
		b = binary.LittleEndian.AppendUint32(b, uint32(off))
		off += len(s)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(off))
	for _, s := range l {
		b = append(b, s...)
	}
	return b
}
