package syntax

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/text"
)

// tagGold is a small hand-checked sample of news sentences written for
// this test, each token as word/TAG in the coarse tag set (Tag.String).
// It measures the tagger; it is not training data.
var tagGold = []string{
	"Gunmen/NN on/IN motorbikes/NN stormed/VBD a/DT village/NN in/IN the/DT north/NN on/IN Tuesday/NNP ,/. killing/VBG at/IN least/RB twelve/CD people/NN ./.",
	"The/DT army/NN said/VBD its/PRP$ troops/NN had/HAVE repelled/VBD the/DT assault/NN and/CC arrested/VBD two/CD suspects/NN ./.",
	"A/DT car/NN bomb/NN exploded/VBD outside/IN a/DT hotel/NN in/IN the/DT capital/NN ,/. wounding/VBG several/CD guards/NN ./.",
	"Police/NN fired/VBD tear/NN gas/NN at/IN protesters/NN who/SUB had/HAVE blocked/VBD the/DT main/JJ road/NN ./.",
	"Two/CD aid/NN workers/NN were/BE abducted/VBD by/IN armed/JJ men/NN near/IN the/DT border/NN and/CC later/RB released/VBD ./.",
	"The/DT rebels/NN denied/VBD that/SUB they/PRP had/HAVE shelled/VBD the/DT camp/NN ./.",
	"An/DT explosive/JJ device/NN planted/VBD on/IN the/DT roadside/NN struck/VBD a/DT military/JJ convoy/NN ./.",
	"Residents/NN said/VBD the/DT attackers/NN burned/VBD houses/NN and/CC looted/VBD shops/NN before/IN fleeing/VBG ./.",
	"Security/NN forces/NN clashed/VBD with/IN militants/NN for/IN several/CD hours/NN ./.",
	"The/DT government/NN has/HAVE not/NEG commented/VBD on/IN the/DT strikes/NN ./.",
	"Suspected/JJ insurgents/NN attack/VB a/DT police/NN post/NN in/IN Tillaberi/NNP",
	"The/DT drone/NN strike/NN hit/VBD a/DT compound/NN used/VBD by/IN the/DT group/NN ./.",
	"A/DT mob/NN lynched/VBD a/DT man/NN accused/VBD of/IN theft/NN in/IN Kano/NNP ./.",
	"Troops/NN could/MD not/NEG reach/VB the/DT town/NN because/SUB of/IN heavy/JJ fighting/NN ./.",
	// sentences that open with a capitalised common word the lexicon
	// lacks (a headline's plural or mass noun), and participle clauses
	"Airstrikes/NN destroyed/VBD a/DT bridge/NN near/IN Dormela/NNP",
	"Gunfire/NN erupted/VBD outside/IN the/DT parliament/NN on/IN Friday/NNP ./.",
	"Protesters/NN blocked/VBD roads/NN in/IN the/DT capital/NN ,/. police/NN said/VBD ./.",
	"Landmines/NN killed/VBD three/CD farmers/NN in/IN Kessaro/NNP province/NN ./.",
	"Shopkeepers/NN closed/VBD their/PRP$ stores/NN after/SUB gunmen/NN looted/VBD the/DT market/NN ./.",
	"Villagers/NN fled/VBD as/SUB fighters/NN advanced/VBD on/IN the/DT town/NN ./.",
	"Floods/NN displaced/VBD hundreds/CD of/IN families/NN in/IN the/DT south/NN ./.",
	"Hostages/NN held/VBD by/IN the/DT group/NN were/BE freed/VBD on/IN Sunday/NNP ./.",
	"Mortar/NN fire/NN struck/VBD a/DT school/NN in/IN Varkesh/NNP ,/. wounding/VBG five/CD pupils/NN ./.",
	"Kidnappers/NN seized/VBD a/DT priest/NN on/IN the/DT road/NN to/IN Ombari/NNP ./.",
	"Soldiers/NN stationed/VBD in/IN Varkesh/NNP repelled/VBD an/DT attack/NN by/IN bandits/NN ./.",
	"A/DT convoy/NN ambushed/VBD near/IN Ombari/NNP by/IN gunmen/NN lost/VBD two/CD trucks/NN ./.",
	"Mourners/NN gathered/VBD for/IN the/DT funeral/NN of/IN the/DT murdered/JJ chief/NN ./.",
	"Fighters/NN killed/VBD 3/CD soldiers/NN ,/. 2/CD police/NN officers/NN and/CC 4/CD civilians/NN ./.",
	"Insurgents/NN attacked/VBD a/DT checkpoint/NN manned/VBD by/IN militia/NN members/NN ./.",
	"Rockets/NN fired/VBD from/IN the/DT hills/NN landed/VBD near/IN the/DT airport/NN ./.",
}

// TestTagAccuracy measures the tagger on tagGold and fails below 0.95.
func TestTagAccuracy(t *testing.T) {
	p := NewParser()
	n, ok := 0, 0
	for _, line := range tagGold {
		var words, tags []string
		for _, wt := range strings.Fields(line) {
			i := strings.LastIndex(wt, "/")
			words = append(words, wt[:i])
			tags = append(tags, wt[i+1:])
		}
		s := p.Parse(text.Tokenize(strings.Join(words, " "), 0))
		if len(s.Tags) != len(tags) {
			t.Fatalf("%q: %d tokens, gold has %d", line, len(s.Tags), len(tags))
		}
		for i, g := range tags {
			n++
			if s.Tags[i].String() == g {
				ok++
			} else {
				t.Logf("%s: got %s, want %s (in %q)", words[i], s.Tags[i], g, strings.Join(words, " "))
			}
		}
	}
	acc := float64(ok) / float64(n)
	t.Logf("tag accuracy %d/%d = %.3f", ok, n, acc)
	if acc < 0.95 {
		t.Errorf("tag accuracy %.3f < 0.95", acc)
	}
}

// FuzzParse checks that any text parses without a panic and with chunks
// and roles inside the sentence.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"to", "'s", "by", "The", "was been being", "- -", "a ,", "Clashes between", "killed by"} {
		f.Add(s)
	}
	for _, c := range clauseTests {
		f.Add(c.in)
	}
	p := NewParser()
	f.Fuzz(func(t *testing.T, in string) {
		s := p.Parse(text.Tokenize(in, 0))
		for _, c := range s.Chunks {
			if c.A < 0 || c.B > len(s.Toks) || c.A >= c.B || c.Head < c.A || c.Head >= c.B {
				t.Fatalf("chunk %+v out of sentence of %d tokens", c, len(s.Toks))
			}
		}
		for _, cl := range s.Clauses {
			for _, r := range append([]int{cl.Subj, cl.Obj, cl.Agent}, cl.Preps...) {
				if r >= len(s.Chunks) {
					t.Fatalf("role %d out of %d chunks", r, len(s.Chunks))
				}
			}
		}
	})
}
