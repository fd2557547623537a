// Package testtool finds the external programs tests check their output
// with (rapper from raptor2-utils, dot from Graphviz). CI installs them
// (.ci/run), so there a missing tool fails the test: a check that silently
// drops out could hide a regression. Elsewhere the test is skipped, naming
// the package to install.
package testtool

import (
	"os"
	"os/exec"
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
