package graph

import (
	"errors"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// The text of a row literal (rows.go): lines of tab-separated fields,
// read with a split and no reflection (a listing decodes one row an
// event).
//
//	line 0: type, subtype, CAMEO, operation, retaliation, country, date,
//	        date text, killed, killed max, injured, injured max, confidence
//	lines 1-6: actors, agents, targets, places, target texts, weapons:
//	        the number of items, then the items
//	one line a source: document, title, URL, outlet, published, killed,
//	        injured, date, then its evidence spans (schema.EvidenceSpan)
//
// Tabs, line breaks and backslashes within a field are escaped (\t, \n,
// \\). A number is "" when unknown; an optional text is "" when unknown
// and "=" and the text otherwise. IRIs under the store's base are
// written relative to it ("~entity/iran").

// rowVersion starts the text of every row of this layout.
const rowVersion = "r1"

var errBadRow = errors.New("graph: malformed listing row")

// rowLiteral is the stored form of row.
func rowLiteral(base string, row *eventRow) quad.TypedString {
	var b strings.Builder
	b.WriteString(rowVersion)
	b.WriteByte('\n')
	fields(&b, row.Type, row.Subtype, row.Cameo, row.Operation, row.Retaliation, relativeIRI(base, row.Country),
		row.Date, optText(row.DateText), optInt(row.Killed), optInt(row.KilledMax), optInt(row.Injured),
		optInt(row.InjuredMax), strconv.FormatFloat(row.Confidence, 'g', -1, 64))
	for _, list := range [][]string{relativeIRIs(base, row.Actors), relativeIRIs(base, row.Agents),
		relativeIRIs(base, row.Targets), relativeIRIs(base, row.Places), row.TargetText, row.Weapons} {
		fields(&b, append([]string{strconv.Itoa(len(list))}, list...)...)
	}
	for _, src := range row.Sources {
		fields(&b, append([]string{src.Doc, src.Title, src.URL, src.Source, src.Published,
			optInt(src.Killed), optInt(src.Injured), optText(src.Date)}, src.Evidence...)...)
	}
	return quad.TypedString{Value: quad.String(b.String()), Type: schema.Row}
}

// fields writes one line of escaped fields.
func fields(b *strings.Builder, fs ...string) {
	for i, f := range fs {
		if i > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(rowEscaper.Replace(f))
	}
	b.WriteByte('\n')
}

var (
	rowEscaper   = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`)
	rowUnescaper = strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\n`, "\n")
)

func unescape(f string) string {
	if strings.IndexByte(f, '\\') < 0 {
		return f
	}
	return rowUnescaper.Replace(f)
}

func optText(s *string) string {
	if s == nil {
		return ""
	}
	return "=" + *s
}

func optInt(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// rowOf reads a row literal back; ok is false for any other value.
func rowOf(base string, v quad.Value) (*eventRow, bool) {
	ts, typed := v.(quad.TypedString)
	if !typed || ts.Type != schema.Row {
		return nil, false
	}
	row, err := parseRow(base, string(ts.Value))
	return row, err == nil && len(row.Sources) > 0
}

// rowParser reads the fields of a row's text.
type rowParser struct {
	base string
	err  error
	// fields holds the fields of every line, one array for the row
	fields []string
}

func parseRow(base, text string) (*eventRow, error) {
	text = strings.TrimSuffix(text, "\n")
	lines := strings.Split(text, "\n")
	if len(lines) < 8 || lines[0] != rowVersion {
		return nil, errBadRow
	}
	p := &rowParser{base: base, fields: make([]string, 0, len(lines)+strings.Count(text, "\t"))}
	row := &eventRow{Sources: make([]rowSource, 0, len(lines)-8)}
	head := p.split(lines[1], 13)
	if p.err != nil {
		return nil, p.err
	}
	row.Type, row.Subtype, row.Cameo, row.Operation, row.Retaliation = head[0], head[1], head[2], head[3], head[4]
	row.Country, row.Date, row.DateText = p.iri(head[5]), head[6], p.text(head[7])
	row.Killed, row.KilledMax, row.Injured, row.InjuredMax = p.int(head[8]), p.int(head[9]), p.int(head[10]), p.int(head[11])
	row.Confidence, p.err = strconv.ParseFloat(head[12], 64)
	lists := [6]*[]string{&row.Actors, &row.Agents, &row.Targets, &row.Places, &row.TargetText, &row.Weapons}
	for i, list := range lists {
		*list = p.list(lines[2+i], i < 4)
	}
	for _, line := range lines[8:] {
		fs := p.split(line, 8)
		if p.err != nil {
			return nil, p.err
		}
		src := rowSource{Doc: fs[0], Title: fs[1], URL: fs[2], Source: fs[3], Published: fs[4],
			Killed: p.int(fs[5]), Injured: p.int(fs[6]), Date: p.text(fs[7])}
		if len(fs) > 8 {
			src.Evidence = fs[8:]
		}
		row.Sources = append(row.Sources, src)
	}
	return row, p.err
}

// split returns the unescaped fields of line, at least min of them.
func (p *rowParser) split(line string, min int) []string {
	start := len(p.fields)
	for {
		f, rest, more := strings.Cut(line, "\t")
		p.fields = append(p.fields, unescape(f))
		if !more {
			break
		}
		line = rest
	}
	fs := p.fields[start:len(p.fields):len(p.fields)]
	if len(fs) < min {
		p.err = errBadRow
		return make([]string, min)
	}
	return fs
}

// list reads a line of items after their number; nil for none.
func (p *rowParser) list(line string, iris bool) []string {
	fs := p.split(line, 1)
	if n, err := strconv.Atoi(fs[0]); err != nil || n != len(fs)-1 {
		p.err = errBadRow
		return nil
	}
	if len(fs) == 1 {
		return nil
	}
	if iris {
		for i, f := range fs[1:] {
			fs[1+i] = p.iri(f)
		}
	}
	return fs[1:]
}

func (p *rowParser) iri(s string) string { return absoluteIRI(p.base, s) }

func (p *rowParser) text(s string) *string {
	if s == "" {
		return nil
	}
	if !strings.HasPrefix(s, "=") {
		p.err = errBadRow
		return nil
	}
	t := s[1:]
	return &t
}

func (p *rowParser) int(s string) *int {
	if s == "" {
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		p.err = errBadRow
		return nil
	}
	return &n
}
