package queue

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsgraph/newsgraph/extract"
)

// testURL is the NATS server of the tests ($NEWSGRAPH_TEST_NATS to change
// it).
func testURL() string {
	if u := os.Getenv("NEWSGRAPH_TEST_NATS"); u != "" {
		return u
	}
	return "nats://127.0.0.1:4222"
}

var streamSeq atomic.Int64

// testConfig returns the configuration of a stream of the test's own,
// deleted when the test ends. Without a reachable server the test fails
// under CI=true and is skipped otherwise.
func testConfig(t *testing.T) Config {
	t.Helper()
	url := testURL()
	nc, err := nats.Connect(url, nats.Timeout(2*time.Second))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("NATS unreachable at %s: %v", url, err)
		}
		t.Skipf("NATS unreachable at %s: %v", url, err)
	}
	nc.Close()
	cfg := Config{URL: url, Stream: fmt.Sprintf("NGTEST_QUEUE_%d_%d", os.Getpid(), streamSeq.Add(1)), AckWait: time.Second}
	t.Cleanup(func() {
		if err := Delete(context.Background(), cfg); err != nil {
			t.Errorf("deleting the stream: %v", err)
		}
	})
	return cfg
}

func open(t *testing.T, cfg Config) Queue {
	t.Helper()
	q, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

func docs(n int) []extract.Document {
	var out []extract.Document
	for i := range n {
		out = append(out, extract.Document{ID: fmt.Sprintf("doc-%d", i), Title: "Invented report", Published: "2031-03-04", Text: fmt.Sprintf("Storms closed %d roads in an invented valley.", i)})
	}
	return out
}

func publish(t *testing.T, q Queue, ds []extract.Document) PublishStats {
	t.Helper()
	for _, d := range ds {
		if err := q.Publish(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	st, err := q.Flush(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// takeAll takes jobs until it holds n (failing after many empty waits).
func takeAll(t *testing.T, q Queue, n int) []*Job {
	t.Helper()
	var jobs []*Job
	for tries := 0; len(jobs) < n; tries++ {
		if tries == 60 {
			t.Fatalf("took %d jobs, want %d", len(jobs), n)
		}
		got, err := q.Take(context.Background(), n-len(jobs), time.Second)
		if err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, got...)
	}
	return jobs
}

func ids(jobs []*Job) []string {
	var out []string
	for _, j := range jobs {
		out = append(out, j.Doc.ID)
	}
	slices.Sort(out)
	return out
}

// TestEncode checks that a document survives the message, and that its
// hash covers the id, the metadata and the text.
func TestEncode(t *testing.T) {
	base := extract.Document{ID: "a", Title: "T", URL: "https://example.org/a", Source: "Wire", Published: "2030-01-02", Text: "Rain fell."}
	tests := []struct {
		name     string
		change   func(*extract.Document)
		sameHash bool
	}{
		{"same document", func(*extract.Document) {}, true},
		{"another id", func(d *extract.Document) { d.ID = "b" }, false},
		{"another title", func(d *extract.Document) { d.Title = "U" }, false},
		{"another date", func(d *extract.Document) { d.Published = "2030-01-03" }, false},
		{"another text", func(d *extract.Document) { d.Text = "Rain fell again." }, false},
	}
	body, hash, err := Encode(base)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Decode(body); err != nil || got != base {
		t.Fatalf("Decode(Encode(doc)) = %+v, %v", got, err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := base
			tc.change(&d)
			_, h, err := Encode(d)
			if err != nil {
				t.Fatal(err)
			}
			if (h == hash) != tc.sameHash {
				t.Errorf("hash %s against %s: same = %v, want %v", h, hash, h == hash, tc.sameHash)
			}
		})
	}
	for _, bad := range []string{`{`, `{"text":"no id"}`} {
		if _, err := Decode([]byte(bad)); err == nil {
			t.Errorf("Decode(%s): no error", bad)
		}
	}
}

// TestPublishTwice publishes the same documents twice: the second time
// the server drops every one as a duplicate, and a worker takes each
// document once.
func TestPublishTwice(t *testing.T) {
	cfg := testConfig(t)
	q := open(t, cfg)
	ds := docs(5)
	if st := publish(t, q, ds); st != (PublishStats{Published: 5}) {
		t.Fatalf("first publication: %+v", st)
	}
	if st := publish(t, open(t, cfg), ds); st != (PublishStats{Duplicates: 5}) {
		t.Fatalf("second publication: %+v", st)
	}
	jobs := takeAll(t, q, 5)
	for _, j := range jobs {
		if err := j.Ack(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if more, err := q.Take(context.Background(), 5, 100*time.Millisecond); err != nil || len(more) != 0 {
		t.Errorf("after taking every document: %d more, %v", len(more), err)
	}
	if want := []string{"doc-0", "doc-1", "doc-2", "doc-3", "doc-4"}; !slices.Equal(ids(jobs), want) {
		t.Errorf("took %v, want %v", ids(jobs), want)
	}
}

// TestRedelivery lets a worker die holding documents (its connection
// closed, nothing acknowledged): another worker gets them after the
// acknowledgement wait, marked as delivered again, and once it
// acknowledges them the queue is drained and the stream empty.
func TestRedelivery(t *testing.T) {
	cfg := testConfig(t)
	q := open(t, cfg)
	publish(t, q, docs(4))
	dead, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	held := takeAll(t, dead, 2)
	dead.Close()

	jobs := takeAll(t, q, 4)
	if drained, err := q.Drained(context.Background()); err != nil || drained {
		t.Fatalf("Drained with every job held = %v, %v", drained, err)
	}
	again := 0
	for _, j := range jobs {
		if j.Delivery > 1 {
			again++
			if !slices.Contains(ids(held), j.Doc.ID) {
				t.Errorf("%s delivered again, but the dead worker did not hold it", j.Doc.ID)
			}
		}
		if err := j.Ack(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if again != 2 {
		t.Errorf("%d jobs delivered again, want 2", again)
	}
	if drained, err := q.Drained(context.Background()); err != nil || !drained {
		t.Errorf("Drained after every ack = %v, %v", drained, err)
	}
	if n := streamMsgs(t, cfg); n != 0 {
		t.Errorf("the stream holds %d messages after every ack, want 0", n)
	}
}

// TestReject drops a rejected document from the queue for good; a
// released one comes back at once.
func TestReject(t *testing.T) {
	cfg := testConfig(t)
	q := open(t, cfg)
	publish(t, q, docs(2))
	jobs := takeAll(t, q, 2)
	slices.SortFunc(jobs, func(a, b *Job) int { return strings.Compare(a.Doc.ID, b.Doc.ID) })
	if err := jobs[0].Reject(); err != nil {
		t.Fatal(err)
	}
	if err := jobs[1].Release(); err != nil {
		t.Fatal(err)
	}
	back := takeAll(t, q, 1)
	if back[0].Doc.ID != "doc-1" || back[0].Delivery != 2 {
		t.Fatalf("after a reject and a release, took %s (delivery %d), want doc-1 again", back[0].Doc.ID, back[0].Delivery)
	}
	if err := back[0].Ack(context.Background()); err != nil {
		t.Fatal(err)
	}
	// The server takes a reject (unlike an ack) without confirming it.
	if !eventuallyDrained(t, q) {
		t.Errorf("not drained after a reject and an ack")
	}
}

// TestNotWorkQueue refuses a stream of the name that is not a work queue:
// its documents would never leave it.
func TestNotWorkQueue(t *testing.T) {
	cfg := testConfig(t)
	nc, err := nats.Connect(cfg.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	if _, err := js.CreateStream(context.Background(), jetstream.StreamConfig{Name: cfg.Stream, Subjects: []string{cfg.Subject()}}); err != nil {
		t.Fatal(err)
	}
	if q, err := Open(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), "not a work queue") {
		if q != nil {
			q.Close()
		}
		t.Errorf("Open on a limits stream: %v", err)
	}
}

// eventuallyDrained asks q whether it is drained, a few times over a few
// seconds, until it is.
func eventuallyDrained(t *testing.T, q Queue) bool {
	t.Helper()
	for range 50 {
		drained, err := q.Drained(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if drained {
			return true
		}
		time.Sleep(100 * time.Millisecond)
	}
	return false
}

// streamMsgs returns the number of messages in the stream of cfg.
func streamMsgs(t *testing.T, cfg Config) uint64 {
	t.Helper()
	nc, err := nats.Connect(cfg.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	s, err := js.Stream(context.Background(), cfg.Stream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return info.State.Msgs
}
