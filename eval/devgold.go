package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// Gold file formats that eval reads.
const (
	// FormatNewsgraph is a newsgraph-gold/1 annotation: one JSON object
	// with documents, entities, events, relations and negatives.
	FormatNewsgraph = "newsgraph-gold/1"
	// FormatEventLines is the development set's format: JSON Lines, one
	// gold event per line with "doc" and "type" (incidents.gold.jsonl,
	// articles.gold.jsonl; see DevGold).
	FormatEventLines = "event-lines"
)

// DetectFormat reads the start of a gold file and says which format it is
// in: FormatNewsgraph when its first JSON value has "format", or
// FormatEventLines when it has "doc" and "type".
func DetectFormat(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	var first map[string]json.RawMessage
	if err := json.NewDecoder(bufio.NewReader(f)).Decode(&first); err != nil {
		if errors.Is(err, io.EOF) {
			return "", fmt.Errorf("eval: %s: empty gold file", path)
		}
		return "", fmt.Errorf("eval: %s: not a gold file: %w", path, err)
	}
	_, hasFormat := first["format"]
	_, hasDoc := first["doc"]
	_, hasType := first["type"]
	switch {
	case hasFormat:
		return FormatNewsgraph, nil
	case hasDoc && hasType:
		return FormatEventLines, nil
	}
	return "", fmt.Errorf("eval: %s: unknown gold format: the first object has neither \"format\" (newsgraph-gold/1) nor \"doc\" and \"type\" (one gold event per line)", path)
}

// DevGold is one gold event of the development set's format. Incident
// notes (ACLED) give places as plain names and a country, date and
// fatalities; article mentions (WikiEvents, RAMS) give the trigger's
// sentence and its byte span, and places and weapons as names with
// aliases.
type DevGold struct {
	Doc            string    `json:"doc"`
	Event          string    `json:"event"`
	Type           string    `json:"type"`
	SubEventType   string    `json:"sub_event_type"`
	WikieventsType string    `json:"wikievents_type"`
	RamsType       string    `json:"rams_type"`
	Trigger        string    `json:"trigger"`
	Sentence       *string   `json:"sentence"`
	SentenceBytes  []int     `json:"sentence_bytes"`
	Symmetric      bool      `json:"symmetric"`
	Attackers      []DevName `json:"attackers"`
	Targets        []DevName `json:"targets"`
	Places         DevPlaces `json:"places"`
	Weapons        []DevName `json:"weapons"`
	Country        *string   `json:"country"`
	Date           *string   `json:"date"`
	Killed         *int      `json:"killed"`
}

// DevName is a gold participant, place or weapon: a name and the other
// names that count for it.
type DevName struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
}

// DevPlaces is a gold event's places: plain names (incident notes, most
// specific first, any one counts) or names with aliases (articles).
type DevPlaces struct {
	Names []DevName
	// Plain is set when no place is an object: the incident form, matched
	// by name only, without the event's country.
	Plain bool
}

// UnmarshalJSON reads a list whose items are strings or {name, aliases}.
func (p *DevPlaces) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("places: %w", err)
	}
	*p = DevPlaces{Plain: true}
	for _, r := range raw {
		var n DevName
		if bytes.HasPrefix(bytes.TrimSpace(r), []byte("{")) {
			p.Plain = false
			if err := json.Unmarshal(r, &n); err != nil {
				return fmt.Errorf("places: %w", err)
			}
		} else if err := json.Unmarshal(r, &n.Name); err != nil {
			return fmt.Errorf("places: want a name or {name, aliases}: %w", err)
		}
		p.Names = append(p.Names, n)
	}
	return nil
}

// LoadDevGold reads a gold file of the development set's format (JSON
// Lines, one gold event per line).
func LoadDevGold(path string) ([]DevGold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	var out []DevGold
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var g DevGold
		if err := json.Unmarshal(b, &g); err != nil {
			return nil, fmt.Errorf("eval: %s:%d: %w", path, line, err)
		}
		if g.Doc == "" || g.Type == "" {
			return nil, fmt.Errorf("eval: %s:%d: a gold event needs \"doc\" and \"type\"", path, line)
		}
		if g.Sentence != nil && g.SentenceBytes != nil && len(g.SentenceBytes) != 2 {
			return nil, fmt.Errorf("eval: %s:%d: sentence_bytes: want [start, end]", path, line)
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("eval: %s: no gold events", path)
	}
	return out, nil
}
