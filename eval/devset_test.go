package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/input"
)

// devSet returns the development set's folder (../shared/eval/dev beside
// the checkout, or $NEWSGRAPH_DEVSET). Without it the test skips, as on a
// fresh clone, unless CI is true.
func devSet(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("NEWSGRAPH_DEVSET")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "eval", "dev")
	}
	if _, err := os.Stat(filepath.Join(dir, "incidents.gold.jsonl")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("development set absent (CI=true): %v", err)
		}
		t.Skipf("development set absent (%s): it lives in the project's shared folder, not in the repository", dir)
	}
	return dir
}

// firstLines copies the first n non-empty lines of a file into dir and
// returns the copy's path and the lines.
func firstLines(t *testing.T, src, dir string, n int) (string, []string) {
	t.Helper()
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() && len(lines) < n {
		if strings.TrimSpace(sc.Text()) != "" {
			lines = append(lines, sc.Text())
		}
	}
	return writeFile(t, dir, filepath.Base(src), lines), lines
}

func writeFile(t *testing.T, dir, name string, lines []string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// goldFor keeps the gold lines of the given documents.
func goldFor(t *testing.T, src string, inputs []string) []string {
	t.Helper()
	ids := map[string]bool{}
	for _, l := range inputs {
		var d struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatal(err)
		}
		ids[d.ID] = true
	}
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		var g struct {
			Doc string `json:"doc"`
		}
		if json.Unmarshal([]byte(l), &g) == nil && ids[g.Doc] {
			out = append(out, l)
		}
	}
	return out
}

// extractFile extracts every document of a JSON Lines file with the
// default extractor.
func extractFile(t testing.TB, path string) []*extract.Record {
	t.Helper()
	ex := extract.Default()
	var recs []*extract.Record
	r := &input.Reader{OnError: func(err error) { t.Errorf("%v", err) }}
	err := r.Walk(context.Background(), []string{path}, func(doc extract.Document) error {
		rec, err := ex.Extract(context.Background(), doc)
		if err != nil {
			return err
		}
		recs = append(recs, rec)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestScoreDevMatchesScorePy runs the reference scorer (python3 score.py)
// and ScoreDev on the same records of a slice of the development set and
// wants the same printout, every miss included.
func TestScoreDevMatchesScorePy(t *testing.T) {
	dev := devSet(t)
	py, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3 not found (CI=true)")
		}
		t.Skip("python3 not found: the reference scorer cannot run")
	}
	for _, tc := range []struct {
		name, input, gold string
		n                 int
	}{
		{"incidents", "incidents.jsonl", "incidents.gold.jsonl", 600},
		{"articles", "articles.jsonl", "articles.gold.jsonl", 118},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			in, lines := firstLines(t, filepath.Join(dev, tc.input), dir, tc.n)
			goldPath := writeFile(t, dir, tc.gold, goldFor(t, filepath.Join(dev, tc.gold), lines))
			recs := extractFile(t, in)
			var out []string
			for _, r := range recs {
				b, err := json.Marshal(r)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, string(b))
			}
			recPath := writeFile(t, dir, "records.jsonl", out)
			cmd := exec.Command(py, filepath.Join(dev, "score.py"), recPath, goldPath, "--misses", "1000")
			want, err := cmd.Output()
			if err != nil {
				t.Fatalf("score.py: %v", err)
			}
			gold, err := LoadDevGold(goldPath)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := ScoreDev(gold, recs).WriteText(&got, 1000); err != nil {
				t.Fatal(err)
			}
			if got.String() != string(want) {
				t.Errorf("eval and score.py differ:\n--- eval\n%s\n--- score.py\n%s", got.String(), want)
			}
			t.Logf("%s", lastLine(string(want)))
		})
	}
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:]
}
