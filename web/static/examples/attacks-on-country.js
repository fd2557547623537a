// Every attack on a given country: the attacks that took place in it, with
// who carried them out, when, and against whom. Change `country` to ask
// about another one.
// Run: newsgraph query -f examples/queries/attacks-on-country.js
var country = "Pakistan";
var ng = "https://newsgraph.org/ns#";
var type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
function p(name) { return "<" + ng + name + ">"; }
// lit turns a typed literal ("9"^^<…#integer>) into its plain value.
function lit(v) { return v ? String(v).replace(/^"(.*)"\^\^<[^>]*>$/, "$1") : null; }
function names(node, pred) {
  return g.V(node).Out(p(pred)).Out(p("name")).Unique().ToArray();
}
var c = g.V().Has(p("name"), country).Has(type, p("Country"));
c.In(p("eventCountry")).Has(type, p("Attack")).Unique().ForEach(function (e) {
  g.Emit({
    country: country,
    date: lit(g.V(e.id).Out(p("date")).ToValue()),
    attackers: names(e.id, "actor"),
    targets: names(e.id, "target"),
    places: names(e.id, "place"),
    event: e.id
  });
});
