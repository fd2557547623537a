package eval

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/text"
)

// PRF holds counts and the derived precision, recall and F1.
type PRF struct {
	TP, FP, FN int
	Precision  float64
	Recall     float64
	F1         float64
}

func (p *PRF) finish() {
	if p.TP+p.FP > 0 {
		p.Precision = float64(p.TP) / float64(p.TP+p.FP)
	}
	if p.TP+p.FN > 0 {
		p.Recall = float64(p.TP) / float64(p.TP+p.FN)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

// Report is the result of an evaluation.
type Report struct {
	Entities      PRF             `json:"entities"`
	ClassAccuracy float64         `json:"class_accuracy"`
	ClassChecked  int             `json:"class_checked"`
	Events        PRF             `json:"events"`
	EventsByType  map[string]*PRF `json:"events_by_type"`
	Arguments     map[string]*Acc `json:"arguments"`
	ArgumentsAll  Acc             `json:"arguments_all"`
	Relations     PRF             `json:"relations"`
	Negatives     []string        `json:"negatives_produced"`
	Misses        []string        `json:"misses"`
	Spurious      []string        `json:"spurious"`
	ClassErrors   []string        `json:"class_errors"`
	ArgErrors     []string        `json:"argument_errors"`
}

// Acc counts correct out of checked.
type Acc struct {
	Correct, Checked int
	Accuracy         float64
}

func (a *Acc) add(ok bool) {
	a.Checked++
	if ok {
		a.Correct++
	}
	a.Accuracy = float64(a.Correct) / float64(a.Checked)
}

// norm is the comparison form of a name.
func norm(s string) string {
	s = text.Normalize(s)
	s = strings.NewReplacer("-", " ", "'", " ", ".", "", "\"", " ", "(", " ", ")", " ").Replace(s)
	s = strings.TrimPrefix(strings.Join(strings.Fields(s), " "), "the ")
	return s
}

// index resolves names to gold entities through their aliases.
type index struct {
	byName    map[string]*GoldEntity
	opt       map[string]bool
	spellings map[string][]string // entity IRI → the names and mentions a record gives it
}

func newIndex(g *Gold) *index {
	ix := &index{byName: map[string]*GoldEntity{}, opt: map[string]bool{}, spellings: map[string][]string{}}
	for i := range g.Entities {
		e := &g.Entities[i]
		ix.byName[norm(e.Name)] = e
		for _, a := range e.Aliases {
			if _, dup := ix.byName[norm(a)]; !dup {
				ix.byName[norm(a)] = e
			}
		}
	}
	for _, o := range g.OptionalMentions {
		ix.opt[norm(o)] = true
	}
	return ix
}

// resolve returns the gold entity a predicted entity (name and aliases)
// stands for.
func (ix *index) resolve(names ...string) *GoldEntity {
	for _, n := range names {
		if e := ix.byName[norm(n)]; e != nil {
			return e
		}
	}
	return nil
}

// canonRef names a reference through the gold aliases, trying every
// spelling the document used for that entity.
func (ix *index) canonRef(r extract.Ref) string {
	if e := ix.byName[norm(r.Name)]; e != nil {
		return norm(e.Name)
	}
	for _, n := range ix.spellings[r.ID] {
		if e := ix.byName[norm(n)]; e != nil {
			return norm(e.Name)
		}
	}
	return norm(r.Name)
}

// canon returns the gold canonical name for a name, or its own norm.
func (ix *index) canon(n string) string {
	if e := ix.byName[norm(n)]; e != nil {
		return norm(e.Name)
	}
	return norm(n)
}

var alsoAccepted = regexp.MustCompile(`class (\w+) also accepted`)

// Score compares records (one per document, identified by Doc.ID) with
// the gold annotation.
func Score(g *Gold, recs []*extract.Record) *Report {
	ix := newIndex(g)
	rep := &Report{EventsByType: map[string]*PRF{}, Arguments: map[string]*Acc{}}
	byDoc := map[string]*extract.Record{}
	for _, r := range recs {
		byDoc[r.Doc.ID] = r
		for _, e := range r.Entities {
			names := append([]string{e.Name}, e.Aliases...)
			for _, m := range e.Mentions {
				names = append(names, m.Text)
			}
			ix.spellings[e.ID] = append(ix.spellings[e.ID], names...)
		}
	}
	classOK := 0
	for _, gd := range g.Documents {
		rec := byDoc[gd.File]
		if rec == nil {
			rec = &extract.Record{}
		}
		scoreEntities(g, ix, gd.File, rec, rep, &classOK)
		scoreEvents(g, ix, gd.File, rec, rep)
		scoreRelations(g, ix, gd.File, rec, rep)
	}
	if rep.ClassChecked > 0 {
		rep.ClassAccuracy = float64(classOK) / float64(rep.ClassChecked)
	}
	scoreNegatives(g, ix, recs, rep)
	rep.Entities.finish()
	rep.Events.finish()
	for _, p := range rep.EventsByType {
		p.finish()
	}
	rep.Relations.finish()
	return rep
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func scoreEntities(g *Gold, ix *index, doc string, rec *extract.Record, rep *Report, classOK *int) {
	found := map[*GoldEntity]bool{}
	for _, e := range rec.Entities {
		names := append([]string{e.Name}, e.Aliases...)
		for _, m := range e.Mentions {
			names = append(names, m.Text)
		}
		ge := ix.resolve(names...)
		if ge == nil {
			optional := false
			for _, n := range names {
				if ix.opt[norm(n)] {
					optional = true
				}
			}
			if !optional && e.Class != extract.ClassCivilians {
				rep.Entities.FP++
				rep.Spurious = append(rep.Spurious, fmt.Sprintf("%s: entity %q (%s)", doc, e.Name, e.Class))
			}
			continue
		}
		if !contains(ge.Docs, doc) {
			if !ix.opt[norm(ge.Name)] {
				rep.Entities.FP++
				rep.Spurious = append(rep.Spurious, fmt.Sprintf("%s: entity %q (%s) not annotated in this document", doc, e.Name, e.Class))
			}
			continue
		}
		if found[ge] {
			continue // a second node for the same thing: counted once
		}
		found[ge] = true
		rep.Entities.TP++
		rep.ClassChecked++
		ok := e.Class == ge.Class
		if m := alsoAccepted.FindStringSubmatch(ge.Note); m != nil && e.Class == m[1] {
			ok = true
		}
		if ok {
			*classOK++
		} else {
			rep.ClassErrors = append(rep.ClassErrors, fmt.Sprintf("%s: %q is %s, gold %s", doc, e.Name, e.Class, ge.Class))
		}
	}
	for i := range g.Entities {
		ge := &g.Entities[i]
		if contains(ge.Docs, doc) && !found[ge] && !ge.Optional {
			rep.Entities.FN++
			rep.Misses = append(rep.Misses, fmt.Sprintf("%s: entity %q (%s)", doc, ge.Name, ge.Class))
		}
	}
}

// goldView is a gold event as one document reports it.
type goldView struct {
	ev      *GoldEvent
	targets []string
	places  []string
	date    *string
}

func viewOf(ev *GoldEvent, doc string) goldView {
	v := goldView{ev: ev, targets: ev.Targets, places: ev.Places, date: ev.Date}
	if o, ok := ev.ByDoc[doc]; ok {
		if o.Targets != nil {
			v.targets = *o.Targets
		}
		if o.Places != nil {
			v.places = *o.Places
		}
		if o.HasDate {
			v.date = o.Date
		}
	}
	return v
}

func refNames(ix *index, refs []extract.Ref, extra ...string) []string {
	var out []string
	for _, r := range refs {
		out = append(out, ix.canonRef(r))
	}
	for _, e := range extra {
		out = append(out, ix.canon(e))
	}
	return out
}

func canonAll(ix *index, names []string) []string {
	var out []string
	for _, n := range names {
		out = append(out, ix.canon(n))
	}
	return out
}

func overlap(a, b []string) bool {
	for _, x := range a {
		if contains(b, x) {
			return true
		}
	}
	return false
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !contains(b, x) {
			return false
		}
	}
	return true
}

func sameSet(a, b []string) bool { return subset(a, b) && subset(b, a) }

// matchScore rates how well a predicted event matches a gold view (0: no).
func matchScore(ix *index, v goldView, p *extract.Event) int {
	if p.Type != v.ev.Type {
		return 0
	}
	pa := refNames(ix, p.Actors)
	ga := canonAll(ix, v.ev.Actors)
	score := 1
	if len(ga) > 0 {
		if !overlap(pa, ga) {
			return 0
		}
		score += 4
	} else if len(pa) > 0 {
		score -= 0
	}
	pt := refNames(ix, p.Targets, p.TargetText...)
	pp := refNames(ix, p.Places)
	if p.Country != nil {
		pp = append(pp, ix.canon(p.Country.Name))
	}
	gp := canonAll(ix, v.places)
	if v.ev.Country != nil {
		gp = append(gp, ix.canon(*v.ev.Country))
	}
	if overlap(pt, canonAll(ix, v.targets)) || overlap(pt, canonAll(ix, v.ev.Targets)) {
		score += 2
	}
	if overlap(pp, gp) {
		score += 2
	}
	if pd := statedDate(p); pd != nil && v.date != nil && *pd == *v.date {
		score += 1
	}
	if len(ga) == 0 && score < 3 {
		return 0
	}
	return score
}

func scoreEvents(g *Gold, ix *index, doc string, rec *extract.Record, rep *Report) {
	var views []goldView
	for i := range g.Events {
		if contains(g.Events[i].Docs, doc) {
			views = append(views, viewOf(&g.Events[i], doc))
		}
	}
	type pair struct{ gi, pi, s int }
	var pairs []pair
	for gi, v := range views {
		for pi := range rec.Events {
			if s := matchScore(ix, v, &rec.Events[pi]); s > 0 {
				pairs = append(pairs, pair{gi, pi, s})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].s > pairs[j].s })
	gUsed, pUsed := map[int]bool{}, map[int]bool{}
	byType := func(t string) *PRF {
		if rep.EventsByType[t] == nil {
			rep.EventsByType[t] = &PRF{}
		}
		return rep.EventsByType[t]
	}
	for _, p := range pairs {
		if gUsed[p.gi] || pUsed[p.pi] {
			continue
		}
		gUsed[p.gi], pUsed[p.pi] = true, true
		v := views[p.gi]
		if !v.ev.Optional {
			rep.Events.TP++
			byType(v.ev.Type).TP++
		}
		scoreArgs(ix, doc, v, &rec.Events[p.pi], rep)
	}
	for gi, v := range views {
		if !gUsed[gi] && !v.ev.Optional {
			rep.Events.FN++
			byType(v.ev.Type).FN++
			rep.Misses = append(rep.Misses, fmt.Sprintf("%s: event %s (%s)", doc, v.ev.Key, v.ev.Type))
		}
	}
	for pi := range rec.Events {
		if !pUsed[pi] {
			e := &rec.Events[pi]
			rep.Events.FP++
			byType(e.Type).FP++
			rep.Spurious = append(rep.Spurious, fmt.Sprintf("%s: event %s %v → %v at %v on %v", doc, e.Type, names(e.Actors), append(names(e.Targets), e.TargetText...), names(e.Places), str(e.Date)))
		}
	}
}

func names(refs []extract.Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.Name)
	}
	return out
}

func str(p *string) string {
	if p == nil {
		return "null"
	}
	return *p
}

func scoreArgs(ix *index, doc string, v goldView, p *extract.Event, rep *Report) {
	acc := func(name string, ok bool, detail string) {
		if rep.Arguments[name] == nil {
			rep.Arguments[name] = &Acc{}
		}
		rep.Arguments[name].add(ok)
		rep.ArgumentsAll.add(ok)
		if !ok {
			rep.ArgErrors = append(rep.ArgErrors, fmt.Sprintf("%s: %s %s: %s", doc, v.ev.Key, name, detail))
		}
	}
	pa, ga := refNames(ix, p.Actors), canonAll(ix, v.ev.Actors)
	acc("actors", sameSet(pa, ga), fmt.Sprintf("got %v, want %v", pa, ga))
	pt := refNames(ix, p.Targets, p.TargetText...)
	gt := canonAll(ix, v.targets)
	okT := len(gt) == 0 && len(pt) == 0 || len(gt) > 0 && overlap(pt, gt) && subset(pt, append(gt, canonAll(ix, v.ev.Targets)...))
	acc("targets", okT, fmt.Sprintf("got %v, want %v", pt, gt))
	pp := refNames(ix, p.Places)
	gp := canonAll(ix, v.places)
	okP := len(gp) == 0 && len(pp) == 0 || len(gp) > 0 && overlap(pp, gp) && subset(pp, gp)
	acc("places", okP, fmt.Sprintf("got %v, want %v", pp, gp))
	pd := statedDate(p)
	okD := v.date == nil && pd == nil || v.date != nil && pd != nil && *v.date == *pd
	acc("date", okD, fmt.Sprintf("got %s, want %s", str(pd), str(v.date)))
	if v.ev.Type == "Attack" {
		want, has := v.ev.Killed[doc]
		okK := !has && p.Killed == nil || has && p.Killed != nil && *p.Killed == want
		wantS := "null"
		if has {
			wantS = fmt.Sprint(want)
		}
		got := "null"
		if p.Killed != nil {
			got = fmt.Sprint(*p.Killed)
		}
		acc("killed", okK, fmt.Sprintf("got %s, want %s", got, wantS))
		if len(v.ev.Weapons) > 0 {
			gw := lowerAll(v.ev.Weapons)
			pw := lowerAll(p.Weapons)
			// the annotation lists an event's weapons, not each
			// document's: a document's are right if they are among them
			acc("weapons", subset(pw, gw), fmt.Sprintf("got %v, want %v", pw, gw))
		}
	}
}

func lowerAll(s []string) []string {
	var out []string
	for _, x := range s {
		out = append(out, strings.ToLower(x))
	}
	return out
}

var roleSyn = strings.NewReplacer("spokesman", "spokesperson", "spokeswoman", "spokesperson", "ministry of foreign affairs", "foreign ministry", "minister of foreign affairs", "foreign minister")

func roleNorm(s string) string {
	n := norm(s)
	n = roleSyn.Replace(n)
	var out []string
	for _, w := range strings.Fields(n) {
		if w != "the" && w != "of" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

func relMatch(ix *index, gr *GoldRelation, p *extract.Relation) bool {
	if gr.Predicate != p.Predicate || ix.canon(gr.Subject) != ix.canonRef(p.Subject) {
		return false
	}
	if p.Object.Ref != nil {
		return ix.canon(gr.Object) == ix.canonRef(*p.Object.Ref)
	}
	if ix.canon(gr.Object) == ix.canon(p.Object.Value) {
		return true
	}
	// roles: every word of the gold role appears in the predicted one,
	// with entity names compared through their aliases
	g := roleNorm(gr.Object)
	pv := roleNorm(p.Object.Value)
	if p.Org != nil {
		pv += " " + roleNorm(ix.canonName(p.Org.Name))
	}
	pw := strings.Fields(pv)
	for _, w := range strings.Fields(g) {
		if !contains(pw, w) {
			return false
		}
	}
	return true
}

func (ix *index) canonName(n string) string {
	if e := ix.byName[norm(n)]; e != nil {
		return e.Name
	}
	return n
}

func scoreRelations(g *Gold, ix *index, doc string, rec *extract.Record, rep *Report) {
	used := map[int]bool{}
	for i := range g.Relations {
		gr := &g.Relations[i]
		if !contains(gr.Docs, doc) {
			continue
		}
		found := false
		for pi := range rec.Relations {
			if !used[pi] && relMatch(ix, gr, &rec.Relations[pi]) {
				used[pi] = true
				found = true
				break
			}
		}
		if found {
			rep.Relations.TP++
		} else {
			rep.Relations.FN++
			rep.Misses = append(rep.Misses, fmt.Sprintf("%s: relation %s %s %s", doc, gr.Subject, gr.Predicate, gr.Object))
		}
	}
	for pi := range rec.Relations {
		if used[pi] {
			continue
		}
		// a relation that matches gold in another document is not spurious
		r := &rec.Relations[pi]
		other := false
		for i := range g.Relations {
			if relMatch(ix, &g.Relations[i], r) {
				other = true
			}
		}
		if other || unjudgedLocation(g, ix, r) {
			continue
		}
		rep.Relations.FP++
		obj := r.Object.Value
		if r.Object.Ref != nil {
			obj = r.Object.Ref.Name
		}
		rep.Spurious = append(rep.Spurious, fmt.Sprintf("%s: relation %s %s %s", doc, r.Subject.Name, r.Predicate, obj))
	}
}

// unjudgedLocation reports whether a locatedIn relation says something the
// annotation does not judge: a place inside a finer unit than the
// annotation names ("Tehran locatedIn Tehran Province"), or a place the
// annotation does not list. One that contradicts the annotation's
// "within" is judged (spurious).
func unjudgedLocation(g *Gold, ix *index, r *extract.Relation) bool {
	if r.Predicate != "locatedIn" || r.Object.Ref == nil {
		return false
	}
	subj := ix.resolve(append([]string{r.Subject.Name}, ix.spellings[r.Subject.ID]...)...)
	obj := ix.resolve(append([]string{r.Object.Ref.Name}, ix.spellings[r.Object.Ref.ID]...)...)
	if subj == nil || obj == nil {
		return true
	}
	return subj == obj
}

func scoreNegatives(g *Gold, ix *index, recs []*extract.Record, rep *Report) {
	for _, n := range g.Negatives {
		for _, r := range recs {
			switch n.What {
			case "entity":
				for _, e := range r.Entities {
					hit := norm(e.Name) == norm(n.Text)
					for _, m := range e.Mentions {
						if norm(m.Text) == norm(n.Text) || strings.Contains(norm(n.Text), norm(m.Text)) && len(m.Text) > 3 && strings.HasPrefix(norm(n.Text), norm(m.Text)) {
							hit = true
						}
					}
					if hit {
						rep.Negatives = append(rep.Negatives, fmt.Sprintf("%s: entity %q (%s)", r.Doc.ID, e.Name, n.Note))
					}
				}
			case "event":
				for _, e := range r.Events {
					if n.Type != "" && e.Type != n.Type {
						continue
					}
					pa := refNames(ix, e.Actors)
					if len(n.Actors) > 0 && !subset(canonAll(ix, n.Actors), pa) {
						continue
					}
					if len(n.Targets) > 0 {
						if !subset(canonAll(ix, n.Targets), refNames(ix, e.Targets)) {
							continue
						}
					} else if n.Country == "" && n.Date == "" {
						// same actor and target
						if !overlap(pa, refNames(ix, e.Targets)) {
							continue
						}
					}
					if n.Country != "" && (e.Country == nil || ix.canon(e.Country.Name) != ix.canon(n.Country)) {
						continue
					}
					if n.Date != "" && (e.Date == nil || *e.Date != n.Date) {
						continue
					}
					rep.Negatives = append(rep.Negatives, fmt.Sprintf("%s: event %s %v (%s)", r.Doc.ID, e.Type, pa, n.Note))
				}
			}
		}
	}
}

// statedDate is the date an event's text states: nil for a date inferred
// from the publication date, which the annotation's null ("the text gives
// no date") stands for.
func statedDate(e *extract.Event) *string {
	if e.DatePrecision == extract.DateInferred {
		return nil
	}
	return e.Date
}
