package graph

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// withKoh is a record whose entity kohesabz (not among the fixture
// geography) is spelt so, as an entity of the record or only as an
// event's place.
func withKoh(id, spelling string, asRef bool) *extract.Record {
	r := ref("kohesabz", spelling, extract.ClassPlace)
	rec := record(id, id+"-sha", "2024-01-17", nil)
	if asRef {
		rec.Events = []extract.Event{attack(iran, []extract.Ref{jaish}, []extract.Ref{r}, pakistan, "2024-01-16", nil, "Iran struck.")}
	} else {
		rec.Entities = append(rec.Entities, entity(r, "Pakistan", nil))
	}
	return rec
}

// newVersion is rec as another version of its document (another sha256).
func newVersion(rec *extract.Record) *extract.Record {
	rec.Doc.SHA256 += "-2"
	return rec
}

// withoutKoh is a version of document id that does not name kohesabz.
func withoutKoh(id string) *extract.Record {
	return record(id, id+"-sha-3", "2024-01-17", nil)
}

// TestOnePreferredName: an entity keeps one ng:name whatever spellings the
// documents give it, the best of those the stored documents give (the
// extractor's preferred spelling, then the least); the other spellings are
// its aliases. One row per shape of the documents put; a row of distinct
// documents is also put in reverse order, with the same names.
func TestOnePreferredName(t *testing.T) {
	for _, tc := range []struct {
		name     string
		recs     []*extract.Record
		reorders bool // the records are distinct documents: their order must not matter
		names    []string
		aliases  []string
	}{
		{"one spelling", []*extract.Record{withKoh("a", "Koh-e-Sabz", false), withKoh("b", "Koh-e-Sabz", false)}, true, []string{"Koh-e-Sabz"}, nil},
		{"a second spelling is an alias", []*extract.Record{withKoh("a", "Koh-e-Sabz", false), withKoh("b", "Koh e Sabz", false)}, true, []string{"Koh-e-Sabz"}, []string{"Koh e Sabz"}},
		{"a preferred spelling renames the entity", []*extract.Record{withKoh("a", "Koh e Sabz", false), withKoh("b", "Koh-e-Sabz", false)}, true, []string{"Koh-e-Sabz"}, []string{"Koh e Sabz"}},
		{"of two preferred spellings the least", []*extract.Record{withKoh("a", "Koh-i-Sabz", false), withKoh("b", "Koh-e-Sabz", false)}, true, []string{"Koh-e-Sabz"}, []string{"Koh-i-Sabz"}},
		{"of two others the least", []*extract.Record{withKoh("a", "Koh i Sabz", false), withKoh("b", "Koh e Sabz", false)}, true, []string{"Koh e Sabz"}, []string{"Koh i Sabz"}},
		{"three spellings", []*extract.Record{withKoh("c", "Koh i Sabz", false), withKoh("a", "Koh e Sabz", false), withKoh("b", "Koh-e-Sabz", true)}, true, []string{"Koh-e-Sabz"}, []string{"Koh e Sabz", "Koh i Sabz"}},
		{"a reference's spelling too", []*extract.Record{withKoh("a", "Koh-e-Sabz", false), withKoh("b", "Koh e Sabz", true)}, true, []string{"Koh-e-Sabz"}, []string{"Koh e Sabz"}},
		{"the same document again keeps its name", []*extract.Record{withKoh("a", "Koh-e-Sabz", false), withKoh("b", "Koh e Sabz", false), withKoh("a", "Koh-e-Sabz", false)}, false, []string{"Koh-e-Sabz"}, []string{"Koh e Sabz"}},
		{"a replaced document's spelling goes with it", []*extract.Record{withKoh("a", "Koh e Sabz", false), newVersion(withKoh("a", "Koh-e-Sabz", false))}, false, []string{"Koh-e-Sabz"}, nil},
		{"replacing the name's document gives the name back", []*extract.Record{withKoh("a", "Koh e Sabz", false), withKoh("b", "Koh-e-Sabz", false), newVersion(withKoh("b", "Koh e Sabz", true))}, false, []string{"Koh e Sabz"}, nil},
		{"dropping the name's document promotes an alias", []*extract.Record{withKoh("a", "Koh-e-Sabz", false), withKoh("b", "Koh i Sabz", false), withKoh("c", "Koh e Sabz", false), withoutKoh("a")}, false, []string{"Koh e Sabz"}, []string{"Koh i Sabz"}},
		{"the name stays while a document states it", []*extract.Record{withKoh("a", "Koh-e-Sabz", false), withKoh("b", "Koh e Sabz", false), withKoh("c", "Koh-e-Sabz", true), withoutKoh("a")}, false, []string{"Koh-e-Sabz"}, []string{"Koh e Sabz"}},
		{"dropping every document drops every spelling", []*extract.Record{withKoh("a", "Koh-e-Sabz", false), withKoh("b", "Koh e Sabz", false), withoutKoh("b"), withoutKoh("a")}, false, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			orders := [][]*extract.Record{tc.recs}
			if tc.reorders {
				rev := make([]*extract.Record, len(tc.recs))
				for i, r := range tc.recs {
					rev[len(rev)-1-i] = r
				}
				orders = append(orders, rev)
			}
			for _, b := range backends()[:2] {
				t.Run(b.name, func(t *testing.T) {
					for _, recs := range orders {
						s := b.open(t)
						for _, r := range recs {
							mustPut(t, s, r)
						}
						iri := schema.EntityIRI(s.Base(), ent+"kohesabz")
						names, aliases := textsOfPred(t, s, iri, schema.Name), textsOfPred(t, s, iri, schema.Alias)
						if !equalStrings(names, tc.names) || !equalStrings(aliases, tc.aliases) {
							t.Errorf("put %s: names %q, aliases %q; want %q, %q", docOrder(recs), names, aliases, tc.names, tc.aliases)
						}
					}
				})
			}
		})
	}
}

// TestNamesIndependentOfOrder: the same records (documents spelling one
// entity differently, as an entity or only as an event's place, and a new
// version of one of them) put in every order (each version after the one
// it replaces) leave the same store, quad for quad and label for label,
// as putting the documents' last versions alone in IRI order, whether put
// one by one or in one batch. One row per set of records.
func TestNamesIndependentOfOrder(t *testing.T) {
	for _, tc := range []struct {
		name string
		recs func() []*extract.Record // in an order where each version follows the one it replaces
	}{
		{"the replaced name has another supporter", func() []*extract.Record {
			return []*extract.Record{withKoh("a", "Koh e Sabz", false), withKoh("b", "Koh-e-Sabz", false), withKoh("c", "Koh-i-Sabz", true),
				withKoh("d", "Koh-e-Sabz", false), newVersion(withKoh("b", "Koh e Sabz", false))}
		}},
		{"the replaced name has none", func() []*extract.Record {
			return []*extract.Record{withKoh("a", "Koh e Sabz", false), withKoh("b", "Koh-e-Sabz", false), withKoh("c", "Koh-i-Sabz", false),
				newVersion(withKoh("b", "Koh e Sabz", true))}
		}},
		{"a document drops the entity", func() []*extract.Record {
			return []*extract.Record{withKoh("a", "Koh-e-Sabz", false), withKoh("b", "Koh e Sabz", false), withKoh("c", "Koh i Sabz", true),
				withoutKoh("a")}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, b := range backends()[:2] {
				t.Run(b.name, func(t *testing.T) {
					want := sortedNQuads(t, b.open(t), lastVersions(tc.recs()))
					for _, perm := range permutations(len(tc.recs())) {
						recs := tc.recs()
						ordered := make([]*extract.Record, len(recs))
						for i, p := range perm {
							ordered[i] = recs[p]
						}
						if !versionsInOrder(ordered) {
							continue
						}
						if got := sortedNQuads(t, b.open(t), ordered); got != want {
							t.Errorf("put %s: store differs from the last versions put alone:\n%s", docOrder(ordered), lineDiff(want, got))
						}
						if got := batchNQuads(t, b.open(t), ordered); got != want {
							t.Errorf("put %s in one batch: store differs from the last versions put alone:\n%s", docOrder(ordered), lineDiff(want, got))
						}
					}
				})
			}
		})
	}
}

// sortedNQuads puts recs into s in order and returns the store's quads as sorted
// N-Quads lines.
func sortedNQuads(t *testing.T, s *Store, recs []*extract.Record) string {
	t.Helper()
	for _, r := range recs {
		mustPut(t, s, r)
	}
	var lines []string
	for _, q := range allQuads(t, s) {
		lines = append(lines, q.NQuad())
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// batchNQuads puts recs into s in one PutBatch and returns the store's
// quads as sorted N-Quads lines.
func batchNQuads(t *testing.T, s *Store, recs []*extract.Record) string {
	t.Helper()
	res, err := s.PutBatch(context.Background(), recs)
	if err != nil {
		t.Fatalf("PutBatch: %v", err)
	}
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("PutBatch: %s: %v", r.Doc, r.Err)
		}
	}
	return sortedNQuads(t, s, nil)
}

// lastVersions keeps the last record of each document, in document order.
func lastVersions(recs []*extract.Record) []*extract.Record {
	last := map[string]*extract.Record{}
	for _, r := range recs {
		last[r.Doc.ID] = r
	}
	var out []*extract.Record
	for _, r := range last {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Doc.ID < out[j].Doc.ID })
	return out
}

// versionsInOrder tells whether every version of a document follows the
// one it replaces (the records' order within each document is the one of
// their sha256 lengths: each new version appends to it).
func versionsInOrder(recs []*extract.Record) bool {
	seen := map[string]int{}
	for _, r := range recs {
		if n := len(r.Doc.SHA256); n < seen[r.Doc.ID] {
			return false
		} else {
			seen[r.Doc.ID] = n
		}
	}
	return true
}

// permutations returns every order of 0..n-1.
func permutations(n int) [][]int {
	if n == 0 {
		return [][]int{{}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(append([]int{}, p[:i]...), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

func docOrder(recs []*extract.Record) string {
	var ids []string
	for _, r := range recs {
		ids = append(ids, r.Doc.ID+"@"+r.Doc.SHA256)
	}
	return strings.Join(ids, ", ")
}

// lineDiff lists the lines only one of two sorted texts has.
func lineDiff(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var out []string
	for l := range w {
		if !g[l] {
			out = append(out, "- "+l)
		}
	}
	for l := range g {
		if !w[l] {
			out = append(out, "+ "+l)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

func textsOfPred(t *testing.T, s *Store, subj quad.IRI, pred quad.IRI) []string {
	t.Helper()
	var out []string
	seen := map[string]bool{}
	for _, q := range allQuads(t, s) {
		if q.Subject == subj && q.Predicate == pred {
			if v := schema.TextOf(q.Object); !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	sort.Strings(out)
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
