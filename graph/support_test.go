package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// Three documents report Pakistan's strike in Iran and name the same
// entities; they are put in an order other than their IRIs' so that the
// canonical document changes along the way.

func strikeDoc(id string, killed int) *extract.Record {
	ev := attack(pakistan, []extract.Ref{bla}, []extract.Ref{sistan}, iran, "2024-01-18", num(killed),
		"Pakistan struck militants in Iran, "+id+" says.")
	return record(id, "sha-"+id+"-1", "2024-01-18", []extract.Event{
		ev,
		diplomatic(extract.EventCondemn, iran, pakistan, "Iran has condemned the strike."),
	},
		extract.Relation{Subject: jaish, Predicate: "operatesIn", Object: extract.Object{Ref: &sistan},
			Evidence: []extract.Span{span("Jaish al-Adl operates in Sistan.", 5, 300)}},
	)
}

// withoutStrike is a new version of a strike document that reports the
// condemnation only, and no longer names the Balochistan Liberation Army.
func withoutStrike(rec *extract.Record) *extract.Record {
	rec.Doc.SHA256 = "sha-" + rec.Doc.ID + "-2"
	rec.Events = rec.Events[1:]
	var ents []extract.Entity
	for _, e := range rec.Entities {
		if e.ID != bla.ID {
			ents = append(ents, e)
		}
	}
	rec.Entities = ents
	return rec
}

func docIRI(id string) quad.IRI { return schema.DocumentIRI(schema.DefaultBase, id) }

// quadsOf returns the stored quads of triple s p o, under any label.
func quadsOf(t *testing.T, s *Store, subj, pred, obj quad.Value) []quad.Quad {
	t.Helper()
	ctx := context.Background()
	qs := s.QuadStore()
	ref := qs.ValueOf(subj)
	if ref == nil {
		return nil
	}
	it := qs.QuadIterator(quad.Subject, ref)
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		if q.Predicate == pred && q.Object == obj {
			out = append(out, q)
		}
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// labelOf checks that triple s p o is stored exactly once and returns its
// label ("" when it is not stored).
func labelOf(t *testing.T, s *Store, subj, pred, obj quad.Value) quad.Value {
	t.Helper()
	qs := quadsOf(t, s, subj, pred, obj)
	switch len(qs) {
	case 0:
		return quad.IRI("")
	case 1:
		return qs[0].Label
	}
	t.Errorf("%v %v %v is stored %d times: %v", subj, pred, obj, len(qs), qs)
	return qs[0].Label
}

// checkSharing checks the invariants of the model on the whole store: no
// triple is stored twice; a fact the support index lists is labelled with
// its smallest supporter; every index entry belongs to a stored fact (or
// a fact set whose facts are stored) and a stored document; every fact
// set linked to is supported.
func checkSharing(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	quads := allQuads(t, s)
	labels := map[quad.Quad][]quad.Value{}
	facts := map[quad.IRI]bool{}
	docs := map[quad.Value]bool{}
	byKey := map[[2]quad.Value]quad.IRI{}  // an entity's fact sets node and a FactKey: the fact's FactIRI
	links := map[quad.Value][]quad.Value{} // fact set → its facts' keys (FactIRI)
	for _, q := range quads {
		labels[triple(q)] = append(labels[triple(q)], q.Label)
		facts[schema.FactIRI(s.Base(), q.Subject, q.Predicate, q.Object)] = true
		if q.Predicate == schema.Alias {
			// a spelling of the entity's: its name fact
			facts[schema.FactIRI(s.Base(), q.Subject, schema.Name, q.Object)] = true
		}
		if e, ok := q.Subject.(quad.IRI); ok {
			byKey[[2]quad.Value{schema.FactSetsIRI(s.Base(), e), quad.String(schema.FactKey(q.Predicate, q.Object))}] =
				schema.FactIRI(s.Base(), q.Subject, q.Predicate, q.Object)
			if q.Predicate == schema.Alias {
				byKey[[2]quad.Value{schema.FactSetsIRI(s.Base(), e), quad.String(schema.FactKey(schema.Name, q.Object))}] =
					schema.FactIRI(s.Base(), q.Subject, schema.Name, q.Object)
			}
		}
		if q.Predicate == schema.Identifier { // a document: no rdf:type quad
			docs[q.Subject] = true
		}
		if q.Predicate == schema.InFactSet {
			links[q.Object] = append(links[q.Object], q.Subject)
		}
	}
	for _, q := range quads {
		if q.Predicate != schema.FactSetOf {
			continue
		}
		set, keys, ok := schema.FactSetMembers(s.Base(), q.Object)
		if node, _ := schema.FactSetsOfSet(s.Base(), set); !ok || node != q.Subject || len(keys) == 0 {
			t.Errorf("%v: not the literal of a fact set of its node", q)
		}
		for _, k := range keys {
			f, ok := byKey[[2]quad.Value{q.Subject, quad.String(k)}]
			if !ok {
				t.Errorf("%v: no stored fact of its entity has the key %s", q, k)
			}
			links[set] = append(links[set], f)
		}
	}
	for tr, ls := range labels {
		if len(ls) > 1 {
			t.Errorf("%v %v %v is stored %d times, labelled %v", tr.Subject, tr.Predicate, tr.Object, len(ls), ls)
		}
	}
	supported := map[quad.Value]bool{}
	for _, q := range quads {
		if q.Predicate == schema.SupportedBy {
			checkEntry(t, s.Base(), q, facts, docs, links)
			supported[q.Subject] = true
			continue
		}
		if q.Predicate == schema.Supports {
			// one entry for each set and fact the literal lists
			sets, keys := schema.SupportedKeys(s.Base(), q.Object)
			if len(sets)+len(keys) == 0 {
				t.Errorf("%v: an empty or malformed supports literal", q)
			}
			for _, k := range append(sets, keys...) {
				checkEntry(t, s.Base(), quad.Quad{Subject: k, Predicate: schema.SupportedBy, Object: q.Subject, Label: q.Label},
					facts, docs, links)
				supported[k] = true
			}
			continue
		}
		if q.Predicate == schema.InFactSet || q.Predicate == schema.FactSetOf {
			continue
		}
		sup, err := s.Supporters(ctx, q.Subject, q.Predicate, q.Object)
		if err != nil {
			t.Fatal(err)
		}
		if len(sup) > 0 && q.Label != sup[0] {
			t.Errorf("%v: labelled %v, want its smallest supporter %v", q, q.Label, sup[0])
		}
	}
	for set := range links {
		if !supported[set] {
			t.Errorf("fact set %v is linked to but no document supports it", set)
		}
	}
	checkStated(t, s.Base(), quads)
}

// checkStated checks the keys of the facts each report states (its
// details literal's, or a statesFacts quad's in a store written before):
// labelled with the report's document, they list only facts of the
// report's event that the store holds and that are of the kinds reports
// list.
func checkStated(t *testing.T, base string, quads []quad.Quad) {
	t.Helper()
	event := map[quad.Value]quad.Value{}
	label := map[quad.Value]quad.Value{}
	keys := map[[2]quad.Value]bool{} // event, key
	for _, q := range quads {
		if q.Predicate == schema.ReportOf {
			event[q.Subject], label[q.Subject] = q.Object, q.Label
		}
		if statedPreds[q.Predicate] && isEvent(base, q.Subject) {
			keys[[2]quad.Value{q.Subject, quad.String(schema.FactKey(q.Predicate, q.Object))}] = true
		}
	}
	for _, q := range quads {
		stated, listed := schema.StatedKeys(q.Object)
		if !listed || q.Predicate != schema.StatesFacts && q.Predicate != schema.DetailsOf {
			continue
		}
		e, ok := event[q.Subject]
		if !ok || q.Label != label[q.Subject] {
			t.Errorf("%v: not on a report, or not labelled with its document", q)
			continue
		}
		for _, k := range strings.Fields(stated) {
			if !keys[[2]quad.Value{e, quad.String(k)}] {
				t.Errorf("%v: no stored fact of %v has the key %s", q, e, k)
			}
		}
	}
}

// checkEntry checks one entry q of the support index: its key is a stored
// fact's, or a fact set's whose facts are all stored; it is labelled with
// the stored document it names.
func checkEntry(t *testing.T, base string, q quad.Quad, facts map[quad.IRI]bool, docs map[quad.Value]bool, links map[quad.Value][]quad.Value) {
	t.Helper()
	keys := []quad.Value{q.Subject}
	if set, ok := links[q.Subject]; ok {
		keys = set
	} else if schema.IsFactSet(base, q.Subject) {
		t.Errorf("index entry %v: the fact set has no facts linked to it", q)
	}
	for _, k := range keys {
		if f, _ := k.(quad.IRI); !facts[f] {
			t.Errorf("index entry %v: no stored fact has the key %v", q, k)
		}
	}
	if !docs[q.Object] || q.Label != q.Object {
		t.Errorf("index entry %v: not labelled with a stored document", q)
	}
}

const attacksQuery = `{ attacks: nodes(<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>: <https://newsgraph.org/ns#Attack>) { id actor: <https://newsgraph.org/ns#actor> { name: <https://newsgraph.org/ns#name> } } }`

func TestSharedFactsStoredOnce(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		d1, d2, d3 := docIRI("d1.txt"), docIRI("d2.txt"), docIRI("d3.txt")
		for _, rec := range []*extract.Record{strikeDoc("d2.txt", 7), strikeDoc("d3.txt", 8), strikeDoc("d1.txt", 9)} {
			if res := mustPut(t, s, rec); res.Status != Added || res.Quads != len(labelled(t, s, rec.Doc.ID)) {
				t.Errorf("put %s: %+v; %d quads labelled with it", rec.Doc.ID, res, len(labelled(t, s, rec.Doc.ID)))
			}
		}
		checkSharing(t, s)
		strikes := mustEvents(t, s, EventFilter{Type: "Attack"})
		if len(strikes) != 1 || len(strikes[0].Sources) != 3 {
			t.Fatalf("attacks %+v, want one with 3 sources", strikes)
		}
		if deref(strikes[0].Killed) != 7 || deref(strikes[0].KilledMax) != 9 {
			t.Errorf("killed %v–%v, want 7–9", deref(strikes[0].Killed), deref(strikes[0].KilledMax))
		}
		for i, want := range []int{9, 7, 8} { // d1, d2, d3
			if src := strikes[0].Sources[i]; src.Doc != fmt.Sprintf("d%d.txt", i+1) || deref(src.Killed) != want || len(src.Evidence) != 1 {
				t.Errorf("source %d: %+v, want d%d.txt with %d killed and its evidence", i, src, i+1, want)
			}
		}
		ev := quad.IRI(strikes[0].ID)

		// The shared facts the three documents state, each once, labelled
		// with the smallest document, d1.txt, though it came last.
		pk, ir, blaIRI, jaishIRI, sistanIRI := quad.IRI(pakistan.ID), quad.IRI(iran.ID), quad.IRI(bla.ID), quad.IRI(jaish.ID), quad.IRI(sistan.ID)
		event := [][2]quad.Value{
			{schema.Type, schema.Event}, {schema.Type, schema.Attack}, {schema.Subtype, quad.String("airstrike")},
			{schema.Cameo, quad.String("195")}, {schema.Actor, pk}, {schema.Target, blaIRI},
			{schema.PlaceOf, sistanIRI}, {schema.EventCountry, ir}, {schema.Weapon, quad.String("drone")},
		}
		type fact struct{ s, p, o quad.Value }
		factsOf := func(ev quad.IRI) []fact {
			var out []fact
			for _, po := range event {
				out = append(out, fact{ev, po[0], po[1]})
			}
			return append(out,
				fact{pk, schema.Struck, blaIRI}, fact{pk, schema.Struck, ir}, fact{pk, schema.StruckIn, sistanIRI},
				fact{blaIRI, schema.Name, quad.String("Balochistan Liberation Army")}, fact{blaIRI, schema.Alias, quad.String("BLA")},
				fact{blaIRI, schema.Type, schema.ArmedGroup})
		}
		// The event is named after its smallest report, d1.txt's, though
		// d1.txt came last; it takes the next one's name when that report
		// leaves.
		namedAfter := func(doc string) {
			t.Helper()
			strikes := mustEvents(t, s, EventFilter{Type: "Attack"})
			want := eventName(s.Base(), schema.Attack, schema.ReportIRI(s.Base(), doc, 0))
			if len(strikes) != 1 || quad.IRI(strikes[0].ID) != want {
				t.Fatalf("attacks %+v, want one named %v (after %s's report)", strikes, want, doc)
			}
			ev = want
		}
		namedAfter("d1.txt")
		strikeFacts := factsOf(ev)
		others := []fact{
			{pk, schema.Name, quad.String("Pakistan")}, {pk, schema.Alias, quad.String("Islamabad")},
			{pk, schema.Type, schema.Country}, {sistanIRI, schema.LocatedIn, ir}, {sistanIRI, schema.CountryOf, ir},
			{ir, schema.Condemned, pk}, {jaishIRI, schema.OperatesIn, sistanIRI},
		}
		for _, f := range append(append([]fact(nil), strikeFacts...), others...) {
			if l := labelOf(t, s, f.s, f.p, f.o); l != d1 {
				t.Errorf("%v %v %v: labelled %v, want %v", f.s, f.p, f.o, l, d1)
			}
			sup, err := s.Supporters(ctx, f.s, f.p, f.o)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(sup) != fmt.Sprint([]quad.IRI{d1, d2, d3}) {
				t.Errorf("%v %v %v: supporters %v, want d1, d2, d3", f.s, f.p, f.o, sup)
			}
		}
		// Each document keeps its own mention and reports.
		for _, d := range []quad.IRI{d1, d2, d3} {
			if l := labelOf(t, s, pk, schema.MentionedIn, d); l != d {
				t.Errorf("Pakistan mentionedIn %v: labelled %v", d, l)
			}
		}

		// GraphQL sees one attack with one actor.
		res, err := s.Query(ctx, "graphql", attacksQuery, 0)
		if err != nil {
			t.Fatal(err)
		}
		// (Cayley's GraphQL gives a single result as an object, several as
		// a list.)
		b, _ := json.Marshal(res)
		if want := `[{"attacks":{"actor":{"name":"Pakistan"},"id":"` + string(ev) + `"}}]`; string(b) != want {
			t.Errorf("graphql: %s\nwant %s", b, want)
		}

		// Re-putting unchanged documents adds nothing; a new sha256 with the
		// same facts changes nothing but the sha256.
		before := allQuads(t, s)
		for _, rec := range []*extract.Record{strikeDoc("d1.txt", 9), strikeDoc("d2.txt", 7), strikeDoc("d3.txt", 8)} {
			if res := mustPut(t, s, rec); res.Status != Unchanged || res.Quads != 0 {
				t.Errorf("re-put %s: %+v, want unchanged", rec.Doc.ID, res)
			}
		}
		if after := allQuads(t, s); !sameQuads(before, after) {
			t.Errorf("re-put changed the store: %d quads, then %d", len(before), len(after))
		}
		same := strikeDoc("d1.txt", 9)
		same.Doc.SHA256 = "sha-d1.txt-1b"
		if res := mustPut(t, s, same); res.Status != Replaced {
			t.Errorf("put with another sha256: %v, want replaced", res.Status)
		}
		if diff := diffQuads(before, allQuads(t, s)); len(diff) != 2 {
			t.Errorf("same facts under another sha256 changed %d quads, want the sha256 only: %v", len(diff), diff)
		}

		// d1.txt no longer reports the strike nor names the BLA: its facts
		// move to d2.txt; what d1.txt still states stays with it.
		res1 := mustPut(t, s, withoutStrike(strikeDoc("d1.txt", 9)))
		checkSharing(t, s)
		namedAfter("d2.txt")
		strikeFacts = factsOf(ev)
		if res1.Status != Replaced || res1.Quads != len(labelled(t, s, "d1.txt")) {
			t.Errorf("replace d1.txt: %+v; %d quads labelled with it", res1, len(labelled(t, s, "d1.txt")))
		}
		for _, f := range strikeFacts {
			if l := labelOf(t, s, f.s, f.p, f.o); l != d2 {
				t.Errorf("after d1.txt dropped the strike, %v %v %v: labelled %v, want %v", f.s, f.p, f.o, l, d2)
			}
		}
		for _, f := range others {
			if l := labelOf(t, s, f.s, f.p, f.o); l != d1 {
				t.Errorf("%v %v %v: labelled %v, want %v still", f.s, f.p, f.o, l, d1)
			}
		}
		if l := labelOf(t, s, blaIRI, schema.MentionedIn, d1); l != quad.IRI("") {
			t.Errorf("BLA still mentionedIn d1.txt")
		}
		if strikes := mustEvents(t, s, EventFilter{Type: "Attack"}); len(strikes) != 1 || len(strikes[0].Sources) != 2 || deref(strikes[0].KilledMax) != 8 {
			t.Errorf("attacks after d1.txt dropped it: %+v, want one with 2 sources, 7–8 killed", strikes)
		}

		// d2.txt drops it too: d3.txt alone supports the strike.
		mustPut(t, s, withoutStrike(strikeDoc("d2.txt", 7)))
		checkSharing(t, s)
		namedAfter("d3.txt")
		strikeFacts = factsOf(ev)
		for _, f := range strikeFacts {
			if l := labelOf(t, s, f.s, f.p, f.o); l != d3 {
				t.Errorf("%v %v %v: labelled %v, want %v", f.s, f.p, f.o, l, d3)
			}
		}

		// Nobody supports the strike any more: its facts are gone, the
		// event node with them; the rest stays with d1.txt.
		mustPut(t, s, withoutStrike(strikeDoc("d3.txt", 8)))
		checkSharing(t, s)
		for _, f := range strikeFacts {
			if qs := quadsOf(t, s, f.s, f.p, f.o); len(qs) != 0 {
				t.Errorf("%v %v %v: still stored without support: %v", f.s, f.p, f.o, qs)
			}
			if sup, _ := s.Supporters(ctx, f.s, f.p, f.o); len(sup) != 0 {
				t.Errorf("%v %v %v: supporters %v left", f.s, f.p, f.o, sup)
			}
		}
		for _, q := range allQuads(t, s) {
			attackNode := func(v quad.Value) bool {
				return strings.HasPrefix(quad.StringOf(v), "<"+s.Base()+"event/attack-")
			}
			if attackNode(q.Subject) || attackNode(q.Object) || q.Subject == blaIRI || q.Object == blaIRI {
				t.Errorf("%v left after the strike lost its support", q)
			}
		}
		for _, f := range others {
			if l := labelOf(t, s, f.s, f.p, f.o); l != d1 {
				t.Errorf("%v %v %v: labelled %v, want %v", f.s, f.p, f.o, l, d1)
			}
		}
		if evs := mustEvents(t, s, EventFilter{}); len(evs) != 1 || evs[0].Type != "Condemn" || len(evs[0].Sources) != 3 {
			t.Errorf("events %+v, want the condemnation from 3 documents", evs)
		}
	})
}

// diffQuads lists the quads in one of a and b only.
func diffQuads(a, b []quad.Quad) []string {
	in := func(qs []quad.Quad) map[quad.Quad]bool {
		m := map[quad.Quad]bool{}
		for _, q := range qs {
			m[q] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for q := range ma {
		if !mb[q] {
			out = append(out, "-"+q.String())
		}
	}
	for q := range mb {
		if !ma[q] {
			out = append(out, "+"+q.String())
		}
	}
	sort.Strings(out)
	return out
}

func TestSharingIsOrderIndependent(t *testing.T) {
	// The same documents put in any order, with replacements on the way,
	// leave the same facts with the same labels and supporters (event IRIs
	// depend on which report came first: they are named by their reports).
	state := func(recs ...*extract.Record) []string {
		s := openTest(t, Config{Backend: BackendMemory})
		for _, r := range recs {
			mustPut(t, s, r)
		}
		checkSharing(t, s)
		quads := allQuads(t, s)
		reports := map[quad.Value][]string{}
		for _, q := range quads {
			if q.Predicate == schema.ReportOf {
				reports[q.Object] = append(reports[q.Object], q.Subject.String())
			}
		}
		rename := func(v quad.Value) string {
			if rs, ok := reports[v]; ok {
				sort.Strings(rs)
				return "event of " + strings.Join(rs, " ")
			}
			return quad.StringOf(v)
		}
		var out []string
		for _, q := range quads {
			if q.Predicate == schema.SupportedBy {
				continue
			}
			sup, err := s.Supporters(context.Background(), q.Subject, q.Predicate, q.Object)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprint(rename(q.Subject), rename(q.Predicate), rename(q.Object), rename(q.Label), sup))
		}
		sort.Strings(out)
		return out
	}
	a2 := docA()
	a2.Doc.SHA256 = "sha-a-2"
	a2.Events = a2.Events[:1]
	want := state(docA(), docB(), docC())
	for _, order := range [][]*extract.Record{
		{docC(), docB(), docA()},
		{docB(), docA(), docC()},
		{a2, docC(), docB(), docA()},
	} {
		if got := state(order...); !reflect.DeepEqual(got, want) {
			t.Errorf("order changed the store:\n%s", strings.Join(diffLines(want, got), "\n"))
		}
	}
}

func diffLines(a, b []string) []string {
	in := map[string]int{}
	for _, l := range a {
		in[l]--
	}
	for _, l := range b {
		in[l]++
	}
	var out []string
	for l, n := range in {
		if n < 0 {
			out = append(out, "-"+l)
		} else if n > 0 {
			out = append(out, "+"+l)
		}
	}
	sort.Strings(out)
	return out
}

func TestSharingConvertsOldStores(t *testing.T) {
	// A store written when each document had its own copy of the shared
	// facts (and no support index) ends up as a new one once its documents
	// are put again.
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		recs := []*extract.Record{docA(), docB(), docC()}
		for _, r := range recs {
			mustPut(t, s, r)
		}
		want := allQuads(t, s)
		// Turn the store into the old model.
		var old []quad.Quad
		for _, q := range want {
			if q.Predicate == schema.SupportedBy {
				continue
			}
			sup, err := s.Supporters(ctx, q.Subject, q.Predicate, q.Object)
			if err != nil {
				t.Fatal(err)
			}
			if len(sup) == 0 {
				old = append(old, q)
			}
			for _, d := range sup {
				c := q
				c.Label = d
				old = append(old, c)
			}
		}
		replaceAll(t, s, old)
		if len(allQuads(t, s)) <= len(want)-countIndex(want) {
			t.Fatal("the old model has no duplicates")
		}
		putAgain(t, s, recs, want, checkSharingLabels)
	})
}

// putAgain puts other versions of recs, checking the store with check
// after each, then recs again, and checks that the store then holds want.
func putAgain(t *testing.T, s *Store, recs []*extract.Record, want []quad.Quad, check func(*testing.T, *Store)) {
	t.Helper()
	for _, r := range recs {
		r2 := *r
		r2.Doc.SHA256 += "-2"
		mustPut(t, s, &r2)
		check(t, s)
	}
	for _, r := range recs {
		mustPut(t, s, r)
	}
	checkSharing(t, s)
	if got := allQuads(t, s); !sameQuads(got, want) {
		t.Errorf("converted store differs: %v", diffQuads(want, got))
	}
}

// checkSharingLabels checks that no fact the index lists is labelled with
// anything but its smallest supporter (copies from an old store that no
// put has touched yet may remain).
func checkSharingLabels(t *testing.T, s *Store) {
	t.Helper()
	for _, q := range allQuads(t, s) {
		if q.Predicate == schema.SupportedBy {
			continue
		}
		sup, err := s.Supporters(context.Background(), q.Subject, q.Predicate, q.Object)
		if err != nil {
			t.Fatal(err)
		}
		if len(sup) > 0 && q.Label != sup[0] {
			t.Errorf("%v: labelled %v, want %v", q, q.Label, sup[0])
		}
	}
}

func countIndex(qs []quad.Quad) int {
	n := 0
	for _, q := range qs {
		if q.Predicate == schema.SupportedBy {
			n++
		}
	}
	return n
}

// replaceAll makes qs the content of the store.
func replaceAll(t *testing.T, s *Store, qs []quad.Quad) {
	t.Helper()
	opts := graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	tx := graph.NewTransaction()
	for _, q := range allQuads(t, s) {
		tx.RemoveQuad(q)
	}
	if err := s.apply(context.Background(), tx.Deltas, opts); err != nil {
		t.Fatal(err)
	}
	tx = graph.NewTransaction()
	for _, q := range qs {
		tx.AddQuad(q)
	}
	if err := s.apply(context.Background(), tx.Deltas, opts); err != nil {
		t.Fatal(err)
	}
	if got := allQuads(t, s); !sameQuads(got, qs) {
		t.Fatalf("store holds %d quads, wrote %d", len(got), len(qs))
	}
}

// TestFactSetsShared: documents that describe their entities alike support
// each entity's facts with one id each in their supports literal, through
// one fact set per entity whose facts are listed once, in one literal on
// the entity's fact sets node; the second document adds no literal, and
// the support of each fact lists both.
func TestFactSetsShared(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		count := func() (literals, listed int, entries map[quad.Value]int) {
			entries = map[quad.Value]int{}
			for _, q := range allQuads(t, s) {
				switch {
				case q.Predicate == schema.FactSetOf:
					_, keys, _ := schema.FactSetMembers(s.Base(), q.Object)
					literals++
					listed += len(keys)
				case q.Predicate == schema.InFactSet:
					t.Errorf("a link to a fact set: %v", q)
				case q.Predicate == schema.SupportedBy && schema.IsFactSet(s.Base(), q.Subject):
					entries[q.Object]++
				case q.Predicate == schema.Supports:
					sets, _ := schema.SupportedKeys(s.Base(), q.Object)
					entries[q.Subject] += len(sets)
				}
			}
			return literals, listed, entries
		}
		mustPut(t, s, strikeDoc("a", 5))
		literalsA, listedA, entriesA := count()
		described := entriesA[docIRI("a")]
		if described == 0 || literalsA != described || listedA <= described {
			t.Fatalf("after a: %d fact set entries, %d literals listing %d facts; want one entry and one literal per entity and more facts than entities", described, literalsA, listedA)
		}
		mustPut(t, s, strikeDoc("b", 7))
		literals, listed, entries := count()
		if literals != literalsA || listed != listedA || entries[docIRI("b")] != described {
			t.Errorf("after b: %d literals listing %d facts (want %d and %d, as after a), %d entries of b (want %d)", literals, listed, literalsA, listedA, entries[docIRI("b")], described)
		}
		sup, err := s.Supporters(context.Background(), schema.EntityIRI(s.Base(), iran.ID), schema.Type, schema.Country)
		if err != nil {
			t.Fatal(err)
		}
		if len(sup) != 2 || sup[0] != docIRI("a") || sup[1] != docIRI("b") {
			t.Errorf("supporters of Iran's type: %v, want a and b", sup)
		}
		checkSharing(t, s)
	})
}

func isEvent(base string, v quad.Value) bool {
	iri, ok := v.(quad.IRI)
	return ok && strings.HasPrefix(string(iri), base+"event/")
}

// TestEventFactsListedOnReports: the facts of an event node its reports
// describe have no entry in the support index; each report lists them in
// its details literal (no statesFacts quad), and their supporters are
// those reports' documents, before and after one of them is deleted.
func TestEventFactsListedOnReports(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		mustPut(t, s, strikeDoc("a", 5))
		mustPut(t, s, strikeDoc("b", 7))
		strikes := mustEvents(t, s, EventFilter{Type: "Attack"})
		if len(strikes) != 1 {
			t.Fatalf("attacks %+v, want one", strikes)
		}
		ev := quad.IRI(strikes[0].ID)
		lists := 0
		for _, q := range allQuads(t, s) {
			if q.Predicate == schema.StatesFacts {
				t.Errorf("a statesFacts quad of its own: %v", q)
			}
			if _, ok := schema.StatedKeys(q.Object); ok && q.Predicate == schema.DetailsOf {
				lists++
			}
			if q.Predicate == schema.SupportedBy && q.Subject == schema.FactIRI(s.Base(), ev, schema.Actor, quad.IRI(pakistan.ID)) {
				t.Errorf("the event's actor has an index entry: %v", q)
			}
		}
		if lists != 4 { // two reports a document: the strike and the condemnation
			t.Errorf("%d details literals with keys, want 4", lists)
		}
		want := func(docs ...quad.IRI) {
			t.Helper()
			sup, err := s.Supporters(ctx, ev, schema.Actor, quad.IRI(pakistan.ID))
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(sup) != fmt.Sprint(docs) {
				t.Errorf("supporters of the actor: %v, want %v", sup, docs)
			}
		}
		want(docIRI("a"), docIRI("b"))
		checkSharing(t, s)
		if _, err := s.Delete(ctx, "a"); err != nil {
			t.Fatal(err)
		}
		ev = quad.IRI(mustEvents(t, s, EventFilter{Type: "Attack"})[0].ID)
		want(docIRI("b"))
		checkSharing(t, s)
	})
}

// frontDoc is a strike document that also names a group whose country it
// gives by name alone (a country not in the gazetteer, under
// entity/country/name/).
func frontDoc(id string) *extract.Record {
	rec := strikeDoc(id, 5)
	rec.Entities = append(rec.Entities, entity(ref("vellmar-front", "Vellmar Front", extract.ClassArmedGroup), "Freedonia", nil))
	return rec
}

// TestSupportsLiteral: a document supports the facts of the entities it
// describes through its one ng:supports literal, and their supporters are
// read from the entities' documents, one row per kind of fact: the fact set
// of an entity it names, that of a country it gives only as another
// entity's country (ng:describedIn), a direct edge from an entity it
// names. None has an entry in the support index, and deleting a document
// takes it out of each fact's supporters.
func TestSupportsLiteral(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		mustPut(t, s, frontDoc("a"))
		mustPut(t, s, frontDoc("b"))
		freedonia := schema.EntityIRI(s.Base(), schema.EntityID("country/name/freedonia"))
		rows := []struct {
			name      string
			s, p      quad.IRI
			o         quad.Value
			described bool // the subject is described, not named
		}{
			{"the fact set of a named entity", quad.IRI(pakistan.ID), schema.Type, schema.Country, false},
			{"the fact set of a country given by name", freedonia, schema.Type, schema.Country, true},
			{"a direct edge from a named entity", quad.IRI(pakistan.ID), schema.Struck, quad.IRI(bla.ID), false},
		}
		check := func(docs ...quad.IRI) {
			t.Helper()
			quads := allQuads(t, s)
			for _, r := range rows {
				sup, err := s.Supporters(ctx, r.s, r.p, r.o)
				if err != nil {
					t.Fatal(err)
				}
				if fmt.Sprint(sup) != fmt.Sprint(docs) {
					t.Errorf("%s: supporters %v, want %v", r.name, sup, docs)
				}
				// as a fuser reads them, the entity's documents read once
				cache := map[quad.IRI]*listers{}
				for i := 0; i < 2; i++ {
					sup, err := s.supporters(s.view(ctx, nil), quad.Quad{Subject: r.s, Predicate: r.p, Object: r.o}, cache)
					if err != nil {
						t.Fatal(err)
					}
					if fmt.Sprint(sup) != fmt.Sprint(docs) {
						t.Errorf("%s: supporters through the cache %v, want %v", r.name, sup, docs)
					}
				}
				var described []quad.Value
				for _, q := range quads {
					if q.Predicate == schema.DescribedIn && q.Subject == r.s {
						described = append(described, q.Object)
					}
				}
				if r.described && fmt.Sprint(described) != fmt.Sprint(docs) || !r.described && len(described) > 0 {
					t.Errorf("%s: described in %v", r.name, described)
				}
			}
			literals := map[quad.Value]int{}
			for _, q := range quads {
				switch {
				case q.Predicate == schema.Supports:
					literals[q.Subject]++
				case q.Predicate == schema.SupportedBy:
					t.Errorf("an index entry: %v", q)
				}
			}
			for _, d := range docs {
				if literals[d] != 1 {
					t.Errorf("%v: %d supports literals, want 1", d, literals[d])
				}
			}
			checkSharing(t, s)
		}
		check(docIRI("a"), docIRI("b"))
		if _, err := s.Delete(ctx, "a"); err != nil {
			t.Fatal(err)
		}
		check(docIRI("b"))
	})
}

// TestSupportEntriesOfOlderStores: a store written before documents listed
// their support in one literal (an ng:supportedBy entry from each fact set
// and edge, no ng:describedIn) gives the same supporters, and once its
// documents are put again (another version, then the same) it is the store
// written afresh.
func TestSupportEntriesOfOlderStores(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		recs := []*extract.Record{frontDoc("a"), frontDoc("b"), frontDoc("c")}
		for _, r := range recs {
			mustPut(t, s, r)
		}
		want := allQuads(t, s)
		supporters := func() []string {
			var out []string
			for _, q := range allQuads(t, s) {
				sup, err := s.Supporters(ctx, q.Subject, q.Predicate, q.Object)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, fmt.Sprint(q.Subject, q.Predicate, q.Object, sup))
			}
			sort.Strings(out)
			return out
		}
		before := supporters()
		var old []quad.Quad
		for _, q := range want {
			switch q.Predicate {
			case schema.DescribedIn:
			case schema.Supports:
				sets, facts := schema.SupportedKeys(s.Base(), q.Object)
				for _, k := range append(sets, facts...) {
					old = append(old, quad.Quad{Subject: k, Predicate: schema.SupportedBy, Object: q.Subject, Label: q.Label})
				}
			default:
				old = append(old, q)
			}
		}
		replaceAll(t, s, old)
		var got []string
		for _, l := range supporters() {
			if !strings.Contains(l, "supportedBy") {
				got = append(got, l)
			}
		}
		var wantSup []string
		for _, l := range before {
			if !strings.Contains(l, "supports") && !strings.Contains(l, "describedIn") {
				wantSup = append(wantSup, l)
			}
		}
		if !reflect.DeepEqual(got, wantSup) {
			t.Errorf("supporters in the older store:\n%s", strings.Join(diffLines(wantSup, got), "\n"))
		}
		putAgain(t, s, recs, want, checkSharing)
	})
}

// TestListersEach checks which documents of an entity are read as
// supporters of a fact from the ids their supports literals list: each
// document that lists one of the fact's ids, once, in the order of the
// entity's documents, until the caller stops.
func TestListersEach(t *testing.T) {
	docs := []quad.IRI{"d0", "d1", "d2", "d3"}
	ls := &listers{docs: docs, by: map[string][]int32{
		"aa.1": {0, 2},    // a set that d0 and d2 list
		"aa.2": {1, 2, 3}, // another set of the entity
		"f9":   {3},       // a fact of its own
	}}
	rows := []struct {
		name string
		ids  []string
		stop int // documents taken before stopping (0: all)
		want []quad.IRI
	}{
		{"one id", []string{"f9"}, 0, []quad.IRI{"d3"}},
		{"a document listing two of the ids comes once", []string{"aa.1", "aa.2"}, 0, docs},
		{"the entity's order, not the ids'", []string{"f9", "aa.1"}, 0, []quad.IRI{"d0", "d2", "d3"}},
		{"an id no document lists", []string{"bb.1"}, 0, nil},
		{"no ids", nil, 0, nil},
		{"stopped after the first", []string{"aa.2", "aa.1"}, 1, []quad.IRI{"d0"}},
	}
	for _, r := range rows {
		var got []quad.IRI
		ls.each(r.ids, func(d quad.IRI) bool {
			got = append(got, d)
			return r.stop == 0 || len(got) < r.stop
		})
		if fmt.Sprint(got) != fmt.Sprint(r.want) {
			t.Errorf("%s: %v, want %v", r.name, got, r.want)
		}
	}
}

// asOlderStatedKeys is q as stores written before the keys of the facts
// a report states were a detail held it: a report's details literal
// without its keys, and a statesFacts quad of them (none, or only that
// quad, for a literal of no other detail).
func asOlderStatedKeys(t *testing.T, q quad.Quad) []quad.Quad {
	t.Helper()
	if _, ok := schema.StatedKeys(q.Object); !ok || q.Predicate != schema.DetailsOf {
		return []quad.Quad{q}
	}
	details, ok := schema.DetailQuads(q)
	if !ok {
		t.Fatalf("details %v do not read", q)
	}
	var out, rest []quad.Quad
	for _, d := range details {
		if d.Predicate == schema.StatesFacts {
			out = append(out, d)
		} else {
			rest = append(rest, d)
		}
	}
	if len(rest) > 0 {
		v, ok := schema.DetailsValue(rest)
		if !ok {
			t.Fatalf("details %v refused", rest)
		}
		out = append(out, quad.Quad{Subject: q.Subject, Predicate: schema.DetailsOf, Object: v, Label: q.Label})
	}
	return out
}

// TestStatedKeysOfOlderStores turns a store into the layout of stores
// written before the keys of the facts a report states were a detail (a
// statesFacts quad on each report) and checks that every fact of its
// events keeps its supporters, that deleting a document relabels the
// facts it was canonical for with the next document that states them (as
// in the store written now), and that putting the documents again (another
// version, then the same) gives the store written afresh.
func TestStatedKeysOfOlderStores(t *testing.T) {
	forEachBackendPair(t, func(t *testing.T, s, fresh *Store) {
		ctx := context.Background()
		recs, want := putStrikeDocsButA(t, s, fresh)
		supporters := func(st *Store) []string {
			var out []string
			for _, q := range allQuads(t, st) {
				if !s.stated(q) {
					continue
				}
				sup, err := st.Supporters(ctx, q.Subject, q.Predicate, q.Object)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, fmt.Sprint(q, sup))
			}
			sort.Strings(out)
			return out
		}
		before := supporters(s)
		var old []quad.Quad
		statesQuads := 0
		for _, q := range want {
			for _, o := range asOlderStatedKeys(t, q) {
				if o.Predicate == schema.StatesFacts {
					statesQuads++
				}
				old = append(old, o)
			}
		}
		if statesQuads != 2*len(recs) { // a strike and a condemnation a document
			t.Fatalf("%d statesFacts quads in the older store, want %d", statesQuads, 2*len(recs))
		}
		replaceAll(t, s, old)
		if got := supporters(s); !reflect.DeepEqual(got, before) {
			t.Errorf("supporters in the older store:\n%s", strings.Join(diffLines(before, got), "\n"))
		}
		putAgain(t, s, recs, want, checkSharing)

		replaceAll(t, s, old)
		if _, err := s.Delete(ctx, "a"); err != nil {
			t.Fatal(err)
		}
		var stated, freshStated []quad.Quad
		for _, q := range allQuads(t, s) {
			if s.stated(q) {
				stated = append(stated, q)
			}
		}
		for _, q := range allQuads(t, fresh) {
			if s.stated(q) {
				freshStated = append(freshStated, q)
			}
		}
		if !sameQuads(stated, freshStated) {
			t.Errorf("event facts after deleting a from the older store: %v", diffQuads(freshStated, stated))
		}
	})
}
