package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// A square made of two arcs, the second used reversed (~1 = -2), with
// quantized, delta-encoded coordinates.
const topo = `{"type":"Topology",
 "transform":{"scale":[0.5,0.5],"translate":[10,20]},
 "arcs":[[[0,0],[2,0],[0,2]],[[0,0],[0,2],[2,0]]],
 "objects":{"countries":{"type":"GeometryCollection","geometries":[
  {"type":"Polygon","id":"001","arcs":[[0,-2]],"properties":{"name":"Squareland"}},
  {"type":"Point","coordinates":[0,0],"properties":{"name":"Dot"}}]}}}`

func TestRun(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.json"), filepath.Join(dir, "out.json")
	if err := os.WriteFile(in, []byte(topo), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(in, out, 0.01); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Countries []country `json:"countries"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	// Arc 0 is (10,20) (11,20) (11,21); arc 1 is (10,20) (10,21) (11,21),
	// which ~1 walks backwards; the repeated point at the join is dropped.
	// The point geometry is left out.
	want := []country{{ID: "001", Name: "Squareland", Rings: [][]float64{{10, 20, 11, 20, 11, 21, 10, 21, 10, 20}}}}
	if !reflect.DeepEqual(got.Countries, want) {
		t.Fatalf("got %+v, want %+v", got.Countries, want)
	}
}
