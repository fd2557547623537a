package server

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestGraphQLFunc checks that Options.GraphQL answers Cayley's GraphQL
// route in the shape of Cayley's answers, one row per kind of query, and
// that the nesting guard still comes first.
func TestGraphQLFunc(t *testing.T) {
	run := func(_ context.Context, q string) (map[string]interface{}, error) {
		if strings.Contains(q, "bad") {
			return nil, errors.New("graph: query: after: invalid cursor")
		}
		return map[string]interface{}{"asked": q}, nil
	}
	srv := newServer(t, newHandle(t), Options{GraphQL: run})
	cases := []struct {
		name, body string
		status     int
		want       string // the body, or the error message
	}{
		{"answer", `{ a }`, 200, `{"data":{"asked":"{ a }"}}` + "\n"},
		{"error", `{ bad }`, 200, "graph: query: after: invalid cursor"},
		{"too deep", strings.Repeat("{", MaxGraphQLNesting+1), 400, ""},
	}
	for _, c := range cases {
		r := do(t, "POST", srv.URL+"/api/v2/query?lang=graphql", c.body, nil)
		switch {
		case r.status != c.status:
			t.Errorf("%s: status %d, want %d: %s", c.name, r.status, c.status, r.body)
		case c.name == "error":
			if msg := graphQLError(t, r); msg != c.want {
				t.Errorf("%s: message %q, want %q", c.name, msg, c.want)
			}
		case c.status == 200 && r.body != c.want:
			t.Errorf("%s: %s, want %s", c.name, r.body, c.want)
		}
	}
}
