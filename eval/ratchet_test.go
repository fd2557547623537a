package eval

import (
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

var updateFloor = flag.Bool("update-floor", false, "TestDevRatchet: write the figures measured now, less the tolerances, into testdata/dev-floor.json")

// floorFile holds the lowest figures the development set may give: the
// ratchet. Raise it with `go test ./eval -run TestDevRatchet -update-floor`
// after an improvement is merged.
const floorFile = "testdata/dev-floor.json"

// devFloor is the content of floorFile.
type devFloor struct {
	About string `json:"about"`
	// Tolerance is taken off the summary figures (recall, precision,
	// slot accuracy, F1 × slots) when the floor is written; SlotTolerance
	// off each slot's accuracy, which moves more as detection changes.
	Tolerance     float64                       `json:"tolerance"`
	SlotTolerance float64                       `json:"slot_tolerance"`
	Sets          map[string]map[string]float64 `json:"sets"`
}

// figures are the figures a report is held to, by name.
func figures(r *DevReport, f *devFloor) (got, floor map[string]float64) {
	got, floor = map[string]float64{}, map[string]float64{}
	for name, v := range map[string]float64{"recall": r.Recall, "precision": r.Precision, "slot_accuracy": r.SlotAccuracy, "f1_x_slots": r.F1Slots} {
		got[name] = v
		floor[name] = v - f.Tolerance
	}
	for k, a := range r.Slots {
		if a.Checked > 0 {
			got["slot "+k] = a.Accuracy
			floor["slot "+k] = a.Accuracy - f.SlotTolerance
		}
	}
	for k, v := range floor {
		floor[k] = math.Max(0, math.Floor(v*1000)/1000)
	}
	return got, floor
}

// TestDevRatchet runs the whole development set through extraction and
// the scorer and fails when a figure falls below its committed floor.
func TestDevRatchet(t *testing.T) {
	dev := devSet(t)
	data, err := os.ReadFile(floorFile)
	if err != nil {
		t.Fatal(err)
	}
	var f devFloor
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v", floorFile, err)
	}
	if f.Sets == nil {
		f.Sets = map[string]map[string]float64{}
	}
	for _, set := range []string{"incidents", "articles"} {
		gold, err := LoadDevGold(filepath.Join(dev, set+".gold.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		rep := ScoreDev(gold, extractFile(t, filepath.Join(dev, set+".jsonl")))
		got, floor := figures(rep, &f)
		t.Logf("%s: recall %.3f, precision %.3f, slot accuracy %.3f, F1 x slots %.3f", set, rep.Recall, rep.Precision, rep.SlotAccuracy, rep.F1Slots)
		if *updateFloor {
			f.Sets[set] = floor
			continue
		}
		names := make([]string, 0, len(f.Sets[set]))
		for name := range f.Sets[set] {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			if min := f.Sets[set][name]; got[name] < min {
				t.Errorf("%s %s %.3f is below its floor %.3f (%s)", set, name, got[name], min, floorFile)
			}
		}
	}
	if *updateFloor {
		b, err := json.MarshalIndent(f, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(floorFile, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", floorFile)
	}
}
