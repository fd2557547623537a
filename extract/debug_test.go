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
	for si := range d.sents {
		for _, f := range d.sentenceFrames(si) {
			fmt.Printf("frame %s %q verb=%v passive=%v neg=%v def=%v\n", f.typ, d.surface(si, f.a, f.b), f.verb, f.passive, f.negated, f.definite)
		}
		for _, m := range d.ments[si] {
			fmt.Printf("  mention %q %s %s\n", d.surface(si, m.a, m.b), m.ent.class, m.ent.key)
		}
	}
	for si := range d.sents {
		fr := d.sentenceFrames(si)
		subj := d.sentenceSubject(si)
		for fi, f := range fr {
			d.fillActor(f, fr, fi, nil, subj)
			fmt.Printf("after fillActor %s actors=%d explicit=%v\n", f.typ, len(f.actors), f.explicitActor)
		}
	}
	evs := d.findEvents(time.Date(2024, 2, 13, 0, 0, 0, 0, time.UTC))
	for _, e := range evs {
		fmt.Printf("event %s actors=%d targets=%d\n", e.f.typ, len(e.f.actors), len(e.f.targets))
	}
}
