package extract

import "strings"

// A place name that is a town in several countries ("Eastleigh", a
// suburb of Nairobi and a town of England; "Pangani", a ward of Nairobi
// and a town of Tanzania) takes the country the rest of the document
// supports. The countries the document names (by name, demonym or a
// national body: countryCount) decide first; where none of the
// namesakes lies in one of them (namesAnyCountry), the countries of its
// other evidence (countryEvidence) do, each signal for its reason:
//
//   - another place of the document whose every reading lies in one
//     country, read as a place: the note is about that country ("a grenade
//     in Eastleigh … suspects held in Garissa");
//   - a community, party, leader or company of data/homecountries.tsv the
//     document writes: the lands it lives in ("Pokot raiders struck in
//     X": a town of Kenya or Uganda, not a namesake of England);
//   - an armed group or force of the lexicon that fights in several
//     lands (data/homecountries.tsv by its key): each of them ("al
//     Shabaab struck in X": Somalia or Kenya). A group of one land is
//     counted in countryCount already, by the lexicon's country.
//
// Each signal counts every land it supports: a people or group of
// several lands favours the namesakes in any of them and leaves the
// choice among those to the other facts of the name (its population, a
// capital); it never picks one of its lands by itself. Evidence lifts a
// namesake less than a country the document names (evidenceBonus), so
// a note that names its country is read there whatever else it says.

// evidenceBonus is what a candidate place gains when its country has
// evidence (countryEvidence) but the document names it nowhere: more
// than the half point such a candidate otherwise loses (score) plus the
// population a town of a few hundred thousand scores over a hamlet of
// none, less than the two points a country the document names gives.
const evidenceBonus = 1.0

// countryEvidence counts, for each country, the signals of the
// document's text that support it (see above), into d.evidence. hits
// are findNames' name hits; it runs before any of them is chosen. The
// names of data/homecountries.tsv the text writes (homesWritten) are
// counted on first need (hasEvidence): most documents name the country
// of every place, and their text need not be searched for them.
func (d *docState) countryEvidence(hits []nameHit) {
	ev := &d.buf.evidence
	for _, h := range hits {
		if cc := d.solePlaceCountry(h); cc != "" {
			ev.add(cc, 1)
		}
		for _, c := range h.cands {
			if c.lex == nil || c.class != ClassArmedGroup && c.class != ClassStateForce {
				continue
			}
			_, key, _ := strings.Cut(c.key, "/")
			if hm, ok := homeCountries()[key]; ok && len(hm.ccs) > 1 {
				for _, cc := range hm.ccs {
					ev.add(cc, 1)
				}
			}
		}
	}
	d.evidence, d.homesPending = ev, true
}

// hasEvidence reports whether countryEvidence found evidence for
// country cc, false before it ran. The names of homecountries.tsv the
// text writes are counted the first time the other signals have none
// for a country asked about.
func (d *docState) hasEvidence(cc string) bool {
	if d.evidence == nil {
		return false
	}
	if d.evidence.get(cc) > 0 {
		return true
	}
	if d.homesPending {
		d.homesPending = false
		for _, hm := range d.homesWritten() {
			for _, cc := range hm.ccs {
				d.evidence.add(cc, 1)
			}
		}
	}
	return d.evidence.get(cc) > 0
}

// namesAnyCountry reports whether a reading among cands lies in a
// country the document names (countryCount): then that decides, and the
// other evidence has no say ("Somali forces … in X region": X of
// Somalia, though Somalis live in other lands too; "the Somali state" is
// Somalia, not the Ethiopian region of that name).
func (d *docState) namesAnyCountry(cands []*cand) bool {
	for _, c := range cands {
		if c.country != "" && d.countryCount.get(c.country) > 0 {
			return true
		}
	}
	return false
}

// solePlaceCountry returns the country of name hit h when every reading
// of it is a place or division of that one country and the best of them
// is read as a place (a capitalised common word at a sentence's start is
// none); "" otherwise.
func (d *docState) solePlaceCountry(h nameHit) string {
	cc := ""
	for _, c := range h.cands {
		if c.gaz == nil || c.country == "" || c.class != ClassRegion && c.class != ClassPlace || cc != "" && c.country != cc {
			return ""
		}
		cc = c.country
	}
	if cc == "" {
		return ""
	}
	if _, sc := d.bestCand(h); sc < 0 {
		return ""
	}
	return cc
}

// homesWritten returns the homes of the names of data/homecountries.tsv
// the document writes, those inside the entities found so far too
// (appendWrittenHomes: the names as countryEvidence saw them, before
// findNames made any entity), and of those that open a sentence before
// a noun for a people or an armed group ("Pokot raiders", "Garre
// militia"), where the capital says it is a name.
func (d *docState) homesWritten() []home {
	out := d.appendWrittenHomes(nil, false)
	h := homeCountries()
	for _, s := range d.sents {
		toks := s.Tokens
		if len(toks) == 0 || !isUpperWord(&toks[0]) || toks[0].AllCaps() || !homeNameStarts(toks[0].Norm) {
			continue
		}
		for b := min(len(toks), maxHomeWords); b > 0; b-- {
			if !peopleNounAt(toks, b) {
				continue
			}
			if hm, ok := h[strings.ToLower(d.doc.Text[toks[0].Start:toks[b-1].End])]; ok {
				out = append(out, hm)
				break
			}
		}
	}
	return out
}
