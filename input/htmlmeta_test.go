package input

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// metaPage is a page whose <head> holds head, with an article body long
// enough for readability.
func metaPage(head string) string {
	return `<!DOCTYPE html><html><head>` + head + `</head><body><main><article>
<p>Gunmen attacked a checkpoint outside the northern town on Sunday night, killing three soldiers and wounding two others, the army said in a statement.</p>
<p>No group has claimed the attack, the second on a checkpoint in the district this month, officials said on Monday.</p>
</article></main></body></html>`
}

// TestReadHTMLMetadata: the headline, canonical URL, outlet and
// publication date of a page come from its metadata, under each of the
// names pages give them. One row per shape of <head>.
func TestReadHTMLMetadata(t *testing.T) {
	for _, tc := range []struct {
		name    string
		head    string
		pageURL string // the URL the page came from, if known
		want    Page   // Text not compared
	}{
		{"nothing but a title", `<title>Checkpoint attacked</title>`, "",
			Page{Title: "Checkpoint attacked"}},
		{"og:site_name", `<meta property="og:site_name" content="The Example Times">`, "",
			Page{Source: "The Example Times"}},
		{"JSON-LD publisher", `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Three soldiers killed at checkpoint","datePublished":"2024-03-10T21:05:00Z","publisher":{"@type":"Organization","name":"Example Radio"}}</script>`, "",
			Page{Title: "Three soldiers killed at checkpoint", Source: "Example Radio", Published: "2024-03-10"}},
		{"application-name", `<meta name="application-name" content="Example Post">`, "",
			Page{Source: "Example Post"}},
		{"publisher meta, any case", `<meta NAME="Publisher" content="  Example   Herald ">`, "",
			Page{Source: "Example Herald"}},
		{"Dublin Core publisher", `<meta name="DC.publisher" content="Example Gazette">`, "",
			Page{Source: "Example Gazette"}},
		{"microdata publisher", `<meta itemprop="publisher" content="Example Courier">`, "",
			Page{Source: "Example Courier"}},
		{"a publisher that is a URL is no name", `<meta name="publisher" content="https://social.example/examplenews">`, "",
			Page{}},
		{"og:site_name before application-name", `<meta name="application-name" content="Example App"><meta property="og:site_name" content="Example Daily">`, "",
			Page{Source: "Example Daily"}},
		{"og:title before <title>", `<title>Checkpoint attacked | Example Daily</title><meta property="og:title" content="Checkpoint attacked in the north">`, "",
			Page{Title: "Checkpoint attacked in the north"}},
		{"canonical link", `<link rel="canonical" href="https://daily.example/north/checkpoint">`, "",
			Page{URL: "https://daily.example/north/checkpoint"}},
		{"canonical among other rel values", `<link rel="nofollow canonical" href="https://daily.example/a">`, "",
			Page{URL: "https://daily.example/a"}},
		{"og:url without canonical", `<meta property="og:url" content="https://daily.example/og">`, "",
			Page{URL: "https://daily.example/og"}},
		{"canonical before og:url", `<meta property="og:url" content="https://daily.example/og"><link rel="canonical" href="https://daily.example/canon">`, "",
			Page{URL: "https://daily.example/canon"}},
		{"relative canonical, page URL known", `<link rel="canonical" href="/north/checkpoint">`, "https://daily.example/amp/123",
			Page{URL: "https://daily.example/north/checkpoint"}},
		{"relative canonical, page URL unknown", `<link rel="canonical" href="/north/checkpoint">`, "",
			Page{}},
		{"canonical that is not http", `<link rel="canonical" href="ftp://daily.example/x">`, "",
			Page{}},
		{"article:published_time", `<meta property="article:published_time" content="2024-03-10T21:05:00+03:00">`, "",
			Page{Published: "2024-03-10"}},
		{"microdata datePublished", `<meta itemprop="datePublished" content="2024-03-11">`, "",
			Page{Published: "2024-03-11"}},
		{"a date meta in words", `<meta name="date" content="11 March 2024">`, "",
			Page{Published: "2024-03-11"}},
		{"Dublin Core date", `<meta name="dc.date.issued" content="2024-03-12">`, "",
			Page{Published: "2024-03-12"}},
		{"an invalid date is passed over", `<meta name="pubdate" content="2024-02-31"><meta name="citation_publication_date" content="2024/03/13">`, "",
			Page{Published: "2024-03-13"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page, err := ReadHTML([]byte(metaPage(tc.head)), tc.pageURL)
			if err != nil {
				t.Fatal(err)
			}
			got := *page
			got.Text = ""
			if tc.want.Title == "" {
				got.Title = "" // readability's guess from the body
			}
			if got != tc.want {
				t.Errorf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// TestSourceFields: a document's outlet, URL, headline and date come from
// a JSON Lines record's own fields, from an HTML record's or file's
// metadata where it gives none, and from _meta.json, which wins over what
// a page says of itself but its date. One row per input shape.
func TestSourceFields(t *testing.T) {
	page := metaPage(`<title>Page headline</title><meta property="og:site_name" content="Page Outlet"><link rel="canonical" href="https://page.example/a"><meta property="article:published_time" content="2024-03-10">`)
	htmlJSON := `"<html><head><title>Page headline</title><meta property=\"og:site_name\" content=\"Page Outlet\"><link rel=\"canonical\" href=\"https://page.example/a\"><meta property=\"article:published_time\" content=\"2024-03-10\"></head><body><article><p>Gunmen attacked a checkpoint outside the northern town on Sunday night, killing three soldiers, the army said in a statement on Monday.</p></article></body></html>"`
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  extract.Document // Text not compared
	}{
		{"JSON Lines fields", map[string]string{"f.jsonl": `{"id": "r1", "text": "Text.", "source": " Example Wire ", "url": "https://wire.example/r1", "title": "Wire headline", "published": "10 March 2024"}`},
			extract.Document{ID: "r1", Source: "Example Wire", URL: "https://wire.example/r1", Title: "Wire headline", Published: "2024-03-10"}},
		{"JSON Lines HTML: the page's metadata", map[string]string{"f.jsonl": `{"id": "r2", "html": ` + htmlJSON + `}`},
			extract.Document{ID: "r2", Source: "Page Outlet", URL: "https://page.example/a", Title: "Page headline", Published: "2024-03-10"}},
		{"JSON Lines HTML: the record's fields win", map[string]string{"f.jsonl": `{"id": "r3", "html": ` + htmlJSON + `, "source": "Record Outlet", "url": "https://record.example/r3", "title": "Record headline", "published": "2024-03-11"}`},
			extract.Document{ID: "r3", Source: "Record Outlet", URL: "https://record.example/r3", Title: "Record headline", Published: "2024-03-11"}},
		{"HTML file", map[string]string{"p.html": page},
			extract.Document{ID: "p.html", Source: "Page Outlet", URL: "https://page.example/a", Title: "Page headline", Published: "2024-03-10"}},
		{"HTML file: _meta.json wins but for the date", map[string]string{"p.html": page,
			"_meta.json": `{"files": {"p.html": {"source": "Meta Outlet", "url": "https://meta.example/p", "title": "Meta headline", "published": "2024-03-12"}}}`},
			extract.Document{ID: "p.html", Source: "Meta Outlet", URL: "https://meta.example/p", Title: "Meta headline", Published: "2024-03-10"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeFiles(t, tc.files)
			docs, errs := walk(t, Reader{}, dir)
			if len(errs) > 0 || len(docs) != 1 {
				t.Fatalf("documents %q, errors %v", ids(docs), errs)
			}
			got := docs[0]
			got.Text = ""
			if got != tc.want {
				t.Errorf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}
