package input

import (
	"bytes"
	"unicode/utf8"
)

// decodeFast reads line into rec as json.Unmarshal would, for the shape
// nearly every JSON Lines record has: one object whose keys are the
// record's field names spelled exactly, each value a string. It reports
// whether it did; on false rec is left in any state and the caller decodes
// the line with encoding/json, which also words the error of a line that is
// not JSON. Anything else (another key, a key differing in case, which
// encoding/json also matches, a null, a number, an escape in a key, a
// \u escape of a surrogate, bytes that are no UTF-8) is left to
// encoding/json, so the fast path never decides an answer encoding/json
// would give otherwise. It saves encoding/json's two passes over every
// byte (a validity scan, then the decode), a call per byte of the text.
func (rec *jsonlRecord) decodeFast(line []byte) bool {
	i := skipJSONSpace(line, 0)
	if i == len(line) || line[i] != '{' {
		return false
	}
	i = skipJSONSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		return skipJSONSpace(line, i+1) == len(line)
	}
	for {
		key, next, ok := plainJSONString(line, i)
		if !ok {
			return false
		}
		i = skipJSONSpace(line, next)
		if i == len(line) || line[i] != ':' {
			return false
		}
		i = skipJSONSpace(line, i+1)
		start := i
		val, next, ok := decodeJSONString(line, i)
		if !ok || !rec.setFast(key, val, line[start:next]) {
			return false
		}
		i = skipJSONSpace(line, next)
		if i == len(line) {
			return false
		}
		switch line[i] {
		case ',':
			i = skipJSONSpace(line, i+1)
		case '}':
			return skipJSONSpace(line, i+1) == len(line)
		default:
			return false
		}
	}
}

// setFast stores the string val of the field spelled key (raw is the
// value as written, for the ID); false for a key the record has no field
// for.
func (rec *jsonlRecord) setFast(key []byte, val string, raw []byte) bool {
	switch string(key) {
	case "id":
		rec.ID, rec.idText = raw, &val
	case "text":
		rec.Text = &val
	case "html":
		rec.HTML = &val
	case "title":
		rec.Title = val
	case "url":
		rec.URL = val
	case "published":
		rec.Published = val
	case "source":
		rec.Source = val
	default:
		return false
	}
	return true
}

// skipJSONSpace returns the first index from i on of a byte of b that is
// not JSON white space.
func skipJSONSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// plainJSONString returns the bytes of the string opening at b[i] when it
// holds no escape and no control character, and the index after its
// closing quote.
func plainJSONString(b []byte, i int) (s []byte, next int, ok bool) {
	if i == len(b) || b[i] != '"' {
		return nil, 0, false
	}
	for j := i + 1; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			return b[i+1 : j], j + 1, true
		case c == '\\' || c < 0x20:
			return nil, 0, false
		}
	}
	return nil, 0, false
}

// decodeJSONString returns the value of the string opening at b[i] and the
// index after it, as encoding/json decodes it; false for none, for one
// that is not valid UTF-8 and for a \u escape of a surrogate.
func decodeJSONString(b []byte, i int) (s string, next int, ok bool) {
	if i == len(b) || b[i] != '"' {
		return "", 0, false
	}
	i++
	start, ascii, escaped := i, true, false
	for ; i < len(b); i++ {
		c := b[i]
		if c == '"' {
			break
		}
		switch {
		case c < 0x20:
			return "", 0, false
		case c == '\\':
			escaped = true
			i++ // the escaped byte, read again below
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	if i >= len(b) {
		return "", 0, false
	}
	raw := b[start:i]
	// escapes are ASCII, so the raw bytes are UTF-8 exactly when every
	// run between them is
	if !ascii && !utf8.Valid(raw) {
		return "", 0, false
	}
	if !escaped {
		return string(raw), i + 1, true
	}
	out, ok := unescapeJSON(raw)
	if !ok {
		return "", 0, false
	}
	return string(out), i + 1, true
}

// unescapeJSON resolves the escapes of raw, the bytes between a string's
// quotes; false for an escape JSON has not or a \u of a surrogate. The
// runs between escapes are copied whole.
func unescapeJSON(raw []byte) ([]byte, bool) {
	out := make([]byte, 0, len(raw))
	for {
		j := bytes.IndexByte(raw, '\\')
		if j < 0 {
			return append(out, raw...), true
		}
		out = append(out, raw[:j]...)
		if raw = raw[j+1:]; len(raw) == 0 {
			return nil, false
		}
		c := raw[0]
		switch c {
		case '"', '\\', '/':
		case 'b':
			c = '\b'
		case 'f':
			c = '\f'
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		case 'u':
			r, ok := hex4(raw, 1)
			if !ok || utf16Surrogate(r) {
				return nil, false
			}
			out = utf8.AppendRune(out, r)
			raw = raw[5:]
			continue
		default:
			return nil, false
		}
		out = append(out, c)
		raw = raw[1:]
	}
}

// hex4 reads the four hexadecimal digits at raw[i:].
func hex4(raw []byte, i int) (rune, bool) {
	if i+4 > len(raw) {
		return 0, false
	}
	var r rune
	for _, c := range raw[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// utf16Surrogate reports whether r is half of a UTF-16 surrogate pair.
func utf16Surrogate(r rune) bool { return 0xD800 <= r && r <= 0xDFFF }
