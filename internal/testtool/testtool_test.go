package testtool

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRequire runs a helper test in a child process, with PATH holding
// only a directory with or without the tool, with and without CI=true,
// and checks that it passes, fails or skips as promised.
func TestRequire(t *testing.T) {
	if os.Getenv("TESTTOOL_CHILD") == "1" {
		p := Require(t, "newsgraph-fake-tool", "fake-pkg")
		t.Logf("found %s", p)
		return
	}
	withTool := t.TempDir()
	if err := os.WriteFile(filepath.Join(withTool, "newsgraph-fake-tool"), []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	without := t.TempDir()
	tests := []struct {
		name    string
		path    string
		ci      string
		wantErr bool
		want    string // in the child's output
	}{
		{"installed, CI", withTool, "true", false, "found "},
		{"installed, not CI", withTool, "", false, "found "},
		{"missing, CI", without, "true", true, "not installed (CI=true): apt-get install -y fake-pkg"},
		{"missing, not CI", without, "", false, "SKIP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestRequire$", "-test.v")
			cmd.Env = append(os.Environ(), "TESTTOOL_CHILD=1", "PATH="+tt.path, "CI="+tt.ci)
			out, err := cmd.CombinedOutput()
			if (err != nil) != tt.wantErr || !strings.Contains(string(out), tt.want) {
				t.Errorf("child: err %v (want error: %v), output lacks %q:\n%s", err, tt.wantErr, tt.want, out)
			}
		})
	}
}
