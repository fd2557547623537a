package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/dennwc/graphql/gqlerrors"
)

// MaxGraphQLNesting is the deepest nesting of braces, brackets and
// parentheses accepted in a query to Cayley's GraphQL
// (/api/v2/query?lang=graphql). Its parser (github.com/dennwc/graphql)
// recurses in Go once or more per level, and a Go stack past 1 GB is a
// fatal error no recover catches: a 7 MB query of a million nested
// selections ended the server.
const MaxGraphQLNesting = 1000

// shallowGraphQL passes a Cayley GraphQL query on to next when it nests at
// most MaxGraphQLNesting deep, and answers 400 otherwise. The body (capped
// by the guard) is read and given back to next.
func shallowGraphQL(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		src := r.URL.Query().Get("qu")
		if r.Method == http.MethodPost && r.Body != nil {
			data, err := io.ReadAll(r.Body)
			if err != nil {
				writeError(w, http.StatusBadRequest, "reading the query: "+err.Error())
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(data))
			src = string(data)
		}
		if n := graphqlNesting(src); n > MaxGraphQLNesting {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("the query is nested more than %d deep", MaxGraphQLNesting))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// graphqlNesting returns the deepest nesting of { [ ( in a GraphQL query,
// outside strings and comments. A closing bracket inside a string or
// comment is ignored and an opening one counts, so that a misread string
// can only overcount.
func graphqlNesting(src string) int {
	depth, max := 0, 0
	open := func() {
		depth++
		if depth > max {
			max = depth
		}
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '{', '[', '(':
			open()
		case '}', ']', ')':
			if depth > 0 {
				depth--
			}
		case '"', '#':
			end := byte('"')
			if c == '#' {
				end = '\n'
			}
			for i++; i < len(src) && src[i] != end; i++ {
				switch src[i] {
				case '\\':
					i++
				case '{', '[', '(':
					open()
				}
			}
		}
	}
	return max
}

// GraphQLFunc answers a query in Cayley's GraphQL: the "data" of the
// answer (see Options.GraphQL).
type GraphQLFunc func(ctx context.Context, query string) (map[string]interface{}, error)

// graphqlHandler serves /api/v2/query?lang=graphql with run in place of
// Cayley's session, with the shape of Cayley's answers: {"data": ...},
// or {"errors": [{"message": ...}]}, with status 200 either way. Like
// Cayley's, it reads the query from the body (the guard caps it).
type graphqlHandler struct {
	run GraphQLFunc
}

func (h graphqlHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var answer struct {
		Data   interface{}                `json:"data"`
		Errors []gqlerrors.FormattedError `json:"errors,omitempty"`
	}
	data, err := io.ReadAll(r.Body)
	if err == nil {
		answer.Data, err = h.run(r.Context(), string(data))
	}
	if err != nil {
		answer.Data, answer.Errors = nil, []gqlerrors.FormattedError{{Message: err.Error()}}
	}
	json.NewEncoder(w).Encode(answer)
}
