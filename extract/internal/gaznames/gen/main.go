// Command gen compiles the trie of the gazetteer's names
// (extract/internal/gaznames/names.bin) and the transliteration keys of
// its countries and regions (translit.txt) and the countries' capitals
// (capitals.txt) from the embedded gazetteer. Run
// it with go generate in extract/internal/gaznames, after the gazetteer's
// data changes (go generate ./extract/gazetteer).
package main

import (
	"log"
	"os"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
	"github.com/newsgraph/newsgraph/extract/internal/gaznames"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gaznames/gen: ")
	b, err := gaznames.Build(gazetteer.Default())
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(gaznames.File, b, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d bytes", gaznames.File, len(b))
	t := gaznames.BuildTranslit(gazetteer.Default())
	if err := os.WriteFile(gaznames.TranslitFile, t, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d bytes", gaznames.TranslitFile, len(t))
	c := gaznames.BuildCapitals(gazetteer.Default())
	if err := os.WriteFile(gaznames.CapitalsFile, c, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d bytes", gaznames.CapitalsFile, len(c))
}
