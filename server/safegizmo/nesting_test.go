package safegizmo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSourceNesting checks the bound sourceNesting gives for each shape
// of source that makes goja's parser recurse, and that ordinary sources
// stay far below MaxSourceNesting.
func TestSourceNesting(t *testing.T) {
	const n = 2000
	for _, tc := range []struct {
		name, src string
		deep      bool
	}{
		{"brackets", strings.Repeat("[", n) + strings.Repeat("]", n), true},
		{"unclosed brackets", strings.Repeat("[", n), true},
		{"parentheses", strings.Repeat("(", n) + "1" + strings.Repeat(")", n), true},
		{"braces", strings.Repeat("{", n) + strings.Repeat("}", n), true},
		{"logical not", strings.Repeat("!", n) + "1", true},
		{"unary minus", strings.Repeat("- ", n) + "1", true},
		{"typeof", strings.Repeat("typeof ", n) + "1", true},
		{"new", strings.Repeat("new ", n) + "X", true},
		{"assignments", strings.Repeat("a=", n) + "1", true},
		{"conditionals", strings.Repeat("a?b:", n) + "c", true},
		{"labels", strings.Repeat("a:", n) + "1", true},
		{"if chain", strings.Repeat("if(1)", n) + "x;", true},
		{"else if chain", "if(a){}" + strings.Repeat("else if(a){}", n), true},
		{"brackets hidden in a misread string", `if(1)/"/;` + strings.Repeat("[", n) + strings.Repeat("]", n) + `"`, true},
		{"closers in a string do not hide", strings.Repeat(`[']'`, n), true},
		{"long sum", strings.Repeat("1+", n) + "1", false},
		{"long list", "[" + strings.Repeat(`"<a>", `, n) + "1]", false},
		{"statements", strings.Repeat("if (a) { b = c ? d : e; }\n", n), false},
		{"calls", `g.V("<a>")` + strings.Repeat(`.Out("<p>")`, n) + ".All()", false},
		{"case labels", "switch (x) {" + strings.Repeat("case 1: ", n) + "}", false},
		{"for loops", strings.Repeat("for (var i = 0; i < 3; i++) { x += -i; }\n", n), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := sourceNesting(tc.src)
			if tc.deep && got <= MaxSourceNesting {
				t.Errorf("nesting %d, want more than %d", got, MaxSourceNesting)
			}
			if !tc.deep && got > 20 {
				t.Errorf("nesting %d, want at most 20", got)
			}
		})
	}
}

// TestExampleQueriesNotTooDeep checks that the repository's Gizmo queries
// are far from MaxSourceNesting.
func TestExampleQueriesNotTooDeep(t *testing.T) {
	var files []string
	for _, pat := range []string{"../../examples/*.js", "../../examples/queries/*.js", "../../web/static/*.js"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no query files found")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if n := sourceNesting(string(data)); n > MaxSourceNesting/4 {
			t.Errorf("%s: nesting %d", f, n)
		}
	}
}
