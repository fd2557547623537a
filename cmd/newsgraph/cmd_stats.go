package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
)

var cmdStats = &Command{
	Name:      "stats",
	UsageLine: "stats [--db BACKEND] [--dbpath P] [--json]",
	Short:     "count what the graph holds",
	Long: `
Stats counts what the graph holds: documents, entities by class, fused
events by type, per-document event reports, relations and quads. --json
prints the same as a JSON object.
`,
	New: func() runner { return &statsCmd{} },
}

type statsCmd struct {
	store storeFlags
	json  bool
}

func (c *statsCmd) flags(fs *pflag.FlagSet, env *Env) {
	c.store.register(fs, env)
	fs.BoolVar(&c.json, "json", false, "print a JSON object")
}

func (c *statsCmd) run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected arguments %q", args)
	}
	store, err := c.store.open(ctx, true)
	if err != nil {
		return err
	}
	defer store.Close()
	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	if c.json {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	writeStats(env.Stdout, c.store.where(), st)
	return nil
}

func writeStats(w io.Writer, where string, st graph.Stats) {
	fmt.Fprintf(w, "store:       %s\n", where)
	fmt.Fprintf(w, "documents:   %d\n", st.Documents)
	writeCounts(w, "entities:", st.Entities)
	writeCounts(w, "events:", st.Events)
	fmt.Fprintf(w, "reports:     %d\n", st.Reports)
	fmt.Fprintf(w, "relations:   %d\n", st.Statements)
	fmt.Fprintf(w, "quads:       %d\n", st.Quads)
}

// writeCounts prints a total and its breakdown, largest first.
func writeCounts(w io.Writer, label string, counts map[string]int64) {
	var total int64
	keys := make([]string, 0, len(counts))
	for k, n := range counts {
		total += n
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	fmt.Fprintf(w, "%-12s %d\n", label, total)
	for _, k := range keys {
		fmt.Fprintf(w, "  %-18s %d\n", k, counts[k])
	}
}
