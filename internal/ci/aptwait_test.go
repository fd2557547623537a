package ci

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// fakeAptGet is an apt-get that fails as Debian's does while the file
// $FAKE_LOCK exists, fails with another error when $FAKE_FAIL is set, and
// otherwise succeeds; each run appends its arguments to $FAKE_LOG.
const fakeAptGet = `#!/bin/sh
echo "$*" >> "$FAKE_LOG"
if [ -e "$FAKE_LOCK" ]; then
  echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)" >&2
  echo "E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?" >&2
  exit 100
fi
if [ -n "$FAKE_FAIL" ]; then
  echo "E: Unable to locate package nosuchpackage" >&2
  exit 100
fi
exit 0
`

// script is the path of .ci/apt-get-wait.
func script(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", ".ci", "apt-get-wait")
}

// TestAptGetWait runs .ci/apt-get-wait against a fake apt-get on PATH:
// it waits while the package lock is held and runs apt-get once the lock
// is free, gives up after its timeout, and returns any other failure at
// once.
func TestAptGetWait(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Fatal("bash is needed to run .ci/apt-get-wait")
	}
	tests := []struct {
		name     string
		release  time.Duration // when the lock is released (0: never held, <0: never released)
		fail     bool          // apt-get fails for another reason
		timeout  string
		wantOK   bool
		minRuns  int
		maxRuns  int
		wantErr  string
		maxTaken time.Duration
	}{
		{name: "lock free", wantOK: true, timeout: "30", minRuns: 1, maxRuns: 1, maxTaken: 5 * time.Second},
		{name: "lock released after a second", release: time.Second, timeout: "30", wantOK: true, minRuns: 2, maxRuns: 20, wantErr: "trying again", maxTaken: 10 * time.Second},
		{name: "lock never released", release: -1, timeout: "2", minRuns: 2, maxRuns: 20, wantErr: "still held after 2s", maxTaken: 10 * time.Second},
		{name: "another failure", fail: true, timeout: "30", minRuns: 1, maxRuns: 1, wantErr: "Unable to locate package", maxTaken: 5 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			bin := filepath.Join(dir, "bin")
			if err := os.Mkdir(bin, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(bin, "apt-get"), []byte(fakeAptGet), 0o755); err != nil {
				t.Fatal(err)
			}
			lock := filepath.Join(dir, "lock-frontend")
			log := filepath.Join(dir, "runs")
			if tt.release != 0 {
				if err := os.WriteFile(lock, nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tt.release > 0 {
				timer := time.AfterFunc(tt.release, func() { os.Remove(lock) })
				defer timer.Stop()
			}
			cmd := exec.Command("bash", script(t), "install", "-y", "graphviz")
			cmd.Env = append(os.Environ(),
				"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
				"FAKE_LOCK="+lock, "FAKE_LOG="+log,
				"APT_WAIT_TIMEOUT="+tt.timeout, "APT_WAIT_INTERVAL=0.2")
			if tt.fail {
				cmd.Env = append(cmd.Env, "FAKE_FAIL=1")
			}
			start := time.Now()
			out, err := cmd.CombinedOutput()
			taken := time.Since(start)
			if (err == nil) != tt.wantOK {
				t.Fatalf("err %v, want ok %v; output:\n%s", err, tt.wantOK, out)
			}
			if tt.wantErr != "" && !strings.Contains(string(out), tt.wantErr) {
				t.Errorf("output lacks %q:\n%s", tt.wantErr, out)
			}
			data, _ := os.ReadFile(log)
			runs := strings.Split(strings.TrimSpace(string(data)), "\n")
			if len(runs) < tt.minRuns || len(runs) > tt.maxRuns {
				t.Errorf("apt-get ran %d times, want %d to %d", len(runs), tt.minRuns, tt.maxRuns)
			}
			if !strings.Contains(runs[0], "DPkg::Lock::Timeout="+tt.timeout+" install -y graphviz") {
				t.Errorf("apt-get ran with %q", runs[0])
			}
			if taken > tt.maxTaken {
				t.Errorf("took %v", taken)
			}
		})
	}
}

// TestRunUsesAptGetWait: .ci/run installs through apt-get-wait, never by
// a bare apt-get that fails while another install holds the lock.
func TestRunUsesAptGetWait(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(filepath.Dir(script(t)), "run"))
	if err != nil {
		t.Fatal(err)
	}
	uses := 0
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			switch w {
			case "apt-get", "apt":
				t.Errorf(".ci/run:%d runs %s directly: %s", i+1, w, line)
			case ".ci/apt-get-wait":
				uses++
			}
		}
	}
	if uses == 0 {
		t.Error(".ci/run does not use .ci/apt-get-wait")
	}
}
