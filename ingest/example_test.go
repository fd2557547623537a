package ingest_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

// Run ingests the example articles into a bolt file, reporting bad inputs
// and the documents stored as it goes.
func ExampleRun() {
	dir, err := os.MkdirTemp("", "ingest-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Config{Backend: graph.BackendBolt, Path: filepath.Join(dir, "news.db")})
	if err != nil {
		log.Fatal(err)
	}
	defer store.Close()

	sum, err := ingest.Run(ctx, ingest.Options{
		Store:    store,
		Batch:    2,
		OnReport: func(err error) { log.Println(err) },
		OnProgress: func(p ingest.Progress) {
			if p.Written > 0 {
				log.Printf("%d document(s) stored", p.Stored)
			}
		},
	}, []string{"../examples/articles"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d added, %d unchanged, %d skipped\n", sum.Added, sum.Unchanged, sum.Skipped)
	// Output: 5 added, 0 unchanged, 0 skipped
}
