package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// TestKeyedCandidatesFindEveryMatch checks that looking candidate events up
// by their fusion keys finds every event a report matches: generated
// articles (stories reported by several outlets, dated, undated and
// month-dated reports) put into a store that uses the keys leave it
// exactly as a store that lists every event of each participant, quad for
// quad.
func TestKeyedCandidatesFindEveryMatch(t *testing.T) {
	recs := generated(t, 120)
	keyed := openTest(t, Config{Backend: BackendMemory})
	listed := openTest(t, Config{Backend: BackendMemory})
	listed.legacyFusion = true // the fallback: every event of a participant
	ctx := context.Background()
	for _, r := range recs {
		if _, err := keyed.Put(ctx, r); err != nil {
			t.Fatal(err)
		}
		if _, err := listed.Put(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	a, b := allQuads(t, keyed), allQuads(t, listed)
	if !sameQuads(a, b) {
		t.Fatalf("keyed lookup: %d quads, listing every event: %d (or different ones)", len(a), len(b))
	}
	evs := mustEvents(t, keyed, EventFilter{})
	fused := 0
	for _, e := range evs {
		if len(e.Sources) > 1 {
			fused++
		}
	}
	if fused == 0 {
		t.Fatalf("no event of %d fuses several documents: the test proves nothing", len(evs))
	}
}

// TestUndatedReportsNearPublication checks the time rule for undated
// reports: an undated report fuses with an event of the same actors and
// targets reported within a week of its publication, and not with one
// months away.
func TestUndatedReportsNearPublication(t *testing.T) {
	undated := func(id, published string) *extract.Record {
		return record(id, "sha-"+id, published, []extract.Event{
			diplomatic(extract.EventCondemn, iran, pakistan, "Iran condemned Pakistan."),
		})
	}
	dated := func(id, published, date string) *extract.Record {
		ev := diplomatic(extract.EventCondemn, iran, pakistan, "Iran condemned Pakistan on Tuesday.")
		ev.Date = str(date)
		return record(id, "sha-"+id, published, []extract.Event{ev})
	}
	tests := []struct {
		name   string
		recs   []*extract.Record
		events int
	}{
		{"undated, three days apart", []*extract.Record{undated("u1", "2024-01-10"), undated("u2", "2024-01-13")}, 1},
		{"undated, months apart", []*extract.Record{undated("u1", "2024-01-10"), undated("u2", "2024-04-02")}, 2},
		{"dated, then undated a day later", []*extract.Record{dated("d1", "2024-01-10", "2024-01-09"), undated("u2", "2024-01-11")}, 1},
		{"undated, then dated months later", []*extract.Record{undated("u1", "2024-01-10"), dated("d2", "2024-06-10", "2024-06-09")}, 2},
		{"dated, a day apart", []*extract.Record{dated("d1", "2024-01-10", "2024-01-09"), dated("d2", "2024-01-11", "2024-01-10")}, 1},
		{"dated, a week apart", []*extract.Record{dated("d1", "2024-01-10", "2024-01-09"), dated("d2", "2024-01-17", "2024-01-16")}, 2},
	}
	for _, tc := range tests {
		for _, legacy := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/listing=%v", tc.name, legacy), func(t *testing.T) {
				s := openTest(t, Config{Backend: BackendMemory})
				s.legacyFusion = legacy
				for _, r := range tc.recs {
					mustPut(t, s, r)
				}
				evs := mustEvents(t, s, EventFilter{Type: extract.EventCondemn})
				if len(evs) != tc.events {
					t.Errorf("%d events, want %d: %+v", len(evs), tc.events, evs)
				}
			})
		}
	}
}

// TestFusionTimeKeys checks the keys fusion writes: one ng:fusionTime
// literal for each type and time of an event, naming no participant, and
// no ng:fusionKey; an event of the same type and day with other
// participants shares the key's node and stays apart.
func TestFusionTimeKeys(t *testing.T) {
	s := openTest(t, Config{Backend: BackendMemory})
	mustPut(t, s, unrelated("north.txt", "Red Hand", "Blue Shore Militia", "Norland", "2021-03-04"))
	mustPut(t, s, unrelated("east.txt", "Grey Wolves Front", "Sun Valley Guard", "Sudmark", "2021-03-04"))
	keys := map[quad.Value]int{}
	for _, q := range allQuads(t, s) {
		switch q.Predicate {
		case schema.FusionKey:
			t.Errorf("participant key written: %v", q)
		case schema.FusionTime:
			keys[q.Object]++
		}
	}
	want := quad.String("Attack|d:2021-03-04")
	if len(keys) != 1 || keys[want] != 2 {
		t.Errorf("fusion time keys %v, want %v on each of two events", keys, want)
	}
	if evs := mustEvents(t, s, EventFilter{}); len(evs) != 2 {
		t.Errorf("%d events, want 2: a shared time key fused unrelated attacks", len(evs))
	}
}

// TestParticipantKeysOfOlderStores checks that a store written before
// fusionTime, whose events carry one ng:fusionKey per participant, fuses
// as the new keys do: generated articles put into such a store (their
// first half's keys turned into the older ones) leave it, but for the
// keys of the events the second half did not touch, as a store that got
// them all afresh.
func TestParticipantKeysOfOlderStores(t *testing.T) {
	recs := generated(t, 120)
	fresh := openTest(t, Config{Backend: BackendMemory})
	older := openTest(t, Config{Backend: BackendMemory})
	for _, r := range recs {
		mustPut(t, fresh, r)
	}
	for _, r := range recs[:60] {
		mustPut(t, older, r)
	}
	replaceAll(t, older, participantKeys(allQuads(t, older)))
	older.participantKeys = true
	for _, r := range recs[60:] {
		mustPut(t, older, r)
	}
	a, b := withoutKeys(allQuads(t, fresh)), withoutKeys(allQuads(t, older))
	if !sameQuads(a, b) {
		t.Fatalf("older store: %d quads but keys, fresh store: %d (or different ones)", len(b), len(a))
	}
}

// participantKeys returns quads with each event's fusionTime keys turned
// into the fusionKey ones stores wrote before: one per participant.
func participantKeys(quads []quad.Quad) []quad.Quad {
	types := map[quad.Value]map[string]quad.IRI{} // event: local name: type
	parts := map[quad.Value][][2]quad.Value{}     // event: role, participant
	roles := map[quad.Value]string{schema.Actor: roleActor, schema.Target: roleTarget,
		schema.PlaceOf: rolePlace, schema.EventCountry: rolePlace}
	for _, q := range quads {
		if typ, ok := q.Object.(quad.IRI); ok && q.Predicate == schema.Type {
			if types[q.Subject] == nil {
				types[q.Subject] = map[string]quad.IRI{}
			}
			types[q.Subject][schema.LocalName(typ)] = typ
		}
		if role, ok := roles[q.Predicate]; ok {
			parts[q.Subject] = append(parts[q.Subject], [2]quad.Value{quad.String(role), q.Object})
		}
	}
	var out []quad.Quad
	seen := map[quad.Quad]bool{}
	for _, q := range quads {
		if q.Predicate != schema.FusionTime {
			out = append(out, q)
			continue
		}
		name, tk, _ := strings.Cut(schema.TextOf(q.Object), "|")
		for _, p := range parts[q.Subject] {
			k := fusionKey(types[q.Subject][name], schema.TextOf(p[0]), p[1].(quad.IRI), tk)
			old := quad.Quad{Subject: q.Subject, Predicate: schema.FusionKey, Object: k, Label: q.Label}
			if !seen[old] {
				seen[old] = true
				out = append(out, old)
			}
		}
	}
	return out
}

// withoutKeys returns quads but the fusion keys.
func withoutKeys(quads []quad.Quad) []quad.Quad {
	var out []quad.Quad
	for _, q := range quads {
		if q.Predicate != schema.FusionKey && q.Predicate != schema.FusionTime {
			out = append(out, q)
		}
	}
	return out
}

// TestFusionKeySet checks the fusion keys a fresh store keeps in memory
// (Store.fusionKeys): generated articles put in batches into a fresh bolt
// store, whose lookups of keys not in the set read nothing, leave it
// exactly as a memory store that reads every lookup, quad for quad, so
// that events reported twice within one batch fuse too; and the set holds
// every key the store holds.
func TestFusionKeySet(t *testing.T) {
	recs := generated(t, 120)
	fresh := openTest(t, Config{Path: filepath.Join(t.TempDir(), "fresh.db"), Fresh: true})
	read := openTest(t, Config{Backend: BackendMemory})
	if fresh.fusionKeys == nil || read.fusionKeys != nil {
		t.Fatalf("key sets: fresh bolt store %v, memory store %v; want one, none", fresh.fusionKeys != nil, read.fusionKeys != nil)
	}
	ctx := context.Background()
	for i := 0; i < len(recs); i += 16 {
		batch := recs[i:min(i+16, len(recs))]
		for _, s := range []*Store{fresh, read} {
			if _, err := s.PutBatch(ctx, batch); err != nil {
				t.Fatal(err)
			}
		}
	}
	a, b := allQuads(t, fresh), allQuads(t, read)
	if !sameQuads(a, b) {
		t.Fatalf("with the key set: %d quads, reading every lookup: %d (or different ones)", len(a), len(b))
	}
	keys := 0
	for _, q := range a {
		if q.Predicate != schema.FusionTime && q.Predicate != schema.FusionKey {
			continue
		}
		keys++
		if !fresh.fusionKeys.mayHold([]byte(schema.TextOf(q.Object))) {
			t.Errorf("the key set lacks stored key %s", q.Object)
		}
	}
	if keys == 0 || len(mustEvents(t, fresh, EventFilter{})) == 0 {
		t.Fatal("no fusion key or no event stored: the test proves nothing")
	}
}

// TestKeySetMayHold checks a key set's answers: a nil set (a store whose
// keys are unknown) may hold every key; a set holds the keys of the fusion
// key quads noted, by their text, and no other quad's object.
func TestKeySetMayHold(t *testing.T) {
	var unknown keySet
	if !unknown.mayHold([]byte("Attack|a|x|d:2024-01-02")) {
		t.Error("a nil set rules a key out")
	}
	ks := keySet{}
	ev := quad.IRI("urn:event")
	ks.note(quad.Quad{Subject: ev, Predicate: schema.FusionKey, Object: quad.String("Attack|a|x|d:2024-01-02")})
	ks.note(quad.Quad{Subject: ev, Predicate: schema.FusionTime, Object: quad.String("Attack|d:2024-01-05")})
	ks.note(quad.Quad{Subject: ev, Predicate: schema.Date, Object: quad.String("Attack|a|x|d:2024-01-03")})
	for k, want := range map[string]bool{"Attack|a|x|d:2024-01-02": true, "Attack|d:2024-01-05": true, "Attack|a|x|d:2024-01-03": false, "Attack|a|x": false, "Attack|d:2024-01-06": false} {
		if got := ks.mayHold([]byte(k)); got != want {
			t.Errorf("mayHold(%q) = %v, want %v", k, got, want)
		}
	}
}
