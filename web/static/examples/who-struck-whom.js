// Who struck whom, where and when: one row per attack, fused across sources.
// Run: newsgraph query -f examples/queries/who-struck-whom.js
var ng = "https://newsgraph.org/ns#";
function p(name) { return "<" + ng + name + ">"; }
// lit turns a typed literal ("9"^^<…#integer>) into its plain value.
function lit(v) { return v ? String(v).replace(/^"(.*)"\^\^<[^>]*>$/, "$1") : null; }
function names(node, pred) {
  return g.V(node).Out(p(pred)).Out(p("name")).Unique().ToArray();
}
g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", p("Attack")).Unique().ForEach(function (e) {
  g.Emit({
    date: lit(g.V(e.id).Out(p("date")).ToValue()),
    actors: names(e.id, "actor"),
    targets: names(e.id, "target"),
    places: names(e.id, "place"),
    country: names(e.id, "eventCountry"),
    event: e.id
  });
});
