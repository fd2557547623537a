package lexicon

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/text"
)

// Table is a compiled, read-only trie of phrases, each with uint32
// values: the form in which a large fixed phrase list (the gazetteer's
// names) is embedded and read in place instead of being added to a
// [Matcher] at every start. [BuildTable] compiles it; [OpenTable] reads
// it; [NewVocabOn] and [NewMatcherOn] put it under a vocabulary and a
// matcher, whose own phrases [Matcher.Add] then adds as before.
//
// Layout (integers little endian): TableMagic, then tableSections+1
// uint32 offsets of the sections (and the end):
//
//	counts  words, nodes, phrases, longest phrase in words, hash slots
//	words   uint32 offsets (words plus one) into the words' bytes, then
//	        the bytes: word id i+1 is the i-th word
//	hash    hash slots (a power of two) of word ids, 0 for none, open
//	        addressing by FNV-1a of the word, linear probing
//	root    uint32 per word id plus one: the child of the root, 0 if none
//	nodes   per node plus one: edge start, value start (uint32 each)
//	edges   per edge: word id, child node (uint32 each), each node's
//	        edges sorted by word id
//	values  uint32 values, each node's in the order they were added
//
// Node 0 is the root. Words are the normalised tokens of the phrases
// (text.Tokenize, without joiners), as [Matcher.Add] numbers them.
type Table struct {
	data                       string
	sec                        [tableSections + 1]int
	words, nodes, phrases, max int
	mask                       uint32
}

// TableMagic opens a compiled table; its last byte is the layout version.
const TableMagic = "NGLEXT\x00\x01"

const (
	tabCounts = iota
	tabWords
	tabHash
	tabRoot
	tabNodes
	tabEdges
	tabValues
	tableSections
)

// TablePhrase is a phrase to compile and its value.
type TablePhrase struct {
	Text  string
	Value uint32
}

// BuildTable compiles phrases into a table. A phrase adds its value to
// those of the same phrase before it, as [Matcher.Add] does. Exact-case
// phrases ("=…") are refused: a table holds normalised phrases only.
func BuildTable(phrases []TablePhrase) ([]byte, error) {
	type node struct {
		kids   map[uint32]uint32
		values []uint32
	}
	ids := map[string]uint32{}
	var words []string
	nodes := []node{{}}
	maxLen, nphrases := 0, 0
	var ws []uint32
	for _, p := range phrases {
		if strings.HasPrefix(p.Text, "=") {
			return nil, fmt.Errorf("lexicon: table phrase %q: exact-case phrases are not compiled", p.Text)
		}
		ws = ws[:0]
		for _, t := range text.Tokenize(p.Text, 0) {
			if Joiner(t) {
				continue
			}
			id, ok := ids[t.Norm]
			if !ok {
				words = append(words, t.Norm)
				id = uint32(len(words))
				ids[t.Norm] = id
			}
			ws = append(ws, id)
		}
		if len(ws) == 0 {
			continue
		}
		n := uint32(0)
		for _, w := range ws {
			c, ok := nodes[n].kids[w]
			if !ok {
				c = uint32(len(nodes))
				nodes = append(nodes, node{})
				if nodes[n].kids == nil {
					nodes[n].kids = map[uint32]uint32{}
				}
				nodes[n].kids[w] = c
			}
			n = c
		}
		if nodes[n].values == nil {
			nphrases++
		}
		nodes[n].values = append(nodes[n].values, p.Value)
		maxLen = max(maxLen, len(ws))
	}

	slots := uint32(1)
	for slots < 2*uint32(len(words))+1 {
		slots <<= 1
	}
	var sec [tableSections][]byte
	sec[tabCounts] = appendU32(nil, uint32(len(words)), uint32(len(nodes)), uint32(nphrases), uint32(maxLen), slots)
	var blob []byte
	for _, w := range words {
		sec[tabWords] = binary.LittleEndian.AppendUint32(sec[tabWords], uint32(len(blob)))
		blob = append(blob, w...)
	}
	sec[tabWords] = append(binary.LittleEndian.AppendUint32(sec[tabWords], uint32(len(blob))), blob...)
	hash := make([]uint32, slots)
	for i, w := range words {
		h := fnv(w) & (slots - 1)
		for hash[h] != 0 {
			h = (h + 1) & (slots - 1)
		}
		hash[h] = uint32(i + 1)
	}
	sec[tabHash] = appendU32(nil, hash...)
	root := make([]uint32, len(words)+1)
	for w, c := range nodes[0].kids {
		root[w] = c
	}
	sec[tabRoot] = appendU32(nil, root...)
	var edges, values uint32
	for _, n := range nodes {
		sec[tabNodes] = appendU32(sec[tabNodes], edges, values)
		keys := make([]uint32, 0, len(n.kids))
		for w := range n.kids {
			keys = append(keys, w)
		}
		slices.Sort(keys)
		for _, w := range keys {
			sec[tabEdges] = appendU32(sec[tabEdges], w, n.kids[w])
		}
		edges += uint32(len(keys))
		sec[tabValues] = appendU32(sec[tabValues], n.values...)
		values += uint32(len(n.values))
	}
	sec[tabNodes] = appendU32(sec[tabNodes], edges, values)

	out := []byte(TableMagic)
	off := uint32(len(TableMagic) + 4*(tableSections+1))
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

func appendU32(b []byte, l ...uint32) []byte {
	for _, v := range l {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b
}

// fnv is 32-bit FNV-1a.
func fnv(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// OpenTable reads a table compiled by [BuildTable] in place; data must
// not change afterwards.
func OpenTable(data string) (*Table, error) {
	hdr := len(TableMagic) + 4*(tableSections+1)
	if len(data) < hdr || data[:len(TableMagic)] != TableMagic {
		return nil, errors.New("lexicon: not a phrase table of this version (regenerate it with go generate)")
	}
	t := &Table{data: data}
	for i := range t.sec {
		t.sec[i] = t.u32(len(TableMagic) + 4*i)
	}
	if t.sec[tableSections] != len(data) {
		return nil, fmt.Errorf("lexicon: phrase table of %d bytes, its header says %d", len(data), t.sec[tableSections])
	}
	c := t.sec[tabCounts]
	t.words, t.nodes, t.phrases, t.max = t.u32(c), t.u32(c+4), t.u32(c+8), t.u32(c+12)
	t.mask = uint32(t.u32(c+16)) - 1
	return t, nil
}

func (t *Table) u32(o int) int {
	s := t.data[o : o+4] // one bounds check, and the four loads combine into one
	return int(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

// Len reports the number of distinct phrases.
func (t *Table) Len() int { return t.phrases }

// Words reports the number of distinct words; their ids are 1 to Words().
func (t *Table) Words() int { return t.words }

// word returns the id of w, 0 if no phrase has it.
func (t *Table) word(w string) uint32 {
	return t.wordHashed(w, fnv(w))
}

// wordHashed is word of w, whose hash (fnv) is h.
func (t *Table) wordHashed(w string, h uint32) uint32 {
	h &= t.mask
	hash := t.sec[tabHash]
	for {
		id := t.u32(hash + 4*int(h))
		if id == 0 {
			return 0
		}
		if t.wordText(id) == w {
			return uint32(id)
		}
		h = (h + 1) & t.mask
	}
}

// wordText returns the word with id (1 to Words()).
func (t *Table) wordText(id int) string {
	base := t.sec[tabWords]
	blob := base + 4*(t.words+1)
	return t.data[blob+t.u32(base+4*(id-1)) : blob+t.u32(base+4*id)]
}

// child returns the child of node n for word w, 0 if none.
func (t *Table) child(n int32, w uint32) int32 {
	if w == 0 {
		return 0
	}
	if n == 0 {
		return t.rootChild(w)
	}
	nodes, edges := t.sec[tabNodes], t.sec[tabEdges]
	lo, hi := t.u32(nodes+8*int(n)), t.u32(nodes+8*int(n)+8)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch x := uint32(t.u32(edges + 8*m)); {
		case x == w:
			return int32(t.u32(edges + 8*m + 4))
		case x < w:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0
}

// rootChild is child(0, w): the node of the one-word phrase w, 0
// if no phrase begins with w (word 0, which no phrase has, is 0 there).
func (t *Table) rootChild(w uint32) int32 {
	if int(w) > t.words {
		return 0
	}
	return int32(t.u32(t.sec[tabRoot] + 4*int(w)))
}

// hasKids reports whether node n is a proper prefix of some phrase.
// (The node's edge start and the next node's, read from one slice of the
// data: one bounds check, and small enough to be inlined.)
func (t *Table) hasKids(n int32) bool {
	o := t.sec[tabNodes] + 8*int(n)
	s := t.data[o : o+12]
	return uint32(s[0])|uint32(s[1])<<8|uint32(s[2])<<16|uint32(s[3])<<24 != uint32(s[8])|uint32(s[9])<<8|uint32(s[10])<<16|uint32(s[11])<<24
}

// values returns the bounds of node n's values.
func (t *Table) values(n int32) (int, int) {
	o := t.sec[tabNodes] + 8*int(n)
	s := t.data[o+4 : o+16]
	return int(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24),
		int(uint32(s[8]) | uint32(s[9])<<8 | uint32(s[10])<<16 | uint32(s[11])<<24)
}

// value returns the i-th value of the table.
func (t *Table) value(i int) uint32 { return uint32(t.u32(t.sec[tabValues] + 4*i)) }

// walk returns the node of the phrase of words ws, 0 if there is none.
func (t *Table) walk(ws []uint32) int32 {
	n := int32(0)
	for _, w := range ws {
		if n = t.child(n, w); n == 0 {
			return 0
		}
	}
	return n
}
