// Attacks on a given country: the attacks that took place in it, with who
// carried them out, when, and against whom, a page at a time: the newest
// first (undated last, ties by IRI), `first` rows after the cursor `after`
// ("" for the first page). Change `country` to ask about another one.
// Run: newsgraph query -f examples/queries/attacks-on-country.js
// Next page: set `after` to the cursor of the last row printed.
//
// A country's attacks are few beside the store's: the query reads them and
// their dates (two traversals), orders them, and reads the other fields of
// the page's attacks only, one traversal per field joined by event (see
// who-struck-whom.js, which pages through every attack from the calendar).
var country = "Pakistan";
var first = 100;
var after = "";
// perAttack reads the page's fields with one traversal per attack and
// field instead of one traversal per field from all the page's attacks.
// Leave it false: on bolt that is about four times faster, and on
// PostgreSQL newsgraph makes each field's traversal one SQL statement
// (a page in about 170 statements against 1,750 with perAttack).
var perAttack = false;
var ng = "https://newsgraph.org/ns#";
var type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
function p(name) { return "<" + ng + name + ">"; }
// lit turns a typed literal ("9"^^<…#integer>) into its plain value.
function lit(v) { return v ? String(v).replace(/^"(.*)"\^\^<[^>]*>$/, "$1") : null; }
function bare(v) { return String(v).slice(1, -1); }

var c = g.V().Has(p("name"), country).Has(type, p("Country"));
// Not Unique (an attack met twice, through two reports of its country,
// is kept once below): on PostgreSQL the path is then one SQL statement,
// where Cayley reads a Unique path link by link.
var all = c.In(p("eventCountry")).Has(type, p("Attack"));
var dates = {}, ids = [];
all.ForEach(function (e) {
  if (!(e.id in dates)) {
    dates[e.id] = "";
    ids.push(e.id);
  }
});
all.Tag("event").Out(p("date")).ForEach(function (r) {
  var d = lit(r.id);
  if (dates[r.event] === "" || d < dates[r.event]) {
    dates[r.event] = d;
  }
});
// later tells whether attack a comes before attack b: the newer first,
// the undated last, ties by IRI.
function later(a, b) {
  var da = dates[a], db = dates[b];
  if (da !== db) {
    return (da === "") !== (db === "") ? db === "" : da > db;
  }
  return bare(a) < bare(b);
}
ids.sort(function (a, b) { return later(a, b) ? -1 : later(b, a) ? 1 : 0; });
var cursorOf = function (id) { return dates[id] + "|" + bare(id); };
var start = 0;
if (after) {
  while (start < ids.length && cursorOf(ids[start]) !== after) {
    start++;
  }
  start++;
}
var rows = {}, order = [];
ids.slice(start, start + first).forEach(function (id) {
  rows[id] = {country: country, date: dates[id] || null, attackers: [], targets: [], places: [], event: id, cursor: cursorOf(id)};
  order.push(rows[id]);
});
// starts are where the fields are read from: each attack's node and row
// if perAttack, else all the page's attacks, tagged "event".
var starts = perAttack ? order.map(function (r) { return {path: g.V(r.event), row: r}; }) :
  [{path: g.V.apply(g, order.map(function (r) { return r.event; })).Tag("event"), row: null}];
// names adds to each attack's row, under key, the names of the nodes its
// pred links lead to.
function names(pred, key) {
  starts.forEach(function (s) {
    s.path.Out(p(pred)).Out(p("name")).ForEach(function (r) {
      var list = (s.row || rows[r.event])[key];
      if (list.indexOf(r.id) < 0) {
        list.push(r.id);
      }
    });
  });
}
if (order.length > 0) {
  names("actor", "attackers");
  names("target", "targets");
  names("place", "places");
}
order.forEach(function (row) {
  [row.attackers, row.targets, row.places].forEach(function (l) { l.sort(); });
  g.Emit(row);
});
