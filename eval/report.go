package eval

import (
	"fmt"
	"io"
	"sort"
)

// WriteText prints a readable report: the scores, then what was missed,
// what was spurious and which arguments were wrong.
func (r *Report) WriteText(w io.Writer, details bool) error {
	p := func(format string, a ...interface{}) { fmt.Fprintf(w, format, a...) }
	prf := func(name string, x PRF) {
		p("%-22s P %.3f  R %.3f  F1 %.3f   (tp %d, fp %d, fn %d)\n", name, x.Precision, x.Recall, x.F1, x.TP, x.FP, x.FN)
	}
	prf("entities", r.Entities)
	p("%-22s %.3f (%d checked)\n", "entity class accuracy", r.ClassAccuracy, r.ClassChecked)
	prf("events", r.Events)
	var types []string
	for t := range r.EventsByType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		prf("  "+t, *r.EventsByType[t])
	}
	p("%-22s %.3f (%d/%d)\n", "argument accuracy", r.ArgumentsAll.Accuracy, r.ArgumentsAll.Correct, r.ArgumentsAll.Checked)
	var args []string
	for a := range r.Arguments {
		args = append(args, a)
	}
	sort.Strings(args)
	for _, a := range args {
		x := r.Arguments[a]
		p("  %-20s %.3f (%d/%d)\n", a, x.Accuracy, x.Correct, x.Checked)
	}
	prf("relations", r.Relations)
	p("%-22s %d\n", "negatives produced", len(r.Negatives))
	if !details {
		return nil
	}
	list := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		p("\n%s (%d):\n", title, len(items))
		for _, s := range items {
			p("  %s\n", s)
		}
	}
	list("negatives produced", r.Negatives)
	list("misses", r.Misses)
	list("spurious", r.Spurious)
	list("class errors", r.ClassErrors)
	list("argument errors", r.ArgErrors)
	return nil
}
