package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"
)

var cmdQuery = &Command{
	Name:      "query",
	UsageLine: "query [--db BACKEND] [--dbpath P] [--lang gizmo|graphql] [--limit N] (QUERY | -f FILE)",
	Short:     "query the graph with Gizmo or GraphQL",
	Long: `
Query runs a query on the graph, in Cayley's Gizmo (JavaScript, the
default) or GraphQL language, and prints its results as an indented JSON
array. The query is the argument, or is read from FILE with -f ("-f -"
reads standard input).

IRIs are written in full between angle brackets. For example, the names of
everything Pakistan is recorded as having struck:

	newsgraph query 'g.V().Has("<https://newsgraph.org/ns#name>", "Pakistan")
	  .Out("<https://newsgraph.org/ns#struck>")
	  .Out("<https://newsgraph.org/ns#name>").Unique().All()'

'newsgraph schema' prints the vocabulary (classes and predicates).
`,
	New: func() runner { return &queryCmd{} },
}

type queryCmd struct {
	store storeFlags
	lang  string
	limit int
	file  string
}

func (c *queryCmd) flags(fs *pflag.FlagSet, env *Env) {
	c.store.register(fs, env)
	fs.StringVar(&c.lang, "lang", "gizmo", "query `LANGUAGE`: gizmo or graphql")
	fs.IntVar(&c.limit, "limit", 0, "return at most `N` results (0: all)")
	fs.StringVarP(&c.file, "file", "f", "", "read the query from `FILE` (- for standard input)")
}

func (c *queryCmd) run(ctx context.Context, env *Env, args []string) error {
	switch strings.ToLower(c.lang) {
	case "gizmo", "graphql":
	default:
		return usagef("--lang: unknown language %q (want gizmo or graphql)", c.lang)
	}
	if c.limit < 0 {
		return usagef("--limit must not be negative")
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
	results, err := store.Query(ctx, strings.ToLower(c.lang), q, c.limit)
	if err != nil {
		if from != "" {
			return fmt.Errorf("%s: %w", from, err)
		}
		return err
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(results)
}

// pathErr strips the *os.PathError wrapper, whose message would repeat
// the file name.
func pathErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
