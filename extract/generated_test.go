package extract

import (
	"context"
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/internal/corpus"
)

// TestGeneratedCorpusExtracts extracts generated articles of several
// seeds (package internal/corpus: the example and regression articles
// recombined with other countries, places, groups and figures) and
// fails on any error or panic. The recombination puts names in slots no
// hand-written test thinks of ("Bangui, Central African Republic (AP)
// —" as a dateline, a country's long name inside a town's), which is
// where index arithmetic over tokens breaks.
func TestGeneratedCorpusExtracts(t *testing.T) {
	const perSeed = 1 << 20 // bytes of article text a seed
	ex := Default()
	ctx := context.Background()
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			g, err := corpus.New(seed)
			if err != nil {
				t.Fatal(err)
			}
			for size := 0; size < perSeed; {
				a := g.Next()
				size += len(a.Text)
				if _, err := extractGuarded(ctx, ex, Document{ID: a.ID, Text: a.Text, Published: a.Published}); err != nil {
					t.Errorf("%s: %v", a.ID, err)
				}
			}
		})
	}
}

// extractGuarded is ex.Extract with a panic returned as an error, so
// that one bad document names itself and the others still run.
func extractGuarded(ctx context.Context, ex Extractor, doc Document) (rec *Record, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return ex.Extract(ctx, doc)
}
