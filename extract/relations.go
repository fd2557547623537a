package extract

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/text"
)

// relationKey is what makes two relations of a document the same one.
type relationKey struct{ subject, predicate, value, ref string }

// sentSpans is the evidence of a relation read in sentence s: made per
// relation, since most sentences give none.
func (x *Lexical) sentSpans(d *docState, s int) []Span { return []Span{x.sentSpan(d, s)} }

// refAndSpan returns a pointer to a copy of r and a one-span evidence
// slice of sp, made in one allocation: the object and evidence of a
// relation such as locatedIn, which every place gives.
func refAndSpan(r Ref, sp Span) (*Ref, []Span) {
	p := &struct {
		r  Ref
		sp [1]Span
	}{r, [1]Span{sp}}
	return &p.r, p.sp[:]
}

// relations reads the relations of a document: roles of people, aliases
// the text defines, where groups operate and what they seek, when they were
// founded, who controls what, and where places lie.
func (x *Lexical) relations(d *docState) []Relation {
	var out []Relation
	// the keys of out, scanned: a document states a few relations, and
	// a scan of them costs less than hashing four strings for a map
	var seenArr [8]relationKey
	seen := seenArr[:0]
	add := func(r Relation) {
		k := relationKey{r.Subject.ID, r.Predicate, r.Object.Value, ""}
		if r.Object.Ref != nil {
			k.ref = r.Object.Ref.ID
		}
		if slices.Contains(seen, k) {
			return
		}
		seen = append(seen, k)
		out = append(out, r)
	}
	for _, rm := range d.roles {
		val := rm.role
		var org *Ref
		if rm.of != nil {
			val += " of " + rm.of.name
			r := x.ref(rm.of)
			org = &r
		}
		add(Relation{Subject: x.ref(rm.person), Predicate: "holdsRole", Object: Object{Value: val}, Role: rm.role, Org: org, Evidence: []Span{x.sentSpan(d, rm.s)}})
	}
	for _, e := range d.order {
		if e.within != nil && len(e.mentions) > 0 {
			w, ev := refAndSpan(x.ref(e.within), x.sentSpan(d, e.mentions[0].s))
			add(Relation{Subject: x.ref(e), Predicate: "locatedIn", Object: Object{Ref: w}, Evidence: ev})
		} else if e.class == ClassRegion && e.country != "" && len(e.mentions) > 0 {
			if c := d.countryEntity(e.country); c != nil {
				w, ev := refAndSpan(x.ref(c), x.sentSpan(d, e.mentions[0].s))
				add(Relation{Subject: x.ref(e), Predicate: "locatedIn", Object: Object{Ref: w}, Evidence: ev})
			}
		}
	}
	for si, s := range d.sents {
		if d.skip[si] {
			continue
		}
		toks := s.Tokens
		groupBefore := func(k int) *entity {
			var g *entity
			for _, m := range d.ments[si] {
				if m.b <= k && (m.ent.class == ClassArmedGroup) {
					g = m.ent
				}
			}
			return g
		}
		entsAfter := func(k, limit int, classes ...string) []*entity {
			var es []*entity
			for _, m := range d.ments[si] {
				if m.a >= k && m.a < k+limit {
					for _, c := range classes {
						if m.ent.class == c {
							es = appendEnt(es, m.ent)
						}
					}
				}
			}
			return es
		}
		for k := 0; k < len(toks); k++ {
			w := toks[k].Norm
			if len(w) < len("based") {
				continue // the shortest word a case below asks for
			}
			switch {
			case (w == "independence" || w == "freedom" || w == "autonomy" || w == "separation") && k+1 < len(toks) && toks[k+1].Norm == "for":
				if g := groupBefore(k); g != nil {
					for _, p := range listAfter(d, si, k+2, ClassRegion, ClassPlace, ClassCountry) {
						add(Relation{Subject: x.ref(g), Predicate: "seeksIndependenceFor", Object: Object{Ref: refp(x.ref(p))}, Evidence: x.sentSpans(d, si)})
					}
				}
			case w == "operates" && k+1 < len(toks) && toks[k+1].Norm == "in" || w == "active" && k+1 < len(toks) && toks[k+1].Norm == "in" || w == "based" && k+1 < len(toks) && toks[k+1].Norm == "in":
				if g := groupBefore(k); g != nil {
					for _, p := range entsAfter(k+2, 4, ClassRegion, ClassPlace, ClassCountry) {
						add(Relation{Subject: x.ref(g), Predicate: "operatesIn", Object: Object{Ref: refp(x.ref(p))}, Evidence: x.sentSpans(d, si)})
					}
				}
			case w == "founded" || w == "formed" || w == "established":
				if k+2 < len(toks) && toks[k+1].Norm == "in" && len(toks[k+2].Norm) == 4 && toks[k+2].Kind == 1 {
					if g := groupBefore(k); g != nil {
						add(Relation{Subject: x.ref(g), Predicate: "foundedIn", Object: Object{Value: toks[k+2].Text}, Evidence: x.sentSpans(d, si)})
					}
				}
			case w == "controls" || w == "controlled" && k > 0 && toks[k-1].Norm != "-":
				var subj *entity
				for _, m := range d.ments[si] {
					if m.b <= k && (m.ent.class == ClassArmedGroup || m.ent.class == ClassCountry || m.ent.class == ClassStateForce) {
						subj = m.ent
					}
				}
				if subj != nil {
					for _, p := range entsAfter(k+1, 4, ClassRegion, ClassPlace, ClassCountry) {
						add(Relation{Subject: x.ref(subj), Predicate: "controls", Object: Object{Ref: refp(x.ref(p))}, Evidence: x.sentSpans(d, si)})
					}
				}
			}
		}
		// "X, a member of Y" / "a commander of Y" / "Y commander X"
		for _, m := range d.ments[si] {
			if m.ent.class != ClassPerson {
				continue
			}
			b := m.b
			if b+3 < len(toks) && toks[b].Norm == "," {
				k := b + 1
				for k < len(toks) && k < b+5 && toks[k].Norm != "of" {
					k++
				}
				if k < len(toks) && toks[k].Norm == "of" && memberNouns.Has(toks[k-1].Norm) {
					for _, g := range entsAfter(k+1, 3, ClassArmedGroup, ClassOrganization, ClassStateForce) {
						add(Relation{Subject: x.ref(m.ent), Predicate: "memberOf", Object: Object{Ref: refp(x.ref(g))}, Evidence: x.sentSpans(d, si)})
					}
				}
			}
			// "Hezbollah commander Ali Karaki"
			if m.a >= 2 && memberNouns.Has(toks[m.a-1].Norm) {
				for _, g := range d.ments[si] {
					if g.b == m.a-1 && (g.ent.class == ClassArmedGroup || g.ent.class == ClassStateForce) {
						add(Relation{Subject: x.ref(m.ent), Predicate: "memberOf", Object: Object{Ref: refp(x.ref(g.ent))}, Evidence: x.sentSpans(d, si)})
					}
				}
			}
		}
		// "X, or the Y," and "X, or “Y”," define an alias
		// lower-casing makes no comma: a sentence without one is not read
		if strings.IndexByte(s.Text, ',') >= 0 && lowerContains(s.Text, ", or ") {
			for _, m := range d.ments[si] {
				b := m.b
				if b+2 < len(toks) && toks[b].Norm == "," && toks[b+1].Norm == "or" {
					j := b + 2
					for j < len(toks) && (toks[j].Norm == "the" || toks[j].Norm == "\"") {
						j++
					}
					for _, m2 := range d.ments[si] {
						if m2.a == j && m2.ent == m.ent {
							add(Relation{Subject: x.ref(m.ent), Predicate: "alias", Object: Object{Value: d.surface(si, m2.a, m2.b)}, Evidence: x.sentSpans(d, si)})
						}
					}
				}
			}
		}
	}
	return out
}

func refp(r Ref) *Ref { return &r }

// memberNouns are the nouns of "X, a member of Y" and "Y commander X".
var memberNouns = grammarList("memberNouns")

// listAfter returns the entities of a list that starts at token k of
// sentence si: "for Iran's eastern Sistan and Pakistan's southwestern
// Baluchistan provinces" gives Sistan and Baluchistan (possessive
// countries only qualify the items). The list ends at a preposition or
// any other word that cannot continue it.
func listAfter(d *docState, si, k int, classes ...string) []*entity {
	toks := d.sents[si].Tokens
	var es []*entity
	i := k
	for i < len(toks) {
		var m *mention
		for _, x := range d.ments[si] {
			if x.a == i && (m == nil || x.b > m.b) {
				m = x
			}
		}
		if m != nil {
			ok := !m.possessive && !m.demonym
			if ok {
				for _, c := range classes {
					if m.ent.class == c {
						es = appendEnt(es, m.ent)
					}
				}
			}
			i = m.b
			if m.possessive {
				i += 2
			}
			continue
		}
		w := toks[i].Norm
		switch {
		case w == "," || w == "and" || w == "the" || w == "greater" || w == "an" || w == "independent":
		case toks[i].Kind == text.Word && !toks[i].Upper() && !prepositions.Has(w) && i+1 < len(toks) && (isUpperWord(&toks[i+1]) || d.mentionStarts(si, i+1)):
			// an adjective before an item: "eastern", "southwestern"
		case (w == "provinces" || w == "regions" || w == "province" || w == "region") && len(es) > 0:
		case isUpperWord(&toks[i]) && i+1 < len(toks) && (toks[i+1].Norm == "and" || toks[i+1].Norm == ","):
			// an item the lists do not know ("Iran's eastern Sistan and …")
		case toks[i].Kind == text.Word && !toks[i].Upper() && !prepositions.Has(w) && len(es) > 0 && i+1 < len(toks) && d.mentionStarts(si, i+1):
			// an adjective before the next item
		default:
			return es
		}
		i++
	}
	return es
}
