package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"
)

// guard applies the concurrency limit, body limit, deadline, language
// allow-list and error sanitising to API requests.
type guard struct {
	next    http.Handler
	timeout time.Duration
	maxBody int64
	sem     chan struct{}
}

func (g *guard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	select {
	case g.sem <- struct{}{}:
		defer func() { <-g.sem }()
	default:
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusServiceUnavailable, "server busy, retry later")
		return
	}
	if r.ContentLength > g.maxBody {
		w.Header().Set("Connection", "close")
		writeError(w, http.StatusRequestEntityTooLarge, g.tooLarge())
		return
	}
	if r.URL.Path == "/api/v2/query" {
		if lang := r.URL.Query().Get("lang"); lang != "" && !allowedLanguage(lang) {
			writeError(w, http.StatusBadRequest, "unsupported query language; use one of: "+strings.Join(Languages, ", "))
			return
		}
	}

	ctx, cancel := context.WithTimeout(r.Context(), g.timeout)
	defer cancel()
	gw := &guardWriter{w: w, ctx: ctx}
	if r.Body != nil && r.Body != http.NoBody {
		// MaxBytesReader gets the original writer so that net/http closes
		// the connection after answering an oversized request.
		gw.body = &limitedBody{ReadCloser: http.MaxBytesReader(w, r.Body, g.maxBody)}
		r.Body = gw.body
	}
	g.next.ServeHTTP(gw, r.WithContext(ctx))
	gw.finish(g)
	if gw.aborted {
		// Headers are gone; break the connection so the client cannot
		// mistake a truncated stream for a complete one.
		panic(http.ErrAbortHandler)
	}
}

func (g *guard) tooLarge() string {
	return fmt.Sprintf("request body exceeds the limit of %d bytes", g.maxBody)
}

func allowedLanguage(lang string) bool {
	for _, l := range Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// limitedBody records whether the body limit was hit.
type limitedBody struct {
	io.ReadCloser
	mu       sync.Mutex
	exceeded bool
}

func (b *limitedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	var mbe *http.MaxBytesError
	if err != nil && errors.As(err, &mbe) {
		b.mu.Lock()
		b.exceeded = true
		b.mu.Unlock()
	}
	return n, err
}

func (b *limitedBody) tooLarge() bool {
	if b == nil {
		return false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.exceeded
}

// errResponseDiscarded is returned to a handler that keeps writing after its
// response was replaced by a 413 or 504.
var errResponseDiscarded = errors.New("server: response discarded")

// maxErrorBody bounds how much of an error response is buffered.
const maxErrorBody = 64 << 10

// guardWriter lets successful responses stream through and holds back error
// responses so that they can be rewritten: 413 when the body limit was hit,
// 504 when the deadline passed, and a sanitised message otherwise.
type guardWriter struct {
	w       http.ResponseWriter
	ctx     context.Context
	body    *limitedBody
	mode    int // 0 undecided, modePass or modeHold
	status  int
	buf     bytes.Buffer
	aborted bool
}

const (
	modePass = 1
	modeHold = 2
)

func (g *guardWriter) Header() http.Header { return g.w.Header() }

func (g *guardWriter) WriteHeader(code int) {
	if g.mode != 0 {
		return
	}
	g.decide(code)
}

func (g *guardWriter) decide(code int) {
	switch {
	case g.body.tooLarge():
		g.mode, g.status = modeHold, http.StatusRequestEntityTooLarge
	case errors.Is(g.ctx.Err(), context.DeadlineExceeded):
		g.mode, g.status = modeHold, http.StatusGatewayTimeout
	case code >= 400:
		g.mode, g.status = modeHold, code
	default:
		g.mode, g.status = modePass, code
		g.w.WriteHeader(code)
	}
}

func (g *guardWriter) Write(p []byte) (int, error) {
	if g.mode == 0 {
		g.decide(http.StatusOK)
	}
	if g.mode == modeHold {
		switch g.status {
		case http.StatusGatewayTimeout, http.StatusRequestEntityTooLarge:
			// The answer is decided; make the producer stop.
			return 0, errResponseDiscarded
		}
		if room := maxErrorBody - g.buf.Len(); room > 0 {
			if len(p) > room {
				g.buf.Write(p[:room])
			} else {
				g.buf.Write(p)
			}
		}
		return len(p), nil
	}
	if err := g.ctx.Err(); err != nil {
		g.aborted = true
		return 0, err
	}
	return g.w.Write(p)
}

// Flush implements http.Flusher for streaming responses.
func (g *guardWriter) Flush() {
	if g.mode == modePass {
		if f, ok := g.w.(http.Flusher); ok {
			f.Flush()
		}
	}
}

// finish writes a held-back error response.
func (g *guardWriter) finish(gd *guard) {
	if g.mode == 0 {
		// Nothing written: only override when a limit was hit.
		if g.body.tooLarge() || errors.Is(g.ctx.Err(), context.DeadlineExceeded) {
			g.decide(http.StatusOK)
		} else {
			return
		}
	}
	if g.mode != modeHold {
		return
	}
	var msg string
	switch g.status {
	case http.StatusRequestEntityTooLarge:
		msg = gd.tooLarge()
		g.w.Header().Set("Connection", "close")
	case http.StatusGatewayTimeout:
		msg = fmt.Sprintf("query exceeded the time limit of %s", gd.timeout)
	default:
		msg = errorMessage(g.buf.Bytes(), g.status)
	}
	h := g.w.Header()
	h.Del("Content-Length")
	h.Del("Content-Encoding")
	writeError(g.w, g.status, msg)
}

// errorMessage extracts the message of a Cayley error body and sanitises it.
func errorMessage(body []byte, status int) string {
	var v struct {
		Error  interface{} `json:"error"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	msg := ""
	if err := json.Unmarshal(body, &v); err == nil {
		switch {
		case v.Error != nil:
			msg = fmt.Sprint(v.Error)
		case len(v.Errors) > 0:
			msg = v.Errors[0].Message
		}
	}
	msg = sanitize(msg)
	if msg == "" {
		msg = strings.ToLower(http.StatusText(status))
	}
	return msg
}

var (
	// goja appends " at <eval>:1:5(3)" or " at name (native)" frames.
	jsFrameRe = regexp.MustCompile(`\s+at\s+(?:<eval>|\S+\s+\(native\)|\S+:\d+:\d+).*$`)
	// Go source positions such as gizmo.go:123 or /x/y.go:12:3.
	goPosRe = regexp.MustCompile(`\S*\.go:\d+(?::\d+)?`)
	// Absolute file system paths (not the // of URLs: a path must follow
	// the start of the message, a space, a quote, a bracket or '=').
	pathRe = regexp.MustCompile(`(^|[\s"'(\[=])(?:/[^\s"'()\[\]<>,;:]+)+`)
	// Go stack dumps.
	goStackRe = regexp.MustCompile(`(?s)(goroutine \d+ \[|panic:|runtime/debug\.Stack).*$`)
)

// maxErrorMessage bounds the length of an error message sent to clients.
const maxErrorMessage = 500

// sanitize removes stack traces, source positions and file paths from an
// error message and keeps it to one short line.
func sanitize(msg string) string {
	msg = goStackRe.ReplaceAllString(msg, "")
	if i := strings.IndexAny(msg, "\r\n"); i >= 0 {
		msg = msg[:i]
	}
	msg = jsFrameRe.ReplaceAllString(msg, "")
	msg = goPosRe.ReplaceAllString(msg, "")
	msg = pathRe.ReplaceAllString(msg, "${1}[path]")
	msg = strings.TrimSpace(msg)
	if len(msg) > maxErrorMessage {
		msg = strings.ToValidUTF8(msg[:maxErrorMessage], "") + "…"
	}
	return msg
}

// writeError writes {"error": msg} with the given status.
func writeError(w http.ResponseWriter, status int, msg string) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// panicHandler answers a panic inside a Cayley route without revealing it.
func panicHandler(w http.ResponseWriter, r *http.Request, rec interface{}) {
	if rec == http.ErrAbortHandler {
		panic(rec)
	}
	log.Printf("server: panic serving %s %s: %v", r.Method, r.URL.Path, rec)
	writeError(w, http.StatusInternalServerError, "internal server error")
}

// recoverer turns panics outside the router into a generic 500.
func recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if rec := recover(); rec != nil {
				if rec == http.ErrAbortHandler {
					panic(rec)
				}
				log.Printf("server: panic serving %s %s: %v", r.Method, r.URL.Path, rec)
				writeError(w, http.StatusInternalServerError, "internal server error")
			}
		}()
		next.ServeHTTP(w, r)
	})
}
