package safegizmo

// MaxSourceNesting is the deepest nesting a query's source (and the
// source given to eval and Function) may have. goja's parser and compiler
// recurse in Go once or more per level, and a Go stack past 1 GB is a
// fatal error no recover catches: a 2 MB query of a million nested
// brackets ended the server. A thousand levels take a few megabytes.
const MaxSourceNesting = 1000

// sourceNesting returns an upper bound of how deeply goja's parser
// recurses on src. It counts the brackets ( [ { and, within a bracket, the
// chains the parser reads recursively: prefix operators (! ~ unary + -,
// typeof, void, delete, new), assignments and conditionals (= ? :) and
// statements whose bodies are not blocks (if, else, for, while, with,
// do). A chain ends at ; and , (and a statement chain at the } of a
// block not followed by else).
//
// The scan does not parse: where it cannot tell a regular expression from
// a division it may take one for a string, so the content of strings,
// regular expressions and comments still counts opening brackets and
// chain characters (only closing ones and chain ends are ignored there).
// It can thus overcount a query full of brackets in strings, never
// undercount.
func sourceNesting(src string) int {
	// A frame is a bracket: the levels below it (its own included) and
	// its chains.
	type frame struct{ below, expr, stmt int }
	frames := []frame{{}}
	var content func(byte)
	depth := func() int {
		f := frames[len(frames)-1]
		return f.below + f.expr + f.stmt
	}
	max := 0
	note := func() {
		if d := depth(); d > max {
			max = d
		}
	}
	top := func() *frame { return &frames[len(frames)-1] }
	content = func(c byte) {
		if contentCounts(c) {
			top().expr++
			note()
		}
	}
	operand := true // the next token starts an operand (a / is a regexp)
	blockEnded := false
	for i := 0; i < len(src); {
		c := src[i]
		if blockEnded && !isSpace(c) {
			blockEnded = false
			if !hasWord(src, i, "else") {
				top().stmt = 0
			}
		}
		switch {
		case isSpace(c):
			i++
		case c == '"' || c == '\'':
			i = skipQuoted(src, i, c, content)
			operand = false
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			i = skipUntil(src, i+2, "\n", content)
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i = skipUntil(src, i+2, "*/", content)
		case c == '/' && operand:
			i = skipRegexp(src, i, content)
			operand = false
		case c == '(' || c == '[' || c == '{':
			frames = append(frames, frame{below: depth() + 1})
			note()
			operand = true
			i++
		case c == ')' || c == ']' || c == '}':
			if len(frames) > 1 {
				frames = frames[:len(frames)-1]
			}
			operand = false
			blockEnded = c == '}'
			i++
		case c == ';':
			top().expr, top().stmt = 0, 0
			operand = true
			i++
		case c == ',':
			top().expr = 0
			operand = true
			i++
		case c == '=' || c == '!' || c == '<' || c == '>':
			j := i + 1
			for j < len(src) && src[j] == '=' {
				j++
			}
			if j == i+1 && (c == '=' || c == '!') {
				top().expr++ // an assignment or a logical not
				note()
			}
			operand = true
			i = j
		case c == '?' || c == ':' || c == '~':
			top().expr++
			note()
			operand = true
			i++
		case c == '+' || c == '-':
			if operand {
				top().expr++
				note()
			}
			operand = true
			i++
		case isWordByte(c):
			j := i
			for j < len(src) && isWordByte(src[j]) {
				j++
			}
			switch w := src[i:j]; w {
			case "typeof", "void", "delete", "new", "in", "instanceof", "return", "throw":
				if w != "in" && w != "instanceof" && w != "return" && w != "throw" {
					top().expr++
					note()
				}
				operand = true
			case "if", "else", "for", "while", "with", "do":
				top().stmt++
				note()
				operand = true
			case "case", "default":
				top().expr, top().stmt = 0, 0
				operand = true
			default:
				operand = false
			}
			i = j
		default:
			operand = true
			i++
		}
	}
	return max
}

// contentCounts reports whether a byte of string, regexp or comment
// content counts as a level (see sourceNesting).
func contentCounts(c byte) bool {
	switch c {
	case '(', '[', '{', '=', '!', '?', ':', '~', '+', '-':
		return true
	}
	return false
}

// skipQuoted skips the string literal at i (quote q), passing its bytes to
// content, and returns the index after it. A string ends at its quote, at
// an unescaped line break or at the end of src.
func skipQuoted(src string, i int, q byte, content func(byte)) int {
	for i++; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\':
			i++
		case c == q || c == '\n':
			return i + 1
		default:
			content(c)
		}
	}
	return i
}

// skipUntil skips a comment's content from i to the end mark, passing its
// bytes to content, and returns the index after the mark.
func skipUntil(src string, i int, end string, content func(byte)) int {
	for ; i < len(src); i++ {
		if len(src)-i >= len(end) && src[i:i+len(end)] == end {
			return i + len(end)
		}
		content(src[i])
	}
	return i
}

// skipRegexp skips the regular expression literal at i, passing its bytes
// to content, and returns the index after it: it ends at an unescaped /
// outside a class, at a line break or at the end of src.
func skipRegexp(src string, i int, content func(byte)) int {
	class := false
	for i++; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\':
			i++
		case c == '\n':
			return i
		case c == '[':
			class = true
			content(c)
		case c == ']':
			class = false
		case c == '/' && !class:
			return i + 1
		default:
			content(c)
		}
	}
	return i
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func isWordByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// hasWord reports whether src has the word w at i.
func hasWord(src string, i int, w string) bool {
	return len(src) >= i+len(w) && src[i:i+len(w)] == w && (i+len(w) == len(src) || !isWordByte(src[i+len(w)]))
}
