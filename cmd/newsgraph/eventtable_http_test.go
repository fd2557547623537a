package main

import (
	"bufio"
	"encoding/csv"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeEventTable checks the explorer's download: serve answers
// /events.csv with the table `events --format csv` prints for the same
// selection, refuses a bad selection with 400, and the page links to it.
func TestServeEventTable(t *testing.T) {
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
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	banner, err := bufio.NewReader(stderr).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the serve banner: %v", err)
	}
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(banner)
	client := &http.Client{Timeout: time.Minute}
	get := func(path string) (*http.Response, string) {
		t.Helper()
		resp, err := client.Get(addr + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp, string(b)
	}
	for _, tt := range []struct{ query, country string }{
		{"", ""},
		{"?type=Attack&country=Pakistan", "Pakistan"},
		{"?actor=Iran&since=2024-01-16&until=2024-01-17", ""},
	} {
		resp, body := get("/events.csv" + tt.query)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") ||
			!strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("/events.csv%s: %d %v", tt.query, resp.StatusCode, resp.Header)
		}
		rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Fatalf("/events.csv%s: %v, %d rows", tt.query, err, len(rows))
		}
		args := []string{"events", "--dbpath", db, "--format", "csv"}
		for _, kv := range strings.Split(strings.TrimPrefix(tt.query, "?"), "&") {
			if k, v, ok := strings.Cut(kv, "="); ok {
				args = append(args, "--"+strings.Replace(k, "country", "place", 1), v)
			}
		}
		if r := runBinary(t, run(args...)); r.code != 0 || r.stdout != body {
			t.Errorf("/events.csv%s differs from %v:\n%s\n---\n%s", tt.query, args, body, r.stdout)
		}
	}
	if resp, body := get("/events.csv?type=Atack"); resp.StatusCode != 400 || !strings.Contains(body, `type: unknown event type \"Atack\"`) {
		t.Errorf("bad type: %d %s", resp.StatusCode, body)
	}
	if resp, body := get("/events.tsv?type=Attack"); resp.StatusCode != 200 || !strings.HasPrefix(body, "event_id\tdate\t") {
		t.Errorf("/events.tsv: %d %.80q", resp.StatusCode, body)
	}
	if _, page := get("/"); !strings.Contains(page, `id="f-csv"`) || !strings.Contains(page, `href="events.csv"`) {
		t.Error("the explorer has no CSV download link")
	}
	if _, js := get("/app.js"); !strings.Contains(js, `tableHref("events.csv", vars)`) {
		t.Error("the explorer's filters do not set the download link")
	}
}
