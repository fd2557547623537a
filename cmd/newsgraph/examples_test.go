package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// strikeRow is one row of examples/queries/who-struck-whom.js.
type strikeRow struct {
	Date    string   `json:"date"`
	Actors  []string `json:"actors"`
	Targets []string `json:"targets"`
	Places  []string `json:"places"`
	Country []string `json:"country"`
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestExampleArticlesEndToEnd follows the README through the built binary
// with the real extractor: ingest the example articles into a bolt file,
// ask who struck whom, run every ready-made query, export N-Quads that an
// independent parser accepts, ingest again without adding a quad, and
// serve both query languages over HTTP.
func TestExampleArticlesEndToEnd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "newsgraph.db")
	articles := "../../examples/articles"
	if r := runBinary(t, run("ingest", "--dbpath", db, articles)); r.code != 0 || !strings.Contains(r.stdout, "(5 added, 0 unchanged, 0 replaced)") {
		t.Fatalf("ingest: %+v", r)
	}
	r := runBinary(t, run("query", "--dbpath", db, "-f", "../../examples/queries/who-struck-whom.js"))
	if r.code != 0 {
		t.Fatalf("who-struck-whom: %+v", r)
	}
	var rows []strikeRow
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatalf("who-struck-whom output: %v\n%s", err, r.stdout)
	}
	for _, want := range []struct{ actor, country, region, date string }{
		{"Pakistan", "Iran", "Sistan and Baluchestan", "2024-01-18"},
		{"Iran", "Pakistan", "Balochistan", "2024-01-16"},
	} {
		found := false
		for _, row := range rows {
			if has(row.Actors, want.actor) && has(row.Country, want.country) && has(row.Places, want.region) && strings.Contains(row.Date, want.date) {
				found = true
			}
		}
		if !found {
			t.Errorf("no row: %s struck %s (%s) on %s in\n%s", want.actor, want.country, want.region, want.date, r.stdout)
		}
	}

	queries, _ := filepath.Glob("../../examples/queries/*")
	var graphqlPage interface{} // the GraphQL example's answer, which serve must give too
	for _, q := range queries {
		lang := "gizmo"
		if strings.HasSuffix(q, ".graphql") {
			lang = "graphql"
		}
		r := runBinary(t, run("query", "--dbpath", db, "--lang", lang, "-f", q))
		var out []interface{}
		if r.code != 0 || json.Unmarshal([]byte(r.stdout), &out) != nil || len(out) == 0 {
			t.Errorf("%s: %+v", q, r)
		} else if strings.HasSuffix(q, "who-struck-whom.graphql") {
			graphqlPage = out[0]
		}
	}

	nq := filepath.Join(t.TempDir(), "graph.nq")
	if r := runBinary(t, run("export", "--dbpath", db, "-o", nq)); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	data, _ := os.ReadFile(nq)
	if strings.Contains(string(data), "<xsd:") || strings.Contains(string(data), `"True"`) {
		t.Errorf("export has short datatype IRIs or capitalised booleans")
	}
	lines := strings.Count(string(data), "\n")
	if _, err := exec.LookPath("rapper"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("rapper (raptor2-utils) is not installed")
		}
		t.Log("rapper not installed; skipping the independent parse")
	} else {
		out, err := exec.Command("rapper", "-i", "nquads", "-c", nq).CombinedOutput()
		m := regexp.MustCompile(`returned (\d+) triples`).FindStringSubmatch(string(out))
		if err != nil || m == nil || m[1] != itoa(lines) {
			t.Errorf("rapper on %d lines: %v\n%s", lines, err, out)
		}
	}

	// a picture for a report: the attacks in Iran since January 2024
	r = runBinary(t, run("export", "--dbpath", db, "--format", "dot", "--country", "Iran", "--type", "Attack", "--since", "2024-01-01"))
	if r.code != 0 || !strings.Contains(r.stdout, "digraph events") || !strings.Contains(r.stdout, "Pakistan") || !strings.Contains(r.stdout, "7–9 killed · 5 sources") || strings.Contains(r.stdout, "Houthis") {
		t.Errorf("event graph: %+v", r)
	}
	if _, err := exec.LookPath("dot"); err == nil {
		svg := filepath.Join(t.TempDir(), "iran.svg")
		if r := runBinary(t, run("export", "--dbpath", db, "--country", "Iran", "-o", svg)); r.code != 0 {
			t.Errorf("svg export: %+v", r)
		} else if b, _ := os.ReadFile(svg); !strings.Contains(string(b), "<svg") {
			t.Errorf("svg export wrote %.200s", b)
		}
	} else if os.Getenv("CI") == "true" {
		t.Error("Graphviz is not installed")
	}

	if r := runBinary(t, run("ingest", "--dbpath", db, articles)); r.code != 0 || !strings.Contains(r.stdout, "(0 added, 5 unchanged, 0 replaced)") || !strings.Contains(r.stdout, "quads:     0 written") {
		t.Errorf("second ingest: %+v", r)
	}
	data2, _ := exec.Command(binPath, "export", "--dbpath", db).Output()
	if n := strings.Count(string(data2), "\n"); n != lines {
		t.Errorf("second ingest changed the store: %d quads, then %d", lines, n)
	}

	cmd := exec.Command(binPath, "serve", "--dbpath", db, "--addr", "127.0.0.1:0")
	cmd.Env = testEnviron(nil)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	banner, err := bufio.NewReader(stderr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(banner)
	client := &http.Client{Timeout: 10 * time.Second}
	for _, c := range []struct{ lang, query, want string }{
		{"gizmo", `g.V("<https://newsgraph.org/id/entity/country/pk>").Out("<https://newsgraph.org/ns#struck>").Out("<https://newsgraph.org/ns#name>").Unique().All()`, "Balochistan Liberation Army"},
		{"graphql", `{ nodes(<https://newsgraph.org/ns#name>: "Jaish al-Adl") { id } }`, "group/jaish-al-adl"},
	} {
		resp, err := client.Post(addr+"/api/v2/query?lang="+c.lang, queryContentType[c.lang], strings.NewReader(c.query))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), c.want) {
			t.Errorf("%s over HTTP: %d %s", c.lang, resp.StatusCode, body)
		}
	}
	// serve pages Cayley's GraphQL as the query command does: the same
	// page, the newest first, with its cursors.
	src, _ := os.ReadFile("../../examples/queries/who-struck-whom.graphql")
	resp, err := client.Post(addr+"/api/v2/query?lang=graphql", queryContentType["graphql"], bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var page struct{ Data interface{} }
	err = json.NewDecoder(resp.Body).Decode(&page)
	resp.Body.Close()
	if got, want := jsonText(page.Data), jsonText(graphqlPage); err != nil || got != want || !strings.Contains(got, `"cursor"`) {
		t.Errorf("who-struck-whom.graphql over HTTP (%v):\n%s\nwant (query -f)\n%s", err, got, want)
	}
	cmd.Process.Signal(syscall.SIGINT)
	cmd.Wait()
}

// jsonText is v as JSON text.
func jsonText(v interface{}) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
