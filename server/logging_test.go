package server

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
)

// lockedBuffer is a log output shared with the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// closedStore tells when the iterator of a read is closed: Cayley closes
// it once it has given up the answer (and logged why).
type closedStore struct {
	slowStore
	closed chan struct{}
}

func (s closedStore) QuadsAllIterator() graph.Iterator {
	return &closedIterator{Iterator: s.slowStore.QuadsAllIterator(), closed: s.closed}
}

type closedIterator struct {
	graph.Iterator
	closed chan struct{}
	once   sync.Once
}

func (it *closedIterator) Close() error {
	it.once.Do(func() { close(it.closed) })
	return it.Iterator.Close()
}

// TestClientGoneNotError reads /api/v2/read, hangs up after the first
// bytes of the stream, and checks that the server's log has no ERROR for
// it, but a plain "client gone" line.
func TestClientGoneNotError(t *testing.T) {
	var logs lockedBuffer
	log.SetOutput(&logs)
	defer log.SetOutput(os.Stderr)

	qs := memstore.New()
	for i := 0; i < 20000; i++ {
		qs.AddQuad(quad.Quad{Subject: quad.IRI(fmt.Sprintf("%sevent/%d", id, i)), Predicate: quad.IRI(vocab + "summary"),
			Object: quad.String(strings.Repeat("text ", 20))})
	}
	store := closedStore{slowStore{qs, 10000, 50 * time.Microsecond}, make(chan struct{})}
	srv := newServer(t, &graph.Handle{QuadStore: store}, Options{QueryTimeout: time.Minute})

	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(conn, "GET /api/v2/read HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
	status, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || !strings.Contains(status, "200") {
		t.Fatalf("status line %q, %v", status, err)
	}
	conn.Close() // mid-answer: the stream has begun
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	select {
	case <-store.closed:
	case <-ctx.Done():
		t.Fatal("the read was not given up")
	}
	srv.Close()
	out := logs.String()
	if strings.Contains(out, "ERROR") {
		t.Errorf("a client's disconnect logged as an error:\n%s", out)
	}
	if !strings.Contains(out, "server: client gone: read quads error") {
		t.Errorf("no client-gone line in the log:\n%s", out)
	}
}

// TestClientGone lists the errors that mean a client went away, and one
// that does not.
func TestClientGone(t *testing.T) {
	for _, tt := range []struct {
		err  error
		gone bool
	}{
		{fmt.Errorf("lookup: %w", context.Canceled), true},
		{&net.OpError{Op: "write", Net: "tcp", Err: os.NewSyscallError("write", syscall.EPIPE)}, true},
		{&net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)}, true},
		{errResponseDiscarded, true},
		{errors.New("pq: canceling statement: context canceled"), true},
		{context.DeadlineExceeded, false},
		{errors.New("disk full"), false},
	} {
		if got := clientGone(tt.err); got != tt.gone {
			t.Errorf("clientGone(%v) = %v, want %v", tt.err, got, tt.gone)
		}
	}
}
