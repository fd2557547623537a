package schema

import "github.com/cayleygraph/quad"

// Namespaces of the vocabularies newsgraph uses or aligns with.
const (
	// RDF is the namespace of RDF itself (rdf:).
	RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	// RDFS is the namespace of RDF Schema (rdfs:).
	RDFS = "http://www.w3.org/2000/01/rdf-schema#"
	// OWL is the namespace of the Web Ontology Language (owl:).
	OWL = "http://www.w3.org/2002/07/owl#"
	// XSD is the namespace of the XML Schema datatypes (xsd:).
	XSD = "http://www.w3.org/2001/XMLSchema#"
	// SchemaOrg is the namespace of schema.org (schema:), in the http form
	// that Cayley's own vocabulary package uses.
	SchemaOrg = "http://schema.org/"
	// WikidataEntity is the namespace of Wikidata items (wd:).
	WikidataEntity = "http://www.wikidata.org/entity/"
)

// Terms borrowed from RDF, RDFS and OWL.
const (
	// Type is rdf:type: a node is an instance of a class (entity class,
	// event type, Document…; reports and reified relations have none,
	// their classes implied by reportOf and rdf:subject).
	Type quad.IRI = RDF + "type"
	// Statement is rdf:Statement, the class of the reified relations that
	// carry a relation's evidence. Not written as an rdf:type: a
	// statement is the subject of an rdf:subject, listed in its
	// document's relations literal (RelationsValue).
	Statement quad.IRI = RDF + "Statement"
	// Subject is rdf:subject, the subject of a reified relation.
	Subject quad.IRI = RDF + "subject"
	// Predicate is rdf:predicate, the predicate of a reified relation.
	Predicate quad.IRI = RDF + "predicate"
	// Object is rdf:object, the object of a reified relation.
	Object quad.IRI = RDF + "object"
	// Property is rdf:Property, the class of the vocabulary's properties.
	Property quad.IRI = RDF + "Property"
	// Class is rdfs:Class, the class of the vocabulary's classes.
	Class quad.IRI = RDFS + "Class"
	// Label is rdfs:label, the human-readable name of a vocabulary term.
	Label quad.IRI = RDFS + "label"
	// Comment is rdfs:comment, the description of a vocabulary term.
	Comment quad.IRI = RDFS + "comment"
	// SubClassOf is rdfs:subClassOf, used to align classes.
	SubClassOf quad.IRI = RDFS + "subClassOf"
	// SubPropertyOf is rdfs:subPropertyOf, used to align properties.
	SubPropertyOf quad.IRI = RDFS + "subPropertyOf"
	// IsDefinedBy is rdfs:isDefinedBy, linking each term to the ontology.
	IsDefinedBy quad.IRI = RDFS + "isDefinedBy"
	// Ontology is owl:Ontology, the class of the vocabulary itself.
	Ontology quad.IRI = OWL + "Ontology"
	// SameAs is owl:sameAs; an entity is owl:sameAs its Wikidata item
	// (http://www.wikidata.org/entity/Qxxx).
	SameAs quad.IRI = OWL + "sameAs"
)

// XML Schema datatypes of the literals newsgraph writes, as full IRIs so
// that no writer prints a short form such as <xsd:integer>.
const (
	// XSDString is xsd:string.
	XSDString quad.IRI = XSD + "string"
	// XSDInteger is xsd:integer (casualty figures, offsets).
	XSDInteger quad.IRI = XSD + "integer"
	// XSDDecimal is xsd:decimal (confidence, coordinates).
	XSDDecimal quad.IRI = XSD + "decimal"
	// XSDBoolean is xsd:boolean, written "true" or "false".
	XSDBoolean quad.IRI = XSD + "boolean"
	// XSDDate is xsd:date (a day: 2024-01-16).
	XSDDate quad.IRI = XSD + "date"
	// XSDGYearMonth is xsd:gYearMonth (a month: 2023-12).
	XSDGYearMonth quad.IRI = XSD + "gYearMonth"
	// XSDGYear is xsd:gYear (a year: 2012).
	XSDGYear quad.IRI = XSD + "gYear"
	// XSDAnyURI is xsd:anyURI (a document's URL).
	XSDAnyURI quad.IRI = XSD + "anyURI"
)

// schema.org terms the vocabulary aligns with.
const (
	schemaThing            quad.IRI = SchemaOrg + "Thing"
	schemaName             quad.IRI = SchemaOrg + "name"
	schemaAlternateName    quad.IRI = SchemaOrg + "alternateName"
	schemaPerson           quad.IRI = SchemaOrg + "Person"
	schemaOrganization     quad.IRI = SchemaOrg + "Organization"
	schemaGovOrganization  quad.IRI = SchemaOrg + "GovernmentOrganization"
	schemaPlace            quad.IRI = SchemaOrg + "Place"
	schemaAdministrative   quad.IRI = SchemaOrg + "AdministrativeArea"
	schemaCountry          quad.IRI = SchemaOrg + "Country"
	schemaEvent            quad.IRI = SchemaOrg + "Event"
	schemaStartDate        quad.IRI = SchemaOrg + "startDate"
	schemaLocation         quad.IRI = SchemaOrg + "location"
	schemaContainedInPlace quad.IRI = SchemaOrg + "containedInPlace"
	schemaNewsArticle      quad.IRI = SchemaOrg + "NewsArticle"
	schemaDatePublished    quad.IRI = SchemaOrg + "datePublished"
	schemaURL              quad.IRI = SchemaOrg + "url"
	schemaHeadline         quad.IRI = SchemaOrg + "headline"
	schemaIdentifier       quad.IRI = SchemaOrg + "identifier"
	schemaSubjectOf        quad.IRI = SchemaOrg + "subjectOf"
	schemaLatitude         quad.IRI = SchemaOrg + "latitude"
	schemaLongitude        quad.IRI = SchemaOrg + "longitude"
	schemaMemberOf         quad.IRI = SchemaOrg + "memberOf"
	schemaAgent            quad.IRI = SchemaOrg + "agent"
	schemaInstrument       quad.IRI = SchemaOrg + "instrument"
	schemaText             quad.IRI = SchemaOrg + "text"
	schemaIsBasedOn        quad.IRI = SchemaOrg + "isBasedOn"
	schemaAbout            quad.IRI = SchemaOrg + "about"
	schemaQuotation        quad.IRI = SchemaOrg + "Quotation"
	schemaCreativeWork     quad.IRI = SchemaOrg + "CreativeWork"
	schemaPublisher        quad.IRI = SchemaOrg + "publisher"
)

// Classes: the document, the entity classes of the extraction record, the
// event and its types, and the nodes that carry provenance.
const (
	// Document is a news article the graph was built from.
	Document quad.IRI = Vocab + "Document"
	// Entity is any real-world thing a document names (the superclass of
	// the entity classes below).
	Entity quad.IRI = Vocab + "Entity"
	// Country is a sovereign state.
	Country quad.IRI = Vocab + "Country"
	// Region is a first-level administrative division (province, state).
	Region quad.IRI = Vocab + "Region"
	// Place is a city, town, village, district, area, sea or territory.
	Place quad.IRI = Vocab + "Place"
	// ArmedGroup is a non-state armed group.
	ArmedGroup quad.IRI = Vocab + "ArmedGroup"
	// StateForce is a state's armed forces, police or security service.
	StateForce quad.IRI = Vocab + "StateForce"
	// Government is a government, ministry or office.
	Government quad.IRI = Vocab + "Government"
	// Organization is any other organisation (media, forum, company…).
	Organization quad.IRI = Vocab + "Organization"
	// Person is a named person.
	Person quad.IRI = Vocab + "Person"
	// Civilians is a group of civilians as victims or targets.
	Civilians quad.IRI = Vocab + "Civilians"

	// Event is a fused event: one node per real-world event, shared by
	// every document that reports it.
	Event quad.IRI = Vocab + "Event"
	// Attack is an armed attack (strike, bombing, raid).
	Attack quad.IRI = Vocab + "Attack"
	// Condemn is a public condemnation or denunciation.
	Condemn quad.IRI = Vocab + "Condemn"
	// Summon is the summoning of a diplomat.
	Summon quad.IRI = Vocab + "Summon"
	// Demand is a demand (for an explanation, a withdrawal…).
	Demand quad.IRI = Vocab + "Demand"
	// RecallAmbassador is the recall of an ambassador.
	RecallAmbassador quad.IRI = Vocab + "RecallAmbassador"
	// OfferMediation is an offer to mediate.
	OfferMediation quad.IRI = Vocab + "OfferMediation"
	// Appeal is an appeal for restraint, calm or dialogue.
	Appeal quad.IRI = Vocab + "Appeal"
	// Meet is a meeting.
	Meet quad.IRI = Vocab + "Meet"
	// CancelVisit is a visit cancelled or cut short.
	CancelVisit quad.IRI = Vocab + "CancelVisit"
	// Threaten is a threat.
	Threaten quad.IRI = Vocab + "Threaten"
	// Arrest is an arrest or detention.
	Arrest quad.IRI = Vocab + "Arrest"
	// Protest is a protest (demonstration or formal diplomatic protest).
	Protest quad.IRI = Vocab + "Protest"
	// Abduction is a kidnapping, hostage taking or forced disappearance.
	Abduction quad.IRI = Vocab + "Abduction"
	// ExpelDiplomat is the expulsion of a diplomat.
	ExpelDiplomat quad.IRI = Vocab + "ExpelDiplomat"

	// Report is one document's claim about an event: its own figures, date
	// and evidence, linked to the shared Event node. Not written as an
	// rdf:type: a report is the subject of a reportOf.
	Report quad.IRI = Vocab + "Report"
	// Evidence is a span of a document's text that supports a report or a
	// relation; the store writes spans as literals of this datatype
	// (EvidenceSpan).
	Evidence quad.IRI = Vocab + "Evidence"
)

// Properties of entities and documents.
const (
	// Name is the preferred name of an entity.
	Name quad.IRI = Vocab + "name"
	// Alias is another name of an entity.
	Alias quad.IRI = Vocab + "alias"
	// Subtype is a finer type of an entity (province, militia) or an event
	// (airstrike, suicide bombing).
	Subtype quad.IRI = Vocab + "subtype"
	// CountryOf links an entity (a ministry, a force, a province, a city) to
	// the country it belongs to or lies in.
	CountryOf quad.IRI = Vocab + "country"
	// LocatedIn links a place to the place that contains it (a village to
	// its province, a province to its country).
	LocatedIn quad.IRI = Vocab + "locatedIn"
	// MentionedIn links an entity to a document that names it.
	MentionedIn quad.IRI = Vocab + "mentionedIn"
	// Lat is the latitude of a place in decimal degrees.
	Lat quad.IRI = Vocab + "lat"
	// Lon is the longitude of a place in decimal degrees.
	Lon quad.IRI = Vocab + "lon"

	// Identifier is the document's id (its file name in the corpus).
	Identifier quad.IRI = Vocab + "identifier"
	// Title is the document's title.
	Title quad.IRI = Vocab + "title"
	// URL is the document's address.
	URL quad.IRI = Vocab + "url"
	// Published is the document's publication date.
	Published quad.IRI = Vocab + "published"
	// SHA256 is the hex SHA-256 of the document's text; a document whose
	// text has not changed is not written again.
	SHA256 quad.IRI = Vocab + "sha256"
	// Source is the name of the outlet that published the document.
	Source quad.IRI = Vocab + "source"
)

// Properties of events, reports and evidence.
const (
	// Actor links an event to an entity that carried it out (the attacker,
	// the condemning government).
	Actor quad.IRI = Vocab + "actor"
	// Agent links an event to the force that executed it for its actor.
	Agent quad.IRI = Vocab + "agent"
	// Target links an event to whom or what it was aimed at.
	Target quad.IRI = Vocab + "target"
	// TargetText is a target described in words only ("police station").
	TargetText quad.IRI = Vocab + "targetText"
	// PlaceOf links an event to a place where it happened.
	PlaceOf quad.IRI = Vocab + "place"
	// EventCountry links an event to the country where it happened.
	EventCountry quad.IRI = Vocab + "eventCountry"
	// Date is the date of an event or a report: xsd:date, or xsd:gYearMonth
	// where only the month is known.
	Date quad.IRI = Vocab + "date"
	// DateText is the date as the document words it ("late Monday").
	DateText quad.IRI = Vocab + "dateText"
	// Weapon is a weapon used ("drone", "missile").
	Weapon quad.IRI = Vocab + "weapon"
	// Killed is the number of dead a report gives (the lower bound where it
	// says "at least").
	Killed quad.IRI = Vocab + "killed"
	// Injured is the number of injured a report gives.
	Injured quad.IRI = Vocab + "injured"
	// KilledMin is the lowest death toll any report of an event gives.
	KilledMin quad.IRI = Vocab + "killedMin"
	// KilledMax is the highest death toll any report of an event gives.
	KilledMax quad.IRI = Vocab + "killedMax"
	// InjuredMin is the lowest number of injured any report gives.
	InjuredMin quad.IRI = Vocab + "injuredMin"
	// InjuredMax is the highest number of injured any report gives.
	InjuredMax quad.IRI = Vocab + "injuredMax"
	// FusionKey indexed a fused event by its type, one participant and its
	// time in stores written before FusionTime; fusion still reads them.
	FusionKey quad.IRI = Vocab + "fusionKey"
	// FusionTime indexes a fused event by its type and its time, so that
	// fusion finds the events a report may describe with a few lookups
	// however large the store (see package graph).
	FusionTime quad.IRI = Vocab + "fusionTime"
	// FusedWith links two fused events some of whose reports could
	// describe the same event, though fusion kept them apart (see package
	// graph): fusion reconsiders them together when a report joins either.
	FusedWith quad.IRI = Vocab + "fusedWith"
	// Cameo is the CAMEO event code, as a literal ("195").
	Cameo quad.IRI = Vocab + "cameo"
	// Operation is the code name of a military operation.
	Operation quad.IRI = Vocab + "operation"
	// RetaliationFor links an event to the event it answered.
	RetaliationFor quad.IRI = Vocab + "retaliationFor"
	// Confidence is the extractor's confidence in a report or relation, in
	// [0, 1].
	Confidence quad.IRI = Vocab + "confidence"
	// ReportOf links a report to the fused event it describes.
	ReportOf quad.IRI = Vocab + "reportOf"
	// ReportedBy links a report, a reified relation or an evidence span to
	// the document it comes from.
	ReportedBy quad.IRI = Vocab + "reportedBy"
	// SupportedBy links a fact key (FactIRI: a digest of one shared
	// subject–predicate–object triple), or a fact set (FactSetIRI), to
	// each document that states the triple (all the set's triples). The
	// store keeps one quad per shared triple, labelled with the smallest
	// of these documents.
	SupportedBy quad.IRI = Vocab + "supportedBy"
	// InFactSet links a fact key to a fact set (FactSetIRI) that holds
	// it, in stores written before fact sets were listed by FactSetOf:
	// read and deleted, no longer written.
	InFactSet quad.IRI = Vocab + "inFactSet"
	// EntriesKept links an entity's fact sets node (FactSetsIRI) to the
	// entity, labelled with the fused graph, while the entity's facts are
	// disputed (two values of a fact the reader ranks): every document
	// that lists one of the entity's fact sets or facts in its supports
	// literal then also has an entry of its own in the support index
	// (SupportedBy) for it, and the entity's supporters are read from the
	// entries alone.
	EntriesKept quad.IRI = Vocab + "entriesKept"
	// EvidenceOf links a report or a reified relation to an evidence span:
	// a literal typed Evidence (EvidenceSpan).
	EvidenceOf quad.IRI = Vocab + "evidence"
	// Text is the text of an evidence span (a sentence), on the evidence
	// nodes of stores written before evidence was a literal.
	Text quad.IRI = Vocab + "text"
	// Sentence is the 0-based index of the evidence sentence.
	Sentence quad.IRI = Vocab + "sentence"
	// Start is the byte offset where an evidence span starts.
	Start quad.IRI = Vocab + "start"
	// End is the byte offset where an evidence span ends.
	End quad.IRI = Vocab + "end"
)

// Relation predicates: facts the extractor states between an entity and
// another entity or a value. Alias and LocatedIn are relation predicates
// too.
const (
	// HoldsRole links a person to a role or office ("Foreign Minister of
	// Iran").
	HoldsRole quad.IRI = Vocab + "holdsRole"
	// MemberOf links a person or group to the organisation it belongs to.
	MemberOf quad.IRI = Vocab + "memberOf"
	// OperatesIn links a group or force to a place where it operates.
	OperatesIn quad.IRI = Vocab + "operatesIn"
	// SeeksIndependenceFor links a separatist group to the territory it
	// wants independent.
	SeeksIndependenceFor quad.IRI = Vocab + "seeksIndependenceFor"
	// FoundedIn gives the year (or date) a group was founded.
	FoundedIn quad.IRI = Vocab + "foundedIn"
	// Controls links a group or government to a territory it controls.
	Controls quad.IRI = Vocab + "controls"
)

// Direct one-hop edges from an event's actors, for plain questions such as
// "whom did Pakistan strike?" without going through the event node.
const (
	// Struck links an attacker to each target and to the country attacked.
	Struck quad.IRI = Vocab + "struck"
	// StruckIn links an attacker to each place it struck.
	StruckIn quad.IRI = Vocab + "struckIn"
	// Condemned links the condemning actor to whom it condemned.
	Condemned quad.IRI = Vocab + "condemned"
	// Summoned links the summoning actor to the party whose diplomat it
	// summoned.
	Summoned quad.IRI = Vocab + "summoned"
	// DemandedOf links the demanding actor to whom the demand was made.
	DemandedOf quad.IRI = Vocab + "demandedOf"
	// RecalledAmbassadorFrom links an actor to the country it recalled its
	// ambassador from.
	RecalledAmbassadorFrom quad.IRI = Vocab + "recalledAmbassadorFrom"
	// OfferedMediationTo links the mediator to the parties it offered to
	// mediate between.
	OfferedMediationTo quad.IRI = Vocab + "offeredMediationTo"
	// AppealedTo links the appealing actor to the parties it appealed to.
	AppealedTo quad.IRI = Vocab + "appealedTo"
	// Met links a participant of a meeting to each other participant.
	Met quad.IRI = Vocab + "met"
	// CancelledVisitTo links an actor to the place or party of a visit it
	// cancelled or cut short.
	CancelledVisitTo quad.IRI = Vocab + "cancelledVisitTo"
	// Threatened links the threatening actor to whom it threatened.
	Threatened quad.IRI = Vocab + "threatened"
	// Arrested links the arresting actor to whom it arrested.
	Arrested quad.IRI = Vocab + "arrested"
	// ProtestedAgainst links the protesting actor to what it protested
	// against.
	ProtestedAgainst quad.IRI = Vocab + "protestedAgainst"
	// Abducted links the abducting actor to whom it abducted.
	Abducted quad.IRI = Vocab + "abducted"
	// ExpelledDiplomatOf links the expelling actor to the party whose
	// diplomat it expelled.
	ExpelledDiplomatOf quad.IRI = Vocab + "expelledDiplomatOf"
)

// Kind tells a class from a property.
type Kind int

const (
	// KindClass marks a class (rdfs:Class).
	KindClass Kind = iota
	// KindProperty marks a property (rdf:Property).
	KindProperty
)

// Role tells what a term is for, so that the store can look terms up by
// the names the extraction record uses.
type Role int

const (
	// RoleOther is a term with no record name of its own.
	RoleOther Role = iota
	// RoleEntityClass is an entity class (record: entities[].class).
	RoleEntityClass
	// RoleEventType is an event type (record: events[].type).
	RoleEventType
	// RoleRelation is a relation predicate (record: relations[].predicate).
	RoleRelation
	// RoleDirect is a direct one-hop edge from an event's actor.
	RoleDirect
)

// Term is one class or property of the vocabulary.
type Term struct {
	// IRI is the term's IRI, under Vocab (or a borrowed namespace).
	IRI quad.IRI
	// Kind is KindClass or KindProperty.
	Kind Kind
	// Role tells how the extraction record names the term.
	Role Role
	// Label is the rdfs:label.
	Label string
	// Comment is the rdfs:comment.
	Comment string
	// Parents are the rdfs:subClassOf or rdfs:subPropertyOf targets: the
	// vocabulary's own hierarchy and its alignment with schema.org and RDFS.
	Parents []quad.IRI
	// Edge, on an event type, is the direct edge written from each actor
	// (Struck for Attack).
	Edge quad.IRI
}

// Name is the term's local name: the part of its IRI after Vocab, which is
// also how extraction records name it ("Attack", "holdsRole").
func (t Term) Name() string { return LocalName(t.IRI) }

func class(iri quad.IRI, role Role, label, comment string, parents ...quad.IRI) Term {
	return Term{IRI: iri, Kind: KindClass, Role: role, Label: label, Comment: comment, Parents: parents}
}

func event(iri quad.IRI, edge quad.IRI, label, comment string) Term {
	return Term{IRI: iri, Kind: KindClass, Role: RoleEventType, Label: label, Comment: comment,
		Parents: []quad.IRI{Event}, Edge: edge}
}

func prop(iri quad.IRI, role Role, label, comment string, parents ...quad.IRI) Term {
	return Term{IRI: iri, Kind: KindProperty, Role: role, Label: label, Comment: comment, Parents: parents}
}

// terms is the vocabulary, in the order it is printed.
var terms = []Term{
	class(Document, RoleOther, "document", "A news article the graph was built from. Every fact in the store is labelled (quad label) with the document it comes from; a fact several documents state is stored once, labelled with the smallest of their IRIs (see supportedBy). Documents carry no rdf:type quad in the store: a document is the subject of an identifier (ask g.V().Has(identifier), not Has(rdf:type, Document)); export writes the type.", schemaNewsArticle),
	class(Entity, RoleOther, "entity", "A real-world thing named in the news: a country, place, group, force, government, organisation, person or group of civilians.", schemaThing),
	class(Country, RoleEntityClass, "country", "A sovereign state.", Entity, schemaCountry),
	class(Region, RoleEntityClass, "region", "A first-level administrative division of a country: a province or state.", Entity, schemaAdministrative),
	class(Place, RoleEntityClass, "place", "A city, town, village, district, area, sea or territory.", Entity, schemaPlace),
	class(ArmedGroup, RoleEntityClass, "armed group", "A non-state armed group: militants, insurgents, separatists.", Entity, schemaOrganization),
	class(StateForce, RoleEntityClass, "state force", "A state's armed forces, police or security service.", Entity, schemaGovOrganization),
	class(Government, RoleEntityClass, "government", "A government, ministry or government office.", Entity, schemaGovOrganization),
	class(Organization, RoleEntityClass, "organization", "Any other organisation: media, forums, companies, international bodies.", Entity, schemaOrganization),
	class(Person, RoleEntityClass, "person", "A named person.", Entity, schemaPerson),
	class(Civilians, RoleEntityClass, "civilians", "Civilians (children, villagers, passengers) as the victims or targets of an event.", Entity),

	class(Event, RoleOther, "event", "Something that happened, fused across documents: one node per real-world event, carrying the union of what its reports say (type, actors, targets, places, weapons) and the range of their casualty figures.", schemaEvent),
	event(Attack, Struck, "attack", "An armed attack: an air, missile or drone strike, a bombing, a raid (CAMEO 18, 19)."),
	event(Condemn, Condemned, "condemnation", "A public condemnation or denunciation (CAMEO 111)."),
	event(Summon, Summoned, "summoning", "The summoning of a diplomat to explain an action."),
	event(Demand, DemandedOf, "demand", "A demand, for example for an explanation (CAMEO 10)."),
	event(RecallAmbassador, RecalledAmbassadorFrom, "ambassador recall", "The recall of an ambassador (CAMEO 161)."),
	event(OfferMediation, OfferedMediationTo, "mediation offer", "An offer to mediate between parties."),
	event(Appeal, AppealedTo, "appeal", "An appeal for restraint, calm or dialogue (CAMEO 02)."),
	event(Meet, Met, "meeting", "A meeting between parties (CAMEO 04)."),
	event(CancelVisit, CancelledVisitTo, "cancelled visit", "A visit cancelled or cut short."),
	event(Threaten, Threatened, "threat", "A threat (CAMEO 13)."),
	event(Arrest, Arrested, "arrest", "An arrest or detention (CAMEO 173)."),
	event(Protest, ProtestedAgainst, "protest", "A protest: a demonstration or a formal diplomatic protest (CAMEO 14)."),
	event(Abduction, Abducted, "abduction", "A kidnapping, hostage taking or forced disappearance (CAMEO 181)."),
	event(ExpelDiplomat, ExpelledDiplomatOf, "diplomat expulsion", "The expulsion of a diplomat (CAMEO 1663)."),

	class(Report, RoleOther, "report", "A claim: what one document says about an event (its own casualty figures, date and evidence), linked to the shared event node by reportOf. Reports carry no rdf:type quad: a report is the subject of a reportOf (ask g.V().In(reportOf), not Has(rdf:type, Report)).", schemaCreativeWork),
	class(Evidence, RoleOther, "evidence", "A span of a document's text (a sentence, with byte offsets) that supports a report or a relation. Written as a literal of this datatype: the sentence's 0-based index, the byte offsets where the span starts and ends, and its text, separated by single spaces (\"3 412 498 Three people were killed.\"); stores written before held a node with text, sentence, start and end instead.", schemaQuotation),

	prop(Name, RoleOther, "name", "The preferred name of an entity.", schemaName, Label),
	prop(Alias, RoleRelation, "alias", "Another name of an entity (spelling, abbreviation, demonym).", schemaAlternateName),
	prop(Subtype, RoleOther, "subtype", "A finer type of an entity (province, militia) or an event (airstrike, suicide bombing)."),
	prop(CountryOf, RoleOther, "country", "The country an entity belongs to or lies in (a ministry, a force, a province, a city)."),
	prop(LocatedIn, RoleRelation, "located in", "The place that contains this place: a village lies in its province, which lies in its country. Place filters follow these links.", schemaContainedInPlace),
	prop(MentionedIn, RoleOther, "mentioned in", "A document that names this entity.", schemaSubjectOf),
	prop(Lat, RoleOther, "latitude", "Latitude in decimal degrees (xsd:decimal).", schemaLatitude),
	prop(Lon, RoleOther, "longitude", "Longitude in decimal degrees (xsd:decimal).", schemaLongitude),

	prop(Identifier, RoleOther, "identifier", "The document's id, as given to the extractor (usually its file name).", schemaIdentifier),
	prop(Title, RoleOther, "title", "The document's title or headline.", schemaHeadline),
	prop(URL, RoleOther, "url", "The document's address (xsd:anyURI).", schemaURL),
	prop(Published, RoleOther, "published", "The document's publication date (xsd:date).", schemaDatePublished),
	prop(SHA256, RoleOther, "sha256", "The hex SHA-256 of the document's text. A document is rewritten only when it changes."),
	prop(Source, RoleOther, "source", "The name of the outlet that published the document.", schemaPublisher),

	prop(Actor, RoleOther, "actor", "An entity that carried out the event: the attacker, the condemning government.", schemaAgent),
	prop(Agent, RoleOther, "agent", "The force that executed the event for its actor (a Revolutionary Guard for a state).", schemaAgent),
	prop(Target, RoleOther, "target", "Whom or what the event was aimed at."),
	prop(TargetText, RoleOther, "target text", "A target described in words only (\"police station\")."),
	prop(PlaceOf, RoleOther, "place", "A place where the event happened.", schemaLocation),
	prop(EventCountry, RoleOther, "event country", "The country where the event happened.", schemaLocation),
	prop(Date, RoleOther, "date", "The date of an event or report: xsd:date, or xsd:gYearMonth where only the month is known. On a fused event, the date most reports give.", schemaStartDate),
	prop(DateText, RoleOther, "date text", "The date as the document words it (\"late Monday\"). Stored in the report's details literal (see details); export writes it as a quad."),
	prop(Weapon, RoleOther, "weapon", "A weapon used in the event (\"drone\", \"missile\").", schemaInstrument),
	prop(Killed, RoleOther, "killed", "The number of dead one report gives (xsd:integer; the lower bound where it says \"at least\")."),
	prop(Injured, RoleOther, "injured", "The number of injured one report gives (xsd:integer)."),
	prop(KilledMin, RoleOther, "killed (lowest report)", "The lowest death toll among the reports of a fused event (xsd:integer)."),
	prop(KilledMax, RoleOther, "killed (highest report)", "The highest death toll among the reports of a fused event (xsd:integer)."),
	prop(InjuredMin, RoleOther, "injured (lowest report)", "The lowest number of injured among the reports of a fused event (xsd:integer)."),
	prop(InjuredMax, RoleOther, "injured (highest report)", "The highest number of injured among the reports of a fused event (xsd:integer)."),
	prop(FusionKey, RoleOther, "fusion key", "An index entry of a fused event in stores written before fusionTime: its type, one actor, target or place, and its time, as one literal. Fusion still looks events up by these keys; they carry no other meaning."),
	prop(FusionTime, RoleOther, "fusion time", "An index entry of a fused event: its type and its day, month or year (or, undated, the publication day of its first report), as one literal, \"Attack|d:2024-01-16\". Fusion looks events up by these keys and keeps those that share a participant with the report; they carry no other meaning."),
	class(Row, RoleOther, "listing row", "The datatype of a fused event's listing row: what a listing of events shows of the event (type, date, figures, the IRIs of its actors, targets and places, its sources with their figures and evidence) in one literal, derived from the event's facts and reports and rewritten with them. Its layout is the store's own; read the facts themselves."),
	prop(RowOf, RoleOther, "row", "Links a fused event to its listing row (see Row), labelled with the fused graph. It repeats what the event's facts and reports say."),
	prop(Dated, RoleOther, "dated", "Links a fused event to the calendar node of its date: a day, a month or a year (IRIs base + \"calendar/\" + the ISO date), or the calendar itself (base + \"calendar\") where it has no date. With within, an index that lists events by date a page at a time."),
	prop(Within, RoleOther, "within", "Links a calendar node to the one that contains it: a day to its month, a month to its year, a year to the calendar. Present while some event is dated within it."),
	prop(FusedWith, RoleOther, "fused with", "Links two fused events some of whose reports could describe the same event, though fusion kept them apart (a report fits both, or a report of each fits the other): when a report joins either, fusion reconsiders both. It carries no other meaning."),
	prop(Cameo, RoleOther, "CAMEO code", "The CAMEO event code, a literal such as \"195\" (air, missile and drone strikes)."),
	prop(Operation, RoleOther, "operation", "The code name of a military operation."),
	prop(RetaliationFor, RoleRelation, "retaliation for", "The event this event answered; a literal where the earlier event is only described."),
	prop(Confidence, RoleOther, "confidence", "The extractor's confidence in a report or relation, in [0, 1] (xsd:decimal). A report's is stored in its details literal (see details); export writes it as a quad."),
	prop(ReportOf, RoleOther, "report of", "Links a report (one document's claim) to the fused event it describes.", schemaAbout),
	prop(ReportedBy, RoleOther, "reported by", "The document a report, reified relation or evidence span comes from.", schemaIsBasedOn),
	prop(SupportedBy, RoleOther, "supported by", "Links a fact key (base + \"fact/\" + a digest of one subject, predicate and object) to a document that states that fact. A fact several documents state is stored once, labelled with the smallest of its documents; these links tell which documents support it, so that it is relabelled or deleted when they change. The facts a document states about one entity are supported through a fact set instead (see factSet), and those of an event its reports describe through the reports (see statesFacts).", schemaIsBasedOn),
	prop(EntriesKept, RoleOther, "entries kept", "Links an entity's fact sets node to the entity while the entity's facts are disputed (two values of its name, class, country or coordinates): every document that lists the entity's fact sets or facts then has an entry of its own (supportedBy) for each, and the entity's supporters are counted from the entries rather than from the supports literal of every document naming the entity."),
	prop(InFactSet, RoleOther, "in fact set", "Links a fact key to a fact set that holds it, in stores written before fact sets were listed by factSet; read and deleted like factSet's literals, no longer written."),
	class(FactSet, RoleOther, "fact set", "The datatype of the literal that lists the facts of one fact set (see factSet): the set's id (its IRI after base + \"factset/\") and a key for each fact (the first 8 bytes, in hex, of a digest of its predicate and object), sorted, separated by spaces."),
	prop(FactSetOf, RoleOther, "fact set", "Links an entity's fact sets node (base + \"factsets/\" + a digest of the entity's IRI) to the literal of each fact set of the entity (see FactSet). A fact set (base + \"factset/\" + the entity's digest + \".\" + a digest of its fact keys) is what one document states about the entity (its type, names, subtype, country, place, coordinates, Wikidata item); a document that states exactly those facts lists the set in its supports literal, one id for them all (stores written before linked the set to the document by supportedBy), and documents that name an entity alike share its set. Labelled with the fused graph, and deleted with the set's last supporter."),
	class(FactKeys, RoleOther, "fact keys", "The datatype of the literal that lists the facts of an event one report states (see statesFacts): a key for each (the first 8 bytes, in hex, of a digest of its predicate and object), separated by spaces."),
	class(Supported, RoleOther, "supported", "The datatype of the literal that lists what a document supports (see supports): the id of each fact set (its IRI after base + \"factset/\", the entity's digest, a dot and the set's digest) and of each fact (its key after base + \"fact/\"), sorted, separated by spaces."),
	prop(Supports, RoleOther, "supports", "Links a document to one literal typed Supported: the fact sets it supports (what it states about each entity it describes) and the other shared facts it states whose subject is such an entity (direct and relation edges), in place of one supportedBy link from each; their supporters are read from the entity's mentionedIn and describedIn documents. Labelled with the document."),
	prop(DescribedIn, RoleOther, "described in", "Links an entity to a document that states facts of it without naming it (a country given only as another entity's country), so that the document's supports literal is read for the entity's fact sets as those of the documents it is mentionedIn. Labelled with the document."),
	class(Relations, RoleOther, "relations", "The datatype of the literal that lists the reified relations of a document (see relations): a JSON array of one object each, with its number in the document (n), its subject (s), predicate (p), object (o, an IRI; or v, a string, with t, its datatype) and evidence spans (e, the texts of evidence literals; a span that a report of the document lists in its details written as its sentence, start and end only, which export reads back from those details)."),
	prop(RelationsOf, RoleOther, "relations", "Links a document to one literal typed Relations: the reified relations it states, in place of a statement node each (rdf:subject, rdf:predicate, rdf:object, reportedBy and evidence quads); export writes those nodes, under base + \"statement/\" + the document's id + \"/\" + n. Labelled with the document."),
	class(Details, RoleOther, "details", "The datatype of the literal that lists a report's details (see details): a JSON array of one entry each: a plain date text, a confidence typed xsd:decimal, an evidence span and the report's statesFacts keys as a letter (\"d\", \"c\", \"e\", \"k\") and the text, the predicate and datatype implied; any other as its predicate, text and datatype (none for a plain string), IRIs of the vocabulary written \":\" and their local name, those of XSD \"xsd:\" and theirs (as stores written before wrote every entry)."),
	prop(DetailsOf, RoleOther, "details", "Links a report to one literal typed Details: its dateText, confidence, evidence and statesFacts, in place of one quad each; export writes those quads. Labelled with the document."),
	prop(StatesFacts, RoleOther, "states facts", "Links a report to the keys of the shared facts of its event (types, subtype, CAMEO code, actors, agents, targets, places, country, weapons, operation) that its document states, one literal typed FactKeys: the support of those facts, in place of one supportedBy entry each. Stored as an entry of the report's details literal (export writes the quad; stores written before hold it as a quad). Labelled with the document."),
	prop(EvidenceOf, RoleOther, "evidence", "A span of text that supports this report or relation: an evidence literal (see Evidence). Stored in the report's details literal or the document's relations literal (see details, relations); export writes it as a quad."),
	prop(Text, RoleOther, "text", "The text of an evidence span.", schemaText),
	prop(Sentence, RoleOther, "sentence", "The 0-based index of the evidence sentence in its document (xsd:integer)."),
	prop(Start, RoleOther, "start", "The byte offset into the document text where the span starts (xsd:integer)."),
	prop(End, RoleOther, "end", "The byte offset into the document text where the span ends (xsd:integer)."),

	prop(HoldsRole, RoleRelation, "holds role", "A role or office the person holds (\"caretaker Prime Minister of Pakistan\")."),
	prop(MemberOf, RoleRelation, "member of", "The organisation a person or group belongs to.", schemaMemberOf),
	prop(OperatesIn, RoleRelation, "operates in", "A place where a group or force operates."),
	prop(SeeksIndependenceFor, RoleRelation, "seeks independence for", "The territory a separatist group wants independent."),
	prop(FoundedIn, RoleRelation, "founded in", "The year or date a group was founded (a literal)."),
	prop(Controls, RoleRelation, "controls", "A territory a group or government controls."),

	prop(Struck, RoleDirect, "struck", "Direct edge from an attacker to each target of an attack and to the country attacked."),
	prop(StruckIn, RoleDirect, "struck in", "Direct edge from an attacker to each place it struck."),
	prop(Condemned, RoleDirect, "condemned", "Direct edge from a condemning actor to whom it condemned."),
	prop(Summoned, RoleDirect, "summoned", "Direct edge from a summoning actor to the party whose diplomat it summoned."),
	prop(DemandedOf, RoleDirect, "demanded of", "Direct edge from a demanding actor to whom the demand was made."),
	prop(RecalledAmbassadorFrom, RoleDirect, "recalled ambassador from", "Direct edge from an actor to the country it recalled its ambassador from."),
	prop(OfferedMediationTo, RoleDirect, "offered mediation to", "Direct edge from a mediator to each party it offered to mediate between."),
	prop(AppealedTo, RoleDirect, "appealed to", "Direct edge from an appealing actor to each party it appealed to."),
	prop(Met, RoleDirect, "met", "Direct edge between the participants of a meeting."),
	prop(CancelledVisitTo, RoleDirect, "cancelled visit to", "Direct edge from an actor to the place or party of a visit it cancelled or cut short."),
	prop(Threatened, RoleDirect, "threatened", "Direct edge from a threatening actor to whom it threatened."),
	prop(Arrested, RoleDirect, "arrested", "Direct edge from an arresting actor to whom it arrested."),
	prop(ProtestedAgainst, RoleDirect, "protested against", "Direct edge from a protesting actor to what it protested against."),
	prop(Abducted, RoleDirect, "abducted", "Direct edge from an abducting actor to whom it abducted."),
	prop(ExpelledDiplomatOf, RoleDirect, "expelled diplomat of", "Direct edge from an expelling actor to the party whose diplomat it expelled."),
}
