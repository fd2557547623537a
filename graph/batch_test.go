package graph

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
)

// batchInputs are sequences of records whose documents fuse events, share
// facts, replace earlier versions of themselves and repeat themselves, so
// that a batch must read what its earlier records leave.
func batchInputs() map[string][]*extract.Record {
	a2 := docA()
	a2.Doc.SHA256 = "sha-a-2"
	a2.Events = a2.Events[:1]
	a2.Events[0].Killed = num(10)
	a2.Relations = nil
	bad := docC()
	bad.Doc.ID = "bad.txt"
	bad.Entities[0].Class = "Armed Group" // not an IRI name: rejected
	return map[string][]*extract.Record{
		"fused documents":           {docA(), docB(), docC()},
		"replacement in the batch":  {docA(), docB(), a2, docC()},
		"repeats in the batch":      {docB(), docA(), docB(), docA(), a2, docA()},
		"invalid record in a batch": {docA(), bad, docB(), docC()},
	}
}

// TestPutBatchEqualsPuts checks that group commit changes nothing but the
// number of transactions: a batch leaves the store exactly as putting its
// records one by one does, with the same results.
func TestPutBatchEqualsPuts(t *testing.T) {
	ctx := context.Background()
	for name, recs := range batchInputs() {
		for _, b := range backends() {
			t.Run(name+"/"+b.name, func(t *testing.T) {
				one := b.open(t)
				var want []PutResult
				for _, r := range recs {
					res, err := one.Put(ctx, r)
					res.Err = err
					want = append(want, res)
				}
				wantQuads := allQuads(t, one)
				for _, size := range []int{2, len(recs)} {
					s := b.open(t)
					var got []PutResult
					for i := 0; i < len(recs); i += size {
						res, err := s.PutBatch(ctx, recs[i:min(i+size, len(recs))])
						if err != nil {
							t.Fatalf("batches of %d: %v", size, err)
						}
						got = append(got, res...)
					}
					for i := range want {
						if (want[i].Err == nil) != (got[i].Err == nil) || want[i].Status != got[i].Status || want[i].Quads != got[i].Quads {
							t.Errorf("batches of %d, record %d (%s): got %+v, want %+v", size, i, recs[i].Doc.ID, got[i], want[i])
						}
					}
					if gotQuads := allQuads(t, s); !sameQuads(wantQuads, gotQuads) {
						t.Errorf("batches of %d: store has %d quads, one by one %d (or different ones)", size, len(gotQuads), len(wantQuads))
					}
					// A rerun of input without replacements writes nothing.
					if name != "fused documents" && name != "invalid record in a batch" {
						continue
					}
					res, err := s.PutBatch(ctx, recs)
					if err != nil {
						t.Fatal(err)
					}
					for i, r := range res {
						if r.Err == nil && r.Status != Unchanged {
							t.Errorf("rerun, record %d: %v, want unchanged", i, r.Status)
						}
					}
					if again := allQuads(t, s); !sameQuads(wantQuads, again) {
						t.Errorf("rerun changed the store: %d quads, then %d", len(wantQuads), len(again))
					}
				}
			})
		}
	}
}

// TestPutBatchIsAtomic checks that a batch whose write fails leaves the
// store as it was, and that the same batch goes in whole afterwards.
func TestPutBatchIsAtomic(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		mustPut(t, s, docA())
		before := allQuads(t, s)
		applyHook = failLast
		_, err := s.PutBatch(ctx, []*extract.Record{docB(), docC()})
		applyHook = nil
		if err == nil {
			t.Fatal("PutBatch succeeded with a failing backend")
		}
		if after := allQuads(t, s); !sameQuads(before, after) {
			t.Fatalf("store changed after a failed batch (%d quads before, %d after)", len(before), len(after))
		}
		res, err := s.PutBatch(ctx, []*extract.Record{docB(), docC()})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			if r.Err != nil || r.Status != Added {
				t.Errorf("%s after the failure: %+v, want added", r.Doc, r)
			}
		}
		if evs := mustEvents(t, s, EventFilter{}); len(evs) == 0 {
			t.Error("no events after the batch")
		}
	})
}

// TestPutBatchReadsInOneTransaction checks that the reads a batch makes
// before it writes (its documents' old quads, fusion's candidates, node
// ids) share one bolt read transaction instead of opening one per read,
// and that the batch still reads what its earlier records leave.
func TestPutBatchReadsInOneTransaction(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, Config{Backend: BackendBolt, Path: filepath.Join(t.TempDir(), "test.db")})
	mustPut(t, s, docA())
	forgetIDs(s) // forget the ids the first write published: read them from the file
	before := boltDB(t, s).Stats().TxN
	res, err := s.PutBatch(ctx, []*extract.Record{docB(), docC(), docA()})
	if err != nil {
		t.Fatal(err)
	}
	if got := boltDB(t, s).Stats().TxN - before; got != 1 {
		t.Errorf("a batch of 3 documents opened %d read transactions, want 1", got)
	}
	want := []PutStatus{Added, Added, Unchanged}
	for i, r := range res {
		if r.Err != nil || r.Status != want[i] {
			t.Errorf("record %d (%s): %+v, want %v", i, r.Doc, r, want[i])
		}
	}
	// The same records one by one in another store give the same quads.
	one := openTest(t, Config{Backend: BackendBolt, Path: filepath.Join(t.TempDir(), "one.db")})
	for _, r := range []*extract.Record{docA(), docB(), docC(), docA()} {
		mustPut(t, one, r)
	}
	if a, b := allQuads(t, s), allQuads(t, one); !sameQuads(a, b) {
		t.Errorf("store has %d quads, one by one %d (or different ones)", len(a), len(b))
	}
}

// TestWriteStats checks that a bolt store counts its write transactions
// and the bytes of pages they write, and that the other backends say they
// have no such figures.
func TestWriteStats(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, Config{Backend: BackendBolt, Path: filepath.Join(t.TempDir(), "test.db")})
	before, ok := s.WriteStats()
	if !ok {
		t.Fatal("bolt store: no write stats")
	}
	if _, err := s.PutBatch(ctx, []*extract.Record{docA(), docB()}); err != nil {
		t.Fatal(err)
	}
	one, _ := s.WriteStats()
	if _, err := s.PutBatch(ctx, []*extract.Record{docC()}); err != nil {
		t.Fatal(err)
	}
	two, _ := s.WriteStats()
	if one.Transactions != before.Transactions+1 || two.Transactions != before.Transactions+2 {
		t.Errorf("transactions: %d, then %d after one batch, %d after two", before.Transactions, one.Transactions, two.Transactions)
	}
	if one.PageBytes <= before.PageBytes || two.PageBytes <= one.PageBytes || (two.PageBytes-before.PageBytes)%4096 != 0 {
		t.Errorf("page bytes: %d, then %d, then %d: want growing whole pages", before.PageBytes, one.PageBytes, two.PageBytes)
	}
	// Putting the same documents again writes nothing.
	if _, err := s.PutBatch(ctx, []*extract.Record{docA(), docB(), docC()}); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.WriteStats(); again != two {
		t.Errorf("an unchanged batch wrote: %+v, then %+v", two, again)
	}
	if _, ok := openTest(t, Config{Backend: BackendMemory}).WriteStats(); ok {
		t.Error("memory store reports bolt write stats")
	}
}

// TestScratchStore checks that only a store opened as scratch skips
// syncing its commits, and that it stores what a synced one does.
func TestScratchStore(t *testing.T) {
	ctx := context.Background()
	var quads [][]quad.Quad
	for _, scratch := range []bool{false, true} {
		s := openTest(t, Config{Backend: BackendBolt, Path: filepath.Join(t.TempDir(), "s.db"), Scratch: scratch})
		if got := boltDB(t, s).NoSync; got != scratch {
			t.Errorf("scratch %v: bolt NoSync %v", scratch, got)
		}
		if _, err := s.PutBatch(ctx, []*extract.Record{docA(), docB(), docC()}); err != nil {
			t.Fatal(err)
		}
		quads = append(quads, allQuads(t, s))
	}
	if !sameQuads(quads[0], quads[1]) {
		t.Errorf("scratch store holds %d quads, synced one %d (or different ones)", len(quads[1]), len(quads[0]))
	}
}
