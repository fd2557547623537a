// Command gqlload is a closed-loop load test of newsgraph's typed GraphQL
// endpoint: a number of clients, each sending one query after another for
// a fixed time, and a report of the throughput, the latency percentiles
// and the errors (a status other than 200, an answer that is not JSON, or
// a GraphQL "errors" array).
//
//	go run ./bench/gqlload -url http://127.0.0.1:7474/graphql -c 32 -d 20s \
//	    -query '{ events(first: 10) { edges { cursor } nodes { id date } pageInfo { hasNextPage endCursor } } }'
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"sync"
	"time"
)

// defaultQuery is the first page of the events listing.
const defaultQuery = `{ events(first: 10) { edges { cursor } nodes { id type date actors { name } killed } pageInfo { hasNextPage endCursor } } }`

// result is one request's outcome.
type result struct {
	latency time.Duration
	err     string // empty: success
}

func main() {
	url := flag.String("url", "http://127.0.0.1:7474/graphql", "the GraphQL endpoint")
	clients := flag.Int("c", 32, "concurrent clients")
	dur := flag.Duration("d", 20*time.Second, "duration of the run")
	query := flag.String("query", defaultQuery, "the GraphQL query each request sends")
	timeout := flag.Duration("timeout", 60*time.Second, "client-side timeout of one request")
	flag.Parse()
	body, err := json.Marshal(map[string]string{"query": *query})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gqlload:", err)
		os.Exit(2)
	}
	tr := &http.Transport{MaxIdleConnsPerHost: *clients}
	client := &http.Client{Transport: tr, Timeout: *timeout}
	start := time.Now()
	results := run(client, *url, body, *clients, *dur)
	report(os.Stdout, results, *clients, *dur, time.Since(start))
}

// run sends requests from clients goroutines until d has passed and
// returns every outcome.
func run(client *http.Client, url string, body []byte, clients int, d time.Duration) []result {
	deadline := time.Now().Add(d)
	var mu sync.Mutex
	var all []result
	var wg sync.WaitGroup
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []result
			for time.Now().Before(deadline) {
				mine = append(mine, once(client, url, body))
			}
			mu.Lock()
			all = append(all, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return all
}

// once sends one request and judges its answer.
func once(client *http.Client, url string, body []byte) result {
	start := time.Now()
	resp, err := client.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return result{time.Since(start), "transport: " + err.Error()}
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	lat := time.Since(start)
	switch {
	case err != nil:
		return result{lat, "body: " + err.Error()}
	case resp.StatusCode != http.StatusOK:
		return result{lat, fmt.Sprintf("status %d", resp.StatusCode)}
	}
	var v struct {
		Data   json.RawMessage   `json:"data"`
		Errors []json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return result{lat, "not JSON"}
	}
	if len(v.Errors) > 0 || len(v.Data) == 0 || string(v.Data) == "null" {
		return result{lat, "graphql errors"}
	}
	return result{lat, ""}
}

// report writes the figures of a run that sent requests for d and ended,
// its last answer received, after wall.
func report(w io.Writer, results []result, clients int, d, wall time.Duration) {
	var ok []time.Duration
	errs := map[string]int{}
	for _, r := range results {
		if r.err != "" {
			errs[r.err]++
			continue
		}
		ok = append(ok, r.latency)
	}
	sort.Slice(ok, func(i, j int) bool { return ok[i] < ok[j] })
	fmt.Fprintf(w, "clients %d, sending for %s, last answer after %s\n", clients, d, wall.Round(time.Millisecond))
	fmt.Fprintf(w, "requests %d, ok %d, errors %d\n", len(results), len(ok), len(results)-len(ok))
	fmt.Fprintf(w, "throughput %.1f ok requests/s (ok answers over the wall time)\n", float64(len(ok))/wall.Seconds())
	if len(ok) > 0 {
		fmt.Fprintf(w, "latency p50 %s, p90 %s, p99 %s, max %s\n",
			pct(ok, 50), pct(ok, 90), pct(ok, 99), ok[len(ok)-1])
	}
	kinds := make([]string, 0, len(errs))
	for k := range errs {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintf(w, "error %q: %d\n", k, errs[k])
	}
}

// pct is the p-th percentile of sorted latencies (nearest rank).
func pct(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p + 99) / 100
	if i < 1 {
		i = 1
	}
	return sorted[i-1].Round(100 * time.Microsecond)
}
