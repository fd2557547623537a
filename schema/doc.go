// Package schema is newsgraph's vocabulary and the one place where the
// graph's IRIs are made.
//
// The vocabulary: the classes and properties of the graph (entity
// classes, event types, the report, evidence and support terms), each a
// documented Term under Vocab, with the RDF, RDFS, OWL, XSD and
// schema.org terms it borrows or aligns with; Terms, Lookup, Quads,
// NQuads and Turtle give it as data (`newsgraph schema`), and
// EntityClass, EventClass and RelationPredicate map the names of the
// extraction record onto it.
//
// The IRIs: every node the store writes is named here, under a base
// (DefaultBase unless configured): documents (DocumentIRI), entities
// (EntityIRI of an extractor's EntityID), reports of events (ReportIRI),
// fused events (EventIRI), statements and shared facts. An
// extractor names none of them; the store, and extract.Record.Resolve for
// the record printed to users, make them with these functions only.
//
// The literals: typed values with their full datatype IRIs (Integer,
// Decimal, Boolean, AnyURI, DateValue, and EvidenceSpan: an evidence span
// in one literal) and their reading back (IntegerOf, DecimalOf, TextOf,
// EvidenceSpanOf).
package schema
