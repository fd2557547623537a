package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/server"
	"github.com/newsgraph/newsgraph/web"
)

var cmdServe = &Command{
	Name:      "serve",
	UsageLine: "serve [--db BACKEND] [--dbpath P] [--addr HOST:PORT] [--allow-host NAME]... [--cors ORIGIN]... [--read-only=true] [--token-file F] [--query-timeout D] [--query-memory SIZE]",
	Short:     "serve the graph over HTTP: explorer, typed GraphQL, Cayley API",
	Long: `
Serve serves the graph over HTTP until interrupted: the explorer (a web
page: timeline, graph, map, entity pages, query box) at /, the typed
GraphQL API at /graphql, Cayley's API v2 under /api/v2/ (for example POST
/api/v2/query?lang=gizmo with the query as the body), the table of
'newsgraph events --format csv' at /events.csv (and tsv at /events.tsv;
select with ?type=, actor=, country=, since=, until=), which the
explorer's timeline offers for download, and a health check at /healthz.

It listens on 127.0.0.1:7474 by default, reachable from this machine only;
give --addr to listen elsewhere. Requests are answered when their Host
header is an IP address, localhost, the host of --addr or a name given with
--allow-host (repeatable; "*" for any): a web page on another domain that
resolves to this machine (DNS rebinding) gets 403. Query requests must
carry a Content-Type other than a form's or text/plain (for example
application/json or application/javascript) or an X-Requested-With header,
so that other web sites cannot send them from a user's browser. --cors
ORIGIN (repeatable or a comma-separated list, such as
http://localhost:8888; "*" for any) lets web pages of that origin — a
notebook, a front end served elsewhere — query the server and read the
answers: their CORS preflights are approved (GET and POST, with
Content-Type, X-Requested-With and Authorization), other origins'
refused; without --cors no CORS header is sent. Their queries still
need the Content-Type or header above, and the Host check still applies.
The typed GraphQL API answers the introspection query of standard
clients (GraphiQL, Apollo, graphql-codegen); ordinary queries nest at
most 12 fields deep. The graph is served read-only. With
--read-only=false, Cayley's write endpoints are enabled for clients that
send "Authorization: Bearer TOKEN", the token being the content of
--token-file, which is then required.

Every request runs under --query-timeout (504 beyond it, even for a
runaway Gizmo loop). No Gizmo query, however malformed, ends the process,
and each may grow memory (heap and stack) by --query-memory at most (256
MiB by default) before it is stopped with a 400 naming the budget. A
JavaScript built-in that would allocate past that budget in one call
(join, concat, replace, split, match, toUpperCase, JSON.stringify,
JSON.parse, Object.keys, encodeURIComponent ...) is refused with a 400
before it allocates, and a regular expression that runs longer than 1 s
on one call ends the query with a 400, as does a query nested more than
1000 levels deep. Bodies are capped at 10 MiB (413
beyond), Gizmo results at 10000 and query answers at 16 MiB; 2*GOMAXPROCS
queries run at once, at least 64 more wait for a slot (504 if their
deadline passes while they wait) and further ones get 503. Clients that
send their requests or read their answers too slowly, or keep idle
connections open, are disconnected. Error messages carry no stack traces
or file paths.
`,
	New: func() runner { return &serveCmd{} },
}

// listen is net.Listen, replaced by a test that must not need port 7474.
var listen = net.Listen

type serveCmd struct {
	store        storeFlags
	addr         string
	readOnly     bool
	tokenFile    string
	queryTimeout time.Duration
	queryMemory  byteSize
	allowHosts   []string
	cors         []string
}

func (c *serveCmd) flags(fs *pflag.FlagSet, env *Env) {
	c.store.register(fs, env)
	fs.StringVar(&c.addr, "addr", server.DefaultAddr, "listen on `HOST:PORT`")
	fs.BoolVar(&c.readOnly, "read-only", true, "serve the graph read-only (--read-only=false enables writes, with --token-file)")
	fs.StringVar(&c.tokenFile, "token-file", "", "`FILE` holding the bearer token that writes require")
	fs.DurationVar(&c.queryTimeout, "query-timeout", server.DefaultQueryTimeout, "time limit of one request")
	c.queryMemory = server.DefaultQueryMemory
	fs.Var(&c.queryMemory, "query-memory", "memory budget of one Gizmo query, `SIZE` in bytes or with K, M, G (KiB, MiB, GiB)")
	fs.StringSliceVar(&c.allowHosts, "allow-host", nil, "also answer requests whose Host header is `NAME` (repeatable; \"*\": any)")
	fs.StringSliceVar(&c.cors, "cors", nil, "let web pages of `ORIGIN` (http://host:port; repeatable or comma-separated; \"*\": any) query the server (CORS)")
}

func (c *serveCmd) run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected arguments %q", args)
	}
	if c.queryMemory <= 0 {
		return usagef("--query-memory must be positive")
	}
	opts := server.Options{Addr: c.addr, ReadOnly: c.readOnly, QueryTimeout: c.queryTimeout,
		QueryMemory: int64(c.queryMemory), AllowedHosts: c.allowHosts}
	for _, o := range c.cors {
		n, err := server.NormalizeOrigin(o)
		if err != nil {
			return usagef("--cors: %v", err)
		}
		opts.CORSOrigins = append(opts.CORSOrigins, n)
	}
	if c.tokenFile != "" {
		data, err := os.ReadFile(c.tokenFile)
		if err != nil {
			return fmt.Errorf("%s: %w", c.tokenFile, pathErr(err))
		}
		opts.Token = strings.TrimSpace(string(data))
		if opts.Token == "" {
			return fmt.Errorf("%s: the token file is empty", c.tokenFile)
		}
	}
	if !c.readOnly && opts.Token == "" {
		return usagef("--read-only=false needs --token-file: writes require a bearer token")
	}
	store, err := c.store.open(ctx, c.readOnly)
	if err != nil {
		return err
	}
	defer store.Close()
	ln, err := listen("tcp", c.addr)
	if err != nil {
		return err
	}
	mode := "read-only"
	if !c.readOnly {
		mode = "writes need the bearer token"
	}
	fmt.Fprintf(env.Stderr, "newsgraph serve: serving %s on http://%s (%s); Ctrl-C stops\n", c.store.where(), ln.Addr(), mode)
	h := &cgraph.Handle{QuadStore: store.QuadStore()}
	typed, err := api.NewHandler(store, api.Options{Timeout: c.queryTimeout})
	if err != nil {
		ln.Close()
		return err
	}
	table := eventTableHandler(store)
	for path := range eventTablePaths {
		opts.Routes = append(opts.Routes, server.Route{Pattern: path, Handler: table})
	}
	opts.Routes = append(opts.Routes, web.Routes(typed)...)
	opts.GraphQL = store.GraphQL
	if err := server.Serve(ctx, ln, h, opts); err != nil {
		return err
	}
	fmt.Fprintln(env.Stderr, "newsgraph serve: stopped")
	return nil
}
