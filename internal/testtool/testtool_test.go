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

// TestRequireNodeModule runs a helper test in a child process, with a
// node on PATH, asking for an npm package that JSDir has or lacks, with
// and without CI=true.
func TestRequireNodeModule(t *testing.T) {
	if m := os.Getenv("TESTTOOL_MODULE"); m != "" {
		p := RequireNodeModule(t, m)
		t.Logf("found %s", p)
		return
	}
	withNode := t.TempDir()
	if err := os.WriteFile(filepath.Join(withNode, "node"), []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(JSDir(), "node_modules", "newsgraph-fake-module"), 0o755); err != nil {
		t.Fatal(err)
	}
	fake := filepath.Join(JSDir(), "node_modules", "newsgraph-fake-module")
	t.Cleanup(func() { os.RemoveAll(fake) })
	if err := os.WriteFile(filepath.Join(fake, "package.json"), []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, module, ci string
		wantErr          bool
		want             string
	}{
		{"installed, CI", "newsgraph-fake-module", "true", false, "found "},
		{"missing, CI", "newsgraph-missing-module", "true", true, "npm ci"},
		{"missing, not CI", "newsgraph-missing-module", "", false, "SKIP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestRequireNodeModule$", "-test.v")
			cmd.Env = append(os.Environ(), "TESTTOOL_MODULE="+tt.module, "PATH="+withNode, "CI="+tt.ci)
			out, err := cmd.CombinedOutput()
			if (err != nil) != tt.wantErr || !strings.Contains(string(out), tt.want) {
				t.Errorf("child: err %v (want error: %v), output lacks %q:\n%s", err, tt.wantErr, tt.want, out)
			}
		})
	}
}
