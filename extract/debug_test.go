package extract

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func TestDebugFrames(t *testing.T) {
	txt := os.Getenv("NG_DEBUG")
	if txt == "" {
		t.Skip()
	}
	d := newDocState(loadResources(), Document{Text: txt})
	d.findNames()
	d.findBodies()
	d.findPersons()
	d.findUnknowns()
	d.linkPlaces()
	for si := range d.sents {
		for _, f := range d.sentenceFrames(si) {
			fmt.Printf("raw frame s%d %s %q verb=%v neg=%v weak=%v rel=%v\n", si, f.typ, d.surface(si, f.a, f.b), f.verb, f.negated, f.weak, f.relative)
		}
	}
	evs := d.findEvents(time.Date(2024, 1, 18, 0, 0, 0, 0, time.UTC))
	for _, e := range evs {
		for _, f := range e.frames {
			var an []string
			for _, a := range f.actors {
				an = append(an, a.name)
			}
			fmt.Printf("event %p %s frame s%d %q actors=%v verb=%v def=%v weak=%v rel=%v date=%v\n", e, e.f.typ, f.s, d.surface(f.s, f.a, f.b), an, f.verb, f.definite, f.weak, f.relative, f.date)
		}
	}
}
