package extract

import (
	"slices"

	"github.com/newsgraph/newsgraph/extract/text"
)

// The dead of a fight are often counted side by side in one sentence, in
// two clauses: "a ranger was killed while troops killed two of the
// attackers", "two soldiers died and four militants were shot dead". The
// incident's toll is the sum of both sides; the figures of one side are
// kept apart (the larger one wins), as a repeated or partial figure
// would be.

// Sides a toll's victims stand on.
const (
	sideNone = iota
	sideHit  // a force or civilians
	sideArmed
)

// subsetWords between two figures make the second part of the first
// ("killed ten, including two soldiers").
var subsetWords = grammarList("subsetWords")

// tollSide is the side of the people that casualty figure c counts, read
// from the head words of its phrase and the few words after its figure
// ("one of the attackers", "one bandit was killed"): a participant head
// of class ArmedGroup is the armed side, one of a force or of civilians
// the side hit; sideNone where no head says.
func tollSide(toks []text.Token, c casualty) int {
	_, side := tollHead(toks, c)
	return side
}

// tollHead returns the participant head word that names the people
// casualty figure c counts, and their side (tollSide); "" and sideNone
// where no head says.
func tollHead(toks []text.Token, c casualty) (string, int) {
	l := loadWordLists()
	for k := c.At; k < len(toks) && k < c.End+3; k++ {
		w := toks[k].Norm
		if k >= c.End && (toks[k].Kind != text.Word || markToll.has(&toks[k]) || tollAuxiliaries.Has(w)) {
			break
		}
		h, ok := l.heads[w]
		if ok && h.kind == "needs-modifier" && k > c.At {
			h.class, ok = modifiedClass(l, toks[k-1].Norm), true
		}
		if !ok {
			continue
		}
		switch h.class {
		case ClassArmedGroup:
			return w, sideArmed
		case ClassStateForce, ClassCivilians:
			return w, sideHit
		}
	}
	return "", sideNone
}

// sumSides joins two death figures of a sentence that count the dead of
// opposite sides ("a soldier was killed and troops killed three rebels")
// into one figure, their sum, spanning both. Any other set of figures (one
// side, three figures, a part of the other: subsetWords) is returned as
// it is.
func sumSides(toks []text.Token, cs []casualty) []casualty {
	var dead []int
	for i, c := range cs {
		if c.Killed {
			dead = append(dead, i)
		}
	}
	if len(dead) > 2 {
		return sumGroups(toks, cs, dead)
	}
	if len(dead) != 2 {
		return cs
	}
	a, b := cs[dead[0]], cs[dead[1]]
	if b.At < a.At {
		a, b = b, a
	}
	if a.End > b.At || a.N <= 0 || b.N <= 0 {
		return cs
	}
	sa, sb := tollSide(toks, a), tollSide(toks, b)
	if sa == sideNone || sb == sideNone || sa == sb {
		return cs
	}
	for k := a.End; k < b.At; k++ {
		if subsetWords.Has(toks[k].Norm) {
			return cs
		}
	}
	out := slices.Clone(cs)
	out[dead[0]] = casualty{At: a.At, End: b.End, Killed: true, N: addSaturating(a.N, b.N)}
	return slices.Delete(out, dead[1], dead[1]+1)
}

// sumGroups joins three or more death figures of a sentence, each in its
// own phrase or clause, into one figure, their sum, spanning them all,
// where each counts a different group ("a soldier was killed, two
// policemen died and troops killed four militants"): every figure names
// the people it counts, no two name them with the same head word (a
// repeated head may repeat a figure), no subsetWords stands between two
// of them, and the first figure is not the sum of the others (a total
// before its breakdown: "five died: two soldiers and three civilians").
// Otherwise cs is returned as it is.
func sumGroups(toks []text.Token, cs []casualty, dead []int) []casualty {
	seen := map[string]bool{}
	total := 0
	for n, i := range dead {
		c := cs[i]
		head, side := tollHead(toks, c)
		if side == sideNone || seen[head] || c.N <= 0 {
			return cs
		}
		seen[head] = true
		if n > 0 && !figuresApart(toks, cs[dead[n-1]], c) {
			return cs
		}
		total = addSaturating(total, c.N)
	}
	if first := cs[dead[0]].N; 2*first == total {
		return cs
	}
	out := make([]casualty, 0, len(cs)-len(dead)+1)
	for i, c := range cs {
		switch {
		case i == dead[0]:
			out = append(out, casualty{At: c.At, End: cs[dead[len(dead)-1]].End, Killed: true, N: total})
		case !c.Killed:
			out = append(out, c)
		}
	}
	return out
}

// figuresApart reports whether figure b follows figure a without
// overlapping it and with no subsetWords between them ("ten were killed,
// including…").
func figuresApart(toks []text.Token, a, b casualty) bool {
	if a.End > b.At {
		return false
	}
	for k := a.End; k < b.At; k++ {
		if subsetWords.Has(toks[k].Norm) {
			return false
		}
	}
	return true
}

// modifiedClass is the class a head that needs a modifier takes after
// modifier word w ("security personnel" are a force, "armed men" an armed
// group); "" where w gives it none.
func modifiedClass(l *wordLists, w string) string {
	switch l.mods[w].effect {
	case modState:
		return ClassStateForce
	case modArmed:
		return ClassArmedGroup
	}
	return ""
}
