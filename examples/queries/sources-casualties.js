// Which sources report each attack, and what each says about casualties:
// one row per attack with one entry per reporting document.
// Run: newsgraph query -f examples/queries/sources-casualties.js
//
// Like who-struck-whom.js, the query walks the whole set of attacks (and
// of their reports) once per field and joins the answers by node, instead
// of running small queries for each attack and each report.
var ng = "https://newsgraph.org/ns#";
var type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
function p(name) { return "<" + ng + name + ">"; }
// lit turns a typed literal ("9"^^<…#integer>) into its plain value.
function lit(v) { return v ? String(v).replace(/^"(.*)"\^\^<[^>]*>$/, "$1") : null; }

var attacks = g.V().Has(type, p("Attack")).Unique();
var rows = {}, order = [];
attacks.ForEach(function (e) {
  rows[e.id] = {event: e.id, actors: [], date: null, sources: []};
  order.push(rows[e.id]);
});
attacks.Tag("event").Out(p("actor")).Out(p("name")).ForEach(function (r) {
  var list = rows[r.event].actors;
  if (list.indexOf(r.id) < 0) {
    list.push(r.id);
  }
});
attacks.Tag("event").Out(p("date")).ForEach(function (r) {
  if (rows[r.event].date === null) {
    rows[r.event].date = lit(r.id);
  }
});

// One entry per report: the document that reports it and its own figures.
var reports = attacks.In(p("reportOf")).Unique();
var sources = {};
attacks.Tag("event").In(p("reportOf")).ForEach(function (r) {
  if (!sources[r.id]) {
    sources[r.id] = {doc: null, killed: null, injured: null, date: null};
  }
  if (rows[r.event].sources.indexOf(sources[r.id]) < 0) {
    rows[r.event].sources.push(sources[r.id]);
  }
});
// first sets key of each report's entry to the first value the path from
// the report leads to.
function first(path, key, plain) {
  path.ForEach(function (r) {
    var s = sources[r.report];
    if (s[key] === null) {
      s[key] = plain ? lit(r.id) : r.id;
    }
  });
}
first(reports.Tag("report").Out(p("reportedBy")).Out(p("identifier")), "doc", false);
first(reports.Tag("report").Out(p("killed")), "killed", true);
first(reports.Tag("report").Out(p("injured")), "injured", true);
first(reports.Tag("report").Out(p("date")), "date", true);

order.forEach(function (row) {
  row.actors.sort();
  row.sources.sort(function (a, b) { return a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0; });
  g.Emit(row);
});
