// Package newsgraph builds a knowledge graph from news articles: who struck
// whom, where, when, with what, how many died, who said so, which groups
// operate where, who holds which office.
//
// It ties the project's packages together for programs that embed it:
// package extract turns a document into entities, events and relations
// with their evidence; package graph stores them in Cayley (a bolt file,
// memory or PostgreSQL), fusing the events several articles report; package
// input reads text, HTML and JSON Lines; package ingest takes them, in
// parallel and in batches, from files into the store; package
// graph/export writes the graph out. A Graph is a store with an extractor:
//
//	g, err := newsgraph.Open(ctx, graph.Config{Path: "news.db"})
//	…
//	defer g.Close()
//	g.IngestPaths(ctx, []string{"articles/"}, "")
//	events, err := g.Events(ctx, graph.EventFilter{Type: "Attack"})
package newsgraph

import (
	"context"
	"errors"
	"io"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/schema"
)

// Graph is a knowledge graph of news: a store and the extractor that
// fills it.
type Graph struct {
	store     *graph.Store
	extractor extract.Extractor
}

// Open opens (creating on first use) the store cfg names, with the default
// extractor.
func Open(ctx context.Context, cfg graph.Config) (*Graph, error) {
	s, err := graph.Open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	ex, err := extract.New("lexical", extract.Options{})
	if err != nil {
		s.Close()
		return nil, err
	}
	return &Graph{store: s, extractor: ex}, nil
}

// Store returns the underlying store, for what Graph does not wrap.
func (g *Graph) Store() *graph.Store { return g.store }

// Close closes the store.
func (g *Graph) Close() error { return g.store.Close() }

// Ingest extracts one document and writes its facts in one transaction.
// Ingesting the same text again changes nothing; a changed text under the
// same document id replaces the document's facts.
func (g *Graph) Ingest(ctx context.Context, doc extract.Document) (graph.PutResult, error) {
	rec, err := g.extractor.Extract(ctx, doc)
	if err != nil {
		return graph.PutResult{}, err
	}
	return g.store.Put(ctx, rec)
}

// Delete retracts withdrawn or corrected documents by id, in one
// transaction: their facts go, the events only they report go, and the
// events, entities and facts they share with other documents are
// recomputed (casualty ranges, dates, names) as if they had never been
// ingested. An id the store does not hold is an error wrapping
// graph.ErrUnknownDocument, and nothing is deleted.
func (g *Graph) Delete(ctx context.Context, ids ...string) ([]graph.DeleteResult, error) {
	return g.store.Delete(ctx, ids...)
}

// Summary counts what IngestPaths did.
type Summary = ingest.Summary

// IngestPaths reads articles from files and directories (.txt, .html,
// .jsonl; see package input) and ingests them as 'newsgraph ingest' does
// (package ingest): extracted in parallel, written in input order in
// batches. published is the date of documents that carry none ("" for
// none). A bad file or document is skipped and reported in the returned
// error, after the others have been ingested. When ctx is done, the
// documents being written are written whole and IngestPaths returns the
// summary so far and ctx's error.
func (g *Graph) IngestPaths(ctx context.Context, paths []string, published string) (Summary, error) {
	var problems []error
	sum, err := ingest.Run(ctx, ingest.Options{
		Store:     g.store,
		Extractor: g.extractor,
		Published: published,
		OnReport: func(err error) {
			var w *ingest.Warning
			if !errors.As(err, &w) {
				problems = append(problems, err)
			}
		},
	}, paths)
	if err != nil {
		problems = append(problems, err)
	}
	return sum, errors.Join(problems...)
}

// Events lists the events in the store, fused across documents, each with
// the claims of every source that reports it.
func (g *Graph) Events(ctx context.Context, f graph.EventFilter) ([]extract.Event, error) {
	return g.store.Events(ctx, f)
}

// Query runs a Gizmo ("gizmo") or GraphQL ("graphql") query; limit <= 0
// means no limit.
func (g *Graph) Query(ctx context.Context, lang, query string, limit int) ([]interface{}, error) {
	return g.store.Query(ctx, lang, query, limit)
}

// Export writes the whole graph to w in format (nquads, jsonld, graphml,
// dot), streaming from the store; in N-Quads and JSON-LD, the literals
// that stand for several quads (a document's relations, a report's
// details) as those quads (schema.Expander).
func (g *Graph) Export(ctx context.Context, w io.Writer, format string) error {
	return export.Write(ctx, g.store.QuadStore(), w, format, export.WithExpander(schema.Expander(g.store.SpanLookup(ctx))))
}
