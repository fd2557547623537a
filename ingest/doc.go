// Package ingest reads articles, extracts them in parallel and stores
// them in a graph in input order, in group-committed batches: the one path
// of 'newsgraph ingest', of 'newsgraph worker' (documents from a work
// queue) and of newsgraph.Graph.IngestPaths.
//
// Run is the whole way from paths to a store, RunSource from any Source
// of documents (a work queue, say), telling the caller of each document
// stored once its transaction has committed (Options.OnStored). Pipeline
// is the first half, reading and extraction in input order, for programs
// that do something else with the records; Extract runs the extractor on
// one document.
package ingest
