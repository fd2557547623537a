package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader in two
// goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// queryContentType is the Content-Type a client sends with a query of each
// language: not text/plain, which the server refuses as a possible
// cross-site request.
var queryContentType = map[string]string{"gizmo": "application/javascript", "graphql": "application/graphql"}

// serveInProcess runs `newsgraph serve` in process with args and returns its
// base URL once it serves, and a function that stops it and checks its
// exit code.
func serveInProcess(t *testing.T, args ...string) (base string, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stderr syncBuffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr, Getenv: func(string) string { return "" }}
	code := make(chan int, 1)
	go func() { code <- Main(ctx, append([]string{"serve", "--db", "memory"}, args...), env) }()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stderr.String(), "serving") {
		select {
		case c := <-code:
			cancel()
			t.Fatalf("serve exited with %d: %s", c, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("no banner: %q", stderr.String())
		}
	}
	base = regexp.MustCompile(`http://[0-9.]+:\d+`).FindString(stderr.String())
	return base, func() {
		cancel()
		select {
		case c := <-code:
			if c != 0 {
				t.Errorf("serve exited with %d: %s", c, stderr.String())
			}
		case <-time.After(40 * time.Second):
			t.Fatal("serve did not stop")
		}
	}
}

// TestServeDefaultAddr checks that `newsgraph serve` without --addr listens
// on 127.0.0.1:7474 and is reachable there and nowhere else. The listen
// function is replaced so that serve binds the host it asks for on a free
// port: the test does not need port 7474 to be free.
func TestServeDefaultAddr(t *testing.T) {
	asked := make(chan string, 1)
	listen = func(network, addr string) (net.Listener, error) {
		asked <- addr
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		return net.Listen(network, net.JoinHostPort(host, "0"))
	}
	defer func() { listen = net.Listen }()
	base, stop := serveInProcess(t)
	defer stop()
	if a := <-asked; a != "127.0.0.1:7474" {
		t.Fatalf("serve without --addr listens on %q, want 127.0.0.1:7474", a)
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("serve without --addr serves on %q", base)
	}
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Status string
		Quads  int
	}
	err = json.NewDecoder(resp.Body).Decode(&v)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 || v.Status != "ok" || v.Quads != 0 {
		t.Fatalf("healthz: %d %+v (%v), want 200 ok with 0 quads", resp.StatusCode, v, err)
	}
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(base, "http://"))
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		ipn, ok := a.(*net.IPNet)
		if !ok || ipn.IP.IsLoopback() || ipn.IP.IsLinkLocalUnicast() {
			continue
		}
		if c, err := net.DialTimeout("tcp", net.JoinHostPort(ipn.IP.String(), port), time.Second); err == nil {
			c.Close()
			t.Errorf("serve without --addr is reachable on %s", ipn.IP)
		}
	}
}

// TestServeGuardFlags checks that serve's --query-memory and --allow-host
// reach the server: a runaway Gizmo query is stopped at the given budget
// with a 400 naming it, and only the given host names are answered.
func TestServeGuardFlags(t *testing.T) {
	base := startServe(t, "--db", "memory", "--query-memory", "40M", "--allow-host", "news.example.org")
	req, _ := http.NewRequest("POST", base+"/api/v2/query?lang=gizmo", strings.NewReader(`var s = "xxxxxxxx"; while (true) { s = s + s }`))
	req.Header.Set("Content-Type", "application/javascript")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var e struct{ Error string }
	err = json.NewDecoder(resp.Body).Decode(&e)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 400 || !strings.Contains(e.Error, "memory budget of 41943040 bytes") {
		t.Errorf("runaway query: %d %q (%v), want 400 naming the 40 MiB budget", resp.StatusCode, e.Error, err)
	}
	for _, c := range []struct {
		host   string
		status int
	}{{"news.example.org", 200}, {"localhost", 200}, {"attacker.example", 403}} {
		req, _ := http.NewRequest("GET", base+"/healthz", nil)
		req.Host = c.host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.status {
			t.Errorf("Host %s: %d, want %d", c.host, resp.StatusCode, c.status)
		}
	}
}

// loadRequest is one request of the load test's mix.
type loadRequest struct {
	name, method, path, contentType, body string
}

// loadMix is the load test's requests: the example queries of
// examples/queries (Gizmo and Cayley's GraphQL), typed GraphQL queries of
// events and entities, and the health check.
func loadMix(t *testing.T) []loadRequest {
	t.Helper()
	files, err := filepath.Glob("../../examples/queries/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example queries: %v", err)
	}
	var mix []loadRequest
	for _, f := range files {
		lang := map[string]string{".js": "gizmo", ".graphql": "graphql"}[filepath.Ext(f)]
		if lang == "" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		mix = append(mix, loadRequest{filepath.Base(f), "POST", "/api/v2/query?lang=" + lang, queryContentType[lang], string(b)})
	}
	for i, q := range []string{
		`{ events(type: Attack) { totalCount nodes { id date killed killedMax actors { name } targets { name } places { name } } } }`,
		`{ events(actor: "Pakistan", since: "2024-01-01") { totalCount edges { cursor node { type date sources { doc { id } killed } } } } }`,
		`{ events(country: "Iran", first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { id type } } }`,
		`{ entity(id: "country/pk") { name class aliases events { type date } } }`,
		`{ entities(class: ArmedGroup) { totalCount nodes { name country } } }`,
	} {
		b, _ := json.Marshal(map[string]string{"query": q})
		mix = append(mix, loadRequest{"graphql-" + strconv.Itoa(i+1), "POST", "/graphql", "application/json", string(b)})
	}
	return append(mix, loadRequest{"healthz", "GET", "/healthz", "", ""})
}

func (lr loadRequest) do(client *http.Client, base string) (int, []byte, error) {
	var body io.Reader
	if lr.body != "" {
		body = strings.NewReader(lr.body)
	}
	req, err := http.NewRequest(lr.method, base+lr.path, body)
	if err != nil {
		return 0, nil, err
	}
	if lr.contentType != "" {
		req.Header.Set("Content-Type", lr.contentType)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// validAnswer checks an answer of the mix: status 200 and a JSON body
// holding a result, without errors.
func validAnswer(status int, body []byte) bool {
	var v struct {
		Result json.RawMessage `json:"result"`
		Data   json.RawMessage `json:"data"`
		Status string          `json:"status"`
		Errors json.RawMessage `json:"errors"`
		Error  json.RawMessage `json:"error"`
	}
	if status != 200 || json.Unmarshal(body, &v) != nil || v.Errors != nil || v.Error != nil {
		return false
	}
	return len(v.Result) > 4 || len(v.Data) > 4 || v.Status == "ok"
}

// envInt reads a positive integer from the environment, bounded by max.
func envInt(key string, def, max int) int {
	n, err := strconv.Atoi(os.Getenv(key))
	if err != nil || n <= 0 {
		return def
	}
	return min(n, max)
}

// TestServeLoad is a bounded load test of `newsgraph serve` over the
// example articles, on loopback: NEWSGRAPH_LOAD_CLIENTS clients (default
// 16, at most 256) send the mix of loadMix for NEWSGRAPH_LOAD_SECONDS
// (default 2, at most 300) with the server's default limits. Every answer
// must be a 200 identical to the one the same request gets on its own;
// throughput and latency percentiles are logged.
func TestServeLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped in -short mode")
	}
	clients := envInt("NEWSGRAPH_LOAD_CLIENTS", 16, 256)
	duration := time.Duration(envInt("NEWSGRAPH_LOAD_SECONDS", 2, 300)) * time.Second

	db := filepath.Join(t.TempDir(), "newsgraph.db")
	if r := runBinary(t, run("ingest", "--dbpath", db, "../../examples/articles")); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	base := startServe(t, "--dbpath", db)
	if !regexp.MustCompile(`^http://127\.0\.0\.1:\d+$`).MatchString(base) {
		t.Fatalf("not on loopback: %s", base)
	}
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: clients, DisableCompression: true},
	}
	defer client.CloseIdleConnections()

	// The answer of each request on its own: concurrent answers must
	// match it (all of these answers are deterministic).
	mix := loadMix(t)
	want := make([][]byte, len(mix))
	for i, lr := range mix {
		status, body, err := lr.do(client, base)
		if err != nil || !validAnswer(status, body) {
			t.Fatalf("%s on its own: %d %v %.300s", lr.name, status, err, body)
		}
		want[i] = body
	}

	type sample struct {
		req     int
		latency time.Duration
		failure string
	}
	results := make([][]sample, clients)
	start := time.Now()
	stop := start.Add(duration)
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := c; time.Now().Before(stop); i++ {
				k := i % len(mix)
				t0 := time.Now()
				status, body, err := mix[k].do(client, base)
				s := sample{req: k, latency: time.Since(t0)}
				switch {
				case err != nil:
					s.failure = err.Error()
				case status != 200:
					s.failure = strconv.Itoa(status) + " " + string(body)
				case !bytes.Equal(body, want[k]):
					s.failure = "answer differs from the sequential one: " + string(body)
				}
				results[c] = append(results[c], s)
			}
		}(c)
	}
	wg.Wait()
	elapsed := time.Since(start)

	var lat []time.Duration
	perReq := make([]int, len(mix))
	var failures []string
	for _, rs := range results {
		for _, s := range rs {
			lat = append(lat, s.latency)
			perReq[s.req]++
			if s.failure != "" {
				failures = append(failures, mix[s.req].name+": "+s.failure)
			}
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	t.Logf("load: %d clients, %v, %d requests, %d errors: %.0f requests/s, latency p50 %v, p90 %v, p99 %v, max %v",
		clients, elapsed.Round(time.Millisecond), len(lat), len(failures), float64(len(lat))/elapsed.Seconds(),
		pct(0.50).Round(10*time.Microsecond), pct(0.90).Round(10*time.Microsecond), pct(0.99).Round(10*time.Microsecond), lat[len(lat)-1].Round(10*time.Microsecond))
	var counts []string
	for i, lr := range mix {
		counts = append(counts, lr.name+"="+strconv.Itoa(perReq[i]))
	}
	t.Logf("requests by kind: %s", strings.Join(counts, " "))
	if len(failures) > 0 {
		t.Errorf("%d of %d requests failed; first ones:", len(failures), len(lat))
		for _, f := range failures[:min(5, len(failures))] {
			t.Errorf("  %.300s", f)
		}
	}
	if len(lat) < clients {
		t.Errorf("only %d requests in %v", len(lat), elapsed)
	}
}
