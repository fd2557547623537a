package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/schema"
)

var cmdExtract = &Command{
	Name:      "extract",
	UsageLine: "extract [--published DATE] [--extractor NAME] [--workers N] [--max-size SIZE] [--base IRI] PATH...",
	Short:     "extract entities, events and relations from articles",
	Long: `
Extract reads articles and prints what it finds in each, one JSON object per
document per line (JSON Lines), in input order. The objects follow the
extraction record contract (docs/extraction-record.md): the document, its
entities, events and relations, each with the evidence it rests on.

Each PATH is a plain-text file (.txt), an HTML page (.html, .htm: the
article body is extracted, dropping navigation and other boilerplate), a
JSON Lines file (.jsonl: one article per line with "id" and "text" or
"html", and optionally "title", "url", "published" and "source"), a
directory (walked recursively in lexical order; hidden files are skipped),
or "-" for plain text on standard input. Each file may be gzip-compressed
(a.txt.gz, b.jsonl.gz, c.html.gz, or recognised by gzip's magic bytes): it
is read as the file it names without .gz, which is also its document id;
a corrupt one is reported, naming the file. Standard input is read
decompressed too when it begins with gzip's magic bytes
("zcat -f" is not needed: gzip -c a.txt | newsgraph extract -).

A directory may hold a _meta.json file giving the publication date, title,
URL or source of its articles:

	{"default": {"published": "2024-01-18"},
	 "files": {"000_x.txt": {"published": "2024-01-17", "title": "..."}}}

A document's publication date, against which relative dates ("on Tuesday")
are resolved, comes from the document itself, else from _meta.json, else
from a dateline among its first lines, else from --published.

Documents are extracted in parallel on --workers goroutines. Bad inputs are
reported on standard error, naming the file (and line), and skipped; the
exit status is then 1, after the other inputs have been processed.
Memory does not grow with the input: documents are streamed, and the Go
heap is kept under a soft limit of 384 MiB ($GOMEMLIMIT sets another).
`,
	New: func() runner { return &extractCmd{} },
}

type extractCmd struct {
	extractFlags
	base string
}

func (c *extractCmd) flags(fs *pflag.FlagSet, env *Env) {
	c.extractFlags.register(fs)
	fs.StringVar(&c.base, "base", schema.DefaultBase, "`IRI` prefix of the ids printed, as a store with that base names the same nodes")
}

func (c *extractCmd) run(ctx context.Context, env *Env, args []string) error {
	if err := c.check(); err != nil {
		return err
	}
	if len(args) == 0 {
		return usagef("no input: give files, directories or - for standard input")
	}
	limitMemory(env)
	stderr := &lockedWriter{w: env.Stderr}
	p, err := c.pipeline(env.Stdin, func(err error) { fmt.Fprintln(stderr, err) })
	if err != nil {
		return err
	}
	out := bufio.NewWriter(env.Stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	n := 0
	var line []byte // one record's line, reused (recordJSON)
	err = p.Run(ctx, args, func(res extracted) error {
		n++
		res.Record.Resolve(c.base)
		var err error
		if finiteRecord(res.Record) {
			line = append(recordJSON(line[:0], res.Record), '\n')
			_, err = out.Write(line)
		} else {
			err = enc.Encode(res.Record) // fails, as encoding/json does
		}
		if err != nil {
			return fmt.Errorf("writing the record of %s: %w", res.Doc.ID, err)
		}
		return nil
	})
	if ferr := out.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("writing output: %w", ferr)
	}
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return errors.New("interrupted")
		}
		return err
	}
	if s := p.Skipped(); s > 0 {
		fmt.Fprintf(stderr, "newsgraph extract: %d input(s) skipped, %d document(s) extracted\n", s, n)
		return errReported
	}
	return nil
}
