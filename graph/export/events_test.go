package export

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/internal/testtool"
)

func TestEventGraph(t *testing.T) {
	day, k7, k9 := "2024-01-18", 7, 9
	pk := extract.Ref{ID: "pk", Name: "Pakistan", Class: extract.ClassCountry}
	bla := extract.Ref{ID: "bla", Name: "Balochistan Liberation Army", Class: extract.ClassArmedGroup}
	ir := extract.Ref{ID: "ir", Name: "Iran", Class: extract.ClassCountry}
	events := []extract.Event{
		{ID: "e1", Type: "Attack", Subtype: "airstrike", Actors: []extract.Ref{pk}, Targets: []extract.Ref{bla},
			Places: []extract.Ref{{ID: "s", Name: "Sistan and Baluchestan"}}, Date: &day, Killed: &k7, KilledMax: &k9,
			RetaliationFor: "e2", Sources: make([]extract.SourceClaim, 5)},
		{ID: "e2", Type: "Attack", Actors: []extract.Ref{ir}, Targets: []extract.Ref{{ID: "jaa", Name: "Jaish al-Adl \"JaA\"", Class: extract.ClassArmedGroup}}},
	}
	var b bytes.Buffer
	if err := EventGraph(&b, events); err != nil {
		t.Fatal(err)
	}
	dot := b.String()
	for _, want := range []string{"Attack (airstrike)", "2024-01-18 · Sistan and Baluchestan", "7–9 killed · 5 sources", "retaliation for", `Jaish al-Adl \"JaA\"`} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %q:\n%s", want, dot)
		}
	}
	testtool.Require(t, "dot", "graphviz")
	var svg bytes.Buffer
	if err := RenderSVG(context.Background(), b.Bytes(), &svg); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(svg.String(), "<svg") || !strings.Contains(svg.String(), "Balochistan Liberation Army") {
		t.Errorf("SVG: %.300s", svg.String())
	}
}
