// Command worldgen converts a world-atlas TopoJSON file (countries-50m.json
// or countries-110m.json from the npm package world-atlas, ISC licence,
// Natural Earth data in the public domain) into the compact outline the
// explorer's map draws: {"countries": [{"id", "name", "rings": [[lon, lat,
// lon, lat, …], …]}]}, coordinates rounded to -precision degrees and
// repeated points dropped. web/build.sh runs it.
//
//	go run ./web/internal/worldgen -in countries-50m.json -out web/static/world.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
)

type topology struct {
	Type      string `json:"type"`
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects map[string]struct {
		Geometries []geometry `json:"geometries"`
	} `json:"objects"`
}

type geometry struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
}

type country struct {
	ID    string      `json:"id,omitempty"`
	Name  string      `json:"name"`
	Rings [][]float64 `json:"rings"`
}

func main() {
	in := flag.String("in", "", "world-atlas countries TopoJSON `FILE`")
	out := flag.String("out", "", "output `FILE`")
	precision := flag.Float64("precision", 0.02, "rounding step in degrees")
	flag.Parse()
	if err := run(*in, *out, *precision); err != nil {
		fmt.Fprintln(os.Stderr, "worldgen:", err)
		os.Exit(1)
	}
}

func run(in, out string, step float64) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var topo topology
	if err := json.Unmarshal(data, &topo); err != nil {
		return err
	}
	if topo.Type != "Topology" {
		return fmt.Errorf("%s: not a TopoJSON topology", in)
	}
	// Decode the arcs: delta-encoded and quantized when there is a transform.
	arcs := make([][][2]float64, len(topo.Arcs))
	for i, arc := range topo.Arcs {
		var x, y float64
		pts := make([][2]float64, len(arc))
		for j, p := range arc {
			if topo.Transform != nil {
				x += p[0]
				y += p[1]
				pts[j] = [2]float64{x*topo.Transform.Scale[0] + topo.Transform.Translate[0], y*topo.Transform.Scale[1] + topo.Transform.Translate[1]}
			} else {
				pts[j] = p
			}
		}
		arcs[i] = pts
	}
	ring := func(idx []int) []float64 {
		var flat []float64
		var last [2]float64
		have := false
		for _, a := range idx {
			pts := arcs[a^(a>>31)] // ~a for negative indexes
			if a < 0 {
				rev := make([][2]float64, len(pts))
				for i := range pts {
					rev[i] = pts[len(pts)-1-i]
				}
				pts = rev
			}
			for _, p := range pts {
				q := [2]float64{round(p[0], step), round(p[1], step)}
				if have && q == last {
					continue
				}
				flat = append(flat, q[0], q[1])
				last, have = q, true
			}
		}
		return flat
	}
	obj, ok := topo.Objects["countries"]
	if !ok {
		return fmt.Errorf("%s: no countries object", in)
	}
	var countries []country
	for _, g := range obj.Geometries {
		c := country{ID: g.ID, Name: g.Properties.Name}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return err
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return err
			}
		default:
			continue
		}
		for _, p := range polys {
			for _, r := range p {
				if flat := ring(r); len(flat) >= 6 {
					c.Rings = append(c.Rings, flat)
				}
			}
		}
		if len(c.Rings) > 0 {
			countries = append(countries, c)
		}
	}
	b, err := json.Marshal(map[string]any{
		"source":    "world-atlas (ISC licence), Natural Earth (public domain); converted by web/internal/worldgen",
		"countries": countries,
	})
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

func round(v, step float64) float64 {
	r := math.Round(v/step) * step
	// Print short decimals.
	return math.Round(r*1000) / 1000
}
