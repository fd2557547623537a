package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// limiter serves at most cap(slots) requests at once and lets
// cap(admit)-cap(slots) more wait for a slot.
type limiter struct {
	admit chan struct{} // requests admitted: running or waiting
	slots chan struct{} // requests running
}

func newLimiter(slots, queue int) *limiter {
	if queue < 0 {
		queue = 0
	}
	return &limiter{admit: make(chan struct{}, slots+queue), slots: make(chan struct{}, slots)}
}

// acquire waits for a slot until ctx is done. It returns false at once
// when the queue is full too, or when ctx ends first.
func (l *limiter) acquire(ctx context.Context) (release func(), ok bool) {
	select {
	case l.admit <- struct{}{}:
	default:
		return nil, false
	}
	release = func() { <-l.slots; <-l.admit }
	select {
	case l.slots <- struct{}{}: // a free slot is taken at once
		return release, true
	default:
	}
	select {
	case l.slots <- struct{}{}:
		return release, true
	case <-ctx.Done():
		<-l.admit
		return nil, false
	}
}

// guard applies the concurrency limit, body limit, deadline, answer size
// limit, language allow-list and error sanitising to the requests of one
// route.
type guard struct {
	next      http.Handler
	limit     *limiter
	timeout   time.Duration
	maxBody   int64
	maxReply  int64                    // cap on buffered answers
	buffered  func(*http.Request) bool // whether to buffer (and cap) the answer
	graphQL   bool                     // errors in the GraphQL shape
	checkLang bool                     // /api/v2/query?lang= allow-list
	intent    bool                     // queries must show they are not cross-site
}

func (g *guard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength > g.maxBody {
		w.Header().Set("Connection", "close")
		g.writeError(w, http.StatusRequestEntityTooLarge, g.tooLarge())
		return
	}
	if g.intent && needsIntent(r) && !showsIntent(r) {
		g.writeError(w, http.StatusForbidden, intentMessage)
		return
	}
	if g.checkLang && r.URL.Path == "/api/v2/query" {
		if lang := r.URL.Query().Get("lang"); lang != "" && !allowedLanguage(lang) {
			g.writeError(w, http.StatusBadRequest, "unsupported query language; use one of: "+strings.Join(Languages, ", "))
			return
		}
	}

	ctx, cancel := context.WithTimeout(r.Context(), g.timeout)
	defer cancel()
	release, ok := g.limit.acquire(ctx)
	if !ok {
		if r.Context().Err() != nil {
			return // the client has gone
		}
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			// Queued until the deadline.
			g.writeError(w, http.StatusGatewayTimeout, g.timeoutMessage())
			return
		}
		w.Header().Set("Retry-After", "1")
		g.writeError(w, http.StatusServiceUnavailable, "server busy, retry later")
		return
	}
	gw := &guardWriter{w: w, header: make(http.Header), ctx: ctx, buffered: g.buffered(r), maxReply: g.maxReply}
	hr := r.WithContext(ctx)
	if r.Body != nil && r.Body != http.NoBody {
		// No ResponseWriter for MaxBytesReader: the handler may still be
		// reading after the guard has answered. A 413 answer closes the
		// connection itself.
		gw.body = &limitedBody{ReadCloser: http.MaxBytesReader(nil, r.Body, g.maxBody)}
		hr.Body = gw.body
	}

	// The handler runs in a goroutine of its own so that the deadline
	// holds even if it ignores its context; it keeps the slot until it
	// returns.
	done := make(chan interface{}, 1)
	go func() {
		defer func() {
			p := recover()
			if p != nil && p != http.ErrAbortHandler {
				log.Printf("server: panic serving %s %s: %v", r.Method, r.URL.Path, p)
			}
			release()
			done <- p
		}()
		g.next.ServeHTTP(gw, hr)
	}()
	select {
	case p := <-done:
		g.finish(gw, p)
	case <-ctx.Done():
		select {
		case p := <-done:
			g.finish(gw, p)
		default:
			g.expire(gw, r)
		}
	}
}

func (g *guard) tooLarge() string {
	return fmt.Sprintf("request body exceeds the limit of %d bytes", g.maxBody)
}

// writeError writes an error answer in the route's shape.
func (g *guard) writeError(w http.ResponseWriter, status int, msg string) {
	if g.graphQL {
		writeJSON(w, status, map[string]interface{}{"errors": []map[string]string{{"message": msg}}})
		return
	}
	writeError(w, status, msg)
}

// expire answers a request whose handler outlived the deadline (or whose
// client went away): 504, or a broken connection when the answer had
// started streaming. The handler's later writes are discarded.
func (g *guard) expire(gw *guardWriter, r *http.Request) {
	gw.mu.Lock()
	gw.done = true
	committed := gw.committed
	gw.mu.Unlock()
	if r.Context().Err() != nil {
		return // the client has gone
	}
	if committed {
		panic(http.ErrAbortHandler)
	}
	g.writeError(gw.w, http.StatusGatewayTimeout, g.timeoutMessage())
}

func (g *guard) timeoutMessage() string {
	return fmt.Sprintf("query exceeded the time limit of %s", g.timeout)
}

// finish writes the answer of a handler that has returned (p is what it
// panicked with): a buffered or held-back answer, rewritten as needed.
func (g *guard) finish(gw *guardWriter, p interface{}) {
	gw.mu.Lock()
	gw.done = true
	gw.mu.Unlock()
	if p != nil || gw.aborted {
		if p == http.ErrAbortHandler || gw.aborted || gw.committed {
			// Headers are gone; break the connection so the client cannot
			// mistake a truncated answer for a complete one.
			panic(http.ErrAbortHandler)
		}
		g.writeError(gw.w, http.StatusInternalServerError, "internal server error")
		return
	}
	if gw.committed {
		return
	}
	status := gw.status
	if status == 0 {
		status = http.StatusOK
	}
	h := gw.w.Header()
	switch {
	case gw.body.tooLarge():
		h.Set("Connection", "close")
		g.writeError(gw.w, http.StatusRequestEntityTooLarge, g.tooLarge())
	case errors.Is(gw.ctx.Err(), context.DeadlineExceeded):
		g.writeError(gw.w, http.StatusGatewayTimeout, g.timeoutMessage())
	case gw.overflow:
		g.writeError(gw.w, http.StatusBadRequest, fmt.Sprintf(
			"the answer exceeds the limit of %d bytes; narrow the query (Gizmo: .Limit(n), GraphQL: first)", g.maxReply))
	case status >= 400:
		// Keep the headers that belong with the status.
		for _, k := range []string{"Allow", "Retry-After", "WWW-Authenticate"} {
			if v := gw.header.Values(k); len(v) > 0 {
				h[k] = v
			}
		}
		g.writeError(gw.w, status, errorMessage(gw.buf.Bytes(), gw.header.Get("Content-Type"), status))
	default:
		body := gw.buf.Bytes()
		// Cayley's GraphQL sets no Content-Type.
		if ct := gw.header.Get("Content-Type"); (ct == "" || isJSON(ct)) && bytes.Contains(body, []byte(`"errors"`)) {
			body = sanitizeErrors(body)
		}
		for k, v := range gw.header {
			h[k] = v
		}
		h.Del("Content-Length")
		if len(body) > 0 {
			h.Set("Content-Length", strconv.Itoa(len(body)))
		}
		gw.w.WriteHeader(status)
		gw.w.Write(body)
	}
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
// answer was decided otherwise (413, 504, answer too large) or given.
var errResponseDiscarded = errors.New("server: response discarded")

// maxErrorBody bounds how much of an error response is buffered.
const maxErrorBody = 64 << 10

// guardWriter is the handler's ResponseWriter. Its header map is the
// handler's own, copied to the real one when the answer is committed, so
// that the guard can answer in the handler's stead at the deadline.
//
// A buffered answer (a query's) is held whole, up to maxReply bytes, and
// written when the handler returns. Otherwise a successful answer streams
// through, while an error answer is held back to be rewritten: 413 when
// the body limit was hit, 504 when the deadline passed, and a sanitised
// message otherwise.
type guardWriter struct {
	mu       sync.Mutex
	w        http.ResponseWriter
	header   http.Header
	ctx      context.Context
	body     *limitedBody
	buffered bool
	maxReply int64

	status    int  // the handler's status (0: none yet)
	hold      bool // streaming: an error answer is held back
	committed bool // streaming: the status line has been sent
	buf       bytes.Buffer
	overflow  bool // buffered: the answer exceeded maxReply
	done      bool // the handler returned or the guard answered
	aborted   bool // streaming: a write after the deadline
}

func (g *guardWriter) Header() http.Header { return g.header }

func (g *guardWriter) WriteHeader(code int) {
	if code < 200 {
		return // informational answers are not relayed
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.status != 0 || g.done {
		return
	}
	g.status = code
	if !g.buffered {
		g.decide()
	}
}

// decide holds an error answer back or commits a successful one (while
// streaming). Called with g.mu held.
func (g *guardWriter) decide() {
	switch {
	case g.body.tooLarge():
		g.hold, g.status = true, http.StatusRequestEntityTooLarge
	case errors.Is(g.ctx.Err(), context.DeadlineExceeded):
		g.hold, g.status = true, http.StatusGatewayTimeout
	case g.status >= 400:
		g.hold = true
	default:
		h := g.w.Header()
		for k, v := range g.header {
			h[k] = v
		}
		g.w.WriteHeader(g.status)
		g.committed = true
	}
}

func (g *guardWriter) Write(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.done {
		return 0, errResponseDiscarded
	}
	if g.status == 0 {
		g.status = http.StatusOK
		if !g.buffered {
			g.decide()
		}
	}
	switch {
	case g.buffered && g.status < 400:
		if g.overflow {
			return 0, errResponseDiscarded
		}
		if int64(g.buf.Len())+int64(len(p)) > g.maxReply {
			// The answer is decided; make the producer stop.
			g.overflow = true
			g.buf = bytes.Buffer{}
			return 0, errResponseDiscarded
		}
		return g.buf.Write(p)
	case g.buffered || g.hold:
		if g.status == http.StatusGatewayTimeout || g.status == http.StatusRequestEntityTooLarge {
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

// Flush implements http.Flusher for streaming answers.
func (g *guardWriter) Flush() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.committed && !g.done {
		if f, ok := g.w.(http.Flusher); ok {
			f.Flush()
		}
	}
}

// isJSON reports whether a Content-Type is JSON.
func isJSON(ct string) bool {
	mt, _, _ := mime.ParseMediaType(ct)
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}

// sanitizeErrors sanitises the messages of the "errors" array of a JSON
// object (a GraphQL answer), leaving the rest as it is.
func sanitizeErrors(body []byte) []byte {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil {
		return body
	}
	raw, ok := top["errors"]
	if !ok {
		return body
	}
	var errs []map[string]interface{}
	if err := json.Unmarshal(raw, &errs); err != nil {
		return body
	}
	for _, e := range errs {
		if m, ok := e["message"].(string); ok {
			if m = sanitize(m); m == "" {
				m = "error"
			}
			e["message"] = m
		}
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(errs); err != nil {
		return body
	}
	top["errors"] = json.RawMessage(bytes.TrimSpace(out.Bytes()))
	out.Reset()
	if err := enc.Encode(top); err != nil {
		return body
	}
	return out.Bytes()
}

// errorMessage extracts the message of an error body ({"error": ...},
// {"errors": [{"message": ...}]} or plain text) and sanitises it.
func errorMessage(body []byte, contentType string, status int) string {
	var v struct {
		Error  interface{} `json:"error"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	msg := ""
	// Decode the first JSON value only: Cayley's read endpoint may have
	// written the end of a gzip stream after its error.
	if err := json.NewDecoder(bytes.NewReader(body)).Decode(&v); err == nil {
		switch {
		case v.Error != nil:
			msg = fmt.Sprint(v.Error)
		case len(v.Errors) > 0:
			msg = v.Errors[0].Message
		}
	} else if strings.HasPrefix(contentType, "text/plain") {
		msg = string(body)
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
	writeJSON(w, status, map[string]string{"error": msg})
}

// writeJSON writes v as an error answer with the given status.
func writeJSON(w http.ResponseWriter, status int, v interface{}) {
	h := w.Header()
	h.Del("Content-Length")
	h.Del("Content-Encoding")
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
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
