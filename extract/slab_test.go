package extract

import "testing"

// TestSlabReset checks that a slab hands out distinct values that keep
// what they were given, and that reset zeroes them before handing them out
// again, across more than one block.
func TestSlabReset(t *testing.T) {
	var s slab[mention]
	for round := range 2 {
		var got []*mention
		for i := range 3*slabBlock + 5 {
			got = append(got, s.new(mention{s: i, a: round}))
		}
		for i, m := range got {
			if m.s != i || m.a != round {
				t.Fatalf("round %d: value %d holds s=%d a=%d", round, i, m.s, m.a)
			}
		}
		s.reset()
		for i, m := range got {
			if *m != (mention{}) {
				t.Fatalf("round %d: value %d not zeroed by reset: %+v", round, i, *m)
			}
		}
		// reset clears the values handed out only; the rest of the
		// blocks must still be zero, so that new hands out zeroed memory
		for b, blk := range s.blocks {
			for i, m := range blk {
				if m != (mention{}) {
					t.Fatalf("round %d: block %d value %d not zero after reset: %+v", round, b, i, m)
				}
			}
		}
	}
}
