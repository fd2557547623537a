// Package graph stores extraction records (extract.Record) in a Cayley quad
// store and reads them back: fused events, statistics, and Gizmo or GraphQL
// queries.
//
// # Backends
//
// Open takes a Config: a single BoltDB file (the default), memory, or
// PostgreSQL through Cayley's SQL backend. The store is created on first
// use.
//
// # Graph model
//
// Every fact is a quad labelled with the IRI of the document it comes from
// (schema.DocumentIRI: base + "doc/" + escaped id), so that a document can
// be replaced as a whole; the same triple stated by two documents is two
// quads. Terms are those of package schema (ng: below is schema.Vocab):
//
//   - the document: rdf:type ng:Document, ng:identifier, ng:title, ng:url,
//     ng:published, ng:sha256, ng:source;
//   - each entity (its IRI comes from the record): rdf:type (its class),
//     ng:name, ng:alias, ng:subtype, ng:country, ng:locatedIn (the record's
//     within), owl:sameAs (its Wikidata item), ng:lat, ng:lon, and
//     ng:mentionedIn the document;
//   - each event of the record becomes a report node
//     (base + "report/" + doc + "/" + n): rdf:type ng:Report, ng:reportOf
//     the fused event node, ng:reportedBy the document, and the document's
//     own ng:date, ng:dateText, ng:killed, ng:injured, ng:confidence and
//     ng:evidence spans (ng:text, ng:sentence, ng:start, ng:end);
//   - the fused event node (base + "event/" + key) gets, from each document,
//     rdf:type ng:Event and its type (ng:Attack…), ng:subtype, ng:cameo,
//     ng:actor, ng:agent, ng:target, ng:targetText, ng:place,
//     ng:eventCountry, ng:weapon, ng:operation, ng:retaliationFor; the facts
//     derived from all its reports at once (ng:date, ng:killedMin,
//     ng:killedMax, ng:injuredMin, ng:injuredMax) are labelled
//     schema.FusedGraph and recomputed whenever one of its documents
//     changes;
//   - direct one-hop edges from each actor (and agent): ng:struck to each
//     target and to the country of an attack, ng:struckIn to each place,
//     and the edge of other acts (ng:condemned, ng:summoned…) to each
//     target;
//   - each relation is an edge subject → predicate → object (an entity or a
//     literal), plus a reified rdf:Statement node
//     (base + "statement/" + doc + "/" + n) with rdf:subject, rdf:predicate,
//     rdf:object, ng:reportedBy and ng:evidence.
//
// Numbers, dates and decimals are typed literals with full XML Schema
// datatype IRIs. Since facts repeat across documents, Gizmo queries
// usually want .Unique().
//
// # Fusion
//
// Put matches each report against the event nodes that share an actor with
// it (or, for reports without actors, a target or a place): same type; a
// shared actor (without actors on either side, a shared target); places
// compatible by containment where both give one (a village matches its
// province and its country, following ng:locatedIn and ng:country); dates
// within a day where both give one (a month covers its days); for attacks
// also a shared target or a compatible place, for other acts a shared
// target where both name targets. Wording is never compared. The closest
// date, then the most shared participants, wins. Without a match the node's
// IRI is derived from the report (type, sorted actors, country, date,
// sorted targets), so that the same input in the same order always yields
// the same nodes. Writers are serialised (in process by a mutex; across
// processes by the bolt file lock or a PostgreSQL advisory lock).
package graph
