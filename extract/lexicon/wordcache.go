package lexicon

import "github.com/newsgraph/newsgraph/extract/text"

// wordCacheSlots is the number of words a [WordCache] holds: the common
// words of news text, most of its tokens.
const (
	wordCacheBits  = 13
	wordCacheSlots = 1 << wordCacheBits
)

// WordCache remembers the ids a [Vocab] gave the words it coded last, so
// that a word seen again is not looked up again: finding a word in the
// vocabulary's table is a probe of a hash table of megabytes, two or
// three cache misses for every token, and most tokens of a document are
// words it or the documents before it have already used. It is
// direct-mapped on a hash of the word's key (wordKey): the bytes of a
// word of up to sixteen bytes, which the cache keeps in place of the
// word, so that a word is found with two comparisons of integers, and
// the cache keeps no document's text alive. Longer words are looked up
// in the vocabulary every time. A cache is for one goroutine at a time;
// its zero value is ready to use.
//
// A word may lie in either slot of a pair (wordPair), the one used last
// first: a direct-mapped cache loses both of two common words whose hash
// falls on one slot each time the text turns from one to the other, and
// a pair keeps them both for a comparison more where the first slot
// fails.
type WordCache struct {
	vocab *Vocab
	gen   uint32
	slots *[wordCacheSlots]cachedWord
	// tx and txGen are the Translit and its generation whose answers
	// the slots' first fields hold (Translit.AppendMissingCached)
	tx    any
	txGen uint32
}

// cachedWord is a word of a WordCache: its key, its length (0 for an
// empty slot), its id, the matchers that may begin a phrase there,
// whether a name of a Translit may, and its token marks.
type cachedWord struct {
	a, b    uint64
	n       uint8 // len(word) ≤ maxCachedWord
	starts  uint8 // its starts (Vocab.starts)
	first   uint8 // 0 not known, else 1 + whether the word may begin a name of the Translit tx
	marksOK bool  // marks is known
	id      uint32
	marks   uint32 // the mark function's answer (CodeCachedMarked)
	aux     uint32 // the mark function's second answer
}

// maxCachedWord is the longest word a WordCache keeps: the longest whose
// key is its bytes.
const maxCachedWord = 16

// reset empties c for v as it is now.
func (c *WordCache) reset(v *Vocab) {
	if c.slots == nil {
		c.slots = new([wordCacheSlots]cachedWord)
	} else {
		clear(c.slots[:])
	}
	c.vocab, c.gen = v, v.gen
}

// wordKey returns the key of w, a word of 1 to maxCachedWord bytes: its
// bytes, read as two integers, little endian. Words of 1 to 3 bytes are
// their first, middle and last bytes, words of 4 to 7 their first and
// last four (overlapping), words of 8 to 16 their first and last eight:
// for words of one length, the key is the word.
func wordKey(w string) (a, b uint64) {
	switch n := len(w); {
	case n >= 8:
		return load64(w[:8]), load64(w[n-8:])
	case n >= 4:
		return uint64(load32(w[:4])) | uint64(load32(w[n-4:]))<<32, 0
	default:
		return uint64(w[0]) | uint64(w[n/2])<<8 | uint64(w[n-1])<<16, 0
	}
}

// load64 returns the first eight bytes of s (at least eight), little
// endian: one load.
func load64(s string) uint64 {
	s = s[:8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load32 returns the first four bytes of s (at least four), little
// endian: one load.
func load32(s string) uint32 {
	s = s[:4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// wordPair returns the first of the two slots where a word of n bytes
// whose key is a, b may lie.
func wordPair(a, b uint64, n int) uint64 {
	return (a ^ b*0xC2B2AE3D27D4EB4F ^ uint64(n)) * 0x9E3779B97F4A7C15 >> (64 - wordCacheBits) &^ 1
}

// holds reports whether slot s holds the word of n bytes whose key is
// a, b.
func (s *cachedWord) holds(a, b uint64, n int) bool {
	return s.a == a && s.b == b && s.n == uint8(n)
}

// lookup returns the slot that holds w, nil if none does.
func (c *WordCache) lookup(w string) *cachedWord {
	n := len(w)
	if n == 0 || n > maxCachedWord || c.slots == nil {
		return nil
	}
	a, b := wordKey(w)
	p := wordPair(a, b, n)
	if s := &c.slots[p]; s.holds(a, b, n) {
		return s
	}
	if s := &c.slots[p+1]; s.holds(a, b, n) {
		return s
	}
	return nil
}

// second is the look-up of the word w, whose key is a, b, where the
// first slot of its pair p does not hold it: a word found in the second
// slot trades places with the first's, the word used last going first;
// a word in neither is looked up in v and put first, the first's word
// going second and the second's out. It returns what normID does.
func (c *WordCache) second(v *Vocab, w string, a, b uint64, p uint64) (uint32, uint8, *cachedWord) {
	s, o := &c.slots[p], &c.slots[p+1]
	if o.holds(a, b, len(w)) {
		*s, *o = *o, *s
		return s.id, s.starts, s
	}
	*o = *s
	return c.fill(v, w, a, b, s)
}

// forgetFirsts clears the slots' answers of Translit.isFirst, for the
// Translit tx at generation gen.
func (c *WordCache) forgetFirsts(tx any, gen uint32) {
	if c.slots != nil {
		for i := range c.slots {
			c.slots[i].first = 0
		}
	}
	c.tx, c.txGen = tx, gen
}

// normID returns v.normID(w) and the starts of its id, remembered, and
// the slot that remembers them, nil for a word too long or empty.
func (c *WordCache) normID(v *Vocab, w string) (uint32, uint8, *cachedWord) {
	n := len(w)
	if n == 0 || n > maxCachedWord {
		id := v.normID(w)
		return id, v.startsOf(id, 0), nil
	}
	a, b := wordKey(w)
	p := wordPair(a, b, n)
	if s := &c.slots[p]; s.holds(a, b, n) {
		return s.id, s.starts, s
	}
	return c.second(v, w, a, b, p)
}

// fill looks w up in v and remembers it in slot s, where the key a, b of
// w goes: normID's work where the cache does not hold w.
func (c *WordCache) fill(v *Vocab, w string, a, b uint64, s *cachedWord) (uint32, uint8, *cachedWord) {
	id := v.normID(w)
	st := v.startsOf(id, 0)
	*s = cachedWord{a: a, b: b, n: uint8(len(w)), starts: st, id: id}
	return id, st, s
}

// CodeCached is [Vocab.Code], the normalised words' ids taken from c when
// it holds them and remembered there when not.
func (v *Vocab) CodeCached(c *WordCache, toks []text.Token, buf []Word) Coded {
	return v.codeCached(c, toks, buf, nil, nil)
}

// CodeCachedMarked is [Vocab.CodeCached], and sets the Marks of each token
// to mark(its Norm)'s first answer and aux[i] (for token i, where aux is
// not nil) to its second, both remembered in c beside the word's id: the
// caller's look-ups of a word in its own lists, made once for the words c
// holds. mark must give one answer for a word for as long as c is used
// with it; aux, if not nil, is at least as long as toks.
func (v *Vocab) CodeCachedMarked(c *WordCache, toks []text.Token, buf []Word, mark func(string) (marks, aux uint32), aux []uint32) Coded {
	return v.codeCached(c, toks, buf, mark, aux)
}

// codeCached is CodeCached, and CodeCachedMarked when mark is not nil.
func (v *Vocab) codeCached(c *WordCache, toks []text.Token, buf []Word, mark func(string) (uint32, uint32), aux []uint32) Coded {
	if c.slots == nil || c.vocab != v || c.gen != v.gen {
		c.reset(v)
	}
	ws := buf[:0]
	if cap(ws) < len(toks) {
		ws = make([]Word, len(toks))
	}
	ws = ws[:len(toks)]
	var starts uint8
	for i := range toks {
		t := &toks[i]
		var w Word
		var s *cachedWord
		// normID, its answer from the slot written in place: most
		// tokens are words the cache holds
		if n := len(t.Norm); n != 0 && n <= maxCachedWord {
			a, b := wordKey(t.Norm)
			p := wordPair(a, b, n)
			if s = &c.slots[p]; s.a == a && s.b == b && s.n == uint8(n) {
				w.norm, w.starts = s.id, s.starts
			} else {
				w.norm, w.starts, s = c.second(v, t.Norm, a, b, p)
			}
		} else {
			w.norm, w.starts, s = c.normID(v, t.Norm)
		}
		if mark != nil {
			// the token's marks and aux from its word's slot, asking
			// mark where the slot does not know them (or is none)
			var a uint32
			switch {
			case s == nil:
				t.Marks, a = mark(t.Norm)
			case !s.marksOK:
				s.marks, s.aux = mark(t.Norm)
				s.marksOK = true
				fallthrough
			default:
				t.Marks, a = s.marks, s.aux
			}
			if aux != nil {
				aux[i] = a
			}
		}
		if joinerNorm(t.Norm) {
			w.joiner, w.starts = true, 0
		}
		if v.mayBeExact(t.Text) {
			w.exact = v.exact[t.Text]
			if !w.joiner {
				w.starts |= v.startsOf(0, w.exact)
			}
		}
		starts |= w.starts
		ws[i] = w
	}
	return Coded{Tokens: toks, Words: ws, vocab: v, gen: v.gen, starts: starts}
}
