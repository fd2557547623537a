package server

import (
	"mime"
	"net"
	"net/http"
	"strings"
)

// hostCheck answers 403 to requests whose Host header names a host that is
// not allowed (see Options.AllowedHosts): a web page on a domain that an
// attacker re-points at 127.0.0.1 (DNS rebinding) then cannot read the
// server's answers, since its requests carry the attacker's host name.
type hostCheck struct {
	next    http.Handler
	allowed map[string]bool
}

func newHostCheck(next http.Handler, addr string, hosts []string) *hostCheck {
	h := &hostCheck{next: next, allowed: map[string]bool{"localhost": true}}
	if host, _, err := net.SplitHostPort(addr); err == nil && host != "" {
		h.allowed[strings.ToLower(host)] = true
	}
	for _, a := range hosts {
		h.allowed[strings.ToLower(hostName(a))] = true
	}
	return h
}

func (h *hostCheck) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !h.allows(r.Host) {
		writeError(w, http.StatusForbidden, "host "+quoteHost(r.Host)+" is not allowed; add it to the allowed hosts (newsgraph serve --allow-host)")
		return
	}
	h.next.ServeHTTP(w, r)
}

// allows reports whether a Host header is allowed: empty (HTTP/1.0), an IP
// address (a rebinding attack needs a name), localhost, the host of the
// listen address, a host given in Options.AllowedHosts, or any host when
// "*" is given.
func (h *hostCheck) allows(hostport string) bool {
	if hostport == "" || h.allowed["*"] {
		return true
	}
	host := strings.ToLower(hostName(hostport))
	if net.ParseIP(host) != nil {
		return true
	}
	return h.allowed[strings.TrimSuffix(host, ".")]
}

// hostName returns the host of a host[:port], without IPv6 brackets.
func hostName(hostport string) string {
	if host, _, err := net.SplitHostPort(hostport); err == nil {
		return host
	}
	return strings.TrimSuffix(strings.TrimPrefix(hostport, "["), "]")
}

// quoteHost quotes a Host header for an error message, shortened.
func quoteHost(h string) string {
	if len(h) > 100 {
		h = h[:100]
	}
	return `"` + strings.ToValidUTF8(h, "") + `"`
}

// crossSiteHeader is the request header a client may send to show that a
// query is not a cross-site form post; any value is accepted.
const crossSiteHeader = "X-Requested-With"

// needsIntent reports whether a request to a guarded route must show that
// it was not sent cross-site by a web page: every request that is not a
// GET, HEAD or OPTIONS, and GET queries on /api/v2/query.
func needsIntent(r *http.Request) bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		return r.URL.Path == "/api/v2/query"
	case http.MethodOptions:
		return false
	}
	return true
}

// showsIntent reports whether a request could not have been sent by
// another web site without a CORS preflight (which this server approves
// only for Options.CORSOrigins): it carries the X-Requested-With or the Authorization header
// (a bearer token), or a Content-Type
// that a form or a simple fetch cannot send (application/json,
// application/javascript, application/n-quads, ...). Empty, text/plain,
// application/x-www-form-urlencoded and multipart/form-data types are the
// ones a browser sends cross-site without asking.
func showsIntent(r *http.Request) bool {
	if r.Header.Get(crossSiteHeader) != "" || r.Header.Get("Authorization") != "" {
		return true
	}
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return false
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	switch mt {
	case "text/plain", "application/x-www-form-urlencoded", "multipart/form-data":
		return false
	}
	return true
}

// intentMessage explains a refused request.
const intentMessage = "query requests need a Content-Type such as application/json or application/javascript, " +
	"or an X-Requested-With header (protection against requests sent by other web sites)"
