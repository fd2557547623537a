package eval

// matchRatio is 2M/T for two strings of T bytes in all that share M bytes
// in their matching blocks, found as difflib's SequenceMatcher finds them
// (the longest common block, earliest in a then in b, then the same on
// each side of it, recursively; in a b of 200 or more bytes, bytes that
// occur in more than 1 % of it start no block but extend one), so that the
// threshold cuts where the reference scorer's does.
func matchRatio(a, b string) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	m := newBlockMatcher(a, b)
	return 2 * float64(m.matched()) / float64(len(a)+len(b))
}

type blockMatcher struct {
	a, b string
	b2j  map[byte][]int
}

func newBlockMatcher(a, b string) *blockMatcher {
	m := &blockMatcher{a: a, b: b, b2j: map[byte][]int{}}
	for j := 0; j < len(b); j++ {
		m.b2j[b[j]] = append(m.b2j[b[j]], j)
	}
	if n := len(b); n >= 200 {
		limit := n/100 + 1
		for c, js := range m.b2j {
			if len(js) > limit {
				delete(m.b2j, c)
			}
		}
	}
	return m
}

// matched is the number of bytes in all matching blocks.
func (m *blockMatcher) matched() int {
	total := 0
	queue := [][4]int{{0, len(m.a), 0, len(m.b)}}
	for len(queue) > 0 {
		q := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		alo, ahi, blo, bhi := q[0], q[1], q[2], q[3]
		i, j, k := m.longest(alo, ahi, blo, bhi)
		if k == 0 {
			continue
		}
		total += k
		if alo < i && blo < j {
			queue = append(queue, [4]int{alo, i, blo, j})
		}
		if i+k < ahi && j+k < bhi {
			queue = append(queue, [4]int{i + k, ahi, j + k, bhi})
		}
	}
	return total
}

// longest finds the longest block a[i:i+k] == b[j:j+k] within the bounds,
// the earliest in a, then in b, among the longest.
func (m *blockMatcher) longest(alo, ahi, blo, bhi int) (besti, bestj, bestk int) {
	besti, bestj = alo, blo
	j2len := map[int]int{}
	for i := alo; i < ahi; i++ {
		next := map[int]int{}
		for _, j := range m.b2j[m.a[i]] {
			if j < blo {
				continue
			}
			if j >= bhi {
				break
			}
			k := j2len[j-1] + 1
			next[j] = k
			if k > bestk {
				besti, bestj, bestk = i-k+1, j-k+1, k
			}
		}
		j2len = next
	}
	for besti > alo && bestj > blo && m.a[besti-1] == m.b[bestj-1] {
		besti, bestj, bestk = besti-1, bestj-1, bestk+1
	}
	for besti+bestk < ahi && bestj+bestk < bhi && m.a[besti+bestk] == m.b[bestj+bestk] {
		bestk++
	}
	return besti, bestj, bestk
}
