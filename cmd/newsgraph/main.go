// Command newsgraph turns news articles into a knowledge graph: it extracts
// entities, events and relations with their evidence, stores them in a
// Cayley quad store, fuses the events that several articles report, and
// answers questions about them.
//
// Usage:
//
//	newsgraph <command> [arguments]
//
// Run "newsgraph help" for the list of commands and "newsgraph help
// <command>" for the flags of each.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
	"syscall"

	"github.com/spf13/pflag"
	"golang.org/x/term"
)

// Command is one newsgraph subcommand, as the go command has them.
type Command struct {
	// Name is the word that selects the command.
	Name string
	// UsageLine is the one-line synopsis, without "newsgraph ".
	UsageLine string
	// Short is a one-line description for the command list.
	Short string
	// Long is the full description shown by "newsgraph help NAME".
	Long string
	// New returns a fresh runner, whose flags are defined on a new
	// pflag.FlagSet at each invocation.
	New func() runner
}

// runner is the state of one invocation of a command: its flag values and
// its run function.
type runner interface {
	// flags defines the command's flags on fs; env supplies defaults from
	// the environment.
	flags(fs *pflag.FlagSet, env *Env)
	// run runs the command with the arguments left after the flags.
	run(ctx context.Context, env *Env, args []string) error
}

// commands is the command table, in the order "newsgraph help" lists it.
var commands = []*Command{
	cmdExtract,
	cmdIngest,
	cmdDelete,
	cmdCompact,
	cmdWorker,
	cmdEvents,
	cmdQuery,
	cmdExport,
	cmdServe,
	cmdStats,
	cmdSchema,
	cmdEval,
	cmdGen,
	cmdVersion,
}

// Env is what a command sees of the process: its standard streams and
// environment. Tests run commands in-process with their own Env.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads an environment variable (default os.Getenv).
	Getenv func(string) string
	// Interactive tells whether stderr is a terminal, for progress bars.
	Interactive bool
}

func (e *Env) getenv(key string) string {
	if e.Getenv == nil {
		return ""
	}
	return e.Getenv(key)
}

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // the command failed, or skipped some of its inputs
	exitUsage = 2 // unknown command, bad flag or arguments
)

// usageError is a mistake in the command line: it is reported with the
// command's usage and exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// errReported means the command has already reported its problems on
// stderr: it just exits with status 1.
var errReported = errors.New("problems reported")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// After the first signal the command winds down; a second one
		// kills the process.
		<-ctx.Done()
		stop()
	}()
	env := &Env{
		Stdin:       os.Stdin,
		Stdout:      os.Stdout,
		Stderr:      os.Stderr,
		Getenv:      os.Getenv,
		Interactive: term.IsTerminal(int(os.Stderr.Fd())),
	}
	stopProfile := startProfile(os.Getenv("NEWSGRAPH_CPUPROFILE"), env.Stderr)
	code := Main(ctx, os.Args[1:], env)
	stopProfile()
	writeMemProfile(os.Getenv("NEWSGRAPH_MEMPROFILE"), env.Stderr)
	os.Exit(code)
}

// writeMemProfile writes the heap profile of the run (every allocation
// since the start, and what is live at the end; 'go tool pprof
// -sample_index=alloc_space') to path, when path is not empty.
func writeMemProfile(path string, stderr io.Writer) {
	if path == "" {
		return
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.Lookup("allocs").WriteTo(f, 0)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph: NEWSGRAPH_MEMPROFILE: %v\n", err)
	}
}

// startProfile writes a CPU profile of the run to path (for 'go tool
// pprof'; see BENCHMARKS.md), when path is not empty, and returns the
// function that ends it.
func startProfile(path string, stderr io.Writer) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph: NEWSGRAPH_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// Main runs the newsgraph command line args (without the program name) and
// returns the exit status.
func Main(ctx context.Context, args []string, env *Env) int {
	if len(args) == 0 {
		printUsage(env.Stderr)
		return exitUsage
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		return help(env, args[1:])
	case "--version", "-version":
		args = []string{"version"}
	}
	cmd := lookup(args[0])
	if cmd == nil {
		fmt.Fprintf(env.Stderr, "newsgraph: unknown command %q\nRun 'newsgraph help' for usage.\n", args[0])
		return exitUsage
	}
	fs := pflag.NewFlagSet(cmd.Name, pflag.ContinueOnError)
	fs.SortFlags = false
	fs.SetOutput(io.Discard)
	r := cmd.New()
	r.flags(fs, env)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			printHelp(env.Stdout, cmd, env)
			return exitOK
		}
		return usageFailure(env, cmd, err)
	}
	err := r.run(ctx, env, fs.Args())
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		return usageFailure(env, cmd, err)
	case errors.Is(err, errReported):
		return exitError
	default:
		fmt.Fprintf(env.Stderr, "newsgraph %s: %v\n", cmd.Name, err)
		return exitError
	}
}

func usageFailure(env *Env, cmd *Command, err error) int {
	fmt.Fprintf(env.Stderr, "newsgraph %s: %v\nusage: newsgraph %s\nRun 'newsgraph help %s' for details.\n", cmd.Name, err, cmd.UsageLine, cmd.Name)
	return exitUsage
}

func lookup(name string) *Command {
	for _, c := range commands {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// help implements "newsgraph help [COMMAND]".
func help(env *Env, args []string) int {
	switch len(args) {
	case 0:
		printUsage(env.Stdout)
		return exitOK
	case 1:
		cmd := lookup(args[0])
		if cmd == nil {
			fmt.Fprintf(env.Stderr, "newsgraph help: unknown command %q\nRun 'newsgraph help' for usage.\n", args[0])
			return exitUsage
		}
		printHelp(env.Stdout, cmd, env)
		return exitOK
	default:
		fmt.Fprintf(env.Stderr, "usage: newsgraph help [command]\n")
		return exitUsage
	}
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, "newsgraph turns news articles into a knowledge graph.\n\nUsage:\n\n\tnewsgraph <command> [arguments]\n\nThe commands are:\n\n")
	width := 0
	for _, c := range commands {
		width = max(width, len(c.Name))
	}
	for _, c := range commands {
		fmt.Fprintf(w, "\t%-*s  %s\n", width, c.Name, c.Short)
	}
	fmt.Fprint(w, "\nUse \"newsgraph help <command>\" for more information about a command,\n\"newsgraph --version\" (or \"newsgraph version\") for the binary's version and commit.\n")
}

func printHelp(w io.Writer, cmd *Command, env *Env) {
	fmt.Fprintf(w, "usage: newsgraph %s\n\n%s\n", cmd.UsageLine, strings.TrimSpace(cmd.Long))
	fs := pflag.NewFlagSet(cmd.Name, pflag.ContinueOnError)
	fs.SortFlags = false
	cmd.New().flags(fs, env)
	if fs.HasFlags() {
		fmt.Fprintf(w, "\nFlags:\n%s", fs.FlagUsages())
	}
}
