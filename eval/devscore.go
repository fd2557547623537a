package eval

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// DevSlots are the slots scored on each detected gold event, in the order
// they are printed.
var DevSlots = []string{"attackers", "targets", "places", "country", "date", "killed", "weapons"}

// DevReport is the result of scoring records against gold events of the
// development set's format.
type DevReport struct {
	Documents int      `json:"documents"`
	Gold      int      `json:"gold"`
	Types     []string `json:"types"`
	// NoRecord lists the annotated documents that no record covers.
	NoRecord []string `json:"no_record"`
	Detected int      `json:"detected"`
	Emitted  int      `json:"emitted"`
	// Spurious counts emitted events of the gold's types that match no
	// gold event of their document.
	Spurious  int             `json:"spurious"`
	Recall    float64         `json:"recall"`
	Precision float64         `json:"precision"`
	F1        float64         `json:"f1"`
	ByKind    map[string]*Acc `json:"recall_by_kind"`
	Slots     map[string]*Acc `json:"slots"`
	// SlotAccuracy is the share of right slots over all slots checked.
	SlotAccuracy float64 `json:"slot_accuracy"`
	// F1Slots is F1 × SlotAccuracy, the summary figure.
	F1Slots float64   `json:"f1_x_slots"`
	Misses  []DevMiss `json:"misses"`
	// Ceilings, by slot, are what reading the text can reach on the
	// places and country slots (FindCeilings); nil until measured.
	Ceilings map[string]*Ceiling `json:"ceilings,omitempty"`
}

// DevMiss is a gold event that was not detected (Event nil) or whose
// paired event has wrong slots.
type DevMiss struct {
	Gold  DevGold        `json:"gold"`
	Event *extract.Event `json:"event"`
	Wrong []string       `json:"wrong"`
}

// ErrNoGoldDocument is returned when none of the annotated documents was
// among the documents given.
var ErrNoGoldDocument = fmt.Errorf("the gold file annotates none of the documents given")

// ScoreDev scores records against gold events of the development set's
// format, as the reference scorer does: a gold event is detected when its
// document has an emitted event of its type (and, for a gold event that
// gives its sentence, one that cites the sentence or shares an attacker or
// target); each gold event is paired with its best-scoring event and its
// slots are checked on that pair.
func ScoreDev(gold []DevGold, recs []*extract.Record) *DevReport {
	byID := map[string]*extract.Record{}
	for _, r := range recs {
		id := r.Doc.ID
		if i := strings.LastIndexByte(id, '/'); i >= 0 {
			id = id[i+1:]
		}
		byID[id] = r
	}
	types := map[string]bool{}
	var docs []string
	byDoc := map[string][]*DevGold{}
	for i := range gold {
		g := &gold[i]
		types[g.Type] = true
		if byDoc[g.Doc] == nil {
			docs = append(docs, g.Doc)
		}
		byDoc[g.Doc] = append(byDoc[g.Doc], g)
	}
	rep := &DevReport{Documents: len(docs), Gold: len(gold), ByKind: map[string]*Acc{}, Slots: map[string]*Acc{}}
	for t := range types {
		rep.Types = append(rep.Types, t)
	}
	sort.Strings(rep.Types)
	for _, k := range DevSlots {
		rep.Slots[k] = &Acc{}
	}
	for _, doc := range docs {
		if byID[doc] == nil {
			rep.NoRecord = append(rep.NoRecord, doc)
		}
		rep.scoreDoc(byDoc[doc], eventsOfTypes(byID[doc], types))
	}
	for id, r := range byID {
		if byDoc[id] == nil {
			n := len(eventsOfTypes(r, types))
			rep.Emitted += n
			rep.Spurious += n
		}
	}
	rep.finish()
	return rep
}

func eventsOfTypes(r *extract.Record, types map[string]bool) []*extract.Event {
	if r == nil {
		return nil
	}
	var out []*extract.Event
	for i := range r.Events {
		if types[r.Events[i].Type] {
			out = append(out, &r.Events[i])
		}
	}
	return out
}

// scoreDoc pairs one document's gold events with its emitted events.
func (rep *DevReport) scoreDoc(golds []*DevGold, evs []*extract.Event) {
	used := map[int]bool{}
	for _, g := range golds {
		kind := g.kind()
		bk := rep.ByKind[kind]
		if bk == nil {
			bk = &Acc{}
			rep.ByKind[kind] = bk
		}
		bk.Checked++
		best, bestScore := -1, 0
		for i, e := range evs {
			if ok, sc := devMatch(g, e); ok && (best < 0 || sc > bestScore) {
				best, bestScore = i, sc
			}
		}
		if best < 0 {
			rep.Misses = append(rep.Misses, DevMiss{Gold: *g})
			continue
		}
		rep.Detected++
		bk.Correct++
		used[best] = true
		e := evs[best]
		var wrong []string
		for _, k := range DevSlots {
			if !g.has(k) {
				continue
			}
			ok := slotOK(g, e, k)
			rep.Slots[k].Checked++
			if ok {
				rep.Slots[k].Correct++
			} else {
				wrong = append(wrong, k)
			}
		}
		if len(wrong) > 0 {
			rep.Misses = append(rep.Misses, DevMiss{Gold: *g, Event: e, Wrong: wrong})
		}
	}
	for i, e := range evs {
		rep.Emitted++
		if used[i] {
			continue
		}
		matched := false
		for _, g := range golds {
			if ok, _ := devMatch(g, e); ok {
				matched = true
				break
			}
		}
		if !matched {
			rep.Spurious++
		}
	}
}

func (rep *DevReport) finish() {
	rep.Recall = float64(rep.Detected) / float64(max(rep.Gold, 1))
	if rep.Emitted > 0 {
		rep.Precision = float64(rep.Emitted-rep.Spurious) / float64(rep.Emitted)
	}
	if rep.Precision+rep.Recall > 0 {
		rep.F1 = 2 * rep.Precision * rep.Recall / (rep.Precision + rep.Recall)
	}
	right, checked := 0, 0
	for _, a := range rep.Slots {
		right += a.Correct
		checked += a.Checked
		if a.Checked > 0 {
			a.Accuracy = float64(a.Correct) / float64(a.Checked)
		}
	}
	for _, a := range rep.ByKind {
		a.Accuracy = float64(a.Correct) / float64(max(a.Checked, 1))
	}
	rep.SlotAccuracy = float64(right) / float64(max(checked, 1))
	rep.F1Slots = rep.F1 * rep.SlotAccuracy
}

// kind is the source type a gold event is counted under in the recall by
// kind: ACLED's sub-event type, or the first two levels of the WikiEvents
// or RAMS type.
func (g *DevGold) kind() string {
	k := g.sourceType()
	if p := strings.Split(k, "."); len(p) > 1 {
		k = p[0] + "." + p[1]
	}
	if g.RamsType != "" {
		k = "RAMS " + k
	}
	return k
}

func (g *DevGold) sourceType() string {
	for _, k := range []string{g.SubEventType, g.WikieventsType, g.RamsType} {
		if k != "" {
			return k
		}
	}
	return g.Type
}

// has reports whether the gold event gives a value for a slot.
func (g *DevGold) has(k string) bool {
	switch k {
	case "attackers":
		return len(g.Attackers) > 0
	case "targets":
		return len(g.Targets) > 0
	case "places":
		return len(g.Places.Names) > 0
	case "country":
		return g.Country != nil && *g.Country != ""
	case "date":
		return g.Date != nil && *g.Date != ""
	case "killed":
		return g.Killed != nil
	case "weapons":
		return len(g.Weapons) > 0
	}
	return false
}

// devMatch reports whether an emitted event can stand for a gold event
// and how well: two points for citing its sentence, two for each of the
// attackers and targets right, one for each other slot right.
func devMatch(g *DevGold, e *extract.Event) (bool, int) {
	if e.Type != g.Type {
		return false, 0
	}
	cites := citesSentence(g, e)
	parts := 0
	for _, k := range DevSlots[:2] {
		if g.has(k) && slotOK(g, e, k) {
			parts++
		}
	}
	if g.Sentence != nil && !cites && parts == 0 {
		return false, 0
	}
	score := 2*parts + btoi(cites)*2
	for _, k := range DevSlots[2:] {
		if g.has(k) && slotOK(g, e, k) {
			score++
		}
	}
	return true, score
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// citesSentence reports whether an event's evidence overlaps the gold
// sentence's bytes or starts like it; true where the gold gives no
// sentence.
func citesSentence(g *DevGold, e *extract.Event) bool {
	if g.Sentence == nil {
		return true
	}
	gs := devNorm(*g.Sentence)
	for _, x := range e.Evidence {
		if len(g.SentenceBytes) == 2 && x.Start < g.SentenceBytes[1] && x.End > g.SentenceBytes[0] {
			return true
		}
		t := devNorm(x.Text)
		if t != "" && gs != "" && (strings.Contains(gs, prefix(t, 40)) || strings.Contains(t, prefix(gs, 40))) {
			return true
		}
	}
	return false
}

func prefix(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// slotOK checks one slot of a detected event.
func slotOK(g *DevGold, e *extract.Event, k string) bool {
	switch k {
	case "attackers":
		refs := e.Actors
		if g.Symmetric {
			refs = append(append([]extract.Ref(nil), refs...), e.Targets...)
		}
		return anyRef(g.Attackers, refs)
	case "targets":
		refs := e.Targets
		if g.Symmetric {
			refs = append(append([]extract.Ref(nil), refs...), e.Actors...)
		}
		return anyRef(g.Targets, refs)
	case "places":
		return placesOK(g, e)
	case "country":
		return countryOK(g, e)
	case "date":
		return e.Date != nil && *e.Date == *g.Date
	case "killed":
		return e.Killed != nil && *e.Killed == *g.Killed || *g.Killed == 0 && e.Killed == nil
	case "weapons":
		return weaponsOK(g, e)
	}
	return false
}

// placesOK matches plain gold place names against the event's place names
// (incidents), or named gold places through the class rules against the
// event's places and its country (articles).
func placesOK(g *DevGold, e *extract.Event) bool {
	refs := make([]extract.Ref, 0, len(e.Places)+1)
	for _, r := range e.Places {
		r.Country = ""
		refs = append(refs, r)
	}
	if g.Places.Plain {
		for _, p := range g.Places.Names {
			gp := devNorm(p.Name)
			for _, r := range refs {
				for _, n := range devRefNames(r) {
					if similar(gp, n) {
						return true
					}
				}
			}
		}
		return false
	}
	if e.Country != nil {
		refs = append(refs, *e.Country)
	}
	return anyRef(g.Places.Names, refs)
}

func countryOK(g *DevGold, e *extract.Event) bool {
	c := devNorm(*g.Country)
	if c == "" {
		return false
	}
	if e.Country != nil && similar(c, devNorm(e.Country.Name)) {
		return true
	}
	for _, r := range e.Places {
		if similar(c, devNorm(r.Country)) {
			return true
		}
	}
	return false
}

func weaponsOK(g *DevGold, e *extract.Event) bool {
	var gw, sw []string
	for _, w := range g.Weapons {
		for _, n := range goldNames(w) {
			gw = append(gw, stem(n))
		}
	}
	names := e.Weapons
	if e.Subtype != "" {
		names = append(append([]string(nil), names...), e.Subtype)
	}
	for _, x := range names {
		if s := stem(devNorm(x)); s != "" {
			sw = append(sw, s)
		}
	}
	for _, a := range gw {
		for _, b := range sw {
			if a == b || min(len(a), len(b)) >= 3 && (strings.Contains(b, a) || strings.Contains(a, b)) {
				return true
			}
		}
	}
	return false
}

func anyRef(golds []DevName, refs []extract.Ref) bool {
	for _, g := range golds {
		for _, r := range refs {
			if refOK(g, r) {
				return true
			}
		}
	}
	return false
}

// refOK matches a gold name against an emitted reference: by the class
// of a gold head noun, or by a similar name.
func refOK(g DevName, r extract.Ref) bool {
	gn := goldNames(g)
	if heads := headNouns[r.Class]; heads != nil {
		for _, n := range gn {
			if heads[n] {
				return true
			}
		}
	}
	rn := devRefNames(r)
	for _, a := range gn {
		for _, b := range rn {
			if similar(a, b) {
				return true
			}
		}
	}
	return false
}

// goldNames is the normalised name and aliases of a gold item.
func goldNames(g DevName) []string {
	out := make([]string, 0, 1+len(g.Aliases))
	for _, n := range append([]string{g.Name}, g.Aliases...) {
		if s := devNorm(n); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// devRefNames is the normalised name of a reference, its aliases and its
// country.
func devRefNames(r extract.Ref) []string {
	var out []string
	for _, n := range append([]string{r.Name}, r.Aliases...) {
		if s := devNorm(n); s != "" {
			out = append(out, s)
		}
	}
	if s := devNorm(r.Country); s != "" {
		out = append(out, s)
	}
	return out
}

// WriteText prints the report as the reference scorer does, with the first
// misses misses and wrong slots listed; where FindCeilings measured them,
// a ceiling line below the places and country slot lines, which the
// reference scorer does not print.
func (rep *DevReport) WriteText(w io.Writer, misses int) error {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p("%d documents, %d gold events, %d emitted events of types %s\n", rep.Documents, rep.Gold, rep.Emitted, pyList(rep.Types))
	if len(rep.NoRecord) > 0 {
		p("  no record for %d documents (first: %s)\n", len(rep.NoRecord), pyList(rep.NoRecord[:min(3, len(rep.NoRecord))]))
	}
	p("detection recall %d/%d = %.3f; precision %d/%d = %.3f; F1 %.3f\n", rep.Detected, rep.Gold, rep.Recall, rep.Emitted-rep.Spurious, rep.Emitted, rep.Precision, rep.F1)
	var kinds []string
	for k := range rep.ByKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		a := rep.ByKind[k]
		p("  recall %s: %d/%d = %.3f\n", k, a.Correct, a.Checked, a.Accuracy)
	}
	p("slot accuracy on detected events:\n")
	for _, k := range DevSlots {
		if a := rep.Slots[k]; a.Checked > 0 {
			p("  %s: %d/%d = %.3f\n", k, a.Correct, a.Checked, a.Accuracy)
			rep.writeCeiling(p, k)
		}
	}
	for _, m := range rep.Misses[:min(max(misses, 0), len(rep.Misses))] {
		m.write(p)
	}
	p("summary: recall %.3f, precision %.3f, slot accuracy %.3f, F1 x slots %.3f\n", rep.Recall, rep.Precision, rep.SlotAccuracy, rep.F1Slots)
	_, err := io.WriteString(w, b.String())
	return err
}

func (m DevMiss) write(p func(string, ...any)) {
	g := &m.Gold
	line := fmt.Sprintf("- %s [%s]", g.Doc, g.sourceType())
	if g.Sentence != nil && *g.Sentence != "" {
		line += fmt.Sprintf(" trigger '%s': %s", g.Trigger, runePrefix(*g.Sentence, 220))
	}
	p("%s\n", line)
	if m.Event == nil {
		var parts []string
		for _, k := range DevSlots {
			if g.has(k) {
				parts = append(parts, k+"="+g.show(k))
			}
		}
		p("    gold: %s\n", strings.Join(parts, " | "))
		p("    newsgraph: no matching %s event\n", g.Type)
		return
	}
	var parts []string
	for _, k := range m.Wrong {
		parts = append(parts, fmt.Sprintf("%s: gold %s / newsgraph %s", k, g.show(k), showSlot(m.Event, k)))
	}
	p("    wrong: %s\n", strings.Join(parts, " | "))
}

// show prints a gold slot's value.
func (g *DevGold) show(k string) string {
	names := func(ns []DevName) string {
		var s []string
		for _, n := range ns {
			s = append(s, n.Name)
		}
		return strings.Join(s, "; ")
	}
	switch k {
	case "attackers":
		return names(g.Attackers)
	case "targets":
		return names(g.Targets)
	case "places":
		return names(g.Places.Names)
	case "weapons":
		return names(g.Weapons)
	case "country":
		return *g.Country
	case "date":
		return *g.Date
	case "killed":
		return strconv.Itoa(*g.Killed)
	}
	return ""
}

// showSlot prints an event's value for a slot: names joined by "; " ("-"
// for none), "None" where the record has null.
func showSlot(e *extract.Event, k string) string {
	refs := func(rs []extract.Ref) string {
		if rs == nil {
			return "None"
		}
		var s []string
		for _, r := range rs {
			s = append(s, r.Name)
		}
		if len(s) == 0 {
			return "-"
		}
		return strings.Join(s, "; ")
	}
	switch k {
	case "attackers":
		return refs(e.Actors)
	case "targets":
		return refs(e.Targets)
	case "places":
		return refs(e.Places)
	case "country":
		if e.Country == nil {
			return "None"
		}
		return e.Country.Name
	case "weapons":
		if e.Weapons == nil {
			return "None"
		}
		if len(e.Weapons) == 0 {
			return "-"
		}
		return strings.Join(e.Weapons, "; ")
	case "date":
		if e.Date == nil {
			return "None"
		}
		return *e.Date
	case "killed":
		if e.Killed == nil {
			return "None"
		}
		return strconv.Itoa(*e.Killed)
	}
	return ""
}

func runePrefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// pyList prints strings as a Python list literal, as the reference scorer
// prints its lists.
func pyList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = pyRepr(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func pyRepr(s string) string {
	quote := "'"
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		quote = `"`
	}
	r := strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\t", `\t`, "\r", `\r`)
	s = r.Replace(s)
	if quote == "'" {
		s = strings.ReplaceAll(s, "'", `\'`)
	}
	return quote + s + quote
}
