package extract

import (
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/text"
)

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24, "hundreds": 200, "a": 1, "an": 1}

// numberAt reads a number at token i ("9", "1,200", "nine", "twenty-five",
// "a dozen") and returns it with the index after it.
func numberAt(toks []text.Token, i int) (int, int, bool) {
	if i >= len(toks) {
		return 0, i, false
	}
	t := toks[i]
	if t.Kind == text.Number {
		v, err := strconv.Atoi(strings.ReplaceAll(t.Text, ",", ""))
		if err != nil || strings.ContainsAny(t.Text, ".:") {
			return 0, i, false
		}
		return v, i + 1, true
	}
	v, ok := numberWords[t.Norm]
	if !ok || t.Norm == "a" || t.Norm == "an" {
		if (t.Norm == "a" || t.Norm == "an") && i+1 < len(toks) && toks[i+1].Norm == "dozen" {
			return 12, i + 2, true
		}
		// "a Hezbollah commander": one person
		if (t.Norm == "a" || t.Norm == "an") && i+2 < len(toks) && (singularVictims.has(toks[i+1].Norm) || singularVictims.has(toks[i+2].Norm)) {
			return 1, i + 1, true
		}
		return 0, i, false
	}
	j := i + 1
	if v >= 20 && v < 100 && j+1 < len(toks) && toks[j].Norm == "-" {
		if u, ok := numberWords[toks[j+1].Norm]; ok && u < 10 {
			v += u
			j += 2
		}
	}
	return v, j, true
}

var victimNouns = newWordSet(map[string]bool{"people": true, "persons": true, "person": true, "civilians": true, "civilian": true, "children": true, "child": true, "women": true, "woman": true, "men": true, "man": true, "soldiers": true, "soldier": true, "troops": true, "militants": true, "terrorists": true, "fighters": true, "police": true, "policemen": true, "officers": true, "personnel": true, "others": true, "members": true, "nationals": true, "villagers": true, "students": true, "workers": true, "worshippers": true, "passengers": true, "residents": true, "pilgrims": true, "insurgents": true, "rebels": true, "guards": true, "staff": true, "journalists": true, "protesters": true, "security": true, "family": true, "commander": true, "leader": true, "officer": true, "policeman": true, "journalist": true, "fighter": true, "militant": true, "guard": true, "doctor": true, "worker": true})

// singularVictims are nouns for one person that casualty lists count:
// "a Hezbollah commander and two civilians".
var singularVictims = newWordSet(map[string]bool{"commander": true, "leader": true, "soldier": true, "child": true, "woman": true, "man": true, "officer": true, "policeman": true, "journalist": true, "civilian": true, "fighter": true, "militant": true, "guard": true, "doctor": true, "worker": true})

var killWords = newWordSet(map[string]bool{"killed": true, "killing": true, "kill": true, "kills": true, "dead": true, "died": true, "die": true, "deaths": true, "death": true, "lives": true, "slain": true, "massacred": true, "martyred": true})
var hurtWords = newWordSet(map[string]bool{"injured": true, "injuring": true, "wounded": true, "wounding": true, "hurt": true, "injure": true, "wound": true, "injuries": true})

// casualty is a figure the sentence gives: Killed or injured, at token At.
type casualty struct {
	At     int
	Killed bool
	N      int
}

// findCasualties reads killed and injured figures: "killed at least nine
// people", "nine people have been killed", "four children, three women and
// two men … have been killed" (summed), "wounded three others".
// vagueCounts are quantities that give no number: "dozens killed" leaves
// the toll unknown.
var vagueCounts = newWordSet(map[string]bool{"dozens": true, "hundreds": true, "thousands": true, "scores": true, "several": true, "many": true})

// noneWords are the nouns of "no fatalities", "no casualties reported":
// a toll of zero (Killed) or no injury.
var noneWords = map[string]int{"fatalities": 1, "fatality": 1, "deaths": 1, "death": 1, "casualties": 1, "casualty": 1, "dead": 1, "injuries": 2, "injury": 2, "injured": 2}

// noneFillers may stand between "no" and the toll it denies: "no
// reported human casualties", "no immediate reports of casualties".
var noneFillers = newWordSet(map[string]bool{"reported": true, "known": true, "confirmed": true, "immediate": true, "human": true, "other": true, "further": true, "reports": true, "report": true, "of": true, "serious": true, "bodily": true})

// noCasualties reports whether a sentence says that no one died ("no
// fatalities reported", "no reported casualties", "no one was killed")
// and whether it says no one was hurt, with the token where it says so.
func noCasualties(toks []text.Token) (killed, hurt bool, at int) {
	for i, t := range toks {
		if t.Norm != "no" && t.Norm != "nobody" {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			w := toks[k].Norm
			if t.Norm == "nobody" || w == "one" && k == i+1 {
				// "no one was killed", "nobody was hurt"
				for j := k; j < len(toks) && j <= k+3; j++ {
					if killWords.has(toks[j].Norm) {
						return true, false, i
					}
					if hurtWords.has(toks[j].Norm) {
						return false, true, i
					}
				}
				break
			}
			switch noneWords[w] {
			case 1:
				return true, false, i
			case 2:
				return false, true, i
			}
			if !noneFillers.has(w) {
				break
			}
		}
	}
	return false, false, -1
}

func findCasualties(toks []text.Token) []casualty {
	return findCasualtiesWith(toks, nil)
}

// findCasualtiesWith is findCasualties with an extra test for words that
// name people ("Palestinians", "Iranians": demonyms).
func findCasualtiesWith(toks []text.Token, people func(text.Token) bool) []casualty {
	isVictim := func(t text.Token) bool {
		return victimNouns.has(t.Norm) || people != nil && people(t)
	}
	var out []casualty
	used := map[int]bool{}
	for i := 0; i < len(toks); i++ {
		n, j, ok := numberAt(toks, i)
		if !ok || used[i] {
			continue
		}
		if i > 0 && (toks[i-1].Norm == "of" && i > 1 && toks[i-2].Norm == "one") {
			continue
		}
		// a list of counted victims: four children, three women and two men
		total := 0
		k := i
		listEnd := i
		for {
			v, e, ok := numberAt(toks, k)
			if !ok {
				break
			}
			e2 := e
			for e2 < len(toks) && e2 < e+3 && !isVictim(toks[e2]) && toks[e2].Kind == text.Word && !killWords.has(toks[e2].Norm) && !hurtWords.has(toks[e2].Norm) {
				e2++
			}
			if e2 >= len(toks) || !isVictim(toks[e2]) {
				if k == i {
					break
				}
				break
			}
			total += v
			used[k] = true
			listEnd = e2 + 1
			k = e2 + 1
			if k < len(toks) && (toks[k].Norm == "," || toks[k].Norm == "and") {
				k++
				if k < len(toks) && toks[k].Norm == "and" {
					k++
				}
				continue
			}
			break
		}
		bare := false
		if total == 0 {
			total = n
			listEnd = j
			if j < len(toks) && toks[j].Kind == text.Word && !isVictim(toks[j]) && !killWords.has(toks[j].Norm) && !hurtWords.has(toks[j].Norm) {
				// a number not counting people ("seven locations")
				if !(j+1 < len(toks) && isVictim(toks[j+1])) {
					continue
				}
			}
			bare = j >= len(toks) || !isVictim(toks[j]) && !(j+1 < len(toks) && isVictim(toks[j+1]))
		}
		if toks[i].Norm == "one" && i+1 < len(toks) && toks[i+1].Norm == "of" {
			continue
		}
		kind := 0
		// verb before: "killing at least nine", "wounded three others"
		for k := i - 1; kind == 0 && k >= 0 && k >= i-4; k-- {
			w := toks[k].Norm
			if killWords.has(w) {
				kind = 1
			} else if hurtWords.has(w) {
				kind = 2
			} else if w != "at" && w != "least" && w != "over" && w != "more" && w != "than" && w != "some" && w != "about" && w != "around" && w != "nearly" && w != "almost" && w != "up" && w != "to" {
				break
			}
		}
		// verb after: "… were killed", "… have been killed", "… dead"
		for k := listEnd; kind == 0 && !bare && k < len(toks) && k < listEnd+12; k++ {
			w := toks[k].Norm
			if killWords.has(w) {
				kind = 1
				break
			}
			if hurtWords.has(w) {
				kind = 2
				break
			}
			if w == "." || w == ";" || w == "that" || w == "who" && k > listEnd+8 {
				break
			}
		}
		if kind == 0 {
			continue
		}
		if i > 0 && (toks[i-1].Norm == "no" || toks[i-1].Norm == "none") {
			continue
		}
		if vagueCounts.has(toks[i].Norm) && total == n {
			continue // "dozens were killed": a number the text does not give
		}
		out = append(out, casualty{At: i, Killed: kind == 1, N: total})
	}
	return out
}
