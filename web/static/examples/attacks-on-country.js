// Every attack on a given country: the attacks that took place in it, with
// who carried them out, when, and against whom. Change `country` to ask
// about another one.
// Run: newsgraph query -f examples/queries/attacks-on-country.js
//
// One traversal per field over the country's attacks, joined by event (see
// who-struck-whom.js).
var country = "Pakistan";
var ng = "https://newsgraph.org/ns#";
var type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
function p(name) { return "<" + ng + name + ">"; }
// lit turns a typed literal ("9"^^<…#integer>) into its plain value.
function lit(v) { return v ? String(v).replace(/^"(.*)"\^\^<[^>]*>$/, "$1") : null; }

var c = g.V().Has(p("name"), country).Has(type, p("Country"));
var attacks = c.In(p("eventCountry")).Has(type, p("Attack")).Unique();
var rows = {}, order = [];
attacks.ForEach(function (e) {
  rows[e.id] = {country: country, date: null, attackers: [], targets: [], places: [], event: e.id};
  order.push(rows[e.id]);
});
attacks.Tag("event").Out(p("date")).ForEach(function (r) {
  if (rows[r.event].date === null) {
    rows[r.event].date = lit(r.id);
  }
});
// names adds to each attack's row, under key, the names of the nodes its
// pred links lead to.
function names(pred, key) {
  attacks.Tag("event").Out(p(pred)).Out(p("name")).ForEach(function (r) {
    var list = rows[r.event][key];
    if (list.indexOf(r.id) < 0) {
      list.push(r.id);
    }
  });
}
names("actor", "attackers");
names("target", "targets");
names("place", "places");
order.forEach(function (row) {
  [row.attackers, row.targets, row.places].forEach(function (l) { l.sort(); });
  g.Emit(row);
});
