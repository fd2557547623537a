package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"
)

var cmdQuery = &Command{
	Name:      "query",
	UsageLine: "query [--db BACKEND] [--dbpath P] [--lang gizmo|graphql] [--limit N] [--repeat N] (QUERY | -f FILE)",
	Short:     "query the graph with Gizmo or GraphQL",
	Long: `
Query runs a query on the graph, in Cayley's Gizmo (JavaScript, the
default) or GraphQL language, and prints its results as an indented JSON
array. The query is the argument, or is read from FILE with -f ("-f -"
reads standard input). Without --lang, a FILE named *.graphql or *.gql
is read as GraphQL, anything else as Gizmo.

IRIs are written in full between angle brackets. For example, the names of
everything Pakistan is recorded as having struck:

	newsgraph query 'g.V().Has("<https://newsgraph.org/ns#name>", "Pakistan")
	  .Out("<https://newsgraph.org/ns#struck>")
	  .Out("<https://newsgraph.org/ns#name>").Unique().All()'

'newsgraph schema' prints the vocabulary (classes and predicates).

With --repeat N the query runs N times on the open store and, besides
the results (of the last run), the time of each run is summed up on
standard error: minimum, median (p50), 95th percentile and maximum, as
measured inside the process (without start-up and opening the store).
`,
	New: func() runner { return &queryCmd{} },
}

type queryCmd struct {
	store  storeFlags
	lang   string
	limit  int
	file   string
	repeat int
}

func (c *queryCmd) flags(fs *pflag.FlagSet, env *Env) {
	c.store.register(fs, env)
	fs.StringVar(&c.lang, "lang", "", "query `LANGUAGE`: gizmo or graphql (default: graphql for a *.graphql or *.gql FILE, else gizmo)")
	fs.IntVar(&c.limit, "limit", 0, "return at most `N` results (0: all)")
	fs.StringVarP(&c.file, "file", "f", "", "read the query from `FILE` (- for standard input)")
	fs.IntVar(&c.repeat, "repeat", 1, "run the query `N` times and print its latencies on standard error")
}

func (c *queryCmd) run(ctx context.Context, env *Env, args []string) error {
	lang := strings.ToLower(c.lang)
	if lang == "" {
		lang = languageOf(c.file)
	}
	switch lang {
	case "gizmo", "graphql":
	default:
		return usagef("--lang: unknown language %q (want gizmo or graphql)", c.lang)
	}
	if c.limit < 0 {
		return usagef("--limit must not be negative")
	}
	if c.repeat < 1 {
		return usagef("--repeat must be at least 1")
	}
	var q, from string
	switch {
	case c.file != "" && len(args) > 0:
		return usagef("give the query as an argument or with -f, not both")
	case c.file != "":
		var data []byte
		var err error
		if c.file == "-" {
			from = "<stdin>"
			data, err = io.ReadAll(env.Stdin)
		} else {
			from = c.file
			data, err = os.ReadFile(c.file)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", from, pathErr(err))
		}
		q = string(data)
	case len(args) == 1:
		q = args[0]
	case len(args) == 0:
		return usagef("no query: give it as an argument or with -f FILE")
	default:
		return usagef("too many arguments: quote the query as one argument")
	}
	if strings.TrimSpace(q) == "" {
		return usagef("the query is empty")
	}
	store, err := c.store.open(ctx, true)
	if err != nil {
		return err
	}
	defer store.Close()
	var results []interface{}
	times := make([]time.Duration, 0, c.repeat)
	for range c.repeat {
		start := time.Now()
		results, err = store.Query(ctx, lang, q, c.limit)
		times = append(times, time.Since(start))
		if err != nil {
			if from != "" {
				return fmt.Errorf("%s: %w", from, err)
			}
			return err
		}
	}
	if c.repeat > 1 {
		fmt.Fprintln(env.Stderr, latencySummary(times, len(results)))
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(results)
}

// latencySummary describes the times of repeated runs: their number,
// minimum, median, 95th percentile (nearest rank) and maximum.
func latencySummary(times []time.Duration, results int) string {
	sorted := slices.Clone(times)
	slices.Sort(sorted)
	rank := func(p float64) time.Duration {
		i := int(math.Ceil(p*float64(len(sorted)))) - 1
		return sorted[max(i, 0)]
	}
	round := func(d time.Duration) time.Duration { return d.Round(10 * time.Microsecond) }
	return fmt.Sprintf("%d runs, %d results: min %v, p50 %v, p95 %v, max %v",
		len(sorted), results, round(sorted[0]), round(rank(0.50)), round(rank(0.95)), round(sorted[len(sorted)-1]))
}

// pathErr strips the *os.PathError wrapper, whose message would repeat
// the file name.
func pathErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// languageOf is the query language of a query file, by its extension:
// graphql for .graphql and .gql, else gizmo.
func languageOf(file string) string {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".graphql", ".gql":
		return "graphql"
	}
	return "gizmo"
}
