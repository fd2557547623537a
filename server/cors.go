package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// cors lets web pages of the origins in Options.CORSOrigins read the
// server's answers (a notebook or a front end served elsewhere): their
// requests get Access-Control-Allow-Origin, and their preflights (OPTIONS
// with Access-Control-Request-Method) are answered here, allowing GET and
// POST with the headers that show intent (Content-Type such as
// application/json, X-Requested-With, Authorization). The other checks
// stay: a query still needs such a Content-Type or header (which is why a
// browser sends the preflight), and the Host check still applies. A
// preflight from another origin gets 403; without CORSOrigins the server
// sends no CORS header at all.
type cors struct {
	next    http.Handler
	origins map[string]bool
	any     bool // "*": every origin
}

// corsMethods and corsHeaders are what a preflight allows.
const (
	corsMethods = "GET, POST"
	corsHeaders = "Content-Type, X-Requested-With, Authorization"
	corsMaxAge  = "600"
)

// newCORS wraps next with the CORS layer of origins; next itself when
// there are none. It panics on an origin NormalizeOrigin refuses.
func newCORS(next http.Handler, origins []string) http.Handler {
	if len(origins) == 0 {
		return next
	}
	c := &cors{next: next, origins: map[string]bool{}}
	for _, o := range origins {
		n, err := NormalizeOrigin(o)
		if err != nil {
			panic("server: " + err.Error())
		}
		c.any = c.any || n == "*"
		c.origins[n] = true
	}
	return c
}

// NormalizeOrigin checks an origin given for CORS: "*" (any origin) or
// scheme://host[:port] with scheme http or https and no path, query or
// user; it returns it in lower case without a trailing slash, as a browser
// sends it in the Origin header.
func NormalizeOrigin(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "*" {
		return s, nil
	}
	u, err := url.Parse(strings.TrimSuffix(s, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.User != nil || u.Path != "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("CORS origin %q: want scheme://host[:port], such as http://localhost:8888, or *", s)
	}
	return strings.ToLower(u.Scheme + "://" + u.Host), nil
}

func (c *cors) allows(origin string) bool {
	return c.any || c.origins[strings.ToLower(origin)]
}

func (c *cors) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	preflight := r.Method == http.MethodOptions && origin != "" && r.Header.Get("Access-Control-Request-Method") != ""
	h := w.Header()
	h.Add("Vary", "Origin")
	if origin == "" || !c.allows(origin) {
		if preflight {
			writeError(w, http.StatusForbidden, "origin "+quoteHost(origin)+" is not allowed to query this server (newsgraph serve --cors ORIGIN)")
			return
		}
		c.next.ServeHTTP(w, r)
		return
	}
	h.Set("Access-Control-Allow-Origin", origin)
	if preflight {
		h.Add("Vary", "Access-Control-Request-Method")
		h.Add("Vary", "Access-Control-Request-Headers")
		h.Set("Access-Control-Allow-Methods", corsMethods)
		h.Set("Access-Control-Allow-Headers", corsHeaders)
		h.Set("Access-Control-Max-Age", corsMaxAge)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	h.Set("Access-Control-Expose-Headers", "Retry-After")
	c.next.ServeHTTP(w, r)
}
