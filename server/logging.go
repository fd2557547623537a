package server

import (
	"context"
	"errors"
	"log"
	"net/http"
	"strings"
	"sync"
	"syscall"

	"github.com/cayleygraph/cayley/clog"
)

// Cayley logs through its package clog; its default logger prints every
// error with an "ERROR: " prefix, among them the failed writes of a
// client that went away before its answer was complete (a /api/v2/read
// stream it stopped reading, a PostgreSQL look-up its cancelled request
// interrupted). Those are no fault of the server: NewHandler installs
// gentleLogger, which prints them as one plain "server: client gone" line.

var installLogger sync.Once

var _ clog.Logger = (*gentleLogger)(nil)

// gentleLogger is clog's standard logger, except for client disconnects.
type gentleLogger struct {
	mu        sync.Mutex
	verbosity int
}

// Infof implements clog.Logger.
func (*gentleLogger) Infof(format string, args ...interface{}) { log.Printf(format, args...) }

// Warningf implements clog.Logger.
func (*gentleLogger) Warningf(format string, args ...interface{}) {
	log.Printf("WARN: "+format, args...)
}

// Errorf implements clog.Logger: an error caused by a client that went
// away is not an ERROR.
func (*gentleLogger) Errorf(format string, args ...interface{}) {
	for _, a := range args {
		if err, ok := a.(error); ok && clientGone(err) {
			log.Printf("server: client gone: "+format, args...)
			return
		}
	}
	log.Printf("ERROR: "+format, args...)
}

// Fatalf implements clog.Logger.
func (*gentleLogger) Fatalf(format string, args ...interface{}) {
	log.Fatalf("FATAL: "+format, args...)
}

// V implements clog.Logger.
func (l *gentleLogger) V(level int) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.verbosity >= level
}

// SetV implements clog.Logger.
func (l *gentleLogger) SetV(level int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.verbosity = level
}

// clientGone reports whether err comes from a client that disconnected
// before its answer was complete: its request's context was cancelled, the
// connection was closed under a write (broken pipe, reset by peer), or the
// guard had already given up the answer.
func clientGone(err error) bool {
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, syscall.EPIPE), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, http.ErrAbortHandler), errors.Is(err, errResponseDiscarded):
		return true
	}
	// drivers that flatten the error into text
	msg := err.Error()
	return strings.Contains(msg, "context canceled") || strings.Contains(msg, "broken pipe") ||
		strings.Contains(msg, "connection reset by peer")
}
