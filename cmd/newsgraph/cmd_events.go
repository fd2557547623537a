package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/input"
)

var cmdEvents = &Command{
	Name:      "events",
	UsageLine: "events [--db BACKEND] [--dbpath P] [--format table|jsonl|csv|tsv] [--type T] [--actor NAME] [--place NAME] [--since DATE] [--until DATE] [--first N] [--after CURSOR] [--oldest]",
	Short:     "list the events in the graph",
	Long: `
Events lists the events in the graph, fused across the documents that
report them, the newest first (--oldest: the oldest first; undated events
last either way; ties by id), as the GraphQL API lists them.

--first N prints a page: the first N events. When more follow, the cursor
of the next page is printed on standard error ("next page: --after
CURSOR"); give it with --after to print the next N. A page reads only its
own events from the store's calendar, however large the store, and a
cursor stays valid while documents are added: the next page starts after
the event it names, with the events written since that come after it.

By default it prints a table: date, type, actors → targets, place and
country (long lists cut short), the number killed (a range where the
sources disagree) and the number of sources. With --format jsonl (or
--json) it prints one JSON object per event per line (JSON Lines), as in
the extraction record contract, with "sources": one entry per document
reporting the event, with that document's figures. With --format csv
(RFC 4180, UTF-8, a header row) or tsv it prints one row per event for
spreadsheets, pandas or R, in the habits of ACLED and GDELT exports:

	event_id, date, date_precision, type, subtype, cameo,
	actors, actor_countries, actor_iso, actor_wikidata,
	targets, target_countries, target_iso, target_wikidata,
	country, country_iso, admin1, location,
	latitude, longitude, geo_precision,
	killed_min, killed_max, injured_min, injured_max,
	sources, source_urls, source_outlets, source_docs, evidence

Cells with several values separate them with "; ". ISO 3166 codes and
Wikidata ids are those the store holds (from the lexicon); latitude and
longitude are those of the most specific place that has coordinates
(geo_precision: location, admin1 or country); killed and injured are the
lowest and highest figures the sources give; evidence is the first
source's sentence.

--type selects an event type (Attack, Condemn, ...); --actor an actor by
name or alias; --place a place by name or alias, including everything
inside it (--place Iran matches an event in a village of Iran); --since and
--until bound the date (inclusive; YYYY-MM-DD, or YYYY-MM for a month).
`,
	New: func() runner { return &eventsCmd{} },
}

type eventsCmd struct {
	store  storeFlags
	json   bool
	format string
	filter graph.EventFilter
	oldest bool
}

// eventFormats are the output formats of events.
var eventFormats = []string{"table", "jsonl", "csv", "tsv"}

func (c *eventsCmd) flags(fs *pflag.FlagSet, env *Env) {
	c.store.register(fs, env)
	fs.StringVar(&c.format, "format", "table", "output `FORMAT`: "+strings.Join(eventFormats, ", "))
	fs.BoolVar(&c.json, "json", false, "print JSON Lines instead of a table (--format jsonl)")
	fs.StringVar(&c.filter.Type, "type", "", "only events of `TYPE` (Attack, Condemn, ...)")
	fs.StringVar(&c.filter.Actor, "actor", "", "only events whose actor is `NAME`")
	fs.StringVar(&c.filter.Place, "place", "", "only events in `NAME` or somewhere inside it")
	fs.StringVar(&c.filter.Since, "since", "", "only events on or after `DATE`")
	fs.StringVar(&c.filter.Until, "until", "", "only events on or before `DATE`")
	fs.IntVar(&c.filter.Limit, "first", 0, "print the first `N` events, a page (0: all)")
	fs.IntVar(&c.filter.Limit, "limit", 0, "the same as --first")
	fs.StringVar(&c.filter.Cursor, "after", "", "start after `CURSOR`, printed at the end of the previous page")
	fs.BoolVar(&c.oldest, "oldest", false, "list the oldest first")
}

var isoPrefixRe = regexp.MustCompile(`^\d{4}(?:-\d{2}(?:-\d{2})?)?$`)

// filterDate accepts an ISO day, month or year as it is, and any other
// common date format normalised to a day.
func filterDate(flag, s string) (string, error) {
	if s == "" || isoPrefixRe.MatchString(s) {
		return s, nil
	}
	d, err := input.NormalizeDate(s)
	if err != nil {
		return "", usagef("--%s: %q is not a date; give a calendar date such as 2024-01-31, 2024-01 or 2024", flag, s)
	}
	return d, nil
}

func (c *eventsCmd) run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected arguments %q", args)
	}
	if c.filter.Limit < 0 {
		return usagef("--first must not be negative")
	}
	if c.filter.Cursor != "" && !graph.IsEventCursor(c.filter.Cursor) {
		return usagef("--after: %q is not a cursor printed by events", c.filter.Cursor)
	}
	c.filter.NewestFirst = !c.oldest
	format := strings.ToLower(c.format)
	if !slices.Contains(eventFormats, format) {
		return usagef("--format: unknown format %q (want %s)", c.format, strings.Join(eventFormats, ", "))
	}
	if c.json {
		if format != "table" && format != "jsonl" {
			return usagef("--json and --format %s: give one", format)
		}
		format = "jsonl"
	}
	var err error
	if c.filter.Type, err = checkEventType("type", c.filter.Type); err != nil {
		return err
	}
	if c.filter.Since, err = filterDate("since", c.filter.Since); err != nil {
		return err
	}
	if c.filter.Until, err = filterDate("until", c.filter.Until); err != nil {
		return err
	}
	store, err := c.store.open(ctx, true)
	if err != nil {
		return err
	}
	defer store.Close()
	out := bufio.NewWriterSize(env.Stdout, 64<<10) // a full listing writes megabytes
	if format == "jsonl" {
		// One event after the other, as the store lists them.
		return c.streamJSON(ctx, env, store, out)
	}
	if format == "csv" || format == "tsv" {
		return c.streamCSV(ctx, env, store, out, map[string]rune{"csv": ',', "tsv": '\t'}[format])
	}
	events, next, err := c.page(ctx, store)
	if err != nil {
		return err
	}
	writeEventTable(out, events)
	if err := out.Flush(); err != nil {
		return err
	}
	printNext(env, next)
	return nil
}

// page reads the events of the page c asks for and the cursor of the
// next one ("" when none follows).
func (c *eventsCmd) page(ctx context.Context, store *graph.Store) ([]extract.Event, string, error) {
	var events []extract.Event
	next, err := c.each(ctx, store, func(e extract.Event) error {
		events = append(events, e)
		return nil
	})
	return events, next, err
}

// each calls fn with each event of the page c asks for, as it is read,
// until fn fails, and returns the cursor of the next page ("" when none
// follows): one event past the page is read to know.
func (c *eventsCmd) each(ctx context.Context, store *graph.Store, fn func(extract.Event) error) (string, error) {
	f := c.filter
	if f.Limit > 0 {
		f.Limit++
	}
	n, last, next := 0, "", ""
	var ferr error
	err := store.EachEvent(ctx, f, func(e extract.Event) bool {
		if c.filter.Limit > 0 && n == c.filter.Limit {
			next = last // one more follows
			return false
		}
		ferr = fn(e)
		n++
		if c.filter.Limit > 0 {
			last = graph.EventCursor(e)
		}
		return ferr == nil
	})
	if err == nil {
		err = ferr
	}
	return next, err
}

// streamJSON prints the page c asks for as JSON Lines, each event as it
// is read (eventJSON).
func (c *eventsCmd) streamJSON(ctx context.Context, env *Env, store *graph.Store, out *bufio.Writer) error {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var line []byte // one event's line, reused
	next, err := c.each(ctx, store, func(e extract.Event) error {
		if !finiteJSON(&e) {
			return enc.Encode(&e) // fails, as encoding/json does
		}
		line = append(eventJSON(line[:0], &e), '\n')
		_, err := out.Write(line)
		return err
	})
	return finishListing(env, out, next, err)
}

// streamCSV prints the page c asks for as a CSV (sep ',') or TSV (sep
// '\t') table, a batch of events at a time (eventCSV), not holding the
// whole listing. The batch's look-up of entity facts runs inside the
// listing's read, which the events command alone holds.
func (c *eventsCmd) streamCSV(ctx context.Context, env *Env, store *graph.Store, out *bufio.Writer, sep rune) error {
	cw, err := newEventCSV(ctx, out, store, sep)
	if err != nil {
		return err
	}
	next, err := c.each(ctx, store, cw.add)
	if err == nil {
		err = cw.close()
	}
	return finishListing(env, out, next, err)
}

// finishListing flushes a listing's output and tells how to print the
// next page, unless the listing failed.
func finishListing(env *Env, out *bufio.Writer, next string, err error) error {
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		return err
	}
	printNext(env, next)
	return nil
}

// printNext tells on standard error how to print the next page, if one
// follows.
func printNext(env *Env, next string) {
	if next != "" {
		fmt.Fprintf(env.Stderr, "next page: --after %s\n", next)
	}
}

// writeEventTable prints events as an aligned table.
func writeEventTable(w io.Writer, events []extract.Event) {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tTYPE\tACTORS → TARGETS\tPLACE\tKILLED\tSOURCES")
	for _, ev := range events {
		date := "?"
		if ev.Date != nil && *ev.Date != "" {
			date = *ev.Date
		}
		typ := ev.Type
		if ev.Subtype != "" {
			typ += " (" + ev.Subtype + ")"
		}
		who := refNames(ev.Actors, "?")
		if len(ev.Targets) > 0 {
			who += " → " + refNames(ev.Targets, "")
		} else if len(ev.TargetText) > 0 {
			who += " → " + strings.Join(ev.TargetText, ", ")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\n", date, typ, clip(who, 60), clip(eventPlace(ev), 45), countRange(ev.Killed, ev.KilledMax), len(ev.Sources))
	}
	tw.Flush()
	fmt.Fprintf(w, "%d event(s)\n", len(events))
}

// clip shortens s to n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func refNames(refs []extract.Ref, none string) string {
	if len(refs) == 0 {
		return none
	}
	names := make([]string, len(refs))
	for i, r := range refs {
		names[i] = r.Name
	}
	return strings.Join(names, ", ")
}

// eventPlace names the event's places and then its country, unless that is
// already among them.
func eventPlace(ev extract.Event) string {
	var parts []string
	for _, p := range ev.Places {
		parts = append(parts, p.Name)
	}
	if ev.Country != nil && ev.Country.Name != "" {
		dup := false
		for _, p := range parts {
			dup = dup || strings.EqualFold(p, ev.Country.Name)
		}
		if !dup {
			parts = append(parts, ev.Country.Name)
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

// countRange prints "9", "7–9" or "-".
func countRange(lo, hi *int) string {
	switch {
	case lo == nil && hi == nil:
		return "-"
	case lo == nil:
		return "≤" + strconv.Itoa(*hi)
	case hi == nil || *hi == *lo:
		return strconv.Itoa(*lo)
	}
	return strconv.Itoa(*lo) + "–" + strconv.Itoa(*hi)
}
