package extract

// slabBlock is the number of values of a slab's block.
const slabBlock = 64

// slab hands out pointers to values of T taken from blocks it keeps, so
// that the many small records of a document's analysis (mentions,
// frames, events) cost no allocation each, and none at all once earlier
// documents have grown the blocks. reset zeroes the values handed out and
// makes them the next document's: no pointer to them may be kept.
type slab[T any] struct {
	blocks [][]T
	n      int // values handed out
}

// new returns a pointer to a copy of v.
func (s *slab[T]) new(v T) *T {
	b, i := s.n/slabBlock, s.n%slabBlock
	if b == len(s.blocks) {
		s.blocks = append(s.blocks, make([]T, slabBlock))
	}
	s.n++
	p := &s.blocks[b][i]
	*p = v
	return p
}

// reset zeroes the values handed out and takes them back. The values
// past the last one handed out are still zero (from the last reset or
// from make), so only the first s.n are cleared.
func (s *slab[T]) reset() {
	for b := 0; b*slabBlock < s.n; b++ {
		clear(s.blocks[b][:min(slabBlock, s.n-b*slabBlock)])
	}
	s.n = 0
}
