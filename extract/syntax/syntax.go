// Package syntax gives a tokenised sentence its structure, fast and
// deterministically: part-of-speech tags from a lexicon of function words
// and verbs with suffix rules and a few context rules, lemmas, noun-phrase
// and verb-group chunks, the voice, negation and modality of each verb
// group, and the clause roles event frames read: subject, object, passive
// agent and prepositional attachments.
//
// The tagger is lexicon-first: most news tokens have one tag, and the few
// that have two (attack, strike, shelling, suspected) are decided by their
// neighbours. It makes no allocation per token once a Parser is warm.
package syntax

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/text"
)

// Tag is a coarse part of speech.
type Tag uint8

// Tags.
const (
	Other    Tag = iota
	Det          // the, a, this, some
	Poss         // his, its, their
	PossS        // the "'" and "s" of a possessive
	Pron         // he, they, who
	Prep         // in, on, by, against
	To           // to
	Conj         // and, or
	But          // but
	Sub          // which, that, when, while
	Be           // is, was, been
	Have         // has, had
	Do           // did, does
	Modal        // will, could
	Neg          // not, never
	Adv          // reportedly, also
	Adj          // unidentified, heavy
	Num          // 7, seven, dozens
	Noun         // civilians, attack (as a noun)
	Proper       // Garissa, Shabaab
	Verb         // base or present form: attack, attacks
	VerbPast     // past tense or participle: attacked, struck
	VerbIng      // gerund or present participle: attacking
	Punct        // , . ( )
)

var tagStrings = [...]string{"X", "DT", "PRP$", "POS", "PRP", "IN", "TO", "CC", "CCB", "SUB", "BE", "HAVE", "DO", "MD", "NEG", "RB", "JJ", "CD", "NN", "NNP", "VB", "VBD", "VBG", "."}

func (t Tag) String() string { return tagStrings[t] }

// Form is the inflection of a verb.
type Form uint8

// Verb forms.
const (
	NoForm Form = iota
	Base
	Third
	Past
	Participle
	Gerund
)

// ChunkKind tells a noun phrase from a verb group.
type ChunkKind uint8

// Chunk kinds.
const (
	NP ChunkKind = iota + 1
	VG
)

// Chunk is a noun phrase or a verb group: tokens [A, B).
type Chunk struct {
	Kind ChunkKind
	A, B int
	// Head is the token of the noun of a noun phrase or the main verb of
	// a verb group.
	Head int
	// Prep is the token of the preposition that governs a noun phrase
	// ("in Garissa"), or -1.
	Prep int
	// Possessor is, for a noun phrase, the end of the possessor phrase
	// inside it ("Pakistan's air force": the token after "s"), or -1.
	Possessor int
	// Lemma is the lemma of the head.
	Lemma string
	// Particle is the adverbial particle of a phrasal verb ("out" of
	// "carried out", "off" of "went off"), or "".
	Particle string
	// Passive, Neg, Modal and Inf describe a verb group: "was targeted",
	// "did not strike", "could strike", "to strike".
	Passive, Neg, Modal, Inf bool
	// Participle marks a participial verb group that continues the clause
	// before it (", killing two"); Reduced a past participle that
	// qualifies the noun before it ("a bomb planted by rebels").
	Participle, Reduced bool
	// Modifier marks a participle right after a noun that describes it
	// ("groups fighting an insurgency"): a description, not a report.
	Modifier bool
	// Raised marks a perfect or progressive infinitive ("are believed to
	// have killed", "are said to be targeting"): a report of the act,
	// whose subject is that of the clause before it.
	Raised bool
}

// Clause holds the roles of one verb group, as chunk indices (-1 where
// absent).
type Clause struct {
	Verb int
	// Subj is the grammatical subject: the patient of a passive verb.
	Subj int
	// Obj is the direct object of an active verb.
	Obj int
	// Agent is the "by" phrase of a passive verb.
	Agent int
	// Preps are the noun phrases governed by a preposition that attach to
	// the verb (after it, up to the next verb group).
	Preps []int
	// Inherited reports that the subject is the subject of an earlier
	// clause ("attacked the post and killed two", ", injuring seven").
	Inherited bool
}

// Sentence is the analysis of one sentence.
type Sentence struct {
	Toks    []text.Token
	Tags    []Tag
	Lemmas  []string
	Chunks  []Chunk
	Clauses []Clause
	// ChunkOf maps a token to the chunk that holds it, or -1.
	ChunkOf []int
	preps   []int // backing store of Clause.Preps
}

// Parser parses sentences, reusing its buffers: the Sentence it returns
// is valid until the next call.
type Parser struct {
	s   Sentence
	lex *wordLexicon
	// ents holds, for every token of s, what the lexicon knows of it
	// (tag), by the address of its entry (wordLexicon.ref)
	ents []*word
	// headline: whether the sentence is written in Title Case
	// (titleCase), once isHeadline has read it (headlineUnread…)
	headline uint8
}

// NewParser returns a parser with the embedded lexicon.
func NewParser() *Parser { return &Parser{lex: lexiconIndex()} }

// Parse tags, chunks and finds the clause roles of one sentence.
func (p *Parser) Parse(toks []text.Token) *Sentence { return p.parse(toks, nil) }

// ParseKnown is Parse, for tokens whose words the caller has looked up:
// known[i] is [LexEntry] of toks[i].Norm (for every word token; known is
// as long as toks).
func (p *Parser) ParseKnown(toks []text.Token, known []uint32) *Sentence {
	return p.parse(toks, known[:len(toks)])
}

// parse is Parse, reading the lexicon's indexes from known where it is
// not nil.
func (p *Parser) parse(toks []text.Token, known []uint32) *Sentence {
	s := &p.s
	n := len(toks)
	s.Toks = toks
	s.Tags = grow(s.Tags, n)
	s.Lemmas = growS(s.Lemmas, n)
	s.ChunkOf = grow(s.ChunkOf, n)
	p.ents = grow(p.ents, n)
	s.Chunks = s.Chunks[:0]
	s.Clauses = s.Clauses[:0]
	s.preps = s.preps[:0]
	p.tag(known)
	p.disambiguate()
	p.chunk()
	p.clauses()
	return s
}

func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/2)
	}
	return b[:n]
}

func growS(b []string, n int) []string { return grow(b, n) }

// Store keeps copies of parsed sentences, which stay valid after the
// parser's next call, in buffers it reuses once Reset: a document's
// sentences can be parsed once and read by several passes.
type Store struct {
	tags    []Tag
	lemmas  []string
	chunks  []Chunk
	clauses []Clause
	chunkOf []int
	preps   []int
	sents   []Sentence
}

// Reset forgets the sentences kept, whose buffers the next ones reuse.
func (st *Store) Reset() {
	clear(st.lemmas) // let the lemmas go
	st.tags, st.lemmas, st.chunks = st.tags[:0], st.lemmas[:0], st.chunks[:0]
	st.clauses, st.chunkOf, st.preps = st.clauses[:0], st.chunkOf[:0], st.preps[:0]
	clear(st.sents)
	st.sents = st.sents[:0]
}

// Keep returns a copy of s held by the store, valid until Reset.
func (st *Store) Keep(s *Sentence) *Sentence {
	st.sents = append(st.sents, Sentence{
		Toks:    s.Toks,
		Tags:    keep(&st.tags, s.Tags),
		Lemmas:  keep(&st.lemmas, s.Lemmas),
		Chunks:  keep(&st.chunks, s.Chunks),
		Clauses: keep(&st.clauses, s.Clauses),
		ChunkOf: keep(&st.chunkOf, s.ChunkOf),
	})
	c := &st.sents[len(st.sents)-1]
	for i := range c.Clauses {
		if cl := &c.Clauses[i]; cl.Preps != nil {
			cl.Preps = keep(&st.preps, cl.Preps)
		}
	}
	return c
}

// keep appends src to *buf and returns the copy. A copy made before *buf
// grew keeps the old array, which nothing writes again until Reset.
func keep[T any](buf *[]T, src []T) []T {
	n := len(*buf)
	*buf = append(*buf, src...)
	return (*buf)[n:len(*buf):len(*buf)]
}

// Word returns the lemma and tag of token i.
func (s *Sentence) Word(i int) (string, Tag) { return s.Lemmas[i], s.Tags[i] }

// Text returns the words of chunk c joined by spaces, as written.
func (s *Sentence) Text(c int) string {
	ch := s.Chunks[c]
	var b strings.Builder
	for k := ch.A; k < ch.B; k++ {
		if k > ch.A && s.Toks[k].SpaceBefore {
			b.WriteByte(' ')
		}
		b.WriteString(s.Toks[k].Text)
	}
	return b.String()
}

// PrepOf returns the preposition that governs noun phrase c, "" if none.
func (s *Sentence) PrepOf(c int) string {
	if c < 0 || s.Chunks[c].Prep < 0 {
		return ""
	}
	return s.Toks[s.Chunks[c].Prep].Norm
}

// Attached returns the noun phrases governed by a preposition that follow
// noun phrase c and qualify it ("an attack on a police station in Bura"),
// up to the next verb group or clause boundary.
func (s *Sentence) Attached(c int, out []int) []int {
	for j := c + 1; j < len(s.Chunks); j++ {
		ch := s.Chunks[j]
		if ch.Kind == VG || s.boundaryBetween(s.Chunks[j-1].B, ch.A) {
			break
		}
		if ch.Prep >= 0 {
			out = append(out, j)
		} else if !s.conjoined(j) {
			break
		}
	}
	return out
}

// RelativeObject appends to out the noun phrases that object relative
// clause cl may stand for, nearest first: the phrase before its "which"
// or "that" and, where that phrase is governed by a preposition, the
// phrases its chain qualifies ("the bombing in the market, which the
// group claimed": the market, the bombing). It appends none unless cl's
// verb is active, takes no object of its own and has its subject right
// after the relative word.
func (s *Sentence) RelativeObject(cl *Clause, out []int) []int {
	v := &s.Chunks[cl.Verb]
	if v.Kind != VG || v.Passive || cl.Obj >= 0 || cl.Subj < 0 || cl.Subj > cl.Verb || cl.Inherited {
		return out
	}
	rel := s.Chunks[cl.Subj].A - 1
	if rel < 1 || s.Tags[rel] != Sub || s.Toks[rel].Norm != "which" && s.Toks[rel].Norm != "that" {
		return out
	}
	end := rel
	if s.Toks[end-1].Norm == "," {
		end--
	}
	j := s.ChunkOf[end-1]
	for j >= 0 && s.Chunks[j].Kind == NP && s.Chunks[j].B == end {
		out = append(out, j)
		p := s.Chunks[j].Prep
		if p < 1 || s.Chunks[j].A != p+1 {
			break
		}
		end, j = p, s.ChunkOf[p-1] // "the bombing [in] the market"
	}
	return out
}

// conjoined reports whether noun phrase j follows "and"/"or" right after
// another noun phrase: a list item.
// Conjoined reports whether noun phrase j is joined to the one before it
// by "and" or "or": "Dinka [and] Nuer militias".
func (s *Sentence) Conjoined(j int) bool { return s.conjoined(j) }

func (s *Sentence) conjoined(j int) bool {
	a := s.Chunks[j].A
	return j > 0 && s.Chunks[j-1].Kind == NP && a > 0 && s.Tags[a-1] == Conj && s.Chunks[j-1].B == a-1
}

// boundaryBetween reports whether tokens [a, b) hold a clause boundary:
// a semicolon, a subordinator or a colon.
func (s *Sentence) boundaryBetween(a, b int) bool {
	for k := a; k < b; k++ {
		switch s.Tags[k] {
		case Sub, But:
			return true
		case Punct:
			switch s.Toks[k].Norm {
			case ";", ":", ".", "?", "!":
				return true
			}
		}
	}
	return false
}
