package text

import (
	_ "embed"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/internal/wordlist"
)

// abbreviations lists words that are commonly followed by a period inside a
// sentence, from data/abbreviations.tsv (initials are handled separately).
var abbreviations = wordlist.MustParse("data/abbreviations.tsv", abbreviationsData)

//go:embed data/abbreviations.tsv
var abbreviationsData string

// MaxSentence is the length in bytes above which a sentence is cut in
// pieces: at the last clause break (", ", "; ", ": ") or white space of
// each MaxSentence bytes, or inside a word when there is none. News
// sentences are far shorter; the cap keeps the work per sentence, and so
// extraction of a run-on text with no full stop, bounded.
const MaxSentence = 2000

// Split divides text into sentences. A line break always ends a sentence
// (news copy puts each paragraph, headline and caption on its own line);
// within a line, a sentence ends at '.', '!' or '?' (with any closing quotes
// or brackets) followed by white space and a capital, a digit or a quote,
// unless the period ends a known abbreviation or an initial. A sentence
// longer than MaxSentence bytes is cut in pieces.
func Split(text string) []Sentence {
	sents, _ := AppendSplit(make([]Token, 0, len(text)/5+1), text)
	return sents
}

// AppendSplit is Split with the sentences' tokens appended to toks: they
// share one array, which the caller may reuse once it no longer reads the
// sentences. It returns the sentences and the extended token slice.
func AppendSplit(toks []Token, text string) ([]Sentence, []Token) {
	var sp Splitter
	return sp.split(toks, text)
}

// Splitter splits texts as Split does, keeping its arrays from one text to
// the next: the sentences and tokens Split returns are valid until its
// next call or Reset. The normalised forms of a text's tokens that are not
// their text are made as one string. Its zero value is ready to use; a
// Splitter is for one goroutine at a time.
type Splitter struct {
	toks   []Token
	sents  []Sentence
	bounds []Range
	ends   []int
	folded []byte
	at     []foldAt
}

// Split returns the sentences of text and their tokens, which share one
// array.
func (sp *Splitter) Split(text string) ([]Sentence, []Token) {
	return sp.split(sp.toks[:0], text)
}

// Reset lets go of the last text and its forms: what Split returned must
// no longer be read.
func (sp *Splitter) Reset() {
	clear(sp.toks)
	clear(sp.sents)
	sp.toks, sp.sents = sp.toks[:0], sp.sents[:0]
}

// split appends the tokens of text's sentences to toks and returns the
// sentences and the extended slice.
func (sp *Splitter) split(toks []Token, text string) ([]Sentence, []Token) {
	sp.bounds = Bounds(text, sp.bounds[:0])
	// the sentences' tokens are sliced once the array has stopped growing
	first := len(toks)
	ends, folded, at := sp.ends[:0], sp.folded[:0], sp.at[:0]
	for _, r := range sp.bounds {
		toks, folded, at = scanTokens(toks, text[r.Start:r.End], r.Start, folded, at)
		ends = append(ends, len(toks))
	}
	settleFolds(toks, folded, at)
	out := slices.Grow(sp.sents[:0], len(sp.bounds))[:len(sp.bounds)]
	start := first
	for i, r := range sp.bounds {
		out[i] = Sentence{Index: i, Start: r.Start, End: r.End, Text: text[r.Start:r.End], Tokens: toks[start:ends[i]:ends[i]]}
		start = ends[i]
	}
	sp.toks, sp.sents, sp.ends, sp.folded, sp.at = toks, out, ends, folded, at
	return out, toks
}

// Range is a byte range [Start, End) of a text.
type Range struct{ Start, End int }

// Bounds appends to dst the ranges of text's sentences, as Split finds them
// (without surrounding white space), and returns the extended slice.
func Bounds(text string, dst []Range) []Range {
	lineStart := 0
	for lineStart <= len(text) {
		nl := strings.IndexByte(text[lineStart:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = lineStart + nl
		}
		dst = splitLine(text, lineStart, lineEnd, dst)
		if nl < 0 {
			break
		}
		lineStart = lineEnd + 1
	}
	return dst
}

// terminators finds the bytes that may end a sentence, '.', '!' and
// '?', in a line text[:end]: the next of each at or after a position, each
// found by strings.IndexByte (which reads many bytes an instruction) and
// kept until the position passes it, so that the line is read about once
// for each byte. Reading the line byte by byte cost more than a tenth of
// the tokeniser.
type terminators struct {
	at  [3]int // the next '.', '!' and '?' (end where none is left; -1 before the first search)
	end int
}

// newTerminators returns the finder of the terminators of text[:end].
func newTerminators(end int) terminators {
	return terminators{at: [3]int{-1, -1, -1}, end: end}
}

// next returns the position of the first terminator of text at or after
// i, or end where none is left.
func (t *terminators) next(text string, i int) int {
	for k, c := range [3]byte{'.', '!', '?'} {
		if t.at[k] < i {
			t.at[k] = t.end
			if n := strings.IndexByte(text[i:t.end], c); n >= 0 {
				t.at[k] = i + n
			}
		}
	}
	return min(t.at[0], t.at[1], t.at[2])
}

func splitLine(text string, start, end int, out []Range) []Range {
	s := start
	if d := datelineEnd(text, start, end); d > start {
		out = appendSentence(text, start, d, out)
		s = d
	}
	i := s
	terms := newTerminators(end)
	for i < end {
		if i = terms.next(text, i); i >= end {
			break
		}
		j := i + 1
		for j < end {
			r, w := utf8.DecodeRuneInString(text[j:])
			if r == '"' || r == '\'' || r == ')' || r == ']' || r == '\u201d' || r == '\u2019' || r == '.' || r == '!' || r == '?' {
				j += w
				continue
			}
			break
		}
		if boundaryAt(text, s, i, j, end) {
			out = appendSentence(text, s, j, out)
			s = j
		}
		i = j
	}
	return appendSentence(text, s, end, out)
}

// maxDateline bounds the length in bytes of a wire dateline: a place, a
// country or state, a date and an agency.
const maxDateline = 100

// datelineEnd returns where the wire dateline that opens the line
// text[start:end] ends, or -1: a capitalised place, then whatever names
// its country and the date, then an agency in brackets and a dash before
// the story ("KIRKUK, Iraq, Dec 12 (Reuters) - Gunmen attacked"). The
// dateline is a sentence of its own, so that the story's first sentence
// opens with its subject as any other does, not with the place the report
// was filed from.
func datelineEnd(text string, start, end int) int {
	r, _ := utf8.DecodeRuneInString(text[start:end])
	if !unicode.IsUpper(r) {
		return -1
	}
	line := text[start:min(end, start+maxDateline)]
	open := strings.IndexByte(line, '(')
	if open < 2 || line[open-1] != ' ' || !datelineWords(line[:open]) {
		return -1
	}
	shut := strings.IndexByte(line[open:], ')')
	if shut < 2 || !agencyName(line[open+1:open+shut]) {
		return -1
	}
	k := open + shut + 1
	rest := strings.TrimLeft(line[k:], " ")
	dash, w := utf8.DecodeRuneInString(rest)
	if dash != '-' && dash != '\u2013' && dash != '\u2014' || len(rest) <= w || rest[w] != ' ' {
		return -1
	}
	k += len(line[k:]) - len(rest) + w
	next, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[start+k:end], " "))
	if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("\"'\u201c\u2018", next) {
		return -1 // the story opens as a sentence does
	}
	return start + k
}

// datelineWords reports whether s, the words of a dateline before its
// agency, name a place and a date: each word capitalised or a figure, but
// for short link words ("RIO DE JANEIRO" written "Rio de Janeiro").
func datelineWords(s string) bool {
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && len(w) > 3 {
			return false
		}
	}
	return true
}

// agencyName reports whether s, the words in a dateline's brackets, can
// be a news agency's name: one or two words of letters, the first
// capitalised or all in lower case ("Reuters", "AP", "AFP", "dpa").
func agencyName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 2 || len(s) > 24 {
		return false
	}
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}

// boundaryAt decides whether the terminator at text[p] (with closers up to
// q) ends a sentence that began at s.
func boundaryAt(text string, s, p, q, end int) bool {
	if q >= end {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[q:])
	word := lastWord(text[s:p])
	if !unicode.IsSpace(r) {
		// "consultations.Pakistan": a glued sentence boundary between
		// a lower-case word and a capitalised word.
		if text[p] != '.' || !unicode.IsUpper(r) || len(word) < 3 {
			return false
		}
		wr, _ := utf8.DecodeRuneInString(word)
		if !unicode.IsLower(wr) {
			return false
		}
		nxt := text[q:]
		if len(nxt) < 2 {
			return false
		}
		r2, _ := utf8.DecodeRuneInString(nxt[utf8.RuneLen(r):])
		return unicode.IsLower(r2)
	}
	// find the next non-space rune
	k := q
	for k < end {
		r2, w := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsSpace(r2) && r2 != 0xA0 {
			r = r2
			break
		}
		k += w
	}
	if k >= end {
		return true
	}
	if text[p] == '.' {
		lw := strings.ToLower(word)
		if abbreviations[lw] {
			return false
		}
		// an initial: "J. Smith", or a dotted abbreviation "U.S. forces"
		if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
			return false
		}
		if strings.Contains(word, ".") && !unicode.IsUpper(r) {
			return false
		}
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'\u201c\u2018([", r)
}

// maxWord bounds how far lastWord looks back: abbreviations and initials
// are short, and an unbounded look-back would make a long run of letters
// and periods ("a.a.a.a…") quadratic.
const maxWord = 64

// lastWord returns the run of letters, digits and periods that ends s, or
// its last maxWord bytes or so.
func lastWord(s string) string {
	i := len(s)
	for i > 0 && len(s)-i < maxWord {
		r, w := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' {
			i -= w
			continue
		}
		break
	}
	return s[i:]
}

func appendSentence(text string, s, e int, out []Range) []Range {
	r := trimRange(text, s, e)
	if r.End <= r.Start {
		return out
	}
	for r.End-r.Start > MaxSentence {
		c := cutAt(text, r.Start)
		out = append(out, trimRange(text, r.Start, c))
		r = trimRange(text, c, r.End)
	}
	return append(out, r)
}

// cutAt returns where to cut the over-long sentence that starts at s
// (and goes on beyond s+MaxSentence): after the last clause break in the
// second half of its first MaxSentence bytes, else at the last white space
// there, else at the last rune boundary. The piece before the cut holds
// no white space at either end and is not empty.
func cutAt(text string, s int) int {
	lo, hi := s+MaxSentence/2, s+MaxSentence
	space := -1
	for i := hi; i > lo; {
		r, w := utf8.DecodeLastRuneInString(text[lo:i])
		if unicode.IsSpace(r) || r == 0xA0 {
			if j := i - w; j > lo && strings.IndexByte(",;:", text[j-1]) >= 0 {
				return i - w
			}
			if space < 0 {
				space = i - w
			}
		}
		i -= w
	}
	if space > lo {
		return space
	}
	// no white space: cut inside the word, not inside a UTF-8 sequence
	for k := 0; k < utf8.UTFMax-1 && !utf8.RuneStart(text[hi]); k++ {
		hi--
	}
	return hi
}

// trimRange returns [s, e) without white space at either end.
func trimRange(text string, s, e int) Range {
	for s < e {
		r, w := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != 0xA0 {
			break
		}
		s += w
	}
	for e > s {
		r, w := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != 0xA0 {
			break
		}
		e -= w
	}
	return Range{s, e}
}
