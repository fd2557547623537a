package server

import (
	"net/http"
	"strings"
	"testing"
)

// echoGraphQL stands for a GraphQL route: it answers every request that
// reaches it with a JSON body.
var echoGraphQL = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(`{"data":{"method":"` + r.Method + `"}}`))
})

// TestCORS checks --cors: preflights of allowed origins are approved,
// other origins' refused, allowed origins may read the answers of the
// queries they send with application/json, the cross-site check still
// refuses a form post from an allowed origin, and without CORSOrigins no
// CORS header is sent.
func TestCORS(t *testing.T) {
	routes := []Route{{Pattern: "/graphql", Handler: echoGraphQL, GraphQL: true}}
	withCORS := newServer(t, newHandle(t), Options{Routes: routes,
		CORSOrigins: []string{"http://localhost:8888", "HTTPS://Notebook.Example.org/"}})
	without := newServer(t, newHandle(t), Options{Routes: routes})
	preflight := func(origin string) map[string]string {
		return map[string]string{"Origin": origin, "Access-Control-Request-Method": "POST",
			"Access-Control-Request-Headers": "content-type", "X-Requested-With": ""}
	}
	post := func(origin, ct string) map[string]string {
		return map[string]string{"Origin": origin, "Content-Type": ct, "X-Requested-With": ""}
	}
	tests := []struct {
		name       string
		url        string
		method     string
		header     map[string]string
		wantStatus int
		wantOrigin string // Access-Control-Allow-Origin
		wantBody   string
	}{
		{"preflight of an allowed origin", withCORS.URL, "OPTIONS", preflight("http://localhost:8888"), 204, "http://localhost:8888", ""},
		{"preflight, origin given with capitals and a slash", withCORS.URL, "OPTIONS", preflight("https://notebook.example.org"), 204, "https://notebook.example.org", ""},
		{"preflight of another origin", withCORS.URL, "OPTIONS", preflight("http://evil.example"), 403, "", "not allowed"},
		{"preflight of another port", withCORS.URL, "OPTIONS", preflight("http://localhost:9999"), 403, "", "not allowed"},
		{"JSON query of an allowed origin", withCORS.URL, "POST", post("http://localhost:8888", "application/json"), 200, "http://localhost:8888", `"method":"POST"`},
		{"JSON query of another origin", withCORS.URL, "POST", post("http://evil.example", "application/json"), 200, "", `"method":"POST"`},
		{"form post of an allowed origin", withCORS.URL, "POST", post("http://localhost:8888", "text/plain"), 403, "http://localhost:8888", "Content-Type"},
		{"GET of an allowed origin", withCORS.URL, "GET", map[string]string{"Origin": "http://localhost:8888"}, 200, "http://localhost:8888", `"method":"GET"`},
		{"no CORS: preflight reaches the route", without.URL, "OPTIONS", preflight("http://localhost:8888"), 200, "", `"method":"OPTIONS"`},
		{"no CORS: JSON query", without.URL, "POST", post("http://localhost:8888", "application/json"), 200, "", `"method":"POST"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := ""
			if tt.method == "POST" {
				body = `{"query":"{ x }"}`
			}
			r := do(t, tt.method, tt.url+"/graphql", body, tt.header)
			if r.status != tt.wantStatus {
				t.Errorf("status %d, want %d: %s", r.status, tt.wantStatus, r.body)
			}
			if got := r.header.Get("Access-Control-Allow-Origin"); got != tt.wantOrigin {
				t.Errorf("Access-Control-Allow-Origin %q, want %q", got, tt.wantOrigin)
			}
			if !strings.Contains(r.body, tt.wantBody) {
				t.Errorf("body %q lacks %q", r.body, tt.wantBody)
			}
			if tt.url == without.URL {
				for k := range r.header {
					if strings.HasPrefix(k, "Access-Control-") {
						t.Errorf("CORS header %s sent without CORSOrigins", k)
					}
				}
			}
			if tt.wantStatus == 204 {
				if m := r.header.Get("Access-Control-Allow-Methods"); !strings.Contains(m, "POST") {
					t.Errorf("Access-Control-Allow-Methods %q", m)
				}
				if h := strings.ToLower(r.header.Get("Access-Control-Allow-Headers")); !strings.Contains(h, "content-type") {
					t.Errorf("Access-Control-Allow-Headers %q", h)
				}
			}
		})
	}
}

// TestCORSAnyOrigin checks "*": every origin's preflight is approved, the
// origin echoed.
func TestCORSAnyOrigin(t *testing.T) {
	srv := newServer(t, newHandle(t), Options{CORSOrigins: []string{"*"},
		Routes: []Route{{Pattern: "/graphql", Handler: echoGraphQL, GraphQL: true}}})
	r := do(t, "OPTIONS", srv.URL+"/graphql", "", map[string]string{"Origin": "http://127.0.0.1:3000", "Access-Control-Request-Method": "POST"})
	if r.status != 204 || r.header.Get("Access-Control-Allow-Origin") != "http://127.0.0.1:3000" {
		t.Errorf("status %d, Access-Control-Allow-Origin %q", r.status, r.header.Get("Access-Control-Allow-Origin"))
	}
}

// TestNormalizeOrigin checks the forms of a CORS origin.
func TestNormalizeOrigin(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{"http://localhost:8888", "http://localhost:8888", false},
		{"https://Notebook.Example.org/", "https://notebook.example.org", false},
		{"*", "*", false},
		{"localhost:8888", "", true},
		{"http://localhost:8888/path", "", true},
		{"ftp://example.org", "", true},
		{"http://user@example.org", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		got, err := NormalizeOrigin(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("NormalizeOrigin(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}
