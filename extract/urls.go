package extract

import (
	"fmt"
	"net/url"
	"strings"
)

// CheckURL checks a document's URL: an absolute http or https URL with a
// host is returned trimmed; anything else ("javascript:…", "data:…",
// "file:…", a relative path) is an error saying so, and "" is returned in
// its place, so that no link of another scheme is stored or rendered.
// Package input checks URLs as it reads them, naming the file; the
// extractor checks again, for documents that come from elsewhere.
func CheckURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return "", fmt.Errorf("url %q dropped: not a URL", s)
	case u.Scheme == "":
		return "", fmt.Errorf("url %q dropped: not absolute (want http or https)", s)
	case !strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https"):
		return "", fmt.Errorf("url %q dropped: scheme %q is not http or https", s, u.Scheme)
	case u.Host == "":
		return "", fmt.Errorf("url %q dropped: no host", s)
	}
	return s, nil
}
