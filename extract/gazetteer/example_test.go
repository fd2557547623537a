package gazetteer_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/extract/gazetteer"
)

// A town, the province it lies in and the province's country.
func ExampleGazetteer_Lookup() {
	g := gazetteer.Default()
	for _, e := range g.Lookup("Saravan") {
		if e.Country != "IR" {
			continue // Saravan is also a spelling of Salavan, Laos
		}
		for p := e; p != nil; p = g.Within(p) {
			fmt.Printf("%s %s (%s)\n", p.Kind, p.Name, p.ID)
		}
	}
	for _, e := range g.Lookup("Siestan-o-Baluchistan") {
		fmt.Println(e.ID, e.Name)
	}
	if c, ok := g.IsDemonym("Pakistani"); ok {
		fmt.Println(c.Name, c.Wikidata)
	}
	// Output:
	// place Saravan (IR-11-saravan)
	// region Sistan and Baluchestan (IR-11)
	// country Iran (IR)
	// IR-11 Sistan and Baluchestan
	// Pakistan Q843
}

func ExampleNormalize() {
	fmt.Println(gazetteer.Normalize("Sistan-o-Baluchestan"))
	fmt.Println(gazetteer.Normalize("Türkiye"))
	fmt.Println(gazetteer.Normalize("Côte d’Ivoire"))
	// Output:
	// sistan o baluchestan
	// turkiye
	// cote d ivoire
}
