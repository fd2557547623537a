package lexicon

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/internal/wordlist"
	"github.com/newsgraph/newsgraph/extract/text"
)

//go:embed data/translit_particles.txt
var translitParticleData string

// translitParticles are the words a transliteration key drops, as a
// wordlist.Set: the skeleton of every capitalised word and the run of
// every name ask it.
var translitParticles = wordlist.NewSet(translitParticleMap)

// translitParticleMap is translitParticles as read from its file.
var translitParticleMap = func() map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(translitParticleData, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if w := strings.TrimSpace(line); w != "" {
			out[w] = true
		}
	}
	return out
}()

// minTranslitWords and minTranslitLetters bound the phrases a
// transliteration key may match: a short skeleton ("blchstn") stands for
// too many names, and one word alone may be a region of one country and a
// town of another (Balochistan in Pakistan, Sistan and Baluchestan in Iran).
const (
	minTranslitWords   = 2
	minTranslitLetters = 6
	maxTranslitTokens  = 16
)

// TranslitWord is the skeleton of one word of a transliterated name:
// lower case, a final "at" or "ah" as "a" (the Arabic ta marbuta: Nusrat,
// Nusra, Nasr; Jamaat, Jama'a), then the first letter and the consonants
// after it, doubled letters once (Anwaar, Anwar; Shabaab, Shabab; Sistan,
// Siestan; Baloch, Baluch, Balouch; Muslimin, Muslimeen). It is "" for a
// particle (al, ul, el, wal, o, e, and…).
func TranslitWord(w string) string {
	return string(appendSkeleton(nil, w))
}

// appendSkeleton appends the skeleton of word w (TranslitWord) to dst.
func appendSkeleton(dst []byte, w string) []byte {
	if isTranslitParticle(w) {
		return dst
	}
	w = trimFusedParticle(w)
	if len(w) > 3 && (strings.HasSuffix(w, "at") || strings.HasSuffix(w, "ah") || strings.HasSuffix(w, "AT") || strings.HasSuffix(w, "AH")) {
		w = w[:len(w)-1]
	}
	start := len(dst)
	for i := 0; i < len(w); i++ {
		c := foldTranslitLetter(w[i])
		if i > 0 && isTranslitVowel(c) {
			continue
		}
		if n := len(dst); n > start && dst[n-1] == c {
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

// maxTranslitParticle is the length in bytes of the longest of
// translitParticles.
var maxTranslitParticle = func() int {
	n := 0
	for w := range translitParticleMap {
		n = max(n, len(w))
	}
	return n
}()

// isTranslitParticle reports whether w, or w in lower case, is one of
// translitParticles. An ASCII word is lowered in place, without the
// allocation of strings.ToLower (the skeleton of every capitalised word
// of a document asks it), and a longer one than every particle is none,
// ASCII lowering keeping its length.
func isTranslitParticle(w string) bool {
	var buf [16]byte
	if len(w) > len(buf) || !isASCII(w) {
		return translitParticles.Has(w) || translitParticles.Has(strings.ToLower(w))
	}
	if len(w) > maxTranslitParticle {
		return false
	}
	lower := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	return translitParticles.Has(w) || translitParticles.Has(string(lower))
}

// isASCII reports whether s is all ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// trimFusedParticle drops the article "ul" written fused to the end of
// the word before it: "Hizbul Islam" is "Hizb-ul-Islam", "Ansarul Haq"
// is "Ansar ul-Haq". A word of four letters or fewer keeps it.
func trimFusedParticle(w string) string {
	if n := len(w); n > 4 && (w[n-2:] == "ul" || w[n-2:] == "UL") {
		return w[:n-2]
	}
	return w
}

// foldTranslitLetter lowers ASCII letter c and folds z into s: English
// spellings write the Arabic and Somali sounds of both letters either
// way (Hizb and Hisb, Aziz and Asis, Hezbollah and Hesbollah).
func foldTranslitLetter(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	if c == 'z' {
		c = 's'
	}
	return c
}

func isTranslitVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// TranslitKey is the transliteration key of a name: the skeletons of its
// words (TranslitWord) joined by spaces, words split at hyphens and spaces
// and joined across apostrophes (Jama'at is one word). Spellings of one
// name in Latin letters share it: "Jama'at Nusrat al-Islam wal-Muslimin"
// and "Jamaat Nasr al-Islam wal Muslimin", "Jaish al-Adl" and "Jaish
// ul-Adl", "Sistan and Baluchestan" and "Siestan-o-Baluchistan". ok is
// false when the key is too short to be trusted.
func TranslitKey(name string) (key string, ok bool) {
	return translitKeyOf(text.Tokenize(name, 0))
}

func translitKeyOf(toks []text.Token) (string, bool) {
	var buf [64]byte
	k, ok := appendTranslitKey(buf[:0], toks)
	return string(k), ok
}

// appendTranslitKey appends the transliteration key of the phrase toks
// to dst: TranslitKey without making strings, for the many phrases
// Translit.AppendMissing tries. When the key is too short it appends
// nothing and ok is false.
func appendTranslitKey(dst []byte, toks []text.Token) (key []byte, ok bool) {
	start := len(dst)
	words, letters := 0, 0
	cur := ""
	flush := func() {
		n := len(dst)
		if words > 0 {
			dst = append(dst, ' ')
		}
		m := len(dst)
		if dst = appendSkeleton(dst, cur); len(dst) == m {
			dst = dst[:n] // a particle
		} else {
			words++
			letters += len(dst) - m
		}
		cur = ""
	}
	for i, t := range toks {
		switch {
		case t.Norm == "'":
			continue // Jama'at: one word
		case Joiner(t):
			flush()
		case t.Kind != text.Word:
			return dst[:start], false
		case i > 0 && !t.SpaceBefore && toks[i-1].Norm == "'":
			cur += t.Norm
		default:
			flush()
			cur = t.Norm
		}
	}
	flush()
	if words < minTranslitWords || letters < minTranslitLetters {
		return dst[:start], false
	}
	return dst, true
}

// Translit finds names by their transliteration key (TranslitKey), for the
// spellings that no list holds.
type Translit[V any] struct {
	byKey map[string][]V
	// firsts holds the skeletons of the names' first words, so that a
	// phrase is keyed only where a name may start.
	firsts map[string]bool
	// firstBits has the bit firstBit(w) of each skeleton w of firsts: a
	// word whose bit is clear starts no name, and the map is not asked
	// (a few thousand skeletons set about one bit in twenty).
	firstBits [1 << firstHashBits / 64]uint64
	gen       uint32 // counts the changes to firsts, for the answers a WordCache keeps

	// lazy holds the ids of values added by AddLazy, made into values by
	// resolve when their key is first found, after the key's own values
	// (resolved, under mu).
	lazy     map[string][]uint32
	resolve  func(uint32) V
	mu       sync.Mutex
	resolved map[string][]V
}

// NewTranslit returns an empty index.
func NewTranslit[V any]() *Translit[V] {
	return &Translit[V]{byKey: map[string][]V{}, firsts: map[string]bool{}}
}

// Add indexes phrase with value v, if its key is long enough.
func (x *Translit[V]) Add(phrase string, v V) {
	k, ok := TranslitKey(phrase)
	if !ok {
		return
	}
	x.AddKey(k, v)
}

// Grow makes room for n more keys, so that adding many keys known ahead
// does not grow the index step by step.
func (x *Translit[V]) Grow(n int) {
	if len(x.byKey) == 0 {
		x.byKey = make(map[string][]V, n)
	}
	if len(x.firsts) == 0 {
		x.firsts = make(map[string]bool, n)
	}
}

// AddLazy indexes the value of id under key (as [Translit.AddKey] does)
// without making it yet: resolve(id) makes it when a phrase of that key is
// first found, and every lazy id needs the same resolve. A key's lazy
// values come after those added by Add and AddKey. Values that are many
// and seldom found (a gazetteer's regions) then cost nothing at start.
func (x *Translit[V]) AddLazy(key string, id uint32, resolve func(uint32) V) {
	if x.lazy == nil {
		x.lazy = map[string][]uint32{}
		x.resolved = map[string][]V{}
	}
	x.resolve = resolve
	x.lazy[key] = append(x.lazy[key], id)
	x.addFirst(key[:strings.IndexByte(key, ' ')])
}

// firstHashBits is the size of Translit.firstBits: 1<<16 bits, 8 KiB.
const firstHashBits = 16

// firstBit is the bit of firstBits for skeleton w: the low bits of its
// FNV-1a hash.
func firstBit[S string | []byte](w S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h & (1<<firstHashBits - 1)
}

// addFirst notes skeleton w as the first word of a name.
func (x *Translit[V]) addFirst(w string) {
	if !x.firsts[w] {
		x.gen++
	}
	x.firsts[w] = true
	b := firstBit(w)
	x.firstBits[b/64] |= 1 << (b % 64)
}

// isFirst reports whether skeleton w is the first word of a name.
func (x *Translit[V]) isFirst(w []byte) bool {
	b := firstBit(w)
	return x.firstBits[b/64]&(1<<(b%64)) != 0 && x.firsts[string(w)]
}

// values returns the values of key, nil if none. Its look-ups of the
// []byte key make no string; only a key resolved for the first time is
// copied into one.
func (x *Translit[V]) values(key []byte) []V {
	vs := x.byKey[string(key)]
	ids, ok := x.lazy[string(key)]
	if !ok {
		return vs
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if r, ok := x.resolved[string(key)]; ok {
		return r
	}
	r := append([]V(nil), vs...)
	for _, id := range ids {
		r = append(r, x.resolve(id))
	}
	x.resolved[string(key)] = r
	return r
}

// AddKey indexes value v under key, which [TranslitKey] returned (with
// ok) for a phrase: Add(phrase, v) without computing the key again, for
// keys compiled ahead of time.
func (x *Translit[V]) AddKey(key string, v V) {
	x.byKey[key] = append(x.byKey[key], v)
	x.addFirst(key[:strings.IndexByte(key, ' ')])
}

// AppendMissing appends to found the matches of toks by key that overlap
// none of the matches in found that hold (holds; all when nil): the
// longest phrase of capitalised words and particles starting at each
// capitalised word.
func (x *Translit[V]) AppendMissing(found []Match[V], toks []text.Token, holds func(Match[V]) bool) []Match[V] {
	return x.appendMissing(nil, found, toks, holds)
}

// AppendMissingCached is AppendMissing, with whether a word may begin a
// name (its skeleton is the first of some name's key) remembered in c
// for the words c holds, which [Vocab.CodeCached] with c of toks makes
// most of them: a document's capitalised words are mostly words the
// documents before it had.
func (x *Translit[V]) AppendMissingCached(c *WordCache, found []Match[V], toks []text.Token, holds func(Match[V]) bool) []Match[V] {
	if c.tx != any(x) || c.txGen != x.gen {
		c.forgetFirsts(x, x.gen)
	}
	return x.appendMissing(c, found, toks, holds)
}

// mayBegin reports whether the word w may begin a name: whether its
// skeleton is the first of some name's key. c, when not nil, remembers
// the answer for the words it holds.
func (x *Translit[V]) mayBegin(c *WordCache, w string) bool {
	var s *cachedWord
	if c != nil {
		if s = c.lookup(w); s != nil && s.first != 0 {
			return s.first == 2
		}
	}
	var buf [64]byte
	ok := x.isFirst(appendSkeleton(buf[:0], w))
	if s != nil {
		s.first = 1
		if ok {
			s.first = 2
		}
	}
	return ok
}

// appendMissing is AppendMissing, with the answers of mayBegin kept in c
// when it is not nil.
func (x *Translit[V]) appendMissing(c *WordCache, found []Match[V], toks []text.Token, holds func(Match[V]) bool) []Match[V] {
	n := len(found)
	covered := func(a, b int) bool {
		for _, m := range found[:n] {
			if m.Start < b && a < m.End && (holds == nil || holds(m)) {
				return true
			}
		}
		return false
	}
	var kbuf [64]byte
	for i := 0; i < len(toks); i++ {
		// a name of keys has two words or more: a capitalised word that
		// the next token does not go on from begins none, and its
		// skeleton is not asked for
		if !toks[i].Upper() || toks[i].Kind != text.Word || i+1 >= len(toks) || !inNameRun(toks, i+1) || !x.mayBegin(c, toks[i].Norm) {
			continue
		}
		end := nameRunEnd(toks, i)
		free := false // [i, j) overlaps no match: nor then does a shorter span
		for j := end; j > i+1; j-- {
			if !toks[j-1].Upper() {
				continue
			}
			if !free {
				if covered(i, j) {
					continue
				}
				free = true
			}
			k, ok := appendTranslitKey(kbuf[:0], toks[i:j])
			if !ok {
				continue
			}
			if vs := x.values(k); vs != nil {
				found = append(found, Match[V]{Start: i, End: j, Values: vs})
				i = j - 1
				break
			}
		}
	}
	return found
}

// nameRunEnd is the end of the run of capitalised words, particles and
// joiners from toks[i], at most maxTranslitTokens long.
func nameRunEnd(toks []text.Token, i int) int {
	j := i
	for j < len(toks) && j-i < maxTranslitTokens && inNameRun(toks, j) {
		j++
	}
	return j
}

// inNameRun reports whether token j of toks may be in a run of
// nameRunEnd: a capitalised word, a particle, a joiner, or a word that
// goes on after an apostrophe.
func inNameRun(toks []text.Token, j int) bool {
	t := &toks[j]
	switch {
	case t.Kind == text.Word && (t.Upper() || len(t.Norm) <= maxTranslitParticle && translitParticles.Has(t.Norm)):
	case joinerNorm(t.Norm):
	case t.Kind == text.Word && j > 0 && !t.SpaceBefore && toks[j-1].Norm == "'":
	default:
		return false
	}
	return true
}

// linkParticles are the particles that a name's usual spelling joins to
// the words around it with hyphens: Koh-e-Sabz, Anwaar-ul-Haq,
// Sistan-o-Baluchestan. From data/link_particles.tsv.
var linkParticles = wordlist.MustParse("data/link_particles.tsv", linkParticleData)

//go:embed data/link_particles.tsv
var linkParticleData string

// HyphenateParticles writes a transliterated name in its hyphenated
// spelling: a lower-case linking particle between two capitalised words is
// joined to both ("Koh e Sabz" → "Koh-e-Sabz"), so that the spellings of
// one name that differ only there are named alike.
func HyphenateParticles(name string) string {
	f := strings.Fields(name)
	if len(f) < 3 {
		return name
	}
	var b strings.Builder
	for i, w := range f {
		if i > 0 {
			if linkParticles[w] && i+1 < len(f) && upperStart(f[i-1]) && upperStart(f[i+1]) || linkParticles[f[i-1]] && i >= 2 && upperStart(f[i-2]) && upperStart(w) {
				b.WriteByte('-')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w)
	}
	return b.String()
}

func upperStart(w string) bool {
	return w != "" && 'A' <= w[0] && w[0] <= 'Z'
}

// PreferredSpelling is the spelling a name no list holds is given, so that
// documents spelling it differently name it alike: its linking particles
// hyphenated (HyphenateParticles), and the word after a hyphenated
// particle capitalised ("Anwaar-ul-haq Kakar" → "Anwaar-ul-Haq Kakar").
func PreferredSpelling(name string) string {
	f := strings.Fields(HyphenateParticles(name))
	for i, w := range f {
		parts := strings.Split(w, "-")
		for j := 2; j < len(parts); j++ {
			if linkParticles[parts[j-1]] && upperStart(parts[0]) && parts[j] != "" && 'a' <= parts[j][0] && parts[j][0] <= 'z' {
				parts[j] = string(parts[j][0]-'a'+'A') + parts[j][1:]
			}
		}
		f[i] = strings.Join(parts, "-")
	}
	return strings.Join(f, " ")
}
