package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/spf13/pflag"
)

var cmdVersion = &Command{
	Name:      "version",
	UsageLine: "version",
	Short:     "print newsgraph's version",
	Long: `
Version prints the module version of the binary, the commit it was built
from (with "+dirty" when the work tree had uncommitted changes) and the Go
version, as the build recorded them. "newsgraph --version" prints the same.
`,
	New: func() runner { return &versionCmd{} },
}

type versionCmd struct{}

func (c *versionCmd) flags(fs *pflag.FlagSet, env *Env) {}

func (c *versionCmd) run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected arguments %q", args)
	}
	info, _ := debug.ReadBuildInfo()
	printVersion(env.Stdout, info)
	return nil
}

// printVersion writes one line: "newsgraph VERSION (commit REV[+dirty],
// DATE) GOVERSION". A binary built without module information (go run of a
// file) reports "(devel)".
func printVersion(w io.Writer, info *debug.BuildInfo) {
	version, goVersion := "(devel)", runtime.Version()
	var rev, at, dirty string
	if info != nil {
		if info.Main.Version != "" {
			version = info.Main.Version
		}
		if info.GoVersion != "" {
			goVersion = info.GoVersion
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				at = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					dirty = "+dirty"
				}
			}
		}
	}
	fmt.Fprintf(w, "newsgraph %s", version)
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		fmt.Fprintf(w, " (commit %s%s", rev, dirty)
		if at != "" {
			fmt.Fprintf(w, ", %s", at)
		}
		fmt.Fprint(w, ")")
	}
	fmt.Fprintf(w, " %s\n", goVersion)
}
