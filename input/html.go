package input

import (
	"bytes"
	"fmt"
	nurl "net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Page is the article read from an HTML page.
type Page struct {
	Title     string // the headline (JSON-LD, og:title, <title>…)
	URL       string // the page's canonical URL (or og:url), if it states one
	Source    string // the outlet's name (JSON-LD publisher, og:site_name…), if any
	Published string // YYYY-MM-DD from the page's metadata, if any
	Text      string // the article body as plain text, one paragraph a line
}

// ReadHTML extracts the article from an HTML page with go-readability,
// dropping navigation, advertisements, footers and other boilerplate. The
// text has one paragraph per line. pageURL, if known, resolves relative
// links (a relative canonical link too); otherwise the page's canonical
// URL is used. The headline, outlet and publication date come from the
// page's metadata: JSON-LD, Open Graph, Dublin Core and the other <meta>
// names of outletKeys and dateKeys.
func ReadHTML(data []byte, pageURL string) (*Page, error) {
	src, err := decodeHTML(data)
	if err != nil {
		return nil, err
	}
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// The parser gives up on elements nested more than 512 deep,
		// which browsers display; the same page without the tags
		// beyond maxDepth keeps its text.
		if flat, ok := flatten(src, maxDepth); ok {
			root, err = html.Parse(strings.NewReader(flat))
		}
		if err != nil {
			return nil, fmt.Errorf("invalid HTML: %v", err)
		}
	}
	meta := readMeta(root)
	page := &Page{URL: meta.url(pageURL)}
	if pageURL == "" {
		pageURL = page.URL
	}
	var u *nurl.URL
	if pageURL != "" {
		if pu, err := nurl.Parse(pageURL); err == nil && pu.IsAbs() {
			u = pu
		}
	}
	article, err := readability.FromDocument(root, u)
	if err != nil {
		return nil, fmt.Errorf("extracting the article: %v", err)
	}
	page.Title = strings.Join(strings.Fields(article.Title()), " ")
	page.Source = strings.Join(strings.Fields(article.SiteName()), " ")
	if page.Source == "" {
		page.Source = meta.outlet
	}
	if t, err := article.PublishedTime(); err == nil {
		if d, err := NormalizeDate(t.Format("2006-01-02")); err == nil {
			page.Published = d
		}
	}
	if page.Published == "" {
		page.Published = meta.published
	}
	if article.Node != nil {
		var b strings.Builder
		if err := article.RenderText(&b); err == nil {
			page.Text = paragraphs(b.String())
		}
	}
	if blank(page.Text) {
		return nil, fmt.Errorf("%w in the page", ErrNoText)
	}
	return page, nil
}

// decodeHTML returns the page as UTF-8: a byte-order mark or a declared
// charset is honoured; undeclared bytes that are not UTF-8 are read as
// Windows-1252, as browsers do.
func decodeHTML(data []byte) (string, error) {
	if bytes.HasPrefix(data, utf16LEBOM) || bytes.HasPrefix(data, utf16BEBOM) || bytes.HasPrefix(data, utf8BOM) {
		dec, err := decodeBOM(data)
		if err != nil {
			return "", err
		}
		data = dec
	} else {
		enc, name, _ := charset.DetermineEncoding(data, "")
		if name != "utf-8" && !(name == "windows-1252" && utf8.Valid(data)) {
			dec, err := enc.NewDecoder().Bytes(data)
			if err != nil {
				return "", fmt.Errorf("decoding %s: %v", name, err)
			}
			data = dec
		}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	s := strings.ToValidUTF8(string(data), "\uFFFD")
	if blank(s) {
		return "", ErrEmpty
	}
	return normalizeNewlines(s), nil
}

// paragraphs tidies rendered text: white space inside a line collapsed,
// blank lines dropped, one paragraph per line.
func paragraphs(s string) string {
	var out []string
	for _, line := range strings.Split(normalizeNewlines(s), "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// maxDepth is how deep flatten lets elements nest, well within the
// parser's limit of 512 open elements.
const maxDepth = 256

// voidElements have no end tag, so they do not nest.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "keygen": true, "link": true, "meta": true, "param": true, "source": true,
	"track": true, "wbr": true, "basefont": true, "bgsound": true, "frame": true, "image": true,
}

// flatten returns src without the start and end tags of elements nested
// deeper than depth (their text and comments kept; scripts and styles
// dropped whole), and whether it dropped any. Depth is counted on tags as
// written: an end tag closes one level.
func flatten(src string, depth int) (string, bool) {
	z := html.NewTokenizer(strings.NewReader(src))
	var b strings.Builder
	b.Grow(len(src))
	level, dropped, inScript := 0, false, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidElements[string(name)] {
				break
			}
			level++
			if level > depth {
				dropped = true
				// the tokenizer reads what follows <script> or
				// <style> as text: drop it too
				inScript = string(name) == "script" || string(name) == "style"
				continue
			}
		case html.EndTagToken:
			level--
			if level >= depth {
				inScript = false
				continue
			}
			level = max(level, 0)
		default:
			if inScript {
				continue
			}
		}
		b.Write(raw)
	}
	return b.String(), dropped
}
