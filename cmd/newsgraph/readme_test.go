package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/testtool"
)

// readmeBlock returns the lines of the README's fenced block (```lang)
// whose first line starts with first, that line included.
func readmeBlock(t *testing.T, lang, first string) []string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		if l != "```"+lang || i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], first) {
			continue
		}
		for j := i + 1; j < len(lines); j++ {
			if lines[j] == "```" {
				return lines[i+1 : j]
			}
		}
	}
	t.Fatalf("README has no ```%s block starting %q", lang, first)
	return nil
}

// TestReadmeSessions runs the README's sessions on the example articles
// and compares their output with the lines the README shows: the CSV
// export (parsed back with encoding/csv) and the GraphQL client session
// with graphql-js (getIntrospectionQuery, buildClientSchema, a validated
// typed query). Under CI=true a missing node or npm package fails it.
func TestReadmeSessions(t *testing.T) {
	db := ingestExamples(t)

	t.Run("csv", func(t *testing.T) {
		block := readmeBlock(t, "console", "$ newsgraph events --format csv")
		args := strings.Fields(strings.TrimPrefix(block[0], "$ newsgraph "))
		r := runBinary(t, run(append(args, "--dbpath", db)...))
		want := strings.Join(block[1:], "\n") + "\n"
		if r.code != 0 || r.stdout != want {
			t.Fatalf("%s: code %d, stderr %q; the README shows lines the binary does not write:\n%s", block[0], r.code, r.stderr, lineDiffText(want, r.stdout))
		}
		rows, err := csv.NewReader(strings.NewReader(want)).ReadAll()
		if err != nil || len(rows) < 3 || rows[0][0] != "event_id" {
			t.Fatalf("the README's CSV: %v, %d rows", err, len(rows))
		}
	})

	t.Run("graphql-js", func(t *testing.T) {
		node := testtool.RequireNodeModule(t, "graphql")
		script := readmeBlock(t, "js", "// session.mjs")
		shown := readmeBlock(t, "console", "$ node session.mjs")
		base := startServe(t, "--dbpath", db)
		const readmeURL = "http://127.0.0.1:7474"
		src := strings.Join(script, "\n") + "\n"
		if !strings.Contains(src, readmeURL) {
			t.Fatalf("the session does not ask %s", readmeURL)
		}
		dir := t.TempDir()
		// Node resolves "graphql" from the script's directory upwards.
		if err := os.Symlink(filepath.Join(testtool.JSDir(), "node_modules"), filepath.Join(dir, "node_modules")); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "session.mjs")
		if err := os.WriteFile(file, []byte(strings.ReplaceAll(src, readmeURL, base)), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(node, file)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("node session.mjs: %v\n%s", err, stderr.String())
		}
		if want := strings.Join(shown[1:], "\n") + "\n"; string(out) != want {
			t.Errorf("node session.mjs writes other lines than the README shows:\n%s", lineDiffText(want, string(out)))
		}
	})
}
