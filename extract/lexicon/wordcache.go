package lexicon

import "github.com/newsgraph/newsgraph/extract/text"

// wordCacheSlots is the number of words a [WordCache] holds: the common
// words of news text, most of its tokens.
const wordCacheSlots = 1 << 13

// wordCacheArena is the most bytes of words a [WordCache] keeps before it
// starts again empty.
const wordCacheArena = 1 << 17

// WordCache remembers the ids a [Vocab] gave the words it coded last, so
// that a word seen again is not looked up again: finding a word in the
// vocabulary's table is a probe of a hash table of megabytes, two or
// three cache misses for every token, and most tokens of a document are
// words it or the documents before it have already used. It is
// direct-mapped on the word's hash; the words it holds are copied into
// its own arena, so that it keeps no document's text alive. A cache is
// for one goroutine at a time; its zero value is ready to use.
type WordCache struct {
	vocab *Vocab
	gen   uint32
	slots *[wordCacheSlots]cachedWord
	arena []byte
}

// cachedWord is a word of a WordCache: bytes [off, off+n) of its arena,
// and its id.
type cachedWord struct {
	off, n, id uint32
}

// reset empties c for v as it is now.
func (c *WordCache) reset(v *Vocab) {
	if c.slots == nil {
		c.slots = new([wordCacheSlots]cachedWord)
		c.arena = make([]byte, 0, wordCacheArena)
	} else {
		clear(c.slots[:])
		c.arena = c.arena[:0]
	}
	c.vocab, c.gen = v, v.gen
}

// normID is v.normID(w), remembered.
func (c *WordCache) normID(v *Vocab, w string) uint32 {
	if w == "" || len(w) > 255 {
		return v.normID(w)
	}
	h := fnv(w)
	s := &c.slots[h&(wordCacheSlots-1)]
	if int(s.n) == len(w) && string(c.arena[s.off:s.off+s.n]) == w {
		return s.id
	}
	id := v.normIDHashed(w, h)
	if len(c.arena)+len(w) > cap(c.arena) {
		c.reset(v) // full: start again with the words to come
		s = &c.slots[h&(wordCacheSlots-1)]
	}
	*s = cachedWord{off: uint32(len(c.arena)), n: uint32(len(w)), id: id}
	c.arena = append(c.arena, w...)
	return id
}

// CodeCached is [Vocab.Code], the normalised words' ids taken from c when
// it holds them and remembered there when not.
func (v *Vocab) CodeCached(c *WordCache, toks []text.Token, buf []Word) Coded {
	if c.slots == nil || c.vocab != v || c.gen != v.gen {
		c.reset(v)
	}
	ws := buf[:0]
	for _, t := range toks {
		w := Word{norm: c.normID(v, t.Norm), joiner: Joiner(t)}
		if v.mayBeExact(t.Text) {
			w.exact = v.exact[t.Text]
		}
		ws = append(ws, w)
	}
	return Coded{Tokens: toks, Words: ws, vocab: v, gen: v.gen}
}
