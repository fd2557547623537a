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
// The single file is laid out exactly as Cayley's kv quad store lays it
// out (Cayley's own tools read it), but written, scanned and planned by
// package graph/internal/boltkv rather than Cayley's generic kv layer.
// PostgreSQL's tables are Cayley's, written by Cayley (and CopyQuads);
// package graph/internal/pgsql reads many nodes' quads from them with one
// statement, for the pages of a listing (prefetch.go). Everything else in this package reads and writes any backend alike,
// through the optional interface of graph/internal/storage, which Open
// asserts once.
//
// # Graph model
//
// Every quad is labelled with the IRI of a document that states it
// (schema.DocumentIRI: base + "doc/" + escaped id), except the facts derived
// from all reports of an event, labelled schema.FusedGraph. A document's
// own facts carry its label; a fact several documents can state (a shared
// fact) is stored once, labelled with its canonical document: the smallest
// IRI among the documents that state it. Terms are those of package schema
// (ng: below is schema.Vocab).
//
// Own facts of a document:
//
//   - the document: ng:identifier, ng:title, ng:url, ng:published,
//     ng:sha256, ng:source (no rdf:type quad: a document is the subject of
//     its ng:identifier, its class ng:Document implied; export writes the
//     type, schema.DocumentTypeQuads);
//   - ng:mentionedIn the document, on each entity it names;
//   - each event of the record becomes a report node
//     (base + "report/" + doc + "/" + n; no rdf:type quad: a report is
//     the subject of its ng:reportOf, its class ng:Report implied): ng:reportOf
//     the fused event node, ng:reportedBy the document, and the document's
//     own ng:date, ng:killed, ng:injured (and their bounds), one quad each;
//     its ng:dateText, ng:confidence and ng:evidence spans
//     (schema.EvidenceSpan: sentence, start and end offsets, text) and
//     its ng:statesFacts, the keys of the shared facts of the event node
//     it states (support.go), in one literal, ng:details
//     (schema.DetailsValue; read by reader.sources and, for the keys,
//     schema.StatedKeys; written out by export; stores written before
//     hold the ng:statesFacts literal as a quad of its own, still read);
//   - each relation becomes a reified statement, listed in one literal
//     of the document, <doc> ng:relations "[…]"^^ng:Relations
//     (schema.RelationsValue: its number n, subject, predicate, object
//     and evidence spans, a span that a report's details list written as
//     its reference, schema.SpanRef) rather than a node of five quads or
//     more; the
//     node it stands for (base + "statement/" + doc + "/" + n, with
//     rdf:subject, rdf:predicate, rdf:object, ng:reportedBy and
//     ng:evidence: schema.StatementQuads) is what `export` writes, and
//     a store written before holds such nodes (still counted and deleted);
//   - its support of shared facts: one literal, <doc> ng:supports
//     "<id> …"^^ng:Supported (schema.SupportedValue), of the set of facts
//     it states about each entity it describes (its type, names, subtype,
//     country, place, coordinates, Wikidata item: schema.FactSetIRI; the
//     set's facts are listed on the entity's fact sets node, ng:factSet,
//     labelled with the fused graph: support.go) and of the other shared
//     facts it states whose subject is such an entity (direct and relation
//     edges: schema.FactIRI); ng:describedIn the document, on each entity
//     it describes without naming it; and for each other shared fact it
//     states but those of an event node its reports list, an entry in the
//     support index, <base>fact/<digest> ng:supportedBy <doc>; and, while
//     an entity's ranked facts are disputed (two countries…), an entry
//     for each set and fact of the entity its literal lists (the entity's
//     fact sets node then has ng:entriesKept the entity: entries.go).
//
// Shared facts, one quad each:
//
//   - each entity (its IRI comes from the record): rdf:type (its class),
//     ng:name, ng:alias, ng:subtype, ng:country, ng:locatedIn (the record's
//     within), owl:sameAs (its Wikidata item), ng:lat, ng:lon;
//   - the fused event node (base + "event/" + key): rdf:type ng:Event and
//     its type (ng:Attack…), ng:subtype, ng:cameo, ng:actor, ng:agent,
//     ng:target, ng:targetText, ng:place, ng:eventCountry, ng:weapon,
//     ng:operation, ng:retaliationFor, the union of what its reports say;
//   - direct one-hop edges from each actor (and agent): ng:struck to each
//     target and to the country of an attack, ng:struckIn to each place,
//     and the edge of other acts (ng:condemned, ng:summoned…) to each
//     target;
//   - each relation's edge subject → predicate → object (an entity or a
//     literal).
//
// The facts of a fact set are listed once, whatever the number of
// documents that support it, in one literal of their keys on the entity's
// fact sets node: <base>factsets/<digest> ng:factSet "<set id> k1 k2 …",
// labelled schema.FusedGraph, written with the set's first supporter and
// deleted with its last (support.go).
//
// The fused event's ng:date, ng:killedMin, ng:killedMax, ng:injuredMin and
// ng:injuredMax are labelled schema.FusedGraph and recomputed whenever one
// of its documents changes.
//
// An entity has one ng:name: of the spellings the stored documents give
// it, the best (the extractor's preferred spelling, then the least). Each
// document supports the name fact of its own spelling in the support
// index; the ng:name quad is labelled with the smallest supporter of the
// best spelling, and every other spelling is an ng:alias labelled
// schema.FusedGraph. Both are recomputed whenever a document naming the
// entity changes, so they do not depend on the order documents came in.
//
// For example, an attack reported by b.txt (7 killed), then by a.txt (9
// killed), with id: for the base and fact/78b0… the key of the struck
// triple:
//
//	<id:event/attack-c7dc…> rdf:type ng:Attack <id:doc/a.txt> .
//	<id:event/attack-c7dc…> ng:actor <id:entity/pakistan> <id:doc/a.txt> .
//	<id:entity/pakistan> ng:name "Pakistan" <id:doc/a.txt> .
//	<id:entity/pakistan> ng:struck <id:entity/iran> <id:doc/a.txt> .
//	<id:entity/pakistan> ng:mentionedIn <id:doc/a.txt> <id:doc/a.txt> .
//	<id:entity/pakistan> ng:mentionedIn <id:doc/b.txt> <id:doc/b.txt> .
//	<id:fact/78b0…> ng:supportedBy <id:doc/a.txt> <id:doc/a.txt> .
//	<id:fact/78b0…> ng:supportedBy <id:doc/b.txt> <id:doc/b.txt> .
//	<id:report/a.txt/0> ng:reportOf <id:event/attack-c7dc…> <id:doc/a.txt> .
//	<id:report/a.txt/0> ng:killed "9"^^xsd:integer <id:doc/a.txt> .
//	<id:report/a.txt/0> ng:details "[[\"k\",\"f73d… 183b…\"],…]"^^ng:Details <id:doc/a.txt> .
//	<id:report/b.txt/0> ng:reportOf <id:event/attack-c7dc…> <id:doc/b.txt> .
//	<id:report/b.txt/0> ng:killed "7"^^xsd:integer <id:doc/b.txt> .
//	<id:event/attack-c7dc…> ng:killedMin "7"^^xsd:integer <id:graph/fused> .
//	<id:event/attack-c7dc…> ng:killedMax "9"^^xsd:integer <id:graph/fused> .
//
// Put keeps this true in the transaction that writes a document: a shared
// fact whose canonical document no longer states it is relabelled with the
// next document that does, or deleted when none does (Store.Supporters
// lists them). A store written before facts were shared (one copy per
// document) is converted fact by fact as documents are put again. Delete
// takes documents out the same way, as if they had never been put (see
// delete.go).
//
// Numbers, dates and decimals are typed literals with full XML Schema
// datatype IRIs.
//
// # Fusion
//
// Two reports may describe the same event when they have the same type; a
// shared actor (without actors on either side, a shared target); places
// compatible by containment where both give one (a village matches its
// province and its country, following ng:locatedIn and ng:country); dates
// within a day where both give one (a month covers its days); for attacks
// also a shared target or a compatible place, for other acts a shared
// target where both name targets. Wording is never compared. Put first
// groups a record's reports among themselves (a unit: what the document
// says about one event), then clusters again, from scratch, the units of
// every event linked to its units by chains of such matches, in the order
// of their smallest report: each unit joins the matching cluster with the
// closest date, then the most shared participants, that holds a unit it
// matches and none of its document, else founds one (recluster.go). The
// result depends on the set of reports only: a report that fits two events
// that do not fit each other lands in the same one whatever the order of
// ingest. A node is named after its smallest report (type and a digest of
// the report's IRI; see naming.go), so its name follows from its reports.
// Events of one such chain that stay apart are linked by ng:fusedWith.
// Writers of a bolt file or a memory store are serialised (in process
// by a mutex; across processes by the file lock). Writers of
// PostgreSQL lock, with advisory locks, only what each write reads and
// writes, and commit at the same time where they do not meet
// (pglock.go).
package graph
