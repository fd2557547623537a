package main

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// eventTablePaths are where serve offers the event table for download,
// by format.
var eventTablePaths = map[string]rune{"/events.csv": ',', "/events.tsv": '\t'}

// eventTableHandler serves the table of `events --format csv` (or tsv, at
// /events.tsv) for the explorer's download link, selected as the explorer
// selects: GET /events.csv?type=T&actor=NAME&country=NAME&since=D&until=D
// (country matches any place, as --place does). A bad type or date gets
// 400 with the same message as on the command line.
func eventTableHandler(store *graph.Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		f, err := tableFilter(r.URL.Query())
		if err != nil {
			// "--type: unknown event type ..." names the parameter here
			http.Error(w, strings.TrimPrefix(err.Error(), "--"), http.StatusBadRequest)
			return
		}
		events, err := store.Events(r.Context(), f)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		var b bytes.Buffer
		if err := writeEventCSV(r.Context(), &b, events, store, eventTablePaths[r.URL.Path]); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		name, mime := "newsgraph-events.csv", "text/csv; charset=utf-8; header=present"
		if r.URL.Path == "/events.tsv" {
			name, mime = "newsgraph-events.tsv", "text/tab-separated-values; charset=utf-8"
		}
		w.Header().Set("Content-Type", mime)
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		w.Write(b.Bytes())
	})
}

// tableFilter reads the selection of a table download, checked as the
// events command checks its flags; the newest first, as events lists.
func tableFilter(q url.Values) (graph.EventFilter, error) {
	f := graph.EventFilter{Actor: q.Get("actor"), Place: q.Get("country"), NewestFirst: true}
	var err error
	if f.Type, err = checkEventType("type", q.Get("type")); err != nil {
		return f, err
	}
	if f.Since, err = filterDate("since", q.Get("since")); err != nil {
		return f, err
	}
	f.Until, err = filterDate("until", q.Get("until"))
	return f, err
}
