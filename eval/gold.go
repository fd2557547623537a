// Package eval measures extraction against a hand annotation in the
// newsgraph-gold/1 format (see examples/gold/seeds.gold.json): entity,
// event, argument and relation precision and recall, with the misses and
// the spurious items listed so that a user can see what went wrong.
package eval

import (
	"encoding/json"
	"fmt"
	"os"
)

// Gold is a hand annotation of a set of documents.
type Gold struct {
	Format           string         `json:"format"`
	About            string         `json:"about"`
	Documents        []GoldDocument `json:"documents"`
	Entities         []GoldEntity   `json:"entities"`
	OptionalMentions []string       `json:"optional_mentions"`
	Events           []GoldEvent    `json:"events"`
	Relations        []GoldRelation `json:"relations"`
	Negatives        []GoldNegative `json:"negatives"`
}

// GoldDocument names an annotated document and its publication date.
type GoldDocument struct {
	File      string `json:"file"`
	Published string `json:"published"`
}

// GoldEntity is an annotated entity with the documents that mention it.
type GoldEntity struct {
	Name     string   `json:"name"`
	Class    string   `json:"class"`
	Aliases  []string `json:"aliases"`
	Docs     []string `json:"docs"`
	Wikidata string   `json:"wikidata"`
	Within   string   `json:"within"`
	Note     string   `json:"note"`
	Optional bool     `json:"optional"`
}

// GoldEvent is an annotated event; ByDoc overrides its arguments for the
// documents that report it differently.
type GoldEvent struct {
	Key            string                  `json:"key"`
	Type           string                  `json:"type"`
	Actors         []string                `json:"actors"`
	Targets        []string                `json:"targets"`
	Places         []string                `json:"places"`
	Country        *string                 `json:"country"`
	Date           *string                 `json:"date"`
	Docs           []string                `json:"docs"`
	Subtype        string                  `json:"subtype"`
	Cameo          string                  `json:"cameo"`
	Weapons        []string                `json:"weapons"`
	Killed         map[string]int          `json:"killed"`
	Injured        map[string]int          `json:"injured"`
	AgentForce     string                  `json:"agent_force"`
	RetaliationFor string                  `json:"retaliation_for"`
	Operation      string                  `json:"operation"`
	Optional       bool                    `json:"optional"`
	Note           string                  `json:"note"`
	ByDoc          map[string]GoldOverride `json:"by_doc"`
}

// GoldOverride is what one document supports where it differs from the
// event's own arguments; a nil field means no difference.
type GoldOverride struct {
	Targets *[]string `json:"targets"`
	Places  *[]string `json:"places"`
	Date    *string   `json:"date"`
	HasDate bool      `json:"-"`
}

// UnmarshalJSON records whether "date" is present (null is a value).
func (o *GoldOverride) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	type plain GoldOverride
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*o = GoldOverride(p)
	_, o.HasDate = raw["date"]
	return nil
}

// GoldRelation is an annotated relation.
type GoldRelation struct {
	Subject   string   `json:"subject"`
	Predicate string   `json:"predicate"`
	Object    string   `json:"object"`
	Docs      []string `json:"docs"`
	Note      string   `json:"note"`
}

// GoldNegative is something that must not be extracted.
type GoldNegative struct {
	What    string   `json:"what"`
	Text    string   `json:"text"`
	Type    string   `json:"type"`
	Actors  []string `json:"actors"`
	Targets []string `json:"targets"`
	Country string   `json:"country"`
	Date    string   `json:"date"`
	Note    string   `json:"note"`
}

// LoadGold reads a gold file.
func LoadGold(path string) (*Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	var g Gold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	if g.Format != "newsgraph-gold/1" {
		return nil, fmt.Errorf("eval: %s: unknown format %q (want newsgraph-gold/1)", path, g.Format)
	}
	return &g, nil
}
