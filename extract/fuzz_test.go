package extract

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract/text"
)

// Fuzz targets for the date resolver and the whole lexical extractor. Seeds
// are in testdata/fuzz/; run one with
//
//	go test -run '^$' -fuzz '^FuzzExtract$' -fuzztime 60s ./extract

// fuzzPub turns a fuzzed number into a publication date: none for a
// negative number, else the number of days after 18 January 2024, within
// the years the input package accepts (1800 to 2199).
func fuzzPub(n int) (time.Time, string) {
	if n < 0 {
		return time.Time{}, ""
	}
	t := time.Date(2024, 1, 18, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n%(400*365))
	if t.Year() > 2199 {
		t = t.AddDate(-400, 0, 0)
	}
	return t, t.Format(time.DateOnly)
}

var dateValueRe = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)

// checkDateValue checks a resolved date: YYYY-MM-DD that exists, or YYYY-MM.
func checkDateValue(t *testing.T, what, v string) {
	t.Helper()
	layout := "2006-01"
	if len(v) == len("2006-01-02") {
		layout = time.DateOnly
	}
	if _, err := time.Parse(layout, v); !dateValueRe.MatchString(v) || err != nil {
		t.Fatalf("%s: date %q is not a day or a month (%v)", what, v, err)
	}
}

func FuzzFindDates(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string, pubDays int) {
		pub, _ := fuzzPub(pubDays)
		toks := text.Tokenize(s, 0)
		prev := 0
		for _, d := range findDates(toks, pub) {
			if d.a < prev || d.a >= d.b || d.b > len(toks) {
				t.Fatalf("date %q: tokens [%d,%d) after %d of %d", d.Text, d.a, d.b, prev, len(toks))
			}
			prev = d.b
			if d.Text != joinText(toks[d.a:d.b]) {
				t.Fatalf("date text %q, tokens %q", d.Text, joinText(toks[d.a:d.b]))
			}
			checkDateValue(t, d.Text, d.Value)
			if pub.IsZero() && !yearWritten(toks[d.a:d.b], d.Value) {
				t.Fatalf("date %q resolved to %s without a publication date", d.Text, d.Value)
			}
		}
	})
}

// yearWritten reports whether the year of value is one of the tokens.
func yearWritten(toks []text.Token, value string) bool {
	for _, tk := range toks {
		if tk.Text == value[:4] {
			return true
		}
	}
	return false
}

// checkSpan checks that sp points at its text in the document, inside the
// sentence it names.
func checkSpan(t *testing.T, doc string, sents []text.Range, what string, sp Span) {
	t.Helper()
	if sp.Start < 0 || sp.Start > sp.End || sp.End > len(doc) || doc[sp.Start:sp.End] != sp.Text {
		t.Fatalf("%s: span [%d,%d) %q does not match the text (%d bytes)", what, sp.Start, sp.End, sp.Text, len(doc))
	}
	if sp.Sentence < 0 || sp.Sentence >= len(sents) {
		t.Fatalf("%s: sentence %d of %d", what, sp.Sentence, len(sents))
	}
	if r := sents[sp.Sentence]; sp.Start < r.Start || sp.End > r.End {
		t.Fatalf("%s: span [%d,%d) outside its sentence %d [%d,%d)", what, sp.Start, sp.End, sp.Sentence, r.Start, r.End)
	}
}

// checkRecord checks the invariants of the record of doc: the document's
// fields and digest, every span valid, entities, events and relations
// complete.
func checkRecord(t *testing.T, doc Document, rec *Record) {
	t.Helper()
	sum := sha256.Sum256([]byte(doc.Text))
	if rec.Doc.ID != doc.ID || rec.Doc.SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("doc %+v", rec.Doc)
	}
	if (rec.Doc.Published == nil) != (doc.Published == "") || rec.Doc.Published != nil && *rec.Doc.Published != doc.Published {
		t.Fatalf("published %v, want %q", rec.Doc.Published, doc.Published)
	}
	if rec.Entities == nil || rec.Events == nil || rec.Relations == nil {
		t.Fatal("nil lists in the record")
	}
	sents := text.Bounds(doc.Text, nil)
	ids := map[string]bool{}
	for _, e := range rec.Entities {
		if e.ID == "" || e.Name == "" || e.Class == "" || len(e.Mentions) == 0 || ids[e.ID] {
			t.Fatalf("entity %+v (duplicate: %v)", e, ids[e.ID])
		}
		ids[e.ID] = true
		if e.Confidence <= 0 || e.Confidence > 1 {
			t.Fatalf("entity %s: confidence %v", e.Name, e.Confidence)
		}
		for _, m := range e.Mentions {
			checkSpan(t, doc.Text, sents, "mention of "+e.Name, m)
		}
	}
	refs := func(what string, rs []Ref) {
		for _, r := range rs {
			if r.ID == "" || r.Name == "" || r.Class == "" {
				t.Fatalf("%s: reference %+v", what, r)
			}
		}
	}
	for i, ev := range rec.Events {
		what := fmt.Sprintf("event %d (%s)", i, ev.Type)
		if ev.ID == "" || ev.Type == "" || len(ev.Evidence) == 0 {
			t.Fatalf("%s: %+v", what, ev)
		}
		refs(what, ev.Actors)
		refs(what, ev.Agents)
		refs(what, ev.Targets)
		refs(what, ev.Places)
		if ev.Date != nil {
			checkDateValue(t, what, *ev.Date)
		}
		if ev.Killed != nil && *ev.Killed < 0 || ev.Injured != nil && *ev.Injured < 0 {
			t.Fatalf("%s: killed %v, injured %v", what, ev.Killed, ev.Injured)
		}
		for _, sp := range ev.Evidence {
			checkSpan(t, doc.Text, sents, what, sp)
		}
	}
	for i, r := range rec.Relations {
		what := fmt.Sprintf("relation %d (%s)", i, r.Predicate)
		refs(what, []Ref{r.Subject})
		if r.Predicate == "" || r.Object.Ref == nil && r.Object.Value == "" || len(r.Evidence) == 0 {
			t.Fatalf("%s: %+v", what, r)
		}
		for _, sp := range r.Evidence {
			checkSpan(t, doc.Text, sents, what, sp)
		}
	}
}

func FuzzExtract(f *testing.F) {
	ex := Default()
	f.Fuzz(func(t *testing.T, s string, pubDays int) {
		_, pub := fuzzPub(pubDays)
		doc := Document{ID: "fuzz.txt", Text: s, Published: pub}
		rec, err := ex.Extract(context.Background(), doc)
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		repaired := doc
		repaired.Text = strings.ToValidUTF8(s, "\uFFFD")
		checkRecord(t, repaired, rec)
		// deterministic, and the record survives JSON
		again, err := ex.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		a, err := json.Marshal(rec)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		b, _ := json.Marshal(again)
		if !bytes.Equal(a, b) {
			t.Fatalf("two runs differ:\n%s\n%s", a, b)
		}
		var back Record
		if err := json.Unmarshal(a, &back); err != nil {
			t.Fatalf("unmarshal: %v", err)
		}
		if c, _ := json.Marshal(&back); !bytes.Equal(a, c) {
			t.Fatalf("the record does not survive JSON:\n%s\n%s", a, c)
		}
	})
}

// TestExtractLongSentence extracts a run-on text of 10 MB with no full
// stop: work per sentence is bounded (text.MaxSentence), so it takes
// seconds, not hours, and what the end of the text names is found.
func TestExtractLongSentence(t *testing.T) {
	if testing.Short() {
		t.Skip("10 MB of extraction")
	}
	body := longSentence(10 << 20)
	doc := Document{ID: "long.txt", Text: body + "and the strike hit Saravan", Published: "2024-01-18"}
	done := make(chan *Record, 1)
	go func() {
		rec, err := Default().Extract(context.Background(), doc)
		if err != nil {
			t.Error(err)
		}
		done <- rec
	}()
	var rec *Record
	select {
	case rec = <-done:
	case <-time.After(3 * time.Minute):
		t.Fatal("extraction of a 10 MB sentence took more than 3 minutes")
	}
	if rec == nil {
		return
	}
	checkRecord(t, doc, rec)
	saravan := entityByName(rec, "Saravan")
	if saravan == nil || entityByName(rec, "Kharkiv") == nil || len(rec.Events) == 0 {
		t.Fatalf("entities %v, %d events", entityNames(rec), len(rec.Events))
	}
	if m := saravan.Mentions[len(saravan.Mentions)-1]; m.End != len(doc.Text) {
		t.Errorf("last mention of Saravan at [%d,%d), want the end of the text (%d)", m.Start, m.End, len(doc.Text))
	}
	for _, ev := range rec.Events {
		for _, sp := range ev.Evidence {
			if len(sp.Text) > text.MaxSentence {
				t.Fatalf("evidence of %d bytes", len(sp.Text))
			}
		}
	}
}
