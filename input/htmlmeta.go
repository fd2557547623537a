package input

import (
	nurl "net/url"
	"strings"

	"golang.org/x/net/html"
)

// pageMeta is what a page's <head> says about the article, besides what
// go-readability reads (its title, JSON-LD, og:site_name and
// article:published_time): the canonical URL, and the outlet and the
// publication date under the other names pages give them.
type pageMeta struct {
	canonical string // <link rel="canonical">
	ogURL     string // og:url
	outlet    string // the first outlet name among outletKeys
	published string // the first valid date among dateKeys, YYYY-MM-DD
}

// outletKeys name the <meta> elements (by name, property or itemprop,
// case-insensitively) that give the outlet's name.
var outletKeys = map[string]bool{
	"og:site_name":       true, // Open Graph
	"application-name":   true, // HTML's own
	"publisher":          true, // plain, or schema.org microdata (itemprop)
	"dc.publisher":       true, // Dublin Core
	"dcterms.publisher":  true, // Dublin Core terms
	"citation_publisher": true, // Highwire Press tags (Google Scholar)
}

// dateKeys name the <meta> elements that give the publication date.
var dateKeys = map[string]bool{
	"article:published_time":    true, // Open Graph article
	"og:published_time":         true, // a common misspelling of the above
	"og:article:published_time": true,
	"datepublished":             true, // schema.org microdata (itemprop)
	"date":                      true,
	"pubdate":                   true,
	"publishdate":               true,
	"publish-date":              true,
	"dc.date":                   true, // Dublin Core
	"dc.date.issued":            true,
	"dcterms.date":              true,
	"dcterms.issued":            true,
	"citation_publication_date": true, // Highwire Press tags
	"citation_date":             true,
	"sailthru.date":             true, // news sites' mailing metadata
	"parsely-pub-date":          true, // Parse.ly
}

// readMeta reads the page's metadata from its <head>.
func readMeta(root *html.Node) pageMeta {
	var m pageMeta
	var visit func(*html.Node) bool
	visit = func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "link":
				m.link(n)
			case "meta":
				m.meta(n)
			case "body":
				return false // metadata lives in <head>
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !visit(c) {
				return false
			}
		}
		return true
	}
	visit(root)
	return m
}

// link reads a <link> element: the first rel="canonical".
func (m *pageMeta) link(n *html.Node) {
	for _, rel := range strings.Fields(attr(n, "rel")) {
		if strings.EqualFold(rel, "canonical") && m.canonical == "" {
			m.canonical = strings.TrimSpace(attr(n, "href"))
		}
	}
}

// meta reads a <meta> element, keyed by its name, property or itemprop.
func (m *pageMeta) meta(n *html.Node) {
	content := strings.Join(strings.Fields(attr(n, "content")), " ")
	if content == "" {
		return
	}
	for _, key := range []string{attr(n, "property"), attr(n, "name"), attr(n, "itemprop")} {
		switch key = strings.ToLower(strings.TrimSpace(key)); {
		case key == "":
		case key == "og:url":
			m.setOnce(&m.ogURL, content)
		case outletKeys[key]:
			if !looksLikeURL(content) {
				m.setOnce(&m.outlet, content)
			}
		case dateKeys[key]:
			if d, err := NormalizeDate(content); err == nil {
				m.setOnce(&m.published, d)
			}
		}
	}
}

// setOnce sets *dst to v unless it is set already.
func (m *pageMeta) setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// looksLikeURL tells a URL (article:publisher and some publisher tags give
// the outlet's page, not its name).
func looksLikeURL(s string) bool {
	u, err := nurl.Parse(s)
	return err == nil && u.Scheme != "" && u.Host != ""
}

// url returns the page's own URL: its canonical link, else og:url, made
// absolute against base (the URL the page was fetched from, if known);
// "" unless http or https.
func (m pageMeta) url(base string) string {
	var b *nurl.URL
	if base != "" {
		if u, err := nurl.Parse(base); err == nil && u.IsAbs() {
			b = u
		}
	}
	for _, s := range []string{m.canonical, m.ogURL} {
		u, err := nurl.Parse(s)
		if err != nil || s == "" {
			continue
		}
		if !u.IsAbs() && b != nil {
			u = b.ResolveReference(u)
		}
		if u.IsAbs() && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u.String()
		}
	}
	return ""
}
