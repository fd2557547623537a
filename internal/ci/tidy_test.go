package ci

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// TestModTidy: go.mod and go.sum are what `go mod tidy` makes of them
// (direct dependencies not marked indirect, nothing missing or left
// over), as .ci/run also checks before the tests.
func TestModTidy(t *testing.T) {
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := exec.LookPath(goBin); err != nil {
		if goBin, err = exec.LookPath("go"); err != nil {
			t.Fatal("no go command")
		}
	}
	cmd := exec.Command(goBin, "mod", "tidy", "-diff")
	cmd.Dir = filepath.Join(filepath.Dir(script(t)), "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod tidy -diff: %v: run 'go mod tidy':\n%s", err, out)
	}
}
