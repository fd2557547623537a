package extract

import (
	"crypto/sha256"
	"encoding/hex"
)

// textDigest returns the hex SHA-256 of s, as
// hex.EncodeToString(sha256.Sum256([]byte(s))) does, without copying the
// whole text to the heap: it is fed to the hash through a small buffer.
func textDigest(s string) string {
	h := sha256.New()
	var buf [4096]byte
	for len(s) > 0 {
		n := copy(buf[:], s)
		h.Write(buf[:n])
		s = s[n:]
	}
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0]))
}
