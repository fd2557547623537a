package extract

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/schema"
)

// Lexical is the built-in extractor: lexicons and gazetteer matched over
// tokens, then patterns that fill events and relations. It is registered
// as "lexical" and is the default.
type Lexical struct {
	r      *resources
	window window // how a long text is divided (window.go)
}

func init() {
	Register("lexical", func(o Options) (Extractor, error) { return NewLexical(o), nil })
}

// NewLexical returns the lexical extractor. Its data (lexicons, gazetteer)
// is loaded once per process, on first use.
func NewLexical(Options) *Lexical {
	return &Lexical{r: loadResources(), window: defaultWindow}
}

// Default returns the default extractor with default options.
func Default() Extractor { return NewLexical(Options{}) }

// extractWhole extracts doc in one piece (see Extract, window.go).
func (x *Lexical) extractWhole(ctx context.Context, doc Document) (*Record, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Spans and the digest are of valid UTF-8, so that the record
	// says the same once written as JSON.
	if !utf8.ValidString(doc.Text) {
		doc.Text = strings.ToValidUTF8(doc.Text, "\uFFFD")
	}
	var pub time.Time
	if doc.Published != "" {
		t, err := ParseDay(doc.Published)
		if err != nil {
			return nil, fmt.Errorf("extract: %s: published: %w", doc.ID, err)
		}
		pub = t
	}
	d := newDocState(x.r, doc)
	if pub.IsZero() {
		pub = datelineDay(d.sents)
	}
	d.findNames()
	d.findBodies()
	d.findPersons()
	d.findUnknowns()
	d.findDoers()
	d.findDescribed()
	d.unitAliases()
	d.linkPlaces()
	events := d.findEvents(pub)

	rec := &Record{Doc: DocInfo{ID: doc.ID, SHA256: textDigest(doc.Text)}}
	opt := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	rec.Doc.Title, rec.Doc.URL, rec.Doc.Published, rec.Doc.Source = opt(doc.Title), opt(doc.URL), opt(doc.Published), opt(doc.Source)
	rec.Entities = make([]Entity, 0, d.mentioned())
	arr := x.entityArrays(d)
	for _, e := range d.order {
		if len(e.mentions) == 0 {
			continue
		}
		rec.Entities = append(rec.Entities, x.entityOut(d, e, &arr))
	}
	rec.Events = make([]Event, 0, len(events))
	for i, e := range events {
		e.id = strconv.Itoa(i)
	}
	dates := newEventDates(d, events, pub)
	for _, e := range events {
		out := x.eventOut(d, e)
		dates.settleDate(e, &out)
		rec.Events = append(rec.Events, out)
	}
	rec.Relations = x.relations(d)
	if rec.Relations == nil {
		rec.Relations = []Relation{}
	}
	rec.Warnings = d.figureWarnings()
	d.release()
	return rec, nil
}

// mentioned counts the entities with a mention: those the record lists.
func (d *docState) mentioned() int {
	n := 0
	for _, e := range d.order {
		if len(e.mentions) > 0 {
			n++
		}
	}
	return n
}

// ref returns the reference to an entity. It is made once per entity:
// refs are made only when the record is written, after the analysis has
// settled every entity's key, name, class and country.
func (x *Lexical) ref(e *entity) Ref {
	if e.hasRef {
		return e.ref
	}
	id := e.id
	if id == "" || e.idKey != e.key {
		id = schema.EntityID(e.key)
	}
	r := Ref{ID: id, Name: e.name, Class: e.class}
	if e.country != "" && e.class != ClassCountry {
		if c, ok := x.r.countries[e.country]; ok {
			r.Country = c.name
		} else if g := x.r.gaz.Country(e.country); g != nil {
			r.Country = g.Name
		}
	}
	n := 0
	for _, a := range e.aliases {
		if a != e.name {
			n++
		}
	}
	if n > 0 {
		r.Aliases = make([]string, 0, n)
		for _, a := range e.aliases {
			if a != e.name {
				r.Aliases = append(r.Aliases, a)
			}
		}
		slices.Sort(r.Aliases)
	}
	e.ref, e.hasRef = r, true
	return r
}

// sortStableLike sorts s as sort.SliceStable(s, func(i, j int) bool {
// return less(s[i], s[j]) }) does, element for element: sort.SliceStable
// and slices.SortStableFunc run the same insertion sort of blocks and
// merges (both generated from sort's gen_sort_variants.go), which consult
// the comparison only as "less than", so a comparison that is no strict
// order gives the same result with both.
func sortStableLike[E any](s []E, less func(a, b E) bool) {
	slices.SortStableFunc(s, func(a, b E) int {
		if less(a, b) {
			return -1
		}
		return 0
	})
}

// sortLike sorts s as sort.Slice(s, func(i, j int) bool { return
// less(s[i], s[j]) }) does, element for element, equal ones included:
// sort.Slice and slices.SortFunc run the same pattern-defeating
// quicksort (both generated from sort's gen_sort_variants.go, with the
// same depth limit), which consults the comparison only as "less than";
// slices.SortFunc needs no reflection and allocates nothing.
func sortLike[E any](s []E, less func(a, b E) bool) {
	slices.SortFunc(s, func(a, b E) int {
		if less(a, b) {
			return -1
		}
		return 1
	})
}

func (x *Lexical) span(d *docState, s, a, b int) Span {
	t := d.sents[s].Tokens
	return Span{Sentence: s, Start: t[a].Start, End: t[b-1].End, Text: d.doc.Text[t[a].Start:t[b-1].End]}
}

func (x *Lexical) sentSpan(d *docState, s int) Span {
	st := d.sents[s]
	return Span{Sentence: s, Start: st.Start, End: st.End, Text: st.Text}
}

// entityArrays holds the arrays that the entities of a record share, one
// allocation each for the record instead of one each for every entity:
// the mentions' spans, the aliases and the coordinates. An entity's
// slices of them are capped at their length, so that an append to one
// copies it rather than writing over the next entity's.
type entityArrays struct {
	spans   []Span
	aliases []string
	coords  []float64
}

// entityArrays returns the arrays for the record of d's entities.
func (x *Lexical) entityArrays(d *docState) entityArrays {
	spans, aliases, coords := 0, 0, 0
	for _, e := range d.order {
		if len(e.mentions) == 0 {
			continue
		}
		spans += len(e.mentions)
		aliases += len(e.aliases)
		if e.gaz != nil {
			coords += 2
		}
	}
	return entityArrays{spans: make([]Span, 0, spans), aliases: make([]string, 0, aliases), coords: make([]float64, 0, coords)}
}

// take returns the elements of *a appended since its length was n, capped,
// and leaves *a after them.
func take[E any](a []E, n int) []E { return a[n:len(a):len(a)] }

func (x *Lexical) entityOut(d *docState, e *entity, arr *entityArrays) Entity {
	r := x.ref(e)
	out := Entity{ID: r.ID, Name: e.name, Class: e.class, Type: e.typ, Country: r.Country, Wikidata: e.wikidata, Confidence: e.conf}
	if e.class == ClassCountry {
		out.Country = e.name
	}
	// A count above MaxCasualties is the implausible claim the record's
	// warning quotes: kept as text there, never as a number here.
	if e.count > 0 && e.count <= MaxCasualties {
		n := e.count
		out.Count = &n
	}
	out.Unidentified = e.unidentified
	n := len(arr.aliases)
	for _, a := range e.aliases {
		if a != e.name {
			arr.aliases = append(arr.aliases, a)
		}
	}
	out.Aliases = take(arr.aliases, n) // never nil: the record lists [] when none
	sort.Strings(out.Aliases)
	if e.within != nil {
		w := x.ref(e.within)
		out.Within = &w
	}
	if e.gaz != nil {
		// A country's point is its representative point in the reference
		// data (world-countries' latlng), so that an event located only
		// by its country has coordinates too (geo precision "country").
		arr.coords = append(arr.coords, e.gaz.Lat, e.gaz.Lon)
		c := arr.coords[len(arr.coords)-2:]
		out.Lat, out.Lon = &c[0], &c[1]
	}
	sortLike(e.mentions, func(a, b *mention) bool {
		return a.s < b.s || a.s == b.s && a.a < b.a
	})
	n = len(arr.spans)
	for _, m := range e.mentions {
		arr.spans = append(arr.spans, x.span(d, m.s, m.a, m.b))
	}
	out.Mentions = take(arr.spans, n)
	return out
}

func containsEnt(list []*entity, e *entity) bool {
	for _, x := range list {
		if x == e {
			return true
		}
	}
	return false
}

// specificFirst orders places most specific first: places before regions
// before countries, and a place before the one it lies in.
func specificFirst(a, b *entity) bool {
	if da, db := placeDepth(a), placeDepth(b); da != db {
		return da < db
	}
	return liesIn(a, b)
}

// placeDepth orders places most specific first.
func placeDepth(e *entity) int {
	switch e.class {
	case ClassPlace:
		return 0
	case ClassRegion:
		return 1
	}
	return 2
}

func (x *Lexical) eventOut(d *docState, ev *docEvent) Event {
	f := &ev.f
	out := Event{ID: ev.id, Type: f.typ, Subtype: f.subtype, Cameo: f.cameo, Weapons: []string{}, Confidence: 0.7}
	// sized for what they usually hold, in one array; never nil: the
	// record lists [] when none
	na, nt := len(f.actors), len(f.targets)+len(f.besideTargets)+len(f.hitPlaces)
	refs := make([]Ref, 0, na+nt+len(f.places))
	out.Actors, out.Targets, out.Places = refs[0:0:na], refs[na:na:na+nt], refs[na+nt:na+nt]
	places := append(d.buf.places[:0], f.places...)
	d.buf.places = places
	home := d.homeForces(f, d.eventCountry(f, places))
	for _, a := range f.actors {
		if ags := home[a]; len(ags) > 0 {
			// the forces act in their own name at home
			for _, ag := range ags {
				out.Actors = append(out.Actors, x.ref(ag))
			}
			continue
		}
		out.Actors = append(out.Actors, x.ref(a))
	}
	for _, a := range f.agents {
		if !isHomeForce(home, a) {
			out.Agents = append(out.Agents, x.ref(a))
		}
	}
	for _, t := range preferNamed(f.targets) {
		if containsEnt(f.actors, t) || containsEnt(f.agents, t) {
			continue // nothing strikes or condemns itself
		}
		out.Targets = append(out.Targets, x.ref(t))
	}
	// what the doer says it struck stands beside the victims told
	for _, t := range f.besideTargets {
		if !containsEnt(f.targets, t) && !containsEnt(f.actors, t) && !containsEnt(f.agents, t) {
			out.Targets = append(out.Targets, x.ref(t))
		}
	}
	// a town or country attacked is a target beside the people hit
	// there, never in their stead
	for _, p := range f.hitPlaces {
		if !containsEnt(f.targets, p) && !containsEnt(f.actors, p) && !containsEnt(f.agents, p) {
			out.Targets = append(out.Targets, x.ref(p))
		}
	}
	for _, p := range hitVenues(f) {
		if !containsEnt(f.targets, p) && !containsEnt(f.hitPlaces, p) {
			out.Targets = append(out.Targets, x.ref(p))
		}
	}
	// a town attacked where the event names nothing else hit
	for _, p := range placeTargets(f) {
		out.Targets = append(out.Targets, x.ref(p))
	}
	if len(f.targets) == 0 || f.homesHit {
		out.TargetText = f.targetText
	} else {
		// what a verb of targeting aimed at, beside the people hit
		out.TargetText = f.aimedText
	}
	if len(f.actors) == 0 {
		out.ActorText = f.actorText
	}
	sortStableLike(places, specificFirst)
	places = withAreas(places)
	// the areas withAreas adds take their rank: "Karezmir (Tani Wazir)
	// district, Samangan" lists Karezmir, Tani Wazir, Samangan
	sortStableLike(places, specificFirst)
	country := d.eventCountry(f, places)
	// a country is a place only when nothing finer is known
	finer := false
	for _, p := range places {
		if p.class != ClassCountry {
			finer = true
		}
	}
	for _, p := range places {
		if finer && p.class == ClassCountry {
			continue
		}
		out.Places = append(out.Places, x.ref(p))
	}
	// a country the event names is its place when it names nothing finer;
	// the one its document is in (soleCountry) is only its country
	if len(out.Places) == 0 && country != nil && f.typ == EventAttack && f.country != nil && !f.countryOfDoc {
		out.Places = append(out.Places, x.ref(country))
	}
	if country != nil {
		r := x.ref(country)
		out.Country = &r
	}
	if f.date != nil {
		vt := &[2]string{f.date.Value, f.date.Text}
		out.Date, out.DateText = &vt[0], &vt[1]
	}
	out.Weapons = append(out.Weapons, f.weapons...)
	if f.killed >= 0 || f.injured >= 0 {
		ki := &[2]int{f.killed, f.injured}
		if f.killed >= 0 {
			out.Killed = &ki[0]
		}
		if f.injured >= 0 {
			out.Injured = &ki[1]
		}
	}
	out.Operation = f.operation
	if ev.retFor != nil {
		out.RetaliationFor = ev.retFor.id
	}
	if sents := ev.evidenceSentences(); len(sents) > 0 {
		out.Evidence = make([]Span, 0, len(sents))
		for _, s := range sents {
			out.Evidence = append(out.Evidence, x.sentSpan(d, s))
		}
	}
	// no spare capacity, so that appending to one list never writes
	// into the next
	out.Actors, out.Targets = slices.Clip(out.Actors), slices.Clip(out.Targets)
	if len(f.actors) > 0 {
		out.Confidence = 0.8
		if len(f.targets) > 0 || len(out.Places) > 0 {
			out.Confidence = 0.9
		}
	}
	return out
}

// linkPlaces sets each place's parent from the gazetteer (a city lies in
// its region, a region in its country).
func (d *docState) linkPlaces() {
	for _, e := range d.order {
		if e.gaz == nil || e.within != nil || e.gaz.Kind == gazetteer.KindCountry {
			continue
		}
		if p := d.r.gaz.Within(e.gaz); p != nil {
			c := d.r.gazCand(p)
			if pe, ok := d.ents[c.key]; ok {
				e.within = pe
			} else {
				e.within = &entity{key: c.key, name: c.name, class: c.class, country: c.country, gaz: p}
			}
		}
	}
}

// homeForces maps each country among the actors of attack or abduction f
// to the state forces of that country that f names as its agents, where the
// force acts at home: the event lies in the force's country (or in none
// known) and hits nothing of another country. There the force is the
// actor, not its country ("French police shot the suspect" is the police's
// act); a force abroad acts for its country ("Pakistan's air force struck
// hideouts in Iran" is Pakistan's strike).
func (d *docState) homeForces(f *frame, country *entity) map[*entity][]*entity {
	if f.typ != EventAttack && f.typ != EventAbduction || len(f.agents) == 0 {
		return nil
	}
	var home map[*entity][]*entity
	for _, a := range f.actors {
		if a.class != ClassCountry || a.country == "" || country != nil && country.country != a.country || hitsAbroad(f, a.country) {
			continue
		}
		if ags := forcesOf(f.agents, a.country); len(ags) > 0 {
			if home == nil {
				home = map[*entity][]*entity{}
			}
			home[a] = ags
		}
	}
	return home
}

// forcesOf returns the state forces of country cc among agents, or its
// one government: the bodies that do violence at home (a ministry that
// speaks for its country does not). Several forces act together
// ("soldiers and police opened fire"); a government beside a force leaves
// the country the actor (nil).
func forcesOf(agents []*entity, cc string) []*entity {
	var found []*entity
	gov := false
	for _, ag := range agents {
		if ag.class != ClassStateForce && !(ag.class == ClassGovernment && strings.HasSuffix(ag.key, "-government")) || ag.country != cc {
			continue
		}
		gov = gov || ag.class == ClassGovernment
		found = append(found, ag)
	}
	if len(found) > 1 && gov {
		return nil
	}
	return found
}

// hitsAbroad reports whether f lies in a country other than cc, or hits
// such a country or a state body of one: an act abroad or between states.
func hitsAbroad(f *frame, cc string) bool {
	for _, p := range f.places {
		if c := placeCountry(p); c != "" && c != cc {
			return true
		}
	}
	for _, t := range append(append([]*entity(nil), f.targets...), f.hitPlaces...) {
		switch t.class {
		case ClassCountry, ClassStateForce, ClassGovernment:
			if t.country != "" && t.country != cc {
				return true
			}
		}
	}
	return false
}

// isHomeForce reports whether agent a stands as an actor in home.
func isHomeForce(home map[*entity][]*entity, a *entity) bool {
	for _, ags := range home {
		if slices.Contains(ags, a) {
			return true
		}
	}
	return false
}

// hitVenues returns the venues among the places of attack f: a bomb that
// went off or an attack made at a cafe, a market or a bus station hit it,
// a target beside the people hit there. Where two sides clash the venue is
// only where they fought.
func hitVenues(f *frame) []*entity {
	if f.typ != EventAttack || f.subtype == "armed clash" {
		return nil
	}
	var out []*entity
	for _, p := range f.places {
		if p.typ == "facility" {
			out = append(out, p)
		}
	}
	return out
}
