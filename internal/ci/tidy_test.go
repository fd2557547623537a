package ci

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// TestModTidy: go.mod and go.sum are what `go mod tidy` makes of them
// (direct dependencies not marked indirect, nothing missing or left
// over), as .ci/run also checks before the tests.
func TestModTidy(t *testing.T) {
	// go test puts its own GOROOT/bin first on PATH.
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal("no go command on PATH")
	}
	cmd := exec.Command(goBin, "mod", "tidy", "-diff")
	cmd.Dir = filepath.Join(filepath.Dir(script(t)), "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod tidy -diff: %v: run 'go mod tidy':\n%s", err, out)
	}
}
