package lexicon

import (
	"strings"
	"sync/atomic"

	"github.com/newsgraph/newsgraph/extract/text"
)

// Matcher finds phrases in a token stream in a single left-to-right pass:
// at each token it extends the current phrase while the phrase is a prefix
// of some known phrase, and keeps the longest complete match. Phrases are
// compared on normalised tokens, ignoring hyphens, apostrophes and periods
// between words, so "Jaish ul-Adl" and "Jaish ul Adl" are one phrase.
//
// The phrases are kept in two tries of word ids (one over normalised
// words, one over the words of exact-case phrases as written), numbered by
// the matcher's [Vocab]. Matchers that share a Vocab accept the same
// [Coded] tokens, so that a sentence's words are looked up once for all of
// them. Add must not run concurrently with Find or FindCoded; Find and
// FindCoded may run concurrently with each other.
//
// A matcher made by [NewMatcherOn] also finds the phrases of a compiled
// [Table], as if they had been added after its own.
type Matcher[V any] struct {
	vocab  *Vocab
	bit    uint8   // the matcher's bit in the vocabulary's starts
	norm   trie[V] // phrases compared on normalised words
	exact  trie[V] // phrases that match only with their exact case
	maxLen int
	n      int      // distinct phrases
	ws     []uint32 // Add's buffer for a phrase's word ids, reused

	table *Table                         // compiled phrases, nil if none
	value func(uint32) V                 // the value of a table value
	cache []atomic.Pointer[cachePage[V]] // per table node, by page: its values, after those Add gave the same phrase
	used  atomic.Bool                    // some cache entry is set
}

// Pages of the root of a trie: 1<<rootBits word ids each.
const (
	rootBits = 6
	rootMask = 1<<rootBits - 1
)

// trie is a trie of word ids. Node 0 is the root.
type trie[V any] struct {
	// root[w>>rootBits][w&rootMask] is the child of the root for word w,
	// 0 if none: pages of word ids, made for the words that begin a
	// phrase, so that a trie of a few phrases over a large vocabulary
	// (a Table's) stays small
	root  []*[1 << rootBits]int32
	edges map[uint64]int32 // node<<32 | word → child, below the root
	nodes []trieNode[V]
}

type trieNode[V any] struct {
	values []V   // the values of the phrase that ends here, nil if none
	kids   int32 // number of children: the node is a proper prefix of a phrase
}

// child returns the child of node n for word w, or 0.
func (t *trie[V]) child(n int32, w uint32) int32 {
	if w == 0 {
		return 0
	}
	if n == 0 {
		return t.rootChild(w)
	}
	return t.edges[uint64(n)<<32|uint64(w)]
}

// rootChild is child(0, w): the node of the one-word phrase w, 0 if no
// phrase begins with w.
func (t *trie[V]) rootChild(w uint32) int32 {
	if p := int(w >> rootBits); p < len(t.root) && t.root[p] != nil {
		return t.root[p][w&rootMask]
	}
	return 0
}

// insert adds the phrase of words ws (all non-zero) and returns the node
// where it ends.
func (t *trie[V]) insert(ws []uint32) int32 {
	if len(t.nodes) == 0 {
		t.nodes = append(t.nodes, trieNode[V]{})
		t.edges = map[uint64]int32{}
	}
	n := int32(0)
	for _, w := range ws {
		c := t.child(n, w)
		if c == 0 {
			c = int32(len(t.nodes))
			t.nodes = append(t.nodes, trieNode[V]{})
			if n == 0 {
				p := int(w >> rootBits)
				for p >= len(t.root) {
					t.root = append(t.root, nil)
				}
				if t.root[p] == nil {
					t.root[p] = new([1 << rootBits]int32)
				}
				t.root[p][w&rootMask] = c
			} else {
				t.edges[uint64(n)<<32|uint64(w)] = c
			}
			t.nodes[n].kids++
		}
		n = c
	}
	return n
}

// NewMatcher returns an empty matcher with a vocabulary of its own.
func NewMatcher[V any]() *Matcher[V] {
	return NewMatcherIn[V](NewVocab())
}

// NewMatcherIn returns an empty matcher that numbers its words with v,
// which it shares with the other matchers built on v.
func NewMatcherIn[V any](v *Vocab) *Matcher[V] {
	return &Matcher[V]{vocab: v, bit: v.newBit()}
}

// NewMatcherOn returns a matcher that finds the phrases of t, with the
// values value(x) for each table value x, and numbers its words with v,
// which must have been made by [NewVocabOn] on t. value is called once
// per value of a phrase the first time the phrase is found; it must
// return the same V for the same x when values are compared by identity.
func NewMatcherOn[V any](v *Vocab, t *Table, value func(uint32) V) *Matcher[V] {
	if v.base != t {
		panic("lexicon: NewMatcherOn: the vocabulary is not made on the table")
	}
	m := &Matcher[V]{vocab: v, bit: v.newBit(), table: t, value: value, n: t.Len(), maxLen: t.max, cache: newCache[V](t)}
	for w := 1; w <= t.words; w++ {
		if t.rootChild(uint32(w)) != 0 {
			v.markStart(&v.starts, uint32(w), m.bit)
		}
	}
	return m
}

// cachePage holds the values of 1<<rootBits consecutive table nodes,
// made when one of them is found: the garbage collector then has no
// array of every node to scan.
type cachePage[V any] [1 << rootBits]atomic.Pointer[[]V]

func newCache[V any](t *Table) []atomic.Pointer[cachePage[V]] {
	return make([]atomic.Pointer[cachePage[V]], (t.nodes+rootMask)>>rootBits)
}

// cacheSlot returns the cache entry of table node n.
func (m *Matcher[V]) cacheSlot(n int32) *atomic.Pointer[[]V] {
	pp := &m.cache[n>>rootBits]
	p := pp.Load()
	if p == nil {
		pp.CompareAndSwap(nil, new(cachePage[V]))
		p = pp.Load()
	}
	return &p[n&rootMask]
}

// Vocab returns the vocabulary the matcher numbers its words with.
func (m *Matcher[V]) Vocab() *Vocab { return m.vocab }

// Key returns the matching key of a phrase: its normalised tokens joined by
// single spaces, skipping joiners.
func Key(phrase string) string {
	toks := text.Tokenize(phrase, 0)
	var b strings.Builder
	for _, t := range toks {
		if Joiner(t) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Norm)
	}
	return b.String()
}

// Joiner reports whether a token only joins words (hyphen, apostrophe,
// period) and is skipped when matching.
func Joiner(t text.Token) bool { return joinerNorm(t.Norm) }

// joinerNorm is Joiner of a token whose normalised form is s.
func joinerNorm(s string) bool {
	if len(s) != 1 {
		return false
	}
	switch s[0] {
	case '-', '\'', '.', '"':
		return true
	}
	return false
}

// Add registers phrase with value v. A phrase starting with "=" matches only
// with exactly the case written after the "=".
func (m *Matcher[V]) Add(phrase string, v V) {
	exact := strings.HasPrefix(phrase, "=")
	phrase = strings.TrimPrefix(phrase, "=")
	ws := m.ws[:0]
	defer func() { m.ws = ws[:0] }()
	for _, t := range text.Tokenize(phrase, 0) {
		if Joiner(t) {
			continue
		}
		if exact {
			ws = append(ws, m.vocab.add(&m.vocab.exact, t.Text))
			if m.vocab.exactShape == nil {
				m.vocab.exactShape = new([256]uint64)
			}
			m.vocab.exactShape[t.Text[0]] |= 1 << min(len(t.Text), 63)
		} else {
			ws = append(ws, m.vocab.addNorm(t.Norm))
		}
	}
	if len(ws) == 0 {
		return
	}
	t := &m.norm
	if exact {
		t = &m.exact
	}
	n := t.insert(ws)
	if exact {
		m.vocab.markStart(&m.vocab.exactStarts, ws[0], m.bit)
	} else {
		m.vocab.markStart(&m.vocab.starts, ws[0], m.bit)
	}
	if t.nodes[n].values == nil && (exact || m.table == nil || !m.tableHas(ws)) {
		m.n++
	}
	if m.table != nil && !exact && m.used.Load() {
		// the cached values of the table's phrases may include this
		// phrase's: start again
		m.cache = newCache[V](m.table)
		m.used.Store(false)
	}
	t.nodes[n].values = append(t.nodes[n].values, v)
	if len(ws) > m.maxLen {
		m.maxLen = len(ws)
	}
}

// tableHas reports whether the table has the phrase of words ws.
func (m *Matcher[V]) tableHas(ws []uint32) bool {
	n := m.table.walk(ws)
	if n == 0 {
		return false
	}
	lo, hi := m.table.values(n)
	return lo < hi
}

// tableValues returns the values of the phrase ending at table node sn,
// after those of the same phrase added by Add (dn its node in m.norm, -1
// or 0 if none), nil if it has none.
func (m *Matcher[V]) tableValues(sn, dn int32) []V {
	if dn <= 0 || m.norm.nodes[dn].values == nil {
		// most nodes a sentence reaches are prefixes of names: no
		// values, and their cache entries are not read
		if lo, hi := m.table.values(sn); lo == hi {
			return nil
		}
	}
	slot := m.cacheSlot(sn)
	if p := slot.Load(); p != nil {
		return *p
	}
	lo, hi := m.table.values(sn)
	var own []V
	if dn > 0 {
		own = m.norm.nodes[dn].values
	}
	if lo == hi && own == nil {
		return nil
	}
	vs := make([]V, 0, len(own)+hi-lo)
	vs = append(vs, own...)
	for i := lo; i < hi; i++ {
		vs = append(vs, m.value(m.table.value(i)))
	}
	if !slot.CompareAndSwap(nil, &vs) {
		return *slot.Load()
	}
	m.used.Store(true)
	return vs
}

// Len reports the number of distinct phrases.
func (m *Matcher[V]) Len() int { return m.n }

// Match is a phrase found in a token slice: tokens [Start, End) of the
// slice, with the values registered for it.
type Match[V any] struct {
	Start, End int
	Values     []V
}

// Find returns the longest non-overlapping matches in toks, left to right.
func (m *Matcher[V]) Find(toks []text.Token) []Match[V] {
	var buf [16]Word
	c := m.vocab.Code(toks, buf[:0])
	if c.starts&m.bit == 0 {
		return nil
	}
	return m.find(nil, c.Words, toks, false)
}

// FindCoded is Find on tokens coded by a Vocab. When c was not coded by
// the matcher's vocabulary, or the vocabulary has gained words since, it
// codes the tokens again.
func (m *Matcher[V]) FindCoded(c Coded) []Match[V] {
	return m.AppendCoded(nil, c)
}

// AppendCoded appends the matches FindCoded returns to dst and returns
// the extended slice.
func (m *Matcher[V]) AppendCoded(dst []Match[V], c Coded) []Match[V] {
	if c.vocab != m.vocab || c.gen != m.vocab.gen || len(c.Words) != len(c.Tokens) {
		var buf [16]Word
		c = m.vocab.Code(c.Tokens, buf[:0])
	}
	if c.starts&m.bit == 0 {
		return dst // no word of c begins a phrase of the matcher
	}
	return m.find(dst, c.Words, c.Tokens, false)
}

// AnyCoded reports whether FindCoded(c) finds a match: it stops at the
// first and allocates nothing, for the many questions of the form "does
// this span hold a trigger?".
func (m *Matcher[V]) AnyCoded(c Coded) bool {
	if c.vocab != m.vocab || c.gen != m.vocab.gen || len(c.Words) != len(c.Tokens) {
		var buf [16]Word
		c = m.vocab.Code(c.Tokens, buf[:0])
	}
	if c.starts&m.bit == 0 {
		return false
	}
	var first [1]Match[V]
	return len(m.find(first[:0], c.Words, c.Tokens, true)) > 0
}

// find appends to out the matches in toks, whose words are ws; only the
// first when first is true.
func (m *Matcher[V]) find(out []Match[V], ws []Word, toks []text.Token, first bool) []Match[V] {
	for i := 0; i < len(ws); {
		// most words of a sentence begin no phrase: they are passed by
		// with a test of the bit the vocabulary keeps for the matcher in
		// the word
		if ws[i].starts&m.bit == 0 {
			i++
			continue
		}
		bestEnd := -1
		var best []V
		words := 0
		nn, en := int32(0), int32(0) // the nodes of the phrase so far; -1 once it left the trie
		sn := int32(-1)              // the same in the table
		if m.table != nil {
			sn = 0
		}
		for j := i; j < len(ws) && words < m.maxLen; j++ {
			if ws[j].joiner {
				// a joiner inside a word ("Al-Shabaab", "Sana'a"), or the
				// period of an abbreviation that the name goes on after
				// ("St. Louis", "Mt. Elgon": sentences do not end there)
				if j == i || toks[j].SpaceBefore || j+1 >= len(ws) || toks[j+1].SpaceBefore && toks[j].Norm != "." {
					break
				}
				continue
			}
			words++
			if nn >= 0 {
				if nn = m.norm.child(nn, ws[j].norm); nn == 0 {
					nn = -1
				}
			}
			if en >= 0 {
				if en = m.exact.child(en, ws[j].exact); en == 0 {
					en = -1
				}
			}
			if sn == 0 {
				// the first word: the table's root, a read in place
				if sn = m.table.rootChild(ws[j].norm); sn == 0 {
					sn = -1
				}
			} else if sn > 0 {
				if sn = m.table.child(sn, ws[j].norm); sn == 0 {
					sn = -1
				}
			}
			if sn > 0 {
				if vs := m.tableValues(sn, nn); vs != nil {
					bestEnd, best = j+1, vs
				}
			} else if nn > 0 && m.norm.nodes[nn].values != nil {
				bestEnd, best = j+1, m.norm.nodes[nn].values
			}
			if en > 0 && m.exact.nodes[en].values != nil {
				bestEnd, best = j+1, m.exact.nodes[en].values
			}
			if (nn <= 0 || m.norm.nodes[nn].kids == 0) && (en <= 0 || m.exact.nodes[en].kids == 0) && (sn <= 0 || !m.table.hasKids(sn)) {
				break
			}
		}
		if bestEnd < 0 {
			i++
			continue
		}
		out = append(out, Match[V]{Start: i, End: bestEnd, Values: best})
		if first {
			return out
		}
		i = bestEnd
	}
	return out
}

// Vocab numbers the words of the phrases of the matchers built on it: the
// normalised words of ordinary phrases and the written words of
// exact-case phrases. Id 0 stands for a word no phrase has.
type Vocab struct {
	base  *Table // its words are ids 1 to base.Words(); nil if none
	norm  map[string]uint32
	exact map[string]uint32
	gen   uint32 // counts the words added and starts changed, so that stale codes are seen
	// starts[id] has the bits of the matchers on the vocabulary some
	// phrase of which begins with the normalised word id (its own or
	// its table's), exactStarts[id] the same for exact-case words: a
	// coded word keeps them, and a matcher passes a word without its
	// bit at once. Matchers past the eighth share the last bit
	starts, exactStarts []uint8
	matchers            int // matchers made on the vocabulary
	// startsBuf holds starts while the ids are few, so that the small
	// vocabularies made for each document make no array for them
	startsBuf [32]uint8
	// exactShape[b] has bit min(len, 63) set for every exact word of
	// that length whose first byte is b: a token whose text has no such
	// shape is not looked up in exact
	exactShape *[256]uint64 // nil until the first exact word
	// normShape is the same for the words of norm: most words of news
	// text are neither in the table nor there, and are not looked up.
	// Kept for vocabularies on a table only (nil until their first added
	// word): a document's own vocabulary, made for each document, has no
	// table and few words
	normShape *[256]uint64
	// normLens and normFirsts are a coarser filter of the same kind for
	// a vocabulary without a table, kept in place: bit min(len, 63) of
	// every word of norm, and bit b of every first byte b. Such a
	// vocabulary (a document's surnames) has a few words, and a word of
	// a sentence that has neither a length nor a first byte of them is
	// not hashed and looked up in the map
	normLens   uint64
	normFirsts [4]uint64
}

// newBit returns the bit of a new matcher on v.
func (v *Vocab) newBit() uint8 {
	b := min(v.matchers, 7)
	v.matchers++
	return 1 << b
}

// markStart records in starts (v.starts or v.exactStarts) that a phrase
// of the matcher of bit begins with word w.
func (v *Vocab) markStart(starts *[]uint8, w uint32, bit uint8) {
	if int(w) >= len(*starts) {
		*starts = append(*starts, make([]uint8, int(w)+1-len(*starts))...)
	}
	if (*starts)[w]&bit == 0 {
		(*starts)[w] |= bit
		v.gen++
	}
}

// startsOf returns the starts of a word whose ids are norm and exact.
func (v *Vocab) startsOf(norm, exact uint32) uint8 {
	var b uint8
	if int(norm) < len(v.starts) {
		b = v.starts[norm]
	}
	if exact != 0 && int(exact) < len(v.exactStarts) {
		b |= v.exactStarts[exact]
	}
	return b
}

// NewVocab returns an empty vocabulary.
func NewVocab() *Vocab {
	v := &Vocab{norm: map[string]uint32{}, exact: map[string]uint32{}}
	v.starts = v.startsBuf[:0]
	return v
}

// NewVocabOn returns a vocabulary that numbers the words of t's phrases
// as t does, and others after them, for matchers made by [NewMatcherOn]
// on t and by [NewMatcherIn].
func NewVocabOn(t *Table) *Vocab {
	v := NewVocab()
	v.base = t
	return v
}

func (v *Vocab) add(m *map[string]uint32, w string) uint32 {
	return v.addFrom(m, w, 0)
}

// addNorm numbers a normalised word: the table's id if it has the word.
func (v *Vocab) addNorm(w string) uint32 {
	if v.base == nil {
		v.markSmall(w)
		return v.addFrom(&v.norm, w, 0)
	}
	if id := v.base.word(w); id != 0 {
		return id
	}
	v.markNorm(w)
	return v.addFrom(&v.norm, w, uint32(v.base.words))
}

// markNorm records the shape of w, a word of norm, in normShape.
func (v *Vocab) markNorm(w string) {
	if w == "" {
		return
	}
	if v.normShape == nil {
		v.normShape = new([256]uint64)
	}
	v.normShape[w[0]] |= 1 << min(len(w), 63)
}

// markSmall records the length and first byte of w, a word of norm of a
// vocabulary without a table, in normLens and normFirsts.
func (v *Vocab) markSmall(w string) {
	if w == "" {
		return
	}
	v.normLens |= 1 << min(len(w), 63)
	v.normFirsts[w[0]>>6] |= 1 << (w[0] & 63)
}

// mayBeSmall reports whether w, a word not empty, has a length and a
// first byte of some word of norm of a vocabulary without a table.
func (v *Vocab) mayBeSmall(w string) bool {
	return v.normLens&(1<<min(len(w), 63)) != 0 && v.normFirsts[w[0]>>6]&(1<<(w[0]&63)) != 0
}

// mayBeNorm reports whether w has the shape of some word of norm ("" is
// always looked up).
func (v *Vocab) mayBeNorm(w string) bool {
	return w == "" || v.normShape != nil && v.normShape[w[0]]&(1<<min(len(w), 63)) != 0
}

// addFrom numbers w in m, new words from first+1 on.
func (v *Vocab) addFrom(m *map[string]uint32, w string, first uint32) uint32 {
	if id, ok := (*m)[w]; ok {
		return id
	}
	id := first + uint32(len(*m)+1)
	(*m)[w] = id
	v.gen++
	return id
}

// normID returns the id of a normalised word, 0 if it has none.
func (v *Vocab) normID(w string) uint32 {
	if v.base == nil {
		// no table to hash the word for
		if w != "" && !v.mayBeSmall(w) {
			return 0
		}
		return v.norm[w]
	}
	return v.normIDHashed(w, fnv(w))
}

// normIDHashed is normID of w, whose hash (fnv) is h.
func (v *Vocab) normIDHashed(w string, h uint32) uint32 {
	// the table first: most words of news text are in it, and a word is
	// in the map only when it is not (addNorm)
	if v.base != nil {
		if id := v.base.wordHashed(w, h); id != 0 {
			return id
		}
		if !v.mayBeNorm(w) {
			return 0
		}
	}
	return v.norm[w]
}

// Word is a token as a Vocab numbers it.
type Word struct {
	norm, exact uint32
	joiner      bool
	starts      uint8 // the bits of the matchers some phrase of which begins here (Vocab.starts)
}

// Coded is a token slice with its words as a Vocab numbers them.
type Coded struct {
	Tokens []text.Token
	Words  []Word
	vocab  *Vocab
	gen    uint32
	// starts has the starts of all its words, or more: a matcher whose
	// bit it lacks finds nothing without reading the words (a slice
	// keeps the starts of the whole)
	starts uint8
}

// Code numbers the words of toks, appending them to buf, which it may
// reuse.
func (v *Vocab) Code(toks []text.Token, buf []Word) Coded {
	ws := buf[:0]
	var starts uint8
	for _, t := range toks {
		w := Word{norm: v.normID(t.Norm), joiner: Joiner(t)}
		if v.mayBeExact(t.Text) {
			w.exact = v.exact[t.Text]
		}
		if !w.joiner {
			w.starts = v.startsOf(w.norm, w.exact)
		}
		starts |= w.starts
		ws = append(ws, w)
	}
	return Coded{Tokens: toks, Words: ws, vocab: v, gen: v.gen, starts: starts}
}

// mayBeExact reports whether s has the length and first byte of some
// exact word (tokens are never empty).
func (v *Vocab) mayBeExact(s string) bool {
	return v.exactShape != nil && len(s) > 0 && v.exactShape[s[0]]&(1<<min(len(s), 63)) != 0
}

// Slice returns tokens [a, b) of c with their words.
func (c Coded) Slice(a, b int) Coded {
	return Coded{Tokens: c.Tokens[a:b], Words: c.Words[a:b], vocab: c.vocab, gen: c.gen, starts: c.starts}
}
