package extract

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/extract/text"
)

// entity is a thing named in one document, with all its mentions.
type entity struct {
	key, name, class, typ string
	country               string // ISO alpha-2
	wikidata              string
	gaz                   *gazetteer.Entry
	within                *entity
	aliases               []string // a set, in the order addAlias met them
	mentions              []*mention
	conf                  float64
	order                 int
	curated               bool     // from a curated lexicon, not found by shape
	count                 int      // how many the document says there are ("seven civilians"), 0 if it does not
	unidentified          bool     // an armed participant whose identity is not known
	described             bool     // made from a description ("seven civilians"), not a name
	side                  bool     // an organisation found by shape whose people act as its side ("KPU supporters")
	communities           []string // the communities civilians belong to ("Tugen herders"), as written
	// id is the candidate's schema.EntityID(idKey), if it made one: the
	// entity's id while its key is still idKey
	id, idKey string
	// ref caches Lexical.ref, once hasRef is set.
	ref    Ref
	hasRef bool
}

// mention is one occurrence of an entity: tokens [a, b) of sentence s.
type mention struct {
	s, a, b    int
	ent        *entity
	demonym    bool // "Pakistani", "Iranian"
	possessive bool // followed by 's
	capital    bool // a capital city, which may stand for its government
}

// docState holds everything known about one document while it is analysed.
type docState struct {
	r     *resources
	doc   Document
	sents []text.Sentence
	// coded are the sentences' tokens numbered by the matchers'
	// vocabulary (r.vocab), once for every matcher that reads them.
	coded []lexicon.Coded
	// known are the sentences' words' syntax lexicon indexes
	// (syntax.LexEntry), found with the coding, for the parser
	known    [][]uint32
	skip     []bool // boilerplate
	headline []bool
	ments    [][]*mention
	ents     map[string]*entity
	order    []*entity
	// countryCount counts country mentions (directly or through demonyms,
	// regions and places) to find the document's focus.
	countryCount *countryCounts
	// evidence counts, for each country, the other signals of the text
	// that support it (countryEvidence), for choosing among namesakes;
	// nil until findNames has found them. homesPending: the names of
	// data/homecountries.tsv the text writes are not counted in it yet
	// (hasEvidence).
	evidence     *countryCounts
	homesPending bool
	// areaCC holds, for each sentence, the countries of the first-level
	// divisions it names unambiguously, with where (findNames).
	areaCC [][]areaAt
	// nameHits are the hits of findNames while it runs; soleCC counts
	// those that are places of one country only (soleCountries), found
	// the first time curated namesakes are chosen between (moreAtHome)
	nameHits   []nameHit
	soleCC     map[string]int
	soleDone   bool
	persons    []*entity
	roles      []roleMention
	operations []opMention
	targetOf   []targetOfNote
	// claimBy caches claimant once claimDone: the group that claims the
	// document's attack.
	claimBy   *entity
	claimDone bool
	// docHash caches docKey.
	docHash string
	// placeCC caches placeDocCountry once placeCCDone.
	placeCC     string
	placeCCDone bool
	// docCC caches docCountry once docCountryDone.
	docCC          string
	docCountryDone bool
	// retaliation caches mentionsRetaliation: 0 not known yet, 1 no, 2 yes.
	retaliation int8
	// currencies caches currencyHomes once currenciesDone: the text's
	// money words are read once, not for every event that asks.
	currencies     []home
	currenciesDone bool
	// pendingNone are the sentences that say no one died, with no
	// attack of their own (frames.go).
	pendingNone []noneNote
	// doers are the actors of the attack and abduction frames of the
	// sentences read so far, in order (coref.go).
	doers []doerAt
	// conflictRefs are the sentences that speak of a particular armed
	// conflict without naming an attack (conflictrefs.go).
	conflictRefs []conflictRef
	// parsed holds the syntax of the sentences findDoers parsed, for
	// findEvents to read again (nil where it parsed none), kept in
	// buf.parses.
	parsed []*syntax.Sentence
	// defs holds pickDef's answers for the chunks of each sentence in
	// parsed (defMemo), kept in buf.defSlots.
	defs []defMemo
	// buf holds the arrays of the analysis that the record does not keep,
	// given back for the next document by release.
	buf *docBuffers
}

// nameHit is a phrase of sentence s that the name lexicons match, with
// the candidates whose case fits (findNames).
type nameHit struct {
	s     int
	m     lexicon.Match[*cand]
	cands []*cand
	at    int // its index among the document's hits, and its phraseText's
}

// docBuffers are the arrays of a document's analysis that no output
// keeps: its tokens, their codes and its sentences' syntax. They are
// reused from one document to the next (docBufferPool), so that their
// size, some twenty bytes per byte of text, is not allocated again.
type docBuffers struct {
	// the sentences and tokens (split), and the document's arrays of one
	// value per sentence (newDocState)
	split    text.Splitter
	skip     []bool
	headline []bool
	ments    [][]*mention
	coded    []lexicon.Coded
	known    [][]uint32
	parsed   []*syntax.Sentence
	defs     []defMemo
	defSlots []*frameDef
	// a sentence's normalised text (docState.boilerplate)
	scratch []byte
	// the events citing each sentence (eventDates.cited), rewritten
	// per document
	cited []int
	// the document's state itself, and its countries (docState.countryCount, emptied)
	state        docState
	countryCount countryCounts
	evidence     countryCounts // docState.evidence, emptied
	words        []lexicon.Word
	lexEnts      []uint32 // the document's known (docState.known)
	// the ids of the words the documents before used (lexicon.WordCache)
	wordIDs lexicon.WordCache
	parses  syntax.Store
	// findNames' matches, their candidates and its hits
	matches []lexicon.Match[*cand]
	// a sentence's triggers (sentenceFrames) and roles (findPersons),
	// each read before the next sentence's are found
	triggers []lexicon.Match[*lexicon.Trigger]
	roles    []lexicon.Match[*lexicon.Role]
	// the entities in the order found (docState.order)
	order []*entity
	// an event's places as eventOut sorts them
	places []*entity
	cands  []*cand
	hits   []nameHit
	// the facts of each hit's text (phraseText), kept for every pass
	phrases []phraseText
	// the civilians' entities the document has (civiliansEntity)
	civilians []civiliansAt
	// docState.areaCC and its areas (regionAreas)
	areaCC [][]areaAt
	areas  []areaAt
	// the entities, mentions, frames and events of the analysis
	ents     map[string]*entity // docState.ents, emptied
	entsPeak int                // the most entities ents has held
	entities slab[entity]
	mentions slab[mention]
	frames   slab[frame]
	events   slab[docEvent]
	// the first arrays of the entities' and the sentences' lists of
	// mentions (addMention); a longer list grows out of them
	entMentions  slab[[4]*mention]
	sentMentions slab[[8]*mention]
}

var docBufferPool = sync.Pool{New: func() any { return new(docBuffers) }}

// emptyEnts empties b.ents for the next document. Clearing a map costs
// its capacity, not its length: a map that a large document grew is
// dropped, once documents use a quarter of it, rather than cleared.
func (b *docBuffers) emptyEnts() {
	b.entsPeak = max(b.entsPeak, len(b.ents))
	if len(b.ents)*4 < b.entsPeak {
		b.ents, b.entsPeak = make(map[string]*entity, len(b.ents)), 0
		return
	}
	clear(b.ents)
}

// release gives d's buffers back for the next document: d must no longer
// be read.
func (d *docState) release() {
	b := d.buf
	b.split.Reset() // let the text go
	clear(b.ments)  // addMention reads them as nil
	clear(b.coded)  // let the tokens go
	clear(b.parsed) // keepParses clears them too
	clear(b.defs)   // keepParses clears them too
	b.words = b.words[:0]
	clear(b.matches[:cap(b.matches)]) // reused per sentence: written past its length
	clear(b.triggers[:cap(b.triggers)])
	clear(b.roles[:cap(b.roles)])
	clear(b.places[:cap(b.places)])
	clear(b.order)
	// findNames only appends to these, so past their length they are
	// still zero from the last release
	clear(b.cands)
	clear(b.hits)
	clear(b.phrases) // let the maps of adminCountries go
	clear(b.civilians)
	b.civilians = b.civilians[:0]
	clear(b.areaCC) // let the areas go: regionAreas rewrites them
	b.emptyEnts()
	b.countryCount.reset()
	b.evidence.reset()
	b.entities.reset()
	b.mentions.reset()
	b.frames.reset()
	b.events.reset()
	b.entMentions.reset()
	b.sentMentions.reset()
	b.parses.Reset()
	*d = docState{} // d is b.state: zeroed before another document takes b
	docBufferPool.Put(b)
}

// roleMention is a role phrase attached to a person.
type roleMention struct {
	person *entity
	role   string // as written, e.g. "caretaker Prime Minister"
	canon  *lexicon.Role
	of     *entity // organisation or country the role belongs to
	s      int
}

// boilerplatePrefixes open the page furniture around an article: calls to
// subscribe, share or read on, and the related-video player ("JUST WATCHED
// <title of another video> Replay More Videos"), whose titles report other
// stories than the article's.
var boilerplatePrefixes = []string{
	"just watched", "subscribe", "source link", "read also", "read more", "unlock the editor", "sign up",
	"follow us", "click here", "advertisement", "related:", "share this", "also read",
	"watch:", "listen to", "download the", "get the latest", "join our", "copyright",
	"all rights reserved", "this article", "this story", "more from", "recommended",
}

// boilerplateTrim are the characters before a boilerplate prefix.
const boilerplateTrim = " \"'-—–•*"

// boilerplateFirst holds the boilerplate prefixes, "(@" among them, by
// their first byte: a sentence is compared with the few that open as it
// does.
var boilerplateFirst = func() (by [256][]string) {
	for _, p := range append(slices.Clone(boilerplatePrefixes), "(@") {
		by[p[0]] = append(by[p[0]], p)
	}
	return by
}()

var newsletter = []byte("newsletter")

func isBoilerplate(s string) bool {
	if isASCII(s) {
		return asciiBoilerplate(s)
	}
	return normalizedBoilerplate([]byte(text.Normalize(s)))
}

// asciiBoilerplate is isBoilerplate of an ASCII s. text.Normalize
// lower-cases ASCII as strings.ToLower does, and changes none of the
// characters trimmed: it compares s itself, a prefix byte by byte
// (lowerHasPrefix of ASCII).
func asciiBoilerplate(s string) bool {
	n := strings.TrimLeft(s, boilerplateTrim)
	if n == "" {
		return false
	}
	for _, p := range boilerplateFirst[lowerByte(n[0])] {
		if len(n) >= len(p) && equalFold(n[:len(p)], p) {
			return true
		}
	}
	return indexFold(n, "newsletter") >= 0 // lowerContains of ASCII
}

// normalizedBoilerplate is isBoilerplate of a text already normalised.
func normalizedBoilerplate(n []byte) bool {
	return boilerplatePrefix(bytes.TrimLeft(n, boilerplateTrim)) || bytes.Contains(n, newsletter)
}

// boilerplatePrefix reports whether a normalised text, its boilerplateTrim
// characters trimmed, opens with a boilerplate prefix. Only the first
// boilerplateLongest bytes are read.
func boilerplatePrefix(n []byte) bool {
	if len(n) == 0 {
		return false
	}
	for _, p := range boilerplateFirst[n[0]] {
		if len(n) >= len(p) && string(n[:len(p)]) == p {
			return true
		}
	}
	return false
}

// boilerplateLongest is the length of the longest boilerplate prefix.
var boilerplateLongest = func() (n int) {
	for _, ps := range boilerplateFirst {
		for _, p := range ps {
			n = max(n, len(p))
		}
	}
	return n
}()

// boilerplateHead is how many bytes of a text's start are normalised to
// look for a boilerplate prefix, room for the longest after a few
// characters trimmed.
const boilerplateHead = 32

// boilerplate is isBoilerplate(s.Text) for a sentence of the document.
func (d *docState) boilerplate(s text.Sentence) bool {
	if isASCII(s.Text) {
		return asciiBoilerplate(s.Text)
	}
	if is, ok := d.punctBoilerplate(s.Text); ok {
		return is
	}
	d.buf.scratch = appendNormalized(d.buf.scratch[:0], d.doc.Text, s)
	return normalizedBoilerplate(d.buf.scratch)
}

// punctBoilerplate is isBoilerplate of s without normalising it whole, ok
// false where it cannot tell. When every rune of s beyond ASCII folds to
// characters none of which is a letter (quotes, dashes: text.FoldsToNonLetters),
// the letters of the normalised text are those of s, lower-cased, in the
// same runs: "newsletter" is in one where it is in the other, in any
// case. A prefix needs only the start normalised, since Normalize maps
// rune by rune; ok is false when the start is too short for the longest
// prefix once trimmed.
func (d *docState) punctBoilerplate(s string) (is, ok bool) {
	if !foldsToNonLetters(s) {
		return false, false
	}
	k := min(len(s), boilerplateHead)
	for k < len(s) && !utf8.RuneStart(s[k]) {
		k--
	}
	d.buf.scratch = text.AppendNormalize(d.buf.scratch[:0], s[:k])
	n := bytes.TrimLeft(d.buf.scratch, boilerplateTrim)
	if k < len(s) && len(n) < boilerplateLongest {
		return false, false
	}
	return boilerplatePrefix(n) || indexFold(s, "newsletter") >= 0, true
}

// foldsToNonLetters reports whether every rune of s beyond ASCII folds
// to characters none of which is a letter (text.FoldsToNonLetters).
func foldsToNonLetters(s string) bool {
	for i := 0; i < len(s); {
		if i+8 <= len(s) && ascii8(s[i:]) {
			i += 8
			continue
		}
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !text.FoldsToNonLetters(r) {
			return false
		}
		i += w
	}
	return true
}

// appendNormalized appends text.Normalize(s.Text) to dst, made of the
// tokens' normalised forms and the white space between them, as it is
// (s is a sentence of doc). Normalize maps rune by rune and leaves white
// space alone, and the tokens hold every other rune, so the two agree
// (TestAppendNormalized).
func appendNormalized(dst []byte, doc string, s text.Sentence) []byte {
	at := s.Start
	for i := range s.Tokens {
		t := &s.Tokens[i]
		dst = append(dst, doc[at:t.Start]...)
		dst = append(dst, t.Norm...)
		at = t.End
	}
	return append(dst, doc[at:s.End]...)
}

// isHeadline reports whether a sentence looks like a headline or caption:
// short, no final period, most words capitalised.
func isHeadline(s text.Sentence) bool {
	words, caps := 0, 0
	for i := range s.Tokens {
		t := &s.Tokens[i]
		if t.Kind != text.Word {
			continue
		}
		words++
		if t.Upper() {
			caps++
		}
	}
	if words == 0 {
		return true
	}
	last := s.Tokens[len(s.Tokens)-1].Text
	if last == "." || last == "\"" || last == "”" {
		return words >= 4 && float64(caps)/float64(words) > 0.7
	}
	return float64(caps)/float64(words) > 0.6 || words <= 8
}

// isListLine reports whether a sentence is a line of a list or of
// references rather than prose: it carries a list bullet ("*", "•") or a
// numbered citation mark glued to a word ("Smith[12]"), and most of its
// words are capitalised (names, titles, units), as in "*2015-12-21,
// Sergeant John Doe[4], U.S. Army, Kandahar". Such a line reports no
// event, whatever verbs its names hold; a prose sentence with a citation
// mark ("Gunmen attacked the base.[3]") keeps its lower-case words.
func isListLine(s *text.Sentence) bool {
	toks := s.Tokens
	marks := false // most sentences have none: their words are not counted
	for k := range toks {
		t := &toks[k]
		switch {
		case t.Kind == text.Word:
		case t.Text == "*" || t.Text == "•":
			if k+1 < len(toks) && !toks[k+1].SpaceBefore {
				marks = true // a bullet glued to its item: "*2015-12-21"
			}
		case t.Text == "[" && !t.SpaceBefore && k > 0 && k+2 < len(toks) && toks[k+1].Kind == text.Number && toks[k+2].Text == "]":
			marks = true // "Doe[4]"
		}
	}
	if !marks {
		return false
	}
	words, caps := 0, 0
	for k := range toks {
		if t := &toks[k]; t.Kind == text.Word {
			words++
			if t.Upper() {
				caps++
			}
		}
	}
	return words >= 3 && float64(caps)/float64(words) > 0.6
}

// particles are the lower-case words that may stand inside a name: "Abd al
// Rahman", "Osama bin Laden", "Ursula von der Leyen".
var particles = grammarList("particles")

// arabicArticles are the spellings of the Arabic article that open names
// of groups written in lower case ("al Shabaab", "el-Mourabitoun").
var arabicArticles = grammarList("arabicArticles")

// caseOK checks that the phrase matched at tokens [a, b) of a sentence
// is written as a name. A short word in capitals is an acronym
// (acronymOfOther) except as a dateline's place ("KABUL (Reuters) -").
func caseOK(sent []text.Token, a, b int, c *cand) bool {
	toks := sent[a:b]
	if acronymOfOther(toks, c) && !(a == 0 && datelineHead(sent, b)) {
		return false
	}
	content, upper := 0, 0
	first := true
	for i := range toks {
		t := &toks[i] // read in place: caseOK is asked of every match
		if lexicon.Joiner(*t) || t.Kind == text.Punct {
			continue
		}
		content++
		up := t.Upper() || t.Kind == text.Number
		if up {
			upper++
		} else if first && c.gaz == nil && arabicArticles.Has(t.Norm) {
			// "al Shabaab", "al-Qaeda": a lexicon name may open with the
			// Arabic article in lower case
		} else if first && c.gaz == nil && hyphenedPrefix(toks, i) {
			// "anti-Balaka", "ex-Seleka": a lexicon name may open with a
			// prefix in lower case, joined to its capitalised part
		} else if c.gaz != nil && !first && gazInnerWord(toks, i) {
			// "Murang'a", "Santiago del Estero", "Usti nad Labem"
		} else if !markParticle.has(t) && !(markRegion.has(t) || t.Norm == "city" || t.Norm == "district") || first {
			if c.gaz != nil || first {
				return false
			}
		}
		first = false
	}
	return upper > 0
}

// hyphenedPrefix reports whether the word at token i is joined by a
// hyphen, without spaces, to a capitalised word after it: the prefix of
// "anti-Balaka" or "ex-Seleka".
func hyphenedPrefix(toks []text.Token, i int) bool {
	return i+2 < len(toks) && joinedHyphen(toks, i+1) && toks[i+2].Upper()
}

// maxLinkWord is the length of the longest lower-case word that links two
// capitalised parts of a place's name ("del", "nad", "og", "sur", "wal").
const maxLinkWord = 4

// gazInnerWord reports whether the lower-case word at token i of a
// gazetteer name's phrase belongs to the name as written in the
// languages of the places named: the rest of a word after an apostrophe
// ("Murang'a", "Ha'il", "Mohale's Hoek"), or a short word linking two
// capitalised parts ("Santiago del Estero", "Usti nad Labem", "More og
// Romsdal", "Gracias a Dios", "Esch-sur-Alzette"), whatever the language
// of the link.
func gazInnerWord(toks []text.Token, i int) bool {
	t := &toks[i]
	if i > 0 && !t.SpaceBefore && !toks[i-1].SpaceBefore && (toks[i-1].Norm == "'" || toks[i-1].Text == "’" || toks[i-1].Text == "`" || toks[i-1].Text == "‘") {
		return true
	}
	if t.Kind != text.Word || len(t.Norm) > maxLinkWord {
		return false
	}
	for j := i + 1; j < len(toks); j++ {
		n := &toks[j]
		if lexicon.Joiner(*n) || n.Kind == text.Punct {
			continue
		}
		if n.Upper() {
			return true
		}
		if n.Kind != text.Word || len(n.Norm) > maxLinkWord {
			return false
		}
	}
	return false
}

func newDocState(r *resources, doc Document) *docState {
	buf := docBufferPool.Get().(*docBuffers)
	if buf.ents == nil {
		buf.ents = map[string]*entity{}
	}
	d := &buf.state
	*d = docState{r: r, doc: doc, ents: buf.ents, countryCount: &buf.countryCount, buf: buf, order: buf.order[:0]}
	sents, toks := buf.split.Split(doc.Text)
	d.sents = sents
	glueSpacedHyphens(toks)
	// the arrays of one value per sentence, zero (release cleared them)
	n := len(sents)
	buf.skip, buf.headline = resize(buf.skip, n), resize(buf.headline, n)
	buf.ments, buf.coded = resize(buf.ments, n), resize(buf.coded, n)
	buf.known = resize(buf.known, n)
	d.skip, d.headline, d.ments, d.coded, d.known = buf.skip, buf.headline, buf.ments, buf.coded, buf.known
	// one array for the document; the coding marks the tokens
	// (markTokens), the sentences' tokens being all of toks, and finds
	// their syntax lexicon indexes
	words := slices.Grow(d.buf.words[:0], len(toks))
	known := resize(d.buf.lexEnts, len(toks))
	k := 0
	for i, s := range d.sents {
		d.known[i] = known[k : k+len(s.Tokens) : k+len(s.Tokens)]
		d.coded[i] = r.vocab.CodeCachedMarked(&d.buf.wordIDs, s.Tokens, words[len(words):len(words):len(words)+len(s.Tokens)], wordFacts, d.known[i])
		words = words[:len(words)+len(s.Tokens)]
		k += len(s.Tokens)
	}
	d.buf.words, d.buf.lexEnts = words, known
	for i, s := range d.sents {
		d.skip[i] = d.boilerplate(s)
		d.headline[i] = isHeadline(s)
	}
	if n > 1 && !d.headline[0] {
		d.headline[0] = d.sentenceCaseHeadline()
	}
	return d
}

// maxHeadlineWords is the most words of a headline in sentence case.
const maxHeadlineWords = 16

// sentenceCaseHeadline reports whether the document's first sentence is a
// headline in sentence case, which isHeadline's share of capitals misses
// ("Militia raid on farming village kills 40, residents say"): it stands
// alone on the first line, has no final full stop, is short, and states
// an event in the present tense, as headlines do (a trigger word not in a
// past or -ing form: "kills", "attack", "strike").
func (d *docState) sentenceCaseHeadline() bool {
	s := d.sents[0]
	toks := s.Tokens
	if len(toks) == 0 || !strings.Contains(d.doc.Text[s.End:d.sents[1].Start], "\n") {
		return false
	}
	switch toks[len(toks)-1].Text {
	case ".", "\"", "”", "?", "!", ":":
		return false
	}
	words := 0
	present := false
	for i, t := range toks {
		if t.Kind != text.Word {
			continue
		}
		words++
		if i > 0 && !t.Upper() && !strings.HasSuffix(t.Norm, "ed") && !strings.HasSuffix(t.Norm, "ing") && d.triggerAt(0, i) {
			present = true
		}
	}
	return present && words <= maxHeadlineWords
}

// resize returns b with length n, reusing its array when it is large
// enough; what it holds past its old length is what the array held.
func resize[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/4)
	}
	return b[:n]
}

// hyphenPrefixes open a compound before its hyphen ("pro-government"),
// hyphenSuffixes close one after it ("rebel-held", "Iran-backed").
var hyphenPrefixes, hyphenSuffixes = grammarList("hyphenPrefixes"), grammarList("hyphenSuffixes")

// glueSpacedHyphens reads a hyphen written between spaces as its
// compound's own where a compound's prefix stands before it or its suffix
// after it: text that a tokenizer split and joined back with spaces
// writes "pro - government militias", "Islamic State - linked gunmen",
// "the rebel - held town". Every rule that reads a compound then reads
// these as it reads "pro-government". Elsewhere a hyphen between spaces
// stays a dash ("crowded places - stations and markets").
func glueSpacedHyphens(toks []text.Token) {
	for k := 1; k+1 < len(toks); k++ {
		t, next := &toks[k], &toks[k+1]
		if t.Text != "-" || !t.SpaceBefore || !next.SpaceBefore || toks[k-1].Kind != text.Word || next.Kind != text.Word {
			continue
		}
		if hyphenPrefixes.Has(toks[k-1].Norm) || hyphenSuffixes.Has(next.Norm) {
			t.SpaceBefore, next.SpaceBefore = false, false
		}
	}
}

// entity returns the document's entity for key, creating it from c.
func (d *docState) entityFor(c *cand) *entity {
	if e, ok := d.ents[c.key]; ok {
		return e
	}
	e := d.buf.entities.new(entity{key: c.key, name: c.name, class: c.class, country: c.country, wikidata: c.wikidata, gaz: c.gaz, conf: 0.9, order: len(d.order), id: c.id, idKey: c.key})
	if c.lex != nil {
		e.conf = 0.95
		e.curated = true
	}
	d.ents[c.key] = e
	d.order = append(d.order, e)
	d.buf.order = d.order
	return e
}

// newMention returns a pointer to a copy of m, from the document's slab
// of mentions.
func (d *docState) newMention(m mention) *mention {
	return d.buf.mentions.new(m)
}

// addAlias records a as an alias of e.
func (e *entity) addAlias(a string) {
	if !slices.Contains(e.aliases, a) {
		e.aliases = append(e.aliases, a)
	}
}

func (d *docState) addMention(m *mention, surface string) {
	if m.ent.mentions == nil {
		m.ent.mentions = d.buf.entMentions.new([4]*mention{})[:0]
	}
	m.ent.mentions = append(m.ent.mentions, m)
	if surface != "" && surface != m.ent.name {
		if m.ent.class == ClassPlace && m.ent.gaz != nil && extendsName([]byte(text.Normalize(surface)), m.ent.name) {
			// "Lakki Marwat" for the gazetteer's Lakki: the town's full
			// name, which the text writes, names it
			m.ent.addAlias(m.ent.name)
			m.ent.name = surface
		} else {
			m.ent.addAlias(surface)
		}
	}
	if d.ments[m.s] == nil {
		d.ments[m.s] = d.buf.sentMentions.new([8]*mention{})[:0]
	}
	d.ments[m.s] = append(d.ments[m.s], m)
}

// surface returns the text of tokens [a, b) of sentence s.
func (d *docState) surface(s, a, b int) string {
	t := d.sents[s].Tokens
	return d.doc.Text[t[a].Start:t[b-1].End]
}

// findNames runs the name matcher over every sentence and picks, for each
// ambiguous phrase, the candidate that fits the context best.
func (d *docState) findNames() {
	hits := d.buf.hits[:0]
	// the candidates of all hits, each hit's a slice of it: slices that
	// an append moved keep the old array, which nothing writes again
	pool := d.buf.cands[:0]
	found := d.buf.matches[:0]
	defer func() { d.buf.hits, d.buf.cands, d.buf.matches = hits, pool, found }()
	for si, s := range d.sents {
		if d.skip[si] {
			continue
		}
		found = d.r.names.AppendCoded(found[:0], d.coded[si])
		// each match's candidates whose case fits the text are found
		// once: a match with none makes no hit, nor does it cover a
		// name that the transliterations find
		kept := found[:0]
		var ok []*cand
		for _, m := range found {
			if wordGoesOn(s.Tokens, m.End) || negatedName(s.Tokens, m.Start) || dateName(s.Tokens, m.Start, m.End) {
				continue
			}
			if pool, ok = appendCasedCands(pool, s.Tokens, m); len(ok) > 0 {
				kept = append(kept, m)
				hits = d.addNameHit(hits, si, m, ok)
			}
		}
		n := len(kept)
		found = d.r.translit.AppendMissingCached(&d.buf.wordIDs, kept, s.Tokens, nil)
		for _, m := range found[n:] {
			if pool, ok = appendCasedCands(pool, s.Tokens, m); len(ok) > 0 {
				hits = d.addNameHit(hits, si, m, ok)
			}
		}
	}
	d.nameHits = hits
	defer func() { d.nameHits = nil }()
	d.buf.phrases = slices.Grow(d.buf.phrases[:0], len(hits))[:len(hits)]
	clear(d.buf.phrases)
	d.countNamedCountries(hits)
	d.countPlaceCountries(hits)
	d.countryEvidence(hits)
	d.areaCC = d.regionAreas(hits)
	persons := d.personSlotNames(hits)
	for _, h := range hits {
		toks := d.sents[h.s].Tokens
		best, bestScore := d.bestCand(h)
		if best == nil || bestScore < 0 || d.personNamed(persons, h) {
			continue
		}
		if seatVenue(toks, best, h.m.Start) {
			d.seatBuilding(best, h)
			continue
		}
		e := d.entityFor(best)
		if best.lex != nil {
			typeBody(e)
		}
		m := d.newMention(mention{s: h.s, a: h.m.Start, b: h.m.End, ent: e, demonym: best.demonym})
		if e.class == ClassCountry && flagLand(toks, m) {
			m.demonym = true // "a Panama-flagged tanker": as "a Panamanian tanker"
		}
		if h.m.End+1 < len(toks) && toks[h.m.End].Norm == "'" && toks[h.m.End+1].Norm == "s" {
			m.possessive = true
		}
		if best.gaz != nil && best.gaz.Kind == gazetteer.KindPlace {
			if cp := d.r.capitalOf(best.country); cp == best.gaz {
				m.capital = true
			}
		}
		surface := d.surface(h.s, h.m.Start, h.m.End)
		if last := toks[h.m.End-1]; best.class == ClassRegion && h.m.End-h.m.Start > 1 && markRegion.has(&last) && !last.Upper() {
			surface = d.surface(h.s, h.m.Start, h.m.End-1) // "Collines department": the name is Collines
		}
		if best.demonym && !peopleName(toks, h.m.Start, h.m.End) {
			surface = "" // "Turkish", "Russian": an adjective, not a name
		}
		d.addMention(m, surface)
		if best.country != "" && best.class != ClassOrganization {
			d.countryCount.add(best.country, 1)
		}
	}
}

// appendCasedCands appends to pool the candidates of match m whose case
// fits the text (caseOK, or a name that matches by exact case only) and
// returns pool and them, a slice of it.
func appendCasedCands(pool []*cand, toks []text.Token, m lexicon.Match[*cand]) ([]*cand, []*cand) {
	n := len(pool)
	for _, c := range m.Values {
		if caseOK(toks, m.Start, m.End, c) || strings.HasPrefix(c.name, "=") {
			pool = append(pool, c)
		}
	}
	return pool, pool[n:len(pool):len(pool)]
}

// addNameHit appends the hit of match m in sentence si, whose candidates
// that fit its case are ok, to hits, and counts the country that a sole
// candidate names.
func (d *docState) addNameHit(hits []nameHit, si int, m lexicon.Match[*cand], ok []*cand) []nameHit {
	for _, c := range ok {
		if c.class == ClassCountry && len(ok) == 1 {
			d.countryCount.add(c.country, 2)
		}
		if c.lex != nil && c.country != "" && len(ok) == 1 && c.class != ClassOrganization && !c.lex.DocOnly {
			d.countryCount.add(c.country, 1)
		}
	}
	return append(hits, nameHit{si, m, ok, len(hits)})
}

// regionAreas returns, for each sentence, the countries of the
// first-level areas that hits (in the order of the sentences) name there,
// as docState.areaCC, in the document buffers' arrays.
func (d *docState) regionAreas(hits []nameHit) [][]areaAt {
	byS := slices.Grow(d.buf.areaCC[:0], len(d.sents))[:len(d.sents)]
	clear(byS)
	areas := d.buf.areas[:0]
	first := 0 // where the sentence's areas start in areas
	for k, h := range hits {
		if k == 0 || h.s != hits[k-1].s {
			first = len(areas)
		}
		if cc := regionCountry(h.cands); cc != "" {
			areas = append(areas, areaAt{h.m.Start, cc})
			// a sentence's areas move with areas as it grows: those of
			// the sentences before stay where they were written
			byS[h.s] = areas[first:len(areas):len(areas)]
		}
	}
	d.buf.areaCC, d.buf.areas = byS, areas
	return byS
}

// countNamedCountries counts the countries named by a name that also
// names something else ("Benin" and Benin City, "Niger" and the river)
// where the country reading wins, before any place is chosen: a note's
// "Kandi, Benin" is Kandi in Benin, though the country is named after the
// town. A name with the country as its only reading counts as it is
// found.
func (d *docState) countNamedCountries(hits []nameHit) {
	for _, h := range hits {
		if len(h.cands) < 2 || !hasCountryReading(h.cands) {
			continue // no reading that could count: bestCand is not asked
		}
		best, bestScore := d.bestCand(h)
		if best != nil && bestScore >= 0 && best.class == ClassCountry && best.country != "" {
			d.countryCount.add(best.country, 2)
		}
	}
}

// placeMargin is how far a place's reading must lead every reading in
// another country for countPlaceCountries to count its country.
const placeMargin = 1.0

// countPlaceCountries counts, before any place is chosen, the country of
// each capital that its name and its sentence choose by a margin
// (placeMargin) over every reading in another country, so that a name
// read before the capital that tells its country is read in that
// country as one read after it: "in Embu, 200 km from Nairobi" is
// Kenya's Embu, as "in Nairobi and Embu" is. A country counts once, and
// only where nothing counted it yet; other places are left to the order
// of the text (counting them all made a foreign namesake's country lead
// notes of the development set).
func (d *docState) countPlaceCountries(hits []nameHit) {
	var seen map[string]bool
	for _, h := range hits {
		if !d.hasCapitalReading(h.cands) {
			continue // the best reading cannot be a capital: its score is not asked
		}
		toks := d.sents[h.s].Tokens
		pf := phraseFacts{txt: &d.buf.phrases[h.at]}
		best, bestScore, other := (*cand)(nil), math.Inf(-1), math.Inf(-1)
		for _, c := range h.cands {
			sc := d.score(c, toks, h.m.Start, h.m.End, h.s, &pf)
			if sc > bestScore {
				if best != nil && best.country != c.country {
					other = math.Max(other, bestScore)
				}
				best, bestScore = c, sc
			} else if best != nil && c.country != best.country {
				other = math.Max(other, sc)
			}
		}
		if best == nil || bestScore < 0 || best.gaz == nil || best.country == "" || d.r.capitalOf(best.country) != best.gaz || bestScore-other < placeMargin {
			continue
		}
		if seen == nil {
			seen = map[string]bool{}
		}
		seen[best.country] = true
	}
	for cc := range seen {
		if d.countryCount.get(cc) == 0 {
			d.countryCount.add(cc, 1)
		}
	}
}

// hasCountryReading reports whether a reading among cands is a country
// (with its code): the only best reading countNamedCountries counts.
func hasCountryReading(cands []*cand) bool {
	for _, c := range cands {
		if c.class == ClassCountry && c.country != "" {
			return true
		}
	}
	return false
}

// hasCapitalReading reports whether a reading among cands is the capital
// of its country: the only best reading countPlaceCountries counts. Most
// names have none, and score, which reads only the document, is then not
// asked of their readings.
func (d *docState) hasCapitalReading(cands []*cand) bool {
	for _, c := range cands {
		if c.gaz != nil && c.country != "" && d.r.capitalOf(c.country) == c.gaz {
			return true
		}
	}
	return false
}

// bestCand returns the candidate of a name that fits its phrase best, and
// its score (score).
func (d *docState) bestCand(h nameHit) (*cand, float64) {
	toks := d.sents[h.s].Tokens
	best, bestScore := (*cand)(nil), math.Inf(-1)
	pf := phraseFacts{txt: &d.buf.phrases[h.at], evidenceOn: d.evidence != nil && !d.namesAnyCountry(h.cands)}
	for _, c := range h.cands {
		sc := d.score(c, toks, h.m.Start, h.m.End, h.s, &pf)
		if sc > bestScore || sc == bestScore && d.moreAtHome(c, best) {
			best, bestScore = c, sc
		}
	}
	return best, bestScore
}

// moreAtHome reports whether curated body c, which shares a name with
// curated body best ("SNA": the Somali National Army and the Syrian
// National Army), belongs to a country the document names more, by its
// countries and its first-level areas: the body of the land the report
// is about ("SNA forces clashed … in Galgaduud region").
func (d *docState) moreAtHome(c, best *cand) bool {
	return best != nil && c.lex != nil && best.lex != nil && c.country != best.country && d.homeWeight(c.country) > d.homeWeight(best.country)
}

// homeWeight is how much the document names country cc: its count so far
// (countryCount) and the names of the document that are places of cc
// only (soleCountries).
func (d *docState) homeWeight(cc string) int {
	if cc == "" {
		return 0
	}
	if !d.soleDone {
		d.soleCC, d.soleDone = soleCountries(d.nameHits), true
	}
	return d.countryCount.get(cc) + d.soleCC[cc]
}

// soleCountries counts, for each country, the names among hits whose
// every reading is a place or division of that country: where a note
// happens, told before any place is chosen.
func soleCountries(hits []nameHit) map[string]int {
	var out map[string]int
	for _, h := range hits {
		cc := ""
		for _, c := range h.cands {
			if c.gaz == nil || c.country == "" || c.class != ClassRegion && c.class != ClassPlace || cc != "" && c.country != cc {
				cc = ""
				break
			}
			cc = c.country
		}
		if cc != "" {
			if out == nil {
				out = map[string]int{}
			}
			out[cc]++
		}
	}
	return out
}

// wordGoesOn reports whether the word ending before token end goes on
// past an apostrophe with no space ("Jama'at", "Sana'a"): a name matched
// on its first part ("Jama", a town of Ecuador) is not that word. The
// possessive "'s" ends the word.
func wordGoesOn(toks []text.Token, end int) bool {
	if end+1 >= len(toks) {
		return false
	}
	ap, next := toks[end], toks[end+1]
	if ap.SpaceBefore || next.SpaceBefore || ap.Norm != "'" && ap.Text != "’" {
		return false
	}
	return next.Kind == toks[end-1].Kind && next.Norm != "s"
}

// dateName reports whether the name [start, end) is a day and a month
// ("23 August", a commune of Romania; "1 May", a town of Ukraine): in
// news copy those words date the report ("On 23 August, gunmen…").
func dateName(toks []text.Token, start, end int) bool {
	return end-start == 2 && toks[start].Kind == text.Number && smallNumber(toks[start].Text) && months.Has(toks[start+1].Norm)
}

// negatedName reports whether the name starting at token start follows
// "non-" ("targeting non-Somalis", "a non-Kenyan"): people who are not of
// that country name no country.
func negatedName(toks []text.Token, start int) bool {
	if start < 2 || toks[start].SpaceBefore || toks[start-1].SpaceBefore {
		return false
	}
	return toks[start-1].Norm == "-" && toks[start-2].Norm == "non"
}

// phraseFacts are facts of the context of a name's phrase that score
// reads for its candidates alike: bestCand asks them of many candidates of
// one phrase (the namesakes of a town), and each is found once, the first
// time a candidate needs it. The facts of its text alone, which no pass
// changes, are kept for the next pass in txt, the hit's phraseText.
type phraseFacts struct {
	txt                 *phraseText
	capBefore, capAfter tristate // capitalisedNeighbour before a and from b
	placeNext           tristate // the word after the phrase is one of placeWords
	namedBefore         tristate // namedByOf holds the word two before the phrase
	loneStop            tristate // the phrase's first word is a stopword
	peopleNext          tristate // the word after the phrase is a people's noun (peopleNounAt)
	unitsKnown          bool     // regionNext and unitInside are found (unitWords)
	regionNext          bool     // the word after the phrase is a division's unit word
	inDivision          bool     // the phrase names the division a named unit lies in (divisionOf)
	unitInside          bool     // the phrase ends with a division's unit word
	// evidenceOn: no reading of the phrase lies in a country the document
	// names, so the other evidence of the text may choose (countryEvidence)
	evidenceOn bool
}

// unitWords returns whether the word after the phrase, tokens [a, b) of
// toks, is a division's unit word ("Borno state") and whether the phrase
// ends with one ("Tokat Province", a spelling some sources give the seat
// as well), found once (findUnitWords; this small part is inlined).
func (pf *phraseFacts) unitWords(toks []text.Token, a, b int) (regionNext, unitInside bool) {
	if !pf.unitsKnown {
		pf.findUnitWords(toks, a, b)
	}
	return pf.regionNext, pf.unitInside
}

// findUnitWords finds the facts unitWords returns.
func (pf *phraseFacts) findUnitWords(toks []text.Token, a, b int) {
	pf.regionNext = b < len(toks) && markRegion.has(&toks[b])
	pf.unitInside = b-a > 1 && markRegion.has(&toks[b-1])
	pf.inDivision = divisionOf(toks, a)
	pf.unitsKnown = true
}

// containingUnits are the unit words of "X district of Y" after which "of"
// names the division the unit lies in.
var containingUnits = grammarList("containingUnits")

// divisionOf reports whether the phrase starting at token a follows a
// named unit and "of": "Bardera district of Gedo", "Kasese County of
// Rwenzori". The phrase names the division the unit lies in, a division
// itself, whose country is the unit's. "The district of X" and "the
// Kenyan district of X" name the district (no name before the unit, or
// a people's adjective) and stay out.
func divisionOf(toks []text.Token, a int) bool {
	return a >= 3 && toks[a-1].Norm == "of" && containingUnits.Has(toks[a-2].Norm) && isUpperWord(&toks[a-3]) && !adjectiveName(&toks[a-3])
}

// tristate is a fact not yet found (0), false or true.
type tristate uint8

const (
	factUnknown tristate = iota
	factFalse
	factTrue
)

// known returns the fact t holds, finding it with f when unknown.
func (t *tristate) known(f func() bool) bool {
	if *t == factUnknown {
		*t = factFalse
		if f() {
			*t = factTrue
		}
	}
	return *t == factTrue
}

// phraseText holds the facts of a name hit's phrase that its text alone
// decides, found on first need and kept in the document's buffers
// (docBuffers.phrases) for each pass that scores the hit's readings
// (bestCand, countPlaceCountries). A zero phraseText knows none.
type phraseText struct {
	admin      map[string]bool // adminCountries(s, b)
	adminKnown bool
	surf       [64]byte // the normalised spelling of the phrase (normSurface)
	surfLen    int      // its length, 0 until found
}

// adminCountries is d.adminCountries(s, b), found once.
func (pf *phraseFacts) adminCountries(d *docState, s, b int) map[string]bool {
	t := pf.txt
	if !t.adminKnown {
		t.admin, t.adminKnown = d.adminCountries(s, b), true
	}
	return t.admin
}

// normSurface returns the normalised spelling of the phrase, tokens
// [a, b) of sentence s; it is kept for the other candidates and passes
// when it fits the phraseText's array.
func (pf *phraseFacts) normSurface(d *docState, s, a, b int) []byte {
	t := pf.txt
	if t.surfLen > 0 {
		return t.surf[:t.surfLen]
	}
	n := text.AppendNormalize(t.surf[:0], d.surface(s, a, b))
	if len(n) <= len(t.surf) {
		t.surfLen = len(n)
	}
	return n
}

// score rates how well candidate c fits the phrase at tokens [a, b) of
// sentence s, whose facts common to all its candidates pf keeps.
func (d *docState) score(c *cand, toks []text.Token, a, b, s int, pf *phraseFacts) float64 {
	sc := 0.0
	next := ""
	if b < len(toks) {
		next = toks[b].Norm
	}
	// the word before "of" in "the city of X" (prev2 was the two words
	// before X joined by a space, and prev2[:len(prev2)-3] the first of
	// them when the second is "of")
	beforeOf := ""
	if a >= 2 {
		beforeOf = toks[a-2].Norm
	}
	prev := ""
	if a >= 1 {
		prev = toks[a-1].Norm
	}
	regionNext, unitInside := pf.unitWords(toks, a, b)
	placeNext := func() bool { return pf.placeNext.known(func() bool { return placeWords.Has(next) }) }
	if c.lex != nil && c.lex.DocOnly && d.leadCountry() != c.country {
		return -1 // "State House" in a note about Kenya, not Zambia
	}
	switch {
	case c.lex != nil:
		sc += 6
	case c.class == ClassCountry:
		sc += 4.5
		if c.gaz != nil && c.gaz.Population > 0 {
			sc += c.popLog() / 10
		}
	case c.class == ClassRegion:
		sc += 1.5
		if regionNext || unitInside || pf.inDivision {
			sc += 3
		}
	default:
		sc += 0.5
		if c.gaz != nil && c.country == "" {
			sc += 1.5 // seas and territories the reference data lists on their own
		}
		if c.gaz != nil && d.r.capitalOf(c.country) == c.gaz {
			sc += 1.5 // a capital is named far more often than its namesakes
		}
		if c.gaz != nil && c.gaz.Population > 0 {
			sc += c.popLog() / 5
		}
		if !pf.inDivision && prev == "of" && pf.namedBefore.known(func() bool { return namedByOf.Has(beforeOf) }) || placeNext() {
			sc += 3
		}
		if regionNext || unitInside || pf.inDivision {
			sc -= 2 // "Tokat Province", "X district of Tokat": the division, not its seat
		}
	}
	if c.gaz != nil && (c.class == ClassPlace || c.class == ClassRegion) && c.country != "" {
		if in := pf.adminCountries(d, s, b); in != nil && !in[c.country] {
			return -1 // "Kandi, Alibori": the namesake in the division's country, or a place of its own
		}
	}
	if d.countryNamesake(c, s, a, b, pf) {
		sc -= countryNamesakePenalty // "Kuwait", "in Djibouti": the country, not its capital
	}
	if d.foreignBesideArea(c, s, a, b) || d.foreignAlias(c, s, a, b, pf) || d.peopleModifier(c, s, b, pf) {
		return -1 // "Lobo area … in Kilifi county": not the small town abroad
	}
	if c.gaz != nil && c.class != ClassCountry && c.country != "" {
		if n := d.countryCount.get(c.country); n > 0 {
			sc += 2 + math.Min(float64(n), 10)/10
		} else if pf.evidenceOn && d.hasEvidence(c.country) {
			sc += evidenceBonus // "Pokot raiders … in Eastleigh": the namesake where they live (countryEvidence)
		} else {
			sc -= 0.5
		}
	}
	if c.common {
		if a == 0 || d.headline[s] {
			return -1
		}
		if c.gaz == nil || c.gaz.Population < 100000 {
			if prev != "in" && prev != "of" && prev != "near" && !placeNext() && !(c.class == ClassRegion && regionNext && !isUpperWord(&toks[a-1])) {
				return -1
			}
		}
	}
	// a lone generic word ("East", "Capital") names no place
	if b-a == 1 && c.lex == nil && (c.class == ClassPlace || c.class == ClassRegion) && pf.loneStop.known(func() bool { return d.r.stopwords.Has(toks[a].Norm) }) {
		return -1
	}
	// a place name inside a longer unknown name ("Marg Bar Sarmachar")
	// (a country only by the word before it: "Puerto Jordan", but
	// "Pakistan Foreign Ministry")
	if c.lex == nil && !c.demonym && !d.headline[s] && (pf.capBefore.known(func() bool { return d.capitalisedNeighbour(s, a-1, -1) }) ||
		c.class != ClassCountry && !(c.class == ClassRegion && regionNext) && pf.capAfter.known(func() bool { return d.capitalisedNeighbour(s, b, 1) })) {
		return -1
	}
	return sc
}

// seatVenuePreps are the prepositions after which a seat of government
// names the building, not the body that sits there.
var seatVenuePreps = grammarList("seatVenuePreps")

// seatVenue reports whether candidate c, a seat of government read at
// token a, is named as where something is or happens ("shots fired near
// the Elysee", "protesters outside the Kremlin"): the building
// (seatBuilding), where no body acts, and no namesake town either.
func seatVenue(toks []text.Token, c *cand, a int) bool {
	if c.lex == nil || !c.lex.Seat {
		return false
	}
	if a > 0 && toks[a-1].Norm == "the" {
		a--
	}
	return a > 0 && seatVenuePreps.Has(toks[a-1].Norm)
}

// seatBuilding records the seat of government that hit h names as a
// venue: a place of type "facility" in the seat's country, named as the
// text names it ("the White House" in Washington, not a town of
// Tennessee).
func (d *docState) seatBuilding(seat *cand, h nameHit) {
	name := d.surface(h.s, h.m.Start, h.m.End)
	e := d.entityFor(&cand{class: ClassPlace, key: "place/" + keyCountry(seat.country) + "-" + slug(name), name: name, country: seat.country})
	e.typ = "facility"
	d.addMention(d.newMention(mention{s: h.s, a: h.m.Start, b: h.m.End, ent: e}), name)
}

// leadCountry returns the country the document names most so far (by
// the counts findNames keeps), or "" when none leads alone.
func (d *docState) leadCountry() string {
	best, n, tie := "", 0, false
	for cc, k := range d.countryCount.all {
		switch {
		case k > n:
			best, n, tie = cc, k, false
		case k == n:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// regionWords are the words for a first-level division that may follow its
// name: "Paktia province", "Borno state".
var regionWords = grammarList("regionWords")

// namedByOf are the nouns of "the city of X": X is a settlement.
var namedByOf = grammarList("namedByOf")

// placeWords are the settlement words and phrases after which a capitalised
// name is a place: "the town of X", "the village X".
var placeWords = grammarList("placeWords")

// capitalisedNeighbour reports whether the word at i of sentence s
// (skipping name particles in direction dir) is a capitalised word that
// could continue a name: not the first word of the sentence, not a
// stopword.
func (d *docState) capitalisedNeighbour(s, i, dir int) bool {
	toks := d.sents[s].Tokens
	for i >= 0 && i < len(toks) && (markParticle.has(&toks[i]) && toks[i].Norm != "of" && toks[i].Norm != "and" && toks[i].Norm != "the" || toks[i].Norm == "-" && !toks[i].SpaceBefore) {
		i += dir
	}
	if i < 0 || i >= len(toks) || i == 0 {
		return false
	}
	t := &toks[i]
	if !isUpperWord(t) || t.AllCaps() {
		return false
	}
	if d.r.stopwords.Has(t.Norm) {
		return false
	}
	var buf [1]lexicon.Match[*cand]
	for _, c := range d.r.names.AppendCoded(buf[:0], d.coded[s].Slice(i, i+1)) {
		for _, v := range c.Values {
			// a known group or a country the document is about stands on
			// its own ("Pakistan Balochistan"); a country named only
			// once may end a place's name ("Puerto Jordan")
			if v.lex != nil || v.class == ClassCountry && d.countryCount.get(v.country) > 2 {
				return false
			}
		}
	}
	return !d.r.isDemonym(t)
}

// isUpperWord reports whether a token is a capitalised word (a name part).
// It is asked millions of times a pass: Token.UpperWord answers it from
// the tokeniser's case bits and is inlined.
func isUpperWord(t *text.Token) bool {
	return t.UpperWord() // the first rune, as []rune(t.Text)[0]
}

// peopleName reports whether the demonym at tokens [a, b) is the plural
// name of a country's people ("Turks", "Ottoman Turks", "Iranians"): a
// name the document gives the country's side, kept as its alias, where
// "Turkish" or "Russian" only qualifies the noun after it.
func peopleName(toks []text.Token, a, b int) bool {
	w := toks[b-1].Norm
	return b-a == 1 && len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}
