package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/newsgraph/newsgraph/queue"
)

var streamSeq atomic.Int64

// natsStream returns a NATS URL and a stream name of the test's own; the
// stream is deleted when the test ends. Without a reachable server the
// test fails under CI=true and is skipped otherwise.
func natsStream(t *testing.T) (url, stream string) {
	t.Helper()
	url = "nats://127.0.0.1:4222"
	if u := os.Getenv("NEWSGRAPH_TEST_NATS"); u != "" {
		url = u
	}
	nc, err := nats.Connect(url, nats.Timeout(2*time.Second))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("NATS unreachable at %s: %v", url, err)
		}
		t.Skipf("NATS unreachable at %s: %v", url, err)
	}
	nc.Close()
	stream = fmt.Sprintf("NGTEST_CMD_%d_%d", os.Getpid(), streamSeq.Add(1))
	t.Cleanup(func() {
		// The stream exists once ingest --queue or a worker ran.
		queue.Delete(context.Background(), queue.Config{URL: url, Stream: stream})
	})
	return url, stream
}

// queueCorpus writes the test's inputs, files, HTML and JSON Lines as
// ingest reads them: the example articles, and n invented reports, most
// of them of the same five strikes (by one country on another, a few
// weeks apart, with differing death tolls), each taking the test
// extractor 100ms (SLOW_EXTRACT) so that a worker holds its documents a
// while. It returns the paths to give ingest.
//
// The strikes are weeks apart: reports of strikes on consecutive days
// fuse in chains whose outcome depends on the order the reports are
// stored in, and workers store them in no set order.
func queueCorpus(t *testing.T, n int) []string {
	t.Helper()
	dir := writeArticles(t, articles)
	var lines []string
	for i := range n {
		day := fmt.Sprintf("2024-%02d-%02d", 2+i%5, 1+6*(i%5))
		var text string
		switch i % 3 {
		case 0:
			text = fmt.Sprintf("Pakistan launched a strike on Iran at dawn, killing %d. SLOW_EXTRACT", 3+i%4)
		case 1:
			text = fmt.Sprintf("Iran said the strike by Pakistan hit a village, killing %d. SLOW_EXTRACT", 2+i%5)
		default:
			text = "Pakistan and Iran held talks about the border. SLOW_EXTRACT"
		}
		lines = append(lines, fmt.Sprintf(`{"id": "report-%03d", "title": "Report %d", "published": %q, "source": "Invented Wire", "text": %q}`+"\n", i, i, day, text))
	}
	return []string{dir, writeLines(t, t.TempDir(), "reports.jsonl", lines)}
}

// exportSorted returns the store's N-Quads export, sorted by line.
func exportSorted(t *testing.T, store []string) []string {
	t.Helper()
	r := runBinary(t, invocation{args: append([]string{"export", "--format", "nquads"}, store...)})
	if r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	slices.Sort(lines)
	return lines
}

var (
	publishedRe = regexp.MustCompile(`documents: (\d+) published to stream \S+ \((\d+) new, (\d+) duplicates\), (\d+) skipped`)
	takenRe     = regexp.MustCompile(`queue: +(\d+) taken from stream \S+, (\d+) of them delivered again`)
)

// publishDocs runs ingest --queue and returns its counts: published, new,
// duplicates.
func publishDocs(t *testing.T, url, stream string, paths []string) (total, fresh, dups int) {
	t.Helper()
	args := append([]string{"ingest", "--queue", url, "--stream", stream}, paths...)
	r := runBinary(t, invocation{args: args})
	m := publishedRe.FindStringSubmatch(r.stdout)
	if r.code != 0 || m == nil || m[4] != "0" {
		t.Fatalf("ingest --queue: %+v", r)
	}
	total, _ = strconv.Atoi(m[1])
	fresh, _ = strconv.Atoi(m[2])
	dups, _ = strconv.Atoi(m[3])
	return total, fresh, dups
}

// workerRun is one worker process.
type workerRun struct {
	cmd    *exec.Cmd
	stdout bytes.Buffer
	lines  chan string // its standard error, line by line; closed at EOF
	exited chan error
	mu     sync.Mutex
	stderr strings.Builder
}

// startWorker starts a worker process (with --drain and -v) on the
// stream, with the test extractor, extracting one document at a time.
func startWorker(t *testing.T, url, stream string, store []string, batch int) *workerRun {
	t.Helper()
	args := []string{"worker", "--queue", url, "--stream", stream, "--extractor", testExtractorName,
		"--workers", "1", "--batch", strconv.Itoa(batch), "--ack-wait", "2s", "--drain", "-v"}
	w := &workerRun{cmd: exec.Command(binPath, append(args, store...)...), lines: make(chan string, 1024), exited: make(chan error, 1)}
	w.cmd.Env = testEnviron(nil)
	w.cmd.Stdout = &w.stdout
	pipe, err := w.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := w.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		w.cmd.Process.Kill()
		<-w.exited
	})
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			w.mu.Lock()
			w.stderr.WriteString(sc.Text() + "\n")
			w.mu.Unlock()
			select {
			case w.lines <- sc.Text():
			default:
			}
		}
		close(w.lines)
		w.exited <- w.cmd.Wait()
		close(w.exited)
	}()
	return w
}

// waitFor reads the worker's lines until one contains s; false if the
// worker ended first.
func (w *workerRun) waitFor(s string) bool {
	for l := range w.lines {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// finish waits for the worker to exit and returns how many documents it
// took and how many of them had been delivered before.
func (w *workerRun) finish(t *testing.T) (taken, again int) {
	t.Helper()
	for range w.lines {
	}
	err := <-w.exited
	w.mu.Lock()
	stderr := w.stderr.String()
	w.mu.Unlock()
	m := takenRe.FindStringSubmatch(w.stdout.String())
	if err != nil || m == nil {
		t.Fatalf("worker: %v\nstdout:\n%s\nstderr:\n%s", err, w.stdout.String(), stderr)
	}
	taken, _ = strconv.Atoi(m[1])
	again, _ = strconv.Atoi(m[2])
	return taken, again
}

// TestQueueWorkersSIGKILL publishes a corpus to a work queue and stores
// it with three worker processes into one PostgreSQL database, killing
// one with SIGKILL while it holds documents it has not stored: the other
// two get them again, and the store then equals a one-shot ingest of the
// same input, quad for quad (same documents, once each, the same fused
// events).
func TestQueueWorkersSIGKILL(t *testing.T) {
	url, stream := natsStream(t)
	paths := queueCorpus(t, 45)
	shared := []string{"--db", "postgres", "--dbpath", postgresDSN(t)}
	oneShot := []string{"--db", "postgres", "--dbpath", postgresDSN(t)}

	total, fresh, _ := publishDocs(t, url, stream, paths)
	if total != 50 || fresh != 50 {
		t.Fatalf("published %d (%d new), want 50", total, fresh)
	}
	victim := startWorker(t, url, stream, shared, 8)
	if !victim.waitFor("stored") {
		t.Fatalf("the first worker ended before storing anything: %s", victim.stdout.String())
	}
	others := []*workerRun{startWorker(t, url, stream, shared, 2), startWorker(t, url, stream, shared, 2)}
	// The victim's next batch: it has taken documents and is extracting
	// them (800ms) when it is killed.
	if !victim.waitFor("took") {
		t.Fatalf("the first worker ended before its kill (no kill mid-run): %s", victim.stdout.String())
	}
	victim.cmd.Process.Kill()
	<-victim.exited

	taken, again := 0, 0
	for _, w := range others {
		n, a := w.finish(t)
		taken, again = taken+n, again+a
	}
	if again == 0 {
		t.Errorf("no document was delivered again after the kill (taken by the survivors: %d)", taken)
	}
	r := runBinary(t, invocation{args: append(append([]string{"ingest", "--extractor", testExtractorName}, oneShot...), paths...)})
	if r.code != 0 || !strings.Contains(r.stdout, "documents: 50 stored") {
		t.Fatalf("one-shot ingest: %+v", r)
	}
	got, want := exportSorted(t, shared), exportSorted(t, oneShot)
	if !slices.Equal(got, want) {
		t.Errorf("the workers' store differs from a one-shot ingest: %s", diffQuads(got, want))
	}
	t.Logf("survivors took %d documents, %d of them again after the kill; %d quads", taken, again, len(got))
}

// TestQueuePublishTwice publishes the same input twice and stores it once.
// Within the server's duplicate window the second publication is dropped
// (each message id is the document's content hash); published past it
// (a new stream here), the documents are delivered again and the store
// finds each one unchanged.
func TestQueuePublishTwice(t *testing.T) {
	paths := queueCorpus(t, 4)
	store := []string{"--db", "bolt", "--dbpath", filepath.Join(t.TempDir(), "graph.db")}
	oneShot := []string{"--db", "bolt", "--dbpath", filepath.Join(t.TempDir(), "graph.db")}
	url, first := natsStream(t)
	_, second := natsStream(t)
	tests := []struct {
		name                  string
		stream                string
		wantNew, wantDups     int
		wantTaken             int
		wantAdded, wantUnchgd string
	}{
		{"first publication", first, 9, 0, 9, "9", "0"},
		{"same stream again: dropped as duplicates", first, 0, 9, 0, "0", "0"},
		{"another stream: stored unchanged", second, 9, 0, 9, "0", "9"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, fresh, dups := publishDocs(t, url, tc.stream, paths)
			if fresh != tc.wantNew || dups != tc.wantDups {
				t.Errorf("published %d new, %d duplicates; want %d, %d", fresh, dups, tc.wantNew, tc.wantDups)
			}
			w := startWorker(t, url, tc.stream, store, 4)
			taken, _ := w.finish(t)
			m := summaryRe.FindStringSubmatch(w.stdout.String())
			if taken != tc.wantTaken || m == nil || m[2] != tc.wantAdded || m[3] != tc.wantUnchgd {
				t.Errorf("worker took %d (want %d): %s", taken, tc.wantTaken, w.stdout.String())
			}
		})
	}
	if r := runBinary(t, invocation{args: append(append([]string{"ingest", "--extractor", testExtractorName}, oneShot...), paths...)}); r.code != 0 {
		t.Fatalf("one-shot ingest: %+v", r)
	}
	if got, want := exportSorted(t, store), exportSorted(t, oneShot); !slices.Equal(got, want) {
		t.Errorf("the store differs from a one-shot ingest: %s", diffQuads(got, want))
	}
}
