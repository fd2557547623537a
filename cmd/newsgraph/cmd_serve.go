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
	UsageLine: "serve [--db BACKEND] [--dbpath P] [--addr HOST:PORT] [--read-only=true] [--token-file F] [--query-timeout D]",
	Short:     "serve the graph over HTTP: explorer, typed GraphQL, Cayley API",
	Long: `
Serve serves the graph over HTTP until interrupted: the explorer (a web
page: timeline, graph, map, entity pages, query box) at /, the typed
GraphQL API at /graphql, Cayley's API v2 under /api/v2/ (for example POST
/api/v2/query?lang=gizmo with the query as the body) and a health check at
/healthz.

It listens on 127.0.0.1:7474 by default, reachable from this machine only;
give --addr to listen elsewhere. The graph is served read-only. With
--read-only=false, Cayley's write endpoints are enabled for clients that
send "Authorization: Bearer TOKEN", the token being the content of
--token-file, which is then required.

Every request runs under --query-timeout (504 beyond it, even for a
runaway Gizmo loop); bodies are capped at 10 MiB, Gizmo results at 10000
and query answers at 16 MiB; 2*GOMAXPROCS queries run at once, at least
64 more wait for a slot and further ones get 503. Clients that send their
requests or read their answers too slowly, or keep idle connections open,
are disconnected. Error messages carry no stack traces or file paths.
`,
	New: func() runner { return &serveCmd{} },
}

type serveCmd struct {
	store        storeFlags
	addr         string
	readOnly     bool
	tokenFile    string
	queryTimeout time.Duration
}

func (c *serveCmd) flags(fs *pflag.FlagSet, env *Env) {
	c.store.register(fs, env)
	fs.StringVar(&c.addr, "addr", server.DefaultAddr, "listen on `HOST:PORT`")
	fs.BoolVar(&c.readOnly, "read-only", true, "serve the graph read-only (--read-only=false enables writes, with --token-file)")
	fs.StringVar(&c.tokenFile, "token-file", "", "`FILE` holding the bearer token that writes require")
	fs.DurationVar(&c.queryTimeout, "query-timeout", server.DefaultQueryTimeout, "time limit of one request")
}

func (c *serveCmd) run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected arguments %q", args)
	}
	opts := server.Options{Addr: c.addr, ReadOnly: c.readOnly, QueryTimeout: c.queryTimeout}
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
	ln, err := net.Listen("tcp", c.addr)
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
	opts.Routes = web.Routes(typed)
	if err := server.Serve(ctx, ln, h, opts); err != nil {
		return err
	}
	fmt.Fprintln(env.Stderr, "newsgraph serve: stopped")
	return nil
}
