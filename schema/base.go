package schema

// DefaultBase is the IRI prefix of every node newsgraph creates unless the
// user configures another (--base).
const DefaultBase = "https://newsgraph.org/id/"

// Vocab is the IRI prefix of newsgraph's own classes and predicates.
const Vocab = "https://newsgraph.org/ns#"
