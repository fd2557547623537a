package main

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// nextPageRe finds the cursor events prints for the next page.
var nextPageRe = regexp.MustCompile(`(?m)^next page: --after (\S+)$`)

// eventIDs runs events with args (JSON Lines) and returns the ids it
// printed and the cursor of the next page ("" for none).
func eventIDs(t *testing.T, args ...string) ([]string, string) {
	t.Helper()
	r := runInProcess(t, run(append([]string{"events", "--json"}, args...)...))
	if r.code != 0 {
		t.Fatalf("events %v: %+v", args, r)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if line == "" {
			continue
		}
		var ev extract.Event
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("events %v: %v in %q", args, err, line)
		}
		ids = append(ids, ev.ID)
	}
	next := ""
	if m := nextPageRe.FindStringSubmatch(r.stderr); m != nil {
		next = m[1]
	}
	return ids, next
}

// TestEventsPages pages through a store with events --first and --after:
// the pages, in order, are the full listing, the newest first, and the
// last says no page follows.
func TestEventsPages(t *testing.T) {
	dir := t.TempDir()
	gen := writeLines(t, dir, "gen.jsonl", genLines(t, 5, 40))
	db := filepath.Join(dir, "g.db")
	if r := runInProcess(t, run("ingest", "--dbpath", db, gen)); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	full, next := eventIDs(t, "--dbpath", db)
	if len(full) < 10 || next != "" {
		t.Fatalf("full listing: %d events, next %q", len(full), next)
	}
	oldest, _ := eventIDs(t, "--dbpath", db, "--oldest")
	if len(oldest) != len(full) || reflect.DeepEqual(oldest, full) {
		t.Errorf("--oldest lists %d events in the order of the default", len(oldest))
	}
	for _, format := range []string{"jsonl", "table"} {
		var pages []string
		after := ""
		for n := 0; n <= len(full); n++ {
			args := []string{"--dbpath", db, "--first", "4"}
			if after != "" {
				args = append(args, "--after", after)
			}
			var ids []string
			if format == "jsonl" {
				ids, after = eventIDs(t, args...)
			} else {
				r := runInProcess(t, run(append([]string{"events"}, args...)...))
				if r.code != 0 {
					t.Fatalf("events %v: %+v", args, r)
				}
				// The table shows no ids: the pages are checked by the
				// cursors, which name the last event of each.
				after = ""
				if m := nextPageRe.FindStringSubmatch(r.stderr); m != nil {
					after = m[1]
				}
				ids, _ = eventIDs(t, append(args, "--format", "jsonl")...)
			}
			pages = append(pages, ids...)
			if after == "" {
				break
			}
		}
		if !reflect.DeepEqual(pages, full) {
			t.Errorf("%s pages of 4: %d events, not the %d of the full listing in its order", format, len(pages), len(full))
		}
	}
	r := runInProcess(t, run("events", "--dbpath", db, "--after", "nonsense"))
	if r.code != 2 || !strings.Contains(r.stderr, "is not a cursor") {
		t.Errorf("events --after nonsense: %+v", r)
	}
}
