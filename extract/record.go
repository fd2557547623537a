package extract

import (
	"encoding/json"
	"fmt"

	"github.com/newsgraph/newsgraph/schema"
)

// Entity classes, as named by the extraction record contract
// (docs/extraction-record.md).
const (
	ClassCountry      = "Country"
	ClassRegion       = "Region"
	ClassPlace        = "Place"
	ClassArmedGroup   = "ArmedGroup"
	ClassStateForce   = "StateForce"
	ClassGovernment   = "Government"
	ClassOrganization = "Organization"
	ClassPerson       = "Person"
	ClassCivilians    = "Civilians"
)

// Event types, as named by the extraction record contract.
const (
	EventAttack           = "Attack"
	EventCondemn          = "Condemn"
	EventSummon           = "Summon"
	EventDemand           = "Demand"
	EventRecallAmbassador = "RecallAmbassador"
	EventOfferMediation   = "OfferMediation"
	EventAppeal           = "Appeal"
	EventMeet             = "Meet"
	EventCancelVisit      = "CancelVisit"
	EventThreaten         = "Threaten"
	EventArrest           = "Arrest"
	EventProtest          = "Protest"
	EventExpelDiplomat    = "ExpelDiplomat"
)

// Event date precisions (Event.DatePrecision), as named by the extraction
// record contract.
const (
	// DateDay is a day the text states ("on 4 March", "on Monday").
	DateDay = "day"
	// DateMonth is a month the text states ("in December").
	DateMonth = "month"
	// DateInferred is the publication date (or the dateline's), taken
	// because the text gives no date for the event.
	DateInferred = "inferred"
)

// Document is one article to extract from: its text and what is known about
// it. Published is an ISO date (YYYY-MM-DD) or empty. Text is UTF-8; the
// lexical extractor reads invalid bytes as U+FFFD, and its offsets and
// digest are then those of the text so repaired.
type Document struct {
	ID        string
	Title     string
	URL       string
	Source    string
	Published string
	Text      string
}

// Record is everything extracted from one document: the JSON object that
// `newsgraph extract` prints, one per line, once Resolve has made IRIs of
// its keys.
type Record struct {
	Doc       DocInfo    `json:"doc"`
	Entities  []Entity   `json:"entities"`
	Events    []Event    `json:"events"`
	Relations []Relation `json:"relations"`
	// Warnings are what the extractor read but did not believe, such
	// as a casualty figure beyond any single event's toll. The claim
	// stays in the text the evidence points at.
	Warnings []Warning `json:"warnings,omitempty"`
}

// Warning is something in a document the extractor did not take as a
// fact, with where it is in the text (nil for the document's metadata).
type Warning struct {
	Message  string `json:"message"`
	Evidence *Span  `json:"evidence,omitempty"`
}

// String formats the warning as "sentence N (bytes A-B): message", or as
// the message alone for one about the metadata.
func (w Warning) String() string {
	if w.Evidence == nil {
		return w.Message
	}
	return fmt.Sprintf("sentence %d (bytes %d-%d): %s", w.Evidence.Sentence, w.Evidence.Start, w.Evidence.End, w.Message)
}

// DocInfo describes the source document of a record. Nil pointers print as
// JSON null, as the contract shows.
type DocInfo struct {
	ID        string  `json:"id"`
	Title     *string `json:"title"`
	URL       *string `json:"url"`
	Published *string `json:"published"`
	Source    *string `json:"source,omitempty"`
	SHA256    string  `json:"sha256"`
}

// Span locates a piece of evidence or a mention in the document text:
// Start and End are byte offsets into the text, Sentence the 0-based index
// of the sentence that holds it.
type Span struct {
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
}

// Entity is one real-world thing a document names, with every mention.
// ID is, from an extractor, the entity's key (schema.EntityID, the same
// in every document that names it), and an IRI once resolved; the refs
// that point at the entity carry the same ID.
type Entity struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Class    string   `json:"class"`
	Type     string   `json:"type,omitempty"`
	Aliases  []string `json:"aliases"`
	Country  string   `json:"country,omitempty"`
	Wikidata string   `json:"wikidata,omitempty"`
	Within   *Ref     `json:"within,omitempty"`
	// Count is how many people a descriptive participant is, where the
	// document says ("seven civilians": 7).
	Count *int `json:"count,omitempty"`
	// Unidentified marks an armed participant whose identity the document
	// does not know ("unknown gunmen", "an unidentified attacker").
	Unidentified bool     `json:"unidentified,omitempty"`
	Lat          *float64 `json:"lat,omitempty"`
	Lon          *float64 `json:"lon,omitempty"`
	Confidence   float64  `json:"confidence"`
	Mentions     []Span   `json:"mentions"`
}

// Ref is a reference to an entity from an event or a relation.
type Ref struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Class   string `json:"class"`
	Country string `json:"country,omitempty"`
	// Aliases are the entity's other spellings in this document ("JNIM"
	// for Jama'at Nasr al-Islam wal Muslimin; "Armed herders" for the
	// unidentified group it describes), so that an event's roles read as
	// the text wrote them without a look-up in the record's entities.
	Aliases []string `json:"aliases,omitempty"`
	// Lat and Lon locate a place (WGS 84 degrees): filled when events are
	// read back from the store (events --json), from the entity's
	// coordinates; an extractor leaves them out (they are the entity's).
	Lat *float64 `json:"lat,omitempty"`
	Lon *float64 `json:"lon,omitempty"`
}

// Event is one thing that happened, as one document reports it (from
// `extract`), or fused across documents (from `events --json`, which fills
// Sources). ID is, from an extractor, a key naming the event among the
// record's events (the lexical extractor numbers them from "0"), which
// RetaliationFor may cite; resolved, it is the report's IRI, and in
// `events --json` the fused event's.
type Event struct {
	ID             string        `json:"id"`
	Type           string        `json:"type"`
	Subtype        string        `json:"subtype,omitempty"`
	Cameo          string        `json:"cameo,omitempty"`
	Actors         []Ref         `json:"actors"`
	Agents         []Ref         `json:"agents,omitempty"`
	Targets        []Ref         `json:"targets"`
	TargetText     []string      `json:"target_text,omitempty"`
	ActorText      []string      `json:"actor_text,omitempty"`
	Places         []Ref         `json:"places"`
	Country        *Ref          `json:"country"`
	Date           *string       `json:"date"`
	DateText       *string       `json:"date_text"`
	DatePrecision  string        `json:"date_precision,omitempty"`
	Weapons        []string      `json:"weapons"`
	Killed         *int          `json:"killed"`
	Injured        *int          `json:"injured"`
	KilledMax      *int          `json:"killed_max,omitempty"`
	InjuredMax     *int          `json:"injured_max,omitempty"`
	Operation      string        `json:"operation,omitempty"`
	RetaliationFor string        `json:"retaliation_for,omitempty"`
	Confidence     float64       `json:"confidence"`
	Evidence       []Span        `json:"evidence"`
	Sources        []SourceClaim `json:"sources,omitempty"`
}

// SourceClaim is what one document says about a fused event. Title, URL,
// Source (the outlet) and Published (its publication date) cite the
// document, where the input gave them.
type SourceClaim struct {
	Doc       string  `json:"doc"`
	Title     string  `json:"title,omitempty"`
	URL       string  `json:"url,omitempty"`
	Source    string  `json:"source,omitempty"`
	Published string  `json:"published,omitempty"`
	Killed    *int    `json:"killed"`
	Injured   *int    `json:"injured"`
	Date      *string `json:"date"`
	Evidence  []Span  `json:"evidence,omitempty"`
}

// Relation is a fact linking an entity to another entity or to a value.
type Relation struct {
	Subject   Ref    `json:"subject"`
	Predicate string `json:"predicate"`
	Object    Object `json:"object"`
	// Role and Org detail a holdsRole relation: the role as written and
	// the body or country it belongs to.
	Role     string `json:"role,omitempty"`
	Org      *Ref   `json:"org,omitempty"`
	Evidence []Span `json:"evidence"`
}

// Object is the object of a relation: an entity reference, or a literal
// value when Ref is nil.
type Object struct {
	Ref   *Ref
	Value string
}

// MarshalJSON writes an entity object as a Ref and a literal as
// {"value": "…"}.
func (o Object) MarshalJSON() ([]byte, error) {
	if o.Ref != nil {
		return json.Marshal(o.Ref)
	}
	return json.Marshal(struct {
		Value string `json:"value"`
	}{o.Value})
}

// UnmarshalJSON reads either form written by MarshalJSON.
func (o *Object) UnmarshalJSON(b []byte) error {
	var raw struct {
		Ref
		Value *string `json:"value"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("relation object: %w", err)
	}
	if raw.Value != nil {
		*o = Object{Value: *raw.Value}
		return nil
	}
	ref := raw.Ref // every field of a reference, its aliases too
	*o = Object{Ref: &ref}
	return nil
}

// Resolve replaces the keys of a record made by an extractor by the IRIs
// that the store gives the same nodes under base, as the extraction record
// contract prints them: an entity's id (and every ref's) by
// schema.EntityIRI, the n-th event's id by schema.ReportIRI, and a
// RetaliationFor that cites an event of the record by that event's IRI.
// Ids that are IRIs already are kept, so that resolving twice changes
// nothing.
func (r *Record) Resolve(base string) {
	entity := func(ref *Ref) {
		if ref != nil && ref.ID != "" {
			ref.ID = string(schema.EntityIRI(base, ref.ID))
		}
	}
	refs := func(list []Ref) {
		for i := range list {
			entity(&list[i])
		}
	}
	for i := range r.Entities {
		e := &r.Entities[i]
		if e.ID != "" {
			e.ID = string(schema.EntityIRI(base, e.ID))
		}
		entity(e.Within)
	}
	reports := make(map[string]string, len(r.Events))
	for n := range r.Events {
		iri := string(schema.ReportIRI(base, r.Doc.ID, n))
		if id := r.Events[n].ID; id != "" {
			if _, dup := reports[id]; !dup {
				reports[id] = iri
			}
		}
	}
	for n := range r.Events {
		ev := &r.Events[n]
		ev.ID = string(schema.ReportIRI(base, r.Doc.ID, n))
		if iri, ok := reports[ev.RetaliationFor]; ok {
			ev.RetaliationFor = iri
		}
		refs(ev.Actors)
		refs(ev.Agents)
		refs(ev.Targets)
		refs(ev.Places)
		entity(ev.Country)
	}
	for i := range r.Relations {
		rel := &r.Relations[i]
		entity(&rel.Subject)
		entity(rel.Object.Ref)
		entity(rel.Org)
	}
}
