package extract

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/text"
)

// window says how a long text is divided for extraction. The analysis of
// a text holds about 40 bytes per byte of it (tokens, their codes,
// candidates, mentions); a text longer than size is therefore read in
// windows of at most size bytes, one after the other, so that the memory
// the analysis needs stays bounded whatever the document's length and the
// time grows linearly with it.
//
// Every window begins and ends at a sentence boundary of the whole text
// as text.Split finds them (a line break, a sentence end, or the hard cut
// of a sentence longer than text.MaxSentence, so that a text without any
// break is cut too): it ends before the last sentence that its size would
// cut short, and its sentences are those of the whole text. It begins up
// to overlap bytes before the end of the previous window: those sentences
// are context, read again so that an argument in the sentences before
// ("the group", an actor named earlier) is still found. What the window
// finds only in them is the previous window's: mentions there are
// dropped, and an event there is merged into the event the previous
// window found in the same sentence.
type window struct {
	size, overlap int
}

// defaultWindow: 256 KiB windows (an article is rarely a tenth of that,
// so almost every document is read in one piece) with 8 KiB of context,
// some fifty sentences.
var defaultWindow = window{size: 256 << 10, overlap: 8 << 10}

// Extract implements Extractor. A text longer than the window size is
// read in windows (see window); the record is the same as if it had been
// read in one piece, except that an analysis that would have reached
// further back than a window's context (a place's country guessed from the
// whole document, a name used far from its first mention) does not.
func (x *Lexical) Extract(ctx context.Context, doc Document) (*Record, error) {
	var urlWarning []Warning
	if u, err := CheckURL(doc.URL); err != nil {
		doc.URL = u
		urlWarning = []Warning{{Message: err.Error()}}
	}
	if x.window.size <= 0 || len(doc.Text) <= x.window.size {
		rec, err := x.extractWhole(ctx, doc)
		if rec != nil {
			rec.Warnings = append(urlWarning, rec.Warnings...)
		}
		return rec, err
	}
	if !utf8.ValidString(doc.Text) {
		doc.Text = strings.ToValidUTF8(doc.Text, "\uFFFD")
	}
	m := newWindowMerge(doc)
	m.rec.Warnings = urlWarning
	// The whole text's sentences number what the windows find: a window
	// split on its own may cut its first or last sentences elsewhere.
	all := text.Bounds(doc.Text, nil)
	var w span
	for w.to < len(doc.Text) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		w = x.window.next(doc.Text, w)
		w.all = all
		part := doc
		part.Text = doc.Text[w.from:w.to]
		rec, err := x.extractWhole(ctx, part)
		if err != nil {
			return nil, err
		}
		m.add(rec, w)
	}
	return m.record(), nil
}

// span is one window of a text: it reads doc.Text[from:to] and keeps
// what it finds in [own, to). base is the index of its first sentence in
// the whole text; sentences its sentences' ranges, relative to from.
type span struct {
	from, own, to int
	base          int
	sentences     []text.Range
	all           []text.Range // the whole text's sentences, when known
}

// next returns the window after prev (the zero span for the first): it
// owns the text from prev.to on and reads, as context, prev's sentences
// that start within overlap bytes before that.
func (wd window) next(doc string, prev span) span {
	own := prev.to
	w := span{from: own, own: own, base: prev.base + len(prev.sentences)}
	for i, r := range prev.sentences {
		if start := prev.from + r.Start; start >= own-wd.overlap {
			w.from, w.base = start, prev.base+i
			break
		}
	}
	end := w.from + wd.size
	if end >= len(doc) {
		w.to = len(doc)
		w.sentences = text.Bounds(doc[w.from:], nil)
		return w
	}
	for !utf8.RuneStart(doc[end]) {
		end--
	}
	rs := text.Bounds(doc[w.from:end], nil)
	// cut at the start of the last sentence, which the window's end may
	// have cut short
	if last := len(rs) - 1; last > 0 && w.from+rs[last].Start > own {
		w.to = w.from + rs[last].Start
		w.sentences = rs[:last]
		return w
	}
	// one sentence longer than the window (text.MaxSentence keeps them
	// far shorter): cut where the window ends
	w.to = end
	w.sentences = rs
	return w
}

// windowMerge gathers the records of a document's windows into one.
type windowMerge struct {
	rec     *Record
	ents    map[string]int    // entity ID -> index in rec.Entities
	aliases []map[string]bool // per entity
	rels    map[string]bool   // relation keys seen
	events  map[string]int    // type|evidence start -> index in rec.Events
}

func newWindowMerge(doc Document) *windowMerge {
	rec := &Record{Doc: DocInfo{ID: doc.ID, SHA256: textDigest(doc.Text)}, Entities: []Entity{}, Events: []Event{}, Relations: []Relation{}}
	opt := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	rec.Doc.Title, rec.Doc.URL, rec.Doc.Published, rec.Doc.Source = opt(doc.Title), opt(doc.URL), opt(doc.Published), opt(doc.Source)
	return &windowMerge{rec: rec, ents: map[string]int{}, rels: map[string]bool{}, events: map[string]int{}}
}

// record returns the merged record.
func (m *windowMerge) record() *Record { return m.rec }

// shift makes a span of window w relative to the whole text.
func (w span) shift(s Span) Span {
	s.Start += w.from
	s.End += w.from
	s.Sentence += w.base
	if w.all != nil {
		s.Sentence = sentenceAt(w.all, s.Start)
	}
	return s
}

// sentenceAt is the index of the last sentence of all that starts at or
// before offset.
func sentenceAt(all []text.Range, offset int) int {
	i := sort.Search(len(all), func(i int) bool { return all[i].Start > offset })
	return max(i-1, 0)
}

// shiftAll returns the spans shifted, in a new list: the extractor may
// share one list of evidence between two facts.
func (w span) shiftAll(spans []Span) []Span {
	out := make([]Span, len(spans))
	for i, s := range spans {
		out[i] = w.shift(s)
	}
	return out
}

// owns tells whether a span (already shifted) lies in what w owns.
func (w span) owns(s Span) bool { return s.Start >= w.own }

// add merges the record of window w.
func (m *windowMerge) add(rec *Record, w span) {
	for _, e := range rec.Entities {
		m.addEntity(e, w)
	}
	m.addEvents(rec.Events, w)
	for _, r := range rec.Relations {
		m.addRelation(r, w)
	}
	for _, wr := range rec.Warnings {
		if wr.Evidence == nil {
			continue // about the metadata: said once, by Extract
		}
		ev := w.shift(*wr.Evidence)
		if wr.Evidence = &ev; w.owns(ev) {
			m.rec.Warnings = append(m.rec.Warnings, wr)
		}
	}
}

// addEntity adds the mentions w owns of an entity; an entity already seen
// keeps its name and class from its first window.
func (m *windowMerge) addEntity(e Entity, w span) {
	var own []Span
	for _, s := range e.Mentions {
		if s = w.shift(s); w.owns(s) {
			own = append(own, s)
		}
	}
	if len(own) == 0 {
		return
	}
	i, seen := m.ents[e.ID]
	if !seen {
		e.Mentions = own
		m.ents[e.ID] = len(m.rec.Entities)
		m.rec.Entities = append(m.rec.Entities, e)
		set := map[string]bool{}
		for _, a := range e.Aliases {
			set[a] = true
		}
		m.aliases = append(m.aliases, set)
		return
	}
	into := &m.rec.Entities[i]
	into.Mentions = append(into.Mentions, own...)
	into.Confidence = max(into.Confidence, e.Confidence)
	for _, a := range e.Aliases {
		if !m.aliases[i][a] && a != into.Name {
			m.aliases[i][a] = true
			into.Aliases = insertSorted(into.Aliases, a)
		}
	}
}

// insertSorted inserts s into the sorted list.
func insertSorted(list []string, s string) []string {
	i := 0
	for i < len(list) && list[i] < s {
		i++
	}
	list = append(list, "")
	copy(list[i+1:], list[i:])
	list[i] = s
	return list
}

// evidenceKey identifies a sentence of an event across windows: the
// event's type and the sentence's start.
func evidenceKey(typ string, s Span) string {
	return typ + "|" + strconv.Itoa(s.Start)
}

// addEvents adds the events w finds. An event whose evidence begins in the
// context is one the previous window found, if that window gave one of
// the same type evidence in the same sentence: what w adds to it
// (evidence in what w owns, a figure, a target) goes into that event.
// The others are new, numbered after those before. A retaliation link to
// an event of the context points at that event as numbered before.
func (m *windowMerge) addEvents(events []Event, w span) {
	local := map[string]string{} // window's event ID -> document's
	first := len(m.rec.Events)
	for _, e := range events {
		e.Evidence = w.shiftAll(e.Evidence)
		if i, ok := m.earlier(e, w); ok {
			local[e.ID] = m.rec.Events[i].ID
			mergeEvent(&m.rec.Events[i], e, w)
			m.index(e, i)
			continue
		}
		id := strconv.Itoa(len(m.rec.Events))
		local[e.ID] = id
		e.ID = id
		m.index(e, len(m.rec.Events))
		m.rec.Events = append(m.rec.Events, e)
	}
	for i := first; i < len(m.rec.Events); i++ {
		if e := &m.rec.Events[i]; e.RetaliationFor != "" {
			e.RetaliationFor = local[e.RetaliationFor]
		}
	}
}

// earlier returns the event of an earlier window that e, read again in
// w's context, is: one of its type with evidence in a context sentence.
func (m *windowMerge) earlier(e Event, w span) (int, bool) {
	for _, s := range e.Evidence {
		if w.owns(s) {
			continue
		}
		if i, ok := m.events[evidenceKey(e.Type, s)]; ok {
			return i, true
		}
	}
	return 0, false
}

// index records the sentences of e as those of event i.
func (m *windowMerge) index(e Event, i int) {
	for _, s := range e.Evidence {
		m.events[evidenceKey(e.Type, s)] = i
	}
}

// mergeEvent adds to an event what a later window read of it: evidence
// in what that window owns, larger figures, targets and places it lacked.
func mergeEvent(into *Event, e Event, w span) {
	for _, s := range e.Evidence {
		if w.owns(s) { // new: no earlier window owned it
			into.Evidence = append(into.Evidence, s)
		}
	}
	into.Killed = maxFigure(into.Killed, e.Killed)
	into.Injured = maxFigure(into.Injured, e.Injured)
	if len(into.Targets) == 0 {
		into.Targets, into.TargetText = e.Targets, e.TargetText
	}
	if len(into.Places) == 0 {
		into.Places = e.Places
	}
}

// maxFigure returns the larger of two figures, either of which may be
// unknown (nil).
func maxFigure(a, b *int) *int {
	if a == nil || b != nil && *b > *a {
		return b
	}
	return a
}

// addRelation adds a relation not seen in an earlier window (the
// extractor gives each relation once, with its first evidence).
func (m *windowMerge) addRelation(r Relation, w span) {
	k := r.Subject.ID + "|" + r.Predicate + "|" + r.Object.Value
	if r.Object.Ref != nil {
		k += r.Object.Ref.ID
	}
	if m.rels[k] {
		return
	}
	r.Evidence = w.shiftAll(r.Evidence)
	m.rels[k] = true
	m.rec.Relations = append(m.rec.Relations, r)
}
