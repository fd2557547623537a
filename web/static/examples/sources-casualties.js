// Which sources report each attack, and what each says about casualties:
// one row per attack with one entry per reporting document, a page at a
// time: the newest first, `first` rows after the cursor `after` ("" for
// the first page).
// Run: newsgraph query -f examples/queries/sources-casualties.js
// Next page: set `after` to the cursor of the last row printed.
//
// The page comes from the calendar (page, below); like who-struck-whom.js,
// the query then walks the page's attacks (and their reports) once per
// field and joins the answers by node.
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

// page returns the first n attacks after the cursor `after`, the newest
// first, from the store's calendar (see `newsgraph schema`: dated,
// within): the years from the newest, then their months, then their days,
// and the attacks dated in each period by IRI; the undated last. It reads
// only the periods and events on its way to n attacks, and passes over
// the periods before the cursor unread. where, if given, narrows the
// attacks of a period (a path) to those wanted. Each entry: {id, date,
// cursor}.
var cal = "https://newsgraph.org/id/calendar";
function page(n, after, where) {
  var out = [];
  var cut = after.indexOf("|");
  var from = after ? {date: after.slice(0, cut), id: after.slice(cut + 1)} : null;
  function node(d) { return "<" + cal + (d ? "/" + d : "") + ">"; }
  function bare(v) { return String(v).slice(1, -1); }
  function follows(d, id, at) {
    if (!at) { return true; }
    if (d !== at.date) { return (d === "") !== (at.date === "") ? d === "" : d < at.date; }
    return id > at.id;
  }
  function walk(d, at) {
    // A day ("YYYY-MM-DD") holds no shorter period: its subperiods are
    // not asked for.
    var subs = d.length >= 10 ? [] :
      g.V(node(d)).In(p("within")).ToArray().map(function (v) { return bare(v).slice(cal.length + 1); });
    subs.sort().reverse();
    for (var i = 0; i < subs.length && out.length < n; i++) {
      var s = subs[i], inside = at && at.date.indexOf(s) === 0;
      if (!at || inside || (at.date !== "" && s < at.date)) {
        walk(s, inside ? at : null);
      }
    }
    if (out.length >= n) {
      return; // the page is full: the period's own attacks are not read
    }
    var dated = g.V(node(d)).In(p("dated")).Has(type, p("Attack"));
    var evs = (where ? where(dated) : dated).ToArray().map(bare).sort();
    for (var j = 0; j < evs.length && out.length < n; j++) {
      if (follows(d, evs[j], at)) {
        out.push({id: "<" + evs[j] + ">", date: d || null, cursor: d + "|" + evs[j]});
      }
    }
  }
  walk("", from);
  return out;
}

var rows = {}, order = [];
page(first, after).forEach(function (e) {
  rows[e.id] = {event: e.id, actors: [], date: e.date, sources: [], cursor: e.cursor};
  order.push(rows[e.id]);
});
// One entry per report: the document that reports it and its own figures.
var sources = {};
// fill reads the fields of the attacks s.path leads to into their rows:
// s.row if it has one (one attack, untagged: Cayley puts a tagged start
// node into SQL no better than many), else the rows of the tag "event".
function fill(s) {
  var rowOf = function (r) { return s.row || rows[r.event]; };
  s.path.Out(p("actor")).Out(p("name")).ForEach(function (r) {
    var list = rowOf(r).actors;
    if (list.indexOf(r.id) < 0) {
      list.push(r.id);
    }
  });

  // Not Unique: Cayley's SQL store reads a Unique path with a statement
  // per link; a report met twice is one entry all the same.
  var reports = s.path.In(p("reportOf"));
  reports.ForEach(function (r) {
    if (!sources[r.id]) {
      sources[r.id] = {doc: null, killed: null, injured: null, date: null};
    }
    if (rowOf(r).sources.indexOf(sources[r.id]) < 0) {
      rowOf(r).sources.push(sources[r.id]);
    }
  });
  // firstOf sets key of each report's entry to the first value the path from
  // the report leads to.
  function firstOf(path, key, plain) {
    path.ForEach(function (r) {
      var s = sources[r.report];
      if (s[key] === null) {
        s[key] = plain ? lit(r.id) : r.id;
      }
    });
  }
  firstOf(reports.Tag("report").Out(p("reportedBy")).Out(p("identifier")), "doc", false);
  firstOf(reports.Tag("report").Out(p("killed")), "killed", true);
  firstOf(reports.Tag("report").Out(p("injured")), "injured", true);
  firstOf(reports.Tag("report").Out(p("date")), "date", true);
}
if (order.length > 0) {
  (perAttack ? order.map(function (r) { return {path: g.V(r.event), row: r}; }) :
    [{path: g.V.apply(g, order.map(function (r) { return r.event; })).Tag("event"), row: null}]).forEach(fill);
}

// bySource orders a row's sources by document, then by what they say: a
// document may report an attack twice, and its two entries come in the
// same order whichever store (bolt, PostgreSQL) read them.
function bySource(a, b) {
  if (a.doc !== b.doc) {
    return a.doc < b.doc ? -1 : 1;
  }
  var ka = JSON.stringify(a), kb = JSON.stringify(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
order.forEach(function (row) {
  row.actors.sort();
  row.sources.sort(bySource);
  g.Emit(row);
});
