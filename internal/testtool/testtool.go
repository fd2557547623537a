// Package testtool finds the external programs tests check their output
// with (rapper from raptor2-utils, dot from Graphviz, node with the npm
// packages of JSDir). CI installs them
// (.ci/run), so there a missing tool fails the test: a check that silently
// drops out could hide a regression. Elsewhere the test is skipped, naming
// the package to install.
package testtool

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Require returns the path of program name. When it is not installed, the
// test fails under CI=true and is skipped otherwise; pkg is the Debian
// package that provides it.
func Require(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed (CI=true): apt-get install -y %s", name, pkg)
	}
	t.Skipf("%s is not installed: apt-get install -y %s", name, pkg)
	return ""
}

// JSDir is the directory of the JavaScript libraries tests run with node
// (package.json and package-lock.json; `npm ci` there installs them, as
// .ci/run does) and of the scripts that use them.
func JSDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "js")
}

// RequireNodeModule returns the path of node when it is installed and
// npm package module is installed in JSDir; otherwise the test fails
// under CI=true and is skipped elsewhere, naming the command to run.
func RequireNodeModule(t testing.TB, module string) string {
	t.Helper()
	node := Require(t, "node", "nodejs")
	if _, err := os.Stat(filepath.Join(JSDir(), "node_modules", module, "package.json")); err != nil {
		msg := "npm package " + module + " is not installed: (cd " + JSDir() + " && npm ci)"
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s (CI=true)", msg)
		}
		t.Skip(msg)
	}
	return node
}
