// Which sources report each attack, and what each says about casualties:
// one row per attack with one entry per reporting document.
// Run: newsgraph query -f examples/queries/sources-casualties.js
var ng = "https://newsgraph.org/ns#";
var type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
function p(name) { return "<" + ng + name + ">"; }
// lit turns a typed literal ("9"^^<…#integer>) into its plain value.
function lit(v) { return v ? String(v).replace(/^"(.*)"\^\^<[^>]*>$/, "$1") : null; }
g.V().Has(type, p("Attack")).Unique().ForEach(function (e) {
  var sources = [];
  g.V(e.id).In(p("reportOf")).Unique().ForEach(function (r) {
    sources.push({
      doc: g.V(r.id).Out(p("reportedBy")).Out(p("identifier")).ToValue(),
      killed: lit(g.V(r.id).Out(p("killed")).ToValue()),
      injured: lit(g.V(r.id).Out(p("injured")).ToValue()),
      date: lit(g.V(r.id).Out(p("date")).ToValue())
    });
  });
  g.Emit({
    event: e.id,
    actors: g.V(e.id).Out(p("actor")).Out(p("name")).Unique().ToArray(),
    date: lit(g.V(e.id).Out(p("date")).ToValue()),
    sources: sources
  });
});
