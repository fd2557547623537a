package schema

import "github.com/cayleygraph/quad"

// Listing rows: what a listing of events shows of a fused event, kept on
// the event as one literal so that a listing reads one value an event
// rather than the event, its reports and their documents (package graph
// writes and reads it; its layout is graph's alone).
const (
	// Row is the datatype of an event's listing row.
	Row quad.IRI = Vocab + "Row"
	// RowOf links a fused event to its listing row, a literal typed Row.
	RowOf quad.IRI = Vocab + "row"
)
