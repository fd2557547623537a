// Package ingest reads articles, extracts them in parallel and stores
// them in a graph in input order, in group-committed batches: the path of
// 'newsgraph ingest' and of newsgraph.Graph.IngestPaths.
//
// Run is the whole way from paths to a store. Pipeline is its first half,
// reading and extraction in input order, for programs that do something
// else with the records; Extract runs the extractor on one document.
package ingest
