package input

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// maxInvalidRatio is the share of bytes that are not valid UTF-8 above which
// a file is taken for binary (or for text in another encoding) and
// rejected. Below it, each bad byte becomes U+FFFD.
const maxInvalidRatio = 0.01

// DecodeText turns the bytes of a text file into the document text: a UTF-8
// byte-order mark is dropped, UTF-16 with a byte-order mark is decoded,
// CRLF and lone CR become LF. It fails with ErrBinary for a file holding NUL
// bytes or too many bytes that are not UTF-8, and with ErrEmpty for a file
// holding nothing but white space (or invisible characters).
func DecodeText(data []byte) (string, error) {
	data, err := decodeBOM(data)
	if err != nil {
		return "", err
	}
	if err := checkBinary(data); err != nil {
		return "", err
	}
	s := string(data)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = normalizeNewlines(strings.TrimLeft(s, "\uFEFF"))
	if blank(s) {
		return "", ErrEmpty
	}
	return s, nil
}

// blank reports whether s holds nothing but white space and invisible
// format characters (byte-order marks, zero-width spaces).
func blank(s string) bool {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) }) == ""
}

// decodeBOM drops a UTF-8 byte-order mark and decodes UTF-16 that starts
// with one.
func decodeBOM(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		return data[len(utf8BOM):], nil
	case bytes.HasPrefix(data, utf16LEBOM), bytes.HasPrefix(data, utf16BEBOM):
		little := data[0] == 0xFF
		data = data[2:]
		if len(data)%2 != 0 {
			return nil, fmt.Errorf("%w: UTF-16 text with an odd number of bytes", ErrBinary)
		}
		u := make([]uint16, len(data)/2)
		for i := range u {
			if little {
				u[i] = uint16(data[2*i]) | uint16(data[2*i+1])<<8
			} else {
				u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
			}
		}
		return []byte(string(utf16.Decode(u))), nil
	}
	return data, nil
}

// checkBinary rejects data holding NUL bytes or too many invalid UTF-8
// sequences.
func checkBinary(data []byte) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		if looksUTF16(data) {
			return fmt.Errorf("%w: NUL bytes (UTF-16 without a byte-order mark? convert it to UTF-8)", ErrBinary)
		}
		return fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	if utf8.Valid(data) {
		return nil
	}
	invalid := 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		}
		i += n
	}
	if float64(invalid) > maxInvalidRatio*float64(len(data)) {
		return fmt.Errorf("%w: not UTF-8 text (%d of %d bytes invalid); convert it to UTF-8, e.g. with iconv", ErrBinary, invalid, len(data))
	}
	return nil
}

// looksUTF16 tells whether, at the start of data, the bytes of one parity
// are mostly NUL and those of the other mostly not, as in ASCII text
// encoded as UTF-16 (and not in an executable or an image, NUL-padded
// everywhere).
func looksUTF16(data []byte) bool {
	if len(data) > 512 {
		data = data[:512]
	}
	var even, odd int
	for i, b := range data {
		if b == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(data) / 2
	return half > 0 && (even > half*3/4 && odd < half/4 || odd > half*3/4 && even < half/4)
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
