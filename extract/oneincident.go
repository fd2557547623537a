package extract

// An incident note tells of one incident, and an abduction is often told
// with the violence that carried it out: "gunmen attacked the boat and
// took its crew", "fired shots at the car, then abducted the driver",
// "stormed the village, killed two and abducted five". The note's frames
// then make an attack and an abduction by the same doers at the same time
// and place: two events of one incident. foldIncidents makes them one.
// Where the attack hurt no one and hit no one but the captives, it was the
// means of the abduction, and the abduction stays; where it killed or
// wounded, the abduction is part of the attack, which stays. A longer
// text, which may tell of several incidents, keeps both.

// foldIncidents merges, in a short note (shortDoc), each abduction with the
// attacks of the same incident (incidentPair), keeping the event
// foldSurvivor chooses (an abduction kept takes every such attack in turn), then two events of one type that tell one incident
// twice (retold) into the first. It returns the events that stay, in
// order.
func (d *docState) foldIncidents(events []*docEvent) []*docEvent {
	if len(d.sents) > shortDoc {
		return events
	}
	gone := map[*docEvent]*docEvent{}
	for _, ab := range events {
		if ab.f.typ != EventAbduction || gone[ab] != nil {
			continue
		}
		for _, at := range events {
			if at.f.typ != EventAttack || gone[at] != nil || !incidentPair(at, ab) {
				continue
			}
			keep, drop, ok := foldSurvivor(at, ab)
			if !ok {
				continue
			}
			foldEvent(keep, drop)
			gone[drop] = keep
			if keep != ab {
				break
			}
			// the abduction stays: a further act of the note's
			// raid ("attacked the village… abducted two… looted
			// cattle") folds into it as well
		}
	}
	for i, a := range events {
		for _, b := range events[i+1:] {
			if gone[a] == nil && gone[b] == nil && a.f.typ == b.f.typ && retold(a, b) {
				foldEvent(a, b)
				gone[b] = a
			}
		}
	}
	if len(gone) == 0 {
		return events
	}
	out := events[:0]
	for _, e := range events {
		if e.retFor != nil && gone[e.retFor] != nil {
			e.retFor = gone[e.retFor]
		}
		if gone[e] == nil {
			out = append(out, e)
		}
	}
	return out
}

// incidentPair reports whether attack at and abduction ab tell of one
// incident: the same doers, or doers on one side only, and nothing that
// sets them apart (a date more than a day off, another country, places
// neither of which holds the other, one's doer the other's victim).
func incidentPair(at, ab *docEvent) bool {
	if len(at.f.actors) > 0 && len(ab.f.actors) > 0 && !sameActors(at.f.actors, ab.f.actors) {
		return false
	}
	if len(at.f.actors) == 0 && len(ab.f.actors) == 0 && len(at.f.actorText) > 0 && len(ab.f.actorText) > 0 && !sharesText(at.f.actorText, ab.f.actorText) {
		return false
	}
	as := ab.f
	as.typ = at.f.typ
	return compatible(&at.f, &as)
}

// retold reports whether events a and b of one type in a note tell one
// incident twice: one names no doer at all and the other only doers no one
// knows ("A bomb went off at the market… the bomber was not identified",
// "Six were hurt in a grenade attack… the grenade was thrown by unknown
// men"), and nothing sets them apart (compatible). A named doer on either
// side may be another incident's (police who beat villagers after a
// blast), and two described doers that differ are two (compatible).
func retold(a, b *docEvent) bool {
	none := func(e *docEvent) bool { return len(e.f.actors) == 0 && len(e.f.actorText) == 0 }
	unknown := func(e *docEvent) bool { return len(e.f.actors) > 0 && unknownDoers(e.f.actors) }
	if !(none(a) && unknown(b) || unknown(a) && none(b)) {
		return false
	}
	return compatible(&a.f, &b.f)
}

// foldSurvivor returns the event of the pair that stays and the one folded
// into it: the attack where it killed or wounded someone, the abduction
// where the attack hit no one but the captives. ok is false where the
// attack hurt no one and hit others than the captives ("attacked a police
// post and abducted two teachers"): two acts on two victims stay two.
func foldSurvivor(at, ab *docEvent) (keep, drop *docEvent, ok bool) {
	if at.f.killed > 0 || at.f.injured > 0 {
		return at, ab, true
	}
	for _, t := range at.f.targets {
		if !containsEnt(ab.f.targets, t) {
			return nil, nil, false
		}
	}
	return ab, at, true
}

// foldEvent folds event drop into event keep: its frames and arguments;
// keep's type stays, and its kind where drop is of another type.
func foldEvent(keep, drop *docEvent) {
	typ, subtype, cameo := keep.f.typ, keep.f.subtype, keep.f.cameo
	mergeFrame(&keep.f, &drop.f)
	if drop.f.typ != typ {
		keep.f.subtype, keep.f.cameo = subtype, cameo
	}
	keep.f.typ = typ
	for _, f := range drop.frames {
		f.ev = keep
		keep.frames = append(keep.frames, f)
	}
	keep.last = max(keep.last, drop.last)
	keep.cites = append(keep.cites, drop.cites...)
}
