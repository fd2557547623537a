package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeExplorer checks what `newsgraph serve` mounts next to Cayley's
// API: the explorer at /, its assets and example queries, and the typed
// GraphQL API at /graphql, over the example articles.
func TestServeExplorer(t *testing.T) {
	db := filepath.Join(t.TempDir(), "newsgraph.db")
	if r := runBinary(t, run("ingest", "--dbpath", db, "../../examples/articles")); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
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
	lines := bufio.NewReader(stderr)
	banner, err := lines.ReadString('\n')
	if err != nil {
		t.Fatalf("reading the serve banner: %v", err)
	}
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(banner)
	if addr == "" {
		t.Fatalf("banner %q", banner)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	get := func(path string) (int, string, http.Header) {
		t.Helper()
		resp, err := client.Get(addr + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.StatusCode, string(b), resp.Header
	}

	code, body, h := get("/")
	if code != 200 || !strings.Contains(body, "newsgraph explorer") || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		t.Errorf("/: %d %s", code, h.Get("Content-Type"))
	}
	for _, p := range []string{"/app.js", "/style.css", "/world.json", "/examples.json"} {
		if code, body, _ := get(p); code != 200 || len(body) < 100 {
			t.Errorf("%s: %d, %d bytes", p, code, len(body))
		}
	}
	if code, body, _ := get("/healthz"); code != 200 || !strings.Contains(body, `"ok"`) {
		t.Errorf("/healthz: %d %s", code, body)
	}

	q := `{ events(type: Attack, actor: "Pakistan", since: "2024-01-18", until: "2024-01-18") {
		totalCount nodes { date killed killedMax sources { doc { id } killed } } } }`
	b, _ := json.Marshal(map[string]string{"query": q})
	resp, err := client.Post(addr+"/graphql", "application/json", strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var v struct {
		Data struct {
			Events struct {
				TotalCount int
				Nodes      []struct {
					Date              string
					Killed, KilledMax int
					Sources           []struct{ Killed *int }
				}
			}
		}
		Errors []any
	}
	if err := json.Unmarshal(out, &v); err != nil || resp.StatusCode != 200 || len(v.Errors) > 0 {
		t.Fatalf("/graphql: %d %v %s", resp.StatusCode, err, out)
	}
	found := false
	for _, e := range v.Data.Events.Nodes {
		if e.Date == "2024-01-18" && e.Killed == 7 && e.KilledMax == 9 && len(e.Sources) == 5 {
			found = true
		}
	}
	if !found {
		t.Errorf("no 2024-01-18 Pakistani strike with 5 sources and 7–9 killed: %s", out)
	}
	// Cayley's API is still there.
	resp, err = client.Post(addr+"/api/v2/query?lang=gizmo", "application/javascript",
		strings.NewReader(`g.V("<https://newsgraph.org/id/entity/country/pk>").Out("<https://newsgraph.org/ns#name>").All()`))
	if err != nil {
		t.Fatal(err)
	}
	out, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(out), "Pakistan") {
		t.Errorf("/api/v2/query: %d %s", resp.StatusCode, out)
	}

	cmd.Process.Signal(syscall.SIGINT)
	rest, _ := io.ReadAll(lines)
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve exited with %v; stderr %s", err, rest)
	}
}
