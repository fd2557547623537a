package corpus

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func generate(t *testing.T, seed uint64, n int) []byte {
	t.Helper()
	g, err := New(seed)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, _, err := g.Write(&buf, n, 0); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSameSeedSameBytes(t *testing.T) {
	a, b := generate(t, 7, 300), generate(t, 7, 300)
	if !bytes.Equal(a, b) {
		t.Fatal("same seed gave different corpora")
	}
	if c := generate(t, 8, 300); bytes.Equal(a, c) {
		t.Fatal("different seeds gave the same corpus")
	}
	lines := strings.Split(strings.TrimSpace(string(a)), "\n")
	if len(lines) != 300 {
		t.Fatalf("%d lines, want 300", len(lines))
	}
	ids := map[string]bool{}
	for _, l := range lines {
		var art Article
		if err := json.Unmarshal([]byte(l), &art); err != nil {
			t.Fatal(err)
		}
		if art.ID == "" || art.Text == "" || len(art.Published) != 10 || ids[art.ID] {
			t.Fatalf("bad article %+v", art)
		}
		ids[art.ID] = true
		if strings.Contains(art.Text, "\x00") {
			t.Fatalf("placeholder left in %s", art.ID)
		}
	}
}

func TestSize(t *testing.T) {
	g, err := New(1)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	_, n, err := g.Write(&buf, 0, 100<<10)
	if err != nil || n < 100<<10 || int64(buf.Len()) != n {
		t.Fatalf("wrote %d bytes (%d buffered), err %v", n, buf.Len(), err)
	}
	for _, c := range []struct {
		in   string
		want int64
	}{{"10MB", 10 << 20}, {"512kb", 512 << 10}, {"1G", 1 << 30}, {"1000", 1000}} {
		if got, err := ParseSize(c.in); err != nil || got != c.want {
			t.Errorf("ParseSize(%q) = %d, %v", c.in, got, err)
		}
	}
}
